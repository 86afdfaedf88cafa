"""Tests for the lesson 05 exercise check (kzlessons/exercises/l05.py)."""

from __future__ import annotations

import pytest

from kzlessons.exercises import check
from kzlessons.exercises.l05 import monthly_exports

EXERCISE = "l05-index-2021"


@pytest.fixture(scope="module")
def monthly():
    return monthly_exports()


def test_december_2022_stays_missing(monthly):
    """Is the missing December 2022 kept as NaN rather than summed to 0?"""
    assert monthly.loc["2022-12"].isna().all().all()


def test_worked_solution_passes(monthly):
    """Does the worked solution in notebook 05 pass the check?"""
    base = monthly.loc["2021"].mean()
    answer = monthly / base * 100
    verdict = check(EXERCISE, answer)
    assert verdict.passed, verdict.message


def test_dropping_the_empty_month_still_passes(monthly):
    """Is a table without the empty December 2022 row accepted too?"""
    answer = (monthly / monthly.loc["2021"].mean() * 100).dropna()
    assert check(EXERCISE, answer).passed


def test_starter_none_gets_a_hint():
    """Does the untouched starter get a hint naming the steps?"""
    verdict = check(EXERCISE, None)
    assert not verdict.passed
    assert "mean()" in verdict.message


def test_ratio_without_100_is_explained(monthly):
    """Does forgetting the *100 get told to multiply by 100?"""
    verdict = check(EXERCISE, monthly / monthly.loc["2021"].mean())
    assert not verdict.passed
    assert "Multiply by 100" in verdict.message


def test_sum_instead_of_mean_is_explained(monthly):
    """Does dividing by the 2021 total get told to use .mean()?"""
    verdict = check(EXERCISE, monthly / monthly.loc["2021"].sum() * 100)
    assert not verdict.passed
    assert ".mean()" in verdict.message


def test_wrong_base_year_is_explained(monthly):
    """Does using 2020 as the base get a message naming the base?"""
    verdict = check(EXERCISE, monthly / monthly.loc["2020"].mean() * 100)
    assert not verdict.passed
    assert "2020" in verdict.message


def test_missing_partner_is_reported(monthly):
    """Does a table with only some partners say which are missing?"""
    answer = (monthly / monthly.loc["2021"].mean() * 100)[["KAZ", "RUS"]]
    verdict = check(EXERCISE, answer)
    assert not verdict.passed
    assert "KGZ" in verdict.message


def test_wrong_type_is_handled():
    """Does a number get a plain message instead of a crash?"""
    verdict = check(EXERCISE, 250)
    assert not verdict.passed
    assert "table" in verdict.message
