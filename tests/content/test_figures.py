"""Prose and data cannot drift apart: every number in a lesson is data-checked, cited or allowed.

For lesson NN the registry ``tests/content/figures/lNN.py`` defines

* ``figures(data) -> dict[str, str]``: the text of each figure exactly as the lesson shows
  it, mapped to the same text recomputed from ``kzlessons.data`` with the same formatting
  (``{"39.3%": f"{share:.1%}"}``);
* optionally ``ALLOW: list[str]``: regexes of number-bearing phrases that are labels, not
  claims (``r"1/7 ≈ 0\\.143"``).

A missing file counts as an empty registry. See ``corpus.py`` for what the corpus is and
``scanner.py`` for the rule.
"""

from __future__ import annotations

import functools
import json
import shutil
import textwrap
from pathlib import Path

import pytest

import kzlessons.data as data
from corpus import REPO, Paragraph, lesson_corpus, lessons, notebook_path
from scanner import (GLOBAL_ALLOW, load_registry, missing_figures, scan, tokens,
                     unchecked, wrong_figures)

LESSONS = lessons()


@functools.cache
def _corpus(lesson: str) -> tuple[Paragraph, ...]:
    """The lesson's corpus from the repository, read once per test session."""
    return tuple(lesson_corpus(lesson))


@functools.cache
def _registered(lesson: str) -> dict[str, str]:
    figures = load_registry(lesson).figures(data)
    bad = [k for k, v in figures.items() if not isinstance(k, str) or not isinstance(v, str)]
    assert not bad, (f"tests/content/figures/l{lesson}.py: figures(data) must map text to text; "
                     f"these keys or their values are not strings: {bad}")
    return dict(figures)


def _report(lesson: str, problems: list[str], what: str) -> str:
    head = f"Lesson {lesson}: {len(problems)} {what}:\n"
    return head + "\n".join(f"- {p}" for p in problems)


# ---------------------------------------------------------------- the real lessons


@pytest.mark.parametrize("lesson", LESSONS)
def test_registered_figures_match_the_data(lesson: str) -> None:
    """Does every registered figure, as the lesson shows it, equal its recomputation from the data?"""
    wrong = wrong_figures(_registered(lesson))
    problems = [f"the lesson shows {s!r} but the data give {c!r}: correct the lesson text (and the key "
                f"in tests/content/figures/l{lesson}.py), or fix the computation" for s, c in wrong]
    assert not problems, _report(lesson, problems, "figures disagree with the data")


@pytest.mark.parametrize("lesson", LESSONS)
def test_registered_figures_occur_in_the_lesson(lesson: str) -> None:
    """Does each registered figure's text occur in the lesson's notebook, bank or instructor notes?"""
    missing = missing_figures(_corpus(lesson), _registered(lesson))
    problems = [f"{s!r} is registered in tests/content/figures/l{lesson}.py but occurs nowhere in the "
                "lesson's markdown, bank or instructor notes: write it as the lesson shows it "
                "(line breaks, emphasis and code spans aside), or remove it" for s in missing]
    assert not problems, _report(lesson, problems, "registered figures not found")


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_number_is_checked_cited_or_allowed(lesson: str) -> None:
    """Is every number and date of the lesson a registered figure, cited (S-id) or allowed?"""
    registry = load_registry(lesson)
    findings = scan(lesson, _corpus(lesson), _registered(lesson), registry.allow)
    assert not findings, _report(lesson, [f.message() for f in findings], "unchecked numbers")


@pytest.mark.parametrize("lesson", LESSONS)
def test_allow_patterns_are_used(lesson: str) -> None:
    """Does each of the lesson's ALLOW regexes match something (no stale entries)?"""
    import re

    texts = [p.text for p in _corpus(lesson)]
    stale = [a for a in load_registry(lesson).allow if not any(re.search(a, t) for t in texts)]
    problems = [f"ALLOW entry {a!r} in tests/content/figures/l{lesson}.py matches nothing; remove it"
                for a in stale]
    assert not problems, _report(lesson, problems, "unused ALLOW entries")


# ---------------------------------------------------------------- the scanner fails when it should


def _first_figure_occurrence(lesson: str) -> tuple[str, int] | None:
    """A registered figure with a digit, and the notebook cell (1-based) of an uncited paragraph showing it."""
    figures = [s for s in _registered(lesson) if tokens(s)]
    path = notebook_path(lesson)
    if path is None:
        return None
    nb = json.loads(path.read_text(encoding="utf-8"))
    for paragraph in _corpus(lesson):
        if not paragraph.where.startswith("notebooks/") or paragraph.cited():
            continue
        cell = int(paragraph.where.split(" cell ")[1].split()[0])
        source = nb["cells"][cell - 1]["source"]
        source = "".join(source) if isinstance(source, list) else source
        for shown in figures:
            if shown in paragraph.text and shown in source:
                return shown, cell
    return None


def _change_digit(text: str) -> str:
    """The same text with its last digit changed (9 → 8, otherwise +1)."""
    i = max(i for i, c in enumerate(text) if c.isdigit())
    digit = "8" if text[i] == "9" else str(int(text[i]) + 1)
    return text[:i] + digit + text[i + 1:]


@pytest.mark.parametrize("lesson", LESSONS)
def test_a_figure_changed_by_hand_in_a_lesson_fails(lesson: str, tmp_path: Path) -> None:
    """If someone edits a registered figure in a copy of the lesson's notebook, does the scan fail?"""
    found = _first_figure_occurrence(lesson)
    if found is None:
        pytest.skip(f"lesson {lesson}: no registered figure appears in a notebook markdown cell yet")
    shown, cell = found
    changed = _change_digit(shown)
    root = tmp_path / "repo"
    for part in ("notebooks", "kzlessons/banks", "docs/instructor"):
        (root / part).mkdir(parents=True)
    path = notebook_path(lesson)
    nb = json.loads(path.read_text(encoding="utf-8"))
    source = nb["cells"][cell - 1]["source"]
    source = "".join(source) if isinstance(source, list) else source
    nb["cells"][cell - 1]["source"] = source.replace(shown, changed)
    (root / "notebooks" / path.name).write_text(json.dumps(nb), encoding="utf-8")
    for rel in (f"kzlessons/banks/l{lesson}.yaml", f"docs/instructor/l{lesson}.md"):
        if (REPO / rel).is_file():
            shutil.copy(REPO / rel, root / rel)

    figures = _registered(lesson)
    corpus = lesson_corpus(lesson, root)
    findings = scan(lesson, corpus, figures, load_registry(lesson).allow)
    edited = [f for f in findings if f.paragraph.where.startswith(f"notebooks/{path.name} cell {cell} ")]
    assert edited, f"changing {shown!r} to {changed!r} in lesson {lesson}'s notebook cell {cell} went unnoticed"


def test_scanner_catches_hand_edits_on_a_real_figure() -> None:
    """A paragraph stating the EU's 2015 share of trade passes; edited by hand, it fails both ways."""
    trade = data.load("trade")
    rows = trade[(trade["year"] == 2015) & (trade["basis"] == "reported") & ~trade["is_aggregate"]]
    share = rows[rows["partner_group"] == "EU-27"]["value_usd_mn"].sum() / rows["value_usd_mn"].sum()
    registered = {f"{share:.1%} of total trade": f"{share:.1%} of total trade"}
    paragraph = Paragraph("x.md line 1", f"In 2015 the EU-27 took {share:.1%} of total trade.")
    allow = [r"In 2015"]

    assert not scan("xx", [paragraph], registered, allow)
    assert not missing_figures([paragraph], registered)

    edited = Paragraph(paragraph.where, paragraph.text.replace(f"{share:.1%}", f"{share + 0.1:.1%}"))
    findings = scan("xx", [edited], registered, allow)
    assert [f.token.text for f in findings] == [f"{share + 0.1:.1%}"]
    assert "add it to tests/content/figures/lxx.py" in findings[0].message()
    assert "x.md line 1" in findings[0].message()
    assert missing_figures([edited], registered) == list(registered)

    hand_typed = {f"{share + 0.1:.1%} of total trade": f"{share:.1%} of total trade"}
    assert wrong_figures(hand_typed) == list(hand_typed.items())


def test_registry_file_is_loaded_by_path(tmp_path: Path) -> None:
    """Does a registry file give its figures and ALLOW, and a missing one an empty registry?"""
    (tmp_path / "l42.py").write_text(textwrap.dedent('''
        ALLOW = [r"1/7"]
        def figures(data):
            return {"100": str(int(data.load("ukraine_votes").pipe(
                lambda v: (v[v["resolution"] == "A/RES/68/262"]["vote"] == "yes").sum())))}
    '''), encoding="utf-8")
    registry = load_registry("42", tmp_path)
    assert registry.allow == (r"1/7",)
    assert registry.figures(data) == {"100": "100"}
    assert load_registry("43", tmp_path).figures(data) == {}


@pytest.mark.parametrize("text, flagged", [
    ("Russia took about 45% of exports in 1995.", ["45%", "1995"]),
    ("Lesson 02 and lessons 04–06 follow.", []),
    ("Resolution 68/262 and ES-11/1 passed.", []),
    ("The EU-27 band; l02-mirror-why; E019; cell S12 aside.", []),
    ("It took 40 minutes.", []),
    ("Exports rose from 244 to 46,927.", ["244", "46,927"]),
])
def test_tokens_and_global_allowlist(text: str, flagged: list[str]) -> None:
    """Which numbers does the scanner flag in typical sentences without registry or source?"""
    # "S12" makes a paragraph cited; test the uncited reading by dropping it.
    paragraph = Paragraph("x", text.replace("cell S12 aside", "aside"))
    assert [t.text for t in unchecked(paragraph, [], GLOBAL_ALLOW)] == flagged


def test_code_and_links_are_not_prose() -> None:
    """Are code spans, fenced code, URLs and link targets ignored, and list/table items separate?"""
    from corpus import markdown_paragraphs

    md = textwrap.dedent("""\
        ## 4. Heading

        Run `kz.review(n=2)` and read [the 2015 memo](https://x.org/388).

        ```python
        x = 1995
        ```

        | year | share |
        |---|---|
        | 1995 | 45% |

        1. first 2001 item (S5)
        2. second 2005 item
        """)
    paragraphs = markdown_paragraphs(md, "t.md")
    texts = [p.text for p in paragraphs]
    assert texts == ["Heading", "Run and read the 2015 memo.", "year share", "1995 45%",
                     "first 2001 item (S5)", "second 2005 item"]
    flagged = [t.text for p in paragraphs for t in unchecked(p, [], GLOBAL_ALLOW)]
    assert flagged == ["2015", "1995", "45%", "2005"]
