"""Prayer-time widgets: a run of the prayer names الفجر/الشروق/الظهر/العصر/المغرب/العشاء
with times, in any order, Arabic-Indic or Latin digits, with/without diacritics,
AM/PM/ص/م, with separator lines («-», «|») and an optional header
(«مواقيت الصلاة في القاهرة»).  A sentence that mentions a prayer is never a widget
line: lines are only taken when they are short and made of names, times, separators."""

from __future__ import annotations

import re

from akhbar.clean._text import Line

PRAYERS = ("الفجر", "الشروق", "الظهر", "العصر", "المغرب", "العشاء", "الجمعه", "الامساك")
_PRAYER_ALT = "|".join(PRAYERS)
_TIME = r"\d{1,2}\s*[:.]\s*\d{2}(?:\s*(?:am|pm|ص|م|صباحا|مساء))?"
_SEP = r"[\s\-–—|:•·*_/]*"
_PRAYER_LINE_RE = re.compile(
    rf"^{_SEP}(?:{_TIME})?{_SEP}(?:(?:موعد|وقت|توقيت)\s+)?(?:(?:اذان|الاذان|صلاه)\s*)?(?:{_PRAYER_ALT}){_SEP}(?:{_TIME})?{_SEP}$"
)
_TIME_ONLY_RE = re.compile(rf"^{_SEP}{_TIME}{_SEP}$")
_SEPARATOR_RE = re.compile(r"^[\-–—|:•·*_/.\s]+$")
_HEADER_RE = re.compile(r"(?:مواقيت|اوقات|موعد|مواعيد)\s+(?:ال)?(?:صلاه|اذان|الاذان)")
_PRAYER_WORD_RE = re.compile(rf"(?:{_PRAYER_ALT})")
_TIME_RE = re.compile(_TIME)


def _kind(line: Line) -> str | None:
    # norm keeps «:» and «-» but has no diacritics, ASCII digits and lower-case am/pm.
    norm = line.norm
    if _SEPARATOR_RE.match(norm):
        return "sep"
    if line.n_words <= 6 and _PRAYER_LINE_RE.match(norm):
        return "prayer"
    if _TIME_ONLY_RE.match(norm):
        return "time"
    if line.n_words <= 8 and _HEADER_RE.search(norm):
        return "header"
    # a flattened table on one line: ≥3 prayer names with ≥3 times and few other words
    # (a header naming the city may open it: «مواقيت الصلاة في مكة المكرمة: الفجر …»)
    names = _PRAYER_WORD_RE.findall(norm)
    if len(set(names)) >= 3 and len(_TIME_RE.findall(norm)) >= 3:
        key = line.key
        head = _HEADER_RE.search(key)
        allowed = 3
        if head is not None and head.start() == 0:
            key, allowed = key[head.end():], 5  # «في» and a city of up to four words
        rest = _TIME_RE.sub(" ", _PRAYER_WORD_RE.sub(" ", key))
        if len([w for w in rest.split() if not w.isdigit()]) <= allowed:
            return "table"
    return None


def find_prayer_blocks(lines: list[Line]) -> dict[int, tuple[str, float]]:
    """pos → (rule, confidence) for every line of a prayer-time widget."""
    kinds = [_kind(ln) for ln in lines]
    out: dict[int, tuple[str, float]] = {}
    i = 0
    while i < len(lines):
        if kinds[i] is None:
            i += 1
            continue
        j = i
        while j < len(lines):
            if kinds[j] is not None:
                j += 1
            elif (  # bridge one short line (city, date) between widget lines
                j + 1 < len(lines)
                and kinds[j + 1] is not None
                and lines[j].n_words <= 5
                and not lines[j].ends_sentence
            ):
                j += 1
            else:
                break
        run = range(i, j)
        names = set()
        for k in run:
            names.update(_PRAYER_WORD_RE.findall(lines[k].norm) if kinds[k] in ("prayer", "table") else ())
        if len(names) >= 3 or any(kinds[k] == "table" for k in run):
            for k in run:
                out[k] = ("prayer_block", 0.98)
        i = j
    return out
