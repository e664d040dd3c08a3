"""The entity annotator's word lists (resources/entities/*.tsv), folded and loaded once."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from marsad import resources
from marsad.annotate.entities.gazetteer import Gazetteer, key, load_gazetteer


@dataclass(frozen=True)
class Title:
    surface: str  # folded
    office: str
    resolvable: bool


@dataclass(frozen=True)
class Head:
    surface: str  # folded
    type: str
    needs_name: int  # 0 modifiers make a name, 1 needs a proper name, 2 only a quoted name


@dataclass(frozen=True)
class Lexicon:
    gazetteer: Gazetteer
    titles: dict[str, Title]
    heads: dict[str, Head]
    first_names: dict[str, str]  # folded name -> origin (ar, x, cn, amb)
    verbs: frozenset[str]
    stopwords: frozenset[str]
    common: frozenset[str]
    frequent: frozenset[str]
    definite: frozenset[str]  # words seen after ال (الحج -> حج)
    proclitics: frozenset[str]
    ambiguous: frozenset[str]
    generic: frozenset[str]  # head phrases that are not names (مجلس الإدارة)
    title_modifiers: dict[str, str]  # السابق -> former
    name_suffixes: frozenset[str]  # الثاني، السادس: continue a name
    romanize: tuple[tuple[str, str], ...]
    gazetteer_tokens: frozenset[str]  # tokens of gazetteer person names

    def is_common(self, tok: str) -> bool:
        """Is the folded token a common word (or a common word + pronoun suffix)?"""
        if tok in self.stopwords or tok in self.common:
            return True
        for suf in ("هما", "هم", "ها", "ه", "نا", "ي"):
            if tok.endswith(suf) and len(tok) - len(suf) >= 3:
                base = tok[: -len(suf)]
                if base.endswith("ت"):
                    base = base[:-1] + "ه"
                if base in self.common or "ال" + base in self.common:
                    return True
        return False


def _col(name: str) -> list[tuple[str, ...]]:
    return [tuple(r) for r in resources.tsv(f"entities/{name}")]


@functools.cache
def load_lexicon() -> Lexicon:
    gaz = load_gazetteer()
    titles = {key(r[0]): Title(key(r[0]), r[1], r[2] == "1") for r in _col("titles.tsv")}
    heads = {key(r[0]): Head(key(r[0]), r[1], int(r[2])) for r in _col("heads.tsv")}
    first = {key(r[0]): r[1] for r in _col("first_names.tsv")}
    common = frozenset(key(r[0]) for r in _col("common_words.tsv"))
    frequent = frozenset(key(r[0]) for r in _col("frequent_words.tsv"))
    definite = frozenset(key(r[0]) for r in _col("definite_words.tsv"))
    stopwords = frozenset(key(r[0]) for r in _col("stopwords.tsv"))
    tokens = set()
    for e in gaz.entries.values():
        if e.type == "PER":
            for s in (e.name, *e.variants):
                tokens.update(t for t in key(s).split() if len(t) > 2 and t not in stopwords)
    return Lexicon(
        gazetteer=gaz,
        titles=titles,
        heads=heads,
        first_names=first,
        verbs=frozenset(key(r[0]) for r in _col("verbs.tsv")),
        stopwords=stopwords,
        common=common - set(first) - tokens,
        frequent=frequent - set(first) - tokens,
        definite=definite,
        proclitics=frozenset(key(r[0]) for r in _col("proclitics.tsv")),
        ambiguous=frozenset(key(r[0]) for r in _col("ambiguous.tsv")),
        generic=frozenset(key(r[0]) for r in _col("generic_names.tsv")),
        title_modifiers={key(r[0]): r[1] for r in _col("title_modifiers.tsv")},
        name_suffixes=frozenset(key(r[0]) for r in _col("name_suffixes.tsv")),
        romanize=tuple((key(r[0]), r[1]) for r in _col("romanize.tsv")),
        gazetteer_tokens=frozenset(tokens),
    )
