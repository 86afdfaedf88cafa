"""Export and import of progress files (versioned JSON; never executed, always validated).

An export looks like::

    {"format": "kzlessons-progress", "version": 1,
     "exported_at": "2025-03-01T10:00:00+00:00", "kzlessons_version": "0.1.0",
     "learner": null,                       # or a self-chosen name
     "attempts": [{"attempt_id": "…", "question_id": "l00-area", "lesson": "00",
                   "answer": "2,700,000", "correct": true, "score": 1.0,
                   "time": "2025-03-01T09:58:12.123456+00:00"}, …]}

Reading refuses, with a plain message and without touching the store: files
over 5 MB, anything that is not JSON, JSON of the wrong shape, and files made
by a newer kzlessons (a higher ``version``).

>>> data = build_export([], learner=None)
>>> (data["format"], data["version"], data["attempts"])
('kzlessons-progress', 1, [])
>>> validate_export(data) == data
True
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = [
    "FORMAT",
    "VERSION",
    "MAX_BYTES",
    "ImportRefused",
    "ImportReport",
    "build_export",
    "export_bytes",
    "validate_export",
    "read_export",
]

FORMAT = "kzlessons-progress"
VERSION = 1
MAX_BYTES = 5 * 1024 * 1024
MAX_NAME = 80

_ATTEMPT_SCHEMA = {
    "type": "object",
    "required": ["attempt_id", "question_id", "lesson", "answer", "correct", "score", "time"],
    "additionalProperties": False,
    "properties": {
        "attempt_id": {"type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$"},
        "question_id": {"type": "string", "pattern": "^l[0-9]{2}-[a-z0-9]+(-[a-z0-9]+)*$", "maxLength": 80},
        "lesson": {"type": "string", "pattern": "^[0-9]{2}$"},
        "answer": {},
        "correct": {"type": "boolean"},
        "score": {"type": "number", "minimum": 0, "maximum": 1},
        "time": {"type": "string", "maxLength": 40},
    },
}

EXPORT_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "kzlessons progress export, version 1",
    "type": "object",
    "required": ["format", "version", "attempts"],
    "additionalProperties": False,
    "properties": {
        "format": {"const": FORMAT},
        "version": {"const": VERSION},
        "exported_at": {"type": "string", "maxLength": 40},
        "kzlessons_version": {"type": "string", "maxLength": 40},
        "learner": {"type": ["string", "null"], "maxLength": MAX_NAME},
        "attempts": {"type": "array", "maxItems": 200_000, "items": _ATTEMPT_SCHEMA},
    },
}


class ImportRefused(ValueError):
    """A progress file was refused; the message says why and what to do."""


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


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def build_export(rows: Iterable[Mapping[str, Any]], learner: str | None) -> dict[str, Any]:
    """The export document for these attempt rows."""
    from .. import __version__

    keys = _ATTEMPT_SCHEMA["required"]
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": _now(),
        "kzlessons_version": __version__,
        "learner": learner or None,
        "attempts": [{k: row.get(k) for k in keys} for row in rows],
    }


def export_bytes(rows: Iterable[Mapping[str, Any]], learner: str | None) -> bytes:
    """The export document as UTF-8 JSON bytes."""
    text = json.dumps(build_export(rows, learner), ensure_ascii=False, allow_nan=False, indent=1)
    return text.encode("utf-8")


@functools.lru_cache(maxsize=1)
def _validator():
    import jsonschema

    cls = jsonschema.validators.validator_for(EXPORT_SCHEMA)
    return cls(EXPORT_SCHEMA)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in a progress file")


def validate_export(data: Any, source: str = "The file") -> dict[str, Any]:
    """Return ``data`` if it is a valid export, else raise :class:`ImportRefused`."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ImportRefused(
            f"{source} is not a kzlessons progress file (it has no \"format\": \"{FORMAT}\"). "
            "Export one with kz.progress.export() or the download button in lesson 00."
        )
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ImportRefused(f"{source} has no valid format version; it may have been edited by hand.")
    if version > VERSION:
        raise ImportRefused(
            f"{source} was made by a newer kzlessons (file format version {version}; this one reads "
            f"version {VERSION}). Upgrade with: pip install -U kzlessons"
        )
    errors = list(_validator().iter_errors(data))
    if errors:
        import jsonschema.exceptions

        error = jsonschema.exceptions.best_match(errors)
        where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        message = error.message if len(error.message) < 200 else error.message[:199] + "…"
        raise ImportRefused(f"{source} does not match the progress file format at {where}: {message}.")
    for index, row in enumerate(data["attempts"]):
        try:
            stamp = dt.datetime.fromisoformat(row["time"])
        except ValueError:
            raise ImportRefused(f"{source} has an unreadable time at attempts/{index}: {row['time']!r}.") from None
        if stamp.tzinfo is None:
            raise ImportRefused(f"{source} has a time without a time zone at attempts/{index}.")
        if row["question_id"][1:3] != row["lesson"]:
            raise ImportRefused(f"{source}: attempts/{index} names lesson {row['lesson']!r} "
                                f"but question {row['question_id']!r}.")
    return data


def read_export(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Read and validate an export file; raises :class:`ImportRefused` with a clear reason."""
    path = Path(path)
    name = f"'{path.name}'"
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ImportRefused(f"{name} cannot be read ({error.strerror or error}).") from None
    if size > MAX_BYTES:
        raise ImportRefused(
            f"{name} is {size / 1024 / 1024:.1f} MB; progress files are at most {MAX_BYTES // 1024 // 1024} MB. "
            "Check that you picked the right file."
        )
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise ImportRefused(f"{name} cannot be read ({error.strerror or error}).") from None
    if len(raw) > MAX_BYTES:  # grew while we looked
        raise ImportRefused(f"{name} is larger than {MAX_BYTES // 1024 // 1024} MB.")
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        reason = str(error).splitlines()[0][:120]
        raise ImportRefused(f"{name} is not a kzlessons progress file (not valid JSON: {reason}).") from None
    return validate_export(data, source=name)
