"""Tests for kzlessons/lesson/minutes.py: the minutes rule."""

from __future__ import annotations

from kzlessons.lesson import minutes


def test_minutes_rule_counts_what_a_learner_does() -> None:
    """Does adding reading, a quiz, a chart, an exercise or a longer reflection add the rule's time?"""
    def nb(*cells: tuple[str, str]) -> dict:
        return {"cells": [{"cell_type": k, "source": s} for k, s in cells]}

    base = nb(("markdown", "word " * 2000))
    assert minutes.estimated_minutes(base, {}) == 10
    assert minutes.estimated_minutes(nb(("markdown", "word " * 2000), ("code", 'kz.quiz.ask("q")')),
                                    {"q": "word " * 200}) == 12
    assert minutes.estimated_minutes(nb(("markdown", "word " * 2000),
                                       ("code", "kz.charts.time_series(f)\nkz.charts.describe(c)")), {}) == 12
    solution = "<details><summary>Worked solution</summary>\n\n```python\na = 1\nb = 2\n```\n</details>"
    assert minutes.estimated_minutes(nb(("markdown", "word " * 2000), ("code", "kz.exercises.check('x', a)"),
                                       ("markdown", solution)), {}) == 16
    assert minutes.estimated_minutes(nb(("markdown", "word " * 2000),
                                       ("markdown", "## Reflect\nIn one or two paragraphs, argue.")), {}) == 25


def test_quiz_text_comes_from_the_shipped_bank() -> None:
    """Does the rule read each quiz's words from the package's own bank (and nothing for a lesson without one)?"""
    texts = minutes.bank_texts("00")
    assert "l00-what-check-does" in texts and minutes.count_words(texts["l00-what-check-does"]) > 10
    assert minutes.bank_texts("99") == {}
