"""Settings and word lists of the corpus view, loaded once from resources/corpus/."""

from __future__ import annotations

import functools
from typing import Any

from marsad import resources
from marsad.text.normalize import normalize


@functools.cache
def settings() -> dict[str, Any]:
    """resources/corpus/settings.yaml as a dict of sections."""
    return resources.yaml_data("corpus/settings.yaml")


def section(name: str) -> dict[str, Any]:
    return dict(settings()[name])


@functools.cache
def stopwords() -> frozenset[str]:
    """Normalised stop words (resources/corpus/stopwords.tsv)."""
    return frozenset(normalize(r[0]) for r in resources.tsv("corpus/stopwords.tsv"))


@functools.cache
def prefixes() -> tuple[str, ...]:
    """Normalised proclitics to strip, longest first (resources/corpus/prefixes.tsv)."""
    return tuple(sorted({normalize(r[0]) for r in resources.tsv("corpus/prefixes.tsv")}, key=len, reverse=True))


@functools.cache
def measure_aliases() -> dict[str, str]:
    """Normalised measure alias -> canonical measure (resources/corpus/measures.tsv)."""
    return {normalize(r[0]).strip(): r[1] for r in resources.tsv("corpus/measures.tsv", 2)}


@functools.cache
def generic_measures() -> frozenset[str]:
    """Measures never compared across articles (resources/corpus/generic_measures.tsv)."""
    return frozenset(r[0].lower() for r in resources.tsv("corpus/generic_measures.tsv"))
