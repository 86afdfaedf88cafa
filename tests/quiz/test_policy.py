"""Tests for kzlessons/quiz/policy.py and the widget's reveal policy: wrong → hint → retry → reveal,
Show answer and Reset, each state restored by a reopened notebook (a new widget over the same store)."""

from __future__ import annotations

import json

import pytest

import kzlessons as kz
from kzlessons.quiz import policy
from kzlessons.quiz.widget import MemoryTracker, QuizWidget

QID = "l00-what-check-does"  # single choice: b is right; a and c are wrong with their own feedback


def _store_rows(home):
    path = home / "progress" / "attempts.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_the_course_default_is_in_one_place_and_a_bank_field_overrides_it(make_question):
    """Is the default 2 tries, overridable per question with reveal_after (validated by the schema)?"""
    assert policy.REVEAL_AFTER == 2
    assert policy.reveal_after(make_question("single")) == 2
    assert policy.reveal_after(make_question("single", reveal_after=3)) == 3
    from kzlessons.quiz import bank

    schema = bank._validator().schema  # the bank schema declares the field
    assert schema["$defs"]["question"]["properties"]["reveal_after"]["minimum"] == 1


def test_wrong_shows_option_feedback_and_hint_not_the_answer(kz_home):
    """After one wrong try: the option's feedback and the question's hint, no answer, no explanation,
    and a sentence saying how many tries are left."""
    w = kz.quiz.ask(QID)
    q = w.question
    w.inputs[0].value = "a"
    w.check_button.click()
    text = w.feedback.text
    assert text.startswith("✗ Not quite") and q.option("a").feedback in text and q.feedback in text
    assert "1 more try" in text and "Show answer" in text
    assert w.explanation == "" and q.explanation not in text and not w.show_button.disabled


def test_retry_right_reveals(kz_home):
    """Wrong, then right: the explanation and right answer appear, and Show answer is no longer needed."""
    w = kz.quiz.ask(QID)
    w.inputs[0].value = "a"
    w.check_button.click()
    w.inputs[0].value = "b"
    w.check_button.click()
    assert w.feedback.text.startswith("✓ Correct") and "Attempts: 2" in w.feedback.text
    assert "Answer:" in w.explanation and "Why:" in w.explanation and w.show_button.disabled


def test_reveal_after_the_set_number_of_tries(kz_home):
    """Two wrong tries (the default) reveal the answer and explanation, saying why."""
    w = kz.quiz.ask(QID)
    for value in ("a", "c"):
        w.inputs[0].value = value
        w.check_button.click()
    assert w.state.revealed == "tries" and "After 2 tries" in w.feedback.text
    assert w.question.answer_text().split(") ")[1][:20] in w.explanation and w.show_button.disabled


def test_per_question_reveal_after(make_question):
    """A question with reveal_after: 3 stays hidden after two wrong tries and reveals after the third."""
    w = QuizWidget(make_question("single", reveal_after=3))
    for i, value in enumerate(["a", "c", "a"], start=1):
        w.inputs[0].value = value
        w.check_button.click()
        assert bool(w.explanation) == (i == 3)


def test_show_answer_is_recorded_as_shown_not_correct(kz_home):
    """Show answer reveals the answer, stores a 'shown' row (not an attempt, never correct)."""
    w = kz.quiz.ask(QID)
    w.show_button.click()
    assert w.feedback.text.startswith("ⓘ Answer shown") and "not as correct" in w.feedback.text
    assert "Answer:" in w.explanation and w.show_button.disabled
    rows = _store_rows(kz_home)
    assert [(r["kind"], r["correct"]) for r in rows] == [("shown", False)]
    assert kz.progress.attempts().empty and kz.progress.summary().empty
    w.show_button.click()  # a second press stores nothing more
    assert len(_store_rows(kz_home)) == 1


def test_reset_is_stored_and_a_rerun_starts_empty(kz_home):
    """After Reset, re-running the cell shows an empty form without the old answer; the count stays."""
    w = kz.quiz.ask(QID)
    w.inputs[0].value = "b"
    w.check_button.click()
    w.reset_button.click()
    assert w.answer is None and w.result is None and w.explanation == "" and w.feedback.text == "Attempts: 1"
    again = kz.quiz.ask(QID)
    assert again.answer is None and again.result is None and again.explanation == ""
    assert again.feedback.text == "Attempts: 1" and not again.show_button.disabled
    assert [r.get("kind", "attempt") for r in _store_rows(kz_home)] == ["attempt", "reset"]


def test_reset_restarts_the_try_count(kz_home):
    """After two wrong tries and Reset, does the next wrong try leave the answer hidden again?"""
    w = kz.quiz.ask(QID)
    for value in ("a", "c"):
        w.inputs[0].value = value
        w.check_button.click()
    w.reset_button.click()
    w.inputs[0].value = "a"
    w.check_button.click()
    assert w.explanation == "" and "1 more try" in w.feedback.text and "Attempts: 3" in w.feedback.text


@pytest.mark.parametrize("steps, expect", [
    (["a"], {"status": "wrong", "answer": "a", "revealed": "", "text": "1 more try"}),
    (["a", "b"], {"status": "correct", "answer": "b", "revealed": "correct", "text": "Correct"}),
    (["a", "c"], {"status": "wrong", "answer": "c", "revealed": "tries", "text": "After 2 tries"}),
    (["a", "show"], {"status": "shown", "answer": "a", "revealed": "shown", "text": "Answer shown"}),
    (["show"], {"status": "shown", "answer": None, "revealed": "shown", "text": "Answer shown"}),
    (["b", "reset"], {"status": "", "answer": None, "revealed": "", "text": "Attempts: 1"}),
    (["a", "c", "reset", "a"], {"status": "wrong", "answer": "a", "revealed": "", "text": "1 more try"}),
])
def test_a_reopened_notebook_restores_each_state(kz_home, steps, expect):
    """Does a new widget over the same store (a reopened notebook) show the same state as the old one:
    wrong-with-hint, right, revealed after tries, shown, reset?"""
    first = kz.quiz.ask(QID)
    for step in steps:
        if step == "show":
            first.show_button.click()
        elif step == "reset":
            first.reset_button.click()
        else:
            first.inputs[0].value = step
            first.check_button.click()
    again = kz.quiz.ask(QID)
    for w in (first, again):
        assert w.state.revealed == expect["revealed"] and bool(w.explanation) == bool(expect["revealed"])
        assert w.answer == expect["answer"] and expect["text"] in w.feedback.text
        assert w.show_button.disabled == bool(expect["revealed"])
        status = w.state.result.status if w.state.last == "attempt" else ("shown" if w.state.last else "")
        assert status == expect["status"]
    assert again.feedback.footer == first.feedback.footer
    if steps[-1] not in ("reset",):
        assert "Restored" in again.feedback.text


def test_a_new_kernel_restores_a_shown_answer(kz_home):
    """Is the 'shown' state restored by a fresh interpreter too?"""
    import subprocess
    import sys

    kz.quiz.ask(QID).show_button.click()
    code = f"import kzlessons as kz; w = kz.quiz.ask({QID!r}); print(w.state.revealed, bool(w.explanation))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["shown", "True"]


def test_replay_regrades_against_the_bank_and_ignores_unknown_rows(make_question):
    """Does replay grade stored answers again (not trust 'correct'), and skip rows it does not know?"""
    q = make_question("single")
    state = policy.replay(q, [{"answer": "a", "correct": True}, {"kind": "from-the-future"}, "junk"])
    assert state.result.status == "wrong" and state.tries == 1 and state.attempts == 1


def test_memory_tracker_when_no_store_is_given(make_question):
    """Does a widget built without a tracker work, keeping its rows only in memory?"""
    tracker = MemoryTracker(make_question("numeric"))
    w = QuizWidget(tracker.questions["l99-numeric"], tracker=tracker)
    w.inputs[0].value = "102"
    w.check_button.click()
    assert w.result.correct and tracker.rows == [{"question_id": "l99-numeric", "answer": "102"}]
