"""An interactive timeline of dated items (events, memberships) in rows by category.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import altair as alt
import pandas as pd

from .common import _choose, _columns, _finish, _frame, _labels, _load
from .palette import category_styles
from .text import describe
from .theme import WIDTH

__all__ = ["timeline"]

#: What one point stands for, by dataset (for the text description and tooltips).
ITEM_NAMES = {"events": ("event", "events"), "organisations": ("organisation", "organisations")}


def _title_case(column: str) -> str:
    return column.replace("_", " ").capitalize()


def timeline(
    events: pd.DataFrame | None = None,
    *,
    categories: Sequence[str] | None = None,
    start: Any = None,
    end: Any = None,
    date: str = "date",
    label: str = "title",
    category: str = "category",
    dataset: str = "events",
    title: str | None = None,
    source: str | None = None,
    items: tuple[str, str] | None = None,
    category_title: str | None = None,
) -> alt.Chart:
    """An interactive timeline: one point per event (or organisation …), one row per category.

    A "Category" menu under the chart shows one category at a time; hovering a point
    shows the event's date, title, status and source ids; drag to pan and scroll to
    zoom along time.

    Args:
        events: table with date, title and category columns (default: ``kz.data.load("events")``).
        categories: categories to include (default: all present).
        start, end: date range (anything ``pandas.Timestamp`` accepts, e.g. ``"2014"``).
        items: what one point is, singular and plural, for the description (default from the
            dataset: ``("event", "events")``, ``("organisation", "organisations")``).
        category_title: the rows' title and the menu's name (default from ``category``:
            "Category", or e.g. "Leader" for ``category="leader"``).

    Each event category (economy, un, …) has one fixed colour and shape in every timeline,
    whichever categories it shows (``palette.EVENT_STYLE``); the legend names them. Categories
    named after Kazakhstan, a partner group or a partner country (Russia, China, …) get that
    country's colour and shape (``palette.category_styles``).

    The time axis labels adapt to the range shown (years, months or days), so a timeline
    of a single year reads "January, April, …" rather than the same year twelve times.

    Example:
        >>> ev = pd.DataFrame({"date": pd.to_datetime(["1991-12-16", "2014-03-27"]),
        ...                    "title": ["Independence", "UN vote 68/262"], "category": ["domestic", "un"]})
        >>> print(describe(timeline(ev, source="Test")))  # doctest: +ELLIPSIS
        Timeline of 2 events from 1991 to 2014 in 2 categories: domestic (1), un (1)...
        >>> orgs = pd.DataFrame({"joined": pd.to_datetime(["1992-01-01", "1992-05-15", "2001-06-15"]),
        ...                      "name": ["CIS", "CST", "SCO"], "leader": ["Russia", "Russia", "China and Russia"]})
        >>> print(describe(timeline(orgs, date="joined", label="name", category="leader",
        ...                         dataset="organisations", source="Test")))  # doctest: +ELLIPSIS
        Timeline of 3 organisations (date: Joined) from 1992 to 2001 in 2 leader groups: China and Russia (1), Russia (2). Most organisations are dated 1992 (2)...
    """
    if events is None:
        events = _load(dataset)
    _frame(events, "events")
    _columns(events, date, label, category)
    df = events.copy()
    df[date] = pd.to_datetime(df[date])
    present = [str(c) for c in (df[category].cat.categories if isinstance(df[category].dtype, pd.CategoricalDtype)
                                else sorted(df[category].dropna().astype(str).unique()))]
    if categories is not None:
        _choose(categories, present, "category")
        df = df[df[category].astype(str).isin(categories)]
        present = [c for c in present if c in set(categories)]
    if start is not None:
        df = df[df[date] >= pd.Timestamp(str(start))]
    if end is not None:
        df = df[df[date] <= pd.Timestamp(str(end))]
    _frame(df, "filtered events")
    present = [c for c in present if c in set(df[category].astype(str))]

    keep = {date: "date", label: "event", category: "category"}
    extras = [c for c in ("status", "source_ids", "event_id") if c in df.columns]
    slim = df[list(keep) + extras].rename(columns=keep)
    slim["category"] = slim["category"].astype(str)
    slim["date"] = slim["date"].dt.strftime("%Y-%m-%d")
    for c in extras:
        slim[c] = slim[c].astype("string").fillna("")

    one, many = items or ITEM_NAMES.get(dataset, ("item", "items"))
    cat_title = category_title or ("Category" if category == "category" else _title_case(category))
    pick = alt.param(
        name="category_pick", value=None,
        bind=alt.binding_select(options=[None, *present], labels=["All", *present],
                                name=f"{cat_title} "),
    )
    zoom = alt.selection_interval(bind="scales", encodings=["x"], name="time_zoom")
    tooltip = [alt.Tooltip("date:T", title="Date", format="%d %b %Y"),
               alt.Tooltip("event:N", title=one.capitalize()),
               alt.Tooltip("category:N", title=cat_title)]
    tooltip += [alt.Tooltip(f"{c}:N", title={"status": "Status", "source_ids": "Sources",
                                             "event_id": "Event id"}[c]) for c in extras]
    styles = category_styles(present)
    chart = alt.Chart(slim).mark_point(filled=True, size=90, opacity=0.9).encode(
        # no fixed label format: Vega picks years, months or days for the range in view
        x=alt.X("date:T", title="Date" if date == "date" else _title_case(date),
                axis=alt.Axis(labelOverlap=True), scale=alt.Scale(padding=12)),
        y=alt.Y("category:N", title=cat_title, sort=present),
        # colour and shape share one title, so Vega-Lite draws one legend with both cues
        color=alt.Color("category:N", scale=alt.Scale(domain=present, range=[styles[c].colour for c in present]),
                        title=cat_title),
        shape=alt.Shape("category:N", scale=alt.Scale(domain=present, range=[styles[c].shape for c in present]),
                        title=cat_title),
        # a channel object, not alt.condition(...): the latter's dict is re-validated on every build
        opacity=alt.OpacityValue(0.08, condition={
            "test": "category_pick == null || datum.category == category_pick", "value": 0.95}),
        tooltip=tooltip,
    ).add_params(pick, zoom)

    years = df[date].dt.year
    counts = df[category].astype(str).value_counts()
    busiest = years.value_counts().sort_index().idxmax()
    dated = "" if date == "date" else f" (date: {_title_case(date)})"
    groups = "categories" if cat_title == "Category" else f"{cat_title.lower()} groups"
    parts = [
        f"Timeline of {len(df)} {many if len(df) != 1 else one}{dated} from {years.min()} to {years.max()} "
        f"in {len(present)} {groups}: " + ", ".join(f"{c} ({counts.get(c, 0)})" for c in present) + ".",
        f"Most {many} are dated {busiest} ({int((years == busiest).sum())}).",
        f"Use the {cat_title} menu to show one {cat_title.lower()}; hover a point for the {one}'s "
        "details; drag to pan and scroll to zoom in time.",
    ]
    text = title or f"Timeline of {many} by {cat_title.lower()}"
    return _finish(chart.properties(**_labels(text, parts, dataset, source),
                                    width=WIDTH, height=max(160, 34 * len(present))))
