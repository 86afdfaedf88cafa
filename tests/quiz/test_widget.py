"""Tests for kzlessons/quiz/widget.py, driven headlessly: set .value, call Button.click()."""

from __future__ import annotations

import re

import ipywidgets as widgets
import pytest
from IPython.core.formatters import DisplayFormatter

import kzlessons as kz
from kzlessons.quiz.widget import QuizWidget

#: qid -> (how to set a right answer, how to set a wrong answer) on the input widgets
L00 = {
    "l00-what-check-does": ("single", "b", "a"),
    "l00-progress-facts": ("multiple", ["a", "b", "d"], ["c"]),
    "l00-largest-landlocked": ("text", "Land-locked", "island"),
    "l00-area": ("numeric", "2,724,900", "17,098,246"),
    "l00-first-steps": ("ordering", ["b", "c", "d", "a"], ["a", "d", "c", "b"]),
}


def _set(w: QuizWidget, value) -> None:
    """Set the answer the way a learner would: through each input widget's .value."""
    kind = w.question.type
    if kind == "multiple":
        for option, box in zip(w.question.options, w.inputs):
            box.value = option.id in value
    elif kind == "ordering":
        for box, item in zip(w.inputs, value):
            box.value = item
    else:
        w.inputs[0].value = value


@pytest.mark.parametrize("qid", L00)
def test_every_type_right_answer_through_the_widget(kz_home, qid):
    """Does a right answer, set via .value and Check.click(), show '✅ Correct' and the explanation?"""
    w = kz.quiz.ask(qid)
    _set(w, L00[qid][1])
    w.check_button.click()
    assert "✅</span> Correct" in w.feedback.value and w.result.correct
    assert "Why:" in w.explanation and "Attempts: 1" in w.feedback.value


@pytest.mark.parametrize("qid", L00)
def test_every_type_wrong_answer_through_the_widget(kz_home, qid):
    """Does a wrong answer show '❌ Not quite' with words, and is it recorded as an attempt?"""
    w = kz.quiz.ask(qid)
    _set(w, L00[qid][2])
    w.check_button.click()
    assert "❌</span> Not quite</strong> — " in w.feedback.value and not w.result.correct
    frame = kz.progress.attempts()
    assert frame["question_id"].tolist() == [qid] and not frame["correct"].iloc[0]


def test_partial_answers_show_partly_right(kz_home):
    """Does a partly right ordering show '◐ Partly right' with the score?"""
    w = kz.quiz.ask("l00-first-steps")
    _set(w, ["c", "b", "d", "a"])
    w.check_button.click()
    assert "◐</span> Partly right" in w.feedback.value and "score 83%" in w.feedback.value


def test_widget_records_through_progress_record(kz_home, monkeypatch):
    """Does the Check button go through kz.progress.record (the one recording path)?"""
    calls = []
    real = kz.progress.record
    monkeypatch.setattr(kz.progress, "record", lambda qid, answer: calls.append((qid, answer)) or real(qid, answer))
    w = kz.quiz.ask("l00-what-check-does")
    _set(w, "b")
    w.check_button.click()
    assert calls == [("l00-what-check-does", "b")]


def test_empty_answer_gives_a_hint_and_is_not_recorded(kz_home):
    """Does pressing Check with nothing chosen give a hint, without recording an attempt?"""
    for qid in L00:
        w = kz.quiz.ask(qid)
        w.check_button.click()
        assert "ℹ️" in w.feedback.value and "Nothing to check yet" in w.feedback.value
    assert kz.progress.attempts().empty


def test_attempts_are_counted(kz_home):
    """Does the counter go up by one per Check?"""
    w = kz.quiz.ask("l00-area")
    for n, value in enumerate(["1", "2", "2724900"], start=1):
        _set(w, value)
        w.check_button.click()
        assert f"Attempts: {n}" in w.feedback.value


@pytest.mark.parametrize("qid", L00)
def test_rerun_restores_last_answer_and_result(kz_home, qid):
    """Does re-running ask() (a new widget, as after reopening) restore the last answer and its feedback?"""
    first = kz.quiz.ask(qid)
    _set(first, L00[qid][2])
    first.check_button.click()
    _set(first, L00[qid][1])
    first.check_button.click()
    again = kz.quiz.ask(qid)
    assert again.answer == first.answer
    assert again.result == first.result and "Restored from your last attempt" in again.feedback.value
    assert "Attempts: 2" in again.feedback.value and again.explanation


def test_restore_works_in_a_new_process(kz_home):
    """Is the last answer restored by a fresh interpreter (a reopened notebook with a new kernel)?"""
    import subprocess
    import sys

    kz.progress.record("l00-largest-landlocked", "landlocked")
    code = "import kzlessons as kz; w = kz.quiz.ask('l00-largest-landlocked'); print(w.inputs[0].value, w.result.correct)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["landlocked", "True"]


def test_reset_clears_the_form_but_keeps_attempts(kz_home):
    """Does Reset clear the answer, feedback and explanation while attempts stay recorded?"""
    w = kz.quiz.ask("l00-progress-facts")
    _set(w, ["a"])
    w.check_button.click()
    w.reset_button.click()
    assert w.answer == [] and w.result is None and w.explanation == ""
    assert "Not quite" not in w.feedback.value and "Attempts: 1" in w.feedback.value
    assert len(kz.progress.attempts()) == 1


@pytest.mark.parametrize("qid", L00)
def test_inputs_have_labels_and_buttons_are_real_buttons(kz_home, qid):
    """Does every input carry a visible label, and are Check/Reset keyboard-operable Buttons?"""
    w = kz.quiz.ask(qid)
    for box in w.inputs:
        assert box.description.strip(), box
    assert isinstance(w.check_button, widgets.Button) and w.check_button.description == "Check"
    assert isinstance(w.reset_button, widgets.Button) and not w.check_button.disabled
    assert w.check_button.tooltip and w.reset_button.tooltip


def test_numeric_input_shows_the_unit(kz_home):
    """Is the numeric question's unit shown in the input's label and the prompt?"""
    w = kz.quiz.ask("l00-area")
    assert "km²" in w.inputs[0].description and "km²" in w.prompt.value


def test_feedback_is_a_live_region_with_icon_and_words(kz_home):
    """Is feedback in a role=status aria-live=polite region, with the icon hidden from screen readers and words beside it?"""
    w = kz.quiz.ask("l00-what-check-does")
    assert "role='status' aria-live='polite'" in w.feedback.value
    _set(w, "b")
    w.check_button.click()
    assert "<span aria-hidden='true'>✅</span> Correct" in w.feedback.value


def test_only_theme_variables_set_colours(kz_home):
    """Are all colours JupyterLab CSS variables (no hex/rgb), so dark themes stay readable?"""
    w = kz.quiz.ask("l00-first-steps")
    _set(w, ["c", "b", "d", "a"])
    w.check_button.click()
    html = w.prompt.value + w.feedback.value + w.explanation + str(w.layout.border)
    colours = re.findall(r"(?:color|background|border[a-z-]*)\s*:\s*([^;'\"]+)", html)
    assert colours and all("var(--jp-" in c for c in colours if c.strip() not in ("0", "none")), colours


def test_display_carries_widget_html_and_plain_text(kz_home):
    """Does the display bundle carry the widget view, static text/html with <details> and deterministic text/plain?"""
    w = kz.quiz.ask("l00-area")
    data, _ = DisplayFormatter().format(w)
    assert {"application/vnd.jupyter.widget-view+json", "text/html", "text/plain"} <= set(data)
    assert "<details>" in data["text/html"]
    again, _ = DisplayFormatter().format(kz.quiz.ask("l00-area"))
    assert again["text/plain"] == data["text/plain"] and again["text/html"] == data["text/html"]


def test_xss_is_escaped_in_the_widget(kz_home, xss_bank):
    """Are question text, options, feedback and a learner's answer HTML-escaped in the widget?"""
    from kzlessons.quiz.widget import QuizWidget  # noqa: F401 - the bank is patched in the fixture

    for qid in kz.quiz.ids(lesson="99"):
        w = kz.quiz.ask(qid)
        if w.question.type == "text":
            w.inputs[0].value = '<script>alert("learner")</script>'
        elif w.question.type == "numeric":
            w.inputs[0].value = "<img src=x onerror=alert(3)>"
        elif w.question.type == "single":
            w.inputs[0].value = "a"
        elif w.question.type == "multiple":
            w.inputs[1].value = True
        else:
            for box, option in zip(w.inputs, reversed(w.question.options)):
                box.value = option.id
        w.check_button.click()
        shown = w.prompt.value + w.feedback.value + w.explanation
        assert "<script" not in shown and "<img" not in shown, (qid, shown)
        assert "&lt;script&gt;" in shown or "&lt;img" in shown
        data, _ = DisplayFormatter().format(w)
        assert "<script" not in data["text/html"] and "<img" not in data["text/html"]


def test_download_widget_gives_a_data_link(kz_home):
    """Does the download button put a base64 data: link to a valid export (with the optional name) into the page?"""
    import base64
    import json

    from kzlessons.progress.exchange import validate_export

    kz.progress.record("l00-area", "2724900")
    d = kz.progress.download()
    d.name.value = "Aigerim <b>"
    d.button.click()
    match = re.search(r"download='kzlessons-progress.json' href='data:application/json;base64,([A-Za-z0-9+/=]+)'",
                      d.link.value)
    assert match and "role='status'" in d.link.value
    data = validate_export(json.loads(base64.b64decode(match.group(1))))
    assert data["learner"] == "Aigerim <b>" and len(data["attempts"]) == 1


def test_progress_import_does_not_import_ipywidgets():
    """Do record/attempts work without importing ipywidgets (the download widget imports it lazily)?"""
    import subprocess
    import sys

    code = "import sys, kzlessons.progress as p; print('ipywidgets' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
