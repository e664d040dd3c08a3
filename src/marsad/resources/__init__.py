"""Versioned language resources (TSV/YAML/JSON), loaded once per process.

Resource files live next to this module, grouped by annotator (text/, clean/, entities/, times/,
amounts/, quotes/, events/, themes/). Lines starting with '#' are comments in TSV files.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from importlib import resources as _ir
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(str(_ir.files(__name__)))


def path(name: str) -> Path:
    """Absolute path of a resource file, e.g. path('times/months.tsv')."""
    p = ROOT / name
    if not p.exists():
        raise FileNotFoundError(f"marsad resource not found: {name}")
    return p


def tsv_rows(name: str, min_cols: int = 1) -> Iterator[list[str]]:
    """Rows of a TSV resource: comments ('#') and blank lines skipped, cells stripped."""
    with path(name).open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = [c.strip() for c in line.rstrip("\n").split("\t")]
            if len(cells) < min_cols:
                raise ValueError(f"{name}:{lineno}: expected at least {min_cols} tab-separated columns")
            yield cells


@functools.cache
def tsv(name: str, min_cols: int = 1) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(r) for r in tsv_rows(name, min_cols))


@functools.cache
def yaml_data(name: str) -> Any:
    with path(name).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@functools.cache
def json_data(name: str) -> Any:
    with path(name).open(encoding="utf-8") as fh:
        return json.load(fh)
