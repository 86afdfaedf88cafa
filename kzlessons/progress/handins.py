"""One handed-in progress file, re-graded: what the gradebook knows about it.

:func:`read_hand_in` turns a validated export document (see
:mod:`kzlessons.progress.exchange`) into a :class:`HandIn`: the file's rows
**in the order the learner's store kept them** (the one order kzlessons uses,
so a clock that went back never rewrites history), every answer re-graded
against the question bank, and the evidence an instructor may want: answers
whose claimed result was wrong, rows at unknown questions, rows of kinds this
version does not know (kept, never counted), and times after the file says it
was exported.

>>> doc = {"format": "kzlessons-progress", "version": 1, "exported_at": "2025-03-01T10:00:00+00:00",
...        "attempts": [{"attempt_id": "a1", "question_id": "l00-area", "lesson": "00", "answer": "5",
...                      "correct": True, "score": 1.0, "time": "2025-03-01T11:00:00+00:00"}]}
>>> hand_in = read_hand_in("x.json", doc, b"...")
>>> hand_in.rows[0]["correct"], hand_in.regraded, hand_in.after_export, hand_in.key.startswith("file:")
(False, {'a1'}, 1, True)
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .exchange import clean_name
from .rows import kind_of, parse_time

__all__ = ["KNOWN_KINDS", "HandIn", "question_lookup", "regrade", "read_hand_in", "fingerprint"]

#: Row kinds this version counts or uses ("attempt" answers; "shown"/"reset" quiz events).
KNOWN_KINDS = ("attempt", "shown", "reset")
Lookup = Callable[[str], Any]


def question_lookup() -> Lookup:
    """A cached ``question id -> Question | None`` over the shipped banks (None: not in the bank)."""
    from ..quiz import get

    cache: dict[str, Any] = {}

    def lookup(qid: str) -> Any:
        if qid not in cache:
            try:
                cache[qid] = get(qid)
            except KeyError:
                cache[qid] = None
        return cache[qid]

    lookup.cache = cache  # type: ignore[attr-defined]
    return lookup


def fingerprint(row: Mapping[str, Any]) -> tuple[str, str, str, str]:
    """What makes two rows in two files *the same* stored row: its id, question, time and answer."""
    return (row["attempt_id"], row["question_id"], row["time"],
            json.dumps(row.get("answer"), sort_keys=True, ensure_ascii=False, default=str))


@dataclass
class HandIn:
    """One usable file: who it claims to be, its re-graded rows in store order, and the evidence.

    Attributes:
        label: the file as the instructor named it (a path, or ``archive.zip:member.json``).
        learner_id: the store's random id (None for files of format version 1).
        name: the self-chosen name in the file, cleaned (None when there is none).
        imported_ids: learner ids whose files were imported into this store (format version 3).
        rows: answers and quiz events at known questions, re-graded, in the store's order.
        unknown: question ids (one per row) that are not in the bank; those rows are left out.
        regraded: attempt ids whose claimed ``correct``/``score`` re-grading does not give.
        ignored: rows of kinds this version does not know (kept in the file, never counted).
        after_export: rows timed after the file's own ``exported_at``.
        key: the learner id, or for a file without one ``file:`` and a hash of its content.
    """

    label: str
    learner_id: str | None
    name: str | None
    imported_ids: tuple[str, ...]
    rows: list[dict[str, Any]]
    unknown: list[str] = field(default_factory=list)
    regraded: set[str] = field(default_factory=set)
    ignored: int = 0
    after_export: int = 0
    key: str = ""

    @functools.cached_property
    def history(self) -> frozenset[tuple[str, str, str, str]]:
        """The fingerprints of this file's rows (see :func:`fingerprint`)."""
        return frozenset(fingerprint(r) for r in self.rows)


def regrade(row: Mapping[str, Any], question: Any) -> tuple[dict[str, Any], bool]:
    """(the row with ``correct``/``score`` from ``question.check``, whether the file claimed otherwise)."""
    result = question.check(row["answer"])
    score = round(float(result.score), 4)
    differs = bool(row["correct"]) != bool(result.correct) or not math.isclose(float(row["score"]), score,
                                                                              abs_tol=1e-3)
    return {**row, "correct": bool(result.correct), "score": score}, differs


def read_hand_in(label: str, data: Mapping[str, Any], raw: bytes, lookup: Lookup | None = None) -> HandIn:
    """Re-grade one validated export ``data`` (its bytes ``raw`` key files without a learner id)."""
    lookup = lookup or question_lookup()
    exported = parse_time(data.get("exported_at"))
    hand_in = HandIn(label=label, learner_id=data.get("learner_id") or None,
                     name=clean_name(data.get("learner") or "") or None,
                     imported_ids=tuple(data.get("imported_learner_ids") or ()), rows=[])
    for row in data["attempts"]:
        question = lookup(row["question_id"])
        if question is None:
            hand_in.unknown.append(row["question_id"])
            continue
        kind = kind_of(row)
        if kind not in KNOWN_KINDS:
            hand_in.ignored += 1
            continue
        when = parse_time(row["time"])
        if exported is not None and when is not None and when > exported + dt.timedelta(seconds=1):
            hand_in.after_export += 1
        if kind == "attempt":
            row, differs = regrade(row, question)
            if differs:
                hand_in.regraded.add(row["attempt_id"])
        hand_in.rows.append(dict(row))
    hand_in.key = hand_in.learner_id or "file:" + _digest(hand_in.rows, raw)
    return hand_in


def _digest(rows: Sequence[Mapping[str, Any]], raw: bytes) -> str:
    """A short hash of the rows' fingerprints (of the bytes when there are none): stable across folders."""
    text = "\n".join("\t".join(fingerprint(r)) for r in rows)
    return hashlib.sha256(text.encode("utf-8") if rows else raw).hexdigest()[:16]
