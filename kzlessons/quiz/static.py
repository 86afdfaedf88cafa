"""Static renderings of a question: HTML for GitHub/nbviewer and plain text for nbval.

Both depend only on the question (never on the learner's attempts), so a
saved notebook looks the same for everyone and nbval's comparison of
``text/plain`` is stable. Every piece of bank text is HTML-escaped.

>>> from kzlessons.quiz import get
>>> print(to_text(get("l00-what-check-does")).splitlines()[0])
Quiz l00-what-check-does (single choice, easy)
>>> "<details" in to_html(get("l00-what-check-does"))
True
"""

from __future__ import annotations

import functools
from html import escape

from .model import Question

__all__ = ["to_html", "to_text", "sources_html", "source_titles"]

_BOX = (
    "border:1px solid var(--jp-border-color2);border-radius:4px;padding:0.5em 0.8em;"
    "margin:0.3em 0;color:var(--jp-content-font-color1);background:var(--jp-layout-color1)"
)
_MUTED = "color:var(--jp-content-font-color2);font-size:var(--jp-content-font-size1,0.9em)"
NOTE = "Self-check: answer in Jupyter and press Check; nothing is graded or sent anywhere."


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


def sources_html(question: Question) -> str:
    """An escaped ``<ul>`` of the question's sources with titles where known."""
    if not question.sources:
        return ""
    titles = source_titles()
    items = []
    for sid in question.sources:
        title, url = titles.get(sid, ("", ""))
        label = f"<strong>{escape(sid)}</strong>" + (f": {escape(title)}" if title else "")
        if url.startswith(("https://", "http://")):
            first_url = url.split(" ;")[0].split(" ")[0]
            label += f' (<a href="{escape(first_url, quote=True)}" target="_blank" rel="noopener">link</a>)'
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


def to_html(question: Question) -> str:
    """A self-contained HTML rendering: question, options, and the answer inside ``<details>``."""
    unit = f" <span style='{_MUTED}'>(unit: {escape(question.unit)})</span>" if question.unit else ""
    return (
        f"<div class='kzlessons-quiz-static' style='{_BOX}'>"
        f"<p style='{_MUTED};margin:0'>Quiz {escape(question.id)} · {escape(question.type_label)} · "
        f"{escape(question.difficulty)}</p>"
        f"<p style='margin:0.3em 0'><strong>{escape(question.prompt)}</strong>{unit}</p>"
        f"<p style='{_MUTED};margin:0'>{_how_html(question)}</p>"
        f"{_options_html(question)}"
        "<details><summary>Show the answer and explanation</summary>"
        f"<p><strong>Answer:</strong> {escape(question.answer_text())}</p>"
        f"<p>{escape(question.explanation)}</p>"
        f"{sources_html(question)}"
        "</details>"
        f"<p style='{_MUTED};margin:0.3em 0 0'>{escape(NOTE)}</p>"
        "</div>"
    )


def to_text(question: Question) -> str:
    """A deterministic plain-text rendering (no answer; safe for nbval comparison)."""
    lines = [f"Quiz {question.id} ({question.type_label}, {question.difficulty})", question.prompt]
    if question.unit:
        lines.append(f"Unit: {question.unit}")
    if question.type == "ordering":
        lines += [f"  - {o.text}" for o in question.options]
    else:
        lines += [f"  {o.id}) {o.text}" for o in question.options]
    lines.append(f"[{NOTE}]")
    return "\n".join(lines)
