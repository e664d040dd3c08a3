"""Reading inputs: files by type, folders (recursive), stdin ('-'), with manifest metadata.

`iter_inputs(paths)` streams RawDoc or ReadError items in input order; nothing is held in
memory beyond one file (JSONL and WARC are streamed record by record).
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from marsad.ingest import formats
from marsad.ingest.encoding import DecodeError, decode
from marsad.ingest.errors import ReadError
from marsad.ingest.fields import apply_manifest, pick
from marsad.ingest.rawdoc import Limits, RawDoc

Item = RawDoc | ReadError
MANIFEST = "manifest.jsonl"
TEXT_EXT = {".txt", ".text", ".md"}
HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
JSON_EXT = {".json"}
JSONL_EXT = {".jsonl", ".ndjson"}
FEED_EXT = {".rss", ".atom", ".xml"}


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith((".warc", ".warc.gz")):
        return "warc"
    if name.endswith((".jsonl.gz", ".ndjson.gz")):
        return "jsonl"
    ext = path.suffix.lower()
    for kind, exts in (("text", TEXT_EXT), ("html", HTML_EXT), ("json", JSON_EXT), ("jsonl", JSONL_EXT), ("feed", FEED_EXT)):
        if ext in exts:
            return kind
    return None


def _sniff(data: bytes) -> str:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"{", b"[")):
        first_line = data.split(b"\n", 1)[0].strip()
        try:
            json.loads(first_line)
            return "jsonl" if b"\n" in data.strip() else "json"
        except (json.JSONDecodeError, UnicodeDecodeError):
            return "json"
    if head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head:
        return "html"
    return "text"


class Manifest:
    """Records of a manifest.jsonl, keyed by file name (path field) and by id."""

    def __init__(self, path: Path) -> None:
        self.by_path: dict[str, dict] = {}
        self.by_id: dict[str, dict] = {}
        self.errors: list[ReadError] = []
        try:
            text = decode(path.read_bytes())
        except (OSError, DecodeError) as e:
            self.errors.append(ReadError(str(path), f"unreadable manifest: {e}"))
            return
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                self.errors.append(ReadError(f"{path}:{n}", f"invalid manifest line: {e.msg}"))
                continue
            if not isinstance(rec, dict):
                continue
            p = rec.get("path") or rec.get("file")
            if isinstance(p, str):
                self.by_path[Path(p).name] = rec
            rid = pick(rec, "id")
            if rid:
                self.by_id[rid] = rec

    def apply(self, doc: RawDoc) -> None:
        rec = None
        if doc.path:
            rec = self.by_path.get(Path(doc.path).name)
        if rec is None:
            rec = self.by_id.get(doc.id)
        if rec is not None:
            apply_manifest(doc, rec)


class Reader:
    def __init__(self, limits: Limits | None = None) -> None:
        self.limits = limits or Limits()
        self._manifests: dict[Path, Manifest | None] = {}

    def _manifest(self, folder: Path) -> tuple[Manifest | None, list[ReadError]]:
        if folder not in self._manifests:
            mpath = folder / MANIFEST
            m = Manifest(mpath) if mpath.is_file() else None
            self._manifests[folder] = m
            return m, (m.errors if m else [])
        return self._manifests[folder], []

    def read(self, paths: Iterable[str]) -> Iterator[Item]:
        for p in paths:
            if p == "-":
                yield from self.read_stdin()
                continue
            path = Path(p)
            if path.is_dir():
                files = sorted(
                    f for f in path.rglob("*")
                    if f.is_file() and f.name != MANIFEST and not any(part.startswith(".") for part in f.relative_to(path).parts)
                )
                if not files:
                    yield ReadError(str(path), "folder holds no files")
                for f in files:
                    yield from self.read_file(f)
            elif path.is_file():
                yield from self.read_file(path)
            elif path.exists():
                yield ReadError(str(path), "not a regular file or folder")
            else:
                yield ReadError(str(path), "no such file or folder")

    def read_file(self, path: Path) -> Iterator[Item]:
        manifest, merrs = self._manifest(path.parent)
        yield from merrs
        for item in self._read_file(path):
            if isinstance(item, RawDoc) and manifest is not None:
                manifest.apply(item)
            yield item

    def _read_file(self, path: Path) -> Iterator[Item]:
        lim = self.limits
        try:
            size = path.stat().st_size
        except OSError as e:
            yield ReadError(str(path), f"cannot read: {e.strerror}")
            return
        if size > lim.max_file_bytes:
            yield ReadError(str(path), f"file of {size:,} bytes is over the limit of {lim.max_file_bytes:,} (--max-bytes)")
            return
        if size == 0:
            yield ReadError(str(path), "empty file")
            return
        kind = _kind(path)
        try:
            if kind == "warc":
                yield from formats.read_warc_file(path, lim)
                return
            if kind == "jsonl":
                with formats.open_maybe_gzip(path) as fh:
                    yield from formats.read_jsonl_stream(fh, str(path), path.name.split(".")[0], lim)
                return
            data = path.read_bytes()
        except (OSError, EOFError) as e:
            yield ReadError(str(path), f"cannot read: {e}")
            return
        if kind is None:
            kind = _sniff(data)
        if kind == "text":
            yield from formats.read_text_file(path, data, lim)
        elif kind == "html":
            yield from formats.read_html_file(path, data, lim)
        elif kind == "json":
            yield from formats.read_json_file(path, data, lim)
        elif kind == "jsonl":
            yield from formats.read_jsonl_stream(io.BytesIO(data), str(path), path.stem, lim)
        elif kind == "feed":
            yield from formats.read_feed_file(path, data, lim)

    def read_stdin(self) -> Iterator[Item]:
        data = sys.stdin.buffer.read()
        if not data.strip():
            yield ReadError("<stdin>", "empty input")
            return
        kind = _sniff(data)
        fake = Path("stdin")
        if kind == "jsonl":
            yield from formats.read_jsonl_stream(io.BytesIO(data), "<stdin>", "stdin", self.limits)
        elif kind == "json":
            yield from formats.read_json_file(fake, data, self.limits)
        elif kind == "feed":
            yield from formats.read_feed_file(fake, data, self.limits)
        elif kind == "html":
            yield from formats.read_html_file(fake, data, self.limits)
        else:
            yield from formats.read_text_file(fake, data, self.limits)


def iter_inputs(paths: Iterable[str], limits: Limits | None = None) -> Iterator[Item]:
    return Reader(limits).read(paths)
