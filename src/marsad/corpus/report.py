"""The corpus view: what a collection of articles says together.

`build_report(articles)` returns the contract's corpus JSON (../shared/contract/corpus.schema.json)
plus additions: duplicate kind (exact/near); story thread and central article; a top-level
"threads" list; event num_articles / num_sources / num_mentions and evidence; claim
qualifier, scope, num_articles / num_sources and each value's outlet and offsets; timeline
item kind, speaker and event code. Each step is a pure
function over a list of articles (dedup, stories, entities, events, claims, timeline), so a
distributed engine can run them per partition; every step is near-linear in the number of
articles (see each module's docstring for its cost).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any

from marsad.corpus import dedup, stories, tfidf
from marsad.corpus.claims import collect_claims
from marsad.corpus.entities import merge_entities
from marsad.corpus.events import merge_events
from marsad.corpus.features import Prepared, iso, parse_day, prepare
from marsad.corpus.summary import sentence_counts, summarize_all
from marsad.corpus.timeline import build_timeline
from marsad.model import CORPUS_SCHEMA, Article


def build_report(
    articles: Iterable[Article],
    timings: dict[str, float] | None = None,
    prepared: list[Prepared] | None = None,
    duplicates: list[dict] | None = None,
) -> dict[str, Any]:
    """The contract's corpus JSON for `articles` (see module docstring). If `timings` is a
    dict, the seconds spent in each step are stored in it. `prepared` (one per article, in
    order) and `duplicates` may come precomputed from a distributed engine
    (marsad.scale.dask_report); they must equal what this function would compute."""
    first: dict[str, Article] = {}
    for a in articles:
        first.setdefault(a.id, a)  # an id read twice counts once
    arts = list(first.values())
    clock = _Clock(timings)
    prep = prepared if prepared is not None and len(prepared) == len(arts) else [prepare(a) for a in arts]
    clock("tokens")
    dups = duplicates if duplicates is not None else dedup.find_duplicates(arts, prep)
    for p in prep:
        p.words = []  # only duplicates need every word: free them early
    clock("duplicates")
    model = tfidf.build([p.terms for p in prep])
    clock("tfidf")
    pos = {a.id: i for i, a in enumerate(arts)}
    dup_pairs = [(pos[d["a"]], pos[d["b"]]) for d in dups]
    found = stories.cluster(arts, model, dup_pairs)
    threads = stories.assign_threads(arts, found)
    clock("stories")
    counts = sentence_counts(prep)
    summaries = summarize_all(arts, prep, [s.members for s in found], model, counts)
    thread_by_id = {t["id"]: t for t in threads}
    story_rows = []
    for n, s in enumerate(found, 1):
        sid = f"s{n}"
        c = arts[s.central]
        start, end = iso(s.start), iso(s.end)
        if start is None:
            start, end = _event_span(arts, s.members)
        story_rows.append({
            "id": sid,
            "articles": [arts[i].id for i in s.members],
            "title": c.title or _first_line(c),
            "start": start,
            "end": end,
            "summary": summaries[n - 1],
            "thread": s.thread,
            "central": c.id,
        })
        if s.thread:
            thread_by_id[s.thread]["stories"].append(sid)
    clock("summaries")
    ents = merge_entities(arts)
    clock("entities")
    story_of = {arts[i].id: f"s{n}" for n, s in enumerate(found, 1) for i in s.members}
    evs = merge_events(arts, story_of)
    clock("events")
    thread_of = {arts[i].id: s.thread for s in found if s.thread for i in s.members}
    claims = collect_claims(arts, story_of, thread_of)
    clock("claims")
    timeline = build_timeline(arts, evs)
    clock("timeline")
    return {
        "schema": CORPUS_SCHEMA,
        "articles": [a.id for a in arts],
        "duplicates": dups,
        "stories": story_rows,
        "threads": threads,
        "entities": ents,
        "events": evs,
        "claims": claims,
        "timeline": timeline,
    }


def _first_line(a: Article) -> str:
    for s, t in a.sentences:
        return a.text[s:t][:200]
    return a.id


def _event_span(arts: list[Article], members: list[int]) -> tuple[str | None, str | None]:
    days = [d for i in members for e in arts[i].events if (d := parse_day(e.time))]
    return (iso(min(days)), iso(max(days))) if days else (None, None)


class _Clock:
    def __init__(self, out: dict[str, float] | None) -> None:
        self.out = out
        self.t = time.process_time()  # CPU seconds: the machine is shared

    def __call__(self, step: str) -> None:
        now = time.process_time()
        if self.out is not None:
            self.out[step] = round(now - self.t, 4)
        self.t = now
