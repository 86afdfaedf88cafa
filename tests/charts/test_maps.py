"""un_vote_map (charts/maps.py): shipped geometry, one resolution at a time."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import kzlessons as kz
from kzlessons import charts


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
    from kzlessons.charts.maps import GEOMETRY

    assert GEOMETRY.stat().st_size < 150 * 1024
    codes = charts.world_iso3()
    assert {"KAZ", "RUS", "CHN", "USA", "TUR", "UKR"} <= set(codes)
    assert all(len(c) == 3 and c.isupper() for c in codes)
