"""Tests for kzlessons/lms/cli.py: ``kzlessons export-bank`` writes the file, reports, and fails in sentences."""

from __future__ import annotations

import zipfile

import pytest
from lms_readers import read_gift, read_moodle, read_qti

from kzlessons.cli import main as cli_main
from kzlessons.lms import cli
from kzlessons.quiz import bank

READERS = {"qti": lambda path: read_qti(path.read_bytes()), "moodle-xml": lambda path: read_moodle(path.read_bytes()),
           "gift": lambda path: read_gift(path.read_text(encoding="utf-8"))}


def _sentence(text: str) -> bool:
    text = text.strip()
    return bool(text) and text[0].isupper() and text.endswith(".") and "Traceback" not in text


@pytest.mark.parametrize("fmt", ["qti", "moodle-xml", "gift"])
def test_every_bank_question_is_in_the_file_or_reported(fmt, tmp_path, capsys, all_questions):
    """Through the command, is every question of every lesson in the file, or named as not carried with a reason?"""
    out = tmp_path / f"bank.{fmt}"
    status = cli_main(["export-bank", "--format", fmt, "-o", str(out)])
    printed = capsys.readouterr().out
    written = {r.id for r in READERS[fmt](out)}
    not_carried = {line.split()[0] for line in printed.split("Not carried")[1].splitlines()[1:]
                   if line.startswith("  ") and ":" in line} if "Not carried (" in printed else set()
    assert written | not_carried == set(all_questions) and not written & not_carried
    assert status == (1 if not_carried else 0)
    assert printed.startswith(f"Wrote {out}: {len(written)} question(s) from 8 lesson(s).")


def test_no_changes_reports_the_ordering_questions_with_their_reason(tmp_path, capsys, all_questions):
    """With --no-changes, does Canvas's export leave out the ordering questions, list them by id with the reason,
    and exit 1?"""
    out = tmp_path / "canvas.zip"
    assert cli.export_bank_main(["--format", "qti", "--no-changes", "-o", str(out)]) == cli.EXIT_SOME_LEFT_OUT
    printed = capsys.readouterr().out
    ordering = sorted(q for q, x in all_questions.items() if x.type == "ordering")
    assert f"Not carried ({len(ordering)}):" in printed
    for qid in ordering:
        assert f"  {qid} (ordering): left out (--no-changes): it could only be written as matching_question" in printed
    assert not set(ordering) & {r.id for r in read_qti(out.read_bytes())}


def test_one_lesson(tmp_path, capsys, monkeypatch):
    """Does --lesson 2 (or 02) export lesson 02 alone, to the default name in the current folder?"""
    monkeypatch.chdir(tmp_path)
    assert cli.export_bank_main(["--format", "moodle-xml", "--lesson", "2"]) == 0
    read = read_moodle((tmp_path / "kzlessons-l02-moodle.xml").read_bytes())
    assert {r.id for r in read} == {q.id for q in bank.load_lesson("02")}
    assert "from 1 lesson(s)" in capsys.readouterr().out


def test_standard_output_keeps_the_report_apart(capsysbinary):
    """With -o -, is the file on standard output and the report on standard error?"""
    assert cli.export_bank_main(["--format", "gift", "--lesson", "00", "-o", "-"]) == 0
    captured = capsysbinary.readouterr()
    assert {r.id for r in read_gift(captured.out.decode("utf-8"))} == {q.id for q in bank.load_lesson("00")}
    assert b"Wrote standard output" in captured.err


def test_unknown_lesson_is_a_sentence_and_writes_nothing(tmp_path, capsys):
    """Does an unknown lesson exit 2 with a sentence naming the lessons there are, and write no file?"""
    out = tmp_path / "x.zip"
    assert cli.export_bank_main(["--format", "qti", "--lesson", "09", "-o", str(out)]) == cli.EXIT_NOT_WRITTEN
    err = capsys.readouterr().err
    assert _sentence(err) and "lesson '09'" in err and "00, 01, 02" in err
    assert not out.exists()


@pytest.mark.parametrize("target", ["folder", "missing/dir/x.zip"])
def test_unwritable_output_is_a_sentence(tmp_path, capsys, target):
    """Does an output that cannot be written (a folder; a folder that does not exist) exit 2 with a sentence?"""
    (tmp_path / "folder").mkdir()
    status = cli.export_bank_main(["--format", "qti", "-o", str(tmp_path / target)])
    err = capsys.readouterr().err
    assert status == cli.EXIT_NOT_WRITTEN and _sentence(err), err
    assert not (tmp_path / "missing").exists()


def test_a_bank_file_is_never_overwritten(capsys):
    """Is -o naming a question bank refused, leaving the bank as it was?"""
    target = bank.bank_files()[0]
    before = target.read_bytes()
    assert cli.export_bank_main(["--format", "gift", "-o", str(target)]) == cli.EXIT_NOT_WRITTEN
    assert _sentence(capsys.readouterr().err) and target.read_bytes() == before


def test_a_broken_bank_is_a_sentence(tmp_path, capsys, monkeypatch):
    """Does a bank that does not load stop the export with its own sentence and write nothing?"""
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "l00.yaml").write_text("lesson: '00'\nquestions: []\n", encoding="utf-8")
    monkeypatch.setattr(bank, "banks_dir", lambda: folder)
    out = tmp_path / "x.txt"
    assert cli.export_bank_main(["--format", "gift", "-o", str(out)]) == cli.EXIT_NOT_WRITTEN
    err = capsys.readouterr().err
    assert "l00.yaml" in err and "Nothing was written" in err and not out.exists()


def test_usage_errors_exit_2(capsys):
    """Does a missing or unknown --format exit 2 with argparse's message?"""
    assert cli.export_bank_main([]) == 2
    assert cli.export_bank_main(["--format", "blackboard"]) == 2
    assert "invalid choice: 'blackboard'" in capsys.readouterr().err


def test_the_qti_file_is_a_zip(tmp_path):
    """Is the QTI export a zip with a manifest (what Canvas's 'QTI .zip file' import wants)?"""
    out = tmp_path / "c.zip"
    cli.export_bank_main(["--format", "qti", "--lesson", "00", "-o", str(out)])
    assert "imsmanifest.xml" in zipfile.ZipFile(out).namelist()


def test_the_guides_example_is_what_the_command_prints(tmp_path, monkeypatch, capsys):
    """Are the first lines of the guide's example report what `kzlessons export-bank --format qti` prints today
    (the two count lines compared without their numbers, which the guide gives as of its writing)?"""
    import re
    from pathlib import Path

    guide = (Path(__file__).resolve().parents[2] / "docs" / "instructor-guide.md").read_text(encoding="utf-8")
    example = guide.split("```text\nWrote kzlessons-canvas-qti.zip", 1)[1].split("\n```", 1)[0]
    shown = [line for line in ("Wrote kzlessons-canvas-qti.zip" + example).splitlines() if line.strip() != "..."]
    monkeypatch.chdir(tmp_path)
    cli.export_bank_main(["--format", "qti"])
    printed = capsys.readouterr().out.splitlines()[:len(shown)]

    def masked(lines: list[str]) -> list[str]:
        return [re.sub(r"\d+", "#", line) for line in lines[:2]] + lines[2:]

    assert masked(shown) == masked(printed), (
        "docs/instructor-guide.md's example report ('Questions and grades in Canvas and Moodle') is out of date: "
        "paste the first lines that `kzlessons export-bank --format qti` prints")
