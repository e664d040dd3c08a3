"""The Dask engine gives the local engine's output, article for article; Parquet output."""

import json
from pathlib import Path

import pytest

from marsad.engine import Options, stream

pytest.importorskip("distributed")


def _mixed_input(tmp_path: Path, demo_dir: Path) -> list[str]:
    lines = []
    for i, f in enumerate(sorted(demo_dir.glob("*.txt"))):
        lines.append(json.dumps({"id": f"j{i}", "outlet": "Demo", "published": "2024-05-16",
                                 "text": f.read_text(encoding="utf-8")}, ensure_ascii=False))
    lines.insert(2, "{not json")
    p = tmp_path / "batch.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(demo_dir), str(p)]


def test_dask_engine_equals_local_engine_article_for_article(tmp_path: Path, demo_dir: Path):
    paths = _mixed_input(tmp_path, demo_dir)
    opts = Options()
    local = list(stream(paths, opts, workers=1))
    dask = list(stream(paths, opts, workers=2, engine="dask"))
    assert len(local) == len(dask) == 11
    for a, b in zip(local, dask, strict=True):
        assert type(a) is type(b)
        assert a == b
    assert sum(isinstance(x, bytes) for x in dask) == 10


def test_parquet_output_holds_every_article_and_layer(tmp_path: Path, demo_dir: Path):
    import pyarrow.parquet as pq

    from marsad.scale.parquet import write_parts

    blobs = [x for x in stream([str(demo_dir)], Options()) if isinstance(x, bytes)]
    n = write_parts(iter(blobs), tmp_path / "pq", part_size=2)
    assert n == 5
    parts = sorted(p.name for p in (tmp_path / "pq").iterdir())
    assert parts == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    table = pq.read_table(tmp_path / "pq").to_pylist()
    first = json.loads(blobs[0])
    row = next(r for r in table if r["id"] == first["id"])
    assert row["text"] == first["text"] and json.loads(row["entities"]) == first["entities"]
    assert row["published"] == first["published"]["value"]


def test_dask_report_equals_local_report_with_duplicates(demo_articles):
    import msgspec

    from marsad.corpus.report import build_report
    from marsad.scale.dask_engine import cluster
    from marsad.scale.dask_report import build_report_dask

    # the demo plus a republished copy of each article: exact duplicates found by the shuffle
    arts = list(demo_articles) + [msgspec.structs.replace(a, id=a.id + "-copy") for a in demo_articles]
    local = build_report(arts)
    with cluster(None, 2) as client:
        dask = build_report_dask(arts, client)
    assert dask == local
    assert {(d["a"], d["b"]) for d in dask["duplicates"]} >= {(a.id, a.id + "-copy") for a in demo_articles}
