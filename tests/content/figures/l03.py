"""Figures lesson 03 (The 2014 shock) states about the shipped data.

Each key is the text as the lesson shows it (notebook, bank l03, docs/instructor/l03.md);
each value recomputes that text from ``kzlessons.data``.
"""

from __future__ import annotations

ALLOW = [
    # Windows the lesson chooses to look at, and the index base (not claims).
    r"2014–2015",
    r"Trade with Russia, 2012–2016",
    r"own 2013 value|2013 = 100",
    r"Victory Day 2015",
    r"ISO-3",
    # Reading B's date, and the readings' references.
    r"Writing in September 2015",
    r"Policy Memo No\. 388, September 2015",
    # The worked example of the two conventions for the size of a devaluation (not data).
    r"from 100 to 125 units per dollar",
    r"125 ÷ 100 − 1 = 25%",
    r"1 − 100 ÷ 125 = 20%",
]


def _rates(data):
    macro = data.load("macro")
    rates = macro[(macro["indicator"] == "exchange_rate") & macro["iso3"].isin(["KAZ", "RUS"])]
    rates = rates.pivot(index="year", columns="iso3", values="value")
    return rates, 100 * rates / rates.loc[2013]


def _russia(data):
    trade = data.load("trade")
    rows = trade[(trade["partner_iso3"] == "RUS") & (trade["basis"] == "reported")]
    return trade, rows.pivot(index="year", columns="flow", values="value_usd_mn") / 1000


def _import_share_russia(trade):
    rows = trade[(trade["basis"] == "reported") & ~trade["is_aggregate"] & (trade["flow"] == "imports")]
    groups = rows.groupby(["year", "partner_group"], observed=True)["value_usd_mn"].sum().unstack()
    return (groups["Russia"] / groups.sum(axis=1))


def figures(data) -> dict[str, str]:
    rates, index = _rates(data)
    trade, ru = _russia(data)
    share = _import_share_russia(trade).loc[2013:2016]
    fall_imp = 1 - ru.loc[2016, "imports"] / ru.loc[2013, "imports"]
    fall_exp = 1 - ru.loc[2016, "exports"] / ru.loc[2013, "exports"]
    lo_fall, hi_fall = sorted([fall_imp, fall_exp])
    votes = data.load("ukraine_votes")
    tally = votes[votes["resolution"] == "A/RES/68/262"]["vote"].value_counts()
    slide = rates.loc[2016, "KAZ"] / rates.loc[2015, "KAZ"] - 1   # the post-float slide, yearly averages
    # "weaken together": both above 2013 and within five index points of each other
    together_2014 = min(index.loc[2014]) > 100 and abs(index.loc[2014, "KAZ"] - index.loc[2014, "RUS"]) < 5

    def k(year):   # tenge per US$
        return f"{rates.loc[year, 'KAZ']:.1f}"

    def r(year):   # roubles per US$
        return f"{rates.loc[year, 'RUS']:.1f}"

    exports_rose_2014 = ru.loc[2014, "exports"] > ru.loc[2013, "exports"]
    return {
        # notebook
        "a dollar cost 221.7 tenge in 2015 and 342.2 in 2016, 54% more":
            f"a dollar cost {k(2015)} tenge in 2015 and {k(2016)} in 2016, {slide:.0%} more",
        "a slide of 54% between the 2015 and 2016 yearly averages":
            f"a slide of {slide:.0%} between the 2015 and 2016 yearly averages",
        "the index is 120.5 for the rouble and 117.8 for the tenge":
            f"the index is {index.loc[2014, 'RUS']:.1f} for the rouble and {index.loc[2014, 'KAZ']:.1f} for the tenge",
        "currencies weaken together in 2014": "currencies weaken together in 2014" if together_2014 else "currencies part ways in 2014",
        "by 2015 a dollar cost almost twice as many roubles as in 2013 (index 191.4)":
            f"by 2015 a dollar cost {'almost twice' if 180 <= index.loc[2015, 'RUS'] < 200 else 'not almost twice'} "
            f"as many roubles as in 2013 (index {index.loc[2015, 'RUS']:.1f})",
        "by 2016 its index (224.9) was above the rouble's (210.6)":
            f"by 2016 its index ({index.loc[2016, 'KAZ']:.1f}) was {'above' if index.loc[2016, 'KAZ'] > index.loc[2016, 'RUS'] else 'below'} the rouble's ({index.loc[2016, 'RUS']:.1f})",
        "exports rose briefly in 2014": "exports rose briefly in 2014" if exports_rose_2014 else "exports did not rise in 2014",
        "about US$ 18 billion in 2013": f"about US$ {ru.loc[2013, 'imports']:.0f} billion in 2013",
        "about US$ 9 billion in 2016": f"about US$ {ru.loc[2016, 'imports']:.0f} billion in 2016",
        "fell by 41–48% between 2013 and 2016": f"fell by {lo_fall * 100:.0f}–{hi_fall:.0%} between 2013 and 2016",
        "stayed at about a third or more": "stayed at about a third or more" if share.min() >= 0.325 else "fell below a third",
        "(33.3% at its lowest, in 2014)": f"({share.min():.1%} at its lowest, in {int(share.idxmin())})",
        "100 yes, 11 no, 58 abstentions, 24 absent":
            f"{tally['yes']} yes, {tally['no']} no, {tally['abstain']} abstentions, {tally['absent']} absent",
        # bank
        "between about 33% and 37% from 2013 to 2016": f"between about {share.min():.0%} and {share.max():.0%} from 2013 to 2016",
        # instructor notes
        "152.1, 179.2, 221.7, 342.2 in 2013–2016": f"{k(2013)}, {k(2014)}, {k(2015)}, {k(2016)} in 2013–2016",
        "31.8, 38.4, 60.9, 67.1 in 2013–2016": f"{r(2013)}, {r(2014)}, {r(2015)}, {r(2016)} in 2013–2016",
        "in 2014 rouble 120.5, tenge 117.8": f"in 2014 rouble {index.loc[2014, 'RUS']:.1f}, tenge {index.loc[2014, 'KAZ']:.1f}",
        "in 2015 rouble 191.4, tenge 145.8": f"in 2015 rouble {index.loc[2015, 'RUS']:.1f}, tenge {index.loc[2015, 'KAZ']:.1f}",
        "in 2016 tenge 224.9, rouble 210.6": f"in 2016 tenge {index.loc[2016, 'KAZ']:.1f}, rouble {index.loc[2016, 'RUS']:.1f}",
        "2013 → 2016: imports US$ 18.0 bn → 9.3 bn; exports US$ 5.9 bn → 3.4 bn (a fall of 48% and 41%)":
            f"2013 → 2016: imports US$ {ru.loc[2013, 'imports']:.1f} bn → {ru.loc[2016, 'imports']:.1f} bn; "
            f"exports US$ {ru.loc[2013, 'exports']:.1f} bn → {ru.loc[2016, 'exports']:.1f} bn "
            f"(a fall of {fall_imp:.0%} and {fall_exp:.0%})",
        "stayed between 33% and 37%": f"stayed between {share.min():.0%} and {share.max():.0%}",
        "tenge per US$ 120.3 in 2008, 147.5 in 2009": f"tenge per US$ {k(2008)} in 2008, {k(2009)} in 2009",
        "the yearly average rose from 221.7 to 342.2 tenge per US$ between 2015 and 2016, 54% more":
            f"the yearly average rose from {k(2015)} to {k(2016)} tenge per US$ between 2015 and 2016, {slide:.0%} more",
    }
