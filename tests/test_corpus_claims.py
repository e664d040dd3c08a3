"""Claims across articles: grouping, parties, attribution, agreement and conflict."""

from __future__ import annotations

from test_corpus_build import CHINA, RUSSIA, call, make_article, visit_a, visit_b

from marsad.corpus.claims import collect_claims, status


def _claim(claims, measure, status_=None):
    found = [c for c in claims if c["measure"] == measure and (status_ is None or c["status"] == status_)]
    assert found, f"no claim {measure} {status_}: {claims}"
    return found[0]


def test_trade_volume_reported_as_228_and_240_billion_is_a_conflict():
    claims = collect_claims([visit_b(), call()])
    c = _claim(claims, "trade volume")
    assert c["status"] == "conflict"
    assert sorted(v["value"] for v in c["values"]) == [228e9, 240e9]
    assert c["parties"] == sorted([RUSSIA[0], CHINA[0]])
    assert c["period"] == "2023" and c["unit"] == "USD"
    assert {v["text"] for v in c["values"]} == {"228 مليار دولار", "240 مليار دولار"}


def test_attribution_comes_from_the_quote_around_the_figure():
    c = _claim(collect_claims([visit_b(), call()]), "trade volume")
    by_article = {v["article"]: v["attributed_to"] for v in c["values"]}
    assert by_article == {"call": "m:kremlin", "visit-b": None}


def test_same_share_in_two_stories_of_one_thread_agrees():
    arts = [visit_a(), call()]
    c = _claim(collect_claims(arts, story={"visit-a": "s1", "call": "s2"}, thread={"visit-a": "t1", "call": "t1"}),
               "share of trade settled in national currencies")
    assert c["status"] == "agree"
    assert sorted(v["article"] for v in c["values"]) == ["call", "visit-a"]


def test_periodless_figures_of_different_stories_are_not_compared():
    arts = [visit_a(), call()]
    claims = collect_claims(arts, story={"visit-a": "s1", "call": "s2"}, thread={})
    shares = [c for c in claims if c["measure"] == "share of trade settled in national currencies"]
    assert [c["status"] for c in shares] == ["single", "single"]


def test_generic_measures_and_unmeasured_figures_make_no_claims():
    text = "ارتفع المؤشر بنسبة 5 % في روسيا، وقال التقرير إن 12 شركة صينية دخلت السوق."
    a = make_article("g", text, "2024-01-01", "X", entities={"روسيا": RUSSIA},
                     amounts=[{"text": "5 %", "kind": "percent", "value": 5, "unit": "%", "measure": "increase"},
                              {"text": "12 شركة", "kind": "count", "value": 12, "unit": None, "measure": None}])
    assert collect_claims([a]) == []


def test_parties_fall_back_to_the_articles_most_mentioned_countries():
    text = ("تعمل روسيا والصين على توسيع التعاون. وقالت روسيا إن الصين شريك موثوق. "
            "وبلغت قيمة الصفقة 15 مليار دولار خلال العام الماضي.")
    a = make_article("f", text, "2024-01-01", "X", entities={"روسيا": RUSSIA, "الصين": CHINA},
                     amounts=[{"text": "15 مليار دولار", "value": 15e9, "unit": "USD", "measure": "deal value",
                               "period": "2023"}])
    (c,) = collect_claims([a])
    assert c["parties"] == sorted([RUSSIA[0], CHINA[0]]) and c["status"] == "single"


def test_status_tolerance_and_ambiguous_articles():
    v = [{"article": "a", "value": 100.0}, {"article": "b", "value": 101.0}]
    assert status(v, 0.02) == "agree"
    assert status(v, 0.005) == "conflict"
    assert status([{"article": "a", "value": 100.0}, {"article": "a", "value": 200.0}], 0.02) == "single"
    # an article that gives two different values does not vote
    amb = [{"article": "a", "value": 200.0}, {"article": "a", "value": 228.0}, {"article": "b", "value": 240.0}]
    assert status(amb, 0.02) == "single"


def test_far_apart_values_are_different_figures_not_a_conflict():
    t1 = "قال وزير النفط إن إنتاج روسيا بلغ 4.1 مليون برميل يوميا في يونيو."
    t2 = "أفاد تقرير بأن إنتاج روسيا بلغ 31.7 مليون برميل يوميا في يونيو."
    arts = [make_article(f"o{i}", t, "2015-07-01", f"Outlet {i}", entities={"روسيا": RUSSIA},
                         amounts=[{"text": x, "kind": "quantity", "value": v, "unit": "bbl/d", "measure": "production",
                                   "period": "2015-06"}])
            for i, (t, x, v) in enumerate([(t1, "4.1 مليون برميل", 4.1e6), (t2, "31.7 مليون برميل", 31.7e6)])]
    assert [c["status"] for c in collect_claims(arts)] == ["single", "single"]


def test_figures_about_no_named_party_never_conflict():
    arts = [make_article(f"n{i}", f"وبلغ معدل النمو {x} في المائة خلال عام 2014 حسب التقرير.", "2015-07-01", f"Outlet {i}",
                         amounts=[{"text": f"{x} في المائة", "kind": "percent", "value": x, "unit": "%",
                                   "measure": "growth", "period": "2014"}])
            for i, x in enumerate([7.1, 5.8])]
    assert [c["status"] for c in collect_claims(arts)] == ["single", "single"]
