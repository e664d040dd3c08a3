"""The corpus timeline: merged events and dated statements (quotes) in time order.

Events come from `events.merge_events` (already one entry per real-world event). A statement
is dated when it was made: by a day named in its sentence ("الخميس" resolved by the times
layer) when that day falls in the week before publication, else by the publication date; a
year in the sentence ("منذ عام 1948") is what the statement is about, not when it was made.
Identical statements are listed once with all their articles. O(E + Q log Q)."""

from __future__ import annotations

from collections.abc import Sequence

from marsad.corpus.features import iso, parse_day, published_day
from marsad.model import Article

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
            when = pub
            pub_day = published_day(a)
            for t in a.times:
                day = parse_day(t.value)
                if (day and pub_day and 0 <= (pub_day - day).days <= 7
                        and _overlaps_sentence(a, q.start, t.start)):
                    when = day.isoformat()
                    break
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
    items: dict[tuple[str, str], dict] = {}
    for it in event_items(events, names) + statement_items(articles):
        key = (it["time"], " ".join(it["text"].split()))
        if key in items:  # two events told in one sentence: one line, all their articles
            seen = items[key]["articles"]
            seen.extend(a for a in it["articles"] if a not in seen)
        else:
            items[key] = it
    return sorted(items.values(), key=lambda it: (it["time"], it["kind"], it["text"]))
