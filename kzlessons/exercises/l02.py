"""Checks for lesson 02, "Following the trade".

``l02-hhi-by-year``: the Herfindahl–Hirschman index of Kazakhstan's **exports**
by **partner group**, from Kazakhstan's own report (``basis == "reported"``),
for every year in the ``trade`` dataset, aggregates excluded. The learner hands
in a pandas Series (or a dict) indexed by year, with HHI values between 0 and 1
(shares as fractions).

>>> from kzlessons.exercises import check
>>> check("l02-hhi-by-year", 0.3).passed
False
"""

from __future__ import annotations

from typing import Any

from . import Verdict, exercise, is_number, type_name

TOLERANCE = 1e-3


def _hhi_by_year(flow: str = "exports", basis: str = "reported", drop_aggregates: bool = True):
    """HHI of partner-group shares per year (pure pandas, independent of kz.metrics)."""
    from .. import data

    trade = data.load("trade")
    rows = trade[(trade["flow"] == flow) & (trade["basis"] == basis)]
    if drop_aggregates:
        rows = rows[~rows["is_aggregate"].astype(bool)]
        groups = rows["partner_group"].astype(str)
    else:
        groups = rows["partner_group"].astype(object).fillna(rows["partner"].astype(str)).astype(str)
    by_group = rows.groupby([rows["year"], groups], observed=True)["value_usd_mn"].sum()
    totals = by_group.groupby(level=0).transform("sum")
    shares = by_group / totals
    return (shares**2).groupby(level=0).sum().rename("hhi")


def _as_series(answer: Any):
    import pandas as pd

    if isinstance(answer, pd.DataFrame):
        numeric = answer.select_dtypes("number")
        if "year" in answer.columns and numeric.shape[1] >= 2:
            value_columns = [c for c in numeric.columns if c != "year"]
            return answer.set_index("year")[value_columns[-1]]
        if numeric.shape[1] == 1:
            return numeric.iloc[:, 0]
        return None
    if isinstance(answer, dict):
        return pd.Series(answer)
    if isinstance(answer, pd.Series):
        return answer
    return None


def _close(series, expected) -> bool:
    import pandas as pd

    common = expected.index.intersection(series.index)
    if len(common) != len(expected):
        return False
    values = pd.to_numeric(series.loc[common], errors="coerce")
    return bool(((values - expected.loc[common]).abs() <= TOLERANCE).all())


@exercise(
    "l02-hhi-by-year",
    unanswered="Start with one year (the worked example for 2013), then repeat it for every "
    "year and collect the results in a Series indexed by year.",
)
def _check_hhi_by_year(answer: Any) -> Verdict:
    """Is ``answer`` the export HHI by partner group for every year?"""
    import pandas as pd

    expected = _hhi_by_year()
    first, last = int(expected.index.min()), int(expected.index.max())

    if is_number(answer):
        matches = [int(y) for y, v in expected.items() if abs(v - answer) <= TOLERANCE]
        if matches:
            return Verdict.not_yet(
                f"{answer:.3f} is the right HHI for {matches[0]}. Now do it for every year from "
                f"{first} to {last} and hand in a Series indexed by year."
            )
        return Verdict.not_yet(
            "the exercise wants one HHI per year (a Series indexed by year), not a single number."
        )
    series = _as_series(answer)
    if series is None:
        return Verdict.not_yet(
            f"`answer` is a {type_name(answer)}. Hand in a pandas Series whose index is the "
            "year and whose values are the HHI, e.g. pd.Series(results) built from a dict."
        )
    try:  # set_axis returns a new Series: the learner's own answer is never changed
        series = series.set_axis(series.index.astype(int))
    except (TypeError, ValueError):
        return Verdict.not_yet("the index of your Series should be the years (whole numbers such as 2013).")
    series = pd.to_numeric(series, errors="coerce")

    missing = sorted(set(expected.index) - set(series.index))
    if missing:
        shown = ", ".join(str(y) for y in missing[:5]) + (" …" if len(missing) > 5 else "")
        return Verdict.not_yet(f"some years are missing ({shown}). Loop over every year in the data.")
    if series.max() > 1.5:
        return Verdict.not_yet(
            "your values are above 1, so you probably used percentages (0–100) as shares. "
            "Use fractions: each group's value divided by the year's total, so the shares add up to 1."
        )
    if _close(series, expected):
        low_year = int(expected.idxmin())
        return Verdict.ok(
            f"your HHI matches for all {len(expected)} years. The lowest value is {expected.min():.3f} "
            f"in {low_year}; compare that with the floor of 1/7 ≈ 0.143 for seven equal groups."
        )
    variants = {
        "imports instead of exports (keep flow == \"exports\")": dict(flow="imports"),
        "the partners' mirror report (keep basis == \"reported\")": dict(basis="mirror"),
        "aggregate rows such as World or European Union (drop rows where is_aggregate is True)": dict(
            drop_aggregates=False
        ),
    }
    for description, options in variants.items():
        try:
            if _close(series, _hhi_by_year(**options)):
                return Verdict.not_yet(f"close: your numbers match {description}.")
        except Exception:  # a variant that cannot be computed is simply skipped
            continue
    if (series < expected - TOLERANCE).mean() > 0.8:
        return Verdict.not_yet(
            "your values are mostly too low. Check that the shares of each year add up to 1 "
            "(divide by the sum of the partner groups, after dropping aggregates)."
        )
    return Verdict.not_yet(
        "some years do not match. For one year: filter exports, reported basis, no aggregates; "
        "sum value_usd_mn by partner_group; divide by the total; square and add."
    )
