"""The quiz and progress packages depend in one direction only: progress imports quiz.

``kzlessons.progress`` imports ``kzlessons.quiz`` (it grades each stored answer with the
bank's question, and its review builds quiz widgets); ``kzlessons.quiz`` never imports
``kzlessons.progress``, not even inside a function. The learner's tracker reaches
:func:`kzlessons.quiz.ask` from the package root (``kzlessons._quiz_tracker``), which may
import both. The modules are read with :mod:`ast`, so an import inside a function or a
``TYPE_CHECKING`` block counts too.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "kzlessons"


def imported_modules(path: Path) -> set[str]:
    """Every module ``path`` imports, anywhere in it, relative imports resolved;
    ``from X import name`` counts as ``X`` and ``X.name``."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    package = list(parts[:-1])  # a module's package; for __init__.py, the package itself
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                stem = package[: len(package) - node.level + 1]
                base = ".".join([*stem, base] if base else stem)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def _imports_of(folder: Path, target: str) -> list[str]:
    return sorted(f"{path.relative_to(PACKAGE.parent)} imports {name}"
                  for path in folder.rglob("*.py")
                  for name in imported_modules(path)
                  if name == target or name.startswith(target + "."))


def test_the_import_reader_sees_every_form() -> None:
    """Does the reader resolve relative imports, ``from .. import x`` and imports inside functions?"""
    found = imported_modules(PACKAGE / "quiz" / "__init__.py")
    assert {"kzlessons._mode", "kzlessons._quiz_tracker", "kzlessons.quiz.bank"} <= found
    assert "kzlessons.quiz" in imported_modules(PACKAGE / "progress" / "events.py")


def test_quiz_never_imports_progress() -> None:
    """Does no module of kzlessons/quiz/ import kzlessons.progress (the direction is progress -> quiz)?"""
    assert _imports_of(PACKAGE / "quiz", "kzlessons.progress") == []


def test_progress_imports_quiz() -> None:
    """Is progress -> quiz the direction kept (so the rule above is the one that matters)?"""
    assert _imports_of(PACKAGE / "progress", "kzlessons.quiz")


def test_the_quiz_takes_only_the_tracker_from_the_package_root() -> None:
    """Is ``kzlessons._quiz_tracker`` the one name the quiz takes from the package root (the junction
    that may import both), so no other root-level name can carry the progress package back in?"""
    def is_module(name: str) -> bool:
        return (PACKAGE / name).is_dir() or (PACKAGE / f"{name}.py").is_file()

    top_level = {name.removeprefix("kzlessons.") for path in (PACKAGE / "quiz").rglob("*.py")
                 for name in imported_modules(path) if name.startswith("kzlessons.") and name.count(".") == 1}
    assert {name for name in top_level if not is_module(name)} == {"_quiz_tracker"}


def test_asking_with_a_tracker_loads_no_progress() -> None:
    """Can a quiz be built, asked and checked without kzlessons.progress ever being imported?"""
    code = ("import sys, kzlessons.quiz as q\n"
            "from kzlessons.quiz.widget import MemoryTracker\n"
            "w = q.ask('l00-area', tracker=MemoryTracker(q.get('l00-area')))\n"
            "w.inputs[0].value = '2,700,000'; w.check_button.click()\n"
            "print(w.state.result.correct, 'kzlessons.progress' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "KZLESSONS_STATIC": "0"}, timeout=120)
    assert out.stdout.split() == ["True", "False"]


def test_ask_uses_the_learner_store_by_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Does kz.quiz.ask() without a tracker store the learner's answers (the root's tracker)?"""
    import kzlessons as kz
    from kzlessons.progress.events import QuizTracker

    monkeypatch.setenv("KZLESSONS_HOME", str(tmp_path))
    monkeypatch.delenv("KZLESSONS_STATIC", raising=False)
    widget = kz.quiz.ask("l00-what-check-does")
    assert isinstance(widget.tracker, QuizTracker)
    widget.inputs[0].value = "b"
    widget.check_button.click()
    assert kz.progress.attempt_count("l00-what-check-does") == 1
