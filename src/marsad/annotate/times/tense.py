"""Is the clause before a time expression about the future? (سوف، سـيزور، من المقرر …)"""

from __future__ import annotations

import re

from marsad.annotate.times.lexicon import Lexicon, alternation

_WINDOW = 80
_BOUNDARIES = ".!?؟\n،,:؛"


class FutureCue:
    def __init__(self, lx: Lexicon) -> None:
        words = alternation(set(lx.cues.get("future", [])))
        not_verbs = alternation(set(lx.cues.get("future_prefix_not", [])))
        letter = r"[^\W\d_]"
        self._rx = re.compile(
            rf"(?<!{letter})[وف]?(?:{words}|(?!{not_verbs})س[يتن]{letter}{{2,}})(?!{letter})"
        )

    def before(self, norm: str, start: int) -> bool:
        """True if the sentence part just before `start` carries a future marker."""
        window = norm[max(0, start - _WINDOW):start].rstrip(" ،,(")
        cut = max(window.rfind(c) for c in _BOUNDARIES)
        if cut >= 0:
            window = window[cut + 1:]
        return self._rx.search(window) is not None
