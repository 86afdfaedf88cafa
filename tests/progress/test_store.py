"""Tests for kzlessons/progress/store.py and the record/attempts/summary API."""

from __future__ import annotations

import errno
import json
import os

import pytest

import kzlessons as kz
from kzlessons.progress.store import Store, StoreWarning, default_store


def _row(i: int, **changes) -> dict:
    row = {"attempt_id": f"id{i:04d}", "question_id": "l00-area", "lesson": "00", "answer": i,
           "correct": False, "score": 0.0, "time": f"2025-01-01T00:00:{i % 60:02d}+00:00"}
    return {**row, **changes}


def test_store_lives_under_kzlessons_home(kz_home):
    """Is the store written under $KZLESSONS_HOME/progress/?"""
    kz.progress.record("l00-area", 1)
    assert (kz_home / "progress" / "attempts.jsonl").is_file()
    assert default_store().path.parent == kz_home / "progress"


def test_record_returns_the_check_result_and_stores_every_field(kz_home):
    """Does record() return the same Result as check() and store id, lesson, answer, correctness, score and time?"""
    result = kz.progress.record("l00-first-steps", ["c", "b", "d", "a"])
    assert result.result == kz.quiz.get("l00-first-steps").check(["c", "b", "d", "a"])
    assert result.saved and result.problem is None
    (row,) = default_store().read()
    assert row["question_id"] == "l00-first-steps" and row["lesson"] == "00"
    assert row["answer"] == ["c", "b", "d", "a"] and row["correct"] is False
    assert row["score"] == pytest.approx(5 / 6, abs=1e-4) and row["time"].endswith("+00:00")
    assert len(row["attempt_id"]) == 32


@pytest.mark.parametrize("answer", [None, float("nan"), float("inf"), "x" * 100_000, {"a": [1, 2]}, object(), "ünï🇰🇿"])
def test_record_accepts_any_answer(kz_home, answer):
    """Does record() store any answer (NaN, huge strings, objects, unicode) as JSON-safe data without raising?"""
    result = kz.progress.record("l00-area", answer)
    assert not result.correct and result.feedback
    line = (kz_home / "progress" / "attempts.jsonl").read_text(encoding="utf-8")
    assert len(line) < 5_000 and json.loads(line)["question_id"] == "l00-area"


def test_attempts_has_one_row_per_attempt(kz_home):
    """Does attempts() return one row per attempt, oldest first, with the documented columns and types?"""
    kz.progress.record("l00-area", "1")
    kz.progress.record("l00-area", "2724900")
    frame = kz.progress.attempts()
    assert list(frame.columns) == ["attempt_id", "time", "lesson", "question_id", "answer", "correct", "score"]
    assert frame["correct"].tolist() == [False, True] and str(frame["time"].dt.tz) == "UTC"
    assert frame["answer"].tolist() == ["1", "2724900"]


def test_attempts_is_empty_but_shaped_without_a_store(kz_home):
    """Does attempts() on a fresh home return an empty frame with the same columns?"""
    frame = kz.progress.attempts()
    assert frame.empty and "question_id" in frame.columns
    assert kz.progress.summary().empty and kz.progress.summary(by="lesson").empty


def test_summary_per_question_and_per_lesson(kz_home):
    """Does summary() give attempts, first-try correct and best score per question, and a per-lesson table?"""
    kz.progress.record("l00-area", "1")
    kz.progress.record("l00-area", "2724900")
    kz.progress.record("l00-what-check-does", "b")
    kz.progress.record("l00-first-steps", ["c", "b", "d", "a"])
    per_q = kz.progress.summary().set_index("question_id")
    assert per_q.loc["l00-area", ["attempts", "first_try_correct", "best_score"]].tolist() == [2, False, 1.0]
    assert per_q.loc["l00-what-check-does", "first_try_correct"]
    assert per_q.loc["l00-first-steps", "best_score"] == pytest.approx(0.8333)
    (lesson,) = kz.progress.summary(by="lesson").to_dict("records")
    assert lesson["questions"] == len(kz.quiz.ids("00"))
    assert (lesson["attempted"], lesson["correct"], lesson["first_try_correct"], lesson["attempts"]) == (3, 2, 1, 4)
    with pytest.raises(ValueError, match="question"):
        kz.progress.summary(by="week")


def test_last_attempt_is_the_newest(kz_home):
    """Does last_attempt() return the most recent attempt at that question only?"""
    kz.progress.record("l00-area", "1")
    kz.progress.record("l00-what-check-does", "a")
    kz.progress.record("l00-area", "2")
    assert kz.progress.last_attempt("l00-area")["answer"] == "2"
    assert kz.progress.last_attempt("l00-first-steps") is None


def test_unterminated_tail_is_ignored_then_cut(tmp_path):
    """Is a half-written last line (a killed writer) ignored by readers and removed by the next writer?"""
    store = Store(tmp_path / "a.jsonl")
    store.append([_row(1)])
    with open(store.path, "ab") as handle:
        handle.write(b'{"attempt_id": "half')
    assert [r["attempt_id"] for r in Store(store.path).read()] == ["id0001"]
    store.append([_row(2)])
    assert [r["attempt_id"] for r in Store(store.path).read()] == ["id0001", "id0002"]
    assert store.path.read_bytes().count(b"\n") == 2


def test_damaged_store_is_set_aside_not_overwritten(tmp_path):
    """Is a damaged store renamed (bytes intact) with a warning, and a new one started with the readable attempts?"""
    store = Store(tmp_path / "attempts.jsonl")
    store.append([_row(1), _row(2)])
    damaged = store.path.read_bytes().replace(b"\n", b"\nGARBAGE \xff\xfe\n", 1)
    store.path.write_bytes(damaged)
    with pytest.warns(StoreWarning, match="damaged"):
        rows = Store(store.path).read()
    assert [r["attempt_id"] for r in rows] == ["id0001", "id0002"]
    (aside,) = tmp_path.glob("attempts.damaged-*.jsonl")
    assert aside.read_bytes() == damaged
    Store(store.path).append([_row(3)])
    assert [r["attempt_id"] for r in Store(store.path).read()] == ["id0001", "id0002", "id0003"]


def test_wrong_shaped_line_counts_as_damage(tmp_path):
    """Is a valid JSON line that is not an attempt (missing fields) treated as damage too?"""
    store = Store(tmp_path / "attempts.jsonl")
    store.append([_row(1)])
    with open(store.path, "ab") as handle:
        handle.write(b'{"attempt_id": 5}\n')
    with pytest.warns(StoreWarning):
        assert len(Store(store.path).read()) == 1


def test_record_still_answers_when_the_store_cannot_be_written(kz_home):
    """Does record() still return feedback, with a warning, when the home folder is not writable?"""
    kz_home.parent.mkdir(parents=True, exist_ok=True)
    kz_home.write_text("a file where the folder should be")
    with pytest.warns(StoreWarning, match="could not be saved"):
        result = kz.progress.record("l00-what-check-does", "b")
    assert result.correct and not result.saved
    assert "could not be saved" in result.problem and str(kz_home) in result.problem


def test_learner_name_is_optional(kz_home):
    """Is there no learner name by default, and can a chosen one be set and forgotten?"""
    assert kz.progress.learner() is None
    assert kz.progress.set_learner("  Aigerim\x00 ") == "Aigerim"
    assert kz.progress.learner() == "Aigerim"
    kz.progress.set_learner(None)
    assert kz.progress.learner() is None


def test_append_new_skips_known_ids(tmp_path):
    """Does append_new() add only attempts whose ids are not stored yet?"""
    store = Store(tmp_path / "a.jsonl")
    store.append([_row(1)])
    assert store.append_new([_row(1), _row(2), _row(2)]) == (1, 2)
    assert len(store.read()) == 2


@pytest.mark.parametrize("code", ["ENOSPC", "EFBIG", "EDQUOT"])
def test_advice_for_no_room_is_to_free_disk_space(code):
    """R2-C17: does a write that ran out of room (disk full, file too large, quota) advise freeing disk
    space, also through a StoreError that wraps it, and never 'check that … is writable'?"""
    from kzlessons.progress.store import StoreError, advice, is_full

    number = getattr(errno, code, None)
    if number is None:
        pytest.skip(f"no {code} on this system")
    for error in (OSError(number, os.strerror(number)), StoreError("a sentence", OSError(number, "x"))):
        assert is_full(error)
        assert advice(error, "/me/.kzlessons") == "Free some disk space on the disk that holds /me/.kzlessons."
        assert advice(error, "/x", "Choose another folder.").startswith("Free some disk space")


@pytest.mark.parametrize("code", ["EACCES", "EPERM", "EROFS", "ENOTDIR"])
def test_advice_for_other_write_errors_is_to_check_the_folder(code):
    """R2-C17: does any other failed write keep the permission advice (or the caller's own sentence)?"""
    from kzlessons.progress.store import advice, is_full

    error = OSError(getattr(errno, code), os.strerror(getattr(errno, code)))
    assert not is_full(error) and not is_full(ValueError("not an OS error"))
    assert advice(error, "/home/me/.kzlessons") == "Check that /home/me/.kzlessons is writable."
    assert advice(error, "/x", "Choose another folder.") == "Choose another folder."


def test_export_to_a_full_disk_advises_freeing_space(kz_home, tmp_path, refuse_writes):
    """R2-C17: does export() on a full disk say to free disk space rather than to choose a writable folder?"""
    import kzlessons.progress as progress
    from kzlessons.progress.store import StoreError

    refuse_writes(progress, "atomic_write")
    with pytest.raises(StoreError, match=r"\(No space left on device\)\. Free some disk space on the disk that holds"):
        kz.progress.export(tmp_path / "me.json")


def test_export_with_a_name_puts_it_in_the_file_and_remembers_it(kz_home, tmp_path):
    """R2-C3: does export(path, name=...) clean the name, cut it to 80 characters, put it into the file and
    remember it, while export_bytes(name=...) only puts it into the file ("" for none)?"""
    kz.progress.set_learner("Old name")
    assert json.loads(kz.progress.export_bytes(name=" Ali\u202ece\x1b "))["learner"] == "Alice"
    assert json.loads(kz.progress.export_bytes(name=""))["learner"] is None
    assert json.loads(kz.progress.export_bytes())["learner"] == "Old name"
    assert kz.progress.learner() == "Old name"
    path = kz.progress.export(tmp_path / "me.json", name="x" * 100)
    assert json.loads(path.read_text())["learner"] == "x" * 80 and kz.progress.learner() == "x" * 80


def test_export_with_a_name_that_cannot_be_remembered_still_writes(kz_home, tmp_path, refuse_writes):
    """R2-C3: when the name cannot be remembered (a full disk), is the file written with it anyway, and does
    a StoreWarning say so with the full-disk advice?"""
    import kzlessons.progress.identity as identity

    kz.progress.record("l00-area", 1)
    refuse_writes(identity, "atomic_write")
    with pytest.warns(StoreWarning, match=r"could not be remembered for next time \(No space left on device\)\. "
                                          r"Free some disk space"):
        path = kz.progress.export(tmp_path / "me.json", name="Aigerim")
    assert json.loads(path.read_text())["learner"] == "Aigerim" and kz.progress.learner() is None
