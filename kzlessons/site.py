"""``kzlessons site``: build the offline static course site from a clone of the repository.

The site is built from the repository (lessons, instructor guide, ``site/conf.py``) by
``scripts/build_site.py`` with the ``site`` extra (Sphinx, myst-nb, Furo); this verb runs it
with the same Python, passing its options on (``--hub URL``, ``--out DIR`` …). An installed
wheel has no instructor guide or site configuration, so there the verb says how to get them.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from ._paths import repo_root

CLONE_HINT = ("The course site is built from a clone of the repository: "
              "git clone https://github.com/kzlessons/kzlessons && cd kzlessons && make site")


def builder(root: Path | None = None) -> Path | None:
    """The site builder script of a clone, or None when not running from one.

    >>> builder(Path("/nonexistent")) is None
    True
    """
    root = repo_root() if root is None else root
    script = root / "scripts" / "build_site.py" if root else None
    return script if script and script.is_file() else None


def site_main(argv: Sequence[str] | None = None) -> int:
    """``kzlessons site [--hub URL] [--out DIR] …``: build the site (options as scripts/build_site.py)."""
    script = builder()
    if script is None:
        print(f"kzlessons site: {CLONE_HINT}", file=sys.stderr)
        return 1
    return subprocess.run([sys.executable, str(script), *(argv or [])], cwd=script.parents[1]).returncode
