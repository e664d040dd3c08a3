"""A CRF named-entity tagger (python-crfsuite) with word-shape, affix, context and lexicon features.

Trained on BIO CoNLL data (ANERcorp: PERS/LOC/ORG/MISC) by `marsad train-ner` or
scripts/train_ner.py; the packaged model is models/ner_crf.bin. Lexicon features reuse the
annotator's automaton (gazetteer names and adjectives, titles, heads, reporting verbs, first
names), so the tagger knows what the rules know. Used as the optional quality backend
(MARSAD_NER=crf) and for the ANERcorp evaluation; the default path never runs it.
"""

from __future__ import annotations

import functools
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pycrfsuite

from marsad.annotate.entities.conll import Sentence
from marsad.annotate.entities.lexicon import Lexicon, load_lexicon
from marsad.annotate.entities.matcher import LexiconMatcher
from marsad.text.normalize import normalize

MODEL_PATH = Path(__file__).resolve().parent.parent.parent / "models" / "ner_crf.bin"
PARAMS = {"c1": 0.05, "c2": 0.02, "max_iterations": 150, "feature.possible_transitions": True}
_ARTICLE_PREFIXES = ("وبال", "وال", "فال", "بال", "كال", "لل", "ال")


def stem(w: str) -> tuple[str, str]:
    """(proclitics + article, rest) of a folded token: والروسية -> (وال, روسيه)."""
    for p in _ARTICLE_PREFIXES:
        if w.startswith(p) and len(w) - len(p) >= 2:
            return p, w[len(p):]
    if len(w) > 3 and w[0] in "وف":
        return w[0], w[1:]
    return "", w


class Featurizer:
    """Feature strings per token. With `rules=True` the rule recogniser's own BIO output
    (combine.rule_labels) is a feature too (a stacked system; on ANERcorp it scored 0.815 F1
    against 0.820 without, so the packaged model does not use it)."""

    def __init__(self, lex: Lexicon | None = None, rules: bool = False) -> None:
        self.lex = lex or load_lexicon()
        self.matcher = LexiconMatcher(self.lex)
        self.rules = rules

    def _lexicon_tags(self, norm_tokens: list[str]) -> list[list[str]]:
        """Per token, the lexicon features of automaton hits that cover it."""
        text = " ".join(norm_tokens)
        starts, pos = [], 0
        for t in norm_tokens:
            starts.append(pos)
            pos += len(t) + 1
        tags: list[list[str]] = [[] for _ in norm_tokens]
        gaz = self.lex.gazetteer
        for h in self.matcher.hits(text):
            i = _token_index(starts, h.start)
            j = _token_index(starts, h.end - 1)
            if h.kind == "gaz":
                entries = gaz.lookup(h.key)
                typ = entries[0].type if entries else "X"
                label = f"g{typ}"
            elif h.kind == "adj":
                label = "adj"
            elif h.kind == "head":
                head = self.lex.heads.get(h.key)
                label = f"hd{head.type if head else ''}"
            elif h.kind == "first":
                label = "fn" + self.lex.first_names.get(h.key, "")
            else:
                label = h.kind
            for k in range(i, j + 1):
                tags[k].append(("B" if k == i else "I") + label)
        return tags

    def __call__(self, tokens: Sequence[str]) -> list[list[str]]:
        lex = self.lex
        norm = [normalize(t) or "_" for t in tokens]
        lexi = self._lexicon_tags(norm)
        if self.rules:
            from marsad.annotate.entities.combine import rule_labels

            for i, lab in enumerate(rule_labels(list(tokens))):
                if lab != "O":
                    lexi[i].append("R" + lab)
        base: list[list[str]] = []
        for w, lt in zip(norm, lexi, strict=True):
            pre, st = stem(w)
            f = [f"w={w}", f"s={st}", f"p2={st[:2]}", f"p3={st[:3]}", f"x2={st[-2:]}", f"x3={st[-3:]}",
                 f"pc={pre}", f"len={min(len(st), 8)}"]
            if w.isdigit():
                f.append("dig")
            elif w.isascii() and w.isalpha():
                f.append("lat")
            elif not w.isalnum():
                f.append("pun")
            if st in lex.stopwords or w in lex.stopwords:
                f.append("sw")
            if st in lex.common:
                f.append("cm")
            if st in lex.frequent or w in lex.frequent:
                f.append("fq")
            f.extend(lt)
            base.append(f)
        out: list[list[str]] = []
        n = len(norm)
        for i in range(n):
            f = ["b", *base[i]]
            for o in (-2, -1, 1, 2):
                j = i + o
                if 0 <= j < n:
                    f.append(f"{o}w={norm[j]}")
                    if o in (-1, 1):
                        f.append(f"{o}s={stem(norm[j])[1]}")
                        f.extend(f"{o}{x}" for x in base[j] if x[0] in "BI" or x in ("sw", "cm"))
                else:
                    f.append(f"{o}w=<pad>")
            if i > 0:
                f.append(f"bi={norm[i - 1]}|{norm[i]}")
            out.append(f)
        return out


def _token_index(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


def train(sentences: list[Sentence], model_path: str | Path, params: dict | None = None,
          featurizer: Featurizer | None = None) -> Path:
    """Train a CRF on (token, label) sentences and write it to `model_path`."""
    fz = featurizer or Featurizer()
    trainer = pycrfsuite.Trainer(verbose=False)
    for sent in sentences:
        trainer.append(fz([t for t, _ in sent]), [lab for _, lab in sent])
    trainer.set_params({**PARAMS, **(params or {})})
    path = Path(model_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))
    return path


class CrfTagger:
    def __init__(self, model_path: str | Path = MODEL_PATH, featurizer: Featurizer | None = None) -> None:
        self.featurizer = featurizer or Featurizer()
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(model_path))

    def tag(self, tokens: Sequence[str]) -> list[str]:
        if not tokens:
            return []
        return list(self.tagger.tag(self.featurizer(tokens)))


@functools.cache
def packaged_tagger() -> CrfTagger | None:
    """The packaged model, or None when it has not been trained."""
    return CrfTagger(MODEL_PATH) if MODEL_PATH.exists() else None


def evaluate(train_sents: list[Sentence], test_sents: list[Sentence], params: dict | None = None,
             featurizer: Featurizer | None = None) -> tuple[CrfTagger, list[list[str]]]:
    """Train on `train_sents` in a temporary file; (tagger, predictions on `test_sents`)."""
    fz = featurizer or Featurizer()
    with tempfile.TemporaryDirectory() as tmp:
        path = train(train_sents, Path(tmp) / "m.crf", params, fz)
        tagger = CrfTagger(path, fz)
        preds = [tagger.tag([t for t, _ in s]) for s in test_sents]
    return tagger, preds
