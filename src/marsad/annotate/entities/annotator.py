"""EntityAnnotator: fills doc.entities (recognition, linking, merging, titles, roles).

Default backend: gazetteer automaton + patterns (fast). `EntityAnnotator(backend="crf")` or the
environment variable MARSAD_NER=crf adds the packaged CRF tagger (models/ner_crf.bin) for
names the rules miss, at a much lower speed.
"""

from __future__ import annotations

import os
from typing import ClassVar

from marsad.annotate.doc import Doc
from marsad.annotate.entities.lexicon import load_lexicon
from marsad.annotate.entities.recognize import Recognizer


class EntityAnnotator:
    name: ClassVar[str] = "entities"
    provides: ClassVar[tuple[str, ...]] = ("entities",)

    def __init__(self, backend: str | None = None) -> None:
        backend = backend or os.environ.get("MARSAD_NER", "rules")
        crf = None
        if backend == "crf":
            from marsad.annotate.entities.crf import packaged_tagger

            crf = packaged_tagger()
            if crf is None:
                raise RuntimeError("MARSAD_NER=crf but no trained model: run `marsad train-ner`")
        elif backend != "rules":
            raise ValueError(f"unknown NER backend {backend!r} (rules, crf)")
        self.backend = backend
        self.recognizer = Recognizer(load_lexicon(), crf)

    def __call__(self, doc: Doc) -> None:
        doc.entities = self.recognizer(doc)
