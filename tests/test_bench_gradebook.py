"""benchmarks/bench_gradebook.py: its synthetic class files stay valid exports the gradebook accepts.

This guards the generator from rotting when the progress file format changes; it never looks at timings.
"""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _bench():
    spec = importlib.util.spec_from_file_location("bench_gradebook", REPO / "benchmarks" / "bench_gradebook.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_synthetic_class_is_graded_cleanly(tmp_path: Path, kz_home: Path) -> None:
    """Does the gradebook CLI accept a generated class of 3 (exit 0) and write rows for 3 learners?"""
    bench = _bench()
    files = bench.make_class(tmp_path / "class", 3, seed=1)
    assert len(files) == 3
    grades, items = tmp_path / "grades.csv", tmp_path / "items.csv"
    done = subprocess.run(bench.gradebook_command([str(f) for f in files], grades, items),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert len(bench.learners_in(grades)) == 3
