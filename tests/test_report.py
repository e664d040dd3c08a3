"""`build_report` end to end (contract shape, seed targets) and the `marsad report` command."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
from test_corpus_build import call, flood, visit_a, visit_b
from typer.testing import CliRunner

from marsad.cli import app
from marsad.corpus.report import build_report
from marsad.engine import analyze_paths
from marsad.model import Article, dumps

runner = CliRunner()


@pytest.fixture(scope="module")
def demo_articles(demo_dir) -> list[Article]:
    return [a for a in analyze_paths([str(demo_dir)]) if isinstance(a, Article)]


@pytest.fixture()
def analysed_jsonl(tmp_path):
    p = tmp_path / "analysed.jsonl"
    p.write_bytes(b"".join(dumps(a) + b"\n" for a in (visit_a(), visit_b(), call(), flood())))
    return p


def test_report_follows_the_contract(corpus_schema):
    rep = build_report([visit_a(), visit_b(), call(), flood()])
    jsonschema.validate(json.loads(dumps(rep)), corpus_schema)
    assert rep["articles"] == ["visit-a", "visit-b", "call", "flood"]


def test_empty_collection_gives_an_empty_valid_report(corpus_schema):
    rep = build_report([])
    jsonschema.validate(json.loads(dumps(rep)), corpus_schema)
    assert rep["stories"] == [] and rep["claims"] == []


def test_demo_corpus_meets_the_seed_targets(demo_articles, corpus_schema):
    rep = build_report(demo_articles)
    jsonschema.validate(json.loads(dumps(rep)), corpus_schema)
    groups = sorted(sorted(s["articles"]) for s in rep["stories"])
    assert ["000_829a525c9190e941", "002_fda5dac2e24b2fe8"] in groups
    assert len(groups) == 4
    conflicts = [c for c in rep["claims"] if c["status"] == "conflict"]
    assert any({228e9, 240e9} <= {v["value"] for v in c["values"]} for c in conflicts)
    for s in rep["stories"]:
        texts = " ".join(a.text for a in demo_articles if a.id in s["articles"])
        assert s["summary"] and all(sent in texts for sent in s["summary"])


def test_cli_report_json_from_analysed_jsonl(analysed_jsonl, tmp_path, corpus_schema):
    out = tmp_path / "report.json"
    res = runner.invoke(app, ["report", str(analysed_jsonl), "-o", str(out)])
    assert res.exit_code == 0, res.output
    rep = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(rep, corpus_schema)
    assert any(c["status"] == "conflict" for c in rep["claims"])


def test_cli_report_markdown_briefing(analysed_jsonl):
    res = runner.invoke(app, ["report", str(analysed_jsonl), "--format", "md"])
    assert res.exit_code == 0, res.output
    md = res.stdout
    assert md.startswith("# Marsad briefing")
    assert "## Figures in conflict" in md and "228 billion USD" in md and "240 billion USD" in md
    assert "## Key quotes by speaker" in md and "## Timeline" in md


def test_cli_report_html_is_one_self_contained_rtl_page(analysed_jsonl):
    res = runner.invoke(app, ["report", str(analysed_jsonl), "--format", "html"])
    assert res.exit_code == 0, res.output
    page = res.stdout
    assert '<html dir="rtl" lang="ar">' in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page)
    assert "<script" not in page and "@import" not in page
    assert "بوتين في بكين لتعزيز الشراكة مع الصين" in page


def test_cli_report_reads_bad_lines_as_errors(tmp_path, analysed_jsonl):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(analysed_jsonl.read_text(encoding="utf-8") + '{"schema": "marsad.article/1", "id": 3}\n', encoding="utf-8")
    res = runner.invoke(app, ["report", str(bad)])
    assert res.exit_code == 0
    assert re.search(r"marsad: .*bad\.jsonl:5: not a marsad.article/1 record", res.stderr)


def test_cli_report_analyses_raw_inputs(demo_dir):
    res = runner.invoke(app, ["report", str(demo_dir), "--format", "json"])
    assert res.exit_code == 0, res.output
    rep = json.loads(res.stdout)
    assert len(rep["articles"]) == 5


def test_articles_without_sentences_or_layers_still_get_a_story(corpus_schema):
    from test_corpus_build import VISIT_A

    bare = Article(id="bare", source=visit_a().source, title=None, published=None, text=VISIT_A)
    rep = build_report([bare])
    jsonschema.validate(json.loads(dumps(rep)), corpus_schema)
    (s,) = rep["stories"]
    assert s["articles"] == ["bare"] and s["summary"] == [VISIT_A] and s["title"]


def test_benchmark_copies_are_new_articles_with_moved_dates():
    from marsad.corpus.bench import grow

    base = [visit_a(), call()]
    arts = list(grow(base, 5))
    assert [a.id for a in arts] == ["visit-a", "call", "visit-a~1", "call~1", "visit-a~2"]
    assert arts[2].published.value == "2024-06-15" and arts[2].text != arts[0].text
    assert all(a.text[s:e].strip() for a in arts for s, e in a.sentences)


def test_an_article_read_twice_is_reported_once():
    rep = build_report([visit_a(), call(), visit_a()])
    assert rep["articles"] == ["visit-a", "call"]
    assert sorted(a for s in rep["stories"] for a in s["articles"]) == ["call", "visit-a"]
