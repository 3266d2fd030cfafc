"""Tokens of the figure parser: the text in its matching form cut into numbers, Arabic
words, Latin words and punctuation, with the spans that are not words masked (URLs, e-mail
addresses, hashtags, phone numbers: ``x``), clock times (``t``) and numeric dates (``d``)
as single tokens. Offsets are into the matching form (:func:`akhbar.text.fold_match_mapped`).
"""

from __future__ import annotations

import re

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


def _num_value(t: str) -> float | None:
    if _PLAIN_RE.fullmatch(t):
        return float(t)
    if "ر" in t:
        # Saudi Press Agency style, written fraction-first: «6ر11» = 11.6,
        # «500ر307» = 307,500 (a 3-digit left part is a thousands group)
        left, right = t.split("ر")
        if len(left) == 3:
            return float(right) * 1000 + float(left)
        return float(right + "." + left)
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
    si = 0
    ns = len(specials)
    prev = None
    for m in _TOKEN_RE.finditer(s):
        a = m.start()
        if si < ns:
            while si < ns and specials[si][1] <= a:
                si += 1
            if si < ns and specials[si][0] <= a:
                sp = specials[si]
                if not toks or toks[-1].a != sp[0]:
                    toks.append(_Tok(sp[2], sp[0], sp[1], s[sp[0] : sp[1]], sp[3]))
                continue
        k = m.lastgroup
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
