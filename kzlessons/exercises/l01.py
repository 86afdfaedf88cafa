"""Checks for lesson 01, "What is multi-vectorism?".

``l01-count-integration``: how many events in the ``events`` timeline belong to
the ``integration`` category (regional organisations)? The learner filters the
table and stores the count (an integer) in ``answer``.

>>> from kzlessons.exercises import check
>>> check("l01-count-integration", "nine").passed
False
"""

from __future__ import annotations

from typing import Any

from . import Verdict, exercise, is_number, type_name

CATEGORY = "integration"


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
        if CATEGORY in answer.index:
            return Verdict.not_yet(
                "you counted every category at once, which is a good idea. Pick out the "
                f'"{CATEGORY}" entry: answer = your_counts["{CATEGORY}"].'
            )
        return Verdict.not_yet("`answer` is a Series; the exercise wants one whole number.")
    if not is_number(answer):
        return Verdict.not_yet(
            f"`answer` should be a whole number, but it is a {type_name(answer)}. "
            "Use len(...) on your filtered table."
        )
    if answer == expected:
        return Verdict.ok(
            f"{expected} of the {total} events are about regional organisations. "
            "Look at their dates: Kazakhstan kept joining new bodies while staying in the old ones."
        )
    if answer == total:
        return Verdict.not_yet(
            f"{total} is the number of all events. Filter first: "
            f'events[events["category"] == "{CATEGORY}"].'
        )
    others = sorted(name for name, count in counts.items() if count == answer and name != CATEGORY)
    if others:
        return Verdict.not_yet(
            f"{answer} is the count for {', '.join(repr(o) for o in others)}. "
            f'Check that you compare with exactly "{CATEGORY}" (lower case).'
        )
    return Verdict.not_yet(
        f'not quite. Filter with events["category"] == "{CATEGORY}" and count the rows with len(...).'
    )
