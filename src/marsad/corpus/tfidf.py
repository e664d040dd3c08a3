"""TF-IDF over normalised word forms, as a sparse matrix (one L2-normalised row per document).

Building is O(total terms); the cosine of a list of pairs is O(sum of their row lengths).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np
import scipy.sparse as sp


@dataclass
class Tfidf:
    matrix: sp.csr_matrix  # documents x vocabulary, rows L2-normalised
    vocab: dict[str, int]
    idf: np.ndarray
    df: np.ndarray

    def vector(self, terms: Sequence[str]) -> dict[int, float]:
        """A sparse L2-normalised vector {term index: weight} for new text (unknown terms dropped)."""
        tf = Counter(self.vocab[t] for t in terms if t in self.vocab)
        v = {j: (1.0 + math.log(c)) * float(self.idf[j]) for j, c in tf.items()}
        n = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {j: x / n for j, x in v.items()}

    def top_terms(self, k: int, min_df: int = 2) -> list[list[int]]:
        """Per document, the indices of its k highest-weighted terms with document frequency
        >= min_df (a term seen once cannot link two documents). O(total nnz)."""
        m = self.matrix
        out: list[list[int]] = []
        for r in range(m.shape[0]):
            lo, hi = m.indptr[r], m.indptr[r + 1]
            idx, w = m.indices[lo:hi], m.data[lo:hi]
            keep = self.df[idx] >= min_df
            idx, w = idx[keep], w[keep]
            if len(idx) > k:
                sel = np.argpartition(-w, k)[:k]
                idx = idx[sel]
            out.append(idx.tolist())
        return out


def _counts(docs: Sequence[Sequence[str]], vocab: dict[str, int], grow: bool) -> tuple[np.ndarray, ...]:
    """(row, column, count) of every distinct term of every document, vectorised."""
    flat = list(chain.from_iterable(docs))
    lens = np.fromiter(map(len, docs), dtype=np.int64, count=len(docs))
    if grow:
        for t in set(flat).difference(vocab):
            vocab[t] = len(vocab)
        ids = np.fromiter(map(vocab.__getitem__, flat), dtype=np.int64, count=len(flat))
    else:
        try:  # usually every term is known (sentences of the modelled documents)
            ids = np.fromiter(map(vocab.__getitem__, flat), dtype=np.int64, count=len(flat))
        except KeyError:
            get = vocab.get
            ids = np.fromiter((get(t, -1) for t in flat), dtype=np.int64, count=len(flat))
    rows = np.repeat(np.arange(len(docs), dtype=np.int64), lens)
    keep = ids >= 0
    v = max(len(vocab), 1)
    uniq, cnt = np.unique(rows[keep] * v + ids[keep], return_counts=True)
    return uniq // v, uniq % v, cnt


def _matrix(n: int, v: int, rows: np.ndarray, cols: np.ndarray, cnt: np.ndarray, idf: np.ndarray) -> sp.csr_matrix:
    data = (1.0 + np.log(cnt)) * idf[cols]
    norms = np.sqrt(np.bincount(rows, weights=data * data, minlength=n))
    norms[norms == 0] = 1.0
    data /= norms[rows]
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n), out=indptr[1:])
    return sp.csr_matrix((data, cols, indptr), shape=(n, max(v, 1)))


def build(docs: Sequence[Sequence[str]]) -> Tfidf:
    """Sublinear TF (1 + log tf) x smoothed IDF (log((N+1)/(df+1)) + 1), rows L2-normalised.
    Vectorised: O(total terms) Python-level dict lookups, the rest in numpy."""
    vocab: dict[str, int] = {}
    rows, cols, cnt = _counts(docs, vocab, grow=True)
    n, v = len(docs), len(vocab)
    df = np.bincount(cols, minlength=v)
    idf = np.log((n + 1) / (df + 1)) + 1.0
    return Tfidf(matrix=_matrix(n, v, rows, cols, cnt, idf), vocab=vocab, idf=idf, df=df)


def transform(model: Tfidf, docs: Sequence[Sequence[str]]) -> sp.csr_matrix:
    """L2-normalised TF-IDF rows of new documents (e.g. sentences) in the model's vocabulary."""
    rows, cols, cnt = _counts(docs, model.vocab, grow=False)
    return _matrix(len(docs), len(model.vocab), rows, cols, cnt, model.idf)


def pair_cosine(m: sp.csr_matrix, left: Sequence[int], right: Sequence[int], chunk: int = 20000) -> np.ndarray:
    """Cosine of rows left[k] and right[k] for every k (rows already normalised)."""
    out = np.zeros(len(left))
    li, ri = np.asarray(left, dtype=np.int64), np.asarray(right, dtype=np.int64)
    for s in range(0, len(li), chunk):
        out[s:s + chunk] = np.asarray(m[li[s:s + chunk]].multiply(m[ri[s:s + chunk]]).sum(axis=1)).ravel()
    return out


def dot_dense(v: dict[int, float], dense: np.ndarray) -> float:
    return float(sum(x * dense[j] for j, x in v.items()))
