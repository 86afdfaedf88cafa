"""Small accessible controls for the quiz view, built on anywidget (vanilla-JS ESM, no frameworks).

ipywidgets' ``RadioButtons``/``Checkbox``/``HTML`` cannot express what a screen reader needs, so
the quiz uses five small widgets whose JavaScript and CSS live in ``kzlessons/quiz/js/`` (shipped
in the wheel; nothing is loaded from a URL, and anywidget's JupyterLab extension ships in its own
wheel, so this works offline):

* :class:`ChoiceGroup`: a ``<fieldset>`` whose ``<legend>`` is the question, holding native
  ``<input type=radio>`` (one shared ``name``, so one Tab stop and arrow keys move the choice;
  ``role=radiogroup``) or ``<input type=checkbox>`` (a ``group``), each inside its ``<label>``.
* :class:`OrderGroup`: the same fieldset/legend around one labelled native ``<select>`` per
  position ("Position 1 (first)" …).
* :class:`TextBox`: a native ``<input type=text>`` with its visible ``<label>``.
* :class:`ActionButton`: a native ``<button>`` (styled as ipywidgets' ``Button``) tied to a
  ``source`` control.
* :class:`LiveRegion`: one ``<div role=status aria-live=polite aria-atomic=true>`` created once
  per view; only its children change, so screen readers announce each new feedback.

**What is shown is what is acted on.** ipywidgets sends a control's state updates one at a time:
while one is unanswered (the kernel is busy), later ones are held back and merged, but a click or
Enter is a custom message sent at once, so it could reach the kernel before the last keystrokes
(the kernel graded "2" for a box showing "2 724 900"). JupyterLab 4.6 with ipykernel 7 may also
handle widget messages on a kernel subshell while others wait for the main shell, so the messages
of two widgets are not handled in the order they were sent. So every action message carries the value
the page shows: Enter in a control sends ``{"event": "submit", "value": …}``, and an
:class:`ActionButton` sends ``{"event": "click", "value": …}`` with its source's value. The kernel
takes that value as the control's state (:func:`take_value`: validated first, then set as a state
update from the page, so it is not pushed back over newer typing) and only then calls the
handlers. A message without a value, or with one the control refuses, is ignored with a warning
in the kernel's log: nothing is graded or stored.

Both groups keep the keys their native controls use (arrows, Home/End, Page Up/Down, Space,
Enter, unmodified) from reaching JupyterLab's notebook shortcuts, which would otherwise move the
cell selection instead of the choice; other shortcuts (Ctrl+S, Shift+Enter, Escape) still work.
Enter on a radio, a checkbox or in the text box sends a ``submit`` message (see ``on_submit``);
the text box keeps the keys typed in it from the notebook's shortcuts the same way. All text
reaches the page through ``textContent`` (never ``innerHTML``), so question and learner text
cannot inject markup. Colours are JupyterLab CSS variables; focus outlines are visible in light
and dark themes.

In Python every control is driven through ``.value`` like an ipywidgets input::

    group = ChoiceGroup(options=[("a", "Astana"), ("b", "Almaty")], legend="Capital?")
    group.value = "a"
    ActionButton(description="Check", source=group).click()   # the handlers read group.value
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import anywidget
import ipywidgets
import traitlets as t
from ipywidgets import CallbackDispatcher, widget_serialization

__all__ = ["ChoiceGroup", "OrderGroup", "TextBox", "ActionButton", "LiveRegion", "take_value", "TONES", "ASSETS",
           "asset"]

#: Feedback tones of :class:`LiveRegion` -> the theme colour of the box's left border.
TONES = {
    "correct": "var(--jp-success-color1)",
    "partial": "var(--jp-warn-color1)",
    "wrong": "var(--jp-error-color1)",
    "hint": "var(--jp-info-color1)",
    "": "var(--jp-border-color2)",
}

#: Where the controls' JavaScript modules and CSS live (shipped in the wheel with the package).
ASSETS = Path(__file__).with_name("js")


@functools.lru_cache(maxsize=None)
def asset(name: str) -> str:
    """The text of one file in :data:`ASSETS` (read once).

    >>> "export default" in asset("live.js")
    True
    """
    return (ASSETS / name).read_text(encoding="utf-8")


def module(*names: str) -> str:
    """An ES module made of these files, in order (``fieldset.js`` holds what both groups share)."""
    return "\n".join(asset(name) for name in names)


# Why the fieldset does not use ``data-lm-suppress-shortcuts`` (see js/fieldset.js): Lumino stops its
# walk up from the focused element at that attribute, but the notebook's arrow-key bindings use
# selectors ending in `` :focus``, which match the focused radio itself before the walk reaches the
# fieldset (seen in JupyterLab 4.6: ArrowDown still moved to the next cell). On the inputs themselves
# it would block every shortcut there (Ctrl+S, Shift+Enter). JupyterLab 4 listens for keydown on
# ``document`` in the bubbling phase, so stopping the propagation of the unmodified keys that radios,
# checkboxes and selects use is enough, and leaves every other shortcut working.


def _options_trait() -> t.List:
    return t.List(t.Tuple(t.Unicode(), t.Unicode()), help="the choices, as [id, text] pairs").tag(sync=True)


class _Control(anywidget.AnyWidget):
    """An AnyWidget whose ``_esm``, ``_css`` and ``_anywidget_id`` are class traits.

    ``AnyWidget.__init__`` adds those three traits to each instance with ``add_traits``, which
    builds a new class per widget (about 0.3 ms, more than the rest of the widget); declaring them
    on the class gives the front end the same state (``AnyModel`` / ``AnyView``) for much less.
    Subclasses set ``_esm = _esm("file.js", …)`` (read from :data:`ASSETS` when first needed: the
    anywidget way of keeping the module in its own file, without ``AnyWidget.__init__``) and
    ``_anywidget_id = _sync("module.Class")`` (the id under which the front end keeps the CSS).
    """

    _css = t.Unicode().tag(sync=True)

    @t.default("_css")
    def _default_css(self) -> str:
        return asset("controls.css")

    def __init__(self, **kwargs: Any):
        if "google.colab" in sys.modules:  # what AnyWidget.__init__ does there
            from anywidget._util import enable_custom_widget_manager_once

            enable_custom_widget_manager_once()
        ipywidgets.DOMWidget.__init__(self, **kwargs)


def _sync(text: str) -> t.Unicode:
    return t.Unicode(text).tag(sync=True)


def _esm(*names: str) -> t.Unicode:
    """A synced ``_esm`` trait whose value is read from these files the first time it is needed."""
    return _LazyText(names).tag(sync=True)


class _LazyText(t.Unicode):
    """A Unicode trait whose default is the text of some asset files, read when first used."""

    def __init__(self, names: tuple[str, ...], **kwargs: Any):
        self._names = names
        super().__init__(**kwargs)

    def default(self, obj: Any = None) -> str:
        return module(*self._names)


def take_value(control: Any, content: dict, sender: Any = None) -> bool:
    """Take ``content["value"]`` (sent by the page with an action) as ``control.value``; False if refused.

    The value is validated by the control's own trait first; then it is set as a state update from
    the page (``set_state``), which ipywidgets does not push back to the page, so newer typing there
    is never overwritten. A message without a value, or with a value the control refuses, changes
    nothing, is logged as a warning, and returns False.

    >>> box = TextBox()
    >>> take_value(box, {"event": "submit", "value": "2 724 900"}), box.value
    (True, '2 724 900')
    >>> take_value(box, {"event": "submit", "value": 7}), take_value(box, {"event": "submit"}), box.value
    (False, False, '2 724 900')
    """
    if "value" not in content:
        problem = "it carries no value"
    else:
        try:  # the trait's own checks (and the control's @validate), without setting anything
            control.traits()["value"]._validate(control, content["value"])
        except Exception as error:  # noqa: BLE001 - whatever the page sent, the kernel goes on
            problem = f"its value is refused ({type(error).__name__}: {str(error)[:200]})"
        else:
            control.set_state({"value": content["value"]})
            return True
    who = type(sender or control).__name__
    control.log.warning("kzlessons: ignored a %r message to a %s: %s", content.get("event"), who, problem)
    return False


class _Submits:
    """``on_submit(callback)``: called with the widget when Enter is pressed inside it.

    The page's message is ``{"event": "submit", "value": <what the control shows>}``; the value is
    taken first (:func:`take_value`), so the callback reads exactly what the learner saw.
    """

    def _init_submit(self) -> None:
        self._submit_handlers = CallbackDispatcher()
        self.on_msg(self._handle_submit_msg)  # type: ignore[attr-defined]

    def _handle_submit_msg(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("event") == "submit" and take_value(self, content):
            self._submit_handlers(self)

    def on_submit(self, callback: Callable[[Any], Any], remove: bool = False) -> None:
        """Register (or with ``remove=True`` unregister) ``callback(widget)`` for Enter."""
        self._submit_handlers.register_callback(callback, remove=remove)


def _option_ids(widget: Any) -> list[str]:
    return [option_id for option_id, _ in widget.options]


class ChoiceGroup(_Submits, _Control):
    """A fieldset of radio buttons (``multiple=False``) or checkboxes, labelled by ``legend``.

    ``value`` is the chosen option id (or None) for radios, the list of ticked ids (in option
    order) for checkboxes. Setting an id that is not an option raises ``TraitError``.

    >>> group = ChoiceGroup(options=[("a", "A"), ("b", "B")], legend="Pick one")
    >>> group.value = "b"; group.value
    'b'
    >>> ChoiceGroup(options=[("a", "A"), ("b", "B")], multiple=True, value=["b", "a"]).value
    ['a', 'b']
    """

    _esm = _esm("fieldset.js", "choice.js")
    _anywidget_id = _sync("kzlessons.quiz.controls.ChoiceGroup")

    options = _options_trait()
    multiple = t.Bool(False, help="checkboxes (any number) instead of radios (one)").tag(sync=True)
    value = t.Union([t.Unicode(), t.List(t.Unicode())], allow_none=True, default_value=None,
                    help="the chosen id (radios) or ids (checkboxes)").tag(sync=True)
    legend = t.Unicode("", help="the group's visible name: the question").tag(sync=True)
    hint = t.Unicode("", help="how to answer, shown under the legend (aria-describedby)").tag(sync=True)
    disabled = t.Bool(False).tag(sync=True)

    def __init__(self, **kwargs: Any):
        if kwargs.get("multiple") and "value" not in kwargs:
            kwargs["value"] = []
        super().__init__(**kwargs)
        self._init_submit()

    @t.validate("value")
    def _valid_value(self, proposal: Any) -> Any:
        value, ids = proposal["value"], _option_ids(self)
        if self.multiple:  # None (nothing ticked) and one id are accepted too
            picked = set([value] if isinstance(value, str) else value or [])
            unknown = picked - set(ids)
            if unknown:
                raise t.TraitError(f"not an option: {sorted(unknown)[0]!r}")
            return [i for i in ids if i in picked]
        if isinstance(value, list):
            raise t.TraitError("a single-choice group takes one option id or None, not a list")
        if value is not None and value not in ids:
            raise t.TraitError(f"not an option: {value!r}")
        return value

    @t.observe("value")
    def _none_is_nothing_ticked(self, change: Any) -> None:
        if self.multiple and change["new"] is None:  # traitlets skips the validator for None
            self.value = []

    @property
    def empty_value(self) -> list[str] | None:
        """The value with nothing chosen: ``[]`` for checkboxes, None for radios."""
        return [] if self.multiple else None


class OrderGroup(_Submits, _Control):
    """A fieldset of one labelled ``<select>`` per position, labelled by ``legend``.

    ``value`` has one entry per position: an option id, or None while that position is empty.

    >>> group = OrderGroup(options=[("x", "X"), ("y", "Y")], legend="Order them")
    >>> group.slot_labels, group.value
    (['Position 1 (first)', 'Position 2 (last)'], [None, None])
    """

    _esm = _esm("fieldset.js", "order.js")
    _anywidget_id = _sync("kzlessons.quiz.controls.OrderGroup")

    options = _options_trait()
    slot_labels = t.List(t.Unicode(), help="the label of each position").tag(sync=True)
    placeholder = t.Unicode("— choose —", help="what an empty position shows").tag(sync=True)
    value = t.List(t.Unicode(allow_none=True), help="the id at each position, None when empty").tag(sync=True)
    legend = t.Unicode("", help="the group's visible name: the question").tag(sync=True)
    hint = t.Unicode("", help="how to answer, shown under the legend (aria-describedby)").tag(sync=True)
    disabled = t.Bool(False).tag(sync=True)

    def __init__(self, **kwargs: Any):
        n = len(kwargs.get("options", []))
        kwargs.setdefault("slot_labels", [self.position_label(i, n) for i in range(n)])
        kwargs.setdefault("value", [None] * n)
        super().__init__(**kwargs)
        self._init_submit()

    @staticmethod
    def position_label(i: int, n: int) -> str:
        """``"Position 1 (first)"`` … ``"Position n (last)"``."""
        where = " (first)" if i == 0 else " (last)" if i == n - 1 else ""
        return f"Position {i + 1}{where}"

    @t.validate("value")
    def _valid_value(self, proposal: Any) -> list[str | None]:
        value, ids = list(proposal["value"]), set(_option_ids(self))
        unknown = [v for v in value if v is not None and v not in ids]
        if unknown:
            raise t.TraitError(f"not an option: {unknown[0]!r}")
        n = len(self.slot_labels)
        if len(value) > n:
            raise t.TraitError(f"{len(value)} items for {n} positions")
        return value + [None] * (n - len(value))

    @property
    def empty_value(self) -> list[None]:
        """The value with every position empty."""
        return [None] * len(self.slot_labels)


class TextBox(_Submits, _Control):
    """A native text box with its visible label (``description``); ``value`` is the text typed.

    The page sets ``value`` on every keystroke; Enter sends the text shown with the ``submit``
    message (see ``on_submit`` and :func:`take_value`). ``tooltip`` is the box's title.

    >>> box = TextBox(description="Your answer (in km²):", placeholder="e.g. 2.5 million")
    >>> box.value = "2,7 million"; box.value, box.empty_value
    ('2,7 million', '')
    """

    _esm = _esm("text.js")
    _anywidget_id = _sync("kzlessons.quiz.controls.TextBox")

    value = t.Unicode("", help="the text in the box").tag(sync=True)
    description = t.Unicode("", help="the box's visible label").tag(sync=True)
    placeholder = t.Unicode("", help="shown while the box is empty").tag(sync=True)
    disabled = t.Bool(False).tag(sync=True)

    def __init__(self, **kwargs: Any):
        super().__init__(**kwargs)
        self._init_submit()

    @property
    def empty_value(self) -> str:
        """The empty box."""
        return ""


class ActionButton(_Control):
    """A button whose click acts on what its ``source`` control shows in the page at that moment.

    Drawn as a native ``<button>`` with ipywidgets' button classes (``button_style="primary"`` is
    ``mod-primary``), so it looks and works like ``ipywidgets.Button`` (Tab to it, Enter or Space).
    The page sends ``{"event": "click", "value": <the source's value in the page>}``; the kernel
    takes that value into ``source`` (:func:`take_value`) before calling the ``on_click``
    callbacks, and ignores the click if the value is missing or refused. With ``clears_source``
    (Reset) the page empties the source at the click, so the value sent is the empty form.

    In Python, :meth:`click` calls the callbacks with the source as it is:

    >>> box = TextBox()
    >>> check = ActionButton(description="Check", source=box)
    >>> check.on_click(lambda button: print("graded", repr(button.source.value)))
    >>> box.value = "12"; check.click()
    graded '12'
    >>> check._handle_custom_msg({"event": "click", "value": "12 000"}, [])  # the page's click
    graded '12 000'
    >>> check._handle_custom_msg({"event": "click"}, [])  # no value: refused, nothing called
    """

    _esm = _esm("button.js")
    _anywidget_id = _sync("kzlessons.quiz.controls.ActionButton")

    description = t.Unicode("", help="the button's text (and accessible name)").tag(sync=True)
    button_style = t.CaselessStrEnum(["primary", "success", "info", "warning", "danger", ""], default_value="",
                                     help="ipywidgets' button colours").tag(sync=True)
    disabled = t.Bool(False).tag(sync=True)
    source = t.Instance(ipywidgets.Widget, allow_none=True,
                        help="the control whose shown value goes with each click").tag(sync=True,
                                                                                      **widget_serialization)
    clears_source = t.Bool(False, help="the page empties the source at the click (Reset)").tag(sync=True)
    _source_empty = t.Any(None, help="the source's empty value, for clears_source").tag(sync=True)

    def __init__(self, **kwargs: Any):
        super().__init__(**kwargs)
        self._click_handlers = CallbackDispatcher()
        self.on_msg(self._handle_click_msg)
        self._note_empty()

    @t.observe("source", "clears_source")
    def _note_empty(self, _change: Any = None) -> None:
        self._source_empty = getattr(self.source, "empty_value", None) if self.clears_source else None

    def on_click(self, callback: Callable[[Any], Any], remove: bool = False) -> None:
        """Register (or with ``remove=True`` unregister) ``callback(button)`` for clicks."""
        self._click_handlers.register_callback(callback, remove=remove)

    def click(self) -> None:
        """Click the button from Python: the callbacks run with the source's current value."""
        self._click_handlers(self)

    def _handle_click_msg(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if not (isinstance(content, dict) and content.get("event") == "click"):
            return
        if self.source is not None and not take_value(self.source, content, sender=self):
            return
        self.click()


class LiveRegion(_Control):
    """A polite, atomic ``role=status`` region that stays in the page; Python sets its parts.

    The parts are plain text (shown through ``textContent``): a box with the tone's colour
    holding ``icon`` (hidden from screen readers) + ``label`` in bold, `` — message`` and
    ``note`` on a second line, then ``footer`` in muted text.

    >>> region = LiveRegion()
    >>> region.show("wrong", "✗", "Not quite", "<b>x</b>", footer="Attempts: 1")
    >>> region.text
    '✗ Not quite — <b>x</b>\\nAttempts: 1'
    """

    _esm = _esm("live.js")
    _anywidget_id = _sync("kzlessons.quiz.controls.LiveRegion")

    tone = t.Enum(list(TONES), default_value="").tag(sync=True)
    icon = t.Unicode("").tag(sync=True)
    label = t.Unicode("").tag(sync=True)
    message = t.Unicode("").tag(sync=True)
    note = t.Unicode("").tag(sync=True)
    footer = t.Unicode("").tag(sync=True)

    def show(self, tone: str = "", icon: str = "", label: str = "", message: str = "", note: str = "",
             footer: str = "") -> None:
        """Replace every part at once (one message to the front end, one announcement)."""
        with self.hold_sync():
            self.tone, self.icon, self.label = tone, icon, label
            self.message, self.note, self.footer = message, note, footer

    @property
    def text(self) -> str:
        """What the region shows, as text (the icon included), one line per block."""
        lines = []
        if self.label or self.message:
            head = " ".join(p for p in (self.icon, self.label) if p)
            lines.append(f"{head} — {self.message}" if head and self.message else head or self.message)
            if self.note:
                lines.append(self.note)
        if self.footer:
            lines.append(self.footer)
        return "\n".join(lines)
