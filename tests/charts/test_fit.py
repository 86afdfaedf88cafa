"""Charts that take the width they are given (charts/fit.py): the spec, the live patch, the static phone drawing.

The browser half (drawn in JupyterLab at 800 and 400 px, and on the site at 400 px) is
tests/browser/test_chart_width.py; these tests check what can be checked without a browser:
that the JSON patch JupyterLab's vega-embed applies lands on the compiled Vega spec of every
helper (else vega-embed would refuse to draw the chart), and that the patched spec still draws.
"""

from __future__ import annotations

import copy
import re

import altair as alt
import pandas as pd
import pytest
import vl_convert as vlc

from kzlessons.charts import fit, render

VEGA_LITE = ["5.8", "5.20"]  # near JupyterLab's bundled 5.6, and vl-convert's static drawings


def _apply(doc: dict, ops: list[dict]) -> dict:
    """RFC 6902 ``add``/``replace`` as vega-embed applies them (fast-json-patch, validating): a path
    that does not resolve raises, as it would make vega-embed refuse the chart."""
    doc = copy.deepcopy(doc)
    for op in ops:
        *parents, last = op["path"].lstrip("/").split("/")
        node = doc
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        if isinstance(node, list):
            if op["op"] == "add" and last == "-":
                node.append(op["value"])
            else:
                node[int(last)] = op["value"]  # IndexError when absent
        elif op["op"] == "replace" and last not in node:
            raise KeyError(f"{op['path']} does not exist")
        else:
            node[last] = op["value"]
    return doc


def _spec(chart) -> dict:
    return render.bundle(chart)[render.MIMETYPE]


def test_every_helper_chart_fits_its_width_with_legends_below(all_charts) -> None:
    """Does every helper chart fit its width (autosize fit-x, padding included), carry kz_width, and put
    every legend under the plot with a number of columns that depends on kz_width?"""
    for name, chart in all_charts.items():
        spec = _spec(chart)
        assert fit.fits(spec), name
        assert spec["autosize"] == {"type": "fit-x", "contains": "padding"}, name
        assert [p["name"] for p in spec["params"]].count(fit.WIDTH_PARAM) == 1, name
        legends = [enc["legend"] for layer in spec.get("layer", [spec]) for enc in layer.get("encoding", {}).values()
                   if isinstance(enc, dict) and enc.get("legend")]
        for legend in legends:
            assert legend["orient"] == "bottom" and fit.WIDTH_PARAM in legend["columns"]["expr"], (name, legend)
        assert legends, f"{name}: no legend"


@pytest.mark.parametrize("version", VEGA_LITE)
def test_live_patch_lands_on_the_compiled_vega_of_every_helper(all_charts, version: str) -> None:
    """Does the patch JupyterLab applies find every path it touches in the compiled Vega spec, set the
    width from the container on resize, give the title and caption lines chosen by kz_width, and
    does the patched spec still draw (vl-convert: no container, so the fixed width)?"""
    for name, chart in all_charts.items():
        spec = _spec(chart)
        ops = render.renderer(spec)[1][render.MIMETYPE]["embed_options"]["patch"]
        vega = vlc.vegalite_to_vega(spec, vl_version=version)
        patched = _apply(vega, ops)
        width = [s for s in patched["signals"] if s["name"] == "width"]
        assert len(width) == 1 and "containerSize()[0]" in width[0]["init"], name
        assert width[0]["on"][0]["events"] == "window:resize", name
        assert [s["name"] for s in patched["signals"]].count(fit.WIDTH_PARAM) == 1, name
        assert set(patched["title"]["text"]) == {"signal"} and set(patched["title"]["subtitle"]) == {"signal"}, name
        if len(" ".join(fit._title_parts(spec))) > 40:  # long enough to need other lines at 200 px
            assert "kz_width >=" in patched["title"]["text"]["signal"] + patched["title"]["subtitle"]["signal"]
        svg = vlc.vega_to_svg(patched)
        assert re.search(r'<svg[^>]*width="' + str(spec["width"]) + r'"', svg), name


@pytest.mark.parametrize("make, has_signals", [
    (lambda c: c.mark_line().encode(x="a:Q", y="b:Q"), False),
    (lambda c: c.mark_line().encode(x="a:Q", y="b:Q", color="c:N") + c.mark_point().encode(x="a:Q", y="b:Q"), False),
    (lambda c: c.mark_point().encode(x="a:Q", y="b:Q").add_params(alt.selection_interval(bind="scales")), True),
    (lambda c: c.mark_bar().encode(x="a:Q", y="c:N").properties(height=alt.Step(14)), True),
    (lambda c: c.mark_point().encode(x="a:Q", y="b:Q").add_params(alt.param(name="k", value=2)), True),
])
def test_the_signals_rule_matches_what_vega_lite_compiles(make, has_signals: bool) -> None:
    """Is fit's rule for "the compiled spec has a signals list" (so the patch appends to it, or adds it)
    right for a learner's own charts that fit their width: plain, layered, with a selection, with a
    step height, with a variable parameter?"""
    base = alt.Chart(pd.DataFrame({"a": [1, 2], "b": [3, 4], "c": ["x", "y"]}))
    chart = make(base).properties(width=500, autosize=alt.AutoSizeParams(type="fit-x", contains="padding"),
                                  title="A learner's chart")
    spec = render.to_v5(chart.to_dict())
    assert fit.fits(spec)
    for version in VEGA_LITE:
        vega = vlc.vegalite_to_vega(spec, vl_version=version)
        assert ("signals" in vega) is has_signals is fit._has_signals(spec), version
        patched = _apply(vega, fit.patch(spec))
        names = [s["name"] for s in patched["signals"]]
        assert names.count("width") == 1 and names.count(fit.WIDTH_PARAM) == 1, names
        assert vlc.vega_to_svg(patched).startswith("<svg")


def test_charts_that_do_not_fit_their_width_are_left_alone() -> None:
    """Does a chart without autosize fit (a learner's chart, a concatenation) keep vega-embed's usual
    options: no style sheet, no patch?"""
    base = alt.Chart(pd.DataFrame({"a": [1, 2]})).mark_point().encode(x="a:Q")
    for chart in (base, base | base):
        options = render.renderer(render.to_v5(chart.to_dict()))[1][render.MIMETYPE]["embed_options"]
        assert options == render.EMBED_OPTIONS


def test_container_css_widens_only_jupyter_vega_boxes() -> None:
    """Does the style sheet keep vega-embed's own rules (the ··· menu) and add only the block rule?"""
    assert ".vega-embed .vega-actions{" in fit.EMBED_CSS and "@keyframes scale-in" in fit.EMBED_CSS
    assert fit.EMBED_CSS.endswith(".jp-RenderedVegaCommon5>.vega-embed{display:block}")
    assert "url(" not in fit.EMBED_CSS and "@import" not in fit.EMBED_CSS


def test_titles_and_captions_wrap_instead_of_being_cut(all_charts) -> None:
    """Does every line of a helper's title and caption fit the chart's width (as estimated), with the
    whole IMF citation shown (UX-17: it was cut at "…exports (FOB) and…")?"""
    import kzlessons as kz

    for name, chart in all_charts.items():
        spec = _spec(chart)
        room = spec["width"] - 2 * fit.PADDING
        assert all(fit.text_px(line, fit.TITLE_PX, bold=True) <= room for line in spec["title"]["text"]), name
        assert all(fit.text_px(line, fit.SUBTITLE_PX) <= room for line in spec["title"]["subtitle"]), name
    try:
        trade = kz.data.load("trade")
    except Exception:
        pytest.skip("datasets not built")
    subtitle = " ".join(kz.charts.partner_shares(trade).to_dict()["title"]["subtitle"])
    assert "…" not in subtitle and "imports (CIF) in US dollars" in subtitle


@pytest.mark.parametrize("width", [200, 260, 320, 480, 640, 1000])
def test_live_title_lines_fit_every_width(all_charts, width: int) -> None:
    """For a chart drawn at any width from 200 to 1000 px, do the title lines kz_width picks fit it?"""
    for name, chart in all_charts.items():
        spec = _spec(chart)
        text, subtitle = fit._title_parts(spec)
        drawn = min(width, fit.max_width(spec) or width)
        chosen = [lines for step, lines in fit._variants(text, False, fit.max_width(spec)) if step <= drawn]
        lines = (chosen or [fit._variants(text, False, None)[0][1]])[-1]
        room = max(drawn, fit.TITLE_STEPS[0]) - 2 * fit.PADDING
        assert all(fit.text_px(line, fit.TITLE_PX, bold=True) <= room for line in lines), (name, width, lines)


def test_phone_drawing_is_narrow_with_titles_wrapped_for_it(all_charts) -> None:
    """Is the static site's phone drawing NARROW px wide (or the chart's own width), with its title lines
    wrapped for that width, kz_width's fallback set to it, and a map lower in proportion?"""
    for name, chart in all_charts.items():
        spec = _spec(chart)
        small = fit.narrowed(spec)
        assert small["width"] == min(spec["width"], fit.NARROW), name
        assert all(fit.text_px(line, fit.TITLE_PX, bold=True) <= small["width"] - 2 * fit.PADDING
                   for line in small["title"]["text"]), name
        param = next(p for p in small["params"] if p["name"] == fit.WIDTH_PARAM)
        assert param["expr"].endswith(f": {small['width']}"), name
        svg = render.to_svg(small)
        drawn = float(re.search(r'<svg[^>]*\swidth="([\d.]+)"', svg).group(1))
        assert drawn <= small["width"] + 1, (name, drawn)
    world = _spec(all_charts["un_vote_map"])
    assert fit.narrowed(world)["height"] < world["height"]


def test_static_mode_gives_a_phone_picture(all_charts) -> None:
    """In static mode, is a helper chart a <picture> whose phone source serves narrow screens, with one
    <img> (alt text, full-width drawing) for everything else?"""
    html = render.static_renderer(_spec(all_charts["partner_shares_area"]))[0]["text/html"]
    assert html.count("<img ") == 1 and html.count("<source ") == 1
    assert f'<source media="{fit.NARROW_MEDIA}" srcset="data:image/svg+xml;base64,' in html


def test_helper_charts_still_layer_and_concatenate(all_charts) -> None:
    """Can a learner still layer a rule on a helper chart, and put two helper charts side by side or one
    above the other (altair refuses any part that sets autosize, so the renderers add it, fit.prepared),
    and does each result draw? A layered chart still fits its width; a concatenation keeps fixed widths."""
    rule = alt.Chart(pd.DataFrame({"year": [2003]})).mark_rule().encode(x="year:Q")
    shares, series, timeline = (all_charts[k] for k in ("partner_shares_area", "time_series", "timeline"))
    for name, chart in {"layer": shares + rule, "hconcat": shares | series, "vconcat": timeline & series,
                        "narrower": shares.properties(width=300)}.items():
        spec = _spec(chart)
        assert fit.fits(spec) is (name in ("layer", "narrower")), name
        assert render.to_svg(spec).startswith("<svg"), name
