import io
import json
from pathlib import Path

from marsad.ingest.errors import ReadError
from marsad.ingest.rawdoc import Limits, RawDoc
from marsad.ingest.readers import iter_inputs

BODY = "أكد الرئيس الروسي فلاديمير بوتين، الخميس، أن الطاقة هي المجال الرئيسي للتعاون مع الصين."
HTML = f"""<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>بوتين: روسيا مورد موثوق للطاقة</title>
<meta property="article:published_time" content="2024-05-16T10:00:00+00:00"></head>
<body><nav><a href="/">الرئيسية</a></nav><article><h1>بوتين: روسيا مورد موثوق للطاقة</h1>
<p>{BODY}</p><p>وأفاد بوتين بأن 90 % من حجم التبادل التجاري يتم بالعملتين الوطنيتين لروسيا والصين.</p>
<p>وتعتزم روسيا والصين توسيع التعاون في مجالات النفط والغاز الطبيعي المسال والفحم والكهرباء.</p></article>
<footer>جميع الحقوق محفوظة</footer></body></html>"""


def read(paths, **kw):
    return list(iter_inputs([str(p) for p in paths], Limits(**kw) if kw else None))


def test_txt_file(tmp_path: Path):
    f = tmp_path / "a.txt"
    f.write_text(BODY, encoding="utf-8")
    [doc] = read([f])
    assert isinstance(doc, RawDoc) and doc.id == "a" and doc.text == BODY


def test_html_file_keeps_html_for_the_cleaner(tmp_path: Path):
    f = tmp_path / "page.html"
    f.write_text(HTML, encoding="utf-8")
    [doc] = read([f])
    assert doc.html and "بوتين" in doc.html and doc.text is None


def test_jsonl_with_pool_style_fields_and_a_broken_line(tmp_path: Path):
    f = tmp_path / "batch.jsonl"
    good = {"id": "x1", "outlet": "Sabq", "date": "2015-08-09 17:27:39", "title": "عنوان", "text": BODY,
            "meta": {"url": "http://example.org/a"}}
    f.write_text(json.dumps(good, ensure_ascii=False) + "\n{broken\n" + json.dumps({**good, "id": "x2"}) + "\n",
                 encoding="utf-8")
    items = read([f])
    assert [type(i).__name__ for i in items] == ["RawDoc", "ReadError", "RawDoc"]
    assert items[0].published == "2015-08-09 17:27:39" and items[0].url == "http://example.org/a"
    assert items[1].path.endswith("batch.jsonl:2") and "invalid JSON" in items[1].reason


def test_json_array(tmp_path: Path):
    f = tmp_path / "arts.json"
    f.write_text(json.dumps([{"id": "a", "text": BODY}, {"id": "b", "html": HTML}], ensure_ascii=False), encoding="utf-8")
    a, b = read([f])
    assert a.text == BODY and b.html == HTML


def test_warc_file(tmp_path: Path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    f = tmp_path / "crawl.warc.gz"
    with f.open("wb") as out:
        w = WARCWriter(out, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
        rec = w.create_warc_record("http://example.org/ar/1", "response", payload=io.BytesIO(HTML.encode()),
                                   http_headers=headers)
        w.write_record(rec)
    [doc] = read([f])
    assert doc.url == "http://example.org/ar/1" and "بوتين" in doc.html


def test_rss_and_atom_feeds(tmp_path: Path):
    rss = tmp_path / "feed.rss"
    rss.write_text(f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>أخبار</title>
<item><title>بوتين في بكين</title><link>http://example.org/1</link><pubDate>Thu, 16 May 2024 10:00:00 GMT</pubDate>
<description><![CDATA[<p>{BODY}</p>]]></description></item></channel></rss>""", encoding="utf-8")
    atom = tmp_path / "feed.atom"
    atom.write_text(f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<entry><title>شي في موسكو</title><link href="http://example.org/2"/><id>tag:2</id><updated>2025-05-08T09:00:00Z</updated>
<content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry></feed>""", encoding="utf-8")
    a, b = read([rss, atom])
    assert a.title == "بوتين في بكين" and a.url == "http://example.org/1" and a.published.startswith("Thu")
    assert b.id == "tag:2" and b.url == "http://example.org/2" and "بوتين" in b.html


def test_folder_is_recursive_and_manifest_supplies_metadata(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "manifest.jsonl").write_text(
        json.dumps({"id": "A-1", "path": "a.txt", "published": "2024-05-16", "outlet": "CNN Arabic"}) + "\n",
        encoding="utf-8")
    a, b = read([tmp_path])
    assert (a.id, a.published, a.outlet) == ("A-1", "2024-05-16", "CNN Arabic")
    assert b.id == "b" and b.published is None


def test_limits_and_missing_paths_give_read_errors(tmp_path: Path):
    big = tmp_path / "big.txt"
    big.write_text("ب" * 5000, encoding="utf-8")
    [e] = read([big], max_line_chars=1000)
    assert isinstance(e, ReadError) and "--max-line" in e.reason
    [e2] = read([tmp_path / "nope.txt"])
    assert e2.reason == "no such file or folder"
