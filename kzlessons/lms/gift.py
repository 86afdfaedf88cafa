"""GIFT, Moodle's plain-text question format: one ``$CATEGORY`` per lesson, one block per question.

Written the way Moodle's GIFT import reads it: texts are HTML (``[html]``,
escaped so they show as written) with GIFT's special characters ``~ = # { } :``
and the backslash escaped; short answers are plain (Moodle compares them as
typed). The explanation is the general feedback (``####``).

GIFT has no ordering type, so an ordering question becomes a matching question
(each item to its place); see :data:`.carry.WAYS`. GIFT has no question-wide
wrong-answer feedback for choice questions, so the hint is added to each wrong
option's feedback; numeric and short-answer questions carry it on a catch-all
wrong answer.

>>> escape("a:b {c} #1 = ~x \\\\ y")
'a\\\\:b \\\\{c\\\\} \\\\#1 \\\\= \\\\~x \\\\\\\\ y'
>>> from kzlessons.quiz import bank
>>> text, report = document([("01", "Lesson 01", bank.load_lesson("01"))])
>>> text.count("$CATEGORY: kzlessons/Lesson 01"), report.counts()["changed"]
(1, 1)
"""

from __future__ import annotations

from collections.abc import Sequence

from ..quiz.question import Question
from .carry import NOT_CARRIED, Outcome, Report, plan
from .common import ORDER_NOTE, accepted_answers, html_text, number, numeric_key, place, prompt_text, share
from .moodle_xml import category_path

__all__ = ["escape", "question_block", "document"]

_SPECIAL = ("~", "=", "#", "{", "}", ":")


def escape(text: str) -> str:
    """``text`` with GIFT's special characters escaped and line breaks written ``\\n``."""
    text = text.replace("\\", "\\\\")
    for char in _SPECIAL:
        text = text.replace(char, "\\" + char)
    return text.replace("\r", "").replace("\n", "\\n")


def _html(text: str) -> str:
    """A bank text as escaped GIFT HTML."""
    return escape(html_text(text))


def _joined(*parts: str) -> str:
    return " ".join(p for p in parts if p)


def _percent(fraction: float) -> str:
    return number(round(fraction * 100, 5))


def _answers(q: Question) -> tuple[list[str], str]:
    """The answer lines of ``q`` (without the general feedback), or ([], why it cannot be written)."""
    if q.type in ("single", "multiple"):
        right = set(q.answer) if q.type == "multiple" else {q.answer}
        each = share(len(right))
        if q.type == "multiple" and each is None:
            return [], (f"Moodle's list of answer grades has no share of 1/{len(right)}, so {len(right)} right "
                        "options cannot share the mark")
        lines = []
        for option in q.options:
            wrong = option.id not in right
            feedback = _joined(option.feedback, q.feedback if wrong else "")
            if q.type == "single":
                mark = "~" if wrong else "="
            else:
                mark = f"~%{_percent(-each if wrong else each)}%"  # type: ignore[operator]
            lines.append(f"{mark}{_html(option.text)}" + (f"#{_html(feedback)}" if feedback else ""))
        return lines, ""
    if q.type == "numeric":
        key = numeric_key(q)
        right = f"={number(key.low)}..{number(key.high)}" if key.is_range \
            else f"={number(key.value)}:{number(key.tolerance)}"
        return [right, *([f"~#{_html(q.feedback)}"] if q.feedback else [])], ""
    if q.type == "text":
        usable = [a for a in accepted_answers(q) if "->" not in a]
        lines = [f"={escape(a.replace('*', chr(92) + '*'))}" for a in usable]
        return [*lines, *([f"=%0%*#{_html(q.feedback)}"] if q.feedback else [])], ""
    if q.type == "ordering":
        texts = {o.id: o.text for o in q.options}
        position = {option_id: n for n, option_id in enumerate(q.answer, start=1)}
        return [f"={_html(texts[o.id])} -> {place(position[o.id])}" for o in q.options], ""
    return [], f"GIFT has no question type for {q.type!r} questions"


def question_block(q: Question) -> tuple[str, str]:
    """The GIFT text of one question, or ("", why it cannot be written)."""
    lines, problem = _answers(q)
    if problem:
        return "", problem
    prompt = f"{q.prompt} {ORDER_NOTE}" if q.type == "ordering" else prompt_text(q)
    head = f"// {q.id}: {q.type_label}, {q.difficulty}"
    opening = f"::{escape(q.id)}::[html]{_html(prompt)}{{" + ("#" if q.type == "numeric" else "")
    body = [f"\t{line}" for line in lines]
    if q.explanation:
        body.append(f"\t####{_html(q.explanation)}")
    return "\n".join([head, opening, *body, "}"]), ""


def document(lessons: Sequence[tuple[str, str, Sequence[Question]]],
             allow_changes: bool = True) -> tuple[str, Report]:
    """The GIFT text for ``(lesson, title, questions)`` triples, one category each, and the report."""
    report = Report("gift")
    blocks = ["// kzlessons question banks in GIFT (Moodle: Question bank > Import > GIFT format)."]
    for lesson, title, questions in lessons:
        written = []
        for q in questions:
            outcome = plan(q, "gift", allow_changes)
            if outcome.status != NOT_CARRIED:
                block, problem = question_block(q)
                if problem:
                    outcome = Outcome(q.id, q.type, NOT_CARRIED, problem, outcome.notes)
                else:
                    written.append(block)
            report.outcomes.append(outcome)
        if written:
            blocks += [f"$CATEGORY: {category_path(title)}", *written]
    return "\n\n".join(blocks) + "\n", report
