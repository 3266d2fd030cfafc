"""okaz records copied whole from SaudiNewsNet (tests/fixtures/okaz_footer_share.json):
three columns that end with the paper's SMS footer, its code changing per columnist
(«… تبدأ بالرمز 153 مسافة ثم الرسالة»), and two articles whose first paragraph opens with
the share bar glued to it («شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك …»)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from akhbar.clean import build_line_stats, clean_document
from akhbar.ingest import RawInput, ingest_unit

FIXTURE = Path(__file__).parent / "fixtures" / "okaz_footer_share.json"


@pytest.fixture(scope="module")
def cleaned():
    records = json.loads(FIXTURE.read_text(encoding="utf-8"))
    docs = [ingest_unit(RawInput(f"okaz.json#{i}", "json", rec)) for i, rec in enumerate(records)]
    stats = build_line_stats(docs).prune()
    return [(d, clean_document(d, stats)) for d in docs]


def test_a_footer_whose_number_changes_per_page_is_cut_from_the_last_line(cleaned):
    columns = [(d, c) for d, c in cleaned if "مسافة ثم الرسالة" in d.raw_text]
    assert len(columns) == 3
    for d, c in columns:
        assert "مسافة ثم الرسالة" not in c.clean_text
        [r] = [r for r in c.removed if "مسافة ثم الرسالة" in r.text]
        assert r.rule == "footer_template" and r.text.startswith("للتواصل أرسل")
        # the column's last paragraph stays
        last = [ln for ln in d.raw_text.split("\n") if ln.strip()][-2].strip()
        assert c.clean_text.rstrip().endswith(last[-40:]) or "@" in last


def test_a_share_bar_glued_to_the_first_paragraph_is_cut(cleaned):
    articles = [(d, c) for d, c in cleaned if d.raw_text.lstrip().startswith("شارك من خلال")]
    assert len(articles) == 2
    for d, c in articles:
        assert not c.clean_text.startswith("شارك")
        [r] = [r for r in c.removed if r.rule == "share_prefix"]
        assert (r.text, r.category) == ("شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك", "social")
        first = d.raw_text.split("\n")[r.line_no]
        assert first[r.char_start:].startswith(r.text)
        assert c.clean_text.startswith(first[r.char_start + len(r.text):].strip()[:30])
