"""Which questions to review, by a simple Leitner schedule (pure: no I/O, no widgets, no clock).

Every question the learner has met sits in one of five **boxes**. Replaying the
stored history of a question in the order it was stored (never re-sorted by
time, so first, latest and every box move follow the store's sequence):

* a wrong or partly right answer, or pressing *Show answer*, puts it in box 1;
* a right answer moves it up one box (a first right answer puts it in box 2),
  but only when the question was **due** at the time: answering again a
  question that is not due yet (re-checking in the same sitting) does not
  move it; *Reset* changes nothing.

A question in box *b* is due again :data:`INTERVALS` [*b*] after it was last
seen: box 1 at once, box 2 after a day, box 3 after 3 days, box 4 after a week,
box 5 after 3 weeks. A review asks the due questions, box 1 first (most often
wrong or shown), then the ones that waited longest past their date.

Times say only *how long ago*. When a row's time is earlier than that of a row
stored before it for the same question (the computer's clock went back), it
still comes after that row, and the question counts as seen at the later of
the two times: ``last_seen`` is the latest time stored for the question so far,
so a question is never due earlier than its history says, and a right answer
given after a wrong one still moves it up. Likewise a ``now`` earlier than
``last_seen`` counts as ``last_seen``: a question in box 1 is due at once.

With ``before="03"`` the review draws from lessons earlier than 03 and counts a
question never seen as due (box 0), so the recap at the end of a lesson works
for a learner who skipped earlier lessons; when fewer than ``n`` are due, it
asks the questions seen longest ago ("early"), so a recap is never empty.

>>> import datetime as dt
>>> t = lambda day: dt.datetime(2025, 3, day, 10, tzinfo=dt.timezone.utc).isoformat()
>>> rows = [{"question_id": "l00-a", "lesson": "00", "correct": False, "time": t(1)},
...         {"question_id": "l00-a", "lesson": "00", "correct": True, "time": t(1)},
...         {"question_id": "l00-b", "lesson": "00", "correct": False, "time": t(1)}]
>>> bank = {"l00-a": "00", "l00-b": "00", "l00-c": "00", "l01-a": "01"}
>>> now = dt.datetime(2025, 3, 1, 12, tzinfo=dt.timezone.utc)
>>> [(p.question_id, p.box, p.why) for p in select(rows, bank, 5, now=now)]
[('l00-b', 1, 'wrong')]
>>> [p.question_id for p in select(rows, bank, 5, now=now + dt.timedelta(days=1))]
['l00-b', 'l00-a']
>>> [(p.question_id, p.why) for p in select(rows, bank, 2, before="01", now=now)]
[('l00-b', 'wrong'), ('l00-c', 'new')]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["INTERVALS", "Card", "Pick", "cards", "select", "lesson_ids", "parse_time"]

#: box -> how long after it was last seen a question in that box is due again.
INTERVALS: dict[int, dt.timedelta] = {
    1: dt.timedelta(0),
    2: dt.timedelta(days=1),
    3: dt.timedelta(days=3),
    4: dt.timedelta(days=7),
    5: dt.timedelta(days=21),
}
TOP_BOX = max(INTERVALS)


def parse_time(text: Any) -> dt.datetime | None:
    """A stored ISO time as an aware UTC datetime (None when unreadable; naive times are UTC).

    >>> parse_time("2025-03-01T10:00:00+05:00").hour, parse_time("not a time")
    (5, None)
    """
    if not isinstance(text, str):
        return None
    try:
        stamp = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.timezone.utc)
    return stamp.astimezone(dt.timezone.utc)


@dataclass(frozen=True)
class Card:
    """Where one question stands.

    Attributes:
        question_id, lesson: the question.
        box: 1–5 (0 = never seen).
        last_seen: when it was last answered or shown (None if never): the latest
            time stored for it up to its last row (see the module docs).
        last: what happened last: ``"right"``, ``"wrong"``, ``"partial"``, ``"shown"`` or ``""``.
        shown: how many times the answer was shown.
    """

    question_id: str
    lesson: str
    box: int = 0
    last_seen: dt.datetime | None = None
    last: str = ""
    shown: int = 0

    @property
    def due_at(self) -> dt.datetime | None:
        """When it is due again (None: never seen, so due whenever it is offered)."""
        return None if self.last_seen is None else self.last_seen + INTERVALS[self.box]

    def is_due(self, now: dt.datetime) -> bool:
        """Due at ``now`` (a never-seen card counts as due).

        A ``now`` earlier than ``last_seen`` (the clock went back) counts as
        ``last_seen``, so a card in box 1 is still due at once.
        """
        due = self.due_at
        return due is None or due <= max(now, self.last_seen)


@dataclass(frozen=True)
class Pick:
    """One question chosen for review and why.

    ``why`` is ``"wrong"`` (last answer wrong or partly right), ``"shown"`` (the
    answer was shown), ``"due"`` (right before, and its box's interval has
    passed), ``"new"`` (never seen; only with ``before``) or ``"early"`` (not
    due yet; asked so that a recap is never empty).
    """

    question_id: str
    lesson: str
    box: int
    why: str
    last_seen: dt.datetime | None = None

    def reason(self, now: dt.datetime) -> str:
        """Why it was chosen, as a short phrase for the learner.

        >>> now = dt.datetime(2025, 3, 9, tzinfo=dt.timezone.utc)
        >>> Pick("l01-x", "01", 2, "due", now - dt.timedelta(days=8)).reason(now)
        'lesson 01, last answered right 8 days ago'
        """
        where = f"lesson {self.lesson}"
        ago = _ago(now - self.last_seen) if self.last_seen else ""
        return {
            "wrong": f"{where}, not yet right when you last tried it{', ' + ago if ago else ''}",
            "shown": f"{where}, you asked to see the answer{', ' + ago if ago else ''}",
            "due": f"{where}, last answered right {ago}",
            "new": f"{where}, a question you have not answered yet",
            "early": f"{where}, last seen {ago}",
        }[self.why]


def _ago(delta: dt.timedelta) -> str:
    days = delta.days
    if days >= 1:
        return f"{days} day{'s' if days != 1 else ''} ago"
    hours = int(delta.total_seconds() // 3600)
    if hours >= 1:
        return f"{hours} hour{'s' if hours != 1 else ''} ago"
    return "just now"


def _kind(row: Mapping[str, Any]) -> str:
    kind = row.get("kind", "attempt")
    return kind if isinstance(kind, str) else "other"


def cards(rows: Iterable[Mapping[str, Any]], bank: Mapping[str, str]) -> dict[str, Card]:
    """One :class:`Card` per question of ``bank`` (question id -> lesson), from rows in stored order.

    Rows for questions not in ``bank``, rows of unknown kinds and rows with an
    unreadable time are ignored. A time earlier than the question's ``last_seen``
    counts as ``last_seen`` (see the module docs).
    """
    state = {qid: Card(qid, lesson) for qid, lesson in bank.items()}
    for row in rows:
        qid, kind, when = row.get("question_id"), _kind(row), parse_time(row.get("time"))
        if qid not in state or when is None or kind not in ("attempt", "shown"):
            continue
        card = state[qid]
        if card.last_seen is not None:
            when = max(when, card.last_seen)  # the clock went back: not earlier than a row stored before
        if kind == "shown":
            box, last, shown = 1, "shown", card.shown + 1
        elif row.get("correct") is True:
            box = min(max(card.box, 1) + 1, TOP_BOX) if card.is_due(when) else card.box
            last, shown = "right", card.shown
        else:
            score = row.get("score")
            partial = isinstance(score, (int, float)) and not isinstance(score, bool) and score > 0
            box, last, shown = 1, "partial" if partial else "wrong", card.shown
        state[qid] = Card(qid, card.lesson, box, when, last, shown)
    return state


def lesson_ids(value: str | int | Sequence[str | int] | None, what: str = "lessons") -> set[str] | None:
    """Normalise lesson ids (``"02"``, ``2``, or a list of them) to two-digit strings.

    >>> sorted(lesson_ids([0, "3"])), lesson_ids(None)
    (['00', '03'], None)
    """
    if value is None:
        return None
    items = [value] if isinstance(value, (str, int)) else list(value)
    out = set()
    for item in items:
        text = str(item).strip()
        if isinstance(item, bool) or not text.isdigit() or len(text) > 2:
            raise ValueError(f"{what} takes lesson numbers such as \"03\" or 3, not {item!r}.")
        out.add(text.zfill(2))
    return out


def select(rows: Iterable[Mapping[str, Any]], bank: Mapping[str, str], n: int = 5, *,
           lessons: str | int | Sequence[str | int] | None = None, before: str | int | None = None,
           now: dt.datetime) -> list[Pick]:
    """Up to ``n`` questions to review at ``now`` (see the module docs for the schedule).

    ``bank`` maps every question id to its lesson, in bank order (that order
    breaks ties). ``lessons`` keeps only those lessons; ``before`` keeps lessons
    earlier than it and also offers never-seen questions.
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise ValueError(f"n is how many questions to ask, a whole number such as 5, not {n!r}.")
    keep = lesson_ids(lessons)
    limit = None if before is None else min(lesson_ids(before, "before") or {"00"})
    if now.tzinfo is None:
        now = now.replace(tzinfo=dt.timezone.utc)
    order = {qid: i for i, qid in enumerate(bank)}
    chosen_bank = {qid: lesson for qid, lesson in bank.items()
                   if (keep is None or lesson in keep) and (limit is None or lesson < limit)}
    state = cards(rows, chosen_bank)
    seen = [c for c in state.values() if c.last_seen is not None]
    due = [c for c in seen if c.is_due(now)]

    def why(card: Card) -> str:
        if card.box == 1:
            return "shown" if card.last == "shown" else "wrong"
        return "due"

    # box 1 first, then the longest overdue; bank order breaks ties
    due.sort(key=lambda c: (c.box != 1, c.due_at - now if c.box != 1 else c.last_seen - now,
                            order[c.question_id]))
    picks = [Pick(c.question_id, c.lesson, c.box, why(c), c.last_seen) for c in due]
    if limit is not None:
        picks += [Pick(q.question_id, q.lesson, 0, "new") for q in _round_robin(
            [c for c in state.values() if c.last_seen is None], order)]
        if len(picks) < n:
            early = sorted((c for c in seen if not c.is_due(now)),
                           key=lambda c: (c.last_seen, order[c.question_id]))
            picks += [Pick(c.question_id, c.lesson, c.box, "early", c.last_seen) for c in early]
    return picks[:n]


def _round_robin(unseen: list[Card], order: Mapping[str, int]) -> list[Card]:
    """Never-seen questions, one per lesson in turn (latest lesson first), each lesson in bank order."""
    by_lesson: dict[str, list[Card]] = {}
    for card in sorted(unseen, key=lambda c: order[c.question_id]):
        by_lesson.setdefault(card.lesson, []).append(card)
    queues = [by_lesson[lesson] for lesson in sorted(by_lesson, reverse=True)]
    out: list[Card] = []
    while any(queues):
        for queue in queues:
            if queue:
                out.append(queue.pop(0))
    return out
