"""Lists of other stories that the cleaner takes whole: a related block whose further
items carry a list mark after its date line, a numbered list below the text that the
source's other pages end with, and a prayer table flattened under a header naming the city.
The paragraphs are SaudiNewsNet's (real text); the widgets are written in the shapes the
held-out layout families use."""

from __future__ import annotations

import json
from pathlib import Path

from akhbar.clean import build_line_stats, clean_document
from akhbar.models import RawDocument

BODY = [
    "ذكرت وزارة الداخلية المصرية إن شرطيين قتلا وأصيب ثلاثة آخرون اليوم الأحد عندما انفجرت عبوة ناسفة "
    "لدى مرور مركبتهم في شمال سيناء.",
    "ويوم الأربعاء هددت جماعة ولاية سيناء في فيديو بث على الانترنت بقتل رهينة كرواتي خلال 48 ساعة "
    "إذا لم تفرج السلطات عن سجينات مسلمات.",
    "وقال مسؤولون أمنيون إن قوات الجيش والشرطة شنت حملة واسعة في المنطقة بحثا عن منفذي الهجوم، "
    "وإن الطرق المؤدية إلى العريش أغلقت لساعات.",
]
HEADLINES = [
    "المقاومة تطرق أبواب صنعاء وتصل إلى أرحب",
    "النجمة تجهز التعاون للدرعية",
    "الخدمة المدنية تدعو 2199 مواطناً ومواطنة للمطابقة النهائية",
    "1.5 مليون سائح وزائر توجهوا إلى منطقة الباحة",
]
DIGITS = "١٢٣٤٥٦٧٨٩"
FIXTURES = Path(__file__).parent / "fixtures"


def _doc(lines: list[str], k: int = 0, source: str = "site") -> RawDocument:
    return RawDocument(source_path=f"pages.jsonl#{k}", raw_text="\n".join(lines), title=f"خبر رقم {k}",
                       url=f"https://example.com/{k}", source=source, fmt="jsonl", title_from_container=True)


def _removed(out) -> dict[str, tuple[str, str]]:
    return {r.text: (r.category, r.rule) for r in out.removed if r.char_start is None}


def test_a_related_block_goes_on_over_marked_items_after_its_date_line():
    lines = BODY[:2] + ["عناوين أخرى", "• " + HEADLINES[0], HEADLINES[1], "منذ 3 ساعات",
                        "» " + HEADLINES[2], "- " + HEADLINES[3], BODY[2]]
    out = clean_document(_doc(lines))
    removed = _removed(out)
    for item in ("» " + HEADLINES[2], "- " + HEADLINES[3]):
        assert removed[item][0] == "related_articles"
    for para in BODY:  # the paragraph after the block stays: a sub-heading has no list mark
        assert para in out.clean_text


def _list_pages(announce: str | None = None, on_page: int = 4) -> list[RawDocument]:
    """Six pages of one site: three paragraphs of a SaudiNewsNet article, a numbered
    list of five other headlines («(١) …»), an app prompt that the site repeats."""
    pages = json.loads((FIXTURES / "numbered_list_pages.json").read_text(encoding="utf-8"))
    app = ["حمّل تطبيق العربية نت 6 على هاتفك", "لمتابعة آخر الأخبار حمّل تطبيق العربية نت 6"]
    docs = []
    for k, page in enumerate(pages):
        items = [f"({DIGITS[i]}) {h}" for i, h in enumerate(page["others"])]
        lines = page["paragraphs"] + ([announce] if announce and k == on_page else []) + items + app
        docs.append(RawDocument(source_path=f"pages.jsonl#{k}", raw_text="\n".join(lines), title=page["title"],
                                url=f"https://example.com/{k}", source="site", fmt="jsonl", title_from_container=True))
    return docs


def test_a_numbered_list_below_the_text_with_only_widgets_under_it_is_taken_whole():
    docs = _list_pages()
    stats = build_line_stats(docs)
    stats.prune()
    for doc in docs:
        out = clean_document(doc, stats)
        # (on the fifth page the classifier alone took one item of five)
        assert not any(line.startswith("(") for line in out.clean_text.split("\n")), out.clean_text
        assert all(p.strip() in out.clean_text for p in json.loads(
            (FIXTURES / "numbered_list_pages.json").read_text(encoding="utf-8"))[docs.index(doc)]["paragraphs"])


def test_the_list_rules_leave_a_list_that_a_paragraph_announces_with_a_colon():
    docs = _list_pages(announce="وفيما يلي أبرز ما نشرته الوكالة اليوم من عناوين:")
    stats = build_line_stats(docs)
    stats.prune()
    out = clean_document(docs[4], stats)
    rules = {r.rule for r in out.removed}
    assert "numbered_list" not in rules


def test_a_prayer_table_flattened_under_a_city_header_is_a_widget():
    table = "مواقيت الصلاة في مكة المكرمة: الفجر ٤:٢٠ الشروق ٥:٤٥ الظهر ١٢:٢٥ العصر ٣:٥٠ المغرب ٧:٠٥ العشاء ٨:٣٥"
    mention = ("وأدى المصلون صلاة الفجر عند الساعة 4:20 ثم صلاة الظهر عند 12:25 وصلاة العصر عند 3:50 "
               "في المسجد الحرام بحضور أمير المنطقة.")
    out = clean_document(_doc([table] + BODY + [mention]))
    assert _removed(out)[table][0] == "prayer_times"
    assert mention in out.clean_text


def test_lists_under_a_one_line_intro_are_the_article():
    # tests/fixtures/lists_are_the_article.json: aawsat's weekly app chart (a one-line intro,
    # then 24 ranked apps under six headings) and an alyaum poem (short verses): the
    # classifier takes many of their lines for widget items, but they are the article
    from akhbar.ingest import RawInput, ingest_unit

    records = json.loads((FIXTURES / "lists_are_the_article.json").read_text(encoding="utf-8"))
    chart, poem = (next(r for r in records if r["source"] == s) for s in ("aawsat", "alyaum"))
    out = clean_document(ingest_unit(RawInput("lists.json#0", "json", chart)))
    assert out.removed == [] and len(out.clean_text.split("\n")) == 31  # the intro and 30 lines
    out = clean_document(ingest_unit(RawInput("lists.json#1", "json", poem)))
    verses = [ln.strip() for ln in poem["content"].split("\n") if ln.strip()]
    kept = out.clean_text.split("\n")
    # below the first verse kept, every verse that does not end on «!» or «؟» stays
    below = verses[verses.index(kept[0]):]
    assert [v for v in below if v not in kept and not v.endswith(("!", "؟", "?"))] == []
