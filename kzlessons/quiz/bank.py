"""Question banks: one ``kzlessons/banks/lNN.yaml`` (or ``.json``) per lesson.

Loading a bank validates it against ``bank_schema.json`` (JSON Schema 2020-12)
and then checks what a schema cannot: option ids are unique, every answer id
is an option, an ordering answer uses every option once, a range has
``min <= max``, and each question id starts with the bank's lesson. A
malformed bank raises :class:`BankError` whose message names the file, the
question id and the field, and says what to fix.

Banks are read lazily and cached per file (the cache notices edits), so a
broken bank only affects its own lesson's questions. The shipped banks were
validated against the schema when they were stamped (``scripts/stamp_banks.py``
writes ``kzlessons/banks/validated.json``: a hash of the schema and of each
bank): a bank whose bytes match its stamp skips the JSON Schema pass, which
would otherwise import jsonschema (over a second) in every kernel and every
gradebook run. An edited or added bank is validated in full; the checks a
schema cannot express always run.

>>> from kzlessons.quiz import bank
>>> questions = bank.load_lesson("00")
>>> all(q.id.startswith("l00-") for q in questions)
True
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import LearnerError
from .model import Question

__all__ = [
    "BankError",
    "Bank",
    "banks_dir",
    "bank_files",
    "load_bank",
    "load_lesson",
    "load_all",
    "find",
    "known_source_ids",
    "unknown_sources",
    "problems",
    "stamp",
]

SCHEMA_PATH = Path(__file__).with_name("bank_schema.json")
_BANK_NAME = re.compile(r"^l(\d{2})\.(yaml|yml|json)$")


class BankError(ValueError):
    """A question bank is malformed; the message names file, question and field."""


@dataclass(frozen=True)
class Bank:
    """One lesson's questions, in file order."""

    lesson: str
    path: Path
    questions: tuple[Question, ...]


_BANKS_DIR = Path(__file__).resolve().parent.parent / "banks"
STAMP_NAME = "validated.json"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def stamp(folder: Path | None = None) -> dict[str, Any]:
    """The stamp of the banks in ``folder`` (validating each in full first; raises :class:`BankError`)."""
    folder = banks_dir() if folder is None else Path(folder)
    for path in bank_files(folder):
        _validate(path, _parse(path))
    return {"schema": _sha256(SCHEMA_PATH), "banks": {p.name: _sha256(p) for p in bank_files(folder)}}


@functools.lru_cache(maxsize=8)
def _stamped(folder: str) -> dict[str, str]:
    """Bank file name -> hash, from the folder's stamp when it was made with today's schema."""
    try:
        data = json.loads((Path(folder) / STAMP_NAME).read_text(encoding="utf-8"))
        if data.get("schema") == _sha256(SCHEMA_PATH):
            return {str(k): str(v) for k, v in data["banks"].items()}
    except (OSError, ValueError, AttributeError, KeyError, TypeError):
        pass
    return {}


def _was_stamped(path: Path) -> bool:
    expected = _stamped(str(path.parent)).get(path.name)
    return expected is not None and expected == _sha256(path)


def banks_dir() -> Path:
    """The folder holding the shipped ``lNN.yaml`` banks (package data)."""
    return _BANKS_DIR


def bank_files(folder: Path | None = None) -> list[Path]:
    """Every ``lNN.yaml`` / ``lNN.yml`` / ``lNN.json`` file in ``folder``, sorted."""
    folder = banks_dir() if folder is None else Path(folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if _BANK_NAME.match(p.name))


# -- parsing ----------------------------------------------------------------


def _yaml_loader():
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class _StrictLoader(base):  # type: ignore[misc, valid-type]
        """Safe loader that refuses duplicate keys (PyYAML silently keeps the last)."""

    def construct_mapping(loader, node, deep=False):
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = loader.construct_object(key_node, deep=deep)
            if key in seen:
                raise BankError(
                    f"line {key_node.start_mark.line + 1}: the key {key!r} appears twice in one entry; "
                    "keep only one."
                )
            seen.add(key)
        return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)

    _StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    return _StrictLoader


def _parse(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            raise BankError(f"{path}: not valid JSON ({error}). Fix the syntax and reload.") from None
    import yaml

    try:
        return yaml.load(text, Loader=_yaml_loader())  # noqa: S506 - a safe loader subclass
    except BankError as error:
        raise BankError(f"{path}: {error}") from None
    except yaml.YAMLError as error:
        raise BankError(f"{path}: not valid YAML ({error}). Fix the syntax and reload.") from None


# -- validation ---------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _validator():
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _where(data: Any, path: list[Any]) -> tuple[str, str]:
    """(question label, field) for a JSON path inside a bank."""
    if len(path) >= 2 and path[0] == "questions" and isinstance(path[1], int):
        index = path[1]
        entry = data["questions"][index] if isinstance(data, Mapping) else None
        qid = entry.get("id") if isinstance(entry, Mapping) else None
        label = f"question {qid!r}" if isinstance(qid, str) else f"question #{index + 1}"
        field = ".".join(str(p) for p in path[2:])
        return label, field
    return "bank header", ".".join(str(p) for p in path)


def _schema_error_message(path: Path, data: Any, error: Any) -> str:
    label, field = _where(data, list(error.absolute_path))
    message = error.message
    if error.validator == "required":
        missing = re.search(r"'([^']+)' is a required property", message)
        if missing:
            field = ".".join(p for p in (field, missing.group(1)) if p)
            message = "this field is required"
    elif error.validator == "additionalProperties":
        extra = re.search(r"\('([^']+)'", message)
        if extra:
            field = ".".join(p for p in (field, extra.group(1)) if p)
            message = "this field is not part of the bank schema (a typo?)"
    elif error.validator == "not" and error.validator_value == {}:
        message = f"this field is not used by {data['questions'][error.absolute_path[1]].get('type')!r} questions"
    if len(message) > 300:
        message = message[:299] + "…"
    return f"{path}: {label}, field {field or '(entry)'!r}: {message}. See docs/ARCHITECTURE.md for the bank schema."


def _semantic_problems(data: Mapping[str, Any]) -> Iterable[tuple[int, str, str]]:
    """(question index, field, message) for rules a JSON schema cannot express."""
    lesson = data["lesson"]
    seen: dict[str, int] = {}
    for index, q in enumerate(data["questions"]):
        qid, qtype = q["id"], q["type"]
        if not qid.startswith(f"l{lesson}-"):
            yield index, "id", f"the id must start with 'l{lesson}-' because this is lesson {lesson}'s bank"
        if qid in seen:
            yield index, "id", f"the id is used twice (also question #{seen[qid] + 1}); ids must be unique"
        seen.setdefault(qid, index)
        option_ids = [o["id"] for o in q.get("options", [])]
        duplicates = sorted({o for o in option_ids if option_ids.count(o) > 1})
        if duplicates:
            yield index, "options", f"option id {duplicates[0]!r} is used twice"
        answer = q["answer"]
        if qtype == "single" and answer not in option_ids:
            yield index, "answer", f"{answer!r} is not an option id (options: {', '.join(option_ids)})"
        if qtype == "multiple":
            for a in answer:
                if a not in option_ids:
                    yield index, "answer", f"{a!r} is not an option id (options: {', '.join(option_ids)})"
        if qtype == "ordering" and sorted(answer) != sorted(option_ids):
            yield index, "answer", "an ordering answer must list every option id exactly once"
        if qtype == "numeric" and "min" in answer and answer["min"] > answer["max"]:
            yield index, "answer", "min is larger than max"


def _validate(path: Path, data: Any, schema: bool = True) -> None:
    errors = sorted(_validator().iter_errors(data), key=lambda e: (list(e.absolute_path).__repr__(), e.message)) \
        if schema else []
    if errors:
        import jsonschema.exceptions

        first = jsonschema.exceptions.best_match(errors)
        messages = [_schema_error_message(path, data, first)]
        for error in errors:
            if len(messages) == 3:
                break
            if error is not first and error.validator in ("required", "additionalProperties"):
                message = _schema_error_message(path, data, error)
                if message not in messages:
                    messages.append(message)
        more = len(errors) - len(messages)
        tail = f"\n(and {more} more problem(s) in this file)" if more > 0 else ""
        raise BankError("\n".join(messages) + tail)
    for index, field, message in _semantic_problems(data):
        label, _ = _where(data, ["questions", index])
        raise BankError(f"{path}: {label}, field {field!r}: {message}.")


# -- loading --------------------------------------------------------------------


def load_bank(path: str | Path) -> Bank:
    """Read, validate and build one bank file. Raises :class:`BankError`."""
    path = Path(path)
    try:
        stat = path.stat()
    except OSError as error:
        raise BankError(f"{path}: cannot read the bank ({error.strerror}).") from None
    return _load_cached(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=64)
def _load_cached(path_text: str, _mtime: int, _size: int) -> Bank:
    path = Path(path_text)
    data = _parse(path)
    _validate(path, data, schema=not _was_stamped(path))
    match = _BANK_NAME.match(path.name)
    if match and match.group(1) != data["lesson"]:
        raise BankError(
            f"{path}: bank header, field 'lesson': the file name says lesson {match.group(1)} "
            f"but the bank says {data['lesson']!r}."
        )
    lesson = data["lesson"]
    questions = tuple(Question.from_dict(q, lesson) for q in data["questions"])
    return Bank(lesson=lesson, path=path, questions=questions)


def load_lesson(lesson: str | int, folder: Path | None = None) -> tuple[Question, ...]:
    """The questions of one lesson (``"02"`` or ``2``); empty when it has no bank."""
    lesson = f"{int(lesson):02d}" if str(lesson).isdigit() else str(lesson)
    folder = banks_dir() if folder is None else Path(folder)
    for suffix in ("yaml", "yml", "json"):
        path = folder / f"l{lesson}.{suffix}"
        if path.is_file():
            return load_bank(path).questions
    return ()


def load_all(folder: Path | None = None) -> dict[str, Question]:
    """Every question of every bank, by id. Raises :class:`BankError` on the first bad bank."""
    questions: dict[str, Question] = {}
    for path in bank_files(folder):
        for q in load_bank(path).questions:
            if q.id in questions:
                raise BankError(f"{path}: question {q.id!r}, field 'id': the id is also used in another bank.")
            questions[q.id] = q
    return questions


class QuestionNotFound(LearnerError, KeyError):
    """Raised for a question id that no bank defines (a ``KeyError``, shown as one sentence)."""


def find(qid: str, folder: Path | None = None) -> Question:
    """The question with id ``qid``; raises ``KeyError`` with a helpful message."""
    match = re.match(r"^l(\d{2})-", qid) if isinstance(qid, str) else None
    if match:
        for q in load_lesson(match.group(1), folder):
            if q.id == qid:
                return q
    raise QuestionNotFound(
        f"There is no quiz question with id {qid!r}. "
        "Check the spelling, or list the ids with kz.quiz.ids()."
    )


# -- sources ----------------------------------------------------------------------


def known_source_ids() -> set[str]:
    """Source ids in the ``sources`` dataset (``kz.data.load("sources")``)."""
    from .. import data

    return set(data.load("sources")["source_id"].astype(str))


def unknown_sources(questions: Iterable[Question], known: set[str] | None = None) -> list[str]:
    """One message per source id that does not resolve to the ``sources`` dataset."""
    known = known_source_ids() if known is None else known
    return [
        f"question {q.id!r}, field 'sources': {s!r} is not in the sources dataset"
        for q in questions
        for s in q.sources
        if s not in known
    ]


def problems(folder: Path | None = None, known: set[str] | None = None) -> list[str]:
    """Every problem in every bank (schema, rules, unknown sources); empty when all is well."""
    found: list[str] = []
    all_questions: list[Question] = []
    ids: dict[str, Path] = {}
    for path in bank_files(folder):
        try:
            questions = load_bank(path).questions
        except BankError as error:
            found.append(str(error))
            continue
        for q in questions:
            if q.id in ids:
                found.append(f"{path}: question {q.id!r}, field 'id': also used in {ids[q.id]}")
            ids[q.id] = path
        all_questions.extend(questions)
    try:
        found += unknown_sources(all_questions, known)
    except Exception as error:  # the sources dataset itself is unavailable
        found.append(f"could not check source ids: {type(error).__name__}: {error}")
    return found
