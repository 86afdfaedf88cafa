"""Charts read in JupyterLab's light AND dark themes: title, legend and axis text contrast with the panel.

JupyterLab's dark theme asks vega-embed for Vega's "dark" theme (white text). Before the fix
the kzlessons theme set a white background but left the title and legend colours unset, so
they came out white on white (lesson 03's exchange-rate chart). This test switches the lab's
theme through the settings API (``@jupyterlab/apputils-extension:themes``), draws lesson 03's
chart, and reads the computed fill of the SVG text against the chart's painted background.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import harness
from kzlessons.charts.theme import contrast_ratio

THEMES_SETTINGS = "/lab/api/settings/@jupyterlab/apputils-extension:themes"

CHART_CELLS = [
    "import kzlessons as kz\nkz.setup()",
    # lesson 03's exchange-rate chart (cell 9), the one the review saw vanish in the dark theme
    'import pandas as pd\n'
    'macro = kz.data.load("macro")\n'
    'rates = macro[(macro["indicator"] == "exchange_rate") & macro["iso3"].isin(["KAZ", "RUS"])\n'
    '              & macro["year"].between(2010, 2019)].copy()\n'
    'base = rates[rates["year"] == 2013].set_index("iso3")["value"]\n'
    'rates["index_2013"] = 100 * rates["value"] / rates["iso3"].map(base).astype(float)\n'
    'rates["currency"] = rates["iso3"].map({"KAZ": "Kazakh tenge", "RUS": "Russian rouble"})\n'
    'rates["date"] = pd.to_datetime(rates["year"].astype(str) + "-07-01")\n'
    'kz.charts.time_series(rates, x="date", y="index_2013", series="currency", events=["E026", "E034"],\n'
    '    y_title="Local currency per US dollar, 2013 = 100", unit="index", dataset="macro",\n'
    '    title="The rouble and the tenge against the dollar, 2010–2019")',
]

#: For every chart output: each text role's computed fills, and the colour actually behind them.
MEASURE_JS = r"""
() => {
  const rgba = (s) => { const m = (s || '').match(/rgba?\(([^)]+)\)/); if (!m) return null;
    const p = m[1].split(',').map(x => parseFloat(x)); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const painted = (el) => {  // the first opaque colour behind el: the SVG's background rect, else CSS backgrounds
    const svg = el.closest('svg');
    const rect = svg && [...svg.children].find(c => c.tagName.toLowerCase() === 'rect');
    if (rect) { const f = rgba(getComputedStyle(rect).fill); if (f && f.a > 0) return f; }
    for (let n = svg; n; n = n.parentElement) {
      const b = rgba(getComputedStyle(n).backgroundColor); if (b && b.a > 0) return b; }
    return {r: 255, g: 255, b: 255, a: 1};
  };
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  const roles = {title: '.role-title-text text', subtitle: '.role-title-subtitle text',
                 legend_title: '.role-legend-title text', legend_label: '.role-legend-label text',
                 axis_label: '.role-axis-label text', axis_title: '.role-axis-title text'};
  return [...panel.querySelectorAll('.jp-OutputArea-output svg')].filter(s => s.querySelector('.role-title-text'))
    .map(svg => Object.fromEntries(Object.entries(roles).map(([role, sel]) =>
      [role, [...svg.querySelectorAll(sel)].filter(t => t.textContent.trim()).map(t =>
        ({text: t.textContent.trim().slice(0, 40), fill: rgba(getComputedStyle(t).fill), bg: painted(t)}))])));
}
"""


def _hex(colour: dict) -> str:
    return "#{:02X}{:02X}{:02X}".format(*(round(colour[k]) for k in "rgb"))


def _set_theme(server: harness.LabServer, name: str) -> None:
    server.api("PUT", THEMES_SETTINGS, {"raw": json.dumps({"theme": name})})


@pytest.mark.parametrize("theme_name, light", [("JupyterLab Light", "true"), ("JupyterLab Dark", "false")])
def test_chart_title_and_legend_contrast_in_both_lab_themes(theme_name: str, light: str, lab: harness.LabPage,
                                                            lab_server: harness.LabServer, artifacts: Path) -> None:
    """In JupyterLab's light and dark themes, do the chart's title, subtitle, legend and axis texts reach
    WCAG contrast 4.5:1 against the background actually painted behind them?"""
    import nbformat

    path = lab_server.root / "_harness" / "chart_theme.ipynb"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in CHART_CELLS])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))
    _set_theme(lab_server, theme_name)
    try:
        lab.open("_harness/chart_theme.ipynb")
        assert lab.page.evaluate("() => document.body.dataset.jpThemeLight") == light, \
            f"JupyterLab did not switch to {theme_name}"
        lab.run_all()
        assert lab.error_outputs() == []
        assert lab.wait_charts_drawn() == 1
        charts = lab.page.evaluate(MEASURE_JS)
        slug = re.sub(r"\W+", "-", theme_name.lower())
        lab.screenshot(artifacts / f"chart-theme-{slug}.png")
    finally:
        _set_theme(lab_server, "JupyterLab Light")
    assert len(charts) == 1, charts
    chart = charts[0]
    for role in ("title", "subtitle", "legend_title", "legend_label", "axis_label"):
        assert chart[role], f"{theme_name}: no {role} text found in the chart's SVG"
    low = [(role, t["text"], _hex(t["fill"]), _hex(t["bg"]), round(contrast_ratio(_hex(t["fill"]), _hex(t["bg"])), 2))
           for role, texts in chart.items() for t in texts
           if contrast_ratio(_hex(t["fill"]), _hex(t["bg"])) < 4.5]
    assert low == [], f"{theme_name}: text below 4.5:1 (role, text, fill, background, ratio): {low}"
