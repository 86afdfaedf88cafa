"""Pure measures used in the lessons: partner shares, concentration, UN vote agreement.

No pandas needed: every function takes plain sequences or mappings, and also
accepts pandas Series (whose index is kept where it matters). Every function
documents its formula and edge cases and raises ``ValueError`` with a plain
sentence for bad input (negative values, NaN, empty input, unknown votes).

>>> hhi(shares([50, 30, 20]))
0.38
>>> agreement({"r1": "yes", "r2": "no"}, {"r1": "yes", "r2": "abstain"})
0.75
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["shares", "hhi", "top_share", "agreement", "vote_value", "ideal_point_distance", "VOTE_VALUES"]

#: Vote coding for agreement: yes = 1, abstain = 0.5, no = 0 (absent is not a vote).
VOTE_VALUES: dict[str, float] = {"yes": 1.0, "abstain": 0.5, "no": 0.0}
_ABSENT = {"absent", "", "nan", "none", "non-voting", "not voting", "absence"}
#: Tolerance for "shares sum to 1".
SUM_TOLERANCE = 1e-6


def _number(x: Any, what: str) -> float:
    try:
        value = float(x)
    except (TypeError, ValueError):
        raise ValueError(f"{what} must be numbers; got {x!r}.") from None
    if math.isnan(value):
        raise ValueError(f"{what} contain NaN (a missing value). Drop or fill missing values first, "
                         "e.g. with .dropna() or .fillna(0).")
    if math.isinf(value):
        raise ValueError(f"{what} contain an infinite value ({x!r}).")
    if value < 0:
        raise ValueError(f"{what} must not be negative; got {x!r}.")
    return value


def _values(values: Any) -> tuple[list[Any] | None, list[float], str]:
    """(keys or None, numbers, kind) from a Mapping, a pandas Series or a sequence."""
    if getattr(values, "ndim", 1) != 1:
        raise ValueError(f"Expected one column of numbers, not a {type(values).__name__} with "
                         f"{getattr(values, 'ndim', '?')} dimensions; pick one column, e.g. table['value'].")
    if isinstance(values, Mapping):
        keys = list(values.keys())
        raw = list(values.values())
        kind = "dict"
    elif hasattr(values, "index") and hasattr(values, "to_numpy"):
        keys = list(values.index)
        raw = list(values.to_numpy())
        kind = "series"
    elif isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise ValueError(f"Expected a list, dict or pandas Series of numbers, not {type(values).__name__}.")
    else:
        keys = None
        raw = list(values)
        kind = "list"
    return keys, raw, kind


def shares(values: Any) -> Any:
    """Each value as a fraction of the total (a partner mix): ``s_i = v_i / Σ v``.

    Accepts a list, a dict (partner → value) or a pandas Series, and returns the same
    kind (list, dict or Series with the same index).

    Edge cases: an empty input returns an empty result; zeros are allowed but an
    all-zero input has no shares (ValueError); negative values and NaN raise
    ValueError (drop or fill missing values first — a missing value is not zero).

    >>> shares([3, 1])
    [0.75, 0.25]
    >>> shares({"Russia": 2, "China": 2, "EU-27": 4})
    {'Russia': 0.25, 'China': 0.25, 'EU-27': 0.5}
    >>> shares([])
    []
    >>> shares([1, -1])
    Traceback (most recent call last):
    ...
    ValueError: values must not be negative; got -1.
    >>> shares([0, 0])
    Traceback (most recent call last):
    ...
    ValueError: All values are zero, so there are no shares to compute.
    """
    keys, raw, kind = _values(values)
    amounts = [_number(v, "values") for v in raw]
    if not amounts:
        return {} if kind == "dict" else ([] if kind == "list" else values.astype(float))
    total = math.fsum(amounts)
    if total == 0:
        raise ValueError("All values are zero, so there are no shares to compute.")
    result = [v / total for v in amounts]
    if kind == "dict":
        return dict(zip(keys, result))
    if kind == "series":
        return values.__class__(result, index=values.index, name=getattr(values, "name", None))
    return result


_to_shares = shares  # the name ``shares`` is also a parameter below


def _share_list(values: Any, what: str = "shares") -> list[float]:
    _, raw, _ = _values(values)
    amounts = [_number(v, what) for v in raw]
    if not amounts:
        raise ValueError(f"No {what} given: the input is empty.")
    total = math.fsum(amounts)
    if abs(total - 1) > SUM_TOLERANCE:
        raise ValueError(
            f"The {what} sum to {total:.6g}, not 1. Pass fractions that add up to 1 "
            "(use shares(values) to turn raw values into shares), or normalize=True."
        )
    return amounts


def hhi(shares: Any, *, normalize: bool = False) -> float:
    """Herfindahl–Hirschman index on the 0–1 scale: ``HHI = Σ s_i²``.

    1 means one partner takes everything; ``1/n`` means ``n`` equal partners. (The
    competition-policy scale of 0–10 000 is this times 10 000.) A falling HHI means a
    more diversified partner mix.

    Args:
        shares: fractions that sum to 1 (list, dict or Series). Missing partners are
            simply absent; NaN is an error, not zero.
        normalize: if True, raw values are first turned into shares.

    Raises ValueError for empty input, negative values, NaN, or shares not summing
    to 1 (within 1e-6) unless ``normalize=True``.

    >>> hhi([0.5, 0.5])
    0.5
    >>> hhi([1.0])
    1.0
    >>> round(hhi([0.25] * 4), 3)
    0.25
    >>> hhi([30, 70], normalize=True)
    0.58
    >>> hhi([0.5, 0.4])
    Traceback (most recent call last):
    ...
    ValueError: The shares sum to 0.9, not 1. Pass fractions that add up to 1 (use shares(values) to turn raw values into shares), or normalize=True.
    """
    values = _to_shares(shares) if normalize else shares
    return round(math.fsum(s * s for s in _share_list(values)), 12)


def top_share(shares: Any, n: int = 1, *, normalize: bool = False) -> float:
    """Top-``n`` concentration: the sum of the ``n`` largest shares, ``CR_n = Σ_{i≤n} s_(i)``.

    If there are fewer than ``n`` partners the result is 1.0 (all of them).

    >>> top_share([0.5, 0.3, 0.2], 2)
    0.8
    >>> top_share({"Russia": 0.1, "China": 0.6, "EU-27": 0.3})
    0.6
    >>> top_share([0.5, 0.5], 5)
    1.0
    >>> top_share([0.5, 0.5], 0)
    Traceback (most recent call last):
    ...
    ValueError: n must be a whole number of at least 1; got 0.
    """
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 1:
        raise ValueError(f"n must be a whole number of at least 1; got {n!r}.")
    values = _to_shares(shares) if normalize else shares
    ranked = sorted(_share_list(values), reverse=True)
    return round(math.fsum(ranked[:int(n)]), 12)


def vote_value(vote: Any) -> float | None:
    """Code one vote: yes → 1, abstain → 0.5, no → 0; absent / missing → None.

    Numbers 1, 0.5 and 0 are accepted as already coded. Anything else is an error.

    >>> vote_value("Yes"), vote_value("abstain"), vote_value(0), vote_value(None), vote_value("absent")
    (1.0, 0.5, 0.0, None, None)
    >>> vote_value("maybe")
    Traceback (most recent call last):
    ...
    ValueError: Unknown vote 'maybe'. Accepted values: yes, abstain, no (or 1, 0.5, 0); absent or missing is skipped.
    """
    if vote is None:
        return None
    if isinstance(vote, str):
        key = vote.strip().lower()
        if key in VOTE_VALUES:
            return VOTE_VALUES[key]
        if key in _ABSENT:
            return None
    elif isinstance(vote, numbers.Real) and not isinstance(vote, bool):
        if math.isnan(vote):
            return None
        if float(vote) in (1.0, 0.5, 0.0):
            return float(vote)
    raise ValueError(f"Unknown vote {vote!r}. Accepted values: yes, abstain, no (or 1, 0.5, 0); "
                     "absent or missing is skipped.")


def _votes(votes: Any, who: str) -> dict[Any, float]:
    if isinstance(votes, Mapping):
        items = list(votes.items())
    elif hasattr(votes, "index") and hasattr(votes, "to_numpy") and getattr(votes, "ndim", 1) == 1:
        if not votes.index.is_unique:
            raise ValueError(f"{who} has repeated roll-call ids; keep one vote per roll call.")
        items = list(zip(votes.index, votes.to_numpy()))
    else:
        raise ValueError(f"{who} must be a dict or pandas Series indexed by roll-call id "
                         f"(e.g. {{'rc1': 'yes'}}), not {type(votes).__name__}.")
    coded = {}
    for key, vote in items:
        value = vote_value(vote)
        if value is not None:
            coded[key] = value
    return coded


def agreement(votes_a: Any, votes_b: Any, strict: bool = False) -> float:
    """Vote agreement of two countries over the roll calls where both voted.

    Default: ``mean(1 − |a − b|)`` with yes = 1, abstain = 0.5, no = 0, so a yes/abstain
    pair counts 0.5 and yes/no counts 0. ``strict=True``: the share of identical votes.

    Roll calls missing in either input, or marked absent / None / NaN, are left out
    (a missing UN vote row means absent, not "no").

    Args:
        votes_a, votes_b: dicts or pandas Series indexed by roll-call id, with values
            yes / abstain / no (any case) or 1 / 0.5 / 0.

    Raises ValueError if there is no roll call where both voted, or for unknown votes.

    >>> a = {"r1": "yes", "r2": "yes", "r3": "no", "r4": "abstain"}
    >>> b = {"r1": "yes", "r2": "abstain", "r3": "yes", "r5": "no"}
    >>> agreement(a, b)            # r1: 1, r2: 0.5, r3: 0; r4 and r5 not common
    0.5
    >>> round(agreement(a, b, strict=True), 3)
    0.333
    >>> agreement({"r1": "yes"}, {"r2": "yes"})
    Traceback (most recent call last):
    ...
    ValueError: The two countries have no roll call in common where both voted, so agreement is undefined.
    """
    a, b = _votes(votes_a, "votes_a"), _votes(votes_b, "votes_b")
    common = [k for k in a if k in b]
    if not common:
        raise ValueError("The two countries have no roll call in common where both voted, "
                         "so agreement is undefined.")
    if strict:
        score = sum(1.0 for k in common if a[k] == b[k])
    else:
        score = math.fsum(1 - abs(a[k] - b[k]) for k in common)
    return round(score / len(common), 12)


def ideal_point_distance(points_a: Any, points_b: Any) -> Any:
    """Distance in UN ideal points between two countries, by year: ``d_t = |x_a,t − x_b,t|``.

    Ideal points (Bailey, Strezhnev & Voeten) place each country on one axis per year;
    a larger distance means more different voting. Only years present in both inputs
    are kept; NaN years are dropped (not zero). Unlike shares, ideal points may be negative.

    Args:
        points_a, points_b: dict or pandas Series, year → ideal point.

    Returns:
        dict year → distance (sorted by year), or a pandas Series if both inputs are Series.

    >>> ideal_point_distance({2000: 1.2, 2001: 1.0, 2002: 0.9}, {2000: -0.8, 2001: -0.5})
    {2000: 2.0, 2001: 1.5}
    >>> ideal_point_distance({2000: 1.0}, {2001: 1.0})
    Traceback (most recent call last):
    ...
    ValueError: The two countries have no year in common with an ideal point.
    """
    def as_dict(points: Any, who: str) -> dict[Any, float]:
        if isinstance(points, Mapping):
            items = points.items()
        elif hasattr(points, "index") and hasattr(points, "to_numpy"):
            items = zip(points.index, points.to_numpy())
        else:
            raise ValueError(f"{who} must be a dict or pandas Series indexed by year, "
                             f"not {type(points).__name__}.")
        out = {}
        for year, value in items:
            try:
                x = float(value)
            except (TypeError, ValueError):
                raise ValueError(f"{who} must hold numbers; got {value!r} for {year!r}.") from None
            if not math.isnan(x):
                out[year] = x
        return out

    a, b = as_dict(points_a, "points_a"), as_dict(points_b, "points_b")
    years = sorted(k for k in a if k in b)
    if not years:
        raise ValueError("The two countries have no year in common with an ideal point.")
    result = {y: round(abs(a[y] - b[y]), 12) for y in years}
    if hasattr(points_a, "to_numpy") and hasattr(points_b, "to_numpy"):
        return points_a.__class__(result, name="distance")
    return result

