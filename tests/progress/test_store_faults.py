"""Regression tests for the learner-data probe's store findings (kzlessons/progress/store.py).

Each test is built from one reproduction in ``shared/reviews/repro`` or one probe case
(B5, B6, B7, 1c, 1e, 1f, 1h, 1i, 1k, 1m, 2c).
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import pytest

import kzlessons as kz
from kzlessons.progress.store import UNFINISHED_NAME, Store, StoreError, StoreWarning, default_store


def _rows(path: Path) -> list[dict]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StoreWarning)
        return Store(path).read()


def _store_path(home: Path) -> Path:
    return home / "progress" / "attempts.jsonl"


def test_record_without_final_newline_is_kept(kz_home):
    """B7 (bug_no_newline.py): is a complete last record without its newline read, and kept by the next record?"""
    for _ in range(3):
        kz.progress.record("l00-area", "2700000")
    path = _store_path(kz_home)
    path.write_bytes(path.read_bytes().rstrip(b"\n"))
    assert len(kz.progress.attempts()) == 3
    kz.progress.record("l00-area", "1")
    assert len(kz.progress.attempts()) == 4
    assert path.read_bytes().count(b"\n") == 4 and not list(path.parent.glob("attempts.damaged-*"))


def test_unfinished_tail_is_moved_aside_not_deleted(tmp_path):
    """1c: are the bytes of a half-written last line kept in attempts.unfinished.txt when the next writer cuts them?"""
    store = Store(tmp_path / "attempts.jsonl")
    store.append([{"attempt_id": "a", "question_id": "l00-area", "lesson": "00", "answer": 1, "correct": False,
                   "score": 0.0, "time": "2025-01-01T00:00:00+00:00"}])
    with open(store.path, "ab") as handle:
        handle.write(b'{"attempt_id": "half-writ')
    store.append([{"attempt_id": "b", "question_id": "l00-area", "lesson": "00", "answer": 2, "correct": False,
                   "score": 0.0, "time": "2025-01-01T00:00:01+00:00"}])
    assert [r["attempt_id"] for r in Store(store.path).read()] == ["a", "b"]
    assert (tmp_path / UNFINISHED_NAME).read_bytes() == b'{"attempt_id": "half-writ\n'


def test_deeply_nested_line_is_set_aside_and_the_rest_kept(kz_home):
    """B6 (bug_deep_line.py): is a 100,000-deep line set aside with a warning while every reader keeps working?"""
    kz.progress.record("l00-area", "2700000")
    path = _store_path(kz_home)
    with open(path, "a") as handle:
        handle.write("[" * 100_000 + "]" * 100_000 + "\n")
    with pytest.warns(StoreWarning, match="damaged"):
        assert len(kz.progress.attempts()) == 1
    assert len(kz.progress.summary()) == 1 and json.loads(kz.progress.export_bytes())["attempts"]
    (aside,) = path.parent.glob("attempts.damaged-*.jsonl")
    assert aside.stat().st_size > 200_000


@pytest.mark.parametrize("edit", [
    lambda row: row.update(time="not a time"),
    lambda row: row.update(time="2025-03-01T10:00:00"),
    lambda row: row.update(score=7),
    lambda row: row.update(question_id="zz"),
    lambda row: row.update(attempt_id="../../etc"),
], ids=["bad-time", "naive-time", "score-7", "qid-zz", "bad-id"])
def test_hand_edited_row_is_set_aside_so_export_reimports(kz_home, tmp_path, monkeypatch, edit):
    """1e/1f (B4): is a hand-edited row the import would refuse set aside, so that attempts() works and the export re-imports?"""
    kz.progress.record("l00-area", "1")
    kz.progress.record("l00-area", "2724900")
    path = _store_path(kz_home)
    lines = path.read_text().splitlines()
    row = json.loads(lines[0])
    edit(row)
    path.write_text(json.dumps(row) + "\n" + lines[1] + "\n")
    with pytest.warns(StoreWarning, match="damaged"):
        assert len(kz.progress.attempts()) == 1
    exported = kz.progress.export(tmp_path / "me.json")
    monkeypatch.setenv("KZLESSONS_HOME", str(tmp_path / "elsewhere"))
    assert kz.progress.load_file(exported).added == 1


def test_nan_score_is_set_aside_and_export_works(kz_home):
    """1f: does a NaN score written by hand no longer break export() and download on every call?"""
    kz.progress.record("l00-area", "1")
    path = _store_path(kz_home)
    path.write_text(path.read_text().replace('"score":0.0', '"score":NaN'))
    with pytest.warns(StoreWarning, match="damaged"):
        data = json.loads(kz.progress.export_bytes())
    assert data["attempts"] == []


_FSIZE_CHILD = textwrap.dedent("""
    import resource, sys, warnings
    resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))
    import kzlessons as kz
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        n = len(kz.progress.attempts())
    print(n, "|".join(str(w.message) for w in caught))
""")


def _child(code: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "KZLESSONS_HOME": str(home)}
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)


def test_setting_aside_on_a_full_disk_never_leaves_no_store(kz_home):
    """B5 (bug_setaside_fsize.sh): if the replacement cannot be written, is the store still there and whole?"""
    for _ in range(20):
        kz.progress.record("l00-what-check-does", "b")
    path = _store_path(kz_home)
    with open(path, "a") as handle:
        handle.write("one damaged line\n")
    before = path.read_bytes()
    child = _child(_FSIZE_CHILD, kz_home)
    assert child.returncode == 0, child.stderr
    count, message = child.stdout.strip().split(" ", 1)
    assert count == "20" and "could not be set aside" in message
    assert "Free some disk space on the disk that holds" in message and "writable" not in message  # R2-C17
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["attempts.jsonl", "attempts.jsonl.lock"]
    with pytest.warns(StoreWarning, match="damaged"):
        assert len(kz.progress.attempts()) == 20  # disk fine again: set aside now
    assert len(json.loads(kz.progress.export_bytes())["attempts"]) == 20


def test_append_is_all_or_nothing(tmp_path, monkeypatch):
    """1m: when the disk refuses the middle of an append, is the file cut back to what it was?"""
    store = Store(tmp_path / "attempts.jsonl")
    row = {"attempt_id": "a", "question_id": "l00-area", "lesson": "00", "answer": 1, "correct": False,
           "score": 0.0, "time": "2025-01-01T00:00:00+00:00"}
    store.append([row])
    before = store.path.read_bytes()
    import kzlessons.progress.store as store_module

    real_write, calls = os.write, []

    def half_then_full(fd, data):
        calls.append(1)
        if len(calls) == 1:
            return real_write(fd, bytes(data[: len(data) // 2]))
        raise OSError(errno.EFBIG, "File too large")

    monkeypatch.setattr(store_module.os, "write", half_then_full)
    with pytest.raises(OSError):
        store.append([{**row, "attempt_id": f"n{i}"} for i in range(20)])
    monkeypatch.undo()
    assert store.path.read_bytes() == before


def test_failed_record_says_so_as_data(kz_home, monkeypatch):
    """B2 (library side): does record() return saved=False with a sentence when the write fails?"""
    import kzlessons.progress.store as store_module

    def refuse(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_module.os, "write", refuse)
    with pytest.warns(StoreWarning, match="could not be saved"):
        result = kz.progress.record("l00-what-check-does", "b")
    assert result.correct and not result.saved
    assert result.problem.startswith("Your answer was checked but could not be saved (No space left on device).")
    assert "Free some disk space" in result.problem and "writable" not in result.problem  # R2-C17
    monkeypatch.undo()
    assert kz.progress.attempt_count("l00-what-check-does") == 0


_RECORD_FSIZE_CHILD = textwrap.dedent("""
    import resource, warnings
    resource.setrlimit(resource.RLIMIT_FSIZE, (1, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
    import kzlessons as kz
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = kz.progress.record("l00-what-check-does", "b")
    print(result.correct, result.saved)
    print(result.problem)
    print("|".join(str(w.message) for w in caught))
""")


def test_record_on_a_full_disk_advises_freeing_space(kz_home):
    """R2-C17 under RLIMIT_FSIZE (as `ulimit -f`): does record() still grade, and say to free disk space
    (in its problem and its warning) instead of checking that the folder is writable?"""
    child = _child(_RECORD_FSIZE_CHILD, kz_home)
    assert child.returncode == 0, child.stderr
    verdict, problem, warned = child.stdout.rstrip("\n").split("\n")
    assert verdict == "True False"
    assert problem == ("Your answer was checked but could not be saved (File too large). "
                       f"Free some disk space on the disk that holds {kz_home}.")
    assert warned == problem
    assert kz.progress.attempt_count("l00-what-check-does") == 0


@pytest.mark.parametrize("damage", ["store-is-dir", "lock-is-dir", "home-is-file"])
def test_readers_give_a_sentence_not_a_bare_os_error(kz_home, damage):
    """1h: do attempts/summary/export/attempt_count raise StoreError with a sentence naming the path?"""
    kz.progress.record("l00-area", "1")
    path = _store_path(kz_home)
    if damage == "store-is-dir":
        path.unlink()
        path.mkdir()
    elif damage == "lock-is-dir":
        lock = path.with_name(path.name + ".lock")
        lock.unlink()
        lock.mkdir()
        path.write_bytes(path.read_bytes() + b"x\n")  # new content, so the cache is not used
    else:
        import shutil

        shutil.rmtree(kz_home)
        kz_home.write_text("a file")
    for reader in (kz.progress.attempts, kz.progress.summary, kz.progress.export_bytes,
                   lambda: kz.progress.attempt_count("l00-area"), lambda: kz.progress.last_attempt("l00-area")):
        with pytest.raises(StoreError, match=r"Your progress could not be read \(.*\)\. Check that"):
            reader()
    with pytest.warns(StoreWarning, match="could not be saved"):
        result = kz.progress.record("l00-area", "2724900")
    assert result.correct and not result.saved


def test_reader_works_with_a_read_only_lock_file(kz_home, monkeypatch):
    """1i: can a reader that may not open the lock file for writing still read (it locks read-only)?"""
    kz.progress.record("l00-area", "1")
    real_open = open
    import builtins

    def no_append(file, mode="r", *args, **kwargs):
        if str(file).endswith(".lock") and "a" in mode:
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", no_append)
    default_store()._cache_key = None
    assert len(kz.progress.attempts()) == 1


def test_concurrent_exports_to_one_path_never_fail(kz_home, tmp_path):
    """2c: do three processes exporting to the same file at once all succeed, leaving one valid file and no temp files?"""
    kz.progress.record("l00-area", "1")
    target = tmp_path / "same.json"
    code = textwrap.dedent(f"""
        import kzlessons as kz
        for _ in range(40):
            kz.progress.export({str(target)!r})
    """)
    env = {**os.environ, "KZLESSONS_HOME": str(kz_home)}
    procs = [subprocess.Popen([sys.executable, "-c", code], env=env, stderr=subprocess.PIPE) for _ in range(3)]
    errors = [p.communicate(timeout=300)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], errors
    assert len(json.loads(target.read_bytes())["attempts"]) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kzhome", "same.json"]


def test_unmovable_damage_is_reported_once_per_change(kz_home, monkeypatch):
    """1i: when damage cannot be set aside (a read-only folder), is it said once, not on every read?"""
    kz.progress.record("l00-area", "1")
    path = _store_path(kz_home)
    with open(path, "a") as handle:
        handle.write("damaged\n")
    import kzlessons.progress.store as store_module

    def no_temp(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(store_module.tempfile, "mkstemp", no_temp)
    with pytest.warns(StoreWarning, match="could not be set aside"):
        assert kz.progress.attempt_count("l00-area") == 1
    with warnings.catch_warnings():
        warnings.simplefilter("error", StoreWarning)
        assert kz.progress.attempt_count("l00-area") == 1 and len(kz.progress.attempts()) == 1
