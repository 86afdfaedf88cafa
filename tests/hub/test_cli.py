"""Tests for kzlessons/hub/cli.py: `kzlessons collect` end to end, its messages and exit statuses."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

import kzlessons as kz
from kzlessons import cli
from kzlessons.hub import inbox
from kzlessons.hub.handin import hand_in


def _hand_in(root: Path, tmp: Path, monkeypatch: pytest.MonkeyPatch, user: str, qid: str, answer: str) -> Path:
    """``user`` answers and hands in through her own inbox (per-learner layout)."""
    box = root / "inbound" / user
    box.mkdir(exist_ok=True)
    view = tmp / "views" / user
    view.mkdir(parents=True, exist_ok=True)
    if not (view / "inbound").exists():
        (view / "inbound").symlink_to(box)
    monkeypatch.setenv("KZLESSONS_HOME", str(tmp / "homes" / user))
    monkeypatch.setenv("JUPYTERHUB_USER", user)
    monkeypatch.setenv("KZLESSONS_EXCHANGE", str(view))
    kz.progress.record(qid, answer)
    return hand_in().path


@pytest.fixture
def exchange(make_exchange, tmp_path, monkeypatch) -> Path:
    root = make_exchange(0o755)
    _hand_in(root, tmp_path, monkeypatch, "alice", "l00-what-check-does", "b")
    _hand_in(root, tmp_path, monkeypatch, "alice", "l00-what-check-does", "a")
    _hand_in(root, tmp_path, monkeypatch, "bob", "l00-area", "5")
    monkeypatch.chdir(tmp_path)
    return root


def test_collect_then_gradebook(exchange, tmp_path, capsys):
    """Does `kzlessons collect` exit 0, say what it did and print the gradebook command, which then reads the folder
    with the roster (exit 0)?"""
    (tmp_path / "class.csv").write_text("learner,match\nAlice N,alice\nBob T,bob\nCarol,carol\n", encoding="utf-8")
    assert cli.main(["collect", str(exchange), "-o", "collected", "--roster", "class.csv"]) == 0
    out = capsys.readouterr().out
    assert "Collected 2 learner(s) from 3 hand-in(s) in the per-learner inboxes into collected/to-grade" in out
    assert "Handed in more than once (the latest is graded): alice." in out
    assert "Nothing to grade for 1 of 3 on the roster: Carol." in out
    next_command = out.strip().splitlines()[-1]
    assert next_command == "Next: kzlessons gradebook collected/to-grade --roster collected/roster.csv -o grades.csv"
    assert cli.main(next_command.removeprefix("Next: kzlessons ").split()) == 0
    grades = (tmp_path / "grades.csv").read_text(encoding="utf-8")
    assert "Alice N," in grades and "Carol,,,00,not handed in" in grades


def test_the_exchange_comes_from_the_environment_and_late_ones_are_named(exchange, tmp_path, capsys, monkeypatch):
    """Without an argument, is $KZLESSONS_EXCHANGE used; with --due in the past, are the late learners named?"""
    monkeypatch.setenv("KZLESSONS_EXCHANGE", str(exchange))
    assert cli.main(["collect", "--due", "2000-01-01T00:00+05:00"]) == 0
    assert "Handed in late (after 1999-12-31 19:00 UTC): alice, bob." in capsys.readouterr().out
    assert sorted(os.listdir(tmp_path / "collected" / "to-grade")) == ["alice.json", "bob.json"]


def test_a_refused_file_gives_exit_1(exchange, tmp_path, capsys):
    """Does a file named for another learner make collect list it after 'refused' and exit 1, still collecting?"""
    when = dt.datetime(2025, 3, 1, tzinfo=dt.timezone.utc)
    (exchange / "inbound" / "bob" / inbox.file_name("alice", when, "forged1")).write_text("{}")
    assert cli.main(["collect", str(exchange), "-o", "c"]) == 1
    captured = capsys.readouterr()
    assert "refused bob/alice+20250301T000000.000000Z+forged1.json: it is named as alice's hand-in but lies in the " \
           "inbox of bob." in captured.err
    assert "Collected 2 learner(s)" in captured.out


@pytest.mark.parametrize("args, words", [
    (["--due", "friday"], "--due takes a date and time"),
    (["--on-time-only"], "--on-time-only needs --due TIME."),
    (["--hub-group", "students"], "--hub-group works with --roster hub only."),
    (["--roster", "missing.csv"], "The roster missing.csv cannot be read"),
    (["--roster", "hub"], "JUPYTERHUB_API_URL and JUPYTERHUB_API_TOKEN"),
])
def test_usage_problems_collect_nothing(exchange, capsys, monkeypatch, args, words):
    """Is every usage problem a sentence on stderr, with exit 2 and no output folder?"""
    monkeypatch.delenv("JUPYTERHUB_API_URL", raising=False)
    assert cli.main(["collect", str(exchange), *args]) == 2
    assert words in capsys.readouterr().err
    assert not Path("collected").exists()


def test_no_exchange_at_all(capsys, monkeypatch, tmp_path):
    """With neither an argument nor $KZLESSONS_EXCHANGE, does collect say how to name the exchange (exit 2)?"""
    monkeypatch.delenv("KZLESSONS_EXCHANGE", raising=False)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["collect"]) == 2
    assert "Give the course exchange folder" in capsys.readouterr().err
