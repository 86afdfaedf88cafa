"""``kz.review()``: a short quiz drawn from your own history (the view; the choice is in :mod:`.review`).

The questions are ordinary quiz widgets that start empty (a review asks again;
it does not show your last answer), and every answer is an ordinary attempt in
the store. The reason each question was chosen is shown above it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape
from typing import Any

import ipywidgets as widgets

from . import exercise_log
from . import review as schedule

__all__ = ["Review", "review", "NO_HISTORY", "NOTHING_DUE"]

NO_HISTORY = ("You have not answered any quiz questions yet, so there is nothing to review. "
              "Start with lesson 00 (notebooks/00_start_here.ipynb); after a few answers, "
              "kz.review() asks again the questions you missed and the ones you have not seen for a while.")
NOTHING_DUE = ("Nothing is due for review: every question you have met was answered right recently. "
               "Come back {when}, or review one lesson with kz.review(before=\"NN\").")
_MUTED = "color:var(--jp-content-font-color2);font-size:0.9em"


class Review(widgets.VBox):
    """The review: a sentence, then one quiz per chosen question (each with why it was chosen).

    Attributes:
        picks: the :class:`~.review.Pick` list, in the order asked.
        quizzes: the :class:`~kzlessons.quiz.widget.QuizWidget` of each pick.
        message: the sentence at the top (plain text).
    """

    def __init__(self, picks: Sequence[schedule.Pick], message: str, now: dt.datetime, **kwargs: Any):
        from ..quiz import get
        from ..quiz.widget import QuizWidget
        from .events import QuizTracker

        self.picks = list(picks)
        self.message = message
        tracker = QuizTracker()
        self.quizzes = [QuizWidget(get(p.question_id), tracker=tracker, fresh=True) for p in self.picks]
        self.reasons = [p.reason(now) for p in self.picks]
        children: list[widgets.Widget] = [widgets.HTML(
            f"<div class='kzlessons-review' style='color:var(--jp-content-font-color1)'>"
            f"<strong>Review.</strong> {escape(message)}</div>")]
        for reason, quiz in zip(self.reasons, self.quizzes):
            children.append(widgets.HTML(f"<div style='{_MUTED};margin-top:0.4em'>Why this one: "
                                         f"{escape(reason)}.</div>"))
            children.append(quiz)
        super().__init__(children=children, **kwargs)
        self.add_class("kzlessons-review")

    @property
    def question_ids(self) -> list[str]:
        """The ids of the questions asked."""
        return [p.question_id for p in self.picks]

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        from ..quiz import get, static

        lines = [f"Review. {self.message}"]
        html = [f"<p><strong>Review.</strong> {escape(self.message)}</p>"]
        for pick, reason in zip(self.picks, self.reasons):
            question = get(pick.question_id)
            lines += [f"Why this one: {reason}.", static.to_text(question)]
            html += [f"<p style='{_MUTED}'>Why this one: {escape(reason)}.</p>", static.to_html(question)]
        data: dict[str, Any] = {"text/plain": "\n".join(lines), "text/html": "".join(html)}
        if self._view_name is not None:
            data["application/vnd.jupyter.widget-view+json"] = {
                "version_major": 2, "version_minor": 0, "model_id": self._model_id}
        return data


def review(n: int = 5, *, lessons: str | int | Sequence[str | int] | None = None,
           before: str | int | None = None, now: dt.datetime | None = None) -> Review | Any:
    """A short quiz of up to ``n`` questions from your history (see :mod:`kzlessons.progress.review`).

    ``lessons`` draws only from these lessons; ``before="03"`` from lessons
    earlier than 03, counting questions you have never seen as due. ``now``
    (an aware datetime) replaces the clock, for tests.
    """
    from .events import history, question_lessons, unreadable, without_withheld

    now = now or dt.datetime.now(dt.timezone.utc)
    try:
        rows = history()
    except Exception as error:  # noqa: BLE001 - an unreadable store must not break a lesson's recap
        rows = []
        problem = f"{unreadable(error)} This review cannot use your history. "
    else:
        problem = ""
    rows, bank = without_withheld(rows, question_lessons())  # assessment mode: nothing before the release
    picks = schedule.select(rows, bank, n, lessons=lessons, before=before, now=now)
    if picks:
        count = f"{len(picks)} question{'s' if len(picks) != 1 else ''}"
        where = f" from lessons before {schedule.lesson_ids(before, 'before').pop()}" if before is not None else ""
        message = (f"{problem}{count}{where}, chosen from what you missed, asked to see, or have not "
                   "seen for a while. Answer from memory before you look anything up.")
    elif not any(r.get("question_id") in bank for r in rows):
        message = problem + NO_HISTORY
    else:
        upcoming = [c.due_at for c in schedule.cards(rows, bank).values() if c.due_at is not None]
        when = min(upcoming) if upcoming else None
        message = problem + NOTHING_DUE.format(
            when=f"after {when:%d %B %Y, %H:%M} UTC" if when and when > now else "later")
    scope = schedule.lesson_ids(lessons)
    revisit = exercise_log.to_revisit(rows, scope, schedule.lesson_ids(before, "before").pop() if before is not None else None)
    message = f"{message} {revisit}" if revisit else message
    from .._mode import static_enabled

    if static_enabled():  # publishing (nbconvert, the course site): answerable HTML, no widgets
        from ..quiz.static import StaticReview

        return StaticReview([p.question_id for p in picks], [p.reason(now) for p in picks], message)
    return Review(picks, message, now)
