"""The reveal policy: when a quiz shows its answer (pure; the widget only draws what this says).

After a wrong or partly right answer the learner sees the option feedback and
the question's hint (its ``feedback``) and may try again. The explanation and
the right answer appear

* after a right answer,
* after :func:`reveal_after` tries (the course default :data:`REVEAL_AFTER`,
  or the question's own ``reveal_after`` in the bank), or
* when the learner presses **Show answer** (stored as ``shown``, never as correct).

**Reset** is stored too: it starts the question afresh (empty form, no
feedback, the try count back to 0), also when the cell is run again or the
notebook reopened. Attempts before a reset stay recorded.

:func:`replay` turns a question's stored rows (attempts, ``shown`` and
``reset`` rows, oldest first) into the :class:`State` the view shows, so a
reopened notebook shows each question as the learner left it.

>>> from kzlessons.quiz import get
>>> q = get("l00-what-check-does")
>>> s = replay(q, [{"answer": "a"}])
>>> (s.result.status, s.tries, s.revealed, s.tries_left)
('wrong', 1, '', 1)
>>> replay(q, [{"answer": "a"}, {"answer": "c"}]).revealed
'tries'
>>> replay(q, [{"answer": "a"}, {"kind": "shown"}]).revealed
'shown'
>>> s = replay(q, [{"answer": "b"}, {"kind": "reset"}])
>>> (s.result, s.revealed, s.attempts, s.reset)
(None, '', 1, True)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from .model import Question, Result

__all__ = ["REVEAL_AFTER", "reveal_after", "State", "replay", "Tracker", "Recorded"]

#: The course default: after this many tries that are not right, the answer is shown.
REVEAL_AFTER = 2


def reveal_after(question: Question) -> int:
    """How many tries before ``question`` shows its answer (its bank ``reveal_after``, else the default).

    >>> from kzlessons.quiz import get
    >>> reveal_after(get("l00-area")) >= 1
    True
    """
    own = getattr(question, "reveal_after", None)
    return own if isinstance(own, int) and not isinstance(own, bool) and own >= 1 else REVEAL_AFTER


@dataclass(frozen=True)
class State:
    """Where one question stands for the learner.

    Attributes:
        answer: the last answer given since the last reset (what the form shows), or None.
        result: that answer graded against the current bank, or None.
        tries: answers checked since the last reset.
        attempts: answers checked and stored, ever (what "Attempts: N" counts).
        unsaved: answers checked in this session that could not be stored.
        revealed: why the answer is shown: ``"correct"``, ``"tries"``, ``"shown"``, or ``""`` (hidden).
        last: the kind of the last row since the last reset: ``"attempt"``, ``"shown"`` or ``""``.
        reset: True when the last row is a reset.
        limit: the question's :func:`reveal_after`.
    """

    answer: Any = None
    result: Result | None = None
    tries: int = 0
    attempts: int = 0
    unsaved: int = 0
    revealed: str = ""
    last: str = ""
    reset: bool = False
    limit: int = REVEAL_AFTER

    @property
    def tries_left(self) -> int:
        """Tries left before the answer is shown (0 once it is shown)."""
        return 0 if self.revealed else max(self.limit - self.tries, 0)


def _kind(row: Mapping[str, Any]) -> str:
    kind = row.get("kind", "attempt")
    return kind if kind in ("attempt", "shown", "reset") else "other"


def replay(question: Question, rows: Iterable[Mapping[str, Any]]) -> State:
    """The :class:`State` after these rows (oldest first; unknown kinds are ignored).

    A row with ``"saved": False`` is an attempt made in this session that the
    store refused: it counts as a try but not in ``attempts``. Stored answers
    are graded again with :meth:`Question.check`, which never raises, so a
    stored answer of any shape is safe here.
    """
    limit = reveal_after(question)
    state = State(limit=limit)
    for row in rows:
        kind = _kind(row) if isinstance(row, Mapping) else "other"
        if kind == "reset":
            state = State(attempts=state.attempts, unsaved=state.unsaved, reset=True, limit=limit)
        elif kind == "shown":
            state = State(answer=state.answer, result=state.result, tries=state.tries, attempts=state.attempts,
                          unsaved=state.unsaved, revealed=state.revealed or "shown", last="shown", limit=limit)
        elif kind == "attempt":
            answer = row.get("answer")
            result = question.check(answer)
            saved = row.get("saved", True) is not False
            tries = state.tries + 1
            revealed = state.revealed or ("correct" if result.correct else "tries" if tries >= limit else "")
            state = State(answer=answer, result=result, tries=tries, attempts=state.attempts + saved,
                          unsaved=state.unsaved + (not saved), revealed=revealed, last="attempt", limit=limit)
    return state


class Recorded(Protocol):
    """What recording an attempt returns: the result, and a sentence when it was not saved."""

    result: Result
    problem: str | None


class Tracker(Protocol):
    """The progress functions a quiz view is given (see :class:`kzlessons.progress.events.QuizTracker`)."""

    def record(self, qid: str, answer: Any, **fields: Any) -> Recorded:
        """Check and store an attempt (extra ``fields`` go into its row, e.g. ``mode="assessment"``)."""

    def mark(self, qid: str, kind: str) -> str | None:
        """Store a ``shown`` or ``reset`` row; None, or a sentence saying it was not saved."""

    def history(self, qid: str) -> list[dict[str, Any]]:
        """The question's stored rows of every kind, oldest first (raises when unreadable)."""
