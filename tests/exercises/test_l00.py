"""Tests for the lesson 00 exercise check (kzlessons/exercises/l00.py)."""

from __future__ import annotations

import numpy as np
import pytest

import kzlessons as kz
from kzlessons.exercises import check

EXERCISE = "l00-events-2022"


@pytest.fixture(scope="module")
def events():
    return kz.data.load("events")


def worked_solution(events) -> int:
    """Notebook 00 cell 37."""
    return len(events[events["year"] == 2022])


RIGHT = {
    "worked-solution": worked_solution,
    "sum-of-true-false": lambda e: (e["year"] == 2022).sum(),
    "value-counts-entry": lambda e: e["year"].value_counts()[2022],
    "by-date": lambda e: len(e[e["date"].dt.year == 2022]),
    "as-float": lambda e: float(worked_solution(e)),
    "numpy-int": lambda e: np.int64(worked_solution(e)),
}


@pytest.mark.parametrize("build", list(RIGHT.values()), ids=list(RIGHT))
def test_right_answers_pass(events, build):
    """Does the worked solution, and the other natural routes to the same count, pass?"""
    verdict = check(EXERCISE, build(events))
    assert verdict.passed, verdict.message


WRONG = {
    "every-event": (lambda e: len(e), ["every event"]),
    "year-as-text-2022": (lambda e: len(e[e["year"] == "2022"]), ['text "2022"']),
    "another-year-2023": (lambda e: len(e[e["year"] == 2023]), ["count for 2023"]),
    "up-to-2022": (lambda e: len(e[e["year"] <= 2022]), ["up to 2022"]),
    "from-2022-on": (lambda e: len(e[e["year"] >= 2022]), ["from 2022 on"]),
    "filtered-table": (lambda e: e[e["year"] == 2022], ["len("]),
    "true-false-column": (lambda e: e["year"] == 2022, ["True/False column"]),
    "counts-of-every-year": (lambda e: e["year"].value_counts(), ["every year at once"]),
    "count-as-text": (lambda e: str(worked_solution(e)), ["text", "without quotes"]),
    "fractional": (lambda e: worked_solution(e) + 0.5, ["not a whole number"]),
    "nan": (lambda e: float("nan"), ["NaN"]),
    "infinite": (lambda e: float("inf"), ["whole number of 0 or more"]),
    "huge": (lambda e: 10**400, ["far too large"]),
    "a-list": (lambda e: [1, 2], ["whole number", "list"]),
}


@pytest.mark.parametrize("build, phrases", list(WRONG.values()), ids=list(WRONG))
def test_wrong_methods_get_a_named_hint(events, build, phrases, assert_named_hint):
    """Is each wrong method refused with a hint that names the mistake (never a pass)?"""
    verdict = check(EXERCISE, build(events))
    assert_named_hint(verdict, phrases)


@pytest.mark.parametrize("build, phrases", list(WRONG.values()), ids=list(WRONG))
def test_first_wrong_try_names_the_slip_without_the_code(events, build, phrases):
    """UX-23: does a first wrong try name the slip but keep the solution line back?"""
    from kzlessons.exercises.l00 import HOW

    verdict = check(EXERCISE, build(events))
    assert not verdict.passed and HOW not in verdict.message, verdict.message


def test_second_wrong_try_gives_the_code_line(events):
    """UX-23: is the solution line given from the second wrong try of the exercise on (any slip), while the
    starter None, a right answer and another exercise's tries do not count as wrong tries?"""
    from kzlessons.exercises import _graded
    from kzlessons.exercises.l00 import HOW

    assert check(EXERCISE, None).message.startswith("`answer` is still None")
    check("l05-index-2021", 250)                      # another exercise's wrong try
    first = check(EXERCISE, events[events["year"] == 2022])
    assert HOW not in first.message and first.message.endswith(_graded.NEXT_TIME)
    assert check(EXERCISE, worked_solution(events)).passed
    second = check(EXERCISE, str(worked_solution(events)))
    assert f"answer = {HOW}" in second.message and _graded.NEXT_TIME not in second.message
    assert _graded.wrong_tries(EXERCISE) == 2
