"""The code a learner ran in this kernel session, for a check that looks at how an answer was made.

A check sees only the learner's result. Where the right result can come from a
wrong method (lesson 07: ``groupby`` drops the aggregate rows the learner forgot to
filter out), :func:`code_behind` finds the cells that made the answer, so the
check can add a note. It reads IPython's input history (nothing is stored or
sent) and gives None outside IPython or when it cannot tell, so a check must
treat it as a hint, never as a reason to fail an answer.

>>> cells = ['trade = kz.data.load("trade")',
...          'rows = trade[trade["year"] == 2015]',
...          'by_group = rows.groupby("partner_group")["value_usd_mn"].sum()\\nshare = by_group / by_group.sum()',
...          'kz.exercises.check("l07-x", share)']
>>> print(code_behind("l07-x", cells))
trade = kz.data.load("trade")
rows = trade[trade["year"] == 2015]
by_group = rows.groupby("partner_group")["value_usd_mn"].sum()
share = by_group / by_group.sum()
>>> code_behind("l07-x", ['kz.exercises.check("l07-x", share)']) is None   # never assigned
True
"""

from __future__ import annotations

import re

__all__ = ["inputs", "code_behind"]

_NAME = re.compile(r"\b[A-Za-z_]\w*\b")
#: At most this many cells are followed back from the answer.
MAX_CELLS = 8


def inputs() -> list[str]:
    """The code cells run in this IPython session so far, oldest first ([] outside IPython)."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with the package's dependencies
        return []
    shell = get_ipython()
    if shell is None:
        return []
    history = shell.user_ns.get("_ih") or shell.user_ns.get("In") or []
    return [str(cell) for cell in history if cell]


def _assigns(name: str) -> re.Pattern[str]:
    """A line that assigns ``name`` (``name = …``, ``name += …``; not ``name == …``)."""
    return re.compile(rf"^[ \t]*{re.escape(name)}[ \t]*(?:[-+*/]?=)(?!=)", re.M)


def code_behind(exercise_id: str, cells: list[str] | None = None) -> str | None:
    """The code of the cells that made the answer handed to ``check(exercise_id, name)``, oldest first.

    Starts from the latest cell that calls the check with a plain variable name, takes the latest
    earlier cell that assigns that name, then in turn the latest cells that assign the names those
    cells read (at most :data:`MAX_CELLS`). None when it cannot be told: not in IPython, the answer is
    not a plain name, or nothing assigns it.
    """
    cells = inputs() if cells is None else list(cells)
    call = re.compile(r"check\(\s*['\"]" + re.escape(exercise_id) + r"['\"]\s*,\s*([A-Za-z_]\w*)\s*\)")
    for at in range(len(cells) - 1, -1, -1):
        found = call.search(cells[at])
        if found:
            break
    else:
        return None
    earlier = [*cells[:at], cells[at][: found.start()]]
    used: set[int] = set()
    wanted, seen = [found.group(1)], set()
    while wanted and len(used) < MAX_CELLS:
        name = wanted.pop(0)
        if name in seen:
            continue
        seen.add(name)
        pattern = _assigns(name)
        for i in range(len(earlier) - 1, -1, -1):
            if pattern.search(earlier[i]):
                if i not in used:
                    used.add(i)
                    wanted += [n for n in _NAME.findall(earlier[i]) if n not in seen]
                break
        else:
            if name == found.group(1):
                return None
    return "\n".join(earlier[i].strip("\n") for i in sorted(used))
