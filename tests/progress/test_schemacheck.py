"""Tests for kzlessons/progress/schemacheck.py: the hand-written checker agrees with the real ``jsonschema``.

``jsonschema`` is used here only, as the reference; the package validates progress files without it.
"""

from __future__ import annotations

import copy
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kzlessons.progress.exchange import EXPORT_SCHEMA, MAX_IMPORTED_IDS
from kzlessons.progress.schemacheck import SUPPORTED, compile_schema

REFERENCE = jsonschema.Draft202012Validator(EXPORT_SCHEMA)  # no format checker: the schema uses no "format"
CHECK = compile_schema(EXPORT_SCHEMA)
LID = "0123456789abcdef" * 2
_DROP, _ONE = object(), object()  # leave the field out; one valid attempt


def _attempt(**changes: Any) -> dict[str, Any]:
    row = {"attempt_id": "a1", "question_id": "l00-area", "lesson": "00", "answer": "1", "correct": False,
           "score": 0, "time": "2025-03-01T10:00:00+00:00"}
    row.update(changes)
    return {k: v for k, v in row.items() if v is not _DROP}


def _doc(version: Any = 3, attempts: Any = _ONE, **changes: Any) -> dict[str, Any]:
    doc = {"format": "kzlessons-progress", "version": version, "exported_at": "2025-03-01T10:00:00+00:00",
           "kzlessons_version": "0.1.0", "learner": "Ana", "learner_id": LID, "imported_learner_ids": [],
           "attempts": [_attempt()] if attempts is _ONE else attempts}
    doc.update(changes)
    return {k: v for k, v in doc.items() if v is not _DROP}


VALID = [
    _doc(),
    _doc(1, learner_id=_DROP, imported_learner_ids=_DROP, exported_at=_DROP, kzlessons_version=_DROP),
    _doc(2, imported_learner_ids=_DROP, learner=None, learner_id=None),
    _doc(1.0),                                            # 1.0 equals 1 in JSON
    _doc(attempts=[]),
    _doc(learner="x" * 80, exported_at="x" * 40, kzlessons_version="x" * 40),
    _doc(imported_learner_ids=[LID] * MAX_IMPORTED_IDS),
    _doc(learner_id=LID + "\n"),                          # "$" before a final newline, as jsonschema's re.search
    _doc(attempts=[_attempt(answer=a) for a in (None, 3, 2.5, True, [1, "b"], {"x": [None]}, "")]),
    _doc(attempts=[_attempt(score=s) for s in (0, 1, 0.5, 1.0, 0.0)]),
    _doc(attempts=[_attempt(kind="shown", note={"any": "thing"}, extra=[1])]),
    _doc(attempts=[_attempt(question_id="l00-" + "a" * 76, attempt_id="A" * 64)]),
    _doc(attempts=[_attempt(time="x" * 40, lesson="99", correct=True)]),  # the schema leaves these to row_problem
]

INVALID = [
    [], "kzlessons-progress", None, 3,                                    # type (top level)
    _doc(format=_DROP), _doc(version=_DROP), _doc(attempts=_DROP),        # required
    _doc(extra=1), _doc(Learner="Ana"),                                   # additionalProperties
    _doc(format="kzlessons-progres"), _doc(format=None),                  # const
    _doc(4), _doc(0), _doc("3"), _doc(True), _doc(2.5), _doc(None),       # enum
    _doc(exported_at=5), _doc(exported_at="x" * 41),
    _doc(kzlessons_version=None), _doc(kzlessons_version="x" * 41),
    _doc(learner=3), _doc(learner=["Ana"]), _doc(learner="x" * 81),
    _doc(learner_id=5), _doc(learner_id=LID.upper()), _doc(learner_id=LID[:-1]), _doc(learner_id=" " + LID),
    _doc(imported_learner_ids=None), _doc(imported_learner_ids={LID: 1}), _doc(imported_learner_ids=LID),
    _doc(imported_learner_ids=[LID] * (MAX_IMPORTED_IDS + 1)),
    _doc(imported_learner_ids=[LID, 5]), _doc(imported_learner_ids=[LID, "xyz"]),
    _doc(attempts={"0": _attempt()}), _doc(attempts=None),
    _doc(attempts=[_attempt()] * (EXPORT_SCHEMA["properties"]["attempts"]["maxItems"] + 1)),
    _doc(attempts=[_attempt(), "row"]), _doc(attempts=[[]]), _doc(attempts=[None]),
    *[_doc(attempts=[_attempt(**{name: _DROP})]) for name in
      ("attempt_id", "question_id", "lesson", "answer", "correct", "score", "time")],
    _doc(attempts=[_attempt(attempt_id=7)]), _doc(attempts=[_attempt(attempt_id="a b")]),
    _doc(attempts=[_attempt(attempt_id="")]), _doc(attempts=[_attempt(attempt_id="a" * 65)]),
    _doc(attempts=[_attempt(question_id=None)]), _doc(attempts=[_attempt(question_id="L00-area")]),
    _doc(attempts=[_attempt(question_id="l00-" + "a" * 77)]),
    _doc(attempts=[_attempt(lesson=0)]), _doc(attempts=[_attempt(lesson="0")]),
    _doc(attempts=[_attempt(correct=1)]), _doc(attempts=[_attempt(correct="true")]),
    _doc(attempts=[_attempt(score="1")]), _doc(attempts=[_attempt(score=True)]), _doc(attempts=[_attempt(score=None)]),
    _doc(attempts=[_attempt(score=-0.001)]), _doc(attempts=[_attempt(score=1.5)]), _doc(attempts=[_attempt(score=2)]),
    _doc(attempts=[_attempt(time=0)]), _doc(attempts=[_attempt(time="x" * 41)]),
    _doc(attempts=[_attempt(kind=1)]), _doc(attempts=[_attempt(kind="Attempt")]), _doc(attempts=[_attempt(kind="")]),
]


def _rules(schema: Any, where: str = "") -> Iterator[tuple[str, str]]:
    """(where in a document, keyword) for every rule the schema states."""
    if not isinstance(schema, dict):
        return
    for keyword in schema:
        if keyword not in {"$schema", "title", "description", "properties", "items"}:
            yield where, keyword
    for name, sub in schema.get("properties", {}).items():
        yield from _rules(sub, f"{where}/{name}")
    if "items" in schema:
        yield from _rules(schema["items"], f"{where}/*")


def _where(path: tuple) -> str:
    return "".join(f"/{'*' if isinstance(p, int) else p}" for p in path)


@pytest.mark.parametrize("doc", VALID, ids=range(len(VALID)))
def test_valid_documents_are_accepted_by_both(doc):
    """Does every valid document pass both the reference jsonschema and the hand-written checker?"""
    assert REFERENCE.is_valid(doc)
    assert CHECK(doc) is None


@pytest.mark.parametrize("doc", INVALID, ids=range(len(INVALID)))
def test_invalid_documents_are_refused_by_both(doc):
    """Is every broken document refused by both, the checker naming a place and a phrase?"""
    assert not REFERENCE.is_valid(doc)
    problem = CHECK(doc)
    assert problem is not None and problem.message and problem.keyword in SUPPORTED


def test_every_rule_of_the_schema_is_broken_by_the_corpus():
    """Does the invalid corpus break every (place, keyword) rule of EXPORT_SCHEMA at least once?"""
    broken = {(_where(p.path), p.keyword) for p in map(CHECK, INVALID) if p is not None}
    # a missing or extra field is reported at the object that lacks or has it
    assert set(_rules(EXPORT_SCHEMA)) <= broken, sorted(set(_rules(EXPORT_SCHEMA)) - broken)


def test_problems_name_the_place_in_words():
    """Are the checker's phrases plain and precise enough for the import sentence?"""
    assert CHECK(_doc(attempts=[_attempt(), _attempt(score=7)])) == (
        ("attempts", 1, "score"), "maximum", "7 is greater than the maximum of 1")
    assert CHECK(_doc(learner=3)).message == "3 is not a string or null"
    assert CHECK(_doc(extra=1)).message == "the field 'extra' is not part of the format"
    assert CHECK(_doc(attempts=[_attempt(time=_DROP)])).message == "the field 'time' is missing"
    assert CHECK(_doc(4)).message == "4 is not one of 1, 2, 3"
    assert "is longer than 80 characters" in CHECK(_doc(learner="x" * 200)).message
    assert len(CHECK(_doc(learner="x" * 200)).message) < 120


def _json() -> st.SearchStrategy:
    scalars = st.none() | st.booleans() | st.integers(-3, 3) | st.floats(-2, 2, allow_nan=False) | st.sampled_from(
        ["", "l00-area", "00", "a1", LID, LID.upper(), "kzlessons-progress", "shown", "x" * 90, "2025-03-01"])
    return st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["format", "version", "attempts", "score", "kind", "x"]), inner, max_size=3), max_leaves=6)


_PLACES = [(), ("format",), ("version",), ("learner",), ("learner_id",), ("imported_learner_ids",),
           ("imported_learner_ids", 0), ("attempts",), ("attempts", 0)] + [
    ("attempts", 0, name) for name in ("attempt_id", "question_id", "lesson", "answer", "correct", "score", "time",
                                       "kind", "other")]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(place=st.sampled_from(_PLACES), value=_json(), drop=st.booleans())
def test_random_changes_get_the_same_verdict(place, value, drop):
    """Putting any JSON value anywhere (or removing a field): do the checker and jsonschema always agree?"""
    doc = _doc(imported_learner_ids=[LID])
    if not place:
        doc = value
    else:
        parent = doc
        for key in place[:-1]:
            parent = parent[key]
        if drop and isinstance(parent, dict):
            parent.pop(place[-1], None)
        else:
            parent[place[-1]] = copy.deepcopy(value)
    assert REFERENCE.is_valid(doc) == (CHECK(doc) is None), CHECK(doc)


def test_unsupported_keywords_are_refused_when_compiled():
    """Can a schema not silently ask for a rule the checker would skip?"""
    with pytest.raises(ValueError, match="minLength"):
        compile_schema({"type": "string", "minLength": 1})
    with pytest.raises(ValueError, match="oneOf"):
        compile_schema({"properties": {"a": {"oneOf": [{}]}}})


def test_importing_and_validating_does_not_import_jsonschema(tmp_path):
    """R2-C19: does reading a progress file leave jsonschema (over a second to import) unimported?"""
    path = tmp_path / "p.json"
    path.write_text('{"format": "kzlessons-progress", "version": 3, "attempts": []}', encoding="utf-8")
    code = ("import sys; from kzlessons.progress.exchange import read_export; "
            f"read_export({str(path)!r}); print('jsonschema' in sys.modules)")
    child = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert child.stdout.strip() == "False", child.stderr


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(["attempt_id", "question_id", "lesson", "answer", "correct", "score", "time", "kind",
                             "other"]), value=_json(), drop=st.booleans())
def test_a_row_the_store_accepts_passes_the_attempt_schema(name, value, drop):
    """validate_export checks attempts with row_problem only (the schema runs on failure): is that never laxer?"""
    from kzlessons.progress.rows import row_problem

    row = _attempt()
    if drop:
        row.pop(name, None)
    else:
        row[name] = copy.deepcopy(value)
    if row_problem(row) is None:
        assert REFERENCE.is_valid(_doc(attempts=[row])), row
