"""Drive a real JupyterLab in Debian's headless Chromium (used by the browser tests and benchmarks).

Plain module (no pytest): ``conftest.py`` wraps it in fixtures and
``benchmarks/bench_lessons.py`` reuses it. Everything stays on 127.0.0.1: the
server gets a token, private Jupyter config/data/runtime dirs and a private
``KZLESSONS_HOME``; the page's every request is recorded so a test can fail
on anything that would leave the machine.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CHROMIUM = os.environ.get("KZLESSONS_CHROMIUM", "/usr/bin/chromium")
AXE_JS = HERE / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--disable-domain-reliability",
    "--metrics-recording-only", "--no-default-browser-check", "--disable-dev-shm-usage",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
LOCAL_SCHEMES = {"data", "blob", "about"}

# Generous timeouts (ms): a cold kernel imports pandas + altair (~3-4 s on the CI machine) and a lesson
# may take a while to run; we always wait for a condition, never sleep.
OPEN_TIMEOUT = 90_000
RUN_TIMEOUT = 240_000
RENDER_TIMEOUT = 60_000
CLICK_TIMEOUT = 30_000

#: Output containers that hold a chart: JupyterLab's vega mime renderers and anything embedded by vega-embed.
CHART_OUTPUT_JS = r"""
(root) => [...root.querySelectorAll('.jp-OutputArea-output')].filter(o =>
    /vega/i.test(o.getAttribute('data-mime-type') || '') || o.querySelector('.vega-embed, .vega-embed-wrapper'))
"""


def tooling_problem() -> str | None:
    """Why the browser tests cannot run here (None when they can)."""
    if not Path(CHROMIUM).exists():
        return (f"Debian's chromium is not installed at {CHROMIUM} "
                "(apt-get install -y chromium; .ci/run does this)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright Python package is missing (pip install -e '.[test]')"
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def is_external(url: str) -> bool:
    """True when a request URL would leave this machine.

    >>> is_external("http://127.0.0.1:8888/lab"), is_external("data:image/png;base64,xx")
    (False, False)
    >>> is_external("https://cdn.jsdelivr.net/npm/vega@5"), is_external("ws://localhost:1/api")
    (True, False)
    """
    parts = urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES:
        return False
    return (parts.hostname or "") not in {h.strip("[]") for h in LOCAL_HOSTS}


# --------------------------------------------------------------------------- server


@dataclass
class LabServer:
    """A JupyterLab server on 127.0.0.1 with a token and private dirs; stop it by PID with :meth:`stop`."""

    root: Path  # served folder (a temp copy of the notebooks)
    workdir: Path  # private config/data/runtime/home/log
    port: int = 0
    token: str = field(default_factory=lambda: uuid.uuid4().hex)
    process: subprocess.Popen | None = None
    log_path: Path | None = None
    #: "lab" (JupyterLab) or "notebook" (Jupyter Notebook 7, same extensions and settings).
    app: str = "lab"
    #: Also switch the news feed and update check off in this server's own config (the project's
    #: settings overrides do it for every install; False tests those alone).
    quiet_config: bool = True

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def home(self) -> Path:
        return self.workdir / "kzhome"

    def start(self, timeout: float = 90.0) -> "LabServer":
        self.port = self.port or free_port()
        for name in ("config", "data", "runtime", "kzhome", "workspaces"):
            (self.workdir / name).mkdir(parents=True, exist_ok=True)
        if self.quiet_config:
            # No news feed or update check: the server would fetch them from the internet.
            (self.workdir / "config" / "jupyter_server_config.json").write_text(json.dumps(
                {"LabApp": {"news_url": None, "check_for_updates_class": "jupyterlab.NeverCheckForUpdate"}}))
            # ... and no "get notified about Jupyter news?" toast over the screenshots.
            (self.workdir / "config" / "labconfig").mkdir(exist_ok=True)
            (self.workdir / "config" / "labconfig" / "page_config.json").write_text(json.dumps(
                {"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}}))
        env = dict(os.environ)
        env.update(
            JUPYTER_CONFIG_DIR=str(self.workdir / "config"),
            JUPYTER_DATA_DIR=str(self.workdir / "data"),  # the venv's share/jupyter stays on the path
            JUPYTER_RUNTIME_DIR=str(self.workdir / "runtime"),
            JUPYTER_PREFER_ENV_PATH="1",
            KZLESSONS_HOME=str(self.home),
            PYTHONUNBUFFERED="1",
        )
        env.pop("JUPYTER_PATH", None)
        command = [
            sys.executable, "-m", "jupyterlab" if self.app == "lab" else "notebook", "--no-browser",
            f"--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}", "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}", f"--ServerApp.root_dir={self.root}",
            *([f"--LabApp.workspaces_dir={self.workdir / 'workspaces'}"] if self.app == "lab" else []),
            "--ServerApp.open_browser=False", "--ContentsManager.allow_hidden=False",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.append("--allow-root")
        self.log_path = self.workdir / "jupyterlab.log"
        log = self.log_path.open("wb")
        self.process = subprocess.Popen(command, cwd=self.root, env=env, stdout=log, stderr=subprocess.STDOUT)
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterLab exited with {self.process.returncode}:\n{self.log()}")
            try:
                self.api("GET", "/api/status")
                return self
            except OSError:
                time.sleep(0.2)  # polling a socket, not waiting for the UI
        self.stop()
        raise TimeoutError(f"JupyterLab did not answer within {timeout} s:\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-4000:] if self.log_path and self.log_path.exists() else ""

    def api(self, method: str, path: str, body: object | None = None) -> object:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(f"{self.url}{path}", data=data, method=method,
                                         headers={"Authorization": f"token {self.token}",
                                                  "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            raw = response.read()
        return json.loads(raw) if raw else None

    def kernels(self) -> list[dict]:
        return list(self.api("GET", "/api/kernels") or [])

    def delete_kernels(self) -> None:
        """Shut down every kernel (and session) so the next lesson starts fresh."""
        for session in self.api("GET", "/api/sessions") or []:
            try:
                self.api("DELETE", f"/api/sessions/{session['id']}")
            except OSError:
                pass
        for kernel in self.kernels():
            try:
                self.api("DELETE", f"/api/kernels/{kernel['id']}")
            except OSError:
                pass

    def stop(self) -> None:
        if not self.process or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)  # by PID; the server shuts its kernels down
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


# --------------------------------------------------------------------------- browser


def launch_browser(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


class LabPage:
    """One browser tab on a :class:`LabServer`, recording every request the page makes."""

    def __init__(self, browser, server: LabServer, viewport=(1280, 1000)):
        self.server = server
        self.context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]},
                                           service_workers="block")
        self.requests: list[str] = []
        self.console_errors: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        # Abort anything non-local, so a test fails the same way on a machine with internet.
        self.context.route(re.compile(r"^(?!(https?|wss?)://(127\.0\.0\.1|localhost)[:/]).*://"),
                           lambda route: route.abort())
        self.page = self.context.new_page()
        self.page.on("console", self._on_console)
        self.page.on("websocket", lambda ws: self.requests.append(ws.url))
        self.page.set_default_timeout(CLICK_TIMEOUT)

    def _on_console(self, message) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def close(self) -> None:
        self.context.close()

    def external_requests(self) -> list[str]:
        return sorted({url for url in self.requests if is_external(url)})

    # ---- notebook

    def open(self, path: str) -> None:
        """Open a notebook with a clean workspace (``?reset``) and wait for an idle kernel."""
        where = f"lab/tree/{quote(path)}" if self.server.app == "lab" else f"notebooks/{quote(path)}"
        self.page.goto(f"{self.server.url}/{where}?token={self.server.token}&reset", timeout=OPEN_TIMEOUT)
        self.page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell", timeout=OPEN_TIMEOUT)
        self.wait_idle(OPEN_TIMEOUT)

    def wait_idle(self, timeout: float = RUN_TIMEOUT) -> None:
        """Wait until the notebook has a started kernel and it is idle (the indicator alone says idle
        before any kernel exists, so the status bar's 'Python 3 (ipykernel) | Idle' is checked too;
        Notebook 7 has no status bar: there the toolbar's kernel name must not be 'No Kernel')."""
        self.page.wait_for_function(
            r"""() => {
                const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
                const ind = panel && panel.querySelector('.jp-Notebook-ExecutionIndicator');
                if (!ind || ind.getAttribute('data-status') !== 'idle') return false;
                const name = panel.querySelector('.jp-KernelName');
                if (NOTEBOOK7)
                    return !!name && /\S/.test(name.textContent) && !/No Kernel/.test(name.textContent);
                return [...document.querySelectorAll('.jp-StatusBar-TextItem')]
                    .some(e => /\S \| Idle$/.test(e.textContent.trim()) && !/No Kernel/.test(e.textContent));
            }""".replace("NOTEBOOK7", "true" if self.server.app == "notebook" else "false"),
            timeout=timeout, polling=200)

    def notebook(self):
        return self.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook").first

    def menu(self, top: str, item: str) -> None:
        self.page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{top}$")).first.click()
        self.page.locator(".lm-Menu-itemLabel", has_text=re.compile(f"^{item}$")).first.click()

    def run_all(self, timeout: float = RUN_TIMEOUT) -> None:
        """Run ▸ Run All Cells, then wait until the kernel went busy, is idle again and no cell is queued."""
        self.page.evaluate(
            """() => {
                window.__kzSawBusy = false;
                const seen = () => { const el = document.querySelector(
                    '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook-ExecutionIndicator');
                    if (el && el.getAttribute('data-status') !== 'idle') window.__kzSawBusy = true; };
                if (window.__kzObserver) window.__kzObserver.disconnect();
                window.__kzObserver = new MutationObserver(seen);
                window.__kzObserver.observe(document.body, {attributes: true, subtree: true,
                                                            attributeFilter: ['data-status']});
            }""")
        self.menu("Run", "Run All Cells")
        self.page.wait_for_function(
            r"""() => {
                const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
                if (!panel || !window.__kzSawBusy) return false;
                const ind = panel.querySelector('.jp-Notebook-ExecutionIndicator');
                if (!ind || ind.getAttribute('data-status') !== 'idle') return false;
                const cells = [...panel.querySelectorAll('.jp-CodeCell')].filter(c =>
                    (c.querySelector('.jp-InputArea-editor') || {}).textContent.trim() !== '');
                const prompts = cells.map(c => (c.querySelector('.jp-InputArea-prompt') || {}).textContent || '');
                if (prompts.some(p => p.includes('*'))) return false;
                // all ran, or Run All stopped at an error (the cells after it are left unnumbered)
                return prompts.every(p => /\d/.test(p))
                    || !!panel.querySelector('[data-mime-type="application/vnd.jupyter.stderr"]');
            }""", timeout=timeout, polling=250)

    def save(self) -> None:
        """File ▸ Save Notebook, and wait for the server to answer the save (PUT /api/contents/…)."""
        with self.page.expect_response(lambda r: "/api/contents/" in r.url and r.request.method == "PUT",
                                       timeout=CLICK_TIMEOUT) as response:
            self.menu("File", "Save Notebook")
        assert response.value.ok, f"saving failed: HTTP {response.value.status}"

    def close_all_tabs(self) -> None:
        self.menu("File", "Close All Tabs")
        dialog = self.page.locator(".jp-Dialog")
        if dialog.count():
            self.page.locator(".jp-Dialog button", has_text=re.compile("Discard|Don.t Save")).first.click()
        self.page.wait_for_function("() => !document.querySelector('.jp-NotebookPanel')", timeout=CLICK_TIMEOUT)

    def error_outputs(self) -> list[str]:
        """Text of every error shown in a cell (tracebacks), not mere stderr messages."""
        return self.page.evaluate(
            """() => [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-child')]
                .filter(c => c.querySelector('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"],'
                                           + ' .jp-RenderedText[data-mime-type="application/vnd.jupyter.error"]')
                          || /Traceback|Error\\b.*\\n/.test((c.querySelector('[data-mime-type="application/vnd.jupyter.stderr"]')||{}).innerText||'')
                             && !!c.querySelector('.ansi-red-fg, .ansi-red-intense-fg'))
                .map(c => c.innerText.slice(0, 2000))""")

    def wait_charts_drawn(self, timeout: float = RENDER_TIMEOUT) -> int:
        """Wait until every chart output holds a non-empty SVG or canvas; returns how many charts."""
        self.page.wait_for_function(
            f"""() => {{
                const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
                const charts = ({CHART_OUTPUT_JS})(panel);
                return charts.every(c => [...c.querySelectorAll('svg, canvas')].some(g => {{
                    const r = g.getBoundingClientRect();  // off-screen cells may skip layout: use attributes too
                    const w = r.width || (g.width && g.width.baseVal ? g.width.baseVal.value : g.width) || 0;
                    return w > 20; }}));
            }}""", timeout=timeout, polling=250)
        return self.page.evaluate(
            f"() => ({CHART_OUTPUT_JS})(document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)')).length")

    def chart_cells(self) -> list[dict]:
        """Per code cell with a chart output: its index and whether each chart drew an SVG/canvas."""
        return self.page.evaluate(
            f"""() => {{
                const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
                const cells = [...panel.querySelectorAll('.jp-Cell')];
                return cells.map((cell, i) => {{
                    const charts = ({CHART_OUTPUT_JS})(cell);
                    return {{index: i, charts: charts.length,
                             drawn: charts.filter(c => c.querySelector('svg, canvas')).length}};
                }}).filter(c => c.charts > 0);
            }}""")

    def screenshot(self, path: Path, full_page: bool = False) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(path), full_page=full_page)


# --------------------------------------------------------------------------- demo notebook


def vegalite_spec() -> dict:
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "data": {"values": [{"partner": p, "share": s} for p, s in
                            [("Russia", 30), ("China", 20), ("EU-27", 35), ("Other", 15)]]},
        "mark": "bar", "encoding": {"x": {"field": "partner", "type": "nominal"},
                                    "y": {"field": "share", "type": "quantitative"}},
        "title": "Demo chart",
    }


def make_demo_notebook(path: Path, *, error: bool = False, kz_setup: bool = False) -> Path:
    """A bare notebook with one chart and one ipywidgets quiz (the browser baseline)."""
    import nbformat

    cells = []
    if kz_setup:
        cells.append(nbformat.v4.new_code_cell("import kzlessons as kz\nkz.setup()"))
    cells += [
        nbformat.v4.new_code_cell(
            "from IPython.display import display\n"
            f"spec = {json.dumps(vegalite_spec())}\n"
            "display({'application/vnd.vegalite.v5+json': spec, 'text/plain': 'Demo chart'}, raw=True)"),
        nbformat.v4.new_code_cell(
            "import ipywidgets as w\n"
            "q = w.RadioButtons(options=['Astana', 'Almaty'], value=None, description='Capital?')\n"
            "fb = w.HTML()\n"
            "btn = w.Button(description='Check')\n"
            "def check(_):\n"
            "    fb.value = '✔ Correct.' if q.value == 'Astana' else '✘ Not quite. Explanation: Astana is the capital.'\n"
            "btn.on_click(check)\n"
            "display(w.VBox([q, btn, fb]))"),
    ]
    if error:
        cells.append(nbformat.v4.new_code_cell("import sys; print('just a warning', file=sys.stderr)"))
        cells.append(nbformat.v4.new_code_cell("1/0"))
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))
    return path


def copy_notebooks(dest: Path) -> list[str]:
    """Copy the repo's lesson notebooks (not the originals: tests never modify them) into ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    names = []
    for nb in sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        shutil.copy2(nb, dest / nb.name)
        names.append(nb.name)
    for extra in (REPO / "notebooks").iterdir():  # any helper files the lessons read relative to themselves
        if extra.is_file() and extra.suffix != ".ipynb" and not extra.name.startswith("."):
            shutil.copy2(extra, dest / extra.name)
    return names


def lesson_names() -> list[str]:
    return sorted(p.name for p in (REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))
