"""Moodle XML: every question type of the banks, ordering included, in one file Moodle's question bank imports.

Each lesson is a category (``kzlessons/Lesson 02: Following the trade``, made
under the category chosen at import). Every question carries its bank id as
name and ``idnumber``, the explanation as general feedback and the hint (the
bank's ``feedback``) as the feedback for a wrong or partly right answer and as
one Moodle hint per extra try (Moodle's interactive mode then allows as many
tries as kzlessons before showing the answer). Option feedback travels with
each option.

* single / multiple: ``multichoice``; a multiple-select question gives each
  right option ``+1/k`` of the mark and each wrong one ``-1/k`` (k right
  options), which is kzlessons' partial credit.
* numeric: ``numerical`` with the value and tolerance (a range is its middle
  and half its width); a catch-all ``*`` answer carries the hint.
* text: ``shortanswer``, case ignored, with each accepted answer (and its
  folded form, see :func:`.common.accepted_answers`) and a ``*`` answer for the hint.
* ordering: ``ordering`` (Moodle 4.4 and later, or the Ordering plugin), all
  items, graded "relative to all previous and next items", which is kzlessons'
  share of pairs in the right order.

>>> from kzlessons.quiz import bank
>>> data, report = document([("05", "Lesson 05", bank.load_lesson("05"))])
>>> counts = report.counts()
>>> data.startswith(b"<?xml"), counts["carried"] == len(bank.load_lesson("05")), counts["not carried"]
(True, True, 0)
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from ..quiz.policy import reveal_after
from ..quiz.question import Question
from .carry import NOT_CARRIED, Outcome, Report, plan
from .common import accepted_answers, html_text, number, numeric_key, prompt_text, share

__all__ = ["QUESTION_TYPES", "category_path", "document"]

#: kzlessons type -> Moodle question type.
QUESTION_TYPES = {"single": "multichoice", "multiple": "multichoice", "numeric": "numerical",
                  "text": "shortanswer", "ordering": "ordering"}
_PENALTY = "0.3333333"


def category_path(title: str) -> str:
    """The Moodle category of a lesson (a ``/`` in a title is doubled, as Moodle's paths want).

    >>> category_path("Lesson 02: Following the trade")
    'kzlessons/Lesson 02: Following the trade'
    """
    return "kzlessons/" + title.replace("/", "//")


def _text(parent: ET.Element, tag: str, text: str, fmt: str | None = "html", html: bool = True) -> ET.Element:
    node = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(node, "text").text = html_text(text) if html else text
    return node


def _value(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, tag).text = text


def _percent(fraction: float) -> str:
    """A share of the mark as Moodle writes it: a percentage with up to 7 digits.

    >>> _percent(1.0), _percent(0.3333333), _percent(-0.1428571)
    ('100', '33.33333', '-14.28571')
    """
    return number(round(fraction * 100, 5))


def _answer(parent: ET.Element, fraction: str, text: str, feedback: str = "", html: bool = True,
            tolerance: str | None = None) -> None:
    answer = ET.SubElement(parent, "answer", {"fraction": fraction, "format": "html" if html else "moodle_auto_format"})
    ET.SubElement(answer, "text").text = html_text(text) if html else text
    if tolerance is not None:
        _value(answer, "tolerance", tolerance)
    _text(answer, "feedback", feedback)


def _combined_feedback(question: ET.Element, q: Question) -> None:
    _text(question, "correctfeedback", "Correct.")
    _text(question, "partiallycorrectfeedback", q.feedback)
    _text(question, "incorrectfeedback", q.feedback)
    ET.SubElement(question, "shownumcorrect")


def _choice(question: ET.Element, q: Question) -> str:
    """Fill a multichoice question; returns why it cannot be written ("" when it can)."""
    multiple = q.type == "multiple"
    right = set(q.answer) if multiple else {q.answer}
    each = share(len(right))
    if each is None:
        return (f"Moodle's list of answer grades has no share of 1/{len(right)}, so {len(right)} right options "
                "cannot share the mark")
    _value(question, "single", "false" if multiple else "true")
    _value(question, "shuffleanswers", "false")
    _value(question, "answernumbering", "abc")
    _value(question, "showstandardinstruction", "0")
    _combined_feedback(question, q)
    for option in q.options:
        fraction = each if option.id in right else (-each if multiple else 0.0)
        _answer(question, _percent(fraction), option.text, option.feedback)
    return ""


def _numerical(question: ET.Element, q: Question) -> str:
    key = numeric_key(q)
    _answer(question, "100", number(key.value), "", html=False, tolerance=number(key.tolerance))
    _answer(question, "0", "*", q.feedback, html=False, tolerance="0")
    _value(question, "unitgradingtype", "0")
    _value(question, "unitpenalty", "0.1000000")
    _value(question, "showunits", "3")
    _value(question, "unitsleft", "0")
    return ""


def _shortanswer(question: ET.Element, q: Question) -> str:
    _value(question, "usecase", "0")
    for text in accepted_answers(q):
        _answer(question, "100", text.replace("*", "\\*"), "", html=False)
    _answer(question, "0", "*", q.feedback, html=False)
    return ""


def _ordering(question: ET.Element, q: Question) -> str:
    for tag, text in (("layouttype", "VERTICAL"), ("selecttype", "ALL"), ("selectcount", str(len(q.options))),
                      ("gradingtype", "RELATIVE_ALL_PREVIOUS_AND_NEXT"), ("showgrading", "SHOW"),
                      ("numberingstyle", "none")):
        _value(question, tag, text)
    _combined_feedback(question, q)
    for position, option_id in enumerate(q.answer, start=1):
        option = q.option(option_id)
        _answer(question, str(position), option.text if option else option_id)
    return ""


_FILL = {"single": _choice, "multiple": _choice, "numeric": _numerical, "text": _shortanswer,
         "ordering": _ordering}


def _question(quiz: ET.Element, q: Question) -> str:
    """Append ``q`` to ``quiz``; returns why it cannot be written ("" when written)."""
    question = ET.Element("question", {"type": QUESTION_TYPES[q.type]})
    name = ET.SubElement(question, "name")
    ET.SubElement(name, "text").text = q.id
    _text(question, "questiontext", prompt_text(q))
    _text(question, "generalfeedback", q.explanation)
    _value(question, "defaultgrade", "1")
    _value(question, "penalty", _PENALTY)
    _value(question, "hidden", "0")
    _value(question, "idnumber", q.id)
    problem = _FILL[q.type](question, q)
    if problem:
        return problem
    if q.feedback:
        for _ in range(reveal_after(q) - 1):
            _text(question, "hint", q.feedback)
    tags = ET.SubElement(question, "tags")
    for word in ("kzlessons", f"lesson-{q.lesson}", f"difficulty-{q.difficulty}", *q.sources):
        ET.SubElement(ET.SubElement(tags, "tag"), "text").text = word
    quiz.append(question)
    return ""


def document(lessons: Sequence[tuple[str, str, Sequence[Question]]],
             allow_changes: bool = True) -> tuple[bytes, Report]:
    """The Moodle XML for ``(lesson, title, questions)`` triples, one category each, and the report."""
    report = Report("moodle-xml")
    quiz = ET.Element("quiz")
    for lesson, title, questions in lessons:
        category = ET.SubElement(quiz, "question", {"type": "category"})
        _text(category, "category", category_path(title), fmt=None, html=False)
        written = 0
        for q in questions:
            outcome = plan(q, "moodle-xml", allow_changes)
            if outcome.status != NOT_CARRIED:
                problem = _question(quiz, q)
                if problem:
                    outcome = Outcome(q.id, q.type, NOT_CARRIED, problem, outcome.notes)
                else:
                    written += 1
            report.outcomes.append(outcome)
        if not written:
            quiz.remove(category)
    ET.indent(quiz)
    return ET.tostring(quiz, encoding="utf-8", xml_declaration=True), report

