#!/usr/bin/env python3
"""Quiz and progress benchmarks: ``run() -> list[dict]`` rows for ``benchmarks/run.py``.

* ``ask`` = ``kz.quiz.ask(qid)`` plus formatting its display bundle (what a
  notebook cell does), against a bare ``RadioButtons`` + ``Button`` in a
  ``VBox`` formatted the same way. Target: ratio ≤ 2.
* ``record`` = ``kz.progress.record(qid, answer)`` (check + locked append +
  fsync), against a bare ``open(..., "a")`` + write + fsync of the same line.
  Target: ≤ 5 ms per attempt.

Both sides are measured in the same run, in a private ``$KZLESSONS_HOME``
holding 200 earlier attempts (a well-used store). Run alone with
``.venv/bin/python benchmarks/bench_quiz.py``.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

QID = "l00-what-check-does"


def _best_per_call(fn, repeat: int = 7, number: int = 40) -> float:
    """Median over ``repeat`` rounds of the mean seconds per call (after one warm-up round)."""
    for _ in range(number):
        fn()
    rounds = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        rounds.append((time.perf_counter() - start) / number)
    return statistics.median(rounds)


def run() -> list[dict]:
    saved = os.environ.get("KZLESSONS_HOME")
    with tempfile.TemporaryDirectory() as home:
        os.environ["KZLESSONS_HOME"] = home
        try:
            return _run(Path(home))
        finally:
            if saved is None:
                os.environ.pop("KZLESSONS_HOME", None)
            else:
                os.environ["KZLESSONS_HOME"] = saved


def _run(home: Path) -> list[dict]:
    import ipywidgets as widgets
    from IPython.core.formatters import DisplayFormatter

    import kzlessons as kz

    formatter = DisplayFormatter()
    question = kz.quiz.get(QID)
    for i in range(200):  # a well-used store
        kz.progress.record("l00-area", str(i))
    from kzlessons.quiz import static

    static.source_titles()  # the sources table is loaded once per kernel

    def bare_widget():
        radio = widgets.RadioButtons(options=[(o.text, o.id) for o in question.options], value=None,
                                     description="Answer:")
        button = widgets.Button(description="Check")
        box = widgets.VBox([radio, button])
        formatter.format(box)

    def quiz_widget():
        formatter.format(kz.quiz.ask(QID))

    bare = _best_per_call(bare_widget)
    ask = _best_per_call(quiz_widget)

    line = json.dumps({"attempt_id": "0" * 32, "question_id": QID, "lesson": "00", "answer": "b",
                       "correct": True, "score": 1.0, "time": "2025-01-01T00:00:00.000000+00:00"}) + "\n"
    plain = home / "plain.jsonl"

    def bare_append():
        with open(plain, "a", encoding="utf-8") as handle:
            handle.write(line)
            handle.flush()
            os.fsync(handle.fileno())

    def record():
        kz.progress.record(QID, "b")

    append = _best_per_call(bare_append, repeat=5, number=100)
    rec = _best_per_call(record, repeat=5, number=100)
    return [
        {"area": "quiz", "measure": "ask(qid) + display bundle", "value": ask * 1000,
         "baseline": bare * 1000, "ratio": ask / bare, "unit": "ms",
         "target": "ratio ≤ 2 vs bare RadioButtons + Button"},
        {"area": "quiz", "measure": "progress.record (check + lock + append + fsync)", "value": rec * 1000,
         "baseline": append * 1000, "ratio": rec / append, "unit": "ms",
         "target": "≤ 5 ms per attempt (baseline: bare append + fsync)"},
    ]


if __name__ == "__main__":
    for row in run():
        print(" | ".join(f"{k}={v:.3g}" if isinstance(v, float) else f"{k}={v}" for k, v in row.items()))
