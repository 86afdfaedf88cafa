"""Offline chart rendering for JupyterLab and Voila, plus offline PNG/SVG export.

Altair's default renderer emits HTML that loads vega, vega-lite and vega-embed
from a public CDN, so charts stay blank without a network. The ``kzlessons``
renderer instead emits the chart's Vega-Lite JSON under the
``application/vnd.vegalite.v5+json`` mimetype, which JupyterLab (and Voila, which
reuses JupyterLab's renderers) draw with the Vega-Lite 5 bundled in the
frontend: no script is fetched, and a saved chart costs only its JSON (a few KB
plus its data), instead of ~900 KB for altair's ``inline`` HTML template.

Every bundle also carries ``text/plain``: the chart's text description, which
is what plain-text views, screen readers in those views and ``nbval`` see.

Every bundle also carries a tiny static ``image/png`` (2 KB, ``preview.png``:
"Interactive chart: it draws in JupyterLab or Voila …"). Without it, JupyterLab's
Vega renderer rasterises each drawn chart and *adds* that PNG to the output on
save (measured: 50–150 KB per chart), which breaks the ~100 KB-per-chart budget;
it skips this when an ``image/png`` is already present. Static viewers (GitHub)
show the preview note instead of a picture.

Output metadata sets vega-embed options: SVG renderer (ARIA roles on marks) and an
actions menu limited to PNG/SVG export (no "Open in Vega Editor" link to the web).

**Static mode** (``KZLESSONS_STATIC=1`` or ``kz.setup(static=True)``, see :mod:`kzlessons._mode`),
for executing lessons to publish them: the ``kzlessons-static`` renderer draws each chart
to SVG with vl-convert (the ``export`` extra; no browser, no network) and emits it as
``text/html``, an ``<img>`` whose ``alt`` is the chart's text description, plus that text as
``text/plain``. nbconvert, nbviewer and the course site then show a real picture.
"""

from __future__ import annotations

import base64
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

RENDERER_NAME = "kzlessons"
STATIC_RENDERER_NAME = "kzlessons-static"
MIMETYPE = "application/vnd.vegalite.v5+json"
SCHEMA_V5 = "https://vega.github.io/schema/vega-lite/v5.json"
#: Rows altair may inline per dataset before it refuses (aggregate first; keeps outputs small).
MAX_ROWS = 5000

PREVIEW_PNG = Path(__file__).with_name("preview.png")
#: vega-embed options passed through output metadata (JupyterLab reads ``embed_options``).
EMBED_OPTIONS: dict[str, Any] = {
    "renderer": "svg",
    "actions": {"export": True, "source": False, "compiled": False, "editor": False},
}

_REMOTE = re.compile(r"""(?:<script[^>]+src\s*=\s*["']?\s*(?:https?:)?//)|(?:import\s*(?:\(|[^;]*?from)\s*["'](?:https?:)?//)|(?:https?://cdn\.|jsdelivr|unpkg\.com|esm\.sh)""", re.I)


def to_v5(spec: dict[str, Any]) -> dict[str, Any]:
    """Return a copy of an altair spec dict labelled for Vega-Lite 5.

    The helpers only use features that Vega-Lite 5 understands (a test compiles
    every helper's spec with Vega-Lite 5.8 to prove it).

    >>> to_v5({"$schema": "https://vega.github.io/schema/vega-lite/v6.4.1.json", "mark": "bar"})["$schema"]
    'https://vega.github.io/schema/vega-lite/v5.json'
    """
    out = dict(spec)
    out["$schema"] = SCHEMA_V5
    return out


def text_of(spec: dict[str, Any]) -> str:
    """The text alternative stored in a spec's ``description`` (or a plain fallback)."""
    text = spec.get("description")
    if isinstance(text, str) and text.strip():
        return text
    title = spec.get("title")
    if isinstance(title, dict):
        title = title.get("text")
    if isinstance(title, list):
        title = " ".join(map(str, title))
    return f"Chart: {title}" if title else "Chart (no description given)."


@lru_cache(maxsize=1)
def _preview() -> str:
    return base64.b64encode(PREVIEW_PNG.read_bytes()).decode("ascii")


def renderer(spec: dict[str, Any], **_: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """The altair renderer: (mime bundle, metadata). Vega-Lite 5 JSON, the text description and
    the small static preview PNG; no HTML, no scripts. A chart that fits its width (every helper
    chart) also gets the vega-embed options that draw it as wide as the output area (fit.py)."""
    from .fit import embed_options, prepared

    spec = prepared(to_v5(spec))
    data = {MIMETYPE: spec, "image/png": _preview(), "text/plain": text_of(spec)}
    return data, {MIMETYPE: {"embed_options": embed_options(spec, EMBED_OPTIONS)}}


def _vlc() -> Any:
    try:
        import vl_convert as vlc
    except ImportError:
        raise ImportError(
            "Drawing charts as static pictures (static mode) or saving them as files needs the optional "
            "vl-convert package: pip install 'kzlessons[export]'. For interactive charts, leave "
            "static mode off (unset KZLESSONS_STATIC)."
        ) from None
    return vlc


def to_svg(spec: dict[str, Any]) -> str:
    """The chart drawn as SVG text by vl-convert with Vega-Lite 5 (offline)."""
    return _vlc().vegalite_to_svg(to_v5(spec), vl_version="5.20")


_SIZE = re.compile(r"<svg[^>]*?\swidth=\"([\d.]+)\"[^>]*?\sheight=\"([\d.]+)\"")


def _data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def _dims(svg: str) -> str:
    size = _SIZE.search(svg)
    return f' width="{round(float(size.group(1)))}" height="{round(float(size.group(2)))}"' if size else ""


def static_html(svg: str, text: str, narrow_svg: str | None = None) -> str:
    """An ``<img>`` holding ``svg`` as a data URI, with ``text`` as its alt text (escaped).

    With ``narrow_svg`` (the same chart drawn for a phone, ``fit.narrowed``), a ``<picture>``
    shows that one on screens up to ``fit.NARROW_MEDIA`` wide, so its text stays full size.
    The picture never grows wider than its column (``max-width: 100%``).

    >>> html = static_html('<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"></svg>', 'A "bar" chart')
    >>> 'alt="A &quot;bar&quot; chart"' in html, 'width="20" height="10"' in html, '<picture>' in html
    (True, True, False)
    >>> '<source media="(max-width: 560px)"' in static_html('<svg/>', 'A chart', narrow_svg='<svg/>')
    True
    """
    from html import escape

    from .fit import NARROW_MEDIA

    img = (f'<img src="{_data_uri(svg)}" alt="{escape(text, quote=True)}"{_dims(svg)} '
           'style="max-width:100%;height:auto;background:#fff">')
    if narrow_svg is not None:
        img = (f'<picture><source media="{NARROW_MEDIA}" srcset="{_data_uri(narrow_svg)}"{_dims(narrow_svg)}>'
               f'{img}</picture>')
    return f'<figure class="kzlessons-chart-static" style="margin:0.3em 0">{img}</figure>'


def static_renderer(spec: dict[str, Any], **_: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """The static-mode altair renderer: the chart as an SVG ``<img>`` with alt text, and that text.
    A chart that fits its width is also drawn for a phone (``<picture>``, see :func:`static_html`)."""
    from .fit import fits, narrowed, prepared

    spec = prepared(spec)
    text = text_of(spec)
    narrow = to_svg(narrowed(spec)) if fits(spec) and spec["width"] > narrowed(spec)["width"] else None
    return {"text/html": static_html(to_svg(spec), text, narrow), "text/plain": text}, {}


def bundle(chart: Any) -> dict[str, Any]:
    """The mime data a chart displays with under the active renderer (metadata dropped)."""
    out = chart._repr_mimebundle_()
    if isinstance(out, tuple):
        out = out[0]
    return out or {}


def remote_references(bundle: dict[str, Any] | str) -> list[str]:
    """Remote script or data URLs in a rendered bundle (empty list = offline-safe).

    Looks for ``<script src=http…>``, ES-module imports from URLs, CDN hosts, and
    Vega-Lite ``data.url`` entries. The informational ``$schema`` URL is ignored
    (no renderer fetches it).

    >>> remote_references(renderer({"mark": "point", "data": {"values": [{"a": 1}]}}))
    []
    >>> remote_references({"text/html": '<script src="https://cdn.jsdelivr.net/npm/vega@5"></script>'})
    ['script or module loaded from the web in text/html']
    >>> remote_references(renderer({"mark": "point", "data": {"url": "https://example.org/x.csv"}}))
    ['data loaded from https://example.org/x.csv']
    """
    if isinstance(bundle, tuple):
        bundle = {**bundle[0], **{f"metadata {k}": v for k, v in bundle[1].items()}}
    if isinstance(bundle, str):
        bundle = {"text/html": bundle}
    found: list[str] = []
    for mime, content in bundle.items():
        if mime == "image/png":
            continue
        if isinstance(content, str):
            if _REMOTE.search(content):
                found.append(f"script or module loaded from the web in {mime}")
            continue
        for url in _data_urls(content):
            found.append(f"data loaded from {url}")
    return found


def _data_urls(node: Any) -> list[str]:
    urls: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "url" and isinstance(value, str):
                urls.append(value)
            elif key != "$schema":
                urls += _data_urls(value)
    elif isinstance(node, list):
        for item in node:
            urls += _data_urls(item)
    return urls


def setup(static: bool | None = None) -> None:
    """Enable the offline renderer (or, in static mode, the SVG one) and the theme. Idempotent, quiet.

    Args:
        static: True for static mode, False for interactive; None (the default) keeps what was
            chosen before, else reads ``KZLESSONS_STATIC`` (see :mod:`kzlessons._mode`).

    >>> setup(); setup()
    >>> import altair as alt
    >>> alt.renderers.active, alt.theme.active
    ('kzlessons', 'kzlessons')
    """
    import altair as alt

    from .. import _mode
    from .theme import THEME_NAME, register

    if static is not None:
        _mode.set_static(static)
    wanted = RENDERER_NAME
    if _mode.static_enabled():
        _vlc()  # fail now, with a sentence, rather than at the first chart
        wanted = STATIC_RENDERER_NAME
    if RENDERER_NAME not in alt.renderers.names():
        alt.renderers.register(RENDERER_NAME, renderer)
    if STATIC_RENDERER_NAME not in alt.renderers.names():
        alt.renderers.register(STATIC_RENDERER_NAME, static_renderer)
    if alt.renderers.active != wanted:
        alt.renderers.enable(wanted)
    register()
    if alt.theme.active != THEME_NAME:
        alt.theme.enable(THEME_NAME)
    if alt.data_transformers.active != "default" or alt.data_transformers.options.get("max_rows") != MAX_ROWS:
        alt.data_transformers.enable("default", max_rows=MAX_ROWS)


def is_offline_safe() -> tuple[bool, str]:
    """Whether charts drawn now render without a network, and why (one plain sentence)."""
    try:
        import altair as alt
    except ImportError:
        return False, "altair is not installed, so charts cannot be drawn; run 'pip install altair'."
    if alt.renderers.active == STATIC_RENDERER_NAME:
        import pandas as pd

        probe = alt.Chart(pd.DataFrame({"x": [1, 2]}), description="probe").mark_point().encode(x="x:Q")
        html = bundle(probe).get("text/html", "")
        if "data:image/svg+xml" not in html or remote_references({"text/html": html}):
            return False, "the static-mode renderer did not produce an offline SVG picture."
        return True, "charts are drawn as static SVG pictures (static mode), which need no network."
    if alt.renderers.active != RENDERER_NAME:
        return False, (f"the active altair renderer is {alt.renderers.active!r}, which loads its "
                       "JavaScript from the web; run kz.setup() first.")
    import pandas as pd

    probe = alt.Chart(pd.DataFrame({"x": [1, 2]}), description="probe").mark_point().encode(x="x:Q")
    remote = remote_references(probe._repr_mimebundle_() or {})
    if not remote and not bundle(probe).get(MIMETYPE):
        return False, "the kzlessons renderer produced no Vega-Lite output."
    if remote:
        return False, "a chart output refers to the web: " + "; ".join(remote) + "."
    return True, "charts render offline (Vega-Lite 5 JSON drawn by JupyterLab itself)."


def save(chart: Any, path: str | Path, *, scale: float = 2.0) -> Path:
    """Save a chart as ``.svg`` or ``.png`` (or ``.json``) with vl-convert: no browser, no network.

    Args:
        chart: an altair chart (e.g. from a kzlessons helper).
        path: file name; the suffix picks the format.
        scale: pixel density for PNG (2 = crisp on slides).

    Returns:
        The path written.
    """
    try:
        import vl_convert as vlc
    except ImportError:
        raise ImportError(
            "Saving charts as files needs the optional vl-convert package: "
            "pip install 'kzlessons[export]'. In JupyterLab you can also save any chart "
            "from its ··· menu (Save as SVG / Save as PNG)."
        ) from None

    from .fit import prepared

    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    spec = prepared(chart.to_dict() if hasattr(chart, "to_dict") else dict(chart))
    if fmt == "svg":
        path.write_text(vlc.vegalite_to_svg(spec, vl_version="5.20"), encoding="utf-8")
    elif fmt == "png":
        path.write_bytes(vlc.vegalite_to_png(spec, vl_version="5.20", scale=scale))
    elif fmt == "json":
        path.write_text(json.dumps(to_v5(spec), indent=1), encoding="utf-8")
    else:
        raise ValueError(f"Cannot save a chart as {path.suffix or 'a file without a suffix'!r}. "
                         "Accepted suffixes: .svg, .png, .json.")
    return path
