"""The `marsad` command line."""

from __future__ import annotations

import importlib
import os
import sys
from enum import StrEnum
from importlib import resources as _ir
from pathlib import Path
from typing import Annotated

import typer

from marsad import __version__
from marsad.cli_options import Engine, EngineOpt, SchedulerOpt

app = typer.Typer(
    name="marsad",
    help="Marsad (مرصد): Arabic news into structured, cross-checked knowledge.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Areas that add their own commands through `register(app)`.
COMMAND_MODULES = (
    "marsad.corpus.commands",
    "marsad.store.commands",
    "marsad.annotate.entities.commands",
)


def demo_path() -> str:
    """The bundled demo corpus: five Arabic articles on Russia–China relations with a manifest."""
    return str(Path(str(_ir.files("marsad") / "demo")))


class Format(StrEnum):
    jsonl = "jsonl"
    json = "json"
    table = "table"
    parquet = "parquet"


def err(msg: str) -> None:
    sys.stderr.write(msg.rstrip("\n") + "\n")
    sys.stderr.flush()


def open_out(output: Path | None):
    """Binary output stream: stdout, or a temp file renamed into place at the end (no partial writes)."""
    if output is None:
        return None, sys.stdout.buffer
    tmp = output.with_name(f".{output.name}.tmp{os.getpid()}")
    return tmp, tmp.open("wb")


def finish_out(tmp: Path | None, fh, output: Path | None, ok: bool) -> None:
    if tmp is None:
        fh.flush()
        return
    fh.close()
    if ok and output is not None:
        os.replace(tmp, output)
    else:
        tmp.unlink(missing_ok=True)


PathsArg = Annotated[
    list[str] | None,
    typer.Argument(help="Files, folders (recursive) or '-' for stdin. Default: the bundled demo corpus."),
]
WorkersOpt = Annotated[int, typer.Option("--workers", "-w", min=1, max=256, help="Processes on this machine.")]
MaxBytesOpt = Annotated[int, typer.Option("--max-bytes", min=1, help="Largest input file, in bytes.")]
MaxCharsOpt = Annotated[int, typer.Option("--max-chars", min=1, help="Largest article text/HTML, in characters.")]
MaxLineOpt = Annotated[int, typer.Option("--max-line", min=1, help="Longest line of a text article, in characters.")]
MaxDepthOpt = Annotated[int, typer.Option("--max-html-depth", min=1, help="Deepest HTML element nesting.")]


def limits_from(max_bytes: int, max_chars: int, max_line: int, max_depth: int):
    from marsad.ingest.rawdoc import Limits

    return Limits(max_file_bytes=max_bytes, max_article_chars=max_chars, max_line_chars=max_line, max_html_depth=max_depth)


@app.command()
def analyze(
    paths: PathsArg = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="jsonl: one contract object per line; json: an array; table: a summary; parquet: partitioned Parquet files in the folder -o.")] = Format.jsonl,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    raw: Annotated[bool, typer.Option("--raw", help="Inputs are body text: no cleaning or title detection; offsets map 1:1 to the input.")] = False,
    workers: WorkersOpt = 1,
    annotators: Annotated[str, typer.Option("--annotators", help="Comma-separated annotators to run.")] = "entities,times,amounts,quotes,events,themes",
    max_bytes: MaxBytesOpt = 200_000_000,
    max_chars: MaxCharsOpt = 2_000_000,
    max_line: MaxLineOpt = 1_000_000,
    max_html_depth: MaxDepthOpt = 400,
    progress: Annotated[bool | None, typer.Option("--progress/--no-progress", help="Progress bar on stderr (default: when stderr is a terminal).")] = None,
    engine: EngineOpt = Engine.local,
    scheduler: SchedulerOpt = None,
) -> None:
    """Analyse Arabic news articles: entities, times, amounts, quotes, citations, events, themes."""
    from marsad.engine import Options, stream
    from marsad.ingest.errors import ReadError
    from marsad.model import load_article

    names = tuple(a.strip() for a in annotators.split(",") if a.strip())
    from marsad.annotate.pipeline import REGISTRY

    unknown = [n for n in names if n not in REGISTRY]
    if unknown:
        err(f"marsad: unknown annotator(s): {', '.join(unknown)} (known: {', '.join(REGISTRY)})")
        raise typer.Exit(2)
    inputs = paths or [demo_path()]
    limits = limits_from(max_bytes, max_chars, max_line, max_html_depth)
    items = stream(inputs, Options(raw=raw, annotators=names), workers, limits, engine.value, scheduler)
    show = sys.stderr.isatty() if progress is None else progress
    if format is Format.parquet:
        _analyze_parquet(items, output)
        return
    tmp, fh = open_out(output)
    n_ok = n_err = 0
    rows = []
    try:
        bar = _progress(show)
        with bar as prog:
            task = prog.add_task("analysing", total=None) if prog else None
            if format is Format.json:
                fh.write(b"[")
            for item in items:
                if isinstance(item, ReadError):
                    n_err += 1
                    err(item.line())
                    continue
                if format is Format.jsonl:
                    fh.write(item + b"\n")
                elif format is Format.json:
                    fh.write((b",\n" if n_ok else b"\n") + item)
                else:
                    rows.append(_summary_row(load_article(item)))
                n_ok += 1
                if prog:
                    prog.update(task, advance=1)
            if format is Format.json:
                fh.write(b"\n]\n")
        if format is Format.table:
            _print_table(rows, fh)
    except KeyboardInterrupt:
        finish_out(tmp, fh, output, ok=False)
        err("marsad: interrupted")
        raise typer.Exit(130) from None
    except BrokenPipeError:
        sys.stderr.close()
        raise typer.Exit(0) from None
    finish_out(tmp, fh, output, ok=n_ok > 0)
    if n_err:
        err(f"marsad: {n_ok} article(s) analysed, {n_err} input(s) skipped")
    if n_ok == 0:
        err("marsad: nothing could be analysed")
        raise typer.Exit(1)


def _analyze_parquet(items, output: Path | None) -> None:
    from marsad.ingest.errors import ReadError
    from marsad.scale.parquet import write_parts

    if output is None:
        err("marsad: --format parquet needs -o FOLDER")
        raise typer.Exit(2)
    n_err = 0

    def good():
        nonlocal n_err
        for item in items:
            if isinstance(item, ReadError):
                n_err += 1
                err(item.line())
            else:
                yield item

    n = write_parts(good(), output)
    if n_err:
        err(f"marsad: {n} article(s) analysed, {n_err} input(s) skipped")
    if n == 0:
        err("marsad: nothing could be analysed")
        raise typer.Exit(1)


class _NoProgress:
    def __enter__(self):
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def _progress(show: bool):
    if not show:
        return _NoProgress()
    from rich.console import Console
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    return Progress(SpinnerColumn(), TextColumn("{task.description}"), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=Console(stderr=True), transient=True)


def _summary_row(a) -> dict:
    return {
        "id": a.id,
        "published": a.published.value[:10] if a.published else "",
        "title": (a.title or "")[:60],
        "entities": len(a.entities),
        "times": len(a.times),
        "amounts": len(a.amounts),
        "quotes": len(a.quotes),
        "events": len(a.events),
        "themes": ", ".join(t.code for t in a.themes[:3]),
    }


def _print_table(rows: list[dict], fh) -> None:
    import io

    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Marsad — {len(rows)} article(s)", show_lines=False)
    for col in ("id", "published", "title", "entities", "times", "amounts", "quotes", "events", "themes"):
        table.add_column(col, overflow="fold", justify="right" if col in ("entities", "times", "amounts", "quotes", "events") else "left")
    for r in rows:
        table.add_row(*(str(r[c]) for c in ("id", "published", "title", "entities", "times", "amounts", "quotes", "events", "themes")))
    buf = io.StringIO()
    Console(file=buf, width=160, force_terminal=False).print(table)
    fh.write(buf.getvalue().encode("utf-8"))


@app.command()
def version() -> None:
    """Print the version."""
    typer.echo(f"marsad {__version__}")


def _register_all() -> None:
    for mod in COMMAND_MODULES:
        try:
            module = importlib.import_module(mod)
        except ImportError as e:  # an optional area whose dependencies are missing
            err(f"marsad: commands of {mod} unavailable: {e}")
            continue
        module.register(app)


_register_all()


def main() -> None:  # pragma: no cover
    app()
