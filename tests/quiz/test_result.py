"""Tests for kzlessons/quiz/result.py: the outcome of checking one answer."""

from __future__ import annotations

import dataclasses

import pytest

from kzlessons.quiz.result import Result


def test_result_is_immutable():
    """Is a Result frozen, so a view cannot alter a grade?"""
    with pytest.raises(dataclasses.FrozenInstanceError):
        Result(True, 1.0, "x").score = 0  # type: ignore[misc]


@pytest.mark.parametrize("correct, score, status", [(True, 1.0, "correct"), (False, 0.5, "partial"),
                                                    (False, 0.0, "wrong")])
def test_status_names_the_outcome(correct, score, status):
    """Is a result correct, partly right (some credit) or wrong (none)?"""
    assert Result(correct, score, "").status == status
