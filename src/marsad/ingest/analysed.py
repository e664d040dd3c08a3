"""Inputs of `marsad report` and `marsad ingest`: already-analysed JSONL (lines of the article contract, detected by
their "schema": "marsad.article/1") is loaded as is; anything else (raw article files and
folders) is analysed on the fly by the engine. Streams: O(1) memory per input line."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import msgspec

from marsad.ingest.errors import ReadError
from marsad.model import SCHEMA, Article, load_article


def is_analysed(path: str) -> bool:
    """True for a .jsonl/.json file whose first non-empty line is an analysed article."""
    p = Path(path)
    if not p.is_file() or p.suffix.lower() not in (".jsonl", ".json", ".ndjson"):
        return False
    try:
        with p.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    return line.lstrip().startswith("{") and json.loads(line).get("schema") == SCHEMA
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    return False


def load_analysed(path: str) -> Iterator[Article | ReadError]:
    """Articles of an analysed JSONL file ('-' for stdin); a bad line is a ReadError
    (path:line: reason)."""
    try:
        fh = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    except OSError as e:
        yield ReadError(path, f"cannot read: {e.strerror or e}")
        return
    with fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield load_article(line)
            except (msgspec.DecodeError, msgspec.ValidationError) as e:
                yield ReadError(f"{path}:{n}", f"not a marsad.article/1 record: {e}")


def read_articles(
    paths: Sequence[str],
    workers: int = 1,
    raw: bool = False,
    engine: str = "local",
    scheduler: str | None = None,
    analysed: bool = False,
    skip: Callable[[str, str], bool] | None = None,
) -> Iterator[Any]:
    """Articles (or ReadErrors) from analysed JSONL files and raw inputs: the analysed files
    first, in order, then the raw inputs as the engine streams them. With `analysed`, every
    input (stdin included) is taken as analysed JSONL."""
    rest: list[str] = []
    for p in paths:
        if analysed or (p != "-" and is_analysed(p)):
            yield from load_analysed(p)
        else:
            rest.append(p)
    if rest:
        from marsad.engine import analyze_paths

        yield from analyze_paths(rest, raw=raw, workers=workers, engine=engine, scheduler=scheduler, skip=skip)
