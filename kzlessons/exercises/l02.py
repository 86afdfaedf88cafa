"""Checks for lesson 02, "Following the trade".

``l02-hhi-by-year``: the Herfindahl–Hirschman index of Kazakhstan's **exports**
by **partner group**, from Kazakhstan's own report (``basis == "reported"``),
for every year, aggregates excluded, with shares taken of the sum of the partner
groups (so they add up to 1). The learner hands in a pandas Series (or a dict)
indexed by year, with HHI values between 0 and 1.

The years asked for are the lesson's 1995–2020; 1994, the first year with partner
rows, may be included too. Values rounded to 3 decimals (as the lesson prints
them) or to 2 decimals pass.

Wrong methods the check recognises and names (see :data:`VARIANTS`): shares of
the ``World`` row instead of the sum of the groups, countries (``partner``)
instead of ``partner_group``, imports, the mirror report, both reports added,
exports and imports added, aggregates counted as partners, shares not squared,
the 0–10 000 scale, squared US$ values, and 1/HHI.

>>> from kzlessons.exercises import check
>>> check("l02-hhi-by-year", 0.3).passed
False
"""

from __future__ import annotations

import math
from typing import Any

from ..numtext import NumberTextError, read_number
from . import Verdict, exercise, is_number, type_name

#: Largest difference from the exact HHI that still passes (3-decimal rounding is 5e-4).
TOLERANCE = 6e-4
FIRST_YEAR, LAST_YEAR = 1995, 2020  # the lesson's range (its charts use start=1995)


def _trade():
    from .. import data

    return data.load("trade")


def hhi_by_year(
    flow: str | None = "exports",
    basis: str | None = "reported",
    *,
    by: str = "partner_group",
    drop_aggregates: bool = True,
    denominator: str = "groups",
    square: bool = True,
):
    """HHI per year, for the right method (the defaults) or one of the wrong ones.

    Args:
        flow, basis: which rows to keep; ``None`` keeps (and adds up) both.
        by: ``"partner_group"`` (right) or ``"partner"`` (countries).
        drop_aggregates: drop rows such as World (right); False counts them as partners.
        denominator: ``"groups"`` divides by the sum of the groups (right), ``"world"``
            by the World row, ``"none"`` squares the US$ values themselves.
        square: False adds the shares up instead of their squares.

    >>> right = hhi_by_year()
    >>> round(float(right.loc[2014]), 3)
    0.362
    >>> bool((hhi_by_year(denominator="world") <= right + 1e-12).all())
    True
    """
    trade = _trade()
    rows = trade
    if flow is not None:
        rows = rows[rows["flow"] == flow]
    if basis is not None:
        rows = rows[rows["basis"] == basis]
    world = rows[rows["partner"].astype(str) == "World"].groupby("year")["value_usd_mn"].sum()
    if drop_aggregates:
        rows = rows[~rows["is_aggregate"].astype(bool)]
    if by == "partner_group" and not drop_aggregates:
        keys = rows["partner_group"].astype(object).where(rows["partner_group"].notna(), rows["partner"])
    else:
        keys = rows[by]
    keys = keys.astype(str)
    totals = rows.groupby([rows["year"], keys])["value_usd_mn"].sum()
    totals = totals[totals > 0]
    if denominator == "groups":
        shares = totals / totals.groupby(level=0).transform("sum")
    elif denominator == "world":
        shares = totals / totals.index.get_level_values(0).map(world).to_numpy()
    else:
        shares = totals
    values = shares**2 if square else shares
    return values.groupby(level=0).sum().rename("hhi")


def _unassigned_share() -> tuple[int, float]:
    """The year and share of exports that Kazakhstan's report assigns to no partner group."""
    world = hhi_by_year(square=False, denominator="world")  # sum of group shares of World
    gap = 1 - world.loc[FIRST_YEAR:LAST_YEAR]
    return int(gap.idxmax()), float(gap.max())


#: Wrong methods: name -> (options for hhi_by_year, the hint naming the mistake).
VARIANTS: dict[str, tuple[dict, str]] = {
    "world-denominator": (
        dict(denominator="world"),
        "you divided each group by the World row. World is the right total of exports, but it "
        "also counts exports Kazakhstan's report does not assign to any country (rows such as "
        "\"Asia not specified\" or \"Special Categories\"). In years with such rows (most of all "
        "{gap_year}, when they were {gap:.0%} of exports) your shares add up to less than 1 and the "
        "HHI comes out too low. For an "
        "HHI the shares must split one whole: divide by the sum of the partner groups "
        "(kz.metrics.shares does that).",
    ),
    "partner-not-group": (
        dict(by="partner"),
        "your values fit an HHI of single countries: you grouped by `partner` instead of "
        "`partner_group`. The exercise asks for the seven partner groups "
        "(groupby(\"partner_group\", observed=True)).",
    ),
    "partner-with-aggregates": (
        dict(by="partner", drop_aggregates=False),
        "you grouped by `partner` and kept aggregate rows such as World, which count the same "
        "exports twice. Drop rows where is_aggregate is True and group by `partner_group`.",
    ),
    "aggregates-as-groups": (
        dict(drop_aggregates=False),
        "aggregate rows such as World or European Union are in your sums. Drop rows where "
        "is_aggregate is True (the `exports` table in the lesson already does).",
    ),
    "whole-trade-table": (
        dict(flow=None, basis=None),
        "your numbers fit the whole `trade` table: both flows and both reports added up. Loop "
        "over `exports` (exports, reported basis, no aggregates), not over `trade`.",
    ),
    "imports": (
        dict(flow="imports"),
        "your numbers match imports. Keep flow == \"exports\".",
    ),
    "exports-plus-imports": (
        dict(flow=None),
        "your numbers match exports and imports added together. Keep flow == \"exports\" only.",
    ),
    "mirror": (
        dict(basis="mirror"),
        "your numbers match the partners' mirror report. Keep basis == \"reported\" "
        "(Kazakhstan's own customs report).",
    ),
    "both-bases": (
        dict(basis=None),
        "your numbers add Kazakhstan's report and the partners' mirror report together, "
        "counting the same goods twice. Keep basis == \"reported\".",
    ),
    "not-squared": (
        dict(square=False),
        "every value is 1: you added up the shares instead of their squares. Square each "
        "share first, then add (kz.metrics.hhi does both).",
    ),
}


def _as_series(answer: Any):
    """The learner's answer as a Series indexed by year, or a Verdict saying why it is not one."""
    import pandas as pd

    if isinstance(answer, dict):
        return pd.Series(answer, dtype=object)
    if isinstance(answer, pd.Series):
        return answer
    if not isinstance(answer, pd.DataFrame):
        return None
    frame = answer
    if "flow" in frame.columns and frame["flow"].astype(str).nunique() > 1:
        return Verdict.not_yet(
            "this table has both flows (the lesson's `hhi_table`). The exercise asks for exports "
            "only, as a Series indexed by year: for example "
            "hhi_table[hhi_table[\"flow\"] == \"exports\"].set_index(\"year\")[\"hhi\"]."
        )
    if "year" in frame.columns:
        frame = frame.set_index("year")
    if "hhi" in frame.columns:
        return frame["hhi"]
    numeric = frame.select_dtypes("number")
    if numeric.shape[1] == 1:
        return numeric.iloc[:, 0]
    return Verdict.not_yet(
        f"`answer` is a table with {frame.shape[1]} columns, so the check cannot tell which one "
        "is the HHI. Hand in one Series indexed by year, for example pd.Series(results), or name "
        "the column `hhi`."
    )


def _year(label: Any) -> int:
    """A year label (2013, 2013.0, "2013", numpy ints) as an int; ValueError otherwise."""
    if is_number(label):
        if not float(label).is_integer():
            raise ValueError(label)
        return int(label)
    return int(str(label).strip())


def _numbers(series):
    """Numeric values of ``series``; text such as "0,298" is read with decimal commas."""
    import pandas as pd

    text = False
    values = []
    for value in series.tolist():
        if isinstance(value, str):
            text = True
            try:
                value = read_number(value)
            except NumberTextError:
                value = math.nan
        values.append(value)
    return pd.to_numeric(pd.Series(values, index=series.index), errors="coerce").astype(float), text


def _matches(series, target, tol: float = TOLERANCE) -> bool:
    common = series.index.intersection(target.index)
    if len(common) == 0:
        return False
    diff = (series.loc[common] - target.loc[common]).abs()
    return bool((diff <= tol).all())


def _rounded_to(series, target, decimals: int) -> bool:
    common = series.index.intersection(target.index)
    return len(common) > 0 and bool(((series.loc[common] - target.loc[common].round(decimals)).abs() <= 1e-9).all())


@exercise(
    "l02-hhi-by-year",
    unanswered="Start with one year (the worked example for 2013), then repeat it for every "
    "year in a loop: for year, rows in exports.groupby(\"year\"): … results[year] = the HHI of "
    "those rows. After the loop, answer = pd.Series(results).",
)
def _check_hhi_by_year(answer: Any) -> Verdict:
    """Is ``answer`` the export HHI by partner group for every year from 1995 to 2020?"""
    expected = hhi_by_year()
    required = [y for y in expected.index if FIRST_YEAR <= y <= LAST_YEAR]

    if isinstance(answer, str):
        try:
            answer = read_number(answer)
        except NumberTextError:
            return Verdict.not_yet(
                "`answer` is text. Hand in a pandas Series whose index is the year and whose values are the HHI."
            )
    if getattr(answer, "ndim", None) == 0:
        answer = answer.item()
    if is_number(answer):
        try:
            value = float(answer)
        except OverflowError:
            value = math.inf
        matches = [int(y) for y, v in expected.items() if math.isfinite(value) and abs(v - value) <= TOLERANCE]
        if matches:
            return Verdict.not_yet(
                f"{value:.3f} is the right HHI for {matches[0]}. Now do it for every year from "
                f"{FIRST_YEAR} to {LAST_YEAR} and hand in a Series indexed by year."
            )
        return Verdict.not_yet(
            "the exercise wants one HHI per year (a Series indexed by year), not a single number."
        )
    series = _as_series(answer)
    if isinstance(series, Verdict):
        return series
    if series is None:
        return Verdict.not_yet(
            f"`answer` is a {type_name(answer)}. Hand in a pandas Series whose index is the "
            "year and whose values are the HHI, e.g. pd.Series(results) built from a dict."
        )
    if len(series) == 0:
        return Verdict.not_yet(
            "your Series is empty: `results` is still {}. Inside the loop, store each year's HHI "
            "with results[year] = ..., then build answer = pd.Series(results) after the loop."
        )
    inner = next(iter(series.tolist()))
    if hasattr(inner, "ndim") and getattr(inner, "ndim", 0) >= 1 or isinstance(inner, dict):
        return Verdict.not_yet(
            "each year holds a whole table of values (the group sums or shares), not one HHI. "
            "Turn each year's shares into one number with kz.metrics.hhi(...) before storing it "
            "in results[year]."
        )
    try:  # set_axis returns a new Series: the learner's own answer is never changed
        series = series.set_axis([_year(y) for y in series.index])
    except (TypeError, ValueError, OverflowError):
        return Verdict.not_yet("the index of your Series should be the years (whole numbers such as 2013).")
    if series.index.duplicated().any():
        return Verdict.not_yet(
            "some years appear more than once. Did you keep both flows or several tables? "
            "Hand in one HHI per year, for exports only."
        )
    series, text = _numbers(series)
    if series.isna().any():
        bad = ", ".join(str(y) for y in series.index[series.isna()][:5])
        return Verdict.not_yet(f"some values are missing or not numbers (years {bad}). Every year needs an HHI.")
    if len(series) and series.index.min() < 1900:
        return Verdict.not_yet(
            "the index of your Series should be the years (such as 2013), not row numbers. "
            "Keep the years as the index, e.g. pd.Series(results) with results[year] = ..."
        )
    missing = [y for y in required if y not in series.index]
    if missing and len(missing) < len(required):
        shown = ", ".join(str(y) for y in missing[:5]) + (" …" if len(missing) > 5 else "")
        return Verdict.not_yet(
            f"some years are missing ({shown}). Loop over every year from {FIRST_YEAR} to {LAST_YEAR}."
        )
    if missing:
        return Verdict.not_yet(
            f"your index has none of the years {FIRST_YEAR}–{LAST_YEAR}. Use the year as the index."
        )
    # The years to compare: the lesson's range, plus 1994 or others the learner included.
    years = sorted(set(series.index) & set(expected.index))
    mine = series.loc[years]
    right = expected.loc[years]
    as_text = (
        " One more thing: your values are text; store the numbers themselves (no quotes)." if text else ""
    )

    if _matches(mine, right) or _rounded_to(mine, right, 2):
        low_year = int(expected.loc[required].idxmin())
        extra = sorted(set(series.index) - set(expected.index))
        note = f" (The years {', '.join(map(str, extra))} have no partner rows, so they are not checked.)" if extra else ""
        if text:
            return Verdict.not_yet(
                "read as numbers your values are right, but they are text. Store the numbers "
                "themselves (no quotes), e.g. results[year] = kz.metrics.hhi(...)."
            )
        return Verdict.ok(
            f"your HHI matches for all {len(years)} years. The lowest value is "
            f"{expected.loc[required].min():.3f} in {low_year}; compare that with the floor of "
            f"1/7 ≈ 0.143 for seven equal groups.{note}"
        )
    if _matches(mine, right * 10_000, tol=10_000 * TOLERANCE) or _rounded_to(mine, right * 10_000, 0):
        return Verdict.not_yet(
            "your values are 10,000 times too big: you used percentages (0–100) as shares, which "
            "gives the 0–10,000 scale of competition law. Use fractions (each group's value divided "
            "by the year's total, so the shares add up to 1)." + as_text
        )
    if _matches(mine, 1 / right, tol=0.01):
        return Verdict.not_yet(
            "your values are 1/HHI, the \"number of equal partners\" the index is worth. The "
            "exercise asks for the HHI itself: the sum of the squared shares." + as_text
        )
    gap_year, gap = _unassigned_share()
    for name, (options, hint) in VARIANTS.items():
        try:
            variant = hhi_by_year(**options)
        except Exception:  # a variant that cannot be computed is simply skipped
            continue
        if _matches(mine, variant.reindex(years)) and not _matches(variant.reindex(years), right):
            return Verdict.not_yet(hint.format(gap=gap, gap_year=gap_year) + as_text)
    squared_values = hhi_by_year(denominator="none")
    if (mine > 1.5).all() and _matches(mine, squared_values.reindex(years), tol=1e-6 * squared_values.max()):
        return Verdict.not_yet(
            "you squared the US$ values themselves. Turn each year's group values into shares "
            "first (divide by the year's total), then square and add." + as_text
        )
    if (mine > 1).any():
        return Verdict.not_yet(
            "some of your values are above 1, which an HHI of shares can never be. Check that you "
            "divide each group's value by the year's total before squaring." + as_text
        )
    wrong = [y for y in years if abs(mine.loc[y] - right.loc[y]) > TOLERANCE]
    shown = ", ".join(str(y) for y in wrong[:5]) + (" …" if len(wrong) > 5 else "")
    return Verdict.not_yet(
        f"{len(wrong)} of {len(years)} years do not match ({shown}). For one year: exports, "
        "reported basis, no aggregates; sum value_usd_mn by partner_group; divide by the sum of "
        "the groups; square and add. Compare your 2013 value with the worked example." + as_text
    )
