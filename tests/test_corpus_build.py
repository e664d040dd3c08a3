"""Builders for the corpus tests (realistic Arabic articles with hand-made layers), and tests
of the per-article features they rely on."""

from __future__ import annotations

import re

from marsad.corpus.features import lexer, prepare
from marsad.model import Amount, Article, Entity, Event, Mention, Published, Quote, Source, Span, Theme
from marsad.text.segment import sentences

PUTIN = ("wd:Q7747", "PER")
XI = ("wd:Q15031", "PER")
RUSSIA = ("wd:Q159", "GPE")
CHINA = ("wd:Q148", "GPE")
KREMLIN = ("m:kremlin", "ORG")


def _find(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    hits = [m.start() for m in re.finditer(re.escape(needle), text)]
    start = hits[nth]
    return start, start + len(needle)


def _span(text: str, needle: str, nth: int = 0) -> Span:
    s, e = _find(text, needle, nth)
    return Span(start=s, end=e, text=text[s:e])


def make_article(aid: str, text: str, published: str | None = None, outlet: str | None = None,
                 title: str | None = None, entities: dict[str, tuple[str, str]] | None = None,
                 amounts: list[dict] | None = None, quotes: list[tuple[str, str | None]] | None = None,
                 events: list[dict] | None = None, themes: list[str] | None = None) -> Article:
    """An Article whose layers point at real substrings of `text`.

    entities: surface form -> (id, type), every occurrence becomes a mention;
    amounts: dicts with "text" (a substring) and Amount fields; quotes: (substring, speaker id);
    events: dicts with "trigger" (a substring) and Event fields."""
    ents: dict[str, Entity] = {}
    for surface, (eid, etype) in (entities or {}).items():
        for m in re.finditer(re.escape(surface), text):
            e = ents.setdefault(eid, Entity(id=eid, type=etype, name=surface, name_en=None, mentions=[]))  # type: ignore[arg-type]
            e.mentions.append(Mention(start=m.start(), end=m.end(), text=surface))
    amts = []
    for a in amounts or []:
        sp = _span(text, a["text"], a.get("nth", 0))
        amts.append(Amount(start=sp.start, end=sp.end, text=sp.text, kind=a.get("kind", "money"), value=a["value"],
                           unit=a.get("unit"), measure=a.get("measure"), period=a.get("period"),
                           qualifier=a.get("qualifier")))
    qs = []
    for q, speaker in quotes or []:
        sp = _span(text, q)
        qs.append(Quote(start=sp.start, end=sp.end, text=sp.text, kind="direct", speaker=speaker, cue=None))
    evs = [Event(code=e["code"], label=e.get("label", e["code"]), trigger=_span(text, e["trigger"]), source=e.get("source"),
                 target=e.get("target"), time=e.get("time"), location=e.get("location")) for e in events or []]
    return Article(
        id=aid, source=Source(outlet=outlet), title=title,
        published=Published(value=published, method="metadata") if published else None,
        text=text, sentences=sentences(text), entities=list(ents.values()), amounts=amts, quotes=qs, events=evs,
        themes=[Theme(code=t, score=0.5) for t in themes or []],
    )


VISIT_A = (
    "وصل الرئيس الروسي فلاديمير بوتين إلى بكين الخميس في زيارة دولة تستمر يومين يلتقي خلالها نظيره الصيني شي جين بينغ. "
    "وقال بوتين إن روسيا والصين تعملان معا لبناء عالم متعدد الأقطاب. "
    "وأضاف أن 90 % من التبادل التجاري بين روسيا والصين يتم بالعملتين الوطنيتين.")
VISIT_B = (
    "اختتم بوتين زيارته إلى الصين الجمعة بجولة في مدينة هاربين شمال شرق البلاد. "
    "وتقدم الصين شريان حياة اقتصاديا لروسيا حيث بلغت التجارة بين روسيا والصين 240 مليار دولار في عام 2023. "
    "وذكرت وكالة شينخوا أن شي جين بينغ وبوتين ناقشا الأزمة الأوكرانية.")
CALL = (
    "أجرى الرئيس الصيني شي جين بينغ اتصالا هاتفيا مع بوتين تعهدا خلاله بتعزيز التعاون الصناعي. "
    "وتفاخر الكرملين بأن حجم التجارة بين روسيا والصين بلغ مستوى قياسيا قدره 228 مليار دولار في عام 2023. "
    "وقال الكرملين إن 90 في المائة من المعاملات بين البلدين تتم بالروبل أو اليوان.")
FLOOD = (
    "أعلن الدفاع المدني في المغرب ارتفاع حصيلة ضحايا الفيضانات في مدينة آسفي إلى 37 قتيلا. "
    "وغمرت المياه عشرات المنازل والمحلات التجارية في المدينة القديمة بعد أمطار غزيرة. "
    "وقالت السلطات المحلية إن فرق الإنقاذ ما زالت تبحث عن مفقودين.")

SEED_ENTS = {"بوتين": PUTIN, "شي جين بينغ": XI, "روسيا": RUSSIA, "الصين": CHINA, "الكرملين": KREMLIN}


def visit_a() -> Article:
    return make_article("visit-a", VISIT_A, "2024-05-16", "Outlet A", "بوتين في بكين لتعزيز الشراكة مع الصين",
                        entities=SEED_ENTS,
                        amounts=[{"text": "90 %", "kind": "percent", "value": 90, "unit": "%",
                                  "measure": "share of trade settled in national currencies"}],
                        quotes=[("90 % من التبادل التجاري بين روسيا والصين يتم بالعملتين الوطنيتين", PUTIN[0])],
                        events=[{"code": "042", "label": "visit", "trigger": "وصل", "source": PUTIN[0], "target": CHINA[0],
                                 "time": "2024-05-16"}], themes=["DIPLOMACY", "TRADE"])


def visit_b() -> Article:
    return make_article("visit-b", VISIT_B, "2024-05-17", "Outlet B", "بوتين يختتم زيارته للصين",
                        entities=SEED_ENTS,
                        amounts=[{"text": "240 مليار دولار", "value": 240e9, "unit": "USD", "measure": "trade volume",
                                  "period": "2023"}],
                        events=[{"code": "042", "label": "visit", "trigger": "زيارته", "source": PUTIN[0],
                                 "target": CHINA[0], "time": "2024-05-16"}], themes=["DIPLOMACY", "WAR_CONFLICT"])


def call() -> Article:
    return make_article("call", CALL, "2024-02-08", "Outlet C", "شي وبوتين يتعهدان بتعاون صناعي أقوى",
                        entities=SEED_ENTS,
                        amounts=[{"text": "228 مليار دولار", "value": 228e9, "unit": "USD", "measure": "trade volume",
                                  "period": "2023"},
                                 {"text": "90 في المائة", "kind": "percent", "value": 90, "unit": "%",
                                  "measure": "share of trade settled in national currencies"}],
                        quotes=[("حجم التجارة بين روسيا والصين بلغ مستوى قياسيا قدره 228 مليار دولار في عام 2023", KREMLIN[0])],
                        events=[{"code": "036", "label": "express intent to cooperate", "trigger": "تعهدا",
                                 "source": XI[0], "target": PUTIN[0], "time": "2024-02-08"}], themes=["TRADE", "INDUSTRY"])


def flood() -> Article:
    return make_article("flood", FLOOD, "2024-05-16", "Outlet D", "ارتفاع حصيلة ضحايا فيضانات آسفي",
                        entities={"المغرب": ("wd:Q1028", "GPE"), "آسفي": ("m:safi", "GPE")},
                        amounts=[{"text": "37 قتيلا", "kind": "count", "value": 37, "unit": None, "measure": "deaths"}],
                        themes=["DISASTER"])


def test_builder_spans_are_honest():
    for a in (visit_a(), visit_b(), call(), flood()):
        for e in a.entities:
            assert all(a.text[m.start:m.end] == m.text for m in e.mentions)
        assert all(a.text[x.start:x.end] == x.text for x in [*a.amounts, *a.quotes])


def test_words_are_normalised_and_stripped_of_punctuation():
    assert lexer().words("أكّد «بوتين»، أنَّ التجارةَ بلغت ٢٤٠ مليار") == ["اكد", "بوتين", "ان", "التجاره", "بلغت", "240", "مليار"]


def test_terms_drop_stop_words_and_proclitics():
    lx = lexer()
    assert lx.terms(lx.words("وقال الرئيس في البيان إن التجارة مع الصين والهند 2023")) == ["رييس", "بيان", "تجاره", "صين", "هند"]
    # a short word keeps its first letters: "الهند" loses only "ال"
    assert lx.terms(["بالصين"]) == ["صين"]


def test_prepare_keeps_sentences_and_title_terms():
    p = prepare(visit_a())
    assert len(p.sent_keys) == 3 and p.sent_keys[1].startswith("وقال بوتين")
    assert p.terms.count("بكين") >= 3  # twice from the title, once from the body
