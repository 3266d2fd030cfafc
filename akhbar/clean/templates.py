"""Sub-line templates: the prefix or suffix of a line that one source repeats in many
documents with variable slots («حاتم العميري- سبق- مكة المكرمة: يصرخ أهالي …»,
«… عمل انتحاري. رابط الخبر بصحيفة الوئام: <title>»).

A line is cut into *segments* at delimiter groups (``:`` ``|`` ``( )`` ``« »`` quotes,
a dash or slash next to a space, a sentence end).  A line's *head* is its first
segments up to a delimiter; its *tail* its last segments from just after one.  Each
head/tail is keyed by its normalised segments (digits folded to ``0``, the document's
own title masked as ``<T>``) and delimiters.

Mining (in :class:`akhbar.clean.LineStats`) counts, per source, in how many documents
each segment opens or closes one of the first/last lines, and each head/tail key.  A
*template* is a skeleton of a head/tail in which every segment is either a frequent
literal (seen at the edge of ≥ threshold documents) or a slot (a short segment of 1–4
words: a name, a city, a date; or the title), that contains at least one literal and
that itself occurs in ≥ threshold documents.  A tail template starts with a literal.

Pure functions; no per-site rule.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection

from akhbar.clean._text import FUNCTION_WORDS, line_key
from akhbar.clean.related import glued_list_header

# A delimiter: always «:», «|», brackets and quotes; a dash unless between digits
# («العميري-سبق» yes, «2015-07-21» no); a slash next to a space («2015/07/21» no);
# a sentence end before a space.
_D1 = (
    r"(?:[:：|()«»“”\"؛]|(?<!\d)[\-–—]|[\-–—](?!\d)|(?:(?<=\s)|^)/|/(?=\s|$)|[.!?؟…](?=\s|$|[«»“”\"]))"
)
_DELIM_GROUP_RE = re.compile(rf"\s*{_D1}(?:\s*{_D1})*\s*")
_DIGITS_RE = re.compile(r"\d+")
_DASHES = str.maketrans({"–": "-", "—": "-", "：": ":", "؛": "."})
# a head template ends where a byline or dateline ends: at a colon, a dash, a bar or a slash
# («… سبق- جدة:»), not at a closing quote («وقال لـ«عكاظ»» is a sentence)
_HEAD_END = frozenset(":-|/")
_OPENERS = "«“\"(["
_EITHER_QUOTES = "“\""  # open or close a quotation, as the writer's keyboard has it

EDGE_LINES = 2  # heads of the first EDGE_LINES lines, tails of the last EDGE_LINES lines
MAX_SEGMENTS = 4  # segments in a head or tail
MAX_SEGMENT_WORDS = 6  # a longer segment is running text, not part of a template
MAX_TEMPLATE_WORDS = 14
MAX_SLOT_WORDS = 4  # a slot is a name, a city, a date: a few words
TITLE = "<T>"
SLOT = "*"


class Piece:
    """A segment (``delim`` False) or a delimiter group of one line; offsets into the line.

    ``key`` (segment: normalised words, «0» for numbers, <T> for the title; delimiter:
    canonical chars) and ``words`` are computed on first use: :func:`heads` and
    :func:`tails` stop at the first long segment, so most segments of a paragraph's
    window are never keyed."""

    __slots__ = ("raw", "start", "end", "delim", "cut", "_key", "_words")

    def __init__(self, raw: str, start: int, end: int, delim: bool, cut: bool = False) -> None:
        self.raw = raw  # the (title-masked) text of the piece
        self.start = start
        self.end = end
        self.delim = delim
        self.cut = cut  # a segment cut by the window: it cannot join a template
        self._key: str | None = None
        self._words = 0

    def _compute(self) -> None:
        if self.delim:
            self._key, self._words = _delim_key(self.raw), 0
        else:
            self._key, self._words = _segment_key(self.raw)
            if self.cut:
                self._words = 10**6

    @property
    def key(self) -> str:
        if self._key is None:
            self._compute()
        return self._key  # type: ignore[return-value]

    @property
    def words(self) -> int:
        if self._key is None:
            self._compute()
        return self._words

    def __repr__(self) -> str:
        return f"Piece({self.key!r}, {self.start}, {self.end}, {self.words}, {self.delim})"


def _delim_key(text: str) -> str:
    out = re.sub(r"\s+", "", text.translate(_DASHES))
    return re.sub(r"(.)\1+", r"\1", out)


_TITLE_CHAR = "\ue000"  # private-use placeholder: neither a delimiter nor a space
_TITLE_RUN_RE = re.compile(_TITLE_CHAR + "+")
_TITLE_WORD = "ttitlemaskk"  # what line_key makes of the placeholder run


def digits_to_zero(text: str) -> str:
    """Numbers as «0», as segment keys write them."""
    return _DIGITS_RE.sub("0", text)


def _segment_key(text: str) -> tuple[str, int]:
    """Normalised words of a segment (numbers as «0», the title as <T>) and how many
    words it has besides the title."""
    if _TITLE_CHAR in text:
        text = _TITLE_RUN_RE.sub(f" {_TITLE_WORD} ", text)
    words = _DIGITS_RE.sub("0", line_key(text)).split()
    n = sum(1 for w in words if w != _TITLE_WORD)
    return " ".join(TITLE if w == _TITLE_WORD else w for w in words), n


def _title_spans(text: str, title_key: str, text_key: str | None = None) -> list[tuple[int, int]]:
    """Character spans of the document's title where a line ends or starts with it."""
    if not title_key:
        return []
    key = text_key if text_key is not None else line_key(text)
    at_end, at_start = key.endswith(title_key), key.startswith(title_key)
    if not (at_end or at_start) or key == title_key:
        return []
    n_title = len(title_key.split())
    toks = list(re.finditer(r"\S+", text))
    spans = []
    # (a title written with spaced brackets and commas, «( 7 , 2 ) مليار», has more
    # tokens than words: up to twice as many are read)
    if at_end:
        window = toks[-(2 * n_title + 3):]
        for k in range(len(window) - 1, -1, -1):
            if line_key(text[window[k].start():]) == title_key:
                # a quote or bracket that opens the title on its own belongs to it («: ” صوامع …»)
                while k > 0 and _QUOTE_TOKEN_RE.fullmatch(window[k - 1].group()):
                    k -= 1
                spans.append((window[k].start(), len(text)))
                break
    if at_start:
        window = toks[: 2 * n_title + 3]
        for k in range(max(0, n_title - 3), len(window)):
            if line_key(text[: window[k].end()]) == title_key:
                while k + 1 < len(window) and _QUOTE_TOKEN_RE.fullmatch(window[k + 1].group()):
                    k += 1
                if not spans or window[k].end() <= spans[0][0]:
                    spans.append((0, window[k].end()))
                break
    return spans


_QUOTE_TOKEN_RE = re.compile(r"[«»“”\"'‘’()\[\]]+")


def split_pieces(text: str, title_key: str = "", text_key: str | None = None) -> list[Piece]:
    """Segments and delimiter groups of a line, alternating, starting and ending with a
    segment (possibly empty).  Where the line starts or ends with the document's title,
    the title is masked (keyed ``<T>``; delimiters inside it are ignored)."""
    return _pieces(text, _mask_title(text, title_key, text_key), 0, len(text))


def _mask_title(text: str, title_key: str, text_key: str | None) -> str:
    masked = text
    for s, e in _title_spans(text, title_key, text_key):
        masked = masked[:s] + _TITLE_CHAR * (e - s) + masked[e:]
    return masked


def _pieces(text: str, masked: str, lo: int, hi: int) -> list[Piece]:
    """Pieces of ``text[lo:hi]`` (offsets into ``text``).  A segment cut by the window
    (the first when ``lo`` > 0, the last when ``hi`` < len) cannot join a template."""
    pieces: list[Piece] = []
    pos = lo
    for m in _DELIM_GROUP_RE.finditer(masked, lo, hi):
        if m.end() == m.start():
            continue
        pieces.append(Piece(masked[pos: m.start()], pos, m.start(), False))
        pieces.append(Piece(masked[m.start(): m.end()], m.start(), m.end(), True))
        pos = m.end()
    pieces.append(Piece(masked[pos:hi], pos, hi, False))
    if lo > 0:
        pieces[0].cut = True
    if hi < len(text):
        pieces[-1].cut = True
    return pieces


_WINDOW = 240  # characters a head or tail template can span (besides the title)


def edge_pieces(text: str, title_key: str = "", text_key: str | None = None, *, head: bool = True,
                tail: bool = True) -> tuple[list[Piece], list[Piece]]:
    """Pieces of the start and of the end of a line, for :func:`heads` and :func:`tails`;
    only a window at each end is read (a paragraph can be thousands of characters).  A
    side not asked for (``head`` / ``tail`` False) comes back empty when the line is
    longer than the two windows."""
    masked = _mask_title(text, title_key, text_key)
    n = len(text)
    if n <= 2 * _WINDOW + len(title_key):
        whole = _pieces(text, masked, 0, n)
        return whole, whole
    head_pieces: list[Piece] = []
    tail_pieces: list[Piece] = []
    if head:
        hi = masked.find(" ", _WINDOW)
        head_pieces = _pieces(text, masked, 0, hi if hi > 0 else n)
    if tail:
        lo = masked.rfind(" ", 0, n - _WINDOW - len(title_key))
        tail_pieces = _pieces(text, masked, lo + 1 if lo >= 0 else 0, n)
    return head_pieces, tail_pieces


def heads(pieces: list[Piece]) -> list[tuple[tuple[str, ...], int]]:
    """Candidate heads, shortest first: (key, end offset of the cut)."""
    out = []
    words = 0
    keys: list[str] = []
    segs = 0
    for i in range(0, len(pieces) - 1, 2):
        seg, delim = pieces[i], pieces[i + 1]
        if seg.words > MAX_SEGMENT_WORDS:
            break
        words += seg.words
        if words > MAX_TEMPLATE_WORDS:
            break
        keys += [seg.key, delim.key]
        segs += 1
        if delim.key:
            out.append((tuple(keys), delim.end))
        if segs >= MAX_SEGMENTS:
            break
    return out


def tails(pieces: list[Piece], text: str | None = None,
          openers: Collection[str] | None = None) -> list[tuple[tuple[str, ...], int]]:
    """Candidate tails, shortest first: (key, start offset of the cut).  With ``text``,
    a tail may also start inside a segment, at one of its last words, when the footer is
    glued to the last sentence without punctuation («… لأجهزة أبل رابط الخبر …: <T>»):
    those candidates come after the others and only match when the words they start
    with are a frequent literal.  With ``openers`` (the first words of the source's tail
    templates), a candidate inside a segment is made only where its first word is one."""
    out = []
    words = 0
    segs = 0
    last = len(pieces) - 1
    for i in range(last, -1, -2):  # segment i starts the tail; pieces[i - 1] is the delimiter before it
        seg = pieces[i]
        rest = tuple(p.key for p in pieces[i + 1:])
        if text is not None and i < last and seg.words > 1:
            # the last k words of this segment as the first segment of the tail
            spans = [m.span() for m in re.finditer(r"\S+", text[seg.start: seg.end])]
            starts = [a for a, _ in spans]
            ends = [b for _, b in spans]
            for k in range(1, min(len(starts), MAX_SEGMENT_WORDS + 1)):
                cut = seg.start + starts[-k]
                if openers is not None:
                    first = _segment_key(text[cut: seg.start + ends[-k]])[0]
                    if first and first.split(" ", 1)[0] not in openers:
                        continue
                key, n = _segment_key(text[cut: seg.end])
                if n and words + n <= MAX_TEMPLATE_WORDS:
                    out.append(((key, *rest), cut))
        if seg.words > MAX_SEGMENT_WORDS:
            break
        words += seg.words
        if words > MAX_TEMPLATE_WORDS:
            break
        segs += 1
        before = pieces[i - 1] if i >= 1 else None
        if i >= 2 and before.key and seg.key and (before.key[-1] not in _OPENERS or (
                before.key[-1] in _EITHER_QUOTES and before.raw[-1:].isspace())):
            # (a tail does not start inside quotes or brackets; «“» or «"» with a space
            # after it closes a quotation: «… Default.aspx“  رابط الخبر …»)
            out.append(((seg.key, *rest), seg.start))
        elif i == 0 and seg.key and len(pieces) >= 3:
            # the whole line: the same footer on a line of its own («رابط الخبر بصحيفة
            # الوئام: <T>» glued to the last paragraph in some documents, alone in others)
            out.append(((seg.key, *rest), seg.start))
        if segs >= MAX_SEGMENTS:
            break
    return out


def is_slot(key: str) -> bool:
    return key == TITLE or (TITLE not in key and 1 <= len(key.split()) <= MAX_SLOT_WORDS)


def skeletons(key: tuple[str, ...], frequent: set[str] | frozenset[str], tail: bool) -> list[tuple[str, ...]]:
    """The templates a head/tail key may instantiate: each segment (even positions) a
    frequent literal or a slot; at least one literal; a tail opens with a literal, a head
    ends with a colon, dash, bar or slash; two
    segments at least, unless the one literal has three words or more (a lone word
    closing a line, «وسلامتكم.», is a habit of a writer, not a template)."""
    options: list[list[str]] = []
    for i, part in enumerate(key):
        if i % 2:  # delimiter
            options.append([part])
            continue
        if part == TITLE:
            options.append([TITLE])
            continue
        if part == "":
            options.append([""])
            continue
        opts = []
        if part in frequent:
            opts.append(part)
        if is_slot(part):
            opts.append(SLOT)
        if not opts:
            return []
        options.append(opts)
    out = []
    for combo in itertools.product(*options):
        literals = [c for i, c in enumerate(combo) if i % 2 == 0 and c not in (SLOT, TITLE, "")]
        if not literals:
            continue
        if tail and combo[0] in (SLOT, TITLE, ""):
            continue
        if not tail and not _HEAD_END & set(combo[-1]):
            continue
        if sum(1 for i, c in enumerate(combo) if i % 2 == 0 and c) < 2 and len(literals[0].split()) < 3:
            continue
        out.append(tuple(combo))
    return out


def edge_candidates(
    lines: list[str], title_key: str, line_keys: list[str] | None = None
) -> tuple[set[tuple[str, ...]], set[str]]:
    """What one document contributes to mining: head keys ("H", …) of its first lines and
    tail keys ("T", …) of its last lines, and the segments in them."""
    keys: set[tuple[str, ...]] = set()
    segs: set[str] = set()
    n = len(lines)
    for idx in sorted(set(range(min(EDGE_LINES, n))) | set(range(max(0, n - EDGE_LINES), n))):
        head, tail = edge_pieces(lines[idx], title_key, line_keys[idx] if line_keys else None,
                                 head=idx < EDGE_LINES, tail=idx >= n - EDGE_LINES)
        if idx < EDGE_LINES and len(head) >= 3:
            for key, _end in heads(head):
                keys.add(("H", *key))
                segs.update(key[0::2])
        if idx >= n - EDGE_LINES and len(tail) >= 3:
            for key, _start in tails(tail):
                keys.add(("T", *key))
                segs.update(key[0::2])
        if idx >= n - EDGE_LINES:
            run = run_candidate(lines[idx])
            if run is not None:
                keys.add(("R", *run))
            glued = glued_list_header(lines[idx])
            if glued is not None:
                keys.add(("G", glued[1]))
    segs.discard("")
    segs.discard(TITLE)
    return keys, segs


# --------------------------------------------------------------------------- word runs
# A widget glued to the end of the last line as one unpunctuated run of variable words
# opened by a fixed word («… أداء عمله. سمات أمانة حائل اغلاق مطعم»): no delimiter cuts
# it, so no skeleton covers it.  Mining counts the word that opens a run of 1 to
# MAX_RUN_WORDS plain words ending the line after a sentence end (or the whole line);
# the word is a *run literal* when it opens such runs in ≥ threshold documents and the
# runs vary (the word after it differs from document to document).

MAX_RUN_WORDS = 10
_PLAIN_RE = re.compile(r"^\w+$")
_TOKEN_RE = re.compile(r"\S+")
_SENT_END_CHARS = ".!?؟…"


def _run_ok(keys: list[str]) -> bool:
    """Words of a tag run: content words (no function word)."""
    return all(k and k not in FUNCTION_WORDS for k in keys)


def _plain_tail(text: str) -> tuple[list[re.Match[str]], int, int, bool]:
    """The last tokens of a line (at most MAX_RUN_WORDS + 2), how many of them, from the
    end, are plain words (letters and digits only), the offset of the window they were
    read from, and whether they are the whole line."""
    lo = max(0, len(text) - 40 * (MAX_RUN_WORDS + 2))
    lo = text.find(" ", lo) + 1 if lo else 0
    found = list(_TOKEN_RE.finditer(text, lo))
    toks = found[-(MAX_RUN_WORDS + 2):]
    whole = lo == 0 and len(toks) == len(found)
    k = 0
    while k < len(toks) and _PLAIN_RE.match(toks[-1 - k].group(0)):
        k += 1
    return toks, k, lo, whole


def run_candidate(text: str) -> tuple[str, str] | None:
    """(opening word, next word), normalised, of the run of plain words that ends a line
    after a sentence end or that is the whole line; None when there is none."""
    toks, k, _lo, whole = _plain_tail(text)
    if k < 2 or k - 1 > MAX_RUN_WORDS:
        return None
    if k < len(toks):
        if toks[-1 - k].group(0)[-1] not in _SENT_END_CHARS:
            return None
    elif not whole:
        return None  # a longer line of plain words: prose without punctuation
    keys = [line_key(m.group(0)) for m in toks[-k:]]
    if not _run_ok(keys) or keys[0].isdigit():
        return None
    return keys[0], keys[1]


def run_cut(text: str, literals: frozenset[str] | set[str]) -> int | None:
    """Where a run opened by a run literal starts at a line's end (also when the run is
    glued to the sentence without punctuation); None when there is none."""
    toks, k, _lo, whole = _plain_tail(text)
    if k < 2:
        return None
    keys = [line_key(m.group(0)) for m in toks]
    for i in range(max(len(toks) - k, len(toks) - MAX_RUN_WORDS - 1), len(toks) - 1):
        if keys[i] in literals and _run_ok(keys[i + 1:]):
            if i == 0 and not whole:
                return None
            return toks[i].start()
    return None


# --------------------------------------------------------------------------- title labels
# A wire or a desk writes a label before or after its titles, cut off by a slash or a bar
# («سياسي / معالي وزير الخارجية يلتقي نظيره الروسي», «… / إضافة أولى واخيرة»).  Mining
# counts, per source, the first and the last segment of each title (1 to 4 words, the rest
# of the title 3 words at least); a segment seen in ≥ threshold titles is a label.

_TITLE_DELIM_RE = re.compile(r"\s*(?:\||(?<!\d)/|/(?!\d))\s*")
MAX_LABEL_WORDS = 4


def title_affixes(title: str) -> tuple[str | None, str | None]:
    """Normalised first and last segments of a title that could be labels."""
    parts = [m for m in _TITLE_DELIM_RE.finditer(title)]
    if not parts:
        return None, None
    first, last = title[: parts[0].start()], title[parts[-1].end():]
    pre = suf = None
    k_first, k_last = line_key(first), line_key(title[parts[0].end():])
    if 1 <= len(k_first.split()) <= MAX_LABEL_WORDS and not _DIGITS_RE.search(k_first) and len(k_last.split()) >= 3:
        pre = k_first
    k_suf, k_rest = line_key(last), line_key(title[: parts[-1].start()])
    if 1 <= len(k_suf.split()) <= MAX_LABEL_WORDS and not _DIGITS_RE.search(k_suf) and len(k_rest.split()) >= 3:
        suf = k_suf
    return pre, suf


def strip_title(title: str, prefixes: Collection[str], suffixes: Collection[str]) -> tuple[str, str | None, str | None]:
    """The title without a mined label at its start or end: (title, prefix, suffix), the
    labels as written (None when absent)."""
    pre, suf = title_affixes(title)
    parts = list(_TITLE_DELIM_RE.finditer(title))
    prefix = suffix = None
    lo, hi = 0, len(title)
    if suf is not None and suf in suffixes:
        suffix = title[parts[-1].end():].strip()
        hi = parts[-1].start()
    if pre is not None and pre in prefixes and parts[0].end() <= hi:
        prefix = title[: parts[0].start()].strip()
        lo = parts[0].end()
    rest = title[lo:hi].strip()
    if len(line_key(rest).split()) < 2:
        return title, None, None
    return rest, prefix, suffix


def render(skeleton: tuple[str, ...]) -> str:
    """A template as text, for reports: «* - سبق - * :»."""
    return " ".join(p for p in skeleton[1:] if p)


__all__ = [
    "EDGE_LINES",
    "Piece",
    "edge_candidates",
    "digits_to_zero",
    "edge_pieces",
    "heads",
    "is_slot",
    "render",
    "run_candidate",
    "run_cut",
    "skeletons",
    "split_pieces",
    "strip_title",
    "title_affixes",
    "tails",
]
