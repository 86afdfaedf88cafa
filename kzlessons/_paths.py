"""Where kzlessons finds its data and lesson notebooks.

A wheel carries them inside the package (``kzlessons/_bundled/``); a clone
with an editable install reads them from the repository root. Nothing else in
the package should guess paths.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
_BUNDLED = PACKAGE_DIR / "_bundled"
_REPO_ROOT = PACKAGE_DIR.parent


def _first_existing(name: str) -> Path:
    for base in (_BUNDLED, _REPO_ROOT):
        candidate = base / name
        if candidate.is_dir():
            return candidate
    return _REPO_ROOT / name  # reported by callers when missing


def data_dir() -> Path:
    """The folder holding ``datapackage.json`` and the curated CSV files.

    >>> (data_dir() / "datapackage.json").is_file()
    True
    """
    return _first_existing("data")


def notebooks_dir() -> Path:
    """The folder holding the lesson notebooks ``00_...ipynb`` to ``07_...ipynb``."""
    return _first_existing("notebooks")


def repo_root() -> Path | None:
    """The repository root when running from a clone, else None."""
    return _REPO_ROOT if (_REPO_ROOT / "pyproject.toml").is_file() else None
