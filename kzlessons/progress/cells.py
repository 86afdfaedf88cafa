"""Cells an instructor's spreadsheet can open safely: no formulas, no invisible characters, exact file names.

>>> safe_cell("=HYPERLINK(1)"), safe_cell(" \\u00a0+cmd"), safe_cell("ab\\x1b[31m\\u202e"), safe_cell(3)
("'=HYPERLINK(1)", "'+cmd", 'ab[31m', 3)
>>> list_cell(["a;b.json", "new\\nline.json", "Айгерім.json"])
'["a;b.json", "new\\\\nline.json", "Айгерім.json"]'
>>> csv_bytes([{"learner": "=1+1", "n": 2}], ["learner", "n"])
b"learner,n\\r\\n'=1+1,2\\r\\n"
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .exchange import clean_name

__all__ = ["safe_cell", "list_cell", "csv_bytes"]

_FORMULA = tuple("=+-@\t\r") + ("\uff1d", "\uff0b", "\uff0d", "\uff20")
_HIDDEN = {"Cc", "Cf", "Zl", "Zp", "Co", "Cn", "Cs"}


def safe_cell(value: object) -> object:
    """Text made safe for a spreadsheet: no control/bidi characters, formulas defused (``'`` in front)."""
    if not isinstance(value, str):
        return value
    text = clean_name(value)
    return "'" + text if text.startswith(_FORMULA) or value.startswith(("\t", "\r")) else text


def list_cell(items: Iterable[str]) -> str:
    """A list of names (e.g. file names) as one JSON array: exact and unambiguous, whatever the names hold.

    Characters a spreadsheet would hide or act on (controls, bidi marks) are written as ``\\uXXXX``
    escapes, so the cell still names the real file.
    """
    text = json.dumps(list(items), ensure_ascii=False)
    return "".join(json.dumps(ch)[1:-1] if unicodedata.category(ch) in _HIDDEN else ch for ch in text)


def csv_bytes(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> bytes:
    """Rows as CSV (UTF-8), every text cell made safe with :func:`safe_cell`."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: safe_cell(v) for k, v in row.items()})
    return buffer.getvalue().encode("utf-8")
