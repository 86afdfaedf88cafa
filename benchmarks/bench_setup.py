"""Fresh set-up time and virtual-environment size: kzlessons vs the bare tools.

Measures, in the same run and with the same pip cache, a fresh venv with
kzlessons installed as ``make lab`` installs it (``pip install -c
constraints.txt -e .``) against a fresh venv with only jupyterlab, ipywidgets,
pandas, altair and nbval (same pins). Target: ≤ 1.2× in time and size.
Run: ``.venv/bin/python benchmarks/bench_setup.py``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARE = ["jupyterlab", "ipywidgets", "pandas", "altair", "nbval"]


def _size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink()) / 1e6


def _fresh_install(packages: list[str]) -> tuple[float, float]:
    folder = Path(tempfile.mkdtemp(prefix="kz-bench-venv-"))
    try:
        started = time.perf_counter()
        venv.create(folder, with_pip=True)
        subprocess.run(
            [str(folder / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
             "-c", str(ROOT / "constraints.txt"), *packages],
            check=True, cwd=ROOT, stderr=subprocess.DEVNULL,
        )
        return time.perf_counter() - started, _size_mb(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run() -> list[dict]:
    _fresh_install(BARE)  # warm the pip cache so neither side pays for downloads
    bare_time, bare_size = _fresh_install(BARE)
    kz_time, kz_size = _fresh_install(["-e", str(ROOT)])
    return [
        {"area": "setup", "measure": "fresh venv + install (make lab)", "value": kz_time, "baseline": bare_time,
         "ratio": kz_time / bare_time, "unit": "s", "target": "≤ 1.2×"},
        {"area": "setup", "measure": "venv size", "value": kz_size, "baseline": bare_size,
         "ratio": kz_size / bare_size, "unit": "MB", "target": "≤ 1.2×"},
    ]


if __name__ == "__main__":
    for row in run():
        print(f"{row['measure']:<34} {row['value']:8.1f} {row['unit']:<3} vs {row['baseline']:8.1f}  "
              f"ratio {row['ratio']:.2f}  target {row['target']}")
    sys.exit(0)
