"""Line shape features shared by the boilerplate rules."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from akhbar.text import collapse_spaces, fold_match

_PUNCT_RE = re.compile(r"[^\w\s]|_")
_NON_WORD_RE = re.compile(r"[^\w\s]")  # with "_" replaced first: _PUNCT_RE's result, faster


def _depunct(text: str) -> str:
    return _NON_WORD_RE.sub(" ", text.replace("_", " "))
_LATIN_RE = re.compile(r"[A-Za-z]")
_ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
_DIGIT_RE = re.compile(r"\d")
SENTENCE_END = ".؟?!…"
CLOSERS = "\"'»”’)]»"


def line_key(text: str) -> str:
    """Normalised, punctuation-free, lower-cased form used to compare lines."""
    return collapse_spaces(_depunct(fold_match(text)).lower())


# Characters for which lower-casing before or after the punctuation pass of
# :func:`line_key` differs («İ» lower-cases to «i» + a combining dot that is not a word
# character; «Σ» lower-cases by its context, which the pass changes).  A line without
# them has ``key == line_key(text)`` (checked on every code point, tests/test_clean.py).
_ORDER_SENSITIVE = ("\u0130", "\u03a3")


def _collapse(text: str) -> str:
    """collapse_spaces(text), without splitting a text that has nothing to collapse:
    every whitespace character but the space is non-printable (checked on every code
    point, tests/test_clean.py), so a printable text without two spaces in a row or a
    space at either end is unchanged by it."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return collapse_spaces(text)
_UNSET = None


@dataclass(slots=True)
class Line:
    pos: int  # index among the non-empty lines
    no: int  # 0-based line number in raw_text
    text: str  # stripped original text
    norm: str = ""  # fold_match() + collapsed spaces, lower-cased
    key: str = ""  # line_key()
    words: list[str] = field(default_factory=list)  # words of key
    offset: int = 0  # where ``text`` starts in the raw line (leading spaces stripped)
    n_words: int = field(default=0, repr=False, compare=False)  # len(words)
    part: bool = field(default=False, compare=False)  # one of several parts of a raw line (make_lines)
    # computed on first use (a line is read by many rules; the text never changes)
    _exact_key: str | None = field(default=_UNSET, repr=False, compare=False)
    _latin: float | None = field(default=_UNSET, repr=False, compare=False)
    _ends: bool | None = field(default=_UNSET, repr=False, compare=False)
    _body: bool | None = field(default=_UNSET, repr=False, compare=False)
    _digit: bool | None = field(default=_UNSET, repr=False, compare=False)
    _memo: dict | None = field(default=_UNSET, repr=False, compare=False)  # see line_memo

    def __post_init__(self) -> None:
        folded = fold_match(self.text)
        self.norm = _collapse(folded).lower()
        # key = collapse_spaces(_depunct(norm)), words = key.split(), with one split
        self.words = _depunct(self.norm).split()
        self.key = " ".join(self.words)
        self.n_words = len(self.words)
        if _ORDER_SENSITIVE[0] in folded or _ORDER_SENSITIVE[1] in folded:
            self._exact_key = collapse_spaces(_depunct(folded).lower())

    @property
    def exact_key(self) -> str:
        """``line_key(self.text)``, without normalising the text again (equal to ``key``
        but for the rare order-sensitive characters)."""
        k = self._exact_key
        return self.key if k is None else k

    @property
    def ends_sentence(self) -> bool:
        e = self._ends
        if e is None:
            t = self.text.rstrip(CLOSERS + " ")
            e = self._ends = bool(t) and t[-1] in SENTENCE_END
        return e

    @property
    def latin_share(self) -> float:
        v = self._latin
        if v is None:
            latin = len(_LATIN_RE.findall(self.text))
            if not latin:  # 0 whatever the Arabic letters (counting them is the slow part)
                v = self._latin = 0.0
                return v
            arabic = len(_ARABIC_LETTER_RE.findall(self.text))
            v = self._latin = latin / (latin + arabic)
        return v

    @property
    def has_digit(self) -> bool:
        v = self._digit
        if v is None:
            v = self._digit = bool(_DIGIT_RE.search(self.norm))
        return v

    @property
    def has_letters(self) -> bool:
        return any(c.isalpha() for c in self.text)

    def is_body(self) -> bool:
        """Looks like a running-text paragraph (not a heading, label or list item)."""
        v = self._body
        if v is None:
            n = self.n_words
            v = self._body = n >= 15 or (n >= 8 and self.ends_sentence and "،" in self.text) or (
                n >= 10 and self.ends_sentence
            )
        return v


_MISSING = object()


def line_memo(fn):
    """Remember a rule's answer on the line: for a pure function of the line's text,
    asked of the same line by the features, by the block finders and by the cascade."""

    def memoised(line: Line):
        memo = line._memo
        if memo is None:
            memo = line._memo = {}
        v = memo.get(fn, _MISSING)
        if v is _MISSING:
            v = memo[fn] = fn(line)
        return v

    memoised.__name__ = fn.__name__
    memoised.__qualname__ = fn.__qualname__
    memoised.__doc__ = fn.__doc__
    memoised.__wrapped__ = fn
    return memoised


# A slider's controls («Next Previous», «السابق التالي») scraped into the middle of a line
# between a gallery's captions, a byline and the text: where they share a line with other
# text, they part it (each part a Line of its own, ``part`` set, ``offset`` into the raw line).
_SLIDER_RE = re.compile(r"(?<![^\W\d_])(?:Next\s+Previous|Previous\s+Next|السابق\s+التالي|التالي\s+السابق)(?![^\W\d_])")


def is_slider_controls(text: str) -> bool:
    """The text is a slider's controls and nothing else («Next Previous»)."""
    return _SLIDER_RE.fullmatch(text.strip()) is not None


# Page code scraped into the text: a style sheet or a script («#vote_area2 ul { padding: 0; …
# } … jQuery(document).ready(function(){ … });») glued into a paragraph.  Its start is a CSS
# rule (selector, «{», a property and «:») or a script's opening; it runs to the last «}» or
# «;» after which the text is prose again.  Written by hand: trafilatura drops <style> and
# <script> elements from HTML, but these records are text where the code is already inline.
_CSS_SELECTOR = r"[#.]?[A-Za-z_][\w-]*(?:\[[^\]\n]{0,40}\])?(?::[a-z-]+)?"
_CSS_RULE_RE = re.compile(r"\{\s*[a-z-]+\s*:")  # «{ padding:»: a rule's body opens
# the selectors before it (read back over at most 80 characters, so a long run of Latin prose
# is not walked again from every position)
_CSS_SELECTORS_RE = re.compile(_CSS_SELECTOR + r"(?:(?:\s*[>+~,]\s*|\s+)" + _CSS_SELECTOR + r")*\s*$")
_JS_START_RE = re.compile(
    r"\bjQuery\s*[.(]|\$\(\s*(?:document|window)\b|\bfunction\s*\(\s*\w*\s*\)\s*\{"
    r"|\bvar\s+[A-Za-z_$][\w$]*\s*=|\bdocument\.(?:write|getElement\w*|querySelector\w*)\s*\("
    r"|\bgoogletag\.|\(adsbygoogle\b"
)
_CODE_MIN_CHARS = 40  # a span shorter than this, or with fewer than three of «{ } ;», is no page code
_CODE_MAX_ARABIC = 0.15  # share of Arabic letters among the span's letters (a script's strings may be Arabic)


def _arabic_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u0600" <= c <= "\u06ff") / len(letters)


_JS_MARKERS = ("jQuery", "$(", "function", "var ", "document.", "googletag", "adsbygoogle")


def _code_start(raw: str, pos: int) -> int | None:
    """Where the first style rule or script opening at or after ``pos`` starts, or None."""
    found: list[int] = []
    js = _JS_START_RE.search(raw, pos) if any(k in raw for k in _JS_MARKERS) else None
    if js is not None:
        found.append(js.start())
    for m in (_CSS_RULE_RE.finditer(raw, pos) if "{" in raw else ()):
        back = max(pos, m.start() - 80)
        sel = _CSS_SELECTORS_RE.search(raw, back, m.start())
        if sel is not None:
            found.append(sel.start())
            break
    return min(found) if found else None


def code_spans(raw: str) -> list[tuple[int, int]]:
    """(start, end) of each run of page code (CSS or JavaScript) in a raw line; none in prose."""
    if "{" not in raw and not any(k in raw for k in _JS_MARKERS):
        return []
    spans: list[tuple[int, int]] = []
    pos = 0
    while True:
        a = _code_start(raw, pos)
        if a is None:
            return spans
        ends = [k + 1 for k in range(a, len(raw)) if raw[k] in "};"]
        end = next((e for e in reversed(ends) if _arabic_share(raw[a:e]) <= _CODE_MAX_ARABIC), None)
        if end is not None and end - a >= _CODE_MIN_CHARS and sum(raw.count(c, a, end) for c in "{};") >= 3:
            spans.append((a, end))
            pos = end
        else:
            pos = a + 1


def is_embedded_code(text: str) -> bool:
    """The text is page code and nothing else (a part that :func:`make_lines` cut out)."""
    spans = code_spans(text)
    return len(spans) == 1 and spans[0] == (0, len(text))


def _parts(raw: str, cuts: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """(offset, stripped text) of the parts of a raw line around ``cuts`` (each cut a part of
    its own); one part when there is no cut, or the cut is the whole line."""
    parts: list[tuple[int, str]] = []
    pos = 0
    for a, b in cuts:
        parts.append((pos, raw[pos:a]))
        parts.append((a, raw[a:b]))
        pos = b
    parts.append((pos, raw[pos:]))
    out = [(off + len(t) - len(t.lstrip()), t.strip()) for off, t in parts]
    return [(off, t) for off, t in out if t]


def make_lines(raw_text: str, *, parts: bool = True) -> list[Line]:
    """The non-empty lines of a text; with ``parts`` (the cleaner's reading), a line that
    holds a slider's controls or page code besides other text is parted around them.
    Training reads its labelled rows whole (``parts=False``: one Line per row)."""
    out: list[Line] = []
    for no, raw in enumerate(raw_text.split("\n")):
        text = raw.strip()
        if not text:
            continue
        if parts:
            cuts = [m.span() for m in _SLIDER_RE.finditer(raw)] if ("Next" in text or "التالي" in text) else []
            cuts = sorted(cuts + code_spans(raw))
            cuts = [c for k, c in enumerate(cuts) if k == 0 or c[0] >= cuts[k - 1][1]]  # (no overlaps)
            pieces = _parts(raw, cuts) if cuts else []
            if len(pieces) > 1:
                for off, piece in pieces:
                    out.append(Line(pos=len(out), no=no, text=piece, offset=off, part=True))
                continue
        out.append(Line(pos=len(out), no=no, text=text, offset=len(raw) - len(raw.lstrip())))
    return out


# Function words: a line made only of capitalised-like name tokens has none of these.
FUNCTION_WORDS = set(
    "من في على الى عن مع و او ثم ان انه هذا هذه ذلك تلك التي الذي الذين بين حول بعد قبل "
    "عند لدي منذ حتي كل بعض غير لا لم لن قد ما ماذا هل كيف اين متي لماذا هو هي هم نحن انا "
    "كان كانت يكون تكون ليس به بها له لها فيه فيها عليه عليها منه منها".split()
)
