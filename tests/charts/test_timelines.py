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
