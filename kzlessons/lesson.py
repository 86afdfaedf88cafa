"""Lesson metadata, the header shown at the top of each lesson, and the syllabus.

Each notebook ``notebooks/NN_slug.ipynb`` stores its metadata under the notebook
metadata key ``kzlessons``::

    {"id": "02", "title": "Following the trade", "minutes": 40,
     "objectives": ["You will be able to ..."], "prerequisites": ["00", "01"],
     "datasets": ["trade", "partners"], "sources": ["S5", "S6"]}

In a lesson: ``kz.lesson.header("02")``. From a shell: ``kzlessons syllabus -o syllabus.md``.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = ["KEY", "FIELDS", "metadata", "problems", "lessons", "header", "Header", "syllabus", "syllabus_main",
           "estimated_minutes", "workload", "minutes_for", "count_words", "solution_lines",
           "reflection_sentences"]

#: Notebook metadata key.
KEY = "kzlessons"
#: Required fields and their types.
FIELDS: dict[str, type] = {
    "id": str, "title": str, "objectives": list, "minutes": int,
    "prerequisites": list, "datasets": list, "sources": list,
}
_ID = re.compile(r"^\d{2}$")
_SOURCE = re.compile(r"^S\d{1,3}$")


def _notebooks_dir() -> Path:
    from ._paths import notebooks_dir

    return notebooks_dir()


def _notebook_for(lesson_id: str, folder: Path | None = None) -> Path:
    folder = folder or _notebooks_dir()
    found = sorted(folder.glob(f"{lesson_id}_*.ipynb"))
    if not found:
        available = sorted(p.name[:2] for p in folder.glob("[0-9][0-9]_*.ipynb"))
        raise ValueError(f"No lesson {lesson_id!r} in {folder}. Available lessons: "
                         f"{', '.join(available) or 'none'}.")
    return found[0]


def metadata(path_or_nb: Any) -> dict[str, Any]:
    """The ``kzlessons`` metadata of a notebook.

    Args:
        path_or_nb: a path to an ``.ipynb`` file, a lesson id such as ``"02"``, a
            notebook as a dict, or an ``nbformat.NotebookNode``.

    Raises ValueError when the notebook has no ``kzlessons`` metadata.

    >>> metadata({"metadata": {"kzlessons": {"id": "00", "title": "Start here"}}})["title"]
    'Start here'
    """
    if isinstance(path_or_nb, str) and _ID.match(path_or_nb):
        path_or_nb = _notebook_for(path_or_nb)
    if isinstance(path_or_nb, (str, os.PathLike)):
        path = Path(path_or_nb)
        nb = json.loads(path.read_text(encoding="utf-8"))
        where = path.name
    elif isinstance(path_or_nb, dict):
        nb, where = path_or_nb, "this notebook"
    else:
        raise ValueError(f"Expected a notebook path, a lesson id like '02' or a notebook dict, "
                         f"not {type(path_or_nb).__name__}.")
    meta = (nb.get("metadata") or {}).get(KEY)
    if not isinstance(meta, dict):
        raise ValueError(f"{where} has no '{KEY}' metadata. Add it in JupyterLab under "
                         "Property Inspector → Advanced Tools → Notebook metadata.")
    return dict(meta)


def problems(meta: dict[str, Any], *, filename: str | None = None,
             known_lessons: Sequence[str] | None = None,
             known_datasets: Sequence[str] | None = None,
             known_sources: Sequence[str] | None = None) -> list[str]:
    """Plain sentences describing what is wrong with one lesson's metadata ([] = fine).

    >>> problems({"id": "02", "title": "T", "objectives": ["You will be able to x"], "minutes": 30,
    ...           "prerequisites": ["00"], "datasets": ["trade"], "sources": ["S5"]})
    []
    >>> problems({"id": "2", "title": "", "minutes": "30"})  # doctest: +NORMALIZE_WHITESPACE
    ["'title' must not be empty.", "'objectives' is missing.",
     "'minutes' must be a whole number, not '30'.", "'prerequisites' is missing.",
     "'datasets' is missing.", "'sources' is missing.", "'id' must be two digits such as '02', not '2'."]
    """
    out: list[str] = []
    for field, kind in FIELDS.items():
        if field not in meta:
            out.append(f"'{field}' is missing.")
            continue
        value = meta[field]
        if kind is int:
            if isinstance(value, bool) or not isinstance(value, int):
                out.append(f"'{field}' must be a whole number, not {value!r}.")
            elif value <= 0:
                out.append(f"'{field}' must be more than 0, not {value}.")
        elif not isinstance(value, kind):
            out.append(f"'{field}' must be a {kind.__name__}, not {type(value).__name__}.")
        elif kind is list and not all(isinstance(v, str) and v.strip() for v in value):
            out.append(f"'{field}' must be a list of non-empty strings.")
        elif kind is str and not value.strip():
            out.append(f"'{field}' must not be empty.")
    lid = meta.get("id")
    if isinstance(lid, str) and not _ID.match(lid):
        out.append(f"'id' must be two digits such as '02', not {lid!r}.")
    if filename and isinstance(lid, str) and not filename.startswith(lid + "_"):
        out.append(f"'id' is {lid!r} but the file is {filename}.")
    if isinstance(meta.get("objectives"), list) and not meta["objectives"]:
        out.append("'objectives' must list at least one objective.")
    prereq = meta.get("prerequisites") if isinstance(meta.get("prerequisites"), list) else []
    for p in prereq:
        if isinstance(lid, str) and isinstance(p, str) and p >= lid:
            out.append(f"prerequisite {p!r} does not come before lesson {lid!r}.")
        elif known_lessons is not None and p not in known_lessons:
            out.append(f"prerequisite {p!r} is not a lesson. Known lessons: {', '.join(known_lessons)}.")
    if known_datasets is not None and isinstance(meta.get("datasets"), list):
        for d in meta["datasets"]:
            if d not in known_datasets:
                out.append(f"dataset {d!r} does not exist. Known datasets: {', '.join(known_datasets)}.")
    if isinstance(meta.get("sources"), list):
        for s in meta["sources"]:
            if isinstance(s, str) and not _SOURCE.match(s):
                out.append(f"source id {s!r} is not of the form S1…S999.")
            elif known_sources is not None and s not in known_sources:
                out.append(f"source id {s!r} is not in the sources dataset.")
    return list(dict.fromkeys(out))


def lessons(folder: Path | str | None = None) -> list[dict[str, Any]]:
    """Metadata of every lesson notebook, in lesson order (notebooks without it are skipped).

    Each dict also carries ``_path``, the notebook it came from.

    >>> [m["id"] for m in lessons()][:3]
    ['00', '01', '02']
    """
    folder = Path(folder) if folder else _notebooks_dir()
    out = []
    for path in sorted(folder.glob("[0-9][0-9]_*.ipynb")):
        try:
            meta = metadata(path)
        except ValueError:
            continue
        meta["_path"] = str(path)
        out.append(meta)
    return out


# ---------------------------------------------------------------- header
class Header:
    """A lesson header: shows as HTML in Jupyter and as plain text elsewhere."""

    def __init__(self, meta: dict[str, Any], citations: dict[str, str] | None = None) -> None:
        self.meta = meta
        self.citations = citations or {}

    def _datasets(self) -> list[str]:
        return [f"{d} — {self.citations[d]}" if self.citations.get(d) else d
                for d in self.meta.get("datasets", [])]

    def __repr__(self) -> str:
        m = self.meta
        lines = [f"Lesson {m.get('id', '?')}: {m.get('title', '')}",
                 f"About {m.get('minutes', '?')} minutes."]
        if m.get("prerequisites"):
            lines.append("Before this: lesson " + ", ".join(m["prerequisites"]) + ".")
        lines.append("In this lesson:")
        lines += [f"  - {o}" for o in m.get("objectives", [])]
        if m.get("datasets"):
            lines.append("Data:")
            lines += [f"  - {d}" for d in self._datasets()]
        if m.get("sources"):
            lines.append("Sources: " + ", ".join(m["sources"]) + " (see References at the end).")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        m = self.meta
        e = html.escape
        parts = ['<section class="kzlessons-header" aria-label="Lesson overview" '
                 'style="border-left:4px solid #0072B2;padding:0.4em 0.9em;margin:0.3em 0">',
                 f"<h2 style='margin:0.1em 0'>Lesson {e(str(m.get('id', '')))}: {e(str(m.get('title', '')))}</h2>",
                 f"<p><strong>Time:</strong> about {e(str(m.get('minutes', '?')))} minutes"]
        if m.get("prerequisites"):
            parts.append(f" · <strong>Before this:</strong> lesson {e(', '.join(m['prerequisites']))}")
        parts.append("</p><p><strong>In this lesson</strong></p><ul>")
        parts += [f"<li>{e(o)}</li>" for o in m.get("objectives", [])]
        parts.append("</ul>")
        if m.get("datasets"):
            parts.append("<details><summary><strong>Data used</strong></summary><ul>")
            parts += [f"<li>{e(d)}</li>" for d in self._datasets()]
            parts.append("</ul></details>")
        if m.get("sources"):
            parts.append(f"<p><strong>Sources:</strong> {e(', '.join(m['sources']))} (see References at the end)</p>")
        parts.append("</section>")
        return "".join(parts)


def _current_notebook() -> Path | None:
    """The running notebook's path, when the Jupyter server told the kernel (else None)."""
    candidates = [os.environ.get("JPY_SESSION_NAME")]
    try:
        from IPython import get_ipython

        ip = get_ipython()
        if ip is not None:
            candidates += [ip.user_ns.get("__session__"), ip.user_ns.get("__vsc_ipynb_file__")]
    except ImportError:  # pragma: no cover
        pass
    for c in candidates:
        if c and str(c).endswith(".ipynb"):
            p = Path(str(c))
            if p.is_file():
                return p
            m = re.match(r"(\d{2})_", p.name)
            if m:
                try:
                    return _notebook_for(m.group(1))
                except ValueError:
                    continue
    return None


def _citations(names: Sequence[str]) -> dict[str, str]:
    """Citations of the named datasets; a header still shows when the data are missing."""
    from . import data

    out = {}
    for n in names:
        try:
            out[n] = data.cite(n)
        except (KeyError, data.DataFileError):
            continue
    return out


def header(lesson: str | os.PathLike | dict[str, Any] | None = None, *, show: bool = True) -> Header | None:
    """Show the lesson's header (title, minutes, objectives, prerequisites, data).

    Args:
        lesson: a lesson id such as ``"02"``, a notebook path or a notebook dict. Without
            it, the current notebook is found from the Jupyter session (``JPY_SESSION_NAME``).
        show: display it (default); with ``show=False`` return the Header instead.

    >>> h = header({"metadata": {"kzlessons": {"id": "00", "title": "Start here", "minutes": 30,
    ...             "objectives": ["You will be able to run a lesson"]}}}, show=False)
    >>> print(repr(h).splitlines()[0])
    Lesson 00: Start here
    """
    if lesson is None:
        path = _current_notebook()
        if path is None:
            print("kzlessons: could not tell which lesson this is; use kz.lesson.header(\"02\") "
                  "with the lesson number.")
            return None
        meta = metadata(path)
    else:
        meta = metadata(lesson)
    obj = Header(meta, _citations(meta.get("datasets", [])))
    if not show:
        return obj
    try:
        from IPython.display import display

        display(obj)
    except ImportError:  # pragma: no cover
        print(repr(obj))
    return None


# ---------------------------------------------------------------- minutes
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


def _bank_texts(lesson_id: str) -> dict[str, str]:
    """Quiz id -> prompt, options and explanation of the shipped bank ``lNN.yaml``."""
    import yaml

    path = Path(__file__).resolve().parent / "banks" / f"l{lesson_id}.yaml"
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
        path = _notebook_for(notebook) if isinstance(notebook, str) and _ID.match(notebook) else Path(notebook)
        nb = json.loads(Path(path).read_text(encoding="utf-8"))
    if questions is None:
        lid = (nb.get("metadata", {}).get(KEY) or {}).get("id")
        questions = _bank_texts(lid) if isinstance(lid, str) else {}
    return minutes_for(workload(nb, questions))


# ---------------------------------------------------------------- syllabus
def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def syllabus(folder: Path | str | None = None, *, rows: list[dict[str, Any]] | None = None) -> str:
    """The syllabus as a Markdown table, one row per lesson, from the notebooks' metadata.

    ``rows`` may pass metadata already read with :func:`lessons` (else ``folder`` is read).

    >>> print(syllabus("/nonexistent").splitlines()[0])
    # Syllabus
    >>> print(syllabus(rows=[{"id": "00", "title": "Start", "minutes": 30}]).splitlines()[-1])
    1 lesson, about 30 minutes in all (0.5 hours).
    """
    rows = lessons(folder) if rows is None else rows
    out = ["# Syllabus", "",
           "| # | Lesson | Minutes | You will be able to … | Before this | Data | Sources |",
           "|---|---|---:|---|---|---|---|"]
    for m in rows:
        objectives = "<br>".join(_cell(re.sub(r"^You will be able to\s*", "", o)) for o in m.get("objectives", []))
        out.append("| " + " | ".join([
            _cell(m.get("id", "")), _cell(m.get("title", "")), _cell(m.get("minutes", "")), objectives,
            _cell(", ".join(m.get("prerequisites", [])) or "—"), _cell(", ".join(m.get("datasets", []))),
            _cell(", ".join(m.get("sources", []))),
        ]) + " |")
    total = sum(m.get("minutes", 0) for m in rows if isinstance(m.get("minutes"), int))
    count = f"{len(rows)} lesson" + ("" if len(rows) == 1 else "s")
    out += ["", f"{count}, about {total} minutes in all ({total / 60:.1f} hours)."]
    return "\n".join(out) + "\n"


def syllabus_main(argv: Sequence[str] | None = None) -> int:
    """``kzlessons syllabus [-o FILE] [--notebooks DIR]``: write the syllabus table."""
    parser = argparse.ArgumentParser(prog="kzlessons syllabus",
                                     description="Write a Markdown syllabus table from the lessons' metadata.")
    parser.add_argument("-o", "--output", help="file to write (default: print to the screen)")
    parser.add_argument("--notebooks", help="folder of lesson notebooks (default: the installed lessons)")
    args = parser.parse_args(list(argv or []))
    folder = Path(args.notebooks) if args.notebooks else _notebooks_dir()
    if not folder.is_dir():
        print(f"kzlessons syllabus: no notebooks folder at {folder}.", file=sys.stderr)
        return 1
    rows = lessons(folder)  # read each notebook once, for the table and for the warnings
    listed = {Path(m["_path"]).name for m in rows}
    missing = [p.name for p in sorted(folder.glob("[0-9][0-9]_*.ipynb")) if p.name not in listed]
    text = syllabus(folder, rows=rows)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"Wrote the syllabus to {args.output}.")
    else:
        print(text, end="")
    for name in missing:
        print(f"kzlessons syllabus: {name} has no '{KEY}' metadata, so it is not in the table.",
              file=sys.stderr)
    return 1 if missing else 0

