"""Checks for lesson 05, "The 2022 shock".

``l05-index-2021``: the learner takes the monthly table of EU exports (summed
over the 27 EU reporters; one column per partner: KAZ, KGZ, ARM, RUS; one row
per month) and turns it into an index with the average month of 2021 = 100::

    answer = monthly / monthly.loc["2021"].mean() * 100

The check recomputes the table from ``eu_trade_monthly`` and compares every
month it has a value for (December 2022 is missing in the source).

>>> from kzlessons.exercises import check
>>> check("l05-index-2021", None).passed
False
"""

from __future__ import annotations

from typing import Any

from . import Verdict, exercise, type_name

PARTNERS = ["KAZ", "KGZ", "ARM", "RUS"]
NAMES = {"Kazakhstan": "KAZ", "Kyrgyzstan": "KGZ", "Armenia": "ARM", "Russia": "RUS",
         "Russian Federation": "RUS"}


def monthly_exports(partners: list[str] | None = None):
    """EU-27 exports (all products, euros) by month and partner: one column per ISO-3 code.

    December 2022 stays missing (NaN) rather than becoming 0.
    """
    import pandas as pd

    from .. import data

    partners = partners or PARTNERS
    trade = data.load("eu_trade_monthly")
    keep = trade[
        (trade["product"].astype(str) == "total")
        & (trade["flow"].astype(str) == "exports")
        & trade["partner_iso3"].astype(str).isin(partners)
    ]
    table = (
        keep.groupby(["month", keep["partner_iso3"].astype(str)], observed=True)["value_eur"]
        .sum(min_count=1)
        .unstack()
    )
    table.index = pd.DatetimeIndex(table.index)
    return table[[p for p in partners if p in table.columns]].astype("float64")


def expected_index():
    """The right answer: each month divided by the average month of 2021, times 100."""
    table = monthly_exports()
    return table / table.loc["2021"].mean() * 100


def _as_frame(answer: Any):
    import pandas as pd

    frame = answer.to_frame() if isinstance(answer, pd.Series) else answer.copy()
    frame = frame.rename(columns=lambda c: NAMES.get(str(c), str(c)))
    if "month" in frame.columns:
        frame = frame.set_index("month")
    try:
        frame.index = pd.DatetimeIndex(frame.index)
        frame = frame.apply(pd.to_numeric, errors="coerce")
    except (TypeError, ValueError):
        return None
    return frame


def _matches(mine, expected, columns, factor: float = 1.0) -> bool:
    import numpy as np

    aligned = mine[columns].reindex(expected.index).astype("float64").to_numpy()
    target = expected[columns].astype("float64").to_numpy() * factor
    present = ~np.isnan(target)
    if np.isnan(aligned[present]).any():
        return False
    return bool(np.allclose(aligned[present], target[present], rtol=1e-3, atol=1e-6))


@exercise(
    "l05-index-2021",
    unanswered='Divide `monthly` by the average month of 2021 (monthly.loc["2021"].mean()) '
    "and multiply by 100.",
)
def _check_index(answer: Any) -> Verdict:
    """Is ``answer`` the monthly table indexed to the 2021 monthly average = 100?"""
    import pandas as pd

    if not isinstance(answer, (pd.DataFrame, pd.Series)):
        return Verdict.not_yet(
            f"`answer` should be a table like `monthly`, but it is a {type_name(answer)}. "
            "Keep the months as rows and the partners as columns."
        )
    mine = _as_frame(answer)
    if mine is None:
        return Verdict.not_yet(
            "the rows of your table should be months, as in `monthly`. "
            "Did you reset the index? Start again from `monthly`."
        )
    expected = expected_index()
    columns = [c for c in expected.columns if c in mine.columns]
    if not columns:
        return Verdict.not_yet(
            f"I cannot find the partner columns ({', '.join(PARTNERS)}) in your table. "
            "Start from `monthly`, which already has them."
        )
    missing = [c for c in PARTNERS if c not in columns]
    if _matches(mine, expected, columns):
        if missing:
            return Verdict.not_yet(
                f"your numbers are right for {', '.join(columns)}; now keep all four partners "
                f"(missing: {', '.join(missing)})."
            )
        latest = expected.dropna(how="all").iloc[-1]
        month = expected.dropna(how="all").index[-1].strftime("%B %Y")
        return Verdict.ok(
            f"every month matches. By {month} the index stood at "
            + ", ".join(f"{c} {latest[c]:.0f}" for c in PARTNERS)
            + ". Remember: a higher index shows more goods leaving the EU, not where they went next."
        )
    if _matches(mine, expected, columns, factor=0.01):
        return Verdict.not_yet("your table shows ratios (2021 = 1). Multiply by 100 so that 2021 = 100.")
    if _matches(mine, expected, columns, factor=1 / 12):
        return Verdict.not_yet(
            "you divided by the total of 2021 rather than the average month. Use .mean(), not .sum()."
        )
    table = monthly_exports()
    for label, base in (("2020", table.loc["2020"].mean()), ("January 2021", table.loc["2021-01"].iloc[0]),
                        ("the whole period", table.mean())):
        if _matches(mine, (table / base * 100), columns):
            return Verdict.not_yet(
                f"you used {label} as the base. The exercise asks for the average month of 2021 = 100: "
                "monthly.loc[\"2021\"].mean()."
            )
    return Verdict.not_yet(
        "not quite. Compute base = monthly.loc[\"2021\"].mean() (one number per partner), then "
        "answer = monthly / base * 100. Pandas lines the columns up for you."
    )
