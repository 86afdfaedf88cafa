"""Tests for kzlessons/quiz/text.py: short answers compared after folding, variants, one typo in long answers."""

from __future__ import annotations

import pytest

from kzlessons.quiz.text import normalise_text


@pytest.mark.parametrize("answer", ["astana", "ASTANA", "  Astana!! ", "nur sultan", "Nur–Sultan", "NUR_SULTAN"])
def test_text_is_normalised(make_question, answer):
    """Are case, spaces, punctuation and dashes ignored when comparing short text?"""
    assert make_question("text").check(answer).correct


def test_text_folds_accents():
    """Do "Türkiye", "TÜRKİYE" and "Turkiye" normalise to the same text?"""
    assert normalise_text("Türkiye") == normalise_text("TÜRKİYE") == normalise_text("Turkiye") == "turkiye"


def test_text_empty_and_huge_answers_get_feedback(make_question):
    """Do an empty string and a 1 MB string get feedback instead of a grade or an error?"""
    q = make_question("text")
    assert "empty" in q.check("  ...  ").feedback
    assert "too long" in q.check("a" * 1_000_000).feedback


# -- text variants (reviews 00-03 P6, 04-07 P6) -----------------------------------------------------------


@pytest.mark.parametrize("answer", ["Uniting for Peace procedure", "Uniting for Peace (resolution 377A)",
                                    "the Uniting for Peace", "Uniting & Peace"])
def test_text_answers_may_repeat_the_question_or_add_a_remark(make_question, answer):
    """Are words that only repeat the prompt, a bracketed remark, articles and '&' for 'and' ignored?"""
    q = make_question("text", prompt="What is the name of the procedure?",
                      answer={"accept": ["Uniting for Peace", "Uniting and Peace"]})
    assert q.check(answer).correct


def test_one_typo_is_forgiven_in_long_answers_only(make_question):
    """Is one typo accepted for a long variant (saying the usual spelling), but not for short ones or two?"""
    q = make_question("text", prompt="Name them.", answer={"accept": ["Scylla and Charybdis", "Astana"]})
    assert q.check("Skylla and Charybdis").correct and "usually spelt" in q.check("Skylla and Charybdis").feedback
    assert not q.check("Astama").correct and not q.check("Skylla und Charybdis").correct
    assert not q.check("Name them").correct  # only prompt words: nothing left to match
