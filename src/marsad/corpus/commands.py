"""CLI commands of this area, registered on the main typer app by marsad.cli: `marsad report`."""

from __future__ import annotations

import sys
import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from marsad.cli_options import Engine, EngineOpt, SchedulerOpt


class ReportFormat(StrEnum):
    json = "json"
    md = "md"
    html = "html"


def register(app: typer.Typer) -> None:
    """Add `marsad report` to `app`."""

    @app.command()
    def report(
        paths: Annotated[list[str] | None, typer.Argument(
            help="Analysed JSONL (from `marsad analyze`), raw article files or folders. Default: the bundled demo corpus.")] = None,
        format: Annotated[ReportFormat, typer.Option("--format", "-f", help="json: the corpus contract; md: a briefing; html: one right-to-left page.")] = ReportFormat.json,
        output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
        workers: Annotated[int, typer.Option("--workers", "-w", min=1, max=256, help="Processes for analysing raw inputs.")] = 1,
        raw: Annotated[bool, typer.Option("--raw", help="Raw inputs are body text: no cleaning or title detection.")] = False,
        timings: Annotated[bool, typer.Option("--timings", help="Print the seconds spent in each step on stderr.")] = False,
        engine: EngineOpt = Engine.local,
        scheduler: SchedulerOpt = None,
    ) -> None:
        """What a collection of articles says together: duplicates, stories, entities, merged
        events, claims and conflicts, timeline."""
        from marsad.cli import demo_path, err, finish_out, open_out
        from marsad.corpus.report import build_report
        from marsad.ingest.analysed import read_articles
        from marsad.ingest.errors import ReadError

        t0 = time.perf_counter()
        arts = []
        n_err = 0
        for item in read_articles(paths or [demo_path()], workers=workers, raw=raw, engine=engine.value,
                                  scheduler=scheduler):
            if isinstance(item, ReadError):
                n_err += 1
                err(item.line())
            else:
                arts.append(item)
        if not arts:
            err("marsad: nothing could be read")
            raise typer.Exit(1)
        t1 = time.perf_counter()
        steps: dict[str, float] = {}
        if engine is Engine.dask:
            from marsad.scale.dask_engine import cluster
            from marsad.scale.dask_report import build_report_dask

            with cluster(scheduler, max(workers, 2)) as client:
                rep = build_report_dask(arts, client, steps)
        else:
            rep = build_report(arts, steps)
        data = render(rep, arts, format.value)
        tmp, fh = open_out(output)
        try:
            fh.write(data)
        except BrokenPipeError:
            sys.stderr.close()
            raise typer.Exit(0) from None
        finish_out(tmp, fh, output, ok=True)
        if n_err:
            err(f"marsad: {len(arts)} article(s) in the report, {n_err} input(s) skipped")
        if timings:
            err(f"marsad: read+analyse {t1 - t0:.2f}s, report {time.perf_counter() - t1:.2f}s "
                + " ".join(f"{k}={v:.2f}" for k, v in steps.items()))


def render(rep: dict, articles: list, fmt: str) -> bytes:
    """The report as bytes in `fmt` (json, md or html)."""
    if fmt == "md":
        from marsad.corpus.render_md import render_md

        return render_md(rep, articles).encode("utf-8")
    if fmt == "html":
        from marsad.corpus.render_html import render_html

        return render_html(rep, articles).encode("utf-8")
    from marsad.model import dumps

    return dumps(rep) + b"\n"
