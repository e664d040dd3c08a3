"""Build resources/entities/common_words.tsv from a JSONL news corpus (fields `text`).

A word is common (never a name token found by patterns) when the corpus also uses it with
the article ال often (المسؤول → مسؤول), or when it is very frequent and not a first name.
Proper names rarely take ال, so this separates them from nouns, adjectives and verbs without
a dictionary. Reproduce with:

    python -m marsad.annotate.entities.build_lexicon /work/shared/corpus/pool.jsonl
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import regex

from marsad import resources
from marsad.annotate.entities.lexicon import load_lexicon
from marsad.text.normalize import normalize

_WORD = regex.compile(r"\p{Arabic}+")
VERSION = 1
MIN_DEFINITE = 3  # ال + word seen at least this often
DEFINITE_RATIO = 0.05  # and at least this share of the bare form's count
MIN_DEFINITE_ONLY = 5  # definite words: ال + word seen this often
MIN_FREQUENT = 40  # other words this frequent (verbs, particles, some famous names)


def build(corpus: Path) -> tuple[list[str], list[str], list[str]]:
    """(common, frequent, definite): words used bare and with ال, other very frequent words,
    and words seen with ال at least MIN_DEFINITE_ONLY times (الحج -> حج)."""
    counts: Counter[str] = Counter()
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line).get("text") or ""
            counts.update(_WORD.findall(normalize(text)))
    lex = load_lexicon()
    protected = set(lex.first_names) | lex.gazetteer_tokens
    common, frequent = set(), set()
    for w, n in counts.items():
        if len(w) < 2 or w.startswith("ال") or w in protected:
            continue
        d = counts.get("ال" + w, 0)
        if d >= MIN_DEFINITE and d >= DEFINITE_RATIO * n:
            common.add(w)
        elif n >= MIN_FREQUENT:
            frequent.add(w)
    gaz_keys = {k for k, _, _ in lex.gazetteer.surfaces()}
    definite = {w[2:] for w, n in counts.items()
                if w.startswith("ال") and n >= MIN_DEFINITE_ONLY and len(w) > 3 and w not in gaz_keys}
    return sorted(common), sorted(frequent), sorted(definite)


def _write(name: str, words: list[str], what: str) -> None:
    target = resources.ROOT / "entities" / name
    with target.open("w", encoding="utf-8") as fh:
        fh.write(f"# {what}, derived from a news corpus by build_lexicon.py; folded.\n")
        fh.write(f"# version: {VERSION}\n")
        for w in words:
            fh.write(w + "\n")
    print(f"{len(words)} words -> {target}")


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    common, frequent, definite = build(Path(args[0]))
    _write("common_words.tsv", common, "Words also used with the article ال (nouns, adjectives)")
    _write("frequent_words.tsv", frequent, "Very frequent words never used with ال (verbs, particles)")
    _write("definite_words.tsv", definite, "Words seen with the article ال (الحج -> حج), for the لل check")


if __name__ == "__main__":
    main()
