"""Claims: figures from the amounts layer grouped across articles by (measure, parties,
period, unit, qualifier), each value with its article, span text and attribution; status
single / agree (within a relative tolerance) / conflict.

Per amount: its sentence by bisection, the GPEs mentioned in that sentence, the quote or
citation around it. One dict pass over all amounts: O(total amounts · entities per article)."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from marsad.corpus.features import outlet
from marsad.corpus.settings import generic_measures, measure_aliases, section
from marsad.model import Amount, Article, Entity
from marsad.text.normalize import normalize


def canonical_measure(a: Amount) -> str | None:
    """The measure claims are grouped by: the alias table's canonical name for the amount's
    measure (or measure text), else the measure as given, else None (not a claim)."""
    aliases = measure_aliases()
    for m in (a.measure, a.measure_text):
        if m:
            key = " ".join(normalize(m).lower().split())
            if key in aliases:
                return aliases[key]
    if not a.measure or a.measure.lower() in generic_measures():
        return None
    return a.measure


class _ArticleIndex:
    """Sentence bounds and GPE mentions of one article, for parties, periods and attribution."""

    def __init__(self, art: Article) -> None:
        self.art = art
        self.starts = [s for s, _ in art.sentences]
        self.gpe_count: Counter[str] = Counter()
        self.gpe_mentions: list[tuple[int, int, str]] = []
        for e in art.entities:
            if e.type == "GPE":
                self.gpe_count[_party(e)] += len(e.mentions)
                self.gpe_mentions.extend((m.start, m.end, _party(e)) for m in e.mentions)

    def sentence(self, offset: int) -> tuple[int, int]:
        k = bisect_right(self.starts, offset) - 1
        if k >= 0 and offset < self.art.sentences[k][1]:
            return self.art.sentences[k]
        return (offset, offset)

    def parties(self, start: int, end: int) -> list[str]:
        """GPEs of the amount's sentence (the two most mentioned in the article), else the
        article's two most mentioned GPEs."""
        s, t = self.sentence(start)
        local = {p for a, b, p in self.gpe_mentions if a < t and b > s}
        pool = local or set(self.gpe_count)
        ranked = sorted(pool, key=lambda p: (-self.gpe_count[p], p))[:2]
        return sorted(ranked)

    def period(self, a: Amount) -> str | None:
        """The amount's period as the amounts layer found it (a sentence's year is not enough:
        a death toll in a sentence about 2015 is not the toll of 2015)."""
        return a.period or None

    def attribution(self, a: Amount) -> str | None:
        """Speaker of a quote containing the amount, else the source of a citation in its
        sentence, else None."""
        for q in self.art.quotes:
            if q.start <= a.start and a.end <= q.end and q.speaker:
                return q.speaker
        s, t = self.sentence(a.start)
        for c in self.art.citations:
            if c.source and s <= c.start < t:
                return c.source
        return None


def _party(e: Entity) -> str:
    return e.id


def collect_claims(articles: Sequence[Article], story: Mapping[str, str] | None = None,
                   thread: Mapping[str, str] | None = None) -> list[dict]:
    """Claims, conflicts first, then agreements, then single reports.

    Figures with a period are compared across the whole corpus. A figure without a period (a
    death toll, "90 % of trade") is only comparable with figures about the same happening:
    `story` maps article ids to story ids and such figures are grouped per story; groups of
    one thread (`thread`: article id -> thread id) are then joined when their values all
    agree, so the same share repeated over months corroborates, while different tolls of
    different days never make a conflict."""
    tol = float(section("claims")["tolerance"])
    groups: dict[tuple, list[dict]] = defaultdict(list)
    seen: set[tuple] = set()
    for art in articles:
        if not art.amounts:
            continue
        idx = _ArticleIndex(art)
        for a in art.amounts:
            measure = canonical_measure(a)
            if not measure:
                continue
            period = idx.period(a)
            where = story.get(art.id) if story is not None and period is None else None
            key = (measure, tuple(idx.parties(a.start, a.end)), period, a.unit, a.qualifier, where)
            if (key, art.id, a.value) in seen:
                continue
            seen.add((key, art.id, a.value))
            groups[key].append({"value": a.value, "article": art.id, "text": a.text,
                                "attributed_to": idx.attribution(a), "outlet": outlet(art),
                                "start": a.start, "end": a.end})
    groups = _split_doubtful(groups, tol, float(section("claims")["max_ratio"]))
    if thread:
        groups = _join_agreeing(groups, story or {}, thread, tol)
    out = []
    for (measure, parties, period, unit, qualifier, where, _), values in groups.items():
        out.append({"measure": measure, "parties": list(parties), "period": period, "unit": unit,
                    "qualifier": qualifier, "scope": where, "values": values, "status": status(values, tol),
                    "num_articles": len({v["article"] for v in values}),
                    "num_sources": len({v["outlet"] for v in values})})
    rank = {"conflict": 0, "agree": 1, "single": 2}
    out.sort(key=lambda c: (rank[c["status"]], -c["num_articles"], c["measure"], c["period"] or ""))
    return out


def _split_doubtful(groups: dict[tuple, list[dict]], tol: float, max_ratio: float) -> dict[tuple, list[dict]]:
    """Values that disagree by more than `max_ratio` are figures of different things (a drop
    of 48 dollars and a price of 1,144 dollars); a disagreement is only a conflict about named
    parties (not "growth" of nobody knows what) and, without a period, between different
    outlets (not one outlet's successive updates): other disagreeing groups are split into
    single reports of their articles. O(total values)."""
    out: dict[tuple, list[dict]] = {}
    for key, values in groups.items():
        period, parties = key[2], key[1]
        nums = [abs(float(v["value"])) for v in values]
        doubtful = not parties or (period is None and len({v["outlet"] for v in values}) < 2)
        doubtful = doubtful or max(nums) > max_ratio * max(min(nums), 1e-12)
        if doubtful and status(values, tol) == "conflict":
            for v in values:
                out.setdefault(key + (v["article"],), []).append(v)
        else:
            out[key + (None,)] = values
    return out


def _join_agreeing(groups: dict[tuple, list[dict]], story: Mapping[str, str], thread: Mapping[str, str],
                   tol: float) -> dict[tuple, list[dict]]:
    """Join per-story groups of period-less figures of one thread whose values all agree.
    O(G log G) for G groups."""
    by_thread: dict[tuple, list[tuple]] = defaultdict(list)
    for key, values in groups.items():
        t = thread.get(values[0]["article"]) if key[5] is not None and key[6] is None else None
        if t and status(values, tol) != "conflict":
            by_thread[key[:5] + (t, None)].append(key)
    for tkey, keys in by_thread.items():
        if len(keys) < 2:
            continue
        merged = [v for k in keys for v in groups[k]]
        if _close([float(v["value"]) for v in merged], tol):
            for k in keys:
                del groups[k]
            groups[tkey] = merged
    return groups


def _close(nums: Sequence[float], tol: float) -> bool:
    lo, hi = min(nums), max(nums)
    return hi - lo <= tol * max(abs(lo), abs(hi))


def status(values: Sequence[dict], tol: float) -> str:
    """single: one article; agree: every value within `tol` (relative) of every other;
    conflict: two articles disagree beyond it. An article giving several different values
    for one key (a target beside a result, two indices) is ambiguous and does not vote."""
    by_article: dict[str, list[float]] = defaultdict(list)
    for v in values:
        by_article[v["article"]].append(float(v["value"]))
    clean = [vals[0] for vals in by_article.values() if _close(vals, tol)]
    if len(clean) < 2:
        return "single"
    return "agree" if _close(clean, tol) else "conflict"
