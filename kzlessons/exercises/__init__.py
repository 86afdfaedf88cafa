"""Automatic checks for the "your turn" exercises in the lessons.

Each lesson's checks live in ``kzlessons/exercises/lNN.py`` and register
themselves with :func:`exercise`. A notebook calls :func:`check` with the
exercise id and the learner's result; the answer is a :class:`Verdict` that
says in words (and with an icon, never colour alone) what is right or what to
try next. A checker that crashes on odd input still gives a verdict. Every
check of a real answer (not the starter's ``None``) is stored in the learner's
progress (``kz.progress.summary(by="exercise")``, the dashboard, the gradebook).

>>> from kzlessons.exercises import Verdict, exercise, check
>>> @exercise("l99-demo")
... def _demo(answer):
...     return Verdict.ok("that is 4.") if answer == 4 else Verdict.not_yet("add 2 and 2.")
>>> check("l99-demo", 4)
✓ Well done: that is 4.
>>> check("l99-demo", "four")
✗ Not yet: add 2 and 2.
"""

from __future__ import annotations

import html
import importlib
import logging
import numbers
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .. import _record_exercise
from ..errors import LearnerError

__all__ = ["Verdict", "ExerciseNotFound", "exercise", "check", "ids", "is_number", "type_name"]

Checker = Callable[[Any], "Verdict"]
_REGISTRY: dict[str, Checker] = {}
_LESSON_MODULE = re.compile(r"^l\d{2}$")
_LOG = logging.getLogger(__name__)


class ExerciseNotFound(LearnerError, KeyError):
    """Raised by :func:`check` for an exercise id that no lesson defines."""

    def __str__(self) -> str:  # KeyError would show the message in quotes
        return str(self.args[0]) if self.args else ""


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
        """A passing verdict.

        >>> Verdict.ok("that is 4.").passed
        True
        """
        return cls(True, message)

    @classmethod
    def not_yet(cls, message: str) -> Verdict:
        """A verdict that says what to try next.

        >>> bool(Verdict.not_yet("add 2 and 2."))
        False
        """
        return cls(False, message)

    def __bool__(self) -> bool:
        return self.passed

    def _label(self) -> tuple[str, str]:
        # Symbols from the fonts every system has (DejaVu, Segoe UI Symbol, Apple Symbols), not colour
        # emoji, which show as an empty box where no emoji font is installed; the HTML draws them as SVG.
        return ("✓", "Well done") if self.passed else ("✗", "Not yet")

    def __repr__(self) -> str:
        icon, word = self._label()
        return f"{icon} {word}: {self.message}"

    def _repr_html_(self) -> str:
        icon, word = self._label()
        return (
            f'<div class="kz-verdict" role="status" aria-live="polite" '
            f'style="border-left:4px solid var(--jp-border-color1, #888);padding:0.3em 0.8em;'
            f'color:var(--jp-ui-font-color1, inherit)">'
            f'{_ICON_SVG[self.passed]} <strong>{word}:</strong> '
            f"{html.escape(self.message)}</div>"
        )


#: passed -> the verdict's icon as a small inline SVG (hidden from screen readers: the word says it).
_ICON_SVG = {
    True: ('<svg aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 16 16" '
           'style="vertical-align:-0.15em;color:var(--jp-success-color1, #009E73)" data-icon="✓">'
           '<path d="M3 8.5 6.5 12 13 4.5" fill="none" stroke="currentColor" stroke-width="2.2" '
           'stroke-linecap="round"/></svg>'),
    False: ('<svg aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 16 16" '
            'style="vertical-align:-0.15em;color:var(--jp-error-color1, #D55E00)" data-icon="✗">'
            '<path d="M4 4 12 12M12 4 4 12" fill="none" stroke="currentColor" stroke-width="2.2" '
            'stroke-linecap="round"/></svg>'),
}


def is_number(value: Any) -> bool:
    """True for one real number (int, float, numpy scalar), False for bools and anything else.

    >>> is_number(3), is_number(2.5), is_number(True), is_number("3")
    (True, True, False, False)
    """
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def type_name(value: Any) -> str:
    """The type of ``value`` as a learner would name it in a message.

    >>> type_name("nine"), type_name([1, 2])
    ('str', 'list')
    """
    return type(value).__name__


def exercise(exercise_id: str, *, unanswered: str | None = None) -> Callable[[Checker], Checker]:
    """Register the decorated function as the checker for ``exercise_id`` (``lNN-name``).

    Args:
        exercise_id: the id notebooks pass to :func:`check`.
        unanswered: what to do when ``answer`` is still the starter's ``None``. When
            given, :func:`check` answers ``None`` with "`answer` is still None." and this
            hint, and the checker only ever sees real answers.

    >>> @exercise("l99-double", unanswered="Store 2 * 21 in `answer`.")
    ... def _double(answer):
    ...     return Verdict.ok("42.") if answer == 42 else Verdict.not_yet("multiply 2 by 21.")
    >>> check("l99-double", None)
    ✗ Not yet: `answer` is still None. Store 2 * 21 in `answer`.
    """

    def register(func: Checker) -> Checker:
        if unanswered is None:
            _REGISTRY[exercise_id] = func
            return func

        def checker(answer: Any) -> Verdict:
            if answer is None:
                return Verdict.not_yet(f"`answer` is still None. {unanswered}")
            return func(answer)

        _REGISTRY[exercise_id] = checker
        return func

    return register


def _load_lesson(exercise_id: str) -> None:
    """Import ``kzlessons.exercises.lNN`` for an id ``lNN-…`` (a missing module is simply not there)."""
    lesson = exercise_id.split("-", 1)[0]
    if exercise_id in _REGISTRY or not _LESSON_MODULE.match(lesson):
        return
    module = f"{__name__}.{lesson}"
    try:
        importlib.import_module(module)
    except ModuleNotFoundError as error:
        if error.name != module:  # a lesson module that exists but lacks a dependency: say so
            raise


def ids() -> list[str]:
    """Every registered exercise id (loads all lesson modules).

    >>> "l02-hhi-by-year" in ids()
    True
    """
    for info in pkgutil.iter_modules(__path__):
        if _LESSON_MODULE.match(info.name):
            _load_lesson(f"{info.name}-")
    return sorted(_REGISTRY)


def check(exercise_id: str, answer: Any) -> Verdict:
    """Check a learner's ``answer`` to the exercise ``exercise_id``.

    Never raises for an odd answer: a checker that crashes still gives a verdict.
    An unknown ``exercise_id`` raises :class:`ExerciseNotFound` (a ``KeyError``)
    listing the known ids.

    >>> check("l01-count-integration", [9])  # doctest: +ELLIPSIS
    ✗ Not yet: `answer` should be a whole number, but it is a list. ...
    """
    if isinstance(exercise_id, str):
        _load_lesson(exercise_id)
    checker = _REGISTRY.get(exercise_id) if isinstance(exercise_id, str) else None
    if checker is None:
        raise ExerciseNotFound(
            f"No exercise called {exercise_id!r}. Check the id in the cell above; "
            f"known exercises: {', '.join(ids())}."
        )
    from ..data import DataFileError

    try:
        verdict = checker(answer)
    except DataFileError as error:  # the module's own data is broken, not the learner's answer
        return Verdict.not_yet(f"the check could not load the data it compares with. {error}")
    except Exception:  # a learner's odd answer must never crash the check
        # The learner sees a sentence, not Python internals; the details go to the log.
        _LOG.debug("checker %s failed on a %s answer", exercise_id, type_name(answer), exc_info=True)
        return Verdict.not_yet(
            f"the check could not read your answer (the type {type_name(answer)}, in a shape it "
            "does not expect). Compare its type and shape with what the exercise asks for, or start again "
            "from the starter code."
        )
    verdict = verdict if isinstance(verdict, Verdict) else Verdict.not_yet(str(verdict))
    return _stored(exercise_id, answer, verdict)


def _stored(exercise_id: str, answer: Any, verdict: Verdict) -> Verdict:
    """Store the verdict in the learner's progress (not for the starter's ``None``); say so if it failed."""
    if answer is None:
        return verdict
    problem = _record_exercise(exercise_id, verdict.passed, verdict.message)
    return verdict if problem is None else Verdict(verdict.passed, f"{verdict.message} {problem}")
