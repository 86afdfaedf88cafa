"""Tests for kzlessons/lesson/meta.py: reading and checking a lesson's metadata."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from kzlessons.lesson import meta

from .conftest import META


def test_metadata_from_path_and_dict(folder: Path) -> None:
    """Can metadata be read from a path, a dict and an nbformat node?"""
    assert meta.metadata(folder / "02_x.ipynb")["title"] == "Following the trade"
    node = nbformat.read(folder / "02_x.ipynb", as_version=4)
    assert meta.metadata(node)["minutes"] == 40


def test_missing_metadata_says_where_to_add_it(folder: Path) -> None:
    """Does a notebook without metadata raise a sentence saying where to add it?"""
    with pytest.raises(ValueError, match="03_nometa.ipynb has no 'kzlessons' metadata"):
        meta.metadata(folder / "03_nometa.ipynb")


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
    found = meta.problems({**META, **change}, filename="02_x.ipynb")
    assert any(message in p for p in found), found


def test_unknown_dataset_and_source() -> None:
    """Are unknown datasets and source ids reported against the known lists?"""
    found = meta.problems({**META, "datasets": ["trades"], "sources": ["S999"]},
                            known_datasets=["trade"], known_sources=["S5"])
    assert any("dataset 'trades' does not exist" in p for p in found)
    assert any("'S999' is not in the sources dataset" in p for p in found)


def test_metadata_roundtrip_is_json(folder: Path) -> None:
    """Is the metadata plain JSON under the 'kzlessons' key?"""
    raw = json.loads((folder / "02_x.ipynb").read_text())
    assert raw["metadata"]["kzlessons"]["sources"] == ["S5", "S6"]


def test_notebook_path_names_the_lessons_there_are(folder: Path) -> None:
    """Is a lesson found by its id, and does a missing one name the lessons in the folder?"""
    assert meta.notebook_path("02", folder).name == "02_x.ipynb"
    with pytest.raises(ValueError, match="No lesson '07'.*Available lessons: 00, 02, 03"):
        meta.notebook_path("07", folder)
