"""What one stored attempt looks like, and the one parser for its JSON and its time.

The store (:mod:`kzlessons.progress.store`) and the import
(:mod:`kzlessons.progress.exchange`) both accept a row only when
:func:`row_problem` finds nothing wrong with it, so whatever the store holds
can always be exported and imported again. Both parse JSON with :func:`loads`
(no ``NaN``/``Infinity``, no number that overflows to infinity) and times
with :func:`parse_time`, which is also what :func:`kzlessons.progress.attempts`
uses, so a time that was accepted can always be read back.

A row is a JSON object with the required fields of :data:`REQUIRED_FIELDS`.
Other fields are **optional and tolerated**: they are kept by the store and
carried by exports, so new kinds of information can be added without a new
file format. The one optional field with a meaning today is ``kind``
(:data:`DEFAULT_KIND` ``"attempt"`` when absent; other kinds such as
``"shown"`` or ``"reset"`` are events, never counted as attempts).

>>> row = {"attempt_id": "a1", "question_id": "l00-area", "lesson": "00", "answer": "1",
...        "correct": False, "score": 0, "time": "2025-03-01T10:00:00+00:00"}
>>> row_problem(row) is None, kind_of(row)
(True, 'attempt')
>>> row_problem({**row, "time": "2025-03-01 at ten"})
"the time '2025-03-01 at ten' is not a date and time with a time zone, like 2025-03-01T10:00:00+00:00"
>>> row_problem({**row, "score": 7})
'the score 7 is not between 0 and 1'
>>> loads('{"answer": 1e99999}')
Traceback (most recent call last):
...
ValueError: the number 1e99999 is too large to store
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from typing import Any

__all__ = ["REQUIRED_FIELDS", "DEFAULT_KIND", "ATTEMPT_ID", "QUESTION_ID", "LESSON", "KIND",
           "loads", "dumps_line", "parse_time", "canonical_time", "row_problem", "kind_of", "is_attempt"]

#: Fields every stored attempt has, with their JSON types.
REQUIRED_FIELDS: dict[str, tuple[type, ...]] = {
    "attempt_id": (str,),
    "question_id": (str,),
    "lesson": (str,),
    "correct": (bool,),
    "score": (int, float),
    "time": (str,),
}
#: What a row without a ``kind`` field is.
DEFAULT_KIND = "attempt"

ATTEMPT_ID = r"^[A-Za-z0-9_-]{1,64}$"
QUESTION_ID = r"^l[0-9]{2}-[a-z0-9]+(-[a-z0-9]+)*$"
LESSON = r"^[0-9]{2}$"
KIND = r"^[a-z][a-z0-9_-]{0,31}$"
MAX_QUESTION_ID = 80

MAX_TIME = 40
_ATTEMPT_ID, _QUESTION_ID, _LESSON, _KIND = map(re.compile, (ATTEMPT_ID, QUESTION_ID, LESSON, KIND))


def _constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in a progress file")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"the number {text[:40]} is too large to store")
    return value


def loads(text: str | bytes) -> Any:
    """Parse JSON as progress files need it: no NaN/Infinity, no number that overflows.

    Raises ``ValueError`` (or ``RecursionError`` for absurdly nested data).
    """
    return json.loads(text, parse_constant=_constant, parse_float=_finite_float)


def dumps_line(row: dict[str, Any]) -> bytes:
    """One row as compact UTF-8 JSON followed by a newline (raises ``ValueError`` on NaN)."""
    return json.dumps(row, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8") + b"\n"


def parse_time(text: Any) -> dt.datetime | None:
    """The time of a row as an aware UTC datetime, or None when it is not a usable time.

    This is the one parser: the store, the import and ``kz.progress.attempts()``
    all use it (``datetime.fromisoformat``, which also reads ISO week dates and
    decimal commas), and it requires a time zone and a time that exists in UTC.

    >>> parse_time("2025-03-01T15:00:00.5+05:00").isoformat()
    '2025-03-01T10:00:00.500000+00:00'
    >>> parse_time("2025-W09-6T10:00:00+00:00").isoformat()
    '2025-03-01T10:00:00+00:00'
    >>> parse_time("2025-03-01T10:00:00"), parse_time("not a time"), parse_time("0001-01-01T00:00:00+05:00")
    (None, None, None)
    """
    if not isinstance(text, str) or len(text) > MAX_TIME:
        return None
    try:
        stamp = dt.datetime.fromisoformat(text)
        if stamp.tzinfo is None or stamp.utcoffset() is None:
            return None
        return stamp.astimezone(dt.timezone.utc)
    except (ValueError, OverflowError):
        return None


def canonical_time(text: str) -> str:
    """The same instant written the way kzlessons writes times (UTC, microseconds)."""
    stamp = parse_time(text)
    if stamp is None:
        raise ValueError(f"{text!r} is not a time")
    return stamp.isoformat(timespec="microseconds")


def row_problem(row: Any) -> str | None:
    """What is wrong with this attempt row (a phrase), or None when it is a valid row."""
    if not isinstance(row, dict):
        return "it is not a JSON object"
    for name, types in REQUIRED_FIELDS.items():
        value = row.get(name)
        if not isinstance(value, types) or (name == "score" and isinstance(value, bool)):
            return f"the field {name!r} is missing or of the wrong type"
    if not _ATTEMPT_ID.match(row["attempt_id"]):
        return f"the attempt id {row['attempt_id'][:70]!r} is not a short id of letters, digits, '_' or '-'"
    if len(row["question_id"]) > MAX_QUESTION_ID or not _QUESTION_ID.match(row["question_id"]):
        return f"the question id {row['question_id'][:90]!r} is not of the form l00-some-name"
    if not _LESSON.match(row["lesson"]) or row["question_id"][1:3] != row["lesson"]:
        return f"it names lesson {row['lesson'][:10]!r} but question {row['question_id']!r}"
    score = row["score"]
    if not (isinstance(score, int) or math.isfinite(score)) or not 0 <= score <= 1:
        return f"the score {score!r} is not between 0 and 1"
    if "answer" not in row:
        return "the field 'answer' is missing"
    if parse_time(row["time"]) is None:
        return f"the time {row['time'][:40]!r} is not a date and time with a time zone, like 2025-03-01T10:00:00+00:00"
    kind = row.get("kind", DEFAULT_KIND)
    if not isinstance(kind, str) or not _KIND.match(kind):
        return f"the kind {str(kind)[:40]!r} is not a short lower-case word"
    return None


def kind_of(row: dict[str, Any]) -> str:
    """The row's ``kind`` (``"attempt"`` when it has none)."""
    kind = row.get("kind", DEFAULT_KIND)
    return kind if isinstance(kind, str) else DEFAULT_KIND


def is_attempt(row: dict[str, Any]) -> bool:
    """True for an answer that was checked (not a "shown"/"reset" event)."""
    return kind_of(row) == DEFAULT_KIND
