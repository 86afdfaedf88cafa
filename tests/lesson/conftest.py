"""Shared set-up for the lesson tests: a folder of small synthetic lesson notebooks."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

#: Complete metadata of a synthetic lesson 02.
META = {"id": "02", "title": "Following the trade", "minutes": 40,
        "objectives": ["You will be able to compute a partner share", "You will be able to read an HHI"],
        "prerequisites": ["00", "01"], "datasets": ["trade"], "sources": ["S5", "S6"]}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Lessons 00 and 02 with metadata (00's title has a pipe), and 03 without any."""
    for lid, meta in (("00", {**META, "id": "00", "title": "Start | here", "prerequisites": [], "minutes": 30}),
                      ("02", META)):
        nb = nbformat.v4.new_notebook()
        nb.metadata["kzlessons"] = meta
        nbformat.write(nb, tmp_path / f"{lid}_x.ipynb")
    nbformat.write(nbformat.v4.new_notebook(), tmp_path / "03_nometa.ipynb")
    return tmp_path
