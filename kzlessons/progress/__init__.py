"""Your quiz progress: every attempt recorded, summarised, exported and imported.

Attempts are kept under ``$KZLESSONS_HOME`` (default ``~/.kzlessons``) in an
append-only file (see :mod:`kzlessons.progress.store`). Nothing personal is
collected; an export carries a name only if you choose one with
:func:`set_learner`, and a random learner id (:func:`learner_id`, made once per
store) so an instructor's gradebook never mixes two learners up.

**Errors, for callers such as the quiz widget.**

* :func:`record` never raises for a store problem. It returns a
  :class:`Recorded` (a :class:`~kzlessons.quiz.model.Result` with two more
  attributes): ``saved`` is False when the attempt could not be stored, and
  ``problem`` is then a sentence saying why and what to do (the same text is
  also given as a :class:`StoreWarning`).
* The readers (:func:`attempts`, :func:`summary`, :func:`attempt_count`,
  :func:`last_attempt`, :func:`export_bytes`, :func:`export`,
  :func:`learner_id`) raise only :class:`StoreError`, an ``OSError`` whose
  message is a sentence, when the store cannot be read. A damaged store is not
  an error: it is set aside with a :class:`StoreWarning` and reading goes on.
* :func:`export` / :func:`export_bytes` raise :class:`ExportRefused` (a
  ``ValueError``) if the file would be larger than an import accepts, and
  ``ValueError`` for an empty file name; :func:`load_file` raises
  :class:`ImportRefused` for a file it will not import and :class:`StoreError`
  when the store cannot take the attempts (then nothing was imported).

Rows are dicts with the fields of :mod:`kzlessons.progress.rows`; an optional
``kind`` (default ``"attempt"``) marks events such as ``"shown"`` or
``"reset"``, which are kept but never counted as attempts.

>>> import os, tempfile, kzlessons as kz
>>> saved = os.environ.get("KZLESSONS_HOME")
>>> os.environ["KZLESSONS_HOME"] = tempfile.mkdtemp()   # a scratch store for this example
>>> result = kz.progress.record("l00-what-check-does", "b")
>>> result
Recorded(correct=True, score=1.0, feedback='Correct.', saved=True, problem=None)
>>> kz.progress.attempts()[["question_id", "correct"]].to_dict("records")
[{'question_id': 'l00-what-check-does', 'correct': True}]
>>> kz.progress.summary()[["question_id", "attempts", "first_try_correct", "best_score"]].to_dict("records")
[{'question_id': 'l00-what-check-does', 'attempts': 1, 'first_try_correct': True, 'best_score': 1.0}]
>>> kz.progress.attempt_count("l00-what-check-does"), kz.progress.last_attempt("l00-what-check-does")["answer"]
(1, 'b')
>>> _ = os.environ.pop("KZLESSONS_HOME") if saved is None else os.environ.update(KZLESSONS_HOME=saved)
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .exchange import ExportRefused, ImportRefused, ImportReport
from .identity import learner, learner_id, set_learner
from .recorded import Recorded
from .rows import REQUIRED_FIELDS, is_attempt, kind_of
from .store import StoreError, StoreWarning, advice, atomic_write, default_store, home, reason

if TYPE_CHECKING:  # pragma: no cover
    import altair
    import ipywidgets
    import pandas

    from ..hub.handin import HandedIn

__all__ = [
    "dashboard",
    "record",
    "attempts",
    "summary",
    "last_attempt",
    "attempt_count",
    "export",
    "export_bytes",
    "load_file",
    "download",
    "hand_in",
    "set_learner",
    "learner",
    "learner_id",
    "item_analysis",
    "item_chart",
    "gradebook_main",
    "home",
    "Recorded",
    "ImportRefused",
    "ImportReport",
    "ExportRefused",
    "StoreError",
    "StoreWarning",
]

EXPORT_NAME = "kzlessons-progress.json"
ATTEMPT_COLUMNS = ["attempt_id", "time", "lesson", "question_id", "answer", "correct", "score"]


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")


def record(qid: str, answer: Any, **fields: Any) -> Recorded:
    """Check ``answer`` to question ``qid``, store the attempt, and return a :class:`Recorded`.

    This is the one path for recording: the quiz widget calls it too. It never
    raises for a store problem: if the attempt cannot be written (a full or
    read-only disk), the result still comes back with ``saved=False`` and a
    sentence in ``problem``, also given as a :class:`StoreWarning`.

    Extra keyword ``fields`` are stored with the attempt (JSON values, e.g.
    ``kind="shown"`` for an event that is not an answer; see :mod:`.rows`).
    An unknown question id raises ``KeyError`` naming ``kz.quiz.ids()``.
    """
    from ..quiz import get

    clash = sorted(set(fields) & set(REQUIRED_FIELDS) | set(fields) & {"answer"})
    if clash:
        raise ValueError(f"record() sets {', '.join(clash)} itself; pass only extra fields such as kind='shown'.")
    question = get(qid)
    result = question.check(answer)
    row = {
        "attempt_id": uuid.uuid4().hex,
        "question_id": question.id,
        "lesson": question.lesson,
        "answer": question.answer_to_store(answer),
        "correct": bool(result.correct),
        "score": float(result.score),
        "time": _now(),
        **fields,
    }
    try:
        default_store().append([row])
    except (OSError, ValueError) as error:
        why = reason(error) if isinstance(error, OSError) else str(error)
        problem = f"Your answer was checked but could not be saved ({why}). {advice(error, home())}"
        warnings.warn(problem, StoreWarning, stacklevel=2)
        return Recorded.of(result, saved=False, problem=problem)
    return Recorded.of(result, saved=True)


def _rows() -> list[dict[str, Any]]:
    return default_store().read()


def last_attempt(qid: str, kind: str | None = "attempt") -> dict[str, Any] | None:
    """The most recent stored row for ``qid`` of this ``kind`` (None: any kind), or None.

    Raises :class:`StoreError` when the store cannot be read.
    """
    for row in reversed(_rows()):
        if row["question_id"] == qid and (kind is None or kind_of(row) == kind):
            return row
    return None


def attempt_count(qid: str) -> int:
    """How many answers to ``qid`` are stored (events such as "shown" are not counted).

    Raises :class:`StoreError` when the store cannot be read.
    """
    return sum(1 for row in _rows() if row["question_id"] == qid and is_attempt(row))


def attempts() -> pandas.DataFrame:
    """One row per stored answer, in the order they were stored (events such as "shown" are left out).

    That order (also the order of an export file) is what every summary uses for
    first and last; it is not re-sorted by ``time``, which can run backwards if the
    computer's clock was changed. Columns: ``attempt_id``, ``time`` (UTC),
    ``lesson``, ``question_id``, ``answer`` (as given, JSON-safe), ``correct``,
    ``score`` (0–1). Raises :class:`StoreError` when the store cannot be read.
    """
    import pandas as pd

    from .rows import parse_time

    rows = [r for r in _rows() if is_attempt(r)]
    frame = pd.DataFrame([{c: r.get(c) for c in ATTEMPT_COLUMNS} for r in rows], columns=ATTEMPT_COLUMNS)
    frame["time"] = pd.to_datetime([parse_time(r["time"]) for r in rows], utc=True)
    frame["correct"] = frame["correct"].astype(bool)
    frame["score"] = frame["score"].astype(float)
    return frame


def summary(by: str = "question") -> pandas.DataFrame:
    """Your progress at a glance (answers only; "shown"/"reset" events are not attempts).

    ``by="question"`` (default): one row per question attempted, with
    ``attempts``, ``first_try_correct``, ``correct`` (ever), ``best_score``,
    ``last_score``, ``first_time``, ``last_time``.
    ``by="lesson"``: one row per lesson, with ``questions`` (in the bank),
    ``attempted``, ``correct``, ``first_try_correct``, ``attempts``,
    ``mean_best_score``, ``last_time``, and the lesson's ``exercises`` with
    ``exercises_passed``.
    ``by="exercise"``: one row per "your turn" exercise you checked, with
    ``checks``, ``passed`` (ever), ``first_check_passed``, ``last_message`` (what
    the last check said) and ``last_time``.
    "First" and "last" follow the order answers were stored in. Questions whose results
    assessment mode withholds (:mod:`kzlessons.quiz.assessment`) are left out until the release.
    Raises :class:`StoreError` when the store cannot be read.
    """
    import pandas as pd

    from . import exercise_log, tables
    from .events import without_withheld

    if by not in ("question", "lesson", "exercise"):
        raise ValueError(f"summary(by=...) takes 'question', 'lesson' or 'exercise', not {by!r}.")
    rows, _ = without_withheld(_rows())  # assessment mode: no verdict before the release
    if by == "exercise":
        return pd.DataFrame(exercise_log.per_exercise(rows), columns=list(exercise_log.EXERCISE_COLUMNS))
    questions = tables.per_question(rows)
    if by == "question":
        return pd.DataFrame(questions, columns=list(tables.QUESTION_COLUMNS))
    from .. import exercises

    sizes = tables.bank_sizes()
    done = exercise_log.per_lesson(rows, {eid: eid[1:3] for eid in exercises.ids()})
    answered = {row["lesson"]: row for row in tables.per_lesson(questions, sizes)}
    checked = {e["lesson"] for e in exercise_log.per_exercise(rows)}
    table = [{"lesson": lesson, "questions": sizes.get(lesson), "attempted": 0, "correct": 0, "first_try_correct": 0,
              "attempts": 0, **answered.get(lesson, {}), **done.get(lesson, {"exercises": 0, "exercises_passed": 0})}
             for lesson in sorted(set(answered) | checked)]
    return pd.DataFrame(table, columns=[*tables.LESSON_COLUMNS, "exercises", "exercises_passed"])


# -- export / import ------------------------------------------------------------------


def export_bytes(*, name: str | None = None) -> bytes:
    """Your progress as export-file bytes (what :func:`export` writes).

    ``name`` is the name to put into the file instead of the one chosen with
    :func:`set_learner` (cleaned as it cleans it; ``""`` for none); it is not
    remembered. Raises :class:`StoreError` (store unreadable) or
    :class:`ExportRefused` (too large to import again).
    """
    from .exchange import export_bytes as _export_bytes
    from .identity import clean_learner_name

    from .identity import imported_ids

    who = learner() if name is None else clean_learner_name(name)
    return _export_bytes(_rows(), who, learner_id(), imported_learner_ids=imported_ids())


def export(path: str | os.PathLike[str] = EXPORT_NAME, *, name: str | None = None) -> Path:
    """Write your progress to a versioned JSON file (default ``kzlessons-progress.json``) and return its path.

    The file is written whole or not at all (through a uniquely named temporary
    file). A folder, an empty name or a folder that does not exist gets a sentence:
    ``ValueError`` for the name, :class:`StoreError` for the disk. ``name``, when
    given, goes into the file (see :func:`export_bytes`) and is remembered as with
    :func:`set_learner`; if it cannot be remembered, a :class:`StoreWarning` says
    so and the file is written all the same.
    """
    if not str(path).strip():
        raise ValueError(f"export() needs a file name such as {EXPORT_NAME!r}, not an empty one.")
    path = Path(path).expanduser()
    if path.is_dir():
        raise StoreError(f"{str(path)!r} is a folder; give a file name inside it, "
                         f"e.g. kz.progress.export({str(path / EXPORT_NAME)!r}).")
    if not path.parent.is_dir():
        raise StoreError(f"The folder {str(path.parent)!r} does not exist; create it first or "
                         f"choose another place, e.g. kz.progress.export({EXPORT_NAME!r}).")
    data = export_bytes(name=name)
    try:
        atomic_write(path, data)
    except OSError as error:
        raise StoreError(f"Your progress could not be written to {str(path)!r} ({reason(error)}). " + advice(
            error, path.parent, "Choose a folder you can write to, e.g. your home folder."), error) from None
    if name is not None:
        from .identity import remember_name

        if (note := remember_name(name)) is not None:
            warnings.warn(note, StoreWarning, stacklevel=2)
    return path


def load_file(path: str | os.PathLike[str]) -> ImportReport:
    """Import an exported progress file, merging without duplicates; all or nothing.

    The whole file is validated first; a file over 20 MB, not a regular file,
    not JSON, of the wrong shape or from a newer kzlessons is refused with
    :class:`ImportRefused` and the store is left untouched. If the store cannot
    take the attempts (a full disk), :class:`StoreError` says so and nothing was imported.

    **Who you are afterwards.** A store with nothing of its own yet (a new Binder
    session, a second computer) takes over the file's learner id, and its name if
    you have not chosen one, so your next export is the same learner
    (``ImportReport.continued``). A store that already has answers keeps its id and
    remembers the file's (``ImportReport.other_learner`` when they differ); its
    exports then carry ``imported_learner_ids`` for the gradebook.
    """
    from .exchange import clean_name, read_export
    from .identity import adopt, note_imported

    data = read_export(path)
    store = default_store()
    fresh = not store.read()
    try:
        added, duplicates = store.append_new(data["attempts"])
    except OSError as error:
        raise StoreError(f"Nothing was imported: your progress store could not be written ({reason(error)}). "
                         f"{advice(error, home())}", error) from None
    name = clean_name(data.get("learner") or "") or None
    theirs = data.get("learner_id")
    continued = other = False
    try:
        if theirs and fresh:
            adopt(theirs)
            continued = True
            if name and not learner():
                set_learner(name)
        elif theirs and theirs != learner_id():
            other = True
        note_imported([*(data.get("imported_learner_ids") or ()), *([theirs] if other else [])])
    except (OSError, ValueError) as error:  # the answers are in; only the link to the old file is missing
        warnings.warn(f"Your answers were imported, but who you are could not be saved ({error}); your instructor "
                      "may see two learners. Tell them, or export again later.", StoreWarning, stacklevel=2)
    return ImportReport(added=added, duplicates=duplicates, learner=name, continued=continued, other_learner=other)


def download() -> ipywidgets.Widget:
    """A widget with an optional name box and a download link for your progress file.

    Works on Binder: the file is built in the kernel and handed to the browser
    as a ``data:`` link, so no server file access is needed.
    """
    from .widget import DownloadWidget

    return DownloadWidget()


def hand_in() -> HandedIn:
    """Hand in your progress to your course on this JupyterHub; returns what was handed in (its ``str`` says so).

    The file is the download's, named by your hub user name (``JUPYTERHUB_USER``), and goes into
    the course's hand-in folder (``$KZLESSONS_EXCHANGE/inbound``), where only you and your
    instructors may read it. Every hand-in is kept; your instructor grades the latest. Outside a
    course hub it raises :class:`kzlessons.hub.HandInUnavailable`, whose sentence says what to do
    instead (download the file and upload it to your course page); see :func:`kzlessons.hub.hand_in`.
    """
    from ..hub.handin import hand_in as _hand_in

    return _hand_in()


# -- for instructors ----------------------------------------------------------------------


def item_analysis(files: Iterable[str | os.PathLike[str]]) -> pandas.DataFrame:
    """One row per question over learners' export files (what ``gradebook --items`` writes).

    Files that cannot be used are left out (the gradebook command lists them).
    """
    import pandas as pd

    from . import gradebook, items

    book = gradebook.build([os.fspath(f) for f in files])
    return pd.DataFrame(items.item_rows(book.learners, book.questions), columns=list(items.ITEM_COLUMNS))


def item_chart(items_table: pandas.DataFrame | Mapping[str, Any] | str | os.PathLike[str]) -> altair.Chart:
    """A chart of the item analysis (a DataFrame, or the path of an items CSV); see :mod:`.item_plot`."""
    from .item_plot import item_chart as _item_chart

    return _item_chart(items_table)


def dashboard(*, now: dt.datetime | None = None) -> Any:
    """Your mastery per lesson (a chart with a text alternative and a table) and what to review next.

    See :mod:`kzlessons.progress.mastery_view`; ``now`` replaces the clock, for tests.
    """
    from .mastery_view import dashboard as _dashboard

    return _dashboard(now=now)


def gradebook_main(argv: list[str] | None = None) -> int:
    """Entry point of ``kzlessons gradebook FILES... -o grades.csv [--items items.csv] [--roster roster.csv]``."""
    from .gradebook_cli import gradebook_main as _main

    return _main(argv)
