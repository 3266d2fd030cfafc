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


# ---------------------------------------------------------------- per-source and page-level features (issue #20)

HEADLINES = [
    "وزير الصحة يفتتح مستشفى جديدا في تبوك",
    "ارتفاع أسعار النفط مع تراجع المخزونات الأمريكية",
    "الهلال يتعاقد مع مهاجم برازيلي لثلاثة مواسم",
    "هطول أمطار غزيرة على مرتفعات عسير",
    "جامعة الملك سعود تعلن مواعيد القبول",
    "انطلاق مهرجان التمور في بريدة بمشاركة واسعة",
    "الدفاع المدني يحذر من السيول في المناطق المنخفضة",
    "معرض للكتاب في جدة يستقبل آلاف الزوار",
]


def _site_page(k: int) -> str:
    """One page of a made-up site: the same list header on every page, other
    headlines under it on each, a body of its own."""
    body = [f"{s} في الأسبوع رقم {k + 1} من البرنامج." for s in BODY]
    items = [HEADLINES[(k + j) % len(HEADLINES)] for j in range(3)]
    return "\n".join([TITLE + f" {k + 1}"] + body + ["اخترنا لكم"] + items)


def test_site_features_see_the_repeated_header_above_a_list_of_other_headlines():
    from akhbar.clean import build_line_stats

    docs = [RawDocument(source_path=f"p{k}", raw_text=_site_page(k), source="site") for k in range(12)]
    stats = build_line_stats(docs)
    stats.prune()
    lines = make_lines(docs[0].raw_text)
    f = page_features(lines, docs[0], stats)
    col = {name: i for i, name in enumerate(DENSE_NAMES)}
    header = next(ln.pos for ln in lines if ln.text == "اخترنا لكم")
    assert f.dense[header, col["has_stats"]] == 1 and f.dense[header, col["stats_share"]] == 1.0
    for q in range(header + 1, len(lines)):  # the items: below a repeated line, in its run
        assert f.dense[q, col["run_rep_above"]] == 1 and f.dense[q, col["run_rep_share"]] > 0
        assert f.dense[q, col["stats_share"]] <= 0.5  # each headline on a few pages only
    for q in range(1, 1 + len(BODY)):  # the paragraphs: none of it
        assert f.dense[q, col["run_rep_share"]] == 0 and f.dense[q, col["run_rep_above"]] == 0
    # without statistics (a page cleaned alone) the per-source features are all zero
    alone = page_features(lines, docs[0])
    for name in ("has_stats", "stats_share", "shape_share", "run_rep_share", "run_rep_above"):
        assert not alone.dense[:, col[name]].any()


def test_copies_text_and_body_sim():
    caption = "📷 " + " ".join(BODY[1].split()[:6]) + " (أرشيفية)"
    lines = make_lines("\n".join([TITLE, BODY[0], caption, BODY[1], BODY[2], "تاسي 7,845.21 ▲ 0.45%",
                                  "الحملة الميدانية في الأحياء الجنوبية"]))
    f = page_features(lines, RawDocument(source_path="x", raw_text=""))
    col = {name: i for i, name in enumerate(DENSE_NAMES)}
    assert f.dense[2, col["copies_text"]] == 1  # the caption copies the paragraph's opening
    assert not f.dense[[0, 1, 3, 4, 5, 6], col["copies_text"]].any()
    assert f.dense[5, col["body_sim"]] == 0  # a ticker line speaks of nothing in the text
    assert f.dense[6, col["body_sim"]] >= 0.5  # a sub-heading does
    assert f.dense[0, col["body_sim"]] >= 0.5  # so does the headline


def test_a_caption_copying_a_paragraph_goes_and_the_paragraph_stays():
    # the opening words of a paragraph, with no label or credit that a rule would know
    caption = " ".join(BODY[2].split()[:6])
    doc = RawDocument(source_path="x", raw_text="\n".join([TITLE, BODY[0], BODY[1], caption, BODY[2]]))
    clean = clean_document(doc)
    kept = clean.clean_text.split("\n")
    assert caption not in kept and all(p in kept for p in BODY)
    assert any(r.rule == "copies_paragraph" and r.text == caption for r in clean.removed)


def test_numbered_runs():
    from akhbar.clean import _numbered_runs

    lines = make_lines("\n".join(["مقدمة الصفحة", "(١) الهلال يتعاقد مع مهاجم", "(٢) كيف حال الاحتراف لولا هؤلاء ؟!",
                                  "(٣) أمطار على عسير", "1- أمير مكة يدشن", "2- حوار مع مسؤول", "4- ليس التالي",
                                  "1. البند الأول من القرار.", "2. البند الثاني من القرار.", "3. البند الثالث من القرار."]))
    # a list of headlines numbered in sequence; not a broken sequence, not numbered sentences
    assert _numbered_runs(lines) == [[1, 2, 3]]


def test_framed_runs():
    from akhbar.clean import _frame, _framed_runs

    lines = make_lines("\n".join([
        "مقدمة الصفحة",
        "العقيد الحربي يكشف حيل المهربين على الحدود - 03:07 م",
        "ملتقى المدينة الشبابية بجدة يؤهل 50 شاباً - 07:05 AM",
        "شبان صوماليون يأملون في مستقبل أفضل - 10:09",
        "06:53 صباحاً | اليوم ذبل الوصل والمارد شحيح",
        "07:53 مساءً | الخبر الثاني هنا اليوم",
        "نص عادي بلا إطار",
    ]))
    # a time after the headline, am/pm or not, is one frame; a time before it another
    assert _frame(lines[1]) == _frame(lines[2]) == _frame(lines[3]) != _frame(lines[4]) == _frame(lines[5])
    assert _frame(lines[6]) == ""
    assert _framed_runs(lines) == [[1, 2, 3]]  # two lines are no run
