#!/usr/bin/env python3
"""Build the static course site: ``make site`` / ``python3 tasks.py site`` (output: ``_build/site``).

Steps, all offline:

1. execute every lesson notebook with ``KZLESSONS_STATIC=1`` (two at a time, with a throw-away
   progress folder), so charts are SVG pictures with alt text and quizzes answer in the page;
   executed notebooks are cached in ``_build/site-cache`` by a hash of the notebook, the package
   and the data, so a rebuild after a prose edit runs only that lesson;
2. add to each lesson, under its title, links to launch it on Binder, on a course JupyterHub
   (nbgitpuller; ``--hub URL`` gives a direct link, else the page asks for the hub's address) and
   to download the notebook (the clean, output-free copy);
3. write the home page (the syllabus from the lessons' metadata) and copy the instructor guide;
   remote images in copied Markdown (e.g. a Binder badge) become plain links, so no page
   requests anything from outside the site;
4. run Sphinx (myst-nb, the Furo theme; ``site/conf.py``) into ``_build/site``;
5. chart pictures: their SVG drawings become files under ``_charts/`` (a phone loads only its
   narrow drawing), each with a link under it that opens the full drawing.

Open ``_build/site/index.html`` in a browser, or serve the folder with any static web server.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
DOCS = ROOT / "docs"
CONF = ROOT / "site"
BUILD = ROOT / "_build"
#: The instructor guide and the pages it links to, copied under ``guide/``.
GUIDE = ["instructor-guide.md", "launching.md", "quiz-and-progress.md", "zero-to-jupyterhub.md"]
_REMOTE_IMAGE = re.compile(r"!\[([^\]]*)\]\((https?://[^)\s]+)\)")
_REMOTE_IMG_TAG = re.compile(r"<img\b[^>]*\bsrc=[\"']https?://[^>]*>", re.I)


def say(message: str) -> None:
    print(f"[site] {message}", flush=True)


def without_remote_images(markdown: str) -> str:
    """Markdown with every image loaded from the web replaced by its alt text.

    A linked badge ``[![Binder](https://…/badge.svg)](https://mybinder.org/…)`` keeps its link.

    >>> without_remote_images("[![Launch](https://x.org/b.svg)](https://mybinder.org/v2)")
    '[Launch](https://mybinder.org/v2)'
    >>> without_remote_images('a <img src="https://x.org/p.png" alt="p"> b')
    'a  b'
    """
    markdown = _REMOTE_IMAGE.sub(lambda m: m.group(1) or "image", markdown)
    return _REMOTE_IMG_TAG.sub("", markdown)


def assessment_state() -> str:
    """What assessment mode withholds now (the config the lessons read, which questions are not
    released): quizzes under it are drawn without their answers, so a release means a new page."""
    from kzlessons.quiz.assessment import bank_lessons, load

    config = load(cwd=NOTEBOOKS)
    return repr((config, sorted(config.withheld(bank_lessons()))))


def fingerprint(notebook: Path) -> str:
    """A hash of what an executed lesson depends on: the notebook, the package, the data and assessment mode."""
    digest = hashlib.sha256(notebook.read_bytes())
    digest.update(assessment_state().encode())
    for folder in (ROOT / "kzlessons", ROOT / "data"):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and not path.name.endswith(".pyc"):
                digest.update(str(path.relative_to(ROOT)).encode())
                digest.update(path.read_bytes() if path.stat().st_size < 5_000_000 else str(path.stat().st_size).encode())
    return digest.hexdigest()[:20]


def execute(notebook: Path, cache: Path, timeout: int = 600):
    """The lesson executed in static mode (from the cache when nothing it depends on changed)."""
    import nbformat

    cached = cache / f"{notebook.stem}-{fingerprint(notebook)}.ipynb"
    if cached.is_file():
        return nbformat.read(cached, as_version=4), True
    from nbclient import NotebookClient

    nb = nbformat.read(notebook, as_version=4)
    with tempfile.TemporaryDirectory(prefix="kzsite-home-") as home:
        env = {"KZLESSONS_STATIC": "1", "KZLESSONS_HOME": home}
        if os.environ.get("KZLESSONS_ASSESSMENT"):  # assessed quizzes go on the site without their answers
            env["KZLESSONS_ASSESSMENT"] = str(Path(os.environ["KZLESSONS_ASSESSMENT"]).expanduser().resolve())
        client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                                resources={"metadata": {"path": str(notebook.parent)}})
        client.km = client.create_kernel_manager()
        client.km.extra_env = env  # only the lesson kernels run in static mode
        # The kernel process's own log (e.g. ipykernel's "Kernel is running over TCP without encryption",
        # once per lesson; the kernel listens on 127.0.0.1 only) goes to a file, shown only if the lesson
        # fails. What the lesson's cells print is not in it: that arrives as cell outputs.
        log = Path(home) / "kernel.log"
        with log.open("w", encoding="utf-8") as kernel_log:
            try:
                client.execute(env=env, stderr=kernel_log)
            except BaseException:
                kernel_log.flush()
                said = log.read_text(encoding="utf-8", errors="replace").strip()
                if said:
                    say(f"{notebook.name} failed; its kernel said:\n{said[-4000:]}")
                raise
    for old in cache.glob(f"{notebook.stem}-*.ipynb"):
        old.unlink()
    cache.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, cached)
    return nb, False


WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
#: Shown instead of a widget a lesson draws for live use (sliders, the progress download button).
NEEDS_KERNEL = ('<p class="kz-needs-kernel">ℹ️ <strong>Interactive control</strong>: it works when the '
                "lesson runs in Jupyter (see “Run this lesson” at the top of the page).</p>")


def without_widgets(nb) -> int:
    """Replace widget outputs (empty on a static page: there is no kernel) with a sentence saying
    where they work. Quizzes are not widgets in static mode. Returns how many were replaced."""
    count = 0
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_MIME in data:
                output["data"] = {"text/html": NEEDS_KERNEL, "text/plain": "Interactive control (needs Jupyter)."}
                count += 1
    return count


def launch_html(lesson: str, *, repo: str, branch: str, hub: str | None) -> str:
    """The "Run this lesson" box under a lesson's title (raw HTML inside a Markdown cell)."""
    sys.path.insert(0, str(ROOT))
    from kzlessons.launch import binder_link, hub_link

    stem = lesson.removesuffix(".ipynb")
    binder = html.escape(binder_link(lesson, repo, branch), quote=True)
    parts = [
        '<nav class="kz-launch" aria-label="Run this lesson">',
        "<p><strong>Run this lesson</strong> (the page you are reading is a static copy: its quizzes "
        "answer here, but code runs only in Jupyter):</p><p>",
        f'<a href="{binder}">Launch on Binder</a> (nothing to install; progress lasts one session) · ',
        f'<a href="../notebooks/{lesson}" download>Download the notebook</a> (open it in JupyterLab '
        "with <code>pip install kzlessons</code>)",
    ]
    if hub:
        link = html.escape(hub_link(hub, lesson, repo, branch), quote=True)
        parts.append(f' · <a href="{link}">Open on the course JupyterHub</a></p>')
    else:
        parts += [
            "</p>",
            f'<form class="kz-hub" novalidate data-lesson="{html.escape(lesson, quote=True)}" '
            f'data-repo="{html.escape(repo, quote=True)}" data-branch="{html.escape(branch, quote=True)}">',
            f'<label for="hub-{stem}">Open on your course JupyterHub (nbgitpuller), its address:</label>',
            f'<input type="url" id="hub-{stem}" name="hub" placeholder="https://hub.example.edu" '
            'autocomplete="url">',
            '<button type="submit">Open there</button>',
            '<span class="kz-hub-note" role="status" aria-live="polite"></span></form>',
        ]
    parts.append("</nav>")
    return "\n".join(parts)


def home_page(rows: list[dict], lesson_files: dict[str, str]) -> str:
    """index.md: an introduction, the syllabus table (from metadata) and the tables of contents."""
    sys.path.insert(0, str(ROOT))
    from kzlessons.lesson import syllabus

    linked = [{**m, "title": f"[{m['title']}](lessons/{lesson_files[m['id']]})"} for m in rows]
    table = syllabus(rows=linked).replace("# Syllabus", "## Syllabus", 1)
    lessons_toc = "\n".join(f"lessons/{lesson_files[m['id']].removesuffix('.ipynb')}" for m in rows)
    guide_toc = "\n".join(["guide/instructor-guide", "guide/launching", "guide/quiz-and-progress",
                           "guide/zero-to-jupyterhub"]
                          + [f"guide/instructor/{p.stem}" for p in sorted((DOCS / "instructor").glob("l*.md"))])
    return f"""# Kazakhstan's multi-vector foreign policy

A short course in Jupyter notebooks: how Kazakhstan balances Russia, China, the West and its
neighbours, what the 2014 and 2022 shocks changed, and how to check such claims with data.

This site is a **static copy** of the lessons: read the prose, look at the charts (each has a text
description), and answer the self-check questions right here (nothing is stored or sent). To run the
code, open a lesson in Jupyter with the links at the top of each lesson page.

{table}

```{{toctree}}
:maxdepth: 1
:caption: Lessons

{lessons_toc}
```

```{{toctree}}
:maxdepth: 1
:caption: For instructors

{guide_toc}
```
"""


def polish(out: Path) -> int:
    """Small accessibility fixes to Sphinx's HTML: toctree captions (``role=heading``) get the
    ``aria-level`` that role requires. Returns the number of pages changed."""
    changed = 0
    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        fixed = re.sub(r'(<p class="caption" role="heading")(?![^>]*aria-level)', r'\1 aria-level="2"', text)
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")
            changed += 1
    return changed


_CHART = re.compile(r'(<figure class="kzlessons-chart-static"[^>]*>)(.*?)(</figure>)', re.S)
_SVG_URI = re.compile(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)")
#: Under each chart picture: the full drawing, for a phone or a closer look.
FULL_SIZE = '<p class="kz-chart-full"><a href="{href}">Open this chart full size</a></p>'


def chart_files(out: Path) -> int:
    """Each chart picture's SVG drawings (inline data URIs from static mode) become files under
    ``_charts/`` (named by content), so a phone loads only the drawing it shows (the phone one, via
    ``<picture>``) and the browser caches them; under each picture, a link opens the full drawing.
    Returns the number of charts changed (0 on a second run).

    >>> import base64, tempfile
    >>> uri = "data:image/svg+xml;base64," + base64.b64encode(b"<svg/>").decode()
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     page = Path(folder) / "lessons" / "l.html"; page.parent.mkdir()
    ...     _ = page.write_text(f'<figure class="kzlessons-chart-static"><img src="{uri}" alt="A"></figure>')
    ...     done = chart_files(Path(folder)), chart_files(Path(folder))
    ...     html = page.read_text(); files = [p.name for p in (Path(folder) / "_charts").iterdir()]
    >>> done, "data:" in html, files == [html.split('src="../_charts/')[1].split('"')[0]]
    ((1, 0), False, True)
    >>> 'href="../_charts/' in html and "full size" in html
    True
    """
    import base64

    folder = out / "_charts"
    changed = 0

    def to_file(match: re.Match, page: Path) -> str:
        data = base64.b64decode(match.group(1))
        name = f"chart-{hashlib.sha256(data).hexdigest()[:16]}.svg"
        folder.mkdir(exist_ok=True)
        if not (folder / name).is_file():
            (folder / name).write_bytes(data)
        return Path(os.path.relpath(folder / name, page.parent)).as_posix()

    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if "kzlessons-chart-static" not in text:
            continue

        def figure(match: re.Match) -> str:
            nonlocal changed
            body = match.group(2)
            if "data:image/svg+xml" not in body:
                return match.group(0)
            changed += 1
            body = _SVG_URI.sub(lambda m: to_file(m, page), body)
            wide = re.search(r'<img src="([^"]+)"', body)
            link = FULL_SIZE.format(href=html.escape(wide.group(1), quote=True)) if wide else ""
            return match.group(1) + body + link + match.group(3)

        fixed = _CHART.sub(figure, text)
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")
    return changed


def build(out: Path, *, hub: str | None, repo: str, branch: str, jobs: int = 2) -> Path:
    """Build the site into ``out``; returns the path of its index.html."""
    import nbformat

    sys.path.insert(0, str(ROOT))
    from kzlessons.lesson import lessons

    start = time.monotonic()
    src = BUILD / "site-src"
    cache = BUILD / "site-cache"
    shutil.rmtree(src, ignore_errors=True)
    (src / "lessons").mkdir(parents=True)
    rows = lessons(NOTEBOOKS)
    files = {m["id"]: Path(m["_path"]).name for m in rows}
    paths = [NOTEBOOKS / name for name in files.values()]
    say(f"executing {len(paths)} lessons in static mode ({jobs} at a time)")
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(lambda p: execute(p, cache), paths))
    say(f"lessons ready in {time.monotonic() - start:.0f} s "
        f"({sum(hit for _, hit in results)} from the cache)")
    for path, (nb, _) in zip(paths, results):
        without_widgets(nb)
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                cell.source = without_remote_images(cell.source)
        first = next(i for i, c in enumerate(nb.cells) if c.cell_type == "markdown")
        nb.cells.insert(first + 1, nbformat.v4.new_markdown_cell(
            launch_html(path.name, repo=repo, branch=branch, hub=hub)))
        if nb.nbformat_minor < 5:  # the launch cell carries an id, so every cell gets one
            nb.nbformat_minor = 5
            for i, cell in enumerate(nb.cells):
                cell.setdefault("id", f"cell-{i}")
        nbformat.write(nb, src / "lessons" / path.name)
    extra = BUILD / "site-extra"
    shutil.rmtree(extra, ignore_errors=True)
    downloads = extra / "notebooks"
    downloads.mkdir(parents=True)
    for path in paths:
        shutil.copy2(path, downloads / path.name)
    guide = src / "guide"
    (guide / "instructor").mkdir(parents=True)
    for name in GUIDE:
        (guide / name).write_text(without_remote_images((DOCS / name).read_text(encoding="utf-8")), encoding="utf-8")
    if (DOCS / "img").is_dir():  # pictures the guide shows (local files, copied with it)
        shutil.copytree(DOCS / "img", guide / "img")
    if (DOCS / "z2jh").is_dir():  # the Zero to JupyterHub files its page links to (downloads on the site)
        shutil.copytree(DOCS / "z2jh", guide / "z2jh")
    for page in sorted((DOCS / "instructor").glob("l*.md")):
        (guide / "instructor" / page.name).write_text(without_remote_images(page.read_text(encoding="utf-8")),
                                                      encoding="utf-8")
    (src / "index.md").write_text(home_page(rows, files), encoding="utf-8")
    say("running Sphinx")
    shutil.rmtree(out, ignore_errors=True)
    sphinx = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-j", str(jobs), "-c", str(CONF),
              "-D", f"html_extra_path={extra}", str(src), str(out)]
    done = subprocess.run(sphinx, capture_output=True, text=True)
    warnings = [line for line in done.stderr.splitlines() if "WARNING" in line or "ERROR" in line]
    if done.returncode != 0:
        sys.exit(f"Sphinx failed ({done.returncode}):\n{done.stderr[-4000:]}")
    for line in warnings:  # one line each (a lexing warning quotes a whole code block)
        say(line if len(line) <= 300 else f"{line[:299]}…")
    polish(out)
    chart_files(out)
    say(f"site built in {time.monotonic() - start:.0f} s: open {out / 'index.html'}")
    return out / "index.html"


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(ROOT))
    from kzlessons.launch import DEFAULT_BRANCH, DEFAULT_REPO

    parser = argparse.ArgumentParser(description="Build the offline static course site into _build/site.")
    parser.add_argument("--out", default=str(BUILD / "site"), help="output folder (default: _build/site)")
    parser.add_argument("--hub", default=os.environ.get("KZLESSONS_HUB"),
                        help="your course JupyterHub's URL for direct nbgitpuller links (default: $KZLESSONS_HUB; "
                             "without it each lesson page asks for the hub's address)")
    parser.add_argument("--repo", default=DEFAULT_REPO, help=f"git repository of the course (default: {DEFAULT_REPO})")
    parser.add_argument("--branch", default=DEFAULT_BRANCH, help=f"git branch (default: {DEFAULT_BRANCH})")
    parser.add_argument("--jobs", type=int, default=2, help="lessons executed at a time (default: 2)")
    args = parser.parse_args(argv)
    try:
        import myst_nb  # noqa: F401
        import sphinx  # noqa: F401
    except ImportError:
        sys.exit("Building the site needs Sphinx, myst-nb and Furo: pip install -c constraints.txt -e '.[site]' "
                 "(or run: python3 tasks.py site).")
    build(Path(args.out), hub=args.hub, repo=args.repo, branch=args.branch, jobs=args.jobs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
