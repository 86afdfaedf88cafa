"""`kzlessons check` / kz.check(): versions, offline charts, data, widgets; non-zero exit on problems."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kzlessons import checks


def test_report_lists_versions_and_states() -> None:
    """Does the report name python, kzlessons, pandas, altair, ipywidgets, jupyterlab, charts, data, widgets?"""
    text = checks.run_checks().text()
    for word in ("python", "kzlessons", "pandas", "altair", "ipywidgets", "jupyterlab",
                 "charts", "data", "widgets"):
        assert word in text


def test_charts_are_reported_offline_safe() -> None:
    """Does the check say charts are offline-safe after set-up?"""
    assert "charts      offline-safe" in checks.run_checks().text()


def test_missing_package_is_a_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    """Does a missing package give a sentence saying how to install it?"""
    real = checks._version
    monkeypatch.setattr(checks, "_version", lambda d: None if d == "ipywidgets" else real(d))
    report = checks.run_checks()
    assert not report.ok
    assert any("ipywidgets is not installed; run 'pip install ipywidgets'" in p for p in report.problems)


def test_broken_dataset_is_a_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    """Does a dataset that fails to load become one plain problem naming it?"""
    from kzlessons import data

    monkeypatch.setattr(data, "names", lambda: ["trade", "ghost"])
    real = data.load

    def load(name):
        if name == "ghost":
            raise FileNotFoundError("ghost.csv")
        return real(name)

    monkeypatch.setattr(data, "load", load)
    report = checks.run_checks()
    assert any("Dataset 'ghost' does not load" in p for p in report.problems)


def test_offline_problem_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    """If charts are not offline-safe, is that a problem with the reason?"""
    from kzlessons.charts import render

    monkeypatch.setattr(render, "is_offline_safe", lambda: (False, "the active renderer is 'html'"))
    report = checks.run_checks()
    assert any("Charts will not render without a network" in p for p in report.problems)


def test_main_exit_status(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    """Does `kzlessons check` exit 0 when all is well and 1 with a problem?"""
    ok = checks.main([])
    out = capsys.readouterr().out
    assert (ok == 0) == ("All checks passed" in out)
    monkeypatch.setattr(checks, "_version", lambda d: None)
    assert checks.main([]) == 1
    assert "problem(s)" in capsys.readouterr().out


def test_check_in_a_kernel_shows_a_widget(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    """Inside a kernel, does kz.check() display a test widget and explain what it shows?"""
    shown = []
    monkeypatch.setattr(checks, "_in_kernel", lambda: True)
    import IPython.display

    monkeypatch.setattr(IPython.display, "display", lambda obj: shown.append(obj))
    checks.check()
    assert shown and "Widgets are live" in shown[0].value
    assert "a test widget was shown just above" in capsys.readouterr().out


def test_cli_runs_as_a_command() -> None:
    """Does `python -m kzlessons.cli check` run and print the report?"""
    out = subprocess.run([sys.executable, "-m", "kzlessons.cli", "check"], capture_output=True, text=True,
                         timeout=120)
    assert "kzlessons" in out.stdout and out.returncode in (0, 1)
    assert ("All checks passed" in out.stdout) == (out.returncode == 0)
