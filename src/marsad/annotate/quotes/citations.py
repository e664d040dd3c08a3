"""Citations: the sources an article names ("بحسب وكالة تاس", "ذكرت شينخوا", "قالت مصادر").

Anchored on the lexicon's citation triggers. After an "according to" phrase the source may be
an entity, a media head word plus a name (وكالة "تاس"), a known outlet, or an unnamed source
(مصادر); documents (بيان، تقرير) may stand between. After a reporting verb only a media or
unnamed source makes a citation ("قال الكرملين" is a quote, not a citation). No source found:
no citation (بحسب الاتفاق).
"""

from __future__ import annotations

import regex

from marsad.annotate.doc import Doc
from marsad.annotate.quotes.docindex import DocIndex, MentionRef
from marsad.annotate.quotes.lexicon import Hit, Lexicon
from marsad.model import Citation

_SKIP = " \"'«»“”„()ـ"
_STOP = regex.compile(r"[،,.:؛;!?؟\n()]")
MAX_NAME_WORDS = 3


class CitationFinder:
    def __init__(self, lex: Lexicon, doc: Doc, hits: list[Hit], ix: DocIndex) -> None:
        self.lex = lex
        self.doc = doc
        self.norm = doc.norm
        self.hits = hits
        self.ix = ix
        self._cue_at = {h.clitic_start: h for h in hits if h.cats.get("cue") or h.cats.get("report")}
        self._hit_starts = {h.clitic_start for h in hits}

    def _skip(self, pos: int) -> int:
        while pos < len(self.norm) and self.norm[pos] in _SKIP:
            pos += 1
        return pos

    def _word_at(self, pos: int, pattern: regex.Pattern[str]) -> int:
        """End of the word list entry starting at pos, or -1."""
        m = pattern.match(self.norm, pos)
        return m.end() if m else -1

    def _mention(self, pos: int) -> MentionRef | None:
        """An entity mention starting at pos or after at most two head words."""
        words = list(self.lex.word.finditer(self.norm, pos, min(len(self.norm), pos + 60)))[:3]
        if not words:
            return None
        limit = words[-1].end()
        stop = _STOP.search(self.norm, pos, limit)
        if stop:
            limit = stop.start()
        ref = self.ix.first_mention(pos, limit)
        if ref is not None and ref.form != "adjective" and ref.entity.type in ("ORG", "PER", "GPE", "MISC"):
            return ref
        return None

    def _extend(self, end: int) -> int:
        """Take in a closing mark or a parenthesised alias right after the source name."""
        n = self.norm
        if end < len(n) and n[end] in "\"”“»'":
            return end + 1
        if end < len(n) and n[end] == ")" and n.rfind("(", 0, end) > n.rfind(")", 0, end):
            return end + 1
        j = end
        while j < len(n) and n[j] == " ":
            j += 1
        if j < len(n) and n[j] in "(\"«“”":
            close = {"(": ")", "«": "»"}.get(n[j], None)
            k = n.find(close, j + 1, j + 40) if close else -1
            if close is None:
                for c in "\"”“":
                    k = n.find(c, j + 1, j + 40)
                    if k >= 0:
                        break
            if k > j and self.lex.word.search(n, j + 1, k) and not _STOP.search(n.replace(")", " "), j + 1, k):
                return k + 1
        return end

    def _name_words(self, pos: int, adjectives_only: bool = False) -> int:
        """End of the words naming a source after a head word (up to three words, stopping at a
        break, a complementiser or a cue); after an unnamed source only adjectives are taken
        (مصادر أمنية عراقية، مصدر مطلع)."""
        end = pos
        limit = 2 if adjectives_only else MAX_NAME_WORDS
        for i, w in enumerate(self.lex.word.finditer(self.norm, pos, min(len(self.norm), pos + 80))):
            if i >= limit or _STOP.search(self.norm, end, w.start()):
                break
            t = w.group()
            if (
                t in self.lex.subject_breaks
                or t == self.lex.source_preposition
                or w.start() in self._hit_starts
                or self.lex.after_cue.fullmatch(t)
                or (adjectives_only and (not self.lex.adjective.fullmatch(t) or t in self.lex.not_adjectives))
                or (adjectives_only and self.norm[w.start() - 1] not in " ")
            ):
                break
            end = w.end()
        return end

    def _source(self, pos: int, verbal: bool) -> tuple[int, str | None] | None:
        """(end, entity id) of the source starting at pos, or None."""
        pos = self._skip(pos)
        if not verbal:
            for _ in range(2):
                e = self._word_at(pos, self.lex.documents_re)
                if e < 0:
                    break
                pos = self._skip(e)
        ref = self._mention(pos)
        head = self._word_at(pos, self.lex.media_heads_re)
        if ref is not None:
            adjacent = not self.norm[pos : ref.start].strip(_SKIP) or (
                head >= 0 and ref.start >= head and self._name_words(head) >= ref.start
            )
            text = self.norm[ref.start : ref.end]
            media = (
                head >= 0
                or self.lex.media_heads_re.match(text) is not None
                or self._word_at(ref.start, self.lex.outlets_re) >= 0
            )
            after_head = ref.start > pos and head >= 0
            if adjacent and (media or not verbal) and not (after_head and ref.entity.type == "GPE"):
                return self._extend(ref.end), ref.entity.id
        if head >= 0:
            p2 = self._skip(head)
            e = self._word_at(p2, self.lex.outlets_re)
            if e >= 0:
                return self._extend(e), None
            head_text = self.norm[pos:head]
            definite = head_text.startswith(self.lex.article) or head_text in self.lex.collective_heads
            e = self._name_words(p2, adjectives_only=definite)
            if e > p2:
                return self._extend(e), None
            return (head, None) if definite else None  # "نقلت الوكالة عن …": the agency named before
        e = self._word_at(pos, self.lex.outlets_re)
        if e >= 0:
            return self._extend(e), None
        e = self._word_at(pos, self.lex.unnamed_sources_re)
        if e >= 0:
            return max(e, self._name_words(e, adjectives_only=True)), None
        return None

    def run(self) -> list[Citation]:
        out: list[Citation] = []
        last_end = -1
        for h in self.hits:
            if h.start < last_end:
                continue
            prep = h.cats.get("prep")
            if prep is not None:
                pos = h.end
                nxt = self._cue_at.get(self._skip(pos))
                if nxt is not None and self.norm[h.start : h.end] in self.lex.verbal_prepositions:
                    pos = nxt.end  # حسبما ذكرت وكالة …
                found = self._source(pos, verbal=nxt is not None and pos == nxt.end)
            elif h.cats.get("report") is not None:
                found = self._source(h.end, verbal=True)
            else:
                continue
            if found is None:
                continue
            end, source = found
            span = self.doc.span_from_shadow(h.start, end)
            kind = "prep" if prep is not None else "verb"
            out.append(Citation(start=span.start, end=span.end, text=span.text, source=source, rule=f"citation-{kind}"))
            last_end = end
        return out

