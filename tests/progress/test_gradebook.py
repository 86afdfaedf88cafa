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


def _read(path: Path, answered: bool = True) -> list[dict]:
    """The CSV's rows (only the 'answered' ones, unless ``answered`` is False)."""
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [r for r in rows if r["status"] == "answered" or not answered]


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
    everything = _read(out, answered=False)
    assert len(everything) == 3 * len({q[1:3] for q in kz.quiz.ids()})
    assert {r["status"] for r in everything} == {"answered", "handed in, nothing answered"}


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
    assert row["attempts"] == "3" and json.loads(row["files"]) == [str(class_files[0]), str(copy)]


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


# -- the probe's findings (B1, B8, B9, 3f, 3i, 3j) ------------------------------------------


def _doc(attempts: list[dict], **top) -> dict:
    return {"format": "kzlessons-progress", "version": 1, "attempts": attempts, **top}


def _att(i, qid="l00-area", answer="2724900", correct=True, score=1.0, t=0, **extra) -> dict:
    return {"attempt_id": f"x{i}", "question_id": qid, "lesson": qid[1:3], "answer": answer, "correct": correct,
            "score": score, "time": f"2025-03-01T10:{t:02d}:00+00:00", **extra}


def _write(path: Path, doc: dict) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_anonymous_default_named_files_stay_apart(tmp_path, monkeypatch, capsys):
    """B1 (bug_anon_merge.sh): are three students' unnamed kzlessons-progress.json files three rows?"""
    files = []
    for student, answer in (("s1", "2700000"), ("s2", "5"), ("s3", "5")):
        monkeypatch.setenv("KZLESSONS_HOME", str(tmp_path / f"home-{student}"))
        kz.progress.record("l00-area", answer)
        files.append(_write(tmp_path / student / "kzlessons-progress.json", json.loads(kz.progress.export_bytes())))
    out = tmp_path / "grades.csv"
    assert gradebook_main([*map(str, files), "-o", str(out)]) == 0
    rows = _read(out)
    assert len(rows) == 3 and len({r["learner_id"] for r in rows}) == 3
    assert sorted(r["correct"] for r in rows) == ["0", "0", "1"]
    assert {r["files"] for r in rows} == {json.dumps([str(f)]) for f in files}


def test_v1_files_without_ids_are_keyed_by_content(tmp_path):
    """B1, R2-C16: are id-less files with one name in two folders kept apart, keyed by content, not by path?"""
    a = _write(tmp_path / "a" / "kzlessons-progress.json", _doc([_att(1)]))
    b = _write(tmp_path / "b" / "kzlessons-progress.json", _doc([_att(1, answer="5", correct=False, score=0)]))
    out = tmp_path / "grades.csv"
    assert gradebook_main([str(a), str(b), "-o", str(out)]) == 0
    ids = sorted(r["learner_id"] for r in _read(out))
    assert len(set(ids)) == 2 and all(i.startswith("file:") and str(tmp_path) not in i for i in ids)
    moved = tmp_path / "moved"
    moved.mkdir()
    (moved / "a.json").write_bytes(a.read_bytes())
    assert gradebook_main([str(moved / "a.json"), "-o", str(out)]) == 0
    assert _read(out)[0]["learner_id"] in ids  # the same key after moving the file


def test_made_up_questions_are_rejected_and_answers_regraded(tmp_path, capsys):
    """B8 (bug_gradebook_trust.sh): are unknown question ids left out (file and ids named), claims ignored, exit 1?"""
    fake = [_att(i, qid=f"l00-made-up-{i}", answer="anything") for i in range(50)]
    fake.append(_att(99, answer="not a number", correct=True, score=1.0))
    mallory = _write(tmp_path / "mallory.json", _doc(fake, learner="Mallory"))
    out = tmp_path / "trust.csv"
    assert gradebook_main([str(mallory), "-o", str(out)]) == 1
    (row,) = _read(out)
    assert (row["attempted"], row["correct"], row["first_try_correct"], row["regraded"]) == ("1", "0", "0", "1")
    assert row["questions"] == str(len(kz.quiz.ids("00")))
    captured = capsys.readouterr()
    err = captured.err
    assert "partly used" in err and "mallory.json" in err and "l00-made-up-0" in err and "50 attempt(s)" in err
    assert "0 file(s) rejected, 1 partly used" in captured.out
    assert "1 attempt(s) claimed a result that re-grading does not give" in err


def test_regrading_credits_a_right_answer_claimed_wrong(tmp_path):
    """Does re-grading also correct a right answer that the file claims was wrong (both directions)?"""
    path = _write(tmp_path / "x.json", _doc([_att(1, answer="2724900", correct=False, score=0.0)]))
    out = tmp_path / "g.csv"
    assert gradebook_main([str(path), "-o", str(out)]) == 0
    (row,) = _read(out)
    assert (row["correct"], row["mean_best_score"], row["regraded"]) == ("1", "1.0", "1")


def test_same_name_different_ids_are_flagged_and_kept_apart(tmp_path, capsys):
    """3i: are two learners both called Alex two rows, with a warning line, told apart by learner_id?"""
    one = _write(tmp_path / "alex1.json", _doc([_att(1)], learner="Alex", learner_id="a" * 32, version=2))
    two = _write(tmp_path / "alex2.json", _doc([_att(2, answer="5", correct=False, score=0)], learner="Alex",
                                                learner_id="b" * 32, version=2))
    out = tmp_path / "g.csv"
    assert gradebook_main([str(one), str(two), "-o", str(out)]) == 0
    rows = _read(out)
    assert [r["learner"] for r in rows] == ["Alex", "Alex"] and {r["learner_id"] for r in rows} == {"a" * 32, "b" * 32}
    err = capsys.readouterr().err
    assert "2 different learners are called 'Alex'" in err and "alex1.json" in err and "alex2.json" in err


def test_same_id_in_two_files_is_one_learner(tmp_path):
    """Is a learner who handed in two exports (same learner id) one row, attempts counted once?"""
    first = _write(tmp_path / "1.json", _doc([_att(1, answer="5", correct=False, score=0, t=0)], learner="Aigerim",
                                             learner_id="c" * 32, version=2))
    second = _write(tmp_path / "2.json", _doc([_att(1, answer="5", correct=False, score=0, t=0), _att(2, t=1)],
                                              learner="Aigerim", learner_id="c" * 32, version=2))
    out = tmp_path / "g.csv"
    assert gradebook_main([str(first), str(second), "-o", str(out)]) == 0
    (row,) = _read(out)
    assert (row["attempts"], row["first_try_correct"], row["correct"]) == ("2", "0", "1")


def test_shown_and_reset_events_are_not_attempts(tmp_path):
    """Are "shown"/"reset" rows never counted as attempts, and is a first try after "Show answer" not first-try correct?"""
    rows = [_att(1, qid="l00-what-check-does", answer=None, correct=True, score=1.0, t=0, kind="shown"),
            _att(2, qid="l00-what-check-does", answer="b", t=1),
            _att(3, answer=None, correct=True, score=1.0, t=2, kind="reset")]
    out = tmp_path / "g.csv"
    assert gradebook_main([str(_write(tmp_path / "e.json", _doc(rows))), "-o", str(out)]) == 0
    (row,) = _read(out)
    assert (row["attempted"], row["attempts"], row["correct"], row["first_try_correct"]) == ("1", "1", "1", "0")


def test_names_are_cleaned_and_formulas_defused(tmp_path):
    """3e/3f: are control, ANSI and bidi characters stripped and formula starts (also after spaces) defused?"""
    names = ["bad\x00name\x1b[31mRED\x1b[0m", "\u202eevil", " =1+1", "\u00a0+cmd", "\uff1dSUM(A1)", "@SUM(1)",
             "Bob\r=HYPERLINK(1)"]
    files = [_write(tmp_path / f"{i}.json", _doc([_att(i)], learner=n)) for i, n in enumerate(names)]
    out = tmp_path / "g.csv"
    assert gradebook_main([*map(str, files), "-o", str(out)]) == 0
    learners = sorted(r["learner"] for r in _read(out))
    assert learners == sorted(["badname[31mRED[0m", "evil", "'=1+1", "'+cmd", "'\uff1dSUM(A1)", "'@SUM(1)",
                               "Bob=HYPERLINK(1)"])
    text = out.read_text(encoding="utf-8")
    assert "\x1b" not in text and "\x00" not in text and "\u202e" not in text


@pytest.mark.parametrize("target, match", [
    ("{missing}/grades.csv", "does not exist"),
    ("{dir}", "it is a folder"),
])
def test_output_that_cannot_be_written_exits_2_with_a_sentence(tmp_path, capsys, target, match):
    """B9 (bug_gradebook_output.sh): does an unwritable -o give a sentence and exit 2 (not 1), and no traceback?"""
    path = _write(tmp_path / "m.json", _doc([_att(1)]))
    out = target.format(missing=tmp_path / "nonexistent", dir=tmp_path)
    assert gradebook_main([str(path), "-o", out]) == 2
    err = capsys.readouterr().err
    assert match in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.json"]


def test_output_never_overwrites_an_input(tmp_path, capsys):
    """3j: is -o naming an input file refused (exit 2) with the input left byte-for-byte intact?"""
    path = _write(tmp_path / "v2.json", _doc([_att(1)]))
    before = path.read_bytes()
    assert gradebook_main([str(path), "-o", str(path)]) == 2
    assert gradebook_main([str(path), "-o", str(tmp_path / "g.csv"), "--items", str(path)]) == 2
    assert path.read_bytes() == before and "not overwritten" in capsys.readouterr().err


def test_exit_codes_are_distinct(tmp_path, class_files):
    """Are the exit codes 0 (all used), 1 (some rejected, CSV written) and 2 (nothing written)?"""
    out = tmp_path / "codes.csv"
    assert gradebook_main([str(class_files[0]), "-o", str(out)]) == 0
    out.unlink()
    assert gradebook_main([str(class_files[0]), str(class_files[3]), "-o", str(out)]) == 1 and out.exists()
    out.unlink()
    assert gradebook_main([str(class_files[3]), "-o", str(out)]) == 2 and not out.exists()


# -- round 2: a class of hundreds (R2-C1 … C20) -----------------------------------------------


def test_a_learner_across_sessions_is_one_row_and_counted_once(tmp_path, monkeypatch):
    """R2-C1: weekly Binder sessions, each importing the last file, are one learner; items count her once."""
    files = []
    for week, (qid, answer) in enumerate([("l00-what-check-does", "a"), ("l00-area", "2724900"),
                                          ("l00-what-check-does", "b")], start=1):
        monkeypatch.setenv("KZLESSONS_HOME", str(tmp_path / f"session-{week}"))
        if files:
            kz.progress.load_file(files[-1])
        kz.progress.record(qid, answer)
        files.append(kz.progress.export(tmp_path / f"week{week}.json", name="Aigerim"))
    out, items = tmp_path / "g.csv", tmp_path / "i.csv"
    assert gradebook_main([*map(str, files), "-o", str(out), "--items", str(items)]) == 0
    (row,) = [r for r in _read(out) if r["lesson"] == "00"]
    assert (row["learner"], row["attempts"], row["first_try_correct"]) == ("Aigerim", "3", "1")
    assert len(json.loads(row["files"])) == 3
    item = {r["question_id"]: r for r in _read_all(items)}["l00-what-check-does"]
    assert (item["learners"], item["first_try_share"], item["mean_attempts"]) == ("1", "0.0", "2.0")


def test_store_order_not_the_clock_decides_the_first_try(tmp_path):
    """R2-C2: a wrong answer stored first but timed an hour later is still the first try."""
    rows = [_att(1, qid="l00-what-check-does", answer="a", correct=False, score=0, t=30),
            _att(2, qid="l00-what-check-does", answer="b", t=5)]
    out = tmp_path / "g.csv"
    assert gradebook_main([str(_write(tmp_path / "c.json", _doc(rows))), "-o", str(out)]) == 0
    (row,) = _read(out)
    assert (row["first_try_correct"], row["correct"], row["last_time"]) == ("0", "1", rows[1]["time"].replace(
        "+00:00", ".000000+00:00"))


def test_empty_hand_in_gets_rows_saying_so(tmp_path, capsys):
    """R2-C4: a file with no answers (or only Show answer) gets rows 'handed in, nothing answered', not silence."""
    empty = _write(tmp_path / "emil.json", _doc([], learner="Emil", learner_id="e" * 32, version=2))
    shown = _write(tmp_path / "sara.json", _doc([_att(1, qid="l00-what-check-does", answer=None, correct=False,
                                                       score=0, kind="shown")], learner="Sara"))
    out = tmp_path / "g.csv"
    assert gradebook_main([str(empty), str(shown), "-o", str(out)]) == 0
    rows = _read(out, answered=False)
    assert {r["learner"] for r in rows} == {"Emil", "Sara"}
    assert {r["status"] for r in rows} == {"handed in, nothing answered"}
    sara = next(r for r in rows if r["learner"] == "Sara" and r["lesson"] == "00")
    assert (sara["attempted"], sara["shown"], sara["score_share"]) == ("0", "1", "0.0")


def test_shown_counts_answers_revealed_before_a_right_answer(tmp_path):
    """R2-C10: does 'Show answer, then type it' show in the shown column, while 'correct' still counts it?"""
    rows = [_att(1, qid="l00-what-check-does", answer=None, correct=False, score=0, t=0, kind="shown"),
            _att(2, qid="l00-what-check-does", answer="b", t=1),
            _att(3, answer="5", correct=False, score=0, t=2), _att(4, t=3),
            _att(5, answer=None, correct=False, score=0, t=4, kind="shown")]  # shown after a right answer
    out = tmp_path / "g.csv"
    assert gradebook_main([str(_write(tmp_path / "n.json", _doc(rows))), "-o", str(out)]) == 0
    (row,) = _read(out)
    assert (row["correct"], row["first_try_correct"], row["shown"]) == ("2", "0", "1")


def test_roster_gives_every_learner_every_lesson(tmp_path, capsys):
    """Roster: one row per roster learner and lesson, 'not handed in' for the missing, strangers after it."""
    aigerim = _write(tmp_path / "sub" / "nuraigerim_1001_kzlessons-progress.json",
                     _doc([_att(1)], learner="Aika", learner_id="a" * 32, version=2))
    stranger = _write(tmp_path / "sub" / "zed_9999_kzlessons-progress.json",
                      _doc([_att(2)], learner="Zed", learner_id="f" * 32, version=2))
    roster = tmp_path / "roster.csv"
    roster.write_text("learner,match\nAigerim Nur,1001\nBolat,1002\n", encoding="utf-8")
    out = tmp_path / "g.csv"
    assert gradebook_main([str(aigerim), str(stranger), "--roster", str(roster), "-o", str(out)]) == 0
    rows = _read(out, answered=False)
    lessons = len({q[1:3] for q in kz.quiz.ids()})
    assert len(rows) == 3 * lessons
    assert [r["learner"] for r in rows[::lessons]] == ["Aigerim Nur", "Bolat", "Zed"]
    bolat = [r for r in rows if r["learner"] == "Bolat"]
    assert {r["status"] for r in bolat} == {"not handed in"} and {r["attempted"] for r in bolat} == {"0"}
    assert "zed_9999" in capsys.readouterr().err  # "match no roster row"


def test_roster_joins_two_stores_uploaded_under_one_login(tmp_path, capsys):
    """Dana used two computers without importing: the LMS file names put both under her roster row."""
    one = _write(tmp_path / "dana_1003_a.json", _doc([_att(1, answer="5", correct=False, score=0)],
                                                     learner="Dana", learner_id="a" * 32, version=2))
    two = _write(tmp_path / "dana_1003_b.json", _doc([_att(2)], learner="Dana", learner_id="b" * 32, version=2))
    roster = tmp_path / "roster.csv"
    roster.write_text("learner,match\nDana K,1003\n", encoding="utf-8")
    out = tmp_path / "g.csv"
    assert gradebook_main([str(one), str(two), "--roster", str(roster), "-o", str(out)]) == 0
    (row,) = _read(out)
    assert (row["learner"], row["attempts"]) == ("Dana K", "2") and " + " in row["learner_id"]
    assert "counted as one learner" in capsys.readouterr().err


def test_bad_roster_writes_nothing(tmp_path, capsys):
    """Is an unusable roster a sentence and exit 2, with nothing written?"""
    roster = tmp_path / "r.csv"
    roster.write_text("name\nA\n", encoding="utf-8")
    out = tmp_path / "g.csv"
    path = _write(tmp_path / "x.json", _doc([_att(1)]))
    assert gradebook_main([str(path), "--roster", str(roster), "-o", str(out)]) == 2
    assert not out.exists() and "'learner' column" in capsys.readouterr().err


def test_evidence_notes_for_future_times_and_unknown_kinds(tmp_path, capsys):
    """R2-C9, C18: are rows timed after the export, and rows of unknown kinds, noted (and the latter not counted)?"""
    rows = [_att(1, answer="5", correct=False, score=0, kind="note"), _att(2)]
    rows[1]["time"] = "9999-12-31T23:59:59+00:00"
    doc = _doc(rows, exported_at="2026-11-20T10:00:00+00:00")
    out = tmp_path / "g.csv"
    assert gradebook_main([str(_write(tmp_path / "x.json", doc)), "-o", str(out)]) == 0
    (row,) = _read(out)
    assert (row["attempts"], row["first_try_correct"]) == ("1", "1")
    err = capsys.readouterr().err
    assert "1 row of a kind this kzlessons does not know" in err and "timed after the file says it was exported" in err


def test_file_names_starting_with_a_dash_work(tmp_path, monkeypatch):
    """R2-C15: does `gradebook *.json` inside the folder work when a file is called -dash.json?"""
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "-dash.json", _doc([_att(1)]))
    _write(tmp_path / "b.json", _doc([_att(2, answer="5", correct=False, score=0)]))
    assert gradebook_main(["-dash.json", "b.json", "-o", "g.csv"]) == 0
    assert len(_read(tmp_path / "g.csv")) == 2
    assert gradebook_main(["-o", "h.csv", "--", "-dash.json"]) == 0


def test_help_defines_every_column(capsys):
    """R2-C11: does --help define every column of both files?"""
    from kzlessons.progress.gradebook import COLUMNS
    from kzlessons.progress.items import ITEM_COLUMNS

    assert gradebook_main(["--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    for name in [*COLUMNS, *ITEM_COLUMNS]:
        assert f" {name}: " in f" {text}", name


def _read_all(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_an_lms_zip_download_is_read_as_it_is(tmp_path, monkeypatch):
    """R2-C13: is a Canvas/Moodle bulk-download zip read member by member, with the roster matching folders?"""
    import zipfile

    archive = tmp_path / "submissions.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("Aigerim Nur_1001_assignsubmission_file_/kzlessons-progress.json",
                    json.dumps(_doc([_att(1)], learner="A", learner_id="a" * 32, version=2)))
        zf.writestr("Bolat S_1002_assignsubmission_file_/kzlessons-progress.json",
                    json.dumps(_doc([_att(2, answer="5", correct=False, score=0)], learner_id="b" * 32, version=2)))
        zf.writestr("Bolat S_1002_assignsubmission_file_/onlinetext.html", "<p>hi</p>")
    roster = tmp_path / "roster.csv"
    roster.write_text("learner\nAigerim Nur\nBolat S\n", encoding="utf-8")
    out = tmp_path / "g.csv"
    assert gradebook_main([str(archive), "--roster", str(roster), "-o", str(out)]) == 0
    rows = {r["learner"]: r for r in _read(out)}
    assert (rows["Aigerim Nur"]["correct"], rows["Bolat S"]["correct"]) == ("1", "0")
    assert json.loads(rows["Bolat S"]["files"]) == [f"{archive}:Bolat S_1002_assignsubmission_file_/kzlessons-progress.json"]


def test_utf16_and_bom_files(tmp_path, capsys):
    """R2-C12: is a UTF-8 file with a BOM used, and a UTF-16 one refused with a sentence saying to save as UTF-8?"""
    text = json.dumps(_doc([_att(1)]))
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    wide = tmp_path / "notepad.json"
    wide.write_bytes(text.encode("utf-16"))
    out = tmp_path / "g.csv"
    assert gradebook_main([str(bom), str(wide), "-o", str(out)]) == 1
    assert len(_read(out)) == 1
    err = capsys.readouterr().err
    assert "notepad.json" in err and "UTF-16" in err and "UTF-8" in err and "codec" not in err


def test_symlink_loop_and_special_outputs(tmp_path, capsys):
    """R2-C5, C6: is a link loop rejected with a sentence (CSV still written), and -o never replaces a FIFO?"""
    import os
    import stat

    good = _write(tmp_path / "good.json", _doc([_att(1)]))
    loop = tmp_path / "loop.json"
    loop.symlink_to(loop)
    out = tmp_path / "g.csv"
    assert gradebook_main([str(good), str(loop), "-o", str(out)]) == 1 and out.exists()
    assert "symbolic link loop" in capsys.readouterr().err
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    assert gradebook_main([str(good), "-o", str(fifo)]) == 2
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and "FIFO" in capsys.readouterr().err


def test_output_to_standard_output(tmp_path, capsysbinary):
    """Does -o - write the CSV to standard output (and the summary line to stderr)?"""
    good = _write(tmp_path / "good.json", _doc([_att(1)]))
    assert gradebook_main([str(good), "-o", "-"]) == 0
    captured = capsysbinary.readouterr()
    assert captured.out.startswith(b"learner,learner_id,files,lesson,status") and b"Wrote -" in captured.err
