"""Dates in Arabic news text: datelines («تاريخ النشر: 28.10.2024 | 12:56 GMT»,
«آخر تحديث: …», «نشر في ٢٢ يوليو ٢٠١٥»), relative ages («منذ 3 ساعات») and the
Arabic month names (Egyptian/Gulf «يناير…», Levantine «كانون الثاني…», Maghrebi
«يوليوز…»).

Pure functions.  All matching is done on :func:`akhbar.text.fold_match` text, so
Arabic-Indic digits, diacritics and hamza/ta-marbuta spelling variants do not matter.
Returned datetimes are timezone-aware; the default zone is UTC (also for «GMT»).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from akhbar.text import collapse_spaces, fold_match

UTC = dt.timezone.utc

# Month names in their *normalised* spelling (see akhbar.text.fold_match).
_MONTHS: dict[str, int] = {
    # Egyptian / Gulf (Latin-derived)
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "ابريل": 4, "مايو": 5, "يونيو": 6,
    "يونيه": 6, "يوليو": 7, "يوليه": 7, "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10,
    "نوفمبر": 11, "ديسمبر": 12, "فبرابر": 2,
    # Maghrebi
    "ماي": 5, "يوليوز": 7, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12, "جانفي": 1,
    "فيفري": 2, "افريل": 4, "جوان": 6, "جويليه": 7, "اوت": 8,
    # Levantine / Iraqi (Syriac-derived)
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6,
    "تموز": 7, "اب": 8, "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11,
    "كانون الاول": 12,
}
# Longest names first so that «كانون الثاني» wins over a prefix.
_MONTH_ALT = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
MONTH_RE_SRC = rf"(?:{_MONTH_ALT})"

_WEEKDAYS = ("السبت", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه")

# Number words used in relative ages («منذ ثلاث ساعات»).
_NUMBER_WORDS = {
    "واحد": 1, "واحده": 1, "اثنين": 2, "اثنتين": 2, "ثلاث": 3, "ثلاثه": 3, "اربع": 4,
    "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7, "ثماني": 8,
    "ثمان": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10,
}

_TIME_RE = re.compile(
    r"(?<!\d)(\d{1,2})\s*[:：]\s*(\d{2})(?:\s*[:：]\s*(\d{2}))?"
    r"\s*(ص(?:باحا)?|م(?:ساء)?|صباحا|مساء|am|pm|a\.m\.|p\.m\.)?(?![\w\d])",
    re.IGNORECASE,
)
_TZ_RE = re.compile(r"\b(?:gmt|utc)\s*([+-]\s*\d{1,2})?(?::?(\d{2}))?", re.IGNORECASE)
_TZ_ARABIC = {"بتوقيت مكه": 3, "بتوقيت السعوديه": 3, "بتوقيت الرياض": 3, "بتوقيت القاهره": 2,
              "بتوقيت غرينتش": 0, "بتوقيت جرينتش": 0, "بتوقيت الامارات": 4, "بتوقيت ابوظبي": 4}
# 28.10.2024  28/10/2024  28-10-2024
_DMY_RE = re.compile(r"(?<!\d)(\d{1,2})\s*([./\-])\s*(\d{1,2})\s*\2\s*(\d{4})(?!\d)")
# 2024-10-28  2024/10/28
_YMD_RE = re.compile(r"(?<!\d)(\d{4})([./\-])(\d{1,2})\2(\d{1,2})(?!\d)")
# 22 يوليو 2015 ; 22 يونيو/حزيران 2015 ; 22 من يوليو 2015
_DMONY_RE = re.compile(
    rf"(?<!\d)(\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?({MONTH_RE_SRC})(?:\s*[/\-]\s*({MONTH_RE_SRC}))?"
    rf"\s*[،,]?\s*(\d{{4}})(?!\d)"
)
# يوليو 22, 2015 (rare, English order)
_MONDY_RE = re.compile(rf"({MONTH_RE_SRC})\s+(\d{{1,2}})\s*[،,]\s*(\d{{4}})(?!\d)")

# Hijri months, normalised spelling: «25 شوال 1436 هـ», «5 ذو القعدة 1436هـ»
_HIJRI_MONTHS: dict[str, int] = {
    "محرم": 1, "صفر": 2, "ربيع الاول": 3, "ربيع اول": 3, "ربيع الثاني": 4, "ربيع الاخر": 4,
    "ربيع ثاني": 4, "جمادي الاولي": 5, "جمادي الاول": 5, "جمادي اولي": 5, "جمادي الثانيه": 6,
    "جمادي الاخره": 6, "جمادي الاخر": 6, "جمادي الثاني": 6, "رجب": 7, "شعبان": 8, "رمضان": 9,
    "شوال": 10, "ذو القعده": 11, "ذي القعده": 11, "ذو الحجه": 12, "ذي الحجه": 12,
}
_HIJRI_ALT = "|".join(sorted((re.escape(m) for m in _HIJRI_MONTHS), key=len, reverse=True))
_HIJRI_RE = re.compile(rf"(?<!\d)(\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?({_HIJRI_ALT})\s*[،,]?\s*(1[34]\d\d)(?!\d)")

_RELATIVE_UNITS: dict[str, tuple[str, int]] = {
    # word -> (timedelta field, count implied by the word alone)
    "ثانيه": ("seconds", 1), "ثواني": ("seconds", 0), "ثوان": ("seconds", 0),
    "دقيقه": ("minutes", 1), "دقيقتين": ("minutes", 2), "دقيقتان": ("minutes", 2),
    "دقايق": ("minutes", 0),
    "ساعه": ("hours", 1), "ساعتين": ("hours", 2), "ساعتان": ("hours", 2), "ساعات": ("hours", 0),
    "يوم": ("days", 1), "يومين": ("days", 2), "يومان": ("days", 2), "ايام": ("days", 0),
    "اسبوع": ("weeks", 1), "اسبوعين": ("weeks", 2), "اسابيع": ("weeks", 0),
    "شهر": ("days30", 1), "شهرين": ("days30", 2), "اشهر": ("days30", 0), "شهور": ("days30", 0),
    "سنه": ("days365", 1), "سنتين": ("days365", 2), "سنوات": ("days365", 0), "عام": ("days365", 1),
}
_UNIT_ALT = "|".join(sorted(_RELATIVE_UNITS, key=len, reverse=True))
_NUMWORD_ALT = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_RELATIVE_RE = re.compile(
    rf"(?:منذ|قبل)\s+(?:(\d+|{_NUMWORD_ALT})\s+)?({_UNIT_ALT})(?![\w])"
)
_YESTERDAY_RE = re.compile(r"(?<![\w])(?:امس|البارحه)(?![\w])")

# Words that may accompany a date on a pure dateline.
_DATELINE_PREFIX_RE = re.compile(
    r"^(?:تاريخ\s+النشر|تاريخ\s+الخبر|نشر\s+في|نشر\s+بتاريخ|نشر|منشور|تم\s+النشر|النشر|"
    r"اخر\s+تحديث|تاريخ\s+التحديث|تم\s+التحديث|تحديث|محدث|بتاريخ|التاريخ|published|updated|last\s+updated)"
    r"(?=[\s:：\-|،,]|$)",
    re.IGNORECASE,
)
_UPDATED_RE = re.compile(r"(?:اخر\s+تحديث|تاريخ\s+التحديث|تم\s+التحديث|^تحديث|^محدث|updated)", re.IGNORECASE)
# Tokens allowed on a date-dominated line besides the date itself.
_DATE_FILLER = set(
    "في من الساعه الموافق بتاريخ تاريخ النشر نشر اخر تحديث التحديث تم منشور ص م صباحا مساء "
    "gmt utc am pm بتوقيت مكه المكرمه غرينتش جرينتش القاهره السعوديه الرياض هـ ه published updated "
    "last on at منذ قبل".split()
) | set(_WEEKDAYS) | {w[2:] for w in _WEEKDAYS} | set(
    # Hijri months (a Hijri date often precedes the Gregorian one: «25 شوال 1436 هـ الموافق …»)
    "محرم صفر ربيع الاول الثاني الاخر جمادي جمادى رجب شعبان رمضان شوال ذو ذي القعده الحجه".split()
) | set(
    # a wire agency closing the dateline: «… 2015 م واس»
    "واس رويترز ا ف ب وكالات".split()
)
# «الرياض 25 شوال …»: one place word may open a dateline when a number follows it
_PLACE_OPENING_RE = re.compile(r"^(\D{2,40}?)\s+\d")


@dataclass(slots=True)
class Dateline:
    """What a line says about the article's dates."""

    when: dt.datetime
    kind: str  # "published" | "updated" | "date"
    relative: bool = False  # came from «منذ …» / «أمس»


def _tz_for(norm: str) -> dt.tzinfo:
    m = _TZ_RE.search(norm)
    if m and m.group(1):
        hours = int(m.group(1).replace(" ", ""))
        minutes = int(m.group(2) or 0)
        sign = -1 if hours < 0 else 1
        return dt.timezone(dt.timedelta(hours=hours, minutes=sign * minutes))
    for phrase, hours in _TZ_ARABIC.items():
        if phrase in norm:
            return dt.timezone(dt.timedelta(hours=hours))
    return UTC


def _time_of(norm: str, after: int = 0) -> tuple[int, int, int] | None:
    m = _TIME_RE.search(norm, after)
    if not m:
        return None
    hour, minute, second = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
    marker = (m.group(4) or "").lower().replace(".", "")
    if marker in ("م", "مساء", "pm") and hour < 12:
        hour += 12
    elif marker in ("ص", "صباحا", "am") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return None
    return hour, minute, second


def _make(y: int, mo: int, d: int, norm: str, date_end: int) -> dt.datetime | None:
    try:
        day = dt.date(y, mo, d)
    except ValueError:
        return None
    t = _time_of(norm, date_end) or _time_of(norm[:date_end]) or (0, 0, 0)
    return dt.datetime(day.year, day.month, day.day, *t, tzinfo=_tz_for(norm))


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    """Umm al-Qura Hijri date → Gregorian (hijridate); None outside its range."""
    from hijridate import Hijri

    try:
        return Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None


def month_number(name: str) -> int | None:
    """Arabic month name (any common spelling/region) → 1..12."""
    return _MONTHS.get(collapse_spaces(fold_match(name)))


def _numeric(y: int, mo: int, d: int, norm: str, end: int) -> dt.datetime | None:
    """A date written in digits; a year of the 14th/15th Hijri century («26/9/1436هـ») is
    a Hijri date, converted (no Gregorian date of news is in 1300–1499)."""
    if 1300 <= y < 1500:
        greg = hijri_to_gregorian(y, mo, d)
        return _make(greg.year, greg.month, greg.day, norm, end) if greg is not None else None
    return _make(y, mo, d, norm, end)


def parse_date(text: str, reference: dt.datetime | None = None) -> dt.datetime | None:
    """The first absolute or relative date (with time if given) found in ``text``.

    Relative ages («منذ 3 ساعات», «أمس») need ``reference`` (e.g. the scrape time);
    without it they give None.  Naive references are taken as UTC.
    """
    norm = collapse_spaces(fold_match(text)).lower()
    m = _DMY_RE.search(norm)
    if m:
        res = _numeric(int(m.group(4)), int(m.group(3)), int(m.group(1)), norm, m.end())
        if res:
            return res
    m = _YMD_RE.search(norm)
    if m:
        res = _numeric(int(m.group(1)), int(m.group(3)), int(m.group(4)), norm, m.end())
        if res:
            return res
    m = _DMONY_RE.search(norm)
    if m:
        res = _make(int(m.group(4)), _MONTHS[m.group(2)], int(m.group(1)), norm, m.end())
        if res:
            return res
    m = _MONDY_RE.search(norm)
    if m:
        res = _make(int(m.group(3)), _MONTHS[m.group(1)], int(m.group(2)), norm, m.end())
        if res:
            return res
    m = _HIJRI_RE.search(norm)
    if m:  # a Hijri date alone (with both, the Gregorian one above wins)
        greg = hijri_to_gregorian(int(m.group(3)), _HIJRI_MONTHS[m.group(2)], int(m.group(1)))
        if greg is not None:
            res = _make(greg.year, greg.month, greg.day, norm, m.end())
            if res:
                return res
    if reference is not None:
        ref = reference if reference.tzinfo else reference.replace(tzinfo=UTC)
        m = _RELATIVE_RE.search(norm)
        if m:
            field, implied = _RELATIVE_UNITS[m.group(2)]
            raw_n = m.group(1)
            if raw_n is None:
                n = implied or 1
            elif raw_n.isdigit():
                n = int(raw_n)
            else:
                n = _NUMBER_WORDS[raw_n]
            if field == "days30":
                delta = dt.timedelta(days=30 * n)
            elif field == "days365":
                delta = dt.timedelta(days=365 * n)
            else:
                delta = dt.timedelta(**{field: n})
            return ref - delta
        if _YESTERDAY_RE.search(norm):
            t = _time_of(norm)
            day = (ref - dt.timedelta(days=1)).date()
            if t:
                return dt.datetime(day.year, day.month, day.day, *t, tzinfo=ref.tzinfo)
            return dt.datetime(day.year, day.month, day.day, tzinfo=ref.tzinfo)
    return None


_STRIP_DATE_PARTS = [
    _DMY_RE, _YMD_RE, _DMONY_RE, _MONDY_RE, _HIJRI_RE, _TIME_RE, _RELATIVE_RE,
    re.compile(rf"(?<!\d)\d{{1,2}}\s+{MONTH_RE_SRC}"), re.compile(r"(?<!\w)" + MONTH_RE_SRC + r"(?!\w)(?:\s+\d{4})?"),
    re.compile(r"(?<!\d)\d{4}(?!\d)"), _TZ_RE,
]
_NON_WORD_RE = re.compile(r"[^\w\s]|_")


def date_residue(text: str) -> list[str]:
    """Words of ``text`` that are neither part of a date/time nor date filler words.
    An empty residue means the line is nothing but a date."""
    norm = collapse_spaces(fold_match(text)).lower()
    for rx in _STRIP_DATE_PARTS:
        norm = rx.sub(" ", norm)
    norm = _NON_WORD_RE.sub(" ", norm)
    words = [w for w in norm.split() if w not in _DATE_FILLER and not w.isdigit()]
    # «الاثنين» etc. may carry a prefix: «يوم»
    return [w for w in words if w != "يوم"]


def _is_place(name: str) -> bool:
    from akhbar.entities.gazetteer import load  # the place names the NER gazetteer knows

    entry = load().get(name)
    return entry is not None and entry.label == "LOC"


def parse_dateline(line: str, reference: dt.datetime | None = None) -> Dateline | None:
    """A line that is essentially a date («تاريخ النشر: …», «آخر تحديث: …»,
    «الأحد 22 يوليو 2015», «منذ 3 ساعات») → :class:`Dateline`; otherwise None.

    A sentence that merely mentions a date is *not* a dateline.
    """
    stripped = line.strip()
    if not stripped or len(stripped) > 120:
        return None
    when = parse_date(stripped, reference)
    if when is None:
        return None
    residue = date_residue(stripped)
    if residue:
        norm0 = collapse_spaces(fold_match(stripped)).lower()
        # «الرياض 25 شوال …»: one word opens it; «إسلام آباد 18 شوال …»: a known place
        opening = _PLACE_OPENING_RE.match(norm0)
        if not (
            opening
            and _NON_WORD_RE.sub(" ", opening.group(1)).split() == residue
            and (len(residue) == 1 or (len(residue) <= 3 and _is_place(" ".join(residue))))
            and re.search(r"\d{4}", norm0)
        ):
            return None
    norm = collapse_spaces(fold_match(stripped)).lower()
    kind = "updated" if _UPDATED_RE.search(norm) else (
        "published" if _DATELINE_PREFIX_RE.search(norm) else "date"
    )
    relative = bool(_RELATIVE_RE.search(norm) or _YESTERDAY_RE.search(norm)) and not (
        _DMY_RE.search(norm) or _YMD_RE.search(norm) or _DMONY_RE.search(norm)
    )
    return Dateline(when=when, kind=kind, relative=relative)


# A date in a URL path: /2015/07/20/, /20150721/, /2015-07-21-…; digits around it
# (article ids such as «Con20150721784838») rule it out.
_URL_DATE_RE = re.compile(r"(?<![\d])((?:19|20)\d\d)([/_-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?![\d])")


def date_from_url(url: str | None) -> dt.date | None:
    """The publication day written in an article URL's path, if any."""
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    path = path.split("://", 1)[-1]
    path = path[path.find("/"):] if "/" in path else ""
    for m in _URL_DATE_RE.finditer(path):
        try:
            return dt.date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        except ValueError:
            continue
    return None


def is_age_line(line: str) -> bool:
    """«منذ ساعة», «قبل 5 دقائق», «منذ يومين»: a relative age with nothing else."""
    norm = collapse_spaces(fold_match(line)).lower()
    return bool(_RELATIVE_RE.search(norm)) and not date_residue(line)


# A CMS timestamp in the scraper's author field: «Tuesday, 11 August 2015 - 13:34 pm»,
# «Mon, 2015-08-10 20:48» (arriyadiyah puts one in every record, alone or after «… |»),
# «يوليو 21, 2015, 3 ص» (alyaum, now and then).
_EN_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december")
_AM_PM = r"[ap]\.?m\.?|ص|م|صباحا|صباحاً|مساء|مساءً"
_STAMP_TIME = (r"(?:\s*[-–,]?\s*(?P<h>\d{1,2})(?::(?P<mi>\d{2})(?:\s*(?P<ap>" + _AM_PM + r"))?"
               r"|\s*(?P<ap2>" + _AM_PM + r")))?")
_WORD = r"[a-z\u0621-\u064a]"
_STAMP_RES = (
    re.compile(rf"^(?:{_WORD}+,?\s+)?(?P<d>\d{{1,2}})\s+(?P<mon>{_WORD}{{3,9}})\.?,?\s+(?P<y>\d{{4}})" + _STAMP_TIME + r"\s*$", re.I),
    re.compile(rf"^(?:{_WORD}+,?\s+)?(?P<mon>{_WORD}{{3,9}})\.?\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})" + _STAMP_TIME + r"\s*$", re.I),
    re.compile(rf"^(?:{_WORD}+,?\s+)?(?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})(?:T|\s+)?" + _STAMP_TIME + r"\s*$", re.I),
)


def _stamp(text: str) -> dt.datetime | None:
    """A whole string that is one timestamp (English month names or ISO) → datetime, taken
    as UTC (the field gives no offset, as the datelines akhbar reads give none)."""
    for rx in _STAMP_RES:
        m = rx.match(text.strip())
        if not m:
            continue
        g = m.groupdict()
        if g.get("mon"):
            mon = next((i for i, name in enumerate(_EN_MONTHS, 1) if name.startswith(g["mon"].lower()[:3])), None)
            if mon is None:
                mon = month_number(g["mon"])  # an Arabic month name
            if mon is None:
                return None
        else:
            mon = int(g["m"])
        hour, minute = int(g["h"] or 0), int(g["mi"] or 0)
        ap = (g["ap"] or g["ap2"] or "").lower()
        if (ap.startswith("p") or ap.startswith("م")) and hour < 12:
            hour += 12
        try:
            return dt.datetime(int(g["y"]), mon, int(g["d"]), hour, minute, tzinfo=dt.timezone.utc)
        except ValueError:
            return None
    return None


def split_author_date(author: str | None) -> tuple[str | None, dt.datetime | None]:
    """(the author field without its timestamp, the timestamp): «الرياض - الرياضية | Monday,
    10 August 2015 - 19:05 pm» → («الرياض - الرياضية», 2015-08-10 19:05 UTC); an author that
    is only a timestamp gives (None, …); one with none is returned as it is."""
    if not author:
        return author, None
    parts = [p.strip() for p in author.split("|")]
    for i, part in enumerate(parts):
        when = _stamp(part)
        if when is not None:
            rest = " | ".join(p for j, p in enumerate(parts) if j != i and p)
            return (rest or None), when
    return author, None


__all__ = [
    "Dateline",
    "MONTH_RE_SRC",
    "date_from_url",
    "date_residue",
    "hijri_to_gregorian",
    "is_age_line",
    "month_number",
    "parse_date",
    "parse_dateline",
    "split_author_date",
]
