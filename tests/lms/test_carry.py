"""Tests for kzlessons/lms/carry.py: one statement of what each format carries, kept in the guide and obeyed."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzlessons.lms import carry, gift, moodle_xml, qti
from kzlessons.lms.carry import CARRIED, CHANGED, NOT_CARRIED, WAYS, Outcome, Report

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "instructor-guide.md"
EXPORTERS = {"qti": qti.package, "moodle-xml": moodle_xml.document, "gift": gift.document}


def test_every_type_has_a_way_in_every_format():
    """Does WAYS say, for every bank question type and every format, how it travels?"""
    from kzlessons.quiz.question import QUESTION_TYPES

    assert set(WAYS) == set(QUESTION_TYPES) == set(carry.TYPE_ORDER)
    for qtype, ways in WAYS.items():
        assert set(ways) == set(carry.FORMATS), qtype
        assert all(w.status in (CARRIED, CHANGED, NOT_CARRIED) and w.becomes and w.differs for w in ways.values())


def test_the_guide_has_the_table_the_code_follows():
    """Is the instructor guide's types x formats table exactly markdown_table() (so the docs match)?"""
    text = GUIDE.read_text(encoding="utf-8")
    section = text[text.index("## Questions and grades in Canvas and Moodle"):]
    assert carry.markdown_table() in section, (
        "docs/instructor-guide.md's types x formats table is out of date: paste "
        "kzlessons.lms.carry.markdown_table() into 'Questions and grades in Canvas and Moodle'")


@pytest.mark.parametrize("fmt", carry.FORMATS)
def test_each_exporter_does_what_the_table_says(fmt, banks, all_questions):
    """Does every bank question end as WAYS says for its type (carried, or changed), none lost silently?"""
    _, report = EXPORTERS[fmt](banks)
    assert [o.question_id for o in report.outcomes] == list(all_questions)
    for outcome in report.outcomes:
        assert outcome.status == WAYS[outcome.qtype][fmt].status, outcome
        assert (outcome.reason != "") == (outcome.status != CARRIED), outcome


@pytest.mark.parametrize("fmt", carry.FORMATS)
def test_without_changes_every_question_is_written_or_reported(fmt, banks, all_questions):
    """With --no-changes, is every question either carried as it is or reported not carried, with a reason?"""
    _, report = EXPORTERS[fmt](banks, allow_changes=False)
    for outcome in report.outcomes:
        assert outcome.status in (CARRIED, NOT_CARRIED)
        assert (outcome.status == NOT_CARRIED) == (WAYS[outcome.qtype][fmt].status == CHANGED)
        if outcome.status == NOT_CARRIED:
            assert outcome.reason.startswith("left out (--no-changes)")


def test_questions_needing_their_lesson_are_noted(banks, all_questions):
    """Does every question marked review: false carry the note that its prompt needs the lesson on screen?"""
    _, report = qti.package(banks)
    noted = {o.question_id for o in report.outcomes if carry.NEEDS_LESSON in o.notes}
    assert noted == {q for q, x in all_questions.items() if not x.review} and noted


def test_the_report_lists_questions_by_id_with_their_reasons():
    """Does the report's text name each changed and not-carried question with its reason, and each type's loss?"""
    report = Report("gift", [Outcome("l99-a", "single", CARRIED), Outcome("l99-b", "ordering", CHANGED, "as matching"),
                             Outcome("l99-c", "ordering", NOT_CARRIED, "no ordering type", ("A note.",))])
    text = report.text()
    assert text.splitlines()[0] == "GIFT (Moodle): 1 question(s) carried as they are, 1 changed, 1 not carried."
    assert "  l99-c (ordering): no ordering type" in text and "  l99-b (ordering): as matching" in text
    assert f"  ordering (1), as matching: {WAYS['ordering']['gift'].differs}." in text
    assert "l99-c: A note." not in text  # a question not written needs no note about how it reads
