"""``kz.progress.dashboard()``: your mastery per lesson as a chart, a table and what to review next.

The chart (Vega-Lite through the project's offline renderer, the shared
Okabe–Ito palette, a text description) has three bars per lesson: the share of
the lesson's questions whose **latest answer is right**, answered **right on the
first try**, and whose **answer was shown**. Lessons are named by number and
title (from the lessons' metadata, :mod:`kzlessons.lesson`). Each bar above 0%
carries its percentage in words, so it reads without colour; a lesson not
started yet says so once instead of three "0%" labels. Below it comes the same
numbers as a table (``text/html`` with a plain-text twin), which is also what
GitHub, nbviewer and a static site show, then up to five questions due for
review, each by the start of its prompt (:mod:`kzlessons.progress.review`). The
numbers come from :mod:`kzlessons.progress.mastery`; nothing here is sent anywhere.

>>> lesson_name("00", {"00": "Start here"}), lesson_name("09", {})
('Lesson 00 · Start here', 'Lesson 09')
>>> shorten("Put these   steps of 1991–1992 in order, earliest first.", 30)
'Put these steps of 1991–1992…'
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from . import mastery, review

__all__ = ["Dashboard", "dashboard", "mastery_chart", "lesson_name", "shorten"]

#: measure column -> palette colour index (kzlessons.charts.palette.CATEGORY_COLOURS)
_COLOUR_INDEX = {"latest_right_share": 0, "first_try_right_share": 2, "shown_share": 4}
TITLE = "Your quiz mastery by lesson"
#: Longest prompt shown in "Review next" (characters; longer ones are cut at a word and end in "…").
PROMPT_CHARS = 90
NOT_STARTED = "not started yet"


def lesson_name(lesson: str, titles: dict[str, str]) -> str:
    """"Lesson 02 · Following the trade", or "Lesson 02" when the title is not known."""
    title = titles.get(lesson)
    return f"Lesson {lesson} · {title}" if title else f"Lesson {lesson}"


def shorten(text: str, limit: int = PROMPT_CHARS) -> str:
    """``text`` on one line, without Markdown emphasis marks, cut at a word to at most ``limit`` characters."""
    text = " ".join(str(text).replace("**", "").replace("`", "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:.–-")
    return f"{cut}…"


def lesson_titles() -> dict[str, str]:
    """Lesson id -> title from the lessons' metadata; {} when the notebooks cannot be read."""
    from ..lesson import lessons

    try:
        return {m["id"]: m["title"] for m in lessons() if m.get("id") and m.get("title")}
    except Exception:  # noqa: BLE001 - titles are a nicety: the numbers alone still read
        return {}


def question_prompts() -> dict[str, str]:
    """Question id -> prompt, from the banks."""
    from ..quiz import load_all

    return {qid: q.prompt for qid, q in load_all().items()}


def _exercises(row: dict[str, Any]) -> str:
    """"1 of 1" exercises passed, or "—" for a lesson without exercises."""
    n = row.get("exercises") or 0
    return f"{row.get('exercises_passed') or 0} of {n}" if n else "—"


def _started(row: dict[str, Any]) -> bool:
    return bool(row["attempted"] or row["shown"])


def _describe(rows: list[dict[str, Any]], titles: dict[str, str] | None = None) -> str:
    from ..charts.text import pct

    titles = titles or {}

    started = [r for r in rows if r["attempted"] or r["shown"]]
    total = sum(r["questions"] for r in rows)
    right = sum(r["latest_right"] for r in rows)
    if not started:
        return (f"Bars for {len(rows)} lessons ({total} questions): you have not answered any quiz "
                "question yet, so every bar is at 0%.")
    parts = [f"Bars for {len(rows)} lessons: for each, the share of its questions whose latest answer is "
             f"right, right on the first try, and whose answer was shown. Overall {right} of {total} "
             f"questions ({pct(right / total)}) have a right latest answer."]
    for r in started:
        parts.append(f"{lesson_name(r['lesson'], titles)}: {pct(r['latest_right_share'])} latest right, "
                     f"{pct(r['first_try_right_share'])} first try, {pct(r['shown_share'])} shown "
                     f"({r['attempted']} of {r['questions']} answered).")
    untouched = [r["lesson"] for r in rows if not (r["attempted"] or r["shown"])]
    if untouched:
        parts.append(f"Not started: lesson{'s' if len(untouched) > 1 else ''} {', '.join(untouched)}.")
    return " ".join(parts)


def _label(row: dict[str, Any], column: str, words: str) -> str:
    """A bar's label: its percentage in words; none for a 0% bar, except the main measure of a lesson
    already started, and "not started yet" once (level with the lesson's name) for a lesson not started."""
    from ..charts.text import pct

    measures = list(mastery.MEASURES)
    first = column == measures[0]
    if not _started(row):
        return NOT_STARTED if column == measures[len(measures) // 2] else ""
    return f"{pct(row[column])} {words}" if row[column] or first else ""


def mastery_chart(rows: list[dict[str, Any]], titles: dict[str, str] | None = None) -> Any:
    """The grouped bar chart of :func:`kzlessons.progress.mastery.lessons` rows (an altair chart);
    ``titles`` (lesson id -> title) names the lessons."""
    import altair as alt
    import pandas as pd

    from ..charts.palette import CATEGORY_COLOURS
    from ..charts.theme import WIDTH

    titles = titles or {}
    names = list(mastery.MEASURES.values())
    long = pd.DataFrame([
        {"lesson": lesson_name(r["lesson"], titles), "measure": words, "share": float(r[column]),
         "label": _label(r, column, words),
         "count": f"{r[column.removesuffix('_share')]} of {r['questions']} questions"}
        for r in rows for column, words in mastery.MEASURES.items()
    ])
    colours = [CATEGORY_COLOURS[_COLOUR_INDEX[c]] for c in mastery.MEASURES]
    y = alt.Y("lesson:N", title=None, sort=None, axis=alt.Axis(labelLimit=260))
    offset = alt.YOffset("measure:N", sort=names)
    tooltip = [alt.Tooltip("lesson:N", title="Lesson"), alt.Tooltip("measure:N", title="Measure"),
               alt.Tooltip("share:Q", title="Share of the lesson's questions", format=".0%"),
               alt.Tooltip("count:N", title="Questions")]
    base = alt.Chart(long)
    bars = base.mark_bar().encode(
        x=alt.X("share:Q", title="Share of the lesson's questions (%)", scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format="%")),
        y=y, yOffset=offset,
        color=alt.Color("measure:N", title="Measure", sort=names,
                        scale=alt.Scale(domain=names, range=colours)),
        tooltip=tooltip,
    )
    text = base.mark_text(align="left", dx=4, color="#222222", fontSize=11).encode(
        x="share:Q", y=y, yOffset=offset, text="label:N", tooltip=tooltip)
    from ..charts.common import _finish  # the helpers' finishing touches: fits its width, legend below

    return _finish((bars + text).properties(
        width=WIDTH - 120, height=alt.Step(14),
        title=alt.Title(TITLE, subtitle="Share of each lesson's questions: latest answer right, right on the "
                                        "first try, answer shown. From your own attempts on this computer."),
        description=_describe(rows, titles),
    ))


class Dashboard:
    """What :func:`dashboard` returns: displays a chart, then a table and what to review next.

    Attributes:
        rows: one dict per lesson (:func:`kzlessons.progress.mastery.lessons`).
        next_up: the :class:`~kzlessons.progress.review.Pick` list due for review now (up to 5).
        problem: a sentence when the store could not be read, else "".
        now: the time the dashboard was made for.
        titles: lesson id -> title (lessons without one are named by number).
        prompts: question id -> prompt, to name the questions to review (else their ids).
    """

    def __init__(self, rows: list[dict[str, Any]], next_up: list[review.Pick], problem: str = "",
                 now: dt.datetime | None = None, started: bool = True, *,
                 titles: dict[str, str] | None = None, prompts: dict[str, str] | None = None):
        self.rows = rows
        self.next_up = next_up
        self.problem = problem
        self.now = now or dt.datetime.now(dt.timezone.utc)
        self.started = started
        self.titles = titles or {}
        self.prompts = prompts or {}

    @property
    def table(self) -> Any:
        """The numbers as a pandas DataFrame (one row per lesson, with its ``title``)."""
        import pandas as pd

        columns = list(mastery.COLUMNS)
        columns.insert(columns.index("lesson") + 1, "title")
        return pd.DataFrame([{**r, "title": self.titles.get(r["lesson"], "")} for r in self.rows], columns=columns)

    @property
    def chart(self) -> Any:
        """The altair chart (see :func:`mastery_chart`)."""
        return mastery_chart(self.rows, self.titles)

    @property
    def description(self) -> str:
        """The chart's text alternative."""
        return _describe(self.rows, self.titles)

    def _next_sentences(self) -> list[str]:
        if not self.started:
            return ["You have not answered any quiz questions yet. Start with lesson 00 "
                    "(notebooks/00_start_here.ipynb)."]
        if not self.next_up:
            return ["Nothing is due for review now; kz.review() will say when something is."]
        return [f"“{shorten(self.prompts[p.question_id])}” ({p.reason(self.now)})" if p.question_id in self.prompts
                else f"{p.question_id}: {p.reason(self.now)}" for p in self.next_up]

    @property
    def text(self) -> str:
        """Everything as plain text: the description, the table and what to review next."""
        from ..charts.text import pct

        lines = [TITLE, ""]
        if self.problem:
            lines += [self.problem, ""]
        names = [lesson_name(r["lesson"], self.titles).removeprefix("Lesson ") for r in self.rows]
        width = max([len("lesson"), *map(len, names)]) + 1
        lines += [self.description, "",
                  f"{'lesson':<{width}}{'questions':>10}{'answered':>10}{'latest right':>14}{'first try':>11}"
                  f"{'shown':>7}{'exercises passed':>18}"]
        for name, r in zip(names, self.rows):
            lines.append(f"{name:<{width}}{r['questions']:>10}{r['attempted']:>10}"
                         f"{pct(r['latest_right_share']):>14}{pct(r['first_try_right_share']):>11}"
                         f"{pct(r['shown_share']):>7}{_exercises(r):>18}")
        lines += ["", "Review next (run kz.review() to answer them):" if self.next_up else "Review next:"]
        lines += [f"  - {s}" for s in self._next_sentences()]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from ..charts.text import pct

        cell = "style='padding:0.15em 0.6em;text-align:right;border-bottom:1px solid var(--jp-border-color2)'"
        head = "style='padding:0.15em 0.6em;text-align:right;border-bottom:2px solid var(--jp-border-color1)'"
        rows = "".join(
            f"<tr><th scope='row' {cell.replace('right', 'left')}>{escape(lesson_name(r['lesson'], self.titles))}</th>"
            f"<td {cell}>{r['questions']}</td><td {cell}>{r['attempted']}</td>"
            f"<td {cell}>{pct(r['latest_right_share'])} ({r['latest_right']})</td>"
            f"<td {cell}>{pct(r['first_try_right_share'])} ({r['first_try_right']})</td>"
            f"<td {cell}>{pct(r['shown_share'])} ({r['shown']})</td><td {cell}>{_exercises(r)}</td></tr>"
            for r in self.rows)
        columns = ["Lesson", "Questions", "Answered", "Latest answer right", "Right on the first try",
                   "Answer shown", "Exercises passed"]
        header = "".join(f"<th scope='col' {head.replace('right', 'left') if i == 0 else head}>{c}</th>"
                         for i, c in enumerate(columns))
        problem = f"<p role='status'>{escape(self.problem)}</p>" if self.problem else ""
        items = "".join(f"<li>{escape(s)}</li>" for s in self._next_sentences())
        return (
            "<div class='kzlessons-dashboard' style='color:var(--jp-content-font-color1)'>"
            f"{problem}<table style='border-collapse:collapse;margin:0.4em 0'>"
            f"<caption style='text-align:left;font-weight:600;padding-bottom:0.3em'>{escape(TITLE)} "
            "(share of each lesson's questions; counts in brackets)</caption>"
            f"<thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>"
            f"<p style='margin:0.5em 0 0.2em;font-weight:600'>Review next"
            f"{' (run kz.review() to answer them)' if self.next_up else ''}:</p><ul style='margin:0'>{items}</ul>"
            "</div>"
        )

    def _repr_mimebundle_(self, **_: Any) -> dict[str, str]:
        return {"text/plain": self.text, "text/html": self._repr_html_()}

    def chart_bundle(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """The chart's display data and metadata from the project's offline renderer, without
        vega-embed's actions menu (its icon-only ``<summary>`` has no name, which axe flags as serious;
        the table below carries the same numbers). In static mode (publishing: nbconvert, the course
        site) it is the SVG picture with the description as its alt text, as for every other chart."""
        from .._mode import static_enabled
        from ..charts.render import MIMETYPE, renderer, setup, static_renderer

        setup()  # the offline renderer and the shared theme
        if static_enabled():
            return static_renderer(self.chart.to_dict())
        data, metadata = renderer(self.chart.to_dict())
        options = dict(metadata.get(MIMETYPE, {}).get("embed_options", {}), actions=False)
        return data, {**metadata, MIMETYPE: {**metadata.get(MIMETYPE, {}), "embed_options": options}}

    def _ipython_display_(self) -> None:
        from IPython.display import display

        data, metadata = self.chart_bundle()
        display(data, metadata=metadata, raw=True)
        display(self._repr_mimebundle_(), raw=True)


def dashboard(*, now: dt.datetime | None = None) -> Dashboard:
    """Your mastery per lesson and what to review next (see the module docs); ``now`` is for tests."""
    from .. import exercises
    from .events import history, question_lessons, unreadable, without_withheld

    now = now or dt.datetime.now(dt.timezone.utc)
    problem = ""
    try:
        rows = history()
    except Exception as error:  # noqa: BLE001 - show what we can, and say why the rest is missing
        rows = []
        problem = f"{unreadable(error)} The numbers below are empty until it can be read again."
    bank = question_lessons(for_review=False)
    started = any(r.get("question_id") in bank for r in rows)
    rows, review_bank = without_withheld(rows, question_lessons())  # assessment mode: nothing before the release
    picks = review.select(rows, review_bank, 5, now=now)
    exercise_lessons = {eid: eid[1:3] for eid in exercises.ids()}
    return Dashboard(mastery.lessons(rows, bank, exercise_lessons), picks, problem, now, started,
                     titles=lesson_titles(), prompts=question_prompts())
