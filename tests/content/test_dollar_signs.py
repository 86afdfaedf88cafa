"""Markdown renders as written (issue 19, item 4): no dollar sign is typeset as mathematics.

JupyterLab (and Notebook 7) typeset text between two dollar signs as TeX, in markdown cells and in
HTML outputs alike (MathJax 3, ``inlineMath`` ``$…$``, ``processEscapes``): "oil fell from about
$100 to about $40" showed as an italic "100toabout40". So:

* **Markdown** (lesson markdown cells, and the instructor pages the course site renders, also read
  on GitHub, which typesets ``$…$`` too): every ``$`` outside code is written ``\\$``. JupyterLab
  shows ``\\$`` as a plain dollar, and so does the site: ``site/conf.py`` does not enable MyST's
  ``dollarmath``, so CommonMark's backslash escape of punctuation gives "$" (with ``dollarmath`` on,
  ``\\$`` is its documented escape, the same text). Dollars inside code spans and fenced code are
  never typeset and need no escape.
* **Bank texts** (prompts, options, feedback, explanations, units, answers) are HTML-escaped into
  ``ipywidgets.HTML`` (not typeset), the quiz controls (``textContent``) and ``text/html`` outputs:
  the static quiz, the static-mode quiz, the saved-notebook fallback of ``kzlessons.saving`` and
  ``kz.review()``, which JupyterLab does typeset. No escape works in all of them (``\\$`` shows its
  backslash in the widget and on the site; ``&#36;`` is a ``$`` again by the time MathJax reads the
  page), so a bank text holds no dollar pair and no ``\\$``: write "USD" or "dollars".

``dollar_problems`` (markdown) and ``bank_text_problems`` (one bank text) are the checkers; the last
tests plant a pair and check that they report it.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest
import yaml

from corpus import REPO, lessons, notebook_path

_FENCE = re.compile(r"^ {0,3}(```+|~~~+).*?^ {0,3}\1[^\n]*$", re.M | re.S)
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
#: A ``$`` not escaped: preceded by no backslash, or by an even number of them (``\\$`` is a
#: backslash, then a live dollar).
_LIVE_DOLLAR = re.compile(r"(?<!\\)(?:\\\\)*\$")
HOW = "write every $ in markdown as \\$ (JupyterLab typesets text between two $ as mathematics)"


def _blank(match: re.Match) -> str:
    """Code replaced by spaces, newlines kept, so line numbers stay right."""
    return re.sub(r"[^\n]", " ", match.group(0))


def dollar_problems(markdown: str, where: str) -> list[str]:
    """One message per line of ``markdown`` with an unescaped ``$`` outside code.

    >>> dollar_problems("oil fell from about $100 to about $40", "x.md")
    ['x.md line 1: 2 unescaped $ in "oil fell from about $100 to about $40"']
    >>> dollar_problems("about \\\\$100 to \\\\$40, `$HOME`\\n\\n```\\necho $A $B\\n```", "x.md")
    []
    """
    visible = _CODE_SPAN.sub(_blank, _FENCE.sub(_blank, markdown))
    problems = []
    for number, (line, shown) in enumerate(zip(visible.splitlines(), markdown.splitlines()), start=1):
        found = _LIVE_DOLLAR.findall(line)
        if found:
            text = shown.strip()
            text = text if len(text) <= 90 else text[:89] + "…"
            problems.append(f'{where} line {number}: {len(found)} unescaped $ in "{text}"')
    return problems


def notebook_problems(path: Path) -> list[str]:
    """``dollar_problems`` of every markdown cell of a notebook (cells count from 1)."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    name = path.relative_to(REPO).as_posix() if path.is_relative_to(REPO) else path.name
    problems = []
    for index, cell in enumerate(nb.get("cells", []), start=1):
        if cell.get("cell_type") == "markdown":
            source = cell.get("source", "")
            source = "".join(source) if isinstance(source, list) else source
            problems += dollar_problems(source, f"{name} cell {index}")
    return problems


def bank_text_problems(text: str, where: str) -> list[str]:
    """A message when one bank text would be typeset (a dollar pair) or show a backslash (``\\$``).

    >>> bank_text_problems("From US$ 18 bn to US$ 9 bn?", "q prompt")
    ['q prompt: a $ pair (JupyterLab typesets it as mathematics): write USD or dollars in "From US$ 18 bn to US$ 9 bn?"']
    >>> bank_text_problems("In USD: about 18 bn, or US$ 18 bn", "q prompt")
    []
    """
    if text.count("$") >= 2:
        return [f'{where}: a $ pair (JupyterLab typesets it as mathematics): write USD or dollars in "{text}"']
    if "\\$" in text:
        return [f'{where}: \\$ shows its backslash in a quiz (bank text is not markdown): write USD or '
                f'dollars in "{text}"']
    return []


def _strings(value, where: str):
    """Every string in a bank question (prompt, options, feedback, explanation, unit, answers …)."""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{where} {key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            label = item.get("id", i) if isinstance(item, dict) else i
            yield from _strings(item, f"{where} {label}")


def bank_problems(path: Path) -> list[str]:
    """``bank_text_problems`` of every text of every question of a bank file."""
    bank = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    name = path.relative_to(REPO).as_posix() if path.is_relative_to(REPO) else path.name
    problems = []
    for question in bank.get("questions") or []:
        for where, text in _strings(question, f"{name} {question.get('id', '?')}"):
            problems += bank_text_problems(text, where)
    return problems


def site_markdown_pages() -> list[Path]:
    """The Markdown pages the course site renders: the guide pages and the instructor notes."""
    spec = importlib.util.spec_from_file_location("build_site", REPO / "scripts" / "build_site.py")
    build_site = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_site)
    return ([build_site.DOCS / name for name in build_site.GUIDE]
            + sorted((build_site.DOCS / "instructor").glob("l*.md")))


def _report(problems: list[str], fix: str) -> str:
    return f"{len(problems)} dollar sign(s) JupyterLab would typeset as mathematics; {fix}:\n" + \
        "\n".join(f"- {p}" for p in problems)


# ---------------------------------------------------------------- the real lessons, banks and pages


@pytest.mark.parametrize("lesson", lessons())
def test_lesson_markdown_escapes_every_dollar(lesson: str) -> None:
    """Is every ``$`` in the lesson's markdown cells written ``\\$`` (outside code)?"""
    problems = notebook_problems(notebook_path(lesson))
    assert not problems, _report(problems, HOW)


@pytest.mark.parametrize("bank", sorted((REPO / "kzlessons" / "banks").glob("l*.yaml")), ids=lambda p: p.stem)
def test_bank_texts_hold_no_dollar_pair(bank: Path) -> None:
    """Is every bank text free of a dollar pair and of ``\\$``?"""
    problems = bank_problems(bank)
    assert not problems, _report(problems, "write USD or dollars")


def test_site_pages_escape_every_dollar() -> None:
    """Is every ``$`` in the instructor notes and guide pages the site renders written ``\\$``?"""
    pages = site_markdown_pages()
    assert any(p.name == "l07.md" for p in pages) and any(p.name == "instructor-guide.md" for p in pages)
    problems = [p for page in pages
                for p in dollar_problems(page.read_text(encoding="utf-8"), page.relative_to(REPO).as_posix())]
    assert not problems, _report(problems, HOW)


# ---------------------------------------------------------------- the checkers catch a planted pair


def test_a_planted_pair_in_a_notebook_is_reported(tmp_path: Path) -> None:
    """Does a markdown cell with "$100 to about $40" fail, while its escaped form, code and code
    cells pass?"""
    cells = [
        {"cell_type": "markdown", "metadata": {}, "source": ["Oil fell from about \\$100 to about \\$40.\n",
                                                             "Run `echo $HOME` or:\n", "\n", "```bash\n",
                                                             "echo $A $B\n", "```\n"]},
        {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
         "source": ['unit = "US$ million"  # $ in code is fine']},
    ]
    notebook = tmp_path / "99_planted.ipynb"
    notebook.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    assert notebook_problems(notebook) == []

    cells.append({"cell_type": "markdown", "metadata": {},
                  "source": ["## Prices\n", "\n", "Oil fell from about $100 to about $40 a barrel.\n"]})
    notebook.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    assert notebook_problems(notebook) == [
        '99_planted.ipynb cell 3 line 3: 2 unescaped $ in "Oil fell from about $100 to about $40 a barrel."']


def test_a_planted_pair_in_markdown_text_is_reported() -> None:
    """Are a pair, a lone ``$``, a pair split over two lines and a ``\\\\$`` (an escaped backslash,
    then a live dollar) reported, and escaped dollars not?"""
    text = ("- US$ 9.7 bn vs US$ 1.2 bn\n"
            "- US\\$ 9.7 bn vs US\\$ 1.2 bn\n"
            "from about $100\nto about $40\n"
            "a lone \\\\$ after a backslash\n")
    assert dollar_problems(text, "l02.md") == [
        'l02.md line 1: 2 unescaped $ in "- US$ 9.7 bn vs US$ 1.2 bn"',
        'l02.md line 3: 1 unescaped $ in "from about $100"',
        'l02.md line 4: 1 unescaped $ in "to about $40"',
        'l02.md line 5: 1 unescaped $ in "a lone \\\\$ after a backslash"',
    ]


def test_a_planted_pair_in_a_bank_is_reported(tmp_path: Path) -> None:
    """Does a bank whose option and explanation hold dollar pairs (or ``\\$``) fail, naming each text?"""
    bank = {"lesson": "99", "questions": [{
        "id": "l99-oil", "type": "single", "difficulty": "easy",
        "prompt": "How far did oil fall by August 2015 (in USD a barrel)?",
        "options": [{"id": "a", "text": "From about $100 to about $40"}, {"id": "b", "text": "About 10 dollars"}],
        "answer": "a", "feedback": "Look at S81.",
        "explanation": "From US\\$ 100 to US\\$ 40 (S81).", "sources": ["S81"]}]}
    path = tmp_path / "l99.yaml"
    path.write_text(yaml.safe_dump(bank, sort_keys=False), encoding="utf-8")
    problems = bank_problems(path)
    assert [p.split(":")[0] for p in problems] == ["l99.yaml l99-oil options a text", "l99.yaml l99-oil explanation"]
