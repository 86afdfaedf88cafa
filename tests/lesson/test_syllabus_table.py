"""Tests for kzlessons/lesson/syllabus_table.py: the syllabus table and ``kzlessons syllabus``."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzlessons.lesson import syllabus_table


def test_syllabus_main_writes_markdown(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """Does `kzlessons syllabus -o FILE` write a table, escape pipes, and flag lessons without metadata?"""
    out = tmp_path / "syllabus.md"
    code = syllabus_table.syllabus_main(["--notebooks", str(folder), "-o", str(out)])
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
