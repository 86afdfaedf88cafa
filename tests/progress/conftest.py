"""Shared fixtures for the progress tests."""

from __future__ import annotations

import errno
import os

import pytest


@pytest.fixture
def refuse_writes(monkeypatch: pytest.MonkeyPatch):
    """``refuse_writes(module, "atomic_write")`` makes that function raise ``OSError(code)``
    (by default ENOSPC, as on a full disk)."""
    def install(target: object, name: str, code: int = errno.ENOSPC) -> None:
        def refuse(*_args, **_kwargs):
            raise OSError(code, os.strerror(code))

        monkeypatch.setattr(target, name, refuse)

    return install
