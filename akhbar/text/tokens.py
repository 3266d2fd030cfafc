"""The offset-keeping tokenizer (ANERcorp conventions).

ANERcorp, on which the NER models were trained, splits punctuation off words but leaves
clitics attached («وموسكو» is one token).  :func:`tokenize` does the same and keeps exact
character offsets into the text it was given (plus ``offset``), so token spans map back
to ``clean_text``:

* a word is a run of letters/digits with diacritics and tatweel inside it;
* a number with decimal or thousands separators («2,4», «99.97», «٣٫٥») is one token;
* a word glued to another script («AMالفجر», «و12», «منذ1961») is cut where the script
  changes between Arabic and Latin/digits;
* every other non-space character is a token of its own («-», «،», «"»).

Two options serve readers that want words as written rather than ANERcorp tokens (the
quote finder): ``scripts=False`` leaves a word glued to another script whole («الـ51»,
«و12»), and ``compounds=True`` joins words linked by a hyphen with no space («سون-وون»,
«2012-2013») into one token.

Clitics are split by :mod:`akhbar.text.clitics`, not here.  Written by hand: general
tokenizers (ICU, spaCy's) split Arabic differently from ANERcorp.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from akhbar.text.caches import WORD_CACHE_MAX
from akhbar.text.normalize import DIACRITICS, TATWEEL

# Marks that may stand inside a word: diacritics except the Quranic annotation signs
# (\u06d6-\u06ed end a word), and tatweel.
WORD_MARKS = "\u0610-\u061a\u064b-\u065f\u0670" + TATWEEL
assert DIACRITICS.startswith(WORD_MARKS[:-1])
_TOKEN_RE = re.compile(
    r"[0-9٠-٩]+(?:[.,٫٬][0-9٠-٩]+)*"  # numbers
    rf"|[^\W_]+(?:[{WORD_MARKS}][^\W_]*)*"  # words
    r"|\S",
    re.UNICODE,
)


class Token(NamedTuple):
    text: str
    start: int
    end: int


def tokenize(text: str, offset: int = 0, scripts: bool = True, compounds: bool = False) -> list[Token]:
    """Split ``text`` into tokens with offsets (+``offset``) into the original.
    ``scripts=False``: no cut where a word changes script; ``compounds=True``: hyphenated
    words are one token (see the module doc)."""
    out: list[Token] = []
    if scripts and not _MIXED_RE.search(text):  # nearly every sentence: no word to cut by script
        new = tuple.__new__  # what Token(...) does, without its Python-level __new__
        out = [new(Token, (m.group(), m.start() + offset, m.end() + offset)) for m in _TOKEN_RE.finditer(text)]
    elif scripts:
        for m in _TOKEN_RE.finditer(text):
            tok = m.group()
            start = m.start() + offset
            # words glued to Latin/digits the other way («AMالفجر») are split by script
            if _script_cuts(tok):
                out.extend(_split_script(tok, start))
            else:  # nearly every token: no call to _split_script
                out.append(Token(tok, start, start + len(tok)))
    else:
        out = [Token(m.group(), m.start() + offset, m.end() + offset) for m in _TOKEN_RE.finditer(text)]
    return _join_compounds(out, text, offset) if compounds else out


_HYPHENS = ("-", "‐")


def _join_compounds(toks: list[Token], text: str, offset: int) -> list[Token]:
    out: list[Token] = []
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        if t.text[0].isalnum() and i + 2 < n:
            j = i
            while (j + 2 < n and toks[j + 1].text in _HYPHENS and toks[j + 1].start == toks[j].end
                   and toks[j + 2].start == toks[j + 1].end and toks[j + 2].text[0].isalnum()):
                j += 2
            if j > i:
                out.append(Token(text[t.start - offset:toks[j].end - offset], t.start, toks[j].end))
                i = j + 1
                continue
        out.append(t)
        i += 1
    return out


ARABIC_RE = re.compile(r"[\u0600-\u06ff\u0750-\u077f]")
# an Arabic letter or digit next to a non-Arabic one: where _script_cuts may cut a token
# (a text without any has no token to cut)
_MIXED_RE = re.compile(r"(?=[\u0600-\u06ff\u0750-\u077f])[^\W_](?=(?![\u0600-\u06ff\u0750-\u077f])[^\W_])"
                       r"|(?![\u0600-\u06ff\u0750-\u077f])[^\W_](?=[\u0600-\u06ff\u0750-\u077f])(?=[^\W_])")


def _split_script(tok: str, start: int) -> list[Token]:
    cuts = _script_cuts(tok)
    if not cuts:
        return [Token(tok, start, start + len(tok))]
    bounds = (0, *cuts, len(tok))
    return [Token(tok[a:b], start + a, start + b) for a, b in zip(bounds, bounds[1:])]


@functools.lru_cache(maxsize=WORD_CACHE_MAX)
def _script_cuts(tok: str) -> tuple[int, ...]:
    """Where ``tok`` changes between Arabic and Latin/digits (cached: words repeat)."""
    if len(tok) < 2 or not ARABIC_RE.search(tok) or ARABIC_RE.fullmatch(tok):
        return ()
    cuts = []
    for i in range(1, len(tok)):
        a = bool(ARABIC_RE.match(tok[i - 1]))
        b = bool(ARABIC_RE.match(tok[i]))
        if a != b and tok[i].isalnum() and tok[i - 1].isalnum():
            cuts.append(i)
    return tuple(cuts)
