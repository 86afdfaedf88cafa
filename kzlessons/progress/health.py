"""Is the progress store healthy? (used by ``kzlessons check`` and ``kz.check()``).

Checks that the store can be read, that its folder and file can be written (by
creating and removing a temporary file, and opening the store and its lock
for appending without writing), counts the attempts, and lists the damaged
files that were set aside and where. Creates the progress folder if it is
missing, as the first quiz answer would.

>>> import os, tempfile
>>> saved = os.environ.get("KZLESSONS_HOME")
>>> os.environ["KZLESSONS_HOME"] = tempfile.mkdtemp()
>>> lines, problems = store_health()
>>> lines[0].startswith("progress    0 attempts in "), problems
(True, [])
>>> _ = os.environ.pop("KZLESSONS_HOME") if saved is None else os.environ.update(KZLESSONS_HOME=saved)
"""

from __future__ import annotations

import os
import tempfile
import warnings

from .rows import is_attempt
from .store import DAMAGED_GLOB, UNFINISHED_NAME, StoreError, StoreWarning, default_store, home, reason

__all__ = ["store_health"]

_FIX = "set KZLESSONS_HOME to a folder you can write to (e.g. export KZLESSONS_HOME=~/kzlessons-progress)"


def _writable(store) -> str | None:
    """None when the store can be written, else a sentence."""
    folder = store.path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".check.", suffix=".tmp")
        os.close(fd)
        os.unlink(tmp)
        for path in (store.path, store.lock_path):
            if path.exists():
                with open(path, "ab"):
                    pass
    except OSError as error:
        where = error.filename or folder
        return (f"Quiz answers cannot be saved: writing in {where} failed ({reason(error)}). "
                f"Fix its permissions or free disk space, or {_FIX}.")
    return None


def store_health() -> tuple[list[str], list[str]]:
    """(report lines, problems): each problem is one sentence saying what to do."""
    store = default_store()
    lines: list[str] = []
    problems: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", StoreWarning)
        try:
            rows = store.read()
        except StoreError as error:
            rows = None
            problems.append(str(error))
    notes = [str(w.message) for w in caught if issubclass(w.category, StoreWarning)]
    unwritable = _writable(store)
    if unwritable:
        problems.append(unwritable)
    state = ", ".join(["readable" if rows is not None else "NOT readable",
                       "writable" if not unwritable else "NOT writable"])
    count = "?" if rows is None else str(sum(1 for r in rows if is_attempt(r)))
    lines.append(f"progress    {count} attempts in {store.path} ({state})")
    try:
        damaged = sorted(store.path.parent.glob(DAMAGED_GLOB))
        unfinished = store.path.with_name(UNFINISHED_NAME)
        has_unfinished = unfinished.is_file()
    except OSError:
        damaged, has_unfinished = [], False
    if damaged:
        lines.append(f"            {len(damaged)} damaged file(s) set aside in {store.path.parent}: "
                     + ", ".join(p.name for p in damaged) + " (kept, never deleted; show them to your instructor "
                     "if attempts seem missing)")
    if has_unfinished:
        lines.append(f"            unfinished writes kept in {unfinished}")
    lines += [f"            note: {n}" for n in notes]
    if rows is None and not problems:  # pragma: no cover - defensive
        problems.append(f"The progress store under {home()} cannot be read; {_FIX}.")
    return lines, problems
