"""The embedded store: one SQLite file (WAL), schema, and transactional, idempotent ingest.

An article is identified by its id and fingerprinted by `record_hash` (sha256 of its analysed
JSON record). Ingest skips an article whose id is stored with the same hash, replaces one whose
hash changed, and writes each batch in one transaction: an interrupted ingest loses at most the
batch in flight and never leaves half an article. Corpus tables are marked stale in the same
transaction and recomputed (store/corpus_tables.py) once the articles are in.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad import resources
from marsad.ingest.errors import Skipped
from marsad.model import Article, dumps
from marsad.store.index_terms import index_forms
from marsad.text.normalize import normalize

SCHEMA_VERSION = "1"
BATCH_SIZE = 200
LAYER_TABLES = (
    "entities", "mentions", "times", "amounts", "quotes", "quote_entities", "citations", "events", "themes",
)


class StoreError(Exception):
    """The database file is missing, not a Marsad store, or of another schema version."""


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (creating if needed) a store for writing, in WAL mode, with the schema in place."""
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=30)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=OFF")
    version = _meta(conn, "schema_version") if _has_table(conn, "meta") else None
    if version is not None and version != SCHEMA_VERSION:
        conn.close()
        raise StoreError(f"{path}: store schema version {version}, this Marsad reads {SCHEMA_VERSION}")
    if version is None:
        conn.execute("BEGIN IMMEDIATE")
        for stmt in _schema_statements():
            conn.execute(stmt)
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
        conn.execute("COMMIT")
    conn.execute(INPUTS_TABLE)  # stores made before the table existed get it here
    return conn


INPUTS_TABLE = "CREATE TABLE IF NOT EXISTS inputs (id TEXT PRIMARY KEY, hash TEXT NOT NULL) WITHOUT ROWID"


def known_inputs(path: str | Path) -> dict[str, str]:
    """id -> input hash of every stored article (for skipping unchanged inputs before analysis)."""
    conn = connect(path)
    try:
        return dict(conn.execute("SELECT id, hash FROM inputs"))
    finally:
        conn.close()


def connect_readonly(path: str | Path) -> sqlite3.Connection:
    """Open an existing store read-only (mode=ro URI); raises StoreError if it is not one."""
    p = Path(path).resolve()
    if not p.is_file():
        raise StoreError(f"{path}: no such database file")
    conn = sqlite3.connect(f"{p.as_uri()}?mode=ro", uri=True, check_same_thread=False)
    try:
        version = _meta(conn, "schema_version") if _has_table(conn, "meta") else None
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{path}: not a Marsad store ({exc})") from None
    if version != SCHEMA_VERSION:
        conn.close()
        raise StoreError(f"{path}: not a Marsad store of schema version {SCHEMA_VERSION}")
    conn.row_factory = sqlite3.Row
    return conn


def _schema_statements() -> list[str]:
    sql = resources.path("store/schema.sql").read_text(encoding="utf-8")
    lines = [ln for ln in sql.splitlines() if not ln.lstrip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)).fetchone()
    return row is not None


def _meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
    return None if row is None else row[0]


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))


def record_hash(blob: bytes) -> str:
    return hashlib.sha256(blob).hexdigest()


@dataclass
class IngestStats:
    added: int = 0
    replaced: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def changed(self) -> int:
        return self.added + self.replaced


def ingest(
    conn: sqlite3.Connection,
    items: Iterable[Any],
    batch_size: int = BATCH_SIZE,
    on_error: Callable[[Any], None] | None = None,
    on_batch: Callable[[IngestStats], None] | None = None,
) -> IngestStats:
    """Store `items` (model.Article, or read errors with .path/.reason, which are counted and
    passed to `on_error`), one transaction per batch. Does not recompute corpus tables."""
    stats = IngestStats()
    for batch in _batches(items, batch_size, stats, on_error):
        _write_batch(conn, batch, stats)
        if on_batch is not None:
            on_batch(stats)
    return stats


def _batches(
    items: Iterable[Any], size: int, stats: IngestStats, on_error: Callable[[Any], None] | None
) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        if isinstance(item, Skipped):
            stats.skipped += 1
            continue
        if not isinstance(item, Article):
            stats.errors.append(item.line() if hasattr(item, "line") else str(item))
            if on_error is not None:
                on_error(item)
            continue
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _write_batch(conn: sqlite3.Connection, batch: list[Article], stats: IngestStats) -> None:
    blobs: dict[str, tuple[Article, bytes, str]] = {}
    for art in batch:  # a later duplicate id in one batch wins, as it would across batches
        blob = dumps(art)
        blobs[art.id] = (art, blob, record_hash(blob))
    conn.execute("BEGIN IMMEDIATE")
    try:
        ids = list(blobs)
        stored: dict[str, tuple[int, str]] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            q = f"SELECT id, doc, hash FROM articles WHERE id IN ({','.join('?' * len(chunk))})"
            for aid, doc, h in conn.execute(q, chunk):
                stored[aid] = (doc, h)
        changed = False
        for aid, (art, blob, h) in blobs.items():
            if art.input_hash:
                conn.execute("INSERT OR REPLACE INTO inputs VALUES (?, ?)", (aid, art.input_hash))
            old = stored.get(aid)
            if old is not None and old[1] == h:
                stats.skipped += 1
                continue
            if old is not None:
                _delete_article(conn, aid, old[0])
                stats.replaced += 1
            else:
                stats.added += 1
            _insert_article(conn, art, blob, h)
            changed = True
        if changed:
            set_meta(conn, "corpus_stale", "1")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _delete_article(conn: sqlite3.Connection, aid: str, doc: int) -> None:
    for table in LAYER_TABLES:
        conn.execute(f"DELETE FROM {table} WHERE article_id=?", (aid,))
    conn.execute("DELETE FROM search WHERE rowid=?", (doc,))
    conn.execute("DELETE FROM articles WHERE doc=?", (doc,))


def _j(x: Any) -> str:
    return json.dumps(x, ensure_ascii=False, separators=(",", ":"))


def _insert_article(conn: sqlite3.Connection, a: Article, blob: bytes, h: str) -> None:
    aid = a.id
    pub = a.published.value if a.published else None
    norm = normalize(a.text)
    cur = conn.execute(
        "INSERT INTO articles (id, hash, outlet, path, url, title, published, published_method, day,"
        " text, norm, json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            aid, h, a.source.outlet, a.source.path, a.source.url, a.title, pub,
            a.published.method if a.published else None, pub[:10] if pub else None, a.text, norm, blob,
        ),
    )
    doc = cur.lastrowid
    title = normalize(a.title or "")
    conn.execute(
        "INSERT INTO search (rowid, title, body, forms) VALUES (?,?,?,?)",
        (doc, title, norm, index_forms(title + "\n" + norm)),
    )
    conn.executemany(
        "INSERT OR REPLACE INTO entities VALUES (?,?,?,?,?,?,?)",
        [(aid, e.id, e.type, e.name, e.name_en, _j(e.roles), len(e.mentions)) for e in a.entities],
    )
    conn.executemany(
        "INSERT OR REPLACE INTO mentions VALUES (?,?,?,?,?,?,?,?)",
        [
            (aid, e.id, i, m.start, m.end, m.text, m.form, m.rule)
            for e in a.entities
            for i, m in enumerate(e.mentions)
        ],
    )
    conn.executemany(
        "INSERT INTO times VALUES (?,?,?,?,?,?,?,?)",
        [(aid, i, t.start, t.end, t.text, t.type, t.value, t.rule) for i, t in enumerate(a.times)],
    )
    conn.executemany(
        "INSERT INTO amounts VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (aid, i, x.start, x.end, x.text, x.kind, x.value, x.unit, x.measure, x.period, x.qualifier,
             x.measure_text, x.rule)
            for i, x in enumerate(a.amounts)
        ],
    )
    conn.executemany(
        "INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (aid, i, q.start, q.end, q.text, q.kind, q.speaker,
             q.cue.start if q.cue else None, q.cue.end if q.cue else None, q.cue.text if q.cue else None,
             q.rule, pub[:10] if pub else None)
            for i, q in enumerate(a.quotes)
        ],
    )
    conn.executemany("INSERT OR IGNORE INTO quote_entities VALUES (?,?,?)", _quote_entities(a))
    conn.executemany(
        "INSERT INTO citations VALUES (?,?,?,?,?,?,?)",
        [(aid, i, c.start, c.end, c.text, c.source, c.rule) for i, c in enumerate(a.citations)],
    )
    conn.executemany(
        "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (aid, i, e.code, e.label, e.trigger.start, e.trigger.end, e.trigger.text, e.source, e.target,
             e.time, e.location, e.goldstein, e.rule)
            for i, e in enumerate(a.events)
        ],
    )
    conn.executemany(
        "INSERT OR REPLACE INTO themes VALUES (?,?,?,?)",
        [
            (aid, t.code, t.score, _j([[s.start, s.end, s.text] for s in t.evidence]))
            for t in a.themes
        ],
    )


def _quote_entities(a: Article) -> list[tuple[str, str, int]]:
    """(entity id, article id, quote index) for every entity mentioned inside a quote."""
    if not a.quotes:
        return []
    spans = [(m.start, m.end, e.id) for e in a.entities for m in e.mentions]
    return [
        (eid, a.id, i)
        for i, q in enumerate(a.quotes)
        for eid in sorted({eid for s, e, eid in spans if s >= q.start and e <= q.end})
    ]


def count(conn: sqlite3.Connection, table: str = "articles") -> int:
    if table not in ("articles", *LAYER_TABLES) and not table.startswith("corpus_"):
        raise ValueError(f"unknown table {table!r}")
    return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


FINGERPRINT_TABLES = (
    "articles", *LAYER_TABLES, "corpus_stories", "corpus_story_articles", "corpus_duplicates",
    "corpus_entities", "corpus_events", "corpus_claims", "corpus_timeline", "entity_stats", "cooccurrence",
)


def fingerprint(conn: sqlite3.Connection) -> str:
    """A digest of the stored content, independent of row ids and insertion order: two stores
    with equal fingerprints hold the same articles, layers, index terms and corpus tables."""
    h = hashlib.sha256()
    for table in FINGERPRINT_TABLES:
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] != "doc"]
        sel = ", ".join(f'"{c}"' for c in cols)
        h.update(table.encode())
        for row in conn.execute(f"SELECT {sel} FROM {table} ORDER BY {sel}"):
            h.update(repr(tuple(row)).encode())
    for row in conn.execute(
        "SELECT a.id, s.title, s.body, s.forms FROM search s JOIN articles a ON a.doc = s.rowid ORDER BY a.id"
    ):
        h.update(repr(tuple(row)).encode())
    h.update(repr(tuple(conn.execute("SELECT COUNT(*) FROM search").fetchone())).encode())
    return h.hexdigest()
