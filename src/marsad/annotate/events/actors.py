"""Actors of an article as phrases, and a sentence as a flat list of items for argument finding.

A phrase is a run of entity mentions that name one actor ("الرئيس الصيني شي جين بينغ": the
adjective mention and the name mention become one phrase whose head is the person). An item is a
phrase, a dual word ("البلدان"), a word or a punctuation mark, in text order.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass

from marsad.annotate.doc import Doc
from marsad.annotate.events.lexicon import EventLexicon
from marsad.text.normalize import normalize

ACTOR_TYPES = frozenset({"PER", "GPE", "ORG", "LOC", "FAC"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_TOKEN = re.compile(r"\w+|[^\w\s]")  # on the shadow text: no diacritics left
# the same tokens with the whitespace before each, so that offsets follow from lengths alone
_SPACED_TOKEN = re.compile(r"(\s*)(\w+|[^\w\s])")
_JOINERS = frozenset({"،", ",", "-"})


@dataclass(slots=True)
class Phrase:
    start: int  # shadow offsets
    end: int
    eid: str
    etype: str
    prefix: str  # normalised proclitics written on the phrase's first word (و، ب، ل، وب ...)
    adj: bool = False  # the phrase is only a nisba adjective ("الروسي"، "صينية")
    appos: bool = False  # the mention runs on into an apposition ("بيتر زيجارتو، وزير ...")
    titled: bool = False  # only an office names the person ("وزير الخارجية الروسي"), no name
    head: str = ""  # the phrase's first word, normalised ("الرئيس" in "الرئيس المصري عبد الفتاح السيسي")


@dataclass(slots=True)
class Item:
    kind: str  # "P" phrase, "D" dual word, "W" word, "X" punctuation
    start: int
    end: int
    norm: str = ""
    phrase: Phrase | None = None
    pair: tuple[str, str] | None = None  # for "D": the two parties


class NormIndex:
    """Maps original offsets to shadow offsets (the inverse of Shadow.orig), O(log n) a call."""

    __slots__ = ("_cuts", "_ocuts", "_shift", "identity")

    def __init__(self, doc: Doc) -> None:
        sh = doc.shadow
        self._cuts = sh._cuts
        self._shift = sh._shift
        self._ocuts = [c + d for c, d in zip(sh._cuts, sh._shift, strict=True)] if sh._cuts else None
        self.identity = self._ocuts is None  # no character was dropped: offsets map 1:1

    def __call__(self, o: int) -> int:
        if self._ocuts is None:
            return o
        cuts, shift = self._cuts, self._shift
        k = bisect_right(self._ocuts, o)
        j = o - shift[k - 1] if k else o  # type: ignore[index]
        if k < len(cuts):  # type: ignore[arg-type]
            j = min(j, cuts[k])  # type: ignore[index]
        return j


_NAME_CACHE: dict[str, str] = {}


def _name_norm(name: str) -> str:
    n = _NAME_CACHE.get(name)
    if n is None:
        if len(_NAME_CACHE) > 50_000:
            _NAME_CACHE.clear()
        n = _NAME_CACHE[name] = normalize(name)
    return n


def _proclitic(mention_norm: str, name_norm: str, titles: frozenset[str]) -> str:
    """Proclitic letters written inside a mention (وبكين، لروسيا، بالرئيس) that are not part of
    the entity's name: a letter counts only if what follows it is found in the name or is a
    title word."""
    if mention_norm in name_norm:
        return ""

    def known(rest: str) -> bool:
        return len(rest) >= 2 and (rest in name_norm or rest.split(" ", 1)[0] in titles)

    out = ""
    rest = mention_norm
    if rest[:1] in ("و", "ف") and (known(rest[1:]) or (rest[1:2] in ("ب", "ل") and len(rest) > 3)):
        out, rest = rest[0], rest[1:]
    if rest.startswith("لل") and (known("ال" + rest[2:]) or known(rest[2:])):
        return out + "ل"
    if rest[:1] in ("ب", "ل", "ك") and (known(rest[1:]) or known("ا" + rest[1:])):
        return out + rest[0]
    return out


def build_phrases(
    doc: Doc, to_norm: NormIndex, titles: frozenset[str] = frozenset(),
    windows: list[tuple[int, int]] | None = None,
) -> list[Phrase]:
    """Non-overlapping actor phrases in text order, in shadow offsets. With `windows` (sorted,
    disjoint original-offset ranges), only mentions inside them are read."""
    wstarts = [w[0] for w in windows] if windows is not None else None
    ments: list[tuple[int, int, int, int, str, str, str, bool, bool]] = []
    norm = doc.norm
    identity = to_norm.identity
    cuts, shift, ocuts = to_norm._cuts, to_norm._shift, to_norm._ocuts
    ncuts = 0 if identity else len(cuts)
    for ent in doc.entities:
        if ent.type not in ACTOR_TYPES:
            continue
        name_norm = None
        for m in ent.mentions:
            ms, me = m.start, m.end
            if wstarts is not None:
                w = bisect_right(wstarts, ms) - 1
                if w < 0 or ms >= windows[w][1]:  # type: ignore[index]
                    continue
            if me > ms:
                if name_norm is None:
                    name_norm = _NAME_CACHE.get(ent.name) or _name_norm(ent.name)
                if identity:
                    ns, ne = ms, me
                else:  # to_norm(ms), to_norm(me), inlined: this runs for every mention
                    k = bisect_right(ocuts, ms)
                    ns = ms - shift[k - 1] if k else ms
                    if k < ncuts and cuts[k] < ns:
                        ns = cuts[k]
                    k = bisect_right(ocuts, me)
                    ne = me - shift[k - 1] if k else me
                    if k < ncuts and cuts[k] < ne:
                        ne = cuts[k]
                mn = norm[ns:ne]
                pre = "" if mn in name_norm else _proclitic(mn, name_norm, titles)
                # (start, longest first, reading order): the stable order, sorted without a key
                ments.append((ns, ns - ne, len(ments), ne, ent.id, ent.type, pre, m.form == "adjective", m.form == "title"))
    ments.sort()
    phrases: list[Phrase] = []
    for s, _, _, e, eid, etype, pre, adj, titled in ments:
        if phrases and s < phrases[-1].end:  # nested or overlapping: keep the earlier, longer one
            last = phrases[-1]
            if etype == "PER" and last.etype != "PER" and e > last.end:
                last.end, last.eid, last.etype, last.titled = e, eid, etype, titled
            elif eid == last.eid and not titled:
                last.titled = False
            continue
        tok_start = s
        while tok_start > 0 and norm[tok_start - 1].isalpha():
            tok_start -= 1
        written = norm[tok_start:s] + pre
        if phrases and not written:
            last = phrases[-1]
            gap = norm[last.end : s]
            if len(gap) <= 3 and all(c.isspace() or c in _JOINERS for c in gap):
                if etype == "PER" and last.etype != "PER" or eid == last.eid:
                    # "الرئيس الصيني شي جين بينغ": the person heads the phrase
                    last.titled = titled and (last.titled or last.etype != "PER")
                    last.end, last.eid, last.etype, last.adj = e, eid, etype, False
                    continue
                if adj and gap.strip() == "" and not last.adj:
                    # "مدينة لوس أنجلوس الأمريكية": a nisba adjective qualifies the phrase before
                    last.end = e
                    continue
        sp = norm.find(" ", s, e)
        phrases.append(Phrase(s, e, eid, etype, written, adj, False, titled, norm[s : e if sp < 0 else sp]))
    for ph in phrases:
        seg = norm[ph.start : ph.end]
        if "،" in seg or "," in seg:
            ph.appos = True
    return phrases


def parties(doc: Doc, phrases: list[Phrase]) -> dict[str, tuple[str, str]]:
    """The two main people and the two main countries of the article (for البلدان، الزعيمان):
    the two most mentioned, clearly ahead of the third; countries must also be named together
    somewhere ("روسيا والصين"، "الرئيسين الروسي والصيني")."""
    out: dict[str, tuple[str, str]] = {}
    together: set[frozenset[str]] = set()
    for a, b in zip(phrases, phrases[1:], strict=False):
        if b.prefix.startswith("و") and b.start - a.end <= 2 and a.eid != b.eid:
            together.add(frozenset((a.eid, b.eid)))
    for kind in ("PER", "GPE"):
        counts = Counter({e.id: len(e.mentions) for e in doc.entities if e.type == kind})
        top = counts.most_common(3)
        if len(top) >= 2 and top[1][1] >= 3 and (len(top) == 2 or top[1][1] >= 1.5 * top[2][1]):
            pair = (top[0][0], top[1][0])
            if kind == "GPE" and frozenset(pair) not in together:
                continue
            out[kind] = pair
    return out


def sentence_items(
    doc: Doc, start: int, end: int, phrases: list[Phrase], starts: list[int], lex: EventLexicon,
    pairs: dict[str, tuple[str, str]],
) -> list[Item]:
    """The sentence [start, end) (shadow offsets) as items; tokens covered by a phrase become one
    phrase item. Item offsets are shadow offsets."""
    items: list[Item] = []
    append = items.append
    k = bisect_left(starts, start)
    # phrases may start inside a token (proclitics); include one that began a little earlier
    if k > 0 and phrases[k - 1].end > start:
        k -= 1
    nph = len(phrases)
    duals = lex.duals if pairs else None  # a dual word is only an item when the parties are known
    next_start = phrases[k].start if k < nph else 1 << 60
    p = start
    for ws, n in _SPACED_TOKEN.findall(doc.norm, start, end):
        s = p + len(ws)
        e = p = s + len(n)
        if e > next_start:  # next_start is phrases[k].start: the token reaches into phrase k
            while k < nph and phrases[k].end <= s:
                k += 1
            next_start = phrases[k].start if k < nph else 1 << 60
            if k < nph and phrases[k].start < e:
                ph = phrases[k]
                if items and items[-1].phrase is ph:
                    items[-1].end = max(items[-1].end, e)
                    continue
                append(Item("P", s, e, "", ph))
                continue
        if not n[0].isalnum():
            append(Item("X", s, e, n))
            continue
        if duals is not None and (n in duals or n[1:] in duals or n[2:] in duals):
            base = n[1:] if n[:1] in ("و", "ف") and n[1:] in duals else n
            if base not in duals and base[:1] in ("ب", "ل") and base[1:] in duals:
                base = base[1:]
            pair = pairs.get(duals[base]) if base in duals else None
            if pair:
                append(Item("D", s, e, n, None, pair))
                continue
        append(Item("W", s, e, n))
    return items
