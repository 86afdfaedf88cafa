"""Tests for kzlessons/quiz/withheld.py (what a quiz under assessment says) and the static renderings of
questions whose results are withheld (kzlessons/quiz/static.py): no answer leaves the kernel's package data."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

import kzlessons as kz
from kzlessons import _mode
from kzlessons.quiz import assessment as mode
from kzlessons.quiz import static, withheld
from kzlessons.quiz.assessment import Status

QUIZ1 = Status(assessed=True, name="Quiz 1", when="after 1 May 2025, 09:00 (UTC+05:00)")
RELEASED = Status(assessed=True, released=True, name="Quiz 1", when="after 1 May 2025, 09:00 (UTC+05:00)")


def test_labels_say_which_kind_of_quiz_it_is():
    """Is the line above a question 'Self-check', 'Assessment' or 'Assessment, results released'?"""
    assert [withheld.label(s) for s in (mode.OPEN, QUIZ1, RELEASED)] == [
        "Self-check", "Assessment", "Assessment, results released"]


def test_the_intro_names_the_assessment_and_the_release_only_while_withheld():
    """Is there a 'Graded (…)' sentence while the results are withheld, none otherwise, and does a config
    problem follow it?"""
    assert withheld.intro(QUIZ1) == ("Graded (Quiz 1): your answer is saved, not checked; the results are shown "
                                     "after 1 May 2025, 09:00 (UTC+05:00).")
    assert withheld.intro(RELEASED) == "" and withheld.intro(mode.OPEN) == ""
    broken = Status(assessed=True, when="once the assessment settings are fixed", problem="It is broken.")
    assert withheld.intro(broken).startswith("Graded (the assessment)") and withheld.intro(broken).endswith(
        "It is broken.")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def _answer_texts(question) -> list[str]:
    """Texts that would give the answer away: the answer line, the explanation, the wrong options' hints
    (the answer of a choice or ordering question is made of option texts, which the question shows)."""
    texts = [question.explanation[:60], "Answer:"]
    if not question.options:
        texts.append(static.answer_html(question)[:60])
    texts += [o.feedback[:60] for o in question.options if o.feedback]
    if question.feedback:
        texts.append(question.feedback[:60])
    return [t for t in texts if t]


@pytest.mark.parametrize("qid", kz.quiz.ids(lesson="00"))
def test_withheld_html_has_the_question_but_no_answer_hint_or_grading_data(qid):
    """Does the withheld HTML (notebook fallback and static page) show the question and its options, and
    leave out the answer, the explanation, every hint, the grading data and the script?"""
    question = kz.quiz.get(qid)
    for html in (static.to_html(question, QUIZ1), static.StaticQuiz(question, QUIZ1)._repr_mimebundle_()["text/html"]):
        for text in _answer_texts(question):
            assert text not in html, text
        parser = _Text()
        parser.feed(html)
        shown = " ".join(parser.text)
        assert question.prompt[:50] in shown and "Graded in Jupyter." in shown
        assert all(o.text[:30] in html for o in question.options)
        assert "script" not in parser.tags and "details" not in parser.tags and "form" not in parser.tags
        assert "kzq-data" not in html and "reveal_after" not in html


def test_released_and_open_questions_keep_their_answer():
    """After the release (and outside any assessment) are the renderings the usual ones, answer included?"""
    question = kz.quiz.get("l00-area")
    assert static.to_html(question, RELEASED) == static.to_html(question)
    assert static.to_text(question, mode.OPEN) == static.to_text(question)
    assert "kzq-data" in static.StaticQuiz(question, RELEASED)._repr_mimebundle_()["text/html"]


def test_withheld_text_is_deterministic_and_says_a_kernel_is_needed():
    """Is the plain text the question's, ending with the sentence that it is answered in Jupyter?"""
    question = kz.quiz.get("l00-what-check-does")
    text = static.to_text(question, QUIZ1)
    assert text == static.to_text(question, QUIZ1)
    assert text.splitlines()[:-1] == static.to_text(question).splitlines()[:-1]
    assert text.splitlines()[-1] == f"[{withheld.static_note(QUIZ1)}]"
    assert "a kernel is needed" in text


def test_static_mode_ask_follows_the_config(tmp_path: Path, monkeypatch, kz_home):
    """In static mode (the course site), does kz.quiz.ask draw an assessed question without its answer while
    the results are withheld, and the answerable form once the release file exists?"""
    config = tmp_path / "a.toml"
    config.write_text('[[assessment]]\nname = "Quiz 1"\nquestions = ["l00-area"]\nrelease_file = "out"\n')
    monkeypatch.setenv(mode.ENV, str(config))
    _mode.set_static(True)
    try:
        html = kz.quiz.ask("l00-area")._repr_mimebundle_()["text/html"]
        assert "Graded in Jupyter" in html and "kzq-data" not in html and "2,724,900" not in html
        other = kz.quiz.ask("l00-what-check-does")._repr_mimebundle_()["text/html"]
        assert "kzq-data" in other
        (tmp_path / "out").write_text("")
        released = kz.quiz.ask("l00-area")._repr_mimebundle_()["text/html"]
        assert "kzq-data" in released and json.dumps("l00-area") in released
    finally:
        _mode.set_static(None)
