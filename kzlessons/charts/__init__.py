"""Charts for the lessons: one palette, one theme, offline rendering, helpers with text alternatives.

>>> import kzlessons as kz
>>> kz.setup()                                    # offline renderer + theme; idempotent, quiet
>>> chart = kz.charts.partner_shares()            # doctest: +SKIP
>>> print(kz.charts.describe(chart))              # doctest: +SKIP
>>> kz.charts.save(chart, "shares.svg")           # doctest: +SKIP

One module per chart kind: ``shares`` (partner_shares), ``timelines`` (timeline), ``series``
(time_series), ``votes`` (vote_comparison), ``maps`` (un_vote_map); ``common`` holds what
they share (input checks, captions). ``palette`` is the one place for colours, dashes and
shapes (partner groups, Kazakhstan, votes); ``theme`` for fonts, sizes and text colours.

``kzlessons.charts.palette`` is pure (no altair); everything else imports altair
lazily, on first use.
"""

from __future__ import annotations

import importlib
from typing import Any

from . import palette
from .palette import PARTNER_GROUPS, PARTNER_STYLE, partner_groups

_LAZY = {
    "setup": "render", "save": "render", "is_offline_safe": "render", "remote_references": "render",
    "MIMETYPE": "render", "describe": "text",
    "partner_shares": "shares", "timeline": "timelines", "vote_comparison": "votes",
    "time_series": "series", "un_vote_map": "maps", "caption": "common", "world_iso3": "maps",
    "theme": "theme",
}

__all__ = ["palette", "PARTNER_GROUPS", "PARTNER_STYLE", "partner_groups", *_LAZY]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module = importlib.import_module(f"{__name__}.{_LAZY[name]}")
        value = module if name == "theme" else getattr(module, name)
        return value
    raise AttributeError(f"module 'kzlessons.charts' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])
