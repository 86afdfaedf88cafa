"""Tests for the lesson 07 exercise check (kzlessons/exercises/l07.py)."""

from __future__ import annotations

import pandas as pd
import pytest

import kzlessons as kz
from kzlessons.exercises import check

EXERCISE = "l07-confirmed-share"


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    return kz.data.load("claims")


def test_worked_solution_passes(claims):
    """Does the worked solution in notebook 07 pass the check?"""
    answer = claims.groupby("reading", observed=True)["status"].apply(lambda s: (s == "confirmed").mean())
    verdict = check(EXERCISE, answer)
    assert verdict.passed, verdict.message


def test_crosstab_route_passes(claims):
    """Does the normalised crosstab column (another natural route) pass too?"""
    table = pd.crosstab(claims["reading"], claims["status"], normalize="index")
    assert check(EXERCISE, table["confirmed"]).passed


def test_starter_none_gets_a_hint():
    """Does the untouched starter get a hint naming groupby?"""
    verdict = check(EXERCISE, None)
    assert not verdict.passed and "Group" in verdict.message


def test_counts_are_explained(claims):
    """Do counts instead of shares get told to divide?"""
    counts = claims[claims["status"] == "confirmed"].groupby("reading", observed=True).size()
    verdict = check(EXERCISE, counts)
    assert not verdict.passed and "counts" in verdict.message


def test_percentages_are_explained(claims):
    """Do percentages get told to give shares?"""
    answer = claims.groupby("reading", observed=True)["status"].apply(lambda s: (s == "confirmed").mean()) * 100
    assert "percentages" in check(EXERCISE, answer).message


def test_partly_confirmed_included_is_explained(claims):
    """Does counting 'partly confirmed' too get a precise message?"""
    hit = claims["status"].isin(["confirmed", "partly confirmed"])
    verdict = check(EXERCISE, hit.groupby(claims["reading"], observed=True).mean())
    assert not verdict.passed and "partly confirmed" in verdict.message


def test_full_crosstab_and_wrong_type_are_handled(claims):
    """Do a whole crosstab and a bare number get plain messages instead of crashes?"""
    assert "several columns" in check(EXERCISE, pd.crosstab(claims["reading"], claims["status"])).message
    assert "Series" in check(EXERCISE, 0.7).message
