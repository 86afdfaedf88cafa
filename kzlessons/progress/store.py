"""The attempt store: an append-only JSON Lines file with a lock and fsync.

Where: ``$KZLESSONS_HOME/progress/attempts.jsonl`` (default home
``~/.kzlessons``). One line per attempt, written in a single ``write`` under an
exclusive ``flock`` on a side lock file and ``fsync``-ed before
:meth:`Store.append` returns, so an attempt that was acknowledged survives a
killed process. Readers take a shared lock, so they never see a line that is
half written.

Faults handled:

* a writer killed mid-line leaves an unterminated tail; it was never
  acknowledged, so the next writer cuts it off and readers ignore it;
* a damaged file (a complete line that is not a valid attempt, or bytes that
  are not UTF-8) is never overwritten: it is renamed to
  ``attempts.damaged-<time>.jsonl`` with a warning, and a new file is started
  holding the lines that could still be read.

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
import json
import os
import threading
import warnings
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

try:  # POSIX (Linux, macOS, Binder)
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

__all__ = ["Store", "StoreWarning", "home", "default_store", "REQUIRED_FIELDS"]

#: Fields every stored attempt has (extra fields are kept but not required).
REQUIRED_FIELDS: dict[str, tuple[type, ...]] = {
    "attempt_id": (str,),
    "question_id": (str,),
    "lesson": (str,),
    "correct": (bool,),
    "score": (int, float),
    "time": (str,),
}


class StoreWarning(UserWarning):
    """Something about the progress store the learner should know (never fatal)."""


def home() -> Path:
    """``$KZLESSONS_HOME`` or ``~/.kzlessons``: where progress is kept."""
    value = os.environ.get("KZLESSONS_HOME")
    return Path(value).expanduser() if value else Path.home() / ".kzlessons"


def is_valid_row(row: Any) -> bool:
    """True when ``row`` is a well-formed attempt record.

    >>> is_valid_row({"attempt_id": "a", "question_id": "l00-x", "lesson": "00",
    ...               "correct": True, "score": 1, "time": "t"})
    True
    >>> is_valid_row({"attempt_id": "a"})
    False
    """
    if not isinstance(row, dict):
        return False
    for name, types in REQUIRED_FIELDS.items():
        value = row.get(name)
        if not isinstance(value, types) or (name == "score" and isinstance(value, bool)):
            return False
    return True


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
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._thread_lock, open(self.lock_path, "a+b") as handle:
            if fcntl is not None:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
            try:
                yield
            finally:
                if fcntl is not None:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

    # -- writing --------------------------------------------------------------
    def append(self, rows: Iterable[Mapping[str, Any]]) -> None:
        """Append attempts durably (lock, one write, fsync). Raises ``OSError`` on I/O failure."""
        rows = [dict(row) for row in rows]
        if rows:
            with self._locked(exclusive=True):
                self._append_locked(rows)

    def append_new(self, rows: Iterable[Mapping[str, Any]]) -> tuple[int, int]:
        """Append only attempts whose ``attempt_id`` is not stored yet; returns (added, skipped).

        The check and the write happen under one exclusive lock, so two imports
        of the same file at once still add each attempt only once.
        """
        rows = [dict(row) for row in rows]
        with self._locked(exclusive=True):
            data = self.path.read_bytes() if self.path.exists() else b""
            stored, _ = self._parse(data)
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
        payload = b"".join(
            json.dumps(row, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8") + b"\n"
            for row in rows
        )
        self._cut_unacknowledged_tail()
        created = not self.path.exists()
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            view = memoryview(payload)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        if created:
            _fsync_dir(self.path.parent)

    def _cut_unacknowledged_tail(self) -> None:
        """Under the exclusive lock: drop a partial last line left by a killed writer.

        Only the last byte is inspected, so appends stay O(1); damaged complete
        lines are found (and set aside) by :meth:`read`.
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
            # Scan backwards for the last complete line.
            block, pos = 65536, size
            while pos > 0:
                start = max(0, pos - block)
                handle.seek(start)
                chunk = handle.read(pos - start)
                index = chunk.rfind(b"\n")
                if index >= 0:
                    os.truncate(self.path, start + index + 1)
                    return
                pos = start
        os.truncate(self.path, 0)

    # -- reading ------------------------------------------------------------------
    def read(self) -> list[dict[str, Any]]:
        """Every acknowledged attempt, oldest first (a damaged file is set aside first)."""
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return []
        key = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
        if key == self._cache_key:
            return list(self._cache_rows)
        with self._locked(exclusive=False):
            data = self.path.read_bytes() if self.path.exists() else b""
        rows, damaged = self._parse(data)
        if damaged:
            with self._locked(exclusive=True):
                data = self.path.read_bytes() if self.path.exists() else b""
                rows, damaged = self._parse(data)
                if damaged:
                    self._set_aside(rows, damaged)
        try:
            stat = self.path.stat()
            self._cache_key = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
            self._cache_rows = rows
        except FileNotFoundError:
            self._cache_key = None
        return list(rows)

    @staticmethod
    def _parse(data: bytes) -> tuple[list[dict[str, Any]], int]:
        """(valid rows, number of damaged complete lines); an unterminated tail is ignored."""
        rows: list[dict[str, Any]] = []
        damaged = 0
        complete = data[: data.rfind(b"\n") + 1]
        for line in complete.split(b"\n")[:-1]:
            if not line.strip():
                continue
            try:
                row = json.loads(line.decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                damaged += 1
                continue
            if is_valid_row(row):
                rows.append(row)
            else:
                damaged += 1
        return rows, damaged

    def _set_aside(self, rows: list[dict[str, Any]], damaged: int) -> None:
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        aside = self.path.with_name(f"{self.path.stem}.damaged-{stamp}{self.path.suffix}")
        os.replace(self.path, aside)
        tmp = self.path.with_name(self.path.name + ".tmp")
        with open(tmp, "wb") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.path)
        _fsync_dir(self.path.parent)
        self._cache_key = None
        warnings.warn(
            f"Your progress file was damaged ({damaged} unreadable line(s)). It has been kept as "
            f"{aside} and a new file was started with the {len(rows)} attempt(s) that could "
            "still be read. Nothing was deleted; show the kept file to your instructor if "
            "something seems missing.",
            StoreWarning,
            stacklevel=4,
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
