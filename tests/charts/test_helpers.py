"""Every chart helper: titled, captioned, described, with tooltips, unit-bearing axes and plain errors."""

from __future__ import annotations

import json

import pytest

import kzlessons as kz
from kzlessons import charts
from spec import walk as _walk


def test_axis_titles_carry_units(all_charts) -> None:
    """Do the quantitative y axes name their unit (in brackets)?"""
    for name in ("partner_shares_area", "partner_shares_line", "time_series"):
        titles = [enc["title"] for enc in _walk(all_charts[name].to_dict(), "y")
                  if isinstance(enc, dict) and "title" in enc]
        assert any("(" in t and ")" in t for t in titles), (name, titles)


def test_describe_returns_the_description(all_charts) -> None:
    """Does kz.charts.describe return the same paragraph as the spec's description?"""
    for chart in all_charts.values():
        assert kz.charts.describe(chart) == chart.to_dict()["description"]


@pytest.mark.parametrize("helper, fixture", [
    ("partner_shares", "trade"), ("timeline", "events"), ("vote_comparison", "votes"),
    ("time_series", "series"), ("un_vote_map", "votes"),
])
def test_empty_frame_is_rejected(helper, fixture, request) -> None:
    """Does every helper refuse an empty table with a sentence saying so?"""
    empty = request.getfixturevalue(fixture).iloc[0:0]
    with pytest.raises(ValueError, match="empty"):
        getattr(charts, helper)(empty, source="x")


@pytest.mark.parametrize("helper, fixture", [
    ("partner_shares", "trade"), ("timeline", "events"), ("vote_comparison", "votes"),
    ("time_series", "series"), ("un_vote_map", "votes"),
])
def test_missing_column_is_named(helper, fixture, request) -> None:
    """Does every helper name a missing column and list the available ones?"""
    frame = request.getfixturevalue(fixture)
    frame = frame.drop(columns=[c for c in ("vote", "value", "title", "value_usd_mn", "date") if c in frame][:1])
    with pytest.raises(ValueError, match=r"not found in the data\. Available columns:"):
        getattr(charts, helper)(frame, source="x")


def test_helpers_work_on_real_data_when_present() -> None:
    """Do the helpers' defaults work on the real datasets (skipped until data exist)?"""
    try:
        kz.data.load("trade")
    except Exception:
        pytest.skip("datasets not built")
    made = [charts.partner_shares(), charts.timeline(), charts.vote_comparison(),
            charts.un_vote_map(resolution="A/RES/ES-11/1")]
    for chart in made:
        from kzlessons.charts.render import bundle as bundle_of

        bundle = bundle_of(chart)
        assert len(json.dumps(bundle).encode()) < 100 * 1024
        assert "Source: " in bundle["text/plain"]
