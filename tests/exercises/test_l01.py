"""Tests for the lesson 01 exercise check (kzlessons/exercises/l01.py)."""

from __future__ import annotations

import pytest

import kzlessons as kz
from kzlessons.exercises import check

EXERCISE = "l01-count-integration"


@pytest.fixture(scope="module")
def events():
    return kz.data.load("events")


def worked_solution(events) -> int:
    """Notebook 01 cell 30."""
    integration = events[events["category"] == "integration"]
    return len(integration)


RIGHT = {
    "worked-solution": worked_solution,
    "value-counts-entry": lambda e: int(e["category"].value_counts()["integration"]),
    "sum-of-true-false": lambda e: (e["category"] == "integration").sum(),
}


@pytest.mark.parametrize("build", list(RIGHT.values()), ids=list(RIGHT))
def test_right_answers_pass(events, build):
    """Does the worked solution, and the other natural routes to the same count, pass?"""
    verdict = check(EXERCISE, build(events))
    assert verdict.passed, verdict.message


def test_success_message_speaks_of_the_category(events):
    """P9: does the success message name the category (the CSTO is in `security`, not counted)?"""
    message = check(EXERCISE, worked_solution(events)).message
    assert "`integration` category" in message and "CSTO" in message
    csto = events[events["title"].str.contains("Collective Security Treaty|CSTO")]
    assert set(csto["category"]) == {"security"}  # keeps the message true to the data


WRONG = {
    "every-event": (lambda e: len(e), ["all events", "Filter"]),
    "capital-Integration": (lambda e: len(e[e["category"] == "Integration"]), ["lower case"]),
    "another-category-economy": (lambda e: len(e[e["category"] == "economy"]), ["'economy'"]),
    "integration-plus-security": (
        lambda e: len(e[e["category"].isin(["integration", "security"])]), ["adds the `security` events"]
    ),
    "filtered-table": (lambda e: e[e["category"] == "integration"], ["filter is right", "len("]),
    "true-false-column": (lambda e: e["category"] == "integration", ["True/False column"]),
    "counts-of-every-category": (lambda e: e["category"].value_counts(), ["every category at once"]),
    "count-as-text": (lambda e: str(worked_solution(e)), ["text", "without quotes"]),
    "word-as-text": (lambda e: "nine", ["not a number"]),
    "fractional": (lambda e: 9.5, ["not a whole number"]),
}


@pytest.mark.parametrize("build, phrases", list(WRONG.values()), ids=list(WRONG))
def test_wrong_methods_get_a_named_hint(events, build, phrases, assert_named_hint):
    """Is each wrong method refused with a hint that names the mistake (never a pass)?"""
    verdict = check(EXERCISE, build(events))
    assert_named_hint(verdict, phrases)


def test_starter_none_gets_a_hint():
    """Does the untouched starter (None) get a hint that says what to do?"""
    verdict = check(EXERCISE, None)
    assert not verdict.passed
    assert "len(" in verdict.message
