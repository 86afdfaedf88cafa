"""The one visual language of kzlessons: a colour, a dash and a shape per partner group.

Pure data, no altair import. Colours are the Okabe–Ito palette (Okabe & Ito 2008),
chosen to stay distinguishable with the common colour-vision deficiencies; each
group also has its own stroke dash (for lines) and point shape, so no chart relies
on colour alone.

>>> PARTNER_STYLE["Russia"].colour
'#D55E00'
>>> partner_groups()[:3]
['Russia', 'China', 'EU-27']
>>> style_for("EU-27").shape
'triangle-up'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "PARTNER_GROUPS",
    "PARTNER_STYLE",
    "VOTE_STYLE",
    "CATEGORY_COLOURS",
    "Style",
    "partner_groups",
    "style_for",
    "colour_scale",
    "dash_scale",
    "shape_scale",
    "check_groups",
]


@dataclass(frozen=True)
class Style:
    """How one partner group is drawn everywhere.

    Attributes:
        colour: hex colour (Okabe–Ito).
        dash: Vega-Lite ``strokeDash`` array (empty list = solid line).
        shape: Vega-Lite point shape name.
    """

    colour: str
    dash: tuple[int, ...]
    shape: str


#: The seven partner groups, in the fixed order used by legends and stacks.
PARTNER_GROUPS: tuple[str, ...] = (
    "Russia", "China", "EU-27", "US", "Türkiye", "Central Asia", "Other",
)

#: Fixed group -> style mapping. Never reorder colours: learners learn them across lessons.
PARTNER_STYLE: dict[str, Style] = {
    "Russia": Style("#D55E00", (), "circle"),                 # vermillion, solid
    "China": Style("#E69F00", (8, 3), "square"),              # orange, long dash
    "EU-27": Style("#0072B2", (2, 2), "triangle-up"),         # blue, dotted
    "US": Style("#56B4E9", (8, 3, 2, 3), "diamond"),          # sky blue, dash-dot
    "Türkiye": Style("#009E73", (4, 4), "cross"),             # bluish green, dash
    "Central Asia": Style("#CC79A7", (1, 3), "triangle-down"),  # reddish purple, sparse dots
    "Other": Style("#8C8C8C", (12, 4), "triangle-right"),     # grey, long dash
}

#: Colour for any group outside the fixed seven (e.g. a new category in the data).
_FALLBACK = Style("#000000", (3, 1), "stroke")

#: UN votes: colour + a one-letter mark, so a grid still reads in grey scale.
VOTE_STYLE: dict[str, tuple[str, str]] = {
    "yes": ("#009E73", "Y"),
    "abstain": ("#E69F00", "A"),
    "no": ("#D55E00", "N"),
    "absent": ("#BBBBBB", "–"),
}

#: Okabe–Ito order for any other categorical field (event categories, countries).
CATEGORY_COLOURS: tuple[str, ...] = (
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#8C8C8C",
)


def partner_groups() -> list[str]:
    """The partner groups, taken from the ``partners`` dataset when it loads.

    Falls back to the fixed seven when the data are not available. Groups that the
    data add beyond the seven are appended (drawn in black with their own dash).

    >>> set(PARTNER_GROUPS) <= set(partner_groups())
    True
    """
    try:
        from .. import data

        column = data.load("partners")["partner_group"]
    except Exception:  # data not built yet or not installed: use the fixed list
        return list(PARTNER_GROUPS)
    if hasattr(column, "cat"):  # categorical: every group the codebook allows
        found = list(column.cat.categories)
    else:
        found = list(column.dropna().unique())
    extra = sorted(str(g) for g in found if g not in PARTNER_STYLE)
    return list(PARTNER_GROUPS) + extra


def style_for(group: str) -> Style:
    """The style of one group; unknown groups get a visible black fallback.

    >>> style_for("Türkiye").colour
    '#009E73'
    """
    return PARTNER_STYLE.get(group, _FALLBACK)


def check_groups(names: Iterable[object], accepted: Sequence[str] | None = None) -> None:
    """Raise ValueError naming any partner group that is not known.

    >>> check_groups(["Russia", "China"])
    >>> check_groups(["Rusia"])
    Traceback (most recent call last):
    ...
    ValueError: Unknown partner group 'Rusia'. Accepted values: Russia, China, EU-27, US, Türkiye, Central Asia, Other.
    """
    accepted = list(accepted or partner_groups())
    unknown = [str(n) for n in names if n not in accepted]
    if unknown:
        plural = "groups" if len(unknown) > 1 else "group"
        shown = ", ".join(repr(u) for u in dict.fromkeys(unknown))
        raise ValueError(
            f"Unknown partner {plural} {shown}. Accepted values: {', '.join(accepted)}."
        )


def colour_scale(groups: Sequence[str]) -> dict[str, list]:
    """Vega-Lite ``scale`` mapping each group to its fixed colour.

    >>> colour_scale(["China", "Russia"])
    {'domain': ['China', 'Russia'], 'range': ['#E69F00', '#D55E00']}
    """
    return {"domain": list(groups), "range": [style_for(g).colour for g in groups]}


def dash_scale(groups: Sequence[str]) -> dict[str, list]:
    """Vega-Lite ``scale`` mapping each group to its stroke dash.

    >>> dash_scale(["Russia", "China"])["range"]
    [[1, 0], [8, 3]]
    """
    # [1, 0] draws a solid line; an empty array is not accepted as a scale range value.
    return {"domain": list(groups), "range": [list(style_for(g).dash) or [1, 0] for g in groups]}


def shape_scale(groups: Sequence[str]) -> dict[str, list]:
    """Vega-Lite ``scale`` mapping each group to its point shape.

    >>> shape_scale(["US"])
    {'domain': ['US'], 'range': ['diamond']}
    """
    return {"domain": list(groups), "range": [style_for(g).shape for g in groups]}
