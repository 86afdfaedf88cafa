#!/usr/bin/env python3
"""Measure the two candidate progress stores before choosing one (not part of ``run.py``).

A: append-only JSON Lines, ``fcntl.flock`` on a side lock file, ``fsync`` per attempt
   (``kzlessons.progress.store.Store``).
B: SQLite in WAL mode, ``synchronous=FULL`` (an fsync per commit, comparable
   durability) and ``synchronous=NORMAL`` (no fsync per commit; safe against a
   killed process, not against power loss), one connection per attempt as a
   notebook kernel would use it, and one connection reused.

Measures single-process latency per attempt, and 4 processes x N attempts
written concurrently (wall time, rows found). Usage:
``.venv/bin/python benchmarks/measure_store_choice.py [N]``.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kzlessons.progress.store import Store  # noqa: E402


def _row(i: int) -> dict:
    return {"attempt_id": uuid.uuid4().hex, "question_id": "l00-area", "lesson": "00", "answer": i,
            "correct": i % 2 == 0, "score": 1.0, "time": "2025-01-01T00:00:00.000000+00:00"}


def jsonl_write(path: str, n: int) -> None:
    store = Store(path)
    for i in range(n):
        store.append([_row(i)])


def _sqlite_connect(path: str, sync: str) -> sqlite3.Connection:
    con = sqlite3.connect(path, timeout=30, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute(f"PRAGMA synchronous={sync}")
    con.execute("CREATE TABLE IF NOT EXISTS attempts (attempt_id TEXT PRIMARY KEY, row TEXT NOT NULL)")
    return con


def sqlite_write(path: str, n: int, sync: str = "FULL", reuse: bool = False) -> None:
    con = _sqlite_connect(path, sync) if reuse else None
    for i in range(n):
        c = con or _sqlite_connect(path, sync)
        row = _row(i)
        c.execute("INSERT INTO attempts VALUES (?, ?)", (row["attempt_id"], json.dumps(row)))
        if not reuse:
            c.close()
    if con:
        con.close()


def _latency(fn, path: str, n: int, **kw) -> float:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        fn(path, n, **kw)
        times.append((time.perf_counter() - start) / n * 1000)
    return statistics.median(times)


def _concurrent(fn, path: str, n: int, procs: int = 4, **kw) -> float:
    ctx = mp.get_context("fork")
    workers = [ctx.Process(target=fn, args=(path, n), kwargs=kw) for _ in range(procs)]
    start = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return time.perf_counter() - start


def main(n: int = 500) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        # warm-up (creates files, imports)
        jsonl_write(str(tmp / "warm.jsonl"), 20)
        sqlite_write(str(tmp / "warm.db"), 20)
        cases = [
            ("JSONL + flock + fsync", jsonl_write, ".jsonl", {}),
            ("SQLite WAL, synchronous=FULL, connect per attempt", sqlite_write, ".db", {"sync": "FULL"}),
            ("SQLite WAL, synchronous=NORMAL, connect per attempt", sqlite_write, ".db", {"sync": "NORMAL"}),
            ("SQLite WAL, synchronous=FULL, one connection", sqlite_write, ".db", {"sync": "FULL", "reuse": True}),
        ]
        for name, fn, ext, kw in cases:
            single = _latency(fn, str(tmp / f"lat-{len(rows)}{ext}"), 200, **kw)
            path = tmp / f"conc-{len(rows)}{ext}"
            wall = _concurrent(fn, str(path), n, **kw)
            if ext == ".jsonl":
                found = len(Store(path).read())
            else:
                con = sqlite3.connect(path)
                found = con.execute("SELECT count(*) FROM attempts").fetchone()[0]
                con.close()
            rows.append({"store": name, "ms_per_attempt": round(single, 3),
                         "concurrent_4x%d_s" % n: round(wall, 2), "rows_found": found})
    return rows


if __name__ == "__main__":
    for r in main(int(sys.argv[1]) if len(sys.argv) > 1 else 500):
        print(r)
