"""The quiz widget under assessment mode (kzlessons/quiz/widget.py with quiz/assessment.py), headless:
answers are saved and marked, nothing says right or wrong before the release, and everything after it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import kzlessons as kz
from kzlessons.quiz import assessment as mode
from kzlessons.quiz.widget import MemoryTracker, QuizWidget

from .test_widget import L00  # qid -> (type, right answer, wrong answer) as set on the input widget

VERDICT = re.compile(r"Correct|Not quite|Partly right|too (high|low)|Try again|Answer:|Why:", re.I)


@pytest.fixture
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An assessment config for lesson 00, released by the file ``released`` next to it, in force through
    $KZLESSONS_ASSESSMENT (as a hub sets it); returns the release file."""
    config = tmp_path / "course" / "assessment.toml"
    config.parent.mkdir()
    config.write_text('[[assessment]]\nname = "Quiz 1"\nlessons = ["00"]\nrelease_file = "released"\n',
                      encoding="utf-8")
    monkeypatch.setenv(mode.ENV, str(config))
    return config.parent / "released"


def _answer(w: QuizWidget, value) -> None:
    w.inputs[0].value = value
    w.check_button.click()


def _history(qid: str) -> list[dict]:
    from kzlessons.progress.events import history

    return history(qid)


@pytest.mark.parametrize("qid", L00)
def test_right_and_wrong_answers_look_the_same_and_are_saved_marked(kz_home, course, qid):
    """Under assessment, do a wrong and a right answer both show only 'Answer saved' (icon and words, the
    same text but for the count), no verdict, hint or explanation, and are both stored with mode=assessment?"""
    _type, right, wrong = L00[qid]
    w = kz.quiz.ask(qid)
    _answer(w, wrong)
    after_wrong = w.feedback.text
    _answer(w, right)
    after_right = w.feedback.text
    assert after_wrong.startswith("⤓ Answer saved — Your answer is saved for Quiz 1.")
    assert after_wrong.replace("Attempts: 1", "Attempts: 2") == after_right
    assert w.feedback.tone == "hint" and w.feedback.icon == "⤓"
    assert not VERDICT.search(after_right) and w.explanation == "" and w.result is None
    question = kz.quiz.get(qid)
    for option in question.options:  # no option's hint (feedback) is shown
        assert not option.feedback or option.feedback not in after_wrong
    rows = [r for r in _history(qid) if r.get("kind", "attempt") == "attempt"]
    assert [r.get("mode") for r in rows] == ["assessment", "assessment"]
    assert [r["correct"] for r in rows] == [False, True]  # graded and stored; only not shown


def test_only_save_answer_is_offered_and_show_answer_does_nothing(kz_home, course):
    """Under assessment, is 'Save answer' the only button (no Show answer, no Reset), does the line above
    the question say it is graded and when the results come, and does show_answer() reveal and store nothing?"""
    w = kz.quiz.ask("l00-what-check-does")
    assert [b.description for b in w._buttons.children] == ["Save answer"]
    assert "Assessment · single choice" in w.prompt.value
    assert "Graded (Quiz 1): your answer is saved, not checked; the results are shown when your instructor " \
           "releases them." in w.prompt.value
    w.show_answer()
    assert w.explanation == "" and w.feedback.text == "" and _history("l00-what-check-does") == []


def test_nothing_to_save_is_said_and_not_stored(kz_home, course):
    """Does Save answer with nothing chosen say there is nothing to save (how to answer), storing nothing?"""
    w = kz.quiz.ask("l00-area")
    w.check_button.click()
    assert w.feedback.text.startswith("ⓘ Nothing to save yet") and _history("l00-area") == []


def test_the_static_fallbacks_carry_no_answer(kz_home, course):
    """Do the widget's text/html and text/plain (saved in the notebook, shown by GitHub or nbviewer) leave
    out the answer and the explanation, and say that the question is graded in Jupyter?"""
    w = kz.quiz.ask("l00-area")
    bundle = w._repr_mimebundle_()
    question = kz.quiz.get("l00-area")
    assert "2,724,900" not in bundle["text/html"] and question.explanation[:40] not in bundle["text/html"]
    assert "<details" not in bundle["text/html"] and "Graded in Jupyter" in bundle["text/html"]
    assert "kzlessons-quiz-static" in bundle["text/html"]  # the saving hook still finds it
    assert bundle["text/plain"].endswith("a kernel is needed), and press Save answer. The answer and the "
                                         "explanation are not on this page; the results are shown in Jupyter when "
                                         "your instructor releases them.]")


def test_a_rerun_restores_the_saved_answer_without_a_verdict(kz_home, course):
    """Does running the cell again (a new widget) put the saved answer back in the form and say it was
    restored, still without right or wrong?"""
    _answer(kz.quiz.ask("l00-largest-landlocked"), "island")
    again = kz.quiz.ask("l00-largest-landlocked")
    assert again.answer == "island" and again.result is None
    assert "Restored: the answer you saved." in again.feedback.text and not VERDICT.search(again.feedback.text)


def test_after_the_release_the_saved_answers_show_their_feedback(kz_home, course):
    """Once the release file exists, does a rerun show the verdict on the saved answer (saying it is the
    released result), the usual buttons, and is a new Check an ordinary self-check again (no mode)?"""
    first = kz.quiz.ask("l00-what-check-does")
    _answer(first, "a")
    course.write_text("")  # the instructor publishes the release
    released = kz.quiz.ask("l00-what-check-does")
    text = released.feedback.text
    assert text.startswith("✗ Not quite") and "Results of Quiz 1 released: this is the feedback on the answer " \
                                                "you saved." in text
    assert [b.description for b in released._buttons.children] == ["Check", "Show answer", "Reset"]
    assert "Assessment, results released" in released.prompt.value and "Graded (" not in released.prompt.value
    _answer(released, "b")
    assert released.feedback.text.startswith("✓ Correct") and "Why:" in released.explanation
    assert [r.get("mode") for r in _history("l00-what-check-does")] == ["assessment", None]


def test_a_release_while_the_quiz_is_open_shows_at_the_next_press(kz_home, course):
    """Does the same widget notice the release at its next Check: buttons back, and a verdict?"""
    w = kz.quiz.ask("l00-area")
    _answer(w, "1")
    course.write_text("")
    _answer(w, "2 724 900")
    assert w.feedback.text.startswith("✓ Correct") and w.check_button.description == "Check"
    assert [r.get("mode") for r in _history("l00-area")] == ["assessment", None]


def test_a_save_that_fails_is_not_called_saved(kz_home, course):
    """When the store refuses the answer, does the quiz say so (Progress problem), never 'Answer saved'?"""
    kz_home.write_text("not a folder")
    w = kz.quiz.ask("l00-what-check-does")
    _answer(w, "b")
    assert w.feedback.text.startswith("⚠ Progress problem") and "not be saved" in w.feedback.text
    assert "Answer saved" not in w.feedback.text and not VERDICT.search(w.feedback.text)


def test_a_broken_config_withholds_and_says_why(kz_home, tmp_path, monkeypatch):
    """With a config that cannot be used, is the quiz under assessment (nothing revealed) and does it say
    what is wrong and to tell the instructor?"""
    monkeypatch.setenv(mode.ENV, str(tmp_path / "missing.toml"))
    w = kz.quiz.ask("l03-" + kz.quiz.ids(lesson="03")[0][4:])
    _answer(w, w.question.options[0].id if w.question.options else "1")
    assert w.feedback.text.startswith("⤓ Answer saved") and "Tell your instructor" in w.prompt.value
    assert "missing.toml" in w.prompt.value and w.explanation == ""


def test_questions_outside_the_assessment_are_self_checks(kz_home, course):
    """Is a question of another lesson unchanged: Check, a verdict at once, no mode stored?"""
    qid = kz.quiz.ids(lesson="01")[0]
    w = kz.quiz.ask(qid)
    assert w.check_button.description == "Check" and "Self-check" in w.prompt.value
    _answer(w, kz.quiz.get(qid).options[0].id)
    assert VERDICT.search(w.feedback.text) and _history(qid)[0].get("mode") is None


def test_a_widget_given_a_config_uses_it(tmp_path):
    """Does QuizWidget(assessment=...) use that config, recording through any tracker with the mode field?"""
    config = mode.parse('[[assessment]]\nquestions = ["l00-area"]\nrelease_file = "r"', base=tmp_path)
    question = kz.quiz.get("l00-area")
    tracker = MemoryTracker(question)
    w = QuizWidget(question, tracker=tracker, assessment=config)
    _answer(w, "2724900")
    assert tracker.rows == [{"question_id": "l00-area", "answer": "2724900", "mode": "assessment"}]
    assert w.feedback.text.startswith("⤓ Answer saved")


def test_an_answer_that_cannot_be_read_is_refused_not_saved(kz_home, course):
    """Under assessment, is an answer that cannot be graded ('abc' for a number, an item used twice) refused
    with the reason and the Save answer button named, and nothing stored (it would only count as wrong)?"""
    w = kz.quiz.ask("l00-area")
    _answer(w, "abc")
    assert w.feedback.text.startswith("ⓘ Not saved yet — 'abc' is not a number.")
    assert "then press Save answer." in w.feedback.text and _history("l00-area") == []
    order = kz.quiz.ask("l00-first-steps")
    _answer(order, ["b", "b", "d", "a"])
    assert "used twice" in order.feedback.text and _history("l00-first-steps") == []


def test_how_to_answer_names_the_save_button(kz_home, course):
    """Do the how-to-answer lines say 'press Save answer' under assessment (the legend's and the prompt's)?"""
    choice = kz.quiz.ask("l00-what-check-does")
    assert choice.inputs[0].hint == "Choose one option, then press Save answer."
    typed = kz.quiz.ask("l00-area")
    assert "then press Save answer." in typed.prompt.value and "press Check" not in typed.prompt.value
