"""Dated line charts, one line per series, with annotated events.

A series named after a country or partner group (Kazakhstan, Russia, "USA", Kyrgyzstan, …)
gets that country's style from ``palette.series_styles``: the same colour, dash and point
shape as in every other chart.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import altair as alt
import pandas as pd

from .common import _choose, _columns, _finish, _frame, _labels, _load, _year_axis
from .palette import KAZAKHSTAN, PARTNER_GROUPS, country_key, series_scales
from .text import describe, listing, number
from .theme import WIDTH

__all__ = ["time_series"]


def _events_frame(events: Any, dataset_events: str = "events") -> pd.DataFrame:
    if events is None:
        return pd.DataFrame(columns=["date", "event"])
    if isinstance(events, pd.DataFrame):
        _columns(events, "date", "title")
        out = events[["date", "title"]].rename(columns={"title": "event"})
    elif isinstance(events, Mapping):
        out = pd.DataFrame({"date": list(events), "event": list(events.values())})
    elif isinstance(events, Iterable) and not isinstance(events, str):
        ids = list(events)
        table = _load(dataset_events)
        known = list(table["event_id"].astype(str))
        _choose(ids, known, "event id")
        out = table[table["event_id"].isin(ids)][["date", "title"]].rename(columns={"title": "event"})
    else:
        raise ValueError("events must be a table with date and title columns, a {date: label} "
                         "mapping, or a list of event ids such as ['E012', 'E040'].")
    out = out.copy()
    if not pd.api.types.is_datetime64_any_dtype(out["date"]):
        text = out["date"].astype(str)
        parsed = pd.to_datetime(text, errors="coerce", format="mixed")
        bad = list(text[parsed.isna()])
        if bad:
            raise ValueError(f"Event date {listing([repr(b) for b in bad[:3]])} cannot be read as a date. "
                             "Write dates like '2015-08-20'.")
        out["date"] = parsed
    return out


def time_series(
    data: pd.DataFrame,
    *,
    x: str = "date",
    y: str = "value",
    series: str | None = None,
    events: Any = None,
    y_title: str | None = None,
    unit: str | None = None,
    dataset: str | None = None,
    title: str | None = None,
    source: str | None = None,
) -> alt.LayerChart:
    """A dated line chart, optionally one line per series, with annotated events.

    Series named after Kazakhstan, a partner group or a partner country (Russia, "USA",
    Kyrgyzstan, "Russian rouble" …) get that country's fixed colour, dash and point shape
    (``palette.series_styles``), Kazakhstan first in the legend; other series (exports,
    imports …) get Okabe–Ito colours, dashes and shapes that no country in the chart uses.

    Args:
        data: tidy table; ``x`` may be dates or integer years.
        series: column naming the line each row belongs to (optional).
        events: vertical annotated rules: a table with ``date`` and ``title``, a
            ``{date: label}`` mapping, or a list of event ids from the ``events`` dataset.
        y_title, unit: the y axis reads "y_title (unit)".
        dataset: dataset name for the source caption (or pass ``source``).

    Example:
        >>> df = pd.DataFrame({"date": pd.to_datetime(["2014-01-01", "2014-06-01", "2015-01-01"]),
        ...                    "value": [155.0, 180.0, 188.0]})
        >>> chart = time_series(df, y_title="Tenge per US dollar", unit="KZT/USD",
        ...                     events={"2014-02-11": "Devaluation"}, source="Test")
        >>> print(describe(chart))  # doctest: +ELLIPSIS
        Line chart of Tenge per US dollar (KZT/USD), Jan 2014 to Jan 2015...rose from 155 to 188...Devaluation...
    """
    _frame(data, "time series")
    _columns(data, x, y, series)
    cols = [x, y] + ([series] if series else [])
    df = data[cols].dropna(subset=[x]).copy()
    df.columns = ["x", "y"] + (["series"] if series else [])
    is_date = pd.api.types.is_datetime64_any_dtype(df["x"])
    if not is_date and not pd.api.types.is_numeric_dtype(df["x"]):
        try:
            df["x"] = pd.to_datetime(df["x"])
            is_date = True
        except (ValueError, TypeError) as err:
            raise ValueError(f"Column {x!r} must hold dates or years.") from err
    if not pd.api.types.is_numeric_dtype(df["y"]):
        raise ValueError(f"Column {y!r} must hold numbers, not {df['y'].dtype}.")
    df = df.sort_values("x")
    fmt_t = "%b %Y"
    label_y = y_title or y.replace("_", " ").capitalize()
    y_axis_title = f"{label_y} ({unit})" if unit else label_y
    if is_date:
        df["x"] = df["x"].dt.strftime("%Y-%m-%d")
        many_years = df["x"].str[:4].nunique() > 3
        x_enc = alt.X("x:T", title="Date", axis=alt.Axis(
            format="%Y" if many_years else "%b %Y", labelOverlap=True,
            tickCount={"interval": "year", "step": 1} if many_years else alt.Undefined))
        x_tip = alt.Tooltip("x:T", title="Date", format="%d %b %Y")
    else:
        x_enc = alt.X("x:Q", title="Year", axis=_year_axis(), scale=alt.Scale(zero=False))
        x_tip = alt.Tooltip("x:Q", title="Year", format="d")
    tooltip = [x_tip]
    enc: dict[str, Any] = {}
    names: list[str] = []
    if series:
        df["series"] = df["series"].astype(str)
        names = list(dict.fromkeys(df["series"]))
        tooltip.append(alt.Tooltip("series:N", title=series.replace("_", " ").capitalize()))
        keys = [country_key(n) for n in names]
        if all(k is not None for k in keys):  # countries: Kazakhstan first, then the partner order
            rank = {KAZAKHSTAN: -1, **{g: i for i, g in enumerate(PARTNER_GROUPS)}}
            names = [n for _, n in sorted(zip(keys, names), key=lambda kn: rank.get(kn[0], len(rank)))]
        scales = series_scales(names)
        s_title = series.replace("_", " ").capitalize()
        enc["color"] = alt.Color("series:N", title=s_title, scale=alt.Scale(**scales["color"]), sort=names)
        enc["strokeDash"] = alt.StrokeDash("series:N", title=s_title, scale=alt.Scale(**scales["strokeDash"]),
                                           sort=names)
        shape = alt.Shape("series:N", title=s_title, scale=alt.Scale(**scales["shape"]), sort=names)
    tooltip.append(alt.Tooltip("y:Q", title=y_axis_title, format=",.4~g"))
    df["y"] = df["y"].astype(float).round(6)
    base = alt.Chart(df)
    show_points = len(df) <= 40 * max(1, len(names))
    y_enc = alt.Y("y:Q", title=y_axis_title, scale=alt.Scale(zero=False))
    if series:
        # the point layer carries each series' shape, so a line reads without its colour
        line = base.mark_line().encode(x=x_enc, y=y_enc, tooltip=tooltip, **enc)
        layers: list[Any] = [line]
        if show_points:
            layers.append(base.mark_point(filled=True, size=50, opacity=1).encode(
                x=x_enc, y=alt.Y("y:Q"), color=enc["color"], shape=shape, tooltip=tooltip))
    else:
        layers = [base.mark_line(point=show_points).encode(x=x_enc, y=y_enc, tooltip=tooltip)]

    ev = _events_frame(events)
    if is_date and len(ev):
        ev = ev.sort_values("date").reset_index(drop=True)
        ev["label"] = ev["event"].astype(str).str.slice(0, 40)
        ev["date"] = ev["date"].dt.strftime("%Y-%m-%d")
        ev_tip = [alt.Tooltip("date:T", title="Date", format="%d %b %Y"), alt.Tooltip("event:N", title="Event")]
        ev["row"] = [i % 3 for i in range(len(ev))]
        rules = alt.Chart(ev).mark_rule(color="#444444", strokeDash=[4, 3]).encode(x=alt.X("date:T"), tooltip=ev_tip)
        # labels stagger over three rows at the top of the plot so neighbours do not overlap
        labels = alt.Chart(ev).transform_calculate(ypix="datum.row * 14 + 2").mark_text(
            align="left", baseline="top", dx=3, fontSize=11, color="#222222",
        ).encode(x=alt.X("date:T"), y=alt.Y("ypix:Q", scale=None, axis=None), text=alt.Text("label:N"), tooltip=ev_tip)
        layers += [rules, labels]

    # description
    def span(s: pd.Series) -> str:
        if is_date:
            a, b = pd.to_datetime(s.iloc[0]), pd.to_datetime(s.iloc[-1])
            return f"{a:{fmt_t}} to {b:{fmt_t}}"
        return f"{int(s.iloc[0])} to {int(s.iloc[-1])}"

    parts = [f"Line chart of {y_axis_title}, {span(df['x'])}"
             + (f", one line per {series.replace('_', ' ')} ({listing(names)})." if series else ".")]
    groups = [(n, df[df["series"] == n]) for n in names] if series else [(None, df)]
    for name, g in groups:
        g = g.dropna(subset=["y"])
        if g.empty:
            continue
        v0, v1 = g["y"].iloc[0], g["y"].iloc[-1]
        trend = "rose" if v1 > v0 else "fell" if v1 < v0 else "stayed"
        lo, hi = g.loc[g["y"].idxmin()], g.loc[g["y"].idxmax()]
        at = (lambda r: f"{pd.to_datetime(r['x']):{fmt_t}}") if is_date else (lambda r: f"{int(r['x'])}")
        who = f"{name}: " if name is not None else "The value "
        parts.append(f"{who}{trend} from {number(v0)} to {number(v1)}; lowest {number(lo['y'])} "
                     f"({at(lo)}), highest {number(hi['y'])} ({at(hi)}).")
    if is_date and len(ev):
        parts.append("Marked events: " + "; ".join(f"{d} {t}" for d, t in zip(ev["date"], ev["event"])) + ".")
    text = title or label_y
    return _finish(alt.layer(*layers, **_labels(text, parts, dataset, source), width=WIDTH, height=320))
