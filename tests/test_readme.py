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


def test_gradebook_and_check_lines_are_true(tmp_path) -> None:
    """Do the README's gradebook options and exit codes, and its 'progress store' check, match the commands?"""
    from kzlessons import checks
    from kzlessons.progress import gradebook_cli as gradebook

    block = README[README.index("kzlessons gradebook FILES"):]
    block = block[: block.index("kzlessons links")]
    assert "-o grades.csv" in block and "[--items items.csv]" in block
    codes = {"0 all used": gradebook.EXIT_OK, "1 some rejected": gradebook.EXIT_SOME_REJECTED,
             "2 nothing written": gradebook.EXIT_NOT_WRITTEN}
    for words, code in codes.items():
        assert words in " ".join(block.replace("#", " ").split()) and words.startswith(str(code))
    missing = tmp_path / "none.json"
    assert gradebook.gradebook_main([str(missing), "-o", str(tmp_path / "g.csv"), "--items",
                                     str(tmp_path / "i.csv")]) == gradebook.EXIT_NOT_WRITTEN
    assert "progress store" in README[README.index("kzlessons check   "):][:120]
    assert "progress    " in checks.run_checks().text()


def test_notebook_7_is_in_the_default_install() -> None:
    """The README says `jupyter notebook` runs every lesson: is Notebook 7 a dependency of the default
    install (`make lab`, `pip install kzlessons`, Binder), not only of the test extra?"""
    import tomllib

    from packaging.requirements import Requirement

    assert "`jupyter notebook`" in README
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert "notebook" in {Requirement(r).name for r in project["dependencies"]}
    assert re.search(r"^notebook==", (ROOT / "binder" / "requirements.txt").read_text(), re.M)
