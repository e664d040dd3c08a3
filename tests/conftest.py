"""Shared fixtures: the bundled demo corpus and the output contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.cli import demo_path

ROOT = Path(__file__).resolve().parents[1]
CONTRACT = ROOT / "src" / "marsad" / "contract"


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    return Path(demo_path())


@pytest.fixture(scope="session")
def article_schema() -> dict:
    return json.loads((CONTRACT / "article.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def corpus_schema() -> dict:
    return json.loads((CONTRACT / "corpus.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def demo_articles(demo_dir: Path) -> list:
    """The demo corpus analysed once for the whole session (model.Article objects)."""
    from marsad.engine import analyze_paths
    from marsad.model import Article

    out = [a for a in analyze_paths([str(demo_dir)]) if isinstance(a, Article)]
    assert len(out) == 5
    return out
