"""`marsad report --engine dask`: the per-article and pairwise parts of the corpus view on Dask.

- per article, in parallel partitions: tokenising (features.prepare) and duplicate keys
  (exact text hash, MinHash signature): O(total words · num_perm) spread over the workers;
- near duplicates by LSH blocking as a Dask shuffle: every signature is emitted once per band
  under its band key, `groupby` brings each bucket together on one worker, which verifies the
  bucket's pairs (dedup.bucket_pairs); only the verified pairs come back to the client;
- the steps that read the whole collection after that (TF-IDF, story linking over an inverted
  index, entities, events, claims, timeline) are near-linear and run on the client with the
  precomputed features (report.build_report).
The result equals `build_report(articles)` exactly (a test checks it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from marsad.corpus import dedup
from marsad.corpus.features import prepare
from marsad.corpus.report import build_report
from marsad.model import Article

PARTITION = 500


def _features(batch: list[tuple[int, Article]]) -> list[tuple[int, Any, dedup.DupKeys]]:
    out = []
    for i, a in batch:
        p = prepare(a)
        out.append((i, p, dedup.dup_keys(p)))
    return out


def _band_items(item: tuple[int, Any, dedup.DupKeys], skip: frozenset[int]) -> list[tuple[tuple[int, bytes], tuple[int, Any]]]:
    i, _p, dk = item
    if dk.sig is None or i in skip:
        return []
    return [(key, (i, dk.sig)) for key in dedup.band_keys(dk.sig)]


def _verify(group: tuple[tuple[int, bytes], list[tuple[int, Any]]]) -> list[tuple[int, int, float]]:
    _key, members = group
    members = sorted(members, key=lambda m: m[0])
    return dedup.bucket_pairs([i for i, _ in members], dict(members))


def build_report_dask(articles: Sequence[Article], client: Any, timings: dict[str, float] | None = None) -> dict[str, Any]:
    import dask.bag as db

    first: dict[str, Article] = {}
    for a in articles:
        first.setdefault(a.id, a)
    arts = list(first.values())
    bag = db.from_sequence(list(enumerate(arts)), partition_size=PARTITION)
    feats = client.persist(bag.map_partitions(_features))
    keys = feats.map(lambda t: (t[0], t[2].exact)).compute()
    exact, same = dedup.exact_pairs([dedup.DupKeys(e, None) for _, e in sorted(keys)])
    near = (
        feats.map(_band_items, frozenset(same)).flatten()
        .groupby(lambda kv: kv[0], shuffle="tasks")
        .map(lambda g: _verify((g[0], [v for _, v in g[1]])))
        .flatten()
        .compute()
    )
    dups = dedup.assemble(arts, exact, near)
    prepared = [p for _, p in sorted(feats.map(lambda t: (t[0], t[1])).compute(), key=lambda t: t[0])]
    return build_report(arts, timings, prepared=prepared, duplicates=dups)
