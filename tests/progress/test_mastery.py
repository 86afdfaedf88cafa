"""Tests for kzlessons/progress/mastery.py (pure per-lesson mastery) and dashboard.py (the view)."""

from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser

import kzlessons as kz
from kzlessons.charts.palette import CATEGORY_COLOURS
from kzlessons.progress import mastery

T = "2025-03-01T10:{:02d}:00+00:00"
BANK = {"l00-a": "00", "l00-b": "00", "l00-c": "00", "l00-d": "00", "l01-a": "01"}


def test_latest_first_try_and_shown_are_counted_per_question():
    """Are latest-right, first-try-right and shown counted once per question, over the lesson's bank,
    ignoring resets, unknown kinds, unreadable times and other lessons' questions?"""
    rows = [
        {"question_id": "l00-a", "correct": True, "time": T.format(1)},    # right first time
        {"question_id": "l00-a", "correct": True, "time": T.format(2)},
        {"question_id": "l00-b", "correct": True, "time": T.format(3)},    # right, then wrong: latest wrong
        {"question_id": "l00-b", "correct": False, "time": T.format(4)},
        {"question_id": "l00-c", "correct": False, "time": T.format(5)},   # wrong, shown, then right
        {"question_id": "l00-c", "kind": "shown", "correct": False, "time": T.format(6)},
        {"question_id": "l00-c", "correct": True, "time": T.format(7)},
        {"question_id": "l00-c", "kind": "reset", "correct": False, "time": T.format(8)},
        {"question_id": "l00-d", "kind": "future", "correct": True, "time": T.format(9)},
        {"question_id": "l01-a", "kind": "shown", "correct": False, "time": T.format(11)},  # shown, then right:
        {"question_id": "l01-a", "correct": True, "time": T.format(12)},                   # not first try
        {"question_id": "l00-d", "correct": True, "time": "not a time"},
        {"question_id": "l09-x", "correct": True, "time": T.format(10)},
    ]
    l00, l01 = mastery.lessons(rows, BANK)
    assert (l00["questions"], l00["attempted"], l00["latest_right"], l00["first_try_right"], l00["shown"]) == \
        (4, 3, 2, 2, 1)
    assert (l00["latest_right_share"], l00["first_try_right_share"], l00["shown_share"]) == (0.5, 0.5, 0.25)
    assert l01 == {"lesson": "01", "questions": 1, "attempted": 1, "latest_right": 1, "first_try_right": 0,
                   "shown": 1, "latest_right_share": 1.0, "first_try_right_share": 0.0, "shown_share": 1.0,
                   "exercises": 0, "exercises_passed": 0}


def test_store_order_decides_first_and_latest_not_the_clock():
    """R2-C2: when the clock goes back between a wrong and a right answer, is the right one still the latest
    (and the wrong one the first try), as the quiz widget shows it?"""
    rows = [
        {"question_id": "l00-a", "correct": False, "time": T.format(30)},   # wrong at 10:30
        {"question_id": "l00-a", "correct": True, "time": T.format(5)},     # right, clock back to 10:05
        {"question_id": "l00-b", "correct": True, "time": T.format(40)},    # right at 10:40,
        {"question_id": "l00-b", "kind": "shown", "correct": False, "time": T.format(1)},  # shown after it
    ]
    (l00, _l01) = mastery.lessons(rows, BANK)
    assert (l00["attempted"], l00["latest_right"], l00["first_try_right"], l00["shown"]) == (2, 2, 1, 1)
    (reordered, _l01) = mastery.lessons(rows[::-1], BANK)  # another order is another history
    assert (reordered["latest_right"], reordered["first_try_right"]) == (1, 1)


class _Cells(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def test_dashboard_chart_table_text_and_review(kz_home):
    """Does the dashboard give a palette-coloured chart with a text description, an accessible HTML
    table (caption, header cells with scope) with a plain-text twin, and the questions to review next?"""
    kz.progress.record("l00-area", "5")
    kz.progress.record("l00-area", "2724900")
    kz.quiz.ask("l00-what-check-does").show_button.click()
    now = dt.datetime.now(dt.timezone.utc)
    d = kz.progress.dashboard(now=now)
    l00 = d.table.set_index("lesson").loc["00"]
    assert (l00["latest_right"], l00["first_try_right"], l00["shown"]) == (1, 0, 1)
    spec = d.chart.to_dict()
    assert spec["description"] == d.description and "Lesson 00 · Start here: 20% latest right" in d.description
    colours = json.dumps(spec)
    assert all(CATEGORY_COLOURS[i] in colours for i in (0, 2, 4))
    assert [p.question_id for p in d.next_up] == ["l00-what-check-does"]
    data = d._repr_mimebundle_()  # what a static page shows (IPython displays the chart first)
    assert ("“What happens when you press Check on a quiz in these lessons?” (lesson 00, you asked to see "
            "the answer") in data["text/plain"] and "l00-what-check-does" not in data["text/plain"]
    cells = _Cells()
    cells.feed(data["text/html"])
    tags = [t for t, _ in cells.tags]
    assert "table" in tags and "caption" in tags and tags.count("tr") == 1 + len(d.rows)
    assert "Lesson 00 · Start here" in cells.text and "Lesson 07 · Reading the analysts" in cells.text
    assert all(a.get("scope") in ("col", "row") for t, a in cells.tags if t == "th")
    assert "20% (1)" in "".join(cells.text) and "<script" not in data["text/html"]


def test_chart_labels_hide_zeros_and_name_lessons(kz_home):
    """UX-20: does the chart name each lesson by number and title, label only the bars above 0% (and the
    main measure of a lesson already started), and say "not started yet" once for an untouched lesson?"""
    kz.progress.record("l00-area", "5")                     # lesson 00: answered, wrong
    kz.progress.record("l01-russia-border", "7,548")        # lesson 01: right first time
    spec = kz.progress.dashboard().chart.to_dict()
    (values,) = spec["datasets"].values()
    labels = {}
    for v in values:
        labels.setdefault(v["lesson"], []).append(v["label"])
    assert labels["Lesson 00 · Start here"] == ["0% latest answer right", "", ""]
    right, first, shown = labels["Lesson 01 · What is multi-vectorism?"]
    assert right.endswith("% latest answer right") and first.endswith("% right on the first try") and shown == ""
    assert not right.startswith("0%") and right.split()[0] == first.split()[0]
    assert all(labels[f"Lesson {m['id']} · {m['title']}"] == ["", "not started yet", ""]
               for m in kz.lesson.lessons()[2:])


def test_review_next_names_questions_by_a_short_prompt(kz_home):
    """UX-20: does "Review next" show each question by its prompt, cut at a word when long, not by its id?"""
    from kzlessons.progress import mastery_view

    kz.progress.record("l00-area", "5")
    d = kz.progress.dashboard()
    (line,) = d._next_sentences()
    assert line.startswith("“About how large is Kazakhstan? Give its area in square kilometres") and "…”" in line
    assert len(line.split("”")[0]) <= mastery_view.PROMPT_CHARS + 1 and "l00-area" not in line
    assert mastery_view.shorten("**Bold** `code`  and\nmore") == "Bold code and more"


def test_dashboard_counts_exercises_passed(kz_home):
    """Does the dashboard's table give each lesson's exercises passed (of its exercises), in all three views?"""
    events = kz.data.load("events")
    kz.exercises.check("l00-events-2022", len(events[events["year"] == 2022]))
    d = kz.progress.dashboard()
    l00 = d.table.set_index("lesson").loc["00"]
    assert (l00["exercises"], l00["exercises_passed"], l00["title"]) == (1, 1, "Start here")
    assert "1 of 1" in d.text and "1 of 1" in d._repr_html_()


def test_dashboard_for_a_new_learner_offers_lesson_00(kz_home):
    """With no attempts, does the dashboard still draw (all 0%) and say to start with lesson 00?"""
    d = kz.progress.dashboard()
    assert all(r["attempted"] == 0 for r in d.rows) and "lesson 00" in d.text.lower()
    assert "not answered any quiz question yet" in d.description


def test_dashboard_displays_the_chart_then_the_table_offline(kz_home):
    """In IPython, does displaying it send the offline Vega-Lite chart and then the table (no scripts, no URLs)?"""
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    from kzlessons.charts.render import MIMETYPE, remote_references

    InteractiveShell.instance()  # a shell for display()
    kz.progress.record("l00-area", "2724900")
    with capture_output() as captured:
        from IPython.display import display

        display(kz.progress.dashboard())
    kinds = [set(o.data) for o in captured.outputs]
    assert MIMETYPE in kinds[0] and {"text/html", "text/plain"} <= kinds[1]
    assert remote_references(captured.outputs[0].data) == [] and "<script" not in captured.outputs[1].data["text/html"]


def test_static_mode_draws_the_chart_as_a_picture_with_alt_text(kz_home):
    """In static mode (the course site, nbconvert), is the chart an SVG picture whose alt text is its
    description, like every other chart, rather than the interactive chart's preview PNG?"""
    from kzlessons import _mode

    d = kz.progress.dashboard()
    try:
        _mode.set_static(True)
        data, metadata = d.chart_bundle()
    finally:
        _mode.set_static(None)  # back to the environment's choice
        kz.setup()
    assert set(data) == {"text/html", "text/plain"} and metadata == {}
    assert "data:image/svg+xml;base64," in data["text/html"] and 'alt="Bars for 8 lessons' in data["text/html"]


def test_unreadable_store_is_said_not_hidden(kz_home):
    """When the store cannot be read, does the dashboard say so in a sentence and still draw?"""
    (kz_home / "progress" / "attempts.jsonl").mkdir(parents=True)
    d = kz.progress.dashboard()
    assert "could not be read" in d.text and "numbers below are empty" in d.problem


def test_exercises_passed_per_lesson():
    """UX-8: does each lesson count its exercises and those passed at least once (never as quiz answers)?"""
    rows = [{"question_id": "l00-ex", "lesson": "00", "kind": "exercise", "correct": False, "time": T.format(1)},
            {"question_id": "l00-ex", "lesson": "00", "kind": "exercise", "correct": True, "time": T.format(2)}]
    l00, l01 = mastery.lessons(rows, BANK, {"l00-ex": "00", "l00-ex2": "00", "l01-ex": "01"})
    assert (l00["exercises"], l00["exercises_passed"], l00["attempted"]) == (2, 1, 0)
    assert (l01["exercises"], l01["exercises_passed"]) == (1, 0)
