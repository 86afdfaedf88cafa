"""Tests for kzlessons/quiz/assessment_cli.py: ``kzlessons assessment [--config PATH] [--release NAME]``."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzlessons.cli import main as cli_main
from kzlessons.quiz import assessment as mode


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "assessment.toml"
    path.write_text('[[assessment]]\nname = "Quiz 1"\nlessons = ["01"]\nrelease_file = "released/q1"\n'
                    '[[assessment]]\nname = "Final"\nquestions = ["l00-area"]\nrelease_file = "f"\n',
                    encoding="utf-8")
    return path


def test_it_describes_each_assessment(config, capsys):
    """Does the verb name the config and, per assessment, its questions and that the results are withheld?"""
    assert cli_main(["assessment", "--config", str(config)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Assessment config: {config}\n")
    assert "- Quiz 1: " in out and "(lessons 01). Results withheld; they are shown when the file " in out
    assert "- Final: 1 question (questions l00-area)." in out
    assert "kzlessons assessment --release 'Quiz 1' creates it" in out


def test_release_publishes_once(config, capsys):
    """Does --release create the release file (so the questions are released), and refuse a second time?"""
    assert cli_main(["assessment", "--config", str(config), "--release", "Quiz 1"]) == 0
    assert (config.parent / "released" / "q1").is_file()
    assert "Released 'Quiz 1'" in capsys.readouterr().out
    lesson_01 = [qid for qid, lesson in mode.bank_lessons().items() if lesson == "01"]
    assert lesson_01 and mode.read(config).withheld(lesson_01) == set()
    assert cli_main(["assessment", "--config", str(config), "--release", "Quiz 1"]) == 1
    assert "already released" in capsys.readouterr().err
    assert cli_main(["assessment", "--config", str(config)]) == 0
    assert "- Quiz 1: " in (out := capsys.readouterr().out) and "Results released" in out


def test_the_environment_variable_is_read_like_the_lessons_read_it(config, monkeypatch, capsys):
    """Without --config, does the verb read $KZLESSONS_ASSESSMENT (as a learner's kernel would)?"""
    monkeypatch.setenv(mode.ENV, str(config))
    assert cli_main(["assessment"]) == 0
    assert f"Assessment config: {config}" in capsys.readouterr().out


def test_a_bad_config_is_a_sentence_and_status_1(tmp_path, capsys):
    """Is a config that cannot be used reported as one sentence on stderr, with exit status 1?"""
    bad = tmp_path / "bad.toml"
    bad.write_text('[[assessment]]\nlessons = ["00"]\n')
    assert cli_main(["assessment", "--config", str(bad)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("kzlessons assessment: The assessment config") and err.endswith("(or both).")
    assert "\n" not in err


def test_no_config_says_every_quiz_is_a_self_check(tmp_path, monkeypatch, capsys):
    """With no config anywhere, does the verb say so (status 0), and refuse --release (status 1)?"""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(mode.ENV, raising=False)
    assert cli_main(["assessment"]) == 0
    assert "every quiz is a self-check" in capsys.readouterr().out
    assert cli_main(["assessment", "--release", "Quiz 1"]) == 1
