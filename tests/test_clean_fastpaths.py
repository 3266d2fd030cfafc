"""The cleaner's fast paths compute what the slow code computed (the speed work must
not change any output; benchmarks/clean_identity.py and clean_speed.py check the whole
output on 1,000 SaudiNewsNet articles).  Here: the premises, checked on every code
point, and the shortcuts against the plain formulas on the seed articles' lines."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from akhbar.clean import build_line_stats, clean_document
from akhbar.clean._text import _ARABIC_LETTER_RE, _LATIN_RE, _collapse, _depunct, line_key, make_lines
from akhbar.clean.classifier import get_model, score_lines
from akhbar.clean.credits import (
    caption_rule,
    explicit_byline,
    looks_like_name,
    name_city_byline,
    photo_credit_rule,
    source_credit_rule,
)
from akhbar.clean.features import LineRules, _has_url, _URL_RE, page_features
from akhbar.clean.prayer import find_prayer_blocks
from akhbar.clean.social_nav import is_copyright, is_navigation, is_social
from akhbar.metadata import parse_dateline
from akhbar.models import RawDocument
from akhbar.text import collapse_spaces, fold_match

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
# lines that take the slow paths: the order-sensitive letters, odd spaces, e-mails
TRICKY = [
    "İstanbul: ΣΟΦΟΣ ΟΔΟΣ.Β — مقال",
    "\u00a0 تصوير:\tمحمد  العتيبي \u2003",
    "للتواصل: news_desk@sabq.org",
    "ـــ أَحْمَد ٣٫٥٪ \u200fإلى  مستشفى ـ",
    "Photo: AFP / Getty Images",
    "_ - _",
]


def _seed_lines():
    out = []
    for p in SEEDS:
        out.extend(make_lines(p.read_text(encoding="utf-8")))
    out.extend(make_lines("\n".join(TRICKY)))
    assert len(out) > 100
    return out


def test_premises_on_every_code_point():
    order_sensitive, printable_space, word_mismatch = [], [], []
    for cp in range(sys.maxunicode + 1):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        if collapse_spaces(_depunct(c.lower())) != collapse_spaces(_depunct(c).lower()):
            order_sensitive.append(c)
        if c.isspace() and c != " " and c.isprintable():
            printable_space.append(c)
        if bool(re.fullmatch(r"\s", c)) != c.isspace():
            word_mismatch.append(c)
    # «Σ» is context-sensitive (final sigma), not per character: handled with «İ»
    assert order_sensitive == ["\u0130"]
    assert printable_space == [] and word_mismatch == []


def test_line_fields_are_the_plain_formulas():
    for ln in _seed_lines():
        text = ln.text
        norm = collapse_spaces(fold_match(text)).lower()
        key = collapse_spaces(_depunct(norm))
        assert ln.norm == norm
        assert ln.key == key and ln.words == key.split() and ln.n_words == len(key.split())
        assert ln.exact_key == line_key(text)
        latin, arabic = len(_LATIN_RE.findall(text)), len(_ARABIC_LETTER_RE.findall(text))
        assert ln.latin_share == (latin / (latin + arabic) if latin + arabic else 0.0)
        assert _collapse(fold_match(text)) == collapse_spaces(fold_match(text))
        assert _has_url(ln.norm) == bool(_URL_RE.search(ln.norm))
    # the order-sensitive letters do take the slow path
    odd = make_lines(TRICKY[0])[0]
    assert odd.exact_key == line_key(TRICKY[0]) != odd.key


def test_rule_memo_answers_as_the_rules():
    pages = [make_lines(p.read_text(encoding="utf-8")) for p in SEEDS] + [make_lines("\n".join(TRICKY))]
    ref = None
    seen_date = seen_credit = False
    for lines in pages:
        memo = LineRules(lines, ref)
        for ln in lines:
            p = ln.pos
            for _ in range(2):  # computed, then remembered
                assert memo.social(p) == is_social(ln)
                assert memo.navigation(p) == is_navigation(ln)
                assert memo.copyright(p) == is_copyright(ln)
                assert memo.photo_credit(p) == photo_credit_rule(ln, in_header=False)
                assert memo.caption(p) == caption_rule(ln)
                assert memo.source_credit(p) == source_credit_rule(ln)
                assert memo.byline(p) == explicit_byline(ln)
                assert memo.name_city(p) == name_city_byline(ln)
                assert memo.looks_like_name(p) == looks_like_name(ln)
                assert memo.dateline(p) == parse_dateline(ln.text, ref)
            seen_date |= memo.dateline(p) is not None
            seen_credit |= memo.photo_credit(p) is not None
        assert memo.prayer_blocks() == find_prayer_blocks(lines)
    assert seen_date and seen_credit


def test_counts_from_line_keys_equal_counts_from_text():
    docs = [RawDocument(source_path=p.name, raw_text=p.read_text(encoding="utf-8"), source="seeds") for p in SEEDS]
    docs += [RawDocument(source_path=f"t{i}", raw_text="\n".join(TRICKY), source="seeds") for i in range(3)]
    stats = build_line_stats(docs)
    for doc in docs:
        lines = make_lines(doc.raw_text)
        assert stats.line_counts("seeds", lines) == [stats.count("seeds", ln.text) for ln in lines]
    assert max(stats.line_counts("seeds", make_lines("\n".join(TRICKY)))) == 3


@pytest.mark.skipif(get_model() is None, reason="no committed line classifier")
def test_features_with_and_without_the_callers_memo_are_equal():
    model = get_model()
    docs = [RawDocument(source_path=p.name, raw_text=p.read_text(encoding="utf-8"), source="seeds") for p in SEEDS]
    stats = build_line_stats(docs)
    for doc in docs:
        lines = make_lines(doc.raw_text)
        alone = page_features(lines, doc, stats)
        shared = page_features(lines, doc, stats, LineRules(lines, None), stats.line_counts("seeds", lines))
        assert (alone.dense == shared.dense).all() and alone.tokens == shared.tokens
        assert (score_lines(model, alone).p_boiler == score_lines(model, shared).p_boiler).all()
        assert clean_document(doc, stats) == clean_document(doc, stats)
