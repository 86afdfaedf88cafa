#!/usr/bin/env python3
"""One-command setup for kzlessons: ``python3 tasks.py lab`` or ``python3 tasks.py test``.

Needs only ``python3`` (3.11 or newer, with the ``venv`` module). Creates
``.venv`` when missing, installs the package with exact versions from
``constraints.txt``, and skips the install when nothing changed since the last
one, so repeated runs start at once. ``make lab`` and ``make test`` call this.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / "python"
FIRST_LESSON = "notebooks/00_start_here.ipynb"
EXTRAS = {"lab": "", "test": "[test]", "site": "[site]"}


def _say(message: str) -> None:
    print(f"[kzlessons] {message}", flush=True)


def _fingerprint(extra: str) -> str:
    digest = hashlib.sha256(extra.encode())
    for name in ("pyproject.toml", "constraints.txt"):
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()


def ensure_venv(extra: str) -> None:
    """Create ``.venv`` and install kzlessons (plus ``extra``) unless already done."""
    if sys.version_info < (3, 11):
        sys.exit(f"kzlessons needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    stamp = VENV / f".installed{extra or '[lab]'}"
    if stamp.is_file() and stamp.read_text() == _fingerprint(extra):
        return
    if not PYTHON.exists():
        _say(f"creating {VENV.relative_to(ROOT)} (once)")
        try:
            venv.create(VENV, with_pip=True)
        except Exception as error:  # ensurepip missing on bare Debian/Ubuntu
            sys.exit(
                f"Could not create a virtual environment ({error}).\n"
                "On Debian or Ubuntu install the venv module first:  sudo apt-get install python3-venv"
            )
    _say(f"installing kzlessons{extra} and its pinned dependencies (a minute the first time)")
    subprocess.run(
        [str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "-c", str(ROOT / "constraints.txt"), "-e", f"{ROOT}{extra}"],
        check=True,
    )
    stamp.write_text(_fingerprint(extra))


def lab_command(args: list[str]) -> list[str]:
    """The ``jupyter lab`` command line: open lesson 00, and make it the default URL too, so the
    URL printed where no browser opens (``…/lab/tree/00_start_here.ipynb?token=…``) is the lesson.
    The server's root is the lesson's folder (``notebooks/``), so the URL path is the file name."""
    lesson = FIRST_LESSON.rsplit("/", 1)[-1]
    command = [str(BIN / "jupyter"), "lab", FIRST_LESSON, f"--LabApp.default_url=/lab/tree/{quote(lesson)}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    return command + list(args)


def lab(args: list[str]) -> int:
    """Start JupyterLab on lesson 00."""
    ensure_venv(EXTRAS["lab"])
    command = lab_command(args)
    os.chdir(ROOT)
    os.execv(command[0], command)
    return 0  # pragma: no cover - execv does not return


def test(args: list[str]) -> int:
    """Run every test: unit, data, doctests, notebooks and browser tests."""
    ensure_venv(EXTRAS["test"])
    return subprocess.run([str(PYTHON), "-m", "pytest", *args], cwd=ROOT).returncode


def site(args: list[str]) -> int:
    """Build the offline static course site into _build/site (lessons run in static mode)."""
    ensure_venv(EXTRAS["site"])
    return subprocess.run([str(PYTHON), str(ROOT / "scripts" / "build_site.py"), *args], cwd=ROOT).returncode


def setup(args: list[str]) -> int:
    """Only create and fill ``.venv`` (with the test tools)."""
    ensure_venv(EXTRAS["test"])
    return 0


COMMANDS = {"lab": lab, "test": test, "site": site, "setup": setup}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print("usage: python3 tasks.py {lab|test|site|setup} [extra arguments]")
        for name, func in COMMANDS.items():
            print(f"  {name:<6} {func.__doc__.splitlines()[0]}")
        return 2
    return COMMANDS[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
