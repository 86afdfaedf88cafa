"""The curation script rebuilds data/ byte for byte from ../shared."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
DATA = REPO / "data"


@pytest.mark.slow
@pytest.mark.skipif(
    not (SHARED / "sources").is_dir() or not (SHARED / "content" / "facts.md").is_file(),
    reason="../shared/sources and ../shared/content/facts.md are not next to the repository "
    "(they are in CI); cannot rebuild data/ here",
)
def test_rebuild_is_byte_identical(tmp_path):
    """Does running scripts/curate_data.py into a fresh folder reproduce every committed file exactly?"""
    out = tmp_path / "data"
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "curate_data.py"), "--shared", str(SHARED), "--out", str(out), "-q"],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    built = sorted(p.name for p in out.iterdir())
    committed = sorted(p.name for p in DATA.iterdir() if p.is_file() and p.name != "README.md")
    assert built == committed
    for name in built:
        assert (out / name).read_bytes() == (DATA / name).read_bytes(), f"{name} differs from the rebuild"
