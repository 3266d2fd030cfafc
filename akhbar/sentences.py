"""Sentence splitting for Arabic news text with exact offsets.

Rules (in order of precedence):

* paragraphs are the ``"\\n"``-separated lines of ``clean_text``; a sentence never
  crosses one and every non-empty paragraph yields at least one sentence;
* candidate ends are ``.`` ``؟`` ``?`` ``!`` ``؛`` ``…`` (and runs of them, e.g. ``؟!``,
  ``...``), followed by optional closing quotes/brackets and then whitespace or the
  end of the paragraph – so ``28.10.2024``, ``3.5%`` and ``ص.ب`` never split;
* a two-dot ellipsis ``..`` is a pause inside a sentence («توجهت إلى.. روسيا»);
* a dot after a known abbreviation (``د.``, ``أ.د.``, ``م.``, ``ص.ب.``) or after a
  single letter does not end a sentence;
* inside brackets nothing splits; inside quotes a split happens only when both sides
  of it inside the quote are at least a few words long (a long multi-sentence quote);
* a stop after a stretch without letters («7.» opening a list item) does not split;
* a would-be sentence without any letter or digit is glued to its neighbour;
* an empty (or whitespace-only) paragraph yields no sentence, but keeps its index.
"""

from __future__ import annotations

import re

from akhbar.models import Sentence
from akhbar.text import fold_match

_ENDERS = ".؟?!؛…"
_OPEN_QUOTES = {"«": "»", "“": "”", "‘": "’"}
_CLOSE_QUOTES = {v: k for k, v in _OPEN_QUOTES.items()}
_OPEN_BRACKETS = {"(": ")", "[": "]", "{": "}"}
_CLOSE_BRACKETS = {v: k for k, v in _OPEN_BRACKETS.items()}
_TRAILING = "\"'»”’)]}"
# abbreviations, normalised (hamza folded), without their final dot
_ABBREVIATIONS = {
    "د", "ا", "ا.د", "ص.ب", "ص ب", "م", "ق.م", "ج", "ت", "س", "ش", "ه", "هـ", "ص", "ب", "ك", "كم",
    "م.م", "أ.د", "ج.م.ع", "ر.س", "د.ك", "د.ا", "مج", "ط", "ع", "mr", "mrs", "dr", "prof", "st",
    "no", "vs", "etc", "jr", "sr", "inc", "ltd", "co", "u.s", "u.k",
}
_MIN_QUOTE_WORDS = 4  # words needed on each side of a split inside a quote
_MIN_QUOTE_TOTAL = 12  # and the quote must be this long
_WORD_RE = re.compile(r"\w+")
_HAS_ALNUM = re.compile(r"\w")


def _word_before(text: str, i: int) -> str:
    """The token (letters and inner dots) that ends right before index ``i``."""
    j = i
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] in "._ـ"):
        j -= 1
    return text[j:i].strip(".")


def _count_words(text: str) -> int:
    return len(_WORD_RE.findall(text))


def _paragraph_spans(par: str) -> list[tuple[int, int]]:
    """Sentence (start, end) spans within one paragraph, before whitespace trimming."""
    n = len(par)
    ascii_quotes_balanced = par.count('"') % 2 == 0
    cuts: list[int] = []
    stack: list[str] = []  # open quotes/brackets
    quote_open_at: list[int] = []  # start index of the innermost open quote
    i = 0
    while i < n:
        ch = par[i]
        if ch in _OPEN_QUOTES:
            stack.append(ch)
            quote_open_at.append(i)
        elif ch in _CLOSE_QUOTES and stack and stack[-1] == _CLOSE_QUOTES[ch]:
            stack.pop()
            quote_open_at.pop()
        elif ch == '"' and ascii_quotes_balanced:
            if stack and stack[-1] == '"':
                stack.pop()
                quote_open_at.pop()
            else:
                stack.append('"')
                quote_open_at.append(i)
        elif ch in _OPEN_BRACKETS:
            stack.append(ch)
            quote_open_at.append(i)
        elif ch in _CLOSE_BRACKETS and stack and stack[-1] == _CLOSE_BRACKETS[ch]:
            stack.pop()
            quote_open_at.pop()
        elif ch in _ENDERS:
            j = i
            while j < n and par[j] in _ENDERS:
                j += 1
            run = par[i:j]
            k = j
            # closing quotes/brackets that belong to this sentence
            tmp_stack = list(stack)
            while k < n and par[k] in _TRAILING:
                c = par[k]
                if c == '"' and ascii_quotes_balanced:
                    if tmp_stack and tmp_stack[-1] == '"':
                        tmp_stack.pop()
                    else:
                        break
                elif c in _CLOSE_QUOTES:
                    if tmp_stack and tmp_stack[-1] == _CLOSE_QUOTES[c]:
                        tmp_stack.pop()
                    else:
                        break
                elif c in _CLOSE_BRACKETS:
                    if tmp_stack and tmp_stack[-1] == _CLOSE_BRACKETS[c]:
                        tmp_stack.pop()
                    else:
                        break
                k += 1
            at_end = k >= n or par[k:].strip() == ""
            if not at_end and not par[k].isspace():
                i = j
                continue
            if run == ".." or (run == "." and _is_abbreviation(par, i)):
                i = j
                continue
            if not any(c.isalpha() for c in par[(cuts[-1] if cuts else 0) : i]):
                i = j  # «7. العراب»: a list index, not a sentence
                continue
            if at_end:
                break
            if tmp_stack:
                # still inside a quote/bracket after the closers
                if any(s in _OPEN_BRACKETS for s in tmp_stack):
                    i = j
                    continue
                inner_start = quote_open_at[len(tmp_stack) - 1] + 1 if quote_open_at else 0
                before = _count_words(par[inner_start:i])
                closer = _closing_index(par, k, tmp_stack[-1])
                after = _count_words(par[k:closer]) if closer is not None else 0
                if before < _MIN_QUOTE_WORDS or after < _MIN_QUOTE_WORDS or (
                    before + after < _MIN_QUOTE_TOTAL
                ):
                    i = j
                    continue
            # apply the closers we consumed to the real stack
            stack[:] = tmp_stack
            del quote_open_at[len(stack):]
            cuts.append(k)
            i = k
            continue
        i += 1
    spans = []
    start = 0
    for c in cuts:
        spans.append((start, c))
        start = c
    spans.append((start, n))
    return spans


def _closing_index(par: str, start: int, opener: str) -> int | None:
    closer = _OPEN_QUOTES.get(opener, '"' if opener == '"' else None)
    if closer is None:
        return None
    idx = par.find(closer, start)
    return idx if idx >= 0 else None


def _is_abbreviation(par: str, dot: int) -> bool:
    word = _word_before(par, dot)
    if not word:
        return False
    norm = fold_match(word).lower()
    if norm in _ABBREVIATIONS or word.lower() in _ABBREVIATIONS:
        return True
    # a single letter before the dot (initials: «م. محمد», «J. Smith»)
    return len(word) == 1 and word.isalpha()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(clean_text: str) -> list[Sentence]:
    out: list[Sentence] = []
    offset = 0
    for p_idx, par in enumerate(clean_text.split("\n")):
        spans = []
        for s, e in _paragraph_spans(par):
            s, e = _trim(par, s, e)
            if s < e:
                spans.append((s, e))
        # glue fragments with no letters/digits (or a single character) to a neighbour
        merged: list[tuple[int, int]] = []
        for s, e in spans:
            frag = par[s:e]
            if merged and (not _HAS_ALNUM.search(frag) or e - s <= 1):
                merged[-1] = (merged[-1][0], e)
            elif merged and (not _HAS_ALNUM.search(par[merged[-1][0]:merged[-1][1]]) or merged[-1][1] - merged[-1][0] <= 1):
                merged[-1] = (merged[-1][0], e)
            else:
                merged.append((s, e))
        for s, e in merged:
            out.append(
                Sentence(
                    sentence_idx=len(out),
                    paragraph_idx=p_idx,
                    start=offset + s,
                    end=offset + e,
                    text=par[s:e],
                )
            )
        offset += len(par) + 1
    return out


__all__ = ["split_sentences"]
