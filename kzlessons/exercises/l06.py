"""Checks for lesson 06, "Partner diversification".

``l06-scorecard``: the learner chooses weights for the indicator columns of the
lesson's ``scaled`` table (one row per partner: Russia, China, EU-27, US,
Türkiye) and computes each partner's weighted score, the weighted average

    score = sum(weight[k] * scaled[k] for k in weights) / sum(abs(weight[k]) for k in weights)

The sliders run from −5 to 5: a negative weight counts an indicator *against* a
partner (e.g. security ties as a dependence), and dividing by the sum of the
absolute weights keeps every score between −1 and 1 (with all weights 0 or more
the divisor is simply their sum). The answer is the pair ``(weights, scores)``:
``weights`` a dict {column: weight}, ``scores`` the table with the indicator
columns and a new ``score`` column.

The trade columns come from Kazakhstan's own statistics (``trade_bns``, latest
editions): ``trade_share`` is each partner's share of goods trade in 2023 and
``share_change`` its change from 2018, in percentage points. The lesson scales
them against a natural zero (:func:`rescale`): the share divided by the largest
share, the change centred on 0.5 (no change). The check recomputes both, so a
score built on the unscaled ``indicators`` (mixed units: %, percentage points,
0/1) or on min–max columns is refused with a hint naming the mistake; which
weights are "right" is for the learner to argue. Scores rounded to 1–3 decimals
pass.

>>> from kzlessons.exercises import check
>>> from kzlessons.exercises.l06 import lesson_scaled
>>> scaled = lesson_scaled()
>>> weights = {"trade_share": 3, "share_change": 1}
>>> scores = scaled.assign(score=(scaled["trade_share"] * 3 + scaled["share_change"] * 1) / 4)
>>> check("l06-scorecard", (weights, scores)).passed
True
"""

from __future__ import annotations

import math
from typing import Any

from ..numtext import NumberTextError, read_number
from . import Verdict, exercise, is_number, type_name

PARTNERS = ["Russia", "China", "EU-27", "US", "Türkiye"]
#: Indicator columns the check recomputes from ``trade`` (the others are 0/1 judgements).
FROM_DATA = ("trade_share", "share_change")
YEAR, BASE_YEAR = 2023, 2018
#: The dataset and basis of the trade columns (the lesson names it: Kazakhstan's BNS tables).
DATASET = "trade_bns"


def lesson_indicators():
    """The trade indicators of notebook 06 before rescaling: % of goods trade and change in points.

    >>> table = lesson_indicators()
    >>> list(table.columns), bool(abs(table["trade_share"].sum()) < 100)
    (['trade_share', 'share_change'], True)
    """
    import pandas as pd

    from .. import data

    trade = data.load(DATASET)
    rows = trade[trade["latest"] & ~trade["is_aggregate"]]
    by_group = rows.groupby(["year", "partner_group"], observed=True)["value_usd_mn"].sum().unstack()
    share = by_group.div(by_group.sum(axis=1), axis=0) * 100
    return pd.DataFrame({
        "trade_share": share.loc[YEAR, PARTNERS],
        "share_change": share.loc[YEAR, PARTNERS] - share.loc[BASE_YEAR, PARTNERS],
    })


def rescale(table):
    """The trade columns on the lesson's 0–1 scales, each with a natural zero.

    ``trade_share`` is divided by the largest share (0 = no trade, 1 = the largest
    partner); ``share_change`` is centred so that 0.5 means no change and the largest
    change, up or down, reaches 1 or 0. Other columns are left as they are.

    >>> import pandas as pd
    >>> table = rescale(pd.DataFrame({"trade_share": [20.0, 40.0, 10.0], "share_change": [-4.0, 2.0, 0.0]}))
    >>> table["trade_share"].tolist(), table["share_change"].tolist()
    ([0.5, 1.0, 0.25], [0.0, 0.75, 0.5])
    """
    out = table.astype(float)
    if "trade_share" in out.columns:
        out["trade_share"] = table["trade_share"] / table["trade_share"].max()
    if "share_change" in out.columns:
        out["share_change"] = 0.5 + table["share_change"] / (2 * table["share_change"].abs().max())
    return out


def min_max(table):
    """Min–max rescaling, (x − min) / (max − min): the usual method, which the lesson does not use.

    >>> import pandas as pd
    >>> min_max(pd.DataFrame({"x": [2.0, 4.0, 3.0]}))["x"].tolist()
    [0.0, 1.0, 0.5]
    """
    return (table - table.min()) / (table.max() - table.min())


def lesson_scaled():
    """The trade columns of the lesson's ``scaled`` table, recomputed from the data."""
    return rescale(lesson_indicators())


def _close(a, b, tol: float) -> bool:
    import numpy as np

    return bool(np.allclose(np.asarray(a, float), np.asarray(b, float), rtol=0, atol=tol))


def _column_problem(name: str, mine, scaled, raw) -> str | None:
    """A sentence saying what is wrong with the learner's column ``name``, or None if it is scaled."""
    import numpy as np

    values = mine.to_numpy(float)
    if name in scaled.columns:
        if _close(values, scaled[name], 0.0051):  # allows scaled.round(2)
            return None
        if _close(values, raw[name], 0.051):  # allows indicators.round(1)
            return (
                f"the column {name} holds the unscaled indicator (in its own units), not the 0–1 "
                "version. Adding a percentage to a 0/1 column lets the biggest numbers win. Start "
                "from `scaled`, not `indicators`: scores = scaled.assign(score=...)."
            )
        if _close(values, min_max(raw[[name]])[name], 0.0051):
            return (
                f"the column {name} is min–max rescaled ((x − min) / (max − min)), which puts the "
                "smallest partner at 0 whatever its trade and moves 'no change' around. The lesson "
                "scales against a natural zero; start from its `scaled` table."
            )
    if np.isnan(values).any():
        return f"the column {name} has missing values. Start from `scaled`, which has a value for every partner."
    low, high = float(values.min()), float(values.max())
    if low < -1e-9 or high > 1 + 1e-9:
        return (
            f"the column {name} runs from {low:.2f} to {high:.2f}, so it is not on the 0–1 scale. "
            "Use the lesson's rescaled table `scaled` (every column between 0 and 1) so that the "
            "indicators can be added."
        )
    if name in scaled.columns:
        return (
            f"the column {name} is on a 0–1 scale but not the lesson's: trade_share is divided by "
            "the largest share, and share_change is centred on 0.5 (no change). Start from `scaled`."
        )
    return None


def _score_problem(mine, columns, values, weights, signed_total: float, abs_total: float) -> str | None:
    """A sentence naming the wrong way the learner's score was computed, or None."""
    weighted_sum = sum(values[k] * float(w) for k, w in weights.items())
    divisor = "sum(weights.values())" if signed_total == abs_total else "sum(abs(w) for w in weights.values())"
    candidates = [
        (weighted_sum, "you added up weight × value but did not divide by the total of the weights. "
                       f"Divide by {divisor} so that every score stays on the 0–1 scale."),
        (weighted_sum / len(columns), "you divided by the number of indicators, not by the total of "
                                      f"the weights. Divide by {divisor}."),
        (weighted_sum / abs_total * 100, "your scores are 100 times too big (percentages). Keep the "
                                         "weighted average between 0 and 1: do not multiply by 100."),
    ]
    if signed_total != abs_total and signed_total != 0:
        candidates.insert(0, (
            weighted_sum / signed_total,
            "with a negative weight, sum(weights.values()) shrinks the divisor and stretches the "
            "scores. Divide by the total size of the weights instead: "
            "sum(abs(w) for w in weights.values()), so that scores stay between −1 and 1.",
        ))
    if len({float(w) for w in weights.values()}) > 1:
        candidates.append((values[columns].mean(axis=1), "these are plain averages of the columns: the "
                           "weights were not used. Multiply each column by its weight before adding."))
    for target, hint in candidates:
        if _close(mine, target, 1e-6) or any(_close(mine, target.round(d), 1e-9) for d in (1, 2, 3)):
            return hint
    return None


def _unscaled_score(mine, weights, raw, abs_total: float, values) -> bool:
    """Is the learner's score the weighted average of the unscaled indicators?"""
    if not any(k in raw.columns for k in weights):
        return False
    unscaled = sum((raw[k] if k in raw.columns else values[k]) * float(w) for k, w in weights.items())
    for total in (abs_total, sum(float(w) for w in weights.values()) or abs_total):
        target = unscaled / total
        if _close(mine, target, 1e-6) or any(_close(mine, target.round(d), 1e-9) for d in (1, 2)):
            return True
    return False


@exercise(
    "l06-scorecard",
    unanswered="Read your weights from the sliders, add a `score` column to the table, "
    "then write answer = (weights, scores).",
)
def _check_scorecard(answer: Any) -> Verdict:
    """Is ``answer`` = (weights, scores) with scores the weighted average of the scaled columns?"""
    import pandas as pd

    if not isinstance(answer, (tuple, list)) or len(answer) != 2:
        return Verdict.not_yet(
            f"`answer` should be the pair (weights, scores), but it is a {type_name(answer)}."
        )
    weights, scores = answer
    if not isinstance(weights, dict) or not weights:
        return Verdict.not_yet("the first item should be your `weights` dict, e.g. {\"trade_share\": 2, ...}.")
    if any(hasattr(w, "value") and not is_number(w) for w in weights.values()):
        return Verdict.not_yet(
            "`weights` holds the sliders themselves. Store their values: "
            "weights = {name: slider.value for name, slider in sliders.items()}."
        )
    if scores is None:
        return Verdict.not_yet(
            "`scores` is still None. Multiply each column of `scaled` by its weight, add them up, "
            "divide by the total size of the weights, sum(abs(w) for w in weights.values()), and "
            "store the result as a new column: scores = scaled.assign(score=...)."
        )
    if not isinstance(scores, pd.DataFrame):
        return Verdict.not_yet(
            f"the second item should be a DataFrame with a `score` column, but it is a "
            f"{type_name(scores)}."
        )
    if "score" not in scores.columns:
        return Verdict.not_yet("your table has no `score` column. Add it with scores = scaled.assign(score=...).")
    unknown = [k for k in weights if k not in scores.columns]
    if unknown:
        return Verdict.not_yet(
            f"your weights name columns that are not in the table: {', '.join(map(str, unknown))}. "
            f"The indicator columns are: {', '.join(str(c) for c in scores.columns if c != 'score')}."
        )
    for name, w in weights.items():
        if isinstance(w, str):
            try:
                meant = f" (if you mean {read_number(w):g}, write it without quotes)"
            except NumberTextError:
                meant = ""
            return Verdict.not_yet(f"each weight should be a number, but {name} is the text {w!r}{meant}.")
    bad = [k for k, w in weights.items() if not is_number(w) or not math.isfinite(float(w))]
    if bad:
        return Verdict.not_yet(f"each weight should be a finite number; check {', '.join(map(str, bad))}.")
    abs_total = float(sum(abs(float(w)) for w in weights.values()))
    signed_total = float(sum(float(w) for w in weights.values()))
    if abs_total == 0:
        return Verdict.not_yet("all your weights are 0, so nothing counts. Move at least one slider away from 0.")

    rows = {str(i) for i in scores.index}
    if not set(PARTNERS) <= rows:
        missing = [p for p in PARTNERS if p not in rows]
        return Verdict.not_yet(
            f"your table should have one row per partner, as `scaled` has; missing: {', '.join(missing)}. "
            "Keep the partners as the index (do not reset it or drop rows)."
        )
    if len(scores) != len(PARTNERS):
        return Verdict.not_yet(
            f"your table has {len(scores)} rows; `scaled` has one per partner ({', '.join(PARTNERS)})."
        )
    table = scores.set_axis([str(i) for i in scores.index]).loc[PARTNERS]
    columns = list(weights)
    try:
        values = table[columns].apply(pd.to_numeric, errors="coerce").astype(float)
    except (TypeError, ValueError):
        return Verdict.not_yet("some indicator columns are not numbers. Start from `scaled`.")
    raw = lesson_indicators()
    scaled = rescale(raw)
    for name in columns:
        problem = _column_problem(name, values[name], scaled, raw)
        if problem:
            return Verdict.not_yet(problem)
    for name in columns:  # the check uses the exact scaled values, so rounded columns are fine
        if name in scaled.columns:
            values[name] = scaled[name]
    mine = pd.to_numeric(table["score"], errors="coerce")
    if mine.isna().any():
        return Verdict.not_yet("some scores are missing or not numbers. Every partner needs a score.")
    mine = mine.astype(float)
    expected = sum(values[k] * float(w) for k, w in weights.items()) / abs_total

    if _close(mine, expected, 1e-6) or any(_close(mine, expected.round(d), 1e-9) for d in (1, 2, 3)):
        best = expected.idxmax()
        against = [k for k, w in weights.items() if float(w) < 0]
        note = (
            f" Your negative weight on {', '.join(against)} counts it against a partner." if against else ""
        )
        return Verdict.ok(
            f"the arithmetic is right for your weights: {best} comes out on top with "
            f"{expected.max():.2f}.{note} Now defend the weights, not the arithmetic."
        )
    if _unscaled_score(mine, weights, raw, abs_total, values):
        return Verdict.not_yet(
            "your score is the weighted average of the unscaled `indicators` (%, percentage points "
            "and 0/1 mixed), so the biggest units win. Compute it from `scaled`: "
            "sum(scaled[name] * w for name, w in weights.items()) / sum(abs(w) for w in weights.values())."
        )
    problem = _score_problem(mine, columns, values, weights, signed_total, abs_total)
    if problem:
        return Verdict.not_yet(problem)
    return Verdict.not_yet(
        "the scores do not follow from your weights. For each indicator multiply its column of "
        "`scaled` by its weight, add the products, and divide by the total size of the weights, "
        "sum(abs(w) for w in weights.values()). Did you move a slider without re-running the cell "
        "that reads `weights`?"
    )
