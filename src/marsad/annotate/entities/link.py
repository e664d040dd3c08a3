"""In-document linking: titles to people, partial names, aliases.

Runs after recognition (recognize.py) on the EntityStore of one article:
- `resolve_titles`: a title the article uses without a name goes to the person it named with
  the same title phrase, else to the gazetteer's office holder on the publication date
  ("الرئيس الصيني" -> Xi Jinping), and "نظيره الصيني" to the holder of the office of the person
  just mentioned; never without a publication date, never for former/acting titles.
- `merge_partial`: a pattern-found person whose name ends a longer name (عبد الحكيم -> جمال
  عبد الحكيم) is merged into it.
- `add_aliases`: later mentions of a person by surname (أوشاكوف) or by عبد/أبو + name.
"""

from __future__ import annotations

import datetime as dt
from bisect import insort
from dataclasses import dataclass

from marsad.annotate.doc import Doc
from marsad.annotate.entities.gazetteer import Gazetteer, key
from marsad.annotate.entities.lexicon import Lexicon
from marsad.annotate.entities.store import Draft, EntityStore

HEAD_OF_STATE = ("supreme_leader", "president", "king", "emir", "sultan")
CONNECTORS = frozenset({"بن", "ابن", "بنت", "عبد", "ابو", "ابي", "ال", "دي", "فان", "فون", "دو", "لا"})


@dataclass(slots=True)
class TitleUse:
    start: int
    end: int  # end of title + modifiers
    office: str
    resolvable: bool
    country: str | None
    person: Draft | None  # from apposition


class Linker:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.gaz: Gazetteer = lex.gazetteer
        self._keys: dict[str, str] = {}  # gazetteer name -> key (a bounded set: the gazetteer's)

    def _key(self, name: str) -> str:
        k = self._keys.get(name)
        if k is None:
            k = self._keys[name] = key(name)
        return k

    def resolve_titles(self, doc: Doc, store: EntityStore, uses: list[TitleUse]) -> None:
        """Link titles the article uses without a name: to the person it named with the same
        title phrase ("المتحدث باسم الكرملين"), else to the office holder on the publication
        date ("الرئيس الصيني" -> Xi Jinping), or, for "نظيره الصيني", to the holder of the
        office of the person just mentioned."""
        on = doc.published
        norm = doc.norm
        seen: dict[tuple[str, str], Draft] = {}
        phrases: dict[str, Draft | None] = {}
        for u in uses:
            if u.person is not None:
                if u.country is not None and u.resolvable:
                    seen.setdefault((u.office, u.country), u.person)
                ph = norm[u.start:u.end]
                if ph in phrases and phrases[ph] is not u.person:
                    phrases[ph] = None  # two people with the same title: ambiguous
                else:
                    phrases[ph] = u.person
        last_person: list[tuple[int, Draft]] = []
        for d in store.drafts.values():
            if d.type == "PER":
                last_person.extend((s, d) for s, _, form, _ in d.mentions if form in ("name", "title"))
        last_person.sort(key=lambda x: x[0])
        for u in uses:
            if u.person is not None:
                continue
            ph = norm[u.start:u.end]
            person = phrases.get(ph) if " " in ph and u.office != "counterpart" else None
            rule = "title_coref"
            if person is None:
                if not u.resolvable or u.country is None:
                    continue
                office = u.office
                if office == "counterpart":
                    prev = [d for s, d in last_person if s < u.start]
                    if not prev:
                        continue
                    office = self._office_of(prev[-1], on, uses) or ""
                    if not office:
                        continue
                person = seen.get((office, u.country)) if office != "leader" else None
                rule = "title_coref"
                if person is None and on is not None:  # undated: the holder would be a guess
                    eid = self._holder(office, u.country, on)
                    person = store.gaz_draft(eid) if eid else None
                    rule = "title_holder"
            if person is None:
                continue
            insort(last_person, (u.start, person), key=lambda x: x[0])
            store.add(person, u.start, u.end, "title", rule, occupy=False)
            store.add_role(person, doc.text[slice(*doc.shadow.orig_span(u.start, u.end))], norm[u.start:u.end])

    def _holder(self, office: str, country: str, on: dt.date | None) -> str | None:
        if office == "leader":
            for o in HEAD_OF_STATE:
                pid = self.gaz.holder(o, country, on)
                if pid:
                    return pid
            return None
        return self.gaz.holder(office, country, on)

    def _office_of(self, d: Draft, on: dt.date | None, uses: list[TitleUse]) -> str | None:
        for u in uses:
            if u.person is d and u.resolvable and u.office not in ("counterpart", "leader"):
                return u.office
        if d.gaz:
            for o in self.gaz.offices_of(d.id):
                if on is None or o.covers(on):
                    return o.office
        return None

    # ---------------------------------------------------------------- heads
    def merge_partial(self, store: EntityStore) -> None:
        """Merge a pattern-found person whose name is the end of exactly one longer person name
        in the article (عبد الحكيم -> جمال عبد الحكيم)."""
        pers = [d for d in store.drafts.values() if d.type == "PER" and d.mentions]
        full = {d.id: (d.key or self._key(d.name)).split() for d in pers}
        for d in pers:
            if d.gaz:
                continue
            toks = full[d.id]
            longer = [o for o in pers if o is not d and len(full[o.id]) > len(toks)
                      and full[o.id][-len(toks):] == toks]
            if len(longer) == 1:
                target = longer[0]
                for m in d.mentions:
                    store.add(target, m[0], m[1], m[2], "partial_name", occupy=False)
                d.mentions = []
                d.spans.clear()
                for r in d.roles:
                    store.add_role(target, r)


    def add_aliases(self, store: EntityStore, norm: str) -> None:
        alias: dict[str, Draft | None] = {}
        for d in list(store.drafts.values()):
            if d.type != "PER" or " " not in (d.key or d.name):
                continue
            names = {norm[s:e] for s, e, form, _ in d.mentions if form == "name" and e - s > 6}
            for n in names:
                toks = n.split()
                if len(toks) < 2:
                    continue
                last = toks[-1]
                if toks[-2] in CONNECTORS:  # جمال عبد الحكيم -> عبد الحكيم, never الحكيم alone
                    if len(toks) < 3:
                        continue
                    last = " ".join(toks[-2:])
                elif len(last) < 3 or last in self.lex.first_names or self.lex.is_common(last):
                    continue
                if last in alias and alias[last] is not d:
                    alias[last] = None  # two people share the surname: skip it
                else:
                    alias[last] = d
        n = len(norm)
        for a, d in alias.items():
            if d is None:
                continue
            i = norm.find(a)
            while i >= 0:
                e = i + len(a)
                if (e == n or not norm[e].isalnum()) and not store.covered(i, e):
                    p = i
                    while p > 0 and norm[p - 1].isalnum():
                        p -= 1
                    if p == i or norm[p:i] in self.lex.proclitics:
                        store.add(d, i, e, "name", "partial_name")
                i = norm.find(a, e)
