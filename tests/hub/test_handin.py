"""Tests for kzlessons/hub/handin.py: a learner hands in to the course exchange, or is told what to do instead."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import stat
from pathlib import Path

import pytest

import kzlessons as kz
from kzlessons import cli
from kzlessons.hub import handin, inbox
from kzlessons.hub.handin import HandInError, HandInUnavailable, hand_in

NOON = dt.datetime(2025, 3, 1, 12, 0, 0, 250000, tzinfo=dt.timezone.utc)


def _files(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


def test_outside_a_hub_it_says_to_download_instead(kz_home, make_exchange, monkeypatch):
    """Without JUPYTERHUB_USER, is nothing written and does the sentence say how to download and upload instead?"""
    root = make_exchange()
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    monkeypatch.setenv("KZLESSONS_EXCHANGE", str(root))
    with pytest.raises(HandInUnavailable) as caught:
        hand_in()
    text = str(caught.value)
    assert "JUPYTERHUB_USER is set" not in text and "cannot tell who you are" in text
    assert "Prepare download" in text and "upload the file to your course page" in text
    assert _files(root / "inbound") == []


def test_a_hub_without_an_exchange_names_the_setting(on_hub):
    """On a hub with no KZLESSONS_EXCHANGE, does the sentence say the hub has no course hand-in folder?"""
    on_hub("aigerim", None)
    with pytest.raises(HandInUnavailable, match="no course hand-in folder .*KZLESSONS_EXCHANGE.*Download your"):
        hand_in()


def test_a_hand_in_is_the_export_named_by_the_hub_user(on_hub, make_exchange):
    """Is the file the learner's export with the hub user as its name, at the time given, under a hand-in name,
    group-readable only (0640) in a set-group-id shared folder, with no temporary file left?"""
    root = make_exchange(0o3753)
    on_hub("aigerim", root)
    kz.progress.set_learner("Typed Nickname")
    kz.progress.record("l00-what-check-does", "b")
    done = hand_in(now=NOON)
    assert done.user == "aigerim" and done.time == NOON and done.attempts == 1
    assert done.path.parent == root / "inbound" and _files(root / "inbound") == [done.path.name]
    assert inbox.parse_file_name(done.path.name)[:2] == ("aigerim", NOON)
    data = json.loads(done.path.read_bytes())
    assert data["learner"] == "aigerim" and data["learner_id"] == kz.progress.learner_id()
    assert [a["question_id"] for a in data["attempts"]] == ["l00-what-check-does"]
    assert stat.S_IMODE(done.path.stat().st_mode) == 0o640
    assert kz.progress.learner() == "Typed Nickname"  # the hub name is not remembered as the learner's
    assert "Handed in as aigerim at 2025-03-01 12:00:00 UTC (1 attempt)" in str(done)


def test_without_set_group_id_a_hand_in_is_readable_as_nbgrader_makes_it(on_hub, make_exchange):
    """In a 1733 folder (nbgrader's), is the hand-in 0644, hidden by its unguessable name?"""
    root = make_exchange(0o1733)
    on_hub("bolat", root)
    done = hand_in()
    assert stat.S_IMODE(done.path.stat().st_mode) == 0o644 and len(inbox.parse_file_name(done.path.name).code) >= 12


def test_handing_in_again_keeps_the_first(on_hub, make_exchange):
    """Does a second hand-in (even in the same instant) make a second file and leave the first byte for byte?"""
    root = make_exchange()
    on_hub("aigerim", root)
    first = hand_in(now=NOON)
    before = first.path.read_bytes()
    kz.progress.record("l00-what-check-does", "a")
    second = hand_in(now=NOON)
    assert second.path != first.path and first.path.read_bytes() == before
    assert len(json.loads(second.path.read_bytes())["attempts"]) == 1 and second.attempts == 1
    assert _files(root / "inbound") == sorted([first.path.name, second.path.name])


def test_an_own_inbox_takes_the_hand_in(on_hub, make_exchange):
    """A per-learner inbox (writable by its owner alone, as mounted on Kubernetes): is the file written, 0640?"""
    root = make_exchange(0o700)
    on_hub("aigerim", root)
    assert stat.S_IMODE(hand_in().path.stat().st_mode) == 0o640


@pytest.mark.parametrize("mode, words", [(0o777, "list, read or delete"), (0o2733, "delete or rename"),
                                         (0o1777, "list and read")])
def test_a_folder_that_would_expose_the_file_is_refused(on_hub, make_exchange, mode, words):
    """Is nothing written into a shared folder where other learners could list, read or delete hand-ins, and does the
    sentence say so, ask to tell the instructor and give the download?"""
    root = make_exchange(mode)
    on_hub("aigerim", root)
    with pytest.raises(HandInError) as caught:
        hand_in()
    text = str(caught.value)
    assert text.startswith("Nothing was handed in: the course hand-in folder") and words in text
    assert "Tell your instructor; meanwhile, download your progress (Prepare download" in text
    assert _files(root / "inbound") == []


def test_a_missing_or_odd_folder_is_named(on_hub, tmp_path):
    """Does a missing inbound folder, or a file in its place, give a sentence naming it?"""
    on_hub("aigerim", tmp_path / "exchange")
    with pytest.raises(HandInError, match=r"inbound does not exist, so nothing was handed in\. Tell your instructor"):
        hand_in()
    (tmp_path / "exchange").mkdir()
    (tmp_path / "exchange" / "inbound").write_text("not a folder")
    with pytest.raises(HandInError, match="is not a folder, so nothing was handed in"):
        hand_in()


def test_a_full_exchange_disk_leaves_no_half_file(on_hub, make_exchange, monkeypatch):
    """When the file cannot be put in place (a full disk), is the temporary file removed and the reason given?"""
    root = make_exchange()
    on_hub("aigerim", root)

    def full(*_args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(handin.os, "rename", full)
    with pytest.raises(HandInError, match=r"could not take your file \(No space left on device\)\. Tell your"):
        hand_in()
    assert _files(root / "inbound") == []


def test_the_progress_api_and_the_command_hand_in(on_hub, make_exchange, capsys):
    """Do kz.progress.hand_in() and `kzlessons hand-in` both hand in (exit 0), and does the command exit 1 with the
    sentence on stderr where hand-in is not set up?"""
    root = make_exchange()
    on_hub("aigerim", root)
    assert kz.progress.hand_in().user == "aigerim"
    assert cli.main(["hand-in"]) == 0
    assert "Handed in as aigerim" in capsys.readouterr().out
    assert len(_files(root / "inbound")) == 2
    on_hub("aigerim", None)
    assert cli.main(["hand-in"]) == 1
    assert "Hand-in is not set up here" in capsys.readouterr().err
