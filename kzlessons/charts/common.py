"""What every chart helper shares: input checks, the source caption and title, fast display.

Bad input raises ``ValueError`` with a sentence naming the problem and the accepted
values: a missing column, an empty table, an unknown value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import altair as alt
import pandas as pd

from .fit import WIDTH_PARAM, max_width, text_px, title_lines, width_param
from .text import listing

__all__ = ["caption"]

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


def _clean(text: str) -> str:
    """A citation without URLs, on one line, without dangling punctuation."""
    text = " ".join(_URL.sub("", text).split())
    text = re.sub(r"[,;:]+(\s*[(.])", r"\1", text)
    return re.sub(r"\s+([.,;)])", r"\1", text).strip(" ,;")


def caption(dataset: str | None = None, source: str | None = None, limit: int = 200) -> str:
    """The source caption: ``kz.data.cite(dataset)`` without URLs, shortened when longer than ``limit``.

    Under a chart's title it wraps to the chart's width (two or three lines at 640 px).

    A caption cut short ends with "…" and says where the full citation is:
    ``kz.data.cite("name")`` for a dataset, the chart's description otherwise.

    >>> caption(source="IMF, Direction of Trade Statistics, https://data.imf.org (2021).")
    'Source: IMF, Direction of Trade Statistics (2021).'
    >>> caption(source="Voeten, Erik (2013). Data and Analyses of Voting in the UN " * 3, limit=60)
    'Source: Voeten, Erik… (full source: kz.charts.describe(chart))'
    >>> caption("un_votes", source="Voeten, Erik (2013). Data and Analyses " * 3, limit=60)
    'Source: Voeten, Erik… (full citation: kz.data.cite("un_votes"))'
    """
    text = _clean(source if source is not None else (_cite(dataset) if dataset else ""))
    if not text:
        return ""
    if len(text) > limit:
        where = (f' (full citation: kz.data.cite("{dataset}"))' if dataset
                 else " (full source: kz.charts.describe(chart))")
        room = max(20, limit - len(where))
        text = text[: room - 1].rsplit(" ", 1)[0].rstrip(",;:. …") + "…" + where
    return "Source: " + text


def _labels(text: str, parts: list[str], dataset: str | None, source: str | None) -> dict[str, Any]:
    """The ``title`` (with the source caption as subtitle) and ``description`` of a helper chart.

    :func:`_finish` wraps the title and the caption into lines that fit the chart's width (in
    JupyterLab the renderer wraps them again for the width the chart is drawn at, ``fit.py``).
    The description is ``parts`` joined into one paragraph, ending with the full source
    (URLs aside), even when the caption under the title had to be shortened.

    >>> labels = _labels("Trade", ["Bars of trade."], None, "IMF (2021)")
    >>> labels["description"]
    'Bars of trade. Source: IMF (2021).'
    """
    cap = caption(dataset, source)
    if not cap:
        return {"title": alt.Title(text), "description": " ".join(parts)}
    # a shortened caption ends with a line of its own saying where to find it in full
    lines = cap.replace("… (full ", "…\n(full ").split("\n")
    full = "Source: " + _clean(source if source is not None else (_cite(dataset) if dataset else ""))
    sentence = full if full.endswith(".") else full + "."
    return {"title": alt.Title(text, subtitle=lines), "description": " ".join([*parts, sentence])}


def _wrap_titles(chart: Any) -> None:
    """The chart's title and source caption in lines that fit its width (each caption line stays a
    paragraph of its own, so "(full citation: …)" keeps its line)."""
    title, width = getattr(chart, "title", alt.Undefined), getattr(chart, "width", alt.Undefined)
    if not isinstance(title, alt.Title) or not isinstance(width, (int, float)):
        return
    text = title.text if isinstance(title.text, (str, list)) else None
    if text is not None:
        title.text = title_lines(" ".join(text if isinstance(text, list) else [text]), width)
    sub = title.subtitle
    if isinstance(sub, (str, list)):
        title.subtitle = [line for part in ([sub] if isinstance(sub, str) else sub)
                          for line in title_lines(part, width, subtitle=True)]


_LEGEND_CHANNELS = ("color", "fill", "shape", "strokeDash", "strokeWidth", "size")
#: Room (px) a legend entry takes besides its label: symbol, label offset, column padding, margin.
_ENTRY_EXTRA = 34
#: Room (px) beside a bottom legend: the y axis and the padding.
_BESIDE_LEGEND = 80


def _legends_below(chart: Any) -> None:
    """Put every legend of ``chart`` under the plot, in as many columns as the chart's width holds
    (an expression of ``kz_width``, so a narrow chart gets fewer columns instead of a legend cut off
    at the edge). Channels that share a legend get the same settings, so Vega-Lite still merges them."""
    for view in getattr(chart, "layer", None) or [chart]:
        encoding = getattr(view, "encoding", alt.Undefined)
        if encoding is alt.Undefined:
            continue
        for name in _LEGEND_CHANNELS:
            channel = getattr(encoding, name, alt.Undefined)
            if not isinstance(channel, alt.SchemaBase) or not any(
                    channel._get(key) is not alt.Undefined for key in ("field", "shorthand")):
                continue  # a constant (alt.value) or no channel: no legend
            legend = channel._get("legend")
            if legend is None:
                continue
            props = {k: v for k, v in legend._kwds.items() if v is not alt.Undefined} \
                if isinstance(legend, alt.Legend) else {}
            scale = channel._get("scale")
            labels = scale._get("domain") if isinstance(scale, alt.Scale) else None
            if not isinstance(labels, list):
                labels = channel._get("sort") if isinstance(channel._get("sort"), list) else []
            widest = max([text_px(str(x), 12) for x in labels] or [110.0])
            entry = round(widest + _ENTRY_EXTRA + (30 if "labelExpr" in props else 0))
            props.setdefault("orient", "bottom")
            props.setdefault("direction", "horizontal")
            props.setdefault("columns", alt.ExprRef(
                f"max(1, floor(({WIDTH_PARAM} - {_BESIDE_LEGEND}) / {entry}))"))
            channel["legend"] = alt.Legend(**props)


def _finish(chart: Any) -> Any:
    """The finishing touches every helper chart shares.

    The chart carries ``kz_width``, so it fits its width when drawn (``fit.prepared``; JupyterLab
    draws it as wide as the output area, see fit.py), its title and caption wrap to that width
    (:func:`_wrap_titles`), and its legends sit under the plot (:func:`_legends_below`).

    An unmodified helper chart skips altair's schema re-validation when displayed: the helpers'
    specs are validated by the test suite, and re-validating them with jsonschema on every
    display costs more than building them. The fast path lives on this one instance only: any
    change (``.encode``, ``.properties``, ``+``, ``|`` …) returns a copy without it, which
    altair validates as usual.
    """
    if isinstance(chart.width, (int, float)):
        meta = chart.usermeta if isinstance(chart.usermeta, dict) else {}
        params = chart.params if isinstance(chart.params, list) else []
        chart.params = [*params, alt.VariableParameter(**width_param(chart.width, max_width({"usermeta": meta})))]
    _wrap_titles(chart)
    _legends_below(chart)

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
