"""Tests for kzlessons/lms/grades.py: ``kzlessons gradebook --lms canvas|moodle`` writes what each LMS imports."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import kzlessons as kz
from kzlessons.lms.common import lesson_titles
from kzlessons.lms.grades import CANVAS_IDS, lesson_column
from kzlessons.progress import gradebook_main


#: file name (the login inside, as an LMS names downloads) -> (typed name, answers); the last is on no roster
HANDINS = {
    "nuraigerim_anur_11_kzlessons-progress.json": ("Aigerim", [("l00-area", "1"), ("l00-area", "2724900"),
                                                               ("l00-what-check-does", "b"), ("l02-hhi-compute", "0.38")]),
    "seibolat_bsei_12_kzlessons-progress.json": ("Bolat", [("l00-what-check-does", "a")]),
    "stranger_zz_13_kzlessons-progress.json": ("Stranger", [("l00-area", "2724900")]),
}


@pytest.fixture
def handins(tmp_path, monkeypatch):
    """A folder of the learners' exported progress files (each recorded in its own kzlessons home)."""
    folder = tmp_path / "handins"
    folder.mkdir()
    for number, (file_name, (name, answers)) in enumerate(HANDINS.items()):
        monkeypatch.setenv("KZLESSONS_HOME", str(tmp_path / f"home{number}"))
        kz.progress.set_learner(name)
        for qid, answer in answers:
            kz.progress.record(qid, answer)
        kz.progress.export(folder / file_name)
    return folder


def _csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _roster(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "roster.csv"
    path.write_text(text, encoding="utf-8")
    return path


def _shares(handins: Path, roster: Path, tmp_path: Path) -> dict[tuple[str, str], str]:
    """The ordinary gradebook's (learner, lesson) -> score_share, for comparison."""
    out = tmp_path / "plain.csv"
    gradebook_main([str(handins), "--roster", str(roster), "-o", str(out)])
    return {(r["learner"], r["lesson"]): (r["score_share"] if r["status"] == "answered" else "") for r in _csv(out)}


def _percent(share: str) -> str:
    return "" if share == "" else str(round(float(share) * 100, 2))


def test_canvas_layout(handins, tmp_path, capsys):
    """Does --lms canvas write Student, ID, SIS User ID, SIS Login ID, Section, a Points Possible row and one
    percentage per lesson (blank where nothing was answered), the login from the roster's match column?"""
    roster = _roster(tmp_path, "learner,match\nAigerim Nur,anur\nBolat Sei,bsei\nDana Ok,dok\n")
    out = tmp_path / "canvas.csv"
    status = gradebook_main([str(handins), "--roster", str(roster), "--lms", "canvas", "-o", str(out)])
    assert status == 0
    rows = _csv(out)
    titles = lesson_titles()
    lessons = sorted(titles)
    columns = [lesson_column(lesson, titles) for lesson in lessons]
    assert list(rows[0]) == [*CANVAS_IDS, *columns]
    assert rows[0]["Student"] == "Points Possible" and all(rows[0][c] == "100" for c in columns)
    assert [(r["Student"], r["SIS Login ID"]) for r in rows[1:]] == [("Aigerim Nur", "anur"), ("Bolat Sei", "bsei"),
                                                                     ("Dana Ok", "dok")]
    shares = _shares(handins, roster, tmp_path)
    for row in rows[1:]:
        for lesson, column in zip(lessons, columns):
            assert row[column] == _percent(shares[(row["Student"], lesson)]), (row["Student"], lesson)
    aigerim = rows[1]
    assert aigerim[columns[0]] != "" and aigerim[columns[1]] == ""  # lesson 00 answered, 01 not: blank, not 0
    assert all(rows[3][c] == "" for c in columns)  # Dana handed in nothing
    err = capsys.readouterr().err
    assert "not in the Canvas file" in err and "stranger_zz_13" in err


def test_canvas_columns_from_the_roster_win(handins, tmp_path):
    """Does a roster made from Canvas's own export keep its ID, SIS User ID, SIS Login ID and Section?"""
    roster = _roster(tmp_path, "learner,match,ID,SIS User ID,SIS Login ID,Section\n"
                               "Aigerim Nur,anur,501,S-1001,aigerim.nur,Group A\n"
                               "Bolat Sei,bsei,502,S-1002,bolat.sei,Group B\n")
    out = tmp_path / "canvas.csv"
    assert gradebook_main([str(handins), "--roster", str(roster), "--lms", "canvas", "-o", str(out)]) == 0
    rows = _csv(out)[1:]
    assert [(r["ID"], r["SIS User ID"], r["SIS Login ID"], r["Section"]) for r in rows] == [
        ("501", "S-1001", "aigerim.nur", "Group A"), ("502", "S-1002", "bolat.sei", "Group B")]


@pytest.mark.parametrize(("matches", "header"), [(("anur", "bsei"), "Username"),
                                                 (("anur@uni.kz", "bsei@uni.kz"), "Email address")])
def test_moodle_layout(handins, tmp_path, matches, header):
    """Does --lms moodle write Full name, an identifier column named for what the match texts hold, and the
    lessons' percentages?"""
    first, second = matches
    roster = _roster(tmp_path, f"learner,match\nAigerim Nur,{first};anur\nBolat Sei,{second};bsei\n")
    out = tmp_path / "moodle.csv"
    assert gradebook_main([str(handins), "--roster", str(roster), "--lms", "moodle", "-o", str(out)]) == 0
    rows = _csv(out)
    titles = lesson_titles()
    assert list(rows[0]) == ["Full name", header, *(lesson_column(lesson, titles) for lesson in sorted(titles))]
    assert [(r["Full name"], r[header]) for r in rows] == [("Aigerim Nur", first), ("Bolat Sei", second)]
    shares = _shares(handins, roster, tmp_path)
    assert rows[0][lesson_column("00", titles)] == _percent(shares[("Aigerim Nur", "00")]) != ""


def test_moodle_identifier_column_from_the_roster(handins, tmp_path):
    """Does a roster's 'Email address' column become Moodle's identifier, whatever the match column holds?"""
    roster = _roster(tmp_path, "learner,match,Email address\nAigerim Nur,anur,a@uni.kz\nBolat Sei,bsei,b@uni.kz\n")
    out = tmp_path / "moodle.csv"
    assert gradebook_main([str(handins), "--roster", str(roster), "--lms", "moodle", "-o", str(out)]) == 0
    assert [(r["Full name"], r["Email address"]) for r in _csv(out)] == [("Aigerim Nur", "a@uni.kz"),
                                                                        ("Bolat Sei", "b@uni.kz")]


def test_student_numbers_are_id_numbers(handins, tmp_path):
    """Are match texts that are all digits headed 'ID number' (Moodle's field for student numbers)?"""
    roster = _roster(tmp_path, "learner,match\nAigerim Nur,1001;anur\nBolat Sei,1002;bsei\n")
    out = tmp_path / "moodle.csv"
    assert gradebook_main([str(handins), "--roster", str(roster), "--lms", "moodle", "-o", str(out)]) == 0
    assert [r["ID number"] for r in _csv(out)] == ["1001", "1002"]


def test_lms_needs_a_roster(handins, tmp_path, capsys):
    """Does --lms without --roster exit 2 with a sentence and write nothing?"""
    out = tmp_path / "x.csv"
    assert gradebook_main([str(handins), "--lms", "canvas", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "needs --roster" in err and err.strip().endswith(".") and not out.exists()


@pytest.mark.parametrize("lms", ["canvas", "moodle"])
def test_a_roster_that_cannot_identify_anyone_is_refused(handins, tmp_path, capsys, lms):
    """Does a roster with only names (no match column, no LMS columns) stop with a sentence, writing nothing?"""
    roster = _roster(tmp_path, "learner\nAigerim Nur\nBolat Sei\n")
    out = tmp_path / "x.csv"
    assert gradebook_main([str(handins), "--roster", str(roster), "--lms", lms, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "add a 'match' column" in err and err.strip().endswith("Nothing was written.") and not out.exists()


def test_a_row_without_identifier_is_noted(handins, tmp_path, capsys):
    """Is a roster row whose identifier is empty kept, with a note saying the LMS cannot place it?"""
    roster = _roster(tmp_path, "learner,match,SIS Login ID\nAigerim Nur,anur,aigerim.nur\nBolat Sei,bsei,\n")
    out = tmp_path / "canvas.csv"
    assert gradebook_main([str(handins), "--roster", str(roster), "--lms", "canvas", "-o", str(out)]) == 0
    assert "'Bolat Sei' (line 3) has no ID, SIS User ID or login" in capsys.readouterr().err
    assert [r["SIS Login ID"] for r in _csv(out)[1:]] == ["aigerim.nur", ""]


def test_unknown_lms_is_a_usage_error(capsys):
    """Is an LMS the command does not know refused by the argument parser (exit 2)?"""
    assert gradebook_main(["x.json", "--lms", "blackboard"]) == 2
    assert "invalid choice: 'blackboard'" in capsys.readouterr().err
