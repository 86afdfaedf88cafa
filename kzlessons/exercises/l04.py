"""Checks for lesson 04, "Voting at the UN".

``l04-agreement-with-kaz``: the learner picks a country (ISO-3 code) and computes
how often it voted the same way as Kazakhstan in the UN General Assembly roll
calls of ``un_votes``: the share of roll calls in which **both** cast a vote
(yes, no or abstain) and the two votes were the same. Absences are left out,
because a missing row means "did not vote", not "no". The answer is a pair
``(iso3, share)`` with the share between 0 and 1.

>>> from kzlessons.exercises import check
>>> check("l04-agreement-with-kaz", None).passed
False
"""

from __future__ import annotations

import math
from typing import Any

from . import Verdict, exercise, is_number, type_name

KAZ = "KAZ"
LAST_YEAR = 2019  # the lesson's window is 1992-2019; the file also has a few January 2020 votes


def _votes(codes: tuple[str, ...] | None = None):
    """Rows of ``un_votes`` (rcid, iso3, vote as plain strings), only of ``codes`` when given.

    Filtering on the categorical column first keeps a check fast: converting all
    870 000 rows to strings would take most of its time.
    """
    from .. import data

    votes = data.load("un_votes")
    if codes is not None:
        votes = votes[votes["iso3"].isin(codes)]
    return votes[["rcid", "iso3", "vote"]].astype({"iso3": str, "vote": str})


def _known_codes() -> set[str]:
    from .. import data

    return {str(code) for code in data.load("un_votes")["iso3"].unique()}


def _roll_call_years():
    from .. import data

    roll_calls = data.load("un_roll_calls")
    return roll_calls.set_index("rcid")["date"].dt.year


def agreement_with_kazakhstan(iso3: str, last_year: int | None = None, *, votes=None) -> dict[str, float]:
    """Agreement of ``iso3`` with Kazakhstan, plus the wrong variants learners often compute.

    Returns a dict with ``share`` (the right answer), ``weighted`` (the yes/abstain = 0.5
    index), ``same`` and ``shared`` (matching votes and roll calls where both voted),
    ``kaz_total`` (roll calls where Kazakhstan voted) and ``absent_as_no`` (same votes
    divided by all of Kazakhstan's votes). ``votes`` may pass rows already loaded
    with the internal ``_votes`` helper.

    >>> result = agreement_with_kazakhstan("KGZ")
    >>> 0.5 < result["share"] < 1 and result["shared"] <= result["kaz_total"]
    True
    """
    votes = _votes((KAZ, iso3)) if votes is None else votes
    kaz = votes[votes["iso3"] == KAZ][["rcid", "vote"]]
    other = votes[votes["iso3"] == iso3][["rcid", "vote"]]
    if last_year is not None:
        years = _roll_call_years()
        kaz = kaz[kaz["rcid"].map(years) <= last_year]
        other = other[other["rcid"].map(years) <= last_year]
    both = kaz.merge(other, on="rcid", suffixes=("_kaz", "_other"))
    same = int((both["vote_kaz"] == both["vote_other"]).sum())
    shared = len(both)
    score = {"yes": 1.0, "abstain": 0.5, "no": 0.0}
    graded = 1 - (both["vote_kaz"].map(score) - both["vote_other"].map(score)).abs()
    return {
        "weighted": float(graded.mean()) if shared else math.nan,
        "share": same / shared if shared else math.nan,
        "same": same,
        "shared": shared,
        "kaz_total": len(kaz),
        "absent_as_no": same / len(kaz) if len(kaz) else math.nan,
    }


def _close(a: float, b: float, tol: float = 0.005) -> bool:
    return not math.isnan(b) and abs(a - b) <= tol


@exercise(
    "l04-agreement-with-kaz",
    unanswered='Set `partner` to a country code such as "IND", compute `agreement`, '
    "then run answer = (partner, agreement).",
)
def _check_agreement(answer: Any) -> Verdict:
    """Is ``answer`` a pair (iso3, share) with the right agreement share for that country?"""
    if isinstance(answer, dict):
        answer = (answer.get("country", answer.get("iso3")), answer.get("agreement"))
    if not isinstance(answer, (tuple, list)) or len(answer) != 2:
        return Verdict.not_yet(
            f"`answer` should be a pair like (\"IND\", 0.83), but it is a {type_name(answer)}. "
            "Write answer = (partner, agreement)."
        )
    partner, value = answer
    if not isinstance(partner, str):
        return Verdict.not_yet("the first item of `answer` should be a country code in quotes, such as \"IND\".")
    partner = partner.strip().upper()
    if partner == KAZ:
        return Verdict.not_yet(
            "Kazakhstan always agrees with itself! Pick another country's code for `partner`."
        )
    if partner not in _known_codes():
        return Verdict.not_yet(
            f"{partner!r} is not a code in un_votes. Use a three-letter ISO code such as \"IND\", "
            "\"TUR\" or \"DEU\"; sorted(votes[\"iso3\"].unique()) lists them all."
        )
    if value is None:
        return Verdict.not_yet("`agreement` is still None. Compute it for your country, then rebuild `answer`.")
    if hasattr(value, "item") and getattr(value, "size", 1) == 1:
        value = value.item()
    if not is_number(value):
        return Verdict.not_yet(
            f"the agreement should be one number between 0 and 1, but it is a {type_name(value)}. "
            "If you have a column of True/False values, take its .mean()."
        )
    value = float(value)
    rows = _votes((KAZ, partner))
    full = agreement_with_kazakhstan(partner, votes=rows)
    window = agreement_with_kazakhstan(partner, LAST_YEAR, votes=rows)
    if full["shared"] == 0:
        return Verdict.not_yet(
            f"{partner} and Kazakhstan never voted in the same roll call in this data set "
            "(Kazakhstan's votes start in 1992). Pick a country that was a UN member after 1992."
        )
    if _close(value, full["share"]) or _close(value, window["share"]):
        return Verdict.ok(
            f"{partner} voted the same way as Kazakhstan in {full['share']:.0%} of the "
            f"{full['shared']:,} roll calls where both voted. Compare it with Russia, China and "
            "the United States in the chart above."
        )
    if _close(value, full["weighted"]) or _close(value, window["weighted"]):
        return Verdict.not_yet(
            "that is the weighted index, where a yes/abstain pair counts half (kz.metrics.agreement's "
            "default). This exercise asks for the share of identical votes: compare the two vote "
            "columns with == (or use strict=True)."
        )
    if value > 1 and (_close(value / 100, full["share"]) or _close(value / 100, window["share"])):
        return Verdict.not_yet(
            "that looks like a percentage. Give the share between 0 and 1 (divide by 100)."
        )
    if _close(value, full["absent_as_no"]) or _close(value, window["absent_as_no"]):
        return Verdict.not_yet(
            "you divided by all of Kazakhstan's votes, so every roll call your country missed "
            "counts as a disagreement. Keep only the roll calls where BOTH voted (an inner merge "
            "on rcid) and take the mean of the matches."
        )
    if value in (full["same"], window["same"]) or value in (full["shared"], window["shared"]):
        return Verdict.not_yet(
            "that is a count, not a share. Divide the number of matching votes by the number of "
            "roll calls where both voted, or take the .mean() of a True/False column."
        )
    return Verdict.not_yet(
        f"not quite for {partner}. Merge Kazakhstan's rows and your country's rows on rcid, "
        "compare the two vote columns with ==, and take the mean of the result."
    )
