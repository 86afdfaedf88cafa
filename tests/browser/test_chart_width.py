"""Charts take the width they are given (UX-4): JupyterLab at 800 px with the file browser open and at
400 px with the sidebar closed, and the static course site on a 400 px phone.

Before the fix a chart was ~650–900 px wide whatever the window: at 800 px it was cut off and its
legend hidden, at 400 px only a few years showed, and on the site at 400 px the picture was scaled
to 368 px, so its text was 4–5 px. Now (kzlessons/charts/fit.py) JupyterLab draws each chart as wide
as its output area, legends under the plot, titles wrapped; the site shows a phone drawing on narrow
screens, with a link to the full drawing.

Each JupyterLab case opens a lesson at 1280 px (so the harness sees the kernel start in the status
bar), narrows the window, then runs all cells: the charts are drawn at the narrow width.
Screenshots: ``test-artifacts/browser/chart-width-*.png``, ``site-400-*.png``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import harness

#: Lesson 02: time series with a legend, the 7-group partner shares; lesson 03: a timeline, time
#: series with event labels, the vote grid.
LESSONS = ["02_following_the_trade.ipynb", "03_the_2014_shock.ipynb"]
#: vega-embed reserves this much right of the chart for its ··· menu.
ACTIONS_PX = 38

#: Run ▸ Run All Cells is done when every code cell has a number (Run All stops at an error). The
#: harness's run_all watches the toolbar's kernel indicator, which a narrow window folds away.
ALL_RAN_JS = r"""() => {
    const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
    const cells = [...panel.querySelectorAll('.jp-CodeCell')].filter(c =>
        (c.querySelector('.jp-InputArea-editor') || {}).textContent.trim() !== '');
    const prompts = cells.map(c => (c.querySelector('.jp-InputArea-prompt') || {}).textContent || '');
    return prompts.every(p => /\d/.test(p) && !p.includes('*'))
        || !!panel.querySelector('[data-mime-type="application/vnd.jupyter.error"]');
}"""

#: One chart output: boxes of the output area, the drawn chart, its legend and title lines, and the
#: notebook's visible area (its scroller, without the scroll bar).
MEASURE_JS = r"""(out) => {
    const box = (e) => { if (!e) return null; const r = e.getBoundingClientRect();
        return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height}; };
    const scroller = out.closest('.jp-WindowedPanel-outer') || out.closest('.jp-Notebook');
    const s = scroller.getBoundingClientRect();
    return {
        output: box(out),
        chart: box(out.querySelector('svg.marks, canvas.marks')),
        legend: box(out.querySelector('.role-legend')),
        titles: [...out.querySelectorAll('.role-title text, .role-axis-title text, .role-legend-title text')]
            .filter(t => t.textContent.trim()).map(t => ({text: t.textContent.trim().slice(0, 50), ...box(t)})),
        notebook: {left: s.left, right: s.left + scroller.clientWidth},
        viewport: document.documentElement.clientWidth,
        title: (out.querySelector('.role-title-text text') || {}).textContent || '',
    };
}"""


def _sidebar_width(lab: harness.LabPage) -> float:
    return lab.page.evaluate("""() => { const l = document.querySelector('#jp-left-stack');
        return l && getComputedStyle(l).display !== 'none' ? l.getBoundingClientRect().width : 0; }""")


def _into_view(lab: harness.LabPage, element) -> None:
    """Scroll ``element`` to the top of the notebook and wait until it stays there (cells drawn while
    scrolling past them can change height and move it)."""
    for _ in range(10):
        element.evaluate("e => e.scrollIntoView({block: 'start'})")
        lab.page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        top = element.evaluate("e => e.getBoundingClientRect().top")
        lab.page.wait_for_timeout(150)  # a layout change shows as a move between two reads
        if abs(element.evaluate("e => e.getBoundingClientRect().top") - top) < 1 and 0 <= top < 400:
            return


def _chart_problems(m: dict, label: str) -> list[str]:
    """What is wrong with one measured chart (an empty list when it fits and shows its legend)."""
    out, chart, legend, view = m["output"], m["chart"], m["legend"], m["viewport"]
    if not chart or chart["width"] < 100:
        return [f"{label}: not drawn or collapsed ({chart})"]
    problems = []
    right = min(out["right"], m["notebook"]["right"])
    if chart["right"] > right + 1 or chart["right"] > view + 1:
        problems.append(f"{label}: chart ends at {chart['right']:.0f} px, past the notebook ({right:.0f} px)")
    if out["right"] > m["notebook"]["right"] + 1:
        problems.append(f"{label}: output area ends at {out['right']:.0f} px, past the notebook")
    if chart["width"] < out["width"] - ACTIONS_PX - 2:
        problems.append(f"{label}: {chart['width']:.0f} px wide in a {out['width']:.0f} px output (not filled)")
    for line in m["titles"]:
        if line["right"] > chart["right"] + 1 or line["left"] < chart["left"] - 1:
            problems.append(f"{label}: title {line['text']!r} cut at the chart's edge")
    if legend is not None:
        if legend["width"] <= 0 or legend["height"] <= 0:
            problems.append(f"{label}: the legend has an empty box")
        elif legend["right"] > min(chart["right"], view) + 1 or legend["bottom"] > chart["bottom"] + 1:
            problems.append(f"{label}: legend {legend} not inside the drawn chart {chart}")
    return problems


@pytest.mark.parametrize("lesson", LESSONS)
@pytest.mark.parametrize("width, sidebar", [(800, True), (400, False)], ids=["800-filebrowser", "400-nosidebar"])
def test_every_chart_fits_the_notebook_with_its_legend(lesson: str, width: int, sidebar: bool,
                                                       lab: harness.LabPage, artifacts: Path) -> None:
    """In JupyterLab at 800 px with the file browser open, and at 400 px with the sidebar closed, does every
    chart of the lesson fill the notebook's width without passing its right edge, with every line of its
    title, axis titles and legend (non-empty, inside the chart) in view?"""
    lab.open(lesson)
    lab.page.set_viewport_size({"width": width, "height": 900})
    if not sidebar:
        lab.page.keyboard.press("Control+b")  # View ▸ Show Left Sidebar (toggle)
        lab.page.wait_for_function("() => { const l = document.querySelector('#jp-left-stack');"
                                   " return !l || getComputedStyle(l).display === 'none'; }")
    assert (_sidebar_width(lab) >= 200) is sidebar, f"file browser width {_sidebar_width(lab)}"
    lab.menu("Run", "Run All Cells")
    lab.page.wait_for_function(ALL_RAN_JS, timeout=harness.RUN_TIMEOUT, polling=250)
    assert lab.error_outputs() == []
    count = lab.wait_charts_drawn()
    assert count >= 3, f"{lesson}: {count} charts drawn"
    outputs = lab.notebook().locator(".jp-OutputArea-output").filter(has=lab.page.locator(".vega-embed"))
    assert outputs.count() == count
    problems, legends = [], 0
    stem = Path(lesson).stem[:2]
    for i in range(count):
        output = outputs.nth(i)
        _into_view(lab, output)
        m = output.evaluate(MEASURE_JS)
        problems += _chart_problems(m, f"{stem} chart {i + 1} ({m['title'][:30]!r}) at {width} px")
        legends += m["legend"] is not None
        lab.screenshot(artifacts / f"chart-width-{stem}-{width}-{i + 1}.png")
    assert not problems, "\n".join(problems)
    assert legends >= 2, f"{lesson}: only {legends} charts with a legend"


def test_chart_keeps_its_fixed_width_when_another_style_sheet_came_first(lab: harness.LabPage,
                                                                         lab_server: harness.LabServer) -> None:
    """When a vega chart of another origin drew first (so vega-embed's own style sheet, without the rule
    that widens its box, is the page's), is a kzlessons chart still drawn at its fixed width rather
    than 0 px wide?"""
    import nbformat

    path = lab_server.root / "_harness" / "chart_width_fallback.ipynb"
    code = ("import kzlessons as kz\nkz.setup()\n"
            "kz.charts.timeline(kz.data.load('events'), start='2022-01-01', end='2022-12-31')")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))
    lab.open("_harness/chart_width_fallback.ipynb")
    lab.page.evaluate("""() => { const s = document.createElement('style'); s.id = 'vega-embed-style';
        s.textContent = '.vega-embed{position:relative;display:inline-block;box-sizing:border-box}'
                      + '.vega-embed.has-actions{padding-right:38px}'; document.head.appendChild(s); }""")
    lab.run_all()
    assert lab.wait_charts_drawn() == 1
    width = lab.page.evaluate("() => document.querySelector('.jp-OutputArea-output svg.marks')"
                              ".getBoundingClientRect().width")
    from kzlessons.charts.theme import WIDTH

    assert abs(width - WIDTH) <= 1, f"drawn {width} px wide"


# ---------------------------------------------------------------- the static site on a phone


@pytest.fixture
def phone(browser, site_url: str) -> Iterator[object]:
    """A 400 px wide tab on the built site; requests leaving 127.0.0.1 are aborted."""
    context = browser.new_context(viewport={"width": 400, "height": 900}, service_workers="block")
    context.route(re.compile(r"^(?!https?://127\.0\.0\.1[:/]).*://"), lambda route: route.abort())
    page = context.new_page()
    page.set_default_timeout(harness.CLICK_TIMEOUT)
    yield page
    context.close()


PICTURES_JS = r"""() => [...document.querySelectorAll('.kzlessons-chart-static')].map(f => {
    const img = f.querySelector('img'), source = f.querySelector('picture source'),
          link = f.querySelector('.kz-chart-full a'), r = img.getBoundingClientRect();
    return {loaded: img.complete && img.naturalWidth > 0, shown: img.currentSrc,
            narrow: source && new URL(source.getAttribute('srcset'), location.href).href,
            natural: img.naturalWidth, left: r.left, right: r.right, width: r.width,
            full: link && link.href, view: document.documentElement.clientWidth};
})"""


@pytest.mark.slow
@pytest.mark.parametrize("lesson", ["02_following_the_trade", "04_voting_at_the_un"])
def test_site_charts_fit_a_phone_and_open_full_size(lesson: str, phone, site_url: str, artifacts: Path) -> None:
    """On the site at 400 px, is every chart picture the phone drawing, no wider than the screen and shown
    at 90% of its size or more (so its 12 px text stays readable), with a link under it that opens the
    full drawing?"""
    phone.goto(f"{site_url}/lessons/{lesson}.html", wait_until="load")
    figures = phone.locator(".kzlessons-chart-static")
    assert figures.count() >= 3
    for i in range(figures.count()):
        figures.nth(i).scroll_into_view_if_needed()
        phone.wait_for_function("(i) => { const img = document.querySelectorAll('.kzlessons-chart-static img')[i];"
                                " return img.complete && img.naturalWidth > 0; }", arg=i)
    pictures = phone.evaluate(PICTURES_JS)
    problems = []
    for n, p in enumerate(pictures, 1):
        if not p["loaded"] or not p["narrow"] or p["shown"] != p["narrow"]:
            problems.append(f"chart {n}: shows {p['shown'][-40:]!r}, not the phone drawing {str(p['narrow'])[-40:]!r}")
        if p["right"] > p["view"] + 1 or p["left"] < -1:
            problems.append(f"chart {n}: spans {p['left']:.0f}–{p['right']:.0f} px on a {p['view']} px screen")
        if p["width"] < 0.9 * p["natural"]:
            problems.append(f"chart {n}: drawn {p['natural']} px wide, shown at {p['width']:.0f} px")
        if not p["full"]:
            problems.append(f"chart {n}: no link to the full drawing")
            continue
        full = phone.request.get(p["full"])
        size = re.search(r'<svg[^>]*\swidth="([\d.]+)"', full.text()) if full.ok else None
        if not size or float(size.group(1)) <= p["natural"]:
            problems.append(f"chart {n}: the full-size link {p['full']} is not a wider drawing ({full.status})")
    figures.first.scroll_into_view_if_needed()
    phone.screenshot(path=str(artifacts / f"site-400-{lesson[:2]}-chart1.png"))
    assert not problems, "\n".join(problems)
