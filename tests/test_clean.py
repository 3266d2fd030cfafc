"""The cleaner on the five seed articles (tests/fixtures/seeds_expected.json) and on
the cross-document evidence (LineStats)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from akhbar.clean import LineStats, build_line_stats, clean_document
from akhbar.clean.classifier import get_model, use_model
from akhbar.config import BOILERPLATE_CATEGORIES
from akhbar.models import RawDocument

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
EXPECTED = json.loads((ROOT / "tests" / "fixtures" / "seeds_expected.json").read_text(encoding="utf-8"))


# seeds_expected.json quotes the first date line of 002's related-articles list as a
# sample; the seven other date lines of the same list are the same kind of line.
_RELATED_DATES_002 = [f"30 أبريل 2025 {t} م" for t in ("09:52", "09:25", "06:36", "06:31", "07:47", "05:50", "07:06")]
for _line in _RELATED_DATES_002:
    EXPECTED["002_3a7b1e736c3f31df.txt"]["boilerplate"].append({"line": _line, "category": "related_articles"})


def _doc(path: Path) -> RawDocument:
    return RawDocument(source_path=str(path), raw_text=path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def cleaned():
    return {p.name: (_doc(p), clean_document(_doc(p))) for p in SEEDS}


def test_five_seeds_present():
    assert len(SEEDS) == 5 and all(p.name in EXPECTED for p in SEEDS)


@pytest.mark.parametrize("name", [p.name for p in SEEDS])
def test_seed_boilerplate_removed_with_category(cleaned, name):
    raw, clean = cleaned[name]
    exp = EXPECTED[name]
    removed_by_text: dict[str, set[str]] = {}
    for r in clean.removed:
        removed_by_text.setdefault(r.text, set()).add(r.category)
    for item in exp["boilerplate"]:
        assert item["line"] in removed_by_text, f"not removed: {item['line']}"
        assert removed_by_text[item["line"]] == {item["category"]}, item
    # nothing else removed (every removed line is an expected one)
    expected_lines = {item["line"] for item in exp["boilerplate"]}
    extra = [r.text for r in clean.removed if r.text not in expected_lines]
    assert extra == []


@pytest.mark.parametrize("name", [p.name for p in SEEDS])
def test_seed_no_content_lost(cleaned, name):
    raw, clean = cleaned[name]
    exp = EXPECTED[name]
    boiler = {item["line"] for item in exp["boilerplate"]}
    kept = clean.clean_text.split("\n")
    expected_kept = [
        line.strip()
        for line in raw.raw_text.split("\n")
        if line.strip() and line.strip() not in boiler and line.strip() != exp["title"]
    ]
    assert kept == expected_kept  # same lines, same order, author's spelling
    for heading in exp.get("headings_kept_as_content", []):
        assert heading in kept
    if exp["title"]:
        assert exp["title"] not in kept
        assert all(r.text != exp["title"] for r in clean.removed)


@pytest.mark.parametrize("name", [p.name for p in SEEDS])
def test_seed_removed_lines_are_addressable(cleaned, name):
    raw, clean = cleaned[name]
    lines = raw.raw_text.split("\n")
    nos = [r.line_no for r in clean.removed]
    assert len(nos) == len(set(nos))
    for r in clean.removed:
        assert lines[r.line_no].strip() == r.text
        assert r.category in BOILERPLATE_CATEGORIES
        assert r.rule and 0.0 <= r.confidence <= 1.0
    assert not set(nos) & {no for no, _ in clean.kept_notes}
    assert "" not in clean.clean_text.split("\n")


def test_seed_metadata(cleaned):
    for name, (_raw, clean) in cleaned.items():
        assert clean.title == EXPECTED[name]["title"], name
    assert cleaned["004_9ec23b553c2d35f7.txt"][1].title is None
    assert cleaned["001_4fb4680f70c0b9ac.txt"][1].section == "سياسة"
    assert cleaned["002_3a7b1e736c3f31df.txt"][1].byline == "حبيبة وائل"
    c3 = cleaned["003_ed48a85660a44ac6.txt"][1]
    assert c3.published_at == dt.datetime.fromisoformat(EXPECTED["003_ed48a85660a44ac6.txt"]["published_at"])
    assert c3.updated_at == dt.datetime.fromisoformat(EXPECTED["003_ed48a85660a44ac6.txt"]["updated_at"])
    assert c3.published_at.tzinfo is not None
    for name in ("000_a09b7958db38c890.txt", "001_4fb4680f70c0b9ac.txt", "002_3a7b1e736c3f31df.txt"):
        assert cleaned[name][1].published_at is None  # the related-list dates of 002 are not the article's


def test_container_title_is_used_and_first_line_not_taken_as_title():
    raw = "وقال المسؤول إن الاجتماع سيعقد الأسبوع المقبل في العاصمة لبحث الملفات العالقة بين البلدين.\nتابعونا على"
    doc = RawDocument(source_path="x.json", raw_text=raw, title="عنوان من الحاوية", title_from_container=True)
    clean = clean_document(doc)
    assert clean.title == "عنوان من الحاوية"
    assert clean.clean_text.split("\n") == [raw.split("\n")[0]]
    assert [r.category for r in clean.removed] == ["social"]


def test_relative_dateline_uses_scrape_time():
    scraped = dt.datetime(2015, 7, 22, 10, 0, tzinfo=dt.timezone.utc)
    raw = "عنوان الخبر هنا اليوم\nمنذ 3 ساعات\n" + "نص الخبر الذي يتحدث عن موضوع مهم جدا في المنطقة ويستمر طويلا بما يكفي لكي يعتبر فقرة."
    clean = clean_document(RawDocument(source_path="x", raw_text=raw, scraped_at=scraped))
    assert clean.published_at == scraped - dt.timedelta(hours=3)
    assert [r.category for r in clean.removed] == ["dateline"]


def test_content_mentioning_prayer_comments_dates_is_kept():
    body = [
        "وأدى المصلون صلاة الفجر في المسجد الحرام وسط إجراءات تنظيمية مشددة وحضور كثيف من الزوار.",
        "الفجر",
        "ورفض المتحدث التعليق على الأنباء التي تحدثت عن استقالته، مكتفيا بالقول إن الأمور ستتضح قريبا.",
        "وكان الاتفاق قد وقع في 22 يوليو 2015 بعد مفاوضات استمرت أكثر من عامين بين الأطراف المعنية.",
        "شارك في الاجتماع وزراء خارجية الدول الأعضاء إلى جانب ممثلين عن المنظمات الدولية.",
    ]
    clean = clean_document(RawDocument(source_path="x", raw_text="\n".join(["عنوان الخبر"] + body)))
    assert clean.removed == []
    assert clean.clean_text.split("\n") == body


def _site_doc(i: int, source: str = "site") -> RawDocument:
    body = (
        f"هذا نص الخبر رقم {i} ويتحدث عن حدث مختلف في كل مرة، مع تفاصيل إضافية عن الموضوع رقم {i} "
        "حتى يكون النص طويلا بما يكفي."
    )
    footer = "جميع المواد المنشورة تخضع لسياسة التحرير الخاصة بالموقع"
    return RawDocument(source_path=f"{source}/{i}", raw_text=f"عنوان الخبر رقم {i}\n{body}\n{footer}", source=source)


@pytest.fixture
def rules_only():
    """The rule cascade without the learned classifier (which, rightly, finds the footer
    below boilerplate on its own): these tests are about the cross-document evidence."""
    model = get_model()
    use_model(None)
    yield
    use_model(model)


def test_repeated_in_source_needs_enough_documents(rules_only):
    docs = [_site_doc(i) for i in range(4)]
    stats = build_line_stats(docs[:2])
    assert clean_document(docs[0], stats).removed == []  # 2 documents: not enough evidence
    stats = build_line_stats(docs)
    clean = clean_document(docs[0], stats)
    assert [(r.rule, r.text) for r in clean.removed] == [
        ("repeated_in_source", "جميع المواد المنشورة تخضع لسياسة التحرير الخاصة بالموقع")
    ]
    assert clean.removed[0].category in BOILERPLATE_CATEGORIES
    # other sources do not count
    other = _site_doc(9, source="other")
    assert clean_document(other, stats).removed == []


def test_line_stats_merge_equals_single_pass():
    docs = [_site_doc(i) for i in range(5)] + [_site_doc(i, "b") for i in range(3)]
    a = build_line_stats(docs[:3])
    b = build_line_stats(docs[3:])
    a.merge(b)
    whole = build_line_stats(docs)
    assert a.docs == whole.docs
    assert a.lines == whole.lines
    assert a.count("site", "جميع المواد المنشورة تخضع لسياسة التحرير الخاصة بالموقع") == 5
    assert a.count("site", "جميع  المواد المنشورة تخضع لسياسة التحرير الخاصة بالموقع!") == 5  # normalised


def test_duplicated_article_is_not_emptied_by_repetition():
    text = (
        "عنوان مكرر للخبر\n"
        "فقرة أولى من خبر نشر عدة مرات في الموقع نفسه وهي طويلة بما يكفي لتعتبر فقرة من النص.\n"
        "فقرة ثانية من الخبر المكرر نفسه تتحدث عن التفاصيل وتضيف معلومات أخرى للقارئ الكريم."
    )
    docs = [RawDocument(source_path=f"d{i}", raw_text=text, source="s") for i in range(6)]
    stats = build_line_stats(docs)
    clean = clean_document(docs[0], stats)
    assert len(clean.clean_text.split("\n")) == 2
    assert clean.kept_notes  # recorded as a doubt


def test_a_short_article_under_a_repeated_policy_is_no_duplicate(rules_only):
    """One paragraph of its own and the site's comment policy on every page: the policy is the
    repeated line (by lines the page is half repeated, by words it is not)."""
    policy = "يسعدنا تواصلكم مع فريق التحرير على مدار الساعة طوال أيام الأسبوع دون انقطاع، شكرا على ثقتكم."
    docs = [RawDocument(source_path=f"p{i}", source="s", raw_text=(
        f"عنوان الخبر رقم {i}\n"
        f"استنكر رئيس الجالية في المنطقة رقم {i} العمل الإرهابي الذي استهدف المسجد، وقال إن أبناء الجالية "
        f"يقفون صفا واحدا مع المملكة في مواجهة الإرهاب، مؤكدا أن الاعتداء رقم {i} لن يزيد الناس إلا تماسكا "
        "ووحدة، وأن الجميع يدعون للشهداء بالرحمة وللمصابين بالشفاء العاجل.\n" + policy)) for i in range(8)]
    stats = build_line_stats(docs)
    for doc in docs:
        out = clean_document(doc, stats)
        assert [(r.rule, r.text) for r in out.removed] == [("repeated_in_source", policy)]
        assert out.clean_text.startswith("استنكر رئيس الجالية")


# two paragraphs of a short news item, around which the tests below put one page line
_ADMISSIONS = ["أعلنت الوزارة اليوم نتائج القبول في برامجها الجامعية للعام الجديد بعد مراجعة الطلبات كلها.",
               "وأوضحت أن عدد المقبولين بلغ ثلاثة آلاف طالب وطالبة في مختلف التخصصات العلمية والإنسانية."]


def test_a_line_of_hashtags_is_the_page_tags():
    body = _ADMISSIONS
    out = clean_document(RawDocument(source_path="t", raw_text="\n".join(
        ["نتائج القبول"] + body + ["#نتائج #القبول #برامجه"])))
    assert [(r.rule, r.text) for r in out.removed] == [("hashtags_only", "#نتائج #القبول #برامجه")]
    # «#نافذة:» heads a box (almadina); a tag with «_» is a quoted tweet's, never a page tag
    for tag in ("#نافذة:", "#تفجير_طوارئ_عسير"):
        out = clean_document(RawDocument(source_path="t", raw_text="\n".join(
            ["نتائج القبول", body[0], tag, body[1]])))
        assert all(r.rule != "hashtags_only" for r in out.removed), tag


def test_a_tag_line_and_a_tag_list_under_a_header_are_navigation():
    body = _ADMISSIONS
    # the header and its tags on one line, between the text and the footer
    for line in ("كلمات البحث: نتائج · القبول · الجامعات", "الوسوم: القبول، الجامعات، الطلاب"):
        out = clean_document(RawDocument(source_path="t", raw_text="\n".join(["نتائج القبول", *body, line])))
        assert [(r.rule, r.text) for r in out.removed] == [("navigation_line", line)], line
        assert out.clean_text.split("\n") == body
    # a sentence that opens with the word is no tag line
    said = "كلمات البحث: قالت الوزارة إن الطلاب يبحثون عن التخصصات الأكثر طلبا في سوق العمل."
    out = clean_document(RawDocument(source_path="t", raw_text="\n".join(["نتائج القبول", body[0], said, body[1]])))
    assert said in out.clean_text.split("\n")
    # one tag a line under a header, with the page's comment notice below them
    tags = ["وسوم ذات صلة", "#القبول", "#الجامعات", "#الطلاب"]
    out = clean_document(RawDocument(source_path="t", raw_text="\n".join(
        ["نتائج القبول", *body, *tags, "تعليقات الزوار (3)"])))
    assert out.clean_text.split("\n") == body
    assert {r.text: r.rule for r in out.removed} == {
        "وسوم ذات صلة": "navigation_line", "#القبول": "tag_cloud_item", "#الجامعات": "tag_cloud_item",
        "#الطلاب": "tag_cloud_item", "تعليقات الزوار (3)": "comment_notice"}


def test_a_comment_policy_is_a_comment_notice():
    body = _ADMISSIONS
    for policy in ("المرجو عدم تضمين تعليقاتكم عبارات مسيئة أو خارجة عن موضوع المقال، فهي لن تنشر.",
                   "يرجى الالتزام بآداب الحوار عند كتابة التعليقات"):
        out = clean_document(RawDocument(source_path="t", raw_text="\n".join(["نتائج القبول", *body, policy])))
        assert [(r.rule, r.text) for r in out.removed] == [("comment_notice", policy)], policy
    # a reported appeal about comments is the article's
    said = "وطالب الوزير المواطنين بعدم نشر التعليقات المسيئة على مواقع التواصل، مؤكدا أن القانون يعاقب على ذلك."
    out = clean_document(RawDocument(source_path="t", raw_text="\n".join(["نتائج القبول", body[0], said, body[1]])))
    assert said in out.clean_text.split("\n")


def test_an_ad_slot_label_is_boilerplate_wherever_it_stands():
    body = _ADMISSIONS
    for label in ("مساحة إعلانية", "إعلان مدفوع", "محتوى إعلاني", "إشهار", "Advertisement"):
        out = clean_document(RawDocument(source_path="t", raw_text="\n".join(["نتائج القبول", body[0], label, body[1]])))
        assert [(r.rule, r.text) for r in out.removed] == [("ad_label", label)], label
        assert out.clean_text.split("\n") == body


def test_line_stats_is_picklable():
    import pickle

    stats = build_line_stats([_site_doc(i) for i in range(3)])
    again = pickle.loads(pickle.dumps(stats))
    assert again.lines == stats.lines and isinstance(again, LineStats)


def test_the_lines_a_paragraph_announces_with_a_colon_are_kept():
    # an arreyadi record (tests/fixtures/arreyadi_poem.json, copied whole): «… وتقول كلمات
    # القصيدة:» and the song's sixteen verses, short lines with no full stop that the
    # classifier alone took for a footer widget (0.10.0 kept 1 of 16)
    from akhbar.ingest import RawInput, ingest_unit

    [rec] = json.loads((Path(__file__).parent / "fixtures" / "arreyadi_poem.json").read_text(encoding="utf-8"))
    doc = ingest_unit(RawInput("poem.json#0", "json", rec))
    out = clean_document(doc)
    lines = out.clean_text.split("\n")
    assert lines[0].endswith("وتقول كلمات القصيدة:")
    assert len(lines) == 17 and lines[-1] == "حبيبي غمض عيونك ترى ركضي كسر ساقي"
    assert [r.rule for r in out.removed] == ["name_city_in_header"]
    assert sum("announced by line" in note for _no, note in out.kept_notes) == 15


def test_an_announced_contact_address_stays_out():
    from akhbar.clean import _URL_IN_LINE_RE

    assert _URL_IN_LINE_RE.search("www.mcs.gov.sa/InformationCenter") and not _URL_IN_LINE_RE.search("حبيبي غمض عيونك")


def test_a_page_that_is_only_its_comments_counter_has_no_text_left():
    # arriyadiyah's video pages (node/883016): the scraped content is « تعليقات () » alone
    doc = RawDocument(source_path="v.json#0", raw_text=" \n تعليقات () ", title="حديث لاعبي النصر في الباص",
                      source="arriyadiyah", fmt="json", title_from_container=True)
    out = clean_document(doc)
    assert out.clean_text == "" and [(r.rule, r.category) for r in out.removed] == [("comment_notice", "comment_form")]
