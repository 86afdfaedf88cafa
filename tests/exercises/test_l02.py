"""Tests for the lesson 02 exercise check (kzlessons/exercises/l02.py).

Each wrong method is written the way a learner would write it (plain pandas), not with
the checker's own helper, so a checker that drifts from the lesson fails here.
"""

from __future__ import annotations

import pandas as pd
import pytest

import kzlessons as kz
from kzlessons.exercises import check

EXERCISE = "l02-hhi-by-year"


@pytest.fixture(scope="module")
def trade() -> pd.DataFrame:
    return kz.data.load("trade")


def _rows(trade, flow="exports", basis="reported", aggregates=False):
    rows = trade
    if flow:
        rows = rows[rows["flow"] == flow]
    if basis:
        rows = rows[rows["basis"] == basis]
    return rows if aggregates else rows[~rows["is_aggregate"]]


def _loop(rows, key="partner_group", *, divide=None, power=2) -> pd.Series:
    """The notebook's loop: for each year, sum by key, turn into shares, add the squares."""
    results = {}
    for year, year_rows in rows.groupby("year"):
        by_key = year_rows.groupby(key, observed=True)["value_usd_mn"].sum()
        by_key = by_key[by_key > 0]
        total = by_key.sum() if divide is None else divide(year)
        results[year] = float(((by_key / total) ** power).sum())
    return pd.Series(results, name="hhi")


def worked_solution(trade) -> pd.Series:
    """The worked solution of notebook 02 (cell 31), step for step."""
    exports = trade[(trade["flow"] == "exports") & (trade["basis"] == "reported") & ~trade["is_aggregate"]]
    results = {}
    for year, rows in exports.groupby("year"):
        by_group = rows.groupby("partner_group", observed=True)["value_usd_mn"].sum()
        results[year] = kz.metrics.hhi(kz.metrics.shares(by_group))
    return pd.Series(results, name="hhi")


def _hhi_table(trade) -> pd.DataFrame:
    """The lesson's own two-flow table (notebook 02 cell 33)."""
    out = []
    for flow in ("exports", "imports"):
        for year, group in _rows(trade, flow).groupby("year"):
            by_group = group.groupby("partner_group", observed=True)["value_usd_mn"].sum()
            out.append({"year": year, "flow": flow, "hhi": kz.metrics.hhi(kz.metrics.shares(by_group))})
    table = pd.DataFrame(out)
    return table[table["year"].between(1995, 2020)]


def _world(trade, flow="exports"):
    world = trade[(trade["flow"] == flow) & (trade["basis"] == "reported") & (trade["partner"] == "World")]
    return world.set_index("year")["value_usd_mn"]


# --- right answers, in the shapes a learner may hand them in -------------------------------------

RIGHT = {
    "worked-solution": lambda t: worked_solution(t),
    "as-dict": lambda t: worked_solution(t).to_dict(),
    "rounded-3-as-displayed": lambda t: worked_solution(t).round(3),
    "rounded-2": lambda t: worked_solution(t).round(2),
    "lesson-range-1995-2020": lambda t: worked_solution(t).loc[1995:2020],
    "float-years": lambda t: worked_solution(t).set_axis(worked_solution(t).index.astype(float)),
    "string-years": lambda t: worked_solution(t).set_axis(worked_solution(t).index.astype(str)),
    "frame-year-hhi": lambda t: worked_solution(t).rename_axis("year").reset_index(),
    "frame-with-extra-column": lambda t: worked_solution(t).rename_axis("year").reset_index().assign(
        n_groups=7, share_top=0.5
    ),
    "exports-rows-of-hhi-table": lambda t: _hhi_table(t).query("flow == 'exports'").set_index("year")["hhi"],
}


@pytest.mark.parametrize("build", list(RIGHT.values()), ids=list(RIGHT))
def test_right_answers_pass(trade, build):
    """Does the worked solution pass in each shape and rounding the lesson shows or allows?"""
    verdict = check(EXERCISE, build(trade))
    assert verdict.passed, verdict.message


# --- wrong methods: each gets its own hint --------------------------------------------------------

WRONG = {
    # P1: "use the World row" -> shares of World, which do not add up to 1
    "world-row-as-denominator": (
        lambda t: _loop(_rows(t), divide=lambda y: _world(t).loc[y]),
        ["World row", "not specified", "sum of the partner groups"],
    ),
    # P3: country-level HHI
    "partner-instead-of-partner_group": (lambda t: _loop(_rows(t), key="partner"), ["`partner` instead of"]),
    "partner-with-aggregates-kept": (
        lambda t: _loop(_rows(t, aggregates=True), key="partner"),
        ["aggregate rows", "is_aggregate"],
    ),
    "imports-instead-of-exports": (lambda t: _loop(_rows(t, flow="imports")), ["imports"]),
    "exports-plus-imports": (lambda t: _loop(_rows(t, flow=None)), ["exports and imports added"]),
    "mirror-basis": (lambda t: _loop(_rows(t, basis="mirror")), ["mirror report"]),
    "both-bases-added": (lambda t: _loop(_rows(t, basis=None)), ["counting the same goods twice"]),
    "shares-not-squared": (lambda t: _loop(_rows(t), power=1), ["instead of their squares"]),
    "percentages-as-shares": (lambda t: worked_solution(t) * 10_000, ["percentages", "10,000"]),
    "percentages-rounded": (lambda t: (worked_solution(t) * 10_000).round(0), ["percentages"]),
    "squared-dollar-values": (lambda t: _loop(_rows(t), divide=lambda y: 1), ["squared the US$ values"]),
    "one-over-hhi": (lambda t: 1 / worked_solution(t), ["1/HHI"]),
    # P3: the lesson's own two-flow table must get a sentence, not a crash
    "two-flow-hhi_table": (lambda t: _hhi_table(t), ["both flows", "exports only"]),
    "wide-table-two-value-columns": (
        lambda t: pd.DataFrame({"exports": worked_solution(t), "imports": _loop(_rows(t, flow="imports"))}),
        ["cannot tell which one"],
    ),
    "missing-years": (lambda t: worked_solution(t).loc[2000:], ["missing", "1995"]),
    "row-numbers-as-index": (lambda t: worked_solution(t).reset_index(drop=True), ["not row numbers"]),
    "single-year-value": (lambda t: float(worked_solution(t).loc[2013]), ["right HHI for 2013", "every year"]),
    "values-as-decimal-comma-text": (
        lambda t: {y: f"{v:.3f}".replace(".", ",") for y, v in worked_solution(t).items()},
        ["text", "no quotes"],
    ),
    "one-year-off": (
        lambda t: worked_solution(t).set_axis(worked_solution(t).index + 1).reindex(range(1995, 2021)).bfill(),
        ["do not match", "2013"],
    ),
    "plain-text": (lambda t: "low", ["Series"]),
    "looped-over-trade-not-exports": (
        lambda t: _loop(t[~t["is_aggregate"]]), ["whole `trade` table", "not over `trade`"]
    ),
    "empty-results": (lambda t: pd.Series({}, dtype=float), ["empty", "results[year]"]),
    "shares-stored-not-hhi": (
        lambda t: {y: kz.metrics.shares(r.groupby("partner_group", observed=True)["value_usd_mn"].sum())
                   for y, r in _rows(t).groupby("year")},
        ["not one HHI", "kz.metrics.hhi"],
    ),
}


@pytest.mark.parametrize("build, phrases", list(WRONG.values()), ids=list(WRONG))
def test_wrong_methods_get_a_named_hint(trade, build, phrases, assert_named_hint):
    """Is each plausible wrong method refused with a hint that names the mistake (never a pass)?"""
    verdict = check(EXERCISE, build(trade))
    assert_named_hint(verdict, phrases)


def test_world_hint_names_a_year_where_it_matters(trade):
    """Does the World hint give the real share of unassigned exports in the year where it is largest?"""
    world = _world(trade)
    groups = _rows(trade).groupby("year")["value_usd_mn"].sum()
    gap = (1 - groups / world).loc[1995:2020]
    message = check(EXERCISE, _loop(_rows(trade), divide=lambda y: world.loc[y])).message
    assert f"{int(gap.idxmax())}, when they were {gap.max():.0%} of exports" in message


def test_starter_none_gets_a_hint():
    """Does the untouched starter get a hint that says where to start?"""
    verdict = check(EXERCISE, None)
    assert not verdict.passed
    assert "one year" in verdict.message


def test_check_leaves_the_learners_series_alone(trade):
    """Does checking a Series with string years leave the learner's own index unchanged?"""
    answer = worked_solution(trade)
    answer.index = answer.index.astype(str)
    check(EXERCISE, answer)
    assert isinstance(answer.index[0], str)
