"""Themes, second pass: taxonomy gaps found on unseen pool articles, on sentences written in the
style of Arabic news."""

from __future__ import annotations

import pytest

from marsad import resources
from marsad.annotate.doc import Doc
from marsad.annotate.themes import ThemeAnnotator
from marsad.annotate.themes.taxonomy import taxonomy


@pytest.fixture(scope="module")
def ann() -> ThemeAnnotator:
    return ThemeAnnotator()


def themes(ann: ThemeAnnotator, text: str) -> list[str]:
    doc = Doc(text=text)
    ann(doc)
    for t in doc.themes:
        for ev in t.evidence:
            assert doc.text[ev.start : ev.end] == ev.text
    return [t.code for t in doc.themes]


def test_version_2_codes() -> None:
    assert resources.yaml_data("themes/taxonomy.yaml")["version"] >= 2
    tax = taxonomy()
    assert tax.parent["OCCUPATION"] == "WAR_CONFLICT"
    assert "INTELLIGENCE" in tax.codes


def test_occupation_and_settlers(ann: ThemeAnnotator) -> None:
    text = (
        "اقتحم عشرات المستوطنين باحات المسجد الأقصى صباح اليوم بحماية قوات الاحتلال، فيما شنت "
        "سلطات الاحتلال حملة اعتقالات في الضفة الغربية طالت عددا من الشبان."
    )
    got = themes(ann, text)
    assert got[0] == "OCCUPATION"


def test_espionage_is_not_trade(ann: ThemeAnnotator) -> None:
    text = (
        "قالت طوكيو إنها ستشعر بالأسف إذا تأكد ما كشفه موقع ويكيليكس عن التجسس الأميركي على "
        "وزراء يابانيين، وأضافت أن وكالة الأمن القومي تنصتت على مسؤولين في وزارة التجارة."
    )
    got = themes(ann, text)
    assert got[0] == "INTELLIGENCE"


def test_dust_storm_is_weather(ann: ThemeAnnotator) -> None:
    text = (
        "شلت العواصف الترابية الحركة في عدة محافظات وأدت إلى إغلاق المطارات وتعليق الرحلات، "
        "فيما حذرت هيئة الأرصاد من استمرار العاصفة الترابية حتى مساء الغد."
    )
    got = themes(ann, text)
    assert got[0] == "WEATHER_DISASTER"


def test_presidential_appointments_are_governance(ann: ThemeAnnotator) -> None:
    text = (
        "أصدر الرئيس قرارا رئاسيا يقضي بتعيين محافظين جدد لثلاث محافظات، ووفقا لمرسومين "
        "رئاسيين صدرا الليلة الماضية عين الرئيس قائدا جديدا للمنطقة العسكرية."
    )
    got = themes(ann, text)
    assert got and got[0] == "GOVERNANCE"


def test_suicide_bombing_in_a_mosque_is_terrorism_first(ann: ThemeAnnotator) -> None:
    text = (
        "كشفت وزارة الداخلية هوية الانتحاري الذي فجر نفسه بحزام ناسف داخل مسجد أثناء صلاة "
        "الظهر، وقالت إن الجريمة الإرهابية أسفرت عن مقتل خمسة عشر مصليا في المسجد."
    )
    got = themes(ann, text)
    assert got[0] == "TERRORISM"


def test_gold_prices_are_currency_not_labour(ann: ThemeAnnotator) -> None:
    text = (
        "ارتفع الذهب ارتفاعا طفيفا اليوم بعد بيانات قوية للوظائف الأمريكية، وصعد السعر الفوري "
        "للذهب إلى 1096 دولارا للأوقية، فيما ارتفعت الفضة وتراجع البلاتين."
    )
    got = themes(ann, text)
    assert got[0] == "CURRENCY"


def test_short_meeting_report_is_diplomacy(ann: ThemeAnnotator) -> None:
    text = (
        "التقى رئيس مجلس النواب في بيروت اليوم ممثلة الأمين العام للأمم المتحدة. وجرى خلال "
        "اللقاء بحث تطورات الأوضاع والمسائل ذات الاهتمام المشترك."
    )
    got = themes(ann, text)
    assert got and got[0] == "DIPLOMACY"
