"""partner_shares (charts/shares.py): shares, fixed partner colours, input errors."""

from __future__ import annotations

import pandas as pd
import pytest

import kzlessons as kz
from kzlessons import charts
from spec import walk as _walk


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
