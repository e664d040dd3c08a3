"""Store: schema, idempotent ingest, Arabic-aware search, filters, corpus tables, export, CLI."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sqlite3
import sys
from pathlib import Path

import msgspec
import pytest

from marsad import resources
from marsad.model import dumps
from marsad.store import corpus_tables
from marsad.store.db import StoreError, connect, connect_readonly, count, fingerprint
from marsad.store.export import export
from marsad.store.index_terms import highlight_pattern, index_forms, match_expression, word_spans
from marsad.store.search import SearchQuery, search
from marsad.store.update import update
from marsad.text.normalize import normalize

sys.path.insert(0, str(Path(__file__).parent))
from test_store_sample import sample_articles  # noqa: E402


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    p = tmp_path / "m.db"
    update(p, sample_articles())
    return p


@pytest.fixture()
def ro(db: Path):
    conn = connect_readonly(db)
    conn.row_factory = None  # plain tuples for comparisons
    yield conn
    conn.close()


def ids(res) -> set[str]:
    return {h["id"] for h in res.hits}


# --- index terms -------------------------------------------------------------------------------

def test_proclitics_resource_is_versioned_and_parsed():
    text = resources.path("store/proclitics.tsv").read_text(encoding="utf-8")
    assert "# version:" in text
    slots = {r[0] for r in resources.tsv("store/proclitics.tsv", 2)}
    assert slots == {"conj", "prep", "art", "prep+art"}


def test_index_forms_strip_proclitic_chains():
    assert set(index_forms("وبالصين").split()) == {"بالصين", "الصين", "صين"}
    assert {"الصين", "صين"} <= set(index_forms("للصين").split())  # ل + article drops the alef
    assert "بوتين" in index_forms("لبوتين").split()
    assert set(index_forms("وبوتين").split()) == {"بوتين", "وتين"}
    assert index_forms("بوتين الصين روسيا") == "وتين صين"  # plain words add only their strippings
    assert index_forms(normalize("وأكّدَ الطاقة")).split() == ["اكد", "طاقه"]


def test_short_words_are_not_stripped_to_nothing():
    assert index_forms("في لا ول بل ولد").split() == ["لد"]


def test_match_expression_quotes_user_input():
    assert match_expression("بوتين الصين") == '"بوتين" AND "الصين"'
    assert match_expression("بوتي*") == '"بوتي"*'
    assert match_expression('"الرئيس الصيني"') == '{title body} : "الرييس الصيني"'
    # FTS5 syntax typed by a user is searched as words, never run
    assert match_expression('OR NEAR( ") :col') == '"or" AND "near" AND "col"'
    assert match_expression("؟!") is None


def test_highlight_pattern_finds_proclitic_forms():
    pat = highlight_pattern("الطاقة بوتين")
    norm = normalize("للطاقة والطاقة الطاقوية لبوتين")
    assert [norm[s:e] for s, e in word_spans(pat, norm)] == ["للطاقه", "والطاقه", "لبوتين"]
    norm = normalize("للتأكد وأكد")  # the end of another word is not a match
    assert [norm[s:e] for s, e in word_spans(highlight_pattern("اكد"), norm)] == ["واكد"]
    pat = highlight_pattern("مراحل*")
    norm = normalize("بمراحلها المتقدمة")
    assert [norm[s:e] for s, e in word_spans(pat, norm)] == ["بمراحلها"]


# --- ingest ---------------------------------------------------------------------------------------

def test_ingest_stores_every_layer(ro):
    assert count(ro) == 4
    assert ro.execute("SELECT COUNT(*) FROM entities WHERE eid='wd:Q7747'").fetchone()[0] == 4
    row = ro.execute("SELECT text, start, end, kind, speaker, cue_text FROM quotes WHERE article_id='a1'").fetchone()
    text = ro.execute("SELECT text FROM articles WHERE id='a1'").fetchone()[0]
    assert text[row[1]:row[2]] == row[0] == "روسيا مورد موثوق للطاقة للاقتصاد الصيني"
    assert tuple(row[3:]) == ("direct", "wd:Q7747", "وقال")
    assert ro.execute("SELECT value, unit FROM amounts WHERE article_id='a2'").fetchone() == (228e9, "USD")
    assert ro.execute("SELECT value FROM times WHERE article_id='a4' ORDER BY idx").fetchall() == [
        ("2022-12-30",), ("2023-SP",)]
    assert ro.execute("SELECT code FROM events WHERE article_id='a1'").fetchone()[0] == "042"
    assert ro.execute("SELECT code FROM themes WHERE article_id='a3'").fetchall() == [("energy",)]
    # the JSON record round-trips to the same article
    blob = ro.execute("SELECT json FROM articles WHERE id='a1'").fetchone()[0]
    assert bytes(blob) == dumps(sample_articles()[0])


def test_second_ingest_adds_nothing(db: Path):
    before = _fp(db)
    res = update(db, sample_articles())
    assert (res.stats.added, res.stats.replaced, res.stats.skipped) == (0, 0, 4)
    assert res.corpus_seconds is None  # nothing changed: corpus tables kept
    assert _fp(db) == before


def test_changed_article_is_replaced_with_its_layers(db: Path):
    arts = sample_articles()
    a3 = arts[2]
    new_text = a3.text.replace("موسكو", "سوتشي")
    arts[2] = msgspec.structs.replace(a3, text=new_text, quotes=[], title="مباحثات في سوتشي")
    res = update(db, arts)
    assert (res.stats.added, res.stats.replaced, res.stats.skipped) == (0, 1, 3)
    assert res.corpus_seconds is not None
    conn = connect_readonly(db)
    assert count(conn) == 4
    assert conn.execute("SELECT COUNT(*) FROM quotes WHERE article_id='a3'").fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM events WHERE article_id='a3'").fetchone()[0] == 1
    assert "a3" in ids(search(conn, SearchQuery(q="سوتشي")))
    assert "a3" not in ids(search(conn, SearchQuery(q="موسكو")))
    assert conn.execute("SELECT COUNT(*) FROM search").fetchone()[0] == 4
    conn.close()


def test_read_errors_are_counted_not_stored(tmp_path: Path):
    from marsad.ingest.errors import ReadError

    seen = []
    res = update(tmp_path / "e.db", [ReadError("x.txt", "unreadable"), *sample_articles()[:1]], on_error=seen.append)
    assert res.stats.added == 1 and res.stats.errors == ["marsad: x.txt: unreadable"]
    assert [e.path for e in seen] == ["x.txt"]


def test_batches_commit_separately_and_order_does_not_matter(tmp_path: Path):
    arts = sample_articles()
    update(tmp_path / "a.db", arts, batch_size=1)
    update(tmp_path / "b.db", list(reversed(arts)), batch_size=3)
    assert _fp(tmp_path / "a.db") == _fp(tmp_path / "b.db")


def test_readonly_connection_refuses_writes_and_foreign_files(db: Path, tmp_path: Path):
    conn = connect_readonly(db)
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM articles")
    conn.close()
    with pytest.raises(StoreError):
        connect_readonly(tmp_path / "missing.db")
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t(x)")
    with pytest.raises(StoreError):
        connect_readonly(other)


def test_wal_mode(db: Path):
    conn = connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


# --- search ----------------------------------------------------------------------------------------

def test_search_finds_proclitic_forms(ro):
    # "بوتين" finds "لبوتين" (a2 has only that form in its body) and the plain forms
    res = search(ro, SearchQuery(q="بوتين"))
    assert ids(res) == {"a1", "a2", "a3", "a4"}
    a2 = next(h for h in res.hits if h["id"] == "a2")
    s, e = a2["marks"][0]
    assert a2["snippet"][s:e] == "لبوتين"
    # "الصين" finds "والصين" (a1 has only that body form besides the adjective "الصيني")
    assert "a1" in ids(search(ro, SearchQuery(q="الصين")))


def test_search_folds_hamza_and_ta_marbuta(ro):
    assert ids(search(ro, SearchQuery(q="اكد"))) == {"a2"}  # text: وأكد
    assert ids(search(ro, SearchQuery(q="الطاقه"))) == {"a1", "a3"}  # للطاقة / الطاقة
    assert ids(search(ro, SearchQuery(q="الطاقة"))) == {"a1", "a3"}


def test_search_is_conjunctive_and_supports_phrases_and_prefixes(ro):
    assert ids(search(ro, SearchQuery(q="بوتين موسكو"))) == {"a3", "a4"}
    assert ids(search(ro, SearchQuery(q='"الرئيس الصيني"'))) == {"a2", "a3"}
    assert ids(search(ro, SearchQuery(q="مراحل*"))) == {"a2"}
    assert search(ro, SearchQuery(q="كلمةغيرموجودة")).total == 0
    assert search(ro, SearchQuery(q='" OR )')).total == 0


def test_search_filters(ro):
    q = "بوتين"
    assert ids(search(ro, SearchQuery(q=q, outlet="RT Arabic"))) == {"a1", "a4"}
    assert ids(search(ro, SearchQuery(q=q, start=dt.date(2024, 1, 1)))) == {"a1", "a2"}
    assert ids(search(ro, SearchQuery(q=q, end=dt.date(2023, 12, 31)))) == {"a3", "a4"}
    assert ids(search(ro, SearchQuery(q=q, entity="wd:Q15031"))) == {"a2", "a4"}
    assert ids(search(ro, SearchQuery(q=q, theme="energy"))) == {"a1", "a3"}
    assert ids(search(ro, SearchQuery(q=q, event="04"))) == {"a1", "a2", "a4"}
    assert ids(search(ro, SearchQuery(q=q, event="057"))) == {"a3"}
    # no words: list with filters, newest first
    res = search(ro, SearchQuery(outlet="RT Arabic"))
    assert [h["id"] for h in res.hits] == ["a1", "a4"]


def test_search_ranks_title_matches_first(ro):
    res = search(ro, SearchQuery(q="يستقبل"))
    assert [h["id"] for h in res.hits] == ["a2"]
    res = search(ro, SearchQuery(q="مباحثات"))
    assert res.hits[0]["id"] == "a3"


def test_search_paging(ro):
    res = search(ro, SearchQuery(q="بوتين", limit=3, offset=0))
    rest = search(ro, SearchQuery(q="بوتين", limit=3, offset=3))
    assert res.total == rest.total == 4
    assert len(res.hits) == 3 and len(rest.hits) == 1
    assert not ids(res) & ids(rest)


# --- corpus tables -------------------------------------------------------------------------------

def test_corpus_tables_cover_every_article(ro):
    stored = {r[0] for r in ro.execute("SELECT id FROM articles")}
    in_stories = [r[0] for r in ro.execute("SELECT article_id FROM corpus_story_articles")]
    assert sorted(in_stories) == sorted(stored)  # every article in exactly one story
    assert not corpus_tables.is_stale(ro)
    top = ro.execute("SELECT eid, articles, mentions FROM entity_stats ORDER BY articles DESC, eid LIMIT 1").fetchone()
    assert tuple(top) == ("wd:Q7747", 4, 6)
    pair = ro.execute("SELECT articles FROM cooccurrence WHERE a='wd:Q15031' AND b='wd:Q7747'").fetchone()
    assert pair[0] == 2


def test_interrupted_corpus_step_is_redone(db: Path):
    conn = connect(db)
    conn.execute("DELETE FROM corpus_stories")
    conn.execute("UPDATE meta SET value='1' WHERE key='corpus_stale'")
    conn.close()
    res = update(db, [])
    assert res.corpus_seconds is not None
    assert connect_readonly(db).execute("SELECT COUNT(*) FROM corpus_stories").fetchone()[0] > 0


# --- export ------------------------------------------------------------------------------------

def test_export_jsonl_csv_parquet(ro, tmp_path: Path):
    n = export(ro, "jsonl", tmp_path / "j")
    assert n["articles"] == 4 and n["quotes"] == 3 and n["events"] == 4
    lines = (tmp_path / "j" / "articles.jsonl").read_bytes().splitlines()
    assert [json.loads(x)["id"] for x in lines] == ["a1", "a2", "a3", "a4"]
    assert json.loads(lines[0])["schema"] == "marsad.article/1"
    q = json.loads((tmp_path / "j" / "quotes.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert q["speaker"] == "wd:Q7747" and q["cue_text"] == "وقال"

    export(ro, "csv", tmp_path / "c")
    with (tmp_path / "c" / "amounts.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["text"] for r in rows} == {"240 مليار دولار", "228 مليار دولار", "30%"}

    pq = pytest.importorskip("pyarrow.parquet")
    export(ro, "parquet", tmp_path / "p")
    t = pq.read_table(tmp_path / "p" / "entities.parquet")
    assert t.num_rows == ro.execute("SELECT COUNT(*) FROM entities").fetchone()[0]
    assert "eid" in t.column_names
    assert pq.read_table(tmp_path / "p" / "corpus_duplicates.parquet").num_rows >= 0

    with pytest.raises(ValueError):
        export(ro, "xml", tmp_path / "x")  # type: ignore[arg-type]


def _fp(db: Path) -> str:
    conn = connect_readonly(db)
    try:
        return fingerprint(conn)
    finally:
        conn.close()
