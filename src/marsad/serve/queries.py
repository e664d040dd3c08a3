"""Read-only queries behind the API: plain functions of a sqlite3 connection returning JSON-able
dicts. Every value that comes from a request is bound as an SQL parameter."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

import msgspec


def _loads(s: str | None) -> Any:
    return json.loads(s) if s else []


def _page(total: int, items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def health(conn: sqlite3.Connection) -> dict[str, Any]:
    meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    n = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    days = conn.execute("SELECT MIN(day), MAX(day) FROM articles").fetchone()
    return {
        "status": "ok", "articles": n, "schema_version": meta.get("schema_version"),
        "corpus_stale": meta.get("corpus_stale") == "1", "first_day": days[0], "last_day": days[1],
    }


def names(conn: sqlite3.Connection, ids: set[str]) -> dict[str, dict[str, Any]]:
    """Display names of entity ids (from entity_stats)."""
    ids = {i for i in ids if i}
    if not ids:
        return {}
    out: dict[str, dict[str, Any]] = {}
    lst = list(ids)
    for i in range(0, len(lst), 500):
        chunk = lst[i : i + 500]
        q = f"SELECT eid, name, type, name_en FROM entity_stats WHERE eid IN ({','.join('?' * len(chunk))})"
        for eid, name, typ, en in conn.execute(q, chunk):
            out[eid] = {"name": name, "type": typ, "name_en": en}
    return out


def outlets(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT outlet, COUNT(*) FROM articles GROUP BY outlet ORDER BY COUNT(*) DESC, outlet"
    ).fetchall()
    return [{"outlet": o, "articles": n} for o, n in rows]


def themes(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    rows = conn.execute("SELECT code, COUNT(*) FROM themes GROUP BY code ORDER BY COUNT(*) DESC, code").fetchall()
    return [{"code": c, "articles": n} for c, n in rows]


def article(conn: sqlite3.Connection, aid: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT json FROM articles WHERE id=?", (aid,)).fetchone()
    if row is None:
        return None
    art: dict[str, Any] = msgspec.json.decode(row[0])
    st = conn.execute(
        "SELECT s.id, s.title, s.n_articles FROM corpus_story_articles sa JOIN corpus_stories s ON s.id = sa.story_id"
        " WHERE sa.article_id=? ORDER BY s.id LIMIT 1",
        (aid,),
    ).fetchone()
    ids = {e["id"] for e in art.get("entities", [])}
    for q in art.get("quotes", []):
        ids.add(q.get("speaker"))
    for ev in art.get("events", []):
        ids.update({ev.get("source"), ev.get("target"), ev.get("location")})
    for c in art.get("citations", []):
        ids.add(c.get("source"))
    known = {e["id"]: {"name": e["name"], "type": e["type"], "name_en": e.get("name_en")} for e in art.get("entities", [])}
    known.update({k: v for k, v in names(conn, {i for i in ids if i and i not in known}).items()})
    return {
        "article": art,
        "story": {"id": st[0], "title": st[1], "articles": st[2]} if st else None,
        "names": known,
    }


def entity_list(
    conn: sqlite3.Connection, q: str | None, type_: str | None, limit: int, offset: int
) -> dict[str, Any]:
    where, args = [], []
    if q:
        where.append("(name LIKE ? OR name_en LIKE ? OR eid = ?)")
        args += [f"%{q}%", f"%{q}%", q]
    if type_:
        where.append("type = ?")
        args.append(type_)
    cond = (" WHERE " + " AND ".join(where)) if where else ""
    total = conn.execute(f"SELECT COUNT(*) FROM entity_stats{cond}", args).fetchone()[0]
    rows = conn.execute(
        f"SELECT eid, type, name, name_en, articles, mentions, first_day, last_day FROM entity_stats{cond}"
        " ORDER BY articles DESC, mentions DESC, eid LIMIT ? OFFSET ?",
        [*args, limit, offset],
    ).fetchall()
    items = [
        {"id": r[0], "type": r[1], "name": r[2], "name_en": r[3], "articles": r[4], "mentions": r[5],
         "first": r[6], "last": r[7]}
        for r in rows
    ]
    return _page(total, items, limit, offset)


def _quote_rows(conn: sqlite3.Connection, where: str, args: list[Any], limit: int, offset: int) -> dict[str, Any]:
    total = conn.execute(f"SELECT COUNT(*) FROM quotes q WHERE {where}", args).fetchone()[0]
    rows = conn.execute(
        "SELECT q.article_id, q.idx, q.text, q.kind, q.speaker, q.cue_text, a.title, a.outlet, a.day"
        f" FROM (SELECT * FROM quotes q WHERE {where} ORDER BY q.day DESC, q.article_id, q.idx LIMIT ? OFFSET ?) q"
        " JOIN articles a ON a.id = q.article_id ORDER BY q.day DESC, q.article_id, q.idx",
        [*args, limit, offset],
    ).fetchall()
    nm = names(conn, {r[4] for r in rows if r[4]})
    items = [
        {"article": r[0], "idx": r[1], "text": r[2], "kind": r[3], "speaker": r[4],
         "speaker_name": nm.get(r[4], {}).get("name") if r[4] else None, "cue": r[5],
         "title": r[6], "outlet": r[7], "day": r[8]}
        for r in rows
    ]
    return _page(total, items, limit, offset)


def quotes(conn: sqlite3.Connection, speaker: str | None, article: str | None, limit: int, offset: int) -> dict[str, Any]:
    where, args = ["1"], []
    if speaker:
        where.append("q.speaker = ?")
        args.append(speaker)
    if article:
        where.append("q.article_id = ?")
        args.append(article)
    return _quote_rows(conn, " AND ".join(where), args, limit, offset)


def entity(conn: sqlite3.Connection, eid: str, limit: int) -> dict[str, Any] | None:
    row = conn.execute(
        "SELECT eid, type, name, name_en, articles, mentions, first_day, last_day FROM entity_stats WHERE eid=?", (eid,)
    ).fetchone()
    if row is None:
        return None
    variants = [r[0] for r in conn.execute(
        "SELECT m.text FROM mentions m WHERE m.eid=? AND m.form='name' GROUP BY m.text ORDER BY COUNT(*) DESC LIMIT 20",
        (eid,),
    )]
    roles: dict[str, int] = {}
    for (r,) in conn.execute("SELECT roles FROM entities WHERE eid=? AND roles != '[]'", (eid,)):
        for role in _loads(r):
            roles[role] = roles.get(role, 0) + 1
    by = _quote_rows(conn, "q.speaker = ?", [eid], limit, 0)
    about = _quote_rows(
        conn,
        "(q.article_id, q.idx) IN (SELECT article_id, idx FROM quote_entities WHERE eid = ?)"
        " AND (q.speaker IS NULL OR q.speaker != ?)",
        [eid, eid], limit, 0,
    )
    ev_rows = conn.execute(
        "SELECT e.article_id, e.idx, e.code, e.label, e.trigger_text, e.source, e.target, e.time, e.location, a.day"
        " FROM events e JOIN articles a ON a.id = e.article_id WHERE e.source = ? OR e.target = ?"
        " ORDER BY COALESCE(e.time, a.day) DESC LIMIT ?",
        (eid, eid, limit),
    ).fetchall()
    nm = names(conn, {x for r in ev_rows for x in (r[5], r[6], r[8]) if x})
    events = [
        {"article": r[0], "idx": r[1], "code": r[2], "label": r[3], "trigger": r[4], "source": r[5],
         "source_name": nm.get(r[5], {}).get("name"), "target": r[6], "target_name": nm.get(r[6], {}).get("name"),
         "time": r[7], "location": r[8], "day": r[9]}
        for r in ev_rows
    ]
    months = conn.execute(
        "SELECT substr(a.day, 1, 7) AS m, COUNT(*) FROM entities e JOIN articles a ON a.id = e.article_id"
        " WHERE e.eid = ? AND a.day IS NOT NULL GROUP BY m ORDER BY m",
        (eid,),
    ).fetchall()
    arts = conn.execute(
        "SELECT a.id, a.title, a.outlet, a.day, e.n_mentions FROM entities e JOIN articles a ON a.id = e.article_id"
        " WHERE e.eid = ? ORDER BY a.day DESC, a.id LIMIT ?",
        (eid, limit),
    ).fetchall()
    related = conn.execute(
        "SELECT CASE WHEN a = ? THEN b ELSE a END AS other, articles FROM cooccurrence WHERE a = ? OR b = ?"
        " ORDER BY articles DESC, other LIMIT 20",
        (eid, eid, eid),
    ).fetchall()
    rn = names(conn, {r[0] for r in related})
    return {
        "id": row[0], "type": row[1], "name": row[2], "name_en": row[3], "articles": row[4], "mentions": row[5],
        "first": row[6], "last": row[7], "variants": variants,
        "roles": [{"role": k, "articles": v} for k, v in sorted(roles.items(), key=lambda kv: (-kv[1], kv[0]))],
        "quotes_by": by, "quotes_about": about, "events": events,
        "timeline": [{"month": m, "articles": n} for m, n in months],
        "recent_articles": [{"id": r[0], "title": r[1], "outlet": r[2], "day": r[3], "mentions": r[4]} for r in arts],
        "related": [{"id": r[0], "name": rn.get(r[0], {}).get("name"), "articles": r[1]} for r in related],
    }


def events(conn: sqlite3.Connection, code: str | None, ent: str | None, limit: int, offset: int) -> dict[str, Any]:
    where, args = ["1"], []
    if code:
        where.append("code >= ? AND code < ?")
        args += [code, code + "\uffff"]
    if ent:
        where.append("(source = ? OR target = ?)")
        args += [ent, ent]
    cond = " AND ".join(where)
    total = conn.execute(f"SELECT COUNT(*) FROM corpus_events WHERE {cond}", args).fetchone()[0]
    rows = conn.execute(
        "SELECT idx, code, label, source, target, location, time, articles, n_articles FROM corpus_events"
        f" WHERE {cond} ORDER BY n_articles DESC, time DESC, idx LIMIT ? OFFSET ?",
        [*args, limit, offset],
    ).fetchall()
    nm = names(conn, {x for r in rows for x in (r[3], r[4], r[5]) if x})
    items = [
        {"idx": r[0], "code": r[1], "label": r[2], "source": r[3], "source_name": nm.get(r[3], {}).get("name"),
         "target": r[4], "target_name": nm.get(r[4], {}).get("name"), "location": r[5],
         "location_name": nm.get(r[5], {}).get("name"), "time": r[6], "articles": _loads(r[7]), "n_articles": r[8]}
        for r in rows
    ]
    return _page(total, items, limit, offset)


def stories(conn: sqlite3.Connection, q: str | None, limit: int, offset: int) -> dict[str, Any]:
    where, args = "", []
    if q:
        where, args = " WHERE s.title LIKE ?", [f"%{q}%"]
    total = conn.execute(f"SELECT COUNT(*) FROM corpus_stories s{where}", args).fetchone()[0]
    rows = conn.execute(
        f"SELECT s.id, s.title, s.start, s.end, s.summary, s.thread, s.n_articles FROM corpus_stories s{where}"
        " ORDER BY s.n_articles DESC, COALESCE(s.end, s.start) DESC, s.id LIMIT ? OFFSET ?",
        [*args, limit, offset],
    ).fetchall()
    ids = [r[0] for r in rows]
    members: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
    if ids:
        q2 = (
            "SELECT sa.story_id, a.id, a.title, a.outlet, a.day FROM corpus_story_articles sa"
            f" JOIN articles a ON a.id = sa.article_id WHERE sa.story_id IN ({','.join('?' * len(ids))})"
            " ORDER BY a.day, a.id"
        )
        for sid, aid, title, outlet, day in conn.execute(q2, ids):
            members[sid].append({"id": aid, "title": title, "outlet": outlet, "day": day})
    items = [
        {"id": r[0], "title": r[1], "start": r[2], "end": r[3], "summary": _loads(r[4]), "thread": r[5],
         "n_articles": r[6], "articles": members[r[0]]}
        for r in rows
    ]
    return _page(total, items, limit, offset)


def claims(conn: sqlite3.Connection, status: str | None, limit: int, offset: int) -> dict[str, Any]:
    where, args = "", []
    if status:
        where, args = " WHERE status = ?", [status]
    total = conn.execute(f"SELECT COUNT(*) FROM corpus_claims{where}", args).fetchone()[0]
    rows = conn.execute(
        f'SELECT idx, measure, parties, period, unit, status, "values", n_values FROM corpus_claims{where}'
        " ORDER BY n_values DESC, idx LIMIT ? OFFSET ?",
        [*args, limit, offset],
    ).fetchall()
    parties = {p for r in rows for p in _loads(r[2])}
    nm = names(conn, parties)
    items = [
        {"idx": r[0], "measure": r[1], "parties": _loads(r[2]),
         "party_names": [nm.get(p, {}).get("name") or p for p in _loads(r[2])], "period": r[3], "unit": r[4],
         "status": r[5], "values": _loads(r[6])}
        for r in rows
    ]
    return _page(total, items, limit, offset)


def timeline(conn: sqlite3.Connection, start: str | None, end: str | None, limit: int, offset: int) -> dict[str, Any]:
    where, args = ["1"], []
    if start:
        where.append("time >= ?")
        args.append(start)
    if end:
        where.append("time <= ? || '\uffff'")
        args.append(end)
    cond = " AND ".join(where)
    total = conn.execute(f"SELECT COUNT(*) FROM corpus_timeline WHERE {cond}", args).fetchone()[0]
    rows = conn.execute(
        f"SELECT idx, time, text, articles FROM corpus_timeline WHERE {cond} ORDER BY time, idx LIMIT ? OFFSET ?",
        [*args, limit, offset],
    ).fetchall()
    items = [{"idx": r[0], "time": r[1], "text": r[2], "articles": _loads(r[3])} for r in rows]
    return _page(total, items, limit, offset)


def volume(conn: sqlite3.Connection, by: str) -> list[dict[str, Any]]:
    """Articles per day/month/year of publication (for the timeline chart)."""
    n = {"day": 10, "month": 7, "year": 4}[by]
    rows = conn.execute(
        f"SELECT substr(day, 1, {n}) AS p, COUNT(*) FROM articles WHERE day IS NOT NULL GROUP BY p ORDER BY p"
    ).fetchall()
    return [{"period": p, "articles": c} for p, c in rows]


def cooccurrence(conn: sqlite3.Connection, top: int, min_articles: int) -> dict[str, Any]:
    nodes = conn.execute(
        "SELECT eid, name, type, articles FROM entity_stats ORDER BY articles DESC, eid LIMIT ?", (top,)
    ).fetchall()
    ids = [n[0] for n in nodes]
    edges: list[dict[str, Any]] = []
    if ids:
        ph = ",".join("?" * len(ids))
        edges = [
            {"a": a, "b": b, "articles": c}
            for a, b, c in conn.execute(
                f"SELECT a, b, articles FROM cooccurrence WHERE a IN ({ph}) AND b IN ({ph}) AND articles >= ?"
                " ORDER BY articles DESC, a, b",
                [*ids, *ids, min_articles],
            )
        ]
    return {
        "nodes": [{"id": n[0], "name": n[1], "type": n[2], "articles": n[3]} for n in nodes],
        "edges": edges,
    }


def story(conn: sqlite3.Connection, sid: str) -> dict[str, Any] | None:
    """One story with its articles."""
    row = conn.execute(
        "SELECT id, title, start, end, summary, thread, n_articles FROM corpus_stories WHERE id=?", (sid,)
    ).fetchone()
    if row is None:
        return None
    arts = conn.execute(
        "SELECT a.id, a.title, a.outlet, a.day FROM corpus_story_articles sa JOIN articles a ON a.id = sa.article_id"
        " WHERE sa.story_id=? ORDER BY a.day, a.id",
        (sid,),
    ).fetchall()
    return {
        "id": row[0], "title": row[1], "start": row[2], "end": row[3], "summary": _loads(row[4]), "thread": row[5],
        "n_articles": row[6], "articles": [{"id": a[0], "title": a[1], "outlet": a[2], "day": a[3]} for a in arts],
    }
