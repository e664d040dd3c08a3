"""The compiled theme taxonomy: keyword automaton over normalised text, with word-boundary and
proclitic checks (resources/themes/taxonomy.yaml)."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import ahocorasick

from marsad import resources
from marsad.text.normalize import normalize

# proclitics allowed before a keyword stem (after folding); "ال"-forms only when the keyword was
# listed with its article or without one (both are reduced to the bare stem at load)
PREFIXES = frozenset(
    {"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك",
     "ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وبال", "فبال"}
)


@dataclass(slots=True)
class Keyword:
    key: str  # the folded stem as matched
    star: bool  # any word ending allowed
    themes: list[tuple[str, float]] = field(default_factory=list)


@dataclass
class Taxonomy:
    codes: tuple[str, ...]
    parent: dict[str, str]
    labels: dict[str, str]
    automaton: ahocorasick.Automaton  # stem -> (its length, star, Keyword)
    version: int

    def find(self, norm: str, raw: Iterable[tuple[int, Any]] | None = None) -> list[tuple[int, int, Keyword]]:
        """Keyword hits (shadow start, end, keyword), longest first at each position. `raw` are
        the automaton's hits when already scanned (events/scan.py), else the automaton scans."""
        n = len(norm)
        cands: list[tuple[int, int, int, int, Keyword]] = []
        append = cands.append
        i = 0
        for end_idx, (klen, star, kw) in self.automaton.iter(norm) if raw is None else raw:
            e = end_idx + 1
            s = e - klen
            ws = s
            if s and norm[s - 1].isalpha():  # proclitics before the stem: at most 4 letters
                ws -= 1
                while ws > 0 and norm[ws - 1].isalpha():
                    ws -= 1
                if s - ws > 4 or norm[ws:s] not in PREFIXES:
                    continue
            we = e
            if star:
                while we < n and norm[we].isalpha():
                    we += 1
            elif e < n and norm[e].isalpha():
                continue
            # sorted as (start, longest span, longest key, scan order): i keeps ties stable
            append((ws, ws - we, -klen, i, kw))
            i += 1
        cands.sort()
        out: list[tuple[int, int, Keyword]] = []
        last_end = -1
        for ws, neg_len, _, _, kw in cands:
            if ws >= last_end:
                last_end = ws - neg_len
                out.append((ws, last_end, kw))
        return out


def _stem(keyword: str) -> tuple[str, bool]:
    star = keyword.endswith("*")
    k = normalize(keyword.rstrip("*").strip())
    if k.startswith("ال") and len(k.split(" ", 1)[0]) > 4:
        k = k[2:]
    return k, star


@functools.cache
def taxonomy() -> Taxonomy:
    data = resources.yaml_data("themes/taxonomy.yaml")
    themes = data["themes"]
    parent: dict[str, str] = {}
    labels: dict[str, str] = {}
    keywords: dict[tuple[str, bool], Keyword] = {}
    for code, spec in themes.items():
        labels[code] = spec.get("label", code)
        if spec.get("parent"):
            if spec["parent"] not in themes:
                raise ValueError(f"themes/taxonomy.yaml: {code}: unknown parent {spec['parent']}")
            parent[code] = spec["parent"]
        base = float(spec.get("weight", 1.0))
        for entry in spec["keywords"]:
            word, _, w = str(entry).partition("|")
            weight = base * (float(w) if w else 1.0)
            key, star = _stem(word)
            if len(key) < 2:
                raise ValueError(f"themes/taxonomy.yaml: {code}: keyword too short: {entry}")
            kw = keywords.setdefault((key, star), Keyword(key, star))
            for i, (c, old) in enumerate(kw.themes):
                if c == code:
                    kw.themes[i] = (c, max(old, weight))
                    break
            else:
                kw.themes.append((code, weight))
    auto = ahocorasick.Automaton()
    # one automaton key per stem: a starred and an exact entry of the same stem are merged
    merged: dict[str, Keyword] = {}
    for (key, star), kw in keywords.items():
        if key in merged:
            other = merged[key]
            other.star = other.star or star
            for code, weight in kw.themes:
                if all(c != code for c, _ in other.themes):
                    other.themes.append((code, weight))
        else:
            merged[key] = kw
    for key, kw in merged.items():
        auto.add_word(key, (len(key), kw.star, kw))
    auto.make_automaton()
    return Taxonomy(tuple(themes), parent, labels, auto, int(data.get("version", 0)))
