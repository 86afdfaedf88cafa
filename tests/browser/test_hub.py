"""A course on a real JupyterHub (issue 21): learners hand in from lesson 00, the instructor collects and grades.

JupyterHub runs on 127.0.0.1 with its proxy from npm, the dummy authenticator and the local process
spawner, so each learner's server runs as her own system user (made with useradd for this test) and
every file permission is real (:mod:`hubharness`). Three learners log in through Chromium by the
nbgitpuller link ``kzlessons links --hub`` prints (a local git repository holding lesson 00), run
the lesson, answer quizzes and press *Hand in* beside the download; one hands in again after the
due time. A learner then tries, as her own system user, to read, list, change, replace, delete and
rename another's hand-in (every attempt refused) and to hand in under another's name (written, then
refused by collect). The instructor logs in, runs ``kzlessons collect --roster hub`` and
``kzlessons gradebook`` in a notebook of her own server, and the grades are those the learners earned.

Needs root (it creates system users; CI runs as root): skipped with the reason otherwise.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import stat
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

import harness
import hubharness
import quizdom
from hubharness import PASSWORD, HubSite, User

IN_CI = os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}
LESSON = re.compile(r"/user/[^/]+/lab/tree/kzlessons/notebooks/00_start_here\.ipynb")
SPAWN_TIMEOUT = 240_000
CHECK, FACTS = "l00-what-check-does", "l00-progress-facts"


@pytest.fixture(scope="module")
def hub_site(browser_tooling: None, artifacts: Path):
    """Users, exchange, git repository and a running hub (all removed afterwards)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("the JupyterHub test creates system users (useradd) and runs the hub's local process spawner, "
                    "which need root; run it as root (CI does)")
    problem = hubharness.problem()
    if problem:
        if IN_CI:
            pytest.fail(f"CI=true and the JupyterHub test cannot run: {problem}", pytrace=False)
        pytest.skip(problem)
    hidden = hubharness.unreadable(harness.REPO / "kzlessons" / "__init__.py", harness.REPO / "data" /
                                   "datapackage.json", Path(os.path.abspath(sys.prefix)) / "pyvenv.cfg")
    if hidden:
        pytest.fail(f"other users cannot read {', '.join(map(str, hidden))} (a checkout made with umask 077?); "
                    "the hub's users run kzlessons from this checkout", pytrace=False)
    hub = HubSite.create()
    try:
        hub.start()
        yield hub
    finally:
        (artifacts / "jupyterhub.log").write_text(hub.log(), encoding="utf-8")
        hub.close()


def _login(page, user: User) -> None:
    page.wait_for_selector("#username_input", timeout=harness.OPEN_TIMEOUT)
    page.fill("#username_input", user.name)
    page.fill("#password_input", PASSWORD)
    page.click("#login_submit")


def _open(browser, site: HubSite, user: User, url: str) -> harness.LabPage:
    """A fresh browser context: log ``user`` in on the way to ``url`` and wait for JupyterLab with an idle kernel."""
    lab = harness.LabPage(browser, SimpleNamespace(app="lab", url=site.url, token=""))
    lab.page.goto(url, timeout=harness.OPEN_TIMEOUT)
    _login(lab.page, user)
    lab.page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell", timeout=SPAWN_TIMEOUT)
    lab.wait_idle(harness.OPEN_TIMEOUT)
    return lab


def _answer(lab: harness.LabPage, banks: dict, qid: str, right: bool) -> str:
    question, quiz = banks[qid], quizdom.quiz_for(lab.page, qid)
    quiz.scroll_into_view_if_needed()
    chosen = quizdom.right_options(question) if right else [quizdom.wrong_option(question)]
    feedback = quizdom.submit(lab.page, quiz, question, chosen)
    assert quizdom.is_success(feedback) is right, f"{qid}: {feedback!r}"
    return feedback


def _hand_in(lab: harness.LabPage, user: User, attempts: int) -> str:
    """Press *Hand in* beside the download; wait for the status line that names the user and the attempts."""
    widget = lab.page.locator(".kzlessons-download").first
    widget.scroll_into_view_if_needed()
    widget.get_by_role("button", name="Hand in").click()
    words = f"Handed in as {user.name} at"
    expect(widget.locator("[role=status]", has_text=words)).to_contain_text(
        f"({attempts} attempt{'' if attempts == 1 else 's'})", timeout=harness.RENDER_TIMEOUT)
    return widget.inner_text()


def _learner_session(browser, site: HubSite, banks: dict, user: User, answers: list[tuple[str, bool]],
                     attempts: int) -> harness.LabPage:
    lab = _open(browser, site, user, site.lesson_link())
    assert LESSON.search(lab.page.url), lab.page.url
    lab.run_all()
    errors = lab.error_outputs()
    if errors:
        lab.screenshot(harness.REPO / "test-artifacts" / "browser" / f"FAILED-hub-{user.name}.png")
    assert errors == [], f"{user.name}: lesson 00 shows errors:\n" + "\n\n".join(errors)
    for qid, right in answers:
        _answer(lab, banks, qid, right)
    _hand_in(lab, user, attempts)
    return lab


PROBE = r"""
import json, os, sys
inbound, theirs = sys.argv[1], sys.argv[2]
out = {}
def attempt(name, action):
    try:
        action()
        out[name] = "allowed"
    except OSError as error:
        out[name] = type(error).__name__
def replace_by_rename():
    import tempfile
    fd, mine = tempfile.mkstemp(dir=inbound, prefix=".kzlessons-probe-", suffix=".tmp")
    os.close(fd)
    try:
        os.rename(mine, theirs)
    finally:
        if os.path.exists(mine):
            os.unlink(mine)
attempt("list", lambda: os.listdir(inbound))
attempt("read", lambda: open(theirs, "rb").read())
attempt("append", lambda: open(theirs, "ab").close())
attempt("create anew", lambda: os.close(os.open(theirs, os.O_WRONLY | os.O_CREAT | os.O_EXCL)))
attempt("replace by rename", replace_by_rename)
attempt("delete", lambda: os.unlink(theirs))
attempt("rename away", lambda: os.rename(theirs, theirs + ".mine"))
print(json.dumps(out))
"""


def _collect_notebook(site: HubSite, due: dt.datetime) -> Path:
    """The instructor's notebook in her home: collect with the hub's roster, then the gradebook."""
    import nbformat

    cells = [
        f"!kzlessons collect --roster hub --hub-group students --due {due.isoformat()} -o collected",
        "!kzlessons gradebook collected/to-grade --roster collected/roster.csv -o grades.csv",
    ]
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = site.instructor.home / "collect.ipynb"
    nbformat.write(notebook, str(path))
    os.chown(path, site.instructor.uid, site.instructor.gid)
    return path


def _csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_hand_in_collect_and_grade_on_a_real_hub(browser, hub_site: HubSite, banks: dict, artifacts: Path) -> None:
    """Issue 21: do three learners hand in from lesson 00 (opened by an nbgitpuller link) into files only they and
    the instructors may read, is another learner refused every way of reading or replacing one, and does the
    instructor's collect (roster from the hub, a due time) and gradebook give each learner what she earned?"""
    site, started = hub_site, time.perf_counter()
    first, second, third = site.learners
    pages = []
    try:
        pages.append(_learner_session(browser, site, banks, first, [(CHECK, True), (FACTS, True)], attempts=2))
        pages[-1].screenshot(artifacts / "hub-learner-handed-in.png")
        pages.append(_learner_session(browser, site, banks, second, [(CHECK, False), (CHECK, True)], attempts=2))
        late = _learner_session(browser, site, banks, third, [(CHECK, True)], attempts=1)
        pages.append(late)
        due = dt.datetime.now(dt.timezone.utc)  # after every hand-in so far; the next comes a quiz later
        _answer(late, banks, FACTS, False)
        _hand_in(late, third, attempts=2)
    finally:
        for page in pages:
            page.close()
    print(f"learners done: {time.perf_counter() - started:.1f} s")

    # The hand-ins: named by the hub user, owned by her, readable by her and the instructors' group only.
    names = sorted(os.listdir(site.inbound))
    assert len(names) == 4, names
    owners = {n: os.stat(site.inbound / n) for n in names}
    for name, info in owners.items():
        user = next(u for u in site.learners if name.startswith(u.name + "+"))
        assert info.st_uid == user.uid and stat.S_IMODE(info.st_mode) == 0o640, (name, info)
        assert info.st_gid == os.stat(site.inbound).st_gid  # the instructors' group, from the set-group-id folder
        assert json.loads((site.inbound / name).read_bytes())["learner"] == user.name
    theirs = site.inbound / next(n for n in names if n.startswith(first.name + "+"))
    before = theirs.read_bytes()

    # Another learner, as her own system user: every way of reading or replacing the first one's file is refused.
    probe = second.run([str(hubharness.VENV_BIN / "python"), "-c", PROBE, str(site.inbound), str(theirs)])
    assert probe.returncode == 0, probe.stderr
    assert json.loads(probe.stdout) == {
        "list": "PermissionError", "read": "PermissionError", "append": "PermissionError",
        "create anew": "FileExistsError", "replace by rename": "PermissionError", "delete": "PermissionError",
        "rename away": "PermissionError"}
    assert theirs.read_bytes() == before and sorted(os.listdir(site.inbound)) == names
    # ... and handing in under the first one's hub name writes a file that collect will refuse.
    forged = second.run([str(hubharness.VENV_BIN / "kzlessons"), "hand-in"],
                        env={"JUPYTERHUB_USER": first.name, "KZLESSONS_EXCHANGE": str(site.exchange)})
    assert forged.returncode == 0 and f"Handed in as {first.name}" in forged.stdout, forged.stderr

    # The instructor collects with the hub's roster and grades, in a notebook of her own server.
    _collect_notebook(site, due)
    teacher = _open(browser, site, site.instructor, f"{site.url}/hub/user-redirect/lab/tree/collect.ipynb")
    try:
        teacher.run_all()
        shown = "\n".join(teacher.page.locator(".jp-OutputArea-output").all_inner_texts())
        teacher.screenshot(artifacts / "hub-instructor-collect.png")
    finally:
        teacher.close()
    assert "Collected 3 learner(s) from 4 hand-in(s) in the shared inbound" in shown, shown
    assert f"is named as {first.name}'s hand-in but belongs to the system user {second.name}" in shown, shown
    assert f"Handed in late (after {due:%Y-%m-%d %H:%M} UTC): {third.name}." in shown, shown
    assert f"Handed in more than once (the latest is graded): {third.name}." in shown, shown
    assert f"Nothing to grade for 1 of 4 on the roster: {site.absent}." in shown, shown
    assert "Wrote grades.csv" in shown, shown

    collected = site.instructor.home / "collected"
    report = _csv(collected / "report.csv")
    assert sorted((r["learner"], r["late"], r["graded"], bool(r["problem"])) for r in report) == sorted([
        (first.name, "no", "yes", False), (first.name, "", "", True), (second.name, "no", "yes", False),
        (third.name, "no", "", False), (third.name, "yes", "yes", False)])
    assert sorted(os.listdir(collected / "to-grade")) == sorted(f"{u.name}.json" for u in site.learners)
    grades = {r["learner"]: r for r in _csv(site.instructor.home / "grades.csv") if r["lesson"] == "00"}
    earned = {name: (row["status"], row["attempted"], row["correct"], row["first_try_correct"], row["attempts"])
              for name, row in grades.items()}
    assert earned == {first.name: ("answered", "2", "2", "2", "2"), second.name: ("answered", "1", "1", "0", "2"),
                      third.name: ("answered", "2", "1", "1", "2"), site.absent: ("not handed in", "0", "0", "0", "0")}
    print(f"hub test: {time.perf_counter() - started:.1f} s")
