"""Every lesson in Jupyter Notebook 7 (the ``notebook`` package), offline, as in JupyterLab:
it opens, runs all cells without an error, draws every chart, and answers a quiz by clicking."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import harness
import quizdom

LESSONS = harness.lesson_names()


@pytest.fixture(scope="module")
def notebook_server(notebook7_servers) -> harness.LabServer:
    """Jupyter Notebook 7 on 127.0.0.1 serving a temp copy of notebooks/."""
    return notebook7_servers("nb7")


@pytest.fixture
def nb7(browser, notebook_server: harness.LabServer) -> Iterator[harness.LabPage]:
    notebook_server.delete_kernels()
    page = harness.LabPage(browser, notebook_server)
    yield page
    page.close()
    notebook_server.delete_kernels()


@pytest.mark.parametrize("lesson", LESSONS)
def test_lesson_runs_draws_and_answers_in_notebook7(lesson: str, nb7: harness.LabPage,
                                                    notebook_server: harness.LabServer, banks: dict[str, dict],
                                                    artifacts: Path) -> None:
    """In Notebook 7: does the lesson run all cells without an error, draw every chart, show every
    quiz, answer a right choice with success, and request nothing outside 127.0.0.1?"""
    started = time.perf_counter()
    nb7.open(lesson)
    assert nb7.page.locator("#jp-top-panel, #top-panel-wrapper, .jp-NotebookKernelStatus, .jp-KernelName").count()
    nb7.run_all()
    errors = nb7.error_outputs()
    assert errors == [], f"{lesson}: cells show errors:\n" + "\n\n".join(errors)
    n_charts = nb7.wait_charts_drawn()
    assert [c for c in nb7.chart_cells() if c["drawn"] < c["charts"]] == []
    source = (notebook_server.root / lesson).read_text(encoding="utf-8")
    if "kz.charts." in source:
        assert n_charts > 0, f"{lesson} makes charts but none was drawn"
    asked = quizdom.asked_ids(notebook_server.root / lesson)
    quizzes = quizdom.quiz_outputs(nb7.page)
    quizzes.first.wait_for(state="attached", timeout=harness.RENDER_TIMEOUT)
    assert quizzes.count() == len(asked)
    index, qid = next((i, q) for i, q in enumerate(asked) if banks[q].get("type") in {"single", "multiple"})
    quiz = quizzes.nth(index)
    quiz.scroll_into_view_if_needed()
    right = quizdom.submit(nb7.page, quiz, banks[qid], quizdom.right_options(banks[qid]))
    assert quizdom.is_success(right), f"{qid}: a right answer shows {right!r}"
    nb7.screenshot(artifacts / f"nb7-{Path(lesson).stem}.png")
    assert nb7.external_requests() == [], f"{lesson}: requests left 127.0.0.1"
    print(f"notebook7 {lesson}: {time.perf_counter() - started:.1f} s, {n_charts} charts, {len(asked)} quizzes")
