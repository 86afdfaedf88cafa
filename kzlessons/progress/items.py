"""Item analysis: how a class did on each question (``kzlessons gradebook … --items items.csv``).

Pure functions over re-graded attempts grouped by learner (see
:mod:`kzlessons.progress.gradebook`). One row per question that at least one
learner tried.
The columns are defined in :data:`ITEM_DEFINITIONS`. An answer (attempt id)
that appears under two learners (a copied file, or one imported with
``load_file``) is counted once, for the first learner that has it.

>>> from types import SimpleNamespace as L
>>> row = lambda i, ans, ok, t: {"attempt_id": i, "question_id": "l00-x", "lesson": "00", "answer": ans,
...                               "correct": ok, "score": float(ok), "time": f"2025-01-01T10:0{t}:00+00:00"}
>>> a = L(attempts={"1": row("1", "b", False, 0), "2": row("2", "a", True, 1)})
>>> b = L(attempts={"3": row("3", "a", True, 0)})
>>> (item,) = item_rows([a, b], {})
>>> item["learners"], item["first_try_share"], item["mean_attempts"], item["most_chosen_wrong"]
(2, 0.5, 1.5, 'b')
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from . import tables
from .rows import is_attempt, kind_of

__all__ = ["ITEM_COLUMNS", "ITEM_DEFINITIONS", "item_rows", "answer_label"]

#: Every item-analysis column and what it means.
ITEM_DEFINITIONS: dict[str, str] = {
    "lesson": "the question's lesson",
    "question_id": "the question's id in the bank",
    "type": "single, multiple, numeric, text or ordering; 'exercise' for a \"your turn\" pandas exercise",
    "prompt": "the question's first 80 characters",
    "learners": "learners who answered it at least once (each answer counted for one learner only)",
    "first_try_share": "share (0-1) of those learners whose first answer was right, with no Show answer before it",
    "mean_attempts": "answers per learner who answered it",
    "most_chosen_wrong": "the wrong answer most learners gave (an option as 'id: text', a selection as 'a+c', an "
                         "order as 'b>a>c', else the text; for an exercise, the mistake its check named)",
    "most_chosen_wrong_learners": "how many learners gave that wrong answer at least once",
}
ITEM_COLUMNS = tuple(ITEM_DEFINITIONS)


class _HasAttempts(Protocol):
    attempts: Mapping[str, Mapping[str, Any]]


def _clip(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def answer_label(question: Any, answer: Any) -> str:
    """A short, comparable label for one answer to ``question`` (None: unknown question type).

    >>> answer_label(None, ["c", "a"]), answer_label(None, " 2,700,000 ")
    ('["c", "a"]', '2,700,000')
    """
    kind = getattr(question, "type", None)
    if kind == "single" and isinstance(answer, str):
        option = question.option(answer)
        return f"{answer}: {_clip(option.text, 50)}" if option else answer
    if kind == "multiple" and isinstance(answer, list) and all(isinstance(a, str) for a in answer):
        return "+".join(sorted(set(answer))) or "(nothing)"
    if kind == "ordering" and isinstance(answer, list):
        return ">".join(str(a) for a in answer)
    if isinstance(answer, str):
        text = _clip(answer)
        return text.casefold() if kind == "text" else text
    return _clip(json.dumps(answer, ensure_ascii=False, default=str))


def _wrong_label(question: Any, row: Mapping[str, Any]) -> str:
    """A wrong answer's label; for an exercise check, the mistake its verdict named."""
    if kind_of(dict(row)) == "exercise":
        return _clip(str(row.get("message") or "(no message)"))
    return answer_label(question, row.get("answer"))


def item_rows(learners: Iterable[_HasAttempts], questions: Mapping[str, Any]) -> list[dict[str, Any]]:
    """One dict per question tried, sorted by lesson and question id (columns :data:`ITEM_COLUMNS`)."""
    tried: dict[str, int] = Counter()
    first_right: dict[str, int] = Counter()
    answers: dict[str, int] = Counter()
    wrong: dict[str, Counter[str]] = {}
    lessons: dict[str, str] = {}
    kinds: dict[str, str] = {}
    counted: set[str] = set()
    for learner in learners:
        by_question: dict[str, list[Mapping[str, Any]]] = {}
        shown_first: set[str] = set()
        mine = [row for row in tables.in_order(learner.attempts.values()) if row["attempt_id"] not in counted]
        counted.update(row["attempt_id"] for row in mine)
        for row in mine:
            qid = row["question_id"]
            if is_attempt(row) or kind_of(row) == "exercise":
                by_question.setdefault(qid, []).append(row)
            elif kind_of(row) == "shown" and qid not in by_question:
                shown_first.add(qid)
        for qid, rows in by_question.items():
            lessons[qid] = rows[0]["lesson"]
            kinds[qid] = kind_of(rows[0])
            tried[qid] += 1
            answers[qid] += len(rows)
            first_right[qid] += bool(rows[0]["correct"]) and qid not in shown_first
            labels = {_wrong_label(questions.get(qid), r) for r in rows if not r["correct"]}
            wrong.setdefault(qid, Counter()).update(labels)
    out = []
    for qid in sorted(tried, key=lambda q: (lessons[q], q)):
        question = questions.get(qid)
        common = sorted(wrong.get(qid, Counter()).items(), key=lambda kv: (-kv[1], kv[0]))
        label, count = common[0] if common else ("", 0)
        out.append({
            "lesson": lessons[qid],
            "question_id": qid,
            "type": getattr(question, "type", "exercise" if kinds.get(qid) == "exercise" else ""),
            "prompt": _clip(getattr(question, "prompt", "") or "", 80),
            "learners": tried[qid],
            "first_try_share": round(first_right[qid] / tried[qid], 3),
            "mean_attempts": round(answers[qid] / tried[qid], 2),
            "most_chosen_wrong": label,
            "most_chosen_wrong_learners": count,
        })
    return out
