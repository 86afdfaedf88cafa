#!/usr/bin/env python3
"""Honest browser benchmark: a lesson against a floor with the SAME content, and the peer stack.

For each lesson, in one JupyterLab + headless Chromium session (network blocked, as in the tests):

* ``kzlessons NN`` — open the lesson, Run All, until every chart has drawn and every quiz shows;
* ``floor NN`` — a notebook with the same content and nothing of kzlessons: the lesson's own chart
  specs (taken from a headless run, same data) displayed as raw ``application/vnd.vegalite.v5+json``
  outputs, one cell each, and one bare ipywidgets control group (RadioButtons + Button + HTML) per
  quiz, timed the same way. The ratio kzlessons / floor is the cost of the library (target ≤ 1.1×);
* ``peer NN`` — what a user would otherwise pick: the same specs through altair's default renderer
  and each quiz through jupyterquiz's ``display_quiz``, offline: how many charts drew, how many quizzes
  showed, and how many requests tried to leave the machine (altair's renderer loads vega from a CDN).

Usage: ``.venv/bin/python benchmarks/bench_browser.py [NN ...]`` (or ``benchmarks/run.py browser``).
Needs the ``bench`` extra (jupyterquiz) for the peer rows. Timings are never test thresholds.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "tests" / "browser"))
sys.path.insert(0, str(REPO))

import harness  # noqa: E402
import quizdom  # noqa: E402

AREA = "browser"
MIMETYPE = "application/vnd.vegalite.v5+json"
#: How long the peer stack gets, after Run All finished, to draw its charts.
PEER_GRACE_S = 15
REPEATS = 2


def lesson_specs(lesson: Path) -> list[dict]:
    """The Vega-Lite 5 specs a lesson displays, in order (from a headless run)."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(str(lesson), as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(lesson.parent)}}
                   ).execute()
    return [o["data"][MIMETYPE] for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
            if MIMETYPE in o.get("data", {})]


def _notebook(path: Path, cells: list[str]) -> Path:
    import nbformat

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))
    return path


def floor_notebook(path: Path, specs: list[dict], questions: list) -> Path:
    """Same number of charts (raw Vega-Lite 5 outputs, same specs) and of bare widget quizzes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    (path.parent / f"{path.stem}.json").write_text(json.dumps(specs))
    cells = [f"import json\nimport ipywidgets as w\nfrom IPython.display import display\n"
             f"specs = json.load(open({path.stem + '.json'!r}))"]
    cells += [f"display({{{MIMETYPE!r}: specs[{i}]}}, raw=True)" for i in range(len(specs))]
    for q in questions:
        options = [o.text for o in q.options] or ["yes", "no"]
        cells.append(f"w.VBox([w.RadioButtons(options={options!r}, value=None), "
                     "w.Button(description='Check'), w.HTML()])")
    return _notebook(path, cells)


def _jupyterquiz(q) -> dict:
    """A bank question as jupyterquiz data (choice questions keep their options; others become a
    numeric or one-right-answer choice, so each quiz is one jupyterquiz question)."""
    if q.type == "numeric":
        key = q.answer
        value = key.get("value", (key.get("min", 0) + key.get("max", 0)) / 2)
        return {"question": q.prompt, "type": "numeric", "precision": 3,
                "answers": [{"type": "value", "value": value, "correct": True, "feedback": "Correct."}]}
    options = q.options or ()
    right = set(q.answer) if q.type == "multiple" else {q.answer} if q.type == "single" else set()
    answers = [{"answer": o.text, "correct": o.id in right, "feedback": o.feedback or "Correct."} for o in options]
    if not answers or not any(a["correct"] for a in answers):
        answers = [{"answer": q.answer_text(), "correct": True, "feedback": "Correct."},
                   {"answer": "Something else", "correct": False, "feedback": "Not quite."}]
    kind = "many_choice" if q.type == "multiple" else "multiple_choice"
    return {"question": q.prompt, "type": kind, "answers": answers}


def peer_notebook(path: Path, specs: list[dict], questions: list) -> Path:
    """The same content through altair's default renderer and jupyterquiz."""
    path.parent.mkdir(parents=True, exist_ok=True)
    (path.parent / f"{path.stem}.json").write_text(json.dumps(specs))
    (path.parent / f"{path.stem}-quiz.json").write_text(json.dumps([_jupyterquiz(q) for q in questions]))
    cells = [f"import json\nimport altair as alt\nfrom jupyterquiz import display_quiz\n"
             "from IPython.display import display\n"
             f"specs = json.load(open({path.stem + '.json'!r}))\n"
             f"quizzes = json.load(open({path.stem + '-quiz.json'!r}))\nalt.renderers.enable('default')"]
    cells += [f"display(alt.renderers.get()(specs[{i}]), raw=True)" for i in range(len(specs))]
    cells += [f"display_quiz([quizzes[{i}]])" for i in range(len(questions))]
    return _notebook(path, cells)


def _count_drawn(lab: harness.LabPage) -> int:
    return lab.page.evaluate(
        """() => [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output')]
              .filter(o => [...o.querySelectorAll('.vega-embed svg, .vega-embed canvas, svg.marks')]
                           .some(g => (g.getBoundingClientRect().width || 0) > 20)).length""")


def timed_open(lab: harness.LabPage, path: str, quizzes: int, kind: str) -> float:
    """Seconds from opening through Run All until every chart drew and every quiz shows."""
    started = time.perf_counter()
    lab.open(path)
    lab.run_all()
    lab.wait_charts_drawn()
    if kind == "kzlessons" and quizzes:
        quizdom.quiz_outputs(lab.page).nth(quizzes - 1).wait_for(state="attached", timeout=harness.RENDER_TIMEOUT)
    elif quizzes:
        lab.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .widget-radio-box").nth(quizzes - 1).wait_for(
            state="attached", timeout=harness.RENDER_TIMEOUT)
    return time.perf_counter() - started


def peer_run(lab: harness.LabPage, path: str, charts: int) -> dict:
    started = time.perf_counter()
    lab.open(path)
    lab.run_all()
    ran = time.perf_counter() - started
    try:
        lab.page.wait_for_function(
            f"() => document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .vega-embed svg,"
            f" .jp-NotebookPanel:not(.lm-mod-hidden) .vega-embed canvas').length >= {charts}",
            timeout=PEER_GRACE_S * 1000)
    except Exception:  # the charts never drew: that is the finding
        pass
    quizzes = lab.page.evaluate(
        "() => document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .Quiz').length")
    return {"ran": ran, "drawn": _count_drawn(lab), "quizzes": quizzes, "external": len(lab.external_requests()),
            "hosts": sorted({r.split('/')[2] for r in lab.external_requests() if '//' in r})}


def _row(measure: str, value, baseline, unit: str, target: str = "") -> dict:
    ratio = round(value / baseline, 2) if isinstance(value, (int, float)) and baseline else None
    return {"area": AREA, "measure": measure, "value": round(value, 2) if isinstance(value, float) else value,
            "baseline": None if baseline is None else round(baseline, 2), "ratio": ratio, "unit": unit,
            "target": target}


def run(only: list[str] | None = None) -> list[dict]:
    problem = harness.tooling_problem()
    if problem:
        return [{"area": AREA, "measure": f"browser rows skipped: {problem}"}]
    from playwright.sync_api import sync_playwright

    import kzlessons as kz

    lessons = sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    if only:
        lessons = [p for p in lessons if p.name[:2] in only]
    try:
        import jupyterquiz  # noqa: F401
        peers = True
    except ImportError:
        peers = False
    rows: list[dict] = []
    saved_home = os.environ.get("KZLESSONS_HOME")
    with tempfile.TemporaryDirectory(prefix="kz-bench-browser-") as tmp:
        work = Path(tmp)
        os.environ["KZLESSONS_HOME"] = str(work / "kzhome")
        root = work / "served"
        root.mkdir()
        plan = []
        for lesson in lessons:
            shutil.copy2(lesson, root / lesson.name)
            specs = lesson_specs(root / lesson.name)
            questions = [kz.quiz.get(q) for q in quizdom.asked_ids(lesson)]
            nn = lesson.name[:2]
            floor_notebook(root / "_floor" / f"floor_{nn}.ipynb", specs, questions)
            if peers:
                peer_notebook(root / "_peer" / f"peer_{nn}.ipynb", specs, questions)
            plan.append((nn, lesson.name, len(specs), len(questions)))
        server = harness.LabServer(root=root, workdir=work / "lab").start()
        try:
            with sync_playwright() as playwright:
                browser = harness.launch_browser(playwright)

                def page_run(func, *args):
                    server.delete_kernels()
                    lab = harness.LabPage(browser, server)
                    try:
                        return func(lab, *args)
                    finally:
                        lab.close()
                        server.delete_kernels()

                nn0, _, c0, q0 = plan[0]
                page_run(timed_open, f"_floor/floor_{nn0}.ipynb", q0, "floor")  # warm-up (caches)
                for nn, name, charts, quizzes in plan:
                    ours, floor = [], []
                    for _ in range(REPEATS):  # interleaved, so load changes hit both alike
                        floor.append(page_run(timed_open, f"_floor/floor_{nn}.ipynb", quizzes, "floor"))
                        ours.append(page_run(timed_open, name, quizzes, "kzlessons"))
                    rows.append(_row(f"open->drawn {nn} ({charts} charts, {quizzes} quizzes) vs same-content floor",
                                     statistics.median(ours), statistics.median(floor), "s", "≤ 1.1×"))
                    if peers:
                        peer = page_run(peer_run, f"_peer/peer_{nn}.ipynb", charts)
                        rows.append(_row(f"peer {nn}: altair default renderer charts drawn offline",
                                         peer["drawn"], None, f"of {charts}"))
                        rows.append(_row(f"peer {nn}: jupyterquiz quizzes shown", peer["quizzes"], None,
                                         f"of {quizzes}"))
                        rows.append(_row(f"peer {nn}: requests that tried to leave the machine", peer["external"],
                                         None, "requests", "kzlessons: 0 ("
                                         + ", ".join(peer["hosts"]) + ")" if peer["hosts"] else "kzlessons: 0"))
                browser.close()
        finally:
            server.stop()
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
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
