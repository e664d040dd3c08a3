"""Read → clean → segment → annotate, for one text or a stream of inputs (local engine).

`analyze_paths` streams: memory stays flat whatever the input size. With workers > 1 the
per-article work runs in a process pool, in input order.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import itertools
import multiprocessing as mp
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from marsad.annotate.doc import Doc
from marsad.annotate.pipeline import DEFAULT, Pipeline
from marsad.clean.cleaner import clean, published_date
from marsad.clean.outlet import common_lines
from marsad.ingest.errors import ReadError, Skipped
from marsad.ingest.rawdoc import Limits, RawDoc
from marsad.ingest.readers import iter_inputs
from marsad.model import Article, Published, Source, load_article
from marsad.model import dumps as _dumps


def input_hash(raw: RawDoc, opts: Options) -> str:
    """Fingerprint of one input and of what analysing it depends on (Marsad version, settings)."""
    from marsad import __version__

    h = hashlib.sha256()
    for part in (__version__, str(opts.raw), ",".join(opts.annotators), raw.id, raw.text or "", raw.html or "",
                 raw.title or "", raw.published or "", raw.outlet or "", raw.url or "", raw.path or ""):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()


SkipFn = Callable[[str, str], bool]  # (article id, input hash) -> already analysed?


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
        input_hash=input_hash(raw, opts),
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
        # the loaded lexicons, automata and models live as long as the process: keep the
        # cyclic garbage collector from rescanning them after every few thousand allocations
        gc.collect()
        gc.freeze()
    return _PIPELINES[names]


# --- worker processes -------------------------------------------------------------------------
_W: dict[str, object] = {}


def _init_worker(opts: Options, common: dict[str, frozenset[str]]) -> None:
    _W["opts"] = opts
    _W["common"] = common


def _work(raw: RawDoc) -> bytes | ReadError:
    opts: Options = _W["opts"]  # type: ignore[assignment]
    common: dict[str, frozenset[str]] = _W["common"]  # type: ignore[assignment]
    try:
        pipeline = _pipeline(opts.annotators)  # built once per process, on first use
        art = analyze_doc(raw, pipeline, opts, common.get(raw.outlet or "", frozenset()))
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


def _skipping(items: Iterator, opts: Options, skip: SkipFn | None) -> Iterator:
    if skip is None:
        yield from items
        return
    for item in items:
        if isinstance(item, RawDoc) and skip(item.id, input_hash(item, opts)):
            yield Skipped(item.id)
        else:
            yield item


def analyze_stream(
    paths: Sequence[str],
    opts: Options = Options(),
    workers: int = 1,
    limits: Limits | None = None,
    window: int = 5000,
    skip: SkipFn | None = None,
) -> Iterator[bytes | ReadError | Skipped]:
    """JSON bytes of each analysed article (contract form), a ReadError, or (when `skip` says
    the caller has it already) Skipped, in input order."""
    common, items = _with_outlet_lines(iter_inputs(paths, limits), opts.outlet_boilerplate and not opts.raw, window)
    items = _skipping(items, opts, skip)
    if workers <= 1:
        _init_worker(opts, common)
        for item in items:
            yield item if isinstance(item, (ReadError, Skipped)) else _work(item)
        return
    ctx = mp.get_context("fork")
    errors: list[ReadError | Skipped] = []

    def docs() -> Iterator[RawDoc]:
        for item in items:
            if isinstance(item, (ReadError, Skipped)):
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
    skip: SkipFn | None = None,
) -> Iterator[bytes | ReadError | Skipped]:
    """analyze_stream on the chosen engine: "local" (processes on this machine) or "dask"."""
    if engine == "dask":
        from marsad.scale.dask_engine import analyze_stream_dask

        return analyze_stream_dask(paths, opts, workers=max(workers, 1), limits=limits, scheduler=scheduler, skip=skip)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r} (local or dask)")
    return analyze_stream(paths, opts, workers, limits, skip=skip)


def analyze_paths(
    paths: Sequence[str],
    raw: bool = False,
    workers: int = 1,
    limits: Limits | None = None,
    annotators: Sequence[str] = DEFAULT,
    engine: str = "local",
    scheduler: str | None = None,
    skip: SkipFn | None = None,
) -> Iterator[Article | ReadError | Skipped]:
    """Analysed Articles (or ReadErrors, or Skipped when `skip` is given) for the inputs, in
    input order."""
    opts = Options(raw=raw, annotators=tuple(annotators))
    for item in stream(paths, opts, workers, limits, engine, scheduler, skip):
        yield item if isinstance(item, (ReadError, Skipped)) else load_article(item)
