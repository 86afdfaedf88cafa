"""Checks for lesson 03, "The 2014 shock".

``l03-vote-table``: how each of the 15 post-Soviet states voted on UN General
Assembly resolution A/RES/68/262 (27 March 2014). The learner hands in a
DataFrame with an ``iso3`` (or ``country``) column and a ``vote`` column, or a
Series / dict mapping ISO-3 codes (or country names, including official ones such
as "Kyrgyz Republic" or "Russian Federation") to votes. Votes are ``yes``, ``no``,
``abstain`` or ``absent``; the chart's letters Y, N, A and – (or "-") are read the
same way.

Wrong methods named by the check: the absent states left out (as in ``un_votes``)
or given a missing value, absences written as "no", another resolution's votes,
several resolutions kept, states that are not post-Soviet, a tally instead of
the table, and unknown vote words.

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
    "absent": "absent", "not voting": "absent", "non-voting": "absent", "did not vote": "absent",
    # the chart writes "–" for absent; learners type "-" or "—"
    "–": "absent", "-": "absent", "—": "absent", "‒": "absent", "−": "absent",
}
_MISSING = {"", "nan", "none", "<na>", "nat", "missing", "na", "n/a"}

#: Official and common names the data do not use (the UN's "Kyrgyz Republic", ...).
_ALIASES = {
    "kyrgyz republic": "KGZ", "kyrgyz rep.": "KGZ", "kirghizia": "KGZ", "kirgizia": "KGZ",
    "russian federation": "RUS", "republic of moldova": "MDA", "moldova, rep. of": "MDA",
    "republic of belarus": "BLR", "belarus, rep. of": "BLR", "republic of kazakhstan": "KAZ",
    "republic of armenia": "ARM", "armenia, rep. of": "ARM", "republic of azerbaijan": "AZE",
    "azerbaijan, rep. of": "AZE", "republic of uzbekistan": "UZB", "republic of tajikistan": "TJK",
    "kazakstan": "KAZ", "byelorussia": "BLR", "belorussia": "BLR",
}


def expected_votes(resolution: str = RESOLUTION):
    """The vote of each post-Soviet state on ``resolution`` (68/262 by default), indexed by ISO-3.

    States with no row count as absent.

    >>> expected_votes()["KAZ"]
    'abstain'
    """
    from .. import data

    votes = data.load("ukraine_votes")
    rows = votes[(votes["resolution"] == resolution) & votes["iso3"].isin(POST_SOVIET)]
    series = rows.set_index("iso3")["vote"].astype(str)
    return series.reindex(list(POST_SOVIET)).fillna("absent")


def _other_resolutions() -> list[str]:
    from .. import data

    names = data.load("ukraine_votes")["resolution"].astype(str).unique()
    return [r for r in sorted(names) if r != RESOLUTION]


def _names_to_iso3() -> dict[str, str]:
    """Folded country names -> ISO-3, from the vote data, the partners table and common aliases."""
    from .. import data

    votes = data.load("ukraine_votes")
    rows = votes[votes["iso3"].isin(POST_SOVIET)][["iso3", "country"]].drop_duplicates()
    names = {str(c).strip().casefold(): str(i) for i, c in zip(rows["iso3"], rows["country"])}
    partners = data.load("partners")
    for code, name, imf in zip(partners["iso3"], partners["name"], partners["imf_name"]):
        if str(code) in POST_SOVIET:
            for text in (name, imf):
                if isinstance(text, str) and text.strip():
                    names.setdefault(text.strip().casefold(), str(code))
    for alias, code in _ALIASES.items():
        names.setdefault(alias, code)
    return names


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


def _vote_word(value: Any) -> str:
    """The learner's vote as one of yes/no/abstain/absent, "" for a missing value, else the text."""
    text = "" if value is None else str(value).strip()
    folded = text.casefold()
    if folded in _MISSING or (isinstance(value, float) and value != value):
        return ""
    return _SYNONYMS.get(folded, text)


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
    if {str(k).strip().casefold() for k in series.index} <= {"yes", "no", "abstain", "absent"}:
        return Verdict.not_yet(
            "that is a tally of the votes (how many yes, no, ...), not the table. The exercise "
            "wants one row per state with its vote: keep the iso3, country and vote columns."
        )
    if series.index.duplicated().any():
        return Verdict.not_yet(
            "some states appear more than once, so you probably kept several resolutions. "
            f'Filter on votes["resolution"] == "{RESOLUTION}" as well.'
        )
    names = _names_to_iso3()
    index = [str(k).strip() for k in series.index]
    index = [k.upper() if k.upper() in POST_SOVIET else names.get(k.casefold(), k) for k in index]
    given = {k: _vote_word(v) for k, v in zip(index, series.tolist())}

    extra = sorted(k for k in given if k not in POST_SOVIET)
    if extra:
        shown = ", ".join(extra[:5]) + (" …" if len(extra) > 5 else "")
        return Verdict.not_yet(
            f"your table has {len(given)} rows, including {len(extra)} that are not post-Soviet "
            f"states ({shown}). Keep only rows where votes[\"iso3\"].isin(POST_SOVIET)."
        )
    missing = [k for k in POST_SOVIET if k not in given]
    if missing:
        absent = [k for k in missing if expected[k] == "absent"]
        hint = (
            " These are the states that were absent: if you used `un_votes`, remember that a "
            "missing row there means the state did not vote. Add them with the vote \"absent\"."
            if absent and len(absent) == len(missing)
            else " Check the codes in POST_SOVIET and your filter."
        )
        return Verdict.not_yet(
            f"{len(missing)} of the 15 states {'is' if len(missing) == 1 else 'are'} missing "
            f"({', '.join(missing)}).{hint}"
        )
    blank = [k for k in POST_SOVIET if given[k] == ""]
    if blank:
        return Verdict.not_yet(
            f"the vote is missing for {', '.join(blank)}. A state with no vote was absent: write "
            "\"absent\" (ukraine_votes already does; a merge with un_votes leaves it empty)."
        )
    unknown = [k for k in POST_SOVIET if given[k] not in ("yes", "no", "abstain", "absent")]
    if unknown:
        return Verdict.not_yet(
            f"the vote for {', '.join(unknown)} is {given[unknown[0]]!r}, which the check cannot read. "
            "Use yes, no, abstain or absent (or the chart's letters Y, N, A, –)."
        )
    wrong = [k for k in POST_SOVIET if given[k] != expected[k]]
    if wrong:
        absent = [k for k in POST_SOVIET if expected[k] == "absent"]
        if set(wrong) == set(absent) and all(given[k] == "no" for k in wrong):
            return Verdict.not_yet(
                f"you wrote \"no\" for {', '.join(wrong)}, which were absent. Absence is not a "
                "vote against: keep them as \"absent\" (do not fill missing votes with \"no\")."
            )
        for other in _other_resolutions():
            if all(given[k] == v for k, v in expected_votes(other).items()):
                return Verdict.not_yet(
                    f"these are the votes on {other}, not on {RESOLUTION} (27 March 2014). "
                    f'Filter on votes["resolution"] == "{RESOLUTION}".'
                )
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
