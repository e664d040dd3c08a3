"""CLI commands of the entities area: `marsad train-ner`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def train_ner(
    conll: Annotated[Path, typer.Argument(help="BIO CoNLL file: 'token LABEL' per line, blank line between sentences")],
    output: Annotated[Path, typer.Option("-o", "--output", help="model file to write")],
    eval_split: Annotated[float, typer.Option("--eval-split", help="held-out fraction scored before the final training (0: skip)")] = 0.1,
    folds: Annotated[int, typer.Option("--folds", help="k-fold cross-validation on the file (0: skip)")] = 0,
) -> None:
    """Train the CRF entity tagger on annotated data (e.g. ANERcorp) and report entity-level F1.

    Use the model with MARSAD_NER=crf after copying it to marsad/models/ner_crf.bin.
    """
    if not conll.exists():
        raise typer.BadParameter(f"no such file: {conll}")
    from marsad.annotate.entities.training import run

    run(conll, output, eval_split, folds, log=lambda s: typer.echo(s, err=True))


def register(app: typer.Typer) -> None:
    """Add this area's commands to `app`."""
    app.command("train-ner")(train_ner)
