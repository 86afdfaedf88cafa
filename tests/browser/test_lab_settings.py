"""No web prompts in an offline lab: the settings overrides the package installs
(``jupyter-settings/kzlessons.json`` → ``{sys.prefix}/share/jupyter/lab/settings/overrides.d/``)
switch off JupyterLab's news prompt and update check, with no help from the server's own config."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import harness

PLUGIN = "@jupyterlab/apputils-extension:notification"
SHIPPED = harness.REPO / "jupyter-settings" / "kzlessons.json"
INSTALLED = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.d" / "kzlessons.json"


@pytest.fixture(scope="module")
def plain_lab(browser_tooling: None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[harness.LabServer]:
    """A JupyterLab whose own config does NOT silence news or updates (only the installed overrides can)."""
    base = tmp_path_factory.mktemp("plainlab")
    root = base / "notebooks"
    root.mkdir()
    server = harness.LabServer(root=root, workdir=base / "work", quiet_config=False).start()
    yield server
    server.stop()


def test_the_overrides_are_installed_with_the_package() -> None:
    """Is the shipped overrides file installed into this environment's JupyterLab settings?"""
    assert INSTALLED.is_file(), f"{INSTALLED} missing: reinstall with pip install -e ."
    assert json.loads(INSTALLED.read_text()) == json.loads(SHIPPED.read_text())
    assert json.loads(SHIPPED.read_text())[PLUGIN] == {"fetchNews": "false", "checkForUpdates": False}


def test_settings_api_reports_no_news_and_no_update_check(plain_lab: harness.LabServer) -> None:
    """Does the running lab's settings API give fetchNews 'false' and checkForUpdates false by default?"""
    settings = plain_lab.api("GET", f"/lab/api/settings/{PLUGIN}")
    properties = settings["schema"]["properties"]
    assert properties["fetchNews"]["default"] == "false"
    assert properties["checkForUpdates"]["default"] is False


def test_settings_api_saves_widget_state_by_default(plain_lab: harness.LabServer) -> None:
    """Does the running lab's widget manager save widget state with a notebook by default (saveState), so
    a reopened lesson draws its quizzes without a kernel (tests/browser/test_reopen.py)?"""
    settings = plain_lab.api("GET", "/lab/api/settings/@jupyter-widgets/jupyterlab-manager:plugin")
    assert settings["schema"]["properties"]["saveState"]["default"] is True


def test_lab_shows_no_news_prompt(browser, plain_lab: harness.LabServer) -> None:
    """Opened in a browser, does the lab stay without the 'notified about official Jupyter news?' toast
    and request nothing from the web?"""
    page = harness.LabPage(browser, plain_lab)
    try:
        page.page.goto(f"{plain_lab.url}/lab?token={plain_lab.token}&reset", timeout=harness.OPEN_TIMEOUT)
        page.page.wait_for_selector(".jp-Launcher", timeout=harness.OPEN_TIMEOUT)
        with pytest.raises(Exception, match="Timeout"):  # the prompt comes within seconds when it is on
            page.page.wait_for_selector("text=/Jupyter news/i", timeout=8_000)
        assert not page.external_requests(), page.external_requests()
    finally:
        page.close()
