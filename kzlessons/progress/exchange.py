"""Export and import of progress files (versioned JSON; never executed, always validated).

An export (format version 3) looks like::

    {"format": "kzlessons-progress", "version": 3,
     "exported_at": "2025-03-01T10:00:00+00:00", "kzlessons_version": "0.1.0",
     "learner": null,                        # or a self-chosen name
     "learner_id": "3f2b…",                  # random, made once per store (32 hex digits), or null
     "imported_learner_ids": ["9c1d…"],      # learner ids of files imported into this store (may be [])
     "attempts": [
     {"attempt_id": "…", "question_id": "l00-area", "lesson": "00", "answer": "2,700,000",
      "correct": true, "score": 1.0, "time": "2025-03-01T09:58:12.123456+00:00"},
     …]}

one attempt per line. Attempts may carry optional fields beyond the required
ones (e.g. ``"kind": "shown"``); they are kept and travel with the file.
Older files are still read: version 2 (the same without
``imported_learner_ids``) and version 1 (without ``learner_id`` either). A
version-1 file with a ``learner_id``, or a version-1 or -2 file with
``imported_learner_ids``, was edited by hand and is refused.

Reading is in two steps, so that files inside a zip archive can be read too:
:func:`read_bytes` reads a regular file (never a FIFO or a device) of at most
:data:`MAX_BYTES`, and :func:`parse_export` turns bytes into a validated
export; :func:`read_export` does both. They refuse with :class:`ImportRefused`
(a sentence), without touching the store: anything that is not a regular file
(a folder, a FIFO, a device), files over :data:`MAX_BYTES`, an empty file, a
zip or gzip archive, text saved as UTF-16 or UTF-32 or in another encoding than
UTF-8 (a UTF-8 byte-order mark is fine), anything that is not JSON (NaN,
numbers too large to store), JSON of the wrong shape, an attempt the store
could not keep (see :func:`kzlessons.progress.rows.row_problem`), and files
made by a newer kzlessons (a higher ``version``). An export that would be
larger than what an import accepts is refused with :class:`ExportRefused`
instead of being written.

The shape is checked against :data:`EXPORT_SCHEMA` (JSON Schema) by
:mod:`kzlessons.progress.schemacheck`, which does not need the slow-to-import
``jsonschema`` package.

>>> data = build_export([], learner=None)
>>> (data["format"], data["version"], data["imported_learner_ids"], data["attempts"])
('kzlessons-progress', 3, [], [])
>>> validate_export(data) == data
True
>>> parse_export(b'\\xff\\xfe{\\x00', "x.json")
Traceback (most recent call last):
...
kzlessons.progress.exchange.ImportRefused: 'x.json' was saved as UTF-16 text (Windows Notepad's 'Unicode'); open it and save it as UTF-8, or export it again.

Times are read with :func:`kzlessons.progress.rows.parse_time` (the parser the
store uses) and written back in kzlessons' own form, UTC with microseconds.
>>> clean_name("Ali\\u202ece\\x1b[31m")
'Alice[31m'
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import LearnerError
from .rows import ATTEMPT_ID, KIND, LESSON, MAX_QUESTION_ID, MAX_TIME, QUESTION_ID, canonical_time, loads, row_problem
from .schemacheck import Check, compile_schema

__all__ = [
    "FORMAT",
    "VERSION",
    "READABLE_VERSIONS",
    "MAX_BYTES",
    "MAX_ATTEMPTS",
    "ImportRefused",
    "ExportRefused",
    "ImportReport",
    "build_export",
    "export_bytes",
    "validate_export",
    "read_bytes",
    "parse_export",
    "read_export",
    "kind_of_file",
    "clean_name",
]

FORMAT = "kzlessons-progress"
VERSION = 3
READABLE_VERSIONS = (1, 2, 3)
MAX_BYTES = 20 * 1024 * 1024
MAX_ATTEMPTS = 200_000
MAX_NAME = 80
#: The most learner ids an export lists in ``imported_learner_ids`` (format version 3).
MAX_IMPORTED_IDS = 1000
LEARNER_ID = r"^[0-9a-f]{32}$"

_REQUIRED = ["attempt_id", "question_id", "lesson", "answer", "correct", "score", "time"]
_ATTEMPT_SCHEMA = {
    "type": "object",
    "required": _REQUIRED,
    "properties": {
        "attempt_id": {"type": "string", "pattern": ATTEMPT_ID},
        "question_id": {"type": "string", "pattern": QUESTION_ID, "maxLength": MAX_QUESTION_ID},
        "lesson": {"type": "string", "pattern": LESSON},
        "answer": {},
        "correct": {"type": "boolean"},
        "score": {"type": "number", "minimum": 0, "maximum": 1},
        "time": {"type": "string", "maxLength": MAX_TIME},
        "kind": {"type": "string", "pattern": KIND},
    },
}

EXPORT_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "kzlessons progress export, versions 1 to 3",
    "type": "object",
    "required": ["format", "version", "attempts"],
    "additionalProperties": False,
    "properties": {
        "format": {"const": FORMAT},
        "version": {"enum": list(READABLE_VERSIONS)},
        "exported_at": {"type": "string", "maxLength": 40},
        "kzlessons_version": {"type": "string", "maxLength": 40},
        "learner": {"type": ["string", "null"], "maxLength": MAX_NAME},
        "learner_id": {"type": ["string", "null"], "pattern": LEARNER_ID},
        "imported_learner_ids": {"type": "array", "maxItems": MAX_IMPORTED_IDS,
                                 "items": {"type": "string", "pattern": LEARNER_ID}},
        "attempts": {"type": "array", "maxItems": MAX_ATTEMPTS, "items": _ATTEMPT_SCHEMA},
    },
}

_MB = 1024 * 1024


def _mb(size: int) -> str:
    return f"{size / _MB:.1f} MB" if size < 10 * _MB else f"{size // _MB} MB"


class ImportRefused(LearnerError, ValueError):
    """A progress file was refused; the message says why and what to do."""


class ExportRefused(LearnerError, ValueError):
    """An export could not be made (it would be too large to import again); the message says what to do."""


@dataclass(frozen=True)
class ImportReport:
    """What :func:`kzlessons.progress.load_file` did.

    Attributes:
        added: attempts that were new and are now stored.
        duplicates: attempts already in the store (skipped).
        learner: the name in the file, if any.
        continued: True when this store had nothing of its own yet and took over the
            file's learner id: it goes on as the same learner.
        other_learner: True when the file is another learner id's and this store
            already had answers: its exports now say that it imported that file.
    """

    added: int
    duplicates: int
    learner: str | None
    continued: bool = False
    other_learner: bool = False

    def __str__(self) -> str:
        who = f" from {self.learner}" if self.learner else ""
        text = f"Imported {self.added} new attempt(s){who}; {self.duplicates} were already stored."
        if self.continued:
            text += " You carry on as the same learner, so your instructor's gradebook shows one of you."
        elif self.other_learner:
            text += (" The file is another learner's (another learner id): its answers now count in your exports, "
                     "and your instructor's gradebook sees that you imported it.")
        return text


# Control characters, format characters (bidi marks and overrides, zero-width
# characters), line and paragraph separators, private use and unassigned code points.
_DROP = {"Cc", "Cf", "Zl", "Zp", "Co", "Cn", "Cs"}


def clean_name(text: str) -> str:
    """A learner-chosen name without control, bidi or invisible characters, spaces collapsed."""
    kept = "".join(ch for ch in str(text) if unicodedata.category(ch) not in _DROP)
    return " ".join(kept.split())


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


_LEARNER_ID = re.compile(LEARNER_ID[1:-1])


def _is_learner_id(value: Any) -> bool:
    return isinstance(value, str) and _LEARNER_ID.fullmatch(value) is not None


def build_export(rows: Iterable[Mapping[str, Any]], learner: str | None, learner_id: str | None = None,
                 imported_learner_ids: Iterable[str] = ()) -> dict[str, Any]:
    """The export document for these attempt rows (every field of each row is kept).

    ``imported_learner_ids`` is written as a list: the valid ids (32 lower-case hex
    digits) in the order given, each once, at most :data:`MAX_IMPORTED_IDS` (the
    first ones); anything else is left out.

    >>> build_export([], None, "0" * 32, ["a" * 32, "not an id", "a" * 32])["imported_learner_ids"]
    ['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']
    """
    from .. import __version__

    imported = list(dict.fromkeys(i for i in imported_learner_ids if _is_learner_id(i)))[:MAX_IMPORTED_IDS]
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": _now(),
        "kzlessons_version": __version__,
        "learner": learner or None,
        "learner_id": learner_id if _is_learner_id(learner_id) else None,
        "imported_learner_ids": imported,
        "attempts": [{**{k: row.get(k) for k in _REQUIRED}, **dict(row)} for row in rows],
    }


def export_bytes(rows: Iterable[Mapping[str, Any]], learner: str | None, learner_id: str | None = None,
                 imported_learner_ids: Iterable[str] = ()) -> bytes:
    """The export document (see :func:`build_export`) as UTF-8 JSON bytes, one attempt per line.

    Raises :class:`ExportRefused` when the file would be more than an import accepts.
    """
    data = build_export(rows, learner, learner_id, imported_learner_ids)
    attempts = data.pop("attempts")
    if len(attempts) > MAX_ATTEMPTS:
        raise ExportRefused(
            f"You have {len(attempts):,} stored attempts, more than the {MAX_ATTEMPTS:,} a progress file can "
            "hold, so no file was written. Ask your instructor for help; nothing was deleted."
        )
    head = json.dumps(data, ensure_ascii=False, allow_nan=False)[:-1]
    lines = ",\n".join(json.dumps(a, ensure_ascii=False, allow_nan=False, separators=(",", ":")) for a in attempts)
    text = f'{head}, "attempts": [\n{lines}\n]}}\n' if attempts else f'{head}, "attempts": []}}\n'
    payload = text.encode("utf-8")
    if len(payload) > MAX_BYTES:
        raise ExportRefused(
            f"Your progress would make a {_mb(len(payload))} file, more than the "
            f"{_mb(MAX_BYTES)} a progress file may have, so no file was written. "
            "Ask your instructor for help; nothing was deleted."
        )
    return payload


@functools.lru_cache(maxsize=1)
def _schema_check() -> Check:
    return compile_schema(EXPORT_SCHEMA)


@functools.lru_cache(maxsize=1)
def _top_check() -> Check:
    """The export schema without its per-attempt rules, which :func:`row_problem` enforces (and more).

    A file of 100,000 attempts is then checked once per attempt, not twice; the full
    schema is run only when a row is wrong, so the sentence is the same as before.
    """
    attempts = {**EXPORT_SCHEMA["properties"]["attempts"], "items": {}}
    return compile_schema({**EXPORT_SCHEMA, "properties": {**EXPORT_SCHEMA["properties"], "attempts": attempts}})


def validate_export(data: Any, source: str = "The file") -> dict[str, Any]:
    """Return ``data`` if it is a valid export, else raise :class:`ImportRefused`."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ImportRefused(
            f"{source} is not a kzlessons progress file (it has no \"format\": \"{FORMAT}\"). "
            "Export one with kz.progress.export() or the download button in lesson 00."
        )
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ImportRefused(f"{source} has no valid format version; it may have been edited by hand.")
    if version > VERSION:
        raise ImportRefused(
            f"{source} was made by a newer kzlessons (file format version {version}; this one reads "
            f"versions up to {VERSION}). Upgrade with: pip install -U kzlessons"
        )
    problem = _top_check()(data)
    bad = None
    if problem is None:
        bad = next(((i, p) for i, p in enumerate(map(row_problem, data["attempts"])) if p is not None), None)
        problem = _schema_check()(data) if bad is not None else None
    if problem is not None:
        where = "/".join(str(p) for p in problem.path) or "(top level)"
        message = problem.message if len(problem.message) < 200 else problem.message[:199] + "…"
        raise ImportRefused(f"{source} does not match the progress file format at {where}: {message}.")
    for field, since in (("learner_id", 2), ("imported_learner_ids", 3)):
        if version < since and field in data:
            raise ImportRefused(f"{source} says it is format version {version} but has {field}, which came "
                                f"with version {since}; it may have been edited by hand.")
    if bad is not None:
        raise ImportRefused(f"{source} cannot be imported: at attempts/{bad[0]}, {bad[1]}. "
                            "Nothing was imported; it may have been edited by hand.")
    for row in data["attempts"]:
        row["time"] = canonical_time(row["time"])
    return data


def kind_of_file(mode: int) -> str:
    """What a file of this ``st_mode`` is, in words (for files that are not regular).

    >>> kind_of_file(stat.S_IFIFO | 0o644)
    'a pipe (FIFO)'
    """
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def read_bytes(path: str | os.PathLike[str], name: str | None = None) -> bytes:
    """The bytes of a progress file; raises :class:`ImportRefused` with a clear reason.

    Only regular files of at most :data:`MAX_BYTES` are read (a FIFO or a device
    would block or never end), and they are opened without blocking. ``name`` is
    what the sentences call the file (default: the file's name).
    """
    path = Path(path)
    name = f"'{name or path.name or path}'"
    try:
        info = path.stat()
    except OSError as error:
        raise ImportRefused(f"{name} cannot be read ({error.strerror or error}). "
                            "Check the file name and that you may read it.") from None
    if not stat.S_ISREG(info.st_mode):
        raise ImportRefused(f"{name} is {kind_of_file(info.st_mode)}, not a progress file; "
                            "give the path of an exported .json file.")
    if info.st_size > MAX_BYTES:
        raise ImportRefused(
            f"{name} is {_mb(info.st_size)}; progress files are at most {_mb(MAX_BYTES)}. "
            "Check that you picked the right file."
        )
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # swapped since we looked
                raise ImportRefused(f"{name} is not a regular file; give the path of an exported .json file.")
            raw = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise ImportRefused(f"{name} cannot be read ({error.strerror or error}). "
                            "Check that you may read it.") from None
    if len(raw) > MAX_BYTES:  # grew while we looked
        raise ImportRefused(f"{name} is larger than {_mb(MAX_BYTES)}; check that you picked the right file.")
    return raw


_BOM_UTF8 = b"\xef\xbb\xbf"
#: What bytes at the start of a file say it is, before it is decoded (longest first).
_MAGIC = (
    (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\xfe\xff", "utf-16"), (b"\xff\xfe", "utf-16"),
    (b"PK\x03\x04", "zip"), (b"PK\x05\x06", "zip"), (b"PK\x07\x08", "zip"),
    (b"\x1f\x8b", "gzip"),
)
_NOT_TEXT = {
    "utf-16": "was saved as UTF-16 text (Windows Notepad's 'Unicode'); open it and save it as UTF-8, "
              "or export it again.",
    "utf-32": "was saved as UTF-32 text; open it and save it as UTF-8, or export it again.",
    "zip": "is a zip archive, not a progress file; unzip it and give the .json file(s) inside.",
    "gzip": "is a gzip-compressed file, not a progress file; decompress it (e.g. with gunzip) and give the "
            ".json file inside.",
}


def _sniff(raw: bytes) -> str | None:
    """``"utf-16"``, ``"utf-32"``, ``"zip"`` or ``"gzip"`` when the bytes are that, else None.

    Without a byte-order mark, UTF-16 and UTF-32 show by their NUL bytes: JSON
    starts with an ASCII character, so its first 4 bytes give the encoding away
    (RFC 4627, section 3).

    >>> [_sniff(b) for b in (b'{"a', b'\\x00{\\x00"', b'{\\x00"\\x00', b'{\\x00\\x00\\x00', b'PK\\x03\\x04')]
    [None, 'utf-16', 'utf-16', 'utf-32', 'zip']
    """
    for magic, kind in _MAGIC:
        if raw.startswith(magic):
            return kind
    head = raw[:4]
    if len(head) == 4 and b"\x00\x00\x00" in (head[:3], head[1:]):
        return "utf-32"
    if len(head) >= 2 and (head[0] == 0) != (head[1] == 0):
        return "utf-16"
    return None


def parse_export(raw: bytes, name: str) -> dict[str, Any]:
    """Validate the bytes of a progress file called ``name``; raises :class:`ImportRefused` with a reason.

    UTF-8 with or without a byte-order mark is read. A zip or gzip archive, UTF-16
    or UTF-32 text, bytes that are not UTF-8, and anything :func:`validate_export`
    refuses are refused with a sentence that says what the file is and what to do.

    >>> parse_export(b"PK\\x03\\x04...", "grades.json")
    Traceback (most recent call last):
    ...
    kzlessons.progress.exchange.ImportRefused: 'grades.json' is a zip archive, not a progress file; unzip it and give the .json file(s) inside.
    """
    label = f"'{name}'"
    if len(raw) > MAX_BYTES:
        raise ImportRefused(f"{label} is {_mb(len(raw))}; progress files are at most {_mb(MAX_BYTES)}. "
                            "Check that you picked the right file.")
    skipped = len(_BOM_UTF8) if raw.startswith(_BOM_UTF8) else 0  # a byte-order mark, as Notepad writes
    raw = raw[skipped:]
    if not raw.strip(b" \t\r\n\x00"):
        raise ImportRefused(f"{label} is empty, not a progress file; export your progress again." if b"\x00" not in raw
                            else f"{label} holds only zero bytes (it was damaged, e.g. by a crash while it was "
                                 "being saved); export your progress again.")
    kind = _sniff(raw)
    if kind is not None:
        raise ImportRefused(f"{label} {_NOT_TEXT[kind]}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ImportRefused(
            f"{label} is not UTF-8 text (the byte 0x{raw[error.start]:02x} at position {skipped + error.start:,} "
            "cannot be read; it may have been saved in another encoding, such as Windows-1251). If you edited "
            "it, save it as UTF-8; otherwise export it again."
        ) from None
    try:
        data = loads(text)
    except (ValueError, RecursionError, MemoryError) as error:
        reason = (str(error).splitlines() or [type(error).__name__])[0][:120]
        raise ImportRefused(f"{label} is not a kzlessons progress file (not valid JSON: {reason}).") from None
    return validate_export(data, source=label)


def read_export(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Read and validate an export file (:func:`read_bytes`, then :func:`parse_export`).

    Raises :class:`ImportRefused` with a clear reason.
    """
    path = Path(path)
    return parse_export(read_bytes(path), path.name or str(path))
