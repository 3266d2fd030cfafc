"""sabq's interviews (tests/fixtures/sabq_interviews.json: two records copied whole from
SaudiNewsNet): the highlights come first as bullet lines, the author field holds the first
of them, and the byline «حوار: فلان، تصوير: فلان- سبق- الرياض:» opens the first paragraph
after them. The source's byline template is mined from the sabq records of
tests/fixtures/saudinewsnet_templates.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from akhbar.clean import build_line_stats, clean_document
from akhbar.ingest import RawInput, ingest_unit

FIXTURES = Path(__file__).parent / "fixtures"


def _docs(name):
    records = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return [ingest_unit(RawInput(f"{name}#{i}", "json", rec)) for i, rec in enumerate(records)]


@pytest.fixture(scope="module")
def cleaned():
    interviews = _docs("sabq_interviews.json")
    stats = build_line_stats(_docs("saudinewsnet_templates.json") + interviews).prune()
    return {d.author.split()[1]: (d, clean_document(d, stats)) for d in interviews}


def test_the_byline_after_the_highlights_is_cut_and_kept_as_byline(cleaned):
    d, c = cleaned["الهلال"]
    assert "إبراهيم الحذيفي– سبق– جدة:" in d.raw_text
    assert "سبق– جدة:" not in c.clean_text
    assert "\nضيفنا هو الإعلامي الرياضي الشهير" in c.clean_text
    assert (c.byline_person, c.byline_outlet, c.dateline_place) == ("إبراهيم الحذيفي", "سبق", "جدة")


def test_interview_credits_go_with_the_byline(cleaned):
    d, c = cleaned["أنا"]
    assert "حوار: عبدالعزيز العصيمي، تصوير: عبدالملك سرور- سبق- الرياض:" in d.raw_text
    assert "تصوير: عبدالملك سرور" not in c.clean_text
    assert "\nقال \"أبو متعب \" الأمريكي" in c.clean_text
    [r] = [r for r in c.removed if r.char_start is not None]
    assert (r.text, r.rule, r.category) == ("حوار: عبدالعزيز العصيمي، تصوير: عبدالملك سرور- سبق- الرياض:",
                                            "template_prefix", "byline")


def test_the_first_highlight_in_the_author_field_is_content_not_a_byline(cleaned):
    for d, c in cleaned.values():
        first = d.author.replace("&quot;", '"')
        assert c.clean_text.startswith(first.strip()[:25])
        assert c.byline is None or not c.byline.startswith("-")


@pytest.mark.parametrize("url,credit,text_after", [
    ("http://sabq.org/CmDE0b", "أجرى الحوار شقران الرشيدي-سبق- الرياض (تصوير عبد المجيد العازمي):",
     "يقول الشيخ فهد الحميد، الإمام والخطيب"),
    ("http://sabq.org/ckDE0b", "حوار/ شقران الرشيدي- تصوير/ فايز الزيادي- سبق- الرياض:",
     "يقول الخبير الاقتصادي، وأستاذ الاقتصاد"),
])
def test_a_credit_inside_the_highlights_line_is_cut_and_the_line_split(url, credit, text_after):
    # (tests/fixtures/sabq_interview_credits.json: two records copied whole) the highlights
    # and the credit are one line: «- … - … أجرى الحوار/ فلان- سبق- الرياض (تصوير: فلان): يقول …»
    [d] = [d for d in _docs("sabq_interview_credits.json") if d.url == url]
    assert credit in d.raw_text
    for stats in (None, build_line_stats(_docs("saudinewsnet_templates.json") + [d]).prune()):
        c = clean_document(d, stats)
        assert credit not in c.clean_text and "شقران الرشيدي" not in c.clean_text.split("\n")[0]
        first, second = c.clean_text.split("\n")[:2]
        assert first.startswith("- ") and second.startswith(text_after)
        [r] = [r for r in c.removed if r.rule == "interview_credit"]
        assert (r.text, r.category) == (credit, "byline")
        raw_line = d.raw_text.split("\n")[r.line_no]
        assert raw_line[r.char_start: r.char_start + len(credit)] == credit
        assert (c.byline_person, c.dateline_place) == ("شقران الرشيدي", "الرياض")
        if stats is not None:
            assert c.byline_outlet == "سبق"


def test_a_credit_in_running_text_is_not_cut():
    from akhbar.clean import _interview_credit

    text = "- أبرز ما قاله. وفي حوار: سابق مع الصحيفة - قبل عامين - قال الوزير إن: الأمر انتهى"
    assert _interview_credit(text, 0, len(text)) is None
