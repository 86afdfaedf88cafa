"""Figures lesson 00 (Start here) states about the shipped data.

Each key is the text as the lesson shows it; each value recomputes that text from
``kzlessons.data`` (see README.md in this folder).
"""

from __future__ import annotations

ALLOW = [
    # The exercise's task (a year to filter on), not a claim about the data.
    r"happened in 2022\?",
    r"rows whose year is 2022",
    r"count the events of 2022",
    # The two shocks the readings are about (the lesson titles of 03 and 05), naming them.
    r"crises of 2014 and 2022",
    # Publication dates in the references of the two readings.
    r"27 April 2023",
    r"Policy Memo No\. 388, September 2015",
]


def _events(data):
    return data.load("events")


def _exports_world(data):
    trade = data.load("trade")
    rows = trade[(trade["partner"] == "World") & (trade["flow"] == "exports")
                 & (trade["basis"] == "reported")]
    return rows.set_index("year")["value_usd_mn"].sort_index()


def figures(data) -> dict[str, str]:
    events = _events(data)
    busiest = int(events.groupby("year").size().idxmax())
    early = events[events["year"].between(1990, 1995)]["category"].astype(str).value_counts().idxmax()

    trade = data.load("trade")
    reported = trade[trade["basis"] == "reported"]
    by_year = reported.groupby("year")["is_aggregate"].all()
    totals_only = sorted(int(y) for y, only in by_year.items() if only)
    first_partner_year = int(reported.loc[~reported["is_aggregate"], "year"].min())

    world = _exports_world(data)
    fell_third = [int(y) for y in world.index[1:] if world[y] < world[y - 1] * 2 / 3]

    # R2-A1: how thin the timeline is between the early 1990s and the 2014 crisis
    per_year = events["year"].between(1996, 2013).sum() / 18
    words = {1: "one", 2: "two", 3: "three"}
    thin = words.get(round(per_year), str(round(per_year)))
    plural = "" if round(per_year) == 1 else "s"

    return {
        "the years from 1996 to 2013 have about one event a year":
            f"the years from 1996 to 2013 have about {thin} event{plural} a year",
        "2022 has more events than any other year": f"{busiest} has more events than any other year",
        "early 1990s are dominated by nuclear": f"early 1990s are dominated by {early}",
        "2022 is crowded": f"{busiest} is crowded",
        "2022 is the busiest year": f"{busiest} is the busiest year",
        "The chart starts in 1994": f"The chart starts in {first_partner_year}",
        "1992–1993 Kazakhstan's own report holds only totals":
            f"{totals_only[0]}–{totals_only[-1]} Kazakhstan's own report holds only totals",
        "fell by more than a third in 2009 and again in 2015":
            "fell by more than a third in " + " and again in ".join(str(y) for y in fell_third),
    }
