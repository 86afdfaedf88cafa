"""Numeric questions: :class:`Numeric`, and reading a number typed as text the way the learner meant it.

The answer key is ``{value, abs_tol}``, ``{value, rel_tol}`` or ``{min, max}``; the
unit is shown to the learner and may be typed after the number. A typed number may
use a decimal comma (``0,38``), group thousands (``2,724,900``, ``2 724 900``) or
end with a word such as "million"; an ambiguous ``1,234`` is read by the size of
the accepted answer, or refused with a hint (never guessed).

>>> q = Question.from_dict({"id": "l99-area", "type": "numeric", "prompt": "Area?",
...                         "answer": {"value": 2724900, "rel_tol": 0.05}, "unit": "km²"}, lesson="99")
>>> q.check("2,7 million km²").feedback
"Correct: 2,700,000 km² (your '2,7 million km²' read with a decimal comma) is within the accepted range."
>>> q.answer_text()
'2,724,900 km² (± 5%)'
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from numbers import Real
from typing import Any, ClassVar

from .answers import Unreadable, clip, describe
from .question import Question
from .result import Result

__all__ = ["Numeric"]

#: Thousands separators that are never decimal marks: spaces of every kind, underscores, apostrophes.
_NUMBER_JUNK = re.compile(r"[\s_'\u00a0\u202f\u2009\u2019]")
_PLAIN = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_GROUPED = {sep: re.compile(rf"^[+-]?\d{{1,3}}(\{sep}\d{{3}})+$") for sep in ",."}
#: Words for powers of ten that may follow a number ("2.7 million").
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9}
_SCALE_WORD = re.compile(r"^(.*?\d)\s*(" + "|".join(sorted(_SCALES, key=len, reverse=True)) + r")\.?$",
                         re.IGNORECASE)


def _readings(text: str) -> list[tuple[float, str]] | None:
    """The possible values of a number typed with separators: ``[(value, how it was read)]``, or None.

    A point is the decimal mark; spaces, underscores and apostrophes group thousands.
    A comma is read as the learner meant it:

    * with a point too, the last of the two is the decimal mark (``1,234.5``, ``1.234,5``);
    * in groups of three (``2,724,900``), a thousands separator;
    * otherwise, a decimal comma (``0,38``, ``-0,92``, ``0,143``, ``12,5``).

    One comma followed by exactly three digits after a number other than 0
    (``1,234``) could be either; both readings are returned and the question
    decides (see :meth:`Numeric._pick`).

    >>> _readings("0,38"), _readings("2,724,900"), _readings("1.234,5")
    ([(0.38, 'decimal comma')], [(2724900.0, '')], [(1234.5, '')])
    >>> [v for v, _ in _readings("1,234")], _readings("1,2,3")
    ([1234.0, 1.234], None)
    """
    if _PLAIN.match(text):
        return [(float(text), "")]
    if "," in text and "." in text:
        decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        whole, _, fraction = text.rpartition(decimal_mark)
        other = "." if decimal_mark == "," else ","
        if fraction.isdigit() and (_GROUPED[other].match(whole) or _PLAIN.match(whole)) and other in whole:
            return [(float(whole.replace(other, "") + "." + fraction), "")]
        return None
    for sep in ",.":
        if text.count(sep) >= 2 or (sep == "," and text.count(sep) == 1):
            break
    else:
        return None
    if _GROUPED[sep].match(text) and text.count(sep) >= 2:
        return [(float(text.replace(sep, "")), "")]
    if sep == "." or text.count(",") != 1:
        return None
    whole, fraction = text.split(",")
    decimal = whole + "." + fraction
    if not _PLAIN.match(decimal) or "e" in decimal.lower():
        return None
    if _GROUPED[","].match(text) and whole.lstrip("+-") not in ("", "0"):
        return [(float(whole + fraction), "thousands separator"), (float(decimal), "decimal comma")]
    return [(float(decimal), "decimal comma")]


def _fmt_number(value: float) -> str:
    """A number for feedback: no grouping up to 9999 (so years read as years), commas above.

    >>> _fmt_number(2017), _fmt_number(2724900), _fmt_number(0.38)
    ('2017', '2,724,900', '0.38')
    """
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value)}" if abs(value) < 10_000 else f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) >= 1e5 else f"{value:.6g}"


@dataclass(frozen=True)
class Numeric(Question):
    """A number within a tolerance or a range; the unit is shown to the learner."""

    type: ClassVar[str] = "numeric"

    def how_to_answer(self) -> str:
        unit = f" in {self.unit}" if self.unit else ""
        return f"Type one number{unit}, then press Check."

    def _number(self, answer: Any) -> float | list[tuple[float, str]]:
        """The value of ``answer``, or for a string every way it can be read (see :func:`_readings`)."""
        if isinstance(answer, bool) or answer is None:
            raise Unreadable(f"That is not a number. {self.how_to_answer()}")
        if isinstance(answer, (int, Fraction, Decimal)) or isinstance(answer, Real):
            try:
                value = float(answer)
            except (OverflowError, ValueError, InvalidOperation, TypeError):
                raise Unreadable(f"That number is too large to use. {self.how_to_answer()}") from None
        elif isinstance(answer, str):
            if len(answer) > 100:
                raise Unreadable(f"That is too long to be a number. {self.how_to_answer()}")
            text = _NUMBER_JUNK.sub("", unicodedata.normalize("NFKC", answer).strip().replace("\u2212", "-"))
            unit = _NUMBER_JUNK.sub("", unicodedata.normalize("NFKC", self.unit))
            if unit and text.casefold().endswith(unit.casefold()):
                text = text[: len(text) - len(unit)]
            scale = 1.0
            word = _SCALE_WORD.match(text)
            if word:
                text, scale = word.group(1), _SCALES[word.group(2).casefold()]
            readings = _readings(text)
            if not readings:
                raise Unreadable(f"{clip(answer.strip())!r} is not a number. {self.how_to_answer()}")
            readings = [(v * scale, how) for v, how in readings]
            if any(not math.isfinite(v) for v, _ in readings):
                raise Unreadable(f"That is not a finite number. {self.how_to_answer()}")
            return readings
        else:
            raise Unreadable(f"That answer could not be read ({describe(answer)}). {self.how_to_answer()}")
        if not math.isfinite(value):
            raise Unreadable(f"That is not a finite number. {self.how_to_answer()}")
        return value

    def _pick(self, answer: Any, readings: list[tuple[float, str]]) -> tuple[float, str]:
        """One reading of a typed number: the only one, or for ``1,234`` the one of the answer's size.

        ``1,234`` is read as 1234 when only that is within a factor of ten of the
        accepted range, as 1.234 when only that is; otherwise the learner is asked
        to write it unambiguously (never guessed).
        """
        if len(readings) == 1:
            return readings[0]
        low, high = self._bounds()
        near = [(v, how) for v, how in readings
                if min(low / 10, low * 10) <= v <= max(high * 10, high / 10) or (low <= 0 <= high and abs(v) < 1)]
        if len(near) == 1:
            return near[0]
        (thousands, _), (decimal, _) = readings
        raise Unreadable(
            f"{clip(str(answer).strip())!r} could mean {_fmt_number(thousands)} or {_fmt_number(decimal)}. "
            f"Type {_fmt_number(thousands).replace(',', '')} (no comma) or {decimal:g} (a point for decimals), "
            "then press Check.")

    def _bounds(self) -> tuple[float, float]:
        key = self.answer
        if "min" in key:
            return float(key["min"]), float(key["max"])
        value = float(key["value"])
        tol = float(key["abs_tol"]) if "abs_tol" in key else abs(value) * float(key.get("rel_tol", 0))
        return value - tol, value + tol

    def _check(self, answer: Any) -> Result:
        value = self._number(answer)
        how = ""
        if isinstance(value, list):
            value, how = self._pick(answer, value)
        low, high = self._bounds()
        unit = f" {self.unit}" if self.unit else ""
        read = f" (your {clip(str(answer).strip(), 20)!r} read with a {how})" if how else ""
        if low <= value <= high:
            return Result(True, 1.0, f"Correct: {_fmt_number(value)}{unit}{read} is within the accepted range.")
        direction = "too low" if value < low else "too high"
        return self._wrong(f"{_fmt_number(value)}{unit}{read} is {direction}.")

    def answer_text(self) -> str:
        unit = f" {self.unit}" if self.unit else ""
        key = self.answer
        if "min" in key:
            return f"between {_fmt_number(key['min'])} and {_fmt_number(key['max'])}{unit}"
        if "abs_tol" in key:
            return f"{_fmt_number(key['value'])}{unit} (± {_fmt_number(key['abs_tol'])})"
        return f"{_fmt_number(key['value'])}{unit} (± {float(key.get('rel_tol', 0)) * 100:g}%)"
