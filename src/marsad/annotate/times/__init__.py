"""The times annotator: an Arabic temporal tagger in the style of HeidelTime.

Language knowledge lives in resources/times/ (month, weekday, Hijri month, season, number, unit,
modifier, cue, day-word and holiday lexicons, and the rule grammar rules.yaml). One pass of an
Aho-Corasick automaton over the normalised shadow text (doc.norm) finds the words a time
expression can start with and the digit runs; at each, the rules that can start with that word
(grammar.Grammar.matcher, cached per word; every rule is compiled once when the grammar loads)
are tried in grammar order with anchored regex matches, and the first that matches wins. Each
match's word boundary and cue words are checked, it is resolved to a TIMEX3 value against
doc.published (resolve.py), and its span is mapped back to the original text with
doc.span_from_shadow.

Article-level context: a weekday word used as a family name (أحمد الخميس) is ruled out for the
rest of the article; "العام السابق" is the year before the year the story last named; and when
the first "day word + weekday" ("أمس الاثنين") does not fit the publication date (collection
timestamps run late), the article is tagged again against the day the text itself implies.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import ClassVar

from marsad.annotate.doc import Doc
from marsad.annotate.times import grammar, lexicon
from marsad.annotate.times.resolve import Context, Resolver
from marsad.annotate.times.tense import FutureCue
from marsad.model import Mention, TimeExpr

# letters that may stick to the front of a time word (و، ف، ب، ل، ك and their combinations)
_PROCLITICS = frozenset({"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك", "لل"})
_TENSED = frozenset({"weekday", "date", "month", "part_of_day", "hijri", "relday"})
_EVENT_RELATIVE = re.compile(r"\s+(?:فقط\s+)?من\s")
_COMMA = "،,"
_THAT = re.compile(r"\s+(?:ان|انه|انها|انهم)(?![^\W\d_])")
_EXPLICIT_YEAR = frozenset({"date", "month", "year", "season", "part_of_year"})
_SCHEDULE = frozenset({"weekday", "part_of_day"})
_YEAR_UNITS = frozenset({"عام", "سنه"})
_COORDINATION = frozenset({"و", "او", "،", ",", "-", "–", "الى", "حتى"})


class TimeAnnotator:
    name: ClassVar[str] = "times"
    provides: ClassVar[tuple[str, ...]] = ("times",)

    def __init__(self) -> None:
        self.lx = lexicon.load()
        self.grammar = grammar.load(self.lx)
        self.resolve = Resolver(self.lx)
        self.future = FutureCue(self.lx)
        self._spelling_not = tuple(self.lx.spelling_not)
        self._word_not = frozenset(self.lx.cues.get("word_not", ()))
        self._name_before = frozenset(self.lx.cues.get("name_title", ())) | lexicon.first_names()
        self._anaphoric = frozenset(self.lx.cues.get("anaphoric", ()))

    def __call__(self, doc: Doc) -> None:
        candidates = _candidates(doc.norm, self.grammar.anchors)
        written = self._tag(doc, doc.published, candidates)
        if written is not None:
            # "غدا الجمعة" in an article dated Tuesday: the date given is when the article was
            # collected, not written; relative expressions are resolved against the day the
            # text itself names
            doc.times.clear()
            self._tag(doc, written, candidates, estimate=False)

    def _tag(self, doc: Doc, pub: dt.date | None, candidates: list[tuple[int, str]],
             estimate: bool = True) -> dt.date | None:
        """Fill doc.times against `pub` from the `candidates` of doc.norm; return the writing date
        that a day word with a weekday ("أمس الاثنين") implies when it is not `pub` (only with
        `estimate`)."""
        norm = doc.norm
        written: dt.date | None = None
        g_rules = self.grammar
        by_token = g_rules.by_token
        last = prev_end = 0
        surnames: set[str] = set()  # weekday words this article uses as family names
        story_year: int | None = None  # the year the story last named explicitly
        # spellings ruled out only matter if the article has them at all
        spelling_not = [w for w in self._spelling_not if w in doc.text]
        for s0, token in candidates:
            if s0 < last:
                continue
            rules = by_token.get(token, False)
            if rules is False:
                rules = g_rules.matcher(token)
            if rules is None:
                continue
            for rule in rules:  # the first rule that matches wins
                m = rule.regex.match(norm, s0)
                if m is not None:
                    break
            else:
                continue
            s, e = m.span(rule.span) if rule.span else m.span()
            while e > s and norm[e - 1].isspace():
                e -= 1
            if not _left_ok(norm, s):
                continue
            if s and norm[s - 1].isalpha() and self._word_not and _word_at(norm, s) in self._word_not:
                continue
            # "في مايو وأكتوبر": a word coordinated with the time expression just before it
            coordinated = prev_end > 0 and norm[prev_end:s].strip() in _COORDINATION
            if rule.before and not coordinated and not grammar.cue_before(norm, s, g_rules.cues[rule.before]):
                continue
            if rule.not_before and grammar.cue_before(norm, s, g_rules.cues[rule.not_before]):
                continue
            g = m.groupdict()
            if rule.norm == "weekday" and not coordinated and not self._weekday_ok(doc, s, e, g, surnames):
                continue
            typ_override = None
            if rule.norm == "ago" and _EVENT_RELATIVE.match(norm, e):
                # "قبل أيام من الهجوم": relative to an event, not to publication: a duration
                if g.get("unitpl"):
                    continue
                s, e = m.span("q")
                norm_name, typ_override = "duration", "DURATION"
            else:
                norm_name = rule.norm
            if norm_name in _TENSED:
                def future(s: int = s, schedule: bool = norm_name in _SCHEDULE) -> bool:
                    return self.future.before(norm, s, schedule)
            else:
                future = False  # type: ignore[assignment]
            ref = pub
            if story_year is not None and g.get("mod") in self._anaphoric and g.get("unit") in _YEAR_UNITS:
                # "العام السابق" after "في 2021": the year before the one the story is about
                ref = _same_day(pub, story_year)
            ctx = Context(ref, future, typ_override or rule.type, rule.value)
            res = self.resolve(norm_name, g, ctx)
            if res is None:
                continue
            typ, value = res
            if estimate and pub is not None and written is None and g.get("rel") and (g.get("wd") or g.get("wdx")):
                written = self._written(pub, g["rel"], g.get("wd") or g["wdx"])  # type: ignore[arg-type]
                estimate = False  # the first such expression decides
            if g.get("year") and norm_name in _EXPLICIT_YEAR:
                story_year = int(g["year"])  # type: ignore[arg-type]
            last = m.end()
            parts = [(s, e, value)]
            if norm_name == "year" and g.get("year2"):
                # a span of years ("1989 – 2019", "عامي 2011 و2012"): one DATE for each end
                y1_end, (y2_start, y2_end) = m.end("year"), m.span("year2")
                parts = [(s, y1_end, value), (y2_start, y2_end, g["year2"])]
            prev_end = parts[-1][1]
            for a, b, v in parts:
                sp = doc.span_from_shadow(a, b)
                if spelling_not and any(w in sp.text for w in spelling_not):
                    continue
                doc.times.append(TimeExpr(start=sp.start, end=sp.end, text=sp.text,  # type: ignore[arg-type]
                                          type=typ, value=v, rule=rule.name))  # type: ignore[arg-type]
        return written

    def _written(self, pub: dt.date, rel: str, wd: str) -> dt.date | None:
        """The day, from six days before `pub` to the day after, on which "<rel> <wd>" is true
        (None if `pub` is that day)."""
        n = self.lx.day_words.get(lexicon.fold(rel))
        iso = self.lx.weekdays.get(lexicon.fold(wd))
        if n is None or iso is None:
            return None
        want = (iso - n - 1) % 7 + 1  # the weekday of the writing day
        if want == pub.isoweekday():
            return None
        back = (pub.isoweekday() - want) % 7
        return pub + dt.timedelta(days=1) if back == 6 else pub - dt.timedelta(days=back)

    def _weekday_ok(self, doc: Doc, s: int, e: int, g: dict[str, str | None], surnames: set[str]) -> bool:
        norm = doc.norm
        if g.get("yawm") or g.get("mod"):
            return True
        wd = lexicon.fold(g["wd"] or "")
        if wd in surnames:
            return False
        if _word_before(norm, s) in self._name_before:
            # "الدكتور الجمعة", "أحمد الخميس": a family name, here and in the rest of the article
            surnames.add(wd)
            return False
        if wd in self.lx.weekdays_bare:
            # a bare weekday inside a person's name (محمد الخميس) is a surname
            a, b = doc.shadow.orig_span(s, e)
            if any(m.start < b and a < m.end for m in _person_mentions(doc)):
                surnames.add(wd)
                return False
            return True
        # an ambiguous weekday (الأحد، الاثنين) alone needs a comma next to it, a cue before it
        # (منذ الاثنين) or a clause after it ("أعلن الجيش الاثنين أن")
        before = norm[max(0, s - 3):s].rstrip()
        after = norm[e:e + 3].lstrip()
        if (before[-1:] in _COMMA and before != "") or (after[:1] in _COMMA and after != ""):
            return True
        cues = self.grammar.cues.get("weekday_cue")
        return bool(cues and grammar.cue_before(norm, s, cues)) or _THAT.match(norm, e) is not None


def _candidates(norm: str, anchors: object) -> list[tuple[int, str]]:
    """(offset, word) where a whole anchor word (after proclitics) or a number begins, sorted.

    One automaton pass finds both: its keys are proclitic + word, plus the digits 0-9
    (value DIGIT): runs of digit hits are the numbers (digits of other scripts, absent from
    Arabic news, are not read as numbers)."""
    n = len(norm)
    out: list[tuple[int, str]] = []
    run_start = run_end = -2  # the digit run being read
    # hits come in text order and never overlap, so `out` is sorted
    for end, (k, p) in anchors.iter_long(norm):  # type: ignore[attr-defined]
        if p == grammar.DIGIT:
            if end != run_end + 1:
                if run_start >= 0 and _left_ok(norm, run_start):
                    out.append((run_start, norm[run_start:run_end + 1]))
                run_start = end
            run_end = end
            continue
        # a key hit counts if it starts and ends a word
        start = end - k + 1
        if (start and norm[start - 1].isalnum()) or (end + 1 < n and norm[end + 1].isalpha()):
            continue
        if run_start >= 0:
            if _left_ok(norm, run_start):
                out.append((run_start, norm[run_start:run_end + 1]))
            run_start = run_end = -2
        out.append((start + p, norm[start + p:end + 1]))
    if run_start >= 0 and _left_ok(norm, run_start):
        out.append((run_start, norm[run_start:run_end + 1]))
    return out


def _word_before(norm: str, s: int) -> str:
    """The word just before offset `s` when only spaces separate them (else "")."""
    k = s
    while k > 0 and norm[k - 1] == " ":
        k -= 1
    b = k
    while k > 0 and norm[k - 1].isalpha():
        k -= 1
    return norm[k:b] if b < s else ""


def _same_day(pub: dt.date | None, year: int) -> dt.date:
    """A reference date in `year` (the publication's day and month when there is one)."""
    if pub is None:
        return dt.date(year, 7, 1)
    return pub.replace(year=year, day=min(pub.day, 28))


def _person_mentions(doc: Doc) -> list[Mention]:
    return [m for ent in doc.entities if ent.type == "PER" for m in ent.mentions if m.form == "name"]


def _word_at(norm: str, s: int) -> str:
    """The whole word (proclitics included) around offset `s`."""
    a = s
    while a > 0 and norm[a - 1].isalpha():
        a -= 1
    b = s
    while b < len(norm) and norm[b].isalpha():
        b += 1
    return norm[a:b]


def _left_ok(norm: str, s: int) -> bool:
    """The match starts a word, possibly after proclitics; digits never continue a number."""
    if s == 0:
        return True
    c = norm[s - 1]
    if c.isdigit():
        return False
    if c in ".,٫" and s >= 2 and norm[s - 2].isdigit() and norm[s].isdigit():
        return False
    if not c.isalpha():
        return True
    k = s - 1
    while k > 0 and norm[k - 1].isalpha() and s - k < 3:
        k -= 1
    if k > 0 and norm[k - 1].isalpha():
        return False
    # "الـ8 من يوليو": the article may stick to a number
    return norm[k:s] in _PROCLITICS or (norm[k:s] == "ال" and norm[s].isdigit())
