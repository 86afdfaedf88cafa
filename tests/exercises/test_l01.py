"""Tests for the lesson 01 exercise checks (kzlessons/exercises/l01.py)."""

from __future__ import annotations

import kzlessons as kz
from kzlessons.exercises import check


def _events():
    return kz.data.load("events")


def test_worked_solution_passes():
    """Does the worked solution in notebook 01 pass the check?"""
    events = _events()
    integration = events[events["category"] == "integration"]
    answer = len(integration)
    verdict = check("l01-count-integration", answer)
    assert verdict.passed, verdict.message


def test_value_counts_route_passes():
    """Does the value_counts route to the same number pass too?"""
    answer = int(_events()["category"].value_counts()["integration"])
    assert check("l01-count-integration", answer).passed


def test_starter_none_gets_a_hint():
    """Does the untouched starter (None) get a hint that says what to do?"""
    verdict = check("l01-count-integration", None)
    assert not verdict.passed
    assert "len(" in verdict.message


def test_unfiltered_count_is_explained():
    """Does counting all events (forgetting the filter) get a message about filtering?"""
    verdict = check("l01-count-integration", len(_events()))
    assert not verdict.passed
    assert "Filter" in verdict.message


def test_filtered_table_is_nudged_to_a_number():
    """Does handing in the filtered table say the filter is right and to use len()?"""
    events = _events()
    verdict = check("l01-count-integration", events[events["category"] == "integration"])
    assert not verdict.passed
    assert "filter is right" in verdict.message


def test_wrong_type_is_handled():
    """Does a string answer get a plain message instead of a crash?"""
    verdict = check("l01-count-integration", "nine")
    assert not verdict.passed
    assert "whole number" in verdict.message
