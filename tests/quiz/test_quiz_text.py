"""What a quiz says, the same in the JupyterLab widget and on the static site (review round 2):
icons that draw without an emoji font (UX-13), inline code and clean answer lines (UX-14), source
links named by where they go (UX-15), and no internal id in the spoken name (UX-19)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

import kzlessons as kz
from kzlessons.quiz import static
from kzlessons.quiz.widget import QuizWidget

#: The emoji the site used before (✅ ❌ ℹ️), as characters or as JavaScript escapes.
EMOJI = re.compile(r"[\u2705\u274c\ufe0f\U0001f300-\U0001faff]|\\u(2705|274c|2139|fe0f)", re.I)


class _Spoken(HTMLParser):
    """The text a screen reader reads: everything outside ``aria-hidden='true'`` elements."""

    def __init__(self) -> None:
        super().__init__()
        self.hidden: list[bool] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in {"br", "input", "img", "hr", "meta", "link"}:
            hidden = dict(attrs).get("aria-hidden") == "true" or tag in {"script", "style"}
            self.hidden.append(hidden or any(self.hidden))

    def handle_endtag(self, tag):
        if tag not in {"br", "input", "img", "hr", "meta", "link"} and self.hidden:
            self.hidden.pop()

    def handle_data(self, data):
        if not any(self.hidden):
            self.text.append(data)


def _spoken(html: str) -> str:
    parser = _Spoken()
    parser.feed(html)
    return " ".join("".join(parser.text).split())


def _views(qid: str) -> dict[str, str]:
    """The HTML of each view of a question: the widget's meta line and explanation, the static form, the fallback."""
    widget = QuizWidget(kz.quiz.get(qid))
    widget.show_answer()
    return {"widget-prompt": widget.prompt.value, "widget-explanation": widget.explanation,
            "static-form": static.answerable_html(kz.quiz.get(qid), uid="t", assets=False),
            "fallback": static.to_html(kz.quiz.get(qid))}


@pytest.mark.parametrize("qid", kz.quiz.ids(lesson="00"))
def test_the_question_id_is_kept_out_of_the_spoken_name(kz_home, qid):
    """UX-19: is the quiz line "Self-check · <type> · <difficulty>" for a screen reader, with the id only
    shown faintly (aria-hidden) and kept as data-qid, in the widget and on the site?"""
    q = kz.quiz.get(qid)
    views = _views(qid)
    for name in ("widget-prompt", "static-form", "fallback"):
        html = views[name]
        assert f"data-qid='{qid}'" in html, name
        assert qid not in _spoken(html), (name, _spoken(html))
        assert f"{q.type_label} · {q.difficulty}" in _spoken(html), name
    assert "Self-check · " in _spoken(views["widget-prompt"]) and "Self-check · " in _spoken(views["static-form"])
    assert re.search(rf"aria-label='Self-check · {re.escape(q.type_label)} · {q.difficulty}'", views["static-form"])


def test_inline_code_is_drawn_as_code_in_both_views(kz_home):
    """UX-14: does "`kzlessons gradebook`" in an explanation show as <code>, never with raw backticks?"""
    assert "`kzlessons gradebook`" in kz.quiz.get("l00-progress-facts").explanation
    for name, html in _views("l00-progress-facts").items():
        if name == "widget-prompt":
            continue
        assert "kzlessons gradebook</code>" in html and "`" not in html, name


def test_inline_code_is_escaped_first(make_question):
    """Is bank text escaped before backticks become <code> (no markup can come in through a code span)?"""
    q = make_question("single", explanation="Run `<script>alert(1)</script>` and `a & b`.")
    html = static.to_html(q)
    assert "<script" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;</code>" in html
    assert "a &amp; b</code>" in html


def test_select_all_answer_is_a_clean_list(kz_home):
    """UX-14: is a "select all" answer one list item per right option, with no ".;" joins anywhere?"""
    q = kz.quiz.get("l00-progress-facts")
    for name, html in _views(q.id).items():
        if name == "widget-prompt":
            continue
        answer = html[html.index("Answer:"):]
        answer = answer[:answer.index("</ul>")]
        assert answer.count("<li>") == len(q.answer) and ".;" not in answer, name
    assert ".;" not in q.answer_text()


def test_source_links_say_where_they_go_and_look_like_links(kz_home):
    """UX-15: is each source link named by its site (not "link"), coloured with JupyterLab's link colour
    and underlined, in both views?"""
    q = kz.quiz.get("l00-area")
    titles = static.source_titles()
    if not titles:
        pytest.skip("sources dataset not available")
    links = [titles[s][1] for s in q.sources if titles.get(s, ("", ""))[1].startswith("http")]
    assert links
    for name, html in _views(q.id).items():
        if name == "widget-prompt":
            continue
        anchors = re.findall(r"<a ([^>]*)>([^<]*)</a>", html)
        assert len(anchors) == len(links), name
        for attrs, text in anchors:
            assert text != "link" and "." in text, (name, text)
            assert "var(--jp-content-link-color" in attrs and "text-decoration:underline" in attrs
            href = re.search(r'href="([^"]+)"', attrs).group(1)
            assert text in href, (text, href)


def test_static_feedback_icons_are_svg_not_emoji():
    """UX-13: does the site's script draw every feedback icon as inline SVG (the widget's shapes),
    with no emoji left to the fonts?"""
    js = static.asset("static_quiz.js")
    assert not EMOJI.search(js), EMOJI.search(js)
    icons = re.search(r"var ICONS = \{(.*?)\};", js, re.S).group(1)
    symbols = re.findall(r'\[\s*"(\\u[0-9a-fA-F]{4})"', icons)
    assert len(symbols) == 4
    shapes = re.search(r"var SHAPES = \{(.*?)\n  \};", js, re.S).group(1)
    for symbol in symbols:
        assert f'"{symbol.lower()}": [' in shapes.lower(), symbol
    assert "createElementNS(SVG_NS" in js and '"aria-hidden": "true"' in js
