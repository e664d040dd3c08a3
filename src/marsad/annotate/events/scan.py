"""One automaton pass over doc.norm for both keyword layers: event triggers and theme keywords
(and whether any dual word such as "البلدان" occurs, resources/events/actors.tsv).

Scanning an article costs more than all the rest of the themes annotator, so the trigger forms
(resources/events/triggers.tsv) and the theme stems (resources/themes/taxonomy.yaml) share one
automaton. The hits of the last article scanned are kept, keyed by the identity of its normalised
text, so the annotator that runs second reads them instead of scanning again; whichever runs
alone scans by itself. The hits are exactly those of the two separate automata, in scan order.
"""

from __future__ import annotations

import functools
from typing import Any

import ahocorasick

from marsad.annotate.events.lexicon import Trigger, lexicon
from marsad.annotate.themes.taxonomy import taxonomy

RawHits = list[tuple[int, Any]]  # (index of the last character, automaton value)


class SharedScan:
    def __init__(self) -> None:
        lex = lexicon()
        values: dict[str, list[Any]] = {}
        for key, trig in lex.automaton.items():
            values.setdefault(key, [None, None, False])[0] = trig
        for key, entry in taxonomy().automaton.items():
            values.setdefault(key, [None, None, False])[1] = entry
        for key in lex.duals:
            values.setdefault(key, [None, None, False])[2] = True
        self.automaton = ahocorasick.Automaton()
        for key, value in values.items():
            self.automaton.add_word(key, tuple(value))
        self.automaton.make_automaton()
        self._memo: tuple[str | None, RawHits, RawHits, bool] = (None, [], [], False)

    def __call__(self, norm: str) -> tuple[list[tuple[int, Trigger]], RawHits, bool]:
        """(trigger hits, theme hits, a dual word occurs) of `norm`; hits are (end index,
        value) in scan order."""
        memo = self._memo  # one attribute read and one write: safe if annotators share threads
        if memo[0] is norm:
            return memo[1], memo[2], memo[3]
        triggers: list[tuple[int, Trigger]] = []
        themes: RawHits = []
        dual = False
        for end_idx, (trig, entry, is_dual) in self.automaton.iter(norm):
            if trig is not None:
                triggers.append((end_idx, trig))
            if entry is not None:
                themes.append((end_idx, entry))
            if is_dual:
                dual = True
        self._memo = (norm, triggers, themes, dual)
        return triggers, themes, dual


@functools.cache
def shared_scan() -> SharedScan:
    return SharedScan()
