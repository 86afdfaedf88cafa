"""Which way lessons are drawn: interactive (JupyterLab, Voila) or static (for publishing).

Static mode is for executing lessons to publish them (``nbconvert``, the course
site): charts become SVG pictures with their text description as alt text, and
each quiz becomes self-contained HTML answered in the page by a small script
shipped with the package (no kernel, no widgets). It is switched on by

* the environment variable ``KZLESSONS_STATIC=1`` (read when asked, so a kernel
  started with it draws statically from the first cell), or
* ``kz.setup(static=True)`` in the notebook (``static=False`` forces interactive).

Nothing here imports altair or ipywidgets.

>>> set_static(None)
>>> static_enabled({"KZLESSONS_STATIC": "1"}), static_enabled({"KZLESSONS_STATIC": "no"}), static_enabled({})
(True, False, False)
>>> set_static(True); static_enabled({}); set_static(None)
True
"""

from __future__ import annotations

import os
from collections.abc import Mapping

__all__ = ["STATIC_ENV", "static_enabled", "set_static"]

#: The environment variable that switches static mode on (``1``, ``true``, ``yes`` or ``on``).
STATIC_ENV = "KZLESSONS_STATIC"
_TRUE = {"1", "true", "yes", "on"}
_forced: bool | None = None


def set_static(value: bool | None) -> None:
    """Force static (True) or interactive (False) mode; None goes back to the environment variable."""
    global _forced
    _forced = None if value is None else bool(value)


def static_enabled(environ: Mapping[str, str] | None = None) -> bool:
    """True when lessons should be drawn statically (see the module docs)."""
    if _forced is not None:
        return _forced
    env = os.environ if environ is None else environ
    return env.get(STATIC_ENV, "").strip().lower() in _TRUE
