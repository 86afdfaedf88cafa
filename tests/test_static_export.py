"""Static mode end to end: a lesson executed with KZLESSONS_STATIC=1 and exported with
``jupyter nbconvert --to html`` shows every chart as a picture with alt text and every quiz
as a form that answers in the page (checked again, by clicking, in tests/browser/test_site.py)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
LESSON = "02_following_the_trade.ipynb"


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.imgs: list[dict[str, str]] = []
        self.quizzes: list[str] = []
        self.forms = 0
        self.submits = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "img":
            self.imgs.append(a)
        if tag == "div" and "kzq" in (a.get("class") or "").split():
            self.quizzes.append(a.get("data-kzq", ""))
        self.forms += tag == "form"
        self.submits += tag == "button" and a.get("type") == "submit"


def test_nbconvert_html_of_a_static_lesson_shows_every_chart_and_quiz(tmp_path: Path) -> None:
    """Executed in static mode then exported with nbconvert, does lesson 02 carry one SVG <img> with
    alt text per chart, one answerable form per kz.quiz.ask, the quiz script, and no widget views?"""
    from nbclient import NotebookClient

    source = REPO / "notebooks" / LESSON
    nb = nbformat.read(source, as_version=4)
    env = {**os.environ, "KZLESSONS_STATIC": "1", "KZLESSONS_HOME": str(tmp_path / "home")}
    old = dict(os.environ)
    os.environ.update(env)
    try:
        NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(source.parent)}}
                       ).execute()
    finally:
        os.environ.clear()
        os.environ.update(old)
    executed = tmp_path / LESSON
    nbformat.write(nb, executed)
    subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "html", str(executed)], check=True,
                   capture_output=True, timeout=300)
    page = (tmp_path / LESSON.replace(".ipynb", ".html")).read_text(encoding="utf-8")

    asked = [m for c in nb.cells if c.cell_type == "code" for m in re.findall(r'kz\.quiz\.ask\("([^"]+)"', c.source)]
    charts = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
              if "kzlessons-chart-static" in str(o.get("data", {}).get("text/html", ""))]
    parsed = _Page()
    parsed.feed(page)
    svg_imgs = [i for i in parsed.imgs if i.get("src", "").startswith("data:image/svg+xml")]
    assert len(charts) >= 3 and len(svg_imgs) == len(charts)
    assert all(len(i.get("alt", "")) > 40 for i in svg_imgs)
    assert asked and [q for q in parsed.quizzes if q in asked] == asked  # plus the recap's (kz.review)
    assert parsed.forms == parsed.submits == len(parsed.quizzes)
    assert "window.kzQuiz" in page and "application/vnd.jupyter.widget-view+json" not in page
    assert "Interactive chart: it draws in JupyterLab" not in page
