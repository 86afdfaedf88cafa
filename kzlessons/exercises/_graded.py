"""Graded hints: a wrong answer first gets its slip named; the line of code comes with the second wrong try.

A checker decorated with :func:`graded` builds its messages with :func:`code_hint`
around the part that gives code away. On the first wrong try of that exercise in
this kernel session the code is left out and the verdict ends with
:data:`NEXT_TIME`; from the second wrong try on, the code is shown. The count
of wrong tries is kept here, per exercise id, for as long as the kernel runs
(a restart starts afresh); a right answer does not reset it. A starter's
``None`` never reaches the checker (see ``exercise(unanswered=...)``), so it is
not a try.

>>> from kzlessons.exercises import Verdict, check, exercise
>>> @exercise("l99-graded-demo")
... @graded("l99-graded-demo")
... def _demo(answer):
...     if answer == 4:
...         return Verdict.ok("that is 4.")
...     return Verdict.not_yet(f"you did not add{code_hint(': answer = 2 + 2')}.")
>>> check("l99-graded-demo", 5).message
'you did not add. If your next try is not right either, this check will show the line of code.'
>>> check("l99-graded-demo", 5).message
'you did not add: answer = 2 + 2.'
>>> forget("l99-graded-demo"); wrong_tries("l99-graded-demo")
0
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from . import Verdict

__all__ = ["graded", "code_hint", "wrong_tries", "forget", "NEXT_TIME"]

NEXT_TIME = "If your next try is not right either, this check will show the line of code."

#: exercise id -> wrong tries in this kernel session
_WRONG: dict[str, int] = {}


@dataclass
class _Try:
    earlier: int
    withheld: bool = False


_CURRENT: ContextVar[_Try | None] = ContextVar("kzlessons_exercise_try", default=None)


def wrong_tries(exercise_id: str) -> int:
    """How many wrong answers :func:`graded` has seen for ``exercise_id`` in this kernel session."""
    return _WRONG.get(exercise_id, 0)


def forget(exercise_id: str | None = None) -> None:
    """Start the count afresh for one exercise, or for all (tests)."""
    if exercise_id is None:
        _WRONG.clear()
    else:
        _WRONG.pop(exercise_id, None)


def code_hint(text: str, instead: str = "") -> str:
    """``text`` (the code) from the second wrong try on; ``instead`` on the first.

    Outside a :func:`graded` checker it always gives ``text``.
    """
    current = _CURRENT.get()
    if current is None or current.earlier >= 1:
        return text
    current.withheld = True
    return instead


def graded(exercise_id: str) -> Callable[[Callable[[Any], Verdict]], Callable[[Any], Verdict]]:
    """Count the checker's wrong answers for ``exercise_id`` and grade its :func:`code_hint` parts.

    Put it under ``@exercise(...)`` so that the starter's ``None`` is answered before it.
    """

    def wrap(func: Callable[[Any], Verdict]) -> Callable[[Any], Verdict]:
        @functools.wraps(func)
        def checker(answer: Any) -> Verdict:
            current = _Try(_WRONG.get(exercise_id, 0))
            token = _CURRENT.set(current)
            try:
                verdict = func(answer)
            finally:
                _CURRENT.reset(token)
            if not isinstance(verdict, Verdict) or verdict.passed:
                return verdict
            _WRONG[exercise_id] = current.earlier + 1
            if current.withheld:
                return Verdict.not_yet(f"{verdict.message} {NEXT_TIME}")
            return verdict

        return checker

    return wrap
