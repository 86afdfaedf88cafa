"""Reopening a lesson: the quiz remembers the learner's last answer and its result."""

from __future__ import annotations

import pytest

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
