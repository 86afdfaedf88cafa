"""What the helpers share (charts/common.py): the source caption."""

from __future__ import annotations


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
    """Is the caption one short line without URLs?"""
    text = charts.caption(source="A very long citation " * 20 + " https://example.org/x")
    assert text.startswith("Source: ") and "http" not in text and len(text) <= 150
