"""A saved lesson never shows "Error displaying widget: model not found" on a quiz.

A quiz is a widget: its output in the notebook file names a widget model
(``application/vnd.jupyter.widget-view+json``) that lives in a kernel. Reopen a
saved lesson after that kernel has gone (the next day, a restarted server) and
JupyterLab or Notebook 7 would find no such model and print the error instead of
the quiz. Two things prevent it:

1. The settings defaults the package installs (``jupyter-settings/kzlessons.json``)
   switch on ``saveState`` of ``@jupyter-widgets/jupyterlab-manager``: saving a
   notebook also saves the state of its live widgets in the notebook's metadata,
   and a reopened lesson draws each quiz from it, as the learner left it (choice,
   feedback, explanation), before any cell runs. Such a quiz is a picture: it
   answers again once its cell runs (the quiz then replays the stored attempts).
2. This module, a Jupyter server extension enabled by the package's server config
   (``jupyter-settings/server.json`` → ``{sys.prefix}/etc/jupyter/jupyter_server_config.d/``),
   checks every notebook as it is saved. A quiz output whose widget model is *not*
   in the saved state (saved when no kernel held it: a lesson reopened and saved
   before running it, JupyterLab's autosave, a kernel shut down before saving,
   ``saveState`` turned off) loses its widget reference, so it falls back to the
   HTML it carries anyway (the question, its options and a collapsed answer) with
   one line saying to run the cell. Any other widget of a kzlessons lesson (the
   ``kz.check()`` probe, the progress download) becomes that one line. The page
   being edited is not changed, only the file written.

Only kzlessons quiz outputs (their HTML has the class ``kzlessons-quiz-static``) and
widget outputs in kzlessons lessons (notebooks with ``kzlessons`` metadata) are
touched; nothing else in any notebook is.

>>> nb = {"cells": [{"cell_type": "code", "outputs": [{"output_type": "display_data", "data": {
...     "text/plain": "Quiz l00-area", "text/html": "<div class='kzlessons-quiz-static'>Q</div>",
...     WIDGET_VIEW: {"model_id": "gone", "version_major": 2, "version_minor": 0}}}]}],
...     "metadata": {}}
>>> keep_quizzes_readable(nb)
1
>>> data = nb["cells"][0]["outputs"][0]["data"]
>>> WIDGET_VIEW in data, data["text/html"].startswith("<p class='kzlessons-rerun'"), keep_quizzes_readable(nb)
(False, True, 0)

Another widget is left alone outside a lesson; in a lesson it becomes the line:

>>> probe = {"text/plain": "HTML(value='live')", WIDGET_VIEW: {"model_id": "gone"}}
>>> other = {"cells": [{"cell_type": "code", "outputs": [{"data": probe}]}], "metadata": {}}
>>> keep_quizzes_readable(other)
0
>>> other["metadata"]["kzlessons"] = {"id": "00"}
>>> keep_quizzes_readable(other), probe["text/plain"]
(1, '[This widget is not running: run its cell (or Run → Run All Cells) to show it.]')
"""

from __future__ import annotations

from typing import Any

__all__ = ["keep_quizzes_readable", "pre_save", "WIDGET_VIEW", "WIDGET_STATE", "RERUN_TEXT"]

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
#: The class of every quiz's static HTML (:func:`kzlessons.quiz.static.to_html`), also inside a review.
QUIZ_MARK = "kzlessons-quiz-static"
RERUN_TEXT = ("This quiz is not running: run its cell (or Run → Run All Cells) to answer it; "
              "your last answer comes back.")
WIDGET_RERUN_TEXT = "This widget is not running: run its cell (or Run → Run All Cells) to show it."


def _rerun_html(text: str) -> str:
    return ("<p class='kzlessons-rerun' style='margin:0.3em 0;color:var(--jp-content-font-color1)'>"
            "<strong>" + text.replace("→", "&#8594;").replace(": ", ":</strong> ", 1) + "</p>")


RERUN_HTML = _rerun_html(RERUN_TEXT)


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        return "".join(str(part) for part in value)
    return value if isinstance(value, str) else None


def _saved_models(notebook: dict[str, Any]) -> set[str]:
    metadata = notebook.get("metadata")
    widgets = metadata.get("widgets") if isinstance(metadata, dict) else None
    saved = widgets.get(WIDGET_STATE) if isinstance(widgets, dict) else None
    state = saved.get("state") if isinstance(saved, dict) else None
    return set(state) if isinstance(state, dict) else set()


def keep_quizzes_readable(notebook: dict[str, Any]) -> int:
    """Turn each quiz output whose widget model is not saved into its static HTML plus a
    "run its cell" line, and in a kzlessons lesson any other such widget output into that
    line alone, in place; returns how many were turned."""
    saved = _saved_models(notebook)
    metadata = notebook.get("metadata")
    lesson = isinstance(metadata, dict) and "kzlessons" in metadata
    turned = 0
    for cell in notebook.get("cells") or []:
        if not isinstance(cell, dict):
            continue
        for output in cell.get("outputs") or []:
            data = output.get("data") if isinstance(output, dict) else None
            if not isinstance(data, dict) or WIDGET_VIEW not in data:
                continue
            html = _text(data.get("text/html"))
            quiz = html is not None and QUIZ_MARK in html
            if not (quiz or lesson):
                continue
            view = data[WIDGET_VIEW]
            model_id = view.get("model_id") if isinstance(view, dict) else None
            if model_id in saved or model_id == "":
                continue  # drawn from the saved widget state when reopened ("": a closed view, hidden)
            del data[WIDGET_VIEW]
            if quiz:
                data["text/html"] = RERUN_HTML + html
                plain = _text(data.get("text/plain"))
                data["text/plain"] = f"[{RERUN_TEXT}]" + (f"\n{plain}" if plain else "")
            else:  # its text/plain is a repr such as "HTML(value=...)": say what it is instead
                for key in [k for k in data if k not in ("text/html", "text/plain")]:
                    del data[key]
                data["text/html"] = _rerun_html(WIDGET_RERUN_TEXT)
                data["text/plain"] = f"[{WIDGET_RERUN_TEXT}]"
            turned += 1
    return turned


def pre_save(model: dict[str, Any], **_: Any) -> None:
    """A ``ContentsManager`` pre-save hook: :func:`keep_quizzes_readable` on every notebook saved."""
    if model.get("type") == "notebook" and isinstance(model.get("content"), dict):
        keep_quizzes_readable(model["content"])


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": "kzlessons.saving"}]


def _load_jupyter_server_extension(serverapp: Any) -> None:
    serverapp.contents_manager.register_pre_save_hook(pre_save)
