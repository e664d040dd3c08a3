"""Scale benchmark of the corpus view: how `build_report` time grows with the number of articles.

    python -m marsad.corpus.bench ANALYSED.jsonl [--sizes 1000,5000,20000,50000]

Larger collections are made from the analysed articles by taking copies that drop every
k-th word (so copies are neither exact nor near duplicates and their vocabulary grows) and
whose dates move by 30 days per copy (so copies never join one story). CPU seconds per step
are printed as one JSON line per size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Iterator, Sequence

import msgspec

from marsad.corpus.features import parse_day
from marsad.corpus.report import build_report
from marsad.model import Article, Published, load_article
from marsad.text.segment import sentences


def variant(a: Article, k: int) -> Article:
    """Copy k of an article: every (k % 5 + 3)-th word dropped, dates moved by 30·k days."""
    if k == 0:
        return a
    step = k % 5 + 3
    words = a.text.split(" ")
    text = " ".join(w for n, w in enumerate(words) if (n + k) % step)
    pub = a.published
    day = parse_day(pub.value) if pub else None
    if day:
        pub = Published(value=(day + dt.timedelta(days=30 * k)).isoformat(), method=pub.method)  # type: ignore[union-attr]
    return msgspec.structs.replace(a, id=f"{a.id}~{k}", text=text, sentences=sentences(text), published=pub,
                                   amounts=[], quotes=[], citations=[])


def grow(base: Sequence[Article], n: int) -> Iterator[Article]:
    for i in range(n):
        yield variant(base[i % len(base)], i // len(base))


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("analysed")
    ap.add_argument("--sizes", default="1000,5000,20000,50000")
    args = ap.parse_args(argv)
    with open(args.analysed, "rb") as fh:
        base = [load_article(line) for line in fh if line.strip()]
    for n in (int(x) for x in args.sizes.split(",")):
        arts = list(grow(base, n))
        steps: dict[str, float] = {}
        t0, w0 = time.process_time(), time.perf_counter()
        rep = build_report(arts, steps)
        row = {"articles": n, "cpu_s": round(time.process_time() - t0, 2), "wall_s": round(time.perf_counter() - w0, 2),
               "stories": len(rep["stories"]), "duplicates": len(rep["duplicates"]), "steps": steps}
        print(json.dumps(row), flush=True)
        del arts, rep


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1:])
