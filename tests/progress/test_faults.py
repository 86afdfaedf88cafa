"""Fault tests for the progress store: concurrent writers, SIGKILL mid-write, damaged files."""

from __future__ import annotations

import multiprocessing as mp
import os
import random
import signal
import time
import uuid
from pathlib import Path

import pytest

import kzlessons as kz
from kzlessons.progress.store import Store, StoreWarning

CTX = mp.get_context("fork")


def _record_many(home: str, worker: int, n: int) -> None:
    os.environ["KZLESSONS_HOME"] = home
    for i in range(n):
        kz.progress.record("l00-area", f"{worker}-{i}")


def test_four_processes_times_500_attempts(kz_home):
    """Are all 2,000 attempts from 4 concurrent processes recorded, none corrupt or duplicated?"""
    kz.quiz.get("l00-area")  # load the bank before forking
    workers = [CTX.Process(target=_record_many, args=(str(kz_home), w, 500)) for w in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=120)
        assert w.exitcode == 0
    lines = (kz_home / "progress" / "attempts.jsonl").read_bytes().split(b"\n")
    assert lines[-1] == b"" and len(lines) == 2001
    frame = kz.progress.attempts()
    assert len(frame) == 2000 and frame["attempt_id"].is_unique
    assert sorted(frame["answer"]) == sorted(f"{w}-{i}" for w in range(4) for i in range(500))


def _writer(path: str, conn) -> None:
    """Append big attempts forever, acknowledging each id only after append() returned.

    ``os.write`` is slowed to small chunks (the store loops until the whole line is
    written, as it must for short writes), so most kills land in the middle of a line.
    """
    import kzlessons.progress.store as store_module

    real_write = os.write

    def chunked_write(fd, data):
        time.sleep(0.0002)
        return real_write(fd, bytes(data[:8192]))

    store_module.os.write = chunked_write  # this forked child only
    store = Store(path)
    padding = "x" * random.randint(50_000, 400_000)
    while True:
        attempt_id = uuid.uuid4().hex
        store.append([{"attempt_id": attempt_id, "question_id": "l00-area", "lesson": "00", "answer": padding,
                       "correct": False, "score": 0.0, "time": "2025-01-01T00:00:00+00:00"}])
        conn.send(attempt_id)


def test_sigkill_mid_write_50_times_loses_nothing_acknowledged(tmp_path):
    """After 50 writers killed with SIGKILL at random moments, is the store readable with every acknowledged attempt?"""
    path = tmp_path / "attempts.jsonl"
    acknowledged: list[str] = []
    torn = 0  # kills that left a half-written line behind
    rng = random.Random(20250301)
    for _ in range(50):
        receive, send = CTX.Pipe(duplex=False)
        writer = CTX.Process(target=_writer, args=(str(path), send))
        writer.start()
        send.close()
        time.sleep(rng.uniform(0.002, 0.04))
        os.kill(writer.pid, signal.SIGKILL)
        writer.join()
        if path.exists() and path.stat().st_size and path.read_bytes()[-1:] != b"\n":
            torn += 1
        while receive.poll():
            try:
                acknowledged.append(receive.recv())
            except EOFError:
                break
        receive.close()
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error", StoreWarning)  # an interrupted write is not damage
        stored = {row["attempt_id"] for row in Store(path).read()}
    assert acknowledged and set(acknowledged) <= stored
    print(f"torn writes: {torn} of 50")
    assert torn >= 10, f"only {torn} of 50 kills landed mid-write; the test lost its teeth"
    # and the store keeps working after all that
    Store(path).append([{"attempt_id": "after", "question_id": "l00-area", "lesson": "00", "answer": 1,
                         "correct": False, "score": 0.0, "time": "2025-01-01T00:00:00+00:00"}])
    assert "after" in {row["attempt_id"] for row in Store(path).read()}


def test_damaged_store_is_set_aside_and_a_new_one_started(kz_home):
    """Is a damaged store kept (not overwritten) with a message, while recording continues in a new file?"""
    kz.progress.record("l00-area", "1")
    path = kz_home / "progress" / "attempts.jsonl"
    original = path.read_bytes()
    path.write_bytes(original + b"\x00\x00 disk garbage \x00\n")
    with pytest.warns(StoreWarning, match="kept as .*attempts.damaged-"):
        frame = kz.progress.attempts()
    assert len(frame) == 1
    (aside,) = path.parent.glob("attempts.damaged-*.jsonl")
    assert aside.read_bytes() == original + b"\x00\x00 disk garbage \x00\n"
    kz.progress.record("l00-area", "2724900")
    assert len(kz.progress.attempts()) == 2 and aside.exists()


def test_truncated_to_nothing_store_still_works(kz_home):
    """Does an empty (zero-byte) store file read as no attempts and accept new ones?"""
    path: Path = kz_home / "progress" / "attempts.jsonl"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"")
    assert kz.progress.attempts().empty
    kz.progress.record("l00-area", "1")
    assert len(kz.progress.attempts()) == 1
