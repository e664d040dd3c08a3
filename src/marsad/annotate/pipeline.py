"""Runs the configured annotators over a Doc, in order."""

from __future__ import annotations

import functools
import importlib
import time
from collections.abc import Sequence

from marsad.annotate.base import Annotator
from marsad.annotate.doc import Doc

# name -> "module:Class". Order matters: later annotators read earlier layers.
REGISTRY: dict[str, str] = {
    "entities": "marsad.annotate.entities:EntityAnnotator",
    "times": "marsad.annotate.times:TimeAnnotator",
    "amounts": "marsad.annotate.amounts:AmountAnnotator",
    "quotes": "marsad.annotate.quotes:QuoteAnnotator",
    "events": "marsad.annotate.events:EventAnnotator",
    "themes": "marsad.annotate.themes:ThemeAnnotator",
}
DEFAULT: tuple[str, ...] = tuple(REGISTRY)


@functools.cache
def load(name: str) -> Annotator:
    """The annotator `name`, built once per process."""
    try:
        target = REGISTRY[name]
    except KeyError:
        raise ValueError(f"unknown annotator {name!r}; known: {', '.join(REGISTRY)}") from None
    module, cls = target.split(":")
    return getattr(importlib.import_module(module), cls)()


class Pipeline:
    """The annotators `names`, run in order. With `timed=True` it adds up the seconds each
    annotator takes in `timings` (for benchmarks)."""

    def __init__(self, names: Sequence[str] = DEFAULT, timed: bool = False) -> None:
        self.names = tuple(names)
        self.annotators = [load(n) for n in self.names]
        self.timed = timed
        self.timings: dict[str, float] = dict.fromkeys(self.names, 0.0)

    def __call__(self, doc: Doc) -> Doc:
        if not self.timed:
            for ann in self.annotators:
                ann(doc)
            return doc
        for name, ann in zip(self.names, self.annotators, strict=True):
            t = time.perf_counter()
            ann(doc)
            self.timings[name] += time.perf_counter() - t
        return doc
