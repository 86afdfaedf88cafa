"""The header shown at the top of each lesson: title, minutes, objectives, prerequisites, data and sources.

In a lesson: ``kz.lesson.header()`` (the running notebook, found from the Jupyter
session) or ``kz.lesson.header("02")``. :class:`Header` shows as HTML in Jupyter and
as plain text elsewhere.

>>> print(repr(Header({"id": "02", "title": "Following the trade", "minutes": 48,
...                    "objectives": ["You will be able to read an HHI"]})))
Lesson 02 · Following the trade
About 48 minutes.
In this lesson:
  - You will be able to read an HHI
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .meta import metadata, notebook_path

__all__ = ["Header", "header"]


class Header:
    """A lesson header: shows as HTML in Jupyter and as plain text elsewhere."""

    def __init__(self, meta: dict[str, Any], citations: dict[str, str] | None = None) -> None:
        self.meta = meta
        self.citations = citations or {}

    def _datasets(self) -> list[str]:
        return [f"{d} — {self.citations[d]}" if self.citations.get(d) else d
                for d in self.meta.get("datasets", [])]

    def __repr__(self) -> str:
        m = self.meta
        lines = [f"Lesson {m.get('id', '?')} · {m.get('title', '')}",
                 f"About {m.get('minutes', '?')} minutes."]
        if m.get("prerequisites"):
            lines.append("Before this: lesson " + ", ".join(m["prerequisites"]) + ".")
        lines.append("In this lesson:")
        lines += [f"  - {o}" for o in m.get("objectives", [])]
        if m.get("datasets"):
            lines.append("Data:")
            lines += [f"  - {d}" for d in self._datasets()]
        if m.get("sources"):
            lines.append("Sources: " + ", ".join(m["sources"]) + " (see References at the end).")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        m = self.meta
        e = html.escape
        parts = ['<section class="kzlessons-header" aria-label="Lesson overview" '
                 'style="border-left:4px solid #0072B2;padding:0.4em 0.9em;margin:0.3em 0">',
                 f"<h2 style='margin:0.1em 0'>Lesson {e(str(m.get('id', '')))} · {e(str(m.get('title', '')))}</h2>",
                 f"<p><strong>Time:</strong> about {e(str(m.get('minutes', '?')))} minutes"]
        if m.get("prerequisites"):
            parts.append(f" · <strong>Before this:</strong> lesson {e(', '.join(m['prerequisites']))}")
        parts.append("</p><p><strong>In this lesson</strong></p><ul>")
        parts += [f"<li>{e(o)}</li>" for o in m.get("objectives", [])]
        parts.append("</ul>")
        if m.get("datasets"):
            parts.append("<details><summary><strong>Data used</strong></summary><ul>")
            parts += [f"<li>{e(d)}</li>" for d in self._datasets()]
            parts.append("</ul></details>")
        if m.get("sources"):
            parts.append(f"<p><strong>Sources:</strong> {e(', '.join(m['sources']))} (see References at the end)</p>")
        parts.append("</section>")
        return "".join(parts)


def _current_notebook() -> Path | None:
    """The running notebook's path, when the Jupyter server told the kernel (else None)."""
    candidates = [os.environ.get("JPY_SESSION_NAME")]
    try:
        from IPython import get_ipython

        ip = get_ipython()
        if ip is not None:
            candidates += [ip.user_ns.get("__session__"), ip.user_ns.get("__vsc_ipynb_file__")]
    except ImportError:  # pragma: no cover
        pass
    for c in candidates:
        if c and str(c).endswith(".ipynb"):
            p = Path(str(c))
            if p.is_file():
                return p
            m = re.match(r"(\d{2})_", p.name)
            if m:
                try:
                    return notebook_path(m.group(1))
                except ValueError:
                    continue
    return None


def _citations(names: Sequence[str]) -> dict[str, str]:
    """Citations of the named datasets; a header still shows when the data are missing."""
    from .. import data

    out = {}
    for n in names:
        try:
            out[n] = data.cite(n)
        except (KeyError, data.DataFileError):
            continue
    return out


def header(lesson: str | os.PathLike | dict[str, Any] | None = None, *, show: bool = True) -> Header | None:
    """Show the lesson's header (title, minutes, objectives, prerequisites, data).

    Args:
        lesson: a lesson id such as ``"02"``, a notebook path or a notebook dict. Without
            it, the current notebook is found from the Jupyter session (``JPY_SESSION_NAME``).
        show: display it (default); with ``show=False`` return the Header instead.

    >>> h = header({"metadata": {"kzlessons": {"id": "00", "title": "Start here", "minutes": 30,
    ...             "objectives": ["You will be able to run a lesson"]}}}, show=False)
    >>> print(repr(h).splitlines()[0])
    Lesson 00 · Start here
    """
    if lesson is None:
        path = _current_notebook()
        if path is None:
            print("kzlessons: could not tell which lesson this is; use kz.lesson.header(\"02\") "
                  "with the lesson number.")
            return None
        meta = metadata(path)
    else:
        meta = metadata(lesson)
    obj = Header(meta, _citations(meta.get("datasets", [])))
    if not show:
        return obj
    try:
        from IPython.display import display

        display(obj)
    except ImportError:  # pragma: no cover
        print(repr(obj))
    return None
