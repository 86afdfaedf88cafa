"""Checks for lesson 06, "Partner diversification".

``l06-scorecard``: the learner chooses weights for a few indicator columns
(each already rescaled to 0-1, one row per partner) and computes each
partner's weighted score: the weighted average

    score = sum(weight[k] * table[k] for k in weights) / sum(weights)

The answer is the pair ``(weights, scores)``: ``weights`` a dict
{column: weight}, ``scores`` the table with the indicator columns and a new
``score`` column. The check verifies the arithmetic for the weights the
learner chose; which weights are "right" is for the learner to argue.

>>> from kzlessons.exercises import check
>>> import pandas as pd
>>> table = pd.DataFrame({"trade": [1.0, 0.0], "orgs": [0.0, 1.0]}, index=["Russia", "China"])
>>> weights = {"trade": 3, "orgs": 1}
>>> scores = table.assign(score=(table["trade"] * 3 + table["orgs"] * 1) / 4)
>>> check("l06-scorecard", (weights, scores)).passed
True
"""

from __future__ import annotations

from typing import Any

from . import Verdict, exercise, is_number, type_name


@exercise(
    "l06-scorecard",
    unanswered="Read your weights from the sliders, add a `score` column to the table, "
    "then write answer = (weights, scores).",
)
def _check_scorecard(answer: Any) -> Verdict:
    """Is ``answer`` = (weights, scores) with scores the weighted average of the columns?"""
    import numpy as np
    import pandas as pd

    if not isinstance(answer, (tuple, list)) or len(answer) != 2:
        return Verdict.not_yet(
            f"`answer` should be the pair (weights, scores), but it is a {type_name(answer)}."
        )
    weights, scores = answer
    if not isinstance(weights, dict) or not weights:
        return Verdict.not_yet("the first item should be your `weights` dict, e.g. {\"trade_share\": 2, ...}.")
    if scores is None:
        return Verdict.not_yet(
            "`scores` is still None. Multiply each column of `scaled` by its weight, add them up, "
            "divide by sum(weights.values()), and store the result as a new column: "
            "scores = scaled.assign(score=...)."
        )
    if not isinstance(scores, pd.DataFrame):
        return Verdict.not_yet(
            f"the second item should be a DataFrame with a `score` column, but it is a "
            f"{type_name(scores)}."
        )
    if "score" not in scores.columns:
        return Verdict.not_yet("your table has no `score` column. Add it with scores = table.assign(score=...).")
    unknown = [k for k in weights if k not in scores.columns]
    if unknown:
        return Verdict.not_yet(
            f"your weights name columns that are not in the table: {', '.join(map(str, unknown))}. "
            f"The indicator columns are: {', '.join(c for c in scores.columns if c != 'score')}."
        )
    bad = [k for k, w in weights.items() if not is_number(w) or w < 0]
    if bad:
        return Verdict.not_yet(f"each weight should be a number of 0 or more; check {', '.join(map(str, bad))}.")
    total = float(sum(weights.values()))
    if total == 0:
        return Verdict.not_yet("all your weights are 0, so nothing counts. Move at least one slider above 0.")

    columns = list(weights)
    values = scores[columns].astype(float)
    weighted_sum = sum(values[k] * float(w) for k, w in weights.items())
    expected = weighted_sum / total
    mine = pd.to_numeric(scores["score"], errors="coerce")
    if mine.isna().any():
        return Verdict.not_yet("some scores are missing or not numbers. Every partner needs a score.")

    def same(target) -> bool:
        return bool(np.allclose(mine.to_numpy(float), target.to_numpy(float), rtol=1e-6, atol=1e-9))

    if same(expected):
        best = mine.idxmax()
        return Verdict.ok(
            f"the arithmetic is right for your weights: {best} comes out on top with "
            f"{mine.max():.2f}. Now defend the weights, not the arithmetic."
        )
    if same(weighted_sum):
        return Verdict.not_yet(
            "you added up weight × value but did not divide by the total of the weights. "
            "Divide by sum(weights.values()) so that every score stays between 0 and 1."
        )
    plain_mean = values.mean(axis=1)
    if same(plain_mean) and len(set(weights.values())) > 1:
        return Verdict.not_yet(
            "these are plain averages of the columns: the weights were not used. "
            "Multiply each column by its weight before adding."
        )
    return Verdict.not_yet(
        "not quite. For each indicator multiply its column by its weight, add the products, "
        "and divide by the sum of the weights."
    )
