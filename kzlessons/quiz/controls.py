"""Small accessible controls for the quiz view, built on anywidget (vanilla-JS ESM, no frameworks).

ipywidgets' ``RadioButtons``/``Checkbox``/``HTML`` cannot express what a screen reader needs, so
the quiz uses three tiny widgets whose JavaScript lives inline below (nothing is loaded from a
URL; anywidget's JupyterLab extension ships in its wheel, so this works offline):

* :class:`ChoiceGroup`: a ``<fieldset>`` whose ``<legend>`` is the question, holding native
  ``<input type=radio>`` (one shared ``name``, so one Tab stop and arrow keys move the choice;
  ``role=radiogroup``) or ``<input type=checkbox>`` (a ``group``), each inside its ``<label>``.
* :class:`OrderGroup`: the same fieldset/legend around one labelled native ``<select>`` per
  position ("Position 1 (first)" …).
* :class:`LiveRegion`: one ``<div role=status aria-live=polite aria-atomic=true>`` created once
  per view; only its children change, so screen readers announce each new feedback.

Both groups keep the keys their native controls use (arrows, Home/End, Page Up/Down, Space,
Enter, unmodified) from reaching JupyterLab's notebook shortcuts, which would otherwise move the
cell selection instead of the choice; other shortcuts (Ctrl+S, Shift+Enter, Escape) still work.
Enter on a radio or checkbox sends a ``submit`` message (see ``on_submit``). All text reaches the page through ``textContent`` (never
``innerHTML``), so question and learner text cannot inject markup. Colours are JupyterLab CSS
variables; focus outlines are visible in light and dark themes.

In Python every control is driven through ``.value`` like an ipywidgets input::

    group = ChoiceGroup(options=[("a", "Astana"), ("b", "Almaty")], legend="Capital?")
    group.value = "a"
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import anywidget
import ipywidgets
import traitlets as t
from ipywidgets import CallbackDispatcher

__all__ = ["ChoiceGroup", "OrderGroup", "LiveRegion", "TONES"]

#: Feedback tones of :class:`LiveRegion` -> the theme colour of the box's left border.
TONES = {
    "correct": "var(--jp-success-color1)",
    "partial": "var(--jp-warn-color1)",
    "wrong": "var(--jp-error-color1)",
    "hint": "var(--jp-info-color1)",
    "": "var(--jp-border-color2)",
}

CSS = """
.kz-group { border: 0; margin: 0.2em 0; padding: 0; min-width: 0;
  color: var(--jp-content-font-color1); font-family: var(--jp-ui-font-family);
  font-size: var(--jp-content-font-size1); line-height: 1.4; }
.kz-group > legend { float: none; width: auto; max-width: 100%; white-space: normal; padding: 0;
  margin: 0.2em 0; font-weight: 600; color: var(--jp-content-font-color1); }
.kz-hint, .kz-muted { color: var(--jp-content-font-color2); font-size: 0.9em; }
.kz-hint { margin: 0 0 0.3em; }
.kz-option { display: flex; align-items: flex-start; gap: 0.5em; margin: 0.1em 0; padding: 0.2em 0.3em;
  border-radius: 3px; cursor: pointer; }
.kz-option:hover { background: var(--jp-layout-color2); }
.kz-option > input { flex: none; width: 1.1em; height: 1.1em; margin: 0.15em 0 0; cursor: pointer;
  accent-color: var(--jp-brand-color1); }
.kz-position { display: flex; flex-wrap: wrap; align-items: center; gap: 0.3em 0.6em; margin: 0.25em 0; }
.kz-position > label { min-width: 8em; }
.kz-position > select { max-width: 100%; min-height: 1.8em; padding: 0.1em 0.3em;
  color: var(--jp-ui-font-color1); background: var(--jp-layout-color1);
  border: 1px solid var(--jp-border-color1); border-radius: 2px; font: inherit; }
.kz-group input:focus-visible, .kz-group select:focus-visible {
  outline: 2px solid var(--jp-brand-color1); outline-offset: 2px; }
.kz-option:has(> input:focus-visible) { background: var(--jp-layout-color2); }
.kz-group:disabled .kz-option, .kz-group:disabled .kz-option > input { cursor: not-allowed; }
.kz-live { color: var(--jp-content-font-color1); font-family: var(--jp-ui-font-family);
  font-size: var(--jp-content-font-size1); line-height: 1.4; margin: 0.2em 0; }
.kz-live-box { border-left: 4px solid var(--jp-border-color2); padding: 0.3em 0.6em;
  background: var(--jp-layout-color2); color: var(--jp-content-font-color1); }
.kz-live-footer { margin-top: 0.2em; }
""" + "".join(f".kz-tone-{tone} {{ border-left-color: {colour}; }}\n" for tone, colour in TONES.items() if tone)

# Shared by both groups: a fieldset labelled by its legend, described by its hint, that keeps
# JupyterLab's shortcuts away from the keys its controls use. Returns the parts the caller fills in.
#
# Why not ``data-lm-suppress-shortcuts`` on the fieldset: Lumino stops its walk up from the
# focused element at that attribute, but the notebook's arrow-key bindings use selectors ending
# in `` :focus``, which match the focused radio itself before the walk reaches the fieldset
# (seen in JupyterLab 4.6: ArrowDown still moved to the next cell). On the inputs themselves it
# would block every shortcut there (Ctrl+S, Shift+Enter). JupyterLab 4 listens for keydown on
# ``document`` in the bubbling phase, so stopping the propagation of the unmodified keys that
# radios, checkboxes and selects use is enough, and leaves every other shortcut working.
_FIELDSET_JS = r"""
let seq = 0;
const prefix = "kzq" + Math.random().toString(36).slice(2, 8);
const OWN_KEYS = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End",
                          "PageUp", "PageDown", " ", "Enter"]);

function fieldset(model, el) {
  const uid = `${prefix}-${++seq}`;
  const box = document.createElement("fieldset");
  box.className = "kz-group";
  box.addEventListener("keydown", (event) => {
    if (OWN_KEYS.has(event.key) && !(event.ctrlKey || event.altKey || event.metaKey || event.shiftKey)) {
      event.stopPropagation();  // the browser still moves/ticks/opens; JupyterLab never sees the key
    }
  });
  const legend = document.createElement("legend");
  legend.id = `${uid}-legend`;
  box.setAttribute("aria-labelledby", legend.id);
  const hint = document.createElement("div");
  hint.className = "kz-hint";
  hint.id = `${uid}-hint`;
  const list = document.createElement("div");
  box.append(legend, hint, list);
  el.replaceChildren(box);
  const label = () => {
    legend.textContent = model.get("legend");
    hint.textContent = model.get("hint");
    hint.hidden = !hint.textContent;
    if (hint.textContent) box.setAttribute("aria-describedby", hint.id);
    else box.removeAttribute("aria-describedby");
  };
  const disable = () => { box.disabled = !!model.get("disabled"); };
  return { uid, box, list, label, disable };
}

function listen(model, names, callback) {
  for (const name of names) model.on(name, callback);
  return () => { for (const name of names) model.off(name, callback); };
}
"""

_CHOICE_JS = _FIELDSET_JS + r"""
function render({ model, el }) {
  const { uid, box, list, label, disable } = fieldset(model, el);
  let inputs = [];
  const show = () => {
    const value = model.get("value");
    const chosen = new Set(Array.isArray(value) ? value : value == null ? [] : [value]);
    for (const input of inputs) input.checked = chosen.has(input.value);
  };
  const changed = () => {
    const picked = inputs.filter((input) => input.checked).map((input) => input.value);
    model.set("value", model.get("multiple") ? picked : (picked.length ? picked[0] : null));
    model.save_changes();
  };
  const key = (event) => {
    if (event.key === "Enter" && !(event.shiftKey || event.ctrlKey || event.altKey || event.metaKey)) {
      event.preventDefault();
      model.send({ event: "submit" });
    }
  };
  const build = () => {
    const multiple = !!model.get("multiple");
    box.setAttribute("role", multiple ? "group" : "radiogroup");
    label();
    inputs = [];
    list.replaceChildren(...model.get("options").map(([id, text], i) => {
      const row = document.createElement("label");
      row.className = "kz-option";
      const input = document.createElement("input");
      input.type = multiple ? "checkbox" : "radio";
      input.name = uid;
      input.id = `${uid}-${i}`;
      input.value = id;
      input.addEventListener("change", changed);
      input.addEventListener("keydown", key);
      const words = document.createElement("span");
      words.textContent = text;
      row.append(input, words);
      inputs.push(input);
      return row;
    }));
    show();
    disable();
  };
  build();
  const stops = [
    listen(model, ["change:options", "change:multiple", "change:legend", "change:hint"], build),
    listen(model, ["change:value"], show),
    listen(model, ["change:disabled"], disable),
  ];
  return () => stops.forEach((stop) => stop());
}
export default { render };
"""

_ORDER_JS = _FIELDSET_JS + r"""
function render({ model, el }) {
  const { uid, list, label, disable } = fieldset(model, el);
  let selects = [];
  const show = () => {
    const value = model.get("value") || [];
    selects.forEach((select, i) => { select.value = value[i] == null ? "" : value[i]; });
  };
  const changed = () => {
    model.set("value", selects.map((select) => select.value || null));
    model.save_changes();
  };
  const build = () => {
    label();
    const options = model.get("options");
    selects = [];
    list.replaceChildren(...model.get("slot_labels").map((name, i) => {
      const row = document.createElement("div");
      row.className = "kz-position";
      const tag = document.createElement("label");
      tag.htmlFor = `${uid}-${i}`;
      tag.textContent = name;
      const select = document.createElement("select");
      select.id = `${uid}-${i}`;
      const blank = document.createElement("option");
      blank.value = "";
      blank.textContent = model.get("placeholder");
      select.append(blank);
      for (const [id, text] of options) {
        const option = document.createElement("option");
        option.value = id;
        option.textContent = text;
        select.append(option);
      }
      select.addEventListener("change", changed);
      row.append(tag, select);
      selects.push(select);
      return row;
    }));
    show();
    disable();
  };
  build();
  const stops = [
    listen(model, ["change:options", "change:slot_labels", "change:placeholder", "change:legend",
                   "change:hint"], build),
    listen(model, ["change:value"], show),
    listen(model, ["change:disabled"], disable),
  ];
  return () => stops.forEach((stop) => stop());
}
export default { render };
"""

_LIVE_JS = r"""
const FIELDS = ["tone", "icon", "label", "message", "note", "footer"];

function render({ model, el }) {
  // Created once per view and never replaced: only its children change, so it is announced.
  const region = document.createElement("div");
  region.className = "kz-live";
  region.setAttribute("role", "status");
  region.setAttribute("aria-live", "polite");
  region.setAttribute("aria-atomic", "true");
  el.replaceChildren(region);
  const node = (tag, className, text) => {
    const made = document.createElement(tag);
    if (className) made.className = className;
    if (text) made.textContent = text;
    return made;
  };
  let queued = false;
  const show = () => {
    queued = false;
    const [tone, icon, label, message, note, footer] = FIELDS.map((name) => model.get(name) || "");
    const parts = [];
    if (label || message) {
      const box = node("div", `kz-live-box kz-tone-${tone.replace(/[^a-z]/g, "")}`);
      const strong = node("strong");
      if (icon) {
        const mark = node("span", "", icon);
        mark.setAttribute("aria-hidden", "true");
        strong.append(mark, " ");
      }
      strong.append(label);
      box.append(strong);
      if (message) box.append(label ? ` \u2014 ${message}` : message);
      if (note) box.append(node("br"), node("span", "kz-muted", note));
      parts.push(box);
    }
    if (footer) parts.push(node("div", "kz-live-footer kz-muted", footer));
    region.replaceChildren(...parts);
  };
  const later = () => { if (!queued) { queued = true; queueMicrotask(show); } };
  show();
  for (const name of FIELDS) model.on(`change:${name}`, later);
  return () => { for (const name of FIELDS) model.off(`change:${name}`, later); };
}
export default { render };
"""

def _options_trait() -> t.List:
    return t.List(t.Tuple(t.Unicode(), t.Unicode()), help="the choices, as [id, text] pairs").tag(sync=True)


class _Control(anywidget.AnyWidget):
    """An AnyWidget whose ``_esm``, ``_css`` and ``_anywidget_id`` are class traits.

    ``AnyWidget.__init__`` adds those three traits to each instance with ``add_traits``, which
    builds a new class per widget (about 0.3 ms, more than the rest of the widget); declaring them
    on the class gives the front end the same state (``AnyModel`` / ``AnyView``) for much less.
    Subclasses set ``_esm = _sync(CODE)`` and ``_anywidget_id = _sync("module.Class")`` (the id
    under which the front end keeps the class's CSS).
    """

    _css = t.Unicode(CSS).tag(sync=True)

    def __init__(self, **kwargs: Any):
        if "google.colab" in sys.modules:  # what AnyWidget.__init__ does there
            from anywidget._util import enable_custom_widget_manager_once

            enable_custom_widget_manager_once()
        ipywidgets.DOMWidget.__init__(self, **kwargs)


def _sync(text: str) -> t.Unicode:
    return t.Unicode(text).tag(sync=True)


class _Submits:
    """``on_submit(callback)``: called with the widget when Enter is pressed inside it."""

    def _init_submit(self) -> None:
        self._submit_handlers = CallbackDispatcher()
        self.on_msg(self._handle_submit_msg)  # type: ignore[attr-defined]

    def _handle_submit_msg(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("event") == "submit":
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

    _esm = _sync(_CHOICE_JS)
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


class OrderGroup(_Submits, _Control):
    """A fieldset of one labelled ``<select>`` per position, labelled by ``legend``.

    ``value`` has one entry per position: an option id, or None while that position is empty.

    >>> group = OrderGroup(options=[("x", "X"), ("y", "Y")], legend="Order them")
    >>> group.slot_labels, group.value
    (['Position 1 (first)', 'Position 2 (last)'], [None, None])
    """

    _esm = _sync(_ORDER_JS)
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


class LiveRegion(_Control):
    """A polite, atomic ``role=status`` region that stays in the page; Python sets its parts.

    The parts are plain text (shown through ``textContent``): a box with the tone's colour
    holding ``icon`` (hidden from screen readers) + ``label`` in bold, `` — message`` and
    ``note`` on a second line, then ``footer`` in muted text.

    >>> region = LiveRegion()
    >>> region.show("wrong", "❌", "Not quite", "<b>x</b>", footer="Attempts: 1")
    >>> region.text
    '❌ Not quite — <b>x</b>\\nAttempts: 1'
    """

    _esm = _sync(_LIVE_JS)
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
