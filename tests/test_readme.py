"""The README, the front door, tells the truth."""

from __future__ import annotations

import re
from pathlib import Path

from kzlessons import lesson

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()


def test_lesson_table_matches_lesson_metadata() -> None:
    """Does the README's lesson table give each lesson's real number of minutes?"""
    rows = dict(re.findall(r"^\| (0\d) \| [^|]+\| (\d+) \|$", README, re.M))
    actual = {meta["id"]: str(meta["minutes"]) for meta in lesson.lessons()}
    assert rows == actual


def test_the_two_commands_exist() -> None:
    """Do `make lab` and `make test` (and their python3 tasks.py twins) exist?"""
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^lab:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
    assert "make lab" in README and "make test" in README
    tasks = (ROOT / "tasks.py").read_text()
    assert '"lab": lab' in tasks and '"test": test' in tasks
    assert "00_start_here.ipynb" in tasks and (ROOT / "notebooks" / "00_start_here.ipynb").is_file()


def test_ci_runs_the_readme_test_command() -> None:
    """Does .ci/run call the README's test command?"""
    assert re.search(r"^make test$", (ROOT / ".ci" / "run").read_text(), re.M)
