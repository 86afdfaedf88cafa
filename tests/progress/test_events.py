"""Tests for kzlessons/progress/events.py: the sentences the quiz shows when a row is not saved."""

from __future__ import annotations

import errno
import os

import pytest

import kzlessons as kz
from kzlessons.progress import events


@pytest.mark.parametrize("code", ["ENOSPC", "EFBIG"])
def test_not_saved_on_a_full_disk_says_to_free_space(kz_home, code):
    """R2-C17: does the quiz's "not saved" sentence advise freeing disk space when there is no room?"""
    number = getattr(errno, code)
    text = events._not_saved(OSError(number, os.strerror(number)))
    assert text == (f"This was not saved ({os.strerror(number)}). Free some disk space on the disk that holds "
                    f"{kz_home}. Until then your progress is not kept.")


def test_not_saved_otherwise_says_to_check_the_folder(kz_home):
    """Does any other failure keep the advice to check that the folder is writable?"""
    text = events._not_saved(PermissionError(errno.EACCES, os.strerror(errno.EACCES)))
    assert text == f"This was not saved (Permission denied). Check that {kz_home} is writable. " \
        "Until then your progress is not kept."


def test_show_answer_on_a_full_disk_says_to_free_space(kz_home, monkeypatch, refuse_writes):
    """R2-C17: is a Show answer that a full disk refused reported with the disk-space advice?"""
    import kzlessons.progress.store as store_module

    refuse_writes(store_module.os, "write")
    problem = events.record_event("l00-what-check-does", "shown")
    assert problem.startswith("This was not saved (No space left on device). Free some disk space")
    monkeypatch.undo()
    assert kz.progress.last_attempt("l00-what-check-does", kind=None) is None
