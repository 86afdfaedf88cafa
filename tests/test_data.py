"""Tests for the curated datasets in data/ and the loader kzlessons.data."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from kzlessons import _paths
from kzlessons import data as kd

DATA = _paths.data_dir()
PACKAGE = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = {r["name"]: r for r in PACKAGE["resources"]}
NAMES = list(RESOURCES)
EXPECTED = {
    "sources", "events", "organisations", "partners", "trade", "eu_trade_monthly", "un_votes",
    "un_roll_calls", "un_issues", "ideal_points", "ukraine_votes", "macro", "claims", "key_figures",
    "trade_bns",
}


@pytest.fixture(autouse=True)
def _fresh_cache():
    kd.clear_cache()
    yield
    kd.clear_cache()


def _tally(resolution: str) -> dict[str, int]:
    votes = kd.load("ukraine_votes")
    counts = votes[votes["resolution"] == resolution]["vote"].value_counts()
    return {k: int(v) for k, v in counts.items() if v}


def _vote(resolution: str, iso3: str) -> str:
    votes = kd.load("ukraine_votes")
    row = votes[(votes["resolution"] == resolution) & (votes["iso3"] == iso3)]
    assert len(row) == 1
    return str(row["vote"].iloc[0])


# ----------------------------------------------------------------------------- registry


def test_names_are_the_documented_datasets():
    """Does names() list exactly the fifteen datasets of ARCHITECTURE.md?"""
    assert set(kd.names()) == EXPECTED
    assert kd.names() == NAMES


def test_every_resource_has_citation_licence_and_source():
    """Does every resource carry a citation, a licence and a source?"""
    for res in PACKAGE["resources"]:
        assert res["citation"].strip(), res["name"]
        assert res["licenses"] and all("name" in lic and "title" in lic for lic in res["licenses"])
        assert res["sources"] and all("title" in s for s in res["sources"])
        for field in res["schema"]["fields"]:
            assert field["type"] in {"string", "integer", "number", "boolean", "date", "year"}
            assert field["description"].strip(), (res["name"], field["name"])


# ----------------------------------------------------------------------------- schema


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_file_matches_schema(name):
    """Does the file have the descriptor's columns in order, dtypes, a unique key and enums respected?"""
    res = RESOURCES[name]
    fields = res["schema"]["fields"]
    frame = kd.load(name)
    assert list(frame.columns) == [f["name"] for f in fields]
    for f in fields:
        col = frame[f["name"]]
        cons = f.get("constraints", {})
        if cons.get("required"):
            assert not col.isna().any(), f"{name}.{f['name']} has missing values"
        if "enum" in cons:
            assert isinstance(col.dtype, pd.CategoricalDtype)
            assert list(col.cat.categories) == cons["enum"]
        elif f["type"] == "date":
            assert col.dtype.kind == "M", f["name"]
        elif f["type"] in ("integer", "year"):
            assert col.dtype.kind == "i" or str(col.dtype) == "Int64", f["name"]
        elif f["type"] == "number":
            assert col.dtype.kind == "f", f["name"]
        elif f["type"] == "boolean":
            assert str(col.dtype) in ("bool", "boolean"), f["name"]
    key = res["schema"]["primaryKey"]
    assert not frame[key].isna().any().any()
    assert not frame.duplicated(key).any()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_raw_values_respect_enums(name):
    """Does every category value in the raw CSV belong to its declared enum (none silently lost)?"""
    res = RESOURCES[name]
    raw = pd.read_csv(DATA / res["path"], dtype=str, keep_default_na=False)
    for f in res["schema"]["fields"]:
        enum = f.get("constraints", {}).get("enum")
        if enum is not None:
            values = set(raw[f["name"]]) - {""}
            assert values <= set(enum), (name, f["name"], sorted(values - set(enum))[:5])


def test_codebook_lists_the_columns():
    """Does codebook() give name, type, unit and description for each column of load()?"""
    for name in NAMES:
        book = kd.codebook(name)
        assert list(book.columns) == ["name", "type", "unit", "description"]
        assert list(book["name"]) == list(kd.load(name).columns)


def test_units_where_they_apply():
    """Do money and rate columns state their unit?"""
    assert kd.codebook("trade").set_index("name").loc["value_usd_mn", "unit"] == "USD millions"
    assert kd.codebook("eu_trade_monthly").set_index("name").loc["value_eur", "unit"] == "euros"
    macro = kd.load("macro")
    units = macro[(macro["iso3"] == "KAZ") & (macro["indicator"] == "exchange_rate")]["unit"].unique()
    assert len(units) == 1 and "tenge per US dollar" in units[0]


def test_cite_names_original_publishers():
    """Does cite() name the original publisher rather than the repository that carried the data?"""
    assert "International Monetary Fund" in kd.cite("trade")
    assert "Voeten" in kd.cite("un_votes") and "Voeten" in kd.cite("un_roll_calls")
    assert "Bailey" in kd.cite("ideal_points") and "Strezhnev" in kd.cite("ideal_points")
    assert "World Bank" in kd.cite("macro") and "CC BY 4.0" in kd.cite("macro")
    assert "Eurostat" in kd.cite("eu_trade_monthly")
    assert "United Nations" in kd.cite("ukraine_votes") and "A/ES-11/PV.5" in kd.cite("ukraine_votes")
    assert "Bureau of National Statistics" in kd.cite("trade_bns")


# ----------------------------------------------------------------------------- known values


def test_res_68_262_tally():
    """Does A/RES/68/262 tally 100 yes, 11 no, 58 abstain and 24 absent, as S5 reports?"""
    assert _tally("A/RES/68/262") == {"yes": 100, "no": 11, "abstain": 58, "absent": 24}


def test_res_es_11_1_tally():
    """Does A/RES/ES-11/1 tally 141 yes, 5 no, 35 abstain and 12 absent?"""
    assert _tally("A/RES/ES-11/1") == {"yes": 141, "no": 5, "abstain": 35, "absent": 12}


def test_kazakhstan_ukraine_votes():
    """Did Kazakhstan abstain on 68/262, ES-11/1, ES-11/4 and ES-11/6 and vote no on ES-11/3?"""
    assert _vote("A/RES/68/262", "KAZ") == "abstain"
    assert _vote("A/RES/ES-11/1", "KAZ") == "abstain"
    assert _vote("A/RES/ES-11/3", "KAZ") == "no"
    assert _vote("A/RES/ES-11/4", "KAZ") == "abstain"
    assert _vote("A/RES/ES-11/6", "KAZ") == "abstain"


def test_post_soviet_votes_on_68_262_match_reading_b():
    """Do the post-Soviet votes on 68/262 match claim B27 (S6)?"""
    expected = {
        "GEO": "yes", "UKR": "yes", "MDA": "yes", "AZE": "yes", "EST": "yes", "LVA": "yes", "LTU": "yes",
        "RUS": "no", "BLR": "no", "ARM": "no", "TJK": "absent", "TKM": "absent", "KGZ": "absent",
        "KAZ": "abstain", "UZB": "abstain",
    }
    assert {iso: _vote("A/RES/68/262", iso) for iso in expected} == expected


def test_ukraine_votes_hold_every_member_on_all_seven():
    """Does ukraine_votes hold 68/262 and ES-11/1 … /6 for all 193 members, with Kazakhstan's six ES-11 votes?"""
    votes = kd.load("ukraine_votes")
    assert votes.groupby("resolution", observed=True)["iso3"].nunique().eq(193).all()
    assert len(votes["resolution"].unique()) == 7
    kaz = votes[votes["iso3"] == "KAZ"].set_index("resolution")["vote"].astype(str)
    assert [kaz[f"A/RES/ES-11/{i}"] for i in range(1, 7)] == ["abstain", "abstain", "no", "abstain", "abstain", "abstain"]


def test_un_votes_agree_with_ukraine_votes():
    """Does rcid 5309 in un_votes give the same 68/262 votes as ukraine_votes?"""
    uv = kd.load("un_votes")
    r = uv[uv["rcid"] == 5309].set_index("iso3")["vote"].astype(str)
    votes = kd.load("ukraine_votes")
    u = votes[(votes["resolution"] == "A/RES/68/262") & (votes["vote"] != "absent")]
    assert r.sort_index().to_dict() == u.set_index("iso3")["vote"].astype(str).sort_index().to_dict()
    rc = kd.load("un_roll_calls").set_index("rcid")
    assert rc.loc[5309, "date"] == pd.Timestamp("2014-03-27")


def test_kzt_per_usd():
    """Is the KZT/USD rate about 179.2 in 2014 and 221.7 in 2015 (WDI)?"""
    macro = kd.load("macro")
    rate = macro[(macro["iso3"] == "KAZ") & (macro["indicator"] == "exchange_rate")].set_index("year")["value"]
    assert rate[2014] == pytest.approx(179.2, abs=0.05)
    assert rate[2015] == pytest.approx(221.7, abs=0.05)
    assert macro["year"].between(1990, 2024).all()


def test_events_include_bri_and_es_11_3():
    """Do the events include Xi's Silk Road speech on 7 Sep 2013 and ES-11/3 on 7 Apr 2022?"""
    events = kd.load("events")
    bri = events[events["date"] == pd.Timestamp("2013-09-07")]
    assert len(bri) == 1 and "Silk Road" in bri["description"].iloc[0]
    es3 = events[events["description"].str.contains("ES-11/3")]
    assert len(es3) == 1 and es3["date"].iloc[0] == pd.Timestamp("2022-04-07")
    assert es3["category"].iloc[0] == "un"
    import yaml  # every record of the fact base reaches the data, no more, no fewer
    records = yaml.safe_load((Path(__file__).resolve().parents[1] / "facts" / "events.yaml").read_text(encoding="utf-8"))
    assert len(events) == len(records) > 69


def test_event_dates_parse_ranges_and_precision():
    """Are ranges, months and bare years parsed into date, date_end and date_precision?"""
    e = kd.load("events").set_index("date_text")
    assert e.loc["Sep–Oct 2015", "date"] == pd.Timestamp("2015-09-01")  # the 550th anniversary (E115)
    assert e.loc["Sep–Oct 2015", "date_end"] == pd.Timestamp("2015-10-31")
    assert e.loc["Sep–Oct 2015", "date_precision"] == "month"
    assert e.loc["20–21 Nov 1994", "date_end"] == pd.Timestamp("1994-11-21")  # Project Sapphire's airlift (E012)
    assert e.loc["2–11 Jan 2022", "date_end"] == pd.Timestamp("2022-01-11")
    assert e.loc["21 Sep–4 Oct 2022", "date_end"] == pd.Timestamp("2022-10-04")
    assert e.loc["2016", "date_precision"] == "year"
    assert e.loc["Apr 1995", "date"] == pd.Timestamp("1995-04-01")
    assert e.loc["10–11 May 2022", "category"] == "diplomacy"  # DIP/SEC takes the first


def test_claims_and_sources_counts():
    """Are the sources numbered S1, S2, … in order with no reused number, and are there 70 claims?"""
    src = kd.load("sources")
    numbers = [int(s[1:]) for s in src["source_id"]]
    assert numbers == sorted(set(numbers)) and numbers[:86] == list(range(1, 87))
    claims = kd.load("claims")
    assert len(claims) == 70
    assert claims.set_index("claim_id").loc["A4", "status"] == "corrected"


def test_corrected_fact_base_reaches_the_data():
    """Do the data carry facts.md's corrections: pipeline (not route), gas transit, the WTO date's source?"""
    events = kd.load("events").set_index("event_id")
    assert "first export pipeline bypassing Russia" in events.loc["E019", "description"]
    assert "Turkmen gas through Kazakhstan" in events.loc["E021", "description"]
    assert "S84" in events.loc["E033", "source_ids"]
    assert "unverified" in kd.load("claims").set_index("claim_id").loc["B16", "status_detail"]


def test_december_fact_base_corrections_reach_the_data():
    """Do the data carry the later corrections: E001's source, B8 and B9, E048's S85?"""
    events = kd.load("events").set_index("event_id")
    claims = kd.load("claims").set_index("claim_id")
    assert events.loc["E001", "source_ids"] == "S41"
    assert events.loc["E048", "source_ids"] == "S85"
    assert claims.loc["B8", "status"] == "partly confirmed"
    assert "39.3%" in claims.loc["B9", "note"]
    sources = kd.load("sources").set_index("source_id")
    assert "Caspian Pipeline Consortium" in sources.loc["S86", "title"]


def test_every_source_id_resolves():
    """Does every source id in every dataset resolve to a row of sources?"""
    known = set(kd.load("sources")["source_id"])
    for name in NAMES:
        frame = kd.load(name)
        if "source_ids" not in frame.columns:
            continue
        for cell in frame["source_ids"].dropna():
            for sid in str(cell).split(";"):
                assert re.fullmatch(r"S\d+", sid) and sid in known, (name, cell)


def test_trade_bases_and_aggregates():
    """Does trade have both bases for 1992–2020 and flag World as an aggregate without ISO code?"""
    trade = kd.load("trade")
    assert set(trade["basis"].astype(str)) == {"reported", "mirror"}
    assert trade["year"].min() == 1992 and trade["year"].max() == 2020
    world = trade[trade["partner"] == "World"]
    assert world["is_aggregate"].all() and world["partner_iso3"].isna().all()
    countries = trade[~trade["is_aggregate"]]
    assert countries["partner_iso3"].notna().all() and countries["partner_group"].notna().all()
    rus = countries[(countries["partner_iso3"] == "RUS") & (countries["basis"] == "reported")]
    assert (rus["partner_group"] == "Russia").all() and len(rus) > 40


def test_partners_cover_every_code():
    """Does partners have a row for every country code used in the other datasets?"""
    partners = kd.load("partners")
    codes = set(partners["iso3"])
    used = set(kd.load("trade")["partner_iso3"].dropna())
    used |= set(kd.load("un_votes")["iso3"].astype(str))
    used |= set(kd.load("ukraine_votes")["iso3"])
    used |= set(kd.load("ideal_points")["iso3"])
    used |= set(kd.load("eu_trade_monthly")["partner_iso3"].astype(str))
    assert used <= codes, sorted(used - codes)
    groups = partners.set_index("iso3")["partner_group"].astype(str)
    assert (groups == "EU-27").sum() == 28  # 27 members + the old Belgium-Luxembourg unit
    assert groups[["KGZ", "TJK", "TKM", "UZB"]].eq("Central Asia").all()
    assert groups["TUR"] == "Türkiye" and groups["USA"] == "US" and groups["GBR"] == "Other"


def test_ideal_points_kazakhstan():
    """Does Kazakhstan's final-passage ideal point move -0.47 (2021) to -0.92 (2022) to -0.36 (2023)?"""
    ip = kd.load("ideal_points")
    kaz = ip[ip["iso3"] == "KAZ"].set_index("year")["ideal_point"]
    assert kaz[2021] == pytest.approx(-0.47, abs=0.01)
    assert kaz[2022] == pytest.approx(-0.92, abs=0.01)
    assert kaz[2023] == pytest.approx(-0.36, abs=0.01)


def test_eu_trade_monthly_shape():
    """Does eu_trade_monthly have 27 reporters, 7 partners, 36 months and nullable values?"""
    eu = kd.load("eu_trade_monthly")
    assert eu["reporter"].nunique() == 27 and eu["partner_iso3"].nunique() == 7
    assert eu["month"].nunique() == 36
    assert eu[eu["month"] == pd.Timestamp("2022-12-01")]["value_eur"].isna().all()


def test_organisations_rows():
    """Do the organisations include CSTO (joined 1992) and the EAEU (2015), and not the OSCE?"""
    org = kd.load("organisations").set_index("org_id")
    assert org.loc["CSTO", "kazakhstan_joined"] == pd.Timestamp("1992-05-15")
    assert org.loc["EAEU", "kazakhstan_joined"] == pd.Timestamp("2015-01-01")
    assert "OSCE" not in org.index


# ----------------------------------------------------------------------------- loader behaviour


def test_load_returns_a_copy():
    """Does changing a loaded frame leave the next load() untouched?"""
    first = kd.load("events")
    first.loc[0, "title"] = "changed"
    first["status"] = "changed"
    again = kd.load("events")
    assert again.loc[0, "title"] != "changed" and (again["status"] != "changed").all()


def test_unknown_name_suggests_closest():
    """Does an unknown name raise a KeyError that lists the datasets and suggests the closest?"""
    with pytest.raises(KeyError) as info:
        kd.load("trades")
    assert isinstance(info.value, kd.DatasetNotFound)
    message = str(info.value)
    assert "'trade'" in message and "un_votes" in message
    with pytest.raises(kd.DatasetNotFound):
        kd.codebook("nope")
    with pytest.raises(kd.DatasetNotFound):
        kd.cite("nope")


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    monkeypatch.setattr(kd, "data_dir", lambda: target)
    return target


def _check_error(name: str) -> str:
    with pytest.raises(kd.DataFileError) as info:
        kd.load(name)
    message = str(info.value)
    assert "curate_data.py" in message and "make data" in message
    error = info.value  # raised "from None" (or outside any except): no pandas traceback shown
    assert error.__cause__ is None and (error.__context__ is None or error.__suppress_context__)
    return message


def test_missing_file_error(data_copy):
    """Does a missing file give a plain error naming the file and the rebuild command?"""
    (data_copy / "events.csv").unlink()
    assert "events.csv" in _check_error("events")


def test_truncated_gzip_error(data_copy):
    """Does a truncated gzip file give a plain error naming the file?"""
    path = data_copy / RESOURCES["un_votes"]["path"]
    path.write_bytes(path.read_bytes()[:5000])
    assert "un_votes.csv.gz" in _check_error("un_votes")


def test_not_gzip_error(data_copy):
    """Does a file that is not gzip at all give the same plain error?"""
    (data_copy / RESOURCES["macro"]["path"]).write_bytes(b"this is not gzip")
    assert "macro.csv.gz" in _check_error("macro")


def test_wrong_columns_error(data_copy):
    """Does a file with renamed columns give an error listing the expected columns?"""
    path = data_copy / "claims.csv"
    text = path.read_text(encoding="utf-8").replace("claim_id,", "id,", 1)
    path.write_text(text, encoding="utf-8")
    assert "expected" in _check_error("claims")


def test_unparseable_values_error(data_copy):
    """Does a value of the wrong type (text in a year column) give a plain error?"""
    path = data_copy / "events.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace(",1990,", ",nineteen-ninety,", 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert "events.csv" in _check_error("events")


def test_value_outside_codebook_error(data_copy):
    """Does a category value the codebook does not allow give a plain error instead of a silent NaN?"""
    path = data_copy / "claims.csv"
    text = path.read_text(encoding="utf-8").replace("A1,A,", "A1,Z,", 1)
    path.write_text(text, encoding="utf-8")
    assert "reading" in _check_error("claims")


def test_damaged_descriptor_error(data_copy):
    """Does a damaged datapackage.json give a plain error with the rebuild command?"""
    (data_copy / "datapackage.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(kd.DataFileError) as info:
        kd.names()
    assert "datapackage.json" in str(info.value) and "curate_data.py" in str(info.value)


def test_gzip_files_are_reproducible():
    """Do the gzip files carry no file name and mtime 0, so rebuilds are byte-identical?"""
    for res in PACKAGE["resources"]:
        if res.get("compression") == "gz":
            head = (DATA / res["path"]).read_bytes()[:10]
            assert head[:2] == b"\x1f\x8b" and head[4:8] == b"\0\0\0\0", res["path"]
            with gzip.open(DATA / res["path"]) as fh:
                fh.read(100)


def test_data_folder_is_small():
    """Is data/ smaller than 15 MB in total?"""
    total = sum(p.stat().st_size for p in Path(DATA).rglob("*") if p.is_file())
    assert total < 15 * 1024 * 1024, total


def test_rows_and_bytes_in_descriptor_match_files():
    """Do the rows and bytes recorded in datapackage.json match the files?"""
    for res in PACKAGE["resources"]:
        assert (DATA / res["path"]).stat().st_size == res["bytes"]
        assert len(kd.load(res["name"])) == res["rows"]
