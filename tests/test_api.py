"""The JSON API over a store, with FastAPI's test client."""

from __future__ import annotations

import inspect
import sys
import warnings
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from marsad.serve.app import create_app
from marsad.store.commands import serve_cmd
from marsad.store.db import StoreError
from marsad.store.update import update

sys.path.insert(0, str(Path(__file__).parent))
from test_store_sample import sample_articles  # noqa: E402


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = tmp_path_factory.mktemp("api") / "m.db"
    update(db, sample_articles())
    return TestClient(create_app(db))


def test_health(client: TestClient):
    r = client.get("/api/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and body["articles"] == 4
    assert (body["first_day"], body["last_day"]) == ("2022-12-30", "2024-05-17")


def test_openapi_lists_the_routes(client: TestClient):
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/health", "/api/articles", "/api/articles/{article_id}", "/api/search", "/api/entities",
              "/api/entities/{entity_id}", "/api/quotes", "/api/events", "/api/stories", "/api/claims",
              "/api/timeline"):
        assert p in paths, p
    assert all(set(ops) == {"get"} for ops in paths.values())  # read-only: GET only
    assert client.post("/api/articles").status_code == 405


def test_articles_paged_and_filtered(client: TestClient):
    r = client.get("/api/articles", params={"limit": 2})
    body = r.json()
    assert body["total"] == 4 and [a["id"] for a in body["items"]] == ["a2", "a1"]
    r = client.get("/api/articles", params={"limit": 2, "offset": 2})
    assert [a["id"] for a in r.json()["items"]] == ["a3", "a4"]
    r = client.get("/api/articles", params={"theme": "energy"})
    assert {a["id"] for a in r.json()["items"]} == {"a1", "a3"}
    r = client.get("/api/articles", params={"start": "2024-01-01", "outlet": "RT Arabic"})
    assert [a["id"] for a in r.json()["items"]] == ["a1"]


def test_article_detail_has_record_story_and_names(client: TestClient):
    body = client.get("/api/articles/a2").json()
    art = body["article"]
    assert art["schema"] == "marsad.article/1" and art["id"] == "a2"
    q = art["quotes"][0]
    assert art["text"][q["start"]:q["end"]] == q["text"]
    assert body["names"]["wd:Q15031"]["name"] == "شي جين بينغ"
    assert body["story"]["articles"] >= 1
    assert client.get("/api/articles/nope").status_code == 404


def test_search_route(client: TestClient):
    body = client.get("/api/search", params={"q": "بوتين", "entity": "wd:Q15031"}).json()
    assert {h["id"] for h in body["items"]} == {"a2", "a4"}
    assert body["took_ms"] < 50
    hit = next(h for h in body["items"] if h["id"] == "a2")
    s, e = hit["marks"][0]
    assert hit["snippet"][s:e] == "لبوتين"
    body = client.get("/api/search", params={"q": "الطاقة", "event": "057"}).json()
    assert [h["id"] for h in body["items"]] == ["a3"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/search",  # q required
        "/api/search?q=",  # empty
        "/api/search?q=" + "ب" * 301,  # too long
        "/api/search?q=x&limit=0",
        "/api/search?q=x&limit=1000",
        "/api/search?q=x&offset=-1",
        "/api/search?q=x&start=yesterday",
        "/api/search?q=x&event=04;DROP",
        "/api/articles?theme=a%20b",
        "/api/claims?status=maybe",
        "/api/entities?type=PERSON",
        "/api/volume?by=week",
        "/api/cooccurrence?top=1000",
    ],
)
def test_invalid_parameters_are_rejected(client: TestClient, url: str):
    assert client.get(url).status_code == 422


def test_no_path_from_a_request(client: TestClient):
    for url in ("/api/articles/..%2F..%2Fetc%2Fpasswd", "/static/../../pyproject.toml", "/static/%2e%2e/app.py"):
        r = client.get(url)
        assert r.status_code in (404, 422), url
        assert "root:" not in r.text and "[project]" not in r.text and "import" not in r.text


def test_entities_and_entity_page(client: TestClient):
    body = client.get("/api/entities", params={"limit": 2}).json()
    assert body["total"] == 6
    assert body["items"][0]["id"] == "wd:Q7747" and body["items"][0]["articles"] == 4
    assert client.get("/api/entities", params={"type": "PER"}).json()["total"] == 2
    assert client.get("/api/entities", params={"q": "الصين"}).json()["items"][0]["id"] == "wd:Q148"

    e = client.get("/api/entities/wd:Q7747").json()
    assert e["name"] == "فلاديمير بوتين" and e["type"] == "PER"
    assert set(e["variants"]) == {"فلاديمير بوتين", "بوتين"}
    assert e["roles"][0]["role"] == "الرئيس الروسي"
    assert [q["text"] for q in e["quotes_by"]["items"]] == ["روسيا مورد موثوق للطاقة للاقتصاد الصيني"]
    assert {v["code"] for v in e["events"]} == {"040", "042", "043"}
    assert [t["month"] for t in e["timeline"]] == ["2022-12", "2023-03", "2024-05"]
    assert e["related"][0]["id"] == "wd:Q148"
    # quotes about: a quote that mentions China, said by someone else
    china = client.get("/api/entities/wd:Q148").json()
    assert {q["article"] for q in china["quotes_about"]["items"]} == {"a2"}
    assert client.get("/api/entities/wd:Q0").status_code == 404


def test_quotes_by_speaker(client: TestClient):
    body = client.get("/api/quotes", params={"speaker": "wd:Q15031"}).json()
    assert body["total"] == 1
    q = body["items"][0]
    assert (q["speaker_name"], q["cue"], q["article"]) == ("شي جين بينغ", "وأكد", "a2")
    assert client.get("/api/quotes").json()["total"] == 3


def test_corpus_routes(client: TestClient):
    ev = client.get("/api/events").json()
    assert ev["total"] >= 1
    assert all(set(e) >= {"code", "label", "source", "target", "time", "articles"} for e in ev["items"])
    assert all(e["code"].startswith("04") for e in client.get("/api/events", params={"code": "04"}).json()["items"])
    st = client.get("/api/stories").json()
    assert sum(s["n_articles"] for s in st["items"]) == 4
    one = st["items"][0]
    assert client.get(f"/api/stories/{one['id']}").json()["articles"] == one["articles"]
    assert client.get("/api/stories/none").status_code == 404
    cl = client.get("/api/claims", params={"status": "conflict"}).json()
    assert all(c["status"] == "conflict" for c in cl["items"])
    tl = client.get("/api/timeline").json()
    times = [t["time"] for t in tl["items"]]
    assert times == sorted(times)
    assert client.get("/api/volume", params={"by": "year"}).json() == [
        {"period": "2022", "articles": 1}, {"period": "2023", "articles": 1}, {"period": "2024", "articles": 2}]
    co = client.get("/api/cooccurrence", params={"top": 3}).json()
    assert [n["id"] for n in co["nodes"]][:1] == ["wd:Q7747"]
    assert {"a": "wd:Q15031", "b": "wd:Q7747", "articles": 2} in co["edges"]


def test_no_cdn_docs_pages(client: TestClient):
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN


def test_dashboard_is_served(client: TestClient):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert '<html dir="rtl" lang="ar">' in r.text
    assert client.get("/static/app.js").status_code == 200


def test_app_refuses_a_missing_store(tmp_path: Path):
    with pytest.raises(StoreError):
        create_app(tmp_path / "none.db")


def test_serve_binds_localhost_by_default():
    assert inspect.signature(serve_cmd).parameters["host"].default == "127.0.0.1"
