"""The result of :func:`kzlessons.progress.record`: the check's Result, plus whether it was saved.

>>> from kzlessons.quiz.model import Result
>>> r = Recorded.of(Result(True, 1.0, "Correct."), saved=False, problem="The disk is full.")
>>> r.correct, r.status, r.saved, r.problem
(True, 'correct', False, 'The disk is full.')
>>> r == Result(True, 1.0, "Correct.") and Result(True, 1.0, "Correct.") == r
True
"""

from __future__ import annotations

from dataclasses import dataclass

from ..quiz.model import Result

__all__ = ["Recorded"]


@dataclass(frozen=True, eq=False)
class Recorded(Result):
    """A :class:`~kzlessons.quiz.model.Result` that also says whether the attempt was stored.

    It compares equal to (and hashes like) the plain Result it wraps: whether an
    answer was saved does not change how it was graded.

    Attributes:
        saved: True when the attempt is on disk; False when the store could not be written.
        problem: None when saved; otherwise a sentence for the learner (what went wrong,
            what to do), e.g. "Your answer was checked but could not be saved (Permission
            denied). Check that /home/me/.kzlessons is writable."
    """

    saved: bool = True
    problem: str | None = None

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Result):
            return (self.correct, self.score, self.feedback) == (other.correct, other.score, other.feedback)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.correct, self.score, self.feedback))

    @classmethod
    def of(cls, result: Result, *, saved: bool, problem: str | None = None) -> Recorded:
        """Wrap a plain Result."""
        return cls(result.correct, result.score, result.feedback, saved, problem)

    @property
    def result(self) -> Result:
        """The plain check Result (without the saving status)."""
        return Result(self.correct, self.score, self.feedback)
