#!/usr/bin/env python3
"""Gradebook benchmark: ``run() -> list[dict]`` rows for ``benchmarks/run.py``.

``kzlessons gradebook FILES... -o grades.csv --items items.csv`` (the CLI, as a
subprocess of the same interpreter) on synthetic classes of 30, 300 and 3,000
learners with about 100 stored rows each (about 300,000 for 3,000 learners),
against a floor measured in the same run: a bare ``python -c`` that only
``json.load``s the same files one after the other (same interpreter, same
files, same page-cache warmth). Each side runs at least twice, in alternating
order, and the best wall time is kept; peak memory is the child's max RSS,
read with ``resource.getrusage(RUSAGE_CHILDREN)`` in a fresh wrapper process
per measurement. The floor keeps no file after reading it, so it is the least
memory any reader can use; the gradebook has to keep every attempt.
Target: 3,000 learners < 10 s and < 300 MB. The fixed cost (1 learner) is
reported against the floor on the same file.

The synthetic files are real export files (built with
:func:`kzlessons.progress.exchange.export_bytes`, so the format follows the
code) whose answers are to the real question bank, so the gradebook re-grades
real answers: each learner answers a random 60–100 % of the bank in lesson
order, with wrong tries before the right one, some "shown" events and a few
questions given up. Every stored ``correct``/``score`` is what
``Question.check`` gives for the stored answer, so nothing is flagged as
re-graded. :func:`make_class` is also used by ``tests/test_bench_gradebook.py``.

Run alone with ``.venv/bin/python benchmarks/bench_gradebook.py``.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SIZES = (30, 300, 3000)
TARGET_SECONDS, TARGET_MB = 10.0, 300.0
NAMES = ("Aigerim", "Nurlan", "Әлия", "Dana", "Yerlan", "Zhanna", "Timur", "Saule", "Arman", "Gulnara")
START = dt.datetime(2025, 3, 3, 8, 0, tzinfo=dt.timezone.utc)

# One measurement: run the command given as JSON on stdin, report its wall time and max RSS.
_WRAPPER = """
import json, resource, subprocess, sys, time
job = json.load(sys.stdin)
start = time.perf_counter()
done = subprocess.run(job["cmd"], cwd=job["cwd"], env=job["env"], stdin=subprocess.DEVNULL,
                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - start
rss_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"wall": wall, "rss_kb": rss_kb, "rc": done.returncode,
                  "stderr": done.stderr.decode("utf-8", "replace")[-2000:]}))
"""
# The floor: read and parse the same files, keeping none of them.
_FLOOR = """
import json, sys
for name in sys.argv[1:]:
    with open(name, "rb") as handle:
        json.load(handle)
"""


# -- synthetic classes ---------------------------------------------------------
def _checked(question: Any, answers: list[Any]) -> list[tuple[Any, bool, float]]:
    """(stored answer, correct, score) for each answer, as ``record()`` would store it; duplicates dropped."""
    out, seen = [], set()
    for answer in answers:
        stored = question.answer_to_store(answer)
        key = json.dumps(stored, sort_keys=True)
        if key in seen:
            continue
        seen.add(key)
        result = question.check(stored)
        out.append((stored, bool(result.correct), float(result.score)))
    return out


def _candidates(question: Any) -> tuple[list[Any], list[Any]]:
    """Plausible right and wrong answers for one question (checked later by ``Question.check``)."""
    key, ids = question.answer, [o.id for o in question.options]
    if question.type == "single":
        return [key], [i for i in ids if i != key]
    if question.type == "multiple":
        right, others = list(key), [i for i in ids if i not in key]
        wrong = [right[:-1], right + others[:1], others[:1], right[1:] + others[-1:]]
        return [right, list(reversed(right))], [w for w in wrong if w]
    if question.type == "ordering":
        right = list(key)
        swapped = [right[1], right[0], *right[2:]]
        return [right], [swapped, list(reversed(right)), right[1:] + right[:1]]
    if question.type == "numeric":
        value = (float(key["min"]) + float(key["max"])) / 2 if "min" in key else float(key["value"])
        far = value * 10 if value else 1000.0
        rights: list[Any] = [value, f"{value:g}"]
        if value.is_integer() and abs(value) >= 10_000:
            rights.append(f"{int(value):,}")
        return rights, [far, f"{far:g}", value / 10 if value else -1.0, "about a lot"]
    if question.type == "text":
        accept = list(key["accept"])
        return accept[:3] + [f"  {accept[0].upper()}! "], ["I don't know", "Almaty", "x"]
    raise ValueError(f"unknown question type {question.type!r}")


@functools.lru_cache(maxsize=1)
def answer_pools() -> tuple[tuple[str, str, tuple, tuple], ...]:
    """For every question in bank order: (id, lesson, right answers, wrong answers), each already checked."""
    from kzlessons import quiz

    pools = []
    for qid, question in quiz.load_all().items():
        right, wrong = (_checked(question, answers) for answers in _candidates(question))
        right = [a for a in right if a[1]]
        wrong = [a for a in wrong if not a[1]] or [_checked(question, [None])[0]]
        if not right:
            raise RuntimeError(f"no right answer could be made for {qid}; update _candidates()")
        pools.append((qid, question.lesson, tuple(right), tuple(wrong)))
    return tuple(pools)


def _uuid(rng: random.Random) -> str:
    return uuid.UUID(int=rng.getrandbits(128), version=4).hex


def learner_rows(rng: random.Random) -> list[dict[str, Any]]:
    """One learner's stored rows (~100): 60–100 % of the bank, wrong tries first, some "shown" events."""
    pools = answer_pools()
    share = rng.uniform(0.6, 1.0)
    picked = sorted(rng.sample(range(len(pools)), max(1, round(share * len(pools)))))
    clock = START + dt.timedelta(days=rng.randrange(30), seconds=rng.randrange(36_000))
    rows: list[dict[str, Any]] = []

    def add(qid: str, lesson: str, answer: Any, correct: bool, score: float, **extra: Any) -> None:
        nonlocal clock
        clock += dt.timedelta(seconds=rng.uniform(4, 240))
        rows.append({"attempt_id": _uuid(rng), "question_id": qid, "lesson": lesson, "answer": answer,
                     "correct": correct, "score": score, "time": clock.isoformat(timespec="microseconds"),
                     **extra})

    for index in picked:
        qid, lesson, right, wrong = pools[index]
        tries = rng.choices((0, 1, 2, 3, 4), weights=(55, 22, 12, 7, 4))[0]
        for _ in range(tries):
            add(qid, lesson, *rng.choice(wrong))
        if tries >= 2 and rng.random() < 0.4:
            add(qid, lesson, None, False, 0.0, kind="shown")
        if rng.random() < 0.93:
            add(qid, lesson, *rng.choice(right))
    return rows


def make_class(folder: str | os.PathLike[str], learners: int, seed: int = 0) -> list[Path]:
    """Write ``learners`` export files into ``folder`` (created); returns their paths.

    Deterministic for a given ``seed``, and learner ``i`` is the same whatever
    ``learners`` is, so a smaller class is a prefix of a larger one.
    """
    from kzlessons.progress.exchange import export_bytes

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(learners):
        rng = random.Random(seed * 1_000_003 + i)
        learner_id = _uuid(rng)
        name = f"{NAMES[i % len(NAMES)]} {i + 1:05d}"
        path = folder / f"learner-{i + 1:05d}.json"
        path.write_bytes(export_bytes(learner_rows(rng), learner=name, learner_id=learner_id))
        paths.append(path)
    return paths


def gradebook_command(files: list[str], output: str | os.PathLike[str],
                      items: str | os.PathLike[str]) -> list[str]:
    """The CLI as a user runs it (``kzlessons gradebook``), with this interpreter."""
    return [sys.executable, "-m", "kzlessons.cli", "gradebook", *files, "-o", str(output), "--items", str(items)]


def learners_in(grades: str | os.PathLike[str]) -> set[str]:
    """The learner ids in a written grades.csv."""
    with open(grades, newline="", encoding="utf-8") as handle:
        return {row["learner_id"] for row in csv.DictReader(handle)}


# -- measuring -------------------------------------------------------------------
def _measure(cmd: list[str], cwd: Path, env: dict[str, str]) -> dict[str, Any]:
    """Wall seconds and peak RSS (MB) of ``cmd``, run by a fresh wrapper process."""
    job = json.dumps({"cmd": cmd, "cwd": str(cwd), "env": env})
    out = subprocess.run([sys.executable, "-c", _WRAPPER], input=job, capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    if result["rc"] != 0:
        raise RuntimeError(f"{' '.join(cmd[:5])} ... exited with {result['rc']}: {result['stderr']}")
    return {"wall": result["wall"], "mb": result["rss_kb"] / 1024}


def _compare(names: list[str], folder: Path, out: Path, env: dict[str, str], repeat: int) -> dict[str, dict]:
    """Best wall time and lowest peak RSS of the gradebook and of the floor, alternating which runs first."""
    sides = {
        "gradebook": gradebook_command(names, out / "grades.csv", out / "items.csv"),
        "floor": [sys.executable, "-c", _FLOOR, *names],
    }
    runs: dict[str, list[dict]] = {side: [] for side in sides}
    order = ["floor", "gradebook"]
    for _ in range(repeat):
        for side in order:
            runs[side].append(_measure(sides[side], folder, env))
        order.reverse()
    found = learners_in(out / "grades.csv")
    if len(found) != len(names):
        raise RuntimeError(f"grades.csv has {len(found)} learners, expected {len(names)}")
    return {side: {"wall": min(r["wall"] for r in rs), "mb": min(r["mb"] for r in rs)} for side, rs in runs.items()}


def _mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def run() -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="kzbench-gradebook-") as tmp:
        return _run(Path(tmp))


def _run(tmp: Path) -> list[dict]:
    folder, out, home = tmp / "class", tmp / "out", tmp / "home"
    out.mkdir()
    home.mkdir()
    # The children import the kzlessons this file sits beside (as the parent does), with a private store.
    path = os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH"))))
    env = {**os.environ, "KZLESSONS_HOME": str(home), "PYTHONPATH": path}
    largest = max(SIZES)
    answer_pools()  # the bank is loaded once, outside the generation time
    started = time.perf_counter()
    paths = make_class(folder, largest, seed=2025)  # every smaller class is a prefix of this one
    generation = time.perf_counter() - started
    sizes_mb = sum(p.stat().st_size for p in paths) / 1024 / 1024
    counts = [len(json.loads(p.read_bytes())["attempts"]) for p in paths]
    rows = [{"area": "gradebook", "measure": f"synthetic class generation ({largest:,} files, "
                                             f"{sum(counts):,} rows, {sizes_mb:.0f} MB)",
             "value": generation, "baseline": None, "ratio": None, "unit": "s", "target": "well under 60 s"}]
    for n in (1, *SIZES):
        names = [p.name for p in paths[:n]]
        best = _compare(names, folder, out, env, repeat=2 if n >= 3000 else 3)
        gb, floor = best["gradebook"], best["floor"]
        rows_n = sum(counts[:n])
        if n == 1:
            rows += [
                {"area": "gradebook", "measure": f"fixed cost: 1 learner ({rows_n} rows), wall",
                 "value": gb["wall"] * 1000, "baseline": floor["wall"] * 1000, "ratio": gb["wall"] / floor["wall"],
                 "unit": "ms", "target": "baseline: python -c json.load of the same file"},
                {"area": "gradebook", "measure": "fixed cost: 1 learner, peak RSS",
                 "value": gb["mb"], "baseline": floor["mb"], "ratio": gb["mb"] / floor["mb"], "unit": "MB",
                 "target": "baseline: python -c json.load of the same file"},
            ]
            continue
        last = n == largest
        time_target = (f"< {TARGET_SECONDS:g} s {_mark(gb['wall'] < TARGET_SECONDS)}" if last
                       else "baseline: python -c json.load of the same files")
        mem_target = (f"< {TARGET_MB:g} MB {_mark(gb['mb'] < TARGET_MB)}" if last
                      else "baseline: python -c json.load of the same files")
        rows += [
            {"area": "gradebook", "measure": f"{n:,} learners ({rows_n:,} rows), wall",
             "value": gb["wall"], "baseline": floor["wall"], "ratio": gb["wall"] / floor["wall"], "unit": "s",
             "target": time_target},
            {"area": "gradebook", "measure": f"{n:,} learners, peak RSS",
             "value": gb["mb"], "baseline": floor["mb"], "ratio": gb["mb"] / floor["mb"], "unit": "MB",
             "target": mem_target},
        ]
    return rows


if __name__ == "__main__":
    for row in run():
        print(" | ".join(f"{k}={v:.3g}" if isinstance(v, float) else f"{k}={v}" for k, v in row.items()))
