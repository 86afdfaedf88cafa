"""Quiz events besides attempts: "answer shown" and "reset", kept in the same store.

Every stored row has a ``kind``: ``"attempt"`` (the default when the field is
absent, so older stores read unchanged), ``"shown"`` (the learner pressed
*Show answer*; never counted as correct) or ``"reset"`` (the learner pressed
*Reset*; a re-run cell then starts empty). Rows of any other kind, written by a
newer kzlessons, are kept in the file and ignored here.

Only attempts are counted, summarised and exported (``kz.progress.attempts()``
and the gradebook never see the other kinds); the quiz widget, :func:`kz.review`
and :func:`kz.progress.dashboard` read the whole history with :func:`history`.

>>> import os, tempfile
>>> saved = os.environ.get("KZLESSONS_HOME")
>>> os.environ["KZLESSONS_HOME"] = tempfile.mkdtemp()   # a scratch store for this example
>>> record_event("l00-area", "shown") is None              # None: it was saved
True
>>> [(row["question_id"], kind_of(row)) for row in history()]
[('l00-area', 'shown')]
>>> import kzlessons as kz; kz.progress.attempt_count("l00-area")   # not an attempt
0
>>> _ = os.environ.pop("KZLESSONS_HOME") if saved is None else os.environ.update(KZLESSONS_HOME=saved)
"""

from __future__ import annotations

import datetime as dt
import uuid
import warnings
from dataclasses import dataclass
from typing import Any

from .store import StoreWarning, default_store, home

__all__ = ["KINDS", "EVENT_KINDS", "kind_of", "is_attempt", "history", "record_event", "Saved",
           "record_attempt", "QuizTracker"]

#: Every kind of row this version writes.
KINDS = ("attempt", "shown", "reset")
#: The kinds that are not attempts.
EVENT_KINDS = ("shown", "reset")


def kind_of(row: Any) -> str:
    """The row's kind: ``attempt`` when absent, ``other`` for a kind this version does not know.

    >>> kind_of({}), kind_of({"kind": "shown"}), kind_of({"kind": "from-the-future"}), kind_of({"kind": 3})
    ('attempt', 'shown', 'other', 'other')
    """
    kind = row.get("kind", "attempt") if isinstance(row, dict) else "other"
    return kind if kind in KINDS else "other"


def is_attempt(row: Any) -> bool:
    """True for an answer that was checked (the rows that are counted and exported)."""
    return kind_of(row) == "attempt"


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")


def history(qid: str | None = None) -> list[dict[str, Any]]:
    """Every stored row (attempts, shown answers, resets), oldest first; one question's with ``qid``.

    Raises ``OSError`` (or the store's own error) when the store cannot be read.
    """
    rows = default_store().read()
    return [row for row in rows if qid is None or row.get("question_id") == qid]


def _not_saved(error: BaseException | str) -> str:
    if isinstance(error, OSError):
        error = error.strerror or error
    return (f"This was not saved ({error}). Check that {home()} is writable; "
            "until then your progress is not kept.")


def record_event(qid: str, kind: str) -> str | None:
    """Store a ``shown`` or ``reset`` event for ``qid``; returns None, or a sentence saying it was not saved."""
    from ..quiz import get

    if kind not in EVENT_KINDS:
        raise ValueError(f"kind must be one of {EVENT_KINDS}, not {kind!r}.")
    question = get(qid)
    row = {"attempt_id": uuid.uuid4().hex, "question_id": question.id, "lesson": question.lesson,
           "answer": None, "correct": False, "score": 0.0, "time": _now(), "kind": kind}
    try:
        default_store().append([row])
    except Exception as error:  # noqa: BLE001 - any failure to save is reported, never raised
        return _not_saved(error)
    return None


@dataclass(frozen=True)
class Saved:
    """What happened to one checked answer.

    Attributes:
        result: the :class:`~kzlessons.quiz.model.Result` (always there).
        problem: None when the attempt was stored, else a sentence for the learner.
    """

    result: Any
    problem: str | None = None

    @property
    def saved(self) -> bool:
        """True when the attempt is in the store."""
        return self.problem is None


def record_attempt(qid: str, answer: Any) -> Saved:
    """Check and store one attempt through :func:`kzlessons.progress.record`, saying whether it was saved.

    ``record`` reports a failed write as a :class:`StoreWarning`; here that warning
    (or any exception from the store) becomes :attr:`Saved.problem`, so the quiz
    can show it in its own feedback instead of the Log Console.
    """
    from .. import progress

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", StoreWarning)
        try:
            result = progress.record(qid, answer)
        except Exception as error:  # noqa: BLE001 - the store failed; still grade the answer
            from ..quiz import get

            return Saved(get(qid).check(answer), _not_saved(error))
    problems = [str(w.message) for w in caught if issubclass(w.category, StoreWarning)]
    for other in caught:  # warnings that are not about saving go on as usual
        if not issubclass(other.category, StoreWarning):
            warnings.warn_explicit(other.message, other.category, other.filename, other.lineno)
    unsaved = [p for p in problems if "could not be saved" in p or "not saved" in p]
    if unsaved:
        return Saved(result, unsaved[0])
    for problem in problems:  # e.g. "your progress file was damaged ... kept as ..." (saved, but say so)
        warnings.warn(problem, StoreWarning, stacklevel=2)
    return Saved(result, None)


class QuizTracker:
    """The progress functions a quiz view needs, wired to the learner's store.

    :func:`kzlessons.quiz.ask` passes one to :class:`~kzlessons.quiz.widget.QuizWidget`,
    so the quiz package never imports :mod:`kzlessons.progress` itself.
    """

    def record(self, qid: str, answer: Any) -> Saved:
        """Check and store an attempt (see :func:`record_attempt`)."""
        return record_attempt(qid, answer)

    def mark(self, qid: str, kind: str) -> str | None:
        """Store a ``shown``/``reset`` event (see :func:`record_event`)."""
        return record_event(qid, kind)

    def history(self, qid: str) -> list[dict[str, Any]]:
        """This question's stored rows of every kind, oldest first (raises when unreadable)."""
        return history(qid)
