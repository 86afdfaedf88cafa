"""The fact base in facts/ obeys its rules, and the build refuses records that break them."""

from __future__ import annotations

import copy
import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FACTS = REPO / "facts"


def _factbase():
    spec = importlib.util.spec_from_file_location("factbase", REPO / "scripts" / "factbase.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


fb = _factbase()


@pytest.fixture(scope="module")
def records():
    return fb.load(FACTS)


def test_shipped_records_break_no_rule(records):
    """Do the committed records pass every check of facts/README.md?"""
    assert fb.check(records) == []


def _broken(records, edit):
    recs = copy.deepcopy(records)
    edit(recs)
    return fb.check(recs)


def _event(recs, eid="E001"):
    return next(e for e in recs["events"] if e["id"] == eid)


def test_event_without_source_is_refused(records):
    """Is an event that cites no source reported?"""
    problems = _broken(records, lambda r: _event(r).update(sources=[]))
    assert problems == ["E001: cites no source; every event needs at least one."]


def test_claim_without_source_is_refused_unless_unverified_or_opinion(records):
    """Must a confirmed claim cite a source, while an unverified one may cite none?"""
    def confirmed(r):
        r["claims"][0].update(status="confirmed", sources=[])
    assert any("cites no source" in p for p in _broken(records, confirmed))

    def unverified(r):
        r["claims"][0].update(status="unverified", sources=[])
    assert _broken(records, unverified) == []


def test_unknown_source_id_is_refused(records):
    """Is a citation of a source that does not exist reported?"""
    problems = _broken(records, lambda r: _event(r).update(sources=["S999"]))
    assert problems == ["E001: cites S999, which is not in sources.yaml."]


def test_source_without_grade_is_refused(records):
    """Is a source part without a kind, or with an unknown kind, reported?"""
    def no_kind(r):
        del r["sources"][0]["parts"][0]["kind"]
    problems = _broken(records, no_kind)
    assert any("S1 part 1: field 'kind' is missing." == p for p in problems)

    def bad_kind(r):
        r["sources"][0]["parts"][0]["kind"] = "website"
    assert any("kind 'website' is not one of" in p for p in _broken(records, bad_kind))


def test_conservapedia_is_refused(records):
    """Is any address on Conservapedia's domain refused, even through a proxy such as EncycloReader?"""
    def banned(r):
        r["sources"][0]["parts"][0]["url"] = "https://encycloreader.org/r/conservapedia.php?q=Kazakhstan"
    assert any("Conservapedia" in p for p in _broken(records, banned))


def test_weak_source_must_say_why(records):
    """Must a source whose every part is a mirror say why nothing better was found, and only then?"""
    def weak(r):
        for part in r["sources"][0]["parts"]:
            part["kind"] = "mirror"
        r["sources"][0].pop("weak_source", None)
    assert any("say in 'weak_source'" in p for p in _broken(records, weak))

    def false_mark(r):
        r["sources"][0]["weak_source"] = "none found"
    assert any("has 'weak_source' but" in p for p in _broken(records, false_mark))


def test_typo_in_a_field_name_is_refused(records):
    """Is an unknown field (such as 'source' for 'sources') reported rather than ignored?"""
    problems = _broken(records, lambda r: _event(r).update(source=["S1"]))
    assert any("unknown field 'source'" in p for p in problems)


def test_duplicate_id_and_bad_date_are_refused(records):
    """Are a reused id and an unreadable date reported?"""
    def dup(r):
        r["events"].append(copy.deepcopy(r["events"][0]))
    assert "events.yaml: id E001 is used twice." in _broken(records, dup)
    assert any("cannot read the date" in p for p in _broken(records, lambda r: _event(r).update(date="early 1990")))


def test_build_stops_with_the_problems_listed(tmp_path):
    """Does curate_data.py stop, listing the problem, when a record is broken (and write nothing)?"""
    broken = tmp_path / "facts"
    broken.mkdir()
    for path in FACTS.glob("*.yaml"):
        (broken / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    events = broken / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace("sources: [S43]", "sources: [S9999]", 1),
                      encoding="utf-8")
    spec = importlib.util.spec_from_file_location("curate_data_t", REPO / "scripts" / "curate_data.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with pytest.raises(SystemExit) as err:
        module.factbase.tables(broken)
    assert "cites S9999, which is not in sources.yaml" in str(err.value)


def test_every_source_is_cited_somewhere():
    """Is every source cited by a record, a bank question or a lesson (no dead entries)?"""
    import re

    text = " ".join(p.read_text(encoding="utf-8") for p in
                    [*FACTS.glob("*.yaml"), *(REPO / "kzlessons" / "banks").glob("*.yaml"),
                     *(REPO / "notebooks").glob("*.ipynb"), *(REPO / "docs" / "instructor").glob("*.md")]
                    if p.name != "sources.yaml")
    cited = set(re.findall(r"\bS\d+\b", text))
    listed = {s["id"] for s in fb.load(FACTS)["sources"]}
    assert listed - cited == set()


def test_facts_md_is_not_read_by_the_build():
    """Does the build no longer read ../shared/content/facts.md (the records are the source of truth)?"""
    script = (REPO / "scripts" / "curate_data.py").read_text(encoding="utf-8")
    assert "content/facts.md" not in script and "facts.md\")" not in script
