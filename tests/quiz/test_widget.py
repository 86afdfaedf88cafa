"""Tests for kzlessons/quiz/widget.py and controls.py, driven headlessly: set .value, call Button.click()."""

from __future__ import annotations

import re

import pytest
from IPython.core.formatters import DisplayFormatter

import kzlessons as kz
from kzlessons.quiz import controls
from kzlessons.quiz.controls import ActionButton, ChoiceGroup, LiveRegion, OrderGroup, TextBox
from kzlessons.quiz.widget import QuizWidget

#: qid -> (how to set a right answer, how to set a wrong answer) on the input widgets
L00 = {
    "l00-what-check-does": ("single", "b", "a"),
    "l00-progress-facts": ("multiple", ["a", "b", "d"], ["c"]),
    "l00-largest-landlocked": ("text", "Land-locked", "island"),
    "l00-area": ("numeric", "2,724,900", "17,098,246"),
    "l00-first-steps": ("ordering", ["b", "c", "d", "a"], ["a", "d", "c", "b"]),
}


def _js(cls) -> str:
    """A control's ES module (the ``_esm`` trait sent to anywidget's front end, read from kzlessons/quiz/js)."""
    return cls.class_traits()["_esm"].default()


def _set(w: QuizWidget, value) -> None:
    """Set the answer the way a learner would: through the input widget's .value (the front end
    sets the same trait: an option id, a list of ids, one id per position, or the typed text)."""
    (box,) = w.inputs
    box.value = value


@pytest.mark.parametrize("qid", L00)
def test_every_type_right_answer_through_the_widget(kz_home, qid):
    """Does a right answer, set via .value and Check.click(), show '✓ Correct' and the explanation?"""
    w = kz.quiz.ask(qid)
    _set(w, L00[qid][1])
    w.check_button.click()
    assert w.feedback.text.startswith("✓ Correct") and w.result.correct
    assert "Why:" in w.explanation and "Attempts: 1" in w.feedback.text


@pytest.mark.parametrize("qid", L00)
def test_every_type_wrong_answer_through_the_widget(kz_home, qid):
    """Does a wrong answer show '✗ Not quite' with words, and is it recorded as an attempt?"""
    w = kz.quiz.ask(qid)
    _set(w, L00[qid][2])
    w.check_button.click()
    assert w.feedback.text.startswith("✗ Not quite — ") and not w.result.correct
    frame = kz.progress.attempts()
    assert frame["question_id"].tolist() == [qid] and not frame["correct"].iloc[0]


def test_partial_answers_show_partly_right(kz_home):
    """Does a partly right ordering show '◐ Partly right' with the score?"""
    w = kz.quiz.ask("l00-first-steps")
    _set(w, ["c", "b", "d", "a"])
    w.check_button.click()
    assert w.feedback.text.startswith("◐ Partly right") and "score 83%" in w.feedback.text


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
        assert w.feedback.text.startswith("ⓘ Nothing to check yet") and w.feedback.tone == "hint"
    assert kz.progress.attempts().empty


def test_attempts_are_counted(kz_home):
    """Does the counter go up by one per Check?"""
    w = kz.quiz.ask("l00-area")
    for n, value in enumerate(["1", "2", "2724900"], start=1):
        _set(w, value)
        w.check_button.click()
        assert f"Attempts: {n}" in w.feedback.text


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
    assert again.result == first.result and "Restored from your last attempt" in again.feedback.text
    assert "Attempts: 2" in again.feedback.text and again.explanation


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
    assert w.feedback.text == "Attempts: 1" and w.feedback.tone == ""
    assert len(kz.progress.attempts()) == 1


@pytest.mark.parametrize("qid", L00)
def test_inputs_have_labels_and_buttons_are_real_buttons(kz_home, qid):
    """Is every input labelled (a choice/ordering group by the question itself, as its legend; a text
    box by a visible label), and are Check/Reset keyboard-operable buttons tied to the input?"""
    w = kz.quiz.ask(qid)
    (box,) = w.inputs
    if w.question.type in {"single", "multiple", "ordering"}:
        assert isinstance(box, (ChoiceGroup, OrderGroup))
        assert box.legend == w.question.prompt and box.hint == w.question.how_to_answer()
        assert w.question.prompt not in w.prompt.value  # shown once, as the legend
    else:
        assert isinstance(box, TextBox) and box.description.strip()
        assert box.tooltip == w.question.prompt
    if w.question.type == "ordering":
        assert box.slot_labels[0] == "Position 1 (first)" and len(box.slot_labels) == len(w.question.options)
    assert isinstance(w.check_button, ActionButton) and w.check_button.description == "Check"
    assert isinstance(w.reset_button, ActionButton) and not w.check_button.disabled
    assert w.check_button.source is box and w.show_button.source is box and w.reset_button.source is box
    assert w.reset_button.clears_source and not w.check_button.clears_source
    assert w.check_button.tooltip and w.reset_button.tooltip


def test_choice_groups_are_radios_or_checkboxes(kz_home):
    """Is a single-choice question a radio group (one id or None) and a multiple-select one a
    checkbox group (a list of ids), both with every option as [id, text]?"""
    single, multiple = kz.quiz.ask("l00-what-check-does"), kz.quiz.ask("l00-progress-facts")
    for w, is_multiple in ((single, False), (multiple, True)):
        (box,) = w.inputs
        assert box.multiple is is_multiple
        assert box.options == [(o.id, o.text) for o in w.question.options]
    assert single.inputs[0].value is None and multiple.inputs[0].value == []


def test_controls_refuse_unknown_options():
    """Do the groups refuse ids that are not options, and keep ticked ids in option order?"""
    from traitlets import TraitError

    options = [("a", "A"), ("b", "B"), ("c", "C")]
    single = ChoiceGroup(options=options)
    with pytest.raises(TraitError):
        single.value = "z"
    with pytest.raises(TraitError):
        single.value = ["a"]
    many = ChoiceGroup(options=options, multiple=True)
    many.value = ["c", "a", "c"]
    assert many.value == ["a", "c"]
    many.value = None
    assert many.value == []
    order = OrderGroup(options=options)
    order.value = ["b"]
    assert order.value == ["b", None, None]
    with pytest.raises(TraitError):
        order.value = ["b", "zz"]
    with pytest.raises(TraitError):
        order.value = ["a", "b", "c", "a"]


@pytest.mark.parametrize("qid", L00)
def test_enter_in_the_input_checks(kz_home, qid):
    """Does Enter inside the input (the front end's {"event": "submit", "value": …} message) act as Check,
    on the value it carries?"""
    w = kz.quiz.ask(qid)
    w.inputs[0]._handle_custom_msg({"event": "submit", "value": L00[qid][1]}, [])
    assert w.result is not None and w.result.correct and "Attempts: 1" in w.feedback.text
    w.inputs[0]._handle_custom_msg({"event": "something else", "value": L00[qid][2]}, [])
    assert len(kz.progress.attempts()) == 1


def test_numeric_input_shows_the_unit(kz_home):
    """Is the numeric question's unit shown in the input's label and the prompt?"""
    w = kz.quiz.ask("l00-area")
    assert "km²" in w.inputs[0].description and "km²" in w.prompt.value


def test_feedback_is_a_live_region_with_icon_and_words(kz_home):
    """Is feedback a LiveRegion (one role=status aria-live=polite aria-atomic=true element made once per
    view, only its children replaced), with the icon hidden from screen readers and words beside it?"""
    w = kz.quiz.ask("l00-what-check-does")
    assert isinstance(w.feedback, LiveRegion) and w.feedback.text == ""
    js = _js(LiveRegion)
    body = js[js.index("function render"):]
    assert body.index('setAttribute("aria-live", "polite")') < body.index("const show")
    assert 'setAttribute("role", "status")' in js and 'setAttribute("aria-atomic", "true")' in js
    assert "region.replaceChildren(" in js and 'setAttribute("aria-hidden", "true")' in js
    _set(w, "b")
    w.check_button.click()
    assert (w.feedback.icon, w.feedback.label, w.feedback.tone) == ("✓", "Correct", "correct")
    assert w.feedback.message == "" and w.feedback.footer == "Attempts: 1"  # the label already says "Correct"


def test_groups_keep_their_keys_from_jupyterlab_and_share_one_radio_name():
    """Do the groups render a fieldset labelled by its legend that stops arrow keys (and the other keys
    its controls use) reaching JupyterLab's shortcuts, one shared radio name per view, and role
    radiogroup/group? (The real keyboard test is in tests/browser/test_quiz_a11y.py.)"""
    for js in (_js(ChoiceGroup), _js(OrderGroup)):
        assert 'createElement("fieldset")' in js and 'createElement("legend")' in js
        assert '"ArrowDown"' in js and "event.stopPropagation()" in js
        assert 'setAttribute("aria-labelledby", legend.id)' in js
    assert "input.name = uid;" in _js(ChoiceGroup)
    assert '"group" : "radiogroup"' in _js(ChoiceGroup)


def test_controls_speak_anywidgets_protocol_without_a_class_per_instance():
    """Does each control send anywidget's front end what it needs (AnyModel/AnyView, _esm, _css,
    _anywidget_id), as an instance of its own class (AnyWidget's per-instance add_traits is skipped)?"""
    import anywidget

    kinds = (ChoiceGroup, OrderGroup, TextBox, ActionButton, LiveRegion)
    for widget in (ChoiceGroup(options=[("a", "A")]), OrderGroup(options=[("a", "A")]), TextBox(), ActionButton(),
                   LiveRegion()):
        state = widget.get_state()
        assert isinstance(widget, anywidget.AnyWidget) and type(widget) in kinds
        assert (state["_model_name"], state["_model_module"], state["_view_name"]) == ("AnyModel", "anywidget",
                                                                                       "AnyView")
        assert "export default" in state["_esm"] and ".kz-group" in state["_css"]
        assert state["_anywidget_id"] == f"kzlessons.quiz.controls.{type(widget).__name__}"


def test_controls_never_parse_text_as_html():
    """Does the controls' JavaScript put every text into the page via textContent (never as HTML), and
    load nothing from a URL (it must work offline)?"""
    for cls in (ChoiceGroup, OrderGroup, TextBox, ActionButton, LiveRegion):
        js = _js(cls)
        assert "textContent" in js
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "import "):
            assert sink not in js, (cls.__name__, sink)
        assert "http" not in js.replace('"http://www.w3.org/2000/svg"', "")  # only the SVG namespace name
        assert "http" not in controls.asset("controls.css") and "url(" not in controls.asset("controls.css")


def test_only_theme_variables_set_colours(kz_home):
    """Are all colours (the HTML pieces and the controls' CSS) JupyterLab CSS variables (no hex/rgb),
    so dark themes stay readable?"""
    w = kz.quiz.ask("l00-first-steps")
    _set(w, ["c", "b", "d", "a"])
    w.check_button.click()
    html = w.prompt.value + w.explanation + str(w.layout.border)
    colours = re.findall(r"(?:color|background|border[a-z-]*)\s*:\s*([^;'\"]+)", html)
    css = [value for prop, value in re.findall(r"([a-z-]+)\s*:\s*([^;}]+)", controls.asset("controls.css"))
           if re.search(r"color|background|border|outline", prop) and not prop.endswith(("radius", "width", "offset"))]
    colours += css
    assert css and all("var(--jp-" in c for c in colours if c.strip() not in ("0", "none")), colours


def test_display_carries_widget_html_and_plain_text(kz_home):
    """Does the display bundle carry the widget view, static text/html with <details> and deterministic text/plain?"""
    w = kz.quiz.ask("l00-area")
    data, _ = DisplayFormatter().format(w)
    assert {"application/vnd.jupyter.widget-view+json", "text/html", "text/plain"} <= set(data)
    assert "<details>" in data["text/html"]
    again, _ = DisplayFormatter().format(kz.quiz.ask("l00-area"))
    assert again["text/plain"] == data["text/plain"] and again["text/html"] == data["text/html"]


def test_xss_is_escaped_in_the_widget(kz_home, xss_bank):
    """Are question text, options, feedback and a learner's answer HTML-escaped in the widget's HTML
    pieces, and passed as plain text (shown via textContent) to the controls?"""
    for qid in kz.quiz.ids(lesson="99"):
        w = kz.quiz.ask(qid)
        kind = w.question.type
        if kind == "text":
            w.inputs[0].value = '<script>alert("learner")</script>'
        elif kind == "numeric":
            w.inputs[0].value = "<img src=x onerror=alert(3)>"
        elif kind == "single":
            w.inputs[0].value = "a"
        elif kind == "multiple":
            w.inputs[0].value = ["b"]
        else:
            w.inputs[0].value = [o.id for o in reversed(w.question.options)]
        w.check_button.click()
        w.show_button.click()  # the explanation (bank text) is shown
        shown = w.prompt.value + w.explanation
        assert "<script" not in shown and "<img" not in shown, (qid, shown)
        assert "&lt;script&gt;" in shown or "&lt;img" in shown
        if kind in {"single", "multiple", "ordering"}:  # raw text; the JS sets it with textContent
            assert w.inputs[0].legend.startswith("<img") and w.inputs[0].options[0][1].startswith("<img")
        assert w.feedback.message and "&lt;" not in w.feedback.message  # plain text, not pre-escaped
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


def test_controls_css_and_js_live_in_their_own_files():
    """Are the controls' modules and CSS read from kzlessons/quiz/js (not Python strings), with a border
    colour per feedback tone and an SVG drawing for every feedback icon the widget uses?"""
    from kzlessons.quiz.widget import _STATUS

    css = controls.asset("controls.css")
    for tone, colour in controls.TONES.items():
        if tone:
            assert f".kz-tone-{tone} {{ border-left-color: {colour}; }}" in css
    live = controls.asset("live.js")
    for icon, _label, _tone in _STATUS.values():
        assert f'"\\u{ord(icon):04X}": [' in live, icon  # drawn as SVG, not left to the fonts
    assert _js(LiveRegion) == live and _js(ChoiceGroup).startswith(controls.asset("fieldset.js"))
    assert LiveRegion().get_state()["_css"] == css
