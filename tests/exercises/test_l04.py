"""Tests for the lesson 04 exercise check (kzlessons/exercises/l04.py).

Each wrong method is written the way a learner would write it (plain pandas on
``un_votes``), independently of the checker's own helper.
"""

from __future__ import annotations

import pandas as pd
import pytest

import kzlessons as kz
from kzlessons.exercises import check

EXERCISE = "l04-agreement-with-kaz"


@pytest.fixture(scope="module")
def all_rows():
    """Every row of un_votes, "not voting" rows included (the UN's record from 2020)."""
    return kz.data.load("un_votes")


@pytest.fixture(scope="module")
def votes(all_rows):
    """The votes cast: the worked solution's first step drops the "not voting" rows."""
    return all_rows[all_rows["vote"] != "not voting"]


def _pair(votes, partner, how="inner"):
    kaz = votes[votes["iso3"] == "KAZ"][["rcid", "vote"]]
    other = votes[votes["iso3"] == partner][["rcid", "vote"]]
    return kaz.merge(other, on="rcid", how=how, suffixes=("_kaz", "_other"))


def worked_solution(votes, partner: str) -> float:
    """The worked solution of notebook 04, step for step (``votes`` without "not voting" rows)."""
    kaz = votes[votes["iso3"] == "KAZ"][["rcid", "vote"]]
    other = votes[votes["iso3"] == partner][["rcid", "vote"]]
    both = kaz.merge(other, on="rcid", suffixes=("_kaz", "_other"))
    return (both["vote_kaz"] == both["vote_other"]).mean()


def _same(merged) -> pd.Series:
    return merged["vote_kaz"].astype(str) == merged["vote_other"].astype(str)


def _metrics(votes, partner, **options):
    kaz = votes[votes["iso3"] == "KAZ"].set_index("rcid")["vote"]
    other = votes[votes["iso3"] == partner].set_index("rcid")["vote"]
    return kz.metrics.agreement(kaz, other, **options)


def _window(votes, partner, last_year=2025):
    years = kz.data.load("un_roll_calls").set_index("rcid")["date"].dt.year
    both = _pair(votes, partner)
    both = both[both["rcid"].map(years) <= last_year]
    return (both["vote_kaz"] == both["vote_other"]).mean()


# --- right answers -------------------------------------------------------------------------------

RIGHT = {
    "worked-solution-IND": lambda v: ("IND", worked_solution(v, "IND")),
    "worked-solution-TUR": lambda v: ("TUR", worked_solution(v, "TUR")),
    "worked-solution-RUS": lambda v: ("RUS", worked_solution(v, "RUS")),
    "worked-solution-KGZ": lambda v: ("KGZ", worked_solution(v, "KGZ")),
    "lesson-window-1992-2025": lambda v: ("IND", _window(v, "IND")),
    "rounded-2-as-displayed-0%": lambda v: ("IND", round(worked_solution(v, "IND"), 2)),
    "rounded-3": lambda v: ("DEU", round(worked_solution(v, "DEU"), 3)),
    "metrics-strict": lambda v: ("IND", _metrics(v, "IND", strict=True)),
    "lower-case-code": lambda v: ("ind", worked_solution(v, "IND")),
    "dict-form": lambda v: {"country": "IND", "agreement": worked_solution(v, "IND")},
    "numpy-scalar": lambda v: ("USA", worked_solution(v, "USA")),
    "serbia-from-2020-as-SRB": lambda v: ("SRB", worked_solution(v, "SRB")),
    "serbia-to-2019-as-YUG": lambda v: ("YUG", worked_solution(v, "YUG")),
}


@pytest.mark.parametrize("build", list(RIGHT.values()), ids=list(RIGHT))
def test_right_answers_pass(votes, build):
    """Does the worked solution pass, unrounded or rounded as the lesson prints it?"""
    verdict = check(EXERCISE, build(votes))
    assert verdict.passed, verdict.message


def test_rounded_answer_says_what_rounding_hides(votes):
    """Does a rounded answer pass with a note that the unrounded value checks the method too?"""
    right = worked_solution(votes, "IND")
    message = check(EXERCISE, ("IND", round(right, 2))).message
    assert f"unrounded share is {right:.4f}" in message


def test_serbia_passes_with_a_note_on_its_two_codes(votes):
    """Does a right share for SRB pass and say that Serbia's votes to 2019 sit under YUG?"""
    verdict = check(EXERCISE, ("SRB", worked_solution(votes, "SRB")))
    assert verdict.passed and "YUG" in verdict.message and "2020" in verdict.message


# --- wrong methods -------------------------------------------------------------------------------

LEFT_MERGE = "BOTH voted"

WRONG = {
    # P1: the left merge must be caught for the default partner IND, where it is only 0.003 away
    "left-merge-IND": (lambda v: ("IND", _same(_pair(v, "IND", "left")).mean()), [LEFT_MERGE]),
    "left-merge-DEU": (lambda v: ("DEU", _same(_pair(v, "DEU", "left")).mean()), [LEFT_MERGE]),
    "left-merge-BRA": (lambda v: ("BRA", _same(_pair(v, "BRA", "left")).mean()), [LEFT_MERGE]),
    "left-merge-USA": (lambda v: ("USA", _same(_pair(v, "USA", "left")).mean()), [LEFT_MERGE]),
    "left-merge-UZB": (lambda v: ("UZB", _same(_pair(v, "UZB", "left")).mean()), [LEFT_MERGE]),
    "left-merge-rounded-3-TUR": (lambda v: ("TUR", round(_same(_pair(v, "TUR", "left")).mean(), 3)), [LEFT_MERGE]),
    "outer-merge-KGZ": (lambda v: ("KGZ", _same(_pair(v, "KGZ", "outer")).mean()), ["outer merge"]),
    "weighted-index-default": (lambda v: ("IND", _metrics(v, "IND")), ["weighted index", "strict=True"]),
    "disagreement-share": (lambda v: ("IND", 1 - worked_solution(v, "IND")), ["DIFFERENTLY"]),
    "only-yes-votes": (
        lambda v: ("IND", ((_pair(v, "IND")["vote_kaz"] == "yes") & (_pair(v, "IND")["vote_other"] == "yes")).mean()),
        ["only the roll calls where both voted yes"],
    ),
    "percentage": (lambda v: ("IND", 100 * worked_solution(v, "IND")), ["percentage", "right"]),
    "percentage-rounded-as-displayed": (lambda v: ("IND", round(100 * worked_solution(v, "IND"))), ["percentage"]),
    "percentage-of-left-merge": (
        lambda v: ("TUR", 100 * _same(_pair(v, "TUR", "left")).mean()),
        ["percentage", LEFT_MERGE],
    ),
    "count-of-matches": (lambda v: ("IND", int(_same(_pair(v, "IND")).sum())), ["count, not a share"]),
    "stale-value-of-IND-under-TUR": (lambda v: ("TUR", worked_solution(v, "IND")), ["agreement of IND", "re-run"]),
    "decimal-comma-text": (lambda v: ("IND", f"{worked_solution(v, 'IND'):.2f}".replace(".", ",")), ["text", "read as 0."]),
    "percent-text": (lambda v: ("IND", "67%"), ["percentage written as text"]),
    "boolean-column-not-averaged": (lambda v: ("IND", _same(_pair(v, "IND"))), [".mean()"]),
    "merged-table": (lambda v: ("IND", _pair(v, "IND")), ["is a table"]),
    "nan-from-empty-merge": (lambda v: ("IND", float("nan")), ["NaN", "merge"]),
    "huge-number": (lambda v: ("IND", 10**400), ["too large"]),
    "serbia-YUG-value-as-SRB": (lambda v: ("SRB", worked_solution(v, "YUG")), ["agreement of YUG", "2020"]),
    "serbia-SRB-value-as-YUG": (lambda v: ("YUG", round(worked_solution(v, "SRB"), 2)), ["agreement of SRB", "2020"]),
    "soviet-code-SUN": (lambda v: ("SUN", 0.7), ["USSR", "RUS"]),
    "country-name": (lambda v: ("India", 0.67), ["name", "IND"]),
    "unknown-code": (lambda v: ("XXX", 0.5), ["not a code"]),
    "kazakhstan-itself": (lambda v: ("KAZ", 1.0), ["another country"]),
    "bare-number": (lambda v: 0.8, ["pair"]),
    "text-agreement": (lambda v: ("IND", "high"), ["text"]),
    "wrong-number": (lambda v: ("IND", 0.5), ["0.5000 is not the agreement for IND"]),
}


@pytest.mark.parametrize("build, phrases", list(WRONG.values()), ids=list(WRONG))
def test_wrong_methods_get_a_named_hint(votes, build, phrases, assert_named_hint):
    """Is each wrong method refused with a hint that names the mistake (never a pass, no internals)?"""
    verdict = check(EXERCISE, build(votes))
    assert_named_hint(verdict, phrases)


@pytest.mark.parametrize("partner, digits", [("IND", None), ("KGZ", None), ("TKM", None), ("VEN", None), ("KGZ", 2), ("TKM", 3)])
def test_kept_not_voting_rows_get_a_named_hint(all_rows, partner, digits, assert_named_hint):
    """Is the worked solution run on every row ("not voting" kept, so two states that both stayed
    out count as agreeing) refused with a hint that names those rows, unrounded or rounded?"""
    value = worked_solution(all_rows, partner)
    right = worked_solution(all_rows[all_rows["vote"] != "not voting"], partner)
    assert abs(value - right) > 1e-3  # the mistake really changes the answer for these partners
    value = value if digits is None else round(value, digits)
    assert_named_hint(check(EXERCISE, (partner, value)), ['"not voting"', "Drop those rows"])


def test_left_merge_for_ind_is_really_close(votes):
    """Is the IND left-merge value within the old 0.005 tolerance (so the test above guards P1)?"""
    right = worked_solution(votes, "IND")
    left = _same(_pair(votes, "IND", "left")).mean()
    assert 0 < right - left < 0.005


def test_starter_none_gets_a_hint():
    """Does the untouched starter get a hint that says what to build?"""
    verdict = check(EXERCISE, None)
    assert not verdict.passed
    assert "answer = (partner, agreement)" in verdict.message
    assert "still None" in check(EXERCISE, ("IND", None)).message


@pytest.mark.slow
def test_every_partner_right_passes_and_left_merge_is_named(votes):
    """For every country in un_votes: does the right share pass and the left merge get its hint?"""
    kaz = votes[votes["iso3"] == "KAZ"][["rcid", "vote"]].astype({"vote": str})
    failures = []
    for code in sorted(set(votes["iso3"].astype(str)) - {"KAZ"}):
        other = votes[votes["iso3"] == code][["rcid", "vote"]].astype({"vote": str})
        both = kaz.merge(other, on="rcid", suffixes=("_kaz", "_other"))
        if both.empty:
            continue
        right = (both["vote_kaz"] == both["vote_other"]).mean()
        left = _same(kaz.merge(other, on="rcid", how="left", suffixes=("_kaz", "_other"))).mean()
        if not check(EXERCISE, (code, right)).passed:
            failures.append(f"{code}: right value refused")
        if abs(left - right) > 1e-4 and LEFT_MERGE not in check(EXERCISE, (code, left)).message:
            failures.append(f"{code}: left merge not named")
    assert not failures, failures
