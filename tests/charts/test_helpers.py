"""Chart helpers: every chart is titled, captioned, described, has tooltips and unit-bearing axes."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import kzlessons as kz
from kzlessons import charts


def _walk(node, key):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == key:
                yield v
            yield from _walk(v, key)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item, key)


def test_every_chart_has_title_caption_description_and_tooltips(all_charts) -> None:
    """Does every helper set a title, a 'Source:' subtitle, a description and tooltips?"""
    for name, chart in all_charts.items():
        spec = chart.to_dict()
        assert spec["title"]["text"], name
        assert spec["title"]["subtitle"][0].startswith("Source: Test source"), name
        assert len(spec["description"]) > 60, name
        assert any(True for _ in _walk(spec, "tooltip")), name


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


def test_partner_shares_sum_to_one_per_year(trade) -> None:
    """Does each year's stack of shares reach exactly 100 %, ignoring aggregate rows?"""
    chart = charts.partner_shares(trade, source="x")
    rows = next(iter(chart.to_dict()["datasets"].values()))
    frame = pd.DataFrame(rows)
    assert frame.groupby("year")["share"].sum().round(3).eq(1).all()
    assert frame.groupby("year")["upper"].max().round(3).eq(1).all()


def test_partner_shares_uses_fixed_colours(trade) -> None:
    """Does Russia get its fixed vermillion in the colour scale?"""
    spec = charts.partner_shares(trade, source="x").to_dict()
    scale = next(c["scale"] for c in _walk(spec, "color") if isinstance(c, dict) and "scale" in c
                 and c["scale"].get("range", [""])[0].startswith("#D5"))
    assert scale["domain"][0] == "Russia" and scale["range"][0] == "#D55E00"


def test_partner_shares_description_mentions_change(trade) -> None:
    """Does the text alternative give the first and last year and the change per group?"""
    text = kz.charts.describe(charts.partner_shares(trade, source="x"))
    assert "2000–2005" in text and "Russia" in text and "→" in text


@pytest.mark.parametrize("helper, kwargs, message", [
    ("partner_shares", {"value": "usd"}, r"Column 'usd' not found.*Available columns: year, flow"),
    ("partner_shares", {"groups": ["Rusia"]}, r"Unknown partner group 'Rusia'\. Accepted values: Russia, China"),
    ("partner_shares", {"flow": "re-exports"}, r"Unknown flow 're-exports'\. Accepted values: exports, imports"),
    ("partner_shares", {"kind": "pie"}, r"Unknown kind 'pie'\. Accepted values: area, line"),
    ("partner_shares", {"start": 2050}, r"filtered trade table is empty"),
])
def test_partner_shares_bad_input(trade, helper, kwargs, message) -> None:
    """Does bad input raise a ValueError naming the problem and the accepted values?"""
    with pytest.raises(ValueError, match=message):
        getattr(charts, helper)(trade, source="x", **kwargs)


def test_unknown_partner_group_in_data(trade) -> None:
    """Does a group outside the palette in the data raise a clear error?"""
    bad = trade.copy()
    bad.loc[0, "partner_group"] = "Mars"
    with pytest.raises(ValueError, match=r"Unknown partner group 'Mars'\. Accepted values:"):
        charts.partner_shares(bad, source="x")


def test_negative_trade_values_are_rejected(trade) -> None:
    """Are negative values refused (shares need non-negative values)?"""
    bad = trade.copy()
    bad.loc[0, "value_usd_mn"] = -5.0
    with pytest.raises(ValueError, match="negative"):
        charts.partner_shares(bad, source="x")


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


def test_timeline_has_category_menu_and_zoom(events) -> None:
    """Does the timeline bind a category menu (with 'All') and a time zoom?"""
    spec = charts.timeline(events, source="x").to_dict()
    params = {p["name"]: p for p in spec["params"]}
    assert params["category_pick"]["bind"]["input"] == "select"
    assert params["category_pick"]["bind"]["labels"][0] == "All"
    assert params["time_zoom"]["bind"] == "scales"


def test_timeline_unknown_category(events) -> None:
    """Does an unknown category raise a ValueError listing the categories?"""
    with pytest.raises(ValueError, match=r"Unknown category 'war'\. Accepted values: domestic, integration, un"):
        charts.timeline(events, categories=["war"], source="x")


def test_vote_comparison_accepts_iso3_and_names(votes) -> None:
    """Can countries be chosen by ISO3 code or by name, in the given order?"""
    a = charts.vote_comparison(votes, countries=["KAZ", "Russia"], source="x").to_dict()
    y = next(_walk(a, "y"))
    assert y["sort"] == ["Kazakhstan", "Russia"]


def test_vote_comparison_unknown_country_and_vote(votes) -> None:
    """Are an unknown country and an unknown vote value both refused with accepted values?"""
    with pytest.raises(ValueError, match=r"Unknown country 'Narnia'\. Accepted values:.*Kazakhstan"):
        charts.vote_comparison(votes, countries=["Narnia"], source="x")
    bad = votes.copy()
    bad.loc[0, "vote"] = "maybe"
    with pytest.raises(ValueError, match=r"Unknown vote 'maybe'\. Accepted values: yes, abstain, no, absent"):
        charts.vote_comparison(bad, source="x")


def test_vote_cells_carry_letters(votes) -> None:
    """Does each vote cell carry a letter, so the grid reads without colour?"""
    spec = charts.vote_comparison(votes, source="x").to_dict()
    assert any(layer["mark"]["type"] == "text" for layer in spec["layer"])
    rows = next(iter(spec["datasets"].values()))
    assert {r["mark"] for r in rows} <= {"Y", "A", "N", "–"}


def test_time_series_events_from_ids(series, monkeypatch) -> None:
    """Can annotated events be given as event ids from the events dataset?"""
    from kzlessons.charts import helpers

    table = pd.DataFrame({"event_id": ["E010"], "date": pd.to_datetime(["2014-02-11"]), "title": ["Devaluation"]})
    monkeypatch.setattr(helpers, "_load", lambda name: table)
    chart = charts.time_series(series, y="rate", events=["E010"], source="x")
    assert "Devaluation" in kz.charts.describe(chart)
    with pytest.raises(ValueError, match=r"Unknown event id 'E999'\. Accepted values: E010"):
        charts.time_series(series, y="rate", events=["E999"], source="x")


def test_time_series_with_integer_years() -> None:
    """Does a yearly series (integer years) chart with a year axis?"""
    df = pd.DataFrame({"year": [2000, 2001, 2002], "hhi": [0.3, 0.25, 0.2]})
    chart = charts.time_series(df, x="year", y="hhi", y_title="HHI", unit="0–1", source="x")
    assert "fell from 0.3 to 0.2" in kz.charts.describe(chart)


def test_time_series_partner_series_use_palette() -> None:
    """Do series named after partner groups get the fixed partner colours?"""
    df = pd.DataFrame({"year": [2000, 2001] * 2, "agreement": [0.9, 0.8, 0.5, 0.6],
                       "partner": ["Russia", "Russia", "US", "US"]})
    spec = charts.time_series(df, x="year", y="agreement", series="partner", source="x").to_dict()
    colour = next(_walk(spec, "color"))
    assert colour["scale"] == {"domain": ["Russia", "US"], "range": ["#D55E00", "#56B4E9"]}


def test_map_uses_shipped_geometry_only(votes) -> None:
    """Does the map inline its TopoJSON (no URL) and mention states too small to draw?"""
    chart = charts.un_vote_map(votes, resolution="A/RES/68/262", source="x")
    text = json.dumps(chart.to_dict())
    assert '"topojson"' in text and '"url"' not in text
    assert "Tuvalu" in kz.charts.describe(chart)
    assert "Kazakhstan (outlined) voted abstain" in kz.charts.describe(chart)


def test_map_needs_a_resolution_when_several(votes) -> None:
    """Does the map ask which resolution to draw, listing them?"""
    with pytest.raises(ValueError, match=r"pass resolution=.*Accepted values: A/RES/68/262, A/RES/ES-11/1"):
        charts.un_vote_map(votes, source="x")


def test_world_geometry_is_small_and_keyed_by_iso3() -> None:
    """Is the shipped geometry under 150 KB and keyed by ISO3 codes?"""
    from kzlessons.charts.helpers import GEOMETRY

    assert GEOMETRY.stat().st_size < 150 * 1024
    codes = charts.world_iso3()
    assert {"KAZ", "RUS", "CHN", "USA", "TUR", "UKR"} <= set(codes)
    assert all(len(c) == 3 and c.isupper() for c in codes)


def test_caption_strips_urls_and_shortens() -> None:
    """Is the caption one short line without URLs?"""
    text = charts.caption(source="A very long citation " * 20 + " https://example.org/x")
    assert text.startswith("Source: ") and "http" not in text and len(text) <= 150


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


def test_time_series_unreadable_event_date_is_a_plain_error(series) -> None:
    """Does an event date that is not a date raise a ValueError naming it (no pandas parser error)?"""
    from kzlessons import charts

    with pytest.raises(ValueError, match="'the float'"):
        charts.time_series(series, y="rate", series="currency", events={"the float": "Tenge floated"})
