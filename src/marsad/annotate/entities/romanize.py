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
def _table() -> tuple[regex.Pattern[str], dict[str, str]]:
    pairs = dict(load_lexicon().romanize)
    keys = sorted(pairs, key=len, reverse=True)
    return regex.compile("|".join(regex.escape(k) for k in keys)), pairs


def romanize(name: str) -> str:
    """'يوري أوشاكوف' -> 'Yuri Aushakuf'; non-Arabic characters pass through."""
    return romanize_folded(normalize(name))


@functools.lru_cache(maxsize=65536)
def romanize_folded(text: str) -> str:
    """romanize() of an already folded name (cached)."""
    pat, pairs = _table()
    text = _INITIAL_W.sub("W", text)  # word-initial waw/ya are consonants
    text = _INITIAL_Y.sub("Y", text)
    text = _FINAL_H.sub("A", text)  # final ta marbuta
    out = _ARTICLE.sub("al-", pat.sub(lambda m: pairs[m.group()], text).lower())
    return " ".join(w[:1].upper() + w[1:] for w in out.split())
