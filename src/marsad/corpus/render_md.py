"""The report as a Markdown briefing: stories with summaries, key quotes by speaker, figures
in conflict and in agreement, events reported by several sources, timeline, duplicates."""

from __future__ import annotations

from collections.abc import Sequence

from marsad.corpus.briefing import (
    MAX_CLAIMS,
    MAX_ENTITIES,
    MAX_EVENTS,
    MAX_STORIES,
    MAX_TIMELINE,
    build,
    fmt_value,
)
from marsad.model import Article


def _one_line(s: str) -> str:
    return " ".join(str(s).split()).replace("|", "\\|")


def render_md(report: dict, articles: Sequence[Article]) -> str:
    b = build(report, articles)
    r = report
    out: list[str] = []
    w = out.append
    w("# Marsad briefing")
    w("")
    w(f"{len(r['articles'])} articles · {len(r['stories'])} stories · {len(r.get('threads', []))} threads · "
      f"{len(r['duplicates'])} duplicate pairs · {sum(c['status'] == 'conflict' for c in r['claims'])} conflicting figures")
    w("")
    w("## Stories")
    w("")
    for s in r["stories"][:MAX_STORIES]:
        when = s["start"] if s["start"] == s["end"] else f"{s['start']} – {s['end']}"
        thread = f" · thread {s['thread']}" if s.get("thread") else ""
        w(f"### {s['id']} · {_one_line(s['title'])}")
        w("")
        w(f"*{when or 'undated'} · {len(s['articles'])} article(s){thread}*")
        w("")
        for sent in s["summary"]:
            w(f"- {_one_line(sent)}")
        w("")
        w("Articles: " + "; ".join(b.article_label(a) for a in s["articles"]))
        w("")
    if len(r["stories"]) > MAX_STORIES:
        w(f"*… and {len(r['stories']) - MAX_STORIES} more stories in the JSON report.*")
        w("")
    if r.get("threads"):
        w("## Threads")
        w("")
        for t in r["threads"]:
            w(f"- **{t['id']}** {' – '.join(b.name(e) for e in t['entities'])} ({t['start']} – {t['end']}): "
              f"stories {', '.join(t['stories'])}")
        w("")
    if b.quotes:
        w("## Key quotes by speaker")
        w("")
        for spk, qs in b.quotes:
            w(f"### {b.name(spk)}")
            w("")
            for text, aid in qs:
                w(f"> {_one_line(text)}")
                w(f"> — {b.article_label(aid)}")
                w("")
    for status, head in (("conflict", "Figures in conflict"), ("agree", "Figures in agreement")):
        claims = [c for c in r["claims"] if c["status"] == status][:MAX_CLAIMS]
        if not claims:
            continue
        w(f"## {head}")
        w("")
        for c in claims:
            parties = " – ".join(b.name(p) for p in c["parties"]) or "—"
            w(f"- **{c['measure']}** ({parties}, {c['period'] or 'period unknown'}):")
            for v in c["values"]:
                by = f", attributed to {b.name(v['attributed_to'])}" if v.get("attributed_to") else ""
                w(f"  - {fmt_value(v['value'], c['unit'])} «{_one_line(v['text'])}» in {b.article_label(v['article'])}{by}")
        w("")
    multi = [e for e in r["events"] if e.get("num_articles", len(e["articles"])) > 1][:MAX_EVENTS]
    if multi:
        w("## Events reported by several articles")
        w("")
        for e in multi:
            w(f"- {e['time'] or 'undated'} · {e['label']} ({e['code']}): {b.name(e['source'])} → {b.name(e['target'])} · "
              f"{len(e['articles'])} articles, {e.get('num_sources', '?')} sources")
        w("")
    if r["timeline"]:
        w("## Timeline")
        w("")
        for it in r["timeline"][:MAX_TIMELINE]:
            who = f"{it['speaker_name']}: " if it.get("speaker_name") else ""
            w(f"- **{it['time']}** {who}{_one_line(it['text'])} ({', '.join(it['articles'])})")
        if len(r["timeline"]) > MAX_TIMELINE:
            w(f"- … {len(r['timeline']) - MAX_TIMELINE} more in the JSON report")
        w("")
    if r["entities"]:
        w("## Most reported entities")
        w("")
        w("| entity | type | articles | mentions |")
        w("|---|---|---|---|")
        for e in r["entities"][:MAX_ENTITIES]:
            w(f"| {_one_line(e['name'])} | {e['type']} | {e['articles']} | {e['mentions']} |")
        w("")
    if r["duplicates"]:
        w("## Duplicates")
        w("")
        for d in r["duplicates"][:MAX_EVENTS]:
            w(f"- {b.article_label(d['a'])} = {b.article_label(d['b'])} (similarity {d['similarity']})")
        w("")
    return "\n".join(out)
