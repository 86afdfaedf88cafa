"""Pure summaries of attempt rows (used by ``summary()`` and the gradebook).

Rows are read in the order they are given, which callers keep as the order they
have in the store (the order in which they were appended under the store's lock,
also their order in an export file). That order, never the stored time, decides
which answer was first and which was last: if the computer's clock went back
between two answers, the second still counts as the later one. Times are
only reported (``first_time``, ``last_time``: the times of the first and last
answer in that order).

>>> rows = [
...     {"attempt_id": "1", "question_id": "l00-a", "lesson": "00", "correct": False, "score": 0.5, "time": "2025-01-01T10:00:00+00:00"},
...     {"attempt_id": "2", "question_id": "l00-a", "lesson": "00", "correct": True, "score": 1.0, "time": "2025-01-01T10:01:00+00:00"},
...     {"attempt_id": "3", "question_id": "l00-b", "lesson": "00", "correct": True, "score": 1.0, "time": "2025-01-01T10:02:00+00:00"},
... ]
>>> [(q["question_id"], q["attempts"], q["first_try_correct"], q["best_score"]) for q in per_question(rows)]
[('l00-a', 2, False, 1.0), ('l00-b', 1, True, 1.0)]
>>> per_lesson(per_question(rows))[0]["first_try_correct"]
1

The clock went back before the right answer: it is still the last one.

>>> late = [dict(rows[0], time="2025-01-01T10:00:00+00:00"), dict(rows[1], time="2025-01-01T09:00:00+00:00")]
>>> [(q["first_try_correct"], q["last_score"], q["last_time"]) for q in per_question(late)]
[(False, 1.0, '2025-01-01T09:00:00+00:00')]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .rows import is_attempt, kind_of

QUESTION_COLUMNS = ("lesson", "question_id", "attempts", "first_try_correct", "correct", "best_score",
                    "last_score", "first_time", "last_time")
LESSON_COLUMNS = ("lesson", "questions", "attempted", "correct", "first_try_correct", "attempts",
                  "mean_best_score", "last_time")


def in_order(rows: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The rows in their stored order, as a list (never re-sorted by time; see the module docs)."""
    return list(rows)


def per_question(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One dict per question attempted, sorted by lesson and question id.

    ``rows`` are in stored order (see the module docs). Only answers count (rows
    of kind "attempt"). The first try is correct only if it came before any
    "shown" event for that question (seeing the answer first is not a first-try
    success). Besides :data:`QUESTION_COLUMNS` each dict has ``last_seq``, the
    position of the question's last answer in ``rows``, which :func:`per_lesson`
    uses to find a lesson's last answer.
    """
    groups: dict[str, list[Mapping[str, Any]]] = {}
    last_seq: dict[str, int] = {}
    shown_before: set[str] = set()
    for seq, row in enumerate(in_order(rows)):
        qid = row["question_id"]
        if is_attempt(row):
            groups.setdefault(qid, []).append(row)
            last_seq[qid] = seq
        elif kind_of(row) == "shown" and qid not in groups:
            shown_before.add(qid)
    out = []
    for qid, items in groups.items():
        out.append({
            "lesson": items[0]["lesson"],
            "question_id": qid,
            "attempts": len(items),
            "first_try_correct": bool(items[0]["correct"]) and qid not in shown_before,
            "correct": any(bool(r["correct"]) for r in items),
            "best_score": max(float(r["score"]) for r in items),
            "last_score": float(items[-1]["score"]),
            "first_time": items[0]["time"],
            "last_time": items[-1]["time"],
            "last_seq": last_seq[qid],
        })
    return sorted(out, key=lambda r: (r["lesson"], r["question_id"]))


def per_lesson(questions: Iterable[Mapping[str, Any]],
               bank_sizes: Mapping[str, int] | None = None) -> list[dict[str, Any]]:
    """One dict per lesson from :func:`per_question` rows.

    ``questions`` is the number of questions in the lesson's bank when
    ``bank_sizes`` knows it, else None; ``mean_best_score`` is over attempted
    questions; ``last_time`` is the time of the lesson's last answer in stored
    order (by ``last_seq``; dicts without it count in the order given), not the
    latest time.
    """
    groups: dict[str, list[tuple[int, Mapping[str, Any]]]] = {}
    for index, q in enumerate(questions):
        groups.setdefault(q["lesson"], []).append((q.get("last_seq", index), q))
    out = []
    for lesson in sorted(groups):
        last = max(groups[lesson], key=lambda pair: pair[0])[1]
        items = [q for _seq, q in groups[lesson]]
        out.append({
            "lesson": lesson,
            "questions": (bank_sizes or {}).get(lesson),
            "attempted": len(items),
            "correct": sum(1 for q in items if q["correct"]),
            "first_try_correct": sum(1 for q in items if q["first_try_correct"]),
            "attempts": sum(q["attempts"] for q in items),
            "mean_best_score": round(sum(q["best_score"] for q in items) / len(items), 4),
            "last_time": last["last_time"],
        })
    return out


def bank_sizes() -> dict[str, int]:
    """Questions per lesson in the shipped banks (lessons whose bank fails to load are left out)."""
    from ..quiz import bank

    sizes = {}
    for path in bank.bank_files():
        try:
            loaded = bank.load_bank(path)
        except bank.BankError:
            continue
        sizes[loaded.lesson] = len(loaded.questions)
    return sizes
