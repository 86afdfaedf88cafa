"""Reading Vega-Lite specs in tests: find every value of a key, however deep."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def walk(node: Any, key: str) -> Iterator[Any]:
    """Every value stored under ``key`` anywhere in a nested spec.

    >>> list(walk({"a": {"color": 1}, "layer": [{"color": 2}]}, "color"))
    [1, 2]
    """
    if isinstance(node, dict):
        for k, v in node.items():
            if k == key:
                yield v
            yield from walk(v, key)
    elif isinstance(node, list):
        for item in node:
            yield from walk(item, key)
