"""The themes annotator: what an article is about, from a keyword taxonomy.

resources/themes/taxonomy.yaml lists ~40 GDELT-style theme codes with Arabic keywords. One
automaton pass over doc.norm finds keyword hits (whole words, proclitics allowed, '*' for stems);
a theme's raw weight is the sum of its keywords' weights (each counted at most three times), child
themes add half their weight to their parent, and the score squashes the raw weight against the
article's length into 0..1. Themes at or above THRESHOLD are emitted, best first, with evidence.
"""

from __future__ import annotations

from typing import ClassVar

from marsad.annotate.doc import Doc
from marsad.annotate.themes.taxonomy import Taxonomy, taxonomy
from marsad.model import Theme

THRESHOLD = 0.35
MIN_KEYWORDS = 2  # distinct keywords a theme needs (unless one is very strong)
MAX_EVIDENCE = 5
PER_KEYWORD_CAP = 3
PARENT_SHARE = 0.5


class ThemeAnnotator:
    name: ClassVar[str] = "themes"
    provides: ClassVar[tuple[str, ...]] = ("themes",)

    def __init__(self) -> None:
        from marsad.annotate.events.scan import shared_scan  # here: events.scan imports this package

        self.tax: Taxonomy = taxonomy()
        self._scan = shared_scan()  # one automaton pass shared with the events annotator

    def __call__(self, doc: Doc) -> None:
        norm = doc.norm
        hits = self.tax.find(norm, self._scan(norm)[1])
        if not hits:
            return
        raw: dict[str, float] = {}
        counts: dict[str, int] = {}  # hits counted per keyword (the same for each of its themes)
        evidence: dict[str, list[tuple[int, int]]] = {}
        distinct: dict[str, set[str]] = {}
        for start, end, kw in hits:
            key = kw.key
            n = counts.get(key, 0)
            if n >= PER_KEYWORD_CAP:
                continue
            counts[key] = n + 1
            for code, weight in kw.themes:
                raw[code] = raw.get(code, 0.0) + weight  # in hit order: float sums stay identical
                if n == 0:
                    distinct.setdefault(code, set()).add(key)
                    ev = evidence.setdefault(code, [])
                    if len(ev) < MAX_EVIDENCE:
                        ev.append((start, end))
        total = dict(raw)
        for code, value in raw.items():
            parent = self.tax.parent.get(code)
            if parent:
                total[parent] = total.get(parent, 0.0) + PARENT_SHARE * value
                distinct.setdefault(parent, set()).update(distinct[code])
                evidence.setdefault(parent, [])
                for sp in evidence[code]:
                    if len(evidence[parent]) < MAX_EVIDENCE and sp not in evidence[parent]:
                        evidence[parent].append(sp)
        scale = 4.0 + len(norm) / 600.0
        themes: list[Theme] = []
        for code, value in total.items():
            if len(distinct.get(code, ())) < MIN_KEYWORDS and value < 4.0:
                continue
            score = value / (value + scale)
            if score < THRESHOLD:
                continue
            spans = [doc.span_from_shadow(s, e) for s, e in sorted(evidence.get(code, []))]
            themes.append(Theme(code=code, score=round(score, 3), evidence=spans))
        themes.sort(key=lambda t: (-t.score, t.code))
        doc.themes = themes
