"""Tests for kzlessons/quiz/question.py: what every question type shares (right and wrong answers, a pure
``check`` that never raises whatever it is given, the shipped banks' own answer keys)."""

from __future__ import annotations

import dataclasses
import math

import pytest
from hypothesis import HealthCheck, given, settings

from kzlessons.quiz import get, ids
from kzlessons.quiz.question import QUESTION_TYPES, Question
from kzlessons.quiz.result import Result

from .conftest import ANYTHING, SPECS


def test_right_answer_is_correct_for_every_type(kind, make_question, answers):
    """Does the right answer score 1 and count as correct, for every type?"""
    result = make_question(kind).check(answers[kind][0])
    assert result == Result(True, 1.0, result.feedback)
    assert result.status == "correct"


def test_wrong_answer_is_not_correct_for_every_type(kind, make_question, answers):
    """Does a wrong answer score 0, not count as correct, and say something?"""
    result = make_question(kind).check(answers[kind][1])
    assert (result.correct, result.score, result.status) == (False, 0.0, "wrong")
    assert result.feedback


def test_check_is_pure_and_deterministic(kind, make_question, answers):
    """Does checking the same answer twice give equal results and leave question and answer unchanged?"""
    q = make_question(kind)
    before = dataclasses.asdict(q)
    answer = answers[kind][2] or answers[kind][1]
    copy = list(answer) if isinstance(answer, list) else answer
    assert q.check(answer) == q.check(answer)
    assert dataclasses.asdict(q) == before and answer == copy


def test_shipped_answers_are_correct():
    """Does every shipped question accept its own answer key (as a learner would enter it)?"""
    for qid in ids():
        q = get(qid)
        key = {"numeric": lambda k: k.get("value", k.get("min")), "text": lambda k: k["accept"][0]}
        answer = key[q.type](q.answer) if q.type in key else (list(q.answer) if q.type != "single" else q.answer)
        assert q.check(answer).correct, qid


class _Hostile:
    def __repr__(self):
        raise RuntimeError("boom")

    def __float__(self):
        raise RuntimeError("boom")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(answer=ANYTHING)
def test_fuzz_check_never_raises(kind, make_question, answer):
    """Does check() return a well-formed Result (never an exception) for any value of any type?"""
    result = make_question(kind).check(answer)
    assert isinstance(result, Result) and isinstance(result.feedback, str) and result.feedback
    assert 0.0 <= result.score <= 1.0 and math.isfinite(result.score)
    assert result.correct == (result.score == 1.0)


@pytest.mark.parametrize("answer", [_Hostile(), object(), b"\xff" * 10, "x" * 10_000_000, [[[[[]]]]] * 200])
def test_odd_objects_get_feedback(kind, make_question, answer):
    """Do objects with a broken repr, bytes, a 10 MB string and deep lists get feedback?"""
    result = make_question(kind).check(answer)
    assert not result.correct and result.feedback


def test_every_bank_type_has_a_class():
    """Does from_dict know every type of the bank schema, each built as its own class?"""
    assert sorted(QUESTION_TYPES) == sorted(SPECS)
    for kind, spec in SPECS.items():
        question = Question.from_dict(spec, lesson="99")
        assert type(question) is QUESTION_TYPES[kind] and question.type == kind


def test_unreadable_names_a_format_problem_but_never_a_verdict():
    """Does Question.unreadable() give the reason for an answer that cannot be graded, and None for any
    gradable answer, right or wrong?"""
    from kzlessons.quiz import get

    area = get("l00-area")
    assert area.unreadable("abc") == area.check("abc").feedback
    assert area.unreadable("2724900") is None and area.unreadable("5") is None
    order = get("l00-first-steps")
    assert "used twice" in order.unreadable(["b", "b", "d", "a"]) and order.unreadable(["a", "b", "c", "d"]) is None
