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


def strip_invisible(text: str) -> str:
    return text.translate(_INVISIBLE)


def to_ascii_digits(text: str) -> str:
    """Arabic-Indic and Persian digits → 0-9 (same length: offsets are preserved)."""
    return text.translate(_DIGITS)


def strip_diacritics(text: str) -> str:
    return DIACRITICS_RE.sub("", text)


def normalize_light(text: str) -> str:
    """Length-changing but spelling-preserving: NFKC, no diacritics or tatweel,
    ASCII digits.  Letters (hamza, ya, ta marbuta) are left as written."""
    text = unicodedata.normalize("NFKC", text)
    text = strip_diacritics(text).replace(TATWEEL, "")
    return text.translate(_DIGITS).translate(_PUNCT)


def normalize(text: str) -> str:
    """The matching form: ``normalize_light`` plus alef/hamza, alef maqsura,
    ta marbuta and Persian-letter folding.  Use it on both sides of a comparison.

    Words and short phrases (the NER stage normalises every token several times)
    are served from a bounded cache; longer texts are computed each time."""
    if len(text) <= CACHED_MAX_CHARS:
        return _normalize_short(text)
    return normalize_light(text).translate(_LETTERS)


CACHED_MAX_CHARS = 48  # texts up to this length go through the cache (tokens, names, short lines)


@functools.lru_cache(maxsize=100_000)  # about 25 MB per process when full
def _normalize_short(text: str) -> str:
    return normalize_light(text).translate(_LETTERS)


def normalize_keep_offsets(text: str) -> str:
    """A same-length normalised copy (diacritics and tatweel become spaces are NOT
    removed): digits and letters folded one-to-one so offsets into the original
    stay valid.  Useful for regex matching that must report original offsets."""
    out = text.translate(_DIGITS).translate(_PUNCT).translate(_LETTERS)
    return out


_WS_RE = re.compile(r"\s+")


def collapse_spaces(text: str) -> str:
    return _WS_RE.sub(" ", text).strip()


def arabic_share(text: str) -> float:
    """Share of letters that are Arabic (0..1); 0 for text with no letters."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f") / len(letters)
