"""Tests for kzlessons/progress/exchange.py: versioned export, validated import, merge without duplicates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import kzlessons as kz
from kzlessons.progress.exchange import MAX_BYTES, VERSION, ImportRefused


def _store_bytes(home: Path) -> bytes:
    path = home / "progress" / "attempts.jsonl"
    return path.read_bytes() if path.exists() else b""


@pytest.fixture
def exported(kz_home, tmp_path) -> Path:
    """An export of three attempts made in one home."""
    kz.progress.record("l00-area", "1")
    kz.progress.record("l00-area", "2724900")
    kz.progress.record("l00-what-check-does", "b")
    return kz.progress.export(tmp_path / "me.json")


def test_export_is_versioned_json_without_personal_data(exported):
    """Is the export JSON with format, version, attempts and no name unless one was chosen?"""
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["format"] == "kzlessons-progress" and data["version"] == VERSION
    assert data["learner"] is None and len(data["attempts"]) == 3
    assert set(data) == {"format", "version", "exported_at", "kzlessons_version", "learner", "learner_id",
                         "imported_learner_ids", "attempts"}
    assert data["imported_learner_ids"] == []
    assert len(data["learner_id"]) == 32 and data["learner_id"] == kz.progress.learner_id()
    assert set(data["attempts"][0]) == {"attempt_id", "question_id", "lesson", "answer", "correct", "score", "time"}


def test_import_into_a_new_home_restores_everything(exported, tmp_path, monkeypatch):
    """Does importing the export into an empty home bring back every attempt?"""
    before = kz.progress.attempts()
    monkeypatch.setenv("KZLESSONS_HOME", str(tmp_path / "other"))
    report = kz.progress.load_file(exported)
    assert (report.added, report.duplicates) == (3, 0)
    after = kz.progress.attempts()
    assert after["attempt_id"].tolist() == before["attempt_id"].tolist()


def test_import_twice_adds_nothing_the_second_time(exported, kz_home):
    """Does importing the same file again (or into the home it came from) add no duplicates?"""
    report = kz.progress.load_file(exported)
    assert (report.added, report.duplicates) == (0, 3)
    assert len(kz.progress.attempts()) == 3


def test_import_merges_new_attempts(exported, kz_home, tmp_path, monkeypatch):
    """Does importing another home's file add only its new attempts to the current ones?"""
    monkeypatch.setenv("KZLESSONS_HOME", str(tmp_path / "laptop"))
    kz.progress.record("l00-first-steps", ["b", "c", "d", "a"])
    kz.progress.load_file(exported)
    assert len(kz.progress.attempts()) == 4
    second = kz.progress.export(tmp_path / "laptop.json")
    monkeypatch.setenv("KZLESSONS_HOME", str(kz_home))
    report = kz.progress.load_file(second)
    assert (report.added, report.duplicates) == (1, 3) and len(kz.progress.attempts()) == 4


def _refused(path: Path, home: Path, match: str) -> None:
    before = _store_bytes(home)
    with pytest.raises(ImportRefused, match=match):
        kz.progress.load_file(path)
    assert _store_bytes(home) == before


def test_non_json_file_is_refused_and_store_untouched(exported, kz_home, tmp_path):
    """Is a non-JSON file refused with a clear message, leaving the store byte-for-byte unchanged?"""
    bad = tmp_path / "notes.json"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n not json")
    _refused(bad, kz_home, "'notes.json' is not UTF-8 text")
    bad.write_bytes(b"{ not json }")
    _refused(bad, kz_home, "not valid JSON")


@pytest.mark.parametrize("mutate, match", [
    (lambda d: d.pop("attempts"), "does not match"),
    (lambda d: d.update(format="something-else"), "not a kzlessons progress file"),
    (lambda d: d["attempts"][0].update(score=7), "attempts/0/score"),
    (lambda d: d["attempts"][1].update(question_id="x"), "attempts/1/question_id"),
    (lambda d: d["attempts"][0].update(time="yesterday"), "attempts/0, the time 'yesterday' is not a date and time with a time zone"),
    (lambda d: d["attempts"][0].update(lesson="05"), "names lesson"),
    (lambda d: d["attempts"][0].update(kind="<script>"), "attempts/0/kind"),
    (lambda d: d.update(learner_id="not-hex"), "learner_id"),
    (lambda d: d.update(version="1"), "format version"),
])
def test_wrong_schema_is_refused_and_store_untouched(exported, kz_home, tmp_path, mutate, match):
    """Is a file with the wrong shape refused (naming where) with the store unchanged, even if only one attempt is bad?"""
    data = json.loads(exported.read_text(encoding="utf-8"))
    mutate(data)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    _refused(bad, kz_home, match)


def test_nan_in_json_is_refused(exported, kz_home, tmp_path):
    """Is a file using NaN (not standard JSON) refused?"""
    text = exported.read_text(encoding="utf-8").replace('"score":0.0', '"score":NaN', 1)
    bad = tmp_path / "nan.json"
    assert "NaN" in text
    bad.write_text(text, encoding="utf-8")
    _refused(bad, kz_home, "not valid JSON")


def test_oversized_file_is_refused_and_store_untouched(exported, kz_home, tmp_path):
    """Is a file over the size limit refused before it is read, with the store unchanged?"""
    big = tmp_path / "big.json"
    with open(big, "wb") as handle:
        handle.write(b" " * (MAX_BYTES + 1))
    _refused(big, kz_home, "progress files are at most 20 MB")


def test_future_version_is_refused_and_store_untouched(exported, kz_home, tmp_path):
    """Is a file from a newer kzlessons (a higher version) refused with advice to upgrade?"""
    data = json.loads(exported.read_text(encoding="utf-8"))
    data["version"] = VERSION + 1
    future = tmp_path / "future.json"
    future.write_text(json.dumps(data), encoding="utf-8")
    _refused(future, kz_home, "newer kzlessons.*pip install -U kzlessons")


def test_missing_file_is_refused(kz_home, tmp_path):
    """Is a path that does not exist refused with ImportRefused (not a bare OSError)?"""
    _refused(tmp_path / "nope.json", kz_home, "cannot be read")


def test_export_contains_chosen_name(kz_home, tmp_path):
    """Does an export carry the learner's self-chosen name once set?"""
    kz.progress.set_learner("Student 7")
    kz.progress.record("l00-area", "1")
    data = json.loads(kz.progress.export(tmp_path / "x.json").read_text(encoding="utf-8"))
    assert data["learner"] == "Student 7"


def test_import_report_reads_as_a_sentence(exported, kz_home):
    """Does the import report say what happened in words?"""
    assert str(kz.progress.load_file(exported)) == "Imported 0 new attempt(s); 3 were already stored."


# -- one learner across sessions (R2-C1, R2-C8) ----------------------------------------------------


def test_import_into_a_fresh_store_carries_on_as_the_same_learner(exported, tmp_path, monkeypatch):
    """R2-C1: does a new session that loads its file before answering take over the file's learner id and name?"""
    old = json.loads(exported.read_text(encoding="utf-8"))
    kz.progress.set_learner("Aigerim")
    named = kz.progress.export(tmp_path / "named.json")
    monkeypatch.setenv("KZLESSONS_HOME", str(tmp_path / "new-session"))
    kz.progress.learner_id()  # e.g. an empty download was made first: the new id is replaced, and remembered
    first = kz.progress.learner_id()
    report = kz.progress.load_file(named)
    assert report.continued and not report.other_learner and "same learner" in str(report)
    assert kz.progress.learner_id() == old["learner_id"] and kz.progress.learner() == "Aigerim"
    kz.progress.record("l00-area", "5")
    again = json.loads(kz.progress.export_bytes())
    assert again["learner_id"] == old["learner_id"] and again["imported_learner_ids"] == [first]


def test_import_into_a_store_with_answers_records_the_other_learner(exported, tmp_path, monkeypatch):
    """R2-C8: does importing another learner's file into a used store keep its id, say so, and carry the link?"""
    theirs = json.loads(exported.read_text(encoding="utf-8"))["learner_id"]
    monkeypatch.setenv("KZLESSONS_HOME", str(tmp_path / "ivan"))
    kz.progress.record("l00-area", "7")
    mine = kz.progress.learner_id()
    report = kz.progress.load_file(exported)
    assert report.other_learner and not report.continued and "another learner's" in str(report)
    data = json.loads(kz.progress.export_bytes())
    assert data["learner_id"] == mine and data["imported_learner_ids"] == [theirs]
    kz.progress.load_file(exported)  # twice: remembered once
    assert json.loads(kz.progress.export_bytes())["imported_learner_ids"] == [theirs]


def test_reimporting_ones_own_file_changes_nothing(exported, kz_home):
    """Is loading one's own export back (same id) neither a continuation nor another learner?"""
    report = kz.progress.load_file(exported)
    assert not report.continued and not report.other_learner
    assert json.loads(kz.progress.export_bytes())["imported_learner_ids"] == []
