"""Readers for each input format. Each yields RawDoc or ReadError and never raises for bad data."""

from __future__ import annotations

import gzip
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import msgspec

from marsad.ingest.encoding import DecodeError, decode
from marsad.ingest.errors import ReadError
from marsad.ingest.fields import rawdoc_from_record
from marsad.ingest.rawdoc import Limits, RawDoc

Item = RawDoc | ReadError

_TAG = re.compile(rb"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")
_VOID = {b"br", b"img", b"hr", b"meta", b"link", b"input", b"area", b"base", b"col", b"embed",
         b"source", b"track", b"wbr", b"param"}


def html_depth(data: bytes, limit: int) -> int:
    """Approximate element nesting depth (stops counting once over `limit`)."""
    depth = best = 0
    for m in _TAG.finditer(data):
        name = m.group(2).lower()
        if m.group(3) or name in _VOID:
            continue
        if m.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > best:
                best = depth
                if best > limit:
                    break
    return best


def _check_article(doc: RawDoc, where: str, limits: Limits) -> Item:
    body = doc.text if doc.text is not None else doc.html
    if body is None or not body.strip():
        return ReadError(where, "no text or html in the record" if doc.text is None and doc.html is None else "empty article")
    if len(body) > limits.max_article_chars:
        return ReadError(where, f"article of {len(body):,} characters is over the limit of {limits.max_article_chars:,} (--max-chars)")
    if doc.html is not None and doc.text is None:
        if html_depth(doc.html.encode("utf-8", "ignore"), limits.max_html_depth) > limits.max_html_depth:
            return ReadError(where, f"HTML nested deeper than {limits.max_html_depth} elements (--max-html-depth)")
    return doc


def read_text_file(path: Path, data: bytes, limits: Limits) -> Iterator[Item]:
    try:
        text = decode(data)
    except DecodeError as e:
        yield ReadError(str(path), str(e))
        return
    if not text.strip():
        yield ReadError(str(path), "empty file")
        return
    longest = max((len(x) for x in text.split("\n")), default=0)
    if longest > limits.max_line_chars:
        yield ReadError(str(path), f"a line of {longest:,} characters is over the limit of {limits.max_line_chars:,} (--max-line)")
        return
    yield _check_article(RawDoc(id=path.stem, path=str(path), text=text), str(path), limits)


def read_html_file(path: Path, data: bytes, limits: Limits) -> Iterator[Item]:
    try:
        html = decode(data)
    except DecodeError as e:
        yield ReadError(str(path), str(e))
        return
    if not html.strip():
        yield ReadError(str(path), "empty file")
        return
    yield _check_article(RawDoc(id=path.stem, path=str(path), html=html), str(path), limits)


def _records(obj: object) -> list[object]:
    if isinstance(obj, list):
        return obj
    if isinstance(obj, dict):
        for key in ("articles", "items", "docs", "data"):
            if isinstance(obj.get(key), list):
                return obj[key]
        return [obj]
    return [obj]


def read_json_file(path: Path, data: bytes, limits: Limits) -> Iterator[Item]:
    try:
        text = decode(data)
        obj = json.loads(text)
    except DecodeError as e:
        yield ReadError(str(path), str(e))
        return
    except json.JSONDecodeError as e:
        yield ReadError(str(path), f"invalid JSON at line {e.lineno} column {e.colno}: {e.msg}")
        return
    for i, rec in enumerate(_records(obj), 1):
        where = f"{path}[{i}]"
        if not isinstance(rec, dict):
            yield ReadError(where, "a record that is not a JSON object")
            continue
        yield _check_article(rawdoc_from_record(rec, f"{path.stem}-{i}", str(path)), where, limits)


def _fast_json(raw: bytes) -> object:
    """msgspec's decoder (several times faster than json.loads); ValueError on anything it
    rejects, so the careful path can report the problem."""
    try:
        return msgspec.json.decode(raw)
    except msgspec.DecodeError as e:
        raise ValueError(str(e)) from None


def read_jsonl_stream(stream: io.BufferedIOBase, name: str, stem: str, limits: Limits) -> Iterator[Item]:
    for lineno, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        where = f"{name}:{lineno}"
        if len(raw) > limits.max_article_chars * 4:
            yield ReadError(where, f"a line of {len(raw):,} bytes is over the limit (--max-chars)")
            continue
        try:
            rec = _fast_json(raw)  # JSON Lines are UTF-8: the fast path
        except ValueError:
            try:
                rec = json.loads(decode(raw))
            except DecodeError as e:
                yield ReadError(where, str(e))
                continue
            except json.JSONDecodeError as e:
                yield ReadError(where, f"invalid JSON at column {e.colno}: {e.msg}")
                continue
        if not isinstance(rec, dict):
            yield ReadError(where, "a line that is not a JSON object")
            continue
        yield _check_article(rawdoc_from_record(rec, f"{stem}-{lineno}", name), where, limits)


def read_warc_file(path: Path, limits: Limits) -> Iterator[Item]:
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:  # pragma: no cover - warcio is a dependency
        yield ReadError(str(path), "reading WARC needs the warcio package")
        return
    try:
        with path.open("rb") as fh:
            for n, rec in enumerate(ArchiveIterator(fh), 1):
                if rec.rec_type != "response":
                    continue
                ctype = (rec.http_headers.get_header("Content-Type") or "") if rec.http_headers else ""
                if "html" not in ctype.lower():
                    continue
                url = rec.rec_headers.get_header("WARC-Target-URI")
                body = rec.content_stream().read()
                where = f"{path}#{n}"
                try:
                    html = decode(body)
                except DecodeError as e:
                    yield ReadError(where, str(e))
                    continue
                doc = RawDoc(id=f"{path.name.split('.')[0]}-{n}", path=str(path), url=url, html=html)
                yield _check_article(doc, where, limits)
    except Exception as e:  # warcio raises various errors on corrupt archives
        yield ReadError(str(path), f"unreadable WARC: {e.__class__.__name__}: {e}")


def read_feed_file(path: Path, data: bytes, limits: Limits) -> Iterator[Item]:
    """RSS 2.0 items or Atom entries; each item's content/description is HTML."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as e:
        yield ReadError(str(path), f"invalid XML: {e}")
        return
    if root is None:
        yield ReadError(str(path), "invalid or empty XML feed")
        return

    def local(el: object) -> str:
        tag = getattr(el, "tag", "")
        return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""

    items = [el for el in root.iter() if local(el) in ("item", "entry")]
    if not items:
        yield ReadError(str(path), "no RSS items or Atom entries in the feed")
        return
    for n, item in enumerate(items, 1):
        fields: dict[str, str] = {}
        for child in item:
            name = local(child)
            if name == "link" and child.get("href"):
                fields.setdefault("link", child.get("href"))
                continue
            value = "".join(child.itertext()).strip()
            if value:
                fields.setdefault(name, value)
        html = fields.get("encoded") or fields.get("content") or fields.get("description") or fields.get("summary")
        doc = RawDoc(
            id=fields.get("guid") or fields.get("id") or f"{path.stem}-{n}",
            path=str(path),
            url=fields.get("link"),
            title=fields.get("title"),
            published=fields.get("pubdate") or fields.get("published") or fields.get("updated") or fields.get("date"),
            html=html,
        )
        yield _check_article(doc, f"{path}#{n}", limits)


def open_maybe_gzip(path: Path) -> io.BufferedIOBase:
    if path.suffix == ".gz":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")
