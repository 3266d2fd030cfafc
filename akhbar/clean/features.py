"""Features of a line in its page, for the learned boilerplate classifier.

Each line gets a dense vector (shape, punctuation and digit share, Arabic function-word
density as in jusText, a verb cue, position and zone, its neighbours' shape, the hits of
the hand rules, cross-document frequency from :class:`~akhbar.clean.LineStats`, agreement
with the metadata title / URL slug) and a few hashed lexical cues (its first and last
words and its words).  Everything is computed from the lines alone, before the rule
cascade runs, so the same features serve the title ranking and the line classifier, and
training (``akhbar/training/train_line_classifier.py``) and the cleaner compute them with this one
function.
"""

from __future__ import annotations

import math
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote, urlsplit

import numpy as np

from akhbar.clean._text import Line, line_key
from akhbar.clean.comments import find_comment_lines, is_form_label, is_strong_comment
from akhbar.clean.credits import (
    caption_rule,
    explicit_byline,
    looks_like_name,
    name_city_byline,
    photo_credit_rule,
    source_credit_rule,
)
from akhbar.clean.prayer import find_prayer_blocks
from akhbar.clean.related import find_related_blocks, is_inline_related, is_related_header
from akhbar.clean.sections import is_section_label
from akhbar.clean.social_nav import find_tag_blocks, is_copyright, is_navigation, is_social
from akhbar.metadata import is_age_line, parse_dateline
from akhbar.models import RawDocument

# Arabic function words (line_key form: أ/إ/آ→ا, ى→ي, ة→ه), the jusText stop-list idea:
# running text is dense in them, widgets, menus, tickers and captions are not.
FUNCTION_WORDS = frozenset(
    """من في علي الي عن مع او ثم ان انه انها ان هذا هذه ذلك تلك التي الذي الذين اللذين اللتين بين حول بعد
    قبل عند لدي منذ حتي كل بعض غير لا لم لن قد ما ماذا هل كيف اين متي لماذا هو هي هم هن نحن انا انت كان
    كانت يكون تكون ليس به بها له لها لهم فيه فيها عليه عليها منه منها عنه عنها اي اذا كما حيث خلال ضد عبر
    فقط لكن لان وقد وقال واضاف وان وفي ولا وهو وهي وكان وكانت وذلك الا اما الذي ايضا يمكن تم التي وكل سوف
    اكثر اقل مثل دون نحو لقد اليوم امس وهذا وهذه وعلي ومن والي وعن ومع وبين فان بان كانوا""".split()
)
# common perfect verbs of news prose (the imperfect is caught by its prefix)
_PERFECT_VERBS = frozenset(
    """قال قالت اكد اكدت اعلن اعلنت اضاف اضافت اوضح اوضحت كشف كشفت اشار اشارت افاد افادت ذكر ذكرت
    اعتبر اعتبرت شدد شددت طالب طالبت دعا دعت تم جاء جاءت بدا بدات اصبح اصبحت وصل وصلت بلغ بلغت قام قامت
    نفي نفت اصدر اصدرت وافق وافقت استقبل استقبلت افتتح افتتحت شهد شهدت ترأس ترأست عقد عقدت""".split()
)
_NOT_VERBS = frozenset("يوم يوما يونيو يونيه يوليو يوليه يناير يمين يسار يد يدا تويتر تيليجرام تطبيق تاريخ تعليق".split())
_SYMBOL_RE = re.compile("[°©®▲▼↑↓%$€£★☆👁📷▶•|#@×=]")
_URL_RE = re.compile(r"https?://|www\.|\S+@\S+\.\w+|\.com|\.org|\.net")
_DIGIT_RE = re.compile(r"\d")
_PUNCT_CHARS = re.compile(r"[^\w\s]")
_NO_TITLE_END = re.compile(r"[.،,:؛;]$")
_CLOSERS = "\"'»”’)]» "

HASH_BITS = 11
HASH_SIZE = 1 << HASH_BITS


@lru_cache(maxsize=65536)
def _bucket(token: str) -> int:
    return zlib.crc32(token.encode("utf-8")) & (HASH_SIZE - 1)


def _has_verb(words: list[str]) -> bool:
    for i, w in enumerate(words):
        if w in _PERFECT_VERBS or (w[:1] == "و" and w[1:] in _PERFECT_VERBS):
            return True
        if len(w) < 4 or w in _NOT_VERBS:
            continue
        if w[0] == "ي" or (i > 0 and w[0] == "ت" and not w.startswith("ال")):
            return True
    return False


def _fw_density(words: list[str]) -> float:
    if not words:
        return 0.0
    return sum(1 for w in words if w in FUNCTION_WORDS) / len(words)


def _words_of_meta(doc: RawDocument) -> tuple[set[str], set[str]]:
    """Words of the metadata title and of the URL slug (for agreement features)."""
    title = set(line_key(doc.title).split()) if doc.title else set()
    slug: set[str] = set()
    if doc.url:
        try:
            path = unquote(urlsplit(doc.url).path)
        except ValueError:
            path = ""
        slug = {w for w in line_key(re.sub(r"[-_/+.]", " ", path)).split() if not w.isdigit() and len(w) > 1}
    return title, slug


def overlap(words: list[str], ref: set[str]) -> float:
    """Share of the line's words found in ``ref`` (0 when either is empty)."""
    if not words or not ref:
        return 0.0
    return sum(1 for w in words if w in ref) / len(words)


# names of the rule hits, in the order of the rule block of the dense vector
RULES = (
    "prayer", "comment", "related", "tags", "social", "navigation", "copyright", "photo_credit",
    "caption", "source_credit", "byline", "name_city", "looks_like_name", "dateline", "age",
    "section_label", "related_header", "inline_related", "form_label",
)
_LINE = (
    "log_words", "log_chars", "w_le2", "w_le4", "w_le8", "w_ge15", "ends_sentence", "ends_colon",
    "comma", "punct_share", "digit_share", "latin_share", "fw_density", "fw_ge2", "verb", "waw_start",
    "is_body", "symbol", "url", "headline_shape", "title_sim", "slug_sim", "dup_in_doc",
)
_CONTEXT = (
    "rel_pos", "first", "pos_le2", "last3", "zone_head", "zone_foot", "zone_mid", "log_dist_body",
    "log_run", "short_head", "short_foot", "short_mid", "digit_short", "fw_short", "rule_any",
    "stats_log", "stats_hit", "stats_body_hit",
)
_NEIGH = ("is_body", "log_words", "digit_share", "fw_density", "ends_sentence", "rule_any", "same_shape")
DENSE_NAMES = (
    _LINE + tuple("rule_" + r for r in RULES) + _CONTEXT
    + tuple("prev_" + f for f in _NEIGH) + tuple("next_" + f for f in _NEIGH)
)
N_LINE = len(_LINE) + len(RULES)


@dataclass(slots=True)
class PageFeatures:
    dense: np.ndarray  # (n_lines, len(DENSE_NAMES)) float64
    tokens: list[list[int]]  # hashed lexical buckets per line
    rules: np.ndarray  # (n_lines, len(RULES)) bool


def _rule_hits(lines: list[Line], reference) -> np.ndarray:
    n = len(lines)
    hits = np.zeros((n, len(RULES)), dtype=bool)
    col = {r: i for i, r in enumerate(RULES)}
    for pos in find_prayer_blocks(lines):
        hits[pos, col["prayer"]] = True
    for pos in find_comment_lines(lines, set()):
        hits[pos, col["comment"]] = True
    for pos in find_related_blocks(lines, set(), reference):
        hits[pos, col["related"]] = True
    for pos in find_tag_blocks(lines, set()):
        hits[pos, col["tags"]] = True
    for ln in lines:
        if ln.n_words > 25:  # no single-line rule takes a paragraph this long
            continue
        p = ln.pos
        row = hits[p]
        row[col["social"]] = is_social(ln)
        row[col["navigation"]] = is_navigation(ln)
        row[col["copyright"]] = is_copyright(ln)
        row[col["photo_credit"]] = photo_credit_rule(ln, in_header=False) is not None
        row[col["caption"]] = caption_rule(ln) is not None
        row[col["source_credit"]] = source_credit_rule(ln) is not None
        row[col["byline"]] = explicit_byline(ln) is not None
        row[col["name_city"]] = name_city_byline(ln) is not None
        row[col["looks_like_name"]] = looks_like_name(ln)
        row[col["dateline"]] = parse_dateline(ln.text, reference) is not None
        row[col["age"]] = ln.n_words <= 6 and is_age_line(ln.text)
        row[col["section_label"]] = is_section_label(ln)
        row[col["related_header"]] = is_related_header(ln)
        row[col["inline_related"]] = is_inline_related(ln)
        row[col["form_label"]] = is_form_label(ln) or is_strong_comment(ln)
    return hits


def page_features(lines: list[Line], doc: RawDocument, stats=None) -> PageFeatures:
    """Dense features and hashed lexical cues of every line of a page."""
    n = len(lines)
    reference = doc.scraped_at or doc.published_at
    rules = _rule_hits(lines, reference)
    title_words, slug_words = _words_of_meta(doc)
    keys = [ln.key for ln in lines]
    key_count: dict[str, int] = {}
    for k in keys:
        key_count[k] = key_count.get(k, 0) + 1
    per = np.zeros((n, len(_LINE)), dtype=np.float64)
    tokens: list[list[int]] = []
    body = np.zeros(n, dtype=bool)
    for ln in lines:
        words = ln.words
        nw = len(words)
        text = ln.text[:240]  # shares and cues of a long paragraph: its start is enough
        nc = len(text) or 1
        digits = len(_DIGIT_RE.findall(ln.norm[:240]))
        punct = len(_PUNCT_CHARS.findall(text))
        head_words = words if nw <= 40 else words[:40]
        fw = _fw_density(head_words)
        is_body = ln.is_body()
        body[ln.pos] = is_body
        stripped = ln.text.rstrip(_CLOSERS)
        latin = ln.latin_share if nw <= 30 else 0.0
        per[ln.pos] = (
            math.log1p(nw), math.log1p(nc), nw <= 2, nw <= 4, nw <= 8, nw >= 15, ln.ends_sentence,
            stripped.endswith((":", "：")), "،" in text or "," in text, punct / nc, digits / nc, latin,
            fw, fw * len(head_words) >= 2, _has_verb(head_words), bool(words) and words[0][:1] == "و" and len(words[0]) > 3,
            is_body, bool(_SYMBOL_RE.search(text)), bool(_URL_RE.search(ln.norm[:240])),
            2 <= nw <= 30 and not _NO_TITLE_END.search(stripped),
            overlap(words, title_words), overlap(words, slug_words), key_count[ln.key] > 1,
        )
        sel = words if nw <= 10 else words[:6] + words[-3:]
        toks = ["w:" + w for w in sel]
        if words:
            toks.append("f:" + words[0])
            toks.append("l:" + words[-1])
        toks.append(f"n:{min(nw, 12)}")
        tokens.append([_bucket(t) for t in toks])
    # context
    body_pos = np.flatnonzero(body)
    first_body = body_pos[0] if body_pos.size else n
    last_body = body_pos[-1] if body_pos.size else -1
    rule_any = rules.any(axis=1)
    ctx = np.zeros((n, len(_CONTEXT)), dtype=np.float64)
    # runs of consecutive non-body lines
    run_len = np.zeros(n)
    i = 0
    while i < n:
        if body[i]:
            run_len[i] = 1
            i += 1
            continue
        j = i
        while j < n and not body[j]:
            j += 1
        run_len[i:j] = j - i
        i = j
    src = doc.source
    for ln in lines:
        p = ln.pos
        head = p < first_body
        foot = p > last_body
        mid = not head and not foot
        if body_pos.size:
            dist = int(np.min(np.abs(body_pos - p)))
        else:
            dist = n
        short = per[p, 4]
        if stats is not None and ln.n_words <= 60:
            c = stats.count(src, ln.text)
            st = (math.log1p(c), c >= stats.threshold(src), c >= stats.threshold(src, body_like=True))
        else:
            st = (0.0, False, False)
        ctx[p] = (
            p / max(n - 1, 1), p == 0, p <= 2, n - 1 - p <= 2, head, foot, mid, math.log1p(dist),
            math.log1p(run_len[p]), short * head, short * foot, short * mid, short * per[p, 10],
            short * per[p, 12], rule_any[p], *st,
        )
    neigh_src = np.column_stack([
        body, per[:, 0], per[:, 10], per[:, 12], per[:, 6], rule_any,
    ]).astype(np.float64)
    prev = np.zeros((n, len(_NEIGH)))
    nxt = np.zeros((n, len(_NEIGH)))
    if n > 1:
        prev[1:, :-1] = neigh_src[:-1]
        nxt[:-1, :-1] = neigh_src[1:]
        shape = per[:, 2] + 2 * per[:, 3] + 4 * per[:, 4] + 8 * per[:, 10].clip(0, 1).round()
        prev[1:, -1] = shape[1:] == shape[:-1]
        nxt[:-1, -1] = shape[:-1] == shape[1:]
    dense = np.hstack([per, rules.astype(np.float64), ctx, prev, nxt])
    return PageFeatures(dense=dense, tokens=tokens, rules=rules)
