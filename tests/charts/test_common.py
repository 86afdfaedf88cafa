"""What the helpers share (charts/common.py): the source caption."""

from __future__ import annotations

import pytest

from kzlessons import charts
from spec import walk as _walk


def test_every_chart_has_title_caption_description_and_tooltips(all_charts) -> None:
    """Does every helper set a title, a 'Source:' subtitle, a description and tooltips?"""
    for name, chart in all_charts.items():
        spec = chart.to_dict()
        assert spec["title"]["text"], name
        assert spec["title"]["subtitle"][0].startswith("Source: Test source"), name
        assert len(spec["description"]) > 60, name
        assert any(True for _ in _walk(spec, "tooltip")), name


def test_caption_strips_urls_and_shortens() -> None:
    """Is the caption without URLs, and no longer than about 200 characters (three lines at 640 px)?"""
    text = charts.caption(source="A very long citation " * 20 + " https://example.org/x")
    assert text.startswith("Source: ") and "http" not in text and len(text) <= 210


def test_shortened_caption_says_where_the_full_citation_is() -> None:
    """When a dataset's citation is cut with "…", does the caption point to kz.data.cite, on its own line,
    and does the chart's description keep the full citation?"""
    import kzlessons as kz

    try:
        full = kz.data.cite("un_votes")
    except Exception:
        pytest.skip("datasets not built")
    text = charts.caption("un_votes")
    assert "…" in text and text.endswith('(full citation: kz.data.cite("un_votes"))')
    assert len(text) <= 210
    votes = kz.data.load("ukraine_votes")
    chart = charts.vote_comparison(votes, dataset="un_votes")
    spec = chart.to_dict()
    assert spec["title"]["subtitle"][-1] == '(full citation: kz.data.cite("un_votes"))'
    assert full.split(" http")[0][:60] in kz.charts.describe(chart)


def test_short_caption_is_left_whole() -> None:
    """Is a caption that fits kept whole, without a pointer?"""
    assert charts.caption(source="Test source") == "Source: Test source"
