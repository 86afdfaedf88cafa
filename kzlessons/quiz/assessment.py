"""Assessment mode: quizzes that save answers and show no verdict until the instructor's release.

An instructor names lessons or questions in an **assessment config** (TOML). Until the
assessment's release, those quizzes save each answer marked ``"mode": "assessment"`` and
show only "Answer saved": no right or wrong, no hint, no *Show answer*, no explanation.
After the release they show the feedback on the saved answers, and work as self-checks again.

Where the config is read from (:func:`locate`), first found wins:

1. the file named by the environment variable :data:`ENV` (``KZLESSONS_ASSESSMENT``), which a
   JupyterHub sets for every learner's server (``c.Spawner.environment``);
2. else :data:`FILE_NAME` (``kzlessons-assessment.toml``) in the kernel's working folder, which
   in Jupyter is the folder of the lesson notebooks;
3. else there is no assessment: every quiz is a self-check.

The file::

    [[assessment]]
    name = "Quiz 1"                              # shown to learners; names must differ
    lessons = ["03"]                             # every question of these lessons ...
    questions = ["l04-closest-partner"]          # ... and/or these questions
    release_at = 2025-05-01T09:00:00+05:00       # a date and time with its time zone
    release_file = "released/quiz-1"             # released once this file exists

An assessment needs ``lessons`` or ``questions``, and ``release_at`` or ``release_file`` (with
both, whichever comes first releases it). A relative ``release_file`` is relative to the config
file's folder; the instructor publishes the release by creating that file
(``kzlessons assessment --release "Quiz 1"``). A question may be in one assessment only.

A config that cannot be used (missing, not TOML, an unknown setting or question) is never
ignored silently: :func:`load` returns a :class:`Config` whose ``problem`` is a sentence, and
then **every** quiz is under assessment (nothing is given away by mistake) and says so.

This is not exam security: the answer keys ship with the package, and a learner's own clock and
files are theirs. It keeps the lessons from showing verdicts before the release, and the
gradebook marks which answers were given under it.

>>> bank = {"l03-a": "03", "l03-b": "03", "l04-c": "04"}
>>> config = parse('''
... [[assessment]]
... name = "Quiz 1"
... lessons = ["03"]
... release_at = 2025-05-01T09:00:00+05:00
... ''', bank=bank)
>>> import datetime as dt
>>> before = dt.datetime(2025, 5, 1, 3, 59, tzinfo=dt.timezone.utc)
>>> config.status("l03-a", now=before).withheld, config.status("l04-c", now=before).assessed
(True, False)
>>> config.status("l03-b", now=before + dt.timedelta(minutes=1)).released
True
>>> config.status("l03-a", now=before).when
'after 1 May 2025, 09:00 (UTC+05:00)'
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import LearnerError

__all__ = ["ENV", "FILE_NAME", "MODE", "MODE_FIELD", "AssessmentConfigError", "Assessment", "Status", "OPEN",
           "Config", "parse", "read", "locate", "load", "is_assessed", "release", "bank_lessons"]

#: The environment variable naming the config file (a hub sets it for every learner).
ENV = "KZLESSONS_ASSESSMENT"
#: The config file looked for in the kernel's working folder when :data:`ENV` is not set.
FILE_NAME = "kzlessons-assessment.toml"
#: The field of a stored answer row, and its value for an answer given under assessment.
MODE_FIELD, MODE = "mode", "assessment"
_SETTINGS = ("name", "lessons", "questions", "release_at", "release_file")


class AssessmentConfigError(LearnerError, ValueError):
    """An assessment config that cannot be used; the message says what to fix."""


def is_assessed(row: Mapping[str, Any]) -> bool:
    """True for a stored row given under assessment mode (``"mode": "assessment"``).

    >>> is_assessed({"mode": "assessment"}), is_assessed({}), is_assessed({"mode": "practice"})
    (True, False, False)
    """
    return row.get(MODE_FIELD) == MODE


def _utc_words(stamp: dt.datetime) -> str:
    offset = stamp.strftime("%z")  # "+0500"
    zone = "UTC" if stamp.utcoffset() == dt.timedelta(0) else f"UTC{offset[:3]}:{offset[3:5]}"
    return f"{stamp.day} {stamp:%B %Y, %H:%M} ({zone})"


@dataclass(frozen=True)
class Assessment:
    """One assessment: which questions, and when their results are released.

    Attributes:
        name: what learners and the instructor call it.
        lessons: lessons (``"03"``) all of whose questions are in it.
        questions: single question ids in it.
        release_at: an aware date and time after which it is released, or None.
        release_file: a file whose existence releases it, or None.
    """

    name: str
    lessons: frozenset[str] = frozenset()
    questions: frozenset[str] = frozenset()
    release_at: dt.datetime | None = None
    release_file: Path | None = None

    def covers(self, qid: str) -> bool:
        """True when question ``qid`` is in this assessment.

        >>> Assessment("q", lessons=frozenset({"03"})).covers("l03-x"), Assessment("q").covers("l03-x")
        (True, False)
        """
        return qid in self.questions or qid[1:3] in self.lessons

    def released(self, now: dt.datetime | None = None) -> bool:
        """True once ``release_at`` has passed (``now``: the clock) or ``release_file`` exists."""
        now = now or dt.datetime.now(dt.timezone.utc)
        if self.release_at is not None and now >= self.release_at:
            return True
        return self.release_file is not None and self.release_file.exists()

    @property
    def when(self) -> str:
        """When the results come out, in words.

        >>> Assessment("q", release_file=Path("r")).when
        'when your instructor releases them'
        """
        parts = []
        if self.release_at is not None:
            parts.append(f"after {_utc_words(self.release_at)}")
        if self.release_file is not None:
            parts.append("when your instructor releases them")
        return ", or earlier ".join(parts)


@dataclass(frozen=True)
class Status:
    """What assessment mode says about one question now.

    Attributes:
        assessed: the question is in an assessment (or the config cannot be used).
        released: its results are out: the quiz shows feedback again.
        name: the assessment's name ('' when none or when the config cannot be used).
        when: when the results come out, in words.
        problem: a sentence when the config cannot be used ('' otherwise).
    """

    assessed: bool = False
    released: bool = False
    name: str = ""
    when: str = ""
    problem: str = ""

    @property
    def withheld(self) -> bool:
        """True while the quiz must save answers without showing whether they are right."""
        return self.assessed and not self.released


#: The status of a question in no assessment.
OPEN = Status()


@dataclass(frozen=True)
class Config:
    """The assessments in force (none by default), where they were read from, and any problem."""

    assessments: tuple[Assessment, ...] = ()
    source: str = ""
    problem: str = ""

    def find(self, qid: str) -> Assessment | None:
        """The assessment that has question ``qid``, or None."""
        return next((a for a in self.assessments if a.covers(qid)), None)

    def status(self, qid: str, now: dt.datetime | None = None) -> Status:
        """The :class:`Status` of question ``qid`` at ``now`` (default: the clock).

        >>> Config(problem="It is broken.").status("l00-area").withheld
        True
        >>> Config().status("l00-area") == OPEN
        True
        """
        if self.problem:
            return Status(assessed=True, when="once the assessment settings are fixed", problem=self.problem)
        found = self.find(qid)
        if found is None:
            return OPEN
        return Status(assessed=True, released=found.released(now), name=found.name, when=found.when)

    def withheld(self, qids: Iterable[str], now: dt.datetime | None = None) -> set[str]:
        """The ids among ``qids`` whose results are not released yet (each release checked once)."""
        if self.problem:
            return set(qids)
        released = {a.name: a.released(now) for a in self.assessments}
        out = set()
        for qid in qids:
            found = self.find(qid)
            if found is not None and not released[found.name]:
                out.add(qid)
        return out


# ------------------------------------------------------------------------------------- reading


def _release_at(value: Any, where: str) -> dt.datetime:
    stamp = value
    if isinstance(value, str):
        try:
            stamp = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            raise AssessmentConfigError(f"{where}: release_at {value!r} is not a date and time; write it like "
                                        "2025-05-01T09:00:00+05:00.") from None
    if not isinstance(stamp, dt.datetime):
        raise AssessmentConfigError(f"{where}: release_at needs a time of day and a time zone, not just {value!r}; "
                                    "write it like 2025-05-01T09:00:00+05:00.")
    if stamp.tzinfo is None or stamp.utcoffset() is None:
        raise AssessmentConfigError(f"{where}: release_at {stamp.isoformat()} has no time zone; add one, like "
                                    f"{stamp.isoformat()}+05:00 (or Z for UTC).")
    return stamp


def _ids(value: Any, setting: str, where: str) -> list[str]:
    items = [value] if isinstance(value, (str, int)) else value
    if not isinstance(items, list) or not all(isinstance(i, (str, int)) and not isinstance(i, bool) for i in items):
        example = '["03"]' if setting == "lessons" else '["l03-some-id"]'
        raise AssessmentConfigError(f"{where}: {setting} must be a list such as {example}.")
    return [f"{i:02d}" if isinstance(i, int) else i.strip() for i in items]


def _assessment(table: Any, index: int, bank: Mapping[str, str], base: Path) -> Assessment:
    where = f"assessment {index}"
    if not isinstance(table, dict):
        raise AssessmentConfigError(f"{where} is not a table; write each one under a [[assessment]] line.")
    name = table.get("name", f"assessment {index}")
    if not isinstance(name, str) or not name.strip():
        raise AssessmentConfigError(f"{where}: name must be a short text, such as name = \"Quiz 1\".")
    where = f"assessment {name.strip()!r}"
    unknown = sorted(set(table) - set(_SETTINGS))
    if unknown:
        raise AssessmentConfigError(f"{where}: {', '.join(map(repr, unknown))} is not a setting; the settings are "
                                    f"{', '.join(_SETTINGS)}.")
    lessons = _ids(table.get("lessons", []), "lessons", where)
    questions = _ids(table.get("questions", []), "questions", where)
    known_lessons = set(bank.values())
    for lesson in lessons:
        if lesson not in known_lessons:
            raise AssessmentConfigError(f"{where}: there is no lesson {lesson!r}; the lessons are "
                                        f"{', '.join(sorted(known_lessons))}.")
    for qid in questions:
        if qid not in bank:
            raise AssessmentConfigError(f"{where}: there is no question {qid!r}; kz.quiz.ids() lists the "
                                        "question ids (kz.quiz.ids(lesson=\"03\") those of one lesson).")
    if not lessons and not questions:
        raise AssessmentConfigError(f"{where} names no lessons and no questions; add lessons = [\"03\"] "
                                    "or questions = [\"l03-some-id\"].")
    release_at = _release_at(table["release_at"], where) if "release_at" in table else None
    release_file = table.get("release_file")
    if release_file is not None and (not isinstance(release_file, str) or not release_file.strip()):
        raise AssessmentConfigError(f"{where}: release_file must be a file path, such as \"released/quiz-1\".")
    if release_at is None and release_file is None:
        raise AssessmentConfigError(f"{where} has no release: add release_at = 2025-05-01T09:00:00+05:00 or "
                                    "release_file = \"released/quiz-1\" (or both).")
    path = None if release_file is None else base / Path(release_file.strip()).expanduser()
    return Assessment(name.strip(), frozenset(lessons), frozenset(questions), release_at, path)


def bank_lessons() -> dict[str, str]:
    """Every question id of the shipped banks -> its lesson."""
    from .bank import load_all

    return {qid: q.lesson for qid, q in load_all().items()}


def parse(text: str, *, base: Path | None = None, bank: Mapping[str, str] | None = None,
          source: str = "") -> Config:
    """The :class:`Config` in ``text`` (TOML); raises :class:`AssessmentConfigError` (a sentence).

    ``base`` is the folder a relative ``release_file`` is in (default: the working folder);
    ``bank`` maps every question id to its lesson (default: the shipped banks).

    >>> parse('[[assessment]]\\nlessons = ["03"]', bank={"l03-a": "03"})
    Traceback (most recent call last):
    ...
    kzlessons.quiz.assessment.AssessmentConfigError: assessment 'assessment 1' has no release: add release_at = 2025-05-01T09:00:00+05:00 or release_file = "released/quiz-1" (or both).
    >>> parse('[[assesment]]', bank={})
    Traceback (most recent call last):
    ...
    kzlessons.quiz.assessment.AssessmentConfigError: 'assesment' is not part of an assessment config; write each assessment under a [[assessment]] line.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise AssessmentConfigError(f"it is not valid TOML ({error}); see the example in the instructor "
                                    "guide, 'Assessment mode'.") from None
    unknown = sorted(set(data) - {"assessment"})
    if unknown:
        raise AssessmentConfigError(f"{', '.join(map(repr, unknown))} is not part of an assessment config; write "
                                    "each assessment under a [[assessment]] line.")
    tables = data.get("assessment", [])
    if not isinstance(tables, list):
        raise AssessmentConfigError("write each assessment under a [[assessment]] line (two brackets).")
    bank = bank_lessons() if bank is None else bank
    base = Path.cwd() if base is None else base
    assessments = [_assessment(table, i, bank, base) for i, table in enumerate(tables, start=1)]
    _no_overlap(assessments, bank)
    return Config(tuple(assessments), source)


def _no_overlap(assessments: Collection[Assessment], bank: Mapping[str, str]) -> None:
    names: set[str] = set()
    owner: dict[str, str] = {}
    for a in assessments:
        if a.name in names:
            raise AssessmentConfigError(f"two assessments are called {a.name!r}; give each its own name.")
        names.add(a.name)
        for qid in sorted(q for q in bank if a.covers(q)):
            if qid in owner:
                raise AssessmentConfigError(f"question {qid!r} is in both {owner[qid]!r} and {a.name!r}; put it in "
                                            "one of them.")
            owner[qid] = a.name


def read(path: str | os.PathLike[str], *, bank: Mapping[str, str] | None = None) -> Config:
    """The config in the file ``path``; raises :class:`AssessmentConfigError` naming the file."""
    path = Path(path).expanduser()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AssessmentConfigError(f"The assessment config {str(path)!r} does not exist; create it, or correct "
                                    f"the path (in {ENV}, or the file {FILE_NAME} next to the lessons).") from None
    except (OSError, UnicodeDecodeError) as error:
        why = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise AssessmentConfigError(f"The assessment config {str(path)!r} cannot be read ({why}); make it a "
                                    "readable UTF-8 text file.") from None
    try:
        return parse(text, base=path.resolve().parent, bank=bank, source=str(path))
    except AssessmentConfigError as error:
        raise AssessmentConfigError(f"The assessment config {str(path)!r} cannot be used: {error}") from None


def locate(environ: Mapping[str, str] | None = None, cwd: Path | None = None) -> Path | None:
    """The config file in force: ``$KZLESSONS_ASSESSMENT``, else ``kzlessons-assessment.toml`` in ``cwd``.

    >>> locate({ENV: "/srv/course/assessment.toml"})
    PosixPath('/srv/course/assessment.toml')
    >>> locate({}, cwd=Path("/nonexistent")) is None
    True
    """
    env = os.environ if environ is None else environ
    named = env.get(ENV, "").strip()
    if named:
        return Path(named).expanduser()
    here = (Path.cwd() if cwd is None else cwd) / FILE_NAME
    return here if here.is_file() else None


def load(environ: Mapping[str, str] | None = None, cwd: Path | None = None,
         bank: Mapping[str, str] | None = None) -> Config:
    """The config in force (see :func:`locate`); never raises.

    No config: no assessment. A config that cannot be used gives a :class:`Config` whose
    ``problem`` says why, which puts every quiz under assessment until it is fixed.

    >>> load({ENV: "/nonexistent/a.toml"}).problem  # doctest: +ELLIPSIS
    "The assessment config '/nonexistent/a.toml' does not exist; ... Tell your instructor; until then ..."
    """
    path = locate(environ, cwd)
    if path is None:
        return Config()
    try:
        return read(path, bank=bank)
    except AssessmentConfigError as error:
        return Config(source=str(path), problem=f"{error} Tell your instructor; until then every quiz saves "
                                                "answers without checking them.")


def release(config: Config, name: str, now: dt.datetime | None = None) -> Path:
    """Publish the release of the assessment called ``name``: create its ``release_file``.

    Returns the file; never overwrites one. Raises :class:`AssessmentConfigError` when there is
    no such assessment, it has no ``release_file``, it is already released, or the file cannot
    be created.
    """
    found = next((a for a in config.assessments if a.name == name), None)
    if found is None:
        names = ", ".join(repr(a.name) for a in config.assessments) or "none"
        raise AssessmentConfigError(f"There is no assessment called {name!r} (the assessments: {names}).")
    if found.release_file is None:
        when = found.release_at.isoformat() if found.release_at else "?"
        raise AssessmentConfigError(f"{name!r} has no release_file, so it is released by its time only "
                                    f"({when}); add release_file to release it earlier.")
    if found.released(now):
        why = "its release file exists" if found.release_file.exists() else "its release time has passed"
        raise AssessmentConfigError(f"{name!r} is already released ({why}); nothing was changed.")
    stamp = (now or dt.datetime.now(dt.timezone.utc)).isoformat(timespec="seconds")
    try:
        found.release_file.parent.mkdir(parents=True, exist_ok=True)
        with found.release_file.open("x", encoding="utf-8") as handle:
            handle.write(f"{name} released at {stamp}\n")
    except OSError as error:
        raise AssessmentConfigError(f"The release file {str(found.release_file)!r} could not be created "
                                    f"({error.strerror or error}); check that you may write to its folder.") from None
    return found.release_file
