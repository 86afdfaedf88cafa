"""Figures lesson 04 (Voting at the UN) states about the shipped data, recomputed from it.

Each key is the text as the lesson shows it (notebook markdown, bank l04, docs/instructor/l04.md);
each value recomputes the same text from ``kzlessons.data``. See tests/content/test_figures.py.
"""

from __future__ import annotations

from types import ModuleType

import pandas as pd

#: The ES-11 table of cell "4ab910ea", row by row, as the corpus reads it (pipes and emphasis dropped).
ROWS = {
    "ES-11/1": "ES-11/1 2 Mar 2022 aggression against Ukraine 141–5–35 abstained",
    "ES-11/2": "ES-11/2 24 Mar 2022 humanitarian consequences of the aggression 140–5–38 abstained",
    "ES-11/3": "ES-11/3 7 Apr 2022 suspending Russia's rights of membership in the Human Rights Council 93–24–58 against",
    "ES-11/4": "ES-11/4 12 Oct 2022 the attempted annexation of four regions 143–5–35 abstained",
    "ES-11/5": "ES-11/5 14 Nov 2022 remedy and reparation for the aggression 94–14–73 abstained",
    "ES-11/6": "ES-11/6 23 Feb 2023 principles for a lasting peace 141–7–32 abstained",
}
#: The states of the lesson's Ukraine grid (cell "467a65b6").
GRID = ["KAZ", "KGZ", "TJK", "TKM", "UZB", "RUS", "CHN", "USA"]
NOT_VOTING = "not voting"


def _signed(x: float, digits: int = 2) -> str:
    """A number as the lesson prints it, with a true minus sign: −0.92."""
    return f"{x:.{digits}f}".replace("-", "−")


def _day(date: pd.Timestamp) -> str:
    """A date as the lesson's table prints it: 2 Mar 2022."""
    return f"{date.day} {date:%b %Y}"


def _cast(data: ModuleType) -> pd.DataFrame:
    """The votes cast: un_votes without the UN record's "not voting" rows."""
    votes = data.load("un_votes")
    return votes[votes["vote"] != NOT_VOTING]


def _agreement(cast: pd.DataFrame, partner: str, rcids=None) -> float:
    """The exercise's share: Kazakhstan and ``partner``, roll calls where both voted."""
    kaz = cast[cast["iso3"] == "KAZ"][["rcid", "vote"]]
    other = cast[cast["iso3"] == partner][["rcid", "vote"]]
    both = kaz.merge(other, on="rcid", suffixes=("_kaz", "_other"))
    if rcids is not None:
        both = both[both["rcid"].isin(rcids)]
    return float((both["vote_kaz"].astype(str) == both["vote_other"].astype(str)).mean())


def _crimea(data: ModuleType) -> pd.DataFrame:
    """The Crimea texts (title contains "Crimea"), with each grid state's vote; no vote = absent."""
    votes = data.load("un_votes")
    rc = data.load("un_roll_calls")
    texts = rc[rc["short"].str.contains("Crimea", na=False)].copy()
    texts["kind"] = texts["short"].str.contains("militari").map({True: "military", False: "rights"})
    grid = votes[votes["iso3"].isin(GRID)].astype({"iso3": str, "vote": str})
    wide = grid.pivot(index="rcid", columns="iso3", values="vote")
    out = texts.merge(wide, left_on="rcid", right_index=True, how="left")
    out[GRID] = out[GRID].fillna("absent").replace({NOT_VOTING: "absent"})
    out["year"] = out["date"].dt.year
    return out.sort_values("date")


def _other_ukraine_figures(data: ModuleType) -> dict[str, str]:
    """The grid's texts beyond ukraine_votes that are not about Crimea: 78/316 on nuclear safety (cell "467a65b6")."""
    rc = data.load("un_roll_calls")
    places = rc["short"].str.contains("Ukrain|Crimea|Sevastopol|Zaporizh|Black Sea|Azov", na=False)
    other = rc[places & ~rc["short"].str.contains("Crimea", na=False) & (rc["date"].dt.year >= 2014)
               & ~rc["unres"].str.contains("ES-11", na=False)]
    assert len(other) == 1 and "nuclear" in other["short"].iloc[0], "the lesson names one such text, on nuclear plants"
    text = other.iloc[0]
    label = text["unres"].removeprefix("A/RES/")
    kaz = data.load("un_votes").query("iso3 == 'KAZ' and rcid == @text.rcid")["vote"].astype(str).iloc[0]
    words = {"abstain": "abstained", "yes": "voted yes", "no": "voted no"}.get(kaz, "cast no vote")
    when = f"{text['date']:%B %Y}"
    # from 78/221 (2023) the yearly human-rights text covers all the occupied territories, Crimea included
    wide = rc[rc["short"].str.contains("temporarily occupied territories of Ukraine", na=False)]
    return {
        f"in July 2024, 78/316": f"in {when}, {label}",
        "it abstained on 78/316 on Ukraine's nuclear plants in July 2024":
            f"it {words} on {label} on Ukraine's nuclear plants in {when}",
        "texts on human rights in Crimea (from 2023 in all the occupied territories)":
            f"texts on human rights in Crimea (from {wide['date'].dt.year.min()} in all the occupied territories)",
    }


def _years(rows: pd.DataFrame) -> str:
    first, last = int(rows["year"].min()), int(rows["year"].max())
    return f"{first}" if first == last else f"{first}–{last}" if last - first > 1 else f"{first} and {last}"


def _ukraine_figures(data: ModuleType) -> dict[str, str]:
    out: dict[str, str] = {}
    crimea = _crimea(data)
    rights, military = crimea[crimea["kind"] == "rights"], crimea[crimea["kind"] == "military"]
    assert (crimea["date"].dt.month == 12).all(), "the lesson says the Crimea texts came each December"
    assert rights["year"].is_unique and rights["year"].diff().dropna().eq(1).all(), "one rights text a year"
    out["From 2016 it voted each December"] = f"From {rights['year'].min()} it voted each December"
    out["from 2018 to 2021 also on its militarisation"] = (
        f"from {military['year'].min()} to {military['year'].max()} also on its militarisation")
    assert (crimea["RUS"] == "no").all(), "the lesson says Russia voted no on every text in the grid"
    assert set(military["KAZ"]) == {"abstain"}, "the lesson says Kazakhstan abstained on every militarisation text"
    out["all four militarisation texts"] = (
        "all four militarisation texts" if len(military) == 4 else f"all {len(military)} militarisation texts")
    kaz_no = rights[rights["KAZ"] == "no"]
    out["no on the Crimea human-rights texts from 2016 to 2022"] = (
        f"no on the Crimea human-rights texts from {kaz_no['year'].min()} to {kaz_no['year'].max()}")
    out["no on the Crimea human-rights texts 2016–2022"] = (
        f"no on the Crimea human-rights texts {kaz_no['year'].min()}–{kaz_no['year'].max()}")
    out["every Crimea human-rights text from 2016 to December 2022"] = (
        f"every Crimea human-rights text from {kaz_no['year'].min()} to {kaz_no['date'].max():%B %Y}")
    out["Crimea human-rights text from 2016 and did again in December 2022"] = (
        f"Crimea human-rights text from {kaz_no['year'].min()} and did again in {kaz_no['date'].max():%B %Y}")
    out["every Crimea human-rights text since 2016, and did so again in December 2022"] = (
        f"every Crimea human-rights text since {kaz_no['year'].min()}, and did so again in "
        f"{kaz_no['date'].max():%B %Y}")
    out["human-rights text since 2016"] = f"human-rights text since {kaz_no['year'].min()}"
    out["the Crimea human-rights texts from 2016"] = f"the Crimea human-rights texts from {kaz_no['year'].min()}"
    out["Its votes on the human-rights situation in Crimea from 2016 on"] = (
        f"Its votes on the human-rights situation in Crimea from {kaz_no['year'].min()} on")
    # every rights text up to the last "no" was a "no"; then one without a vote, then abstentions
    before = rights[rights["date"] <= kaz_no["date"].max()]
    assert (before["KAZ"] == "no").all(), "the lesson says Kazakhstan voted no on every rights text to 2022"
    after = rights[rights["date"] > kaz_no["date"].max()]
    absent, abstain = after[after["KAZ"] == "absent"], after[after["KAZ"] == "abstain"]
    assert len(absent) + len(abstain) == len(after) and absent["date"].max() < abstain["date"].min()
    change = f"no vote in {_years(absent)} and abstentions in {_years(abstain)}"
    out["no vote in 2023 and abstentions in 2024 and 2025"] = change
    for text in ("the change after 2022", "The change after 2022"):
        out[text] = text.replace("2022", str(kaz_no["year"].max()))
    out["No vote in December 2023 and abstentions in 2024 and 2025"] = (
        f"No vote in {absent['date'].max():%B %Y} and abstentions in {_years(abstain)}")
    out["(no vote in 2023, abstentions in 2024 and 2025)"] = f"({change.replace(' and abstentions', ', abstentions')})"

    # Iran, Syria, Myanmar: Kazakhstan's votes on other country texts (instructor notes)
    rc = data.load("un_roll_calls")
    kaz = data.load("un_votes").query("iso3 == 'KAZ'").set_index("rcid")["vote"].astype(str)
    country = rc[rc["short"].str.contains("[Hh]uman rights (?:situation )?in", na=False)].copy()
    country["KAZ"] = country["rcid"].map(kaz)
    country["year"] = country["date"].dt.year

    def on(name: str) -> pd.DataFrame:
        return country[country["short"].str.contains(name) & (country["year"] >= 2016)]

    iran, syria, myanmar = on("Iran"), on("Syria"), on("Myanmar")
    iran_no = iran[iran["KAZ"] == "no"]
    assert (iran[iran["year"] <= iran_no["year"].max()]["KAZ"] == "no").all()
    assert (syria[syria["year"] <= iran_no["year"].max()]["KAZ"] == "abstain").all()
    my_yes = myanmar[myanmar["KAZ"] == "yes"]
    out["in Iran from 2016 to 2022, but abstained on Syria's and voted yes on Myanmar's in 2017 and 2018"] = (
        f"in Iran from {iran_no['year'].min()} to {iran_no['year'].max()}, but abstained on Syria's and "
        f"voted yes on Myanmar's in {_years(my_yes)}")

    # ES-11: the six resolutions, tallies and Kazakhstan's votes (table in cell "4ab910ea")
    uv = data.load("ukraine_votes")
    es11 = uv[uv["resolution"].str.contains("ES-11")]
    subjects = {
        "A/RES/ES-11/1": "aggression against Ukraine",
        "A/RES/ES-11/2": "humanitarian consequences of the aggression",
        "A/RES/ES-11/3": "suspending Russia's rights of membership in the Human Rights Council",
        "A/RES/ES-11/4": "the attempted annexation of four regions",
        "A/RES/ES-11/5": "remedy and reparation for the aggression",
        "A/RES/ES-11/6": "principles for a lasting peace",
    }
    words = {"yes": "voted for", "abstain": "abstained", "no": "**against**"}
    tallies = rc.set_index("unres")
    for resolution, subject in subjects.items():
        rows = es11[es11["resolution"] == resolution]
        n = rows["vote"].astype(str).value_counts()
        printed = tallies.loc[resolution, ["yes_tally", "no_tally", "abstain_tally"]].astype(int).tolist()
        assert printed == [n.get("yes", 0), n.get("no", 0), n.get("abstain", 0)], resolution
        vote = str(rows.loc[rows["iso3"] == "KAZ", "vote"].iloc[0])
        label = resolution.removeprefix("A/RES/")
        row = f"{label} {_day(rows['date'].iloc[0])} {subject} {'–'.join(map(str, printed))} {words[vote]}"
        out[ROWS[label]] = row.replace("**", "")
    es3_all = es11[es11["resolution"] == "A/RES/ES-11/3"]["vote"].astype(str).value_counts()
    out["On ES-11/3, 24 states voted no and 58 abstained"] = (
        f"On ES-11/3, {es3_all['no']} states voted no and {es3_all['abstain']} abstained")
    out["The file's last ES-11 vote is ES-11/6 of February 2023"] = (
        f"The file's last ES-11 vote is ES-11/6 of {es11['date'].max():%B %Y}")
    span = f"{uv['date'].dt.year.min()}–{crimea['year'].max()}"
    out["Ukraine at the General Assembly, 2014–2025"] = f"Ukraine at the General Assembly, {span}"
    out["Ukraine 2014–2025"] = f"Ukraine {span}"
    out["on Ukraine from 2014 to 2025"] = f"on Ukraine from {span.replace('–', ' to ')}"
    out["The data hold six ES-11 resolutions adopted by recorded vote in 2022–2023"] = (
        f"The data hold {['no', 'one', 'two', 'three', 'four', 'five', 'six'][es11['resolution'].nunique()]} "
        f"ES-11 resolutions adopted by recorded vote in {es11['date'].dt.year.min()}–{es11['date'].dt.year.max()}")
    out.update(_other_ukraine_figures(data))
    kaz_es11 = es11[es11["iso3"] == "KAZ"]["vote"].astype(str)
    assert (kaz_es11 == "abstain").sum() == 5 and (kaz_es11 == "no").sum() == 1
    grid_es11 = es11[es11["iso3"].isin(GRID)].pivot(index="resolution", columns="iso3", values="vote").astype(str)
    es3 = grid_es11.loc["A/RES/ES-11/3"]
    assert all(es3[c] == "no" for c in ("KAZ", "KGZ", "TJK", "UZB")) and es3["TKM"] == "absent", \
        "the lesson says KGZ, TJK and UZB voted no on ES-11/3 and TKM cast no vote"
    return out


def figures(data: ModuleType) -> dict[str, str]:
    out: dict[str, str] = {}
    votes = data.load("un_votes")
    roll_calls = data.load("un_roll_calls")
    years = roll_calls.set_index("rcid")["date"].dt.year
    vote_years = votes["rcid"].map(years)
    out["about 990,000 rows from 1946 on"] = (
        f"about {round(len(votes), -4):,} rows from {int(vote_years.min())} on")
    kaz_first = roll_calls.set_index("rcid").loc[votes.loc[votes["iso3"] == "KAZ", "rcid"], "date"].min()
    out["Kazakhstan's rows start in 1992"] = f"Kazakhstan's rows start in {kaz_first.year}"
    by_origin = roll_calls.groupby(roll_calls["origin"].astype(str))["date"].agg(["min", "max"])
    voeten_end, un_start = by_origin.loc["Voeten (unvotes)", "max"], by_origin.loc["UN (DGACM)", "min"]
    # the two parts of the file: the same two dates in several sentences
    for text in ("Up to January 2020 they are Erik Voeten's", "From November 2020 they are the UN's own record",
                 "Voeten's part (to January 2020) and the UN's (from November 2020)",
                 "Voeten's roll calls (to January 2020)", "The UN's (from November 2020)",
                 "the code of the former Yugoslavia, up to January 2020", "from November 2020, in the UN's record",
                 "up to January 2020 (Voeten's rows) and from November 2020 (the UN's)"):
        out[text] = text.replace("January 2020", f"{voeten_end:%B %Y}").replace("November 2020", f"{un_start:%B %Y}")
    last = roll_calls["date"].max()
    out["goes further, to June 2026"] = f"goes further, to {last:%B %Y}"
    out["The roll-call file runs to June 2026"] = f"The roll-call file runs to {last:%B %Y}"
    out["the first votes of 2026"] = f"the first votes of {last.year}"
    last_full = int(years[years < last.year].max())
    out["to 2025, the last full year in the file"] = f"to {last_full}, the last full year in the file"
    for code in ("UKR", "BLR"):
        assert int(vote_years[votes["iso3"] == code].min()) == int(vote_years.min()), code
    soviet = {"UKR", "BLR", "RUS"}  # the three Soviet seats vote from the first year
    assert soviet <= set(votes.loc[vote_years == vote_years.min(), "iso3"].astype(str))
    out["as UKR and BLR from 1946"] = f"as UKR and BLR from {int(vote_years.min())}"
    out["are in the data as UKR and BLR from 1946"] = f"are in the data as UKR and BLR from {int(vote_years.min())}"

    # Agreement 1992–2025: China above Russia after the mid-2000s, the US lowest.
    cast = votes[votes["vote"] != NOT_VOTING]
    kaz = cast[cast["iso3"].isin(["KAZ", "RUS", "CHN", "USA"])].copy()
    kaz["year"] = kaz["rcid"].map(years)
    kaz = kaz[kaz["year"].between(1992, last_full)]
    wide = kaz.pivot(index="rcid", columns="iso3", values="vote")
    wide["year"] = wide.index.map(years)
    first, final = int(wide["year"].min()), int(wide["year"].max())
    for text in ("From 1992 to 2025 Kazakhstan voted most like China and Russia",):
        out[text] = f"From {first} to {final} Kazakhstan voted most like China and Russia"
    out["1992–2025"] = f"{first}–{final}"
    out["from 1992 to 2025, year by year"] = f"from {first} to {final}, year by year"
    out["From the mid-2000s to 2025"] = f"From the mid-2000s to {final}"
    rows = []
    for year, group in wide.groupby("year"):
        share = {c: (group["KAZ"] == group[c])[group["KAZ"].notna() & group[c].notna()].mean()
                 for c in ("RUS", "CHN", "USA")}
        rows.append((year, share))
    later = [s for y, s in rows if y >= 2005]
    china_on_top = sum(s["CHN"] > s["RUS"] for s in later) / len(later)
    us_lowest = all(s["USA"] < min(s["RUS"], s["CHN"]) for _, s in rows)
    out["the mid-2000s"] = "the mid-2000s" if china_on_top >= 0.8 and us_lowest else "not the mid-2000s"

    # The hole of 2012–2013 and the doubling of 2025 (cells "16fa4c9c", "c0406a10").
    per_year = years.value_counts()
    out["2013 rests on only 61"] = f"{2013} rests on only {per_year[2013]}"
    out["2013 rests on only 61 roll calls"] = f"{2013} rests on only {per_year[2013]} roll calls"
    dates = roll_calls["date"]

    def held(day: str) -> bool:
        return bool((dates == pd.Timestamp(day)).any())

    def between(a: str, b: str) -> int:
        return int(((dates > pd.Timestamp(a)) & (dates < pd.Timestamp(b))).sum())

    hole = (held("2012-06-21") and held("2012-11-13") and between("2012-06-21", "2012-11-13") == 0
            and held("2012-12-24") and held("2013-10-29") and between("2012-12-24", "2013-10-29") == 1)
    text = ("with no roll calls between 21 June and 13 November 2012 and only one between "
            "24 December 2012 and 29 October 2013")
    out[text] = text if hole else "the 2012–2013 hole in un_roll_calls is not what the lesson says"
    out["from 92 in 2024 to 184 in 2025"] = f"from {per_year[2024]} in 2024 to {per_year[2025]} in 2025"
    us = cast[cast["iso3"] == "USA"].assign(year=lambda f: f["rcid"].map(years))
    us_no = us.groupby("year")["vote"].apply(lambda v: (v.astype(str) == "no").mean())
    us_all = data.load("un_votes").query("iso3 == 'USA'").assign(year=lambda f: f["rcid"].map(years))
    us_rc = us_all[us_all["year"] == 2024]["vote"].astype(str)
    out["in 2024 it was 53% of the votes it cast and 52% of all roll calls"] = (
        f"in 2024 it was {us_no[2024]:.0%} of the votes it cast and {(us_rc == 'no').sum() / per_year[2024]:.0%} "
        "of all roll calls")
    # the share of the votes the US cast ("not voting" rows dropped), as the lesson now says
    out["voted no on 92% of the votes it cast, against 53% in 2024"] = (
        f"voted no on {us_no[2025]:.0%} of the votes it cast, against {us_no[2024]:.0%} in 2024")
    out["the United States voting no on 92% of them"] = f"the United States voting no on {us_no[2025]:.0%} of them"
    kz_ = cast[cast["iso3"] == "KAZ"].assign(year=lambda f: f["rcid"].map(years))
    kz_yes = kz_.groupby("year")["vote"].apply(lambda v: (v.astype(str) == "yes").mean())
    assert kz_yes[2024] > 0.8 and kz_yes[2025] > 0.8, "the lesson says Kazakhstan voted yes on most texts"
    us_2025 = [s["USA"] for y, s in rows if y in (2024, 2025)]
    out["In 2025 the US line drops almost to zero"] = (
        "In 2025 the US line drops almost to zero" if us_2025[1] < 0.05 < us_2025[0]
        else f"In 2025 the US line is at {us_2025[1]:.2f}")
    out["the US in 2025"] = "the US in 2025" if us_2025[1] < 0.05 < us_2025[0] else "the US line has changed"
    out["and 2025 holds twice as many recorded votes as 2024"] = (
        "and 2025 holds twice as many recorded votes as 2024" if per_year[2025] == 2 * per_year[2024]
        else f"and 2025 holds {per_year[2025] / per_year[2024]:.1f} times as many recorded votes as 2024")
    out["a hole in 2012–2013"] = "a hole in 2012–2013" if hole else "no hole in 2012–2013"
    out["twice as many recorded votes as 2024"] = (
        "twice as many recorded votes as 2024" if per_year[2025] == 2 * per_year[2024]
        else f"{per_year[2025] / per_year[2024]:.1f} times as many recorded votes as 2024")

    # Agreement by issue, 1992–2019 (un_issues), cell "c0406a12".
    issues = data.load("un_issues")
    by_issue = wide.merge(issues[["rcid", "issue"]], left_index=True, right_on="rcid")

    def issue_share(issue: str, code: str) -> float:
        g = by_issue[by_issue["issue"] == issue]
        m = g["KAZ"].notna() & g[code].notna()
        return float((g["KAZ"] == g[code])[m].mean())

    col, nuc = "Colonialism", "Nuclear weapons and nuclear material"
    shares_rus = {i: issue_share(i, "RUS") for i in by_issue["issue"].dropna().unique()}
    assert min(shares_rus, key=shares_rus.get) == nuc and max(shares_rus, key=shares_rus.get) == col
    out["matched on 0.81 of the votes on colonialism but on only 0.46 of those on nuclear weapons"] = (
        f"matched on {shares_rus[col]:.2f} of the votes on colonialism but on only {shares_rus[nuc]:.2f} "
        "of those on nuclear weapons")
    out["closer to China (0.67)"] = f"closer to China ({issue_share(nuc, 'CHN'):.2f})"
    out["Voeten's roll calls (to 2019)"] = f"Voeten's roll calls (to {int(years[issues['rcid'].unique()].max())})"

    # Ideal points.
    ideal = data.load("ideal_points").set_index(["iso3", "year"])
    ip = ideal["ideal_point"]
    top = int(ideal.index.get_level_values("year").max())
    for text in ("up to 2024", "The ideal points run to 2024", "the ideal points to 2024", "Ideal points to 2024"):
        out[text] = text.replace("2024", str(top))
    out["from about −0.47 to about −0.92"] = (
        f"from about {_signed(ip['KAZ', 2021])} to about {_signed(ip['KAZ', 2022])}")
    out["Russia from −0.03 to −0.81"] = f"Russia from {_signed(ip['RUS', 2021])} to {_signed(ip['RUS', 2022])}"
    out["China from −0.38 to −1.35"] = f"China from {_signed(ip['CHN', 2021])} to {_signed(ip['CHN', 2022])}"
    out["United States from 2.51 to 2.15"] = (
        f"United States from {_signed(ip['USA', 2021])} to {_signed(ip['USA', 2022])}")
    falls = {c: ip[c, 2022] - ip[c, 2021] for c in ("KAZ", "RUS", "CHN", "USA")}
    biggest = min(falls, key=falls.get)
    out["From 2021 to 2022, which"] = ("From 2021 to 2022, which" if biggest == "CHN"
                                       else f"l04-ideal-point-fall should key {biggest}")
    out["China fell furthest, by about 0.97"] = f"China fell furthest, by about {-falls['CHN']:.2f}"
    out["Russia fell by about 0.78"] = f"Russia fell by about {-falls['RUS']:.2f}"
    out["Kazakhstan by about 0.44"] = f"Kazakhstan by about {-falls['KAZ']:.2f}"
    out["fell by about 0.44 from 2021 to 2022"] = f"fell by about {-falls['KAZ']:.2f} from 2021 to 2022"
    out["United States by about 0.37"] = f"United States by about {-falls['USA']:.2f}"
    early = all(ideal.loc[c].loc[1992:1995, "ideal_point"].mean()
                > ideal.loc[c].loc[2000:2019, "ideal_point"].mean() for c in ("KAZ", "RUS"))
    out["in the early 1990s"] = "in the early 1990s" if early else "not in the early 1990s"
    all_fell = all(f < 0 for f in falls.values())
    out["All four lines fall from 2021 to 2022"] = (
        "All four lines fall from 2021 to 2022" if all_fell else "Not all four lines fall from 2021 to 2022")
    out["Every comparator in the chart dips in 2022"] = (
        "Every comparator in the chart dips in 2022" if all_fell else "Not every comparator dips in 2022")
    change = (ip.xs(2022, level="year") - ip.xs(2021, level="year")).dropna()
    fell = f"{int((change < 0).sum())} of {len(change)}"
    out["92 of 192 countries"] = f"{fell} countries"
    out["92 of 192 members fell"] = f"{fell} members fell"
    out["the median change was +0.01"] = f"the median change was {change.median():+.2f}"
    further = change[change < change["KAZ"]]
    out["only 7 members fell further"] = f"only {len(further)} members fell further"
    out["(7 members fell further)"] = f"({len(further)} members fell further)"
    assert {"RUS", "CHN", "BLR"} <= set(further.index), "the lesson names Russia, China and Belarus"
    n = ideal["n_votes"]
    rc22 = roll_calls[roll_calls["date"].dt.year == 2022]
    es22 = rc22["unres"].str.contains("ES-11", na=False).sum()
    out["The estimate counts 88 votes for the United States; the UN's record holds 89 recorded votes in 2022, 5 of them in ES-11, and 84 without them"] = (
        f"The estimate counts {int(n['USA', 2022])} votes for the United States; the UN's record holds "
        f"{len(rc22)} recorded votes in 2022, {es22} of them in ES-11, and {len(rc22) - es22} without them")
    out["counts 88 votes for the United States, and the UN's record has 89 recorded votes in 2022, 5 of them in ES-11 (84 without them)"] = (
        f"counts {int(n['USA', 2022])} votes for the United States, and the UN's record has {len(rc22)} "
        f"recorded votes in 2022, {es22} of them in ES-11 ({len(rc22) - es22} without them)")
    out["together with some eighty others"] = (
        "together with some eighty others" if 80 <= len(rc22) - es22 < 90 else "together with many others")
    kaz_ip = ip.xs("KAZ").loc[2015:]
    dip = int(kaz_ip.diff().idxmin())  # the year of Kazakhstan's sharpest fall: the lesson's "2022 dip"
    for text in ("Kazakhstan's 2022 dip", "2022 was no common shift", "The 2022 points are built",
                 "Kazakhstan ends 2022 a little below Russia", "the 2022 estimate", "The 2022 estimate",
                 "The whole scale moved down in 2022", "to Russia's side in 2022",
                 "all four lines fall in 2022", "Russia at −1.41 in 2022"):
        out[text] = text.replace("2022", str(dip))
    lo, hi = ideal["ideal_point_q05"], ideal["ideal_point_q95"]
    out["2022 runs from −1.13 to −0.72"] = f"2022 runs from {_signed(lo['KAZ', 2022])} to {_signed(hi['KAZ', 2022])}"
    out["Russia's from −0.98 to −0.63"] = f"Russia's from {_signed(lo['RUS', 2022])} to {_signed(hi['RUS', 2022])}"
    alls = ideal["ideal_point_all"]
    assert alls["KAZ", 2022] > alls["RUS", 2022] and ip["KAZ", 2022] < ip["RUS", 2022]
    out["Kazakhstan goes from −0.82 to −0.99"] = (
        f"Kazakhstan goes from {_signed(alls['KAZ', 2021])} to {_signed(alls['KAZ', 2022])}")
    out["Kazakhstan is at −0.99 and Russia at −1.41"] = (
        f"Kazakhstan is at {_signed(alls['KAZ', 2022])} and Russia at {_signed(alls['RUS', 2022])}")
    out["about −0.36 in 2023"] = f"about {_signed(ip['KAZ', 2023])} in 2023"
    out["slipped to −0.51 in 2024"] = f"slipped to {_signed(ip['KAZ', 2024])} in 2024"
    out["Kazakhstan 2021 −0.47 → 2022 −0.92 → 2023 −0.36 → 2024 −0.51"] = (
        f"Kazakhstan 2021 {_signed(ip['KAZ', 2021])} → 2022 {_signed(ip['KAZ', 2022])} → "
        f"2023 {_signed(ip['KAZ', 2023])} → 2024 {_signed(ip['KAZ', 2024])}")

    # ES-11/1, every member's vote (ukraine_votes), and Venezuela without a vote in 2022.
    uv = data.load("ukraine_votes")
    es1 = uv[uv["resolution"] == "A/RES/ES-11/1"].set_index("iso3")["vote"].astype(str)
    count = es1.value_counts()
    out["a large group of 35"] = f"a large group of {count['abstain']}"
    out["among the five states"] = "among the five states" if count["no"] == 5 else f"among the {count['no']} states"
    together = all(es1[c] == "abstain" for c in ("KAZ", "KGZ", "TJK", "CHN", "IND"))
    away = all(es1[c] == "absent" for c in ("UZB", "TKM"))
    against = all(es1[c] == "no" for c in ("RUS", "BLR"))
    assert together and away and against, "the ES-11/1 sentence of cell 'f7fc586c' no longer fits the data"
    assert es1["VEN"] == "absent"
    ven = votes[(votes["iso3"] == "VEN") & (vote_years == 2022)]["vote"].astype(str)
    assert (ven == NOT_VOTING).all() and len(ven) == len(rc22)
    out["any of the 89 recorded votes of 2022"] = f"any of the {len(ven)} recorded votes of 2022"

    out.update(_ukraine_figures(data))

    # Instructor notes: agreement with Kazakhstan over the whole file, "not voting" dropped.
    shown = {"Kyrgyzstan about 0.92": "KGZ", "Uzbekistan 0.87": "UZB", "Brazil 0.81": "BRA",
             "China 0.77": "CHN", "Russia 0.71": "RUS", "India 0.70": "IND", "Türkiye 0.69": "TUR",
             "Germany 0.63": "DEU", "the UK 0.55": "GBR", "the US 0.23": "USA"}
    for text, code in shown.items():
        label = text.rsplit(" ", 1)[0]
        out[text] = f"{label} {_agreement(cast, code):.2f}"
    kgz_kept = _agreement(votes, "KGZ")
    out["for Kyrgyzstan, 0.91 instead of 0.92"] = (
        f"for Kyrgyzstan, {kgz_kept:.2f} instead of {_agreement(cast, 'KGZ'):.2f}")
    return out


#: Labels and choices of the lesson's own design, not claims about the world.
ALLOW = [
    r"\bES-11(?:/\d(?:, /\d)*(?:,? and /\d)?)?",        # the session and its resolutions
    r"resolution 377 ?A",                              # the Uniting for Peace resolution's symbol
    r"90% (?:band|probability|bands)",                # what the q05–q95 columns are
    r"value of 1 means|0\.5 means",                   # how the agreement index reads
    r"from 2021 to 2022|2021→2022",                    # the two years the dip compares
    r"Article 19\b",                                   # the Charter article's number
]
