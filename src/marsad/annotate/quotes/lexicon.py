"""The quote and citation resources compiled once: one Aho-Corasick automaton over the shadow text.

Every anchor (cue verbs with their proclitic variants, citation triggers, switch cues) is a key of
one automaton; `scan(norm)` returns whole-word hits in text order. Local patterns (the
complementiser after a cue, quote marks) are small regexes anchored at positions found here.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

import ahocorasick
import regex

from marsad import resources
from marsad.text.normalize import normalize

CUES = "quotes/cues.tsv"
MARKERS = "quotes/markers.yaml"
CITATIONS = "quotes/citations.yaml"


@dataclass(frozen=True, slots=True)
class Cue:
    form: str
    kind: str
    role: str  # verb | part | masdar
    gender: str  # m | f | p


@dataclass(frozen=True, slots=True)
class MarkFamily:
    """Quote marks paired together: toggles open or close by context, directed pairs by shape."""

    toggles: str
    openers: dict[str, str]
    closers: frozenset[str]
    marks: str
    pattern: regex.Pattern[str]  # any mark of the family

    @classmethod
    def build(cls, toggles: str, pairs: list[list[str]]) -> MarkFamily:
        openers = {a: b for a, b in pairs}
        closers = frozenset(b for _, b in pairs)
        marks = toggles + "".join(openers) + "".join(closers)
        return cls(toggles, openers, closers, marks, regex.compile(rf"[{regex.escape(marks)}]"))


@dataclass(frozen=True, slots=True)
class Anchor:
    """What an automaton key stands for: a category and its payload."""

    cat: str  # cue | prep | report | switch
    cue: Cue | None = None
    glued: bool = False  # the trigger may be glued to the next word (وفقا لـبيان)
    strict: bool = False  # a cue that is also a common other word (بين "between")


@dataclass(slots=True)
class Hit:
    start: int  # shadow offsets of the word without its proclitic
    end: int
    anchors: tuple[Anchor, ...]
    clitic_start: int  # shadow offset including the proclitic
    strict: bool = False  # a strict cue form (resources/quotes/markers.yaml strict_cues)
    cats: dict[str, Anchor] = field(default_factory=dict)  # the first anchor of each category

    def get(self, cat: str) -> Anchor | None:
        return self.cats.get(cat)


# every character that is not part of a word becomes a space in the string the automaton scans
_BLANK = re.compile("[" + re.escape("\n\t\r.,;:!?()[]{}<>\"'`~@#$%^&*+=|\\/-–—_،؛؟«»“”„‟‘’‹›″…·•") + "]")


def _words(items: list[str]) -> list[str]:
    return [normalize(w) for w in items]


@dataclass
class Lexicon:
    cues: list[Cue] = field(default_factory=list)
    markers: dict[str, Any] = field(default_factory=dict)
    cites: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.cues = [Cue(normalize(r[0]), r[1], r[2], r[3]) for r in resources.tsv(CUES, 4)]
        self.markers = resources.yaml_data(MARKERS)
        self.cites = resources.yaml_data(CITATIONS)
        m, c = self.markers, self.cites
        self.proclitics: list[str] = _words(m["proclitics"])
        self.subject_breaks = frozenset(_words(m["subject_breaks"]))
        self.unnamed_speakers = frozenset(_words(m["unnamed_speakers"]))
        self.female_titles = frozenset(_words(m["female_titles"]))
        self.adverbials = frozenset(_words(m["adverbials"]))
        self.sentence_openers = frozenset(_words(m["sentence_openers"]))
        self.name_heads = frozenset(_words(m["name_heads"]))
        self.genitive_heads = frozenset(_words(m["genitive_heads"]))
        self.chain_openers = frozenset(_words(m["chain_openers"]))
        self.fronting_words = frozenset(_words(m["fronting_words"]))
        self.person_titles = frozenset(_words(m["person_titles"]))
        self.topic_markers = frozenset(_words(m["topic_markers"]))
        self.unnamed_subjects = frozenset(_words(m["unnamed_subjects"]))
        self.strict_cues = frozenset(_words(m["strict_cues"]))
        self.comp_blockers = frozenset(_words(m["complementiser_blockers"]))
        self.media_heads = sorted(_words(c["media_heads"]), key=len, reverse=True)
        self.unnamed_sources = sorted(_words(c["unnamed_sources"]), key=len, reverse=True)
        self.documents = sorted(_words(c["documents"]), key=len, reverse=True)
        self.outlets = sorted(_words(c["outlets"]), key=len, reverse=True)
        self.collective_heads = frozenset(_words(c["collective_heads"]))
        self.verbal_prepositions = frozenset(_words(c["verbal_prepositions"]))
        self.not_adjectives = frozenset(_words(c["not_adjectives"]))
        suffixes = "|".join(regex.escape(s) for s in sorted(_words(c["adjective_suffixes"]), key=len, reverse=True))
        self.adjective = regex.compile(rf"\p{{L}}{{2,}}(?:{suffixes})")
        rel = "|".join(regex.escape(w) for w in _words(m["relative_pronouns"]))
        self.relative = regex.compile(rf"(?<!\p{{L}})(?:{rel})(?!\p{{L}})")
        self.source_preposition = normalize(m["source_preposition"])
        morph = m["morphology"]
        self.article = normalize(morph["article"])
        self.glued_prepositions = normalize(morph["glued_prepositions"])
        self.feminine_ending = normalize(morph["feminine_ending"])
        self.lam = normalize(morph["lam"])
        self.families = [
            MarkFamily.build("".join(m["toggles"]), m["directed_pairs"]),
            MarkFamily.build("".join(m["single_toggles"]), m["single_directed_pairs"]),
        ]
        self.all_marks = "".join(f.marks for f in self.families)
        self._build_automaton()
        self._build_patterns()

    # -- automaton ---------------------------------------------------------------------------
    def _add(self, table: dict[str, list[Anchor]], key: str, anchor: Anchor) -> None:
        table.setdefault(key, []).append(anchor)

    def _build_automaton(self) -> None:
        table: dict[str, list[Anchor]] = {}
        for cue in self.cues:
            self._add(table, cue.form, Anchor("cue", cue, strict=cue.form in self.strict_cues))
        for w in _words(self.cites["report_verbs"]):
            self._add(table, w, Anchor("report"))
        for w in _words(self.cites["prepositions"]):
            glued = w.endswith(" " + self.lam)  # tatweel is already folded away: "لـ" is "ل"
            self._add(table, w, Anchor("prep", glued=glued))
        for w in _words(self.markers["switch_cues"]):
            self._add(table, w, Anchor("switch"))
        # keys are padded with the word-boundary space (not after a glued trigger): matching
        # runs on the shadow with punctuation blanked, so only whole words are reported
        auto = ahocorasick.Automaton()
        for key, anchors in table.items():
            glued = any(a.glued for a in anchors)
            for p in ["", *self.proclitics]:
                padded = " " + p + key + ("" if glued else " ")
                if padded not in auto:
                    cats = {a.cat: a for a in reversed(anchors)}
                    auto.add_word(padded, (len(p), len(key), tuple(anchors), cats))
        auto.make_automaton()
        self.automaton = auto

    def scan(self, norm: str) -> list[Hit]:
        """Whole-word anchor hits in text order; at one position the longest key wins and a hit
        inside a longer one (بحسب inside بحسب ما) is dropped."""
        bounded = " " + _BLANK.sub(" ", norm) + " "
        by_start: dict[int, Hit] = {}
        for end_idx, (plen, klen, anchors, cats) in self.automaton.iter(bounded):
            start = end_idx - plen - klen - (0 if anchors[0].glued else 1)  # offset in norm
            end = start + plen + klen
            prev = by_start.get(start)
            if prev is None or end > prev.end:
                by_start[start] = Hit(start + plen, end, anchors, start, anchors[0].strict, cats)
        hits = sorted(by_start.values(), key=lambda h: h.clitic_start)
        out: list[Hit] = []
        for h in hits:
            if out and h.clitic_start < out[-1].end:
                continue
            if h.strict and not (h.clitic_start != h.start and _after_stop(norm, h.clitic_start)):
                continue  # a strict cue (وبيّن) counts only with a proclitic at a clause start
            out.append(h)
        return out

    # -- local patterns ----------------------------------------------------------------------
    def _build_patterns(self) -> None:
        m = self.markers
        comps = "|".join(regex.escape(w) for w in sorted(_words(m["complementisers"]), key=len, reverse=True))
        preps = "|".join(regex.escape(w) for w in _words(m["complementiser_preps"]))
        prons = "|".join(regex.escape(w) for w in sorted(_words(m["pronoun_suffixes"]), key=len, reverse=True))
        marks = regex.escape(self.all_marks)
        # the first thing after a cue that opens its content: a complementiser, a colon, a mark
        self.after_cue = regex.compile(
            rf"(?P<comp>(?<![\p{{L}}\p{{N}}])(?:(?:{preps})\s+)?(?:{comps})(?:{prons})?(?![\p{{L}}\p{{N}}]))"
            rf"|(?P<colon>:)|(?P<mark>[{marks}])|(?P<stop>[.!?؟؛\n])"
        )
        wl = functools.partial(_word_list, article=self.article, lam=self.lam)
        self.media_heads_re = wl(self.media_heads)
        self.unnamed_sources_re = wl(self.unnamed_sources)
        self.documents_re = wl(self.documents)
        self.outlets_re = wl(self.outlets)
        self.marks_only = regex.compile(rf"[{marks}]")
        self.word = regex.compile(r"[\p{L}\p{N}]+")
        self.last_word = regex.compile(r"(?r)[\p{L}\p{N}]+")


_STOPS = frozenset(".!?؟،,:؛;\n")


def _after_stop(norm: str, k: int) -> bool:
    """Only punctuation (or the text start) before offset k."""
    while k > 0 and norm[k - 1] == " ":
        k -= 1
    return k == 0 or norm[k - 1] in _STOPS


def _word_list(words: list[str], article: str, lam: str) -> regex.Pattern[str]:
    """Whole-word alternation of `words` (longest first), also after a glued ل (للعربية)."""
    forms = set(words)
    forms |= {lam + w[len(article) :] for w in words if w.startswith(article) and len(w) > len(article) + 1}
    alt = "|".join(regex.escape(w) for w in sorted(forms, key=len, reverse=True))
    return regex.compile(rf"(?:{alt})(?![\p{{L}}\p{{N}}])")
