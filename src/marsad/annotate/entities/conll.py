"""CoNLL files (one `token LABEL` per line, blank line between sentences) and entity-level scoring."""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

Sentence = list[tuple[str, str]]


def read_conll(path: str | Path) -> list[Sentence]:
    """Sentences of (token, BIO label); malformed lines (no label) are read as label O."""
    out: list[Sentence] = []
    cur: Sentence = []
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if not parts:
                if cur:
                    out.append(cur)
                    cur = []
                continue
            label = parts[-1] if len(parts) > 1 else "O"
            if label != "O" and not label.startswith(("B-", "I-")):
                label = "O"
            cur.append((parts[0], label))
    if cur:
        out.append(cur)
    return out


def spans(labels: Sequence[str]) -> set[tuple[int, int, str]]:
    """Entity spans (start, end, type) of a BIO sequence; a stray I- starts an entity."""
    out: set[tuple[int, int, str]] = set()
    start, typ = -1, ""
    for i, lab in enumerate([*labels, "O"]):
        if lab == "O" or lab.startswith("B-") or (lab.startswith("I-") and lab[2:] != typ):
            if start >= 0:
                out.add((start, i, typ))
            start, typ = (i, lab[2:]) if lab != "O" else (-1, "")
    return out


@dataclass
class Score:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        return f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} (gold {self.n_gold})"


def score(gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]]) -> dict[str, Score]:
    """Entity-level exact-match scores (span + type), overall ('ALL') and per type."""
    out: dict[str, Score] = {"ALL": Score()}
    for g, p in zip(gold, pred, strict=True):
        gs, ps = spans(g), spans(p)
        for sp in gs | ps:
            s = out.setdefault(sp[2], Score())
            hit = sp in gs and sp in ps
            for x in (s, out["ALL"]):
                x.tp += hit
                x.n_gold += sp in gs
                x.n_pred += sp in ps
    return out


def split(sentences: list[Sentence], fraction: float, seed: int = 13) -> tuple[list[Sentence], list[Sentence]]:
    """(train, held-out): a seeded random `fraction` of the sentences is held out."""
    idx = list(range(len(sentences)))
    random.Random(seed).shuffle(idx)
    k = int(round(len(idx) * fraction))
    held = set(idx[:k])
    return ([s for i, s in enumerate(sentences) if i not in held],
            [s for i, s in enumerate(sentences) if i in held])


def folds(sentences: list[Sentence], k: int, seed: int = 13) -> list[tuple[list[Sentence], list[Sentence]]]:
    idx = list(range(len(sentences)))
    random.Random(seed).shuffle(idx)
    parts = [set(idx[i::k]) for i in range(k)]
    return [([s for i, s in enumerate(sentences) if i not in p], [s for i, s in enumerate(sentences) if i in p])
            for p in parts]
