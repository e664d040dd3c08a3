"""Entities across articles, merged by id (Wikidata ids) or, for project ids that are not
linked to Wikidata, by type and normalised name. One dict pass: O(total mentions)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from marsad.model import Article, Entity
from marsad.text.normalize import normalize


def merge_key(e: Entity) -> str:
    """Wikidata-linked entities merge by id; others by type + normalised name."""
    if e.id.startswith("wd:"):
        return e.id
    return f"{e.type}:{' '.join(normalize(e.name).split())}"


def merge_entities(articles: Sequence[Article], max_variants: int = 25) -> list[dict]:
    """One record per merged entity: id, type, name, name_en, variants (mention texts, most
    frequent first), articles (count), mentions (count); most reported first."""
    ids: dict[str, Counter[str]] = defaultdict(Counter)
    types: dict[str, Counter[str]] = defaultdict(Counter)
    names: dict[str, Counter[str]] = defaultdict(Counter)
    names_en: dict[str, Counter[str]] = defaultdict(Counter)
    variants: dict[str, Counter[str]] = defaultdict(Counter)
    arts: dict[str, set[str]] = defaultdict(set)
    mentions: Counter[str] = Counter()
    keys: dict[tuple[str, str, str], str] = {}
    for a in articles:
        for e in a.entities:
            k = keys.get((e.id, e.type, e.name))
            if k is None:
                k = keys[(e.id, e.type, e.name)] = merge_key(e)
            ids[k][e.id] += 1
            types[k][e.type] += 1
            names[k][e.name] += 1
            if e.name_en:
                names_en[k][e.name_en] += 1
            arts[k].add(a.id)
            mentions[k] += len(e.mentions)
            variants[k].update(m.text for m in e.mentions)
    out = []
    for k in arts:
        out.append({
            "id": ids[k].most_common(1)[0][0],
            "type": types[k].most_common(1)[0][0],
            "name": names[k].most_common(1)[0][0],
            "name_en": names_en[k].most_common(1)[0][0] if names_en[k] else None,
            "variants": _variants(variants[k], max_variants),
            "articles": len(arts[k]),
            "mentions": mentions[k],
        })
    out.sort(key=lambda r: (-r["articles"], -r["mentions"], r["name"]))
    return out


def _variants(c: Counter[str], k: int) -> list[str]:
    """The k most frequent mention texts, whitespace-collapsed, without repeats."""
    out: dict[str, None] = {}
    for v, _ in c.most_common():
        out.setdefault(" ".join(v.split()), None)
        if len(out) >= k:
            break
    return list(out)
