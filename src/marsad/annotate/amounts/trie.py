"""Build one compact regex alternation from a word list (a character trie), so that a large
lexicon matches in a single left-to-right pass without trying every alternative."""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""


def trie_pattern(words: Iterable[str], flexible: bool = False) -> str:
    """A regex (no groups) matching any of `words`, preferring the longest. `flexible`: a space
    matches any run of white space and a slash may have spaces around it ("كم/ ساعة")."""
    root: dict[str, dict] = {}
    for w in words:
        if not w:
            continue
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[_END] = {}
    if not root:
        return "(?!)"
    return _emit(root, _FLEX if flexible else {})


_FLEX = {" ": r"\s+", "/": r"\s*/\s*"}
_SPACES = re.compile(r"\s*/\s*|\s+")


def canonical(phrase: str) -> str:
    """The lexicon key of a phrase matched by a flexible pattern: single spaces, bare slashes."""
    return _SPACES.sub(lambda m: "/" if "/" in m.group() else " ", phrase)


def _emit(node: dict[str, dict], flex: dict[str, str]) -> str:
    ends = _END in node
    branches = [(flex.get(ch) or re.escape(ch)) + _emit(child, flex)
                for ch, child in sorted(node.items()) if ch != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return "(?:" + body + ")?" if len(branches) > 1 or len(body) > 1 else body + "?"
    return body
