"""The syllabus: one Markdown table row per lesson, from the notebooks' metadata.

From a shell: ``kzlessons syllabus -o syllabus.md`` (:func:`syllabus_main`).

>>> print(syllabus(rows=[{"id": "00", "title": "Start | here", "minutes": 30}]).splitlines()[4])
| 00 | Start \\| here | 30 |  | — |  |  |
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .meta import KEY, lessons, lessons_folder

__all__ = ["syllabus", "syllabus_main"]


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def syllabus(folder: Path | str | None = None, *, rows: list[dict[str, Any]] | None = None) -> str:
    """The syllabus as a Markdown table, one row per lesson, from the notebooks' metadata.

    ``rows`` may pass metadata already read with :func:`lessons` (else ``folder`` is read).

    >>> print(syllabus("/nonexistent").splitlines()[0])
    # Syllabus
    >>> print(syllabus(rows=[{"id": "00", "title": "Start", "minutes": 30}]).splitlines()[-1])
    1 lesson, about 30 minutes in all (0.5 hours).
    """
    rows = lessons(folder) if rows is None else rows
    out = ["# Syllabus", "",
           "| # | Lesson | Minutes | You will be able to … | Before this | Data | Sources |",
           "|---|---|---:|---|---|---|---|"]
    for m in rows:
        objectives = "<br>".join(_cell(re.sub(r"^You will be able to\s*", "", o)) for o in m.get("objectives", []))
        out.append("| " + " | ".join([
            _cell(m.get("id", "")), _cell(m.get("title", "")), _cell(m.get("minutes", "")), objectives,
            _cell(", ".join(m.get("prerequisites", [])) or "—"), _cell(", ".join(m.get("datasets", []))),
            _cell(", ".join(m.get("sources", []))),
        ]) + " |")
    total = sum(m.get("minutes", 0) for m in rows if isinstance(m.get("minutes"), int))
    count = f"{len(rows)} lesson" + ("" if len(rows) == 1 else "s")
    out += ["", f"{count}, about {total} minutes in all ({total / 60:.1f} hours)."]
    return "\n".join(out) + "\n"


def syllabus_main(argv: Sequence[str] | None = None) -> int:
    """``kzlessons syllabus [-o FILE] [--notebooks DIR]``: write the syllabus table."""
    parser = argparse.ArgumentParser(prog="kzlessons syllabus",
                                     description="Write a Markdown syllabus table from the lessons' metadata.")
    parser.add_argument("-o", "--output", help="file to write (default: print to the screen)")
    parser.add_argument("--notebooks", help="folder of lesson notebooks (default: the installed lessons)")
    args = parser.parse_args(list(argv or []))
    folder = Path(args.notebooks) if args.notebooks else lessons_folder()
    if not folder.is_dir():
        print(f"kzlessons syllabus: no notebooks folder at {folder}.", file=sys.stderr)
        return 1
    rows = lessons(folder)  # read each notebook once, for the table and for the warnings
    listed = {Path(m["_path"]).name for m in rows}
    missing = [p.name for p in sorted(folder.glob("[0-9][0-9]_*.ipynb")) if p.name not in listed]
    text = syllabus(folder, rows=rows)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"Wrote the syllabus to {args.output}.")
    else:
        print(text, end="")
    for name in missing:
        print(f"kzlessons syllabus: {name} has no '{KEY}' metadata, so it is not in the table.",
              file=sys.stderr)
    return 1 if missing else 0
