"""The interactive quiz view (ipywidgets + the anywidget controls in :mod:`.controls`),
used by :func:`kzlessons.quiz.ask`.

Layout, top to bottom (a ``VBox`` with class ``kzlessons-quiz``):

* ``prompt``: a ``widgets.HTML`` line "Self-check · <type> · <difficulty>" (then the question id,
  faint and ``aria-hidden``, so a screen reader does not read an internal name before each question;
  the line carries it as ``data-qid``); for numeric and text questions also the question (with its
  unit) and how to answer;
* the input (``inputs[0]``, the only one):

  - single → :class:`~.controls.ChoiceGroup`: ``<fieldset role=radiogroup>`` whose ``<legend>``
    is the question, how to answer as its description, and one native radio per option inside
    its ``<label>``, all sharing one ``name`` (one Tab stop; arrow keys move the choice);
  - multiple → the same with checkboxes (``role=group``);
  - ordering → :class:`~.controls.OrderGroup`: the same fieldset/legend around one labelled
    native ``<select>`` per position ("Position 1 (first)" …);
  - numeric → :class:`~.controls.TextBox` labelled "Your answer (in <unit>):"; text → a
    ``TextBox`` labelled "Your answer:" (the question is their tooltip and is shown just above);

  the fieldsets keep their keys (arrows, Home/End, Space, Enter) from JupyterLab's notebook
  shortcuts, which would otherwise move the cell selection; Enter in any input presses Check;
* *Check*, *Show answer* and *Reset*: :class:`~.controls.ActionButton` objects (native buttons drawn
  like ``widgets.Button``: Tab to them, Enter or Space) whose ``source`` is the input;
* ``feedback``: a :class:`~.controls.LiveRegion`, one ``role=status aria-live=polite
  aria-atomic=true`` element that stays in the page while Python replaces its parts: icon
  (inline SVG; its text form ✓ ✗ ◐ ⓘ ⚠ in ``feedback.text``) **and** words ("✓ Correct — …"),
  a note (tries left, why the answer is shown, a store problem), and "Attempts: N";
* ``explanation_box``: a ``widgets.HTML`` with the right answer, the explanation and its sources
  once the answer is revealed (outside the live region, so it is read on demand).

When the answer is revealed is the reveal policy of :mod:`.policy`: after a right answer, after
``reveal_after`` tries (course default 2), or on *Show answer* (stored as "shown"). Before that a
wrong answer shows the option's feedback and the question's hint.

All text shown by the controls goes through ``textContent``; the HTML pieces built here escape
every bank text. All colours are JupyterLab CSS variables, so light and dark themes both read well.

The widget does not import :mod:`kzlessons.progress`: it is given a tracker
(:class:`~.policy.Tracker`: ``record``, ``mark``, ``history``), which :func:`kzlessons.quiz.ask`
wires to :func:`kzlessons.progress.record` (the single path that grades and stores). Building the
widget replays the question's stored rows (:func:`.policy.replay`), so re-running the cell or
reopening the notebook (even in a new kernel) shows each question as the learner left it: wrong
with its hint, revealed, shown, or empty after *Reset* (which is stored; attempts stay recorded).
When saving or reading the store fails, the feedback says so in words and the count says what
was saved.

Every action acts on what the page shows: Check, Show answer, Reset and Enter send the input's
shown value with their message, and the kernel takes it into ``inputs[0]`` before acting (see
:mod:`.controls`), so a click that overtakes held-back keystrokes (a busy kernel) still grades the
whole answer. Reset empties the form in the page at once.

Headless use (the unit tests): set ``inputs[0].value`` (an option id, a list of ids, a list with
one id or None per position, or a string) and call ``check_button.click()``.

The widget's display bundle also carries ``text/html`` (question and a collapsed answer, see
:mod:`kzlessons.quiz.static`) and a deterministic ``text/plain``, for GitHub, nbviewer and nbval.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

import ipywidgets as widgets
from ipywidgets.widgets.widget_string import HTMLStyle

from . import assessment as assessment_mode
from . import policy, static, withheld
from .controls import ActionButton, ChoiceGroup, LiveRegion, OrderGroup, TextBox
from .model import MAX_ANSWER_CHARS, Question, Result
from .policy import Tracker

__all__ = ["QuizWidget", "MemoryTracker", "feedback_parts", "explanation_html"]


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__

#: status -> (icon, label, LiveRegion tone). The icons are drawn as inline SVG by the live region
#: (so they show on every system, with or without an emoji font); the symbol is their text form.
_STATUS = {
    "correct": ("✓", "Correct", "correct"),
    "partial": ("◐", "Partly right", "partial"),
    "wrong": ("✗", "Not quite", "wrong"),
    "hint": ("ⓘ", "Nothing to check yet", "hint"),
    "shown": ("ⓘ", "Answer shown", "hint"),
    "store": ("⚠", "Progress problem", "wrong"),
    "saved": ("⤓", "Answer saved", "hint"),  # assessment mode: saved, not checked (see .withheld)
    "nothing": ("ⓘ", "Nothing to save yet", "hint"),
    "unreadable": ("ⓘ", "Not saved yet", "hint"),
}
_MUTED = "color:var(--jp-content-font-color2)"
#: Question types answered in a fieldset whose legend is the question.
_GROUPED = {"single", "multiple", "ordering"}
SHOWN_WORDS = ("The right answer and the explanation are below. This counts as shown, not as correct; "
               "kz.review() will ask this question again.")


def feedback_parts(status: str, words: str, attempts: int | str | None = None, note: str = "") -> dict[str, str]:
    """The feedback as plain-text parts for :meth:`LiveRegion.show` (icon + label + words).

    ``attempts`` is a count (shown as "Attempts: N") or a ready footer text.

    >>> feedback_parts("wrong", "<b>x</b>", 2)["label"], feedback_parts("wrong", "<b>x</b>", 2)["footer"]
    ('Not quite', 'Attempts: 2')
    >>> feedback_parts("correct", "Correct: you found all of them.")["message"]
    'You found all of them.'
    >>> feedback_parts("", "")
    {'tone': '', 'icon': '', 'label': '', 'message': '', 'note': '', 'footer': ''}
    """
    icon, label, tone = _STATUS[status] if status else ("", "", "")
    message = words if status else ""
    if label and message.lower().startswith(label.lower()):  # "Correct: ..." under the label "Correct"
        message = message[len(label):].lstrip(" :.—-").strip()
        message = message[:1].upper() + message[1:]
    footer = f"Attempts: {attempts}" if isinstance(attempts, int) else attempts or ""
    return {"tone": tone, "icon": icon, "label": label, "message": message,
            "note": note if status else "", "footer": footer}


def explanation_html(question: Question) -> str:
    """The right answer, the explanation and the sources, shown once the answer is revealed.

    Bank text is escaped, then its inline code (`x`) drawn as ``<code>``; a "select all" answer is a list.
    """
    return (
        "<div class='kzlessons-explanation' style='color:var(--jp-content-font-color1);"
        "border-top:1px solid var(--jp-border-color2);margin-top:0.3em;padding-top:0.3em'>"
        f"<div><strong>Answer:</strong> {static.answer_html(question)}</div>"
        f"<div><strong>Why:</strong> {static.inline_html(question.explanation)}</div>"
        f"{static.sources_html(question)}</div>"
    )


class MemoryTracker:
    """A :class:`~.policy.Tracker` that keeps nothing: it grades, and remembers only in this object.

    The widget uses it when it is given no tracker (a preview, a test); :func:`kzlessons.quiz.ask`
    gives it the learner's store instead.
    """

    @dataclass(frozen=True)
    class _Recorded:
        result: Result
        problem: str | None = None

    def __init__(self, *questions: Question):
        self.questions = {q.id: q for q in questions}
        self.rows: list[dict[str, Any]] = []

    def record(self, qid: str, answer: Any, **fields: Any) -> MemoryTracker._Recorded:
        """Grade ``answer`` and remember it (with any extra ``fields``, e.g. ``mode="assessment"``)."""
        self.rows.append({"question_id": qid, "answer": answer, **fields})
        return self._Recorded(self.questions[qid].check(answer))

    def mark(self, qid: str, kind: str) -> None:
        """Remember a ``shown`` or ``reset`` row."""
        self.rows.append({"question_id": qid, "kind": kind})

    def history(self, qid: str) -> list[dict[str, Any]]:
        """The rows remembered for ``qid``."""
        return [row for row in self.rows if row["question_id"] == qid]


class QuizWidget(widgets.VBox):
    """One question: input, Check, Show answer, Reset, feedback, explanation (see module docs).

    Args:
        question: the :class:`~kzlessons.quiz.model.Question` to ask.
        tracker: records attempts and reads the history (see :class:`~.policy.Tracker`);
            :func:`kzlessons.quiz.ask` passes the learner's store. None: a :class:`MemoryTracker`.
        fresh: start empty whatever the history says (``kz.review()`` asks again); the stored
            attempts still count.
        assessment: the assessment config in force (:mod:`.assessment`); None reads it
            (``$KZLESSONS_ASSESSMENT``, or ``kzlessons-assessment.toml`` in the working folder).
            While the question's results are withheld, Check is *Save answer*, answers are stored
            with ``mode="assessment"``, the feedback is "Answer saved" (never right or wrong),
            and there is no hint, explanation, *Show answer* or *Reset*. Whether they are
            withheld is asked again at every render, so a release shows the saved answers' feedback.

    Attributes:
        question: the question shown.
        inputs: a one-item list holding the input widget (``ChoiceGroup``, ``OrderGroup`` or
            ``TextBox``); set its ``.value`` to answer.
        prompt: ``widgets.HTML`` above the input (id, type, difficulty; the question itself
            for numeric and text questions, where it is not a legend).
        check_button, show_button, reset_button: the three buttons (:class:`~.controls.ActionButton`;
            ``.click()`` acts on ``inputs[0].value``).
        feedback: the :class:`~.controls.LiveRegion` (``feedback.text`` is what it shows).
        explanation_box: ``widgets.HTML`` holding the answer and explanation once revealed.
        result: the last :class:`Result` shown (None before any attempt, after Reset, and while
            the results are withheld).
        state: the :class:`~.policy.State` shown.
        status: the question's :class:`~.assessment.Status` at the last render.
    """

    def __init__(self, question: Question, *, tracker: Tracker | None = None, fresh: bool = False,
                 assessment: assessment_mode.Config | None = None, **kwargs: Any):
        self.question = question
        self.assessment = assessment if assessment is not None else assessment_mode.load()
        self.status = self.assessment.status(question.id)
        self.tracker: Tracker = tracker if tracker is not None else MemoryTracker(question)
        self.result: Result | None = None
        self.state = policy.State(limit=policy.reveal_after(question))
        self._rows: list[dict[str, Any]] = []
        self._read_problem = ""
        self._problem = ""
        # Children share one Layout and one style object per kind: every ipywidgets
        # model costs a comm and ~0.5 ms, and these children need no layout of their own.
        self._layout = widgets.Layout(width="auto")
        html_style = HTMLStyle()
        self.inputs = [self._build_input()]
        self.prompt = widgets.HTML(value=self._prompt_html(), layout=self._layout, style=html_style)
        # Each click carries the value the input shows in the page (see controls.ActionButton).
        self.check_button = ActionButton(
            description="Check", button_style="primary", tooltip="Check your answer (Enter or Space)",
            source=self.inputs[0], layout=self._layout,
        )
        self.show_button = ActionButton(
            description="Show answer",
            tooltip="Show the right answer and the explanation (recorded as shown, not as correct)",
            source=self.inputs[0], layout=self._layout,
        )
        self.reset_button = ActionButton(
            description="Reset", tooltip="Start this question afresh (earlier attempts stay recorded)",
            source=self.inputs[0], clears_source=True, layout=self._layout,
        )
        self.feedback = LiveRegion(layout=self._layout)
        self.explanation_box = widgets.HTML(value="", layout=self._layout, style=html_style)
        self.check_button.on_click(self._on_check)
        self.show_button.on_click(self._on_show)
        self.reset_button.on_click(self._on_reset)
        self._buttons = widgets.HBox(self._shown_buttons(), layout=self._layout)
        self._apply_status()
        super().__init__(
            children=[self.prompt, self.inputs[0], self._buttons,
                      self.feedback, self.explanation_box],
            layout=widgets.Layout(border="1px solid var(--jp-border-color2)", padding="0.4em 0.8em",
                                  margin="0.3em 0"),
            **kwargs,
        )
        self.add_class("kzlessons-quiz")
        self._restore(fresh)

    @property
    def explanation(self) -> str:
        """The answer-and-explanation HTML ('' while the answer is not revealed, and after Reset)."""
        return self.explanation_box.value

    # -- building ------------------------------------------------------------
    def _prompt_html(self) -> str:
        q = self.question
        meta = static.meta_html(q, withheld.label(self.status), tag="div", cls="kzlessons-quiz-meta",
                                style=f"{_MUTED};font-size:0.85em")
        intro = withheld.intro(self.status)
        if intro:
            meta += f"<div class='kzlessons-assessed' style='{_MUTED};font-size:0.9em'>{escape(intro)}</div>"
        if q.type in _GROUPED:  # the question is the group's legend, shown by the control
            return f"<div style='color:var(--jp-content-font-color1)'>{meta}</div>"
        unit = f" <span style='{_MUTED}'>(answer in {escape(q.unit)})</span>" if q.unit else ""
        return (
            f"<div style='color:var(--jp-content-font-color1)'>{meta}"
            f"<div style='margin:0.2em 0;font-weight:600'>{escape(q.prompt)}{unit}</div>"
            f"<div style='{_MUTED};font-size:0.9em'>{escape(withheld.how(q.how_to_answer(), self.status))}</div></div>"
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
                placeholder = "a number"
            else:
                label, placeholder = "Your answer:", "a word or short phrase"
            box = TextBox(value="", description=label, placeholder=placeholder, tooltip=tooltip,
                          layout=self._layout)
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
        """Put ``value`` into the form; a value of any shape is accepted (what cannot be shown is left empty)."""
        box = self.inputs[0]
        try:
            box.value = self._form_value(value)
        except Exception:  # noqa: BLE001 - a stored answer of any shape must never break the quiz
            box.value = self._form_value(None)

    def _form_value(self, value: Any) -> Any:
        q = self.question
        ids = [o.id for o in q.options]
        if q.type == "single":
            return value if isinstance(value, str) and value in ids else None
        if q.type == "multiple":
            items = value if isinstance(value, (list, tuple, set, frozenset)) else ()
            chosen = {v for v in items if isinstance(v, str)}
            return [i for i in ids if i in chosen]
        if q.type == "ordering":
            items = list(value) if isinstance(value, (list, tuple)) else []
            return [items[i] if i < len(items) and isinstance(items[i], str) and items[i] in ids else None
                    for i in range(len(ids))]
        if isinstance(value, str):
            return value[:MAX_ANSWER_CHARS]
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        return ""

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
        answer = self.answer
        self._refresh_status()
        if self._is_empty(answer):
            status = "nothing" if self.status.withheld else "hint"
            how = withheld.how(self.question.how_to_answer(), self.status)
            self.feedback.show(**feedback_parts(status, how, self._footer()))
            return None
        unreadable = self.question.unreadable(answer) if self.status.withheld else None
        if unreadable:  # under assessment an answer that cannot be graded is refused, not saved as wrong
            self.feedback.show(**feedback_parts("unreadable", withheld.how(unreadable, self.status), self._footer()))
            return None
        mode = {assessment_mode.MODE_FIELD: assessment_mode.MODE} if self.status.withheld else {}
        # (without assessment the call is as before, so a tracker that takes no extra fields still works)
        recorded = self.tracker.record(self.question.id, answer, **mode)
        self._problem = recorded.problem or ""
        self._rows.append({"kind": "attempt", "answer": answer, "saved": recorded.problem is None, **mode})
        self._render()
        return self.result

    def show_answer(self) -> None:
        """Same as clicking Show answer: reveal the answer and record that it was shown
        (nothing while the results are withheld by assessment mode)."""
        self._refresh_status()
        if self.state.revealed or self.status.withheld:
            return
        self._problem = self.tracker.mark(self.question.id, "shown") or ""
        self._rows.append({"kind": "shown"})
        self._render()

    def reset(self) -> None:
        """Same as clicking Reset: an empty form and no feedback, stored so a re-run cell starts empty too."""
        self._problem = self.tracker.mark(self.question.id, "reset") or ""
        self._rows.append({"kind": "reset"})
        self.answer = None
        self._render()

    def _on_check(self, _button: Any = None) -> None:
        self.check()

    def _on_submit(self, _widget: Any = None) -> None:
        """Enter pressed inside the input: the same as Check."""
        self.check()

    def _on_show(self, _button: Any = None) -> None:
        self.show_answer()

    def _on_reset(self, _button: Any = None) -> None:
        self.reset()

    # -- drawing ------------------------------------------------------------------------
    def _footer(self) -> str:
        state = self.state
        if not (self._rows or self._read_problem or self._problem):  # nothing happened yet: say nothing
            return ""
        text = f"Attempts: {state.attempts}"
        if state.unsaved:
            text += f" saved, {state.unsaved} not saved"
        if self._read_problem:
            text += " (earlier attempts could not be read)"
        return text

    def _shown_buttons(self) -> list[widgets.Widget]:
        if self.status.withheld:  # no Show answer, and no Reset that could seem to withdraw a saved answer
            return [self.check_button]
        return [self.check_button, self.show_button, self.reset_button]

    def _refresh_status(self) -> None:
        """Ask assessment mode again (a release may have come): relabel the quiz when it changed."""
        status = self.assessment.status(self.question.id)
        if status != self.status:
            self.status = status
            self._apply_status()

    def _apply_status(self) -> None:
        status = self.status
        self.prompt.value = self._prompt_html()
        if hasattr(self.inputs[0], "hint"):  # the choice and order fieldsets say how to answer under their legend
            self.inputs[0].hint = withheld.how(self.question.how_to_answer(), status)
        self.check_button.description = withheld.SAVE if status.withheld else "Check"
        self.check_button.tooltip = withheld.SAVE_TOOLTIP if status.withheld else "Check your answer (Enter or Space)"
        self._buttons.children = self._shown_buttons()

    def _render_withheld(self, restored: bool) -> None:
        """Assessment mode before the release: "Answer saved" or a store problem, never a verdict."""
        state = self.state
        self.result = None
        notes = [withheld.RESTORED_NOTE] if restored and state.last == "attempt" else []
        if self._problem or (self._read_problem and state.last != "attempt"):
            status, words = "store", " ".join(p for p in (self._problem, self._read_problem) if p)
        elif state.last == "attempt":
            status, words = "saved", withheld.saved_words(self.status)
            notes += [withheld.SAVED_NOTE, self._read_problem]
        else:
            status, words = "", ""
        self.feedback.show(**feedback_parts(status, words, self._footer(), " ".join(n for n in notes if n)))
        self.explanation_box.value = ""

    def _last_attempt_assessed(self) -> bool:
        for row in reversed(self._rows):
            if row.get("kind") == "reset":
                return False
            if row.get("kind") == "attempt":
                return assessment_mode.is_assessed(row)
        return False

    def _render(self, restored: bool = False) -> None:
        self.state = state = policy.replay(self.question, self._rows)
        self._refresh_status()
        if self.status.withheld:
            self._render_withheld(restored)
            return
        self.result = state.result
        notes = []
        if restored and state.last:
            notes.append("Restored from your last attempt." if state.last == "attempt"
                         else "Restored: you had asked to see the answer.")
        if state.last == "attempt" and self.status.assessed and self._last_attempt_assessed():
            notes.append(withheld.released_note(self.status))
        if state.last == "attempt" and state.result is not None:
            status, words = state.result.status, self._words(state.result)
            if state.revealed == "tries":
                notes.append(f"After {state.limit} tries the answer and the explanation are shown below.")
            elif state.revealed == "shown":
                notes.append("The answer and the explanation are below.")
            elif not state.revealed:
                left = state.tries_left
                notes.append(f"Try again: the answer is shown after {left} more "
                             f"{'try' if left == 1 else 'tries'}, or press Show answer.")
        elif state.last == "shown":
            status, words = "shown", SHOWN_WORDS
        else:
            status, words = "", ""
        # a failed save says what to do; the read problem is said once, unless nothing else is
        for problem in (self._problem, "" if self._problem else self._read_problem):
            if problem:
                notes.append(problem)
        if not status and (self._problem or self._read_problem):
            status, words, notes = "store", " ".join(notes), []
        self.feedback.show(**feedback_parts(status, words, self._footer(), " ".join(notes)))
        self.explanation_box.value = explanation_html(self.question) if state.revealed else ""
        self.show_button.disabled = bool(state.revealed)

    @staticmethod
    def _words(result: Result) -> str:
        if result.status == "partial":
            return f"score {result.score:.0%}. {result.feedback}"
        return result.feedback

    def _restore(self, fresh: bool) -> None:
        """Show where the learner left off: the stored rows replayed (see :func:`.policy.replay`)."""
        try:
            rows = list(self.tracker.history(self.question.id))
        except Exception as error:  # noqa: BLE001 - a broken store must not break the lesson
            rows = []
            self._read_problem = (f"Your earlier answers could not be read ({_reason(error)}), so they are "
                                  "not shown here. Run kz.check() to see what is wrong with the progress store.")
        self._rows = [{**row, "kind": row.get("kind", "attempt")} for row in rows if isinstance(row, dict)]
        if fresh:
            self._rows.append({"kind": "reset"})
        try:
            self._render(restored=not fresh)
            if self.state.answer is not None:
                self.answer = self.state.answer
        except Exception:  # noqa: BLE001 - whatever is stored, the quiz still works
            self._rows = [{"kind": "reset"}]
            self._render()

    # -- display ----------------------------------------------------------------------
    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        # Built directly rather than via super(): ipywidgets' version computes a
        # recursive repr of every child only to truncate it, and we replace
        # text/plain with the deterministic static text anyway.
        data: dict[str, Any] = {
            "text/plain": static.to_text(self.question, self.status),
            "text/html": static.to_html(self.question, self.status),
        }
        if self._view_name is not None:
            data["application/vnd.jupyter.widget-view+json"] = {
                "version_major": 2, "version_minor": 0, "model_id": self._model_id,
            }
        return data
