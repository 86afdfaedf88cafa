"""The chart builders, gathered in one place (the older import path; each lives in its own module).

=================  ==========================  ==========================================
helper             module                      draws
=================  ==========================  ==========================================
partner_shares     ``charts/shares.py``        partner groups' shares of trade over time
timeline           ``charts/timelines.py``     dated events or memberships by category
time_series        ``charts/series.py``        dated lines, one per series, with events
vote_comparison    ``charts/votes.py``         a grid of UN votes by country
un_vote_map        ``charts/maps.py``          a world map of one UN vote
caption            ``charts/common.py``        the one-line source caption
=================  ==========================  ==========================================

Colours, dashes and shapes come from ``charts/palette.py`` only; fonts, sizes and text
colours from ``charts/theme.py``.

Every helper returns an altair chart that has a title, axis titles with units,
tooltips, a source caption (the subtitle, from ``kz.data.cite``) and a text
description (the chart's ``description``; read it with ``kz.charts.describe``).
Helpers aggregate before charting, so a saved chart stays small, and only use
Vega-Lite 5 features, so JupyterLab draws them offline.
"""

from __future__ import annotations

from .common import caption
from .maps import GEOMETRY, _world_text, un_vote_map, world_iso3
from .series import time_series
from .shares import partner_shares
from .timelines import timeline
from .votes import DEFAULT_COUNTRIES, VOTES, vote_comparison

__all__ = ["partner_shares", "timeline", "vote_comparison", "time_series", "un_vote_map", "caption",
           "world_iso3", "GEOMETRY", "VOTES", "DEFAULT_COUNTRIES", "_world_text"]
