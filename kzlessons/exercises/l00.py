"""Checks for lesson 00's exercise."""

from __future__ import annotations

import math
from typing import Any

from . import Verdict, exercise, is_number, type_name


@exercise(
    "l00-events-2022",
    unanswered="Replace None with your code, run that cell, then run this check again.",
)
def _events_2022(answer: Any) -> Verdict:
    """Count the timeline's events in 2022.

    >>> from kzlessons.exercises import check
    >>> import kzlessons as kz
    >>> events = kz.data.load("events")
    >>> bool(check("l00-events-2022", len(events[events["year"] == 2022])))
    True
    >>> check("l00-events-2022", None).passed
    False
    """
    from .. import data

    events = data.load("events")
    expected = int((events["year"] == 2022).sum())
    if getattr(answer, "ndim", None) == 2:
        return Verdict.not_yet(
            "your answer is a table. Count its rows with len(...), e.g. len(events[events[\"year\"] == 2022])."
        )
    if getattr(answer, "ndim", None) == 0:  # a numpy scalar or 0-d array
        answer = answer.item()
    if is_number(answer) and math.isnan(answer):
        return Verdict.not_yet("your answer is NaN (a missing value). Count the rows with len(...).")
    if not is_number(answer):
        return Verdict.not_yet(f"the answer should be a number of events, not {type_name(answer)}.")
    if answer == expected:
        return Verdict.ok(f"{expected} events in the timeline fall in 2022, more than in any other year.")
    if answer == len(events):
        return Verdict.not_yet("that is every event in the table. Keep only the rows whose year is 2022 first.")
    if answer != int(answer):
        return Verdict.not_yet(f"{answer} is not a whole number. Count the rows with len(...).")
    return Verdict.not_yet(
        f"{int(answer)} is not the count. Check that you compare the year column with the number 2022 (not \"2022\")."
    )
