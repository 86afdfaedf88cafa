"""Checks for lesson 07, "Reading the analysts".

``l07-confirmed-share``: for each reading (A and B), what share of its claims
in the ``claims`` data set has the status ``confirmed``? The answer is a
pandas Series (or dict) indexed by reading, with shares between 0 and 1::

    answer = claims.groupby("reading", observed=True)["status"].apply(lambda s: (s == "confirmed").mean())

>>> from kzlessons.exercises import check
>>> check("l07-confirmed-share", None).passed
False
"""

from __future__ import annotations

import math
from typing import Any

from . import Verdict, exercise, type_name

STATUS = "confirmed"


def _claims():
    from .. import data

    claims = data.load("claims")
    return claims.assign(reading=claims["reading"].astype(str), status=claims["status"].astype(str))


def shares(statuses: tuple[str, ...] = (STATUS,)) -> dict[str, float]:
    """Share of each reading's claims whose status is in ``statuses``."""
    claims = _claims()
    hit = claims["status"].isin(statuses)
    return hit.groupby(claims["reading"]).mean().to_dict()


def _as_dict(answer: Any) -> dict[str, Any] | None:
    import pandas as pd

    if isinstance(answer, pd.DataFrame) and answer.shape[1] == 1:
        answer = answer.iloc[:, 0]
    if isinstance(answer, pd.Series):
        return {str(k): v for k, v in answer.items()}
    if isinstance(answer, dict):
        return {str(k): v for k, v in answer.items()}
    return None


def _close(mine: dict[str, float], target: dict[str, float], factor: float = 1.0) -> bool:
    return all(abs(mine[k] - target[k] * factor) <= 1e-3 * max(1.0, factor) for k in target)


@exercise(
    "l07-confirmed-share",
    unanswered='Group `claims` by "reading" and take the mean of (status == "confirmed") in each group.',
)
def _check_confirmed_share(answer: Any) -> Verdict:
    """Is ``answer`` the share of confirmed claims for readings A and B?"""
    import pandas as pd

    if isinstance(answer, pd.DataFrame) and answer.shape[1] != 1:
        return Verdict.not_yet(
            "`answer` is a table with several columns (perhaps a crosstab of counts). The exercise "
            "wants one number per reading: the share of its claims that are confirmed."
        )
    mine = _as_dict(answer)
    if mine is None:
        return Verdict.not_yet(
            f"`answer` should be a Series indexed by reading (A, B), but it is a {type_name(answer)}."
        )
    expected = shares()
    missing = [k for k in expected if k not in mine]
    if missing:
        return Verdict.not_yet(
            f"I cannot find reading(s) {', '.join(missing)} in your answer. Its index should be the "
            "readings A and B, as groupby(\"reading\") gives."
        )
    try:
        values = {k: float(mine[k]) for k in expected}
    except (TypeError, ValueError):
        return Verdict.not_yet("the values should be numbers (shares between 0 and 1).")
    if any(math.isnan(v) for v in values.values()):
        return Verdict.not_yet("some of your values are missing (NaN). Check the filter on status.")
    if _close(values, expected):
        return Verdict.ok(
            f"{expected['A']:.0%} of Reading A's claims and {expected['B']:.0%} of Reading B's are "
            "confirmed outright. Before you call one reading 'more reliable', look at what the other "
            "statuses are: Reading B makes more forecasts and interpretations, which cannot be confirmed."
        )
    if _close(values, expected, 100):
        return Verdict.not_yet("those look like percentages. Give shares between 0 and 1.")
    claims = _claims()
    counts = claims[claims["status"] == STATUS].groupby("reading").size().to_dict()
    if all(values[k] == counts.get(k, 0) for k in expected):
        return Verdict.not_yet(
            "those are counts of confirmed claims. Divide by the number of claims in each reading, "
            "or take the mean of a True/False column."
        )
    overall = {k: counts.get(k, 0) / len(claims) for k in expected}
    if _close(values, overall):
        return Verdict.not_yet(
            "you divided by all 70 claims. Divide each reading's count by that reading's own number of claims."
        )
    if _close(values, shares((STATUS, "partly confirmed"))):
        return Verdict.not_yet(
            "you counted \"partly confirmed\" as well. Keep only the status exactly equal to \"confirmed\"."
        )
    return Verdict.not_yet(
        "not quite. Try claims.groupby(\"reading\", observed=True)[\"status\"].apply(lambda s: (s == \"confirmed\").mean())."
    )
