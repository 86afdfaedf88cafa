"""The outcome of checking one answer: :class:`Result` (what every question type's ``check`` returns).

>>> Result(False, 0.5, "1 of your 2 choices is right.").status
'partial'
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Result"]


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
