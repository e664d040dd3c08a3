"""Realistic analysed articles for the store, API and dashboard tests (no tests here).

Texts are short Arabic news paragraphs in the style of the seeds; layers are placed by finding
their words in the text, so every span satisfies text[start:end] == span.text.
"""

from __future__ import annotations

from marsad.model import (
    Amount,
    Article,
    Citation,
    Entity,
    Event,
    Mention,
    Published,
    Quote,
    Source,
    Span,
    Theme,
    TimeExpr,
)
from marsad.text.segment import sentences

ENTITIES = {
    "wd:Q7747": ("PER", "فلاديمير بوتين", "Vladimir Putin"),
    "wd:Q15031": ("PER", "شي جين بينغ", "Xi Jinping"),
    "wd:Q159": ("GPE", "روسيا", "Russia"),
    "wd:Q148": ("GPE", "الصين", "China"),
    "wd:Q40080": ("ORG", "تاس", "TASS"),
    "wd:Q956": ("GPE", "بكين", "Beijing"),
}

TEXTS = [
    (
        "a1", "RT Arabic", "2024-05-16", "بوتين يصل إلى بكين في زيارة رسمية",
        "وصل الرئيس الروسي فلاديمير بوتين إلى بكين يوم الخميس في زيارة رسمية تستمر يومين. "
        "وقال بوتين إن \"روسيا مورد موثوق للطاقة للاقتصاد الصيني\". "
        "وبلغ حجم التبادل التجاري بين روسيا والصين 240 مليار دولار العام الماضي، بحسب وكالة تاس.",
    ),
    (
        "a2", "Al Jazeera", "2024-05-17", "شي جين بينغ يستقبل بوتين",
        "استقبل الرئيس الصيني شي جين بينغ نظيره لبوتين في قاعة الشعب الكبرى. "
        "وأكد شي أن العلاقات بين الصين وروسيا تمر بأفضل مراحلها. "
        "وقدرت بكين حجم التجارة الثنائية بنحو 228 مليار دولار في عام 2023.",
    ),
    (
        "a3", "Sky News Arabia", "2023-03-21", "مباحثات روسية صينية في موسكو",
        "أجرى الرئيس الصيني محادثات مع بوتين في موسكو يوم الثلاثاء. "
        "وقالت الخارجية الروسية إن الجانبين وقعا اتفاقيات للتعاون في مجال الطاقة والغاز. "
        "وارتفعت صادرات النفط الروسي إلى الصين بنسبة 30% خلال العام.",
    ),
    (
        "a4", "RT Arabic", "2022-12-30", "اتصال مرئي بين بوتين وشي",
        "أجرى فلاديمير بوتين اتصالا مرئيا مع شي جين بينغ يوم الجمعة. "
        "ودعا بوتين نظيره الصيني إلى زيارة موسكو في ربيع العام المقبل.",
    ),
]


def _span(text: str, word: str, nth: int = 0) -> Span:
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(word, pos + 1)
    return Span(start=pos, end=pos + len(word), text=word)


def _mentions(text: str, word: str) -> list[Mention]:
    out, pos = [], text.find(word)
    while pos >= 0:
        after = text[pos + len(word) : pos + len(word) + 1]
        if after.isalpha():  # inside a longer word ("الصيني")
            pos = text.find(word, pos + 1)
            continue
        out.append(Mention(start=pos, end=pos + len(word), text=word, form="name", rule="test"))
        pos = text.find(word, pos + len(word))
    return out


def _entities(text: str, names: dict[str, list[str]]) -> list[Entity]:
    ents = []
    for eid, words in names.items():
        ms: list[Mention] = []
        for w in words:  # longer names first; a shorter one inside a longer mention is skipped
            ms += [m for m in _mentions(text, w) if not any(x.start <= m.start and m.end <= x.end for x in ms)]
        if ms:
            t, name, en = ENTITIES[eid]
            ents.append(Entity(id=eid, type=t, name=name, name_en=en, mentions=sorted(ms, key=lambda m: m.start),
                               roles=["الرئيس الروسي"] if eid == "wd:Q7747" else []))
    return ents


def _quote(text: str, body: str, cue: str, speaker: str | None, kind: str = "direct") -> Quote:
    s = _span(text, body)
    return Quote(start=s.start, end=s.end, text=s.text, kind=kind, speaker=speaker, cue=_span(text, cue),  # type: ignore[arg-type]
                 rule="test")


def _amount(text: str, words: str, value: float, kind: str, unit: str | None, measure: str | None) -> Amount:
    s = _span(text, words)
    return Amount(start=s.start, end=s.end, text=s.text, kind=kind, value=value, unit=unit, measure=measure)  # type: ignore[arg-type]


def _time(text: str, words: str, value: str, t: str = "DATE") -> TimeExpr:
    s = _span(text, words)
    return TimeExpr(start=s.start, end=s.end, text=s.text, type=t, value=value)  # type: ignore[arg-type]


def sample_articles() -> list[Article]:
    arts = []
    for aid, outlet, day, title, text in TEXTS:
        names = {
            "wd:Q7747": ["فلاديمير بوتين", "بوتين"],
            "wd:Q15031": ["شي جين بينغ"],
            "wd:Q159": ["روسيا"],
            "wd:Q148": ["الصين"],
            "wd:Q40080": ["تاس"],
            "wd:Q956": ["بكين"],
        }
        ents = _entities(text, names)
        art = Article(id=aid, source=Source(path=f"{aid}.txt", url=None, outlet=outlet), title=title,
                      published=Published(value=day, method="metadata"), text=text, sentences=sentences(text))
        art.entities = ents
        arts.append(art)
    a1, a2, a3, a4 = arts
    a1.quotes = [_quote(a1.text, "روسيا مورد موثوق للطاقة للاقتصاد الصيني", "وقال", "wd:Q7747")]
    cit = _span(a1.text, "بحسب وكالة تاس")
    a1.citations = [Citation(start=cit.start, end=cit.end, text=cit.text, source="wd:Q40080", rule="test")]
    a1.amounts = [_amount(a1.text, "240 مليار دولار", 240e9, "money", "USD", "trade volume")]
    a1.times = [_time(a1.text, "يوم الخميس", "2024-05-16"), _time(a1.text, "العام الماضي", "2023")]
    a1.events = [Event(code="042", label="Make a visit", trigger=_span(a1.text, "زيارة"), source="wd:Q7747",
                       target="wd:Q148", time="2024-05-16", location="wd:Q956", rule="test")]
    a1.themes = [Theme(code="energy", score=0.8, evidence=[_span(a1.text, "للطاقة")]),
                 Theme(code="trade", score=0.6, evidence=[_span(a1.text, "التبادل التجاري")])]
    a2.quotes = [_quote(a2.text, "العلاقات بين الصين وروسيا تمر بأفضل مراحلها", "وأكد", "wd:Q15031", "indirect")]
    a2.amounts = [_amount(a2.text, "228 مليار دولار", 228e9, "money", "USD", "trade volume")]
    a2.times = [_time(a2.text, "عام 2023", "2023")]
    a2.events = [Event(code="043", label="Host a visit", trigger=_span(a2.text, "استقبل"), source="wd:Q15031",
                       target="wd:Q7747", time="2024-05-17", rule="test")]
    a2.themes = [Theme(code="trade", score=0.7, evidence=[_span(a2.text, "التجارة")])]
    a3.quotes = [_quote(a3.text, "الجانبين وقعا اتفاقيات للتعاون في مجال الطاقة والغاز", "وقالت", None, "indirect")]
    a3.amounts = [_amount(a3.text, "30%", 30.0, "percent", "%", "oil exports")]
    a3.times = [_time(a3.text, "يوم الثلاثاء", "2023-03-21")]
    a3.events = [Event(code="057", label="Sign formal agreement", trigger=_span(a3.text, "وقعا"), source=None,
                       target=None, time="2023-03-21", rule="test")]
    a3.themes = [Theme(code="energy", score=0.9, evidence=[_span(a3.text, "الطاقة"), _span(a3.text, "النفط")])]
    a4.events = [Event(code="040", label="Consult", trigger=_span(a4.text, "اتصالا مرئيا"), source="wd:Q7747",
                       target="wd:Q15031", time="2022-12-30", rule="test")]
    a4.times = [_time(a4.text, "يوم الجمعة", "2022-12-30"), _time(a4.text, "ربيع العام المقبل", "2023-SP")]
    a4.themes = [Theme(code="diplomacy", score=0.5, evidence=[_span(a4.text, "زيارة")])]
    for a in arts:
        for layer in (a.quotes, a.citations, a.amounts, a.times):
            for s in layer:
                assert a.text[s.start:s.end] == s.text
    return arts


def many_articles(n: int) -> list[Article]:
    """`n` distinct articles: copies of the samples under new ids, each with its own last line."""
    import msgspec

    base = sample_articles()
    out = []
    for i in range(n):
        a = base[i % len(base)]
        text = a.text + f"\nالنسخة رقم {i}"
        out.append(msgspec.structs.replace(a, id=f"{a.id}-{i:05d}", text=text, sentences=sentences(text)))
    return out
