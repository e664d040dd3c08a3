"""The events annotator: CAMEO-coded happenings between identified actors.

One automaton pass over doc.norm finds trigger words (resources/events/triggers.tsv); for each,
arguments are read from the trigger's sentence only (arguments.py). Negation drops the event,
intent/future turns it into a 03x intent code (resources/events/cues.tsv, modality.tsv), and an
event whose source or target cannot be resolved to an entity is dropped (precision first).
Repeated mentions of one happening (same CAMEO root, same pair of actors) are merged.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import ClassVar

from marsad.annotate.doc import Doc
from marsad.annotate.events.actors import Item, NormIndex, build_phrases, parties, sentence_items
from marsad.annotate.events.arguments import (
    Args,
    _clause_end,
    _clause_start,
    coordinated_pair,
    find_args,
    pair_in_window,
    relative_args,
)
from marsad.annotate.events.lexicon import EventLexicon, lexicon
from marsad.annotate.events.scan import shared_scan
from marsad.annotate.events.triggers import Hit, find_hits
from marsad.model import Event

ACT, INTENT, DROP = "act", "intent", "drop"
JOINT_WORD = "مشترك"  # normalised stem of "مشترك/مشتركة" for joint actions
WINDOW_BEFORE, WINDOW_AFTER = 120, 220  # shadow characters around a trigger read for arguments
DUAL_RECENCY = 3  # sentences back in which both parties of "البلدان" must have been named


class EventAnnotator:
    name: ClassVar[str] = "events"
    provides: ClassVar[tuple[str, ...]] = ("events",)

    def __init__(self) -> None:
        self.lex: EventLexicon = lexicon()
        self._scan = shared_scan()  # one automaton pass shared with the themes annotator
        self._multi_intent = tuple(c for c, kind in self.lex.cues.items() if kind == "intent" and " " in c)

    def __call__(self, doc: Doc) -> None:
        text, sh = doc.text, doc.shadow
        raw, _, has_dual = self._scan(doc.norm)
        hits = find_hits(doc.norm, self.lex, lambda i: text[sh.orig(i)] == "ة", raw)
        if not hits or not doc.entities:
            return
        to_norm = NormIndex(doc)
        windows: list[tuple[int, int]] = []
        for h in hits:
            lo, hi = sh.orig(max(0, h.start - WINDOW_BEFORE - 60)), sh.orig_end(min(len(doc.norm), h.end + WINDOW_AFTER))
            if windows and lo <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(hi, windows[-1][1]))
            else:
                windows.append((lo, hi))
        phrases = build_phrases(doc, to_norm, self.lex.skip, windows)
        if not phrases:
            return
        starts = [p.start for p in phrases]
        pairs = parties(doc, phrases) if has_dual else {}
        direct = sorted((q.start, q.end) for q in doc.quotes if q.kind == "direct")
        merged: dict[tuple[str, frozenset[str]], Event] = {}
        last_sources: dict[int, tuple[int, tuple[str, ...]]] = {}

        cache: dict[tuple[int, int, int], tuple[list[Item], list[int], list[int]]] = {}
        sent_span: dict[int, tuple[int, int]] = {}
        for h in hits:
            si = doc.sentence_index(sh.orig(h.start))
            lo, hi = h.start - WINDOW_BEFORE, h.end + WINDOW_AFTER
            if si in sent_span:
                lo, hi = min(lo, sent_span[si][0]), max(hi, sent_span[si][1])
            sent_span[si] = (lo, hi)

        # where the main parties are named: "البلدان" only stands for them if both were named in
        # this sentence or the DUAL_RECENCY sentences before it
        named: dict[str, set[int]] = {}
        for pair in pairs.values():
            for eid in pair:
                ent = doc.entity(eid)
                if ent is not None and eid not in named:
                    named[eid] = {doc.sentence_index(m.start) for m in ent.mentions}

        def pairs_near(si: int) -> dict[str, tuple[str, str]]:
            window = set(range(si - DUAL_RECENCY, si + 1))
            return {k: p for k, p in pairs.items() if all(named.get(e, set()) & window for e in p)}

        def items_of(si: int, lo: int | None = None, hi: int | None = None) -> list[Item]:
            ss, se = to_norm(doc.sentences[si][0]), to_norm(doc.sentences[si][1])
            lo = ss if lo is None else max(ss, lo)
            hi = se if hi is None else min(se, hi)
            return sentence_items(doc, lo, hi, phrases, starts, self.lex, pairs_near(si) if pairs else pairs)

        for hit in hits:
            a, b = doc.shadow.orig_span(hit.start, hit.end)
            if _inside(direct, a, b):
                continue
            si = doc.sentence_index(a)
            if si < 0 or a >= doc.sentences[si][1]:
                continue
            lo, hi = hit.start - WINDOW_BEFORE, hit.end + WINDOW_AFTER
            k0, k1 = bisect_left(starts, lo), bisect_left(starts, hi)
            if k1 <= k0:  # no actor anywhere near
                continue
            if not pairs and si not in last_sources and "joint" not in hit.trigger.flags:
                s0 = bisect_left(starts, max(lo, to_norm(doc.sentences[si][0])))
                s1 = bisect_left(starts, min(hi, to_norm(doc.sentences[si][1])))
                if s1 <= s0 or all(p.eid == phrases[s0].eid for p in phrases[s0 + 1 : s1]):
                    continue  # at most one actor in the sentence near it: no second party
            key = (si, *sent_span.get(si, (lo, hi)))
            entry = cache.get(key)  # type: ignore[arg-type]
            if entry is None:
                its = items_of(si, key[1], key[2])  # type: ignore[index]
                entry = cache[key] = (its, [it.start for it in its], [it.end for it in its])  # type: ignore[index]
            items, item_starts, item_ends = entry
            t0 = bisect_right(item_ends, hit.start)
            t1 = bisect_left(item_starts, hit.end)
            if t0 >= t1:
                continue
            inherited: tuple[str, ...] = ()
            if si in last_sources:
                prev_end, prev_sources = last_sources[si]
                between = [it.norm for it in items if prev_end <= it.start < hit.start and it.kind == "W"]
                if not any(w in self.lex.barrier or w.lstrip("وف") in self.lex.barrier for w in between):
                    inherited = prev_sources
            # arguments first: both steps are pure, and most triggers have none, so the
            # modality check (which only drops or recodes) runs on the few that do
            args = find_args(items, t0, t1, hit, self.lex, inherited)
            if args is None:
                args = self._fallback(doc, items, t0, t1, hit, si, items_of, to_norm)
            if args is None:
                continue
            status = self._modality(items, t0, t1, hit)
            if status == DROP:
                continue
            last_sources[si] = (hit.end, args.sources)
            code = hit.trigger.code
            if status == INTENT:
                code = self.lex.modality.get(code[:2], "")
                if not code:
                    continue
            lo_i, hi_i = _clause_start(items, t0, self.lex), _clause_end(items, t1, self.lex)
            clause = (items[lo_i].start, items[max(lo_i, hi_i - 1)].end)
            ev = self._event(doc, code, a, b, args, status, clause, to_norm, hit)
            happening = (code[:2], frozenset((ev.source or "", ev.target or "")))
            if happening in merged:
                old = merged[happening]
                old.location = old.location or ev.location
                old.time = old.time or ev.time
            else:
                merged[happening] = ev
        doc.events = list(merged.values())

    # --- modality and negation
    def _modality(self, items: list[Item], t0: int, t1: int, hit: Hit) -> str:
        cues = self.lex.cues
        lo = _clause_start(items, t0, self.lex)
        words = [(k, items[k].norm) for k in range(lo, t0) if items[k].kind == "W"]
        # negation: one of the three words right before the trigger
        for k, w in words:
            if k < t0 - 3:
                continue
            if cues.get(w) == "neg" or cues.get(w.lstrip("وف")) == "neg":
                return DROP
        if t0 > 0 and items[t0 - 1].kind == "W" and cues.get(items[t0 - 1].norm.lstrip("وف")) == "block":
            return DROP
        # a denial verb governing this clause or a conditional
        for k in range(max(0, lo - 6), t0):
            it = items[k]
            if it.kind != "W":
                continue
            w = it.norm
            c = cues.get(w) or cues.get(w[1:] if w[:1] in ("و", "ف") else w)
            if c == "negv" or (c == "cond" and k >= lo):
                return DROP
        status = INTENT if hit.future else ACT
        if lo > 0 and items[lo - 1].kind == "W" and items[lo - 1].norm in self.lex.barrier:
            # "من المتوقع أن يزور": the cue governs the clause from outside
            words = [(k, items[k].norm) for k in range(max(0, lo - 4), lo - 1) if items[k].kind == "W"] + words
        for _, w in words:
            if cues.get(w) == "intent" or (w[:1] in ("و", "ف") and cues.get(w[1:]) == "intent"):
                status = INTENT
                break
        else:
            if self._multi_intent:
                joined = " " + " ".join(w[1:] if w[:1] in ("و", "ف") and len(w) > 2 else w for _, w in words) + " "
                if any(f" {c} " in joined for c in self._multi_intent):
                    status = INTENT
        post_end = _clause_end(items, t1, self.lex) if hit.trigger.kind == "I" else min(len(items), t1 + 3)
        for k in range(t1, post_end):
            if items[k].kind == "W" and cues.get(items[k].norm) == "post":
                status = INTENT  # "زيارة مرتقبة"، "يزور ... الأسبوع المقبل"
        if hit.trigger.kind != "M" and t1 < len(items) and items[t1].kind == "W" and cues.get(items[t1].norm) == "after":
            return DROP
        return status

    # --- fallbacks for symmetric nouns without explicit arguments
    def _fallback(
        self, doc: Doc, items: list[Item], t0: int, t1: int, hit: Hit, si: int, items_of, to_norm: NormIndex
    ) -> Args | None:
        trig = hit.trigger
        if trig.kind != "M" or "sym" not in trig.flags:
            return None
        rel = relative_args(items, t1, self.lex)
        if rel is not None:
            return rel
        lo = _clause_start(items, t0, self.lex)
        hi = _clause_end(items, t1, self.lex)
        if "joint" in trig.flags:
            if not any(it.kind == "W" and JOINT_WORD in it.norm for it in items[t1 : t1 + 4]):
                return None
            pair = coordinated_pair(items[lo:t0])
            if pair is None and si > 0 and t0 - lo <= 2:
                prev_end = to_norm(doc.sentences[si - 1][1])
                pair = coordinated_pair(items_of(si - 1, prev_end - WINDOW_BEFORE))
            if pair is not None:
                return Args((pair[0],), pair[1], None, "M.joint")
            return None
        if "window" not in trig.flags:
            return None
        pair = pair_in_window(items, lo, hi)
        if pair is not None:
            return Args((pair[0],), pair[1], None, "M.window")
        return None

    def _event(
        self, doc: Doc, code: str, a: int, b: int, args: Args, status: str, clause: tuple[int, int],
        to_norm: NormIndex, hit: Hit,
    ) -> Event:
        cam = self.lex.cameo[code]
        return Event(
            code=code,
            label=cam.label,
            trigger=doc.span(a, b),
            source=args.sources[0],
            target=args.target,
            time=self._time(doc, a, clause, to_norm, status, hit),
            location=args.location,
            goldstein=cam.goldstein,
            rule=f"events:{hit.trigger.code}:{args.rule}",
        )

    def _time(
        self, doc: Doc, a: int, clause: tuple[int, int], to_norm: NormIndex, status: str, hit: Hit
    ) -> str | None:
        """The nearest dated time expression in the trigger's clause, else the publication date
        for an act reported in the past tense (or as a noun), else None."""
        best, dist = None, None
        for t in doc.times:
            if t.type not in ("DATE", "TIME") or not t.value[:1].isdigit():
                continue
            if not clause[0] <= to_norm(t.start) < clause[1]:
                continue
            d = abs(t.start - a)
            if dist is None or d < dist:
                best, dist = t.value, d
        if best is not None:
            return best
        if status == ACT and hit.trigger.kind in ("V", "M") and doc.published is not None:
            return doc.published.isoformat()
        return None


def _inside(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    for s, e in spans:
        if s <= a and b <= e:
            return True
        if s > a:
            break
    return False
