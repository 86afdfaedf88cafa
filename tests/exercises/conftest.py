"""Shared checks for the exercise tests: what a named hint for a wrong method must look like."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pytest

from kzlessons.exercises import Verdict


@pytest.fixture
def assert_named_hint() -> Callable[[Verdict, Iterable[str]], None]:
    """The check every wrong-method test applies to its verdict (see :func:`named_hint`)."""
    return named_hint


def named_hint(verdict: Verdict, phrases: Iterable[str]) -> None:
    """A wrong method is refused with a hint that names the mistake: never a pass, never the generic
    "could not read your answer" or "not quite", never a Python error name."""
    message = verdict.message
    assert not verdict.passed, message
    for phrase in phrases:
        assert phrase in message, message
    assert "could not read" not in message, message
    assert "not quite" not in message.lower(), message
    assert "Error" not in message, message


@pytest.fixture(autouse=True)
def _fresh_graded_hints():
    """Every test starts with no wrong tries counted (graded hints, kzlessons/exercises/_graded.py)."""
    from kzlessons.exercises import _graded

    _graded.forget()
    yield
    _graded.forget()
