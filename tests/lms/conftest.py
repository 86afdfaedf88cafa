"""Lets the LMS tests import their plain helper module (lms_readers) by name, and shares the banks."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(scope="session")
def banks():
    """Every shipped bank as ``(lesson, title, questions)``, as ``export-bank`` gives them to the exporters."""
    from kzlessons.lms.common import lesson_title, lesson_titles
    from kzlessons.quiz import bank

    titles = lesson_titles()
    return [(b.lesson, lesson_title(b.lesson, titles), b.questions)
            for b in (bank.load_bank(p) for p in bank.bank_files())]


@pytest.fixture(scope="session")
def all_questions(banks):
    """Every bank question, by id."""
    return {q.id: q for _, _, questions in banks for q in questions}
