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
