"""Finding trigger words in the normalised text: one automaton pass plus affix checks."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from marsad.annotate.events.lexicon import EventLexicon, Trigger


@dataclass(frozen=True, slots=True)
class Hit:
    start: int  # shadow offsets of the whole word(s), proclitics and suffixes included
    end: int
    trigger: Trigger
    future: bool  # a future/purpose prefix (سيزور، ليزور)
    pron: bool  # a pronoun suffix (زيارته)


def _word_start(norm: str, i: int) -> int:
    while i > 0 and norm[i - 1].isalpha():
        i -= 1
    return i


def _word_end(norm: str, j: int) -> int:
    n = len(norm)
    while j < n and norm[j].isalpha():
        j += 1
    return j


def find_hits(
    norm: str, lex: EventLexicon, is_ta_marbuta: Callable[[int], bool] | None = None,
    raw: Iterable[tuple[int, Trigger]] | None = None,
) -> list[Hit]:
    """All trigger words in `norm`, longest match first, non-overlapping, in text order.

    `is_ta_marbuta(i)` tells whether shadow position i was a ta marbuta in the original (folded
    to ه): a verb never ends in one, so "وزارة" (ministry) is not و + زار + ه. `raw` are the
    automaton's hits when already scanned (scan.py), else lex.automaton scans `norm`."""
    cands: list[Hit] = []
    n = len(norm)
    affixes = lex.affixes
    for end_idx, trig in lex.automaton.iter(norm) if raw is None else raw:
        e = end_idx + 1
        s = e - len(trig.form)
        # fast paths: most hits start and end on a word boundary
        ws = s if s == 0 or not norm[s - 1].isalpha() else _word_start(norm, s)
        we = e if e == n or not norm[e].isalpha() else _word_end(norm, e)
        aff = affixes[trig.kind]
        pre = norm[ws:s] if ws < s else ""
        note = aff.pre.get(pre)
        if note is None:
            continue
        suf = norm[e:we] if we > e else ""
        if trig.stem:
            if not suf or aff.suf.get(suf) != "pron":
                continue
        elif suf not in aff.suf:
            continue
        if is_ta_marbuta is not None and we > e and norm[we - 1] == "ه" and is_ta_marbuta(we - 1):
            continue  # a ta marbuta is no pronoun: وزارة is not و + زار + ه, غزوة is not غزو + ه
        cands.append(Hit(ws, we, trig, note == "future", trig.stem or aff.suf[suf] == "pron"))
    if not cands:
        return []
    # prefer the longest listed form; then drop overlaps
    cands.sort(key=lambda h: (h.start, -(h.end - h.start), -len(h.trigger.form)))
    out: list[Hit] = []
    last_end = -1
    for h in cands:
        if h.start >= last_end:
            out.append(h)
            last_end = h.end
        elif out and h.start == out[-1].start and h.end == out[-1].end and len(h.trigger.form) > len(out[-1].trigger.form):
            out[-1] = h
    return out
