"""Kill -9 in the middle of an ingest, run it again: the store equals an uninterrupted run."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from marsad.store.db import connect_readonly, fingerprint
from marsad.store.update import update

sys.path.insert(0, str(Path(__file__).parent))
from test_store_sample import many_articles  # noqa: E402

N = 120
BATCH = 10

CHILD = """
import sys, time
sys.path.insert(0, {tests!r})
from test_store_sample import many_articles
from marsad.store.update import update

def slow():
    for i, a in enumerate(many_articles({n})):
        if i and i % {batch} == 0:
            time.sleep(0.25)  # give the parent time to kill us between and inside batches
        yield a

update({db!r}, slow(), batch_size={batch})
"""


def _stored(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _fp(db: Path) -> str:
    conn = connect_readonly(db)
    try:
        return fingerprint(conn)
    finally:
        conn.close()


def test_kill_and_rerun_equals_uninterrupted(tmp_path: Path):
    killed = tmp_path / "killed.db"
    code = CHILD.format(tests=str(Path(__file__).parent), n=N, batch=BATCH, db=str(killed))
    proc = subprocess.Popen([sys.executable, "-c", code], start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while _stored(killed) < 3 * BATCH and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.02)
        time.sleep(0.07)  # land somewhere inside the next batch
        assert proc.poll() is None, "the ingest finished before it could be interrupted"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(10)
    assert proc.returncode == -signal.SIGKILL
    partial = _stored(killed)
    assert 3 * BATCH <= partial < N and partial % BATCH == 0  # whole batches only

    res = update(killed, many_articles(N), batch_size=BATCH)
    assert res.stats.skipped == partial and res.stats.added == N - partial

    clean = tmp_path / "clean.db"
    update(clean, many_articles(N), batch_size=BATCH)
    assert _fp(killed) == _fp(clean)

    again = update(killed, many_articles(N), batch_size=BATCH)
    assert again.stats.added == 0 and again.stats.skipped == N
