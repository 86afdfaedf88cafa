"""Regression tests for the learner-data probe's import/export findings (kzlessons/progress/exchange.py).

Built from ``shared/reviews/repro`` (bug_weektime.py, bug_huge_number.py) and probe cases 3a–3d, 3k, 1m, 5d.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import kzlessons as kz
from kzlessons.progress import exchange
from kzlessons.progress.exchange import ExportRefused, ImportRefused
from kzlessons.progress.store import StoreError


def _doc(attempts: list[dict], **top) -> dict:
    return {"format": "kzlessons-progress", "version": 1, "attempts": attempts, **top}


def _attempt(i: int = 1, **changes) -> dict:
    return {"attempt_id": f"w{i}", "question_id": "l00-area", "lesson": "00", "answer": "1", "correct": False,
            "score": 0, "time": "2025-03-01T10:00:00+00:00", **changes}


def _store_bytes(home: Path) -> bytes:
    path = home / "progress" / "attempts.jsonl"
    return path.read_bytes() if path.exists() else b""


@pytest.mark.parametrize("time", ["2025-W09-6T10:00:00+00:00", "2025-03-01T10:00:00,5+00:00"])
def test_times_accepted_on_import_are_readable_after(kz_home, tmp_path, time):
    """B4 (bug_weektime.py): is a time the import accepts one attempts() can read, on every call?"""
    path = tmp_path / "week.json"
    path.write_text(json.dumps(_doc([_attempt(time=time)])))
    assert kz.progress.load_file(path).added == 1
    for _ in range(2):
        frame = kz.progress.attempts()
        assert str(frame["time"][0]).startswith("2025-03-01 10:00:00")
    assert kz.progress.last_attempt("l00-area")["time"].startswith("2025-03-01T10:00:00")


def test_overflowing_number_is_refused_as_import_refused(kz_home, tmp_path):
    """B10 (bug_huge_number.py): is "answer": 1e99999 refused with ImportRefused and the store unchanged?"""
    path = tmp_path / "inf.json"
    path.write_text('{"format":"kzlessons-progress","version":1,"attempts":[{"attempt_id":"i1","question_id":'
                    '"l00-area","lesson":"00","answer":1e99999,"correct":true,"score":1,'
                    '"time":"2025-03-01T10:00:00+00:00"}]}')
    with pytest.raises(ImportRefused, match="too large"):
        kz.progress.load_file(path)
    assert _store_bytes(kz_home) == b""


def test_fifo_is_refused_without_blocking(kz_home, tmp_path):
    """3d: is a FIFO refused at once (no open that waits for a writer), by the import and the gradebook?"""
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    code = textwrap.dedent(f"""
        import kzlessons as kz
        try:
            kz.progress.load_file({str(fifo)!r})
        except kz.progress.ImportRefused as error:
            print("refused:", error)
        raise SystemExit(kz.progress.gradebook_main([{str(fifo)!r}, "-o", {str(tmp_path / 'g.csv')!r}]))
    """)
    child = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                           env={**os.environ, "KZLESSONS_HOME": str(kz_home)})
    assert "refused: 'fifo.json' is a pipe (FIFO), not a progress file" in child.stdout
    assert child.returncode == 2 and "pipe (FIFO)" in child.stderr


@pytest.mark.parametrize("special, kind", [("/dev/null", "a device"), ("/dev/zero", "a device")])
def test_devices_and_folders_are_refused(kz_home, tmp_path, special, kind):
    """3a/3d: are devices and folders refused with a sentence saying what they are?"""
    with pytest.raises(ImportRefused, match=kind):
        kz.progress.load_file(special)
    with pytest.raises(ImportRefused, match="a folder"):
        kz.progress.load_file(tmp_path)


def test_failed_import_adds_nothing(kz_home, tmp_path, monkeypatch):
    """1m: when the disk fills during an import of 20 attempts, is nothing added and a sentence given?"""
    kz.progress.record("l00-area", "1")
    before = _store_bytes(kz_home)
    path = tmp_path / "twenty.json"
    path.write_text(json.dumps(_doc([_attempt(i) for i in range(20)])))
    import kzlessons.progress.store as store_module

    real_write, calls = os.write, []

    def fill_up(fd, data):
        calls.append(1)
        if len(calls) == 1:
            return real_write(fd, bytes(data[:300]))
        raise OSError(errno.EFBIG, "File too large")

    monkeypatch.setattr(store_module.os, "write", fill_up)
    with pytest.raises(StoreError, match=r"Nothing was imported.*File too large"):
        kz.progress.load_file(path)
    monkeypatch.undo()
    assert _store_bytes(kz_home) == before
    assert kz.progress.load_file(path).added == 20  # and a retry adds them all


def test_version_1_files_still_import_and_extra_fields_travel(kz_home, tmp_path, monkeypatch):
    """Does a v1 file without learner_id import, and does an optional field (kind) survive export and re-import?"""
    path = tmp_path / "v1.json"
    path.write_text(json.dumps(_doc([_attempt(1), _attempt(2, kind="shown", note={"any": "thing"})])))
    assert kz.progress.load_file(path).added == 2
    assert kz.progress.attempt_count("l00-area") == 1  # the "shown" event is not an attempt
    data = json.loads(kz.progress.export_bytes())
    assert data["version"] == 2 and len(data["learner_id"]) == 32
    assert data["attempts"][1]["kind"] == "shown" and data["attempts"][1]["note"] == {"any": "thing"}
    again = tmp_path / "again.json"
    again.write_bytes(kz.progress.export_bytes())
    monkeypatch.setenv("KZLESSONS_HOME", str(tmp_path / "other"))
    assert kz.progress.load_file(again).added == 2


def test_an_export_always_reimports_or_is_refused_first(kz_home, tmp_path, monkeypatch):
    """3k: is an export compact (one attempt per line) and never larger than what load_file accepts?"""
    rows = [_attempt(i, answer="x" * 1000) for i in range(40)]
    path = tmp_path / "near-limit.json"
    path.write_text(json.dumps(_doc(rows)))
    monkeypatch.setattr(exchange, "MAX_BYTES", path.stat().st_size + 10)
    assert kz.progress.load_file(path).added == 40
    exported = kz.progress.export(tmp_path / "re.json")
    assert exported.stat().st_size <= exchange.MAX_BYTES
    assert exported.read_text().count("\n") == 42
    monkeypatch.setattr(exchange, "MAX_BYTES", 5_000)
    with pytest.raises(ExportRefused, match="MB a progress file may have, so no file was written"):
        kz.progress.export(tmp_path / "too-big.json")
    assert not (tmp_path / "too-big.json").exists()


@pytest.mark.parametrize("target, error, match", [
    ("", ValueError, "needs a file name"),
    (".", StoreError, "is a folder; give a file name inside it"),
    ("no/such/folder/x.json", StoreError, "does not exist"),
])
def test_export_targets_get_sentences(kz_home, tmp_path, monkeypatch, target, error, match):
    """5d: do export(""), a folder and a missing folder give sentences, leaving no temporary file?"""
    monkeypatch.chdir(tmp_path)
    kz.progress.record("l00-area", "1")
    with pytest.raises(error, match=match):
        kz.progress.export(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kzhome"]


def test_learner_names_lose_control_and_bidi_characters(kz_home, tmp_path):
    """3f: are control, ANSI and bidi characters stripped from a name on import and by set_learner?"""
    path = tmp_path / "n.json"
    path.write_text(json.dumps(_doc([_attempt()], learner="bad\x00name\x1b[31mRED\u202e\u200b")))
    assert kz.progress.load_file(path).learner == "badname[31mRED"
    assert kz.progress.set_learner("Ai\u2066gerim\u2069\n") == "Aigerim"


def test_byte_order_mark_is_accepted(kz_home, tmp_path):
    """3a: is a file saved with a UTF-8 byte-order mark (Windows Notepad) imported?"""
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(_doc([_attempt()])).encode())
    assert kz.progress.load_file(path).added == 1
