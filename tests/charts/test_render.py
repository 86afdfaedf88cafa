"""Offline rendering: small outputs, no remote scripts, Vega-Lite 5, offline export."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import altair as alt
import pytest
import vl_convert as vlc

import kzlessons as kz
from kzlessons.charts import render

BUDGET = 100 * 1024  # bytes per chart in a saved notebook


def test_setup_is_idempotent_and_quiet() -> None:
    """Does calling kz.setup() twice print nothing and leave renderer + theme enabled?"""
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(buf):
        kz.setup()
        kz.setup()
    assert buf.getvalue() == ""
    assert alt.renderers.active == "kzlessons"
    assert alt.theme.active == "kzlessons"


def test_bundle_is_vegalite5_json_plus_text(all_charts) -> None:
    """Does every chart render to the Vega-Lite 5 mimetype, text/plain and the static preview, with no HTML?"""
    for name, chart in all_charts.items():
        bundle = render.bundle(chart)
        assert set(bundle) == {render.MIMETYPE, "image/png", "text/plain"}, name
        assert bundle[render.MIMETYPE]["$schema"].endswith("/v5.json")
        assert bundle["text/plain"] == kz.charts.describe(chart)


def test_no_chart_output_references_a_remote_url(all_charts) -> None:
    """Is every helper's output free of remote script URLs and remote data URLs?"""
    for name, chart in all_charts.items():
        data, metadata = chart._repr_mimebundle_()
        assert render.remote_references((data, metadata)) == [], name
        text = json.dumps([data, metadata])
        for needle in ("<script", "cdn.jsdelivr", "unpkg.com", "esm.sh", '"url":'):
            assert needle not in text, (name, needle)


def test_remote_reference_detector_catches_altairs_default_renderer() -> None:
    """Would the detector flag altair's own CDN-loading HTML renderer (so the check means something)?"""
    chart = alt.Chart(alt.Data(values=[{"a": 1}])).mark_point().encode(x="a:Q")
    with alt.renderers.enable("html"):
        bundle = chart._repr_mimebundle_()
    assert render.remote_references(bundle)


def test_each_chart_fits_the_size_budget(all_charts) -> None:
    """Is each chart's saved output under 100 KB?"""
    for name, chart in all_charts.items():
        import nbformat

        data, metadata = chart._repr_mimebundle_()
        output = nbformat.v4.new_output("display_data", data=data, metadata=metadata)
        # nbformat saves with indent=1: JSON outputs are pretty-printed, so measure it that way
        size = len(json.dumps(output, indent=1, ensure_ascii=False).encode())
        assert size < BUDGET, f"{name}: {size / 1024:.0f} KB"


@pytest.mark.parametrize("version", ["5.8", "6.4"])
def test_specs_compile_with_vegalite_5(all_charts, version: str) -> None:
    """Do the specs compile with Vega-Lite 5.8 (near JupyterLab's bundled 5.6) and with 6.4?"""
    for name, chart in all_charts.items():
        spec = render.bundle(chart)[render.MIMETYPE]
        vega = vlc.vegalite_to_vega(spec, vl_version=version)
        assert vega["marks"], name


def test_compiled_vega_carries_the_description(all_charts) -> None:
    """Does the compiled Vega spec keep the text alternative (Vega uses it as the view's ARIA label)?"""
    for name, chart in all_charts.items():
        vega = vlc.vegalite_to_vega(render.bundle(chart)[render.MIMETYPE], vl_version="5.8")
        assert vega["description"] == kz.charts.describe(chart), name


@pytest.mark.parametrize("suffix", [".svg", ".png", ".json"])
def test_save_writes_files(all_charts, tmp_path: Path, suffix: str) -> None:
    """Does kz.charts.save write SVG, PNG and JSON files?"""
    out = kz.charts.save(all_charts["vote_comparison"], tmp_path / f"c{suffix}")
    assert out.stat().st_size > 200


def test_save_rejects_unknown_suffix(all_charts, tmp_path: Path) -> None:
    """Does saving as .gif raise a ValueError listing the accepted suffixes?"""
    with pytest.raises(ValueError, match=r"\.svg, \.png, \.json"):
        kz.charts.save(all_charts["vote_comparison"], tmp_path / "c.gif")


@pytest.mark.skipif(shutil.which("unshare") is None, reason="needs unshare for a network-less namespace")
def test_save_without_vl_convert_says_how_to_get_it(all_charts, tmp_path: Path, monkeypatch) -> None:
    """Without the optional vl-convert package, does save() say how to install it and the menu alternative?"""
    import sys

    monkeypatch.setitem(sys.modules, "vl_convert", None)
    with pytest.raises(ImportError, match=r"kzlessons\[export\].*Save as PNG"):
        render.save(all_charts["timeline"], tmp_path / "c.png")


def test_save_works_without_network(tmp_path: Path) -> None:
    """Does saving a map (PNG and SVG) work in a process with no network at all?"""
    code = (
        "import pandas as pd, kzlessons as kz; kz.setup();"
        "v = pd.DataFrame({'iso3': ['KAZ', 'RUS'], 'vote': ['abstain', 'no']});"
        "c = kz.charts.un_vote_map(v, source='Test');"
        f"kz.charts.save(c, r'{tmp_path}/m.svg'); kz.charts.save(c, r'{tmp_path}/m.png'); print('ok')"
    )
    probe = subprocess.run(["unshare", "-rn", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("unprivileged network namespaces are not available here")
    out = subprocess.run(["unshare", "-rn", sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120)
    assert out.stdout.strip() == "ok", out.stderr[-2000:]
    assert (tmp_path / "m.svg").stat().st_size > 10_000


def test_preview_png_stops_jupyterlab_adding_a_big_png(all_charts) -> None:
    """Does every output carry the small preview PNG (JupyterLab adds a 50–150 KB raster when none is present)?"""
    import base64

    for name, chart in all_charts.items():
        png = base64.b64decode(render.bundle(chart)["image/png"])
        assert png.startswith(b"\x89PNG") and len(png) < 4096, name


def test_embed_options_drop_the_web_editor_link(all_charts) -> None:
    """Do the output metadata select the SVG renderer and hide the 'Open in Vega Editor' action?"""
    _, metadata = all_charts["timeline"]._repr_mimebundle_()
    options = metadata[render.MIMETYPE]["embed_options"]
    assert options["renderer"] == "svg" and options["actions"]["editor"] is False


def test_offline_check_reports_other_renderers() -> None:
    """Does is_offline_safe() say no (with the reason) when altair's CDN renderer is active?"""
    with alt.renderers.enable("default"):
        ok, why = render.is_offline_safe()
    assert not ok and "kz.setup()" in why
    ok, _ = render.is_offline_safe()
    assert ok


def test_fast_display_gives_the_same_bundle_as_altair(all_charts) -> None:
    """Does a helper chart's display skip re-validation yet produce exactly altair's validated bundle?"""
    for name, chart in all_charts.items():
        fast = chart._repr_mimebundle_()
        slow = type(chart)._repr_mimebundle_(chart)
        assert isinstance(fast, tuple)
        assert fast == slow, name


def test_modified_helper_chart_is_validated_again(all_charts) -> None:
    """Does any change to a helper chart drop the fast path, so altair validates the copy?"""
    chart = all_charts["timeline"]
    changed = chart.properties(width=300)
    assert "_repr_mimebundle_" in vars(chart) and "_repr_mimebundle_" not in vars(changed)
    assert "_repr_mimebundle_" not in chart.to_dict()


# ------------------------------------------------------------------ static mode
def _static_mode(on: bool):
    from kzlessons import _mode

    _mode.set_static(None)
    kz.setup(static=on)


def test_static_mode_draws_every_chart_as_an_svg_image_with_its_text_as_alt(all_charts) -> None:
    """In static mode, is every helper chart an <img> holding an offline SVG, with describe() as alt text?"""
    import base64
    import html as html_lib
    import re

    _static_mode(True)
    try:
        assert alt.renderers.active == render.STATIC_RENDERER_NAME
        for name, chart in all_charts.items():
            bundle = render.bundle(chart)
            assert set(bundle) == {"text/html", "text/plain"}, name
            page = bundle["text/html"]
            alt_text = html_lib.unescape(re.search(r'alt="([^"]*)"', page).group(1))
            assert alt_text == kz.charts.describe(chart) == bundle["text/plain"], name
            svg = base64.b64decode(re.search(r"data:image/svg\+xml;base64,([^\"]+)", page).group(1)).decode()
            assert svg.lstrip().startswith("<svg") and "<text" in svg, name
            refs = [u for u in re.findall(r'(?:href|src)="([^"]+)"', svg) if not u.startswith(("#", "data:"))]
            assert not refs and not render.remote_references(bundle), (name, refs)
        assert render.is_offline_safe()[0]
    finally:
        _static_mode(False)
    assert alt.renderers.active == render.RENDERER_NAME


def test_static_mode_follows_the_environment_variable(monkeypatch) -> None:
    """Does kz.setup() pick the static renderer when KZLESSONS_STATIC=1, and the interactive one without it?"""
    from kzlessons import _mode

    _mode.set_static(None)
    monkeypatch.setenv(_mode.STATIC_ENV, "1")
    try:
        kz.setup()
        assert alt.renderers.active == render.STATIC_RENDERER_NAME
        monkeypatch.delenv(_mode.STATIC_ENV)
        kz.setup()
        assert alt.renderers.active == render.RENDERER_NAME
    finally:
        _mode.set_static(None)
        kz.setup()
