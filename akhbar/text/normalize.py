"""Arabic folding levels: one place for every table that makes two spellings compare equal.

``clean_text`` keeps the author's spelling; the forms produced here are used only for
matching (boilerplate rules, gazetteers, canonical names, deduplication, search) and for
the readable names of entities.  Each caller names the level it wants:

======== ======================= =====================================================
level    function                what it does (each level includes the one above)
======== ======================= =====================================================
DISPLAY  :func:`fold_display`    NFKC; invisible format marks, diacritics and tatweel
                                 removed.  Spelling (hamza, ya, ta marbuta, digits) kept:
                                 the name as a reader writes it.
MATCH    :func:`fold_match`      NFKC; diacritics and tatweel removed; Arabic-Indic and
                                 Persian digits → 0-9, ``٫ ٬ ٪`` → ``. , %``; أ إ آ ٱ → ا,
                                 ى → ي, ة → ه, ؤ → و, ئ → ي, Persian ک ی → ك ي.
                                 Invisible marks are *kept* (document ids are computed
                                 from this form; :func:`strip_invisible` removes them).
KEY      :func:`fold_key`,       MATCH of the invisible-free text, hyphens and spaces
         :func:`fold_key_word`   removed, and the letters that Egyptian/Levantine
                                 transliteration swaps folded (ج → غ for /g/, ق → ك):
                                 «بيونغ يانغ», «بيونغيانغ» and «بيونجيانج» share a key.
                                 ``letters=False`` leaves ج/غ, ق/ك apart (how one text
                                 spells the name); ``fold_key_word(article=True)`` also
                                 drops a leading «ال» (trigger words, not names).
======== ======================= =====================================================

Offsets: :func:`fold_match_mapped` gives the MATCH form of a text together with the
offset in the original of each of its characters (the figure extractor reports spans
in the text as written).

Written by hand on purpose: it is a handful of translation tables, and the packages that
offer it (pyarabic, camel-tools) would each add a dependency for a few lines while
differing from each other on details we want to control (e.g. keeping ta marbuta in the
DISPLAY level, folding ج/غ only in keys).
"""

from __future__ import annotations

import enum
import functools
import re
import unicodedata

from akhbar.text.caches import WORD_CACHE_MAX, WORD_VARIANTS_CACHE_MAX
from akhbar.text.clitics import strip_article  # clitics works on folded strings; it imports nothing from here

# Harakat, shadda, sukun, tanween, superscript alef, Quranic marks.
DIACRITICS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
DIACRITICS_RE = re.compile(f"[{DIACRITICS}]")
TATWEEL = "\u0640"
# diacritics and tatweel: the marks that never change which word is written
MARKS_RE = re.compile(f"[{DIACRITICS}{TATWEEL}]")
# Invisible format characters (bidi marks, zero-width joiners/spaces, BOM): scraped and
# corpus text glues them to words («حماس\u200f»).
INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
# what the offset-keeping MATCH form drops (and maps back): marks and invisible characters
_DROP_RE = re.compile(f"(?:{DIACRITICS_RE.pattern}|[{TATWEEL}{INVISIBLE}])")

ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
EXTENDED_INDIC_DIGITS = "۰۱۲۳۴۵۶۷۸۹"  # Persian/Urdu forms, seen in some scrapes
_DIGITS = str.maketrans(ARABIC_INDIC_DIGITS + EXTENDED_INDIC_DIGITS, "0123456789" * 2)
# Arabic decimal/thousands separators and percent sign to their ASCII forms.
_PUNCT = str.maketrans({"٫": ".", "٬": ",", "٪": "%"})
_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "ک": "ك",  # Persian kaf
        "ی": "ي",  # Persian ya
    }
)
_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE))
# KEY level, after MATCH: hyphens go (and a stray tatweel); with ``letters``, ج/غ and ق/ك fold
_HYPHENS = "-‐–"
_KEY_SPELL = str.maketrans(dict.fromkeys(TATWEEL + _HYPHENS))
_KEY_LETTERS = str.maketrans({"ج": "غ", "ق": "ك", **dict.fromkeys(TATWEEL + _HYPHENS)})


def _pairs(*tables: dict) -> tuple[tuple[str, str], ...]:
    return tuple(
        (chr(k), "" if v is None else chr(v) if isinstance(v, int) else v) for t in tables for k, v in t.items()
    )


# str.translate with a dict table costs ~0.3 µs per character on Arabic text (a mapping
# lookup per character); one str.replace per character that occurs gives the same result
# 20-50 × faster (no table maps a character to another table's key, so order is free).
_INVISIBLE_PAIRS = _pairs(_INVISIBLE)
_DIGIT_PAIRS = _pairs(_DIGITS)
_MATCH_PAIRS = _pairs(_DIGITS, _PUNCT, _LETTERS)


def _replace(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    for a, b in pairs:
        if a in text:
            text = text.replace(a, b)
    return text


# --- primitives ---------------------------------------------------------------
def strip_invisible(text: str) -> str:
    return _replace(text, _INVISIBLE_PAIRS)


def to_ascii_digits(text: str) -> str:
    """Arabic-Indic and Persian digits → 0-9 (same length: offsets are preserved)."""
    return _replace(text, _DIGIT_PAIRS)


def strip_diacritics(text: str) -> str:
    return DIACRITICS_RE.sub("", text)


def strip_marks(text: str) -> str:
    """Diacritics and tatweel removed (letters, digits and everything else as written)."""
    return DIACRITICS_RE.sub("", text).replace(TATWEEL, "")


def collapse_spaces(text: str) -> str:
    # same as re.sub(r"\s+", " ", text).strip() (re's \s and str.isspace are the same 29
    # characters) without one Python-level replacement per space: ~10 x faster
    return " ".join(text.split())


def arabic_share(text: str) -> float:
    """Share of letters that are Arabic (0..1); 0 for text with no letters."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f") / len(letters)


# --- levels ---------------------------------------------------------------------
class Level(enum.Enum):
    DISPLAY = "display"
    MATCH = "match"
    KEY = "key"


def fold_display(text: str) -> str:
    """DISPLAY level: what a reader sees, without the marks that do not change the word."""
    return strip_marks(unicodedata.normalize("NFKC", strip_invisible(text)))


CACHED_MAX_CHARS = 48  # texts up to this length go through the cache (tokens, names, short lines)


def fold_match(text: str) -> str:
    """MATCH level: use it on both sides of a comparison.

    Words and short phrases (the NER stage folds every token several times) are served
    from a bounded cache; longer texts are computed each time."""
    if len(text) <= CACHED_MAX_CHARS:
        return _fold_match_short(text)
    return _fold_match(text)


def _fold_match(text: str) -> str:
    return _replace(strip_marks(unicodedata.normalize("NFKC", text)), _MATCH_PAIRS)


@functools.lru_cache(maxsize=WORD_CACHE_MAX)
def _fold_match_short(text: str) -> str:
    return _fold_match(text)


@functools.lru_cache(maxsize=WORD_VARIANTS_CACHE_MAX)
def fold_key_word(w: str, article: bool = True, letters: bool = True) -> str:
    """KEY level of one word.  ``article=True`` also drops a leading «ال» (used for
    trigger words, not for names: «المالي» must not match «مالي»); ``letters=False``
    keeps ج/غ and ق/ك apart (see :func:`fold_key`)."""
    w = fold_match(strip_invisible(w))
    if article:
        w = strip_article(w)
    return w.translate(_KEY_LETTERS if letters else _KEY_SPELL)


def fold_key(text: str, letters: bool = True) -> str:
    """KEY level of a name: article kept (aliases list both «الناتو» and «ناتو»), words
    joined.  ``letters=False``: without the letter folds (ج/غ, ق/ك), how one text spells
    the name.  Across sources «بيونغ يانغ» and «بيونج يانج» are one name; inside one
    document a different letter is a different word («الغزيرة», "abundant", is not
    «الجزيرة»).  The SQL macro ``akhbar_fold`` (akhbar/catalog.py) computes the same.

    Names and words (up to :data:`CACHED_MAX_CHARS`) are served from a bounded cache."""
    if len(text) <= CACHED_MAX_CHARS:
        return _fold_key_short(text, letters)
    return _fold_key(text, letters)


@functools.lru_cache(maxsize=WORD_VARIANTS_CACHE_MAX)
def _fold_key_short(text: str, letters: bool) -> str:
    return _fold_key(text, letters)


def _fold_key(text: str, letters: bool) -> str:
    words = fold_match(text).replace("-", " ").split()
    return "".join(fold_key_word(w, article=False, letters=letters) for w in words)


def fold_words(words: str, article: bool = True) -> frozenset[str]:
    """KEY forms of a space-separated word list (a trigger or stop lexicon written in
    ordinary spelling)."""
    return frozenset(fold_key_word(w, article=article) for w in words.split())


def fold(text: str, level: Level) -> str:
    """The form of ``text`` at ``level`` (for callers that choose the level at run time)."""
    if level is Level.DISPLAY:
        return fold_display(text)
    if level is Level.MATCH:
        return fold_match(text)
    return fold_key(text)


# --- KEY level as translation tables (the DuckDB macro akhbar_fold) -----------------
def key_translation() -> tuple[str, str]:
    """(from, to) characters of the one-to-one folds of the KEY level, for SQL
    ``translate``: letters, digits, Arabic punctuation, ج → غ, ق → ك."""
    pairs = [(a, b) for a, b in _MATCH_PAIRS] + [("ج", "غ"), ("ق", "ك")]
    return "".join(a for a, _ in pairs), "".join(b for _, b in pairs)


# --- offsets ----------------------------------------------------------------------
_PRESENTATION_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")


def _match_same_length(text: str) -> str:
    """MATCH letters/digits folded one-to-one (nothing removed): offsets stay valid."""
    return _replace(text, _MATCH_PAIRS)


def fold_match_mapped(text: str) -> tuple[str, list[int] | None]:
    """MATCH form for offset-keeping matching: marks and invisible characters dropped,
    digits and letters folded one-to-one, Arabic presentation forms («ﺃﻟﻒ») NFKC'd
    character by character («ﻻ» becomes two letters).  Returns the folded text and, for
    each of its characters, its offset in ``text`` (None when nothing was dropped or
    expanded: the offsets are the same).  Unlike :func:`fold_match`, no NFKC beyond
    presentation forms (a full NFKC would not keep a character map)."""
    if _PRESENTATION_RE.search(text):
        chars: list[str] = []
        keep: list[int] = []
        for i, c in enumerate(text):
            if _DROP_RE.match(c):
                continue
            n = unicodedata.normalize("NFKC", c) if _PRESENTATION_RE.match(c) else c
            n = _DROP_RE.sub("", n) or " "
            chars.extend(n)
            keep.extend([i] * len(n))
        return _match_same_length("".join(chars)), keep
    if not _DROP_RE.search(text):
        return _match_same_length(text), None
    keep = []
    pos = 0
    for m in _DROP_RE.finditer(text):
        keep.extend(range(pos, m.start()))
        pos = m.end()
    keep.extend(range(pos, len(text)))
    return _match_same_length(_DROP_RE.sub("", text)), keep
