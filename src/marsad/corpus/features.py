"""Per-article features shared by the corpus steps: word forms, sentence keys, dates, outlets.

Tokenising is the hot spot of the corpus view, so it is done once per article (`prepare`)
with a per-process cache from raw whitespace tokens to normalised words and TF-IDF terms:
each distinct token is normalised once. Cost O(total text) with a small constant.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from marsad.corpus.settings import prefixes, section, stopwords
from marsad.model import Article
from marsad.text.normalize import normalize

_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
SUMMARY_SENTENCES = 25  # only an article's first sentences are summary candidates (news leads)


@functools.cache
def fold_table() -> dict[int, str | None]:
    """str.translate table folding text to normalised words in one C pass: the normaliser's
    rules (resources/text/normalize.tsv), Latin lower-cased, Arabic-Indic digits to ASCII,
    every character that is neither a letter nor a digit (punctuation, symbols) to a space."""
    table: dict[int, str | None] = {}
    for cp in range(0x3000):
        c = chr(cp)
        n = normalize(c).lower()
        if not n:
            table[cp] = None
        elif n.isalpha() or n.isdigit():
            if n != c:
                table[cp] = n
        else:
            table[cp] = " "
    return table


class Lexer:
    """Text -> normalised words (one translate + split, both in C), and word -> TF-IDF term
    (or None for stop words), memoised: the Python cost is paid once per distinct word."""

    def __init__(self, max_cache: int = 2_000_000) -> None:
        cfg = section("terms")
        self.min_len, self.min_rest = int(cfg["min_len"]), int(cfg["min_rest"])
        self.stop, self.pre = stopwords(), prefixes()
        self.table = fold_table()
        self._term: dict[str, str | None] = {}
        self._wid: dict[str, int] = {}
        self._hash = np.zeros(4096, dtype=np.uint64)
        self.max_cache = max_cache

    def words(self, text: str) -> list[str]:
        """Normalised words and numbers of `text` (Latin lower-cased), in order: numbers are
        kept so that templated reports differing only in their figures are not duplicates."""
        return text.translate(self.table).split()

    def _make_term(self, w: str) -> str | None:
        if len(w) < self.min_len or w in self.stop or not w.isalpha():
            return None
        for p in self.pre:
            if w.startswith(p) and len(w) - len(p) >= self.min_rest:
                w = w[len(p):]
                break
        return None if w in self.stop else w

    def word_hashes(self, ws: list[str]) -> np.ndarray:
        """Stable 32-bit hashes (crc32 + 1) of words, as uint64, computed once per distinct word."""
        wid = self._wid
        new = set(ws).difference(wid)
        if new:
            need = len(wid) + len(new)
            if need > len(self._hash):
                grown = np.zeros(max(need, 2 * len(self._hash)), dtype=np.uint64)
                grown[:len(wid)] = self._hash[:len(wid)]
                self._hash = grown
            for w in new:
                n = wid[w] = len(wid)
                self._hash[n] = zlib.crc32(w.encode()) + 1
        return self._hash[np.fromiter(map(wid.__getitem__, ws), dtype=np.int64, count=len(ws))]

    def term_list(self, ws: list[str]) -> list[str | None]:
        """The term of each word, None for stop words."""
        cache = self._term
        if len(cache) > self.max_cache:
            cache.clear()
        for w in set(ws).difference(cache):
            cache[w] = self._make_term(w)
        return list(map(cache.__getitem__, ws))

    def terms(self, ws: list[str]) -> list[str]:
        """TF-IDF terms of words: stop words dropped, proclitics (ال، وال، بال …) stripped when
        enough letters remain."""
        return [t for t in self.term_list(ws) if t]


_LEXER: Lexer | None = None


def lexer() -> Lexer:
    global _LEXER
    if _LEXER is None:
        _LEXER = Lexer()
    return _LEXER


def words(text: str) -> list[str]:
    return lexer().words(text)


def terms(text: str) -> list[str]:
    lx = lexer()
    return lx.terms(lx.words(text))


def sentence_key(ws: Sequence[str]) -> str:
    return " ".join(ws)


@dataclass(slots=True)
class Prepared:
    """What the corpus steps read of one article: its normalised words, its TF-IDF terms
    (title counted twice: titles name the happening), the normalised key of every sentence,
    and the terms of its first sentences (summary candidates)."""

    words: list[str]
    terms: list[str]
    sent_keys: list[str]
    sent_terms: list[list[str]]
    title_key: str


def prepare(a: Article) -> Prepared:
    """Tokenise one article once for every corpus step. O(len(text))."""
    lx = lexer()
    spans = a.sentences or [(0, len(a.text))]
    per_sentence = [lx.words(a.text[s:t]) for s, t in spans]
    all_words = [w for ws in per_sentence for w in ws]
    marks = lx.term_list(all_words)  # one entry per word, None for stop words
    sent_terms: list[list[str]] = []
    pos = 0
    for ws in per_sentence[:SUMMARY_SENTENCES]:
        sent_terms.append([t for t in marks[pos:pos + len(ws)] if t])
        pos += len(ws)
    title_words = lx.words(a.title) if a.title else []
    title_terms = lx.terms(title_words)
    return Prepared(words=all_words, terms=title_terms + title_terms + [t for t in marks if t],
                    sent_keys=[" ".join(ws) for ws in per_sentence], sent_terms=sent_terms,
                    title_key=" ".join(title_words))


def parse_day(value: str | None) -> dt.date | None:
    """The calendar day of an ISO value ("2024-05-16", "2024-05-16T10:00"), else None."""
    if not value:
        return None
    m = _ISO_DAY.match(value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def published_day(a: Article) -> dt.date | None:
    return parse_day(a.published.value) if a.published else None


def outlet(a: Article) -> str:
    """The outlet of an article, or its id when unknown (each unknown source counts once)."""
    return a.source.outlet or a.source.url or a.id


def iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def span_days(days: Iterable[dt.date | None]) -> tuple[dt.date | None, dt.date | None]:
    ds = [d for d in days if d is not None]
    return (min(ds), max(ds)) if ds else (None, None)
