"""Entities, events and the timeline across articles."""

from __future__ import annotations

from test_corpus_build import CHINA, PUTIN, call, flood, make_article, visit_a, visit_b

from marsad.corpus.entities import merge_entities
from marsad.corpus.events import merge_events
from marsad.corpus.timeline import build_timeline
from marsad.model import TimeExpr

RUSSIA_ = ("wd:Q159", "GPE")
UKRAINE = ("wd:Q212", "GPE")


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


def test_statements_are_dated_when_made_not_by_the_years_they_mention():
    text = "وقال بوتين إن العلاقات بين روسيا والصين لم تكن أفضل منذ عام 1949."
    a = make_article("h", text, "2024-05-16", "A", entities={"بوتين": PUTIN},
                     quotes=[("العلاقات بين روسيا والصين لم تكن أفضل منذ عام 1949", PUTIN[0])])
    a.times.append(TimeExpr(start=text.index("1949"), end=text.index("1949") + 4, text="1949", type="DATE", value="1949"))
    (item,) = build_timeline([a], [])
    assert item["time"] == "2024-05-16"


def test_undated_events_merge_only_within_a_story():
    arts = []
    for n in range(3):
        text = "قصفت القوات الروسية مواقع في أوكرانيا."
        arts.append(make_article(f"w{n}", text, None, f"O{n}", entities={"القوات الروسية": RUSSIA_, "أوكرانيا": UKRAINE},
                                 events=[{"code": "190", "trigger": "قصفت", "source": RUSSIA_[0], "target": UKRAINE[0]}]))
    evs = merge_events(arts, story={"w0": "s1", "w1": "s1", "w2": "s2"})
    assert sorted(e["articles"] for e in evs) == [["w0", "w1"], ["w2"]]
    assert all(e["time"] is None for e in evs)
