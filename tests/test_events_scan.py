"""The automaton pass shared by events and themes (events/scan.py), and the speed-ups that must
not change what the two annotators find: same hits as the separate automata, in scan order; the
memo is keyed by the very text object; clause openers precomputed with their proclitics."""

from __future__ import annotations

import datetime as dt

from marsad.annotate.doc import Doc
from marsad.annotate.events.arguments import _strip_conj
from marsad.annotate.events.lexicon import lexicon
from marsad.annotate.events.scan import SharedScan, shared_scan
from marsad.annotate.events.triggers import find_hits
from marsad.annotate.themes import ThemeAnnotator
from marsad.annotate.themes.taxonomy import taxonomy
from marsad.text.normalize import normalize

TEXT = (
    "استقبل الرئيس الروسي فلاديمير بوتين نظيره الصيني شي جين بينغ في موسكو، وأجرى البلدان "
    "محادثات حول التعاون في مجالات النفط والغاز الطبيعي المسال والتبادل التجاري، فيما قالت "
    "وزارة الخارجية إن الجانبين وقعا اتفاقية جديدة لتوريد الكهرباء."
)


def test_shared_scan_gives_the_hits_of_the_separate_automata() -> None:
    norm = normalize(TEXT)
    triggers, themes, dual = SharedScan()(norm)
    assert triggers == list(lexicon().automaton.iter(norm))
    assert themes == list(taxonomy().automaton.iter(norm))
    assert triggers and themes
    assert dual  # "البلدان"
    assert not SharedScan()(normalize("ارتفعت أسعار النفط في الأسواق العالمية اليوم."))[2]


def test_memo_is_keyed_by_the_text_object() -> None:
    scan = SharedScan()
    norm = normalize(TEXT)
    first = scan(norm)
    assert scan(norm)[0] is first[0]  # the second annotator reads the same lists
    other = normalize("وقعت مصر والأردن اتفاقية لتوريد الغاز.")
    assert scan(other)[0] is not first[0]
    copy = "".join(list(norm))  # equal text, another object: scanned again, same hits
    assert copy is not norm
    again = scan(copy)
    assert again[0] is not first[0] and again[0] == first[0] and again[1] == first[1]


def test_find_hits_same_with_and_without_raw_hits() -> None:
    norm = normalize(TEXT)
    lex = lexicon()
    raw = shared_scan()(norm)[0]
    with_raw = find_hits(norm, lex, raw=raw)
    assert with_raw == find_hits(norm, lex)
    assert {h.trigger.code[:2] for h in with_raw} >= {"04"}  # استقبل، محادثات


def test_themes_same_with_and_without_shared_scan() -> None:
    ann = ThemeAnnotator()
    doc = Doc(text=TEXT, published=dt.date(2024, 5, 16))
    ann(doc)
    via_scan = [(t.code, t.score, [(s.start, s.end) for s in t.evidence]) for t in doc.themes]
    alone = ann.tax.find(doc.norm)
    assert alone == ann.tax.find(doc.norm, taxonomy().automaton.iter(doc.norm))
    codes = [c for c, _, _ in via_scan]
    assert "ENERGY" in codes or "ENERGY_GAS" in codes
    for _, _, spans in via_scan:
        for s, e in spans:
            assert doc.text[s:e]  # evidence spans point into the text


def test_clause_openers_precomputed_like_strip_conj() -> None:
    lex = lexicon()
    words = set(lex.clause) | {c + w for w in lex.clause for c in ("و", "ف")}
    words |= {"وقال", "فإن", "والتي", "حيث", "وحيث", "مع", "ومع", "الذي", "فالذي", "وزارة"}
    for w in map(normalize, words):
        assert (w in lex.clause_any) == (_strip_conj(w, lex) in lex.clause), w
