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
    not (SHARED / "sources").is_dir(),
    reason="../shared/sources is not next to the repository (it is in CI); cannot rebuild data/ here",
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


def _script():
    import importlib.util

    spec = importlib.util.spec_from_file_location("curate_data", REPO / "scripts" / "curate_data.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_parse_date_forms():
    """Does the timeline date parser read every form the event records use?"""
    parse = _script().factbase.parse_date
    ts = __import__("pandas").Timestamp
    assert parse("6 Apr 1993") == (ts("1993-04-06"), None, "day")
    assert parse("Nov–Dec 1994") == (ts("1994-11-01"), ts("1994-12-31"), "month")
    assert parse("2–11 Jan 2022") == (ts("2022-01-02"), ts("2022-01-11"), "day")
    assert parse("21 Sep–4 Oct 2022") == (ts("2022-09-21"), ts("2022-10-04"), "day")
    assert parse("Apr 1995") == (ts("1995-04-01"), None, "month")
    assert parse("2016") == (ts("2016-01-01"), None, "year")
    with pytest.raises(ValueError):
        parse("sometime in 2016")


def test_parse_date_any_day():
    """Does parse_date read back any day written as 'D Mon YYYY' (property test)?"""
    hypothesis = pytest.importorskip("hypothesis")
    from hypothesis import strategies as st

    parse = _script().factbase.parse_date
    import pandas as pd

    @hypothesis.settings(max_examples=200, deadline=None)
    @hypothesis.given(st.dates(min_value=__import__("datetime").date(1900, 1, 1)))
    def check(day):
        text = f"{day.day} {day.strftime('%b')} {day.year}"
        assert parse(text) == (pd.Timestamp(day), None, "day")

    check()
