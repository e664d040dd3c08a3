"""`--engine dask`: per-article analysis in parallel partitions on a Dask cluster.

The client reads the inputs in waves (bounded memory), learns the outlet boilerplate lines
from the first window exactly as the local engine does, and sends each wave to the cluster as
a bag of RawDocs; every partition runs the same `analyze_doc` as the local engine, so the
output is identical article for article, in input order. Without `scheduler` a local cluster
of `workers` single-threaded processes is started (distributed.LocalCluster).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from marsad.engine import Options, SkipFn, _init_worker, _skipping, _with_outlet_lines, _work
from marsad.ingest.errors import ReadError, Skipped
from marsad.ingest.rawdoc import Limits, RawDoc
from marsad.ingest.readers import iter_inputs

WAVE = 20_000  # RawDocs held by the client at once
PARTITION = 250  # articles per partition


def _analyze_partition(docs: list[RawDoc], opts: Options, common: dict[str, frozenset[str]]) -> list[bytes | ReadError]:
    _init_worker(opts, common)  # cheap: the pipeline is cached per worker process
    return [_work(d) for d in docs]


@contextmanager
def cluster(scheduler: str | None, workers: int):
    """A distributed Client: connected to `scheduler`, or on a new local cluster."""
    from distributed import Client, LocalCluster

    if scheduler:
        client = Client(scheduler)
        try:
            yield client
        finally:
            client.close()
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=50) as lc, Client(lc) as client:
        yield client


def analyze_stream_dask(
    paths: Sequence[str],
    opts: Options | None = None,
    workers: int = 2,
    limits: Limits | None = None,
    scheduler: str | None = None,
    window: int = 5000,
    skip: SkipFn | None = None,
) -> Iterator[bytes | ReadError | Skipped]:
    import dask.bag as db

    opts = opts or Options()
    common, items = _with_outlet_lines(iter_inputs(paths, limits), opts.outlet_boilerplate and not opts.raw, window)
    items = _skipping(items, opts, skip)
    with cluster(scheduler, workers) as client:
        [common_f] = client.scatter([common], broadcast=True)
        while True:
            wave = list(itertools.islice(items, WAVE))
            if not wave:
                break
            docs = [x for x in wave if isinstance(x, RawDoc)]
            results: list[bytes | ReadError] = []
            if docs:
                bag = db.from_sequence(docs, partition_size=PARTITION)
                out = bag.map_partitions(_analyze_partition, opts, common_f)
                results = client.compute(out).result()
            it = iter(results)
            for x in wave:  # keep input order, read errors in place
                yield next(it) if isinstance(x, RawDoc) else x
