"""Tests for kzlessons/hub/inbox.py: hand-in names, and the permission rules of an inbound folder."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kzlessons.hub import inbox

UTC = dt.timezone.utc


@given(user=st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40),
       when=st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2200, 1, 1), timezones=st.just(UTC)),
       code=st.from_regex(r"[A-Za-z0-9_-]{4,40}", fullmatch=True))
def test_every_user_name_and_time_come_back_from_the_file_name(user: str, when: dt.datetime, code: str) -> None:
    """Does any hub user name (Cyrillic, '+', '/', dots, spaces) survive the file name exactly, with the time to the
    microsecond, and is the name one safe path component (no '/', not hidden, not '..')?"""
    name = inbox.file_name(user, when, code)
    assert inbox.parse_file_name(name) == (user, when, code)
    assert "/" not in name and not name.startswith(".") and name.count("+") == 2


def test_a_time_in_another_zone_is_written_as_utc() -> None:
    """Is the time in a name UTC whatever zone the clock gave it in?"""
    almaty = dt.timezone(dt.timedelta(hours=5))
    name = inbox.file_name("aigerim", dt.datetime(2025, 3, 1, 14, 0, tzinfo=almaty), "abcd")
    assert name == "aigerim+20250301T090000.000000Z+abcd.json"


@pytest.mark.parametrize("name", [
    "alice.json",                                     # not a hand-in's name
    "alice+20250301T090000Z+abcd.json",              # no microseconds
    "alice+20251301T090000.000000Z+abcd.json",       # month 13
    "ali+ce+20250301T090000.000000Z+abcd.json",      # a raw '+' in the user
    "%61lice+20250301T090000.000000Z+abcd.json",     # another spelling of 'alice'
    "%ff+20250301T090000.000000Z+abcd.json",         # not UTF-8
    "alice+20250301T090000.000000Z+ab.json",         # code too short
    "alice+20250301T090000.000000Z+abcd.json.tmp",   # not .json
    ".kzlessons-x1y2.tmp",                            # a hand-in being written
])
def test_other_names_are_not_hand_ins(name: str) -> None:
    """Is every name that hand-in does not make refused, so each user has exactly one spelling?"""
    assert inbox.parse_file_name(name) is None


def test_quoting_keeps_plain_names_readable() -> None:
    """Do ordinary hub names (letters, digits, @ . _ -) stay as they are, and only others get %XX?"""
    assert inbox.quote_user("aigerim.n_2@uni-kz.edu") == "aigerim.n_2@uni-kz.edu"
    assert inbox.quote_user("a b/c") == "a%20b%2Fc"
    assert inbox.quote_user(".") == "%2E"


@pytest.mark.parametrize("mode, shared, problem", [
    (0o3753, True, None),             # the recommended shared inbound
    (0o1733, True, None),             # nbgrader's: owned by the instructor, sticky, write-only for others
    (0o3773, True, "list and read"),  # a group that may write and read could be the learners': refused
    (0o2733, True, "delete or rename"),  # no sticky bit
    (0o1777, True, "list and read"),
    (0o0777, True, "list, read or delete"),
    (0o3770, True, "list and read"),  # a learners' group that may write and read
    (0o0755, False, None),            # a learner's own inbox
    (0o0700, False, None),
])
def test_which_shared_folders_would_expose_hand_ins(mode: int, shared: bool, problem: str | None) -> None:
    """Is a folder shared exactly when others (or its group) may write, and refused when learners could list it or
    delete from it?"""
    assert inbox.is_shared(mode) is shared
    found = inbox.shared_problem(mode) if shared else None
    if problem is None:
        assert found is None
    else:
        assert found is not None and f"every learner {problem} the hand-ins" in found
        assert f"{mode & 0o7777:04o}" in found and "3753" in found


def test_hand_ins_are_readable_by_the_instructors_group_only_where_the_folder_gives_it() -> None:
    """0640 under a set-group-id folder or in an own inbox; 0644 only in a shared folder without set-group-id."""
    assert inbox.hand_in_mode(0o3753) == 0o640
    assert inbox.hand_in_mode(0o0700) == 0o640
    assert inbox.hand_in_mode(0o1733) == 0o644


def test_the_environment_names_the_exchange_and_the_user() -> None:
    """Are KZLESSONS_EXCHANGE and JUPYTERHUB_USER read (spaces trimmed, empty meaning unset)?"""
    env = {"KZLESSONS_EXCHANGE": " /srv/kz/ex ", "JUPYTERHUB_USER": " aigerim "}
    assert inbox.exchange_root(env).as_posix() == "/srv/kz/ex" and inbox.hub_user(env) == "aigerim"
    assert inbox.exchange_root({"KZLESSONS_EXCHANGE": ""}) is None and inbox.hub_user({"JUPYTERHUB_USER": ""}) is None
    assert inbox.inbound(inbox.exchange_root(env)).as_posix() == "/srv/kz/ex/inbound"
