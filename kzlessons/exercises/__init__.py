"""Automatic checks for the "your turn" exercises in the lessons.

Each lesson's checks live in ``kzlessons/exercises/lNN.py`` and register
themselves with :func:`exercise`. A notebook calls :func:`check` with the
exercise id and the learner's result; the answer is a :class:`Verdict` that
says in words (and with an icon, never colour alone) what is right or what to
try next. A checker that crashes on odd input still gives a verdict.

>>> from kzlessons.exercises import Verdict, exercise, check
>>> @exercise("l99-demo")
... def _demo(answer):
...     return Verdict.ok("that is 4.") if answer == 4 else Verdict.not_yet("add 2 and 2.")
>>> check("l99-demo", 4)
✅ Well done: that is 4.
>>> check("l99-demo", "four")
❌ Not yet: add 2 and 2.
"""

from __future__ import annotations

import html
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["Verdict", "exercise", "check", "ids"]

Checker = Callable[[Any], "Verdict"]
_REGISTRY: dict[str, Checker] = {}


@dataclass(frozen=True)
class Verdict:
    """The outcome of checking one exercise answer.

    Attributes:
        passed: True when the answer is right.
        message: one or two plain sentences for the learner.
    """

    passed: bool
    message: str

    @classmethod
    def ok(cls, message: str) -> Verdict:
        return cls(True, message)

    @classmethod
    def not_yet(cls, message: str) -> Verdict:
        return cls(False, message)

    def __bool__(self) -> bool:
        return self.passed

    def __repr__(self) -> str:
        icon, word = ("✅", "Well done") if self.passed else ("❌", "Not yet")
        return f"{icon} {word}: {self.message}"

    def _repr_html_(self) -> str:
        icon, word = ("✅", "Well done") if self.passed else ("❌", "Not yet")
        return (
            f'<div class="kz-verdict" role="status" aria-live="polite" '
            f'style="border-left:4px solid var(--jp-border-color1, #888);padding:0.3em 0.8em;'
            f'color:var(--jp-ui-font-color1, inherit)">'
            f'<span aria-hidden="true">{icon}</span> <strong>{word}:</strong> '
            f"{html.escape(self.message)}</div>"
        )


def exercise(exercise_id: str) -> Callable[[Checker], Checker]:
    """Register ``func`` as the checker for ``exercise_id`` (``lNN-name``)."""

    def register(func: Checker) -> Checker:
        _REGISTRY[exercise_id] = func
        return func

    return register


def _load_lesson(exercise_id: str) -> None:
    lesson = exercise_id.split("-", 1)[0]
    if exercise_id not in _REGISTRY and lesson[:1] == "l" and lesson[1:].isdigit():
        try:
            importlib.import_module(f"{__name__}.{lesson}")
        except ModuleNotFoundError:
            pass


def ids() -> list[str]:
    """Every registered exercise id (loads all lesson modules)."""
    for number in range(10):
        _load_lesson(f"l{number:02d}-")
    return sorted(_REGISTRY)


def check(exercise_id: str, answer: Any) -> Verdict:
    """Check a learner's ``answer`` to the exercise ``exercise_id``."""
    _load_lesson(exercise_id)
    checker = _REGISTRY.get(exercise_id)
    if checker is None:
        raise KeyError(f"No exercise called {exercise_id!r}. Known exercises: {', '.join(ids())}.")
    try:
        verdict = checker(answer)
    except Exception as error:  # a learner's odd answer must never crash the check
        return Verdict.not_yet(
            f"the check could not read your answer ({type(error).__name__}: {error}). "
            "Compare its type and shape with what the exercise asks for."
        )
    return verdict if isinstance(verdict, Verdict) else Verdict.not_yet(str(verdict))
