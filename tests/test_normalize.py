import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad import resources
from marsad.text.normalize import normalize, shadow


def test_folds_hamza_ta_marbuta_alef_maqsura_digits_and_diacritics():
    assert normalize("أكّد إيران آمنة مُستشفى ٢٠٢٣ ۱۴") == "اكد ايران امنه مستشفي 2023 14"


def test_tatweel_and_nbsp():
    assert normalize("الصيـــن\u00a0وروسيا") == "الصين وروسيا"


def test_shadow_maps_every_word_back_to_its_original_spelling():
    text = "وسّعنا التعاونَ مع الصيـــن عام ٢٠٢٣ وأكّد"
    sh = shadow(text)
    words = {m.group(): text[slice(*sh.orig_span(*m.span()))] for m in regex.finditer(r"\S+", sh.text)}
    assert words == {
        "وسعنا": "وسّعنا",
        "التعاون": "التعاونَ",
        "مع": "مع",
        "الصين": "الصيـــن",
        "عام": "عام",
        "2023": "٢٠٢٣",
        "واكد": "وأكّد",
    }


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("بوتين أكّد ـ ١٢ .،\u064b\u0651\u0640\u200fABC")), max_size=60))
def test_shadow_offsets_round_trip(text):
    sh = shadow(text)
    assert sh.text == normalize(text)
    for i, ch in enumerate(sh.text):
        j = sh.orig(i)
        assert normalize(text[j]) == ch
        assert sh.orig_end(i + 1) >= j + 1


def test_resource_file_is_well_formed():
    rows = resources.tsv("text/normalize.tsv", 2)
    assert len(rows) > 20
    for src, dst, *_ in rows:
        assert src and dst
