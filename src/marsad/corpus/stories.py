"""Stories (articles reporting the same happening) and threads (stories of one longer topic).

Steps and their cost for N articles:
1. blocking: an inverted index from each article's top TF-IDF terms, named-entity ids and
   event keys to articles; index entries shared by more than `max_posting` articles are
   skipped and, within an entry, only articles published within `window_days` of each other
   are paired (sorted by date, two pointers). O(N · keys · max_posting) in the worst case,
   O(N · keys) on news where most keys are rare.
2. scoring: TF-IDF cosine of each candidate pair (sparse row products) plus a bonus for
   shared entities and events. O(candidates · row length).
3. linking: candidate pairs sorted by score are united (union-find) unless the merged story
   would span more than `max_span_days`, or, when both sides already hold several articles,
   fewer than `min_link_fraction` of the pairs across them are links (an approximation of
   average linkage that stops chains). Duplicates are always united.
   O(candidates · log candidates + unions · story size · degree).
4. threads: stories grouped by their main entity pair, chained in time when themes overlap.
   O(S log S) for S stories.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from marsad.corpus.events import event_day, event_key
from marsad.corpus.features import iso, published_day, span_days
from marsad.corpus.settings import section
from marsad.corpus.tfidf import Tfidf, pair_cosine
from marsad.model import Article

_LINK_TYPES = frozenset({"PER", "ORG", "GPE", "LOC", "FAC", "EVENT"})
_PAIR_TYPES = ("GPE", "PER", "ORG")


@dataclass
class Story:
    members: list[int]
    start: dt.date | None = None
    end: dt.date | None = None
    central: int = 0
    thread: str | None = None
    extra: dict = field(default_factory=dict)


class _UnionFind:
    def __init__(self, days: Sequence[dt.date | None]) -> None:
        self.parent = list(range(len(days)))
        self.lo = list(days)
        self.hi = list(days)

    def find(self, x: int) -> int:
        p = self.parent
        while p[x] != x:
            p[x] = p[p[x]]
            x = p[x]
        return x

    def union(self, x: int, y: int, max_span: int) -> bool:
        rx, ry = self.find(x), self.find(y)
        if rx == ry:
            return False
        lo = [d for d in (self.lo[rx], self.lo[ry]) if d]
        hi = [d for d in (self.hi[rx], self.hi[ry]) if d]
        if lo and (max(hi) - min(lo)).days > max_span:
            return False
        self.parent[ry] = rx
        self.lo[rx] = min(lo) if lo else None
        self.hi[rx] = max(hi) if hi else None
        return True


def entity_ids(a: Article) -> set[str]:
    return {e.id for e in a.entities if e.type in _LINK_TYPES}


def dated_event_keys(a: Article) -> dict[str, list[dt.date]]:
    """Specific events of an article (see events.event_keys) with the days they happen on."""
    out: dict[str, list[dt.date]] = defaultdict(list)
    for e in a.events:
        key = event_key(e)
        day = event_day(e, a)
        if key and day:
            out[key].append(day)
    return out


def _same_event(a: dict[str, list[dt.date]], b: dict[str, list[dt.date]], window: int) -> bool:
    """Do two articles report one specific event (same key, days within `window`)?"""
    for k in a.keys() & b.keys():
        if any(abs((x - y).days) <= window for x in a[k] for y in b[k]):
            return True
    return False


def entity_matrix(articles: Sequence[Article]) -> sp.csr_matrix:
    """Per article (row), its named entities weighted (1 + log mentions) x IDF over the corpus,
    rows L2-normalised: sharing a rarely reported person counts more than sharing a big
    country. O(total entities)."""
    ids: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for r, a in enumerate(articles):
        for e in a.entities:
            if e.type in _LINK_TYPES:
                rows.append(r)
                cols.append(ids.setdefault(e.id, len(ids)))
                vals.append(1.0 + math.log(max(len(e.mentions), 1)))
    n, v = len(articles), max(len(ids), 1)
    m = sp.csr_matrix((np.asarray(vals), (np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64))),
                      shape=(n, v))
    m.sum_duplicates()
    df = np.bincount(m.indices, minlength=v)
    m.data *= (np.log((n + 1) / (df + 1)) + 1.0)[m.indices]
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ m)


def candidate_pairs(keys: Sequence[Sequence[str]], days: Sequence[dt.date | None], window: int,
                    max_posting: int) -> Counter[tuple[int, int]]:
    """(i, j) -> number of blocking keys the two articles share, for articles within `window`
    days of each other (or where either is undated). See module docstring for the cost."""
    left, right, counts = candidate_arrays(keys, days, window, max_posting)
    return Counter(dict(zip(zip(left.tolist(), right.tolist(), strict=True), counts.tolist(), strict=True)))


def candidate_arrays(keys: Sequence[Sequence[str]], days: Sequence[dt.date | None], window: int,
                     max_posting: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Vectorised blocking: arrays (i, j, shared keys) with i < j. Each index entry (posting)
    is sorted by date and paired by a binary search for its window, in numpy."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, ks in enumerate(keys):
        for k in set(ks):
            index[k].append(i)
    n = len(keys)
    far = np.int64(10**9)
    ords = np.asarray([d.toordinal() if d else far for d in days], dtype=np.int64)
    chunks: list[np.ndarray] = []
    for posting in index.values():
        if len(posting) < 2 or len(posting) > max_posting:
            continue
        p = np.asarray(posting, dtype=np.int64)
        o = ords[p]
        order = np.argsort(o, kind="stable")
        p, o = p[order], o[order]
        lo = np.searchsorted(o, o - window, side="left")
        lo[o == far] = 0  # an undated article is compared with every other
        cnt = np.arange(len(p)) - lo
        total = int(cnt.sum())
        if total == 0:
            continue
        right = np.repeat(np.arange(len(p)), cnt)
        starts = np.repeat(np.cumsum(cnt) - cnt, cnt)
        left = np.arange(total) - starts + np.repeat(lo, cnt)
        a, b = p[left], p[right]
        chunks.append(np.minimum(a, b) * n + np.maximum(a, b))
    if not chunks:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    uniq, counts = np.unique(np.concatenate(chunks), return_counts=True)
    return uniq // n, uniq % n, counts


def scored_pairs(articles: Sequence[Article], tfidf: Tfidf) -> list[tuple[float, int, int, float, float, bool]]:
    """Candidate pairs from blocking with their score and its parts:
    (score, i, j, text cosine, entity cosine, shared event). Steps 1-2 of the module docstring."""
    score, left, right, cos, ecos, same_ev = score_arrays(articles, tfidf)
    return list(zip(score.tolist(), left.tolist(), right.tolist(), cos.tolist(), ecos.tolist(), same_ev.tolist(),
                    strict=True))


def score_arrays(articles: Sequence[Article], tfidf: Tfidf) -> tuple[np.ndarray, ...]:
    """`scored_pairs` as numpy arrays (score, i, j, text cosine, entity cosine, shared event)."""
    cfg = section("stories")
    days = [published_day(a) for a in articles]
    tops = tfidf.top_terms(int(cfg["top_terms"]))
    ents = [entity_ids(a) for a in articles]
    evs = [dated_event_keys(a) for a in articles]
    keys = [[f"t{t}" for t in tops[i]] + [f"e{e}" for e in ents[i]] + [f"v{k}" for k in evs[i]]
            for i in range(len(articles))]
    window = int(cfg["window_days"])
    left, right, shared = candidate_arrays(keys, days, window, int(cfg["max_posting"]))
    keep = shared >= int(cfg["min_shared"])
    left, right = left[keep], right[keep]
    cos = pair_cosine(tfidf.matrix, left, right)
    ecos = pair_cosine(entity_matrix(articles), left, right)
    ew, vw = float(cfg["entity_weight"]), float(cfg["event_weight"])
    has_ev = np.asarray([bool(e) for e in evs], dtype=bool)
    same_ev = np.zeros(len(left), dtype=bool)
    for k in np.flatnonzero(has_ev[left] & has_ev[right]).tolist():
        same_ev[k] = _same_event(evs[int(left[k])], evs[int(right[k])], window)
    score = cos + ew * ecos + vw * same_ev
    return score, left, right, cos, ecos, same_ev


def cluster(articles: Sequence[Article], tfidf: Tfidf, duplicates: Sequence[tuple[int, int]] = ()) -> list[Story]:
    """Every article in exactly one story (see module docstring for the steps and costs)."""
    cfg = section("stories")
    max_span = int(cfg["max_span_days"])
    link, link_undated = float(cfg["link"]), float(cfg["link_undated"])
    days = [published_day(a) for a in articles]
    figs = [frozenset(round(x.value, 6) for x in a.amounts) for a in articles]
    score, left, right, *_ = score_arrays(articles, tfidf)
    dated = np.asarray([d is not None for d in days], dtype=bool)
    strong = score >= link_undated
    keep = np.flatnonzero(((score >= link) & dated[left] & dated[right]) | strong)
    scored = [(sc, i, j) for sc, i, j, st in zip(score[keep].tolist(), left[keep].tolist(), right[keep].tolist(),
                                                 strong[keep].tolist(), strict=True)
              if (days[i] and days[j] and sc >= link) or (st and _same_figures(figs[i], figs[j]))]
    adj: dict[int, set[int]] = defaultdict(set)
    for _, i, j in scored:
        adj[i].add(j)
        adj[j].add(i)
    scored += [(2.0, i, j) for i, j in duplicates]
    scored.sort(reverse=True)
    frac = float(cfg["min_link_fraction"])
    uf = _UnionFind(days)
    members: dict[int, list[int]] = {i: [i] for i in range(len(articles))}
    for score, i, j in scored:
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj:
            continue
        a, b = members[ri], members[rj]
        if score < 2.0 and len(a) * len(b) > 1:
            small, other = (a, set(b)) if len(a) <= len(b) else (b, set(a))
            cross = sum(len(adj[x] & other) for x in small)
            if cross < frac * len(a) * len(b):
                continue  # a weak bridge between two groups: average linkage says no
        if uf.union(i, j, max_span):
            root = uf.find(i)
            merged = a + b
            del members[ri], members[rj]
            members[root] = merged
    groups = {r: sorted(m) for r, m in members.items()}
    stories = []
    for group in groups.values():
        start, end = span_days(days[i] for i in group)
        by_date = sorted(group, key=lambda i: (days[i] or dt.date.max, i))  # ties go to the first report
        stories.append(Story(members=group, start=start, end=end, central=central(tfidf, by_date)))
    stories.sort(key=lambda s: (-len(s.members), -(s.start.toordinal() if s.start else 0), s.members[0]))
    return stories


def _same_figures(a: frozenset[float], b: frozenset[float]) -> bool:
    """Without dates, two look-alike articles (a weekly market report and the next one) are
    one happening only if they give mostly the same figures (when both give several)."""
    if len(a) < 2 or len(b) < 2:
        return True
    return len(a & b) >= 0.5 * min(len(a), len(b))


def central(tfidf: Tfidf, members: Sequence[int]) -> int:
    """The member closest to the story's TF-IDF centroid. O(members² · row length) for one
    story; stories are small (bounded by the time window), so O(N · story size) overall."""
    if len(members) == 1:
        return members[0]
    rows = tfidf.matrix[list(members)]
    sims = np.asarray((rows @ rows.T).sum(axis=1)).ravel()  # row . sum of rows, sparse
    return members[int(np.argmax(np.round(sims, 9)))]


def main_pair(articles: Sequence[Article], members: Sequence[int]) -> tuple[str, ...]:
    """The two entities a story centres on: its two most mentioned GPEs, else its two most
    mentioned people, organisations or places."""
    by_type: dict[str, Counter[str]] = defaultdict(Counter)
    for i in members:
        for e in articles[i].entities:
            if e.type in _PAIR_TYPES:
                by_type[e.type][e.id] += len(e.mentions) or 1
    gpe = [e for e, _ in by_type["GPE"].most_common(2)]
    if len(gpe) == 2:
        return tuple(sorted(gpe))
    allc: Counter[str] = Counter()
    for c in by_type.values():
        allc.update(c)
    top = [e for e, _ in allc.most_common(2)]
    return tuple(sorted(top)) if len(top) == 2 else ()


def main_themes(articles: Sequence[Article], members: Sequence[int], k: int = 5) -> set[str]:
    c: Counter[str] = Counter()
    for i in members:
        for t in articles[i].themes:
            c[t.code] += t.score
    return {t for t, _ in c.most_common(k)}


def assign_threads(articles: Sequence[Article], stories: Sequence[Story]) -> list[dict]:
    """Link stories of one longer-running topic: same main entity pair, themes overlapping
    (when both have themes), consecutive stories at most `max_gap_days` apart. Sets
    `Story.thread` and returns the threads of two or more stories. O(S log S)."""
    gap = int(section("threads")["max_gap_days"])
    by_pair: dict[tuple[str, ...], list[Story]] = defaultdict(list)
    for s in stories:
        pair = main_pair(articles, s.members)
        if pair:
            by_pair[pair].append(s)
    threads: list[dict] = []
    for pair, group in by_pair.items():
        if len(group) < 2:
            continue
        group = sorted(group, key=lambda s: s.start or dt.date.min)
        chains: list[dict] = []
        for s in group:
            themes = main_themes(articles, s.members)
            for ch in reversed(chains):
                near = s.start is None or ch["last"] is None or (s.start - ch["last"]).days <= gap
                if near and (not themes or not ch["themes"] or themes & ch["themes"]):
                    ch["stories"].append(s)
                    ch["themes"] |= themes
                    ch["last"] = s.end or ch["last"]
                    break
            else:
                chains.append({"stories": [s], "themes": set(themes), "last": s.end})
        for ch in chains:
            chain = ch["stories"]
            if len(chain) < 2:
                continue
            tid = f"t{len(threads) + 1}"
            for s in chain:
                s.thread = tid
            ends = [s.end for s in chain if s.end]
            threads.append({"id": tid, "entities": list(pair), "themes": sorted(ch["themes"]),
                            "stories": [], "start": iso(chain[0].start), "end": iso(max(ends) if ends else None)})
    return threads
