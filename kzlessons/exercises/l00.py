"""Checks for lesson 00's exercise.

``l00-events-2022``: how many events in the ``events`` timeline happened in 2022?
The learner stores the count (a whole number) in ``answer``. Wrong methods named
by the check: every event counted, the year compared with the text "2022",
another year, events up to or from 2022, the True/False column or the filtered
table handed in, and the count typed as text. Hints are graded
(:mod:`kzlessons.exercises._graded`): the first wrong try names the slip, the
line of code comes with the second.

>>> from kzlessons.exercises import check
>>> check("l00-events-2022", "21").passed
False
"""

from __future__ import annotations

from typing import Any

from . import Verdict, exercise
from ._count import read_count
from ._graded import code_hint, graded

YEAR = 2022
HOW = 'len(events[events["year"] == 2022])'
_HOW_HERE = "\x00how\x00"  # where read_count's message names the code


@exercise(
    "l00-events-2022",
    unanswered="Replace None with your code, run that cell, then run this check again.",
)
@graded("l00-events-2022")
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
    import pandas as pd

    from .. import data

    events = data.load("events")
    per_year = events["year"].value_counts()
    expected = int(per_year.get(YEAR, 0))
    if isinstance(answer, pd.DataFrame):
        return Verdict.not_yet(f"your answer is a table. Count its rows with len(...){code_hint(f', e.g. {HOW}')}.")
    if isinstance(answer, pd.Series):
        if answer.dtype == bool:
            return Verdict.not_yet(
                "that is the True/False column (one value per event). Use it to keep rows, then "
                f"count them{code_hint(f': {HOW}')}."
            )
        if YEAR in answer.index:
            return Verdict.not_yet(
                f"you counted every year at once. Pick out 2022 from your counts"
                f"{code_hint(f': answer = your_counts[{YEAR}]')}."
            )
        return Verdict.not_yet(f"`answer` is a Series; the exercise wants one number{code_hint(f': {HOW}')}.")
    count = read_count(answer, how=_HOW_HERE)
    if isinstance(count, Verdict):  # the code is filled in only where a message uses it
        return Verdict.not_yet(count.message.replace(_HOW_HERE, code_hint(HOW, "len(...)")))
    if count == expected:
        return Verdict.ok(f"{expected} events in the timeline fall in 2022, more than in any other year.")
    if count == len(events):
        return Verdict.not_yet("that is every event in the table. Keep only the rows whose year is 2022 first.")
    if count == 0:
        return Verdict.not_yet(
            "0 rows: did you compare the year with the text \"2022\"? The year column holds numbers, "
            "so compare with the number 2022 (no quotes)."
        )
    if count == int((events["year"] <= YEAR).sum()):
        return Verdict.not_yet("that counts every event up to 2022. Use == 2022 to keep that year only.")
    if count == int((events["year"] >= YEAR).sum()):
        return Verdict.not_yet("that counts every event from 2022 on. Use == 2022 to keep that year only.")
    years = sorted(int(y) for y, n in per_year.items() if n == count and y != YEAR)
    if years and abs(years[0] - YEAR) <= 2:
        return Verdict.not_yet(f"{count} is the count for {years[0]}. Check the year you compare with: 2022.")
    return Verdict.not_yet(
        f"{count} is not the count. Keep the rows whose year equals 2022 and count them{code_hint(f': {HOW}')}."
    )
