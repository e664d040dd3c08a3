"""The store's commands: marsad ingest / search / export (serve is covered in test_api)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from typer.testing import CliRunner

from marsad.cli import app
from marsad.model import dumps
from marsad.store.db import connect_readonly

sys.path.insert(0, str(Path(__file__).parent))
from test_store_sample import sample_articles  # noqa: E402

SEEDS = Path("/work/shared/corpus/seeds")
runner = CliRunner()


def _analysed(tmp_path: Path) -> Path:
    p = tmp_path / "analysed.jsonl"
    p.write_bytes(b"".join(dumps(a) + b"\n" for a in sample_articles()))
    return p


def test_ingest_analysed_jsonl_then_search_and_export(tmp_path: Path):
    db = tmp_path / "m.db"
    src = _analysed(tmp_path)
    r = runner.invoke(app, ["ingest", str(src), "--analysed", "--db", str(db)])
    assert r.exit_code == 0, r.output
    assert "4 added" in r.output
    r = runner.invoke(app, ["ingest", str(src), "--analysed", "--db", str(db)])
    assert "0 added, 0 replaced, 4 unchanged" in r.output

    r = runner.invoke(app, ["search", "بوتين", "--db", str(db), "--format", "jsonl", "--outlet", "RT Arabic"])
    assert r.exit_code == 0
    hits = [json.loads(x) for x in r.stdout.splitlines()]
    assert sorted(h["id"] for h in hits) == ["a1", "a4"]
    r = runner.invoke(app, ["search", "بوتين", "--db", str(db), "--from", "2024-05-17"])
    assert r.exit_code == 0 and r.stdout.startswith("a2\t2024-05-17\tAl Jazeera")
    r = runner.invoke(app, ["search", "كلمةغيرموجودة", "--db", str(db)])
    assert r.exit_code == 1

    out = tmp_path / "x"
    r = runner.invoke(app, ["export", "--db", str(db), "--format", "csv", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert (out / "articles.csv").read_text(encoding="utf-8").splitlines()[0].startswith("id,hash,outlet")


def test_malformed_analysed_line_is_an_error_not_a_crash(tmp_path: Path):
    src = _analysed(tmp_path)
    src.write_bytes(src.read_bytes() + b'{"id": "broken"}\n')
    r = runner.invoke(app, ["ingest", str(src), "--analysed", "--db", str(tmp_path / "m.db")])
    assert r.exit_code == 0
    assert "analysed.jsonl:5: not a marsad.article/1 record" in r.output
    assert "4 added" in r.output and "1 error(s)" in r.output


def test_ingest_seed_files_analyses_and_stores(tmp_path: Path):
    db = tmp_path / "seeds.db"
    r = runner.invoke(app, ["ingest", str(SEEDS), "--db", str(db)])
    assert r.exit_code == 0, r.output
    conn = connect_readonly(db)
    rows = conn.execute("SELECT id, day FROM articles ORDER BY id").fetchall()
    assert [tuple(x) for x in rows][0] == ("000_829a525c9190e941", "2024-05-16")  # date from the manifest
    assert len(rows) == 5
    # a seed says "لبوتين"-style forms and hamza spellings; "أكد" and "اكد" find the same articles
    from marsad.store.search import SearchQuery, search

    a = {h["id"] for h in search(conn, SearchQuery(q="أكد", limit=50)).hits}
    b = {h["id"] for h in search(conn, SearchQuery(q="اكد", limit=50)).hits}
    assert a == b and "000_829a525c9190e941" in a


def test_errors_on_missing_or_foreign_db(tmp_path: Path):
    r = runner.invoke(app, ["search", "x", "--db", str(tmp_path / "none.db")])
    assert r.exit_code == 2 and "no such database file" in r.output
    r = runner.invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert r.exit_code == 2
