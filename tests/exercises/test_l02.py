"""Tests for the lesson 02 exercise check (kzlessons/exercises/l02.py)."""

from __future__ import annotations

import pandas as pd

import kzlessons as kz
from kzlessons.exercises import check


def _exports() -> pd.DataFrame:
    trade = kz.data.load("trade")
    return trade[(trade["flow"] == "exports") & (trade["basis"] == "reported") & ~trade["is_aggregate"]]


def _worked_solution() -> pd.Series:
    """The worked solution of notebook 02, step for step."""
    exports = _exports()
    results = {}
    for year, rows in exports.groupby("year"):
        by_group = rows.groupby("partner_group", observed=True)["value_usd_mn"].sum()
        results[year] = kz.metrics.hhi(kz.metrics.shares(by_group))
    return pd.Series(results, name="hhi")


def test_worked_solution_passes():
    """Does the worked solution in notebook 02 pass the check?"""
    verdict = check("l02-hhi-by-year", _worked_solution())
    assert verdict.passed, verdict.message


def test_dict_answer_passes():
    """Is a plain dict {year: hhi} accepted as well as a Series?"""
    assert check("l02-hhi-by-year", _worked_solution().to_dict()).passed


def test_starter_none_gets_a_hint():
    """Does the untouched starter get a hint that says where to start?"""
    verdict = check("l02-hhi-by-year", None)
    assert not verdict.passed
    assert "one year" in verdict.message


def test_single_year_is_recognised():
    """Does handing in only the 2013 value say it is right and ask for every year?"""
    value = float(_worked_solution().loc[2013])
    verdict = check("l02-hhi-by-year", value)
    assert not verdict.passed
    assert "2013" in verdict.message and "every year" in verdict.message


def test_percent_scale_is_explained():
    """Does an HHI on the 0-10,000 scale get a message about fractions?"""
    verdict = check("l02-hhi-by-year", _worked_solution() * 10_000)
    assert not verdict.passed
    assert "fractions" in verdict.message


def test_imports_instead_of_exports_is_spotted():
    """Does computing the index on imports get a message naming the slip?"""
    trade = kz.data.load("trade")
    imports = trade[(trade["flow"] == "imports") & (trade["basis"] == "reported") & ~trade["is_aggregate"]]
    results = {}
    for year, rows in imports.groupby("year"):
        shares = rows.groupby("partner_group", observed=True)["value_usd_mn"].sum()
        shares = shares / shares.sum()
        results[year] = float((shares**2).sum())
    verdict = check("l02-hhi-by-year", pd.Series(results))
    assert not verdict.passed
    assert "imports" in verdict.message


def test_missing_years_are_named():
    """Does dropping years produce a message that lists them?"""
    verdict = check("l02-hhi-by-year", _worked_solution().iloc[3:])
    assert not verdict.passed
    assert "missing" in verdict.message


def test_wrong_type_is_handled():
    """Does a string answer get a plain message instead of a crash?"""
    verdict = check("l02-hhi-by-year", "low")
    assert not verdict.passed
    assert "Series" in verdict.message


def test_check_leaves_the_learners_series_alone():
    """Does checking a Series with string years leave the learner's own index unchanged?"""
    answer = _worked_solution()
    answer.index = answer.index.astype(str)
    check("l02-hhi-by-year", answer)
    assert isinstance(answer.index[0], str)
