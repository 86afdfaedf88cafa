"""Charts that take the width they are given: JupyterLab, Notebook 7 and the course site, down to a phone.

A helper chart is a Vega-Lite spec with a number for ``width`` (``theme.WIDTH``, what vl-convert,
``save()`` and any other viewer draw) and the parameter ``kz_width`` (:func:`width_param`): the
width the chart is drawn at, which is the container's width when it can be measured and
``width`` otherwise. The renderers and ``save()`` add ``autosize: {type: "fit-x", contains:
"padding"}`` (:func:`prepared`; altair would refuse to layer a chart that sets it): the title,
axes, legend and padding all fit inside the width (:func:`fits`). Legends (``common._finish``)
take as many columns as ``kz_width`` holds.

**Live (JupyterLab, Notebook 7, Voila).** Vega-Lite's own ``width: "container"`` cannot work
there: JupyterLab's renderer puts each chart in vega-embed's ``.vega-embed`` box, which is an
``inline-block`` as wide as its content, so the container measures 0 px and the chart is drawn
0 px wide (tested). Instead, :func:`embed_options` adds two vega-embed options to the output's
metadata (JupyterLab passes ``embed_options`` to vega-embed as they are):

* ``defaultStyle``: vega-embed's own style sheet (version 6.21, BSD-3-Clause, as JupyterLab 4
  bundles it) plus one rule, ``.jp-RenderedVegaCommon5 > .vega-embed {display: block}``, so the
  box is as wide as the output area. vega-embed adds a style sheet once per page, so this is the
  one in force whenever a kzlessons chart is the first chart the page draws.
* ``patch``: a JSON patch on the compiled Vega spec that sets the ``width`` signal to the
  container's width when the chart is drawn and on every window resize (``kz_width`` follows),
  and gives the title and the source caption one set of lines per width, chosen by
  ``kz_width``, so they wrap instead of being cut. When the container cannot be measured (under
  ``MIN_CONTAINER`` px: another style sheet came first, or the output was hidden when drawn) the
  chart keeps its fixed width, as before. ``usermeta.kzlessons.max_width`` caps the width;
  a map (``usermeta.kzlessons.height_ratio``) gets lower as it gets narrower.

**Static (static mode, the course site).** vl-convert needs a number, so :func:`narrowed` gives
the same chart at ``NARROW`` px with its titles wrapped for it; ``render.static_html`` shows it
on screens up to ``NARROW_MEDIA`` wide (``<picture>``) and the full-width drawing elsewhere.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from .theme import WIDTH

#: Total width of the phone drawing on the static site (px): fits a 360 px phone's text column.
NARROW = 340
#: Screens this wide or narrower get the phone drawing (a CSS media query).
NARROW_MEDIA = "(max-width: 560px)"
#: A container narrower than this was not measured (hidden, or vega-embed's box not widened).
MIN_CONTAINER = 100
#: The parameter holding the width a chart is drawn at (:func:`width_param`).
WIDTH_PARAM = "kz_width"
#: A chart that fits its width: title, axes, legend and padding all inside ``width``.
FIT = {"type": "fit-x", "contains": "padding"}
#: Container widths (px) with their own title lines; a chart uses the widest one it reaches.
TITLE_STEPS = (200, 230, 260, 290, 320, 360, 400, 440, 480, 560, 640, 760, 900, 1100)
#: Title and subtitle font sizes and the chart padding (theme.py).
TITLE_PX, SUBTITLE_PX, PADDING = 18, 12, 8

_SIZED_KEYS = ("concat", "hconcat", "vconcat", "facet", "repeat", "spec")

#: vega-embed 6.21.3's style sheet (BSD-3-Clause, (c) University of Washington Interactive Data Lab),
#: minified, plus one rule: in a Jupyter output area the box is a block as wide as the output.
EMBED_CSS = (
    ".vega-embed{position:relative;display:inline-block;box-sizing:border-box}"
    ".vega-embed.has-actions{padding-right:38px}"
    ".vega-embed details:not([open])>:not(summary){display:none!important}"
    ".vega-embed summary{list-style:none;position:absolute;top:0;right:0;padding:6px;z-index:1000;"
    "background:white;box-shadow:1px 1px 3px rgba(0,0,0,.1);color:#1b1e23;border:1px solid #aaa;"
    "border-radius:999px;opacity:.2;transition:opacity .4s ease-in;cursor:pointer;line-height:0px}"
    ".vega-embed summary::-webkit-details-marker{display:none}"
    ".vega-embed summary:active{box-shadow:#aaa 0 0 0 1px inset}"
    ".vega-embed summary svg{width:14px;height:14px}"
    ".vega-embed details[open] summary{opacity:.7}"
    ".vega-embed:hover summary,.vega-embed:focus-within summary{opacity:1!important;transition:opacity .2s ease}"
    ".vega-embed .vega-actions{position:absolute;z-index:1001;top:35px;right:-9px;display:flex;"
    "flex-direction:column;padding-bottom:8px;padding-top:8px;border-radius:4px;"
    "box-shadow:0 2px 8px 0 rgba(0,0,0,.2);border:1px solid #d9d9d9;background:white;"
    "animation-duration:.15s;animation-name:scale-in;animation-timing-function:cubic-bezier(.2,0,.13,1.5);"
    "text-align:left}"
    ".vega-embed .vega-actions a{padding:8px 16px;font-family:sans-serif;font-size:14px;font-weight:600;"
    "white-space:nowrap;color:#434a56;text-decoration:none}"
    ".vega-embed .vega-actions a:hover,.vega-embed .vega-actions a:focus{background-color:#f7f7f9;color:black}"
    ".vega-embed .vega-actions::before,.vega-embed .vega-actions::after{content:\"\";display:inline-block;"
    "position:absolute}"
    ".vega-embed .vega-actions::before{left:auto;right:14px;top:-16px;border:8px solid rgba(0,0,0,0);"
    "border-bottom-color:#d9d9d9}"
    ".vega-embed .vega-actions::after{left:auto;right:15px;top:-14px;border:7px solid rgba(0,0,0,0);"
    "border-bottom-color:#fff}"
    ".vega-embed .chart-wrapper.fit-x{width:100%}"
    ".vega-embed .chart-wrapper.fit-y{height:100%}"
    ".vega-embed-wrapper{max-width:100%;overflow:auto;padding-right:14px}"
    "@keyframes scale-in{from{opacity:0;transform:scale(.6)}to{opacity:1;transform:scale(1)}}"
    ".jp-RenderedVegaCommon5>.vega-embed{display:block}"
)

# Approximate advance widths (em) of a sans-serif font (Arial's metrics); text is measured a
# little wide on purpose (x1.06), since the reader's font may be wider than Arial.
_NARROW = dict.fromkeys("ijl.,:;|!'", 0.25)
_THIN = dict.fromkeys("frtI ()[]-/", 0.33)
_WIDE = dict.fromkeys("mwMW%@", 0.88)
_UPPER = 0.69
_OTHER = 0.56
_SAFETY = 1.06


def _em(text: str) -> float:
    return sum(_NARROW.get(ch) or _THIN.get(ch) or _WIDE.get(ch) or (_UPPER if ch.isupper() else _OTHER)
               for ch in text)


def _scale(size: float, bold: bool) -> float:
    return size * _SAFETY * (1.06 if bold else 1.0)


def text_px(text: str, size: float, bold: bool = False) -> float:
    """The estimated width (px) of ``text`` at font ``size`` (a little generous on purpose).

    >>> round(text_px("Kazakhstan", 18)), round(text_px("Kazakhstan", 18, bold=True))
    (105, 111)
    """
    return _em(text) * _scale(size, bold)


def _greedy(ems: list[float], limit: float) -> list[int]:
    """Where lines start when words of widths ``ems`` fill lines up to ``limit`` (same unit)."""
    starts, used = [0], ems[0]
    for i in range(1, len(ems)):
        if used + _THIN[" "] + ems[i] <= limit:
            used += _THIN[" "] + ems[i]
        else:
            starts.append(i)
            used = ems[i]
    return starts


@lru_cache(maxsize=1024)
def _wrap(text: str, width: float, size: float, bold: bool) -> tuple[str, ...]:
    words = text.split()
    if not words:
        return ()
    ems = [_em(w) for w in words]
    limit = width / _scale(size, bold)
    starts = _greedy(ems, limit)
    if len(starts) > 1:  # the narrowest width that still needs no more lines: balanced lines
        low, high = max(ems), limit
        while high - low > 0.05:
            middle = (low + high) / 2
            low, high = (low, middle) if len(_greedy(ems, middle)) <= len(starts) else (middle, high)
        starts = _greedy(ems, high)
    return tuple(" ".join(words[a:b]) for a, b in zip(starts, [*starts[1:], len(words)]))


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """``text`` in as few lines as fit ``width`` px at font ``size``, of even lengths (no one-word last
    line); a word longer than ``width`` gets a line of its own.

    >>> wrap("Kazakhstan's exports by partner group: share of each year's total", 560, 18, bold=True)
    ["Kazakhstan's exports by partner", "group: share of each year's total"]
    >>> wrap("", 100, 12)
    []
    """
    return list(_wrap(text, float(width), float(size), bool(bold)))


def _walk(node: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield key, value
            yield from _walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item)


def fits(spec: dict[str, Any]) -> bool:
    """Whether ``spec`` is a chart that fits its width: one view or layer with a number for ``width``,
    and ``autosize`` type ``fit`` or ``fit-x`` (after :func:`prepared`: any chart carrying ``kz_width``).

    >>> fits({"mark": "bar", "width": 640, "autosize": {"type": "fit-x", "contains": "padding"}})
    True
    >>> fits({"mark": "bar", "width": 640}), fits({"hconcat": [], "width": 640, "autosize": "fit"})
    (False, False)
    """
    autosize = spec.get("autosize")
    kind = autosize.get("type") if isinstance(autosize, dict) else autosize
    return kind in ("fit", "fit-x") and _single_view(spec)


def _single_view(spec: dict[str, Any]) -> bool:
    width = spec.get("width")
    return (isinstance(width, (int, float)) and not isinstance(width, bool)
            and ("mark" in spec or "layer" in spec) and not any(k in spec for k in _SIZED_KEYS))


def prepared(spec: dict[str, Any]) -> dict[str, Any]:
    """``spec`` ready to draw: a single view or layer that carries ``kz_width`` (a helper chart, not
    composed with another) gets ``autosize`` ``FIT``. The helpers leave ``autosize`` to this
    step because altair refuses to layer or concatenate charts that set it.

    >>> prepared({"mark": "bar", "width": 640, "params": [width_param(640)]})["autosize"]
    {'type': 'fit-x', 'contains': 'padding'}
    >>> "autosize" in prepared({"hconcat": [], "params": [width_param(640)]})
    False
    """
    if "autosize" in spec or _param_index(spec) is None or not _single_view(spec):
        return spec
    return {**spec, "autosize": dict(FIT)}


def _meta(spec: dict[str, Any], key: str) -> float | None:
    meta = spec.get("usermeta")
    value = meta.get("kzlessons", {}).get(key) if isinstance(meta, dict) else None
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def max_width(spec: dict[str, Any]) -> float | None:
    """The widest a fitting chart may be drawn (``usermeta.kzlessons.max_width``), None for any width."""
    return _meta(spec, "max_width")


def height_ratio(spec: dict[str, Any]) -> float | None:
    """For a chart whose plot keeps its shape (a map): its height per px of width
    (``usermeta.kzlessons.height_ratio``); drawn narrower, it gets lower, never higher than ``height``."""
    return _meta(spec, "height_ratio") if isinstance(spec.get("height"), (int, float)) else None


def _height_for(spec: dict[str, Any], width: float) -> float:
    ratio = height_ratio(spec)
    return min(float(spec["height"]), round(ratio * width)) if ratio else spec.get("height")


def _measured(fallback: float, cap: float | None) -> str:
    """A Vega expression: the container's width (at most ``cap``), or ``fallback`` when unmeasured."""
    size = "containerSize()[0]"
    measured = f"min({cap:g}, {size})" if cap else size
    return f"isFinite({size}) && {size} >= {MIN_CONTAINER} ? {measured} : {fallback:g}"


def width_param(width: float, cap: float | None = None) -> dict[str, Any]:
    """The Vega-Lite parameter ``kz_width``: the width a chart ``width`` px wide is drawn at.

    It is the container's width where there is one (JupyterLab) and ``width`` elsewhere
    (vl-convert). Unlike the ``width`` signal, which the layout sets to the plot's width, it
    stays the chart's whole width, so titles and legends chosen by it do not change the layout
    they are part of. It is measured again whenever ``width`` changes (a window resize).

    >>> width_param(640)["expr"]
    'isFinite(width) && isFinite(containerSize()[0]) && containerSize()[0] >= 100 ? containerSize()[0] : 640'
    """
    return {"name": WIDTH_PARAM, "expr": f"isFinite(width) && {_measured(width, cap)}"}


def _param_index(spec: dict[str, Any]) -> int | None:
    params = spec.get("params")
    if isinstance(params, list):
        for i, param in enumerate(params):
            if isinstance(param, dict) and param.get("name") == WIDTH_PARAM:
                return i
    return None


def _title_parts(spec: dict[str, Any]) -> tuple[str, str]:
    """The title and subtitle of a spec, each as one paragraph ('' when absent or an expression)."""
    title = spec.get("title")
    if not isinstance(title, dict):
        title = {"text": title}

    def joined(value: Any) -> str:
        if isinstance(value, str):
            return " ".join(value.split())
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return " ".join(" ".join(value).split())
        return ""

    return joined(title.get("text")), joined(title.get("subtitle"))


def title_lines(text: str, total_width: float, subtitle: bool = False) -> list[str]:
    """A title (or subtitle) in lines for a chart ``total_width`` px wide.

    >>> title_lines("How the world voted on A/RES/ES-11/1", 640)
    ['How the world voted on A/RES/ES-11/1']
    >>> len(title_lines("How the world voted on A/RES/ES-11/1", 240))
    2
    """
    room = max(60.0, total_width - 2 * PADDING - 4)
    return wrap(text, room, SUBTITLE_PX if subtitle else TITLE_PX, bold=not subtitle)


def with_titles_for(spec: dict[str, Any], total_width: float) -> dict[str, Any]:
    """A copy of ``spec`` whose title and subtitle are wrapped for a chart ``total_width`` px wide."""
    text, subtitle = _title_parts(spec)
    out = dict(spec)
    if text:
        old = spec["title"] if isinstance(spec.get("title"), dict) else {}
        out["title"] = {**old, "text": title_lines(text, total_width)}
        if subtitle:
            out["title"]["subtitle"] = title_lines(subtitle, total_width, subtitle=True)
    return out


def narrowed(spec: dict[str, Any], total_width: float = NARROW) -> dict[str, Any]:
    """The fitting chart ``spec`` drawn ``total_width`` px wide (or its own width, if narrower), titles
    wrapped for that width: the phone drawing of the static site.

    >>> spec = {"mark": "bar", "width": 640, "autosize": {"type": "fit-x"}, "title": "A long title " * 4,
    ...         "params": [width_param(640)]}
    >>> small = narrowed(spec)
    >>> small["width"], len(small["title"]["text"]) > 1, small["params"][0]["expr"].endswith(": 340")
    (340, True, True)
    """
    width = min(float(spec["width"]), float(total_width))
    out = with_titles_for(copy.deepcopy(spec), width)
    out["width"] = int(width) if width == int(width) else width
    if height_ratio(spec):
        out["height"] = _height_for(spec, width)
    index = _param_index(out)
    if index is not None:
        out["params"][index] = width_param(out["width"], max_width(spec))
    return out


def _has_signals(spec: dict[str, Any]) -> bool:
    """Whether Vega-Lite compiles ``spec`` to a Vega spec with a top-level ``signals`` list: it does for
    parameters (selections, bound inputs) and for step or container sizes; a single view or layer with
    neither has none (tests/charts/test_fit.py compiles every helper's chart to check this rule)."""
    if any(key == "params" and value for key, value in _walk(spec)):
        return True
    views = [spec]
    while views:
        view = views.pop()
        if any(view.get(k) == "container" or isinstance(view.get(k), dict) for k in ("width", "height")):
            return True
        views += [v for v in view.get("layer", []) if isinstance(v, dict)]
    return False


def _choose(by: str, variants: list[tuple[float, list[str]]]) -> str:
    """A Vega expression giving the lines of the widest variant whose width ``by`` reaches."""
    expr = json.dumps(variants[0][1], ensure_ascii=False)
    for step, lines in variants[1:]:
        expr = f"{by} >= {step:g} ? {json.dumps(lines, ensure_ascii=False)} : {expr}"
    return expr


def _variants(text: str, subtitle: bool, cap: float | None) -> list[tuple[float, list[str]]]:
    out: list[tuple[float, list[str]]] = []
    for step in TITLE_STEPS:
        if cap is not None and step > cap and out:
            break
        lines = title_lines(text, step, subtitle)
        if not out or lines != out[-1][1]:
            out.append((step, lines))
    return out


def patch(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The JSON patch (RFC 6902) that makes the compiled Vega spec of fitting chart ``spec`` take its
    container's width, with titles wrapped for it; [] for any other spec.

    >>> ops = patch({"mark": "bar", "width": 640, "autosize": {"type": "fit-x"}, "title": "Trade"})
    >>> [(op["op"], op["path"]) for op in ops]
    [('add', '/signals'), ('replace', '/title/text')]
    >>> [s["name"] for s in ops[0]["value"]]
    ['width', 'kz_width']
    """
    if not fits(spec):
        return []
    cap = max_width(spec)
    measured = _measured(float(spec["width"]), cap)
    # merged by Vega with the built-in width signal (the spec's number stays its starting value)
    signals = [{"name": "width", "init": measured, "on": [{"events": "window:resize", "update": measured}]}]
    ratio = height_ratio(spec)
    if ratio:
        lower = f"min({float(spec['height']):g}, round({ratio:g} * ({measured})))"
        signals.append({"name": "height", "init": lower, "on": [{"events": "window:resize", "update": lower}]})
    if _param_index(spec) is None:  # a fitting chart not made by a helper: add kz_width too
        signals.append({"name": WIDTH_PARAM, "update": width_param(float(spec["width"]), cap)["expr"]})
    if _has_signals(spec):
        ops: list[dict[str, Any]] = [{"op": "add", "path": "/signals/-", "value": s} for s in signals]
    else:
        ops = [{"op": "add", "path": "/signals", "value": signals}]
    text, subtitle = _title_parts(spec)
    if text:
        ops.append({"op": "replace", "path": "/title/text",
                    "value": {"signal": _choose(WIDTH_PARAM, _variants(text, False, cap))}})
        if subtitle:
            ops.append({"op": "replace", "path": "/title/subtitle",
                        "value": {"signal": _choose(WIDTH_PARAM, _variants(subtitle, True, cap))}})
    return ops


def embed_options(spec: dict[str, Any], base: dict[str, Any]) -> dict[str, Any]:
    """vega-embed options for ``spec``: ``base``, plus the style sheet and patch of a fitting chart."""
    ops = patch(spec)
    return {**base, "defaultStyle": EMBED_CSS, "patch": ops} if ops else dict(base)
