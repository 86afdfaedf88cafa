"""Grade what is shown (issue 22, UX-1): typing over a numeric answer and pressing Check at once, while
the kernel is busy, must grade and store exactly what the box showed at the click.

The race: ipywidgets sends a control's state updates one at a time (while one is unanswered, later
ones are held back and merged), but a click or Enter is a custom message sent at once. And
JupyterLab 4.6 with ipykernel 7 may handle widget messages on a kernel subshell while others wait
for the main shell, so messages of two widgets (the box and the Check button) can be handled in
either order. So the kernel graded and stored "3" for a box showing "3 900 000".

How the test makes it happen every time on the code before the fix: a background thread in the
kernel keeps it busy (repeated big-integer products, each holding the GIL for about 0.15 s, as a
heavy computation does), so each of the box's updates is answered late and the keystrokes after the
first are held back in the page; every third round a long-running cell is also queued (the main
shell busy too). Then the test types over the box and presses Check (a mouse click at once, or
Enter) with no pause, 15 times, alternating a right and a wrong answer.
"""

from __future__ import annotations

import json
import re

import pytest

import harness
import quizdom

NOTEBOOK = "_harness/rapid_typing.ipynb"
QID = "l00-area"
BUSY_SECONDS = 1.0
#: Alternated answers: the right one, and one too high. Every prefix of either ("2", "2 7", "3 9") is
#: graded "too low", so a grade of a partly sent value can never pass for the grade of the whole one.
ANSWERS = ("2 724 900", "3 900 000")
ROUNDS = 15

#: A kernel under load: a thread whose big-integer products each hold the GIL for about 0.15 s.
LOAD = """import threading, time
def _load(x=3 ** 1_000_000):
    while True:
        x * x
        time.sleep(0.005)
threading.Thread(target=_load, daemon=True, name="load").start()"""

#: Records, in the page, what the box shows at each press of Check (mouse or keyboard) or Enter in the box.
RECORD_SEEN = """(quiz) => {
    window.__kzSeen = [];
    const box = () => quiz.querySelector('input[type=text]');
    quiz.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' && e.target === box()) window.__kzSeen.push(['enter', box().value]);
    }, true);
    quiz.addEventListener('click', (e) => {
        const button = e.target.closest && e.target.closest('button');
        if (button && /^\\s*Check\\b/.test(button.textContent)) window.__kzSeen.push(['check', box().value]);
        if (button && /^\\s*Reset\\b/.test(button.textContent)) window.__kzSeen.push(['reset', box().value]);
    }, true);
}"""


def _notebook(path) -> None:
    import nbformat

    cells = [
        nbformat.v4.new_code_cell("import kzlessons as kz\nkz.setup()"),
        nbformat.v4.new_code_cell(f'kz.quiz.ask("{QID}")'),
        nbformat.v4.new_code_cell(f"import time\ntime.sleep({BUSY_SECONDS})  # a long-running cell"),
        nbformat.v4.new_code_cell(LOAD),
    ]
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))


def _stored_rows(server: harness.LabServer) -> list[dict]:
    path = server.home / "progress" / "attempts.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _long_cell(lab: harness.LabPage) -> None:
    """Run the notebook's sleeping cell (Ctrl+Enter in its editor): the main shell is busy for a moment."""
    cell = lab.notebook().locator(".jp-CodeCell").nth(2)
    cell.locator(".jp-InputArea-editor").click()
    lab.page.keyboard.press("Control+Enter")
    lab.page.wait_for_function(
        """() => { const el = document.querySelector(
               '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook-ExecutionIndicator');
               return el && el.getAttribute('data-status') !== 'idle'; }""",
        timeout=harness.CLICK_TIMEOUT, polling=20)


def _expected(answer: str) -> re.Pattern[str]:
    if answer == ANSWERS[0]:
        return re.compile(r"^✓?\s*Correct\b.*2,724,900 km²", re.S)
    return re.compile(r"Not quite.*3,900,000 km² is too high", re.S)


def test_check_grades_what_the_box_shows_while_the_kernel_is_busy(lab: harness.LabPage,
                                                                   lab_server: harness.LabServer) -> None:
    """Typing over the numeric answer and pressing Check (click or Enter) at once, 15 times while the kernel
    is busy: is every stored attempt exactly what the box showed at the press, with matching feedback?
    And does Reset pressed straight after typing leave the box empty (no typed text coming back)?"""
    problem = quizdom.widget_problem()
    if problem:
        pytest.skip(problem)
    _notebook(lab_server.root / NOTEBOOK)
    stored_before = len(_stored_rows(lab_server))
    page = lab.page
    lab.open(NOTEBOOK)
    lab.run_all()
    assert lab.error_outputs() == []
    quiz = quizdom.quiz_for(page, QID)
    quizdom.wait_ready(page, quiz)
    quiz.evaluate(RECORD_SEEN)
    box = quiz.locator("input[type=text]").first
    check = quizdom.check_button(quiz)

    mismatches = []
    for i in range(ROUNDS):
        answer = ANSWERS[i % 2]
        with_enter = i % 3 == 1
        before = quizdom.feedback_text(quiz)
        if i % 3 == 2:
            _long_cell(lab)
        box.click()
        spot = check.bounding_box()  # where to click: no actionability checks between typing and the click
        page.keyboard.press("Control+a")  # type over the previous answer
        page.keyboard.type(answer)
        if with_enter:
            page.keyboard.press("Enter")
        else:
            page.mouse.click(spot["x"] + spot["width"] / 2, spot["y"] + spot["height"] / 2)
        feedback = quizdom.wait_feedback_change(page, quiz, before)
        lab.wait_idle()
        if not _expected(answer).search(feedback):
            mismatches.append((i, "enter" if with_enter else "check", answer, feedback))
    seen = page.evaluate("() => window.__kzSeen")
    assert [value for _how, value in seen] == [ANSWERS[i % 2] for i in range(ROUNDS)], seen
    rows = [r for r in _stored_rows(lab_server)[stored_before:] if r.get("question_id") == QID]
    attempts = [r["answer"] for r in rows if r.get("kind", "attempt") == "attempt"]
    assert attempts == [value for _how, value in seen], f"stored answers differ from what the box showed: {attempts}"
    assert mismatches == [], f"feedback did not match the box: {mismatches}"

    # Reset straight after typing (the kernel still busy): the box is empty at once and stays empty, and
    # the kernel's form is empty too: Check on it says there is nothing to check, and stores nothing.
    box.click()
    page.keyboard.press("Control+a")
    page.keyboard.type("1 234 567")
    quiz.get_by_role("button", name=quizdom.RESET_NAME).first.click()
    assert box.input_value() == ""
    page.wait_for_function(  # the kernel has reset: the feedback is only the attempt count
        r"""([quiz, selector]) => /^\s*Attempts: \d+\s*$/.test(quiz.querySelector(selector).innerText)""",
        arg=[quiz.element_handle(), quizdom.FEEDBACK_SELECTOR], timeout=harness.CLICK_TIMEOUT, polling=50)
    spot = check.bounding_box()
    page.mouse.click(spot["x"] + spot["width"] / 2, spot["y"] + spot["height"] / 2)
    hint = page.wait_for_function(
        """([quiz, selector]) => { const text = quiz.querySelector(selector).innerText;
               return /Nothing to check yet/.test(text) ? text : false; }""",
        arg=[quiz.element_handle(), quizdom.FEEDBACK_SELECTOR], timeout=harness.CLICK_TIMEOUT, polling=50).json_value()
    after_reset = box.input_value()

    rows = [r for r in _stored_rows(lab_server)[stored_before:] if r.get("question_id") == QID]
    assert [r.get("kind", "attempt") for r in rows] == ["attempt"] * ROUNDS + ["reset"]
    assert after_reset == "", f"after Reset the box shows {after_reset!r}"
    every = [r for r in _stored_rows(lab_server)
             if r.get("question_id") == QID and r.get("kind", "attempt") == "attempt"]
    assert quizdom.attempts_shown(hint) == len(every), hint
