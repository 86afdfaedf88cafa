"""The ``kzlessons`` command.

Each verb lives in the module that owns its logic; this file only routes.
Every handler takes the remaining arguments and returns an exit status.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence

#: verb -> ("module:function", one-line help)
VERBS: dict[str, tuple[str, str]] = {
    "check": ("kzlessons.checks:main", "check this environment: versions, data, offline charts"),
    "lab": ("kzlessons.launch:lab_main", "copy the lessons into a working folder and open JupyterLab"),
    "links": ("kzlessons.launch:links_main", "print Binder / JupyterHub (nbgitpuller) links per lesson"),
    "syllabus": ("kzlessons.lesson:syllabus_main", "write the syllabus table from lesson metadata"),
    "site": ("kzlessons.site:site_main", "build the offline static course site (from a clone)"),
    "gradebook": ("kzlessons.progress:gradebook_main", "tabulate learners' exported progress files"),
    "hand-in": ("kzlessons.hub.cli:hand_in_main", "hand in your progress to your course on this JupyterHub"),
    "collect": ("kzlessons.hub.cli:collect_main", "gather each learner's latest hand-in for the gradebook"),
    "export-bank": ("kzlessons.lms.cli:export_bank_main", "write the question banks for Canvas (QTI) or Moodle"),
    "assessment": ("kzlessons.quiz.assessment_cli:assessment_main",
                   "check the assessment config (graded quizzes), or --release one"),
}


def _usage() -> str:
    lines = ["usage: kzlessons VERB [options]", "", "verbs:"]
    lines += [f"  {verb:<12} {help_}" for verb, (_, help_) in VERBS.items()]
    lines += ["", "Run 'kzlessons VERB --help' for a verb's options."]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one verb; returns its exit status (2 for an unknown verb).

    >>> main(["--version"])
    kzlessons 0.1.0
    0
    """
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help", "help"}:
        print(_usage())
        return 0
    if args[0] in {"-V", "--version"}:
        from . import __version__

        print(f"kzlessons {__version__}")
        return 0
    verb, rest = args[0], args[1:]
    if verb not in VERBS:
        print(f"kzlessons: unknown verb {verb!r}.\n\n{_usage()}", file=sys.stderr)
        return 2
    target, _ = VERBS[verb]
    module_name, func_name = target.split(":")
    handler = getattr(importlib.import_module(module_name), func_name)
    try:
        return int(handler(rest) or 0)
    except BrokenPipeError:  # output piped into a reader that stopped early, e.g. `| head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
