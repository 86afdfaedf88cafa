"""Grade what is shown (issue 22, UX-1), the kernel side: Check, Show answer, Reset and Enter carry the
value the page shows, and the kernel acts on exactly that value, even when the input's trait still
holds an older one (the page's own state updates were held back while the kernel was busy).
The browser side is tests/browser/test_rapid_typing.py."""

from __future__ import annotations

import logging

import pytest

import kzlessons as kz
from kzlessons.quiz.controls import ActionButton, ChoiceGroup, OrderGroup, TextBox, take_value

#: qid -> (type, an older value the trait still holds, the value the page shows, is that value right)
SHOWN = {
    "l00-area": ("numeric", "2", "2 724 900", True),
    "l00-largest-landlocked": ("text", "Land", "Land-locked", True),
    "l00-what-check-does": ("single", "a", "b", True),
    "l00-progress-facts": ("multiple", ["a"], ["d", "b", "a"], True),
    "l00-first-steps": ("ordering", ["b", None, None, None], ["b", "c", "d", "a"], True),
}
#: Values no page of ours sends, per type (the trait refuses them).
REFUSED = {
    "numeric": [7, None, ["2 724 900"], {"value": "2"}],
    "text": [3.5, True, ["Land-locked"]],
    "single": ["zz", ["b"], 1, {"id": "b"}],
    "multiple": [["zz"], "zz", [["a"]], 5],
    "ordering": [["b", "c", "d", "a", "a"], ["zz"], "bcda", [["b"]]],
}
#: Messages that are not ours at all: ignored without a word.
NOT_OURS = [None, "click", ["click"], 42, {}, {"event": "hover", "value": "x"}, {"value": "2 724 900"}]


def _click(button: ActionButton, **content) -> None:
    """What the page sends when the button is clicked (through the widget's own message path)."""
    button._handle_custom_msg({"event": "click", **content}, [])


def _stored(qid: str) -> list:
    frame = kz.progress.attempts()
    return frame.loc[frame["question_id"] == qid, "answer"].tolist()


@pytest.mark.parametrize("qid", SHOWN)
def test_check_grades_the_value_sent_not_the_older_trait(kz_home, qid):
    """With the trait still holding an older value ("2"), is a Check message carrying what the box shows
    ("2 724 900") graded and stored as that value, and does the trait then hold it?"""
    _kind, older, shown, right = SHOWN[qid]
    w = kz.quiz.ask(qid)
    w.inputs[0].value = older
    _click(w.check_button, value=shown)
    expected = w._form_value(shown)  # the form's own order (ticked ids in option order)
    assert w.inputs[0].value == expected and w.answer == expected
    assert w.result is not None and w.result.correct is right
    assert _stored(qid) == [expected]
    assert "Attempts: 1" in w.feedback.text


@pytest.mark.parametrize("qid", SHOWN)
def test_enter_grades_the_value_sent(kz_home, qid):
    """Does Enter in the input (its submit message) grade the value it carries, not the older trait?"""
    _kind, older, shown, _right = SHOWN[qid]
    w = kz.quiz.ask(qid)
    w.inputs[0].value = older
    w.inputs[0]._handle_custom_msg({"event": "submit", "value": shown}, [])
    assert _stored(qid) == [w._form_value(shown)] and w.result.correct


def test_the_old_value_is_never_graded_even_when_it_arrives_before(kz_home):
    """The race itself, as the kernel sees it: the first keystroke's update ("2"), then Check carrying
    "2 724 900", then the held-back update. One attempt, "2 724 900", right."""
    w = kz.quiz.ask("l00-area")
    box = w.inputs[0]
    box.set_state({"value": "2"})  # the one update in flight when the kernel was busy
    _click(w.check_button, value="2 724 900")  # Check overtook the held-back ones
    box.set_state({"value": "2 724 900"})  # the held-back updates, merged, arrive last
    assert _stored("l00-area") == ["2 724 900"] and w.result.correct
    assert box.value == "2 724 900"


def test_show_answer_takes_the_value_shown(kz_home):
    """Does Show answer take what the box shows into the trait (so the kernel and the page agree) and
    store a 'shown' row, not an attempt?"""
    w = kz.quiz.ask("l00-area")
    w.inputs[0].value = "2"
    _click(w.show_button, value="2 700 000")
    assert w.inputs[0].value == "2 700 000" and w.state.revealed == "shown"
    assert _stored("l00-area") == [] and kz.progress.last_attempt("l00-area", kind=None)["kind"] == "shown"


@pytest.mark.parametrize("qid", SHOWN)
def test_reset_empties_the_form_the_page_already_emptied(kz_home, qid):
    """Does Reset (the page empties the form at the click and sends the empty form) leave the form empty
    and store a 'reset'? Is the empty value the page uses the form's own (None, [], one None per position, '')?"""
    _kind, older, shown, _right = SHOWN[qid]
    w = kz.quiz.ask(qid)
    empty = w._form_value(None)
    assert w.reset_button.clears_source and w.reset_button._source_empty == empty
    assert w.reset_button.get_state()["_source_empty"] == empty  # what the page is told
    w.inputs[0].value = shown
    w.check_button.click()
    w.inputs[0].value = older  # the page has moved on, the kernel does not know yet
    _click(w.reset_button, value=empty)
    assert w.inputs[0].value == empty and w.result is None and w.feedback.text == "Attempts: 1"
    assert kz.progress.last_attempt(qid, kind=None)["kind"] == "reset"


def test_the_value_sent_is_not_pushed_back_over_newer_typing(kz_home):
    """Is the value from a click taken as a state update from the page (an echo, which the page drops
    while it has newer typing in flight), never as a plain 'update' that would overwrite the box?"""
    w = kz.quiz.ask("l00-area")
    box = w.inputs[0]
    sent = []
    box.comm.send = lambda data=None, buffers=None, **_: sent.append(data)
    _click(w.check_button, value="2 724 900")
    value_messages = [m["method"] for m in sent if "value" in m.get("state", {})]
    assert value_messages == ["echo_update"], sent


@pytest.mark.parametrize("qid", SHOWN)
@pytest.mark.parametrize("button", ["check_button", "show_button", "reset_button"])
def test_malformed_messages_are_refused_safely(kz_home, qid, button, caplog):
    """Is a click without a value, or with a value the input refuses, ignored (nothing graded, stored
    or changed, a warning in the kernel's log), and is a message that is not ours ignored quietly?
    Nothing ever raises."""
    kind, older, _shown, _right = SHOWN[qid]
    w = kz.quiz.ask(qid)
    w.inputs[0].value = older
    before = (w.inputs[0].value, w.feedback.text, w.state)
    pressed = getattr(w, button)
    with caplog.at_level(logging.WARNING, logger="traitlets"):
        _click(pressed)  # no value
        for value in REFUSED[kind]:
            _click(pressed, value=value)
            w.inputs[0]._handle_custom_msg({"event": "submit", "value": value}, [])
        w.inputs[0]._handle_custom_msg({"event": "submit"}, [])
    refused = [r for r in caplog.records if "ignored a" in r.getMessage()]
    assert len(refused) == 2 * len(REFUSED[kind]) + 2
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="traitlets"):
        for content in NOT_OURS:
            pressed._handle_custom_msg(content, [])
            w.inputs[0]._handle_custom_msg(content, [])
    assert not [r for r in caplog.records if "ignored a" in r.getMessage()]
    assert (w.inputs[0].value, w.feedback.text, w.state) == before
    assert kz.progress.last_attempt(qid, kind=None) is None


def test_take_value_validates_before_setting_anything():
    """Does take_value refuse, without any message to the page, what the control would refuse?"""
    group = ChoiceGroup(options=[("a", "A"), ("b", "B")])
    order = OrderGroup(options=[("a", "A"), ("b", "B")])
    box = TextBox(value="kept")
    sent = []
    for control in (group, order, box):
        control.comm.send = lambda data=None, buffers=None, **_: sent.append(data)
    assert not take_value(group, {"event": "click", "value": "c"}) and group.value is None
    assert not take_value(order, {"event": "click", "value": ["a", "b", "a"]}) and order.value == [None, None]
    assert not take_value(box, {"event": "click", "value": 12}) and box.value == "kept"
    assert sent == []
    assert take_value(order, {"event": "click", "value": ["b"]}) and order.value == ["b", None]


def test_a_button_without_a_source_needs_no_value():
    """Does an ActionButton with no source act on a plain click message (and on click())?"""
    button, calls = ActionButton(description="Go"), []
    button.on_click(calls.append)
    _click(button)
    button.click()
    assert calls == [button, button]
    button.on_click(calls.append, remove=True)
    _click(button)
    assert len(calls) == 2


def test_headless_api_still_grades_the_trait(kz_home):
    """Is the Python API unchanged: set inputs[0].value, then check_button.click() (no page involved)?"""
    w = kz.quiz.ask("l00-area")
    w.inputs[0].value = "2,724,900"
    w.check_button.click()
    assert _stored("l00-area") == ["2,724,900"] and w.result.correct
    w.reset_button.click()
    assert w.inputs[0].value == "" and w.result is None
