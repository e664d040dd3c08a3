"""The quotes annotator: who said what (quotes) and according to whom (citations).

Quote spans are the statement only: the inside of the quote marks for direct quotes, the clause
after أن/إن/بأن for indirect and mixed ones. `cue` is the reporting verb, participle or masdar;
`speaker` an entity id or null when unsure. `rule` says how a quote was found:
"<kind>:<speech act>:<speaker mode>" with kind indirect | mixed | direct-colon | direct-mark |
direct-far | direct-post, speech act from resources/quotes/cues.tsv and speaker mode explicit
(named in the cue clause), bare (continued from the previous speaker) or unresolved (named but
not an entity, or unnamed); plus direct-headline ("بوتين: …"), direct-continued (a quote right
after another) and direct-lone (quote marks after a colon with no cue). Citations carry
rule citation-prep ("بحسب …") or citation-verb ("ذكرت وكالة …").
"""

from __future__ import annotations

from typing import ClassVar

from marsad.annotate.doc import Doc
from marsad.annotate.quotes.citations import CitationFinder
from marsad.annotate.quotes.finder import QuoteFinder
from marsad.annotate.quotes.lexicon import Lexicon

__all__ = ["QuoteAnnotator"]


class QuoteAnnotator:
    """Fills `doc.quotes` and `doc.citations`; reads `doc.entities` for speakers and sources."""

    name: ClassVar[str] = "quotes"
    provides: ClassVar[tuple[str, ...]] = ("quotes", "citations")

    def __init__(self) -> None:
        self.lex = Lexicon()

    def __call__(self, doc: Doc) -> None:
        norm = doc.norm
        hits = self.lex.scan(norm)
        if not hits and ":" not in norm and not self.lex.marks_only.search(norm):
            doc.quotes, doc.citations = [], []
            return
        finder = QuoteFinder(self.lex, doc, hits)
        doc.quotes = finder.run()
        doc.citations = CitationFinder(self.lex, doc, hits, finder.ix).run()
