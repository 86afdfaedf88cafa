"""``--roster FILE``: the learners an instructor expects, and which handed-in files are whose.

A roster is a CSV file (UTF-8, with or without a byte-order mark, as spreadsheets
save it) with a header row and one row per learner:

=========== ==================================================================
``learner`` required: the name to show in the gradebook
``match``   optional: texts that identify this learner's files, separated by ``;``.
            Each is a learner id, a word of the file name (Canvas and Moodle put the
            student's login, number or name into the names of downloaded files), or
            the name the learner typed into the file. Without it, ``learner`` is used.
=========== ==================================================================

Any other column is ignored (so an LMS export with an extra column works).

Files are matched by the strongest evidence first: a learner id, then a word of
the file name, then the typed name. A learner whose files match two roster rows,
or a typed name shared by two learners, is not assigned, and a note says so:
the gradebook never guesses. Files that the file names (or ids) place under one
roster row are **one learner** even if they came from two stores (the LMS
says who uploaded them), and a note says so.

>>> roster = parse_roster("learner,match\\nAigerim Nur,12345\\nBolat\\n".encode(), "r.csv")
>>> [(e.learner, e.tokens) for e in roster]
[('Aigerim Nur', ('12345',)), ('Bolat', ('Bolat',))]
>>> matches_file(roster[0], "nuraigerim_12345_987_kzlessons-progress.json"), matches_file(roster[0], "x_123456.json")
(True, False)
>>> matches_file(roster[0], "all.zip:Aigerim Nur_12345_assignsubmission_file_/kzlessons-progress.json")
True
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from .exchange import clean_name

__all__ = ["RosterEntry", "RosterError", "parse_roster", "read_roster", "matches_file", "matches_id",
           "matches_name"]

MAX_ROSTER_BYTES = 5 * 1024 * 1024


class RosterError(ValueError):
    """A roster that cannot be used; the message says what to fix."""


@dataclass(frozen=True)
class RosterEntry:
    """One expected learner: the name to show and the texts that identify their files."""

    learner: str
    tokens: tuple[str, ...]
    line: int


def parse_roster(raw: bytes, label: str) -> list[RosterEntry]:
    """The roster's rows (see the module docs); raises :class:`RosterError` with a sentence."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise RosterError(f"The roster {label} is saved as UTF-16 text; save it as 'CSV UTF-8' and try again.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RosterError(f"The roster {label} is not UTF-8 text; save it as 'CSV UTF-8' and try again.") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    fields = {(f or "").strip().casefold(): f for f in reader.fieldnames or []}
    if "learner" not in fields:
        raise RosterError(f"The roster {label} needs a header row with a 'learner' column (and optionally "
                          "'match'); its first line is " + repr((text.splitlines() or [""])[0][:80]) + ".")
    entries: list[RosterEntry] = []
    for line, row in enumerate(reader, start=2):
        name = clean_name(row.get(fields["learner"]) or "")
        if not name:
            continue
        match = row.get(fields["match"]) if "match" in fields else None
        tokens = tuple(t for t in (clean_name(x) for x in (match or name).split(";")) if t)
        entries.append(RosterEntry(name, tokens, line))
    if not entries:
        raise RosterError(f"The roster {label} has no learners: add one row per learner under the header.")
    return entries


def read_roster(path: str) -> list[RosterEntry]:
    """Read and parse a roster file; raises :class:`RosterError` with a sentence."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_ROSTER_BYTES + 1)
    except OSError as error:
        raise RosterError(f"The roster {path} cannot be read ({error.strerror or error}); check its name.") from None
    if len(raw) > MAX_ROSTER_BYTES:
        raise RosterError(f"The roster {path} is over 5 MB; is it the right file?")
    return parse_roster(raw, path)


def _words(text: str) -> str:
    return " " + " ".join(re.split(r"[^\w]+|_", text.casefold())) + " "


def _file_part(label: str) -> str:
    """The part of a file's label that names a student: a zip member's path, else the file and its folder."""
    head, sep, member = label.partition(".zip:")
    if sep:
        return member
    return "/".join(PurePosixPath(label.replace("\\", "/")).parts[-2:])


def matches_file(entry: RosterEntry, label: str) -> bool:
    """True when one of the entry's texts is a whole word (or words) of the file's name or folder.

    Canvas names downloads ``lastnamefirstname_login_…_file.json``; Moodle puts
    ``Firstname Lastname_number_assignsubmission_file_/`` folders into its zip.
    """
    name = _words(_file_part(label))
    return any(f" {_words(t).strip()} " in name for t in entry.tokens if _words(t).strip())


def matches_id(entry: RosterEntry, learner_ids: Sequence[str]) -> bool:
    """True when one of the entry's texts is one of these learner ids."""
    return any(t.casefold() in learner_ids for t in entry.tokens)


def matches_name(entry: RosterEntry, name: str | None) -> bool:
    """True when the name typed into the files is the entry's name or one of its texts (ignoring case)."""
    if not name:
        return False
    wanted = name.strip().casefold()
    return wanted == entry.learner.casefold() or any(wanted == t.casefold() for t in entry.tokens)
