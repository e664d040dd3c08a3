"""Events merged across articles: one real-world event with every article that reports it.

Two event mentions are the same event when they share the CAMEO root (first two digits of
the code), the same unordered pair of actors, and dates (the event's time, else the article's
publication date) within `window_days`. Grouping is a dict on (root, actors) and a sort by
date inside each group: O(E log E) for E event mentions. The output mirrors GDELT's
NumArticles / NumSources / NumMentions, which users filter on to drop false events.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from marsad.corpus.features import iso, outlet, parse_day, published_day
from marsad.corpus.settings import section
from marsad.model import Article, Event

# Roots 01 (make public statement) and 02 (appeal) are too generic to tie two articles together.
_GENERIC_ROOTS = frozenset({"01", "02"})


def root(code: str) -> str:
    return str(code)[:2]


def actors(e: Event) -> tuple[str, ...]:
    return tuple(sorted(x for x in (e.source, e.target) if x))


def event_key(e: Event) -> str | None:
    """Key of a specific event (both actors known, not a bare statement or appeal), used to
    block and score candidate story pairs; None for other events."""
    if e.source and e.target and e.source != e.target and root(e.code) not in _GENERIC_ROOTS:
        return f"{root(e.code)}|{'|'.join(actors(e))}"
    return None


def event_keys(a: Article) -> list[str]:
    return [k for e in a.events if (k := event_key(e))]


def event_day(e: Event, a: Article) -> dt.date | None:
    return parse_day(e.time) or published_day(a)


def _sentence(a: Article, offset: int) -> str:
    for s, t in a.sentences:
        if s <= offset < t:
            return a.text[s:t]
    return ""


def merge_events(articles: Sequence[Article], story: Mapping[str, str] | None = None) -> list[dict]:
    """Merged events, most reported first (see module docstring). An event with no date at
    all (undated article, no time) is only merged within its story (`story`: article id ->
    story id), else kept per article: without a date, "the same event" cannot be told."""
    window = int(section("events")["window_days"])
    groups: dict[tuple[str, tuple[str, ...], str | None], list[tuple[dt.date | None, int, Event]]] = defaultdict(list)
    for i, a in enumerate(articles):
        for e in a.events:
            day = event_day(e, a)
            where = None if day else (story or {}).get(a.id, a.id)
            groups[(root(e.code), actors(e), where)].append((day, i, e))
    out: list[dict] = []
    for items in groups.values():
        items.sort(key=lambda x: (x[0] or dt.date.max, x[1]))
        cluster: list[tuple[dt.date | None, int, Event]] = []
        for it in items:
            if cluster and not _same_time(cluster[0][0], it[0], window):
                out.append(_merged(articles, cluster))
                cluster = []
            cluster.append(it)
        if cluster:
            out.append(_merged(articles, cluster))
    out.sort(key=lambda m: (-m["num_sources"], -m["num_articles"], m["time"] or "", m["code"]))
    return out


def _same_time(first: dt.date | None, d: dt.date | None, window: int) -> bool:
    if first is None or d is None:
        return first is None and d is None
    return (d - first).days <= window


def _most(values: list) -> object:
    vals = [v for v in values if v is not None]
    return Counter(vals).most_common(1)[0][0] if vals else None


def _merged(articles: Sequence[Article], cluster: list[tuple[dt.date | None, int, Event]]) -> dict:
    evs = [e for _, _, e in cluster]
    code = _most([e.code for e in evs])
    label = _most([e.label for e in evs if e.code == code]) or evs[0].label
    src, tgt = _most([(e.source, e.target) for e in evs])  # type: ignore[misc]
    times = [e.time for e in evs if parse_day(e.time)]
    day = min((d for d, _, _ in cluster if d), default=None)
    arts = sorted({articles[i].id for _, i, _ in cluster})
    first_d, first_i, first_e = cluster[0]
    return {
        "code": code,
        "label": label,
        "source": src,
        "target": tgt,
        "location": _most([e.location for e in evs]),
        "time": (min(times)[:10] if times else iso(day)),
        "articles": arts,
        "num_articles": len(arts),
        "num_sources": len({outlet(articles[i]) for _, i, _ in cluster}),
        "num_mentions": len(evs),
        "evidence": {"article": articles[first_i].id, "trigger": first_e.trigger.text,
                     "sentence": _sentence(articles[first_i], first_e.trigger.start)},
    }
