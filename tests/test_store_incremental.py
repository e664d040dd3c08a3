"""A second ingest of unchanged inputs analyses nothing; a changed input is re-analysed and replaced."""

import shutil
from pathlib import Path

from typer.testing import CliRunner

import marsad.engine as engine
from marsad.cli import app

runner = CliRunner()


def test_unchanged_inputs_are_not_analysed_again(tmp_path: Path, demo_dir: Path, monkeypatch):
    src = tmp_path / "in"
    shutil.copytree(demo_dir, src)
    db = tmp_path / "m.db"
    r = runner.invoke(app, ["ingest", str(src), "--db", str(db)])
    assert r.exit_code == 0 and "5 added" in r.output, r.output

    analysed: list[str] = []
    real = engine.analyze_doc

    def spy(raw, *a, **kw):
        analysed.append(raw.id)
        return real(raw, *a, **kw)

    monkeypatch.setattr(engine, "analyze_doc", spy)
    r = runner.invoke(app, ["ingest", str(src), "--db", str(db)])
    assert r.exit_code == 0 and "0 added, 0 replaced, 5 unchanged" in r.output, r.output
    assert analysed == []

    f = src / "003_7f546b9a39fe931a.txt"
    f.write_text(f.read_text(encoding="utf-8") + "\nوأكد الكرملين أن الزيارة المقبلة ستعقد في موسكو.\n", encoding="utf-8")
    r = runner.invoke(app, ["ingest", str(src), "--db", str(db)])
    assert r.exit_code == 0 and "0 added, 1 replaced, 4 unchanged" in r.output, r.output
    assert analysed == ["003_7f546b9a39fe931a"]
