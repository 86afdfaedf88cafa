"""Figures lesson 02 (Following the trade) states about the shipped data.

Each key is the text as the lesson shows it (notebook, bank l02, docs/instructor/l02.md);
each value recomputes that text from ``kzlessons.data``. Shares are of the sum of the
seven partner groups, from Kazakhstan's own report, aggregates excluded, as in the lesson.
"""

from __future__ import annotations

ALLOW = [
    # HHI arithmetic taught in the lesson (not claims about the data).
    r"1² = 1",
    r"\(1/n\)² = 1/n",
    r"1/7 ≈ 0\.143|the 1/7 floor",
    r"shares of 1/7 each",
    r"7 × \(1/7\)²",
    r"\(7 groups\)",
    r"\d+% to partner [ABC]",
    r"maximum is 1\b",
    r"It is 1 when one partner|close to 0 when",
    r"0\.5² \+ 0\.3² \+ 0\.2²(?: = 0\.25 \+ 0\.09 \+ 0\.04)? = 0\.38",
    r"3,800 on a 0–10,000 scale",
    r"accepted ±0\.\d+",
    r"values between zero and one|add up to less than 1\b|ratio near 1\b",
    # The year the worked example and the exercise use (a choice, not a claim).
    r"one year, 2013|the 2013 recipe|2013 recipe",
    r"In 2010, how many times|the 2010 value",
    r"since 1995\?",
    r"read 2009 instead",
    # The instructor table's header row and the readings' reference.
    r"^1995 2013 2020$",
    r"Policy Memo No\. 388, September 2015",
]


def _shares(trade, flow, by="partner_group"):
    rows = trade[(trade["basis"] == "reported") & ~trade["is_aggregate"] & (trade["flow"] == flow)]
    values = rows.groupby(["year", by], observed=True)["value_usd_mn"].sum().unstack(fill_value=0)
    return values.div(values.sum(axis=1), axis=0)


def _hhi(shares):
    return (shares**2).sum(axis=1)


def _pct0(x):
    return f"{x:.0%}"


def figures(data) -> dict[str, str]:
    trade = data.load("trade")
    first, last = int(trade["year"].min()), int(trade["year"].max())
    ex, im = _shares(trade, "exports"), _shares(trade, "imports")
    hx, hm = _hhi(ex), _hhi(im)
    hx_country = _hhi(_shares(trade, "exports", by="partner"))
    reported = trade[trade["basis"] == "reported"]
    first_partner_year = int(reported.loc[~reported["is_aggregate"], "year"].min())

    # World row vs sum of partner groups (unassigned exports), 1995-2020
    exp_rep = reported[reported["flow"] == "exports"]
    world = exp_rep[exp_rep["partner"] == "World"].set_index("year")["value_usd_mn"]
    groups = exp_rep[~exp_rep["is_aggregate"]].groupby("year")["value_usd_mn"].sum()
    gap = (1 - groups / world).loc[1995:last]
    gap_year, gap_max = int(gap.idxmax()), float(gap.max())

    def pair(iso, flow, year=2013):
        x = trade[(trade["partner_iso3"] == iso) & (trade["flow"] == flow) & (trade["year"] == year)]
        x = x.set_index("basis")["value_usd_mn"] / 1000
        return float(x["reported"]), float(x["mirror"])

    nl_rep, nl_mir = pair("NLD", "exports")
    it_rep, it_mir = pair("ITA", "exports")
    cn_rep, cn_mir = pair("CHN", "imports")
    ru09, ru09m = pair("RUS", "imports", 2009)
    ru10, ru10m = pair("RUS", "imports", 2010)
    rx09, rx09m = pair("RUS", "exports", 2009)
    rx10, rx10m = pair("RUS", "exports", 2010)
    nl = trade[(trade["partner_iso3"] == "NLD") & (trade["flow"] == "exports")]
    nl = nl.pivot(index="year", columns="basis", values="value_usd_mn")
    ratio = (nl["reported"] / nl["mirror"]).loc[2000:2013]
    far_above = int(min(y for y in ratio.index if (ratio.loc[y:] >= 2).all()))
    mid_2000s = "From the mid-2000s" if 2004 <= far_above <= 2006 else f"From {far_above}"

    # total trade 2015
    rows15 = reported[~reported["is_aggregate"] & (reported["year"] == 2015)]
    tot15 = rows15.groupby("partner_group", observed=True)["value_usd_mn"].sum()
    tot15 = tot15 / tot15.sum()

    # macro: fuel share of merchandise exports 2005-2020
    macro = data.load("macro")
    fuel = macro[(macro["indicator"] == "fuel_exports_pct") & (macro["iso3"] == "KAZ")
                 & macro["year"].between(2005, 2020)]["value"]

    partners = data.load("partners")
    eu = partners[partners["partner_group"] == "EU-27"]
    # BLX is the IMF's old combined Belgium-Luxembourg row, not a member state (the lesson says so)
    n_eu = int((eu["iso3"] != "BLX").sum())
    peak_year = int(hx.idxmax())
    leader = ex.loc[1995:2020].idxmax(axis=1)
    eu_lead_from = int(min(y for y in leader.index if (leader.loc[y:] == "EU-27").all()))
    eu_peak_year = int(ex["EU-27"].idxmax())
    russia_low_import_year = int(im["Russia"].loc[1995:2020].idxmin())
    late_1990s = "the late 1990s" if 1997 <= int(hx.loc[1995:2001].idxmin()) <= 1999 else "the 1990s (check)"
    mainly = ("mainly in 2019–2020"
              if hx[2018] - hx[2020] > hx[2014] - hx[2018] else "mainly in 2015–2018")
    def within(x, lo, hi, text):
        return text if lo <= x <= hi else f"{text} (now {x:.1%})"
    agree_2009 = "In 2009 the two reports agree" if abs(ru09m / ru09 - 1) < 0.02 else "In 2009 the two reports differ"
    agree_x09 = ("In 2009 the two reports agree again" if abs(rx09m / rx09 - 1) < 0.02
                 else "In 2009 the two reports differ")
    jump_2010 = ("carries the same artefact" if hx[2010] > max(hx[2009], hx[2011]) + 0.02
                 else "check the artefact")
    im_no_gap = hm.loc[2005:].drop(russia_low_import_year)
    ratio_2009 = "In 2009 the ratio was close to 1" if abs(ru09m / ru09 - 1) < 0.05 else "In 2009 the ratio was not close to 1"

    return {
        # notebook: overview, totals, mirror example
        "between 1995 and 2020": f"between 1995 and {last}",
        "in 2000 the unassigned rows held 21.2%": f"in {gap_year} the unassigned rows held {gap_max:.1%}",
        "21.2% of reported exports in 2000": f"{gap_max:.1%} of reported exports in {gap_year}",
        "From the mid-2000s": mid_2000s,
        "in 2013 Kazakhstan recorded about US$ 9.7 billion": f"in 2013 Kazakhstan recorded about US$ {nl_rep:.1f} billion",
        "about US$ 1.2 billion of imports": f"about US$ {nl_mir:.1f} billion of imports",
        "today's 27 member states": f"today's {n_eu} member states",
        # partner shares
        "about 45% of exports in 1995": f"about {ex.loc[1995, 'Russia']:.0%} of exports in 1995",
        # R2-A20: the chart notes read 2009, the last year before the 2010 recording gap
        "about 45% of exports in 1995, 8.3% in 2009":
            f"about {ex.loc[1995, 'Russia']:.0%} of exports in 1995, {ex.loc[2009, 'Russia']:.1%} in 2009",
        "grows to 46.4% of exports in 2009": f"grows to {ex.loc[2009, 'EU-27']:.1%} of exports in 2009",
        "Skip 2010 when you compare years": f"Skip {russia_low_import_year} when you compare years",
        "incomplete that year, for exports as well as imports":
            "incomplete that year, for exports as well as imports" if rx10m / rx10 > 1.5 and ru10m / ru10 > 1.5
            else "check the export gap",
        agree_x09: agree_x09,
        "(US$ 3.55 bn and 3.53 bn)": f"(US$ {rx09:.2f} bn and {rx09m:.2f} bn)",
        "in 2010 Kazakhstan recorded only US$ 2.70 bn of exports to Russia":
            f"in {russia_low_import_year} Kazakhstan recorded only US$ {rx10:.2f} bn of exports to Russia",
        "against Russia's US$ 6.22 bn": f"against Russia's US$ {rx10m:.2f} bn",
        "So the 2010 values of the exports chart": f"So the {russia_low_import_year} values of the exports chart",
        "Russia's 4.8% of exports and the EU-27's 52.1% that year":
            f"Russia's {ex.loc[2010, 'Russia']:.1%} of exports and the EU-27's {ex.loc[2010, 'EU-27']:.1%} that year",
        "carries the same artefact in 2010": jump_2010 + " in 2010",
        "The jump of the export line to 0.340 in 2010": f"The jump of the export line to {hx[2010]:.3f} in 2010"
            if jump_2010 == "carries the same artefact" else "check the export HHI in 2010",
        "the export line's jump to 0.340 in 2010": f"the export line's jump to {hx[2010]:.3f} in 2010"
            if jump_2010 == "carries the same artefact" else "check the export HHI in 2010",
        "its low of 0.209 in 2010": f"its low of {hm.loc[1995:].min():.3f} in {int(hm.loc[1995:].idxmin())}",
        "Read 2010 with care": f"Read {russia_low_import_year} with care",
        "widest in 2014, at 55.4%": f"widest in {eu_peak_year}, at {ex['EU-27'].max():.1%}",
        # summary: the first year from which the EU-27 leads exports in every year to 2020
        "Since 2004 the EU-27 has bought the largest share of exports":
            f"Since {eu_lead_from} the EU-27 has bought the largest share of exports",
        "at most 55.4% of them": f"at most {ex['EU-27'].loc[1995:2020].max():.1%} of them",
        "between 61% and 76% of its merchandise exports in every year from 2005 to 2020":
            f"between {fuel.min() / 100:.0%} and {fuel.max() / 100:.0%} of its merchandise exports in every year from 2005 to 2020",
        "largest supplier in every year but one":
            "largest supplier in every year but one"
            if int((im.loc[1995:2020].idxmax(axis=1) != "Russia").sum()) == 1 else "check Russia's import lead",
        "from almost nothing in 1995 to about a sixth":
            "from almost nothing in 1995 to about a sixth"
            if im.loc[1995, "China"] < 0.02 and 0.14 <= im.loc[2020, "China"] <= 0.19 else "check China's import share",
        # 2010 recording gap (mirror)
        agree_2009: agree_2009,
        "US$ 8.90 bn": f"US$ {ru09:.2f} bn",
        "US$ 8.79 bn": f"US$ {ru09m:.2f} bn",
        "In 2010 Kazakhstan recorded only": f"In {russia_low_import_year} Kazakhstan recorded only",
        "US$ 5.06 bn": f"US$ {ru10:.2f} bn",
        "US$ 10.24 bn": f"US$ {ru10m:.2f} bn",
        "the 2010 dip in Russia's share": f"the {russia_low_import_year} dip in Russia's share",
        "imports from Russia did in 2010": f"imports from Russia did in {russia_low_import_year}",
        "10.24 / 5.06 ≈ 2.0": f"{ru10m:.2f} / {ru10:.2f} ≈ {ru10m / ru10:.1f}",
        "(8.79 / 8.90)": f"({ru09m:.2f} / {ru09:.2f})",
        ratio_2009: ratio_2009,
        "39.3% of total trade": f"{tot15['EU-27']:.1%} of total trade",
        "Russia's 19.7%": f"Russia's {tot15['Russia']:.1%}",
        "(51.4% in 2015)": f"({ex.loc[2015, 'EU-27']:.1%} in 2015)",
        # exercise
        "every year from 1995 to 2020": f"every year from 1995 to {last}",
        "also has 1994, the first year with partner rows": f"also has {first_partner_year}, the first year with partner rows",
        "1994, the first year with partner rows": f"{first_partner_year}, the first year with partner rows",
        # HHI over time
        "the late 1990s": late_1990s,
        "late 1990s": late_1990s.replace("the ", ""),
        "from 0.298 in 1995 to 0.251 in 1998": f"from {hx[1995]:.3f} in 1995 to {hx[1998]:.3f} in 1998",
        "from 45.0% to 29.7%": f"from {ex.loc[1995, 'Russia']:.1%} to {ex.loc[1998, 'Russia']:.1%}",
        "a peak of 0.362 in 2014": f"a peak of {hx.max():.3f} in {peak_year}",
        "a peak of 0.362 in 2014,": f"a peak of {hx.max():.3f} in {peak_year},",
        "still 0.323 in 2018": f"still {hx[2018]:.3f} in 2018",
        "mainly in 2019–2020": mainly,
        "and in 2019–2020, not straight after": mainly.replace("mainly", "and") + ", not straight after",
        "to 0.264 and then 0.236": f"to {hx[2019]:.3f} and then {hx[2020]:.3f}",
        "most concentrated in 2014": f"most concentrated in {peak_year}",
        "the 2014 shock": "the 2014 shock" if peak_year == 2014 else f"the 2014 shock (peak now {peak_year})",
        "rose to a peak in 2014": f"rose to a peak in {peak_year}",
        "the peak in 2014": f"the peak in {peak_year}",
        "from 0.316 in 1995 to between 0.218 and 0.264 from 2005 on":
            f"from {hm[1995]:.3f} in 1995 to between {im_no_gap.min():.3f} and {im_no_gap.max():.3f} from 2005 on",
        # instructor notes
        "IMF DOTS, 1992–2020": f"IMF DOTS, {first}–{last}",
        "covers 1992–2020": f"covers {first}–{last}",
        "45% / 6% / 25%": " / ".join(_pct0(ex.loc[1995, g]) for g in ("Russia", "China", "EU-27")),
        "7% / 17% / 52%": " / ".join(_pct0(ex.loc[2013, g]) for g in ("Russia", "China", "EU-27")),
        "10% / 19% / 38%": " / ".join(_pct0(ex.loc[2020, g]) for g in ("Russia", "China", "EU-27")),
        "50% / 1% / 14%": " / ".join(_pct0(im.loc[1995, g]) for g in ("Russia", "China", "EU-27")),
        "37% / 17% / 18%": " / ".join(_pct0(im.loc[2013, g]) for g in ("Russia", "China", "EU-27")),
        "35% / 17% / 15%": " / ".join(_pct0(im.loc[2020, g]) for g in ("Russia", "China", "EU-27")),
        "0.298 0.335 0.236 (peak 0.362 in 2014)":
            f"{hx[1995]:.3f} {hx[2013]:.3f} {hx[2020]:.3f} (peak {hx.max():.3f} in {peak_year})",
        "0.316 0.233 0.236 (low 0.209 in 2010)":
            f"{hm[1995]:.3f} {hm[2013]:.3f} {hm[2020]:.3f} (low {hm.loc[1995:].min():.3f} in {int(hm.loc[1995:].idxmin())})",
        "all for 2013": "all for 2013",
        "US$ 9.7 bn vs 1.2 bn": f"US$ {nl_rep:.1f} bn vs {nl_mir:.1f} bn",
        "US$ 15.2 bn vs 4.9 bn": f"US$ {it_rep:.1f} bn vs {it_mir:.1f} bn",
        "US$ 8.2 bn vs 12.5 bn": f"US$ {cn_rep:.1f} bn vs {cn_mir:.1f} bn",
        "(2013)": "(2013)",
        "0.22 in 1995": f"{hx_country[1995]:.2f} in 1995",
        "between 0.07 and 0.11 from 1999 on":
            f"between {hx_country.loc[1999:].min():.2f} and {hx_country.loc[1999:].max():.2f} from 1999 on",
        "no peak in 2014": "no peak in 2014" if int(hx_country.loc[2005:].idxmax()) != 2014 else "a peak in 2014",
        "in 2014, was still 0.323 in 2018": f"in {peak_year}, was still {hx[2018]:.3f} in 2018",
        "0.264 and then 0.236 in 2019–2020": f"{hx[2019]:.3f} and then {hx[2020]:.3f} in 2019–2020",
    }
