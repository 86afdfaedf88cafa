"""Data figures that lesson 07 states, recomputed from the shipped data (BRIEF convention 1).

``figures(data)`` maps each figure's text as the lesson writes it (notebook markdown,
bank l07, docs/instructor/l07.md) to the same text recomputed from ``data`` (the
``kzlessons.data`` module) with the same formatting.
"""

from __future__ import annotations

from typing import Any

#: Number-bearing phrases that are neither data figures nor need a source.
ALLOW: list[str] = [
    r"\b(?:Step|Check|Forecast) \d\b",                       # section labels
    r"shares between 0 and 1(?: that add up to 1)?",          # the exercises' instructions
    r"partner shares in 2015|\(exports plus imports\) in\s+2015",
    r"\b2005–2013\b|\b2015–2019\b",                           # the comparison windows chosen
    r"about 200 words",                                       # length of the written task
    r"September 2015|27 April 2023",                          # the readings' publication dates
]


def _trade_tables(data: Any):
    trade = data.load("trade")
    reported = trade[(trade["basis"] == "reported") & ~trade["is_aggregate"]]
    by_year = reported.groupby(["year", "partner_group"], observed=True)["value_usd_mn"].sum().unstack()
    return trade, reported, by_year


def _eu_share(rows) -> float:
    rows = rows[~rows["is_aggregate"]]
    return rows.loc[rows["partner_group"] == "EU-27", "value_usd_mn"].sum() / rows["value_usd_mn"].sum()


def _agreement(data: Any, partner: str, first: int, last: int) -> float:
    votes = data.load("un_votes")
    years = data.load("un_roll_calls").set_index("rcid")["date"].dt.year
    pair = votes[votes["iso3"].isin(["KAZ", partner])].astype({"iso3": str, "vote": str})
    wide = pair.pivot(index="rcid", columns="iso3", values="vote").join(years.rename("year"))
    both = wide[wide["year"].between(first, last)].dropna(subset=["KAZ", partner])
    return float((both["KAZ"] == both[partner]).mean())


def _syria(data: Any):
    votes = data.load("un_votes")
    roll_calls = data.load("un_roll_calls")
    titles = roll_calls["short"].fillna("") + " " + roll_calls["descr"].fillna("")
    syria = roll_calls[titles.str.contains("Syrian Arab Republic") & ~titles.str.contains("Golan")
                       & (roll_calls["date"].dt.year >= 2011)]
    kaz = votes[(votes["iso3"] == "KAZ") & votes["rcid"].isin(syria["rcid"])].astype({"vote": str})
    return syria.merge(kaz, on="rcid")


def figures(data: Any) -> dict[str, str]:
    trade, reported, by_year = _trade_tables(data)
    shares = by_year.div(by_year.sum(axis=1), axis=0)
    rows_2015 = trade[trade["year"] == 2015]
    rep_2015 = rows_2015[rows_2015["basis"] == "reported"]
    rep_2015_clean = rep_2015[~rep_2015["is_aggregate"]]
    uk = rep_2015_clean.loc[rep_2015_clean["partner_iso3"] == "GBR", "value_usd_mn"].sum()
    eu28 = (rep_2015_clean.loc[rep_2015_clean["partner_group"] == "EU-27", "value_usd_mn"].sum() + uk) \
        / rep_2015_clean["value_usd_mn"].sum()
    eu_exports = reported[(reported["flow"] == "exports") & (reported["partner_group"] == "EU-27")] \
        .groupby("year")["value_usd_mn"].sum()

    macro = data.load("macro")
    gdp = macro[(macro["indicator"] == "gdp_per_capita_usd") & (macro["year"] == 2013)].set_index(
        macro.loc[(macro["indicator"] == "gdp_per_capita_usd") & (macro["year"] == 2013), "iso3"].astype(str)
    )["value"]
    fuel = macro[(macro["iso3"] == "KAZ") & (macro["indicator"] == "fuel_exports_pct") & (macro["year"] == 2013)]

    claims = data.load("claims").astype({"status": str, "reading": str})
    confirmed = (claims["status"] == "confirmed").groupby(claims["reading"]).agg(["sum", "size", "mean"])
    corrected = claims[claims["status"] == "corrected"].groupby("reading").size()
    qualified = claims[(claims["status"] == "confirmed") & (claims["status_detail"].astype(str) != "confirmed")]

    syria = _syria(data)
    abstained = syria[syria["vote"] == "abstain"]
    yes = syria[syria["vote"] == "yes"]
    ukraine = data.load("ukraine_votes")
    tally = ukraine[ukraine["resolution"] == "A/RES/68/262"]["vote"].astype(str).value_counts()

    return {
        # Check 2: the EU as largest trade partner, 2015
        "39.3% of its goods trade in 2015": f"{_eu_share(rep_2015):.1%} of its goods trade in 2015",
        "40.9%": f"{eu28:.1%}",
        "51.4%": f"{_eu_share(rep_2015[rep_2015['flow'] == 'exports']):.1%}",
        "34.6%": f"{_eu_share(rows_2015[rows_2015['basis'] == 'mirror']):.1%}",
        "19.7%": f"{shares.loc[2015, 'Russia']:.1%}",
        "13.8%": f"{shares.loc[2015, 'China']:.1%}",
        # Check 3: GDP per head 2013 (World Bank, current US$)
        "US$ 13,478": f"US$ {gdp['KAZ']:,.0f}",
        "US$ 15,941": f"US$ {gdp['RUS']:,.0f}",
        "US$ 7,998": f"US$ {gdp['BLR']:,.0f}",
        # Forecast 1: agreement with Kazakhstan on all roll calls
        "0.786": f"{_agreement(data, 'RUS', 2005, 2013):.3f}",
        "0.627": f"{_agreement(data, 'RUS', 2015, 2019):.3f}",
        "0.846": f"{_agreement(data, 'CHN', 2005, 2013):.3f}",
        "0.771": f"{_agreement(data, 'CHN', 2015, 2019):.3f}",
        "0.230": f"{_agreement(data, 'USA', 2005, 2013):.3f}",
        "0.226": f"{_agreement(data, 'USA', 2015, 2019):.3f}",
        # Forecast 2: Syria roll calls
        "voted yes on the Syria resolutions of 2011 and 2012 and abstained on all nine from December 2013 to 2019": (
            f"voted yes on the Syria resolutions of {' and '.join(str(y) for y in sorted(set(yes['date'].dt.year)))} "
            f"and abstained on all {_words(len(abstained))} from {abstained['date'].min():%B %Y} to "
            f"{abstained['date'].max():%Y}"),
        "Kazakhstan's abstentions from December 2013": f"Kazakhstan's abstentions from {abstained['date'].min():%B %Y}",
        # Forecast 3: trade with Russia and the EU, 2013 and 2020
        "18.1% in 2013": f"{shares.loc[2013, 'Russia']:.1%} in 2013",
        "21.5% in 2020": f"{shares.loc[2020, 'Russia']:.1%} in 2020",
        "US$ 23.8 bn": f"US$ {by_year.loc[2013, 'Russia'] / 1000:.1f} bn",
        "US$ 18.2 bn": f"US$ {by_year.loc[2020, 'Russia'] / 1000:.1f} bn",
        "US$ 42.7 bn": f"US$ {eu_exports.loc[2013] / 1000:.1f} bn",
        "US$ 17.7 bn": f"US$ {eu_exports.loc[2020] / 1000:.1f} bn",
        "76.3%": f"{fuel['value'].iloc[0]:.1f}%",
        "from 39.3% to 27.7%": f"from {shares.loc[2013, 'EU-27']:.1%} to {shares.loc[2020, 'EU-27']:.1%}",
        "(data to 2020)": f"(data to {int(trade['year'].max())})",
        # Claims
        "70 claims": f"{len(claims)} claims",
        "26/40": f"{confirmed.loc['A', 'sum']}/{confirmed.loc['A', 'size']}",
        "23/30": f"{confirmed.loc['B', 'sum']}/{confirmed.loc['B', 'size']}",
        "0.65": f"{confirmed.loc['A', 'mean']:.2f}",
        "0.77": f"{confirmed.loc['B', 'mean']:.2f}",
        "7 corrected": f"{corrected['A']} corrected",
        "16 qualified": f"{len(qualified)} qualified",
        # 68/262 tally (data, also S5)
        "100 in favour, 11 against, 58 abstentions, 24 absent": (
            f"{tally['yes']} in favour, {tally['no']} against, {tally['abstain']} abstentions, "
            f"{tally['absent']} absent"),
    }


def _words(n: int) -> str:
    return {9: "nine", 10: "ten", 8: "eight", 11: "eleven", 12: "twelve"}.get(n, str(n))
