"""The interactive quiz view (ipywidgets + the anywidget controls in :mod:`.controls`),
used by :func:`kzlessons.quiz.ask`.

Layout, top to bottom (a ``VBox`` with class ``kzlessons-quiz``):

* ``prompt``: a ``widgets.HTML`` line "Self-check <id> · <type> · <difficulty>"; for numeric and
  text questions also the question (with its unit) and how to answer;
* the input (``inputs[0]``, the only one):

  - single → :class:`~.controls.ChoiceGroup`: ``<fieldset role=radiogroup>`` whose ``<legend>``
    is the question, how to answer as its description, and one native radio per option inside
    its ``<label>``, all sharing one ``name`` (one Tab stop; arrow keys move the choice);
  - multiple → the same with checkboxes (``role=group``);
  - ordering → :class:`~.controls.OrderGroup`: the same fieldset/legend around one labelled
    native ``<select>`` per position ("Position 1 (first)" …);
  - numeric → ``widgets.Text`` labelled "Your answer (in <unit>):"; text → ``widgets.Text``
    labelled "Your answer:" (the question is their tooltip and is shown just above);

  the fieldsets keep their keys (arrows, Home/End, Space, Enter) from JupyterLab's notebook
  shortcuts, which would otherwise move the cell selection; Enter in any input presses Check;
* *Check* and *Reset*: ordinary ``widgets.Button`` objects (Tab to them, Enter or Space);
* ``feedback``: a :class:`~.controls.LiveRegion`, one ``role=status aria-live=polite
  aria-atomic=true`` element that stays in the page while Python replaces its parts: icon
  **and** words ("✅ Correct — …"), a note, and "Attempts: N";
* ``explanation_box``: a ``widgets.HTML`` with the explanation and its sources after an attempt
  (outside the live region, so it is read on demand rather than announced).

All text shown by the controls goes through ``textContent``; the HTML pieces built here escape
every bank text. All colours are JupyterLab CSS variables, so light and dark themes both read well.

Checking goes through :func:`kzlessons.progress.record` (the single path that grades and
stores); building the widget restores the learner's last stored answer and its feedback, so
re-running the cell or reopening the notebook (even in a new kernel) shows where they left off.
*Reset* clears the form and the feedback; the attempts stay recorded.

Headless use (the unit tests): set ``inputs[0].value`` (an option id, a list of ids, a list with
one id or None per position, or a string) and call ``check_button.click()``.

The widget's display bundle also carries ``text/html`` (question and a collapsed answer, see
:mod:`kzlessons.quiz.static`) and a deterministic ``text/plain``, for GitHub, nbviewer and nbval.
"""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as widgets
from ipywidgets.widgets.widget_string import HTMLStyle, TextStyle

from . import static
from .controls import ChoiceGroup, LiveRegion, OrderGroup
from .model import Question, Result

__all__ = ["QuizWidget", "feedback_parts", "explanation_html"]

_ICONS = {
    "correct": ("✅", "Correct"),
    "partial": ("◐", "Partly right"),
    "wrong": ("❌", "Not quite"),
    "hint": ("ℹ️", "Nothing to check yet"),
}
_MUTED = "color:var(--jp-content-font-color2)"
#: Question types answered in a fieldset whose legend is the question.
_GROUPED = {"single", "multiple", "ordering"}


def feedback_parts(status: str, words: str, attempts: int | None = None, note: str = "") -> dict[str, str]:
    """The feedback as plain-text parts for :meth:`LiveRegion.show` (icon + label + words).

    >>> feedback_parts("wrong", "<b>x</b>", 2)["label"], feedback_parts("wrong", "<b>x</b>", 2)["footer"]
    ('Not quite', 'Attempts: 2')
    >>> feedback_parts("correct", "Correct: you found all of them.")["message"]
    'You found all of them.'
    >>> feedback_parts("", "")
    {'tone': '', 'icon': '', 'label': '', 'message': '', 'note': '', 'footer': ''}
    """
    icon, label = _ICONS[status] if status else ("", "")
    message = words if status else ""
    if label and message.lower().startswith(label.lower()):  # "Correct: ..." under the label "Correct"
        message = message[len(label):].lstrip(" :.—-").strip()
        message = message[:1].upper() + message[1:]
    return {"tone": status, "icon": icon, "label": label, "message": message,
            "note": note if status else "", "footer": f"Attempts: {attempts}" if attempts is not None else ""}


def explanation_html(question: Question) -> str:
    """The explanation and sources shown after an attempt (escaped)."""
    return (
        "<div class='kzlessons-explanation' style='color:var(--jp-content-font-color1);"
        "border-top:1px solid var(--jp-border-color2);margin-top:0.3em;padding-top:0.3em'>"
        f"<strong>Why:</strong> {escape(question.explanation)}{static.sources_html(question)}</div>"
    )


class QuizWidget(widgets.VBox):
    """One question: input, Check, Reset, feedback, explanation (see module docs).

    Attributes:
        question: the :class:`~kzlessons.quiz.model.Question` shown.
        inputs: a one-item list holding the input widget (``ChoiceGroup``, ``OrderGroup`` or
            ``widgets.Text``); set its ``.value`` to answer.
        prompt: ``widgets.HTML`` above the input (id, type, difficulty; the question itself
            for numeric and text questions, where it is not a legend).
        check_button, reset_button: the two buttons.
        feedback: the :class:`~.controls.LiveRegion` (``feedback.text`` is what it shows).
        explanation_box: ``widgets.HTML`` holding the explanation after an attempt.
        result: the last :class:`Result` shown (None before any attempt).
    """

    def __init__(self, question: Question, **kwargs: Any):
        self.question = question
        self.result: Result | None = None
        # Children share one Layout and one style object per kind: every ipywidgets
        # model costs a comm and ~0.5 ms, and these children need no layout of their own.
        self._layout = widgets.Layout(width="auto")
        html_style = HTMLStyle()
        button_style = widgets.ButtonStyle()
        self.inputs = [self._build_input()]
        self.prompt = widgets.HTML(value=self._prompt_html(), layout=self._layout, style=html_style)
        self.check_button = widgets.Button(
            description="Check", button_style="primary", tooltip="Check your answer (Enter or Space)",
            layout=self._layout, style=button_style,
        )
        self.reset_button = widgets.Button(
            description="Reset", tooltip="Clear your answer and the feedback (attempts stay recorded)",
            layout=self._layout, style=button_style,
        )
        self.feedback = LiveRegion(layout=self._layout)
        self.explanation_box = widgets.HTML(value="", layout=self._layout, style=html_style)
        self.check_button.on_click(self._on_check)
        self.reset_button.on_click(self._on_reset)
        super().__init__(
            children=[self.prompt, self.inputs[0],
                      widgets.HBox([self.check_button, self.reset_button], layout=self._layout),
                      self.feedback, self.explanation_box],
            layout=widgets.Layout(border="1px solid var(--jp-border-color2)", padding="0.4em 0.8em",
                                  margin="0.3em 0"),
            **kwargs,
        )
        self.add_class("kzlessons-quiz")
        self._restore()

    @property
    def explanation(self) -> str:
        """The explanation HTML ('' before an attempt and after Reset)."""
        return self.explanation_box.value

    # -- building ------------------------------------------------------------
    def _prompt_html(self) -> str:
        q = self.question
        meta = (f"<div style='{_MUTED};font-size:0.85em'>Self-check {escape(q.id)} · {escape(q.type_label)} · "
                f"{escape(q.difficulty)}</div>")
        if q.type in _GROUPED:  # the question is the group's legend, shown by the control
            return f"<div style='color:var(--jp-content-font-color1)'>{meta}</div>"
        unit = f" <span style='{_MUTED}'>(answer in {escape(q.unit)})</span>" if q.unit else ""
        return (
            f"<div style='color:var(--jp-content-font-color1)'>{meta}"
            f"<div style='margin:0.2em 0;font-weight:600'>{escape(q.prompt)}{unit}</div>"
            f"<div style='{_MUTED};font-size:0.9em'>{escape(q.how_to_answer())}</div></div>"
        )

    def _build_input(self) -> widgets.Widget:
        q = self.question
        options = [(o.id, o.text) for o in q.options]
        if q.type in {"single", "multiple"}:
            box = ChoiceGroup(options=options, multiple=q.type == "multiple", legend=q.prompt,
                              hint=q.how_to_answer(), layout=self._layout)
        elif q.type == "ordering":
            box = OrderGroup(options=options, legend=q.prompt, hint=q.how_to_answer(), layout=self._layout)
        elif q.type in {"numeric", "text"}:
            tooltip = q.prompt if len(q.prompt) <= 300 else q.prompt[:299] + "…"
            if q.type == "numeric":
                label = f"Your answer (in {q.unit}):" if q.unit else "Your answer (a number):"
                placeholder = "e.g. 12.5"
            else:
                label, placeholder = "Your answer:", "a word or short phrase"
            box = widgets.Text(value="", description=label, placeholder=placeholder, tooltip=tooltip,
                               style=TextStyle(description_width="initial"), layout=self._layout,
                               continuous_update=True)
            # Enter in the box: ipywidgets' Text sends {"event": "submit"} (on_submit is deprecated).
            box.on_msg(lambda _w, content, _b: self._on_submit() if isinstance(content, dict)
                       and content.get("event") == "submit" else None)
            return box
        else:  # pragma: no cover
            raise ValueError(f"unknown question type {q.type!r}")
        box.on_submit(self._on_submit)
        return box

    # -- answer <-> inputs --------------------------------------------------------
    @property
    def answer(self) -> Any:
        """The learner's answer as :meth:`Question.check` expects it."""
        value = self.inputs[0].value
        return list(value) if isinstance(value, (list, tuple)) else value

    @answer.setter
    def answer(self, value: Any) -> None:
        q = self.question
        ids = [o.id for o in q.options]
        box = self.inputs[0]
        if q.type == "single":
            box.value = value if isinstance(value, str) and value in ids else None
        elif q.type == "multiple":
            chosen = set(value) if isinstance(value, (list, tuple, set)) else set()
            box.value = [i for i in ids if i in chosen]
        elif q.type == "ordering":
            items = list(value) if isinstance(value, (list, tuple)) else []
            box.value = [items[i] if i < len(items) and items[i] in ids else None for i in range(len(ids))]
        else:
            box.value = "" if value is None else str(value)

    def _is_empty(self, answer: Any) -> bool:
        q = self.question
        if q.type == "single":
            return answer is None
        if q.type == "multiple":
            return not answer
        if q.type == "ordering":
            return all(a is None for a in answer)
        return not str(answer).strip()

    # -- events ---------------------------------------------------------------------
    def check(self) -> Result | None:
        """Same as clicking Check; returns the result (None when nothing was entered)."""
        from .. import progress

        answer = self.answer
        if self._is_empty(answer):
            self.feedback.show(**feedback_parts("hint", self.question.how_to_answer(),
                                                progress.attempt_count(self.question.id)))
            return None
        result = progress.record(self.question.id, answer)
        self._show(result, progress.attempt_count(self.question.id))
        return result

    def _on_check(self, _button: Any = None) -> None:
        self.check()

    def _on_submit(self, _widget: Any = None) -> None:
        """Enter pressed inside the input: the same as Check."""
        self.check()

    def _on_reset(self, _button: Any = None) -> None:
        from .. import progress

        self.answer = None
        self.result = None
        self.explanation_box.value = ""
        self.feedback.show(**feedback_parts("", "", progress.attempt_count(self.question.id)))

    def _show(self, result: Result, attempts: int, note: str = "") -> None:
        self.result = result
        self.feedback.show(**feedback_parts(result.status, self._words(result), attempts, note))
        self.explanation_box.value = explanation_html(self.question)

    @staticmethod
    def _words(result: Result) -> str:
        if result.status == "partial":
            return f"score {result.score:.0%}. {result.feedback}"
        return result.feedback

    def _restore(self) -> None:
        from .. import progress

        try:
            last = progress.last_attempt(self.question.id)
            count = progress.attempt_count(self.question.id)
        except Exception:  # a broken store must not break the lesson
            return
        if not last:
            return
        self.answer = last.get("answer")
        self._show(self.question.check(last.get("answer")), count, "Restored from your last attempt.")

    # -- display ----------------------------------------------------------------------
    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        # Built directly rather than via super(): ipywidgets' version computes a
        # recursive repr of every child only to truncate it, and we replace
        # text/plain with the deterministic static text anyway.
        data: dict[str, Any] = {
            "text/plain": static.to_text(self.question),
            "text/html": static.to_html(self.question),
        }
        if self._view_name is not None:
            data["application/vnd.jupyter.widget-view+json"] = {
                "version_major": 2, "version_minor": 0, "model_id": self._model_id,
            }
        return data
