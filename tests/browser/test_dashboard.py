"""kz.progress.dashboard() in a real JupyterLab, offline: the chart draws, the table shows, axe finds
nothing serious or critical."""

from __future__ import annotations

from pathlib import Path

import nbformat

import harness

NOTEBOOK = "_harness/dashboard.ipynb"
BLOCKING = {"serious", "critical"}
SETUP = """import os, tempfile
os.environ["KZLESSONS_HOME"] = tempfile.mkdtemp(prefix="kz-dashboard-")  # this notebook's own store
import kzlessons as kz
kz.setup()
kz.progress.record("l01-russia-border", "7,548")
kz.progress.record("l02-hhi-compute", "0,9")
kz.quiz.ask(kz.quiz.ids(lesson="03")[0]).show_answer()"""


def test_dashboard_renders_offline_and_passes_axe(lab: harness.LabPage, lab_server: harness.LabServer,
                                                  axe_source: str, artifacts: Path) -> None:
    """Does the dashboard draw its chart and table offline, name what to review, and pass axe-core
    (0 serious/critical findings in its output areas)?"""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(SETUP),
                                         nbformat.v4.new_code_cell("kz.progress.dashboard()")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    (lab_server.root / NOTEBOOK).parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(lab_server.root / NOTEBOOK))
    lab.open(NOTEBOOK)
    lab.run_all()
    assert lab.error_outputs() == []
    assert lab.wait_charts_drawn() == 1
    page = lab.page
    table = lab.notebook().locator(".kzlessons-dashboard table")
    table.wait_for(timeout=harness.RENDER_TIMEOUT)
    text = lab.notebook().locator(".kzlessons-dashboard").inner_text()
    # lessons by number and title; questions to review by their prompt (l02-hhi-compute's), not their id
    assert "Lesson 01 · What is multi-vectorism?" in text and "Review next" in text
    assert "exports go 50% to partner A" in text and "l02-hhi-compute" not in text
    assert table.locator("th[scope=col]").count() == 7
    page.add_script_tag(content=axe_source)
    found = []
    outputs = lab.notebook().locator(".jp-Cell").nth(1).locator(".jp-OutputArea-output")
    for i in range(outputs.count()):
        result = page.evaluate(
            "async (el) => (await axe.run(el, {resultTypes: ['violations']})).violations"
            ".map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.html.slice(0, 200))}))",
            outputs.nth(i).element_handle())
        found += [v for v in result if v["impact"] in BLOCKING]
    lab.screenshot(artifacts / "dashboard.png", full_page=True)
    assert found == [], found
    assert lab.external_requests() == []
