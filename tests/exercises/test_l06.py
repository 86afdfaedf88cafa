"""Tests for the lesson 06 exercise check (kzlessons/exercises/l06.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from kzlessons.exercises import check

EXERCISE = "l06-scorecard"


@pytest.fixture
def table() -> pd.DataFrame:
    return pd.DataFrame(
        {"trade_share": [1.0, 0.8, 0.6, 0.1, 0.0],
         "share_change": [0.0, 1.0, 0.5, 0.4, 0.6],
         "organisations": [1.0, 0.33, 0.0, 0.0, 0.33]},
        index=["Russia", "China", "EU-27", "US", "Türkiye"],
    )


def _worked_solution(table: pd.DataFrame, weights: dict) -> pd.DataFrame:
    weighted = sum(table[name] * w for name, w in weights.items())
    return table.assign(score=weighted / sum(weights.values())).sort_values("score", ascending=False)


@pytest.mark.parametrize("weights", [
    {"trade_share": 1, "share_change": 1, "organisations": 1},
    {"trade_share": 3.0, "share_change": 0.5, "organisations": 0.0},
    {"trade_share": 0, "share_change": 2, "organisations": 1},
])
def test_worked_solution_passes_for_any_weights(table, weights):
    """Does the worked solution in notebook 06 pass whatever weights the learner chose?"""
    verdict = check(EXERCISE, (weights, _worked_solution(table, weights)))
    assert verdict.passed, verdict.message


def test_starter_none_gets_a_hint():
    """Does the untouched starter get a hint naming the steps?"""
    verdict = check(EXERCISE, None)
    assert not verdict.passed and "answer = (weights, scores)" in verdict.message


def test_starter_scores_none_gets_a_hint():
    """Does the starter (sliders read, scores still None) get a hint naming the steps?"""
    verdict = check(EXERCISE, ({"trade_share": 1.0}, None))
    assert not verdict.passed and "scaled.assign(score=" in verdict.message


def test_forgetting_to_divide_is_explained(table):
    """Does a weighted sum (not divided by the total weight) get told to divide?"""
    weights = {"trade_share": 2, "share_change": 1, "organisations": 1}
    weighted = sum(table[k] * w for k, w in weights.items())
    verdict = check(EXERCISE, (weights, table.assign(score=weighted)))
    assert not verdict.passed and "divide" in verdict.message


def test_ignoring_the_weights_is_explained(table):
    """Does a plain average with unequal weights get told the weights were not used?"""
    weights = {"trade_share": 3, "share_change": 1, "organisations": 1}
    verdict = check(EXERCISE, (weights, table.assign(score=table.mean(axis=1))))
    assert not verdict.passed and "weights were not used" in verdict.message


def test_all_zero_weights_and_unknown_columns_are_refused(table):
    """Do all-zero weights and a misspelt column name get plain messages?"""
    zero = {"trade_share": 0, "share_change": 0, "organisations": 0}
    assert "all your weights are 0" in check(EXERCISE, (zero, table.assign(score=0.0))).message
    typo = {"trade": 1}
    assert "not in the table" in check(EXERCISE, (typo, table.assign(score=0.0))).message


def test_wrong_types_are_handled(table):
    """Do a bare table and a missing score column get messages instead of crashes?"""
    assert "pair" in check(EXERCISE, table).message
    assert "no `score` column" in check(EXERCISE, ({"trade_share": 1}, table)).message
