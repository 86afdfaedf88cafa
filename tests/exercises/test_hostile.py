"""Odd and hostile answers to every exercise l00–l06: always a sentence, never a pass or Python internals.

Probe 5e of the learner-data review found messages such as "OverflowError: cannot
convert float infinity to integer"; every message here must be a plain sentence.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from kzlessons.exercises import Verdict, check

EXERCISES = [
    "l00-events-2022", "l01-count-integration", "l02-hhi-by-year", "l03-vote-table",
    "l04-agreement-with-kaz", "l05-index-2021", "l06-scorecard",
]


class _Raises:
    def __eq__(self, other):
        raise RuntimeError("eq")

    __hash__ = object.__hash__

    def __repr__(self):
        raise RuntimeError("repr")


HOSTILE = {
    "nan": float("nan"),
    "inf": float("inf"),
    "minus-inf": float("-inf"),
    "huge-int": 10**400,
    "empty-text": "",
    "decimal-comma": "0,38",
    "ambiguous-comma": "7,548",
    "bool": True,
    "complex": complex(1, 2),
    "list": [1, 2, 3],
    "empty-dict": {},
    "object": object(),
    "raising-object": _Raises(),
    "generator": (i for i in range(3)),
    "pd-NA": pd.NA,
    "array": np.array([1.0, 2.0]),
    "empty-frame": pd.DataFrame(),
    "empty-series": pd.Series(dtype=float),
    "frame-of-text": pd.DataFrame({"year": ["a", "b"], "vote": ["x", "y"], "score": ["p", "q"]}),
    "series-of-inf": pd.Series([np.inf, -np.inf], index=[1995, 1996]),
    "pair-with-inf": ("IND", float("inf")),
    "pair-with-huge": ("IND", 10**400),
    "pair-dict-none": ({"trade_share": 1.0}, None),
    "pair-inf-weight": ({"trade_share": float("inf")}, pd.DataFrame({"trade_share": [0.0], "score": [0.0]})),
    "triple": (1, 2, 3),
}

INTERNALS = re.compile(r"\b\w*(Error|Exception)\b|Traceback|object at 0x")


@pytest.mark.parametrize("value", list(HOSTILE.values()), ids=list(HOSTILE))
@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_hostile_answers_get_a_plain_sentence(exercise_id, value):
    """Does every exercise answer an odd value with a 'not yet' sentence free of Python internals?"""
    verdict = check(exercise_id, value)
    assert isinstance(verdict, Verdict)
    assert not verdict.passed, verdict.message
    assert verdict.message and not INTERNALS.search(verdict.message), verdict.message
    assert repr(verdict) and verdict._repr_html_()
