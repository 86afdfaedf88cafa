"""``kz.progress.dashboard()``: your mastery per lesson as a chart, a table and what to review next.

The chart (Vega-Lite through the project's offline renderer, the shared
Okabe–Ito palette, a text description) has three bars per lesson: the share of
the lesson's questions whose **latest answer is right**, answered **right on the
first try**, and whose **answer was shown**. Each bar carries its percentage in
words, so it reads without colour. Below it comes the same numbers as a table
(``text/html`` with a plain-text twin), which is also what GitHub, nbviewer and
a static site show, then up to five questions due for review
(:mod:`kzlessons.progress.review`). The numbers come from
:mod:`kzlessons.progress.mastery`; nothing here is sent anywhere.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from . import mastery, review

__all__ = ["Dashboard", "dashboard", "mastery_chart"]

#: measure column -> palette colour index (kzlessons.charts.palette.CATEGORY_COLOURS)
_COLOUR_INDEX = {"latest_right_share": 0, "first_try_right_share": 2, "shown_share": 4}
TITLE = "Your quiz mastery by lesson"


def _describe(rows: list[dict[str, Any]]) -> str:
    from ..charts.text import pct

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
        parts.append(f"Lesson {r['lesson']}: {pct(r['latest_right_share'])} latest right, "
                     f"{pct(r['first_try_right_share'])} first try, {pct(r['shown_share'])} shown "
                     f"({r['attempted']} of {r['questions']} answered).")
    untouched = [r["lesson"] for r in rows if not (r["attempted"] or r["shown"])]
    if untouched:
        parts.append(f"Not started: lesson{'s' if len(untouched) > 1 else ''} {', '.join(untouched)}.")
    return " ".join(parts)


def mastery_chart(rows: list[dict[str, Any]]) -> Any:
    """The grouped bar chart of :func:`kzlessons.progress.mastery.lessons` rows (an altair chart)."""
    import altair as alt
    import pandas as pd

    from ..charts.palette import CATEGORY_COLOURS
    from ..charts.text import pct
    from ..charts.theme import WIDTH

    names = list(mastery.MEASURES.values())
    long = pd.DataFrame([
        {"lesson": f"Lesson {r['lesson']}", "measure": words, "share": float(r[column]),
         "label": f"{pct(r[column])} {words}",
         "count": f"{r[column.removesuffix('_share')]} of {r['questions']} questions"}
        for r in rows for column, words in mastery.MEASURES.items()
    ])
    colours = [CATEGORY_COLOURS[_COLOUR_INDEX[c]] for c in mastery.MEASURES]
    y = alt.Y("lesson:N", title=None, sort=None)
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
    return (bars + text).properties(
        width=WIDTH - 120, height=alt.Step(14),
        title=alt.Title(TITLE, subtitle="Share of each lesson's questions: latest answer right, right on the "
                                        "first try, answer shown. From your own attempts on this computer."),
        description=_describe(rows),
    )


class Dashboard:
    """What :func:`dashboard` returns: displays a chart, then a table and what to review next.

    Attributes:
        rows: one dict per lesson (:func:`kzlessons.progress.mastery.lessons`).
        next_up: the :class:`~kzlessons.progress.review.Pick` list due for review now (up to 5).
        problem: a sentence when the store could not be read, else "".
        now: the time the dashboard was made for.
    """

    def __init__(self, rows: list[dict[str, Any]], next_up: list[review.Pick], problem: str = "",
                 now: dt.datetime | None = None, started: bool = True):
        self.rows = rows
        self.next_up = next_up
        self.problem = problem
        self.now = now or dt.datetime.now(dt.timezone.utc)
        self.started = started

    @property
    def table(self) -> Any:
        """The numbers as a pandas DataFrame (one row per lesson)."""
        import pandas as pd

        return pd.DataFrame(self.rows, columns=list(mastery.COLUMNS))

    @property
    def chart(self) -> Any:
        """The altair chart (see :func:`mastery_chart`)."""
        return mastery_chart(self.rows)

    @property
    def description(self) -> str:
        """The chart's text alternative."""
        return _describe(self.rows)

    def _next_sentences(self) -> list[str]:
        if not self.started:
            return ["You have not answered any quiz questions yet. Start with lesson 00 "
                    "(notebooks/00_start_here.ipynb)."]
        if not self.next_up:
            return ["Nothing is due for review now; kz.review() will say when something is."]
        return [f"{p.question_id}: {p.reason(self.now)}" for p in self.next_up]

    @property
    def text(self) -> str:
        """Everything as plain text: the description, the table and what to review next."""
        from ..charts.text import pct

        lines = [TITLE, ""]
        if self.problem:
            lines += [self.problem, ""]
        lines += [self.description, "",
                  f"{'lesson':<7}{'questions':>10}{'answered':>10}{'latest right':>14}{'first try':>11}{'shown':>7}"]
        for r in self.rows:
            lines.append(f"{r['lesson']:<7}{r['questions']:>10}{r['attempted']:>10}"
                         f"{pct(r['latest_right_share']):>14}{pct(r['first_try_right_share']):>11}"
                         f"{pct(r['shown_share']):>7}")
        lines += ["", "Review next (run kz.review() to answer them):" if self.next_up else "Review next:"]
        lines += [f"  - {s}" for s in self._next_sentences()]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from ..charts.text import pct

        cell = "style='padding:0.15em 0.6em;text-align:right;border-bottom:1px solid var(--jp-border-color2)'"
        head = "style='padding:0.15em 0.6em;text-align:right;border-bottom:2px solid var(--jp-border-color1)'"
        rows = "".join(
            f"<tr><th scope='row' {cell.replace('right', 'left')}>Lesson {escape(r['lesson'])}</th>"
            f"<td {cell}>{r['questions']}</td><td {cell}>{r['attempted']}</td>"
            f"<td {cell}>{pct(r['latest_right_share'])} ({r['latest_right']})</td>"
            f"<td {cell}>{pct(r['first_try_right_share'])} ({r['first_try_right']})</td>"
            f"<td {cell}>{pct(r['shown_share'])} ({r['shown']})</td></tr>"
            for r in self.rows)
        columns = ["Lesson", "Questions", "Answered", "Latest answer right", "Right on the first try",
                   "Answer shown"]
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
        the table below carries the same numbers)."""
        from ..charts.render import MIMETYPE, renderer, setup

        setup()  # the offline renderer and the shared theme
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
    from .events import history, question_lessons, unreadable

    now = now or dt.datetime.now(dt.timezone.utc)
    problem = ""
    try:
        rows = history()
    except Exception as error:  # noqa: BLE001 - show what we can, and say why the rest is missing
        rows = []
        problem = f"{unreadable(error)} The numbers below are empty until it can be read again."
    bank = question_lessons(for_review=False)
    started = any(r.get("question_id") in bank for r in rows)
    picks = review.select(rows, question_lessons(), 5, now=now)
    return Dashboard(mastery.lessons(rows, bank), picks, problem, now, started)
