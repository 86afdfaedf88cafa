"""Tests for the lesson 00 exercise check (kzlessons/exercises/l00.py)."""

from __future__ import annotations

import kzlessons as kz
from kzlessons.exercises import check


def _count_2022() -> int:
    events = kz.data.load("events")
    return len(events[events["year"] == 2022])


def test_worked_solution_passes():
    """Does the worked solution (len of the 2022 rows) pass the check?"""
    verdict = check("l00-events-2022", _count_2022())
    assert verdict.passed, verdict.message


def test_fractional_count_is_not_accepted():
    """Is a count with a fractional part (the right count plus 0.5) refused?"""
    verdict = check("l00-events-2022", _count_2022() + 0.5)
    assert not verdict.passed


def test_nan_gets_a_plain_message():
    """Does NaN get the exercise's own message rather than a conversion error?"""
    verdict = check("l00-events-2022", float("nan"))
    assert not verdict.passed
    assert "could not read" not in verdict.message


def test_table_is_nudged_to_len():
    """Does handing in the filtered table say to count its rows with len(...)?"""
    events = kz.data.load("events")
    verdict = check("l00-events-2022", events[events["year"] == 2022])
    assert not verdict.passed
    assert "len(" in verdict.message
