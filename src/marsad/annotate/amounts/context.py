"""What surrounds a figure: its qualifier (نحو، أكثر من …), what it measures, and its period.

All lookups work on small windows of the normalised text around one figure, with patterns
compiled once from the lexicon.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from marsad.annotate.amounts.lexicon import Lexicon, Measure
from marsad.annotate.amounts.trie import trie_pattern
from marsad.annotate.doc import Doc
from marsad.model import TimeExpr

_CLITIC = "(?:[وفبلك]|ل|وب|ول|فب|فل)?"
_SUFFIX = "(?:ها|هم|هما|ه|نا|ا)?"
# sentence and clause boundaries in normalised text (a full stop before a digit is a decimal mark)
_PUNCT = re.compile(r"[!?؟\n.،,؛;:]")  # one character class: the engine scans for it fast
_SENT_CHARS = frozenset("!?؟\n.")
_WORD = re.compile(r"[^\W\d_]+")
_SHARE_OF = re.compile(r"\s*(من\s+[^\W\d_]+(?:\s+[^\W\d_]+){0,2})")
_WORD_START = r"[\s(«\"“']"
BEFORE_WINDOW = 160
AFTER_WINDOW = 70
AFTER_NEAR = 12
MEASURE_TEXT_WORDS = 4
PERIOD_WINDOW = 50
PERIOD_BEFORE = 100
PERIOD_ADJACENT = 5


@dataclass(slots=True)
class MeasureHit:
    name: str | None
    start: int  # normalised offsets of the phrase (or the raw clause text)
    end: int


class Context:
    """Qualifier, measure and period lookups around one figure (normalised offsets unless said)."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self._sent: list[int] = []  # offsets of sentence ends in the prepared article
        self._clause: list[int] = []  # … and of clause ends
        self._qual_before = re.compile(
            r"(?:^|(?<=[\s(«\"“]))" + _CLITIC + "(" + trie_pattern(lex.qualifiers_before) + r")\s*$"
        )
        self._qual_after = re.compile(r"\s*(" + trie_pattern(lex.qualifiers_after) + r")(?!\w)")
        self._block_before = re.compile(
            r"(?:^|(?<=[\s(«\"“]))" + _CLITIC + "(?:" + trie_pattern(lex.blockers_before) + r")\s*$"
        )
        self._block_after = re.compile(r"\s*(?:" + trie_pattern(lex.blockers_after) + r")(?!\w)")
        # measure phrases start a word; a proclitic (و، ب، لل …) may stick to them
        before = "(" + _CLITIC + ")(" + trie_pattern(lex.measures_before) + ")" + _SUFFIX + r"(?!\w)"
        after = "(" + _CLITIC + ")(" + trie_pattern(lex.measures_after) + ")" + _SUFFIX + r"(?!\w)"
        # anchored on the character before the phrase (a class the regex engine skips to quickly);
        # the "^" variants only serve a window that starts the text
        self._m_before = re.compile(_WORD_START + before)
        self._m_after = re.compile(_WORD_START + after)
        self._m_before_at0 = re.compile("^" + before)

    def prepare(self, norm: str) -> None:
        """Index the sentence and clause boundaries of one article (one pass each), so that the
        lookups around every figure bisect instead of scanning."""
        sent: list[int] = []
        clause: list[int] = []
        for m in _PUNCT.finditer(norm):
            i = m.start()
            ch = norm[i]
            if ch == "." and norm[i + 1:i + 2].isdigit():
                continue  # a decimal mark
            clause.append(i)
            if ch in _SENT_CHARS:
                sent.append(i)
        self._sent, self._clause = sent, clause

    # --- qualifiers and blockers -------------------------------------------------------------

    def qualifier(self, norm: str, start: int, end: int) -> str | None:
        """A bound phrase right before the figure at [start, end) or right after it."""
        m = self._qual_before.search(norm, max(0, start - 24), start)
        if m:
            return self.lex.qualifiers_before[m.group(1)]
        m = self._qual_after.match(norm, end)
        if m:
            return self.lex.qualifiers_after[m.group(1)]
        return None

    def blocked(self, norm: str, start: int) -> bool:
        """Is the figure a label (رقم 5، المادة 12، الآية 3)?"""
        return self._block_before.search(norm, max(0, start - 16), start) is not None

    def duration(self, norm: str, end: int) -> bool:
        """Does a time unit follow the figure ("منذ 125 مليون عام")?"""
        return self._block_after.match(norm, end) is not None

    # --- measure ------------------------------------------------------------------------------

    def measure(self, norm: str, kind: str, unit: str | None, start: int, end: int, prev_end: int,
                next_start: int) -> MeasureHit | None:
        """What the figure at [start, end) measures: an 'after' phrase within the clause that
        follows, else the nearest 'before' phrase between the previous figure and this one in the
        sentence, else the raw clause text (name None)."""
        sent_end = _first(self._sent, end, min(len(norm), end + AFTER_WINDOW))
        hi = min(sent_end, next_start)
        if kind != "percent":  # "13.8 مليار متر مكعب من الغاز": only right after the unit
            hi = min(hi, end + AFTER_NEAR)
        for m in self._m_after.finditer(norm, max(0, end - 1), hi):
            found, a, b = _choose(self.lex.measures_after, m, kind, unit)
            if found:
                return MeasureHit(found.name, a, b)
        lo = max(0, start - BEFORE_WINDOW)
        sent_start = max(_last(self._sent, lo, start), prev_end)
        best: MeasureHit | None = None
        best_weak: MeasureHit | None = None
        hits = list(self._m_before.finditer(norm, max(0, sent_start - 1), start))
        if sent_start == 0:
            hits[:0] = self._m_before_at0.finditer(norm, 0, start)
        for m in hits:
            found, a, b = _choose(self.lex.measures_before, m, kind, unit)
            if found and found.weak:
                best_weak = MeasureHit(found.name, a, b)
            elif found:
                best = MeasureHit(found.name, a, b)
        if best or best_weak:
            return best or best_weak
        if kind == "percent":  # "40 في المائة من اقتصاد العالم": the share's whole, kept raw
            m = _SHARE_OF.match(norm, end)
            if m:
                words = list(_WORD.finditer(norm, m.start(1), m.end(1)))
                stop = words[-1].end()
                for prev_w, w in zip(words, words[1:], strict=False):
                    if w.group() in self.lex.function_words:
                        stop = prev_w.end()
                        break
                return MeasureHit(None, m.start(1), stop)
        clause_start = max(_last(self._clause, sent_start, start), prev_end)
        words = [w for w in _WORD.finditer(norm, clause_start, start)
                 if w.group() not in self.lex.function_words][-MEASURE_TEXT_WORDS:]
        if words:
            return MeasureHit(None, words[0].start(), words[-1].end())
        return None

    def sentence_bounds(self, norm: str, start: int, end: int) -> tuple[int, int]:
        """Normalised bounds of the sentence around [start, end), at most BEFORE_WINDOW before and
        AFTER_WINDOW after."""
        lo = _last(self._sent, max(0, start - BEFORE_WINDOW), start)
        hi = _first(self._sent, end, min(len(norm), end + AFTER_WINDOW))
        return lo, hi

    def same_sentence(self, norm: str, a: int, b: int) -> bool:
        """No sentence boundary between offsets a and b."""
        return _first(self._sent, a, b) == b

    # --- period -------------------------------------------------------------------------------

    def period_limit(self, norm: str, end: int, next_start: int) -> int:
        """Normalised offset where the search for a period after a figure stops: the end of its
        clause, the next figure, or PERIOD_WINDOW characters."""
        return _first(self._clause, end, min(len(norm), end + PERIOD_WINDOW, next_start))

    @staticmethod
    def period(doc: Doc, dates: list[TimeExpr], start: int, end: int, limit: int, after_prev: int
               ) -> tuple[str | None, int]:
        """(TIMEX3 value, end of the time expression) of the date the figure at [start, end)
        refers to (original offsets): a year/month/quarter DATE after it in its clause ("240 مليار
        دولار في عام 2023"; a single day only right after it), else such a DATE before it in its
        sentence, not further back than PERIOD_BEFORE characters nor before `after_prev` (the end
        of the previous figure or of the date that figure took)."""
        for t in dates:
            if end <= t.start < limit and (_coarse(t.value) or t.start - end <= PERIOD_ADJACENT):
                return t.value, t.end
        sent = doc.sentence_of(start)
        s_lo = max(sent[0] if sent else 0, after_prev, start - PERIOD_BEFORE)
        best: tuple[str | None, int] = (None, -1)
        for t in dates:
            if s_lo <= t.start and t.end <= start and _coarse(t.value):
                best = (t.value, -1)
        return best


def _coarse(value: str) -> bool:
    """A year, month, quarter, half or season value (not a single day)."""
    return len(value) <= 7 or any(c in value for c in "QHS")


def _pick(options: list[Measure], kind: str, unit: str | None) -> Measure | None:
    for m in options:
        if m.kinds is None or kind in m.kinds or (unit is not None and unit in m.kinds):
            return m
    return None


def _choose(table: dict[str, list[Measure]], m: re.Match[str], kind: str, unit: str | None
            ) -> tuple[Measure | None, int, int]:
    """The measure of a phrase match, trying the clitic as part of the phrase first ("بارتفاع")."""
    whole = m.group(1) + m.group(2)
    if m.group(1) and whole in table:
        found = _pick(table[whole], kind, unit)
        if found:
            return found, m.start(1), m.end(2)
    return _pick(table[m.group(2)], kind, unit), m.start(2), m.end(2)


def _first(bounds: list[int], lo: int, hi: int) -> int:
    """The first boundary offset in [lo, hi), else hi."""
    i = bisect_left(bounds, lo)
    return bounds[i] if i < len(bounds) and bounds[i] < hi else hi


def _last(bounds: list[int], lo: int, hi: int) -> int:
    """The end of the last (one-character) boundary in [lo, hi), else lo."""
    i = bisect_left(bounds, hi) - 1
    return bounds[i] + 1 if i >= 0 and bounds[i] >= lo else lo
