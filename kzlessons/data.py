"""The lesson datasets: list them, load them, read their codebook and cite them.

Everything is described by ``data/datapackage.json`` (a Frictionless Data Package), which
``scripts/curate_data.py`` writes together with the CSV files. The loader turns the
descriptor's types into pandas dtypes: dates become ``datetime64``, years and counts
integers, categories pandas categoricals, flags booleans.

>>> from kzlessons import data
>>> "trade" in data.names()
True
>>> votes = data.load("ukraine_votes")
>>> int(votes[votes["resolution"] == "A/RES/68/262"]["vote"].value_counts()["yes"])
100
>>> data.cite("trade").startswith("International Monetary Fund")
True
"""

from __future__ import annotations

import difflib
import json
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._paths import data_dir
from .errors import LearnerError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["names", "load", "codebook", "cite", "DatasetNotFound", "DataFileError"]

REBUILD = "python scripts/curate_data.py (or: make data)"

_descriptor_cache: dict[Path, tuple[float, dict[str, Any]]] = {}
_frame_cache: dict[tuple[Path, str], tuple[float, int, Any]] = {}


class DatasetNotFound(LearnerError, KeyError):
    """Raised by :func:`load`, :func:`codebook` and :func:`cite` for an unknown dataset name."""

    def __str__(self) -> str:  # KeyError would show the message in quotes
        return str(self.args[0]) if self.args else ""


class DataFileError(LearnerError, RuntimeError):
    """Raised when a data file (or ``datapackage.json``) is missing or damaged."""


# --------------------------------------------------------------------------------------
# Descriptor
# --------------------------------------------------------------------------------------


def _descriptor() -> dict[str, Any]:
    path = data_dir() / "datapackage.json"
    try:
        mtime = path.stat().st_mtime
    except OSError:
        raise DataFileError(
            f"The data description {path} is missing. Rebuild the data with {REBUILD}, "
            "or reinstall kzlessons."
        ) from None
    cached = _descriptor_cache.get(path)
    if cached and cached[0] == mtime:
        return cached[1]
    try:
        package = json.loads(path.read_text(encoding="utf-8"))
        resources = {r["name"]: r for r in package["resources"]}
    except (ValueError, KeyError, TypeError, OSError):
        raise DataFileError(
            f"The data description {path} cannot be read (it looks damaged). Rebuild it with {REBUILD}."
        ) from None
    _descriptor_cache[path] = (mtime, resources)
    return resources


def _resource(name: str) -> dict[str, Any]:
    resources = _descriptor()
    if not isinstance(name, str) or name not in resources:
        available = sorted(resources)
        close = difflib.get_close_matches(str(name), available, n=1, cutoff=0.5)
        hint = f" Did you mean {close[0]!r}?" if close else ""
        raise DatasetNotFound(
            f"There is no dataset called {name!r}.{hint} Available datasets: {', '.join(available)}."
        )
    return resources[name]


def names() -> list[str]:
    """The names of all datasets, in the order of the data package.

    >>> names()[:3]
    ['sources', 'events', 'organisations']
    """
    return list(_descriptor())


# --------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------


def _read_options(fields: list[dict[str, Any]]) -> tuple[dict[str, Any], list[str]]:
    """The dtype mapping for read_csv and the list of date columns."""
    import pandas as pd

    dtypes: dict[str, Any] = {}
    dates: list[str] = []
    for f in fields:
        name, kind = f["name"], f["type"]
        cons = f.get("constraints", {})
        required = bool(cons.get("required"))
        if "enum" in cons:
            dtypes[name] = pd.CategoricalDtype(cons["enum"])
        elif f.get("categorical"):
            dtypes[name] = "category"
        elif kind == "date":
            dates.append(name)
        elif kind in ("integer", "year"):
            dtypes[name] = "int64" if required else "Int64"
        elif kind == "number":
            dtypes[name] = "float64"
        elif kind == "boolean":
            dtypes[name] = "bool" if required else "boolean"
        else:
            dtypes[name] = "str"
    return dtypes, dates


def _damaged(path: Path, what: str) -> DataFileError:
    return DataFileError(f"The data file {path} {what}. Rebuild the data with {REBUILD}.")


def _read(path: Path, res: dict[str, Any]):
    import pandas as pd

    fields = res["schema"]["fields"]
    expected = [f["name"] for f in fields]
    dtypes, dates = _read_options(fields)
    if not path.is_file():
        raise _damaged(path, "is missing")
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            frame = pd.read_csv(
                path,
                dtype=dtypes,
                keep_default_na=False,
                na_values=[""],
                compression="gzip" if res.get("compression") == "gz" else None,
            )
    except Exception:  # any parser, gzip or dtype error: the file is damaged
        raise _damaged(path, "cannot be read (it looks damaged or truncated)") from None
    outside = [w for w in caught if "not in that dtype's categories" in str(w.message)]
    for w in caught:
        if w not in outside:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    if list(frame.columns) != expected:
        raise _damaged(path, f"has columns {list(frame.columns)}, not the expected {expected}")
    try:
        for col in dates:
            frame[col] = pd.to_datetime(frame[col], format="%Y-%m-%d")
    except (ValueError, TypeError):
        raise _damaged(path, "has a date that cannot be read") from None
    for f in fields:  # a category value outside the enum is read as NaN: catch it
        cons = f.get("constraints", {})
        if "enum" in cons and (outside or cons.get("required")) and frame[f["name"]].isna().any():
            raise _damaged(path, f"has values in column {f['name']!r} that its codebook does not allow")
    return frame


def load(name: str) -> pd.DataFrame:
    """Load one dataset as a pandas DataFrame.

    Columns are exactly those of :func:`codebook`. Each call returns a fresh copy, so
    changing it never changes what the next call returns.

    >>> events = load("events")
    >>> list(events.columns[:4])
    ['event_id', 'date', 'date_end', 'date_precision']
    >>> str(events["date"].dtype).startswith("datetime64")
    True
    >>> load("trades")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kzlessons.data.DatasetNotFound: There is no dataset called 'trades'. Did you mean 'trade'? ...
    """
    res = _resource(name)
    folder = data_dir()
    path = folder / res["path"]
    try:
        stat = path.stat()
        stamp: tuple[float, int] | None = (stat.st_mtime, stat.st_size)
    except OSError:
        stamp = None
    key = (folder, name)
    cached = _frame_cache.get(key)
    if stamp is not None and cached and cached[:2] == stamp:
        return cached[2].copy()
    frame = _read(path, res)
    if stamp is not None:
        _frame_cache[key] = (*stamp, frame)
    return frame.copy()


def clear_cache() -> None:
    """Forget loaded datasets and the parsed descriptor (the next load reads the files again).

    >>> clear_cache(); "trade" in names()
    True
    """
    _frame_cache.clear()
    _descriptor_cache.clear()


# --------------------------------------------------------------------------------------
# Codebook and citation
# --------------------------------------------------------------------------------------


def codebook(name: str) -> pd.DataFrame:
    """What each column of a dataset means: name, type, unit and description.

    >>> book = codebook("trade")
    >>> list(book.columns)
    ['name', 'type', 'unit', 'description']
    >>> book.set_index("name").loc["value_usd_mn", "unit"]
    'USD millions'
    """
    import pandas as pd

    fields = _resource(name)["schema"]["fields"]
    rows = []
    for f in fields:
        description = f.get("description", "")
        enum = f.get("constraints", {}).get("enum")
        if enum and len(enum) <= 12:
            description += " Values: " + ", ".join(map(str, enum)) + "."
        rows.append({"name": f["name"], "type": f["type"], "unit": f.get("unit", ""), "description": description})
    return pd.DataFrame(rows, columns=["name", "type", "unit", "description"])


def cite(name: str) -> str:
    """The citation a learner should use for a dataset (naming the original publisher).

    >>> "Voeten" in cite("un_votes")
    True
    """
    return str(_resource(name)["citation"])
