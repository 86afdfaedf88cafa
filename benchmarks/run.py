#!/usr/bin/env python3
"""Run every benchmark in this folder, print one table and write it to ``benchmarks/RESULTS.md``.

Each ``bench_*.py`` module exposes ``run() -> list[dict]``; every row carries
``area, measure, value, baseline, ratio, unit, target``, with the baseline
measured in the same run. Usage: ``make benchmark`` or
``.venv/bin/python benchmarks/run.py [AREA ...]`` (e.g. ``data quiz``).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
COLUMNS = ("area", "measure", "value", "baseline", "ratio", "unit", "target")


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    return "" if value is None else str(value)


def _load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(areas: list[str]) -> int:
    rows: list[dict] = []
    for path in sorted(HERE.glob("bench_*.py")):
        area = path.stem.removeprefix("bench_")
        if areas and area not in areas:
            continue
        started = time.perf_counter()
        print(f"running {path.name} ...", file=sys.stderr, flush=True)
        try:
            rows += _load(path).run()
        except Exception as error:  # one broken benchmark must not hide the others
            rows.append({"area": area, "measure": f"FAILED: {type(error).__name__}: {error}"})
        print(f"  {path.name} took {time.perf_counter() - started:.1f} s", file=sys.stderr)
    table = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    table += ["| " + " | ".join(_fmt(row.get(c)) for c in COLUMNS) + " |" for row in rows]
    header = (
        f"# Benchmark results\n\nMeasured {dt.datetime.now():%Y-%m-%d %H:%M} on {platform.node()} "
        f"({platform.machine()}, Python {platform.python_version()}); ratio = value / baseline, "
        "both measured in the same run.\n\n"
    )
    text = header + "\n".join(table) + "\n"
    print(text)
    (HERE / "RESULTS.md").write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
