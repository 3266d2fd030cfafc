"""Boilerplate removal and header metadata (issue #3).

The cleaner classifies *lines in context*, not known strings:

* line shape – word count, sentence punctuation, digits/times, Latin share;
* blocks – a header («أخبار ذات صلة», «اقرأ أيضاً», «الأكثر قراءة», …) with the
  headline/date lines under it (:mod:`.related`), a run of prayer names with times
  (:mod:`.prayer`), a comment form with its labels (:mod:`.comments`), tag clouds;
* position – the header zone (before the first running-text paragraph) and the
  footer zone (after the last one) are where captions, credits, bylines and
  datelines live; the same short line in the middle of the body is kept;
* cross-document evidence – a line seen in ≥ N documents of the same source in this
  run is boilerplate (:class:`LineStats`, rule ``repeated_in_source``).

Conservative by design: a sentence that mentions prayer, comments or a date is
never removed; when a short line is doubtful it is kept and recorded in
``CleanDocument.kept_notes``.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable

from akhbar.clean._text import CLOSERS, Line, line_key, make_lines
from akhbar.clean.classifier import get_model, score_lines
from akhbar.clean.comments import find_comment_lines, is_strong_comment
from akhbar.clean.credits import (
    caption_rule,
    explicit_byline,
    looks_like_name,
    name_city_byline,
    photo_credit_rule,
    source_credit_rule,
)
from akhbar.clean.prayer import PRAYERS, find_prayer_blocks
from akhbar.clean.related import find_related_blocks, is_related_header
from akhbar.clean.sections import is_section_label
from akhbar.clean.features import page_features
from akhbar.clean.title import pick_title
from akhbar.clean.social_nav import (
    _NETWORKS,
    breadcrumb_section,
    find_tag_blocks,
    is_copyright,
    is_navigation,
    is_social,
)
from akhbar.config import BOILERPLATE_CATEGORIES
from akhbar.metadata import parse_dateline
from akhbar.models import CleanDocument, RawDocument, RemovedLine

__all__ = ["LineStats", "build_line_stats", "clean_document", "line_key"]

# Header zone: at most this many lines under the title.
_HEADER_MAX_LINES = 6
# A caption in the header is a short noun phrase; longer lines above a byline are subtitles.
_CAPTION_MAX_WORDS = 6
# A body of one or two lines has no page layout to read: the rules alone decide.
_LEARNED_MIN_LINES = 3
# The learned classifier removes a line between the first and last paragraphs only this sure.
_LEARNED_MID_MIN = 0.99
# Lines longer than this are not counted across documents (they are article text).
_MAX_COUNTED_WORDS = 60


def _hash(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


class LineStats:
    """Cross-document evidence: in how many documents of each source each normalised
    line occurs.  Lines are stored as 64-bit hashes of :func:`line_key`, so the
    object stays small and picklable; ``merge`` adds the counts of another batch."""

    def __init__(self, min_docs: int = 3, min_share: float = 0.0) -> None:
        self.min_docs = min_docs  # a line must occur in at least this many documents…
        self.min_share = min_share  # …and in at least this share of the source's documents
        self.docs: Counter[str] = Counter()  # source -> documents seen
        self.lines: dict[str, Counter[int]] = {}  # source -> line hash -> documents

    @staticmethod
    def _source(doc: RawDocument) -> str:
        return doc.source or ""

    def add(self, doc: RawDocument) -> None:
        src = self._source(doc)
        self.docs[src] += 1
        seen = {
            _hash(ln.key)
            for ln in make_lines(doc.raw_text)
            if ln.key and ln.n_words <= _MAX_COUNTED_WORDS
        }
        self.lines.setdefault(src, Counter()).update(seen)

    def merge(self, other: LineStats) -> None:
        self.docs.update(other.docs)
        for src, counts in other.lines.items():
            self.lines.setdefault(src, Counter()).update(counts)

    def prune(self) -> LineStats:
        """Forget lines seen in fewer than ``min_docs`` documents: no threshold is lower,
        so the cleaner's decisions do not change, and the object a run ships to every
        worker process shrinks from one entry per distinct line to the repeated ones."""
        for src, counts in self.lines.items():
            self.lines[src] = Counter({h: c for h, c in counts.items() if c >= self.min_docs})
        return self

    def count(self, source: str | None, text: str) -> int:
        """Documents of ``source`` that contain a line equal (after normalisation) to ``text``."""
        counts = self.lines.get(source or "")
        return counts.get(_hash(line_key(text)), 0) if counts else 0

    def threshold(self, source: str | None, body_like: bool = False) -> int:
        n = self.docs.get(source or "", 0)
        base = max(self.min_docs, math.ceil(self.min_share * n))
        if body_like:  # running text needs much more evidence (duplicate articles exist)
            base = max(base, 5, math.ceil(0.02 * n))
        return base


def build_line_stats(docs: Iterable[RawDocument]) -> LineStats:
    stats = LineStats()
    for doc in docs:
        stats.add(doc)
    return stats


# --------------------------------------------------------------------------- helpers

_NO_TITLE_END = re.compile(r"[.،,:؛;]$")


def _is_headline(line: Line) -> bool:
    """Could be an article title: 2–30 words, not running text ending in a full stop."""
    if not 2 <= line.n_words <= 30 or len(line.text) > 220:
        return False
    if _NO_TITLE_END.search(line.text.rstrip(CLOSERS + " ")):
        return False
    if line.latin_share > 0.5:
        return False
    if parse_dateline(line.text) is not None:
        return False
    if is_strong_comment(line) or is_social(line) or is_navigation(line) or is_related_header(line):
        return False
    return True


_NOT_VERBS = {"يوم", "يوما", "يونيو", "يونيه", "يوليو", "يوليه", "يناير", "يمين", "يسار", "يد", "يدا"}


def _has_verb(line: Line) -> bool:
    """An imperfect verb («يهاجم», «تنادي» after a subject): subtitles have one,
    captions are usually noun phrases."""
    for i, w in enumerate(line.words):
        if w in _NOT_VERBS or len(w) < 4:
            continue
        if w[0] == "ي" or (i > 0 and w[0] == "ت" and not w.startswith("ال")):
            return True
    return False


_CONTACT = re.compile(
    r"^[\s*•\-–:]*(?:(?:e-?mail|email|البريد الالكتروني|ايميل)\s*[:：]?\s*)?"
    r"(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://\S+|www\.\S+)[\s.]*$",
    re.IGNORECASE,
)
_TIME_ONLY = re.compile(
    r"^\d{1,2}\s*[:：]\s*\d{2}\s*(?:ص|م|ت\s*م|ت\s*غ|بتوقيت\s+\S+|gmt|utc|am|pm)?\.?$", re.IGNORECASE
)
_CAPTION_OPENING = re.compile(
    r"^(?:جانب من|جانب|لقطه من|لقطه|من اليمين|من اليسار|صوره جماعيه|"
    r"(?:\S+ ){0,2}(?:خلال|اثناء|لدي|عقب|بعد) (?:افتتاح|تدشين|استقبال|استقباله|زيارته|زياره|تقديم|"
    r"تسلم|تسليم|تكريم|ترؤسه|ترؤس|حضوره|حضور|لقايه|لقاء|جولته|جوله|توقيع|رعايته|رعايه|تفقده|تفقد|مشاركته|القايه|كلمته|اجتماع|الاجتماع|الحفل|اللقاء|الجوله|الزياره|المباراه|التوقيع|التدشين|الافتتاح|الاستقبال))"
)
_END_MARKER = re.compile(r"^(?:انتهي|انتهى|النهايه|end|ends)$")
_READ_MORE = re.compile(r"^(?:اقرا |عرض |تابع |شاهد )?المزيد$")
_PRAYER_MENTION = re.compile("|".join(PRAYERS) + r"|صلاه|الاذان")
_COMMENT_MENTION = re.compile(r"تعليق|التعليقات|بريد")


def _guess_category(line: Line) -> str:
    """Category for a line removed only because it repeats across the source."""
    if is_social(line) or any(w in _NETWORKS for w in line.words):
        return "social"
    if is_strong_comment(line) or _COMMENT_MENTION.search(line.key):
        return "comment_form"
    if is_navigation(line):
        return "navigation"
    if name_city_byline(line):
        return "byline"
    if is_related_header(line):
        return "related_articles"
    if source_credit_rule(line):
        return "source_credit"
    if photo_credit_rule(line, in_header=False):
        return "photo_credit"
    if parse_dateline(line.text) is not None:
        return "dateline"
    return "other"


# --------------------------------------------------------------------------- cleaner


def clean_document(doc: RawDocument, stats: LineStats | None = None) -> CleanDocument:
    lines = make_lines(doc.raw_text)
    n = len(lines)
    ref = doc.scraped_at or doc.published_at
    labels: dict[int, tuple[str, str, float]] = {}  # pos -> (category, rule, confidence)
    notes: dict[int, str] = {}  # pos -> reason kept
    title: str | None = None
    title_pos: int | None = None
    section: str | None = None
    byline: str | None = None
    published = updated = None

    def put(pos: int, category: str, rule: str, conf: float) -> None:
        assert category in BOILERPLATE_CATEGORIES, category
        if pos != title_pos and pos not in labels:
            labels[pos] = (category, rule, conf)

    # 0. the learned line classifier (akhbar.clean.classifier): P(boilerplate) per line
    model = get_model()
    learned = feats = None
    if model is not None and n >= _LEARNED_MIN_LINES:
        feats = page_features(lines, doc, stats)
        learned = score_lines(model, feats)

    # 1. title (and what may sit above it: section label, breadcrumb, dateline)
    if learned is not None and not doc.title_from_container:
        # a ranking over the top lines (akhbar.clean.title), never a widget line
        title_pos, title = pick_title(lines, doc, feats, learned.p_boiler, model)
        for k in range(title_pos or 0):
            if is_navigation(lines[k]):
                put(k, "navigation", "breadcrumb" if breadcrumb_section(lines[k]) else "navigation_line", 0.9)
                section = section or breadcrumb_section(lines[k])
            elif k + 1 == title_pos and is_section_label(lines[k], top=True):
                put(k, "section_label", "section_above_title", 0.9)
                section = lines[k].text
    elif doc.title_from_container or doc.title:
        title = doc.title
        tkey = line_key(doc.title) if doc.title else ""
        for ln in lines[:4]:
            if tkey and ln.key == tkey:
                title_pos = ln.pos
                break
    else:
        for k in range(min(4, n)):
            ln = lines[k]
            if is_navigation(ln):
                put(k, "navigation", "breadcrumb" if breadcrumb_section(ln) else "navigation_line", 0.9)
                section = section or breadcrumb_section(ln)
                continue
            nxt = lines[k + 1] if k + 1 < n else None
            if nxt is not None and is_section_label(ln, top=True) and _is_headline(nxt):
                put(k, "section_label", "section_above_title", 0.9)
                section = ln.text
                continue
            if parse_dateline(ln.text, ref) is not None:
                continue  # handled with the other datelines below
            if _is_headline(ln):
                title_pos = k
                title = ln.text
            break
    if doc.title_from_container or doc.title:
        # a section label may still head the text
        for k in range(min(2, n)):
            if k != title_pos and is_section_label(lines[k], top=True) and k + 1 < n:
                put(k, "section_label", "section_label_top", 0.85)
                section = section or lines[k].text
                break

    # 2. blocks and strong single lines
    for pos, (rule, conf) in find_prayer_blocks(lines).items():
        put(pos, "prayer_times", rule, conf)
    taken = set(labels) | ({title_pos} if title_pos is not None else set())
    for pos, (rule, conf) in find_comment_lines(lines, taken).items():
        put(pos, "comment_form", rule, conf)
    for ln in lines:
        if ln.pos in labels or ln.pos == title_pos:
            continue
        if is_copyright(ln):
            put(ln.pos, "other", "copyright", 0.95)
        elif is_social(ln):
            put(ln.pos, "social", "share_follow", 0.95)
        elif is_navigation(ln):
            put(ln.pos, "navigation", "navigation_line", 0.9)
            section = section or breadcrumb_section(ln)

    # single-line credits (computed before related blocks so that a list stops at them)
    single: dict[int, tuple[str, str, float]] = {}
    for ln in lines:
        if ln.pos in labels or ln.pos == title_pos:
            continue
        hit = source_credit_rule(ln)
        if hit:
            single[ln.pos] = ("source_credit", *hit)
            continue
        hit = photo_credit_rule(ln, in_header=False)
        if hit:
            single[ln.pos] = ("photo_credit", *hit)
            continue
        hit = caption_rule(ln)
        if hit:
            single[ln.pos] = ("image_caption", *hit)
            continue
        name = explicit_byline(ln)
        if name:
            single[ln.pos] = ("byline", "byline_prefix", 0.9)
            byline = byline or name
            continue
        if doc.author and ln.n_words <= 8 and ln.key == line_key(doc.author):
            single[ln.pos] = ("byline", "container_author", 0.95)
            byline = byline or ln.text

    # a list may run over a line that only *looks* like a caption; credits stop it
    stops = {p for p, (cat, _r, _c) in single.items() if cat != "image_caption"}
    taken = set(labels) | stops | ({title_pos} if title_pos is not None else set())
    related = find_related_blocks(lines, taken, ref)
    for pos, (rule, conf) in related.items():
        if rule == "related_header" and _READ_MORE.match(lines[pos].key) and (pos + 1) not in related:
            put(pos, "navigation", "read_more_link", 0.9)  # «...المزيد» at the end of a teaser
        else:
            put(pos, "related_articles", rule, conf)
    taken = set(labels) | set(single) | ({title_pos} if title_pos is not None else set())
    for pos, (rule, conf) in find_tag_blocks(lines, taken).items():
        put(pos, "navigation", rule, conf)
    for pos, (cat, rule, conf) in single.items():
        put(pos, cat, rule, conf)

    for ln in lines:
        if ln.pos in labels or ln.pos == title_pos:
            continue
        if _CONTACT.match(ln.text):
            put(ln.pos, "other", "contact_or_url", 0.9)
        elif not ln.has_letters and not ln.has_digit:
            put(ln.pos, "other", "punctuation_only", 0.9)  # «.», «***», «-» outside a widget
        elif _END_MARKER.match(ln.key) and ln.pos == n - 1 or _END_MARKER.match(ln.key) and "/" in ln.text:
            put(ln.pos, "other", "end_marker", 0.9)  # wire-copy «// انتهى //»

    # datelines (outside related lists, which already took their dates)
    for ln in lines:
        if ln.pos in labels or ln.pos == title_pos:
            continue
        info = parse_dateline(ln.text, ref)
        if info is None:
            continue
        put(ln.pos, "dateline", f"dateline_{info.kind}", 0.95 if info.kind != "date" else 0.85)
        if info.kind == "updated":
            updated = updated or info.when
        else:
            published = published or info.when

    # 3. zones: header = before the first running-text paragraph, footer = after the last
    body = [ln.pos for ln in lines if ln.pos not in labels and ln.pos != title_pos and ln.is_body()]
    first_body = body[0] if body else n
    last_body = body[-1] if body else -1
    # the header zone: before the first paragraph, and at most a few lines under the title
    header_end = min(first_body, (title_pos if title_pos is not None else -1) + 1 + _HEADER_MAX_LINES)
    header = [ln for ln in lines[:header_end] if ln.pos not in labels and ln.pos != title_pos]
    # a bare time («07:46 ت م») in the header or footer zone is a dateline
    for ln in lines:
        if ln.pos in labels or ln.pos == title_pos or first_body <= ln.pos <= last_body:
            continue
        if _TIME_ONLY.match(ln.norm):
            put(ln.pos, "dateline", "time_only", 0.85)
    # a person's name alone in the header zone → byline
    for ln in header:
        if ln.pos in labels:
            continue
        prev = lines[ln.pos - 1] if ln.pos > 0 else None
        nxt = lines[ln.pos + 1] if ln.pos + 1 < n else None
        if name_city_byline(ln) and byline is None:
            put(ln.pos, "byline", "name_city_in_header", 0.8)
            byline = name_city_byline(ln)
            continue
        if looks_like_name(ln) and (
            (nxt is not None and nxt.pos == first_body)
            or (prev is not None and (prev.pos == title_pos or prev.pos in labels))
        ) and byline is None:
            if doc.author and not set(ln.words) & set(line_key(doc.author).split()):
                # the container names another author: a portrait caption? keep
                notes[ln.pos] = "name-like line in the header kept (not the container's author)"
                continue
            put(ln.pos, "byline", "name_in_header", 0.75)
            byline = ln.text
    # a short descriptive line in the header followed by a byline/credit → image caption
    for ln in header:
        if ln.pos in labels:
            continue
        nxt = lines[ln.pos + 1] if ln.pos + 1 < n else None
        if (
            nxt is not None
            and not ln.ends_sentence
            and labels.get(nxt.pos, ("",))[0] in ("byline", "photo_credit")
        ):
            if ln.n_words <= _CAPTION_MAX_WORDS and not doc.title_from_container and not _has_verb(ln):
                # a page dump (title in the text) keeps figure captions under the title;
                # a container body starts with the article's own subtitle instead
                put(ln.pos, "image_caption", "caption_before_credit", 0.75)
            else:
                notes[ln.pos] = "line above the byline kept: a subtitle rather than a caption?"

    # captions by their typical opening («جانب من …», «خلال افتتاح …», «الأمير أثناء …»)
    header_pos = {ln.pos for ln in header}
    for ln in lines:
        if ln.pos in labels or ln.pos == title_pos or ln.is_body():
            continue
        max_words = 10 if ln.pos in header_pos else 8
        if ln.n_words <= max_words and not ln.ends_sentence and _CAPTION_OPENING.match(ln.key):
            put(ln.pos, "image_caption", "caption_opening", 0.7 if ln.pos in header_pos else 0.65)
            notes.pop(ln.pos, None)
    # in the body: a short line right above a photo credit is its caption
    for pos, (cat, _rule, _c) in list(labels.items()):
        if cat != "photo_credit" or pos == 0:
            continue
        prev = lines[pos - 1]
        if prev.pos not in labels and prev.pos != title_pos and prev.n_words <= 20 and not prev.is_body():
            put(prev.pos, "image_caption", "caption_before_credit", 0.8)

    # 4. cross-document evidence
    if stats is not None:
        src = doc.source
        body_total = sum(1 for p in body if p not in labels)
        flagged_body = [
            ln.pos
            for ln in lines
            if ln.pos in body and stats.count(src, ln.text) >= stats.threshold(src, body_like=True)
        ]
        duplicate_article = body_total and len(flagged_body) * 2 >= body_total
        repeated: dict[int, int] = {}
        for ln in lines:
            if ln.pos in labels or ln.pos == title_pos or ln.n_words > _MAX_COUNTED_WORDS:
                continue
            is_body = ln.pos in body
            c = stats.count(src, ln.text)
            if c < stats.threshold(src, body_like=is_body):
                continue
            if is_body and duplicate_article:
                notes[ln.pos] = f"repeated in {c} documents of the source, but so is most of this article (duplicate article?)"
                continue
            if first_body < ln.pos < last_body and ln.n_words <= 4:
                # a recurring rubric inside the text («المقادير:», «سؤال:») is content
                notes[ln.pos] = f"short line repeated in {c} documents kept: sub-heading inside the body"
                continue
            repeated[ln.pos] = c
        # runs of ≥ 3 consecutive repeated headline-like lines: a list of links (a series)
        listy: set[int] = set()
        run: list[int] = []
        for pos in sorted(repeated) + [-2]:
            if run and pos == run[-1] + 1:
                run.append(pos)
                continue
            if len(run) >= 3 and all(lines[p].n_words >= 3 and not lines[p].ends_sentence for p in run):
                listy.update(run)
            run = [pos]
        for pos, c in repeated.items():
            ln = lines[pos]
            cat = _guess_category(ln)
            if cat == "other" and pos in listy:
                cat = "related_articles"
            elif cat == "other" and looks_like_name(ln):
                cat = "byline"  # a columnist's signature
            put(pos, cat, "repeated_in_source", min(0.99, 0.7 + 0.03 * c))

    # 4b. lines no rule took that the classifier finds boilerplate
    if learned is not None:
        for pos in range(n):
            # inside the text a short line is mostly a sub-heading: more evidence needed
            need = max(model.threshold, _LEARNED_MID_MIN) if first_body < pos < last_body else model.threshold
            if pos not in labels and pos != title_pos and learned.p_boiler[pos] >= need:
                put(pos, learned.category[pos], "learned_line", round(float(learned.p_boiler[pos]), 3))

    # 5. doubts, recorded for the audit
    for ln in lines:
        if ln.pos in labels or ln.pos == title_pos or ln.pos in notes:
            continue
        if ln.pos < first_body and ln.n_words <= 12:
            notes[ln.pos] = "short line in the header zone kept (subtitle? caption?)"
        elif ln.pos > last_body and ln.n_words <= 12 and body:
            notes[ln.pos] = "short line in the footer zone kept"
        elif ln.n_words <= 12 and (_PRAYER_MENTION.search(ln.key) or _COMMENT_MENTION.search(ln.key)):
            notes[ln.pos] = "short line mentioning prayer/comments kept (no widget shape)"
        elif ln.n_words <= 5 and not ln.ends_sentence and first_body < ln.pos < last_body:
            notes[ln.pos] = "short line inside the body kept as a sub-heading"

    # 6. assemble
    if byline is None and doc.author:
        byline = doc.author.strip() or None
    removed = [
        RemovedLine(line_no=lines[p].no, text=lines[p].text, category=c, rule=r, confidence=conf)
        for p, (c, r, conf) in sorted(labels.items())
    ]
    kept = [ln.text for ln in lines if ln.pos not in labels and ln.pos != title_pos]
    return CleanDocument(
        clean_text="\n".join(kept),
        title=title,
        byline=byline,
        section=section,
        published_at=published,
        updated_at=updated,
        removed=removed,
        kept_notes=[(lines[p].no, reason) for p, reason in sorted(notes.items()) if p not in labels],
    )
