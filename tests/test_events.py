"""Events annotator: triggers, arguments, negation/modality, merging, on real Arabic sentences.

Unit tests fill doc.entities by hand (so they do not depend on the entity annotator); a few
end-to-end tests run the real pipeline on the demo seeds.
"""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.annotate.doc import Doc
from marsad.annotate.events import EventAnnotator
from marsad.model import Entity, Mention

PUTIN = ("wd:Q7747", "PER", "فلاديمير بوتين")
XI = ("wd:Q15031", "PER", "شي جين بينغ")
RUSSIA = ("wd:Q159", "GPE", "روسيا")
CHINA = ("wd:Q148", "GPE", "الصين")
USA = ("wd:Q30", "GPE", "الولايات المتحدة")
UKRAINE = ("wd:Q212", "GPE", "أوكرانيا")
MOSCOW = ("wd:Q649", "GPE", "موسكو")
BEIJING = ("wd:Q956", "GPE", "بكين")


@pytest.fixture(scope="module")
def ann() -> EventAnnotator:
    return EventAnnotator()


def make_doc(text: str, mentions: list[tuple[str, tuple[str, str, str], str]], published: str = "2024-05-16") -> Doc:
    """A Doc whose entities are the given (surface, entity, form) mentions, every occurrence of
    each surface (longest surfaces first, no overlaps)."""
    doc = Doc(text=text, published=dt.date.fromisoformat(published))
    taken: list[tuple[int, int]] = []
    ents: dict[str, Entity] = {}
    for surface, (eid, etype, name), form in sorted(mentions, key=lambda m: -len(m[0])):
        i = text.find(surface)
        while i >= 0:
            j = i + len(surface)
            if all(j <= a or i >= b for a, b in taken):
                taken.append((i, j))
                ent = ents.setdefault(eid, Entity(id=eid, type=etype, name=name, name_en=None, mentions=[]))  # type: ignore[arg-type]
                ent.mentions.append(Mention(start=i, end=j, text=surface, form=form))  # type: ignore[arg-type]
            i = text.find(surface, j)
    for e in ents.values():
        e.mentions.sort(key=lambda m: m.start)
    doc.entities = list(ents.values())
    return doc


def codes(doc: Doc) -> list[tuple[str, str | None, str | None]]:
    return [(e.code, e.source, e.target) for e in doc.events]


def test_verb_subject_with_target(ann: EventAnnotator) -> None:
    text = "التقى الرئيس الروسي فلاديمير بوتين عبر تقنية الفيديو، اليوم الجمعة، مع الرئيس الصيني شي جينبينغ."
    doc = make_doc(text, [("الرئيس الروسي فلاديمير بوتين", PUTIN, "name"), ("الرئيس الصيني شي جينبينغ", XI, "name")])
    ann(doc)
    assert codes(doc) == [("040", "wd:Q7747", "wd:Q15031")]
    ev = doc.events[0]
    assert ev.trigger.text == "التقى" and text[ev.trigger.start : ev.trigger.end] == "التقى"
    assert ev.goldstein == 1.0 and ev.label == "Consult"
    assert ev.time == "2024-05-16"  # past-tense report, no time expression in the sentence


def test_light_verb_and_masdar(ann: EventAnnotator) -> None:
    text = "وفي إطار زيارته للصين، أجرى بوتين محادثات منفصلة مع رئيس مجلس الدولة الصيني لي تشيانغ."
    li = ("m:li-qiang", "PER", "لي تشيانغ")
    doc = make_doc(text, [("للصين", CHINA, "name"), ("بوتين", PUTIN, "name"), ("رئيس مجلس الدولة الصيني", li, "title"), ("لي تشيانغ", li, "name")])
    ann(doc)
    got = set(codes(doc))
    assert ("040", "wd:Q7747", "m:li-qiang") in got  # talks: light-verb subject + مع
    assert ("042", "wd:Q7747", "wd:Q148") in got  # his visit to China: pronoun -> clause subject


def test_coordinated_subject_and_adjective_target(ann: EventAnnotator) -> None:
    text = "وقد رفض شي جين بينغ وفلاديمير بوتين “التدخل” الأمريكي في شؤونهما."
    doc = make_doc(text, [("شي جين بينغ", XI, "name"), ("فلاديمير بوتين", PUTIN, "name"), ("الأمريكي", USA, "adjective")])
    ann(doc)
    assert codes(doc) == [("120", "wd:Q15031", "wd:Q30")]
    assert doc.events[0].goldstein == -4.0


def test_dual_subject_resolves_to_main_parties(ann: EventAnnotator) -> None:
    text = (
        "تسعى روسيا والصين إلى تعزيز علاقاتهما. وقالت روسيا إن الصين شريك. وأكدت الصين أن روسيا جارة. "
        "ووقع البلدان شراكة إستراتيجية قبل أيام."
    )
    doc = make_doc(text, [("روسيا", RUSSIA, "name"), ("الصين", CHINA, "name")])
    ann(doc)
    assert len(doc.events) == 1
    ev = doc.events[0]
    assert ev.code == "057" and {ev.source, ev.target} == {"wd:Q159", "wd:Q148"}


def test_negation_drops_the_event(ann: EventAnnotator) -> None:
    text = "لم يلتق بوتين مع شي جين بينغ خلال القمة. ولن يزور بوتين الصين هذا العام."
    doc = make_doc(text, [("بوتين", PUTIN, "name"), ("شي جين بينغ", XI, "name"), ("الصين", CHINA, "name")])
    ann(doc)
    assert doc.events == []


def test_future_becomes_intent(ann: EventAnnotator) -> None:
    text = "وأعلن بوتين اليوم الجمعة أن نظيره الصيني سيقوم في ربيع عام 2023 بزيارة إلى روسيا."
    doc = make_doc(text, [("بوتين", PUTIN, "name"), ("نظيره الصيني", XI, "title"), ("روسيا", RUSSIA, "name")])
    ann(doc)
    assert codes(doc) == [("036", "wd:Q15031", "wd:Q159")]
    assert doc.events[0].time is None  # an intent has no date of happening
    text2 = "سيزور بوتين الصين الشهر المقبل."
    doc2 = make_doc(text2, [("بوتين", PUTIN, "name"), ("الصين", CHINA, "name")])
    ann(doc2)
    assert codes(doc2) == [("036", "wd:Q7747", "wd:Q148")]


def test_unresolved_actor_drops_the_event(ann: EventAnnotator) -> None:
    # no named subject: nobody to attach the visit to
    text = "وزار الوفد مدينة هاربين لتعزيز العلاقات التجارية."
    doc = make_doc(text, [("هاربين", ("m:harbin", "GPE", "هاربين"), "name")])
    ann(doc)
    assert doc.events == []


def test_repeated_mentions_merge(ann: EventAnnotator) -> None:
    text = "وصل بوتين إلى بكين يوم الخميس. وفي بكين، وصل بوتين إلى بكين مرة أخرى."
    doc = make_doc(text, [("بوتين", PUTIN, "name"), ("بكين", BEIJING, "name")])
    ann(doc)
    assert codes(doc) == [("042", "wd:Q7747", "wd:Q956")]


def test_ministry_is_not_a_visit(ann: EventAnnotator) -> None:
    # وزارته = "his ministry", not و + زار
    text = "وقال الوزير إن وزارته تعمل مع روسيا والصين."
    doc = make_doc(text, [("روسيا", RUSSIA, "name"), ("الصين", CHINA, "name")])
    ann(doc)
    assert doc.events == []


def test_apposition_is_not_the_object(ann: EventAnnotator) -> None:
    text = "انتقد سمير دندن، رئيس جمعية المسلمين اللبنانيين في أستراليا، أمس برنامج الحكومة."
    dandan = ("m:dandan", "PER", "سمير دندن")
    doc = make_doc(text, [("سمير دندن", dandan, "name"), ("اللبنانيين", ("wd:Q822", "GPE", "لبنان"), "adjective"),
                          ("أستراليا", ("wd:Q408", "GPE", "أستراليا"), "name")])
    ann(doc)
    assert doc.events == []


def test_attack_with_genitive_target(ann: EventAnnotator) -> None:
    text = "وبرزت الصين باعتبارها أهم حليف لروسيا منذ أمر بوتين بغزو أوكرانيا قبل عامين تقريبا."
    doc = make_doc(text, [("الصين", CHINA, "name"), ("لروسيا", RUSSIA, "name"), ("بوتين", PUTIN, "name"), ("أوكرانيا", UKRAINE, "name")])
    ann(doc)
    assert codes(doc) == [("190", "wd:Q7747", "wd:Q212")]
    assert doc.events[0].goldstein == -10.0


def test_phone_call_pair_in_window(ann: EventAnnotator) -> None:
    text = "ونقلت وسائل إعلام رسمية صينية عن الرئيس قوله لنظيره الروسي خلال اتصال هاتفي يوم الخميس إنه يتعين العمل معا."
    doc = make_doc(text, [("صينية", CHINA, "adjective"), ("الرئيس", XI, "title"), ("نظيره الروسي", PUTIN, "title")])
    ann(doc)
    assert len(doc.events) == 1
    ev = doc.events[0]
    assert ev.code == "041" and {ev.source, ev.target} == {"wd:Q15031", "wd:Q7747"}


def test_attending_a_meeting_is_not_meeting(ann: EventAnnotator) -> None:
    text = "حضر الاجتماع الأمير محمد بن سلمان ووزير الدولة مساعد العيبان."
    mbs = ("m:mbs", "PER", "محمد بن سلمان")
    aiban = ("m:aiban", "PER", "مساعد العيبان")
    doc = make_doc(text, [("محمد بن سلمان", mbs, "name"), ("مساعد العيبان", aiban, "name")])
    ann(doc)
    assert doc.events == []


def test_spans_are_honest_with_diacritics(ann: EventAnnotator) -> None:
    text = "وَزَارَ بُوتِين الصِّينَ يوم الخميس."
    doc = make_doc(text, [("بُوتِين", PUTIN, "name"), ("الصِّينَ", CHINA, "name")])
    ann(doc)
    assert len(doc.events) == 1
    ev = doc.events[0]
    assert text[ev.trigger.start : ev.trigger.end] == ev.trigger.text == "وَزَارَ"
    assert (ev.code, ev.source, ev.target) == ("042", "wd:Q7747", "wd:Q148")


def test_no_entities_no_events(ann: EventAnnotator) -> None:
    doc = Doc(text="التقى الرئيس مع نظيره في العاصمة.")
    ann(doc)
    assert doc.events == []


def test_pipeline_on_seed_finds_the_visit_and_talks() -> None:
    from pathlib import Path

    from marsad.annotate.pipeline import Pipeline
    from marsad.cli import demo_path

    path = next(Path(demo_path()).glob("002_*.txt"))
    doc = Doc(text=path.read_text(encoding="utf-8"), published=dt.date(2024, 5, 17))
    Pipeline(["entities", "events"])(doc)
    got = {(e.code[:2], e.source, e.target) for e in doc.events}
    assert ("04", "wd:Q7747", "wd:Q148") in got  # Putin's visit to China
    assert ("04", "wd:Q7747", "wd:Q15031") in got  # Putin meets Xi
    for e in doc.events:
        assert doc.text[e.trigger.start : e.trigger.end] == e.trigger.text
        assert e.source and e.target and e.source != e.target


def test_intent_cue_before_the_complementizer(ann: EventAnnotator) -> None:
    text = "ومن المتوقع أن يزور بوتين الصين الشهر المقبل."
    doc = make_doc(text, [("بوتين", PUTIN, "name"), ("الصين", CHINA, "name")])
    ann(doc)
    assert codes(doc) == [("036", "wd:Q7747", "wd:Q148")]


def test_ta_marbuta_is_not_a_pronoun(ann: EventAnnotator) -> None:
    # غزوة بدر is a battle name, not غزو + his
    text = "وتحدث الشيخ عن غزوة بدر التي خاضها المسلمون ضد قريش في المدينة."
    quraysh = ("m:quraysh", "ORG", "قريش")
    doc = make_doc(text, [("بدر", ("m:badr", "GPE", "بدر"), "name"), ("قريش", quraysh, "name")])
    ann(doc)
    assert doc.events == []


def test_place_after_bi_is_a_location_not_a_target(ann: EventAnnotator) -> None:
    text = "أشاد وزير الخارجية المجري أمس بمراكش بجهود المغرب في إفريقيا."
    hungary = ("wd:Q28", "GPE", "المجر")
    doc = make_doc(text, [("المجري", hungary, "adjective"), ("بمراكش", ("m:marrakesh", "GPE", "مراكش"), "name"),
                          ("المغرب", ("wd:Q1028", "GPE", "المغرب"), "name")])
    ann(doc)
    assert codes(doc) == [("051", "wd:Q28", "wd:Q1028")]


def test_host_needs_a_person_as_guest(ann: EventAnnotator) -> None:
    text = "تستضيف العاصمة الهولندية أمستردام أول سيرك للطائرات من دون طيار."
    doc = make_doc(text, [("الهولندية", ("wd:Q55", "GPE", "هولندا"), "adjective"), ("أمستردام", ("wd:Q727", "GPE", "أمستردام"), "name")])
    ann(doc)
    assert doc.events == []
    text2 = "استقبل خادم الحرمين الشريفين الملك سلمان في قصر السلام أمس سامح شكري وزير الخارجية المصري."
    salman = ("wd:Q367825", "PER", "سلمان بن عبد العزيز")
    shoukry = ("wd:Q7408755", "PER", "سامح شكري")
    doc2 = make_doc(text2, [("الملك سلمان", salman, "name"), ("سامح شكري", shoukry, "name"), ("المصري", ("wd:Q79", "GPE", "مصر"), "adjective")])
    ann(doc2)
    assert codes(doc2) == [("043", "wd:Q367825", "wd:Q7408755")]
