"""The quiz widget tells the truth about the progress store (issue 12.3, probe B2 and B3)."""

from __future__ import annotations

import warnings

import pytest

import kzlessons as kz
from kzlessons.progress.store import StoreWarning

QID = "l00-what-check-does"


def test_an_attempt_that_cannot_be_saved_says_so_in_the_feedback(kz_home):
    """With a home that is a file, does Check still grade, say in the quiz's own feedback that the answer
    was not saved (and what to do), and not count it as a saved attempt?"""
    kz_home.write_text("not a folder")
    w = kz.quiz.ask(QID)
    w.inputs[0].value = "b"
    with warnings.catch_warnings():
        warnings.simplefilter("error", StoreWarning)  # nothing goes only to the Log Console
        w.check_button.click()
    text = w.feedback.text
    assert text.startswith("✓ Correct") and "not saved" in text and "writable" in text
    assert "Attempts: 0 saved, 1 not saved" in text


def test_show_answer_and_reset_that_cannot_be_saved_say_so(kz_home):
    """Are failed Show answer and Reset writes reported in the feedback too?"""
    kz_home.write_text("not a folder")
    w = kz.quiz.ask(QID)
    w.show_button.click()
    assert "Answer shown" in w.feedback.text and "not saved" in w.feedback.text
    w.reset_button.click()
    assert w.feedback.text.startswith("⚠ Progress problem") and "not saved" in w.feedback.text


def test_an_unreadable_store_is_named_in_the_feedback(kz_home):
    """When the store cannot be read (attempts.jsonl is a folder), does the quiz still work and say that
    earlier answers could not be read, without pretending to know the count?"""
    (kz_home / "progress" / "attempts.jsonl").mkdir(parents=True)
    w = kz.quiz.ask(QID)
    assert w.feedback.text.startswith("⚠ Progress problem") or "could not be read" in w.feedback.text
    assert "could not be read" in w.feedback.text and "kz.check()" in w.feedback.text
    w.inputs[0].value = "a"
    w.check_button.click()
    text = w.feedback.text
    assert text.startswith("✗ Not quite") and "not saved" in text
    assert "(earlier attempts could not be read)" in text


@pytest.mark.parametrize("stored", [[["a", "b"]], {"a": 1}, [{"x": [1]}], 7, "zz", [None, 3.5], "a" * 5000,
                                    [["a"], "b", ["c"]], True])
@pytest.mark.parametrize("qid", ["l00-progress-facts", "l00-what-check-does", "l00-first-steps", "l00-area",
                                 "l00-largest-landlocked"])
def test_a_stored_answer_of_any_shape_never_breaks_ask(kz_home, qid, stored):
    """Probe B3: whatever answer is stored (nested lists, dicts, numbers, long text), does ask() build the
    widget, show feedback for it, and keep the form usable?"""
    kz.progress.record(qid, stored)
    w = kz.quiz.ask(qid)
    assert "Restored from your last attempt" in w.feedback.text and w.result is not None
    w.reset_button.click()
    assert w.result is None


def test_answer_setter_tolerates_anything(kz_home):
    """Does setting .answer to values of the wrong shape leave an empty (valid) form instead of raising?"""
    for qid in ("l00-progress-facts", "l00-what-check-does", "l00-first-steps", "l00-area"):
        w = kz.quiz.ask(qid)
        for value in ([["a", "b"]], {"a"}, object(), float("nan"), [1, 2], None, b"a"):
            w.answer = value
        w.answer = None
        assert w.answer in (None, [], "") or all(v is None for v in w.answer)
