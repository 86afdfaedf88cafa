"""``kzlessons check`` and ``kz.check()``: is this environment ready for the lessons?

Prints the versions of Python, kzlessons, pandas, altair, ipywidgets and
JupyterLab; whether charts render offline; whether every dataset loads; whether
the progress store can be read and written (with its attempt count and any
damaged files set aside, and where). Each
problem is one plain sentence saying what to do. In a notebook, ``kz.check()``
also shows a small widget: if it appears, the widget frontend is live.
"""

from __future__ import annotations

import argparse
import importlib
import platform
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = ["Report", "run_checks", "check", "main", "PACKAGES"]

#: Distribution name -> import name.
PACKAGES: dict[str, str] = {"pandas": "pandas", "altair": "altair", "ipywidgets": "ipywidgets",
                            "jupyterlab": "jupyterlab"}
_WIDGET_EXTENSION = "@jupyter-widgets/jupyterlab-manager"


@dataclass
class Report:
    """What the checks found: facts to print, and problems (one sentence each).

    >>> report = Report(lines=["python      3.12"], problems=["altair is not installed; run 'pip install altair'."])
    >>> report.ok
    False
    >>> print(report.text())
    python      3.12
    <BLANKLINE>
    1 problem(s):
      ✗ altair is not installed; run 'pip install altair'.
    """

    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no problem was found."""
        return not self.problems

    def text(self) -> str:
        out = list(self.lines)
        if self.problems:
            out += ["", f"{len(self.problems)} problem(s):"] + [f"  ✗ {p}" for p in self.problems]
        else:
            out += ["", "✓ All checks passed: you are ready for the lessons."]
        return "\n".join(out)


def _version(dist: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return None


def _check_versions(report: Report) -> None:
    from . import __version__

    report.lines.append(f"python      {platform.python_version()} ({sys.executable})")
    report.lines.append(f"kzlessons   {__version__}")
    if sys.version_info < (3, 11):
        report.problems.append(f"Python {platform.python_version()} is too old; kzlessons needs 3.11 or newer.")
    for dist, module in PACKAGES.items():
        v = _version(dist)
        report.lines.append(f"{dist:<11} {v or 'not installed'}")
        if v is None:
            report.problems.append(f"{dist} is not installed; run 'pip install {dist}' "
                                   "(or reinstall kzlessons with its requirements).")
            continue
        if dist != "jupyterlab":
            try:
                importlib.import_module(module)
            except Exception as error:  # a broken install, not just a missing one
                report.problems.append(f"{dist} {v} is installed but fails to import ({error}); reinstall it.")


def _check_charts(report: Report) -> None:
    try:
        from .charts import setup
        from .charts.render import is_offline_safe

        setup()
        ok, why = is_offline_safe()
    except Exception as error:
        ok, why = False, f"chart set-up failed ({type(error).__name__}: {error})"
    report.lines.append(f"charts      {'offline-safe' if ok else 'NOT offline-safe'}: {why}")
    if not ok:
        report.problems.append(f"Charts will not render without a network: {why}")


def _check_data(report: Report) -> None:
    try:
        from . import data

        names = list(data.names())
    except Exception as error:
        report.lines.append("data        not available")
        report.problems.append(f"The datasets cannot be listed ({type(error).__name__}: {error}); "
                               "reinstall kzlessons or, in a clone, rebuild data with scripts/curate_data.py.")
        return
    failed = []
    for name in names:
        try:
            frame = data.load(name)
            if len(frame) == 0:
                failed.append(name)
                report.problems.append(f"Dataset '{name}' loads but is empty; rebuild the data.")
        except Exception as error:
            failed.append(name)
            report.problems.append(f"Dataset '{name}' does not load ({type(error).__name__}: {error}); "
                                   "reinstall kzlessons or rebuild the data.")
    report.lines.append(f"data        {len(names) - len(failed)} of {len(names)} datasets load"
                        + (f" (failed: {', '.join(failed)})" if failed else ""))


def _check_store(report: Report) -> None:
    try:
        from .progress.health import store_health

        lines, problems = store_health()
    except Exception as error:  # the check itself must not crash
        lines, problems = ["progress    not checked"], [f"The progress store could not be checked "
                                                         f"({type(error).__name__}: {error})."]
    report.lines += lines
    report.problems += problems


def _in_kernel() -> bool:
    try:
        from IPython import get_ipython

        ip = get_ipython()
    except ImportError:
        return False
    return ip is not None and getattr(ip, "kernel", None) is not None


def _widget_extension_installed() -> bool | None:
    try:
        from jupyter_core.paths import jupyter_path
    except ImportError:
        return None
    from pathlib import Path

    return any((Path(p) / _WIDGET_EXTENSION / "package.json").is_file() for p in jupyter_path("labextensions"))


def _check_widgets(report: Report, live: bool) -> None:
    installed = _widget_extension_installed()
    if installed is False:
        report.problems.append("The JupyterLab widget extension (jupyterlab_widgets) is missing, so quizzes "
                               "will not show; run 'pip install ipywidgets' in the environment that runs JupyterLab.")
    if not live:
        state = {True: "extension installed", False: "extension MISSING", None: "extension not checked"}[installed]
        report.lines.append(f"widgets     {state}; run kz.check() in a notebook to confirm the frontend is live")
        return
    try:
        import ipywidgets as w
        from IPython.display import display
    except Exception as error:
        report.problems.append(f"ipywidgets cannot be used ({error}); reinstall it.")
        return
    # The kernel cannot see whether the browser drew a widget: show one and say what it means.
    probe = w.HTML("<b>✓ Widgets are live:</b> if you can read this line, quizzes will work here.")
    display(probe)
    report.lines.append("widgets     a test widget was shown just above. If it reads '✓ Widgets are live', "
                        "the frontend works; if you see 'HTML(value=...)' instead, widgets are not rendering "
                        "(reload the page, or install jupyterlab_widgets where JupyterLab runs).")


def run_checks(*, live_widgets: bool = False) -> Report:
    """Run every check and return a Report (prints nothing)."""
    report = Report()
    _check_versions(report)
    _check_charts(report)
    _check_data(report)
    _check_store(report)
    _check_widgets(report, live_widgets)
    return report


def check() -> bool:
    """Check the environment from a notebook (``kz.check()``); prints a report, returns True if all is well."""
    report = run_checks(live_widgets=_in_kernel())
    print(report.text())
    return report.ok


def main(argv: Sequence[str] | None = None) -> int:
    """``kzlessons check``: print the report; exit 1 if there is any problem."""
    parser = argparse.ArgumentParser(prog="kzlessons check",
                                     description="Check this environment: versions, offline charts, data, progress store, widgets.")
    parser.parse_args(list(argv or []))
    report = run_checks(live_widgets=False)
    print(report.text())
    return 0 if report.ok else 1
