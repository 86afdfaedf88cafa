"""Tests for kzlessons/lms/gift.py: GIFT read back by Moodle's import rules gives every bank question.

No maintained GIFT parser is on PyPI (pygiftparser 1.1, 2017, needs MarkdownSuperscript and renders
HTML), so ``lms_readers.read_gift`` follows the rules of Moodle's own GIFT import.
"""

from __future__ import annotations

import itertools

import pytest
from lms_readers import gift_blocks, read_gift

from kzlessons.lms import gift
from kzlessons.lms.common import ORDER_NOTE, accepted_answers, numeric_key, place, prompt_text
from kzlessons.quiz.question import Question


@pytest.fixture(scope="module")
def exported(banks):
    text, report = gift.document(banks)
    return text, report, {r.id: r for r in read_gift(text)}


def test_every_question_is_written_and_ordering_changed(exported, all_questions):
    """Is every question in the file, with only the ordering ones changed (to matching) and reported?"""
    _, report, read = exported
    assert set(read) == set(all_questions)
    changed = {o.question_id for o in report.outcomes if o.status == "changed"}
    assert changed == {q for q, x in all_questions.items() if x.type == "ordering"}
    assert all(o.reason == "written as matching (GIFT has no ordering type)" for o in report.outcomes
               if o.status == "changed")


def test_every_question_round_trips(exported, all_questions):
    """Do prompt, options, keys, per-option feedback (with the hint), hint and explanation survive?"""
    _, _, read = exported
    for qid, q in all_questions.items():
        r = read[qid]
        assert r.explanation == q.explanation and r.category.startswith(f"kzlessons/Lesson {q.lesson}"), qid
        if q.type in ("single", "multiple"):
            assert r.kind == "multichoice" and r.prompt == q.prompt
            assert r.extra["single"] == ("true" if q.type == "single" else "false")
            assert r.options == [o.text for o in q.options]
            right = set(q.answer) if q.type == "multiple" else {q.answer}
            assert {t for t, f in r.fractions.items() if f > 0} == {q.option(a).text for a in right}
            for option in q.options:
                wrong = option.id not in right
                expected = " ".join(p for p in (option.feedback, q.feedback if wrong else "") if p)
                assert r.option_feedback.get(option.text, "") == expected, (qid, option.id)
            if q.type == "multiple":
                for size in range(1, len(q.options) + 1):
                    for picked in itertools.combinations(q.options, size):
                        moodle = min(1.0, max(0.0, sum(r.fractions[o.text] for o in picked)))
                        assert moodle == pytest.approx(q.check([o.id for o in picked]).score, abs=1e-4)
        elif q.type == "numeric":
            key = numeric_key(q)
            assert r.kind == "numerical" and r.prompt == prompt_text(q) and r.hint == q.feedback
            assert (r.low, r.high) == pytest.approx((key.low, key.high))
        elif q.type == "text":
            assert r.kind == "shortanswer" and r.hint == q.feedback
            assert r.accepted == accepted_answers(q)
        else:
            assert r.kind == "match" and r.prompt == f"{q.prompt} {ORDER_NOTE}"
            assert r.matches == {q.option(a).text: place(n) for n, a in enumerate(q.answer, start=1)}


def test_special_characters_are_escaped_and_come_back():
    """Do GIFT's special characters, HTML characters and a line break survive in every part of a question?"""
    q = Question.from_dict({
        "id": "l99-odd", "type": "single", "prompt": "Is {a} = ~b: #1 \\ c < d & e?\nSay so.", "answer": "a",
        "feedback": "Hint: = ~ # {}", "explanation": "Because a:b -> c {d}.",
        "options": [{"id": "a", "text": "yes = right: {ok}"},
                    {"id": "b", "text": "no ~ #2", "feedback": "Not -> this one."}]}, "99")
    text, _ = gift.document([("99", "Lesson 99: a/b", [q])])
    (r,) = read_gift(text)
    assert r.prompt == q.prompt and r.explanation == q.explanation
    assert r.options == ["yes = right: {ok}", "no ~ #2"]
    assert r.option_feedback == {"no ~ #2": "Not -> this one. Hint: = ~ # {}"}
    assert r.category == "kzlessons/Lesson 99: a//b"


def test_short_answers_with_special_characters():
    """Are accepted answers written plain (Moodle compares them as typed), with * kept literal, and one that
    holds '->' (which would turn the question into matching) left out?"""
    q = Question.from_dict({"id": "l99-sa", "type": "text", "prompt": "Which?", "feedback": "Look again.",
                            "answer": {"accept": ["R&D", "a*b", "x -> y", "c:d"]}}, "99")
    text, _ = gift.document([("99", "Lesson 99", [q])])
    (r,) = read_gift(text)
    assert r.kind == "shortanswer" and r.hint == "Look again."
    assert r.accepted[:3] == ["R&D", "a*b", "c:d"] and "x -> y" not in r.accepted


def test_questions_are_separate_blocks(exported, all_questions):
    """Is every question one block with no blank line inside, so Moodle reads it as one question?"""
    text, _, _ = exported
    blocks = [b for b in gift_blocks(text) if not b.startswith("$CATEGORY")]
    assert len(blocks) == len(all_questions)


def test_escape():
    """Does escape() protect every special character and the backslash itself?"""
    assert gift.escape("a\\b:c#d=e~f{g}h\ni") == "a\\\\b\\:c\\#d\\=e\\~f\\{g\\}h\\ni"
