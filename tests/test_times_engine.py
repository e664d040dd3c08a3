"""The times engine's fast paths: candidate scan, rule dispatch and cue lookup (real sentences)."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.annotate.doc import Doc
from marsad.annotate.times import TimeAnnotator, _candidates, grammar


@pytest.fixture(scope="module")
def ann() -> TimeAnnotator:
    return TimeAnnotator()


def test_candidates_are_whole_words_and_numbers_in_text_order(ann: TimeAnnotator) -> None:
    text = "وقال الوزير في 15 يوليو 2023 إن الاستثمارات بلغت 3.5 مليار دولار خلال الأسبوع الماضي."
    norm = Doc(text=text).norm
    cands = _candidates(norm, ann.grammar.anchors)
    words = [w for _, w in cands]
    assert [s for s, _ in cands] == sorted(s for s, _ in cands)
    assert all(norm[s:s + len(w)] == w for s, w in cands)
    assert "15" in words and "2023" in words and "يوليو" in words and "الاسبوع" in words
    # the decimal part of 3.5 is not a number of its own; "الاستثمارات" holds no time word
    assert "3" in words and "5" not in words
    assert not any(w.startswith("الاستثمار") for w in words)


def test_number_glued_to_the_article_or_a_proclitic_is_a_candidate(ann: TimeAnnotator) -> None:
    norm = Doc(text="تبدأ الامتحانات في الـ8 من يوليو وب2024 تنتهي").norm
    words = [w for _, w in _candidates(norm, ann.grammar.anchors)]
    assert "8" in words and "2024" in words


def test_first_character_prefilter_keeps_every_rule_a_token_can_start(ann: TimeAnnotator) -> None:
    # the rules tried for a token are found by probing only the rules its first character can
    # start; that must be exactly what probing every rule gives, for every possible token
    g = ann.grammar
    tokens = {k[p:] for k, (_, p) in g.anchors.items() if p >= 0}
    tokens |= {"0", "5", "00", "05", "12", "24", "99", "999", "1400", "2000", "2100", "9999", "99999"}
    assert len(tokens) > 300
    for tok in sorted(tokens):
        rules = g.matcher(tok) or ()
        assert frozenset(r.index for r in rules) == g.probe_all(tok), tok
        assert [r.index for r in rules] == sorted(r.index for r in rules)  # grammar order


def test_every_rule_is_compiled_when_the_grammar_loads(ann: TimeAnnotator) -> None:
    m = None
    for rule in ann.grammar.rules:
        assert rule.regex is not None
        if rule.name == "date_dmy":
            m = rule.regex.match("15 يوليو 2023")
    assert m is not None and m.group("day") == "15" and m.group("year") == "2023"


def test_cue_before_reads_proclitic_forms(ann: TimeAnnotator) -> None:
    cues = ann.grammar.cues["year"]

    def before_year(text: str) -> bool:
        norm = Doc(text=text).norm
        return grammar.cue_before(norm, norm.index("2023"), cues)

    assert before_year("وذلك في 2023")
    assert before_year("وذلك وفي 2023")  # و + cue
    assert before_year("وذلك ولنهاية 2023")  # و + ل + cue
    assert not before_year("اشترى 2023")


def test_a_late_dated_article_is_tagged_again_with_the_same_candidates(ann: TimeAnnotator) -> None:
    # dated Tuesday, but "غدا الجمعة" says it was written on Thursday: relative words resolve
    # against that day
    doc = Doc(text="وقال المتحدث إن الاجتماع سيعقد غدا الجمعة، بعد لقاء اليوم.", published=dt.date(2024, 5, 21))
    ann(doc)
    got = {t.text: t.value for t in doc.times}
    assert got == {"غدا الجمعة": "2024-05-17", "اليوم": "2024-05-16"}
