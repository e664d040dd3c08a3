"""The lexicon matcher (one automaton pass over a blanked copy of doc.norm) against a plain
reference: every key scanned in the text as is, each hit checked character by character for a
word boundary and an allowed proclitic, overlaps resolved longest-first. The fast matcher must
return exactly the same hits."""

from __future__ import annotations

from pathlib import Path

import ahocorasick
import pytest

from marsad.annotate.doc import Doc
from marsad.annotate.entities.lexicon import load_lexicon
from marsad.annotate.entities.matcher import _RANK, Hit, LexiconMatcher, allowed

SEEDS = Path("/work/shared/corpus/seeds")

SENTENCES = [
    # proclitics, لل + definite name, ك before a name, ب before a verb
    "وقال الرئيس الروسي فلاديمير بوتين للأمم المتحدة إن روسيا وبروسيا لن تقبل وكسرت بكشف الحساب.",
    "وصل الحجاج إلى مكة لأداء فريضة الحج وللحج شروط، وزار الوفد محافظة لحج اليمنية.",
    # keys with punctuation: اوبك+ and كوفيد-19 at the end of the text, د. before a name
    "اتفق تحالف أوبك+ على خفض الإنتاج بسبب كوفيد-19، وقال د. محمد العلي إن أوبك+x ليست كلمة. كوفيد-19",
    # a multi-word key split by a comma or a line break is not that key
    "زار الوفد الصين، الشعبية ثم الصين\nالشعبية ثم الصين الشعبية وروسيا البيضاء وللاتحاد الروسي.",
    # keys inside longer words, at the very start, digits and underscores next to names
    "روسيا_ و٣روسيا وروسياتي مموسكو موسكو1 بوتين",
    "محمد",
    "",
]


def reference_hits(m: LexiconMatcher, norm: str) -> list[Hit]:
    """The original algorithm: scan the raw text, check each hit's boundaries in Python."""
    auto = ahocorasick.Automaton()
    for k, entries in m.table.items():
        auto.add_word(k, (len(k), entries))
    auto.make_automaton()
    lex = load_lexicon()
    out: list[Hit] = []
    n = len(norm)
    for end_idx, (klen, entries) in auto.iter(norm):
        end = end_idx + 1
        if end < n and (norm[end].isalnum() or norm[end] == "_"):
            continue
        start = end - klen
        p = start
        while p > 0 and p > start - 3 and (norm[p - 1].isalnum() or norm[p - 1] == "_"):
            p -= 1
        if p > 0 and p == start - 3 and (norm[p - 1].isalnum() or norm[p - 1] == "_"):
            continue
        prefix = norm[p:start]
        for kind, key, lel in entries:
            if allowed(prefix, kind, key, lel, lex.proclitics, lex.definite):
                out.append(Hit(start, end, kind, key, prefix))
    out.sort(key=lambda h: (h.start - h.end, _RANK[h.kind], h.start))
    mask = bytearray(n)
    taken = []
    for h in out:
        if mask.find(1, h.start, h.end) < 0:
            taken.append(h)
            mask[h.start:h.end] = b"\x01" * (h.end - h.start)
    return sorted(taken, key=lambda h: h.start)


@pytest.fixture(scope="module")
def matcher() -> LexiconMatcher:
    return LexiconMatcher(load_lexicon())


def _texts() -> list[str]:
    texts = list(SENTENCES)
    if SEEDS.exists():
        texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    return texts


@pytest.mark.parametrize("text", _texts())
def test_fast_matcher_equals_reference(matcher: LexiconMatcher, text: str) -> None:
    norm = Doc(text=text).norm
    assert matcher.hits(norm) == reference_hits(matcher, norm)


def test_whole_words_and_proclitics(matcher: LexiconMatcher) -> None:
    norm = Doc(text=SENTENCES[0]).norm
    got = {(norm[h.start:h.end], h.kind, h.prefix) for h in matcher.hits(norm)}
    assert ("لامم المتحده", "gaz", "ل") in got  # ل + الأمم المتحدة, span after the preposition
    assert ("روسيا", "gaz", "") in got
    assert ("روسيا", "gaz", "وب") in got
    assert not any(k == "كسرت" or k == "سرت" for k, _, _ in got)  # وكسرت is a verb
    assert not any(k == "كشف" for k, _, _ in got)  # بكشف is a noun, not the verb


def test_punctuated_keys_and_split_names(matcher: LexiconMatcher) -> None:
    norm = Doc(text=SENTENCES[2]).norm
    keys = [h.key for h in matcher.hits(norm)]
    assert "تحالف اوبك+" in keys
    assert [k for k in keys if "اوبك" in k] == ["تحالف اوبك+", "اوبك"]  # "أوبك+x" is not أوبك+
    assert keys.count("كوفيد-19") == 2  # also at the very end of the text
    norm = Doc(text=SENTENCES[3]).norm
    spans = [norm[h.start:h.end] for h in matcher.hits(norm)]
    assert spans.count("الصين الشعبيه") == 1  # not across the comma or the line break
    assert "روسيا البيضاء" in spans


def test_no_hits_inside_longer_words(matcher: LexiconMatcher) -> None:
    norm = Doc(text=SENTENCES[4]).norm
    spans = [(norm[h.start:h.end], h.start) for h in matcher.hits(norm)]
    assert [s for s, _ in spans if s == "روسيا"] == []  # روسيا_ و٣روسيا وروسياتي
    assert ("بوتين", norm.index("بوتين")) in spans
