"""Tests for kzlessons/progress/widget.py: the download widget on a disk that cannot take the name."""

from __future__ import annotations

import base64
import errno
import json
import os
import re
import subprocess
import sys
import textwrap

import pytest

import kzlessons as kz
import kzlessons.progress.identity as identity


def _file_in(link_html: str) -> dict:
    match = re.search(r"href='data:application/json;base64,([A-Za-z0-9+/=]+)'", link_html)
    assert match, link_html
    return json.loads(base64.b64decode(match.group(1)))


@pytest.fixture
def full_disk(refuse_writes):
    """Saving the name fails as on a full disk (what atomic_write raises there)."""
    refuse_writes(identity, "atomic_write")


def test_a_name_that_cannot_be_saved_still_goes_into_the_file(kz_home, full_disk):
    """R2-C3: with a full disk, is the file made with the typed name, and does one note under the link say
    the name was not remembered, with the full-disk advice (not 'check permissions')?"""
    kz.progress.record("l00-what-check-does", "b")
    widget = kz.progress.download()
    widget.name.value = "Aigerim"
    data = widget.prepare()
    assert data and json.loads(data)["learner"] == "Aigerim" and len(json.loads(data)["attempts"]) == 1
    assert _file_in(widget.link.value)["learner"] == "Aigerim"
    note = widget.link.value.split("<br>", 1)[1]
    assert "Your name was put in this file but could not be remembered for next time (No space left on " \
        "device)." in note
    assert "Free some disk space" in note and "writable" not in note
    assert kz.progress.learner() is None


def test_an_unchanged_name_is_not_saved_again(kz_home, full_disk):
    """R2-C3: is the stored name, unchanged in the box, put into the file with no note (nothing to save)?"""
    (kz_home / "learner.json").parent.mkdir(parents=True, exist_ok=True)
    (kz_home / "learner.json").write_text(json.dumps({"name": "Aigerim"}))
    widget = kz.progress.download()
    assert widget.name.value == "Aigerim"
    assert json.loads(widget.prepare())["learner"] == "Aigerim"
    assert "<br>" not in widget.link.value and "Download" in widget.link.value


def test_clearing_the_name_makes_an_anonymous_file_even_if_it_cannot_be_forgotten(kz_home, refuse_writes):
    """With a home where the old name cannot be deleted, is the file anonymous and the note honest about it?"""
    kz.progress.set_learner("Aigerim")
    refuse_writes(identity.Path, "unlink", errno.EACCES)  # a home where files cannot be deleted
    widget = kz.progress.download()
    widget.name.value = ""
    assert json.loads(widget.prepare())["learner"] is None
    assert "Your name was left out of this file, but the name remembered before could not be forgotten " \
        "(Permission denied). Check that" in widget.link.value


def test_a_name_that_can_be_saved_is_remembered(kz_home):
    """Is a newly typed name both in the file and remembered for next time, with no note?"""
    widget = kz.progress.download()
    widget.name.value = " Ali\u202ece "
    assert json.loads(widget.prepare())["learner"] == "Alice"
    assert kz.progress.learner() == "Alice" and "<br>" not in widget.link.value


_FULL_DISK_CHILD = textwrap.dedent("""
    import resource, warnings
    warnings.simplefilter("ignore")
    import kzlessons as kz
    kz.progress.record("l00-what-check-does", "b")
    kz.progress.set_learner("Aigerim")
    widget = kz.progress.download()
    widget.name.value = "Aigerim B."
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (1, hard))   # no file may grow past 1 byte: a full disk
    try:
        data = widget.prepare()
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    print(len(data))
    print(widget.link.value)
""")


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_download_on_a_real_full_disk(kz_home):
    """R2-C3 (bug_download_full_disk.py) under RLIMIT_FSIZE: is a file with the typed name offered?"""
    env = {**os.environ, "KZLESSONS_HOME": str(kz_home)}
    child = subprocess.run([sys.executable, "-c", _FULL_DISK_CHILD], env=env, capture_output=True, text=True,
                           timeout=120)
    assert child.returncode == 0, child.stderr
    size, link = child.stdout.split("\n", 1)
    assert int(size) > 0 and _file_in(link)["learner"] == "Aigerim B."
    assert "could not be remembered for next time (File too large). Free some disk space" in link


def test_prepare_uses_the_name_the_box_shows_at_the_click(kz_home):
    """UX-1 for the download: does a click carrying the shown name use it, even if the kernel's copy lags?"""
    kz.progress.record("l00-what-check-does", "b")
    widget = kz.progress.download()
    widget.name.value = "Ai"  # the last keystroke update that reached the kernel
    widget.button._handle_custom_msg({"event": "click", "value": "Aigerim N"}, [])  # the page's click
    encoded = re.search(r"base64,([A-Za-z0-9+/=]+)", widget.link.value).group(1)
    assert json.loads(base64.b64decode(encoded))["learner"] == "Aigerim N"
    assert widget.name.value == "Aigerim N"


# -- the Hand in button beside the download (issue 21) ---------------------------------------------------------------


def test_hand_in_sits_beside_the_download_and_says_what_to_do_off_a_hub(kz_home, monkeypatch):
    """Is *Hand in* in the same row as *Prepare download*, and off a hub does a click write nothing and say, in words
    with an icon, to download and upload the file instead?"""
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    monkeypatch.delenv("KZLESSONS_EXCHANGE", raising=False)
    widget = kz.progress.download()
    row = widget.children[1]
    assert [b.description for b in row.children] == ["Prepare download", "Hand in"]
    widget.hand_in_button.click()
    status = widget.hand_in_status.value
    assert "role='status'" in status and "ℹ Hand-in is not set up here" in status
    assert "Prepare download in lesson 00" in status and "upload the file to your course page" in status


def test_hand_in_on_a_hub_puts_the_file_in_the_course_folder(kz_home, monkeypatch, tmp_path):
    """On a hub with a course exchange, does the click hand in (the file in the inbound folder, named by the hub
    user, not the typed name) and say so; and does a folder that would expose the file get a warning instead?"""
    inbound = tmp_path / "exchange" / "inbound"
    inbound.mkdir(parents=True)
    os.chmod(inbound, 0o3753)
    monkeypatch.setenv("JUPYTERHUB_USER", "aigerim")
    monkeypatch.setenv("KZLESSONS_EXCHANGE", str(tmp_path / "exchange"))
    kz.progress.record("l00-what-check-does", "b")
    widget = kz.progress.download()
    widget.name.value = "Nickname"
    widget.hand_in_button._handle_custom_msg({"event": "click"}, [])  # the page's click (no source value)
    (name,) = os.listdir(inbound)
    assert name.startswith("aigerim+") and json.loads((inbound / name).read_bytes())["learner"] == "aigerim"
    assert "✓ Handed in as aigerim at" in widget.hand_in_status.value and "(1 attempt)" in widget.hand_in_status.value
    os.chmod(inbound, 0o777)
    assert widget.hand_in() is None
    assert "⚠️ Nothing was handed in: the course hand-in folder" in widget.hand_in_status.value
    assert os.listdir(inbound) == [name]
