"""``kz.progress.item_chart(items)``: the item analysis as a chart an instructor can read at a glance.

One horizontal bar per question: the share of learners right on their first
try, sorted from hardest to easiest. Each bar is coloured by its band **and**
labelled in words ("too easy?", "in between", "hard"), so it reads without
colour; the tooltip adds learners, mean attempts and the most chosen wrong
answer. Like every kzlessons chart it has a title, a subtitle saying what is
counted, axis titles with units, the shared Okabe–Ito palette
(:mod:`kzlessons.charts.palette`) and a text description
(``kz.charts.describe(chart)``) naming the easiest and hardest questions and the
most misleading wrong answer.

>>> import pandas as pd
>>> items = pd.DataFrame({"question_id": ["l00-a", "l00-b"], "lesson": ["00", "00"], "learners": [10, 10],
...     "first_try_share": [0.95, 0.3], "mean_attempts": [1.1, 2.4],
...     "most_chosen_wrong": ["", "c: Moscow"], "most_chosen_wrong_learners": [0, 6]})
>>> from kzlessons.charts import describe
>>> print(describe(item_chart(items)))  # doctest: +NORMALIZE_WHITESPACE
Bars of the share of learners right on their first try for 2 questions, 10 learners at most per question.
Too easy? (90% or more right first time): l00-a (95%). Hard (under 40%): l00-b (30%).
The most chosen wrong answer: 'c: Moscow' in l00-b, by 6 of 10 learners.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

__all__ = ["item_chart", "EASY", "HARD"]

#: At or above this first-try share a question may be too easy to teach anything.
EASY = 0.9
#: Below this share a question is hard: check its wording and its distractors.
HARD = 0.4

_NEEDED = ("question_id", "learners", "first_try_share", "mean_attempts", "most_chosen_wrong",
           "most_chosen_wrong_learners")


def _bands() -> dict[str, str]:
    from ..charts.palette import CATEGORY_COLOURS

    blue, vermillion, green = CATEGORY_COLOURS[0], CATEGORY_COLOURS[1], CATEGORY_COLOURS[2]
    return {"too easy?": green, "in between": blue, "hard": vermillion}


def _band(share: float) -> str:
    return "too easy?" if share >= EASY else "hard" if share < HARD else "in between"


def _table(items: Any) -> Any:
    import pandas as pd

    if isinstance(items, (str, os.PathLike)):
        items = pd.read_csv(items, dtype={"lesson": str}, keep_default_na=False)
    elif isinstance(items, Mapping):
        items = pd.DataFrame(items)
    if not isinstance(items, pd.DataFrame):
        raise ValueError(f"item_chart() takes the item table (a DataFrame or the path of items.csv), "
                         f"not {type(items).__name__}.")
    if "first_try_correct" in items.columns and "first_try_share" not in items.columns:  # an older items.csv
        items = items.rename(columns={"first_try_correct": "first_try_share"})
    missing = [c for c in _NEEDED if c not in items.columns]
    if missing:
        raise ValueError(f"The item table lacks the column(s) {', '.join(missing)}; make it with "
                         "'kzlessons gradebook FILES --items items.csv' or kz.progress.item_analysis(files).")
    if items.empty:
        raise ValueError("The item table is empty: no learner answered any question in the files given.")
    return items


def item_chart(items: Any) -> Any:
    """A bar chart of the first-try share per question, with words for each band (see the module docs)."""
    import altair as alt

    from ..charts.text import pct
    from ..charts.theme import WIDTH

    df = _table(items).copy()
    df["first_try_share"] = df["first_try_share"].astype(float)
    df["band"] = [_band(s) for s in df["first_try_share"]]
    df["label"] = [f"{pct(s)} · {b}" for s, b in zip(df["first_try_share"], df["band"])]
    df["most_chosen_wrong"] = df["most_chosen_wrong"].fillna("").astype(str).replace("", "(none)")
    df = df.sort_values(["first_try_share", "question_id"]).reset_index(drop=True)
    order = list(df["question_id"])
    bands = _bands()
    present = [b for b in bands if b in set(df["band"])]
    tooltip = [
        alt.Tooltip("question_id:N", title="Question"),
        alt.Tooltip("learners:Q", title="Learners who tried it"),
        alt.Tooltip("first_try_share:Q", title="Right on the first try", format=".0%"),
        alt.Tooltip("mean_attempts:Q", title="Mean attempts per learner", format=".2f"),
        alt.Tooltip("most_chosen_wrong:N", title="Most chosen wrong answer"),
        alt.Tooltip("most_chosen_wrong_learners:Q", title="Learners who chose it"),
    ]
    y = alt.Y("question_id:N", sort=order, title="Question (hardest first)")
    base = alt.Chart(df)
    bars = base.mark_bar().encode(
        x=alt.X("first_try_share:Q", title="Learners right on their first try (%)",
                scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%")),
        y=y,
        color=alt.Color("band:N", title="Band", sort=present,
                        scale=alt.Scale(domain=present, range=[bands[b] for b in present])),
        tooltip=tooltip,
    )
    long = alt.datum.first_try_share >= 0.75  # long bars carry their label inside
    outside = base.transform_filter(~long).mark_text(align="left", dx=4, color="#222222").encode(
        x="first_try_share:Q", y=y, text="label:N", tooltip=tooltip)
    # black on the green band, white on the blue one: both at least 4.5:1 contrast
    ink = alt.condition(alt.datum.band == "too easy?", alt.value("#000000"), alt.value("#FFFFFF"))
    inside = base.transform_filter(long).mark_text(align="right", dx=-4, fontWeight="bold").encode(
        x="first_try_share:Q", y=y, text="label:N", color=ink, tooltip=tooltip)
    most = int(df["learners"].max())
    parts = [f"Bars of the share of learners right on their first try for {len(df)} questions, "
             f"{most} learners at most per question."]
    easy = df[df["band"] == "too easy?"].sort_values("first_try_share", ascending=False)
    hard = df[df["band"] == "hard"]
    if len(easy):
        parts.append(f"Too easy? ({pct(EASY)} or more right first time): "
                     + ", ".join(f"{q} ({pct(s)})" for q, s in zip(easy["question_id"][:6], easy["first_try_share"]))
                     + (" …" if len(easy) > 6 else "") + ".")
    if len(hard):
        parts.append(f"Hard (under {pct(HARD)}): "
                     + ", ".join(f"{q} ({pct(s)})" for q, s in zip(hard["question_id"][:6], hard["first_try_share"]))
                     + (" …" if len(hard) > 6 else "") + ".")
    wrong = df[df["most_chosen_wrong_learners"].astype(int) > 0]
    if len(wrong):
        top = wrong.assign(share=wrong["most_chosen_wrong_learners"] / wrong["learners"]).sort_values(
            ["share", "question_id"], ascending=[False, True]).iloc[0]
        parts.append(f"The most chosen wrong answer: {top['most_chosen_wrong']!r} in {top['question_id']}, "
                     f"by {int(top['most_chosen_wrong_learners'])} of {int(top['learners'])} learners.")
    subtitle = [f"Share of learners right on their first try ({pct(EASY)} or more: too easy?; under {pct(HARD)}: hard).",
                "Hover a bar for mean attempts and the most chosen wrong answer."]
    return alt.layer(bars, outside, inside).properties(
        title=alt.Title("How the class did on each question", subtitle=subtitle),
        description=" ".join(parts),
        width=min(WIDTH, 560),
        height=max(120, 22 * len(df)),
    )
