"""Reopening a lesson: the quiz remembers the learner's last answer and its result."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

import harness
import quizdom


def test_reopened_lesson_restores_answer_and_result(lab: harness.LabPage, lab_server: harness.LabServer,
                                                   banks: dict[str, dict]) -> None:
    """After answering, saving, closing the notebook and reopening it with a fresh kernel and re-running,
    does the quiz show the previous answer selected and the previous result?"""
    problem = quizdom.widget_problem()
    if problem:
        pytest.skip(problem)
    lessons = [n for n in harness.lesson_names() if n.startswith("00_")] or harness.lesson_names()
    candidates = [(n, i, q) for n in lessons for i, q in enumerate(quizdom.asked_ids(lab_server.root / n))
                  if banks.get(q, {}).get("type") == "single"]
    if candidates:
        lesson, _index, qid = candidates[0]
    else:  # no lesson yet: use a harness notebook asking the first single-choice question
        qid = next((q for q, v in banks.items() if v.get("type") == "single"), None)
        if qid is None:
            pytest.skip("no single-choice question in the banks")
        lesson = "_harness/reopen.ipynb"
        quizdom.make_quiz_notebook(lab_server.root / lesson, [qid])
    question = banks[qid]
    wrong = quizdom.wrong_option(question)

    lab.open(lesson)
    lab.run_all()
    quiz = quizdom.quiz_for(lab.page, qid)
    quiz.scroll_into_view_if_needed()
    first = quizdom.submit(lab.page, quiz, question, [wrong])
    assert first.strip() and not quizdom.is_success(first), f"{qid}: a wrong answer shows {first!r}"
    lab.save()
    lab.close_all_tabs()
    lab_server.delete_kernels()
    assert lab_server.kernels() == []

    lab.open(lesson)
    lab.run_all()
    quiz = quizdom.quiz_for(lab.page, qid)
    quizdom.wait_ready(lab.page, quiz)
    quiz.scroll_into_view_if_needed()
    option = quiz.get_by_role("radio", name=quizdom.option_text(question, wrong)).first
    # The restored choice and the restored feedback are two widget views drawn independently: wait
    # for both (the state is complete in the kernel before the cell's output is displayed).
    restored = lab.page.wait_for_function(
        """([quiz, option, selector]) => { const r = quiz.querySelector(selector);
               const text = r ? r.innerText.trim() : '';
               return option.checked && text !== '' ? text : false; }""",
        arg=[quiz.element_handle(), option.element_handle(), quizdom.FEEDBACK_SELECTOR],
        timeout=harness.RENDER_TIMEOUT, polling=100).json_value()
    assert restored.strip(), f"{qid}: the previous result is not shown after reopening"
    assert not quizdom.is_success(restored), f"{qid}: reopened quiz claims success: {restored!r}"
    assert lab.external_requests() == []


#: No widget output is still loading, and either every asked question's prompt is in the notebook's
#: text (whitespace collapsed, as the checks below read it) or a widget error is. The prompts, not
#: the ids: the ids are in the code cells' source, so they are there before any output is drawn, and
#: restored outputs are attached one by one (the last quiz's could still be missing).
QUIZZES_SETTLED = r"""
(prompts) => {
    const nb = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook');
    if (!nb) return false;
    const outs = [...nb.querySelectorAll('.jp-OutputArea-output')];
    if (outs.some(o => /^\s*Loading widget/.test(o.textContent))) return false;
    const text = nb.textContent.split(/\s+/).join(' ');
    return prompts.every(p => text.includes(p)) || /model not found|Error displaying widget/i.test(text);
}
"""
WIDGET_ERROR = re.compile(r"model not found|Error displaying widget", re.I)


def _prompt_start(question: dict) -> str:
    return quizdom.plain(question["prompt"])[:40]


def _reopen_checks(page, asked: list[str], banks: dict[str, dict]) -> str:
    """After a reopen: wait until every quiz is drawn (or one shows a widget error), then check that
    none shows a widget error and every one shows its question; returns the notebook's text."""
    prompts = [_prompt_start(banks[qid]) for qid in asked]
    try:
        page.wait_for_function(QUIZZES_SETTLED, arg=prompts, timeout=harness.RENDER_TIMEOUT, polling=250)
    except PlaywrightTimeout:
        pass  # the checks below say which quiz is missing
    text = " ".join(page.evaluate(
        "() => document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook').textContent").split())
    assert not WIDGET_ERROR.search(text), f"a quiz shows a widget error after reopening: {WIDGET_ERROR.search(text)}"
    for qid in asked:
        words = _prompt_start(banks[qid])
        assert words in text, f"{qid}: its question ({words!r}) is not shown after reopening"
    return text


#: Resolves once the element has kept its place for a few frames (a windowed notebook moves cells
#: while it draws the ones scrolled into view), so a screenshot shows the element, not its neighbour.
SETTLED_IN_PLACE = """el => new Promise(done => { let last = null, same = 0;
    const tick = () => { const top = el.getBoundingClientRect().top; same = top === last ? same + 1 : 0;
                         last = top; if (same >= 5) done(true); else requestAnimationFrame(tick); };
    tick(); })"""
#: The one line a quiz drawn from saved state shows (CSS ``::before`` of a disconnected quiz).
NOT_RUNNING_LINE = "el => { const q = el.querySelector('.kzlessons-quiz'); return q ? getComputedStyle(q, '::before').content : ''; }"


def _shoot(locator, path) -> None:
    locator.scroll_into_view_if_needed()
    locator.evaluate(SETTLED_IN_PLACE)
    locator.screenshot(path=str(path))


def _leave(page: harness.LabPage, server: harness.LabServer) -> None:
    """Close the lesson and shut its kernel down (what a new day, or a restarted server, leaves)."""
    if server.app == "lab":
        page.close_all_tabs()
    else:  # Notebook 7: one notebook per page
        page.page.goto("about:blank")
    server.delete_kernels()
    assert server.kernels() == []


def reopen_without_a_kernel(page: harness.LabPage, server: harness.LabServer, banks: dict[str, dict],
                            artifacts) -> None:
    """Run lesson 00, answer a quiz wrong, save, shut the kernel down and reopen the lesson: every quiz
    shows its question, the answered one its last answer and result and a line saying it is not running
    yet, and no "Error displaying widget: model not found". Then save that reopened lesson before running
    anything (its quizzes are live in no kernel now), shut down, reopen: each quiz is its question as
    static HTML with a line saying to run its cell, and still no widget error."""
    lesson = next(n for n in harness.lesson_names() if n.startswith("00_"))
    asked = quizdom.asked_ids(server.root / lesson)
    qid = next(q for q in asked if banks[q].get("type") == "single")
    question = banks[qid]
    wrong = quizdom.wrong_option(question)

    page.open(lesson)
    page.run_all()
    quiz = quizdom.quiz_for(page.page, qid)
    quiz.scroll_into_view_if_needed()
    first = quizdom.submit(page.page, quiz, question, [wrong])
    assert first.strip() and not quizdom.is_success(first)
    page.save()
    _leave(page, server)

    page.open(lesson)  # a fresh page load: the lesson's kernel is new and has run no cell
    _reopen_checks(page.page, asked, banks)
    quiz = quizdom.quiz_for(page.page, qid)
    quiz.scroll_into_view_if_needed()
    option = quiz.get_by_role("radio", name=quizdom.option_text(question, wrong)).first
    # restored views draw one by one: wait for the choice and the feedback rather than reading at once
    expect(option, f"{qid}: the last answer is not shown after reopening").to_be_checked(timeout=30_000)
    feedback = quizdom.wait_feedback_change(page.page, quiz, "", timeout=30_000)
    assert feedback.strip() and not quizdom.is_success(feedback), f"{qid}: last result not shown: {feedback!r}"
    assert "run this cell" in quiz.evaluate(NOT_RUNNING_LINE), "the restored quiz does not say it is not running"
    _shoot(quiz, artifacts / f"reopen-{server.app}-restored-quiz.png")

    page.save()  # saved again before any cell ran
    _leave(page, server)
    page.open(lesson)
    _reopen_checks(page.page, asked, banks)
    notices = page.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .kzlessons-rerun")
    assert notices.count() >= len(asked)
    assert "run its cell" in notices.first.text_content()
    static_quiz = page.page.locator(".jp-OutputArea-output", has=page.page.locator(".kzlessons-rerun")).filter(
        has_text=qid).first
    _shoot(static_quiz, artifacts / f"reopen-{server.app}-static-quiz.png")
    assert page.external_requests() == []


def test_reopened_lesson_without_a_kernel_shows_every_quiz_not_a_widget_error(
        lab: harness.LabPage, lab_server: harness.LabServer, banks: dict[str, dict], artifacts) -> None:
    """JupyterLab: after a reopen without a kernel, every quiz shows its question and last state, never
    "Error displaying widget: model not found" (see :func:`reopen_without_a_kernel`)."""
    problem = quizdom.widget_problem()
    if problem:
        pytest.skip(problem)
    reopen_without_a_kernel(lab, lab_server, banks, artifacts)


@pytest.fixture(scope="module")
def notebook7_server(notebook7_servers) -> harness.LabServer:
    """Jupyter Notebook 7 on its own temp copy of notebooks/ (this test saves lesson 00)."""
    return notebook7_servers("nb7reopen")


def test_reopened_lesson_without_a_kernel_in_notebook7(browser, notebook7_server: harness.LabServer,
                                                       banks: dict[str, dict], artifacts) -> None:
    """Notebook 7: the same reopen as in JupyterLab, the same result (see :func:`reopen_without_a_kernel`)."""
    problem = quizdom.widget_problem()
    if problem:
        pytest.skip(problem)
    notebook7_server.delete_kernels()
    page = harness.LabPage(browser, notebook7_server)
    try:
        reopen_without_a_kernel(page, notebook7_server, banks, artifacts)
    except Exception:
        page.screenshot(artifacts / "FAILED-reopen-notebook7.png")
        raise
    finally:
        page.close()
        notebook7_server.delete_kernels()
