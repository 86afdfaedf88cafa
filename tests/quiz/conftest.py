"""Shared helpers for the quiz tests: small questions of every type built from bank-style dicts."""

from __future__ import annotations

import pytest
from hypothesis import strategies as st

from kzlessons.quiz.model import Question

XSS = '<img src=x onerror="alert(1)"><script>alert(2)</script>'

SPECS = {
    "single": {
        "id": "l99-single", "type": "single", "difficulty": "easy", "prompt": "Pick b.",
        "options": [{"id": "a", "text": "A", "feedback": "A is the trap."}, {"id": "b", "text": "B"},
                    {"id": "c", "text": "C"}],
        "answer": "b", "feedback": "Default single feedback.", "explanation": "Because b.", "sources": ["S11"],
    },
    "multiple": {
        "id": "l99-multiple", "type": "multiple", "difficulty": "medium", "prompt": "Pick a and c.",
        "options": [{"id": "a", "text": "A"}, {"id": "b", "text": "B", "feedback": "B is not one."},
                    {"id": "c", "text": "C"}, {"id": "d", "text": "D"}],
        "answer": ["a", "c"], "feedback": "Default multiple feedback.", "explanation": "a and c.", "sources": [],
    },
    "numeric": {
        "id": "l99-numeric", "type": "numeric", "difficulty": "easy", "prompt": "How far?",
        "answer": {"value": 100, "abs_tol": 5}, "unit": "km", "feedback": "Default numeric feedback.",
        "explanation": "About 100 km.", "sources": ["S10"],
    },
    "text": {
        "id": "l99-text", "type": "text", "difficulty": "easy", "prompt": "Which city?",
        "answer": {"accept": ["Nur-Sultan", "Astana"]}, "feedback": "Default text feedback.",
        "explanation": "The capital.", "sources": [],
    },
    "ordering": {
        "id": "l99-ordering", "type": "ordering", "difficulty": "hard", "prompt": "Order them.",
        "options": [{"id": "x", "text": "Third"}, {"id": "y", "text": "First"}, {"id": "z", "text": "Second"},
                    {"id": "w", "text": "Fourth"}],
        "answer": ["y", "z", "x", "w"], "feedback": "Default ordering feedback.", "explanation": "y z x w.",
        "sources": [],
    },
}

#: (type, a right answer, a wrong answer, a partly right answer or None)
ANSWERS = {
    "single": ("b", "a", None),
    "multiple": (["a", "c"], ["b", "d"], ["a"]),
    "numeric": ("102", "150", None),
    "text": (" astana. ", "Almaty", None),
    "ordering": (["y", "z", "x", "w"], ["w", "x", "z", "y"], ["z", "y", "x", "w"]),
}


#: Any value of any type a learner (or a notebook) might pass as an answer, for the fuzz tests.
ANYTHING = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True)
    | st.text() | st.binary() | st.decimals(allow_nan=True) | st.fractions()
    | st.sampled_from(["a", "b", "c", "y", "z", "x", "w", "", " ", "\x00", "١٢٣", "🇰🇿", "1e309", "-0"]),
    lambda inner: st.lists(inner, max_size=6) | st.tuples(inner, inner) | st.dictionaries(st.text(), inner),
    max_leaves=12,
)


def make(kind: str, **changes) -> Question:
    """A question of this type, with fields replaced by ``changes``."""
    return Question.from_dict({**SPECS[kind], **changes}, lesson="99")


@pytest.fixture(params=sorted(SPECS))
def kind(request) -> str:
    """Each question type in turn."""
    return request.param


@pytest.fixture
def make_question():
    """The :func:`make` factory."""
    return make


@pytest.fixture
def answers():
    """Right, wrong and partly right answers per type."""
    return ANSWERS


@pytest.fixture
def xss_bank(tmp_path, monkeypatch):
    """A bank folder holding lesson 99 with an XSS payload in every text field; ids l99-xss-*."""
    import yaml

    from kzlessons.quiz import bank

    questions = []
    for kind_, spec in SPECS.items():
        q = {**spec, "id": f"l99-xss-{kind_}", "prompt": f"{XSS} {spec['prompt']}",
             "feedback": XSS, "explanation": XSS}
        if "options" in q:
            q["options"] = [{**o, "text": f"{XSS}{o['text']}", "feedback": XSS} for o in q["options"]]
        questions.append(q)
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "l99.yaml").write_text(yaml.safe_dump({"lesson": "99", "questions": questions}), encoding="utf-8")
    monkeypatch.setattr(bank, "banks_dir", lambda: folder)
    return folder
