"""kzlessons/site.py: the ``kzlessons site`` verb runs the repository's site builder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kzlessons import cli, site

REPO = Path(__file__).resolve().parents[1]


def test_verb_runs_the_builder_of_this_clone_with_its_options(monkeypatch) -> None:
    """Does ``kzlessons site --hub URL`` run scripts/build_site.py with the same Python and the options?"""
    calls = []
    monkeypatch.setattr(subprocess, "run", lambda cmd, cwd: calls.append((cmd, cwd)) or
                        subprocess.CompletedProcess(cmd, 0))
    assert cli.main(["site", "--hub", "https://hub.example.edu"]) == 0
    assert calls == [([sys.executable, str(REPO / "scripts" / "build_site.py"), "--hub", "https://hub.example.edu"],
                      REPO)]


def test_verb_outside_a_clone_says_how_to_build_the_site(monkeypatch, capsys) -> None:
    """From an installed wheel (no scripts/), does it exit 1 with a sentence saying what to do?"""
    monkeypatch.setattr(site, "repo_root", lambda: None)
    assert site.site_main([]) == 1
    assert "git clone" in capsys.readouterr().err and "make site" in site.CLONE_HINT


def test_builder_help_runs() -> None:
    """Does the builder script itself start and describe its options (no build)?"""
    out = subprocess.run([sys.executable, str(REPO / "scripts" / "build_site.py"), "--help"],
                         capture_output=True, text=True, check=True).stdout
    assert "--hub" in out and "_build/site" in out


def _build_site_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_site", REPO / "scripts" / "build_site.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_remote_images_become_links_or_words() -> None:
    """Does the builder turn web images in copied Markdown into their words, keeping a badge's link?"""
    b = _build_site_module()
    assert b.without_remote_images("[![Launch](https://x.org/b.svg)](https://mybinder.org/v2)") == \
        "[Launch](https://mybinder.org/v2)"
    assert b.without_remote_images("![](https://x.org/p.png) and ![local](pic.png)") == "image and ![local](pic.png)"
    assert b.without_remote_images('<img src="https://x.org/p.png" alt="p">') == ""


def test_launch_box_links_binder_download_and_hub() -> None:
    """Does each lesson's launch box link Binder and the download, and the hub directly when given
    (else a form asking for the hub's address)?"""
    from kzlessons.launch import binder_link, hub_link

    b = _build_site_module()
    repo, lesson = "https://github.com/kzlessons/kzlessons", "02_following_the_trade.ipynb"
    box = b.launch_html(lesson, repo=repo, branch="main", hub=None)
    assert binder_link(lesson, repo, "main").replace("&", "&amp;") in box
    assert f'href="../notebooks/{lesson}" download' in box and '<form class="kz-hub"' in box
    direct = b.launch_html(lesson, repo=repo, branch="main", hub="https://hub.example.edu")
    assert hub_link("https://hub.example.edu", lesson, repo, "main").replace("&", "&amp;") in direct
    assert "<form" not in direct


def test_polish_gives_toctree_captions_an_aria_level(tmp_path: Path) -> None:
    """Do Sphinx's role=heading captions get the aria-level that role requires (once)?"""
    b = _build_site_module()
    page = tmp_path / "index.html"
    page.write_text('<p class="caption" role="heading"><span>Lessons</span></p>')
    assert b.polish(tmp_path) == 1 and b.polish(tmp_path) == 0
    assert 'role="heading" aria-level="2"' in page.read_text()


def test_chart_drawings_become_files_with_a_full_size_link(tmp_path: Path) -> None:
    """Do a chart picture's inline SVG drawings (wide and phone) become files the page links to, with a
    link under the picture opening the full drawing, and nothing changed on a second run?"""
    import base64

    b = _build_site_module()
    uri = lambda svg: "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()  # noqa: E731
    page = tmp_path / "lessons" / "02.html"
    page.parent.mkdir()
    page.write_text(f'<p>x</p><figure class="kzlessons-chart-static"><picture><source media="(max-width: 560px)" '
                    f'srcset="{uri("<svg>narrow</svg>")}"><img src="{uri("<svg>wide</svg>")}" alt="A chart">'
                    '</picture></figure>')
    assert b.chart_files(tmp_path) == 1 and b.chart_files(tmp_path) == 0
    html = page.read_text()
    files = {p.read_text(): p.name for p in (tmp_path / "_charts").iterdir()}
    assert set(files) == {"<svg>narrow</svg>", "<svg>wide</svg>"} and "data:" not in html
    assert f'srcset="../_charts/{files["<svg>narrow</svg>"]}"' in html
    assert f'<img src="../_charts/{files["<svg>wide</svg>"]}" alt="A chart">' in html
    assert f'<a href="../_charts/{files["<svg>wide</svg>"]}">Open this chart full size</a>' in html


def test_widget_outputs_become_a_sentence_saying_where_they_work() -> None:
    """Is a widget output (empty without a kernel) replaced by a note pointing to Jupyter?"""
    import nbformat

    b = _build_site_module()
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("w", outputs=[nbformat.v4.new_output(
        "display_data", data={b.WIDGET_MIME: {"model_id": "x"}, "text/plain": "VBox(...)"})])])
    assert b.without_widgets(nb) == 1
    assert nb.cells[0].outputs[0]["data"]["text/html"] == b.NEEDS_KERNEL


def test_lesson_kernels_are_quiet_unless_a_lesson_fails(tmp_path, capfd) -> None:
    """UX-24: does executing a lesson keep its kernel's own log (ipykernel's "running over TCP without
    encryption" warning) off the console, keep what cells print as outputs, and show the log when the
    lesson fails?"""
    import nbformat
    import pytest
    from nbclient.exceptions import CellExecutionError

    b = _build_site_module()
    spec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    ok, bad = tmp_path / "ok.ipynb", tmp_path / "bad.ipynb"
    for path, code in ((ok, "import sys; print('to stderr', file=sys.stderr)"),
                       (bad, "import os; os.write(2, b'kernel process says this\\n'); 1 / 0")):
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
        nb.metadata["kernelspec"] = spec
        nbformat.write(nb, path)
    nb, cached = b.execute(ok, tmp_path / "cache")
    assert not cached and nb.cells[0].outputs[0]["text"] == "to stderr\n"
    out, err = capfd.readouterr()
    assert "without encryption" not in out + err and out + err == ""
    with pytest.raises(CellExecutionError):
        b.execute(bad, tmp_path / "cache")
    out, _ = capfd.readouterr()
    assert "bad.ipynb failed; its kernel said:" in out and "kernel process says this" in out
