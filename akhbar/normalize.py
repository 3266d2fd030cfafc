"""One place for Arabic normalisation.

``clean_text`` keeps the author's spelling; the forms produced here are used only
for matching (boilerplate rules, gazetteers, canonical names, deduplication, search).

Written by hand on purpose: it is a handful of ``str.translate`` tables, and the
packages that offer it (pyarabic, camel-tools) would each add a dependency for a
few lines while differing from each other on details we want to control
(e.g. keeping ta marbuta distinct in ``normalize_light``).
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Harakat, shadda, sukun, tanween, superscript alef, Quranic marks.
DIACRITICS_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
TATWEEL = "\u0640"

ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
EXTENDED_INDIC_DIGITS = "۰۱۲۳۴۵۶۷۸۹"  # Persian/Urdu forms, seen in some scrapes
_DIGITS = str.maketrans(
    ARABIC_INDIC_DIGITS + EXTENDED_INDIC_DIGITS, "0123456789" * 2
)
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


# Invisible format characters (bidi marks, zero-width joiners/spaces, BOM): scraped and
# corpus text glues them to words («حماس\u200f»).  Matching forms drop them; normalize()
# keeps them because document ids are computed from it.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"))


def _pairs(*tables: dict) -> tuple[tuple[str, str], ...]:
    return tuple(
        (chr(k), "" if v is None else chr(v) if isinstance(v, int) else v) for t in tables for k, v in t.items()
    )


# str.translate with a dict table costs ~0.3 µs per character on Arabic text (a mapping
# lookup per character); one str.replace per character that occurs gives the same result
# 20-50 × faster (no table maps a character to another table's key, so order is free).
_INVISIBLE_PAIRS = _pairs(_INVISIBLE)
_DIGIT_PAIRS = _pairs(_DIGITS)
_LIGHT_PAIRS = _pairs(_DIGITS, _PUNCT)
_FULL_PAIRS = _pairs(_DIGITS, _PUNCT, _LETTERS)


def _fold(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    for a, b in pairs:
        if a in text:
            text = text.replace(a, b)
    return text


def strip_invisible(text: str) -> str:
    return _fold(text, _INVISIBLE_PAIRS)


def to_ascii_digits(text: str) -> str:
    """Arabic-Indic and Persian digits → 0-9 (same length: offsets are preserved)."""
    return _fold(text, _DIGIT_PAIRS)


def strip_diacritics(text: str) -> str:
    return DIACRITICS_RE.sub("", text)


def normalize_light(text: str) -> str:
    """Length-changing but spelling-preserving: NFKC, no diacritics or tatweel,
    ASCII digits.  Letters (hamza, ya, ta marbuta) are left as written."""
    text = unicodedata.normalize("NFKC", text)
    text = strip_diacritics(text).replace(TATWEEL, "")
    return _fold(text, _LIGHT_PAIRS)


def normalize(text: str) -> str:
    """The matching form: ``normalize_light`` plus alef/hamza, alef maqsura,
    ta marbuta and Persian-letter folding.  Use it on both sides of a comparison.

    Words and short phrases (the NER stage normalises every token several times)
    are served from a bounded cache; longer texts are computed each time."""
    if len(text) <= CACHED_MAX_CHARS:
        return _normalize_short(text)
    return _normalize(text)


def _normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return _fold(strip_diacritics(text).replace(TATWEEL, ""), _FULL_PAIRS)


CACHED_MAX_CHARS = 48  # texts up to this length go through the cache (tokens, names, short lines)


@functools.lru_cache(maxsize=100_000)  # about 25 MB per process when full
def _normalize_short(text: str) -> str:
    return _normalize(text)


def normalize_keep_offsets(text: str) -> str:
    """A same-length normalised copy (diacritics and tatweel become spaces are NOT
    removed): digits and letters folded one-to-one so offsets into the original
    stay valid.  Useful for regex matching that must report original offsets."""
    return _fold(text, _FULL_PAIRS)


_WS_RE = re.compile(r"\s+")


def collapse_spaces(text: str) -> str:
    # same as _WS_RE.sub(" ", text).strip() (re's \s and str.isspace are the same 29
    # characters) without one Python-level replacement per space: ~10 x faster
    return " ".join(text.split())


def arabic_share(text: str) -> float:
    """Share of letters that are Arabic (0..1); 0 for text with no letters."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f") / len(letters)
