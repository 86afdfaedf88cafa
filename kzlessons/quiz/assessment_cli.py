"""``kzlessons assessment``: check the assessment config in force, and publish a release.

``kzlessons assessment`` reads the config the lessons would read (``$KZLESSONS_ASSESSMENT``,
else ``kzlessons-assessment.toml`` in this folder; ``--config PATH`` names another) and says,
for each assessment, how many questions it holds and whether its results are out. A config
that cannot be used is a sentence on standard error and exit status 1.
``kzlessons assessment --release "Quiz 1"`` creates that assessment's ``release_file``, so
every learner's quizzes show their feedback (at their next run of the quiz cell).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from . import assessment as mode

__all__ = ["assessment_main", "describe"]


def describe(config: mode.Config, bank: dict[str, str], now: dt.datetime | None = None) -> list[str]:
    """One line per assessment: its questions and whether its results are released.

    >>> config = mode.parse('[[assessment]]\\nname = "Quiz 1"\\nlessons = ["03"]\\nrelease_file = "r"',
    ...                     base=Path("/nonexistent"), bank={"l03-a": "03", "l03-b": "03"})
    >>> describe(config, {"l03-a": "03", "l03-b": "03"})  # doctest: +NORMALIZE_WHITESPACE
    ["Quiz 1: 2 questions (lessons 03). Results withheld; they are shown when the file
      /nonexistent/r exists: kzlessons assessment --release 'Quiz 1' creates it."]
    """
    lines = []
    for a in config.assessments:
        count = sum(1 for qid in bank if a.covers(qid))
        parts = ([f"lessons {', '.join(sorted(a.lessons))}"] if a.lessons else []) + (
            [f"questions {', '.join(sorted(a.questions))}"] if a.questions else [])
        head = f"{a.name}: {count} question{'s' if count != 1 else ''} ({'; '.join(parts)})."
        if a.released(now):
            lines.append(f"{head} Results released: the quizzes show their feedback.")
            continue
        whens = []
        if a.release_at is not None:
            whens.append(f"after {a.release_at.isoformat()}")
        if a.release_file is not None:
            whens.append(f"when the file {a.release_file} exists: kzlessons assessment --release {a.name!r} "
                         "creates it")
        lines.append(f"{head} Results withheld; they are shown {', or earlier '.join(whens)}.")
    return lines


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kzlessons assessment",
        description="Check the assessment config (graded quizzes that show no verdict until a release), "
                    "or publish a release. See the instructor guide, 'Assessment mode'.")
    parser.add_argument("--config", metavar="PATH", help=f"the config file (default: ${mode.ENV}, else "
                                                         f"./{mode.FILE_NAME})")
    parser.add_argument("--release", metavar="NAME", help="release the results of this assessment: create its "
                                                          "release_file")
    return parser


def assessment_main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``kzlessons assessment [--config PATH] [--release NAME]``."""
    args = _parser().parse_args(list(argv or []))
    path = Path(args.config).expanduser() if args.config else mode.locate()
    if path is None:
        print(f"No assessment config: ${mode.ENV} is not set and there is no {mode.FILE_NAME} here, so every quiz "
              "is a self-check. The instructor guide's 'Assessment mode' shows how to write one.")
        return 1 if args.release else 0
    bank = mode.bank_lessons()
    try:
        config = mode.read(path, bank=bank)
        if args.release:
            made = mode.release(config, args.release)
            print(f"Released {args.release!r}: created {made}. Learners see the feedback on their saved answers "
                  "when they next run a quiz cell of it (or reopen the lesson).")
            return 0
    except mode.AssessmentConfigError as error:
        print(f"kzlessons assessment: {error}", file=sys.stderr)
        return 1
    print(f"Assessment config: {path}")
    for line in describe(config, bank) or ["It names no assessment, so every quiz is a self-check."]:
        print(f"- {line}")
    return 0
