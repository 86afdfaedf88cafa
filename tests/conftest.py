"""Shared test set-up: every test runs with its own private progress store."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Set before any kernel or subprocess starts, so notebooks run by nbval use it too.
os.environ.setdefault("KZLESSONS_HOME", tempfile.mkdtemp(prefix="kzlessons-test-home-"))


@pytest.fixture
def kz_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty ``$KZLESSONS_HOME`` for one test."""
    home = tmp_path / "kzhome"
    monkeypatch.setenv("KZLESSONS_HOME", str(home))
    return home
