"""Lessons: their metadata, the header shown at the top of each, how long they take, and the syllabus.

Each notebook ``notebooks/NN_slug.ipynb`` stores its metadata under the notebook
metadata key ``kzlessons`` (see :mod:`.meta`). In a lesson: ``kz.lesson.header("02")``.
From a shell: ``kzlessons syllabus -o syllabus.md``.

====================== ============================================================
module                 what it holds
====================== ============================================================
:mod:`.meta`           reading and checking the metadata, finding lesson notebooks
                       (:func:`metadata`, :func:`problems`, :func:`lessons`)
:mod:`.header_view`    the lesson header (:func:`header`, :class:`Header`)
:mod:`.minutes`        the minutes rule (:func:`estimated_minutes`, :func:`workload` …)
:mod:`.syllabus_table` the syllabus table (:func:`syllabus`, :func:`syllabus_main`)
====================== ============================================================

Every name is importable from here, as before the split (``kz.lesson.X``).

>>> import kzlessons as kz
>>> kz.lesson.metadata("02")["id"], 15 <= kz.lesson.estimated_minutes("02") <= 60
('02', True)
"""

from __future__ import annotations

from .header_view import Header, header
from .meta import FIELDS, KEY, lessons, metadata, problems
from .minutes import (
    MAX_MINUTES_PER_EXERCISE,
    MINUTES_PER_CHART,
    MINUTES_PER_EXERCISE,
    MINUTES_PER_QUIZ,
    MINUTES_PER_SENTENCE,
    MINUTES_PER_SOLUTION_LINE,
    MINUTES_TOLERANCE,
    SENTENCES_IF_UNSTATED,
    SENTENCES_PER_PARAGRAPH,
    SOLUTION_LINES_IF_UNKNOWN,
    WORDS_PER_MINUTE,
    count_words,
    estimated_minutes,
    minutes_for,
    reflection_sentences,
    solution_lines,
    workload,
)
from .syllabus_table import syllabus, syllabus_main

__all__ = ["KEY", "FIELDS", "metadata", "problems", "lessons", "header", "Header", "syllabus", "syllabus_main",
           "estimated_minutes", "workload", "minutes_for", "count_words", "solution_lines",
           "reflection_sentences",
           # the minutes rule's constants (docs/ARCHITECTURE.md, "Minutes")
           "WORDS_PER_MINUTE", "MINUTES_PER_QUIZ", "MINUTES_PER_CHART", "MINUTES_PER_EXERCISE",
           "MINUTES_PER_SOLUTION_LINE", "MAX_MINUTES_PER_EXERCISE", "SOLUTION_LINES_IF_UNKNOWN",
           "MINUTES_PER_SENTENCE", "SENTENCES_PER_PARAGRAPH", "SENTENCES_IF_UNSTATED", "MINUTES_TOLERANCE"]
