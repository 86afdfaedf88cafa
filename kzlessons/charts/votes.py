"""A grid of UN votes: countries in rows, resolutions or roll calls in columns.

Each cell carries the vote's colour **and** its letter, so it reads without colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import altair as alt
import pandas as pd

from .common import _choose, _columns, _finish, _frame, _labels, _load
from .fit import text_px
from .palette import VOTE_STYLE
from .text import describe, listing
from .theme import WIDTH

__all__ = ["vote_comparison", "VOTES", "DEFAULT_COUNTRIES"]

VOTES = ("yes", "abstain", "no", "absent")
#: Kazakhstan and comparators shown by default when a vote table has many countries.
DEFAULT_COUNTRIES = ("KAZ", "RUS", "CHN", "USA", "TUR", "KGZ", "UZB", "TJK", "TKM",
                     "BLR", "ARM", "AZE", "GEO", "UKR")


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
              sort=order_items, axis=alt.Axis(labelAngle=-30, orient="top", titleAnchor="end"))
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
    # the grid needs ~70 px per column plus the country names (and 420 px for its title and
    # caption): wider is not better, so it is drawn at most that wide (usermeta max_width, see
    # fit.py), and narrower when the page is
    names = max(text_px(c, 12) for c in chosen) + 2 * 13 + 2 * 8
    width = round(min(WIDTH, max(420, 70 * len(order_items) + names)))
    return _finish(alt.layer(
        cells, letters, data=slim, **_labels(text, parts, dataset, source),
        width=width, height=step * len(chosen), usermeta={"kzlessons": {"max_width": width}},
    ))
