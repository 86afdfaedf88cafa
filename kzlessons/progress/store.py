"""The attempt store: an append-only JSON Lines file with a lock and fsync.

Where: ``$KZLESSONS_HOME/progress/attempts.jsonl`` (default home
``~/.kzlessons``). One line per attempt (see :mod:`kzlessons.progress.rows`),
written in a single ``write`` under an exclusive ``flock`` on a side lock file
and ``fsync``-ed before :meth:`Store.append` returns, so an attempt that was
acknowledged survives a killed process. Readers take a shared lock, so they
never see a line that is half written.

Faults handled:

* an append is all or nothing: if the disk refuses part of it, the file is
  cut back to where it was and ``OSError`` is raised;
* a last line without its final newline is kept when it is a complete, valid
  record (a hand edit); when it is not (a writer killed mid-line, never
  acknowledged), the next writer moves those bytes to
  ``attempts.unfinished.txt`` before appending, so nothing is silently deleted;
* a damaged file (a complete line that cannot be read for any reason: not
  UTF-8, not JSON, nested too deep, a time or score out of shape) is never
  overwritten: a replacement holding every readable line is written first,
  then the damaged file is kept as ``attempts.damaged-<time>.jsonl`` and the
  replacement moved into place, with a :class:`StoreWarning`. If that cannot
  be done (a full disk), the store is left as it is and readers still return
  every readable line;
* readers raise only :class:`StoreError` (an ``OSError``) whose message is a
  sentence saying what is wrong and what to do.

Why JSON Lines rather than SQLite in WAL mode: see ``docs/quiz-and-progress.md``
(``benchmarks/measure_store_choice.py`` has the numbers).

>>> import os, tempfile
>>> store = Store(os.path.join(tempfile.mkdtemp(), "attempts.jsonl"))
>>> store.append([{"attempt_id": "x1", "question_id": "l00-area", "lesson": "00",
...                "answer": 1, "correct": False, "score": 0.0, "time": "2025-01-01T00:00:00+00:00"}])
>>> [row["attempt_id"] for row in store.read()]
['x1']
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import shutil
import tempfile
import threading
import warnings
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from ..errors import LearnerError
from .rows import REQUIRED_FIELDS, dumps_line, loads, row_problem

try:  # POSIX (Linux, macOS, Binder)
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

__all__ = ["Store", "StoreError", "StoreWarning", "home", "default_store", "is_valid_row",
           "atomic_write", "reason", "advice", "is_full", "FULL_ERRNOS", "REQUIRED_FIELDS", "DAMAGED_GLOB",
           "UNFINISHED_NAME"]

#: Files a damaged store was set aside as (in the store's folder).
DAMAGED_GLOB = "attempts.damaged-*.jsonl"
#: Where unfinished last lines (from a killed writer) are moved.
UNFINISHED_NAME = "attempts.unfinished.txt"


class StoreWarning(UserWarning):
    """Something about the progress store the learner should know (never fatal)."""


class StoreError(LearnerError, OSError):
    """The progress store (or a progress file) cannot be read or written.

    The message is a sentence for the learner: what is wrong, where, and what
    to do. It is an ``OSError``, so ``except OSError`` still catches it;
    ``errno``/``strerror`` are those of the underlying error when there is one.
    """

    def __init__(self, message: str, cause: OSError | None = None):
        super().__init__(message)
        self.message = message
        if cause is not None:
            self.errno = cause.errno
            self.strerror = cause.strerror
            self.filename = cause.filename

    def __str__(self) -> str:
        return self.message


def reason(error: OSError) -> str:
    """A short reason for an OS error, e.g. ``'Permission denied'``."""
    return error.strerror or str(error) or type(error).__name__


#: Error numbers meaning there is no room: a full disk, a file over the size limit (``ulimit -f``), a used-up quota.
FULL_ERRNOS = frozenset(code for code in (errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", None))
                        if code is not None)


def is_full(error: BaseException) -> bool:
    """True when a failed write ran out of room (see :data:`FULL_ERRNOS`), not out of permission."""
    return isinstance(error, OSError) and error.errno in FULL_ERRNOS


def advice(error: BaseException, where: str | os.PathLike[str], otherwise: str | None = None) -> str:
    """What the learner should do after a write to ``where`` failed with ``error``: one sentence.

    Out of room (:func:`is_full`) it says to free disk space; for anything else it
    is ``otherwise``, by default to check that ``where`` is writable.

    >>> advice(OSError(errno.ENOSPC, "No space left on device"), "/home/me/.kzlessons")
    'Free some disk space on the disk that holds /home/me/.kzlessons.'
    >>> advice(OSError(errno.EACCES, "Permission denied"), "/home/me/.kzlessons")
    'Check that /home/me/.kzlessons is writable.'
    """
    if is_full(error):
        return f"Free some disk space on the disk that holds {where}."
    return otherwise or f"Check that {where} is writable."


def home() -> Path:
    """``$KZLESSONS_HOME`` or ``~/.kzlessons``: where progress is kept."""
    value = os.environ.get("KZLESSONS_HOME")
    return Path(value).expanduser() if value else Path.home() / ".kzlessons"


def is_valid_row(row: Any) -> bool:
    """True when ``row`` is a well-formed attempt record (see :func:`rows.row_problem`).

    >>> is_valid_row({"attempt_id": "a", "question_id": "l00-x", "lesson": "00", "answer": 1,
    ...               "correct": True, "score": 1, "time": "2025-01-01T00:00:00+00:00"})
    True
    >>> is_valid_row({"attempt_id": "a"})
    False
    """
    return row_problem(row) is None


def atomic_write(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Write ``data`` to ``path`` through a uniquely named temporary file in the same folder.

    The temporary file is fsync-ed, then renamed over ``path`` (atomic), and removed
    if anything fails, so ``path`` is either the old file or the whole new one.
    Raises ``OSError``.
    """
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def _parse_line(line: bytes) -> dict[str, Any] | None:
    """The row on this line, or None if it cannot be read for any reason."""
    try:
        row = loads(line.decode("utf-8"))
    except (ValueError, RecursionError, MemoryError):  # UnicodeDecodeError is a ValueError
        return None
    return row if row_problem(row) is None else None


class Store:
    """An append-only attempt file guarded by a lock file (``<file>.lock``)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self._cache_key: tuple[int, int, int] | None = None
        self._cache_rows: list[dict[str, Any]] = []
        self._thread_lock = threading.Lock()

    # -- locking ------------------------------------------------------------
    @contextlib.contextmanager
    def _locked(self, exclusive: bool) -> Iterator[None]:
        if exclusive:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._thread_lock, self._open_lock(exclusive) as handle:
            if fcntl is not None and handle is not None:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
            try:
                yield
            finally:
                if fcntl is not None and handle is not None:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

    @contextlib.contextmanager
    def _open_lock(self, exclusive: bool) -> Iterator[Any]:
        try:
            handle = open(self.lock_path, "a+b")
        except (PermissionError, FileNotFoundError, OSError) as error:
            if exclusive or error.errno not in (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOENT):
                raise
            try:  # a reader can lock a lock file it may not write, or read without one
                handle = open(self.lock_path, "rb")
            except OSError:
                handle = None
        try:
            yield handle
        finally:
            if handle is not None:
                handle.close()

    # -- writing --------------------------------------------------------------
    def append(self, rows: Iterable[Mapping[str, Any]]) -> None:
        """Append attempts durably (lock, one write, fsync), all or nothing. Raises ``OSError``."""
        rows = [dict(row) for row in rows]
        if rows:
            with self._locked(exclusive=True):
                self._append_locked(rows)

    def append_new(self, rows: Iterable[Mapping[str, Any]]) -> tuple[int, int]:
        """Append only attempts whose ``attempt_id`` is not stored yet; returns (added, skipped).

        The check and the write happen under one exclusive lock, so two imports
        of the same file at once still add each attempt only once; the write is
        all or nothing, so a failed import adds none.
        """
        rows = [dict(row) for row in rows]
        with self._locked(exclusive=True):
            stored, _ = self._parse(self._read_bytes())
            seen = {row["attempt_id"] for row in stored}
            fresh = []
            for row in rows:
                if row["attempt_id"] not in seen:
                    seen.add(row["attempt_id"])
                    fresh.append(row)
            if fresh:
                self._append_locked(fresh)
        return len(fresh), len(rows) - len(fresh)

    def _append_locked(self, rows: list[dict[str, Any]]) -> None:
        payload = b"".join(dumps_line(row) for row in rows)
        self._repair_tail()
        created = not self.path.exists()
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            start = os.fstat(fd).st_size
            try:
                view = memoryview(payload)
                while view:
                    written = os.write(fd, view)
                    view = view[written:]
                os.fsync(fd)
            except BaseException:
                with contextlib.suppress(OSError):  # all or nothing
                    os.ftruncate(fd, start)
                raise
        finally:
            os.close(fd)
        if created:
            _fsync_dir(self.path.parent)

    def _repair_tail(self) -> None:
        """Under the exclusive lock: make the file end with a newline before appending.

        A last line that is a valid record (only its newline is missing) gets its
        newline; anything else there was left by a killed writer and is moved to
        ``attempts.unfinished.txt`` first. Only the end is inspected, so appends stay cheap.
        """
        try:
            size = self.path.stat().st_size
        except FileNotFoundError:
            return
        if size == 0:
            return
        with open(self.path, "rb") as handle:
            handle.seek(size - 1)
            if handle.read(1) == b"\n":
                return
            block, pos, cut = 65536, size, 0
            while pos > 0:  # scan backwards for the last complete line
                start = max(0, pos - block)
                handle.seek(start)
                index = handle.read(pos - start).rfind(b"\n")
                if index >= 0:
                    cut = start + index + 1
                    break
                pos = start
            handle.seek(cut)
            tail = handle.read()
        if _parse_line(tail) is not None:
            with open(self.path, "ab") as out:
                out.write(b"\n")
            return
        with open(self.path.with_name(UNFINISHED_NAME), "ab") as keep:
            keep.write(tail + b"\n")
            keep.flush()
            os.fsync(keep.fileno())
        os.truncate(self.path, cut)

    # -- reading ------------------------------------------------------------------
    def _read_bytes(self) -> bytes:
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            return b""

    def read(self) -> list[dict[str, Any]]:
        """Every stored row, in the order they were appended (a damaged file is set aside first).

        That order, kept under the exclusive lock, is the one every reader uses for
        first and last; rows are never re-sorted by their ``time``.

        Raises :class:`StoreError` (with a sentence) when the store cannot be read.
        """
        try:
            return self._read()
        except StoreError:
            raise
        except OSError as error:
            raise StoreError(
                f"Your progress could not be read ({reason(error)}: {error.filename or self.path}). "
                f"Check that {self.path} is a file you can read and write; 'kzlessons check' says more.",
                error,
            ) from None

    def _read(self) -> list[dict[str, Any]]:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return []
        key = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
        if key == self._cache_key:
            return list(self._cache_rows)
        with self._locked(exclusive=False):
            rows, damaged = self._parse(self._read_bytes())
        if damaged:
            try:
                with self._locked(exclusive=True):
                    rows, damaged = self._parse(self._read_bytes())
                    if damaged:
                        self._set_aside(rows, damaged)
            except OSError as error:
                warnings.warn(
                    f"Your progress file has {damaged} unreadable line(s), and they could not be set "
                    f"aside ({reason(error)}). Your {len(rows)} readable attempt(s) are still used. "
                    f"{advice(error, self.path.parent)} Then run 'kzlessons check'.",
                    StoreWarning,
                    stacklevel=4,
                )  # said once per change of the file: the cache below holds until the file changes
        try:
            stat = self.path.stat()
            self._cache_key = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
            self._cache_rows = rows
        except FileNotFoundError:
            self._cache_key = None
        return list(rows)

    @staticmethod
    def _parse(data: bytes) -> tuple[list[dict[str, Any]], int]:
        """(valid rows, number of damaged complete lines).

        The last line counts even without its newline when it is a valid record;
        otherwise an unterminated tail is an unacknowledged write and is ignored.
        """
        rows: list[dict[str, Any]] = []
        damaged = 0
        lines = data.split(b"\n")
        tail = lines.pop()
        for line in lines:
            if not line.strip():
                continue
            row = _parse_line(line)
            if row is None:
                damaged += 1
            else:
                rows.append(row)
        if tail.strip():
            row = _parse_line(tail)
            if row is not None:
                rows.append(row)
        return rows, damaged

    def _set_aside(self, rows: list[dict[str, Any]], damaged: int) -> None:
        """Replace the store by its readable rows, keeping the damaged file; the store never goes missing."""
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        aside = self.path.with_name(f"{self.path.stem}.damaged-{stamp}{self.path.suffix}")
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:  # 1. the replacement, complete and on disk
                handle.write(b"".join(dumps_line(row) for row in rows))
                handle.flush()
                os.fsync(handle.fileno())
            try:  # 2. keep the damaged file under a second name (the store keeps its name)
                os.link(self.path, aside)
            except OSError:
                shutil.copy2(self.path, aside)
            os.replace(tmp, self.path)  # 3. the replacement takes the store's place
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        _fsync_dir(self.path.parent)
        self._cache_key = None
        warnings.warn(
            f"Your progress file was damaged ({damaged} unreadable line(s)). It has been kept as "
            f"{aside} and a new file was started with the {len(rows)} attempt(s) that could "
            "still be read. Nothing was deleted; show the kept file to your instructor if "
            "something seems missing.",
            StoreWarning,
            stacklevel=5,
        )


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


_STORES: dict[Path, Store] = {}


def default_store() -> Store:
    """The store under the current ``$KZLESSONS_HOME`` (re-read on every call)."""
    path = home() / "progress" / "attempts.jsonl"
    store = _STORES.get(path)
    if store is None:
        store = _STORES[path] = Store(path)
    return store
