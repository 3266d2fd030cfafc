"""The learned line classifier and the title ranking (akhbar/clean/classifier.py,
features.py, title.py) on a hand-written page in a layout the rules never saw."""

from __future__ import annotations

import re

from akhbar.clean import clean_document
from akhbar.clean._text import make_lines
from akhbar.clean.classifier import ARTEFACT, get_model
from akhbar.clean.features import DENSE_NAMES, page_features
from akhbar.config import BOILERPLATE_CATEGORIES
from akhbar.models import RawDocument
from akhbar.text import collapse_spaces, fold_match

TITLE = "أمانة جدة تطلق حملة لإزالة المباني المهجورة في الأحياء الجنوبية"
WIDGETS = [
    "جدة 38° غائم جزئياً",
    "الرطوبة 64%",
    "تاسي 7,845.21 ▲ 0.45%",
]
BODY = [
    "أطلقت أمانة محافظة جدة اليوم حملة ميدانية لإزالة المباني المهجورة والآيلة للسقوط في عدد من الأحياء الجنوبية، بعد رصد أكثر من 300 مبنى.",
    "وقال المتحدث الرسمي للأمانة إن الحملة تستمر ثلاثة أشهر، وتشمل إشعار الملاك قبل الإزالة بمدة لا تقل عن أسبوعين.",
    "وأوضح أن الفرق الميدانية ستعمل على مدار الساعة بالتنسيق مع الدفاع المدني والشرطة لضمان سلامة السكان.",
]
FOOT = ["جميع الحقوق محفوظة © 2015 صحيفة المدينة"]


def test_artefact_is_small_plain_arrays_and_matches_the_features():
    assert ARTEFACT.exists() and ARTEFACT.stat().st_size < 400_000
    model = get_model()
    assert model is not None
    assert set(model.categories) == set(BOILERPLATE_CATEGORIES)
    assert 0.3 <= model.threshold < 1.0
    assert model.boiler.w.shape == (1, len(DENSE_NAMES))


def test_page_features_one_row_per_line():
    lines = make_lines("\n".join(WIDGETS + [TITLE] + BODY))
    f = page_features(lines, RawDocument(source_path="x", raw_text=""))
    assert f.dense.shape == (len(lines), len(DENSE_NAMES))
    assert len(f.tokens) == len(lines)


def test_title_is_the_headline_not_the_widget_above_it():
    doc = RawDocument(source_path="x", raw_text="\n".join(WIDGETS + [TITLE] + BODY + FOOT))
    clean = clean_document(doc)
    assert clean.title == TITLE
    kept = clean.clean_text.split("\n")
    for line in BODY:
        assert line in kept
    assert FOOT[0] not in kept


def test_metadata_title_with_site_name_picks_the_body_line():
    doc = RawDocument(source_path="x", raw_text="\n".join([TITLE] + BODY), title=TITLE + " | صحيفة المدينة")
    assert clean_document(doc).title == TITLE


def test_fast_normalisation_is_the_regex_one():
    tricky = " \t\u00a0أَحْمَد\u2003ـــ  ٣٫٥٪ \u200fإلى  مستشفى\n\r\x1c "
    assert collapse_spaces(tricky) == re.sub(r"\s+", " ", tricky).strip()
    assert fold_match("أإآٱ ى ة ؤ ئ ک ی ٠١٢٣٤٥٦٧٨٩ ۰۱۲ ٫٬٪") == "اااا ي ه و ي ك ي 0123456789 012 .,%"
