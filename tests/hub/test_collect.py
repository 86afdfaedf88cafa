"""Tests for kzlessons/hub/collect.py: each learner's latest hand-in gathered for the gradebook, nothing lost."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import time
from pathlib import Path

import pytest
import kzlessons as kz
from kzlessons.hub import collect as collect_module
from kzlessons.hub import inbox
from kzlessons.hub.collect import PER_LEARNER, SHARED, CollectError, RosterRow, collect
from kzlessons.hub.handin import hand_in
from kzlessons.progress import gradebook
from kzlessons.progress.roster import read_roster

needs_root = pytest.mark.skipif(not (hasattr(os, "geteuid") and os.geteuid() == 0),
                                reason="gives files to other system users (chown), which needs root; CI runs as root")


class Hub:
    """Learners handing in with the real hand_in(), each from her own store, into a temporary exchange."""

    def __init__(self, root: Path, tmp: Path, monkeypatch: pytest.MonkeyPatch, per_learner: bool):
        self.root, self.tmp, self.monkeypatch, self.per_learner = root, tmp, monkeypatch, per_learner

    def hand_in(self, user: str, answers: dict[str, object] | None = None):
        """``user`` answers (question id -> answer) in her own store and hands in; returns the HandedIn."""
        self.monkeypatch.setenv("KZLESSONS_HOME", str(self.tmp / "homes" / user))
        self.monkeypatch.setenv("JUPYTERHUB_USER", user)
        for qid, answer in (answers or {}).items():
            kz.progress.record(qid, answer)
        if self.per_learner:  # the hub mounts her inbox at $KZLESSONS_EXCHANGE/inbound
            box = self.root / "inbound" / user
            box.mkdir(exist_ok=True)
            view = self.tmp / "views" / user
            view.mkdir(parents=True, exist_ok=True)
            if not (view / "inbound").exists():
                (view / "inbound").symlink_to(box)
            self.monkeypatch.setenv("KZLESSONS_EXCHANGE", str(view))
        else:
            self.monkeypatch.setenv("KZLESSONS_EXCHANGE", str(self.root))
        return hand_in()


@pytest.fixture
def k8s(make_exchange, tmp_path, monkeypatch) -> Hub:
    """Per-learner inboxes, as on Kubernetes: inbound/ is writable by its owner alone."""
    return Hub(make_exchange(0o755), tmp_path, monkeypatch, per_learner=True)


def _report(out: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((out / "report.csv").read_text(encoding="utf-8"))))


def _after(moment: dt.datetime) -> None:
    """Wait until the file system's clock has passed ``moment`` (it ticks coarsely), so a new file is later."""
    while time.time() <= moment.timestamp() + 0.02:
        time.sleep(0.01)


def _ctime(path: Path) -> dt.datetime:
    return dt.datetime.fromtimestamp(path.stat().st_ctime, dt.timezone.utc)


def test_the_latest_hand_in_of_each_learner_is_graded_and_every_one_is_kept(k8s, tmp_path):
    """Does to-grade/ hold each learner's latest hand-in byte for byte, hand-ins/ every one, and the report say which
    was graded, with the learner id and the number of attempts?"""
    first = k8s.hand_in("alice", {"l00-what-check-does": "a"})
    _after(_ctime(first.path))
    second = k8s.hand_in("alice", {"l00-what-check-does": "b"})
    bob = k8s.hand_in("bob", {"l00-area": "2,724,900"})
    out = tmp_path / "collected"
    done = collect(k8s.root, out)
    assert done.layout == PER_LEARNER and done.rejected == [] and done.users() == ["alice", "bob"]
    assert sorted(os.listdir(out / "to-grade")) == ["alice.json", "bob.json"]
    assert (out / "to-grade" / "alice.json").read_bytes() == second.path.read_bytes()
    assert (out / "to-grade" / "bob.json").read_bytes() == bob.path.read_bytes()
    assert sorted(os.listdir(out / "hand-ins" / "alice")) == sorted([first.path.name, second.path.name])
    assert (out / "hand-ins" / "alice" / first.path.name).read_bytes() == first.path.read_bytes()
    rows = {r["file"]: r for r in _report(out)}
    assert rows[f"alice/{second.path.name}"]["graded"] == "yes" and rows[f"alice/{first.path.name}"]["graded"] == ""
    assert rows[f"alice/{second.path.name}"]["attempts"] == "2" and rows[f"bob/{bob.path.name}"]["late"] == ""
    assert rows[f"bob/{bob.path.name}"]["kept_as"] == f"hand-ins/bob/{bob.path.name}"
    assert len(rows[f"bob/{bob.path.name}"]["learner_id"]) == 32


def test_late_hand_ins_are_marked_and_on_time_only_grades_the_last_one_in_time(k8s, tmp_path):
    """With a due time between two hand-ins, is the second marked late and graded by default, and with
    on_time_only is the first graded while the late one is still kept?"""
    on_time = k8s.hand_in("alice", {"l00-what-check-does": "a"})
    due = _ctime(on_time.path)
    _after(due)
    late = k8s.hand_in("alice", {"l00-what-check-does": "b"})
    only_late = k8s.hand_in("bob", {"l00-area": "5"})
    done = collect(k8s.root, tmp_path / "all", due=due)
    marks = {f.label: (f.late, f.graded) for f in done.found}
    assert marks == {f"alice/{on_time.path.name}": (False, False), f"alice/{late.path.name}": (True, True),
                     f"bob/{only_late.path.name}": (True, True)}
    strict = collect(k8s.root, tmp_path / "strict", due=due, on_time_only=True)
    assert [f.label for f in strict.graded] == [f"alice/{on_time.path.name}"]
    assert (tmp_path / "strict" / "to-grade" / "alice.json").read_bytes() == on_time.path.read_bytes()
    assert not (tmp_path / "strict" / "to-grade" / "bob.json").exists()
    assert (tmp_path / "strict" / "hand-ins" / "bob" / only_late.path.name).is_file()
    assert any("bob handed in only after the due time" in note for note in strict.notes)


def test_collecting_again_adds_new_hand_ins_and_never_overwrites(k8s, tmp_path):
    """Run twice: are new hand-ins added and the graded file moved on; and when a learner rewrites her own earlier
    file, are both versions kept (never overwritten) with a note?"""
    out = tmp_path / "collected"
    first = k8s.hand_in("alice", {"l00-what-check-does": "a"})
    collect(k8s.root, out)
    _after(_ctime(first.path))
    newer = k8s.hand_in("alice", {"l00-what-check-does": "b"})
    kept_before = (out / "hand-ins" / "alice" / first.path.name).read_bytes()
    first.path.write_bytes(first.path.read_bytes().replace(b'"answer":"a"', b'"answer":"b"'))  # she edits it
    again = collect(k8s.root, out)
    files = sorted(os.listdir(out / "hand-ins" / "alice"))
    stem = first.path.name.removesuffix(".json")
    assert files == sorted([first.path.name, f"{stem}.changed-1.json", newer.path.name])
    assert (out / "hand-ins" / "alice" / first.path.name).read_bytes() == kept_before
    assert any("changed after an earlier collect" in n for n in again.notes)
    assert (out / "to-grade" / "alice.json").read_bytes() == first.path.read_bytes()  # changed last: now the latest
    third = collect(k8s.root, out)
    assert sorted(os.listdir(out / "hand-ins" / "alice")) == files and third.notes == []


def test_files_not_vouched_for_are_refused_with_the_reason(k8s, tmp_path):
    """Per-learner inboxes: is a file named for bob in alice's inbox, one outside every inbox, a symbolic link, a hard
    link, a damaged file, a temporary file and an odd name each refused with its reason, and a folder noted, while
    alice's own hand-in is collected?"""
    alice = k8s.hand_in("alice", {"l00-what-check-does": "a"})
    box = k8s.root / "inbound" / "alice"
    when = dt.datetime(2025, 3, 1, tzinfo=dt.timezone.utc)
    (box / inbox.file_name("bob", when, "forged1")).write_bytes(alice.path.read_bytes())
    (k8s.root / "inbound" / inbox.file_name("alice", when, "loose01")).write_bytes(alice.path.read_bytes())
    (box / inbox.file_name("alice", when, "link001")).symlink_to(alice.path)
    elsewhere = k8s.tmp / "elsewhere.json"  # a file of hers outside the inbox, linked in
    elsewhere.write_bytes(alice.path.read_bytes())
    os.link(elsewhere, box / inbox.file_name("alice", when, "hard001"))
    (box / inbox.file_name("alice", when, "broken1")).write_text('{"format": "kzlessons-progress"')
    (box / ".kzlessons-abc123.tmp").write_text("{")
    (box / "notes.txt").write_text("hi")
    (box / "sub").mkdir()
    done = collect(k8s.root, tmp_path / "out")
    problems = {f.label.rsplit("+", 1)[-1]: f.problem for f in done.rejected}
    assert "named as bob's hand-in but lies in the inbox of alice" in problems["forged1.json"]
    assert "lies outside every learner's inbox" in problems["loose01.json"]
    assert "symbolic link" in problems["link001.json"]
    assert "hard links" in problems["hard001.json"]
    assert "not a usable progress file" in problems["broken1.json"]
    assert "unfinished hand-in" in problems["alice/.kzlessons-abc123.tmp"]
    assert "not named as a hand-in" in problems["alice/notes.txt"]
    assert any("alice/sub is a folder" in n for n in done.notes)
    assert [f.label for f in done.graded] == [f"alice/{alice.path.name}"]
    assert os.listdir(tmp_path / "out" / "to-grade") == ["alice.json"]
    report = _report(tmp_path / "out")
    assert len(report) == len(done.found) == 8 and all(r["problem"] for r in report if r["graded"] != "yes")


def test_a_roster_gives_the_gradebook_its_rows(k8s, tmp_path):
    """With a roster, does roster.csv match each learner by hub name and learner id, name who handed in nothing and
    who is not on it, and does the real gradebook read to-grade/ with it: one row per roster learner and lesson?"""
    k8s.hand_in("alice", {"l00-what-check-does": "b", "l00-area": "2,724,900"})
    k8s.hand_in("dave", {"l00-what-check-does": "a"})
    out = tmp_path / "collected"
    roster = [RosterRow("Alice Nur", ("alice",)), RosterRow("bolat", ("bolat",))]
    done = collect(k8s.root, out, roster=roster)
    assert done.missing == ["bolat"] and done.off_roster == ["dave"]
    entries = read_roster(str(out / "roster.csv"))
    assert [e.learner for e in entries] == ["Alice Nur", "bolat"]
    assert entries[0].tokens[0] == "alice" and len(entries[0].tokens[1]) == 32 and entries[1].tokens == ("bolat",)
    book = gradebook.build([str(out / "to-grade")], entries)
    rows = {(r["learner"], r["lesson"]): r for r in gradebook.rows_of(book)}
    assert rows[("Alice Nur", "00")]["status"] == "answered" and rows[("Alice Nur", "00")]["correct"] == 2
    assert rows[("bolat", "00")]["status"] == "not handed in"
    assert rows[("dave", "00")]["attempted"] == 1  # listed after the roster
    assert book.rejected == [] and book.partly == []


def test_a_learner_with_nothing_to_grade_now_loses_only_the_copy(k8s, tmp_path):
    """When a second run (with on_time_only) has nothing to grade for a learner, is her old to-grade copy removed
    (a copy of a kept hand-in), while a file collect did not make is left with a note?"""
    hand_in = k8s.hand_in("alice", {"l00-what-check-does": "a"})
    out = tmp_path / "collected"
    collect(k8s.root, out)
    (out / "to-grade" / "mine.json").write_text("{}")
    due = _ctime(hand_in.path) - dt.timedelta(days=1)
    again = collect(k8s.root, out, due=due, on_time_only=True)
    assert sorted(os.listdir(out / "to-grade")) == ["mine.json"]
    assert (out / "hand-ins" / "alice" / hand_in.path.name).is_file()
    assert any("to-grade/mine.json was not made by collect" in n for n in again.notes)


def test_the_output_may_not_lie_in_the_exchange_and_a_missing_inbound_is_named(k8s, tmp_path):
    """Is an output folder inside the exchange refused, and a missing inbound folder a sentence?"""
    with pytest.raises(ValueError, match="lies inside the exchange"):
        collect(k8s.root, k8s.root / "inbound" / "collected")
    with pytest.raises(CollectError, match="inbound folder .* does not exist"):
        collect(tmp_path / "nowhere", tmp_path / "out")


# -- a shared inbound: the owner of each file is what counts (needs root to give files to other users) -----------


@pytest.fixture
def shared(make_exchange, tmp_path, monkeypatch) -> Hub:
    hub = Hub(make_exchange(0o3753), tmp_path, monkeypatch, per_learner=False)
    names = {61001: "alice", 61002: "bob", 61003: "jupyter-carol"}
    monkeypatch.setattr(collect_module, "_login_of", lambda uid: names.get(uid, f"#{uid}"))
    return hub


@needs_root
def test_a_shared_inbound_trusts_the_files_owner(shared, tmp_path):
    """Is a file collected when it belongs to the system user it is named for, and refused when it belongs to
    another (a learner handing in as someone else), naming both; is a folder in the inbound left alone?"""
    alice = shared.hand_in("alice", {"l00-what-check-does": "b"})
    os.chown(alice.path, 61001, -1)
    forged = shared.hand_in("alice", {"l00-what-check-does": "a"})
    os.chown(forged.path, 61002, -1)  # bob wrote it, naming alice
    (shared.root / "inbound" / "alice").mkdir()
    done = collect(shared.root, tmp_path / "out")
    assert done.layout == SHARED
    assert [f.label for f in done.graded] == [alice.path.name]
    (refused,) = done.rejected
    assert refused.label == forged.path.name
    assert refused.problem == ("is named as alice's hand-in but belongs to the system user bob; only alice can hand in "
                               "as alice")
    assert json.loads((tmp_path / "out" / "to-grade" / "alice.json").read_bytes())["attempts"][0]["answer"] == "b"
    assert any("alice is a folder in the shared inbound" in n for n in done.notes)


@needs_root
def test_a_system_user_prefix_is_allowed_for(shared, tmp_path):
    """The Littlest JupyterHub names carol's system user jupyter-carol: is her file refused without the prefix and
    collected with it?"""
    carol = shared.hand_in("carol")
    os.chown(carol.path, 61003, -1)
    assert "belongs to the system user jupyter-carol" in collect(shared.root, tmp_path / "a").rejected[0].problem
    assert collect(shared.root, tmp_path / "b", system_user_prefix="jupyter-").users() == ["carol"]
