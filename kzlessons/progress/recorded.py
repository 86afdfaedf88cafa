"""The result of :func:`kzlessons.progress.record`: the check's Result, plus whether it was saved.

>>> from kzlessons.quiz.model import Result
>>> r = Recorded.of(Result(True, 1.0, "Correct."), saved=False, problem="The disk is full.")
>>> r.correct, r.status, r.saved, r.problem
(True, 'correct', False, 'The disk is full.')
>>> r.result == Result(True, 1.0, "Correct.")
True
"""

from __future__ import annotations

from dataclasses import dataclass

from ..quiz.model import Result

__all__ = ["Recorded"]


@dataclass(frozen=True)
class Recorded(Result):
    """A :class:`~kzlessons.quiz.model.Result` that also says whether the attempt was stored.

    Attributes:
        saved: True when the attempt is on disk; False when the store could not be written.
        problem: None when saved; otherwise a sentence for the learner (what went wrong,
            what to do), e.g. "Your answer was checked but could not be saved (Permission
            denied). Check that /home/me/.kzlessons is writable."
    """

    saved: bool = True
    problem: str | None = None

    @classmethod
    def of(cls, result: Result, *, saved: bool, problem: str | None = None) -> Recorded:
        """Wrap a plain Result."""
        return cls(result.correct, result.score, result.feedback, saved, problem)

    @property
    def result(self) -> Result:
        """The plain check Result (without the saving status)."""
        return Result(self.correct, self.score, self.feedback)
