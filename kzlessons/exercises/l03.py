"""Checks for lesson 03, "The 2014 shock".

``l03-vote-table``: how each of the 15 post-Soviet states voted on UN General
Assembly resolution A/RES/68/262 (27 March 2014). The learner hands in a
DataFrame with an ``iso3`` (or ``country``) column and a ``vote`` column, or a
Series / dict mapping ISO-3 codes to votes. Votes are ``yes``, ``no``,
``abstain`` or ``absent``.

>>> from kzlessons.exercises import check
>>> check("l03-vote-table", None).passed
False
"""

from __future__ import annotations

from typing import Any

from . import Verdict, exercise, type_name

RESOLUTION = "A/RES/68/262"

#: The fifteen successor states of the USSR, by ISO-3 code.
POST_SOVIET = (
    "ARM", "AZE", "BLR", "EST", "GEO", "KAZ", "KGZ", "LVA",
    "LTU", "MDA", "RUS", "TJK", "TKM", "UKR", "UZB",
)

_SYNONYMS = {
    "y": "yes", "yes": "yes", "in favour": "yes", "in favor": "yes", "for": "yes",
    "n": "no", "no": "no", "against": "no",
    "a": "abstain", "abstain": "abstain", "abstained": "abstain", "abstention": "abstain",
    "absent": "absent", "not voting": "absent", "non-voting": "absent", "missing": "absent",
}


def expected_votes():
    """The vote of each post-Soviet state on 68/262, as a Series indexed by ISO-3."""
    from .. import data

    votes = data.load("ukraine_votes")
    rows = votes[(votes["resolution"] == RESOLUTION) & votes["iso3"].isin(POST_SOVIET)]
    series = rows.set_index("iso3")["vote"].astype(str)
    return series.reindex(list(POST_SOVIET)).fillna("absent")


def _names_to_iso3() -> dict[str, str]:
    from .. import data

    votes = data.load("ukraine_votes")
    rows = votes[votes["iso3"].isin(POST_SOVIET)][["iso3", "country"]].drop_duplicates()
    return {str(c).strip().lower(): str(i) for i, c in zip(rows["iso3"], rows["country"])}


def _as_series(answer: Any):
    import pandas as pd

    if isinstance(answer, dict):
        return pd.Series(answer, dtype=object)
    if isinstance(answer, pd.Series):
        return answer
    if isinstance(answer, pd.DataFrame):
        columns = {str(c).lower(): c for c in answer.columns}
        if "vote" not in columns:
            return None
        frame = answer.reset_index() if "iso3" not in columns and "country" not in columns else answer
        columns = {str(c).lower(): c for c in frame.columns}
        key = columns.get("iso3") or columns.get("country")
        if key is None:
            return None
        return frame.set_index(key)[columns["vote"]]
    return None


@exercise(
    "l03-vote-table",
    unanswered=f'Keep the rows of `votes` for resolution "{RESOLUTION}" whose iso3 is in '
    "POST_SOVIET, then keep the iso3, country and vote columns.",
)
def _check_vote_table(answer: Any) -> Verdict:
    """Does ``answer`` give the right 68/262 vote for each post-Soviet state?"""
    expected = expected_votes()

    series = _as_series(answer)
    if series is None:
        return Verdict.not_yet(
            f"`answer` is a {type_name(answer)} without the columns the check needs. "
            "Hand in a DataFrame with an `iso3` (or `country`) column and a `vote` column."
        )
    if series.index.duplicated().any():
        return Verdict.not_yet(
            "some states appear more than once, so you probably kept several resolutions. "
            f'Filter on votes["resolution"] == "{RESOLUTION}" as well.'
        )
    names = _names_to_iso3()
    index = [str(k).strip() for k in series.index]
    index = [k.upper() if k.upper() in POST_SOVIET else names.get(k.lower(), k) for k in index]
    given = {k: _SYNONYMS.get(str(v).strip().lower(), str(v)) for k, v in zip(index, series.tolist())}

    extra = sorted(k for k in given if k not in POST_SOVIET)
    if extra:
        shown = ", ".join(extra[:5]) + (" …" if len(extra) > 5 else "")
        return Verdict.not_yet(
            f"your table has {len(given)} rows, including states that are not post-Soviet ({shown}). "
            'Keep only rows where votes["iso3"].isin(POST_SOVIET).'
        )
    missing = [k for k in POST_SOVIET if k not in given]
    if missing:
        absent = [k for k in missing if expected[k] == "absent"]
        hint = (
            " If you used `un_votes`, remember that a missing row there means the state was absent."
            if absent and len(absent) == len(missing)
            else ""
        )
        return Verdict.not_yet(
            f"{len(missing)} of the 15 states are missing ({', '.join(missing)}).{hint}"
        )
    wrong = [k for k in POST_SOVIET if given[k] != expected[k]]
    if wrong:
        return Verdict.not_yet(
            f"the vote for {', '.join(wrong)} does not match the record. "
            "Check that you kept the `vote` column of the 68/262 rows, with values yes, no, abstain or absent."
        )
    tally = expected.value_counts()
    return Verdict.ok(
        f"all 15 votes match: {tally.get('yes', 0)} yes, {tally.get('no', 0)} no, "
        f"{tally.get('abstain', 0)} abstain, {tally.get('absent', 0)} absent. "
        "Kazakhstan sits in the middle group with Uzbekistan."
    )
