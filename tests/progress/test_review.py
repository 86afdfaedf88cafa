"""Tests for kzlessons/progress/review.py: the Leitner selection, always with a fixed clock."""

from __future__ import annotations

import datetime as dt

import pytest

from kzlessons.progress import review

UTC = dt.timezone.utc
T0 = dt.datetime(2025, 3, 1, 10, tzinfo=UTC)
BANK = {"l00-a": "00", "l00-b": "00", "l00-c": "00", "l01-a": "01", "l01-b": "01", "l02-a": "02", "l03-a": "03"}


def row(qid: str, at: dt.datetime, correct: bool | None = None, *, kind: str = "attempt", score: float | None = None):
    out = {"question_id": qid, "lesson": qid[1:3], "time": at.isoformat(), "kind": kind,
           "correct": bool(correct), "score": score if score is not None else float(bool(correct))}
    if kind == "attempt" and correct is None:
        raise ValueError("an attempt needs correct")
    return out


def picks(rows, n=5, now=T0, **kw):
    return [(p.question_id, p.why) for p in review.select(rows, BANK, n, now=now, **kw)]


def test_wrong_and_shown_are_due_at_once_right_is_not():
    """Is a wrong answer or a shown answer due at once, and a right one only after a day (box 2)?"""
    rows = [row("l00-a", T0, False), row("l00-b", T0, kind="shown"), row("l00-c", T0, True)]
    assert picks(rows, now=T0 + dt.timedelta(minutes=5)) == [("l00-a", "wrong"), ("l00-b", "shown")]
    later = picks(rows, now=T0 + dt.timedelta(days=1, minutes=1))
    assert later == [("l00-a", "wrong"), ("l00-b", "shown"), ("l00-c", "due")]


def test_partial_counts_as_wrong_and_right_after_a_retry_moves_up():
    """Does a partly right answer go to box 1, and a right retry move the question to box 2?"""
    rows = [row("l00-a", T0, False, score=0.5)]
    assert review.cards(rows, BANK)["l00-a"].box == 1 and review.cards(rows, BANK)["l00-a"].last == "partial"
    rows.append(row("l00-a", T0 + dt.timedelta(seconds=30), True))
    card = review.cards(rows, BANK)["l00-a"]
    assert card.box == 2 and card.due_at == T0 + dt.timedelta(seconds=30) + review.INTERVALS[2]


def test_boxes_climb_only_when_due_and_intervals_grow():
    """Do repeated right answers in one sitting leave the box alone, while right answers on the due
    dates climb 2 → 3 → 4 → 5 and stop at 5?"""
    rows = [row("l00-a", T0, True), row("l00-a", T0 + dt.timedelta(minutes=1), True)]
    assert review.cards(rows, BANK)["l00-a"].box == 2
    at = T0
    for expected in (3, 4, 5, 5):
        card = review.cards(rows, BANK)["l00-a"]
        at = card.due_at + dt.timedelta(hours=1)
        rows.append(row("l00-a", at, True))
        assert review.cards(rows, BANK)["l00-a"].box == expected
    assert review.INTERVALS[5] == dt.timedelta(days=21)
    assert picks(rows, now=at + dt.timedelta(days=20)) == []
    assert picks(rows, now=at + dt.timedelta(days=21, hours=1)) == [("l00-a", "due")]


def test_a_wrong_answer_sends_a_high_box_back_to_one():
    """Does one wrong answer send a question from box 4 back to box 1?"""
    rows = [row("l00-a", T0, True), row("l00-a", T0 + dt.timedelta(days=2), True),
            row("l00-a", T0 + dt.timedelta(days=6), True)]
    assert review.cards(rows, BANK)["l00-a"].box == 4
    rows.append(row("l00-a", T0 + dt.timedelta(days=20), False))
    assert review.cards(rows, BANK)["l00-a"].box == 1


def test_order_box_one_first_then_longest_overdue_and_n_limits():
    """Are box-1 questions asked first (oldest first), then the most overdue, cut to n?"""
    rows = [row("l01-a", T0, True), row("l00-b", T0 + dt.timedelta(days=1), True),
            row("l02-a", T0 + dt.timedelta(days=2), False), row("l00-c", T0 + dt.timedelta(days=3), False)]
    now = T0 + dt.timedelta(days=10)
    assert picks(rows, now=now) == [("l02-a", "wrong"), ("l00-c", "wrong"), ("l01-a", "due"), ("l00-b", "due")]
    assert picks(rows, n=2, now=now) == [("l02-a", "wrong"), ("l00-c", "wrong")]
    assert picks(rows, n=0, now=now) == []


def test_before_counts_new_questions_as_due_for_a_new_learner():
    """Does before="03" draw only from lessons 00–02, treating never-seen questions as due, one lesson
    at a time (latest first), so a recap works with no history at all?"""
    assert picks([], n=3, before="03") == [("l02-a", "new"), ("l01-a", "new"), ("l00-a", "new")]
    assert picks([], n=5, before=2) == [("l01-a", "new"), ("l00-a", "new"), ("l01-b", "new"), ("l00-b", "new"),
                                        ("l00-c", "new")]
    assert picks([], n=2) == []  # without before, never-seen questions are not review


def test_before_fills_with_questions_seen_longest_ago():
    """When nothing is due before a lesson, does the recap still ask the questions seen longest ago?"""
    rows = [row(q, T0 + dt.timedelta(minutes=i), True) for i, q in enumerate(["l01-b", "l00-a", "l00-b", "l00-c",
                                                                               "l01-a"])]
    assert picks(rows, n=2, before="02", now=T0 + dt.timedelta(hours=1)) == [("l01-b", "early"), ("l00-a", "early")]


def test_lessons_filter_and_bad_arguments():
    """Does lessons= keep only those lessons, and do bad arguments raise a sentence?"""
    rows = [row("l00-a", T0, False), row("l01-a", T0, False), row("l03-a", T0, False)]
    assert picks(rows, lessons=["01", 3]) == [("l01-a", "wrong"), ("l03-a", "wrong")]
    assert picks(rows, lessons="00") == [("l00-a", "wrong")]
    for bad in ({"lessons": "x"}, {"lessons": [True]}, {"before": "003"}):
        with pytest.raises(ValueError, match="lesson numbers such as"):
            picks(rows, **bad)
    with pytest.raises(ValueError, match="whole number"):
        picks(rows, n=-1)


def test_resets_unknown_kinds_bad_times_and_other_questions_are_ignored():
    """Are resets, rows of unknown kinds, unreadable times and questions not in the bank left out?"""
    rows = [row("l00-a", T0, True), row("l00-a", T0 + dt.timedelta(hours=1), kind="reset"),
            {**row("l00-b", T0, False), "kind": "future-kind"}, {**row("l00-c", T0, False), "time": "not a time"},
            row("l09-zz", T0, False), {"question_id": "l00-b"}]
    state = review.cards(rows, BANK)
    assert state["l00-a"].box == 2 and state["l00-b"].box == 0 and state["l00-c"].box == 0


def test_reasons_are_sentences():
    """Does each pick say why it was chosen, in words with the lesson?"""
    rows = [row("l00-a", T0, False), row("l00-b", T0, kind="shown"), row("l01-a", T0, True)]
    now = T0 + dt.timedelta(days=3)
    reasons = [p.reason(now) for p in review.select(rows, BANK, 5, before="02", now=now)]
    assert reasons == ["lesson 00, not yet right when you last tried it, 3 days ago",
                       "lesson 00, you asked to see the answer, 3 days ago",
                       "lesson 01, last answered right 3 days ago",
                       "lesson 01, a question you have not answered yet",
                       "lesson 00, a question you have not answered yet"]


def test_naive_clock_is_read_as_utc():
    """Is a naive now= taken as UTC rather than failing?"""
    assert picks([row("l00-a", T0, False)], now=T0.replace(tzinfo=None)) == [("l00-a", "wrong")]


def test_clock_going_back_reorders_nothing():
    """R2-C2: when the clock goes back an hour between a wrong and a right answer, does the right answer
    still move the question up (not asked again as "not yet right"), with last_seen never going back?"""
    rows = [row("l00-a", T0, False), row("l00-a", T0 - dt.timedelta(hours=1), True)]
    card = review.cards(rows, BANK)["l00-a"]
    assert (card.box, card.last, card.last_seen) == (2, "right", T0)
    assert picks(rows, now=T0 + dt.timedelta(minutes=5)) == []
    assert picks(rows, now=T0 + dt.timedelta(days=1, minutes=1)) == [("l00-a", "due")]
    # the other way round: right, then (an hour "earlier") wrong: the wrong one is the latest
    rows = [row("l00-b", T0, True), row("l00-b", T0 - dt.timedelta(hours=1), False)]
    card = review.cards(rows, BANK)["l00-b"]
    assert (card.box, card.last, card.last_seen) == (1, "wrong", T0)
    # asked at once, even while the clock still reads earlier than when it was last seen
    assert picks(rows, now=T0 - dt.timedelta(minutes=50)) == [("l00-b", "wrong")]
