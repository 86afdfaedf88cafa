"""Checks for lesson 05, "The 2022 shock".

``l05-index-2021``: the learner takes the monthly table of EU exports (summed
over the 27 EU reporters; one column per partner: KAZ, KGZ, ARM, RUS; one row
per month) and turns it into an index with the average month of 2021 = 100::

    answer = monthly / monthly.loc["2021"].mean() * 100

The check recomputes the table from ``eu_trade_monthly`` and compares every
month it has a value for (December 2022 is missing in the source and must stay
empty: a 0 there, from a plain ``.sum()`` or ``.fillna(0)``, is refused with a
hint). Answers rounded to whole numbers or 1–2 decimals pass; a table without
the empty month passes too. Wrong methods named by the check: the ratio without
× 100, the 2021 total instead of the average month, other base periods (2020,
January or December 2021, the whole period), one base for all partners, change
in percent instead of the index, base ÷ month, imports or fuels only, a table
indexed from rounded millions, 2022 only, a long (melted) or turned-around table.
Hints are graded (:mod:`kzlessons.exercises._graded`): the first wrong try names
the slip, the lines of code come with the second.

>>> from kzlessons.exercises import check
>>> check("l05-index-2021", None).passed
False
"""

from __future__ import annotations

from typing import Any

from . import Verdict, exercise, type_name
from ._graded import code_hint, graded

PARTNERS = ["KAZ", "KGZ", "ARM", "RUS"]
MISSING_MONTH = "2022-12"  # missing in the source: it must stay empty
NAMES = {"Kazakhstan": "KAZ", "Kyrgyzstan": "KGZ", "Armenia": "ARM", "Russia": "RUS",
         "Russian Federation": "RUS"}


def monthly_exports(partners: list[str] | None = None, *, flow: str = "exports", product: str = "total"):
    """EU-27 trade (euros) by month and partner: one column per ISO-3 code.

    The defaults are the lesson's table (exports, all products). December 2022 stays
    missing (NaN) rather than becoming 0.

    >>> table = monthly_exports()
    >>> table.shape, bool(table.loc["2022-12"].isna().all().all())
    ((36, 4), True)
    """
    import pandas as pd

    from .. import data

    partners = partners or PARTNERS
    trade = data.load("eu_trade_monthly")
    keep = trade[
        (trade["product"].astype(str) == product)
        & (trade["flow"].astype(str) == flow)
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



_LONG_KEYS = ("partner", "partner_iso3", "country", "variable")


def _long_to_wide(frame):
    """A long table (month, partner, value) as the wide one, or None when it is not long."""
    columns = {str(c).lower(): c for c in frame.columns}
    key = next((columns[k] for k in _LONG_KEYS if k in columns), None)
    month = columns.get("month")
    if key is None or month is None:
        return None
    values = [c for c in frame.select_dtypes("number").columns if c not in (key, month)]
    if len(values) != 1:
        return None
    return frame.pivot_table(index=month, columns=key, values=values[0], aggfunc="first", dropna=False)


def _as_frame(answer: Any):
    """The learner's table with months (DatetimeIndex) as rows and ISO-3 codes as columns, or None."""
    import pandas as pd

    frame = answer.to_frame() if isinstance(answer, pd.Series) else answer.copy()
    frame = frame.rename(columns=lambda c: NAMES.get(str(c), str(c)))
    if "month" in frame.columns:
        frame = frame.set_index("month")
    if pd.api.types.is_numeric_dtype(frame.index):  # row numbers, not months
        return None
    try:
        frame.index = pd.DatetimeIndex(frame.index)
    except (TypeError, ValueError):
        return None
    return frame.apply(pd.to_numeric, errors="coerce").astype("float64")


def _aligned(mine, expected, columns):
    """Learner's and expected values on the months where the source has data (2-d arrays)."""
    import numpy as np

    target = expected[columns].astype("float64").to_numpy()
    aligned = mine[columns].reindex(expected.index).to_numpy()
    present = ~np.isnan(target)
    return aligned, target, present


def _matches(mine, expected, columns, factor: float = 1.0, *, rtol: float = 1e-3, months=None) -> bool:
    """Does ``mine`` equal ``expected * factor`` on every month both should have?"""
    import numpy as np

    if months is not None:
        expected = expected.loc[months]
    aligned, target, present = _aligned(mine, expected, columns)
    target = target * factor
    if not present.any() or np.isnan(aligned[present]).any():
        return False
    return bool(np.allclose(aligned[present], target[present], rtol=rtol, atol=1e-6))


def _rounded(mine, expected, columns, months=None) -> int | None:
    """The number of decimals (0, 1 or 2) to which ``mine`` is ``expected`` rounded, or None."""
    import numpy as np

    if months is not None:
        expected = expected.loc[months]
    aligned, target, present = _aligned(mine, expected, columns)
    if not present.any() or np.isnan(aligned[present]).any():
        return None
    for decimals in (0, 1, 2):
        if np.allclose(aligned[present], np.round(target[present], decimals), rtol=0, atol=1e-6):
            return decimals
    return None


def _wrong_bases(table):
    """Name -> (indexed table, hint) for index bases other than the average month of 2021.

    Each hint is a function giving the sentence, so that a graded code part (:func:`code_hint`)
    is only decided for the hint that is shown.
    """
    right_base = table.loc["2021"].mean()
    pooled = float(table.loc["2021"].stack().mean())

    def base_hint(label: str):
        return lambda: (
            f"you used {label} as the base. The exercise asks for each partner's average month of 2021 = 100"
            + code_hint(': base = monthly.loc["2021"].mean()') + "."
        )

    return {
        "sum-of-2021": (table / table.loc["2021"].sum() * 100,
                        lambda: "you divided by the total of 2021 rather than the average month. Use .mean(), "
                                "not .sum()."),
        "base-2020": (table / table.loc["2020"].mean() * 100, base_hint("the average month of 2020")),
        "base-jan-2021": (table / table.loc["2021-01"].iloc[0] * 100, base_hint("January 2021")),
        "base-dec-2021": (table / table.loc["2021-12"].iloc[0] * 100, base_hint("December 2021")),
        "base-whole-period": (table / table.mean() * 100, base_hint("the average of the whole period")),
        "base-max-2021": (table / table.loc["2021"].max() * 100, base_hint("the best month of 2021")),
        "one-base-for-all": (
            table / pooled * 100,
            lambda: "you divided every partner by one number, the average of all four partners in 2021. "
                    "Each partner needs its own base, its own average month of 2021"
                    + code_hint(': monthly.loc["2021"].mean() gives one number per partner, and pandas '
                                "divides each column by its own") + ".",
        ),
        "percent-change": (
            table / right_base * 100 - 100,
            lambda: "you computed the change from 2021 in percent (index − 100). The exercise wants the "
                    "index itself, where 2021 = 100: leave out the − 100.",
        ),
        "inverted": (
            right_base / table * 100,
            lambda: "your division is upside down: you divided the base by each month. Divide each month "
                    "by the base" + code_hint(": monthly / base * 100") + ".",
        ),
    }


def _december_zero(mine, columns) -> bool:
    import numpy as np

    rows = mine.loc[mine.index.strftime("%Y-%m") == MISSING_MONTH, columns]
    return bool(len(rows)) and bool(np.any(rows.to_numpy() == 0))


def _diagnose(mine, columns) -> Verdict:
    """The verdict for a wide table ``mine`` (months × ISO-3 codes, floats)."""
    expected = expected_index()
    missing = [c for c in PARTNERS if c not in columns]
    if _december_zero(mine, columns):
        return Verdict.not_yet(
            "December 2022 shows 0, but that month is missing in the source: 0 would mean the EU "
            "sold nothing at all. A plain .sum() or a .fillna(0) turns the empty month into 0. "
            "Build `monthly` with .sum(min_count=1), as the lesson does, and do not fill it: "
            "leave it empty (NaN) or drop that row."
        )
    decimals = _rounded(mine, expected, columns)
    if _matches(mine, expected, columns) or decimals is not None:
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
    present = expected.index.intersection(mine.index)
    present = present[~expected.loc[present, columns].isna().all(axis=1)]
    wanted = expected.dropna(how="all").index
    if 0 < len(present) < len(wanted) and (
        _matches(mine, expected, columns, months=present) or _rounded(mine, expected, columns, present) is not None
    ):
        years = sorted({d.year for d in present})
        if years == [2022]:
            return Verdict.not_yet(
                "your numbers are right, but only for 2022. `answer.loc[\"2022\"]` is what the "
                "solution prints; `answer` itself should be the whole table, every month from "
                "January 2020" + code_hint(": answer = monthly / base * 100") + "."
            )
        return Verdict.not_yet(
            f"your numbers are right for the months you kept, but {len(wanted) - len(present)} months "
            "are missing. Keep every month of `monthly` (2020–2022)."
        )
    if _matches(mine, expected, columns, factor=0.01):
        return Verdict.not_yet("your table shows ratios (2021 = 1). Multiply by 100 so that 2021 = 100.")
    table = monthly_exports()
    for name, (variant, hint) in _wrong_bases(table).items():
        if _matches(mine, variant, columns) or _rounded(mine, variant, columns) is not None:
            return Verdict.not_yet(hint())
    for label, options in (("imports into the EU", dict(flow="imports")),
                           ("fuels only (product fuels_hs27)", dict(product="fuels_hs27"))):
        other = monthly_exports(flow=options.get("flow", "exports"), product=options.get("product", "total"))
        if _matches(mine, other / other.loc["2021"].mean() * 100, columns):
            return Verdict.not_yet(
                f"your index is built from {label}. `monthly` holds EU exports of all products "
                "(flow \"exports\", product \"total\"); index that table."
            )
    for factor, unit in ((1.0, "euros"), (1e-6, "millions of euros")):
        if _matches(mine, table, columns, factor=factor) or _rounded(mine, table * factor, columns) is not None:
            return Verdict.not_yet(
                f"these are the trade values themselves, in {unit}, not an index. Divide by the "
                "average month of 2021 and multiply by 100"
                + code_hint(': monthly / monthly.loc["2021"].mean() * 100') + "."
            )
    for decimals in (0, 1):
        rounded = (table / 1e6).round(decimals)
        if _matches(mine, rounded / rounded.loc["2021"].mean() * 100, columns, rtol=1e-6):
            return Verdict.not_yet(
                "your index is close but a little off: you started from rounded values (the table "
                "of millions printed with .round(...)). Index the unrounded `monthly`, and round "
                "only when you print."
            )
    if _matches(mine, expected, columns, rtol=0.01):
        return Verdict.not_yet(
            "your index is off by less than 1%: did you start from rounded values, such as the "
            "table of millions printed with .round(0)? Index the unrounded `monthly`, and round "
            "only when you print."
        )
    return Verdict.not_yet(
        "your values match none of the usual routes. Divide each partner's months by that partner's "
        "average month of 2021, then multiply by 100; pandas lines the columns up for you."
        + code_hint(' In code: base = monthly.loc["2021"].mean() (one number per partner), then '
                    "answer = monthly / base * 100.")
    )


@exercise(
    "l05-index-2021",
    unanswered="Set `base` to each partner's average month of 2021 (the 2021 rows of `monthly`, then "
    "their .mean()), and `answer` to monthly divided by base, times 100.",
)
@graded("l05-index-2021")
def _check_index(answer: Any) -> Verdict:
    """Is ``answer`` the monthly table indexed to the 2021 monthly average = 100?"""
    import pandas as pd

    if not isinstance(answer, (pd.DataFrame, pd.Series)):
        return Verdict.not_yet(
            f"`answer` should be a table like `monthly`, but it is a {type_name(answer)}. "
            "Keep the months as rows and the partners as columns."
        )
    long_note = ""
    if isinstance(answer, pd.DataFrame):
        wide = _long_to_wide(answer)
        if wide is not None:
            answer = wide
            long_note = (
                "your table is in long form (one row per month and partner, like `indexed` in the "
                "solution). Hand in the wide table instead: months as rows, one column per partner"
                + code_hint(", as answer = monthly / base * 100 gives it") + "."
            )
        elif {str(c) for c in answer.index} & (set(PARTNERS) | set(NAMES)):
            return Verdict.not_yet(
                "your table is turned around: the partners are rows. Keep the months as rows and "
                "the partners as columns, as in `monthly` (answer.T turns it back)."
            )
    frame = answer.to_frame() if isinstance(answer, pd.Series) else answer
    text = [str(c) for c in frame.columns if frame[c].map(lambda v: isinstance(v, str)).any()
            and NAMES.get(str(c), str(c)) in PARTNERS]
    if text:
        return Verdict.not_yet(
            f"the values in {', '.join(text)} are text, not numbers (written with a decimal comma, "
            "perhaps). Compute the index from `monthly` so that it stays numbers"
            + code_hint(": monthly / base * 100") + "."
        )
    mine = _as_frame(answer)
    if mine is None:
        return Verdict.not_yet(
            "the rows of your table should be months, as in `monthly`. "
            "Did you reset the index? Start again from `monthly`."
        )
    columns = [c for c in PARTNERS if c in mine.columns]
    if not columns:
        return Verdict.not_yet(
            f"I cannot find the partner columns ({', '.join(PARTNERS)}) in your table. "
            "Start from `monthly`, which already has them."
        )
    verdict = _diagnose(mine, columns)
    if long_note:
        if verdict.passed:
            return Verdict.not_yet(long_note + " Your numbers themselves are right.")
        return Verdict.not_yet(long_note + " Also, " + verdict.message)
    return verdict
