"""Full-text search over the store, with filters, and article listing.

`search(conn, SearchQuery(...))` ranks articles by FTS5 bm25 (title weighted above body) over
the proclitic-expanded normalised text (store/index_terms.py); without words it lists articles,
newest first. Filters: outlet, date range (on the publication day), entity id, theme code and
event code (a CAMEO code or its prefix: "04" matches 040-049). Snippets come from the original
text, with the matched words' offsets inside the snippet.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import time
from dataclasses import dataclass, field
from typing import Any

from marsad.store.index_terms import highlight_pattern, match_expression, word_spans
from marsad.text.normalize import shadow

SNIPPET_CHARS = 220
TITLE_WEIGHT = 4.0


@dataclass(frozen=True)
class SearchQuery:
    q: str = ""
    outlet: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    entity: str | None = None
    theme: str | None = None
    event: str | None = None
    limit: int = 20
    offset: int = 0


@dataclass
class SearchResult:
    total: int
    hits: list[dict[str, Any]] = field(default_factory=list)
    took_ms: float = 0.0
    query: str | None = None  # the FTS5 expression actually run


def _filters(sq: SearchQuery) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    args: list[Any] = []
    if sq.outlet:
        where.append("a.outlet = ?")
        args.append(sq.outlet)
    if sq.start:
        where.append("a.day >= ?")
        args.append(sq.start.isoformat())
    if sq.end:
        where.append("a.day <= ?")
        args.append(sq.end.isoformat())
    if sq.entity:
        where.append("EXISTS (SELECT 1 FROM entities e WHERE e.article_id = a.id AND e.eid = ?)")
        args.append(sq.entity)
    if sq.theme:
        where.append("EXISTS (SELECT 1 FROM themes t WHERE t.article_id = a.id AND t.code = ?)")
        args.append(sq.theme)
    if sq.event:
        where.append(
            "EXISTS (SELECT 1 FROM events v WHERE v.article_id = a.id AND v.code >= ? AND v.code < ?)"
        )
        args.extend([sq.event, sq.event + "\uffff"])
    return where, args


def search(conn: sqlite3.Connection, sq: SearchQuery) -> SearchResult:
    t0 = time.perf_counter()
    expr = match_expression(sq.q) if sq.q else None
    if expr is None and sq.q.strip():  # words were typed but none is searchable (punctuation only)
        return SearchResult(0, [], (time.perf_counter() - t0) * 1000, None)
    where, args = _filters(sq)
    cond = "".join(f" AND {w}" for w in where)
    cols = "a.id, a.title, a.outlet, a.published, a.day, a.text, a.norm"
    if expr is None:
        total = conn.execute(f"SELECT COUNT(*) FROM articles a WHERE 1{cond}", args).fetchone()[0]
        rows = conn.execute(
            f"SELECT {cols}, 0.0 FROM articles a WHERE 1{cond} ORDER BY a.day DESC, a.id LIMIT ? OFFSET ?",
            [*args, sq.limit, sq.offset],
        ).fetchall()
    elif not where:  # rank inside the index, then read only the page's articles
        total = conn.execute("SELECT COUNT(*) FROM search WHERE search MATCH ?", [expr]).fetchone()[0]
        rows = conn.execute(
            f"SELECT {cols}, r.score FROM (SELECT rowid AS doc, {_RANK} AS score FROM search WHERE search MATCH ?"
            " ORDER BY score LIMIT ? OFFSET ?) r JOIN articles a ON a.doc = r.doc ORDER BY r.score, a.day DESC, a.id",
            [expr, sq.limit, sq.offset],
        ).fetchall()
    else:
        base = f"FROM search JOIN articles a ON a.doc = search.rowid WHERE search MATCH ?{cond}"
        total = conn.execute(f"SELECT COUNT(*) {base}", [expr, *args]).fetchone()[0]
        rows = conn.execute(
            f"SELECT {cols}, {_RANK} AS score {base} ORDER BY score, a.day DESC, a.id LIMIT ? OFFSET ?",
            [expr, *args, sq.limit, sq.offset],
        ).fetchall()
    pat = highlight_pattern(sq.q) if expr is not None else None
    hits = []
    for aid, title, outlet, published, day, text, norm, score in rows:
        snip, marks = snippet(text, norm, pat)
        hits.append(
            {
                "id": aid, "title": title, "outlet": outlet, "published": published, "day": day,
                "score": round(-float(score), 4), "snippet": snip, "marks": marks,
            }
        )
    return SearchResult(int(total), hits, (time.perf_counter() - t0) * 1000, expr)


_RANK = f"bm25(search, {TITLE_WEIGHT}, 1.0, 1.0)"


def _head(text: str, width: int) -> tuple[str, list[list[int]]]:
    cut = text[:width]
    return (cut + "…" if len(text) > width else cut), []


def snippet(text: str, norm: str, pat: re.Pattern[str] | None, width: int = SNIPPET_CHARS) -> tuple[str, list[list[int]]]:
    """A window of `text` around the first query word found in `norm` (its normalised shadow),
    and the [start, end] offsets of the query words inside the window."""
    if pat is None:
        return _head(text, width)
    spans = word_spans(pat, norm)
    if not spans:
        return _head(text, width)
    # map shadow offsets back through the shadow of a prefix long enough for the window
    sh = shadow(text[: spans[0][0] + 2 * width + 256])
    if len(sh.text) < min(len(norm), spans[0][0] + width):  # many deleted marks: take it all
        sh = shadow(text)
    n = len(sh.text)
    orig = [sh.orig_span(s, e) for s, e in spans if e <= n]
    first = orig[0][0]
    lo = max(0, first - width // 3)
    if lo > 0:
        sp = text.rfind(" ", 0, lo)
        lo = sp + 1 if sp >= 0 and lo - sp < 30 else lo
    hi = min(len(text), lo + width)
    pre = "…" if lo > 0 else ""
    post = "…" if hi < len(text) else ""
    shift = len(pre) - lo
    marks = [[s + shift, e + shift] for s, e in orig if s >= lo and e <= hi]
    return pre + text[lo:hi] + post, marks
