"""Answers given under assessment mode, counted per lesson for the gradebook (pure).

Under assessment mode (:mod:`kzlessons.quiz.assessment`) a learner sees no verdict and may
save a question's answer several times; the last answer saved under assessment is the one
graded. Rows are taken in the store's order and must already be re-graded (as
:mod:`.handins` does), so ``correct`` is the bank's verdict, not the file's claim.

>>> rows = [
...     {"question_id": "l03-a", "lesson": "03", "correct": True, "mode": "assessment"},
...     {"question_id": "l03-a", "lesson": "03", "correct": False, "mode": "assessment"},
...     {"question_id": "l03-b", "lesson": "03", "correct": True, "mode": "assessment"},
...     {"question_id": "l03-c", "lesson": "03", "correct": True},
...     {"question_id": "l03-b", "lesson": "03", "kind": "reset", "correct": False, "mode": "assessment"},
... ]
>>> per_lesson(rows)
{'03': {'assessed': 2, 'assessed_correct': 1}}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..quiz.assessment import is_assessed
from .rows import DEFAULT_KIND

__all__ = ["ASSESSED_COLUMNS", "per_lesson"]

#: The gradebook columns this module fills, and what they mean.
ASSESSED_COLUMNS: dict[str, str] = {
    "assessed": "questions of this lesson answered under assessment mode (answers saved without feedback until "
                "the instructor's release); 0 when none",
    "assessed_correct": "of those, questions whose last answer saved under assessment is right (re-graded); "
                        "the learner saw no verdict, so only that last answer counts",
}


def per_lesson(rows: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, int]]:
    """lesson -> ``{"assessed": n, "assessed_correct": m}`` for lessons with answers under assessment."""
    last: dict[str, Mapping[str, Any]] = {}
    for row in rows:
        if row.get("kind", DEFAULT_KIND) == DEFAULT_KIND and is_assessed(row):
            last[row["question_id"]] = row
    out: dict[str, dict[str, int]] = {}
    for row in last.values():
        counts = out.setdefault(row["lesson"], {"assessed": 0, "assessed_correct": 0})
        counts["assessed"] += 1
        counts["assessed_correct"] += bool(row.get("correct"))
    return out
