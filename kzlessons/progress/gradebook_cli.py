"""``kzlessons gradebook FILES... -o grades.csv [--items items.csv] [--roster roster.csv] [--lms canvas|moodle]``.

FILES may be exported progress files, folders of them, or the zip file an LMS
(Canvas, Moodle) gives for "download all submissions", read as it is. With
``--lms``, ``-o`` is written in the layout that LMS's gradebook imports
(:mod:`kzlessons.lms.grades`).

Exit status (distinct, for scripts):

* **0**: every file and every attempt was used (re-grading differences and
  notes are reported but are not failures);
* **1**: some files were rejected or only partly used (listed on stderr); the
  CSV was still written from the rest;
* **2**: nothing was written: usage error, no usable file, an output path that
  is one of the inputs, or an output that could not be written (a sentence says why).
"""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
from collections.abc import Sequence

from .cells import csv_bytes
from .gradebook import COLUMNS, build, rows_of
from .items import ITEM_COLUMNS, item_rows
from .output import same_file, write_output
from .roster import RosterError, read_roster

__all__ = ["gradebook_main", "EXIT_OK", "EXIT_SOME_REJECTED", "EXIT_NOT_WRITTEN"]

EXIT_OK, EXIT_SOME_REJECTED, EXIT_NOT_WRITTEN = 0, 1, 2
_VALUED = {"-o", "--output", "--items", "--roster", "--lms"}


def _epilog() -> str:
    from .items import ITEM_DEFINITIONS

    def table(title: str, defs: dict[str, str]) -> str:
        body = "\n".join(textwrap.fill(f"{k}: {v}", 100, initial_indent="  ", subsequent_indent="      ")
                         for k, v in defs.items())
        return f"{title}\n{body}"

    return "\n\n".join([
        table("Columns of the gradebook (-o):", COLUMNS),
        table("Columns of the item analysis (--items):", ITEM_DEFINITIONS),
        "A roster (--roster) is a CSV file with a 'learner' column and an optional 'match' column (texts, "
        "separated by ';', that identify the learner's files: a word of the file name such as the LMS login, a "
        "learner id, or the typed name). With it every roster learner gets a row per lesson, 'not handed in' "
        "included.",
        "File names that start with '-' work as they are; or write ./-name.json, or put -- before the files.",
        "Exit status: 0 all used; 1 some files rejected or partly used (CSV still written); 2 nothing written.",
    ])


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kzlessons gradebook", formatter_class=argparse.RawDescriptionHelpFormatter, epilog=_epilog(),
        description="Tabulate learners' exported progress files, re-graded against the current question bank: one "
                    "row per learner and lesson. FILES may be .json files, folders of them, or an LMS's zip "
                    "download of all submissions.")
    parser.add_argument("files", nargs="+", metavar="FILE", help="progress files, folders, or zip downloads")
    parser.add_argument("-o", "--output", default="grades.csv",
                        help="CSV file to write (default: grades.csv; '-' for standard output)")
    parser.add_argument("--items", metavar="ITEMS_CSV", default=None,
                        help="also write an item analysis: one row per question")
    parser.add_argument("--roster", metavar="ROSTER_CSV", default=None,
                        help="the learners you expect (CSV with a 'learner' column, optionally 'match')")
    parser.add_argument("--lms", choices=("canvas", "moodle"), default=None,
                        help="write -o in the layout this LMS's gradebook imports (one percentage column per "
                             "lesson; needs --roster; see kzlessons.lms.grades)")
    return parser


def _split_argv(argv: list[str]) -> list[str]:
    """Move file names that start with '-' (and exist) behind '--', so argparse does not take them for options."""
    options, files, i = [], [], 0
    while i < len(argv):
        token = argv[i]
        if token == "--":
            files += argv[i + 1:]
            break
        if token in _VALUED and i + 1 < len(argv):
            long = "--output" if token == "-o" else token
            options += [f"{long}={argv[i + 1]}"] if argv[i + 1].startswith("-") else [token, argv[i + 1]]
            i += 2
            continue
        if token.startswith("-") and token != "-" and os.path.lexists(token) and token.split("=")[0] not in _VALUED:
            files.append(token)
        elif token.startswith("-"):
            options.append(token)
        else:
            files.append(token)
        i += 1
    return options + (["--", *files] if files else [])


def _check_outputs(args: argparse.Namespace) -> str | None:
    outputs = [args.output] + ([args.items] if args.items else [])
    if args.items and args.output != "-" and same_file(args.output, args.items):
        return (f"The gradebook and the item analysis cannot both be written to {args.output}; "
                "give --items another file name.")
    for out in outputs:
        if out != "-" and any(same_file(f, out) for f in args.files + ([args.roster] if args.roster else [])):
            return (f"{out} is one of the input files, so it was not overwritten and nothing was written; "
                    "choose another output name (e.g. -o grades.csv).")
    return None


def gradebook_main(argv: Sequence[str] | None = None) -> int:
    """Run the gradebook command; returns the exit status (0, 1 or 2; see the module docs)."""
    parser = _parser()
    try:
        args = parser.parse_args(_split_argv(list(sys.argv[1:] if argv is None else argv)))
    except SystemExit as exit_:
        return int(exit_.code or 0)
    problem = _check_outputs(args)
    roster = None
    if problem is None and args.lms and not args.roster:
        problem = (f"The option --lms {args.lms} needs --roster: the LMS matches each grade row by a login, e-mail or "
                   "student number, which only the roster gives. Nothing was written.")
    if problem is None and args.roster:
        try:
            roster = read_roster(args.roster)
        except RosterError as error:
            problem = f"{error} Nothing was written."
    if problem is not None:
        print(problem, file=sys.stderr)
        return EXIT_NOT_WRITTEN
    book = build(args.files, roster)
    for file, why in book.rejected:
        print(f"rejected {file}: {why}", file=sys.stderr)
    for file, why in book.partly:
        print(f"partly used {file}: {why}", file=sys.stderr)
    for note in book.notes:
        print(f"note: {note}", file=sys.stderr)
    if not book.files_used:
        print("No file could be used, so no gradebook was written.", file=sys.stderr)
        return EXIT_NOT_WRITTEN
    rows = rows_of(book)
    if args.lms:
        from ..lms.grades import lms_csv

        try:
            data, lms_notes = lms_csv(args.lms, book, roster or [], args.roster)
        except RosterError as error:
            print(f"{error} Nothing was written.", file=sys.stderr)
            return EXIT_NOT_WRITTEN
        for note in lms_notes:
            print(f"note: {note}", file=sys.stderr)
    else:
        data = csv_bytes(rows, list(COLUMNS))
    problem = write_output(args.output, data)
    if problem is None and args.items:
        problem = write_output(args.items, csv_bytes(item_rows(book.learners, book.questions), ITEM_COLUMNS))
    if problem is not None:
        print(problem, file=sys.stderr)
        return EXIT_NOT_WRITTEN
    summary = (f"Wrote {args.output}: {len(rows)} row(s) for {len(book.learners)} learner(s) from "
               f"{book.files_used} file(s); {len(book.rejected)} file(s) rejected, {len(book.partly)} partly used"
               + (f" ({book.ignored_attempts} attempt(s) left out)" if book.ignored_attempts else "") + "."
               + (f" Wrote {args.items}." if args.items else "")
               + (f" {args.output} is in {args.lms.title()}'s import layout: one row per roster learner, a "
                  "percentage per lesson." if args.lms else ""))
    print(summary, file=sys.stderr if args.output == "-" or args.items == "-" else sys.stdout)
    return EXIT_OK if book.clean else EXIT_SOME_REJECTED
