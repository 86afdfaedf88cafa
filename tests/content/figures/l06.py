"""Figures lesson 06 (Partner diversification) states about the shipped data, recomputed from it.

Each key is the text as the lesson shows it (notebook markdown, bank l06, docs/instructor/l06.md);
each value recomputes the same text from ``kzlessons.data``. See tests/content/test_figures.py.
"""

from __future__ import annotations

from types import ModuleType

import numpy as np
import pandas as pd

PARTNERS = ["Russia", "China", "EU-27", "US", "Türkiye"]


def _shares(data: ModuleType, basis: str = "reported", flow: str | None = None) -> pd.DataFrame:
    """Partner-group shares (%) of Kazakhstan's goods trade by year, as lesson 06 builds them."""
    trade = data.load("trade")
    rows = trade[(trade["basis"] == basis) & ~trade["is_aggregate"]]
    if flow is not None:
        rows = rows[rows["flow"] == flow]
    by_group = rows.groupby(["year", "partner_group"], observed=True)["value_usd_mn"].sum().unstack()
    return by_group.div(by_group.sum(axis=1), axis=0) * 100


def _bns(data: ModuleType) -> pd.DataFrame:
    """Country rows of Kazakhstan's BNS trade tables, latest edition of each year, as lesson 06 keeps them."""
    trade_bns = data.load("trade_bns")
    return trade_bns[trade_bns["latest"] & ~trade_bns["is_aggregate"]]


def _group_shares(rows: pd.DataFrame) -> pd.DataFrame:
    by_group = rows.groupby(["year", "partner_group"], observed=True)["value_usd_mn"].sum().unstack()
    return by_group.div(by_group.sum(axis=1), axis=0) * 100


def _hhi(rows: pd.DataFrame, unit: str) -> pd.Series:
    """The lesson's HHI of each year's partner shares, counting ``unit`` as one partner."""
    out = {}
    for year, group in rows.groupby("year"):
        totals = group.groupby(unit, observed=True)["value_usd_mn"].sum()
        totals = totals[totals > 0]
        out[year] = float(((totals / totals.sum()) ** 2).sum())
    return pd.Series(out)


def _indicators(share: pd.DataFrame, year: int, base: int) -> pd.DataFrame:
    return pd.DataFrame({
        "trade_share": share.loc[year, PARTNERS],
        "share_change": share.loc[year, PARTNERS] - share.loc[base, PARTNERS],
        "security_ties": pd.Series({"Russia": 1, "China": 1, "EU-27": 0, "US": 0, "Türkiye": 0}),
        "route_around_russia": pd.Series({"Russia": 0, "China": 1, "EU-27": 1, "US": 0, "Türkiye": 1}),
    })


def _scaled(data: ModuleType) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The scorecard as notebook 06 builds it: BNS 2023 and the change from 2018, natural-zero scales."""
    indicators = _indicators(_group_shares(_bns(data)), 2023, 2018)
    scaled = indicators.astype(float)
    scaled["trade_share"] = indicators["trade_share"] / indicators["trade_share"].max()
    scaled["share_change"] = 0.5 + indicators["share_change"] / (2 * indicators["share_change"].abs().max())
    return indicators, scaled


def _min_max(table: pd.DataFrame) -> pd.DataFrame:
    return (table - table.min()) / (table.max() - table.min())


def _score(scaled: pd.DataFrame, weights: dict[str, float]) -> pd.Series:
    total = sum(scaled[name] * w for name, w in weights.items())
    return (total / sum(abs(w) for w in weights.values())).sort_values(ascending=False)


def figures(data: ModuleType) -> dict[str, str]:
    out: dict[str, str] = {}
    share_dots_all = _shares(data)
    share = share_dots_all.loc[1995:2020]
    eu = share["EU-27"]
    out["peaks in 2010 at 44.9%"] = f"peaks in {eu.idxmax()} at {eu.max():.1f}%"
    rest = eu.drop(2010)
    out["the EU's highest share is 43.1% in 2014"] = f"the EU's highest share is {rest.max():.1f}% in {rest.idxmax()}"
    out["Russia's share drops to 9.7% that year"] = f"Russia's share drops to {share.loc[2010, 'Russia']:.1f}% that year"
    neighbours = share.loc[[2009, 2011], "Russia"].mean()
    out["about half its level in the years on either side"] = (
        "about half its level in the years on either side"
        if 0.4 <= share.loc[2010, "Russia"] / neighbours <= 0.6 else "not half its level")
    mirror = _shares(data, "mirror")
    out["giving Russia 19.4% of the mirror total in 2010"] = (
        f"giving Russia {mirror.loc[2010, 'Russia']:.1f}% of the mirror total in 2010")
    out["the mirror data give Russia 19.4% of the mirror total in 2010"] = (
        f"the mirror data give Russia {mirror.loc[2010, 'Russia']:.1f}% of the mirror total in 2010")
    out["the 2010 Russia share in Kazakhstan's own DOTS reports is 9.7%"] = (
        f"the 2010 Russia share in Kazakhstan's own DOTS reports is {share.loc[2010, 'Russia']:.1f}%")
    out["makes 2010 the EU's peak year (44.9%)"] = f"makes {eu.idxmax()} the EU's peak year ({eu.max():.1f}%)"
    out["These IMF data end in 2020"] = f"These IMF data end in {int(data.load('trade')['year'].max())}"
    # The reading of the chart's lines: steep fall for Russia in the 1990s, the EU on top from
    # the 2000s, the US and Türkiye in single digits.
    falls = share.loc[1995, "Russia"] - share.loc[1999, "Russia"] > 10
    above = eu.loc[2005:2020] > share.loc[2005:2020, "Russia"]
    single = share[["US", "Türkiye"]].max().max() < 10
    out["the EU-27 becomes the largest partner in the 2000s"] = (
        "the EU-27 becomes the largest partner in the 2000s" if falls and above.all()
        else "rewrite: the EU-27 is not the largest partner throughout")
    out["The United States and Türkiye stay in single digits"] = (
        "The United States and Türkiye stay in single digits" if single else "not single digits")

    exports = _shares(data, flow="exports")
    out["goods trade in 2015 (39.3%)"] = f"goods trade in 2015 ({share.loc[2015, 'EU-27']:.1f}%)"
    out["about half of its exports (51.4%)"] = f"about half of its exports ({exports.loc[2015, 'EU-27']:.1f}%)"
    two_fifths = 35 <= share.loc[2015, "EU-27"] <= 45 and 45 <= exports.loc[2015, "EU-27"] <= 55
    out["about two-fifths of Kazakhstan's goods trade and about half of its exports in the IMF data for 2015"] = (
        "about two-fifths of Kazakhstan's goods trade and about half of its exports in the IMF data for 2015"
        if two_fifths else "rewrite the EU summary")

    # FDI, net inflows (World Bank).
    macro = data.load("macro")
    fdi = macro[(macro["iso3"] == "KAZ") & (macro["indicator"] == "fdi_inflows_usd")
                & (macro["year"] >= 2000)].set_index("year")["value"] / 1e9
    out["down to $0.35 bn in 2018"] = f"down to ${fdi.min():.2f} bn in {fdi.idxmin()}"

    # The scorecard (BNS 2023, change from 2018; natural-zero scales).
    indicators, scaled = _scaled(data)
    shown = {"Russia": "Russia 19.4 −0.2", "China": "China 21.5 +9.2", "EU-27": "EU-27 29.6 −8.8",
             "US": "US 2.9 +0.6 0 0", "Türkiye": "Türkiye 4.3 +2.3"}
    for partner, text in shown.items():
        row = indicators.loc[partner]
        change = f"{row['share_change']:+.1f}".replace("-", "−")
        computed = f"{partner} {row['trade_share']:.1f} {change}"
        if partner == "US":   # the US row carries no source id, so its 0/1 columns are checked too
            computed += f" {int(row['security_ties'])} {int(row['route_around_russia'])}"
        out[text] = computed
    gap = indicators.loc["Türkiye", "trade_share"] - indicators.loc["US", "trade_share"]
    scaled_gap = scaled.loc["Türkiye", "trade_share"] - scaled.loc["US", "trade_share"]
    out["(1.4 points) stays small when scaled (0.05)"] = f"({gap:.1f} points) stays small when scaled ({scaled_gap:.2f})"
    smallest = indicators["trade_share"].idxmin()
    out["would give the US a 0 on although it has 2.9% of Kazakhstan's trade"] = (   # `trade_share`: code
        f"would give the {smallest} a 0 on although it has "
        f"{indicators.loc[smallest, 'trade_share']:.1f}% of Kazakhstan's trade")
    equal = _score(scaled, dict.fromkeys(scaled.columns, 1.0))
    names = {"EU-27": "EU"}
    out["equal weights → China 0.93, Russia 0.54, EU 0.50, Türkiye 0.44, US 0.16"] = (
        "equal weights → " + ", ".join(f"{names.get(p, p)} {v:.2f}" for p, v in equal.items()))
    routes = _score(scaled, {"trade_share": 1, "share_change": 1, "security_ties": 0, "route_around_russia": 5})
    top3 = set(routes.index[:3]) == {"China", "EU-27", "Türkiye"} and routes.iloc[:3].max() - routes.iloc[:3].min() < 0.15
    out["China, EU, Türkiye close together, Russia far down"] = (
        "China, EU, Türkiye close together, Russia far down"
        if top3 and routes["Russia"] < routes.iloc[2] - 0.3 else "rewrite the route-weighted ranking")
    trade_first = _score(scaled, {"trade_share": 3, "share_change": 0, "security_ties": 1, "route_around_russia": 0})
    close_third = trade_first.index[2] == "Russia" and trade_first.iloc[1] - trade_first.iloc[2] < 0.03
    out["China first, EU second, Russia a close third"] = (
        f"{names.get(trade_first.index[0], trade_first.index[0])} first, "
        f"{names.get(trade_first.index[1], trade_first.index[1])} second, "
        + ("Russia a close third" if close_third else "rewrite the third place"))
    # Why the old scorecard (IMF DOTS, 2020 and the change from 2013, min-max) misled: the notes say so.
    dots_end_old = int(data.load("trade")["year"].max())
    old = _indicators(share_dots_all, dots_end_old, 2013)
    old_mm = _min_max(old)
    lo, hi = sorted(old_mm.loc[["US", "Türkiye"], "share_change"])
    us, tr = old.loc["US", "share_change"], old.loc["Türkiye", "share_change"]
    out["(−11.6 points in the IMF data)"] = f"({old.loc['EU-27', 'share_change']:.1f} points in the IMF data)".replace("-", "−")
    out["on the 2013–2020 columns it gave the US and Türkiye 0.76–0.84 for changes of −0.2 and +1.0 points"] = (
        f"on the 2013–{dots_end_old} columns it gave the US and Türkiye {lo:.2f}–{hi:.2f} for changes of {us:.1f} and {tr:+.1f} points".replace("-", "−"))
    out["The first version ended in 2020 and measured the change from 2013"] = (
        f"The first version ended in {int(data.load('trade')['year'].max())} and measured the change from 2013")

    out["Russia's share falls steeply in the 1990s"] = (
        "Russia's share falls steeply in the 1990s" if falls else "Russia's share does not fall steeply")
    out.update(_after_2020(data, share, share_dots_all))
    return out


def _after_2020(data: ModuleType, share: pd.DataFrame, share_dots_all: pd.DataFrame) -> dict[str, str]:
    """The lesson's figures from Kazakhstan's BNS tables: shares to 2023, the overlap with DOTS, the HHIs."""
    out: dict[str, str] = {}
    # After 2020: Kazakhstan's own (BNS) statistics beside IMF DOTS.
    dots_end = int(data.load("trade")["year"].max())
    bns = _bns(data)
    share_bns = _group_shares(bns)
    first, last = int(bns["year"].min()), int(bns["year"].max())
    out["You will also measure diversification itself, from 1995 to 2023"] = (
        f"You will also measure diversification itself, from {int(share.index.min())} to {last}")
    out["the next section carries the story on to 2023"] = f"the next section carries the story on to {last}"
    out["After 2020: Kazakhstan's own statistics"] = f"After {dots_end}: Kazakhstan's own statistics"
    out["The IMF series stops in 2020, the pandemic year"] = f"The IMF series stops in {dots_end}, the pandemic year"
    totals = bns.groupby("year")["value_usd_mn"].sum() / 1000
    out["from US$ 97.8 bn in 2019 to US$ 86.5 bn"] = (
        f"from US$ {totals.loc[dots_end - 1]:.1f} bn in {dots_end - 1} to US$ {totals.loc[dots_end]:.1f} bn")
    out["(BNS), the data, for 2018–2023"] = f"(BNS), the data, for {first}–{last}"  # `trade_bns` is a code span
    eu_members = bns.loc[bns["partner_group"] == "EU-27", "iso3"].nunique()
    out["count the EU as its 27 members"] = f"count the EU as its {eu_members} members"
    rows = data.load("trade_bns")
    rows = rows[rows["latest"]]
    eu_rows = rows.pivot_table(index=["year", "flow"], columns="partner", values="value_usd_mn", aggfunc="sum",
                               observed=True)
    uk_in = (eu_rows["EU countries"] - eu_rows["EU-27 (sum of the 27 member rows)"]).groupby("year").sum() > 1
    out["still includes the United Kingdom until 2022"] = (
        f"still includes the United Kingdom until {int(uk_in[uk_in].index.max())}"
        if not uk_in.loc[int(uk_in[uk_in].index.max()) + 1:].any() else "rewrite: the UK is in every year")
    overlap = sorted(set(share.index) & set(share_bns.index))
    out["puts 2018–2020, the years both cover"] = f"puts {overlap[0]}–{overlap[-1]}, the years both cover"
    gap = (share_bns.loc[overlap, PARTNERS] - share_dots_all.loc[overlap, PARTNERS]).abs()
    out["no partner's share differs by more than 1.3 percentage points, and most differ by a few tenths"] = (
        f"no partner's share differs by more than {gap.max().max():.1f} percentage points, and most differ by "
        + ("a few tenths" if (gap < 0.6).to_numpy().mean() > 0.5 else "more than half a point"))
    value = bns.groupby(["year", "partner_group"], observed=True)["value_usd_mn"].sum().unstack() / 1000
    ahead = value["China"] > value["Russia"]
    overtook = int(ahead[ahead].index.min())
    out["On that basis, China overtook Russia in 2023"] = (
        f"On that basis, China overtook Russia in {overtook}" if ahead.loc[overtook:].all() else "rewrite: no overtaking")
    china, russia = share_bns.loc[last, "China"], share_bns.loc[last, "Russia"]
    out["US$ 30.06 bn against US$ 27.05 bn with Russia, 21.5% against 19.4% of the total"] = (
        f"US$ {value.loc[last, 'China']:.2f} bn against US$ {value.loc[last, 'Russia']:.2f} bn with Russia, "
        f"{china:.1f}% against {russia:.1f}% of the total")
    out["this module's IMF series ends in 2020 and cannot tell you"] = (
        f"this module's IMF series ends in {dots_end} and cannot tell you")
    eu_last = share_bns.loc[last, "EU-27"]
    out["still had more than either country (29.6%)"] = (
        f"still had more than either country ({eu_last:.1f}%)" if eu_last > max(china, russia) else "rewrite the EU")
    # the bank's l06-overtook
    out["trade with China exceeded trade with Russia in 2023"] = f"trade with China exceeded trade with Russia in {overtook}"
    out["On the IMF's DOTS figures, China passed Russia in 2023"] = (
        f"On the IMF's DOTS figures, China passed Russia in {last}" if dots_end < last else "rewrite option b")
    out["as Kazakhstan's largest trading partner in 2023"] = f"as Kazakhstan's largest trading partner in {overtook}"
    out["the pandemic year 2020"] = f"the pandemic year {dots_end}"
    out["came to USD 30.06 bn in 2023 against USD 27.05 bn with Russia (21.5% against 19.4% of the total)"] = (
        f"came to USD {value.loc[last, 'China']:.2f} bn in {last} against USD {value.loc[last, 'Russia']:.2f} bn "
        f"with Russia ({china:.1f}% against {russia:.1f}% of the total)")
    out["the EU-27 as a bloc had 29.6%"] = f"the EU-27 as a bloc had {eu_last:.1f}%"
    out["In 2020 Russia still led China, 21.7% against 18.3% on the BNS basis. The IMF data here stop in 2020"] = (
        f"In {dots_end} Russia still led China, {share_bns.loc[dots_end, 'Russia']:.1f}% against "
        f"{share_bns.loc[dots_end, 'China']:.1f}% on the BNS basis. The IMF data here stop in {dots_end}")
    out["(US$ 30.06 bn against 27.05 bn)"] = (
        f"(US$ {value.loc[last, 'China']:.2f} bn against {value.loc[last, 'Russia']:.2f} bn)")
    out["China passed Russia in 2023"] = f"China passed Russia in {overtook}"
    out["not on DOTS (ends 2020)"] = f"not on DOTS (ends {dots_end})"
    out["China overtook Russia in 2023 on the BNS basis"] = f"China overtook Russia in {overtook} on the BNS basis"
    out["as one bloc still had more (29.6%). Do not attribute this to the IMF data, which end in 2020"] = (
        f"as one bloc still had more ({eu_last:.1f}%). Do not attribute this to the IMF data, which end in {dots_end}")
    out["the IMF data in this module end in 2020; Kazakhstan's own BNS tables run to 2023"] = (
        f"the IMF data in this module end in {dots_end}; Kazakhstan's own BNS tables run to {last}")
    out["show China overtaking Russia in 2023"] = f"show China overtaking Russia in {overtook}"
    out["the BNS chart, the overlap table"] = "the BNS chart, the overlap table"
    out["After 2020: the BNS chart"] = f"After {dots_end}: the BNS chart"

    # Concentration: lesson 02's HHI by country and by bloc, on each basis.
    dots = data.load("trade")
    dots = dots[(dots["basis"] == "reported") & ~dots["is_aggregate"]]
    country_dots, bloc_dots = _hhi(dots, "partner_iso3"), _hhi(dots, "partner_group")
    country_bns, bloc_bns = _hhi(bns, "iso3"), _hhi(bns, "partner_group")
    out["each of the 27 EU members counted on its own"] = f"each of the {eu_members} EU members counted on its own"
    out["By bloc, concentration fell: from 0.250 in 2013 to 0.207 in 2020 in the IMF data"] = (
        f"By bloc, concentration fell: from {bloc_dots[2013]:.3f} in 2013 to {bloc_dots[dots_end]:.3f} in "
        f"{dots_end} in the IMF data")
    out["it stayed there to 2023 on the BNS basis (0.205)"] = (
        f"it stayed there to {last} on the BNS basis ({bloc_bns[last]:.3f})"
        if abs(bloc_bns[last] - bloc_bns[dots_end]) < 0.01 else "rewrite: the bloc HHI moved after 2020")
    out["By country, it rose: from 0.093 in 2013 to 0.101 in 2020, and to 0.108 in 2023"] = (
        f"By country, it rose: from {country_dots[2013]:.3f} in 2013 to {country_dots[dots_end]:.3f} in "
        f"{dots_end}, and to {country_bns[last]:.3f} in {last}")
    doubled = share_bns.loc[last, "China"] / share_bns.loc[first, "China"]
    held = abs(share_bns.loc[last, "Russia"] - share_bns.loc[first, "Russia"]) < 1
    by_country = bns[bns["year"] == last].groupby("iso3")["value_usd_mn"].sum()
    largest = by_country.idxmax() == "CHN"
    out["China, which became the largest single partner, nearly doubled its share while Russia held its own"] = (
        "China, which became the largest single partner, nearly doubled its share while Russia held its own"
        if largest and 1.6 <= doubled < 2 and held else "rewrite China and Russia")
    out["the EU's loss was spread over 27 smaller shares"] = f"the EU's loss was spread over {eu_members} smaller shares"
    both = pd.DataFrame({"c": country_bns - country_dots, "b": bloc_bns - bloc_dots}).dropna().abs()
    out["Where the two bases overlap (2018–2020) their HHIs agree to within 0.004"] = (
        f"Where the two bases overlap ({overlap[0]}–{overlap[-1]}) their HHIs agree to within "
        f"{np.ceil(both.max().max() * 1000) / 1000:.3f}")
    out["so the switch of source in 2020 does not make the trend"] = (
        f"so the switch of source in {dots_end} does not make the trend")
    out["The country line's dip in 2010"] = f"The country line's dip in {int(country_dots.idxmin())}"
    pair = share_bns[["China", "Russia"]].sum(axis=1)
    out["by 2023 China and Russia together took 40.9% of its trade, against 31.9% in 2018"] = (
        f"by {last} China and Russia together took {pair[last]:.1f}% of its trade, against {pair[first]:.1f}% in {first}")
    early = country_dots.loc[2000:2004]
    out["from 0.236 in 1995 to about 0.1 by the early 2000s"] = (
        f"from {country_dots[1995]:.3f} in 1995 to about "
        + ("0.1 by the early 2000s" if early.between(0.095, 0.14).all() else "? by the early 2000s"))
    out["use the concentration section"] = "use the concentration section"
    out["40.9% of trade in 2023 against 31.9% in 2018"] = (
        f"{pair[last]:.1f}% of trade in {last} against {pair[first]:.1f}% in {first}")
    out["the country measure fell steeply in the 1990s"] = (
        "the country measure fell steeply in the 1990s" if country_dots[1999] < country_dots[1995] - 0.1
        else "rewrite the 1990s")
    out["The IMF series in this module ends in 2020, so it cannot show 2023 at all"] = (
        f"The IMF series in this module ends in {dots_end}, so it cannot show {last} at all")
    out["split into its 27 member countries"] = f"split into its {eu_members} member countries"
    out["had a larger share than China in 2023"] = (
        f"had a larger share than China in {last}" if eu_last > china else "rewrite option c")
    out["In 2020 Russia was still ahead on both bases"] = (
        f"In {dots_end} Russia was still ahead on both bases"
        if share_bns.loc[dots_end, "Russia"] > share_bns.loc[dots_end, "China"]
        and share_dots_all.loc[dots_end, "Russia"] > share_dots_all.loc[dots_end, "China"] else "rewrite option d")
    out["shared among 27 members"] = f"shared among {eu_members} members"
    out["spread over 27 small shares"] = f"spread over {eu_members} small shares"
    out["by bloc the HHI falls (0.246 → 0.205, BNS, 2018–2023), by country it rises (0.088 → 0.108)"] = (
        f"by bloc the HHI falls ({bloc_bns[first]:.3f} → {bloc_bns[last]:.3f}, BNS, {first}–{last}), by country it "
        f"rises ({country_bns[first]:.3f} → {country_bns[last]:.3f})")
    eu_fall = share_bns.loc[first, "EU-27"] - share_bns.loc[last, "EU-27"]
    china_rise = share_bns.loc[last, "China"] - share_bns.loc[first, "China"]
    out["Between 2018 and 2023 the EU-27's share of Kazakhstan's trade fell by about 9 points and China's rose by about 9 points"] = (
        f"Between {first} and {last} the EU-27's share of Kazakhstan's trade fell by about {round(eu_fall)} points "
        f"and China's rose by about {round(china_rise)} points")
    out["from 0.246 in 2018 to 0.205 in 2023 on the BNS basis"] = (
        f"from {bloc_bns[first]:.3f} in {first} to {bloc_bns[last]:.3f} in {last} on the BNS basis")
    out["from 0.088 to 0.108"] = f"from {country_bns[first]:.3f} to {country_bns[last]:.3f}"
    # the scorecard's years, as the lesson names them
    out["share of Kazakhstan's goods trade in 2023 (%), on the BNS basis"] = (
        f"share of Kazakhstan's goods trade in {last} (%), on the BNS basis")
    out["change in that share from 2018 to 2023 (percentage points)"] = (
        f"change in that share from {first} to {last} (percentage points)")
    out["and 2018 is the first year of the BNS table"] = f"and {first} is the first year of the BNS table"
    out["(Kazakhstan's BNS statistics, latest editions; 2023 and the change from 2018)"] = (
        f"(Kazakhstan's BNS statistics, latest editions; {last} and the change from {first})")
    out["2023 is the latest the module holds"] = f"{last} is the latest the module holds"

    return out


#: Labels of the lesson's own design, not claims about the world.
ALLOW = [
    r"\b0 = ignore, 5 = very important|0 \(lowest partner\) to 1 \(highest\)|0–1\b",
    r"\b1 if the partner",
    r"0/1 columns|0 ignores an indicator, 5|run from\s+−5 to 5|to −2\b",
    r"MP-IDSA commentary, 27 April 2023",               # Reading A's full reference
    r"\bto [05]\b|weights at 0|weight 0|(?:percentages, points and |and )0/1|filled with 0",
    r"\bC5\+1\b",                                          # the format's name
    r"= [0-5]\b|others 0",                                 # slider settings in the notes
    r"prompts? \d(?:, \d)*(?: and \d)?",                   # numbered prompts in facts.md §5b
    # the HHI's scale and the scorecard's natural-zero scales (definitions, not data)
    r"1 when one partner takes everything",
    r"0 = no trade, 1 = the largest partner|0\.5 means no change, 1 the largest gain and 0 a loss",
    r"a 0 on `?trade_share|centred on 0\.5(?: = no change| \(no change\))",
    r"the pandemic year 2020\s+or 2022, the year of Russia's full-scale invasion|neither end is 2020 or 2022",
    r"two years before the war",
    r"round-2 review",
]
