"""The static course site (``make site``) in headless Chromium with the network blocked.

Built once per session (the ``site`` fixture in conftest.py: scripts/build_site.py into a temp
folder; lessons executed in static mode, cached in ``_build/site-cache``) and served from
127.0.0.1. Checks, on every page: every chart picture loaded with alt text, every quiz answerable by clicking (feedback, then the
explanation) and by keyboard alone, 0 requests leaving the site, axe-core 0 serious/critical
violations on the whole page, and every local link resolving to a file of the site.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

import harness
import quizdom

pytestmark = pytest.mark.slow


def _pages(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.rglob("*.html")
                  if not p.name in {"genindex.html", "search.html"} and "_static" not in p.parts)


class SitePage:
    """One tab on the site, recording every request and aborting any that would leave 127.0.0.1."""

    def __init__(self, browser, base: str) -> None:
        self.base = base
        self.context = browser.new_context(viewport={"width": 1200, "height": 900}, service_workers="block")
        self.requests: list[str] = []
        self.context.on("request", lambda r: self.requests.append(r.url))
        self.context.route(re.compile(r"^(?!https?://127\.0\.0\.1[:/]).*://"), lambda route: route.abort())
        self.page = self.context.new_page()
        self.page.set_default_timeout(harness.CLICK_TIMEOUT)

    def open(self, path: str) -> None:
        self.page.goto(f"{self.base}/{path}", wait_until="load")

    def external(self) -> list[str]:
        return sorted({u for u in self.requests if harness.is_external(u)})


@pytest.fixture
def tab(browser, site_url: str) -> Iterator[SitePage]:
    page = SitePage(browser, site_url)
    yield page
    page.context.close()


LESSONS = harness.lesson_names()


def _lesson_page(name: str) -> str:
    return f"lessons/{name.removesuffix('.ipynb')}.html"


def test_every_page_loads_only_from_the_site_and_axe_finds_nothing_serious(tab: SitePage, site: Path,
                                                                            axe_source: str) -> None:
    """On every page: no request leaves the site, every image loaded and has alt text, and axe-core on
    the whole page finds 0 serious or critical violations."""
    problems: list[str] = []
    for path in _pages(site):
        tab.open(path)
        images = tab.page.evaluate("() => [...document.images].map(i => ({src: i.currentSrc.slice(0, 60), "
                                   "alt: i.getAttribute('alt'), ok: i.complete && i.naturalWidth > 0}))")
        for image in images:
            if not image["ok"] or image["alt"] is None:
                problems.append(f"{path}: image {image['src']} loaded={image['ok']} alt={image['alt']!r}")
        tab.page.add_script_tag(content=axe_source)
        violations = tab.page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
            ".filter(v => ['serious', 'critical'].includes(v.impact))"
            ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))")
        problems += [f"{path}: axe {v}" for v in violations]
    assert not tab.external(), tab.external()
    assert not problems, "\n".join(problems[:30])


@pytest.mark.parametrize("lesson", LESSONS)
def test_lesson_page_has_its_charts_quizzes_and_launch_links(tab: SitePage, lesson: str, banks: dict) -> None:
    """Does each lesson page show one picture per chart (SVG, with a description as alt text), every
    quiz the notebook asks, answered right by clicking (feedback, then the explanation opens), and
    links to Binder, a JupyterHub (nbgitpuller) and the notebook download?"""
    tab.open(_lesson_page(lesson))
    page = tab.page
    asked = quizdom.asked_ids(harness.REPO / "notebooks" / lesson)
    shown = page.eval_on_selector_all("div.kzq:not(.kzlessons-review div.kzq)", "els => els.map(e => e.dataset.kzq)")
    assert shown == asked
    recap = page.eval_on_selector_all(".kzlessons-review div.kzq", "els => els.map(e => e.dataset.kzq)")
    if re.search(r"kz\.review\([^)]*before=", (harness.REPO / "notebooks" / lesson).read_text(encoding="utf-8")):
        assert recap, "the recap (kz.review(before=...)) shows no question"  # a new learner: unseen ones are due
    charts = page.eval_on_selector_all(
        ".kzlessons-chart-static img", "els => els.map(i => [i.getAttribute('alt'), i.naturalWidth])")
    source = (harness.REPO / "notebooks" / lesson).read_text(encoding="utf-8")
    if "kz.charts." in source:
        assert charts, "no chart pictures"
    assert all(len(alt or "") > 30 and width > 0 for alt, width in charts), charts
    for qid in asked + [q for q in recap if q not in asked]:
        _answer_right(page, qid, banks[qid])
    links = page.eval_on_selector_all(".kz-launch a", "els => els.map(a => a.href)")
    assert any(u.startswith("https://mybinder.org/v2/gh/") for u in links)
    assert any(u.endswith(f"/notebooks/{lesson}") for u in links)
    assert page.locator("form.kz-hub input[type=url]").count() == 1
    assert not tab.external(), tab.external()


def _quiz(page, qid: str):
    return page.locator(f"div.kzq[data-kzq='{qid}']").first


def _right_answer(question: dict):
    answer = question["answer"]
    if question["type"] == "numeric":
        return str(answer["value"] if "value" in answer else (answer["min"] + answer["max"]) / 2)
    if question["type"] == "text":
        return answer["accept"][0]
    return answer


def _fill(quiz, question: dict, answer) -> None:
    kind = question["type"]
    if kind == "single":
        quiz.locator(f"input[type=radio][value='{answer}']").check()
    elif kind == "multiple":
        for box in quiz.locator("input[type=checkbox]").all():
            box.set_checked(box.get_attribute("value") in answer)
    elif kind == "ordering":
        for select, item in zip(quiz.locator("select").all(), answer):
            select.select_option(item)
    else:
        quiz.locator("input[type=text]").fill(answer)


def _assert_icon_drawn(feedback, symbol: str) -> None:
    """UX-13: is the feedback icon an inline SVG (✓/✗ drawn, not an emoji left to the fonts), hidden from
    screen readers, with shapes that have a size?"""
    icon = feedback.locator(f"svg.kzq-icon[data-icon='{symbol}']")
    assert icon.count() == 1 and icon.get_attribute("aria-hidden") == "true"
    drawn = icon.evaluate("(svg) => [...svg.children].map((s) => { const b = s.getBBox(); return b.width + b.height; })")
    assert drawn and max(drawn) > 1, drawn


def _answer_right(page, qid: str, question: dict) -> None:
    quiz = _quiz(page, qid)
    quiz.scroll_into_view_if_needed()
    details = quiz.locator("details.kzq-answer")
    assert not details.evaluate("d => d.open")
    quiz.get_by_role("button", name="Check").click()  # nothing entered: a hint, no attempt counted
    feedback = quiz.locator("[role=status]")
    assert "Nothing to check yet" in feedback.inner_text() and "Attempts: 0" in feedback.inner_text()
    _fill(quiz, question, _right_answer(question))
    quiz.get_by_role("button", name="Check").click()
    text = feedback.inner_text()
    assert text.strip().startswith("Correct") and "Attempts: 1" in text, (qid, text)
    _assert_icon_drawn(feedback, "\u2713")
    assert details.evaluate("d => d.open"), qid
    assert quizdom.words_pattern(question.get("explanation", ""), 4).search(details.inner_text()), qid


def test_wrong_answers_get_the_hint_and_open_the_explanation_after_two_tries(tab: SitePage, banks: dict) -> None:
    """A wrong answer gets feedback (the option's hint) with the explanation still closed; the second
    wrong try opens it; Reset clears the form and closes it again."""
    lesson = next(n for n in LESSONS if any(banks[q]["type"] == "single" for q in quizdom.asked_ids(
        harness.REPO / "notebooks" / n)))
    qid = next(q for q in quizdom.asked_ids(harness.REPO / "notebooks" / lesson) if banks[q]["type"] == "single")
    question = banks[qid]
    tab.open(_lesson_page(lesson))
    quiz = _quiz(tab.page, qid)
    details, feedback = quiz.locator("details.kzq-answer"), quiz.locator("[role=status]")
    wrong = quizdom.wrong_option(question)
    _fill(quiz, question, wrong)
    quiz.get_by_role("button", name="Check").click()
    assert feedback.inner_text().strip().startswith("Not quite") and not details.evaluate("d => d.open")
    _assert_icon_drawn(feedback, "\u2717")
    hint = next((o.get("feedback") for o in question["options"] if o["id"] == wrong), "") or question.get("feedback")
    if hint:
        assert quizdom.words_pattern(hint, 4).search(feedback.inner_text())
    quiz.get_by_role("button", name="Check").click()
    assert "Attempts: 2" in feedback.inner_text() and details.evaluate("d => d.open")
    quiz.get_by_role("button", name="Reset").click()
    assert feedback.inner_text().strip() == "" and not details.evaluate("d => d.open")
    assert quiz.locator("input:checked").count() == 0


def test_a_quiz_answers_with_the_keyboard_alone(tab: SitePage, banks: dict) -> None:
    """Tab into a single-choice quiz, arrow keys to choose, Tab to Check, Enter: is the feedback
    announced (role=status) and does 'Show the answer' open with Enter?"""
    lesson = LESSONS[0]
    qid = next(q for q in quizdom.asked_ids(harness.REPO / "notebooks" / lesson) if banks[q]["type"] == "single")
    tab.open(_lesson_page(lesson))
    page = tab.page
    quiz = _quiz(page, qid)
    quiz.locator("input[type=radio]").first.focus()
    page.keyboard.press("ArrowDown")
    assert quiz.locator("input[type=radio]:checked").count() == 1
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Check"
    page.keyboard.press("Enter")
    assert re.search(r"Correct|Not quite", quiz.locator("[role=status]").inner_text())
    summary = quiz.locator("summary")
    summary.focus()
    if not quiz.locator("details").evaluate("d => d.open"):
        page.keyboard.press("Enter")
    assert quiz.locator("details").evaluate("d => d.open")


def test_hub_form_builds_the_same_nbgitpuller_link_as_kzlessons_links(tab: SitePage) -> None:
    """Does the 'Open on your course JupyterHub' form build exactly launch.hub_link's URL, and say
    what to type when the address is not a web address?"""
    from kzlessons.launch import hub_link

    lesson = LESSONS[0]
    tab.open(_lesson_page(lesson))
    page = tab.page
    got = page.evaluate("([l]) => window.kzHubLink('https://hub.example.edu/', l, "
                        "'https://github.com/kzlessons/kzlessons', 'main')", [lesson])
    assert got == hub_link("https://hub.example.edu", lesson)
    page.locator("form.kz-hub input").fill("hub dot edu")
    page.locator("form.kz-hub button").click()
    assert "https://" in page.locator(".kz-hub-note").inner_text()


def test_every_local_link_resolves(site: Path) -> None:
    """Does every local href/src on every page point to a file of the site (and a known anchor)?"""
    broken: list[str] = []
    ids_of: dict[Path, set[str]] = {}
    for page in site.rglob("*.html"):
        if "_static" in page.parts:
            continue
        text = page.read_text(encoding="utf-8")
        for url in re.findall(r"""(?:href|src)=["']([^"']+)["']""", text):
            if urlsplit(url).scheme or url.startswith(("//", "mailto:", "data:")):
                continue
            target, anchor = urldefrag(url)
            target = target.split("?", 1)[0]
            path = (page.parent / target).resolve() if target else page
            if not path.is_file() or site.resolve() not in path.parents:
                broken.append(f"{page.relative_to(site)} -> {url}")
                continue
            if anchor and path.suffix == ".html":
                ids = ids_of.setdefault(path, set(re.findall(r'id="([^"]+)"', path.read_text(encoding="utf-8"))))
                if anchor not in ids:
                    broken.append(f"{page.relative_to(site)} -> {url} (no such anchor)")
    assert not broken, "\n".join(broken[:30])


def test_home_page_lists_every_lesson_from_the_metadata(site: Path) -> None:
    """Does the home page's syllabus link every lesson, and does the site carry the instructor guide
    and a download of every clean (output-free) notebook?"""
    import json

    from kzlessons.lesson import lessons

    home = (site / "index.html").read_text(encoding="utf-8")
    for meta in lessons(harness.REPO / "notebooks"):
        name = Path(meta["_path"]).name
        assert f'href="lessons/{name.removesuffix(".ipynb")}.html"' in home and meta["title"] in home
        download = json.loads((site / "notebooks" / name).read_text(encoding="utf-8"))
        assert all(not c.get("outputs") for c in download["cells"])
    assert (site / "guide" / "instructor-guide.html").is_file()
    assert "Syllabus" in home
