"""``kzlessons gradebook --lms canvas|moodle``: the gradebook's lesson scores in the CSV an LMS gradebook imports.

One row per roster learner, one grade column per lesson: the lesson's
``score_share`` (best scores summed over its questions, divided by their number)
as a percentage, 0-100. A lesson the learner answered nothing in is left blank,
so an import never turns an existing grade into 0.

**Canvas** (Grades > Import): ``Student, ID, SIS User ID, SIS Login ID, Section``
then the lesson columns, and a ``Points Possible`` row (100) first, as Canvas's
own export has; Canvas creates an assignment for each new column.
**Moodle** (Grades > Import > CSV file): ``Full name``, one column that
identifies the user, then the lesson columns; at import map the identifier
to the user field it holds and each lesson column to a grade item (maximum 100).

Who each row is comes from the roster (``--roster``): its ``match`` column (the
first text, e.g. the login or the student number), or columns named as the
LMS names them, which win when present: Canvas's ``ID``, ``SIS User ID``,
``SIS Login ID``, ``Section``; Moodle's ``Email address``, ``Username`` or ``ID number``.

>>> identifier_header(["a@x.kz", "b@x.kz"]), identifier_header(["1001", "1002"]), identifier_header(["aigerim"])
('Email address', 'ID number', 'Username')
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..progress.gradebook import Book, rows_of
from ..progress.roster import RosterEntry, RosterError
from .common import lesson_title, lesson_titles

__all__ = ["LMS_NAMES", "CANVAS_IDS", "MOODLE_IDS", "GradeTable", "roster_fields", "identifier_header",
           "lesson_column", "lms_table", "lms_csv"]

LMS_NAMES = {"canvas": "Canvas", "moodle": "Moodle"}
#: Canvas's columns before the assignments (as its gradebook export names them).
CANVAS_IDS = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")
#: Moodle user fields a grade import can match on: column name -> the names a roster may give it.
MOODLE_IDS = {"Email address": ("email address", "email", "e-mail"), "Username": ("username",),
              "ID number": ("id number", "idnumber")}
POINTS_POSSIBLE = "Points Possible"


@dataclass
class GradeTable:
    """An LMS grade file: its columns, its rows, and notes for the instructor."""

    columns: list[str]
    rows: list[dict[str, Any]]
    notes: list[str] = field(default_factory=list)


def roster_fields(raw: bytes) -> dict[int, dict[str, str]]:
    """Every roster row's cells by lower-case header, keyed by the row's line as :mod:`.roster` counts it.

    >>> roster_fields(b"learner,match,SIS Login ID\\nAigerim,1001,anur\\n")
    {2: {'learner': 'Aigerim', 'match': '1001', 'sis login id': 'anur'}}
    """
    text = raw.decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    return {line: {(k or "").strip().casefold(): (v or "").strip() for k, v in row.items() if k is not None}
            for line, row in enumerate(reader, start=2)}


def identifier_header(values: Sequence[str]) -> str:
    """The Moodle user field a roster's ``match`` texts look like: e-mail, a number (ID number) or a username."""
    present = [v for v in values if v]
    if present and all("@" in v for v in present):
        return "Email address"
    if present and all(v.isdigit() for v in present):
        return "ID number"
    return "Username"


def lesson_column(lesson: str, titles: Mapping[str, str]) -> str:
    """The grade column of a lesson (the name a new Canvas assignment or Moodle grade item gets).

    >>> lesson_column("02", {"02": "Following the trade"})
    'kzlessons Lesson 02: Following the trade'
    """
    return f"kzlessons {lesson_title(lesson, titles)}"


def _percent(row: Mapping[str, Any]) -> float | str:
    if row.get("status") != "answered" or row.get("score_share") is None:
        return ""
    return round(float(row["score_share"]) * 100, 2)


def _grades(book: Book, count: int) -> tuple[list[str], list[dict[str, float | str]]]:
    """The lessons, and for each of the first ``count`` learners their percentage per lesson."""
    rows = rows_of(book)
    per = len(rows) // len(book.learners) if book.learners else 0
    lessons = [r["lesson"] for r in rows[:per]]
    grades = []
    for index in range(count):
        mine = rows[index * per:(index + 1) * per]
        grades.append({r["lesson"]: _percent(r) for r in mine})
    return lessons, grades


def lms_table(lms: str, book: Book, roster: Sequence[RosterEntry], roster_raw: bytes) -> GradeTable:
    """The grade file for ``lms`` (``canvas`` or ``moodle``); raises :class:`RosterError` when the roster
    cannot tell the LMS who a row is."""
    fields = roster_fields(roster_raw)
    headers = set().union(*(f.keys() for f in fields.values())) if fields else set()
    has_match = "match" in headers

    def first_match(entry: RosterEntry) -> str:
        return entry.tokens[0] if has_match and entry.tokens else ""

    lessons, grades = _grades(book, len(roster))
    titles = lesson_titles()
    columns = {lesson: lesson_column(lesson, titles) for lesson in lessons}
    notes: list[str] = []
    rows: list[dict[str, Any]] = []
    if lms == "canvas":
        canvas_ids = {"ID": "id", "SIS User ID": "sis user id", "SIS Login ID": "sis login id", "Section": "section"}
        if not has_match and not {"id", "sis user id", "sis login id"} & headers:
            raise RosterError("Canvas matches grade rows by its ID, SIS User ID or SIS Login ID, and the roster "
                              "has none of them: add a 'match' column (each learner's Canvas login) or Canvas's "
                              "'SIS Login ID' column.")
        rows.append({CANVAS_IDS[0]: POINTS_POSSIBLE, **{columns[lesson]: 100 for lesson in lessons}})
        for entry, grade in zip(roster, grades):
            own = fields.get(entry.line, {})
            row = {"Student": entry.learner, **{name: own.get(key, "") for name, key in canvas_ids.items()}}
            if not row["SIS Login ID"] and "sis login id" not in headers:
                row["SIS Login ID"] = first_match(entry)
            if not (row["ID"] or row["SIS User ID"] or row["SIS Login ID"]):
                notes.append(f"Roster row {entry.learner!r} (line {entry.line}) has no ID, SIS User ID or login: "
                             "Canvas will not know whose row it is.")
            rows.append({**row, **{columns[lesson]: grade.get(lesson, "") for lesson in lessons}})
        head = list(CANVAS_IDS)
    elif lms == "moodle":
        named = next(((header, key) for header, keys in MOODLE_IDS.items() for key in keys if key in headers), None)
        if named is None and not has_match:
            raise RosterError("Moodle matches grade rows by a user field (e-mail address, username or ID number), "
                              "and the roster has none: add a 'match' column with one of them, or an "
                              "'Email address', 'Username' or 'ID number' column.")
        header = named[0] if named else identifier_header([first_match(e) for e in roster])
        for entry, grade in zip(roster, grades):
            value = fields.get(entry.line, {}).get(named[1], "") if named else first_match(entry)
            if not value:
                notes.append(f"Roster row {entry.learner!r} (line {entry.line}) has no {header}: Moodle will "
                             "not know whose row it is.")
            rows.append({"Full name": entry.learner, header: value,
                         **{columns[lesson]: grade.get(lesson, "") for lesson in lessons}})
        head = ["Full name", header]
    else:
        raise ValueError(f"unknown LMS {lms!r}")
    extra = book.learners[len(roster):]
    if extra:
        labels = "; ".join(", ".join(x.files) or x.label for x in extra)
        notes.append(f"{len(extra)} learner(s) whose files match no roster row are not in the "
                     f"{LMS_NAMES[lms]} file (it needs to know who each row is): {labels}.")
    return GradeTable(head + [columns[lesson] for lesson in lessons], rows, notes)


def lms_csv(lms: str, book: Book, roster: Sequence[RosterEntry], roster_path: str) -> tuple[bytes, list[str]]:
    """The grade file for ``lms`` as CSV bytes (UTF-8, cells made safe), and the notes; reads the roster
    file again for the LMS's own columns. Raises :class:`RosterError` with a sentence."""
    from ..progress.cells import csv_bytes
    from ..progress.roster import MAX_ROSTER_BYTES

    try:
        with open(roster_path, "rb") as handle:
            raw = handle.read(MAX_ROSTER_BYTES + 1)
    except OSError as error:
        raise RosterError(f"The roster {roster_path} cannot be read ({error.strerror or error}).") from None
    table = lms_table(lms, book, roster, raw)
    return csv_bytes(table.rows, table.columns), table.notes
