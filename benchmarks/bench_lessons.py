#!/usr/bin/env python3
"""Lesson benchmarks: headless run time, peak kernel memory, and browser time to fully drawn.

Rows (``run() -> list[dict]``, keys area, measure, value, baseline, ratio, unit, target):

* ``headless run NN`` — executing the lesson with nbclient (fresh kernel each) vs a bare notebook that
  only does ``import kzlessons as kz; kz.setup()``;
* ``peak kernel memory NN`` — the kernel's peak RSS (``getrusage`` in a cell appended to a copy) vs the
  same bare notebook; target ≤ 400 MB;
* ``browser open→drawn NN`` — JupyterLab in headless Chromium: from opening the lesson through Run All
  until every chart has drawn and every quiz is shown, vs a bare notebook with one chart and one widget.

Baselines are measured in the same run. Usage: ``.venv/bin/python benchmarks/bench_lessons.py [NN ...]``
(or through ``benchmarks/run.py lessons``). Timings are never test thresholds.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "tests" / "browser"))

import harness  # noqa: E402
import quizdom  # noqa: E402

AREA = "lessons"
MEMORY_TARGET_MB = 400
# VmHWM is this process's own peak RSS. (getrusage's ru_maxrss is not: Linux carries the launching
# process's high-water mark across exec, so every kernel would report the parent's peak.)
_PEAK_CELL = ("import re as _re\n"
              "print('KZ_PEAK_RSS_KB', _re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read())[1])")


def _bare_notebook(path: Path) -> Path:
    import nbformat

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import kzlessons as kz\nkz.setup()")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, str(path))
    return path


def execute(path: Path) -> tuple[float, float]:
    """Run a notebook headless in a fresh kernel; returns (seconds, peak kernel RSS in MB)."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(str(path), as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(_PEAK_CELL))
    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    started = time.perf_counter()
    client.execute()
    seconds = time.perf_counter() - started
    text = "".join(o.get("text", "") for o in nb.cells[-1].get("outputs", []) if o.get("output_type") == "stream")
    kb = float(text.split("KZ_PEAK_RSS_KB", 1)[1].split()[0])
    return seconds, kb / 1024


def _row(measure: str, value: float, baseline: float | None, unit: str, target: str = "") -> dict:
    return {"area": AREA, "measure": measure, "value": round(value, 2),
            "baseline": None if baseline is None else round(baseline, 2),
            "ratio": round(value / baseline, 2) if baseline else None, "unit": unit, "target": target}


def headless_rows(lessons: list[Path], work: Path) -> list[dict]:
    bare_s, bare_mb = execute(_bare_notebook(work / "bare.ipynb"))
    rows = []
    for lesson in lessons:
        copy = work / lesson.name
        shutil.copy2(lesson, copy)
        seconds, mb = execute(copy)
        nn = lesson.name[:2]
        rows.append(_row(f"headless run {nn}", seconds, bare_s, "s"))
        rows.append(_row(f"peak kernel memory {nn}", mb, bare_mb, "MB", f"<= {MEMORY_TARGET_MB} MB"))
    return rows


def browser_time(lab: harness.LabPage, path: str) -> float:
    """Seconds from opening ``path`` through Run All until every chart drew and every quiz shows."""
    started = time.perf_counter()
    lab.open(path)
    lab.run_all()
    lab.wait_charts_drawn()
    expected = len(quizdom.asked_ids(lab.server.root / path)) if not path.startswith("_") else 0
    if expected:
        quizdom.quiz_outputs(lab.page).nth(expected - 1).wait_for(state="attached", timeout=harness.RENDER_TIMEOUT)
    else:
        lab.page.wait_for_selector(".jp-NotebookPanel:not(.lm-mod-hidden) .widget-button",
                                   timeout=harness.RENDER_TIMEOUT)
    return time.perf_counter() - started


def browser_rows(lessons: list[Path], work: Path) -> list[dict]:
    problem = harness.tooling_problem()
    if problem:
        return [{"area": AREA, "measure": f"browser rows skipped: {problem}"}]
    from playwright.sync_api import sync_playwright

    root = work / "served"
    root.mkdir()
    for lesson in lessons:
        shutil.copy2(lesson, root / lesson.name)
    harness.make_demo_notebook(root / "_bare" / "one_chart_one_widget.ipynb")
    server = harness.LabServer(root=root, workdir=work / "lab").start()
    rows: list[dict] = []
    try:
        with sync_playwright() as playwright:
            browser = harness.launch_browser(playwright)

            def measure(path: str) -> float:
                server.delete_kernels()
                lab = harness.LabPage(browser, server)
                try:
                    return browser_time(lab, path)
                finally:
                    lab.close()
                    server.delete_kernels()

            measure("_bare/one_chart_one_widget.ipynb")  # warm-up: first page load fills caches
            baseline = measure("_bare/one_chart_one_widget.ipynb")
            for lesson in lessons:
                rows.append(_row(f"browser open->drawn {lesson.name[:2]}", measure(lesson.name), baseline, "s"))
            browser.close()
    finally:
        server.stop()
    return rows


def run(only: list[str] | None = None) -> list[dict]:
    """All lesson rows (``only``: lesson numbers such as ``["00", "03"]``)."""
    lessons = sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    if only:
        lessons = [p for p in lessons if p.name[:2] in only]
    if not lessons:
        return [{"area": AREA, "measure": "no lesson notebooks in notebooks/ yet"}]
    saved_home = os.environ.get("KZLESSONS_HOME")
    with tempfile.TemporaryDirectory(prefix="kz-bench-lessons-") as tmp:
        work = Path(tmp)
        os.environ["KZLESSONS_HOME"] = str(work / "kzhome")  # kernels inherit it: progress stays private
        try:
            rows = headless_rows(lessons, work)
            rows += browser_rows(lessons, work)
        finally:
            if saved_home is None:
                os.environ.pop("KZLESSONS_HOME", None)
            else:
                os.environ["KZLESSONS_HOME"] = saved_home
    return rows


def main(argv: list[str]) -> int:
    rows = run(argv or None)
    columns = ("area", "measure", "value", "baseline", "ratio", "unit", "target")
    print("| " + " | ".join(columns) + " |")
    print("|" + "---|" * len(columns))
    for row in rows:
        print("| " + " | ".join("" if row.get(c) is None else str(row.get(c)) for c in columns) + " |")
    print(json.dumps(rows), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
