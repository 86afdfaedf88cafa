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
import hashlib
import json
import math
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .. import exercises
from .exchange import clean_name
from .rows import kind_of, parse_time

__all__ = ["KNOWN_KINDS", "HandIn", "Grader", "question_lookup", "read_hand_in", "fingerprint", "answer_key"]

#: Row kinds this version counts or uses ("attempt" answers; "shown"/"reset" quiz events; "exercise" checks).
KNOWN_KINDS = ("attempt", "shown", "reset", "exercise")
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


def answer_key(answer: Any) -> str:
    """An answer as canonical JSON text: equal answers, equal keys."""
    return json.dumps(answer, sort_keys=True, ensure_ascii=False, default=str)


def fingerprint(row: Mapping[str, Any]) -> tuple[str, str, str, str]:
    """What makes two rows in two files *the same* stored row: its id, question, time and answer."""
    return (row["attempt_id"], row["question_id"], row["time"], answer_key(row.get("answer")))


class Grader:
    """The bank's questions and their verdicts, remembered per (question, answer) for one gradebook run.

    A class gives the same answers again and again, so each distinct answer is checked once.
    """

    def __init__(self, lookup: Lookup | None = None, exercises: Mapping[str, str] | None = None):
        self.lookup = lookup or question_lookup()
        self._verdicts: dict[tuple[str, str], tuple[bool, float]] = {}
        self._exercises = exercises

    @property
    def exercises(self) -> Mapping[str, str]:
        """Exercise id -> lesson, for every "your turn" exercise this kzlessons has."""
        if self._exercises is None:
            self._exercises = {eid: eid[1:3] for eid in exercises.ids()}
        return self._exercises

    def verdict(self, question: Any, answer: Any, key: str) -> tuple[bool, float]:
        """(correct, score rounded to 4 places) of ``answer`` (whose :func:`answer_key` is ``key``)."""
        found = self._verdicts.get((question.id, key))
        if found is None:
            result = question.check(answer)
            found = self._verdicts[(question.id, key)] = (bool(result.correct), round(float(result.score), 4))
        return found


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
        history: the hash of every row's :func:`fingerprint` (made from ``rows`` when not given;
            64-bit hashes of a few hundred thousand rows do not collide in practice, and take
            a fraction of the memory of the fingerprints themselves).
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

    history: frozenset[int] | None = None

    def __post_init__(self) -> None:
        if self.history is None:
            self.history = frozenset(hash(fingerprint(r)) for r in self.rows)


_KEPT = ("attempt_id", "question_id", "lesson", "answer", "correct", "score", "time", "kind", "mode")


def read_hand_in(label: str, data: Mapping[str, Any], raw: bytes, grader: Grader | None = None) -> HandIn:
    """Re-grade one validated export ``data`` (its bytes ``raw`` key files without a learner id).

    Rows keep the fields the gradebook uses; their times are already in kzlessons' own
    form (UTC, microseconds: :func:`~kzlessons.progress.exchange.validate_export`), so they
    compare as text.
    """
    grader = grader or Grader()
    stamp = parse_time(data.get("exported_at"))
    latest = (stamp + dt.timedelta(seconds=1)).isoformat(timespec="microseconds") if stamp else None
    hand_in = HandIn(label=label, learner_id=data.get("learner_id") or None,
                     name=clean_name(data.get("learner") or "") or None,
                     imported_ids=tuple(data.get("imported_learner_ids") or ()), rows=[])
    marks: list[int] = []
    digest = None if hand_in.learner_id else hashlib.sha256()
    for row in data["attempts"]:
        qid, kind = row["question_id"], kind_of(row)
        if kind == "exercise":
            question, known = None, qid in grader.exercises
        else:
            question = grader.lookup(qid)
            known = question is not None
        if not known:
            hand_in.unknown.append(qid)
            continue
        if kind not in KNOWN_KINDS:
            hand_in.ignored += 1
            continue
        if latest is not None and row["time"] > latest:
            hand_in.after_export += 1
        kept = {f: row[f] for f in _KEPT if f in row}
        if kind == "exercise":  # self-reported: the learner's code is not in the file, so it cannot be re-run
            kept["message"] = str(row.get("message") or "")[:300]
        kept["question_id"], kept["lesson"] = sys.intern(qid), sys.intern(row["lesson"])
        key = answer_key(row.get("answer"))
        if kind == "attempt":
            correct, score = grader.verdict(question, row["answer"], key)
            if bool(row["correct"]) != correct or not math.isclose(float(row["score"]), score, abs_tol=1e-3):
                hand_in.regraded.add(row["attempt_id"])
            kept["correct"], kept["score"] = correct, score
        hand_in.rows.append(kept)
        mark = (row["attempt_id"], qid, row["time"], key)
        marks.append(hash(mark))
        if digest is not None:
            digest.update("\t".join(mark).encode("utf-8") + b"\n")
    hand_in.history = frozenset(marks)
    if digest is not None:  # a file without an id is keyed by its content, stable when the folder moves
        hand_in.key = "file:" + (digest if marks else hashlib.sha256(raw)).hexdigest()[:16]
    else:
        hand_in.key = hand_in.learner_id or ""
    return hand_in
