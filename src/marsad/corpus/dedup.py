"""Exact and near-duplicate articles (the same wire story republished by several sites).

Exact: SHA-1 of the normalised word sequence, grouped in a dict: O(total text).
Near: MinHash signatures over word shingles, computed with numpy (stable crc32 word hashes,
multiply-shift permutations), then LSH banding into hash buckets: O(total words · num_perm)
to sign, O(N · bands) to bucket; only articles sharing a bucket are compared, and each
candidate pair is verified on its estimated Jaccard similarity. Never all pairs.
"""

from __future__ import annotations

import functools
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from marsad.corpus.features import Prepared, lexer, prepare
from marsad.corpus.settings import section
from marsad.model import Article

_MASK = np.uint64(0xFFFFFFFFFFFFFFFF)
_BASE = np.uint64(1099511628211)  # FNV prime: mixes word hashes into a shingle hash


@functools.cache
def _perms(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(20240516)
    a = rng.integers(1, 2**63, size=num_perm, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 2**63, size=num_perm, dtype=np.uint64)
    return a[:, None], b[:, None]


def shingle_hashes(ws: list[str], k: int) -> np.ndarray:
    """Distinct 64-bit hashes of the k-word shingles of `ws`. O(len(ws))."""
    h = lexer().word_hashes(ws)
    n = len(ws) - k + 1
    if n <= 0:
        return h[:0]
    with np.errstate(over="ignore"):
        out = h[:n].copy()
        for j in range(1, k):
            out = out * _BASE + h[j:j + n]
    return np.unique(out)


def signature(shingles: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """MinHash signature: for each permutation x -> (a·x + b) mod 2^64 >> 32, the minimum."""
    with np.errstate(over="ignore"):
        return ((a * shingles[None, :] + b) >> np.uint64(32)).min(axis=1)


@dataclass(frozen=True, slots=True)
class DupKeys:
    """What duplicate detection needs of one article, computable per article (per partition):
    the hash of its normalised text and, for long enough texts, its MinHash signature."""

    exact: bytes | None
    sig: np.ndarray | None


def _config() -> tuple[int, int, int, float, int]:
    cfg = section("duplicates")
    return int(cfg["shingle"]), int(cfg["num_perm"]), int(cfg["bands"]), float(cfg["threshold"]), int(cfg["min_words"])


def dup_keys(p: Prepared) -> DupKeys:
    """Per-article keys: O(words · num_perm)."""
    k, num_perm, _bands, _thr, min_words = _config()
    ws = p.words
    exact = hashlib.sha1(" ".join(ws).encode()).digest() if ws else None
    sig = None
    if len(ws) >= min_words:
        a_, b_ = _perms(num_perm)
        sig = signature(shingle_hashes(ws, k), a_, b_)
    return DupKeys(exact, sig)


def band_keys(sig: np.ndarray) -> list[tuple[int, bytes]]:
    """The LSH bucket keys of a signature, one per band."""
    _k, num_perm, bands, _thr, _mw = _config()
    rows = num_perm // bands
    return [(band, sig[band * rows:(band + 1) * rows].tobytes()) for band in range(bands)]


def bucket_pairs(members: Sequence[int], sigs: Mapping[int, np.ndarray]) -> list[tuple[int, int, float]]:
    """Verified (x, y, similarity) pairs of one LSH bucket (members in ascending order).
    Buckets larger than 50 are paired with their first member only."""
    thr = _config()[3]
    if len(members) < 2:
        return []
    pairs = ((x, y) for n, x in enumerate(members) for y in members[n + 1:]) if len(members) <= 50 \
        else ((members[0], y) for y in members[1:])
    out = []
    for x, y in pairs:
        sim = float(np.mean(sigs[x] == sigs[y]))
        if sim >= thr:
            out.append((x, y, round(sim, 3)))
    return out


def exact_pairs(keys: Sequence[DupKeys]) -> tuple[list[tuple[int, int]], set[int]]:
    """(first, other) pairs of articles with the same normalised text, and the set of
    'others' (left out of near-duplicate search). O(N)."""
    groups: dict[bytes, list[int]] = defaultdict(list)
    for i, dk in enumerate(keys):
        if dk.exact is not None:
            groups[dk.exact].append(i)
    pairs = [(g[0], j) for g in groups.values() if len(g) > 1 for j in g[1:]]
    return pairs, {j for _, j in pairs}


def assemble(articles: Sequence[Article], exact: list[tuple[int, int]], near: Iterable[tuple[int, int, float]]) -> list[dict]:
    """The output rows in a canonical order (exact first, then near, by article position), so
    that every engine gives the same list."""
    out = [{"a": articles[x].id, "b": articles[y].id, "similarity": 1.0, "kind": "exact"} for x, y in sorted(exact)]
    out += [{"a": articles[x].id, "b": articles[y].id, "similarity": sim, "kind": "near"}
            for x, y, sim in sorted(set(near))]
    return out


def find_duplicates(articles: Sequence[Article], prepared: Sequence[Prepared] | None = None) -> list[dict]:
    """Pairs {a, b, similarity, kind} of exact ("exact", similarity 1.0) and near duplicates.

    Exact groups give (first, other) pairs: O(N). Near duplicates: MinHash + LSH, see module
    docstring; the number of candidate pairs stays O(N · bands · 50) even on boilerplate-only
    texts. marsad.scale.dask_report runs the same steps as a Dask shuffle on band keys.
    """
    prepared = prepared if prepared is not None else [prepare(a) for a in articles]
    keys = [dup_keys(p) for p in prepared]
    exact, same = exact_pairs(keys)
    sigs = {i: dk.sig for i, dk in enumerate(keys) if dk.sig is not None and i not in same}
    buckets: dict[tuple[int, bytes], list[int]] = defaultdict(list)
    for i, sig in sigs.items():
        for key in band_keys(sig):
            buckets[key].append(i)
    near = [pair for members in buckets.values() for pair in bucket_pairs(members, sigs)]
    return assemble(articles, exact, near)
