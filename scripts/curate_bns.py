"""Kazakhstan's own trade statistics by partner, 2018–2023 (Bureau of National Statistics).

The folder ``kaz_trade_partner_bns_2018_2023/`` of the shared sources (PROVENANCE.md section 8)
holds the tables "Main indicators of foreign trade of the Republic of Kazakhstan (by country)"
of the Bureau of National Statistics (BNS) of the Agency for Strategic Planning and Reforms,
editions for 2019 to 2023. Each edition prints its own year and the year before, so every year
from 2019 to 2022 appears in two editions (vintages).

:func:`trade_bns` turns them into the ``trade_bns`` dataset: one row per year, edition, flow and
partner (countries and the BNS's own aggregates), plus an ``EU-27`` row this build sums from the
27 member rows by ISO-3, because the BNS "EU countries" row includes the United Kingdom in
2018–2022 and not in 2023. :func:`compare_with_dots` sets the BNS figures beside IMF DOTS
(the ``trade`` dataset) for the years both hold. :func:`descriptors` returns the codebook.

How each partner's trade is recorded (the 2023 edition's notes): trade with the other EAEU
members (Armenia, Belarus, Kyrgyzstan, Russia) comes from the BNS enterprise survey 1-TS on
mutual trade, because there is no customs border inside the Eurasian Economic Union; trade with
every other partner comes from customs declarations (State Revenue Committee).

>>> recorded_by("RUS"), recorded_by("CHN"), recorded_by("World")
('survey', 'customs', 'both')
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pandas as pd

BNS = "kaz_trade_partner_bns_2018_2023"
FILE = "kaz_trade_by_partner_bns_2018_2023_all_vintages.csv"
EAEU = ("ARM", "BLR", "KGZ", "RUS")  # Kazakhstan's partners in the Eurasian Economic Union
EU27_ROW = "EU-27 (sum of the 27 member rows)"
FLOWS = {"exports": "exports_kusd", "imports": "imports_kusd"}
RECORDED_BY = ["survey", "customs", "both"]
#: how the BNS aggregates are recorded: 'both' where they hold EAEU members and other partners
AGGREGATES = {
    "World": "both", "CIS countries": "both", "EAEU countries": "survey",
    "CIS countries outside EAEU": "customs", "Rest of the world (non-CIS)": "customs",
    "Europe": "customs", "EU countries": "customs", "Non-EU countries": "customs", "Asia": "customs",
    "America": "customs", "Africa": "customs", "Australia and Oceania": "customs", EU27_ROW: "customs",
}
#: BNS rounds each row to 0.1 thousand US$; ~230 rows can add up to 0.01 US$ mn of rounding
ROUNDING_USD_MN = 0.01

#: How far the BNS figures (latest edition) may lie from IMF DOTS (Kazakhstan's reports) in
#: 2018–2020, in percent of DOTS: (flow, partner) -> (lowest, highest). Taken from PROVENANCE.md
#: section 8's check (world exports within 1 % – 1.3 % in 2020 –, exports to Italy, Korea,
#: Türkiye and China within 5 %, imports from Russia 2–11 % higher in BNS: revised 1-TS survey
#: figures against the DOTS vintage of early 2022) and from the world imports, 2–4 % higher.
#: Single partners can differ far more (imports from Uzbekistan 2019 +84 %, exports to Ukraine
#: 2019 −22 %): compare totals and large partners only.
DOTS_TOLERANCE_PCT: dict[tuple[str, str], tuple[float, float]] = {
    ("exports", "World"): (-1.5, 1.5),
    ("imports", "World"): (0.0, 5.0),
    ("exports", "ITA"): (-5.0, 5.0), ("exports", "KOR"): (-5.0, 5.0),
    ("exports", "TUR"): (-5.0, 5.0), ("exports", "CHN"): (-5.0, 5.0),
    ("imports", "RUS"): (0.0, 12.0),
}


def recorded_by(partner: str) -> str:
    """'survey' (1-TS, EAEU members), 'customs' (declarations) or 'both', for an ISO-3 code or aggregate.

    >>> recorded_by("EU countries"), recorded_by("EAEU countries")
    ('customs', 'survey')
    """
    if partner in AGGREGATES:
        return AGGREGATES[partner]
    return "survey" if partner in EAEU else "customs"


def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, keep_default_na=False, na_values=[""])


def _check_layout(raw: pd.DataFrame) -> None:
    """Stop when the BNS tables are not laid out as this module assumes."""
    countries = raw[raw.partner_type == "country"]
    if countries.iso3.isna().any() or countries.duplicated(["year", "vintage", "iso3"]).any():
        raise SystemExit("BNS trade: a country row without an ISO-3 code, or one code twice in a table")
    aggregates = raw[raw.partner_type == "aggregate"]
    unknown = set(aggregates.partner_en) - set(AGGREGATES)
    if unknown or aggregates.duplicated(["year", "vintage", "partner_en"]).any():
        raise SystemExit(f"BNS trade: unknown or repeated aggregate rows {sorted(unknown)}: add them to AGGREGATES")
    for (year, vintage), table in raw.groupby(["year", "vintage"]):
        order = table.set_index("partner_en").row_order
        under = table[table.row_order.between(order["EAEU countries"] + 1, order["CIS countries outside EAEU"] - 1)]
        if tuple(sorted(under.iso3)) != EAEU:
            raise SystemExit(f"BNS trade {year} (edition {vintage}): the EAEU rows are {sorted(under.iso3)}, not {EAEU}")


def trade_bns(src: Path, name: Callable[[str], str], group: Callable[[str], str],
              eu27: Iterable[str]) -> pd.DataFrame:
    """The ``trade_bns`` dataset: Kazakhstan's exports and imports by partner, every edition kept.

    ``name`` gives a country's English name from its ISO-3 code (``Crosswalk.name``; it may
    raise ``KeyError``, and the BNS's English name is used instead), ``group`` its partner group
    (``curate_data.partner_group``) and ``eu27`` the 27 member codes.
    """
    raw = _read(src / BNS / FILE)
    _check_layout(raw)
    latest = raw.groupby("year").vintage.transform("max")
    country = raw.partner_type == "country"

    def display(code: str, fallback: str) -> str:
        try:
            return name(code)
        except KeyError:
            return fallback

    base = pd.DataFrame({
        "year": raw.year, "vintage": raw.vintage, "latest": raw.vintage == latest,
        "partner": [display(c, n) if k else n for c, n, k in zip(raw.iso3, raw.partner_en, country)],
        "partner_ru": raw.partner_ru, "iso3": raw.iso3.where(country),
        "partner_group": raw.iso3.where(country).map(lambda c: group(c) if isinstance(c, str) else None),
        "is_aggregate": ~country,
        "recorded_by": [recorded_by(c if k else n) for c, n, k in zip(raw.iso3, raw.partner_en, country)],
    })
    rows = [base.assign(flow=flow, value_usd_mn=raw[col] / 1000) for flow, col in FLOWS.items()]
    long = pd.concat(rows, ignore_index=True)
    members = long[long.iso3.isin(list(eu27))]
    eu = (members.groupby(["year", "vintage", "flow"], as_index=False)
          .agg(latest=("latest", "first"), value_usd_mn=("value_usd_mn", lambda v: v.sum(min_count=1)),
               n=("iso3", "nunique")))
    short = eu[eu.n != len(list(eu27))]
    if len(short):
        raise SystemExit(f"BNS trade: EU member rows missing in {short[['year', 'vintage']].values.tolist()[:3]}")
    eu = eu.drop(columns="n").assign(partner=EU27_ROW, partner_ru=None, iso3=None, partner_group=None,
                                     is_aggregate=True, recorded_by=AGGREGATES[EU27_ROW])
    out = pd.concat([long, eu], ignore_index=True)
    cols = ["year", "vintage", "latest", "flow", "partner", "partner_ru", "iso3", "partner_group",
            "is_aggregate", "recorded_by", "value_usd_mn"]
    return out[cols].sort_values(["year", "vintage", "flow", "partner"]).reset_index(drop=True)


def extra_names(bns: pd.DataFrame, name: Callable[[str], str]) -> dict[str, str]:
    """Names of the BNS country codes ``name`` does not know (territories), for the partners dataset."""
    out = {}
    for code, partner in zip(bns.iso3, bns.partner):
        if isinstance(code, str) and code not in out:
            try:
                name(code)
            except KeyError:
                out[code] = partner
    return out


def compare_with_dots(bns: pd.DataFrame, trade: pd.DataFrame) -> pd.DataFrame:
    """BNS (latest edition) beside IMF DOTS (Kazakhstan's own reports) where both have a year.

    One row per year, flow and partner key (ISO-3, or 'World'): ``bns``, ``dots`` (US$ mn) and
    ``pct`` (BNS minus DOTS, in percent of DOTS).
    """
    b = bns[bns.latest & (~bns.is_aggregate | (bns.partner == "World"))]
    b = b.assign(key=b.iso3.fillna(b.partner))[["year", "flow", "key", "value_usd_mn"]]
    d = trade[(trade.basis == "reported") & (~trade.is_aggregate | (trade.partner == "World"))]
    d = d.assign(key=d.partner_iso3.fillna(d.partner))[["year", "flow", "key", "value_usd_mn"]]
    both = b.merge(d, on=["year", "flow", "key"], suffixes=("_bns", "_dots"))
    both = both.rename(columns={"value_usd_mn_bns": "bns", "value_usd_mn_dots": "dots"})
    both["pct"] = 100 * (both.bns / both.dots - 1)
    return both.sort_values(["year", "flow", "key"]).reset_index(drop=True)


def descriptors(tables: dict[str, pd.DataFrame], h: Any) -> list[dict]:
    """Codebook of ``trade_bns``. ``h`` is the curation script, for ``F``, ``resource`` and ``GROUPS``."""
    F = h.F
    t = tables["trade_bns"]
    first, last = int(t.year.min()), int(t.year.max())
    return [h.resource(
        "trade_bns", f"Kazakhstan's goods trade by partner, {first}–{last} (Kazakhstan's Bureau of National Statistics)",
        "Annual exports and imports of Kazakhstan by partner as Kazakhstan's statistics office publishes "
        "them: a second basis beside IMF DOTS (the trade dataset, to 2020). Each edition prints its own "
        "year and the year before, and both are kept (vintage = the edition); use latest = true for one "
        "row per year, or you count 2019–2022 twice. In these files the later edition repeats the earlier "
        "one's figures (to within 0.1 thousand US$), so the editions show no revision; the preliminary figures published "
        "early in the following year (for example about US$ 134 bn of trade in 2022, 135.5 bn here) are not "
        "in them. Partner rows mix countries and the BNS's aggregates (World, CIS, EAEU, EU countries, "
        "continents …): never sum all rows. The BNS 'EU countries' row includes the United Kingdom in "
        f"2018–2022 and not in 2023; the row '{EU27_ROW}' (built here from the member rows by ISO-3) "
        "is the same 27 members every year. Trade with Armenia, Belarus, Kyrgyzstan and Russia (the "
        "EAEU) comes from the BNS enterprise survey 1-TS, because there is no customs border inside the "
        "Union; trade with everyone else from customs declarations (recorded_by). Exports are booked to "
        "the declared destination: oil shipped through Russia by the CPC pipeline counts as exports to "
        "Italy, the Netherlands and other buyers, not to Russia. The tables do not say whether imports "
        "are by country of origin or of consignment. Against DOTS in 2018–2020, world exports agree "
        "within 1.5 % and world imports are 2–4 % higher here; single partners can differ far more.",
        [F("year", "year", "Calendar year of the trade."),
         F("vintage", "year", "Year of the BNS edition the row comes from (it prints that year and the one before)."),
         F("latest", "boolean", "True for the latest edition holding the year: one row per year and partner."),
         F("flow", "string", "Direction of trade from Kazakhstan's point of view.", enum=list(FLOWS)),
         F("partner", "string", "Partner: country name (as in partners) or the BNS aggregate's English name."),
         F("partner_ru", "string", f"The partner as printed in the BNS table (Russian); empty for the {EU27_ROW} row.",
           required=False),
         F("iso3", "string", "Partner's country code; empty for aggregates.", required=False),
         F("partner_group", "string", "Partner group; empty for aggregates.", enum=h.GROUPS, required=False),
         F("is_aggregate", "boolean", "True when the partner is a group of countries."),
         F("recorded_by", "string", "survey = BNS enterprise survey 1-TS (EAEU members); customs = customs "
           "declarations; both = an aggregate holding both kinds.", enum=RECORDED_BY),
         F("value_usd_mn", "number", "Value of the goods; empty where the table prints none.",
           unit="USD millions", required=False)],
        ["year", "vintage", "flow", "partner"],
        [{"title": "Bureau of National Statistics of the Agency for Strategic Planning and Reforms of the "
                   "Republic of Kazakhstan, 'Main indicators of foreign trade of the Republic of Kazakhstan "
                   "(by country)', editions January–December 2019, 2020, 2021 and years 2022, 2023, via "
                   "GitHub mary-lev/eu-export-sanctions",
          "path": f"../shared/sources/{BNS}/{FILE}", "url": "https://stat.gov.kz/"}],
        [{"name": "BNS-terms", "title": "© Bureau of National Statistics of the Republic of Kazakhstan: cite the BNS",
          "path": "https://stat.gov.kz/"}],
        "Bureau of National Statistics of the Agency for Strategic Planning and Reforms of the Republic of "
        "Kazakhstan (BNS ASPR RK), bulletin series 5 'Statistics of foreign and mutual trade and commodity "
        "markets': 'Main indicators of foreign trade of the Republic of Kazakhstan (by country)', editions "
        f"for 2019 to {last} (the 2023 edition published 25 July 2024), thousand US dollars.")]
