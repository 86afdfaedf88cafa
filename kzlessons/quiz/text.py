"""Short-text questions: :class:`ShortText`, compared after folding case, accents, spacing and punctuation.

The answer key is ``{accept: [variants]}``. Words that only repeat the question, a
remark in brackets and articles may be left out, ``&`` means "and", and a long
variant (8 letters or more) also accepts one typo.

>>> q = Question.from_dict({"id": "l99-capital", "type": "text", "prompt": "Capital of Kazakhstan?",
...                         "answer": {"accept": ["Astana", "Nur-Sultan"]}}, lesson="99")
>>> q.check("NUR SULTAN").correct, q.answer_text()
(True, 'Astana / Nur-Sultan')
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any, ClassVar

from .answers import MAX_ANSWER_CHARS, Unreadable, describe
from .question import Question
from .result import Result

__all__ = ["ShortText", "normalise_text"]

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
            raise Unreadable(f"That answer could not be read ({describe(answer)}). {self.how_to_answer()}")
        if len(answer) > MAX_ANSWER_CHARS:
            raise Unreadable(f"That answer is too long ({len(answer):,} characters). {self.how_to_answer()}")
        given = normalise_text(answer)
        if not given:
            raise Unreadable(f"The answer is empty. {self.how_to_answer()}")
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
