"""Tests for kzlessons/quiz/answers.py: any answer kept as something JSON-safe and bounded."""

from __future__ import annotations

import json

from hypothesis import given, settings

from kzlessons.quiz.answers import MAX_STORED_CHARS, to_jsonable

from .conftest import ANYTHING


@settings(max_examples=200, deadline=None)
@given(answer=ANYTHING)
def test_fuzz_to_jsonable_is_json_safe(answer):
    """Is every answer turned into something json.dumps accepts without NaN?"""
    json.dumps(to_jsonable(answer), allow_nan=False)


def test_stored_answers_are_capped():
    """Is a huge answer cut to a bounded size before it is stored?"""
    assert len(to_jsonable("a" * 10_000_000)) <= MAX_STORED_CHARS == 2_000
