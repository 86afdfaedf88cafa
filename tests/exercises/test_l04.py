"""Tests for the lesson 04 exercise check (kzlessons/exercises/l04.py)."""

from __future__ import annotations

import pytest

import kzlessons as kz
from kzlessons.exercises import check

EXERCISE = "l04-agreement-with-kaz"


@pytest.fixture(scope="module")
def votes():
    return kz.data.load("un_votes")


def _worked_solution(votes, partner: str) -> float:
    kaz = votes[votes["iso3"] == "KAZ"][["rcid", "vote"]]
    other = votes[votes["iso3"] == partner][["rcid", "vote"]]
    both = kaz.merge(other, on="rcid", suffixes=("_kaz", "_other"))
    return (both["vote_kaz"] == both["vote_other"]).mean()


@pytest.mark.parametrize("partner", ["IND", "TUR", "RUS"])
def test_worked_solution_passes(votes, partner):
    """Does the worked solution in notebook 04 pass the check for several countries?"""
    verdict = check(EXERCISE, (partner, _worked_solution(votes, partner)))
    assert verdict.passed, verdict.message


def test_lower_case_code_and_dict_are_accepted(votes):
    """Are a lower-case code and a dict form read the same way as the tuple?"""
    value = _worked_solution(votes, "IND")
    assert check(EXERCISE, ("ind", value)).passed
    assert check(EXERCISE, {"country": "IND", "agreement": value}).passed


def test_starter_none_gets_a_hint():
    """Does the untouched starter get a hint that says what to build?"""
    verdict = check(EXERCISE, None)
    assert not verdict.passed
    assert "answer = (partner, agreement)" in verdict.message


def test_percentage_is_explained(votes):
    """Does a percentage instead of a share get told to divide by 100?"""
    verdict = check(EXERCISE, ("IND", 100 * _worked_solution(votes, "IND")))
    assert not verdict.passed
    assert "percentage" in verdict.message


def test_absences_counted_as_disagreement_is_explained(votes):
    """Does dividing by all of Kazakhstan's votes get a message about absences?"""
    kaz = votes[votes["iso3"] == "KAZ"][["rcid", "vote"]]
    other = votes[votes["iso3"] == "UZB"][["rcid", "vote"]]
    merged = kaz.merge(other, on="rcid", how="left", suffixes=("_kaz", "_other"))
    wrong = (merged["vote_kaz"].astype(str) == merged["vote_other"].astype(str)).sum() / len(kaz)
    verdict = check(EXERCISE, ("UZB", wrong))
    assert merged["vote_other"].isna().any()  # Uzbekistan missed many votes Kazakhstan cast
    assert not verdict.passed
    assert "BOTH" in verdict.message


def test_weighted_index_is_explained(votes):
    """Does kz.metrics.agreement's weighted default get told to use identical votes?"""
    kaz = votes[votes["iso3"] == "KAZ"].set_index("rcid")["vote"]
    ind = votes[votes["iso3"] == "IND"].set_index("rcid")["vote"]
    verdict = check(EXERCISE, ("IND", kz.metrics.agreement(kaz, ind)))
    assert not verdict.passed
    assert "strict=True" in verdict.message


def test_metrics_strict_passes(votes):
    """Does kz.metrics.agreement(..., strict=True) give an accepted answer?"""
    kaz = votes[votes["iso3"] == "KAZ"].set_index("rcid")["vote"]
    ind = votes[votes["iso3"] == "IND"].set_index("rcid")["vote"]
    assert check(EXERCISE, ("IND", kz.metrics.agreement(kaz, ind, strict=True))).passed


def test_unknown_code_and_kazakhstan_itself_are_refused():
    """Do an unknown code and Kazakhstan itself get plain messages?"""
    unknown = check(EXERCISE, ("XXX", 0.5))
    assert not unknown.passed and "not a code" in unknown.message
    itself = check(EXERCISE, ("KAZ", 1.0))
    assert not itself.passed and "another country" in itself.message


def test_wrong_types_are_handled():
    """Do a bare number and a string get a message instead of a crash?"""
    assert "pair" in check(EXERCISE, 0.8).message
    assert "one number" in check(EXERCISE, ("IND", "high")).message
