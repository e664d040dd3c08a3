"""Sentence and token boundaries for Arabic text, as character offsets into the text.

Sentences end at . ! ? ؟ … ؛(not) or a line break; a full stop between digits (13.8), after a
known abbreviation (resources/text/abbreviations.tsv) or not followed by space does not end one.
Closing quotes and brackets after the terminator stay with the sentence. One regex pass.
"""

from __future__ import annotations

import functools

import regex

from marsad import resources

_CLOSERS = "\"'»”’)]}"
_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}_]+(?:[.,٫٬][\p{N}]+)*|\S")


@functools.cache
def _boundary() -> regex.Pattern[str]:
    abbrevs = sorted((r[0] for r in resources.tsv("text/abbreviations.tsv")), key=len, reverse=True)
    abbr = "|".join(regex.escape(a) for a in abbrevs)
    # a terminator run (not a lone abbreviation dot) plus closing marks, then whitespace or end;
    # or a line break. The lookbehind keeps "د. محمد" and "U.S. " together.
    return regex.compile(
        rf"(?<!(?:^|[\s(«\"“])(?:{abbr}))[.!?؟…]+[{regex.escape(_CLOSERS)}]*(?=\s|$)|\n+",
        regex.V1,
    )


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed, in text order."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _boundary().finditer(text):
        end = m.end() if m.group()[0] != "\n" else m.start()
        _add(text, start, end, out)
        start = m.end()
    _add(text, start, len(text), out)
    return out


def _add(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


def tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each token: a run of letters/marks/digits (with inner decimal marks) or
    one other non-space character."""
    return [m.span() for m in _TOKEN.finditer(text, start, len(text) if end is None else end)]
