"""Assessment mode in a real JupyterLab (issue 21 item 6): a lesson under an assessment config saves
answers and shows "Answer saved" and no verdict; once the instructor publishes the release, the same
quiz cells, run again, show the feedback on the saved answers.

The server is this test's own (not the shared one): it is started with ``KZLESSONS_ASSESSMENT``
naming a config, as a JupyterHub would set it for every learner's server, so every kernel it starts
reads it. The release is published with ``kzlessons assessment --release``, as an instructor would.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import harness
import quizdom
from kzlessons.cli import main as cli_main
from kzlessons.quiz import assessment as mode

LESSON = "00_start_here.ipynb"
SAVE_NAME = re.compile(r"^\s*Save answer\b")
VERDICT = re.compile(r"\bCorrect\b|Not quite|Partly right|Try again|\bWhy:", re.I)
RELEASED = "Results of Quiz 1 released"


@pytest.fixture
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The instructor's assessment config: lesson 00 is 'Quiz 1', released by the file ``released``."""
    config = tmp_path / "course" / "assessment.toml"
    config.parent.mkdir()
    config.write_text('[[assessment]]\nname = "Quiz 1"\nlessons = ["00"]\nrelease_file = "released"\n',
                      encoding="utf-8")
    return config


@pytest.fixture
def assessed_lab(browser: object, course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                 request: pytest.FixtureRequest, artifacts: Path) -> Iterator[harness.LabPage]:
    """A tab on a JupyterLab of its own whose kernels all see $KZLESSONS_ASSESSMENT (a copy of the lessons)."""
    monkeypatch.setenv(mode.ENV, str(course))  # the server copies the environment when it starts
    root = tmp_path / "notebooks"
    harness.copy_notebooks(root)
    server = harness.LabServer(root=root, workdir=tmp_path / "work").start()
    page = harness.LabPage(browser, server)
    try:
        yield page
    finally:
        report = getattr(request.node, "rep_call", None)
        if report is not None and report.failed:
            try:
                page.screenshot(artifacts / "FAILED-assessment.png")
            except Exception:  # the page may be gone; the failure itself matters more
                pass
        page.close()
        server.stop()


def _quiz(page, qid: str):
    """The output area of the quiz asking ``qid`` (under assessment its button is Save answer, not Check)."""
    root = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)").first
    return root.locator(".jp-OutputArea-output").filter(has=page.locator(f"[data-qid={json.dumps(qid)}]")).filter(
        has=page.get_by_role("button", name=re.compile(r"^\s*(Save answer|Check)\b"))).first


def _buttons(page, quiz) -> list[str]:
    """The quiz's button texts, once every button has drawn its text (each is its own widget view)."""
    return page.wait_for_function(
        """(quiz) => { const texts = [...quiz.querySelectorAll('button')].map(b => b.textContent.trim());
               return texts.length && texts.every(t => t) ? texts : false; }""",
        arg=quiz.element_handle(), timeout=harness.RENDER_TIMEOUT, polling=100).json_value()


def _wait_text(page, quiz, pattern: str, timeout: float = harness.RENDER_TIMEOUT) -> str:
    """Wait until the quiz's feedback region matches the regex ``pattern``; returns its text."""
    return page.wait_for_function(
        """([quiz, selector, pattern]) => { const r = quiz.querySelector(selector);
               const text = r ? r.innerText : '';
               return new RegExp(pattern).test(text) ? text : false; }""",
        arg=[quiz.element_handle(), quizdom.FEEDBACK_SELECTOR, pattern], timeout=timeout, polling=100).json_value()


def _stored(server: harness.LabServer) -> list[dict]:
    path = server.home / "progress" / "attempts.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return [json.loads(line) for line in lines if line.strip()]


def _rerun_cell_of(lab: harness.LabPage, qid: str) -> None:
    """Run the code cell that asks ``qid`` again (click into its editor, Ctrl+Enter), as a learner would."""
    cell = lab.notebook().locator(".jp-CodeCell").filter(has=lab.page.locator(f"[data-qid={json.dumps(qid)}]")).first
    cell.scroll_into_view_if_needed()
    cell.locator(".jp-InputArea-editor").click()
    lab.page.keyboard.press("Control+Enter")


def test_answers_are_saved_without_verdict_until_the_release(assessed_lab: harness.LabPage, course: Path,
                                                             banks: dict[str, dict], artifacts: Path) -> None:
    """Under assessment, do a right and a wrong answer (by mouse and by Enter) both show only 'Answer saved'
    (words and the saved icon), with Save answer as the only button and nothing stored but marked answers;
    and after `kzlessons assessment --release`, do the re-run quiz cells show each saved answer's verdict?"""
    problem = quizdom.widget_problem()
    if problem:
        pytest.skip(problem)
    lab, page = assessed_lab, assessed_lab.page
    asked = quizdom.asked_ids(lab.server.root / LESSON)
    single = next(q for q in asked if banks[q]["type"] == "single")
    typed = next(q for q in asked if banks[q]["type"] in ("text", "numeric"))
    lab.open(LESSON)
    lab.run_all()
    assert lab.error_outputs() == []

    # A right answer to a single-choice question, saved with the mouse.
    quiz = _quiz(page, single)
    quizdom.wait_ready(page, quiz)
    quiz.scroll_into_view_if_needed()
    assert _buttons(page, quiz) == ["Save answer"]  # no Show answer, no Reset
    meta = quiz.locator(".kzlessons-quiz-meta").first.inner_text()
    assert meta.startswith("Assessment") and "Graded (Quiz 1)" in quiz.inner_text()
    quizdom.choose(quiz, banks[single], quizdom.right_options(banks[single]))
    quiz.get_by_role("button", name=SAVE_NAME).click()
    saved = _wait_text(page, quiz, "Answer saved")
    assert not VERDICT.search(saved), saved
    assert quizdom.feedback_region(quiz).locator("svg[data-icon='⤓']").count() == 1  # an icon, not colour alone
    assert quiz.locator(".kzlessons-explanation").count() == 0

    # A wrong answer to a typed question, saved with Enter: the same words.
    quiz2 = _quiz(page, typed)
    quizdom.wait_ready(page, quiz2)
    quiz2.scroll_into_view_if_needed()
    box = quiz2.locator("input[type=text]").first
    box.fill("0" if banks[typed]["type"] == "numeric" else "not an answer")
    box.press("Enter")
    saved2 = _wait_text(page, quiz2, "Answer saved")
    assert not VERDICT.search(saved2), saved2
    assert saved2.splitlines()[0] == saved.splitlines()[0]  # right and wrong look the same
    quiz.scroll_into_view_if_needed()
    lab.screenshot(artifacts / "assessment-saved.png")

    lab.wait_idle()
    rows = [r for r in _stored(lab.server) if r["question_id"] in (single, typed)]
    assert [(r["question_id"], r.get("mode"), r["correct"]) for r in rows] == [
        (single, "assessment", True), (typed, "assessment", False)]

    # The instructor publishes the release; the learner runs the two quiz cells again.
    assert cli_main(["assessment", "--config", str(course), "--release", "Quiz 1"]) == 0
    _rerun_cell_of(lab, single)
    right = _wait_text(page, _quiz(page, single), RELEASED)
    assert quizdom.is_success(right), right
    assert _quiz(page, single).locator(".kzlessons-explanation").count() == 1
    lab.wait_idle()
    _rerun_cell_of(lab, typed)
    wrong = _wait_text(page, _quiz(page, typed), RELEASED)
    assert re.search(r"Not quite", wrong) and not quizdom.is_success(wrong), wrong
    assert _buttons(page, _quiz(page, typed)) == ["Check", "Show answer", "Reset"]
    _quiz(page, single).scroll_into_view_if_needed()
    lab.screenshot(artifacts / "assessment-released.png")
    assert lab.external_requests() == []
