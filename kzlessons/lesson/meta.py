"""Lesson metadata: the ``kzlessons`` key of each lesson notebook, read, checked, and listed in lesson order.

Each notebook ``notebooks/NN_slug.ipynb`` stores its metadata under the notebook
metadata key ``kzlessons``::

    {"id": "02", "title": "Following the trade", "minutes": 40,
     "objectives": ["You will be able to ..."], "prerequisites": ["00", "01"],
     "datasets": ["trade", "partners"], "sources": ["S5", "S6"]}

>>> [m["id"] for m in lessons()][:2], metadata("00")["id"]
(['00', '01'], '00')
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .._paths import notebooks_dir

__all__ = ["KEY", "FIELDS", "LESSON_ID", "metadata", "problems", "lessons", "lessons_folder", "notebook_path"]

#: Notebook metadata key.
KEY = "kzlessons"
#: Required fields and their types.
FIELDS: dict[str, type] = {
    "id": str, "title": str, "objectives": list, "minutes": int,
    "prerequisites": list, "datasets": list, "sources": list,
}
#: A lesson id: two digits.
LESSON_ID = re.compile(r"^\d{2}$")
_SOURCE = re.compile(r"^S\d{1,3}$")


def lessons_folder() -> Path:
    """The folder of lesson notebooks: the installed lessons, or a clone's ``notebooks/``."""
    return notebooks_dir()


def notebook_path(lesson_id: str, folder: Path | None = None) -> Path:
    """The notebook of lesson ``lesson_id`` (``"02"``); ValueError naming the lessons there are."""
    folder = folder or lessons_folder()
    found = sorted(folder.glob(f"{lesson_id}_*.ipynb"))
    if not found:
        available = sorted(p.name[:2] for p in folder.glob("[0-9][0-9]_*.ipynb"))
        raise ValueError(f"No lesson {lesson_id!r} in {folder}. Available lessons: "
                         f"{', '.join(available) or 'none'}.")
    return found[0]


def metadata(path_or_nb: Any) -> dict[str, Any]:
    """The ``kzlessons`` metadata of a notebook.

    Args:
        path_or_nb: a path to an ``.ipynb`` file, a lesson id such as ``"02"``, a
            notebook as a dict, or an ``nbformat.NotebookNode``.

    Raises ValueError when the notebook has no ``kzlessons`` metadata.

    >>> metadata({"metadata": {"kzlessons": {"id": "00", "title": "Start here"}}})["title"]
    'Start here'
    """
    if isinstance(path_or_nb, str) and LESSON_ID.match(path_or_nb):
        path_or_nb = notebook_path(path_or_nb)
    if isinstance(path_or_nb, (str, os.PathLike)):
        path = Path(path_or_nb)
        nb = json.loads(path.read_text(encoding="utf-8"))
        where = path.name
    elif isinstance(path_or_nb, dict):
        nb, where = path_or_nb, "this notebook"
    else:
        raise ValueError(f"Expected a notebook path, a lesson id like '02' or a notebook dict, "
                         f"not {type(path_or_nb).__name__}.")
    meta = (nb.get("metadata") or {}).get(KEY)
    if not isinstance(meta, dict):
        raise ValueError(f"{where} has no '{KEY}' metadata. Add it in JupyterLab under "
                         "Property Inspector → Advanced Tools → Notebook metadata.")
    return dict(meta)


def problems(meta: dict[str, Any], *, filename: str | None = None,
             known_lessons: Sequence[str] | None = None,
             known_datasets: Sequence[str] | None = None,
             known_sources: Sequence[str] | None = None) -> list[str]:
    """Plain sentences describing what is wrong with one lesson's metadata ([] = fine).

    >>> problems({"id": "02", "title": "T", "objectives": ["You will be able to x"], "minutes": 30,
    ...           "prerequisites": ["00"], "datasets": ["trade"], "sources": ["S5"]})
    []
    >>> problems({"id": "2", "title": "", "minutes": "30"})  # doctest: +NORMALIZE_WHITESPACE
    ["'title' must not be empty.", "'objectives' is missing.",
     "'minutes' must be a whole number, not '30'.", "'prerequisites' is missing.",
     "'datasets' is missing.", "'sources' is missing.", "'id' must be two digits such as '02', not '2'."]
    """
    out: list[str] = []
    for field, kind in FIELDS.items():
        if field not in meta:
            out.append(f"'{field}' is missing.")
            continue
        value = meta[field]
        if kind is int:
            if isinstance(value, bool) or not isinstance(value, int):
                out.append(f"'{field}' must be a whole number, not {value!r}.")
            elif value <= 0:
                out.append(f"'{field}' must be more than 0, not {value}.")
        elif not isinstance(value, kind):
            out.append(f"'{field}' must be a {kind.__name__}, not {type(value).__name__}.")
        elif kind is list and not all(isinstance(v, str) and v.strip() for v in value):
            out.append(f"'{field}' must be a list of non-empty strings.")
        elif kind is str and not value.strip():
            out.append(f"'{field}' must not be empty.")
    lid = meta.get("id")
    if isinstance(lid, str) and not LESSON_ID.match(lid):
        out.append(f"'id' must be two digits such as '02', not {lid!r}.")
    if filename and isinstance(lid, str) and not filename.startswith(lid + "_"):
        out.append(f"'id' is {lid!r} but the file is {filename}.")
    if isinstance(meta.get("objectives"), list) and not meta["objectives"]:
        out.append("'objectives' must list at least one objective.")
    prereq = meta.get("prerequisites") if isinstance(meta.get("prerequisites"), list) else []
    for p in prereq:
        if isinstance(lid, str) and isinstance(p, str) and p >= lid:
            out.append(f"prerequisite {p!r} does not come before lesson {lid!r}.")
        elif known_lessons is not None and p not in known_lessons:
            out.append(f"prerequisite {p!r} is not a lesson. Known lessons: {', '.join(known_lessons)}.")
    if known_datasets is not None and isinstance(meta.get("datasets"), list):
        for d in meta["datasets"]:
            if d not in known_datasets:
                out.append(f"dataset {d!r} does not exist. Known datasets: {', '.join(known_datasets)}.")
    if isinstance(meta.get("sources"), list):
        for s in meta["sources"]:
            if isinstance(s, str) and not _SOURCE.match(s):
                out.append(f"source id {s!r} is not of the form S1…S999.")
            elif known_sources is not None and s not in known_sources:
                out.append(f"source id {s!r} is not in the sources dataset.")
    return list(dict.fromkeys(out))


def lessons(folder: Path | str | None = None) -> list[dict[str, Any]]:
    """Metadata of every lesson notebook, in lesson order (notebooks without it are skipped).

    Each dict also carries ``_path``, the notebook it came from.

    >>> [m["id"] for m in lessons()][:3]
    ['00', '01', '02']
    """
    folder = Path(folder) if folder else lessons_folder()
    out = []
    for path in sorted(folder.glob("[0-9][0-9]_*.ipynb")):
        try:
            meta = metadata(path)
        except ValueError:
            continue
        meta["_path"] = str(path)
        out.append(meta)
    return out
