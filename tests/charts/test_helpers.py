"""Every chart helper: titled, captioned, described, with tooltips, unit-bearing axes and plain errors."""

from __future__ import annotations

import json

import pandas as pd
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


# ------------------------------------------------ a country keeps its style in every chart
def _country_scales(spec: dict) -> list[tuple[str, str, object]]:
    """(channel, country name, drawn value) for every country in a colour, shape or dash scale."""
    from kzlessons.charts.palette import country_key

    found = []
    for channel in ("color", "shape", "strokeDash"):
        for enc in _walk(spec, channel):
            scale = enc.get("scale") if isinstance(enc, dict) else None
            if isinstance(scale, dict) and "domain" in scale and "range" in scale:
                for name, value in zip(scale["domain"], scale["range"]):
                    if country_key(name) is not None:
                        found.append((channel, name, value))
    return found


def _expected(channel: str, name: str) -> object:
    from kzlessons.charts.palette import KAZAKHSTAN, KAZAKHSTAN_STYLE, country_key, style_for

    key = country_key(name)
    style = KAZAKHSTAN_STYLE if key == KAZAKHSTAN else style_for(key)
    return {"color": style.colour, "shape": style.shape, "strokeDash": list(style.dash) or [1, 0]}[channel]


def _country_charts(trade, votes) -> dict:
    ideal = pd.DataFrame({"year": [2021, 2022, 2023] * 4,
                          "ideal_point": [-0.5, -0.9, -0.4, 0.0, -0.8, -0.7, -0.4, -1.3, -1.2, 2.5, 2.2, 2.3],
                          "country": ["Kazakhstan"] * 3 + ["Russia"] * 3 + ["China"] * 3 + ["US"] * 3})
    monthly = pd.DataFrame({"month": list(pd.date_range("2021-01-01", periods=6, freq="MS")) * 3,
                            "eur_mn": range(18), "partner": ["Kazakhstan"] * 6 + ["Kyrgyzstan"] * 6 + ["Armenia"] * 6})
    orgs = pd.DataFrame({"joined": pd.to_datetime(["1992-01-01", "2001-06-15", "2015-01-01", "1993-05-05"]),
                         "name": ["CIS", "SCO", "EAEU", "OSCE"],
                         "leader": ["Russia", "China and Russia", "Russia", "none"]})
    return {
        "time_series (ideal points by country)": charts.time_series(
            ideal, x="year", y="ideal_point", series="country", source="x"),
        "time_series (ISO3 codes)": charts.time_series(
            ideal.assign(country=ideal["country"].map({"Kazakhstan": "KAZ", "Russia": "RUS", "China": "CHN",
                                                       "US": "USA"})), x="year", y="ideal_point",
            series="country", source="x"),
        "time_series (monthly, partner countries)": charts.time_series(
            monthly, x="month", y="eur_mn", series="partner", source="x"),
        "timeline (memberships by leader)": charts.timeline(
            orgs, date="joined", label="name", category="leader", dataset="organisations", source="x"),
        "partner_shares (area)": charts.partner_shares(trade, source="x"),
        "partner_shares (line)": charts.partner_shares(trade, kind="line", source="x"),
        "vote_comparison": charts.vote_comparison(votes, source="x"),
        "un_vote_map": charts.un_vote_map(votes, resolution="A/RES/68/262", source="x"),
    }


def test_every_helper_draws_each_country_in_its_palette_style(trade, votes) -> None:
    """In every helper's chart, is each country or partner group drawn with its own colour, shape and dash?

    (vote_comparison and un_vote_map colour votes, not countries: they must not map any country.)"""
    for name, chart in _country_charts(trade, votes).items():
        found = _country_scales(chart.to_dict())
        if name in ("vote_comparison", "un_vote_map"):
            assert found == [], (name, found)
            continue
        assert found, f"{name}: no country in its colour scales"
        wrong = [(c, n, v, _expected(c, n)) for c, n, v in found if v != _expected(c, n)]
        assert wrong == [], f"{name}: drawn (channel, country, value, expected): {wrong}"


def test_ideal_point_chart_no_longer_borrows_other_countries_colours() -> None:
    """Lesson 04's chart: is Kazakhstan black (its own), Russia vermillion, China orange and the US sky blue?"""
    ideal = pd.DataFrame({"year": [2022] * 4, "ideal_point": [-0.9, -0.8, -1.3, 2.2],
                          "country": ["Kazakhstan", "Russia", "China", "US"]})
    spec = charts.time_series(ideal, x="year", y="ideal_point", series="country", source="x").to_dict()
    colour = next(c for c in _walk(spec, "color") if isinstance(c, dict) and "scale" in c)
    assert dict(zip(colour["scale"]["domain"], colour["scale"]["range"])) == {
        "Kazakhstan": "#000000", "Russia": "#D55E00", "China": "#E69F00", "US": "#56B4E9"}
    assert colour["scale"]["domain"][0] == "Kazakhstan"  # the course's country leads the legend
