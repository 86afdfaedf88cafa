"""Static renderings of a question: HTML for GitHub/nbviewer, plain text for nbval, and an
answerable HTML quiz for static mode (the course site, nbconvert exports).

All depend only on the question (never on the learner's attempts), so a
saved notebook looks the same for everyone and nbval's comparison of
``text/plain`` is stable. Every piece of bank text is HTML-escaped.

In static mode (see :mod:`kzlessons._mode`) :func:`kzlessons.quiz.ask` returns a
:class:`StaticQuiz`, whose HTML (:func:`answerable_html`) is a plain form (native
radios, checkboxes, selects or a text box; Check; Reset; a ``role=status`` feedback
line; the answer and explanation in a ``<details>``) plus the question as JSON and
the small script ``assets/static_quiz.js`` that grades it in the page with the same
rules and messages as :meth:`Question.check`. No kernel, no widgets, no network.
The explanation opens after a correct answer or after ``reveal_after`` tries
(default 2), and "Show the answer" opens it at any time (also without JavaScript).

A question whose results are withheld by assessment mode (see :mod:`.assessment`; the
renderings take its :class:`~.assessment.Status`) is drawn without its answer, explanation
or grading data: the question, its options and a sentence saying that it is graded in
Jupyter, where a kernel is needed (:func:`.withheld.static_note`).

>>> from kzlessons.quiz import get
>>> print(to_text(get("l00-what-check-does")).splitlines()[0])
Quiz l00-what-check-does (single choice, easy)
>>> "<details" in to_html(get("l00-what-check-does"))
True
"""

from __future__ import annotations

import functools
import itertools
import json
import re
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from . import withheld
from .assessment import Status
from .model import Question
from .policy import REVEAL_AFTER
from .policy import reveal_after as _reveal_after

__all__ = ["to_html", "to_text", "sources_html", "source_titles", "weak_sources", "answerable_html", "question_data",
           "StaticQuiz", "StaticReview", "asset", "REVEAL_AFTER", "inline_html", "answer_html", "meta_html",
           "link_name"]

ASSETS = Path(__file__).with_name("assets")
_COUNTER = itertools.count(1)

_BOX = (
    "border:1px solid var(--jp-border-color2);border-radius:4px;padding:0.5em 0.8em;"
    "margin:0.3em 0;color:var(--jp-content-font-color1);background:var(--jp-layout-color1)"
)
_MUTED = "color:var(--jp-content-font-color2);font-size:var(--jp-content-font-size1,0.9em)"
NOTE = "Self-check: answer in Jupyter and press Check; nothing is graded or sent anywhere."
#: Links look like links in JupyterLab (its link colour), on the course site (Furo's) and elsewhere.
LINK_STYLE = "color:var(--jp-content-link-color,var(--color-link,#1a5fb4));text-decoration:underline"
_CODE_STYLE = ("font-family:var(--jp-code-font-family,monospace);font-size:0.92em;padding:0 0.2em;"
               "border-radius:2px;background:var(--jp-layout-color2,rgba(127,127,127,0.14))")
_INLINE_CODE = re.compile(r"`([^`\n]+)`")


def inline_html(text: str) -> str:
    """Bank text as HTML: escaped first, then Markdown's inline code (`x`) drawn as ``<code>``.

    >>> inline_html("Run `kzlessons gradebook` on <files>")  # doctest: +ELLIPSIS
    "Run <code style='...'>kzlessons gradebook</code> on &lt;files&gt;"
    >>> inline_html("a lone ` stays")
    'a lone ` stays'
    """
    return _INLINE_CODE.sub(lambda m: f"<code style='{_CODE_STYLE}'>{m.group(1)}</code>", escape(text))


def answer_html(question: Question) -> str:
    """The right answer as HTML: each right option on its own line for "select all", else one line.

    >>> from kzlessons.quiz import get
    >>> answer_html(get("l00-progress-facts")).count("<li>")
    3
    """
    if question.type == "multiple":
        items = "".join(f"<li>{escape(o.id)}) {inline_html(o.text)}</li>"
                        for o in question.options if o.id in question.answer)
        return f"<ul style='margin:0.1em 0 0.2em;padding-left:1.4em'>{items}</ul>"
    return inline_html(question.answer_text())


def meta_html(question: Question, what: str = "Self-check", *, tag: str = "p", cls: str = "",
              style: str = "") -> str:
    """The line above a quiz: "Self-check · single choice · easy", then the question id shown faintly.

    The id is hidden from screen readers (they would read an internal name before every question)
    and kept as ``data-qid`` on the line, for tests and tools.

    >>> from kzlessons.quiz import get
    >>> meta_html(get("l00-area"))  # doctest: +ELLIPSIS
    "<p data-qid='l00-area'>Self-check · numeric · easy<span ...aria-hidden='true'> · l00-area</span></p>"
    """
    qid = escape(question.id)
    attrs = (f" class='{cls}'" if cls else "") + (f" style='{style}'" if style else "")
    return (f"<{tag}{attrs} data-qid='{escape(question.id, quote=True)}'>{escape(what)} · "
            f"{escape(question.type_label)} · {escape(question.difficulty)}"
            f"<span class='kzq-qid' style='opacity:0.75' aria-hidden='true'> · {qid}</span></{tag}>")


def link_name(url: str, title: str = "") -> str:
    """What a source link is called: the site it goes to (``www.`` dropped), else a short title.

    >>> link_name("https://www.akorda.kz/en/some/page"), link_name("doc.pdf", "A very long report title")
    ('akorda.kz', 'A very long report…')
    """
    host = urlsplit(url).hostname or ""
    host = host[4:] if host.startswith("www.") else host
    if host:
        return host
    return title if len(title) <= 20 else title[:19].rstrip() + "…"


@functools.lru_cache(maxsize=1)
def source_titles() -> dict[str, tuple[str, str]]:
    """source id -> (title, url) from the ``sources`` dataset; empty if unavailable."""
    try:
        from .. import data

        frame = data.load("sources")
        return {
            str(row.source_id): (str(row.title), str(row.url) if row.url == row.url else "")
            for row in frame.itertuples(index=False)
        }
    except Exception:  # static rendering must never fail because of the data layer
        return {}


@functools.lru_cache(maxsize=1)
def weak_sources() -> dict[str, str]:
    """source id -> why nothing better was found, for the weak sources (every part a mirror or
    self-published; see ``facts/README.md``); empty if the dataset is unavailable."""
    try:
        from .. import data

        frame = data.load("sources")
        weak = frame[frame["weak"].fillna(False).astype(bool)]
        return {str(r.source_id): str(r.weak_source) for r in weak.itertuples(index=False)}
    except Exception:  # static rendering must never fail because of the data layer
        return {}


def sources_html(question: Question) -> str:
    """An escaped ``<ul>`` of the question's sources with titles where known; a weak source says so."""
    if not question.sources:
        return ""
    titles = source_titles()
    weak = weak_sources()
    items = []
    for sid in question.sources:
        title, url = titles.get(sid, ("", ""))
        label = f"<strong>{escape(sid)}</strong>" + (f": {escape(title)}" if title else "")
        if sid in weak:
            label += f" <em>(weak source: {escape(weak[sid])})</em>"
        if url.startswith(("https://", "http://")):
            first_url = url.split(" ;")[0].split(" ")[0]
            label += (f' (<a href="{escape(first_url, quote=True)}" target="_blank" rel="noopener" '
                      f'style="{LINK_STYLE}">{escape(link_name(first_url, title))}</a>)')
        items.append(f"<li>{label}</li>")
    return f"<p style='margin:0.4em 0 0'>Sources:</p><ul style='margin:0.2em 0'>{''.join(items)}</ul>"


def _options_html(question: Question) -> str:
    if not question.options:
        return ""
    tag = "ol" if question.type == "ordering" else "ul"
    style = "list-style:none;padding-left:0.5em" if tag == "ul" else "list-style:upper-alpha"
    items = "".join(
        f"<li>{escape(o.id)}) {escape(o.text)}</li>" if tag == "ul" else f"<li>{escape(o.text)}</li>"
        for o in question.options
    )
    return f"<{tag} style='{style}'>{items}</{tag}>"


def _how_html(question: Question) -> str:
    hints = {
        "single": "Choose one option.",
        "multiple": "Select all that apply.",
        "numeric": f"Answer with a number{f' in {question.unit}' if question.unit else ''}.",
        "text": "Answer in a word or a short phrase.",
        "ordering": "Put the items in order, first to last.",
    }
    return escape(hints[question.type])


def _withheld_html(question: Question, status: Status) -> str:
    """The question under assessment, without its answer: options and a sentence (no form, no data)."""
    unit = f" <span style='{_MUTED}'>(unit: {escape(question.unit)})</span>" if question.unit else ""
    return (
        f"<div class='kzlessons-quiz-static kzlessons-quiz-assessed' style='{_BOX}'>"
        f"{meta_html(question, withheld.label(status), style=f'{_MUTED};margin:0')}"
        f"<p style='margin:0.3em 0'><strong>{escape(question.prompt)}</strong>{unit}</p>"
        f"<p style='{_MUTED};margin:0'>{_how_html(question)}</p>"
        f"{_options_html(question)}"
        f"<p style='margin:0.3em 0 0'><strong>ⓘ Graded in Jupyter.</strong> {escape(withheld.static_note(status))}"
        f"{' ' + escape(status.problem) if status.problem else ''}</p>"
        "</div>"
    )


def to_html(question: Question, status: Status | None = None) -> str:
    """A self-contained HTML rendering: question, options, and the answer inside ``<details>``
    (under assessment, with its results withheld: no answer, a sentence instead)."""
    if status is not None and status.withheld:
        return _withheld_html(question, status)
    unit = f" <span style='{_MUTED}'>(unit: {escape(question.unit)})</span>" if question.unit else ""
    return (
        f"<div class='kzlessons-quiz-static' style='{_BOX}'>"
        f"{meta_html(question, 'Quiz', style=f'{_MUTED};margin:0')}"
        f"<p style='margin:0.3em 0'><strong>{escape(question.prompt)}</strong>{unit}</p>"
        f"<p style='{_MUTED};margin:0'>{_how_html(question)}</p>"
        f"{_options_html(question)}"
        "<details><summary>Show the answer and explanation</summary>"
        f"<div style='margin:0.5em 0'><strong>Answer:</strong> {answer_html(question)}</div>"
        f"<p>{inline_html(question.explanation)}</p>"
        f"{sources_html(question)}"
        "</details>"
        f"<p style='{_MUTED};margin:0.3em 0 0'>{escape(NOTE)}</p>"
        "</div>"
    )


def to_text(question: Question, status: Status | None = None) -> str:
    """A deterministic plain-text rendering (no answer; safe for nbval comparison); under assessment
    with the results withheld, its last line says the question is graded in Jupyter."""
    lines = [f"Quiz {question.id} ({question.type_label}, {question.difficulty})", question.prompt]
    if question.unit:
        lines.append(f"Unit: {question.unit}")
    if question.type == "ordering":
        lines += [f"  - {o.text}" for o in question.options]
    else:
        lines += [f"  {o.id}) {o.text}" for o in question.options]
    lines.append(f"[{withheld.static_note(status) if status is not None and status.withheld else NOTE}]")
    return "\n".join(lines)


# ----------------------------------------------------------------- answerable static quiz
@functools.lru_cache(maxsize=4)
def asset(name: str) -> str:
    """The text of a file shipped in ``kzlessons/quiz/assets`` (``static_quiz.js`` or ``.css``).

    >>> "kzQuiz" in asset("static_quiz.js")
    True
    """
    return (ASSETS / name).read_text(encoding="utf-8")


def _jsonable(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


def question_data(question: Question) -> dict[str, Any]:
    """What the in-page script needs to grade ``question`` (the same bank data).

    >>> from kzlessons.quiz import get
    >>> sorted(question_data(get("l00-area")))
    ['answer', 'feedback', 'how', 'id', 'options', 'prompt', 'reveal_after', 'type', 'unit']
    """
    return {
        "id": question.id, "type": question.type, "how": question.how_to_answer(), "prompt": question.prompt,
        "options": [{"id": o.id, "text": o.text, "feedback": o.feedback} for o in question.options],
        "answer": _jsonable(question.answer), "feedback": question.feedback, "unit": question.unit,
        "reveal_after": _reveal_after(question),  # the course policy (kzlessons.quiz.policy)
    }


def _script_json(data: dict[str, Any]) -> str:
    """JSON safe inside ``<script>`` (no ``</`` or ``<!--``)."""
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")


def _input_html(question: Question, uid: str) -> str:
    q = question
    how_id = f"{uid}-how"
    how = f"<p class='kzq-how' id='{how_id}'>{escape(q.how_to_answer())}</p>"
    if q.type in {"single", "multiple"}:
        kind = "radio" if q.type == "single" else "checkbox"
        role = "radiogroup" if q.type == "single" else "group"
        choices = "".join(
            f"<label class='kzq-choice'><input type='{kind}' name='{uid}-choice' value='{escape(o.id, quote=True)}'> "
            f"{escape(o.id)}) {escape(o.text)}</label>"
            for o in q.options
        )
        return (f"<fieldset role='{role}' aria-describedby='{how_id}'><legend>{escape(q.prompt)}</legend>"
                f"{how}{choices}</fieldset>")
    if q.type == "ordering":
        n = len(q.options)
        menu = "<option value=''>Choose an item…</option>" + "".join(
            f"<option value='{escape(o.id, quote=True)}'>{escape(o.text)}</option>" for o in q.options)
        rows = "".join(
            f"<label class='kzq-pos'>Position {i}{' (first)' if i == 1 else ' (last)' if i == n else ''} "
            f"<select name='{uid}-pos{i}'>{menu}</select></label>"
            for i in range(1, n + 1))
        return (f"<fieldset aria-describedby='{how_id}'><legend>{escape(q.prompt)}</legend>{how}"
                f"{_options_html(q)}{rows}</fieldset>")
    if q.type == "numeric":
        label = f"Your answer (in {escape(q.unit)}):" if q.unit else "Your answer (a number):"
        placeholder = "a number"
    else:
        label, placeholder = "Your answer:", "a word or short phrase"
    unit = f" <span class='kzq-how'>(answer in {escape(q.unit)})</span>" if q.unit else ""
    return (f"<p class='kzq-prompt' id='{uid}-prompt'>{escape(q.prompt)}{unit}</p>{how}"
            f"<label for='{uid}-input'>{label}</label> "
            f"<input type='text' id='{uid}-input' name='{uid}-input' autocomplete='off' "
            f"placeholder='{placeholder}' aria-describedby='{uid}-prompt {how_id}'>")


def answerable_html(question: Question, *, uid: str | None = None, assets: bool = True) -> str:
    """The question as a self-contained HTML form answered in the page (see the module docs).

    Args:
        question: the question to show.
        uid: a prefix for element ids, unique in the page (default: a counter).
        assets: include the ``<style>`` and ``<script>`` (the script runs once per page
            however many quizzes carry it).

    >>> from kzlessons.quiz import get
    >>> html = answerable_html(get("l00-what-check-does"), uid="t")
    >>> "data-qid='l00-what-check-does'" in html, "<button type='submit'" in html, "kzq-data" in html
    (True, True, True)
    """
    q = question
    uid = uid or f"kzq-{escape(q.id, quote=True)}-{next(_COUNTER)}"
    body = (
        f"<div class='kzq' id='{uid}' data-kzq='{escape(q.id, quote=True)}'>"
        f"<form class='kzq-form' novalidate aria-label='Self-check · {escape(q.type_label, quote=True)} · "
        f"{escape(q.difficulty, quote=True)}'>"
        f"{meta_html(q, cls='kzq-meta')}"
        f"{_input_html(q, uid)}"
        "<div class='kzq-buttons'><button type='submit'>Check</button>"
        "<button type='reset'>Reset</button></div>"
        "<div class='kzq-feedback' role='status' aria-live='polite' aria-atomic='true'></div>"
        "<details class='kzq-answer'><summary>Show the answer and explanation</summary>"
        f"<div class='kzq-answer-line'><strong>Answer:</strong> {answer_html(q)}</div>"
        f"<p><strong>Why:</strong> {inline_html(q.explanation)}</p>"
        f"{sources_html(q)}</details>"
        "<p class='kzq-noscript'>Checking needs JavaScript; the answer is under “Show the answer”.</p>"
        "</form>"
        f"<script type='application/json' class='kzq-data'>{_script_json(question_data(q))}</script>"
        "</div>"
    )
    if not assets:
        return body
    return f"<style>{asset('static_quiz.css')}</style>{body}<script>{asset('static_quiz.js')}</script>"


class StaticQuiz:
    """A question displayed as an answerable static form (what ``kz.quiz.ask`` returns in static mode).

    Under assessment with its results withheld (``status``), it is the question without its
    answer or grading data, and says that it is answered in Jupyter (a kernel is needed).

    >>> from kzlessons.quiz import get
    >>> sorted(StaticQuiz(get("l00-area"))._repr_mimebundle_())
    ['text/html', 'text/plain']
    >>> html = StaticQuiz(get("l00-area"), Status(assessed=True, when="later"))._repr_mimebundle_()["text/html"]
    >>> "Graded in Jupyter" in html, "2,724,900" in html, "kzq-data" in html
    (True, False, False)
    """

    def __init__(self, question: Question, status: Status | None = None) -> None:
        self.question = question
        self.status = status

    def __repr__(self) -> str:
        return to_text(self.question, self.status)

    def _repr_mimebundle_(self, **_: Any) -> dict[str, str]:
        if self.status is not None and self.status.withheld:
            html = to_html(self.question, self.status)
        else:
            html = answerable_html(self.question)
        return {"text/plain": to_text(self.question, self.status), "text/html": html}


class StaticReview:
    """``kz.review()`` in static mode: its sentence, then each chosen question as an answerable form
    with why it was chosen (no widgets; a static page has no store, so nothing is recorded).

    >>> bundle = StaticReview(["l00-area"], ["never seen"], "1 question.")._repr_mimebundle_()
    >>> "Why this one: never seen." in bundle["text/html"], bundle["text/plain"].splitlines()[0]
    (True, 'Review. 1 question.')
    """

    def __init__(self, question_ids: list[str], reasons: list[str], message: str) -> None:
        self.question_ids = list(question_ids)
        self.reasons = list(reasons)
        self.message = message

    def _repr_mimebundle_(self, **_: Any) -> dict[str, str]:
        from . import get

        lines = [f"Review. {self.message}"]
        html = [f"<div class='kzlessons-review'><p><strong>Review.</strong> {escape(self.message)}</p>"]
        for qid, reason in zip(self.question_ids, self.reasons):
            question = get(qid)
            lines += [f"Why this one: {reason}.", to_text(question)]
            html += [f"<p class='kzq-why'>Why this one: {escape(reason)}.</p>", answerable_html(question)]
        return {"text/plain": "\n".join(lines), "text/html": "".join(html) + "</div>"}
