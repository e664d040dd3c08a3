"""Exact and near-duplicate articles (the same wire story republished by several sites).

Exact: SHA-1 of the normalised word sequence, grouped in a dict: O(total text).
Near: MinHash signatures over word shingles, computed with numpy (stable crc32 word hashes,
multiply-shift permutations), then LSH banding into hash buckets: O(total words · num_perm)
to sign, O(N · bands) to bucket; only articles sharing a bucket are compared, and each
candidate pair is verified on its estimated Jaccard similarity. Never all pairs.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from marsad.corpus.features import Prepared, lexer, prepare
from marsad.corpus.settings import section
from marsad.model import Article

_MASK = np.uint64(0xFFFFFFFFFFFFFFFF)
_BASE = np.uint64(1099511628211)  # FNV prime: mixes word hashes into a shingle hash


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


def exact_groups(prepared: Sequence[Prepared]) -> list[list[int]]:
    """Indices of articles with the same normalised text, groups of two or more. O(total text)."""
    groups: dict[bytes, list[int]] = defaultdict(list)
    for i, p in enumerate(prepared):
        ws = p.words
        if ws:
            groups[hashlib.sha1(" ".join(ws).encode()).digest()].append(i)
    return [g for g in groups.values() if len(g) > 1]


def find_duplicates(articles: Sequence[Article], prepared: Sequence[Prepared] | None = None) -> list[dict]:
    """Pairs {a, b, similarity, kind} of exact ("exact", similarity 1.0) and near duplicates.

    Exact groups give (first, other) pairs: O(N). Near duplicates: MinHash + LSH, see module
    docstring; buckets larger than 50 are paired with their first member only, so the number
    of candidate pairs stays O(N · bands · 50) even on boilerplate-only texts.
    """
    cfg = section("duplicates")
    k, num_perm, bands = int(cfg["shingle"]), int(cfg["num_perm"]), int(cfg["bands"])
    thr, min_words = float(cfg["threshold"]), int(cfg["min_words"])
    prepared = prepared if prepared is not None else [prepare(a) for a in articles]
    out: list[dict] = []
    same: dict[int, int] = {}
    for g in exact_groups(prepared):
        for j in g[1:]:
            same[j] = g[0]
            out.append({"a": articles[g[0]].id, "b": articles[j].id, "similarity": 1.0, "kind": "exact"})
    a_, b_ = _perms(num_perm)
    rows = num_perm // bands
    sigs: dict[int, np.ndarray] = {}
    buckets: dict[tuple[int, bytes], list[int]] = defaultdict(list)
    for i, p in enumerate(prepared):
        if i in same:
            continue
        ws = p.words
        if len(ws) < min_words:
            continue
        sig = signature(shingle_hashes(ws, k), a_, b_)
        sigs[i] = sig
        for band in range(bands):
            buckets[(band, sig[band * rows:(band + 1) * rows].tobytes())].append(i)
    seen: set[tuple[int, int]] = set()
    for members in buckets.values():
        if len(members) < 2:
            continue
        pairs = ((x, y) for n, x in enumerate(members) for y in members[n + 1:]) if len(members) <= 50 \
            else ((members[0], y) for y in members[1:])
        for x, y in pairs:
            if (x, y) in seen:
                continue
            seen.add((x, y))
            sim = float(np.mean(sigs[x] == sigs[y]))
            if sim >= thr:
                out.append({"a": articles[x].id, "b": articles[y].id, "similarity": round(sim, 3), "kind": "near"})
    return out
