"""Shared test set-up: every test runs with its own private progress store."""

from __future__ import annotations

from pathlib import Path

import pytest

# The session-wide private KZLESSONS_HOME is set by the repository's root conftest.py.


@pytest.fixture
def kz_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty ``$KZLESSONS_HOME`` for one test."""
    home = tmp_path / "kzhome"
    monkeypatch.setenv("KZLESSONS_HOME", str(home))
    return home
