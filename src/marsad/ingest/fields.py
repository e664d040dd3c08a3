"""Mapping the field names of JSON/JSONL/manifest records onto RawDoc."""

from __future__ import annotations

from typing import Any

from marsad.ingest.rawdoc import RawDoc

ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "doc_id", "article_id", "guid"),
    "url": ("url", "link", "source_url"),
    "outlet": ("outlet", "source", "site", "publisher", "source_name"),
    "published": ("published", "date", "pubdate", "published_at", "datePublished", "publication_date"),
    "title": ("title", "headline"),
    "text": ("text", "body", "content", "article"),
    "html": ("html", "raw_html"),
}


def pick(rec: dict[str, Any], field: str) -> str | None:
    for key in ALIASES[field]:
        v = rec.get(key)
        if isinstance(v, (str, int)) and str(v).strip():
            return str(v)
    meta = rec.get("meta")
    if isinstance(meta, dict):
        for key in ALIASES[field]:
            v = meta.get(key)
            if isinstance(v, str) and v.strip():
                return v
    return None


def rawdoc_from_record(rec: dict[str, Any], default_id: str, path: str | None) -> RawDoc:
    return RawDoc(
        id=pick(rec, "id") or default_id,
        path=path,
        url=pick(rec, "url"),
        outlet=pick(rec, "outlet"),
        published=pick(rec, "published"),
        title=pick(rec, "title"),
        text=pick(rec, "text"),
        html=pick(rec, "html"),
    )


def apply_manifest(doc: RawDoc, rec: dict[str, Any]) -> None:
    """Fill metadata from a manifest record; the manifest wins over what the file itself says
    only for fields the file lacks, except `published`, which a crawler records best."""
    for field in ("url", "outlet", "title"):
        if getattr(doc, field) is None:
            setattr(doc, field, pick(rec, field))
    pub = pick(rec, "published")
    if pub:
        doc.published = pub
    rid = pick(rec, "id")
    if rid:
        doc.id = rid
