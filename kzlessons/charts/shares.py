"""Partner shares over time: who takes what share of Kazakhstan's trade.

Every partner group keeps its colour, point shape and line dash (``palette.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from .common import _choose, _columns, _finish, _frame, _labels, _load, _year_axis
from .palette import check_groups, colour_scale, dash_scale, partner_groups, shape_scale
from .text import describe, pct
from .theme import WIDTH

__all__ = ["partner_shares"]


def partner_shares(
    data: pd.DataFrame | None = None,
    *,
    flow: str | None = "exports",
    basis: str | None = "reported",
    groups: Sequence[str] | None = None,
    start: int | None = None,
    end: int | None = None,
    kind: str = "area",
    year: str = "year",
    group: str = "partner_group",
    value: str = "value_usd_mn",
    unit: str = "US$ million",
    dataset: str = "trade",
    title: str | None = None,
    source: str | None = None,
) -> alt.LayerChart:
    """Partner shares over time: a stacked area (``kind="area"``) or lines (``kind="line"``).

    Shares are each group's value divided by the year's total over all groups, so
    the stack reaches 100 %. Aggregate rows (``is_aggregate``) and rows without a
    group are left out; ``flow`` and ``basis`` filter those columns when present.

    Args:
        data: tidy table with a year, a partner group and a value column
            (default: ``kz.data.load("trade")``).
        flow, basis: values to keep in the ``flow`` / ``basis`` columns (None = no filter).
        groups: partner groups to draw (default: all); shares are still of the total.
        start, end: first and last year to show.
        kind: ``"area"`` (stacked) or ``"line"``.

    Example:
        >>> df = pd.DataFrame({"year": [2000, 2000, 2001, 2001], "partner_group": ["Russia", "China"] * 2,
        ...                    "value_usd_mn": [3.0, 1.0, 1.0, 1.0]})
        >>> chart = partner_shares(df, flow=None, basis=None, source="Test data")
        >>> print(describe(chart))  # doctest: +ELLIPSIS
        Stacked area chart of the share of Kazakhstan's trade by partner group, 2000–2001...Russia 75% → 50%...
    """
    if data is None:
        data = _load(dataset)
    _frame(data, "trade")
    _columns(data, year, group, value)
    if kind not in ("area", "line"):
        raise ValueError(f"Unknown kind {kind!r}. Accepted values: area, line.")
    df = data
    for col, wanted in (("flow", flow), ("basis", basis)):
        if wanted is not None and col in df.columns:
            present = sorted(map(str, df[col].dropna().unique()))
            _choose([wanted], present, col)
            df = df[df[col] == wanted]
    if "is_aggregate" in df.columns:
        df = df[~df["is_aggregate"].astype(bool)]
    df = df[df[group].notna()]
    accepted = partner_groups()
    check_groups(df[group].astype(str).unique(), accepted)
    if groups is not None:
        check_groups(groups, accepted)
    if start is not None:
        df = df[df[year] >= start]
    if end is not None:
        df = df[df[year] <= end]
    _frame(df, "filtered trade")
    if (df[value] < 0).any():
        raise ValueError(f"Column {value!r} has negative values; shares need values of 0 or more.")

    agg = df.groupby([year, group], observed=True)[value].sum(min_count=1).reset_index()
    agg.columns = ["year", "group", "value"]
    agg["group"] = agg["group"].astype(str)
    agg["year"] = agg["year"].astype(int)
    totals = agg.groupby("year")["value"].transform("sum")
    agg["share"] = (agg["value"] / totals).where(totals > 0)
    order = [g for g in accepted if g in set(agg["group"])]
    agg["rank"] = agg["group"].map({g: i for i, g in enumerate(order)})
    agg = agg.sort_values(["year", "rank"])
    agg["upper"] = agg.groupby("year")["share"].cumsum()
    agg["lower"] = agg["upper"] - agg["share"]
    agg["mid"] = (agg["upper"] + agg["lower"]) / 2
    if groups is not None:
        agg = agg[agg["group"].isin(groups)]
        order = [g for g in order if g in set(groups)]
    agg = agg.round({"share": 4, "upper": 4, "lower": 4, "mid": 4, "value": 1})

    what = f"{flow}" if flow else "trade"
    who = "Kazakhstan's " if dataset == "trade" else ""
    text = title or f"{who}{what} by partner group: share of each year's total"
    y0, y1 = int(agg["year"].min()), int(agg["year"].max())
    colour = alt.Color("group:N", title="Partner group", scale=alt.Scale(**colour_scale(order)),
                       sort=order)
    tooltip = [
        alt.Tooltip("year:Q", title="Year", format="d"),
        alt.Tooltip("group:N", title="Partner group"),
        alt.Tooltip("share:Q", title="Share of total", format=".1%"),
        alt.Tooltip("value:Q", title=f"Value ({unit})", format=",.0f"),
    ]
    x = alt.X("year:Q", axis=_year_axis(), scale=alt.Scale(domain=[y0, y1], nice=False))
    base = alt.Chart()  # data is set once on the layer, so it is converted and stored once
    shape = alt.Shape("group:N", scale=alt.Scale(**shape_scale(order)), sort=order,
                      title="Partner group")
    if kind == "area":
        y_title = f"Share of {who}{what} (% of total {unit})"
        bands = base.mark_area(opacity=0.85, line={"color": "white", "strokeWidth": 0.5}).encode(
            x=x, y=alt.Y("upper:Q", title=y_title, axis=alt.Axis(format="%"),
                         scale=alt.Scale(domain=[0, 1])),
            y2=alt.Y2("lower"), color=colour, order=alt.Order("rank:Q"), tooltip=tooltip,
        )
        # the same colour and shape fields give one merged legend; the points themselves are
        # drawn black-on-white so the group shape reads on top of its band
        marks = base.mark_point(filled=True, size=45, stroke="white", strokeWidth=0.8,
                                opacity=1).encode(
            x=x, y=alt.Y("mid:Q"), shape=shape, color=colour, fill=alt.value("#000000"), tooltip=tooltip,
        )
        layers = [bands, marks]
    else:
        y_title = f"Share of {who}{what} (%)"
        lines = base.mark_line().encode(
            x=x, y=alt.Y("share:Q", title=y_title, axis=alt.Axis(format="%")),
            color=colour,
            strokeDash=alt.StrokeDash("group:N", scale=alt.Scale(**dash_scale(order)), sort=order,
                                      title="Partner group"),
            tooltip=tooltip,
        )
        points = base.mark_point(filled=True, size=50).encode(
            x=x, y=alt.Y("share:Q"), color=colour, shape=shape, tooltip=tooltip)
        layers = [lines, points]

    # text alternative
    shares_by = {(y, g): v for y, g, v in zip(agg["year"], agg["group"], agg["share"]) if y in (y0, y1)}
    s0 = {g: shares_by[(y0, g)] for g in order if (y0, g) in shares_by and shares_by[(y0, g)] == shares_by[(y0, g)]}
    s1 = {g: shares_by[(y1, g)] for g in order if (y1, g) in shares_by and shares_by[(y1, g)] == shares_by[(y1, g)]}
    changes = [f"{g} {pct(s0[g])} → {pct(s1[g])}" for g in order if g in s0 and g in s1]
    lead0 = max(s0.items(), key=lambda kv: kv[1]) if s0 else None
    lead1 = max(s1.items(), key=lambda kv: kv[1]) if s1 else None
    chart_kind = "Stacked area chart" if kind == "area" else "Line chart"
    parts = [f"{chart_kind} of the share of {who}{what} by partner group, {y0}–{y1}."]
    if lead0 is not None and lead1 is not None:
        parts.append(f"The largest share went to {lead0[0]} in {y0} ({pct(lead0[1])}) "
                     f"and to {lead1[0]} in {y1} ({pct(lead1[1])}).")
    if changes:
        parts.append(f"Change from {y0} to {y1}: " + "; ".join(changes) + ".")
    parts.append("Each group keeps its colour, point shape and line dash in every lesson.")
    return _finish(alt.layer(*layers, data=agg, **_labels(text, parts, dataset, source),
                             width=WIDTH, height=320))
