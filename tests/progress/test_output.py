"""Tests for kzlessons/progress/output.py: ``-o``/``--items`` write where they point and never replace a special file.

R2-C6 (shared/reviews/repro2/bug_output_replaces_special.py): a FIFO and, as root, a private ``mknod`` copy of
the null device must keep their kind. The real /dev is never written to in these tests, except /dev/null as a
user who cannot replace it.
"""

from __future__ import annotations

import errno
import os
import socket
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from kzlessons.progress import output
from kzlessons.progress.output import same_file, write_output

ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
root_only = pytest.mark.skipif(not ROOT, reason="mknod needs root")


def _kind(path: Path) -> int:
    return stat.S_IFMT(os.lstat(path).st_mode)


def _leftovers(*folders: Path) -> list[str]:
    return [p.name for folder in folders for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_new_name_is_written(tmp_path):
    """Is a new name written whole, as a 0644 file, with no temporary file left?"""
    target = tmp_path / "grades.csv"
    assert write_output(str(target), b"a,b\n") is None
    assert target.read_bytes() == b"a,b\n" and stat.S_IMODE(target.stat().st_mode) == 0o644
    assert _leftovers(tmp_path) == []


def test_existing_file_is_replaced_keeping_its_permissions(tmp_path):
    """Is an existing file replaced atomically (a new inode), keeping its permission bits?"""
    target = tmp_path / "grades.csv"
    target.write_bytes(b"old")
    target.chmod(0o600)
    before = target.stat().st_ino
    assert write_output(str(target), b"new") is None
    assert target.read_bytes() == b"new" and stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.stat().st_ino != before and _leftovers(tmp_path) == []


def test_symlink_is_written_through_to_its_target(tmp_path):
    """R2-C6: is a link into a shared folder kept, and the shared file it names updated (mode kept)?"""
    shared, mine = tmp_path / "shared", tmp_path / "mine"
    shared.mkdir()
    mine.mkdir()
    target = shared / "grades.csv"
    target.write_bytes(b"old")
    target.chmod(0o664)
    link = mine / "grades-link.csv"
    link.symlink_to(os.path.relpath(target, mine))
    assert write_output(str(link), b"new") is None
    assert _kind(link) == stat.S_IFLNK and target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o664 and _leftovers(shared, mine) == []


def test_chain_of_links_and_dangling_link(tmp_path):
    """Is a chain of links followed to the file, and a dangling link's file made (as a shell's > would)?"""
    (tmp_path / "real.csv").write_bytes(b"old")
    (tmp_path / "one").symlink_to("real.csv")
    (tmp_path / "two").symlink_to("one")
    assert write_output(str(tmp_path / "two"), b"new") is None
    assert (tmp_path / "real.csv").read_bytes() == b"new" and _kind(tmp_path / "two") == stat.S_IFLNK
    (tmp_path / "dangling").symlink_to("made.csv")
    assert write_output(str(tmp_path / "dangling"), b"x") is None
    assert (tmp_path / "made.csv").read_bytes() == b"x" and _kind(tmp_path / "dangling") == stat.S_IFLNK
    (tmp_path / "nowhere").symlink_to("missing/made.csv")
    problem = write_output(str(tmp_path / "nowhere"), b"x")
    assert "the file " in problem and "missing does not exist. Create it, or choose another place." in problem


def test_symlink_loop_gets_a_sentence(tmp_path):
    """R2-C5's loop as an output: a sentence, no traceback, the link left as it was?"""
    loop = tmp_path / "loop.csv"
    loop.symlink_to(loop)
    problem = write_output(str(loop), b"x")
    assert problem == (f"Could not write {loop}: it is a symbolic link loop (a link that leads back to itself). "
                       "Remove it, or give another file name.")
    assert _kind(loop) == stat.S_IFLNK


@pytest.mark.parametrize("make, name, expected", [
    (lambda t: t.joinpath("sub").mkdir(), "sub", "it is a folder. Give a file name inside it, e.g. {t}/sub/grades.csv."),
    (lambda t: None, "missing/grades.csv", "the folder {t}/missing does not exist. Create it, or choose another place."),
    (lambda t: None, "newdir/", "the folder {t}/newdir/ does not exist"),
    (lambda t: t.joinpath("file").write_bytes(b""), "file/grades.csv", "is a file, not a folder"),
    (lambda t: t.joinpath("sub").mkdir() or t.joinpath("to-sub").symlink_to("sub"), "to-sub",
     "it is a folder"),
])
def test_folders_and_missing_folders_get_sentences(tmp_path, make, name, expected):
    """Are a folder (also through a link), a missing folder and a file used as a folder refused in a sentence?"""
    make(tmp_path)
    problem = write_output(f"{tmp_path}/{name}", b"x")
    assert problem.startswith(f"Could not write {tmp_path}/{name}") and expected.format(t=tmp_path) in problem
    assert _leftovers(tmp_path) == []


def test_fifo_without_reader_is_refused_at_once_and_kept(tmp_path):
    """R2-C6: is a FIFO nobody reads refused without waiting, and left a FIFO (also through a link)?"""
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    (tmp_path / "to-pipe").symlink_to("pipe.csv")
    for path in (fifo, tmp_path / "to-pipe"):
        started = time.monotonic()
        problem = write_output(str(path), b"x")
        assert time.monotonic() - started < 5
        assert "it is a pipe (FIFO) and nothing is reading from it. Start the program that reads it first" in problem
    assert _kind(fifo) == stat.S_IFIFO and _leftovers(tmp_path) == []


def test_fifo_with_reader_is_written_to(tmp_path):
    """Is a FIFO with a reader written to (the reader gets the bytes) and left a FIFO?"""
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        assert write_output(str(fifo), b"learner,lesson\n") is None
        assert os.read(reader, 1000) == b"learner,lesson\n"
    finally:
        os.close(reader)
    assert _kind(fifo) == stat.S_IFIFO


def test_fifo_whose_reader_leaves_gets_a_sentence(tmp_path, monkeypatch):
    """When the reading program stops before the end, is that said (not a BrokenPipeError traceback)?"""
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)

    def broken(fd, data):
        os.close(reader)
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")

    monkeypatch.setattr(output.os, "write", broken)
    assert "the program reading from it stopped before the end" in write_output(str(fifo), b"x")


@root_only
def test_private_null_device_is_written_to_not_replaced(tmp_path):
    """R2-C6 (as root): is a private copy of /dev/null (mknod 1,3) written to and still a device, also via a link?"""
    null = tmp_path / "null"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    (tmp_path / "to-null").symlink_to("null")
    for path in (null, tmp_path / "to-null"):
        assert write_output(str(path), b"a,b\n" * 1000) is None
    assert _kind(null) == stat.S_IFCHR and os.stat(null).st_rdev == os.makedev(1, 3)
    assert _leftovers(tmp_path) == []


@root_only
def test_private_full_device_says_free_some_space(tmp_path):
    """A device that is full (a private copy of /dev/full): a sentence about disk space, the device kept?"""
    full = tmp_path / "full"
    os.mknod(full, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    problem = write_output(str(full), b"x")
    assert "No space left on device" in problem and _kind(full) == stat.S_IFCHR


@root_only
def test_block_device_is_refused_unopened(tmp_path):
    """Is a disk device refused with a sentence (never opened, never replaced)?"""
    disk = tmp_path / "disk"
    os.mknod(disk, 0o600 | stat.S_IFBLK, os.makedev(7, 250))
    assert write_output(str(disk), b"x") == (f"Could not write {disk}: it is a disk device (a block device). "
                                              "Give the name of a file instead.")
    assert _kind(disk) == stat.S_IFBLK


@pytest.mark.skipif(ROOT, reason="as root /dev/null could be replaced if this failed; the mknod copy is used instead")
def test_dev_null_as_a_user():
    """As a user, is /dev/null written to (not refused with 'Permission denied' as before)?"""
    assert write_output("/dev/null", b"x") is None


def test_socket_is_refused(tmp_path, monkeypatch):
    """Is a Unix socket refused with a sentence?"""
    monkeypatch.chdir(tmp_path)
    with socket.socket(socket.AF_UNIX) as server:
        server.bind("sock")
        assert write_output("sock", b"x") == "Could not write sock: it is a socket. Give the name of a file instead."
    assert _kind(tmp_path / "sock") == stat.S_IFSOCK


def test_dash_is_standard_output(capsysbinary):
    """Is '-' standard output (the bytes as they are), not a file called '-'?"""
    assert write_output("-", "ä,b\n".encode()) is None
    assert capsysbinary.readouterr().out == "ä,b\n".encode()
    assert not os.path.exists("-")


def test_dash_with_a_text_stdout(monkeypatch):
    """With sys.stdout replaced by a text stream (no .buffer), is '-' still written?"""
    import io

    stream = io.StringIO()
    monkeypatch.setattr(sys, "stdout", stream)
    assert write_output("-", b"a,b\n") is None and stream.getvalue() == "a,b\n"


@pytest.mark.parametrize("stdout_is", ["pipe", "file"])
def test_link_to_standard_output_writes_there(tmp_path, stdout_is):
    """Is a link to our standard output (as /dev/stdout is) written to, never replaced, pipe or file alike?"""
    link = tmp_path / "stdout-link"
    link.symlink_to("/proc/self/fd/1" if os.path.exists("/proc/self/fd/1") else "/dev/stdout")
    code = textwrap.dedent(f"""
        import sys
        from kzlessons.progress.output import write_output
        print("before", flush=True)
        problem = write_output({str(link)!r}, b"csv\\n")
        print("after", problem, flush=True)
    """)
    if stdout_is == "pipe":
        child = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120)
        written = child.stdout
    else:
        out = tmp_path / "out.txt"
        with open(out, "wb") as handle:
            child = subprocess.run([sys.executable, "-c", code], stdout=handle, stderr=subprocess.PIPE, timeout=120)
        written = out.read_bytes()
        assert _leftovers(tmp_path) == []
    assert child.returncode == 0, child.stderr
    assert written == b"before\ncsv\nafter None\n" and _kind(link) == stat.S_IFLNK


def test_write_errors_become_sentences(tmp_path, monkeypatch):
    """A full disk or a refused write: a sentence with the reason and what to do, no file and no temporary file?"""
    def full(path, data, mode=0o644):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output, "atomic_write", full)
    assert write_output(str(tmp_path / "g.csv"), b"x") == (
        f"Could not write {tmp_path / 'g.csv'} (No space left on device). Free some disk space, or choose another place.")
    monkeypatch.undo()
    if not ROOT:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        assert "(Permission denied). Choose a folder you can write to." in write_output(str(locked / "g.csv"), b"x")
    assert not (tmp_path / "g.csv").exists() and _leftovers(tmp_path) == []


def test_same_file(tmp_path, monkeypatch):
    """Does same_file see one file through links, hard links and spellings, and never raise (loops, NUL bytes)?"""
    monkeypatch.chdir(tmp_path)
    a = tmp_path / "a.json"
    a.write_bytes(b"{}")
    (tmp_path / "link.json").symlink_to("a.json")
    os.link(a, tmp_path / "hard.json")
    (tmp_path / "loop").symlink_to("loop")
    (tmp_path / "sub").mkdir()
    assert same_file(a, "a.json") and same_file("a.json", "./sub/../a.json")
    assert same_file("a.json", "link.json") and same_file("hard.json", str(a))
    assert same_file("new.csv", "./new.csv") and same_file(tmp_path / "sub" / ".." / "new.csv", "new.csv")
    assert not same_file("new.csv", "other.csv") and not same_file("a.json", "new.csv")
    assert not same_file("loop", "a.json") and not same_file("a.json", "loop") and same_file("loop", "loop")
    assert not same_file("a\0b", "a.json") and not same_file(None, "a.json")  # type: ignore[arg-type]
    assert same_file("-", "-") and not same_file("-", "a.json") and not same_file("a.json", "-")
