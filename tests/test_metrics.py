"""Metrics: formulas, edge cases and clear errors (the doctests in kzlessons/metrics.py run too)."""

from __future__ import annotations

import doctest
import math

import pandas as pd
import pytest

from kzlessons import metrics as m


def test_doctests_pass() -> None:
    """Do all the examples in the metrics docstrings run as written?"""
    result = doctest.testmod(m)
    assert result.failed == 0 and result.attempted > 15


def test_hhi_of_two_equal_partners_is_half() -> None:
    """Is hhi([0.5, 0.5]) exactly 0.5 (the 0–1 scale)?"""
    assert m.hhi([0.5, 0.5]) == 0.5


def test_hhi_bounds() -> None:
    """Is HHI 1/n for n equal partners and 1 for a single partner?"""
    assert math.isclose(m.hhi([0.1] * 10), 0.1)
    assert m.hhi({"Russia": 1.0}) == 1.0


def test_shares_keeps_the_input_kind() -> None:
    """Do list, dict and Series inputs come back as list, dict and Series?"""
    assert m.shares([1, 3]) == [0.25, 0.75]
    assert m.shares({"a": 1, "b": 1}) == {"a": 0.5, "b": 0.5}
    s = m.shares(pd.Series([2.0, 6.0], index=["RUS", "CHN"]))
    assert isinstance(s, pd.Series) and list(s.index) == ["RUS", "CHN"] and s["CHN"] == 0.75


def test_hhi_accepts_a_series_and_matches_shares() -> None:
    """Does hhi take a pandas Series of shares as well as a list?"""
    s = m.shares(pd.Series([50, 30, 20]))
    assert m.hhi(s) == pytest.approx(0.38)


@pytest.mark.parametrize("func", [m.shares, m.hhi, m.top_share])
def test_nan_is_rejected_with_advice(func) -> None:
    """Is NaN refused with a message saying how to handle missing values?"""
    with pytest.raises(ValueError, match=r"NaN.*dropna\(\)"):
        func([0.5, float("nan")])


@pytest.mark.parametrize("func", [m.shares, m.hhi, m.top_share])
def test_negative_is_rejected(func) -> None:
    """Are negative values refused?"""
    with pytest.raises(ValueError, match="must not be negative"):
        func([1.5, -0.5])


@pytest.mark.parametrize("func", [m.hhi, m.top_share])
def test_empty_shares_are_rejected(func) -> None:
    """Is an empty input refused for the concentration measures?"""
    with pytest.raises(ValueError, match="empty"):
        func([])


def test_shares_not_summing_to_one_are_refused_unless_normalised() -> None:
    """Do shares summing to 0.9 raise, and normalize=True fix them?"""
    with pytest.raises(ValueError, match="sum to 0.9, not 1"):
        m.hhi([0.6, 0.3])
    assert m.hhi([6, 3, 1], normalize=True) == pytest.approx(0.46)


def test_strings_are_not_numbers() -> None:
    """Is a string of digits refused instead of iterated character by character?"""
    with pytest.raises(ValueError, match="Expected a list"):
        m.shares("123")


def test_top_share() -> None:
    """Is the top-2 share the sum of the two largest shares?"""
    assert m.top_share([0.1, 0.6, 0.3], 2) == pytest.approx(0.9)
    with pytest.raises(ValueError, match="whole number"):
        m.top_share([1.0], 1.5)  # type: ignore[arg-type]


def test_agreement_formula_and_strict() -> None:
    """Is agreement mean(1 − |a − b|) over common votes, and strict the identical share?"""
    a = pd.Series({"r1": "yes", "r2": "no", "r3": "abstain", "r4": "yes"})
    b = pd.Series({"r1": "yes", "r2": "yes", "r3": "yes", "r5": "no"})
    assert m.agreement(a, b) == pytest.approx((1 + 0 + 0.5) / 3)
    assert m.agreement(a, b, strict=True) == pytest.approx(1 / 3)


def test_agreement_skips_absent_and_missing() -> None:
    """Are absent votes, None and NaN left out rather than counted as 'no'?"""
    a = {"r1": "yes", "r2": "absent", "r3": None, "r4": float("nan"), "r5": 1}
    b = {"r1": "yes", "r2": "no", "r3": "no", "r4": "no", "r5": 0.5}
    assert m.agreement(a, b) == pytest.approx((1 + 0.5) / 2)


def test_agreement_errors() -> None:
    """Are unknown votes, no common roll calls and lists (no ids) refused clearly?"""
    with pytest.raises(ValueError, match="Unknown vote 'oui'"):
        m.agreement({"r1": "oui"}, {"r1": "yes"})
    with pytest.raises(ValueError, match="no roll call in common"):
        m.agreement({"r1": "yes"}, {"r1": "absent"})
    with pytest.raises(ValueError, match="indexed by roll-call id"):
        m.agreement(["yes"], ["yes"])
    with pytest.raises(ValueError, match="repeated roll-call ids"):
        m.agreement(pd.Series(["yes", "no"], index=["r1", "r1"]), {"r1": "yes"})


def test_agreement_is_symmetric_and_bounded() -> None:
    """Is agreement(a, b) == agreement(b, a) and within 0..1?"""
    a = {f"r{i}": v for i, v in enumerate(["yes", "no", "abstain"] * 5)}
    b = {f"r{i}": v for i, v in enumerate(["no", "abstain", "yes", "yes"] * 4)}
    assert m.agreement(a, b) == m.agreement(b, a)
    assert 0 <= m.agreement(a, b) <= 1


def test_ideal_point_distance() -> None:
    """Is the distance |a − b| for common years only, with NaN years dropped, Series in → Series out?"""
    a = pd.Series({2000: 1.0, 2001: float("nan"), 2002: -0.5})
    b = pd.Series({2000: -1.0, 2001: 0.0, 2002: 0.5, 2003: 1.0})
    d = m.ideal_point_distance(a, b)
    assert isinstance(d, pd.Series) and d.to_dict() == {2000: 2.0, 2002: 1.0}


def test_numpy_integers_are_accepted_where_whole_numbers_are() -> None:
    """Do top_share(n=numpy int) and vote_value(numpy int) work like plain ints?"""
    import numpy as np

    assert m.top_share([0.5, 0.3, 0.2], np.int64(2)) == 0.8
    assert m.vote_value(np.int64(1)) == 1.0


def test_a_table_gets_a_plain_error() -> None:
    """Does passing a whole DataFrame to shares() say to pick one column?"""
    import pandas as pd

    with pytest.raises(ValueError, match="one column"):
        m.shares(pd.DataFrame({"a": [1, 2], "b": [3, 4]}))
