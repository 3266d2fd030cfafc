"""Near-duplicate paragraphs (MinHash LSH over word shingles, confirmed by Jaccard)."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from akhbar.clean import clean_document
from akhbar.dedup import DuplicateLink, find_near_duplicates, paragraph_signatures
from akhbar.models import RawDocument

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seed_paragraphs():
    out = []
    texts = {}
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        doc_id = path.name[:3]
        clean = clean_document(RawDocument(source_path=str(path), raw_text=path.read_text(encoding="utf-8")))
        texts[doc_id] = clean.clean_text.split("\n")
        out.extend((doc_id, i, p) for i, p in enumerate(texts[doc_id]))
    return out, texts


def test_seed_links(seed_paragraphs):
    paragraphs, texts = seed_paragraphs
    links = find_near_duplicates(paragraphs)
    assert all(isinstance(link, DuplicateLink) for link in links)
    expected = [
        # (doc, words that start the later paragraph, first occurrence doc, its opening words)
        ("004", "وأوضح روته في تصريحات", "000", "وفي تصريحات أدلى بها في بروكسل"),  # Rutte in Brussels
        ("004", "والأسبوع الماضي،", "000", "وحذّر الرئيس الأوكراني"),  # Zelensky's warning
        ("004", "ويعد تنامي العلاقات", "000", "ويُعد تنامي العلاقات"),  # Moscow-Pyongyang ties
    ]
    assert len(links) == len(expected)  # no false link among the other seed paragraphs
    for doc, start, dup_doc, dup_start in expected:
        assert any(
            link.doc_id == doc
            and texts[doc][link.paragraph_idx].startswith(start)
            and link.dup_of_doc_id == dup_doc
            and texts[dup_doc][link.dup_of_paragraph_idx].startswith(dup_start)
            for link in links
        ), start
    for link in links:
        assert 0.7 <= link.similarity <= 1.0


def test_links_point_to_first_occurrence():
    base = "أعلنت وزارة الصحة اليوم تسجيل حالات جديدة في عدد من المحافظات خلال الأسبوع الماضي وفق البيان الرسمي"
    variant = base.replace("اليوم", "الثلاثاء")
    paragraphs = [("a", 0, base), ("b", 3, variant), ("c", 1, base), ("c", 2, "نص قصير جدا")]
    links = find_near_duplicates(paragraphs)
    assert [(l.doc_id, l.paragraph_idx, l.dup_of_doc_id, l.dup_of_paragraph_idx) for l in links] == [
        ("b", 3, "a", 0),
        ("c", 1, "a", 0),
    ]
    assert links[1].similarity == 1.0


def test_short_and_unrelated_paragraphs_are_not_linked():
    paragraphs = [
        ("a", 0, "قال الوزير إن الوضع مستقر"),  # too short to judge
        ("b", 0, "قال الوزير إن الوضع مستقر"),
        ("a", 1, "ارتفعت أسعار النفط في الأسواق العالمية بعد تراجع المخزونات الأمريكية بأكثر من المتوقع"),
        ("b", 1, "انخفضت أسعار الذهب في الأسواق المحلية مع ارتفاع الدولار أمام العملات الرئيسية اليوم"),
    ]
    assert find_near_duplicates(paragraphs) == []


def test_threshold_is_respected():
    a = "أكدت الحكومة أنها ستواصل دعم القطاع الزراعي من خلال برامج تمويل ميسرة للمزارعين في جميع المناطق الريفية"
    b = "أكدت الحكومة أنها ستواصل دعم القطاع الصناعي من خلال برامج تمويل ميسرة للمصانع في جميع المناطق الصناعية"
    assert find_near_duplicates([("x", 0, a), ("y", 0, b)], threshold=0.95) == []
    assert len(find_near_duplicates([("x", 0, a), ("y", 0, b)], threshold=0.3)) == 1


def test_signatures_skip_short_and_pickle():
    sigs = paragraph_signatures("d", "قصير\n" + "كلمة " * 3 + "\n" + " ".join(f"كلمة{i}" for i in range(12)))
    assert [idx for idx, _ in sigs] == [2]
    again = pickle.loads(pickle.dumps(sigs[0][1]))
    assert again.jaccard(sigs[0][1]) == 1.0
