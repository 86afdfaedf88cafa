"""Tests for kzlessons/numtext.py: decimal commas are read as meant or refused, never misread."""

from __future__ import annotations

import pytest

from kzlessons.numtext import NumberTextError, number_readings, read_number

READ = {
    "0,38": 0.38,
    "-0,92": -0.92,
    "−0,92": -0.92,  # the minus sign, not a hyphen
    "0,143": 0.143,  # a thousands group never follows a lone 0
    "12,5": 12.5,
    "1 234,5": 1234.5,
    "1\u00a0234,5": 1234.5,
    "1.234,5": 1234.5,
    "1,234.5": 1234.5,
    "1,234,567": 1234567.0,
    "1.234.567": 1234567.0,
    "0.38": 0.38,
    " 42 ": 42.0,
    "2,5e3": 2500.0,
    "+7": 7.0,
}


@pytest.mark.parametrize("text, value", list(READ.items()), ids=list(READ))
def test_read_as_meant(text, value):
    """Is each way of writing a number read as the writer meant it?"""
    assert read_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["7,548", "2,017", "-1,782"])
def test_ambiguous_comma_is_refused_with_both_readings(text):
    """Is '7,548' (thousands or decimal?) refused with a sentence giving both readings?"""
    assert len(number_readings(text)) == 2
    with pytest.raises(NumberTextError) as caught:
        read_number(text)
    message = str(caught.value)
    assert "could mean" in message and "without the comma" in message


@pytest.mark.parametrize("text", ["", "forty", "1,2,3", "1.2.3", "0,38,5", "1e999", "1" * 200, "--1", ",", "1,23.4,5"])
def test_not_a_number_is_refused_with_a_sentence(text):
    """Is text that is no number refused with a plain sentence (never misread)?"""
    assert number_readings(text) == ()
    with pytest.raises(NumberTextError, match="not a number"):
        read_number(text)


def test_non_text_has_no_readings():
    """Does a non-string give no readings instead of raising?"""
    assert number_readings(None) == () and number_readings(3) == ()
