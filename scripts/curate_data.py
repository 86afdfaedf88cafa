#!/usr/bin/env python3
"""Build the curated datasets in ``data/`` from ``../shared/sources`` and the fact base in ``facts/``.

Usage::

    python scripts/curate_data.py                  # default: --shared ../shared --out data
    python scripts/curate_data.py --shared PATH --out DIR

Only the standard library and pandas are used. The output is deterministic: rows are
sorted by each dataset's primary key, floats are written with a fixed format, gzip files
carry no name and mtime 0, and ``datapackage.json`` is written with a fixed key order. So
running the script twice gives byte-identical files (``tests/test_curation.py`` checks this).

The fact-base tables (sources, events, claims, key figures, organisations) come from the
records in ``facts/*.yaml``, checked by ``scripts/factbase.py`` against the rules in
``facts/README.md``; the build stops on a broken rule. Nothing is added that a record or a
data file does not support.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import re
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
import curate_bns  # noqa: E402
import curate_unxml  # noqa: E402
import factbase  # noqa: E402  (scripts/ is not a package)

REPO = Path(__file__).resolve().parent.parent
FACTS = REPO / "facts"
FLOAT_FORMAT = "%.10g"
GZIP_OVER_BYTES = 400_000  # CSVs bigger than this are gzipped

# --------------------------------------------------------------------------------------
# Country codes and partner groups
# --------------------------------------------------------------------------------------

EU27 = (
    "AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT "
    "ROU SVK SVN ESP SWE"
).split()
CENTRAL_ASIA = ["KGZ", "TJK", "TKM", "UZB"]
GROUPS = ["Russia", "China", "EU-27", "US", "Türkiye", "Central Asia", "Other"]


def partner_group(iso3: str) -> str:
    if iso3 == "RUS":
        return "Russia"
    if iso3 == "CHN":
        return "China"
    if iso3 in EU27 or iso3 == "BLX":
        return "EU-27"
    if iso3 == "USA":
        return "US"
    if iso3 == "TUR":
        return "Türkiye"
    if iso3 in CENTRAL_ASIA:
        return "Central Asia"
    return "Other"


# un_votes country names that the ideal-points / ES-11/1 files do not spell the same way
UNVOTES_NAME_ISO3 = {
    "Côte d’Ivoire": "CIV",
    "Federal Republic of Germany": "DEU",  # West Germany; united Germany continues the seat
    "São Tomé & Príncipe": "STP",
    "Zanzibar": "ZAN",  # no ISO code; Correlates of War abbreviation
    "Yemen People's Republic": "YMD",  # former ISO 3166 code of South Yemen
}
# ISO-3 codes used for states that no longer exist (not all are current ISO codes)
HISTORICAL_NAMES = {
    "CSK": "Czechoslovakia",
    "DDR": "German Democratic Republic",
    "YAR": "Yemen Arab Republic",
    "YMD": "Yemen People's Republic",
    "ZAN": "Zanzibar",
    "YUG": "Yugoslavia",
    "SCG": "Serbia and Montenegro",
    "ANT": "Netherlands Antilles",
    "BLX": "Belgium-Luxembourg",
}

# IMF DOTS names -> ISO-3, for the names that simple cleaning cannot match
IMF_ISO3 = {
    "Afghanistan, Islamic Rep. of": "AFG", "American Samoa": "ASM", "Anguilla": "AIA",
    "Aruba, Kingdom of the Netherlands": "ABW", "Bahamas, The": "BHS", "Belgium-Luxembourg": "BLX",
    "Bermuda": "BMU", "Brunei Darussalam": "BRN", "Cabo Verde": "CPV",
    "China, P.R.: Hong Kong": "HKG", "China, P.R.: Macao": "MAC", "China, P.R.: Mainland": "CHN",
    "Comoros, Union of the": "COM", "Congo, Dem. Rep. of the": "COD", "Congo, Rep. of": "COG",
    "Czech Rep.": "CZE", "Czechoslovakia": "CSK", "Côte d'Ivoire": "CIV",
    "Egypt, Arab Rep. of": "EGY", "Eritrea, The State of": "ERI", "Eswatini, Kingdom of": "SWZ",
    "Ethiopia, The Federal Dem. Rep. of": "ETH", "Falkland Islands (Malvinas)": "FLK",
    "Faroe Islands": "FRO", "French Polynesia": "PYF", "Gambia, The": "GMB", "Gibraltar": "GIB",
    "Greenland": "GRL", "Guam": "GUM", "Holy See": "VAT", "Iran, Islamic Rep. of": "IRN",
    "Korea, Dem. People's Rep. of": "PRK", "Korea, Rep. of": "KOR", "Kosovo, Rep. of": "XKX",
    "Kyrgyz Rep.": "KGZ", "Lao People's Dem. Rep.": "LAO", "Micronesia, Federated States of": "FSM",
    "Montserrat": "MSR", "Netherlands Antilles": "ANT", "Netherlands, The": "NLD",
    "New Caledonia": "NCL", "North Macedonia, Republic of": "MKD", "Russian Federation": "RUS",
    "Serbia and Montenegro": "SCG", "Slovak Rep.": "SVK", "St. Kitts and Nevis": "KNA",
    "St. Lucia": "LCA", "St. Vincent and the Grenadines": "VCT", "Syrian Arab Rep.": "SYR",
    "São Tomé and Príncipe, Dem. Rep. of": "STP", "Taiwan Province of China": "TWN",
    "Tanzania, United Rep. of": "TZA", "Timor-Leste, Dem. Rep. of": "TLS", "Turkey": "TUR",
    "United States": "USA", "United Kingdom": "GBR", "Venezuela, Rep. Bolivariana de": "VEN",
    "Vietnam": "VNM", "West Bank and Gaza": "PSE", "Yemen, Rep. of": "YEM",
    "Bolivia": "BOL", "Central African Rep.": "CAF", "Dominican Rep.": "DOM", "Moldova, Rep. of": "MDA",
    "Kazakhstan, Rep. of": "KAZ", "Tanzania": "TZA", "Mauritania, Islamic Rep. of": "MRT",
    "Marshall Islands, Rep. of the": "MHL", "Bosnia and Herzegovina": "BIH",
}
# names for codes that appear only in DOTS (territories and former units)
TERRITORY_NAMES = {
    "ASM": "American Samoa", "AIA": "Anguilla", "ABW": "Aruba", "BMU": "Bermuda",
    "HKG": "Hong Kong", "MAC": "Macao", "FLK": "Falkland Islands", "FRO": "Faroe Islands",
    "PYF": "French Polynesia", "GIB": "Gibraltar", "GRL": "Greenland", "GUM": "Guam",
    "VAT": "Holy See", "XKX": "Kosovo", "MSR": "Montserrat", "NCL": "New Caledonia",
    "TWN": "Taiwan", "PSE": "Palestine (West Bank and Gaza)",
}
DOTS_AGGREGATES = {
    "Advanced Economies", "Africa", "Africa not specified", "Asia not specified",
    "Countries & Areas not specified", "Emerging and Developing Asia",
    "Emerging and Developing Economies", "Emerging and Developing Europe",
    "Emerging Market and Developing Economies by Source of Export Earnings: Fuel",
    "Emerging Market and Developing Economies by Source of Export Earnings: Nonfuel",
    "Euro Area", "Europe not specified", "European Union", "Middle East",
    "Middle East and Central Asia", "Other Countries not included elsewhere",
    "South African Common Customs Area (SACCA)", "Special Categories", "Sub-Saharan Africa",
    "Western Hemisphere", "Western Hemisphere not specified", "World",
}
KZ_IMF = "Kazakhstan, Rep. of"

# --------------------------------------------------------------------------------------
# Data files
# --------------------------------------------------------------------------------------


def _read(path: Path, **kw) -> pd.DataFrame:
    return pd.read_csv(path, keep_default_na=False, na_values=[""], **kw)


class Crosswalk:
    """ISO-3 codes and names assembled from the ideal-points, ES-11/1 and un_votes files."""

    def __init__(self, src: Path):
        ip = _read(src / "voeten_unga_idealpoints/idealpoints_july2025.csv")
        es = _read(src / "unga_es11_1_votes_one/es11_1_votes.csv")
        es["states"] = es.states.str.replace(r"\[.*?\]", "", regex=True).str.strip()
        self.name_to_iso3: dict[str, str] = {}
        for name, code in zip(ip.countryname, ip.iso3c):
            if isinstance(name, str) and isinstance(code, str):
                self.name_to_iso3.setdefault(name, code)
        for name, code in zip(es.states, es.iso_code):
            self.name_to_iso3.setdefault(name, code)
        self.name_to_iso3.update(UNVOTES_NAME_ISO3)
        self.names: dict[str, str] = {}  # iso3 -> preferred English short name
        self.es_names = dict(zip(es.iso_code, es.states))
        self.ip_names = {c: n for c, n in zip(ip.iso3c, ip.countryname) if isinstance(c, str)}

    def name(self, iso3: str) -> str:
        for table in (self.names, HISTORICAL_NAMES, self.es_names, self.ip_names, TERRITORY_NAMES):
            if iso3 in table:
                return table[iso3]
        raise KeyError(iso3)


def build_un(src: Path, cw: Crosswalk) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    d = src / "unvotes_voeten_robinson"
    votes = _read(d / "un_votes.csv.gz", dtype={"country_code": str})
    # one ISO-3 per country name (ISO-2 is blank or ambiguous for a few historical states)
    names = votes.drop_duplicates("country")[["country", "country_code"]]
    name_iso3 = {}
    for country, _code in zip(names.country, names.country_code):
        if country not in cw.name_to_iso3:
            raise SystemExit(f"no ISO-3 code for un_votes country {country!r}")
        name_iso3[country] = cw.name_to_iso3[country]
    votes["iso3"] = votes.country.map(name_iso3)
    # preferred display names: the most recent un_votes spelling for each code
    latest = votes.sort_values("rcid").drop_duplicates("iso3", keep="last")
    for code, country in zip(latest.iso3, latest.country):
        if code not in HISTORICAL_NAMES and country != "Federal Republic of Germany":
            cw.names[code] = country
    dup = votes.duplicated(["rcid", "iso3"]).sum()
    if dup:
        raise SystemExit(f"un_votes: {dup} duplicate (rcid, iso3) rows after mapping")
    votes = votes[["rcid", "iso3", "vote"]].sort_values(["rcid", "iso3"]).reset_index(drop=True)

    rc = _read(d / "un_roll_calls.csv")
    rc = pd.DataFrame({
        "rcid": rc.rcid.astype(int), "session": rc.session.astype(int), "date": pd.to_datetime(rc.date),
        "unres": rc.unres, "important_vote": rc.importantvote.map({1.0: True, 0.0: False}).astype("boolean"),
        "amend": rc.amend.map({1.0: True, 0.0: False}).astype("boolean"),
        "para": rc.para.map({1.0: True, 0.0: False}).astype("boolean"),
        "short": rc.short, "descr": rc.descr,
    }).sort_values("rcid").reset_index(drop=True)

    iss = _read(d / "un_roll_call_issues.csv")
    iss = iss.rename(columns={"short_name": "issue_code"})[["rcid", "issue_code", "issue"]]
    iss = iss.sort_values(["rcid", "issue_code"]).reset_index(drop=True)
    return votes, rc, iss


def build_ideal_points(src: Path) -> pd.DataFrame:
    ip = _read(src / "voeten_unga_idealpoints/idealpoints_july2025.csv")
    # 17 rows have no iso3c/countryname and only a legacy estimate: fill them from other years
    # of the same COW code. One of them (COW 260, West Germany, 1990) then clashes with the row
    # for united Germany (COW 255) in 1990 and is dropped.
    known = ip.dropna(subset=["iso3c"]).drop_duplicates("ccode").set_index("ccode")
    blank = ip.iso3c.isna()
    ip.loc[blank, "iso3c"] = ip.loc[blank, "ccode"].map(known.iso3c)
    ip.loc[blank, "countryname"] = ip.loc[blank, "ccode"].map(known.countryname)
    clash = blank & ip.duplicated(["iso3c", "year"], keep=False)
    ip = ip[~clash].copy()
    # the source codes South Yemen (COW 680) as YAR, like North Yemen: give it its own code
    ip.loc[ip.ccode == 680, "iso3c"] = "YMD"
    if ip.iso3c.isna().any():
        raise SystemExit(f"ideal points: unmapped ccodes {sorted(ip[ip.iso3c.isna()].ccode.unique())}")
    out = pd.DataFrame({
        "iso3": ip.iso3c, "country": ip.countryname, "ccode": ip.ccode.astype(int), "year": ip.year.astype(int),
        "ideal_point": ip.idealpointfp, "ideal_point_q05": ip.q5fp, "ideal_point_q95": ip.q95fp,
        "n_votes": ip.nvotesfp.astype("Int64"),
        "ideal_point_all": ip.idealpointall, "ideal_point_all_q05": ip.q5all, "ideal_point_all_q95": ip.q95all,
        "n_votes_all": ip.nvotesall.astype("Int64"),
        "ideal_point_legacy": ip.idealpointlegacy, "n_votes_legacy": ip.nvotesLegacy.astype("Int64"),
    })
    dup = out.duplicated(["iso3", "year"]).sum()
    if dup:
        raise SystemExit(f"ideal points: {dup} duplicate (iso3, year) rows")
    return out.sort_values(["iso3", "year"]).reset_index(drop=True)


def _imf_iso3(name: str, cw: Crosswalk) -> str | None:
    if name in DOTS_AGGREGATES:
        return None
    if name in IMF_ISO3:
        return IMF_ISO3[name]
    for cand in (name, re.sub(r", (Rep\. of|Republic of|The|Kingdom of|Islamic Rep\. of|Union of the)$", "", name)):
        if cand in cw.name_to_iso3:
            return cw.name_to_iso3[cand]
    raise SystemExit(f"no ISO-3 code for IMF DOTS name {name!r}: add it to IMF_ISO3")


def build_trade(src: Path, cw: Crosswalk) -> tuple[pd.DataFrame, dict[str, str]]:
    d = _read(src / "imf_dots_annual/dots_kazakhstan_reporter_or_partner.csv")
    d = d[d.year.between(1992, 2020)]
    own = d[d.reporter == KZ_IMF].assign(basis="reported")
    own["flow"] = own.flow.map({"exports_fob": "exports", "imports_cif": "imports"})
    mirror = d[(d.partner == KZ_IMF) & (d.reporter != KZ_IMF)].assign(basis="mirror")
    mirror["flow"] = mirror.flow.map({"exports_fob": "imports", "imports_cif": "exports"})
    mirror["partner"] = mirror.reporter
    t = pd.concat([own, mirror])[["year", "flow", "basis", "partner", "value_usd_mn"]]
    key = ["year", "flow", "basis", "partner"]
    conflicting = t.drop_duplicates().duplicated(key).sum()
    if conflicting:
        raise SystemExit(f"trade: {conflicting} duplicated keys with different values")
    t = t.drop_duplicates(key)  # the source repeats some rows exactly (Australia, Nicaragua)
    imf_names = sorted(t.partner.unique())
    iso = {n: _imf_iso3(n, cw) for n in imf_names}
    t["partner_iso3"] = t.partner.map(iso)
    t["is_aggregate"] = t.partner_iso3.isna()
    t["partner_group"] = t.partner_iso3.map(lambda c: partner_group(c) if isinstance(c, str) else None)
    t = t[["year", "flow", "basis", "partner", "partner_iso3", "partner_group", "is_aggregate", "value_usd_mn"]]
    t = t.sort_values(key).reset_index(drop=True)
    imf_of_iso = {}
    for n, c in iso.items():
        if c is not None:
            imf_of_iso.setdefault(c, n)
    return t, imf_of_iso


EUROSTAT_PARTNER = {
    "Armenia": "ARM", "Belarus (Belorussia)": "BLR", "Georgia": "GEO", "Kyrgyzstan": "KGZ",
    "Kazakhstan": "KAZ", "Russian Federation (Russia)": "RUS", "Uzbekistan": "UZB",
}


def build_eu_trade(src: Path, cw: Crosswalk) -> pd.DataFrame:
    e = _read(src / "eurostat_eu_trade_ru_neighbours_monthly/eu_trade_ru_neighbours_2020_2022_monthly.csv")
    out = pd.DataFrame({
        "month": pd.to_datetime(e.month + "-01"),
        "reporter": e.reporter.str.replace(r" \(.*$", "", regex=True),
        "partner_iso3": e.partner.map(EUROSTAT_PARTNER),
        "product": e["product"].map(lambda p: "total" if p == "Total [TOTAL]" else "fuels_hs27" if p.endswith("[27]") else None),
        "flow": e.flow.map({"EXPORT": "exports", "IMPORT": "imports"}),
        "value_eur": e.value.astype("Int64") if (e.value.dropna() % 1 == 0).all() else e.value,
    })
    out.insert(2, "partner", out.partner_iso3.map(cw.name))
    if out.isna().drop(columns="value_eur").any().any():
        raise SystemExit("eu_trade_monthly: unmapped labels")
    key = ["month", "reporter", "partner", "product", "flow"]
    return out.sort_values(key).reset_index(drop=True)


MACRO_COUNTRIES = ["KAZ", "RUS", "CHN", "UZB", "KGZ", "TJK", "TKM", "BLR", "ARM", "AZE", "GEO", "UKR", "TUR", "USA", "EUU", "WLD"]
MACRO_INDICATORS = {
    "NY.GDP.MKTP.CD": ("gdp_usd", "US dollars (current prices)"),
    "NY.GDP.PCAP.CD": ("gdp_per_capita_usd", "US dollars per person (current prices)"),
    "NY.GDP.MKTP.KD.ZG": ("gdp_growth_pct", "percent change on previous year"),
    "BX.KLT.DINV.CD.WD": ("fdi_inflows_usd", "US dollars (current prices)"),
    "NE.EXP.GNFS.ZS": ("exports_pct_gdp", "percent of GDP"),
    "NE.IMP.GNFS.ZS": ("imports_pct_gdp", "percent of GDP"),
    "PA.NUS.FCRF": ("exchange_rate", "local currency units per US dollar (for KAZ: tenge per US dollar)"),
    "TX.VAL.FUEL.ZS.UN": ("fuel_exports_pct", "percent of merchandise exports"),
    "TX.VAL.MMTL.ZS.UN": ("ores_metals_exports_pct", "percent of merchandise exports"),
    "TX.VAL.MRCH.CD.WT": ("merch_exports_usd", "US dollars (current prices)"),
    "TM.VAL.MRCH.CD.WT": ("merch_imports_usd", "US dollars (current prices)"),
    "FP.CPI.TOTL.ZG": ("inflation_pct", "percent change on previous year"),
    "SP.POP.TOTL": ("population", "people"),
    "BX.TRF.PWKR.CD.DT": ("remittances_usd", "US dollars (current prices)"),
}


def build_macro(src: Path) -> pd.DataFrame:
    w = _read(src / "wdi_selected/wdi_selected_long.csv.gz")
    names = _read(src / "wdi_selected/indicators.csv").set_index("indicator_code").indicator_name
    w = w[w.country_code.isin(MACRO_COUNTRIES) & w.year.between(1990, 2024) & w.indicator_code.isin(MACRO_INDICATORS)]
    w = w.dropna(subset=["value"])
    out = pd.DataFrame({
        "iso3": w.country_code, "country": w.country_name,
        "indicator": w.indicator_code.map(lambda c: MACRO_INDICATORS[c][0]),
        "indicator_name": w.indicator_code.map(names),
        "unit": w.indicator_code.map(lambda c: MACRO_INDICATORS[c][1]),
        "year": w.year.astype(int), "value": w.value.astype(float),
    })
    return out.sort_values(["iso3", "indicator", "year"]).reset_index(drop=True)


def build_partners(cw: Crosswalk, codes: set[str], imf_of_iso: dict[str, str]) -> pd.DataFrame:
    rows = [{"iso3": c, "name": cw.name(c), "imf_name": imf_of_iso.get(c), "partner_group": partner_group(c)}
            for c in sorted(codes)]
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------
# Descriptor (datapackage.json)
# --------------------------------------------------------------------------------------


def F(name, type_, description, unit=None, enum=None, required=True, categorical=False):
    f = {"name": name, "type": type_, "description": description}
    if unit:
        f["unit"] = unit
    if type_ == "date":
        f["format"] = "%Y-%m-%d"
    cons = {}
    if required:
        cons["required"] = True
    if enum is not None:
        cons["enum"] = list(enum)
        categorical = True
    if cons:
        f["constraints"] = cons
    if categorical:
        f["categorical"] = True
    return f


SOURCE_IDS_DESC = "Semicolon-separated source ids (such as S5;S6) that resolve to the sources dataset."
FACTS_SOURCE = {"title": "kzlessons fact base (facts/*.yaml), compiled from the sources it lists",
                "path": "facts/"}
PROJECT_LICENSE = {"name": "MIT", "title": "kzlessons project licence (MIT), for the transcription",
                   "path": "LICENSE"}
L_CC0 = {"name": "CC0-1.0", "title": "Creative Commons Zero (public domain dedication)",
         "path": "https://creativecommons.org/publicdomain/zero/1.0/"}
L_CCBY = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
          "path": "https://creativecommons.org/licenses/by/4.0/"}
VOETEN_URL = "https://dataverse.harvard.edu/dataset.xhtml?persistentId=hdl:1902.1/12379"
CITE_UNVOTES = ("Voeten, Erik (2013). \"Data and Analyses of Voting in the UN General Assembly.\" In "
                "Routledge Handbook of International Organization, ed. Bob Reinalda. Data: Harvard "
                "Dataverse, hdl:1902.1/12379, as repackaged in the R package unvotes 0.3.0 by David "
                "Robinson and Nicholas Goguen-Compagnoni.")
CITE_FACTS = ("kzlessons fact base (facts/*.yaml); cite the original sources by their ids "
              "(see the sources dataset).")


def resource(name, title, description, fields, pk, sources, licenses, citation):
    return {"name": name, "title": title, "description": description, "fields": fields,
            "primaryKey": pk, "sources": sources, "licenses": licenses, "citation": citation}


def descriptors(tables: dict[str, pd.DataFrame]) -> list[dict]:
    res = [
        resource(
            "sources", "Bibliography of the fact base",
            "The numbered sources that the timeline, claims, key figures, quizzes and lessons cite, each "
            "graded by kind (facts/README.md). A source can hold several documents (parts) that support "
            "the same facts; their titles are separated by '; ' and their addresses by ' ; '.",
            [F("source_id", "string", "Source number (S1, S2, …)."),
             F("title", "string", "Publisher, title and date of each part, as the page shows them."),
             F("url", "string", "Web address(es); several are separated by ' ; '."),
             F("kind", "string", "The strongest kind among the source's parts.", enum=list(factbase.KINDS)),
             F("part_kinds", "string", "The kind of each part, in the order of the titles, separated by ';'."),
             F("weak", "boolean", "True when every part is a mirror or self-published: a weak source."),
             F("weak_source", "string", "For a weak source: why nothing better was found.", required=False),
             F("documents", "string", "What the source is cited for.")],
            ["source_id"], [FACTS_SOURCE], [PROJECT_LICENSE], CITE_FACTS),
        resource(
            "events", "Timeline of Kazakhstan's foreign and domestic politics, 1990–2024",
            "Dated events from the fact base's timeline (facts/events.yaml), in date order. "
            "Ranges such as '2–11 Jan 2022' have an end date; a date of '2016' or 'Apr 1995' is "
            "stored as the first day of that year or month, with date_precision saying so.",
            [F("event_id", "string", "Event number (E001 onwards); numbers are kept when events are added, so they need not follow the dates."),
             F("date", "date", "First day of the event (or of its month/year when only that is known)."),
             F("date_end", "date", "Last day for events that span several days or months; empty otherwise.", required=False),
             F("date_precision", "string", "How exact the date is.", enum=["day", "month", "year"]),
             F("date_text", "string", "The date exactly as written in the record."),
             F("year", "year", "Calendar year of the first day."),
             F("title", "string", "Short label for chart tooltips, cut from the description."),
             F("description", "string", "What happened, in the fact base's words."),
             F("category", "string", "Theme of the event.", enum=factbase.CATEGORIES),
             F("status", "string", "How well the sources back the event.", enum=factbase.EVENT_STATUSES),
             F("status_detail", "string", "The status with any caveat (the status itself when there is none)."),
             F("source_ids", "string", SOURCE_IDS_DESC),
             F("source_note", "string", "A further source given by address only, or a remark on the sources.", required=False)],
            ["event_id"], [FACTS_SOURCE], [PROJECT_LICENSE], CITE_FACTS),
        resource(
            "organisations", "Kazakhstan's memberships of international organisations",
            "Organisations Kazakhstan belongs to (or belonged to), with the dates the fact base gives. "
            "Member lists are filled only where the fact base names the members. Chairing the OSCE in "
            "2010 is a role, not a membership, so the OSCE is not listed.",
            [F("org_id", "string", "Short identifier."),
             F("name", "string", "Full name."),
             F("kind", "string", "Main field of cooperation.", enum=factbase.ORG_KINDS),
             F("led_by", "string", "Power that leads or dominates it, where the fact base says so; 'none' for global bodies.", required=False),
             F("founded", "date", "Date the organisation was created (or its founding treaty took effect).", required=False),
             F("kazakhstan_joined", "date", "Date Kazakhstan became a member or signatory."),
             F("members", "string", "Semicolon-separated members, where the fact base lists them.", required=False),
             F("notes", "string", "Context and caveats."),
             F("source_ids", "string", SOURCE_IDS_DESC)],
            ["org_id"], [FACTS_SOURCE], [PROJECT_LICENSE], CITE_FACTS),
        resource(
            "partners", "Country lookup: codes, names and partner groups",
            "One row per country code used in trade, eu_trade_monthly, un_votes, ideal_points or "
            "ukraine_votes. Codes are ISO 3166 alpha-3 where one exists; a few historical units use "
            "other codes (YAR, YMD, ZAN, DDR, CSK, YUG, SCG, ANT, BLX). EU-27 means today's 27 members "
            "for every year; Hong Kong and Macao are not counted as China.",
            [F("iso3", "string", "Three-letter country code."),
             F("name", "string", "English short name."),
             F("imf_name", "string", "The name used in IMF DOTS, when the country appears there.", required=False),
             F("partner_group", "string", "Group used in the lessons' charts.", enum=GROUPS)],
            ["iso3"], [FACTS_SOURCE], [PROJECT_LICENSE],
            "kzlessons partner lookup, built from the codes in Voeten's ideal-point file and ONE's ES-11/1 file."),
        resource(
            "trade", "Kazakhstan's goods trade by partner, 1992–2020 (IMF DOTS)",
            "Annual goods exports and imports of Kazakhstan by partner, seen from Kazakhstan. "
            "'reported' rows are Kazakhstan's own statistics; 'mirror' rows are what the partner "
            "reported about its trade with Kazakhstan, with the flow turned round (a partner's "
            "imports from Kazakhstan are Kazakhstan's exports). Partner rows mix countries and "
            "aggregates such as World or European Union: never sum all rows. Exports are FOB, "
            "imports CIF, so the two bases never match exactly.",
            [F("year", "year", "Calendar year."),
             F("flow", "string", "Direction of trade from Kazakhstan's point of view.", enum=["exports", "imports"]),
             F("basis", "string", "Whose statistics: Kazakhstan's own report or the partner's mirror report.", enum=["reported", "mirror"]),
             F("partner", "string", "Partner (or aggregate) name as written by the IMF."),
             F("partner_iso3", "string", "Partner's country code; empty for aggregates.", required=False),
             F("partner_group", "string", "Partner group; empty for aggregates.", enum=GROUPS, required=False),
             F("is_aggregate", "boolean", "True when the partner is a group of countries (World, Euro Area …)."),
             F("value_usd_mn", "number", "Value of the goods.", unit="USD millions")],
            ["year", "flow", "basis", "partner"],
            [{"title": "IMF, Direction of Trade Statistics (DOTS), annual, via GitHub SamLeBlanc/Direction-of-Trade-Map",
              "path": "../shared/sources/imf_dots_annual/dots_kazakhstan_reporter_or_partner.csv",
              "url": "https://data.imf.org/"}],
            [{"name": "IMF-terms", "title": "IMF terms of use (cite the IMF)", "path": "https://www.imf.org/external/terms.htm"}],
            "International Monetary Fund, Direction of Trade Statistics (DOTS), annual goods exports "
            "(FOB) and imports (CIF) in US dollars, vintage early 2022."),
        resource(
            "eu_trade_monthly", "EU member states' monthly trade with Kazakhstan, Russia and neighbours, 2020–2022 (Eurostat)",
            "Monthly exports and imports of each EU member state with seven partners, for all goods "
            "and for mineral fuels (HS chapter 27), in euros. Flows are seen from the EU side. Empty "
            "values are not available or confidential; December 2022 is empty.",
            [F("month", "date", "First day of the month."),
             F("reporter", "string", "EU member state reporting the trade.", categorical=True),
             F("partner", "string", "Partner country.", categorical=True),
             F("partner_iso3", "string", "Partner's country code.", enum=sorted(EUROSTAT_PARTNER.values())),
             F("product", "string", "All goods (total) or mineral fuels, HS chapter 27 (fuels_hs27).", enum=["total", "fuels_hs27"]),
             F("flow", "string", "Direction of trade from the EU member's point of view.", enum=["exports", "imports"]),
             F("value_eur", "integer", "Value of the goods; empty when not available or confidential.", unit="euros", required=False)],
            ["month", "reporter", "partner", "product", "flow"],
            [{"title": "Eurostat, EU trade since 1988 by HS2-4-6 and CN8 (DS-045409), custom extract, via GitHub vzemlys/ruimpeks",
              "path": "../shared/sources/eurostat_eu_trade_ru_neighbours_monthly/eu_trade_ru_neighbours_2020_2022_monthly.csv",
              "url": "https://ec.europa.eu/eurostat/databrowser/view/DS-045409/"}],
            [{"name": "Eurostat-reuse", "title": "Eurostat reuse policy: free reuse with acknowledgement",
              "path": "https://ec.europa.eu/eurostat/about-us/policies/copyright"}],
            "Eurostat (2023), EU trade since 1988 by HS2-4-6 and CN8 (DS-045409), extracted 22 January 2023."),
        resource(
            "un_issues", "Issue codes of UN General Assembly roll calls",
            "Six broad issues assigned to some roll calls. Many roll calls have no issue and a few "
            "have two.",
            [F("rcid", "integer", "Roll-call id."),
             F("issue_code", "string", "Two-letter issue code.", enum=["co", "di", "ec", "hr", "me", "nu"]),
             F("issue", "string", "Issue name.", enum=sorted(tables["un_issues"].issue.unique()))],
            ["rcid", "issue_code"],
            [{"title": "Voeten, UN General Assembly voting data, via the R package unvotes",
              "path": "../shared/sources/unvotes_voeten_robinson/un_roll_call_issues.csv", "url": VOETEN_URL}],
            [L_CC0], CITE_UNVOTES),
        resource(
            "ideal_points", "UN General Assembly ideal points by country and year, 1946–2024",
            "Each country's estimated position on one dimension of UN voting: higher means closer to "
            "the United States' position. Estimated from final-passage votes (ideal_point, to 2024), "
            "from all votes (ideal_point_all, to 2023) and with the older session-based method "
            "(ideal_point_legacy). The q05/q95 columns bound a 90% uncertainty range.",
            [F("iso3", "string", "Country code (YMD for South Yemen, which the source also coded YAR)."),
             F("country", "string", "Country name as in the source."),
             F("ccode", "integer", "Correlates of War country code."),
             F("year", "year", "Calendar year."),
             F("ideal_point", "number", "Ideal point from final-passage votes.", unit="ideal-point scale", required=False),
             F("ideal_point_q05", "number", "5% posterior quantile of ideal_point.", unit="ideal-point scale", required=False),
             F("ideal_point_q95", "number", "95% posterior quantile of ideal_point.", unit="ideal-point scale", required=False),
             F("n_votes", "integer", "Number of final-passage votes used.", unit="votes", required=False),
             F("ideal_point_all", "number", "Ideal point from all votes, including amendments and paragraphs.", unit="ideal-point scale", required=False),
             F("ideal_point_all_q05", "number", "5% posterior quantile of ideal_point_all.", unit="ideal-point scale", required=False),
             F("ideal_point_all_q95", "number", "95% posterior quantile of ideal_point_all.", unit="ideal-point scale", required=False),
             F("n_votes_all", "integer", "Number of votes used for ideal_point_all.", unit="votes", required=False),
             F("ideal_point_legacy", "number", "Ideal point with the older session-based method (year = session + 1945).", unit="ideal-point scale", required=False),
             F("n_votes_legacy", "integer", "Number of votes used for ideal_point_legacy.", unit="votes", required=False)],
            ["iso3", "year"],
            [{"title": "Voeten, United Nations General Assembly Ideal Points, July 2025 version (Harvard Dataverse)",
              "path": "../shared/sources/voeten_unga_idealpoints/idealpoints_july2025.csv", "url": VOETEN_URL}],
            [{"name": "not-stated", "title": "Terms not stated in the copy used; see the Harvard Dataverse deposit",
              "path": VOETEN_URL}],
            "Voeten, Erik. United Nations General Assembly Ideal Points (version of 28 July 2025), "
            "Harvard Dataverse, hdl:1902.1/12379. Method: Bailey, Michael A., Anton Strezhnev and "
            "Erik Voeten (2017), \"Estimating Dynamic State Preferences from United Nations Voting "
            "Data\", Journal of Conflict Resolution 61(2): 430–456."),
        resource(
            "macro", "Macroeconomic indicators for Kazakhstan and comparators, 1990–2024 (World Bank WDI)",
            "Fourteen World Development Indicators for Kazakhstan, its neighbours and comparators, "
            "the EU (EUU) and the world (WLD). Values for the latest year are preliminary. Check "
            "the unit column: exchange rates are in each country's own currency per US dollar.",
            [F("iso3", "string", "Country or World Bank aggregate code.", enum=sorted(MACRO_COUNTRIES)),
             F("country", "string", "Name as in WDI.", categorical=True),
             F("indicator", "string", "Short indicator code used in the lessons.", enum=sorted(v[0] for v in MACRO_INDICATORS.values())),
             F("indicator_name", "string", "World Bank indicator name.", categorical=True),
             F("unit", "string", "Unit of value.", categorical=True),
             F("year", "year", "Calendar year."),
             F("value", "number", "The indicator's value, in the row's unit.", unit="see unit column")],
            ["iso3", "indicator", "year"],
            [{"title": "World Bank, World Development Indicators, via GitHub datasets/world-development-indicators",
              "path": "../shared/sources/wdi_selected/wdi_selected_long.csv.gz",
              "url": "https://datacatalog.worldbank.org/search/dataset/0037712"}],
            [L_CCBY],
            "World Bank, World Development Indicators (CC BY 4.0), series NY.GDP.MKTP.CD, NY.GDP.PCAP.CD, "
            "NY.GDP.MKTP.KD.ZG, BX.KLT.DINV.CD.WD, NE.EXP.GNFS.ZS, NE.IMP.GNFS.ZS, PA.NUS.FCRF, "
            "TX.VAL.FUEL.ZS.UN, TX.VAL.MMTL.ZS.UN, TX.VAL.MRCH.CD.WT, TM.VAL.MRCH.CD.WT, FP.CPI.TOTL.ZG, "
            "SP.POP.TOTL, BX.TRF.PWKR.CD.DT."),
        resource(
            "claims", "Claims of the two readings, fact-checked",
            "Each checkable claim in Reading A (Wahlang 2023) and Reading B (Roberts 2015), with "
            "its status after checking and the correction or context (facts/claims.yaml).",
            [F("claim_id", "string", "Claim number: A1… for Reading A, B1… for Reading B."),
             F("reading", "string", "Which reading makes the claim.", enum=["A", "B"]),
             F("claim", "string", "The claim, paraphrased."),
             F("status", "string", "Result of the check.", enum=factbase.CLAIM_STATUSES),
             F("status_detail", "string", "The status with any caveat (the status itself when there is none)."),
             F("note", "string", "Sources and the correction or context."),
             F("source_ids", "string", SOURCE_IDS_DESC, required=False)],
            ["claim_id"], [FACTS_SOURCE], [PROJECT_LICENSE], CITE_FACTS),
        resource(
            "key_figures", "Key figures from the fact base (area, borders, census shares, oil, tenge …)",
            "Figures a course would quote that no other dataset holds, as the cited sources give them "
            "(facts/key_figures.yaml). Values are text, because sources give ranges and rounded figures.",
            [F("figure_id", "string", "Figure number (K01, K02, …)."),
             F("indicator", "string", "What is measured."),
             F("value", "string", "The figure as a course would quote it."),
             F("note", "string", "Caveats: other figures, dates, definitions.", required=False),
             F("source_ids", "string", SOURCE_IDS_DESC),
             F("source_detail", "string", "Which source gives which figure, where they differ.", required=False)],
            ["figure_id"], [FACTS_SOURCE], [PROJECT_LICENSE], CITE_FACTS),
    ]
    helpers = argparse.Namespace(F=F, resource=resource, L_CC0=L_CC0, VOETEN_URL=VOETEN_URL,
                                 CITE_UNVOTES=CITE_UNVOTES, GROUPS=GROUPS)
    res += curate_unxml.descriptors(tables, helpers) + curate_bns.descriptors(tables, helpers)
    return res


# --------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------


def _csv_bytes(df: pd.DataFrame, fields: list[dict]) -> bytes:
    out = df.copy()
    for f in fields:
        if f["type"] == "date":
            out[f["name"]] = out[f["name"]].dt.strftime("%Y-%m-%d")
    buf = io.StringIO()
    out.to_csv(buf, index=False, lineterminator="\n", float_format=FLOAT_FORMAT)
    return buf.getvalue().encode("utf-8")


def _gzip(data: bytes) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(data)
    return buf.getvalue()


def check_table(name: str, df: pd.DataFrame, res: dict) -> None:
    cols = [f["name"] for f in res["fields"]]
    if list(df.columns) != cols:
        raise SystemExit(f"{name}: columns {list(df.columns)} != descriptor {cols}")
    if df.duplicated(res["primaryKey"]).any():
        raise SystemExit(f"{name}: duplicate primary key")
    for f in res["fields"]:
        c = f.get("constraints", {})
        if c.get("required") and df[f["name"]].isna().any():
            raise SystemExit(f"{name}.{f['name']}: missing values in a required field")
        if "enum" in c:
            bad = set(df[f["name"]].dropna().unique()) - set(c["enum"])
            if bad:
                raise SystemExit(f"{name}.{f['name']}: values outside enum: {sorted(bad)[:5]}")


def build(shared: Path) -> dict[str, pd.DataFrame]:
    src = shared / "sources"
    facts = factbase.tables(FACTS)
    cw = Crosswalk(src)
    votes, rc, iss = build_un(src, cw)
    ukraine = curate_unxml.ukraine_votes(src, votes, rc, cw.name)
    votes, rc = curate_unxml.extend_un(src, votes, rc)
    trade, imf_of_iso = build_trade(src, cw)
    trade_bns = curate_bns.trade_bns(src, cw.name, partner_group, EU27)
    cw.names.update(curate_bns.extra_names(trade_bns, cw.name))
    tables = {
        "sources": facts["sources"],
        "events": facts["events"],
        "organisations": facts["organisations"],
        "trade": trade,
        "trade_bns": trade_bns,
        "eu_trade_monthly": build_eu_trade(src, cw),
        "un_votes": votes, "un_roll_calls": rc, "un_issues": iss,
        "ideal_points": build_ideal_points(src),
        "ukraine_votes": ukraine,
        "macro": build_macro(src),
        "claims": facts["claims"],
        "key_figures": facts["key_figures"],
    }
    codes = (set(trade.partner_iso3.dropna()) | set(trade_bns.iso3.dropna()) | set(votes.iso3) | set(tables["ideal_points"].iso3)
             | set(tables["ukraine_votes"].iso3) | set(tables["eu_trade_monthly"].partner_iso3)
             | set(EU27) | set(CENTRAL_ASIA) | {"RUS", "CHN", "USA", "TUR", "KAZ"})
    tables["partners"] = build_partners(cw, codes, imf_of_iso)
    return tables


ORDER = ["sources", "events", "organisations", "partners", "trade", "trade_bns", "eu_trade_monthly", "un_votes",
         "un_roll_calls", "un_issues", "ideal_points", "ukraine_votes", "macro", "claims", "key_figures"]


def write(tables: dict[str, pd.DataFrame], out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    by_name = {r["name"]: r for r in descriptors(tables)}
    resources, written = [], []
    for name in ORDER:
        res, df = by_name[name], tables[name]
        check_table(name, df, res)
        data = _csv_bytes(df, res["fields"])
        entry = {"name": name, "path": f"{name}.csv", "title": res["title"], "description": res["description"],
                 "format": "csv", "mediatype": "text/csv", "encoding": "utf-8"}
        if len(data) > GZIP_OVER_BYTES:
            data = _gzip(data)
            entry["path"] += ".gz"
            entry["compression"] = "gz"
        entry.update({"rows": len(df), "bytes": len(data),
                      "schema": {"fields": res["fields"], "primaryKey": res["primaryKey"], "missingValues": [""]},
                      "sources": res["sources"], "licenses": res["licenses"], "citation": res["citation"]})
        path = out / entry["path"]
        path.write_bytes(data)
        written.append(path)
        resources.append(entry)
    package = {
        "profile": "data-package", "name": "kzlessons-data", "title": "kzlessons curated datasets",
        "description": "Curated datasets for the kzlessons lessons on Kazakhstan's multi-vector foreign "
                       "policy. Built by scripts/curate_data.py from ../shared/sources and "
                       "the fact base in facts/; do not edit by hand.",
        "version": "1.0.0", "licenses": [PROJECT_LICENSE], "resources": resources,
    }
    dp = out / "datapackage.json"
    dp.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8", newline="\n")
    written.append(dp)
    return written


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="folder holding the raw data in sources/")
    p.add_argument("--out", type=Path, default=REPO / "data", help="output folder (default: data/)")
    p.add_argument("-q", "--quiet", action="store_true")
    args = p.parse_args(argv)
    if not (args.shared / "sources").is_dir():
        print(f"Cannot find the raw data in {args.shared}/sources; pass --shared PATH.", file=sys.stderr)
        return 2
    tables = build(args.shared)
    written = write(tables, args.out)
    if not args.quiet:
        for path in written:
            rows = len(tables[path.name.split(".")[0]]) if path.name != "datapackage.json" else ""
            print(f"{path.name:28} {path.stat().st_size:>10,} bytes  {rows}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
