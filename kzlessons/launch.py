"""``kzlessons lab`` and ``kzlessons links``: start the lessons locally, or link to them on a hub.

``kzlessons lab`` copies the lesson notebooks that ship with the package into a
working folder (``./kzlessons-lessons`` unless ``--dir`` says otherwise) and
opens JupyterLab on lesson 00. A learner's edits are never overwritten: the
folder keeps a small manifest of the file hashes it copied, so a later run
updates only the files the learner has not touched and reports the ones it
kept.

``kzlessons links`` prints one launch link per lesson: nbgitpuller links for a
course JupyterHub (``--hub``) and/or Binder links (``--binder``).

>>> hub_link("https://hub.example.edu", "00_start_here.ipynb")
'https://hub.example.edu/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fkzlessons%2Fkzlessons&branch=main&targetPath=kzlessons&urlpath=lab%2Ftree%2Fkzlessons%2Fnotebooks%2F00_start_here.ipynb'
>>> binder_link("00_start_here.ipynb")
'https://mybinder.org/v2/gh/kzlessons/kzlessons/main?urlpath=lab%2Ftree%2Fnotebooks%2F00_start_here.ipynb'
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

from ._paths import notebooks_dir

#: Where the course lives; ``--repo`` overrides it.
DEFAULT_REPO = "https://github.com/kzlessons/kzlessons"
DEFAULT_BRANCH = "main"
DEFAULT_DIR = "kzlessons-lessons"
BINDER_URL = "https://mybinder.org"
#: Written into the working folder; records the hash of every file ``kzlessons lab`` copied.
MANIFEST_NAME = ".kzlessons-manifest.json"
MANIFEST_VERSION = 1
_SKIP_PARTS = {".ipynb_checkpoints", "__pycache__"}


# --------------------------------------------------------------------------- copying


@dataclass
class CopyReport:
    """What :func:`copy_lessons` did, file by file (paths relative to the working folder)."""

    folder: Path
    copied: list[str] = field(default_factory=list)  # new in the folder (or deleted by the learner)
    updated: list[str] = field(default_factory=list)  # untouched by the learner, newer version copied
    unchanged: list[str] = field(default_factory=list)  # already identical
    kept: list[str] = field(default_factory=list)  # edited by the learner, course has a new version: left alone
    edited: list[str] = field(default_factory=list)  # edited by the learner, course unchanged: left alone

    def lines(self) -> list[str]:
        """Plain sentences for the learner."""
        out = [f"Lessons folder: {self.folder}"]
        if self.copied:
            out.append(f"Copied {len(self.copied)} file(s): {', '.join(self.copied)}")
        if self.updated:
            out.append(f"Updated {len(self.updated)} file(s) you had not changed: {', '.join(self.updated)}")
        for name in self.kept:
            out.append(
                f"Kept your edited copy of {name}; the course has a different version. "
                f"To get a fresh copy, rename or delete {name} and run 'kzlessons lab' again."
            )
        if self.edited:
            out.append(f"Left your edited file(s) as they are: {', '.join(self.edited)}")
        if not (self.copied or self.updated or self.kept):
            out.append("All lessons are up to date.")
        return out


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _source_files(source: Path) -> list[Path]:
    return sorted(
        p for p in source.rglob("*")
        if p.is_file() and not (_SKIP_PARTS & set(p.relative_to(source).parts))
    )


def _atomic_copy(src: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", dir=dest.parent)
    os.close(fd)
    try:
        shutil.copyfile(src, tmp)
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _read_manifest(folder: Path) -> dict[str, str]:
    path = folder / MANIFEST_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        files = data.get("files", {})
        return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}
    except (OSError, ValueError):
        return {}


def _write_manifest(folder: Path, files: dict[str, str]) -> None:
    path = folder / MANIFEST_NAME
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps({"version": MANIFEST_VERSION, "files": dict(sorted(files.items()))}, indent=1),
                   encoding="utf-8")
    os.replace(tmp, path)


def copy_lessons(folder: str | os.PathLike[str], source: str | os.PathLike[str] | None = None) -> CopyReport:
    """Copy the bundled lessons into ``folder`` without overwriting a learner's edits.

    A file is overwritten only when it still has exactly the content this
    function copied last time (the manifest records it) and the course now has
    a newer version. A file the learner edited, or one the manifest does not
    know, is kept and reported. A file the learner deleted is copied again.

    >>> import tempfile, pathlib
    >>> src = pathlib.Path(tempfile.mkdtemp()); dst = pathlib.Path(tempfile.mkdtemp()) / "work"
    >>> _ = (src / "00_a.ipynb").write_text("v1")
    >>> copy_lessons(dst, src).copied
    ['00_a.ipynb']
    >>> _ = (dst / "00_a.ipynb").write_text("my notes")        # the learner edits
    >>> _ = (src / "00_a.ipynb").write_text("v2")              # the course changes
    >>> copy_lessons(dst, src).kept, (dst / "00_a.ipynb").read_text()
    (['00_a.ipynb'], 'my notes')
    """
    folder = Path(folder).expanduser().resolve()
    source = Path(source) if source is not None else notebooks_dir()
    if not source.is_dir():
        raise FileNotFoundError(
            f"The lesson notebooks were not found at {source}. Reinstall kzlessons "
            "(pip install --force-reinstall kzlessons) and try again."
        )
    folder.mkdir(parents=True, exist_ok=True)
    manifest = _read_manifest(folder)
    report = CopyReport(folder=folder)
    for src in _source_files(source):
        rel = src.relative_to(source).as_posix()
        dest = folder / rel
        new_hash = _sha256(src)
        if not dest.exists():
            _atomic_copy(src, dest)
            manifest[rel] = new_hash
            report.copied.append(rel)
            continue
        current = _sha256(dest)
        if current == new_hash:
            manifest[rel] = new_hash
            report.unchanged.append(rel)
        elif manifest.get(rel) == current:  # we put it there and nobody touched it
            _atomic_copy(src, dest)
            manifest[rel] = new_hash
            report.updated.append(rel)
        elif manifest.get(rel) == new_hash:  # the learner edited it; the course did not change
            report.edited.append(rel)
        else:  # edited by the learner (or not ours) and the course changed: never overwrite
            report.kept.append(rel)
    _write_manifest(folder, manifest)
    return report


def _first_lesson(folder: Path) -> str | None:
    lessons = sorted(folder.glob("00_*.ipynb")) or sorted(folder.glob("[0-9][0-9]_*.ipynb"))
    return lessons[0].name if lessons else None


def lesson_url(lesson: str) -> str:
    """The JupyterLab path (from the server root) that opens ``lesson``, for ``--LabApp.default_url``.

    >>> lesson_url("00_start_here.ipynb")
    '/lab/tree/00_start_here.ipynb'
    """
    return "/lab/tree/" + quote(lesson)


def lab_command(folder: Path, extra: Sequence[str] = ()) -> list[str]:
    """The ``jupyter lab`` command line that opens lesson 00 in ``folder``.

    Lesson 00 is both the file to open and the server's default URL, so the URL that
    ``jupyter lab`` prints (for a machine where no browser opens) is the lesson, not the Launcher.

    >>> lab_command(notebooks_dir())[1:5]
    ['-m', 'jupyterlab', '00_start_here.ipynb', '--LabApp.default_url=/lab/tree/00_start_here.ipynb']
    """
    command = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={folder}"]
    first = _first_lesson(folder)
    if first:
        command[3:3] = [first, f"--LabApp.default_url={lesson_url(first)}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0 and "--allow-root" not in extra:
        command.append("--allow-root")
    return command + list(extra)


def lab_main(argv: Sequence[str] | None = None) -> int:
    """``kzlessons lab [--dir DIR] [--copy-only] [--no-browser] [other jupyter lab options]``."""
    parser = argparse.ArgumentParser(
        prog="kzlessons lab",
        description="Copy the lessons into a working folder (your edits are never overwritten) "
        "and open JupyterLab on lesson 00. Unknown options go to 'jupyter lab'.",
    )
    parser.add_argument("--dir", default=DEFAULT_DIR,
                        help=f"working folder for your copies of the lessons (default: ./{DEFAULT_DIR})")
    parser.add_argument("--copy-only", action="store_true", help="copy or update the lessons, do not start JupyterLab")
    parser.add_argument("--no-browser", action="store_true", help="start JupyterLab without opening a browser")
    args, extra = parser.parse_known_args(list(argv or []))
    try:
        report = copy_lessons(args.dir)
    except (FileNotFoundError, PermissionError) as error:
        print(f"kzlessons lab: {error}", file=sys.stderr)
        return 1
    for line in report.lines():
        print(line, flush=True)
    if args.copy_only:
        return 0
    if args.no_browser:
        extra = ["--no-browser", *extra]
    command = lab_command(report.folder, extra)
    print("Starting JupyterLab (stop it with Ctrl+C) ...", flush=True)
    os.chdir(report.folder)
    os.execv(command[0], command)
    return 0  # pragma: no cover - execv does not return


# --------------------------------------------------------------------------- links


def lesson_files(source: str | os.PathLike[str] | None = None) -> list[str]:
    """File names of the lessons, in order (``00_start_here.ipynb`` …).

    >>> lesson_files()[0]
    '00_start_here.ipynb'
    """
    source = Path(source) if source is not None else notebooks_dir()
    return sorted(p.name for p in source.glob("[0-9][0-9]_*.ipynb"))


def _repo_parts(repo: str) -> tuple[str, str]:
    path = urlsplit(repo).path.rstrip("/")
    parts = [p for p in path.split("/") if p]
    if not parts:
        raise ValueError(f"Cannot find a repository name in {repo!r}; give a URL such as {DEFAULT_REPO}.")
    name = parts[-1].removesuffix(".git")
    owner = parts[-2] if len(parts) > 1 else ""
    return owner, name


def hub_link(hub: str, lesson: str, repo: str = DEFAULT_REPO, branch: str = DEFAULT_BRANCH) -> str:
    """An nbgitpuller link that clones/updates ``repo`` on ``hub`` and opens ``lesson`` in JupyterLab.

    Follows nbgitpuller's documented link format (its link generator):
    ``{hub}/hub/user-redirect/git-pull?repo=…&branch=…&urlpath=lab/tree/{repo-dir}/notebooks/{lesson}``,
    plus ``targetPath={repo-dir}``: without it nbgitpuller's server names the clone after the last part
    of the URL *with* any ``.git`` (``kz-course.git``) while its link generator opens the name without
    it, so a ``….git`` repository would open a path that does not exist.
    """
    if not urlsplit(hub).scheme.startswith("http"):
        raise ValueError(f"The hub URL must start with https:// (got {hub!r}).")
    _, name = _repo_parts(repo)
    query = urlencode({"repo": repo, "branch": branch, "targetPath": name,
                       "urlpath": f"lab/tree/{name}/notebooks/{lesson}"})
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def binder_link(lesson: str, repo: str = DEFAULT_REPO, branch: str = DEFAULT_BRANCH) -> str:
    """A mybinder.org link that builds ``repo`` at ``branch`` and opens ``lesson`` in JupyterLab."""
    host = urlsplit(repo).netloc.lower()
    if host not in {"github.com", "www.github.com"}:
        raise ValueError(f"Binder links are made for GitHub repositories only (got {repo!r}).")
    owner, name = _repo_parts(repo)
    query = urlencode({"urlpath": f"lab/tree/notebooks/{lesson}"})
    return f"{BINDER_URL}/v2/gh/{owner}/{name}/{branch}?{query}"


def links_main(argv: Sequence[str] | None = None) -> int:
    """``kzlessons links --hub URL [--branch B] [--repo URL] [--binder]``."""
    parser = argparse.ArgumentParser(
        prog="kzlessons links",
        description="Print one launch link per lesson: nbgitpuller links for a JupyterHub (--hub) "
        "and/or Binder links (--binder). nbgitpuller never overwrites files a student has edited.",
    )
    parser.add_argument("--hub", help="your JupyterHub's URL, e.g. https://hub.example.edu")
    parser.add_argument("--branch", default=DEFAULT_BRANCH, help=f"git branch (default: {DEFAULT_BRANCH})")
    parser.add_argument("--repo", default=DEFAULT_REPO, help=f"git repository URL (default: {DEFAULT_REPO})")
    parser.add_argument("--binder", action="store_true", help="print mybinder.org links")
    args = parser.parse_args(list(argv or []))
    if not args.hub and not args.binder:
        parser.print_usage(sys.stderr)
        print("kzlessons links: give --hub URL (a JupyterHub with nbgitpuller) and/or --binder.", file=sys.stderr)
        return 2
    lessons = lesson_files()
    if not lessons:
        print(f"kzlessons links: no lesson notebooks found in {notebooks_dir()}.", file=sys.stderr)
        return 1
    try:
        for lesson in lessons:
            stem = lesson.removesuffix(".ipynb")
            if args.hub:
                print(f"{stem}  {hub_link(args.hub, lesson, args.repo, args.branch)}")
            if args.binder:
                print(f"{stem}  {binder_link(lesson, args.repo, args.branch)}")
    except ValueError as error:
        print(f"kzlessons links: {error}", file=sys.stderr)
        return 2
    return 0
