"""``kzlessons gradebook FILES... -o grades.csv [--items items.csv]``: one row per learner and lesson.

What an instructor can defend:

* **Re-graded.** Every stored answer is checked again against the current
  question bank (``Question.check``); the ``correct``/``score`` a file claims
  are ignored. Attempts whose claim differs are counted per row (``regraded``)
  and reported on stderr.
* **Unknown questions are not counted.** Attempts at question ids that are not
  in the bank are left out, and stderr names the file and the ids.
* **Learners are never merged by name.** Each store has a random learner id
  that travels in its exports: files with the same id are one learner (handed
  in twice), files with different ids are different learners even with the
  same name, which stderr flags. A file without an id (format version 1, or a
  store that could not save one) is a learner of its own, keyed by its full
  path, so anonymous ``kzlessons-progress.json`` files from different folders
  stay apart. The ``learner_id`` column tells rows apart (``file:<path>`` when
  there was no id).
* **Safe text.** Names lose control, bidi and invisible characters, and any
  cell starting like a formula (``= + - @``, also after spaces or in
  full-width form) is prefixed with ``'``.
* "shown"/"reset" events (rows whose ``kind`` is not ``"attempt"``) are never
  counted as attempts.

Exit status (distinct, for scripts):

* **0**: every file and every attempt was used (re-grading differences are
  reported but not failures);
* **1**: some files or attempts were rejected (listed on stderr); the CSV was
  still written from the rest;
* **2**: nothing was written: usage error, no usable file, an output path that
  is one of the inputs, or an output that could not be written (a sentence says why).
"""

from __future__ import annotations

import argparse
import csv
import io
import math
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import tables
from .exchange import ImportRefused, clean_name, read_export
from .rows import is_attempt
from .store import atomic_write, reason

__all__ = ["COLUMNS", "Learner", "Book", "build", "grade_rows", "safe_cell", "gradebook_main",
           "EXIT_OK", "EXIT_SOME_REJECTED", "EXIT_NOT_WRITTEN"]

COLUMNS = ["learner", "learner_id", "files", "lesson", "questions", "attempted", "correct", "first_try_correct",
           "attempts", "mean_best_score", "last_time", "regraded"]
EXIT_OK, EXIT_SOME_REJECTED, EXIT_NOT_WRITTEN = 0, 1, 2
NO_NAME = "(no name)"
_FORMULA = tuple("=+-@\t\r") + ("\uff1d", "\uff0b", "\uff0d", "\uff20")


@dataclass
class Learner:
    """One learner: a learner id (or one file without an id), with re-graded attempts."""

    key: str
    name: str | None = None
    files: list[str] = field(default_factory=list)
    attempts: dict[str, dict[str, Any]] = field(default_factory=dict)
    regraded: dict[str, int] = field(default_factory=dict)  # lesson -> attempts whose claim was wrong

    @property
    def label(self) -> str:
        """The name to show (``(no name)`` when the learner chose none)."""
        return self.name or NO_NAME


@dataclass
class Book:
    """What :func:`build` found: learners, rejected files, and notes for the instructor."""

    learners: list[Learner]
    rejected: list[tuple[str, str]]
    notes: list[str]
    ignored_attempts: int = 0
    questions: dict[str, Any] = field(default_factory=dict)

    @property
    def clean(self) -> bool:
        """True when every file and every attempt was used."""
        return not self.rejected and not self.ignored_attempts


def safe_cell(value: object) -> object:
    """Text made safe for a spreadsheet: no control/bidi characters, formulas defused.

    >>> safe_cell("=HYPERLINK(1)"), safe_cell(" \\u00a0+cmd"), safe_cell("ab\\x1b[31m\\u202e"), safe_cell(3)
    ("'=HYPERLINK(1)", "'+cmd", 'ab[31m', 3)
    """
    if not isinstance(value, str):
        return value
    text = clean_name(value)
    return "'" + text if text.startswith(_FORMULA) or value.startswith(("\t", "\r")) else text


def _question_lookup() -> Callable[[str], Any]:
    from ..quiz import get

    cache: dict[str, Any] = {}

    def lookup(qid: str) -> Any:
        if qid not in cache:
            try:
                cache[qid] = get(qid)
            except KeyError:
                cache[qid] = None
        return cache[qid]

    lookup.cache = cache  # type: ignore[attr-defined]
    return lookup


def grade_rows(rows: Sequence[dict[str, Any]],
               lookup: Callable[[str], Any]) -> tuple[list[dict], list[str], set[str]]:
    """(re-graded rows, unknown question ids, ids of the attempts whose claimed result differed).

    Events (kind other than "attempt") are kept as they are: they are never graded or counted.
    """
    graded: list[dict] = []
    unknown: list[str] = []
    differs: set[str] = set()
    for row in rows:
        question = lookup(row["question_id"])
        if question is None:
            unknown.append(row["question_id"])
            continue
        if not is_attempt(row):
            graded.append(row)
            continue
        result = question.check(row["answer"])
        score = round(float(result.score), 4)
        if bool(row["correct"]) != bool(result.correct) or not math.isclose(float(row["score"]), score, abs_tol=1e-3):
            differs.add(row["attempt_id"])
        graded.append({**row, "correct": bool(result.correct), "score": score})
    return graded, unknown, differs


def build(files: Sequence[str | Path]) -> Book:
    """Read, validate and re-grade every file; group attempts by learner (see the module docs)."""
    lookup = _question_lookup()
    learners: dict[str, Learner] = {}
    rejected: list[tuple[str, str]] = []
    notes: list[str] = []
    ignored = 0
    seen_paths: set[str] = set()
    for name in files:
        path = Path(name)
        try:
            data = read_export(path)
        except ImportRefused as error:
            rejected.append((str(path), str(error)))
            continue
        full = str(path.resolve())
        if full in seen_paths:
            notes.append(f"{path} was given twice; it is counted once.")
            continue
        seen_paths.add(full)
        key = data.get("learner_id") or f"file:{full}"
        learner = learners.setdefault(key, Learner(key))
        learner.files.append(str(path))
        chosen = clean_name(data.get("learner") or "") or None
        if chosen and learner.name and chosen != learner.name:
            notes.append(f"{path} carries the same learner id as {learner.files[0]} but the name {chosen!r} "
                         f"instead of {learner.name!r}; they are one learner, shown as {chosen!r}.")
        learner.name = chosen or learner.name
        graded, unknown, differs = grade_rows(data["attempts"], lookup)
        if unknown:
            ignored += len(unknown)
            ids = sorted(set(unknown))
            shown = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
            rejected.append((str(path), f"{len(unknown)} attempt(s) at question id(s) not in this kzlessons's "
                                        f"question bank were left out: {shown}. The file may be from another "
                                        "version of the lessons, or edited by hand."))
        if differs:
            notes.append(f"{path}: {len(differs)} attempt(s) claimed a result that re-grading does not give; "
                         "the re-graded result is used.")
        for row in graded:
            if row["attempt_id"] not in learner.attempts:
                learner.attempts[row["attempt_id"]] = row
                if row["attempt_id"] in differs:
                    learner.regraded[row["lesson"]] = learner.regraded.get(row["lesson"], 0) + 1
    by_name: dict[str, list[Learner]] = {}
    for learner in learners.values():
        if learner.name:
            by_name.setdefault(learner.name, []).append(learner)
    for name, same in sorted(by_name.items()):
        if len(same) > 1:
            files_list = "; ".join(", ".join(x.files) for x in same)
            notes.append(f"{len(same)} different learners are called {safe_cell(name)!r} ({files_list}); they "
                         "are kept as separate rows, told apart by the learner_id column.")
    ordered = sorted(learners.values(), key=lambda x: (x.name is None, x.label.casefold(), x.files[0], x.key))
    return Book(ordered, rejected, notes, ignored, {k: v for k, v in lookup.cache.items() if v is not None})


def rows_of(book: Book) -> list[dict[str, Any]]:
    """The gradebook rows: one per learner and lesson."""
    try:
        sizes = tables.bank_sizes()
    except Exception:  # the gradebook works without the banks' totals
        sizes = {}
    out = []
    for learner in book.learners:
        for lesson in tables.per_lesson(tables.per_question(learner.attempts.values()), sizes):
            out.append({"learner": learner.label, "learner_id": learner.key, "files": ";".join(learner.files),
                        **lesson, "regraded": learner.regraded.get(lesson["lesson"], 0)})
    return out


def csv_bytes(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> bytes:
    """Rows as CSV (UTF-8), every text cell made safe with :func:`safe_cell`."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: safe_cell(v) for k, v in row.items()})
    return buffer.getvalue().encode("utf-8")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def _write(path: Path, data: bytes) -> str | None:
    """Write ``data`` to ``path`` atomically; a sentence on failure, else None."""
    if path.is_dir():
        return f"Could not write {path}: it is a folder. Give a file name, e.g. -o {path / 'grades.csv'}."
    if not path.parent.is_dir():
        return f"Could not write {path}: the folder {path.parent} does not exist. Create it, or choose another place."
    try:
        atomic_write(path, data)
    except OSError as error:
        return f"Could not write {path} ({reason(error)}). Choose a folder you can write to."
    return None


def gradebook_main(argv: Sequence[str] | None = None) -> int:
    """Run the gradebook command; returns the exit status (0, 1 or 2; see the module docs)."""
    parser = argparse.ArgumentParser(
        prog="kzlessons gradebook",
        description="Tabulate learners' exported progress files, re-graded against the current question bank: "
                    "one row per learner and lesson. Exit status: 0 all used; 1 some files or attempts rejected "
                    "(CSV still written); 2 nothing written.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="exported kzlessons-progress JSON files")
    parser.add_argument("-o", "--output", default="grades.csv", help="CSV file to write (default: grades.csv)")
    parser.add_argument("--items", metavar="ITEMS_CSV", default=None,
                        help="also write an item analysis: one row per question (learners, first-try share, "
                             "mean attempts, most chosen wrong answer)")
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exit_:
        return int(exit_.code or 0)
    outputs = [Path(args.output)] + ([Path(args.items)] if args.items else [])
    if args.items and _same_file(outputs[0], outputs[1]):
        print(f"The gradebook and the item analysis cannot both be written to {args.output}; "
              "give --items another file name.", file=sys.stderr)
        return EXIT_NOT_WRITTEN
    for out in outputs:
        clash = next((f for f in args.files if _same_file(Path(f), out)), None)
        if clash is not None:
            print(f"{out} is one of the input files, so it was not overwritten and nothing was written; "
                  "choose another output name (e.g. -o grades.csv).", file=sys.stderr)
            return EXIT_NOT_WRITTEN
    book = build(args.files)
    for file, why in book.rejected:
        print(f"rejected {file}: {why}", file=sys.stderr)
    for note in book.notes:
        print(f"note: {note}", file=sys.stderr)
    if not book.learners:
        print("No file could be used, so no gradebook was written.", file=sys.stderr)
        return EXIT_NOT_WRITTEN
    rows = rows_of(book)
    problem = _write(outputs[0], csv_bytes(rows, COLUMNS))
    if problem is None and args.items:
        from .items import ITEM_COLUMNS, item_rows

        problem = _write(outputs[1], csv_bytes(item_rows(book.learners, book.questions), ITEM_COLUMNS))
    if problem is not None:
        print(problem, file=sys.stderr)
        return EXIT_NOT_WRITTEN
    used = sum(len(x.files) for x in book.learners)
    rejected_files = len({f for f, _ in book.rejected} - {f for x in book.learners for f in x.files})
    print(f"Wrote {outputs[0]}: {len(rows)} row(s) for {len(book.learners)} learner(s) from {used} file(s); "
          f"{rejected_files} file(s) rejected"
          + (f", {book.ignored_attempts} attempt(s) left out" if book.ignored_attempts else "") + "."
          + (f" Wrote {outputs[1]}." if args.items else ""))
    return EXIT_OK if book.clean else EXIT_SOME_REJECTED
