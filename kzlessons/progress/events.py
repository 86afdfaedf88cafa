"""Quiz events besides attempts ("answer shown", "reset") and the tracker the quiz view is given.

Every stored row has a ``kind`` (see :mod:`kzlessons.progress.rows`):
``"attempt"`` (the default when the field is absent, so older stores read
unchanged), ``"shown"`` (the learner pressed *Show answer*; never counted as
correct) or ``"reset"`` (the learner pressed *Reset*; a re-run cell then
starts empty). Rows of kinds this version does not know are kept and ignored.

Only attempts are counted and summarised as answers (``kz.progress.attempts()``,
``summary()``); the quiz widget, :func:`kz.review` and
:func:`kz.progress.dashboard` read the whole history with :func:`history`.

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

import warnings
from typing import Any

from .rows import is_attempt, kind_of
from .store import StoreWarning, advice, default_store, home

__all__ = ["EVENT_KINDS", "kind_of", "is_attempt", "history", "record_event", "record_attempt", "QuizTracker"]

#: The kinds of row the quiz writes that are not attempts.
EVENT_KINDS = ("shown", "reset")


def history(qid: str | None = None) -> list[dict[str, Any]]:
    """Every stored row (attempts, shown answers, resets) in stored order; one question's with ``qid``.

    Raises :class:`~kzlessons.progress.store.StoreError` when the store cannot be read.
    """
    rows = default_store().read()
    return [row for row in rows if qid is None or row.get("question_id") == qid]


def unreadable(error: BaseException) -> str:
    """The store's own sentence (its errors are sentences), or one made from a bare error.

    >>> unreadable(OSError("disk on fire"))
    'Your progress store could not be read (disk on fire).'
    """
    text = str(error).strip()
    return text if text.endswith(".") else f"Your progress store could not be read ({text or type(error).__name__})."


def question_lessons(*, for_review: bool = True) -> dict[str, str]:
    """Question id -> lesson, in bank order; ``for_review`` leaves out questions marked
    ``review: false`` in their bank (their prompt needs their own lesson's table or chart)."""
    from ..quiz import load_all

    return {qid: q.lesson for qid, q in load_all().items() if q.review or not for_review}


def without_withheld(rows: list[dict[str, Any]],
                     bank: dict[str, str] | None = None) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """``rows`` and ``bank`` (question id -> lesson) without the quiz questions whose results
    assessment mode withholds now (:mod:`kzlessons.quiz.assessment`), so a review, the dashboard or
    ``summary()`` never tells whether a graded answer was right before the release, nor asks the
    question again. Without ``bank``, the questions of ``rows`` are looked at (and ``{}`` returned).
    Exercise checks are never left out: assessment mode is about quizzes.
    """
    from ..quiz.assessment import load

    quiz_rows = {row.get("question_id") for row in rows if kind_of(row) != "exercise"}
    hidden = load().withheld(quiz_rows if bank is None else bank)
    if not hidden:
        return rows, bank or {}
    return ([row for row in rows if row.get("question_id") not in hidden or kind_of(row) == "exercise"],
            {qid: lesson for qid, lesson in (bank or {}).items() if qid not in hidden})


def _not_saved(error: BaseException) -> str:
    why = (error.strerror if isinstance(error, OSError) else None) or str(error) or type(error).__name__
    return f"This was not saved ({why}). {advice(error, home())} Until then your progress is not kept."


def record_attempt(qid: str, answer: Any, **fields: Any) -> Any:
    """Check and store one attempt with :func:`kzlessons.progress.record` (extra ``fields`` such as
    ``mode="assessment"`` go into its row); returns its ``Recorded``.

    A failed write is reported in ``Recorded.problem`` (the quiz shows it in its
    own feedback), so the duplicate :class:`StoreWarning` is not also sent to the
    Log Console, where a learner does not look.
    """
    from .. import progress

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*could not be saved", category=StoreWarning)
        try:
            return progress.record(qid, answer, **fields)
        except Exception as error:  # noqa: BLE001 - the store failed in a way record() did not expect
            from ..quiz import get
            from .recorded import Recorded

            return Recorded.of(get(qid).check(answer), saved=False, problem=_not_saved(error))


def record_event(qid: str, kind: str) -> str | None:
    """Store a ``shown`` or ``reset`` event for ``qid``; returns None, or a sentence saying it was not saved."""
    if kind not in EVENT_KINDS:
        raise ValueError(f"kind must be one of {EVENT_KINDS}, not {kind!r}.")
    recorded = record_attempt_kind(qid, kind)
    if recorded.saved:
        return None
    return (recorded.problem or "").replace("Your answer was checked but could not be saved",
                                           "This was not saved")


def record_attempt_kind(qid: str, kind: str) -> Any:
    """``record(qid, None, kind=kind)`` without the duplicate warning (see :func:`record_attempt`)."""
    from .. import progress

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*could not be saved", category=StoreWarning)
        try:
            return progress.record(qid, None, kind=kind)
        except Exception as error:  # noqa: BLE001
            from ..quiz.model import Result
            from .recorded import Recorded

            return Recorded.of(Result(False, 0.0, ""), saved=False, problem=_not_saved(error))


class QuizTracker:
    """The progress functions a quiz view needs, wired to the learner's store.

    :func:`kzlessons.quiz.ask` passes one to :class:`~kzlessons.quiz.widget.QuizWidget`,
    so the quiz package never imports :mod:`kzlessons.progress` itself.
    """

    def record(self, qid: str, answer: Any, **fields: Any) -> Any:
        """Check and store an attempt (see :func:`record_attempt`)."""
        return record_attempt(qid, answer, **fields)

    def mark(self, qid: str, kind: str) -> str | None:
        """Store a ``shown``/``reset`` event (see :func:`record_event`)."""
        return record_event(qid, kind)

    def history(self, qid: str) -> list[dict[str, Any]]:
        """This question's stored rows of every kind, in stored order (raises when unreadable)."""
        return history(qid)
