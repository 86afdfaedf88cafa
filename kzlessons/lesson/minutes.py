"""The minutes rule: how long a lesson takes, from what a learner reads and does in it.

Reading at :data:`WORDS_PER_MINUTE` (markdown cells, worked solutions and References
aside, plus each quiz's prompt, options and explanation), a fixed time per quiz and
chart, an exercise's time from its worked solution's length, and a reflection's from
the sentences it asks for (docs/ARCHITECTURE.md, "Minutes"). ``tests/test_lesson.py``
checks each lesson's stated ``minutes`` against it.

>>> minutes_for(workload({"cells": [{"cell_type": "markdown", "source": "word " * 400},
...                                 {"cell_type": "code", "source": 'kz.quiz.ask("q")'}]}))
3
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from .._paths import PACKAGE_DIR
from .meta import KEY, LESSON_ID, notebook_path

__all__ = ["WORDS_PER_MINUTE", "MINUTES_PER_QUIZ", "MINUTES_PER_CHART", "MINUTES_PER_EXERCISE",
           "MINUTES_PER_SOLUTION_LINE", "MAX_MINUTES_PER_EXERCISE", "SOLUTION_LINES_IF_UNKNOWN",
           "MINUTES_PER_SENTENCE", "SENTENCES_PER_PARAGRAPH", "SENTENCES_IF_UNSTATED", "MINUTES_TOLERANCE",
           "count_words", "solution_lines", "reflection_sentences", "workload", "minutes_for", "bank_texts",
           "estimated_minutes"]

#: The minutes rule (docs/ARCHITECTURE.md, "Minutes"): how long a lesson takes a learner who
#: reads everything once and does every activity. Calibrated against the independent reviews'
#: timings of lessons 00–07 (../shared/reviews: 200 words a minute for prose and quiz text,
#: about a minute per quiz, a minute and a half per chart, exercises of 5–15 minutes, written
#: reflections of 3–5 minutes and 15–20 for lesson 07's two argued paragraphs).
WORDS_PER_MINUTE = 200
MINUTES_PER_QUIZ = 1.0
MINUTES_PER_CHART = 1.5
#: An exercise: reading the task and checking, plus a minute per line of its worked solution.
MINUTES_PER_EXERCISE = 4.0
MINUTES_PER_SOLUTION_LINE = 1.0
MAX_MINUTES_PER_EXERCISE = 15.0
SOLUTION_LINES_IF_UNKNOWN = 6
#: A reflection: writing time per sentence asked for ("four or five sentences"; a paragraph
#: counts as five sentences; four when the prompt does not say).
MINUTES_PER_SENTENCE = 1.5
SENTENCES_PER_PARAGRAPH = 5
SENTENCES_IF_UNSTATED = 4
#: How far a lesson's stated ``minutes`` may be from the rule (tests/test_lesson.py).
MINUTES_TOLERANCE = 0.20

_DETAILS = re.compile(r"<details\b.*?</details>", re.S | re.I)
_SOLUTION = re.compile(r"<details\b[^>]*>\s*<summary>[^<]*solution[^<]*</summary>(.*?)</details>", re.S | re.I)
_PY_FENCE = re.compile(r"```(?:python|py)?[^\n]*\n(.*?)```", re.S)
_FENCED = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.M | re.S)
_TAGS = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[^\W_][\w'’.,-]*")
_QUIZ_CALL = re.compile(r"""\bquiz\.ask\(\s*(?:id\s*=\s*)?["']([^"']+)["']""")
_REVIEW_CALL = re.compile(r"\breview\(([^)]*)\)")
_REVIEW_N = re.compile(r"(?:^|[,(\s])(?:n\s*=\s*)?(\d+)")
_CHART_CALL = re.compile(r"\bcharts\.(\w+)\(")
_NOT_CHARTS = {"describe", "save", "palette", "theme"}
_EXERCISE_CALL = re.compile(r"\bexercises\.check\(")
_REFLECT = re.compile(r"^\s{0,3}#{1,6}\s+Reflect\b", re.M)
_REFERENCES = re.compile(r"^\s{0,3}#{1,6}\s+References\b", re.M)
_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten".split())}
_LENGTH = re.compile(r"\b(\w+)(?:\s+(?:or|to|–|-)\s+(\w+))?\s+(sentences?|paragraphs?)\b", re.I)


def _source(cell: Any) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def count_words(text: str) -> int:
    """Words a reader reads in markdown: worked solutions, code blocks and tags left out.

    >>> count_words("Read **this** table, then `run` it.<details>long solution</details>")
    6
    """
    text = _TAGS.sub(" ", _FENCED.sub(" ", _DETAILS.sub(" ", text)))
    return len(_WORD.findall(text))


def solution_lines(markdown: str) -> list[int]:
    """Code lines (blank lines and comments aside) of each worked solution in a markdown cell.

    >>> solution_lines("<details><summary>Worked solution</summary>\\n\\n```python\\n# hint\\nx = 1\\n\\ny = x\\n```\\n</details>")
    [2]
    """
    out = []
    for block in _SOLUTION.findall(markdown):
        lines = [line for code in _PY_FENCE.findall(block) for line in code.splitlines()
                 if line.strip() and not line.strip().startswith("#")]
        out.append(len(lines))
    return out


def reflection_sentences(markdown: str) -> int:
    """Sentences a reflection asks for: the larger of "four or five sentences"; a paragraph is five.

    >>> reflection_sentences("Write two or three sentences.")
    3
    >>> reflection_sentences("In one or two paragraphs, argue ...")
    10
    >>> reflection_sentences("Why?")
    4
    """
    for match in _LENGTH.finditer(markdown):
        numbers = [_NUMBER_WORDS.get(w.lower(), int(w) if w.isdigit() else None)
                   for w in match.group(1, 2) if w]
        numbers = [n for n in numbers if n is not None]
        if numbers:
            per = SENTENCES_PER_PARAGRAPH if match.group(3).lower().startswith("paragraph") else 1
            return max(numbers) * per
    return SENTENCES_IF_UNSTATED


def workload(notebook: dict[str, Any], questions: dict[str, str] | None = None) -> dict[str, float]:
    """What a learner reads and does in a notebook, counted for the minutes rule.

    ``questions`` maps a quiz id to the text read for it (prompt, options, explanation);
    quizzes called by id in the notebook add those words. Markdown under "References" and
    worked solutions (``<details>``) do not count as reading. ``exercise_minutes`` and
    ``reflection_sentences`` are summed over the lesson's exercises and reflections.

    >>> nb = {"cells": [{"cell_type": "markdown", "source": "Two words"},
    ...                 {"cell_type": "code", "source": 'kz.quiz.ask("q1")'},
    ...                 {"cell_type": "code", "source": 'kz.charts.timeline(e)\\nkz.charts.describe(c)'},
    ...                 {"cell_type": "code", "source": "kz.review(n=2)"},
    ...                 {"cell_type": "code", "source": "kz.exercises.check('x', answer)"},
    ...                 {"cell_type": "markdown", "source": "## Reflect\\nWhy? (Two sentences.)"}]}
    >>> workload(nb, {"q1": "one two three"})  # doctest: +NORMALIZE_WHITESPACE
    {'words': 9, 'quizzes': 3, 'charts': 1, 'exercises': 1, 'exercise_minutes': 10.0,
     'reflections': 1, 'reflection_sentences': 2}
    """
    questions = questions or {}
    out: dict[str, float] = {"words": 0, "quizzes": 0, "charts": 0, "exercises": 0,
                             "exercise_minutes": 0.0, "reflections": 0, "reflection_sentences": 0}
    solutions: list[int] = []
    for cell in notebook.get("cells", []):
        src = _source(cell)
        if cell.get("cell_type") == "markdown":
            solutions += solution_lines(src)
            if _REFERENCES.search(src):
                continue
            out["words"] += count_words(src)
            for part in _REFLECT.split(src)[1:]:
                out["reflections"] += 1
                out["reflection_sentences"] += reflection_sentences(part)
        elif cell.get("cell_type") == "code":
            for qid in _QUIZ_CALL.findall(src):
                out["quizzes"] += 1
                out["words"] += count_words(questions.get(qid, ""))
            for args in _REVIEW_CALL.findall(src):
                n = _REVIEW_N.search(args)
                out["quizzes"] += int(n.group(1)) if n else 5
            out["charts"] += sum(1 for name in _CHART_CALL.findall(src) if name not in _NOT_CHARTS)
            out["exercises"] += len(_EXERCISE_CALL.findall(src))
    for i in range(int(out["exercises"])):
        lines = solutions[i] if i < len(solutions) else SOLUTION_LINES_IF_UNKNOWN
        out["exercise_minutes"] += min(MAX_MINUTES_PER_EXERCISE,
                                       MINUTES_PER_EXERCISE + MINUTES_PER_SOLUTION_LINE * lines)
    return out


def minutes_for(load: dict[str, float]) -> int:
    """The minutes rule applied to a :func:`workload`, to the nearest minute.

    >>> minutes_for({"words": 2000, "quizzes": 6, "charts": 4, "exercise_minutes": 10,
    ...              "reflection_sentences": 4})
    38
    """
    minutes = (load.get("words", 0) / WORDS_PER_MINUTE
               + load.get("quizzes", 0) * MINUTES_PER_QUIZ
               + load.get("charts", 0) * MINUTES_PER_CHART
               + load.get("exercise_minutes", 0)
               + load.get("reflection_sentences", 0) * MINUTES_PER_SENTENCE)
    return max(1, round(minutes))


def bank_texts(lesson_id: str) -> dict[str, str]:
    """Quiz id -> prompt, options and explanation of the shipped bank ``lNN.yaml``."""
    import yaml

    path = PACKAGE_DIR / "banks" / f"l{lesson_id}.yaml"
    if not path.is_file():
        return {}
    bank = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out = {}
    for q in bank.get("questions") or []:
        parts = [str(q.get("prompt", "")), str(q.get("explanation", ""))]
        parts += [str(o.get("text", "")) for o in q.get("options") or []]
        out[str(q.get("id"))] = " ".join(parts)
    return out


def estimated_minutes(notebook: Any, questions: dict[str, str] | None = None) -> int:
    """Minutes a lesson takes by the documented rule (docs/ARCHITECTURE.md, "Minutes").

    Reading at ``WORDS_PER_MINUTE`` (markdown and quiz text) plus a fixed time per quiz and
    chart, an exercise's time from its worked solution's length, and a reflection's from the
    sentences it asks for. ``notebook`` is a lesson id, a notebook path or a notebook dict;
    without ``questions`` the lesson's shipped bank supplies the quiz text.

    >>> 15 <= estimated_minutes("02") <= 60
    True
    """
    if isinstance(notebook, dict) and "cells" in notebook:
        nb = notebook
    else:
        path = notebook_path(notebook) if isinstance(notebook, str) and LESSON_ID.match(notebook) else Path(notebook)
        nb = json.loads(Path(path).read_text(encoding="utf-8"))
    if questions is None:
        lid = (nb.get("metadata", {}).get(KEY) or {}).get("id")
        questions = bank_texts(lid) if isinstance(lid, str) else {}
    return minutes_for(workload(nb, questions))
