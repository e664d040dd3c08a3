"""The time grammar (resources/times/rules.yaml), each rule compiled into its own regex over the
shadow text.

At a candidate position the rules that can start with the word (or digit run) found there are
tried in grammar order with an anchored match; the first that matches wins, exactly as one
alternation of those rules would. Each rule is compiled once with the stdlib engine when the
grammar loads (cheap: no per-token compilation, so worker processes pay no warm-up), and the
rules a token can start are found once per token by partial matching and cached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import ahocorasick
import regex

from marsad import resources
from marsad.annotate.times.lexicon import Lexicon, fold, macros

_MACRO = regex.compile(r"\{([A-Z][A-Z0-9_]+)\}")
_NON_WORD = re.compile(r"[\W_]+")
TYPES = ("DATE", "TIME", "DURATION", "SET")
DIGIT = -1  # the proclitic length stored for a digit key in the anchor automaton


@dataclass
class Rule:
    index: int
    name: str
    type: str
    norm: str
    pattern: str
    span: str | None = None
    before: str | None = None
    value: str | None = None
    not_before: str | None = None
    # the expanded pattern compiled with the stdlib engine (~3x faster here than `regex`)
    regex: re.Pattern[str] = field(default=None, repr=False)  # type: ignore[assignment]


@dataclass
class Grammar:
    rules: list[Rule]
    branches: list[str]  # the expanded pattern of each rule
    anchors: ahocorasick.Automaton  # proclitic + word -> (key length, proclitic length)
    cues: dict[str, frozenset[str]]  # category -> cue words (folded), with their proclitic forms
    _probes: list[regex.Pattern[str]] = field(default_factory=list)
    by_token: dict[str, tuple[Rule, ...] | None] = field(default_factory=dict)  # matcher's cache
    _by_rules: dict[frozenset[int], tuple[Rule, ...]] = field(default_factory=dict)
    _by_first: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._probes = [regex.compile(b, regex.VERBOSE | regex.V0) for b in self.branches]

    def matcher(self, token: str) -> tuple[Rule, ...] | None:
        """The rules that can start with `token` (a word or a digit run), in grammar order; None
        if no rule can. Found by partial matching and cached per token."""
        hit = self.by_token.get(token, False)
        if hit is not False:
            return hit  # type: ignore[return-value]
        key = _digit_class(token) if token[0].isdigit() else token
        hit = self.by_token.get(key, False)
        if hit is not False:
            if len(self.by_token) < 50_000:
                self.by_token[token] = hit  # type: ignore[assignment]
            return hit  # type: ignore[return-value]
        idx = frozenset(i for i in self._first(key[0]) if self._probes[i].match(key, partial=True))
        found = self._by_rules.setdefault(idx, tuple(self.rules[i] for i in sorted(idx))) if idx else None
        if len(self.by_token) < 50_000:
            self.by_token[key] = self.by_token[token] = found
        return found

    def _first(self, c: str) -> tuple[int, ...]:
        """The rules that can start with the character `c` (a superset of those that can start
        with a token beginning with it), so that a new token is probed with few rules."""
        hit = self._by_first.get(c)
        if hit is None:
            hit = self._by_first[c] = tuple(i for i, p in enumerate(self._probes) if p.match(c, partial=True))
        return hit

    def probe_all(self, token: str) -> frozenset[int]:
        """The rules that can start with `token`, probing every rule (for tests)."""
        return frozenset(i for i, p in enumerate(self._probes) if p.match(token, partial=True))


def _digit_class(tok: str) -> str:
    """A representative of the digit runs that the grammar's first tokens (days, hours, months,
    Gregorian and Hijri years, counts) treat alike, so the rule cache stays small."""
    n = len(tok)
    if n == 1:
        return "0" if tok == "0" else "5"
    if n == 2:
        v = int(tok)
        return "00" if v == 0 else "05" if v < 10 else "12" if v <= 23 else "24" if v <= 31 else "99"
    if n == 4:
        v = int(tok)
        return "1400" if 1300 <= v < 1500 else "2000" if 1800 <= v <= 2099 else "2100" if v == 2100 else "9999"
    return "999" if n == 3 else "99999"


def _fold_pattern(p: str) -> str:
    """Fold the Arabic letters of a pattern like the shadow text (ASCII regex syntax untouched)."""
    return "".join(fold(c) if ord(c) > 127 and c.strip() else c for c in p)


def _expand(p: str, mac: dict[str, str], name: str) -> str:
    def sub(m: regex.Match[str]) -> str:
        try:
            return mac[m.group(1)]
        except KeyError:
            raise ValueError(f"times rule {name}: unknown macro {{{m.group(1)}}}") from None

    return _MACRO.sub(sub, p)


def load(lx: Lexicon) -> Grammar:
    data = resources.yaml_data("times/rules.yaml")
    mac = macros(lx)
    rules: list[Rule] = []
    branches: list[str] = []
    for i, r in enumerate(data["rules"]):
        if r["type"] not in TYPES:
            raise ValueError(f"times rule {r['name']}: bad type {r['type']}")
        rule = Rule(i, r["name"], r["type"], r["norm"], r["pattern"], r.get("span"), r.get("before"),
                    None if r.get("value") is None else str(r["value"]), r.get("not_before"))
        body = _expand(_fold_pattern(rule.pattern), mac, rule.name)
        branches.append(body)
        # the stdlib engine is ~3x faster here; \p{L} is its [^\W\d_]
        rule.regex = re.compile(body.replace(r"\p{L}", r"[^\W\d_]"), re.VERBOSE)
        if rule.span and rule.span not in rule.regex.groupindex:
            raise ValueError(f"times rule {rule.name}: span group {rule.span!r} not in pattern")
        rules.append(rule)
    cues = {cat: _with_proclitics(words) for cat, words in lx.cues.items()}
    for rule in rules:
        for cat in (rule.before, rule.not_before):
            if cat and cat not in cues:
                raise ValueError(f"times rule {rule.name}: unknown cue category {cat!r}")
    return Grammar(rules, branches, _anchors(lx, data.get("anchors", [])), cues)


def _with_proclitics(words: list[str]) -> frozenset[str]:
    """Cue words as they may be written: bare, after و ف ب ل, or after one of those and ب or ل."""
    out = set(words)
    for w in words:
        for a in "وفبل":
            out.add(a + w)
            out.update(a + b + w for b in "بل")
    return frozenset(out)


def cue_before(norm: str, start: int, cues: frozenset[str]) -> bool:
    """Is the word (or two- or three-word phrase) just before `start` one of `cues` (a category of
    Grammar.cues, proclitic forms included)?"""
    words = _NON_WORD.split(norm[max(0, start - 30):start])
    if words and not words[-1]:
        words.pop()
    n = len(words)
    return n > 0 and (words[-1] in cues or (n > 1 and (f"{words[-2]} {words[-1]}" in cues or (
        n > 2 and f"{words[-3]} {words[-2]} {words[-1]}" in cues))))


# proclitics a time word may carry (و، ف، ب، ل، ك and their combinations)
PROCLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")


def _anchors(lx: Lexicon, extra: list[str]) -> ahocorasick.Automaton:
    words: set[str] = set()
    for w in extra:
        words.update((fold(w), "ال" + fold(w), "لل" + fold(w)))
    # nouns that take the article in rules ({AL}, "الثمانية عشر عاما") are also anchors with it;
    # names of months, holidays and fixed words are listed as written ("ذي القعدة" must not make
    # the pronoun الذي an anchor)
    with_article = (lx.weekdays, lx.seasons, lx.cardinals, lx.ordinals, lx.decades, lx.units,
                    lx.parts_of_day)
    as_written = (lx.months, lx.hijri_months, lx.lexical, lx.holidays, lx.day_words)
    for lex in with_article:
        for entry in lex:
            first = entry.split(" ")[0]
            words.update((first, "ال" + first, "لل" + first))
    for lex in as_written:
        words.update(entry.split(" ")[0] for entry in lex)
    # weekdays, decades and ordinals are also written without the article ("كل خميس",
    # "عشرينات القرن", "سابع أكتوبر")
    words.update(w[2:] for w in (*lx.weekdays, *lx.decades, *lx.ordinals) if w.startswith("ال"))
    auto = ahocorasick.Automaton()
    for w in words:
        if w:
            for p in PROCLITICS:
                key = p + w
                auto.add_word(key, (len(key), len(p)))
    # the digits 0-9 (the shadow folds Arabic-Indic digits to them) are keys too: runs of digit
    # hits are the numbers (all ~660 Unicode decimal digits as keys would slow the scan 2-3x)
    for d in "0123456789":
        auto.add_word(d, (1, DIGIT))
    auto.make_automaton()
    return auto
