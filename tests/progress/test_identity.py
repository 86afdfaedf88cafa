"""Tests for kzlessons/progress/identity.py: the optional name and the random learner id."""

from __future__ import annotations

import json
import multiprocessing as mp
import os

import pytest

import kzlessons as kz
from kzlessons.progress.store import StoreError

CTX = mp.get_context("fork")


def test_learner_id_is_made_once_and_travels(kz_home):
    """Is the learner id random, stored in the progress folder, stable, and in every export?"""
    assert kz.progress.learner_id(create=False) is None
    first = kz.progress.learner_id()
    assert len(first) == 32 and int(first, 16) >= 0
    assert (kz_home / "progress" / "learner-id").read_text().strip() == first
    assert kz.progress.learner_id() == first
    assert json.loads(kz.progress.export_bytes())["learner_id"] == first


def test_two_stores_get_different_ids(tmp_path, monkeypatch):
    """Do two homes get two ids (so the gradebook keeps their learners apart)?"""
    monkeypatch.setenv("KZLESSONS_HOME", str(tmp_path / "a"))
    a = kz.progress.learner_id()
    monkeypatch.setenv("KZLESSONS_HOME", str(tmp_path / "b"))
    assert kz.progress.learner_id() != a


def _make_id(home: str, queue) -> None:
    os.environ["KZLESSONS_HOME"] = home
    queue.put(kz.progress.learner_id())


def test_processes_starting_at_once_agree_on_one_id(kz_home):
    """Do four processes creating the id at the same moment all get the same one?"""
    queue = CTX.Queue()
    procs = [CTX.Process(target=_make_id, args=(str(kz_home), queue)) for _ in range(4)]
    for p in procs:
        p.start()
    ids = {queue.get(timeout=60) for _ in procs}
    for p in procs:
        p.join(timeout=60)
    assert len(ids) == 1 and None not in ids
    assert sorted(p.name for p in (kz_home / "progress").iterdir()) == ["learner-id"]


def test_unwritable_home_gives_no_id_and_a_sentence_for_the_name(kz_home):
    """With a home that cannot be written, is the export anonymous (no id) and set_learner a StoreError sentence?"""
    kz_home.parent.mkdir(parents=True, exist_ok=True)
    kz_home.write_text("a file")
    assert kz.progress.learner_id() is None
    with pytest.raises(StoreError, match="Your name could not be saved"):
        kz.progress.set_learner("Aigerim")


def test_a_name_must_be_text(kz_home):
    """5d: does set_learner(["x"]) say what it takes instead of storing "['x']"?"""
    with pytest.raises(TypeError, match="takes a name in quotes"):
        kz.progress.set_learner(["x"])
    assert kz.progress.learner() is None


def test_a_name_refused_by_a_full_disk_says_to_free_space(kz_home, refuse_writes):
    """R2-C17: does set_learner on a full disk advise freeing disk space, not checking permissions?"""
    import errno

    import kzlessons.progress.identity as identity

    refuse_writes(identity, "atomic_write", errno.EDQUOT)
    with pytest.raises(StoreError, match=r"Your name could not be saved \(Disk quota exceeded\)\. Free some disk "
                                         r"space on the disk that holds .*\. 'kzlessons check' says more\."):
        kz.progress.set_learner("Aigerim")


def test_adopt_and_imported_ids_are_strict(kz_home):
    """Is a malformed id never adopted, and are junk lines in the imported-id list skipped?"""
    import pytest as _pytest

    from kzlessons.progress.identity import IMPORTED_NAME, adopt, imported_ids, note_imported

    with _pytest.raises(ValueError, match="not a learner id"):
        adopt("../../etc/passwd")
    note_imported(["a" * 32, "not-an-id", "a" * 32])
    path = kz_home / "progress" / IMPORTED_NAME
    path.write_text(path.read_text() + "garbage\n" + "B" * 32 + "\n", encoding="ascii")
    assert imported_ids() == ["a" * 32]
