"""Per-article lookups in shadow coordinates: sentences, entity mentions, words."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from operator import add

from marsad.annotate.doc import Doc
from marsad.model import Entity
from marsad.text.normalize import normalize


@dataclass(slots=True)
class MentionRef:
    start: int  # shadow offsets
    end: int
    entity: Entity
    form: str


class DocIndex:
    """Sentences and entity mentions of a Doc mapped onto its shadow text."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.norm = doc.norm
        self._runs = _deleted_runs(doc)
        self._orig = doc.shadow.orig if self._runs is not None else None
        self._sent_cache: dict[int, tuple[int, int]] = {}
        ms = [(e, m) for e in doc.entities for m in e.mentions]
        if self._runs is None:
            refs = [MentionRef(m.start, m.end, e, m.form) for e, m in ms]
        else:
            starts, ends, before = self._runs
            br = bisect_right

            def to_norm(p: int) -> int:
                k = br(starts, p) - 1
                return p if k < 0 else p - before[k] - ((p if p < ends[k] else ends[k]) - starts[k])

            refs = [MentionRef(to_norm(m.start), to_norm(m.end), e, m.form) for e, m in ms]
        refs.sort(key=lambda r: (r.start, -r.end))
        self.mentions = refs
        self._m_starts = [r.start for r in refs]
        self._surnames: dict[str, list[tuple[int, Entity]]] | None = None
        self._name_words: dict[str, frozenset[str]] = {}

    def _to_norm(self, p: int) -> int:
        """Shadow offset of original offset p (a deleted character maps to the next kept one)."""
        runs = self._runs
        if runs is None:
            return p
        starts, ends, before = runs
        k = bisect_right(starts, p) - 1
        if k < 0:
            return p
        return p - before[k] - (min(p, ends[k]) - starts[k])

    def sentence_index(self, pos: int) -> int:
        """Index of the sentence holding shadow offset pos."""
        return max(self.doc.sentence_index(self._orig(pos) if self._orig else pos), 0)

    def sentence(self, idx: int) -> tuple[int, int]:
        """Shadow (start, end) of sentence idx."""
        got = self._sent_cache.get(idx)
        if got is None:
            if not self.doc.sentences:
                return 0, len(self.norm)
            s, e = self.doc.sentences[idx]
            got = self._sent_cache[idx] = (self._to_norm(s), self._to_norm(e))
        return got

    def surname(self, word: str, before: int, titles: frozenset[str]) -> Entity | None:
        """The person of the article whose name (of two words or more) ends in `word`: the one
        mentioned last before offset `before`, or the only one."""
        if self._surnames is None:
            table: dict[str, list[tuple[int, Entity]]] = {}
            named: dict[str, str] = {}
            for r in self.mentions:
                if r.entity.type != "PER":
                    continue
                e = r.entity
                if e.id not in named:
                    named[e.id] = normalize(e.name)
                for form in (self.norm[r.start : r.end], named[e.id]):
                    parts = form.split()
                    if len(parts) >= 2 and len(parts[-1]) >= 3 and parts[-1] not in titles:
                        table.setdefault(parts[-1], []).append((r.start, e))
            self._surnames = table
        cands = self._surnames.get(word)
        if not cands:
            return None
        earlier = [(pos, e) for pos, e in cands if pos < before]
        if earlier:
            return max(earlier, key=lambda c: c[0])[1]
        return cands[0][1] if len({e.id for _, e in cands}) == 1 else None

    def name_words(self, ent: Entity) -> frozenset[str]:
        """The normalised words of an entity's name and of its mentions."""
        got = self._name_words.get(ent.id)
        if got is None:
            words = set(normalize(ent.name).split())
            for r in self.mentions:
                if r.entity is ent:
                    words.update(self.norm[r.start : r.end].split())
            got = self._name_words[ent.id] = frozenset(words)
        return got

    def first_mention(self, a: int, b: int) -> MentionRef | None:
        """The first mention starting in [a, b) (the longest when several start together)."""
        i = bisect_left(self._m_starts, a)
        if i < len(self.mentions) and self.mentions[i].start < b:
            return self.mentions[i]
        return None

    def covered(self, pos: int) -> bool:
        """Does an entity mention cover shadow offset pos?"""
        i = bisect_right(self._m_starts, pos)
        return any(r.start <= pos < r.end for r in self.mentions[max(0, i - 4) : i])

    def mentions_in(self, a: int, b: int) -> list[MentionRef]:
        i = bisect_left(self._m_starts, a)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < b:
            if self.mentions[i].end <= b:
                out.append(self.mentions[i])
            i += 1
        return out

    def mention_ending_at(self, pos: int, lo: int) -> MentionRef | None:
        """The mention ending closest before `pos` (end <= pos) and starting at or after `lo`."""
        best: MentionRef | None = None
        i = bisect_left(self._m_starts, pos)
        for r in self.mentions[max(0, i - 8) : i]:
            if lo <= r.start and r.end <= pos and (best is None or r.end > best.end):
                best = r
        return best


def _deleted_runs(doc: Doc) -> tuple[list[int], list[int], list[int]] | None:
    """Runs of characters the shadow deleted, in original offsets: (starts, ends, deleted
    before each run). Derived from the shadow's cut map: before shadow offset c with cumulative
    shift s_k, the original characters [c + s_(k-1), c + s_k) were deleted."""
    sh = doc.shadow
    cuts, shift = sh._cuts, sh._shift
    if cuts is None or shift is None:
        return None
    before = [0, *shift[:-1]]
    return list(map(add, cuts, before)), list(map(add, cuts, shift)), before
