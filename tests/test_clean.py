import json
from pathlib import Path

import pytest

from marsad.clean.boilerplate import category, norm_line
from marsad.clean.cleaner import clean
from marsad.clean.outlet import common_lines
from marsad.ingest.rawdoc import RawDoc
from marsad.text.normalize import normalize

GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "seeds.gold.json"


def _seeds(demo_dir):
    from marsad.ingest.readers import iter_inputs

    return {d.id: d for d in iter_inputs([str(demo_dir)])}


@pytest.mark.skipif(not GOLD.exists(), reason="../shared/eval not beside the project")
def test_seed_boilerplate_goes_and_body_stays(demo_dir):
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["docs"]
    for did, raw in _seeds(demo_dir).items():
        c = clean(raw)
        text = normalize(c.text)
        for line in gold[did]["body"]:
            assert normalize(line) in text, (did, line)
        removed = " ".join(normalize(x) for x in c.removed)
        for line in gold[did]["boilerplate"]:
            # "عاجل" also occurs inside a body sentence of 004 ("في خبرٍ عاجلٍ"): only the label line goes
            assert normalize(line) in removed, (did, line)
        assert c.published == gold[did]["published"]


def test_page_header_date_is_removed_and_not_taken_as_publication_date():
    raw = RawDoc(id="x", text="الثلاثاء 26 مارس / مارس 2024\n\nلقاء افتراضي يجمع بوتين ونظيره الصيني\n\n"
                 "التقى الرئيس الروسي فلاديمير بوتين عبر تقنية الفيديو اليوم مع الرئيس الصيني شي جينبينغ في لقاء مطول.")
    c = clean(raw)
    assert c.removed == ["الثلاثاء 26 مارس / مارس 2024"]
    assert c.published is None
    assert c.title == "لقاء افتراضي يجمع بوتين ونظيره الصيني"


def test_spa_dateline_gives_publication_date_from_text():
    raw = RawDoc(id="spa", text="الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس\n"
                 "أكد وزير الخارجية أن المملكة تدعم الجهود الدولية الرامية إلى إحلال السلام في المنطقة.\n// انتهى //")
    c = clean(raw)
    assert (c.published, c.published_method) == ("2015-08-10", "text")
    assert "// انتهى //" in c.removed


def test_metadata_date_wins_over_dateline():
    raw = RawDoc(id="m", published="2015-08-09 17:27:39",
                 text="نشر في 3 مايو 2015\nأعلنت وزارة الصحة تسجيل حالات جديدة في عدد من مناطق المملكة خلال الأسبوع.")
    c = clean(raw)
    assert (c.published, c.published_method) == ("2015-08-09T17:27:39", "metadata")


@pytest.mark.parametrize("line, cat", [
    ("اقرأ أيضاً: بوتين خلال زيارته إلى الصين", "related"),
    ("تابعونا على منصات التواصل الاجتماعي", "follow"),
    ("لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *", "comments"),
    ("0 تعليق", "comments"),
    ("جميع الحقوق محفوظة © 2024", "nag"),
    ("الأكثر قراءة", "related"),
])
def test_boilerplate_categories(line, cat):
    assert category(norm_line(line)) == cat


@pytest.mark.parametrize("line", [
    "وشدد على أن بكين ستستمر في التمسك بالهدف والموقف العادل في أوكرانيا.",
    "وقال بوتين إن التعاون مع الصين يتوسع.",
    "شارك الرئيس في القمة العربية التي عقدت في الرياض.",
])
def test_body_lines_are_not_boilerplate(line):
    assert category(norm_line(line)) is None


def test_lines_repeated_across_an_outlet_are_removed():
    docs = [RawDoc(id=str(i), outlet="Ain", text=f"عين اليوم – متابعات\nخبر رقم {i} عن افتتاح مشروع جديد في مدينة جدة اليوم.")
            for i in range(8)]
    common = common_lines(docs)
    c = clean(docs[0], common["Ain"])
    assert c.removed == ["عين اليوم – متابعات"]
    assert c.text.startswith("خبر رقم 0")
