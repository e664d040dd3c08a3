"""A readable (not scholarly) romanisation of Arabic names, from resources/entities/romanize.tsv."""

from __future__ import annotations

import functools

import regex

from marsad.annotate.entities.lexicon import load_lexicon
from marsad.text.normalize import normalize

_INITIAL_W = regex.compile(r"(?<!\w)و")
_INITIAL_Y = regex.compile(r"(?<!\w)ي")
_FINAL_H = regex.compile(r"ه(?!\w)")
_ARTICLE = regex.compile(r"(?<!\w)al(?=\w)")


@functools.cache
def _table() -> tuple[regex.Pattern[str] | None, dict[str, str], dict[int, str]]:
    """(pattern of the multi-letter keys, longest first; all pairs; str.translate table of the
    one-letter keys). Replacing the clusters first and then translating letter by letter gives
    the same result as one leftmost-longest pass over all keys, at C speed."""
    pairs = dict(load_lexicon().romanize)
    multi = sorted((k for k in pairs if len(k) > 1), key=len, reverse=True)
    pat = regex.compile("|".join(regex.escape(k) for k in multi)) if multi else None
    return pat, pairs, {ord(k): v for k, v in pairs.items() if len(k) == 1}


def romanize(name: str) -> str:
    """'يوري أوشاكوف' -> 'Yuri Aushakuf'; non-Arabic characters pass through."""
    return romanize_folded(normalize(name))


@functools.lru_cache(maxsize=65536)
def romanize_folded(text: str) -> str:
    """romanize() of an already folded name (cached)."""
    pat, pairs, letters = _table()
    text = _INITIAL_W.sub("W", text)  # word-initial waw/ya are consonants
    text = _INITIAL_Y.sub("Y", text)
    text = _FINAL_H.sub("A", text)  # final ta marbuta
    if pat is not None:
        text = pat.sub(lambda m: pairs[m.group()], text)
    out = _ARTICLE.sub("al-", text.translate(letters).lower())
    return " ".join(w[:1].upper() + w[1:] for w in out.split())
