"""What goes into the full-text index, and the matching query expression.

Text is folded with `marsad.text.normalize.normalize` (alef/hamza seats, ta marbuta, alef
maqsura, diacritics, digits) and indexed as it stands (the `body` and `title` columns); a third
column, `forms`, holds every word again as left after removing a chain of proclitics
(resources/store/proclitics.tsv): "وبالصين" adds بالصين, الصين, صين. A query word is looked up as
typed (normalised), so "بوتين" finds "لبوتين" and "وبوتين" while nothing is ever stemmed on the
query side (stemming "بوتين" to "وتين" would be wrong). Phrases match the folded surface text.

The forms are made by a few `findall` passes over the whole text (one per chain shape), so
indexing costs a handful of C-level regex scans per article, not Python work per word.
"""

from __future__ import annotations

import functools
import re

from marsad import resources
from marsad.text.normalize import normalize

MIN_REST = 2  # letters that must remain after a proclitic chain
MAX_QUERY_TERMS = 16
_WORD = re.compile(r"\w+")
_QUERY_PART = re.compile(r'"([^"]*)"|(\S+)')


@functools.cache
def _passes() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern, restore) pairs: each pattern's group is what a word leaves once one shape of
    proclitic chain is removed; `restore` is put back in front (the article elided after ل)."""
    slots: dict[str, list[str]] = {"conj": [], "prep": [], "art": []}
    elided: list[tuple[str, str]] = []
    for row in resources.tsv("store/proclitics.tsv", 2):
        slot, form = row[0], normalize(row[1])
        if slot == "prep+art":
            elided.append((form, normalize(row[2]) if len(row) > 2 else ""))
        elif slot in slots:
            slots[slot].append(form)
        else:
            raise ValueError(f"store/proclitics.tsv: unknown slot {slot!r}")

    conj, prep, art = slots["conj"], slots["prep"], slots["art"]

    def chains(*shapes: list[list[str]]) -> list[str]:
        out: list[str] = []
        for shape in shapes:
            combos = [""]
            for slot in shape:
                combos = [x + y for x in combos for y in slot]
            out += combos
        return out

    def pat(prefixes: list[str]) -> re.Pattern[str]:
        # each literal chain, with the word-start check after its first letter (so the regex
        # engine can skip ahead to candidate first letters): x(?<!\w.)rest-of-chain
        alts = [re.escape(x[0]) + r"(?<!\w.)" + re.escape(x[1:]) for x in sorted(set(prefixes), key=len, reverse=True)]
        return re.compile("(?:" + "|".join(alts) + rf")(\w{{{MIN_REST},}})")

    out = [
        (pat(chains([conj])), ""),  # وبالصين → بالصين
        (pat(chains([prep], [conj, prep])), ""),  # وبالصين → الصين, لبوتين → بوتين
        (pat(chains([art], [prep, art], [conj, art], [conj, prep, art])), ""),  # وبالصين → صين
    ]
    for form, restore in elided:
        p = pat(chains([[form]], [conj, [form]]))
        out.append((p, ""))  # للصين → صين
        if restore:
            out.append((p, restore))  # للصين → الصين
    return tuple(out)


def index_forms(norm: str) -> str:
    """The proclitic-free forms of the words of `norm` (already normalised), space-separated."""
    parts: list[str] = []
    for pat, restore in _passes():
        found = pat.findall(norm)
        if found:
            parts.append(restore + (" " + restore).join(found) if restore else " ".join(found))
    return " ".join(parts)


def query_terms(q: str) -> list[list[str]]:
    """Normalised query terms: a list of groups, one word each or several for a quoted phrase."""
    groups: list[list[str]] = []
    for m in _QUERY_PART.finditer(q):
        words = _WORD.findall(normalize(m.group(1) if m.group(1) is not None else m.group(2)))
        if words:
            groups.append(words)
    return groups[:MAX_QUERY_TERMS]


def match_expression(q: str) -> str | None:
    """A safe FTS5 MATCH expression for the user query `q` (all terms required), or None.

    Terms are quoted, so FTS5 operators typed by a user are searched as words, never executed.
    A trailing '*' on a word makes it a prefix search. A quoted phrase matches the folded title
    or body text word for word.
    """
    parts: list[str] = []
    for m in _QUERY_PART.finditer(q):
        raw = m.group(1) if m.group(1) is not None else m.group(2)
        prefix = m.group(2) is not None and raw.endswith("*")
        words = _WORD.findall(normalize(raw))
        if not words:
            continue
        if len(words) == 1:
            parts.append(f'"{words[0]}"' + ("*" if prefix else ""))
        else:
            parts.append("{title body} : \"" + " ".join(words) + "\"")
        if len(parts) >= MAX_QUERY_TERMS:
            break
    return " AND ".join(parts) if parts else None


def highlight_pattern(q: str) -> re.Pattern[str] | None:
    """A regex over normalised text finding the query words as the index matched them: whole
    words after an optional proclitic chain ("للطاقه" for "الطاقه"), or word starts for a
    prefix query ("مراحل*")."""
    whole: set[str] = set()
    starts: set[str] = set()
    for m in _QUERY_PART.finditer(q):
        raw = m.group(1) if m.group(1) is not None else m.group(2)
        words = _WORD.findall(normalize(raw))
        is_prefix = m.group(2) is not None and raw.endswith("*") and len(words) == 1
        for w in words:
            target = starts if is_prefix else whole
            target.add(w)
            if w.startswith("ال") and len(w) > 3:  # ل + article elides the alef: للطاقه
                target.add(w[1:])
    alts = []
    if whole:
        alts.append("(?:" + "|".join(re.escape(w) for w in sorted(whole, key=len, reverse=True)) + r")(?!\w)")
    if starts:
        alts.append("(?:" + "|".join(re.escape(w) for w in sorted(starts, key=len, reverse=True)) + r")\w*")
    if not alts:
        return None
    # starts with the literal words so the regex engine can skip ahead; the proclitics in front
    # are taken in by word_spans
    return re.compile("|".join(alts))


MAX_PROCLITIC_LETTERS = 4


@functools.cache
def _proclitic_letters() -> frozenset[str]:
    return frozenset("".join(normalize(r[1]) for r in resources.tsv("store/proclitics.tsv", 2)))


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def word_spans(pat: re.Pattern[str], norm: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) in `norm` of the words `pat` (from highlight_pattern) finds, each extended
    back over at most MAX_PROCLITIC_LETTERS proclitic letters to the start of its word; a match
    inside another word ("للتاكد" for "اكد") is dropped."""
    letters = _proclitic_letters()
    out: list[tuple[int, int]] = []
    for m in pat.finditer(norm, start, len(norm) if end is None else end):
        s = k = m.start()
        while k > 0 and s - k < MAX_PROCLITIC_LETTERS and norm[k - 1] in letters:
            k -= 1
        if k == 0 or not _is_word_char(norm[k - 1]):
            out.append((k, m.end()))
    return out
