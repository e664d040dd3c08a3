"""Combining the rule-based recogniser with CRF labels on pre-tokenised text (ANERcorp-style).

`rule_labels` runs the default annotator over the space-joined tokens and maps its name
mentions (not adjectives or titles, which ANERcorp leaves untagged) onto tokens as BIO
labels; `combine_sentence` adds those rule entities where the CRF found nothing.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from marsad.annotate.doc import Doc
from marsad.annotate.entities.lexicon import load_lexicon
from marsad.annotate.entities.recognize import Recognizer

TO_CONLL = {"PER": "PERS", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG"}


@functools.cache
def _recognizer() -> Recognizer:
    return Recognizer(load_lexicon())


def rule_labels(tokens: Sequence[str]) -> list[str]:
    text = " ".join(tokens)
    starts, pos = [], 0
    for t in tokens:
        starts.append(pos)
        pos += len(t) + 1
    doc = Doc(text=text, sentences=[(0, len(text))])
    labels = ["O"] * len(tokens)
    for e in _recognizer()(doc):
        typ = TO_CONLL.get(e.type, "MISC")
        for m in e.mentions:
            if m.form != "name":
                continue
            idx = [i for i, s in enumerate(starts) if s < m.end and m.start < s + len(tokens[i])]
            if not idx or any(labels[i] != "O" for i in idx):
                continue
            for k, i in enumerate(idx):
                labels[i] = ("B-" if k == 0 else "I-") + typ
    return labels


def combine_sentence(tokens: Sequence[str], crf_labels: Sequence[str], rules_first: bool = False,
                     rule_types: Sequence[str] | None = ("PERS",)) -> list[str]:
    """CRF labels plus rule entities (of `rule_types`; None: all) over tokens the CRF left all O;
    or (`rules_first`, what the annotator's crf backend does) rule entities plus CRF entities
    where the rules found nothing. On ANERcorp the rules' persons help the CRF; their places and
    organisations follow other span conventions (جنوب لبنان, مجلس النواب) and cost precision."""
    rules = rule_labels(tokens)
    if rule_types is not None and not rules_first:
        rules = [x if x != "O" and x[2:] in rule_types else "O" for x in rules]
    base, extra = (rules, list(crf_labels)) if rules_first else (list(crf_labels), rules)
    return _overlay(list(base), extra)


def _overlay(out: list[str], extra: Sequence[str]) -> list[str]:
    i, n = 0, len(out)
    while i < n:
        if extra[i] != "O":
            j = i + 1
            while j < n and extra[j].startswith("I-"):
                j += 1
            if all(out[k] == "O" for k in range(i, j)) and (j >= n or not out[j].startswith("I-")):
                out[i:j] = ["B-" + extra[i][2:], *extra[i + 1:j]]
            i = j
        else:
            i += 1
    return out
