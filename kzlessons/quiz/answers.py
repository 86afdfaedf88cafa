"""Learner answers of any type, handled safely: size limits, unreadable answers, a JSON-safe copy to store.

A question's ``check`` may be given anything (``None``, the wrong type, NaN, a 10 MB
string, an object whose ``repr`` raises). The question types (:mod:`.choice`,
:mod:`.numeric`, :mod:`.text`) raise :class:`Unreadable` for an answer they cannot
grade, with feedback as its message; :meth:`.question.Question.check` turns it into a
:class:`~.result.Result`. :func:`to_jsonable` is what the progress store keeps.

>>> describe(object())[:8], clip("x" * 100, 10)
('<object ', 'xxxxxxxxx…')
"""

from __future__ import annotations

import math
from typing import Any

__all__ = ["MAX_ANSWER_CHARS", "MAX_STORED_CHARS", "Unreadable", "clip", "describe", "to_jsonable"]

#: Longest answer text that is read at all; longer answers get feedback instead.
MAX_ANSWER_CHARS = 2_000
#: Longest answer text kept in the progress store (longer ones are cut).
MAX_STORED_CHARS = 2_000


class Unreadable(Exception):
    """The answer cannot be graded; the message is feedback for the learner."""


def clip(text: str, limit: int = 60) -> str:
    """``text`` cut to ``limit`` characters (the last one an ellipsis), for quoting it in feedback."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe(value: Any) -> str:
    """A short, safe description of an unreadable answer, for feedback."""
    try:
        text = repr(value)
    except Exception:  # a hostile __repr__
        text = f"a {type(value).__name__}"
    return clip(text, 40)


def to_jsonable(value: Any, _depth: int = 0) -> Any:
    """A JSON-safe copy of a learner answer, for storing and exporting.

    Strings are cut to :data:`MAX_STORED_CHARS`; NaN and infinities become
    strings; unknown objects become their (short) ``repr``.

    >>> to_jsonable(("a", float("nan"), {"x"}))
    ['a', 'nan', ['x']]
    """
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value if abs(value) < 2**53 else str(value)[:MAX_STORED_CHARS]
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, str):
        return value[:MAX_STORED_CHARS]
    if _depth < 3:
        if isinstance(value, (list, tuple)):
            return [to_jsonable(v, _depth + 1) for v in value[:50]]
        if isinstance(value, (set, frozenset)):
            items = [to_jsonable(v, _depth + 1) for v in list(value)[:50]]
            return sorted(items, key=repr)
    return describe(value)
