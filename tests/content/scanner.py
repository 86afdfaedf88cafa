"""Find the numbers in a lesson's prose that nobody checks.

Every number or date a lesson states must be one of three things (BRIEF convention 1):

1. a **registered figure**: its text as shown sits inside a key of
   ``tests/content/figures/lNN.py``'s ``figures(data)``, whose value recomputes the same
   text from the shipped data (``test_figures.py`` compares the two);
2. **cited**: the paragraph carries a source id such as ``S53`` (for a bank question, its
   ``sources`` list counts), so a reader can check it in the fact base (``facts/``, the ``sources`` dataset);
3. **allowed**: inside a match of the lesson's ``ALLOW`` regexes or of :data:`GLOBAL_ALLOW`
   (lesson numbers, resolution symbols and other labels that are not claims).

>>> from corpus import Paragraph
>>> p = Paragraph("x", "In 2013 the EU-27 took 52% of exports.")
>>> [t.text for t in unchecked(p, shown=["52%"], allow=GLOBAL_ALLOW)]
['2013']
>>> unchecked(p, shown=["2013", "52%"], allow=GLOBAL_ALLOW)
[]
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from corpus import Paragraph

FIGURES_DIR = Path(__file__).resolve().parent / "figures"

#: A number token: digits with optional decimal or thousands separators ("1,565", "0.362").
#: Digits glued to a letter before them (S53, l02, E019, B2) are identifiers, not numbers;
#: a trailing "%" belongs to the token, so "45%" must be registered as "45%", not "45".
NUMBER = re.compile(r"(?<![\w.])[0-9]+(?:[.,][0-9]+)*%?")

#: Phrases with digits that are labels, not claims, in every lesson. Keep it short: a
#: phrase that belongs to one lesson goes into that lesson's ALLOW instead.
GLOBAL_ALLOW: tuple[str, ...] = (
    # Lesson numbers: "Lesson 02", "lessons 00–03", "lessons 04, 05 and 06", "the next
    # lesson is 01", a lesson link "01 · What is multi-vectorism?", a syllabus row "03 The …".
    r"\b[Ll]essons?\s+(?:is\s+)?0\d(?:\s*(?:[–—-]|,|and|or|to)\s*0\d)*",
    r"\b0[0-7](?=\s*·)|^0[0-7](?= )",
    # Lesson titles that contain a year (the year itself is taught, and cited, in the lesson).
    r"\bThe 20(?:14|22) shock\b",
    # The course's two readings, named by author and year or by series number (the full
    # reference is in lesson 00 and ../shared/content/facts.md): "Roberts (2015)",
    # "Reading A (Wahlang, 2023)", "PONARS Eurasia Policy Memo No. 388".
    r"\bWahlang,?\s*\(?2023\b|\bRoberts,?\s*\(?2015\b|\b[Mm]emo\s+(?:No\.\s*)?388\b",
    # ... and their publication dates in a full reference ("MP-IDSA commentary, 27 April 2023";
    # "Policy Memo No. 388, September 2015"), as facts.md gives them.
    r"\b27 April 2023\b|\b[Mm]emo\s+(?:No\.\s*)?388,?\s+September 2015\b",
    # Numbered steps of a task inside a lesson ("Step 2", "prompt 3").
    r"\b(?:[Ss]tep|[Pp]art|[Tt]ask|[Pp]rompt)s?\s+\d\b",
    # Section references inside a lesson: "section 3", "sections 2 and 3", "§4".
    r"\b[Ss]ections?\s+\d+(?:\.\d+)?(?:\s*(?:[–—-]|and|or)\s*\d+)?|§\s*\d+",
    # UN General Assembly resolution symbols: "68/262", "A/RES/ES-11/1", "ES-11/4".
    r"\b(?:A/RES/)?(?:ES-\d{1,2}|\d{2})/\d{1,3}\b",
    # Partner-group and dataset labels with a number in their name.
    r"\bEU-2[78]\b",
    # Text encodings and versions of tools a learner runs, not facts about Kazakhstan.
    r"\bUTF-8\b|\bPython\s+3(?:\.\d+)*\b|\bJupyterLab\s+\d+(?:\.\d+)*\b|\bNotebook\s+7\b",
    # Durations of the lesson itself ("about 40 minutes", "10–15 min").
    r"\b\d+(?:\s*[–-]\s*\d+)?\s*(?:minutes?|min)\b",
)


@dataclass(frozen=True)
class Token:
    """A number in a paragraph, with its position in the paragraph's text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Registry:
    """A lesson's figure registry: ``figures(data) -> {shown: computed}`` and ``ALLOW``."""

    lesson: str
    path: Path
    figures: Callable[[ModuleType], Mapping[str, str]]
    allow: tuple[str, ...]

    @property
    def exists(self) -> bool:
        return self.path.is_file()


def _no_figures(data: ModuleType) -> dict[str, str]:
    return {}


def registry_path(lesson: str, directory: Path = FIGURES_DIR) -> Path:
    """Where lesson ``lesson``'s figures are registered: ``tests/content/figures/lNN.py``."""
    return directory / f"l{lesson}.py"


def load_registry(lesson: str, directory: Path = FIGURES_DIR) -> Registry:
    """Load ``figures/lNN.py`` by path; a missing file is an empty registry.

    >>> r = load_registry("99")
    >>> r.exists, r.figures(None), r.allow
    (False, {}, ())
    """
    path = registry_path(lesson, directory)
    if not path.is_file():
        return Registry(lesson, path, _no_figures, ())
    spec = importlib.util.spec_from_file_location(f"kz_figures_l{lesson}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    figures = getattr(module, "figures", _no_figures)
    allow = tuple(getattr(module, "ALLOW", ()))
    return Registry(lesson, path, figures, allow)


def tokens(text: str) -> list[Token]:
    """The number tokens of a text.

    >>> [t.text for t in tokens("From 1995 to 2020, 45% (S53) of US$ 1,107 m; l02-x; 0.362.")]
    ['1995', '2020', '45%', '1,107', '0.362']
    """
    return [Token(m.group(0), m.start(), m.end()) for m in NUMBER.finditer(text)]


def _spans(text: str, shown: Iterable[str], allow: Iterable[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for figure in shown:
        if not figure:
            continue
        at = text.find(figure)
        while at >= 0:
            spans.append((at, at + len(figure)))
            at = text.find(figure, at + 1)
    for pattern in allow:
        spans.extend(m.span() for m in re.finditer(pattern, text))
    return spans


def unchecked(paragraph: Paragraph, shown: Iterable[str], allow: Iterable[str]) -> list[Token]:
    """Tokens of ``paragraph`` that are neither registered, cited nor allowed.

    ``shown`` are the registered figures' texts (already normalised like the corpus),
    ``allow`` the regexes allowed for this lesson, global ones included.

    >>> from corpus import Paragraph
    >>> unchecked(Paragraph("x", "Signed in 1994 (S45)."), [], [])
    []
    >>> [t.text for t in unchecked(Paragraph("x", "See lesson 03 and 68/262 of 2014."), [], GLOBAL_ALLOW)]
    ['2014']
    """
    if paragraph.cited():
        return []
    found = tokens(paragraph.text)
    if not found:
        return []
    spans = _spans(paragraph.text, list(shown), list(allow))
    return [t for t in found if not any(a <= t.start and t.end <= b for a, b in spans)]


@dataclass(frozen=True)
class Finding:
    """One number that fails the rule, with the words that tell the author what to do."""

    lesson: str
    paragraph: Paragraph
    token: Token

    def message(self) -> str:
        return (
            f'{self.paragraph.where}: "{self.paragraph.start()}" states {self.token.text!r}, '
            "which is neither a registered figure, nor cited (no S-id in the paragraph), nor "
            f"allowed. If it is a figure about the shipped data, add it to "
            f"tests/content/figures/l{self.lesson}.py (figures(data) maps the text as shown to "
            "the same text computed from the data); if it comes from a source, cite its id "
            "(S..) from the fact base (facts/sources.yaml) in the same paragraph; if it is a label, "
            "not a claim, add a regex to ALLOW in that file."
        )


def scan(lesson: str, paragraphs: Iterable[Paragraph], shown: Iterable[str],
         allow: Iterable[str]) -> list[Finding]:
    """Every unchecked number of a lesson's corpus (``GLOBAL_ALLOW`` is added to ``allow``)."""
    from corpus import clean_markdown

    shown = [clean_markdown(s) for s in shown]
    allow = [*GLOBAL_ALLOW, *allow]
    return [Finding(lesson, p, t) for p in paragraphs for t in unchecked(p, shown, allow)]


def missing_figures(paragraphs: Iterable[Paragraph], shown: Iterable[str]) -> list[str]:
    """Registered figure texts that occur in no paragraph of the corpus.

    >>> from corpus import Paragraph
    >>> missing_figures([Paragraph("x", "about 45% of exports")], ["45%", "46%"])
    ['46%']
    """
    from corpus import clean_markdown

    texts = [p.text for p in paragraphs]
    return [s for s in shown if not any(clean_markdown(s) in t for t in texts)]


def wrong_figures(registered: Mapping[str, str]) -> list[tuple[str, str]]:
    """(shown, computed) pairs whose texts differ.

    >>> wrong_figures({"39.3%": f"{0.3931:.1%}", "0.36": f"{0.3621:.3f}"})
    [('0.36', '0.362')]
    """
    return [(s, c) for s, c in registered.items() if str(s) != str(c)]


def main(argv: list[str]) -> int:
    """``python tests/content/scanner.py [NN …]``: list each lesson's unchecked numbers."""
    import kzlessons.data as data
    from corpus import lesson_corpus, lessons

    total = 0
    for lesson in argv or lessons():
        registry = load_registry(lesson)
        findings = scan(lesson, lesson_corpus(lesson), registry.figures(data), registry.allow)
        total += len(findings)
        print(f"lesson {lesson}: {len(findings)} unchecked numbers")
        for finding in findings:
            print(f"  {finding.paragraph.where}: {finding.token.text!r} in \"{finding.paragraph.start()}\"")
    return 1 if total else 0


if __name__ == "__main__":  # pragma: no cover
    import sys

    raise SystemExit(main(sys.argv[1:]))
