"""Read a number a learner typed as text, decimal commas included, without guessing.

Learners in Kazakhstan, Russia and most of Europe write ``0,38`` for 0.38. A parser
that treats every comma as a thousands separator reads that as 38, which is worse
than refusing it. :func:`number_readings` lists every value a text can sensibly
mean; :func:`read_number` returns the one value or raises :class:`NumberTextError`
whose message is a sentence saying how to write the number unambiguously.

Rules (spaces, thin spaces, apostrophes and underscores are thousands separators):

- ``0,38``, ``-0,92``, ``12,5``: a single comma not followed by exactly three digits
  is a decimal comma.
- ``1.234,5`` and ``1,234.5``: with both marks, the last one is the decimal mark and
  the other must group thousands.
- ``1,234,567`` and ``1.234.567``: a mark repeated between groups of three groups thousands.
- ``7,548`` (one comma, three digits after, a non-zero whole part) could be 7548 or
  7.548: both readings are returned, and :func:`read_number` refuses it. ``0,143``
  is not ambiguous: a thousands group never follows a lone 0.

>>> read_number("0,38"), read_number("-0,92"), read_number("1 234,5"), read_number("1,234.5")
(0.38, -0.92, 1234.5, 1234.5)
>>> number_readings("7,548")
(7548.0, 7.548)
>>> read_number("7,548")
Traceback (most recent call last):
...
kzlessons.numtext.NumberTextError: '7,548' could mean 7548 or 7.548. Write it without the comma (7548) or with a decimal point (7.548).
"""

from __future__ import annotations

import math
import re
import unicodedata

__all__ = ["NumberTextError", "number_readings", "read_number"]

_SPACES = re.compile(r"[\s_'\u00a0\u202f\u2009\u2019]")
_PLAIN = re.compile(r"^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_GROUPED = re.compile(r"^\d{1,3}(?:X\d{3})+$")  # X = the grouping mark
_MAX_LENGTH = 100


class NumberTextError(ValueError):
    """Raised by :func:`read_number`; the message is a sentence for the learner."""


def _grouped(digits: str, mark: str) -> bool:
    return bool(re.match(_GROUPED.pattern.replace("X", re.escape(mark)), digits))


def number_readings(text: str) -> tuple[float, ...]:
    """Every value ``text`` can sensibly mean: none, one, or two for ``7,548``-style text.

    >>> number_readings("0,143"), number_readings("12.5"), number_readings("abc")
    ((0.143,), (12.5,), ())
    >>> number_readings("1.234.567"), number_readings("−3")
    ((1234567.0,), (-3.0,))
    """
    if not isinstance(text, str) or len(text) > _MAX_LENGTH:
        return ()
    cleaned = unicodedata.normalize("NFKC", text).strip().replace("\u2212", "-")
    cleaned = _SPACES.sub("", cleaned)
    sign = ""
    if cleaned[:1] in "+-" and cleaned[:1]:
        sign, cleaned = cleaned[0], cleaned[1:]
    if not cleaned:
        return ()
    candidates: list[str] = []
    if "," in cleaned and "." in cleaned:
        decimal = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
        group = "." if decimal == "," else ","
        whole, _, fraction = cleaned.rpartition(decimal)
        if _grouped(whole, group) or (group not in whole and whole.isdigit()):
            candidates.append(whole.replace(group, "") + "." + fraction)
    elif cleaned.count(",") > 1 or cleaned.count(".") > 1:
        mark = "," if "," in cleaned else "."
        if _grouped(cleaned, mark):
            candidates.append(cleaned.replace(mark, ""))
    elif "," in cleaned:
        whole, _, fraction = cleaned.partition(",")
        if len(fraction) == 3 and fraction.isdigit() and whole.isdigit() and whole.lstrip("0") and len(whole) <= 3:
            candidates += [whole + fraction, whole + "." + fraction]  # 7,548: thousands or decimal
        else:
            candidates.append(whole + "." + fraction)
    else:
        candidates.append(cleaned)
    values = []
    for candidate in candidates:
        if _PLAIN.match(candidate):
            value = float(sign + candidate)
            if math.isfinite(value) and value not in values:
                values.append(value)
    return tuple(values)


def _show(value: float) -> str:
    return f"{value:.15g}"


def read_number(text: str) -> float:
    """The number ``text`` means, or :class:`NumberTextError` with a sentence saying what to write.

    >>> read_number("2,5e3")
    2500.0
    >>> read_number("forty")
    Traceback (most recent call last):
    ...
    kzlessons.numtext.NumberTextError: 'forty' is not a number. Write digits, for example 0.38 or 0,38.
    """
    values = number_readings(text)
    shown = text.strip() if isinstance(text, str) else str(text)
    if len(shown) > 40:
        shown = shown[:37] + "..."
    if len(values) == 1:
        return values[0]
    if not values:
        raise NumberTextError(f"{shown!r} is not a number. Write digits, for example 0.38 or 0,38.")
    big, small = values
    raise NumberTextError(
        f"{shown!r} could mean {_show(big)} or {_show(small)}. Write it without the comma "
        f"({_show(big)}) or with a decimal point ({_show(small)})."
    )
