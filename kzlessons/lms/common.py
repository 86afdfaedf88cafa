"""What every LMS format needs from a bank question: numbers, accepted answers, shares of credit, texts.

The exporters (:mod:`.qti`, :mod:`.moodle_xml`, :mod:`.gift`) read
:class:`kzlessons.quiz.question.Question` objects straight from the bank; this
module holds the pieces they share, so the three formats say the same thing.

>>> from kzlessons.quiz.question import Question
>>> import kzlessons.quiz
>>> q = Question.from_dict({"id": "l99-area", "type": "numeric", "prompt": "Area?", "unit": "km²",
...                         "answer": {"value": 2724900, "rel_tol": 0.05}}, lesson="99")
>>> numeric_key(q), number(136245.00000000003)
(NumericKey(value=2724900.0, tolerance=136245.0, low=2588655.0, high=2861145.0, is_range=False), '136245')
>>> prompt_text(q)
'Area? (Type the number only, in km².)'
>>> place(1), place(2), place(3), place(11)
('1st', '2nd', '3rd', '11th')
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..quiz.question import Question
from ..quiz.text import normalise_text

__all__ = ["NumericKey", "numeric_key", "number", "prompt_text", "accepted_answers", "place", "share",
           "MOODLE_FRACTIONS", "html_text", "plain_from_html", "lesson_titles", "lesson_title", "ORDER_NOTE"]

#: Added to an ordering question's prompt where it becomes a matching question.
ORDER_NOTE = "(Match each item to its place in the order: 1st comes first.)"

#: The shares of credit Moodle accepts for one answer (its grade list, as fractions of the mark).
MOODLE_FRACTIONS = (1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2,
                    0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0.0)


@dataclass(frozen=True)
class NumericKey:
    """A numeric answer key as LMS formats state it: a value with a tolerance, and the same as low..high."""

    value: float
    tolerance: float
    low: float
    high: float
    is_range: bool


def numeric_key(question: Question) -> NumericKey:
    """The accepted numbers of a numeric question (``{value, abs_tol}``, ``{value, rel_tol}`` or ``{min, max}``)."""
    key: Mapping[str, Any] = question.answer
    if "min" in key:
        low, high = float(key["min"]), float(key["max"])
        return NumericKey((low + high) / 2, (high - low) / 2, low, high, True)
    value = float(key["value"])
    tolerance = float(key["abs_tol"]) if "abs_tol" in key else abs(value) * float(key.get("rel_tol", 0))
    return NumericKey(value, tolerance, value - tolerance, value + tolerance, False)


def number(value: float) -> str:
    """A number as text for an answer key: 12 significant digits, no float noise, no exponent below 1e15.

    >>> number(2.0), number(0.005), number(-19.25), number(1e-7)
    ('2', '0.005', '-19.25', '0.0000001')
    """
    text = f"{value:.12g}"
    if "e" in text:
        text = f"{value:.12f}".rstrip("0").rstrip(".")
    return text


def prompt_text(question: Question) -> str:
    """The prompt; a numeric one says to type the number alone, and in which unit (LMSs read only a number)."""
    if question.type == "numeric":
        unit = f", in {question.unit}" if question.unit else ""
        return f"{question.prompt} (Type the number only{unit}.)"
    return question.prompt


def accepted_answers(question: Question) -> list[str]:
    """A text question's accepted answers, then each one's folded form (no accents or punctuation) if new.

    Letter case is ignored by every format, so only forms that differ in more than case are added.

    >>> import kzlessons.quiz
    >>> q = Question.from_dict({"id": "l99-c", "type": "text", "prompt": "Capital?",
    ...                         "answer": {"accept": ["Astana", "Nur-Sultan", "nur sultan"]}}, lesson="99")
    >>> accepted_answers(q)
    ['Astana', 'Nur-Sultan', 'nur sultan']
    """
    out: list[str] = []
    seen: set[str] = set()
    variants = list(question.answer["accept"])
    for text in [*variants, *(normalise_text(v) for v in variants)]:
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            out.append(text)
    return out


def place(position: int) -> str:
    """An ordinal for a place in an order: ``1st``, ``2nd``, ``3rd``, ``4th`` ..."""
    if 10 <= position % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(position % 10, "th")
    return f"{position}{suffix}"


def share(count: int) -> float | None:
    """The share of credit (fraction of the mark) of one of ``count`` right options, if Moodle has it.

    >>> share(3), share(7), share(11)
    (0.3333333, 0.1428571, None)
    """
    wanted = 1 / count
    for fraction in MOODLE_FRACTIONS:
        if abs(fraction - wanted) < 5e-7:
            return fraction
    return None


def html_text(text: str) -> str:
    """Plain bank text as HTML that shows it as written (escaped; line breaks kept).

    >>> html_text("A < B & C\\nnext")
    'A &lt; B &amp; C<br>next'
    """
    return "<br>".join(html.escape(line, quote=False) for line in text.split("\n"))


def plain_from_html(markup: str) -> str:
    """The inverse of :func:`html_text` (for reading an export back).

    >>> plain_from_html(html_text("A < B & C\\nnext"))
    'A < B & C\\nnext'
    """
    return html.unescape(markup.replace("<br>", "\n"))


def lesson_titles() -> dict[str, str]:
    """Lesson id -> title from the lesson notebooks' metadata; empty when the notebooks cannot be read."""
    try:
        from ..lesson import meta

        return {str(m["id"]): str(m["title"]) for m in meta.lessons()}
    except Exception:  # the export works without titles (e.g. a bank folder without notebooks)
        return {}


def lesson_title(lesson: str, titles: Mapping[str, str]) -> str:
    """``Lesson 02: Following the trade`` (or ``Lesson 02`` without a title).

    >>> lesson_title("02", {"02": "Following the trade"}), lesson_title("09", {})
    ('Lesson 02: Following the trade', 'Lesson 09')
    """
    title = titles.get(lesson)
    return f"Lesson {lesson}: {title}" if title else f"Lesson {lesson}"
