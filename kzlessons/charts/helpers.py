"""Chart builders for the lessons.

Every helper returns an altair chart that has a title, axis titles with units,
tooltips, a source caption (the subtitle, from ``kz.data.cite``) and a text
description (the chart's ``description``; read it with ``kz.charts.describe``).
Helpers aggregate before charting, so a saved chart stays small, and only use
Vega-Lite 5 features, so JupyterLab draws them offline.

Bad input raises ``ValueError`` with a sentence naming the problem and the
accepted values: a missing column, an empty table, an unknown partner group,
country, category or vote.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import altair as alt
import pandas as pd

from .text import describe, listing, number, pct
from .palette import (
    CATEGORY_COLOURS,
    PARTNER_GROUPS,
    VOTE_STYLE,
    check_groups,
    colour_scale,
    dash_scale,
    partner_groups,
    shape_scale,
)
from .theme import WIDTH

__all__ = ["partner_shares", "timeline", "vote_comparison", "time_series", "un_vote_map", "caption"]

GEOMETRY = Path(__file__).with_name("geo") / "world-110m.json"
VOTES = ("yes", "abstain", "no", "absent")
#: Kazakhstan and comparators shown by default when a vote table has many countries.
DEFAULT_COUNTRIES = ("KAZ", "RUS", "CHN", "USA", "TUR", "KGZ", "UZB", "TJK", "TKM",
                     "BLR", "ARM", "AZE", "GEO", "UKR")
_URL = re.compile(r"\s*(?:<)?https?://\S+(?:>)?")


# ---------------------------------------------------------------- validation
def _frame(data: Any, name: str) -> pd.DataFrame:
    if not isinstance(data, pd.DataFrame):
        raise ValueError(f"{name} must be a pandas DataFrame, not {type(data).__name__}.")
    if data.empty:
        raise ValueError(f"The {name} table is empty: there is nothing to chart. "
                         "Check the filters you applied before calling the helper.")
    return data


def _columns(data: pd.DataFrame, *columns: str | None) -> None:
    missing = [c for c in columns if c is not None and c not in data.columns]
    if missing:
        plural = "s" if len(missing) > 1 else ""
        raise ValueError(
            f"Column{plural} {listing([repr(m) for m in missing])} not found in the data. "
            f"Available columns: {', '.join(map(str, data.columns))}."
        )


def _choose(values: Iterable[Any], accepted: Sequence[Any], what: str) -> None:
    unknown = [v for v in values if v not in set(accepted)]
    if unknown:
        shown = listing([repr(u) for u in dict.fromkeys(unknown)])
        choices = ", ".join(map(str, accepted[:40])) + (" …" if len(accepted) > 40 else "")
        raise ValueError(f"Unknown {what} {shown}. Accepted values: {choices}.")


def _load(dataset: str) -> pd.DataFrame:
    from .. import data

    return data.load(dataset)


# ---------------------------------------------------------------- captions
@lru_cache(maxsize=64)
def _cite(dataset: str) -> str:
    try:
        from .. import data

        return data.cite(dataset)
    except Exception:
        return f"kzlessons dataset '{dataset}'"


def caption(dataset: str | None = None, source: str | None = None, limit: int = 140) -> str:
    """The one-line source caption: ``kz.data.cite(dataset)`` without URLs, shortened.

    >>> caption(source="IMF, Direction of Trade Statistics, https://data.imf.org (2021).")
    'Source: IMF, Direction of Trade Statistics (2021).'
    """
    text = source if source is not None else (_cite(dataset) if dataset else "")
    text = " ".join(_URL.sub("", text).split())
    text = re.sub(r"[,;:]+(\s*[(.])", r"\1", text)
    text = re.sub(r"\s+([.,;)])", r"\1", text).strip(" ,;")
    if not text:
        return ""
    if len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return "Source: " + text


def _labels(text: str, parts: list[str], dataset: str | None, source: str | None) -> dict[str, Any]:
    """The ``title`` (with the source caption as subtitle) and ``description`` of a helper chart.

    The description is ``parts`` joined into one paragraph, ending with the caption sentence.

    >>> labels = _labels("Trade", ["Bars of trade."], None, "IMF (2021)")
    >>> labels["description"]
    'Bars of trade. Source: IMF (2021).'
    """
    cap = caption(dataset, source)
    if not cap:
        return {"title": alt.Title(text), "description": " ".join(parts)}
    sentence = cap if cap.endswith(".") else cap + "."
    return {"title": alt.Title(text, subtitle=[cap]), "description": " ".join([*parts, sentence])}


def _finish(chart: Any) -> Any:
    """Let an unmodified helper chart skip altair's schema re-validation when displayed.

    The helpers' specs are validated by the test suite, and re-validating them with
    jsonschema on every display costs more than building them. The fast path lives on
    this one instance only: any change (``.encode``, ``.properties``, ``+``, ``|`` …)
    returns a copy without it, which altair validates as usual.
    """

    def _repr_mimebundle_(*_: Any, **__: Any) -> Any:
        try:
            spec = chart.to_dict(validate=False, context={"pre_transform": False})
        except Exception:  # same behaviour as altair: show the traceback, return nothing
            from altair.utils import display_traceback

            display_traceback(in_ipython=True)
            return {}
        renderer = alt.renderers.get()
        return renderer(spec) if renderer else None

    object.__setattr__(chart, "_repr_mimebundle_", _repr_mimebundle_)
    return chart


def _year_axis(title: str = "Year") -> alt.Axis:
    return alt.Axis(format="d", title=title, labelOverlap=True)


# ---------------------------------------------------------------- partner shares
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


# ---------------------------------------------------------------- timeline
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
) -> alt.Chart:
    """An interactive event timeline: one point per event, one row per category.

    A "Category" menu under the chart shows one category at a time; hovering a point
    shows the event's date, title, status and source ids; drag to pan and scroll to
    zoom along time.

    Args:
        events: table with date, title and category columns (default: ``kz.data.load("events")``).
        categories: categories to include (default: all present).
        start, end: date range (anything ``pandas.Timestamp`` accepts, e.g. ``"2014"``).

    Example:
        >>> ev = pd.DataFrame({"date": pd.to_datetime(["1991-12-16", "2014-03-27"]),
        ...                    "title": ["Independence", "UN vote 68/262"], "category": ["domestic", "un"]})
        >>> print(describe(timeline(ev, source="Test")))  # doctest: +ELLIPSIS
        Timeline of 2 events from 1991 to 2014 in 2 categories: domestic (1), un (1)...
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

    pick = alt.param(
        name="category_pick", value=None,
        bind=alt.binding_select(options=[None, *present], labels=["All", *present], name="Category "),
    )
    zoom = alt.selection_interval(bind="scales", encodings=["x"], name="time_zoom")
    tooltip = [alt.Tooltip("date:T", title="Date", format="%d %b %Y"),
               alt.Tooltip("event:N", title="Event"), alt.Tooltip("category:N", title="Category")]
    tooltip += [alt.Tooltip(f"{c}:N", title={"status": "Status", "source_ids": "Sources",
                                             "event_id": "Event id"}[c]) for c in extras]
    colours = [CATEGORY_COLOURS[i % len(CATEGORY_COLOURS)] for i in range(len(present))]
    chart = alt.Chart(slim).mark_point(filled=True, size=90, opacity=0.9).encode(
        x=alt.X("date:T", title="Date (year)", axis=alt.Axis(format="%Y", labelOverlap=True),
                scale=alt.Scale(padding=12)),
        y=alt.Y("category:N", title="Category", sort=present),
        color=alt.Color("category:N", scale=alt.Scale(domain=present, range=colours), legend=None),
        shape=alt.Shape("category:N", legend=None),
        # a channel object, not alt.condition(...): the latter's dict is re-validated on every build
        opacity=alt.OpacityValue(0.08, condition={
            "test": "category_pick == null || datum.category == category_pick", "value": 0.95}),
        tooltip=tooltip,
    ).add_params(pick, zoom)

    years = df[date].dt.year
    counts = df[category].astype(str).value_counts()
    busiest = years.value_counts().sort_index().idxmax()
    parts = [
        f"Timeline of {len(df)} events from {years.min()} to {years.max()} in {len(present)} "
        f"categories: " + ", ".join(f"{c} ({counts.get(c, 0)})" for c in present) + ".",
        f"The year with most events is {busiest} ({int((years == busiest).sum())}).",
        "Use the Category menu to show one category; hover a point for the event's title and "
        "sources; drag to pan and scroll to zoom in time.",
    ]
    text = title or "Timeline of events by category"
    return _finish(chart.properties(**_labels(text, parts, dataset, source),
                                    width=WIDTH, height=max(160, 34 * len(present))))


# ---------------------------------------------------------------- votes
def vote_comparison(
    votes: pd.DataFrame | None = None,
    *,
    countries: Sequence[str] | None = None,
    items: Sequence[Any] | None = None,
    item: str = "resolution",
    country: str = "country",
    vote: str = "vote",
    iso3: str | None = "iso3",
    dataset: str = "ukraine_votes",
    title: str | None = None,
    source: str | None = None,
) -> alt.LayerChart:
    """A grid of votes: countries in rows, resolutions (or roll calls) in columns.

    Each cell is coloured by the vote **and** carries its letter (Y yes, A abstain,
    N no, – absent), so it reads without colour.

    Args:
        votes: table with item, country and vote columns (default: ``kz.data.load("ukraine_votes")``).
        countries: names or ISO3 codes, in the order to show; default: Kazakhstan and
            comparators present in the data (all countries if there are 30 or fewer).
        items: resolutions / roll calls to show (default: all, in date order if dated).

    Example:
        >>> v = pd.DataFrame({"resolution": ["R1", "R1", "R2", "R2"], "country": ["Kazakhstan", "Russia"] * 2,
        ...                   "vote": ["abstain", "no", "absent", "no"]})
        >>> print(describe(vote_comparison(v, iso3=None, source="Test")))  # doctest: +ELLIPSIS
        Grid of votes by 2 countries on 2 resolutions...Kazakhstan: 1 abstain, 1 absent...
    """
    if votes is None:
        votes = _load(dataset)
    _frame(votes, "votes")
    iso3 = iso3 if iso3 and iso3 in votes.columns else None
    _columns(votes, item, country, vote)
    df = votes.copy()
    df[vote] = df[vote].astype(str).str.lower()
    _choose(df[vote].unique(), VOTES, "vote")
    names = df[country].astype(str)
    known = sorted(names.unique())
    lookup = dict(zip(names, names))
    if iso3:
        lookup.update(dict(zip(df[iso3].astype(str), names)))
    if countries is None:
        if len(known) <= 30:
            first = [lookup[c] for c in ("KAZ", "Kazakhstan") if c in lookup][:1]
            chosen = first + [k for k in known if k not in first]
        else:
            chosen = [lookup[c] for c in DEFAULT_COUNTRIES if c in lookup]
            if not chosen:
                raise ValueError("This table has more than 30 countries; pass countries=[...] "
                                 f"to choose. Accepted values: {', '.join(known[:40])} …")
    else:
        accepted = sorted(set(lookup))
        _choose(countries, accepted, "country")
        chosen = list(dict.fromkeys(lookup[c] for c in countries))
    df = df[names.isin(chosen)]
    order_items = list(pd.unique(df.sort_values("date")[item] if "date" in df.columns else df[item]))
    if items is not None:
        _choose(items, order_items, item)
        order_items = list(items)
        df = df[df[item].isin(items)]
    _frame(df, "filtered votes")
    slim = pd.DataFrame({"item": df[item].astype(str), "country": df[country].astype(str),
                         "vote": df[vote]})
    if "date" in df.columns:
        slim["date"] = pd.to_datetime(df["date"]).dt.strftime("%Y-%m-%d")
    slim["mark"] = slim["vote"].map({k: v[1] for k, v in VOTE_STYLE.items()})
    order_items = [str(i) for i in order_items]
    present_votes = [v for v in VOTES if v in set(slim["vote"])]

    tooltip = [alt.Tooltip("country:N", title="Country"), alt.Tooltip("item:N", title=item.capitalize()),
               alt.Tooltip("vote:N", title="Vote")]
    if "date" in slim.columns:
        tooltip.insert(2, alt.Tooltip("date:T", title="Date", format="%d %b %Y"))
    x = alt.X("item:N", title=f"{item.capitalize()} (in date order)" if "date" in slim else item.capitalize(),
              sort=order_items, axis=alt.Axis(labelAngle=-30, orient="top"))
    y = alt.Y("country:N", title="Country", sort=chosen)
    base = alt.Chart()
    cells = base.mark_rect(stroke="white", strokeWidth=1.5).encode(
        x=x, y=y, tooltip=tooltip,
        color=alt.Color("vote:N", title="Vote", sort=present_votes,
                        scale=alt.Scale(domain=present_votes,
                                        range=[VOTE_STYLE[v][0] for v in present_votes]),
                        legend=alt.Legend(labelExpr="datum.label + ' (' + "
                                          "({'yes':'Y','abstain':'A','no':'N','absent':'–'})[datum.label] + ')'")),
    )
    letters = base.mark_text(fontWeight="bold", fontSize=13, color="black").encode(
        x=x, y=y, text=alt.Text("mark:N"), tooltip=tooltip)

    counts = slim.groupby("country")["vote"].value_counts().unstack(fill_value=0)
    parts = [f"Grid of votes by {len(chosen)} countries on {len(order_items)} {item}s "
             f"({listing(order_items[:6])}{' …' if len(order_items) > 6 else ''})."]
    for c in chosen[:12]:
        if c in counts.index:
            row = counts.loc[c]
            parts.append(f"{c}: " + ", ".join(f"{int(row[v])} {v}" for v in VOTES if v in row and row[v]) + ".")
    if len(chosen) > 12:
        parts.append(f"…and {len(chosen) - 12} more countries.")
    parts.append("Colour and letter both show the vote: Y yes, A abstain, N no, – absent.")
    blanks = len(chosen) * len(order_items) - len(slim)
    if blanks > 0:
        parts.append(f"{blanks} blank cells have no record in the data (not the same as absent).")
    text = title or "How countries voted"
    step = 26
    return _finish(alt.layer(
        cells, letters, data=slim, **_labels(text, parts, dataset, source),
        width=min(WIDTH, max(200, 70 * len(order_items))), height=step * len(chosen),
    ))


# ---------------------------------------------------------------- time series
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

    Series named after partner groups (Russia, China, EU-27, US, Türkiye, ...) get their
    fixed colour and dash; other series get Okabe–Ito colours and dashes in turn.

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
        if set(names) <= set(PARTNER_GROUPS):
            names = [g for g in PARTNER_GROUPS if g in names]
            c_scale, d_scale = colour_scale(names), dash_scale(names)
        else:
            dashes = dash_scale(PARTNER_GROUPS)["range"]  # the partner dashes, in turn
            c_scale = {"domain": names,
                       "range": [CATEGORY_COLOURS[i % len(CATEGORY_COLOURS)] for i in range(len(names))]}
            d_scale = {"domain": names, "range": [dashes[i % len(dashes)] for i in range(len(names))]}
        s_title = series.replace("_", " ").capitalize()
        enc["color"] = alt.Color("series:N", title=s_title, scale=alt.Scale(**c_scale), sort=names)
        enc["strokeDash"] = alt.StrokeDash("series:N", title=s_title, scale=alt.Scale(**d_scale), sort=names)
    tooltip.append(alt.Tooltip("y:Q", title=y_axis_title, format=",.4~g"))
    df["y"] = df["y"].astype(float).round(6)
    base = alt.Chart(df)
    line = base.mark_line(point=len(df) <= 40 * max(1, len(names))).encode(
        x=x_enc, y=alt.Y("y:Q", title=y_axis_title, scale=alt.Scale(zero=False)), tooltip=tooltip, **enc)
    layers: list[Any] = [line]

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
    groups = df.groupby("series", sort=False) if series else [(None, df)]
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


# ---------------------------------------------------------------- world map
@lru_cache(maxsize=1)
def _world_text() -> str:
    return GEOMETRY.read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _world() -> dict:
    return json.loads(_world_text())


def world_iso3() -> list[str]:
    """ISO3 codes of the countries drawn on the offline world map.

    >>> "KAZ" in world_iso3(), len(world_iso3()) > 150
    (True, True)
    """
    return sorted(g["id"] for g in _world()["objects"]["countries"]["geometries"] if g["id"])


def un_vote_map(
    votes: pd.DataFrame | None = None,
    *,
    resolution: str | None = None,
    item: str = "resolution",
    iso3: str = "iso3",
    vote: str = "vote",
    country: str = "country",
    highlight: str = "KAZ",
    dataset: str = "ukraine_votes",
    title: str | None = None,
    source: str | None = None,
) -> alt.LayerChart:
    """A world map of one UN vote, from geometry shipped with the package (no network).

    Countries are coloured by vote; countries without a row are "no data" (grey).
    The highlighted country (Kazakhstan by default) gets a thick black outline.
    Small states that the 1:110m map cannot show are named in the description.

    Args:
        votes: table with ISO3 and vote columns, and ``item`` when it holds several votes
            (default: ``kz.data.load("ukraine_votes")``).
        resolution: which vote to map when the table holds several (e.g. ``"A/RES/ES-11/1"``).

    Example:
        >>> v = pd.DataFrame({"iso3": ["KAZ", "RUS", "USA"], "country": ["Kazakhstan", "Russia", "United States"],
        ...                   "vote": ["abstain", "no", "yes"]})
        >>> print(describe(un_vote_map(v, source="Test")))  # doctest: +ELLIPSIS
        World map of votes: 1 yes, 1 abstain, 1 no...Kazakhstan (outlined) voted abstain...
    """
    if votes is None:
        votes = _load(dataset)
    _frame(votes, "votes")
    _columns(votes, iso3, vote)
    df = votes
    if item in df.columns:
        items = list(pd.unique(df[item].astype(str)))
        if resolution is None:
            if len(items) > 1:
                raise ValueError(f"The table holds {len(items)} votes; pass resolution=... to pick one. "
                                 f"Accepted values: {', '.join(items)}.")
            resolution = items[0]
        _choose([resolution], items, item)
        df = df[df[item].astype(str) == resolution]
    elif resolution is not None:
        raise ValueError(f"resolution={resolution!r} was given but there is no {item!r} column. "
                         f"Available columns: {', '.join(map(str, df.columns))}.")
    df = df.copy()
    df[vote] = df[vote].astype(str).str.lower()
    _choose(df[vote].unique(), VOTES, "vote")
    _frame(df, "filtered votes")
    slim = pd.DataFrame({"iso3": df[iso3].astype(str), "vote": df[vote]})
    slim["country"] = df[country].astype(str) if country in df.columns else slim["iso3"]
    on_map = set(world_iso3())
    domain = [v for v in VOTES if v in set(slim["vote"])] + ["no data"]
    colours = [VOTE_STYLE[v][0] for v in domain[:-1]] + ["#EEEEEE"]
    # The TopoJSON goes in as one string: Jupyter saves JSON outputs pretty-printed (one number per
    # line), which would triple the geometry's size in the .ipynb; a string stays compact.
    world = alt.InlineData(values=_world_text(), format=alt.DataFormat(type="topojson", feature="countries"))
    tooltip = [alt.Tooltip("properties.name:N", title="Country"), alt.Tooltip("shown_vote:N", title="Vote")]
    shapes = alt.Chart(world).mark_geoshape(strokeWidth=0.4, stroke="white").transform_lookup(
        lookup="id", from_=alt.LookupData(slim[["iso3", "vote"]], "iso3", ["vote"]),
    ).transform_calculate(
        shown_vote="datum.vote ? datum.vote : 'no data'"
    ).encode(
        color=alt.Color("shown_vote:N", title="Vote", sort=domain,
                        scale=alt.Scale(domain=domain, range=colours)),
        tooltip=tooltip,
    )
    outline = alt.Chart(world).mark_geoshape(fill=None, stroke="black", strokeWidth=1.8).transform_filter(
        alt.datum.id == highlight)
    counts = slim["vote"].value_counts()
    hl = slim[slim["iso3"] == highlight]
    parts = [f"World map of votes{' on ' + resolution if resolution else ''}: "
             + ", ".join(f"{int(counts[v])} {v}" for v in VOTES if v in counts) + "."]
    if len(hl):
        parts.append(f"{hl['country'].iloc[0]} (outlined) voted {hl['vote'].iloc[0]}.")
    near = [c for c in ("RUS", "CHN", "KGZ", "UZB", "TJK", "TKM") if c in set(slim["iso3"])]
    if near:
        sub = slim.set_index("iso3").loc[near]
        parts.append("Neighbours: " + "; ".join(f"{r.country} {r.vote}" for r in sub.itertuples()) + ".")
    hidden = sorted(set(slim["country"][~slim["iso3"].isin(on_map)]))
    if hidden:
        parts.append(f"{len(hidden)} small states are too small to draw at this scale: "
                     f"{listing(hidden[:8])}{' …' if len(hidden) > 8 else ''}.")
    parts.append("Grey means no row in the data.")
    text = title or (f"How the world voted on {resolution}" if resolution else "How the world voted")
    return _finish(alt.layer(shapes, outline, **_labels(text, parts, dataset, source),
                             width=WIDTH, height=340).project("equalEarth"))
