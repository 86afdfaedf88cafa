"""Figures lesson 01 (What is multi-vectorism?) states about the shipped data.

Each key is the text as the lesson shows it; each value recomputes that text from
``kzlessons.data`` (see README.md in this folder). Everything else with a number in
lesson 01 is cited (S..) in its paragraph.
"""

from __future__ import annotations

ALLOW = [
    # Publication dates in the references of the two readings.
    r"27 April 2023",
    r"Policy Memo No\. 388, September 2015",
]


def figures(data) -> dict[str, str]:
    events = data.load("events")
    first, last = int(events["year"].min()), int(events["year"].max())
    early = events[events["year"].between(1990, 1995)]["category"].astype(str).value_counts().idxmax()
    early_text = "early 1990s cluster" if early == "nuclear" else f"early 1990s ({early}) cluster"
    return {
        "timeline of 1990–2024": f"timeline of {first}–{last}",
        "early 1990s cluster": early_text,
    }
