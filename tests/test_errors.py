"""Learner-facing errors are one sentence in a notebook, not a traceback through library code."""

from __future__ import annotations

import subprocess
import sys

import pytest

import kzlessons as kz
from kzlessons.errors import LearnerError


@pytest.mark.parametrize("call, name", [
    (lambda: kz.data.load("../../etc/passwd"), "DatasetNotFound"),
    (lambda: kz.exercises.check("l02-nope", 1), "ExerciseNotFound"),
    (lambda: kz.quiz.ask("l02-does-not-exist"), "QuestionNotFound"),
    (lambda: kz.progress.load_file("/nonexistent/file.json"), "ImportRefused"),
], ids=["dataset", "exercise", "question", "import"])
def test_learner_errors_render_as_one_sentence(call, name: str, kz_home) -> None:
    """Does each learner-facing error give IPython one line, 'Name: sentence', and keep its usual base class?"""
    with pytest.raises(LearnerError) as caught:
        call()
    lines = caught.value._render_traceback_()
    assert len(lines) == 1 and lines[0].startswith(f"{name}: ")
    assert lines[0].rstrip().endswith((".", ")", "?")), lines[0]


def test_ipython_shows_the_sentence_without_library_frames(tmp_path) -> None:
    """In IPython (as in a notebook), does a wrong dataset name print a few lines, not a traceback wall?"""
    code = "import kzlessons as kz\nkz.data.load('tradee')\n"
    result = subprocess.run([sys.executable, "-m", "IPython", "--colors=NoColor", "--no-banner", "-c", code],
                            capture_output=True, text=True, timeout=120, cwd=tmp_path)
    shown = (result.stdout + result.stderr).strip().splitlines()
    assert any("DatasetNotFound: There is no dataset called 'tradee'. Did you mean 'trade'?" in line
               for line in shown), shown
    assert not any("File " in line and "kzlessons" in line for line in shown), shown
