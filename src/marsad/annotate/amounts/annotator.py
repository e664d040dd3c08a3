"""The amounts annotator: money, percentages, quantities, counts and multipliers.

One combined regex over the normalised text finds runs of number tokens (digits or number
words, scale words, fractions) with an optional unit/currency/percent tail; a resource-driven
parser turns each run into figures; small windows around each figure give its qualifier,
measure and period. Figures inside time expressions or entity names, labels (رقم 5، المادة 12)
and bare numbers without a unit or scale word are not amounts.

Counts need no listed noun: a word right after the figure that has the shape of a counted noun
(count_shapes.tsv: plurals, or an accusative singular after 11-99) counts it, as does "N من ال…"
with a plural, or a casualty word right before a bare number ("مقتل 29 وجرح 15"). A unit-less
decimal right after a percentage in the same sentence repeats its unit ("4.28 في المائة، مقابل
4,44"), and a signed figure ("+8,93 في المائة") is a change.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import ClassVar

from marsad.annotate.amounts.context import Context
from marsad.annotate.amounts.lexicon import Lexicon, NumberWord, Tail, load
from marsad.annotate.amounts.numbers import Number, read_tokens
from marsad.annotate.amounts.trie import canonical, trie_pattern
from marsad.annotate.doc import Doc
from marsad.model import Amount, TimeExpr

# digits with separators; "2،7" (Arabic comma as decimal mark) and "29ر53" (SPA style for 53.29)
_DIGITS = r"[0-9]+(?:[.,][0-9]+)*(?:[،ر][0-9]{1,2}(?![0-9]))?"
_BOUNDARY = r"[ \n\t(«\"“'\[{]"
_BARE = re.compile(r"(?:[وبل]|ال)?[0-9.,،ر]+")
_DIGIT_BEFORE = re.compile(r"[0-9][\s)]*$")
_AHEAD = re.compile(r"\s*(?:و|-|–|الي|حتي|او)\s*[0-9]")
_AHEAD_WORD = re.compile(r"\s*(?:الي|حتي|او|[-–])\s*\w")  # "بثلاث أو أربع كاميرات"
_CONNECTOR = re.compile(r"\s*(?:(و)|([-–])|(الي|حتي)|(او))\s*$")
_BETWEEN = re.compile(r"(?<!\w)(?:ما\s+)?بين\s*$")
_DECIMAL = re.compile(r"[0-9][.,،][0-9]{1,2}$")
_BARE_RATE_GAP = 120  # characters from the previous percent to a unit-less rate that repeats it
_PERCENT_REMNANT = re.compile(r"(?:في|ب)\s+$")  # before "المائة" that lost its figure
_PAREN_GAP = re.compile(r"\s*\(\s*")
_LIST_DASH = re.compile(r"[ـ\-–—]")
_BY_BEFORE = re.compile(r"(?<!\w)ب\s*$")  # "بثلاث مرات", "بـ10 مرات" (the tatweel is gone in norm)
_FROM = re.compile(r"(?<!\w)(?:[وف])?من\s*$")


_GENERIC_COUNT = Tail("count", None)
_SIGN_MEASURES = {"+": "increase", "-": "decrease", "−": "decrease"}  # names used in measures.tsv
_STANDALONE = frozenset({"scale", "scale_dual", "scale_def", "mult_dual"})  # word classes that are figures alone


@dataclass(slots=True)
class _Previous:
    """The last amount emitted, for context inheritance by the next one."""

    amount: Amount
    end: int  # end of its figure in the normalised text
    period_end: int  # original end offset of the date it took after it (-1 if none)
    from_tail: bool  # its measure came from its unit noun (شخصا → people)


@dataclass(slots=True)
class _Figure:
    num: Number
    tail: Tail | None = None
    tail_end: int = -1  # end of the tail in the normalised text
    upper: Number | None = None  # a range's upper bound
    rule: str = ""
    noun: int = -1  # start of a counted noun known by its shape only (its end is tail_end)
    sign: str = ""  # "+8,93 في المائة", "-1,33 في المائة": a change
    cued: bool = False  # a bare number right after a count phrase ("مقتل 29")
    bare_decimal: bool = False  # "مقابل 4,44 في الفصل السابق": a unit-less rate, maybe a percent

    @property
    def end(self) -> int:
        return max(self.tail_end, self.upper.end if self.upper else -1, self.num.end)


class AmountAnnotator:
    name: ClassVar[str] = "amounts"
    provides: ClassVar[tuple[str, ...]] = ("amounts",)

    def __init__(self) -> None:
        self.lex: Lexicon = load()
        words = trie_pattern(self.lex.numbers)
        token = rf"(?:[وبل]|ال)?(?:{_DIGITS}(?![0-9]|[/:][0-9]|[a-z])|(?:{words})(?!\w))"  # الـ20، الأربعة
        # between tokens: spaces (with و), a hyphen/dash, a closing bracket "(300) ألف", or nothing
        # after digits ("2,023.33مليار")
        join = r"(?:\s*\)?\s+(?:و\s+)?|\s*[-–]\s*|(?<=[0-9])(?=[^\W\d]))"
        tail = trie_pattern(self.lex.tails, flexible=True)
        # Anchored on the boundary character before the first token (matched against " " + norm):
        # a literal class as the first item lets the regex engine skip ahead quickly.
        self._phrase = re.compile(
            _BOUNDARY + rf"(?P<sign>[+\-−](?=[0-9]))?(?P<pre>[%٪](?=[0-9]))?(?P<num>{token}(?:{join}(?<![^\W\d]){token})*)"
            rf"(?:\s*\)?\s*(?P<tail>{tail})(?:(?<=[%٪])|(?!\w))|\s+من\s+ال(?P<of>[^\W\d_]{{3,}})(?!\w)|\s*\)?\s+(?P<noun>[^\W\d_]{{3,}})(?!\w))?"
        )
        # a counted noun not in units.tsv, recognised by its shape (count_shapes.tsv)
        shapes = self.lex.count_shapes
        self._shape_any = re.compile("|".join(f"(?:{r})" for r in shapes.get("any", ["(?!)"])))
        # a count phrase right before a bare number makes it a count ("مقتل 29 وجرح 15")
        count_cues = [k for k, ms in self.lex.measures_before.items()
                      if any(m.kinds is not None and "count" in m.kinds and not m.weak for m in ms)]
        self._count_cue = re.compile(r"(?<![^\s(«])(?:[وفب]|ل)?(?:" + trie_pattern(count_cues) + r")\s*$")
        self._shape_never = re.compile("|".join(f"(?:{r})" for r in shapes.get("never", ["(?!)"])))
        self._shape_tamyiz = re.compile("|".join(f"(?:{r})" for r in shapes.get("tamyiz", ["(?!)"])))
        self._not_nouns = (self.lex.count_stops | self.lex.blockers_after | self.lex.year_cues
                           | self.lex.function_words | frozenset(self.lex.numbers))
        self._token = re.compile(rf"(?:[وبل]|ال)?(?:{_DIGITS}|{words})")
        self.context = Context(self.lex)
        self._year_cue = re.compile(
            r"(?<!\w)(?:[وفبل])?(?:" + trie_pattern(self.lex.year_cues) + r")\s*[/\-]?\s*$"
        )
        # per shared currency name: one regex over all its country cues (anchored on the character
        # before the word, searched in " " + norm), and cue -> ISO
        self._currency_cues: dict[str, tuple[re.Pattern[str], dict[str, str], str | None]] = {}
        for word, rows in self.lex.currency_countries.items():
            cue_iso = {cue: iso for iso, cues, _ in rows for cue in cues}
            default = next((iso for iso, _, is_default in rows if is_default), None)
            pattern = re.compile(_BOUNDARY + r"(?:[وبلف]|لل)?(" + trie_pattern(cue_iso) + r")(?!\w)")
            self._currency_cues[word] = (pattern, cue_iso, default)
        self._unit_cues = {u: re.compile(trie_pattern(c)) for u, c in self.lex.unit_cues.items()}

    # ------------------------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> None:
        norm = doc.norm
        figures = self._figures(norm)
        if not figures:
            return
        self.context.prepare(norm)
        blocked = _intervals(doc)
        if blocked:  # figures inside a time expression or a name are not figures at all
            orig, orig_end = doc.shadow.orig, doc.shadow.orig_end
            figures = [f for f in figures if not _overlaps(blocked, orig(f.num.start), orig_end(f.num.end))]
        figures = [f for f in self._combine(norm, figures)
                   if f.tail is not None or f.num.scaled or f.num.multiplier or f.bare_decimal or f.cued]
        dates = sorted((t for t in doc.times if t.type == "DATE" and t.value[:1].isdigit()),
                       key=lambda t: t.start)
        currency_cache: dict[str, str | None] = {}
        out: list[Amount] = []
        prev: _Previous | None = None
        for i, f in enumerate(figures):
            nxt = figures[i + 1].num.start if i + 1 < len(figures) else len(norm)
            got = self._amount(doc, f, dates, currency_cache, prev, nxt)
            if got is not None:
                out.append(got.amount)
                prev = got
        doc.amounts.extend(out)

    # --- finding figures ----------------------------------------------------------------------

    def _figures(self, norm: str) -> list[_Figure]:
        out: list[_Figure] = []
        numbers = self.lex.numbers
        padded = " " + norm  # positions in `padded` are one more than in `norm`
        for m in self._phrase.finditer(padded):
            sign, pre, num, tail, of, noun = m.group("sign", "pre", "num", "tail", "of", "noun")
            noun_group = "noun"
            if noun is None and of is not None and self._noun_shape(of) == 1:
                noun, noun_group = of, "of"  # "150 من العاملين", "ثلاثة من المسلحين"
            if num[:2] == "ال" and _PERCENT_REMNANT.search(padded, max(0, m.start() - 4), m.start() + 1):
                continue  # "(+8,93 في المائة)" read badly: never turn "المائة" into a hundred
            bare_decimal = cued = False
            bare = _BARE.fullmatch(num) is not None
            if tail is None and pre is None:
                if bare:
                    bare_decimal = _DECIMAL.search(num) is not None
                    if (not bare_decimal and not _AHEAD.match(padded, m.end("num"))
                            and (noun is None or not self._noun_shape(noun))):
                        if not self._count_cue.search(padded, max(0, m.start() - 24), m.start() + 1):
                            continue  # a bare digit string with no unit and no range/list partner
                        cued = True
                elif (" " not in num and self._lone_word(num) and not _AHEAD_WORD.match(padded, m.end("num"))
                      and (noun is None or not self._noun_shape(noun))):
                    continue  # "أحد", "واحدة", "النصف", "الاثنين": one word that is no figure alone
            toks: list[tuple[int, int, str, NumberWord | None]] = []
            if bare:  # one digit string (the common case): no need to tokenise again
                s0 = m.start("num") - 1
                cut = 2 if num[:2] == "ال" else 1 if not num[0].isdigit() else 0
                toks.append((s0 + cut, m.end("num") - 1, num[cut:], None))
            else:
                for t in self._token.finditer(padded, m.start("num"), m.end("num")):
                    text = t.group()
                    word = numbers.get(text)
                    s = t.start() - 1
                    if word is None and text[:2] == "ال" and (text[2:3].isdigit() or text[2:] in numbers):
                        word = numbers.get(text[2:])  # "الـ20 مليار ريال", "الأربعة ملايين"
                        text, s = text[2:], s + 2
                    elif word is None and text[0] in "وبل":
                        word = numbers.get(text[1:])
                        if word is not None or text[1:2].isdigit():
                            text, s = text[1:], s + 1
                    if word is None and not text[0].isdigit():
                        continue
                    toks.append((s, t.end() - 1, text, word))
            raw_tail = tail
            if tail is not None and tail not in self.lex.tails:
                tail = canonical(tail)  # "كم/ ساعة" → "كم/ساعة"
            if tail is None and pre:  # "انخفاض نسبته ٪42": the sign typed first
                tail = "%"
            nums = read_tokens(toks, decimal_point=tail is not None and self.lex.tails[tail].kind == "percent")
            if not nums:
                continue
            first = toks[0][3]
            if (first is not None and first.cls in ("scale", "scale_dual")
                    and _DIGIT_BEFORE.search(norm, max(0, toks[0][0] - 4), toks[0][0])):
                continue  # "(300) ألف" read badly: never turn it into a bare "ألف"
            for n in nums[:-1]:
                out.append(_Figure(n))
            last = _Figure(nums[-1], bare_decimal=bare_decimal, cued=cued)
            if sign and len(nums) == 1:
                last.sign = sign
            if raw_tail is not None:
                last.tail = self.lex.tails[tail]
                last.tail_end = m.end("tail") - 1
            elif tail is not None:
                last.tail, last.tail_end = self.lex.tails[tail], last.num.end
            elif noun is not None and num[:2] != "ال" and self._counted_noun(noun, last.num):
                # (not "الوزارات الثلاث سالفة الذكر": a definite numeral follows its noun)
                last.tail, last.tail_end = _GENERIC_COUNT, m.end(noun_group) - 1
                last.noun = m.start(noun_group) - 1 - (2 if noun_group == "of" else 0)  # with its article
                last.rule = "noun-shape"
            out.append(last)
        return out

    def _lone_word(self, token: str) -> bool:
        """Is `token` one number word that never makes a figure by itself (no scale word)?"""
        numbers = self.lex.numbers
        word = numbers.get(token)
        if word is None and token[:2] == "ال":
            word = numbers.get(token[2:])
        if word is None and token[:1] in "وبل":
            word = numbers.get(token[1:])
        return word is not None and word.cls not in _STANDALONE

    def _noun_shape(self, word: str) -> int:
        """0 if `word` cannot be a counted noun; 1 if it has a plural/any shape; 2 if it is only
        an accusative singular (a count after 11-99: "80 فارسا")."""
        if word in self._not_nouns:
            return 0
        if self._shape_never.fullmatch(word):  # "(في المائة) والبناء", "15 وإصابة"
            return 0
        if word[:2] == "ال" or word[:2] == "لل":  # "مؤشر كاك 40 الفرنسي": a name, not a count
            return 1 if len(word) == 5 and word[3] == "ا" else 0  # … but "ألقاب" folds to "القاب"
        if self._shape_any.fullmatch(word):
            return 1
        return 2 if self._shape_tamyiz.fullmatch(word) else 0

    def _counted_noun(self, word: str, num: Number) -> bool:
        """Is `word`, right after the figure, a counted noun by its shape ("80 فارسا")?"""
        v = num.value
        if v < 3 or not v.is_integer() or num.multiplier or num.plural_scale_only or _year_like(num):
            return False
        shape = self._noun_shape(word)
        return shape == 1 or (shape == 2 and 11 <= v % 100 <= 99)

    def _combine(self, norm: str, figures: list[_Figure]) -> list[_Figure]:
        """Ranges and lists: "بين 10 و20 مليار دولار", "10-20%", "من 5 إلى 7 %", "5 و6 ملايين"."""
        out: list[_Figure] = []
        i = 0
        while i < len(figures):
            a = figures[i]
            b = figures[i + 1] if i + 1 < len(figures) else None
            if b is not None and a.tail is None and b.tail is not None and b.num.start > a.num.end:
                c = _CONNECTOR.match(norm, a.num.end, b.num.start)
                if c and _year_like(a.num) and (c.group(3) or c.group(4) or b.num.value < a.num.value):
                    c = None  # "من 7% في 2021 إلى 30%", "منذ يونيو 2012 إلى 1063 حالة": a year
                if c:
                    if not a.num.scaled and b.num.scaled and a.num.value < 1000:
                        a.num.value *= b.num.scale
                        a.num.scaled = True
                    a.tail, a.tail_end = b.tail, a.num.end
                    before = norm[max(0, a.num.start - 10):a.num.start]
                    is_range = bool(
                        c.group(2)
                        or (c.group(1) and _BETWEEN.search(before))
                        or (c.group(3) and not _FROM.search(before))
                    )
                    if is_range and a.num.value < b.num.value:
                        a.upper, a.tail_end, a.rule = b.num, b.tail_end, "range"
                        out.append(a)
                        i += 2
                        continue
                    a.rule = "shared-unit"
            elif (b is not None and a.tail is not None and b.tail is None and a.upper is None
                  and b.num.scaled and b.num.scale == a.num.scale
                  and _CONNECTOR.match(norm, a.tail_end, b.num.start)):
                b.tail, b.tail_end, b.rule = a.tail, b.num.end, "shared-unit"  # "من 9 آلاف ريال إلى 30 ألفا"
            elif (b is not None and a.tail is not None and b.tail is not None and a.upper is None
                  and _same_unit(a.tail, b.tail) and a.num.value < b.num.value):
                c = _CONNECTOR.match(norm, a.tail_end, b.num.start)
                before = norm[max(0, a.num.start - 10):a.num.start]
                if c and (c.group(2) or (c.group(1) and _BETWEEN.search(before))):
                    # "بين 30% و40%", "بين 250 ألف برميل و290 ألف برميل يوميا" (the fuller unit wins)
                    a.upper, a.tail, a.tail_end, a.rule = b.num, b.tail, b.tail_end, "range"
                    out.append(a)
                    i += 2
                    continue
            out.append(a)
            i += 1
        return out

    # --- one figure -> Amount -----------------------------------------------------------------

    def _amount(self, doc: Doc, f: _Figure, dates: list[TimeExpr],
                currency_cache: dict[str, str | None], prev: _Previous | None,
                next_start: int) -> _Previous | None:
        norm, n, tail, end = doc.norm, f.num, f.tail, f.end
        if f.noun >= 0 and _LIST_DASH.search(doc.text, doc.shadow.orig_end(n.end), doc.shadow.orig(f.noun)):
            return None  # "3 ـ تعيين …": a numbered item, not a count
        if n.value <= 0 or n.plural_scale_only or (n.value == 1 and not n.has_digits and not n.scaled):
            return None  # "واحدة" alone is an article-like "one", not a reported figure
        if (f.noun >= 0 and n.scaled and prev and prev.amount.kind == "money" and prev.amount.unit
                and self.context.same_sentence(norm, prev.end, n.start)):
            tail, end = None, n.end  # "29 مليار دولار، منها 23 مليارا محجوزة": a sum, not a count
        if tail is None:
            if n.multiplier:
                kind, unit, measure = "multiplier", None, None
            elif n.scaled and not n.words_only_scale and not self.context.duration(norm, n.end):
                kind, unit, measure = "count", None, None
                if (prev and prev.amount.kind == "money" and prev.amount.unit
                        and self.context.same_sentence(norm, prev.end, n.start)):
                    # "40 ألف ريال، و30 ألفا للفضية": a bare sum in a money sentence is money
                    kind, unit = "money", prev.amount.unit
            elif f.cued and n.has_digits and n.value.is_integer() and n.value >= 2 and not _year_like(n):
                kind, unit, measure = "count", None, None  # "أسفرت عن مقتل 29 وجرح 15"
            elif (f.bare_decimal and prev and prev.amount.kind == "percent" and n.value < 100
                  and n.start - prev.end <= _BARE_RATE_GAP and self.context.same_sentence(norm, prev.end, n.start)):
                # "انخفض إلى 4.28 في المائة، مقابل 4,44 في الفصل الذي قبله": the same unit, left out
                kind, unit, measure = "percent", "%", None
            else:
                return None
        else:
            kind, unit, measure = tail.kind, tail.unit, tail.measure
            if tail.ambiguous:
                if tail.ambiguous not in currency_cache:
                    currency_cache[tail.ambiguous] = self._resolve_currency(norm, tail.ambiguous)
                unit = currency_cache[tail.ambiguous]
            if kind == "times":  # "بثلاث مرات" is a ratio; "فاز أربع مرات" how often
                ratio = _BY_BEFORE.search(norm, max(0, n.start - 3), n.start) is not None
                kind, measure = ("multiplier", None) if ratio else ("count", measure)
            if kind == "multiplier" and n.scaled:
                return None
        value = n.value * (tail.factor if tail else 1.0)
        if unit in self._unit_cues and value.is_integer() and not self._cued(norm, unit, n.start, end):
            return None
        if n.start > 0 and self.context.blocked(norm, n.start):
            return None
        if _year_like(n) and self._year_cue.search(norm, max(0, n.start - 24), n.start):
            return None  # "عام 2012 …", "أكتوبر/تشرين الأول 2021 حالة الطوارئ"
        qualifier = self.context.qualifier(norm, n.start, end)
        prev_end = prev.end if prev else 0
        mh = self.context.measure(norm, kind, unit, n.start, end, prev_end, next_start)
        measure_text = None
        from_tail = measure is not None
        if mh is not None:
            measure_text = doc.span_from_shadow(mh.start, mh.end).text
            if mh.name:
                measure, from_tail = mh.name, False
        if f.noun >= 0 and not (mh and mh.name):  # the counted noun says best what is counted
            measure_text = doc.span_from_shadow(f.noun, f.tail_end).text
        if (measure is None and prev and prev.amount.kind == kind and prev.amount.unit == unit
                and prev.amount.measure
                and not prev.from_tail and self.context.same_sentence(norm, prev_end, n.start)):
            measure = prev.amount.measure  # "… الهدف البالغ 200 مليار دولار … قدره 228 مليار دولار"
        elif measure is None and f.sign:
            measure = _SIGN_MEASURES.get(f.sign)  # "(+8,93 في المائة)": a rise
        elif measure is None and prev and prev.amount.measure and _PAREN_GAP.fullmatch(norm, prev.end, n.start):
            measure = prev.amount.measure  # "بسعر 1.3 مليون دولار (800 ألف جنيه إسترليني)": the same sum
        span = doc.span_from_shadow(n.start, end)
        limit = self.context.period_limit(norm, end, next_start)
        after_prev = max(prev.amount.end, prev.period_end) if prev else 0
        period, period_end = Context.period(doc, dates, span.start, span.end, doc.shadow.orig(limit),
                                            after_prev)
        rule = f.rule or ("digits" if n.has_digits else "words") + ("+" + kind if tail else "")
        fields = dict(start=span.start, end=span.end, text=span.text, kind=kind, value=value, unit=unit,
                      measure=measure, period=period, qualifier=qualifier, measure_text=measure_text,
                      rule=rule)
        if f.upper is not None:
            amount = Amount(**fields, value_max=f.upper.value * (tail.factor if tail else 1.0))
        else:
            amount = Amount(**fields)
        return _Previous(amount, end, period_end, from_tail)

    def _cued(self, norm: str, unit: str, start: int, end: int) -> bool:
        """Does the sentence around [start, end) hold a cue that the unit needs (مؤشر for نقطة)?"""
        lo, hi = self.context.sentence_bounds(norm, start, end)
        return self._unit_cues[unit].search(norm, lo, hi) is not None

    def _resolve_currency(self, norm: str, word: str) -> str | None:
        """The ISO code for a currency name shared by several countries: the country whose cue
        words (whole words, clitics allowed) occur most often in the article, else the default."""
        if word not in self._currency_cues:
            return None
        pattern, cue_iso, default = self._currency_cues[word]
        counts: dict[str, int] = {}
        for cue in pattern.findall(" " + norm):
            counts[cue_iso[cue]] = counts.get(cue_iso[cue], 0) + 1
        if not counts:
            return default
        best = max(counts.values())
        winners = [iso for iso, n in counts.items() if n == best]
        return default if default in winners else winners[0]


def _same_unit(a: Tail, b: Tail) -> bool:
    """The same unit, or b a per-time refinement of a (bbl → bbl/d)."""
    return a == b or (a.kind == b.kind and a.unit is not None and b.unit is not None
                      and b.unit.startswith(a.unit + "/"))


def _year_like(n: Number) -> bool:
    return not n.scaled and n.value.is_integer() and 1900 <= n.value <= 2100


def _intervals(doc: Doc) -> list[tuple[int, int]]:
    """Sorted original-offset spans that figures may not overlap: time expressions and names."""
    spans = [(t.start, t.end) for t in doc.times]
    for e in doc.entities:
        spans.extend((m.start, m.end) for m in e.mentions)
    spans.sort()
    return spans


def _overlaps(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    i = bisect_left(spans, (b, b))
    for j in range(i - 1, -1, -1):
        s, e = spans[j]
        if e > a and s < b:
            return True
        if e <= a and j < i - 8:
            break
    return False
