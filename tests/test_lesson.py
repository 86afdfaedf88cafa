"""Tests for the kzlessons.lesson package as a whole: every shipped lesson has complete metadata, is in the
syllabus and states the minutes the rule gives; every name is importable from ``kzlessons.lesson``. The
modules' own tests are in tests/lesson/."""

from __future__ import annotations

import math
from pathlib import Path

import nbformat
import pytest

import kzlessons as kz
from kzlessons import lesson
from kzlessons.lesson import header_view, meta, minutes, syllabus_table

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def _known(name: str, column: str) -> list[str] | None:
    try:
        if name == "names":
            return list(kz.data.names())
        return list(kz.data.load(name)[column].astype(str))
    except Exception:
        return None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_lesson_has_complete_metadata(path: Path) -> None:
    """Does the notebook carry complete 'kzlessons' metadata whose datasets and source ids exist?"""
    stated = lesson.metadata(path)
    known_lessons = [p.name[:2] for p in NOTEBOOKS]
    found = lesson.problems(stated, filename=path.name, known_lessons=known_lessons,
                            known_datasets=_known("names", ""), known_sources=_known("sources", "source_id"))
    assert not found, f"{path.name}: " + " ".join(found)


def test_every_lesson_is_in_the_syllabus() -> None:
    """Does the syllabus list every lesson notebook?"""
    if not NOTEBOOKS:
        pytest.skip("no lesson notebooks yet")
    text = lesson.syllabus(NOTEBOOKS[0].parent)
    for path in NOTEBOOKS:
        assert f"| {path.name[:2]} |" in text


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stated_minutes_follow_the_rule(path: Path) -> None:
    """Is each lesson's stated 'minutes' within ±20% of the documented minutes rule?"""
    stated = lesson.metadata(path)["minutes"]
    rule = lesson.estimated_minutes(path)
    low, high = rule * (1 - lesson.MINUTES_TOLERANCE), rule * (1 + lesson.MINUTES_TOLERANCE)
    assert low <= stated <= high, (
        f"{path.name} says {stated} minutes, but the minutes rule gives {rule} "
        f"({lesson.workload(nbformat.read(path, as_version=4), minutes.bank_texts(path.name[:2]))}); "
        f"set 'minutes' in the notebook metadata to between {math.ceil(low)} and {math.floor(high)} "
        "(docs/ARCHITECTURE.md, 'Minutes').")


def test_every_name_is_importable_from_kzlessons_lesson() -> None:
    """Does ``kz.lesson.X`` still give every public name of the lesson modules, as the module's own object?"""
    assert kz.lesson is lesson
    for module in (meta, header_view, minutes, syllabus_table):
        for name in module.__all__:
            if name in lesson.__all__:
                assert getattr(lesson, name) is getattr(module, name), name
    assert {"KEY", "FIELDS", "metadata", "problems", "lessons", "header", "Header", "syllabus", "syllabus_main",
            "estimated_minutes", "workload", "minutes_for", "count_words", "solution_lines",
            "reflection_sentences", "MINUTES_TOLERANCE", "WORDS_PER_MINUTE"} <= set(lesson.__all__)
