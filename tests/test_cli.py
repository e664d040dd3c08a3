import json
import subprocess
import sys
from pathlib import Path

import jsonschema
from typer.testing import CliRunner

from marsad.cli import app

runner = CliRunner()
SEED_DATES = {
    "000_829a525c9190e941": "2024-05-16",
    "001_7885229fa645d1c2": "2022-12-30",
    "002_fda5dac2e24b2fe8": "2024-05-17",
    "003_7f546b9a39fe931a": "2024-02-08",
    "004_b9584974788a2801": "2025-05-08",
}
BODY = "وقال بوتين: \"في سياق ضغوط غير مسبوقة واستفزازات من الغرب، نحن ندافع عن مواقفنا المبدئية\".\n"


def marsad(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "marsad", *args], input=stdin, capture_output=True, timeout=300)


def test_analyze_demo_gives_five_contract_valid_articles_with_manifest_dates(article_schema):
    res = marsad("analyze", "--format", "jsonl")
    assert res.returncode == 0, res.stderr.decode()
    lines = [json.loads(x) for x in res.stdout.decode().splitlines()]
    assert [a["id"] for a in lines] == sorted(SEED_DATES)
    for a in lines:
        jsonschema.validate(a, article_schema)
        assert a["published"] == {"value": SEED_DATES[a["id"]], "method": "metadata"}
        assert a["text"].strip() and a["sentences"]


def test_bad_inputs_are_reported_one_line_each_and_the_rest_is_processed(tmp_path: Path):
    good = "أكد الرئيس الروسي فلاديمير بوتين أن الطاقة هي المجال الرئيسي للتعاون مع الصين.\n"
    (tmp_path / "good.txt").write_text(good, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "junk.bin").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "win.txt").write_bytes(good.encode("cp1256"))
    (tmp_path / "u16.txt").write_bytes(good.encode("utf-16"))
    (tmp_path / "broken.jsonl").write_text('{"id": "j1", "text": "' + good.strip() + '"}\n{"id": \n', encoding="utf-8")
    (tmp_path / "huge.txt").write_text("ب" * 10_000_000, encoding="utf-8")
    res = marsad("analyze", str(tmp_path), "--format", "jsonl")
    assert res.returncode == 0
    out = [json.loads(x) for x in res.stdout.decode().splitlines()]
    assert sorted(a["id"] for a in out) == ["good", "j1", "u16", "win"]
    assert all(a["text"].startswith("أكد الرئيس الروسي") for a in out)
    err = res.stderr.decode().splitlines()
    assert "Traceback" not in res.stderr.decode()
    named = {Path(line.split(": ")[1].split(":")[0]).name for line in err if line.startswith("marsad: /")}
    assert {"empty.txt", "junk.bin", "broken.jsonl", "huge.txt"} <= named
    assert any("huge.txt" in line and "limit" in line for line in err)


def test_nothing_analysable_exits_non_zero(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    res = marsad("analyze", str(tmp_path / "empty.txt"))
    assert res.returncode == 1 and res.stdout == b""
    assert b"empty file" in res.stderr and b"Traceback" not in res.stderr


def test_raw_mode_keeps_offsets_one_to_one_with_the_input_from_stdin():
    text = "اقرأ أيضاً: خبر آخر\n" + BODY
    res = marsad("analyze", "-", "--raw", stdin=text.encode("utf-8"))
    assert res.returncode == 0, res.stderr.decode()
    [a] = [json.loads(x) for x in res.stdout.decode().splitlines()]
    assert a["text"] == text and a["removed"] == [] and a["title"] is None


def test_output_file_and_table_format(tmp_path: Path, demo_dir):
    out = tmp_path / "o.json"
    r = runner.invoke(app, ["analyze", str(demo_dir), "--format", "json", "-o", str(out)])
    assert r.exit_code == 0, r.output
    arts = json.loads(out.read_text(encoding="utf-8"))
    assert len(arts) == 5 and not list(tmp_path.glob(".o.json.tmp*"))
    r = runner.invoke(app, ["analyze", str(demo_dir), "--format", "table"])
    assert r.exit_code == 0 and "000_829a525c9190e941" in r.output and "2024-05-16" in r.output


def test_workers_give_the_same_output_as_one_process(demo_dir):
    one = marsad("analyze", str(demo_dir))
    two = marsad("analyze", str(demo_dir), "--workers", "2")
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout


def test_unknown_annotator_is_a_clear_error():
    r = runner.invoke(app, ["analyze", "--annotators", "entities,sentiment"])
    assert r.exit_code == 2
