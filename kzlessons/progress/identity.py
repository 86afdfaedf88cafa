"""Who a store belongs to: an optional self-chosen name and a random learner id.

Both live in ``$KZLESSONS_HOME``: the name in ``learner.json`` (only if the
learner chooses one), the id in ``progress/learner-id`` (32 hex digits, made
once, the first time it is needed, and never changed). The id travels in every
export so the gradebook can tell learners apart even when they share a name or
have none; it says nothing about the person.

A learner who goes on in a new Binder session or on a second computer imports
her last file with ``kz.progress.load_file``: a store with nothing of its own
yet then **takes over the file's learner id** (:func:`adopt`), so every later
export is the same learner. A store that already has answers keeps its id and
remembers the imported file's id in ``progress/imported-learner-ids``
(:func:`imported_ids`), which its exports carry, so the gradebook can join the
two (or say that one learner holds another's answers).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
import uuid
from pathlib import Path

from .exchange import MAX_NAME, clean_name
from .store import StoreError, advice, atomic_write, home, reason

__all__ = ["learner", "set_learner", "clean_learner_name", "remember_name", "learner_id", "adopt", "imported_ids",
           "note_imported", "LEARNER_ID_NAME"]

LEARNER_ID_NAME = "learner-id"
IMPORTED_NAME = "imported-learner-ids"
MAX_IMPORTED = 1000
_ID = re.compile(r"[0-9a-f]{32}")


def _learner_path() -> Path:
    return home() / "learner.json"


def learner() -> str | None:
    """The optional self-chosen name put into exports (None when not set)."""
    try:
        name = json.loads(_learner_path().read_text(encoding="utf-8")).get("name")
    except (OSError, ValueError, AttributeError):
        return None
    return name if isinstance(name, str) and name else None


def clean_learner_name(name: str | None) -> str | None:
    """A chosen name as it goes into a file: control and invisible characters dropped, spaces collapsed,
    cut to 80 characters; None when nothing is left.

    >>> clean_learner_name("  Ali\\u202ece\\x00 "), clean_learner_name(" \\x1b "), clean_learner_name(None)
    ('Alice', None, None)
    """
    return (clean_name(name)[:MAX_NAME].strip() or None) if name else None


def set_learner(name: str | None) -> str | None:
    """Choose (or with None, forget) the name that goes into your exports; returns the name kept.

    Any nickname works; it is only used so your instructor can tell files apart.
    Control and invisible characters are dropped and the name is cut to 80 characters.
    Raises :class:`StoreError` (a sentence) when the name cannot be saved.
    """
    if name is not None and not isinstance(name, str):
        raise TypeError(f"set_learner() takes a name in quotes, e.g. set_learner('Aigerim'), or None; "
                        f"not a {type(name).__name__}.")
    path = _learner_path()
    clean = clean_learner_name(name)
    try:
        if not clean:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
            return None
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, json.dumps({"name": clean}, ensure_ascii=False).encode("utf-8"))
    except OSError as error:
        raise StoreError(f"Your name could not be saved ({reason(error)}). {advice(error, home())} "
                         "'kzlessons check' says more.", error) from None
    return clean


def remember_name(name: str | None) -> str | None:
    """After ``name`` was put into a file, remember it for next time as :func:`set_learner` does.

    Returns None when it is remembered (or already was), else a sentence saying it
    was not and what to do; never raises for the disk, so a full disk never costs
    the learner her file.
    """
    clean = clean_learner_name(name)
    if clean == learner():
        return None
    try:
        set_learner(clean)
    except StoreError as error:
        what = ("Your name was put in this file but could not be remembered for next time" if clean else
                "Your name was left out of this file, but the name remembered before could not be forgotten")
        return f"{what} ({reason(error)}). {advice(error, home())}"
    return None


def _read_id(path: Path) -> str | None:
    try:
        text = path.read_text(encoding="ascii").strip()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except (OSError, ValueError) as error:
        raise StoreError(f"Your learner id in {path} cannot be read ({getattr(error, 'strerror', None) or error}). "
                         "Check that it is a file you can read.") from None
    return text if _ID.fullmatch(text) else None


def learner_id(create: bool = True) -> str | None:
    """This store's random learner id (made on first use when ``create``); None if it cannot be made.

    Creation is atomic (a temporary file hard-linked into place), so two kernels
    starting at once agree on one id. A store whose folder cannot be written
    gets None: its exports are then anonymous, and the gradebook keys them by file.
    """
    path = home() / "progress" / LEARNER_ID_NAME
    found = _read_id(path)
    if found or not create:
        return found
    new = uuid.uuid4().hex
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".learner-id.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="ascii") as handle:
                handle.write(new + "\n")
                handle.flush()
                os.fsync(handle.fileno())
            with contextlib.suppress(FileExistsError):
                os.link(tmp, path)  # fails if another process made one first
        finally:
            os.unlink(tmp)
    except OSError:
        return None
    return _read_id(path)


def _imported_path() -> Path:
    return home() / "progress" / IMPORTED_NAME


def imported_ids() -> list[str]:
    """Learner ids whose files were imported into this store (oldest first; unreadable lines skipped)."""
    try:
        text = _imported_path().read_text(encoding="ascii", errors="replace")
    except OSError:
        return []
    return list(dict.fromkeys(line.strip() for line in text.splitlines() if _ID.fullmatch(line.strip())))


def note_imported(ids: list[str]) -> None:
    """Remember that files of these learner ids were imported here (this store's own id is left out).

    Raises ``OSError`` when the list cannot be written.
    """
    own = learner_id(create=False)
    known = imported_ids()
    new = [x for x in dict.fromkeys(ids) if _ID.fullmatch(x) and x != own and x not in known]
    if new:
        path = _imported_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, "".join(f"{x}\n" for x in (known + new)[-MAX_IMPORTED:]).encode("ascii"))


def adopt(new_id: str) -> None:
    """Make ``new_id`` this store's learner id (for a store with no answers of its own yet).

    The id it replaces, if any, is remembered with :func:`note_imported`, so a file
    exported under it (e.g. an empty hand-in) still joins the same learner.
    Raises ``ValueError`` for a malformed id and ``OSError`` when it cannot be written.
    """
    if not _ID.fullmatch(new_id):
        raise ValueError(f"{new_id!r} is not a learner id (32 hexadecimal digits).")
    old = learner_id(create=False)
    if old == new_id:
        return
    path = home() / "progress" / LEARNER_ID_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, (new_id + "\n").encode("ascii"))
    if old:
        note_imported([old])
