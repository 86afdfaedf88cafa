"""Checks for lesson 04, "Voting at the UN".

``l04-agreement-with-kaz``: the learner picks a country (ISO-3 code) and computes
how often it voted the same way as Kazakhstan in the UN General Assembly roll
calls of ``un_votes``: the share of roll calls in which **both** cast a vote
(yes, no or abstain) and the two votes were the same. Absences are left out,
because a missing row (Voeten's roll calls, to January 2020) or a ``not voting``
row (the UN's, from 2020) means "did not vote", not "no". The answer is a pair
``(iso3, share)`` with the share between 0 and 1.

>>> from kzlessons.exercises import check
>>> check("l04-agreement-with-kaz", None).passed
False
"""

from __future__ import annotations

import math
from typing import Any

from ..numtext import NumberTextError, read_number
from . import Verdict, exercise, is_number, type_name

KAZ = "KAZ"
LAST_YEAR = 2025  # the lesson's chart ends in 2025; the file also has the first votes of 2026
#: The UN's rows (from 2020) hold every member; this value marks one that cast no vote.
NOT_VOTING = "not voting"


def _votes(codes: tuple[str, ...] | None = None, *, keep_not_voting: bool = False):
    """Rows of ``un_votes`` (rcid, iso3, vote as plain strings), only of ``codes`` when given.

    ``not voting`` rows are dropped unless ``keep_not_voting``: they are no vote, like
    a missing row in Voeten's roll calls. Filtering on the categorical column first
    keeps a check fast: converting all 990 000 rows to strings would take most of its time.
    """
    from .. import data

    votes = data.load("un_votes")
    if codes is not None:
        votes = votes[votes["iso3"].isin(codes)]
    votes = votes[["rcid", "iso3", "vote"]].astype({"iso3": str, "vote": str})
    return votes if keep_not_voting else votes[votes["vote"] != NOT_VOTING]


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
    ``kaz_total`` (roll calls where Kazakhstan voted), ``absent_as_no`` (same votes
    divided by all of Kazakhstan's votes: the left merge), ``absent_as_no_outer`` (divided
    by every roll call either voted in: the outer merge), ``disagreement`` (1 - share) and
    ``yes_only`` (both voted yes, over the shared roll calls) and ``with_not_voting`` (the
    share when the ``not voting`` rows are kept as if they were votes). ``votes`` may pass rows
    already loaded with the internal ``_votes`` helper and ``keep_not_voting=True``.

    >>> result = agreement_with_kazakhstan("KGZ")
    >>> 0.5 < result["share"] < 1 and result["shared"] <= result["kaz_total"]
    True
    >>> result["with_not_voting"] != result["share"]   # both stayed out of some roll calls
    True
    """
    votes = _votes((KAZ, iso3), keep_not_voting=True) if votes is None else votes
    if last_year is not None:
        years = _roll_call_years()
        votes = votes[votes["rcid"].map(years) <= last_year]
    naive = votes[votes["iso3"] == KAZ][["rcid", "vote"]].merge(
        votes[votes["iso3"] == iso3][["rcid", "vote"]], on="rcid", suffixes=("_kaz", "_other"))
    votes = votes[votes["vote"] != NOT_VOTING]
    kaz = votes[votes["iso3"] == KAZ][["rcid", "vote"]]
    other = votes[votes["iso3"] == iso3][["rcid", "vote"]]
    both = kaz.merge(other, on="rcid", suffixes=("_kaz", "_other"))
    same = int((both["vote_kaz"] == both["vote_other"]).sum())
    shared = len(both)
    score = {"yes": 1.0, "abstain": 0.5, "no": 0.0}
    graded = 1 - (both["vote_kaz"].map(score) - both["vote_other"].map(score)).abs()
    union = len(set(kaz["rcid"]) | set(other["rcid"]))
    both_yes = int(((both["vote_kaz"] == "yes") & (both["vote_other"] == "yes")).sum())
    return {
        "weighted": float(graded.mean()) if shared else math.nan,
        "disagreement": 1 - same / shared if shared else math.nan,
        "yes_only": both_yes / shared if shared else math.nan,
        "absent_as_no_outer": same / union if union else math.nan,
        "share": same / shared if shared else math.nan,
        "same": same,
        "shared": shared,
        "kaz_total": len(kaz),
        "absent_as_no": same / len(kaz) if len(kaz) else math.nan,
        "with_not_voting": float((naive["vote_kaz"] == naive["vote_other"]).mean()) if len(naive) else math.nan,
    }


#: Codes that are not in ``un_votes`` because their votes sit under another code (data/README.md).
RECODED = {
    "SCG": ("YUG", "Serbia and Montenegro's votes stay under Yugoslavia"),
    "SUN": ("RUS", "the USSR's votes are coded as Russia"),
}
#: One state's votes split over two codes: Voeten's rows (to January 2020) file Serbia under
#: YUG, the UN's rows (from 2020) under SRB. Each code's share is right for that code; a value
#: computed for one code but handed in under the other gets a hint naming the split.
SPLIT = {
    "SRB": ("YUG", "un_votes holds Serbia's votes under SRB only from 2020 (the UN's record); "
                   "up to January 2020 they sit under YUG (Yugoslavia), as in Voeten's data"),
    "YUG": ("SRB", "YUG holds Yugoslavia's and then Serbia's votes only up to January 2020; "
                   "Serbia's votes from 2020 on are under SRB"),
}
#: Partners the notebook suggests; a value for one of them under another code means a stale cell.
EXAMPLES = ("IND", "TUR", "DEU")
EXACT = 1e-4  # unrounded answers: tighter than the gap between a right and a left merge


def _close(a: float, b: float, tol: float = EXACT) -> bool:
    return not math.isnan(b) and abs(a - b) <= tol


def _rounded(value: float, target: float) -> int | None:
    """2 or 3 when ``value`` is ``target`` rounded to that many decimals, else None."""
    if math.isnan(target):
        return None
    for decimals in (2, 3):
        if abs(value - round(target, decimals)) <= 1e-9:
            return decimals
    return None


def _name_to_code(text: str) -> str | None:
    from .. import data

    partners = data.load("partners")
    folded = text.strip().casefold()
    for code, name, imf in zip(partners["iso3"], partners["name"], partners["imf_name"]):
        if folded in {str(name).casefold(), str(imf).casefold()}:
            return str(code)
    return None


def _as_value(value: Any) -> tuple[float | None, str | None]:
    """The agreement as a float, or a sentence saying why it cannot be one."""
    import pandas as pd

    if isinstance(value, pd.DataFrame):
        return None, (
            "`agreement` is a table. Compare the two vote columns with == and take the .mean() "
            "of that True/False column: one number between 0 and 1."
        )
    if isinstance(value, pd.Series) and len(value) != 1:
        return None, (
            f"`agreement` is a Series of {len(value)} values. If it is the True/False column of "
            "matches, take its .mean() to get one share."
        )
    if hasattr(value, "item") and getattr(value, "size", 1) == 1:
        value = value.item()
    if isinstance(value, str):
        text = value.strip()
        if text.endswith("%"):
            return None, (
                f"{text!r} is a percentage written as text. Store the share your code computes, "
                "a number between 0 and 1 (no quotes, no % sign)."
            )
        try:
            read = read_number(text)
        except NumberTextError as error:
            return None, f"`agreement` is text. {error} Better: store the number your code computes."
        return None, (
            f"`agreement` is the text {text!r} (read as {read:g}). Store the number your code "
            "computes, without quotes, e.g. agreement = (both[\"vote_kaz\"] == both[\"vote_other\"]).mean()."
        )
    if not is_number(value):
        return None, (
            f"the agreement should be one number between 0 and 1, but it is a {type_name(value)}. "
            "If you have a column of True/False values, take its .mean()."
        )
    try:
        number = float(value)
    except (OverflowError, ValueError):
        return None, "the agreement is too large to be a share. Give a number between 0 and 1."
    if math.isnan(number):
        return None, (
            "`agreement` is NaN (not a number): the mean of an empty column. Check that your merge "
            "on rcid kept some rows (len(both) should be in the thousands)."
        )
    if not math.isfinite(number) or number < 0:
        return None, "the agreement should be a share between 0 and 1."
    return number, None


def _wrong_method(value: float, full: dict, window: dict, *, rounded_right: bool) -> str | None:
    """A sentence naming the wrong method that gives ``value``, or None.

    A value that is a wrong variant rounded to 2 or 3 decimals counts too, unless it is
    also the right share rounded (``rounded_right``): then rounding hid the difference.
    An unrounded value counts only when it is nearer the wrong variant than the right share.
    """
    right_distance = min(abs(value - full["share"]), abs(value - window["share"]))
    for result in (full, window):
        for key, hint in (
            ("absent_as_no", "you divided by all of Kazakhstan's votes (a left merge, or a "
             "comparison over Kazakhstan's rows), so every roll call your country missed counts as "
             "a disagreement. Absence is not a \"no\": keep only the roll calls where BOTH voted "
             "(an inner merge on rcid) and take the mean of the matches."),
            ("absent_as_no_outer", "you kept the roll calls where only one of the two voted (an "
             "outer merge), so every absence counts as a disagreement. Keep only the roll calls "
             "where BOTH voted: the default inner merge on rcid."),
            ("weighted", "that is the weighted index, where a yes/abstain pair counts half "
             "(kz.metrics.agreement's default). This exercise asks for the share of identical "
             "votes: compare the two vote columns with == (or use strict=True)."),
            ("disagreement", "that is the share of roll calls where the two voted DIFFERENTLY. "
             "The agreement is the share where the votes are the same: compare with ==, not !=."),
            ("yes_only", "you counted only the roll calls where both voted yes. A shared \"no\" "
             "or a shared abstention is agreement too: compare the two vote columns with ==."),
            ("with_not_voting", "you kept the \"not voting\" rows. From 2020 the UN's record has a row "
             "for every member, and \"not voting\" means the state cast no vote, so two states that "
             "both stayed out count as agreeing. Drop those rows first, e.g. "
             "votes = votes[votes[\"vote\"] != \"not voting\"], then merge."),
        ):
            target = result[key]
            if _close(target, result["share"]):
                continue  # this variant gives the right value for this country
            nearer_wrong = abs(value - target) < right_distance  # never blame a right value
            if (_close(value, target) and nearer_wrong) or (not rounded_right and _rounded(value, target)):
                return hint
    return None


@exercise(
    "l04-agreement-with-kaz",
    unanswered='Set `partner` to a country code such as "IND", compute `agreement`, '
    "then run answer = (partner, agreement).",
)
def _check_agreement(answer: Any) -> Verdict:
    """Is ``answer`` a pair (iso3, share) with the right agreement share for that country?"""
    if isinstance(answer, dict):
        answer = (answer.get("country", answer.get("iso3", answer.get("partner"))), answer.get("agreement"))
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
    known = _known_codes()
    if partner not in known:
        if partner in RECODED and RECODED[partner][0] in known:
            code, why = RECODED[partner]
            return Verdict.not_yet(
                f"{partner!r} is not a code in un_votes: {why}. Use partner = \"{code}\"."
            )
        code = _name_to_code(partner)
        if code in known:
            return Verdict.not_yet(
                f"{answer[0]!r} is a name; un_votes uses three-letter codes. Use partner = \"{code}\"."
            )
        return Verdict.not_yet(
            f"{partner!r} is not a code in un_votes. Use a three-letter ISO code such as \"IND\", "
            "\"TUR\" or \"DEU\"; sorted(votes[\"iso3\"].unique()) lists them all."
        )
    if value is None:
        return Verdict.not_yet("`agreement` is still None. Compute it for your country, then rebuild `answer`.")
    number, problem = _as_value(value)
    if problem:
        return Verdict.not_yet(problem)
    rows = _votes((KAZ, partner), keep_not_voting=True)
    full = agreement_with_kazakhstan(partner, votes=rows)
    window = agreement_with_kazakhstan(partner, LAST_YEAR, votes=rows)
    if full["shared"] == 0:
        return Verdict.not_yet(
            f"{partner} and Kazakhstan never voted in the same roll call in this data set "
            "(Kazakhstan's votes start in 1992). Pick a country that was a UN member after 1992."
        )
    if number in (full["same"], window["same"]) or number in (full["shared"], window["shared"]):
        return Verdict.not_yet(
            "that is a count, not a share. Divide the number of matching votes by the number of "
            "roll calls where both voted, or take the .mean() of a True/False column."
        )
    percent = ""
    if 1 < number <= 100:
        number /= 100
        percent = "that looks like a percentage. Give the share between 0 and 1 (divide by 100)"
    elif number > 1:
        return Verdict.not_yet("the agreement should be a share between 0 and 1.")
    # Unrounded answers first, with a tolerance tighter than the gap to the left merge (P1).
    decimals = _rounded(number, full["share"]) or _rounded(number, window["share"])
    wrong = _wrong_method(number, full, window, rounded_right=bool(decimals))
    if wrong and percent:
        return Verdict.not_yet(f"{percent}. Also, {wrong}")
    if wrong:
        return Verdict.not_yet(wrong)
    right = _close(number, full["share"]) or _close(number, window["share"])
    if right or decimals:
        if percent:
            return Verdict.not_yet(f"{percent}; then your value is right.")
        note = ""
        if decimals and not right:
            note = (
                f" (You rounded to {decimals} decimals; the unrounded share is {full['share']:.4f}. "
                "Hand in the unrounded value to have your method checked as well.)"
            )
        split = f" Note: {SPLIT[partner][1]}." if partner in SPLIT else ""
        return Verdict.ok(
            f"{partner} voted the same way as Kazakhstan in {full['share']:.0%} of the "
            f"{full['shared']:,} roll calls where both voted.{note}{split} Compare it with Russia, "
            "China and the United States in the chart above."
        )
    if partner in SPLIT:
        other, why = SPLIT[partner]
        share = agreement_with_kazakhstan(other)["share"]
        if _close(number, share) or _rounded(number, share):
            return Verdict.not_yet(
                f"that is the agreement of {other}, not {partner}: {why}. Set `partner` to the code "
                "whose rows you compared, or compute the share for the code you named."
            )
    for other in EXAMPLES:
        if other == partner:
            continue
        share = agreement_with_kazakhstan(other)["share"]
        if _close(number, share) or _rounded(number, share):
            return Verdict.not_yet(
                f"that is the agreement of {other}, not {partner}. After changing `partner`, re-run "
                "the cell that computes `agreement`, then rebuild `answer`."
            )
    if percent:
        return Verdict.not_yet(f"{percent}. Even as a share, {number:.4f} does not match {partner}.")
    return Verdict.not_yet(
        f"{number:.4f} is not the agreement for {partner}. Merge Kazakhstan's rows and your "
        "country's rows on rcid, compare the two vote columns with ==, and take the mean of the result."
    )
