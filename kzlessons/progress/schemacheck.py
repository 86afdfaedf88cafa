"""A small, fast checker for the part of JSON Schema that the progress file format uses.

The ``jsonschema`` package takes over a second to import (its format checkers
compile grammars), which was almost all of a one-file gradebook run and of the
first ``load_file`` in a kernel. The progress file's schema
(:data:`kzlessons.progress.exchange.EXPORT_SCHEMA`) needs only a few keywords,
so :func:`compile_schema` turns such a schema into a plain Python check, once.

Supported keywords: ``type``, ``enum``, ``const``, ``minimum``, ``maximum``,
``maxLength``, ``pattern``, ``maxItems``, ``items`` (one schema for every item),
``required``, ``properties`` and ``additionalProperties`` (``false`` or a
schema); ``$schema``, ``title`` and ``description`` are ignored. Any other
keyword raises ``ValueError`` when the schema is compiled, so a schema cannot
silently ask for a rule this checker would skip.

The rules are those of the ``jsonschema`` package, and a test runs both over
the same documents (``tests/progress/test_schemacheck.py``): ``"integer"``
accepts ``1.0``, ``true`` is not a number and is not equal to ``1``, a
``pattern`` is searched for (``re.search``, as ``jsonschema`` does), lengths
count characters.

>>> check = compile_schema({"type": "object", "required": ["n"], "additionalProperties": False,
...                         "properties": {"n": {"type": "integer", "maximum": 3}}})
>>> check({"n": 2}) is None
True
>>> check({"n": 5})
Problem(path=('n',), keyword='maximum', message='5 is greater than the maximum of 3')
>>> check({"n": 1, "m": 2}).message
"the field 'm' is not part of the format"
>>> check([]).message
'[] is not an object'
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

__all__ = ["Problem", "Check", "SUPPORTED", "compile_schema"]


class Problem(NamedTuple):
    """The first rule a document breaks: where (keys and list indexes), which keyword, and a phrase."""

    path: tuple[str | int, ...]
    keyword: str
    message: str


Check = Callable[[Any], "Problem | None"]

#: The keywords :func:`compile_schema` understands (annotations included).
SUPPORTED = frozenset({"$schema", "title", "description", "type", "enum", "const", "minimum", "maximum",
                       "maxLength", "pattern", "maxItems", "items", "required", "properties",
                       "additionalProperties"})

_TYPE_WORDS = {"string": "a string", "number": "a number", "integer": "a whole number",
               "boolean": "true or false", "null": "null", "array": "a list", "object": "an object"}


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


_IS_TYPE: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "number": _is_number,
    "integer": lambda v: _is_number(v) and (isinstance(v, int) or v.is_integer()),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
}


def _show(value: Any, limit: int = 60) -> str:
    """A value as the sentence shows it: strings and numbers as Python writes them, the rest as JSON."""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        text = repr(value)
    else:
        text = json.dumps(value, ensure_ascii=False, default=repr)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _equal(a: Any, b: Any) -> bool:
    """JSON equality: ``true`` is not ``1``; ``1`` is ``1.0``; lists and objects compare member by member."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_equal(a[k], b[k]) for k in a)
    return a == b


def _inside(key: str | int, problem: Problem | None) -> Problem | None:
    return problem if problem is None else Problem((key, *problem.path), problem.keyword, problem.message)


def compile_schema(schema: Mapping[str, Any] | bool) -> Check:
    """A function that returns the first :class:`Problem` of a document, or None when it is valid.

    Raises ``ValueError`` for a keyword outside :data:`SUPPORTED`.
    """
    if schema is True or schema == {}:
        return lambda value: None
    if schema is False:
        return lambda value: Problem((), "false", "nothing is allowed here")
    unknown = sorted(set(schema) - SUPPORTED)
    if unknown:
        raise ValueError(f"the schema uses {', '.join(unknown)}, which schemacheck does not support")
    rules: list[Check] = []
    if "type" in schema:
        names = [schema["type"]] if isinstance(schema["type"], str) else list(schema["type"])
        tests = [_IS_TYPE[name] for name in names]
        words = " or ".join(_TYPE_WORDS[name] for name in names)
        rules.append(lambda v: None if any(t(v) for t in tests) else Problem((), "type", f"{_show(v)} is not {words}"))
    if "const" in schema:
        const = schema["const"]
        rules.append(lambda v: None if _equal(v, const) else Problem((), "const", f"{_show(v)} is not {const!r}"))
    if "enum" in schema:
        choices = list(schema["enum"])
        listed = ", ".join(map(repr, choices))
        rules.append(lambda v: None if any(_equal(v, c) for c in choices)
                     else Problem((), "enum", f"{_show(v)} is not one of {listed}"))
    rules += _limit_rules(schema) + _array_rules(schema) + _object_rules(schema)

    def check(value: Any) -> Problem | None:
        for rule in rules:
            problem = rule(value)
            if problem is not None:
                return problem
        return None

    return check


#: keyword: (the values it applies to, when a value breaks it, the phrase); a pattern is compiled first
_LIMITS: dict[str, tuple[Callable[[Any], bool], Callable[[Any, Any], bool], Callable[[Any, Any], str]]] = {
    "minimum": (_is_number, lambda v, n: v < n, lambda v, n: f"{v!r} is less than the minimum of {n}"),
    "maximum": (_is_number, lambda v, n: v > n, lambda v, n: f"{v!r} is greater than the maximum of {n}"),
    "maxLength": (_IS_TYPE["string"], lambda v, n: len(v) > n,
                  lambda v, n: f"{_show(v)} is longer than {n} characters"),
    "pattern": (_IS_TYPE["string"], lambda v, p: not p.search(v),
                lambda v, p: f"{_show(v)} does not match {p.pattern!r}"),
    "maxItems": (_IS_TYPE["array"], lambda v, n: len(v) > n,
                 lambda v, n: f"the list has {len(v):,} items, more than {n:,}"),
}


def _limit_rules(schema: Mapping[str, Any]) -> list[Check]:
    rules: list[Check] = []
    for keyword, (applies, broken, say) in _LIMITS.items():
        if keyword in schema:
            limit = re.compile(schema[keyword]) if keyword == "pattern" else schema[keyword]
            rules.append(_limit(keyword, limit, applies, broken, say))
    return rules


def _limit(keyword: str, limit: Any, applies: Callable[[Any], bool], broken: Callable[[Any, Any], bool],
           say: Callable[[Any, Any], str]) -> Check:
    return lambda v: Problem((), keyword, say(v, limit)) if applies(v) and broken(v, limit) else None


def _array_rules(schema: Mapping[str, Any]) -> list[Check]:
    rules: list[Check] = []
    if "items" in schema:
        item = compile_schema(schema["items"])

        def items(v: Any) -> Problem | None:
            if isinstance(v, list):
                for index, entry in enumerate(v):
                    problem = item(entry)
                    if problem is not None:
                        return _inside(index, problem)
            return None

        rules.append(items)
    return rules


def _object_rules(schema: Mapping[str, Any]) -> list[Check]:
    rules: list[Check] = []
    if "required" in schema:
        required = list(schema["required"])
        rules.append(lambda v: next((Problem((), "required", f"the field {name!r} is missing")
                                     for name in required if name not in v), None) if isinstance(v, dict) else None)
    properties = {name: compile_schema(sub) for name, sub in schema.get("properties", {}).items()}
    extra = schema.get("additionalProperties", True)
    others = None if extra is False else compile_schema(extra)

    def fields(v: Any) -> Problem | None:
        if not isinstance(v, dict):
            return None
        for name, value in v.items():
            rule = properties.get(name, others)
            if rule is None:
                return Problem((), "additionalProperties", f"the field {name!r} is not part of the format")
            problem = rule(value)
            if problem is not None:
                return _inside(name, problem)
        return None

    if properties or "additionalProperties" in schema:
        rules.append(fields)
    return rules
