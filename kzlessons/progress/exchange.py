"""Export and import of progress files (versioned JSON; never executed, always validated).

An export (format version 2) looks like::

    {"format": "kzlessons-progress", "version": 2,
     "exported_at": "2025-03-01T10:00:00+00:00", "kzlessons_version": "0.1.0",
     "learner": null,                        # or a self-chosen name
     "learner_id": "3f2b…",                  # random, made once per store (32 hex digits), or null
     "attempts": [
     {"attempt_id": "…", "question_id": "l00-area", "lesson": "00", "answer": "2,700,000",
      "correct": true, "score": 1.0, "time": "2025-03-01T09:58:12.123456+00:00"},
     …]}

one attempt per line. Attempts may carry optional fields beyond the required
ones (e.g. ``"kind": "shown"``); they are kept and travel with the file.
Version 1 files (the same without ``learner_id``) are still read.

Reading refuses with :class:`ImportRefused` (a sentence), without touching the
store: anything that is not a regular file (a folder, a FIFO, a device),
files over :data:`MAX_BYTES`, anything that is not JSON (NaN, numbers too large
to store), JSON of the wrong shape, an attempt the store could not keep (see
:func:`kzlessons.progress.rows.row_problem`), and files made by a newer
kzlessons (a higher ``version``). An export that would be larger than what an
import accepts is refused with :class:`ExportRefused` instead of being written.

>>> data = build_export([], learner=None)
>>> (data["format"], data["version"], data["attempts"])
('kzlessons-progress', 2, [])
>>> validate_export(data) == data
True

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
    "read_export",
    "clean_name",
]

FORMAT = "kzlessons-progress"
VERSION = 2
READABLE_VERSIONS = (1, 2)
MAX_BYTES = 20 * 1024 * 1024
MAX_ATTEMPTS = 200_000
MAX_NAME = 80
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
    "title": "kzlessons progress export, versions 1 and 2",
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
    """

    added: int
    duplicates: int
    learner: str | None

    def __str__(self) -> str:
        who = f" from {self.learner}" if self.learner else ""
        return f"Imported {self.added} new attempt(s){who}; {self.duplicates} were already stored."


# Control characters, format characters (bidi marks and overrides, zero-width
# characters), line and paragraph separators, private use and unassigned code points.
_DROP = {"Cc", "Cf", "Zl", "Zp", "Co", "Cn", "Cs"}


def clean_name(text: str) -> str:
    """A learner-chosen name without control, bidi or invisible characters, spaces collapsed."""
    kept = "".join(ch for ch in str(text) if unicodedata.category(ch) not in _DROP)
    return " ".join(kept.split())


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def build_export(rows: Iterable[Mapping[str, Any]], learner: str | None,
                 learner_id: str | None = None) -> dict[str, Any]:
    """The export document for these attempt rows (every field of each row is kept)."""
    from .. import __version__

    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": _now(),
        "kzlessons_version": __version__,
        "learner": learner or None,
        "learner_id": learner_id if isinstance(learner_id, str) and re.match(LEARNER_ID, learner_id) else None,
        "attempts": [{**{k: row.get(k) for k in _REQUIRED}, **dict(row)} for row in rows],
    }


def export_bytes(rows: Iterable[Mapping[str, Any]], learner: str | None, learner_id: str | None = None) -> bytes:
    """The export document as UTF-8 JSON bytes, one attempt per line.

    Raises :class:`ExportRefused` when the file would be more than an import accepts.
    """
    data = build_export(rows, learner, learner_id)
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
def _validator():
    import jsonschema

    cls = jsonschema.validators.validator_for(EXPORT_SCHEMA)
    return cls(EXPORT_SCHEMA)


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
    errors = list(_validator().iter_errors(data))
    if errors:
        import jsonschema.exceptions

        error = jsonschema.exceptions.best_match(errors)
        where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        message = error.message if len(error.message) < 200 else error.message[:199] + "…"
        raise ImportRefused(f"{source} does not match the progress file format at {where}: {message}.")
    if version == 1 and "learner_id" in data:
        raise ImportRefused(f"{source} says it is format version 1 but has a learner_id; it may have been "
                            "edited by hand.")
    for index, row in enumerate(data["attempts"]):
        problem = row_problem(row)
        if problem is not None:
            raise ImportRefused(f"{source} cannot be imported: at attempts/{index}, {problem}. "
                                "Nothing was imported; it may have been edited by hand.")
        row["time"] = canonical_time(row["time"])
    return data


def _kind_of_file(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def read_export(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Read and validate an export file; raises :class:`ImportRefused` with a clear reason.

    Only regular files are opened (a FIFO or a device would block or never end),
    and they are opened without blocking.
    """
    path = Path(path)
    name = f"'{path.name or path}'"
    try:
        info = path.stat()
    except OSError as error:
        raise ImportRefused(f"{name} cannot be read ({error.strerror or error}). "
                            "Check the file name and that you may read it.") from None
    if not stat.S_ISREG(info.st_mode):
        raise ImportRefused(f"{name} is {_kind_of_file(info.st_mode)}, not a progress file; "
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
    if raw.startswith(b"\xef\xbb\xbf"):  # a byte-order mark, as Windows Notepad writes
        raw = raw[3:]
    try:
        data = loads(raw.decode("utf-8"))
    except (ValueError, RecursionError, MemoryError) as error:
        reason = (str(error).splitlines() or [type(error).__name__])[0][:120]
        raise ImportRefused(f"{name} is not a kzlessons progress file (not valid JSON: {reason}).") from None
    return validate_export(data, source=name)
