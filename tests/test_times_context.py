"""The times layer, second pass: context that changes a value or rules an expression out
(realistic news sentences written in the style of the errors found in unseen articles)."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad import resources
from marsad.annotate.doc import Doc
from marsad.annotate.times import TimeAnnotator

TUE = dt.date(2015, 8, 11)  # a Tuesday
THU = dt.date(2015, 8, 6)  # a Thursday


@pytest.fixture(scope="module")
def ann() -> TimeAnnotator:
    return TimeAnnotator()


def values(ann: TimeAnnotator, text: str, pub: dt.date | None = TUE) -> dict[str, str]:
    doc = Doc(text=text, published=pub)
    ann(doc)
    for t in doc.times:
        assert text[t.start:t.end] == t.text
    return {t.text: t.value for t in doc.times}


# ---------------------------------------------------------------- schedules in the present tense

def test_present_tense_fixture_is_the_coming_weekday(ann: TimeAnnotator) -> None:
    assert values(ann, "ويخوض مساء الأربعاء المنتخب الأولمبي مباراته الثانية أمام اليابان.") == {
        "مساء الأربعاء": "2015-08-12TEV"}
    assert values(ann, "يلتقي الفريق يوم الخميس نظيره الأهلي على ملعب الجوهرة.") == {
        "يوم الخميس": "2015-08-13"}
    # a scheduled match (المقررة) a few words before the expression
    assert values(ann, "وتحدث المدرب عن المباراة المقررة أمام النصر مساء يوم الأربعاء في لندن.") == {
        "مساء يوم الأربعاء": "2015-08-12TEV"}


def test_past_and_since_keep_the_weekday_in_the_past(ann: TimeAnnotator) -> None:
    assert values(ann, "وألغيت الرحلة التي كان مقررا لها أصلا يوم الأربعاء.") == {"يوم الأربعاء": "2015-08-05"}
    assert values(ann, "وتستمر المعارك في المدينة منذ الأحد، بحسب المرصد.") == {"الأحد": "2015-08-09"}
    assert values(ann, "ويواجه المتهمون المحاكمة منذ أبريل (نيسان)، وفق المحكمة.") == {
        "أبريل (نيسان)": "2015-04"}


def test_present_verb_does_not_move_a_date(ann: TimeAnnotator) -> None:
    # a date with a day and a month is not a fixture: the holiday began in the past
    got = values(ann, "وهي الإجازة التي تبدأ من 24 رمضان وتستمر إلى 9 شوال.", dt.date(2015, 7, 21))
    assert got["24 رمضان"] == "2015-07-11"


def test_by_a_month_is_the_coming_one(ann: TimeAnnotator) -> None:
    assert values(ann, "وقد يرتفع عدد الجياع إلى 38 مليونا بحلول يونيو.") == {"يونيو": "2016-06"}
    assert values(ann, "وقد يرتفع عدد الجياع بحلول يونيو.", None) == {"يونيو": "XXXX-06"}


# ---------------------------------------------------------------- weekday words that are surnames

def test_weekday_after_a_first_name_or_title_is_a_surname_in_the_whole_article(ann: TimeAnnotator) -> None:
    text = ("أكد الأمين العام للاتحاد أحمد الخميس أن قرار التأجيل نهائي. "
            "وقال الخميس في تصريح خاص إن الاتحادات الخليجية متفقة.")
    assert values(ann, text) == {}
    assert values(ann, "وأوضح الدكتور الجمعة في ختام جولته أن الكلية جاهزة.") == {}
    # a foreign surname before the weekday leaves it a day
    assert values(ann, "وأفاد وزير الخارجية جون كيري الخميس أنه توصل إلى اتفاق.") == {"الخميس": "2015-08-06"}


# ---------------------------------------------------------------- day words with a weekday

def test_day_word_and_weekday_disagree_the_weekday_wins(ann: TimeAnnotator) -> None:
    # the article is dated after it was written: "أمس الاثنين" in an article dated Thursday
    assert values(ann, "احتفل الشيخ بزواج ابنته يوم أمس الاثنين بقصر الاحتفالات.", THU) == {
        "يوم أمس الاثنين": "2015-08-03"}
    # yesterday is never after publication
    assert values(ann, "دشن البيت التاريخي، أمس الخميس، أكبر أمسية أدبية.", dt.date(2015, 7, 21)) == {
        "أمس الخميس": "2015-07-16"}
    # tomorrow: the nearest such weekday to the day after publication
    assert values(ann, "يبدأ المنتخب يوم غد الأثنين معسكرا إعداديا في الرياض.") == {"يوم غد الأثنين": "2015-08-10"}
    assert values(ann, "وذكر أن اللجنة ستبدأ غدا الخميس وضع اللمسات النهائية.", THU) == {"غدا الخميس": "2015-08-06"}


# ---------------------------------------------------------------- expressions relative to the story

def test_previous_year_is_relative_to_the_year_the_story_names(ann: TimeAnnotator) -> None:
    got = values(ann, "وبلغ عدد الحالات 3100 حالة في عام 2013، مقارنة بـ2804 في السنة السابقة.")
    assert got == {"عام 2013": "2013", "السنة السابقة": "2012"}
    # without a year in the story: the year before publication; without a date: underspecified
    assert values(ann, "وارتفعت المبيعات مقارنة بالعام السابق.") == {"العام السابق": "2014"}
    assert values(ann, "وارتفعت المبيعات مقارنة بالعام السابق.", None) == {"العام السابق": "XXXX"}
    assert values(ann, "وانخفض الإنتاج في 2021 بنسبة 39% مقارنة بالعام السابق.", None) == {
        "2021": "2021", "العام السابق": "2020"}


# ---------------------------------------------------------------- numbers with the article

def test_definite_and_compound_counts(ann: TimeAnnotator) -> None:
    assert values(ann, "حققت الشركة الصدارة على مدار الثمانية عشر عامًا الماضية.") == {
        "الثمانية عشر عامًا": "P18Y"}
    assert values(ann, "وتراجع برنت في عشرة أشهر من الاثني عشر شهرا السابقة.")["الاثني عشر شهرا"] == "P12M"
    assert values(ann, "خلال الأربع سنوات الموالية لانتهاء العقد.") == {"الأربع سنوات": "P4Y"}
    # a name that ends in a number word, before a weekday, is not a duration
    assert values(ann, "ناقش اجتماع مجموعة السبع يوم الأحد، الأزمة.") == {"يوم الأحد": "2015-08-09"}


# ---------------------------------------------------------------- "today" that is not today

def test_this_day_is_not_today(ann: TimeAnnotator) -> None:
    assert values(ann, "إن الميليشيا عملت لمثل هذا اليوم بزرع الألغام.") == {}
    assert values(ann, "وأعلن الوزير اليوم أن الحدود ستفتح.") == {"اليوم": "2015-08-11"}


def test_frequent_words_are_not_anchors(ann: TimeAnnotator) -> None:
    # "إلى" and the pronoun "الذي" (ال + ذي of ذي القعدة) must not start a match attempt
    keys = {k for k, _ in ann.grammar.anchors.items()}
    assert "الي" not in keys and "الذي" not in keys
    assert values(ann, "والأمر لم يحسم إلى حد الساعة.") == {"حد الساعة": "PRESENT_REF"}


def test_context_cues_are_versioned_data() -> None:
    rows = resources.tsv("times/cues.tsv", 2)
    cats = {c for c, _ in rows}
    assert {"future_present", "past_before", "name_title", "anaphoric"} <= cats
    assert "# version: 2" in resources.path("times/cues.tsv").read_text(encoding="utf-8")


# ---------------------------------------------------------------- the day the article was written

def test_day_word_with_weekday_fixes_the_writing_day_for_the_whole_article(ann: TimeAnnotator) -> None:
    # dated Tuesday 21 July 2015 (when it was collected), written on Thursday 16 July
    text = ("أعلنت المحكمة العليا أن غدا الجمعة هو أول أيام عيد الفطر. وأعلنت سلطنة عمان أن غدا "
            "هو المتمم لشهر رمضان، وأعلنت اللجنة مساء اليوم عدم ثبوت رؤية الهلال.")
    got = values(ann, text, dt.date(2015, 7, 21))
    assert got["غدا الجمعة"] == "2015-07-17"
    assert got["غدا"] == "2015-07-17"
    assert got["مساء اليوم"] == "2015-07-16TEV"
    # a consistent article keeps its date
    text = "استقبل الأمير أمس الاثنين المواطنين، وافتتح أمس معرض الكتاب."
    assert values(ann, text, dt.date(2015, 8, 11)) == {"أمس الاثنين": "2015-08-10", "أمس": "2015-08-10"}
    # an article dated Friday that says "مساء اليوم الاثنين" was written on Monday
    text = "لقي شخصان مصرعهما في حادث وقع مساء اليوم الاثنين، ونقل المصابون أمس إلى المستشفى."
    got = values(ann, text, dt.date(2015, 7, 24))
    assert got == {"مساء اليوم الاثنين": "2015-07-20TEV", "أمس": "2015-07-19"}


def test_newspaper_named_today_is_not_a_date(ann: TimeAnnotator) -> None:
    assert values(ann, "وكانت «اليوم» قد حصلت على تقرير طبي عن الحالة.") == {}
    assert values(ann, "وقال: «سنعلن القرار اليوم» ثم غادر.") == {"اليوم": "2015-08-11"}
