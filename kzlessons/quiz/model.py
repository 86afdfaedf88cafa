"""Questions and grading: pure Python, no widgets, no I/O.

A :class:`Question` is plain data (prompt, options, answer key, feedback,
explanation, source ids) plus one method, :meth:`Question.check`, which turns
any learner answer into a :class:`Result`. ``check`` is pure and
deterministic, and it never raises: an answer it cannot read (``None``, the
wrong type, NaN, a 10 MB string …) gets feedback that says what to do next.

Five types share this interface:

========== ========================================= =====================================
type       learner answer                            answer key in the bank
========== ========================================= =====================================
single     one option id, e.g. ``"b"``               ``answer: b``
multiple   a list of option ids, e.g. ``["a", "c"]`` ``answer: [a, c]``
numeric    a number, or a string such as             ``{value, abs_tol}``, ``{value, rel_tol}``
           ``"7,548"`` or ``"0,38"``                 or ``{min, max}``
text       a string                                  ``{accept: [variants]}``
ordering   every option id once, in order            ``answer: [ids in the right order]``
========== ========================================= =====================================

Partial credit (``0 < score < 1``):

* **multiple**: ``(right picks - wrong picks) / number of right options``,
  never below 0; correct only when the selection is exactly right.
* **ordering**: the share of item *pairs* that are in the right relative
  order (Kendall's tau rescaled to 0…1). Swapping two neighbours in a list of
  five costs one pair in ten, so the score is 0.9; a reversed list scores 0.

>>> q = Question.from_dict({
...     "id": "l99-capital", "type": "text", "prompt": "Capital of Kazakhstan?",
...     "answer": {"accept": ["Astana", "Nur-Sultan"]},
...     "explanation": "Renamed Nur-Sultan in 2019 and Astana again in 2022."}, lesson="99")
>>> q.check("  astana! ")
Result(correct=True, score=1.0, feedback='Correct.')
>>> q.check(None).correct
False
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from numbers import Real
from typing import Any, ClassVar

__all__ = [
    "Option",
    "Result",
    "Question",
    "SingleChoice",
    "MultipleSelect",
    "Numeric",
    "ShortText",
    "Ordering",
    "QUESTION_TYPES",
    "normalise_text",
    "to_jsonable",
]

#: Longest answer text that is read at all; longer answers get feedback instead.
MAX_ANSWER_CHARS = 2_000
#: Longest answer text kept in the progress store (longer ones are cut).
MAX_STORED_CHARS = 2_000

TYPE_LABELS = {
    "single": "single choice",
    "multiple": "multiple select",
    "numeric": "numeric",
    "text": "short text",
    "ordering": "ordering",
}


@dataclass(frozen=True)
class Option:
    """One choice of a single, multiple or ordering question.

    Attributes:
        id: short stable id used in the answer key (``"a"``, ``"b"`` …).
        text: what the learner sees.
        feedback: shown when a learner picks this option wrongly (may be empty).
    """

    id: str
    text: str
    feedback: str = ""


@dataclass(frozen=True)
class Result:
    """The outcome of checking one answer.

    Attributes:
        correct: True only for a fully right answer.
        score: credit between 0 and 1 (partial credit for multiple and ordering).
        feedback: plain sentences for the learner (no HTML; views escape it).
    """

    correct: bool
    score: float
    feedback: str

    @property
    def status(self) -> str:
        """``"correct"``, ``"partial"`` or ``"wrong"``.

        >>> Result(False, 0.5, "").status
        'partial'
        """
        if self.correct:
            return "correct"
        return "partial" if self.score > 0 else "wrong"


class _Unreadable(Exception):
    """The answer cannot be graded; the message is feedback for the learner."""


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _describe(value: Any) -> str:
    """A short, safe description of an unreadable answer, for feedback."""
    try:
        text = repr(value)
    except Exception:  # a hostile __repr__
        text = f"a {type(value).__name__}"
    return _clip(text, 40)


_PUNCT_OR_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Fold case, accents, punctuation and spacing so variants compare equal.

    >>> normalise_text("  Nur-Sultan ")
    'nur sultan'
    >>> normalise_text("TÜRKİYE") == normalise_text("Turkiye")
    True
    """
    text = unicodedata.normalize("NFKD", text)
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if category.startswith("M"):  # combining accents
            continue
        if category.startswith(("P", "S", "Z", "C")):  # punctuation, symbols, spaces, controls
            kept.append(" ")
        else:
            kept.append(char)
    return _PUNCT_OR_SPACE.sub(" ", "".join(kept).casefold()).strip()


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
    return _describe(value)


@dataclass(frozen=True)
class Question:
    """One quiz question. Build from bank data with :meth:`from_dict`.

    Attributes:
        id: stable id, ``lNN-kebab-case``.
        lesson: two-digit lesson id (``"02"``).
        type: ``single``, ``multiple``, ``numeric``, ``text`` or ``ordering``.
        prompt: the question text (plain text; views escape it).
        options: choices for single, multiple and ordering questions.
        answer: the answer key, as in the bank.
        feedback: default feedback for a wrong answer.
        explanation: shown once the answer is revealed (see :mod:`kzlessons.quiz.policy`).
        sources: ids in the ``sources`` dataset.
        difficulty: ``easy``, ``medium`` or ``hard``.
        unit: the unit of a numeric answer (shown beside the input).
        reveal_after: tries before the answer is shown (None: the course default,
            :data:`kzlessons.quiz.policy.REVEAL_AFTER`).
        review: False when the prompt needs its own lesson's cells on screen ("the table
            above"), so :func:`kzlessons.review` never asks it in another lesson.
    """

    id: str
    lesson: str
    type: ClassVar[str] = ""
    prompt: str = ""
    options: tuple[Option, ...] = ()
    answer: Any = None
    feedback: str = ""
    explanation: str = ""
    sources: tuple[str, ...] = ()
    difficulty: str = "medium"
    unit: str = ""
    reveal_after: int | None = None
    review: bool = True

    # -- construction -----------------------------------------------------
    @staticmethod
    def from_dict(data: Mapping[str, Any], lesson: str) -> Question:
        """Build the right subclass from one bank entry (already validated)."""
        cls = QUESTION_TYPES[data["type"]]
        options = tuple(
            Option(str(o["id"]), str(o["text"]), str(o.get("feedback", "") or ""))
            for o in data.get("options", []) or []
        )
        answer = data["answer"]
        if isinstance(answer, list):
            answer = tuple(str(a) for a in answer)
        elif isinstance(answer, Mapping):
            answer = dict(answer)
            if "accept" in answer:
                answer["accept"] = tuple(str(a) for a in answer["accept"])
        return cls(
            id=str(data["id"]),
            lesson=str(lesson),
            prompt=str(data["prompt"]),
            options=options,
            answer=answer,
            feedback=str(data.get("feedback", "") or ""),
            explanation=str(data.get("explanation", "") or ""),
            sources=tuple(str(s) for s in data.get("sources", []) or []),
            difficulty=str(data.get("difficulty", "medium")),
            unit=str(data.get("unit", "") or ""),
            reveal_after=data.get("reveal_after"),
            review=bool(data.get("review", True)),
        )

    # -- grading ------------------------------------------------------------
    def check(self, answer: Any) -> Result:
        """Grade ``answer``; never raises, whatever ``answer`` is."""
        try:
            return self._check(answer)
        except _Unreadable as problem:
            return Result(False, 0.0, str(problem))
        except Exception:  # pragma: no cover - a safety net, not a code path
            return Result(False, 0.0, f"That answer could not be read ({_describe(answer)}). "
                          f"{self.how_to_answer()}")

    def _check(self, answer: Any) -> Result:  # pragma: no cover - abstract
        raise NotImplementedError

    def how_to_answer(self) -> str:
        """One sentence telling the learner what kind of answer is expected."""
        return "Give an answer and press Check."

    def _wrong(self, specific: str = "") -> Result:
        parts = [p for p in (specific, self.feedback) if p]
        return Result(False, 0.0, " ".join(parts) or "Not quite. Read the explanation and try again.")

    # -- helpers for views ------------------------------------------------------
    @property
    def type_label(self) -> str:
        """A human name for the type, e.g. ``"multiple select"``."""
        return TYPE_LABELS[self.type]

    def option(self, option_id: str) -> Option | None:
        """The option with this id, or None."""
        for opt in self.options:
            if opt.id == option_id:
                return opt
        return None

    def answer_text(self) -> str:
        """The right answer in words (used in the collapsed static answer)."""
        return str(self.answer)

    def answer_to_store(self, answer: Any) -> Any:
        """A JSON-safe form of a learner answer for the progress store."""
        return to_jsonable(answer)


def _option_ids(answer: Any, what: str) -> list[str]:
    if isinstance(answer, str):
        return [answer]
    if isinstance(answer, (list, tuple, set, frozenset)) and not isinstance(answer, (bytes, bytearray)):
        items = list(answer)
        if len(items) > 100:
            raise _Unreadable(f"That is too many items ({len(items)}). {what}")
        if all(isinstance(i, str) for i in items):
            return items
    raise _Unreadable(f"That answer could not be read ({_describe(answer)}). {what}")


@dataclass(frozen=True)
class SingleChoice(Question):
    """Pick exactly one option."""

    type: ClassVar[str] = "single"

    def how_to_answer(self) -> str:
        return "Choose one option, then press Check."

    def _check(self, answer: Any) -> Result:
        if answer is None or answer == "":
            raise _Unreadable(f"No option was chosen. {self.how_to_answer()}")
        if not isinstance(answer, str):
            raise _Unreadable(f"That answer could not be read ({_describe(answer)}). {self.how_to_answer()}")
        chosen = self.option(answer)
        if chosen is None:
            raise _Unreadable(f"{_clip(answer)!r} is not one of the options. {self.how_to_answer()}")
        if chosen.id == self.answer:
            return Result(True, 1.0, "Correct.")
        return self._wrong(chosen.feedback)

    def answer_text(self) -> str:
        opt = self.option(self.answer)
        return f"{opt.id}) {opt.text}" if opt else str(self.answer)


@dataclass(frozen=True)
class MultipleSelect(Question):
    """Pick every option that applies (partial credit)."""

    type: ClassVar[str] = "multiple"

    def how_to_answer(self) -> str:
        return "Tick every option that applies, then press Check."

    def _check(self, answer: Any) -> Result:
        picked = _option_ids(answer, self.how_to_answer())
        unknown = [p for p in picked if self.option(p) is None]
        if unknown:
            raise _Unreadable(f"{_clip(unknown[0])!r} is not one of the options. {self.how_to_answer()}")
        chosen, right = set(picked), set(self.answer)
        if not chosen:
            raise _Unreadable(f"Nothing was ticked. {self.how_to_answer()}")
        if chosen == right:
            return Result(True, 1.0, "Correct: you found all of them and nothing else.")
        hits, wrong = len(chosen & right), chosen - right
        score = max(0.0, (hits - len(wrong)) / len(right))
        notes = [o.feedback for o in self.options if o.id in wrong and o.feedback]
        missed = len(right - chosen)
        summary = f"{hits} of your {len(chosen)} choices {'is' if hits == 1 else 'are'} right"
        summary += f" and you missed {missed}." if missed else "."
        parts = [summary, *notes, self.feedback]
        return Result(False, round(score, 4), " ".join(p for p in parts if p))

    def answer_text(self) -> str:
        return "; ".join(f"{o.id}) {o.text}" for o in self.options if o.id in self.answer)


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
        return f"Type one number{unit}, for example 12.5, then press Check."

    def _number(self, answer: Any) -> float | list[tuple[float, str]]:
        """The value of ``answer``, or for a string every way it can be read (see :func:`_readings`)."""
        if isinstance(answer, bool) or answer is None:
            raise _Unreadable(f"That is not a number. {self.how_to_answer()}")
        if isinstance(answer, (int, Fraction, Decimal)) or isinstance(answer, Real):
            try:
                value = float(answer)
            except (OverflowError, ValueError, InvalidOperation, TypeError):
                raise _Unreadable(f"That number is too large to use. {self.how_to_answer()}") from None
        elif isinstance(answer, str):
            if len(answer) > 100:
                raise _Unreadable(f"That is too long to be a number. {self.how_to_answer()}")
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
                raise _Unreadable(f"{_clip(answer.strip())!r} is not a number. {self.how_to_answer()}")
            readings = [(v * scale, how) for v, how in readings]
            if any(not math.isfinite(v) for v, _ in readings):
                raise _Unreadable(f"That is not a finite number. {self.how_to_answer()}")
            return readings
        else:
            raise _Unreadable(f"That answer could not be read ({_describe(answer)}). {self.how_to_answer()}")
        if not math.isfinite(value):
            raise _Unreadable(f"That is not a finite number. {self.how_to_answer()}")
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
        raise _Unreadable(
            f"{_clip(str(answer).strip())!r} could mean {_fmt_number(thousands)} or {_fmt_number(decimal)}. "
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
        read = f" (your {_clip(str(answer).strip(), 20)!r} read with a {how})" if how else ""
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


#: Accepted variants at least this long (after folding) also accept one typo.
_TYPO_MIN_CHARS = 8
_FILLER = frozenset({"the", "a", "an"})
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


def _text_candidates(answer: str, prompt: str = "") -> list[str]:
    """The ways a short answer is compared, most literal first (all folded by :func:`normalise_text`).

    ``&`` and ``+`` mean "and"; a remark in brackets may be left out; and words at
    either end that only repeat the question ("the name of the *procedure*") or
    are an article may be left out, so "Uniting for Peace procedure",
    "Uniting for Peace (resolution 377A)" and "Between Scylla & Charybdis" are
    compared as "uniting for peace" and "scylla and charybdis". The core that is
    left must still match an accepted variant in full.

    >>> _text_candidates("Uniting for Peace (resolution 377A)", "the name of the procedure")[:2]
    ['uniting for peace resolution 377a', 'uniting for peace']
    >>> "scylla and charybdis" in _text_candidates("Between Scylla & Charybdis", "passage between two monsters")
    True
    """
    base = re.sub(r"\s*[&+]\s*", " and ", answer)
    forms = [base, _BRACKETS.sub(" ", base)]
    removable = _FILLER | set(normalise_text(prompt).split())
    out: list[str] = []
    for form in forms:
        words = normalise_text(form).split()
        if not words:
            continue
        spans = [(0, len(words))]
        if len(words) <= 12:
            lead = next((i for i, w in enumerate(words) if w not in removable), len(words))
            trail = next((i for i, w in enumerate(reversed(words)) if w not in removable), len(words))
            spans += [(i, len(words) - j) for i in range(lead + 1) for j in range(trail + 1)
                      if i < len(words) - j]
        for start, stop in spans:
            text = " ".join(words[start:stop])
            if text not in out:
                out.append(text)
    return out


def _one_edit_apart(a: str, b: str) -> bool:
    """True when ``a`` becomes ``b`` by one insertion, deletion, substitution or swap of neighbours.

    >>> _one_edit_apart("skylla and charybdis", "scylla and charybdis"), _one_edit_apart("ab", "ab")
    (True, False)
    """
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k, (x, y) in enumerate(zip(short, long_)) if x != y), len(short))
    return short[i:] == long_[i + 1:]


@dataclass(frozen=True)
class ShortText(Question):
    """A short free answer, compared after folding case, accents, spaces and punctuation."""

    type: ClassVar[str] = "text"

    def how_to_answer(self) -> str:
        return "Type a short answer (a word or a name), then press Check."

    def _check(self, answer: Any) -> Result:
        if not isinstance(answer, str):
            raise _Unreadable(f"That answer could not be read ({_describe(answer)}). {self.how_to_answer()}")
        if len(answer) > MAX_ANSWER_CHARS:
            raise _Unreadable(f"That answer is too long ({len(answer):,} characters). {self.how_to_answer()}")
        given = normalise_text(answer)
        if not given:
            raise _Unreadable(f"The answer is empty. {self.how_to_answer()}")
        accepted = {normalise_text(a): a for a in self.answer["accept"]}
        candidates = _text_candidates(answer, self.prompt)
        if any(c in accepted for c in candidates):
            return Result(True, 1.0, "Correct.")
        for candidate in candidates:
            for norm, variant in accepted.items():
                if len(norm) >= _TYPO_MIN_CHARS and _one_edit_apart(candidate, norm):
                    return Result(True, 1.0, f"Correct (it is usually spelt \u201c{variant}\u201d).")
        return self._wrong()

    def answer_text(self) -> str:
        return " / ".join(self.answer["accept"])


@dataclass(frozen=True)
class Ordering(Question):
    """Put every option in order (partial credit for pairs in the right order)."""

    type: ClassVar[str] = "ordering"

    def how_to_answer(self) -> str:
        return "Place every item exactly once, first to last, then press Check."

    def _check(self, answer: Any) -> Result:
        order = _option_ids(answer, self.how_to_answer())
        if len(order) != len(self.options) or set(order) != {o.id for o in self.options}:
            raise _Unreadable(f"Some items are missing or used twice. {self.how_to_answer()}")
        if tuple(order) == tuple(self.answer):
            return Result(True, 1.0, "Correct: everything is in the right order.")
        rank = {item: i for i, item in enumerate(self.answer)}
        n = len(order)
        pairs = n * (n - 1) // 2
        good = sum(1 for i in range(n) for j in range(i + 1, n) if rank[order[i]] < rank[order[j]])
        placed = sum(1 for a, b in zip(order, self.answer) if a == b)
        summary = (f"{good} of {pairs} pairs are in the right order, "
                   f"and {placed} of {n} items are in the right place.")
        return Result(False, round(good / pairs, 4), " ".join(p for p in (summary, self.feedback) if p))

    def answer_text(self) -> str:
        return " → ".join(self.option(i).text if self.option(i) else i for i in self.answer)


#: bank ``type`` -> class
QUESTION_TYPES: dict[str, type[Question]] = {
    cls.type: cls for cls in (SingleChoice, MultipleSelect, Numeric, ShortText, Ordering)
}
