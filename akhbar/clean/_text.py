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


def _slider_parts(raw: str) -> list[tuple[int, str]]:
    """(offset, stripped text) of the parts of a raw line around slider controls; one part
    when the line has none, or is nothing else."""
    parts: list[tuple[int, str]] = []
    pos = 0
    for m in _SLIDER_RE.finditer(raw):
        parts.append((pos, raw[pos: m.start()]))
        parts.append((m.start(), m.group(0)))
        pos = m.end()
    parts.append((pos, raw[pos:]))
    out = [(off + len(t) - len(t.lstrip()), t.strip()) for off, t in parts]
    return [(off, t) for off, t in out if t]


def make_lines(raw_text: str, *, parts: bool = True) -> list[Line]:
    """The non-empty lines of a text; with ``parts`` (the cleaner's reading), a line that
    holds a slider's controls besides other text is parted around them.  Training reads
    its labelled rows whole (``parts=False``: one Line per row)."""
    out: list[Line] = []
    for no, raw in enumerate(raw_text.split("\n")):
        text = raw.strip()
        if not text:
            continue
        if parts and ("Next" in text or "التالي" in text) and _SLIDER_RE.search(text):
            pieces = _slider_parts(raw)
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
