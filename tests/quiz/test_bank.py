"""Tests for kzlessons/quiz/bank.py: every shipped bank is valid, and bad banks fail clearly."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import kzlessons as kz
from kzlessons.quiz import bank

SHIPPED = bank.bank_files()

GOOD = """\
lesson: "99"
questions:
  - id: l99-first
    type: single
    difficulty: easy
    prompt: Pick b.
    options:
      - {id: a, text: A}
      - {id: b, text: B}
    answer: b
    explanation: Because.
    sources: [S1]
"""


def _write(tmp_path: Path, text: str, name: str = "l99.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_every_shipped_bank_is_valid(path):
    """Does every shipped lNN bank pass the schema and the extra rules?"""
    loaded = bank.load_bank(path)
    assert loaded.questions and loaded.path.name == f"l{loaded.lesson}{path.suffix}"


def test_banks_are_shipped_for_lesson_00():
    """Is there a lesson 00 bank with at least three question types?"""
    types = {q.type for q in bank.load_lesson("00")}
    assert len(types) >= 3


def test_every_source_id_exists():
    """Does every source id in every shipped bank resolve to the sources dataset?"""
    known = set(kz.data.load("sources")["source_id"])
    questions = [q for path in SHIPPED for q in bank.load_bank(path).questions]
    assert bank.unknown_sources(questions, known) == []


def test_no_problems_in_shipped_banks():
    """Does bank.problems() (schema, rules, unique ids, sources) find nothing in the shipped banks?"""
    assert bank.problems() == []


def test_ids_are_unique_across_banks():
    """Is every question id used once across all banks?"""
    all_ids = [q.id for path in SHIPPED for q in bank.load_bank(path).questions]
    assert len(all_ids) == len(set(all_ids))


def test_ids_lists_one_lesson_or_all():
    """Does kz.quiz.ids(lesson=...) return only that lesson, in bank order, and ids() all of them?"""
    l00 = kz.quiz.ids(lesson="00")
    assert l00 == kz.quiz.ids(lesson=0) == [q.id for q in bank.load_lesson("00")]
    assert set(l00) <= set(kz.quiz.ids())
    assert kz.quiz.ids(lesson="42") == []


def test_get_unknown_id_says_what_to_do():
    """Does an unknown id raise KeyError mentioning kz.quiz.ids()?"""
    with pytest.raises(KeyError, match=r"kz\.quiz\.ids\(\)"):
        kz.quiz.get("l00-no-such-question")


def test_good_bank_loads(tmp_path):
    """Does a small valid bank load into Question objects?"""
    (q,) = bank.load_bank(_write(tmp_path, GOOD)).questions
    assert (q.id, q.lesson, q.type, q.sources) == ("l99-first", "99", "single", ("S1",))


BAD = [
    ("missing answer", GOOD.replace("    answer: b\n", ""), "l99-first", "answer", "required"),
    ("wrong type", GOOD.replace("type: single", "type: essay"), "l99-first", "type", ""),
    ("answer not an option", GOOD.replace("answer: b", "answer: z"), "l99-first", "answer", "not an option id"),
    ("bad id prefix", GOOD.replace("id: l99-first", "id: l98-first"), "l98-first", "id", "l99-"),
    ("bad id shape", GOOD.replace("id: l99-first", "id: l99_First"), "l99_First", "id", ""),
    ("typo field", GOOD.replace("explanation:", "explanaton:"), "l99-first", "explanaton", "typo"),
    ("unit on single", GOOD.replace("    sources", "    unit: km\n    sources"), "l99-first", "unit", "not used"),
    ("difficulty", GOOD.replace("easy", "trivial"), "l99-first", "difficulty", ""),
    ("bad source id", GOOD.replace("[S1]", "[Source1]"), "l99-first", "sources.0", ""),
    ("duplicate option", GOOD.replace("{id: b, text: B}", "{id: a, text: B}"), "l99-first", "options", "twice"),
    ("numeric range", GOOD.replace("type: single", "type: numeric").replace(
        "    options:\n      - {id: a, text: A}\n      - {id: b, text: B}\n", "").replace(
        "answer: b", "answer: {min: 5, max: 1}"), "l99-first", "answer", "min is larger"),
    ("numeric key", GOOD.replace("type: single", "type: numeric").replace(
        "    options:\n      - {id: a, text: A}\n      - {id: b, text: B}\n", "").replace(
        "answer: b", "answer: {value: 5}"), "l99-first", "answer", ""),
    ("ordering answer", GOOD.replace("type: single", "type: ordering").replace(
        "      - {id: b, text: B}\n", "      - {id: b, text: B}\n      - {id: c, text: C}\n").replace(
        "answer: b", "answer: [a, b, a]"), "l99-first", "answer", ""),
]


@pytest.mark.parametrize("case, text, qid, field, words", BAD, ids=[b[0] for b in BAD])
def test_malformed_bank_names_file_question_and_field(tmp_path, case, text, qid, field, words):
    """Does a malformed bank fail with a message naming the file, the question id and the field?"""
    path = _write(tmp_path, text)
    with pytest.raises(bank.BankError) as info:
        bank.load_bank(path)
    message = str(info.value)
    assert str(path) in message and repr(qid) in message and f"field {field!r}" in message, message
    assert words in message


def test_duplicate_yaml_key_is_refused(tmp_path):
    """Is a question with the same key twice refused (YAML would silently keep the last)?"""
    path = _write(tmp_path, GOOD.replace("    answer: b\n", "    answer: b\n    answer: a\n"))
    with pytest.raises(bank.BankError, match="appears twice"):
        bank.load_bank(path)


def test_not_yaml_is_refused(tmp_path):
    """Is a file that is not YAML refused with the file name?"""
    path = _write(tmp_path, "lesson: [unclosed\n")
    with pytest.raises(bank.BankError, match="not valid YAML"):
        bank.load_bank(path)


def test_lesson_must_match_file_name(tmp_path):
    """Is l98.yaml claiming lesson 99 refused?"""
    path = _write(tmp_path, GOOD, name="l98.yaml")
    with pytest.raises(bank.BankError, match="file name says lesson 98"):
        bank.load_bank(path)


def test_json_banks_load_too(tmp_path):
    """Does a bank written as lNN.json load like YAML?"""
    import json

    import yaml

    path = tmp_path / "l99.json"
    path.write_text(json.dumps(yaml.safe_load(GOOD)), encoding="utf-8")
    assert bank.load_bank(path).questions[0].id == "l99-first"


def test_a_broken_bank_does_not_break_other_lessons(tmp_path):
    """Can lesson 99 questions still be fetched when lesson 98's bank is broken?"""
    _write(tmp_path, GOOD)
    _write(tmp_path, "lesson: '98'\nquestions: []\n", name="l98.yaml")
    assert bank.find("l99-first", tmp_path).id == "l99-first"
    with pytest.raises(bank.BankError):
        bank.load_all(tmp_path)
    assert any("l98.yaml" in p for p in bank.problems(tmp_path, known={"S1"}))


def test_edited_bank_is_reloaded(tmp_path):
    """Does an edit to a bank file show up on the next load (no stale cache)?"""
    path = _write(tmp_path, GOOD)
    assert bank.load_bank(path).questions[0].prompt == "Pick b."
    path.write_text(GOOD.replace("Pick b.", "Now pick b, please."), encoding="utf-8")
    assert bank.load_bank(path).questions[0].prompt == "Now pick b, please."


def test_importing_quiz_does_not_import_ipywidgets():
    """Do import kzlessons.quiz, get() and check() leave ipywidgets, anywidget (and pandas) unimported?"""
    code = ("import sys, kzlessons as kz; q = kz.quiz.get('l00-area'); q.check('1'); kz.quiz.ids(); "
            "print('ipywidgets' in sys.modules, 'anywidget' in sys.modules, 'pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False", "False"]


def test_stamp_of_the_shipped_banks_is_current():
    """Is kzlessons/banks/validated.json the stamp of today's banks and schema (else: run scripts/stamp_banks.py)?"""
    import json

    stamp_file = bank.banks_dir() / bank.STAMP_NAME
    assert json.loads(stamp_file.read_text(encoding="utf-8")) == bank.stamp(), (
        "The question banks changed since they were stamped: run .venv/bin/python scripts/stamp_banks.py")


def test_a_stamped_bank_skips_jsonschema_and_an_edited_one_does_not(tmp_path):
    """R2-C19: does loading the shipped banks never import jsonschema, while an edited copy is fully validated?"""
    import subprocess
    import sys

    code = ("import sys, kzlessons.quiz as q; q.load_all(); print('jsonschema' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    import shutil

    for path in bank.bank_files():
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / bank.STAMP_NAME).write_text((bank.banks_dir() / bank.STAMP_NAME).read_text())
    edited = tmp_path / "l00.yaml"
    edited.write_text(edited.read_text(encoding="utf-8").replace("type: single", "type: singel", 1),
                      encoding="utf-8")
    with pytest.raises(bank.BankError, match="type"):
        bank.load_bank(edited)
