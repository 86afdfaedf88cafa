"""Tests for kzlessons/progress/gradebook.py: ``kzlessons gradebook FILES... -o grades.csv``."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

import kzlessons as kz
from kzlessons.cli import main as cli_main
from kzlessons.progress import gradebook_main


def _learner(home: Path, monkeypatch, out: Path, name: str | None, answers: list[tuple[str, object]]) -> Path:
    monkeypatch.setenv("KZLESSONS_HOME", str(home))
    kz.progress.set_learner(name)
    for qid, answer in answers:
        kz.progress.record(qid, answer)
    return kz.progress.export(out)


@pytest.fixture
def class_files(tmp_path, monkeypatch):
    """Exports of three learners (one without a name), plus a broken and a foreign file."""
    a = _learner(tmp_path / "a", monkeypatch, tmp_path / "aigerim.json", "Aigerim",
                 [("l00-area", "1"), ("l00-area", "2724900"), ("l00-what-check-does", "b")])
    b = _learner(tmp_path / "b", monkeypatch, tmp_path / "bolat.json", "Bolat",
                 [("l00-what-check-does", "a"), (kz.quiz.ids("01")[0], "x")])
    c = _learner(tmp_path / "c", monkeypatch, tmp_path / "anon.json", None, [("l00-first-steps", ["b", "c", "d", "a"])])
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    foreign = tmp_path / "foreign.json"
    foreign.write_text(json.dumps({"hello": "world"}), encoding="utf-8")
    return [a, b, c, broken, foreign]


def _read(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_one_row_per_learner_and_lesson(class_files, tmp_path, capsys):
    """Does the gradebook write one row per learner and lesson with the right counts?"""
    out = tmp_path / "grades.csv"
    status = gradebook_main([str(p) for p in class_files[:3]] + ["-o", str(out)])
    assert status == 0
    rows = {(r["learner"], r["lesson"]): r for r in _read(out)}
    assert set(rows) == {("Aigerim", "00"), ("Bolat", "00"), ("Bolat", "01"), ("(no name)", "00")}
    aigerim = rows[("Aigerim", "00")]
    assert (aigerim["attempted"], aigerim["correct"], aigerim["first_try_correct"], aigerim["attempts"]) == ("2", "2", "1", "3")
    assert aigerim["questions"] == str(len(kz.quiz.ids("00")))
    assert "Wrote" in capsys.readouterr().out


def test_rejected_files_are_reported_with_reasons(class_files, tmp_path, capsys):
    """Are bad files listed on stderr with the reason, the rest still tabulated, and the exit status 1?"""
    out = tmp_path / "grades.csv"
    status = gradebook_main([str(p) for p in class_files] + ["-o", str(out)])
    err = capsys.readouterr().err
    assert status == 1
    assert "rejected" in err and "broken.json" in err and "not valid JSON" in err
    assert "foreign.json" in err and "not a kzlessons progress file" in err
    assert len(_read(out)) == 4


def test_same_learner_twice_is_counted_once(class_files, tmp_path):
    """Are two exports from the same named learner merged without double-counting attempts?"""
    copy = tmp_path / "aigerim-again.json"
    copy.write_bytes(class_files[0].read_bytes())
    out = tmp_path / "grades.csv"
    gradebook_main([str(class_files[0]), str(copy), "-o", str(out)])
    (row,) = _read(out)
    assert row["attempts"] == "3" and row["files"] == f"{class_files[0]};{copy}"


def test_nothing_usable_writes_nothing(class_files, tmp_path, capsys):
    """Does the command exit with 2 and write no CSV when every file is rejected?"""
    out = tmp_path / "grades.csv"
    assert gradebook_main([str(class_files[3]), "-o", str(out)]) == 2
    assert not out.exists() and "No file could be used" in capsys.readouterr().err


def test_formula_names_are_defused(tmp_path, monkeypatch):
    """Is a learner name starting with '=' written so spreadsheets do not run it as a formula?"""
    export = _learner(tmp_path / "x", monkeypatch, tmp_path / "x.json", "=HYPERLINK(\"http://evil\")",
                      [("l00-area", "1")])
    out = tmp_path / "grades.csv"
    gradebook_main([str(export), "-o", str(out)])
    assert _read(out)[0]["learner"].startswith("'=")


def test_cli_routes_to_the_gradebook(class_files, tmp_path):
    """Does `kzlessons gradebook FILES -o grades.csv` reach gradebook_main?"""
    out = tmp_path / "via-cli.csv"
    assert cli_main(["gradebook", str(class_files[0]), "-o", str(out)]) == 0
    assert out.exists()


def test_usage_error_returns_2(capsys):
    """Does calling it without files print usage and return 2?"""
    assert gradebook_main([]) == 2
    assert "usage" in capsys.readouterr().err
