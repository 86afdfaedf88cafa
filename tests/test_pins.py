"""The pinned versions (constraints.txt, binder/) and pyproject.toml agree."""

from __future__ import annotations

import importlib.util
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("lock", ROOT / "scripts" / "lock.py")
lock = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(lock)

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
CONSTRAINTS = lock.read_pins(ROOT / "constraints.txt")
BINDER = lock.read_pins(ROOT / "binder" / "requirements.txt")


def _declared() -> list[Requirement]:
    extras = [r for group in PROJECT["optional-dependencies"].values() for r in group]
    requirements = [Requirement(text) for text in [*PROJECT["dependencies"], *extras]]
    return [r for r in requirements if canonicalize_name(r.name) != "kzlessons"]  # self-references to extras


@pytest.mark.parametrize("requirement", _declared(), ids=str)
def test_every_declared_dependency_is_pinned_within_its_range(requirement: Requirement) -> None:
    """Does constraints.txt pin each pyproject dependency to a version its range allows?"""
    name = canonicalize_name(requirement.name)
    assert name in CONSTRAINTS, f"{name} is declared in pyproject.toml but not pinned in constraints.txt"
    assert requirement.specifier.contains(CONSTRAINTS[name], prereleases=True), (
        f"{name}=={CONSTRAINTS[name]} does not satisfy pyproject's {requirement}"
    )


def test_binder_pins_equal_the_constraints() -> None:
    """Is every binder pin the exact version constraints.txt gives?"""
    differing = {n: (v, CONSTRAINTS.get(n)) for n, v in BINDER.items() if CONSTRAINTS.get(n) != v}
    assert not differing, f"binder/requirements.txt disagrees with constraints.txt: {differing}"


def test_binder_pins_every_runtime_dependency() -> None:
    """Does binder/requirements.txt pin the whole runtime closure of kzlessons?"""
    missing = lock.runtime_closure() - BINDER.keys()
    assert not missing, f"not pinned for Binder: {sorted(missing)} -- run scripts/lock.py"
    for requirement in PROJECT["dependencies"]:
        assert canonicalize_name(Requirement(requirement).name) in BINDER


def test_binder_installs_the_package_itself_on_python_311() -> None:
    """Does Binder install kzlessons from the repository on Python 3.11?"""
    lines = [line.strip() for line in (ROOT / "binder" / "requirements.txt").read_text().splitlines()]
    assert "." in lines
    assert (ROOT / "binder" / "runtime.txt").read_text().strip() == "python-3.11"
