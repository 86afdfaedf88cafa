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


def caption(dataset: str | None = None, source: str | None = None, limit: int = 140) -> str:
    """The one-line source caption: ``kz.data.cite(dataset)`` without URLs, shortened.

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

    The description is ``parts`` joined into one paragraph, ending with the full source
    (URLs aside), even when the caption under the title had to be shortened.

    >>> labels = _labels("Trade", ["Bars of trade."], None, "IMF (2021)")
    >>> labels["description"]
    'Bars of trade. Source: IMF (2021).'
    """
    cap = caption(dataset, source)
    if not cap:
        return {"title": alt.Title(text), "description": " ".join(parts)}
    # a shortened caption takes two lines: the citation, then where to find it in full
    lines = cap.replace("… (full ", "…\n(full ").split("\n")
    full = "Source: " + _clean(source if source is not None else (_cite(dataset) if dataset else ""))
    sentence = full if full.endswith(".") else full + "."
    return {"title": alt.Title(text, subtitle=lines), "description": " ".join([*parts, sentence])}


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
