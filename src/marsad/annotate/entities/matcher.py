"""One Aho-Corasick pass over the normalised shadow for every lexicon the recogniser uses.

Keys are gazetteer surfaces (names and adjectives), titles, organisation/place heads,
reporting verbs and first names, all folded. A hit counts only at a word boundary, after an
allowed proclitic string (و ف ب ل ك and their combinations); definite keys also match after
"لل" (للأمم المتحدة = ل + الأمم المتحدة), with the span starting after the preposition.
Overlapping hits are resolved longest-first.

Speed: the automaton holds every key as " " + proclitic + key + " " and is run over a copy of
the text in which every non-word character is blanked to a space (one C-level regex pass), so
each automaton hit is already a whole word with an allowed proclitic: no Python work is spent
on the many hits inside longer words. Keys that contain a space or punctuation are checked
against the real text, since blanking makes "عبد الله" match "عبد، الله".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

from marsad.annotate.entities.lexicon import Lexicon

# Kinds in priority order for equal-length overlaps.
KINDS = ("gaz", "adj", "title", "head", "verb", "first")
_RANK = {k: i for i, k in enumerate(KINDS)}
_LEL_PREFIXES = frozenset({"ل", "ول", "فل"})
MAX_PREFIX = 2  # proclitic letters before a key; a longer run means a longer word
_NON_WORD = re.compile(r"[^\w ]")  # \W is exactly "not str.isalnum() and not _"


@dataclass(slots=True)
class Hit:
    start: int  # shadow offsets, proclitics excluded
    end: int
    kind: str
    key: str  # the folded lexicon key (without a dropped alef)
    prefix: str  # the proclitic letters before the hit


Entry = tuple[str, str, bool]  # kind, lexicon key, matched without its alef after لل


def allowed(prefix: str, kind: str, key: str, lel: bool, proclitics: frozenset[str],
            definite: frozenset[str]) -> bool:
    """May lexicon entry (kind, key, lel) be matched after the proclitic letters `prefix`?"""
    if lel:
        return prefix in _LEL_PREFIXES
    if not prefix:
        return True
    if prefix not in proclitics:
        return False
    if kind in ("gaz", "first") and prefix[-1] == "ك":
        return False  # وكسرت is not و + ك + سرت: "like" before a name is rare
    if kind == "verb" and prefix not in ("و", "ف"):
        return False  # بكشف is a noun (ب + كشف), not the verb كشف
    if prefix[-1] == "ل" and key[0] == "ل" and key[1:] in definite:
        return False  # للحج is ل + الحج (Hajj), not ل + لحج (Lahij)
    return True


class LexiconMatcher:
    def __init__(self, lex: Lexicon) -> None:
        table: dict[str, list[Entry]] = {}

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
        self._proclitics = lex.proclitics
        self._definite = lex.definite
        # folded key -> its entries, one per (kind, lel), first wins
        self.table: dict[str, tuple[Entry, ...]] = {}
        for k, vals in table.items():
            seen: dict[tuple[str, bool], Entry] = {}
            for v in vals:
                seen.setdefault((v[0], v[2]), v)
            self.table[k] = tuple(seen.values())
        prefixes = [""] + sorted(p for p in self._proclitics | _LEL_PREFIXES if 0 < len(p) <= MAX_PREFIX)
        # " " + prefix + blanked key + " " -> alternatives (key length, prefix, key or "" when a
        # hit needs no check against the text, and the entry allowed after that prefix that wins
        # the span: of several entries on one span only the best-ranked can ever be kept)
        alts: dict[str, list[tuple[int, str, str, int, str, str]]] = {}
        # which entry wins after which prefix depends only on the entries' kinds, lel flags and
        # whether the key is ل + a definite word: computed once per such signature
        plans: dict[tuple[tuple[str, bool, bool], ...], list[tuple[str, int]]] = {}
        for k, entries in self.table.items():
            blank = _NON_WORD.sub(" ", k)
            check = k if " " in blank else ""
            sig = tuple((kind, lel, lkey[0] == "ل" and lkey[1:] in self._definite) for kind, lkey, lel in entries)
            plan = plans.get(sig)
            if plan is None:
                plan = plans[sig] = self._plan(entries, prefixes)
            for p, i in plan:
                kind, lkey, _ = entries[i]
                alts.setdefault(f" {p}{blank} ", []).append((len(k), p, check, _RANK[kind], kind, lkey))
        auto = ahocorasick.Automaton()
        for word, vals in alts.items():
            auto.add_word(word, tuple(vals))
        auto.make_automaton()
        self._auto = auto

    def _plan(self, entries: tuple[Entry, ...], prefixes: list[str]) -> list[tuple[str, int]]:
        """(prefix, index of the best-ranked entry allowed after it) for each usable prefix."""
        plan = []
        for p in prefixes:
            ok = [i for i, v in enumerate(entries) if allowed(p, *v, self._proclitics, self._definite)]
            if ok:
                plan.append((p, min(ok, key=lambda i: _RANK[entries[i][0]])))
        return plan

    def hits(self, norm: str) -> list[Hit]:
        """Boundary-checked, non-overlapping hits in text order."""
        found: list[tuple[int, int, int, int, str, str, str]] = []  # start, -length, rank, end, kind, key, prefix
        scan = " " + _NON_WORD.sub(" ", norm) + " "
        for end_idx, alts in self._auto.iter(scan):
            end = end_idx - 1  # scan[i] is norm[i - 1]; the trailing space is norm[end]
            for klen, prefix, check, rank, kind, key in alts:
                start = end - klen
                if check and norm[start:end] != check:
                    continue
                found.append((start, -klen, rank, end, kind, key, prefix))
        if len(found) < 2:
            return [Hit(s, e, kind, key, prefix) for s, _, _, e, kind, key, prefix in found]
        found.sort()  # by start, then longest first
        out: list[Hit] = []
        i, n = 0, len(found)
        while i < n:
            # a cluster of overlapping hits is resolved longest-first, then by kind, then by start
            j, reach = i + 1, found[i][3]
            while j < n and found[j][0] < reach:
                if found[j][3] > reach:
                    reach = found[j][3]
                j += 1
            if j == i + 1:
                s, _, _, e, kind, key, prefix = found[i]
                out.append(Hit(s, e, kind, key, prefix))
            else:
                out.extend(_resolve(found[i:j]))
            i = j
        return out


def _resolve(cluster: list[tuple[int, int, int, int, str, str, str]]) -> list[Hit]:
    """Greedy longest-first choice among overlapping hits (in text order)."""
    cluster.sort(key=lambda h: (h[1], h[2], h[0]))
    taken: list[tuple[int, int, int, int, str, str, str]] = []
    for h in cluster:
        if all(h[3] <= t[0] or t[3] <= h[0] for t in taken):
            taken.append(h)
    taken.sort()
    return [Hit(s, e, kind, key, prefix) for s, _, _, e, kind, key, prefix in taken]
