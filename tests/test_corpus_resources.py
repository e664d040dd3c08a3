"""The corpus view's resource files: versioned, well-formed, and doing what they say."""

from __future__ import annotations

import pytest

from marsad import resources
from marsad.corpus.claims import canonical_measure
from marsad.corpus.settings import generic_measures, measure_aliases, prefixes, settings, stopwords
from marsad.model import Amount

FILES = ["corpus/stopwords.tsv", "corpus/prefixes.tsv", "corpus/measures.tsv", "corpus/generic_measures.tsv"]


@pytest.mark.parametrize("name", FILES)
def test_tsv_resources_carry_a_version(name):
    head = resources.path(name).read_text(encoding="utf-8").splitlines()[:6]
    assert any(line.startswith("# version:") for line in head)


def test_settings_are_versioned_and_consistent():
    s = settings()
    assert s["version"] >= 1
    d = s["duplicates"]
    assert d["num_perm"] % d["bands"] == 0 and 0 < d["threshold"] <= 1
    st = s["stories"]
    assert st["link"] < st["link_undated"] and st["window_days"] <= st["max_span_days"]
    assert s["summary"]["min_sentences"] <= s["summary"]["max_sentences"] <= 5
    assert 0 < s["claims"]["tolerance"] < 0.1


def test_stop_words_are_normalised_function_words():
    sw = stopwords()
    assert {"في", "الي", "ان", "التي"} <= sw  # folded like the text: إلى -> الي, أن -> ان
    assert "بوتين" not in sw and "تجاره" not in sw


def test_prefixes_longest_first():
    p = prefixes()
    assert p[0] in ("وبال",) and "ال" in p and list(p) == sorted(p, key=len, reverse=True)


def test_measure_aliases_map_arabic_and_english_names():
    aliases = measure_aliases()
    assert aliases["trade"] == "trade volume" and aliases["حجم التجاره"] == "trade volume"
    a = Amount(start=0, end=3, text="240", kind="money", value=240e9, unit="USD", measure="bilateral trade")
    assert canonical_measure(a) == "trade volume"


def test_generic_measures_never_make_claims():
    assert {"increase", "decrease", "people"} <= generic_measures()
    a = Amount(start=0, end=3, text="5 %", kind="percent", value=5, unit="%", measure="Increase")
    assert canonical_measure(a) is None
