"""Tests for the lesson 07 exercise checks (kzlessons/exercises/l07.py).

Each check gets the worked solution, the same answer rounded as the lesson shows it,
and a named table of plausible wrong methods; every wrong method must get its own
hint, never a pass.
"""

from __future__ import annotations

import pandas as pd
import pytest

import kzlessons as kz
from kzlessons.exercises import check

SHARES = "l07-partner-shares-2015"
CONFIRMED = "l07-confirmed-share"


# ---------------------------------------------------------------- fixtures
@pytest.fixture(scope="module")
def trade() -> pd.DataFrame:
    return kz.data.load("trade")


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    return kz.data.load("claims")


def _group_shares(rows: pd.DataFrame, total: float | None = None) -> pd.Series:
    by_group = rows.groupby("partner_group", observed=True)["value_usd_mn"].sum()
    return by_group / (by_group.sum() if total is None else total)


def _rows(trade: pd.DataFrame, year: int = 2015, basis: str | None = "reported", flow: str | None = None,
          aggregates: bool = False) -> pd.DataFrame:
    rows = trade[trade["year"] == year]
    if basis:
        rows = rows[rows["basis"] == basis]
    if flow:
        rows = rows[rows["flow"] == flow]
    return rows if aggregates else rows[~rows["is_aggregate"]]


# ---------------------------------------------------------------- partner shares 2015
def _worked_shares(trade: pd.DataFrame) -> pd.Series:
    """The worked solution printed in notebook 07."""
    trade_2015 = trade[(trade["year"] == 2015) & (trade["basis"] == "reported") & ~trade["is_aggregate"]]
    by_group = trade_2015.groupby("partner_group", observed=True)["value_usd_mn"].sum()
    return by_group / by_group.sum()


def test_shares_worked_solution_passes(trade):
    """Does the worked solution pass, and does the message name the EU's share?"""
    verdict = check(SHARES, _worked_shares(trade))
    assert verdict.passed, verdict.message
    assert "39.3%" in verdict.message and "Russia" in verdict.message


STARTER = 'trade = kz.data.load("trade")\n'
CHECK = 'kz.exercises.check("l07-partner-shares-2015", share_answer)'
KEPT = ('rows = trade[(trade["year"] == 2015) & (trade["basis"] == "reported")]\n'
        'by_group = rows.groupby("partner_group")["value_usd_mn"].sum()\n'
        "share_answer = by_group / by_group.sum()")


@pytest.mark.parametrize("cells, noted", [
    ([STARTER + KEPT, CHECK], True),                                    # aggregates never dropped
    ([STARTER + KEPT.replace('"reported")]', '"reported") & ~trade["is_aggregate"]]'), CHECK], False),
    ([STARTER, 'trade = trade[~trade["is_aggregate"]]', KEPT, CHECK], False),   # dropped two cells up
    ([STARTER + KEPT.replace("rows.groupby", 'rows.dropna(subset=["partner_group"]).groupby'), CHECK], False),
    ([CHECK], False),                                                   # no code to read: no note
    ([], False),                                                        # not in IPython
], ids=["kept", "dropped", "dropped-earlier", "dropna", "unknown", "no-ipython"])
def test_shares_note_when_the_code_kept_the_aggregates(trade, monkeypatch, cells, noted):
    """UX-22: does a right answer whose code (this session's cells) never drops the aggregate rows still
    pass, with a note that groupby dropped them by luck; and no note when they were dropped or it cannot
    be told?"""
    from kzlessons.exercises import _session, l07

    monkeypatch.setattr(_session, "inputs", lambda: list(cells))
    rows = trade[(trade["year"] == 2015) & (trade["basis"] == "reported")]   # aggregates kept
    verdict = check(SHARES, _group_shares(rows))
    assert verdict.passed, verdict.message
    assert (l07.AGGREGATES_NOTE.strip() in verdict.message) is noted, verdict.message


@pytest.mark.parametrize("decimals", [3, 4])
def test_shares_rounded_as_displayed_pass(trade, decimals):
    """Do shares rounded as the lesson shows them (round(3)) pass, and a dict of them too?"""
    rounded = _worked_shares(trade).round(decimals)
    assert check(SHARES, rounded).passed
    assert check(SHARES, rounded.to_dict()).passed


@pytest.mark.parametrize("decimals, words", [(2, "two decimals"), (1, "one decimal")])
def test_shares_rounded_too_far_are_told_it_is_the_rounding(trade, decimals, words, assert_named_hint):
    """R2-B24: are shares rounded to two (or one) decimals refused, with the rounding named as the reason
    (not "divide each group by the total", which calls a right method wrong)?"""
    verdict = check(SHARES, _worked_shares(trade).round(decimals))
    assert_named_hint(verdict, [f"rounded to {words}", "round(3)"])
    assert "Divide each group" not in verdict.message


def _eu28(trade: pd.DataFrame) -> pd.Series:
    rows = _rows(trade)
    shares = _group_shares(rows)
    uk = rows.loc[rows["partner_iso3"] == "GBR", "value_usd_mn"].sum() / rows["value_usd_mn"].sum()
    shares["EU-27"] += uk
    shares["Other"] -= uk
    return shares


WRONG_SHARES = {
    "percentages": (lambda t: _worked_shares(t) * 100, "percentages"),
    "values, not shares": (lambda t: _rows(t).groupby("partner_group", observed=True)["value_usd_mn"].sum(),
                           "US$ million"),
    "exports only": (lambda t: _group_shares(_rows(t, flow="exports")), "exports only"),
    "imports only": (lambda t: _group_shares(_rows(t, flow="imports")), "imports only"),
    "mirror basis": (lambda t: _group_shares(_rows(t, basis="mirror")), "mirror"),
    "both bases added": (lambda t: _group_shares(_rows(t, basis=None)), "counting the same trade twice"),
    "aggregates in the denominator": (
        lambda t: _group_shares(_rows(t, aggregates=True).dropna(subset=["partner_group"]),
                                total=_rows(t, aggregates=True)["value_usd_mn"].sum()),
        "aggregate rows"),
    "EU-28 (UK added)": (_eu28, "United Kingdom"),
    "wrong year 2014": (lambda t: _group_shares(_rows(t, year=2014)), "2014"),
    "wrong year 2013": (lambda t: _group_shares(_rows(t, year=2013)), "2013"),
    "EU only": (lambda t: _worked_shares(t)[["EU-27"]], "no entry for"),
    "no partner groups": (lambda t: pd.Series({"EU": 0.39}), "EU-27"),
    "a table per flow": (lambda t: _rows(t).pivot_table(index="partner_group", columns="flow",
                                                        values="value_usd_mn", aggfunc="sum", observed=True),
                         "several columns"),
    "a number": (lambda t: 0.393, "Series"),
}


@pytest.mark.parametrize("name", list(WRONG_SHARES))
def test_shares_wrong_methods_get_named_hints(trade, name):
    """Does each plausible wrong method get its own hint, never a pass?"""
    make, expected_words = WRONG_SHARES[name]
    verdict = check(SHARES, make(trade))
    assert not verdict.passed, name
    assert expected_words in verdict.message, (name, verdict.message)


def test_shares_unanswered_and_generic_messages(trade):
    """Do the starter None and an answer off by a little get plain next steps?"""
    assert "reported" in check(SHARES, None).message
    off = _worked_shares(trade)
    off["EU-27"] += 0.01
    off["Other"] -= 0.01
    verdict = check(SHARES, off)
    assert not verdict.passed and "partner_group" in verdict.message


def test_shares_that_do_not_add_up_are_explained(trade):
    """Do shares that do not sum to 1 (and match no named method) get told so?"""
    verdict = check(SHARES, _worked_shares(trade) * 0.9)
    assert not verdict.passed and "add up to" in verdict.message


# ---------------------------------------------------------------- confirmed share
def _worked_confirmed(claims: pd.DataFrame) -> pd.Series:
    confirmed = claims["status"] == "confirmed"
    return confirmed.groupby(claims["reading"], observed=True).mean()


def test_confirmed_worked_solution_passes_and_says_which_is_higher(claims):
    """Does the worked solution pass, with a message whose direction and gap come from the data
    (R2-B24: no fixed "B is higher", no "the gap is small")?"""
    shares = _worked_confirmed(claims)
    verdict = check(CONFIRMED, shares)
    assert verdict.passed, verdict.message
    assert f"{shares['A']:.0%}" in verdict.message and f"{shares['B']:.0%}" in verdict.message
    higher = "B" if shares["B"] > shares["A"] else "A"
    assert f"{higher}'s share is the higher" in verdict.message
    assert f"{100 * abs(shares['B'] - shares['A']):.1f} percentage points" in verdict.message
    assert "small" not in verdict.message


def test_confirmed_message_follows_the_data_when_a_leads(claims, monkeypatch):
    """If the fact base's verdicts were revised so that Reading A led, would the message say A?"""
    from kzlessons.exercises import l07

    monkeypatch.setattr(l07, "shares", lambda *a, **k: {"A": 0.8, "B": 0.6})
    verdict = check(CONFIRMED, {"A": 0.8, "B": 0.6})
    assert verdict.passed and "A's share is the higher one, by 20.0 percentage points" in verdict.message


def test_confirmed_crosstab_route_passes(claims):
    """Does the normalised crosstab column (another natural route) pass too?"""
    table = pd.crosstab(claims["reading"], claims["status"], normalize="index")
    assert check(CONFIRMED, table["confirmed"]).passed


def test_confirmed_rounded_as_displayed_passes(claims):
    """Does answer.round(2), as the worked solution shows it, pass, and the same as a dict of those numbers?"""
    rounded = _worked_confirmed(claims).round(2)
    assert check(CONFIRMED, rounded).passed
    assert check(CONFIRMED, {"A": float(rounded["A"]), "B": float(rounded["B"])}).passed


def _share(claims: pd.DataFrame, hit: pd.Series, keep: pd.Series | None = None) -> pd.Series:
    keep = pd.Series(True, index=claims.index) if keep is None else keep
    return hit[keep].groupby(claims.loc[keep, "reading"], observed=True).mean()


WRONG_CONFIRMED = {
    "counts": (lambda c: c[c["status"] == "confirmed"].groupby("reading", observed=True).size(), "counts"),
    "percentages": (lambda c: _worked_confirmed(c) * 100, "percentages"),
    "denominator: all claims": (
        lambda c: c[c["status"] == "confirmed"].groupby("reading", observed=True).size() / len(c), "all 70"),
    "partly confirmed counted": (
        lambda c: _share(c, c["status"].isin(["confirmed", "partly confirmed"])), "partly confirmed"),
    "mixed statuses counted (text mentions confirmed)": (
        lambda c: _share(c, c["status_detail"].astype(str).str.contains("confirmed")), "mentions"),
    "only unqualified status_detail": (
        lambda c: _share(c, c["status_detail"].astype(str) == "confirmed"), "status_detail"),
    "denominator: checkable claims only": (
        lambda c: _share(c, c["status"] == "confirmed",
                         ~c["status"].astype(str).isin(["opinion", "style note", "typo"])), "denominator"),
    "whole crosstab": (lambda c: pd.crosstab(c["reading"], c["status"]), "several columns"),
    "a number": (lambda c: 0.7, "Series"),
    "wrong index": (lambda c: pd.Series({"Reading A": 0.68, "Reading B": 0.70}), "cannot find"),
}


@pytest.mark.parametrize("name", list(WRONG_CONFIRMED))
def test_confirmed_wrong_methods_get_named_hints(claims, name):
    """Does each plausible wrong method get its own hint, never a pass?"""
    make, expected_words = WRONG_CONFIRMED[name]
    verdict = check(CONFIRMED, make(claims))
    assert not verdict.passed, name
    assert expected_words in verdict.message, (name, verdict.message)


SEVERAL_LEVELS = {
    # UX-7: a reading x status MultiIndex has the readings, as its first level; say so, not "cannot find A, B"
    "value_counts within each reading": (
        lambda c: c.groupby("reading", observed=True)["status"].value_counts(normalize=True),
        ["two index levels (reading and status)", 'Keep only the share of "confirmed"',
         'shares for "confirmed" are right']),
    "counts of every reading and status": (
        lambda c: c.groupby(["reading", "status"], observed=True).size(),
        ["two index levels (reading and status)", 'Keep only the share of "confirmed"']),
    "value_counts within each status": (
        lambda c: c.groupby("status", observed=True)["reading"].value_counts(normalize=True),
        ["two index levels (status and reading)", "grouped by status first", "within each reading"]),
    "unnamed levels": (
        lambda c: pd.Series([0.68, 0.32], index=pd.MultiIndex.from_tuples([("A", "x"), ("A", "y")])),
        ["two index levels (level 0 and level 1)", "indexed by reading (A, B) alone"]),
}


@pytest.mark.parametrize("name", list(SEVERAL_LEVELS))
def test_confirmed_several_index_levels_are_named(claims, name, assert_named_hint):
    """UX-7: does an answer with two index levels get a hint naming the levels and what to keep (never
    "I cannot find reading(s) A, B"), and say so when its "confirmed" shares are right?"""
    make, phrases = SEVERAL_LEVELS[name]
    verdict = check(CONFIRMED, make(claims))
    assert_named_hint(verdict, phrases)
    assert "cannot find" not in verdict.message
    if "right" not in " ".join(phrases):
        assert "are right" not in verdict.message


def test_confirmed_starter_none_gets_a_hint():
    """Does the untouched starter get a hint naming groupby?"""
    verdict = check(CONFIRMED, None)
    assert not verdict.passed and "Group" in verdict.message


# ---------------------------------------------------------------- forecast verdicts
FORECASTS = "l07-forecast-verdicts"


def _lesson_verdicts() -> dict:
    from kzlessons.exercises import l07

    return {name: dict(f.lesson) for name, f in l07.forecasts().items()}


def _with(name: str, **parts: str) -> dict:
    answer = _lesson_verdicts()
    answer[name] = {**answer[name], **{k.replace("_", " "): v for k, v in parts.items()}}
    return answer


def test_forecasts_lesson_verdicts_pass():
    """Do the lesson's own answers pass, and does the message say how many match the lesson's?"""
    verdict = check(FORECASTS, _lesson_verdicts())
    assert verdict.passed, verdict.message
    assert "All of the five match" in verdict.message


def test_forecasts_other_defensible_verdicts_pass():
    """Is a different but defensible judgement accepted (the check does not mark opinions)?"""
    answer = _with("Forecast 1 (UN votes)", Moscow_pressed="yes", verdict="borne out")
    answer["Forecast 4 (CSTO and SCO)"] = {"Moscow pressed": "yes", "Kazakhstan gave way": "unclear",
                                           "verdict": "partly borne out"}
    answer["Forecast 5 (re-invent)"] = {"Moscow pressed": "yes", "Kazakhstan gave way": "partly",
                                        "verdict": "unclear"}
    verdict = check(FORECASTS, answer)
    assert verdict.passed, verdict.message
    assert "Two of the five match" in verdict.message


def test_forecast_1_does_not_force_undocumented_pressure():
    """Russia's note went to some UN members, not known to include Kazakhstan (S260): may a learner say
    the pressure on Kazakhstan is unclear, with a verdict that follows, and is "no" still refused?"""
    verdict = check(FORECASTS, _with("Forecast 1 (UN votes)", Moscow_pressed="unclear", verdict="unclear"))
    assert verdict.passed, verdict.message
    refused = check(FORECASTS, _with("Forecast 1 (UN votes)", Moscow_pressed="no", verdict="not borne out"))
    assert not refused.passed and "not known" in refused.message


def test_forecasts_spelling_and_case_are_forgiven():
    """Are keys and words matched without regard to case and spacing?"""
    answer = {name.upper(): {k.lower(): f"  {v.title()} " for k, v in parts.items()}
              for name, parts in _lesson_verdicts().items()}
    assert check(FORECASTS, answer).passed


WRONG_FORECASTS = {
    # R2-B1: a forecast of pressure judged by Kazakhstan's compliance
    "pressure forecast judged by compliance": (
        _with("Forecast 1 (UN votes)", verdict="not borne out"),
        ["Forecast 1 (UN votes)", "what Moscow would do", "Judge a forecast by what it forecast"]),
    "re-invention judged by pressure": (
        _with("Forecast 5 (re-invent)", verdict="borne out"),
        ["Forecast 5 (re-invent)", "re-invent its foreign policy", "not whether Moscow pressed"]),
    "no evidence read as no": (
        _with("Forecast 2 (Syria)", Moscow_pressed="no"),
        ["Forecast 2 (Syria)", "No evidence either way is \"unclear\""]),
    "unclear pressure, firm verdict": (
        _with("Forecast 4 (CSTO and SCO)", Moscow_pressed="unclear", verdict="not borne out"),
        ["Forecast 4 (CSTO and SCO)", "does not follow from your own answers"]),
    # the record in the lesson, computed from un_votes for the vote-based parts
    "the documented note denied": (
        _with("Forecast 1 (UN votes)", Moscow_pressed="no"), ["S260", "unfriendly gesture"]),
    "Kazakhstan sided with Russia throughout": (
        _with("Forecast 1 (UN votes)", Kazakhstan_gave_way="yes"), ["voted as Russia did on 8 of the 20"]),
    "Kazakhstan never sided with Russia": (
        _with("Forecast 1 (UN votes)", Kazakhstan_gave_way="no"), ["\"partly\""]),
    "Syria: sided with Russia": (
        _with("Forecast 2 (Syria)", Kazakhstan_gave_way="partly"), ["on 0 of the"]),
    "EEU: joined the food ban": (
        _with("Forecast 3 (EEU)", Kazakhstan_gave_way="yes"), ["food ban", "S133"]),
    "EEU: the union used": (
        _with("Forecast 3 (EEU)", Moscow_pressed="yes"), ["Russia's own measures"]),
    "re-invented": (
        _with("Forecast 5 (re-invent)", Kazakhstan_gave_way="yes"), ["Concept was kept"]),
    # form
    "template left as it is": (
        {name: {"Moscow pressed": "?", "Kazakhstan gave way": "?", "verdict": "?"} for name in _lesson_verdicts()},
        ["still a question mark", "Forecast 1 (UN votes)"]),
    "a word off the list": (
        _with("Forecast 3 (EEU)", verdict="false"), ["\"false\"", "\"not borne out\""]),
    "a forecast missing": (
        {k: v for k, v in _lesson_verdicts().items() if "Syria" not in k}, ["cannot find Forecast 2 (Syria)"]),
    "a list instead of a dict": (["partly borne out"] * 5, ["should be a dict", "list"]),
    "an entry that is not a dict": (
        {**_lesson_verdicts(), "Forecast 3 (EEU)": "not borne out"}, ["entry for Forecast 3 (EEU)"]),
}


@pytest.mark.parametrize("name", list(WRONG_FORECASTS))
def test_forecasts_slips_get_named_hints(name, assert_named_hint):
    """Does each slip (judging a forecast by the wrong part, denying the record, a form error) get a hint
    naming it, never a pass?"""
    answer, phrases = WRONG_FORECASTS[name]
    assert_named_hint(check(FORECASTS, answer), phrases)


def test_forecasts_starter_none_gets_a_hint():
    verdict = check(FORECASTS, None)
    assert not verdict.passed and "my_forecast_verdicts" in verdict.message


@pytest.mark.parametrize("answer", [float("nan"), "", {}, {"Forecast 1 (UN votes)": None}, pd.DataFrame(), 42,
                                    {name: {} for name in _lesson_verdicts()}])
def test_forecasts_odd_answers_get_a_sentence(answer):
    """Odd answers: a plain sentence, never a pass, never Python internals."""
    verdict = check(FORECASTS, answer)
    assert not verdict.passed
    assert "Error" not in verdict.message and "could not read" not in verdict.message, verdict.message


def test_forecasts_vote_answers_follow_the_data(monkeypatch):
    """Are the vote-based answers computed from un_votes: if Kazakhstan had voted as Russia did on every
    Ukraine roll call, would "yes" be the supported answer for Forecast 1?"""
    from kzlessons.exercises import l07

    record = l07._ukraine_record()
    monkeypatch.setattr(l07, "_ukraine_record", lambda: record.assign(KAZ=record["RUS"]))
    assert l07.forecasts()["Forecast 1 (UN votes)"].supported["Kazakhstan gave way"] == ("yes",)
