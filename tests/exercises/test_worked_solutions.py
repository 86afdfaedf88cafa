"""The worked solutions exactly as the notebooks show them pass their checks (lessons 00–06).

The per-lesson tests rebuild each solution by hand, next to a table of wrong methods.
This test reads the code itself from each notebook: it runs the notebook's code cells
up to the exercise, starter included (quiz cells left out), then the code block of the collapsed
"Worked solution" cell, and hands the resulting ``answer`` to the check. A solution
edited in a notebook without the checker (or the other way round) fails here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kzlessons.exercises import check

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
CHECK = re.compile(r"""kz\.exercises\.check\(\s*["']([^"']+)["']""")
CODE_BLOCK = re.compile(r"```python\n(.*?)```", re.S)
SKIP = ("kz.quiz.ask", "kz.review", "kz.check()", "kz.progress.")


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _source(cell: dict) -> str:
    return "".join(cell["source"])


def _exercise(path: Path) -> tuple[str, list[str], str]:
    """(exercise id, code cells up to the exercise's check, worked-solution code)."""
    cells = _cells(path)
    at = next(i for i, c in enumerate(cells) if c["cell_type"] == "code" and CHECK.search(_source(c)))
    exercise_id = CHECK.search(_source(cells[at])).group(1)
    setup = [  # includes the starter cell, which may define names such as POST_SOVIET
        _source(c) for c in cells[:at]
        if c["cell_type"] == "code" and not any(s in _source(c) for s in SKIP)
    ]
    solution = next(
        _source(c) for c in cells[at + 1:]
        if c["cell_type"] == "markdown" and "Worked solution" in _source(c)
    )
    return exercise_id, setup, CODE_BLOCK.search(solution).group(1)


LESSONS = sorted(p for p in NOTEBOOKS.glob("0[0-6]_*.ipynb"))


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_worked_solution_from_the_notebook_passes(path: Path) -> None:
    """Does the notebook's own worked solution, run after the notebook's cells, pass the check?"""
    exercise_id, setup, solution = _exercise(path)
    namespace: dict = {}
    for code in setup:
        exec(compile(code, f"{path.name} (setup cell)", "exec"), namespace)
    exec(compile(solution, f"{path.name} (worked solution)", "exec"), namespace)
    verdict = check(exercise_id, namespace["answer"])
    assert verdict.passed, f"{path.name}: {verdict.message}"
