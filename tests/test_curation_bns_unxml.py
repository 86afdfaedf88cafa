"""The UN's recorded votes 2019–2026 and the BNS trade tables, as scripts/curate_unxml.py and
scripts/curate_bns.py curate them (PROVENANCE.md sections 7 and 8 of ../shared/sources)."""

from __future__ import annotations

import doctest
import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SCRIPTS = REPO / "scripts"
SOURCES = REPO.parent / "shared" / "sources"
needs_sources = pytest.mark.skipif(
    not SOURCES.is_dir(),
    reason="../shared/sources is not next to the repository (it is in CI); cannot read the raw data here",
)

ES11 = [f"A/RES/ES-11/{n}" for n in range(1, 7)]
OFFICIAL_ES11 = [(141, 5, 35), (140, 5, 38), (93, 24, 58), (143, 5, 35), (94, 14, 73), (141, 7, 32)]


def _module(name: str):
    if str(SCRIPTS) not in sys.path:  # curate_data imports factbase from scripts/
        sys.path.insert(0, str(SCRIPTS))
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _texts(value):
    """Every string inside a descriptor (nested dicts and lists)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _texts(v)
    elif isinstance(value, list):
        for v in value:
            yield from _texts(v)


@pytest.fixture(scope="module")
def cd():
    return _module("curate_data")


@pytest.fixture(scope="module")
def ux():
    return _module("curate_unxml")


@pytest.fixture(scope="module")
def cb():
    return _module("curate_bns")


@pytest.fixture(scope="module")
def voeten(cd):
    cw = cd.Crosswalk(SOURCES)
    votes, rc, _issues = cd.build_un(SOURCES, cw)
    return cw, votes, rc


@pytest.fixture(scope="module")
def un(ux, voeten):
    _cw, votes, rc = voeten
    return ux.extend_un(SOURCES, votes, rc)


@pytest.fixture(scope="module")
def ukraine(ux, voeten):
    cw, votes, rc = voeten
    return ux.ukraine_votes(SOURCES, votes, rc, cw.name)


@pytest.fixture(scope="module")
def bns(cd, cb, voeten):
    cw = voeten[0]
    return cb.trade_bns(SOURCES, cw.name, cd.partner_group, cd.EU27)


@pytest.mark.parametrize("name", ["curate_unxml", "curate_bns"])
def test_doctests(name):
    """Do the modules' docstring examples run as written?"""
    result = doctest.testmod(_module(name))
    assert result.attempted > 0 and result.failed == 0


# --- UN votes -----------------------------------------------------------------------------


@needs_sources
def test_session_74_overlap_is_identical(ux, voeten):
    """Do the UN's and Voeten's copies of session 74 agree: tallies, Kazakhstan's votes, every member?"""
    _cw, votes, rc = voeten
    res, un_votes = ux.read_unxml(SOURCES)
    overlap = ux.overlap_with_voeten(res, un_votes, votes, rc)
    assert len(overlap) == 90  # all of the UN's session-74 votes; Voeten has one more (74/267)
    for v in ("yes", "no", "abstain"):
        assert (overlap[f"{v}_un"] == overlap[f"{v}_voeten"]).all(), v
    assert (overlap.kaz_un == overlap.kaz_voeten).all()
    assert overlap.differences.sum() == 0


@needs_sources
def test_overlap_detects_a_changed_vote(ux, voeten):
    """Would the overlap check notice one member's vote changed in the UN copy?"""
    _cw, votes, rc = voeten
    res, un_votes = ux.read_unxml(SOURCES)
    first = res[res.session == "74"].resolution.iloc[0]
    row = un_votes.index[(un_votes.resolution == first) & (un_votes.iso3 == "KAZ")][0]
    changed = un_votes.copy()
    changed.loc[row, "vote"] = "no" if changed.loc[row, "vote"] != "no" else "yes"
    overlap = ux.overlap_with_voeten(res, changed, votes, rc)
    hit = overlap[overlap.unres == first].iloc[0]
    assert hit.differences == 1 and hit.kaz_un != hit.kaz_voeten


@needs_sources
def test_one_copy_of_each_roll_call(ux, voeten, un):
    """Is every roll call in un_roll_calls once, Voeten's kept, the UN's numbered after them?"""
    _cw, votes, rc = voeten
    out_votes, out_rc = un
    assert out_rc.rcid.is_unique and len(out_rc) == len(rc) + (out_rc.origin == ux.UN).sum()
    assert out_rc[out_rc.session >= 74].unres.is_unique  # (Voeten's older symbols repeat for amendments)
    assert set(rc.rcid) <= set(out_rc.rcid)
    assert out_votes[out_votes.rcid.isin(rc.rcid)].reset_index(drop=True).equals(
        votes.astype({"iso3": str, "vote": str}).reset_index(drop=True))
    new = out_rc[out_rc.origin == ux.UN]
    assert new.rcid.min() == ux.FIRST_RCID and new.date.is_monotonic_increasing
    assert new.session.min() == 75  # session 74 stays Voeten's
    assert (out_rc[out_rc.origin == ux.VOETEN].rcid < ux.FIRST_RCID).all()
    assert out_rc.loc[out_rc.unres == "A/RES/74/7", "meeting"].item() == "A/74/PV.28"


@needs_sources
def test_un_rows_give_every_member_and_not_voting_only_there(ux, un):
    """Does each UN roll call with member lists have 193 rows, and "not voting" appear only in UN roll calls?"""
    out_votes, out_rc = un
    origin = out_votes.rcid.map(out_rc.set_index("rcid").origin)
    per = out_votes[origin == ux.UN].groupby("rcid").size()
    assert (per == 193).all()
    listed = set(out_rc[(out_rc.origin == ux.UN)].rcid) - set(per.index)
    assert out_rc[out_rc.rcid.isin(listed)].unres.tolist() == ["A/RES/75/254 A-C"]  # no lists in the source
    assert set(out_votes.loc[origin == ux.VOETEN, "vote"]) == {"yes", "no", "abstain"}
    assert ux.NOT_VOTING in set(out_votes.loc[origin == ux.UN, "vote"])


@needs_sources
def test_printed_tallies_match_the_rows_or_say_why(ux, un):
    """Does every UN roll call's printed tally equal its rows, except where the note explains it?"""
    out_votes, out_rc = un
    counts = out_votes.groupby(["rcid", "vote"]).size().unstack(fill_value=0)
    rows = out_rc[(out_rc.origin == ux.UN) & out_rc.rcid.isin(counts.index)].set_index("rcid")
    mismatch = ((rows.yes_tally != counts.loc[rows.index, "yes"])
                | (rows.no_tally != counts.loc[rows.index, "no"])
                | (rows.abstain_tally != counts.loc[rows.index, "abstain"]))
    assert rows[mismatch].unres.tolist() == ["A/RES/77/293"]
    assert "58 abstentions against 59" in rows[mismatch].note.item()


@needs_sources
def test_kazakhstan_votes_every_year_1992_to_2026(ux, un):
    """Does one query give Kazakhstan's votes in every year from 1992 to 2026?"""
    out_votes, out_rc = un
    kaz = out_votes[(out_votes.iso3 == "KAZ") & (out_votes.vote != ux.NOT_VOTING)]
    years = set(kaz.rcid.map(out_rc.set_index("rcid").date).dt.year)
    assert set(range(1992, 2027)) <= years


@needs_sources
def test_es11_tallies_are_official(ukraine):
    """Do the six ES-11 tallies equal the official results?"""
    for symbol, official in zip(ES11, OFFICIAL_ES11):
        n = ukraine[ukraine.resolution == symbol].vote.value_counts()
        assert (n["yes"], n["no"], n["abstain"]) == official, symbol
    n = ukraine[ukraine.resolution == "A/RES/68/262"].vote.value_counts()
    assert (n["yes"], n["no"], n["abstain"], n["absent"]) == (100, 11, 58, 24)


@needs_sources
def test_kazakhstan_es11_votes(ukraine):
    """Is Kazakhstan's ES-11 record abstain, abstain, no, abstain, abstain, abstain?"""
    kaz = ukraine[ukraine.iso3 == "KAZ"].set_index("resolution").vote
    assert [kaz[r] for r in ES11] == ["abstain", "abstain", "no", "abstain", "abstain", "abstain"]
    assert kaz["A/RES/68/262"] == "abstain"


@needs_sources
def test_every_member_has_all_six_es11_votes(ukraine):
    """Does ukraine_votes hold a vote for all 193 members on each ES-11 resolution and on 68/262?"""
    es = ukraine[ukraine.resolution.isin(ES11)]
    assert es.vote.notna().all()
    per_member = es.groupby("iso3").resolution.nunique()
    assert len(per_member) == 193 and (per_member == 6).all()
    assert ukraine.groupby("resolution").iso3.nunique().eq(193).all()
    assert ukraine.meeting.notna().all() and ukraine.country.notna().all()


@needs_sources
def test_es11_1_matches_one_campaign_copy(ukraine):
    """Does the UN's ES-11/1 equal ONE's copy of the UN record, member by member?"""
    import pandas as pd

    one = pd.read_csv(SOURCES / "unga_es11_1_votes_one/es11_1_votes.csv", keep_default_na=False)
    theirs = dict(zip(one.iso_code, one.vote.map(
        {"Approve": "yes", "Against": "no", "Abstain": "abstain", "Absent": "absent"})))
    ours = ukraine[ukraine.resolution == "A/RES/ES-11/1"].set_index("iso3").vote.to_dict()
    assert ours == theirs


@needs_sources
def test_un_descriptors_fit_the_tables(cd, ux, un, ukraine):
    """Do the codebooks of un_votes, un_roll_calls and ukraine_votes pass the build's table check?"""
    out_votes, out_rc = un
    tables = {"un_votes": out_votes, "un_roll_calls": out_rc, "ukraine_votes": ukraine}
    for res in ux.descriptors(tables, cd):
        cd.check_table(res["name"], tables[res["name"]], res)
        assert not [t for t in _texts(res) if "{" in t], res["name"]  # no placeholder left unformatted
        assert "United Nations" in res["citation"]
    cite = {r["name"]: r["citation"] for r in ux.descriptors(tables, cd)}
    assert "A/ES-11/PV.5" in cite["ukraine_votes"] and "A/68/PV.80" in cite["ukraine_votes"]


# --- BNS trade ----------------------------------------------------------------------------


@needs_sources
def test_country_rows_add_up_to_world(cb, bns):
    """Do the country rows of every year, edition and flow add up to the World row (to rounding)?"""
    countries = bns[~bns.is_aggregate].groupby(["year", "vintage", "flow"]).value_usd_mn.sum()
    world = bns[bns.partner == "World"].set_index(["year", "vintage", "flow"]).value_usd_mn
    assert len(world) == 20  # 2018 … 2023, 2019–2022 in two editions, two flows
    assert ((countries - world).abs() <= cb.ROUNDING_USD_MN).all()


@needs_sources
def test_eu27_rebuilt_from_members(cd, cb, bns):
    """Is the EU-27 row the sum of the 27 members, and the BNS 'EU countries' row that plus the UK to 2022?"""
    latest = bns[bns.latest]
    members = latest[latest.iso3.isin(cd.EU27)].groupby(["year", "flow"]).value_usd_mn.sum()
    eu27 = latest[latest.partner == cb.EU27_ROW].set_index(["year", "flow"]).value_usd_mn
    assert ((members - eu27).abs() < 1e-6).all()
    bns_eu = latest[latest.partner == "EU countries"].set_index(["year", "flow"]).value_usd_mn
    uk = latest[latest.iso3 == "GBR"].set_index(["year", "flow"]).value_usd_mn.fillna(0)
    gap = bns_eu - eu27
    assert ((gap - uk).loc[2018:2022].abs() <= cb.ROUNDING_USD_MN).all()
    assert (gap.loc[2023].abs() <= cb.ROUNDING_USD_MN).all() and (uk.loc[2023] > 100).all()


@needs_sources
def test_overlap_with_dots_within_tolerance(cd, cb, voeten, bns):
    """Do the BNS figures for 2018–2020 agree with IMF DOTS within DOTS_TOLERANCE_PCT?"""
    trade, _imf = cd.build_trade(SOURCES, voeten[0])
    both = cb.compare_with_dots(bns, trade).set_index(["flow", "key", "year"]).pct
    assert set(both.index.get_level_values("year")) == {2018, 2019, 2020}
    for (flow, key), (low, high) in cb.DOTS_TOLERANCE_PCT.items():
        pct = both.xs((flow, key), level=["flow", "key"])
        assert len(pct) == 3 and pct.between(low, high).all(), (flow, key, pct.round(1).tolist())


@needs_sources
def test_editions_repeat_each_other(bns):
    """Do the two editions of 2019–2022 print the same figures (as the codebook says)?"""
    key = ["year", "flow", "partner"]
    twice = bns[bns.year.between(2019, 2022)]
    first = twice[~twice.latest].set_index(key).value_usd_mn
    later = twice[twice.latest].set_index(key).value_usd_mn
    assert first.index.sort_values().equals(later.index.sort_values())
    later = later.loc[first.index]
    assert (first.isna() == later.isna()).all()
    assert ((first - later).abs().fillna(0) <= 1e-4).all()  # 0.1 thousand US$, the printed precision
    assert bns.groupby(["year", "flow", "partner"]).latest.sum().eq(1).all()


@needs_sources
def test_recorded_by_and_groups(cb, bns):
    """Are the EAEU partners marked as survey data, and the aggregates without a partner group?"""
    countries = bns[~bns.is_aggregate]
    assert set(countries.loc[countries.recorded_by == "survey", "iso3"]) == set(cb.EAEU)
    assert bns.loc[bns.is_aggregate, "partner_group"].isna().all()
    assert bns.loc[bns.partner == "EAEU countries", "recorded_by"].eq("survey").all()
    russia = bns[bns.latest & (bns.iso3 == "RUS")].set_index(["year", "flow"]).value_usd_mn
    china = bns[bns.latest & (bns.iso3 == "CHN")].set_index(["year", "flow"]).value_usd_mn
    turnover = lambda s, y: s.loc[(y, "exports")] + s.loc[(y, "imports")]  # noqa: E731
    assert turnover(china, 2023) > turnover(russia, 2023) and turnover(china, 2022) < turnover(russia, 2022)


@needs_sources
def test_bns_descriptor_fits_the_table(cd, cb, voeten, bns):
    """Does the trade_bns codebook pass the build's table check, and can every code be named?"""
    (res,) = cb.descriptors({"trade_bns": bns}, cd)
    cd.check_table("trade_bns", bns, res)
    assert not [t for t in _texts(res) if "{" in t]  # no placeholder left unformatted
    assert res["citation"].startswith("Bureau of National Statistics")
    names = cb.extra_names(bns, voeten[0].name)
    assert {"PRI", "CYM"} <= set(names) and "CHN" not in names
