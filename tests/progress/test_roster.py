"""Tests for kzlessons/progress/roster.py: reading a roster and matching files to it."""

from __future__ import annotations

import pytest

from kzlessons.progress.roster import RosterError, matches_file, matches_id, matches_name, parse_roster, read_roster


def test_roster_with_bom_and_extra_columns_is_read():
    """Is a spreadsheet's 'CSV UTF-8' (BOM, CRLF, extra columns, blank rows) read, with match tokens split on ';'?"""
    raw = "\ufeffLearner,Email,Match\r\nAigerim Nur,a@x,12345; aigerim\r\n,,\r\nBolat,b@x,\r\n".encode()
    entries = parse_roster(raw, "r.csv")
    assert [(e.learner, e.tokens, e.line) for e in entries] == [
        ("Aigerim Nur", ("12345", "aigerim"), 2), ("Bolat", ("Bolat",), 4)]


@pytest.mark.parametrize("raw, words", [
    ("name,id\nA,1\n".encode(), "'learner' column"),
    ("learner\n\n".encode(), "no learners"),
    ("learner\nA\n".encode("utf-16"), "UTF-16"),
    (b"learner\n\xff\xfe\xfa\n", "not UTF-8"),
])
def test_bad_rosters_are_refused_with_a_sentence(raw, words):
    """Is a roster without the column, empty, UTF-16 or not UTF-8 refused with a sentence saying what to fix?"""
    with pytest.raises(RosterError, match=words):
        parse_roster(raw, "r.csv")


def test_missing_roster_file_is_a_sentence(tmp_path):
    """Does a missing roster give a RosterError, not a traceback?"""
    with pytest.raises(RosterError, match="cannot be read"):
        read_roster(str(tmp_path / "nope.csv"))


def test_file_matching_uses_whole_words_of_the_name_and_folder():
    """Canvas and Moodle file names: a login matches as a whole word, never as part of a longer number."""
    (entry,) = parse_roster(b"learner,match\nAigerim,12345\n", "r.csv")
    assert matches_file(entry, "submissions/nuraigerim_12345_678_kzlessons-progress.json")
    assert not matches_file(entry, "submissions/x_123456_kzlessons-progress.json")
    assert matches_file(entry, "all.zip:Aigerim N_12345_assignsubmission_file_/kzlessons-progress.json")
    (moodle,) = parse_roster(b"learner\nAigerim Nur\n", "r.csv")
    assert matches_file(moodle, "all.zip:Aigerim Nur_991_assignsubmission_file_/kzlessons-progress.json")
    assert not matches_file(moodle, "all.zip:Aigerim Nurlanovna_991_assignsubmission_file_/x.json")


def test_id_and_name_matching():
    """Is a learner id in 'match' matched exactly, and a typed name matched ignoring case?"""
    (entry,) = parse_roster(("learner,match\nDana," + "a" * 32 + ";dana k\n").encode(), "r.csv")
    assert matches_id(entry, ["a" * 32]) and not matches_id(entry, ["b" * 32])
    assert matches_name(entry, "Dana K") and matches_name(entry, "dana") and not matches_name(entry, None)
