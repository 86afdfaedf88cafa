"""Self-check quizzes: questions as data, graded by pure Python, shown as widgets.

>>> import kzlessons as kz
>>> "l00-area" in kz.quiz.ids(lesson="00")
True
>>> q = kz.quiz.get("l00-area")
>>> q.unit
'km²'
>>> q.check("2,700,000").correct
True
>>> q.check(float("nan")).feedback
'That is not a finite number. Type one number in km², then press Check.'

Importing this package (and ``get``/``check``) never imports ipywidgets; only
:func:`ask` does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .bank import BankError, load_all, load_lesson
from .bank import find as _find
from .model import Option, Question, Result

if TYPE_CHECKING:  # pragma: no cover
    from .policy import Tracker
    from .widget import QuizWidget

__all__ = ["ids", "get", "ask", "Question", "Option", "Result", "BankError"]


def ids(lesson: str | int | None = None) -> list[str]:
    """Question ids in bank order: all lessons, or one lesson (``"02"`` or ``2``).

    >>> ids(lesson="00")[0]
    'l00-what-check-does'
    """
    if lesson is None:
        return list(load_all())
    return [q.id for q in load_lesson(lesson)]


def get(qid: str) -> Question:
    """The :class:`Question` with this id (raises ``KeyError`` saying what to do).

    >>> get("l00-what-check-does").check("b")
    Result(correct=True, score=1.0, feedback='Correct.')
    """
    return _find(qid)


def ask(qid: str, *, display: bool = False, tracker: Tracker | None = None) -> QuizWidget | Any:
    """Show question ``qid`` as an interactive widget with a static fallback.

    Returns the widget; as the last expression of a cell it displays itself,
    carrying the widget view plus ``text/html`` (question, collapsed answer)
    and a deterministic ``text/plain`` for GitHub, nbviewer and nbval. Pass
    ``display=True`` to display it immediately (e.g. inside a loop).
    The learner's last answer for this question is restored from the
    progress store, and every Check, Show answer and Reset is stored there
    (``tracker`` replaces the store, e.g. in tests; see :mod:`.policy`). The
    store's tracker comes from the package root (``kzlessons._quiz_tracker``):
    this package never imports :mod:`kzlessons.progress`, which imports it.

    In static mode (``KZLESSONS_STATIC=1`` or ``kz.setup(static=True)``) it returns a
    :class:`~kzlessons.quiz.static.StaticQuiz` instead: the question as HTML answered in
    the page by a small shipped script, for nbconvert exports and the course site.

    Under assessment mode (:mod:`.assessment`) a question whose results are not released yet
    saves answers without showing whether they are right; in static mode it is shown without
    its answer, saying that it is answered in Jupyter.
    """
    from .._mode import static_enabled
    from .assessment import load

    config = load()
    if static_enabled():
        from .static import StaticQuiz

        quiz: Any = StaticQuiz(get(qid), config.status(qid))
        if display:
            from IPython.display import display as _display

            _display(quiz)
        return quiz
    from .widget import QuizWidget

    if tracker is None:
        from .. import _quiz_tracker

        tracker = _quiz_tracker()
    widget = QuizWidget(get(qid), tracker=tracker, assessment=config)
    if display:
        from IPython.display import display as _display

        _display(widget)
    return widget
