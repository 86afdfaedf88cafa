"""Figures lesson 04 (Voting at the UN) states about the shipped data, recomputed from it.

Each key is the text as the lesson shows it (notebook markdown, bank l04, docs/instructor/l04.md);
each value recomputes the same text from ``kzlessons.data``. See tests/content/test_figures.py.
"""

from __future__ import annotations

import re
from types import ModuleType


def _signed(x: float, digits: int = 2) -> str:
    """A number as the lesson prints it, with a true minus sign: −0.92."""
    return f"{x:.{digits}f}".replace("-", "−")


def _ideal(data: ModuleType):
    ip = data.load("ideal_points")
    return ip.set_index(["iso3", "year"])


def _agreement(data: ModuleType, partner: str) -> float:
    votes = data.load("un_votes")
    kaz = votes[votes["iso3"] == "KAZ"][["rcid", "vote"]]
    other = votes[votes["iso3"] == partner][["rcid", "vote"]]
    both = kaz.merge(other, on="rcid", suffixes=("_kaz", "_other"))
    return float((both["vote_kaz"] == both["vote_other"]).mean())


def figures(data: ModuleType) -> dict[str, str]:
    out: dict[str, str] = {}
    votes = data.load("un_votes")
    roll_calls = data.load("un_roll_calls")
    years = roll_calls.set_index("rcid")["date"].dt.year
    vote_years = votes["rcid"].map(years)
    out["about 870,000 rows from 1946 on"] = (
        f"about {round(len(votes), -4):,} rows from {int(vote_years.min())} on")
    kaz_first = roll_calls.set_index("rcid").loc[votes.loc[votes["iso3"] == "KAZ", "rcid"], "date"].min()
    out["Kazakhstan's rows start in 1992"] = f"Kazakhstan's rows start in {kaz_first.year}"

    # Agreement 1992–2019: China above Russia after the mid-2000s, the US lowest.
    kaz = votes[votes["iso3"].isin(["KAZ", "RUS", "CHN", "USA"])].copy()
    kaz["year"] = kaz["rcid"].map(years)
    kaz = kaz[kaz["year"].between(1992, 2019)]
    wide = kaz.pivot(index="rcid", columns="iso3", values="vote")
    wide["year"] = wide.index.map(years)
    first, last = int(wide["year"].min()), int(wide["year"].max())
    out["From 1992 to 2019 Kazakhstan voted most like China and Russia"] = (
        f"From {first} to {last} Kazakhstan voted most like China and Russia")

    # China above Russia in most years from the mid-2000s; the US lowest throughout.
    rows = []
    for year, group in wide.groupby("year"):
        share = {c: (group["KAZ"] == group[c])[group["KAZ"].notna() & group[c].notna()].mean()
                 for c in ("RUS", "CHN", "USA")}
        rows.append((year, share))
    later = [s for y, s in rows if y >= 2005]
    china_on_top = sum(s["CHN"] > s["RUS"] for s in later) / len(later)
    us_lowest = all(s["USA"] < min(s["RUS"], s["CHN"]) for _, s in rows)
    out["the mid-2000s"] = "the mid-2000s" if china_on_top >= 0.8 and us_lowest else "not the mid-2000s"

    # Ideal points.
    ideal = _ideal(data)
    ip = ideal["ideal_point"]
    out["up to 2024"] = f"up to {int(ideal.index.get_level_values('year').max())}"
    out["run to 2024"] = f"run to {int(ideal.index.get_level_values('year').max())}"
    out["from about −0.47 to about −0.92"] = (
        f"from about {_signed(ip['KAZ', 2021])} to about {_signed(ip['KAZ', 2022])}")
    out["Russia from −0.03 to −0.81"] = f"Russia from {_signed(ip['RUS', 2021])} to {_signed(ip['RUS', 2022])}"
    out["China from −0.38 to −1.35"] = f"China from {_signed(ip['CHN', 2021])} to {_signed(ip['CHN', 2022])}"
    out["United States from 2.51 to 2.15"] = (
        f"United States from {_signed(ip['USA', 2021])} to {_signed(ip['USA', 2022])}")
    falls = {c: ip[c, 2022] - ip[c, 2021] for c in ("KAZ", "RUS", "CHN", "USA")}
    biggest = min(falls, key=falls.get)
    # l04-ideal-point-fall keys China as the largest fall from 2021 to 2022.
    out["From 2021 to 2022, which"] = ("From 2021 to 2022, which" if biggest == "CHN"
                                       else f"l04-ideal-point-fall should key {biggest}")
    out["China fell furthest, by about 0.97"] = f"China fell furthest, by about {-falls['CHN']:.2f}"
    out["Russia fell by about 0.78"] = f"Russia fell by about {-falls['RUS']:.2f}"
    out["Kazakhstan by about 0.44"] = f"Kazakhstan by about {-falls['KAZ']:.2f}"
    out["United States by about 0.37"] = f"United States by about {-falls['USA']:.2f}"
    early = all(ideal.loc[c].loc[1992:1995, "ideal_point"].mean()
                > ideal.loc[c].loc[2000:2019, "ideal_point"].mean() for c in ("KAZ", "RUS"))
    out["in the early 1990s"] = "in the early 1990s" if early else "not in the early 1990s"
    all_fell = all(f < 0 for f in falls.values())
    out["All four lines fall from 2021 to 2022"] = (
        "All four lines fall from 2021 to 2022" if all_fell else "Not all four lines fall from 2021 to 2022")
    out["Ideal points fell in 2022 for Kazakhstan and for every comparator in the chart"] = (
        "Ideal points fell in 2022 for Kazakhstan and for every comparator in the chart" if all_fell
        else "Ideal points did not fall in 2022 for every comparator in the chart")
    out["Every comparator in the chart dips in 2022"] = (
        "Every comparator in the chart dips in 2022" if all_fell else "Not every comparator dips in 2022")
    change = (ip.xs(2022, level="year") - ip.xs(2021, level="year")).dropna()
    out["92 of 192 countries"] = f"{int((change < 0).sum())} of {len(change)} countries"
    lo, hi = ideal["ideal_point_q05"], ideal["ideal_point_q95"]
    out["2022 runs from −1.13 to −0.72"] = f"2022 runs from {_signed(lo['KAZ', 2022])} to {_signed(hi['KAZ', 2022])}"
    out["Russia's from −0.98 to −0.63"] = f"Russia's from {_signed(lo['RUS', 2022])} to {_signed(hi['RUS', 2022])}"
    alls = ideal["ideal_point_all"]
    out["Kazakhstan goes from −0.82 to −0.99"] = (
        f"Kazakhstan goes from {_signed(alls['KAZ', 2021])} to {_signed(alls['KAZ', 2022])}")
    out["about −0.36 in 2023"] = f"about {_signed(ip['KAZ', 2023])} in 2023"
    out["slipped to −0.51 in 2024"] = f"slipped to {_signed(ip['KAZ', 2024])} in 2024"
    out["Kazakhstan 2021 −0.47 → 2022 −0.92 → 2023 −0.36 → 2024 −0.51"] = (
        f"Kazakhstan 2021 {_signed(ip['KAZ', 2021])} → 2022 {_signed(ip['KAZ', 2022])} → "
        f"2023 {_signed(ip['KAZ', 2023])} → 2024 {_signed(ip['KAZ', 2024])}")

    last = roll_calls["date"].max()
    out["votes from January 2020"] = f"votes from {last:%B %Y}"
    out["ends in January 2020"] = f"ends in {last:%B %Y}"
    out["Ideal points to 2024"] = f"Ideal points to {int(ideal.index.get_level_values('year').max())}"

    # ES-11/2 from the events data (E048).
    events = data.load("events").set_index("event_id")
    e048 = events.loc["E048"]
    tally = re.search(r"\d+–\d+–\d+", e048["description"]).group(0)
    out["adopted on 24 March 2022 by 140–5–38"] = (
        f"adopted on {e048['date'].day} {e048['date']:%B %Y} by {tally}")

    # ES-11/1, every member's vote (ukraine_votes).
    uv = data.load("ukraine_votes")
    es1 = uv[uv["resolution"] == "A/RES/ES-11/1"].set_index("iso3")["vote"].astype(str)
    n = es1.value_counts()
    out["a large group of 35"] = f"a large group of {n['abstain']}"
    out["among the five states"] = "among the five states" if n["no"] == 5 else f"among the {n['no']} states"
    together = all(es1[c] == "abstain" for c in ("KAZ", "KGZ", "TJK", "CHN", "IND"))
    away = all(es1[c] == "absent" for c in ("UZB", "TKM"))
    against = all(es1[c] == "no" for c in ("RUS", "BLR"))
    assert together and away and against, "the ES-11/1 sentence of cell 'f7fc586c' no longer fits the data"
    out["resolutions of 2022–2023"] = (
        f"resolutions of {uv.loc[uv['resolution'].str.contains('ES-11'), 'date'].dt.year.min()}"
        f"–{uv.loc[uv['resolution'].str.contains('ES-11'), 'date'].dt.year.max()}")
    only_kaz = [r for r in ("A/RES/ES-11/3", "A/RES/ES-11/4", "A/RES/ES-11/6")
                if set(uv.loc[uv["resolution"] == r, "iso3"]) == {"KAZ"}]
    assert len(only_kaz) == 3, "the grid note says the data hold only Kazakhstan's vote for ES-11/3, /4, /6"

    # Instructor notes: agreement with Kazakhstan over the whole file (as the notes print it).
    shown = {"Kyrgyzstan about 0.92": "KGZ", "Uzbekistan 0.86": "UZB", "Brazil 0.81": "BRA",
             "China 0.77": "CHN", "Russia 0.73": "RUS", "Türkiye 0.71": "TUR", "India 0.67": "IND",
             "Germany 0.65": "DEU", "the UK 0.55": "GBR", "the US 0.24": "USA"}
    for text, code in shown.items():
        label = text.rsplit(" ", 1)[0]
        out[text] = f"{label} {_agreement(data, code):.2f}"
    return out


#: Labels and choices of the lesson's own design, not claims about the world.
ALLOW = [
    r"1992–2019|1992 to 2019|end of 2019|to 2019\b",   # the window the lesson's code keeps
    r"\bES-11(?:/\d(?:, /\d)*(?:,? and /\d)?)?",        # the session and its resolutions
    r"resolution 377 ?A",                              # the Uniting for Peace resolution's symbol
    r"90% (?:band|probability|bands)",                # what the q05–q95 columns are
    r"value of 1 means|0\.5 means",                   # how the agreement index reads
]
