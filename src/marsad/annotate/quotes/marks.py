"""Pairs of quotation marks in a paragraph, whatever the style: "…", “…”, ”…“, «…», „…“.

Marks with a direction («, ») open or close; the others (", “, ”) open or close by their
context (space before and a letter after opens; a letter before and a space or punctuation
after closes) and otherwise alternate. A quote still open at the end of its paragraph ends
there (unclosed); a closing mark with no opener is ignored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import regex

_OPEN_BEFORE = "(:،,؛-–—[/"
_CLOSE_AFTER = ".،,:؛!?؟)]-–—/"


@dataclass(slots=True)
class Pair:
    open: int  # shadow offset of the opening mark
    close: int  # shadow offset of the closing mark, or of the paragraph end when unclosed
    closed: bool

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close

    @property
    def end(self) -> int:
        """Offset just after the pair (after the closing mark when there is one)."""
        return self.close + 1 if self.closed else self.close


class Family(Protocol):
    toggles: str
    openers: dict[str, str]
    closers: frozenset[str]
    pattern: regex.Pattern[str]  # any mark of the family


def find_all_pairs(norm: str, families: Sequence[Family]) -> list[Pair]:
    """Pairs of every family in text order. The first family (double marks) wins: a pair of a
    later family (single marks) that crosses one of its pairs is dropped, and a single mark
    between two letters is an apostrophe (Mother's), not a quote."""
    pairs = find_pairs(norm, families[0].pattern, families[0].openers, families[0].closers, families[0].toggles)
    for fam in families[1:]:
        if not any(c in norm for c in fam.toggles + "".join(fam.openers)):
            continue
        extra = find_pairs(norm, fam.pattern, fam.openers, fam.closers, fam.toggles)
        for p in extra:
            if not p.closed or _apostrophe(norm, p.open) or _apostrophe(norm, p.close):
                continue
            if any(q.open < p.open < q.end < p.end or p.open < q.open < p.end < q.end for q in pairs):
                continue
            pairs.append(p)
        pairs.sort(key=lambda p: p.open)
    return pairs


def _apostrophe(norm: str, i: int) -> bool:
    return 0 < i < len(norm) - 1 and norm[i - 1].isalpha() and norm[i + 1].isalpha()


def _kind(norm: str, i: int, openers: dict[str, str], closers: frozenset[str] | set[str], toggles: str) -> str:
    ch = norm[i]
    if ch in openers:
        return "O"
    if ch in toggles:
        p = norm[i - 1] if i > 0 else " "
        q = norm[i + 1] if i + 1 < len(norm) else " "
        q_word = q.isalnum()
        if (p.isspace() or p in _OPEN_BEFORE) and q_word:
            return "O"
        if (q.isspace() or q in _CLOSE_AFTER or q in toggles) and not p.isspace():
            return "C"
        return "A"
    if ch in closers:
        return "C"
    return "A"


def find_pairs(
    norm: str, pattern: regex.Pattern[str], openers: dict[str, str], closers: frozenset[str] | set[str], toggles: str
) -> list[Pair]:
    """All quote pairs in text order; `pattern` matches any mark (a line break ends a quote)."""
    pairs: list[Pair] = []
    open_at = -1
    find = norm.find
    for m in pattern.finditer(norm):
        i = m.start()
        if open_at >= 0:
            nl = find("\n", open_at, i)
            if nl >= 0:  # the paragraph ended before this mark: the open quote ends there
                pairs.append(Pair(open_at, trim_end(norm, open_at + 1, nl), False))
                open_at = -1
        k = _kind(norm, i, openers, closers, toggles)
        if open_at < 0:
            if k != "C":
                open_at = i
        elif k == "O":
            # a new quote opens before the last one closed: that one ends here
            pairs.append(Pair(open_at, trim_end(norm, open_at + 1, i), False))
            open_at = i
        else:
            pairs.append(Pair(open_at, i, True))
            open_at = -1
    if open_at >= 0:
        nl = find("\n", open_at)
        pairs.append(Pair(open_at, trim_end(norm, open_at + 1, nl if nl >= 0 else len(norm)), False))
    return pairs


def trim_end(norm: str, start: int, end: int) -> int:
    while end > start and norm[end - 1].isspace():
        end -= 1
    return end
