"""A world map of one UN vote, drawn from geometry shipped with the package (no network).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import altair as alt
import pandas as pd

from .common import _choose, _columns, _finish, _frame, _labels, _load
from .palette import VOTE_STYLE
from .text import describe, listing
from .theme import WIDTH
from .votes import VOTES

__all__ = ["un_vote_map", "world_iso3", "GEOMETRY"]

GEOMETRY = Path(__file__).with_name("geo") / "world-110m.json"


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
    # a narrower map is lower too (fit.py): the world keeps its shape instead of floating in white space
    return _finish(alt.layer(shapes, outline, **_labels(text, parts, dataset, source), width=WIDTH, height=340,
                             usermeta={"kzlessons": {"height_ratio": 0.53}}).project("equalEarth"))
