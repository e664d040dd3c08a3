"""The dashboard: static checks, and a real headless Chromium (Debian's /usr/bin/chromium, driven by
the playwright Python package with executable_path; no browser download)."""

from __future__ import annotations

import re
import socket
import sys
import threading
import time
from pathlib import Path

import pytest

from marsad.serve.app import STATIC
from marsad.store.update import update

sys.path.insert(0, str(Path(__file__).parent))
from test_store_sample import sample_articles  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")


def test_page_is_arabic_rtl_and_self_contained():
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    assert '<html dir="rtl" lang="ar">' in html
    for f in STATIC.iterdir():
        text = f.read_text(encoding="utf-8")
        urls = re.findall(r"(?:https?:)?//[\w.-]+\.[a-z]{2,}[^\s\"')]*", text)
        external = [u for u in urls if "www.w3.org/2000/svg" not in u]
        assert not external, f"{f.name} refers to {external}"  # works offline: no CDN
        assert "innerHTML" not in text, f"{f.name}: build DOM from text nodes only"


def _browser_or_skip():
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium not installed (/usr/bin/chromium); .ci/run installs it with apt-get")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright Python package is not installed (pip install playwright; no browser download)")
    return sync_playwright


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    _browser_or_skip()
    import uvicorn

    from marsad.serve.app import create_app

    db = tmp_path_factory.mktemp("dash") / "m.db"
    update(db, sample_articles())
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    t = threading.Thread(target=srv.run, daemon=True)
    t.start()
    deadline = time.monotonic() + 10
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    t.join(5)


@pytest.fixture(scope="module")
def page(server: str):
    sync_playwright = _browser_or_skip()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        pg = browser.new_page(viewport={"width": 1280, "height": 900})
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.errors = errors  # type: ignore[attr-defined]
        pg.set_default_timeout(10_000)
        yield pg
        browser.close()


def _go(page, server: str, route: str = "") -> None:
    page.goto(f"{server}/{route}")


@pytest.mark.browser
def test_renders_right_to_left(page, server: str):
    _go(page, server)
    page.wait_for_selector("#stories li")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("document.documentElement.lang") == "ar"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    # right to left for real: the brand (first in the header) sits at the right edge
    brand = page.locator(".brand").bounding_box()
    assert brand["x"] > 640
    n_stories = page.evaluate("fetch('/api/stories').then((r) => r.json()).then((j) => j.total)")
    assert page.locator("#stories li").count() == n_stories >= 1
    assert page.locator("svg.timeline-chart rect.bar").count() == 3
    assert page.locator("svg.cooccurrence .node").count() == 6
    assert page.errors == []  # type: ignore[attr-defined]


@pytest.mark.browser
def test_search_shows_results(page, server: str):
    _go(page, server)
    page.fill("#q", "بوتين")
    page.press("#q", "Enter")
    page.wait_for_selector("#results li")
    assert page.locator("#results li").count() == 4
    assert "4" in page.inner_text("#result-count")
    marks = page.locator("#results mark").all_inner_texts()
    assert "لبوتين" in marks and "بوتين" in marks
    # the theme filter narrows the results (energy: a1 and a3)
    page.select_option("#f-theme", "energy")
    page.press("#q", "Enter")
    page.wait_for_function("document.querySelectorAll('#results li').length === 2")
    page.select_option("#f-theme", "")
    page.press("#q", "Enter")
    page.wait_for_function("document.querySelectorAll('#results li').length === 4")
    page.locator("#results .result-link", has_text="شي جين بينغ يستقبل بوتين").click()
    page.wait_for_selector("#article-text")
    assert page.inner_text("#article-title") == "شي جين بينغ يستقبل بوتين"


@pytest.mark.browser
def test_clicking_a_story_opens_its_article(page, server: str):
    _go(page, server)
    page.wait_for_selector("#stories li")
    # the story holding a3 (stories are made by the corpus layer; the first article is shown)
    story = page.evaluate(
        "fetch('/api/articles/a3').then((r) => r.json()).then((j) => j.story.id)"
    )
    first = page.evaluate(f"fetch('/api/stories/{story}').then((r) => r.json()).then((j) => j.articles[0])")
    page.locator(f'.story-link[href="#/story/{story}"]').click()
    page.wait_for_selector("#article-text")
    assert page.inner_text("#article-title") == first["title"]
    # open a3 from the story's list and check its layers
    page.locator("#story .result-link", has_text="مباحثات روسية صينية في موسكو").click()
    page.wait_for_function("document.querySelector('#article-title')?.innerText === 'مباحثات روسية صينية في موسكو'")
    assert "أجرى الرئيس الصيني محادثات مع بوتين" in page.inner_text("#article-text")
    # layers are highlighted, and a click shows what was extracted
    assert page.locator("#article-text .seg.ent").count() >= 2
    assert page.locator("#article-text .seg.amt", has_text="30%").count() == 1
    page.locator("#article-text .seg.amt").first.click()
    assert page.is_visible("#detail")
    detail = page.inner_text("#detail-body")
    assert "نسبة" in detail and "30" in detail and "oil exports" in detail


@pytest.mark.browser
def test_quotes_are_coloured_by_speaker_and_explained(page, server: str):
    _go(page, server, "#/article/a1")
    page.wait_for_selector("#article-text .seg.q")
    quote = page.locator("#article-text .seg.q").first
    assert "--qc" in (quote.get_attribute("style") or "")
    assert "فلاديمير بوتين" in (quote.get_attribute("title") or "")
    quote.click()
    assert "فلاديمير بوتين" in page.inner_text("#detail-body")


@pytest.mark.browser
def test_entity_page_conflicts_and_timeline(page, server: str):
    _go(page, server, "#/entity/wd%3AQ7747")
    page.wait_for_selector("#entity")
    text = page.inner_text("#entity")
    assert "فلاديمير بوتين" in text and "الرئيس الروسي" in text
    assert "روسيا مورد موثوق للطاقة للاقتصاد الصيني" in text
    assert page.locator("#entity svg.timeline-chart rect.bar").count() == 3
    page.click("text=كل المقالات التي تذكره")
    page.wait_for_selector("#results li")
    assert page.locator("#results li").count() == 4

    _go(page, server, "#/conflicts")
    page.wait_for_selector("h2")
    if page.locator("#conflicts").count():
        assert page.locator("#conflicts tbody tr").count() >= 1

    _go(page, server, "#/timeline")
    page.wait_for_selector("svg.timeline-chart")
    assert page.locator("svg.timeline-chart rect.bar").count() == 3
    assert page.errors == []  # type: ignore[attr-defined]
