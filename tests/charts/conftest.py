"""Small synthetic tables shaped like the real datasets (see docs/ARCHITECTURE.md)."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the plain helper module spec.py

from kzlessons.charts.palette import PARTNER_GROUPS


@pytest.fixture(scope="session", autouse=True)
def _setup_charts() -> None:
    import kzlessons as kz

    kz.setup()


@pytest.fixture(scope="session")
def trade() -> pd.DataFrame:
    rows = []
    for year in range(2000, 2006):
        for i, group in enumerate(PARTNER_GROUPS):
            for flow in ("exports", "imports"):
                rows.append({"year": year, "flow": flow, "basis": "reported", "partner": f"P{i}",
                             "partner_group": group, "is_aggregate": False,
                             "value_usd_mn": float(10 + i * 5 + (year - 2000) * (i - 3) * 0.5)})
        rows.append({"year": year, "flow": "exports", "basis": "reported", "partner": "World",
                     "partner_group": None, "is_aggregate": True, "value_usd_mn": 1e6})
    return pd.DataFrame(rows)


@pytest.fixture(scope="session")
def events() -> pd.DataFrame:
    return pd.DataFrame({
        "event_id": ["E001", "E002", "E003", "E004"],
        "date": pd.to_datetime(["1991-12-16", "1994-05-01", "2014-03-27", "2022-03-02"]),
        "title": ["Independence", "Joined something", "Vote on 68/262", "Vote on ES-11/1"],
        "category": pd.Categorical(["domestic", "integration", "un", "un"],
                                   categories=["domestic", "integration", "un", "ukraine"]),
        "status": ["confirmed"] * 4,
        "source_ids": ["S1", "S2;S3", "S4", "S5"],
    })


@pytest.fixture(scope="session")
def votes() -> pd.DataFrame:
    rows = []
    table = {"KAZ": ("Kazakhstan", ["abstain", "abstain"]), "RUS": ("Russia", ["no", "no"]),
             "USA": ("United States", ["yes", "yes"]), "CHN": ("China", ["abstain", "abstain"]),
             "KGZ": ("Kyrgyzstan", ["absent", "abstain"]), "TUV": ("Tuvalu", ["yes", "yes"])}
    for j, (res, date) in enumerate([("A/RES/68/262", "2014-03-27"), ("A/RES/ES-11/1", "2022-03-02")]):
        for iso3, (name, vs) in table.items():
            rows.append({"resolution": res, "date": pd.Timestamp(date), "iso3": iso3, "country": name,
                         "vote": vs[j]})
    return pd.DataFrame(rows)


@pytest.fixture(scope="session")
def series() -> pd.DataFrame:
    dates = pd.date_range("2013-01-01", "2015-12-01", freq="MS")
    return pd.DataFrame({"date": list(dates) * 2,
                         "rate": [150 + i for i in range(len(dates))] + [30 + i for i in range(len(dates))],
                         "currency": ["KZT"] * len(dates) + ["RUB"] * len(dates)})


@pytest.fixture(scope="session")
def all_charts(trade, events, votes, series):
    """One chart from every helper, built from the synthetic tables."""
    from kzlessons import charts

    return {
        "partner_shares_area": charts.partner_shares(trade, source="Test source"),
        "partner_shares_line": charts.partner_shares(trade, kind="line", groups=["Russia", "China"],
                                                     source="Test source"),
        "timeline": charts.timeline(events, source="Test source"),
        "vote_comparison": charts.vote_comparison(votes, source="Test source"),
        "time_series": charts.time_series(series, y="rate", series="currency", y_title="Rate",
                                          unit="per US$", events={"2014-02-11": "Devaluation"},
                                          source="Test source"),
        "un_vote_map": charts.un_vote_map(votes, resolution="A/RES/ES-11/1", source="Test source"),
    }
