"""Tokenisation for the NER model, following ANERcorp conventions.

ANERcorp splits punctuation off words but leaves clitics attached («وموسكو» is
one token).  ``tokenize`` does the same and keeps exact character offsets into
the text it was given, so tagged token spans map back to ``clean_text``.

Clitic handling lives here too, shared by features, spans and canonical names:
``split_proclitics`` returns the (prefix, rest) split of a token, where prefix is
one of the conjunction / preposition proclitics «و ف ب ل ك» (possibly stacked,
«وب», «فل») optionally followed by the article «ال» (or «لل» = ل + ال with the
alef elided).
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from akhbar.normalize import normalize

# A "word" is a run of letters/digits/diacritics/tatweel; anything else that is not
# a space is a one-character punctuation token.  Decimal numbers stay together.
_TOKEN_RE = re.compile(
    r"[0-9٠-٩]+(?:[.,٫٬][0-9٠-٩]+)*"  # numbers
    r"|[^\W_]+(?:[\u0610-\u061a\u064b-\u065f\u0670\u0640][^\W_]*)*"  # words
    r"|\S",
    re.UNICODE,
)


class Token(NamedTuple):
    text: str
    start: int
    end: int


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split ``text`` into tokens with offsets (+``offset``) into the original."""
    out: list[Token] = []
    for m in _TOKEN_RE.finditer(text):
        tok = m.group()
        # words glued to Latin/digits the other way («AMالفجر») are split by script
        out.extend(_split_script(tok, m.start() + offset))
    return out


_ARABIC_RE = re.compile(r"[\u0600-\u06ff\u0750-\u077f]")


def _split_script(tok: str, start: int) -> list[Token]:
    cuts = _script_cuts(tok)
    if not cuts:
        return [Token(tok, start, start + len(tok))]
    bounds = (0, *cuts, len(tok))
    return [Token(tok[a:b], start + a, start + b) for a, b in zip(bounds, bounds[1:])]


@functools.lru_cache(maxsize=100_000)
def _script_cuts(tok: str) -> tuple[int, ...]:
    """Where ``tok`` changes between Arabic and Latin/digits (cached: words repeat)."""
    if len(tok) < 2 or not _ARABIC_RE.search(tok) or _ARABIC_RE.fullmatch(tok):
        return ()
    cuts = []
    for i in range(1, len(tok)):
        a = bool(_ARABIC_RE.match(tok[i - 1]))
        b = bool(_ARABIC_RE.match(tok[i]))
        if a != b and tok[i].isalnum() and tok[i - 1].isalnum():
            cuts.append(i)
    return tuple(cuts)


# --- clitics -------------------------------------------------------------
# Stacked conjunction + preposition proclitics, longest first.
_PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
_ARTICLE = "ال"


class CliticSplit(NamedTuple):
    prefix: str  # proclitic letters (without the article), as written
    article: bool  # the article follows the proclitic (or starts the word)
    rest: str  # the word after proclitic and article (article NOT included)
    cut: int  # number of characters of the original token that belong to prefix


def split_proclitics(word: str, min_rest: int = 2) -> CliticSplit:
    """Candidate split of a token into proclitic + article + rest.

    Purely orthographic (every «و…» word is split); callers decide whether to
    trust it (:func:`akhbar.entities.features.smart_split` checks it against
    corpus counts and the gazetteer).
    ``cut`` is the span shift: the article is part of the mention, the
    proclitic is not.  For «لل…» («للولايات»), the cut is 1: the mention keeps
    «لولايات» whose «ل» is the article's.
    """
    for p in _PROCLITICS:
        if word.startswith(p) and len(word) - len(p) >= min_rest:
            rest = word[len(p):]
            cut = len(p)
            # tatweel right after the clitic
            while rest.startswith("\u0640"):
                rest = rest[1:]
                cut += 1
            if p.endswith("ل") and rest.startswith("ل") and len(rest) > min_rest and p in ("ل", "فل", "ول"):
                # «لل» = ل + (ا)ل : article with elided alef
                return CliticSplit(p, True, rest[1:], cut)
            if rest.startswith(_ARTICLE) and len(rest) - 2 >= min_rest:
                return CliticSplit(p, True, rest[2:], cut)
            return CliticSplit(p, False, rest, cut)
    if word.startswith(_ARTICLE) and len(word) - 2 >= min_rest:
        return CliticSplit("", True, word[2:], 0)
    return CliticSplit("", False, word, 0)


def bare_form(word: str) -> str:
    """Normalised token without proclitics and article (orthographic split)."""
    s = split_proclitics(normalize(word))
    return s.rest
