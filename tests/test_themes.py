"""Themes annotator and taxonomy resource, on real Arabic text."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad import resources
from marsad.annotate.doc import Doc
from marsad.annotate.themes import THRESHOLD, ThemeAnnotator
from marsad.annotate.themes.taxonomy import taxonomy


@pytest.fixture(scope="module")
def ann() -> ThemeAnnotator:
    return ThemeAnnotator()


def top(doc: Doc) -> list[str]:
    return [t.code for t in doc.themes]


def test_taxonomy_resource() -> None:
    data = resources.yaml_data("themes/taxonomy.yaml")
    assert data["version"] >= 1
    tax = taxonomy()
    assert len(tax.codes) >= 40
    for code in ("ENERGY_OIL", "ENERGY_GAS", "ENERGY_NUCLEAR", "ENERGY_ELECTRICITY", "ENERGY_COAL"):
        assert tax.parent[code] == "ENERGY"
    for code in ("TECH_AI", "TECH_TELECOM", "TECH_CYBER"):
        assert tax.parent[code] == "TECHNOLOGY"
    assert {"TRADE", "SANCTIONS", "MILITARY", "DIPLOMACY", "SPORTS", "HEALTH", "SPACE"} <= set(tax.codes)


def test_energy_article(ann: ThemeAnnotator) -> None:
    text = (
        "وتعتزم روسيا والصين توسيع التعاون في مجالات النفط والغاز الطبيعي المسال والفحم والكهرباء، "
        "مع ضمان الأداء المستقر للبنية التحتية العابرة للحدود، بما يخدم أمن الطاقة في البلدين. "
        "وكشف أن روسيا أصبحت أحد أكبر موردي النفط والغاز للصين عبر خط أنابيب قوة سيبيريا."
    )
    doc = Doc(text=text)
    ann(doc)
    codes = top(doc)
    assert codes[0] == "ENERGY"
    assert {"ENERGY_OIL", "ENERGY_GAS"} <= set(codes)
    assert "SPORTS" not in codes
    for t in doc.themes:
        assert THRESHOLD <= t.score <= 1.0
        assert t.evidence
        for sp in t.evidence:
            assert text[sp.start : sp.end] == sp.text
    scores = [t.score for t in doc.themes]
    assert scores == sorted(scores, reverse=True)


def test_proclitics_and_diacritics(ann: ThemeAnnotator) -> None:
    text = "وللمنتخبِ مباراةٌ في الدوري، وبالملعب فاز الفريق بهدفين في كأس البطولة أمام لاعبي النادي."
    doc = Doc(text=text)
    ann(doc)
    assert top(doc)[0] == "SPORTS"
    ev = doc.themes[0].evidence
    assert any(sp.text == "وللمنتخبِ" for sp in ev)  # و + لل + stem, diacritic kept in the span


def test_no_theme_from_one_passing_word(ann: ThemeAnnotator) -> None:
    text = "وقال المتحدث إن الاجتماع سيعقد الأسبوع المقبل في العاصمة لبحث عدد من الملفات المطروحة على الطاولة."
    doc = Doc(text=text)
    ann(doc)
    assert "ECONOMY" not in top(doc) and "SPORTS" not in top(doc)


def test_word_boundaries(ann: ThemeAnnotator) -> None:
    # "الغازي" (a name) and "مغازل" must not count as gas; "بهدف" is "in order to", not a goal
    text = "قال الغازي إن مغازل المصنع تعمل بهدف زيادة الإنتاج. وقال الغازي إن المغازل جديدة."
    doc = Doc(text=text)
    ann(doc)
    assert "ENERGY_GAS" not in top(doc) and "SPORTS" not in top(doc)


def test_seed_articles(ann: ThemeAnnotator) -> None:
    from marsad.cli import demo_path

    seeds = {p.name[:3]: p.read_text(encoding="utf-8") for p in Path(demo_path()).glob("*.txt")}
    doc = Doc(text=seeds["000"])
    ann(doc)
    assert {"ENERGY", "DIPLOMACY", "TECHNOLOGY"} <= set(top(doc))
    doc = Doc(text=seeds["001"])
    ann(doc)
    assert "MILITARY" in top(doc)[:3]
