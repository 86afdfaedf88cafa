"""Tests for kzlessons/progress/tables.py: per-question and per-lesson summaries in stored order."""

from __future__ import annotations

import datetime as dt

import pytest

import kzlessons as kz
import kzlessons.progress as progress
from kzlessons.progress import tables

T0 = dt.datetime(2026, 11, 20, 10, tzinfo=dt.timezone.utc)


def _row(n: int, qid: str, correct: bool, at: dt.datetime, **extra) -> dict:
    return {"attempt_id": f"a{n}", "question_id": qid, "lesson": qid[1:3], "answer": "x", "correct": correct,
            "score": float(correct), "time": at.isoformat(), **extra}


def test_in_order_keeps_the_stored_order():
    """Does in_order give the rows as stored, never re-sorted by time or attempt id?"""
    rows = [_row(2, "l00-a", True, T0), _row(1, "l00-a", False, T0 - dt.timedelta(hours=1))]
    assert tables.in_order(iter(rows)) == rows


def test_clock_going_back_does_not_reorder_first_and_last():
    """R2-C2: wrong at 10:00, then the clock goes back an hour, then right at "09:00": is the wrong answer
    the first try and the right one the last, in per_question and per_lesson (last_time is the last answer's)?"""
    back = T0 - dt.timedelta(hours=1)
    rows = [_row(1, "l00-a", False, T0), _row(2, "l00-b", True, T0 + dt.timedelta(minutes=1)),
            _row(3, "l00-b", False, T0, kind="shown"), _row(4, "l00-a", True, back)]
    a, b = tables.per_question(rows)
    assert (a["first_try_correct"], a["correct"], a["last_score"]) == (False, True, 1.0)
    assert (a["first_time"], a["last_time"]) == (T0.isoformat(), back.isoformat())
    assert b["first_try_correct"] is True  # shown only after its first answer
    (lesson,) = tables.per_lesson([a, b])
    assert (lesson["first_try_correct"], lesson["correct"], lesson["last_time"]) == (1, 2, back.isoformat())
    assert set(lesson) == set(tables.LESSON_COLUMNS)


def test_summary_follows_the_store_when_the_clock_goes_back(kz_home, monkeypatch: pytest.MonkeyPatch):
    """R2-C2 (bug_clock_backwards.py): does summary() agree with the quiz widget after the clock went back?"""
    clock = {"t": T0}
    monkeypatch.setattr(progress, "_now", lambda: clock["t"].isoformat(timespec="microseconds"))
    kz.progress.record("l00-what-check-does", "a")   # wrong
    clock["t"] = T0 - dt.timedelta(hours=1)
    kz.progress.record("l00-what-check-does", "b")   # right
    q = kz.progress.summary().set_index("question_id").loc["l00-what-check-does"]
    assert (bool(q["first_try_correct"]), float(q["last_score"])) == (False, 1.0)
    lesson = kz.progress.summary(by="lesson").set_index("lesson").loc["00"]
    assert (lesson["first_try_correct"], lesson["last_time"]) == (0, clock["t"].isoformat(timespec="microseconds"))
    assert list(kz.progress.attempts()["correct"]) == [False, True]
    widget = kz.quiz.ask("l00-what-check-does")
    assert widget.feedback.text.startswith("✓")
