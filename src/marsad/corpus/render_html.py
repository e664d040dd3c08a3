"""The report as one self-contained right-to-left HTML page (no scripts, fonts or images
from elsewhere): stories with summaries, key quotes, conflicts, events, timeline, entities."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from marsad.corpus.briefing import (
    MAX_CLAIMS,
    MAX_ENTITIES,
    MAX_EVENTS,
    MAX_STORIES,
    MAX_TIMELINE,
    Briefing,
    build,
    fmt_value,
)
from marsad.model import Article

_CSS = """
body{font-family:"Noto Naskh Arabic","Segoe UI",Tahoma,sans-serif;margin:0;background:#f6f7f9;color:#1d2329;line-height:1.7}
header{background:#17324d;color:#fff;padding:1rem 2rem}header h1{margin:0;font-size:1.6rem}
main{max-width:1100px;margin:auto;padding:1rem 2rem}section{background:#fff;border-radius:8px;padding:1rem 1.5rem;margin:1rem 0;box-shadow:0 1px 3px #0002}
h2{border-bottom:2px solid #17324d22;padding-bottom:.3rem}.story{border-inline-start:4px solid #2f6f9f;padding-inline-start:1rem;margin:1rem 0}
.meta{color:#5b6670;font-size:.9rem}.ltr{direction:ltr;unicode-bidi:isolate}blockquote{margin:.5rem 0;padding:.3rem 1rem;background:#f0f3f6;border-inline-start:3px solid #9bb}
.conflict{color:#a11}.agree{color:#176a2c}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e3e6ea;padding:.3rem .5rem;text-align:start}
ul.tl{list-style:none;padding:0}ul.tl li{margin:.3rem 0}ul.tl time{font-weight:bold;margin-inline-end:.5rem}
"""


def _e(s: object) -> str:
    return escape(str(s) if s is not None else "")


def _ltr(s: object) -> str:
    return f'<span class="ltr">{_e(s)}</span>'


def render_html(report: dict, articles: Sequence[Article]) -> str:
    b = build(report, articles)
    r = report
    parts = ['<!DOCTYPE html>', '<html dir="rtl" lang="ar">', "<head>", '<meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             "<title>مرصد — موجز المجموعة</title>", f"<style>{_CSS}</style>", "</head>", "<body>",
             "<header><h1>مرصد — موجز المجموعة</h1>",
             f'<div class="meta">{len(r["articles"])} مقالة · {len(r["stories"])} قصة · '
             f'{sum(c["status"] == "conflict" for c in r["claims"])} أرقام متعارضة · {len(r["duplicates"])} أزواج مكررة</div>',
             "</header>", "<main>"]
    parts += _stories(b)
    parts += _quotes(b)
    parts += _claims(b)
    parts += _events(b)
    parts += _timeline(b)
    parts += _entities(b)
    parts += ["</main>", "</body>", "</html>", ""]
    return "\n".join(parts)


def _stories(b: Briefing) -> list[str]:
    out = ['<section id="stories"><h2>القصص</h2>']
    for s in b.report["stories"][:MAX_STORIES]:
        when = s["start"] if s["start"] == s["end"] else f"{s['start']} – {s['end']}"
        thread = f" · سلسلة {_ltr(s['thread'])}" if s.get("thread") else ""
        out.append(f'<div class="story" id="{_e(s["id"])}"><h3>{_e(s["title"])}</h3>')
        out.append(f'<div class="meta">{_ltr(s["id"])} · {_ltr(when or "—")} · {len(s["articles"])} مقالة{thread}</div>')
        if s["summary"]:
            out.append("<ul>" + "".join(f"<li>{_e(x)}</li>" for x in s["summary"]) + "</ul>")
        out.append("<details><summary>المقالات</summary><ul>"
                   + "".join(f"<li>{_ltr(b.article_label(a))}</li>" for a in s["articles"]) + "</ul></details></div>")
    out.append("</section>")
    return out


def _quotes(b: Briefing) -> list[str]:
    if not b.quotes:
        return []
    out = ['<section id="quotes"><h2>أبرز التصريحات</h2>']
    for spk, qs in b.quotes:
        out.append(f"<h3>{_e(b.name(spk))}</h3>")
        for text, aid in qs:
            out.append(f'<blockquote>{_e(text)}<div class="meta">{_ltr(b.article_label(aid))}</div></blockquote>')
    out.append("</section>")
    return out


def _claims(b: Briefing) -> list[str]:
    claims = [c for c in b.report["claims"] if c["status"] != "single"][:MAX_CLAIMS]
    if not claims:
        return []
    label = {"conflict": "تعارض", "agree": "اتفاق"}
    out = ['<section id="claims"><h2>الأرقام عبر المصادر</h2><table>',
           "<tr><th>الحالة</th><th>المقياس</th><th>الأطراف</th><th>الفترة</th><th>القيم</th></tr>"]
    for c in claims:
        vals = "<br>".join(
            f"{_ltr(fmt_value(v['value'], c['unit']))} «{_e(v['text'])}» — {_ltr(b.article_label(v['article']))}"
            + (f" ({_e(b.name(v['attributed_to']))})" if v.get("attributed_to") else "") for v in c["values"])
        out.append(f'<tr class="{c["status"]}"><td>{label[c["status"]]}</td><td>{_ltr(c["measure"])}</td>'
                   f'<td>{_e(" – ".join(b.name(p) for p in c["parties"]))}</td><td>{_ltr(c["period"] or "—")}</td><td>{vals}</td></tr>')
    out.append("</table></section>")
    return out


def _events(b: Briefing) -> list[str]:
    evs = [e for e in b.report["events"] if len(e["articles"]) > 1][:MAX_EVENTS]
    if not evs:
        return []
    out = ['<section id="events"><h2>أحداث نقلتها عدة مقالات</h2><table>',
           "<tr><th>التاريخ</th><th>الحدث</th><th>من</th><th>إلى</th><th>المقالات</th><th>المصادر</th></tr>"]
    for e in evs:
        out.append(f"<tr><td>{_ltr(e['time'] or '—')}</td><td>{_ltr(e['label'])} {_ltr(e['code'])}</td>"
                   f"<td>{_e(b.name(e['source']))}</td><td>{_e(b.name(e['target']))}</td>"
                   f"<td>{len(e['articles'])}</td><td>{e.get('num_sources', '')}</td></tr>")
    out.append("</table></section>")
    return out


def _timeline(b: Briefing) -> list[str]:
    items = b.report["timeline"][:MAX_TIMELINE]
    if not items:
        return []
    out = ['<section id="timeline"><h2>التسلسل الزمني</h2><ul class="tl">']
    for it in items:
        who = f"<strong>{_e(it['speaker_name'])}:</strong> " if it.get("speaker_name") else ""
        out.append(f'<li><time class="ltr">{_e(it["time"])}</time>{who}{_e(it["text"])} '
                   f'<span class="meta">({_e(", ".join(it["articles"]))})</span></li>')
    out.append("</ul></section>")
    return out


def _entities(b: Briefing) -> list[str]:
    ents = b.report["entities"][:MAX_ENTITIES]
    if not ents:
        return []
    out = ['<section id="entities"><h2>أكثر الكيانات ذكرا</h2><table>',
           "<tr><th>الكيان</th><th>النوع</th><th>المقالات</th><th>الإشارات</th><th>الصيغ</th></tr>"]
    for e in ents:
        out.append(f"<tr><td>{_e(e['name'])}</td><td>{_ltr(e['type'])}</td><td>{e['articles']}</td>"
                   f"<td>{e['mentions']}</td><td>{_e('، '.join(e.get('variants', [])[:6]))}</td></tr>")
    out.append("</table></section>")
    return out
