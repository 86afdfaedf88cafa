"""The question every type shares: :class:`Question` (bank data, ``check``, helpers for views) and :class:`Option`.

:meth:`Question.from_dict` builds the right type from one bank entry: each type
(:mod:`.choice`: single, multiple, ordering; :mod:`.numeric`; :mod:`.text`) adds
itself to :data:`QUESTION_TYPES` when its class is defined, and :mod:`.model`
imports them all. A type implements ``_check`` (raising
:class:`~.answers.Unreadable` for an answer it cannot read), ``how_to_answer`` and
``answer_text``; :meth:`Question.check` makes sure a learner never sees an error.

>>> import kzlessons.quiz   # defines every type
>>> sorted(QUESTION_TYPES)
['multiple', 'numeric', 'ordering', 'single', 'text']
>>> q = Question.from_dict({"id": "l99-pick", "type": "single", "prompt": "Pick b.", "answer": "b",
...                         "options": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}]}, lesson="99")
>>> type(q).__name__, q.type_label, q.answer_text()
('SingleChoice', 'single choice', 'b) B')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from .answers import Unreadable, describe, to_jsonable
from .result import Result

__all__ = ["Option", "Question", "QUESTION_TYPES", "TYPE_LABELS"]

TYPE_LABELS = {
    "single": "single choice",
    "multiple": "multiple select",
    "numeric": "numeric",
    "text": "short text",
    "ordering": "ordering",
}


@dataclass(frozen=True)
class Option:
    """One choice of a single, multiple or ordering question.

    Attributes:
        id: short stable id used in the answer key (``"a"``, ``"b"`` …).
        text: what the learner sees.
        feedback: shown when a learner picks this option wrongly (may be empty).
    """

    id: str
    text: str
    feedback: str = ""


#: bank ``type`` -> class; each type adds itself when its class is defined (see the module docs).
QUESTION_TYPES: dict[str, type[Question]] = {}


@dataclass(frozen=True)
class Question:
    """One quiz question. Build from bank data with :meth:`from_dict`.

    Attributes:
        id: stable id, ``lNN-kebab-case``.
        lesson: two-digit lesson id (``"02"``).
        type: ``single``, ``multiple``, ``numeric``, ``text`` or ``ordering``.
        prompt: the question text (plain text; views escape it).
        options: choices for single, multiple and ordering questions.
        answer: the answer key, as in the bank.
        feedback: default feedback for a wrong answer.
        explanation: shown once the answer is revealed (see :mod:`kzlessons.quiz.policy`).
        sources: ids in the ``sources`` dataset.
        difficulty: ``easy``, ``medium`` or ``hard``.
        unit: the unit of a numeric answer (shown beside the input).
        reveal_after: tries before the answer is shown (None: the course default,
            :data:`kzlessons.quiz.policy.REVEAL_AFTER`).
        review: False when the prompt needs its own lesson's cells on screen ("the table
            above"), so :func:`kzlessons.review` never asks it in another lesson.
    """

    id: str
    lesson: str
    type: ClassVar[str] = ""
    prompt: str = ""
    options: tuple[Option, ...] = ()
    answer: Any = None
    feedback: str = ""
    explanation: str = ""
    sources: tuple[str, ...] = ()
    difficulty: str = "medium"
    unit: str = ""
    reveal_after: int | None = None
    review: bool = True

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.type:
            QUESTION_TYPES[cls.type] = cls

    # -- construction -----------------------------------------------------
    @staticmethod
    def from_dict(data: Mapping[str, Any], lesson: str) -> Question:
        """Build the right subclass from one bank entry (already validated)."""
        cls = QUESTION_TYPES[data["type"]]
        options = tuple(
            Option(str(o["id"]), str(o["text"]), str(o.get("feedback", "") or ""))
            for o in data.get("options", []) or []
        )
        answer = data["answer"]
        if isinstance(answer, list):
            answer = tuple(str(a) for a in answer)
        elif isinstance(answer, Mapping):
            answer = dict(answer)
            if "accept" in answer:
                answer["accept"] = tuple(str(a) for a in answer["accept"])
        return cls(
            id=str(data["id"]),
            lesson=str(lesson),
            prompt=str(data["prompt"]),
            options=options,
            answer=answer,
            feedback=str(data.get("feedback", "") or ""),
            explanation=str(data.get("explanation", "") or ""),
            sources=tuple(str(s) for s in data.get("sources", []) or []),
            difficulty=str(data.get("difficulty", "medium")),
            unit=str(data.get("unit", "") or ""),
            reveal_after=data.get("reveal_after"),
            review=bool(data.get("review", True)),
        )

    # -- grading ------------------------------------------------------------
    def check(self, answer: Any) -> Result:
        """Grade ``answer``; never raises, whatever ``answer`` is."""
        try:
            return self._check(answer)
        except Unreadable as problem:
            return Result(False, 0.0, str(problem))
        except Exception:  # pragma: no cover - a safety net, not a code path
            return Result(False, 0.0, f"That answer could not be read ({describe(answer)}). "
                          f"{self.how_to_answer()}")

    def unreadable(self, answer: Any) -> str | None:
        """Why ``answer`` cannot be graded (not a number, an item used twice …), or None when it can.

        Says nothing about whether it is right: assessment mode uses it to refuse an answer it
        could not grade without giving a verdict. Never raises.
        """
        try:
            self._check(answer)
        except Unreadable as problem:
            return str(problem)
        except Exception:  # pragma: no cover - a safety net, as in check()
            return f"That answer could not be read ({describe(answer)}). {self.how_to_answer()}"
        return None

    def _check(self, answer: Any) -> Result:  # pragma: no cover - abstract
        raise NotImplementedError

    def how_to_answer(self) -> str:
        """One sentence telling the learner what kind of answer is expected."""
        return "Give an answer and press Check."

    def _wrong(self, specific: str = "") -> Result:
        parts = [p for p in (specific, self.feedback) if p]
        return Result(False, 0.0, " ".join(parts) or "Not quite. Read the explanation and try again.")

    # -- helpers for views ------------------------------------------------------
    @property
    def type_label(self) -> str:
        """A human name for the type, e.g. ``"multiple select"``."""
        return TYPE_LABELS[self.type]

    def option(self, option_id: str) -> Option | None:
        """The option with this id, or None."""
        for opt in self.options:
            if opt.id == option_id:
                return opt
        return None

    def answer_text(self) -> str:
        """The right answer in words (used in the collapsed static answer)."""
        return str(self.answer)

    def answer_to_store(self, answer: Any) -> Any:
        """A JSON-safe form of a learner answer for the progress store."""
        return to_jsonable(answer)
