"""Tests for kzlessons/lms/moodle_xml.py: Moodle XML parses back to every bank question, grading included."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET

import pytest
from lms_readers import read_moodle

from kzlessons.lms import moodle_xml
from kzlessons.lms.common import MOODLE_FRACTIONS, accepted_answers, numeric_key, prompt_text
from kzlessons.quiz.policy import reveal_after
from kzlessons.quiz.question import Question


@pytest.fixture(scope="module")
def exported(banks):
    data, report = moodle_xml.document(banks)
    return data, report, {r.id: r for r in read_moodle(data)}


def test_every_type_is_carried_as_it_is(exported, all_questions):
    """Does Moodle XML carry every bank question, ordering included, with nothing changed or left out?"""
    _, report, read = exported
    assert report.counts() == {"carried": len(all_questions), "changed": 0, "not carried": 0}
    assert set(read) == set(all_questions)
    assert {r.kind for r in read.values()} == {"multichoice", "numerical", "shortanswer", "ordering"}


def test_every_question_round_trips(exported, all_questions):
    """Do prompt, options, keys, per-option feedback, hint and explanation survive, in the lesson's category?"""
    _, _, read = exported
    for qid, q in all_questions.items():
        r = read[qid]
        assert r.prompt == prompt_text(q) and r.explanation == q.explanation, qid
        assert r.extra["idnumber"] == qid and r.category.startswith(f"kzlessons/Lesson {q.lesson}")
        assert r.hint == q.feedback, qid
        assert r.hints == [q.feedback] * (reveal_after(q) - 1)
        if q.type in ("single", "multiple"):
            assert r.options == [o.text for o in q.options]
            assert r.option_feedback == {o.text: o.feedback for o in q.options if o.feedback}
            assert r.extra["single"] == ("true" if q.type == "single" else "false")
            right = set(q.answer) if q.type == "multiple" else {q.answer}
            assert {t for t, f in r.fractions.items() if f > 0} == {q.option(a).text for a in right}
            # Moodle's import matches each answer's grade to its list within 0.00001 (else refuses the file)
            assert all(any(abs(abs(f) - m) < 1e-5 for m in MOODLE_FRACTIONS) for f in r.fractions.values()), qid
        elif q.type == "numeric":
            key = numeric_key(q)
            assert (r.low, r.high) == pytest.approx((key.low, key.high))
        elif q.type == "text":
            assert r.extra["usecase"] == "0" and r.accepted == accepted_answers(q)
            assert all(q.check(a).correct for a in r.accepted)
        else:
            assert r.order == [q.option(a).text for a in q.answer]
            assert (r.extra["selecttype"], r.extra["gradingtype"]) == ("ALL", "RELATIVE_ALL_PREVIOUS_AND_NEXT")


def _moodle_multichoice(fractions: dict[str, float], picked: set[str]) -> float:
    """Moodle's grade of a multiple-answer response: the picked fractions summed, kept within 0..1."""
    return min(1.0, max(0.0, sum(fractions[t] for t in picked)))


def test_multiple_select_partial_credit_is_kzlessons_own(exported, all_questions):
    """For every multiple-select question and every non-empty choice of options, does Moodle's grade equal
    kzlessons' score?"""
    _, _, read = exported
    for q in (q for q in all_questions.values() if q.type == "multiple"):
        fractions = read[q.id].fractions
        for size in range(1, len(q.options) + 1):
            for picked in itertools.combinations(q.options, size):
                moodle = _moodle_multichoice(fractions, {o.text for o in picked})
                assert moodle == pytest.approx(q.check([o.id for o in picked]).score, abs=1e-4), (q.id, picked)


def _relative_all_previous_and_next(correct: list[str], given: list[str]) -> float:
    """Moodle's 'relative to all previous and next items' grade (qtype_ordering), from its definition."""
    score = maximum = 0
    for item in given:
        right_before, right_after = set(correct[:correct.index(item)]), set(correct[correct.index(item) + 1:])
        said_before, said_after = set(given[:given.index(item)]), set(given[given.index(item) + 1:])
        maximum += len(right_before) + len(right_after)
        score += len(right_before & said_before) + len(right_after & said_after)
    return score / maximum


def test_ordering_grade_is_kzlessons_pair_share(exported, all_questions):
    """For every ordering question and every order of its items, does Moodle's grading give kzlessons' score?"""
    _, _, read = exported
    for q in (q for q in all_questions.values() if q.type == "ordering"):
        text = {o.id: o.text for o in q.options}
        for order in itertools.permutations(q.answer):
            moodle = _relative_all_previous_and_next(read[q.id].order, [text[i] for i in order])
            assert moodle == pytest.approx(q.check(list(order)).score, abs=1e-4)


def test_one_lesson_is_one_category(banks):
    """Does each lesson open its own category, and a single lesson give one?"""
    data, _ = moodle_xml.document(banks[2:3])
    root = ET.fromstring(data)
    categories = [q.findtext("category/text") for q in root.findall("question") if q.get("type") == "category"]
    assert categories == [moodle_xml.category_path(banks[2][1])]


def test_too_many_right_options_are_reported_not_written():
    """Is a multiple-select question with 11 right options (no such share in Moodle's grade list) not written,
    with the reason?"""
    options = [{"id": f"o{i}", "text": f"Option {i}"} for i in range(12)]
    q = Question.from_dict({"id": "l99-many", "type": "multiple", "prompt": "All but one?", "options": options,
                            "answer": [o["id"] for o in options[:11]]}, "99")
    data, report = moodle_xml.document([("99", "Lesson 99", [q])])
    (outcome,) = report.outcomes
    assert outcome.status == "not carried" and "1/11" in outcome.reason
    assert read_moodle(data) == []


def test_special_characters_survive():
    """Do <, &, a line break and a * in an accepted answer come back as written?"""
    q = Question.from_dict({"id": "l99-t", "type": "text", "prompt": "A < B & C\nnext line?",
                            "answer": {"accept": ["a*b", "R&D"]}, "feedback": "Think of <tags>."}, "99")
    data, _ = moodle_xml.document([("99", "Lesson 99", [q])])
    (r,) = read_moodle(data)
    assert (r.prompt, r.hint) == ("A < B & C\nnext line?", "Think of <tags>.")
    assert r.accepted[:2] == ["a*b", "R&D"]
    assert b"a\\*b" in data
