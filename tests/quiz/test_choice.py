"""Tests for kzlessons/quiz/choice.py: single choice, multiple select and ordering (partial credit)."""

from __future__ import annotations

import pytest


def test_single_uses_option_feedback_then_default():
    """Does a wrong single choice show that option's feedback and the default feedback?"""
    from kzlessons.quiz.question import Question

    q = Question.from_dict(
        {"id": "l99-s", "type": "single", "prompt": "p", "answer": "b", "feedback": "Default.",
         "explanation": "e", "options": [{"id": "a", "text": "A", "feedback": "A is a trap."},
                                         {"id": "b", "text": "B"}, {"id": "c", "text": "C"}]}, "99")
    assert q.check("a").feedback == "A is a trap. Default."
    assert q.check("c").feedback == "Default."


def test_single_unknown_option_says_so(make_question):
    """Does an option id that does not exist get feedback naming it?"""
    result = make_question("single").check("zz")
    assert not result.correct and "'zz' is not one of the options" in result.feedback


def test_multiple_gives_partial_credit(make_question):
    """Is half of the right set (no wrong picks) worth 0.5 and reported as partly right?"""
    result = make_question("multiple").check(["a"])
    assert (result.correct, result.score, result.status) == (False, 0.5, "partial")
    assert "missed 1" in result.feedback


def test_multiple_wrong_picks_cancel_right_ones(make_question):
    """Does a wrong pick cancel a right one (a + b scores 0) and show b's feedback?"""
    result = make_question("multiple").check(["a", "b"])
    assert result.score == 0.0 and "B is not one." in result.feedback


def test_multiple_accepts_any_order_and_sets(make_question):
    """Are ("c", "a") and {"a", "c"} both correct?"""
    q = make_question("multiple")
    assert q.check(("c", "a")).correct and q.check({"a", "c"}).correct


def test_ordering_partial_credit_counts_pairs(make_question):
    """Does swapping the first two of four items cost one pair in six (score 5/6)?"""
    result = make_question("ordering").check(["z", "y", "x", "w"])
    assert result.status == "partial" and result.score == pytest.approx(5 / 6, abs=1e-4)
    assert "5 of 6 pairs" in result.feedback and "2 of 4 items" in result.feedback


def test_ordering_reversed_scores_zero(make_question):
    """Does a fully reversed order score 0?"""
    assert make_question("ordering").check(["w", "x", "z", "y"]).score == 0.0


@pytest.mark.parametrize("answer", [["y", "z", "x"], ["y", "y", "x", "w"], ["y", "z", "x", "w", "q"], "yzxw"])
def test_ordering_incomplete_lists_get_a_hint(make_question, answer):
    """Does a list that misses, repeats or adds items get a hint instead of a score?"""
    result = make_question("ordering").check(answer)
    assert result.score == 0 and "exactly once" in result.feedback
