"""The kzlessons altair theme: readable fonts, notebook-sized charts, no chart border.

Registered under the name ``"kzlessons"`` by :func:`kzlessons.charts.setup`.
Only Vega-Lite 5 config keys are used, so the spec renders with the Vega-Lite 5
that JupyterLab bundles.

Text and background come from this one theme. JupyterLab's dark theme asks Vega for its
"dark" theme (white titles, legends and labels); since a chart's own config wins over
that, every text colour is set here explicitly, dark on the chart's white panel, so a
chart reads the same in a light or a dark JupyterLab (tests/browser/test_chart_theme.py).
"""

from __future__ import annotations

from typing import Any

from .palette import CATEGORY_COLOURS

THEME_NAME = "kzlessons"
WIDTH = 640
HEIGHT = 320
FONT = "'Source Sans Pro', 'Segoe UI', 'Helvetica Neue', Arial, sans-serif"
#: The chart panel and the colours of text on it (contrast 16:1 and 10:1 on white).
BACKGROUND = "#FFFFFF"
TEXT_COLOUR = "#222222"
MUTED_TEXT_COLOUR = "#444444"
RULE_COLOUR = "#888888"


def theme() -> dict[str, Any]:
    """The theme as a Vega-Lite top-level fragment (``config``, ``width``, ``height``).

    >>> theme()["config"]["title"]["fontSize"]
    18
    """
    return {
        "config": {
            "view": {"continuousWidth": WIDTH, "continuousHeight": HEIGHT, "stroke": None},
            "font": FONT,
            "background": BACKGROUND,
            "padding": 8,
            "title": {
                "fontSize": 18, "fontWeight": 600, "anchor": "start", "offset": 10,
                "color": TEXT_COLOUR,
                "subtitleFontSize": 12, "subtitleColor": MUTED_TEXT_COLOUR, "subtitlePadding": 4,
            },
            "axis": {
                "labelFontSize": 12, "titleFontSize": 13, "titleFontWeight": 600,
                "labelColor": TEXT_COLOUR, "titleColor": TEXT_COLOUR, "gridColor": "#E6E6E6",
                "domainColor": RULE_COLOUR, "tickColor": RULE_COLOUR, "labelLimit": 220,
            },
            "legend": {
                "labelFontSize": 12, "titleFontSize": 13, "symbolSize": 120,
                "symbolStrokeWidth": 2.5, "labelLimit": 220,
                "labelColor": TEXT_COLOUR, "titleColor": TEXT_COLOUR,
            },
            "header": {"labelFontSize": 12, "titleFontSize": 13,
                       "labelColor": TEXT_COLOUR, "titleColor": TEXT_COLOUR},
            # Vega's own guide styles, which a dark embed theme would turn white
            "style": {
                "guide-label": {"fill": TEXT_COLOUR}, "guide-title": {"fill": TEXT_COLOUR},
                "group-title": {"fill": TEXT_COLOUR}, "group-subtitle": {"fill": MUTED_TEXT_COLOUR},
            },
            "range": {"category": list(CATEGORY_COLOURS)},
            "line": {"strokeWidth": 2.5},
            "point": {"size": 60, "filled": True},
            "text": {"fontSize": 12, "color": TEXT_COLOUR},
        }
    }


def register() -> None:
    """Register (not enable) the theme with altair; safe to call repeatedly."""
    import altair as alt

    if THEME_NAME not in alt.theme.names():
        alt.theme.register(THEME_NAME, enable=False)(theme)


def _luminance(colour: str) -> float:
    """WCAG relative luminance of a ``#RRGGBB`` (or ``#RGB``) colour."""
    hex_ = colour.lstrip("#")
    if len(hex_) == 3:
        hex_ = "".join(c * 2 for c in hex_)
    channels = [int(hex_[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """The WCAG 2 contrast ratio of two colours (1 to 21; body text needs at least 4.5).

    >>> round(contrast_ratio("#000000", "#FFFFFF"), 1), round(contrast_ratio(TEXT_COLOUR, BACKGROUND), 1)
    (21.0, 15.9)
    """
    a, b = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)
