"""Tests for kzlessons/progress/intake.py: files, folders and LMS zip downloads as the gradebook's inputs.

R2-C5 (shared/reviews/repro2/bug_symlink_loop.py): a symlink loop among the inputs is a rejection with a sentence,
never a traceback. R2-C13: a Canvas/Moodle bulk download (.zip) and a submissions folder are read as they are.
"""

from __future__ import annotations

import io
import json
import os
import socket
import stat
import struct
import time
import zipfile
from pathlib import Path

import pytest

from kzlessons.progress import exchange, intake
from kzlessons.progress.exchange import ImportRefused
from kzlessons.progress.intake import expand, read_all

ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
LID = "0123456789abcdef" * 2


def _export(learner: str = "Ana", **top) -> bytes:
    return json.dumps({"format": "kzlessons-progress", "version": 3, "learner": learner, "learner_id": LID,
                       "imported_learner_ids": [], "attempts": [
                           {"attempt_id": "a1", "question_id": "l00-area", "lesson": "00", "answer": "1",
                            "correct": False, "score": 0, "time": "2025-03-01T10:00:00+00:00"}], **top}).encode()


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _patch(raw: bytes, name: str, central: dict[int, tuple[str, int]], local: dict[int, tuple[str, int]] = {}) -> bytes:
    """``raw`` with fields of member ``name``'s central-directory entry (and local header) set: {offset: (fmt, value)}."""
    data = bytearray(raw)
    for signature, fields, name_at in ((b"PK\x01\x02", central, 46), (b"PK\x03\x04", local, 30)):
        at = 0
        while (at := data.find(signature, at)) >= 0:
            size = struct.unpack_from("<H", data, at + name_at - (18 if name_at == 46 else 4))[0]
            if bytes(data[at + name_at:at + name_at + size]) == name.encode():
                for offset, (fmt, value) in fields.items():
                    struct.pack_into(fmt, data, at + offset, value)
            at += 4
    return bytes(data)


def _labels(found) -> list[str]:
    return [s.label for s in found.sources]


def _rejected(found) -> dict[str, str]:
    return dict(found.rejected)


# -- files and folders ------------------------------------------------------------------------------------------

def test_regular_file_is_one_lazy_source(tmp_path):
    """Is a file one source, labelled by its path, named by its file name, read only when asked?"""
    path = tmp_path / "ana.json"
    path.write_bytes(_export())
    found = expand([str(path)])
    assert _labels(found) == [str(path)] and found.rejected == [] and found.notes == []
    source = found.sources[0]
    assert source.name == "ana.json" and source.key.startswith("file:")
    path.write_bytes(_export("Ana B."))  # read when asked, not when expanded
    assert source.load()["learner"] == "Ana B."
    path.write_bytes(b"")
    with pytest.raises(ImportRefused, match="'ana.json' is empty"):
        source.load()


def test_folder_gives_its_json_and_zip_files_sorted_not_recursive(tmp_path):
    """Does a folder give its .json (any case) and .zip files by name, skip the rest, and note its sub-folders?"""
    sub = tmp_path / "sub"
    sub.mkdir()
    for name in ("b.json", "a.JSON", "notes.txt", "grades.csv"):
        (sub / name).write_bytes(_export())
    (sub / "c.zip").write_bytes(_zip({"x/c.json": _export()}))
    (sub / "deeper").mkdir()
    (sub / "deeper" / "d.json").write_bytes(_export())
    found = expand([str(sub)])
    assert _labels(found) == [f"{sub}/a.JSON", f"{sub}/b.json", f"{sub}/c.zip:x/c.json"]
    assert found.notes == [f"{sub}: 1 sub-folder not searched (deeper); only the .json and .zip files directly in a "
                           "folder are read. Give sub-folders separately if they hold progress files."]


def test_folder_without_progress_files_is_noted(tmp_path):
    """Is a folder with no .json or .zip file said in a note (not silently nothing)?"""
    (tmp_path / "readme.txt").write_text("x")
    found = expand([str(tmp_path)])
    assert found.sources == [] and found.rejected == []
    assert found.notes == [f"{tmp_path} is a folder with no .json or .zip files; nothing was read from it."]


@pytest.mark.skipif(ROOT, reason="root may read any folder")
def test_unreadable_folder_is_rejected(tmp_path):
    """Is a folder that cannot be listed rejected with a sentence?"""
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o000)
    try:
        assert "is a folder that cannot be read (Permission denied)" in _rejected(expand([str(locked)]))[str(locked)]
    finally:
        locked.chmod(0o700)


# -- what cannot be read: R2-C5's loop, dangling links, FIFOs, devices, sockets -------------------------------------

def test_symlink_loops_are_rejected_with_a_sentence(tmp_path):
    """R2-C5: are a link to itself and a two-link loop rejected (given directly or found in a folder), the rest read?"""
    good = tmp_path / "good.json"
    good.write_bytes(_export())
    loop = tmp_path / "loop.json"
    loop.symlink_to(loop)  # as in bug_symlink_loop.py
    (tmp_path / "ping.json").symlink_to("pong.json")
    (tmp_path / "pong.json").symlink_to("ping.json")
    sentence = ("'loop.json' is a symbolic link loop (a link that leads back to itself); remove it, or give the "
                "file it should point to.")
    found = expand([str(good), str(loop)])
    assert _labels(found) == [str(good)] and found.rejected == [(str(loop), sentence)]
    in_folder = expand([str(tmp_path)])
    assert _labels(in_folder) == [str(good)]
    assert _rejected(in_folder) == {str(loop): sentence, **{
        str(tmp_path / n): f"'{n}' is a symbolic link loop (a link that leads back to itself); remove it, or give "
                           "the file it should point to." for n in ("ping.json", "pong.json")}}


def test_read_all_with_a_symlink_loop_yields_the_good_file(tmp_path):
    """R2-C5 end to end through read_all: one document, one rejection, no exception."""
    good = tmp_path / "good.json"
    good.write_bytes(_export())
    loop = tmp_path / "loop.json"
    loop.symlink_to(loop)
    documents, rejected, notes = read_all([str(good), str(loop)])
    assert [(label, data["learner"]) for label, data, _ in documents] == [(str(good), "Ana")]
    assert [label for label, _ in rejected] == [str(loop)] and notes == []


def test_dangling_link_fifo_device_socket_and_missing_file_are_rejected(tmp_path, monkeypatch):
    """Are a dangling link, a FIFO, a device, a socket and a missing path rejected at once, each in a sentence?"""
    monkeypatch.chdir(tmp_path)
    Path("dangling.json").symlink_to("gone.json")
    os.mkfifo("fifo.json")
    Path("null.json").symlink_to("/dev/null")
    server = socket.socket(socket.AF_UNIX)
    server.bind("sock.json")
    try:
        started = time.monotonic()
        found = expand(["dangling.json", "fifo.json", "null.json", "sock.json", "nope.json", "a\0b.json"])
        assert time.monotonic() - started < 5  # nothing was opened, so nothing blocked
    finally:
        server.close()
    assert found.sources == [] and _rejected(found) == {
        "dangling.json": "'dangling.json' is a symbolic link to 'gone.json', which does not exist; give the file itself.",
        "fifo.json": "'fifo.json' is a pipe (FIFO), not a progress file; give the path of an exported .json file.",
        "null.json": "'null.json' is a device, not a progress file; give the path of an exported .json file.",
        "sock.json": "'sock.json' is a socket, not a progress file; give the path of an exported .json file.",
        "nope.json": "'nope.json' cannot be read (No such file or directory). Check the file name and that you may "
                     "read it.",
        "a\0b.json": "'a\0b.json' is not a usable file name.",
    }


# -- the same file twice ----------------------------------------------------------------------------------------

def test_same_file_given_twice_is_read_once_with_a_note(tmp_path, monkeypatch):
    """Is one file given twice (same path, a link, a hard link, directly and in its folder) read once, with notes?"""
    monkeypatch.chdir(tmp_path)
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "a.json").write_bytes(_export())
    (tmp_path / "link.json").symlink_to("sub/a.json")
    os.link(sub / "a.json", tmp_path / "hard.json")
    found = expand(["sub/a.json", "sub/a.json", "link.json", "hard.json", "sub", str(sub)])
    assert _labels(found) == ["sub/a.json"] and found.rejected == []
    assert found.notes == [
        "sub/a.json was given twice; it is read once.",
        "link.json is the same file as sub/a.json; it is read once.",
        "hard.json is the same file as sub/a.json; it is read once.",
        "sub/a.json was given twice; it is read once.",          # the folder's own entry
        f"{sub} is the same folder as sub; it is read once.",
    ]


def test_same_archive_twice_and_archive_in_its_folder(tmp_path):
    """Is an archive given twice, or directly and in its folder, read once?"""
    archive = tmp_path / "canvas.zip"
    archive.write_bytes(_zip({"a.json": _export()}))
    found = expand([str(archive), str(tmp_path), str(archive)])
    assert _labels(found) == [f"{archive}:a.json"]
    assert found.notes == [f"{archive} was given twice; it is read once."] * 2


# -- zip archives -------------------------------------------------------------------------------------------------

def test_lms_zip_members_in_sub_folders_are_read_and_others_skipped(tmp_path):
    """R2-C13: are .json members in sub-folders read (BOM too), feedback files, macOS copies and nested zips noted?"""
    archive = tmp_path / "submissions.zip"
    archive.write_bytes(_zip({
        "Ana_1001/": b"",
        "Ana_1001/kzlessons-progress.json": _export("Ana"),
        "Bek_1002/attempt 2/progress.JSON": b"\xef\xbb\xbf" + _export("Bek"),
        "Ana_1001/feedback.html": b"<p>ok</p>",
        "Bek_1002/comments.txt": b"hi",
        "__MACOSX/Ana_1001/._kzlessons-progress.json": b"\x00\x05\x16\x07",
        "old/earlier.zip": _zip({"x.json": _export()}),
    }))
    found = expand([str(archive)])
    assert _labels(found) == [f"{archive}:Ana_1001/kzlessons-progress.json", f"{archive}:Bek_1002/attempt 2/progress.JSON"]
    assert [s.name for s in found.sources] == ["submissions.zip:Ana_1001/kzlessons-progress.json",
                                               "submissions.zip:Bek_1002/attempt 2/progress.JSON"]
    assert [s.load()["learner"] for s in found.sources] == ["Ana", "Bek"]
    assert found.rejected == [] and found.notes == [
        f"{archive}: 2 files that are not .json (Ana_1001/feedback.html, …) and 1 macOS metadata file "
        "(__MACOSX, ._*) were skipped.",
        f"{archive}: 1 zip archive inside it was not opened (old/earlier.zip); unzip {archive} and give them "
        "separately.",
    ]


def test_member_names_in_cp437_and_utf8(tmp_path):
    """Are member names read as UTF-8 when flagged, as UTF-8 when they are (unflagged), else as CP437?"""
    raw = _zip({"Айгерим/a.json": _export(), "MXller/b.json": _export(), "Y" * 14 + "/c.json": _export()})
    raw = raw.replace(b"MXller", "Müller".encode("cp437")).replace(b"Y" * 14, "Данияр".encode("utf-8") + b"YY")
    archive = tmp_path / "names.zip"
    archive.write_bytes(raw)
    found = expand([str(archive)])
    assert [s.label.split(":", 1)[1] for s in found.sources] == ["Айгерим/a.json", "Müller/b.json", "ДаниярYY/c.json"]
    assert all(s.load()["learner"] == "Ana" for s in found.sources)


def test_oversize_member_by_its_header_is_rejected_without_reading(tmp_path, monkeypatch):
    """Is a member whose header says it is over MAX_BYTES rejected by name, the others read?"""
    monkeypatch.setattr(exchange, "MAX_BYTES", 2_000)
    archive = tmp_path / "big.zip"
    archive.write_bytes(_zip({"big.json": b" " * 5_000, "ok.json": _export()}))
    found = expand([str(archive)])
    assert _labels(found) == [f"{archive}:ok.json"]
    assert found.rejected == [(f"{archive}:big.json", "'big.zip:big.json' is 0.0 MB; progress files are at most "
                                                      "0.0 MB. Check that the archive holds the right files.")]


@pytest.mark.parametrize("method", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_lying_header_is_caught_when_read(tmp_path, monkeypatch, method):
    """A member whose header says 500 bytes but holds 5,000 (a zip bomb's trick): refused when read, never more read?"""
    monkeypatch.setattr(exchange, "MAX_BYTES", 2_000)
    raw = _patch(_zip({"liar.json": b" " * 4_990 + b"[]", "ok.json": _export()}, method), "liar.json",
                 central={24: ("<I", 500)}, local={22: ("<I", 500)})
    archive = tmp_path / "liar.zip"
    archive.write_bytes(raw)
    found = expand([str(archive)])
    assert found.rejected == []  # the header looks fine
    liar, ok = found.sources
    with pytest.raises(ImportRefused, match=r"'liar.zip:liar.json' could not be read from the archive \(.*CRC.*\); "
                                            "the archive may be damaged"):
        liar.read()
    assert ok.load()["learner"] == "Ana"


def test_read_is_capped_whatever_the_header_says(tmp_path, monkeypatch):
    """Is a member's read capped at MAX_BYTES even when its header was accepted (the last line of defence)?"""
    archive = tmp_path / "a.zip"
    archive.write_bytes(_zip({"a.json": b" " * 5_000}))
    (source,) = expand([str(archive)]).sources
    monkeypatch.setattr(exchange, "MAX_BYTES", 2_000)
    with pytest.raises(ImportRefused, match="'a.zip:a.json' is larger than 0.0 MB, though the archive says it is smaller"):
        source.read()


def test_encrypted_member_is_rejected(tmp_path):
    """Is a member with the encrypted flag rejected with a sentence about the password?"""
    raw = _patch(_zip({"secret.json": _export(), "ok.json": _export()}), "secret.json",
                 central={8: ("<H", 0x1)}, local={6: ("<H", 0x1)})
    archive = tmp_path / "locked.zip"
    archive.write_bytes(raw)
    found = expand([str(archive)])
    assert _labels(found) == [f"{archive}:ok.json"]
    assert found.rejected == [(f"{archive}:secret.json", "'locked.zip:secret.json' is encrypted (the archive has a "
                                                         "password); unzip it with the password and give the .json files.")]


def test_unsupported_compression_is_a_sentence(tmp_path):
    """A member packed with a method Python cannot unpack: a sentence when read, not a NotImplementedError?"""
    raw = _patch(_zip({"odd.json": _export()}), "odd.json", central={10: ("<H", 99)}, local={8: ("<H", 99)})
    archive = tmp_path / "odd.zip"
    archive.write_bytes(raw)
    (source,) = expand([str(archive)]).sources
    with pytest.raises(ImportRefused, match="'odd.zip:odd.json' could not be read from the archive"):
        source.read()


def test_archive_limits(tmp_path, monkeypatch):
    """Is an archive with too many entries, or too many bytes of .json files, refused whole with a sentence?"""
    archive = tmp_path / "many.zip"
    archive.write_bytes(_zip({f"{i}.json": _export() for i in range(5)}))
    monkeypatch.setattr(intake, "MAX_MEMBERS", 4)
    assert _rejected(expand([str(archive)])) == {str(archive): (
        "'many.zip' holds 5 files, more than the 4 the gradebook reads from one archive; unzip it and give its "
        "folders separately.")}
    monkeypatch.setattr(intake, "MAX_MEMBERS", 20_000)
    monkeypatch.setattr(intake, "MAX_TOTAL_BYTES", 4 * len(_export()))
    found = expand([str(archive)])
    assert found.sources == [] and "GB of .json files, more than the 0 GB" in _rejected(found)[str(archive)]


@pytest.mark.parametrize("content", [b"not a zip at all", b"PK\x03\x04" + b"\x00" * 10, b""])
def test_damaged_or_fake_zip_is_rejected(tmp_path, content):
    """Is a file named .zip that is not a readable archive rejected with a sentence?"""
    archive = tmp_path / "fake.zip"
    archive.write_bytes(content)
    found = expand([str(archive)])
    assert found.sources == []
    assert _rejected(found)[str(archive)].startswith("'fake.zip' is not a zip archive that can be read (")
    assert _rejected(found)[str(archive)].endswith("download it again, or unzip it and give the .json files.")


def test_archive_without_json_is_noted(tmp_path):
    """Is an archive with no .json member said in a note?"""
    archive = tmp_path / "feedback.zip"
    archive.write_bytes(_zip({"a.html": b"x"}))
    assert expand([str(archive)]).notes == [
        f"{archive} has no .json files inside; nothing was read from it.",
        f"{archive}: 1 file that is not .json (a.html) was skipped."]


def test_archive_replaced_after_listing_is_refused(tmp_path):
    """If the archive is replaced between listing and reading, is that refused rather than reading another file?"""
    archive = tmp_path / "a.zip"
    archive.write_bytes(_zip({"a.json": _export()}))
    (source,) = expand([str(archive)]).sources
    replacement = tmp_path / "b.zip"
    replacement.write_bytes(_zip({"a.json": _export("Mallory")}))
    replacement.replace(archive)
    with pytest.raises(ImportRefused, match="'a.zip' changed while the gradebook was reading it"):
        source.read()


def _open_files() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc")
def test_archives_are_read_one_at_a_time_and_closed(tmp_path):
    """Are members read archive by archive with one archive open at a time, and closed after the last member?"""
    for name in ("a", "b"):
        raw = _zip({**{f"{name}{i}.json": _export(f"{name}{i}") for i in range(3)}, "locked.json": _export()})
        (tmp_path / f"{name}.zip").write_bytes(_patch(raw, "locked.json", central={8: ("<H", 0x1)}))
    before = _open_files()
    found = expand([str(tmp_path)])
    assert _open_files() == before and len(found.rejected) == 2  # listing closed them; the locked members refused
    names = []
    for source in found.sources:
        names.append(source.load()["learner"])
        assert _open_files() <= before + 1
    assert names == ["a0", "a1", "a2", "b0", "b1", "b2"] and _open_files() == before
    assert found.sources[1].load()["learner"] == "a1" and _open_files() == before  # read again: opened, closed


def test_read_all_reads_each_source_and_rejects_bad_ones(tmp_path):
    """Does read_all yield (label, export, bytes) and turn unreadable or invalid sources into rejections?"""
    archive = tmp_path / "class.zip"
    archive.write_bytes(_zip({"ana.json": _export(), "broken.json": b"{", "utf16.json": _export().decode().encode("utf-16")}))
    renamed = tmp_path / "renamed.json"
    renamed.write_bytes(_zip({"x.json": _export()}))
    documents, rejected, notes = read_all([str(archive), str(renamed)])
    assert rejected == []  # nothing read yet
    got = [(label, data["learner"], raw == _export()) for label, data, raw in documents]
    assert got == [(f"{archive}:ana.json", "Ana", True)]
    assert dict(rejected) == {
        f"{archive}:broken.json": "'class.zip:broken.json' is not a kzlessons progress file (not valid JSON: "
                                  "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)).",
        f"{archive}:utf16.json": "'class.zip:utf16.json' was saved as UTF-16 text (Windows Notepad's 'Unicode'); "
                                 "open it and save it as UTF-8, or export it again.",
        str(renamed): "'renamed.json' is a zip archive, not a progress file; unzip it and give the .json file(s) inside.",
    } and notes == []


def test_a_source_reads_regular_files_only_even_if_swapped(tmp_path):
    """If a listed file is swapped for a FIFO before it is read, is it refused without blocking?"""
    path = tmp_path / "a.json"
    path.write_bytes(_export())
    (source,) = expand([str(path)]).sources
    path.unlink()
    os.mkfifo(path)
    with pytest.raises(ImportRefused, match="'a.json' is a pipe"):
        source.read()
    assert stat.S_ISFIFO(os.lstat(path).st_mode)
