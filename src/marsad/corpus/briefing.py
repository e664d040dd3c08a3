"""What the md and html renderings show, computed once from the report and its articles:
display names for ids, key quotes by speaker, formatted figures, section limits."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from marsad.model import Article

MAX_STORIES = 50
MAX_SPEAKERS = 12
QUOTES_PER_SPEAKER = 3
MAX_TIMELINE = 150
MAX_EVENTS = 40
MAX_ENTITIES = 30
MAX_CLAIMS = 40


@dataclass
class Briefing:
    report: dict
    names: dict[str, str]
    articles: dict[str, Article]
    quotes: list[tuple[str, list[tuple[str, str]]]] = field(default_factory=list)  # speaker, [(text, article)]

    def name(self, eid: str | None) -> str:
        if not eid:
            return "—"
        return self.names.get(eid, eid)

    def article_label(self, aid: str) -> str:
        a = self.articles.get(aid)
        if a is None:
            return aid
        bits = [a.source.outlet or "", a.published.value[:10] if a.published else ""]
        extra = " · ".join(b for b in bits if b)
        return f"{aid} ({extra})" if extra else aid


def fmt_value(value: float, unit: str | None) -> str:
    """A figure for people: 228000000000 USD -> "228 billion USD"."""
    v = float(value)
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= scale:
            s = f"{v / scale:.2f}".rstrip("0").rstrip(".")
            return f"{s} {word} {unit or ''}".strip()
    s = f"{v:,.2f}".rstrip("0").rstrip(".")
    return f"{s}{unit}" if unit == "%" else f"{s} {unit or ''}".strip()


def build(report: dict, articles: Sequence[Article]) -> Briefing:
    names: dict[str, str] = {}
    for a in articles:
        for e in a.entities:
            names.setdefault(e.id, e.name)
    for e in report.get("entities", []):
        names[e["id"]] = e["name"]
    b = Briefing(report=report, names=names, articles={a.id: a for a in articles})
    by_speaker: dict[str, list[tuple[str, str]]] = defaultdict(list)
    seen: set[str] = set()
    for a in articles:
        for q in a.quotes:
            key = " ".join(q.text.split())
            if q.speaker and len(key) >= 30 and key not in seen:
                seen.add(key)
                by_speaker[q.speaker].append((key, a.id))
    ranked = sorted(by_speaker.items(), key=lambda kv: (-len(kv[1]), b.name(kv[0])))[:MAX_SPEAKERS]
    b.quotes = [(spk, sorted(qs, key=lambda x: -len(x[0]))[:QUOTES_PER_SPEAKER]) for spk, qs in ranked]
    return b
