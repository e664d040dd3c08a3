"""Partitioned Parquet output of analysed articles: DIR/part-00000.parquet, one row an article.

Scalar fields are columns; each layer (entities, times, amounts, quotes, citations, events,
themes, sentences, removed) is a JSON string column, exactly as in the JSONL contract, so that
nothing is lost and any Parquet reader (DuckDB, pandas, Spark) can unpack what it needs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

LAYERS = ("removed", "sentences", "entities", "times", "amounts", "quotes", "citations", "events", "themes")


def _row(a: dict) -> dict:
    src = a.get("source") or {}
    pub = a.get("published") or {}
    row = {
        "id": a["id"],
        "outlet": src.get("outlet"),
        "url": src.get("url"),
        "path": src.get("path"),
        "title": a.get("title"),
        "published": pub.get("value"),
        "published_method": pub.get("method"),
        "text": a["text"],
    }
    for layer in LAYERS:
        row[layer] = json.dumps(a.get(layer, []), ensure_ascii=False)
    return row


def write_parts(articles: Iterable[bytes], outdir: Path, part_size: int = 10_000) -> int:
    """Write contract JSON articles as Parquet parts; returns the number of articles written.
    Each part is written to a temporary name and renamed, so a part on disk is always whole."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    outdir.mkdir(parents=True, exist_ok=True)
    rows: list[dict] = []
    part = n = 0

    def flush() -> None:
        nonlocal part, rows
        if not rows:
            return
        table = pa.Table.from_pylist(rows)
        tmp = outdir / f".part-{part:05d}.parquet.tmp"
        pq.write_table(table, tmp, compression="zstd")
        tmp.replace(outdir / f"part-{part:05d}.parquet")
        part += 1
        rows = []

    for blob in articles:
        rows.append(_row(json.loads(blob)))
        n += 1
        if len(rows) >= part_size:
            flush()
    flush()
    return n
