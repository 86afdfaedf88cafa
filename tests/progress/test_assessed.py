"""Tests for kzlessons/progress/assessed.py and assessment mode in the learner's and the instructor's
views: the gradebook's ``assessed`` columns, and reviews and the dashboard before and after the release."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

import kzlessons as kz
from kzlessons.progress import assessed, gradebook_main
from kzlessons.progress.events import without_withheld
from kzlessons.quiz import assessment as mode

UNDER = {"mode": "assessment"}


def _row(qid: str, correct: bool, **extra) -> dict:
    return {"question_id": qid, "lesson": qid[1:3], "correct": correct, **extra}


def test_only_the_last_answer_under_assessment_counts():
    """Is a question counted once, by its last answer given under assessment (a right answer saved earlier
    does not count when a wrong one was saved after it), ignoring answers given outside assessment and events?"""
    rows = [_row("l03-a", True, **UNDER), _row("l03-a", False, **UNDER), _row("l03-a", True),
            _row("l03-b", False, **UNDER), _row("l03-b", True, **UNDER),
            _row("l04-c", True, kind="shown", **UNDER), _row("l04-d", True)]
    assert assessed.per_lesson(rows) == {"03": {"assessed": 2, "assessed_correct": 1}}
    assert assessed.per_lesson([]) == {}


def _export(home: Path, monkeypatch, out: Path, name: str, answers: list[tuple[str, object, bool]]) -> Path:
    """A learner's export: (question, answer, under assessment?) recorded as the quiz widget records them."""
    monkeypatch.setenv("KZLESSONS_HOME", str(home))
    kz.progress.set_learner(name)
    for qid, answer, under in answers:
        kz.progress.record(qid, answer, **(UNDER if under else {}))
    return kz.progress.export(out)


def _grades(path: Path) -> dict[tuple[str, str], dict]:
    with open(path, newline="", encoding="utf-8") as handle:
        return {(r["learner"], r["lesson"]): r for r in csv.DictReader(handle)}


def test_the_gradebook_marks_and_regrades_answers_given_under_assessment(tmp_path, monkeypatch):
    """Does grades.csv count per learner and lesson the questions answered under assessment and those whose
    last such answer is right, re-graded (a file claiming a wrong answer right is not believed), with 0 for
    lessons and learners without any?"""
    a = _export(tmp_path / "a", monkeypatch, tmp_path / "a.json", "Aigerim",
                [("l00-area", "2724900", True), ("l00-area", "5", True),  # right, then wrong: 0 right
                 ("l00-what-check-does", "a", True), ("l00-what-check-does", "b", True),  # wrong, then right
                 ("l00-largest-landlocked", "landlocked", False)])  # outside the assessment
    b = _export(tmp_path / "b", monkeypatch, tmp_path / "b.json", "Bolat",
                [("l00-what-check-does", "a", True), ("l01-" + kz.quiz.ids("01")[0][4:], "x", False)])
    doc = json.loads(b.read_text(encoding="utf-8"))
    for row in doc["attempts"]:  # Bolat edits his file: his wrong answer now claims to be right
        if row["question_id"] == "l00-what-check-does":
            row["correct"], row["score"] = True, 1.0
    b.write_text(json.dumps(doc), encoding="utf-8")
    out = tmp_path / "grades.csv"
    assert gradebook_main([str(a), str(b), "-o", str(out)]) == 0
    rows = _grades(out)
    aigerim, bolat = rows[("Aigerim", "00")], rows[("Bolat", "00")]
    assert (aigerim["assessed"], aigerim["assessed_correct"], aigerim["correct"]) == ("2", "1", "3")
    assert (bolat["assessed"], bolat["assessed_correct"], bolat["regraded"]) == ("1", "0", "1")
    assert (rows[("Bolat", "01")]["assessed"], rows[("Aigerim", "01")]["assessed_correct"]) == ("0", "0")


def _config(tmp_path: Path, monkeypatch, lessons: str = '["00"]') -> Path:
    path = tmp_path / "assessment.toml"
    path.write_text(f'[[assessment]]\nname = "Quiz 1"\nlessons = {lessons}\nrelease_file = "released"\n')
    monkeypatch.setenv(mode.ENV, str(path))
    return tmp_path / "released"


def test_without_withheld_drops_withheld_questions_until_the_release(tmp_path, monkeypatch):
    """Does without_withheld leave out the rows and bank entries of questions whose results are withheld,
    and nothing once they are released (or with no config)?"""
    rows = [_row("l00-area", False, **UNDER), _row("l01-x", False)]
    bank = {"l00-area": "00", "l00-what-check-does": "00", "l01-x": "01"}
    monkeypatch.delenv(mode.ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    assert without_withheld(rows, bank) == (rows, bank)
    release = _config(tmp_path, monkeypatch)
    assert without_withheld(rows, bank) == ([rows[1]], {"l01-x": "01"})
    release.write_text("")
    assert without_withheld(rows, bank) == (rows, bank)


def test_reviews_and_the_dashboard_say_nothing_about_withheld_answers(kz_home, tmp_path, monkeypatch):
    """Before the release, does kz.review() never pick (or call 'wrong') a question answered under
    assessment, and the dashboard not count its answer; and after the release both do?"""
    release = _config(tmp_path, monkeypatch)
    quiz = kz.quiz.ask("l00-area")
    quiz.inputs[0].value = "5"  # wrong, saved under assessment
    quiz.check_button.click()
    later = dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=2)
    assert "l00-area" not in kz.review(n=50, before="01", now=later).question_ids
    assert "l00-area" not in [p.question_id for p in kz.progress.dashboard(now=later).next_up]
    l00 = kz.progress.dashboard(now=later).table.set_index("lesson").loc["00"]
    assert l00["attempted"] == 0
    release.write_text("")
    picks = kz.review(n=50, now=later).picks
    assert [(p.question_id, p.why) for p in picks] == [("l00-area", "wrong")]
    assert kz.progress.dashboard(now=later).table.set_index("lesson").loc["00"]["attempted"] == 1


@pytest.mark.parametrize("column", list(assessed.ASSESSED_COLUMNS))
def test_the_columns_are_gradebook_columns(column):
    """Are the assessed columns part of the gradebook's COLUMNS (so --help and the guide define them)?"""
    from kzlessons.progress.gradebook import COLUMNS

    assert COLUMNS[column] == assessed.ASSESSED_COLUMNS[column]


def test_summary_leaves_withheld_questions_out_until_the_release(kz_home, tmp_path, monkeypatch):
    """Does kz.progress.summary() (shown in lessons 00 and 07) leave out a question answered under assessment,
    and keep the exercise checks and other questions, until the release?"""
    release = _config(tmp_path, monkeypatch)
    kz.progress.record("l00-area", "5", **UNDER)
    kz.progress.record(kz.quiz.ids("01")[0], "x")
    exercise = kz.exercises.ids()[0]
    assert exercise.startswith("l00-")
    kz.exercises.check(exercise, 5)  # a wrong count: recorded as a check
    assert "l00-area" not in kz.progress.summary()["question_id"].tolist()
    assert kz.progress.summary(by="lesson").set_index("lesson").loc["00", "attempted"] == 0
    assert kz.progress.summary(by="exercise")["exercise_id"].tolist() == [exercise]
    release.write_text("")
    assert "l00-area" in kz.progress.summary()["question_id"].tolist()
