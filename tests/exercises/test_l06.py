"""Tests for the lesson 06 exercise check (kzlessons/exercises/l06.py).

The tables are built here exactly as notebook 06 builds them (its `group_shares` cell and the
scorecard cell 8358362c), not with the checker's helpers, so a checker that drifts from the lesson
fails.
"""

from __future__ import annotations

import pandas as pd
import pytest

import kzlessons as kz
from kzlessons.exercises import check

EXERCISE = "l06-scorecard"
PARTNERS = ["Russia", "China", "EU-27", "US", "Türkiye"]


@pytest.fixture(scope="module")
def indicators() -> pd.DataFrame:
    """Notebook 06's `indicators`: Kazakhstan's BNS statistics, 2023 and the change from 2018, unscaled."""
    trade_bns = kz.data.load("trade_bns")
    bns = trade_bns[trade_bns["latest"] & ~trade_bns["is_aggregate"]]
    by_group = bns.groupby(["year", "partner_group"], observed=True)["value_usd_mn"].sum().unstack()
    share_bns = by_group.div(by_group.sum(axis=1), axis=0) * 100
    return pd.DataFrame({
        "trade_share": share_bns.loc[2023, PARTNERS],
        "share_change": share_bns.loc[2023, PARTNERS] - share_bns.loc[2018, PARTNERS],
        "security_ties": pd.Series({"Russia": 1, "China": 1, "EU-27": 0, "US": 0, "Türkiye": 0}),
        "route_around_russia": pd.Series({"Russia": 0, "China": 1, "EU-27": 1, "US": 0, "Türkiye": 1}),
    })


@pytest.fixture(scope="module")
def scaled(indicators) -> pd.DataFrame:
    """Notebook 06's `scaled`: each trade column against a natural zero."""
    scaled = indicators.astype(float)
    scaled["trade_share"] = indicators["trade_share"] / indicators["trade_share"].max()
    scaled["share_change"] = 0.5 + indicators["share_change"] / (2 * indicators["share_change"].abs().max())
    return scaled


def worked_solution(scaled, weights) -> pd.DataFrame:
    """Notebook 06's worked solution (cell 0dae2c02)."""
    weighted = sum(scaled[name] * w for name, w in weights.items())
    return scaled.assign(score=weighted / sum(abs(w) for w in weights.values())).sort_values("score", ascending=False)


EQUAL = {"trade_share": 1.0, "share_change": 1.0, "security_ties": 1.0, "route_around_russia": 1.0}
UNEQUAL = {"trade_share": 3.0, "share_change": 0.5, "security_ties": 0.0, "route_around_russia": 2.0}
NEGATIVE = {"trade_share": 2.0, "share_change": 1.0, "security_ties": -2.0, "route_around_russia": 1.0}


def _weighted(table, weights):
    return sum(table[name] * w for name, w in weights.items())


def _min_max(table):
    return (table - table.min()) / (table.max() - table.min())


RIGHT = {
    "equal-weights": lambda s, i: (EQUAL, worked_solution(s, EQUAL)),
    "unequal-weights": lambda s, i: (UNEQUAL, worked_solution(s, UNEQUAL)),
    "route-5-security-0": lambda s, i: (
        {**EQUAL, "route_around_russia": 5.0, "security_ties": 0.0},
        worked_solution(s, {**EQUAL, "route_around_russia": 5.0, "security_ties": 0.0}),
    ),
    "rounded-2-as-displayed": lambda s, i: (UNEQUAL, worked_solution(s, UNEQUAL).round(2)),
    "only-two-indicators": lambda s, i: (
        {"trade_share": 2, "route_around_russia": 1}, worked_solution(s, {"trade_share": 2, "route_around_russia": 1})
    ),
    # P14: a negative weight counts an indicator against a partner; divide by the total size
    "negative-weight-abs-divisor": lambda s, i: (
        NEGATIVE, s.assign(score=_weighted(s, NEGATIVE) / sum(abs(w) for w in NEGATIVE.values()))
    ),
    "unsorted": lambda s, i: (UNEQUAL, worked_solution(s, UNEQUAL).sort_index()),
}


@pytest.mark.parametrize("build", list(RIGHT.values()), ids=list(RIGHT))
def test_right_answers_pass(scaled, indicators, build):
    """Does the worked solution pass for any weights, rounded as the lesson prints it?"""
    verdict = check(EXERCISE, build(scaled, indicators))
    assert verdict.passed, verdict.message


WRONG = {
    # P2: scores on the unscaled indicators
    "unscaled-indicators": (
        lambda s, i: (EQUAL, i.assign(score=_weighted(i, EQUAL) / 4)), ["unscaled indicator", "`scaled`"]
    ),
    "unscaled-indicators-rounded": (
        lambda s, i: (EQUAL, i.assign(score=_weighted(i, EQUAL) / 4).round(1)), ["unscaled indicator"]
    ),
    "scaled-columns-but-score-from-indicators": (
        lambda s, i: (UNEQUAL, s.assign(score=_weighted(i, UNEQUAL) / sum(UNEQUAL.values()))),
        ["unscaled `indicators`"],
    ),
    "min-max-columns": (
        lambda s, i: (EQUAL, _min_max(i).assign(score=_weighted(_min_max(i), EQUAL) / 4)), ["min–max", "natural zero"]
    ),
    "min-max-columns-rounded": (
        lambda s, i: (EQUAL, _min_max(i).round(2).assign(score=0.5)), ["min–max"]
    ),
    "share-change-divided-by-max": (
        lambda s, i: (EQUAL, (i / i.max()).assign(score=_weighted(i / i.max(), EQUAL) / 4)), ["0–1 scale"]
    ),
    "z-scores": (
        lambda s, i: (EQUAL, ((i - i.mean()) / i.std()).assign(score=0.0)), ["not on the 0–1 scale"]
    ),
    "not-divided": (lambda s, i: (UNEQUAL, s.assign(score=_weighted(s, UNEQUAL))), ["did not divide"]),
    "divided-by-number-of-indicators": (
        lambda s, i: (UNEQUAL, s.assign(score=_weighted(s, UNEQUAL) / 4)), ["number of indicators"]
    ),
    "weights-ignored": (lambda s, i: (UNEQUAL, s.assign(score=s.mean(axis=1))), ["weights were not used"]),
    "percent-scores": (
        lambda s, i: (UNEQUAL, s.assign(score=_weighted(s, UNEQUAL) / sum(UNEQUAL.values()) * 100)), ["100 times"]
    ),
    "negative-weight-signed-divisor": (
        lambda s, i: (NEGATIVE, s.assign(score=_weighted(s, NEGATIVE) / sum(NEGATIVE.values()))),
        ["abs(w)", "negative weight"],
    ),
    "stale-weights": (
        lambda s, i: (UNEQUAL, worked_solution(s, {**UNEQUAL, "trade_share": 1.0})), ["re-running"]
    ),
    "sliders-not-values": (lambda s, i: ({"trade_share": __import__("ipywidgets").FloatSlider(value=1.0)},
                                          s.assign(score=0.0)), ["slider.value"]),
    "index-reset": (lambda s, i: (EQUAL, worked_solution(s, EQUAL).reset_index()), ["one row per partner"]),
    "partner-dropped": (lambda s, i: (EQUAL, worked_solution(s, EQUAL).drop("US")), ["missing: US"]),
    "all-weights-zero": (lambda s, i: (dict.fromkeys(EQUAL, 0.0), s.assign(score=0.0)), ["all your weights are 0"]),
    "misspelt-column": (lambda s, i: ({"trade": 1}, s.assign(score=0.0)), ["not in the table"]),
    "no-score-column": (lambda s, i: ({"trade_share": 1}, s), ["no `score` column"]),
    "scores-still-none": (lambda s, i: ({"trade_share": 1.0}, None), ["scaled.assign(score="]),
    # R2-B24: every hint that names the divisor names the absolute weights, as the lesson does
    "scores-still-none-negative-weight": (lambda s, i: (NEGATIVE, None), ["sum(abs(w) for w in weights.values())"]),
    "unscaled-negative-weight": (
        lambda s, i: (NEGATIVE, s.assign(score=_weighted(i, NEGATIVE) / sum(abs(w) for w in NEGATIVE.values()))),
        ["unscaled `indicators`", "sum(abs(w) for w in weights.values())"],
    ),
    "unexplained-negative-weight": (
        lambda s, i: (NEGATIVE, s.assign(score=_weighted(s, NEGATIVE) / 7 + 0.3)),
        ["sum(abs(w) for w in weights.values())", "re-running"],
    ),
    "bare-table": (lambda s, i: s, ["pair"]),
    "text-weight": (lambda s, i: ({"trade_share": "2"}, s.assign(score=0.0)), ["should be a number"]),
    "decimal-comma-weight": (lambda s, i: ({"trade_share": "0,5"}, s.assign(score=0.0)), ["if you mean 0.5"]),
}


@pytest.mark.parametrize("build, phrases", list(WRONG.values()), ids=list(WRONG))
def test_wrong_methods_get_a_named_hint(scaled, indicators, build, phrases, assert_named_hint):
    """Is each wrong method refused with a hint that names the mistake (never a pass)?"""
    verdict = check(EXERCISE, build(scaled, indicators))
    assert_named_hint(verdict, phrases)


def test_starter_none_gets_a_hint():
    """Does the untouched starter get a hint naming the steps?"""
    verdict = check(EXERCISE, None)
    assert not verdict.passed and "answer = (weights, scores)" in verdict.message
