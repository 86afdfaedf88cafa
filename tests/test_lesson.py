"""Lesson metadata: every lesson notebook has complete metadata; header and syllabus work."""

from __future__ import annotations

import json
import math
from pathlib import Path

import nbformat
import pytest

from kzlessons import lesson

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def _known(name: str, column: str) -> list[str] | None:
    try:
        import kzlessons as kz

        if name == "names":
            return list(kz.data.names())
        return list(kz.data.load(name)[column].astype(str))
    except Exception:
        return None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_lesson_has_complete_metadata(path: Path) -> None:
    """Does the notebook carry complete 'kzlessons' metadata whose datasets and source ids exist?"""
    meta = lesson.metadata(path)
    known_lessons = [p.name[:2] for p in NOTEBOOKS]
    found = lesson.problems(meta, filename=path.name, known_lessons=known_lessons,
                            known_datasets=_known("names", ""), known_sources=_known("sources", "source_id"))
    assert not found, f"{path.name}: " + " ".join(found)


def test_every_lesson_is_in_the_syllabus() -> None:
    """Does the syllabus list every lesson notebook?"""
    if not NOTEBOOKS:
        pytest.skip("no lesson notebooks yet")
    text = lesson.syllabus(NOTEBOOKS[0].parent)
    for path in NOTEBOOKS:
        assert f"| {path.name[:2]} |" in text


# ------------------------------------------------ synthetic notebooks
META = {"id": "02", "title": "Following the trade", "minutes": 40,
        "objectives": ["You will be able to compute a partner share", "You will be able to read an HHI"],
        "prerequisites": ["00", "01"], "datasets": ["trade"], "sources": ["S5", "S6"]}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for lid, meta in (("00", {**META, "id": "00", "title": "Start | here", "prerequisites": [], "minutes": 30}),
                      ("02", META)):
        nb = nbformat.v4.new_notebook()
        nb.metadata["kzlessons"] = meta
        nbformat.write(nb, tmp_path / f"{lid}_x.ipynb")
    nbformat.write(nbformat.v4.new_notebook(), tmp_path / "03_nometa.ipynb")
    return tmp_path


def test_metadata_from_path_and_dict(folder: Path) -> None:
    """Can metadata be read from a path, a dict and an nbformat node?"""
    assert lesson.metadata(folder / "02_x.ipynb")["title"] == "Following the trade"
    node = nbformat.read(folder / "02_x.ipynb", as_version=4)
    assert lesson.metadata(node)["minutes"] == 40


def test_missing_metadata_says_where_to_add_it(folder: Path) -> None:
    """Does a notebook without metadata raise a sentence saying where to add it?"""
    with pytest.raises(ValueError, match="03_nometa.ipynb has no 'kzlessons' metadata"):
        lesson.metadata(folder / "03_nometa.ipynb")


@pytest.mark.parametrize("change, message", [
    ({"minutes": "40"}, "'minutes' must be a whole number"),
    ({"minutes": True}, "'minutes' must be a whole number"),
    ({"objectives": []}, "at least one objective"),
    ({"prerequisites": ["05"]}, "does not come before"),
    ({"sources": ["5"]}, "not of the form"),
    ({"id": "03"}, "but the file is 02_x.ipynb"),
])
def test_problems_are_found(change: dict, message: str) -> None:
    """Does each kind of bad metadata produce a plain sentence?"""
    found = lesson.problems({**META, **change}, filename="02_x.ipynb")
    assert any(message in p for p in found), found


def test_unknown_dataset_and_source() -> None:
    """Are unknown datasets and source ids reported against the known lists?"""
    found = lesson.problems({**META, "datasets": ["trades"], "sources": ["S999"]},
                            known_datasets=["trade"], known_sources=["S5"])
    assert any("dataset 'trades' does not exist" in p for p in found)
    assert any("'S999' is not in the sources dataset" in p for p in found)


def test_header_html_and_text() -> None:
    """Does the header render title, minutes, objectives and prerequisites as HTML and text, escaped?"""
    h = lesson.Header({**META, "title": "Trade <&> partners"}, {"trade": "IMF DOTS"})
    html, text = h._repr_html_(), repr(h)
    assert "Trade &lt;&amp;&gt; partners" in html and "<li>You will be able to read an HHI</li>" in html
    assert "About 40 minutes." in text and "trade — IMF DOTS" in text and "lesson 00, 01" in text


def test_header_by_id_uses_the_notebooks_folder(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Does header("02", show=False) find notebooks/02_*.ipynb?"""
    monkeypatch.setattr(lesson, "_notebooks_dir", lambda: folder)
    h = lesson.header("02", show=False)
    assert h is not None and h.meta["title"] == "Following the trade"
    with pytest.raises(ValueError, match="No lesson '07'.*Available lessons: 00, 02, 03"):
        lesson.header("07", show=False)


def test_header_without_id_uses_the_session(folder: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture) -> None:
    """Does header() find the notebook from JPY_SESSION_NAME, and explain itself when it cannot?"""
    monkeypatch.setenv("JPY_SESSION_NAME", str(folder / "02_x.ipynb"))
    lesson.header()
    assert "Lesson 02: Following the trade" in capsys.readouterr().out
    monkeypatch.setenv("JPY_SESSION_NAME", "/elsewhere/untitled.ipynb")
    assert lesson.header() is None
    assert 'kz.lesson.header("02")' in capsys.readouterr().out


def test_syllabus_main_writes_markdown(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """Does `kzlessons syllabus -o FILE` write a table, escape pipes, and flag lessons without metadata?"""
    out = tmp_path / "syllabus.md"
    code = lesson.syllabus_main(["--notebooks", str(folder), "-o", str(out)])
    text = out.read_text()
    assert "| 02 | Following the trade | 40 | compute a partner share<br>read an HHI | 00, 01 |" in text
    assert "Start \\| here" in text and "about 70 minutes" in text
    assert code == 1 and "03_nometa.ipynb has no 'kzlessons' metadata" in capsys.readouterr().err


def test_syllabus_via_cli(folder: Path, capsys: pytest.CaptureFixture) -> None:
    """Is the syllabus reachable through the kzlessons command router?"""
    from kzlessons.cli import main

    (folder / "03_nometa.ipynb").unlink()
    assert main(["syllabus", "--notebooks", str(folder)]) == 0
    assert "# Syllabus" in capsys.readouterr().out


def test_metadata_roundtrip_is_json(folder: Path) -> None:
    """Is the metadata plain JSON under the 'kzlessons' key?"""
    raw = json.loads((folder / "02_x.ipynb").read_text())
    assert raw["metadata"]["kzlessons"]["sources"] == ["S5", "S6"]


# ------------------------------------------------ the minutes rule
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stated_minutes_follow_the_rule(path: Path) -> None:
    """Is each lesson's stated 'minutes' within ±20% of the documented minutes rule?"""
    stated = lesson.metadata(path)["minutes"]
    rule = lesson.estimated_minutes(path)
    low, high = rule * (1 - lesson.MINUTES_TOLERANCE), rule * (1 + lesson.MINUTES_TOLERANCE)
    assert low <= stated <= high, (
        f"{path.name} says {stated} minutes, but the minutes rule gives {rule} "
        f"({lesson.workload(nbformat.read(path, as_version=4), lesson._bank_texts(path.name[:2]))}); "
        f"set 'minutes' in the notebook metadata to between {math.ceil(low)} and {math.floor(high)} "
        "(docs/ARCHITECTURE.md, 'Minutes').")


def test_minutes_rule_counts_what_a_learner_does() -> None:
    """Does adding reading, a quiz, a chart, an exercise or a longer reflection add the rule's time?"""
    def nb(*cells: tuple[str, str]) -> dict:
        return {"cells": [{"cell_type": k, "source": s} for k, s in cells]}

    base = nb(("markdown", "word " * 2000))
    assert lesson.estimated_minutes(base, {}) == 10
    assert lesson.estimated_minutes(nb(("markdown", "word " * 2000), ("code", 'kz.quiz.ask("q")')),
                                    {"q": "word " * 200}) == 12
    assert lesson.estimated_minutes(nb(("markdown", "word " * 2000),
                                       ("code", "kz.charts.time_series(f)\nkz.charts.describe(c)")), {}) == 12
    solution = "<details><summary>Worked solution</summary>\n\n```python\na = 1\nb = 2\n```\n</details>"
    assert lesson.estimated_minutes(nb(("markdown", "word " * 2000), ("code", "kz.exercises.check('x', a)"),
                                       ("markdown", solution)), {}) == 16
    assert lesson.estimated_minutes(nb(("markdown", "word " * 2000),
                                       ("markdown", "## Reflect\nIn one or two paragraphs, argue.")), {}) == 25
