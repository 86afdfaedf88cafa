"""A real JupyterHub on 127.0.0.1 for the browser tests: system users, the course exchange, a local git repository.

Plain module (no pytest), like ``harness.py``. :class:`HubSite` sets up, as root:

* **system users** made with ``useradd`` (learners and an instructor, unique names per run) and a
  group for the instructors, all removed again by :meth:`HubSite.close` (``userdel -r``);
* the **course exchange**: ``exchange/inbound`` owned by ``root:<instructors>`` with mode 3753, as
  ``docs/instructor-guide.md`` tells a hub admin to make it;
* a **local git repository** holding lesson 00, which learners open through an nbgitpuller link
  (``kzlessons.launch.hub_link``); git's ``safe.directory`` for it is given through
  ``GIT_CONFIG_GLOBAL`` in the servers' environment, since the repository belongs to root;
* **JupyterHub** (the ``jupyterhub`` package) with its proxy ``configurable-http-proxy`` (from npm,
  ``tests/browser/node_modules``), the dummy authenticator (one shared password) and the local
  process spawner, which starts each user's ``jupyterhub-singleuser`` from this repository's
  ``.venv`` as that system user, so every file permission is real.

Everything lives in a world-traversable temporary folder (the servers run as other users) and
is removed afterwards. Processes are stopped by their ids: the hub (which stops the servers and
the proxy it started), then any process still running as one of the test's own users.
"""

from __future__ import annotations

import grp
import os
import pwd
import secrets
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from harness import HERE, REPO, free_port

CHP = HERE / "node_modules" / ".bin" / "configurable-http-proxy"
VENV_BIN = Path(sys.executable).parent
PASSWORD = "kz-" + secrets.token_hex(6)
EXCHANGE_MODE = 0o3753


def problem() -> str | None:
    """Why a hub cannot be run here, root aside (None when it can)."""
    for tool in ("useradd", "userdel", "groupadd", "groupdel", "git"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (the JupyterHub test needs it)"
    if not CHP.exists():
        return f"configurable-http-proxy is not installed ({CHP} missing; run: npm ci --prefix tests/browser)"
    for module in ("jupyterhub", "nbgitpuller"):
        try:
            __import__(module)
        except ImportError:
            return f"the {module} package is missing (pip install -e '.[test]')"
    if not (VENV_BIN / "jupyterhub-singleuser").exists():
        return f"jupyterhub-singleuser is not in {VENV_BIN} (pip install -e '.[test]')"
    return None


def closed_ancestors(*paths: Path) -> list[Path]:
    """Folders on the way to ``paths`` (themselves included) that other users may not pass through (no ``o+x``).

    The paths are taken as written (a venv's ``bin/python`` is a link elsewhere; the venv's own folder counts).
    """
    closed: list[Path] = []
    for path in paths:
        path = Path(os.path.abspath(path))
        for folder in [*reversed(path.parents), path]:
            if folder.is_dir() and not folder.stat().st_mode & stat.S_IXOTH and folder not in closed:
                closed.append(folder)
    return closed


def unreadable(*paths: Path) -> list[Path]:
    """Files other users could not read (a checkout made with umask 077 would hide the package from them)."""
    return [p for p in paths if not p.resolve().stat().st_mode & stat.S_IROTH]


@dataclass
class User:
    """One system user of the test (also a hub user of the same name)."""

    name: str
    uid: int = 0
    gid: int = 0
    home: Path = Path("/nonexistent")

    def run(self, args: list[str], env: dict[str, str] | None = None, **kwargs) -> subprocess.CompletedProcess:
        """Run ``args`` as this user (its own uid and gid, no other groups), capturing text output."""
        base = {"HOME": str(self.home), "USER": self.name, "PATH": f"{VENV_BIN}:/usr/bin:/bin", "LANG": "C.UTF-8"}
        return subprocess.run(args, user=self.uid, group=self.gid, extra_groups=[], env={**base, **(env or {})},
                              cwd=self.home, capture_output=True, text=True, timeout=120, **kwargs)


@dataclass
class HubSite:
    """Users, exchange, repository and a running JupyterHub; :meth:`close` undoes all of it."""

    learners: list[User]
    instructor: User
    absent: str  # a hub user (in the students group) who never logs in
    group: str
    base: Path
    exchange: Path
    repo: Path
    port: int = 0
    process: subprocess.Popen | None = None
    log_path: Path | None = None
    opened: list[tuple[Path, int]] = field(default_factory=list)  # folders given o+x, and their old modes

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def users(self) -> list[User]:
        return [*self.learners, self.instructor]

    @property
    def inbound(self) -> Path:
        return self.exchange / "inbound"

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-6000:] if self.log_path and self.log_path.exists() else ""

    def lesson_link(self, lesson: str = "00_start_here.ipynb") -> str:
        """The nbgitpuller link a learner clicks, as ``kzlessons links --hub`` prints it."""
        from kzlessons.launch import hub_link

        return hub_link(self.url, lesson, repo=self.repo.as_uri(), branch="main")

    # ---- set-up

    @classmethod
    def create(cls, n_learners: int = 3) -> "HubSite":
        tag = secrets.token_hex(3)
        base = Path(tempfile.mkdtemp(prefix="kzlessons-hub-", dir="/tmp"))
        os.chmod(base, 0o755)
        site = cls(learners=[User(f"kzlearner{i}-{tag}") for i in range(1, n_learners + 1)],
                   instructor=User(f"kzteacher-{tag}"), absent=f"kzabsent-{tag}", group=f"kzinstr-{tag}",
                   base=base, exchange=base / "exchange", repo=base / "git" / "kzlessons")
        try:
            site._open_the_way()
            site._make_users()
            site._make_exchange()
            site._make_repo()
        except BaseException:
            site.close()
            raise
        return site

    def _open_the_way(self) -> None:
        """Let the test's users reach this checkout's .venv and package (o+x on closed folders, undone later)."""
        for folder in closed_ancestors(VENV_BIN, REPO / "kzlessons", REPO / "data"):
            mode = folder.stat().st_mode
            os.chmod(folder, stat.S_IMODE(mode) | stat.S_IXOTH)
            self.opened.append((folder, stat.S_IMODE(mode)))

    def _make_users(self) -> None:
        subprocess.run(["groupadd", self.group], check=True, capture_output=True)
        for user in self.users:
            extra = ["-G", self.group] if user is self.instructor else []
            subprocess.run(["useradd", "--create-home", "--shell", "/bin/bash", *extra, user.name], check=True,
                           capture_output=True)
            record = pwd.getpwnam(user.name)
            user.uid, user.gid, user.home = record.pw_uid, record.pw_gid, Path(record.pw_dir)

    def _make_exchange(self) -> None:
        inbound = self.inbound
        inbound.mkdir(parents=True)
        os.chmod(self.exchange, 0o755)
        os.chown(inbound, 0, grp.getgrnam(self.group).gr_gid)
        os.chmod(inbound, EXCHANGE_MODE)  # chmod after chown: chown clears set-group-id

    def _make_repo(self) -> None:
        work = self.base / "git" / "work"
        (work / "notebooks").mkdir(parents=True)
        shutil.copy2(REPO / "notebooks" / "00_start_here.ipynb", work / "notebooks")
        (work / "README.md").write_text("kzlessons lessons for the JupyterHub test\n")
        git = ["git", "-c", "user.name=kzlessons test", "-c", "user.email=test@kzlessons.invalid",
               "-c", "init.defaultBranch=main"]
        subprocess.run([*git, "init", "-q", str(work)], check=True)
        subprocess.run([*git, "-C", str(work), "add", "."], check=True)
        subprocess.run([*git, "-C", str(work), "commit", "-qm", "lesson 00"], check=True)
        subprocess.run([*git, "clone", "-q", "--bare", str(work), str(self.repo)], check=True)
        subprocess.run(["chmod", "-R", "a+rX", str(self.base / "git")], check=True)
        (self.base / "gitconfig").write_text(f"[safe]\n\tdirectory = {self.repo}\n")
        os.chmod(self.base / "gitconfig", 0o644)

    # ---- the hub

    def config(self) -> str:
        """The hub's configuration (jupyterhub_config.py)."""
        learners = [u.name for u in self.learners]
        scopes = ["list:users", "read:users", "read:groups"]
        settings = {
            "JupyterHub": {
                "bind_url": self.url, "hub_bind_url": f"http://127.0.0.1:{free_port()}",
                "authenticator_class": "dummy", "spawner_class": "localprocess",
                "db_url": f"sqlite:///{self.base / 'hub' / 'jupyterhub.sqlite'}",
                "cookie_secret_file": str(self.base / "hub" / "cookie_secret"),
                "load_groups": {"students": {"users": [*learners, self.absent]},
                                "instructors": {"users": [self.instructor.name]}},
                "load_roles": [{"name": "kzlessons-instructor", "groups": ["instructors"], "scopes": scopes}],
                "cleanup_servers": True,
            },
            "ConfigurableHTTPProxy": {"command": [str(CHP)], "api_url": f"http://127.0.0.1:{free_port()}"},
            "Authenticator": {"allowed_users": [*learners, self.instructor.name, self.absent],
                              "admin_users": [self.instructor.name]},
            "DummyAuthenticator": {"password": PASSWORD},
            "Spawner": {
                "cmd": [str(VENV_BIN / "jupyterhub-singleuser")], "default_url": "/lab",
                "start_timeout": 180, "http_timeout": 180,
                "server_token_scopes": ["access:servers!server", "users:activity!user", *scopes],
                "environment": {"KZLESSONS_EXCHANGE": str(self.exchange),
                                "GIT_CONFIG_GLOBAL": str(self.base / "gitconfig"),
                                "PATH": f"{VENV_BIN}:/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8"},
            },
        }
        lines = ["c = get_config()  # noqa"]
        for section, values in settings.items():
            lines += [f"c.{section}.{key} = {value!r}" for key, value in values.items()]
        return "\n".join(lines) + "\n"

    def start(self, timeout: float = 120.0) -> "HubSite":
        self.port = free_port()
        hub_dir = self.base / "hub"
        hub_dir.mkdir(mode=0o700, exist_ok=True)
        (hub_dir / "jupyterhub_config.py").write_text(self.config())
        self.log_path = hub_dir / "jupyterhub.log"
        env = {**os.environ, "PATH": f"{VENV_BIN}:{os.environ.get('PATH', '/usr/bin:/bin')}", "PYTHONUNBUFFERED": "1"}
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "jupyterhub", "-f", str(hub_dir / "jupyterhub_config.py")],
                cwd=hub_dir, env=env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterHub exited with {self.process.returncode}:\n{self.log()}")
            try:
                with urllib.request.urlopen(f"{self.url}/hub/api", timeout=5) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.25)  # polling a socket, not waiting for the UI
        raise TimeoutError(f"JupyterHub did not answer within {timeout} s:\n{self.log()}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # by PID; the hub stops the servers and the proxy it started
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self._stop_leftovers()

    def _stop_leftovers(self) -> None:
        """Stop, by id, any process still running as one of the test's own users (kernels of a stopped server)."""
        uids = {u.uid for u in self.users if u.uid}
        for _ in range(50):
            pids = [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit() and _uid_of(p) in uids]
            if not pids:
                return
            for pid in pids:
                try:
                    os.kill(pid, signal.SIGKILL if _ > 20 else signal.SIGTERM)
                except ProcessLookupError:
                    pass
            time.sleep(0.2)

    # ---- tear-down

    def close(self) -> None:
        """Stop everything, remove the users, the group and the temporary folder, and undo any o+x given."""
        try:
            self.stop()
        finally:
            for user in self.users:
                if user.uid:
                    subprocess.run(["userdel", "--remove", user.name], capture_output=True)
            subprocess.run(["groupdel", self.group], capture_output=True)
            shutil.rmtree(self.base, ignore_errors=True)
            for folder, mode in reversed(self.opened):
                os.chmod(folder, mode)


def _uid_of(proc: Path) -> int | None:
    try:
        for line in (proc / "status").read_text().splitlines():
            if line.startswith("Uid:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None
