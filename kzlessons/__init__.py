"""kzlessons: Jupyter lessons on Kazakhstan's multi-vector foreign policy.

The public surface is small and loads lazily, so ``import kzlessons`` is cheap
and has no side effects: submodules (and the heavy libraries behind them, such
as altair and ipywidgets) are imported the first time they are used.

>>> import kzlessons as kz
>>> "trade" in kz.data.names()
True
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: Submodules reachable as attributes, e.g. ``kz.data`` or ``kz.quiz``.
_SUBMODULES = ("data", "quiz", "progress", "charts", "metrics", "lesson", "exercises")

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from . import charts, data, exercises, lesson, metrics, progress, quiz


def _quiz_tracker() -> Any:
    """The tracker ``kz.quiz.ask`` gives a quiz when it is given none: the learner's progress store.

    :mod:`kzlessons.progress` imports :mod:`kzlessons.quiz`, never the reverse; this package
    root, which may import both, is where the quiz takes the store's tracker from.
    """
    from .progress.events import QuizTracker

    return QuizTracker()


def _record_exercise(exercise_id: str, passed: bool, message: str) -> str | None:
    """Store one ``kz.exercises.check`` result in the learner's progress; None, or a sentence if not saved.

    :mod:`kzlessons.exercises` never imports :mod:`kzlessons.progress`; like the quiz's
    tracker, the store reaches it through this package root.
    """
    from .progress.exercise_log import record_exercise

    return record_exercise(exercise_id, passed, message)


def setup(static: bool | None = None) -> None:
    """Prepare a notebook: offline chart rendering and the shared chart theme.

    Idempotent and quiet: call it at the top of every lesson.

    Args:
        static: ``True`` switches on static mode, for executing lessons to publish them
            (charts as SVG pictures with alt text, quizzes answerable in plain HTML with no
            kernel); ``False`` forces the interactive mode. The default ``None`` keeps the
            previous choice, else follows the environment variable ``KZLESSONS_STATIC=1``.
    """
    from .charts import setup as _setup

    _setup(static)


def check() -> bool:
    """Check this environment (versions, data, offline charts, widgets).

    Prints one plain sentence per problem and returns True when all is well.
    """
    from .checks import check as _check

    return _check()


def review(n: int = 5, *, lessons: Any = None, before: str | int | None = None, now: Any = None) -> Any:
    """A short quiz from your own history: questions you missed, asked to see, or have not seen for a while.

    ``before="03"`` draws from lessons earlier than 03 (and counts questions you
    have never seen as due, so a lesson's recap works for everyone); ``lessons``
    limits it to some lessons. The schedule (Leitner boxes) is described in
    :mod:`kzlessons.progress.review`; ``now`` replaces the clock, for tests.
    """
    from .progress.review_view import review as _review

    return _review(n, lessons=lessons, before=before, now=now)


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"module 'kzlessons' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_SUBMODULES])


__all__ = ["__version__", "setup", "check", "review", *_SUBMODULES]
