"""The ``kzlessons`` command routes verbs and fails politely."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kzlessons import cli


def test_help_lists_every_verb(capsys: pytest.CaptureFixture[str]) -> None:
    """Does `kzlessons --help` name every verb?"""
    assert cli.main(["--help"]) == 0
    out = capsys.readouterr().out
    assert all(verb in out for verb in cli.VERBS)


def test_unknown_verb_exits_2_with_usage(capsys: pytest.CaptureFixture[str]) -> None:
    """Does an unknown verb exit with status 2 and show the usage?"""
    assert cli.main(["grade"]) == 2
    assert "unknown verb 'grade'" in capsys.readouterr().err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """Does `kzlessons --version` print the package version?"""
    import kzlessons

    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"kzlessons {kzlessons.__version__}"


@pytest.mark.parametrize("verb", sorted(cli.VERBS))
def test_every_verb_resolves_to_a_callable(verb: str) -> None:
    """Does every verb point at a function that exists?"""
    import importlib

    module, func = cli.VERBS[verb][0].split(":")
    assert callable(getattr(importlib.import_module(module), func))


def test_output_piped_into_head_does_not_crash() -> None:
    """Does `kzlessons links ... | head -1` end without a BrokenPipeError traceback?"""
    result = subprocess.run(
        f"{sys.executable} -m kzlessons.cli links --hub https://hub.example.edu | head -1",
        shell=True, capture_output=True, text=True,
    )
    assert "Traceback" not in result.stderr
    assert result.stdout.count("\n") == 1
