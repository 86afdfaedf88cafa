"""``kzlessons hand-in`` (a learner, in a hub terminal) and ``kzlessons collect`` (the instructor).

``kzlessons hand-in`` exits 0 when the file was handed in, 1 when hand-in is not set up here or
the course folder refused it (a sentence on stderr says what to do instead), 2 for a usage error.

``kzlessons collect`` exits 0 when every file in the inbound was a usable hand-in, 1 when some
were refused (listed; the rest were collected), 2 when nothing was collected (a sentence says why).
"""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

from . import inbox

__all__ = ["hand_in_main", "collect_main"]


def hand_in_main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``kzlessons hand-in``."""
    parser = argparse.ArgumentParser(
        prog="kzlessons hand-in",
        description="Hand in your progress to your course on this JupyterHub: the file goes into the course's "
                    f"hand-in folder (${inbox.EXCHANGE_ENV}/{inbox.INBOUND}), named by your hub user name. Hand in as "
                    "often as you like; every hand-in is kept and your instructor grades the latest.")
    try:
        parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exit_:
        return int(exit_.code or 0)
    from ..progress import ExportRefused, StoreError
    from .handin import HandInError, hand_in

    try:
        print(hand_in())
    except (HandInError, StoreError, ExportRefused) as error:
        print(error, file=sys.stderr)
        return 1
    return 0


def _epilog() -> str:
    from .collect import REPORT_COLUMNS

    columns = "\n".join(textwrap.fill(f"{k}: {v}", 100, initial_indent="  ", subsequent_indent="      ")
                        for k, v in REPORT_COLUMNS.items())
    return "\n\n".join([
        "The output folder holds to-grade/ (one hand-in per learner: give it to 'kzlessons gradebook'), hand-ins/ "
        "(every usable hand-in, kept and never overwritten), report.csv and, with --roster, roster.csv.",
        f"Columns of report.csv:\n{columns}",
        "Exit status: 0 every file used; 1 some files refused (listed; the rest collected); 2 nothing collected.",
    ])


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kzlessons collect", formatter_class=argparse.RawDescriptionHelpFormatter, epilog=_epilog(),
        description="Gather the latest hand-in of each learner from the course exchange into a folder the "
                    "gradebook reads; late and repeated hand-ins are kept and reported, never overwritten.")
    parser.add_argument("exchange", nargs="?", default=None,
                        help=f"the course exchange folder (default: ${inbox.EXCHANGE_ENV})")
    parser.add_argument("-o", "--output", default="collected", help="the folder to collect into (default: collected)")
    parser.add_argument("--due", default=None, metavar="TIME",
                        help="the due time, ISO 8601 (e.g. 2025-03-01T23:59+05:00); later hand-ins are marked late")
    parser.add_argument("--on-time-only", action="store_true",
                        help="grade the latest hand-in made by --due (later ones are still kept and listed)")
    parser.add_argument("--roster", default=None, metavar="hub|ROSTER_CSV",
                        help="the learners you expect: 'hub' for the hub's users (not its admins), or a CSV file "
                             "with a 'learner' column and an optional 'match' column holding the hub user name")
    parser.add_argument("--hub-group", default=None, metavar="GROUP",
                        help="with --roster hub: only the members of this JupyterHub group")
    parser.add_argument("--system-user-prefix", default="", metavar="PREFIX",
                        help="what the hub puts before a user name to make the system user's (The Littlest "
                             "JupyterHub: jupyter-); a shared inbound's files must belong to PREFIX+user")
    return parser


def _roster(args: argparse.Namespace) -> list | None:
    from .collect import RosterRow

    if args.roster is None:
        return None
    if args.roster == "hub":
        from .hubapi import hub_users

        return [RosterRow(user, (user,)) for user in hub_users(args.hub_group)]
    from ..progress.roster import read_roster

    return [RosterRow(entry.learner, entry.tokens) for entry in read_roster(args.roster)]


def _names(names: Sequence[str], limit: int = 20) -> str:
    shown = ", ".join(names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


def collect_main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``kzlessons collect``; returns 0, 1 or 2 (see the module docs)."""
    from ..progress.roster import RosterError
    from .collect import TO_GRADE, CollectError, collect, parse_due
    from .hubapi import HubError

    parser = _parser()
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exit_:
        return int(exit_.code or 0)
    root = Path(args.exchange).expanduser() if args.exchange else inbox.exchange_root()
    try:
        if root is None:
            raise ValueError(f"Give the course exchange folder (kzlessons collect /srv/kzlessons/exchange), or set "
                             f"{inbox.EXCHANGE_ENV} as the hub does in every server.")
        if args.hub_group and args.roster != "hub":
            raise ValueError("--hub-group works with --roster hub only.")
        due = parse_due(args.due) if args.due else None
        if args.on_time_only and due is None:
            raise ValueError("--on-time-only needs --due TIME.")
        done = collect(root, args.output, due=due, on_time_only=args.on_time_only, roster=_roster(args),
                       system_user_prefix=args.system_user_prefix)
    except (ValueError, CollectError, HubError, RosterError) as error:
        print(error, file=sys.stderr)
        return 2
    for found in done.rejected:
        print(f"refused {found.label}: it {found.problem}.", file=sys.stderr)
    for note in done.notes:
        print(f"note: {note}", file=sys.stderr)
    late = sorted({f.user for f in done.usable if f.late and f.user}, key=str.casefold)
    repeated = [u for u in done.users() if sum(f.user == u for f in done.usable) > 1]
    out = os.fspath(done.out)
    print(f"Collected {len(done.graded)} learner(s) from {len(done.usable)} hand-in(s) in the {done.layout} "
          f"into {os.path.join(out, TO_GRADE)}; every hand-in is kept in {os.path.join(out, 'hand-ins')} and listed "
          f"in {os.path.join(out, 'report.csv')}. {len(done.rejected)} file(s) refused.")
    if late:
        print(f"Handed in late (after {due:%Y-%m-%d %H:%M} UTC): {_names(late)}.")
    if repeated:
        print(f"Handed in more than once (the {'latest on time' if args.on_time_only else 'latest'} is graded): "
              f"{_names(repeated)}.")
    if done.roster is not None:
        if done.missing:
            print(f"Nothing to grade for {len(done.missing)} of {len(done.roster)} on the roster: {_names(done.missing)}.")
        if done.off_roster:
            print(f"Handed in but not on the roster (the gradebook lists them after it): {_names(done.off_roster)}.")
    roster = f" --roster {os.path.join(out, 'roster.csv')}" if done.roster is not None else ""
    print(f"Next: kzlessons gradebook {os.path.join(out, TO_GRADE)}{roster} -o grades.csv")
    return 1 if done.rejected else 0
