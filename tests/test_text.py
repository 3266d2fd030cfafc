"""The Arabic text layer (akhbar/text/): folding levels, tokens, clitics."""

from __future__ import annotations

import pytest

from akhbar.text import (
    Level,
    elided_article,
    fold,
    fold_display,
    fold_key,
    fold_key_word,
    fold_match,
    fold_match_mapped,
    fold_words,
    is_stem_al,
    key_translation,
    proclitic_readings,
    proclitic_stems,
    restore_article,
    split_proclitics,
    stem_al_words,
    strip_article,
    strip_conjunction,
    tokenize,
)


def test_levels_nest():
    word = "\u200fأُلْمانيـا٢٠"
    assert fold_display(word) == "ألمانيا٢٠"  # spelling and digits as written, marks gone
    assert fold_match(word) == "\u200fالمانيا20"  # invisible marks kept (document ids)
    assert fold_key(word) == "المانيا20"
    assert fold(word, Level.DISPLAY) == fold_display(word)
    assert fold(word, Level.MATCH) == fold_match(word)
    assert fold(word, Level.KEY) == fold_key(word)


def test_match_folds_letters_and_digits():
    assert fold_match("إلى مدرسة ٣٫٥٪ مؤسسة رئيس کتاب") == "الي مدرسه 3.5% موسسه رييس كتاب"
    assert fold_match("ﻻ") == "لا"  # NFKC: presentation forms


def test_key_letters_and_article():
    assert fold_key("بيونغ يانغ") == fold_key("بيونجيانج") == fold_key("بيونغ-يانغ")
    assert fold_key("الجزيرة", letters=False) != fold_key("الغزيرة", letters=False)
    assert fold_key("المالي") != fold_key("مالي")  # the article stays in a name key
    assert fold_key_word("المالي") == fold_key_word("مالي")  # trigger words drop it
    assert fold_words("الوزير وزير") == frozenset({"وزير"})


def test_key_translation_matches_fold_key():
    src, dst = key_translation()
    assert len(src) == len(dst)
    for a, b in zip(src, dst):
        assert fold_key(a) == fold_key(b), a


def test_match_mapped_keeps_offsets():
    text = "بلغَ عددُهم ١٢٠ــ\u200f ألفاً"
    folded, idx = fold_match_mapped(text)
    assert folded == "بلغ عددهم 120 الفا"
    assert idx is not None and len(idx) == len(folded)
    a = folded.index("120")
    assert text[idx[a]:idx[a + 2] + 1] == "١٢٠"
    assert fold_match_mapped("نص بلا علامات") == ("نص بلا علامات", None)
    folded, idx = fold_match_mapped("ﺃﻟﻒ")
    assert folded == "الف" and idx == [0, 1, 2]


def test_tokenize_offsets_and_conventions():
    text = "وقال منذ1961 إن 99.97% من «الناتو»"
    toks = tokenize(text, offset=10)
    assert [t.text for t in toks] == ["وقال", "منذ", "1961", "إن", "99.97", "%", "من", "«", "الناتو", "»"]
    assert all(text[t.start - 10:t.end - 10] == t.text for t in toks)


@pytest.mark.parametrize("word,split", [
    ("للولايات", ("ل", True, "ولايات", 1)),  # ل + (ا)ل: the span keeps the article's «ل»
    ("وللولايات", ("ول", True, "ولايات", 2)),
    ("بالناتو", ("ب", True, "ناتو", 1)),
    ("والناتو", ("و", True, "ناتو", 1)),
    ("فالحكومة", ("ف", True, "حكومة", 1)),
    ("كالعادة", ("ك", True, "عادة", 1)),
    ("وبالناتو", ("وب", True, "ناتو", 2)),
    ("الكرملين", ("", True, "كرملين", 0)),
    ("موسكو", ("", False, "موسكو", 0)),
    ("لـلولايات", ("ل", True, "ولايات", 2)),  # tatweel after the proclitic goes with the cut
])
def test_split_proclitics(word, split):
    assert tuple(split_proclitics(word)) == split


def test_elided_article():
    text = "قال للولايات المتحدة"
    s = text.index("لولايات")
    assert elided_article(text, s) and not elided_article(text, s - 1)
    assert restore_article(text[s:s + 7], True) == "الولايات"
    assert elided_article("ذهب للالتزام", 5)  # ل + ال + التزام
    assert not elided_article("ذهب لليلة", 4)  # a span that starts at the word


def test_readings_and_stems():
    assert proclitic_readings("للولايات", elided=True) == [("الولايات", 1), ("لولايات", 1)]
    assert proclitic_readings("وبموسكو") == [("بموسكو", 1), ("موسكو", 2)]
    assert proclitic_readings("ما") == []
    assert proclitic_stems("وبعشرة", ("و", "ف")) == [("وبعشرة", 0), ("بعشرة", 1)]
    assert proclitic_stems("وبعشرة") == [("وبعشرة", 0), ("بعشرة", 1), ("عشرة", 2)]


def test_strip_article_and_conjunction():
    assert strip_article("الامين") == "امين"
    assert strip_article("الي") == "الي"  # too short to be article + word
    assert strip_article("للشركه", elided=True) == "شركه"
    assert strip_conjunction("والامين") == "الامين" and strip_conjunction("وزر") == "وزر"


def test_stem_al_words_are_data_driven():
    words = stem_al_words()
    assert len(words) > 100
    for w in ("المانيا", "البانيا", "الكسندر", "اليه", "الاف", "الغاء", "الله"):
        assert is_stem_al(w), w
    for w in ("الجزاير", "الكرملين", "التو", "الولايات"):  # article + word
        assert not is_stem_al(w), w
    assert strip_article("المانيا", stem_al=True) == "المانيا"
    assert strip_article("المانيا") == "مانيا"  # the orthographic split the models were trained on


def test_tokenize_words_as_written():
    text = "التقرير الـ51 عن كيم يونغ-هيون و12 «خبرا»"
    words = [t.text for t in tokenize(text, scripts=False, compounds=True)]
    assert words == ["التقرير", "الـ51", "عن", "كيم", "يونغ-هيون", "و12", "«", "خبرا", "»"]
    assert [t.text for t in tokenize(text)][1:3] == ["الـ", "51"]  # ANERcorp: cut at the script change
    assert all(text[t.start:t.end] == t.text for t in tokenize(text, compounds=True))
    assert [t.text for t in tokenize("عام 2012 - 2013", compounds=True)] == ["عام", "2012", "-", "2013"]
