"""One Aho-Corasick pass over the normalised shadow for every lexicon the recogniser uses.

Keys are gazetteer surfaces (names and adjectives), titles, organisation/place heads,
reporting verbs and first names, all folded. A hit counts only at a word boundary, after an
allowed proclitic string (و ف ب ل ك and their combinations); definite keys also match after
"لل" (للأمم المتحدة = ل + الأمم المتحدة), with the span starting after the preposition.
Overlapping hits are resolved longest-first.
"""

from __future__ import annotations

from dataclasses import dataclass

import ahocorasick

from marsad.annotate.entities.lexicon import Lexicon

# Kinds in priority order for equal-length overlaps.
KINDS = ("gaz", "adj", "title", "head", "verb", "first")
_RANK = {k: i for i, k in enumerate(KINDS)}
_LEL_PREFIXES = frozenset({"ل", "ول", "فل"})


@dataclass(slots=True)
class Hit:
    start: int  # shadow offsets, proclitics excluded
    end: int
    kind: str
    key: str  # the folded lexicon key (without a dropped alef)
    prefix: str  # the proclitic letters before the hit


class LexiconMatcher:
    def __init__(self, lex: Lexicon) -> None:
        table: dict[str, list[tuple[str, str, bool]]] = {}

        def add(surface: str, kind: str) -> None:
            if len(surface) < 2:
                return
            table.setdefault(surface, []).append((kind, surface, False))
            if surface.startswith("ال") and len(surface) > 3:
                table.setdefault(surface[1:], []).append((kind, surface, True))

        for surface, _id, form in lex.gazetteer.surfaces():
            add(surface, "adj" if form == "adjective" else "gaz")
        for s in lex.titles:
            add(s, "title")
        for s in lex.heads:
            add(s, "head")
        for s in lex.verbs:
            add(s, "verb")
        for s in lex.first_names:
            add(s, "first")
        auto = ahocorasick.Automaton()
        for k, vals in table.items():
            seen: dict[tuple[str, bool], tuple[str, str, bool]] = {}
            for v in vals:
                seen.setdefault((v[0], v[2]), v)
            auto.add_word(k, (len(k), tuple(seen.values())))
        auto.make_automaton()
        self._auto = auto
        self._proclitics = lex.proclitics
        self._definite = lex.definite

    def hits(self, norm: str) -> list[Hit]:
        """Boundary-checked, non-overlapping hits in text order."""
        out: list[Hit] = []
        n = len(norm)
        procl = self._proclitics
        for end_idx, (klen, vals) in self._auto.iter(norm):
            end = end_idx + 1
            if end < n and (norm[end].isalnum() or norm[end] == "_"):
                continue
            start = end - klen
            p = start
            while p > 0 and p > start - 3 and (norm[p - 1].isalnum() or norm[p - 1] == "_"):
                p -= 1
            if p > 0 and p == start - 3 and (norm[p - 1].isalnum() or norm[p - 1] == "_"):
                continue  # more than two letters before the key: inside a longer word
            prefix = norm[p:start]
            for kind, key, lel in vals:
                if lel:
                    if prefix not in _LEL_PREFIXES:
                        continue
                elif prefix:
                    if prefix not in procl:
                        continue
                    if kind in ("gaz", "first") and prefix[-1] == "ك":
                        continue  # وكسرت is not و + ك + سرت: "like" before a name is rare
                    if kind == "verb" and prefix not in ("و", "ف"):
                        continue  # بكشف is a noun (ب + كشف), not the verb كشف
                    if prefix[-1] == "ل" and key[0] == "ل" and key[1:] in self._definite:
                        continue  # للحج is ل + الحج (Hajj), not ل + لحج (Lahij)
                out.append(Hit(start, end, kind, key, prefix))
        if len(out) < 2:
            return out
        out.sort(key=lambda h: (h.start - h.end, _RANK[h.kind], h.start))
        mask = bytearray(n)
        taken: list[Hit] = []
        for h in out:
            if mask.find(1, h.start, h.end) >= 0:
                continue
            taken.append(h)
            mask[h.start:h.end] = b"\x01" * (h.end - h.start)
        taken.sort(key=lambda h: h.start)
        return taken
