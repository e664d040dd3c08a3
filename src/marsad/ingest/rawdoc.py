"""What a reader produces: one article before cleaning."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class RawDoc:
    id: str
    path: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # as given by metadata, normalised later
    title: str | None = None
    text: str | None = None  # already-extracted text (or the body as is with --raw)
    html: str | None = None  # HTML to extract with trafilatura


@dataclass(frozen=True, slots=True)
class Limits:
    """Input limits; each is a CLI option. An input over a limit is reported, never truncated."""

    max_file_bytes: int = 200_000_000  # a file (a JSONL or WARC may hold many articles)
    max_article_chars: int = 2_000_000  # the text or HTML of one article
    max_line_chars: int = 1_000_000  # one line of a .txt article
    max_html_depth: int = 400  # element nesting in HTML
