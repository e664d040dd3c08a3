"""The amounts resource files: versioned, well-formed, and read the way the annotator needs."""

from __future__ import annotations

import re

import pytest

from marsad import resources
from marsad.annotate.amounts.lexicon import load
from marsad.annotate.amounts.numbers import Number, digit_value, read_tokens
from marsad.text.normalize import normalize

FILES = ["numbers.tsv", "currencies.tsv", "currency_countries.tsv", "units.tsv", "qualifiers.tsv",
         "measures.tsv", "blockers.tsv", "unit_cues.tsv", "year_cues.tsv", "function_words.tsv",
         "count_shapes.tsv", "count_stops.tsv"]
KINDS = {"money", "percent", "quantity", "count", "multiplier", "times"}  # times: مرات


@pytest.mark.parametrize("name", FILES)
def test_versioned(name):
    head = resources.path(f"amounts/{name}").read_text(encoding="utf-8")
    assert re.search(r"^# version: \d+$", head, re.M)


def test_number_words():
    lex = load()
    classes = {w.cls for w in lex.numbers.values()}
    assert classes == {"unit", "one_teen", "ten", "tens", "hundred", "hundreds", "scale", "scale_dual",
                       "frac", "mult_dual", "scale_def"}
    for form, value in [("ثلاثة", 3), ("عشرين", 20), ("مائة", 100), ("مئتين", 200), ("خمسمائة", 500),
                        ("ألفا", 1000), ("ملايين", 1e6), ("مليارات", 1e9), ("نصف", 0.5)]:
        assert lex.numbers[normalize(form)].value == value


def test_currency_codes_are_iso_4217():
    lex = load()
    codes = {t.unit for t in lex.tails.values() if t.kind == "money" and t.unit}
    assert codes >= {"USD", "EUR", "CNY", "RUB", "SAR", "QAR", "OMR", "AED", "MAD", "KWD", "JOD", "BHD",
                     "EGP", "LBP", "TRY", "GBP", "JPY", "IQD", "DZD", "TND", "LYD", "SYP", "YER", "SDG",
                     "IRR", "ILS", "CAD"}
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in codes)
    assert lex.tails[normalize("دولار")].unit == "USD"
    assert lex.tails[normalize("دولار كندي")].unit == "CAD"
    assert lex.tails[normalize("سنتاً".rstrip("ً"))].factor == 0.01
    ambiguous = {t.ambiguous for t in lex.tails.values() if t.ambiguous}
    assert ambiguous <= set(lex.currency_countries)
    for word, rows in lex.currency_countries.items():
        assert sum(d for _, _, d in rows) == 1, word  # exactly one default per shared name


def test_units_and_counts():
    lex = load()
    assert {t.kind for t in lex.tails.values()} <= KINDS
    assert lex.tails[normalize("متر مكعب")].unit == "m3"
    assert lex.tails[normalize("برميل يوميا")].unit == "bbl/d"
    assert lex.tails[normalize("في المائة")].kind == "percent"
    people = lex.tails[normalize("شخصا")]
    assert (people.kind, people.unit, people.measure) == ("count", None, "people")


def test_qualifiers_and_measures():
    lex = load()
    assert set(lex.qualifiers_before.values()) | set(lex.qualifiers_after.values()) == {
        "approx", "more_than", "less_than", "at_least", "up_to"}
    names = {m.name for ms in lex.measures_before.values() for m in ms}
    assert {"trade volume", "gas supply", "deaths"} <= names
    for ms in list(lex.measures_before.values()) + list(lex.measures_after.values()):
        for m in ms:
            assert m.kinds is None or m.kinds, m


def test_digit_strings():
    assert digit_value("13.8", True) == 13.8
    assert digit_value("1,500,000", False) == 1.5e6
    assert digit_value("1.500.000", False) == 1.5e6
    assert digit_value("1,5", True) == 1.5
    assert digit_value("50.000", False) == 50000
    assert digit_value("1.250", True) == 1.25
    assert digit_value("9,098.27", False) == 9098.27


def test_number_word_sequences():
    lex = load()

    def read(phrase: str) -> list[Number]:
        toks, pos = [], 0
        for w in phrase.split():
            i = phrase.index(w, pos)
            pos = i + len(w)
            n = normalize(w)
            if n[0] == "و" and n not in lex.numbers:
                n, i = n[1:], i + 1
            toks.append((i, pos, n, lex.numbers.get(n)))
        return read_tokens(toks)

    assert [n.value for n in read("ثلاثة وعشرون ألفا")] == [23000]
    assert [n.value for n in read("أحد عشر")] == [11]
    assert [n.value for n in read("ثلاث مئة")] == [300]
    assert [n.value for n in read("نصف مليون")] == [500000]
    assert [n.value for n in read("مليون ونصف")] == [1500000]
    assert [n.value for n in read("10 و20 مليار")] == [10, 20e9]
    assert read("آلاف")[0].plural_scale_only


def test_trie_pattern_prefers_the_longest_phrase():
    from marsad.annotate.amounts.trie import trie_pattern

    pat = re.compile("(?:" + trie_pattern(["دولار", "دولار كندي", "دولارا"]) + r")(?!\w)")
    assert pat.match("دولار كندي").group() == "دولار كندي"
    assert pat.match("دولارا").group() == "دولارا"
    assert pat.match("دولار أمريكي").group() == "دولار"
    assert pat.match("دولارات") is None
