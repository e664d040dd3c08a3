#!/usr/bin/env python3
"""Marsad benchmark: per-article throughput, per-annotator cost, peak memory, report scaling.

    python bench/run.py [--pool ../shared/corpus/pool.jsonl] [--sizes 1000,5000,50000] [-o bench/results/latest.json]

Measured in one run so that machine noise cancels in the ratios:
- bare pass: JSON parse plus one regex word split over the same file (the floor);
- analyze on one core: read + clean + segment + every annotator, articles per second, and the
  ratio to the bare pass; seconds per annotator (Pipeline(timed=True));
- peak memory of `marsad analyze` in a child process (ru_maxrss), on the pool and on a file of
  10x the pool, to show that memory stays flat;
- `report` (corpus view) on 1k, 5k and 50k articles built by repeating the analysed pool with
  perturbations (new ids, shifted dates, letters scrambled outside every span so that copies are
  not exact duplicates), to show how its cost grows.
Prints a table and writes JSON.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_POOL = ROOT.parent / "shared" / "corpus" / "pool.jsonl"
_WORD = re.compile(r"\w+")
_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def bare_pass(pool: Path) -> float:
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        with pool.open("rb") as fh:
            for line in fh:
                _WORD.findall(json.loads(line).get("text") or "")
        best = min(best, time.perf_counter() - t)
    return best


def analyze_pass(pool: Path, limit: int | None = None) -> dict:
    """One streaming pass, as `marsad analyze` runs it: each article is read, cleaned, segmented
    and annotated, then dropped; each stage's time is added up separately."""
    import gc

    from marsad.annotate.doc import Doc
    from marsad.annotate.pipeline import DEFAULT, Pipeline
    from marsad.clean.cleaner import clean, published_date
    from marsad.clean.outlet import common_lines
    from marsad.ingest.rawdoc import RawDoc
    from marsad.ingest.readers import iter_inputs
    from marsad.model import Article, Published, Source, dumps

    pipe = Pipeline(DEFAULT, timed=True)
    gc.collect()
    gc.freeze()  # as the engine does once its resources are loaded
    t = dict.fromkeys(("read", "clean", "segment", "annotate", "serialise"), 0.0)
    t0 = time.perf_counter()
    stream = iter_inputs([str(pool)])
    head = list(itertools.islice(stream, 5000))  # the engine's outlet-boilerplate window
    common = common_lines(d for d in head if isinstance(d, RawDoc))
    t["read"] += time.perf_counter() - t0
    items = itertools.chain(head, stream)
    n = chars = words = 0
    while True:
        t0 = time.perf_counter()
        d = next(items, None)
        t["read"] += time.perf_counter() - t0
        if d is None or (limit and n >= limit):
            break
        if not isinstance(d, RawDoc):
            continue
        t0 = time.perf_counter()
        c = clean(d, common.get(d.outlet or "", frozenset()))
        t1 = time.perf_counter()
        doc = Doc(text=c.text, published=published_date(c.published), id=d.id)
        t2 = time.perf_counter()
        pipe(doc)
        t3 = time.perf_counter()
        dumps(Article(id=d.id, source=Source(path=d.path, url=d.url, outlet=d.outlet), title=c.title,
                      published=Published(value=c.published, method=c.published_method) if c.published else None,  # type: ignore[arg-type]
                      text=c.text, removed=c.removed, sentences=doc.sentences, entities=doc.entities, times=doc.times,
                      amounts=doc.amounts, quotes=doc.quotes, citations=doc.citations, events=doc.events,
                      themes=doc.themes))
        t4 = time.perf_counter()
        t["clean"] += t1 - t0
        t["segment"] += t2 - t1
        t["annotate"] += t3 - t2
        t["serialise"] += t4 - t3
        n += 1
        chars += len(c.text)
        words += len(_WORD.findall(c.text))
    gc.unfreeze()
    total = sum(t.values())
    return {
        "articles": n,
        "chars": chars,
        "words": words,
        "seconds": {**t, "total": total, **{f"annotator:{k}": v for k, v in pipe.timings.items()}},
        "articles_per_second": n / total,
        "words_per_second": words / total,
    }


def peak_memory(pool: Path, copies: int) -> dict:
    """ru_maxrss of a child `marsad analyze` over `copies` concatenated copies of the pool."""
    with tempfile.TemporaryDirectory() as tmp:
        src = pool
        if copies > 1:
            src = Path(tmp) / "big.jsonl"
            with src.open("wb") as out:
                for k in range(copies):
                    with pool.open("rb") as fh:
                        for line in fh:
                            rec = json.loads(line)
                            rec["id"] = f"{rec['id']}~{k}"
                            out.write(json.dumps(rec, ensure_ascii=False).encode() + b"\n")
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "marsad", "analyze", str(src), "-o", os.devnull],
                       check=True, stderr=subprocess.DEVNULL)
        secs = time.perf_counter() - t
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"copies": copies, "peak_rss_mb": round(max(peak, before) / 1024, 1), "seconds": round(secs, 2)}


def perturbed(articles: list, n: int, seed: int = 7) -> list:
    """n articles from the analysed pool: copies get new ids, dates shifted by whole months, and
    letters scrambled in words outside every span (offsets stay valid)."""
    import msgspec

    rng = random.Random(seed)
    out = []
    for k in range(n):
        base = articles[k % len(articles)]
        rep = k // len(articles)
        if rep == 0:
            out.append(base)
            continue
        a = msgspec.structs.replace(base, id=f"{base.id}~{rep}")
        taken = bytearray(len(a.text))
        for layer in (a.times, a.amounts, a.quotes, a.citations):
            for s in layer:
                taken[s.start:s.end] = b"\x01" * (s.end - s.start)
        for e in a.entities:
            for m in e.mentions:
                taken[m.start:m.end] = b"\x01" * (m.end - m.start)
        chars = list(a.text)
        for m in _WORD.finditer(a.text):
            if rng.random() < 0.35 and not any(taken[m.start():m.end()]):
                for i in range(m.start(), m.end()):
                    if "\u0621" <= chars[i] <= "\u064a":
                        chars[i] = rng.choice(_LETTERS)
        a = msgspec.structs.replace(a, text="".join(chars))
        if a.published:
            d = date.fromisoformat(a.published.value[:10]) + timedelta(days=30 * rep)
            a = msgspec.structs.replace(a, published=msgspec.structs.replace(a.published, value=d.isoformat()))
        out.append(a)
    return out


def report_scaling(pool: Path, sizes: list[int]) -> list[dict]:
    from marsad.corpus.report import build_report
    from marsad.engine import analyze_paths
    from marsad.model import Article

    arts = [a for a in analyze_paths([str(pool)]) if isinstance(a, Article)]
    rows = []
    for n in sizes:
        sample = perturbed(arts, n)
        t = time.perf_counter()
        rep = build_report(sample)
        secs = time.perf_counter() - t
        rows.append({"articles": n, "seconds": round(secs, 2), "stories": len(rep["stories"]),
                     "duplicates": len(rep["duplicates"]), "claims": len(rep["claims"])})
        print(f"  report on {n:>6} articles: {secs:7.2f} s", file=sys.stderr)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pool", type=Path, default=DEFAULT_POOL)
    ap.add_argument("--sizes", default="1000,5000,50000")
    ap.add_argument("--memory-copies", type=int, default=10)
    ap.add_argument("-o", "--output", type=Path, default=ROOT / "bench" / "results" / "latest.json")
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument("--skip-report", action="store_true")
    a = ap.parse_args()
    if not a.pool.exists():
        sys.exit(f"bench: pool not found: {a.pool}")
    res: dict = {
        "machine": {"platform": platform.platform(), "python": platform.python_version(), "cpus": os.cpu_count(),
                    "processor": platform.processor() or platform.machine()},
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "pool": str(a.pool),
    }
    bare = bare_pass(a.pool)
    an = analyze_pass(a.pool)
    res["bare_pass_seconds"] = round(bare, 3)
    res["analyze"] = an
    res["analyze_vs_bare"] = round(an["seconds"]["total"] / bare, 2)
    if not a.skip_memory:
        res["memory"] = [peak_memory(a.pool, 1), peak_memory(a.pool, a.memory_copies)]
    if not a.skip_report:
        res["report"] = report_scaling(a.pool, [int(x) for x in a.sizes.split(",")])
    a.output.parent.mkdir(parents=True, exist_ok=True)
    a.output.write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print_table(res)


def print_table(res: dict) -> None:
    an = res["analyze"]
    s = an["seconds"]
    print(f"Marsad benchmark — {res['when']} — {res['machine']['platform']}, {res['machine']['cpus']} CPUs")
    print(f"articles: {an['articles']:,}  words: {an['words']:,}")
    print(f"bare pass (JSON + word split): {res['bare_pass_seconds']:.2f} s")
    print(f"analyze, one core:             {s['total']:.2f} s = {an['articles_per_second']:.0f} articles/s, "
          f"{an['words_per_second']:,.0f} words/s, {res['analyze_vs_bare']}x the bare pass")
    for k, v in s.items():
        if k != "total":
            print(f"  {k:22s} {v:7.2f} s  {1000 * v / an['articles']:6.3f} ms/article")
    for m in res.get("memory", []):
        print(f"peak memory, analyze of {m['copies']}x pool: {m['peak_rss_mb']} MB ({m['seconds']} s)")
    for r in res.get("report", []):
        print(f"report on {r['articles']:>6,} articles: {r['seconds']:.2f} s "
              f"({r['stories']} stories, {r['duplicates']} duplicate pairs, {r['claims']} claims)")


if __name__ == "__main__":
    main()
