"""Tests for the lesson 03 exercise check (kzlessons/exercises/l03.py)."""

from __future__ import annotations

import pandas as pd
import pytest

import kzlessons as kz
from kzlessons.exercises import check

EXERCISE = "l03-vote-table"
POST_SOVIET = ["ARM", "AZE", "BLR", "EST", "GEO", "KAZ", "KGZ", "LVA", "LTU", "MDA", "RUS", "TJK", "TKM", "UKR", "UZB"]
LETTERS = {"yes": "Y", "no": "N", "abstain": "A", "absent": "–"}


@pytest.fixture(scope="module")
def votes() -> pd.DataFrame:
    return kz.data.load("ukraine_votes")


def worked_solution(votes) -> pd.DataFrame:
    """Notebook 03 cell 24, step for step."""
    rows = votes[(votes["resolution"] == "A/RES/68/262") & votes["iso3"].isin(POST_SOVIET)]
    return rows[["iso3", "country", "vote"]].sort_values("vote")


def _as_dict(votes, letters=None) -> dict:
    table = worked_solution(votes)
    return {i: (letters or {}).get(str(v), str(v)) for i, v in zip(table["iso3"], table["vote"])}


def _from_un_votes(votes, how="inner", fill=None) -> pd.DataFrame:
    """The same table from un_votes-like data, where absent states have no row."""
    table = worked_solution(votes)
    present = table[table["vote"] != "absent"]
    if how == "inner":
        return present
    frame = pd.DataFrame({"iso3": POST_SOVIET}).merge(present[["iso3", "vote"]], on="iso3", how="left")
    frame["vote"] = frame["vote"].astype(object)
    return frame if fill is None else frame.fillna({"vote": fill})


def test_kazakhstan_recorded_as_abstaining():
    """Does the data the check relies on record Kazakhstan's abstention (S6, S7)?"""
    from kzlessons.exercises.l03 import expected_votes

    expected = expected_votes()
    assert expected["KAZ"] == "abstain"
    assert sorted(expected[expected == "absent"].index) == ["KGZ", "TJK", "TKM"]


RIGHT = {
    "worked-solution": lambda v: worked_solution(v),
    "series-by-iso3": lambda v: worked_solution(v).set_index("iso3")["vote"],
    "dict-by-iso3": lambda v: _as_dict(v),
    "country-names": lambda v: worked_solution(v)[["country", "vote"]],
    # P5: the chart's own letters, and "-" typed for the dash
    "chart-letters-Y-N-A-dash": lambda v: _as_dict(v, LETTERS),
    "chart-letters-hyphen": lambda v: _as_dict(v, {**LETTERS, "absent": "-"}),
    "lower-case-letters": lambda v: _as_dict(v, {k: l.lower() for k, l in LETTERS.items()}),
    "un-name-kyrgyz-republic": lambda v: worked_solution(v)[["country", "vote"]].replace(
        {"country": {"Kyrgyzstan": "Kyrgyz Republic", "Russia": "Russian Federation"}}
    ),
    "iso3-as-index": lambda v: worked_solution(v).set_index("iso3"),
    "lower-case-codes": lambda v: {k.lower(): x for k, x in _as_dict(v).items()},
}


@pytest.mark.parametrize("build", list(RIGHT.values()), ids=list(RIGHT))
def test_right_answers_pass(votes, build):
    """Does the worked solution pass in each shape, spelling and letter code the lesson uses?"""
    verdict = check(EXERCISE, build(votes))
    assert verdict.passed, verdict.message


WRONG = {
    "absent-states-dropped-as-in-un_votes": (lambda v: _from_un_votes(v), ["KGZ, TJK, TKM", "un_votes", "absent"]),
    "absent-left-as-missing-value": (lambda v: _from_un_votes(v, how="left"), ["missing for KGZ, TJK, TKM", "absent"]),
    "absent-filled-as-no": (lambda v: _from_un_votes(v, how="left", fill="no"), ["Absence is not a vote against"]),
    "another-resolution-ES-11-1": (
        lambda v: v[(v["resolution"] == "A/RES/ES-11/1") & v["iso3"].isin(POST_SOVIET)][["iso3", "vote"]],
        ["votes on A/RES/ES-11/1"],
    ),
    "resolution-filter-forgotten": (lambda v: v[v["iso3"].isin(POST_SOVIET)][["iso3", "vote"]], ["resolution"]),
    "isin-filter-forgotten": (
        lambda v: v[v["resolution"] == "A/RES/68/262"][["iso3", "vote"]], ["not post-Soviet"]
    ),
    "kazakhstan-as-yes": (
        lambda v: worked_solution(v).assign(vote=lambda t: t["vote"].mask(t["iso3"] == "KAZ", "yes")), ["KAZ"]
    ),
    "state-missing-from-list": (lambda v: worked_solution(v).query("iso3 != 'MDA'"), ["MDA", "POST_SOVIET"]),
    "tally-instead-of-table": (lambda v: worked_solution(v)["vote"].value_counts(), ["tally"]),
    "unknown-vote-word": (lambda v: {**_as_dict(v), "KAZ": "maybe"}, ["'maybe'", "Y, N, A, –"]),
    "no-vote-column": (lambda v: worked_solution(v)[["iso3", "country"]], ["`vote` column"]),
    "plain-text": (lambda v: "abstain", ["str"]),
}


@pytest.mark.parametrize("build, phrases", list(WRONG.values()), ids=list(WRONG))
def test_wrong_methods_get_a_named_hint(votes, build, phrases, assert_named_hint):
    """Is each wrong method refused with a hint that names the mistake (never a pass)?"""
    verdict = check(EXERCISE, build(votes))
    assert_named_hint(verdict, phrases)


def test_starter_none_gets_a_hint():
    """Does the untouched starter get a hint rather than a crash?"""
    assert "None" in check(EXERCISE, None).message
