"""Data figures that lesson 07 states, recomputed from the shipped data (BRIEF convention 1).

``figures(data)`` maps each figure's text as the lesson writes it (notebook markdown,
bank l07, docs/instructor/l07.md) to the same text recomputed from ``data`` (the
``kzlessons.data`` module) with the same formatting. A few keys carry no number but a
claim about the data ("It never voted yes"): they are recomputed the same way, so the
sentence fails here the day the data stop bearing it out.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

#: Number-bearing phrases that are neither data figures nor need a source.
ALLOW: list[str] = [
    r"\b(?:Step|Check|Forecast) \d\b",                       # section labels
    r"\bES-11\b",                                            # the emergency session's name
    r"Forecasts 1 to 4|Forecasts 1–4|Steps 1–4",              # ranges of those labels
    r"shares between 0 and 1(?: that add up to 1)?",          # the exercises' instructions
    r"partner shares in 2015|\(exports plus imports\) in\s+2015",
    r"\b2005–2013\b|\b2015–2019\b|\b2020–2026\b",             # the comparison windows chosen
    r"about 200 words",                                       # length of the written task
    r"September 2015|27 April 2023",                          # the readings' publication dates
]

_WORDS = {0: "none", 1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven",
          8: "eight", 9: "nine", 10: "ten", 11: "eleven", 12: "twelve"}


def _words(n: int) -> str:
    return _WORDS.get(n, str(n))


def _trade_tables(data: Any):
    trade = data.load("trade")
    reported = trade[(trade["basis"] == "reported") & ~trade["is_aggregate"]]
    by_year = reported.groupby(["year", "partner_group"], observed=True)["value_usd_mn"].sum().unstack()
    return trade, reported, by_year


def _eu_share(rows) -> float:
    rows = rows[~rows["is_aggregate"]]
    return rows.loc[rows["partner_group"] == "EU-27", "value_usd_mn"].sum() / rows["value_usd_mn"].sum()


def _votes(data: Any) -> pd.DataFrame:
    """un_votes without the UN record's "not voting" rows (what an agreement may compare)."""
    votes = data.load("un_votes")
    return votes[votes["vote"] != "not voting"].astype({"iso3": str, "vote": str})


def _wide(data: Any, countries: list[str]) -> pd.DataFrame:
    years = data.load("un_roll_calls").set_index("rcid")["date"].dt.year
    votes = _votes(data)
    return (votes[votes["iso3"].isin(countries)].pivot(index="rcid", columns="iso3", values="vote")
            .join(years.rename("year")))


def _agreement(wide: pd.DataFrame, partner: str, first: int, last: int) -> float:
    both = wide[wide["year"].between(first, last)].dropna(subset=["KAZ", partner])
    return float((both["KAZ"] == both[partner]).mean())


def _mix(wide: pd.DataFrame, country: str, vote: str, first: int, last: int) -> float:
    cast = wide.loc[wide["year"].between(first, last), country].dropna()
    return float((cast == vote).mean())


def _ukraine(data: Any) -> pd.DataFrame:
    """Whole-text roll calls from 2014 whose title names Ukraine or Crimea, and ES-11, with a topic and
    the votes of Kazakhstan, Russia, the US and the Central Asian neighbours ("did not vote" if none)."""
    rc = data.load("un_roll_calls")
    title = rc["short"].fillna("") + " " + rc["descr"].fillna("")
    whole = ~rc["para"].fillna(False).astype(bool) & ~rc["amend"].fillna(False).astype(bool)
    es11 = rc["unres"].fillna("").str.contains("ES-11")
    chosen = rc[(title.str.contains("Ukraine|Crimea") | es11) & whole & (rc["date"].dt.year >= 2014)].copy()
    low = title[chosen.index].str.lower()
    chosen["topic"] = "other"
    chosen.loc[low.str.contains("militarization"), "topic"] = "militarisation"
    chosen.loc[low.str.contains("crimea") & low.str.contains("human rights"), "topic"] = "human rights"
    chosen.loc[es11[chosen.index], "topic"] = "ES-11"
    votes = _votes(data)
    wide = votes[votes["iso3"].isin(["KAZ", "RUS", "USA", "KGZ", "TJK", "UZB"])].pivot(
        index="rcid", columns="iso3", values="vote")
    return chosen.set_index("rcid")[["date", "unres", "topic"]].join(wide).fillna("did not vote")


def _syria(data: Any) -> pd.DataFrame:
    rc = data.load("un_roll_calls")
    titles = rc["short"].fillna("") + " " + rc["descr"].fillna("")
    syria = rc[titles.str.contains("Syrian Arab Republic") & ~titles.str.contains("Golan")
               & (rc["date"].dt.year >= 2011)]
    wide = data.load("un_votes")
    wide = wide[wide["iso3"].isin(["KAZ", "RUS", "CHN", "USA"])].astype({"iso3": str, "vote": str}).pivot(
        index="rcid", columns="iso3", values="vote")
    return syria.set_index("rcid")[["date", "unres"]].join(wide).fillna("did not vote").sort_values("date")


def _months(dates) -> str:
    """"December 2011, February 2012 and December 2012"."""
    parts = [f"{d:%B %Y}" for d in dates]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _day(d) -> str:
    return f"{d.day} {d:%B %Y}"


def _ukraine_figures(data: Any) -> dict[str, str]:
    u = _ukraine(data)
    years = lambda rows: sorted(set(rows["date"].dt.year))  # noqa: E731
    hr, mil, es11 = u[u["topic"] == "human rights"], u[u["topic"] == "militarisation"], u[u["topic"] == "ES-11"]
    hr_years = years(hr)
    every_year = hr_years == list(range(hr_years[0], hr_years[-1] + 1))
    kaz_no_hr = hr[hr["KAZ"] == "no"]
    us_yes_there = bool((kaz_no_hr["USA"] == "yes").all())
    no_years = years(kaz_no_hr)
    after_no = hr[hr["date"] > kaz_no_hr["date"].max()]
    nv = after_no[after_no["KAZ"] == "did not vote"]
    ab = after_no[after_no["KAZ"] == "abstain"]
    es11_no = es11[es11["KAZ"] == "no"]
    es11_rest = es11[es11["KAZ"] != "no"]
    memo = u[u["date"] > "2015-09-30"]
    took = memo[memo["KAZ"] != "did not vote"]
    as_rus, as_us = int((took["KAZ"] == took["RUS"]).sum()), int((took["KAZ"] == took["USA"]).sum())

    other = u[(u["topic"] == "other") & (u["date"] > "2015-09-30")]    # 68/262 (2014) is before the memo

    def last_no(iso: str) -> pd.Timestamp:
        return hr.loc[hr[iso] == "no", "date"].max()
    kaz_last = last_no("KAZ")
    neighbours_first = all(last_no(n) < kaz_last for n in ["KGZ", "TJK", "UZB"] if (hr[n] == "no").any())
    return {
        "From December 2016 the Assembly voted every year on human rights in Crimea, from 2018 to 2021 also on "
        "its militarisation, and in 2022–2023 came the emergency session ES-11": (
            f"From {hr['date'].min():%B %Y} the Assembly voted {'every year' if every_year else 'in several years'} "
            f"on human rights in Crimea, from {years(mil)[0]} to {years(mil)[-1]} also on its militarisation, and "
            f"in {years(es11)[0]}–{years(es11)[-1]} came the emergency session ES-11"),
        "It voted no with Russia on the seven Crimea human-rights texts of 2016–2022, where the United States "
        "voted yes, and on ES-11/3": (
            f"It voted no with Russia on the {_words(len(kaz_no_hr))} Crimea human-rights texts of "
            f"{no_years[0]}–{no_years[-1]}, where the United States {'voted yes' if us_yes_there else 'split'}, "
            f"and on {es11_no['unres'].str.replace('A/RES/', '').str.cat(sep=', ')}"),
        "It abstained on the four militarisation texts, on the other five ES-11 resolutions and on 78/316 on "
        "Ukraine's nuclear plants": (
            f"It abstained on the {_words(int((mil['KAZ'] == 'abstain').sum()))} militarisation texts, on the "
            f"other {_words(int((es11_rest['KAZ'] == 'abstain').sum()))} ES-11 resolutions and on "
            f"{' and '.join(other.loc[other['KAZ'] == 'abstain', 'unres'].str.replace('A/RES/', ''))} on "
            "Ukraine's nuclear plants"),
        "on the human-rights text it did not vote in 2023 and abstained in 2024 and 2025": (
            f"on the human-rights text it did not vote in {' and '.join(map(str, years(nv)))} and abstained in "
            f"{' and '.join(map(str, years(ab)))}"),
        "never voted yes": "never voted yes" if not (u["KAZ"] == "yes").any() else "voted yes",
        "Of the 21 Ukraine roll calls after the memo it took part in 20, voting as Russia did on 8 and as the "
        "United States did on none": (
            f"Of the {len(memo)} Ukraine roll calls after the memo it took part in {len(took)}, voting as Russia "
            f"did on {as_rus} and as the United States did on {_words(as_us)}"),
        "did on 8 of the 20 Ukraine roll calls it took part in after the memo": (
            f"did on {as_rus} of the {len(took)} Ukraine roll calls it took part in after the memo"),
        "Three of its neighbours had also voted no on the Crimea human-rights texts: Uzbekistan from 2016, "
        "Kyrgyzstan and Tajikistan from 2017, after abstaining on the first. All three stopped before Kazakhstan "
        "did: Tajikistan and Uzbekistan after 2018, Kyrgyzstan after 2021. Turkmenistan cast no vote on any of "
        "them": _neighbours_sentence(data, hr, neighbours_first),
        "yes, from December 2016": f"yes, from {hr['date'].min():%B %Y}",
        "no with Russia on the Crimea human-rights texts of 2016–2022 and on ES-11/3": (
            f"no with Russia on the Crimea human-rights texts of {no_years[0]}–{no_years[-1]} and on "
            f"{es11_no['unres'].str.replace('A/RES/', '').str.cat(sep=', ')}"),
        "the seven Crimea human-rights texts of 2016–2022": (
            f"the {_words(len(kaz_no_hr))} Crimea human-rights texts of {no_years[0]}–{no_years[-1]}"),
        "every December from 2016": (
            f"every December from {hr_years[0]}" if every_year and (hr["date"].dt.month == 12).all()
            else "in several years"),
        "Kazakhstan stood with Russia for seven years": (
            f"Kazakhstan stood with Russia for {_words(no_years[-1] - no_years[0] + 1)} years"),
    }


def _neighbours_sentence(data: Any, hr: pd.DataFrame, neighbours_first: bool) -> str:
    """The lesson's sentence on the Central Asian neighbours' votes on the Crimea human-rights texts."""
    votes = data.load("un_votes")
    tkm = votes[(votes["iso3"] == "TKM") & votes["rcid"].isin(hr.index)]
    tkm_none = bool((tkm["vote"].astype(str) == "not voting").all())      # Voeten's years: no row at all
    first_kind = {n: hr.sort_values("date").iloc[0][n] for n in ["KGZ", "TJK", "UZB"]}
    first_no = {n: int(hr.loc[hr[n] == "no", "date"].dt.year.min()) for n in ["KGZ", "TJK", "UZB"]}
    last_no = {n: int(hr.loc[hr[n] == "no", "date"].dt.year.max()) for n in ["KGZ", "TJK", "UZB"]}
    late = [n for n in ("KGZ", "TJK") if first_kind[n] == "abstain"]
    return (
        f"Three of its neighbours had also voted no on the Crimea human-rights texts: Uzbekistan from "
        f"{first_no['UZB']}, Kyrgyzstan and Tajikistan from {first_no['KGZ'] if first_no['KGZ'] == first_no['TJK'] else '?'}"
        f"{', after abstaining on the first' if len(late) == 2 else ''}. "
        f"{'All three stopped before Kazakhstan did' if neighbours_first else 'Not all stopped first'}: "
        f"Tajikistan and Uzbekistan after {last_no['TJK'] if last_no['TJK'] == last_no['UZB'] else '?'}, "
        f"Kyrgyzstan after {last_no['KGZ']}. "
        f"{'Turkmenistan cast no vote on any of them' if tkm_none else 'Turkmenistan voted on some'}")


def _agreement_figures(data: Any) -> dict[str, str]:
    w = _wide(data, ["KAZ", "RUS", "CHN", "USA"])
    windows = [(2005, 2013), (2015, 2019), (2020, 2026)]

    def three(partner: str) -> list[str]:
        return [f"{_agreement(w, partner, a, b):.3f}" for a, b in windows]
    rus, chn, usa = three("RUS"), three("CHN"), three("USA")
    kaz_yes = [f"{100 * _mix(w, 'KAZ', 'yes', a, b):.1f}%" for a, b in windows]
    kaz_no = [f"{100 * _mix(w, 'KAZ', 'no', a, b):.1f}%" for a, b in windows]
    rus_no = [f"{100 * _mix(w, 'RUS', 'no', a, b):.1f}%" for a, b in windows]
    kaz_range = max(_mix(w, "KAZ", "yes", a, b) for a, b in windows) - min(
        _mix(w, "KAZ", "yes", a, b) for a, b in windows)
    rus_rise = _mix(w, "RUS", "no", 2015, 2019) - _mix(w, "RUS", "no", 2005, 2013)
    return {
        "0.786 of them in 2005–2013, 0.627 in 2015–2019 and 0.639 in 2020–2026":
            f"{rus[0]} of them in 2005–2013, {rus[1]} in 2015–2019 and {rus[2]} in 2020–2026",
        "as China did on 0.846, 0.771 and 0.804": f"as China did on {chn[0]}, {chn[1]} and {chn[2]}",
        "as the United States did on 0.230, 0.226 and 0.160":
            f"as the United States did on {usa[0]}, {usa[1]} and {usa[2]}",
        "Kazakhstan voted yes on 89.9%, 89.5% and 90.7%": f"Kazakhstan voted yes on {', '.join(kaz_yes[:2])} and {kaz_yes[2]}",
        "no on 3.0%, 2.8% and 1.1%": f"no on {', '.join(kaz_no[:2])} and {kaz_no[2]}",
        "Russia's share of no votes rose from 7.7% to 22.3% and then 24.5%":
            f"Russia's share of no votes rose from {rus_no[0]} to {rus_no[1]} and then {rus_no[2]}",
        "Russia moved, towards voting no; Kazakhstan kept voting as before": (
            "Russia moved, towards voting no; Kazakhstan kept voting as before"
            if kaz_range < 0.02 and rus_rise > 0.10 else "both moved"),
        # the bank and the instructor notes quote the first two windows for Russia
        "0.786 in 2005–2013 to 0.627 in 2015–2019": f"{rus[0]} in 2005–2013 to {rus[1]} in 2015–2019",
    }


def _syria_figures(data: Any) -> dict[str, str]:
    s = _syria(data)
    yes = s[s["KAZ"] == "yes"]
    switch = s[(s["KAZ"] != "yes") & (s["date"] > yes["date"].max())]
    abstained = switch[switch["KAZ"] == "abstain"]
    others = switch[switch["KAZ"] != "abstain"]
    from_feb = s[s["date"] >= "2012-02-01"]
    chn_no = from_feb[from_feb["CHN"] == "no"]
    chn_after = from_feb[from_feb["date"] > chn_no["date"].max()]
    rc = data.load("un_roll_calls")
    dates = pd.Series(sorted(set(rc["date"])))
    around = dates[dates.between("2012-01-01", "2013-12-31")].reset_index(drop=True)
    gaps = pd.DataFrame({"before": around.shift(), "after": around, "days": around.diff().dt.days})
    in_2012 = gaps[gaps["after"].dt.year == 2012].nlargest(1, "days").iloc[0]
    span_start = around[around.dt.year == 2012].max()                      # the last roll call of 2012
    span_end = around[around >= "2013-09-01"].min()                         # the first of the autumn session
    lone = around[(around > span_start) & (around < span_end)]
    return {
        "between 21 June and 13 November 2012 it holds no roll call, and between 24 December 2012 and "
        "29 October 2013 only one (28 June 2013)": (
            f"between {in_2012['before'].day} {in_2012['before']:%B} and {_day(in_2012['after'])} it holds no "
            f"roll call, and between {_day(span_start)} and {_day(span_end)} only {_words(len(lone))} "
            f"({_day(lone.min())})"),
        "Kazakhstan voted yes in December 2011, February 2012 and December 2012":
            f"Kazakhstan voted yes in {_months(yes['date'])}",
        "abstained on all 16 Syria resolutions it voted on from December 2013 to 2025": (
            f"abstained on all {len(abstained)} Syria resolutions it voted on from {abstained['date'].min():%B %Y} "
            f"to {abstained['date'].max():%Y}"),
        "it did not vote on one more, a budget text of 2024": (
            f"it did not vote on {_words(len(others))} more, a budget text of {others['date'].dt.year.max()}"),
        "From February 2012 Russia voted no and the United States yes on every one the file holds": (
            "From February 2012 Russia voted no and the United States yes on every one the file holds"
            if (from_feb["RUS"] == "no").all() and (from_feb["USA"] == "yes").all() else "not so"),
        "China voted no until 2025, when it abstained": (
            f"China voted no until {chn_after['date'].dt.year.min()}, when it "
            f"{'abstained' if (chn_after['CHN'] == 'abstain').all() else 'changed'}"),
        # the bank and the instructor notes
        "abstained on every one it voted on from December 2013 to 2025":
            f"abstained on every one it voted on from {abstained['date'].min():%B %Y} to {abstained['date'].max():%Y}",
        "abstentions from December 2013": f"abstentions from {abstained['date'].min():%B %Y}",
        "voted yes up to December 2012": f"voted yes up to {yes['date'].max():%B %Y}",
    }


def _bns_figures(data: Any) -> dict[str, str]:
    bns = data.load("trade_bns")
    rows = bns[bns["latest"] & bns["iso3"].isin(["RUS", "CHN"])]
    bn = rows.groupby(["year", "iso3"], observed=True)["value_usd_mn"].sum().unstack() / 1000
    last = int(bn.index.max())
    overtook = bool(bn.loc[last, "CHN"] > bn.loc[last, "RUS"] and bn.loc[last - 1, "CHN"] < bn.loc[last - 1, "RUS"])
    highest = bool(bn["RUS"].idxmax() == last)
    return {
        "trade with Russia reached US$ 27.0 bn in 2022 and US$ 27.1 bn in 2023, its highest in these data": (
            f"trade with Russia reached US$ {bn.loc[last - 1, 'RUS']:.1f} bn in {last - 1} and "
            f"US$ {bn.loc[last, 'RUS']:.1f} bn in {last}, {'its highest in these data' if highest else 'not its peak'}"),
        "to US$ 30.1 bn in 2023, overtaking Russia": (
            f"to US$ {bn.loc[last, 'CHN']:.1f} bn in {last}, {'overtaking Russia' if overtook else 'behind Russia'}"),
        "now carried to 2023 with Kazakhstan's own statistics": (
            f"now carried to {last} with Kazakhstan's own statistics"),
        "China overtook Russia as a trade partner in 2023": (
            f"China overtook Russia as a trade partner in {last}" if overtook else "China did not overtake Russia"),
    }


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

    ukraine = data.load("ukraine_votes")
    tally = ukraine[ukraine["resolution"] == "A/RES/68/262"]["vote"].astype(str).value_counts()
    rc = data.load("un_roll_calls")
    voeten_end = rc.loc[rc["origin"].astype(str).str.startswith("Voeten"), "date"].max()

    out = {
        # Check 1: how un_votes records a state that did not vote
        "Voeten's roll calls, to January 2020,": f"Voeten's roll calls, to {voeten_end:%B %Y},",
        "every recorded UN vote from 2014 to June 2026": f"every recorded UN vote from 2014 to {rc['date'].max():%B %Y}",
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
        # Forecast 3, the aside: trade with Russia and the EU, 2013 and 2020
        "18.1% in 2013": f"{shares.loc[2013, 'Russia']:.1%} in 2013",
        "21.5% in 2020": f"{shares.loc[2020, 'Russia']:.1%} in 2020",
        "US$ 23.8 bn": f"US$ {by_year.loc[2013, 'Russia'] / 1000:.1f} bn",
        "US$ 18.2 bn": f"US$ {by_year.loc[2020, 'Russia'] / 1000:.1f} bn",
        "US$ 42.7 bn": f"US$ {eu_exports.loc[2013] / 1000:.1f} bn",
        "US$ 17.7 bn": f"US$ {eu_exports.loc[2020] / 1000:.1f} bn",
        "76.3%": f"{fuel['value'].iloc[0]:.1f}%",
        "from 39.3% to 27.7%": f"from {shares.loc[2013, 'EU-27']:.1%} to {shares.loc[2020, 'EU-27']:.1%}",
        "The IMF data stop in 2020": f"The IMF data stop in {int(trade['year'].max())}",
        # Claims
        "70 claims": f"{len(claims)} claims",
        "26/40": f"{confirmed.loc['A', 'sum']}/{confirmed.loc['A', 'size']}",
        "23/30": f"{confirmed.loc['B', 'sum']}/{confirmed.loc['B', 'size']}",
        "0.65": f"{confirmed.loc['A', 'mean']:.2f}",
        "0.77": f"{confirmed.loc['B', 'mean']:.2f}",
        "6 corrected": f"{corrected['A']} corrected",
        "16 qualified": f"{len(qualified)} qualified",
        # 68/262 tally (data, also S5)
        "100 in favour, 11 against, 58 abstentions, 24 absent": (
            f"{tally['yes']} in favour, {tally['no']} against, {tally['abstain']} abstentions, "
            f"{tally['absent']} absent"),
    }
    out.update(_ukraine_figures(data))
    out.update(_agreement_figures(data))
    out.update(_syria_figures(data))
    out.update(_bns_figures(data))
    return out
