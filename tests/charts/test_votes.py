"""vote_comparison (charts/votes.py): choosing countries, letters in cells, bad votes."""

from __future__ import annotations

import pytest

from kzlessons import charts
from spec import walk as _walk


def test_vote_comparison_accepts_iso3_and_names(votes) -> None:
    """Can countries be chosen by ISO3 code or by name, in the given order?"""
    a = charts.vote_comparison(votes, countries=["KAZ", "Russia"], source="x").to_dict()
    y = next(_walk(a, "y"))
    assert y["sort"] == ["Kazakhstan", "Russia"]


def test_vote_comparison_unknown_country_and_vote(votes) -> None:
    """Are an unknown country and an unknown vote value both refused with accepted values?"""
    with pytest.raises(ValueError, match=r"Unknown country 'Narnia'\. Accepted values:.*Kazakhstan"):
        charts.vote_comparison(votes, countries=["Narnia"], source="x")
    bad = votes.copy()
    bad.loc[0, "vote"] = "maybe"
    with pytest.raises(ValueError, match=r"Unknown vote 'maybe'\. Accepted values: yes, abstain, no, absent"):
        charts.vote_comparison(bad, source="x")


def test_vote_cells_carry_letters(votes) -> None:
    """Does each vote cell carry a letter, so the grid reads without colour?"""
    spec = charts.vote_comparison(votes, source="x").to_dict()
    assert any(layer["mark"]["type"] == "text" for layer in spec["layer"])
    rows = next(iter(spec["datasets"].values()))
    assert {r["mark"] for r in rows} <= {"Y", "A", "N", "–"}
