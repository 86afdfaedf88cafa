"""Accessibility of the quiz widgets in a real JupyterLab: axe-core scoped to each quiz's output area,
plus what axe cannot judge: labelled radio groups, announced feedback, keyboard-only use.

One harness notebook asks one question of every type in the banks (single, multiple, numeric,
text, ordering), so every quiz view is checked in a single kernel run.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import harness
import quizdom

NOTEBOOK = "_harness/every_quiz_type.ipynb"
BLOCKING = {"serious", "critical"}


@pytest.fixture(scope="module")
def quiz_page(browser, lab_server: harness.LabServer, banks: dict[str, dict]) -> Iterator[tuple[harness.LabPage, list[str]]]:
    """JupyterLab showing one quiz of each type, after Run All (one kernel for the whole module)."""
    problem = quizdom.widget_problem()
    if problem:
        pytest.skip(problem)
    qids = quizdom.one_per_type(banks)
    assert qids, "no questions in kzlessons/banks"
    quizdom.make_quiz_notebook(lab_server.root / NOTEBOOK, qids)
    lab_server.delete_kernels()
    lab = harness.LabPage(browser, lab_server)
    try:
        lab.open(NOTEBOOK)
        lab.run_all()
        assert lab.error_outputs() == []
        for qid in qids:  # views draw one by one: wait for every quiz to be complete
            quizdom.wait_ready(lab.page, quizdom.quiz_for(lab.page, qid), timeout=harness.RENDER_TIMEOUT)
        assert quizdom.quiz_outputs(lab.page).count() == len(qids)
        yield lab, qids
    finally:
        lab.close()
        lab_server.delete_kernels()


def _axe(lab: harness.LabPage, axe_source: str) -> list[dict]:
    """Serious/critical axe violations inside each quiz output area (not JupyterLab's own chrome)."""
    if not lab.page.evaluate("() => typeof window.axe !== 'undefined'"):
        lab.page.add_script_tag(content=axe_source)
    found = []
    quizzes = quizdom.quiz_outputs(lab.page)
    for i in range(quizzes.count()):
        handle = quizzes.nth(i).element_handle()
        result = lab.page.evaluate(
            "async (el) => (await axe.run(el, {resultTypes: ['violations']})).violations"
            ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
            " nodes: v.nodes.map(n => n.html.slice(0, 200))}))", handle)
        found += [{"quiz": i, **v} for v in result if v["impact"] in BLOCKING]
    return found


def test_axe_finds_no_serious_violations_in_quizzes(quiz_page, axe_source: str, banks: dict[str, dict],
                                                   artifacts) -> None:
    """Does axe-core, scoped to each quiz's output area, find 0 serious or critical violations,
    both before and after an answer is checked (feedback and explanation showing)?"""
    lab, qids = quiz_page
    before = _axe(lab, axe_source)
    for qid in qids:
        quizdom.answer_something(lab.page, quizdom.quiz_for(lab.page, qid), banks[qid])
    after = _axe(lab, axe_source)
    lab.screenshot(artifacts / "quiz-every-type.png", full_page=True)
    assert before == [] and after == [], f"before answering: {before}\nafter answering: {after}"


def test_choice_groups_are_labelled_by_the_question(quiz_page, banks: dict[str, dict]) -> None:
    """Is every radio group (and checkbox group) exposed as a group whose accessible name is the question?"""
    lab, qids = quiz_page
    checked = 0
    for qid in qids:
        question = banks[qid]
        role = {"single": "radiogroup", "multiple": "group"}.get(question.get("type"))
        if not role:
            continue
        prompt = quizdom.words_pattern(question["prompt"], n=5)
        groups = quizdom.quiz_for(lab.page, qid).get_by_role(role, name=prompt)
        assert groups.count() >= 1, f"{qid}: no {role} named by its question {question['prompt']!r}"
        kind = "radio" if role == "radiogroup" else "checkbox"
        assert groups.first.get_by_role(kind).count() == len(question["options"]), \
            f"{qid}: the {role} does not contain every option"
        checked += 1
    assert checked, "no single/multiple choice question in the banks"


def test_feedback_is_announced(quiz_page, banks: dict[str, dict]) -> None:
    """Does every quiz have a live region (role=status / aria-live) into which Check writes its feedback?"""
    lab, qids = quiz_page
    for qid in qids:
        region = quizdom.feedback_region(quizdom.quiz_for(lab.page, qid))
        assert region.count() == 1, f"{qid}: no role=status or aria-live region before the first Check"
        live = region.get_attribute("aria-live") or ("polite" if region.get_attribute("role") == "status" else None)
        assert live in {"polite", "assertive"}, f"{qid}: feedback region is not announced (aria-live={live!r})"
        feedback = quizdom.answer_something(lab.page, quizdom.quiz_for(lab.page, qid), banks[qid])
        assert feedback.strip(), f"{qid}: Check wrote nothing into the live region"


def test_live_region_survives_check(quiz_page, banks: dict[str, dict]) -> None:
    """Is the live region the same DOM node before and after Check (a replaced region is often not announced)?"""
    lab, qids = quiz_page
    quiz = quizdom.quiz_for(lab.page, qids[0])
    region = quizdom.feedback_region(quiz).element_handle()
    feedback = quizdom.answer_something(lab.page, quiz, banks[qids[0]])
    assert region.evaluate("(el) => el.isConnected && el.innerText.trim() !== ''"), \
        f"the live region was replaced; new feedback {feedback!r} appeared in a new node"


def test_quiz_works_with_keyboard_alone(quiz_page, banks: dict[str, dict]) -> None:
    """Can a learner answer a choice quiz with the keyboard alone: Tab to the options, select with
    Space/arrows, Tab to Check, press Enter, and hear 'correct'?"""
    lab, qids = quiz_page
    page = lab.page
    qid = next(q for q in qids if banks[q].get("type") == "single")
    question = banks[qid]
    quiz = quizdom.quiz_for(page, qid)
    quiz.scroll_into_view_if_needed()
    # Start just before the quiz, as if the learner had tabbed to it: focus its output area.
    quiz.evaluate("el => { el.setAttribute('tabindex', '-1'); el.focus(); }")
    right = quiz.get_by_role("radio", name=quizdom.option_text(question, quizdom.right_options(question)[0])).first
    target = right.evaluate(
        "(r) => [...r.closest('.jp-OutputArea-output').querySelectorAll('input[type=radio]')].indexOf(r)")

    def active_in_quiz() -> str:
        return quiz.evaluate("(el) => el.contains(document.activeElement) ? "
                             "(document.activeElement.type || document.activeElement.tagName) : 'outside'")

    for _ in range(10):  # Tab until a radio has focus
        page.keyboard.press("Tab")
        if active_in_quiz() == "radio":
            break
    assert active_in_quiz() == "radio", "Tab never reached the answer options"
    # One named radio group: arrows move the selection. Unnamed radios are separate tab stops: Tab on.
    grouped = quiz.evaluate("(el) => { const r = [...el.querySelectorAll('input[type=radio]')];"
                            " return r.length > 1 && !!r[0].name && r.every(x => x.name === r[0].name); }")
    for _ in range(len(question["options"]) + 1):
        focused = quiz.evaluate("(el) => [...el.querySelectorAll('input[type=radio]')].indexOf(document.activeElement)")
        if focused == target:
            break
        page.keyboard.press("ArrowDown" if grouped else "Tab")
    page.keyboard.press("Space")  # select the focused option
    assert right.is_checked(), "the keyboard could not select the right option"
    for _ in range(10):  # Tab on to the Check button
        page.keyboard.press("Tab")
        name = page.evaluate("() => document.activeElement.innerText || ''")
        if quizdom.CHECK_NAME.search(name):
            break
    assert quizdom.CHECK_NAME.search(page.evaluate("() => document.activeElement.innerText || ''")), \
        "Tab never reached the Check button"
    before = quizdom.feedback_text(quiz)
    page.keyboard.press("Enter")
    feedback = quizdom.wait_feedback_change(page, quiz, before)
    assert quizdom.is_success(feedback), f"{qid}: keyboard answer gave {feedback!r}"


def test_feedback_icons_are_drawn(quiz_page, banks: dict[str, dict]) -> None:
    """Is the icon next to each feedback label drawn on this machine (Debian's Chromium has no emoji font):
    an inline SVG with a visible size whose shapes have a non-empty bounding box, hidden from screen
    readers because the label says the same in words?"""
    lab, qids = quiz_page
    quizzes = quizdom.quiz_outputs(lab.page)
    for i, qid in enumerate(qids):
        quiz = quizzes.nth(i)
        if not quizdom.feedback_text(quiz).strip():
            quizdom.answer_something(lab.page, quiz, banks[qid])
        icon = quizdom.feedback_region(quiz).locator("svg.kz-icon").first
        icon.wait_for(timeout=harness.RENDER_TIMEOUT)
        box = icon.bounding_box()
        assert box and box["width"] >= 8 and box["height"] >= 8, f"{qid}: icon box {box}"
        drawn = icon.evaluate("(svg) => [...svg.children].map((s) => { const b = s.getBBox();"
                              " return b.width * b.height; })")
        assert drawn and max(drawn) > 1, f"{qid}: the icon's shapes are empty: {drawn}"
        assert icon.get_attribute("aria-hidden") == "true"
        label = quizdom.feedback_region(quiz).locator("strong").first.inner_text()
        assert label.strip() and not any(ord(c) > 0x2FFF for c in label), f"{qid}: label {label!r}"
