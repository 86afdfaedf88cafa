"""Tests for kzlessons/progress/health.py: the progress-store part of ``kzlessons check`` (probe 8b)."""

from __future__ import annotations

import shutil

import kzlessons as kz
from kzlessons import checks
from kzlessons.progress.health import store_health


def test_healthy_store_reports_its_attempts(kz_home):
    """Does a working store report its path, its attempt count, readable and writable, and no problem?"""
    kz.progress.record("l00-area", "1")
    kz.progress.record("l00-area", "2724900")
    lines, problems = store_health()
    assert problems == []
    assert lines[0] == f"progress    2 attempts in {kz_home / 'progress' / 'attempts.jsonl'} (readable, writable)"


def test_damaged_files_are_listed_with_where(kz_home):
    """Are damaged files that were set aside listed with their folder, without being a problem?"""
    kz.progress.record("l00-area", "1")
    path = kz_home / "progress" / "attempts.jsonl"
    path.write_bytes(path.read_bytes() + b"garbage\n")
    lines, problems = store_health()
    assert problems == []
    text = "\n".join(lines)
    assert "1 attempts" in lines[0] and "1 damaged file(s) set aside in" in text and "attempts.damaged-" in text


def test_store_that_is_a_folder_is_a_problem(kz_home):
    """Does a store that cannot be read (a folder where the file should be) give a sentence and fail the check?"""
    (kz_home / "progress" / "attempts.jsonl").mkdir(parents=True)
    report = checks.run_checks()
    assert not report.ok
    assert any(p.startswith("Your progress could not be read (Is a directory") for p in report.problems)
    assert "NOT readable" in report.text()


def test_unwritable_home_is_a_problem(kz_home):
    """Does a home that is a file (so nothing can be saved) make `kzlessons check` exit 1 with a sentence?"""
    kz_home.parent.mkdir(parents=True, exist_ok=True)
    kz_home.write_text("a file")
    assert checks.main([]) == 1
    lines, problems = store_health()
    assert "NOT writable" in lines[0]
    assert any("Quiz answers cannot be saved" in p and "KZLESSONS_HOME" in p for p in problems)
    kz_home.unlink()
    shutil.rmtree(kz_home, ignore_errors=True)
