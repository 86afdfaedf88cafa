"""The kzlessons altair theme: readable fonts, notebook-sized charts, no chart border.

Registered under the name ``"kzlessons"`` by :func:`kzlessons.charts.setup`.
Only Vega-Lite 5 config keys are used, so the spec renders with the Vega-Lite 5
that JupyterLab bundles.
"""

from __future__ import annotations

from typing import Any

from .palette import CATEGORY_COLOURS

THEME_NAME = "kzlessons"
WIDTH = 640
HEIGHT = 320
FONT = "'Source Sans Pro', 'Segoe UI', 'Helvetica Neue', Arial, sans-serif"


def theme() -> dict[str, Any]:
    """The theme as a Vega-Lite top-level fragment (``config``, ``width``, ``height``).

    >>> theme()["config"]["title"]["fontSize"]
    18
    """
    return {
        "config": {
            "view": {"continuousWidth": WIDTH, "continuousHeight": HEIGHT, "stroke": None},
            "font": FONT,
            "background": "white",
            "padding": 8,
            "title": {
                "fontSize": 18, "fontWeight": 600, "anchor": "start", "offset": 10,
                "subtitleFontSize": 12, "subtitleColor": "#444444", "subtitlePadding": 4,
            },
            "axis": {
                "labelFontSize": 12, "titleFontSize": 13, "titleFontWeight": 600,
                "labelColor": "#222222", "titleColor": "#222222", "gridColor": "#E6E6E6",
                "labelLimit": 220,
            },
            "legend": {
                "labelFontSize": 12, "titleFontSize": 13, "symbolSize": 120,
                "symbolStrokeWidth": 2.5, "labelLimit": 220,
            },
            "header": {"labelFontSize": 12, "titleFontSize": 13},
            "range": {"category": list(CATEGORY_COLOURS)},
            "line": {"strokeWidth": 2.5},
            "point": {"size": 60, "filled": True},
            "text": {"fontSize": 12},
        }
    }


def register() -> None:
    """Register (not enable) the theme with altair; safe to call repeatedly."""
    import altair as alt

    if THEME_NAME not in alt.theme.names():
        alt.theme.register(THEME_NAME, enable=False)(theme)
