"""The time lexicons (resources/times/*.tsv), folded like the shadow text, and the regex macros
built from them for the grammar in resources/times/rules.yaml."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import regex

from marsad import resources
from marsad.text.normalize import normalize

_AREA = "times/"
_AND = re.compile(r"\s+و")


@functools.lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """A lexicon entry folded like doc.norm, with runs of spaces collapsed."""
    return " ".join(normalize(s).split())


def alternation(words: list[str] | set[str]) -> str:
    """A non-capturing alternation of literal words, longest first, inner spaces as \\s+."""
    ws = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(r"\s+".join(regex.escape(p) for p in w.split(" ")) for w in ws) + ")"


@dataclass
class Lexicon:
    months: dict[str, int] = field(default_factory=dict)
    months_bare: set[str] = field(default_factory=set)
    hijri_months: dict[str, int] = field(default_factory=dict)
    hijri_bare: set[str] = field(default_factory=set)
    weekdays: dict[str, int] = field(default_factory=dict)  # with the article: الخميس -> 4
    weekdays_bare: set[str] = field(default_factory=set)
    seasons: dict[str, tuple[str, int]] = field(default_factory=dict)
    cardinals: dict[str, int | None] = field(default_factory=dict)  # None: vague (عدة)
    ordinals: dict[str, int] = field(default_factory=dict)
    decades: dict[str, int] = field(default_factory=dict)
    units: dict[str, tuple[str, str]] = field(default_factory=dict)  # form -> (unit, form kind)
    modifiers: dict[str, tuple[int, str]] = field(default_factory=dict)
    lexical: dict[str, tuple[str, str]] = field(default_factory=dict)
    cues: dict[str, list[str]] = field(default_factory=dict)
    parts_of_day: dict[str, str] = field(default_factory=dict)
    clock: dict[str, int] = field(default_factory=dict)
    holidays: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    day_words: dict[str, int] = field(default_factory=dict)
    spelling_not: set[str] = field(default_factory=set)

    def decade(self, word: str) -> int | None:
        w = fold(word)
        return self.decades.get(w, self.decades.get("ال" + w))

    def unit_of(self, word: str) -> tuple[str, str] | None:
        """(unit, form) of a unit word, tolerating an attached article (السنوات -> Y)."""
        w = fold(word)
        if w in self.units:
            return self.units[w]
        if w.startswith("ال") and w[2:] in self.units:
            return self.units[w[2:]]
        if w.startswith("لل") and w[2:] in self.units:
            return self.units[w[2:]]
        return None

    def number(self, text: str) -> int | None:
        """Digits or number words ("خمسة وعشرين"); None if vague or unknown."""
        t = fold(text)
        if t.isdigit():
            return int(t)
        total = 0
        for part in _AND.split(t):
            part = part.strip()
            if part.startswith("ال") and part not in self.cardinals:
                part = part[2:]
            v = self.cardinals.get(part)
            if v is None:
                return None
            total += v
        return total


@functools.cache
def first_names() -> frozenset[str]:
    """Unambiguous first names (folded) from the entities area: a bare weekday right after one is
    a family name (أحمد الخميس). Empty if that resource is missing."""
    try:
        rows = resources.tsv("entities/first_names.tsv", 2)
    except (OSError, ValueError):
        return frozenset()
    return frozenset(fold(name) for name, origin, *_ in rows if origin in ("ar", "x"))


def load() -> Lexicon:
    lx = Lexicon()
    for name, num, _cal, bare in resources.tsv(_AREA + "months.tsv", 4):
        lx.months[fold(name)] = int(num)
        if bare == "yes":
            lx.months_bare.add(fold(name))
    for name, num, bare in resources.tsv(_AREA + "hijri_months.tsv", 3):
        lx.hijri_months[fold(name)] = int(num)
        if bare == "yes":
            lx.hijri_bare.add(fold(name))
    for name, iso, bare in resources.tsv(_AREA + "weekdays.tsv", 3):
        lx.weekdays[fold(name)] = int(iso)
        if bare == "yes":
            lx.weekdays_bare.add(fold(name))
    for name, code, first in resources.tsv(_AREA + "seasons.tsv", 3):
        lx.seasons[fold(name)] = (code, int(first))
    for word, value, kind in resources.tsv(_AREA + "numbers.tsv", 3):
        w = fold(word)
        if kind == "card":
            lx.cardinals[w] = None if value == "X" else int(value)
        elif kind == "ord":
            lx.ordinals[w] = int(value)
        elif kind == "decade":
            lx.decades[w] = int(value)
    for word, unit, form in resources.tsv(_AREA + "units.tsv", 3):
        lx.units[fold(word)] = (unit, form)
    for word, offset, scope in resources.tsv(_AREA + "modifiers.tsv", 3):
        lx.modifiers[fold(word)] = (int(offset), scope)
    for word, typ, value in resources.tsv(_AREA + "lexical.tsv", 3):
        lx.lexical[fold(word)] = (typ, value)
    for cat, word in resources.tsv(_AREA + "cues.tsv", 2):
        if cat == "spelling_not":  # compared with the original text, not folded
            lx.spelling_not.add(word)
        else:
            lx.cues.setdefault(cat, []).append(fold(word))
    for word, code in resources.tsv(_AREA + "parts_of_day.tsv", 2):
        lx.parts_of_day[fold(word)] = code
    for word, hours in resources.tsv(_AREA + "clock.tsv", 2):
        lx.clock[fold(word)] = int(hours)
    for word, cal, md in resources.tsv(_AREA + "holidays.tsv", 3):
        m, d = md.split("-")
        lx.holidays[fold(word)] = (cal, int(m), int(d))
    for word, offset in resources.tsv(_AREA + "day_words.tsv", 2):
        lx.day_words[fold(word)] = int(offset)
    return lx


def macros(lx: Lexicon) -> dict[str, str]:
    """The {NAME} macros available to rule patterns."""
    month_any = alternation(set(lx.months))
    month_bare = alternation(lx.months_bare)
    pair = rf"(?:(?:\s*[/(\-]\s*|\s+)(?P<mon2>{month_any})(?:\s*\))?)?"
    units_by = {k: {w for w, (_, f) in lx.units.items() if f in k} for k in ("sg", "pl", "dual")}
    numw = alternation(set(lx.cardinals))
    mods = lx.modifiers
    mod_sg = alternation({w for w, (_, s) in mods.items() if s in ("sg", "all")})
    year = r"(?:1[89]\d\d|20\d\d|2100)(?!\d)"
    # a year after a month or a day: explicit ("2023", "عام 2023م"), a modifier ("الماضي") or a
    # relative year ("من العام الماضي")
    yearpart = (
        rf"(?:\s*[،,/\-]?\s*(?:من\s+)?(?:(?:عام|العام|سنه)\s+)?(?P<year>{year})(?:\s*(?:ميلاديه|ميلادي|م)(?!\p{{L}}))?"
        rf"|\s+(?:من\s+)?(?:العام|السنه)\s+(?P<ymod>{mod_sg})(?!\p{{L}})"
        rf"|\s+(?P<mod>{mod_sg})(?!\p{{L}}))"
    )
    return {
        "YEARPART": yearpart + "?",
        "YEARPART1": yearpart,
        "HSUFFIX": r"(?:هجريه|هجري|للهجره|ه)(?!\p{L})",
        "DAYWORD": alternation(set(lx.day_words)),
        "END": r"(?!\p{L})",
        "AL": r"(?:ال|لل)",
        "YEAR": year,
        "HYEAR": r"(?:1[34]\d\d)(?!\d)",
        "DAY": r"(?:[12]\d|3[01]|0?[1-9])(?![\d.,:])",
        "NUMW": numw,
        "NUM": rf"(?:\d{{1,4}}(?![\d.,])|(?:ال)?{numw}(?:\s+و{numw})?)",
        "MONTH": month_any,
        "MONTHX": rf"(?P<mon>{month_any}){pair}",
        "MONTHX_BARE": rf"(?P<mon>{month_bare}){pair}",
        "HMONTH": alternation(set(lx.hijri_months)),
        "HMONTH_BARE": alternation(lx.hijri_bare),
        "WD": alternation(set(lx.weekdays)),
        # without the article, only the unambiguous ones ("كل خميس"; "كل اثنين" is "every two")
        "WD0": alternation({w[2:] for w in lx.weekdays_bare}),
        "SEASON": alternation(set(lx.seasons)),
        "ORD": alternation(set(lx.ordinals)),
        # day ordinals without the article, before a month only ("سابع أكتوبر", "فاتح ماي")
        "ORD0": alternation({w[2:] for w, v in lx.ordinals.items() if w.startswith("ال") and v > 0}),
        "DECADE": alternation(set(lx.decades) | {w[2:] for w in lx.decades if w.startswith("ال")}),
        "UNIT_SG": alternation(units_by["sg"]),
        "UNIT_PL": alternation(units_by["pl"]),
        "UNIT_DUAL": alternation(units_by["dual"]),
        "UNIT_N": alternation({w for w, (_, f) in lx.units.items() if f != "dual"}),
        "MOD_SG": mod_sg,
        "MOD_PL": alternation({w for w, (_, s) in mods.items() if s in ("pl", "all")}),
        "MOD_DUAL": alternation({w for w, (_, s) in mods.items() if s == "dual"}),
        "LEX": alternation(set(lx.lexical)),
        "POD": alternation(set(lx.parts_of_day)),
        "AMPM": alternation(set(lx.clock)),
        "HOLIDAY": alternation(set(lx.holidays)),
        "COUNTED": alternation(set(lx.cues.get("counted", []))),
    }
