"""Title choice on page dumps (akhbar/clean/title.py) and the block steps of the cleaner,
on pages built from the seed articles' real text (headlines, paragraphs) with page
furniture around them in layouts the seeds do not have."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from akhbar.clean import clean_document
from akhbar.clean._text import make_lines
from akhbar.clean.classifier import get_model, score_lines
from akhbar.clean.features import page_features
from akhbar.clean.title import TITLE_FEATURES, _stem, candidates, copies_a_paragraph_opening, text_start, title_features
from akhbar.models import RawDocument

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "seeds" / "000_a09b7958db38c890.txt").read_text(encoding="utf-8").split("\n")
TITLE = SEED[0]  # «ناتو»: تعميق التعاون بين روسيا وكوريا الشمالية يُهدد الأمن
BODY = [ln for ln in SEED[1:9] if ln.strip()]
OTHER_TITLES = [  # the headlines of the other seed articles
    "التعاون العسكري بين روسيا وكوريا الشمالية: تهديدات جديدة تواجه العالم",
    "\"الناتو\" غاضب من إرسال كوريا الشمالية جنودًا إلى روسيا: \"تصعيد خطير\"",
    "أمين عام \"الناتو\" يزعم بوجود قوات كورية شمالية في مقاطعة كورسك الحدودية الروسية",
]
needs_model = pytest.mark.skipif(get_model() is None, reason="no committed line classifier")


def _clean(lines: list[str], **meta) -> tuple[RawDocument, object]:
    doc = RawDocument(source_path="x", raw_text="\n".join(lines), **meta)
    return doc, clean_document(doc)


def _removed_texts(clean) -> set[str]:
    return {r.text for r in clean.removed}


@needs_model
def test_title_under_a_numbered_list_of_other_headlines():
    top = ["الأكثر قراءة"] + [f"{i}. {t}" for i, t in enumerate(OTHER_TITLES, 1)] + ["الرياض 44° | جدة 37°"]
    _doc, clean = _clean(top + [TITLE, "كتب: محمد العتيبي"] + BODY)
    assert clean.title == TITLE
    kept = clean.clean_text.split("\n")
    assert all(line in kept for line in BODY)
    assert set(top) <= _removed_texts(clean)  # furniture above the headline goes


@needs_model
def test_title_below_a_consent_banner_and_an_app_prompt():
    top = [
        "نستخدم ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك على موقعنا. باستمرارك في التصفح فإنك توافق على ذلك.",
        "موافق",
        "حمّل تطبيق الصحيفة على هاتفك",
    ]
    _doc, clean = _clean(top + [TITLE] + BODY)
    assert clean.title == TITLE
    assert all(line in clean.clean_text.split("\n") for line in BODY)


@needs_model
def test_a_caption_that_copies_a_paragraph_is_not_the_title():
    caption = "📷 " + " ".join(BODY[2].split()[:6]) + " (أرشيفية)"
    lines = [TITLE, caption] + BODY
    parsed = make_lines("\n".join(lines))
    assert copies_a_paragraph_opening(parsed, 1)
    assert not copies_a_paragraph_opening(parsed, 0)
    _doc, clean = _clean([caption, TITLE] + BODY)
    assert clean.title == TITLE


UNRELATED_TITLES = [  # headlines of other stories (tests/test_clean_generalisation.py, test_clean_classifier.py)
    "البنك المركزي يرفع سعر الفائدة للمرة الثالثة هذا العام",
    "أمانة جدة تطلق حملة لإزالة المباني المهجورة في الأحياء الجنوبية",
]


@needs_model
def test_the_title_agrees_with_its_lead_and_other_headlines_do_not():
    lines = UNRELATED_TITLES[:1] + ["عاجل: " + UNRELATED_TITLES[1], TITLE] + BODY
    doc = RawDocument(source_path="x", raw_text="\n".join(lines))
    parsed = make_lines(doc.raw_text)
    feats = page_features(parsed, doc)
    p = score_lines(get_model(), feats).p_boiler
    cands = candidates(parsed, feats, p)
    assert cands[:3] == [0, 1, 2]
    x = title_features(parsed, feats, p, cands, False)
    sim = x[:, TITLE_FEATURES.index("prose_sim")]
    assert sim[2] > 0.3 and sim[2] > 2 * max(sim[0], sim[1])


@needs_model
def test_a_page_without_its_headline_keeps_its_lines():
    # the body of seed 000 without its headline, under a notification prompt
    _doc, clean = _clean(["هل تريد تلقي إشعارات بآخر الأخبار؟"] + BODY)
    assert clean.title is None
    assert clean.clean_text.split("\n")[-len(BODY):] == BODY


@needs_model
def test_poll_block_after_the_text_goes_and_a_subheading_stays():
    body = BODY[:3] + ["ردود فعل دولية"] + BODY[3:]
    poll = ["استطلاع الرأي", "هل تتوقع تصعيداً جديداً في كورسك؟", "نعم", "لا", "لا أعرف", "التصويت"]
    _doc, clean = _clean([TITLE] + body + poll)
    assert clean.title == TITLE
    assert clean.clean_text.split("\n") == body
    assert set(poll) <= _removed_texts(clean)


def test_text_start_skips_a_lone_sentence_above_the_title():
    #           banner  ok     TITLE  byline para   para   short  para
    prose = np.array([True, False, False, False, True, True, False, True])
    assert text_start(prose) == 4
    assert text_start(np.array([False, True, False])) == 1  # all the prose of a short page
    assert text_start(np.zeros(3, dtype=bool)) == 3


def test_light_stems_match_inflected_forms():
    assert _stem("والتعاون") == _stem("التعاون") == _stem("تعاون")
    assert _stem("بالقوات") == _stem("القوات") == "قوات"
    assert _stem("الشماليه") == _stem("شماليه") == "شمالي"
    assert _stem("الشمالي") != _stem("الجنوبي")
    assert _stem("في") == "في"  # too short to strip
