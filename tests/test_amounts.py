"""The amounts layer on real Arabic news sentences (seed snippets and realistic sentences)."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.annotate.amounts import AmountAnnotator
from marsad.annotate.doc import Doc
from marsad.model import Entity, Mention, TimeExpr


@pytest.fixture(scope="module")
def ann() -> AmountAnnotator:
    return AmountAnnotator()


def run(ann: AmountAnnotator, text: str, times: list[TimeExpr] | None = None,
        entities: list[Entity] | None = None) -> Doc:
    doc = Doc(text=text, published=dt.date(2024, 5, 16))
    doc.times = times or []
    doc.entities = entities or []
    ann(doc)
    for a in doc.amounts:
        assert doc.text[a.start:a.end] == a.text
    return doc


def only(doc: Doc):
    assert len(doc.amounts) == 1, doc.amounts
    return doc.amounts[0]


def time_at(text: str, phrase: str, value: str, type_: str = "DATE") -> TimeExpr:
    i = text.index(phrase)
    return TimeExpr(start=i, end=i + len(phrase), text=phrase, type=type_, value=value)  # type: ignore[arg-type]


# --- the seed figures -------------------------------------------------------------------------


def test_seed_percent_share_in_national_currencies(ann):
    doc = run(ann, 'وأفاد بوتين بأنّ "90 % من حجم التبادل التجاري يتم بالعملتين الوطنيتين لروسيا والصين"، وقال')
    a = only(doc)
    assert (a.kind, a.value, a.unit, a.text) == ("percent", 90, "%", "90 %")
    assert a.measure == "share of trade settled in national currencies"


def test_seed_gas_supply_with_period(ann):
    text = ("وكشف أن روسيا أصبحت أحد أكبر موردي النفط والغاز للصين، إذ ضخت لها 13.8 مليار متر مكعب من الغاز "
            "عبر خط أنابيب (قوة سيبيريا) في أول 11 شهرًا من عام 2022.")
    times = [time_at(text, "أول 11 شهرًا من عام 2022", "2022")]
    a = only(run(ann, text, times))
    assert (a.kind, a.value, a.unit) == ("quantity", 13.8e9, "m3")
    assert a.measure == "gas supply"
    assert a.text == "13.8 مليار متر مكعب"


def test_seed_trade_volume_and_period(ann):
    text = ("بينما تقدم شريان حياة اقتصادي بالغ الأهمية حيث تصل التجارة إلى 240 مليار دولار في عام 2023.")
    a = only(run(ann, text, [time_at(text, "عام 2023", "2023")]))
    assert (a.kind, a.value, a.unit, a.measure, a.period) == ("money", 2.4e11, "USD", "trade volume", "2023")


def test_seed_two_trade_figures_one_sentence(ann):
    text = ("وتفاخر الكرملين بأن حجم التجارة الثنائية السنوية لروسيا مع الصين قد تجاوز قبل الموعد المحدد الهدف "
            "البالغ 200 مليار دولار الذي حدده بوتين وشي، ليصل إلى مستوى قياسي قدره 228 مليار دولار في عام 2023. "
            "وقال إن 90 في المائة من المعاملات بين البلدين مقومة بالروبل أو الدولار. يوان.")
    doc = run(ann, text, [time_at(text, "عام 2023", "2023")])
    got = [(a.value, a.unit, a.measure, a.period) for a in doc.amounts]
    assert got == [
        (2e11, "USD", "trade volume", None),
        (2.28e11, "USD", "trade volume", "2023"),
        (90, "%", "share of trade settled in national currencies", None),
    ]


def test_seed_multiplier_in_words(ann):
    text = "لقد تزايدت الشحنات الصينية من أدوات التحكم الرقمي بمقدار عشرة أضعاف منذ الغزو الشامل لأوكرانيا"
    a = only(run(ann, text))
    assert (a.kind, a.value, a.unit, a.text) == ("multiplier", 10, None, "عشرة أضعاف")


def test_seed_non_amounts(ann):
    text = ("ولم يتفق البلدان بعد على البدء في بناء خط أنابيب “قوة سيبيريا 2” الذي طال انتظاره. "
            "التدريبات التي جرت في الفترة من 21 إلى 27 ديسمبر/ كانون الأول تحت اسم \"التفاعل البحري-2022\". "
            "ووصل إلى موسكو في زيارة تستغرق أربعة أيام، وسيحضر الاحتفالات بالذكرى الثمانين للانتصار. "
            "منذ بداية جائحة \"كوفيد -19\". الثلاثاء 26 مارس / مارس 2024. وتقع هاربين على بعد بضع مئات "
            "الكيلومترات فقط من الحدود. 0 تعليق")
    i = text.index("قوة سيبيريا 2")
    ent = Entity(id="x", type="FAC", name="قوة سيبيريا 2", name_en=None,
                 mentions=[Mention(start=i, end=i + 13, text="قوة سيبيريا 2")])
    assert run(ann, text, entities=[ent]).amounts == []


# --- numbers ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text,value,unit", [
    ("بلغت الاستثمارات ٣ ملايين دولار", 3e6, "USD"),
    ("حصل على مليوني دولار", 2e6, "USD"),
    ("تبرع بنصف مليون ريال سعودي", 5e5, "SAR"),
    ("بلغت 1,5 مليار درهم مغربي", 1.5e9, "MAD"),
    ("بقيمة ١٣٫٨ مليار يورو", 13.8e9, "EUR"),
    ("بلغ المبلغ 1,250,000 جنيه مصري", 1.25e6, "EGP"),
    ("ارتفعت القيمة إلى 2 مليون و500 ألف دولار", 2.5e6, "USD"),
    ("وبلغت الكلفة مليار ونصف المليار دولار", 1.5e9, "USD"),
    ("وبلغ 29ر53 دولاراً للبرميل", 53.29, "USD"),
    ("بزيادة سنوية نسبتها 2،7 في المائة", 2.7, "%"),
    ("بلغت القيمة السوقية 2,023.33مليار ريال", 2.02333e12, "SAR"),
    ("تزيد أجرتها عن (300) ألف ريال في الأمانات", 3e5, "SAR"),
    ("ربح خام برنت 84 سنتاً", 0.84, "USD"),
    ("بقيمة مائة وخمسين ألف دينار كويتي", 150000, "KWD"),
    ("قيمتها ثلاثمائة مليون روبل", 3e8, "RUB"),
])
def test_values_and_currencies(ann, text, value, unit):
    a = only(run(ann, text))
    assert a.unit == unit
    assert a.value == pytest.approx(value)


def test_counts_in_words_and_scale_words(ann):
    a = only(run(ann, "وبلغ عدد الحضور ثلاثة وعشرون ألفا في الملعب"))
    assert (a.kind, a.value, a.unit) == ("count", 23000, None)
    a = only(run(ann, "ويقطن المدينة نحو 3 ملايين"))
    assert (a.kind, a.value, a.qualifier) == ("count", 3e6, "approx")


def test_counted_people_keep_unit_null_and_measure(ann):
    a = only(run(ann, "وأعلنت الوزارة مقتل 23 شخصا في القصف"))
    assert (a.kind, a.value, a.unit, a.measure) == ("count", 23, None, "deaths")
    a = only(run(ann, "ونزح أكثر من 8 ملايين شخص داخل البلاد"))
    assert (a.value, a.unit, a.measure, a.qualifier) == (8e6, None, "people", "more_than")


def test_quantities(ann):
    doc = run(ann, "وتنتج المنطقة 500 ألف برميل يوميا، وتبلغ القدرة 1200 ميغاواط على مساحة 40 كيلومترا مربعا")
    assert [(a.value, a.unit) for a in doc.amounts] == [(5e5, "bbl/d"), (1200, "MW"), (40, "km2")]
    assert doc.amounts[2].measure == "area"


# --- ambiguous currency names -----------------------------------------------------------------


def test_bare_riyal_is_saudi_unless_the_article_says_otherwise(ann):
    assert only(run(ann, "وتبلغ الغرامة خمسة آلاف ريال في الرياض")).unit == "SAR"
    assert only(run(ann, "أعلنت قطر أن الميزانية بلغت 200 مليار ريال")).unit == "QAR"
    assert only(run(ann, "وبلغت ودائع الأسر في المغرب 779.7 مليار درهم")).unit == "MAD"
    assert only(run(ann, "قال مصرف دبي إن الأرباح بلغت 3 مليارات درهم في الإمارات")).unit == "AED"
    assert only(run(ann, "أعلن البنك المركزي في الأردن عن 40 مليون دينار")).unit == "JOD"


# --- qualifiers, ranges ------------------------------------------------------------------------


@pytest.mark.parametrize("text,qualifier", [
    ("بلغت الصادرات نحو 5 مليارات دولار", "approx"),
    ("بلغت الصادرات حوالي 5 مليارات دولار", "approx"),
    ("بلغت الصادرات ما يقارب 5 مليارات دولار", "approx"),
    ("بلغت الصادرات 5 مليارات دولار تقريبا", "approx"),
    ("بلغت الصادرات أكثر من 5 مليارات دولار", "more_than"),
    ("بلغت الصادرات ما يزيد على 5 مليارات دولار", "more_than"),
    ("بلغت الصادرات أقل من 5 مليارات دولار", "less_than"),
    ("بغرامة لا تقل عن 5 آلاف ريال", "at_least"),
    ("بلغت الصادرات 5 مليارات دولار", None),
])
def test_qualifiers(ann, text, qualifier):
    a = only(run(ann, text))
    assert a.qualifier == qualifier
    assert a.value == 5e9 or a.value == 5000


def test_range_is_one_amount_with_upper_bound(ann):
    a = only(run(ann, "وتتراوح الاستثمارات بين 10 و20 مليار دولار"))
    assert a.value_max is not None
    assert (a.value, a.value_max, a.unit) == (1e10, 2e10, "USD")
    b = only(run(ann, "رياح بسرعة 15-35 كم/ساعة على الجزء الجنوبي"))
    assert (b.value, b.value_max, b.unit, b.measure) == (15, 35, "km/h", "speed")


def test_range_with_the_unit_on_both_bounds(ann):
    a = only(run(ann, "الإمدادات القادمة من روسيا تتراوح بين 30% و40%، وأن مشاريع الغاز"))
    assert (a.value, a.value_max, a.unit, a.text) == (30, 40, "%", "30% و40%")


def test_word_range_and_shared_currency(ann):
    a = only(run(ann, "وذلك أن كلفتها تتراوح بين مليون ومليوني دولار"))
    assert (a.value, a.value_max, a.unit) == (1e6, 2e6, "USD")
    doc = run(ann, "وارتفعت قيمة الـ20 لترا من البترول من 9 آلاف ريال إلى 30 ألفا في السوق السوداء في اليمن")
    assert [(x.value, x.unit) for x in doc.amounts] == [(20, "L"), (9000, "YER"), (30000, "YER")]


def test_bare_sums_after_money_in_the_sentence_are_money(ann):
    doc = run(ann, "ويحصل صاحب الذهبية على 40 ألف ريال، و30 ألفا للفضية و25 ألفا للبرونزية.")
    assert [(a.value, a.unit, a.kind) for a in doc.amounts] == [
        (40000, "SAR", "money"), (30000, "SAR", "money"), (25000, "SAR", "money")]
    doc = run(ann, "وبلغت الإيرادات 40 ألف ريال. ويعيش في المدينة 30 ألفا")
    assert [(a.value, a.unit, a.kind) for a in doc.amounts] == [(40000, "SAR", "money"), (30000, None, "count")]


def test_range_with_a_fuller_unit_on_the_upper_bound(ann):
    a = only(run(ann, "انخفاضا من تقديرات سابقة لها بما بين 250 ألف برميل و290 ألف برميل يوميا"))
    assert (a.value, a.value_max, a.unit) == (250000, 290000, "bbl/d")


def test_change_from_to_gives_two_amounts(ann):
    doc = run(ann, "وارتفع معدل التضخم من 5 إلى 7 في المائة")
    assert [(a.value, a.unit, a.measure) for a in doc.amounts] == [(5, "%", "inflation"), (7, "%", "inflation")]


# --- not amounts ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "فاز الهلال على النصر 2-1 في الدوري",
    "وصدر القانون رقم 15 لسنة 2023",
    "وفقا للمادة 12 من النظام",
    "للاستفسار الاتصال على الرقم 920001234",
    "يوم 21/12/2023 الساعة 10:30",
    "في عام 2023 وحتى عام 2025",
    "وكان الأول في الترتيب والثاني عشر في البطولة",
    "قتلى في هجوم لطائرات F-16 ومنظومة S-400",
    "وصل قبل ثلاثة أيام إلى المدينة",
    "قال أحد المسؤولين إن واحدة من الشركات",
    "وحصل الفريق على المركز 3 في الترتيب",
    "وطرح موانئ في البورصة تحت مظلة واحدة شركة واحدة",
])
def test_not_amounts(ann, text):
    assert run(ann, text).amounts == []


def test_a_name_with_a_digit_is_not_counted_but_the_cities_are(ann):
    doc = run(ann, "وأطلقت شبكة 5G في 12 مدينة")
    assert [(a.value, a.kind, a.measure) for a in doc.amounts] == [(12, "count", "cities")]


def test_years_never_become_amounts_without_the_times_layer(ann):
    doc = run(ann, "وبذلك يصل عدد حالات الإصابة منذ شهر يونيو 2012 إلى 1063 حالة")
    assert [(a.value, a.measure) for a in doc.amounts] == [(1063, "cases")]
    assert run(ann, "وكان البرهان أعلن في 25 أكتوبر/تشرين الأول 2021 حالة الطوارئ في السودان").amounts == []
    assert only(run(ann, "أعدم تنظيم داعش أكثر من 2000 مواطن من سكان الموصل")).value == 2000


def test_percent_sign_typed_before_the_digits(ann):
    a = only(run(ann, "وسجلت الأمطار انخفاضا نسبته ٪42 مقارنة بمتوسط الثلاثين سنة الماضية"))
    assert (a.value, a.unit, a.kind) == (42, "%", "percent")


def test_durations_kilocalories_and_construct_duals(ann):
    assert run(ann, "وهذا المخلوق أضخم ديناصور مجنح معروف عاش منذ 125 مليون عام").amounts == []
    a = only(run(ann, "سينتقل نصيب الفرد من استهلاك الغذاء من 3287 كيلو كالوري في اليوم"))
    assert (a.value, a.unit) == (3287, "kcal")
    a = only(run(ann, "وتحتاج سداد المبلغ، معها من المبلغ ألفا جنيه مصري"))
    assert (a.value, a.unit) == (2000, "EGP")
    a = only(run(ann, "مستحقاته التي تتجاوز الأربعة ملايين ونصف المليون ريال"))
    assert (a.value, a.unit) == (4.5e6, "SAR")
    assert run(ann, "وتبلغ مستحقاته ملايين ونصف المليون").amounts == []


def test_a_specific_measure_beats_a_change_verb(ann):
    assert only(run(ann, "وقال إن معدل البطالة ارتفع إلى 7 في المائة")).measure == "unemployment rate"
    assert only(run(ann, "وارتفعت المبيعات بنسبة 12%")).measure == "sales"
    doc = run(ann, "وصعد البلاديوم 2.6% إلى 2015.80 دولارا")
    assert [(a.value, a.unit, a.measure) for a in doc.amounts] == [(2.6, "%", "increase"), (2015.8, "USD", None)]


def test_measure_after_the_unit_must_be_adjacent(ann):
    a = only(run(ann, "إجمالي الاحتياطي العالمي بنحو 41.8 تريليون متر مكعب، بينما تتمتع روسيا بأكبر احتياطي من الغاز"))
    assert a.measure == "reserves"
    a = only(run(ann, "وتبلغ مساحتها نحو 100 كلم مربع"))
    assert a.measure == "area"


def test_percent_decimals_with_three_digits(ann):
    a = only(run(ann, "بينما الثالث بمعدل فائدة 2.149%، وهو مضمون من الحكومة"))
    assert a.value == pytest.approx(2.149)


def test_numbers_inside_time_expressions_are_skipped(ann):
    text = "خلال 3 ملايين سنة"
    assert run(ann, text, [time_at(text, "3 ملايين سنة", "P3000000Y", "DURATION")]).amounts == []


# --- period -----------------------------------------------------------------------------------


def test_period_from_a_time_before_in_the_sentence(ann):
    text = "وفي عام 2022، بلغت الإيرادات غير النفطية 411 مليار ريال."
    a = only(run(ann, text, [time_at(text, "عام 2022", "2022")]))
    assert (a.period, a.measure, a.unit) == ("2022", "non-oil revenue", "SAR")


def test_a_day_date_before_the_figure_is_not_its_period(ann):
    text = "وأعلنت الشركة يوم الخميس أن أرباحها بلغت 5 ملايين دولار."
    a = only(run(ann, text, [time_at(text, "يوم الخميس", "2024-05-16")]))
    assert a.period is None


def test_points_need_a_market_or_league_setting(ann):
    a = only(run(ann, "وأغلق المؤشر العام للسوق عند مستوى 8087 نقطة"))
    assert (a.value, a.unit) == (8087, "points")
    assert run(ann, "لأن كييف لم تحترم خريطة الطريق المكونة من 13 نقطة في إطار اتفاقيات مينسك").amounts == []


def test_an_inherited_measure_never_overrides_the_counted_noun(ann):
    doc = run(ann, "نتائج استطلاع شمل خمسة آلاف شخص من أصل 110 آلاف عضو في النادي")
    assert [(a.value, a.measure) for a in doc.amounts] == [(5000, "people"), (110000, "members")]


def test_a_date_taken_by_one_figure_is_not_the_next_ones_period(ann):
    text = "قفزت نسبة البطالة من 7% في 2021 إلى 30%، مع حقيقة أن نصف الأوكرانيين"
    doc = run(ann, text, [time_at(text, "2021", "2021")])
    assert [(a.value, a.period, a.measure) for a in doc.amounts] == [
        (7, "2021", "unemployment rate"), (30, None, "unemployment rate")]


def test_unknown_share_keeps_what_it_is_a_share_of(ann):
    a = only(run(ann, "الاتفاق الذي سيحرر التجارة في منطقة تغطي 40 في المائة من اقتصاد العالم بعد اشتداد الخلاف"))
    assert (a.measure, a.measure_text) == (None, "من اقتصاد العالم")


def test_unknown_measure_keeps_the_raw_phrase(ann):
    a = only(run(ann, "وبلغت تحويلات المغتربين نحو 5 مليارات دولار خلال الربع الأول"))
    assert (a.measure, a.measure_text, a.qualifier) == (None, "تحويلات المغتربين", "approx")


def test_bundled_demo_articles_give_exactly_the_gold_figures(ann):
    from pathlib import Path

    import marsad

    demo = Path(marsad.__file__).parent / "demo"
    got = {}
    for path in sorted(demo.glob("*.txt")):
        doc = run(ann, path.read_text(encoding="utf-8"))
        got[path.stem[:3]] = sorted((a.kind, a.value, a.unit) for a in doc.amounts)
    assert got == {
        "000": [("percent", 90, "%")],
        "001": [("quantity", 13.8e9, "m3")],
        "002": [("money", 2.4e11, "USD")],
        "003": sorted([("money", 2e11, "USD"), ("money", 2.28e11, "USD"), ("percent", 90, "%"),
                       ("multiplier", 10, None)]),
        "004": [],
    }
