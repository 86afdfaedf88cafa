"""Shared fixtures for the hub tests: a course exchange in a temporary folder, and a learner on a hub."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture
def make_exchange(tmp_path: Path) -> Callable[[int], Path]:
    """``make_exchange(mode)``: an exchange folder whose ``inbound`` has this mode (e.g. 0o3753 shared)."""
    def make(mode: int = 0o3753) -> Path:
        root = tmp_path / "exchange"
        (root / "inbound").mkdir(parents=True)
        os.chmod(root / "inbound", mode)
        return root

    return make


@pytest.fixture
def on_hub(kz_home: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str, Path | None], None]:
    """``on_hub(user, exchange)``: this process is the hub user's server (with the course exchange, if given)."""
    def enter(user: str, exchange: Path | None) -> None:
        monkeypatch.setenv("JUPYTERHUB_USER", user)
        if exchange is None:
            monkeypatch.delenv("KZLESSONS_EXCHANGE", raising=False)
        else:
            monkeypatch.setenv("KZLESSONS_EXCHANGE", str(exchange))

    return enter
