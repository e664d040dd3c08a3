"""A normalised shadow of Arabic text with an offset map back to the original.

Folding rules live in resources/text/normalize.tsv. Every rule maps one character to one
character or deletes it, so the shadow is never longer than the text and each shadow
character has exactly one original position. Search and lexicon matching run on the shadow;
results are mapped back with `Shadow.orig_span` so that spans always point into the original.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass

from marsad import resources


def _cp(tok: str) -> int:
    return int(tok[2:], 16) if tok.upper().startswith("U+") else ord(tok)


@functools.cache
def _tables() -> tuple[dict[int, str | None], re.Pattern[str], tuple[tuple[str, str], ...]]:
    """(translate table, deleted-character class, 1:1 replacement pairs) from the resource."""
    table: dict[int, str | None] = {}
    deleted: list[int] = []
    for row in resources.tsv("text/normalize.tsv", 2):
        src, dst = row[0], row[1]
        if "-" in src and src.upper().startswith("U+"):
            lo, hi = (_cp(x) for x in src.split("-"))
        else:
            lo = hi = _cp(src)
        for i, cp in enumerate(range(lo, hi + 1)):
            if dst == "DELETE":
                table[cp] = None
                deleted.append(cp)
            elif dst == "0":  # digit ranges map in order onto 0-9
                table[cp] = str(i)
            else:
                table[cp] = chr(_cp(dst))
    cls = "".join(f"\\U{cp:08x}" for cp in sorted(set(deleted)))
    pairs = tuple((chr(k), v) for k, v in table.items() if v is not None)
    return table, re.compile(f"[{cls}]+"), pairs


_UPPER = re.compile("[A-Z]+")


def _lower_ascii(m: re.Match[str]) -> str:
    return m.group().lower()


def normalize(text: str) -> str:
    """The folded form of `text` (no offset map): for queries, keys and lexicon entries.

    Implemented as one deletion regex plus C-speed `str.replace` for each folded character
    that occurs (str.translate with a dict is ~10x slower on non-ASCII text)."""
    _table, deleted, pairs = _tables()
    if deleted.search(text):
        text = deleted.sub("", text)
    for ch, to in pairs:
        if ch in text:
            text = text.replace(ch, to)
    if _UPPER.search(text):
        text = _UPPER.sub(_lower_ascii, text)
    return text


@dataclass(slots=True)
class Shadow:
    """Normalised text plus the map from its offsets to offsets in the original text."""

    text: str
    original: str
    _cuts: list[int] | None  # sorted shadow positions before which characters were deleted
    _shift: list[int] | None  # cumulative deleted count at each cut

    def orig(self, i: int) -> int:
        """Original offset of shadow offset `i` (a start position)."""
        if self._cuts is None:
            return i
        k = bisect_right(self._cuts, i)
        return i + (self._shift[k - 1] if k else 0)  # type: ignore[index]

    def orig_end(self, j: int) -> int:
        """Original offset for an exclusive end `j` in the shadow (takes in trailing diacritics)."""
        return self.orig(j) if j > 0 else 0

    def orig_span(self, i: int, j: int) -> tuple[int, int]:
        return self.orig(i), self.orig_end(j)


def shadow(text: str) -> Shadow:
    _table, deleted, _pairs = _tables()
    folded = normalize(text)
    if len(folded) == len(text):
        return Shadow(folded, text, None, None)
    cuts: list[int] = []
    shift: list[int] = []
    removed = 0
    for m in deleted.finditer(text):
        pos = m.start() - removed  # shadow position of the next kept char
        removed += m.end() - m.start()
        cuts.append(pos)
        shift.append(removed)
    return Shadow(folded, text, cuts, shift)
