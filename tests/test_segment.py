from marsad.text.segment import sentences, tokens


def test_sentences_split_on_arabic_and_latin_terminators_not_decimals():
    text = 'ضخت 13.8 مليار متر مكعب من الغاز. وقال بوتين: "نحن ندافع عن مواقفنا". هل ستزور الصين؟ نعم'
    got = [text[a:b] for a, b in sentences(text)]
    assert got == [
        "ضخت 13.8 مليار متر مكعب من الغاز.",
        'وقال بوتين: "نحن ندافع عن مواقفنا".',
        "هل ستزور الصين؟",
        "نعم",
    ]


def test_line_breaks_end_sentences_and_abbreviations_do_not():
    text = "قال د. محمد إن الاقتصاد ينمو\nالعنوان الثاني"
    got = [text[a:b] for a, b in sentences(text)]
    assert got == ["قال د. محمد إن الاقتصاد ينمو", "العنوان الثاني"]


def test_tokens_keep_decimal_numbers_and_split_punctuation():
    text = "ضخت 13.8 مليار، (قوة سيبيريا)"
    assert [text[a:b] for a, b in tokens(text)] == ["ضخت", "13.8", "مليار", "،", "(", "قوة", "سيبيريا", ")"]
