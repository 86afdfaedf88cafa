"""Questions answered with options: :class:`SingleChoice`, :class:`MultipleSelect` and :class:`Ordering`.

Partial credit (``0 < score < 1``):

* **multiple**: ``(right picks - wrong picks) / number of right options``,
  never below 0; correct only when the selection is exactly right.
* **ordering**: the share of item *pairs* that are in the right relative
  order (Kendall's tau rescaled to 0…1). Swapping two neighbours in a list of
  five costs one pair in ten, so the score is 0.9; a reversed list scores 0.

>>> options = [{"id": i, "text": i.upper()} for i in "abcde"]
>>> order = Question.from_dict({"id": "l99-order", "type": "ordering", "prompt": "Order them.",
...                             "options": options, "answer": list("abcde")}, lesson="99")
>>> order.check(list("bacde")).score, order.check(list("edcba")).score
(0.9, 0.0)
>>> pick = Question.from_dict({"id": "l99-pick", "type": "multiple", "prompt": "Pick a and c.",
...                            "options": options, "answer": ["a", "c"]}, lesson="99")
>>> pick.check(["a", "c", "d"])
Result(correct=False, score=0.5, feedback='2 of your 3 choices are right.')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from .answers import Unreadable, clip, describe
from .question import Question
from .result import Result

__all__ = ["SingleChoice", "MultipleSelect", "Ordering"]


def _option_ids(answer: Any, what: str) -> list[str]:
    if isinstance(answer, str):
        return [answer]
    if isinstance(answer, (list, tuple, set, frozenset)) and not isinstance(answer, (bytes, bytearray)):
        items = list(answer)
        if len(items) > 100:
            raise Unreadable(f"That is too many items ({len(items)}). {what}")
        if all(isinstance(i, str) for i in items):
            return items
    raise Unreadable(f"That answer could not be read ({describe(answer)}). {what}")


@dataclass(frozen=True)
class SingleChoice(Question):
    """Pick exactly one option."""

    type: ClassVar[str] = "single"

    def how_to_answer(self) -> str:
        return "Choose one option, then press Check."

    def _check(self, answer: Any) -> Result:
        if answer is None or answer == "":
            raise Unreadable(f"No option was chosen. {self.how_to_answer()}")
        if not isinstance(answer, str):
            raise Unreadable(f"That answer could not be read ({describe(answer)}). {self.how_to_answer()}")
        chosen = self.option(answer)
        if chosen is None:
            raise Unreadable(f"{clip(answer)!r} is not one of the options. {self.how_to_answer()}")
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
            raise Unreadable(f"{clip(unknown[0])!r} is not one of the options. {self.how_to_answer()}")
        chosen, right = set(picked), set(self.answer)
        if not chosen:
            raise Unreadable(f"Nothing was ticked. {self.how_to_answer()}")
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
        """The right options, joined by "; " (an option's closing full stop dropped, so no ".;").

        >>> Question.from_dict({"id": "l99-two", "type": "multiple", "prompt": "Which?", "answer": ["a", "b"],
        ...                     "options": [{"id": "a", "text": "First."}, {"id": "b", "text": "Second."}]},
        ...                    lesson="99").answer_text()
        'a) First; b) Second.'
        """
        right = [f"{o.id}) {o.text}" for o in self.options if o.id in self.answer]
        return "; ".join([*(t.removesuffix(".") for t in right[:-1]), *right[-1:]])


@dataclass(frozen=True)
class Ordering(Question):
    """Put every option in order (partial credit for pairs in the right order)."""

    type: ClassVar[str] = "ordering"

    def how_to_answer(self) -> str:
        return "Place every item exactly once, first to last, then press Check."

    def _check(self, answer: Any) -> Result:
        order = _option_ids(answer, self.how_to_answer())
        if len(order) != len(self.options) or set(order) != {o.id for o in self.options}:
            raise Unreadable(f"Some items are missing or used twice. {self.how_to_answer()}")
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
