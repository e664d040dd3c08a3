"""The entity annotator's resource files: versioned, well-formed, consistent with the code."""

from __future__ import annotations

import pytest

from marsad import resources
from marsad.annotate.entities.lexicon import load_lexicon
from marsad.annotate.entities.romanize import romanize

FILES = ["titles.tsv", "heads.tsv", "first_names.tsv", "verbs.tsv", "stopwords.tsv", "proclitics.tsv",
         "ambiguous.tsv", "generic_names.tsv", "title_modifiers.tsv", "name_suffixes.tsv", "romanize.tsv", "common_words.tsv", "frequent_words.tsv", "definite_words.tsv"]
OFFICES = {"president", "vice_president", "prime_minister", "foreign_minister", "defence_minister", "king",
           "crown_prince", "emir", "sultan", "chancellor", "supreme_leader", "secretary_general",
           "spokesperson", "leader", "counterpart", "finance_minister", "economy_minister", "energy_minister",
           "interior_minister", "trade_minister"}


@pytest.mark.parametrize("name", FILES)
def test_resource_has_version_line(name):
    head = resources.path(f"entities/{name}").read_text(encoding="utf-8").splitlines()[:12]
    assert any(line.startswith("# version:") for line in head)
    assert resources.tsv(f"entities/{name}")


def test_titles_and_heads_are_typed():
    lex = load_lexicon()
    assert lex.titles["الرييس"].office == "president"  # keys are folded
    assert lex.titles["وزير الخارجيه"].office == "foreign_minister"
    assert lex.titles["رييس مجلس الدوله"].office == "prime_minister"
    assert lex.titles["المتحدث باسم"].resolvable is False
    for t in lex.titles.values():
        if t.resolvable:
            assert t.office in OFFICES, t
    assert {h.type for h in lex.heads.values()} <= {"ORG", "GPE", "LOC", "FAC"}
    assert lex.heads["وزاره"].needs_name == 0 and lex.heads["مدينه"].needs_name == 1
    assert lex.heads["حركه"].needs_name == 2


def test_word_lists_do_not_contradict_each_other():
    lex = load_lexicon()
    assert set(lex.first_names.values()) <= {"ar", "x", "cn", "amb"}
    assert "فلاديمير" in lex.first_names and "يوري" in lex.first_names
    # first names and gazetteer person tokens are never "common words"
    assert not (set(lex.first_names) & lex.common)
    assert "بوتين" not in lex.common and "بوتين" not in lex.frequent
    assert "مسوول" in lex.common  # المسؤول is used with the article: a noun
    assert lex.is_common("زيارته")  # noun + pronoun suffix
    assert lex.proclitics >= {"و", "ب", "ل", "وب", "ول"}


def test_romaniser_is_readable():
    assert romanize("يوري أوشاكوف") == "Yuri Aushakuf"
    assert romanize("جامعة الملك سعود").startswith("Jam'a Al-")
