"""Rule-based extraction of figures (numbers with what they count) from Arabic news text.

How it works
------------
1. The text is folded into a *matching form* (``_prep``, :func:`akhbar.text.fold_match_mapped`):
   diacritics, tatweel and bidi marks are dropped, Arabic-Indic digits become ASCII, ``٫ ٬ ٪`` become
   ``. , %`` and letters are folded like :func:`akhbar.text.fold_match`
   (أ إ آ → ا, ى → ي, ة → ه ...).  An index map remembers, for every character of
   the matching form, its offset in the original text, so every figure is reported
   with offsets into the text exactly as written.
2. URLs, e-mail addresses, hashtags and phone numbers are masked; clock times («12:56»)
   become time tokens; numeric dates («28.10.2024», «2024-10-28») become single date tokens.
3. The rest is tokenised (numbers, Arabic words, Latin words, punctuation) and a
   small left-to-right parser tries, at each token: a date, a relative day
   (needs ``reference_date``), a qualifier + quantity, a range, a year, a
   quantity, an ordinal.  The first parse that succeeds consumes its tokens, so
   figures never overlap and come out sorted.

Conventions (documented here because the record type leaves them open)
---------------------------------------------------------------------
* Vague amounts («آلاف», «عشرات», «مئات الآلاف», «عدة مئات») have ``value=None``,
  ``magnitude`` set (آلاف → 1000, عشرات الآلاف → 10000) and qualifier ``"approx"``
  (an explicit qualifier such as «أكثر من» wins).
* Ranges («بين 10 و20», «من 10 إلى 20», «10-20», «(1939-1945)») have
  ``qualifier="range"``, ``value=None`` and ``value_low``/``value_high``.
  Every other figure with a value has ``value_low == value_high == value``.
* Dates have ``kind="date"``, ``value=None``, ``date_value`` and their precision
  in ``unit``: ``"day"``, ``"month"`` (date_value = first of the month) or
  ``"year"`` (a Hijri year alone: date_value = 1 Muharram of that year).
  Hijri dates are converted to Gregorian with ``hijridate``.
* Years («عام 2022», «2015م», «في 2014») have ``kind="year"`` and ``value`` the
  year as written (Hijri years written without «هـ» stay as written).
* Percentages have ``kind="percent"`` and ``unit=None``; money has the currency
  (singular) as unit; durations and measures their unit noun (singular).
* Ordinals: definite forms («الرابعة», «الأول», «الحادي عشر», «القرن العشرين») and
  indefinite heads of a construct («ثاني صفقة», «لأول مرة»): ``kind="ordinal"``, value =
  the rank, unit the noun ranked («الشوط الثاني» → شوط, «الربع الثاني» → ربع, «دورتها
  الثالثة» → دورة, «البطولة الـ13» → بطولة, «نسختين الأولى … والثانية» → نسخة), else None.
  An age written as an ordinal («التاسعة والخمسين من العمر») is a duration.
* Clock times («الساعة 9.30», «14:18», «السادسة مساءً») have ``kind="time"`` and ``value``
  the hour of the day in decimal hours (a day-part word after it moves it to 24 hours:
  «السادسة مساءً» = 18); a match minute («الدقيقة 16», «الدقيقة الثلاثين») is ``other``,
  unit دقيقة.
* Relative days («أمس», «اليوم», «غداً», weekdays) count from ``reference_date``; the
  pipeline first moves it to the weekday an article names as today
  (:func:`akhbar.figures.anchor.anchor_date`). A weekday alone is the most recent such day
  (the scrape date may lag publication: «وستلتقي الوزيرة الاثنين» is the last Monday);
  «غداً الاثنين», «بعد غدٍ الأربعاء» are forward. A Hijri day and month with no year takes
  the Hijri year of the reference date (one back for «الماضي», one on for «المقبل»).
* Not figures: numbers glued to a name («روسيا-1», «كوفيد-19», «F16»), after a
  title or identifier word («برنامج»، «رؤية 2030»، «المادة 4»، «رقم»), a product named
  by letters («إس.إي 370»), a bare quoted «"60 دقيقة"», phone numbers, URLs, football
  scores («2-1», «بهدفين لهدف»), dimensions («1920 في 1080»), list bullets, a dual in a
  title («خادم الحرمين»), an ordinal naming a company. Each is counted by its guard
  (:data:`akhbar.figures.guards.REASONS`, :func:`audit_figures`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter

from hijridate import Gregorian, Hijri

from akhbar.figures import lexicon as L
from akhbar.figures.duals import dual_of
from akhbar.figures.guards import REASONS, FigureFields
from akhbar.figures.tokens import _tokenize
from akhbar.figures.units import _PRONOUN_SUFFIXES, singular_noun
from akhbar.models import Figure
from akhbar.text import DIACRITICS_RE, strip_diacritics
from akhbar.text.caches import WORD_CACHE_MAX
from akhbar.text import fold_match_mapped as _prep
from akhbar.text import proclitic_stems as _strip


_OPEN_QUOTES = set('"«“\'‘(')
_CLOSE_QUOTES = set('"»”\'’)')
_DASHES = {"-", "–", "—"}
_DIGIT_PREFIXES = {"و", "ب", "ل", "ف", "ك", "وب", "ول", "فب", "فل", "وك", "ال", "بال", "وال", "لل", "فال"}
_NOT_NUMBERS = {L.fold(w) for w in ("لست", "ولست", "فلست", "بست", "لستم", "وست")}
_METRE = {L.fold(w) for w in ("متر", "مترا", "متراً", "مترات", "مربع")}
_NOT_WEEKDAY_BEFORE = {L.fold(w) for w in ("خطب", "خطبة", "صلاة", "صلوات", "خطيب", "جامع", "مسجد")}
_PHONE_WORDS = {L.fold(w) for w in ("هاتف", "الهاتف", "جوال", "الجوال", "الرقم", "رقم", "واتساب", "الطوارئ",
                                     "الموحد", "المجاني", "فاكس", "للاتصال", "الاتصال", "اتصل", "بالرقم",
                                     "رسالة", "نصية", "بالرمز", "الرمز")}
# comparison verbs whose subject may stand between them and the number: (qualifier, needs على/عن)
_DISTANT_VERBS = {
    **{L.fold(w): ("more_than", False) for w in (
        "تجاوز", "تجاوزت", "يتجاوز", "تتجاوز", "فاق", "فاقت", "يفوق", "تفوق", "تخطى", "تخطت", "يتخطى",
        "تتخطى")},
    **{L.fold(w): ("more_than", True) for w in ("يزيد", "تزيد", "زاد", "زادت", "يربو", "تربو")},
    **{L.fold(w): ("less_than", True) for w in ("يقل", "تقل", "قل", "قلت")},
    **{L.fold(w): ("more_than", False) for w in ("تعدى", "تعدت", "يتعدى", "تتعدى")},
}
# «ما تصل قيمته إلى مليار روبل»: a verb, its subject, then «إلى» before the number
_DISTANT_TO_VERBS = {L.fold(w) for w in ("يصل", "تصل", "وصل", "وصلت")}
_NEGATIONS = {L.fold(w) for w in ("لا", "ألا", "لن", "لم", "أن لا")}
# «التقرير الـ51», «الدورة الـ23»: definite digits after these nouns are ranks
_EDITION_NOUNS = {L.fold(w) for w in (
    "الدورة", "الجولة", "الذكرى", "النسخة", "الموسم", "المرتبة", "المركز", "التقرير", "الاجتماع",
    "المؤتمر", "القمة", "الحلقة", "البطولة", "اليوم", "الأسبوع", "الشهر", "العام", "المهرجان",
    "الدقيقة", "الطبعة", "المرحلة", "الفصل", "الحفل", "المعرض", "الملتقى", "المنتدى", "الجائزة",
    "المباراة", "السنة", "القرن")}
_MINUTE = {L.fold("الدقيقة")}
_OTHERS = {L.fold(w) for w in ("آخرين", "آخرون", "أخريات")}
_THEIR_NUMBER = {L.fold(w) for w in ("عددهم", "وعددهم", "عددها", "وعددها", "عددهن", "وعددهن")}  # «وعددهم ستة»
_AGE_WORDS = {L.fold(w) for w in ("العمر", "عمره", "عمرها")}
_AWWAL = L.fold("أول")
_ADVERBIAL_ORDINALS = {L.fold(w): n for n, w in enumerate(
    ("أولا", "ثانيا", "ثالثا", "رابعا", "خامسا", "سادسا", "سابعا", "ثامنا", "تاسعا", "عاشرا"), start=1)}
_PLACED = {L.fold(w) for w in ("حل", "حلت", "حلوا", "جاء", "جاءت", "جاؤوا", "احتل", "احتلت", "حلا")}
_HOUR_FRACTIONS = {L.fold(w): f for w, f in (("والنصف", 0.5), ("ونصف", 0.5), ("والربع", 0.25), ("وربع", 0.25))}
_PREPOSITION_QUALIFIERS = {L.fold(w) for w in ("تحت", "فوق", "دون", "حتى", "ما")}  # «تحت الاسمين»: under, not «less than»
_RANK_WORDS = {L.fold(w) for w in ("الفريق", "فريق", "ملازم", "رقيب", "عريف", "مساعد", "وكيل")}
_NOT_AFTER_AWWAL = {L.fold(w) for w in ("أمس", "من", "امس", "أيام", "يوم")}  # «أول أيام العيد»: a date
_PIXEL_WORDS = {L.fold(w) for w in ("بيكسل", "بكسل", "نقطة", "سم", "مم", "متر")}
_DUAL_RELATIVES = {L.fold(w) for w in ("اللذين", "اللذان", "اللتين", "اللتان")}
_COMPANY_WORDS = {L.fold(w) for w in ("شركة", "لشركة", "بشركة", "وشركة", "مجموعة", "مؤسسة", "القابضة", "للاستثمار")}
_TOMORROW_AFTER = {L.fold(w) for w in ("غد", "غدا", "غداً", "الغد")}
_NOT_TODAY_BEFORE = {L.fold(w) for w in ("عين", "في", "حتى", "إلى", "الى", "منذ", "هذا", "ذلك", "لغاية", "وحتى",
                                          "عالم", "العالم", "جيل", "شباب", "ليوم", "يوم")}
_SAME_WORDS = {L.fold(w) for w in ("نفسه", "ذاته", "عينه")}
# the words after which a bare «اليوم» is a day: a time of day in construct («فجر اليوم»,
# «صباح اليوم») and «من» («ابتداءً من اليوم», «اعتباراً من اليوم»)
_TODAY_AFTER = {L.fold(w) for w in ("فجر", "صباح", "ظهر", "عصر", "مساء", "ليل", "ليلة", "ظهيرة", "منتصف",
                                     "من", "ومن", "بدءا", "ابتداء", "اعتبارا")}
_CHANGED_BY = L.CHANGE_WORDS | {L.fold(w) for w in ("بنسبة", "بمقدار")}  # «تراجع … بنسبة 16% لتصل إلى»
_HOUR = L.fold("الساعة")
_HOUR_WORDS = {L.fold(w) for w in ("الساعة", "والساعة", "بالساعة", "للساعة")}
_PM_PARTS = {L.fold(w) for w in ("مساء", "مساءً", "عصرا", "عصراً", "ليلا", "ليلاً")}
_NIGHT = {L.fold(w) for w in ("ليلا", "ليلاً")}
_DAY_PARTS = L.TIME_OF_DAY - {L.fold(w) for w in ("بتوقيت", "غرينتش", "جرينتش")}
_THIS_YEAR_WORDS = {L.fold(w) for w in ("الحالي", "الجاري", "المقبل", "القادم")}
_THIS_MONTH = {L.fold(w) for w in ("الجاري", "الحالي")}
_BECAME_BEFORE = {L.fold(w) for w in ("أنه", "أنها", "إنه", "إنها", "قد", "وقد", "لقد", "فقد", "حتى", "ثم")}
_MODEL_WORDS = {L.fold(w) for w in ("طراز", "موديل", "ماركة", "بطراز")}
_STERLING = {L.fold("إسترليني"), L.fold("استرليني"), L.fold("الإسترليني")}
_OF_THEM = {L.fold(w) for w in ("منهم", "منها", "منهن", "منهما", "آخرين", "آخرون", "أخرى", "آخر")}
_ERA_WORDS = {L.fold(w) for w in ("ميلادي", "ميلادية", "هجري", "هجرية", "م", "هـ")}
_QUANTITY_KINDS = {"count", "money", "percent", "measure", "duration"}


_NAMED_DATE_WORDS = {L.fold(w) for w in ("ثورة", "أحداث", "هجمات", "حركة", "انتفاضة", "تفجيرات", "وثورة", "لثورة", "بثورة")}
_STREET_WORDS = {L.fold(w) for w in ("شارع", "الشارع", "طريق", "الطريق", "بشارع", "وشارع", "دوار", "ميدان")}
_QUAL_FIRST = {words[0] for words, _ in L.PRE_QUALIFIERS}
_PRE_BY_FIRST: dict[str, list] = {}
for _n, (_words, _q) in enumerate(L.PRE_QUALIFIERS):
    _PRE_BY_FIRST.setdefault(_words[0], []).append((_n, _words, _q))
# Stems that can start a figure made of words; other words are skipped quickly.
_TRIGGERS = (
    set(L.NUMBER_WORDS) | {"ال" + w for w in L.NUMBER_WORDS} | _QUAL_FIRST | set(L.GREG_MONTHS) | set(L.LEV_MONTHS_1)
    | set(L.HIJRI_MONTHS_1) | {a for a, _ in L.LEV_MONTHS_2} | {a for a, _ in L.HIJRI_MONTHS_2}
    | set(L.WEEKDAYS) | set(L.YEAR_WORDS) | set(L.ORDINALS) | set(L.ORDINAL_TEEN_FIRST) | set(L.COLLECTIVES)
    | set(_ADVERBIAL_ORDINALS)
    | set(L.DEFINITE_TENS) | set(L.DURATION_DUALS) | L.FEW | set(L.BY_THE) | L.TOMORROW | set(L.CONSTRUCT_ORDINALS)
    | {L.YESTERDAY, L.TODAY, "يوم", L.fold("غد"), "شهر", "بشهر", "وشهر", "لشهر", "بين", "وبين", "فبين", "ما",
       "من", "ومن", L.fold("بالأمس")}
)


_DUAL_ENDINGS = ("ين", "ان", "تي")


@functools.lru_cache(maxsize=WORD_CACHE_MAX)
def _triggers(w: str) -> bool:
    return _word_triggers(w) or _dual_shaped(w)


def _dual_shaped(w: str) -> bool:
    return len(w) > 3 and w.endswith(_DUAL_ENDINGS)


@functools.lru_cache(maxsize=WORD_CACHE_MAX)
def _word_triggers(w: str) -> bool:
    if w in _TRIGGERS:
        return True
    if len(w) > 2 and w[0] in "وفبلك":
        if w[1:] in _TRIGGERS:
            return True
        if len(w) > 3 and w[1] in "بلك" and w[2:] in _TRIGGERS:
            return True
    if w.startswith("لل") and "ال" + w[2:] in _TRIGGERS:
        return True
    return False


class _R:
    """A parse result: token end index and figure fields; ``fields`` None means the tokens
    are consumed as *not a figure*, and ``reason`` names the guard that said so (one of
    :data:`akhbar.figures.guards.REASONS`)."""

    __slots__ = ("end", "a", "b", "fields", "reason")

    def __init__(self, end: int, a: int = 0, b: int = 0, fields: FigureFields | None = None,
                 *, reason: str | None = None):
        self.end, self.a, self.b, self.fields, self.reason = end, a, b, fields, reason


def q_is_none(q: str | None) -> bool:
    return q is None


def _is_int(v: float | None) -> bool:
    return v is not None and float(v).is_integer()


class _Parser:
    def __init__(self, text: str, ref: dt.date | None):
        self.text = text
        self.s, self.idx = _prep(text)
        self.toks = _tokenize(self.s)
        self.ref = ref
        self.n = len(self.toks)
        self.audit: Counter[str] | None = None  # set by audit_figures: reasons numbers were not figures
        self._consumed = 0  # tokens before this index were taken by an earlier parse
        self._last_end: int | None = None

    # ---------------------------------------------------------------- helpers
    def w(self, j: int) -> str | None:
        if 0 <= j < self.n and self.toks[j].k == "w":
            return self.toks[j].t
        return None

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

    # ---------------------------------------------------------------- numbers
    def number_word(self, w: str, prefixes=("و", "ب", "ل", "ف")):
        if w in _NOT_NUMBERS:
            return None
        if "ميت" in w and self._cur_raw is not None and "ئ" not in self._cur_raw and "مائت" not in self._cur_raw:
            return None  # «ميتا» (dead) folds like «مئتا» (200)
        for stem, pl in _strip(w, prefixes):
            hit = L.NUMBER_WORDS.get(stem)
            if hit:
                return hit[0], hit[1], pl
        return None

    def parse_number(self, i: int, prefixes=("و", "ب", "ل", "ف")):
        """Parse a number phrase at token i.

        Returns (value, magnitude, end, info) or None.  value is None for vague
        amounts (then magnitude is set).  info: a (start offset in s), digits
        (first atom is a digit token), last_scale, atoms.
        """
        toks = self.toks
        t = toks[i] if i < self.n else None
        if t is None:
            return None
        atoms: list[tuple[float, str, bool]] = []  # (value, kind, joined_by_wa)
        a = t.a
        j = i
        # vague determiners: «عدة مئات», «بضعة آلاف»
        few = False
        if t.k == "w":
            for stem, pl in _strip(t.t, prefixes):
                if stem in L.FEW:
                    few = True
                    a = t.a + pl
                    j = i + 1
                    break
            if not few:
                for stem, pl in _strip(t.t, ("و", "ف")):
                    if stem in L.BY_THE:
                        return None, L.BY_THE[stem], i + 1, {"a": t.a + pl, "digits": False,
                                                            "last_scale": None, "atoms": [], "by": True}
        if j >= self.n:
            return None
        t = toks[j]
        if t.k == "n":
            if t.v is None or few:
                return None
            v = t.v
            if (
                self.p(j + 1) == "،" and self.adjacent(j + 1) and j + 2 < self.n and self.toks[j + 2].k == "n"
                and self.adjacent(j + 2) and len(self.toks[j + 2].t) <= 2 and self.toks[j + 2].t.isdigit()
                and L.NUMBER_WORDS.get(self.w(j + 3) or "", (0, ""))[1] in ("scale", "plural")
            ):
                v = float(t.t + "." + self.toks[j + 2].t)  # «نحو 1،9 مليون»: a decimal comma
                j += 2
            atoms.append((v, "digits", False))
            j += 1
        elif t.k == "w":
            o1, o2 = self.orig(t.a, t.b)
            self._cur_raw = self.text[o1:o2]
            hit = self.number_word(t.t, prefixes if not few else ())
            self._cur_raw = None
            if not hit and not few and t.t.startswith("ال"):
                # definite number + scale after «تجاوز»: «الأربعة ملايين», «المائة ألف», «النصف مليار»
                h0 = L.NUMBER_WORDS.get(t.t[2:])
                h1 = L.NUMBER_WORDS.get(self.w(j + 1) or "")
                if h0 and h0[1] in ("unit", "ten", "hundred", "small", "frac") and h1 and h1[1] in ("scale", "plural"):
                    hit = (h0[0], h0[1], 0)
            if not hit:
                return None
            v, k, pl = hit
            if k in ("scale", "dual", "plural") and self.verb_vowelled(j, pl):
                return None  # «أُلِّف» (was written), vowelled as a verb
            if not few:
                a = t.a + pl
            if k == "scale" and t.t[pl:].endswith("ا") and not self.has_tanween(j) and self.noun_follows(j + 1):
                v, k = 2 * v, "dual"  # «ألفا جندي» = 2000 soldiers (dual construct)
            atoms.append((v, k, False))
            j += 1
        else:
            return None
        # continuation
        while j < self.n:
            t = toks[j]
            pv, pk, _ = atoms[-1]
            if t.k == "w":
                stem = t.t
                # vague + definite plural scale: «عشرات الآلاف»
                if pk == "vague" and stem in L.DEFINITE_PLURAL_SCALES:
                    atoms.append((L.DEFINITE_PLURAL_SCALES[stem], "defscale", False))
                    j += 1
                    break
                if pk == "vague" and L.NUMBER_WORDS.get(stem, (0, ""))[1] == "plural":
                    atoms.append((L.NUMBER_WORDS[stem][0], "defscale", False))  # «عشرات آلاف»
                    j += 1
                    break
                hit = L.NUMBER_WORDS.get(stem)
                if hit:
                    v, k = hit
                    if stem in L.TEEN_TEN and pk in ("unit", "weak") and pv < 10:
                        atoms[-1] = (pv + 10, "teen", atoms[-1][2])
                        j += 1
                        continue
                    if k == "hundred" and pk == "unit" and 3 <= pv <= 9:
                        atoms.append((v, k, False))
                        j += 1
                        continue
                    if k in ("scale", "plural") and pk in ("digits", "unit", "teen", "ten", "small",
                                                           "hundred", "frac", "weak_ok"):
                        atoms.append((v, k, False))
                        j += 1
                        continue
                    break
                # «و» + number word
                if stem.startswith("و") and len(stem) > 2:
                    hit = L.NUMBER_WORDS.get(stem[1:])
                    if hit and self._conj_ok(atoms, hit[0], hit[1]):
                        atoms.append((hit[0], hit[1], True))
                        j += 1
                        nxt = self.w(j)
                        if hit[1] == "frac" and nxt and nxt.startswith("ال") and nxt[2:] in L.NUMBER_WORDS:
                            j += 1  # «مليون ونصف المليون»
                        continue
                # «و» written apart + number word: «واحد و عشرون», «ثلاثة و عشرون»
                if stem == "و" and j + 1 < self.n and toks[j + 1].k == "w":
                    hit = L.NUMBER_WORDS.get(toks[j + 1].t)
                    if hit and hit[1] != "frac" and self._conj_ok(atoms, hit[0], hit[1]):
                        atoms.append((hit[0], hit[1], True))
                        j += 2
                        continue
                # «و» + digits after a scale: «مليون و200 ألف»
                if (
                    stem == "و"
                    and j + 1 < self.n
                    and toks[j + 1].k == "n"
                    and toks[j + 1].v is not None
                    and pk in ("scale", "dual", "plural")
                    and toks[j + 1].v < pv
                ):
                    atoms.append((toks[j + 1].v, "digits", True))
                    j += 2
                    continue
            break
        return self._value(atoms, few, a, j)

    @staticmethod
    def _conj_ok(atoms, v: float, k: str) -> bool:
        pv, pk, _ = atoms[-1]
        if k == "frac":
            return pk in ("scale", "dual", "plural", "digits", "unit", "teen", "ten", "small")
        if k == "ten":
            return (pk in ("unit", "weak") and pv < 10) or pk in ("small", "hundred", "scale", "dual", "plural")
        if k in ("unit", "weak"):
            return pk in ("small", "hundred", "scale", "dual", "plural")
        if k == "teen":
            return pk in ("small", "hundred", "scale", "dual", "plural")
        if k in ("small", "hundred"):
            return pk in ("scale", "dual", "plural")
        if k in ("scale", "dual"):
            return pk in ("scale", "dual", "plural") and v < pv
        return False

    def _value(self, atoms, few: bool, a: int, j: int):
        kinds = [k for _, k, _ in atoms]
        info = {"a": a, "digits": kinds[0] == "digits", "last_scale": None, "atoms": atoms}
        # vague
        if kinds[0] == "vague":
            mag = float(atoms[0][0] * (atoms[1][0] if len(atoms) > 1 and kinds[1] == "defscale" else 1))
            return None, mag, j, info
        if few:
            if kinds[0] in ("plural", "scale", "hundred"):
                return None, float(atoms[0][0]), j, info
            return None
        if kinds[0] == "plural" and len(atoms) == 1:
            return None, atoms[0][0], j, info
        if len(atoms) == 1 and kinds[0] == "weak":
            return None
        if len(atoms) == 1 and kinds[0] == "frac":
            info["frac_only"] = True
        total = 0.0
        cur: float | None = None
        last_scale = None
        prev_kind = None
        for v, k, conj in atoms:
            if k in ("digits", "unit", "weak", "ten", "small", "teen"):
                cur = (cur or 0) + v
            elif k == "hundred":
                if cur is not None and prev_kind == "unit" and not conj and cur < 10:
                    cur *= 100
                else:
                    cur = (cur or 0) + 100
            elif k in ("scale", "plural"):
                total += (cur if cur is not None else 1) * v
                cur = None
                last_scale = v
            elif k == "dual":
                total += v
                cur = None
                last_scale = v / 2
            elif k == "frac":
                if conj and last_scale and cur is None:
                    total += v * last_scale
                else:
                    cur = (cur or 0) + v
            prev_kind = k
        total += cur or 0
        info["last_scale"] = last_scale
        info["lone_unit"] = len(atoms) == 1 and kinds[0] in ("unit", "teen")
        return total, None, j, info

    # ---------------------------------------------------------------- units
    _tamyeez = False
    _list_unit: str | None = None  # «في نسختين الأولى … والثانية …»: the noun of the two listed
    _plural = False  # 3-10 take a plural noun: a fallback unit is made singular («تسعة تعادلات» → تعادل)
    _cur_raw: str | None = None
    _definite_ok = True  # vague amounts and scale words take a definite noun: «آلاف الجنود»

    def unit_at(self, j: int, allow_fallback: bool = True):
        """(kind, unit, end) for the words after a number, or None."""
        if j >= self.n:
            return None
        t = self.toks[j]
        if t.k == "p":
            if t.t == "%":
                return "percent", None, j + 1
            if t.t in L.CURRENCY_SYMBOLS:
                return "money", L.CURRENCY_SYMBOLS[t.t], j + 1
            return None
        if t.k != "w":
            return None
        w = t.t
        if w in L.PERCENT_WORDS:
            return "percent", None, j + 1
        if w == "في" and self.w(j + 1) in L.PERCENT_AFTER_FI:
            return "percent", None, j + 2
        if w == "نقطه" and self.w(j + 1) in ("ميويه", "المييه"):
            return "percent", "نقطة مئوية", j + 2
        if w.startswith("ال") and not self._definite_ok and self.raw_word(j).startswith("ال"):
            return None  # a cardinal takes an indefinite noun: «تسع المحطة» is «accommodates the station»
        hit = self.unit_lookup(w)
        if hit and hit[1] in ("عام", "سنة") and j + 1 < self.n and self.toks[j + 1].k == "n" and len(self.toks[j + 1].t) == 4:
            return None  # «نحو نصف مليون عام 2007م»: a year follows, «عام» is not the unit
        if hit:
            kind, unit = hit
            end = j + 1
            if unit in ("كيلومتر", "متر"):
                nxt = self.w(end)
                if nxt in L.SQUARE:
                    return kind, unit + " مربع", end + 1
                if nxt in L.CUBIC:
                    return kind, unit + " مكعب", end + 1
                if end < self.n and self.toks[end].k == "n" and self.adjacent(end) and self.toks[end].t in ("2", "3"):
                    return kind, unit + (" مربع" if self.toks[end].t == "2" else " مكعب"), end + 1
                if self.p(end) in ("²", "³"):
                    return kind, unit + (" مربع" if self.p(end) == "²" else " مكعب"), end + 1
            if unit == "كيلوغرام" and w in (L.fold("كيلو"),) and self.w(end) in _METRE:
                return "measure", "كيلومتر", end + 1  # «كيلو متر»
            if unit == "جنيه" and self.w(end) in _STERLING:
                return kind, "جنيه إسترليني", end + 1
            if kind == "money" and self.w(end) in L.CURRENCY_COUNTRIES:
                return kind, unit + " " + self.word_as_written(end), end + 1  # «دولار أسترالي»
            return kind, unit, end
        if w == "م" and j + 1 < self.n and self.adjacent(j + 1) and self.toks[j + 1].t in ("2", "3", "²", "³"):
            return "measure", "متر مربع" if self.toks[j + 1].t in ("2", "²") else "متر مكعب", j + 2
        if w == "م" and j > 0 and self.adjacent(j) and self.toks[j - 1].k == "n":
            v = self.toks[j - 1].v
            if v is not None and not (1000 <= v <= 2200 and self.toks[j - 1].t.isdigit()):
                return "measure", "متر", j + 1  # «سباق 400م»
        if w == "من":
            nxt = self.w(j + 1)
            if nxt and not nxt.startswith("ال"):
                hit = L.UNITS.get(nxt) or self.construct_lookup(nxt)  # «عشرات من عناصر الشرطة»
                if hit and hit[0] == "count":
                    return hit[0], hit[1], j + 2
                if allow_fallback and self.fallback_ok(nxt) and not nxt.startswith(("و", "ف")) and not self.pronoun_suffixed(j + 1):
                    return "count", self.word_as_written(j + 1), j + 2  # «ثمانية من قوات الأمن»
            if nxt and nxt.startswith("ال"):
                hit = self.unit_lookup(nxt)
                if hit:
                    kind, unit = hit
                    end = j + 2
                    if unit in ("كيلومتر", "متر") and self.w(end) in L.SQUARE:
                        return kind, unit + " مربع", end + 1
                    return kind, unit, end
                if allow_fallback and self.fallback_ok(nxt):
                    return "count", self.word_as_written(j + 1), j + 2
            return None
        if (
            allow_fallback and self.fallback_ok(w) and not (w.startswith("لا") and len(w) > 4)
            and not self.pronoun_suffixed(j) and self.p(j - 1) != ")"
        ):  # «(1980) شملت»: a word after a closing bracket is not the bracketed number's noun
            written = self.word_as_written(j)
            if self._tamyeez and written.endswith("ا") and len(written) > 3:
                written = written[:-1]  # 11-99 take a singular accusative: «88 بيتا» → بيت
            elif self._plural:
                written = singular_noun(written)
            return "count", written, j + 1
        return None

    @staticmethod
    def construct_lookup(w: str):
        """«مسلحي» (construct of مسلحين), «مواطنيهم» (with a pronoun)."""
        for suf in ("هم", "ها", "هن", "كم", "نا", "ه", ""):
            if suf and not w.endswith(suf):
                continue
            stem = w[: len(w) - len(suf)] if suf else w
            if len(stem) < 3:
                continue
            hit = L.UNITS.get(stem) or (L.UNITS.get(stem + "ن") if stem.endswith("ي") else None)
            if hit and hit[0] == "count":
                return hit
        return None

    def unit_lookup(self, w: str):
        hit = L.UNITS.get(w)
        if hit:
            return hit
        if w.startswith("ال") and len(w) > 3:
            return L.UNITS.get(w[2:])
        return None

    def pronoun_suffixed(self, j: int) -> bool:
        """«أمثاله», «تلبيتها»: a noun with a pronoun is not a counted noun (ة is not ه)."""
        raw = self.raw_word(j)
        return len(raw) > 5 and (raw.endswith("ها") or (raw.endswith("ه") and not raw.endswith(("يه", "اه"))))

    def fallback_ok(self, w: str) -> bool:
        if len(w) < 3 or w in L.STOPWORDS:
            return False
        if w in L.NUMBER_WORDS or w in L.GREG_MONTHS or w in L.WEEKDAYS or w in L.YEAR_WORDS:
            return False
        if w in L.TIME_OF_DAY or w in L.ORDINALS:
            return False
        if w.startswith(("وال", "فال", "لل", "كال")) or (w.startswith("بال") and len(w) > 5):
            return False
        if w.startswith(("ست", "سي", "سن")) and len(w) > 4:
            return False
        if w.endswith("وا") or (w.startswith(("ي", "ت")) and w.endswith(("ون", "ان", "ين"))):
            return False
        if w.startswith("ي") and len(w) >= 4:
            return False
        if w[:2] in ("وي", "وت", "ون") and len(w) >= 5:
            return False  # «فيستشهد منهم 15 ويصاب سبعة»: «and» + a verb
        if w.endswith(("هم", "هن", "كم", "هما")) and len(w) > 5:
            return False  # «150 إصاباتهم خطيرة»
        if w[0] in "وف" and (w[1:] in L.NUMBER_WORDS or w[1:] in L.STOPWORDS):
            return False  # «خمس وثلاث سنوات»
        return True

    # ---------------------------------------------------------------- checks
    def glued_to_name(self, i: int, j: int) -> bool:
        """Digits at token i..j-1 glued to a name («روسيا-1», «F16», «كوفيد-19»)."""
        toks = self.toks
        t = toks[i]
        if t.k != "n":
            return False
        if i > 0 and self.adjacent(i):
            prev = toks[i - 1]
            if prev.k == "l":
                return True
            if prev.k == "w" and prev.t not in _DIGIT_PREFIXES:
                return True
            if prev.k == "p" and prev.t in _DASHES and i > 1 and toks[i - 2].b == prev.a and toks[i - 2].k in ("w", "l"):
                return True
        end = toks[j - 1]
        if j < self.n and toks[j].a == end.b:
            nxt = toks[j]
            if nxt.k == "l":
                return True
            if nxt.k == "p" and nxt.t in _DASHES and j + 1 < self.n and toks[j + 1].a == nxt.b and toks[j + 1].k in ("w", "l"):
                return True
        return False

    def after_title(self, i: int) -> bool:
        if i == 0:
            return False
        if self.p(i - 1) in _DASHES and i > 1 and self.toks[i - 2].k == "l":
            return True  # «Street Food - 57»
        for k in range(max(0, i - 4), i - 1):
            if self.w(k) in _MODEL_WORDS:
                return True  # «طراز «مازيراتي 350 إس»»
        prev = self.toks[i - 1]
        if prev.k == "l":
            return True
        if prev.k == "w" and i > 2 and self.p(i - 2) == "." and self.adjacent(i - 1) and self.adjacent(i - 2) \
                and self.toks[i - 3].k == "w" and len(prev.t) <= 3:
            return True  # «"إس.إي 370"», «إتش.دي.إم.آي 1.4»: a product named by letters and a number
        if prev.k == "p" and prev.t in _OPEN_QUOTES and i > 1:
            prev = self.toks[i - 2]
            if prev.k != "w":
                return False
        if prev.k != "w":
            return False
        for stem, _ in _strip(prev.t):
            if stem in L.TITLE_WORDS:
                return True
            if stem in L.WEAK_TITLE_WORDS:
                u = self.unit_at(self.parse_number(i)[2] if self.parse_number(i) else i + 1, allow_fallback=False)
                return u is None
        # «رؤية المملكة 2030»
        if i > 1 and self.w(i - 2) in (L.fold("رؤية"), L.fold("رؤيه")):
            return True
        return False

    def _word_before(self, i: int, words: frozenset[str] | set[str], span: int = 4) -> bool:
        """One of ``words`` (after clitic stripping) among the ``span`` tokens before ``i``."""
        for k in range(max(0, i - span), i):
            t = self.toks[k]
            if t.k == "w":
                for stem, _ in _strip(t.t):
                    if stem in words:
                        return True
        return False

    def score_context(self, i: int) -> bool:
        return self._word_before(i, L.SCORE_WORDS)

    def change_context(self, i: int) -> bool:
        return self._word_before(i, L.CHANGE_WORDS)

    def distant_qualifier(self, i: int) -> str | None:
        """A comparison verb a few words before the number, its subject in between:
        «تجاوز عدد الزوار 15 ألف», «تقل أعمارهم عن 18 عاما», «ألا يزيد عمره عن (26) سنة»."""
        k = i - 1
        if self.p(k) == "(":
            k -= 1
        prep = self.w(k) in ("علي", "عن")
        to = self.w(k) == "الي"
        if prep or to:
            k -= 1
        for back in range(4):  # up to 3 words of subject between verb and number
            j = k - back
            if j < 0 or self.toks[j].k != "w":
                return None
            w = self.toks[j].t
            stems = {st for st, _ in _strip(w, ("و", "ف"))}
            if to:  # only «ما تصل قيمته إلى»: «أن يصل العدد إلى عشرة آلاف» is a forecast, not a cap
                if back == 1 and stems & _DISTANT_TO_VERBS and self.w(j - 1) == "ما" \
                        and (self.w(k) or "").endswith(("ه", "ها", "هم")):
                    return "up_to"
                if back >= 1:
                    return None
                continue
            verb = stems & _DISTANT_VERBS.keys()
            if verb:
                q, needs_prep = _DISTANT_VERBS[verb.pop()]
                if needs_prep != prep or back == 0:
                    return None
                if {st for st, _ in _strip(self.w(j - 1) or "", ("و", "ف"))} & _NEGATIONS:  # «ألا يزيد عن 26»
                    q = {"more_than": "up_to", "less_than": "more_than"}[q]
                return q
            if w in L.STOPWORDS or (w in L.NUMBER_WORDS and L.NUMBER_WORDS[w][1] != "frac"):
                return None
        return None

    def post_qualifier(self, j: int):
        for words, q in L.POST_QUALIFIERS:
            k = len(words)
            if all(self.w(j + x) == words[x] for x in range(k)):
                return q, j + k
        return None

    def pre_qualifier(self, i: int):
        w0 = self.w(i)
        if not w0:
            return None
        cands = {s for s, _ in _strip(w0)} & _QUAL_FIRST
        if not cands:
            return None
        entries = _PRE_BY_FIRST[next(iter(cands))] if len(cands) == 1 else sorted(
            e for c in cands for e in _PRE_BY_FIRST[c])  # in the order of L.PRE_QUALIFIERS (longest first)
        for _, words, q in entries:
            k = len(words)
            if all(self.w(i + x) == words[x] for x in range(1, k)):
                pl = next(p for s, p in _strip(w0) if s == words[0])
                if q in ("more_than", "less_than") and words[0] not in ("لا", "ما") and (
                    {st for st, _ in _strip(self.w(i - 1) or "", ("و", "ف"))} & _NEGATIONS
                ):
                    q = "up_to" if q == "more_than" else "more_than"  # «ألا تتجاوز 50 مليون»
                if q == "up_to" and words[0] in _DISTANT_TO_VERBS and w0[:pl].endswith("ل") and i + k < self.n \
                        and self._word_before(i, _CHANGED_BY, span=10):
                    # «تراجع صافي أرباحها 16% لتصل إلى 2.67 مليار يورو»: the level reached, not a cap
                    return "exact", i + k, self.toks[i + k].a
                return q, i + k, self.toks[i].a + pl
        return None

    # ---------------------------------------------------------------- dates
    def month_at(self, j: int):
        """(calendar, month, end) for a month name at token j ('g' or 'h')."""
        w = self.w(j)
        if not w:
            return None
        for stem, _pl in _strip(w, ("و", "ب", "ل", "ف")):
            if stem in L.GREG_MONTHS:
                res = ("g", L.GREG_MONTHS[stem], j + 1)
                break
            nxt = self.w(j + 1)
            if nxt and (stem, nxt) in L.LEV_MONTHS_2:
                res = ("g", L.LEV_MONTHS_2[(stem, nxt)], j + 2)
                break
            if stem in L.LEV_MONTHS_1:
                if stem == "اب":
                    t = self.toks[j]
                    o1, o2 = self.orig(t.a, t.b)
                    if not strip_diacritics(self.text[o1:o2]).endswith("آب"):
                        continue
                res = ("g", L.LEV_MONTHS_1[stem], j + 1)
                break
            if nxt and (stem, nxt) in L.HIJRI_MONTHS_2:
                res = ("h", L.HIJRI_MONTHS_2[(stem, nxt)], j + 2)
                break
            if stem in L.HIJRI_MONTHS_1:
                res = ("h", L.HIJRI_MONTHS_1[stem], j + 1)
                break
        else:
            return None
        cal, m, end = res
        # paired forms: «يونيو/حزيران», «فبراير/ شباط», «أغسطس (آب)»
        sep = self.p(end)
        if cal == "g" and sep in ("/", "(", "-", "،") or sep == "/":
            nxt = self.month_at_simple(end + 1)
            if nxt and nxt[0] == m:
                end = nxt[1]
                if sep == "(" and self.p(end) == ")":
                    end += 1
        elif cal == "g" and sep is None:
            nxt = self.month_at_simple(end)  # «يونيو حزيران», «أكتوبر تشرين الأول 2012»
            if nxt and nxt[0] == m:
                end = nxt[1]
        return cal, m, end

    def month_at_simple(self, j: int):
        w = self.w(j)
        if not w:
            return None
        nxt = self.w(j + 1)
        if w in L.GREG_MONTHS:
            return L.GREG_MONTHS[w], j + 1
        if nxt and (w, nxt) in L.LEV_MONTHS_2:
            return L.LEV_MONTHS_2[(w, nxt)], j + 2
        if w in L.LEV_MONTHS_1:
            return L.LEV_MONTHS_1[w], j + 1
        return None

    def year_after(self, j: int):
        """(year, end, hijri_suffix) for an optional year after a month."""
        k = j
        if self.p(k) in ("/", "-") and k + 1 < self.n and self.toks[k + 1].k == "n" and self.adjacent(k + 1):
            k += 1
        elif self.p(k) in ("،", ",") and k + 1 < self.n and self.toks[k + 1].k == "n" and len(self.toks[k + 1].t) == 4:
            k += 1  # «4 مايو، 1992»
        if self.w(k) == "من":
            k += 1
        if self.w(k) in ("عام", "العام", "سنه", "لعام"):
            k += 1
        if k < self.n and self.toks[k].k == "n" and self.toks[k].t.isdigit() and len(self.toks[k].t) in (3, 4):
            y = int(self.toks[k].t)
            end = k + 1
            suf = self.w(end)
            ah = False
            if suf in L.YEAR_SUFFIX_AH:
                ah = True
                end += 1
            elif suf in L.YEAR_SUFFIX_CE:
                end += 1
            elif len(self.toks[k].t) == 3:
                return None  # «شهر رمضان 852 محلاً»: a count, not a year
            return y, end, ah
        return None

    def parse_month_date(self, i: int):
        toks = self.toks
        t = toks[i]
        day = None
        j = i
        a = t.a
        if t.k == "n":
            if not (t.t.isdigit() and len(t.t) <= 2 and 1 <= int(t.t) <= 31):
                return None
            day = int(t.t)
            j = i + 1
            if self.p(j) in ("/", "-") and self.adjacent(j):
                j += 1  # «7/يوليو/2015 م»
            if self.w(j) == "من":
                j += 1
            if self.w(j) in ("شهر",):
                j += 1
        elif t.k == "w":
            if t.t in ("شهر", "بشهر", "وشهر", "لشهر"):
                j = i + 1
                a = t.a
        else:
            return None
        mo = self.month_at(j)
        if not mo and day is not None and self.w(j) in (L.fold("الشهر"),) and j > i + 1:
            # «حتى يوم الخميس 28 من الشهر الحالي»: a day of the reference month
            end = j + 1
            rel = self.w(end)
            if rel in _THIS_MONTH or rel in L.PAST_WORDS or rel in L.NEXT_WORDS:
                end += 1
            if self.ref is None:
                return _R(end, reason="date_without_reference")
            y, m = self.ref.year, self.ref.month
            if rel in L.PAST_WORDS:
                y, m = (y, m - 1) if m > 1 else (y - 1, 12)
            elif rel in L.NEXT_WORDS:
                y, m = (y, m + 1) if m < 12 else (y + 1, 1)
            try:
                return self.mk_date(end, a, dt.date(y, m, day), "day")
            except ValueError:
                return _R(end, reason="impossible_date")
        if not mo:
            return None
        cal, m, end = mo
        if day is None and j == i:
            # start of the figure: after a clitic of the month word
            for stem, pl in _strip(t.t, ("و", "ب", "ل", "ف")):
                if stem in L.GREG_MONTHS or stem in L.LEV_MONTHS_1 or stem in L.HIJRI_MONTHS_1 or (
                    stem, self.w(i + 1)) in L.LEV_MONTHS_2 or (stem, self.w(i + 1)) in L.HIJRI_MONTHS_2:
                    a = t.a + pl
                    break
        return self.date_tail(i, j, a, day, cal, m, end)

    def date_tail(self, i: int, j: int, a: int, day, cal: str, m: int, end: int):
        ya = self.year_after(end)
        year = None
        if ya:
            year, end2, ah = ya
            if cal == "h" or ah:
                if cal == "g":
                    return _R(end2, reason="mixed_calendars")  # Gregorian month with a Hijri year: unclear
                try:
                    g = Hijri(year, m, day or 1).to_gregorian()
                    d = dt.date(g.year, g.month, g.day)
                except (ValueError, OverflowError):
                    return _R(end2, reason="impossible_date")
                return self.mk_date(end2, a, d, "day" if day else "month")
            if not (1000 <= year <= 2200):
                return _R(end, reason="year_out_of_range") if day else None
            try:
                d = dt.date(year, m, day or 1)
            except ValueError:
                return _R(end2, reason="impossible_date")
            return self.mk_date(end2, a, d, "day" if day else "month")
        # no year
        if i > 0 and self.w(i - 1) in _NAMED_DATE_WORDS:
            return _R(end, reason="named_event")  # «ثورة 23 يوليو», «أحداث 11 سبتمبر»: names, not dates
        if cal == "h":
            nxt = self.w(end)
            if self.ref is None or day is None:
                return _R(end, reason="hijri_date_without_year") if (day or end - j > 1) else None
            if self.p(j - 1) in _DASHES or self.score_context(i):
                return _R(end, reason="score")  # «بنتيجة 4-صفر»: a score, «صفر» is nought
            # «١ رمضان الماضي», «24 شوال الجاري», «11 شوال المقبل»: the year of the reference date,
            # one back for «الماضي» or a day still to come, one on for «المقبل» or a day gone by
            try:
                h = Gregorian(self.ref.year, self.ref.month, self.ref.day).to_hijri()
            except (ValueError, OverflowError):
                return _R(end, reason="hijri_date_without_year")
            y, endx = h.year, end
            if nxt in L.PAST_WORDS:
                endx += 1
                if (m, day) > (h.month, h.day):
                    y -= 1
            elif nxt in L.NEXT_WORDS:
                endx += 1
                if (m, day) < (h.month, h.day):
                    y += 1
            elif nxt in _THIS_MONTH:
                endx += 1
            try:
                g = Hijri(y, m, day).to_gregorian()
            except (ValueError, OverflowError):
                return _R(end, reason="hijri_date_without_year")
            return self.mk_date(endx, a, dt.date(g.year, g.month, g.day), "day")
        if self.ref is None:
            return _R(end, reason="month_name_part")  # consume (so «الأول» in «كانون الأول» is not an ordinal)
        first = self.w(j) or ""
        if day is None and first in (L.fold("مارس"), L.fold("آب")):
            return _R(end, reason="ambiguous_month_word")
        y = self.ref.year
        nxt = self.w(end)
        endx = end
        if nxt in L.PAST_WORDS:
            endx += 1
            if (m, day or 1) > (self.ref.month, self.ref.day):
                y -= 1
        elif nxt in L.NEXT_WORDS:
            endx += 1
            if (m, day or 1) < (self.ref.month, self.ref.day):
                y += 1
        try:
            d = dt.date(y, m, day or 1)
        except ValueError:
            return _R(end, reason="impossible_date")
        return self.mk_date(endx, a, d, "day" if day else "month")

    def mk_date(self, end: int, a: int, d: dt.date, precision: str) -> _R:
        b = self.toks[end - 1].b
        if self.p(end - 1) == "/" or self.p(end - 1) == "(":
            b = self.toks[end - 2].b
        return _R(end, a, b, {"value": None, "kind": "date", "unit": precision, "date_value": d,
                              "qualifier": "exact"})

    def parse_numeric_date(self, i: int) -> _R:
        t = self.toks[i]
        y, m, d = t.v
        end = i + 1
        b = t.b
        suf = self.w(end)
        try:
            if suf in L.YEAR_SUFFIX_AH or 1343 <= y <= 1500:
                g = Hijri(y, m, d).to_gregorian()
                date = dt.date(g.year, g.month, g.day)
                if suf in L.YEAR_SUFFIX_AH:
                    b = self.toks[end].b
                    end += 1
            else:
                if not (1000 <= y <= 2200):
                    return _R(end, reason="year_out_of_range")
                date = dt.date(y, m, d)
                if suf in L.YEAR_SUFFIX_CE:
                    b = self.toks[end].b
                    end += 1
        except (ValueError, OverflowError):
            return _R(end, reason="impossible_date")
        return _R(end, t.a, b, {"value": None, "kind": "date", "unit": "day", "date_value": date,
                                "qualifier": "exact"})

    def parse_relative_day(self, i: int):
        if self.ref is None:
            return None
        w = self.w(i)
        if not w:
            return None
        ref = self.ref
        t = self.toks[i]
        stems = dict(_strip(w, ("و", "ف", "ب")))
        # «أمس», «أول أمس», «أمس الأول»
        if L.YESTERDAY in stems or w == L.fold("بالأمس"):
            a = t.a + stems.get(L.YESTERDAY, 0)
            end = i + 1
            delta = 1
            if i > 0 and self.w(i - 1) == L.fold("أول"):
                a = self.toks[i - 1].a
                delta = 2
            elif i > 1 and self.w(i - 1) == "من" and self.w(i - 2) == L.fold("أول"):
                a = self.toks[i - 2].a  # «أول من أمس»
                delta = 2
            elif self.w(end) == L.fold("الأول"):
                delta = 2
                end += 1
            if self.w(end) in (L.fold("الحاجة"), L.fold("الحاجة")):
                return _R(end + 1, reason="idiom_not_date")  # «في أمس الحاجة»: «most in need», not yesterday
            paren = self.p(end) == "(" and self.w(end + 1) in L.WEEKDAYS and self.p(end + 2) == ")"
            if self.w(end) in L.WEEKDAYS or paren:
                # «أمس الأحد», «أمس (الأحد)»: trust the weekday (the scrape date may lag the article)
                wd_end = end + 1 if paren else end
                delta = (ref.weekday() - L.WEEKDAYS[self.w(wd_end)]) % 7 or 7
                end = wd_end + (2 if paren else 1)
            return _R(end, a, self.toks[end - 1].b, {"value": None, "kind": "date", "unit": "day",
                                                     "date_value": ref - dt.timedelta(days=delta),
                                                     "qualifier": "exact"})
        after = w in _TOMORROW_AFTER and self.w(i - 1) == "بعد"  # «بعد غدٍ»: the day after tomorrow
        if w in L.TOMORROW or after:
            if self.w(i - 1) in _BECAME_BEFORE:
                return _R(i + 1, reason="idiom_not_date")  # «أنه غدا مؤثرا»: «became», not tomorrow
            end = i + 1
            days = 2 if after else 1
            if self.w(end) in L.WEEKDAYS:  # «غداً الاثنين», «بعد غدٍ الأربعاء»: trust the weekday, on or after ref
                days = (L.WEEKDAYS[self.w(end)] - ref.weekday()) % 7
                end += 1
            if after:
                t = self.toks[i - 2] if self.w(i - 2) == L.fold("يوم") else self.toks[i - 1]  # «يوم بعد غدٍ الأربعاء»
            return _R(end, t.a, self.toks[end - 1].b, {"value": None, "kind": "date", "unit": "day",
                                                       "date_value": ref + dt.timedelta(days=days), "qualifier": "exact"})
        if w == L.TODAY and self.w(i + 1) not in L.WEEKDAYS:
            return self.bare_today(i)
        a = t.a
        j = i
        if w == L.TODAY or w in L.DAY_WORD or w == L.fold("يوم"):
            if self.w(i + 1) not in L.WEEKDAYS:
                return None
            j = i + 1
        wd_word = self.w(j)
        pl = 0
        wd = None
        for stem, p in _strip(wd_word or "", ("و", "ف")):
            if stem in L.WEEKDAYS:
                wd, pl = L.WEEKDAYS[stem], p
                break
        if wd is None:
            return None
        if j == i:
            a = t.a + pl
            prev = self.w(i - 1)
            if prev and {st for st, _ in _strip(prev)} & _NOT_WEEKDAY_BEFORE:
                return _R(i + 1, reason="prayer_not_date")  # «خطب الجمعة», «صلاة الجمعة»: not a date
            if prev and (prev.startswith(("عبد", "ابو", "بن")) and len(prev) > 4 or prev in ("بن", "ابو", "ابن", "ال")):
                return _R(i + 1, reason="family_name")  # «عبدالوهاب الخميس»: a family name
            if wd == 0 and prev and {st for st, _ in _strip(prev)} & {L.fold("بين"), L.fold("كلا"), L.fold("كلتا")}:
                return None
            if wd == 0 and prev and prev.endswith(("ها", "هم", "هما", "كم", "نا")) and len(prev) > 4:
                return None  # «أولادها الاثنين»: «the two», not Monday
        end = j + 1
        # «الأربعاء 28 أكتوبر»: let the explicit date speak
        k = end + (1 if self.p(end) in ("،", ",") else 0)
        if self.w(k) in (L.fold("بتاريخ"), L.fold("الموافق"), L.fold("الموافق")):
            k += 1
        if self.w(k) in (L.fold("الذي"), L.fold("التي")) and (self.w(k + 1) or "")[1:] in (L.fold("وافق"),):
            return _R(end, reason="explicit_date_follows")  # «يوم السبت الذي يوافق تاريخ 15 أغسطس»
        if k < self.n and self.toks[k].k in ("n", "d"):
            return _R(end, reason="explicit_date_follows")
        if self.w(k) in L.ORDINAL_TEEN_FIRST and (self.w(k + 1) == "من" or self.w(k + 2) == "من"):
            return _R(end, reason="explicit_date_follows")  # «الثلاثاء الثالث عشر من ربيع الأول 1395»  # «الأربعاء 28 أكتوبر», «الثلاثاء 10 - 12»: the explicit date speaks
        delta = (ref.weekday() - wd) % 7
        nxt = self.w(end)
        if nxt in L.PAST_WORDS:
            end += 1
            if delta == 0:
                delta = 7
        elif nxt in L.NEXT_WORDS:
            end += 1
            delta = -((wd - ref.weekday()) % 7 or 7)
        return _R(end, a, self.toks[end - 1].b, {"value": None, "kind": "date", "unit": "day",
                                                 "date_value": ref - dt.timedelta(days=delta),
                                                 "qualifier": "exact"})

    def bare_today(self, i: int):
        """«اليوم» alone is today (the reference date) after a time of day or «من» («استشهد فجر
        اليوم», «ابتداءً من اليوم»); not a name («عين اليوم», «لـ»اليوم»»), «في اليوم نفسه»,
        «اليوم الوطني» (a definite word follows), «حتى اليوم», nor after other words, where it
        is as often "nowadays"."""
        prev = self.w(i - 1)
        nxt = self.w(i + 1)
        t = self.toks[i]
        if prev in _NOT_TODAY_BEFORE or (i > 0 and self.toks[i - 1].k == "p" and self.adjacent(i)):
            return None
        if i + 1 < self.n and self.toks[i + 1].k == "p" and self.toks[i + 1].t in _CLOSE_QUOTES and self.adjacent(i + 1):
            return None  # «لـ»اليوم»»: the newspaper
        if nxt and (nxt.startswith("ال") or nxt in _SAME_WORDS):
            return None
        if i == 0:
            return None  # «اليوم نحن …»: nowadays, opening a sentence
        if prev not in _TODAY_AFTER:
            # after any other word «اليوم» as often means "nowadays" («ما نعيشه اليوم»: about a
            # third of the bare «اليوم» dates on 400 SaudiNewsNet articles were not a day)
            return None
        return _R(i + 1, t.a, t.b, {"value": None, "kind": "date", "unit": "day",
                                    "date_value": self.ref, "qualifier": "exact"})

    # ---------------------------------------------------------------- years
    def parse_year_word(self, i: int):
        w = self.w(i)
        if not w:
            return None
        pl = None
        cands = _strip(w, ("و", "ل", "ب", "ف"))
        if w.startswith("لل"):
            cands.append(("ال" + w[2:], 0))  # «للعام 2015»: the span keeps «للعام»
        for stem, p in cands:
            if stem in L.YEAR_WORDS:
                pl = p
                yw = stem
                break
        if pl is None:
            return None
        t = self.toks[i]
        j = i + 1
        if self.w(j) in L.PAST_WORDS or self.w(j) in _THIS_YEAR_WORDS:
            j += 1  # «حتى العام الماضي 1435», «العام الحالي 2015»
        if j >= self.n or self.toks[j].k != "n" or not self.toks[j].t.isdigit() or len(self.toks[j].t) != 4:
            return None
        y = int(self.toks[j].t)
        if not 1000 <= y <= 2200:
            return None
        end = j + 1
        # «عامي 2010 و2015», «1436/1437»
        y2 = None
        if self.w(end) == "و" and end + 1 < self.n and self.toks[end + 1].k == "n" and self.toks[end + 1].t.isdigit() and len(self.toks[end + 1].t) == 4 and yw in (L.fold("عامي"), L.fold("سنتي"), L.fold("العامين")):
            y2 = int(self.toks[end + 1].t)
            end += 2
        elif self.p(end) in ("/", "-") and end + 1 < self.n and self.toks[end + 1].k == "n" and self.toks[end + 1].t.isdigit() and len(self.toks[end + 1].t) == 4:
            y2 = int(self.toks[end + 1].t)
            end += 2
        suf = self.w(end)
        ah = False
        if suf in L.YEAR_SUFFIX_AH:
            ah = True
            end += 1
        elif suf in L.YEAR_SUFFIX_CE:
            end += 1
        a = t.a + pl
        b = self.toks[end - 1].b
        if y2 is not None and y2 > y:
            return _R(end, a, b, {"value": None, "value_low": float(y), "value_high": float(y2),
                                  "qualifier": "range", "kind": "year"})
        if ah:
            return self.hijri_year(end, a, b, y)
        return _R(end, a, b, {"value": float(y), "kind": "year", "qualifier": "exact"})

    def hijri_year(self, end: int, a: int, b: int, y: int) -> _R:
        try:
            g = Hijri(y, 1, 1).to_gregorian()
        except (ValueError, OverflowError):
            return _R(end, a, b, {"value": float(y), "kind": "year", "qualifier": "exact"})
        return _R(end, a, b, {"value": None, "kind": "date", "unit": "year",
                              "date_value": dt.date(g.year, g.month, g.day), "qualifier": "exact"})

    # ---------------------------------------------------------------- ranges
    def parse_between(self, i: int):
        w = self.w(i)
        if w not in ("بين", "وبين", "فبين") and not (w == "ما" and self.w(i + 1) == "بين"):
            return None
        t = self.toks[i + 1] if w == "ما" else self.toks[i]  # the span starts at «بين»
        a = t.a + (1 if w in ("وبين", "فبين") else 0)
        j = i + (2 if w == "ما" else 1)
        year_ctx = False
        if self.w(j) in L.YEAR_WORDS:
            year_ctx = True
            j += 1
        if self.w(j) == "ال" and j + 1 < self.n and self.toks[j + 1].k == "n":
            j += 1  # «بين الـ1 و2%»
        n1 = self.parse_number(j, prefixes=())
        if not n1 or n1[0] is None:
            return None
        v1, _, e1, info1 = n1
        k = e1
        u1 = self.unit_at(k, allow_fallback=False)
        if u1 and self.w(u1[2]) in ("الي", "حتي"):  # «ما بين 100 ريال إلى ألف ريال»
            k = u1[2]
            info1 = dict(info1, unit=u1)
            n2 = self.parse_number(k + 1, prefixes=())
            if not n2 or n2[0] is None:
                return None
            return self.finish_range(i, a, v1, info1, n2, year_ctx)
        if u1 and (self.w(u1[2]) == "و" or (self.w(u1[2]) or "").startswith("و")):
            k = u1[2]  # «بين 12 بالمائة و15 بالمائة»
            info1 = dict(info1, unit=u1)
        if self.w(k) in ("و", "او"):  # «بين 20 أو 30»
            k += 1
            n2 = self.parse_number(k, prefixes=())
        elif self.w(k) and self.w(k).startswith("و") and self.toks[k].k == "w":
            n2 = self.parse_number(k, prefixes=("و",))
        else:
            return None
        if not n2 or n2[0] is None:
            return None
        return self.finish_range(i, a, v1, info1, n2, year_ctx)

    def parse_from_to(self, i: int):
        w = self.w(i)
        if w not in ("من", "ومن"):
            return None
        if self.change_context(i):
            return None
        a = self.toks[i].a + (1 if w == "ومن" else 0)
        j = i + 1
        year_ctx = False
        if self.w(j) in L.YEAR_WORDS:
            year_ctx = True
            j += 1
        n1 = self.parse_number(j, prefixes=())
        if not n1 or n1[0] is None:
            return None
        v1, _, e1, info1 = n1
        if self.w(e1) not in ("الي", "حتي") and self.p(e1) not in _DASHES:
            return None
        k = e1 + 1
        if year_ctx and self.w(k) in L.YEAR_WORDS:
            k += 1
        n2 = self.parse_number(k, prefixes=())
        if not n2 or n2[0] is None:
            return None
        return self.finish_range(i, a, v1, info1, n2, year_ctx)

    def finish_range(self, i, a, v1, info1, n2, year_ctx, allow_unitless_year=True):
        v2, _, e2, info2 = n2
        if info2.get("last_scale") and not info1.get("last_scale") and v1 * info2["last_scale"] <= v2:
            v1 = v1 * info2["last_scale"]
        if not v1 < v2:
            return None
        end = e2
        last_kind = info2["atoms"][-1][1] if info2.get("atoms") else "vague"
        self._definite_ok = last_kind in ("scale", "plural", "dual", "defscale", "vague")
        unit = self.unit_at(end)  # «من 10 إلى 12 الشهر الجاري» is not «months»
        self._definite_ok = True
        kind, u = "count", None
        yearish = all(
            inf["digits"] and len(inf["atoms"]) == 1 and _is_int(v) and 1000 <= v <= 2200
            for v, inf in ((v1, info1), (v2, info2))
        )
        if year_ctx or (yearish and (unit is None or unit[0] == "count")):
            kind = "year"
        elif unit:
            kind, u, end = unit
        elif info1.get("unit"):
            kind, u = info1["unit"][0], info1["unit"][1]
        q = self.post_qualifier(end)
        if q and kind != "year":
            end = q[1]
        b = self.toks[end - 1].b
        return _R(end, a, b, {"value": None, "value_low": float(v1), "value_high": float(v2),
                              "qualifier": "range", "kind": kind, "unit": u})

    # ---------------------------------------------------------------- quantity
    def parse_quantity(self, i: int, qualifier: str | None = None, qa: int | None = None):
        toks = self.toks
        t = toks[i]
        # currency symbol / percent sign before the digits: «$100», «%50»
        pre_kind = None
        if t.k == "p" and i + 1 < self.n and toks[i + 1].k == "n" and self.adjacent(i + 1):
            if t.t in L.CURRENCY_SYMBOLS:
                pre_kind = ("money", L.CURRENCY_SYMBOLS[t.t])
            elif t.t == "%" and not (i > 0 and toks[i - 1].k == "n"):
                pre_kind = ("percent", None)
            else:
                return None
            i += 1
        num = self.parse_number(i)
        if not num:
            return None
        value, mag, j, info = num
        a = qa if qa is not None else (toks[i - 1].a if pre_kind else info["a"])
        # sign
        if (
            info["digits"] and qa is None and not pre_kind and i > 0 and self.adjacent(i)
            and self.p(i - 1) in ("-", "+", "−")
            and (i == 1 or toks[i - 2].b < toks[i - 1].a or self.p(i - 2) in ("(", ":"))
        ):
            if self.p(i - 1) != "+":
                value = -value
            a = toks[i - 1].a
        if info["digits"] and qa is None and not pre_kind and {st for st, _ in _strip(self.w(i - 1) or "")} & _MINUTE:
            b = toks[j - 1].b  # «الدقيقة 16 ليحل»: a match minute, not a count of «ليحل»
            return _R(j, toks[i - 1].a, b, {"value": value, "qualifier": "exact", "kind": "other", "unit": "دقيقة"})
        if info["digits"] and qa is None and not pre_kind and self.w(i - 1) in _HOUR_WORDS:
            return self.clock_time(i, j, j + 1 if self.w(j) in L.TIME_OF_DAY else j)  # «الساعة 9.30»
        if info["digits"]:
            if self.glued_to_name(i, j) or (qa is None and self.after_title(i)):
                # «رقم (4 - 2)», «القرار 104/47»: the whole identifier
                k = j
                while k + 1 < self.n and self.p(k) in ("-", "/", "–", "،", ",") and toks[k + 1].k == "n":
                    k += 2  # «الآيتان 93، 94»
                return _R(k, reason="identifier")
            if j < self.n and self.w(j) in L.TIME_OF_DAY:
                return self.clock_time(i, j, j + 1)  # «9 صباحا»
            if toks[i].t.startswith("0") and len(toks[i].t) > 1 and not any(c in toks[i].t for c in ".,ر"):
                return _R(j, reason="leading_zero_code")
            if toks[i].t.isdigit() and len(toks[i].t) >= 9:  # phone numbers, ids
                return _R(j, reason="long_digit_id")
            if (
                qa is None and self.p(j) in _CLOSE_QUOTES and self.p(j) != ")"
                and any(self.p(k) in _OPEN_QUOTES and self.p(k) != "(" for k in range(max(0, i - 3), i - 1))
            ):
                return _R(j + 1, reason="quoted_name")  # «"نور 2"»: a quoted name ending in a number
            if (
                toks[i].t.isdigit()
                and len(toks[i].t) >= 3
                and qa is None
                and any(self.w(k) in _PHONE_WORDS or (toks[k].k == "l" and toks[k].t.lower() == "sms")
                        for k in range(max(0, i - 8), i))
                and self.unit_at(j, allow_fallback=False) is None
            ):
                return _R(j, reason="phone_number")  # «هاتف الطوارئ التابع لعمليات الهلال الأحمر 997»
        elif qa is None and i > 0 and self.w(i - 1) == L.fold("مجموعة"):
            return _R(j, reason="group_name")
        elif j < self.n and toks[j].k == "l":
            return _R(j, reason="latin_name")  # «إمّا ستون Emma Stone»
        single_digits = info["digits"] and len(info["atoms"]) == 1
        if single_digits and self.p(j) == "/" and j + 1 < self.n and toks[j + 1].k == "n" and self.adjacent(j + 1):
            frac = {("1", "2"): 0.5, ("1", "4"): 0.25, ("3", "4"): 0.75, ("1", "3"): 1 / 3}.get((toks[i].t, toks[j + 1].t))
            hit = L.NUMBER_WORDS.get(self.w(j + 2) or "")
            if frac and hit and hit[1] == "scale" and not pre_kind:
                value = frac * hit[0]  # «1/2 مليون ريال»
                u = self.unit_at(j + 3, allow_fallback=False)
                kind, unit, end = u if u else ("count", None, j + 3)
                return _R(end, a, toks[end - 1].b, {"value": value, "qualifier": qualifier or "exact",
                                                    "kind": kind, "unit": unit})
            return _R(j + 2, reason="score_or_fraction")  # «4/2» scores, «24/7»: not quantities
        if (
            single_digits and self.w(j) == "في" and j + 1 < self.n and toks[j + 1].k == "n"
            and value is not None and value >= 100 and (toks[j + 1].v or 0) >= 100
        ):
            return _R(j + 3 if self.w(j + 2) in _PIXEL_WORDS else j + 2, reason="dimensions")  # «1920 في 1080 بيكسل»
        if single_digits and (self.p(j) in ("×", "x", "*") or self.p(i - 1) in ("×", "*")):
            return _R(j + 1, reason="dimensions")  # «1×1 م2»: dimensions
        if single_digits and self.p(j) in _DASHES and j + 1 < self.n and toks[j + 1].k == "l":
            return _R(j + 1, reason="code_with_latin")  # «635031 - Mobily»
        if single_digits and self.p(j) == "/" and j + 1 < self.n and toks[j + 1].k == "w":
            u = self.unit_at(j + 1, allow_fallback=False)
            if u:  # «رجلا 48/ عاما/»
                kind, unit, end = u
                if self.p(end) == "/":
                    end += 1
                return _R(end, a, toks[end - 1].b, {"value": value, "qualifier": qualifier or "exact",
                                                    "kind": kind, "unit": unit})
        if single_digits and i == 0 and self.p(j) in ("-", ".", ")", "–") and self.w(j + 1):
            if toks[i].t.isdigit() and len(toks[i].t) == 4 and 1000 <= value <= 2100:
                return _R(j, a, toks[i].b, {"value": value, "kind": "year", "qualifier": "exact"})
            return _R(j + 1, reason="list_index")  # «11 - يمكنك ...»: a list index
        if (
            single_digits and toks[i].t.isdigit() and len(toks[i].t) <= 2 and self.p(j) == "."
            and j + 1 < self.n and toks[j + 1].k == "w" and self.adjacent(j) and self.adjacent(j + 1)
            and (i == 0 or toks[i - 1].k != "n" or not self.adjacent(i))
        ):
            return _R(j + 1, reason="list_index")  # «… 0.60 ريال 3.نسبة التوزيع»: a bullet glued to its item
        if single_digits and i == 0 and j < self.n and "\u0640" in self.text[self.orig(toks[i].a, toks[i].b)[1]: self.orig(toks[j].a, toks[j].b)[0]]:
            return _R(j, reason="list_index")  # «5 ـ تعيين»
        if single_digits and value is not None and value <= 12 and self.w(j) in _ERA_WORDS:
            return _R(j + 1, reason="month_number")  # «سبتمبر 9 ميلادي»: a month number
        if single_digits and i > 0 and toks[i - 1].k in ("x", "t") and self.unit_at(j, allow_fallback=False) is None:
            return _R(j, reason="after_masked_span")
        if info["digits"] and self.p(i - 1) == "(" and self.p(j) == ")" and qa is None or (
            qa is not None and self.p(i - 1) == "(" and self.p(j) == ")"
        ):
            # «(26) سنة», «(١١,٩) مليون راكب», «بحوالى (13) مليون»
            k = j + 1
            hit = L.NUMBER_WORDS.get(self.w(k) or "")
            scaled = False
            if hit and hit[1] in ("scale", "plural") and value is not None:
                value *= hit[0]
                k += 1
                scaled = True
            u = self.unit_at(k, allow_fallback=True)
            if u or scaled:
                kind, unit, end = u if u else ("count", None, k)
                pa = a if qa is not None else toks[i - 1].a
                q = qualifier or (self.distant_qualifier(i) if kind in _QUANTITY_KINDS else None) or "exact"
                pq = self.post_qualifier(end)
                if pq:
                    q, end = pq
                if value is None:
                    return None
                return _R(end, pa, toks[end - 1].b, {"value": value, "qualifier": q, "kind": kind, "unit": unit})
        # a dash drawn with tatweel, which folding drops: «خلال الفترة من 2013 ــ 2022»
        if single_digits and value is not None and j < self.n and toks[j].k == "n" and self.tatweel_between(j - 1, j):
            n2 = self.parse_number(j, prefixes=())
            r = self.finish_range(i, a, value, info, n2, False) if n2 and n2[0] is not None else None
            if r is not None and r.fields["kind"] == "year":
                return r
        # dash range: «10-20», «(1939-1945)»
        if single_digits and value is not None and self.p(j) in _DASHES and j + 1 < self.n and toks[j + 1].k == "n":
            if self.score_context(i):
                return _R(j + 2, reason="score")
            n2 = self.parse_number(j + 1, prefixes=())
            if n2 and n2[0] is not None:
                r = self.finish_range(i, a, value, info, n2, False)
                if r is None:
                    return _R(n2[2], reason="score")
                if r.fields["kind"] == "count" and r.fields["unit"] is None and n2[0] < 20:
                    return _R(n2[2], reason="score")  # «1-4» with nothing after: a score
                if self.p(i - 1) == "(" and self.p(r.end) == ")" and r.fields["kind"] == "year":
                    r.a = toks[i - 1].a
                    r.b = toks[r.end].b
                    r.end += 1
                if qualifier and r.fields["kind"] != "year":
                    pass
                return r
        # «10 إلى 20 يوما» (no «من»)
        if value is not None and self.w(j) in ("الي", "حتي", "او") and not self.change_context(i):
            n2 = self.parse_number(j + 1, prefixes=())
            if n2 and n2[0] is not None and n2[0] > value and (info["digits"] == n2[3]["digits"]):
                r = self.finish_range(i, a, value, info, n2, False)
                if r is not None and (r.fields["unit"] or r.fields["kind"] != "count"):
                    if qualifier:
                        r.a = a
                    return r
        # years: «2015م», «1436هـ», «في 2014»
        year_like = single_digits and toks[i].t.isdigit() and len(toks[i].t) == 4 and 1000 <= value <= 2200
        if (
            year_like and not pre_kind and self.p(j) == "/" and j + 1 < self.n and toks[j + 1].k == "n"
            and toks[j + 1].t.isdigit() and len(toks[j + 1].t) == 4 and int(toks[j + 1].t) == value + 1
        ):
            end = j + 2 + (1 if self.w(j + 2) in L.YEAR_SUFFIX_AH or self.w(j + 2) in L.YEAR_SUFFIX_CE else 0)
            return _R(end, a, toks[end - 1].b, {"value": None, "value_low": value, "value_high": value + 1,
                                                "qualifier": "range", "kind": "year"})
        if year_like and not pre_kind:
            suf = self.w(j)
            if suf in L.YEAR_SUFFIX_AH:
                return self.hijri_year(j + 1, a, toks[j].b, int(value))
            if suf in L.YEAR_SUFFIX_CE:
                return _R(j + 1, a, toks[j].b, {"value": value, "kind": "year", "qualifier": "exact"})
            unit = self.unit_at(j, allow_fallback=False)
            if unit is None and qualifier in (None, "up_to") and 1900 <= value <= 2100:
                # a bare 19xx/20xx with no counted noun is a year in news text
                return _R(j, a, toks[j - 1].b, {"value": value, "kind": "year", "qualifier": "exact"})
        # unit
        if pre_kind:
            kind, unit, end = pre_kind[0], pre_kind[1], j
        else:
            allow_fb = not (year_like and qualifier is None)
            self._tamyeez = value is not None and float(value).is_integer() and 11 <= value % 100 <= 99
            self._plural = value is not None and 3 <= value <= 10
            last_kind = info["atoms"][-1][1] if info["atoms"] else "vague"
            self._definite_ok = value is None or last_kind in ("scale", "plural", "dual", "defscale", "vague")
            u = self.unit_at(j, allow_fallback=allow_fb)
            self._tamyeez = self._plural = False
            self._definite_ok = True
            if (
                u is None
                and self.p(j) in _CLOSE_QUOTES
                and self.p(i - 1) in _OPEN_QUOTES
                and self.p(i - 1) != "("
            ):
                # «“آلاف” الجنود»: a quoted number, the noun after the quote
                u = self.unit_at(j + 1, allow_fallback=False)
            if u:
                kind, unit, end = u
            elif self.w(j) in _OTHERS and value is not None and value >= 2:
                kind, unit, end = "count", "آخر", j + 1  # «مقتله ومقتل 3 آخرين»: three others
            else:
                kind, unit, end = "count", None, j
                if info["digits"] and self.w(j) == "و" and j + 1 < self.n and toks[j + 1].k == "n" and self.adjacent(j + 1):
                    n2 = self.parse_number(j + 1, prefixes=())
                    u2 = self.unit_at(n2[2], allow_fallback=False) if n2 else None
                    if u2 and u2[0] in ("duration", "measure", "money"):
                        kind, unit = u2[0], u2[1]  # «تبلغان من العمر 21 و33 عامًا»: the unit is shared
        if (
            single_digits and not pre_kind and kind in ("count", "measure") and re.fullmatch(r"[1-9]\d{0,2}\.\d{3}", toks[i].t)
        ):
            value = float(toks[i].t.replace(".", ""))  # «80.000 متر مكعب», «2.960 مستثمرا»
        if (
            single_digits and unit is None and kind == "count" and q_is_none(qualifier) and i > 1
            and self.w(i - 1) == "ال" and self.adjacent(i) and _is_int(value)
        ):
            prev = self.w(i - 2) or ""
            if prev in _EDITION_NOUNS:  # «البطولة الـ13»: the noun it ranks is the unit
                return _R(end, toks[i - 1].a, toks[end - 1].b, {"value": value, "kind": "ordinal", "qualifier": "exact",
                                                                "unit": self.word_as_written(i - 2)})
        if info.get("lone_unit") and unit is None and kind == "count":
            if self.w(j) not in _OF_THEM and self.w(i - 1) not in _THEIR_NUMBER:
                return None  # «ست», «خمس», «تسع» alone are too ambiguous; «خمسة منهم» is fine  # «ست», «خمس», «تسع» alone are too ambiguous
        if info.get("frac_only") and kind not in ("duration", "measure", "money"):
            return None
        if info.get("by") and unit is None:
            return None
        # «خمسة أعوام ونصف (العام)», «ساعتين وربع»
        if value is not None and kind in ("duration", "measure", "money") and end < self.n:
            nw = self.w(end)
            frac = {"ونصف": 0.5, "وربع": 0.25, "وثلث": 1 / 3}.get(nw or "")
            if frac:
                value += frac
                end += 1
                nxt = self.w(end)
                if nxt and nxt.startswith("ال") and self.unit_lookup(nxt) and self.unit_lookup(nxt)[1] == unit:
                    end += 1
        # post qualifier
        q = qualifier
        pq = self.post_qualifier(end)
        if pq:
            q = pq[0] if (q is None or pq[0] not in ("exact", "approx")) else q  # «ما يفوق ... تقريبا»
            end = pq[1]
        if q is None and qa is None and kind in _QUANTITY_KINDS:
            q = self.distant_qualifier(i - (1 if pre_kind else 0))
        if value is None:
            fields = {"value": None, "magnitude": mag, "qualifier": q or "approx", "kind": kind,
                      "unit": unit}
        else:
            fields = {"value": value, "qualifier": q or "exact", "kind": kind, "unit": unit}
        b = toks[end - 1].b
        return _R(end, a, b, fields)

    # ---------------------------------------------------------------- ordinals
    def parse_ordinal(self, i: int):
        w = self.w(i)
        if not w:
            return None
        cands = [(w, 0)]
        if w[:1] in "وفب" and w[1:3] == "ال":
            cands.append((w[1:], 1))
        if w.startswith("لل"):
            cands.append(("ال" + w[2:], 0))  # «للمرة الثالثة»: the span keeps «لل»
        elif w.startswith("ولل"):
            cands.append(("ال" + w[3:], 1))
        for stem, pl in cands:
            if stem in L.ORDINAL_TEEN_FIRST and self.w(i + 1) in (L.fold("عشر"), L.fold("عشرة")):
                n = L.ORDINAL_TEEN_FIRST[stem] + 10
                end = i + 2
            elif stem in L.ORDINALS or stem in (L.fold("الحادي"), L.fold("الحادية")):
                n = L.ORDINAL_TEEN_FIRST[stem]
                end = i + 1
                nxt = self.w(end)
                if n == 1 and stem not in L.ORDINALS and not (nxt and nxt.startswith("و") and nxt[1:] in L.DEFINITE_TENS):
                    continue
                if n < 10 and nxt and nxt.startswith("و") and nxt[1:] in L.DEFINITE_TENS:
                    n += L.DEFINITE_TENS[nxt[1:]]  # «التاسع والعشرين»
                    end += 1
            elif stem in L.DEFINITE_TENS:
                prev = self.w(i - 1)
                if prev in (L.fold("مجموعة"), L.fold("المجموعة"), L.fold("ومجموعة"), L.fold("بمجموعة"), L.fold("لمجموعة")):
                    return _R(i + 1, reason="group_name")
                if prev in _STREET_WORDS or (prev or "") in L.DEFINITE_TENS:
                    return _R(i + 1, reason="street_name")  # «شارع الستين»
                if any(st in (L.fold("مجموعة"), L.fold("المجموعة")) for st, _ in _strip(self.w(i - 2) or "")):
                    return _R(i + 1, reason="group_name")  # «لمجموعة الدول العشرين»
                n = L.DEFINITE_TENS[stem]
                end = i + 1
                if prev and prev.startswith("ال") and prev.endswith(("ين", "ون", "ات")) and len(prev) > 5:
                    t = self.toks[i]  # «اللاعبين العشرين»: the twenty players (a count)
                    return _R(end, t.a + pl, t.b, {"value": float(n), "kind": "count", "qualifier": "exact"})
            else:
                continue
            prev = self.w(i - 1)
            if prev in _MINUTE:  # «الدقيقة الثلاثين»: a match minute, as «الدقيقة 30»
                return _R(end, self.toks[i - 1].a, self.toks[end - 1].b,
                          {"value": float(n), "kind": "other", "qualifier": "exact", "unit": "دقيقة"})
            before = self.w(i - 2) if self.p(i - 1) in _OPEN_QUOTES else prev
            if before in _COMPANY_WORDS or self.w(end) in _COMPANY_WORDS:
                return _R(end, reason="company_name")  # «شركة «الحادي عشر»», «الحادي عشر القابضة»
            if prev in _HOUR_WORDS:  # «الساعة الحادية عشرة والنصف من مساء …»
                hour, k = float(n), end
                frac = _HOUR_FRACTIONS.get(self.w(k) or "")
                if frac:
                    hour, k = hour + frac, k + 1
                if self.w(k) == "من" and self.w(k + 1) in (L.fold("مساء"), L.fold("صباح"), L.fold("فجر")):
                    return self.clock_time(i, k, k, hour + (12 if self.w(k + 1) == L.fold("مساء") and hour < 12 else 0))
                return self.clock_time(i, k, k + 1 if self.w(k) in L.TIME_OF_DAY else k, hour)
            t = self.toks[i]
            if self.w(end) == "من" and self.w(end + 1) in _AGE_WORDS:  # «رجل في التاسعة والخمسين من العمر»: an age
                return _R(end, t.a + pl, self.toks[end - 1].b, {"value": float(n), "kind": "duration", "qualifier": "exact"})
            if n <= 31 and self.w(end) == "من":
                k = end + 1 + (1 if self.w(end + 1) in (L.fold("شهر"),) else 0)
                mo = self.month_at(k)  # «الثامن من أغسطس», «للسادس من شهر أغسطس»
                if mo:
                    cal, m, mend = mo
                    return self.date_tail(i, k, t.a + pl, n, cal, m, mend)
            if self.w(end) in L.TIME_OF_DAY:
                return self.clock_time(i, end, end + 1, float(n))  # «من الرابعة إلى التاسعة مساء»: clock times
            if self.w(end) == "من" and self.w(end + 1) in (L.fold("صباح"), L.fold("مساء"), L.fold("فجر")):
                pm = self.w(end + 1) == L.fold("مساء") and n < 12
                return self.clock_time(i, end, end, float(n) + (12 if pm else 0))  # «السادسة من صباح اليوم»: the hour alone
            if prev in (L.fold("البارحة"),):
                return _R(end, reason="idiom_not_date")  # «البارحة الأولى»: the night before last
            unit = self.ranked_noun(i, pl)
            if unit is None and not pl and n == 1 and self.w(i - 1):
                hit = dual_of(self.w(i - 1), self.w(i))
                if hit:  # «متاحة في نسختين الأولى مقاس 32.6 بوصة والثانية …»: the two, one by one
                    unit = self._list_unit = hit[1]
            elif unit is None and pl and n > 1 and self._list_unit:
                unit = self._list_unit
            return _R(end, t.a + pl, self.toks[end - 1].b,
                      {"value": float(n), "kind": "ordinal", "qualifier": "exact", "unit": unit})
        return None

    def tatweel_between(self, j: int, k: int) -> bool:
        """Only spaces and tatweel («ــ», a dash) between tokens j and k in the original text."""
        gap = self.text[self.orig(self.toks[j].a, self.toks[j].b)[1]: self.orig(self.toks[k].a, self.toks[k].b)[0]]
        return "\u0640" in gap and not gap.strip(" \u0640")

    def clock_time(self, i: int, j: int, end: int, hour: float | None = None) -> _R:
        """A clock time from token ``i`` to ``end`` (exclusive): «الساعة 9.30», «14:18», «السادسة مساءً».
        Kind ``time``, value the hour of the day in decimal hours (9.5; 18 for «السادسة مساءً»:
        a day-part word after it moves it to 24 hours and is in the span, «الساعة» before it too;
        a word like «بتوقيت» is consumed but left out). ``j`` is the token after the hour."""
        prev = self.w(i - 1)
        if prev in _HOUR_WORDS and self.toks[i - 1].k == "w":
            i -= 1
        last = end - 1 if end > j and self.w(end - 1) in _DAY_PARTS else j - 1 if end > j else end - 1
        t = self.toks[i]
        pl = len(t.t) - len(_HOUR) if t.k == "w" and t.t in _HOUR_WORDS else 0
        h = self.toks[j - 1]
        if h.k == "t":
            hm = [int(x) for x in h.t.split(":")]
            hour = hm[0] + hm[1] / 60
        elif hour is None:
            hour = h.v if h.k == "n" else None
            if hour is not None and "." in h.t and len(h.t.split(".")[1]) == 2 and int(h.t.split(".")[1]) < 60:
                hour = int(hour) + int(h.t.split(".")[1]) / 60  # «9.30» is half past nine
        part = self.w(end - 1) if end > j else None
        if hour is not None and part in _PM_PARTS and hour < 12 and not (part in _NIGHT and hour < 5):
            hour += 12  # «السادسة مساءً» = 18
        if hour is None or not 0 <= hour <= 24:
            return _R(end, reason="clock_time")
        return _R(end, t.a + pl, self.toks[max(last, i)].b,
                  {"value": round(hour, 4), "kind": "time", "qualifier": "exact"})

    def ranked_noun(self, i: int, pl: int) -> str | None:
        """The noun an ordinal ranks («الشوط الثاني» → شوط, «للمرة الثالثة» → مرة), skipping one
        nisba adjective («المباراة الودية الثانية» → مباراة); None when there is none."""
        if pl:
            return None  # «والثانية»: a new item, the noun is further back
        for j in (i - 1, i - 2):
            prev = self.w(j)
            if not prev:
                return None
            stem = next((prev[len(p):] for p in ("ال", "وال", "بال", "فال", "كال") if prev.startswith(p)), None)
            if stem is None and prev.startswith("لل"):
                stem = prev[2:]
            if stem is None and j == i - 1 and prev.endswith(_PRONOUN_SUFFIXES) and len(prev) >= 5 \
                    and self.toks[j].k == "w" and prev not in L.STOPWORDS and not prev.startswith(("ب", "ل", "ك")):
                return singular_noun(strip_diacritics(self.raw_word(j)).replace("\u0640", ""))  # «دورتها الثالثة» → دورة
            if stem is not None and L.NUMBER_WORDS.get(stem, (0, ""))[1] == "frac":
                pass  # «الربع الثاني», «النصف الأول»: a fraction of the year, ranked
            elif stem is None or len(stem) < 2 or stem in L.NUMBER_WORDS or stem in L.ORDINALS:
                return None
            if "ال" + stem in L.ORDINALS or "ال" + stem in L.DEFINITE_TENS:
                return None
            if j == i - 1 and self.raw_word(j).endswith(("ية", "ي")) and len(stem) > 3 and self.w(i - 2) \
                    and self.w(i - 2).startswith(("ال", "وال", "بال", "لل", "فال")):
                continue  # a nisba adjective between the noun and the ordinal
            raw = self.raw_word(j)
            k = len(prev) - len(stem)
            return raw[k:] if len(raw) - k == len(stem) else None
        return None

    def parse_duration_dual(self, i: int):
        w = self.w(i)
        if not w:
            return None
        cands = _strip(w, ("و", "ب", "ل", "ف"))
        cands = cands + [(st[2:], p) for st, p in cands if st.startswith("ال")]  # «خلال اليومين المقبلين»
        for stem, pl in cands:
            if stem in L.DURATION_DUALS:
                t = self.toks[i]
                end = i + 1
                q = "exact"
                value = 2.0
                frac = {"ونصف": 0.5, "وربع": 0.25}.get(self.w(end) or "")
                if frac:  # «سنتان ونصف»
                    value += frac
                    end += 1
                pq = self.post_qualifier(end)
                if pq:
                    q, end = pq
                return _R(end, t.a + pl, self.toks[end - 1].b,
                          {"value": value, "kind": "duration", "unit": L.DURATION_DUALS[stem],
                           "qualifier": q})
        return None

    def _dual_before(self, i: int) -> bool:
        prev = self.w(i - 1)
        if not prev or not prev.endswith(_DUAL_ENDINGS):
            return False
        stem = prev[2:] if prev.startswith("ال") else prev
        return dual_of(stem) is not None or stem in L.DURATION_DUALS  # «الساعتين الماضيتين»

    def parse_few(self, i: int):
        """«عدة سنوات», «بضعة أمتار»: a vague small amount of a known unit (magnitude 1)."""
        w = self.w(i)
        if not w or not {st for st, _ in _strip(w)} & L.FEW:
            return None
        if self.raw_word(i).endswith(("ه", "ّه")) or "\u0651" in self.raw_word(i):
            return None  # «الذي عدّه رئيساً»: «counted him», not «several»
        nxt = self.w(i + 1)
        if not nxt or nxt.startswith("ال") or nxt in L.NUMBER_WORDS:
            return None  # «عدة مئات» is the quantity parser's; «عدة الصلاة» is not a figure
        hit = L.UNITS.get(nxt)
        if hit is None and nxt.endswith("ات") and self.fallback_ok(nxt) and not self.pronoun_suffixed(i + 1):
            hit = ("count", singular_noun(self.word_as_written(i + 1)))  # «عدة مشاركات» → مشاركة
        if hit is None:
            return None
        kind, unit = hit
        pl = next(p for st, p in _strip(w) if st in L.FEW)
        t = self.toks[i]
        return _R(i + 2, t.a + pl, self.toks[i + 1].b,
                  {"value": None, "magnitude": 1.0, "qualifier": "approx", "kind": kind, "unit": unit})

    def parse_adverbial_ordinal(self, i: int):
        """«وحل ميلان عاشرا في الدوري», «فيما حلوا ثانيا»: a rank after a verb of placing."""
        n = _ADVERBIAL_ORDINALS.get(self.w(i) or "")
        if n is None or not {st for st, _ in _strip(self.w(i - 1) or "", ("و", "ف"))} & _PLACED \
                and not {st for st, _ in _strip(self.w(i - 2) or "", ("و", "ف"))} & _PLACED:
            return None
        t = self.toks[i]
        return _R(i + 1, t.a, t.b, {"value": float(n), "kind": "ordinal", "qualifier": "exact"})

    def parse_collective(self, i: int):
        """«عاد الثلاثي كريستيانو رونالدو …»: the collective noun counts its members (no unit);
        after a definite noun it is an adjective («الاجتماع الثلاثي»)."""
        w = self.w(i)
        n = L.COLLECTIVES.get(w or "")
        if n is None:
            return None
        prev = self.w(i - 1) or ""
        if prev.startswith("ال") or prev.startswith(("وال", "بال", "لل")):
            return None
        t = self.toks[i]
        return _R(i + 1, t.a, t.b, {"value": float(n), "kind": "count", "qualifier": "exact"})

    def parse_construct_ordinal(self, i: int):
        """«ثاني صفقة», «وثالث الحرمين»: an indefinite ordinal heading a noun; not in a name («آل ثاني»)."""
        w = self.w(i)
        if not w:
            return None
        for stem, pl in _strip(w, ("و", "ف", "ل")):
            n = L.CONSTRUCT_ORDINALS.get(stem)
            if n is None or (pl and w[pl - 1] == "ل" and stem != _AWWAL):
                continue  # «لأول مرة», but «لأولي سولفانغ» is a name
            prev = self.w(i - 1)
            nxt = self.w(i + 1)
            if stem == _AWWAL and (nxt in _NOT_AFTER_AWWAL or (nxt or "").startswith("ال") or prev in _RANK_WORDS
                                   or (nxt or "").endswith(("ين", "تين"))):
                return None  # «أول أمس», «أول الأمر», «الفريق أول ركن», «أول مواجهتين»: not a rank of a noun
            if prev in (L.fold("آل"), "ال", "بن", "ابن") or not nxt or nxt in L.STOPWORDS or nxt in L.NUMBER_WORDS:
                return None
            if self.raw_word(i)[pl:pl + 1] == "آ" or (i + 1 < self.n and self.toks[i + 1].a - self.toks[i].b > 1):
                return None
            bare = nxt[2:] if nxt.startswith("ال") else nxt
            hit = L.UNITS.get(bare) or dual_of(bare)
            unit = hit[1] if hit else (singular_noun(self.word_as_written(i + 1)) if len(bare) > 2 else None)
            if unit is None or not self.fallback_ok(bare):
                return None
            t = self.toks[i]
            return _R(i + 1, t.a + pl, t.b, {"value": float(n), "kind": "ordinal", "qualifier": "exact", "unit": unit})
        return None

    def parse_definite_number(self, i: int):
        """«الأشهر الأربعة», «المباريات الثلاث» (a definite plural, then the number) and
        «الثلاث سنوات» (the number, then the plural): 3-10 things."""
        w = self.w(i)
        if not w or not w.startswith("ال"):
            return None
        hit = L.NUMBER_WORDS.get(w[2:])
        if not hit or hit[1] != "unit" or not 3 <= hit[0] <= 10:
            return None
        t = self.toks[i]
        prev = self.w(i - 1)
        if prev and prev.startswith("ال") and not (self._last_end is not None and self._last_end > i - 1):
            u = self.unit_lookup(prev)
            if u and u[0] in ("count", "duration", "measure", "money") and L.UNITS.get(prev[2:]) and prev[2:] != u[1]:
                return _R(i + 1, self.toks[i - 1].a, t.b,
                          {"value": float(hit[0]), "qualifier": "exact", "kind": u[0], "unit": u[1]})
        nxt = self.w(i + 1)
        if nxt and not nxt.startswith("ال"):
            u = L.UNITS.get(nxt)
            if u and u[0] in ("count", "duration", "measure", "money") and nxt != L.fold(u[1]):
                return _R(i + 2, t.a, self.toks[i + 1].b,
                          {"value": float(hit[0]), "qualifier": "exact", "kind": u[0], "unit": u[1]})
        return None

    def parse_dual(self, i: int):
        """«ريالين», «وزيران», «البلدين», «محافظتي القريات»: two of a noun (see :mod:`duals`)."""
        w = self.w(i)
        if not w or not w.endswith(_DUAL_ENDINGS):
            return None
        for stem, pl in _strip(w, ("و", "ب", "ل", "ف", "ك")):
            art = 0
            if stem.startswith("ال"):
                art = 2
            elif stem.startswith("لل") and pl:
                continue
            elif stem.startswith("لل"):
                art, pl = 2, 0
            hit = dual_of(stem[art:], self.w(i + 1))
            if hit is None and self.w(i + 1) in _DUAL_RELATIVES and stem.endswith("ين"):
                u = L.UNITS.get(stem[art:-2])
                hit = u if u and u[0] == "count" else None  # «حالتي اللاعبين اللذين يتعافيان»: the two players
            if hit is None:
                continue
            if self._dual_before(i):
                return _R(i + 1, reason="agreeing_adjective")
            nxt = self.w(i + 1) or ""
            if hit[1] == "هدف" and (
                nxt in (L.fold("لهدف"), L.fold("مقابل"), L.fold("للاشيء"), L.fold("لصفر"), L.fold("دون"))
                or (nxt.startswith("ل") and (nxt[1:] in L.NUMBER_WORDS or nxt[1:] in (L.fold("هدف"),)))
            ):
                return _R(i + 1, reason="score")  # «فاز بهدفين لهدف», «بهدفين مقابل هدف»: a match score
            if (stem[art:], self.w(i - 1)) in L.DUAL_TITLES:
                return _R(i + 1, reason="title_dual")  # «خادم الحرمين الشريفين»: a title, not two of anything  # «مواجهتين وديتين», «الوافدان الجديدان»: an adjective agreeing
            kind, unit = hit
            t = self.toks[i]
            return _R(i + 1, t.a + pl, t.b, {"value": 2.0, "kind": kind, "unit": unit, "qualifier": "exact"})
        return None

    # ---------------------------------------------------------------- driver
    def parse_at(self, i: int):
        t = self.toks[i]
        if t.k == "w" and not _word_triggers(t.t):
            # only its ending: a dual («البلدين») or a definite duration dual («اليومين المقبلين»)
            return (self.parse_dual(i) or self.parse_duration_dual(i)) if _dual_shaped(t.t) else None
        if t.k == "x":
            return _R(i + 1, reason="masked_span")
        if t.k == "t":
            return self.clock_time(i, i + 1, i + 1)
        if t.k == "d":
            return self.parse_numeric_date(i)
        if t.k in ("n", "w"):
            r = self.parse_month_date(i)
            if r:
                return r
        if t.k == "w":
            r = self.parse_relative_day(i)
            if r:
                return r
            pq = self.pre_qualifier(i)
            if pq:
                q, j, qa = pq
                if self.p(j) == "(" and j + 1 < self.n and self.toks[j + 1].k == "n":
                    j += 1
                if j < self.n:
                    r = self.parse_between(j) or self.parse_from_to(j)
                    if r and r.fields:
                        r.a = qa
                        return r
                    r = self.parse_year_word(j)
                    if r:
                        return r
                    r = self.parse_quantity(j, q, qa)
                    if r and r.fields and r.fields["kind"] in _QUANTITY_KINDS:
                        return r
                    if r and r.fields and r.fields["kind"] == "year":
                        return r
                    if r is None and q != "exact" and self.toks[j].k == "w" and self.w(i) not in _PREPOSITION_QUALIFIERS:
                        # «نحو أسبوعين», «قرابة الثلاثة أسابيع»: a qualifier before a dual or a definite number
                        r = self.parse_duration_dual(j) or self.parse_definite_number(j) or self.parse_dual(j)
                        if r and r.fields and r.fields["kind"] in _QUANTITY_KINDS and r.a == self.toks[j].a:
                            r.fields = dict(r.fields, qualifier=q)
                            r.a = qa
                            return r
            r = self.parse_between(i) or self.parse_from_to(i)
            if r:
                return r
            r = self.parse_year_word(i)
            if r:
                return r
        if t.k in ("n", "w", "p"):
            r = self.parse_quantity(i)
            if r:
                return r
        if t.k == "w":
            r = (self.parse_few(i) or self.parse_definite_number(i) or self.parse_construct_ordinal(i)
                 or self.parse_collective(i) or self.parse_adverbial_ordinal(i))
            if r:
                return r
        if t.k == "w":
            return self.parse_ordinal(i) or self.parse_duration_dual(i) or self.parse_dual(i)
        return None

    def run(self) -> list[Figure]:
        out: list[Figure] = []
        i = 0
        toks = self.toks
        while i < self.n:
            t = toks[i]
            if t.k == "w" and not _triggers(t.t):
                i += 1
                continue
            if t.k == "p" and t.t not in L.CURRENCY_SYMBOLS and t.t != "%":
                i += 1
                continue
            self._last_end = self._consumed
            r = self.parse_at(i)
            if r is None:
                i += 1
                continue
            if r.fields is not None and out and self.orig(r.a, r.b)[0] < out[-1].end:
                r.fields, r.reason = None, "overlaps_previous"  # a parse reaching back into the previous figure
            if r.fields is None and self.audit is not None:
                self.audit[r.reason or "unnamed"] += 1
            if r.fields is not None:
                o1, o2 = self.orig(r.a, r.b)
                f = r.fields
                value = f.get("value")
                low = f.get("value_low", value)
                high = f.get("value_high", value)
                out.append(
                    Figure(
                        start=o1,
                        end=o2,
                        text=self.text[o1:o2],
                        value=value,
                        value_low=low,
                        value_high=high,
                        qualifier=f.get("qualifier", "exact"),
                        kind=f.get("kind", "count"),
                        unit=f.get("unit"),
                        magnitude=f.get("magnitude"),
                        date_value=f.get("date_value"),
                    )
                )
            i = max(r.end, i + 1)
            self._consumed = i
        return out


def extract_figures(text: str, *, reference_date: dt.date | None = None) -> list[Figure]:
    """All figures in ``text`` (one sentence or paragraph, as written), sorted by
    start and non-overlapping; offsets index ``text``.  See the module docstring
    for the conventions (vague amounts, ranges, date precision in ``unit``)."""
    if not text or not any(c.isdigit() or "\u0600" <= c <= "\u06ff" for c in text):
        return []
    return _Parser(text, reference_date).run()


def audit_figures(text: str, *, reference_date: dt.date | None = None) -> tuple[list[Figure], Counter[str]]:
    """``extract_figures`` plus, for the numbers and number words it consumed without
    making a figure, how many each guard turned away (keys of
    :data:`akhbar.figures.guards.REASONS`)."""
    audit: Counter[str] = Counter()
    if not text or not any(c.isdigit() or "\u0600" <= c <= "\u06ff" for c in text):
        return [], audit
    parser = _Parser(text, reference_date)
    parser.audit = audit
    return parser.run(), audit
