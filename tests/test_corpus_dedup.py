"""Exact and near-duplicate articles (MinHash over word shingles + LSH banding)."""

from __future__ import annotations

from test_corpus_build import CALL, FLOOD, VISIT_A, VISIT_B, make_article

from marsad.corpus.dedup import find_duplicates

WIRE = (VISIT_A + " " + VISIT_B + " " + CALL)


def test_exact_duplicate_after_normalisation():
    a = make_article("a", WIRE, "2024-05-16", "A")
    b = make_article("b", WIRE.replace("أ", "ا").replace("ة", "ه") + "\n", "2024-05-16", "B")  # hamza / ta marbuta
    (d,) = find_duplicates([a, b])
    assert (d["a"], d["b"], d["kind"], d["similarity"]) == ("a", "b", "exact", 1.0)


def test_near_duplicate_wire_copy_with_a_changed_ending():
    a = make_article("a", WIRE, "2024-05-16", "A")
    b = make_article("b", WIRE.rsplit(".", 2)[0] + ". وللتفاصيل تابعوا موقعنا.", "2024-05-16", "B")
    dups = find_duplicates([a, b])
    assert len(dups) == 1 and dups[0]["kind"] == "near" and dups[0]["similarity"] >= 0.8


def test_different_articles_are_not_duplicates():
    arts = [make_article("a", WIRE, "2024-05-16", "A"), make_article("b", FLOOD * 3, "2024-05-16", "B"),
            make_article("c", VISIT_B + " " + CALL + " " + FLOOD, "2024-05-16", "C")]
    assert find_duplicates(arts) == []


def test_short_texts_are_only_checked_for_exact_copies():
    a = make_article("a", "عاجل: زلزال في اليابان", None, "A")
    b = make_article("b", "عاجل: زلزال في تركيا", None, "B")
    assert find_duplicates([a, b]) == []


def test_templated_reports_with_different_figures_are_not_duplicates():
    tpl = ("بلغ حجم تسبيقات بنك المغرب للبنوك {} مليار درهم خلال الأسبوع، وفق ما أعلنه البنك المركزي في نشرته "
           "الأسبوعية التي تصدر كل جمعة، مقابل {} مليار درهم في الأسبوع الذي قبله، حسب المعطيات الرسمية المنشورة.")
    a = make_article("a", tpl.format(46, 49), None, "A")
    b = make_article("b", tpl.format(88, 92), None, "A")
    assert find_duplicates([a, b]) == []
