"""Tests for kzlessons/quiz/static.py: the HTML / text fallback for GitHub, nbviewer and nbval."""

from __future__ import annotations

import pytest

import kzlessons as kz
from kzlessons.quiz import static


@pytest.mark.parametrize("qid", kz.quiz.ids(lesson="00"))
def test_html_has_question_options_and_collapsed_answer(qid):
    """Does the HTML show prompt and options, with answer and explanation inside a closed <details>?"""
    q = kz.quiz.get(qid)
    html = static.to_html(q)
    from html import escape

    assert escape(q.prompt) in html
    for option in q.options:
        assert escape(option.text) in html
    details = html[html.index("<details>"):html.index("</details>")]
    assert "<details open" not in html and escape(q.answer_text()) in details and escape(q.explanation) in details


def test_html_lists_source_titles():
    """Are the question's sources shown with their titles from the sources dataset?"""
    html = static.to_html(kz.quiz.get("l00-area"))
    assert "<strong>S11</strong>: Ministry of Foreign Affairs of the Kyrgyz Republic" in html


@pytest.mark.parametrize("qid", kz.quiz.ids(lesson="00"))
def test_plain_text_is_deterministic_and_hides_the_answer(qid, kz_home):
    """Is text/plain the same across calls and learner attempts, free of object ids, and without the answer key?"""
    q = kz.quiz.get(qid)
    first = static.to_text(q)
    kz.progress.record(qid, "anything")
    assert static.to_text(q) == first and "0x" not in first and "Answer:" not in first
    assert first.startswith(f"Quiz {qid} (")


def test_numeric_unit_is_shown():
    """Do both renderings show the numeric question's unit?"""
    q = kz.quiz.get("l00-area")
    assert "km²" in static.to_html(q) and "Unit: km²" in static.to_text(q)


def test_xss_payload_is_escaped(make_question):
    """Is an XSS payload in prompt, options, feedback and explanation escaped in the HTML?"""
    payload = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
    q = make_question("single", prompt=payload, explanation=payload,
                      options=[{"id": "a", "text": payload, "feedback": payload}, {"id": "b", "text": "B"}])
    html = static.to_html(q)
    assert "<script" not in html and "<img" not in html and "&lt;script&gt;" in html
