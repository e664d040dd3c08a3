"""Corpus-level tables: recomputed from every stored article after an ingest that changed any.

`marsad.corpus.report.build_report` is run over all stored articles (decoded from their JSON
records) and its stories, duplicates, entities, merged events, claims and timeline replace the
corpus_* tables in one transaction, together with entity statistics and the co-occurrence of
the most frequent entities. The cost is linear in the stored articles plus the report's own.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from typing import Any

import msgspec

from marsad.model import Article
from marsad.store.db import set_meta

COOCCURRENCE_TOP = 150  # entities (by article count) between which co-occurrence is stored
CORPUS_TABLES = (
    "corpus_stories", "corpus_story_articles", "corpus_duplicates", "corpus_entities", "corpus_events",
    "corpus_claims", "corpus_timeline", "entity_stats", "cooccurrence",
)

_decoder = msgspec.json.Decoder(Article)


def _j(x: Any) -> str:
    return json.dumps(x, ensure_ascii=False, separators=(",", ":"))


def stored_articles(conn: sqlite3.Connection) -> Iterator[Article]:
    """Every stored article, decoded from its JSON record, in id order."""
    for (blob,) in conn.execute("SELECT json FROM articles ORDER BY id"):
        yield _decoder.decode(blob)


def is_stale(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT value FROM meta WHERE key='corpus_stale'").fetchone()
    return row is not None and row[0] == "1"


def recompute(conn: sqlite3.Connection) -> float:
    """Rebuild the corpus tables from the stored articles; returns the seconds it took."""
    from marsad.corpus.report import build_report  # the corpus layer is heavy: import on use

    t0 = time.perf_counter()
    report = build_report(stored_articles(conn))
    conn.execute("BEGIN IMMEDIATE")
    try:
        for table in CORPUS_TABLES:
            conn.execute(f"DELETE FROM {table}")
        _write_report(conn, report)
        _write_entity_stats(conn)
        set_meta(conn, "corpus_stale", "0")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return time.perf_counter() - t0


def _write_report(conn: sqlite3.Connection, r: dict[str, Any]) -> None:
    for s in r.get("stories", []):
        arts = list(dict.fromkeys(s.get("articles", [])))
        conn.execute(
            "INSERT OR REPLACE INTO corpus_stories VALUES (?,?,?,?,?,?,?)",
            (s["id"], s.get("title"), s.get("start"), s.get("end"), _j(s.get("summary", [])), s.get("thread"),
             len(arts)),
        )
        conn.executemany(
            "INSERT OR IGNORE INTO corpus_story_articles VALUES (?,?)", [(s["id"], a) for a in arts]
        )
    conn.executemany(
        "INSERT INTO corpus_duplicates VALUES (?,?,?)",
        [(d["a"], d["b"], d.get("similarity")) for d in r.get("duplicates", [])],
    )
    conn.executemany(
        "INSERT OR REPLACE INTO corpus_entities VALUES (?,?,?,?,?,?,?)",
        [
            (e["id"], e.get("type"), e.get("name"), e.get("name_en"), _j(e.get("variants", [])),
             e.get("articles"), e.get("mentions"))
            for e in r.get("entities", [])
        ],
    )
    conn.executemany(
        "INSERT INTO corpus_events VALUES (?,?,?,?,?,?,?,?,?)",
        [
            (i, e.get("code"), e.get("label"), e.get("source"), e.get("target"), e.get("location"),
             e.get("time"), _j(e.get("articles", [])), len(e.get("articles", [])))
            for i, e in enumerate(r.get("events", []))
        ],
    )
    conn.executemany(
        "INSERT INTO corpus_claims VALUES (?,?,?,?,?,?,?,?)",
        [
            (i, c.get("measure"), _j(c.get("parties", [])), c.get("period"), c.get("unit"), c.get("status"),
             _j(c.get("values", [])), len(c.get("values", [])))
            for i, c in enumerate(r.get("claims", []))
        ],
    )
    conn.executemany(
        "INSERT INTO corpus_timeline VALUES (?,?,?,?)",
        [(i, t.get("time"), t.get("text"), _j(t.get("articles", []))) for i, t in enumerate(r.get("timeline", []))],
    )


def _write_entity_stats(conn: sqlite3.Connection) -> None:
    # the most frequent name and type of each entity id across articles
    conn.execute(
        """
        INSERT INTO entity_stats (eid, type, name, name_en, articles, mentions, first_day, last_day)
        SELECT e.eid,
               (SELECT type FROM entities x WHERE x.eid = e.eid GROUP BY type ORDER BY COUNT(*) DESC, type LIMIT 1),
               (SELECT name FROM entities x WHERE x.eid = e.eid GROUP BY name ORDER BY COUNT(*) DESC, name LIMIT 1),
               MAX(e.name_en), COUNT(*), SUM(e.n_mentions), MIN(a.day), MAX(a.day)
        FROM entities e JOIN articles a ON a.id = e.article_id
        GROUP BY e.eid
        """
    )
    conn.execute(
        """
        INSERT INTO cooccurrence (a, b, articles)
        WITH top AS (SELECT eid FROM entity_stats ORDER BY articles DESC, eid LIMIT ?),
             ent AS (SELECT article_id, eid FROM entities WHERE eid IN (SELECT eid FROM top))
        SELECT x.eid, y.eid, COUNT(*) FROM ent x JOIN ent y ON x.article_id = y.article_id AND x.eid < y.eid
        GROUP BY x.eid, y.eid
        """,
        (COOCCURRENCE_TOP,),
    )
