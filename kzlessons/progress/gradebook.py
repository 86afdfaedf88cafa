"""The gradebook: learners' handed-in progress files, re-graded, one row per learner and lesson.

:func:`build` reads the files (:mod:`.intake`: files, folders, an LMS's zip
download), re-grades every answer (:mod:`.handins`), decides which files are
one learner (:mod:`.linking`), places them on the roster when one is given
(:mod:`.roster`) and collects every note an instructor should read.
:func:`rows_of` makes the table; every column is defined in :data:`COLUMNS`
(also in ``kzlessons gradebook --help`` and the instructor guide). The command
itself is :mod:`.gradebook_cli`.

What an instructor can defend:

* **Re-graded.** Every answer is checked again against the current question
  bank; what a file claims is ignored (``regraded`` counts the differences).
* **One order.** Rows are taken in the order the learner's store kept them, so
  a clock that went back never turns wrong-then-right into right-first-time.
* **Who a row is** is decided from the files' learner ids and shared history,
  never from names; what cannot be decided becomes a note, not a guess.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from . import assessed, exercise_log, tables
from .cells import list_cell
from .handins import Grader, HandIn, read_hand_in
from .linking import link
from .roster import RosterEntry, matches_file, matches_id, matches_name
from .rows import is_attempt, kind_of

__all__ = ["COLUMNS", "STATUSES", "Learner", "Book", "build", "rows_of"]

#: Every gradebook column and what it means (one meaning per name, here and in ``--items``).
COLUMNS: dict[str, str] = {
    "learner": "the name: the roster's, else the one the learner typed into the file ('(no name)' if none)",
    "learner_id": "the random id of the learner's kzlessons store(s), ' + '-joined when several stores are one "
                  "learner; 'file:' and a hash for old files without an id; empty when not handed in",
    "files": "the files used for this learner, as a JSON list",
    "lesson": "the lesson (every lesson of the bank has a row, so a pivot has no gaps)",
    "status": "'answered' (a quiz answer or an exercise check in this lesson), 'handed in, nothing answered' (for "
              "this lesson), or 'not handed in' (roster only)",
    "questions": "questions in this lesson's bank",
    "attempted": "questions of this lesson answered at least once (recap answers in later lessons included)",
    "correct": "questions answered right at least once, also after Show answer (see 'shown')",
    "first_try_correct": "questions whose first answer was right, with no Show answer before it (a count)",
    "shown": "questions whose answer the learner revealed with Show answer before answering right (or never "
             "answering right): right answers there may be copied from the screen",
    "attempts": "answers given in this lesson's questions (retries included; Show answer and Reset are not answers)",
    "mean_best_score": "mean of the best score (0-1) over the attempted questions only; empty when none",
    "score_share": "best scores summed over all the lesson's questions, divided by their number (0-1)",
    "last_time": "time (UTC) of the learner's last answer in this lesson, in the store's order",
    "regraded": "answers whose claimed result the re-grading did not give (an edited file, or a changed answer key)",
    "exercises": "\"your turn\" pandas exercises in this lesson",
    "exercises_passed": "exercises whose check the learner passed at least once (self-reported: the learner's code "
                        "is not in the file, so it cannot be re-run)",
    **assessed.ASSESSED_COLUMNS,
}
STATUSES = ("answered", "handed in, nothing answered", "not handed in")
NO_NAME = "(no name)"


@dataclass
class Learner:
    """One row group of the gradebook: a learner's merged files (or a roster entry with none)."""

    key: str
    name: str | None = None
    files: list[str] = field(default_factory=list)
    attempts: dict[str, dict[str, Any]] = field(default_factory=dict)  # in store order
    regraded: dict[str, int] = field(default_factory=dict)  # lesson -> answers whose claim was wrong
    handed_in: bool = True

    @property
    def label(self) -> str:
        """The name to show (``(no name)`` when there is none)."""
        return self.name or NO_NAME


@dataclass
class Book:
    """What :func:`build` found: learners, rejected and partly used files, notes for the instructor."""

    learners: list[Learner]
    rejected: list[tuple[str, str]]
    notes: list[str]
    partly: list[tuple[str, str]] = field(default_factory=list)
    ignored_attempts: int = 0
    questions: dict[str, Any] = field(default_factory=dict)
    files_used: int = 0
    exercises: Mapping[str, str] = field(default_factory=dict)  # exercise id -> lesson

    @property
    def clean(self) -> bool:
        """True when every file and every attempt was used."""
        return not self.rejected and not self.partly


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _file_notes(h: HandIn) -> tuple[list[str], list[tuple[str, str]]]:
    """(notes, partly-used reasons) for one file."""
    notes, partly = [], []
    if h.unknown:
        ids = sorted(set(h.unknown))
        shown = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
        partly.append((h.label, f"{len(h.unknown)} attempt(s) at question id(s) not in this kzlessons's question "
                                f"bank were left out: {shown}. The file may be from another version of the "
                                "lessons, or edited by hand; the rest of it was used."))
    if h.regraded:
        notes.append(f"{h.label}: {len(h.regraded)} attempt(s) claimed a result that re-grading does not give; "
                     "the re-graded result is used.")
    if h.ignored:
        notes.append(f"{h.label}: {_plural(h.ignored, 'row')} of a kind this kzlessons does not know were kept "
                     "in the file but not counted (an edited file, or one from a newer kzlessons).")
    if h.after_export:
        notes.append(f"{h.label}: {_plural(h.after_export, 'row')} are timed after the file says it was exported "
                     "(a computer clock that was wrong, or an edited file); the store's order is used, not the times.")
    return notes, partly


def _merge(files: Sequence[HandIn], key: str) -> Learner:
    learner = Learner(key, name=next((h.name for h in files if h.name), None), files=[h.label for h in files])
    regraded: set[str] = set()
    for h in files:  # most rows first: the longest history gives the order, others add what it lacks
        regraded |= h.regraded
        for row in h.rows:
            learner.attempts.setdefault(row["attempt_id"], row)
    for aid in regraded & learner.attempts.keys():
        lesson = learner.attempts[aid]["lesson"]
        learner.regraded[lesson] = learner.regraded.get(lesson, 0) + 1
    return learner


def _key(files: Sequence[HandIn]) -> str:
    keys = list(dict.fromkeys(h.learner_id or h.key for h in files))
    return " + ".join(keys)


def build(paths: Sequence[str], roster: Sequence[RosterEntry] | None = None,
          read: Callable[[Sequence[str]], Any] | None = None) -> Book:
    """Read, re-grade and group the files at ``paths`` (files, folders or zip archives); see the module docs.

    ``read`` replaces :func:`kzlessons.progress.intake.read_all` (for tests).
    """
    from .intake import read_all

    documents, rejected, notes = (read or read_all)(paths)
    grader = Grader()
    hand_ins: list[HandIn] = []
    partly: list[tuple[str, str]] = []
    for label, data, raw in documents:
        h = read_hand_in(label, data, raw, grader)
        more, part = _file_notes(h)
        notes += more
        partly += part
        hand_ins.append(h)
    linked = link(hand_ins)
    notes += linked.notes
    for h in hand_ins:  # the fingerprints were needed only to link; a class of 3,000 holds 300,000 of them
        h.history = frozenset()
    groups = [list(g) for g in linked.groups]
    learners: list[Learner]
    if roster:
        learners, roster_notes = _on_roster(groups, roster)
        notes += roster_notes
    else:
        learners = sorted((_merge(g, _key(g)) for g in groups),
                          key=lambda x: (x.name is None, x.label.casefold(), x.files[0]))
    questions = {k: v for k, v in grader.lookup.cache.items() if v is not None}  # type: ignore[attr-defined]
    return Book(learners, rejected, notes, partly, sum(len(h.unknown) for h in hand_ins), questions, len(hand_ins),
                grader.exercises)


def _roster_hits(files: Sequence[HandIn], roster: Sequence[RosterEntry]) -> tuple[int, list[int]]:
    """(evidence level 0 id / 1 file name / 2 typed name / 3 none, roster indices matched at that level)."""
    ids = [h.learner_id for h in files if h.learner_id]
    name = next((h.name for h in files if h.name), None)
    tests: list[Callable[[RosterEntry], bool]] = [
        lambda e: matches_id(e, ids),
        lambda e: any(matches_file(e, h.label) for h in files),
        lambda e: matches_name(e, name),
    ]
    for level, test in enumerate(tests):
        hits = [i for i, entry in enumerate(roster) if test(entry)]
        if hits:
            return level, hits
    return 3, []


def _on_roster(groups: list[list[HandIn]], roster: Sequence[RosterEntry]) -> tuple[list[Learner], list[str]]:
    notes: list[str] = []
    placed: dict[int, list[tuple[int, list[HandIn]]]] = {}
    unplaced: list[list[HandIn]] = []
    for files in groups:
        level, hits = _roster_hits(files, roster)
        labels = ", ".join(h.label for h in files)
        if len(hits) == 1:
            placed.setdefault(hits[0], []).append((level, files))
            continue
        if hits:
            names = ", ".join(repr(roster[i].learner) for i in hits)
            notes.append(f"{labels} match several roster rows ({names}); they are listed after the roster. Add a "
                         "'match' column to the roster that tells these learners apart.")
        else:
            notes.append(f"{labels} match no roster row; they are listed after the roster.")
        unplaced.append(files)
    learners: list[Learner] = []
    for index, entry in enumerate(roster):
        found = placed.get(index, [])
        if len(found) > 1 and any(level == 2 for level, _ in found):  # two learners typed this name: don't guess
            labels = "; ".join(", ".join(h.label for h in files) for _, files in found)
            notes.append(f"Several learners' files ({labels}) typed the name of roster row {entry.learner!r}, "
                         "so none was placed there; add a 'match' column (their login or learner id).")
            unplaced += [files for _, files in found]
            found = []
        if len(found) > 1:
            labels = "; ".join(", ".join(h.label for h in files) for _, files in found)
            notes.append(f"Files from {len(found)} kzlessons stores ({labels}) are placed under roster row "
                         f"{entry.learner!r} by their file names or ids; they are counted as one learner.")
        files = sorted((h for _, fs in found for h in fs), key=lambda h: -len(h.rows))
        learner = _merge(files, _key(files)) if files else Learner("", handed_in=False)
        learner.name = entry.learner
        learners.append(learner)
    extra = sorted((_merge(g, _key(g)) for g in unplaced), key=lambda x: (x.name is None, x.label.casefold()))
    return learners + extra, notes


# -- the table ----------------------------------------------------------------------------------


def _shown(rows: Iterable[Mapping[str, Any]]) -> set[str]:
    """Questions whose answer was shown before the first right answer (or with none right)."""
    shown: set[str] = set()
    right: set[str] = set()
    for row in rows:
        qid = row["question_id"]
        if is_attempt(row) and row["correct"]:
            right.add(qid)
        elif kind_of(row) == "shown" and qid not in right:
            shown.add(qid)
    return shown


def _lesson_row(lesson: str, questions: list[dict[str, Any]], shown: set[str], size: int | None) -> dict[str, Any]:
    if not questions:
        return {"lesson": lesson, "questions": size, "attempted": 0, "correct": 0, "first_try_correct": 0,
                "shown": len(shown), "attempts": 0, "mean_best_score": None, "score_share": 0.0 if size else None,
                "last_time": None}
    (row,) = tables.per_lesson(questions, {lesson: size} if size else {})
    best = sum(q["best_score"] for q in questions)
    return {**row, "shown": len(shown), "score_share": round(best / size, 4) if size else None}


def rows_of(book: Book) -> list[dict[str, Any]]:
    """The gradebook rows: one per learner and lesson of the bank (see :data:`COLUMNS`)."""
    try:
        sizes = tables.bank_sizes()
    except Exception:  # the gradebook works without the banks' totals
        sizes = {}
    lessons = sorted(set(sizes) | {r["lesson"] for x in book.learners for r in x.attempts.values()})
    out = []
    for learner in book.learners:
        rows = list(learner.attempts.values())
        per_question = tables.per_question(rows)
        shown = _shown(rows)
        checked = {r["lesson"] for r in rows if kind_of(r) == "exercise"}
        exercises = exercise_log.per_lesson(rows, book.exercises)
        graded = assessed.per_lesson(rows)
        for lesson in lessons:
            questions = [q for q in per_question if q["lesson"] == lesson]
            row = _lesson_row(lesson, questions, {q for q in shown if q[1:3] == lesson}, sizes.get(lesson))
            answered = questions or lesson in checked
            status = STATUSES[0] if answered else STATUSES[1] if learner.handed_in else STATUSES[2]
            out.append({"learner": learner.label, "learner_id": learner.key,
                        "files": list_cell(learner.files) if learner.files else "", **row, "status": status,
                        "regraded": learner.regraded.get(lesson, 0),
                        **exercises.get(lesson, {"exercises": 0, "exercises_passed": 0}),
                        **graded.get(lesson, {"assessed": 0, "assessed_correct": 0})})
    return out
