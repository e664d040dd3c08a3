import os

import pytest

from marsad.ingest.encoding import DecodeError, decode, detect

TEXT = "أكد الرئيس الروسي فلاديمير بوتين، الخميس، أن الطاقة هي المجال الرئيسي للتعاون مع الصين"


@pytest.mark.parametrize(
    "encoding, expected",
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),
        ("utf-16-le", "utf-16-le"),
        ("utf-16-be", "utf-16-be"),
        ("cp1256", "cp1256"),
        ("iso-8859-6", "iso-8859-6"),
    ],
)
def test_each_encoding_is_detected_and_decoded(encoding, expected):
    data = TEXT.encode(encoding)
    assert detect(data) == expected
    assert decode(data) == TEXT


def test_windows_arabic_with_letters_outside_iso_8859_6():
    # پ and گ exist in Windows-1256 but not in ISO-8859-6
    text = "مؤتمر صحفي في طهران حول گاز پارس الجنوبي"
    assert detect(text.encode("cp1256")) == "cp1256"


def test_binary_junk_is_refused():
    with pytest.raises(DecodeError):
        detect(bytes(range(256)) * 20)
    with pytest.raises(DecodeError):
        detect(os.urandom(4096) + b"\x00")
