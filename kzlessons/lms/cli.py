"""``kzlessons export-bank --format qti|moodle-xml|gift [--lesson NN] [-o PATH] [--no-changes]``.

Writes the question banks (all lessons, or one) in a format an LMS imports, then
prints what the format could not carry as it is: the questions written as
another type and those not written, by id with the reason, and what every
question of a type loses (:mod:`.carry`).

Exit status: **0** every question written (some perhaps changed, see the
report); **1** the file was written but some questions are not in it; **2**
nothing written (a usage error, an unknown lesson, a broken bank, an output
that cannot be written: a sentence says why).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any

from .carry import FORMAT_NAMES, FORMATS, NOT_CARRIED, Report

__all__ = ["export_bank_main", "default_output", "EXIT_OK", "EXIT_SOME_LEFT_OUT", "EXIT_NOT_WRITTEN"]

EXIT_OK, EXIT_SOME_LEFT_OUT, EXIT_NOT_WRITTEN = 0, 1, 2
_SUFFIX = {"qti": "canvas-qti.zip", "moodle-xml": "moodle.xml", "gift": "gift.txt"}


def default_output(fmt: str, lesson: str | None) -> str:
    """The file name used without ``-o``.

    >>> default_output("qti", None), default_output("gift", "02")
    ('kzlessons-canvas-qti.zip', 'kzlessons-l02-gift.txt')
    """
    return f"kzlessons-{'l' + lesson + '-' if lesson else ''}{_SUFFIX[fmt]}"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kzlessons export-bank", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Write the quiz question banks in a format an LMS imports: 'qti' (a zip for Canvas classic "
                    "quizzes, one quiz per lesson), 'moodle-xml' or 'gift' (Moodle's question bank, one category "
                    "per lesson). A report says which questions a format could not carry as they are, and why.",
        epilog="Exit status: 0 every question written; 1 written, but some questions are not in the file; "
               "2 nothing written. The instructor guide's 'Questions and grades in Canvas and Moodle' shows how "
               "to import the files.")
    parser.add_argument("--format", required=True, choices=FORMATS, help="qti (Canvas), moodle-xml or gift")
    parser.add_argument("--lesson", metavar="NN", default=None, help="only this lesson's bank (e.g. 02)")
    parser.add_argument("-o", "--output", metavar="PATH", default=None,
                        help="file to write ('-' for standard output; default kzlessons-[lNN-]<format>...)")
    parser.add_argument("--no-changes", action="store_true",
                        help="leave out questions the format can only carry as another type (ordering as "
                             "matching in Canvas and GIFT) instead of writing them changed")
    return parser


def _lesson_id(text: str) -> str:
    return f"{int(text):02d}" if text.strip().isdigit() else text.strip()


def _banks(lesson: str | None) -> tuple[list[tuple[str, str, Sequence[Any]]], str | None]:
    """``(lesson, title, questions)`` per bank (or the one asked for), or a sentence saying what is wrong."""
    from ..quiz import bank
    from .common import lesson_title, lesson_titles

    files = bank.bank_files()
    lessons = {p.name[1:3]: p for p in files}  # bank files are named lNN.yaml (or .yml, .json)
    if lesson is not None and lesson not in lessons:
        known = ", ".join(sorted(lessons)) or "none"
        return [], (f"There is no question bank for lesson {lesson!r}; the lessons with questions are {known}. "
                    "Give one of them to --lesson, or leave --lesson out for all.")
    titles = lesson_titles()
    chosen = [lesson] if lesson is not None else sorted(lessons)
    out = []
    for lid in chosen:
        try:
            loaded = bank.load_bank(lessons[lid])
        except bank.BankError as error:
            return [], f"{error}\nNothing was written: fix the bank (or choose another lesson with --lesson)."
        out.append((lid, lesson_title(lid, titles), loaded.questions))
    return out, None


def _export(fmt: str) -> Callable[..., tuple[Any, Report]]:
    if fmt == "qti":
        from .qti import package
        return package
    if fmt == "moodle-xml":
        from .moodle_xml import document
        return document
    from .gift import document as gift_document
    return gift_document


def export_bank_main(argv: Sequence[str] | None = None) -> int:
    """Run ``kzlessons export-bank``; returns the exit status (see the module docs)."""
    from ..progress.output import same_file, write_output
    from ..quiz import bank

    try:
        args = _parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exit_:
        return int(exit_.code or 0)
    lesson = _lesson_id(args.lesson) if args.lesson is not None else None
    output = args.output or default_output(args.format, lesson)
    if output != "-" and any(same_file(output, p) for p in bank.bank_files()):
        print(f"The output {output} is a question bank, so it was not overwritten and nothing was written; choose "
              "another output name with -o.", file=sys.stderr)
        return EXIT_NOT_WRITTEN
    banks, problem = _banks(lesson)
    if problem is not None:
        print(problem, file=sys.stderr)
        return EXIT_NOT_WRITTEN
    data, report = _export(args.format)(banks, allow_changes=not args.no_changes)
    if not report.written:
        print(f"No question could be written as {FORMAT_NAMES[args.format]}, so no file was written.\n"
              + report.text(), file=sys.stderr)
        return EXIT_NOT_WRITTEN
    problem = write_output(output, data if isinstance(data, bytes) else data.encode("utf-8"))
    if problem is not None:
        print(problem, file=sys.stderr)
        return EXIT_NOT_WRITTEN
    where = "standard output" if output == "-" else output
    stream = sys.stderr if output == "-" else sys.stdout
    print(f"Wrote {where}: {len(report.written)} question(s) from {len(banks)} lesson(s).\n{report.text()}",
          file=stream)
    return EXIT_SOME_LEFT_OUT if any(o.status == NOT_CARRIED for o in report.outcomes) else EXIT_OK
