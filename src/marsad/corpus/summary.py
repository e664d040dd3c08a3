"""Extractive story summaries: 2-5 sentences copied verbatim from the story's articles.

Sentences are scored by TF-IDF cosine to the story centroid plus a small lead bonus (news
puts the gist first), then picked by MMR (maximal marginal relevance) so no two say the same
thing. Boilerplate-like lines are skipped: too short, mostly Latin script, part of the title,
or repeated in articles outside the story. Only the first sentences of each article are
candidates. Cost per story: O(candidates · terms) to score, O(k · candidates) for MMR with
k <= 5; over the corpus O(total text).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

from marsad.corpus.features import Prepared
from marsad.corpus.settings import section
from marsad.corpus.tfidf import Tfidf, transform
from marsad.model import Article

_LATIN = re.compile(r"[A-Za-z]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_POOL = 15  # most central candidates considered by MMR


def sentence_counts(prepared: Sequence[Prepared]) -> Counter[str]:
    """In how many articles each (normalised) sentence occurs. O(total sentences)."""
    c: Counter[str] = Counter()
    for p in prepared:
        c.update(set(p.sent_keys))
    return c


def _plausible(text: str, key: str, title_key: str, cfg: dict) -> bool:
    if len(text) < cfg["min_chars"] or len(text) > cfg["max_chars"]:
        return False
    return key.count(" ") + 1 >= cfg["min_words"] and key not in title_key and not (title_key and title_key in key)


def _arabic(text: str) -> bool:
    return len(_LATIN.findall(text)) * 3 < len(_ARABIC.findall(text))


def sentence_matrix(tfidf: Tfidf, prepared: Sequence[Prepared]) -> tuple[sp.csr_matrix, list[int]]:
    """TF-IDF rows of every article's candidate sentences, and each article's first row."""
    offsets, n = [], 0
    for p in prepared:
        offsets.append(n)
        n += len(p.sent_terms)
    return transform(tfidf, [t for p in prepared for t in p.sent_terms]), offsets


def summarize_all(articles: Sequence[Article], prepared: Sequence[Prepared], stories: Sequence[Sequence[int]],
                  tfidf: Tfidf, counts: Counter[str] | None = None) -> list[list[str]]:
    """The summary of every story (lists of member indices). Relevance of the sentences of
    one-article stories is computed in one vectorised pass (sentence row . article row);
    stories of several articles use their centroid. O(total candidate sentences)."""
    cfg = section("summary")
    matrix, offsets = sentence_matrix(tfidf, prepared)
    single = [m[0] for m in stories if len(m) == 1]
    rel_single: dict[int, np.ndarray] = {}
    if single:
        rows = np.concatenate([np.arange(offsets[i], offsets[i] + len(prepared[i].sent_terms)) for i in single])
        arts = np.concatenate([np.full(len(prepared[i].sent_terms), i) for i in single])
        rel = np.asarray(matrix[rows].multiply(tfidf.matrix[arts]).sum(axis=1)).ravel() if len(rows) else rows
        pos = 0
        for i in single:
            n = len(prepared[i].sent_terms)
            rel_single[i] = rel[pos:pos + n]
            pos += n
    out = []
    for members in stories:
        cands = _candidates(articles, prepared, members, offsets, cfg, counts)
        if not cands:
            out.append([])
            continue
        if len(members) == 1:
            r = rel_single[members[0]]
            rel = np.asarray([r[pos] for _, _, pos in cands])
        else:
            rows_m = matrix[[r for r, _, _ in cands]]
            docs = tfidf.matrix[list(members)]
            norm = math.sqrt(max(float((docs @ docs.T).sum()), 1e-12))
            rel = np.asarray((rows_m @ docs.T).sum(axis=1)).ravel() / norm
        rel = rel + 0.1 / (1.0 + np.asarray([pos for _, _, pos in cands]))
        out.append(_mmr(matrix, cands, rel, len(members), cfg))
    return out


def summarize(articles: Sequence[Article], prepared: Sequence[Prepared], members: Sequence[int], tfidf: Tfidf,
              counts: Counter[str] | None = None) -> list[str]:
    """Up to `max_sentences` sentences of the story `members`, in reading order; at least
    `min_sentences` when the articles have that many usable sentences."""
    return summarize_all(articles, prepared, [members], tfidf, counts)[0]


def _candidates(articles: Sequence[Article], prepared: Sequence[Prepared], members: Sequence[int],
                offsets: list[int], cfg: dict, counts: Counter[str] | None) -> list[tuple[int, str, int]]:
    """(sentence row, text, position) of the plausible, distinct sentences of a story."""
    inside: Counter[str] = Counter()
    cands: dict[str, tuple[int, str, int]] = {}
    for i in members:
        a, p = articles[i], prepared[i]
        spans = a.sentences or [(0, len(a.text))]
        if counts is not None:
            inside.update(set(p.sent_keys))
        for pos in range(len(p.sent_terms)):
            key = p.sent_keys[pos]
            if key in cands and cands[key][2] <= pos:
                continue
            s, t = spans[pos]
            text = a.text[s:t]
            if _plausible(text, key, p.title_key, cfg):
                cands[key] = (offsets[i] + pos, text, pos)
    if counts is not None:  # repeated in articles outside this story: boilerplate
        return [v for k, v in cands.items() if counts[k] - inside[k] < 2]
    return list(cands.values())


def _row(matrix: sp.csr_matrix, r: int) -> dict[int, float]:
    lo, hi = matrix.indptr[r], matrix.indptr[r + 1]
    return dict(zip(matrix.indices[lo:hi].tolist(), matrix.data[lo:hi].tolist(), strict=True))


def _mmr(matrix: sp.csr_matrix, cands: list[tuple[int, str, int]], rel: np.ndarray, n_articles: int,
         cfg: dict) -> list[str]:
    """Maximal marginal relevance over the most central candidates."""
    top = np.argsort(-rel, kind="stable")[:_POOL].tolist()
    lam, red, k = float(cfg["lambda"]), float(cfg["redundancy"]), int(cfg["max_sentences"])
    k = min(k, max(int(cfg["min_sentences"]), n_articles + 1))
    vecs: dict[int, dict[int, float]] = {}
    chosen: list[int] = []
    maxsim = dict.fromkeys(top, 0.0)
    while top and len(chosen) < k:
        best, best_score = -1, -1e9
        for c in top:
            if maxsim[c] >= red:
                continue
            score = lam * rel[c] - (1 - lam) * maxsim[c]
            if score > best_score:
                best, best_score = c, score
        if best < 0:
            break
        top.remove(best)
        if not _arabic(cands[best][1]):
            continue
        chosen.append(best)
        vb = vecs.setdefault(best, _row(matrix, cands[best][0]))
        for c in top:
            vc = vecs.setdefault(c, _row(matrix, cands[c][0]))
            maxsim[c] = max(maxsim[c], _cos(vc, vb))
    chosen.sort(key=lambda c: cands[c][2])  # read in the articles' order: leads first (stable for ties)
    return [cands[c][1] for c in chosen]


def _cos(a: dict[int, float], b: dict[int, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(j, 0.0) for j, x in a.items())
