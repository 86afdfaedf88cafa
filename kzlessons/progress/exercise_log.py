"""Exercise results in the progress store: every ``kz.exercises.check`` counts.

Each check of a "your turn" exercise (with an answer other than the starter's
``None``) is stored as one row of kind ``"exercise"``: the exercise id in
``question_id`` (exercise ids have the same ``lNN-name`` form), ``correct``
for a pass, ``score`` 1 or 0, ``answer`` null (a pandas result is not kept),
and ``message``: the verdict the learner saw, which for a wrong answer names
the mistake. The summaries below are pure; :func:`record_exercise` writes.

>>> rows = [{"question_id": "l02-hhi-by-year", "lesson": "02", "kind": "exercise", "correct": False,
...          "message": "You used imports.", "time": "2025-03-01T10:00:00+00:00"},
...         {"question_id": "l02-hhi-by-year", "lesson": "02", "kind": "exercise", "correct": True,
...          "message": "Well done.", "time": "2025-03-01T10:05:00+00:00"}]
>>> (row,) = per_exercise(rows)
>>> row["checks"], row["passed"], row["first_check_passed"], row["last_message"]
(2, True, False, 'Well done.')
>>> per_lesson(rows, {"l02-hhi-by-year": "02", "l02-other": "02"})
{'02': {'exercises': 2, 'exercises_passed': 1}}
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from .rows import kind_of
from .store import advice, default_store, home, reason

__all__ = ["EXERCISE_KIND", "MAX_MESSAGE", "exercise_row", "record_exercise", "per_exercise", "per_lesson",
           "EXERCISE_COLUMNS", "to_revisit"]

EXERCISE_KIND = "exercise"
MAX_MESSAGE = 300
EXERCISE_COLUMNS = ("lesson", "exercise_id", "checks", "passed", "first_check_passed", "last_message", "last_time")


def exercise_row(exercise_id: str, passed: bool, message: str) -> dict[str, Any]:
    """The row one check of ``exercise_id`` stores (see the module docs)."""
    return {
        "attempt_id": uuid.uuid4().hex,
        "question_id": exercise_id,
        "lesson": exercise_id[1:3],
        "answer": None,
        "correct": bool(passed),
        "score": 1.0 if passed else 0.0,
        "time": dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds"),
        "kind": EXERCISE_KIND,
        "message": " ".join(str(message).split())[:MAX_MESSAGE],
    }


def record_exercise(exercise_id: str, passed: bool, message: str) -> str | None:
    """Store one exercise check; None when saved, else a sentence saying it was not (never raises)."""
    try:
        default_store().append([exercise_row(exercise_id, passed, message)])
    except OSError as error:
        return f"(This result was not saved: {reason(error)}. {advice(error, home())})"
    except ValueError as error:  # an id the store refuses
        return f"(This result was not saved: {error}.)"
    return None


def per_exercise(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One dict per exercise checked (columns :data:`EXERCISE_COLUMNS`), in stored order of first check."""
    found: dict[str, dict[str, Any]] = {}
    for row in rows:
        if kind_of(dict(row)) != EXERCISE_KIND:
            continue
        eid, passed = row["question_id"], row.get("correct") is True
        entry = found.setdefault(eid, {"lesson": row.get("lesson", eid[1:3]), "exercise_id": eid, "checks": 0,
                                       "passed": False, "first_check_passed": passed})
        entry["checks"] += 1
        entry["passed"] = entry["passed"] or passed
        entry["last_message"] = row.get("message") or ""
        entry["last_time"] = row.get("time")
    return list(found.values())


def per_lesson(rows: Iterable[Mapping[str, Any]], exercises: Mapping[str, str]) -> dict[str, dict[str, int]]:
    """Lesson -> ``exercises`` (in the lesson, from ``exercises``: id -> lesson) and ``exercises_passed``."""
    passed = {e["exercise_id"] for e in per_exercise(rows) if e["passed"]}
    out: dict[str, dict[str, int]] = {}
    for eid, lesson in sorted(exercises.items()):
        entry = out.setdefault(lesson, {"exercises": 0, "exercises_passed": 0})
        entry["exercises"] += 1
        entry["exercises_passed"] += eid in passed
    return out


def to_revisit(rows: Iterable[Mapping[str, Any]], lessons: set[str] | None = None,
               before: str | None = None) -> str:
    """A sentence naming the exercises checked but never passed (in ``lessons``, or before ``before``); or "".

    >>> to_revisit([exercise_row("l02-hhi-by-year", False, "You used imports.")])
    'Exercises you checked but have not passed yet: l02-hhi-by-year (lesson 02); open the lesson and try again.'
    """
    pending = [e for e in per_exercise(rows) if not e["passed"]
               and (lessons is None or e["lesson"] in lessons) and (before is None or e["lesson"] < before)]
    if not pending:
        return ""
    names = ", ".join(f"{e['exercise_id']} (lesson {e['lesson']})" for e in pending)
    return f"Exercises you checked but have not passed yet: {names}; open the lesson and try again."
