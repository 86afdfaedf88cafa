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
    partly = int((events["status"] == "partly confirmed").sum())
    no_source = int(events["source_ids"].isna().sum() + (events["source_ids"].astype("string") == "").sum())
    busiest = int(events.groupby("year").size().idxmax())
    early = events[events["year"].between(1990, 1995)]["category"].astype(str).value_counts().idxmax()

    trade = data.load("trade")
    reported = trade[trade["basis"] == "reported"]
    by_year = reported.groupby("year")["is_aggregate"].all()
    totals_only = sorted(int(y) for y, only in by_year.items() if only)
    first_partner_year = int(reported.loc[~reported["is_aggregate"], "year"].min())

    world = _exports_world(data)
    fell_third = [int(y) for y in world.index[1:] if world[y] < world[y - 1] * 2 / 3]

    return {
        "2 events are only": f"{partly} events are only",
        "2 of the 69 events": f"{no_source} of the {len(events)} events",
        "early 1990s are dominated by nuclear": f"early 1990s are dominated by {early}",
        "2022 is crowded": f"{busiest} is crowded",
        "why 2022 is so crowded": f"why {busiest} is so crowded",
        "The chart starts in 1994": f"The chart starts in {first_partner_year}",
        "1992–1993 Kazakhstan's own report holds only totals":
            f"{totals_only[0]}–{totals_only[-1]} Kazakhstan's own report holds only totals",
        "fell by more than a third in 2009 and again in 2015":
            "fell by more than a third in " + " and again in ".join(str(y) for y in fell_third),
        "21 with the current timeline": f"{int((events['year'] == 2022).sum())} with the current timeline",
    }
