"""HTML to article text with trafilatura (comments off), plus title and metadata date."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Extracted:
    text: str
    title: str | None
    date: str | None


def extract(html: str, url: str | None = None) -> Extracted:
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        favor_precision=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None:
        return Extracted("", None, None)
    get = doc.get if isinstance(doc, dict) else (lambda k, d=None: getattr(doc, k, d))
    return Extracted(text=get("text") or "", title=get("title"), date=get("date"))
