"""Reproducible NER training and evaluation: held-out split, k-fold cross-validation, final model.

Used by `marsad train-ner` and scripts/train_ner.py. Fixed seed and CRF parameters
(crf.PARAMS), so the same data gives the same model and numbers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from marsad.annotate.entities import conll
from marsad.annotate.entities.crf import Featurizer, evaluate, train

SEED = 13


def run(conll_path: str | Path, model_path: str | Path, eval_split: float = 0.1, folds: int = 0,
        rules: bool = True, log: Callable[[str], None] = print) -> dict[str, float]:
    """Evaluate on a held-out split (CRF alone and CRF + rules), optionally k-fold CV, then
    train the final model on all the data. Returns the F1 numbers."""
    sents = conll.read_conll(conll_path)
    fz = Featurizer()
    log(f"{len(sents)} sentences, {sum(len(s) for s in sents)} tokens from {conll_path}")
    out: dict[str, float] = {}
    if eval_split > 0:
        tr, te = conll.split(sents, eval_split, SEED)
        t0 = dt.datetime.now()
        tagger, preds = evaluate(tr, te, featurizer=fz)
        gold = [[lab for _, lab in s] for s in te]
        sc = conll.score(gold, preds)
        log(f"held-out {eval_split:.0%} ({len(te)} sentences), CRF alone: {sc['ALL']} "
            f"[{(dt.datetime.now() - t0).seconds}s]")
        for k, v in sorted(sc.items()):
            if k != "ALL":
                log(f"  {k:5} {v}")
        out["heldout_crf_f1"] = sc["ALL"].f1
        if rules:
            from marsad.annotate.entities.combine import combine_sentence
            variants = [("CRF + rule persons where the CRF found nothing", False, ("PERS",)),
                        ("CRF + all rule entities where the CRF found nothing", False, None),
                        ("rules + CRF where the rules found nothing", True, None)]
            for name, rules_first, types in variants:
                comb = [combine_sentence([t for t, _ in s], p, rules_first, types)
                        for s, p in zip(te, preds, strict=True)]
                sc2 = conll.score(gold, comb)
                log(f"held-out, {name}: {sc2['ALL']}")
                for k, v in sorted(sc2.items()):
                    if k != "ALL":
                        log(f"  {k:5} {v}")
                out[f"heldout_{name}"] = sc2["ALL"].f1
    if folds > 1:
        total = conll.Score()
        for i, (tr, te) in enumerate(conll.folds(sents, folds, SEED)):
            _, preds = evaluate(tr, te, featurizer=fz)
            sc = conll.score([[lab for _, lab in s] for s in te], preds)["ALL"]
            log(f"fold {i + 1}/{folds}: {sc}")
            total.tp += sc.tp
            total.n_pred += sc.n_pred
            total.n_gold += sc.n_gold
        log(f"{folds}-fold cross-validation (micro): {total}")
        out["cv_f1"] = total.f1
    path = train(sents, model_path, featurizer=fz)
    log(f"model -> {path} ({path.stat().st_size / 1e6:.1f} MB)")
    return out
