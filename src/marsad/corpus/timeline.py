"""The corpus timeline: merged events and dated statements (quotes) in time order.

Events come from `events.merge_events` (already one entry per real-world event); quotes are
dated by a DATE expression in their sentence, else by their article's publication date, and
identical statements are listed once with all their articles. O(E + Q log Q)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from marsad.corpus.features import iso, published_day
from marsad.model import Article

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_MAX_TEXT = 300


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_TEXT else text[:_MAX_TEXT].rsplit(" ", 1)[0] + " …"


def _names(a: Article) -> dict[str, str]:
    return {e.id: e.name for e in a.entities}


def statement_items(articles: Sequence[Article]) -> list[dict]:
    """One item per distinct attributed quote: time, text, speaker, articles."""
    items: dict[str, dict] = {}
    for a in articles:
        names = _names(a)
        pub = iso(published_day(a))
        for q in a.quotes:
            if not q.speaker:
                continue
            when = None
            for t in a.times:
                if t.type == "DATE" and _DATE.match(t.value or "") and _overlaps_sentence(a, q.start, t.start):
                    when = t.value
                    break
            when = when or pub
            if not when:
                continue
            key = " ".join(q.text.split())
            it = items.get(key)
            if it is None:
                items[key] = {"time": when, "text": _clip(q.text), "articles": [a.id], "kind": "statement",
                              "speaker": q.speaker, "speaker_name": names.get(q.speaker)}
            elif a.id not in it["articles"]:
                it["articles"].append(a.id)
    return list(items.values())


def _overlaps_sentence(a: Article, x: int, y: int) -> bool:
    for s, t in a.sentences:
        if s <= x < t:
            return s <= y < t
    return False


def event_items(events: Sequence[dict], names: dict[str, str]) -> list[dict]:
    """One item per merged event that has a time."""
    out = []
    for e in events:
        if not e.get("time"):
            continue
        ev = e.get("evidence") or {}
        text = ev.get("sentence") or e["label"]
        out.append({"time": e["time"], "text": _clip(text), "articles": list(e["articles"]), "kind": "event",
                    "code": e["code"], "label": e["label"],
                    "source": names.get(e["source"] or "", e["source"]), "target": names.get(e["target"] or "", e["target"])})
    return out


def build_timeline(articles: Sequence[Article], events: Sequence[dict]) -> list[dict]:
    names: dict[str, str] = {}
    for a in articles:
        names.update(_names(a))
    items = event_items(events, names) + statement_items(articles)
    items.sort(key=lambda it: (it["time"], it["kind"], it["text"]))
    return items
