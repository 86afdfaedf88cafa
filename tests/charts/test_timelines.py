"""timeline (charts/timelines.py): menu, zoom, categories, axis labels, description."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import kzlessons as kz
from kzlessons import charts


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


def test_short_timeline_axis_does_not_repeat_the_year(events) -> None:
    """A one-year timeline (lessons 05, 06): does the time axis let Vega pick month labels,
    instead of a fixed "%Y" format that printed "2022" twelve times (probe 8c)?"""
    one_year = events.assign(date=pd.to_datetime(["2022-01-05", "2022-03-02", "2022-06-20", "2022-11-20"]))
    spec = charts.timeline(one_year, source="x").to_dict()
    axis = spec["encoding"]["x"]["axis"]
    assert "format" not in axis and "tickCount" not in axis
    assert spec["encoding"]["x"]["title"] == "Date"


def test_memberships_timeline_says_what_it_plots() -> None:
    """Lesson 01's memberships chart: does the description speak of organisations by leader (review P19),
    not of "events" and "the year with most events"?"""
    orgs = pd.DataFrame({"kazakhstan_joined": pd.to_datetime(["1992-01-01", "1992-05-15", "2001-06-15"]),
                         "name": ["CIS", "CSTO", "SCO"], "leader": ["Russia", "Russia", "China and Russia"]})
    chart = charts.timeline(orgs, date="kazakhstan_joined", label="name", category="leader",
                            dataset="organisations", source="x")
    text = kz.charts.describe(chart)
    assert text.startswith("Timeline of 3 organisations (date: Kazakhstan joined) from 1992 to 2001 "
                           "in 2 leader groups: China and Russia (1), Russia (2).")
    assert "event" not in text
    spec = chart.to_dict()
    assert spec["encoding"]["y"]["title"] == "Leader"
    assert spec["encoding"]["x"]["title"] == "Kazakhstan joined"
    assert spec["params"][0]["bind"]["name"].strip() == "Leader"


def test_timeline_categories_named_after_countries_use_their_style() -> None:
    """Does a category named Russia get Russia's colour and shape, and other categories neither?"""
    from kzlessons.charts.palette import PARTNER_STYLE

    orgs = pd.DataFrame({"date": pd.to_datetime(["1992-01-01", "2001-06-15"]), "title": ["CIS", "SCO"],
                         "category": ["Russia", "China and Russia"]})
    enc = charts.timeline(orgs, source="x").to_dict()["encoding"]
    colours = dict(zip(enc["color"]["scale"]["domain"], enc["color"]["scale"]["range"]))
    shapes = dict(zip(enc["shape"]["scale"]["domain"], enc["shape"]["scale"]["range"]))
    assert colours["Russia"] == PARTNER_STYLE["Russia"].colour and shapes["Russia"] == PARTNER_STYLE["Russia"].shape
    assert colours["China and Russia"] != PARTNER_STYLE["Russia"].colour
    assert shapes["China and Russia"] != PARTNER_STYLE["Russia"].shape


def test_one_year_timeline_draws_distinct_axis_labels(events) -> None:
    """Drawn (vl-convert SVG), does a one-year timeline label months, with no year repeated (probe 8c)?"""
    import re

    vlc = pytest.importorskip("vl_convert", reason="vl-convert (the 'export' extra) draws the SVG")
    one_year = events.assign(date=pd.to_datetime(["2022-01-05", "2022-03-02", "2022-06-20", "2022-11-20"]))
    svg = vlc.vegalite_to_svg(charts.timeline(one_year, source="x").to_dict())
    labels = [t for t in re.findall(r"<text[^>]*>([^<]+)</text>", svg) if re.fullmatch(r"\d{4}|[A-Z][a-z]+", t)]
    years = [t for t in labels if t.isdigit()]
    assert len(years) == len(set(years)) and {"March", "June"} <= set(labels), labels


def _styles_drawn(spec: dict) -> dict[str, tuple[str, str]]:
    enc = spec["encoding"]
    colours = dict(zip(enc["color"]["scale"]["domain"], enc["color"]["scale"]["range"]))
    shapes = dict(zip(enc["shape"]["scale"]["domain"], enc["shape"]["scale"]["range"]))
    assert colours.keys() == shapes.keys()
    return {c: (colours[c], shapes[c]) for c in colours}


def test_event_category_keeps_its_colour_and_shape_in_every_timeline() -> None:
    """UX-5: is economy (and every category) drawn alike whichever categories and dates a timeline shows,
    as in lessons 00 (all), 03 (2014-2015), 05 (2022) and 06 (diplomacy and economy)?"""
    from kzlessons.charts.palette import EVENT_STYLE

    events = kz.data.load("events")
    charts_shown = [
        charts.timeline(events),
        charts.timeline(events[events["year"].between(2014, 2015)]),
        charts.timeline(events, start="2022-01-01", end="2022-12-31"),
        charts.timeline(events, categories=["diplomacy", "economy"], start="2022-01-01", end="2023-12-31"),
        charts.timeline(events, categories=["un", "economy", "domestic"]),
    ]
    seen: dict[str, set[tuple[str, str]]] = {}
    for chart in charts_shown:
        for category, style in _styles_drawn(chart.to_dict()).items():
            assert style == (EVENT_STYLE[category].colour, EVENT_STYLE[category].shape), category
            seen.setdefault(category, set()).add(style)
    assert set(seen) == set(EVENT_STYLE) and all(len(v) == 1 for v in seen.values())


def test_timeline_legend_shows_colour_and_shape_together(events) -> None:
    """Does the timeline draw a legend (colour and shape under one title, so one merged legend),
    in which no two categories share a colour or a shape?"""
    enc = charts.timeline(events, source="x").to_dict()["encoding"]
    assert enc["color"].get("legend", {}) is not None and enc["shape"].get("legend", {}) is not None
    assert enc["color"]["title"] == enc["shape"]["title"] == "Category"
    drawn = _styles_drawn({"encoding": enc})
    assert len({c for c, _ in drawn.values()}) == len({s for _, s in drawn.values()}) == len(drawn)
