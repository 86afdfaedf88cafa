"""How fast are ``import kzlessons`` and ``kz.data.load()``?

``run()`` returns rows for ``benchmarks/run.py``; ``python benchmarks/bench_data.py`` prints them.

- import: ``python -c "import pandas; import kzlessons"`` minus ``python -c "import pandas"``,
  each the best of 5 fresh subprocesses. Target: at most 0.15 s overhead.
- load: ``kz.data.load(name)`` with the cache cleared (a cold parse, what a learner's first
  call costs) against a plain ``pandas.read_csv`` of the same file, best of 5 in one process.
  Target: at most 0.5 s and at most 1.5 times the plain read.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REPEATS = 5
IMPORT_TARGET = 0.15
LOAD_TARGET = 0.5
LOAD_RATIO_TARGET = 1.5


def _best_subprocess(code: str) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)
        best = min(best, time.perf_counter() - start)
    return best


def _best(fn) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def run() -> list[dict]:
    """Measure import overhead and every dataset's load time; one dict per measure."""
    sys.path.insert(0, str(REPO))
    import pandas as pd

    from kzlessons import data

    rows = []
    bare = _best_subprocess("import pandas")
    with_pkg = _best_subprocess("import pandas; import kzlessons")
    overhead = max(with_pkg - bare, 0.0)
    rows.append({
        "area": "data", "measure": "import kzlessons (over import pandas)", "value": round(overhead, 4),
        "baseline": round(bare, 4), "ratio": round(with_pkg / bare, 2), "unit": "s",
        "target": f"overhead <= {IMPORT_TARGET} s",
    })

    resources = data._descriptor()
    for name in data.names():
        path = data.data_dir() / resources[name]["path"]
        plain = _best(lambda: pd.read_csv(path))

        def cold_load(name=name):
            data.clear_cache()
            data.load(name)

        value = _best(cold_load)
        rows.append({
            "area": "data", "measure": f"load({name!r}) vs read_csv", "value": round(value, 4),
            "baseline": round(plain, 4), "ratio": round(value / plain, 2), "unit": "s",
            "target": f"<= {LOAD_TARGET} s and <= {LOAD_RATIO_TARGET}x",
        })
    return rows


def _print(rows: list[dict]) -> None:
    keys = ["area", "measure", "value", "baseline", "ratio", "unit", "target"]
    widths = {k: max(len(k), *(len(str(r[k])) for r in rows)) for k in keys}
    print("  ".join(k.ljust(widths[k]) for k in keys))
    for r in rows:
        print("  ".join(str(r[k]).ljust(widths[k]) for k in keys))


if __name__ == "__main__":
    _print(run())
