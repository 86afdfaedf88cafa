"""Fixtures for the browser tests: one JupyterLab server and one headless Chromium per session.

Skips every browser test with the reason when Debian's chromium (``/usr/bin/chromium``) or the
playwright package is missing, except with ``CI=true``, where missing tooling fails loudly.
Screenshots and the server log go to ``test-artifacts/browser/`` (git-ignored).
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402  (plain helper module next to this file)
import quizdom  # noqa: E402

ARTIFACTS = harness.REPO / "test-artifacts" / "browser"
IN_CI = os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}
BUILD_SITE = harness.REPO / "scripts" / "build_site.py"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.browser)


def _require(problem: str | None) -> None:
    if problem:
        if IN_CI:
            pytest.fail(f"CI=true and the browser tests cannot run: {problem}", pytrace=False)
        pytest.skip(problem)


@pytest.fixture(scope="session")
def browser_tooling() -> None:
    """Skip (or, in CI, fail) when chromium or playwright is missing."""
    _require(harness.tooling_problem())


@pytest.fixture(scope="session")
def axe_source(browser_tooling: None) -> str:
    """axe-core's JavaScript, installed by ``npm ci --prefix tests/browser``."""
    if not harness.AXE_JS.is_file():
        _require(f"axe-core is not installed ({harness.AXE_JS} missing; run: npm ci --prefix tests/browser)")
    return harness.AXE_JS.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def lab_server(browser_tooling: None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[harness.LabServer]:
    """JupyterLab on 127.0.0.1 serving a temp COPY of notebooks/ plus harness notebooks under ``_harness/``."""
    base = tmp_path_factory.mktemp("lab")
    root = base / "notebooks"
    harness.copy_notebooks(root)
    server = harness.LabServer(root=root, workdir=base / "work").start()
    yield server
    server.stop()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    if server.log_path and server.log_path.exists():
        (ARTIFACTS / "jupyterlab.log").write_bytes(server.log_path.read_bytes())


@pytest.fixture(scope="session")
def notebook7_servers(browser_tooling: None, tmp_path_factory: pytest.TempPathFactory):
    """``start(name)``: Jupyter Notebook 7 on 127.0.0.1 serving a fresh temp copy of notebooks/
    (each call its own server and copy, so tests that save lessons never meet); all are stopped
    at the end of the session."""
    pytest.importorskip("notebook", reason="the notebook package is missing (pip install -e .)")
    started: list[harness.LabServer] = []

    def start(name: str) -> harness.LabServer:
        base = tmp_path_factory.mktemp(name)
        root = base / "notebooks"
        harness.copy_notebooks(root)
        started.append(harness.LabServer(root=root, workdir=base / "work", app="notebook").start())
        return started[-1]

    yield start
    for server in started:
        server.stop()


@pytest.fixture(scope="session")
def browser(browser_tooling: None) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    chromium = harness.launch_browser(playwright)
    yield chromium
    chromium.close()
    playwright.stop()


@pytest.fixture
def lab(browser: object, lab_server: harness.LabServer, request: pytest.FixtureRequest) -> Iterator[harness.LabPage]:
    """A fresh browser tab (own context) on the shared server; every kernel is deleted before and after."""
    lab_server.delete_kernels()
    page = harness.LabPage(browser, lab_server)
    yield page
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        name = re.sub(r"[^\w.-]+", "_", request.node.name)
        try:
            page.screenshot(ARTIFACTS / f"FAILED-{name}.png", full_page=False)
        except Exception:  # the page may be gone; the failure itself matters more
            pass
    page.close()
    lab_server.delete_kernels()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.rep_call = report  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def banks() -> dict[str, dict]:
    """Every question in ``kzlessons/banks/*.yaml`` by id (read as data, so tests know the answers)."""
    return quizdom.load_banks()


# ---------------------------------------------------------------- the static course site (test_site.py,
# test_chart_width.py): built once per session


@pytest.fixture(scope="session")
def site(browser_tooling: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site (a temp folder), built once per session."""
    try:
        import myst_nb  # noqa: F401
    except ImportError:
        if IN_CI:
            pytest.fail("CI=true and the site cannot be built: myst-nb is missing (pip install -e '.[site]')")
        pytest.skip("the site tools are missing (pip install -e '.[site]')")
    out = tmp_path_factory.mktemp("site") / "site"
    done = subprocess.run([sys.executable, str(BUILD_SITE), "--out", str(out)], capture_output=True, text=True,
                          timeout=900, env={k: v for k, v in os.environ.items() if k != "KZLESSONS_HUB"})
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return out


@pytest.fixture(scope="session")
def site_url(site: Path) -> Iterator[str]:
    """The site served by a plain static file server on 127.0.0.1 (stopped after the session)."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass
