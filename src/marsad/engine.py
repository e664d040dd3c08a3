"""Read → clean → segment → annotate, for one text or a stream of inputs (local engine).

`analyze_paths` streams: memory stays flat whatever the input size. With workers > 1 the
per-article work runs in a process pool, in input order.
"""

from __future__ import annotations

import datetime as dt
import itertools
import multiprocessing as mp
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from marsad.annotate.doc import Doc
from marsad.annotate.pipeline import DEFAULT, Pipeline
from marsad.clean.cleaner import clean, published_date
from marsad.clean.outlet import common_lines
from marsad.ingest.errors import ReadError
from marsad.ingest.rawdoc import Limits, RawDoc
from marsad.ingest.readers import iter_inputs
from marsad.model import Article, Published, Source, load_article
from marsad.model import dumps as _dumps


@dataclass(frozen=True)
class Options:
    raw: bool = False  # treat inputs as body text: no cleaning, no title detection
    annotators: tuple[str, ...] = DEFAULT
    outlet_boilerplate: bool = True  # pre-pass to find lines repeated across an outlet


def analyze_doc(raw: RawDoc, pipeline: Pipeline, opts: Options, outlet_common: frozenset[str] = frozenset()) -> Article:
    """One RawDoc to an Article (pure apart from the pipeline's loaded resources)."""
    if opts.raw:
        from marsad.clean.dates import parse_metadata_date

        text = raw.text if raw.text is not None else (raw.html or "")
        title, removed = raw.title, []
        pub = parse_metadata_date(raw.published) if raw.published else None
        method = "metadata" if pub else None
    else:
        c = clean(raw, outlet_common)
        text, title, removed, pub, method = c.text, c.title, c.removed, c.published, c.published_method
    doc = Doc(text=text, published=published_date(pub), id=raw.id, title=title)
    pipeline(doc)
    return Article(
        id=raw.id,
        source=Source(path=raw.path, url=raw.url, outlet=raw.outlet),
        title=title,
        published=Published(value=pub, method=method) if pub and method else None,  # type: ignore[arg-type]
        text=text,
        removed=removed,
        sentences=doc.sentences,
        entities=doc.entities,
        times=doc.times,
        amounts=doc.amounts,
        quotes=doc.quotes,
        citations=doc.citations,
        events=doc.events,
        themes=doc.themes,
    )


def analyze_text(
    text: str,
    published: dt.date | str | None = None,
    id: str = "text",
    title: str | None = None,
    raw: bool = True,
    annotators: Sequence[str] = DEFAULT,
) -> Article:
    """Analyse one body text. With raw=True (default) offsets map 1:1 to `text`."""
    pub = published.isoformat() if isinstance(published, dt.date) else published
    rd = RawDoc(id=id, text=text, title=title, published=pub)
    return analyze_doc(rd, _pipeline(tuple(annotators)), Options(raw=raw, annotators=tuple(annotators)))


_PIPELINES: dict[tuple[str, ...], Pipeline] = {}


def _pipeline(names: tuple[str, ...]) -> Pipeline:
    if names not in _PIPELINES:
        _PIPELINES[names] = Pipeline(names)
    return _PIPELINES[names]


# --- worker processes -------------------------------------------------------------------------
_W: dict[str, object] = {}


def _init_worker(opts: Options, common: dict[str, frozenset[str]]) -> None:
    _W["opts"] = opts
    _W["common"] = common
    _W["pipeline"] = _pipeline(opts.annotators)


def _work(raw: RawDoc) -> bytes | ReadError:
    opts: Options = _W["opts"]  # type: ignore[assignment]
    common: dict[str, frozenset[str]] = _W["common"]  # type: ignore[assignment]
    try:
        art = analyze_doc(raw, _W["pipeline"], opts, common.get(raw.outlet or "", frozenset()))  # type: ignore[arg-type]
    except Exception as e:  # an annotator bug must not sink the batch: report the article
        return ReadError(raw.path or raw.id, f"analysis failed for article {raw.id}: {e.__class__.__name__}: {e}")
    return _dumps(art)


def _with_outlet_lines(
    items: Iterator[RawDoc | ReadError], enabled: bool, window: int
) -> tuple[dict[str, frozenset[str]], Iterator[RawDoc | ReadError]]:
    """Outlet boilerplate lines learnt from the first `window` inputs (held in memory), then
    the same stream, replayed: one read of the input, memory bounded by the window."""
    if not enabled:
        return {}, items
    head = list(itertools.islice(items, window))
    common = common_lines(d for d in head if isinstance(d, RawDoc))
    return common, itertools.chain(head, items)


def analyze_stream(
    paths: Sequence[str],
    opts: Options = Options(),
    workers: int = 1,
    limits: Limits | None = None,
    window: int = 5000,
) -> Iterator[bytes | ReadError]:
    """JSON bytes of each analysed article (contract form) or a ReadError, in input order."""
    common, items = _with_outlet_lines(iter_inputs(paths, limits), opts.outlet_boilerplate and not opts.raw, window)
    if workers <= 1:
        _init_worker(opts, common)
        for item in items:
            yield item if isinstance(item, ReadError) else _work(item)
        return
    ctx = mp.get_context("fork")
    errors: list[ReadError] = []

    def docs() -> Iterator[RawDoc]:
        for item in items:
            if isinstance(item, ReadError):
                errors.append(item)
            else:
                yield item

    with ctx.Pool(workers, initializer=_init_worker, initargs=(opts, common)) as pool:
        for out in pool.imap(_work, docs(), chunksize=8):
            while errors:
                yield errors.pop(0)
            yield out
    yield from errors


def stream(
    paths: Sequence[str],
    opts: Options = Options(),
    workers: int = 1,
    limits: Limits | None = None,
    engine: str = "local",
    scheduler: str | None = None,
) -> Iterator[bytes | ReadError]:
    """analyze_stream on the chosen engine: "local" (processes on this machine) or "dask"."""
    if engine == "dask":
        from marsad.scale.dask_engine import analyze_stream_dask

        return analyze_stream_dask(paths, opts, workers=max(workers, 1), limits=limits, scheduler=scheduler)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r} (local or dask)")
    return analyze_stream(paths, opts, workers, limits)


def analyze_paths(
    paths: Sequence[str],
    raw: bool = False,
    workers: int = 1,
    limits: Limits | None = None,
    annotators: Sequence[str] = DEFAULT,
    engine: str = "local",
    scheduler: str | None = None,
) -> Iterator[Article | ReadError]:
    """Analysed Articles (or ReadErrors) for the inputs, in input order."""
    opts = Options(raw=raw, annotators=tuple(annotators))
    for item in stream(paths, opts, workers, limits, engine, scheduler):
        yield item if isinstance(item, ReadError) else load_article(item)
