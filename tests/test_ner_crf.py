"""CoNLL reading, entity-level scoring, the CRF tagger and `marsad train-ner` on tiny data."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from marsad.annotate.entities import conll
from marsad.annotate.entities.combine import rule_labels
from marsad.annotate.entities.crf import CrfTagger, Featurizer, stem, train

SENTS = [
    "قال الرئيس السوري بشار الأسد إن دمشق ترفض القرار",
    "وصل الرئيس الفرنسي إيمانويل ماكرون إلى بيروت أمس",
    "أعلنت شركة أرامكو السعودية عن أرباح قياسية في الرياض",
    "التقى وزير الخارجية سامح شكري نظيره في القاهرة",
    "قال الرئيس التونسي قيس سعيد إن تونس ترفض التدخل",
    "زار الرئيس المصري عبد الفتاح السيسي مدينة أسوان",
]
LABELS = [
    "O O O B-PERS I-PERS O B-LOC O O",
    "O O O B-PERS I-PERS O B-LOC O",
    "O O B-ORG I-ORG O O O O B-LOC",
    "O O O B-PERS I-PERS O O B-LOC",
    "O O O B-PERS I-PERS O B-LOC O O",
    "O O O B-PERS I-PERS I-PERS O B-LOC",
]


def write_conll(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for s, lab in zip(SENTS, LABELS, strict=True):
            for t, lb in zip(s.split(), lab.split(), strict=True):
                fh.write(f"{t} {lb}\n")
            fh.write("\n")
    return path


def test_read_conll_and_spans(tmp_path):
    sents = conll.read_conll(write_conll(tmp_path / "t.conll"))
    assert len(sents) == 6 and sents[0][3] == ("بشار", "B-PERS")
    assert conll.spans(["O", "B-PERS", "I-PERS", "O", "I-LOC"]) == {(1, 3, "PERS"), (4, 5, "LOC")}


def test_entity_level_score_is_exact_match():
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"]]
    pred = [["B-PERS", "O", "O", "B-LOC"]]  # a truncated person is a miss and a false alarm
    sc = conll.score(gold, pred)
    assert (sc["ALL"].tp, sc["ALL"].n_pred, sc["ALL"].n_gold) == (1, 2, 2)
    assert sc["LOC"].f1 == 1.0 and sc["PERS"].f1 == 0.0


def test_split_and_folds_are_seeded_partitions():
    sents = [[(str(i), "O")] for i in range(50)]
    a1, b1 = conll.split(sents, 0.1)
    a2, b2 = conll.split(sents, 0.1)
    assert b1 == b2 and len(b1) == 5 and len(a1) == 45
    fs = conll.folds(sents, 5)
    assert sorted(int(s[0][0]) for _, te in fs for s in te) == list(range(50))


def test_stem_splits_proclitics_and_article():
    assert stem("والروسيه") == ("وال", "روسيه")
    assert stem("للامم") == ("لل", "امم")
    assert stem("بوتين") == ("", "بوتين")


def test_features_carry_lexicon_and_rule_knowledge():
    fz = Featurizer()
    feats = fz("أكد الرئيس الروسي فلاديمير بوتين أن".split())
    assert "Btitle" in feats[1] and "Badj" in feats[2]
    assert "BgPER" in feats[3] and "IgPER" in feats[4]
    assert "RB-PERS" in Featurizer(rules=True)("أكد الرئيس الروسي فلاديمير بوتين أن".split())[3]
    assert rule_labels("أكد الرئيس الروسي فلاديمير بوتين أن".split()) == ["O", "O", "O", "B-PERS", "I-PERS", "O"]


def test_crf_learns_tiny_data(tmp_path):
    sents = conll.read_conll(write_conll(tmp_path / "t.conll"))
    model = train(sents * 3, tmp_path / "m.crf", {"max_iterations": 60})
    tagger = CrfTagger(model)
    pred = tagger.tag("قال الرئيس السوري بشار الأسد إن دمشق ترفض القرار".split())
    assert pred[3:5] == ["B-PERS", "I-PERS"]


def test_train_ner_command(tmp_path):
    from marsad.cli import app

    data = write_conll(tmp_path / "t.conll")
    out = tmp_path / "model.crf"
    res = CliRunner().invoke(app, ["train-ner", str(data), "-o", str(out), "--eval-split", "0.34"])
    assert res.exit_code == 0, res.output
    assert out.exists() and out.stat().st_size > 0


def test_crf_backend_adds_names_the_rules_miss(tmp_path):
    from marsad.annotate.doc import Doc
    from marsad.annotate.entities.lexicon import load_lexicon
    from marsad.annotate.entities.recognize import Recognizer

    extra = [("قال كوراني مبالي إن الوضع هادئ", "O B-PERS I-PERS O O O")] * 4
    sents = conll.read_conll(write_conll(tmp_path / "t.conll"))
    sents += [list(zip(s.split(), lab.split(), strict=True)) for s, lab in extra]
    tagger = CrfTagger(train(sents * 2, tmp_path / "m.crf", {"max_iterations": 60}))
    text = "وقال كوراني مبالي إن الوضع هادئ في أسوان."
    rules_only = Recognizer(load_lexicon())(Doc(text=text))
    assert not [e for e in rules_only if e.type == "PER"]
    doc = Doc(text=text)
    ents = Recognizer(load_lexicon(), tagger)(doc)
    per = [e for e in ents if e.type == "PER"]
    assert [m.text for e in per for m in e.mentions] == ["كوراني مبالي"]
    assert per[0].mentions[0].rule == "crf"


def test_packaged_model_tags_news_sentence():
    from marsad.annotate.entities.crf import packaged_tagger

    tagger = packaged_tagger()
    assert tagger is not None, "models/ner_crf.bin missing: run scripts/train_ner.py"
    toks = "وقال وزير الخارجية الأردني أيمن الصفدي في عمان إن الأمم المتحدة مطالبة بالتحرك".split()
    spans = conll.spans(tagger.tag(toks))
    assert (4, 6, "PERS") in spans  # أيمن الصفدي
    assert (7, 8, "LOC") in spans  # عمان
    assert any(s[2] == "ORG" and toks[s[0]] == "الأمم" for s in spans)


def test_backend_selection(monkeypatch):
    import pytest

    from marsad.annotate.entities import EntityAnnotator

    monkeypatch.setenv("MARSAD_NER", "crf")
    assert EntityAnnotator().recognizer.crf is not None
    assert EntityAnnotator(backend="rules").recognizer.crf is None
    with pytest.raises(ValueError):
        EntityAnnotator(backend="transformer")
