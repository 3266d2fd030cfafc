"""Tokens of the figure parser: the text in its matching form cut into numbers, Arabic
words, Latin words and punctuation, with the spans that are not words masked (URLs, e-mail
addresses, hashtags, phone numbers: ``x``), clock times (``t``) and numeric dates (``d``)
as single tokens. Offsets are into the matching form (:func:`akhbar.text.fold_match_mapped`).
"""

from __future__ import annotations

import re

from akhbar.figures import lexicon as L
from akhbar.text import DIACRITICS_RE, strip_diacritics
from akhbar.text import fold_match_mapped as _prep
from akhbar.text import proclitic_stems as _strip

_MASK_RE = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|[\w.+-]+@[\w-]+\.[\w.]+"
    r"|[#@][\w\u0621-\u064a]+"
    r"|(?<![\d])(?:\+|00)\d[\d -]{6,}\d(?!\d)"
    r"|(?<![\d.,])0\d{8,}(?![\d])"
    r"|(?<![\d.,])\d{3,4}[ -]\d{3}[ -]\d{3,4}(?![\d])"
)
_CLOCK_RE = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])")  # «14:18»: a time token
_DMY_RE = re.compile(r"(?<![\d.,/-])(\d{1,2}) ?([./-]) ?(\d{1,2}) ?\2 ?(\d{4})(?![\d])")
_YMD_RE = re.compile(r"(?<![\d.,/-])(\d{4})([./-])(\d{1,2})\2(\d{1,2})(?![\d.,/]?\d)")
_TOKEN_RE = re.compile(
    r"(?P<n>\d+ر\d+(?!\d)|\d+(?:[.,]\d+)*(?:،\d{3}(?!\d))*)|(?P<w>[\u0621-\u063a\u0641-\u064a\u0671]+)|(?P<l>[A-Za-z]+)|(?P<p>\S)"
)
_THOUSANDS_RE = re.compile(r"\d{1,3}(?:[,،]\d{3})+(?:\.\d+)?")
_HAS_DIGIT_OR_MARK_RE = re.compile(r"[\d#@:/]|www")
_SPACE_GROUP_RE = re.compile(r"\d{1,3}(?: \d{3})*")
_PLAIN_RE = re.compile(r"\d+(?:\.\d+)?")
_DOT_THOUSANDS_RE = re.compile(r"\d{1,3}(?:\.\d{3}){2,}")
_DEC_COMMA_RE = re.compile(r"\d+,\d{1,2}")


class _Tok:
    __slots__ = ("k", "a", "b", "t", "v")

    def __init__(self, k: str, a: int, b: int, t: str, v=None):
        self.k, self.a, self.b, self.t, self.v = k, a, b, t, v

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"{self.k}:{self.t}"


def ra_value(t: str, fraction: bool = False) -> float:
    """A number written fraction-first, Saudi Press Agency style: «6ر11» = 11.6; a 3-digit left
    part is a thousands group («500ر307» = 307,500) unless ``fraction`` says it is decimals (before
    a scale word: «423ر2 مليون» = 2.423 million)."""
    left, right = t.split("ر")
    if len(left) == 3 and not fraction:
        return float(right) * 1000 + float(left)
    return float(right + "." + left)


def _num_value(t: str) -> float | None:
    if _PLAIN_RE.fullmatch(t):
        return float(t)
    if "ر" in t:
        return ra_value(t)
    if _THOUSANDS_RE.fullmatch(t):
        return float(t.replace(",", "").replace("،", ""))
    if _DOT_THOUSANDS_RE.fullmatch(t):
        return float(t.replace(".", ""))
    if _DEC_COMMA_RE.fullmatch(t):
        return float(t.replace(",", "."))
    return None


def _tokenize(s: str) -> list[_Tok]:
    specials: list[tuple[int, int, str, object]] = []
    if _HAS_DIGIT_OR_MARK_RE.search(s):
        for m in _MASK_RE.finditer(s):
            specials.append((m.start(), m.end(), "x", None))
        for m in _CLOCK_RE.finditer(s):
            specials.append((m.start(), m.end(), "t", None))
        for m in _DMY_RE.finditer(s):
            specials.append((m.start(), m.end(), "d", (int(m.group(4)), int(m.group(3)), int(m.group(1)))))
        for m in _YMD_RE.finditer(s):
            specials.append((m.start(), m.end(), "d", (int(m.group(1)), int(m.group(3)), int(m.group(4)))))
        specials.sort()
    toks: list[_Tok] = []
    append = toks.append
    tok_ = _Tok
    si = 0
    ns = len(specials)
    prev = None
    for m in _TOKEN_RE.finditer(s):
        a = m.start()
        k = m.lastgroup
        if k == "w" and si >= ns:  # most tokens: a word, with no special span left to check
            prev = tok_("w", a, m.end(), m.group())
            append(prev)
            continue
        if si < ns:
            while si < ns and specials[si][1] <= a:
                si += 1
            if si < ns and specials[si][0] <= a:
                sp = specials[si]
                if not toks or toks[-1].a != sp[0]:
                    toks.append(_Tok(sp[2], sp[0], sp[1], s[sp[0] : sp[1]], sp[3]))
                continue
        t = m.group()
        if k == "n":
            v = _num_value(t)
            # «12 000»: a 1-3 digit group followed by one space and exactly 3 digits
            if (
                prev is not None
                and prev.k == "n"
                and len(t) == 3
                and t.isdigit()
                and a == prev.b + 1
                and s[prev.b] == " "
                and _SPACE_GROUP_RE.fullmatch(prev.t)
            ):
                prev.t = prev.t + " " + t
                prev.b = m.end()
                prev.v = float(prev.t.replace(" ", ""))
                continue
            tok = _Tok("n", a, m.end(), t, v)
        else:
            tok = _Tok(k, a, m.end(), t)
        toks.append(tok)
        prev = tok
    return toks


class TokenView:
    """One text as the parser sees it: the text as written, its matching form (``s``, with
    ``idx`` mapping its characters back), its tokens, and the look-ups every reader uses (the
    folded word or punctuation at a token, adjacency, a token as written)."""

    def __init__(self, text: str):
        self.text = text
        self.s, self.idx = _prep(text)
        self.toks = _tokenize(self.s)
        self.n = len(self.toks)
        if "\u200f" in text and self.idx is not None:
            self._fraction_first()

    def _fraction_first(self) -> None:
        """«3.‏2 مليون برميل» = 2.3 million, «75.‏49 دولار» = 49.75: a decimal with a right-to-left
        mark after its point was laid out right to left, the fraction first (as the Saudi Press
        Agency's «6ر11» = 11.6, :func:`_num_value`); the mark, dropped by the folding, says so."""
        for t in self.toks:
            if t.k == "n" and t.t.count(".") == 1 and t.v is not None:
                dot = t.a + t.t.index(".")
                o = self.idx[dot]
                if o + 1 < len(self.text) and self.text[o + 1] == "\u200f":
                    left, right = t.t.split(".")
                    t.v = float(right + "." + left)

    def w(self, j: int) -> str | None:
        if 0 <= j < self.n:
            t = self.toks[j]  # (the parser's most frequent call: one indexing, not two)
            if t.k == "w":
                return t.t
        return None

    def year_era(self, j: int) -> tuple[int, bool | None]:
        """The era word at token ``j`` after a year («هـ», «هجرية»; «م», «ميلادي»): (the token
        after it, True for Hijri, False for Gregorian), or (``j``, None) when there is none."""
        w = self.w(j)
        if w in L.YEAR_SUFFIX_AH:
            return j + 1, True
        if w in L.YEAR_SUFFIX_CE:
            return j + 1, False
        return j, None

    def p(self, j: int) -> str | None:
        if 0 <= j < self.n and self.toks[j].k == "p":
            return self.toks[j].t
        return None

    def adjacent(self, j: int) -> bool:
        """Token j starts right where token j-1 ends (no space)."""
        return 0 < j < self.n and self.toks[j].a == self.toks[j - 1].b

    def orig(self, a: int, b: int) -> tuple[int, int]:
        if self.idx is None:
            return a, b
        o2 = self.idx[b - 1] + 1
        text = self.text
        while o2 < len(text) and (DIACRITICS_RE.match(text[o2]) or text[o2] == "\u0640"):  # marks, «هـ»
            o2 += 1
        return self.idx[a], o2

    def raw_word(self, j: int) -> str:
        """Token j as written, without diacritics or tatweel."""
        t = self.toks[j]
        o1, o2 = self.orig(t.a, t.b)
        return strip_diacritics(self.text[o1:o2]).replace("\u0640", "")

    def word_as_written(self, j: int) -> str:
        t = self.toks[j]
        o1, o2 = self.orig(t.a, t.b)
        raw = self.text[o1:o2]
        had_tanween = "\u064b" in raw
        w = strip_diacritics(raw).replace("\u0640", "")
        if w.startswith("ال") and len(w) > 4:
            w = w[2:]
        if had_tanween and w.endswith("ا") and len(w) > 2:
            w = w[:-1]
        if w.endswith(("يين", "يون")) and len(w) > 5:  # nisba plural: السوريين → سوري
            w = w[:-2]
        return w

    def verb_vowelled(self, j: int, pl: int) -> bool:
        t = self.toks[j]
        o1, o2 = self.orig(t.a, t.b)
        raw = self.text[o1:o2]
        k = 0
        for c in raw:  # the diacritic right after the first letter of the stem
            if DIACRITICS_RE.match(c):
                continue
            if k == pl:
                idx = raw.index(c)
                nxt = raw[idx + 1: idx + 2]
                return nxt in ("\u064f", "\u0651")
            k += 1
        return False

    def has_tanween(self, j: int) -> bool:
        t = self.toks[j]
        o1, o2 = self.orig(t.a, t.b)
        return "\u064b" in self.text[o1:o2]

    def noun_follows(self, j: int) -> bool:
        w = self.w(j)
        return bool(w) and w not in L.STOPWORDS and w not in L.NUMBER_WORDS and not w.startswith("و")

    def _word_before(self, i: int, words: frozenset[str] | set[str], span: int = 4) -> bool:
        """One of ``words`` (after clitic stripping) among the ``span`` tokens before ``i``."""
        for k in range(max(0, i - span), i):
            t = self.toks[k]
            if t.k == "w":
                for stem, _ in _strip(t.t):
                    if stem in words:
                        return True
        return False

    def is_year_pair(self, i: int, k: int, *, period_ok: bool = True) -> bool:
        """Tokens i and k are both four digits that read as years (1000–2200); with ``period_ok``
        False, not a period either: a dash between rising years far apart is one («(1939-1945)»),
        consecutive years are a season or an academic year («2012-2013», «1436-1437»), falling
        ones a life («(1883 - 1813)»)."""
        if not all(0 <= x < self.n and self.toks[x].k == "n" and self.toks[x].t.isdigit() and len(self.toks[x].t) == 4
                   and 1000 <= int(self.toks[x].t) <= 2200 for x in (i, k)):
            return False
        y1, y2 = int(self.toks[i].t), int(self.toks[k].t)
        return period_ok or y2 <= y1 + 1

    def tatweel_between(self, j: int, k: int) -> bool:
        """Only spaces and tatweel («ــ», a dash) between tokens j and k in the original text."""
        gap = self.text[self.orig(self.toks[j].a, self.toks[j].b)[1]: self.orig(self.toks[k].a, self.toks[k].b)[0]]
        return "\u0640" in gap and not gap.strip(" \u0640")
