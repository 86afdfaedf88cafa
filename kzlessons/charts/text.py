"""Text alternatives: one plain paragraph saying what a chart shows.

Each helper stores its paragraph in the chart's ``description`` property; Vega-Lite
uses it as the chart's ARIA label, the offline renderer sends it as ``text/plain``,
and :func:`describe` returns it for ``print``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def describe(chart: Any) -> str:
    """The text description of a chart (the text alternative).

    Charts made with the kzlessons helpers always carry one; for other charts this
    falls back to their title.

    >>> import altair as alt
    >>> describe(alt.Chart(description="Bars of apples.").mark_bar())
    'Bars of apples.'
    >>> describe(None)
    Traceback (most recent call last):
    TypeError: describe() needs a chart (for example from kz.charts.time_series), not NoneType. Did the cell that makes the chart run?
    """
    text = getattr(chart, "description", None)
    if isinstance(text, str) and text.strip():
        return text
    from .render import text_of

    if not isinstance(chart, dict) and not hasattr(chart, "to_dict"):
        raise TypeError(f"describe() needs a chart (for example from kz.charts.time_series), not "
                        f"{type(chart).__name__}. Did the cell that makes the chart run?")
    spec = chart if isinstance(chart, dict) else chart.to_dict(validate=False)
    return text_of(spec)


def pct(x: float, digits: int = 0) -> str:
    """Format a fraction as a percentage for prose.

    >>> pct(0.456), pct(0.0049, 1)
    ('46%', '0.5%')
    """
    return f"{100 * x:.{digits}f}%"


def number(x: float) -> str:
    """Format a number for prose with thousands separators and few decimals.

    >>> number(1234.5678), number(0.01234), number(12.0)
    ('1,235', '0.0123', '12')
    """
    if x != x:  # NaN
        return "no value"
    if abs(x) >= 100:
        return f"{x:,.0f}"
    if abs(x) >= 1:
        return f"{x:,.2f}".rstrip("0").rstrip(".")
    return f"{x:.3g}"


def listing(items: Iterable[str], conj: str = "and") -> str:
    """Join words as in prose.

    >>> listing(["a"]), listing(["a", "b"]), listing(["a", "b", "c"])
    ('a', 'a and b', 'a, b and c')
    """
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {conj} " + items[-1]
