"""Tests for kzlessons/progress/linking.py: which files are one learner, and the notes about the rest."""

from __future__ import annotations

from kzlessons.progress.handins import HandIn
from kzlessons.progress.linking import link, names_agree


def _row(i: int | str) -> dict:
    return {"attempt_id": f"a{i}", "question_id": "l00-area", "lesson": "00", "answer": "1", "correct": False,
            "score": 0.0, "time": f"2025-03-01T10:00:{int(str(i)[-1]):02d}+00:00"}


def _h(label: str, lid: str | None, name: str | None, rows: list[int], imported: tuple[str, ...] = ()) -> HandIn:
    return HandIn(label, lid, name, imported, [_row(i) for i in rows], key=lid or f"file:{label}")


def _labels(linked) -> list[list[str]]:
    return sorted(sorted(h.label for h in group) for group in linked.groups)


A, B, C = "a" * 32, "b" * 32, "c" * 32


def test_same_id_is_one_learner_without_a_note_when_histories_nest():
    """R2-C26: are a midway and a final export of one store one learner, with no suspicion note?"""
    linked = link([_h("mid.json", A, "Farida", [1]), _h("final.json", A, "Farida", [1, 2])])
    assert _labels(linked) == [["final.json", "mid.json"]] and linked.notes == []
    assert linked.groups[0][0].label == "final.json"  # most rows first: its order is the learner's order


def test_declared_import_joins_a_new_session_to_the_old_one():
    """R2-C1: does a store that imported another id's file join it (names agree), with no 'different learners' note?"""
    linked = link([_h("week1.json", A, "Aigerim", [1]), _h("week2.json", B, "Aigerim", [1, 2], imported=(A,))])
    assert _labels(linked) == [["week1.json", "week2.json"]]
    assert not any("different learners" in n for n in linked.notes)


def test_declared_import_with_another_name_is_kept_apart_and_noted():
    """R2-C8: is Ivan, who load_file'd Aigerim's file, kept apart from her, with notes naming both files?"""
    linked = link([_h("aigerim.json", A, "Aigerim", [1, 2]), _h("ivan.json", B, "Ivan", [1, 2, 3], imported=(A,))])
    assert _labels(linked) == [["aigerim.json"], ["ivan.json"]]
    text = " ".join(linked.notes)
    assert "imported the file of learner id" in text and "share 2 answer(s)" in text


def test_copied_file_under_a_new_id_is_noted():
    """R2-C8: does a file with a fresh id but another learner's attempt ids give a 'share answers' note?"""
    linked = link([_h("aigerim.json", A, "Aigerim", [1, 2, 3]), _h("ivan.json", B, "Ivan", [1, 2, 3])])
    assert _labels(linked) == [["aigerim.json"], ["ivan.json"]]
    assert any("share 3 answer(s)" in n and "aigerim.json" in n and "ivan.json" in n for n in linked.notes)


def test_forged_id_with_disjoint_history_is_noted():
    """R2-C7: are two files with one id but no shared history noted (name disagreement said too)?"""
    linked = link([_h("aigerim.json", A, "Aigerim", [1, 2]), _h("mallory.json", A, "Aigerim ", [7, 8])])
    assert len(linked.groups) == 1
    (note,) = [n for n in linked.notes if "do not share one history" in n]
    assert "mallory.json" in note and "aigerim.json" in note


def test_version_1_file_joins_the_learner_whose_history_contains_it():
    """C16: is an id-less file whose answers are all in one learner's later file joined to that learner?"""
    linked = link([_h("old.json", None, None, [1]), _h("new.json", A, "Gulnara", [1, 2])])
    assert _labels(linked) == [["new.json", "old.json"]]


def test_version_1_files_with_different_content_stay_apart():
    """Are id-less files that do not nest kept apart (no guessing)?"""
    one, two = _h("x/kz.json", None, None, [1]), _h("y/kz.json", None, None, [2])
    assert _labels(link([one, two])) == [["x/kz.json"], ["y/kz.json"]]


def test_same_name_without_shared_history_is_two_learners_and_noted():
    """R2-C28: are two Alexes two learners, with the 'different learners' note?"""
    linked = link([_h("alex1.json", A, "Alex", [1]), _h("alex2.json", B, "alex", [2])])
    assert len(linked.groups) == 2
    assert any("2 different learners are called 'Alex'" in n for n in linked.notes)


def test_names_agree_ignores_case_and_missing_names():
    """Is a missing name compatible with any, and case ignored?"""
    assert names_agree("Dana", "DANA") and names_agree(None, "Dana") and not names_agree("Dana", "Dan")


def test_import_chain_joins_transitively():
    """Three weekly sessions, each importing the last: one learner."""
    files = [_h("w1.json", A, "Aigerim", [1]), _h("w2.json", B, None, [1, 2], imported=(A,)),
             _h("w3.json", C, "Aigerim", [1, 2, 3], imported=(B, A))]
    assert _labels(link(files)) == [["w1.json", "w2.json", "w3.json"]]
