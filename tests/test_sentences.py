"""Sentence splitting: boundaries, non-boundaries and exact offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from akhbar.clean import clean_document
from akhbar.models import RawDocument
from akhbar.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent


def texts(s: str) -> list[str]:
    return [x.text for x in split_sentences(s)]


def check_offsets(text: str) -> None:
    sents = split_sentences(text)
    paragraphs = text.split("\n")
    for i, s in enumerate(sents):
        assert s.sentence_idx == i
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
        # one-character sentences only for one-character paragraphs (e.g. a lone «-»)
        assert len(s.text) > 1 or len(paragraphs[s.paragraph_idx].strip()) == 1
        assert "\n" not in s.text
        assert text.count("\n", 0, s.start) == s.paragraph_idx
    # every non-empty paragraph yields ≥ 1 sentence; sentences cover all its words
    for p_idx, par in enumerate(paragraphs):
        mine = [s for s in sents if s.paragraph_idx == p_idx]
        if par.strip():
            assert mine
            assert "".join(par.split()) == "".join("".join(s.text.split()) for s in mine)


def test_basic_arabic_punctuation():
    assert texts("ذهب الوزير إلى المؤتمر. ثم عاد؟ نعم! لقد عاد؛ وانتهى الأمر") == [
        "ذهب الوزير إلى المؤتمر.", "ثم عاد؟", "نعم!", "لقد عاد؛", "وانتهى الأمر",
    ]
    assert texts("هل انتهى الأمر؟! لا أحد يعرف… ربما غدا") == ["هل انتهى الأمر؟!", "لا أحد يعرف…", "ربما غدا"]
    assert texts("Is it over? Yes it is.") == ["Is it over?", "Yes it is."]


def test_two_dots_inside_sentence():
    assert texts("لدينا الدليل على أن قوات كوريّة شمالية توجهت إلى.. روسيا.") == [
        "لدينا الدليل على أن قوات كوريّة شمالية توجهت إلى.. روسيا."
    ]


def test_dates_decimals_abbreviations():
    assert texts("نشر في 28.10.2024 بنسبة 3.5% من الإجمالي. ثم ارتفع السعر.") == [
        "نشر في 28.10.2024 بنسبة 3.5% من الإجمالي.", "ثم ارتفع السعر.",
    ]
    assert texts("قال د. محمد علي إن الوضع صعب. وأضاف أ.د. أحمد حسن أن ص.ب. 123 مغلق.") == [
        "قال د. محمد علي إن الوضع صعب.", "وأضاف أ.د. أحمد حسن أن ص.ب. 123 مغلق.",
    ]
    assert texts("وصل م. خالد إلى الموقع صباحا.") == ["وصل م. خالد إلى الموقع صباحا."]


def test_quotes_and_brackets():
    # a short quote with an inner stop does not split
    assert texts("قال: «هذا أمر خطير. لن نقبل به». ثم غادر.") == ["قال: «هذا أمر خطير. لن نقبل به».", "ثم غادر."]
    # the stop before a closing quote ends the sentence after the quote
    assert texts("وأضاف “الوضع صعب جدا”. وتابع حديثه.") == ["وأضاف “الوضع صعب جدا”.", "وتابع حديثه."]
    assert texts('وقال "لن نتراجع عن قرارنا." ثم غادر القاعة.') == ['وقال "لن نتراجع عن قرارنا."', "ثم غادر القاعة."]
    # nothing splits inside brackets
    assert texts("الرئيس (وهو في طريقه. إلى المطار) تحدث للصحفيين. ثم غادر.") == [
        "الرئيس (وهو في طريقه. إلى المطار) تحدث للصحفيين.", "ثم غادر.",
    ]
    # a long quote made of several sentences may split at its sentence ends
    long_quote = (
        "وقال: «إن المادة الرابعة في اتفاقيتنا تؤكد على الدعم العسكري المتبادل حال تعرض أي من الطرفين للعدوان. "
        "وهذا قرار سيادي خاص بنا وما إذا كنا نحتاج ذلك من عدمه فهو أمر يعود لنا»."
    )
    got = texts(long_quote)
    assert len(got) == 2 and all(len(x.split()) >= 4 for x in got)


def test_list_index_is_not_a_sentence():
    assert texts("7. العراب من إخراج كوبولا. فيلم كلاسيكي.") == ["7. العراب من إخراج كوبولا.", "فيلم كلاسيكي."]


def test_run_on_paragraph_is_one_sentence():
    run_on = " ".join(["كلام متصل بلا أي علامة ترقيم"] * 40)
    assert texts(run_on) == [run_on]


def test_paragraphs_and_offsets():
    text = "  الفقرة الأولى. جملة ثانية.  \nالفقرة الثانية بلا نقطة\n\nالرابعة؟ نعم."
    sents = split_sentences(text)
    assert [(s.paragraph_idx, s.text) for s in sents] == [
        (0, "الفقرة الأولى."), (0, "جملة ثانية."), (1, "الفقرة الثانية بلا نقطة"), (3, "الرابعة؟"), (3, "نعم."),
    ]
    check_offsets(text)


def test_no_tiny_sentences():
    for t in [". .", "نعم. . لا", "قال: ... ثم سكت", "!؟ حسنا", "أ. ب. ج."]:
        for s in split_sentences(t):
            assert len(s.text) > 1
        check_offsets(t)


@pytest.mark.parametrize("path", sorted((ROOT / "seeds").glob("*.txt")), ids=lambda p: p.name)
def test_offsets_exact_on_seeds(path):
    clean = clean_document(RawDocument(source_path=str(path), raw_text=path.read_text(encoding="utf-8")))
    check_offsets(clean.clean_text)
    check_offsets(path.read_text(encoding="utf-8"))  # raw text too (blank lines, widgets)


def test_seed_sentences_look_right():
    path = ROOT / "seeds" / "003_ed48a85660a44ac6.txt"
    clean = clean_document(RawDocument(source_path=str(path), raw_text=path.read_text(encoding="utf-8")))
    sents = split_sentences(clean.clean_text)
    # «... عن مجلس الدوما “البرلمان” ...» style quotes and the long Putin quote
    putin = [s for s in sents if "المادة الرابعة" in s.text]
    assert len(putin) == 1 and putin[0].text.startswith("وكان الرئيس الروسي")
    assert any(s.text.endswith("هكذا الأمر في اتفاقيتنا الاستراتيجية مع كوريا الشمالية\".") for s in sents)
    path1 = ROOT / "seeds" / "001_4fb4680f70c0b9ac.txt"
    clean1 = clean_document(RawDocument(source_path=str(path1), raw_text=path1.read_text(encoding="utf-8")))
    s1 = texts(clean1.clean_text)
    assert "وقال وزير الدفاع الأمريكي لويد أوستن في فيديو نشرته وسائل إعلام أمريكية “لدينا الدليل على أن قوات كوريّة شمالية توجهت إلى.. روسيا”." in s1
    assert "تحذير أمريكي" in s1 and "12 ألف جندي" in s1
