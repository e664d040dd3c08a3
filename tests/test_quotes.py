"""Quotes and citations on real Arabic news sentences, with hand-made entities (unit tests) and
through the real pipeline (end-to-end)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from marsad.annotate.doc import Doc
from marsad.annotate.quotes import QuoteAnnotator
from marsad.model import Entity

PUTIN = ("wd:Q7747", "PER", ["فلاديمير بوتين", "الرئيس الروسي", "الزعيم الروسي", "بوتين"])
XI = ("wd:Q15031", "PER", ["شي جين بينغ", "الرئيس الصيني", "شي"])
USHAKOV = ("x:ushakov", "PER", ["يوري أوشاكوف", "أوشاكوف"])
PESKOV = ("x:peskov", "PER", ["دميتري بيسكوف"])
KREMLIN = ("x:kremlin", "ORG", ["الكرملين"])
XINHUA = ("x:xinhua", "ORG", ["وكالة أنباء الصين الجديدة", "شينخوا"])
TASS = ("x:tass", "ORG", ["تاس"])
CAIRO_NEWS = ("x:cairo", "ORG", ["قناة القاهرة الإخبارية"])
ZAKHAROVA = ("x:zakharova", "PER", ["ماريا زاخاروفا"])
LAVROV = ("x:lavrov", "PER", ["سيرغي لافروف"])
RUSSIA = ("x:russia", "GPE", ["روسيا"])
ALL = [PUTIN, XI, USHAKOV, PESKOV, KREMLIN, XINHUA, TASS, CAIRO_NEWS, ZAKHAROVA, LAVROV, RUSSIA]


@pytest.fixture(scope="module")
def ann() -> QuoteAnnotator:
    return QuoteAnnotator()


def make_doc(text: str, ents: list[tuple[str, str, list[str]]] = ALL) -> Doc:
    """A Doc whose entities are found by exact string match (longest form first)."""
    doc = Doc(text=text, published=dt.date(2024, 5, 16))
    taken: list[tuple[int, int]] = []
    for eid, etype, forms in ents:
        mentions = []
        for form in sorted(forms, key=len, reverse=True):
            for m in re.finditer(r"(?<!\w)[وبل]?(" + re.escape(form) + r")(?!\w)", text):
                s, e = m.span(1)
                if any(s < b and a < e for a, b in taken):
                    continue
                taken.append((s, e))
                mentions.append(doc.mention(s, e, form="name"))
        if mentions:
            doc.entities.append(Entity(id=eid, type=etype, name=forms[0], name_en=None, mentions=mentions))  # type: ignore[arg-type]
    return doc


def run(ann: QuoteAnnotator, text: str, ents=ALL) -> Doc:
    doc = make_doc(text, ents)
    ann(doc)
    for q in doc.quotes:  # span honesty
        assert text[q.start : q.end] == q.text
        if q.cue is not None:
            assert text[q.cue.start : q.cue.end] == q.cue.text
    for c in doc.citations:
        assert text[c.start : c.end] == c.text
    return doc


def quote_with(doc: Doc, fragment: str):
    found = [q for q in doc.quotes if fragment in q.text]
    assert found, f"no quote contains {fragment!r}: {[q.text for q in doc.quotes]}"
    return found[0]


# -- indirect speech -------------------------------------------------------------------------
def test_vso_indirect_with_title_and_participle_chain(ann):
    text = (
        "أكد الرئيس الروسي فلاديمير بوتين، الخميس، أن الطاقة هي المجال الرئيسي للتعاون مع الصين، "
        "مضيفاً أن العام الماضي شهد وصول إمدادات النفط والغاز الروسية إلى الصين لمستويات قياسية."
    )
    doc = run(ann, text)
    assert len(doc.quotes) == 2
    q1, q2 = doc.quotes
    assert q1.text == "الطاقة هي المجال الرئيسي للتعاون مع الصين"
    assert (q1.kind, q1.speaker, q1.cue.text) == ("indirect", "wd:Q7747", "أكد")
    assert q2.text.startswith("العام الماضي شهد") and q2.text.endswith("لمستويات قياسية")
    assert (q2.speaker, q2.cue.text) == ("wd:Q7747", "مضيفاً")


def test_prepositional_complementisers(ann):
    doc = run(ann, "ولفت شي إلى أن الطريق إلى محادثات السلام لن يكون سهلاً. وشدد على أن بكين ستستمر في التمسك بالهدف.")
    assert quote_with(doc, "الطريق إلى محادثات السلام").speaker == "wd:Q15031"
    assert quote_with(doc, "بكين ستستمر").speaker == "wd:Q15031"  # bare وشدد continues


def test_mixed_quote(ann):
    doc = run(ann, 'وأفاد بوتين بأنّ "90 % من حجم التبادل التجاري يتم بالعملتين الوطنيتين لروسيا والصين".')
    q = quote_with(doc, "90 % من حجم التبادل")
    assert (q.kind, q.speaker) == ("mixed", "wd:Q7747")


def test_reporting_chain_inside_a_report(ann):
    text = (
        "وفي سياق متصل، أفادت قناة القاهرة الإخبارية في خبرٍ عاجلٍ، بأن الرئيس الروسي بوتين، قال إن "
        "عدد كبير من القوات الصينية ستشارك بالعرض العسكري لعيد النصر."
    )
    doc = run(ann, text)
    assert [q.text for q in doc.quotes] == ["عدد كبير من القوات الصينية ستشارك بالعرض العسكري لعيد النصر"]
    assert doc.quotes[0].speaker == "wd:Q7747"
    assert [(c.text, c.source) for c in doc.citations] == [("أفادت قناة القاهرة الإخبارية", "x:cairo")]


def test_svo_subject_after_complementiser_ends_previous_quote(ann):
    text = (
        "وقال الكرملين إن بوتين أيد موقف الصين بشأن تايوان، على الرغم من أن أوشاكوف قال إن الجزء "
        "الأخير من المكالمة كان “موجزا إلى حد ما”."
    )
    doc = run(ann, text)
    first = quote_with(doc, "بوتين أيد موقف الصين")
    assert first.speaker == "x:kremlin" and "أوشاكوف" not in first.text
    second = quote_with(doc, "موجزا إلى حد ما")
    assert (second.speaker, second.kind) == ("x:ushakov", "mixed")


def test_masdar_after_an(ann):
    text = "ونقلت وكالة تاس عن يوري أوشاكوف قوله إن موسكو وبكين لا تقبلان هذه السياسة."
    doc = run(ann, text)
    q = quote_with(doc, "موسكو وبكين لا تقبلان")
    assert (q.speaker, q.cue.text) == ("x:ushakov", "قوله")
    assert [c.source for c in doc.citations] == ["x:tass"]


# -- direct speech ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "marks",
    [('"', '"'), ("“", "”"), ("«", "»"), ("”", "“"), ("„", "“"), ("'", "'"), ("‘", "’")],
)
def test_direct_quote_styles(ann, marks):
    o, c = marks
    text = f"وقال بوتين: {o}نحن ندافع عن مواقفنا المبدئية في مواجهة الضغوط{c}."
    doc = run(ann, text)
    assert len(doc.quotes) == 1
    q = doc.quotes[0]
    assert q.text == "نحن ندافع عن مواقفنا المبدئية في مواجهة الضغوط"
    assert (q.kind, q.speaker) == ("direct", "wd:Q7747")


def test_unclosed_quote_ends_at_paragraph_end(ann):
    text = (
        'وتابع الرئيس الروسي، خلال مؤتمر صحفي مع نظيره الصيني،شي جين بينغ، "هذا سيساعد في تقديم الطاقة '
        "للمؤسسات والمنازل، وتحسين الأوضاع البيئية في المدن الصينية الكبيرة.\n\nالقيمة المضافة للابتكارات"
    )
    doc = run(ann, text)
    assert len(doc.quotes) == 1
    q = doc.quotes[0]
    assert q.text.startswith("هذا سيساعد") and q.text.endswith("المدن الصينية الكبيرة")
    assert q.speaker == "wd:Q7747"  # the title, not the Chinese counterpart after مع


def test_bi_alqawl_and_sentence_initial_subject(ann):
    text = (
        'وكان دميتري بيسكوف المتحدث باسم الكرملين، قد صرح أمس حول اللقاء بالقول: "سيكون من المهم جدًا '
        'تبادل وجهات النظر بشأن المشاكل الإقليمية".'
    )
    doc = run(ann, text)
    assert quote_with(doc, "سيكون من المهم جدًا").speaker == "x:peskov"


def test_continuation_quote_after_closing_mark(ann):
    text = "وأضاف أوشاكوف: “موسكو وبكين لا ولن تقبلا بهذه السياسة”. “الشيء الأكثر أهمية هو أن يفهم قادة البلدين ذلك”."
    doc = run(ann, text)
    assert [q.speaker for q in doc.quotes] == ["x:ushakov", "x:ushakov"]
    assert doc.quotes[1].text.startswith("الشيء الأكثر أهمية")


def test_scare_quotes_and_names_are_not_quotes(ann):
    text = (
        "يرفض شي وبوتين “التدخل” الأمريكي ويتعهدان بتعاون صناعي أقوى، حيث تقوم شركة “روساتوم” الروسية "
        "ببناء المحطات، بحسب وكالة “تاس” الرسمية."
    )
    doc = run(ann, text)
    assert doc.quotes == []
    assert [(c.text, c.source) for c in doc.citations] == [("بحسب وكالة “تاس”", "x:tass")]


# -- speakers: chains, switches, precision ---------------------------------------------------
def test_bare_cue_continues_and_switch_cue_changes_speaker(ann):
    text = (
        "وقال بوتين: \"في سياق ضغوط غير مسبوقة، نحن ندافع عن مواقفنا\". وأشار إلى أنّ التنسيق بين موسكو "
        "وبكين يخدم إقامة نظام دولي عادل.\nبدوره، أكد الرئيس الصيني استعداد بلاده لزيادة التعاون.\n"
        'وقال خلال اللقاء: "نمر بتحديات مختلفة وينبغي أن ندعم بعضنا".'
    )
    doc = run(ann, text)
    assert quote_with(doc, "التنسيق بين موسكو").speaker == "wd:Q7747"
    assert quote_with(doc, "نمر بتحديات مختلفة").speaker == "wd:Q15031"


def test_unnamed_sources_give_null_speaker_and_citation(ann):
    doc = run(ann, "وقالت مصادر مطلعة إن بوتين سيزور الصين الشهر المقبل في أول رحلة خارجية له.")
    q = quote_with(doc, "بوتين سيزور الصين")
    assert q.speaker is None
    assert [(c.text, c.source) for c in doc.citations] == [("قالت مصادر مطلعة", None)]


def test_unresolved_subject_stops_the_chain(ann):
    text = (
        "وقال بوتين إن العلاقات مع الصين في أفضل حالاتها. وقال مسؤول صيني إن المحادثات كانت بناءة. "
        "وأضاف أن الجانبين اتفقا على مواصلة الحوار."
    )
    doc = run(ann, text)
    assert quote_with(doc, "العلاقات مع الصين").speaker == "wd:Q7747"
    assert quote_with(doc, "المحادثات كانت بناءة").speaker is None
    assert quote_with(doc, "الجانبين اتفقا").speaker is None  # not Putin


def test_feminine_cue_rejects_male_person(ann):
    # the verb is feminine: its subject is the ministry, never Lavrov
    doc = run(ann, "وقالت الخارجية الروسية على لسان سيرغي لافروف إن المفاوضات متوقفة حاليا.")
    assert quote_with(doc, "المفاوضات متوقفة").speaker is None
    doc = run(ann, "وقالت المتحدثة باسم الخارجية الروسية ماريا زاخاروفا إن المفاوضات متوقفة حاليا.")
    assert quote_with(doc, "المفاوضات متوقفة").speaker == "x:zakharova"


def test_addressee_is_not_speaker(ann):
    doc = run(ann, "وقالت لوكالة تاس إن الوضع في المنطقة خطير للغاية ويتطلب تحركا عاجلا.")
    assert quote_with(doc, "الوضع في المنطقة خطير").speaker is None


def test_post_posed_cue(ann):
    doc = run(ann, "“لن نسمح بأي تدخل في شؤوننا الداخلية مهما كانت الضغوط”، قال بوتين.")
    q = quote_with(doc, "لن نسمح بأي تدخل")
    assert (q.speaker, q.cue.text, q.kind) == ("wd:Q7747", "قال", "direct")


# -- citations -------------------------------------------------------------------------------
def test_citation_patterns(ann):
    text = (
        "وذكرت وكالة أنباء الصين الجديدة (شينخوا) أن بوتين زار مدينة هاربين. "
        "ووفقاً لبيان مشترك وقعه الزعيمان، تم التخطيط للتوسع. "
        "وارتفعت التجارة بحسب الاتفاق الموقع. "
        "وقال بوتين، نقلاً عن وكالة رويترز، إن التجارة ستنمو."
    )
    doc = run(ann, text)
    cites = [(c.text, c.source) for c in doc.citations]
    assert ("ذكرت وكالة أنباء الصين الجديدة (شينخوا)", "x:xinhua") in cites
    assert ("نقلاً عن وكالة رويترز", None) in cites
    assert all("بيان مشترك" not in t and "الاتفاق" not in t for t, _ in cites)


def test_no_cue_no_output(ann):
    doc = run(ann, "وصل بوتين يوم الخميس إلى بكين في أول رحلة له إلى الخارج منذ إعادة انتخابه في مارس.")
    assert doc.quotes == [] and doc.citations == []


def test_diacritics_and_tatweel_keep_spans_honest(ann):
    text = "وَقَالَ بُوتِين إنَّ الطَّاقَةَ هِيَ المجـــال الرئيسي للتعاون."
    doc = run(ann, text, [("wd:Q7747", "PER", ["بُوتِين"])])
    q = doc.quotes[0]
    assert q.text == "الطَّاقَةَ هِيَ المجـــال الرئيسي للتعاون"
    assert q.cue.text == "قَالَ" and q.speaker == "wd:Q7747"


# -- resources -------------------------------------------------------------------------------
def test_resources_are_versioned_and_well_formed():
    from marsad import resources

    text = resources.path("quotes/cues.tsv").read_text(encoding="utf-8")
    assert "# version:" in text
    rows = resources.tsv("quotes/cues.tsv", 4)
    kinds = {r[1] for r in rows}
    assert {"say", "assert", "add", "deny", "warn", "call", "announce", "reveal", "opine", "report"} <= kinds
    assert {r[2] for r in rows} == {"verb", "part", "masdar"}
    assert {r[3] for r in rows} <= {"m", "f", "p"}
    forms = [r[0] for r in rows]
    assert len(forms) == len(set(forms)), "duplicate cue forms"
    markers = resources.yaml_data("quotes/markers.yaml")
    cites = resources.yaml_data("quotes/citations.yaml")
    assert markers["version"] >= 1 and cites["version"] >= 1
    for key in ("complementisers", "subject_breaks", "switch_cues", "unnamed_speakers", "female_titles",
                "name_heads", "genitive_heads", "person_titles", "relative_pronouns", "morphology"):
        assert markers[key], key
    for key in ("prepositions", "report_verbs", "media_heads", "unnamed_sources", "outlets", "adjective_suffixes"):
        assert cites[key], key
    assert set(markers["proclitics"]) == {"و", "ف"}


# -- end to end ------------------------------------------------------------------------------
def test_pipeline_end_to_end_on_seed_snippet():
    from marsad.annotate.pipeline import Pipeline

    text = (
        "أكد الرئيس الروسي فلاديمير بوتين، الخميس، أن الطاقة هي المجال الرئيسي للتعاون مع الصين.\n\n"
        'وأفاد بوتين بأنّ "90 % من حجم التبادل التجاري يتم بالعملتين الوطنيتين لروسيا والصين"، '
        'وقال: "وسّعنا التعاون مع الصين في مجالات عدة".\n\n'
        "وتعتزم روسيا والصين توسيع التعاون في مجالات النفط، بحسب وكالة \"تاس\" الرسمية."
    )
    doc = Pipeline(["entities", "quotes"])(Doc(text=text, published=dt.date(2024, 5, 16)))
    texts = [q.text for q in doc.quotes]
    assert texts[0] == "الطاقة هي المجال الرئيسي للتعاون مع الصين"
    assert any(t.startswith("وسّعنا التعاون") for t in texts)
    assert len(doc.quotes) == 3
    speakers = {q.speaker for q in doc.quotes}
    assert speakers <= {"wd:Q7747", None}  # never someone else
    assert len(doc.citations) == 1 and "تاس" in doc.citations[0].text


# -- precision guards found by reading pool articles -----------------------------------------
KHAMENEI = ("x:khamenei", "PER", ["خامنئي"])
SHARIF = ("x:sharif", "PER", ["رئيس الوزراء الباكستاني"])


def test_relational_noun_before_a_name_is_not_the_speaker(ann):
    doc = run(ann, "فيما قال ولايتي مستشار خامنئي: إن أمريكا تريد التفاوض مع طهران حول اليمن وسوريا.", [KHAMENEI])
    assert quote_with(doc, "أمريكا تريد التفاوض").speaker is None
    text = "ونقلت عن مستشار رئيس الوزراء الباكستاني للشؤون الخارجية قوله بأن الحوار هو الحل الأمثل للخلافات."
    doc = run(ann, text, [SHARIF])
    assert quote_with(doc, "الحوار هو الحل الأمثل").speaker is None


def test_unnamed_subject_before_verb_blocks_the_chain(ann):
    text = (
        "وقال بوتين إن بلاده لن تتراجع عن مواقفها. غير أن مسؤولا أميركيا، رفض نشر اسمه، قال أمس "
        "إن هناك خلافا بين البلدين حول الخطوة التالية."
    )
    doc = run(ann, text)
    assert quote_with(doc, "بلاده لن تتراجع").speaker == "wd:Q7747"
    assert quote_with(doc, "هناك خلافا بين البلدين").speaker is None


def test_participle_mid_sentence_after_unknown_verb_has_no_speaker(ann):
    text = (
        "وقال بوتين إن العلاقات جيدة. وتحدثت مصادر أمنية عن اجتماع المتشددين، مشيرا إلى أن الأنصاري "
        "لم يحضر الاجتماع الذي تعرض للقصف."
    )
    doc = run(ann, text)
    assert quote_with(doc, "الأنصاري لم يحضر").speaker is None


def test_quoted_names_and_titles_are_skipped(ann):
    doc = run(ann, "وأعلنت مجموعة “Octopus Energy Group” للطاقة المتجددة عن شراكة مالية مع الشركة.")
    assert doc.quotes == []
    text = 'وقالت شركة "ميت إنفست"، وهي أكبر شركة للصلب، إنها قلقة من استخدام السفن العالقة في الميناء.'
    doc = run(ann, text)
    assert [q.text for q in doc.quotes] == ["قلقة من استخدام السفن العالقة في الميناء"]
    doc = run(ann, 'وأورد الشيخ مقالا جديدا تحت عنوان "بعد الإرث رفيقي يهاجم أحاديث في البخاري ومسلم".')
    assert doc.quotes == []


def test_nationality_adjective_is_not_a_speaker(ann):
    ents = [("x:us", "GPE", ["الأميركي"])]
    doc = make_doc("الأميركي شكل السوق قبل عشر سنوات، كما يشير إلى أن روسيا ستكون قادرة على التحايل على الحظر.", ents)
    doc.entities[0].mentions[0].form = "adjective"
    ann(doc)
    assert quote_with(doc, "روسيا ستكون قادرة").speaker is None


def test_headline_colon_quotes(ann):
    text = (
        "موسكو وبكين تسعيان لعالم متعدد الأقطاب.. بوتين: روسيا مورد موثوق للطاقة للاقتصاد الصيني\n\n"
        "ظريف: تنازلنا عن بعض المطالب.. كيري: الاتفاق جيد\n\n"
        "روسيا: الرياض تستضيف القمة\n\n"
        "اقرأ أيضاً: بوتين خلال زيارته إلى الصين: العلاقات الروسية الصينية ليست موجهة ضد أي أحد"
    )
    ents = [PUTIN, ("x:zarif", "PER", ["ظريف"]), ("x:kerry", "PER", ["كيري"]), RUSSIA]
    doc = run(ann, text, ents)
    got = [(q.text, q.speaker, q.rule) for q in doc.quotes]
    assert ("روسيا مورد موثوق للطاقة للاقتصاد الصيني", "wd:Q7747", "direct-headline") in got
    assert ("تنازلنا عن بعض المطالب", "x:zarif", "direct-headline") in got
    assert all(s != "x:russia" for _, s, _ in got)  # a place before a colon is a dateline
    assert len(got) == 2  # "الاتفاق جيد" is too short; "إلى الصين:" is not a segment start


def test_relative_clause_subject_and_addressee(ann):
    mbz = ("x:mbz", "PER", ["محمد بن زايد"])
    jubeir = ("x:jubeir", "PER", ["عادل الجبير"])
    text = (
        "وجاء تصريح الشيخ محمد بن زايد الذي أكد لوزير الخارجية عادل الجبير أن السعودية تمثل حجر الزاوية "
        "في الدفاع عن القضايا العربية."
    )
    doc = run(ann, text, [mbz, jubeir])
    assert quote_with(doc, "السعودية تمثل حجر الزاوية").speaker == "x:mbz"


def test_verb_inside_a_clause_does_not_chain(ann):
    text = (
        "وقال بوتين إن العلاقات مع الصين ممتازة. وتوقفت المفاوضات أمس، لكن قراءة في تقارير مراكز الأبحاث "
        "تشير إلى أن هناك تراجعا في الرواية الرسمية."
    )
    doc = run(ann, text)
    assert quote_with(doc, "هناك تراجعا في الرواية").speaker is None
    # a fronted phrase before the verb keeps the chain
    text = "وقال بوتين إن العلاقات مع الصين ممتازة. وحول أزمة أوكرانيا قال: إن الحل لن يكون عسكريا أبدا."
    doc = run(ann, text)
    assert quote_with(doc, "الحل لن يكون عسكريا").speaker == "wd:Q7747"


def test_titled_stranger_blocks_fallback(ann):
    text = (
        "احتفى رئيس البعثة بوتين بالمنتخب في أحد الفنادق وقد عبر مدير المنتخب خالد مطر عن سعادته "
        'وقال: "جهود رئيس البعثة واضحة فهو قريب من الجميع".'
    )
    doc = run(ann, text)
    assert quote_with(doc, "جهود رئيس البعثة واضحة").speaker is None


def test_topic_marker_and_self_mention_block_guesses(ann):
    text = (
        "وقال بوتين إن الوضع معقد للغاية. أما الصحفي محفوظ السالك المتخصص في الشؤون الإفريقية، فيرى أن "
        "المجموعة بلورت رؤية تنموية مشتركة."
    )
    doc = run(ann, text)
    assert quote_with(doc, "المجموعة بلورت رؤية").speaker is None
    dbeibah = ("x:dbeibah", "PER", ["الدبيبة"])
    text = (
        "وزار الدبيبة مدينة مصراتة أمس. وقال \"الحكومتان لا تريدان الذهاب للانتخابات، وحكومة الدبيبة "
        'لا تستطيع إجراءها".'
    )
    doc = run(ann, text, [dbeibah])
    assert quote_with(doc, "الحكومتان لا تريدان").speaker is None


def test_verb_inside_reported_clause_does_not_cut_it(ann):
    mahdi = ("x:mahdi", "PER", ["محمد مهدي"])
    text = (
        "لكن المحلل محمد مهدي قال إن استمرار الهجمات يضيف بعض الاضطراب إلى العلاقات الثنائية، إلا أن "
        "الصين تدرك حجم التحدي."
    )
    doc = run(ann, text, [mahdi])
    assert len(doc.quotes) == 1
    q = doc.quotes[0]
    assert q.speaker == "x:mahdi"
    assert q.text.startswith("استمرار الهجمات يضيف") and q.text.endswith("الصين تدرك حجم التحدي")


def test_collective_and_unnamed_sources_take_only_adjectives(ann):
    cases = {
        "وفقا لوسائل الإعلام الباكستانية فقد كانت الطائرة تقل عشرين راكبا.": "وفقا لوسائل الإعلام الباكستانية",
        "ونشرت صحف أجنبية تسريبات عن الاتفاق.": "نشرت صحف أجنبية",
        "وأعلنت مصادر أمنية عراقية مقتل ثلاثة مسلحين.": "أعلنت مصادر أمنية عراقية",
        "وذكر شهود عيان أنهم سمعوا دوي انفجار.": "ذكر شهود عيان",
    }
    for text, cited in cases.items():
        doc = run(ann, text, [])
        assert [(c.text, c.source) for c in doc.citations] == [(cited, None)], text


def test_single_quotes_nest_inside_double_and_apostrophes_are_ignored(ann):
    text = "وقال بوتين: “إن الغرب يسمي ذلك ‘الردع المتبادل’ لكننا نرفض هذا المنطق تماما”."
    doc = run(ann, text)
    assert [q.text for q in doc.quotes] == ["إن الغرب يسمي ذلك ‘الردع المتبادل’ لكننا نرفض هذا المنطق تماما"]
    text = "وأضافت مغنية Mother's Daughter \" كوكب الأرض قد استنفذ ولا أود أن أنجب أطفالا الآن\"."
    doc = run(ann, text)
    assert [q.text for q in doc.quotes] == ["كوكب الأرض قد استنفذ ولا أود أن أنجب أطفالا الآن"]
