"""Checks for lesson 00's exercise."""

from __future__ import annotations

from typing import Any

from . import Verdict, exercise


@exercise("l00-events-2022")
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
    if answer is None:
        return Verdict.not_yet("replace None with your code, run that cell, then run this check again.")
    if hasattr(answer, "shape") and len(getattr(answer, "shape", ())) == 2:
        return Verdict.not_yet(
            "your answer is a table. Count its rows with len(...), e.g. len(events[events[\"year\"] == 2022])."
        )
    if isinstance(answer, bool) or not isinstance(answer, (int, float)) and not hasattr(answer, "__int__"):
        return Verdict.not_yet(f"the answer should be a number of events, not {type(answer).__name__}.")
    if int(answer) == expected:
        return Verdict.ok(f"{expected} events in the timeline fall in 2022, more than in any other year.")
    if int(answer) == len(events):
        return Verdict.not_yet("that is every event in the table. Keep only the rows whose year is 2022 first.")
    return Verdict.not_yet(
        f"{int(answer)} is not the count. Check that you compare the year column with the number 2022 (not \"2022\")."
    )
