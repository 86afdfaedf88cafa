"""Tests for kzlessons/progress/review_view.py (kz.review): a quiz from the learner's own store."""

from __future__ import annotations

import datetime as dt

from IPython.core.formatters import DisplayFormatter

import kzlessons as kz
from kzlessons.progress.review_view import NO_HISTORY
from kzlessons.quiz.widget import QuizWidget

LATER = dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=2)


def test_no_history_says_so_and_offers_lesson_00(kz_home):
    """With an empty store and no before=, is there one sentence that offers lesson 00, and no quiz?"""
    r = kz.review()
    assert r.picks == [] and r.message == NO_HISTORY and "lesson 00" in r.message
    data, _ = DisplayFormatter().format(r)
    assert "lesson 00" in data["text/plain"] and "lesson 00" in data["text/html"]


def test_recap_for_a_new_learner_draws_earlier_lessons(kz_home):
    """Does kz.review(n=2, before="03") ask two questions from lessons 02 and 01 for a new learner?"""
    r = kz.review(n=2, before="03")
    assert [q[1:3] for q in r.question_ids] == ["02", "01"]
    assert all(isinstance(q, QuizWidget) for q in r.quizzes) and "lessons before 03" in r.message


def test_missed_and_shown_questions_come_back_and_answers_are_ordinary_attempts(kz_home):
    """Are a wrong answer and a shown answer reviewed (fresh widgets, no old answer shown), and is a
    review answer an ordinary attempt that takes the question out of the review?"""
    kz.progress.record("l00-area", "5")
    lesson = kz.quiz.ask("l00-what-check-does")
    lesson.show_button.click()
    kz.progress.record("l00-first-steps", ["b", "c", "d", "a"])  # right: due in a day
    r = kz.review()
    assert r.question_ids == ["l00-area", "l00-what-check-does"]
    area = r.quizzes[0]
    assert area.answer == "" and area.result is None and area.explanation == ""
    assert "Attempts: 1" in area.feedback.text
    area.inputs[0].value = "2724900"
    area.check_button.click()
    assert area.result.correct and len(kz.progress.attempts()) == 3
    assert kz.review().question_ids == ["l00-what-check-does"]
    assert kz.review(now=LATER).question_ids == ["l00-what-check-does", "l00-first-steps", "l00-area"]  # longest overdue first


def test_nothing_due_says_when(kz_home):
    """With history but nothing due, does the review say so and when to come back?"""
    kz.progress.record("l00-area", "2724900")
    r = kz.review()
    assert r.picks == [] and r.message.startswith("Nothing is due") and "UTC" in r.message


def test_unreadable_store_still_gives_a_recap(kz_home):
    """When the store cannot be read, does a recap still work and say why it ignores the history?"""
    (kz_home / "progress" / "attempts.jsonl").mkdir(parents=True)
    r = kz.review(n=1, before="01")
    assert r.question_ids and r.question_ids[0].startswith("l00-") and "could not be read" in r.message


def test_recaps_never_ask_a_question_that_needs_its_own_lesson_on_screen(kz_home) -> None:
    """Are questions marked `review: false` (a prompt about "the table above") left out of every recap,
    while the dashboard still counts them?"""
    import datetime as dt

    from kzlessons.progress import events, review

    everything = events.question_lessons(for_review=False)
    reviewable = events.question_lessons()
    local = set(everything) - set(reviewable)
    assert {"l02-russia-2010", "l03-order-2014", "l06-corridor-vs-oil"} <= local
    now = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)
    for before in ("03", "04", "07"):
        picks = review.select([], reviewable, 50, before=before, now=now)
        assert picks and not {p.question_id for p in picks} & local
