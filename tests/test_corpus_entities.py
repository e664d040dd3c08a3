"""Entities, events and the timeline across articles."""

from __future__ import annotations

from test_corpus_build import CHINA, PUTIN, call, flood, make_article, visit_a, visit_b

from marsad.corpus.entities import merge_entities
from marsad.corpus.events import merge_events
from marsad.corpus.timeline import build_timeline


def test_entities_merge_by_id_with_counts():
    ents = {e["id"]: e for e in merge_entities([visit_a(), visit_b(), call(), flood()])}
    putin = ents[PUTIN[0]]
    assert putin["articles"] == 3
    assert putin["mentions"] == sum(a.text.count("بوتين") for a in (visit_a(), visit_b(), call()))
    assert "بوتين" in putin["variants"]
    assert ents["wd:Q1028"]["articles"] == 1


def test_project_ids_merge_by_normalised_name():
    a = make_article("a", "قال المتحدث باسم حركة أمل إن الاجتماع انتهى.", None, "A",
                     entities={"حركة أمل": ("m:amal-1", "ORG")})
    b = make_article("b", "أكدت حركة امل أن مرشحيها فازوا.", None, "B", entities={"حركة امل": ("m:amal-2", "ORG")})
    (e,) = merge_entities([a, b])
    assert e["articles"] == 2 and e["mentions"] == 2
    assert set(e["variants"]) == {"حركة أمل", "حركة امل"}


def test_one_visit_reported_by_two_outlets_is_one_event():
    evs = merge_events([visit_a(), visit_b(), call()])
    visit = [e for e in evs if e["code"].startswith("04")]
    assert len(visit) == 1
    (v,) = visit
    assert v["articles"] == ["visit-a", "visit-b"]
    assert (v["num_articles"], v["num_sources"]) == (2, 2)
    assert (v["source"], v["target"], v["time"]) == (PUTIN[0], CHINA[0], "2024-05-16")


def test_events_weeks_apart_stay_separate():
    late = visit_b()
    for e in late.events:
        e.time = "2024-07-01"
    evs = merge_events([visit_a(), late])
    assert sorted(e["time"] for e in evs) == ["2024-05-16", "2024-07-01"]


def test_timeline_is_in_time_order_with_articles():
    arts = [visit_a(), visit_b(), call()]
    items = build_timeline(arts, merge_events(arts))
    times = [it["time"] for it in items]
    assert times == sorted(times)
    assert times[0].startswith("2024-02-08")
    kinds = {it["kind"] for it in items}
    assert kinds == {"event", "statement"}
    ev = next(it for it in items if it["kind"] == "event" and it["code"] == "042")
    assert ev["articles"] == ["visit-a", "visit-b"]
    st = next(it for it in items if it["kind"] == "statement" and it["speaker"] == "m:kremlin")
    assert "228" in st["text"]
