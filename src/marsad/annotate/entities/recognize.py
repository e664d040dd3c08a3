"""Rule-based recognition and in-document linking of entities.

1. One automaton pass (matcher.py) finds gazetteer names and adjectives, titles, org/place
   heads, reporting verbs and first names, with proclitics handled.
2. Patterns around those anchors find names the gazetteer lacks: title + name (and name +
   title), reporting verb + name, first name + name tokens, head + name ("مدينة هاربين",
   شركة "روساتوم", "وزارة الخارجية الروسية").
3. Linking: partial names (أوشاكوف → يوري أوشاكوف), titles to the person the article names
   next to them or to the gazetteer's office holder on the publication date ("الرئيس الصيني"
   → Xi Jinping), counterparts ("بوتين ونظيره الصيني"), roles from appositions.
All offsets are in the normalised shadow until EntityStore.export maps them back.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import regex

from marsad.annotate.doc import Doc
from marsad.annotate.entities.conll import spans as conll_spans
from marsad.annotate.entities.gazetteer import GazEntry
from marsad.annotate.entities.lexicon import Lexicon
from marsad.annotate.entities.link import CONNECTORS, Linker, TitleUse
from marsad.annotate.entities.matcher import Hit, LexiconMatcher
from marsad.annotate.entities.store import Draft, EntityStore
from marsad.model import Entity

if TYPE_CHECKING:
    from marsad.annotate.entities.crf import CrfTagger

_SPACE = regex.compile(r"[ \t]*([^\W\d_]+)")  # the next word after spaces
_SEP = regex.compile(r"[ \t]*[،,]?[ \t]*([^\W\d_]+)")  # ... or after one comma
_QUOTED = regex.compile(r"[ \t]*([\"“«'‘(](?P<q>[^\"”»'’()\n،.؟!]{2,40})[\"”»'’)])")
_CONNECTORS = CONNECTORS
_SEA_HEADS = frozenset({"بحر", "خليج", "مضيق"})
GENITIVE_OFFICES = frozenset({"adviser", "envoy", "spokesperson", "ambassador", "counterpart", "deputy"})
MAX_NAME_TOKENS = 4
_CRF_TYPES = {"PERS": "PER", "LOC": "GPE", "ORG": "ORG", "MISC": "MISC"}
_PLURAL_ENDINGS = ("ون", "ين", "ات", "يه")
_CLITIC_ARTICLE = ("بال", "لل", "وال", "كال", "فال")
MAX_MODIFIERS = 4
MEMO_SIZE = 200_000  # entries of a per-word memo before it is cleared (bounded memory)


class Recognizer:
    def __init__(self, lex: Lexicon, crf: CrfTagger | None = None) -> None:
        self.lex = lex
        self.crf = crf
        self.linker = Linker(lex)
        # per-call state (the document, title hits inside a longer title such as نائب وزير
        # الخارجية), thread-local so that one Recognizer can serve several threads
        self._local = threading.local()
        self.gaz = lex.gazetteer
        self.matcher = LexiconMatcher(lex)
        ambiguous_ids = set()
        for surface, eid, form in self.gaz.surfaces():
            if form == "name" and surface in lex.ambiguous:
                ambiguous_ids.add((surface, eid))
        self._ambiguous = ambiguous_ids
        self._ambiguous_keys = frozenset(k for k, _ in ambiguous_ids)
        names: dict[str, list[GazEntry]] = {}
        for surface, eid, form in self.gaz.surfaces():
            entry = self.gaz.get(eid)
            if form == "name" and entry is not None:
                names.setdefault(surface, []).append(entry)
        self._names = {k: tuple(v) for k, v in names.items()}
        self._adj_cache: dict[str, GazEntry | None] = {}
        self._name_like_memo: dict[tuple[str, bool, bool], bool] = {}

    def _lookup(self, k: str) -> tuple[GazEntry, ...]:
        """Gazetteer entries of an already folded, space-collapsed key."""
        return self._names.get(k, ())

    def _adjective(self, k: str) -> GazEntry | None:
        if k not in self._adj_cache:
            self._adj_cache[k] = self.gaz.adjective(k)
        return self._adj_cache[k]

    # ---------------------------------------------------------------- tokens
    def _token_at(self, norm: str, pos: int, sep: regex.Pattern[str] = _SPACE) -> tuple[int, int] | None:
        m = sep.match(norm, pos)
        return m.span(1) if m else None

    def _token_before(self, norm: str, pos: int, comma: bool = False) -> tuple[int, int] | None:
        p = pos
        while p > 0 and norm[p - 1] in " \t":
            p -= 1
        if comma and p > 0 and norm[p - 1] in "،,":
            p -= 1
            while p > 0 and norm[p - 1] in " \t":
                p -= 1
        e = p
        while p > 0 and (norm[p - 1].isalpha()):
            p -= 1
        return (p, e) if e > p else None

    def _name_like(self, w: str, i: int, prev: str = "") -> bool:
        """Can folded token `w` be token number `i` of a person name (after `prev`)?
        (Memoised: the answer depends only on `w`, on `i == 0` and on `prev` being a connector.)"""
        k = (w, i == 0, prev in _CONNECTORS)
        r = self._name_like_memo.get(k)
        if r is None:
            if len(self._name_like_memo) >= MEMO_SIZE:
                self._name_like_memo.clear()
            r = self._name_like_memo[k] = self._name_like_uncached(w, i, prev)
        return r

    def _name_like_uncached(self, w: str, i: int, prev: str) -> bool:
        lex = self.lex
        origin = lex.first_names.get(w)
        if origin is not None and (i == 0 or origin in ("ar", "x")):
            return True  # weak first names (amb, cn) continue a name only as ordinary tokens
        if i == 0 and w.startswith("ال"):
            return False
        if w in lex.gazetteer_tokens:
            return True
        if len(w) < 2 or w in lex.stopwords or w in lex.verbs:
            return False
        if len(w) > 4 and w.endswith("ا") and lex.is_common(w[:-1]):
            return False  # an accusative adverb or adjective (كثيرا، بحريا)
        if i == 0:
            if w[0] in "وفبلك" and (w[1:].startswith("ال") or w.startswith("لل") or lex.is_common(w[1:])):
                return False  # بالوزارة, بمحاباة: a preposition before a noun
            return w[0] != "و" and not lex.is_common(w) and w not in lex.frequent
        if w in _CONNECTORS or w in lex.name_suffixes:
            return True
        if w.startswith("ال"):  # family names like المقداد, not plural adjectives (المنتجون)
            if prev in _CONNECTORS:  # عبد الله, أبو الغيط
                return True
            return (len(w) > 4 and not lex.is_common(w[2:]) and w not in lex.common
                    and not w.endswith(_PLURAL_ENDINGS))
        if w.startswith(_CLITIC_ARTICLE) or (w[0] in "بلكوف" and lex.is_common(w[1:])):
            return False
        # continuation: imperfect verbs (يتطلع), plural past verbs (تفاجأوا) and coordinated
        # words (وبكين) end a name
        return w[0] not in "يو" and not w.endswith("وا") and not lex.is_common(w)

    def _name_run(self, norm: str, pos: int, hits: dict[int, Hit], sep: regex.Pattern[str] = _SPACE
                  ) -> list[tuple[int, int]]:
        toks: list[tuple[int, int]] = []
        t = self._token_at(norm, pos, sep)
        n_core = 0
        while t and n_core < MAX_NAME_TOKENS:
            w = norm[t[0]:t[1]]
            h = hits.get(t[0])
            if h is not None and h.kind != "first" and not (h.kind == "gaz" and self._is_per(h)):
                break
            if h is not None and not toks:
                w = h.key  # a first name after a proclitic (وعمر)
            if w == "علي" and self._text_at(t[1] - 1) == "ى":
                break  # على (on), not the name علي
            if not self._name_like(w, len(toks), norm[toks[-1][0]:toks[-1][1]] if toks else ""):
                break
            toks.append(t)
            n_core += w not in _CONNECTORS
            t = self._token_at(norm, t[1])
        while toks and norm[toks[-1][0]:toks[-1][1]] in _CONNECTORS:
            toks.pop()
        return toks

    def _closed(self, norm: str, end: int, hits: dict[int, Hit]) -> bool:
        """Does a name ending at `end` clearly end there (punctuation, a function word, a verb,
        another lexicon hit)? A one-word name before a common word (الملك محمد السادس) may be
        cut short, so it is not trusted."""
        t = self._token_at(norm, end)
        if t is None:
            return True
        w = norm[t[0]:t[1]]
        lex = self.lex
        return (t[0] in hits or w in lex.stopwords or w in lex.verbs or w in lex.frequent
                or (w[0] in "وف" and (w[1:] in lex.stopwords or w[1:] in lex.verbs)))

    @property
    def _doc(self) -> Doc:
        return self._local.doc

    @property
    def _absorbed(self) -> set[int]:
        return self._local.absorbed

    def _text_at(self, i: int) -> str:
        """The original character at shadow offset `i` of the current document."""
        doc = self._local.doc
        j = doc.shadow.orig(i)
        return doc.text[j] if 0 <= j < len(doc.text) else ""

    def _is_per(self, h: Hit) -> bool:
        return any(e.type == "PER" for e in self._lookup(h.key))

    # ---------------------------------------------------------------- main
    def __call__(self, doc: Doc) -> list[Entity]:
        norm = doc.norm
        self._local.doc = doc
        self._local.absorbed = set()
        self._local.per_end = {}  # end offset -> gazetteer person named there
        # على (on) folds to علي (the name): drop those before any pattern looks at them
        hits = [h for h in self.matcher.hits(norm) if h.key != "علي" or self._text_at(h.end - 1) != "ى"]
        if not hits:
            return []
        store = EntityStore(doc, self.gaz, self._lookup)
        by_token = {h.start - len(h.prefix): h for h in hits}
        by_start = {h.start: h for h in hits}
        for h in hits:
            by_token.setdefault(h.start, h)
        deferred: list[Hit] = []
        gaz_of: dict[int, Draft] = {}
        # 1. gazetteer names and adjectives
        for h in hits:
            if h.kind not in ("gaz", "adj"):
                continue
            if h.kind == "gaz" and h.key in self._ambiguous_keys:
                deferred.append(h)
                continue
            d = self._gaz_hit(store, h)
            if d is not None:
                gaz_of[h.start] = d
                if h.kind == "gaz" and d.type == "PER":
                    self._local.per_end[h.end] = d
        # 2. titles (with appositions), heads, verbs, first names
        uses: list[TitleUse] = []
        for h in hits:
            if h.kind == "title" and h.start not in self._absorbed:
                u = self._title(doc, store, h, by_start, by_token, gaz_of)
                if u is not None:
                    uses.append(u)
            elif h.kind == "head":
                self._head(store, norm, h, by_token, gaz_of)
        for h in hits:
            if h.kind == "verb":
                t = self._token_at(norm, h.end)
                if t and t[0] in by_token and by_token[t[0]].kind == "first":
                    origin = self.lex.first_names.get(by_token[t[0]].key, "ar")
                    self._person_run(store, norm, t[0], by_token, "verb_name",
                                     min_tokens=1 if origin in ("ar", "x") else 2)
            elif h.kind == "first":
                origin = self.lex.first_names.get(h.key, "ar")
                before = self._token_before(norm, h.start - len(h.prefix))
                inside = before is not None and norm[before[0]:before[1]] in _CONNECTORS
                if origin in ("ar", "x") and not inside and not store.covered(h.start, h.end):
                    self._person_run(store, norm, h.start - len(h.prefix), by_token, "first_name", min_tokens=2)
        if self.crf is not None:
            self._crf_names(doc, store, by_token)
        # 3. partial names, deferred ambiguous surfaces, bare titles
        self.linker.merge_partial(store)
        self.linker.add_aliases(store, norm)
        self.linker.resolve_titles(doc, store, uses)
        for h in deferred:  # شي, الأسد: only when the article also names or titles them
            for e in self._lookup(h.key):
                d = store.drafts.get(e.id)
                if d is not None and d.mentions and not store.covered(h.start, h.end):
                    store.add(d, h.start, h.end, "name", "gazetteer")
                    break
        return store.export()

    def _crf_names(self, doc: Doc, store: EntityStore, by_token: dict[int, Hit]) -> None:
        """Optional backend: CRF entities (per sentence) where the rules found nothing."""
        assert self.crf is not None
        norm = doc.norm
        known: dict[str, Draft] = {}  # folded mention text -> entity, so one name is one entity
        for d in store.drafts.values():
            for ms, me, form, _ in d.mentions:
                if form == "name":
                    known.setdefault(norm[ms:me], d)
        for a, b in doc.sentences:
            toks = [(s, e) for s, e in doc.tokens(a, b)]
            if not toks:
                continue
            labels = self.crf.tag([doc.text[s:e] for s, e in toks])
            for i, j, typ in sorted(conll_spans(labels)):
                s = _shadow_offset(doc, toks[i][0])
                e = _shadow_offset(doc, toks[j - 1][1])
                h = by_token.get(s)
                if h is not None and h.prefix:
                    s = h.start
                else:
                    w = norm[s:e]
                    for p in ("وال", "فال", "بال", "كال", "لل"):
                        if w.startswith(p):
                            s += len(p) - 2 if p != "لل" else 1
                            break
                    else:
                        if w[:1] in "وف" and len(w.split()[0]) > 4 and w.split()[0] not in self.lex.first_names:
                            s += 1
                if e <= s or store.covered(s, e):
                    continue
                words = [w[2:] if w.startswith("ال") else w for w in norm[s:e].split()]
                if all(self.lex.is_common(w) or w in self.lex.stopwords for w in words):
                    continue  # التبادل التجاري: ordinary words, whatever the tagger says
                d = known.get(norm[s:e]) or store.new_draft(_CRF_TYPES.get(typ, "MISC"), s, e)
                known[norm[s:e]] = d
                store.add(d, s, e, "name", "crf")

    def _gaz_hit(self, store: EntityStore, h: Hit) -> Draft | None:
        if h.kind == "adj":
            entry = self._adjective(h.key)
            if entry is None:
                return None
            d = store.gaz_draft(entry.id)
            if d is not None:
                store.add(d, h.start, h.end, "adjective", "gazetteer_adjective", occupy=True)
            return d
        entries = self._lookup(h.key)
        if not entries:
            return None
        d = store.gaz_draft(entries[0].id)
        if d is not None:
            store.add(d, h.start, h.end, "name", "gazetteer")
        return d

    def _person_run(self, store: EntityStore, norm: str, pos: int, by_token: dict[int, Hit], rule: str,
                    min_tokens: int, sep: regex.Pattern[str] = _SPACE,
                    toks: list[tuple[int, int]] | None = None) -> Draft | None:
        """A person named by the run of name tokens at `pos` (`toks`: that run, when the caller
        has already computed it)."""
        if toks is None:
            toks = self._name_run(norm, pos, by_token, sep)
        # عبد الله, أبو مازن are one name word: alone they are just a first name
        core = len(toks) - sum(norm[a:b] in ("عبد", "ابو") for a, b in toks[:-1])
        if core < min_tokens or (core == 1 and not self._closed(norm, toks[-1][1], by_token)):
            return None
        s, e = toks[0][0], toks[-1][1]
        first = by_token.get(toks[0][0])
        if first is not None and first.kind == "first":
            s = first.start  # drop a proclitic before the first name
        if store.covered(s, e):
            # a gazetteer person inside the run (فلاديمير بوتين): link to it, do not invent
            for d in store.drafts.values():
                if d.type == "PER" and any(a < e and s < b for a, b, _, _ in d.mentions):
                    return d
            return None
        d = store.new_draft("PER", s, e)
        if d.type != "PER":
            return None
        store.add(d, s, e, "name", rule)
        return d

    # ---------------------------------------------------------------- titles
    def _title(self, doc: Doc, store: EntityStore, h: Hit, by_start: dict[int, Hit],
               by_token: dict[int, Hit], gaz_of: dict[int, Draft]) -> TitleUse | None:
        norm = doc.norm
        title = self.lex.titles.get(h.key)
        if title is None:
            return None
        end, country = h.end, None
        genitive: Draft | None = None
        n_mod = n_plain = 0
        not_current = False
        pos = h.end
        while n_mod < MAX_MODIFIERS:
            t = self._token_at(norm, pos)
            if t is None:
                break
            g = by_token.get(t[0])
            w = norm[t[0]:t[1]]
            if w in self.lex.title_modifiers:
                not_current = True  # الرئيس المصري الأسبق: never the current holder
                end = pos = t[1]
            elif g is not None and g.kind == "adj":
                entry = self._adjective(g.key)
                if entry is not None and entry.type in ("GPE", "LOC") and country is None:
                    country = entry.id
                end = pos = g.end
            elif g is not None and g.kind == "head" and n_mod == 0:
                end = pos = g.end  # المتحدث باسم وزارة الدفاع: an organisation head
            elif g is not None and g.kind == "title" and title.office in GENITIVE_OFFICES and n_mod == 0:
                end = pos = g.end  # مستشار الرئيس الروسي, المتحدث باسم الرئيس, نائب وزير الخارجية
                if title.office == "deputy":
                    self._absorbed.add(g.start)  # not a mention of the minister himself
            elif g is not None and g.kind == "gaz":
                d = gaz_of.get(g.start)
                if d is not None and d.type == "PER":
                    if title.office in GENITIVE_OFFICES and genitive is None and n_mod == 0:
                        genitive = d
                        end = pos = g.end
                    else:
                        break
                else:
                    if d is not None and d.type == "GPE" and country is None and n_mod == 0:
                        country = d.id
                    end = pos = g.end
            elif g is None and n_plain < 2 and len(w) > 3 and w not in self.lex.stopwords and (
                    w.startswith("لل") or (w.startswith("ال") and country is None)):
                end = pos = t[1]
                n_plain += 1
            else:
                break
            n_mod += 1
        use = TitleUse(h.start, end, title.office, title.resolvable and not not_current, country, None)
        role = doc.text[slice(*doc.shadow.orig_span(h.start, end))]
        # title + name (apposition)
        t = self._token_at(norm, end, _SEP)
        person: Draft | None = None
        if t is not None and norm[t[0]] == "و" and (g := by_token.get(t[0])) is not None and "و" in g.prefix:
            t = None  # "وزير الداخلية، ومحمد ...": the next person in a list, not this title's holder
        if t is not None:
            g = by_token.get(t[0])
            if g is not None and g.kind == "gaz":
                d = gaz_of.get(g.start)
                if d is not None and d.type == "PER":
                    person = d
            elif title.office != "counterpart":
                strong = g is not None and g.kind == "first" and self.lex.first_names.get(g.key) in ("ar", "x")
                toks = self._name_run(norm, t[0], by_token)
                if toks and (strong or (len(toks) >= 2 and self._closed(norm, toks[-1][1], by_token))):
                    person = self._person_run(store, norm, t[0], by_token, "title_name", 1, toks=toks)
        # name + title ("دميتري بيسكوف المتحدث باسم الكرملين", "يوري أوشاكوف، مستشار بوتين")
        if person is None and title.office != "counterpart":
            start_tok = h.start - len(h.prefix)
            comma = self._token_before(norm, start_tok, comma=True)
            plain = self._token_before(norm, start_tok)
            if comma is not None and (comma != plain or not title.resolvable):
                person = self._name_before(store, norm, comma[1], by_token, gaz_of)
        if person is not None:
            use.person = person
            store.add(person, h.start, end, "title", "title_apposition", occupy=False)
            store.add_role(person, role, norm[h.start:end])
        return use

    def _name_before(self, store: EntityStore, norm: str, end: int, by_token: dict[int, Hit],
                     gaz_of: dict[int, Draft]) -> Draft | None:
        """The person named just before a title: a gazetteer person, or a run of name tokens
        that starts with a known first name ("محمد حسين العامودي، الرئيس ...")."""
        toks: list[tuple[int, int]] = []
        pos = end
        t = self._token_before(norm, pos)
        if t is not None and t[1] in self._local.per_end:
            return self._local.per_end[t[1]]  # عبد الوافي لفتيت، وزير الداخلية
        while t is not None and len(toks) < MAX_NAME_TOKENS and not norm[t[1]:pos].strip():
            g = by_token.get(t[0]) or by_token.get(t[0] + 1) or by_token.get(t[0] + 2)
            if g is not None and g.kind == "gaz" and g.end == t[1]:
                d = gaz_of.get(g.start)
                return d if d is not None and d.type == "PER" and not toks else None
            if g is not None and g.kind != "first":
                break
            before = self._token_before(norm, t[0])
            prev = norm[before[0]:before[1]] if before is not None and not norm[before[1]:t[0]].strip() else ""
            if g is not None and g.prefix:
                toks.insert(0, t)  # ومحمد حجوي: a first name after a proclitic starts the name
                break
            if not self._name_like(norm[t[0]:t[1]], 1, prev):
                break
            toks.insert(0, t)
            pos = t[0]
            t = before
        while toks:
            first = by_token.get(toks[0][0])
            if first is not None and first.kind == "first" and self.lex.first_names.get(first.key) in ("ar", "x"):
                break
            toks.pop(0)
        if len(toks) < 2:
            return None
        s, e = by_token[toks[0][0]].start, toks[-1][1]
        if store.covered(s, e):
            return None
        d = store.new_draft("PER", s, e)
        store.add(d, s, e, "name", "name_title")
        return d

    def _head(self, store: EntityStore, norm: str, h: Hit, by_token: dict[int, Hit],
              gaz_of: dict[int, Draft]) -> None:
        head = self.lex.heads.get(h.key)
        if head is None or store.covered(h.start, h.end):
            return
        q = _QUOTED.match(norm, h.end)
        if q is not None:
            qs, qe = q.span("q")
            inner = norm[qs:qe].strip()
            if inner and len(inner.split()) <= 4 and not store.covered(qs, qe):
                qs += len(norm[qs:qe]) - len(norm[qs:qe].lstrip())
                qe = qs + len(inner)
                d = store.new_draft(head.type, qs, qe)
                store.add(d, qs, qe, "name", "head_quoted")
            return
        t = self._token_at(norm, h.end)
        if t is None:
            return
        g = by_token.get(t[0])
        if g is not None and g.kind == "gaz":
            inner_d = gaz_of.get(g.start)
            sea = head.type == "LOC" and h.key in _SEA_HEADS
            if not (head.type == "ORG" or sea) or inner_d is None or inner_d.type not in ("GPE", "LOC"):
                return
            # قناة القاهرة الإخبارية, بحر الصين الشرقي: named after a place
            end = g.end
            t2 = self._token_at(norm, end)
            if t2 is not None and norm[t2[0]:t2[1]].startswith("ال") and t2[0] not in by_token:
                end = t2[1]
            if end == g.end and head.needs_name and not sea:
                return
            _drop_mention(inner_d, g.start, g.end, store)
            d = store.new_draft(head.type, h.start, end)
            store.add(d, h.start, end, "name", "head_place")
            return
        if g is not None and g.kind != "first" or head.needs_name == 2:
            return
        if g is not None and head.type in ("ORG", "FAC"):
            # جامعة محمد الخامس, مستشفى خالد الفيصل: an organisation or facility named after a person
            run = self._name_run(norm, t[0], by_token)
            if len(run) >= 2 and not store.covered(h.start, run[-1][1]):
                e = run[-1][1]
                d = store.new_draft(head.type, h.start, e)
                store.add(d, h.start, e, "name", "head_person")
            return
        w = norm[t[0]:t[1]]
        if (self._name_like(w, 0) and w not in self.lex.first_names and not w.endswith(("ها", "هم"))
                and not (w[0] in "بلكف" and self.lex.is_common(w[1:]))):
            toks = [t]
            t2 = self._token_at(norm, t[1])
            if t2 is not None and t2[0] not in by_token and not norm[t2[0]].startswith("و") \
                    and self._name_like(norm[t2[0]:t2[1]], 1) and not norm[t2[0]:t2[1]].startswith("ال"):
                toks.append(t2)
            s, e = toks[0][0], toks[-1][1]
            if store.covered(s, e):
                return
            if head.type == "ORG":
                d = store.new_draft("ORG", h.start, e)
                store.add(d, h.start, e, "name", "head_name")
            else:
                d = store.new_draft(head.type, s, e)
                store.add(d, s, e, "name", "head_name")
            return
        if head.needs_name or head.type != "ORG":
            return
        # وزارة الخارجية الروسية: head + definite modifiers
        end = first_end = h.end
        n = 0
        pos = h.end
        while n < 3:
            t = self._token_at(norm, pos)
            if t is None:
                break
            w = norm[t[0]:t[1]]
            g = by_token.get(t[0])
            if g is not None and g.kind not in ("adj",):
                break
            if not w.startswith("ال") or w in self.lex.stopwords:
                break
            if n > 0 and g is None and not w.endswith(("ي", "يه")):
                break  # further modifiers are relational adjectives (التموينية), not participles
            end = pos = t[1]
            if n == 0:
                first_end = end
            n += 1
            if g is not None:
                break
        if n == 0 or store.covered(h.start, first_end) or norm[h.start:first_end] in self.lex.generic:
            return
        d = store.new_draft("ORG", h.start, end)
        store.add(d, h.start, end, "name", "head_modifiers", occupy=False)
        store.occupy(h.start, h.end)

def _shadow_offset(doc: Doc, orig: int) -> int:
    """Shadow offset of an original offset (the first shadow position at or after it)."""
    sh = doc.shadow
    if len(sh.text) == len(doc.text):  # nothing was deleted: offsets are the same
        return orig
    lo, hi = 0, len(sh.text)
    while lo < hi:
        mid = (lo + hi) // 2
        if sh.orig(mid) < orig:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _drop_mention(d: Draft, s: int, e: int, store: EntityStore) -> None:
    d.mentions = [m for m in d.mentions if not (m[0] == s and m[1] == e)]
    d.spans.discard((s, e))
    store.occupy(s, e, 0)
