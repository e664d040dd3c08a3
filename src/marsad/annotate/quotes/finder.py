"""Finds the quotes of one article: cue hits, their content and their speaker.

One left-to-right pass over the cue hits (found by the lexicon's automaton):
- the content a cue opens is the first complementiser (أن/إن/بأن, إلى أن…), colon or quote
  mark after it in its clause; the words between are the subject region (VSO speaker);
- indirect content runs to the end of the sentence or to the next cue that opens content;
  quote marks inside it make it mixed; a direct quote is the inside of its marks;
- a cue with no subject of its own (وأضاف، وقال:، مضيفاً) continues the speaker of the
  previous cue when it is near and no other person was named in between; a switch cue
  (بدوره، من جانبه) or an unresolved subject (مصادر، مسؤول) stops the chain.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass
from itertools import islice

import regex

from marsad.annotate.doc import Doc
from marsad.annotate.quotes.docindex import DocIndex, MentionRef
from marsad.annotate.quotes.lexicon import Hit, Lexicon
from marsad.annotate.quotes.marks import Pair, find_all_pairs, trim_end
from marsad.model import Entity, Quote

_BIG = 1 << 62
MAX_SUBJECT_GAP = 14  # words between a cue and its complementiser/colon
STRICT_GAP = 8  # words between a strict cue (وبيّن) and its complementiser
MAX_MARK_GAP = 12  # words between a cue and the quote mark it introduces
MIN_QUOTE_WORDS = 3  # a quoted span shorter than this needs a colon to be a quote
MIN_LONE_WORDS = 6  # a quote with no cue at all must be this long
CHAIN_SENTENCES = 2  # how far back a bare cue may continue a speaker
MAX_HEADLINE_WORDS = 30  # a headline with a speaker and a colon is a short line
SEARCH_WINDOW = 200  # characters after a cue searched for its complementiser, colon or mark

_LIST_KINDS = frozenset({"announce", "reveal", "report"})  # speech acts whose colon often opens a list
_PUNCT_ONLY = regex.compile(r"[\p{P}\p{Zs}]*")
_TRIM = " \t\n،,.:؛;-–—"
_OPENS_CLAUSE = regex.compile(r"[،,(\"«“”:.؛-]")
_COLON = regex.compile(r":(?=\s*\p{L})")
_SEGMENT_START = regex.compile(r"(?:^|\.\.|[|•:–—-]|\.\s)\s*$")  # a headline segment opens here
_SEGMENT_END = regex.compile(r"\.\.|\s\||\s[–—]\s")
_ARABIC = regex.compile(r"\p{Arabic}")
_CLAUSE_PUNCT = regex.compile(r"[،,؛;:()]")
_DASH = regex.compile(r"[-–—(،,]")
_REGION_STOP = regex.compile(r"[.:؛;!?؟()\"«»“”„]")


@dataclass(slots=True)
class _State:
    speaker: str
    sent: int
    pos: int


@dataclass(slots=True)
class _Anchor:
    kind: str  # comp | colon | mark | post
    start: int
    end: int
    pair: Pair | None = None


class QuoteFinder:
    def __init__(self, lex: Lexicon, doc: Doc, hits: list[Hit]) -> None:
        self.lex = lex
        self.doc = doc
        self.norm = doc.norm
        self.ix = DocIndex(doc)
        self.hits = [h for h in hits if h.cats.get("cue")]
        self.switches = [h.start for h in hits if h.cats.get("switch")]
        self.pairs = find_all_pairs(self.norm, lex.families)
        self._cut_unclosed()
        self._pair_by_open = {p.open: p for p in self.pairs}
        self._pair_opens = [p.open for p in self.pairs]
        self._hit_starts = [h.clitic_start for h in self.hits]
        self._hit_starts_set = {h.start for h in hits} | {h.clitic_start for h in hits}
        self._pair_by_close = {p.close: p for p in self.pairs if p.closed}
        self.claimed: set[int] = set()  # pair.open of pairs used by a quote
        self.consumed: list[tuple[int, int]] = []  # shadow ranges inside emitted quotes
        self._c_sorted: list[tuple[int, int]] = []  # the same, sorted
        self.quotes: list[Quote] = []
        self._female: dict[str, bool] = {}
        self._long_pairs: list[tuple[int, int]] | None = None

    def _cut_unclosed(self) -> None:
        """A quote never closed ends at its paragraph end, unless a sentence inside opens with a
        cue of its own ("وقال: "كان المريض يعاني … شابا. ولفت إلى أن …"): it ends there."""
        for p in self.pairs:
            if p.closed:
                continue
            for o in self.hits:
                if o.clitic_start <= p.open + 1 or o.clitic_start == o.start:
                    continue
                if o.clitic_start >= p.close:
                    break
                s0 = self.ix.sentence(self.ix.sentence_index(o.clitic_start))[0]
                if p.open + 1 < s0 <= o.clitic_start and not self.norm[s0 : o.clitic_start].strip():
                    p.close = trim_end(self.norm, p.open + 1, s0)
                    break

    # -- helpers -----------------------------------------------------------------------------
    def _words(self, a: int, b: int) -> list[regex.Match[str]]:
        return list(self.lex.word.finditer(self.norm, a, b))

    def _first_words(self, a: int, b: int, n: int) -> list[regex.Match[str]]:
        return list(islice(self.lex.word.finditer(self.norm, a, b), n))

    def _last_word(self, a: int, b: int) -> regex.Match[str] | None:
        return self.lex.last_word.search(self.norm, a, b)

    def _nwords(self, a: int, b: int) -> int:
        """Number of words in [a, b), counted by the spaces between them."""
        while a < b and self.norm[a] == " ":
            a += 1
        while b > a and self.norm[b - 1] == " ":
            b -= 1
        return self.norm.count(" ", a, b) + 1 if b > a else 0

    def _inside(self, pos: int) -> bool:
        if not self.consumed:
            return False
        i = bisect_right(self._c_sorted, (pos, _BIG))  # ranges starting at or before pos
        return any(a <= pos < b for a, b in self._c_sorted[max(0, i - 3) : i])

    def _in_long_pair(self, pos: int) -> bool:
        if self._long_pairs is None:
            self._long_pairs = [(p.open, p.close) for p in self.pairs if self._nwords(p.open, p.close) >= 4]
        return any(a < pos < b for a, b in self._long_pairs)

    def _is_female(self, ent: Entity) -> bool:
        got = self._female.get(ent.id)
        if got is None:
            got = any(
                self._female_context(max(0, r.start - 40), r.start)
                for r in self.ix.mentions
                if r.entity is ent
            )
            self._female[ent.id] = got
        return got

    def _agrees(self, gender: str, ent: Entity | None) -> bool:
        if ent is None or gender == "p":
            return False
        if gender == "f" and ent.type == "PER":
            return self._is_female(ent)
        return ent.type in ("PER", "ORG", "GPE")

    # -- anchors -----------------------------------------------------------------------------
    def _anchor(self, h: Hit, limit: int) -> _Anchor | None:
        pos = h.end
        bound = min(limit, h.end + SEARCH_WINDOW)
        while True:
            m = self.lex.after_cue.search(self.norm, pos, bound)
            if m is None or m.group("stop") is not None:
                return self._far_mark(h, limit)
            gap = self._nwords(h.end, m.start())
            if m.group("comp") is not None and gap > 0 and self._blocked(m.start()):
                pos = m.end()  # "ووعد بحلها، إلا أن …": not the cue's content; look further
                continue
            if m.group("comp") is not None:
                if gap > MAX_SUBJECT_GAP or (gap > 0 and m.group()[0] in self.lex.proclitics):
                    # "أكد بولوني معرفته بالدوري، لا سيما وأنه …": a وأن/فإن after other words
                    # continues a clause of the writer, not the cue's content
                    return self._far_mark(h, limit)
                return _Anchor("comp", m.start(), m.end())
            if m.group("colon") is not None:
                if gap > MAX_SUBJECT_GAP:
                    return None
                j = m.end()
                while j < len(self.norm) and self.norm[j] == " ":
                    j += 1
                return _Anchor("colon", m.start(), m.end(), self._pair_by_open.get(j))
            pair = self._pair_by_open.get(m.start())
            if pair is None:  # a closing mark or an apostrophe: look further
                pos = m.end()
                continue
            n = self._nwords(*pair.inner)
            if self._is_name(pair) or (n < MIN_QUOTE_WORDS and pair.closed):
                pos = pair.end  # a quoted name (شركة "ميت إنفست"، لـ«الشرق الأوسط»): look past it
                continue
            if gap > MAX_MARK_GAP or n < MIN_QUOTE_WORDS or (gap > 6 and n < 5):
                return self._far_mark(h, limit)
            if n < MIN_LONE_WORDS and self.lex.relative.search(self.norm, h.end, m.start()):
                return None  # "طالب بلحاج الذي … حزب "الجبهة الإسلامية للإنقاذ"": a name
            return _Anchor("mark", m.start(), m.start(), pair)

    def _blocked(self, pos: int) -> bool:
        """Is the word before offset pos a conjunction that takes the complementiser (إلا أن)?"""
        k = pos
        while k > 0 and self.norm[k - 1] == " ":
            k -= 1
        j = k
        while j > 0 and self.norm[j - 1].isalpha():
            j -= 1
        return self.norm[j:k] in self.lex.comp_blockers

    def _far_mark(self, h: Hit, limit: int) -> _Anchor | None:
        """A long quote later in the cue's clause, after a long subject: "وأضاف رئيس البعثة،
        التي حضرت …، أن العملية الانتخابية هي «مسلسل يتطور …»"."""
        cue = h.cats.get("cue")
        if cue is None or cue.cue is None or cue.cue.role != "verb":
            return None  # "كما كان متوقعا": participles are too often idioms
        for p in self.pairs:
            if h.end <= p.open < limit and p.open not in self.claimed and self._nwords(*p.inner) >= MIN_LONE_WORDS:
                return None if self._is_name(p) else _Anchor("far", p.open, p.open, p)
        return None

    def _is_name(self, p: Pair) -> bool:
        """Quote marks around a name or a title, not a statement: no Arabic word inside
        ("Octopus Energy Group"), or right after a naming head (بعنوان "…"، شركة "…")."""
        a, b = p.inner
        if not _ARABIC.search(self.norm, a, b):
            return True
        before = self._words(max(0, p.open - 30), p.open)
        if before and not self.norm[before[-1].end() : p.open].strip(" ـ"):
            w = before[-1].group()
            glued = len(w) > 3 and w[0] in self.lex.glued_prepositions
            return w in self.lex.name_heads or (glued and w[1:] in self.lex.name_heads)
        return False

    def _post_anchor(self, h: Hit) -> _Anchor | None:
        """A quote closing just before the cue: “…”، قال بوتين."""
        j = h.clitic_start
        k = j
        while k > 0 and self.norm[k - 1] in " ،,-–—":
            k -= 1
        if k == j or k == 0:
            return None
        pair = self._pair_by_close.get(k - 1)
        if pair is None or pair.open in self.claimed or self._nwords(*pair.inner) < MIN_QUOTE_WORDS:
            return None
        return _Anchor("post", h.start, h.start, pair)

    # -- speakers ----------------------------------------------------------------------------
    def _subject(self, h: Hit, a: int, b: int) -> tuple[str, MentionRef | None]:
        """Speaker in the subject region [a, b): ("explicit", ref) | ("unresolved", None) |
        ("bare", None). The region ends at the first break word (خلال، مع، في…)."""
        cut = b
        content: list[regex.Match[str]] = []
        for w in self.lex.word.finditer(self.norm, a, b):
            t = w.group()
            if (t in self.lex.subject_breaks and not self.ix.covered(w.start())) or (
                len(t) > 3
                and t[0] == self.lex.lam
                and (t[1:] in self.lex.person_titles or (t[1] == self.lex.lam and not content))
            ):
                # "أكد لوزير الخارجية عادل الجبير أن": an addressee follows; but after a title
                # "الرئيس التنفيذي للشركة جون روجرز" the لل word is part of the subject
                cut = w.start()
                break
            if t in self.lex.adverbials or t.isdigit():
                continue
            content.append(w)
        if not content:
            return "bare", None
        first = content[0]
        if first.group() in self.lex.unnamed_speakers:
            return "unresolved", None
        refs = [r for r in self.ix.mentions_in(a, cut) if r.form != "adjective" and not self._governed(r)]
        named = self._surname(content, refs)
        if named is not None:
            return "explicit", named
        if not refs:
            return "unresolved", None
        if refs[0].start <= first.start() + 1:
            ref = refs[0]  # the subject opens the region: "قالت وزارة الخارجية"
        elif (
            first.group() in self.lex.name_heads
            and refs[0].entity.type == "ORG"
            and len(self._words(first.end(), refs[0].start)) == 0
        ):
            ref = refs[0]  # a head and its name: "قالت صحيفة "واشنطن بوست""
        else:
            people = [r for r in refs if r.entity.type == "PER"]
            if not people:
                return "unresolved", None
            ref = people[0]  # a name after its title: "قال رئيس الوزراء … بنيامين نتنياهو"
            if _CLAUSE_PUNCT.search(self.norm, a, ref.start) and not self._titled(ref, a):
                return "unresolved", None  # "طالب الكاتب …، وزير الإسكان ماجد الحقيل" names the object
        if self._genitive(ref, a):
            return "unresolved", None  # "قال ولايتي مستشار خامنئي", "قال مكتب رئيس الوزراء"
        if ref.entity.type != "PER" and self._name_goes_on(ref):
            return "unresolved", None
        if ref.entity.type == "PER":
            named = next((r for r in refs if r.entity is ref.entity and r.form != "title"), ref)
            if self._unknown_first_name(named, a):
                return "unresolved", None
        if ref.form == "title" and not self._title_trusted(ref, content, refs, b):
            return "unresolved", None
        if h.cats.get("cue").cue.gender == "f" and ref.entity.type == "PER":  # type: ignore[union-attr]
            if self._female_context(a, ref.start):
                self._female[ref.entity.id] = True
        return "explicit", ref

    def _unknown_first_name(self, ref: MentionRef, lo: int) -> bool:
        """A one-word name right after a word we do not know that is not a title or a definite
        word: "قالت السيدة سارة أوباما" is not Barack Obama."""
        text = self.norm[ref.start : ref.end]
        if ref.form == "title" or " " in text or text.startswith(self.lex.article):
            return False
        w = self._last_word(max(lo, ref.start - 30), ref.start)
        if w is None or self.norm[w.end() : ref.start].strip():
            return False
        t = w.group()
        return not (
            t in self.ix.name_words(ref.entity)  # "سامي الجدعاني" is the entity's own name
            or t.startswith(self.lex.article)
            or t in self.lex.person_titles
            or t in self.lex.adverbials
            or self.ix.covered(w.start())
            or w.start() in self._hit_starts_set
        )

    def _name_goes_on(self, ref: MentionRef) -> bool:
        """The organisation's name runs past the mention, so the mention is a different entity:
        "قال الاتحاد الروسي لكرة القدم" (not Russia), "قالت روسيا اليوم السبت" (not RT)."""
        nxt = self.lex.word.search(self.norm, ref.end, ref.end + 30)
        if nxt is None or self.norm[ref.end : nxt.start()].strip():
            return False
        t = nxt.group()
        if t in self.lex.adverbials:
            return self.norm[ref.start : ref.end].rsplit(" ", 1)[-1] in self.lex.adverbials
        return t[0] == self.lex.lam and len(t) > 3 and t not in self.lex.subject_breaks

    def _title_trusted(
        self, ref: MentionRef, content: list[regex.Match[str]], refs: list[MentionRef], b: int
    ) -> bool:
        """A title standing for a person ("الرئيس الصيني") is the speaker only when no unknown
        name follows it ("يقول المحلل السياسي سبوح سيد، إن", "يرى الباحث الإيراني في الشؤون
        الإستراتيجية مهدي عزيزي، أن": the title is theirs, whoever the entity layer linked it to)."""
        own = [r for r in refs if r.entity is ref.entity]
        if any(r.form != "title" for r in own):
            return True  # "الرئيس التنفيذي للشركة جون روجرز": title and name together
        for w in content:
            if w.start() < ref.end or any(r.start <= w.start() < r.end for r in own):
                continue
            if not _CLAUSE_PUNCT.search(self.norm, ref.end, w.start()):
                return False
            break
        # two unknown indefinite words closing the subject region look like a name
        last = self._last_word(ref.end, b)
        if last is None or self.ix.covered(last.start()):
            return True
        prev = self._last_word(ref.end, last.start())
        if prev is None or self.norm[prev.end() : last.start()].strip() or self.ix.covered(prev.start()):
            return True
        return not all(self._name_like(w.group()) for w in (prev, last))

    def _name_like(self, t: str) -> bool:
        return not (
            t.startswith(self.lex.article)
            or t in self.lex.subject_breaks
            or t in self.lex.adverbials
            or t in self.lex.person_titles
            or t.isdigit()
        )

    def _surname(self, content: list[regex.Match[str]], refs: list[MentionRef]) -> MentionRef | None:
        """"وقال الخمسان:" after "عبدالعزيز الخمسان" was named: the subject (after its titles)
        is the last name of exactly one person of the article that no mention covers here."""
        k = 0
        while k < len(content) - 1 and content[k].group() in self.lex.person_titles:
            k += 1
        w = content[k]
        if refs and refs[0].start <= w.end():
            return None
        if k + 1 < len(content) and not self.norm[w.end() : content[k + 1].start()].strip():
            return None  # "قال سلمان العودة": another name goes on, not the known one
        ent = self.ix.surname(w.group(), w.start(), self.lex.person_titles)
        return MentionRef(w.start(), w.end(), ent, "surname") if ent is not None else None

    def _surname_before(self, h: Hit, s_start: int) -> MentionRef | None:
        """"وكان رئيسي قال إن" after "إبراهيم رئيسي" was named: a known last name opens the
        sentence (after opener words) right before a verb with no proclitic."""
        if h.clitic_start != h.start:
            return None
        before = self._words(s_start, h.start)
        if not before or self.norm[before[-1].end() : h.start].strip():
            return None
        w = before[-1]
        if any(x.group() not in self.lex.sentence_openers for x in before[:-1]) or self.ix.covered(w.start()):
            return None
        ent = self.ix.surname(w.group(), w.start(), self.lex.person_titles)
        return MentionRef(w.start(), w.end(), ent, "surname") if ent is not None else None

    def _titled(self, r: MentionRef, lo: int) -> bool:
        """An apposition after a comma that opens with a title names the subject again:
        "أكد قائد المنطقة العسكرية، اللواء أحمد سيف اليافعي، أن"."""
        before = self._words(max(lo, r.start - 40), r.start)
        if not before:
            return False
        title_mentions = [m for m in self.ix.mentions_in(before[-1].start(), r.start) if m.entity is r.entity]
        return before[-1].group() in self.lex.person_titles or bool(title_mentions)

    def _genitive(self, r: MentionRef, lo: int) -> bool:
        """The mention follows a relational noun (مستشار، نائب، مكتب، نجل): it names whose
        advisor/office speaks, not the speaker."""
        before = self._words(max(lo, r.start - 60), r.start)
        while before and before[-1].group() not in self.lex.genitive_heads:
            if len(before) == 1 or before[-1].group() not in self.lex.person_titles:
                return False
            before.pop()  # "مركز الملك فهد"
        return bool(before)

    def _governed(self, r: MentionRef) -> bool:
        """A mention glued to a preposition (للجزيرة، لـ"عين اليوم"، بوزارة) is not a subject."""
        i = r.start - 1
        while i >= 0 and self.norm[i] in "\"“”«ـ ":
            if self.norm[i] == " ":
                return False
            i -= 1
        if i < 0 or self.norm[i] not in self.lex.glued_prepositions:
            return False
        return i == 0 or not self.norm[i - 1].isalnum() or self.norm[i - 1] == self.lex.lam

    def _female_context(self, a: int, b: int) -> bool:
        words = [w.group() for w in self.lex.word.finditer(self.norm, a, b)]
        if any(w in self.lex.female_titles for w in words):
            return True
        return bool(words) and words[-1].startswith(self.lex.article) and words[-1].endswith(self.lex.feminine_ending)

    def _masdar_subject(self, h: Hit, s_start: int) -> MentionRef | None:
        """"نقلت … عن الرئيس قوله": the speaker is named right after عن."""
        prep = f" {self.lex.source_preposition} "
        k = self.norm.rfind(prep, s_start, h.start)
        if k < 0:
            return None
        lo = k + len(prep)
        words = self._words(lo, h.start)
        if not words:
            return None
        refs = [r for r in self.ix.mentions_in(lo, h.start) if r.form != "adjective"]
        if refs and refs[0].start <= words[0].start() + 1:
            return None if self._genitive(refs[0], lo) else refs[0]
        people = [r for r in refs if r.entity.type == "PER"]
        if people and not _DASH.search(self.norm, lo, people[0].start) and not self._genitive(people[0], lo):
            return people[0]  # عن نائب وزير الخارجية آندري ريدنكو
        return None

    def _adjacent_subject(self, h: Hit, lo: int) -> tuple[MentionRef, int] | None:
        """A subject right before a verb with no proclitic ("… أن أوشاكوف قال إن",
        "بأن الرئيس الروسي بوتين، قال"): (mention, start of the subject phrase). A comma
        between them is allowed only when the subject opens its clause."""
        if h.clitic_start != h.start:
            return None
        ref = self.ix.mention_ending_at(h.start, lo)
        if ref is None or ref.form == "adjective" or self._words(ref.end, h.start):
            return None
        start = ref.start
        while True:  # "الرئيس الروسي بوتين": earlier mentions of the same entity
            prev = self.ix.mention_ending_at(start, lo)
            if prev is None or prev.entity is not ref.entity or self._words(prev.end, start):
                break
            start = prev.start
        # the subject (with its title: "المحلل محمد مهدي") must open its clause: sentence start,
        # punctuation, a complementiser or a linking word (لكن، ثم)
        before = self._words(max(lo, start - 60), start)
        while before and len(before) > 0 and before[-1].group() in self.lex.person_titles:
            start_t = before[-1].start()
            before = before[:-1]
            if _OPENS_CLAUSE.search(self.norm, start_t, start):
                break
            start = start_t
        if before and not _OPENS_CLAUSE.search(self.norm, before[-1].end(), start):
            w = before[-1].group()
            if not (
                self.lex.after_cue.fullmatch(w) or w in self.lex.sentence_openers or w in self.lex.chain_openers
            ):
                return None
        return ref, start

    def _svo(self, h: Hit, sidx: int, s_start: int) -> MentionRef | None:
        adj = self._adjacent_subject(h, s_start)
        if adj is not None:
            return adj[0]
        named = self._surname_before(h, s_start)
        if named is not None:
            return named
        # sentence subject: "وكان دميتري بيسكوف، المتحدث …، قد صرح"
        first = self._first_words(s_start, h.start, 2)
        if not first:
            return None
        # the name opens the sentence, or follows one opener word (وكان، ثم، لكن)
        lead = first[0] if first[0].group() in self.lex.sentence_openers and len(first) > 1 else None
        at = first[1].start() if lead is not None else first[0].start()
        ref = self.ix.first_mention(s_start, at + 2)
        if ref is None or ref.form == "adjective" or ref.end > h.start:
            return None
        if self._nwords(ref.end, h.start) > MAX_SUBJECT_GAP:
            return None
        k = bisect_left(self._hit_starts, ref.end)
        if k < len(self.hits) and self.hits[k] is not h and self.hits[k].start < h.start:
            return None
        return ref

    def _relative_subject(self, h: Hit, s_start: int) -> tuple[MentionRef | None] | None:
        """"الشاعر علي الخوار الذي أوضح أن": the subject is the antecedent of الذي/التي.
        None when the cue does not follow a relative pronoun; (mention or None,) otherwise."""
        if h.clitic_start != h.start:
            return None
        before = self._words(max(s_start, h.start - 40), h.start)
        if not before or not self.lex.relative.fullmatch(before[-1].group()):
            return None
        rel = before[-1]
        ref = self.ix.mention_ending_at(rel.start(), s_start)
        if ref is None or ref.form == "adjective" or self._words(ref.end, rel.start()):
            return (None,)
        return (ref,)

    def _may_chain(self, h: Hit, s_start: int) -> bool:
        """A verb with no proclitic inside a sentence ("قراءة في التقارير تشير إلى أن") has a
        subject before it that we did not recognise; it continues the previous speaker only
        at a clause start: after punctuation, a fronted phrase (وحول …، وعن …) or a linking
        word (ثم، كما، لكنه، إذ، وهو)."""
        if h.clitic_start != h.start:
            return True
        last = self._last_word(s_start, h.start)
        if last is None:
            return True
        if _OPENS_CLAUSE.search(self.norm, last.end(), h.start):
            return True
        if last.group() in self.lex.chain_openers:
            return True
        first = self.lex.word.search(self.norm, s_start, h.start)
        return first is not None and first.group() in self.lex.fronting_words

    def _sentence_initial(self, h: Hit, sidx: int) -> bool:
        """The cue has a proclitic (وقال) or only opener words before it in its sentence."""
        if h.clitic_start != h.start:
            return True
        before = self._words(self.ix.sentence(sidx)[0], h.start)
        if before and before[0].group() in self.lex.fronting_words:
            return True  # "وحول أزمة أوكرانيا قال:"
        return all(w.group() in self.lex.chain_openers or w.group() in self.lex.sentence_openers for w in before)

    def _part_continues(self, h: Hit, sidx: int, state: _State | None) -> bool:
        """A participle continues the speaker of the cue just before it: in the same sentence,
        or right after a comma when the quote before ran into this sentence (a ".." inside
        it split the sentence)."""
        if state is None:
            return False
        if state.sent == sidx:
            return True
        s0 = self.ix.sentence(sidx)[0]
        if sidx - state.sent != 1 or not any(
            p.open < s0 <= p.end + 1 and p.open in self.claimed and p.open >= state.pos - SEARCH_WINDOW
            for p in self.pairs
        ):
            return False  # the sentence split inside the quote marks of the quote before
        k = h.clitic_start
        while k > 0 and self.norm[k - 1] == " ":
            k -= 1
        if k == 0 or self.norm[k - 1] not in "،,":
            return False
        return not any(
            r.entity.type == "PER" and r.entity.id != state.speaker for r in self.ix.mentions_in(state.pos, h.start)
        )

    def _topic_fronted(self, s_start: int, pos: int) -> bool:
        """"أما الصحفي محفوظ السالك فيرى أن": أما names the subject; if we did not recognise it,
        the previous speaker is certainly not it."""
        first = self.lex.word.search(self.norm, s_start, pos)
        return first is not None and first.group() in self.lex.topic_markers

    def _unnamed_before(self, h: Hit, s_start: int) -> bool:
        """"غير أن مسؤولا أميركيا، رفض نشر اسمه، قال": an unnamed subject before the verb."""
        if h.clitic_start != h.start:
            return False
        return any(
            w.group() in self.lex.unnamed_subjects and not self._inside(w.start())
            for w in self._words(s_start, h.start)
        )

    def _chain(self, h: Hit, sidx: int, state: _State | None, role: str) -> Entity | None:
        if role == "part":
            # a participle continues the subject of its sentence's cue; mid-sentence after a
            # verb we do not know (تتحدث مصادر … مشيرا) its subject is unknown
            if state is not None and state.sent == sidx:
                return self.doc.entity(state.speaker)
            s_start = self.ix.sentence(sidx)[0]
            if self._words(s_start, h.clitic_start):
                return None
        if state is None and sidx - self._last_cue_sent <= CHAIN_SENTENCES:
            return None  # the cue just before had no speaker we trust: do not guess around it
        if state is not None and state.sent != sidx and not self._sentence_initial(h, sidx):
            return None  # "افتتحت شركة … مختبرا، قالت إنه": a verb inside a new sentence has its subject there
        if state is not None and sidx - state.sent <= CHAIN_SENTENCES:
            foreign = [
                r
                for r in self.ix.mentions_in(state.pos, h.start)
                if r.entity.type == "PER" and r.entity.id != state.speaker and not self._inside(r.start)
            ]
            if not foreign:
                return self.doc.entity(state.speaker)
        # the one person named since the previous sentence began
        lo = self.ix.sentence(max(sidx - 1, 0))[0]
        refs = [r for r in self.ix.mentions_in(lo, h.start) if r.entity.type == "PER" and not self._inside(r.start)]
        people = {r.entity.id for r in refs}
        if len(people) != 1:
            return None
        # "احتفى … بتال العتيبي … وقد عبر مدير المنتخب خالد مطر … وقال": a titled person we
        # did not recognise stands between the name and the cue
        if any(w.group() in self.lex.person_titles for w in self._words(refs[-1].end, h.start)):
            return None
        # the person must stand as a subject somewhere, not inside a prepositional phrase
        # ("عبرت مريم سلامة عن حزنها على فراق شيرين أبو عاقلة. وتابعت")
        if not any(self._subject_position(r, lo) for r in refs):
            return None
        return refs[-1].entity

    def _subject_position(self, r: MentionRef, lo: int) -> bool:
        """Not inside a prepositional phrase: "بتال العتيبي", "في حق شيرين", "على فراق شيرين"."""
        if self._governed(r):
            return False
        before = self._words(max(lo, r.start - 40), r.start)[-2:]
        if not before:
            return True
        if self.norm[before[-1].end() : r.start].strip():
            return True  # punctuation right before the name
        if before[-1].group() in self.lex.subject_breaks:
            return False
        if len(before) == 2 and not self.norm[before[0].end() : before[1].start()].strip():
            return before[0].group() not in self.lex.subject_breaks
        return True

    # -- content -----------------------------------------------------------------------------
    def _opens_content(self, h: Hit, anchors: dict[int, _Anchor | None]) -> bool:
        cue = h.cats.get("cue")
        return anchors.get(h.start) is not None or (cue is not None and cue.cue is not None and cue.cue.role == "part")

    def _indirect_end(self, h: Hit, start: int, s_end: int, anchors: dict[int, _Anchor | None]) -> int:
        end = s_end
        pairs = self.pairs
        i = bisect_left(self._pair_opens, start)
        while i < len(pairs) and pairs[i].open < end:  # a quote opened inside the clause may run past the sentence end
            if pairs[i].end > end:
                end = pairs[i].end
            i += 1
        hits = self.hits
        i = bisect_right(self._hit_starts, start)
        for o in hits[i:]:
            if o.clitic_start >= end:
                break
            if self._opens_content(o, anchors):
                adj = self._adjacent_subject(o, start)
                if adj is not None:
                    end = adj[1]
                elif self._clause_initial(o, start):
                    end = o.clitic_start
                else:
                    continue  # "استمرار الهجمات يضيف … إلا أن": a verb inside the reported clause
                break
        return end

    def _clause_initial(self, o: Hit, lo: int) -> bool:
        """Does cue `o` open a new clause (وقال، مضيفاً، "، أكد"، "ثم قال") rather than sit
        inside the reported one?"""
        cue = o.cats.get("cue")
        if o.clitic_start != o.start or (cue is not None and cue.cue is not None and cue.cue.role == "part"):
            return True
        before = self._words(max(lo, o.start - 30), o.start)
        if not before:
            return True
        if _OPENS_CLAUSE.search(self.norm, before[-1].end(), o.start):
            return True
        return before[-1].group() in self.lex.chain_openers

    def _emit(self, a: int, b: int, kind: str, speaker: str | None, h: Hit | None, rule: str) -> None:
        while a < b and self.norm[a] in _TRIM:
            a += 1
        while b > a and self.norm[b - 1] in _TRIM:
            b -= 1
        if self._nwords(a, b) < 2:
            return
        if speaker is not None and self._chained and any(r.entity.id == speaker for r in self.ix.mentions_in(a, b)):
            speaker = None  # "وقال: … وحكومة الدبيبة لا تستطيع …": a guessed speaker named in the quote
        span = self.doc.span_from_shadow(a, b)
        cue = self.doc.span_from_shadow(h.start, h.end) if h is not None else None
        self.quotes.append(
            Quote(start=span.start, end=span.end, text=span.text, kind=kind, speaker=speaker, cue=cue, rule=rule)  # type: ignore[arg-type]
        )
        self.consumed.append((a, b))
        insort(self._c_sorted, (a, b))
        self._last_end = b
        self._last = self.quotes[-1]

    # -- main --------------------------------------------------------------------------------
    def run(self) -> list[Quote]:
        ix = self.ix
        anchors: dict[int, _Anchor | None] = {}
        self._post: dict[int, _Anchor | None] = {}
        self._skip: set[int] = set()  # strict cues that are not speech here
        self._sidx: dict[int, int] = {}  # sentence index of each hit
        sidxs = self._sidx
        hits = self.hits
        for i, h in enumerate(hits):
            sidx = sidxs[h.start] = ix.sentence_index(h.start)
            s_end = ix.sentence(sidx)[1]
            # hits never overlap: the next one is the first cue after this one
            limit = min(s_end, hits[i + 1].clitic_start) if i + 1 < len(hits) else s_end
            cue = h.cats.get("cue").cue  # type: ignore[union-attr]
            anchors[h.start] = self._anchor(h, max(limit, h.end))
            if h.strict:
                anc = anchors[h.start]
                ok = anc is not None and anc.kind == "comp"
                if not ok or self._nwords(h.end, anc.start) > STRICT_GAP:  # type: ignore[union-attr]
                    anchors[h.start] = None
                    self._skip.add(h.start)
                continue
            if anchors[h.start] is None and cue.role == "verb":
                self._post[h.start] = self._post_anchor(h)
        state: _State | None = None
        self._last: Quote | None = None
        self._last_end = -1
        self._last_cue_sent = -100
        self._chained = False
        for h in self.hits:
            cue = h.cats.get("cue").cue  # type: ignore[union-attr]
            if h.start in self._skip or self._inside(h.start) or self._in_long_pair(h.start):
                continue
            sidx = sidxs[h.start]
            s_start, s_end = ix.sentence(sidx)
            anc = anchors[h.start]
            post = self._post.get(h.start)
            if anc is None and post is not None and post.pair is not None and post.pair.open not in self.claimed:
                anc = post
            # speaker
            speaker: Entity | None = None
            mode = "bare"
            if cue.role == "masdar":
                ref = self._masdar_subject(h, s_start)
                mode = "explicit" if ref else "unresolved"
                speaker = ref.entity if ref else None
            else:
                if anc is not None and anc.kind == "post":
                    region_end = s_end
                elif anc is not None:
                    region_end = anc.start
                else:
                    region_end = min(s_end, h.end + 80)
                    stop = _REGION_STOP.search(self.norm, h.end, region_end)
                    if stop is not None:
                        region_end = stop.start()
                # a participle's own subject is never named after it: "داعيا الحوثيين إلى" names
                # whom it calls on; its speaker is the sentence's (the chain below)
                mode, ref = ("bare", None) if cue.role == "part" else self._subject(h, h.end, region_end)
                speaker = ref.entity if ref else None
                if mode == "bare" and cue.role == "part" and self._part_continues(h, sidx, state):
                    speaker = self.doc.entity(state.speaker)  # type: ignore[union-attr]
                elif mode == "bare":
                    svo = self._svo(h, sidx, s_start) if cue.role == "verb" else None
                    switched = any(s_start <= p < h.start for p in self.switches)
                    relative = self._relative_subject(h, s_start)
                    if svo is not None:
                        mode, speaker = "explicit", svo.entity
                    elif relative is not None:
                        mode = "explicit" if relative[0] else "unresolved"
                        speaker = relative[0].entity if relative[0] else None
                    elif (
                        switched
                        or self._unnamed_before(h, s_start)
                        or not self._may_chain(h, s_start)
                        or self._topic_fronted(s_start, h.start)
                    ):
                        mode = "unresolved"
                    else:
                        speaker = self._chain(h, sidx, state, cue.role)
            if speaker is not None and not self._agrees(cue.gender, speaker):
                speaker = None
            sid = speaker.id if speaker else None
            if anc is None and sid is None:
                continue  # no content and no speaker: maybe not speech at all; keep the chain
            state = _State(sid, sidx, h.end) if sid else None
            self._last_cue_sent = sidx
            if anc is None:
                continue
            # content
            self._chained = mode == "bare" and sid is not None
            if anc.kind == "comp":
                start = anc.end
                end = self._indirect_end(h, start, s_end, anchors)
                inner = self.pairs[bisect_left(self._pair_opens, start) : bisect_left(self._pair_opens, end)]
                for p in inner:
                    self.claimed.add(p.open)
                kind = "mixed" if inner else "indirect"
                self._emit(start, end, kind, sid, h, f"{kind}:{cue.kind}:{mode}")
            elif anc.pair is not None:
                self.claimed.add(anc.pair.open)
                a, b = anc.pair.inner
                self._emit(a, b, "direct", sid, h, f"direct-{anc.kind}:{cue.kind}:{mode}")
            elif anc.kind == "colon" and cue.kind not in _LIST_KINDS:
                # unmarked speech after a colon; "أعلنت الوزارة أسماء الفائزين: …" is a list
                self._emit(anc.end, s_end, "direct", sid, h, f"direct-colon:{cue.kind}:{mode}")
            if state is not None:
                state.pos = max(state.pos, self._last_end)
        self._lone_pairs()
        self._headline_colons()
        self.quotes.sort(key=lambda q: q.start)
        return self.quotes

    def _lone_pairs(self) -> None:
        """Quote marks no cue claimed: a continuation of the quote just before, or a long
        unattributed quote; short ones are names or scare quotes and are left alone."""
        self._chained = False
        for p in self.pairs:
            if p.open in self.claimed or self._inside(p.open):
                continue
            a, b = p.inner
            n = self._nwords(a, b)
            if n < MIN_QUOTE_WORDS or self._is_name(p):
                continue
            prev = self._prev_quote_end(p.open)
            if prev is not None and n >= MIN_QUOTE_WORDS:
                q, end = prev
                if _PUNCT_ONLY.fullmatch(self.norm, end, p.open):
                    self.claimed.add(p.open)
                    self._emit_like(a, b, q)
                    continue
            if n >= MIN_LONE_WORDS and self.norm[max(0, p.open - 2) : p.open].strip() == ":":
                self.claimed.add(p.open)
                self._emit(a, b, "direct", None, None, "direct-lone")

    def _headline_colons(self) -> None:
        """Headline style "بوتين: روسيا مورد موثوق للطاقة": a short line where a person or an
        organisation (never a place: "الرياض:" is a dateline) opens a segment and a colon follows."""
        norm = self.norm
        for m in _COLON.finditer(norm):
            c = m.start()
            line_start = norm.rfind("\n", 0, c) + 1
            line_end = norm.find("\n", c)
            line_end = len(norm) if line_end < 0 else line_end
            if self._nwords(line_start, line_end) > MAX_HEADLINE_WORDS or self._inside(c):
                continue
            ref = self.ix.mention_ending_at(c, line_start)
            if ref is None or ref.entity.type not in ("PER", "ORG") or ref.form == "adjective":
                continue
            if norm[ref.end : c].strip() or self.lex.outlets_re.fullmatch(norm, ref.start, ref.end):
                continue
            start = ref.start
            while True:  # "الرئيس الروسي بوتين:"
                prev = self.ix.mention_ending_at(start, line_start)
                if prev is None or prev.entity is not ref.entity or norm[prev.end : start].strip():
                    break
                start = prev.start
            if not _SEGMENT_START.search(norm[line_start:start]):
                continue
            end = line_end
            bar = _SEGMENT_END.search(norm, c + 1, line_end)
            if bar is not None:
                end = bar.start()
            if self._nwords(c + 1, end) >= MIN_QUOTE_WORDS and not self._names_only(c + 1, end, line_start):
                self._emit(c + 1, end, "direct", ref.entity.id, None, "direct-headline")

    def _names_only(self, a: int, b: int, line_start: int) -> bool:
        """"إبراهيم لغلى: جبهة القوى الديمقراطية" in a list of candidates: the part after the colon
        is a name (an entity, or a head word like حزب), or the line follows a "…التالي:" line."""
        norm = self.norm
        while a < b and norm[a] == " ":
            a += 1
        first = self.lex.word.match(norm, a, b)
        if first is not None and first.group() in self.lex.name_heads:
            return True
        ref = self.ix.first_mention(a, a + 1)
        if ref is not None and not norm[ref.end : b].strip(" .،,"):
            return True
        prev_end = line_start - 1
        while prev_end > 0 and norm[prev_end - 1] in " \n":
            prev_end -= 1
        return prev_end > 0 and norm[prev_end - 1] == ":"

    def _prev_quote_end(self, pos: int) -> tuple[Quote, int] | None:
        best: tuple[Quote, int] | None = None
        for q, (_, b) in zip(self.quotes, self.consumed, strict=False):
            if b <= pos and (best is None or b > best[1]):
                best = (q, b)
        return best

    def _emit_like(self, a: int, b: int, q: Quote) -> None:
        n_before = len(self.quotes)
        self._emit(a, b, "direct", q.speaker, None, "direct-continued")
        if len(self.quotes) > n_before:
            self.quotes[-1].cue = q.cue
