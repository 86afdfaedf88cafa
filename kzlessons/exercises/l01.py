"""Checks for lesson 01, "What is multi-vectorism?".

``l01-count-integration``: how many events in the ``events`` timeline are in the
``integration`` category (regional organisations: customs and economic unions,
the SCO, the Turkic Council)? The learner filters the table and stores the
count (an integer) in ``answer``. Some regional bodies built for security, such
as the CSTO, are in the ``security`` category, so the success message speaks of
the category, not of every regional organisation.

Wrong methods named by the check: every event counted, another category's count,
integration and security added, "Integration" with a capital letter, the
filtered table, the True/False column or every category's count handed in, and
the count typed as text.

>>> from kzlessons.exercises import check
>>> check("l01-count-integration", "nine").passed
False
"""

from __future__ import annotations

from typing import Any

from . import Verdict, exercise
from ._count import read_count

CATEGORY = "integration"
SECURITY = "security"
HOW = f'len(events[events["category"] == "{CATEGORY}"])'


def _events():
    from .. import data

    return data.load("events")


def _category_counts() -> dict[str, int]:
    events = _events()
    return events["category"].astype(str).value_counts().to_dict()


@exercise(
    "l01-count-integration",
    unanswered=f'Filter `events` to the rows whose category is "{CATEGORY}", then count them with len(...).',
)
def _check_count_integration(answer: Any) -> Verdict:
    """Is ``answer`` the number of ``integration`` events?"""
    import pandas as pd

    counts = _category_counts()
    expected = int(counts.get(CATEGORY, 0))
    total = int(sum(counts.values()))

    if isinstance(answer, pd.DataFrame):
        categories = set(answer["category"].astype(str)) if "category" in answer else set()
        if len(answer) == expected and categories <= {CATEGORY}:
            return Verdict.not_yet(
                "your filter is right. Now turn the table into a number: answer = len(your_table)."
            )
        return Verdict.not_yet(
            "`answer` is a table. Keep only the rows where events['category'] == "
            f'"{CATEGORY}", then store len(...) of that table in `answer`.'
        )
    if isinstance(answer, pd.Series):
        if answer.dtype == bool:
            return Verdict.not_yet(
                "that is the True/False column (one value per event). Use it to keep rows, then "
                f"count them: {HOW}."
            )
        if CATEGORY in answer.index:
            return Verdict.not_yet(
                "you counted every category at once, which is a good idea. Pick out the "
                f'"{CATEGORY}" entry: answer = your_counts["{CATEGORY}"].'
            )
        return Verdict.not_yet("`answer` is a Series; the exercise wants one whole number.")
    count = read_count(answer, how="len(...) on your filtered table")
    if isinstance(count, Verdict):
        return count
    if count == expected:
        return Verdict.ok(
            f"{expected} of the {total} events are in the `{CATEGORY}` category: unions, the SCO and "
            "the Turkic Council. (Bodies built for security, such as the CSTO, are in `security`.) "
            "Look at their dates: Kazakhstan kept joining new bodies while staying in the old ones."
        )
    if count == total:
        return Verdict.not_yet(
            f"{total} is the number of all events. Filter first: "
            f'events[events["category"] == "{CATEGORY}"].'
        )
    if count == 0:
        return Verdict.not_yet(
            f'0 rows: the categories are written in lower case, so compare with exactly "{CATEGORY}" '
            '(not "Integration").'
        )
    if count == expected + int(counts.get(SECURITY, 0)):
        return Verdict.not_yet(
            f"{count} adds the `{SECURITY}` events (such as the CSTO) to the `{CATEGORY}` ones. "
            f"The exercise asks for the `{CATEGORY}` category only."
        )
    others = sorted(name for name, n in counts.items() if n == count and name != CATEGORY)
    if others:
        return Verdict.not_yet(
            f"{count} is the count for {', '.join(repr(o) for o in others)}. "
            f'Check that you compare with exactly "{CATEGORY}" (lower case).'
        )
    return Verdict.not_yet(
        f'{count} is not the count. Filter with events["category"] == "{CATEGORY}" and count the rows with len(...).'
    )
