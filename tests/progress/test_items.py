"""Tests for kzlessons/progress/items.py and ``kzlessons gradebook FILES --items items.csv``."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

import kzlessons as kz
from kzlessons.progress import gradebook_main
from kzlessons.progress.items import ITEM_COLUMNS, answer_label


def _learner(folder: Path, monkeypatch, answers: list[tuple[str, object]]) -> Path:
    monkeypatch.setenv("KZLESSONS_HOME", str(folder / "home"))
    for qid, answer in answers:
        kz.progress.record(qid, answer)
    return kz.progress.export(folder / "kzlessons-progress.json")


@pytest.fixture
def cohort(tmp_path, monkeypatch) -> list[Path]:
    """Four learners: l00-what-check-does (right answer b) with wrong picks a, a, c; l00-area for two."""
    plans = [
        [("l00-what-check-does", "b"), ("l00-area", "2724900")],
        [("l00-what-check-does", "a"), ("l00-what-check-does", "b")],
        [("l00-what-check-does", "a"), ("l00-what-check-does", "a"), ("l00-what-check-does", "b"),
         ("l00-area", "5"), ("l00-area", "2724900")],
        [("l00-what-check-does", "c")],
    ]
    files = []
    for i, plan in enumerate(plans):
        folder = tmp_path / f"s{i}"
        folder.mkdir()
        files.append(_learner(folder, monkeypatch, plan))
    return files


def _read(path: Path) -> dict[str, dict]:
    with open(path, newline="", encoding="utf-8") as handle:
        return {row["question_id"]: row for row in csv.DictReader(handle)}


def test_items_csv_has_one_row_per_question(cohort, tmp_path):
    """Does --items write learners, first-try share, mean attempts and the most chosen wrong option per question?"""
    out, items = tmp_path / "grades.csv", tmp_path / "items.csv"
    assert gradebook_main([*map(str, cohort), "-o", str(out), "--items", str(items)]) == 0
    with open(items, newline="", encoding="utf-8") as handle:
        assert csv.DictReader(handle).fieldnames == list(ITEM_COLUMNS)
    rows = _read(items)
    check = rows["l00-what-check-does"]
    assert (check["learners"], check["first_try_share"], check["mean_attempts"]) == ("4", "0.25", "1.75")
    assert check["most_chosen_wrong"].startswith("a: ") and check["most_chosen_wrong_learners"] == "2"
    assert check["type"] == "single" and check["prompt"]
    area = rows["l00-area"]
    assert (area["learners"], area["first_try_share"], area["mean_attempts"]) == ("2", "0.5", "1.5")
    assert (area["most_chosen_wrong"], area["most_chosen_wrong_learners"]) == ("5", "1")


def test_item_analysis_in_python_matches_the_csv(cohort):
    """Does kz.progress.item_analysis(files) give the same table as the command?"""
    frame = kz.progress.item_analysis(cohort).set_index("question_id")
    assert frame.loc["l00-what-check-does", "first_try_share"] == 0.25
    assert frame.loc["l00-area", "learners"] == 2


def test_items_ignore_forged_correctness(tmp_path):
    """Are the item statistics computed from re-graded answers, not the file's claims?"""
    forged = {"format": "kzlessons-progress", "version": 1, "attempts": [
        {"attempt_id": "f1", "question_id": "l00-what-check-does", "lesson": "00", "answer": "a", "correct": True,
         "score": 1, "time": "2025-03-01T10:00:00+00:00"}]}
    path = tmp_path / "f.json"
    path.write_text(json.dumps(forged))
    frame = kz.progress.item_analysis([path]).set_index("question_id")
    assert frame.loc["l00-what-check-does", "first_try_share"] == 0.0
    assert frame.loc["l00-what-check-does", "most_chosen_wrong"].startswith("a: ")


def test_answer_labels_are_comparable():
    """Are selections, orders and texts labelled so equal answers group together?"""
    multiple = kz.quiz.get(next(q for q in kz.quiz.ids() if kz.quiz.get(q).type == "multiple"))
    assert answer_label(multiple, ["c", "a", "a"]) == "a+c" and answer_label(multiple, []) == "(nothing)"
    ordering = kz.quiz.get(next(q for q in kz.quiz.ids() if kz.quiz.get(q).type == "ordering"))
    assert answer_label(ordering, ["b", "a"]) == "b>a"
    assert answer_label(None, {"odd": [1]}) == '{"odd": [1]}'
