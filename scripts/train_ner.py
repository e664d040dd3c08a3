#!/usr/bin/env python3
"""Train the packaged CRF NER model reproducibly (fixed seed and parameters) and report scores.

    python scripts/train_ner.py ANERcorp/train.conll -o src/marsad/models/ner_crf.bin --folds 5

Prints entity-level F1 (exact span + type) of the CRF alone and of CRF + gazetteer/patterns on
a held-out 10% split, k-fold cross-validated F1, then trains on all sentences. Same as
`marsad train-ner`.
"""

from __future__ import annotations

import argparse

from marsad.annotate.entities.crf import MODEL_PATH
from marsad.annotate.entities.training import run


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("conll", help="BIO CoNLL file: token LABEL per line, blank line between sentences")
    ap.add_argument("-o", "--output", default=str(MODEL_PATH), help="model file to write")
    ap.add_argument("--eval-split", type=float, default=0.1, help="held-out fraction (0 to skip)")
    ap.add_argument("--folds", type=int, default=5, help="cross-validation folds (0 to skip)")
    args = ap.parse_args()
    run(args.conll, args.output, args.eval_split, args.folds)


if __name__ == "__main__":
    main()
