"""The entity gazetteer: names, spelling variants, nationality adjectives and office holders.

Data lives in resources/entities/gazetteer/*.tsv (one file per kind, columns
`id type name variants name_en country adjectives`) and offices.tsv
(`person_id office country start end title_ar`). See resources/entities/PROVENANCE.md.
Lookup keys are folded with `marsad.text.normalize.normalize` and whitespace-collapsed, so
hamza seats, ta marbuta, alef maqsura, diacritics and tatweel do not matter.

Usage: `g = load_gazetteer()`; `g.lookup("شي جين بينج")`, `g.adjective("الروسية")`,
`g.holder("president", "wd:Q159", date)`, `g.surfaces()` to build an automaton over `doc.norm`
(keys are already folded; proclitics and word boundaries are the caller's to check).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from marsad import resources
from marsad.text.normalize import normalize

GAZ_DIR = "entities/gazetteer"
ENTRY_COLUMNS = ("id", "type", "name", "variants", "name_en", "country", "adjectives")
OFFICE_COLUMNS = ("person_id", "office", "country", "start", "end", "title_ar")
TYPES = frozenset({"PER", "ORG", "GPE", "LOC", "FAC", "EVENT", "MISC"})
ID_RE = re.compile(r"^(?:wd:Q[1-9][0-9]*|m:[a-z0-9][a-z0-9_.-]*)$")
# Files read first win ties (adjective conflicts, lookup order); the rest follow alphabetically.
FILE_ORDER = ("countries.tsv", "regions.tsv", "places.tsv", "orgs.tsv", "media.tsv", "people.tsv")
NON_ENTRY_FILES = frozenset({"offices.tsv", "ambiguous.tsv"})
_SPACES = re.compile(r"\s+")
# Quotation marks and similar that news puts around names (وكالة "تاس") are dropped from keys.
_QUOTES = re.compile("[\"'«»“”‘’()\\[\\]]")


_ABD_SPACED = "\u0639\u0628\u062f \u0627\u0644"  # "abd al" written as two words
_ABD_JOINED = "\u0639\u0628\u062f\u0627\u0644"  # "abdal" written as one word


def spellings(k: str) -> tuple[str, ...]:
    """A folded key plus its alternative spelling: names with 'abd al-' are written both joined
    and spaced in news (عبدالعزيز / عبد العزيز), so both are indexed."""
    if _ABD_SPACED in k:
        return (k, k.replace(_ABD_SPACED, _ABD_JOINED))
    if _ABD_JOINED in k:
        return (k, k.replace(_ABD_JOINED, _ABD_SPACED))
    return (k,)


def key(surface: str) -> str:
    """The lookup key of a surface form: normalised, quotes dropped, whitespace collapsed."""
    return _SPACES.sub(" ", _QUOTES.sub("", normalize(surface))).strip()


_HSPACES = re.compile(r"[^\S\n]+")


def keys(surfaces: list[str]) -> list[str]:
    """`key` of many surfaces at once (one translate and one regex pass: fast loading)."""
    if not surfaces:
        return []
    text = _HSPACES.sub(" ", _QUOTES.sub("", normalize("\n".join(s.replace("\n", " ") for s in surfaces))))
    return [k.strip() for k in text.split("\n")]


@dataclass(frozen=True, slots=True)
class GazEntry:
    id: str
    type: str
    name: str
    name_en: str | None
    country: str | None
    variants: tuple[str, ...]
    adjectives: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Office:
    person_id: str
    office: str
    country: str
    start: dt.date | None
    end: dt.date | None
    title_ar: str

    def covers(self, on: dt.date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


def parse_date(value: str, *, end: bool = False) -> dt.date | None:
    """'2012', '2012-05' or '2012-05-07' as a date; a bare year is Jan 1 (start) or Dec 31 (end)."""
    value = value.strip()
    if not value:
        return None
    parts = value.split("-")
    if len(parts) == 1:
        return dt.date(int(parts[0]), 12, 31) if end else dt.date(int(parts[0]), 1, 1)
    if len(parts) == 2:
        y, m = int(parts[0]), int(parts[1])
        if end:
            nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(y, m, 1)
    return dt.date.fromisoformat(value)


def _split(cell: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in cell.split("|") if v.strip())


class Gazetteer:
    """In-memory gazetteer with exact lookup of folded surfaces."""

    def __init__(
        self, entries: Iterable[GazEntry], offices: Iterable[Office] = (), ambiguous: Iterable[str] = ()
    ) -> None:
        self._ambiguous = frozenset(key(s) for s in ambiguous)
        self.entries: dict[str, GazEntry] = {}
        for e in entries:
            old = self.entries.get(e.id)
            if old is not None:  # the same id in two files: merge its surface forms
                e = GazEntry(
                    old.id, old.type, old.name, old.name_en or e.name_en, old.country or e.country,
                    tuple(dict.fromkeys(old.variants + (e.name,) + e.variants)),
                    tuple(dict.fromkeys(old.adjectives + e.adjectives)),
                )
            self.entries[e.id] = e
        self._names: dict[str, list[GazEntry]] = {}
        self._adjs: dict[str, GazEntry] = {}
        flat: list[str] = []
        for e in self.entries.values():
            flat.append(e.name)
            flat.extend(e.variants)
            flat.extend(e.adjectives)
        folded = iter(keys(flat))
        for e in self.entries.values():
            for _ in range(1 + len(e.variants)):
                for k in spellings(next(folded)):
                    lst = self._names.setdefault(k, [])
                    if e not in lst:
                        lst.append(e)
            for _ in e.adjectives:
                for k in spellings(next(folded)):
                    self._adjs.setdefault(k, e)
        self.offices: list[Office] = list(offices)
        self._by_person: dict[str, list[Office]] = {}
        self._by_office: dict[tuple[str, str], list[Office]] = {}
        for o in self.offices:
            self._by_person.setdefault(o.person_id, []).append(o)
            self._by_office.setdefault((o.office, o.country), []).append(o)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, id: str) -> GazEntry | None:
        return self.entries.get(id)

    def lookup(self, surface: str) -> list[GazEntry]:
        """Entries with `surface` as name or variant (exact match after folding), in priority
        order (FILE_ORDER): when a key has several senses (عمان: Oman, Amman) the first is the
        preferred one. See also `is_ambiguous`."""
        return list(self._names.get(key(surface), ()))

    def adjective(self, surface: str) -> GazEntry | None:
        """The GPE/LOC entry a nationality or relational adjective refers to."""
        return self._adjs.get(key(surface))

    def holder(self, office: str, country: str, on: dt.date | None = None) -> str | None:
        """Person id holding `office` of `country` on date `on` (latest holder if `on` is None).

        None when unknown or when several different people match (ambiguous).
        """
        terms = self._by_office.get((office, country), [])
        if not terms:
            return None
        if on is None:
            current = [o for o in terms if o.end is None]
            if current:
                ids = {o.person_id for o in current}
                return ids.pop() if len(ids) == 1 else None
            latest = max(terms, key=lambda o: o.end or dt.date.max)
            return latest.person_id
        ids = {o.person_id for o in terms if o.covers(on)}
        return ids.pop() if len(ids) == 1 else None

    def is_ambiguous(self, surface: str) -> bool:
        """True if the surface is also a common word or names several referents (ambiguous.tsv)."""
        return key(surface) in self._ambiguous

    def offices_of(self, person_id: str) -> list[Office]:
        return list(self._by_person.get(person_id, ()))

    def titles(self) -> Iterator[tuple[str, Office]]:
        """(folded title_ar, office) for every office row with a title."""
        for o in self.offices:
            if o.title_ar:
                yield key(o.title_ar), o

    def surfaces(self) -> Iterator[tuple[str, str, str]]:
        """(folded surface, entry id, form) with form 'name' or 'adjective', for automata."""
        for k, lst in self._names.items():
            for e in lst:
                yield k, e.id, "name"
        for k, e in self._adjs.items():
            yield k, e.id, "adjective"


def _entry_files(directory: Path) -> list[Path]:
    files = sorted(p for p in directory.glob("*.tsv") if p.name not in NON_ENTRY_FILES)
    rank = {n: i for i, n in enumerate(FILE_ORDER)}
    return sorted(files, key=lambda p: (rank.get(p.name, len(rank)), p.name))


def read_entries(path: Path) -> Iterator[GazEntry]:
    """Entries of one gazetteer TSV (header line required, '#' comments skipped)."""
    header: list[str] | None = None
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.rstrip("\n").split("\t")
            if header is None:
                header = [c.strip() for c in cells]
                if tuple(header[: len(ENTRY_COLUMNS)]) != ENTRY_COLUMNS:
                    raise ValueError(f"{path.name}:{lineno}: bad header {header}")
                continue
            cells += [""] * (len(ENTRY_COLUMNS) - len(cells))
            id_, type_, name, variants, name_en, country, adjs = (c.strip() for c in cells[:7])
            if not id_ or type_ not in TYPES or not name:
                raise ValueError(f"{path.name}:{lineno}: bad row {cells[:3]}")
            yield GazEntry(id_, type_, name, name_en or None, country or None, _split(variants), _split(adjs))


def read_offices(path: Path) -> Iterator[Office]:
    header: list[str] | None = None
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.rstrip("\n").split("\t")
            if header is None:
                header = [c.strip() for c in cells]
                if tuple(header[: len(OFFICE_COLUMNS)]) != OFFICE_COLUMNS:
                    raise ValueError(f"{path.name}:{lineno}: bad header {header}")
                continue
            cells += [""] * (len(OFFICE_COLUMNS) - len(cells))
            pid, office, country, start, end, title = (c.strip() for c in cells[:6])
            try:
                yield Office(pid, office, country, parse_date(start), parse_date(end, end=True), title)
            except ValueError as exc:
                raise ValueError(f"{path.name}:{lineno}: {exc}") from exc


def load_from(directory: Path) -> Gazetteer:
    entries: list[GazEntry] = []
    for p in _entry_files(directory):
        entries.extend(read_entries(p))
    office_file = directory / "offices.tsv"
    offices = list(read_offices(office_file)) if office_file.exists() else []
    amb_file = directory / "ambiguous.tsv"
    ambiguous: list[str] = []
    if amb_file.exists():
        lines = [ln for ln in amb_file.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
        ambiguous = [ln.split("\t", 1)[0].strip() for ln in lines[1:]]
    return Gazetteer(entries, offices, ambiguous)


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The packaged gazetteer, parsed once per process."""
    return load_from(resources.path(GAZ_DIR))
