"""Figures lesson 06 (Partner diversification) states about the shipped data, recomputed from it.

Each key is the text as the lesson shows it (notebook markdown, bank l06, docs/instructor/l06.md);
each value recomputes the same text from ``kzlessons.data``. See tests/content/test_figures.py.
"""

from __future__ import annotations

from types import ModuleType

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


def _scaled(data: ModuleType) -> tuple[pd.DataFrame, pd.DataFrame]:
    share = _shares(data)
    indicators = pd.DataFrame({
        "trade_share": share.loc[2020, PARTNERS],
        "share_change": share.loc[2020, PARTNERS] - share.loc[2013, PARTNERS],
        "security_ties": pd.Series({"Russia": 1, "China": 1, "EU-27": 0, "US": 0, "Türkiye": 0}),
        "route_around_russia": pd.Series({"Russia": 0, "China": 1, "EU-27": 1, "US": 0, "Türkiye": 1}),
    })
    return indicators, (indicators - indicators.min()) / (indicators.max() - indicators.min())


def _score(scaled: pd.DataFrame, weights: dict[str, float]) -> pd.Series:
    total = sum(scaled[name] * w for name, w in weights.items())
    return (total / sum(weights.values())).sort_values(ascending=False)


def figures(data: ModuleType) -> dict[str, str]:
    out: dict[str, str] = {}
    share = _shares(data).loc[1995:2020]
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

    # The scorecard.
    indicators, scaled = _scaled(data)
    shown = {"Russia": "Russia 21.5 +3.4", "China": "China 18.1 +1.1", "EU-27": "EU-27 27.7 −11.6",
             "US": "US 2.0 −0.2 0 0", "Türkiye": "Türkiye 3.6 +1.0"}
    for partner, text in shown.items():
        row = indicators.loc[partner]
        change = f"{row['share_change']:+.1f}".replace("-", "−")
        computed = f"{partner} {row['trade_share']:.1f} {change}"
        if partner == "US":   # the US row carries no source id, so its 0/1 columns are checked too
            computed += f" {int(row['security_ties'])} {int(row['route_around_russia'])}"
        out[text] = computed
    gap = indicators.loc["Türkiye", "trade_share"] - indicators.loc["US", "trade_share"]
    scaled_gap = scaled.loc["Türkiye", "trade_share"] - scaled.loc["US", "trade_share"]
    out["(1.7 points) stays small when scaled (0.06)"] = f"({gap:.1f} points) stays small when scaled ({scaled_gap:.2f})"
    equal = _score(scaled, dict.fromkeys(scaled.columns, 1.0))
    names = {"EU-27": "EU"}
    out["equal weights → China 0.87, Russia 0.69, EU 0.50, Türkiye 0.48, US 0.19"] = (
        "equal weights → " + ", ".join(f"{names.get(p, p)} {v:.2f}" for p, v in equal.items()))
    routes = _score(scaled, {"trade_share": 1, "share_change": 1, "security_ties": 0, "route_around_russia": 5})
    top3 = set(routes.index[:3]) == {"China", "EU-27", "Türkiye"} and routes.iloc[:3].max() - routes.iloc[:3].min() < 0.15
    out["China, EU, Türkiye close together, Russia far down"] = (
        "China, EU, Türkiye close together, Russia far down"
        if top3 and routes["Russia"] < routes.iloc[2] - 0.3 else "rewrite the route-weighted ranking")
    trade_first = _score(scaled, {"trade_share": 3, "share_change": 0, "security_ties": 1, "route_around_russia": 0})
    out["Russia first, EU second"] = (
        f"{names.get(trade_first.index[0], trade_first.index[0])} first, "
        f"{names.get(trade_first.index[1], trade_first.index[1])} second")
    out["Russia's share falls steeply in the 1990s"] = (
        "Russia's share falls steeply in the 1990s" if falls else "Russia's share does not fall steeply")
    return out


#: Labels of the lesson's own design, not claims about the world.
ALLOW = [
    r"\b0 = ignore, 5 = very important|0 \(lowest partner\) to 1 \(highest\)|0–1\b",
    r"\b1 if the partner",
    r"0/1 columns|0 ignores an indicator, 5|run from\s+−5 to 5|to −2\b",
    r"in 2020 \(%\)|from 2013 to 2020",                  # the scorecard's chosen years
    r"MP-IDSA commentary, 27 April 2023",               # Reading A's full reference
    r"\bto [05]\b|weights at 0|weight 0|(?:percentages, points and |and )0/1|filled with 0",
    r"\bC5\+1\b",                                          # the format's name
    r"\b2013 rather than|2020 and 2013",
    r"= [0-5]\b|others 0",                                 # slider settings in the notes
    r"prompts? \d(?:, \d)*(?: and \d)?",                   # numbered prompts in facts.md §5b
]
