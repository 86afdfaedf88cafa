"""A saved lesson reopens without "model not found" (kzlessons/saving.py, the settings it goes with).

The browser half (a lesson run, saved, its kernel shut down, reopened in JupyterLab and Notebook 7)
is tests/browser/test_reopen.py; these check the pieces without a browser.
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

import nbformat
import pytest

from kzlessons import quiz, saving
from kzlessons.quiz import static

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = ROOT / "jupyter-settings" / "kzlessons.json"
SERVER_CONFIG = ROOT / "jupyter-settings" / "server.json"
WIDGETS_PLUGIN = "@jupyter-widgets/jupyterlab-manager:plugin"


def _quiz_output(model_id: str, qid: str = "l00-area") -> dict:
    question = quiz.get(qid)
    html = static.to_html(question)
    return nbformat.v4.new_output("display_data", data={
        "text/plain": static.to_text(question),
        "text/html": [line + "\n" for line in html.split("\n")] if "\n" in html else [html],
        saving.WIDGET_VIEW: {"version_major": 2, "version_minor": 0, "model_id": model_id},
    })


def _probe_output(model_id: str) -> dict:
    return nbformat.v4.new_output("display_data", data={
        "text/plain": "HTML(value='<b>✓ Widgets are live:</b> …')",
        saving.WIDGET_VIEW: {"version_major": 2, "version_minor": 0, "model_id": model_id},
    })


def _notebook(outputs: list[dict], saved: list[str] | None = None, lesson: bool = True) -> dict:
    cell = nbformat.v4.new_code_cell("kz.quiz.ask('l00-area')", outputs=outputs, execution_count=1)
    nb = nbformat.v4.new_notebook(cells=[cell])
    if lesson:
        nb.metadata["kzlessons"] = {"id": "00"}
    if saved is not None:
        nb.metadata["widgets"] = {saving.WIDGET_STATE: {
            "version_major": 2, "version_minor": 0,
            "state": {m: {"model_name": "VBoxModel", "state": {}} for m in saved}}}
    return json.loads(json.dumps(nb))  # plain dicts, as the contents API hands them to a pre-save hook


def test_a_quiz_whose_state_is_saved_stays_a_widget() -> None:
    """With its model in the saved widget state, is a quiz output left exactly as it is (drawn from that state)?"""
    nb = _notebook([_quiz_output("m1")], saved=["m1"])
    before = copy.deepcopy(nb)
    assert saving.keep_quizzes_readable(nb) == 0
    assert nb == before


@pytest.mark.parametrize("saved", [None, [], ["another"]], ids=["no state", "empty state", "other models"])
def test_a_quiz_without_saved_state_becomes_its_question_and_a_line(saved: list[str] | None) -> None:
    """Without its model in the saved state, does a quiz output lose its widget reference and show its
    question (the static HTML it carries) under one line saying to run its cell, in HTML and plain text?"""
    nb = _notebook([_quiz_output("m1")], saved=saved)
    assert saving.keep_quizzes_readable(nb) == 1
    data = nb["cells"][0]["outputs"][0]["data"]
    assert saving.WIDGET_VIEW not in data
    assert data["text/html"].startswith("<p class='kzlessons-rerun'") and "run its cell" in data["text/html"]
    assert "kzlessons-quiz-static" in data["text/html"] and "About how large is Kazakhstan" in data["text/html"]
    assert data["text/plain"].startswith(f"[{saving.RERUN_TEXT}]\nQuiz l00-area")
    assert saving.keep_quizzes_readable(nb) == 0  # idempotent: a second save changes nothing
    nbformat.validate(nbformat.from_dict(nb))


def test_other_widgets_of_a_lesson_become_a_line_and_other_notebooks_are_left_alone() -> None:
    """Does another widget in a lesson (the kz.check probe) become the 'not running' line, while the same
    widget in a notebook that is not a lesson, and a closed view (model id ''), are not touched?"""
    lesson = _notebook([_probe_output("p1"), _probe_output("")], saved=[])
    assert saving.keep_quizzes_readable(lesson) == 1
    first, closed = (o["data"] for o in lesson["cells"][0]["outputs"])
    assert first == {"text/html": first["text/html"], "text/plain": f"[{saving.WIDGET_RERUN_TEXT}]"}
    assert "run its cell" in first["text/html"]
    assert saving.WIDGET_VIEW in closed
    other = _notebook([_probe_output("p1")], saved=[], lesson=False)
    before = copy.deepcopy(other)
    assert saving.keep_quizzes_readable(other) == 0 and other == before


def test_pre_save_hook_through_a_real_contents_manager(tmp_path: Path) -> None:
    """Saved through jupyter_server's FileContentsManager with the hook registered (as the server
    extension does), is the file on disk the readable version, and is a plain file saved untouched?"""
    from jupyter_server.services.contents.filemanager import FileContentsManager

    manager = FileContentsManager(root_dir=str(tmp_path))
    saving._load_jupyter_server_extension(type("App", (), {"contents_manager": manager})())
    nb = _notebook([_quiz_output("gone"), _quiz_output("kept", "l00-what-check-does")], saved=["kept"])
    manager.save({"type": "notebook", "format": "json", "content": nb}, "lesson.ipynb")
    outputs = json.loads((tmp_path / "lesson.ipynb").read_text())["cells"][0]["outputs"]
    assert saving.WIDGET_VIEW not in outputs[0]["data"] and saving.WIDGET_VIEW in outputs[1]["data"]
    manager.save({"type": "file", "format": "text", "content": "kzlessons-quiz-static"}, "notes.txt")
    assert (tmp_path / "notes.txt").read_text() == "kzlessons-quiz-static"


def test_the_server_extension_is_enabled_and_loadable() -> None:
    """Does the shipped server config enable kzlessons.saving, is it installed into this environment,
    and does jupyter_server accept it as an extension?"""
    from jupyter_server.extension.manager import ExtensionPackage

    shipped = json.loads(SERVER_CONFIG.read_text())
    assert shipped == {"ServerApp": {"jpserver_extensions": {"kzlessons.saving": True}}}
    installed = Path(sys.prefix) / "etc" / "jupyter" / "jupyter_server_config.d" / "kzlessons.json"
    assert installed.is_file(), f"{installed} missing: reinstall with pip install -e ."
    assert json.loads(installed.read_text()) == shipped
    package = ExtensionPackage(name="kzlessons.saving", enabled=True)
    assert package.validate()


def test_settings_save_widget_state_with_the_notebook() -> None:
    """Do the shipped (and installed) JupyterLab settings defaults switch on the widget manager's saveState?"""
    assert json.loads(SETTINGS.read_text())[WIDGETS_PLUGIN] == {"saveState": True}
    installed = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.d" / "kzlessons.json"
    assert json.loads(installed.read_text()) == json.loads(SETTINGS.read_text())
