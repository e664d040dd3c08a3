"""Bring a store up to date with some inputs: analyse, store by batch, recompute the corpus."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.store import corpus_tables
from marsad.store.db import BATCH_SIZE, IngestStats, connect, count, ingest


@dataclass
class UpdateResult:
    stats: IngestStats
    articles: int  # stored after the update
    seconds: float  # total
    corpus_seconds: float | None  # None when the corpus tables were already up to date


def update(
    db: str | Path,
    items: Iterable[Any],
    batch_size: int = BATCH_SIZE,
    on_error: Callable[[Any], None] | None = None,
    on_batch: Callable[[IngestStats], None] | None = None,
) -> UpdateResult:
    """Store `items` (Articles or read errors) in `db`, then recompute corpus tables if needed.

    Corpus tables are also recomputed when a previous run was interrupted after storing
    articles (the stale flag is written in the same transaction as the articles)."""
    t0 = time.perf_counter()
    conn = connect(db)
    try:
        stats = ingest(conn, items, batch_size=batch_size, on_error=on_error, on_batch=on_batch)
        corpus_s = corpus_tables.recompute(conn) if corpus_tables.is_stale(conn) else None
        n = count(conn)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return UpdateResult(stats, n, time.perf_counter() - t0, corpus_s)
