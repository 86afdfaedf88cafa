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
    assert data["version"] == exchange.VERSION and len(data["learner_id"]) == 32
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


# -- format version 3: imported_learner_ids --------------------------------------------------------------------

_LID, _OTHER = "0123456789abcdef" * 2, "fedcba9876543210" * 2


def test_version_3_carries_imported_learner_ids_and_reads_back():
    """Does an export list the imported learner ids (valid ones, once each, at most 1000) and read back?"""
    raw = exchange.export_bytes([_attempt()], "Ana", _LID, [_OTHER, "not-an-id", _OTHER.upper(), _OTHER])
    data = exchange.parse_export(raw, "v3.json")
    assert data["version"] == 3 and data["imported_learner_ids"] == [_OTHER]
    many = [f"{i:032x}" for i in range(exchange.MAX_IMPORTED_IDS + 5)]
    built = exchange.build_export([], None, None, iter(many))
    assert built["imported_learner_ids"] == many[:exchange.MAX_IMPORTED_IDS]
    assert exchange.validate_export(json.loads(json.dumps(built))) == built
    assert exchange.build_export([], None)["imported_learner_ids"] == []


@pytest.mark.parametrize("version, changes", [
    (3, {"learner_id": _LID}),                                   # the field is optional in version 3
    (3, {"learner_id": None, "imported_learner_ids": []}),
    (2, {"learner_id": _LID}),                                   # version 2 files still read
    (2, {"learner_id": None}),
    (1, {}),
])
def test_older_and_minimal_files_still_read(version, changes):
    """Do version-1, -2 and minimal version-3 files still validate?"""
    data = _doc([_attempt()], version=version, **changes)
    assert exchange.parse_export(json.dumps(data).encode(), "old.json")["version"] == version


@pytest.mark.parametrize("version, changes, match", [
    (1, {"imported_learner_ids": []}, "format version 1 but has imported_learner_ids"),
    (2, {"imported_learner_ids": [_OTHER]}, "format version 2 but has imported_learner_ids, which came with version 3"),
    (1, {"learner_id": _LID}, "format version 1 but has learner_id"),
    (3, {"imported_learner_ids": [_OTHER.upper()]}, "at imported_learner_ids/0: .* does not match"),
    (3, {"imported_learner_ids": _OTHER}, "at imported_learner_ids: .* is not a list"),
    (3, {"imported_learner_ids": [_OTHER] * 1001}, "the list has 1,001 items, more than 1,000"),
    (4, {}, "newer kzlessons .*versions up to 3"),
])
def test_hand_edited_version_fields_are_refused(version, changes, match):
    """Is a field an older version never wrote (or a malformed id list) refused as hand-edited?"""
    raw = json.dumps(_doc([_attempt()], version=version, **changes)).encode()
    with pytest.raises(ImportRefused, match=match):
        exchange.parse_export(raw, "edited.json")


# -- R2-C12, R2-C13: encodings and archives given as a progress file -------------------------------------------

_TEXT = json.dumps(_doc([_attempt()]))


@pytest.mark.parametrize("raw, match", [
    (_TEXT.encode("utf-16"), r"'x\.json' was saved as UTF-16 text \(Windows Notepad's 'Unicode'\); open it and "
                             r"save it as UTF-8, or export it again\.$"),
    (_TEXT.encode("utf-16-be"), "was saved as UTF-16 text"),                # no byte-order mark
    (_TEXT.encode("utf-16-le"), "was saved as UTF-16 text"),
    (b"\xfe\xff" + _TEXT.encode("utf-16-be"), "was saved as UTF-16 text"),
    (_TEXT.encode("utf-32"), "was saved as UTF-32 text; open it and save it as UTF-8"),
    (_TEXT.encode("utf-32-be"), "was saved as UTF-32 text"),
    (_TEXT.encode("utf-32-le"), "was saved as UTF-32 text"),
    (b"\xef\xbb\xbf" + _TEXT.encode("utf-16-le"), "was saved as UTF-16 text"),
    (b"PK\x03\x04\x14\x00" + b"\x00" * 40, r"is a zip archive, not a progress file; unzip it and give the \.json"),
    (b"PK\x05\x06" + b"\x00" * 18, "is a zip archive"),                   # an empty zip
    (b"\x1f\x8b\x08\x00" + b"\x00" * 20, r"is a gzip-compressed file, not a progress file; decompress it"),
    (json.dumps(_doc([_attempt()], learner="Айгерим"), ensure_ascii=False).encode("cp1251"), r"is not UTF-8 text \(the byte 0xc0 at position \d+ cannot "
                                                      r"be read; .*Windows-1251\)\. If you edited it, save it as UTF-8"),
    (b"", r"'x\.json' is empty, not a progress file; export your progress again\."),
    (b" \r\n", "is empty"),
    (b"\x00" * 100, "holds only zero bytes"),
])
def test_encodings_and_archives_are_named(raw, match):
    """R2-C12/C13: are UTF-16/32, other encodings, zip and gzip refused with what they are and what to do?"""
    with pytest.raises(ImportRefused, match=match):
        exchange.parse_export(raw, "x.json")


def test_utf8_with_bom_and_crlf_is_read(tmp_path):
    """Is UTF-8 with a byte-order mark and Windows line ends read, as a file and as bytes?"""
    raw = b"\xef\xbb\xbf" + json.dumps(_doc([_attempt()], learner="Айгерим"), indent=1).replace("\n", "\r\n").encode()
    assert exchange.parse_export(raw, "bom.json")["learner"] == "Айгерим"
    path = tmp_path / "bom.json"
    path.write_bytes(raw)
    assert exchange.read_bytes(path) == raw and exchange.read_export(path)["learner"] == "Айгерим"


def test_zip_named_json_is_refused_on_import(kz_home, tmp_path):
    """R2-C13: is a zip archive renamed .json refused by load_file with a sentence, the store unchanged?"""
    import zipfile

    path = tmp_path / "progress.json"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("progress.json", _TEXT)
    with pytest.raises(ImportRefused, match="'progress.json' is a zip archive"):
        kz.progress.load_file(path)
    assert _store_bytes(kz_home) == b""


def test_parse_export_limits_size_and_names_what_it_was_given(monkeypatch):
    """Are bytes over MAX_BYTES refused (as for files), naming the label given, e.g. an archive member?"""
    monkeypatch.setattr(exchange, "MAX_BYTES", 100)
    with pytest.raises(ImportRefused, match=r"'a\.zip:sub/x\.json' is 0\.0 MB; progress files are at most"):
        exchange.parse_export(b" " * 101, "a.zip:sub/x.json")
