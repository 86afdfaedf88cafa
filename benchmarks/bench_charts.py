#!/usr/bin/env python3
"""Chart helpers vs a bare altair chart of the same data, measured in the same run.

Rows (``area = charts``):

* ``<helper>: build + render time`` — helper call + ``_repr_mimebundle_()`` (the kzlessons
  renderer), median of several runs; baseline = a bare ``alt.Chart(same data)`` with a
  comparable mark and encoding, rendered by altair's default renderer. Target ≤ 1.5×.
* ``<helper>: saved size per chart`` — bytes the chart adds to a saved ``.ipynb`` (nbformat
  output JSON); baseline = the bare chart's output with altair's default (CDN) renderer.
  Target ≤ 100 KB.
* ``offline inline-HTML alternative`` — what ``alt.renderers.enable('html', template='inline')``
  would add per chart, for comparison.

Uses the real datasets when they load, otherwise small synthetic tables.
Run: ``.venv/bin/python benchmarks/bench_charts.py`` or via ``benchmarks/run.py``.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

REPEATS = 15


def _output_bytes(bundle) -> int:
    """Bytes one display_data output adds to a saved notebook (nbformat writes indent=1)."""
    import nbformat

    data, metadata = bundle if isinstance(bundle, tuple) else (bundle, {})
    out = nbformat.v4.new_output("display_data", data=data, metadata=metadata)
    return len(json.dumps(out, indent=1, ensure_ascii=False).encode())


def _paired_times(helper: Callable[[], object], bare: Callable[[], object]) -> tuple[float, float]:
    """Median times of helper (kzlessons renderer) and bare (altair default renderer), interleaved
    run by run so that load from other processes hits both alike."""
    import altair as alt

    th, tb = [], []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        helper()._repr_mimebundle_()
        th.append(time.perf_counter() - t0)
        with alt.renderers.enable("default"):
            t0 = time.perf_counter()
            bare()._repr_mimebundle_()
            tb.append(time.perf_counter() - t0)
    return statistics.median(th), statistics.median(tb)


def _inputs():
    import numpy as np
    import pandas as pd

    import kzlessons as kz

    try:
        trade = kz.data.load("trade")
        events = kz.data.load("events")
        votes = kz.data.load("ukraine_votes")
        macro = kz.data.load("macro")
        rate = macro[(macro["indicator"] == "exchange_rate") & macro["iso3"].isin(["KAZ", "RUS"])]
        source = None
        real = True
    except Exception:
        rng = np.random.default_rng(0)
        groups = list(kz.charts.PARTNER_GROUPS)
        trade = pd.DataFrame([{"year": y, "flow": "exports", "basis": "reported", "partner_group": g,
                               "is_aggregate": False, "value_usd_mn": float(rng.uniform(1, 100))}
                              for y in range(1995, 2021) for g in groups for _ in range(10)])
        events = pd.DataFrame({"date": pd.date_range("1991-01-01", periods=70, freq="180D"),
                               "title": [f"Event {i}" for i in range(70)],
                               "category": [["domestic", "un", "economy", "diplomacy"][i % 4] for i in range(70)]})
        iso = kz.charts.world_iso3()
        votes = pd.DataFrame({"resolution": "A/RES/ES-11/1", "iso3": iso, "country": iso,
                              "vote": rng.choice(["yes", "no", "abstain", "absent"], len(iso))})
        rate = pd.DataFrame({"year": list(range(1993, 2025)) * 2, "value": rng.uniform(1, 400, 64),
                             "country": ["KAZ"] * 32 + ["RUS"] * 32})
        source = "synthetic"
        real = False
    return trade, events, votes, rate, source, real


def run() -> list[dict]:
    import altair as alt

    import kzlessons as kz

    kz.setup()
    trade, events, votes, rate, source, real = _inputs()
    shares_in = trade[(trade["flow"] == "exports") & (trade["basis"] == "reported") & ~trade["is_aggregate"]]
    es11 = votes[votes["resolution"] == "A/RES/ES-11/1"] if "resolution" in votes else votes
    grid_in = votes[votes["iso3"].isin(["KAZ", "RUS", "CHN", "USA", "TUR", "KGZ", "UZB", "TJK", "TKM",
                                        "BLR", "ARM", "AZE", "GEO", "UKR"])]

    def bare_world():
        from kzlessons.charts.helpers import _world_text

        return alt.Chart(alt.InlineData(values=_world_text(), format=alt.DataFormat(type="topojson", feature="countries"))
                         ).mark_geoshape().transform_lookup(
            lookup="id", from_=alt.LookupData(es11[["iso3", "vote"]], "iso3", ["vote"])
        ).encode(color="vote:N").project("equalEarth")

    cases = {
        "partner_shares": (
            lambda: kz.charts.partner_shares(trade, source=source),
            lambda: alt.Chart(shares_in[["year", "partner_group", "value_usd_mn"]]).mark_area().encode(
                x="year:Q", y=alt.Y("sum(value_usd_mn):Q", stack="normalize"), color="partner_group:N"),
        ),
        "timeline": (
            lambda: kz.charts.timeline(events, source=source),
            lambda: alt.Chart(events[["date", "title", "category"]]).mark_point().encode(
                x="date:T", y="category:N", tooltip=["title:N"]),
        ),
        "vote_comparison": (
            lambda: kz.charts.vote_comparison(votes, source=source),
            lambda: alt.Chart(grid_in[["resolution", "country", "vote"]]).mark_rect().encode(
                x="resolution:N", y="country:N", color="vote:N"),
        ),
        "time_series": (
            lambda: kz.charts.time_series(rate, x="year", y="value", series="country", y_title="Exchange rate",
                                          unit="per US$", dataset="macro", source=source),
            lambda: alt.Chart(rate[["year", "value", "country"]]).mark_line().encode(
                x="year:Q", y="value:Q", color="country:N"),
        ),
        "un_vote_map": (
            lambda: kz.charts.un_vote_map(votes, resolution="A/RES/ES-11/1", source=source),
            bare_world,
        ),
    }
    rows: list[dict] = []
    for name, (helper, bare) in cases.items():
        helper()._repr_mimebundle_()  # warm caches (citation, geometry) once, like a lesson would
        with alt.renderers.enable("default"):
            bare()._repr_mimebundle_()
        t_helper, t_bare = _paired_times(helper, bare)
        with alt.renderers.enable("default"):
            bare_size = _output_bytes(bare()._repr_mimebundle_())
        size = _output_bytes(helper()._repr_mimebundle_())
        rows.append({"area": "charts", "measure": f"{name}: build + render time{'' if real else ' (synthetic)'}",
                     "value": t_helper * 1000, "baseline": t_bare * 1000, "ratio": t_helper / t_bare,
                     "unit": "ms", "target": "≤ 1.5×"})
        rows.append({"area": "charts", "measure": f"{name}: saved size per chart",
                     "value": size / 1024, "baseline": bare_size / 1024, "ratio": size / bare_size,
                     "unit": "KB", "target": "≤ 100 KB"})
    with alt.renderers.enable("html", template="inline"):
        inline = _output_bytes(cases["vote_comparison"][0]()._repr_mimebundle_())
    ours = _output_bytes(cases["vote_comparison"][0]()._repr_mimebundle_())
    rows.append({"area": "charts", "measure": "offline inline-HTML alternative (vote_comparison)",
                 "value": inline / 1024, "baseline": ours / 1024, "ratio": inline / ours, "unit": "KB",
                 "target": "for comparison (baseline = kzlessons renderer)"})
    return rows


if __name__ == "__main__":
    for row in run():
        print(f"{row['measure']:<58} {row['value']:>9.1f} {row['unit']:<3} baseline {row['baseline']:>9.1f}"
              f"  ratio {row['ratio']:>5.2f}  target {row['target']}")
