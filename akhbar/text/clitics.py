"""Arabic proclitics and the article: one place for the rules every stage splits words by.

A written Arabic word may carry, in this order:

* a conjunction: «و» (and), «ف» (so);
* a preposition: «ب» (with, in), «ل» (for, to), «ك» (like);
* the article «ال».

So «وبالناتو» = و + ب + ال + ناتو.  Two orthographic rules matter:

* «لل» = ل + ال: after the preposition «ل» the article loses its alef («للولايات» =
  ل + الولايات).  The span of a name keeps the «ل» that is the article's («لولايات»,
  :func:`elided_article`), and its readable form restores the alef («الولايات»).
  «بال», «وال», «فال», «كال» keep the alef: ب/و/ف/ك + ال.
* the article never carries a hamza, and some words begin with an «ال/أل/إل/آل» that is
  part of the stem: «ألمانيا», «إليه», «آلاف», «التقاط» (form VIII), «ألكسندر».  Written
  without hamza («المانيا») they look like article + «مانيا».  :data:`STEM_AL` lists
  them (akhbar/resources/text/stem_al.txt, built by akhbar/training/build_stem_al.py from
  SaudiNewsNet: a word its writers spell with a hamza on the alef, which the article never
  has, and that takes «ل» as «لال…» rather than «لل…»).  «الجزائر» is article + «جزائر»
  (islands) and is not listed.

Everything here is orthographic and cheap: callers decide whether to trust a split
(:func:`akhbar.entities.features.smart_split` checks it against corpus counts and the
gazetteer).  Written by hand: the Arabic morphological analysers (camel-tools, Farasa,
MADAMIRA) need models or services and split differently from ANERcorp, on whose
tokenisation the NER models were trained.
"""

from __future__ import annotations

import functools
import os
from typing import NamedTuple

from akhbar.text.caches import WORD_VARIANTS_CACHE_MAX

CONJUNCTIONS = "وف"
PREPOSITIONS = "بلك"
PROCLITIC_LETTERS = CONJUNCTIONS + PREPOSITIONS
# one proclitic letter, or a conjunction then a preposition (stacked), longest first
PROCLITIC_SEQS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
ARTICLE = "ال"
_TATWEEL = "\u0640"

STEM_AL_FILE = os.path.join(os.path.dirname(os.path.dirname(__file__)), "resources", "text", "stem_al.txt")


@functools.lru_cache(maxsize=1)
def stem_al_words() -> frozenset[str]:
    """Words (MATCH level) whose leading «ال» is part of the stem (see the module doc)."""
    out: set[str] = set()
    if os.path.exists(STEM_AL_FILE):
        with open(STEM_AL_FILE, encoding="utf-8") as f:
            for line in f:
                w = line.split("#", 1)[0].split("\t", 1)[0].strip()
                if w:
                    out.add(w)
    return frozenset(out)


def is_stem_al(word: str) -> bool:
    """``word`` (MATCH level, as written or without its proclitic) begins with an «ال» of
    its stem: «المانيا», «الكسندر», not «الكرملين»."""
    return word in stem_al_words()


def strip_article(word: str, min_len: int = 4, elided: bool = False, stem_al: bool = False) -> str:
    """``word`` without a leading article when at least ``min_len`` letters long
    («الامين» → «امين»).  ``elided``: also «لل…» (ل + ال, one letter longer:
    «للشركه» → «شركه»).  ``stem_al``: leave the words of :data:`STEM_AL` whole."""
    if word.startswith(ARTICLE) and len(word) >= min_len:
        if stem_al and is_stem_al(word):
            return word
        return word[2:]
    if elided and word.startswith("لل") and len(word) > min_len:
        return word[2:]
    return word


def strip_conjunction(word: str, min_len: int = 4) -> str:
    """``word`` without a leading «و/ف» when at least ``min_len`` letters long."""
    if len(word) >= min_len and word[0] in CONJUNCTIONS:
        return word[1:]
    return word


class CliticSplit(NamedTuple):
    prefix: str  # proclitic letters (without the article), as written
    article: bool  # the article follows the proclitic (or starts the word)
    rest: str  # the word after proclitic and article (article NOT included)
    cut: int  # number of characters of the original token that belong to prefix


@functools.lru_cache(maxsize=WORD_VARIANTS_CACHE_MAX)
def split_proclitics(word: str, min_rest: int = 2) -> CliticSplit:
    """The orthographic split of a token into proclitic + article + rest.

    Purely orthographic (every «و…» word is split; the longest proclitic sequence wins).
    ``cut`` is the span shift: the article is part of a mention, the proclitic is not.
    For «لل…» («للولايات»), the cut is 1: the mention keeps «لولايات» whose «ل» is the
    article's.  A tatweel right after the proclitic («لـلولايات») belongs to the cut.
    Stem «ال» words are split too (the models were trained on this split); names ask
    :func:`strip_article` with ``stem_al=True``.
    """
    for p in PROCLITIC_SEQS:
        if word.startswith(p) and len(word) - len(p) >= min_rest:
            rest = word[len(p):]
            cut = len(p)
            while rest.startswith(_TATWEEL):
                rest = rest[1:]
                cut += 1
            if p[-1] == "ل" and rest.startswith("ل") and len(rest) > min_rest:
                # «لل» = ل + (ا)ل : article with elided alef
                return CliticSplit(p, True, rest[1:], cut)
            if rest.startswith(ARTICLE) and len(rest) - 2 >= min_rest:
                return CliticSplit(p, True, rest[2:], cut)
            return CliticSplit(p, False, rest, cut)
    if word.startswith(ARTICLE) and len(word) - 2 >= min_rest:
        return CliticSplit("", True, word[2:], 0)
    return CliticSplit("", False, word, 0)


def proclitic_readings(word: str, prefixes: str = PROCLITIC_LETTERS, elided: bool = False) -> list[tuple[str, int]]:
    """Every reading of ``word`` as proclitic + rest: (rest, cut) for one letter of
    ``prefixes``, then for a conjunction followed by a preposition of ``prefixes``
    («وب», «فل» …), each leaving at least two letters (a tatweel after the proclitic goes
    with it).  ``elided``: after a proclitic ending in «ل», a rest starting with «ل» is
    also read with the article's alef restored, first («للولايات» → «الولايات»,
    «لولايات»)."""
    return list(_readings(word, prefixes, elided))


@functools.lru_cache(maxsize=WORD_VARIANTS_CACHE_MAX)
def _readings(word: str, prefixes: str | tuple[str, ...], elided: bool) -> tuple[tuple[str, int], ...]:
    if len(word) < 3 or word[0] not in prefixes:
        return ()
    seqs = [word[0]]
    if len(word) > 3 and word[0] in CONJUNCTIONS and word[1] in PREPOSITIONS and word[1] in prefixes:
        seqs.append(word[:2])
    out: list[tuple[str, int]] = []
    for p in seqs:
        rest = word[len(p):].lstrip(_TATWEEL)
        cut = len(word) - len(rest)
        if elided and p[-1] == "ل" and rest.startswith("ل"):
            out.append(("ا" + rest, cut))
        out.append((rest, cut))
    return tuple(out)


def proclitic_stems(word: str, prefixes: str | tuple[str, ...] = PROCLITIC_LETTERS) -> list[tuple[str, int]]:
    """(stem, prefix length) candidates of a word with no, one or two proclitics of
    ``prefixes`` (letters), the word itself first; a new list each call (callers may
    extend it).  Cached: the figure extractor asks it for most words it reads."""
    return [(word, 0), *_readings(word, prefixes, False)]


def elided_article(text: str, s: int) -> bool:
    """A span starting at ``s`` was cut out of «لل…» («للولايات» → «لولايات»): the «ل»
    left is the article's, and the name is read with «ال» restored."""
    return s > 0 and text[s - 1:s + 1] == "لل" and not text[s:].startswith(ARTICLE)


def restore_article(span: str, elided: bool) -> str:
    """The readable form of an elided span: «لولايات» → «الولايات»."""
    return ("ا" + span) if elided else span
