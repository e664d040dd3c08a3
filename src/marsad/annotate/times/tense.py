"""Is the clause before a time expression about the future? (سوف، سـيزور، من المقرر …)"""

from __future__ import annotations

import re

from marsad.annotate.times.lexicon import Lexicon, alternation

_WINDOW = 80
_BOUNDARIES = ".!?؟\n،,:؛"
_NEAR = 40  # characters before the expression that a schedule verb may stand in (verb + subject)


class FutureCue:
    def __init__(self, lx: Lexicon) -> None:
        words = alternation(set(lx.cues.get("future", [])))
        not_verbs = alternation(set(lx.cues.get("future_prefix_not", [])))
        letter = r"[^\W\d_]"
        self._rx = re.compile(
            rf"(?<!{letter})[وف]?(?:{words}|(?!{not_verbs})س[يتن]{letter}{{2,}})(?!{letter})"
        )
        # an imperfective schedule verb at most two words before the expression ("يخوض المنتخب
        # مساء الأربعاء", "تنطلق الخميس"): the present tense of a fixture or a programme
        self._present = frozenset(lx.cues.get("future_present", []))
        # "منذ الأحد", "كان مقررا": the clause is about the past whatever the verb
        self._past = frozenset(lx.cues.get("past_before", []))

    def before(self, norm: str, start: int, schedule: bool = False) -> bool:
        """True if the sentence part just before `start` carries a future marker; with `schedule`
        (a weekday or a part of a day) a present-tense schedule verb counts as one."""
        window = norm[max(0, start - _WINDOW):start].rstrip(" ،,(")
        cut = max(window.rfind(c) for c in _BOUNDARIES)
        if cut >= 0:
            window = window[cut + 1:]
        last = window[-_NEAR:].split()[-3:]
        if last and _word_in(last[-1], self._past):
            return False
        if self._rx.search(window) is not None:
            return True
        return schedule and any(_word_in(w, self._present) for w in last)


def _word_in(word: str, words: frozenset[str]) -> bool:
    """Is `word`, or `word` without a leading و/ف, one of `words`?"""
    return word in words or (word[:1] in "وف" and word[1:] in words)
