"""Tests for kzlessons/progress/exercise_log.py: every kz.exercises.check counts (issue 22, UX-8)."""

from __future__ import annotations

import csv
import json

import kzlessons as kz
from kzlessons.progress.exercise_log import exercise_row, per_exercise


def _right() -> int:
    """The right answer to l01-count-integration, from the data (the count grows with the fact base)."""
    events = kz.data.load("events")
    return int((events["category"] == "integration").sum())


def test_checks_are_stored_and_summarised(kz_home):
    """Is each real check stored (not the starter's None), with the verdict, and shown by summary()?"""
    assert not kz.exercises.check("l01-count-integration", None).passed
    assert not kz.exercises.check("l01-count-integration", _right() - 1).passed
    assert kz.exercises.check("l01-count-integration", _right()).passed
    (row,) = kz.progress.summary(by="exercise").to_dict("records")
    assert (row["exercise_id"], row["checks"], row["passed"], row["first_check_passed"]) == (
        "l01-count-integration", 2, True, False)
    lesson = kz.progress.summary(by="lesson").set_index("lesson").loc["01"]
    assert (lesson["attempted"], lesson["exercises_passed"]) == (0, 1) and lesson["exercises"] >= 1
    assert kz.progress.attempts().empty  # exercise checks are not quiz answers


def test_a_failed_write_is_said_in_the_verdict(kz_home, refuse_writes):
    """On a full disk, does the verdict still come, saying the result was not saved and to free space?"""
    from kzlessons.progress.store import Store

    refuse_writes(Store, "append")
    verdict = kz.exercises.check("l01-count-integration", _right())
    assert verdict.passed and "not saved" in verdict.message and "disk space" in verdict.message


def test_rows_travel_in_exports_and_count_in_the_gradebook(kz_home, tmp_path):
    """UX-8: do exercise results reach the export, the gradebook (exercises_passed) and --items?"""
    kz.exercises.check("l01-count-integration", _right() - 1)
    kz.exercises.check("l01-count-integration", _right())
    kz.progress.record("l01-" + kz.quiz.ids("01")[0][4:], "x")
    path = kz.progress.export(tmp_path / "me.json", name="Aigerim")
    assert sum(a.get("kind") == "exercise" for a in json.loads(path.read_text())["attempts"]) == 2
    out, items = tmp_path / "g.csv", tmp_path / "i.csv"
    assert kz.progress.gradebook_main([str(path), "-o", str(out), "--items", str(items)]) == 0
    row = next(r for r in csv.DictReader(open(out, encoding="utf-8")) if r["lesson"] == "01")
    assert row["exercises_passed"] == "1" and int(row["exercises"]) >= 1 and row["status"] == "answered"
    item = next(r for r in csv.DictReader(open(items, encoding="utf-8")) if r["question_id"] == "l01-count-integration")
    assert (item["type"], item["first_try_share"], item["mean_attempts"]) == ("exercise", "0.0", "2.0")
    assert item["most_chosen_wrong"]  # the mistake the check named


def test_an_unknown_exercise_id_in_a_file_is_left_out(tmp_path, capsys):
    """Is an exercise row for an id this kzlessons does not have left out (partly used), not counted?"""
    row = {**exercise_row("l01-made-up", True, "Well done."), "time": "2025-03-01T10:00:00.000000+00:00"}
    doc = {"format": "kzlessons-progress", "version": 1, "attempts": [row]}
    path = tmp_path / "x.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert kz.progress.gradebook_main([str(path), "-o", str(tmp_path / "g.csv")]) == 1
    assert "l01-made-up" in capsys.readouterr().err


def test_per_exercise_keeps_the_last_message():
    """Is the last verdict message kept, and 'passed' true once any check passed?"""
    rows = [{**exercise_row("l02-x", ok, msg)} for ok, msg in ((True, "Well done."), (False, "You used imports."))]
    (entry,) = per_exercise(rows)
    assert entry["passed"] and entry["first_check_passed"] and entry["last_message"] == "You used imports."


def test_review_names_exercises_not_passed_yet(kz_home):
    """UX-8: does kz.review() remind the learner of an exercise checked but never passed (in scope only)?"""
    kz.exercises.check("l01-count-integration", _right() - 1)
    assert "l01-count-integration (lesson 01)" in kz.review().message
    assert "l01-count-integration" not in kz.review(before="01").message
    kz.exercises.check("l01-count-integration", _right())
    assert "l01-count-integration" not in kz.review().message
