"""Your quiz progress: every attempt recorded, summarised, exported and imported.

Attempts are kept under ``$KZLESSONS_HOME`` (default ``~/.kzlessons``) in an
append-only file (see :mod:`kzlessons.progress.store`). Nothing personal is
collected; an export carries a name only if you choose one with
:func:`set_learner`.

>>> import os, tempfile, kzlessons as kz
>>> saved = os.environ.get("KZLESSONS_HOME")
>>> os.environ["KZLESSONS_HOME"] = tempfile.mkdtemp()   # a scratch store for this example
>>> kz.progress.record("l00-what-check-does", "b")
Result(correct=True, score=1.0, feedback='Correct.')
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
import json
import os
import re
import uuid
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..quiz.model import Result
from .exchange import ImportRefused, ImportReport
from .store import StoreWarning, default_store, home

if TYPE_CHECKING:  # pragma: no cover
    import ipywidgets
    import pandas

__all__ = [
    "record",
    "attempts",
    "summary",
    "last_attempt",
    "attempt_count",
    "export",
    "load_file",
    "download",
    "set_learner",
    "learner",
    "gradebook_main",
    "home",
    "ImportRefused",
    "ImportReport",
    "StoreWarning",
]

EXPORT_NAME = "kzlessons-progress.json"
ATTEMPT_COLUMNS = ["attempt_id", "time", "lesson", "question_id", "answer", "correct", "score"]


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")


def record(qid: str, answer: Any) -> Result:
    """Check ``answer`` to question ``qid``, store the attempt, and return the :class:`Result`.

    This is the one path for recording: the quiz widget calls it too. If the
    store cannot be written (a full or read-only disk), the result is still
    returned and a :class:`StoreWarning` says the attempt was not saved.
    """
    from ..quiz import get

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
    }
    try:
        default_store().append([row])
    except OSError as error:
        warnings.warn(
            f"Your answer was checked but could not be saved ({error.strerror or error}). "
            f"Check that {home()} is writable.",
            StoreWarning,
            stacklevel=2,
        )
    return result


def _rows() -> list[dict[str, Any]]:
    """The stored attempts (rows of other kinds, such as "shown" or "reset", are not attempts)."""
    from .events import is_attempt

    return [row for row in default_store().read() if is_attempt(row)]


def last_attempt(qid: str) -> dict[str, Any] | None:
    """The most recent stored attempt at ``qid`` (a dict), or None."""
    for row in reversed(_rows()):
        if row["question_id"] == qid:
            return row
    return None


def attempt_count(qid: str) -> int:
    """How many attempts at ``qid`` are stored."""
    return sum(1 for row in _rows() if row["question_id"] == qid)


def attempts() -> pandas.DataFrame:
    """One row per recorded attempt, oldest first.

    Columns: ``attempt_id``, ``time`` (UTC), ``lesson``, ``question_id``,
    ``answer`` (as given, JSON-safe), ``correct``, ``score`` (0–1).
    """
    import pandas as pd

    rows = _rows()
    frame = pd.DataFrame([{c: r.get(c) for c in ATTEMPT_COLUMNS} for r in rows], columns=ATTEMPT_COLUMNS)
    frame["time"] = pd.to_datetime(frame["time"], utc=True, format="ISO8601")
    frame["correct"] = frame["correct"].astype(bool)
    frame["score"] = frame["score"].astype(float)
    return frame


def summary(by: str = "question") -> pandas.DataFrame:
    """Your progress at a glance.

    ``by="question"`` (default): one row per question attempted, with
    ``attempts``, ``first_try_correct``, ``correct`` (ever), ``best_score``,
    ``last_score``, ``first_time``, ``last_time``.
    ``by="lesson"``: one row per lesson, with ``questions`` (in the bank),
    ``attempted``, ``correct``, ``first_try_correct``, ``attempts`` and
    ``mean_best_score``.
    """
    import pandas as pd

    from . import tables

    questions = tables.per_question(_rows())
    if by == "question":
        return pd.DataFrame(questions, columns=list(tables.QUESTION_COLUMNS))
    if by == "lesson":
        lessons = tables.per_lesson(questions, tables.bank_sizes())
        return pd.DataFrame(lessons, columns=list(tables.LESSON_COLUMNS))
    raise ValueError(f"summary(by=...) takes 'question' or 'lesson', not {by!r}.")


# -- learner name -------------------------------------------------------------------


def _learner_path() -> Path:
    return home() / "learner.json"


def learner() -> str | None:
    """The optional self-chosen name put into exports (None when not set)."""
    try:
        name = json.loads(_learner_path().read_text(encoding="utf-8")).get("name")
    except (OSError, ValueError, AttributeError):
        return None
    return name if isinstance(name, str) and name else None


def set_learner(name: str | None) -> str | None:
    """Choose (or with None, forget) the name that goes into your exports.

    Any nickname works; it is only used so your instructor can tell files apart.
    """
    if name is None or not str(name).strip():
        try:
            _learner_path().unlink()
        except FileNotFoundError:
            pass
        return None
    clean = re.sub(r"[\x00-\x1f\x7f]", "", str(name)).strip()[:80]
    path = _learner_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps({"name": clean}, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)
    return clean


# -- export / import ------------------------------------------------------------------


def export_bytes() -> bytes:
    """Your progress as export-file bytes (what :func:`export` writes)."""
    from .exchange import export_bytes as _export_bytes

    return _export_bytes(_rows(), learner())


def export(path: str | os.PathLike[str] = EXPORT_NAME) -> Path:
    """Write your progress to a versioned JSON file (default ``kzlessons-progress.json``) and return its path."""
    path = Path(path)
    data = export_bytes()
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return path


def load_file(path: str | os.PathLike[str]) -> ImportReport:
    """Import an exported progress file, merging without duplicates.

    The whole file is validated first; a file over 5 MB, not JSON, of the
    wrong shape or from a newer kzlessons is refused with
    :class:`ImportRefused` and the store is left untouched.
    """
    from .exchange import read_export

    data = read_export(path)
    added, duplicates = default_store().append_new(data["attempts"])
    return ImportReport(added=added, duplicates=duplicates, learner=data.get("learner"))


def download() -> ipywidgets.Widget:
    """A widget with an optional name box and a download link for your progress file.

    Works on Binder: the file is built in the kernel and handed to the browser
    as a ``data:`` link, so no server file access is needed.
    """
    from .widget import DownloadWidget

    return DownloadWidget()


def gradebook_main(argv: list[str] | None = None) -> int:
    """Entry point of ``kzlessons gradebook FILES... -o grades.csv``."""
    from .gradebook import gradebook_main as _main

    return _main(argv)
