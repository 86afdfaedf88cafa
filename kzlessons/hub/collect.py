"""``kzlessons collect``: the latest hand-in of each learner, gathered for the gradebook; nothing lost.

:func:`collect` reads the course's inbound folder (see :mod:`kzlessons.hub.inbox` for its two
layouts) and writes an output folder the instructor owns::

    collected/to-grade/<user>.json      one hand-in per learner: what the gradebook reads
    collected/hand-ins/<user>/<name>    every usable hand-in as it was handed in, never overwritten
    collected/report.csv                one row per file found in the inbound (see REPORT_COLUMNS)
    collected/roster.csv                with a roster: the gradebook's roster of those learners

**Who handed in** is what the hub vouches for, never what a file says: in a shared inbound a
file named as alice's hand-in must belong to the system user alice (or ``<prefix>alice`` on hubs
whose system users carry a prefix, such as The Littlest JupyterHub's ``jupyter-``); in per-learner
inboxes it must lie in alice's inbox. Anything else is refused and reported: a symbolic link, a
file with other names (hard links), a FIFO, a file too large, one that is not a progress file.

**When** is the time the file system last changed the file (its ``ctime``), which a learner cannot
set back; the time in the file's name is only used to order hand-ins made in the same instant.
A hand-in after ``due`` is *late*. The latest hand-in of each learner is graded (with
``on_time_only``, the latest one made by ``due``); all of them are kept and listed. Running
collect again adds new hand-ins and keeps what was kept; a kept copy that the learner's file no
longer matches (the learner rewrote her own file) is kept too, beside the new one.

The instructor's own folders are never read as hand-ins: the output folder may not lie inside the exchange.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import LearnerError
from ..progress.cells import csv_bytes
from ..progress.exchange import MAX_BYTES, ImportRefused, kind_of_file, parse_export
from ..progress.store import atomic_write, reason
from . import inbox

__all__ = ["REPORT_COLUMNS", "SHARED", "PER_LEARNER", "CollectError", "RosterRow", "Found", "Collection",
           "collect", "parse_due"]

SHARED, PER_LEARNER = "shared inbound", "per-learner inboxes"
TO_GRADE, KEPT, REPORT, ROSTER = "to-grade", "hand-ins", "report.csv", "roster.csv"

#: Every column of ``report.csv`` and what it means.
REPORT_COLUMNS: dict[str, str] = {
    "learner": "the hub user the file is named for (empty when its name is not a hand-in's)",
    "file": "the file in the inbound folder (for per-learner inboxes: inbox/file)",
    "handed_in": "when it was handed in (UTC): the last time the file system changed the file, which a learner "
                 "cannot set back",
    "late": "'yes' when handed in after the due time, 'no' when not; empty without a due time",
    "graded": "'yes' for the one hand-in per learner copied into to-grade/ for the gradebook",
    "attempts": "answers and checks in the file",
    "learner_id": "the learner id of the kzlessons store the file came from",
    "kept_as": "its copy under hand-ins/ (kept, never overwritten)",
    "problem": "why the file was not used; empty when it was",
}


class CollectError(LearnerError, OSError):
    """Nothing could be collected; the message says why and what to do."""


@dataclass(frozen=True)
class RosterRow:
    """One learner the instructor expects: the name to show and texts that identify her (hub user name first)."""

    learner: str
    tokens: tuple[str, ...]

    def is_user(self, user: str) -> bool:
        """True when this row is the hub user ``user`` (its name or one of its texts, ignoring case)."""
        wanted = user.casefold()
        return wanted == self.learner.casefold() or any(wanted == t.casefold() for t in self.tokens)


@dataclass
class Found:
    """One file in the inbound folder: a usable hand-in, or the reason it is not one."""

    path: Path
    label: str
    name: inbox.HandInName | None = None
    handed_in: dt.datetime | None = None
    attempts: int | None = None
    learner_id: str | None = None
    kept: Path | None = None
    problem: str | None = None
    late: bool | None = None
    graded: bool = False

    @property
    def user(self) -> str | None:
        """The hub user the file is named for."""
        return self.name.user if self.name else None

    def order(self) -> tuple[dt.datetime, dt.datetime, str]:
        """Hand-ins in the order they were made."""
        assert self.handed_in is not None and self.name is not None
        return (self.handed_in, self.name.time, self.label)


@dataclass
class Collection:
    """What :func:`collect` did."""

    out: Path
    layout: str
    found: list[Found] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    roster: list[RosterRow] | None = None
    missing: list[str] = field(default_factory=list)  # roster learners with nothing to grade
    off_roster: list[str] = field(default_factory=list)  # users who handed in but are not on the roster

    @property
    def usable(self) -> list[Found]:
        return [f for f in self.found if f.problem is None]

    @property
    def rejected(self) -> list[Found]:
        return [f for f in self.found if f.problem is not None]

    @property
    def graded(self) -> list[Found]:
        return [f for f in self.found if f.graded]

    def users(self) -> list[str]:
        """Every hub user with a usable hand-in, sorted."""
        return sorted({f.user for f in self.usable if f.user}, key=str.casefold)


def parse_due(text: str) -> dt.datetime:
    """A due time given as ISO 8601 (``2025-03-01T23:59+05:00``; without a zone: this computer's local time).

    >>> parse_due("2025-03-01T23:59:00+05:00").isoformat()
    '2025-03-01T18:59:00+00:00'
    >>> parse_due("tomorrow")
    Traceback (most recent call last):
    ...
    ValueError: --due takes a date and time such as 2025-03-01T23:59+05:00 (ISO 8601), not 'tomorrow'.
    """
    try:
        when = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"--due takes a date and time such as 2025-03-01T23:59+05:00 (ISO 8601), not {text!r}.") \
            from None
    return (when if when.tzinfo else when.astimezone()).astimezone(dt.timezone.utc)


def _login_of(uid: int) -> str:
    """The system user name of ``uid`` (``#uid`` when the system has none)."""
    import pwd

    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"#{uid}"


def _utc(timestamp: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(timestamp, dt.timezone.utc)


# -- reading the inbound folder ------------------------------------------------------------------


def _listing(folder: Path) -> list[os.DirEntry[str]]:
    with os.scandir(folder) as entries:
        return sorted(entries, key=lambda e: e.name)


def _entries(folder: Path) -> tuple[str, list[tuple[Path, str, str | None]], list[str]]:
    """(layout, [(path, label, inbox or None)], notes) of the files to examine in ``folder``."""
    try:
        mode = folder.stat().st_mode
        top = _listing(folder)
    except FileNotFoundError:
        raise CollectError(f"The course's inbound folder {folder} does not exist; check the exchange folder "
                           f"(the argument, or {inbox.EXCHANGE_ENV}).") from None
    except OSError as error:
        raise CollectError(f"The course's inbound folder {folder} cannot be read ({reason(error)}). Run collect as "
                           "an instructor: a member of the folder's group, or the hub's user on Kubernetes.") from None
    notes: list[str] = []
    files: list[tuple[Path, str, str | None]] = []
    if inbox.is_shared(mode):
        for entry in top:
            if entry.is_dir(follow_symlinks=False):
                notes.append(f"{entry.name} is a folder in the shared inbound, which hand-in never makes (a learner "
                             "may make one); it was not read.")
            else:
                files.append((Path(entry.path), entry.name, None))
        return SHARED, files, notes
    for entry in top:
        if not entry.is_dir(follow_symlinks=False):
            files.append((Path(entry.path), entry.name, ""))  # "": lies in no learner's inbox
            continue
        try:
            inside = _listing(Path(entry.path))
        except OSError as error:
            notes.append(f"The inbox {entry.name} cannot be read ({reason(error)}); its hand-ins were not collected.")
            continue
        for item in inside:
            if item.is_dir(follow_symlinks=False):
                notes.append(f"{entry.name}/{item.name} is a folder, which hand-in never makes; it was not read.")
            else:
                files.append((Path(item.path), f"{entry.name}/{item.name}", entry.name))
    return PER_LEARNER, files, notes


def _read(found: Found, box: str | None, prefix: str) -> bytes | None:
    """The file's bytes once it is known to be the named user's regular file; else ``found.problem`` is set."""
    user = found.user
    assert user is not None
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(found.path, flags)
    except OSError as error:
        found.problem = ("is a symbolic link; a hand-in never is one" if error.errno == errno.ELOOP
                         else f"cannot be read ({reason(error)})")
        return None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        found.handed_in = _utc(info.st_ctime)
        if not stat.S_ISREG(info.st_mode):
            found.problem = f"is {kind_of_file(info.st_mode)}, not a hand-in"
        elif info.st_nlink > 1:
            found.problem = "has other names in the file system (hard links), so it may be another file"
        elif box is None and _login_of(info.st_uid) != prefix + user:
            found.problem = (f"is named as {user}'s hand-in but belongs to the system user {_login_of(info.st_uid)}; "
                             f"only {prefix + user} can hand in as {user}")
        elif box is not None and box not in (user, inbox.quote_user(user)):
            found.problem = (f"is named as {user}'s hand-in but lies in the inbox of {box}" if box else
                             f"is named as {user}'s hand-in but lies outside every learner's inbox")
        elif info.st_size > MAX_BYTES:
            found.problem = f"is larger than a progress file may be ({MAX_BYTES // 1024**2} MB)"
        if found.problem:
            return None
        try:
            raw = handle.read(MAX_BYTES + 1)
        except OSError as error:
            found.problem = f"cannot be read ({reason(error)})"
            return None
    if len(raw) > MAX_BYTES:
        found.problem = f"is larger than a progress file may be ({MAX_BYTES // 1024**2} MB)"
        return None
    return raw


def _examine(path: Path, label: str, box: str | None, prefix: str) -> tuple[Found, bytes | None]:
    found = Found(path=path, label=label, name=inbox.parse_file_name(path.name))
    if found.name is None:
        found.problem = ("is an unfinished hand-in (a temporary file: a hand-in being written, or one that was cut "
                         "short)" if path.name.startswith(inbox.TEMP_PREFIX) else
                         "is not named as a hand-in (<user>+<UTC time>+<code>.json)")
        return found, None
    raw = _read(found, box, prefix)
    if raw is None:
        return found, None
    try:
        data = parse_export(raw, path.name)
    except ImportRefused as error:
        found.problem = f"is not a usable progress file: {error}"
        return found, None
    found.attempts = len(data["attempts"])
    found.learner_id = data.get("learner_id") or None
    return found, raw


# -- writing the output folder --------------------------------------------------------------------


def _keep(folder: Path, name: str, data: bytes) -> tuple[Path, bool]:
    """Keep ``data`` as ``folder/name``; an existing different file there is kept too (never overwritten).

    Returns the copy and whether it is a new one beside an earlier, different copy (the file changed).
    """
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    stem = name.removesuffix(".json")
    for n in range(1, 1000):
        try:
            with open(target, "rb") as handle:
                if handle.read(MAX_BYTES + 1) == data:
                    return target, False
        except FileNotFoundError:
            atomic_write(target, data, mode=0o640)
            return target, n > 1
        target = folder / f"{stem}.changed-{n}.json"
    raise CollectError(f"{folder} holds 1,000 changed copies of {name}; nothing more was kept.")


def _choose(collection: Collection, due: dt.datetime | None, on_time_only: bool) -> None:
    by_user: dict[str, list[Found]] = {}
    for found in collection.usable:
        assert found.handed_in is not None and found.user is not None
        found.late = None if due is None else found.handed_in > due
        by_user.setdefault(found.user, []).append(found)
    for user, hand_ins in by_user.items():
        hand_ins.sort(key=Found.order)
        eligible = [f for f in hand_ins if not (on_time_only and f.late)]
        if eligible:
            eligible[-1].graded = True
        else:
            collection.notes.append(f"{user} handed in only after the due time, so nothing of theirs is graded "
                                    f"(their {len(hand_ins)} hand-in(s) are kept in {KEPT}/).")


def _write_to_grade(collection: Collection) -> None:
    folder = collection.out / TO_GRADE
    folder.mkdir(parents=True, exist_ok=True)
    made = set()
    for found in collection.graded:
        assert found.kept is not None and found.user is not None
        name = f"{inbox.quote_user(found.user)}.json"
        data = found.kept.read_bytes()
        target = folder / name
        if not (target.is_file() and target.read_bytes() == data):
            atomic_write(target, data, mode=0o640)
        made.add(name)
    for entry in _listing(folder):  # a file an earlier run made for a learner with nothing to grade now
        if entry.name in made or not entry.name.endswith(".json") or not entry.is_file(follow_symlinks=False):
            continue
        data = Path(entry.path).read_bytes()
        copies = collection.out / KEPT / entry.name.removesuffix(".json")
        if copies.is_dir() and any(p.is_file() and p.read_bytes() == data for p in copies.iterdir()):
            os.unlink(entry.path)  # a copy of a kept hand-in, no longer the one to grade
        else:
            collection.notes.append(f"{TO_GRADE}/{entry.name} was not made by collect; it was left as it is, and the "
                                    "gradebook will read it.")


def _report_rows(collection: Collection) -> list[dict[str, object]]:
    def key(f: Found) -> tuple[str, str, str]:
        return ((f.user or "\uffff").casefold(), f.handed_in.isoformat() if f.handed_in else "", f.label)

    yes_no = {True: "yes", False: "no", None: ""}
    return [{"learner": f.user or "", "file": f.label,
             "handed_in": f.handed_in.isoformat(timespec="microseconds") if f.handed_in else "",
             "late": yes_no[f.late], "graded": "yes" if f.graded else "", "attempts": f.attempts,
             "learner_id": f.learner_id or "",
             "kept_as": f.kept.relative_to(collection.out).as_posix() if f.kept else "", "problem": f.problem or ""}
            for f in sorted(collection.found, key=key)]


def _roster_rows(collection: Collection) -> list[dict[str, str]]:
    assert collection.roster is not None
    ids: dict[str, list[str]] = {}
    for found in collection.usable:
        if found.learner_id and found.user:
            ids.setdefault(found.user.casefold(), []).append(found.learner_id)
    graded_users = sorted({f.user for f in collection.graded if f.user}, key=str.casefold)
    graded = {u.casefold() for u in graded_users}
    rows = []
    for row in collection.roster:
        users = [t for t in (row.learner, *row.tokens) if t.casefold() in ids or t.casefold() in graded]
        learner_ids = [i for u in users for i in ids.get(u.casefold(), [])]
        rows.append({"learner": row.learner, "match": ";".join(dict.fromkeys([*row.tokens, *learner_ids]))})
        if not any(u.casefold() in graded for u in users):
            collection.missing.append(row.learner)
    collection.off_roster = [u for u in graded_users if not any(r.is_user(u) for r in collection.roster)]
    return rows


def collect(root: str | os.PathLike[str], out: str | os.PathLike[str], *, due: dt.datetime | None = None,
            on_time_only: bool = False, roster: Sequence[RosterRow] | None = None,
            system_user_prefix: str = "") -> Collection:
    """Collect the hand-ins in the exchange ``root`` into the folder ``out`` (see the module docs).

    Raises :class:`CollectError` (a sentence) when the inbound folder cannot be read or ``out``
    cannot be written, and ``ValueError`` when ``out`` lies inside the exchange.
    """
    root, out = Path(root), Path(out)
    if out.resolve() == root.resolve() or root.resolve() in out.resolve().parents:
        raise ValueError(f"The output folder {out} lies inside the exchange {root}; choose a folder of your own, "
                         "e.g. -o ~/collected.")
    layout, files, notes = _entries(inbox.inbound(root))
    collection = Collection(out=out, layout=layout, notes=notes, roster=list(roster) if roster is not None else None)
    try:
        for path, label, box in files:
            found, raw = _examine(path, label, box, system_user_prefix)
            if raw is not None:
                assert found.user is not None
                found.kept, changed = _keep(out / KEPT / inbox.quote_user(found.user), path.name, raw)
                if changed:
                    collection.notes.append(f"{label} changed after an earlier collect; both versions are kept "
                                            f"({found.kept.relative_to(out).as_posix()}).")
            collection.found.append(found)
        _choose(collection, due, on_time_only)
        _write_to_grade(collection)
        atomic_write(out / REPORT, csv_bytes(_report_rows(collection), list(REPORT_COLUMNS)), mode=0o640)
        if collection.roster is not None:
            atomic_write(out / ROSTER, csv_bytes(_roster_rows(collection), ["learner", "match"]), mode=0o640)
    except OSError as error:
        if isinstance(error, CollectError):
            raise
        raise CollectError(f"The collection could not be written to {out} ({reason(error)}); choose a folder you "
                           "can write to, e.g. -o ~/collected. What was written is kept; run collect again.") from None
    return collection
