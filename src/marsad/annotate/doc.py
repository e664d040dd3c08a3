"""The segmented article that annotators read and fill."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from marsad.model import (
    Amount,
    Citation,
    Entity,
    Event,
    Mention,
    Quote,
    Span,
    Theme,
    TimeExpr,
)
from marsad.text import segment
from marsad.text.normalize import Shadow, shadow


@dataclass
class Doc:
    """One article on its way through the annotators.

    `text` is the cleaned body in original characters; `shadow` its normalised twin with an
    offset map; `sentences` (start, end) pairs. Layers start empty and are filled in order.
    """

    text: str
    published: dt.date | None = None
    id: str = ""
    title: str | None = None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.sentences:
            self.sentences = segment.sentences(self.text)

    @cached_property
    def shadow(self) -> Shadow:
        return shadow(self.text)

    @cached_property
    def norm(self) -> str:
        """The normalised text (same as shadow.text)."""
        return self.shadow.text

    @cached_property
    def _sent_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing `offset` (or the one before a gap); -1 if none."""
        return bisect_right(self._sent_starts, offset) - 1

    def sentence_of(self, offset: int) -> tuple[int, int] | None:
        i = self.sentence_index(offset)
        return self.sentences[i] if i >= 0 else None

    def span(self, start: int, end: int) -> Span:
        """A Span over text[start:end]: the only way spans should be made."""
        return Span(start=start, end=end, text=self.text[start:end])

    def span_from_shadow(self, start: int, end: int) -> Span:
        a, b = self.shadow.orig_span(start, end)
        return self.span(a, b)

    def mention(self, start: int, end: int, form: str = "name", rule: str | None = None) -> Mention:
        return Mention(start=start, end=end, text=self.text[start:end], form=form, rule=rule)  # type: ignore[arg-type]

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping [start, end), preferring the longest overlap."""
        best, best_len = None, 0
        for e in self.entities:
            for m in e.mentions:
                ov = min(end, m.end) - max(start, m.start)
                if ov > best_len:
                    best, best_len = e, ov
        return best

    def entity(self, eid: str | None) -> Entity | None:
        if eid is None:
            return None
        for e in self.entities:
            if e.id == eid:
                return e
        return None

    def tokens(self, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        return segment.tokens(self.text, start, end)
