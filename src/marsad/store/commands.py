"""CLI commands of the store area: ingest, search, export, serve (registered by marsad.cli)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from marsad.cli_options import Engine, EngineOpt, SchedulerOpt
from marsad.ingest.analysed import read_articles

DbOpt = Annotated[Path, typer.Option("--db", help="The store: one SQLite file.")]


class SearchFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    parquet = "parquet"
    csv = "csv"


def _err(msg: str) -> None:
    sys.stderr.write(msg.rstrip("\n") + "\n")
    sys.stderr.flush()


def ingest_cmd(
    paths: Annotated[list[str] | None, typer.Argument(help="Files or folders to analyse and store. Default: the demo corpus.")] = None,
    db: DbOpt = Path("marsad.db"),
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, max=256, help="Analysis processes.")] = 1,
    raw: Annotated[bool, typer.Option("--raw", help="Inputs are body text: no cleaning.")] = False,
    analysed: Annotated[bool, typer.Option("--analysed", help="Inputs (stdin included) are JSONL from `marsad analyze`: store without re-analysing. Analysed JSONL files are also recognised without it.")] = False,
    engine: EngineOpt = Engine.local,
    scheduler: SchedulerOpt = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, max=100_000, help="Articles per transaction.")] = 200,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary on stderr.")] = False,
) -> None:
    """Analyse articles and store them with all their layers (incremental, idempotent)."""
    from marsad.store.db import StoreError, known_inputs
    from marsad.store.update import update

    inputs = paths or []
    if not inputs:
        from marsad.cli import demo_path

        inputs = [demo_path()]

    def on_error(e: Any) -> None:
        _err(e.line() if hasattr(e, "line") else str(e))

    def on_batch(s: Any) -> None:
        if not quiet and sys.stderr.isatty():
            sys.stderr.write(f"\rmarsad: {s.added} added, {s.replaced} replaced, {s.skipped} unchanged")
            sys.stderr.flush()

    try:
        known = known_inputs(db)
        items = read_articles(inputs, workers=workers, raw=raw, engine=engine.value, scheduler=scheduler,
                              analysed=analysed, skip=(lambda aid, h: known.get(aid) == h) if known else None)
        res = update(db, items, batch_size=batch_size, on_error=on_error, on_batch=on_batch)
    except StoreError as e:
        _err(f"marsad: {e}")
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        _err("\nmarsad: interrupted; committed batches are kept, run the same command again to resume")
        raise typer.Exit(130) from None
    s = res.stats
    if not quiet:
        corpus = f"corpus recomputed in {res.corpus_seconds:.1f}s" if res.corpus_seconds is not None else "corpus unchanged"
        if sys.stderr.isatty():
            sys.stderr.write("\r")
        _err(f"marsad: {db}: {s.added} added, {s.replaced} replaced, {s.skipped} unchanged, {len(s.errors)} error(s); "
             f"{res.articles} article(s) stored; {corpus}; {res.seconds:.1f}s")
    if s.changed == 0 and s.skipped == 0 and s.errors:
        raise typer.Exit(1)


def search_cmd(
    query: Annotated[str, typer.Argument(help='Words (all required), "a phrase", or a prefix*. Empty lists articles.')],
    db: DbOpt = Path("marsad.db"),
    outlet: Annotated[str | None, typer.Option("--outlet")] = None,
    start: Annotated[dt.datetime | None, typer.Option("--from", formats=["%Y-%m-%d"], help="Published on or after.")] = None,
    end: Annotated[dt.datetime | None, typer.Option("--to", formats=["%Y-%m-%d"], help="Published on or before.")] = None,
    entity: Annotated[str | None, typer.Option("--entity", help="An entity id, e.g. wd:Q7747.")] = None,
    theme: Annotated[str | None, typer.Option("--theme", help="A theme code.")] = None,
    event: Annotated[str | None, typer.Option("--event", help="A CAMEO event code or prefix (04 = 040-049).")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=1000)] = 20,
    format: Annotated[SearchFormat, typer.Option("--format", "-f")] = SearchFormat.table,
) -> None:
    """Full-text search of a store (Arabic-aware: hamza/alef, ta marbuta, proclitics)."""
    from marsad.store.db import StoreError, connect_readonly
    from marsad.store.search import SearchQuery, search

    try:
        conn = connect_readonly(db)
    except StoreError as e:
        _err(f"marsad: {e}")
        raise typer.Exit(2) from None
    sq = SearchQuery(q=query, outlet=outlet, start=start.date() if start else None, end=end.date() if end else None,
                     entity=entity, theme=theme, event=event, limit=limit)
    res = search(conn, sq)
    conn.close()
    out = sys.stdout
    if format is SearchFormat.jsonl:
        for h in res.hits:
            out.write(json.dumps(h, ensure_ascii=False) + "\n")
    else:
        for h in res.hits:
            out.write(f"{h['id']}\t{h['day'] or '-'}\t{h['outlet'] or '-'}\t{h['title'] or ''}\n")
            out.write(f"    {' '.join(h['snippet'].split())}\n")
        _err(f"marsad: {res.total} article(s) match; {res.took_ms:.1f} ms")
    if res.total == 0:
        raise typer.Exit(1)


def export_cmd(
    db: DbOpt = Path("marsad.db"),
    format: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.jsonl,
    output: Annotated[Path, typer.Option("--output", "-o", help="Directory for one file per table.")] = Path("marsad-export"),
) -> None:
    """Export articles and every layer (and the corpus tables) as JSONL, CSV or Parquet files."""
    from marsad.store.db import StoreError, connect_readonly
    from marsad.store.export import export

    try:
        conn = connect_readonly(db)
    except StoreError as e:
        _err(f"marsad: {e}")
        raise typer.Exit(2) from None
    try:
        written = export(conn, format.value, output)  # type: ignore[arg-type]
    except RuntimeError as e:
        _err(f"marsad: {e}")
        raise typer.Exit(2) from None
    finally:
        conn.close()
    _err(f"marsad: wrote {len(written)} table(s) to {output}: " + ", ".join(f"{t} {n}" for t, n in written.items() if n))


def serve_cmd(
    db: DbOpt = Path("marsad.db"),
    host: Annotated[str, typer.Option("--host", help="Interface to bind (default: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
) -> None:
    """Serve the JSON API (/api, OpenAPI at /openapi.json) and the Arabic dashboard (/), read-only."""
    from marsad.store.db import StoreError, connect_readonly

    try:
        connect_readonly(db).close()
    except StoreError as e:
        _err(f"marsad: {e}")
        raise typer.Exit(2) from None
    try:
        import uvicorn

        from marsad.serve.app import create_app
    except ImportError as e:
        _err(f"marsad: serving needs the 'serve' extra (pip install 'marsad[serve]'): {e}")
        raise typer.Exit(2) from None
    _err(f"marsad: serving {db} on http://{host}:{port}/ (API spec at /openapi.json)")
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    """Add this area's commands to `app`."""
    app.command("ingest")(ingest_cmd)
    app.command("search")(search_cmd)
    app.command("export")(export_cmd)
    app.command("serve")(serve_cmd)
