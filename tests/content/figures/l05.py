"""Figures lesson 05 (The 2022 shock) states about the shipped data, recomputed from it.

Each key is the text as the lesson shows it (notebook markdown, bank l05, docs/instructor/l05.md);
each value recomputes the same text from ``kzlessons.data``. See tests/content/test_figures.py.
"""

from __future__ import annotations

from types import ModuleType

NAMES = ["KAZ", "KGZ", "ARM", "RUS"]


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
    national = data.load("trade")["year"].max()
    out["Kazakhstan's own trade statistics for 2022 are not in our data"] = (
        "Kazakhstan's own trade statistics for 2022 are not in our data" if national < 2022
        else f"the trade data now reach {national}")
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
    return out


#: Labels of the exercise's own design, not claims about the world.
ALLOW = [
    r"2021 = 100",                                    # the base the exercise sets
    r"average month in 2021 and multiply by 100|[Aa] value of 250|normal 2021 month",
    r"twelve rows of 2021",
    r"2021 total|2020 or January 2021 as the base|[Dd]ecember\s+filled with 0|2022-only",   # the checker's named slips
    r"\bsoared\W*\s+in 2022",                         # the invented headline of the reflection
    r"MP-IDSA commentary, 27 April 2023",              # Reading A's full reference
]
