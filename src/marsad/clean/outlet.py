"""Lines that repeat across many articles of one outlet (bylines, agency tags, site furniture).

Counted in a pre-pass over (a sample of) the input: per outlet, how many articles contain each
short normalised line. Memory is bounded by sampling at most SAMPLE articles per outlet.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from marsad.clean.boilerplate import norm_lines
from marsad.ingest.rawdoc import RawDoc

SAMPLE = 3000  # articles per outlet looked at
MIN_ARTICLES = 5  # a line must appear in at least this many articles of the outlet
MIN_SHARE = 0.02  # ... and in at least this share of the outlet's sampled articles
MAX_WORDS = 25  # longer lines are content even when repeated (wire copy)


def outlet_key(doc: RawDoc) -> str | None:
    return doc.outlet


def common_lines(docs: Iterable[RawDoc]) -> dict[str, frozenset[str]]:
    """outlet -> the normalised lines that count as that outlet's boilerplate."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    seen: Counter[str] = Counter()
    for doc in docs:
        key = outlet_key(doc)
        if key is None or seen[key] >= SAMPLE:
            continue
        body = doc.text if doc.text is not None else None
        if body is None:
            continue  # HTML pages are cleaned by trafilatura; their furniture is gone already
        seen[key] += 1
        short = [x for x in body.split("\n") if x.strip() and x.strip().count(" ") < MAX_WORDS + 5]
        lines = set(norm_lines("\n".join(short))) if short else set()
        counts[key].update(n for n in lines if n and len(n.split()) <= MAX_WORDS)
    out: dict[str, frozenset[str]] = {}
    for key, c in counts.items():
        need = max(MIN_ARTICLES, MIN_SHARE * seen[key])
        common = frozenset(line for line, n in c.items() if n >= need)
        if common:
            out[key] = common
    return out
