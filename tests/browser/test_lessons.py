"""Every lesson in a real JupyterLab + headless Chromium, offline: runs, draws, answers a quiz."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

import harness
import quizdom

LESSONS = harness.lesson_names()


def test_harness_sees_charts_widgets_and_errors(lab: harness.LabPage, lab_server: harness.LabServer,
                                                artifacts: Path) -> None:
    """Does the harness itself work: a bare notebook's chart draws, its widget answers a click,
    a raised exception is reported as an error (a stderr warning is not), and nothing leaves 127.0.0.1?"""
    harness.make_demo_notebook(lab_server.root / "_harness" / "demo_error.ipynb", error=True)
    lab.open("_harness/demo_error.ipynb")
    lab.run_all()
    assert lab.wait_charts_drawn() == 1
    assert lab.chart_cells() == [{"index": 0, "charts": 1, "drawn": 1}]
    quiz = lab.notebook().locator(".jp-OutputArea-output").filter(has=lab.page.get_by_role("button", name="Check"))
    assert quiz.count() == 1  # ipywidgets' lab extension is found: widgets render
    quiz.get_by_role("radio", name="Almaty").check()
    quiz.get_by_role("button", name="Check").click()
    lab.page.wait_for_function("() => document.querySelector('.widget-html-content').innerText.includes('Not quite')")
    errors = lab.error_outputs()
    assert len(errors) == 1 and "ZeroDivisionError" in errors[0]
    lab.screenshot(artifacts / "harness-demo.png")
    assert lab.external_requests() == []


@pytest.mark.parametrize("lesson", LESSONS or [pytest.param("none", marks=pytest.mark.skip(
    reason="no lesson notebooks in notebooks/ yet"))])
def test_lesson_runs_draws_and_answers_offline(lesson: str, lab: harness.LabPage, lab_server: harness.LabServer,
                                               banks: dict[str, dict], artifacts: Path) -> None:
    """Does the lesson Run All without an error, draw every chart, and follow the reveal policy on a quiz
    (a wrong answer gets a hint and no explanation, a retry that is right shows it, Reset clears it,
    Show answer shows it again), all without one request leaving 127.0.0.1?"""
    started = time.perf_counter()
    lab.open(lesson)
    lab.run_all()
    errors = lab.error_outputs()
    assert errors == [], f"{lesson}: cells show errors:\n" + "\n\n".join(errors)

    n_charts = lab.wait_charts_drawn()
    undrawn = [c for c in lab.chart_cells() if c["drawn"] < c["charts"]]
    assert undrawn == [], f"{lesson}: charts without an SVG/canvas in cells {undrawn}"
    source = (lab_server.root / lesson).read_text(encoding="utf-8")
    if "kz.charts." in source or "alt.Chart" in source:
        assert n_charts > 0, f"{lesson} makes charts but none was drawn"

    asked = quizdom.asked_ids(lab_server.root / lesson)
    quizzes = quizdom.quiz_outputs(lab.page)
    assert asked, f"{lesson} asks no quiz (kz.quiz.ask)"
    try:  # views draw one by one: wait for all of them, then count
        expect(quizzes).to_have_count(len(asked), timeout=harness.RENDER_TIMEOUT)
    except AssertionError:
        pass
    assert quizzes.count() == len(asked), f"{lesson}: {len(asked)} kz.quiz.ask calls, {quizzes.count()} quizzes drawn"
    # the reveal policy on the first choice question: wrong (hint, no answer), retry right (answer shown),
    # then Reset and Show answer (answer shown, recorded as shown)
    choice = [(i, q) for i, q in enumerate(asked) if banks[q].get("type") in {"single", "multiple"}]
    assert choice, f"{lesson} has no single/multiple choice quiz to click"
    _index, qid = choice[0]
    question, quiz = banks[qid], quizdom.quiz_for(lab.page, qid)
    quiz.scroll_into_view_if_needed()
    quizdom.press(lab.page, quiz, quizdom.RESET_NAME)  # start afresh whatever earlier tests stored
    explanation = quizdom.words_pattern(question["explanation"]) if question.get("explanation") else None
    wrong = quizdom.submit(lab.page, quiz, question, [quizdom.wrong_option(question)])
    assert not quizdom.is_success(wrong), f"{qid}: a wrong answer shows {wrong!r}"
    assert quizdom.TRY_AGAIN.search(wrong), f"{qid}: a wrong answer does not invite a retry: {wrong!r}"
    if explanation:
        assert not explanation.search(quiz.inner_text()), f"{qid}: the explanation is shown after one wrong try"
    right = quizdom.submit(lab.page, quiz, question, quizdom.right_options(question))
    assert quizdom.is_success(right), f"{qid}: a right answer shows {right!r}"
    if explanation:
        assert explanation.search(quiz.inner_text()), f"{qid}: explanation not shown after the right answer"
    quizdom.press(lab.page, quiz, quizdom.RESET_NAME)
    lab.page.wait_for_function("(el) => !el.querySelector('.kzlessons-explanation')", arg=quiz.element_handle(),
                               timeout=harness.RENDER_TIMEOUT)
    shown = quizdom.press(lab.page, quiz, quizdom.SHOW_NAME)
    assert quizdom.SHOWN.search(shown), f"{qid}: Show answer gives {shown!r}"
    if explanation:
        quiz.locator(".kzlessons-explanation").wait_for(timeout=harness.RENDER_TIMEOUT)
        assert explanation.search(quiz.inner_text()), f"{qid}: Show answer does not show the explanation"

    lab.screenshot(artifacts / f"{Path(lesson).stem}.png", full_page=False)
    assert lab.external_requests() == [], f"{lesson}: requests left 127.0.0.1"
    print(f"{lesson}: {time.perf_counter() - started:.1f} s, {n_charts} charts, {len(asked)} quizzes")
