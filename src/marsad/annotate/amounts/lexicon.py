"""The amounts resources (resources/amounts/*.tsv), normalised and compiled once per process."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from marsad import resources
from marsad.text.normalize import normalize


@dataclass(frozen=True, slots=True)
class Tail:
    """What follows a figure and makes it an amount: a currency, unit, percent sign or noun."""

    kind: str  # money | percent | quantity | count | multiplier
    unit: str | None  # ISO 4217, '%', SI-style code, or None
    factor: float = 1.0  # سنت = USD * 0.01
    measure: str | None = None
    ambiguous: str | None = None  # currency name shared by countries (ريال، دينار …)


@dataclass(frozen=True, slots=True)
class NumberWord:
    value: float
    cls: str


@dataclass(frozen=True, slots=True)
class Measure:
    name: str
    position: str  # before | after
    kinds: frozenset[str] | None  # None = all kinds
    weak: bool = False  # generic (a change verb, "value"): a specific measure in the window wins


@dataclass(slots=True)
class Lexicon:
    numbers: dict[str, NumberWord] = field(default_factory=dict)
    tails: dict[str, Tail] = field(default_factory=dict)
    qualifiers_before: dict[str, str] = field(default_factory=dict)
    qualifiers_after: dict[str, str] = field(default_factory=dict)
    measures_before: dict[str, list[Measure]] = field(default_factory=dict)
    measures_after: dict[str, list[Measure]] = field(default_factory=dict)
    blockers_before: set[str] = field(default_factory=set)
    blockers_after: set[str] = field(default_factory=set)
    unit_cues: dict[str, tuple[str, ...]] = field(default_factory=dict)  # unit -> cues it needs
    year_cues: set[str] = field(default_factory=set)  # words before a year (عام، منذ، month names)
    function_words: frozenset[str] = frozenset()  # left out of measure_text
    count_shapes: dict[str, list[str]] = field(default_factory=dict)  # any|tamyiz -> regexes
    count_stops: frozenset[str] = frozenset()  # words that look like counted nouns but are not
    # ambiguous currency word -> list of (ISO, cues, is_default)
    currency_countries: dict[str, list[tuple[str, tuple[str, ...], bool]]] = field(default_factory=dict)


def _code(cell: str) -> tuple[str | None, float]:
    if cell in ("", "-"):
        return None, 1.0
    if "*" in cell:
        code, factor = cell.split("*", 1)
        return code, float(factor)
    return cell, 1.0


@functools.cache
def load() -> Lexicon:
    lex = Lexicon()
    for form, value, cls in resources.tsv("amounts/numbers.tsv", 3):
        lex.numbers[normalize(form)] = NumberWord(float(value), cls)
    for phrase, code in resources.tsv("amounts/currencies.tsv", 2):
        if code.startswith("AMBIG:"):
            lex.tails[normalize(phrase)] = Tail("money", None, ambiguous=normalize(code[6:]))
        else:
            unit, factor = _code(code)
            lex.tails[normalize(phrase)] = Tail("money", unit, factor)
    for row in resources.tsv("amounts/units.tsv", 3):
        phrase, kind, unit_cell = row[0], row[1], row[2]
        measure = row[3] if len(row) > 3 and row[3] != "-" else None
        unit, factor = _code(unit_cell)
        lex.tails[normalize(phrase)] = Tail(kind, unit, factor, measure)
    for phrase, qualifier, position in resources.tsv("amounts/qualifiers.tsv", 3):
        target = lex.qualifiers_before if position == "before" else lex.qualifiers_after
        target[normalize(phrase)] = qualifier
    for row in resources.tsv("amounts/measures.tsv", 4):
        phrase, name, position, kinds = row[:4]
        weak = len(row) > 4 and row[4] == "weak"
        m = Measure(name, position, None if kinds == "*" else frozenset(kinds.split(",")), weak)
        target2 = lex.measures_before if position == "before" else lex.measures_after
        key = normalize(phrase)
        target2.setdefault(key, []).append(m)
        if key.startswith("ال") and len(key) > 4:  # "للنمو الاقتصادي" = ل + النمو الاقتصادي
            target2.setdefault("لل" + key[2:], []).append(m)
        if key.endswith("ه") and " " not in key:  # "مساحتها": the ta marbuta before a suffix
            target2.setdefault(key[:-1] + "ت", []).append(m)
    for row in resources.tsv("amounts/blockers.tsv", 2):
        (lex.blockers_before if row[1] == "before" else lex.blockers_after).add(normalize(row[0]))
    lex.function_words = frozenset(normalize(r[0]) for r in resources.tsv("amounts/function_words.tsv", 1))
    for regex, condition, *_ in resources.tsv("amounts/count_shapes.tsv", 2):
        lex.count_shapes.setdefault(condition, []).append(regex)
    lex.count_stops = frozenset(normalize(r[0]) for r in resources.tsv("amounts/count_stops.tsv", 1))
    for row in resources.tsv("amounts/year_cues.tsv", 1):
        lex.year_cues.add(normalize(row[0]))
    try:  # month names are the times layer's data; read them when they are there
        lex.year_cues.update(normalize(r[0]) for r in resources.tsv("times/months.tsv", 1))
    except (FileNotFoundError, ValueError):
        pass
    for unit, cues in resources.tsv("amounts/unit_cues.tsv", 2):
        lex.unit_cues[unit] = tuple(normalize(c.strip()) for c in cues.split(",") if c.strip())
    for word, iso, cues in resources.tsv("amounts/currency_countries.tsv", 3):
        cue_list = [c.strip() for c in cues.split(",") if c.strip()]
        is_default = "DEFAULT" in cue_list
        norm_cues = tuple(normalize(c) for c in cue_list if c != "DEFAULT")
        lex.currency_countries.setdefault(normalize(word), []).append((iso, norm_cues, is_default))
    return lex
