"""Tests for the exercise framework (kzlessons/exercises/__init__.py)."""

from __future__ import annotations

import pytest

from kzlessons import exercises
from kzlessons.exercises import Verdict, check, exercise


def test_unknown_exercise_lists_known_ones_without_quotes():
    """Does an unknown id raise a KeyError whose message is a plain sentence listing the known ids?"""
    with pytest.raises(KeyError) as caught:
        check("l02-no-such-thing", 1)
    message = str(caught.value)
    assert message.startswith("No exercise called 'l02-no-such-thing'")
    assert "l02-hhi-by-year" in message


def test_non_string_id_gets_a_plain_error():
    """Does an id that is not a string raise the same plain KeyError, not an AttributeError?"""
    with pytest.raises(KeyError, match="No exercise called 2"):
        check(2, 1)


def test_ids_lists_every_lesson_module():
    """Does ids() find the exercises of every lesson module that ships?"""
    found = {eid.split("-", 1)[0] for eid in exercises.ids()}
    assert {f"l{n:02d}" for n in range(8)} <= found


def test_unanswered_hint_is_given_for_none():
    """Does a checker registered with unanswered=... answer None with that hint, without being called?"""
    calls = []

    @exercise("l99-unanswered-demo", unanswered="Store a number in `answer`.")
    def _demo(answer):
        calls.append(answer)
        return Verdict.ok("fine.")

    verdict = check("l99-unanswered-demo", None)
    assert not verdict.passed
    assert verdict.message == "`answer` is still None. Store a number in `answer`."
    assert calls == []
    assert check("l99-unanswered-demo", 3).passed


def test_crashing_checker_still_gives_a_verdict():
    """Does a checker that raises still return a 'not yet' sentence, without Python internals (probe 5e)?"""

    @exercise("l99-crash-demo")
    def _crash(answer):
        raise OverflowError("cannot convert float infinity to integer")

    verdict = check("l99-crash-demo", object())
    assert not verdict.passed
    assert "could not read your answer (the type object" in verdict.message
    assert "Error" not in verdict.message and "infinity" not in verdict.message


def test_missing_dependency_in_a_lesson_module_is_not_hidden(monkeypatch):
    """Does a ModuleNotFoundError raised inside a lesson module surface instead of 'no exercise'?"""
    import importlib

    real = importlib.import_module

    def fake(name, *args, **kwargs):
        if name == "kzlessons.exercises.l98":
            raise ModuleNotFoundError("No module named 'scipy'", name="scipy")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(importlib, "import_module", fake)
    with pytest.raises(ModuleNotFoundError, match="scipy"):
        check("l98-anything", 1)


def test_is_number_excludes_bools_and_strings():
    """Does is_number accept ints, floats and numpy scalars but not bools, strings or None?"""
    import numpy as np

    assert all(exercises.is_number(v) for v in (1, 2.5, np.int64(3), np.float64(0.5)))
    assert not any(exercises.is_number(v) for v in (True, "3", None, [1]))


def test_broken_data_is_not_blamed_on_the_answer(monkeypatch) -> None:
    """When the data behind a check cannot load, does the verdict say so instead of blaming the answer?"""
    from kzlessons import data, exercises

    def broken(name: str):
        raise data.DataFileError("data/events.csv is damaged. Rebuild it with: make data")

    monkeypatch.setattr(data, "load", broken)
    verdict = exercises.check("l00-events-2022", 21)
    assert not verdict.passed
    assert "could not load the data" in verdict.message and "could not read your answer" not in verdict.message
