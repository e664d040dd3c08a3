"""The entity gazetteer: data validity, lookup with Arabic folding, adjectives and office holders."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest

from marsad import resources
from marsad.annotate.entities.gazetteer import (
    ENTRY_COLUMNS,
    ID_RE,
    TYPES,
    GazEntry,
    Gazetteer,
    Office,
    key,
    load_from,
    load_gazetteer,
    parse_date,
    read_entries,
)

GAZ = resources.path("entities/gazetteer")
ROOT = Path(__file__).resolve().parents[1]
NON_MEMBERS = {"PS", "VA", "TW", "XK", "EH", "HK", "MO"}  # observers and territories in the source


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def ids(entries: list[GazEntry]) -> list[str]:
    return [e.id for e in entries]


# --- lookup -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("شي جين بينغ", "wd:Q15031"),
        ("شي جينبينغ", "wd:Q15031"),
        ("شي جين بينج", "wd:Q15031"),
        ("بوتين", "wd:Q7747"),
        ("فلاديمير بوتين", "wd:Q7747"),
        ("الأمم المتحدة", "wd:Q1065"),
        ("الامم المتحده", "wd:Q1065"),  # hamza and ta marbuta folded
        ("الأُمَمُ المُتَّحِدَة", "wd:Q1065"),  # diacritics dropped
        ("مجلس الأمن", "wd:Q37470"),
        ("روسيا", "wd:Q159"),
        ("الصين", "wd:Q148"),
        ("الولايات المتحدة", "wd:Q30"),
        ("أوكرانيا", "wd:Q212"),
        ("اوكرانيا", "wd:Q212"),
        ("موسكو", "wd:Q649"),
        ("بكين", "wd:Q956"),
        ("تايوان", "wd:Q865"),
        ("أوروبا", "wd:Q46"),
        ("آسيا", "wd:Q48"),
        ("ريا نوفوستي", "m:ria-novosti"),
        ('وكالة "تاس"', "m:tass"),  # quotation marks around names are ignored
        ("شينخوا", "m:xinhua"),
        ("وكالة أنباء الصين الجديدة", "m:xinhua"),
        ("الكرملين", "m:kremlin"),
        ("قوة سيبيريا 2", "m:power-of-siberia-2"),
        ("روساتوم", "m:rosatom"),
        ("حماس", "m:hamas"),
        ("هاربين", "m:harbin"),
        ("غزة", "m:gaza"),
        ("الناتو", "m:nato"),
        ("حلف شمال الأطلسي", "m:nato"),
        ("أ ف ب", "m:afp"),
        ("واس", "m:spa"),
        ("الملك سلمان بن عبدالعزيز", "m:salman-bin-abdulaziz"),  # 'abd al' joined ...
        ("الملك سلمان بن عبد العزيز", "m:salman-bin-abdulaziz"),  # ... and spaced
        ("  دميتري   بيسكوف ", "m:dmitry-peskov"),  # whitespace collapsed
    ],
)
def test_lookup_finds_entity(gaz: Gazetteer, surface: str, expected: str) -> None:
    assert expected in ids(gaz.lookup(surface))


def test_lookup_of_unknown_or_common_words_is_empty(gaz: Gazetteer) -> None:
    for word in ("الأمن", "النصر", "القاعدة", "الخبر", "المتوسط", "رئيسي", "الحد الأقصى", "فتح", "الجديدة",
                 "الوجه", "كيف", "أمور", "بورصة", "لفيف", "العربية", "الهلال", "المملكة", "إبل", "وام", "باول",
                 "الجمعية العامة", "بن لادن", "نزاهة", "تدمر", "الرياضية", "مبارك", "هادي"):
        assert gaz.lookup(word) == [], word


def test_longer_names_shadow_wrong_short_matches(gaz: Gazetteer) -> None:
    assert ids(gaz.lookup("كوبا أمريكا")) == ["m:copa-america"]
    assert ids(gaz.lookup("سوق عكاظ")) == ["m:souq-okaz"]
    assert ids(gaz.lookup("مجلس الأمن القومي")) == ["m:national-security-council"]
    assert ids(gaz.lookup("صحيفة الشرق الأوسط")) == ["m:asharq-al-awsat"]
    assert ids(gaz.lookup("الشرق الأوسط")) == ["m:middle-east"]


def test_oman_is_the_preferred_sense_of_the_shared_key(gaz: Gazetteer) -> None:
    found = ids(gaz.lookup("عمان"))
    assert found[0] == "wd:Q842" and "wd:Q3805" in found
    assert gaz.is_ambiguous("عُمان") and gaz.is_ambiguous("مالي") and not gaz.is_ambiguous("روسيا")


def test_entry_fields(gaz: Gazetteer) -> None:
    xi = gaz.get("wd:Q15031")
    assert xi is not None and xi.type == "PER" and xi.name_en == "Xi Jinping" and xi.country == "wd:Q148"
    moscow = gaz.get("wd:Q649")
    assert moscow is not None and moscow.type == "GPE" and moscow.country == "wd:Q159"
    assert gaz.get("wd:Q0") is None


# --- adjectives ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("adjective", "expected"),
    [
        ("الروسي", "wd:Q159"),
        ("الروسية", "wd:Q159"),
        ("الروس", "wd:Q159"),
        ("الروسيين", "wd:Q159"),
        ("الصينية", "wd:Q148"),
        ("الأميركية", "wd:Q30"),
        ("الأمريكي", "wd:Q30"),
        ("الاميركيه", "wd:Q30"),
        ("الأوكرانية", "wd:Q212"),
        ("الأوروبيون", "wd:Q46"),
        ("الأوروبية", "wd:Q46"),
        ("الإسرائيلية", "wd:Q801"),
        ("السعودي", "wd:Q851"),
        ("المصرية", "wd:Q79"),
        ("الكوريون الجنوبيون", "wd:Q884"),
        ("الأتراك", "wd:Q43"),
        ("إماراتي", "wd:Q878"),
        ("النمساوية", "wd:Q40"),
    ],
)
def test_adjective_maps_to_country_or_region(gaz: Gazetteer, adjective: str, expected: str) -> None:
    entry = gaz.adjective(adjective)
    assert entry is not None and entry.id == expected


def test_colliding_adjectives_are_not_listed(gaz: Gazetteer) -> None:
    assert gaz.adjective("المالي") is None  # "financial", not Malian
    assert gaz.adjective("المالية") is None
    assert gaz.adjective("تركي") is None  # a given name (Turki)
    assert gaz.adjective("الكوري") is None  # North or South


# --- offices ------------------------------------------------------------------------------------


def test_holder_by_date(gaz: Gazetteer) -> None:
    assert gaz.holder("president", "wd:Q159", dt.date(2024, 5, 16)) == "wd:Q7747"
    assert gaz.holder("president", "wd:Q159", dt.date(2010, 1, 1)) == "wd:Q23530"
    assert gaz.holder("prime_minister", "wd:Q159", dt.date(2010, 1, 1)) == "wd:Q7747"
    assert gaz.holder("president", "wd:Q148", dt.date(2024, 5, 16)) == "wd:Q15031"
    assert gaz.holder("prime_minister", "wd:Q148", dt.date(2024, 5, 16)) == "m:li-qiang"
    assert gaz.holder("prime_minister", "wd:Q148", dt.date(2015, 6, 1)) == "m:li-keqiang"
    assert gaz.holder("president", "wd:Q30", dt.date(2015, 6, 1)) == "wd:Q76"
    assert gaz.holder("president", "wd:Q30", dt.date(2024, 5, 16)) == "wd:Q6279"
    assert gaz.holder("foreign_minister", "wd:Q30", dt.date(2024, 5, 16)) == "m:antony-blinken"
    assert gaz.holder("foreign_minister", "wd:Q30", dt.date(2025, 6, 1)) == "m:marco-rubio"
    assert gaz.holder("king", "wd:Q851", dt.date(2015, 6, 1)) == "m:salman-bin-abdulaziz"
    assert gaz.holder("crown_prince", "wd:Q851", dt.date(2015, 6, 1)) == "m:muhammad-bin-nayef"
    assert gaz.holder("crown_prince", "wd:Q851", dt.date(2024, 1, 1)) == "m:mohammed-bin-salman"
    assert gaz.holder("secretary_general", "wd:Q1065", dt.date(2024, 1, 1)) == "m:antonio-guterres"
    assert gaz.holder("spokesperson", "m:kremlin", dt.date(2024, 5, 16)) == "m:dmitry-peskov"


def test_holder_on_handover_day_is_the_successor(gaz: Gazetteer) -> None:
    assert gaz.holder("president", "wd:Q159", dt.date(2008, 5, 7)) == "wd:Q23530"
    assert gaz.holder("president", "wd:Q159", dt.date(2008, 5, 6)) == "wd:Q7747"


def test_holder_latest_unknown_and_before_records(gaz: Gazetteer) -> None:
    assert gaz.holder("president", "wd:Q159") == "wd:Q7747"
    assert gaz.holder("president", "wd:Q30") == "wd:Q22686"
    assert gaz.holder("president", "wd:Q159", dt.date(1990, 1, 1)) is None
    assert gaz.holder("emperor", "wd:Q159", dt.date(2020, 1, 1)) is None


def test_holder_is_none_when_ambiguous() -> None:
    g = Gazetteer(
        [GazEntry("m:a", "PER", "أ", None, None, (), ()), GazEntry("m:b", "PER", "ب", None, None, (), ())],
        [
            Office("m:a", "co_president", "wd:Q1", dt.date(2020, 1, 1), None, ""),
            Office("m:b", "co_president", "wd:Q1", dt.date(2021, 1, 1), None, ""),
        ],
    )
    assert g.holder("co_president", "wd:Q1", dt.date(2020, 6, 1)) == "m:a"
    assert g.holder("co_president", "wd:Q1", dt.date(2022, 6, 1)) is None
    assert g.holder("co_president", "wd:Q1") is None


def test_offices_of_putin(gaz: Gazetteer) -> None:
    terms = {(o.office, o.start.year if o.start else None) for o in gaz.offices_of("wd:Q7747")}
    assert {("president", 2000), ("president", 2012), ("prime_minister", 1999), ("prime_minister", 2008)} <= terms
    assert all(o.title_ar for o in gaz.offices_of("wd:Q7747"))


def test_parse_date_partial() -> None:
    assert parse_date("2012") == dt.date(2012, 1, 1)
    assert parse_date("2012", end=True) == dt.date(2012, 12, 31)
    assert parse_date("2024-02", end=True) == dt.date(2024, 2, 29)
    assert parse_date("") is None


# --- data validity ------------------------------------------------------------------------------


def entry_files() -> list[Path]:
    return sorted(p for p in GAZ.glob("*.tsv") if p.name not in ("offices.tsv", "ambiguous.tsv"))


def test_every_file_is_versioned() -> None:
    for p in [*GAZ.glob("*.tsv"), *(GAZ / "sources").glob("*.tsv")]:
        assert re.search(r"^# version: \d+$", p.read_text(encoding="utf-8"), re.M), p.name


def test_every_row_is_valid_and_ids_unique() -> None:
    seen: dict[str, str] = {}
    for p in entry_files():
        header = next(ln for ln in p.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#"))
        assert tuple(header.split("\t")) == ENTRY_COLUMNS, p.name
        for e in read_entries(p):
            assert ID_RE.match(e.id), (p.name, e.id)
            assert e.id not in seen, f"{e.id} in {seen.get(e.id)} and {p.name}"
            seen[e.id] = p.name
            assert e.type in TYPES
            assert re.search("[\u0621-\u064a]", e.name), (e.id, e.name)
            assert e.name_en, e.id
            assert e.country is None or ID_RE.match(e.country), (e.id, e.country)
            for v in (*e.variants, *e.adjectives):
                assert v == v.strip() and "\t" not in v and key(v), (e.id, v)
    assert len(seen) >= 1400


def test_no_adjective_is_claimed_by_two_entries_or_names_another() -> None:
    owners: dict[str, set[str]] = {}
    names: dict[str, set[str]] = {}
    for p in entry_files():
        for e in read_entries(p):
            for a in e.adjectives:
                owners.setdefault(key(a), set()).add(e.id)
            for n in (e.name, *e.variants):
                names.setdefault(key(n), set()).add(e.id)
    assert [k for k, v in owners.items() if len(v) > 1] == []
    assert [k for k, v in owners.items() if k in names and not names[k] & v] == []


def test_generated_institutions(gaz: Gazetteer) -> None:
    mfa = gaz.lookup("وزارة الخارجية الأردنية")
    assert ids(mfa) == ["m:mfa-jo"] and mfa[0].country == "wd:Q810"
    assert ids(gaz.lookup("الخارجية الأردنية")) == ["m:mfa-jo"]
    assert ids(gaz.lookup("وزارة الخارجية المصرية")) == ["m:egyptian-mfa"]  # the curated entry wins
    assert ids(gaz.lookup("البنك المركزي الأردني")) == ["m:cbank-jo"]
    assert ids(gaz.lookup("وزارة الخارجية الروسية")) == ["m:russian-mfa"]  # the curated entry wins


def test_country_references_resolve(gaz: Gazetteer) -> None:
    for e in gaz.entries.values():
        if e.country:
            assert e.country in gaz.entries, (e.id, e.country)


def test_offices_are_valid(gaz: Gazetteer) -> None:
    assert len(gaz.offices) >= 300
    assert len(set(gaz.offices)) == len(gaz.offices)  # no duplicated rows
    for o in gaz.offices:
        assert o.person_id in gaz.entries and gaz.entries[o.person_id].type == "PER", o
        assert o.country in gaz.entries, o
        assert re.fullmatch(r"[a-z_]+", o.office), o
        assert o.start is not None, o
        assert o.end is None or o.start < o.end, o
        assert o.title_ar, o


def test_no_person_holds_overlapping_terms_of_one_office(gaz: Gazetteer) -> None:
    by: dict[tuple[str, str], list[Office]] = {}
    for o in gaz.offices:
        by.setdefault((o.office, o.country), []).append(o)
    single = {"president", "prime_minister", "foreign_minister", "king", "emir", "sultan", "chancellor"}
    for (office, country), terms in by.items():
        if office not in single:
            continue
        terms.sort(key=lambda o: o.start or dt.date.min)
        for a, b in zip(terms, terms[1:], strict=False):
            assert a.end is not None and a.end <= b.start, (office, country, a.person_id, b.person_id)  # type: ignore[operator]


def test_every_un_member_is_present_with_names(gaz: Gazetteer) -> None:
    rows = [ln.split("\t") for ln in (GAZ / "sources" / "countries.tsv").read_text(encoding="utf-8").splitlines()
            if ln and not ln.startswith("#") and not ln.startswith("iso2")]
    members = [r for r in rows if r[0] not in NON_MEMBERS]
    assert len(members) == 193
    assert len({r[1] for r in rows}) == len(rows)  # one QID per country
    with_adjectives = 0
    for r in members:
        e = gaz.get("wd:" + r[1])
        assert e is not None and e.type == "GPE", r[:2]
        assert gaz.lookup(e.name)[0].id == e.id or e.id == "wd:Q3805"
        with_adjectives += bool(e.adjectives)
    assert with_adjectives >= 150


def test_well_known_country_qids(gaz: Gazetteer) -> None:
    known = {"روسيا": "Q159", "الصين": "Q148", "الولايات المتحدة": "Q30", "فرنسا": "Q142", "المملكة المتحدة": "Q145",
             "ألمانيا": "Q183", "مصر": "Q79", "السعودية": "Q851", "إيران": "Q794", "تركيا": "Q43", "فلسطين": "Q219060",
             "سوريا": "Q858", "العراق": "Q796", "اليابان": "Q17", "الهند": "Q668", "قطر": "Q846", "الإمارات": "Q878",
             "المغرب": "Q1028", "الجزائر": "Q262", "تونس": "Q948", "ليبيا": "Q1016", "الأردن": "Q810", "لبنان": "Q822",
             "الكويت": "Q817", "البحرين": "Q398", "عمان": "Q842", "اليمن": "Q805", "السودان": "Q1049"}
    for name, qid in known.items():
        assert gaz.lookup(name)[0].id == "wd:" + qid, name


def test_loader_round_trip(tmp_path: Path) -> None:
    header = "\t".join(ENTRY_COLUMNS)
    (tmp_path / "countries.tsv").write_text(
        f"# version: 1\n{header}\nwd:Q159\tGPE\tروسيا\tروسيا الاتحادية\tRussia\t\tالروسي|الروسية\n", encoding="utf-8")
    (tmp_path / "people.tsv").write_text(
        f"# version: 1\n{header}\nwd:Q7747\tPER\tفلاديمير بوتين\tبوتين\tVladimir Putin\twd:Q159\t\n", encoding="utf-8")
    (tmp_path / "offices.tsv").write_text(
        "# version: 1\nperson_id\toffice\tcountry\tstart\tend\ttitle_ar\n"
        "wd:Q7747\tpresident\twd:Q159\t2012-05-07\t\tالرئيس الروسي\n", encoding="utf-8")
    (tmp_path / "ambiguous.tsv").write_text("# version: 1\nsurface\tnote\nبوتين\ttest\n", encoding="utf-8")
    g = load_from(tmp_path)
    assert len(g) == 2 and ids(g.lookup("بوتين")) == ["wd:Q7747"]
    assert g.adjective("الروسيه") is g.get("wd:Q159")
    assert g.holder("president", "wd:Q159", dt.date(2020, 1, 1)) == "wd:Q7747"
    assert g.is_ambiguous("بوتين")
    assert ("روسيا", "wd:Q159", "name") in set(g.surfaces())
    assert ("الروسي", "wd:Q159", "adjective") in set(g.surfaces())
    assert [t for t, _ in g.titles()] == ["الرييس الروسي"]


def test_surfaces_are_normalised_keys(gaz: Gazetteer) -> None:
    surf = list(gaz.surfaces())
    assert len(surf) >= 4000
    assert all(k == key(k) and k for k, _, _ in surf)
    assert {f for _, _, f in surf} == {"name", "adjective"}


def test_generated_files_are_up_to_date() -> None:
    pytest.importorskip("babel")
    pytest.importorskip("pycountry")
    res = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_gazetteer.py"), "--check"],
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stdout + res.stderr
