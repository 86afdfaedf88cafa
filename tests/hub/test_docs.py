"""The instructor guide's "Hand-in and collection on a JupyterHub" says what the code does.

Its worked example is replayed for real (four students, one forged hand-in, one late repeat) and the
command output must be the guide's line for line, up to times and random file codes; its report.csv
table names every column; its folder mode is the one hand-in accepts and recommends.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import time
from pathlib import Path

import pytest

import kzlessons as kz
from kzlessons import cli
from kzlessons.hub import collect as collect_module
from kzlessons.hub import hubapi, inbox
from kzlessons.hub.collect import REPORT_COLUMNS
from kzlessons.hub.handin import hand_in

ROOT = Path(__file__).resolve().parents[2]
GUIDE = (ROOT / "docs" / "instructor-guide.md").read_text(encoding="utf-8")
SECTION = GUIDE[GUIDE.index("## Hand-in and collection on a JupyterHub"):]
SECTION = SECTION[:SECTION.index("\n## ", 5)]
UIDS = {61011: "aigerim", 61012: "bolat", 61013: "dana"}


def _normalised(text: str) -> list[str]:
    text = re.sub(r"\d{8}T\d{6}\.\d{6}Z\+[A-Za-z0-9_-]+\.json", "<hand-in>", text)
    text = re.sub(r"after \d{4}-\d\d-\d\d \d\d:\d\d UTC", "after <due>", text)
    return [line for line in text.splitlines() if line.strip()]


def test_the_guide_defines_every_report_column_and_the_folder_mode():
    """Does the section's table name every column of report.csv, and is its mode 3753 the one hand-in recommends
    (and accepts)?"""
    for column in REPORT_COLUMNS:
        assert f"| `{column}` |" in SECTION, column
    assert f"install -d -m {inbox.RECOMMENDED_MODE:o} -o root -g kz-instructors" in SECTION
    assert inbox.shared_problem(inbox.RECOMMENDED_MODE) is None and inbox.hand_in_mode(inbox.RECOMMENDED_MODE) == 0o640
    assert f'c.Spawner.environment = {{"{inbox.EXCHANGE_ENV}": "/srv/kzlessons/exchange"}}' in SECTION


@pytest.mark.skipif(not (hasattr(os, "geteuid") and os.geteuid() == 0),
                    reason="gives the hand-ins to other system users (chown), which needs root; CI runs as root")
def test_the_worked_example_is_what_collect_and_gradebook_print(tmp_path, monkeypatch, capsys):
    """Replaying the example (aigerim, bolat and dana hand in, dana twice and late, bolat also as aigerim; erlan
    never), do `kzlessons collect` and `kzlessons gradebook` print the guide's lines?"""
    root = tmp_path / "exchange"
    (root / "inbound").mkdir(parents=True)
    os.chmod(root / "inbound", 0o3753)
    monkeypatch.setattr(collect_module, "_login_of", lambda uid: UIDS.get(uid, f"#{uid}"))
    monkeypatch.setattr(hubapi, "hub_users", lambda group: ["aigerim", "bolat", "dana", "erlan"]
                        if group == "students" else [])

    def hand_in_as(user: str, uid: int, answer: str, as_user: str | None = None) -> Path:
        monkeypatch.setenv("KZLESSONS_HOME", str(tmp_path / "homes" / user))
        monkeypatch.setenv("JUPYTERHUB_USER", as_user or user)
        monkeypatch.setenv("KZLESSONS_EXCHANGE", str(root))
        kz.progress.record("l00-what-check-does", answer)
        path = hand_in().path
        os.chown(path, uid, -1)
        return path

    hand_in_as("aigerim", 61011, "b")
    hand_in_as("bolat", 61012, "a")
    hand_in_as("bolat", 61012, "b", as_user="aigerim")
    first = hand_in_as("dana", 61013, "a")
    due = dt.datetime.fromtimestamp(first.stat().st_ctime, dt.timezone.utc)
    while time.time() <= due.timestamp() + 0.02:  # the file system's clock ticks coarsely: let it pass the due time
        time.sleep(0.01)
    hand_in_as("dana", 61013, "b")
    monkeypatch.chdir(tmp_path)
    command = re.search(r"\$ kzlessons collect (.*)", SECTION)[1].replace("2025-03-07T23:59+05:00", due.isoformat())
    assert cli.main(["collect", *command.split()]) == 1
    gradebook = re.search(r"\$ kzlessons gradebook (.*)", SECTION)[1]
    assert cli.main(["gradebook", *gradebook.split()]) == 0
    captured = capsys.readouterr()
    shown = re.search(r"```console\n(.*?)```", SECTION, re.S)[1]
    expected = [line for line in _normalised(shown) if not line.startswith("$ ")]
    assert _normalised(captured.err + captured.out) == expected
    assert "erlan,,,00,not handed in" in (tmp_path / "grades.csv").read_text(encoding="utf-8")
