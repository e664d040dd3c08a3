"""Export a store: articles and each layer as tables, in JSONL, CSV or Parquet.

`-o PATH` is a directory that receives one file per table (articles.jsonl, entities.jsonl, …,
corpus_stories.jsonl, …). For JSONL, `articles.jsonl` holds each article's full contract record
(the same lines `marsad analyze --format jsonl` prints); CSV and Parquet hold the flat columns.
Parquet needs pyarrow (the `export` extra).
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

Format = Literal["jsonl", "csv", "parquet"]
FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet")

# table -> columns exported (articles without the JSON record and normalised text)
TABLES: dict[str, str] = {
    "articles": "id, hash, outlet, path, url, title, published, published_method, text",
    "entities": "article_id, eid, type, name, name_en, roles, n_mentions",
    "mentions": "article_id, eid, idx, start, end, text, form, rule",
    "times": "article_id, idx, start, end, text, type, value, rule",
    "amounts": "article_id, idx, start, end, text, kind, value, unit, measure, period, qualifier, measure_text, rule",
    "quotes": "article_id, idx, start, end, text, kind, speaker, cue_start, cue_end, cue_text, rule, day",
    "quote_entities": "article_id, idx, eid",
    "citations": "article_id, idx, start, end, text, source, rule",
    "events": "article_id, idx, code, label, trigger_start, trigger_end, trigger_text, source, target, time,"
    " location, goldstein, rule",
    "themes": "article_id, code, score, evidence",
    "corpus_stories": "id, title, start, end, summary, thread, n_articles",
    "corpus_story_articles": "story_id, article_id",
    "corpus_duplicates": "a, b, similarity",
    "corpus_entities": "id, type, name, name_en, variants, articles, mentions",
    "corpus_events": "idx, code, label, source, target, location, time, articles, n_articles",
    "corpus_claims": 'idx, measure, parties, period, unit, status, "values", n_values',
    "corpus_timeline": "idx, time, text, articles",
    "entity_stats": "eid, type, name, name_en, articles, mentions, first_day, last_day",
}
ORDER: dict[str, str] = {"articles": "id", "corpus_events": "idx", "corpus_claims": "idx", "corpus_timeline": "idx"}


def _rows(conn: sqlite3.Connection, table: str) -> tuple[list[str], Iterator[tuple]]:
    cols = TABLES[table]
    cur = conn.execute(f"SELECT {cols} FROM {table} ORDER BY {ORDER.get(table, cols)}")
    names = [d[0] for d in cur.description]
    return names, iter(cur)


def export(conn: sqlite3.Connection, fmt: Format, out: str | Path) -> dict[str, int]:
    """Write every table to `out`/<table>.<fmt>; returns rows written per table."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    outdir = Path(out)
    outdir.mkdir(parents=True, exist_ok=True)
    written: dict[str, int] = {}
    for table in TABLES:
        path = outdir / f"{table}.{fmt}"
        if fmt == "jsonl":
            written[table] = _jsonl(conn, table, path)
        elif fmt == "csv":
            written[table] = _csv(conn, table, path)
        else:
            written[table] = _parquet(conn, table, path)
    return written


def _jsonl(conn: sqlite3.Connection, table: str, path: Path) -> int:
    n = 0
    with path.open("wb") as fh:
        if table == "articles":  # the full contract record, byte for byte as stored
            for (blob,) in conn.execute("SELECT json FROM articles ORDER BY id"):
                fh.write(bytes(blob) + b"\n")
                n += 1
            return n
        names, rows = _rows(conn, table)
        for row in rows:
            fh.write(json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False).encode() + b"\n")
            n += 1
    return n


def _csv(conn: sqlite3.Connection, table: str, path: Path) -> int:
    names, rows = _rows(conn, table)
    n = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(names)
        for row in rows:
            w.writerow(row)
            n += 1
    return n


def _parquet(conn: sqlite3.Connection, table: str, path: Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        raise RuntimeError("Parquet export needs pyarrow: pip install 'marsad[export]'") from exc
    names, rows = _rows(conn, table)
    data = list(rows)
    columns = {name: [r[i] for r in data] for i, name in enumerate(names)}
    tbl = pa.table(columns) if data else pa.table({n: pa.array([], pa.string()) for n in names})
    pq.write_table(tbl, path)
    return len(data)
