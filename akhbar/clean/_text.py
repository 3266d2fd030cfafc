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


@dataclass(slots=True)
class Line:
    pos: int  # index among the non-empty lines
    no: int  # 0-based line number in raw_text
    text: str  # stripped original text
    norm: str = ""  # fold_match() + collapsed spaces, lower-cased
    key: str = ""  # line_key()
    words: list[str] = field(default_factory=list)  # words of key
    offset: int = 0  # where ``text`` starts in the raw line (leading spaces stripped)

    def __post_init__(self) -> None:
        self.norm = collapse_spaces(fold_match(self.text)).lower()
        self.key = collapse_spaces(_depunct(self.norm))
        self.words = self.key.split()

    @property
    def n_words(self) -> int:
        return len(self.words)

    @property
    def ends_sentence(self) -> bool:
        t = self.text.rstrip(CLOSERS + " ")
        return bool(t) and t[-1] in SENTENCE_END

    @property
    def latin_share(self) -> float:
        latin = len(_LATIN_RE.findall(self.text))
        arabic = len(_ARABIC_LETTER_RE.findall(self.text))
        return latin / (latin + arabic) if latin + arabic else 0.0

    @property
    def has_digit(self) -> bool:
        return bool(_DIGIT_RE.search(self.norm))

    @property
    def has_letters(self) -> bool:
        return any(c.isalpha() for c in self.text)

    def is_body(self) -> bool:
        """Looks like a running-text paragraph (not a heading, label or list item)."""
        n = self.n_words
        return n >= 15 or (n >= 8 and self.ends_sentence and "،" in self.text) or (
            n >= 10 and self.ends_sentence
        )


def make_lines(raw_text: str) -> list[Line]:
    out: list[Line] = []
    for no, raw in enumerate(raw_text.split("\n")):
        text = raw.strip()
        if text:
            out.append(Line(pos=len(out), no=no, text=text, offset=len(raw) - len(raw.lstrip())))
    return out


# Function words: a line made only of capitalised-like name tokens has none of these.
FUNCTION_WORDS = set(
    "من في على الى عن مع و او ثم ان انه هذا هذه ذلك تلك التي الذي الذين بين حول بعد قبل "
    "عند لدي منذ حتي كل بعض غير لا لم لن قد ما ماذا هل كيف اين متي لماذا هو هي هم نحن انا "
    "كان كانت يكون تكون ليس به بها له لها فيه فيها عليه عليها منه منها".split()
)
