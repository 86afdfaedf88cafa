"""A lesson's prose, paragraph by paragraph, as a learner or instructor reads it.

The figure scanner (``test_figures.py``) checks every number in this text. A lesson's
corpus is:

* the markdown cells of ``notebooks/NN_*.ipynb`` (code cells are ignored);
* the question bank ``kzlessons/banks/lNN.yaml``: each question's ``prompt``, ``feedback``
  and ``explanation`` and each option's ``text`` and ``feedback``;
* the instructor notes ``docs/instructor/lNN.md``.

A *paragraph* is one block of markdown: text between blank lines, a heading, one list
item (with its continuation lines) or one table row. Each bank field is one paragraph.

Markdown is reduced to the words a reader sees: inline code spans, fenced code blocks,
URLs, link targets, HTML tags and emphasis markers are dropped, and so are structural
numbers (the ``3.`` of ``## 3. Who buys?`` and of a numbered list item); an escaped dollar
``\\$`` (written so that JupyterLab does not typeset ``$…$`` as mathematics) reads as the
``$`` a reader sees. Line breaks and
runs of spaces become one space, so a registered figure may be written on one line even
when the lesson breaks it over two.

>>> clean_markdown("**About 45%** of [exports](https://example.org) in `1995`")
'About 45% of exports in'
>>> [p.text for p in markdown_paragraphs("## 3. Who\\n\\nOne\\ntwo.\\n\\n- a 1\\n- b 2\\n", "x.md")]
['Who', 'One two.', 'a 1', 'b 2']
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]

#: Bank fields read as prose, per question and per option.
QUESTION_FIELDS = ("prompt", "feedback", "explanation")
OPTION_FIELDS = ("text", "feedback")

SOURCE_ID = re.compile(r"\bS\d+\b")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a lesson's corpus.

    ``where`` says where a person finds it (file and cell, question field or line);
    ``sources`` holds source ids that apply to it besides those in its own text (a bank
    question's ``sources`` list applies to each of its fields).
    """

    where: str
    text: str
    sources: tuple[str, ...] = field(default=())

    def cited(self) -> bool:
        """True when the paragraph carries a source id (``S12``) or inherits one.

        >>> Paragraph("x", "Signed in 1994 (S45).").cited()
        True
        >>> Paragraph("x", "Signed in 1994.").cited()
        False
        """
        return bool(self.sources) or bool(SOURCE_ID.search(self.text))

    def start(self, width: int = 60) -> str:
        """The paragraph's first words, to name it in a message.

        >>> Paragraph("x", "One two three four", ()).start(9)
        'One two…'
        """
        if len(self.text) <= width:
            return self.text
        return self.text[:width].rsplit(" ", 1)[0] + "…"


# --------------------------------------------------------------------------------------
# Markdown → visible text
# --------------------------------------------------------------------------------------

_FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.M | re.S)
_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]*)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<(?:https?|mailto|ftp):[^>]*>")
_URL = re.compile(r"\b(?:https?|ftp)://\S+|\bwww\.\S+|\bdoi\.org/\S+")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_EMPHASIS = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)")
_SPACE = re.compile(r"\s+")
_ENTITIES = {"&nbsp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&ndash;": "–", "&mdash;": "—"}


def clean_markdown(text: str) -> str:
    """Reduce one paragraph of markdown to the words a reader sees, on one line.

    >>> clean_markdown("see <https://x.org/a> and ![a map](m.png)")
    'see and a map'
    >>> clean_markdown("the `World` row, *not* 45%\\n of it")
    'the row, not 45% of it'
    >>> clean_markdown(r"from about \\$100 to about US\\$ 40")
    'from about $100 to about US$ 40'
    """
    text = _CODE_SPAN.sub("", text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub("", text)
    text = _URL.sub("", text)
    text = _TAG.sub("", text)
    text = text.replace("\\$", "$")
    for entity, char in _ENTITIES.items():
        text = text.replace(entity, char)
    text = _EMPHASIS.sub("", text)
    return _SPACE.sub(" ", text).strip()


_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_HEADING_NUMBER = re.compile(r"^\s{0,3}(#{1,6})\s+\d+(?:\.\d+)*\.?\s+")
_LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d+[.)])\s+")
_NUMBERED_ITEM = re.compile(r"^(\s*)\d+[.)]\s+")
_BULLET = re.compile(r"^(\s*)[-*+]\s+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_REF_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+.*$")
_QUOTE = re.compile(r"^\s{0,3}>\s?")


def _blocks(markdown: str) -> list[tuple[int, list[str]]]:
    """Split markdown into (first line number, lines) blocks: see the module docstring."""
    markdown = _FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), markdown)
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0

    def flush() -> None:
        nonlocal current
        if any(line.strip() for line in current):
            blocks.append((start, current))
        current = []

    for number, raw in enumerate(markdown.splitlines(), start=1):
        line = _QUOTE.sub("", raw)
        if not line.strip() or _REF_DEFINITION.match(line) or _TABLE_RULE.match(line):
            flush()
            continue
        if _HEADING.match(line) or line.lstrip().startswith("|") or _LIST_ITEM.match(line):
            flush()
            start = number
            current = [line]
            if _HEADING.match(line) or line.lstrip().startswith("|"):
                flush()
            continue
        if not current:
            start = number
        current.append(line)
    flush()
    return blocks


def _strip_structure(line: str) -> str:
    """Drop heading markers, section numbers and list markers: structure, not content."""
    line = _HEADING_NUMBER.sub("", line)
    line = _HEADING.sub("", line)
    line = _NUMBERED_ITEM.sub(r"\1", line)
    line = _BULLET.sub(r"\1", line)
    return line.replace("|", " ")


def markdown_paragraphs(markdown: str, where: str) -> list[Paragraph]:
    """Paragraphs of one markdown text; ``where`` prefixes each paragraph's location."""
    paragraphs = []
    for line_number, lines in _blocks(markdown):
        text = clean_markdown("\n".join(_strip_structure(line) for line in lines))
        if text:
            paragraphs.append(Paragraph(f"{where} line {line_number}", text))
    return paragraphs


# --------------------------------------------------------------------------------------
# The three kinds of file
# --------------------------------------------------------------------------------------


def notebook_path(lesson: str, root: Path = REPO) -> Path | None:
    """The lesson's notebook, ``notebooks/NN_*.ipynb`` (None when there is none)."""
    found = sorted((root / "notebooks").glob(f"{lesson}_*.ipynb"))
    return found[0] if found else None


def notebook_paragraphs(path: Path, root: Path = REPO) -> list[Paragraph]:
    """Paragraphs of the notebook's markdown cells (cell numbers count from 1, all cells)."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    name = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    out: list[Paragraph] = []
    for index, cell in enumerate(nb.get("cells", []), start=1):
        if cell.get("cell_type") != "markdown":
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else source
        out.extend(markdown_paragraphs(source, f"{name} cell {index}"))
    return out


def bank_paragraphs(path: Path, root: Path = REPO) -> list[Paragraph]:
    """One paragraph per prose field of each question and option of a question bank."""
    bank = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    name = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    out: list[Paragraph] = []
    for question in bank.get("questions") or []:
        qid = question.get("id", "?")
        sources = tuple(str(s) for s in question.get("sources") or ())
        for key in QUESTION_FIELDS:
            value = question.get(key)
            if isinstance(value, str) and clean_markdown(value):
                out.append(Paragraph(f"{name} {qid} {key}", clean_markdown(value), sources))
        for option in question.get("options") or []:
            for key in OPTION_FIELDS:
                value = option.get(key)
                if isinstance(value, str) and clean_markdown(value):
                    where = f"{name} {qid} option {option.get('id', '?')} {key}"
                    out.append(Paragraph(where, clean_markdown(value), sources))
    return out


def lesson_files(lesson: str, root: Path = REPO) -> list[Path]:
    """The files that make up lesson ``lesson``'s corpus (those that exist)."""
    files = [notebook_path(lesson, root), root / "kzlessons" / "banks" / f"l{lesson}.yaml",
             root / "docs" / "instructor" / f"l{lesson}.md"]
    return [f for f in files if f is not None and f.is_file()]


def lesson_corpus(lesson: str, root: Path = REPO) -> list[Paragraph]:
    """All paragraphs of lesson ``lesson`` ("00" … "07"): notebook, bank, instructor notes.

    >>> paragraphs = lesson_corpus("02")
    >>> any(p.where.startswith("notebooks/02_") for p in paragraphs)
    True
    >>> any(p.where.startswith("kzlessons/banks/l02.yaml") for p in paragraphs)
    True
    """
    out: list[Paragraph] = []
    for path in lesson_files(lesson, root):
        if path.suffix == ".ipynb":
            out.extend(notebook_paragraphs(path, root))
        elif path.suffix == ".yaml":
            out.extend(bank_paragraphs(path, root))
        else:
            name = path.relative_to(root).as_posix()
            out.extend(markdown_paragraphs(path.read_text(encoding="utf-8"), name))
    return out


def lessons(root: Path = REPO) -> list[str]:
    """Ids of the lessons that have a notebook, in order.

    >>> lessons()[:2]
    ['00', '01']
    """
    return sorted(p.name[:2] for p in (root / "notebooks").glob("[0-9][0-9]_*.ipynb"))
