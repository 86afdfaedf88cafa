"""What each LMS format can carry of each question type, and the report of one export.

:data:`WAYS` is the one statement of how a kzlessons question type travels in each
format: as it is (``carried``), as another question type (``changed``: ordering
becomes matching where the format has no ordering), or not at all (``not
carried``). The exporters follow it, ``kzlessons export-bank`` prints it with
the export's report, and the instructor guide's table is :func:`markdown_table`
(a test keeps them equal).

:class:`Outcome` is what happened to one question in one export;
:class:`Report` collects them and says it in sentences.

>>> WAYS["ordering"]["qti"].status, WAYS["ordering"]["moodle-xml"].status
('changed', 'carried')
>>> report = Report("gift", [Outcome("l99-a", "single", CARRIED), Outcome("l99-b", "ordering", NOT_CARRIED,
...                  "GIFT has no ordering type")])
>>> report.counts()
{'carried': 1, 'changed': 0, 'not carried': 1}
>>> print(report.text().splitlines()[1])
Not carried (1):
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["CARRIED", "CHANGED", "NOT_CARRIED", "FORMATS", "FORMAT_NAMES", "TYPE_ORDER", "Way", "WAYS",
           "Outcome", "Report", "NEEDS_LESSON", "plan", "markdown_table"]

CARRIED, CHANGED, NOT_CARRIED = "carried", "changed", "not carried"

#: Format name on the command line -> what it is, in words.
FORMAT_NAMES: dict[str, str] = {
    "qti": "Canvas QTI 1.2 (classic quizzes)",
    "moodle-xml": "Moodle XML",
    "gift": "GIFT (Moodle)",
}
FORMATS = tuple(FORMAT_NAMES)
#: The bank's question types, in the order tables list them.
TYPE_ORDER = ("single", "multiple", "numeric", "text", "ordering")


@dataclass(frozen=True)
class Way:
    """How one question type travels in one format.

    Attributes:
        status: :data:`CARRIED`, :data:`CHANGED` (as another question type) or :data:`NOT_CARRIED`.
        becomes: the format's question type it is written as.
        differs: what a learner or instructor will find different from kzlessons (grading, feedback).
    """

    status: str
    becomes: str
    differs: str


_NUMBER = ("the LMS reads the typed number itself: kzlessons also takes a decimal comma, thousands "
           "separators, a word such as 'million' and the unit after the number; there type the number only "
           "(the unit is named in the prompt)")
_TEXT = ("the accepted answers, and each one's form in lower case without accents and punctuation, are compared "
         "with what is typed; kzlessons also forgives one typo in a long answer and words that only repeat the "
         "question")
_MATCHING = ("each item is matched to its place (1st, 2nd, ...): credit is per item in its right place, while "
             "kzlessons gives credit per pair of items in the right order")

#: question type -> format -> how it travels (see the module docs).
WAYS: dict[str, dict[str, Way]] = {
    "single": {
        "qti": Way(CARRIED, "multiple_choice_question", "nothing: options, per-option feedback, the hint "
                   "(incorrect-answer comment) and the explanation (general comment) travel"),
        "moodle-xml": Way(CARRIED, "multichoice (one answer)", "nothing: per-option feedback, the hint "
                          "(incorrect feedback and a hint for each extra try) and the explanation (general "
                          "feedback) travel"),
        "gift": Way(CARRIED, "multiple choice", "GIFT has no question-wide feedback for a wrong answer, so the "
                    "hint is added to each wrong option's feedback"),
    },
    "multiple": {
        "qti": Way(CARRIED, "multiple_answers_question", "Canvas gives partial credit by its own rule for "
                   "multiple answers; per-option feedback, hint and explanation travel"),
        "moodle-xml": Way(CARRIED, "multichoice (several answers)", "partial credit as in kzlessons: each right "
                          "option +1/k, each wrong one -1/k of the mark (k right options), never below 0"),
        "gift": Way(CARRIED, "multiple choice with weights", "partial credit as in Moodle XML; the hint is "
                    "added to each wrong option's feedback"),
    },
    "numeric": {
        "qti": Way(CARRIED, "numerical_question (exact with margin, or a range)", _NUMBER),
        "moodle-xml": Way(CARRIED, "numerical (answer and tolerance)", _NUMBER),
        "gift": Way(CARRIED, "numerical (answer:tolerance, or min..max)", _NUMBER),
    },
    "text": {
        "qti": Way(CARRIED, "short_answer_question (fill in the blank)", _TEXT),
        "moodle-xml": Way(CARRIED, "shortanswer (case ignored)", _TEXT),
        "gift": Way(CARRIED, "short answer", _TEXT),
    },
    "ordering": {
        "qti": Way(CHANGED, "matching_question", "Canvas classic quizzes have no ordering type: "
                   + _MATCHING),
        "moodle-xml": Way(CARRIED, "ordering (all items, graded on every pair's relative order)", "nothing: "
                          "Moodle's 'relative to all previous and next items' grading is kzlessons' share of "
                          "pairs in the right order; needs Moodle 4.4 or later, or the Ordering plugin"),
        "gift": Way(CHANGED, "matching", "GIFT has no ordering type: " + _MATCHING + "; the hint is not "
                    "carried (GIFT matching has no wrong-answer feedback)"),
    },
}


@dataclass(frozen=True)
class Outcome:
    """What happened to one question in one export: its status, why (empty when carried as it is), notes."""

    question_id: str
    qtype: str
    status: str
    reason: str = ""
    notes: tuple[str, ...] = ()


@dataclass
class Report:
    """The outcomes of one export, in bank order."""

    format: str
    outcomes: list[Outcome] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """How many questions were carried, changed and not carried."""
        return {status: sum(1 for o in self.outcomes if o.status == status)
                for status in (CARRIED, CHANGED, NOT_CARRIED)}

    @property
    def written(self) -> list[Outcome]:
        """The questions that are in the file (carried or changed)."""
        return [o for o in self.outcomes if o.status != NOT_CARRIED]

    def text(self) -> str:
        """The report in sentences: changed and not-carried questions by id, then what each type loses."""
        counts = self.counts()
        lines = [f"{FORMAT_NAMES[self.format]}: {counts[CARRIED]} question(s) carried as they are, "
                 f"{counts[CHANGED]} changed, {counts[NOT_CARRIED]} not carried."]
        for status, title in ((NOT_CARRIED, "Not carried"), (CHANGED, "Changed")):
            chosen = [o for o in self.outcomes if o.status == status]
            if chosen:
                lines.append(f"{title} ({len(chosen)}):")
                lines += [f"  {o.question_id} ({o.qtype}): {o.reason}" for o in chosen]
        noted = [o for o in self.outcomes if o.notes and o.status != NOT_CARRIED]
        if noted:
            lines.append(f"Notes ({len(noted)}):")
            lines += [f"  {o.question_id}: {' '.join(o.notes)}" for o in noted]
        present = [t for t in TYPE_ORDER if any(o.qtype == t and o.status != NOT_CARRIED for o in self.outcomes)]
        if present:
            lines.append("What differs from kzlessons, by question type:")
            for qtype in present:
                count = sum(1 for o in self.outcomes if o.qtype == qtype and o.status != NOT_CARRIED)
                way = WAYS[qtype][self.format]
                lines.append(f"  {qtype} ({count}), as {way.becomes}: {way.differs}.")
        return "\n".join(lines)


#: The note for a question whose prompt needs its lesson's cells on screen (bank ``review: false``).
NEEDS_LESSON = ("Its prompt refers to the lesson's own table or chart, which the LMS does not show: add it to "
                "the quiz or leave the question out.")


def plan(question: Any, fmt: str, allow_changes: bool = True) -> Outcome:
    """The outcome :data:`WAYS` gives ``question`` in ``fmt`` (an exporter may still refuse it with a reason).

    With ``allow_changes=False`` a question the format could only carry as another type is not carried.

    >>> import kzlessons.quiz as quiz
    >>> plan(quiz.get("l00-first-steps"), "qti").reason
    'written as matching_question (Canvas classic quizzes have no ordering type)'
    >>> plan(quiz.get("l00-first-steps"), "qti", allow_changes=False).status
    'not carried'
    """
    way = WAYS.get(question.type, {}).get(fmt)
    notes = () if getattr(question, "review", True) else (NEEDS_LESSON,)
    if way is None or way.status == NOT_CARRIED:
        reason = way.differs if way else f"{FORMAT_NAMES[fmt]} has no question type for {question.type!r} questions"
        return Outcome(question.id, question.type, NOT_CARRIED, reason, notes)
    if way.status == CHANGED:
        if not allow_changes:
            return Outcome(question.id, question.type, NOT_CARRIED,
                           f"left out (--no-changes): it could only be written as {way.becomes}; {way.differs}",
                           notes)
        return Outcome(question.id, question.type, CHANGED, f"written as {way.becomes} ({way.differs.split(':')[0]})",
                       notes)
    return Outcome(question.id, question.type, CARRIED, "", notes)


def markdown_table(types: Sequence[str] = TYPE_ORDER) -> str:
    """The types x formats table of the instructor guide (one line per type).

    >>> print(markdown_table(["ordering"]).splitlines()[2][:60])
    | ordering | changed: matching_question. Canvas classic quiz
    """
    head = "| Question type | " + " | ".join(FORMAT_NAMES[f] for f in FORMATS) + " |"
    rule = "|---|" + "---|" * len(FORMATS)
    rows = []
    for qtype in types:
        cells = []
        for fmt in FORMATS:
            way = WAYS[qtype][fmt]
            cells.append(f"{way.status}: {way.becomes}. {way.differs[0].upper()}{way.differs[1:]}.")
        rows.append(f"| {qtype} | " + " | ".join(cells) + " |")
    return "\n".join([head, rule, *rows])
