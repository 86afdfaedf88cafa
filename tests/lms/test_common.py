"""Tests for kzlessons/lms/common.py: the pieces every format shares say what the lessons say."""

from __future__ import annotations

import pytest

from kzlessons.lms import common


def test_numeric_keys_accept_exactly_what_the_lessons_accept(all_questions):
    """For every numeric bank question, are the key's ends accepted and numbers just outside refused, as in
    the lessons?"""
    numeric = [q for q in all_questions.values() if q.type == "numeric"]
    assert numeric
    for q in numeric:
        key = common.numeric_key(q)
        step = max(abs(key.high), abs(key.low), 1.0) * 1e-6
        assert q.check(key.low).correct and q.check(key.high).correct, q.id
        assert not q.check(key.low - step - key.tolerance * 1e-3).correct, q.id
        assert not q.check(key.high + step + key.tolerance * 1e-3).correct, q.id
        assert float(common.number(key.low)) == pytest.approx(key.low)


def test_accepted_answers_are_all_accepted_by_the_lessons(all_questions):
    """Is every accepted answer an export gives (the bank's and their folded forms) one the lessons accept too,
    and are the bank's own answers all there?"""
    for q in (q for q in all_questions.values() if q.type == "text"):
        answers = common.accepted_answers(q)
        assert list(q.answer["accept"])[0] == answers[0]
        assert {a.casefold() for a in q.answer["accept"]} <= {a.casefold() for a in answers}
        assert all(q.check(a).correct for a in answers), q.id
        assert len({a.casefold() for a in answers}) == len(answers)


def test_shares_are_those_moodle_accepts():
    """Is 1/k one of Moodle's answer grades for k = 1..10, and refused above (Moodle has no 1/11)?"""
    for count in range(1, 11):
        assert common.share(count) == pytest.approx(1 / count, abs=1e-6)
    assert common.share(11) is None and common.share(12) is None


def test_places_and_titles():
    """Are places written as ordinals, and a lesson without a title still named?"""
    assert [common.place(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd"]
    assert common.lesson_title("03", {}) == "Lesson 03"
    assert common.lesson_titles()["00"]


def test_html_round_trip():
    """Does plain text survive html_text and plain_from_html, markup included?"""
    text = "<b>bold</b> & 'quotes' \"too\"\nsecond line"
    assert common.plain_from_html(common.html_text(text)) == text
