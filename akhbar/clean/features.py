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
# the same without the e-mail branch, whose backtracking costs most on a line with no «@»
_URL_NO_AT_RE = re.compile(r"https?://|www\.|\.com|\.org|\.net")


def _has_url(text: str) -> bool:
    return bool((_URL_RE if "@" in text else _URL_NO_AT_RE).search(text))
_DIGIT_RE = re.compile(r"\d")
_PUNCT_CHARS = re.compile(r"[^\w\s]")
_NO_TITLE_END = re.compile(r"[.،,:؛;]$")
_NO_TITLE_END_CHARS = (".", "،", ",", ":", "؛", ";")  # the same test as str.endswith (a line has no "\n")
_CLOSERS = "\"'»”’)]» "

HASH_BITS = 11
# documents counted by the stats_log feature at most: the model is trained on sources of a
# few dozen pages; a line on thousands of a large source's pages is no more likely boilerplate
_STATS_LOG_CAP = 40
HASH_SIZE = 1 << HASH_BITS


@lru_cache(maxsize=65536)
def _bucket(token: str) -> int:
    return zlib.crc32(token.encode("utf-8")) & (HASH_SIZE - 1)


@lru_cache(maxsize=65536)
def _word_bucket(word: str) -> int:
    return _bucket("w:" + word)


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
    # per-source evidence, as shares of the source's documents (comparable between a
    # source of 20 pages and one of 3,000), and the widget block around the line: the
    # run of non-paragraph lines it stands in, and how much of that run the source
    # repeats (a list header on every page, the items under it new on each)
    "has_stats", "stats_share", "shape_share", "run_rep_share", "run_rep_above", "copies_text",
    # share of the line's content words (lightly stemmed) that the page's paragraphs
    # use: a sub-heading or a caption speaks of its article, the headlines of other
    # articles in a list or a sidebar, a ticker or a banner mostly do not
    "body_sim",
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
    # lines that the source repeats in its other documents (as they are or by their
    # shape), set by the cleaner when it has cross-document statistics: never a title
    repeated: frozenset[int] = frozenset()


_MISS = object()


class LineRules:
    """The single-line rule results of one page, each computed once: the feature pass
    and the rule cascade ask the same questions of the same lines (the rules are pure
    functions of the line's text and the reference date)."""

    __slots__ = ("lines", "reference", "_memo", "_prayer")

    def __init__(self, lines: list[Line], reference) -> None:
        self.lines = lines
        self.reference = reference
        self._memo: dict[object, dict[int, object]] = {}
        self._prayer: dict[int, tuple[str, float]] | None = None

    def _get(self, fn, pos: int):
        memo = self._memo.get(fn)
        if memo is None:
            memo = self._memo[fn] = {}
        v = memo.get(pos, _MISS)
        if v is _MISS:
            v = memo[pos] = fn(self.lines[pos])
        return v

    def social(self, pos: int) -> bool:
        return self._get(is_social, pos)

    def navigation(self, pos: int) -> bool:
        return self._get(is_navigation, pos)

    def copyright(self, pos: int) -> bool:
        return self._get(is_copyright, pos)

    def photo_credit(self, pos: int):
        return self._get(_photo_credit_anywhere, pos)

    def caption(self, pos: int):
        return self._get(caption_rule, pos)

    def source_credit(self, pos: int):
        return self._get(source_credit_rule, pos)

    def byline(self, pos: int):
        return self._get(explicit_byline, pos)

    def name_city(self, pos: int):
        return self._get(name_city_byline, pos)

    def looks_like_name(self, pos: int) -> bool:
        return self._get(looks_like_name, pos)

    def dateline(self, pos: int):
        return self._get(self._parse_dateline, pos)

    def _parse_dateline(self, line: Line):
        return parse_dateline(line.text, self.reference)

    def prayer_blocks(self) -> dict[int, tuple[str, float]]:
        if self._prayer is None:
            self._prayer = find_prayer_blocks(self.lines)
        return self._prayer


def _photo_credit_anywhere(line: Line):
    return photo_credit_rule(line, in_header=False)


def _rule_hits(lines: list[Line], reference, memo: LineRules | None = None) -> np.ndarray:
    n = len(lines)
    memo = memo or LineRules(lines, reference)
    hits = np.zeros((n, len(RULES)), dtype=bool)
    col = {r: i for i, r in enumerate(RULES)}
    for pos in memo.prayer_blocks():
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
        hits[p, 4:] = (
            memo.social(p),
            memo.navigation(p),
            memo.copyright(p),
            memo.photo_credit(p) is not None,
            memo.caption(p) is not None,
            memo.source_credit(p) is not None,
            memo.byline(p) is not None,
            memo.name_city(p) is not None,
            memo.looks_like_name(p),
            memo.dateline(p) is not None,
            ln.n_words <= 6 and is_age_line(ln.text),
            is_section_label(ln),
            is_related_header(ln),
            is_inline_related(ln),
            is_form_label(ln) or is_strong_comment(ln),
        )
    return hits


def copies_text(lines: list[Line], body: np.ndarray, trim: int = 2) -> list[bool]:
    """Lines of 3–12 words (not paragraphs) most of whose words (all but at most ``trim``
    at either end: a label «صورة:», a credit «(أرشيفية)») stand word for word inside a
    longer paragraph of the page: a caption or a teaser made of the article's own words
    (a pull quote); a sub-heading rarely copies a sentence of its section."""
    n = len(lines)
    out = [False] * n
    paras = [" " + lines[i].key + " " for i in np.flatnonzero(body).tolist()]
    if not paras:
        return out
    hay = "\n".join(paras)  # one search over all the paragraphs; the rare hit is checked per paragraph
    for ln in lines:
        nw = ln.n_words
        if not 3 <= nw <= 12 or body[ln.pos]:
            continue
        w = ln.words
        if " " + w[min(trim, nw - 3)] + " " not in hay:  # a word every core holds
            continue
        cores = [" " + " ".join(w[i: nw - j]) + " " for i in range(trim + 1) for j in range(trim + 1)
                 if nw - i - j >= max(3, 0.6 * nw)]
        out[ln.pos] = any(k in hay and any(k in para and len(para) > len(k) + 8 for para in paras) for k in cores)
    return out


_SIM_WORDS = 40  # words of a line compared (a paragraph's opening is enough)


_CLITICS = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف")
_REATTACH = ("", "ال", "و", "وال", "بال", "لل")


@lru_cache(maxsize=65536)
def _variants(word: str) -> tuple[str, ...]:
    """The word and its forms with another proclitic article or conjunction («الحملة»,
    «حملة», «والحملة», «بالحملة»): what a paragraph may write for a headline's word."""
    core = word
    for p in _CLITICS:
        if word.startswith(p) and len(word) - len(p) >= 3:
            core = word[len(p):]
            break
    return tuple({word} | {p + core for p in _REATTACH})


def _body_sim(lines: list[Line], body: np.ndarray) -> list[float]:
    """Per line, the share of its content words (not function words, not numbers) that
    the page's other paragraphs use: a short line's words with another proclitic
    allowed («حملة» for «الحملة»), a paragraph's words as they are."""
    n = len(lines)
    out = [0.0] * n
    body_pos = np.flatnonzero(body).tolist()
    if not body_pos:
        return out
    per: dict[int, set[str]] = {}
    seen: set[str] = set()  # words of the paragraphs…
    multi: set[str] = set()  # …and those of two paragraphs or more
    for i in body_pos:
        ws = per[i] = set(lines[i].words[:_SIM_WORDS]) - FUNCTION_WORDS
        multi |= ws & seen
        seen |= ws
    for i in body_pos:
        ws = per[i]
        if ws:
            out[i] = len(ws & multi) / len(ws)
    for ln in lines:
        if not body[ln.pos]:
            ws = [w for w in set(ln.words[:_SIM_WORDS]) - FUNCTION_WORDS if len(w) >= 2 and not w.isdigit()]
            if ws:
                out[ln.pos] = sum(1 for w in ws if not seen.isdisjoint(_variants(w))) / len(ws)
    return out


def page_features(lines: list[Line], doc: RawDocument, stats=None, memo: LineRules | None = None,
                  counts: list[int] | None = None, shape_counts: list[int] | None = None) -> PageFeatures:
    """Dense features and hashed lexical cues of every line of a page (``memo``,
    ``counts`` and ``shape_counts``: the page's rule results and cross-document counts,
    when the caller has them)."""
    n = len(lines)
    reference = doc.scraped_at or doc.published_at
    rules = _rule_hits(lines, reference, memo)
    title_words, slug_words = _words_of_meta(doc)
    title_in, slug_in = title_words.__contains__, slug_words.__contains__
    keys = [ln.key for ln in lines]
    key_count: dict[str, int] = {}
    for k in keys:
        key_count[k] = key_count.get(k, 0) + 1
    rows: list[tuple] = []
    tokens: list[list[int]] = []
    body = np.zeros(n, dtype=bool)
    fw_in = FUNCTION_WORDS.__contains__
    for ln in lines:
        words = ln.words
        nw = len(words)
        text = ln.text[:240]  # shares and cues of a long paragraph: its start is enough
        nc = len(text) or 1
        digits = len(_DIGIT_RE.findall(ln.norm[:240]))
        punct = len(_PUNCT_CHARS.findall(text))
        head_words = words if nw <= 40 else words[:40]
        fw = sum(map(fw_in, head_words)) / len(head_words) if head_words else 0.0
        is_body = ln.is_body()
        body[ln.pos] = is_body
        stripped = ln.text.rstrip(_CLOSERS)
        latin = ln.latin_share if nw <= 30 else 0.0
        rows.append((
            math.log1p(nw), math.log1p(nc), nw <= 2, nw <= 4, nw <= 8, nw >= 15, ln.ends_sentence,
            stripped.endswith((":", "：")), "،" in text or "," in text, punct / nc, digits / nc, latin,
            fw, fw * len(head_words) >= 2, _has_verb(head_words), bool(words) and words[0][:1] == "و" and len(words[0]) > 3,
            is_body, bool(_SYMBOL_RE.search(text)), _has_url(ln.norm[:240]),
            2 <= nw <= 30 and not stripped.endswith(_NO_TITLE_END_CHARS),
            sum(map(title_in, words)) / nw if nw and title_words else 0.0,
            sum(map(slug_in, words)) / nw if nw and slug_words else 0.0,
            key_count[ln.key] > 1,
        ))
        sel = words if nw <= 10 else words[:6] + words[-3:]
        toks = [_word_bucket(w) for w in sel]
        if words:
            toks.append(_bucket("f:" + words[0]))
            toks.append(_bucket("l:" + words[-1]))
        toks.append(_bucket(f"n:{min(nw, 12)}"))
        tokens.append(toks)
    per = np.array(rows, dtype=np.float64).reshape(n, len(_LINE))
    # context
    body_pos = np.flatnonzero(body)
    first_body = body_pos[0] if body_pos.size else n
    last_body = body_pos[-1] if body_pos.size else -1
    rule_any = rules.any(axis=1)
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
    if stats is not None and counts is None:
        counts = stats.line_counts(src, lines)
    n_docs = 0
    rep = np.zeros(n, dtype=bool)
    if stats is not None:
        thr, thr_body = stats.threshold(src), stats.threshold(src, body_like=True)
        n_docs = stats.docs.get(src or "", 0)
        if shape_counts is None and stats.shapes.get(src or ""):
            tkey = line_key(doc.title) if doc.title else ""
            shape_counts = [max(stats.shape_count(src, ln, tkey)) for ln in lines]
        thr_t = stats.template_threshold(src)
        for ln in lines:
            p = ln.pos
            if ln.n_words <= 60 and (counts[p] >= thr or (shape_counts is not None and shape_counts[p] >= thr_t)):
                rep[p] = True
    has_stats = n_docs >= 5
    # the runs of non-paragraph lines: share of each run's lines the source repeats, and
    # whether a repeated line stands above a line in its run (a long headline in a list,
    # 15 words without a full stop, does not end the run as a paragraph does)
    run_share = np.zeros(n)
    rep_above = np.zeros(n)
    if has_stats and rep.any():
        para = body & np.array([ln.ends_sentence or ln.n_words >= 25 for ln in lines], dtype=bool)
        i = 0
        while i < n:
            if para[i]:
                i += 1
                continue
            j = i
            while j < n and not para[j]:
                j += 1
            run_share[i:j] = rep[i:j].mean()
            seen = False
            for q in range(i, j):
                rep_above[q] = seen
                seen = seen or rep[q]
            i = j
    copies = copies_text(lines, body)
    sims = _body_sim(lines, body)
    body_list = body_pos.tolist()
    short_col = per[:, 4].tolist()
    digit_col = per[:, 10].tolist()
    fw_col = per[:, 12].tolist()
    run_list = run_len.tolist()
    rule_list = rule_any.tolist()
    ctx_rows: list[tuple] = []
    k = 0  # index of the first body line at or after p
    nb = len(body_list)
    for ln in lines:
        p = ln.pos
        head = p < first_body
        foot = p > last_body
        mid = not head and not foot
        if nb:
            while k < nb and body_list[k] < p:
                k += 1
            dist = min(body_list[k] - p if k < nb else n, p - body_list[k - 1] if k else n)
        else:
            dist = n
        short = short_col[p]
        if stats is not None and ln.n_words <= 60:
            c = counts[p]
            st = (math.log1p(min(c, _STATS_LOG_CAP)), c >= thr, c >= thr_body)
        else:
            st = (0.0, False, False)
        if has_stats and ln.n_words <= 60:
            sh = shape_counts[p] if shape_counts is not None else 0
            xs = (True, min(counts[p] / n_docs, 1.0), min(sh / n_docs, 1.0), run_share[p], rep_above[p], copies[p],
                  sims[p])
        else:
            xs = (has_stats, 0.0, 0.0, 0.0, 0.0, copies[p], sims[p])
        ctx_rows.append((
            p / max(n - 1, 1), p == 0, p <= 2, n - 1 - p <= 2, head, foot, mid, math.log1p(dist),
            math.log1p(run_list[p]), short * head, short * foot, short * mid, short * digit_col[p],
            short * fw_col[p], rule_list[p], *st, *xs,
        ))
    ctx = np.array(ctx_rows, dtype=np.float64).reshape(n, len(_CONTEXT))
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
