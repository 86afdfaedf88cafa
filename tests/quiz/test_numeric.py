"""Tests for kzlessons/quiz/numeric.py: numbers within a tolerance or range, typed numbers read as meant."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest


@pytest.mark.parametrize("answer", ["102", 95, 105.0, "1e2", " 100 km", "+98", Decimal("101"), Fraction(201, 2)])
def test_numeric_absolute_tolerance_accepts(make_question, answer):
    """Are numbers and number strings within ±5 of 100 accepted (with the unit typed or not)?"""
    assert make_question("numeric").check(answer).correct


@pytest.mark.parametrize("answer, word", [(94.9, "too low"), ("106", "too high")])
def test_numeric_says_too_low_or_high(make_question, answer, word):
    """Does a number outside the tolerance say whether it is too low or too high, with the unit?"""
    result = make_question("numeric").check(answer)
    assert not result.correct and word in result.feedback and "km" in result.feedback


def test_numeric_relative_tolerance_and_range(make_question):
    """Do rel_tol (5% of 2,724,900) and {min, max} ranges grade as documented?"""
    rel = make_question("numeric", answer={"value": 2724900, "rel_tol": 0.05}, unit="km²")
    assert rel.check("2,600,000").correct and not rel.check("2,500,000").correct
    assert rel.check("2 724 900 km²").correct
    rng = make_question("numeric", answer={"min": 7500, "max": 7650})
    assert rng.check(7500).correct and rng.check(7650).correct and not rng.check(7651).correct


@pytest.mark.parametrize("answer", [True, None, "abc", "1.2.3", "nan", float("nan"), float("inf"), "-inf",
                                    10**400, [100], "1" * 500])
def test_numeric_unreadable_answers_get_a_hint(make_question, answer):
    """Do booleans, NaN, infinities, huge ints and non-numbers get a hint naming the unit, not an error?"""
    result = make_question("numeric").check(answer)
    assert not result.correct and result.score == 0 and "km" in result.feedback


# -- decimal commas (reviews 00-03 P4/P6, 04-07 P6) ----------------------------------------------------


@pytest.mark.parametrize("answer, value", [
    ("0,38", 0.38), ("-0,92", -0.92), ("\u22120,92", -0.92), ("0,143", 0.143), ("12,5", 12.5), ("0,380", 0.38),
    ("2,724,900", 2724900), ("2.724.900", 2724900), ("1,234.5", 1234.5), ("1.234,5", 1234.5),
    ("2 724 900", 2724900), ("2.7 million", 2.7e6), ("2,72 million", 2.72e6), ("10.24 bn", 10.24e9),
])
def test_decimal_commas_and_separators_are_read_as_meant(make_question, answer, value):
    """Is a decimal comma read as a decimal mark (never as a thousands separator), groups of three as
    thousands, and "million"/"bn" as powers of ten?"""
    q = make_question("numeric", answer={"value": value, "rel_tol": 1e-9}, unit="")
    result = q.check(answer)
    assert result.correct, (answer, result.feedback)
    if "," in answer and answer.count(",") == 1 and "." not in answer and len(answer.split(",")[1].split()[0]) != 3:
        assert "decimal comma" in result.feedback


def test_an_ambiguous_comma_is_read_by_the_answer_size_or_refused(make_question):
    """Is "1,234" read as 1234 or 1.234 only when just one of them is near the accepted range, and
    otherwise refused with a hint that says how to write it (never guessed)?"""
    border = make_question("numeric", answer={"min": 7500, "max": 7650}, unit="km")
    assert border.check("7,548").correct and "thousands separator" in border.check("7,548").feedback
    share = make_question("numeric", answer={"value": 1.2, "abs_tol": 0.05}, unit="")
    assert share.check("1,234").correct and "decimal comma" in share.check("1,234").feedback
    for key in ({"min": 1, "max": 5000}, {"value": 90000, "abs_tol": 5}):  # both readings near / both far
        refused = make_question("numeric", answer=key, unit="").check("1,850")
        assert not refused.correct and "could mean 1850 or 1.85" in refused.feedback
        assert "Type 1850" in refused.feedback and "too" not in refused.feedback  # nothing from a guess


@pytest.mark.parametrize("answer", ["1,2,3", "1,23.4", "1.2.3", "12,34,567", ",", "1,,2", "1,5e3"])
def test_malformed_separators_are_refused(make_question, answer):
    """Are badly grouped numbers refused with a hint rather than misread?"""
    result = make_question("numeric").check(answer)
    assert not result.correct and "is not a number" in result.feedback


def test_years_in_feedback_are_not_grouped(make_question):
    """Does feedback print 2017 as "2017", not "2,017" (review 04-07 P6), while large numbers keep commas?"""
    year = make_question("numeric", answer={"value": 2000, "abs_tol": 0}, unit="")
    assert "2017 is too high" in year.check("2017").feedback
    assert "2,724,900" in make_question("numeric", answer={"value": 1, "abs_tol": 0}).check(2724900).feedback
