"""Writing a command's output file (``kzlessons gradebook -o``/``--items``) without harming what is there.

:func:`write_output` writes where the user pointed, the way a shell's ``>``
would, but atomically for files:

* ``-`` is standard output (and so is a link to it, such as ``/dev/stdout``);
* a new name, or an existing regular file, is replaced atomically (a temporary
  file in the same folder, then a rename), keeping an existing file's
  permission bits;
* a symbolic link is written through: the file it names is replaced in *its*
  folder, so a link into a shared folder updates the shared file;
* a character device (``/dev/null``) is opened and written to, never replaced;
* a FIFO is written to only when a program is reading it (else a sentence;
  opening never waits), never replaced;
* a folder, a missing folder, a link loop, a disk device or a socket gets a
  sentence saying what to do.

:func:`same_file` tells whether two paths name one file (also through links,
hard links and names not made yet); it never raises.

>>> import os, tempfile
>>> folder = tempfile.mkdtemp()
>>> target = os.path.join(folder, "grades.csv")
>>> write_output(target, b"learner\\n") is None, open(target, "rb").read()
(True, b'learner\\n')
>>> os.symlink(target, os.path.join(folder, "link.csv"))
>>> write_output(os.path.join(folder, "link.csv"), b"new\\n"), open(target, "rb").read()
(None, b'new\\n')
>>> same_file(target, os.path.join(folder, "link.csv")), same_file(target, os.path.join(folder, "other.csv"))
(True, False)
>>> write_output(folder, b"x").endswith("it is a folder. Give a file name inside it, e.g. " +
...                                     os.path.join(folder, "grades.csv") + ".")
True
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

from .store import atomic_write, reason

__all__ = ["write_output", "same_file", "STDOUT"]

#: The name that means standard output.
STDOUT = "-"


def write_output(path: str, data: bytes) -> str | None:
    """Write ``data`` to ``path`` (see the module docs); None when written, else a sentence saying what to do."""
    if path == STDOUT:
        return _to_stdout(data)
    try:
        here = os.lstat(path)
    except FileNotFoundError:
        return _to_new_file(path, path, data)
    except (OSError, ValueError) as error:
        return _could_not(path, error)
    if stat.S_ISLNK(here.st_mode):
        return _through_link(path, data)
    if stat.S_ISREG(here.st_mode):
        return _replace(path, path, here, data)
    return _to_special(path, here, data)


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """True when ``a`` and ``b`` name one file; never raises.

    Existing files are compared by identity (device and inode: links and hard
    links count); names that do not exist yet by where they would be made; a
    link loop is only the same as itself. ``-`` (standard output) is the same only as ``-``.
    """
    try:
        a, b = os.fspath(a), os.fspath(b)
        if STDOUT in (a, b):
            return a == b
        ids = [_identity(a), _identity(b)]
        if None not in ids:
            return ids[0] == ids[1]
        if ids != [None, None]:
            return False
        return os.path.realpath(os.path.abspath(a)) == os.path.realpath(os.path.abspath(b))
    except Exception:  # noqa: BLE001 - a path that cannot be looked at is not the same as another
        return False


def _identity(path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def _could_not(path: str, error: BaseException, advice: str = "Choose a folder you can write to.") -> str:
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", -1)):
        advice = "Free some disk space, or choose another place."
    if isinstance(error, OSError) and error.errno == errno.ENOTDIR:
        return f"Could not write {path}: a part of it before the file name is a file, not a folder. Choose another place."
    why = reason(error) if isinstance(error, OSError) else str(error)
    return f"Could not write {path} ({why}). {advice}"


def _to_stdout(data: bytes) -> str | None:
    stream = sys.stdout
    try:
        stream.flush()
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            buffer.write(data)
            buffer.flush()
        else:  # replaced by a text stream (e.g. in tests)
            stream.write(data.decode("utf-8", "replace"))
            stream.flush()
    except BrokenPipeError:
        return "Could not write to standard output: the program reading it stopped before the end."
    except (OSError, ValueError) as error:
        return _could_not("to standard output", error, "Give a file name with -o instead.")
    return None


def _is_stdout(info: os.stat_result) -> bool:
    try:
        out = os.fstat(sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        return False
    return (out.st_dev, out.st_ino) == (info.st_dev, info.st_ino)


def _through_link(path: str, data: bytes) -> str | None:
    """Write to what the link ``path`` names: the file in its own folder, or the device, pipe or standard output."""
    try:
        target = os.stat(path)
    except FileNotFoundError:  # a dangling link: make the file it names, as a shell's > would
        return _to_new_file(path, os.path.realpath(path), data)
    except (OSError, ValueError) as error:
        if isinstance(error, OSError) and error.errno == errno.ELOOP:
            return (f"Could not write {path}: it is a symbolic link loop (a link that leads back to itself). "
                    "Remove it, or give another file name.")
        return _could_not(path, error)
    if _is_stdout(target):  # /dev/stdout, /dev/fd/1, /proc/self/fd/1
        return _to_stdout(data)
    if not stat.S_ISREG(target.st_mode):
        return _to_special(path, target, data)
    real = os.path.realpath(path)
    if _identity(real) != (target.st_dev, target.st_ino):  # e.g. a /proc link to a deleted file
        return f"Could not write {path}: the file this link names cannot be found by name. Give a file name instead."
    return _replace(path, real, target, data)


def _replace(shown: str, real: str, info: os.stat_result, data: bytes) -> str | None:
    try:
        atomic_write(Path(real), data, mode=stat.S_IMODE(info.st_mode))
    except OSError as error:
        return _could_not(shown, error)
    return None


def _to_new_file(shown: str, real: str, data: bytes) -> str | None:
    folder = os.path.dirname(real) or "."
    if real.endswith(("/", os.sep)) or not os.path.isdir(folder):
        missing = real if real.endswith(("/", os.sep)) else folder
        where = "" if shown == real else f" (the file {real} that it links to)"
        return (f"Could not write {shown}{where}: the folder {missing} does not exist. "
                "Create it, or choose another place.")
    try:
        atomic_write(Path(real), data)
    except OSError as error:
        return _could_not(shown, error)
    return None


def _to_special(path: str, info: os.stat_result, data: bytes) -> str | None:
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        return (f"Could not write {path}: it is a folder. Give a file name inside it, e.g. "
                f"{os.path.join(path, 'grades.csv')}.")
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return _write_in_place(path, data, fifo=stat.S_ISFIFO(mode))
    kind = ("a disk device (a block device)" if stat.S_ISBLK(mode) else
            "a socket" if stat.S_ISSOCK(mode) else "not a regular file")
    return f"Could not write {path}: it is {kind}. Give the name of a file instead."


def _write_in_place(path: str, data: bytes, fifo: bool) -> str | None:
    """Write to a character device or a FIFO as it is (never created, truncated or replaced)."""
    flags = os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)  # no O_CREAT, no O_TRUNC; O_NONBLOCK: never wait for a reader or a line
    except OSError as error:
        if fifo and error.errno == errno.ENXIO:
            return (f"Could not write {path}: it is a pipe (FIFO) and nothing is reading from it. Start the "
                    f"program that reads it first (e.g. cat {path}), or give a file name instead.")
        return _could_not(path, error, "Give a file name instead.")
    try:
        now = os.fstat(fd).st_mode
        if not (stat.S_ISCHR(now) or stat.S_ISFIFO(now)):  # swapped since we looked
            return f"Could not write {path}: it changed while being opened. Try again, or give another name."
        os.set_blocking(fd, True)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    except BrokenPipeError:
        return f"Could not write {path}: the program reading from it stopped before the end."
    except OSError as error:
        return _could_not(path, error, "Give a file name instead.")
    finally:
        os.close(fd)
    return None
