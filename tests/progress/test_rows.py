"""Tests for kzlessons/progress/rows.py: the one row validator, JSON loader and time parser."""

from __future__ import annotations

import datetime as dt

import pytest

from kzlessons.progress.rows import canonical_time, is_attempt, kind_of, loads, parse_time, row_problem

ROW = {"attempt_id": "a1", "question_id": "l00-area", "lesson": "00", "answer": "1",
       "correct": False, "score": 0.0, "time": "2025-03-01T10:00:00+00:00"}


@pytest.mark.parametrize("text", ['{"a": 1e99999}', '{"a": -1e400}', '{"a": NaN}', '{"a": Infinity}', "[" * 100_000])
def test_loads_refuses_what_cannot_be_stored(text):
    """Does the loader refuse NaN, Infinity, overflowing numbers and absurd nesting with an exception it names?"""
    with pytest.raises((ValueError, RecursionError)):
        loads(text)


@pytest.mark.parametrize("text, expected", [
    ("2025-03-01T10:00:00+00:00", "2025-03-01T10:00:00.000000+00:00"),
    ("2025-03-01T15:00:00.123456+05:00", "2025-03-01T10:00:00.123456+00:00"),
    ("2025-W09-6T10:00:00+00:00", "2025-03-01T10:00:00.000000+00:00"),
    ("2025-03-01T10:00:00,5+00:00", "2025-03-01T10:00:00.500000+00:00"),
    ("2025-03-01T10:00:00Z", "2025-03-01T10:00:00.000000+00:00"),
])
def test_times_read_in_any_iso_form_come_back_in_one(text, expected):
    """Is every ISO form Python reads turned into kzlessons' own UTC form?"""
    assert canonical_time(text) == expected


@pytest.mark.parametrize("text", ["not a time", "2025-03-01T10:00:00", "2025-13-01T10:00:00+00:00", "",
                                  "0001-01-01T00:00:00+05:00", "9999-12-31T23:00:00-05:00", "2" * 100, None, 5])
def test_unusable_times_are_none(text):
    """Are naive, impossible, out-of-range and non-string times rejected (None), never an exception?"""
    assert parse_time(text) is None


def test_row_problem_names_each_fault():
    """Does row_problem accept a good row and name what is wrong with each bad one?"""
    assert row_problem(ROW) is None
    assert row_problem({**ROW, "extra": {"anything": [1]}}) is None  # unknown optional fields are tolerated
    cases = {
        "score": ({**ROW, "score": float("nan")}, "score"),
        "range": ({**ROW, "score": 7}, "between 0 and 1"),
        "qid": ({**ROW, "question_id": "zz"}, "question id"),
        "lesson": ({**ROW, "lesson": "05"}, "names lesson"),
        "time": ({**ROW, "time": "not a time"}, "time zone"),
        "kind": ({**ROW, "kind": 3}, "kind"),
        "answer": ({k: v for k, v in ROW.items() if k != "answer"}, "answer"),
        "shape": ([1, 2], "not a JSON object"),
        "bool": ({**ROW, "score": True}, "score"),
    }
    for name, (row, phrase) in cases.items():
        assert phrase in (row_problem(row) or ""), name


def test_kind_defaults_to_attempt():
    """Is a row without kind an attempt, and a 'shown' row not one?"""
    assert kind_of(ROW) == "attempt" and is_attempt(ROW)
    assert kind_of({**ROW, "kind": "shown"}) == "shown" and not is_attempt({**ROW, "kind": "shown"})
    assert isinstance(parse_time(ROW["time"]), dt.datetime)
