"""The data model of the output contract (../shared/contract/article.schema.json).

One msgspec Struct per concept. `Article.to_dict()` gives exactly the contract's shape;
fields beyond the contract (rule names, qualifiers, scores) are additions, never renames.
Every span-bearing object is built through `Doc.span()` (annotate/doc.py) so that
`text[start:end] == span.text` holds by construction.
"""

from __future__ import annotations

from typing import Any, Literal

import msgspec

SCHEMA = "marsad.article/1"
CORPUS_SCHEMA = "marsad.corpus/1"

EntityType = Literal["PER", "ORG", "GPE", "LOC", "FAC", "EVENT", "MISC"]
MentionForm = Literal["name", "title", "nominal", "adjective", "pronoun"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
AmountKind = Literal["money", "percent", "quantity", "count", "multiplier"]
QuoteKind = Literal["direct", "indirect", "mixed"]
PublishedMethod = Literal["metadata", "text", "inferred"]


class Span(msgspec.Struct, kw_only=True):
    start: int
    end: int
    text: str


class Mention(Span, kw_only=True):
    form: MentionForm = "name"
    rule: str | None = None


class Entity(msgspec.Struct, kw_only=True):
    id: str
    type: EntityType
    name: str
    name_en: str | None
    mentions: list[Mention]
    roles: list[str] = msgspec.field(default_factory=list)


class TimeExpr(Span, kw_only=True):
    type: TimeType
    value: str
    rule: str | None = None


class Amount(Span, kw_only=True):
    kind: AmountKind
    value: float
    unit: str | None
    measure: str | None = None
    period: str | None = None
    qualifier: str | None = None
    value_max: float | None = None  # upper bound of a range ("بين 10 و20 مليار"); value is the lower
    measure_text: str | None = None
    rule: str | None = None


class Quote(Span, kw_only=True):
    kind: QuoteKind
    speaker: str | None
    cue: Span | None
    rule: str | None = None


class Citation(Span, kw_only=True):
    source: str | None
    rule: str | None = None


class Event(msgspec.Struct, kw_only=True):
    code: str
    label: str
    trigger: Span
    source: str | None
    target: str | None
    time: str | None
    location: str | None = None
    goldstein: float | None = None
    rule: str | None = None


class Theme(msgspec.Struct, kw_only=True):
    code: str
    score: float
    evidence: list[Span] = msgspec.field(default_factory=list)


class Source(msgspec.Struct, kw_only=True):
    path: str | None = None
    url: str | None = None
    outlet: str | None = None


class Published(msgspec.Struct, kw_only=True):
    value: str
    method: PublishedMethod


class Article(msgspec.Struct, kw_only=True):
    id: str
    source: Source
    title: str | None
    published: Published | None
    text: str
    removed: list[str] = msgspec.field(default_factory=list)
    sentences: list[tuple[int, int]] = msgspec.field(default_factory=list)
    entities: list[Entity] = msgspec.field(default_factory=list)
    times: list[TimeExpr] = msgspec.field(default_factory=list)
    amounts: list[Amount] = msgspec.field(default_factory=list)
    quotes: list[Quote] = msgspec.field(default_factory=list)
    citations: list[Citation] = msgspec.field(default_factory=list)
    events: list[Event] = msgspec.field(default_factory=list)
    themes: list[Theme] = msgspec.field(default_factory=list)
    input_hash: str | None = None  # fingerprint of the input and the analysis settings (lets a store skip re-analysis)
    schema: str = SCHEMA

    def to_dict(self) -> dict[str, Any]:
        return msgspec.to_builtins(self)


_encoder = msgspec.json.Encoder()


def dumps(obj: Any) -> bytes:
    """JSON bytes of a Struct (or builtins), UTF-8, no ASCII escaping."""
    return _encoder.encode(obj)


def article_from_dict(d: dict[str, Any]) -> Article:
    """Read an article back from its contract JSON (e.g. the output of `marsad analyze`)."""
    return msgspec.convert(d, Article)


def load_article(line: bytes | str) -> Article:
    return msgspec.json.decode(line, type=Article)
