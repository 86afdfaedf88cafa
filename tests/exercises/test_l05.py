"""Tests for the lesson 05 exercise check (kzlessons/exercises/l05.py).

The learner's table is rebuilt here the way notebook 05 builds it (cell id 4fcae1f2), not
with the checker's helper, so a checker that drifts from the lesson fails.
"""

from __future__ import annotations

import pandas as pd
import pytest

import kzlessons as kz
from kzlessons.exercises import check

EXERCISE = "l05-index-2021"
NAMES = {"KAZ": "Kazakhstan", "KGZ": "Kyrgyzstan", "ARM": "Armenia", "RUS": "Russia"}


def _monthly(flow="exports", product="total", min_count=1) -> pd.DataFrame:
    """Notebook 05 cell 4fcae1f2; min_count=0 is the plain .sum() that turns December 2022 into 0."""
    trade = kz.data.load("eu_trade_monthly")
    keep = trade[(trade["product"] == product) & (trade["flow"] == flow) & trade["partner_iso3"].isin(list(NAMES))]
    return (keep.groupby(["month", "partner_iso3"], observed=True)["value_eur"]
            .sum(min_count=min_count).unstack()[list(NAMES)].astype("float64"))


@pytest.fixture(scope="module")
def monthly() -> pd.DataFrame:
    return _monthly()


def worked_solution(monthly) -> pd.DataFrame:
    """Notebook 05 cell 6381d549 (the worked solution)."""
    base = monthly.loc["2021"].mean()
    return monthly / base * 100


def _indexed_long(answer) -> pd.DataFrame:
    """The solution's `indexed` table (long form, partner names)."""
    return answer.rename(columns=NAMES).reset_index().melt(id_vars="month", var_name="partner", value_name="index")


def test_december_2022_stays_missing(monthly):
    """Is the missing December 2022 kept as NaN by the lesson's recipe (so 0 there is a mistake)?"""
    assert monthly.loc["2022-12"].isna().all().all()
    assert (_monthly(min_count=0).loc["2022-12"] == 0).all().all()


RIGHT = {
    "worked-solution": lambda m: worked_solution(m),
    "rounded-0-as-displayed": lambda m: worked_solution(m).round(0),
    "rounded-1": lambda m: worked_solution(m).round(1),
    "empty-month-dropped": lambda m: worked_solution(m).dropna(),
    "partner-names-as-columns": lambda m: worked_solution(m).rename(columns=NAMES),
    "from-millions": lambda m: (m / 1e6) / (m / 1e6).loc["2021"].mean() * 100,
    "month-as-column": lambda m: worked_solution(m).reset_index(),
    "string-month-index": lambda m: worked_solution(m).set_axis(worked_solution(m).index.strftime("%Y-%m")),
}


@pytest.mark.parametrize("build", list(RIGHT.values()), ids=list(RIGHT))
def test_right_answers_pass(monthly, build):
    """Does the worked solution pass, rounded as the solution prints it and in the other natural shapes?"""
    verdict = check(EXERCISE, build(monthly))
    assert verdict.passed, verdict.message


WRONG = {
    # P4: the empty December must not become 0
    "plain-sum-december-zero": (lambda m: worked_solution(_monthly(min_count=0)), ["December 2022", ".sum()", "min_count=1"]),
    "fillna-0": (lambda m: worked_solution(m).fillna(0), ["December 2022", ".fillna(0)"]),
    "ratio-without-100": (lambda m: m / m.loc["2021"].mean(), ["Multiply by 100"]),
    "sum-instead-of-mean": (lambda m: m / m.loc["2021"].sum() * 100, [".mean(), not .sum()"]),
    "base-2020": (lambda m: m / m.loc["2020"].mean() * 100, ["average month of 2020"]),
    "base-january-2021": (lambda m: m / m.loc["2021-01"].iloc[0] * 100, ["January 2021"]),
    "base-december-2021": (lambda m: m / m.loc["2021-12"].iloc[0] * 100, ["December 2021"]),
    "base-whole-period": (lambda m: m / m.mean() * 100, ["whole period"]),
    "base-best-month-2021": (lambda m: m / m.loc["2021"].max() * 100, ["best month of 2021"]),
    "one-base-for-all-partners": (lambda m: m / m.loc["2021"].stack().mean() * 100, ["its own base"]),
    "percent-change": (lambda m: m / m.loc["2021"].mean() * 100 - 100, ["index − 100"]),
    "base-divided-by-month": (lambda m: m.loc["2021"].mean() / m * 100, ["upside down"]),
    "imports-instead-of-exports": (lambda m: worked_solution(_monthly(flow="imports")), ["imports into the EU"]),
    "fuels-only": (lambda m: worked_solution(_monthly(product="fuels_hs27")), ["fuels only"]),
    "from-rounded-millions": (lambda m: worked_solution((m / 1e6).round(0)), ["rounded values"]),
    "raw-euros-not-indexed": (lambda m: m, ["in euros, not an index"]),
    # P5: other shapes
    "only-2022-as-printed": (lambda m: worked_solution(m).loc["2022"].round(0), ["only for 2022"]),
    "first-year-dropped": (lambda m: worked_solution(m).loc["2021":], ["months are missing"]),
    "long-melted-table": (lambda m: _indexed_long(worked_solution(m)), ["long form", "numbers themselves are right"]),
    "long-melted-wrong-base": (lambda m: _indexed_long(m / m.loc["2020"].mean() * 100), ["long form", "2020"]),
    "transposed": (lambda m: worked_solution(m).T, ["turned around"]),
    "two-partners-only": (lambda m: worked_solution(m)[["KAZ", "RUS"]], ["missing: KGZ, ARM"]),
    "no-partner-columns": (lambda m: worked_solution(m).set_axis(["a", "b", "c", "d"], axis=1), ["partner columns"]),
    "index-reset-to-numbers": (lambda m: worked_solution(m).reset_index(drop=True), ["months"]),
    "a-number": (lambda m: 250, ["table"]),
    "values-as-decimal-comma-text": (
        lambda m: worked_solution(m).round(1).map(lambda v: f"{v:.1f}".replace(".", ",")), ["are text"]
    ),
}


@pytest.mark.parametrize("build, phrases", list(WRONG.values()), ids=list(WRONG))
def test_wrong_methods_get_a_named_hint(monthly, build, phrases, assert_named_hint):
    """Is each wrong method refused with a hint that names the mistake (never a pass)?"""
    verdict = check(EXERCISE, build(monthly))
    assert_named_hint(verdict, phrases)


def test_starter_none_gets_a_hint():
    """Does the untouched starter get a hint naming the steps?"""
    verdict = check(EXERCISE, None)
    assert not verdict.passed
    assert "mean()" in verdict.message


SOLUTION_LINES = ('monthly.loc["2021"].mean()', "monthly / base * 100")


@pytest.mark.parametrize("build, phrases", list(WRONG.values()), ids=list(WRONG))
def test_first_wrong_try_names_the_slip_without_the_code(monthly, build, phrases):
    """UX-23: does a first wrong try name the slip but keep the solution lines back?"""
    verdict = check(EXERCISE, build(monthly))
    assert not verdict.passed
    assert not any(line in verdict.message for line in SOLUTION_LINES), verdict.message


def test_second_wrong_try_gives_the_code_lines(monthly):
    """UX-23: does the second wrong try (another slip) give the code line that the first kept back?"""
    from kzlessons.exercises import _graded

    first = check(EXERCISE, monthly / monthly.loc["2021-01"].iloc[0] * 100)
    assert "January 2021" in first.message and first.message.endswith(_graded.NEXT_TIME)
    second = check(EXERCISE, monthly / monthly.loc["2020"].mean() * 100)
    assert "average month of 2020" in second.message and 'base = monthly.loc["2021"].mean()' in second.message
    lost = check(EXERCISE, monthly * 3.3)              # matches no route: the generic hint, with code
    assert "none of the usual routes" in lost.message and "answer = monthly / base * 100" in lost.message
