"""Tests for the lesson 03 exercise check (kzlessons/exercises/l03.py)."""

from __future__ import annotations

import kzlessons as kz
from kzlessons.exercises import check
from kzlessons.exercises.l03 import POST_SOVIET


def _worked_solution():
    """The worked solution of notebook 03, step for step."""
    votes = kz.data.load("ukraine_votes")
    table = votes[(votes["resolution"] == "A/RES/68/262") & votes["iso3"].isin(POST_SOVIET)]
    return table[["iso3", "country", "vote"]].sort_values("vote")


def test_worked_solution_passes():
    """Does the worked solution in notebook 03 pass the check?"""
    verdict = check("l03-vote-table", _worked_solution())
    assert verdict.passed, verdict.message


def test_series_and_dict_answers_pass():
    """Are a Series or dict mapping ISO-3 codes to votes accepted too?"""
    series = _worked_solution().set_index("iso3")["vote"]
    assert check("l03-vote-table", series).passed
    assert check("l03-vote-table", series.to_dict()).passed


def test_country_names_are_accepted():
    """Can the learner key the table by country name instead of ISO-3 code?"""
    table = _worked_solution()[["country", "vote"]]
    assert check("l03-vote-table", table).passed


def test_kazakhstan_recorded_as_abstaining():
    """Does the data the check relies on record Kazakhstan's abstention (S6, S7)?"""
    from kzlessons.exercises.l03 import expected_votes

    expected = expected_votes()
    assert expected["KAZ"] == "abstain"
    assert sorted(expected[expected == "absent"].index) == ["KGZ", "TJK", "TKM"]


def test_dropping_absent_states_gets_the_un_votes_hint():
    """Does a table without the three absent states explain that missing rows mean absent?"""
    table = _worked_solution()
    verdict = check("l03-vote-table", table[table["vote"] != "absent"])
    assert not verdict.passed
    assert "absent" in verdict.message


def test_unfiltered_resolution_is_spotted():
    """Does forgetting the resolution filter (duplicate states) get a clear message?"""
    votes = kz.data.load("ukraine_votes")
    table = votes[votes["iso3"].isin(POST_SOVIET)][["iso3", "vote"]]
    verdict = check("l03-vote-table", table)
    assert not verdict.passed
    assert "resolution" in verdict.message


def test_wrong_vote_is_named():
    """Does a wrong vote name the state concerned?"""
    table = _worked_solution().copy()
    table.loc[table["iso3"] == "KAZ", "vote"] = "yes"
    verdict = check("l03-vote-table", table)
    assert not verdict.passed
    assert "KAZ" in verdict.message


def test_starter_none_and_wrong_type():
    """Do None and a string get plain hints rather than crashes?"""
    assert "None" in check("l03-vote-table", None).message
    assert not check("l03-vote-table", "abstain").passed
