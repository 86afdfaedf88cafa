"""``kzlessons gradebook FILES... -o grades.csv``: one row per learner and lesson.

Each file is read with the same validation as an import. Files that fail are
listed on stderr with the reason and left out; the CSV is written from the
rest. Files carrying the same learner name are merged (attempts de-duplicated),
so a learner who handed in two exports is counted once; a file without a name
is one learner named after the file.

Exit status: 0 when every file was used, 1 when some were rejected (the CSV
is still written), 2 for a usage error or when no file could be used.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Sequence
from pathlib import Path

from . import tables
from .exchange import ImportRefused, read_export

COLUMNS = ["learner", "files", "lesson", "questions", "attempted", "correct", "first_try_correct",
           "attempts", "mean_best_score", "last_time"]


def _safe_cell(value: object) -> object:
    """Defuse spreadsheet formulas in learner-chosen text (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def build(files: Sequence[str | Path]) -> tuple[list[dict], list[tuple[str, str]]]:
    """(rows, rejected) where rejected is a list of (file, reason)."""
    learners: dict[str, dict] = {}
    rejected: list[tuple[str, str]] = []
    for name in files:
        path = Path(name)
        try:
            data = read_export(path)
        except ImportRefused as error:
            rejected.append((str(path), str(error)))
            continue
        who = data.get("learner") or f"(no name) {path.stem}"
        entry = learners.setdefault(who, {"files": [], "attempts": {}})
        entry["files"].append(path.name)
        for row in data["attempts"]:
            entry["attempts"].setdefault(row["attempt_id"], row)
    try:
        sizes = tables.bank_sizes()
    except Exception:  # the gradebook works without the banks, just without totals
        sizes = {}
    rows = []
    for who in sorted(learners):
        entry = learners[who]
        for lesson in tables.per_lesson(tables.per_question(entry["attempts"].values()), sizes):
            rows.append({"learner": who, "files": ";".join(entry["files"]), **lesson})
    return rows, rejected


def gradebook_main(argv: Sequence[str] | None = None) -> int:
    """Run the gradebook command; returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="kzlessons gradebook",
        description="Tabulate learners' exported progress files: one row per learner and lesson.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="exported kzlessons-progress JSON files")
    parser.add_argument("-o", "--output", default="grades.csv", help="CSV file to write (default: grades.csv)")
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exit_:
        return int(exit_.code or 0)
    rows, rejected = build(args.files)
    for file, reason in rejected:
        print(f"rejected {file}: {reason}", file=sys.stderr)
    accepted = len(args.files) - len(rejected)
    if accepted == 0:
        print("No file could be used, so no gradebook was written.", file=sys.stderr)
        return 2
    output = Path(args.output)
    with open(output, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _safe_cell(v) for k, v in row.items()})
    learners = len({r["learner"] for r in rows})
    print(f"Wrote {output}: {len(rows)} row(s) for {learners} learner(s) from {accepted} file(s); "
          f"{len(rejected)} file(s) rejected.")
    return 1 if rejected else 0
