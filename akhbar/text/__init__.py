"""The Arabic text layer shared by cleaning, entities, figures and quotes.

* :mod:`akhbar.text.normalize` — folding levels (DISPLAY, MATCH, KEY) and primitives;
* :mod:`akhbar.text.tokens` — the offset-keeping tokenizer;
* :mod:`akhbar.text.clitics` — proclitics, the article, «لل», stem «ال» words.

See docs/text-layer.md.
"""

from akhbar.text.clitics import (
    ARTICLE,
    CONJUNCTIONS,
    PREPOSITIONS,
    PROCLITIC_LETTERS,
    PROCLITIC_SEQS,
    CliticSplit,
    elided_article,
    is_stem_al,
    proclitic_readings,
    proclitic_stems,
    restore_article,
    split_proclitics,
    stem_al_words,
    strip_article,
    strip_conjunction,
)
from akhbar.text.normalize import (
    DIACRITICS_RE,
    MARKS_RE,
    TATWEEL,
    Level,
    arabic_share,
    collapse_spaces,
    fold,
    fold_display,
    fold_key,
    fold_key_word,
    fold_match,
    fold_match_mapped,
    fold_words,
    key_translation,
    strip_diacritics,
    strip_invisible,
    strip_marks,
    to_ascii_digits,
)
from akhbar.text.tokens import Token, tokenize

__all__ = [
    "ARTICLE", "CONJUNCTIONS", "PREPOSITIONS", "PROCLITIC_LETTERS", "PROCLITIC_SEQS", "CliticSplit",
    "elided_article", "is_stem_al", "proclitic_readings", "proclitic_stems", "restore_article",
    "split_proclitics", "stem_al_words", "strip_article", "strip_conjunction",
    "DIACRITICS_RE", "MARKS_RE", "TATWEEL", "Level", "arabic_share", "collapse_spaces", "fold", "fold_display",
    "fold_key", "fold_key_word", "fold_match", "fold_match_mapped", "fold_words", "key_translation",
    "strip_diacritics", "strip_invisible", "strip_marks", "to_ascii_digits",
    "Token", "tokenize",
]
