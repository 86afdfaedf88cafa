"""Tests for kzlessons/quiz/static.py: the HTML / text fallback for GitHub, nbviewer and nbval."""

from __future__ import annotations

import dataclasses
from html import escape

import pytest

import kzlessons as kz
from kzlessons.quiz import static


@pytest.mark.parametrize("qid", kz.quiz.ids(lesson="00"))
def test_html_has_question_options_and_collapsed_answer(qid):
    """Does the HTML show prompt and options, with answer and explanation inside a closed <details>?"""
    q = kz.quiz.get(qid)
    html = static.to_html(q)
    from html import escape

    assert escape(q.prompt) in html
    for option in q.options:
        assert escape(option.text) in html
    details = html[html.index("<details>"):html.index("</details>")]
    assert "<details open" not in html and static.answer_html(q) in details
    assert static.inline_html(q.explanation) in details


def test_html_lists_source_titles():
    """Are the question's sources shown with their titles from the sources dataset?"""
    q = kz.quiz.get("l00-area")
    html = static.to_html(q)
    titles = kz.data.load("sources").set_index("source_id")["title"]
    for sid in q.sources:
        assert f"<strong>{sid}</strong>: {escape(titles[sid])}" in html


def test_weak_sources_are_marked():
    """Does a question citing a weak source (every part a mirror) say "weak source" and why?"""
    frame = kz.data.load("sources")
    weak = frame[frame["weak"]]
    if weak.empty:
        pytest.skip("no weak source left in the fact base")
    sid, why = weak.iloc[0]["source_id"], weak.iloc[0]["weak_source"]
    q = kz.quiz.get("l00-area")
    planted = dataclasses.replace(q, sources=(sid,))
    assert f"(weak source: {escape(why)})" in static.sources_html(planted)
    strong = frame[~frame["weak"]].iloc[0]["source_id"]
    assert "weak source" not in static.sources_html(dataclasses.replace(q, sources=(strong,)))


@pytest.mark.parametrize("qid", kz.quiz.ids(lesson="00"))
def test_plain_text_is_deterministic_and_hides_the_answer(qid, kz_home):
    """Is text/plain the same across calls and learner attempts, free of object ids, and without the answer key?"""
    q = kz.quiz.get(qid)
    first = static.to_text(q)
    kz.progress.record(qid, "anything")
    assert static.to_text(q) == first and "0x" not in first and "Answer:" not in first
    assert first.startswith(f"Quiz {qid} (")


def test_numeric_unit_is_shown():
    """Do both renderings show the numeric question's unit?"""
    q = kz.quiz.get("l00-area")
    assert "km²" in static.to_html(q) and "Unit: km²" in static.to_text(q)


def test_xss_payload_is_escaped(make_question):
    """Is an XSS payload in prompt, options, feedback and explanation escaped in the HTML?"""
    payload = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
    q = make_question("single", prompt=payload, explanation=payload,
                      options=[{"id": "a", "text": payload, "feedback": payload}, {"id": "b", "text": "B"}])
    html = static.to_html(q)
    assert "<script" not in html and "<img" not in html and "&lt;script&gt;" in html


# ------------------------------------------------------------------ answerable static quiz (static mode)
import json as _json
import shutil as _shutil
import subprocess as _subprocess
from html.parser import HTMLParser as _HTMLParser

from kzlessons import _mode
from kzlessons.quiz.model import Question as _Question

from .conftest import SPECS as _SPECS
from .conftest import XSS as _XSS


class _Tags(_HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.data: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.data.append(data)


def _parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def _all_questions():
    return [kz.quiz.get(qid) for qid in kz.quiz.ids()] + [_Question.from_dict(s, "99") for s in _SPECS.values()]


@pytest.mark.parametrize("q", _all_questions(), ids=lambda q: q.id)
def test_answerable_html_is_a_labelled_form_with_its_data(q):
    """Does every question render as a form with native inputs, Check, a live feedback line, a closed
    answer, the question id as a data-qid locator (never in the form's spoken name), and its grading
    data as parseable JSON?"""
    html = static.answerable_html(q, uid="u1")
    parsed = _parse(html)
    tags = [t for t, _ in parsed.tags]
    assert f"data-qid='{q.id}'" in html and f"data-kzq='{q.id}'" in html
    form = next(a for t, a in parsed.tags if t == "form")
    assert form["aria-label"] == f"Self-check · {q.type_label} · {q.difficulty}"
    assert ("button", {"type": "submit"}) in parsed.tags and "details" in tags and "summary" in tags
    assert any(t == "div" and a.get("role") == "status" and a.get("aria-live") == "polite" for t, a in parsed.tags)
    assert not any(t == "details" and "open" in a for t, a in parsed.tags)
    kinds = {"single": "radio", "multiple": "checkbox", "numeric": "text", "text": "text"}
    if q.type in kinds:
        inputs = [a for t, a in parsed.tags if t == "input"]
        assert inputs and all(a["type"] == kinds[q.type] for a in inputs)
        if q.type in {"single", "multiple"}:
            assert len(inputs) == len(q.options) and "legend" in tags
        else:
            assert any(t == "label" and a.get("for") == inputs[0]["id"] for t, a in parsed.tags)
    else:
        assert tags.count("select") == len(q.options) and "legend" in tags
    start = html.index("class='kzq-data'>") + len("class='kzq-data'>")
    data = _json.loads(html[start:html.index("</script>", start)])
    assert data == _json.loads(_json.dumps(static.question_data(q)))
    assert data["reveal_after"] >= 1


def test_answerable_html_escapes_bank_text_and_cannot_close_its_script():
    """Is hostile bank text escaped in the form and unable to end the JSON <script> early?"""
    spec = dict(_SPECS["single"], prompt=_XSS, explanation=_XSS,
                options=[{"id": "a", "text": _XSS, "feedback": "</script><script>alert(3)</script>"},
                         {"id": "b", "text": "B"}])
    html = static.answerable_html(_Question.from_dict(spec, "99"), uid="x", assets=False)
    assert "<script>alert" not in html and "onerror=\"alert" not in html
    assert html.count("</script>") == 1


def test_ask_returns_the_static_quiz_only_in_static_mode(monkeypatch, kz_home):
    """Does kz.quiz.ask give the answerable HTML in static mode (env var or kz.setup), and the widget otherwise?"""
    monkeypatch.delenv(_mode.STATIC_ENV, raising=False)
    _mode.set_static(None)
    try:
        assert type(kz.quiz.ask("l00-area")).__name__ == "QuizWidget"
        monkeypatch.setenv(_mode.STATIC_ENV, "1")
        quiz = kz.quiz.ask("l00-area")
        assert isinstance(quiz, static.StaticQuiz)
        bundle = quiz._repr_mimebundle_()
        assert "application/vnd.jupyter.widget-view+json" not in bundle
        assert bundle["text/plain"] == static.to_text(kz.quiz.get("l00-area"))
        assert "<script>" in bundle["text/html"] and "kzQuiz" in bundle["text/html"]
        kz.setup(static=False)
        assert type(kz.quiz.ask("l00-area")).__name__ == "QuizWidget"
    finally:
        _mode.set_static(None)
        kz.setup()


def _answers_for(q) -> list:
    """Right, wrong, partial, empty and unreadable answers of q's type."""
    ids = [o.id for o in q.options]
    if q.type == "single":
        return [q.answer, *[i for i in ids if i != q.answer], "zz"]
    if q.type == "multiple":
        right = list(q.answer)
        return [right, right[:1], ids, [i for i in ids if i not in right] or ids[:1], right + ["zz"][:0]]
    if q.type == "ordering":
        right = list(q.answer)
        return [right, right[::-1], right[1:] + right[:1], right[:-1] + [None], [right[0]] * len(right)]
    if q.type == "numeric":
        key = q.answer
        mid = (key["min"] + key["max"]) / 2 if "min" in key else key["value"]
        return [str(mid), f"{mid:,}", f"{mid} {q.unit}".strip(), str(mid * 10 + 1000), str(-abs(mid) - 1000),
                "12.5.3", "abc", "1e999", "−3", "0.5", "0,5", "-0,92", "1,234", "2,017", "1.234,5", "1,234.5",
                f"{mid / 1e6:g} million", f"{mid / 1e3:g}k", "2,724,900", "1,2,3", str(mid).replace(".", ",")]
    first = q.answer["accept"][0]
    typo = first[:-2] + first[-1] + first[-2] if len(first) > 3 else first
    return [*q.answer["accept"], first.upper() + " !", "definitely not this", "   ", "x" * 2001,
            "the " + first, first + " (a remark)", typo, first.replace(" and ", " & ")]


@pytest.mark.skipif(_shutil.which("node") is None, reason="node is not installed")
def test_in_page_grading_matches_python_on_every_bank_question():
    """Does the shipped script grade every bank question exactly as Question.check does (correct,
    score and the words shown) for right, wrong, partial and unreadable answers?"""
    cases = []
    for q in _all_questions():
        for answer in _answers_for(q):
            if answer is None or (isinstance(answer, str) and not answer.strip()):
                continue  # the page treats an empty form as "nothing to check yet", like the widget
            if isinstance(answer, list) and None in answer:
                # An ordering with empty positions: Python reads it as unreadable and prints its repr;
                # the page says the plainer "Some items are missing or used twice" (checked below).
                continue
            r = q.check(answer)
            cases.append({"q": static.question_data(q), "answer": answer,
                          "expected": [r.correct, r.score, r.feedback], "id": q.id})
    script = (
        "global.window = {}; global.document = {readyState: 'complete', querySelectorAll: () => []};\n"
        f"require({str(static.ASSETS / 'static_quiz.js')!r});\n"
        "const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));\n"
        "const out = cases.map(c => { const r = window.kzQuiz.grade(c.q, c.answer);"
        " return [r.correct, r.score, r.feedback]; });\n"
        "process.stdout.write(JSON.stringify(out));\n"
    )
    done = _subprocess.run(["node", "-e", script], input=_json.dumps(cases), capture_output=True, text=True,
                           timeout=60, check=True)
    got = _json.loads(done.stdout)
    mismatches = [(c["id"], c["answer"], c["expected"], g) for c, g in zip(cases, got)
                  if [c["expected"][0], round(c["expected"][1], 4), c["expected"][2]] != [g[0], round(g[1], 4), g[2]]]
    assert len(got) == len(cases) > 100
    assert not mismatches, "\n".join(map(str, mismatches[:15]))


@pytest.mark.skipif(_shutil.which("node") is None, reason="node is not installed")
def test_in_page_grading_says_what_is_missing_in_an_ordering():
    """Does an ordering with an empty position get the sentence that says what to do?"""
    q = _Question.from_dict(_SPECS["ordering"], "99")
    script = (
        "global.window = {}; global.document = {readyState: 'complete', querySelectorAll: () => []};\n"
        f"require({str(static.ASSETS / 'static_quiz.js')!r});\n"
        f"const r = window.kzQuiz.grade({_json.dumps(static.question_data(q))}, ['y', null, 'x', 'w']);\n"
        "process.stdout.write(JSON.stringify(r));\n"
    )
    r = _json.loads(_subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True).stdout)
    assert r == {"correct": False, "score": 0, "feedback": "Some items are missing or used twice. "
                 + q.how_to_answer()}


def test_review_in_static_mode_is_answerable_html_not_widgets(monkeypatch, kz_home):
    """In static mode, does kz.review(before="02") give one answerable form per chosen question and no widget?"""
    monkeypatch.setenv(_mode.STATIC_ENV, "1")
    _mode.set_static(None)
    review = kz.review(n=2, before="02")
    bundle = review._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" not in bundle
    assert bundle["text/html"].count("<form class='kzq-form'") == len(review.question_ids) == 2
    assert all(f"data-qid='{qid}'" in bundle["text/html"] for qid in review.question_ids)
