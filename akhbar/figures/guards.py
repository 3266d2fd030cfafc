"""Why a number is *not* a figure: the named guards of the figure parser, and the typed
fields a parse produces.

A guard is a named predicate over a number the parser has read (a :class:`Candidate`) that
returns a :class:`Verdict` ``(keep, reason, end)``, as a datatrove filter returns ``(keep,
reason)``: «المادة 4» → ``(False, "identifier", ...)``. :meth:`akhbar.figures.quantity.
QuantityParser.parse_quantity` asks them in order (:data:`NAME_GUARDS`, :data:`CODE_GUARDS`,
:data:`LAYOUT_GUARDS`, :data:`LIST_GUARDS`); the date, ordinal and dual parsers name their
reasons where a parse is given up (``_R(end, reason=...)``: «31 فبراير» ``impossible_date``,
«خادم الحرمين» ``title_dual``). :func:`akhbar.figures.extract.audit_figures` counts the reasons,
so an audit of a corpus, and the ``non_figures`` column of a pipeline run, say how many
numbers each guard turned away. :data:`REASONS` is the list, with what each guard means.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple, TypedDict

from akhbar.figures import lexicon as L
from akhbar.figures.numbers import Number
from akhbar.text import proclitic_stems as _strip

if TYPE_CHECKING:
    from akhbar.figures.extract import _Parser


class FigureFields(TypedDict, total=False):
    """What a successful parse resolved (keys as in :class:`akhbar.models.Figure`)."""

    value: float | None
    value_low: float | None
    value_high: float | None
    qualifier: str
    kind: str
    unit: str | None
    magnitude: float | None
    date_value: dt.date | None


_QUANTITY_KINDS = {"count", "money", "percent", "measure", "duration"}


class _R:
    """A parse result: token end index and figure fields; ``fields`` None means the tokens
    are consumed as *not a figure*, and ``reason`` names the guard that said so (one of
    :data:`akhbar.figures.guards.REASONS`); ``then`` is a second figure read by the same parse
    (the second year of a pair, «1436/1437هـ»)."""

    __slots__ = ("end", "a", "b", "fields", "reason", "then")

    def __init__(self, end: int, a: int = 0, b: int = 0, fields: FigureFields | None = None,
                 *, reason: str | None = None, then: _R | None = None):
        self.end, self.a, self.b, self.fields, self.reason, self.then = end, a, b, fields, reason, then


REASONS: dict[str, str] = {
    # numbers that are part of a name or an identifier
    "identifier": "after a title / identifier word or glued to a name («المادة 4», «رؤية 2030», «F16», «روسيا-1», «الفرقة 30», «مؤشر كاك 40»)",
    "quoted_name": "a quoted name holding a number («\"نور 2\"», «“توب 500″», «360 سيكيوريتي»)",
    "latin_name": "a number word before a Latin name, or digits opening one after its quoted Arabic spelling («إمّا ستون Emma Stone», «360 Security»)",
    "group_name": "a group named by a number («مجموعة العشرين», «مجموعة 5+1»)",
    "street_name": "a street named by a number («شارع الستين»)",
    "named_event": "a date that names an event («ثورة 23 يوليو», «أحداث 11 سبتمبر»)",
    "code_with_latin": "a code joined to Latin text («635031 - Mobily»)",
    "leading_zero_code": "digits with a leading zero («0551»): a code or phone prefix",
    "long_digit_id": "nine digits or more without separators: an id or phone number",
    "phone_number": "digits after a phone word («هاتف الطوارئ 997»)",
    # times, scores, layout
    "clock_time": "a clock time («الساعة 9», «الرابعة مساء»)",
    "score": "a match score («2-1»)",
    "score_or_fraction": "a slash pair («4/2», «24/7»)",
    "dimensions": "dimensions («1×1», «1920 في 1080 بيكسل»)",
    "company_name": "an ordinal naming a company («شركة «الحادي عشر»», «الحادي عشر القابضة»)",
    "list_index": "a list bullet at the start of a line («1-», «5 ـ»)",
    "month_number": "a month written as a number before an era word («سبتمبر 9 ميلادي»)",
    "masked_span": "inside a URL, e-mail, hashtag, clock time or phone number (masked before parsing)",
    "after_masked_span": "a single digit right after a masked span",
    # dates that cannot be resolved
    "date_without_reference": "a relative or partial date with no reference date",
    "impossible_date": "a date that does not exist («31 فبراير») or a calendar out of range",
    "hijri_date_without_year": "a Hijri day and month with no year: not resolved",
    "mixed_calendars": "a Gregorian month with a Hijri year",
    "year_out_of_range": "a year outside 1000-2200",
    "month_name_part": "a word that is part of a month name («كانون الأول»)",
    "ambiguous_month_word": "«مارس» / «آب» alone: also a verb and a noun",
    "explicit_date_follows": "a weekday followed by an explicit date, which speaks instead",
    "idiom_not_date": "«في أمس الحاجة», «أنه غدا», «البارحة الأولى»: not a day",
    "prayer_not_date": "«صلاة الجمعة», «خطبة الجمعة»: not a date",
    "family_name": "a weekday after a given name («عبدالوهاب الخميس»): a family name",
    # agreement
    "agreeing_adjective": "an adjective agreeing with a dual («مواجهتين وديتين»)",
    "footnote_mark": "a small number alone in brackets before a full stop or a colon («… (1).»)",
    "one_of_two": "a dual after «أي (من)» («أي من الطرفين»): either of the two, not a count of two",
    "initial_not_first": "«الأوّلي» written with «ي» after a masculine noun («النموذج الأولي», «التقدير الأولي»: initial), «أولي الأمر»: not «first»",
    "first_n": "«الأولى» after a numeral («الأشهر الستة الأولى»): the first N, counted by the numeral",
    "title_dual": "a dual inside a title or a name («خادم الحرمين الشريفين», «بلاد الحرمين», «الحرمين الشريفين»): not a count",
    "overlaps_previous": "a parse reaching back into the figure before it",
}


def glued_to_name(c: _Parser, i: int, j: int) -> bool:
    """Digits at token i..j-1 glued to a name («روسيا-1», «F16», «كوفيد-19»)."""
    toks = c.toks
    t = toks[i]
    if t.k != "n":
        return False
    if i > 0 and c.adjacent(i):
        prev = toks[i - 1]
        if prev.k == "l":
            return True
        if prev.k == "w" and prev.t not in L.DIGIT_PREFIXES:
            return True
        if prev.k == "p" and prev.t in L.DASHES and i > 1 and toks[i - 2].b == prev.a and toks[i - 2].k in ("w", "l"):
            return True
    end = toks[j - 1]
    if j < c.n and toks[j].a == end.b:
        nxt = toks[j]
        if nxt.k == "l":
            return nxt.t.lower() not in L.LATIN_UNITS  # («64GB»: a size, not a name)
        if nxt.k == "p" and nxt.t in L.DASHES and j + 1 < c.n and toks[j + 1].a == nxt.b and toks[j + 1].k in ("w", "l"):
            return True
    return False


def after_title(c: _Parser, i: int) -> bool:
    """Token i comes after a title or identifier word («المادة 4», «رؤية المملكة 2030»), a
    Latin name («Street Food - 57»), a model word or a product named by letters («إس.إي 370»)."""
    if i == 0:
        return False
    if c.p(i - 1) in L.DASHES and i > 1 and c.toks[i - 2].k == "l":
        return True  # «Street Food - 57»
    if c.p(i - 1) in L.DASHES and i > 1 and c.toks[i - 2].k == "w" and c.toks[i].t.isdigit() and len(c.toks[i].t) <= 2 \
            and c.toks[i].t[0] != "0" and (num := c.parse_number(i)) is not None and num.end == i + 1 \
            and c.unit_at(i + 1, allow_fallback=False) is None and c.w(i + 1) not in L.MONTH_FIRST_WORDS \
            and c.p(i + 1) != "%" and (i + 1 >= c.n or c.toks[i + 1].k != "n") \
            and not any(c.toks[k].k == "n" for k in range(max(0, i - 4), i - 1)):  # (not «28 قتيلا - 17 متمردا»)
        return True  # «سالت - 2», «هيليوم - 3», «أوميغا - 3», «المرسوم الملكي رقم (م - 17)»: a name's number
    for k in range(max(0, i - 4), i - 1):
        if c.w(k) in L.MODEL_WORDS:
            return True  # «طراز «مازيراتي 350 إس»»
    if _index_name(c, i):
        return True
    prev = c.toks[i - 1]
    if prev.k == "l":
        return True
    if prev.k == "w" and i > 2 and c.p(i - 2) == "." and c.adjacent(i - 1) and c.adjacent(i - 2) \
            and c.toks[i - 3].k == "w" and len(prev.t) <= 3:
        return True  # «"إس.إي 370"», «إتش.دي.إم.آي 1.4»: a product named by letters and a number
    if prev.k == "p" and prev.t == "." and i > 3 and c.toks[i - 2].k == "w" and len(c.toks[i - 2].t) <= 3 \
            and c.adjacent(i - 1) and c.p(i - 3) == "." and c.adjacent(i - 2) and c.toks[i - 4].k == "w" \
            and c.adjacent(i - 3) and len(c.toks[i - 4].t) <= 3:
        return True  # «الرحلة ام.اتش. 370», «(إم.إتش. 370)»: letters with their dots, then the number
    if prev.k == "p" and prev.t in L.OPEN_QUOTES and i > 1:
        prev = c.toks[i - 2]
        if prev.k != "w":
            return False
    if prev.k != "w":
        return False
    for stem, _ in _strip(prev.t):
        if stem in L.TITLE_WORDS:
            return True
        if stem in L.WEAK_TITLE_WORDS:
            num = c.parse_number(i)
            u = c.unit_at(num.end if num else i + 1, allow_fallback=False)
            return u is None
    # «رؤية المملكة 2030»
    if i > 1 and c.w(i - 2) in (L.fold("رؤية"), L.fold("رؤيه")):
        return True
    return _edition_year(c, i) or _edition_number(c, i)


def _edition_number(c: _Parser, i: int) -> bool:
    """«مهرجان جدة 36», «لمهرجان صيف طيبة 36», «عيد طيبة 36»: a whole number closing the name of a
    festival's edition (one or two name words after the head), with no unit after it."""
    t = c.toks[i].t
    if not t.isdigit() or c.toks[i - 1].k != "w" or c.w(i - 1) in L.EDITION_YEAR_STOPS \
            or c.w(i + 1) in L.YEAR_SUFFIX_CE or c.w(i + 1) in L.YEAR_SUFFIX_AH or (c.w(i + 1) or "").startswith("من"):
        return False  # (not «عيد الفطر السعيد 1436هـ»: a year; not «خلال أيام عيد الفطر 36 منهم»: a count)
    num = c.parse_number(i)
    if num is None or num.end != i + 1 or c.unit_at(i + 1, allow_fallback=False) is not None or c.p(i + 1) == "%":
        return False  # («مهرجان جدة استقبل 36 ألف زائر», «… 36 زائراً»)
    for k in (i - 2, i - 3):
        if k < 0 or c.toks[k].k != "w" or c.w(k) in L.EDITION_YEAR_STOPS:
            return False
        if any(stem in L.FESTIVAL_HEADS for stem, _ in _strip(c.toks[k].t)):
            return not (c.w(k + 1) or "").startswith(L.fold("ميلاد"))  # (not «بعيد ميلاده الـ54»: an age)
    return False


def _edition_year(c: _Parser, i: int) -> bool:
    """«مونديال روسيا 2018», «كأس العالم لكرة القدم 2018», «معرض وظائف 2015»: a year closing the
    name of an event's edition (no era word after it; not «في عام 2015»)."""
    t = c.toks[i].t
    if not (t.isdigit() and len(t) == 4 and 1900 <= int(t) <= 2100) or c.w(i + 1) in L.YEAR_SUFFIX_CE:
        return False
    if c.toks[i - 1].k != "w" or c.w(i - 1) in L.EDITION_YEAR_STOPS:
        return False
    return _words_back_to(c, i, L.EDITION_YEAR_HEADS, L.EDITION_YEAR_STOPS)


def _words_back_to(c: _Parser, i: int, heads: set[str], stops: frozenset[str] | set[str] = frozenset()) -> bool:
    """One of ``heads`` at most four words before token i, with only words between (none of
    ``stops``)."""
    for k in range(i - 1, max(-1, i - 5), -1):
        if c.toks[k].k != "w" or c.w(k) in stops:
            return False
        if c.w(k) in heads:
            return True
    return False


def _index_name(c: _Parser, i: int) -> bool:
    """«مؤشر كاك 40 الفرنسي», «ومؤشر يورو ستوكس 50»: a whole number closing a stock index's
    name, with no unit or percent after it."""
    t = c.toks[i].t
    return t.isdigit() and i > 1 and c.w(i - 1) not in L.INDEX_WORDS \
        and _words_back_to(c, i, L.INDEX_WORDS, L.INDEX_NAME_STOPS) \
        and c.p(i + 1) != "%" and c.unit_at(i + 1, allow_fallback=False) is None


def score_context(c: _Parser, i: int) -> bool:
    """A match word a few tokens back («بنتيجة», «فاز»): a dash pair is a score."""
    return c._word_before(i, L.SCORE_WORDS)


def change_context(c: _Parser, i: int) -> bool:
    """A change word a few tokens back («ارتفع من 10 إلى 20» is a change, not a range)."""
    return c._word_before(i, L.CHANGE_WORDS)



# ----------------------------------------------------------------------------- guards
class Verdict(NamedTuple):
    """What a guard says of a number: keep it (the parser goes on), or not a figure for
    ``reason`` (a key of :data:`REASONS`), the tokens up to ``end`` consumed."""

    keep: bool
    reason: str | None = None
    end: int = 0


KEEP = Verdict(True)


@dataclass(slots=True)
class Candidate:
    """A number the quantity parser has read, as the guards see it."""

    i: int  # its first token
    j: int  # the token after it
    num: Number
    value: float | None  # its value, signed («-5»)
    qa: int | None  # where a qualifier read before it starts (None: no qualifier)
    single: bool  # one digit token («12», «1.5»), not words


Guard = Callable[["_Parser", Candidate], Verdict]


def first_rejection(c: _Parser, guards: Sequence[Guard], n: Candidate) -> Verdict:
    """The first of ``guards`` that turns the number away, else :data:`KEEP`."""
    for guard in guards:
        verdict = guard(c, n)
        if not verdict.keep:
            return verdict
    return KEEP


def identifier(c: _Parser, n: Candidate) -> Verdict:
    """Digits glued to a name or after a title word («روسيا-1», «F16», «المادة 4», «رؤية 2030»);
    the whole identifier is consumed («رقم (4 - 2)», «القرار 104/47», «الآيتان 93، 94»)."""
    i, j = n.i, n.j
    if not n.num.digits or not (glued_to_name(c, i, j) or (n.qa is None and after_title(c, i))):
        return KEEP
    k = j
    while k + 1 < c.n and c.toks[k + 1].k == "n" and (c.p(k) in ("-", "/", "–", "،", ",") or (
            c.w(k) == "و" and c.adjacent(k + 1) and (k + 2 >= c.n or c.toks[k + 2].k != "w" or c.w(k + 2) == "و"))):
        k += 2  # («القرارات 1696 و1737 و1747»)
    return Verdict(False, "identifier", k)


def leading_zero_code(c: _Parser, n: Candidate) -> Verdict:
    """«0551»: a code or a phone prefix."""
    t = c.toks[n.i].t
    if n.num.digits and t.startswith("0") and len(t) > 1 and not any(ch in t for ch in ".,ر"):
        return Verdict(False, "leading_zero_code", n.j)
    return KEEP


def long_digit_id(c: _Parser, n: Candidate) -> Verdict:
    """Nine digits or more without separators: an id or a phone number."""
    t = c.toks[n.i].t
    if n.num.digits and t.isdigit() and len(t) >= 9:
        return Verdict(False, "long_digit_id", n.j)
    return KEEP


def quoted_name(c: _Parser, n: Candidate) -> Verdict:
    """«"نور 2"»: a quoted name ending in a number."""
    i, j = n.i, n.j
    if (
        n.num.digits and n.qa is None and c.p(j) in L.CLOSE_QUOTES and c.p(j) != ")"
        and any(c.p(k) in L.OPEN_QUOTES and c.p(k) != "(" for k in range(max(0, i - 5), i - 1))
    ):
        return Verdict(False, "quoted_name", j + 1)
    # «تطبيق «360 سيكيوريتي»»: a number opening a short quoted name, a name word (no unit) after it
    if n.num.digits and n.qa is None and i > 0 and c.p(i - 1) in L.OPEN_QUOTES and c.p(i - 1) != "(" \
            and c.unit_at(j, allow_fallback=False) is None:
        for m in range(j, min(j + 4, c.n)):
            if c.p(m) in L.CLOSE_QUOTES and c.p(m) != ")":
                if m > j and all(c.toks[x].k in ("w", "l") for x in range(j, m)):
                    return Verdict(False, "quoted_name", m + 1)
                break
    return KEEP


def phone_number(c: _Parser, n: Candidate) -> Verdict:
    """Three digits or more after a phone word, with no unit after them («هاتف الطوارئ التابع
    لعمليات الهلال الأحمر 997»)."""
    i, j = n.i, n.j
    toks = c.toks
    t = toks[i].t
    if (
        n.num.digits and t.isdigit() and len(t) >= 3 and n.qa is None
        and any(c.w(k) in L.PHONE_WORDS or (toks[k].k == "l" and toks[k].t.lower() == "sms")
                for k in range(max(0, i - 8), i))
        and c.unit_at(j, allow_fallback=False) is None
    ):
        return Verdict(False, "phone_number", j)
    return KEEP


_GROUP = L.fold("مجموعة")  # a number word after it: «مجموعة العشرين»


_GROUP_HEADS = {L.fold(w) for w in ("مجموعة", "دول", "الدول", "القوى", "صيغة", "مفاوضات", "محادثات")}


def group_name(c: _Parser, n: Candidate) -> Verdict:
    """A number word after «مجموعة» («مجموعة العشرين»); a sum of two digits that names a group
    of states («مجموعة 5+1», «الدول 5 + 1», «(5+1)»: the five permanent members and Germany)."""
    if not n.num.digits and n.qa is None and n.i > 0 and c.w(n.i - 1) == _GROUP:
        return Verdict(False, "group_name", n.j)
    j = n.j
    if n.num.digits and c.p(j) == "+" and j + 1 < c.n and c.toks[j + 1].k == "n" \
            and len(c.toks[n.i].t) == 1 and len(c.toks[j + 1].t) == 1:
        k = n.i - 1
        if k >= 0 and c.p(k) in ("(", "«", '"', "“"):
            k -= 1
        heads = {st for st, _ in _strip(c.w(k) or "")} if k >= 0 else set()
        if heads & _GROUP_HEADS or {c.toks[n.i].t, c.toks[j + 1].t} == {"5", "1"}:
            return Verdict(False, "group_name", j + 2)
    return KEEP


def latin_name(c: _Parser, n: Candidate) -> Verdict:
    """A number word before a Latin name («إمّا ستون Emma Stone»)."""
    if not n.num.digits and n.j < c.n and c.toks[n.j].k == "l":
        return Verdict(False, "latin_name", n.j)
    # «تطبيق «360 سيكيوريتي» 360 Security»: digits opening a Latin name given after its Arabic
    # spelling in quotes (a capitalised word that is no unit)
    if n.num.digits and n.qa is None and n.j < c.n and c.toks[n.j].k == "l" and not c.adjacent(n.j) \
            and n.i > 0 and c.p(n.i - 1) in L.CLOSE_QUOTES and c.p(n.i - 1) != ")" \
            and len(c.toks[n.j].t) >= 3 and c.toks[n.j].t[0].isupper() and c.unit_at(n.j, allow_fallback=False) is None:
        return Verdict(False, "latin_name", n.j + 1)
    return KEEP


def score_or_fraction(c: _Parser, n: Candidate) -> Verdict:
    """A slash pair («4/2» scores, «24/7»; with spaces, numbers of up to three digits: «4 / 4»)."""
    j = n.j
    t1 = c.toks[n.i].t
    short_pair = n.single and c.p(j) == "/" and j + 1 < c.n and c.toks[j + 1].k == "n" and t1.isdigit() \
        and len(t1) <= 3 and c.toks[j + 1].t.isdigit() and len(c.toks[j + 1].t) <= 3
    if short_pair:  # spaced or not: «بالتعادل 4 / 4», «(7/ 5 - 7/ 5)», «(مجموع الفتاوى 29 / 378)», «قبل 30/ 10»
        return Verdict(False, "score_or_fraction", j + 2)  # (no year pair has three digits or fewer)
    if n.single and c.p(j) == "/" and j + 1 < c.n and c.toks[j + 1].k == "n" and c.adjacent(j + 1):
        if c.is_year_pair(n.i, j + 1) and abs(int(c.toks[j + 1].t) - int(c.toks[n.i].t)) == 1:
            return KEEP  # «1436/1437هـ», «1437/1436هـ»: an academic or fiscal year, read as two years
        return Verdict(False, "score_or_fraction", j + 2)
    return KEEP


def dimensions(c: _Parser, n: Candidate) -> Verdict:
    """«1920 في 1080 بيكسل», «1×1 م2»."""
    if not n.single:
        return KEEP
    i, j = n.i, n.j
    if (
        c.w(j) == "في" and j + 1 < c.n and c.toks[j + 1].k == "n"
        and n.value is not None and n.value >= 100 and (c.toks[j + 1].v or 0) >= 100
    ):
        return Verdict(False, "dimensions", j + 3 if c.w(j + 2) in L.PIXEL_WORDS else j + 2)
    if c.p(j) in ("×", "x", "*") or c.p(i - 1) in ("×", "*"):
        return Verdict(False, "dimensions", j + 1)
    return KEEP


def code_with_latin(c: _Parser, n: Candidate) -> Verdict:
    """«635031 - Mobily»: a code joined to Latin text."""
    j = n.j
    if n.single and c.p(j) in L.DASHES and j + 1 < c.n and c.toks[j + 1].k == "l":
        return Verdict(False, "code_with_latin", j + 1)
    return KEEP


def list_index(c: _Parser, n: Candidate) -> Verdict:
    """A list bullet: «11 - يمكنك ...» opening the text or after a colon («ما يلي : 1 - عملية»),
    «3.نسبة التوزيع» glued to its item, «5 ـ تعيين» (a year opening a list, «2015 - ...», is read
    before this guard)."""
    if not n.single:
        return KEEP
    i, j = n.i, n.j
    toks = c.toks
    if i == 0 and c.p(j) in ("-", ".", ")", "–") and (c.w(j + 1) or j + 1 < c.n and toks[j + 1].k == "l"):
        return Verdict(False, "list_index", j + 1)  # («7. Scent of a Woman | Martin Brest»)
    if i > 0 and c.p(i - 1) in (".", "؛", ";") and c.adjacent(i) and toks[i].t.isdigit() and len(toks[i].t) <= 2 \
            and c.p(j) in ("-", "–") and c.w(j + 1):
        return Verdict(False, "list_index", j + 1)  # «… النظرية والأدبية.3 - فتح مزيد من المعاهد»: the next item
    if i > 0 and c.p(i - 1) == ":" and toks[i].t.isdigit() and len(toks[i].t) <= 2 and c.p(j) in ("-", "–", ")") \
            and c.w(j + 1):
        return Verdict(False, "list_index", j + 1)  # «شملت الآتي : 1 - حادث استهداف …»: the first item after a colon
    if (
        toks[i].t.isdigit() and len(toks[i].t) <= 2 and c.p(j) == "."
        and j + 1 < c.n and toks[j + 1].k == "w" and c.adjacent(j) and c.adjacent(j + 1)
        and (i == 0 or toks[i - 1].k != "n" or not c.adjacent(i))
    ):
        return Verdict(False, "list_index", j + 1)
    if i == 0 and j < c.n and "\u0640" in c.text[c.orig(toks[i].a, toks[i].b)[1]: c.orig(toks[j].a, toks[j].b)[0]]:
        return Verdict(False, "list_index", j)
    if i == 0 and c.p(j) in ("-", "–") and c.p(j + 1) == "(":
        return Verdict(False, "list_index", j + 1)  # «3 - (Trainwreck) واحتل …»
    if (
        toks[i].t.isdigit() and len(toks[i].t) <= 2 and c.p(j) in ("-", "–") and c.adjacent(j)
        and j + 1 < c.n and toks[j + 1].k == "w" and not c.adjacent(j + 1)
        and c.w(j + 1) not in L.MONTH_FIRST_WORDS and c.w(j + 1) not in L.ZERO_WORDS
    ):
        # «الأكثر بحثا 1- ترافيان  2- يوتيوب  3- …», «طازجًا. 9- غرفة الفقاعة»: an item of a list the
        # text has run together (the dash glued to the digits, a word after it; not «29- شعبان»,
        # a date, nor «2- صفر», a score)
        return Verdict(False, "list_index", j + 1)
    return KEEP


def footnote_mark(c: _Parser, n: Candidate) -> Verdict:
    """«صعب السؤال ..! (1)», «( 2 ) : الشاعر …»: a small number alone in brackets, with only an
    end of sentence or a colon after it, is a footnote mark."""
    i, j = n.i, n.j
    t = c.toks[i].t
    if not (n.single and n.qa is None and t.isdigit() and len(t) <= 2 and i > 0 and c.p(i - 1) == "(" and c.p(j) == ")"):
        return KEEP
    before = c.w(i - 2) or ""
    if "عدد" in before or before in L.AMOUNT_INTRODUCERS:
        return KEEP  # «وعددهم (3).»: the number is what is said
    if j + 1 >= c.n or c.p(j + 1) in (".", ":", "!", "؟", "?"):
        return Verdict(False, "footnote_mark", j + 1)
    return KEEP


def month_number(c: _Parser, n: Candidate) -> Verdict:
    """«سبتمبر 9 ميلادي»: a month written as a number before an era word."""
    if n.single and n.value is not None and n.value <= 12 and c.w(n.j) in L.ERA_WORDS:
        return Verdict(False, "month_number", n.j + 1)
    return KEEP


def after_masked_span(c: _Parser, n: Candidate) -> Verdict:
    """A single number right after a URL, a phone number or a clock time, with no unit."""
    i, j = n.i, n.j
    if n.single and i > 0 and c.toks[i - 1].k in ("x", "t") and c.unit_at(j, allow_fallback=False) is None:
        return Verdict(False, "after_masked_span", j)
    return KEEP


# ---- guards of the other seams: a date, an ordinal or a dual that names something


def named_event(c: _Parser, i: int, end: int) -> Verdict:
    """«ثورة 23 يوليو», «أحداث 11 سبتمبر»: a day and month with no year naming an event."""
    if i > 0 and c.w(i - 1) in L.NAMED_DATE_WORDS:
        return Verdict(False, "named_event", end)
    return KEEP


def weekday_in_a_name(c: _Parser, i: int) -> Verdict:
    """«صلاة الجمعة», «خطب الجمعة» (a prayer, not a date); «عبدالوهاب الخميس» (a family name)."""
    prev = c.w(i - 1)
    if prev and {st for st, _ in _strip(prev)} & L.NOT_WEEKDAY_BEFORE:
        return Verdict(False, "prayer_not_date", i + 1)
    if prev and (prev.startswith(L.FAMILY_PREFIXES) and len(prev) > 4 or prev in L.FAMILY_WORDS):
        return Verdict(False, "family_name", i + 1)
    return KEEP


def ten_in_a_name(c: _Parser, i: int) -> Verdict:
    """A definite ten naming a group or a street: «مجموعة العشرين», «شارع الستين», «لمجموعة
    الدول العشرين»."""
    prev = c.w(i - 1)
    if prev in L.GROUP_WORDS:
        return Verdict(False, "group_name", i + 1)
    if prev in L.STREET_WORDS or (prev or "") in L.DEFINITE_TENS:
        return Verdict(False, "street_name", i + 1)
    if any(st in L.GROUP_HEADS for st, _ in _strip(c.w(i - 2) or "")):
        return Verdict(False, "group_name", i + 1)
    return KEEP


def company_name(c: _Parser, i: int, end: int) -> Verdict:
    """An ordinal naming a company: «شركة «الحادي عشر»», «الحادي عشر القابضة»."""
    before = c.w(i - 2) if c.p(i - 1) in L.OPEN_QUOTES else c.w(i - 1)
    if before in L.COMPANY_WORDS or c.w(end) in L.COMPANY_WORDS:
        return Verdict(False, "company_name", end)
    return KEEP


def initial_not_first(c: _Parser, i: int) -> Verdict:
    """«الأولي» / «أولي» written with a final «ي» (not «ى») is the nisba «أوّلي» («initial»)
    after a masculine noun («النموذج الأولي», «الاكتتاب العام الأولي», «التقدير الأولي») and
    the plural «أولي» in «أولي الأمر» or a name («تور أولي»); the feminine «first» follows a
    noun in «ة» or a plural in «ات» («للمرة الأولي», «الساعات الأولي»)."""
    raw = c.raw_word(i)
    if not raw.endswith("ولي"):
        return KEEP
    prev = c.raw_word(i - 1) if i > 0 and c.toks[i - 1].k == "w" else ""
    if prev.endswith(("ة", "ات")):
        return KEEP
    return Verdict(False, "initial_not_first", i + 1)


def dual_not_two(c: _Parser, i: int, stem: str, unit: str) -> Verdict:
    """A dual that is not two of anything: an adjective agreeing with the dual before it
    («مواجهتين وديتين», «الساعتين الماضيتين»), a match score («فاز بهدفين لهدف»), a title
    («خادم الحرمين الشريفين»). ``stem``: the dual without clitics; ``unit``: its noun."""
    if c._dual_before(i):
        return Verdict(False, "agreeing_adjective", i + 1)
    nxt = c.w(i + 1) or ""
    if unit == "هدف" and (
        nxt in L.GOAL_SCORE_NEXT or (nxt.startswith("ل") and (nxt[1:] in L.NUMBER_WORDS or nxt[1:] == L.GOAL))
    ):
        return Verdict(False, "score", i + 1)
    if stem in L.DUAL_NAMES and (nxt in L.DUAL_NAMES[stem] or {
            st for st, _ in _strip(c.w(i - 1) or "", ("و", "ف", "ل", "ب"))} & L.DUAL_NAME_HEADS):
        return Verdict(False, "title_dual", i + 1)  # «خادم الحرمين», «أرض الحرمين الشريفين»: a name
    if c.w(i - 1) == "من" and c.w(i - 2) in L.ONE_OF:
        return Verdict(False, "one_of_two", i + 1)  # «أي من الطرفين»: either of them
    if c.w(i - 1) in L.ONE_OF:
        return Verdict(False, "one_of_two", i + 1)  # «أي الطرفين»
    return KEEP


# The guards of :meth:`akhbar.figures.quantity.QuantityParser.parse_quantity`, in the order it
# asks them (between them it reads what they must not see: a clock time «9 صباحا», a fraction
# of a scale «1/2 مليون», «48/ عاما/», a year opening a list).
NAME_GUARDS: tuple[Guard, ...] = (identifier,)
CODE_GUARDS: tuple[Guard, ...] = (leading_zero_code, long_digit_id, quoted_name, phone_number, group_name, latin_name)
LAYOUT_GUARDS: tuple[Guard, ...] = (score_or_fraction, dimensions, code_with_latin)
LIST_GUARDS: tuple[Guard, ...] = (list_index, footnote_mark, month_number, after_masked_span)
