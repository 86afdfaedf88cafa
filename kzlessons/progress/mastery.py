"""Mastery per lesson, from the stored rows (pure: no I/O, no charts).

For each lesson, over the questions in its bank:

* **latest right**: questions whose latest answer is right (a Reset does not
  undo an answer; a shown answer after it does not make it wrong, but counts as shown);
* **first try right**: questions answered right on the first try (not after *Show answer*,
  as in the gradebook);
* **shown**: questions whose answer the learner asked to see at least once;
* **attempted**: questions answered at least once;
* **exercises passed**: the lesson's "your turn" exercises whose check passed at least once
  (of ``exercises``, when the exercise ids are given).

Shares are of the lesson's questions, so an untouched lesson shows 0%.
"First" and "latest" follow the order the rows were stored in, never their
times (if the clock went back between two answers, the second is still the
latest), as in the quiz widget, ``summary()``, the review and the gradebook.

>>> rows = [{"question_id": "l00-a", "correct": False, "time": "2025-03-01T10:00:00+00:00"},
...         {"question_id": "l00-a", "correct": True, "time": "2025-03-01T10:01:00+00:00"},
...         {"question_id": "l00-b", "kind": "shown", "correct": False, "time": "2025-03-01T10:02:00+00:00"}]
>>> row = lessons(rows, {"l00-a": "00", "l00-b": "00", "l01-a": "01"})[0]
>>> (row["lesson"], row["questions"], row["latest_right"], row["first_try_right"], row["shown"])
('00', 2, 1, 0, 1)
>>> row["latest_right_share"], row["shown_share"]
(0.5, 0.5)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from . import exercise_log
from .review import parse_time

__all__ = ["COLUMNS", "MEASURES", "lessons"]

#: The three shares drawn per lesson: column -> words for the learner.
MEASURES = {
    "latest_right_share": "latest answer right",
    "first_try_right_share": "right on the first try",
    "shown_share": "answer shown",
}
COLUMNS = ("lesson", "questions", "attempted", "latest_right", "first_try_right", "shown",
           *MEASURES, "exercises", "exercises_passed")


def lessons(rows: Iterable[Mapping[str, Any]], bank: Mapping[str, str],
            exercises: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
    """One dict per lesson of ``bank`` (question id -> lesson) with the counts and shares above.

    ``rows`` are in stored order; rows with an unreadable time are ignored, as in the review.
    ``exercises`` (exercise id -> lesson) gives each lesson its exercises and how many were passed.
    """
    rows = list(rows)
    done = exercise_log.per_lesson(rows, exercises or {})
    first: dict[str, bool] = {}
    latest: dict[str, bool] = {}
    shown: set[str] = set()
    for row in rows:
        qid = row.get("question_id")
        if qid not in bank or parse_time(row.get("time")) is None:
            continue
        kind = row.get("kind", "attempt")
        if kind == "shown":
            shown.add(qid)
            first.setdefault(qid, False)  # seen the answer before trying: not a first-try success
        elif kind == "attempt":
            right = row.get("correct") is True
            first.setdefault(qid, right)
            latest[qid] = right
    out = []
    for lesson in sorted(set(bank.values())):
        qids = [q for q, lesson_of in bank.items() if lesson_of == lesson]
        n = len(qids)
        counts = {
            "attempted": sum(q in latest for q in qids),
            "latest_right": sum(latest.get(q, False) for q in qids),
            "first_try_right": sum(first.get(q, False) for q in qids),
            "shown": sum(q in shown for q in qids),
        }
        out.append({"lesson": lesson, "questions": n, **counts,
                    "latest_right_share": round(counts["latest_right"] / n, 4),
                    "first_try_right_share": round(counts["first_try_right"] / n, 4),
                    "shown_share": round(counts["shown"] / n, 4),
                    **done.get(lesson, {"exercises": 0, "exercises_passed": 0})})
    return out
