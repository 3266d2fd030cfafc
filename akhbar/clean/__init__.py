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
  run is boilerplate (:class:`LineStats`, rule ``repeated_in_source``); so is the
  prefix or suffix of a first/last line that follows a template the source repeats
  with variable slots (:mod:`.templates`, rules ``template_prefix``/``template_suffix``:
  «فلان- سبق- جدة:» opening the first paragraph, «رابط الخبر بصحيفة الوئام: <title>»
  glued to the last one).

Conservative by design: a sentence that mentions prayer, comments or a date is
never removed; when a short line is doubtful it is kept and recorded in
``CleanDocument.kept_notes``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

import numpy as np

from akhbar.clean.byline import AGENCIES, is_sentence, outlet_candidates, outlet_parts, split_byline
from akhbar.clean._text import (
    CLOSERS,
    FUNCTION_WORDS,
    Line,
    is_embedded_code,
    is_slider_controls,
    line_key,
    make_lines,
)
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
from akhbar.clean.related import find_related_blocks, glued_list_header, is_related_header
from akhbar.clean.sections import is_section_label
from akhbar.clean import templates as tpl
from akhbar.clean.features import DENSE_NAMES, LineRules, page_features
from akhbar.clean.title import pick_title
from akhbar.clean.social_nav import (
    _NETWORKS,
    breadcrumb_section,
    find_tag_blocks,
    is_copyright,
    is_navigation,
    is_bar_end,
    is_social,
)
from akhbar.config import BOILERPLATE_CATEGORIES
from akhbar.metadata import date_from_url, parse_date, parse_dateline, split_author_date
from akhbar.models import CleanDocument, RawDocument, RemovedLine

__all__ = ["LineStats", "build_line_stats", "clean_document", "line_key"]

# Sub-line templates: a template (and each literal segment in it) must be seen at the
# edge of a line in at least this many documents of the source, and this share of them.
TEMPLATE_MIN_DOCS = 5
TEMPLATE_MIN_SHARE = 0.03

# Header zone: at most this many lines under the title.
_HEADER_MAX_LINES = 6
# A caption in the header is a short noun phrase; longer lines above a byline are subtitles.
_CAPTION_MAX_WORDS = 6
# A body of one or two lines has no page layout to read: the rules alone decide.
_LEARNED_MIN_LINES = 3
# The learned classifier removes a line between the first and last paragraphs only this sure.
_LEARNED_MID_MIN = 0.99
# A line inside a block of removed lines, or below the end of the text, goes when the
# classifier finds it at least this likely boilerplate.
_BLOCK_MIN = 0.5
# A line on this share of a source's pages (as it is, or numbers folded) is no title.
_NO_TITLE_SHARE = 0.2
# Lines longer than this are not counted across documents (they are article text).
_MAX_COUNTED_WORDS = 60


AGENCY_KEYS = frozenset(AGENCIES)

# Lines with a number among the last FOOTER_LINES of a document are also counted with
# the numbers folded: a footer block whose line carries a number that changes from
# document to document (a columnist's SMS code «تبدأ بالرمز (41) ثم مسافة …»).
FOOTER_LINES = 8
TAIL_LIST_LINES = 16  # the last lines searched for a list of other stories (its items and what is below)
# (e-mail addresses and links are folded like numbers: a columnist's address before the
# paper's SMS footer; a longer line is keyed by its last _FOOTER_TAIL_WORDS words, and
# matches when at most _FOOTER_MAX_PREFIX words stand before them: «<e-mail>للتواصل مع
# الكاتب ارسل رسالة SMS تبدأ بالرمز (5) ثم مسافة … 737221 - Zain» on one line)
_FOOTER_MAX_WORDS = 40
_FOOTER_TAIL_WORDS = 16
_FOOTER_MAX_PREFIX = 8
_NUM_RE = re.compile(r"\d+")
_ADDRESS_RE = re.compile(r"[\w.+-]*@[\w-]+(?:\.[A-Za-z]+)+|https?://[A-Za-z0-9./_%?=&#-]+|www\.[A-Za-z0-9./_%?=&#-]+")


def _footer_key(line: Line) -> str:
    key, _prefix = _footer_key_prefix(line)
    return key


def _footer_key_prefix(line: Line) -> tuple[str, int]:
    """The folded key of a footer line and how many words stand before it."""
    if not line.has_digit or not line.has_letters or line.n_words > _FOOTER_MAX_WORDS:
        return "", 0
    key = line.key
    if "@" in line.text or "http" in line.text or "www." in line.text:
        key = line_key(_ADDRESS_RE.sub(" xurlx ", line.text))
    words = _NUM_RE.sub("0", key).split()
    if len(words) <= _FOOTER_TAIL_WORDS:
        return "#" + " ".join(words), 0
    return "#" + " ".join(words[-_FOOTER_TAIL_WORDS:]), len(words) - _FOOTER_TAIL_WORDS


# Line shapes: short lines that are not running text are also counted by their shape,
# what stays of them when the variable slots are blanked: the numbers folded and the
# document's own title masked (``F`` keys, «الفجر 0:0», «رابط الخبر : <T>»), and, for a
# line cut into 2–SHAPE_MAX_SEGMENTS segments by delimiters (:mod:`.templates`), each
# skeleton with one or two segments as slots and a literal with letters left («تصوير :
# *», «اقرا ايضا : *», «* | الطقس اليوم»).  A line whose shape is in as many documents as
# a template needs is a widget line with slots (rule ``repeated_shape``).
SHAPE_MAX_WORDS = 20
SHAPE_MAX_SEGMENTS = 6
_HAS_LETTER_RE = re.compile(r"[^\W\d_]")


def shape_keys(line: Line, title_key: str = "") -> list[str]:
    """The shape keys of a short line that is not running text (empty otherwise)."""
    if line.n_words > SHAPE_MAX_WORDS or line.n_words == 0 or line.is_body():
        return []
    pieces = tpl.split_pieces(line.text, title_key, line.key)
    keys = [p.key for p in pieces]
    out = ["F" + "\x1f".join(keys)]
    segs = [i for i in range(0, len(keys), 2) if keys[i]]
    if 2 <= len(segs) <= SHAPE_MAX_SEGMENTS:
        lettered = [i for i in segs if _HAS_LETTER_RE.search(keys[i]) and keys[i] != tpl.TITLE]
        for k in (1, 2):
            if k >= len(segs):
                break
            for slots in itertools.combinations(segs, k):
                if not any(i not in slots for i in lettered):
                    continue
                sk = list(keys)
                for i in slots:
                    sk[i] = tpl.SLOT
                out.append("S" + "\x1f".join(sk))
    return out


def _hash(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


class EdgeSets(NamedTuple):
    """What the cleaner reads from one source's mined templates (LineStats.edge_sets)."""

    run_literals: frozenset[str]  # words opening a tag run at a text's end («سمات»)
    tail_openers: frozenset[str]  # first words of the literals that open its tail templates
    list_headers: frozenset[str]  # related-list headers glued after the last sentence
    title_footers: frozenset[str]  # literals of footers that quote the title and end there


_NO_EDGE_SETS = EdgeSets(frozenset(), frozenset(), frozenset(), frozenset())


class LineStats:
    """Cross-document evidence: in how many documents of each source each normalised
    line occurs.  Lines are stored as 64-bit hashes of :func:`line_key`, so the
    object stays small and picklable; ``merge`` adds the counts of another batch."""

    def __init__(self, min_docs: int = 3, min_share: float = 0.0) -> None:
        self.min_docs = min_docs  # a line must occur in at least this many documents…
        self.min_share = min_share  # …and in at least this share of the source's documents
        self.docs: Counter[str] = Counter()  # source -> documents seen
        self.lines: dict[str, Counter[int]] = {}  # source -> line hash -> documents
        # sub-line templates: head/tail keys of the first/last lines and their segments
        self.edges: dict[str, Counter[tuple[str, ...]]] = {}  # source -> ("H"|"T", key…) -> documents
        self.edge_segments: dict[str, Counter[str]] = {}  # source -> segment -> documents
        self._templates: dict[str, tuple[frozenset[str], dict[tuple[str, ...], int]]] | None = None
        # per source, what the cleaner asks of its templates (see edge_sets), for the templates
        # object they were read from
        self._edge_sets: dict[str, EdgeSets] = {}
        self._edge_sets_of: object = None
        # lines with numbers near the end, numbers folded («تبدأ بالرمز (0) ثم مسافة …»)
        self.footer_lines: dict[str, Counter[int]] = {}  # source -> hash -> documents
        # short lines by their shape (slots blanked: see shape_keys)
        self.shapes: dict[str, Counter[int]] = {}  # source -> hash -> documents
        # lists numbered in sequence among the last lines, by their items' frame («(0)», «0-»)
        self.tail_lists: dict[str, Counter[str]] = {}  # source -> frame -> documents
        # title labels: first and last segments of the titles («سياسي /», «/ إضافة أولى»), per source
        self.title_labels: dict[str, Counter[tuple[str, str]]] = {}  # source -> ("P"|"S", key) -> documents
        self.title_docs: Counter[str] = Counter()  # source -> documents with a title
        # outlet names: words of the container bylines, per source
        self.byline_docs: Counter[str] = Counter()  # source -> documents with a byline
        self.byline_words: dict[str, Counter[str]] = {}  # source -> word -> documents
        # the source's own name: whole parts of the bylines (also a byline heading the text)
        self.own_docs: Counter[str] = Counter()  # source -> documents with a byline
        self.byline_parts: dict[str, Counter[str]] = {}  # source -> part -> documents

    @staticmethod
    def _source(doc: RawDocument) -> str:
        return doc.source or ""

    def add(self, doc: RawDocument) -> None:
        src = self._source(doc)
        self.docs[src] += 1
        lines = make_lines(doc.raw_text)
        seen = {_hash(ln.key) for ln in lines if ln.key and ln.n_words <= _MAX_COUNTED_WORDS}
        self.lines.setdefault(src, Counter()).update(seen)
        folded = {_hash(_footer_key(ln)) for ln in lines[-FOOTER_LINES:] if _footer_key(ln)}
        if folded:
            self.footer_lines.setdefault(src, Counter()).update(folded)
        title_key = line_key(doc.title) if doc.title else ""
        shapes = {_hash(k) for ln in lines for k in shape_keys(ln, title_key)}
        if shapes:
            self.shapes.setdefault(src, Counter()).update(shapes)
        frames = {_frame(lines[run[0]]) for run in _numbered_runs(lines[-TAIL_LIST_LINES:])}
        if frames:
            self.tail_lists.setdefault(src, Counter()).update(frames)
        keys, segs = tpl.edge_candidates(
            [ln.text for ln in lines], title_key, [ln.key for ln in lines]
        )
        self.edges.setdefault(src, Counter()).update(keys)
        self.edge_segments.setdefault(src, Counter()).update(segs)
        self._templates = None
        if doc.title:
            self.title_docs[src] += 1
            pre, suf = tpl.title_affixes(doc.title)
            labels = self.title_labels.setdefault(src, Counter())
            if pre:
                labels[("P", pre)] += 1
            if suf:
                labels[("S", suf)] += 1
        # (the first line that is not a slider's controls: see make_lines)
        first = next((ln for ln in lines if not (ln.part and is_slider_controls(ln.text))), None)
        if doc.author:
            self.byline_docs[src] += 1
            self.byline_words.setdefault(src, Counter()).update(outlet_candidates(doc.author))
            self.own_docs[src] += 1
            self.byline_parts.setdefault(src, Counter()).update(
                outlet_parts(split_author_date(doc.author)[0], names=True))
        elif first is not None and _first_line_byline(first):
            # no author field: a byline heading the text («هيفاء عبدالله – عين اليوم»)
            self.own_docs[src] += 1
            self.byline_parts.setdefault(src, Counter()).update(outlet_parts(first.text, names=True))

    def merge(self, other: LineStats) -> None:
        self.docs.update(other.docs)
        for src, counts in other.lines.items():
            self.lines.setdefault(src, Counter()).update(counts)
        for src, edges in other.edges.items():
            self.edges.setdefault(src, Counter()).update(edges)
        for src, segs in other.edge_segments.items():
            self.edge_segments.setdefault(src, Counter()).update(segs)
        self._templates = None
        for src, counts in other.footer_lines.items():
            self.footer_lines.setdefault(src, Counter()).update(counts)
        for src, counts in other.shapes.items():
            self.shapes.setdefault(src, Counter()).update(counts)
        for src, frames in other.tail_lists.items():
            self.tail_lists.setdefault(src, Counter()).update(frames)
        self.title_docs.update(other.title_docs)
        for src, labels in other.title_labels.items():
            self.title_labels.setdefault(src, Counter()).update(labels)
        self.byline_docs.update(other.byline_docs)
        self.own_docs.update(other.own_docs)
        for src, parts in other.byline_parts.items():
            self.byline_parts.setdefault(src, Counter()).update(parts)
        for src, words in other.byline_words.items():
            self.byline_words.setdefault(src, Counter()).update(words)

    def prune(self) -> LineStats:
        """Forget lines seen in fewer than ``min_docs`` documents: no threshold is lower,
        so the cleaner's decisions do not change, and the object a run ships to every
        worker process shrinks from one entry per distinct line to the repeated ones."""
        for src, counts in self.lines.items():
            self.lines[src] = Counter({h: c for h, c in counts.items() if c >= self.min_docs})
        for src, words in self.byline_words.items():
            self.byline_words[src] = Counter({w: c for w, c in words.items() if c >= TEMPLATE_MIN_DOCS})
        for src, parts in self.byline_parts.items():
            # (a part seen in fewer documents cannot be the own name, nor stop one: see own_names)
            self.byline_parts[src] = Counter({k: c for k, c in parts.items() if c >= self.min_docs})
        for src, counts in self.footer_lines.items():
            self.footer_lines[src] = Counter({h: c for h, c in counts.items() if c >= self.min_docs})
        for src, counts in self.shapes.items():
            # (no shape threshold is lower than the templates')
            thr = min(self.template_threshold(src), self.min_docs)
            self.shapes[src] = Counter({h: c for h, c in counts.items() if c >= thr})
        for src, frames in self.tail_lists.items():
            self.tail_lists[src] = Counter({f: c for f, c in frames.items() if c >= self.min_docs})
        for src, labels in self.title_labels.items():
            self.title_labels[src] = Counter({k: c for k, c in labels.items() if c >= 2})
        # the sub-line templates are compiled now; the raw head/tail keys are not needed after
        templates = self.templates()
        self.edges = {}
        self.edge_segments = {}
        self._templates = templates
        return self

    def outlets(self, source: str | None) -> set[str]:
        """Words that the source's bylines repeat (in ≥ 20 % of them, ≥ 5): its own name
        («سبق», «الوئام») and the agencies it uses; places and names excluded."""
        n = self.byline_docs.get(source or "", 0)
        words = self.byline_words.get(source or "")
        if not words:
            return set()
        thr = max(TEMPLATE_MIN_DOCS, math.ceil(0.2 * n))
        return {w for w, c in words.items() if c >= thr}

    def own_names(self, source: str | None) -> set[str]:
        """The source's own name as its bylines write it («المدينه» in «المدينة ـ جدة»,
        «عين اليوم», «الوطن» in «الدمام: الوطن»): the part (not an agency, not a place,
        not a person) that its bylines repeat most, in ≥ 5 % of them (≥ 5), at least twice
        as often as any other such part."""
        parts = self.byline_parts.get(source or "")
        if not parts:
            return set()
        # (an agency, or the generic credit «الوكالات», is no one's own name)
        ranked = [(c, k) for k, c in parts.items() if k not in AGENCY_KEYS and k.removeprefix("ال") not in AGENCY_KEYS]
        if not ranked:
            return set()
        ranked.sort(reverse=True)
        c1, top = ranked[0]
        c2 = ranked[1][0] if len(ranked) > 1 else 0
        if c1 >= max(TEMPLATE_MIN_DOCS, math.ceil(0.05 * self.own_docs.get(source or "", 0))) and c1 >= 2 * c2:
            return {top}
        return set()

    def template_threshold(self, source: str | None) -> int:
        return max(TEMPLATE_MIN_DOCS, math.ceil(TEMPLATE_MIN_SHARE * self.docs.get(source or "", 0)))

    def templates(self) -> dict[str, tuple[frozenset[str], dict[tuple[str, ...], int]]]:
        """Per source: (frequent edge segments, template skeleton -> documents).  A
        skeleton is ("H"|"T", segment, delimiter, …) with slots ``*`` and ``<T>``."""
        if self._templates is not None:
            return self._templates
        out: dict[str, tuple[frozenset[str], dict[tuple[str, ...], int]]] = {}
        for src, edges in self.edges.items():
            thr = self.template_threshold(src)
            frequent = frozenset(k for k, c in self.edge_segments.get(src, Counter()).items() if c >= thr)
            counts: Counter[tuple[str, ...]] = Counter()
            runs: Counter[str] = Counter()  # run literal -> documents
            follow: Counter[str] = Counter()  # run literal -> distinct next words
            glued: dict[tuple[str, ...], int] = {}  # ("G", list header) -> documents
            for key, c in edges.items():
                if key[0] == "R":
                    runs[key[1]] += c
                    follow[key[1]] += 1
                    continue
                if key[0] == "G":
                    if c >= thr:
                        glued[key] = c
                    continue
                if frequent:
                    for sk in tpl.skeletons(key[1:], frequent, tail=key[0] == "T"):
                        counts[(key[0], *sk)] += c
            found = {sk: c for sk, c in counts.items() if c >= thr}
            # a run literal opens runs of variable words: a tag list, not a fixed phrase
            found.update({("R", w): c for w, c in runs.items() if c >= thr and follow[w] * 2 >= c})
            # a list header the source glues after its texts' last sentence
            found.update(glued)
            if found:
                out[src] = (frequent, found)
        self._templates = out
        return out

    def match_template(
        self, source: str | None, key: tuple[str, ...], tail: bool
    ) -> tuple[tuple[str, ...], int] | None:
        """The most frequent template a head/tail key instantiates, with its count."""
        entry = self.templates().get(source or "")
        if entry is None:
            return None
        frequent, found = entry
        best = None
        kind = "T" if tail else "H"
        for sk in tpl.skeletons(key, frequent, tail=tail):
            c = found.get((kind, *sk))
            if c and (best is None or c > best[1]):
                best = ((kind, *sk), c)
        return best

    def longest_template(
        self, source: str | None, candidates: list[tuple[tuple[str, ...], int]], tail: bool
    ) -> tuple[tuple[str, ...], int] | None:
        """Of a line's nested heads (or tails), shortest first, the longest that follows a
        template, where a longer one counts only if it is at least half as common as the
        shorter ones it extends («سبق - * :» extends «سبق -»; «سبق - * : * "», a byline
        and the first words of a quotation, is only a frequent continuation).
        Returns (template, cut offset)."""
        chosen = None
        top = 0
        for key, cut in candidates:
            hit = self.match_template(source, key, tail)
            if hit is None:
                continue
            if hit[1] * 2 >= top:
                chosen = (hit[0], cut)
            top = max(top, hit[1])
        return chosen

    def title_label_sets(self, source: str | None) -> tuple[set[str], set[str]]:
        """Labels the source writes before and after its titles (normalised): segments
        cut off by a slash or a bar (1–4 words, the rest of the title 3 words or more) seen
        in ≥ the template threshold of its titles, or in 2 when the source has a label
        system (≥ half of its titles open with a label, ≤ one distinct label in three)."""
        labels = self.title_labels.get(source or "")
        if not labels:
            return set(), set()
        thr = self.template_threshold(source)
        # a source whose titles mostly open with a label from a small vocabulary (a wire's
        # desks: «سياسي», «عام», «اقتصادي») has a label system: a label seen twice is one
        pre_counts = [c for (kind, _k), c in labels.items() if kind == "P"]
        labelled = sum(pre_counts)
        if labelled * 2 >= self.title_docs.get(source or "", 0) and len(pre_counts) * 3 <= labelled:
            thr = 2
        pre = {k for (kind, k), c in labels.items() if kind == "P" and c >= thr}
        suf = {k for (kind, k), c in labels.items() if kind == "S" and c >= thr}
        return pre, suf

    def footer_count(self, source: str | None, line: Line) -> int:
        """Documents of the source with this line among their last FOOTER_LINES lines,
        numbers folded (0 for a line without a number)."""
        key, prefix = _footer_key_prefix(line)
        if prefix > _FOOTER_MAX_PREFIX:
            return 0
        counts = self.footer_lines.get(source or "")
        return counts.get(_hash(key), 0) if key and counts else 0

    def tail_list_count(self, source: str | None, line: Line) -> int:
        """Documents of the source with a list numbered in sequence among their last
        TAIL_LIST_LINES lines whose items stand in this line's frame (see :func:`_frame`)."""
        frames = self.tail_lists.get(source or "")
        return frames.get(_frame(line), 0) if frames else 0

    def shape_count(self, source: str | None, line: Line, title_key: str = "") -> tuple[int, int]:
        """Documents of the source with a line of this line's shape: (with its numbers
        folded and the title masked, with the most common of its skeletons); (0, 0) for
        running text or a long line."""
        counts = self.shapes.get(source or "")
        if not counts:
            return 0, 0
        keys = shape_keys(line, title_key)
        if not keys:
            return 0, 0
        return counts.get(_hash(keys[0]), 0), max((counts.get(_hash(k), 0) for k in keys[1:]), default=0)

    def edge_sets(self, source: str | None) -> EdgeSets:
        """The word sets the cleaner reads from the source's mined templates, computed once
        per source: see :class:`EdgeSets`."""
        templates = self.templates()
        if self._edge_sets_of is not templates:
            self._edge_sets, self._edge_sets_of = {}, templates
        src = source or ""
        sets = self._edge_sets.get(src)
        if sets is None:
            entry = templates.get(src)
            found = entry[1] if entry is not None else {}
            sets = self._edge_sets[src] = EdgeSets(
                run_literals=frozenset(k[1] for k in found if k[0] == "R"),
                tail_openers=frozenset(k[1].split(" ", 1)[0] for k in found if k[0] == "T"),
                list_headers=frozenset(k[1] for k in found if k[0] == "G"),
                title_footers=frozenset(k[1] for k in found if k[0] == "T" and len(k) == 4 and k[3] == tpl.TITLE),
            )
        return sets

    def run_literals(self, source: str | None) -> frozenset[str]:
        """Words that open a run of variable plain words at the end of the source's last
        lines (a tag widget «سمات <tags…>»): see :func:`akhbar.clean.templates.run_cut`."""
        return self.edge_sets(source).run_literals

    def list_headers(self, source: str | None) -> frozenset[str]:
        """Related-list headers («مقالات أخرى») that the source glues after the last
        sentence of its texts, the list behind them (see related.glued_list_header)."""
        return self.edge_sets(source).list_headers

    def count(self, source: str | None, text: str) -> int:
        """Documents of ``source`` that contain a line equal (after normalisation) to ``text``."""
        counts = self.lines.get(source or "")
        return counts.get(_hash(line_key(text)), 0) if counts else 0

    def line_counts(self, source: str | None, lines: list[Line]) -> list[int]:
        """``count(source, ln.text)`` of every line, from the keys the lines already hold."""
        counts = self.lines.get(source or "")
        if not counts:
            return [0] * len(lines)
        return [counts.get(_hash(ln.exact_key), 0) for ln in lines]

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
# an ad slot's label on a line of its own («إعلان», «مساحة إعلانية», «محتوى مدفوع»), folded
_AD_LABEL = re.compile(
    r"^(?:اعلان|اعلانات|مساحه اعلانيه|اعلان مدفوع|اعلان ممول|محتوي اعلاني|محتوي مدفوع|محتوي ممول|"
    r"مقال ممول|محتوي برعايه|اشهار|advertisement|advertising|sponsored|sponsored content|ad|ads)$"
)
_HASHTAGS_ONLY = re.compile(r"^\s*#[^\s#_:]+(?:\s+#[^\s#_:]+)*\s*$")
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


_PREFIX_TRAIL = " \t:：-–—ـ|/،,"
_PREFIX_END = ":：-–—ـ|/"


_BYLINE_DELIM_RE = re.compile(r"\s[\-–—ـ:]|[\-–—ـ:]\s|:$")


# a wire dateline: the place, the date, the agency last («مكة المكرمة 26 شوال 1436 هـ
# الموافق 11 اغسطس 2015 م واس»)
_WIRE_DATELINE_RE = re.compile(r"^(?P<place>[^\d٠-٩]{2,40}?)\s+[\d٠-٩].*\s(?P<agency>\S+(?:\s\S+){0,2})\s*$")


def _wire_dateline_byline(text: str) -> str | None:
    """«<place> - <agency>» of a wire dateline that ends with a news agency's name, for
    split_byline; None for any other dateline."""
    m = _WIRE_DATELINE_RE.match(text.strip())
    if m is None:
        return None
    words = m["agency"].split()
    for k in range(len(words)):
        agency = " ".join(words[k:])
        if line_key(agency) in AGENCIES:
            place = m["place"].strip(" -–—:،,")
            return f"{place} - {agency}" if place else None
    return None


_ANNOUNCED_MAX_LINES = 40
_URL_IN_LINE_RE = re.compile(r"https?://|www\.|\.com\b|\.net\b|\.org\b|\.sa\b")
_CLASSIFIER_RULES = frozenset({"learned_line", "footer_block", "inside_block", "numbered_list"})


def _outlet_byline(line: Line, stats: LineStats | None, source: str | None) -> bool:
    """A short line cut by a dash or a colon, not a sentence, that names the source itself,
    an outlet of its bylines or an agency (see split_byline) besides a person or a place."""
    if not 2 <= line.n_words <= 8 or line.ends_sentence or not _BYLINE_DELIM_RE.search(line.text):
        return False
    outlets = stats.outlets(source) if stats is not None else set()
    own = stats.own_names(source) if stats is not None else set()
    parts = split_byline(line.text, outlets, own)
    if not parts.outlet or not (parts.person or parts.place):
        return False
    outlet = line_key(parts.outlet)
    return outlet in AGENCIES or outlet in {line_key(w) for w in outlets | own}


def _first_line_byline(line: Line) -> bool:
    """A short first line cut by a dash or a colon, not a sentence: a byline heading the text."""
    return 2 <= line.n_words <= 6 and not line.ends_sentence and bool(_BYLINE_DELIM_RE.search(line.text))


_RESTATED_MAX_WORDS = 12
_REPEATED_CAPTION_MIN_WORDS = 10
_RESTATED_LEAD_WORDS = 60
_STEM_PREFIX = re.compile(r"^(?:وال|بال|فال|كال|لل|ال|و|ب|ل|ف)(?=\S{3})")
_STEM_SUFFIX = re.compile(r"(?<=\S{3})(?:ات|ون|ين|يه|ه|ي)$")


def _stem(word: str) -> str:
    return _STEM_SUFFIX.sub("", _STEM_PREFIX.sub("", word))


def _ends_with_name(line: Line, lead: str) -> bool:
    """A short line of plain words that is a person's name, maybe after a title («الرئيس
    الفلسطيني محمود عباس»), with the name written as such in ``lead`` (normalised)."""
    if line.n_words > 6 or re.search(r"[^\w\s]", line.text):
        return False
    toks = line.text.split()
    for k in (4, 3, 2):
        if k <= len(toks):
            name = Line(pos=0, no=0, text=" ".join(toks[-k:]))
            if looks_like_name(name) and f" {name.key} " in f" {lead} ":
                return True
    return False


def _restated(line: Line, title: str | None, later: list[Line]) -> bool:
    """Every content word of ``line`` (lightly stemmed) is in the title or in the first
    words of the ``later`` lines."""
    words = [w for w in line.key.split() if w not in FUNCTION_WORDS]
    if len(words) < 2:
        return False
    pool: set[str] = set(_stem(w) for w in line_key(title).split()) if title else set()
    n = 0
    for ln in later:
        ws = ln.key.split()
        pool.update(_stem(w) for w in ws[: _RESTATED_LEAD_WORDS - n])
        n += len(ws)
        if n >= _RESTATED_LEAD_WORDS:
            break
    return all(_stem(w) in pool for w in words)


def _byline_shaped(author: str | None) -> bool:
    """A container author field that can be a byline: 1–8 words, not a sentence, not a
    bullet (sabq's interviews put their first highlight there: «- الهلال سيكون …»)."""
    if not author or _is_bullet(author):
        return False
    n = len(line_key(author).split())
    return 1 <= n <= 8 and author.rstrip(CLOSERS + " ")[-1:] not in ".؟?!"


def _author_prefix(line: Line, author: str) -> int:
    """Where the first paragraph goes on after the container's byline, when it opens
    with it («حاتم العميري- سبق- مكة المكرمة: يصرخ أهالي …» with that byline in the
    record's author field); 0 when it does not.  A byline is short and is not a
    sentence: an author field that holds the article's first sentence is no byline."""
    akey = line_key(author)
    if not _byline_shaped(author) or not line.key.startswith(akey + " "):
        return 0
    ends_with_delimiter = author.rstrip()[-1:] in _PREFIX_END
    for m in re.finditer(r"\S+", line.text):
        if len(m.group(0)) and line_key(line.text[: m.end()]) == akey:
            end = m.end()
            while end < len(line.text) and line.text[end] in _PREFIX_TRAIL:
                end += 1
            if not ends_with_delimiter and not any(c in _PREFIX_END for c in line.text[m.end(): end]):
                return 0  # «نوه سميث إن …»: the name is the sentence's subject
            return end
        if m.start() > len(author) + 40:
            break
    return 0


_GLUED_MAX_WORDS = 6


def _repeated_line_prefix(line: Line, stats: LineStats, source: str | None) -> int:
    """Where the first paragraph goes on after a line that the source repeats on its own
    (in ≥ the repeated-line threshold of its documents): a byline or desk line cut by a
    dash or a colon, glued to the text («عين اليوم – متابعات قد يكون الاستيقاظ …» where
    «عين اليوم – متابعات» heads other documents alone); 0 when none."""
    if line.n_words < 4 or not stats.lines.get(source or ""):
        return 0
    thr = stats.threshold(source)
    toks = list(re.finditer(r"\S+", line.text[:300]))[: _GLUED_MAX_WORDS + 2]
    best = 0
    for k in range(2, min(len(toks) - 2, _GLUED_MAX_WORDS) + 1):  # two words of text at least after it
        head = line.text[: toks[k - 1].end()]
        if _BYLINE_DELIM_RE.search(head) and stats.count(source, head) >= thr:
            best = toks[k - 1].end()
    while best and best < len(line.text) and line.text[best] in _PREFIX_TRAIL:
        best += 1
    return best


def _opens_with_title_footer(key: str, title_key: str, footers: frozenset[str]) -> bool:
    """A line (its key) that opens with a footer literal and the document's title, and
    goes on after it."""
    if not footers:
        return False
    words = key.split()
    for lit in footers:
        n = len(lit.split())
        if " ".join(tpl.digits_to_zero(w) for w in words[:n]) == lit and \
                (" ".join(words[n:]) + " ").startswith(title_key + " ") and len(words) > n + len(title_key.split()):
            return True
    return False


# interview and photo credits that open a line: «حوار: فلان»، «أجرى الحوار/ فلان»، «تصوير: فلان»
_CREDIT_LABEL_RE = re.compile(r"\s*(?:أجرى\s+)?(?:ال)?(?:حوار|حاوره|حاورته|حاورها|تصوير|متابعة|إعداد|اعداد)\s*[:/،]\s*")
_CREDIT_END_RE = re.compile(r"\s*[-–—ـ،]\s*")


# an interview's credit line inside the opening highlights: «… - السجون مليئة بالقضايا.
# أجرى الحوار/ شقران الرشيدي- سبق- الرياض (تصوير: عبدالله النحيط): يقول …» (label,
# interviewer, an optional photographer, outlet and city between dashes, a colon)
_NAME = r"[^\s:/\-–—ـ،()]+(?:\s+[^\s:/\-–—ـ،()]+){0,3}"
_DASH = r"\s*[-–—ـ]\s*"
_INTERVIEW_CREDIT_RE = re.compile(
    r"(?<=\s)(?:أجرى\s+(?:ال)?حوار|(?:ال)?حوار|حاور(?:ه|ته|ها))\s*[:/]?\s*(?P<name>" + _NAME + ")"
    + r"(?:\s*[-–—ـ،]\s*تصوير\s*[:/]?\s*" + _NAME + ")?" + _DASH + r"(?P<outlet>[^\s:/\-–—ـ،()]+)" + _DASH
    + r"(?P<place>[^\s:/\-–—ـ،()]+(?:\s+[^\s:/\-–—ـ،()]+)?)(?:\s*\(\s*تصوير\s*[:/]?\s*[^)]{1,40}\))?\s*:"
)


def _interview_credit(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """The span of an interview's credit line inside a line of the opening highlights,
    and its byline without the credit labels and the photographer («شقران الرشيدي- سبق- الرياض»)."""
    m = _INTERVIEW_CREDIT_RE.search(text, start, end)
    if m is None:
        return None
    return m.start(), m.end(), f"{m['name']}- {m['outlet']}- {m['place']}"


def _credit_skips(text: str) -> list[int]:
    """Offsets in a line just after each of its opening credits, label and name («حوار:»,
    «حوار: فلان-», «…، تصوير: فلان-»); none when the line opens with no credit label."""
    out: list[int] = []
    pos = 0
    for _ in range(3):
        m = _CREDIT_LABEL_RE.match(text, pos)
        if m is None:
            break
        out.append(m.end())
        d = _CREDIT_END_RE.search(text, m.end(), m.end() + 40)
        if d is None:
            break
        out.append(d.end())
        pos = d.end()
    return out


_BULLET_RE = re.compile(r"\s*[-–—•▪●]\s*\S")


def _is_bullet(text: str) -> bool:
    """A line that opens with a bullet dash («- الهلال سيكون فريقاً مرعباً»)."""
    return _BULLET_RE.match(text) is not None


_SHARE_PREFIX_MAX_WORDS = 12


def _share_prefix(line: Line) -> int:
    """Where the first paragraph goes on after a share bar glued to its start, when the
    longest run of its first words that reads as a share bar (``is_social``), names two
    networks or more and ends on a word of the bar leaves four words or more; 0 when none (a sentence may open with
    «شارك» or «تابعنا»: alone they are no bar)."""
    toks = list(re.finditer(r"\S+", line.text[:300]))[: _SHARE_PREFIX_MAX_WORDS + 4]
    top = min(len(toks) - 4, _SHARE_PREFIX_MAX_WORDS)
    if top < 3 or sum(w in _NETWORKS for w in Line(pos=0, no=0, text=line.text[: toks[top - 1].end()]).words) < 2:
        return 0  # (most first lines: no two networks among their first words)
    best = 0
    for k in range(3, top + 1):
        head = Line(pos=0, no=0, text=line.text[: toks[k - 1].end()])
        words = head.words
        if words and is_bar_end(words[-1]) and sum(w in _NETWORKS for w in words) >= 2 and is_social(head):
            best = toks[k - 1].end()
    return best


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


_YEAR_RE = re.compile(r"(?<!\d)(?:1[34]\d\d|19\d\d|20\d\d)(?!\d)")


def _published_from_text_or_url(doc: RawDocument, first_lines: list[str], ref: dt.datetime | None) -> dt.datetime | None:
    """A publication date for a record that has none: a dateline opening one of the first
    paragraphs («الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس يواصل …»), else a
    date in the URL (/2015/07/20/).  A date after the scrape is not a publication date."""
    found: dt.datetime | None = None
    for text in first_lines:
        words = list(re.finditer(r"\S+", text[:200]))[:16]
        if not words or not _YEAR_RE.search(text[: words[-1].end()]):
            continue
        if parse_date(text[: words[-1].end()], None) is None:
            continue  # no absolute date in the opening words
        for m in reversed(words):
            info = parse_dateline(text[: m.end()], ref)
            if info is not None and not info.relative and info.kind != "updated":
                found = info.when
                break
        if found is not None:
            break
    if found is None:
        day = date_from_url(doc.url)
        if day is not None:
            found = dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)
    if found is not None and doc.scraped_at is not None and found > doc.scraped_at + dt.timedelta(days=1):
        return None
    return found


# --------------------------------------------------------------------------- cleaner


_COPIES_COL = DENSE_NAMES.index("copies_text")
_LIST_NUMBER = re.compile(r"^[(\[#]?0?(\d{1,2})\s*(?:[.\-–—)\]|:]\s*|\s)(?=\D)")


def _runs(lines: list[Line], key: Callable[[Line], Any], follows: Callable[[Any, Any], bool]) -> list[list[int]]:
    """Runs of ≥ 3 consecutive headline-shaped lines (3–31 words, no closing full stop)
    each of whose ``key`` (None: the line has none) ``follows`` the one before it."""
    runs: list[list[int]] = []
    run: list[int] = []
    last = None
    for ln in lines:
        k = key(ln) if 3 <= ln.n_words <= 31 and not ln.text.rstrip(CLOSERS + " ").endswith(".") else None
        if k is not None and run and last is not None and follows(k, last):
            run.append(ln.pos)
        else:
            if len(run) >= 3:
                runs.append(run)
            run = [ln.pos] if k is not None else []
        last = k
    if len(run) >= 3:
        runs.append(run)
    return runs


def _list_number(line: Line) -> int | None:
    m = _LIST_NUMBER.match(line.norm)
    return int(m.group(1)) if m else None


def _announces(line: Line) -> bool:
    """A line ending in a colon («وتقول كلمات القصيدة:», «وجاءت التطبيقات كالتالي:»): what
    follows it is the article's own list or poem."""
    return line.text.rstrip(CLOSERS + " ").endswith((":", "："))


def _numbered_runs(lines: list[Line]) -> list[list[int]]:
    """Runs of ≥ 3 consecutive lines numbered 1, 2, 3, … (or continuing a sequence),
    each headline-shaped (2–30 words after the number, no closing full stop)."""
    return _runs(lines, _list_number, lambda k, last: k == last + 1)


_LETTERS_RE = re.compile(r"[^\W\d_]+")  # (the am/pm word after a time)
_FRAME_LEAD = re.compile(r"^[\W\d_]*")
_FRAME_TAIL = re.compile(r"[\W\d_]*(?:\b(?:ص|م|am|pm|صباحا|مساء)\W*)?$")


def _frame(line: Line) -> str:
    """What stands around a line's words: its leading and trailing marks and numbers,
    digits folded, an am/pm word dropped («•», «(0)», «- 0:0», «0:0»), "" when there is none."""
    t = line.norm
    lead = _FRAME_LEAD.match(t).group()
    tail = _FRAME_TAIL.search(t[len(lead):]).group()
    frame = _NUM_RE.sub("0", lead.strip() + "\x1f" + _LETTERS_RE.sub("", tail).strip())
    return frame if frame != "\x1f" else ""


def _framed_runs(lines: list[Line]) -> list[list[int]]:
    """Runs of ≥ 3 consecutive headline-shaped lines (3–31 words, no closing full stop)
    in the same frame (see :func:`_frame`): the items of one list."""
    return _runs(lines, lambda ln: _frame(ln) or None, lambda f, last: f == last)


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

    # page code (a style sheet or a script) scraped into the text: make_lines parts it out
    for ln in lines:
        if (ln.part or "{" in ln.text) and is_embedded_code(ln.text):
            put(ln.pos, "other", "embedded_code", 0.95)

    # 0. the learned line classifier (akhbar.clean.classifier): P(boilerplate) per line
    model = get_model()
    learned = feats = None
    memo = LineRules(lines, ref)  # each single-line rule runs once per line
    counts = stats.line_counts(doc.source, lines) if stats is not None else None
    # lines the source repeats in other documents, as they are or by their shape (see
    # shape_keys): counts, and the lines that no title can be, those on a fifth of the
    # source's pages at least (a column's recurring title is on a few), unless most of
    # the text repeats too (the same article published again)
    shape_counts: list[int] | None = None  # per line, the larger of the two counts of LineStats.shape_count
    repeated_lines: frozenset[int] = frozenset()
    duplicate_text = False
    if stats is not None:
        assert counts is not None
        thr_xb = stats.threshold(doc.source, body_like=True)
        thr_x = max(stats.threshold(doc.source), math.ceil(_NO_TITLE_SHARE * stats.docs.get(doc.source or "", 0)))
        if stats.shapes.get(doc.source or ""):
            meta_tkey = line_key(doc.title) if doc.title else ""
            both = [stats.shape_count(doc.source, ln, meta_tkey) for ln in lines]
            shape_counts = [max(b) for b in both]
        bodies = [ln.pos for ln in lines if ln.is_body()]
        duplicate_text = bool(bodies) and sum(1 for p in bodies if counts[p] >= thr_xb) * 2 >= len(bodies)
        if not duplicate_text:
            # (a skeleton with a slot may be a label before the page's own headline,
            # «عام / <headline>»: only the exact line and its folded form count here)
            repeated_lines = frozenset(
                ln.pos for ln in lines if not ln.is_body() and (
                    counts[ln.pos] >= thr_x or (shape_counts is not None and both[ln.pos][0] >= thr_x)))
    if model is not None and n >= _LEARNED_MIN_LINES:
        # (an article the source published again repeats as a whole: the classifier
        # reads it as a page without statistics, as the rules keep its repeated lines)
        if duplicate_text:
            feats = page_features(lines, doc, None, memo)
        else:
            feats = page_features(lines, doc, stats, memo, counts, shape_counts)
        feats.repeated = repeated_lines
        learned = score_lines(model, feats)

    # 1. title (and what may sit above it: section label, breadcrumb, dateline)
    if learned is not None and not doc.title_from_container:
        # a ranking over the top lines (akhbar.clean.title), never a widget line
        title_pos, title = pick_title(lines, doc, feats, learned.p_boiler, model)
        for k in range(title_pos or 0):
            if memo.navigation(k):
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
            if memo.navigation(k):
                put(k, "navigation", "breadcrumb" if breadcrumb_section(ln) else "navigation_line", 0.9)
                section = section or breadcrumb_section(ln)
                continue
            nxt = lines[k + 1] if k + 1 < n else None
            if nxt is not None and is_section_label(ln, top=True) and _is_headline(nxt):
                put(k, "section_label", "section_above_title", 0.9)
                section = ln.text
                continue
            if memo.dateline(k) is not None:
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
    for pos, (rule, conf) in memo.prayer_blocks().items():
        put(pos, "prayer_times", rule, conf)
    taken = set(labels) | ({title_pos} if title_pos is not None else set())
    for pos, (rule, conf) in find_comment_lines(lines, taken).items():
        put(pos, "comment_form", rule, conf)
    for ln in lines:
        if ln.pos in labels or ln.pos == title_pos:
            continue
        if memo.copyright(ln.pos):
            put(ln.pos, "other", "copyright", 0.95)
        elif memo.social(ln.pos):
            put(ln.pos, "social", "share_follow", 0.95)
        elif memo.navigation(ln.pos):
            put(ln.pos, "navigation", "navigation_line", 0.9)
            section = section or breadcrumb_section(ln)

    # single-line credits (computed before related blocks so that a list stops at them)
    single: dict[int, tuple[str, str, float]] = {}
    author_key = line_key(doc.author) if doc.author else ""
    for ln in lines:
        if ln.pos in labels or ln.pos == title_pos:
            continue
        hit = memo.source_credit(ln.pos)
        if hit:
            single[ln.pos] = ("source_credit", *hit)
            continue
        hit = memo.photo_credit(ln.pos)
        if hit:
            single[ln.pos] = ("photo_credit", *hit)
            continue
        hit = memo.caption(ln.pos)
        if hit:
            single[ln.pos] = ("image_caption", *hit)
            continue
        name = memo.byline(ln.pos)
        if name:
            single[ln.pos] = ("byline", "byline_prefix", 0.9)
            byline = byline or name
            continue
        if doc.author and ln.n_words <= 8 and ln.key == author_key and _byline_shaped(doc.author):
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
        elif _AD_LABEL.match(ln.key):
            put(ln.pos, "other", "ad_label", 0.95)  # an ad slot's label, wherever it stands

    # datelines (outside related lists, which already took their dates), above the first
    # running-text paragraph or below the last: a date line between paragraphs is the
    # article's («التاريخ: 24 - 10 - 2011» heading a quoted e-mail), not the page's
    prose = [ln.pos for ln in lines if ln.pos not in labels and ln.pos != title_pos and ln.is_body()]
    for ln in lines:
        if ln.pos in labels or ln.pos == title_pos or (prose and prose[0] < ln.pos < prose[-1]):
            continue
        info = memo.dateline(ln.pos)
        if info is None:
            continue
        put(ln.pos, "dateline", f"dateline_{info.kind}", 0.95 if info.kind != "date" else 0.85)
        if info.kind == "updated":
            updated = updated or info.when
        else:
            published = published or info.when
        if byline is None and (not prose or ln.pos < prose[0]):
            byline = _wire_dateline_byline(ln.text)

    # a line of one-word hashtags: the page's tags («#الحرمين #نزاهة»); between paragraphs, only
    # a run of them (one hashtag there may be a quoted tweet's); «#تفجير_طوارئ_عسير» is a tweet's,
    # and «#نافذة:» heads a box
    tag_lines = {ln.pos for ln in lines if ln.pos not in labels and ln.pos != title_pos and _HASHTAGS_ONLY.match(ln.text)}
    for p in sorted(tag_lines):
        if lines[p].text.count("#") >= 2 or not (prose and prose[0] < p < prose[-1]) \
                or p - 1 in tag_lines or p + 1 in tag_lines:  # one tag a line, in a run
            put(p, "navigation", "hashtags_only", 0.9)

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
        if memo.name_city(ln.pos) and byline is None:
            put(ln.pos, "byline", "name_city_in_header", 0.8)
            byline = ln.text  # the whole line: split_byline finds the person and the place
            continue
        if byline is None and _outlet_byline(ln, stats, doc.source):
            # «واس – مكة المكرمة», «عين اليوم - منيف الشهراني»: the source's own name or an
            # agency with a place or a person, alone on a short line above the text
            put(ln.pos, "byline", "outlet_in_header", 0.8)
            byline = ln.text
            continue
        if memo.looks_like_name(ln.pos) and (
            (nxt is not None and nxt.pos == first_body)
            or (prev is not None and (prev.pos == title_pos or prev.pos in labels))
        ) and byline is None:
            if doc.author and not set(ln.words) & set(author_key.split()):
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
    # a photo caption printed as the first line, where its words are all said again: by the
    # title, or by the lead (a portrait's name: «الرئيس الفلسطيني محمود عباس» over «صرح
    # الرئيس الفلسطيني - محمود عباس …»), or word for word by a paragraph below: nothing is
    # lost (a sub-heading over a column's item, «الضعف الجنسي», stays)
    first_kept = next((ln for ln in lines if ln.pos not in labels and ln.pos != title_pos), None)
    tkey_c = line_key(title) if title else ""
    if first_kept is not None and first_kept.pos <= first_body and first_kept.n_words >= 2 \
            and not first_kept.ends_sentence and doc.title and tkey_c \
            and first_kept.key not in tkey_c and tkey_c not in first_kept.key:
        # (only under a known title: a page's first line is mostly its headline, which
        # a metadata title «headline | site» or a footer repeats)
        later = [ln for ln in lines[first_kept.pos + 1:] if ln.pos not in labels and ln.pos != title_pos]
        short = first_kept.pos < first_body and first_kept.n_words <= _RESTATED_MAX_WORDS \
            and not first_kept.has_digit
        if later and any(ln.is_body() for ln in later) and (
                # the title said again (the headline under the photo)
                (short and _restated(first_kept, title, []))
                # a portrait's name that the lead names (the container's author is someone else)
                or (short and _ends_with_name(first_kept, later[0].key) and doc.author
                    and not set(first_kept.words) & set(author_key.split()) and _restated(first_kept, None, later))
                # a caption sentence that a paragraph below repeats word for word
                or (first_kept.n_words >= _REPEATED_CAPTION_MIN_WORDS and any(
                    ln.is_body() and f" {c}{first_kept.key} " in f" {ln.key} " for ln in later for c in ("", "و", "ف")))):
            put(first_kept.pos, "image_caption", "caption_restated", 0.7)
            notes.pop(first_kept.pos, None)
    # in the body: a short line right above a photo credit is its caption
    for pos, (cat, _rule, _c) in list(labels.items()):
        if cat != "photo_credit" or pos == 0:
            continue
        prev = lines[pos - 1]
        if prev.pos not in labels and prev.pos != title_pos and prev.n_words <= 20 and not prev.is_body():
            put(prev.pos, "image_caption", "caption_before_credit", 0.8)

    # 4. cross-document evidence
    if stats is not None:
        assert counts is not None
        src = doc.source
        body_set = set(body)
        thr, thr_body = stats.threshold(src), stats.threshold(src, body_like=True)
        body_total = sum(1 for p in body if p not in labels)
        flagged_body = [p for p in body if counts[p] >= thr_body]
        # most of the running text repeats in the source: by lines, and by words too (a short
        # article of one paragraph under a repeated comment policy is no duplicate)
        body_words = sum(lines[p].n_words for p in body if p not in labels)
        duplicate_article = body_total and len(flagged_body) * 2 >= body_total \
            and sum(lines[p].n_words for p in flagged_body) * 3 >= body_words
        thr_t = stats.template_threshold(src)
        repeated: dict[int, int] = {}
        shaped: dict[int, int] = {}  # not repeated as it is, but by its shape
        for ln in lines:
            if ln.pos in labels or ln.pos == title_pos or ln.n_words > _MAX_COUNTED_WORDS:
                continue
            is_body = ln.pos in body_set
            c = counts[ln.pos]
            if c < (thr_body if is_body else thr):
                # a short line that is not running text, of a shape that the source repeats
                # with other slot values (numbers, the title, a name, a headline): as often
                # as a template
                if shape_counts is not None and not ln.is_body() and shape_counts[ln.pos] >= thr_t:
                    shaped[ln.pos] = shape_counts[ln.pos]
                continue
            if is_body and duplicate_article:
                notes[ln.pos] = f"repeated in {c} documents of the source, but so is most of this article (duplicate article?)"
                continue
            repeated[ln.pos] = c
        # a recurring rubric inside the text («المقادير:», «سؤال:») is content; a short
        # line there goes only with a neighbour that repeats too (a widget block), or when
        # it is on most pages of the source (page furniture, not a rubric)
        block = set(repeated) | set(shaped) | set(labels)
        n_src = stats.docs.get(src or "", 0)
        for pos in sorted(set(repeated) | set(shaped)):
            if first_body < pos < last_body and lines[pos].n_words <= 4 \
                    and pos - 1 not in block and pos + 1 not in block \
                    and (repeated.get(pos) or shaped.get(pos, 0)) * 2 < n_src:
                c = repeated.pop(pos, None) or shaped.pop(pos)
                notes[pos] = f"short line repeated in {c} documents kept: sub-heading inside the body"
        # a shape never takes a document's last text: a feed of one-line briefs written to one
        # pattern («أعلنت الوزارة نتائج الجولة رقم 5 …») is the articles themselves
        if shaped and not any(k not in labels and k != title_pos and k not in shaped and k not in repeated
                              for k in range(n)):
            for pos in list(shaped):
                notes[pos] = f"shape repeated in {shaped.pop(pos)} documents, but it is all the text left: kept"
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
            elif cat == "other" and memo.looks_like_name(pos):
                cat = "byline"  # a columnist's signature
            put(pos, cat, "repeated_in_source", min(0.99, 0.7 + 0.03 * c))
        for pos, c in shaped.items():
            put(pos, _guess_category(lines[pos]), "repeated_shape", min(0.99, 0.6 + 0.03 * c))
            notes.pop(pos, None)

        # a footer line with a number that changes per document (numbers folded), below
        # the text, repeated in the last lines of the source's documents: as often as a
        # template when it stands alone, as often as a repeated line inside a block of
        # removed lines (the rest of the footer)
        # (a footer long enough to read as a paragraph: only the text's last one, not a
        # sentence, as often as a repeated paragraph)
        for ln in lines[max(0, n - FOOTER_LINES):]:
            if ln.pos in labels or ln.pos == title_pos or ln.pos == 0 \
                    or (ln.pos <= first_body if not ln.is_body() else ln.pos != last_body or ln.ends_sentence):
                continue
            c = stats.footer_count(src, ln)
            in_block = ln.pos > last_body and (ln.pos - 1 in labels or ln.pos + 1 in labels)
            need = thr_body if ln.is_body() else thr if in_block else thr_t
            if ln.is_body() and 2 * stats.count(src, ln.text) <= c:
                # its numbers change from page to page (a columnist's SMS code): a footer
                # with slots, not a paragraph that copies of one article repeat
                need = thr
            if c >= need:
                put(ln.pos, _guess_category(ln), "footer_template", min(0.99, 0.7 + 0.03 * c))
                notes.pop(ln.pos, None)

    # 4b. lines no rule took that the classifier finds boilerplate
    if learned is not None:
        for pos in range(n):
            # inside the text a short line is mostly a sub-heading: more evidence needed
            need = max(model.threshold, _LEARNED_MID_MIN) if first_body < pos < last_body else model.threshold
            if pos not in labels and pos != title_pos and learned.p_boiler[pos] >= need:
                put(pos, learned.category[pos], "learned_line", round(float(learned.p_boiler[pos]), 3))
    # 4b0. a short line that is, word for word, the opening of a longer paragraph of the
    # page (a caption or a teaser that copies its paragraph's first words): nothing is
    # lost when it goes.  (A sub-heading may quote a phrase from inside a paragraph, an
    # item of a list may be said again with a full stop: neither goes here; the
    # classifier weighs the looser copies, under a label or with a credit, with the rest.)
    if learned is not None and any(feats.dense[:, _COPIES_COL]):
        openings = [ln.key + " " for ln in lines if ln.is_body()]
        for ln in lines:
            pos = ln.pos
            # (a line above the text of a page without a title may be its headline)
            if feats.dense[pos, _COPIES_COL] and pos not in labels and pos != title_pos and 4 <= ln.n_words \
                    and not ln.ends_sentence and (title_pos is not None or pos > first_body) \
                    and any(o.startswith(ln.key + " ") for o in openings):
                put(pos, "image_caption", "copies_paragraph", 0.8)
    # 4b1. a numbered list (three lines or more numbered in sequence: «(1) …», «2- …»),
    # or a run of lines in one frame («• …», «<time> | …», «… - <time>»): one widget,
    # decided as a whole, when the classifier or the rules took most of its items
    if learned is not None:
        runs = [(run, 2) for run in _numbered_runs(lines)] + [(run, 3) for run in _framed_runs(lines)]
        for run, k in runs:
            # (a run in one frame, «- …» or «• …», may be an article's own list: two
            # thirds of its items must be taken, half of a list numbered in sequence)
            taken_items = sum(1 for q in run if q in labels)
            # a list numbered in sequence below the text, with only removed lines under it
            # and no colon above announcing it, one of its items taken or its frame at the
            # end of the source's other pages: the page's list of other stories
            before = next((q for q in range(run[0] - 1, -1, -1) if q not in labels), None)
            trailing = k == 2 and run[-1] + 1 < n and all(q in labels for q in range(run[-1] + 1, n)) \
                and before is not None and not _announces(lines[before]) \
                and (taken_items > 0 or (stats is not None
                                         and stats.tail_list_count(doc.source, lines[run[0]]) >= stats.threshold(doc.source)))
            if (trailing or taken_items * k >= len(run) * (k - 1)) and title_pos not in run:
                for q in run:
                    put(q, learned.category[q], "numbered_list", round(float(max(learned.p_boiler[q], 0.5)), 3))
    # 4b'. above a headline that the ranker found, before any paragraph of the text:
    # page furniture (menus, tickers, widgets, banners); a paragraph there is kept
    if learned is not None and title_pos is not None and not doc.title_from_container:
        if not any(lines[k].is_body() and learned.p_boiler[k] < 0.5 for k in range(title_pos)):
            for pos in range(title_pos):
                if pos not in labels:
                    put(pos, learned.category[pos], "above_title", round(float(max(learned.p_boiler[pos], 0.5)), 3))
    # 4b''. widget blocks: a line the classifier leans towards boilerplate (p ≥ 0.5, not a
    # paragraph) between two removed lines, or after the text has ended (after the last
    # paragraph and a removed line below it), belongs to the block around it
    if learned is not None:
        def prose(k: int) -> bool:
            return lines[k].is_body() and learned.p_boiler[k] < 0.5

        kept_prose = [k for k in range(n) if k not in labels and k != title_pos and prose(k)]
        last_prose = kept_prose[-1] if kept_prose else n
        ended = False
        for pos in range(last_prose + 1, n):
            if pos in labels:
                ended = True
            elif ended and learned.p_boiler[pos] >= _BLOCK_MIN and not prose(pos):
                put(pos, learned.category[pos], "footer_block", round(float(learned.p_boiler[pos]), 3))
        # the head of that block: lines between the last paragraph and a removed block
        # that runs to the end of the page («استطلاع الرأي» over the poll's lines)
        tail = n
        while tail > last_prose + 1 and tail - 1 in labels:
            tail -= 1
        if n - tail >= 2:
            for pos in range(last_prose + 1, tail):
                if pos not in labels and pos != title_pos and learned.p_boiler[pos] >= _BLOCK_MIN and not prose(pos) \
                        and all(q in labels or learned.p_boiler[q] >= _BLOCK_MIN for q in range(pos, tail)):
                    put(pos, learned.category[pos], "footer_block", round(float(learned.p_boiler[pos]), 3))
        for pos in range(1, n - 1):
            if pos not in labels and pos != title_pos and pos - 1 in labels and pos + 1 in labels \
                    and learned.p_boiler[pos] >= _BLOCK_MIN and not prose(pos):
                put(pos, learned.category[pos], "inside_block", round(float(learned.p_boiler[pos]), 3))
    # 4b-announced. what a kept line announces with a colon («وتقول كلمات القصيدة:»,
    # «وجاءت التطبيقات كالتالي:») is the article's: the poem's verses or the list's items
    # that only the classifier took (short lines, no verb, no full stop) are kept
    if learned is not None:
        pos = 0
        while pos < n - 1:
            ln = lines[pos]
            if pos in labels or pos == title_pos or ln.n_words < 3 or not _announces(ln):
                pos += 1
                continue
            q = pos + 1
            while q < n and q - pos <= _ANNOUNCED_MAX_LINES and (
                    q not in labels or labels[q][1] in _CLASSIFIER_RULES):
                if q in labels and ("@" in lines[q].text or _URL_IN_LINE_RE.search(lines[q].norm)):
                    pass  # a contact address or a link announced («للتواصل:») stays out
                elif q in labels:
                    notes[q] = f"announced by line {lines[pos].no} («…:»): kept (classifier: {labels[q][1]} {labels[q][2]})"
                    del labels[q]
                q += 1
            pos = q
    # 4b-lists. the lists are the article (a weekly chart of apps under a one-line intro):
    # when what is left is one short paragraph (and short lines) and most of the page below
    # it is short item lines that only the classifier, the list rule or the source's
    # repetition took, they stay (above it, a page's header widgets look the same)
    if learned is not None:
        left = [k for k in range(n) if k not in labels and k != title_pos]
        soft = [k for k, (_c, rule, _p) in labels.items() if k > (left[0] if left else n)
                and (rule in _CLASSIFIER_RULES or rule in ("repeated_in_source", "repeated_shape"))
                and 1 <= lines[k].n_words <= 12 and (not lines[k].ends_sentence or _list_number(lines[k]) is not None)]
        long_left = [k for k in left if lines[k].n_words > 12]
        if left and len(long_left) <= 1 and sum(lines[k].n_words for k in left) <= 90 and len(soft) >= 6 \
                and len(soft) * 4 >= 3 * sum(1 for k in labels if k > left[0]):
            for k in soft:
                notes[k] = f"one of {len(soft)} items under the only paragraph: the lists are the article, kept " \
                           f"({labels[k][1]} {labels[k][2]})"
                del labels[k]
    # 4c. sub-line templates: a byline/dateline opening the first paragraph, a footer
    # glued to the last one (prefixes and suffixes repeated across the source)
    cuts: dict[int, tuple[int, int]] = {}  # pos -> (start, end) of the text kept in the line
    mids: dict[int, tuple[int, int]] = {}  # pos -> (start, end) of a credit cut out of the line's middle
    partial: list[RemovedLine] = []
    kept_pos = [ln.pos for ln in lines if ln.pos not in labels and ln.pos != title_pos]
    author_cut = _author_prefix(lines[kept_pos[0]], doc.author) if kept_pos and doc.author else 0
    # a line that the source repeats on its own, glued to the start of the text
    glued_cut = _repeated_line_prefix(lines[kept_pos[0]], stats, doc.source) \
        if kept_pos and stats is not None and not author_cut else 0
    # a share bar glued to the start of the text («شارك من خلال تويتر فيسبوك … اكتب رأيك أكد …»)
    share_cut = _share_prefix(lines[kept_pos[0]]) if kept_pos and not author_cut and not glued_cut else 0
    glued_cut = glued_cut or share_cut
    has_templates = stats is not None and bool(stats.templates().get(doc.source or ""))
    opens_highlights = bool(kept_pos) and _is_bullet(lines[kept_pos[0]].text)
    if has_templates or author_cut or glued_cut or opens_highlights:
        # heads are read on the first lines, and on the first line after a run of bullet
        # lines that opens the text (an interview's highlights, then «حوار: فلان- سبق- الرياض:»)
        head_pos = set(kept_pos[: tpl.EDGE_LINES])
        lead = 0
        while lead < len(kept_pos) - 1 and _is_bullet(lines[kept_pos[lead]].text):
            lead += 1
        if lead:
            head_pos.add(kept_pos[lead])
        edge = head_pos | set(kept_pos[-tpl.EDGE_LINES:]) if has_templates else {kept_pos[0]}
        tkey = line_key(title) if title else ""
        sets = stats.edge_sets(doc.source) if has_templates and stats is not None else _NO_EDGE_SETS
        for pos in sorted(edge):
            ln = lines[pos]
            start, end = (author_cut or glued_cut, len(ln.text)) if pos == kept_pos[0] else (0, len(ln.text))
            run_end: int | None = None
            suffix_cat: str | None = None
            rule = "author_prefix" if start and author_cut else "share_prefix" if start and share_cut \
                else "template_prefix"
            if has_templates:
                assert stats is not None
                in_tail = pos in kept_pos[-tpl.EDGE_LINES:]
                head, tail = tpl.edge_pieces(ln.text, tkey, ln.key, head=pos in head_pos, tail=in_tail)
                if pos in head_pos:
                    hit = stats.longest_template(doc.source, tpl.heads(head), tail=False)
                    if hit and hit[1] > start:
                        start, rule = hit[1], "template_prefix"
                    # a byline template behind an interview's credits («حوار: فلان، تصوير:
                    # فلان- سبق- الرياض:»): the credits go with it
                    for skip in _credit_skips(ln.text):
                        shead, _ = tpl.edge_pieces(ln.text[skip:], tkey, tail=False)
                        hit = stats.longest_template(doc.source, tpl.heads(shead), tail=False)
                        if hit and skip + hit[1] > start:
                            start, rule = skip + hit[1], "template_prefix"
                if in_tail:
                    hit = stats.longest_template(doc.source, tpl.tails(tail, ln.text, sets.tail_openers), tail=True)
                    if hit and hit[1] >= start:
                        end = hit[1]
                    elif start == 0 and tkey and _opens_with_title_footer(ln.key, tkey, sets.title_footers):
                        # the footer, then a teaser glued after the title («رابط الخبر بصحيفة
                        # الوئام: <T> هذا الخبر يتبع لـ …»): the page goes on after the text ended
                        end = 0
                    glued = glued_list_header(ln.text[:end]) if sets.list_headers else None
                    if glued is not None and glued[1] in sets.list_headers and glued[0] >= start:
                        # the source's related-list widget glued after the last sentence
                        end, suffix_cat = glued[0], "related_articles"
                    if sets.run_literals:
                        # a tag widget glued to the end: «… أداء عمله. سمات أمانة حائل اغلاق مطعم»
                        cut = tpl.run_cut(ln.text[:end], sets.run_literals)
                        if cut is not None and cut >= start:
                            end, run_end = cut, end
            if pos in head_pos and _is_bullet(ln.text[start:end]):
                credit = _interview_credit(ln.text, start, end)
                if credit is not None and ln.text[start:credit[0]].strip() and ln.text[credit[1]:end].strip():
                    mids[pos] = credit[:2]
                    partial.append(RemovedLine(line_no=ln.no, text=ln.text[credit[0]:credit[1]].strip(),
                                               category="byline", rule="interview_credit", confidence=0.85,
                                               char_start=ln.offset + credit[0]))
                    if byline is None and not _byline_shaped(doc.author):
                        byline = credit[2]
            if (start, end) == (0, len(ln.text)):
                continue
            rest = Line(pos=0, no=0, text=ln.text[start:end])
            if not rest.key or (rule == "author_prefix" and end == len(ln.text) and rest.n_words <= 3
                                and not rest.ends_sentence):
                # nothing but the template or the byline («الرياضي ـ وكالات»): the whole line goes
                if rule == "author_prefix":
                    put(pos, "byline", "container_author", 0.9)
                elif run_end is not None and run_end == len(ln.text):
                    put(pos, "navigation", "template_run", 0.85)
                else:
                    put(pos, suffix_cat or "other", "template_line", 0.85)
                continue
            cuts[pos] = (start, end)
            if start:
                cut_text = ln.text[:start].rstrip()
                if rule == "share_prefix":
                    cat = "social"
                else:
                    info = parse_dateline(cut_text.rstrip(" :-–—|"), ref)
                    cat = "dateline" if info is not None else "byline"
                    if info is not None and info.kind != "updated":
                        published = published or info.when
                    elif byline is None and not _byline_shaped(doc.author):
                        byline = cut_text.rstrip(" :-–—|") or None
                partial.append(RemovedLine(line_no=ln.no, text=cut_text, category=cat, rule=rule,
                                           confidence=0.85, char_start=ln.offset))
            if end < len(ln.text):
                if run_end is not None:
                    # the tag run, then whatever footer template followed it
                    partial.append(RemovedLine(line_no=ln.no, text=ln.text[end:run_end].strip(), category="navigation",
                                               rule="template_run", confidence=0.85,
                                               char_start=ln.offset + _skip_space(ln.text, end)))
                    end_rest = run_end
                else:
                    end_rest = end
                if end_rest < len(ln.text):
                    cut_text = ln.text[end_rest:].strip()
                    cat = suffix_cat or _guess_category(Line(pos=0, no=0, text=cut_text))
                    partial.append(RemovedLine(line_no=ln.no, text=cut_text, category=cat, rule="template_suffix",
                                               confidence=0.85, char_start=ln.offset + end_rest))

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
    author, author_date = split_author_date(doc.author)
    if published is None and doc.published_at is None:
        published = author_date or _published_from_text_or_url(
            doc, [lines[p].text for p in kept_pos[:2] if p not in labels], ref)
    if byline is None and author and not is_sentence(author) and not _is_bullet(author):
        byline = author.strip() or None  # an author field holding the first bullet is no byline
    parts = split_byline(byline, stats.outlets(doc.source) if stats is not None else (),
                         stats.own_names(doc.source) if stats is not None else ())
    removed = [
        RemovedLine(line_no=lines[p].no, text=lines[p].text, category=c, rule=r, confidence=conf,
                    char_start=lines[p].offset if lines[p].part else None)
        for p, (c, r, conf) in sorted(labels.items())
    ]
    removed = sorted(removed + partial, key=lambda rl: (rl.line_no, rl.char_start or 0))
    def kept_text(ln: Line) -> str:
        start, end = cuts.get(ln.pos, (0, len(ln.text)))
        if ln.pos in mids:  # the highlights above the credit, the text after it: two lines
            a, b = mids[ln.pos]
            return ln.text[start:a].strip() + "\n" + ln.text[b:end].strip()
        return ln.text[start:end].strip() if ln.pos in cuts else ln.text

    kept = [kept_text(ln) for ln in lines if ln.pos not in labels and ln.pos != title_pos]
    if title and stats is not None:
        # a desk label before the title («سياسي /») is its section; a wire's «/ إضافة أولى» goes
        prefixes, suffixes = stats.title_label_sets(doc.source)
        if prefixes or suffixes:
            title, label, _suffix = tpl.strip_title(title, prefixes, suffixes)
            section = section or label
    return CleanDocument(
        clean_text="\n".join(kept),
        title=title,
        byline=byline,
        byline_person=parts.person,
        byline_outlet=parts.outlet,
        dateline_place=parts.place,
        section=section,
        published_at=published,
        updated_at=updated,
        removed=removed,
        kept_notes=[(lines[p].no, reason) for p, reason in sorted(notes.items()) if p not in labels],
    )
