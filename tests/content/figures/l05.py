"""Figures lesson 05 (The 2022 shock) states about the shipped data, recomputed from it.

Each key is the text as the lesson shows it (notebook markdown, bank l05, docs/instructor/l05.md);
each value recomputes the same text from ``kzlessons.data``. See tests/content/test_figures.py.
"""

from __future__ import annotations

from types import ModuleType

NAMES = ["KAZ", "KGZ", "ARM", "RUS"]
GROUPS = ["Russia", "China", "EU-27", "Türkiye", "Central Asia"]


def _monthly(data: ModuleType):
    """EU-27 exports by month and partner, as the lesson builds ``monthly``."""
    trade = data.load("eu_trade_monthly")
    keep = trade[(trade["product"] == "total") & (trade["flow"] == "exports")
                 & trade["partner_iso3"].isin(NAMES)]
    return (keep.groupby(["month", "partner_iso3"], observed=True)["value_eur"]
            .sum(min_count=1).unstack()[NAMES].astype("float64"))


def figures(data: ModuleType) -> dict[str, str]:
    out: dict[str, str] = {}

    # The 2022 timeline: how the events split between the two halves of the year.
    events = data.load("events")
    year = events[events["date"].dt.year == 2022]
    first = int((year["date"].dt.month <= 6).sum())
    second = len(year) - first
    out["Of the 21 events of 2022 in the data, 11 fall in January–June and 10 in July–December"] = (
        f"Of the {len(year)} events of 2022 in the data, {first} fall in January–June and {second} in July–December")
    out["The 2022 timeline holds 21 events, 11 of them in January–June and 10 in July–December"] = (
        f"The 2022 timeline holds {len(year)} events, {first} of them in January–June and {second} in July–December")
    spief = year[year["description"].str.contains("SPIEF")]["date"].iloc[0]
    out["SPIEF (June) is in the first half"] = (
        f"SPIEF ({spief:%B}) is in the {'first' if spief.month <= 6 else 'second'} half")

    # eu_trade_monthly: reporters, partners, the missing December.
    trade = data.load("eu_trade_monthly")
    reporters, partners = trade["reporter"].nunique(), trade["partner_iso3"].nunique()
    words = {7: "seven", 6: "six", 8: "eight"}
    out["each of the 27 EU members and seven partners"] = (
        f"each of the {reporters} EU members and {words.get(partners, partners)} partners")
    out["add up the 27 reporters"] = f"add up the {reporters} reporters"
    out["summed over 27 reporters"] = f"summed over {reporters} reporters"
    monthly = _monthly(data)
    empty = monthly.index[monthly.isna().all(axis=1)]
    out["December 2022 is missing"] = " ".join(f"{m:%B %Y}" for m in empty) + " is missing"
    out["December 2022 is empty"] = " ".join(f"{m:%B %Y}" for m in empty) + " is empty"
    last = monthly.dropna(how="all").index.max()
    out["The last month on the chart is November 2022"] = f"The last month on the chart is {last:%B %Y}"

    # The three neighbours: flat in 2020–2021, then a climb through 2022.
    neighbours = monthly[["KAZ", "KGZ", "ARM"]]
    change = neighbours.loc["2021"].mean() / neighbours.loc["2020"].mean() - 1
    no_trend = bool((change.abs() < 0.2).all())
    climbs = bool((neighbours.loc["2022-07":"2022-11"].mean() > 1.5 * neighbours.loc["2021"].mean()).all())
    out["None of them shows a clear trend through 2020 and 2021; then each climbs through 2022"] = (
        "None of them shows a clear trend through 2020 and 2021; then each climbs through 2022"
        if no_trend and climbs else f"no_trend={no_trend}, climbs={climbs}: rewrite the sentence")
    rus_ratio = monthly.loc["2022-03":"2022-11", "RUS"].mean() / monthly.loc["2021", "RUS"].mean()
    out["rose sharply through 2022 while exports to Russia fell by roughly half"] = (
        "rose sharply through 2022 while exports to Russia fell by roughly half"
        if climbs and 0.4 <= rus_ratio <= 0.65 else f"Russia kept {rus_ratio:.0%}: rewrite the sentence")
    jumped = bool((neighbours.loc["2022"].mean() > neighbours.loc["2021"].mean()).all()
                  and monthly.loc["2022", "RUS"].mean() < monthly.loc["2021", "RUS"].mean())
    out["EU exports to Kazakhstan, Kyrgyzstan and Armenia jumped in 2022 while exports to Russia fell"] = (
        "EU exports to Kazakhstan, Kyrgyzstan and Armenia jumped in 2022 while exports to Russia fell"
        if jumped else "the 2022 summary no longer fits the data")
    highest = neighbours.mean().idxmax()
    out["Kazakhstan's line is the highest in euros"] = (
        "Kazakhstan's line is the highest in euros" if highest == "KAZ" else f"{highest}'s line is the highest")

    # Russia: the drop of March 2022.
    rus = monthly["RUS"].dropna()
    drop = rus.pct_change().idxmin()
    out["drop in March 2022"] = f"drop in {drop:%B %Y}"

    # The index, 2021 = 100.
    index = monthly / monthly.loc["2021"].mean() * 100
    nov = index.loc[last]
    out["November 2022, Kazakhstan about 240"] = f"{last:%B %Y}, Kazakhstan about {nov['KAZ']:.0f}"
    out["Kyrgyzstan about 928"] = f"Kyrgyzstan about {nov['KGZ']:.0f}"
    out["Armenia about 373"] = f"Armenia about {nov['ARM']:.0f}"
    out["Russia about 62"] = f"Russia about {nov['RUS']:.0f}"
    peak_kaz = index["KAZ"].idxmax()
    out["peak about 276 in October 2022"] = f"peak about {index['KAZ'].max():.0f} in {peak_kaz:%B %Y}"
    out["peak about 386"] = f"peak about {index['ARM'].max():.0f}"
    low = index["RUS"].idxmin()
    out["low about 39 in April 2022"] = f"low about {index['RUS'].min():.0f} in {low:%B %Y}"
    out["below 40 in April 2022"] = (
        f"below 40 in {low:%B %Y}" if index["RUS"].min() < 40 else "not below 40")
    label = {"KGZ": "Kyrgyzstan", "KAZ": "Kazakhstan", "ARM": "Armenia", "RUS": "Russia"}
    out["Kyrgyzstan's index climbs highest"] = f"{label[index.loc['2022'].max().idxmax()]}'s index climbs highest"

    out.update(_bns(data, index))
    out.update(_customs_union(data, monthly))
    return out


def _own(data: ModuleType):
    """Kazakhstan's own (BNS) trade, US$ billion, by partner group, year and flow, as the lesson builds ``own``."""
    bns = data.load("trade_bns")
    rows = bns[bns["latest"] & ~bns["is_aggregate"] & bns["year"].between(2019, 2023)
               & bns["partner_group"].isin(GROUPS)]
    own = (rows.groupby(["partner_group", "year", "flow"], observed=True)["value_usd_mn"].sum()
           .unstack("flow") / 1000)
    own["turnover"] = own["exports"] + own["imports"]
    return bns, own


def _bns(data: ModuleType, index) -> dict[str, str]:
    """The BNS section: editions, the EU row, turnover 2021-2023, exports to Russia, the two records."""
    out: dict[str, str] = {}
    bns, own = _own(data)
    years = sorted(bns["year"].unique())
    out["read the shock in Kazakhstan's own trade statistics for 2019–2023"] = (
        f"read the shock in Kazakhstan's own trade statistics for {max(2019, years[0])}–{years[-1]}")
    out["holds the editions for 2018–2023"] = f"holds the editions for {years[0]}–{years[-1]}"

    # The BNS "EU countries" row minus the 27 members is the UK row until the UK drops out of it.
    latest = bns[bns["latest"]]
    def row(name):
        return latest[latest["partner"] == name].set_index(["year", "flow"])["value_usd_mn"]
    uk_in = (row("EU countries") - row("EU-27 (sum of the 27 member rows)")).groupby("year").sum() > 1
    members = bns[bns["partner_group"] == "EU-27"]["iso3"].nunique()
    out["still includes the United Kingdom until 2022. Add up the 27 member countries"] = (
        f"still includes the United Kingdom until {max(uk_in[uk_in].index)}. Add up the {members} member countries")
    out["the BNS \"EU countries\" row includes the UK to 2022"] = (
        f"the BNS \"EU countries\" row includes the UK to {max(uk_in[uk_in].index)}")

    turnover = own["turnover"].unstack("partner_group")
    rises = bool((turnover.loc[2022] > turnover.loc[2021]).all())
    out["Every line rises in 2022"] = "Every line rises in 2022" if rises else "not every line rises in 2022"
    t = turnover.round(1)
    passed = "had passed" if turnover.loc[2023, "China"] > turnover.loc[2023, "Russia"] else "had not passed"
    out[("Trade with Russia grew from about US$ 24.6 billion in 2021 to 27.0 billion, with China from 18.0 to "
         "24.2 billion, and with the EU-27 from 28.9 to 40.0 billion; by 2023 China's line had passed Russia's")] = (
        f"Trade with Russia grew from about US$ {t.loc[2021, 'Russia']:.1f} billion in 2021 to "
        f"{t.loc[2022, 'Russia']:.1f} billion, with China from {t.loc[2021, 'China']:.1f} to "
        f"{t.loc[2022, 'China']:.1f} billion, and with the EU-27 from {t.loc[2021, 'EU-27']:.1f} to "
        f"{t.loc[2022, 'EU-27']:.1f} billion; by 2023 China's line {passed} Russia's")
    out["Turnover 2021 → 2022: Russia about 24.6 → 27.0, China 18.0 → 24.2, EU-27 28.9 → 40.0 (US$ bn)"] = (
        f"Turnover 2021 → 2022: Russia about {t.loc[2021, 'Russia']:.1f} → {t.loc[2022, 'Russia']:.1f}, "
        f"China {t.loc[2021, 'China']:.1f} → {t.loc[2022, 'China']:.1f}, "
        f"EU-27 {t.loc[2021, 'EU-27']:.1f} → {t.loc[2022, 'EU-27']:.1f} (US$ bn)")
    out["China's turnover passed Russia's in 2023 on this basis"] = (
        f"China's turnover {passed.split()[-1]} Russia's in 2023 on this basis")

    russia = own.loc["Russia"]
    flat = abs(russia.loc[2022, "imports"] / russia.loc[2021, "imports"] - 1) < 0.05
    out["exports to Russia rose from about US$ 7.0 billion to 9.1 billion, while its imports from Russia hardly moved"] = (
        f"exports to Russia rose from about US$ {russia.loc[2021, 'exports']:.1f} billion to "
        f"{russia.loc[2022, 'exports']:.1f} billion, while its imports from Russia "
        + ("hardly moved" if flat else "moved"))
    out["exports to Russia 7.0 → 9.1 with imports from Russia flat"] = (
        f"exports to Russia {russia.loc[2021, 'exports']:.1f} → {russia.loc[2022, 'exports']:.1f} "
        "with imports from Russia " + ("flat" if flat else "moving"))
    up = bool(rises and russia.loc[2022, "exports"] > russia.loc[2021, "exports"])
    out["show its trade with every main partner rising in 2022 and its exports to Russia up"] = (
        "show its trade with every main partner rising in 2022 and its exports to Russia up" if up
        else "the BNS summary no longer fits the data")

    # The two records of the same goods: EU exports to Kazakhstan (same months) against BNS imports from the EU.
    monthly = _monthly(data)
    last = monthly.dropna(how="all").index.max()
    eleven = monthly[monthly.index.month <= last.month]
    eu = eleven.loc["2022", "KAZ"].sum() / eleven.loc["2021", "KAZ"].sum() - 1
    kz = own.loc[("EU-27", 2022), "imports"] / own.loc[("EU-27", 2021), "imports"] - 1
    words = {11: "eleven", 10: "ten", 12: "twelve"}
    out["Compare the two records for 2021 and 2022. The EU's record ends in November 2022, so compare the same "
        "eleven months"] = (
        f"Compare the two records for 2021 and 2022. The EU's record ends in {last:%B %Y}, so compare the same "
        f"{words.get(last.month, last.month)} months")
    out["+80% against +35%"] = f"{eu:+.0%} against {kz:+.0%}"
    out["+80% (Jan–Nov 2022 on Jan–Nov 2021, euros)"] = f"{eu:+.0%} (Jan–{last:%b} 2022 on Jan–{last:%b} 2021, euros)"
    out["+35% (2022 on 2021, dollars)"] = f"{kz:+.0%} (2022 on 2021, dollars)"
    out["(+80% in the first eleven months)"] = f"({eu:+.0%} in the first {words.get(last.month, last.month)} months)"
    out["(+35% for the year, in dollars)"] = f"({kz:+.0%} for the year, in dollars)"
    return out


def _customs_union(data: ModuleType, monthly) -> dict[str, str]:
    """The customs-union test: all seven partners indexed to 2021 = 100, averaged March-November 2022."""
    out: dict[str, str] = {}
    trade = data.load("eu_trade_monthly")
    exports = trade[(trade["product"] == "total") & (trade["flow"] == "exports")]
    seven = (exports.groupby(["month", "partner_iso3"], observed=True)["value_eur"]
             .sum(min_count=1).unstack().astype("float64"))
    last = seven.dropna(how="all").index.max()
    window = (seven / seven.loc["2021"].mean() * 100).loc["2022-03":last]
    after = window.mean()
    words = {9: "nine", 8: "eight", 10: "ten"}
    out["averages the nine months from the invasion to November 2022 (March–November)"] = (
        f"averages the {words.get(len(window), len(window))} months from the invasion to {last:%B %Y} "
        f"(March–{last:%B})")
    out[("Kyrgyzstan about 450, Armenia about 269, Kazakhstan about 195, against about 160 for Georgia and "
         "about 154 for Uzbekistan")] = (
        f"Kyrgyzstan about {after['KGZ']:.0f}, Armenia about {after['ARM']:.0f}, Kazakhstan about "
        f"{after['KAZ']:.0f}, against about {after['GEO']:.0f} for Georgia and about {after['UZB']:.0f} for Uzbekistan")
    for code, name in (("KGZ", "Kyrgyzstan"), ("ARM", "Armenia"), ("KAZ", "Kazakhstan"), ("GEO", "Georgia"),
                       ("UZB", "Uzbekistan"), ("BLR", "Belarus"), ("RUS", "Russia")):
        shown = {"KGZ": 450, "ARM": 269, "KAZ": 195, "GEO": 160, "UZB": 154, "BLR": 92, "RUS": 54}[code]
        out[f"{name} about {shown}"] = f"{name} about {after[code]:.0f}"
    lead = after[["KGZ", "ARM", "KAZ"]].min() > after[["GEO", "UZB"]].max()
    out["The three members lead"] = "The three members lead" if lead else "The three members do not all lead"
    half = bool((after[["GEO", "UZB"]] > 150).all())
    out["rose too, by more than half"] = "rose too, by more than half" if half else "did not rise by half"
    out["they rose more to these EAEU members than to Georgia and Uzbekistan"] = (
        "they rose more to these EAEU members than to Georgia and Uzbekistan" if lead
        else "the customs-union summary no longer fits the data")
    return out


#: Labels of the exercise's own design, not claims about the world.
ALLOW = [
    r"2021 = 100",                                    # the base the exercise sets
    r"average month in 2021 and multiply by 100|[Aa] value of 250|normal 2021 month",
    r"twelve rows of 2021",
    r"2021 total|2020 or January 2021 as the base|[Dd]ecember\s+filled with 0|2022-only",   # the checker's named slips
    r"\bsoared\W*\s+in 2022",                         # the invented headline of the reflection
    r"MP-IDSA commentary, 27 April 2023",              # Reading A's full reference
    r"\b1-TS\b",                                        # the name of the BNS survey form
]
