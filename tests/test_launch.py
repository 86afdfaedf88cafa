"""``kzlessons lab`` (copy lessons without overwriting edits) and ``kzlessons links``."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from kzlessons import cli, launch

LESSONS = ["00_start_here.ipynb", "01_multivector.ipynb", "02_trade.ipynb"]


@pytest.fixture
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake bundled notebooks folder that ``kzlessons lab``/``links`` read instead of the real one."""
    source = tmp_path / "bundled"
    source.mkdir()
    for name in LESSONS:
        (source / name).write_text(json.dumps({"cells": [], "v": 1, "name": name}))
    (source / ".ipynb_checkpoints").mkdir()
    (source / ".ipynb_checkpoints" / "junk.ipynb").write_text("{}")
    monkeypatch.setattr(launch, "notebooks_dir", lambda: source)
    return source


def test_first_run_copies_every_lesson(course: Path, tmp_path: Path) -> None:
    """Does the first run copy every lesson (and no checkpoint junk) and record a manifest?"""
    work = tmp_path / "work"
    report = launch.copy_lessons(work)
    assert report.copied == LESSONS
    assert sorted(p.name for p in work.glob("*.ipynb")) == LESSONS
    assert not (work / ".ipynb_checkpoints").exists()
    manifest = json.loads((work / launch.MANIFEST_NAME).read_text())
    assert set(manifest["files"]) == set(LESSONS)


def test_second_run_changes_nothing(course: Path, tmp_path: Path) -> None:
    """Does a second run with nothing changed leave every file alone and say so?"""
    work = tmp_path / "work"
    launch.copy_lessons(work)
    report = launch.copy_lessons(work)
    assert report.unchanged == LESSONS and not (report.copied or report.updated or report.kept)
    assert "up to date" in " ".join(report.lines())


def test_edited_lesson_is_never_overwritten(course: Path, tmp_path: Path) -> None:
    """When the course changes a lesson the learner edited, is the learner's copy kept and reported?"""
    work = tmp_path / "work"
    launch.copy_lessons(work)
    (work / LESSONS[1]).write_text("my answers")
    (course / LESSONS[1]).write_text("course v2")
    report = launch.copy_lessons(work)
    assert report.kept == [LESSONS[1]]
    assert (work / LESSONS[1]).read_text() == "my answers"
    assert any(LESSONS[1] in line and "Kept" in line for line in report.lines())
    # and again on a third run: still kept, still not overwritten
    (course / LESSONS[1]).write_text("course v3")
    assert launch.copy_lessons(work).kept == [LESSONS[1]]
    assert (work / LESSONS[1]).read_text() == "my answers"


def test_edit_without_course_change_is_left_alone(course: Path, tmp_path: Path) -> None:
    """When the learner edited a lesson and the course did not change it, is the edit left alone and named?"""
    work = tmp_path / "work"
    launch.copy_lessons(work)
    (work / LESSONS[0]).write_text("my answers")
    report = launch.copy_lessons(work)
    assert report.edited == [LESSONS[0]] and report.kept == []
    assert (work / LESSONS[0]).read_text() == "my answers"
    assert any("edited" in line and LESSONS[0] in line for line in report.lines())


def test_untouched_lesson_is_updated(course: Path, tmp_path: Path) -> None:
    """When the course changes a lesson the learner did not touch, is the new version copied?"""
    work = tmp_path / "work"
    launch.copy_lessons(work)
    (course / LESSONS[2]).write_text("course v2")
    report = launch.copy_lessons(work)
    assert report.updated == [LESSONS[2]]
    assert (work / LESSONS[2]).read_text() == "course v2"
    # the manifest now knows v2, so a later v3 also updates
    (course / LESSONS[2]).write_text("course v3")
    assert launch.copy_lessons(work).updated == [LESSONS[2]]


def test_deleted_lesson_is_copied_again(course: Path, tmp_path: Path) -> None:
    """Does deleting a lesson and running again give a fresh copy (the documented 'start over')?"""
    work = tmp_path / "work"
    launch.copy_lessons(work)
    (work / LESSONS[0]).unlink()
    assert launch.copy_lessons(work).copied == [LESSONS[0]]
    assert (work / LESSONS[0]).read_text() == (course / LESSONS[0]).read_text()


def test_unknown_file_with_same_name_is_kept(course: Path, tmp_path: Path) -> None:
    """Is a pre-existing file the manifest does not know (not ours) kept rather than overwritten?"""
    work = tmp_path / "work"
    work.mkdir()
    (work / LESSONS[0]).write_text("someone else's notebook")
    report = launch.copy_lessons(work)
    assert report.kept == [LESSONS[0]]
    assert (work / LESSONS[0]).read_text() == "someone else's notebook"


def test_corrupt_manifest_never_loses_edits(course: Path, tmp_path: Path) -> None:
    """With a damaged manifest, are edited files still kept (fail safe, not fail open)?"""
    work = tmp_path / "work"
    launch.copy_lessons(work)
    (work / launch.MANIFEST_NAME).write_text("{not json")
    (work / LESSONS[0]).write_text("edited")
    (course / LESSONS[0]).write_text("course v2")
    assert launch.copy_lessons(work).kept == [LESSONS[0]]
    assert (work / LESSONS[0]).read_text() == "edited"


def test_lab_copy_only_via_cli(course: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Does ``kzlessons lab --copy-only --dir X`` copy, report and return 0 without starting a server?"""
    work = tmp_path / "work"
    assert cli.main(["lab", "--copy-only", "--dir", str(work)]) == 0
    out = capsys.readouterr().out
    assert "Copied 3 file(s)" in out and str(work) in out
    assert (work / LESSONS[0]).is_file()


def test_lab_execs_jupyter_lab_on_lesson_00(course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Does ``kzlessons lab`` exec ``jupyter lab`` on lesson 00, passing --no-browser and extra options through?"""
    calls: list[list[str]] = []
    monkeypatch.setattr(launch.os, "execv", lambda path, args: calls.append(list(args)))
    monkeypatch.chdir(tmp_path)
    assert launch.lab_main(["--no-browser", "--port", "9999"]) == 0
    (command,) = calls
    assert command[1:4] == ["-m", "jupyterlab", "00_start_here.ipynb"]
    assert "--LabApp.default_url=/lab/tree/00_start_here.ipynb" in command  # the printed URL is the lesson
    assert "--no-browser" in command and command[-2:] == ["--port", "9999"]
    assert f"--ServerApp.root_dir={tmp_path / launch.DEFAULT_DIR}" in command
    assert ("--allow-root" in command) == (os.geteuid() == 0)
    assert Path.cwd() == tmp_path / launch.DEFAULT_DIR


def _tasks_module():
    spec = importlib.util.spec_from_file_location("tasks", Path(__file__).resolve().parents[1] / "tasks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_make_lab_command_opens_and_prints_lesson_00() -> None:
    """Does ``make lab`` (tasks.py) start ``jupyter lab`` on lesson 00 with lesson 00 as the default URL, so
    the URL printed where no browser opens is ``…/lab/tree/00_start_here.ipynb?token=…``, not the Launcher?"""
    tasks = _tasks_module()
    command = tasks.lab_command(["--no-browser", "--port", "9999"])
    assert command[0].endswith("jupyter") and command[1:3] == ["lab", "notebooks/00_start_here.ipynb"]
    # jupyter lab makes the folder of the file it opens the server root: the URL path is the file name
    assert "--LabApp.default_url=/lab/tree/00_start_here.ipynb" in command
    assert (Path(tasks.ROOT) / tasks.FIRST_LESSON).is_file()
    assert command[-3:] == ["--no-browser", "--port", "9999"]  # the learner's options come last and win
    assert ("--allow-root" in command) == (os.geteuid() == 0)


def test_default_url_is_a_jupyterlab_option() -> None:
    """Is ``default_url`` a configurable option of JupyterLab's app (what both command lines set)?"""
    from jupyterlab.labapp import LabApp

    assert "default_url" in LabApp.class_traits(config=True)
    app = LabApp()
    app.parse_command_line(["--LabApp.default_url=/lab/tree/00_start_here.ipynb"])
    assert app.default_url == "/lab/tree/00_start_here.ipynb"


def test_lab_reports_missing_lessons(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    """Without bundled lessons, does ``kzlessons lab`` fail with a plain sentence (exit 1)?"""
    monkeypatch.setattr(launch, "notebooks_dir", lambda: tmp_path / "missing")
    assert launch.lab_main(["--copy-only", "--dir", str(tmp_path / "w")]) == 1
    assert "were not found" in capsys.readouterr().err


# ------------------------------------------------------------------ links


def _nbgitpuller_reference(hub: str, repo: str, branch: str, filepath: str) -> dict:
    """What nbgitpuller's documented link generator (docs/_static/link_gen/link.js) produces, parsed.

    generateRegularUrl: ``new URL(hub)``, ``searchParams`` repo / urlpath / branch, pathname +=
    ``hub/user-redirect/git-pull``; for JupyterLab ``urlpath = 'lab/tree/' + repoName + '/' + filePath``
    where repoName is the last path part of the repo URL without ``.git``; plus ``targetPath`` =
    repoName, which the server handler otherwise takes *with* ``.git`` (nbgitpuller handlers.py).
    """
    repo_name = urlsplit(repo).path.rstrip("/").split("/")[-1].removesuffix(".git")
    return {
        "path": urlsplit(hub).path.rstrip("/") + "/hub/user-redirect/git-pull",
        "query": {"repo": [repo], "branch": [branch], "targetPath": [repo_name],
                  "urlpath": [f"lab/tree/{repo_name}/{filepath}"]},
    }


@pytest.mark.parametrize("hub", ["https://hub.example.edu", "https://hub.example.edu/", "https://uni.edu/jupyter"])
@pytest.mark.parametrize("repo", [launch.DEFAULT_REPO, "https://gitlab.com/prof/kz-course.git"])
def test_hub_links_follow_nbgitpuller_format(course: Path, hub: str, repo: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """Does ``kzlessons links --hub`` print one link per lesson in nbgitpuller's documented format?"""
    assert cli.main(["links", "--hub", hub, "--branch", "spring 2027", "--repo", repo]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(LESSONS)
    for line, lesson in zip(lines, LESSONS):
        stem, url = line.split()
        assert stem == lesson.removesuffix(".ipynb")
        parts = urlsplit(url)
        expected = _nbgitpuller_reference(hub, repo, "spring 2027", f"notebooks/{lesson}")
        assert f"{parts.scheme}://{parts.netloc}" == hub.rstrip("/").rsplit("/jupyter", 1)[0]
        assert parts.path == expected["path"]
        assert parse_qs(parts.query) == expected["query"]
        # properly encoded: nothing in the query that would break a link in an LMS or e-mail
        assert " " not in url and "/" not in parts.query and ":" not in parts.query


def test_binder_links(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Does ``kzlessons links --binder`` print mybinder.org links that open each lesson in JupyterLab?"""
    assert launch.links_main(["--binder", "--branch", "main"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(LESSONS)
    for line, lesson in zip(lines, LESSONS):
        url = line.split()[1]
        parts = urlsplit(url)
        assert (parts.scheme, parts.netloc, parts.path) == ("https", "mybinder.org", "/v2/gh/kzlessons/kzlessons/main")
        assert parse_qs(parts.query) == {"urlpath": [f"lab/tree/notebooks/{lesson}"]}


def test_links_both_kinds(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """With --hub and --binder together, are both links printed for every lesson?"""
    assert launch.links_main(["--hub", "https://hub.example.edu", "--binder"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 * len(LESSONS)
    assert sum("mybinder.org" in line for line in lines) == len(LESSONS)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "give --hub"),
        (["--hub", "hub.example.edu"], "must start with https://"),
        (["--binder", "--repo", "https://gitlab.com/a/b"], "GitHub repositories only"),
    ],
)
def test_links_errors_are_plain_sentences(course: Path, argv: list[str], message: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """Do bad ``links`` arguments give exit status 2 and a sentence saying what to do?"""
    assert launch.links_main(argv) == 2
    assert message in capsys.readouterr().err


def test_links_cover_the_real_lessons() -> None:
    """Does ``links`` list exactly the repository's numbered lesson notebooks?"""
    from kzlessons._paths import notebooks_dir

    real = sorted(p.name for p in notebooks_dir().glob("[0-9][0-9]_*.ipynb"))
    if not real:
        pytest.skip("no lesson notebooks in notebooks/ yet")
    assert launch.lesson_files() == real
