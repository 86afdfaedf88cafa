"""The interactive quiz view (ipywidgets), used by :func:`kzlessons.quiz.ask`.

Layout, top to bottom: the question, the input for its type, a *Check* and a
*Reset* button, a feedback line (icon **and** words, inside a
``role="status" aria-live="polite"`` region), and after an attempt the
explanation with its sources. All colours are JupyterLab CSS variables, so
light and dark themes both read well; every input has a visible label.

Inputs by type: single → ``RadioButtons``; multiple → one ``Checkbox`` per
option; numeric → ``Text`` labelled with the unit; text → ``Text``;
ordering → one ``Dropdown`` per position ("Position 1" …).

Checking goes through :func:`kzlessons.progress.record` (the single path
that grades and stores); building the widget restores the learner's last
stored answer and its feedback, so re-running the cell or reopening the
notebook (even in a new kernel) shows where they left off. *Reset* clears the
form and the feedback; the attempts stay recorded.

The widget's display bundle also carries ``text/html`` (question and a
collapsed answer, see :mod:`kzlessons.quiz.static`) and a deterministic
``text/plain``, for GitHub, nbviewer and nbval.
"""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as widgets
from ipywidgets.widgets.widget_bool import CheckboxStyle
from ipywidgets.widgets.widget_description import DescriptionStyle
from ipywidgets.widgets.widget_string import HTMLStyle, TextStyle

from . import static
from .model import Question, Result

__all__ = ["QuizWidget", "feedback_html"]

_ICONS = {
    "correct": ("✅", "Correct"),
    "partial": ("◐", "Partly right"),
    "wrong": ("❌", "Not quite"),
    "hint": ("ℹ️", "Nothing to check yet"),
}
_BORDER = {
    "correct": "var(--jp-success-color1)",
    "partial": "var(--jp-warn-color1)",
    "wrong": "var(--jp-error-color1)",
    "hint": "var(--jp-info-color1)",
}
_MUTED = "color:var(--jp-content-font-color2)"
_CSS = (
    "<style>"
    ".kzlessons-quiz .widget-radio-box label,.kzlessons-quiz .widget-checkbox,"
    ".kzlessons-quiz .widget-checkbox label{white-space:normal;height:auto;line-height:1.4;}"
    ".kzlessons-quiz .widget-checkbox span{white-space:normal;overflow:visible;}"
    "</style>"
)


def feedback_html(status: str, words: str, attempts: int | None = None, note: str = "") -> str:
    """The feedback region: icon + label + escaped words, in a polite live region.

    >>> "❌</span> Not quite" in feedback_html("wrong", "<b>x</b>")
    True
    >>> "&lt;b&gt;" in feedback_html("wrong", "<b>x</b>")
    True
    """
    inner = ""
    if status:
        icon, label = _ICONS[status]
        inner = (
            f"<div style='border-left:4px solid {_BORDER[status]};padding:0.3em 0.6em;"
            f"background:var(--jp-layout-color2);color:var(--jp-content-font-color1)'>"
            f"<strong><span aria-hidden='true'>{icon}</span> {label}</strong>"
            f"{' — ' + escape(words) if words else ''}"
            f"{'<br><span style=' + repr(_MUTED) + '>' + escape(note) + '</span>' if note else ''}"
            "</div>"
        )
    if attempts is not None:
        inner += f"<div style='{_MUTED};font-size:0.9em;margin-top:0.2em'>Attempts: {attempts}</div>"
    return f"<div class='kzlessons-feedback' role='status' aria-live='polite'>{inner}</div>"


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
        inputs: the input widgets (one for single/numeric/text; one per option
            for multiple; one per position for ordering).
        check_button, reset_button: the two buttons.
        feedback: ``widgets.HTML``: the live feedback region, then the explanation.
        explanation: the explanation part of ``feedback`` (empty until an attempt).
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
        self.inputs = self._build_inputs()
        self.prompt = widgets.HTML(value=self._prompt_html(), layout=self._layout, style=html_style)
        self.check_button = widgets.Button(
            description="Check", button_style="primary", tooltip="Check your answer (Enter or Space)",
            layout=self._layout, style=button_style,
        )
        self.reset_button = widgets.Button(
            description="Reset", tooltip="Clear your answer and the feedback (attempts stay recorded)",
            layout=self._layout, style=button_style,
        )
        self.feedback = widgets.HTML(value=feedback_html("", ""), layout=self._layout, style=html_style)
        self.check_button.on_click(self._on_check)
        self.reset_button.on_click(self._on_reset)
        input_box = self.inputs[0] if len(self.inputs) == 1 else widgets.VBox(self.inputs, layout=self._layout)
        super().__init__(
            children=[self.prompt, input_box, widgets.HBox([self.check_button, self.reset_button],
                                                           layout=self._layout),
                      self.feedback],
            layout=widgets.Layout(border="1px solid var(--jp-border-color2)", padding="0.4em 0.8em",
                                  margin="0.3em 0"),
            **kwargs,
        )
        self.add_class("kzlessons-quiz")
        self._restore()

    @property
    def explanation(self) -> str:
        """The explanation part of the feedback area ('' before an attempt)."""
        value = self.feedback.value
        start = value.find("<div class='kzlessons-explanation'")
        return value[start:] if start >= 0 else ""

    # -- building ------------------------------------------------------------
    def _prompt_html(self) -> str:
        q = self.question
        unit = f" <span style='{_MUTED}'>(answer in {escape(q.unit)})</span>" if q.unit else ""
        return (
            f"{_CSS}<div style='color:var(--jp-content-font-color1)'>"
            f"<div style='{_MUTED};font-size:0.85em'>Self-check {escape(q.id)} · {escape(q.type_label)} · "
            f"{escape(q.difficulty)}</div>"
            f"<div style='margin:0.2em 0;font-weight:600'>{escape(q.prompt)}{unit}</div>"
            f"<div style='{_MUTED};font-size:0.9em'>{escape(q.how_to_answer())}</div></div>"
        )

    def _build_inputs(self) -> list[widgets.Widget]:
        q = self.question
        style = DescriptionStyle(description_width="initial")
        layout = self._layout
        tooltip = q.prompt if len(q.prompt) <= 300 else q.prompt[:299] + "…"
        if q.type == "single":
            return [widgets.RadioButtons(
                options=[(o.text, o.id) for o in q.options], value=None, description="Your answer:",
                tooltip=tooltip, style=style, layout=layout,
            )]
        if q.type == "multiple":
            check_style = CheckboxStyle()
            return [widgets.Checkbox(value=False, description=o.text, indent=False, tooltip=o.text,
                                     layout=layout, style=check_style)
                    for o in q.options]
        if q.type == "numeric":
            label = f"Your answer (in {q.unit}):" if q.unit else "Your answer (a number):"
            return [widgets.Text(value="", description=label, placeholder="e.g. 12.5", tooltip=tooltip,
                                 style=TextStyle(description_width="initial"), layout=layout,
                                 continuous_update=True)]
        if q.type == "text":
            return [widgets.Text(value="", description="Your answer:", placeholder="a word or short phrase",
                                 tooltip=tooltip, style=TextStyle(description_width="initial"),
                                 layout=layout, continuous_update=True)]
        if q.type == "ordering":
            choices = [("— choose —", None), *[(o.text, o.id) for o in q.options]]
            return [widgets.Dropdown(options=choices, value=None, description=f"Position {i + 1}:",
                                     tooltip=f"Which item comes at position {i + 1}?", style=style,
                                     layout=layout)
                    for i in range(len(q.options))]
        raise ValueError(f"unknown question type {q.type!r}")  # pragma: no cover

    # -- answer <-> inputs --------------------------------------------------------
    @property
    def answer(self) -> Any:
        """The learner's answer as :meth:`Question.check` expects it."""
        q = self.question
        if q.type == "multiple":
            return [o.id for o, box in zip(q.options, self.inputs) if box.value]
        if q.type == "ordering":
            return [box.value for box in self.inputs]
        return self.inputs[0].value

    @answer.setter
    def answer(self, value: Any) -> None:
        q = self.question
        ids = {o.id for o in q.options}
        if q.type == "single":
            self.inputs[0].value = value if value in ids else None
        elif q.type == "multiple":
            chosen = set(value) if isinstance(value, (list, tuple, set)) else set()
            for o, box in zip(q.options, self.inputs):
                box.value = o.id in chosen
        elif q.type == "ordering":
            items = list(value) if isinstance(value, (list, tuple)) else []
            for i, box in enumerate(self.inputs):
                box.value = items[i] if i < len(items) and items[i] in ids else None
        else:
            self.inputs[0].value = "" if value is None else str(value)

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
            self.feedback.value = feedback_html("hint", self.question.how_to_answer(),
                                                progress.attempt_count(self.question.id))
            return None
        result = progress.record(self.question.id, answer)
        self._show(result, progress.attempt_count(self.question.id))
        return result

    def _on_check(self, _button: Any = None) -> None:
        self.check()

    def _on_reset(self, _button: Any = None) -> None:
        from .. import progress

        self.answer = None
        self.result = None
        self.feedback.value = feedback_html("", "", progress.attempt_count(self.question.id))

    def _show(self, result: Result, attempts: int, note: str = "") -> None:
        self.result = result
        self.feedback.value = (feedback_html(result.status, self._words(result), attempts, note)
                               + explanation_html(self.question))

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
