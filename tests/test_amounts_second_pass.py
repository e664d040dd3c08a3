"""Second-pass fixes of the amounts layer, each on sentences written in the style of the pool
articles where the error was found: counted nouns known only by their shape, two scaled figures
that are a range and not a sum, "مرات", spaced units, unit-less rates, and richer measures."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from marsad import resources
from marsad.annotate.amounts import AmountAnnotator
from marsad.annotate.amounts.lexicon import load
from marsad.annotate.amounts.trie import canonical, trie_pattern
from marsad.annotate.doc import Doc


@pytest.fixture(scope="module")
def ann() -> AmountAnnotator:
    return AmountAnnotator()


def amounts(ann: AmountAnnotator, text: str) -> list:
    doc = Doc(text=text, published=dt.date(2024, 5, 16))
    ann(doc)
    for a in doc.amounts:
        assert doc.text[a.start:a.end] == a.text
    return doc.amounts


def vals(ann: AmountAnnotator, text: str) -> list[tuple]:
    return [(a.value, a.kind, a.unit) for a in amounts(ann, text)]


# --- counted nouns that are not in units.tsv, known by their shape --------------------------------


@pytest.mark.parametrize(("text", "value", "noun"), [
    ("وخاض الفريق سبع مواجهات تجريبية قبل انطلاق الموسم", 7, "مواجهات"),  # sound feminine plural
    ("وأوقفت الجهات المختصة 4 مسؤولين عن المخالفات", 4, "مسؤولين"),  # sound masculine plural
    ("ويضم المشروع 85 محطة للحافلات", 85, "محطة"),  # ta marbuta, singular after 11+
    ("وتحدث في الجلسة خمسة خبراء من الجامعة", 5, "خبراء"),  # فعلاء
    ("وأعلنت اللجنة خمسة أسماء للجائزة", 5, "أسماء"),  # أفعال
    ("وتفقد الوزير ثلاثة مصانع في المدينة الصناعية", 3, None),  # مفاعل (listed noun)
    ("وتلقت غرفة العمليات 65 تدبيرا جديدا في الشهر", 65, "تدبيرا"),  # accusative after 11-99
])
def test_counted_nouns_by_shape(ann, text, value, noun):
    got = amounts(ann, text)
    assert [(a.value, a.kind, a.unit) for a in got] == [(value, "count", None)]
    if noun:
        assert got[0].measure_text == noun


@pytest.mark.parametrize("text", [
    "وتراجع مؤشر كاك 40 الفرنسي في التعاملات",  # a name with a number, then an adjective
    "3 ـ تعيين محمد بن سليمان مديرا عاما للإدارة",  # a numbered list item
    "وتسلم 100 تقريبا من الطلبات",  # an adverb in -ا is no counted noun
    "وأقيمت المباراة في 23 أغسطس الحالي",  # a month name
    "وبلغ 105 مهندسا",  # the accusative singular counts only after 11-99
    "وأطلقت الشركة الطراز في 2015 مجددا",  # a year
    "ويلتقي الفريق مع أولمبياكوس في 13 منه",  # a preposition with a pronoun
])
def test_words_after_a_figure_that_are_not_counted_nouns(ann, text):
    assert [a for a in amounts(ann, text) if a.kind == "count"] == []


def test_a_parenthesised_figure_takes_its_noun(ann):
    got = amounts(ann, "ومواقع المراكز الانتخابية البالغ عددها (22) مركزًا انتخابيًا للرجال")
    assert [(a.value, a.kind, a.measure) for a in got] == [(22, "count", "centres")]


# --- two scaled figures joined by و: a range or a list, never a sum ---------------------------------


def test_two_thousands_after_bayna_are_a_range(ann):
    (a,) = amounts(ann, "ووصل عدد النازحين إلى ما بين ثلاثة آلاف وخمسة آلاف شخص")
    assert (a.value, a.value_max, a.measure) == (3000, 5000, "displaced people")


def test_digit_thousands_after_bayna_are_a_range(ann):
    (a,) = amounts(ann, "وتتراوح الغرامة بين 10 آلاف و20 ألف دولار")
    assert (a.value, a.value_max, a.unit) == (10000, 20000, "USD")


@pytest.mark.parametrize(("text", "value"), [
    ("وبلغت القيمة 2 مليون و500 ألف دولار", 2.5e6),
    ("وحضر الحفل ثلاثة آلاف وخمسمائة شخص", 3500),
    ("وبلغ عدد السكان 3 ملايين و200 ألف نسمة", 3.2e6),
])
def test_a_smaller_scale_after_wa_still_adds_up(ann, text, value):
    assert [a.value for a in amounts(ann, text)] == [value]


# --- مرات: how often, or a ratio after ب ------------------------------------------------------


def test_marrat_after_bi_is_a_multiplier(ann):
    assert vals(ann, "وارتفعت الأسعار بثلاث مرات مقارنة بالعام الماضي") == [(3, "multiplier", None)]
    assert vals(ann, "وزادت المبيعات بـ10 مرات خلال العام") == [(10, "multiplier", None)]


def test_marrat_alone_counts_occurrences(ann):
    (a,) = amounts(ann, "وفاز الفريق باللقب أربع مرات في تاريخه")
    assert (a.value, a.kind, a.measure) == (4, "count", "occurrences")


# --- units written with spaces ----------------------------------------------------------------


def test_speed_unit_with_a_spaced_slash(ann):
    got = amounts(ann, "وتكون حركة الرياح شمالية غربية بسرعة 15-35 كم/ ساعة، وبسرعة 10 - 30 كم / ساعة")
    assert [(a.value, a.value_max, a.unit, a.measure) for a in got] == [
        (15, 35, "km/h", "speed"), (10, 30, "km/h", "speed")]


def test_canonical_tail_keys():
    assert canonical("كم/ ساعة") == "كم/ساعة"
    assert canonical("في   المائة") == "في المائة"
    assert re.fullmatch(trie_pattern(["كم/ساعة"], flexible=True), "كم / ساعة")


# --- a unit-less rate that repeats the percent before it -----------------------------------------


def test_bare_decimal_after_a_percent_in_the_sentence(ann):
    text = "وانخفض سعر الفائدة على القروض إلى 4.28 في المائة، مقابل 4,44 في الفصل الذي قبله."
    got = amounts(ann, text)
    assert [(a.value, a.unit) for a in got] == [(4.28, "%"), (4.44, "%")]
    assert got[1].text == "4,44" and got[1].measure == "interest rate"


@pytest.mark.parametrize("text", [
    "وارتفع المؤشر 2.5 في المائة. وسجل العداء 9,58 في السباق",  # another sentence
    "وسجل العداء 9,58 في السباق",  # no percent at all
])
def test_bare_decimal_without_a_percent_before_it_is_nothing(ann, text):
    assert [a.value for a in amounts(ann, text) if a.unit == "%" and "," in a.text] == []


# --- measures ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "measure"), [
    ("وقعت المجزرة في المدرسة التي ذهب ضحيتها 21 طفلا ومعلما", "deaths"),
    ("بعد الهجوم الذي راح ضحيتها 35 شخصا", "deaths"),
    ("وأسفر القصف عن نزوح أكثر من 120 ألف شخص", "displaced people"),
    ("وتمكنت الشرطة من القبض على 14 شخصا", "arrests"),
    ("وتزن الطائرة 3 كيلوغرامات", "weight"),
    ("وفاز المرشح بنسبة 54 في المائة من الأصوات", "vote share"),
    ("وبلغ صافي الدخل 120 مليون دولار", "net income"),
    ("واستقر الحجم الإجمالي للمبادلات عند 500 مليون درهم", "trading value"),
    ("بينما سجلت رأسملة البورصة 685 مليار درهم", "market capitalization"),
    ("وانخفضت الفضة 1.5 في المائة", "decrease"),
    ("وارتفع سهم الشركة مرتفعا 1.2 في المائة", "increase"),
])
def test_measures_from_context(ann, text, measure):
    assert [a.measure for a in amounts(ann, text)] == [measure]


def test_wounded_after_killed_in_one_sentence(ann):
    got = amounts(ann, "وأسفر الهجوم عن مقتل 5 جنود وإصابة 12 آخرين")
    assert [(a.value, a.measure) for a in got] == [(5, "deaths"), (12, "injured")]


def test_muqabil_compares_and_keeps_the_measure(ann):
    got = amounts(ann, "واستقر الحجم الإجمالي للمبادلات عند 500 مليون درهم، مقابل 539 مليون درهم قبل أسبوع")
    assert [a.measure for a in got] == ["trading value", "trading value"]


def test_a_converted_sum_in_brackets_shares_the_measure(ann):
    got = amounts(ann, "وطرح الموقع مكنسة بسعر 1.3 مليون دولار أمريكي (800 ألف جنيه إسترليني)")
    assert [(a.unit, a.measure) for a in got] == [("USD", "price"), ("GBP", "price")]


# --- resources ----------------------------------------------------------------------------------


def test_count_shape_resources():
    lex = load()
    assert set(lex.count_shapes) == {"any", "tamyiz", "never"}
    for rows in lex.count_shapes.values():
        for r in rows:
            re.compile(r)
    assert "تقريبا" in lex.count_stops and "مساء" in lex.count_stops  # normalised on load
    for name in ("count_shapes.tsv", "count_stops.tsv"):
        assert re.search(r"^# version: \d+$", resources.path(f"amounts/{name}").read_text("utf-8"), re.M)


# --- counts introduced by من + the article, counts after a casualty word, signed changes ----------


def test_count_of_a_definite_plural_after_min(ann):
    got = amounts(ann, "وأكد أن 150 من العاملين بالمخيم و22 من الدعاة شاركوا في العمل")
    assert [(a.value, a.text, a.measure_text) for a in got] == [
        (150, "150 من العاملين", "العاملين"), (22, "22 من الدعاة", "الدعاة")]


@pytest.mark.parametrize("text", [
    "وفي 14 من الشهر ذاته أقيمت المباراة",  # not a plural
    "وحضر الوزير حفل تخرج الدفعة 76 من الكلية الجوية",  # a label
])
def test_min_phrases_that_are_not_counts(ann, text):
    assert amounts(ann, text) == []


def test_a_bare_number_after_a_casualty_word_is_a_count(ann):
    got = amounts(ann, "وأسفرت المواجهات عن مقتل 29 وجرح 15 من مسلحي التنظيم")
    assert [(a.value, a.kind, a.measure) for a in got] == [(29, "count", "deaths"), (15, "count", "injured")]


def test_a_conjunction_or_a_verb_after_a_figure_is_no_counted_noun(ann):
    assert amounts(ann, "وأعلنت الشركة عن إطلاق هاتفي أيفون 6 وأيفون 6 بلس") == []
    assert amounts(ann, "وقال إن الخمسة يقرون بهذا الأمر") == []


def test_a_scaled_figure_in_a_money_sentence_stays_money(ann):
    got = amounts(ann, "وتبلغ الاستثمارات نحو 29 مليار دولار، منها 23 مليارا محجوزة في اليابان")
    assert [(a.value, a.unit) for a in got] == [(29e9, "USD"), (23e9, "USD")]


def test_signed_percent_changes_in_brackets(ann):
    text = ("وسجل مؤشر العقارات (+8,93 في المائة) أفضل أداء أسبوعي، وسجل قطاع التمويل أقوى "
            "تراجع (-1,33 في المائة)، وارتفع سهم الشركة (+15,15 في المائة إلى 150,9 دراهم).")
    got = amounts(ann, text)
    assert [(a.value, a.unit) for a in got] == [(8.93, "%"), (1.33, "%"), (15.15, "%"), (150.9, "MAD")]
    assert got[2].measure == "increase"
    assert all(a.value != 100 for a in got)  # "المائة" never becomes a hundred


def test_maghrebi_milliards_and_spellings_of_gigawatt(ann):
    assert vals(ann, "وخصصت الحكومة 10 ملايير درهم لدعم القطاع") == [(10e9, "money", "MAD")]
    assert vals(ann, "والتي تتوفر على قدرة تبلغ 4 جيغاوات") == [(4, "quantity", "GW")]


def test_a_definite_numeral_after_its_noun_counts_nothing(ann):
    assert amounts(ann, "وتأتي الدورية المشتركة بين الوزارات الثلاث سالفة الذكر") == []
