"""Tests for kzlessons/quiz/model.py: the map of the question model keeps every name importable from it."""

from __future__ import annotations

from kzlessons.quiz import answers, choice, model, numeric, question, result, text


def test_every_public_name_is_the_one_in_its_module():
    """Does kzlessons.quiz.model still give every name it always gave, as the object its module defines?"""
    homes = (question, result, choice, numeric, text, answers)
    for name in model.__all__:
        owners = [m for m in homes if name in m.__all__]
        assert len(owners) == 1, f"{name} is defined in {len(owners)} modules"
        assert getattr(model, name) is getattr(owners[0], name)


def test_the_model_lists_the_old_names():
    """Are the names callers import from kzlessons.quiz.model all there (no caller changes)?"""
    assert {"Option", "Result", "Question", "SingleChoice", "MultipleSelect", "Numeric", "ShortText", "Ordering",
            "QUESTION_TYPES", "TYPE_LABELS", "normalise_text", "to_jsonable", "MAX_ANSWER_CHARS",
            "MAX_STORED_CHARS"} <= set(model.__all__)
