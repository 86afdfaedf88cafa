"""Checks for lesson 07, "Reading the analysts".

``l07-partner-shares-2015``: Reading B (2015) calls the EU Kazakhstan's largest
trade partner. The learner checks it with ``trade``: each partner group's share
of Kazakhstan's total goods trade (exports plus imports) in 2015, on
Kazakhstan's own figures (``basis == "reported"``), leaving out the aggregate
rows. The answer is a Series (or dict) indexed by partner group, shares between
0 and 1 that add up to 1. Forgetting the aggregates still gives the right shares
(``groupby("partner_group")`` drops rows without a group), so a right answer whose
code, in this kernel session, never drops them gets a note saying so
(:mod:`kzlessons.exercises._session`).

``l07-confirmed-share``: for each reading (A and B), the share of its claims in
``claims`` whose status is exactly ``confirmed``; a Series (or dict) indexed by
reading. An answer with two index levels (reading × status from ``value_counts``,
or status × reading) is told which levels it has and what to keep.

Both checks accept values rounded as the lesson displays them (three decimals
for the trade shares, two for the confirmed shares) and name the usual wrong
methods instead of saying only "not quite"; trade shares rounded further are
told that the rounding, not the method, is what fails.

``l07-forecast-verdicts``: the learner's own verdict on each of Reading B's five
forecasts, recorded before the lesson gives its own: for each, did Moscow press
(or do what Roberts expected of it), did Kazakhstan give way ("yes", "partly",
"no", "unclear"), and the verdict ("borne out", "partly borne out", "not borne
out", "unclear"). Judgements are not graded against the lesson's; the check asks
that the two questions be answered as the record in the lesson allows (the
vote-based answers computed from ``un_votes``) and that each verdict follow from
the part the forecast predicts, naming the usual slip: judging a forecast of
pressure by whether Kazakhstan complied.

>>> from kzlessons.exercises import check
>>> check("l07-partner-shares-2015", None).passed
False
>>> check("l07-confirmed-share", None).passed
False
>>> check("l07-forecast-verdicts", None).passed
False
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from . import Verdict, _session, exercise, type_name

STATUS = "confirmed"
YEAR = 2015
EU = "EU-27"
#: Half a unit in the last decimal the lesson shows (``round(3)`` and ``round(2)``).
SHARE_TOL = 0.0005 + 1e-9
CONFIRMED_TOL = 0.005 + 1e-9
#: Statuses that are not claims of fact, so a share "of checkable claims" leaves them out.
NOT_CHECKABLE = ("opinion", "style note", "typo")


# ---------------------------------------------------------------- shared helpers
def _as_dict(answer: Any) -> dict[str, Any] | None:
    """A Series, a one-column table or a dict as ``{str(key): value}``; None for anything else."""
    import pandas as pd

    if isinstance(answer, pd.DataFrame) and answer.shape[1] == 1:
        answer = answer.iloc[:, 0]
    if isinstance(answer, pd.Series):
        return {str(k): v for k, v in answer.items()}
    if isinstance(answer, Mapping):
        return {str(k): v for k, v in answer.items()}
    return None


def _numbers(mine: dict[str, Any], keys: list[str]) -> dict[str, float] | None:
    try:
        return {k: float(mine[k]) for k in keys}
    except (TypeError, ValueError):
        return None


def _close(mine: Mapping[str, float], target: Mapping[str, float], tol: float) -> bool:
    """Every key of ``target`` within ``tol`` in ``mine`` (keys missing from ``mine`` count as 0)."""
    return all(abs(mine.get(k, 0.0) - v) <= tol for k, v in target.items())


def _first_match(values: Mapping[str, float], wrong: list[tuple[Callable[[], Mapping[str, float]], str]],
                 tol: float) -> str | None:
    for compute, hint in wrong:
        try:
            target = compute()
        except Exception:  # a variant that cannot be computed is simply not matched
            continue
        if _close(values, target, tol):
            return hint
    return None


# ---------------------------------------------------------------- partner shares
def _trade():
    from .. import data

    return data.load("trade")


def partner_shares(year: int = YEAR, *, basis: str | None = "reported", flow: str | None = None,
                   aggregates: bool = False, trade=None) -> dict[str, float]:
    """Each partner group's share of Kazakhstan's goods trade in ``year``.

    ``basis`` and ``flow`` filter those columns (None keeps both values);
    ``aggregates=True`` keeps the aggregate rows in the denominator, the usual
    slip. The right answer is the default: total trade, Kazakhstan's own
    figures, no aggregates.

    >>> shares = partner_shares()
    >>> round(sum(shares.values()), 6), max(shares, key=shares.get)
    (1.0, 'EU-27')
    """
    trade = _trade() if trade is None else trade
    rows = trade[trade["year"] == year]
    if basis is not None:
        rows = rows[rows["basis"] == basis]
    if flow is not None:
        rows = rows[rows["flow"] == flow]
    total = float(rows["value_usd_mn"].sum()) if aggregates else None
    rows = rows[~rows["is_aggregate"].astype(bool) & rows["partner_group"].notna()]
    by_group = rows.groupby(rows["partner_group"].astype(str))["value_usd_mn"].sum()
    total = float(by_group.sum()) if total is None else total
    return {str(k): float(v) / total for k, v in by_group.items()}


def partner_values(year: int = YEAR, *, basis: str = "reported") -> dict[str, float]:
    """Each partner group's total trade in ``year`` in US$ million (the step before the shares).

    >>> partner_values()["EU-27"] > partner_values()["Russia"]
    True
    """
    trade = _trade()
    rows = trade[(trade["year"] == year) & (trade["basis"] == basis) & ~trade["is_aggregate"].astype(bool)]
    return {str(k): float(v) for k, v in rows.groupby(rows["partner_group"].astype(str))["value_usd_mn"].sum().items()}


def eu28_shares(year: int = YEAR) -> dict[str, float]:
    """Shares with the United Kingdom moved from "Other" into the EU (the EU-28 of 2015)."""
    trade = _trade()
    rows = trade[(trade["year"] == year) & (trade["basis"] == "reported") & ~trade["is_aggregate"].astype(bool)]
    total = float(rows["value_usd_mn"].sum())
    uk = float(rows.loc[rows["partner_iso3"].astype(str) == "GBR", "value_usd_mn"].sum())
    shares = {k: v for k, v in partner_shares(year).items()}
    shares[EU] += uk / total
    shares["Other"] -= uk / total
    return shares


@exercise(
    "l07-partner-shares-2015",
    unanswered=(
        'Keep the 2015 rows with basis "reported" that are not aggregates, sum value_usd_mn by '
        "partner_group, and divide by the total."
    ),
)
def _check_partner_shares(answer: Any) -> Verdict:
    """Is ``answer`` each partner group's share of Kazakhstan's 2015 total trade (reported, no aggregates)?"""
    import pandas as pd

    if isinstance(answer, pd.DataFrame) and answer.shape[1] != 1:
        return Verdict.not_yet(
            "`answer` is a table with several columns (perhaps one per flow or per year). The exercise "
            "wants one share per partner group: exports and imports together, 2015 only."
        )
    mine = _as_dict(answer)
    if mine is None:
        return Verdict.not_yet(
            f"`answer` should be a Series indexed by partner group (Russia, China, EU-27, …), but it is a "
            f"{type_name(answer)}."
        )
    expected = partner_shares()
    if EU not in mine:
        return Verdict.not_yet(
            'I cannot find "EU-27" in the index of your answer. Group by "partner_group" so that each '
            "group (Russia, China, EU-27, …) is one entry."
        )
    missing = [k for k in expected if k not in mine]
    if missing:
        return Verdict.not_yet(
            f"your answer has no entry for {', '.join(missing)}. Keep every partner group: the shares "
            "should cover all of Kazakhstan's trade and add up to 1."
        )
    values = _numbers(mine, list(expected))
    if values is None:
        return Verdict.not_yet("the values should be numbers (shares between 0 and 1).")
    if any(math.isnan(v) for v in values.values()):
        return Verdict.not_yet("some of your values are missing (NaN). Check your filters before the sum.")
    if _close(values, expected, SHARE_TOL):
        others = sorted((v, k) for k, v in expected.items() if k not in (EU, "Other"))
        runner_up = others[-1]
        return Verdict.ok(
            f"in 2015 the EU-27 took {expected[EU]:.1%} of Kazakhstan's goods trade on its own figures, "
            f"ahead of {runner_up[1]} ({runner_up[0]:.1%}). The claim holds if you compare the EU as one "
            "bloc with single countries; the next cells ask whether it holds on other flows and bases."
            + _aggregates_note()
        )
    if _close(values, {k: 100 * v for k, v in expected.items()}, 100 * SHARE_TOL):
        return Verdict.not_yet("those look like percentages. Give shares between 0 and 1 (divide by 100).")
    values_usd = partner_values()
    if _close(values, values_usd, 0.5):
        return Verdict.not_yet(
            "those are values in US$ million. Divide each group's value by the total of all groups to get "
            "shares."
        )
    wrong: list[tuple[Callable[[], Mapping[str, float]], str]] = [
        (lambda: partner_shares(flow="exports"),
         "those are shares of exports only. A trade partner is about exports and imports together: "
         "do not filter on flow."),
        (lambda: partner_shares(flow="imports"),
         "those are shares of imports only. A trade partner is about exports and imports together: "
         "do not filter on flow."),
        (lambda: partner_shares(basis="mirror"),
         'those are the partners\' mirror figures. The check uses Kazakhstan\'s own reports: keep '
         'basis == "reported".'),
        (lambda: partner_shares(basis=None),
         'you added Kazakhstan\'s reports and the partners\' mirror reports together, counting the same '
         'trade twice. Keep basis == "reported" only.'),
        (lambda: partner_shares(aggregates=True),
         "your shares add up to much less than 1: the aggregate rows (World, European Union, …) are in "
         "your total. Drop the rows where is_aggregate is True before you sum."),
        (lambda: eu28_shares(),
         "you moved the United Kingdom into the EU. That is a fair second question (the EU had 28 members "
         "in 2015), but the exercise asks for the EU-27 group as the data define it; the next cell "
         "compares the two."),
        (lambda: partner_shares(2014),
         "those are the 2014 shares. Keep year == 2015."),
        (lambda: partner_shares(2013),
         "those are the 2013 shares. Keep year == 2015."),
        (lambda: partner_shares(2016),
         "those are the 2016 shares. Keep year == 2015."),
    ]
    hint = _first_match(values, wrong, SHARE_TOL)
    if hint:
        return Verdict.not_yet(hint)
    total = sum(values.values())
    coarse = _rounding(values, expected)
    if coarse is not None:
        return Verdict.not_yet(
            f"your shares are right, but rounded to {coarse}: a share rounded that far can be off by half a "
            f"unit in its last place, more than this check allows, and the rounded shares add up to "
            f"{total:.3f} instead of 1. Keep at least three decimals (round(3)), or do not round before checking."
        )
    if abs(total - 1) > 0.002:
        return Verdict.not_yet(
            f"your shares add up to {total:.3f}, not 1. Divide each group by the total of the same rows "
            "you grouped (2015, reported, no aggregates)."
        )
    return Verdict.not_yet(
        'not quite. Keep year == 2015, basis == "reported" and ~is_aggregate, then '
        'groupby("partner_group")["value_usd_mn"].sum() and divide by its sum.'
    )


def _rounding(values: Mapping[str, float], expected: Mapping[str, float]) -> str | None:
    """"two decimals" (or "one decimal") when ``values`` are ``expected`` rounded that far, else None: a
    harmless rounding, named as such rather than taken for a method error.

    >>> _rounding({"a": 0.39, "b": 0.61}, {"a": 0.3931, "b": 0.6069})
    'two decimals'
    >>> _rounding({"a": 0.393, "b": 0.607}, {"a": 0.3931, "b": 0.6069}) is None
    True
    """
    for digits, words in ((2, "two decimals"), (1, "one decimal")):
        if all(abs(values.get(k, math.nan) - round(v, digits)) < 1e-9 for k, v in expected.items()):
            return words
    return None


#: Words in code that drop the aggregate rows (their partner_group is empty).
_DROPS_AGGREGATES = re.compile(r"is_aggregate|aggregate|notna|notnull|dropna")
AGGREGATES_NOTE = (
    " Note: the code that made your answer does not seem to drop the aggregate rows. It passed because "
    'groupby("partner_group") leaves out rows without a group, which the aggregates (World, European '
    "Union, …) are; a sum over the rows themselves would count the same trade twice. Drop them on "
    'purpose: ~trade["is_aggregate"].'
)


def _aggregates_note() -> str:
    """:data:`AGGREGATES_NOTE` when the session's code behind the answer never drops the aggregate rows
    (a right answer by luck: ``groupby`` dropped them); "" when it does, or when that cannot be told."""
    code = _session.code_behind("l07-partner-shares-2015")
    return AGGREGATES_NOTE if code is not None and not _DROPS_AGGREGATES.search(code) else ""


# ---------------------------------------------------------------- confirmed share
_LEVEL_WORDS = {2: "two", 3: "three"}


def _several_levels(answer: Any) -> Verdict:
    """The verdict for an answer whose index has several levels, e.g. reading × status from
    ``groupby("reading")["status"].value_counts(normalize=True)``: name the levels and what to keep."""
    index = answer.index
    names = [str(name) if name is not None else f"level {i}" for i, name in enumerate(index.names)]
    count = _LEVEL_WORDS.get(index.nlevels, str(index.nlevels))
    said = (f"your answer has {count} index levels ({', '.join(names[:-1])} and {names[-1]}): "
            "a number for each combination of them")
    if "reading" not in names or "status" not in names:
        return Verdict.not_yet(
            f"{said}. The exercise wants one number per reading, indexed by reading (A, B) alone: the "
            'share of its claims whose status is "confirmed".'
        )
    if names.index("status") < names.index("reading"):
        return Verdict.not_yet(
            f"{said}, grouped by status first, so it describes each status rather than each reading. The "
            'exercise wants it the other way round: within each reading, the share of its claims that are '
            '"confirmed", one number per reading, indexed by reading alone.'
        )
    right = ""
    try:  # grouped by reading first: the "confirmed" entries may be the right shares already
        kept = _as_dict(answer.xs(STATUS, level="status"))
        values = _numbers(kept, list(shares())) if kept is not None else None
        if values is not None and _close(values, shares(), CONFIRMED_TOL):
            right = ' Your shares for "confirmed" are right.'
    except (KeyError, TypeError, ValueError):
        pass
    return Verdict.not_yet(
        f'{said}, where the exercise wants one number per reading. Keep only the share of "confirmed" for '
        f'each reading, indexed by reading alone (answer.xs("confirmed", level="status") picks it out).{right}'
    )


def _compared(expected: Mapping[str, float]) -> str:
    """Which reading's share is higher, and by how many percentage points, from the shares themselves.

    >>> _compared({"A": 0.65, "B": 0.7667})
    "B's share is the higher one, by 11.7 percentage points"
    >>> _compared({"A": 0.5, "B": 0.5})
    'the two shares are equal'
    """
    gap = 100 * (expected["B"] - expected["A"])
    if abs(gap) < 0.05:
        return "the two shares are equal"
    higher = "B" if gap > 0 else "A"
    return f"{higher}'s share is the higher one, by {abs(gap):.1f} percentage points"


def _claims():
    from .. import data

    claims = data.load("claims")
    return claims.assign(reading=claims["reading"].astype(str), status=claims["status"].astype(str),
                         status_detail=claims["status_detail"].astype(str))


def shares(statuses: tuple[str, ...] = (STATUS,), *, column: str = "status",
           exclude: tuple[str, ...] = ()) -> dict[str, float]:
    """Share of each reading's claims whose ``column`` is in ``statuses``.

    ``exclude`` drops claims with those statuses from the denominator (the
    "checkable claims only" variant).

    >>> result = shares()
    >>> result["B"] > result["A"]
    True
    """
    claims = _claims()
    claims = claims[~claims["status"].isin(exclude)]
    hit = claims[column].isin(statuses)
    return {str(k): float(v) for k, v in hit.groupby(claims["reading"]).mean().items()}


def _mentions_confirmed() -> dict[str, float]:
    """Share whose full status text mentions "confirmed" anywhere (mixed verdicts included)."""
    claims = _claims()
    hit = claims["status_detail"].str.contains("confirmed")
    return {str(k): float(v) for k, v in hit.groupby(claims["reading"]).mean().items()}


@exercise(
    "l07-confirmed-share",
    unanswered='Group `claims` by "reading" and take the mean of (status == "confirmed") in each group.',
)
def _check_confirmed_share(answer: Any) -> Verdict:
    """Is ``answer`` the share of confirmed claims for readings A and B?"""
    import pandas as pd

    if isinstance(answer, pd.DataFrame) and answer.shape[1] != 1:
        return Verdict.not_yet(
            "`answer` is a table with several columns (perhaps a crosstab of counts). The exercise "
            "wants one number per reading: the share of its claims that are confirmed."
        )
    if isinstance(answer, (pd.Series, pd.DataFrame)) and answer.index.nlevels > 1:
        return _several_levels(answer)
    mine = _as_dict(answer)
    if mine is None:
        return Verdict.not_yet(
            f"`answer` should be a Series indexed by reading (A, B), but it is a {type_name(answer)}."
        )
    expected = shares()
    missing = [k for k in expected if k not in mine]
    if missing:
        return Verdict.not_yet(
            f"I cannot find reading(s) {', '.join(missing)} in your answer. Its index should be the "
            "readings A and B, as groupby(\"reading\") gives."
        )
    values = _numbers(mine, list(expected))
    if values is None:
        return Verdict.not_yet("the values should be numbers (shares between 0 and 1).")
    if any(math.isnan(v) for v in values.values()):
        return Verdict.not_yet("some of your values are missing (NaN). Check the filter on status.")
    if _close(values, expected, CONFIRMED_TOL):
        return Verdict.ok(
            f"{expected['A']:.0%} of Reading A's claims and {expected['B']:.0%} of Reading B's have the "
            f"status confirmed, so {_compared(expected)}. \"Confirmed\" also covers qualified verdicts (a "
            "weak source, a broad statement): the next cell shows which."
        )
    if _close(values, {k: 100 * v for k, v in expected.items()}, 100 * CONFIRMED_TOL):
        return Verdict.not_yet("those look like percentages. Give shares between 0 and 1.")
    claims = _claims()
    counts = claims[claims["status"] == STATUS].groupby("reading").size().to_dict()
    if all(values[k] == counts.get(k, 0) for k in expected):
        return Verdict.not_yet(
            "those are counts of confirmed claims. Divide by the number of claims in each reading, "
            "or take the mean of a True/False column."
        )
    overall = {k: counts.get(k, 0) / len(claims) for k in expected}
    wrong: list[tuple[Callable[[], Mapping[str, float]], str]] = [
        (lambda: overall,
         f"you divided by all {len(claims)} claims. Divide each reading's count by that reading's own "
         "number of claims."),
        (lambda: shares((STATUS, "partly confirmed")),
         'you counted "partly confirmed" as well (or every claim whose status text mentions '
         '"confirmed", which takes in mixed verdicts such as "confirmed in part"). Use the status '
         'column and keep only "confirmed".'),
        (_mentions_confirmed,
         'you counted every claim whose status text mentions "confirmed", which takes in mixed verdicts '
         'such as "confirmed in part". Use the status column and keep only "confirmed".'),
        (lambda: shares(column="status_detail"),
         'you used status_detail == "confirmed", which leaves out qualified verdicts such as '
         '"confirmed (weak source)". That is a useful stricter count, shown in the next cell; the '
         "exercise asks for the status column."),
        (lambda: shares(exclude=NOT_CHECKABLE),
         "you left opinions, style notes and typos out of the denominator. Sharing out only the "
         "checkable claims is a fair question, but this exercise asks for the share of all of each "
         "reading's claims."),
    ]
    hint = _first_match(values, wrong, CONFIRMED_TOL)
    if hint:
        return Verdict.not_yet(hint)
    return Verdict.not_yet(
        "not quite. Try claims.groupby(\"reading\", observed=True)[\"status\"].apply(lambda s: (s == \"confirmed\").mean())."
    )


# ---------------------------------------------------------------- forecast verdicts
#: The three entries a learner gives for each forecast, and the words each accepts.
PRESSED, GAVE_WAY, VERDICT = "Moscow pressed", "Kazakhstan gave way", "verdict"
PART_WORDS = ("yes", "partly", "no", "unclear")
VERDICT_WORDS = ("borne out", "partly borne out", "not borne out", "unclear")
#: What a verdict may be, given the answer to the part the forecast predicts: a forecast stands or
#: falls by what it forecast, not by the other question.
VERDICTS_FOR = {
    "yes": ("borne out", "partly borne out"),
    "partly": ("partly borne out", "unclear"),
    "no": ("not borne out",),
    "unclear": ("unclear",),
}
#: Kazakhstan's votes since the memo, as ``_ukraine_record`` and ``_syria_record`` read them.
_MEMO = "2015-09-30"


def _voted_by(iso3: tuple[str, ...]):
    """Rows of ``un_votes`` for these states, without the UN record's ``not voting`` rows."""
    from .. import data

    votes = data.load("un_votes")
    votes = votes[votes["iso3"].isin(iso3) & (votes["vote"] != "not voting")]
    return votes.astype({"iso3": str, "vote": str})


def _titles():
    from .. import data

    roll_calls = data.load("un_roll_calls")
    title = roll_calls["short"].fillna("") + " " + roll_calls["descr"].fillna("")
    whole = ~roll_calls["para"].fillna(False).astype(bool) & ~roll_calls["amend"].fillna(False).astype(bool)
    return roll_calls, title, whole


def _ukraine_record():
    """Kazakhstan's and Russia's votes on every whole-text Ukraine or Crimea roll call after the memo
    (titles naming Ukraine or Crimea, and ES-11), one row per roll call; a missing vote is NaN.

    >>> record = _ukraine_record()
    >>> int((record["KAZ"] == "yes").sum())
    0
    """
    roll_calls, title, whole = _titles()
    es11 = roll_calls["unres"].fillna("").str.contains("ES-11")
    chosen = roll_calls[(title.str.contains("Ukraine|Crimea") | es11) & whole & (roll_calls["date"] > _MEMO)]
    wide = _voted_by(("KAZ", "RUS")).pivot(index="rcid", columns="iso3", values="vote")
    return chosen.set_index("rcid")[["date", "unres"]].join(wide)


def _syria_record():
    """Kazakhstan's and Russia's votes on the Syria roll calls (Golan aside) after the memo.

    >>> record = _syria_record()
    >>> _as_russia(record)[0]
    0
    """
    roll_calls, title, _ = _titles()
    chosen = roll_calls[title.str.contains("Syrian Arab Republic") & ~title.str.contains("Golan")
                        & (roll_calls["date"] > _MEMO)]
    wide = _voted_by(("KAZ", "RUS")).pivot(index="rcid", columns="iso3", values="vote")
    return chosen.set_index("rcid")[["date", "unres"]].join(wide)


def _as_russia(record) -> tuple[int, int]:
    """(roll calls where Kazakhstan voted as Russia did, roll calls where both voted)."""
    both = record.dropna(subset=["KAZ", "RUS"])
    return int((both["KAZ"] == both["RUS"]).sum()), len(both)


def _gave_way_in_votes(record) -> str:
    """"yes", "partly" or "no": did Kazakhstan vote as Russia did on all, some or none of these?"""
    same, both = _as_russia(record)
    return "no" if same == 0 else "yes" if same == both else "partly"


@dataclass(frozen=True)
class Forecast:
    """One of Roberts' forecasts as the lesson tests it.

    ``predicts`` is the part the forecast is about (Moscow's pressure, or what Kazakhstan would do).
    ``supported`` gives, for each part, the answers the evidence in the lesson supports, and ``evidence``
    what to say to any other answer. ``lesson`` holds the lesson's own answers, shown after the check.
    """

    predicts: str
    supported: Mapping[str, tuple[str, ...]]
    evidence: Mapping[str, str]
    lesson: Mapping[str, str]


def forecasts() -> dict[str, Forecast]:
    """The five forecasts, keyed as the notebook's template writes them; the vote-based answers are
    computed from ``un_votes``.

    >>> table = forecasts()
    >>> list(table)[0], table["Forecast 1 (UN votes)"].lesson["verdict"]
    ('Forecast 1 (UN votes)', 'partly borne out')
    """
    ukraine, syria = _ukraine_record(), _syria_record()
    same_u, both_u = _as_russia(ukraine)
    same_s, both_s = _as_russia(syria)
    ukraine_way, syria_way = _gave_way_in_votes(ukraine), _gave_way_in_votes(syria)
    return {
        "Forecast 1 (UN votes)": Forecast(
            predicts=PRESSED,
            supported={PRESSED: ("yes", "partly", "unclear"), GAVE_WAY: (ukraine_way,)},
            evidence={
                PRESSED: "the record holds one documented case: before the vote on ES-11/3 Russia warned some UN "
                         "members that a yes vote or an abstention would be an \"unfriendly gesture\" (S260). "
                         "Which states received the note is not known, so pressure on Kazakhstan itself is not "
                         "documented: \"yes\", \"partly\" or \"unclear\" can each be argued, \"no\" cannot.",
                GAVE_WAY: f"after the memo Kazakhstan voted as Russia did on {same_u} of the {both_u} Ukraine and "
                          "Crimea roll calls it took part in (the table of Ukraine roll calls), so the answer is "
                          f"\"{ukraine_way}\".",
            },
            lesson={PRESSED: "partly", GAVE_WAY: ukraine_way, VERDICT: "partly borne out"},
        ),
        "Forecast 2 (Syria)": Forecast(
            predicts=PRESSED,
            supported={PRESSED: ("unclear",), GAVE_WAY: (syria_way,)},
            evidence={
                PRESSED: "no source in this lesson shows the United States or Russia pressing Kazakhstan on "
                         "Syria, and votes show choices, not the pressure behind them. No evidence either way "
                         "is \"unclear\", not \"no\".",
                GAVE_WAY: f"after the memo Kazakhstan voted as Russia did on {same_s} of the {both_s} Syria roll "
                          "calls it took part in (the Syria table), so the answer is "
                          f"\"{syria_way}\".",
            },
            lesson={PRESSED: "unclear", GAVE_WAY: syria_way, VERDICT: "unclear"},
        ),
        "Forecast 3 (EEU)": Forecast(
            predicts=PRESSED,
            supported={PRESSED: ("no", "partly", "unclear"), GAVE_WAY: ("no",)},
            evidence={
                PRESSED: "no source shows the union itself used against Western firms or Chinese trade: "
                         "Russia's food ban of 2014 and its transit restriction of 2016 were Russia's own "
                         "measures (S133, S269).",
                GAVE_WAY: "Kazakhstan stayed out of Russia's food ban although it shares a customs union with "
                          "Russia (S133), and no union-wide counter-sanctions are on record.",
            },
            lesson={PRESSED: "no", GAVE_WAY: "no", VERDICT: "not borne out"},
        ),
        "Forecast 4 (CSTO and SCO)": Forecast(
            predicts=PRESSED,
            supported={PRESSED: ("yes", "partly", "unclear"), GAVE_WAY: ("partly", "unclear")},
            evidence={
                PRESSED: "Putin framed the CSTO's deployment in Kazakhstan as a stand against \"color "
                         "revolution\" scenarios (S261), and the SCO took in Iran and Belarus (S262, S263): "
                         "there is evidence of the attempt, if not of success.",
                GAVE_WAY: "the evidence points both ways: Kazakhstan asked for the CSTO force and chaired the "
                          "summit that admitted Belarus (S59, S263), but its doctrine names no enemy and it "
                          "builds drones with a NATO member (S32, S3).",
            },
            lesson={PRESSED: "partly", GAVE_WAY: "partly", VERDICT: "unclear"},
        ),
        "Forecast 5 (re-invent)": Forecast(
            predicts=GAVE_WAY,
            supported={PRESSED: ("yes", "partly", "unclear"), GAVE_WAY: ("no", "partly")},
            evidence={
                PRESSED: "the note before ES-11/3 (S260) is documented pressure on some UN members (whether "
                         "Kazakhstan was among them is not known), and the CPC halt of July 2022, contested, is "
                         "read by many as more (S268).",
                GAVE_WAY: "the Foreign Policy Concept was kept (S33) and Kazakhstan went on receiving leaders "
                          "from every side; trips to Moscow are not a new foreign policy.",
            },
            lesson={PRESSED: "partly", GAVE_WAY: "no", VERDICT: "not borne out"},
        ),
    }


def _word(value: Any) -> str:
    return " ".join(str(value).strip().lower().replace("_", " ").split())


def _entries(answer: Any, table: Mapping[str, Forecast]) -> dict[str, dict[str, str]] | Verdict:
    """The learner's dict as {forecast: {part: word}}, or a verdict saying what is missing or misspelt."""
    if not isinstance(answer, Mapping):
        return Verdict.not_yet(
            f"`my_forecast_verdicts` should be a dict like the template (one entry per forecast), but it is "
            f"a {type_name(answer)}. Run the template cell again and fill in its question marks."
        )
    by_word = {_word(k): v for k, v in answer.items()}
    missing = [name for name in table if _word(name) not in by_word]
    if missing:
        return Verdict.not_yet(
            f"I cannot find {', '.join(missing)} in your dict. Keep the template's five keys as they are."
        )
    out: dict[str, dict[str, str]] = {}
    for name in table:
        entry = by_word[_word(name)]
        if not isinstance(entry, Mapping):
            return Verdict.not_yet(
                f"the entry for {name} should be a dict with \"{PRESSED}\", \"{GAVE_WAY}\" and \"{VERDICT}\", as "
                "in the template."
            )
        parts = {_word(k): v for k, v in entry.items()}
        out[name] = {}
        for part, allowed in ((PRESSED, PART_WORDS), (GAVE_WAY, PART_WORDS), (VERDICT, VERDICT_WORDS)):
            value = _word(parts.get(_word(part), "?"))
            if value not in allowed:
                said = "still a question mark" if value in ("?", "") else f"\"{value}\""
                return Verdict.not_yet(
                    f"{name}, \"{part}\": {said}. Use one of " + ", ".join(f'"{w}"' for w in allowed) + "."
                )
            out[name][part] = value
    return out


@exercise(
    "l07-forecast-verdicts",
    unanswered="Fill in the template's dict, `my_forecast_verdicts`, and pass it to the check.",
)
def _check_forecast_verdicts(answer: Any) -> Verdict:
    """Are the learner's verdicts on Roberts' five forecasts filled in, in line with the record the lesson
    shows, and consistent: does each verdict follow from the part the forecast predicts?"""
    table = forecasts()
    entries = _entries(answer, table)
    if isinstance(entries, Verdict):
        return entries
    for name, forecast in table.items():
        mine = entries[name]
        for part in (PRESSED, GAVE_WAY):
            if mine[part] not in forecast.supported[part]:
                return Verdict.not_yet(f"{name}, \"{part}\": you said \"{mine[part]}\", but "
                                       f"{forecast.evidence[part]}")
        predicted = mine[forecast.predicts]
        if mine[VERDICT] not in VERDICTS_FOR[predicted]:
            other = GAVE_WAY if forecast.predicts == PRESSED else PRESSED
            if forecast.predicts == PRESSED:
                about = "what Moscow would do (its pressure), not whether Kazakhstan gave way"
            else:
                about = "what Kazakhstan would do (re-invent its foreign policy), not whether Moscow pressed"
            allowed = " or ".join(f'"{w}"' for w in VERDICTS_FOR[predicted])
            return Verdict.not_yet(
                f"{name}: your verdict \"{mine[VERDICT]}\" does not follow from your own answers. This forecast "
                f"is about {about}; you answered \"{predicted}\" to \"{forecast.predicts}\", so the verdict "
                f"is {allowed}, whatever the answer to \"{other}\". Judge a forecast by what it forecast."
            )
    same = sum(entries[n][VERDICT] == f.lesson[VERDICT] for n, f in table.items())
    matched = {0: "None", 1: "One", 2: "Two", 3: "Three", 4: "Four", 5: "All"}[same]
    return Verdict.ok(
        f"your verdicts follow from the record and keep Moscow's pressure apart from Kazakhstan's answer to "
        f"it. {matched} of the five match the lesson's verdicts, which the next cell shows; where yours "
        "differ, decide which reading of the evidence you would defend."
    )
