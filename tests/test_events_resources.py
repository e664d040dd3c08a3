"""The event resources are well-formed and consistent with each other."""

from __future__ import annotations

from marsad import resources
from marsad.annotate.events.lexicon import KINDS, lexicon, load_cameo, load_triggers

FILES = ["cameo.tsv", "triggers.tsv", "cues.tsv", "modality.tsv", "actors.tsv", "syntax.tsv", "affixes.tsv"]


def test_every_file_has_a_version_line() -> None:
    for name in FILES:
        head = resources.path(f"events/{name}").read_text(encoding="utf-8")
        assert "# version:" in head, name


def test_cameo_codes_and_goldstein_range() -> None:
    cameo = load_cameo()
    assert {"040", "041", "042", "043", "046", "057", "062", "120", "163", "190"} <= set(cameo)
    for c in cameo.values():
        assert len(c.code) == 3 and c.code.isdigit()
        assert -10.0 <= c.goldstein <= 10.0
    assert cameo["057"].goldstein > 0 > cameo["190"].goldstein


def test_triggers_reference_known_codes_and_kinds() -> None:
    cameo = load_cameo()
    trigs = load_triggers(cameo)
    assert len(trigs) > 100
    for t in trigs:
        assert t.code in cameo and t.kind in KINDS
        assert t.marks <= {"مع", "ب", "الي", "ل", "علي", "ضد", "بين", "من", "عن", "obj"}, t
    forms = {t.form for t in trigs}
    # normalised at load: hamza folded, ta marbuta -> ه
    assert "زياره" in forms and "اتصال هاتفي" in forms and "اشاد" in forms


def test_modality_maps_to_intent_codes() -> None:
    lex = lexicon()
    assert lex.modality["04"] == "036"
    assert all(code in lex.cameo for code in lex.modality.values())
    assert lex.cues["لم"] == "neg" and lex.cues["تعتزم"] == "intent"
    assert lex.duals["البلدان"] == "GPE" and lex.duals["الزعيمان"] == "PER"
    assert lex.preps["الي"] == "الي" and "الرييس" in lex.skip
