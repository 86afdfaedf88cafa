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

Countries are drawn in their partner group's style wherever they appear: a series or
category named "Russia", "RUS", "Russian Federation" or "Russian rouble" is vermillion,
solid and round in every chart, and Kazakhstan itself has one fixed style of its own
(black, solid, a star). :func:`series_styles` gives every helper that draws named series
the same answer:

>>> styles = series_styles(["Kazakhstan", "Russia", "China", "US"])
>>> [styles[n].colour for n in styles]
['#000000', '#D55E00', '#E69F00', '#56B4E9']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "PARTNER_GROUPS",
    "PARTNER_STYLE",
    "VOTE_STYLE",
    "CATEGORY_COLOURS",
    "EVENT_CATEGORIES",
    "EVENT_STYLE",
    "category_styles",
    "Style",
    "partner_groups",
    "style_for",
    "colour_scale",
    "dash_scale",
    "shape_scale",
    "check_groups",
    "KAZAKHSTAN",
    "KAZAKHSTAN_STYLE",
    "country_key",
    "series_styles",
    "series_scales",
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

#: A five-pointed star in Vega's unit square (a custom SVG path is a valid Vega shape).
STAR = ("M0,-1L0.225,-0.31L0.951,-0.309L0.363,0.118L0.588,0.809L0,0.382L-0.588,0.809"
        "L-0.363,0.118L-0.951,-0.309L-0.225,-0.31Z")

#: The country the course is about: one fixed style, unlike any partner group's.
KAZAKHSTAN = "Kazakhstan"
KAZAKHSTAN_STYLE = Style("#000000", (), STAR)               # black, solid, star

#: Colour for any group outside the fixed seven (e.g. a new category in the data).
_FALLBACK = Style("#5A5A5A", (3, 1), "stroke")

#: Names, ISO3 codes and currencies that stand for Kazakhstan or a partner group.
#: Matching ignores case. Other countries are found through the ``partners`` dataset.
COUNTRY_ALIASES: dict[str, str] = {
    **dict.fromkeys(["kazakhstan", "kaz", "qazaqstan", "republic of kazakhstan", "kazakh tenge",
                     "tenge", "kzt"], KAZAKHSTAN),
    **dict.fromkeys(["russia", "rus", "russian federation", "russian rouble", "russian ruble",
                     "rouble", "ruble", "rub"], "Russia"),
    **dict.fromkeys(["china", "chn", "people's republic of china", "china, p.r.: mainland",
                     "chinese yuan", "yuan", "renminbi", "cny"], "China"),
    **dict.fromkeys(["us", "usa", "u.s.", "united states", "united states of america"], "US"),
    **dict.fromkeys(["türkiye", "turkiye", "turkey", "tur", "turkish lira", "try"], "Türkiye"),
    **dict.fromkeys(["eu-27", "eu27", "eu", "eu-28", "european union", "euro area", "euro"], "EU-27"),
    **dict.fromkeys(["central asia"], "Central Asia"),
    **dict.fromkeys(["other"], "Other"),
}

#: Extra dashes and shapes for a second (third …) country of the same partner group in one
#: chart, e.g. Kyrgyzstan and Uzbekistan together: same group colour, a different dash and shape.
_VARIANT_DASHES: tuple[tuple[int, ...], ...] = ((6, 2, 1, 2), (3, 1), (10, 2, 2, 2), (1, 1))
_VARIANT_SHAPES: tuple[str, ...] = ("triangle-left", "wedge", "arrow", "triangle")

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


#: The eight event categories of the ``events`` dataset, in its codebook's order.
EVENT_CATEGORIES: tuple[str, ...] = (
    "domestic", "security", "nuclear", "economy", "integration", "diplomacy", "un", "ukraine",
)

#: Fixed event category -> style, used by every timeline in every lesson, whichever categories
#: a chart shows: "green square = economy" learnt in lesson 00 stays true in lesson 06. Each
#: category has its own colour (the eight of :data:`CATEGORY_COLOURS`) *and* its own shape, so
#: colour is never the only cue. Never reorder: learners learn them across lessons.
EVENT_STYLE: dict[str, Style] = {
    "domestic": Style("#000000", (), STAR),                     # black star: Kazakhstan itself
    "security": Style("#D55E00", (8, 3), "triangle-up"),        # vermillion, a warning triangle
    "nuclear": Style("#E69F00", (2, 2), "diamond"),             # orange
    "economy": Style("#009E73", (8, 3, 2, 3), "square"),        # bluish green
    "integration": Style("#CC79A7", (4, 4), "cross"),           # reddish purple, a joining cross
    "diplomacy": Style("#8C8C8C", (1, 3), "circle"),            # grey: the steady background of visits
    "un": Style("#56B4E9", (12, 4), "triangle-down"),           # sky blue, as the UN's flag
    "ukraine": Style("#0072B2", (6, 2, 1, 2), "triangle-right"),  # blue
}


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


def _partner_names() -> dict[str, str]:
    """Lower-case country name / ISO3 code -> partner group, from the ``partners`` dataset."""
    try:
        from .. import data

        table = data.load("partners")
    except Exception:  # data not built yet: the aliases above still work
        return {}
    out: dict[str, str] = {}
    for column in ("iso3", "name", "imf_name"):
        if column in table.columns:
            for key, group in zip(table[column], table["partner_group"]):
                if isinstance(key, str) and isinstance(group, str):
                    out.setdefault(key.strip().lower(), group)
    return out


_PARTNER_NAMES: dict[str, str] | None = None


def country_key(name: object) -> str | None:
    """The palette entry a series name stands for: ``"Kazakhstan"``, a partner group, or None.

    >>> country_key("RUS"), country_key("United States"), country_key("Kazakh tenge")
    ('Russia', 'US', 'Kazakhstan')
    >>> country_key("Kyrgyzstan"), country_key("exports")
    ('Central Asia', None)
    """
    global _PARTNER_NAMES
    key = str(name).strip().lower()
    if key in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[key]
    if _PARTNER_NAMES is None:
        _PARTNER_NAMES = _partner_names()
    group = _PARTNER_NAMES.get(key)
    if group is None:
        return None
    return KAZAKHSTAN if group.lower() == "kazakhstan" else group


def series_styles(names: Sequence[object], taken: Iterable[Style] = ()) -> dict[str, Style]:
    """One style per series or category name, in the given order: the rule every chart follows.

    * Kazakhstan (by name, code or currency) gets :data:`KAZAKHSTAN_STYLE`;
    * a partner group, or a country of one (Russia, "USA", Kyrgyzstan, …), gets the group's
      style; a second country of the same group in one chart keeps the group colour and gets
      a dash and shape of its own;
    * any other name (exports, "Dutch report", an event category) gets an Okabe–Ito colour,
      dash and shape that no country in the same chart uses (nor any style in ``taken``), in turn.

    >>> s = series_styles(["exports", "Russia", "imports"])
    >>> s["Russia"] == PARTNER_STYLE["Russia"], s["exports"].colour, s["imports"].colour
    (True, '#0072B2', '#009E73')
    >>> k = series_styles(["Kyrgyzstan", "Uzbekistan"])
    >>> k["Kyrgyzstan"].colour == k["Uzbekistan"].colour, k["Kyrgyzstan"].dash != k["Uzbekistan"].dash
    (True, True)
    """
    ordered = [str(n) for n in dict.fromkeys(str(n) for n in names)]
    out: dict[str, Style] = {}
    seen: dict[str, int] = {}
    others: list[str] = []
    for name in ordered:
        key = country_key(name)
        if key is None:
            others.append(name)
            continue
        base = KAZAKHSTAN_STYLE if key == KAZAKHSTAN else style_for(key)
        n = seen.get(key, 0)
        seen[key] = n + 1
        if n == 0:
            out[name] = base
        else:
            out[name] = Style(base.colour, _VARIANT_DASHES[(n - 1) % len(_VARIANT_DASHES)],
                              _VARIANT_SHAPES[(n - 1) % len(_VARIANT_SHAPES)])
    fixed = [*out.values(), *taken]
    used_colours = {s.colour for s in fixed}
    used_dashes = {s.dash for s in fixed}
    used_shapes = {s.shape for s in fixed}
    colours = [c for c in CATEGORY_COLOURS if c not in used_colours] or list(CATEGORY_COLOURS)
    partner_order = [PARTNER_STYLE[g] for g in PARTNER_GROUPS]
    dashes = [s.dash for s in partner_order if s.dash not in used_dashes] or [s.dash for s in partner_order]
    shapes = [s.shape for s in partner_order if s.shape not in used_shapes] or [s.shape for s in partner_order]
    for i, name in enumerate(others):
        out[name] = Style(colours[i % len(colours)], dashes[i % len(dashes)], shapes[i % len(shapes)])
    return {name: out[name] for name in ordered}


def category_styles(names: Sequence[object]) -> dict[str, Style]:
    """One style per category of a timeline: an event category always gets its :data:`EVENT_STYLE`.

    Whichever categories a chart shows, and in whatever order, each event category is drawn
    the same; any other category (a leading state, a category of the learner's own) follows
    :func:`series_styles`, in a colour, dash and shape that no event category in the chart uses.

    >>> category_styles(["economy"])["economy"] == category_styles(["un", "economy"])["economy"]
    True
    >>> category_styles(["domestic", "Russia"])["Russia"] == PARTNER_STYLE["Russia"]
    True
    >>> category_styles(["economy", "war"])["war"].colour != EVENT_STYLE["economy"].colour
    True
    """
    ordered = [str(n) for n in dict.fromkeys(str(n) for n in names)]
    events = {n: EVENT_STYLE[n] for n in ordered if n in EVENT_STYLE}
    others = series_styles([n for n in ordered if n not in events], taken=events.values())
    return {n: events.get(n) or others[n] for n in ordered}


def series_scales(names: Sequence[object]) -> dict[str, dict[str, list]]:
    """Vega-Lite colour, dash and shape scales for named series, from :func:`series_styles`.

    >>> series_scales(["Kazakhstan", "Russia"])["color"]
    {'domain': ['Kazakhstan', 'Russia'], 'range': ['#000000', '#D55E00']}
    """
    styles = series_styles(names)
    domain = list(styles)
    return {
        "color": {"domain": domain, "range": [s.colour for s in styles.values()]},
        "strokeDash": {"domain": domain, "range": [list(s.dash) or [1, 0] for s in styles.values()]},
        "shape": {"domain": domain, "range": [s.shape for s in styles.values()]},
    }
