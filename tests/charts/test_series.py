"""time_series (charts/series.py): events, years, country styles."""

from __future__ import annotations

import pandas as pd
import pytest

import kzlessons as kz
from kzlessons import charts
from spec import walk as _walk


def test_time_series_events_from_ids(series, monkeypatch) -> None:
    """Can annotated events be given as event ids from the events dataset?"""
    from kzlessons.charts import series as series_module

    table = pd.DataFrame({"event_id": ["E010"], "date": pd.to_datetime(["2014-02-11"]), "title": ["Devaluation"]})
    monkeypatch.setattr(series_module, "_load", lambda name: table)
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
    colour = next(c for c in _walk(spec, "color") if isinstance(c, dict) and "scale" in c)
    assert colour["scale"] == {"domain": ["Russia", "US"], "range": ["#D55E00", "#56B4E9"]}


def test_time_series_unreadable_event_date_is_a_plain_error(series) -> None:
    """Does an event date that is not a date raise a ValueError naming it (no pandas parser error)?"""
    from kzlessons import charts

    with pytest.raises(ValueError, match="'the float'"):
        charts.time_series(series, y="rate", series="currency", events={"the float": "Tenge floated"})


def test_time_series_description_follows_the_legend_order() -> None:
    """Does the text alternative describe the series in the legend's order (Kazakhstan first)?"""
    df = pd.DataFrame({"year": [2021, 2022] * 3, "ideal_point": [0.0, -0.8, 2.5, 2.2, -0.5, -0.9],
                       "country": ["Russia", "Russia", "US", "US", "Kazakhstan", "Kazakhstan"]})
    text = kz.charts.describe(charts.time_series(df, x="year", y="ideal_point", series="country", source="x"))
    assert "(Kazakhstan, Russia and US)" in text
    assert text.index("Kazakhstan: fell") < text.index("Russia: fell") < text.index("US: fell")
