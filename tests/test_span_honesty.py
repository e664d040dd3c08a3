"""Every span of every layer satisfies text[start:end] == span.text, on any input."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.engine import analyze_text
from marsad.model import Article

ARABIC_NEWS = st.sampled_from([
    "أكد الرئيس الروسي فلاديمير بوتين، الخميس، أن ", "وقال شي جين بينغ: \"", "”", "«", "»", " 240 مليار دولار ",
    "في عام 2023", " العام الماضي ", "٢٠٢٤", " 90 % ", "وذكرت وكالة أنباء الصين الجديدة (شينخوا) أن ", "\n",
    "ـ", "\u064b", "\u0651", "\u200f", "وزار بوتين هاربين يوم الجمعة.", " اتصال هاتفي ", "عشرة أضعاف",
])


def all_spans(a: Article):
    for e in a.entities:
        yield from e.mentions
    yield from a.times
    yield from a.amounts
    for q in a.quotes:
        yield q
        if q.cue is not None:
            yield q.cue
    yield from a.citations
    for ev in a.events:
        yield ev.trigger
    for th in a.themes:
        yield from th.evidence


def check(text: str) -> None:
    a = analyze_text(text, published="2024-05-16")
    assert a.text == text
    for s in all_spans(a):
        assert 0 <= s.start <= s.end <= len(text)
        assert text[s.start:s.end] == s.text
    for start, end in a.sentences:
        assert 0 <= start < end <= len(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_spans_are_honest_on_random_unicode(text):
    check(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ARABIC_NEWS, max_size=25).map("".join))
def test_spans_are_honest_on_random_arabic_news_fragments(text):
    check(text)


def test_spans_are_honest_on_the_demo_corpus(demo_articles):
    for a in demo_articles:
        for s in all_spans(a):
            assert a.text[s.start:s.end] == s.text
