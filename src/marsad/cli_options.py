"""Command-line options shared by several commands (kept apart from marsad.cli so that the
areas' command modules can import them without importing the app)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer


class Engine(StrEnum):
    local = "local"
    dask = "dask"


EngineOpt = Annotated[Engine, typer.Option("--engine", help="local: processes on this machine; dask: a Dask cluster.")]
SchedulerOpt = Annotated[str | None, typer.Option("--scheduler", help="Address of an existing Dask scheduler (with --engine dask); default: a local cluster of --workers processes.")]
