"""Lessons cite sources a historian would accept, and say so when they cannot (issue 19, item 2).

The fact base grades every source (``facts/README.md``): a source whose every part is a mirror or
self-published is *weak*, and its record says why nothing better was found. Conservapedia is never
cited (the build refuses it). So:

* every source id a lesson notebook, bank or instructor note names exists in ``sources``;
* every source a notebook names is listed in its "## References" section, as a line "- Sxx …";
* a References line of a weak source carries the words "(weak source: …)";
* an instructor note that names a weak source says "weak source" in the same paragraph
  (the quiz views mark a bank question's weak sources by themselves: ``static.sources_html``);
* no lesson text links to Conservapedia, even through a proxy such as EncycloReader.

``reference_problems`` is the checker; the last tests plant each fault and check it is reported.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from corpus import REPO, lesson_files, lessons, notebook_path

SID = re.compile(r"\bS\d+\b")
BANNED = re.compile(r"conservapedia", re.I)
MARK = "(weak source"


def _notebook_text(path: Path) -> tuple[str, str]:
    """(all cell text, the References cell's text) of a notebook."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    texts = ["".join(c["source"]) if isinstance(c["source"], list) else c["source"] for c in cells]
    refs = next((t for t in texts if t.lstrip().startswith("## References")), "")
    return "\n".join(texts), refs


def reference_problems(text: str, references: str, where: str, sources: pd.DataFrame) -> list[str]:
    """What is wrong with a notebook's citations, given its text and its References cell.

    >>> src = pd.DataFrame({"source_id": ["S1", "S2"], "weak": [False, True]})
    >>> reference_problems("see S1 and S2", "## References\\n- S1 A\\n- S2 B (weak source: mirror)", "nb", src)
    []
    >>> reference_problems("see S1 and S2 and S9", "## References\\n- S2 B", "nb", src)  # doctest: +NORMALIZE_WHITESPACE
    ['nb: S9 is not in the sources dataset.', 'nb: cites S1 but its References do not list it.',
     'nb: S2 is a weak source; its References line should say "(weak source: …)".']
    """
    known = set(sources["source_id"])
    weak = set(sources.loc[sources["weak"].astype(bool), "source_id"])
    cited = sorted(set(SID.findall(text)), key=lambda s: int(s[1:]))
    lines = {m.group(1): m.group(0) for m in re.finditer(r"^- (S\d+)\b.*$", references, re.M)}
    problems = [f"{where}: {sid} is not in the sources dataset." for sid in cited if sid not in known]
    problems += [f"{where}: cites {sid} but its References do not list it."
                 for sid in cited if sid in known and sid not in lines]
    problems += [f'{where}: {sid} is a weak source; its References line should say "(weak source: …)".'
                 for sid, line in lines.items() if sid in weak and MARK not in line]
    problems += [f"{where}: links to Conservapedia, which is never cited." for _ in BANNED.findall(text)[:1]]
    return problems


def note_problems(text: str, where: str, sources: pd.DataFrame) -> list[str]:
    """Unknown ids, and weak sources named in a paragraph that does not say "weak source".

    >>> src = pd.DataFrame({"source_id": ["S1", "S2"], "weak": [False, True]})
    >>> note_problems("S1 says so.\\n\\nS2 says so too.", "l00.md", src)
    ['l00.md: S2 is a weak source; say "weak source" where it is cited.']
    """
    known = set(sources["source_id"])
    weak = set(sources.loc[sources["weak"].astype(bool), "source_id"])
    problems = []
    for paragraph in re.split(r"\n\s*\n", text):
        for sid in sorted(set(SID.findall(paragraph))):
            if sid not in known:
                problems.append(f"{where}: {sid} is not in the sources dataset.")
            elif sid in weak and "weak source" not in paragraph:
                problems.append(f'{where}: {sid} is a weak source; say "weak source" where it is cited.')
    problems += [f"{where}: links to Conservapedia, which is never cited." for _ in BANNED.findall(text)[:1]]
    return problems


@pytest.fixture(scope="module")
def sources() -> pd.DataFrame:
    import kzlessons as kz

    return kz.data.load("sources")


@pytest.mark.parametrize("lesson", lessons())
def test_notebook_citations(lesson, sources):
    """Does the lesson list every source it cites, exist in the fact base, and mark weak ones?"""
    path = notebook_path(lesson)
    text, refs = _notebook_text(path)
    assert refs, f"{path.name} has no '## References' cell"
    assert reference_problems(text, refs, path.name, sources) == []


@pytest.mark.parametrize("lesson", lessons())
def test_bank_and_note_citations(lesson, sources):
    """Do the bank and instructor notes cite only known sources, and notes mark weak ones?"""
    problems = []
    for path in lesson_files(lesson):
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(REPO).as_posix()
        if path.suffix == ".md":
            problems += note_problems(text, name, sources)
        elif path.suffix == ".yaml":
            problems += [p for p in note_problems(text, name, sources) if "weak source" not in p]
    assert problems == []


def test_planted_faults_are_reported(sources):
    """Are a missing References line, an unmarked weak source and a Conservapedia link each reported?"""
    strong = sources.loc[~sources["weak"].astype(bool), "source_id"].iloc[0]
    weak = pd.concat([sources, pd.DataFrame({"source_id": ["S9001"], "weak": [True]})], ignore_index=True)
    text = f"as {strong} and S9001 say; https://encycloreader.org/r/conservapedia.php?q=X"
    problems = reference_problems(text, f"## References\n- S9001 a mirror", "planted", weak)
    assert problems == [
        f"planted: cites {strong} but its References do not list it.",
        'planted: S9001 is a weak source; its References line should say "(weak source: …)".',
        "planted: links to Conservapedia, which is never cited.",
    ]


def _sync_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("sync_references", REPO / "scripts" / "sync_references.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("lesson", lessons())
def test_reference_lines_follow_the_fact_base(lesson):
    """Is every "- Sxx" line under References the fact base's current title (and weak mark)?"""
    sync = _sync_module()
    titles, weak = sync.load_sources()
    path = notebook_path(lesson)
    old, new = sync.sync_notebook(path, titles, weak)
    assert old == new, (f"the References of {path.name} are out of date; run "
                        f"python scripts/sync_references.py notebooks/{path.name}")
