"""Shared reading of a "count the rows" answer (lessons 00 and 01).

A learner may hand in the number, the filtered table, the True/False column,
counts of every value, or the number typed as text ("9", "9,0"). :func:`read_count`
turns each into either a whole number or a :class:`~kzlessons.exercises.Verdict`
saying what to do.

>>> read_count(9, how="len(...)")
9
>>> read_count("9", how="len(...)").passed
False
"""

from __future__ import annotations

import math
from typing import Any

from ..numtext import NumberTextError, read_number
from . import Verdict, is_number, type_name


def read_count(answer: Any, *, how: str) -> int | Verdict:
    """``answer`` as a whole number, or a Verdict (never passed) explaining what it is instead.

    Args:
        how: the code that gives the count, quoted in the hints (e.g. ``len(events[...])``).
    """
    if isinstance(answer, str):
        try:
            value = read_number(answer)
        except NumberTextError as error:
            return Verdict.not_yet(f"`answer` is text. {error} Better: store the number that {how} gives you.")
        shown = f"{value:g}"
        return Verdict.not_yet(
            f"`answer` is the text {answer.strip()!r} (read as {shown}). Store the number itself, without "
            f"quotes: answer = {how}."
        )
    if getattr(answer, "ndim", None) == 0:  # a numpy scalar or 0-d array
        answer = answer.item()
    if not is_number(answer):
        return Verdict.not_yet(
            f"`answer` should be a whole number, but it is a {type_name(answer)}. Use {how}."
        )
    try:
        value = float(answer)
    except (OverflowError, ValueError):
        return Verdict.not_yet(f"that number is far too large to be a count. Use {how}.")
    if math.isnan(value):
        return Verdict.not_yet(f"your answer is NaN (a missing value). Count the rows with {how}.")
    if not math.isfinite(value) or value < 0:
        return Verdict.not_yet(f"a count is a whole number of 0 or more. Use {how}.")
    if value != int(value):
        return Verdict.not_yet(f"{value:g} is not a whole number. Count the rows with {how}.")
    return int(value)
