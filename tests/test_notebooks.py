"""Every lesson notebook has the parts a lesson needs, and is committed clean.

These are static checks of the ``.ipynb`` files; ``pytest --nbval-lax``
(part of the default test run) executes them, and ``tests/browser/`` runs them
in a real JupyterLab.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import kzlessons as kz

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("[0-9][0-9]_*.ipynb"))
ASK = re.compile(r"""kz\.quiz\.ask\(\s*["']([^"']+)["']""")
CHART = re.compile(r"kz\.charts\.(?!describe|save|palette|setup)\w+\(")
CHECK = re.compile(r"""kz\.exercises\.check\(\s*["']([^"']+)["']""")
SOURCE_ID = re.compile(r"\bS\d{1,3}\b")


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text())["cells"]


def _source(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def _code(path: Path) -> str:
    return "\n".join(_source(c) for c in _cells(path) if c["cell_type"] == "code")


def _markdown(path: Path) -> list[str]:
    return [_source(c) for c in _cells(path) if c["cell_type"] == "markdown"]


def test_all_eight_lessons_exist() -> None:
    """Are lessons 00 to 07 all present?"""
    assert [p.name[:2] for p in NOTEBOOKS] == [f"{n:02d}" for n in range(8)], [p.name for p in NOTEBOOKS]


@pytest.fixture(params=NOTEBOOKS, ids=lambda p: p.stem)
def notebook(request: pytest.FixtureRequest) -> Path:
    return request.param


def test_committed_without_outputs(notebook: Path) -> None:
    """Is every code cell free of outputs and execution counts, and the notebook free of saved widget
    state (JupyterLab saves it with the notebook: the settings switch saveState on, see kzlessons/saving.py)?"""
    dirty = [i for i, c in enumerate(_cells(notebook))
             if c["cell_type"] == "code" and (c.get("outputs") or c.get("execution_count"))]
    assert not dirty, f"{notebook.name}: cells {dirty} carry outputs; strip them before committing"
    metadata = json.loads(notebook.read_text())["metadata"]
    assert "widgets" not in metadata, f"{notebook.name}: saved widget state in its metadata; remove it before committing"


def test_kernelspec_names_an_installed_kernel(notebook: Path) -> None:
    """Does the lesson's kernelspec name a kernel this environment provides (JupyterLab starts it by that
    exact name on open; an unknown name would ask "Select Kernel"), with the same language, and
    language_info agree? ``python3`` is ipykernel's own kernel, installed with jupyterlab."""
    from jupyter_client.kernelspec import KernelSpecManager

    metadata = json.loads(notebook.read_text())["metadata"]
    spec = metadata["kernelspec"]
    installed = KernelSpecManager().get_all_specs()
    assert spec["name"] == "python3" and spec["name"] in installed, sorted(installed)
    assert spec["language"] == installed[spec["name"]]["spec"]["language"] == metadata["language_info"]["name"]


def test_starts_with_setup_and_header(notebook: Path) -> None:
    """Does the first code cell import kzlessons, call kz.setup() and show the lesson header?"""
    first = next(_source(c) for c in _cells(notebook) if c["cell_type"] == "code")
    assert "import kzlessons as kz" in first and "kz.setup()" in first
    assert f'kz.lesson.header("{notebook.name[:2]}")' in first


def test_has_at_least_two_charts_with_descriptions(notebook: Path) -> None:
    """Does the lesson draw two or more charts with the helpers and show their text descriptions?"""
    code = _code(notebook)
    assert len(CHART.findall(code)) >= 2
    assert "kz.charts.describe(" in code


def test_asks_four_bank_questions_of_two_types(notebook: Path) -> None:
    """Does the lesson ask at least four of its own bank's questions, of at least two types?"""
    lesson = notebook.name[:2]
    asked = ASK.findall(_code(notebook))
    assert len(asked) >= 4, f"only {len(asked)} questions asked"
    own = set(kz.quiz.ids(lesson=lesson))
    assert set(asked) <= own, f"not in bank l{lesson}: {sorted(set(asked) - own)}"
    assert len({kz.quiz.get(q).type for q in asked}) >= 2


def test_has_a_checked_exercise_with_collapsed_solution(notebook: Path) -> None:
    """Is there a 'your turn' exercise with an automatic check and a collapsed worked solution?"""
    from kzlessons import exercises

    checks = CHECK.findall(_code(notebook))
    assert checks, "no kz.exercises.check(...) call"
    assert set(checks) <= set(exercises.ids())
    assert any("<details>" in text and "```python" in text for text in _markdown(notebook))


def test_has_a_reflection_prompt(notebook: Path) -> None:
    """Is there a reflection prompt with space for the learner's answer?"""
    assert any("reflect" in text.lower() and "write your answer here" in text.lower()
               for text in _markdown(notebook))


def test_references_resolve_to_known_sources(notebook: Path) -> None:
    """Does the lesson end with References whose source ids all exist, and cite every id it uses?"""
    texts = _markdown(notebook)
    references = [t for t in texts if re.search(r"^#+\s*References", t, re.M)]
    assert references, "no References section"
    known = set(kz.data.load("sources")["source_id"])
    cited_in_references = set(SOURCE_ID.findall(references[-1]))
    used = set(SOURCE_ID.findall("\n".join(texts)))
    assert used <= known, f"unknown source ids: {sorted(used - known)}"
    assert used <= cited_in_references, f"used but not in References: {sorted(used - cited_in_references)}"
