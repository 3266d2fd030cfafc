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
  ``"year"`` (a Hijri year alone: date_value = 1 Muharram of that year; a Hijri month named
  alone, «شهر رمضان الماضي»: precision month, date_value its first day).
  Hijri dates are converted to Gregorian with ``hijridate``.
* Years («عام 2022», «2015م», «في 2014») have ``kind="year"`` and ``value`` the
  year as written (Hijri years written without «هـ» stay as written).
* Percentages have ``kind="percent"`` and ``unit=None``; money has the currency
  (singular) as unit; durations and measures their unit noun (singular).
* Ordinals: definite forms («الرابعة», «الأول», «الحادي عشر», «القرن العشرين») and
  indefinite heads of a construct («ثاني صفقة», «لأول مرة»): ``kind="ordinal"``, value =
  the rank, unit the noun ranked («الشوط الثاني» → شوط, «الربع الثاني» → ربع, «دورتها
  الثالثة» → دورة, «البطولة الـ13» → بطولة, «نسختين الأولى … والثانية» → نسخة), else None.
  An indefinite ordinal after its noun («هدف ثان») and a list item («أولاً: …») are ordinals
  too; after an edition's name the unit is its head («مهرجان القطيف السادس» → مهرجان).
  An age written as an ordinal («التاسعة والخمسين من العمر», «دون سن الثلاثين») is a duration.
* Clock times («الساعة 9.30», «14:18», «السادسة مساءً») have ``kind="time"`` and ``value``
  the hour of the day in decimal hours (a day-part word after it moves it to 24 hours:
  «السادسة مساءً» = 18); a match minute («الدقيقة 16», «الدقيقة الثلاثين») is ``other``,
  unit دقيقة.
* Relative days («أمس», «الليلة الماضية», «اليوم», «غداً», weekdays) count from ``reference_date``; a
  bare «اليوم» is a date only where it dates a reported act («أعلنت الوزارة اليوم، …»), not the
  writer's present («ما نعيشه اليوم»). Two days of one month («بين 10 و15 أغسطس») are two dates.
  The pipeline first moves ``reference_date`` to the weekday an article names as today
  (:func:`akhbar.figures.anchor.anchor_date`). A weekday alone is the most recent such day
  (the scrape date may lag publication), unless its clause looks ahead: a future verb
  («وستلتقي الوزيرة الاثنين»), «المقرر», «حتى» (the next such day, since 0.15.0);
  «غداً الاثنين», «بعد غدٍ الأربعاء» are forward. A Hijri day and month with no year takes
  the Hijri year of the reference date (one back for «الماضي», one on for «المقبل»).
* Not figures: numbers glued to a name («روسيا-1», «كوفيد-19», «F16»), after a
  title or identifier word («برنامج»، «رؤية 2030»، «المادة 4»، «رقم»), a product named
  by letters («إس.إي 370»), a bare quoted «"60 دقيقة"», phone numbers, URLs, football
  scores («2-1», «بهدفين لهدف»), dimensions («1920 في 1080»), list bullets, a dual in a
  title («خادم الحرمين»), an ordinal naming a company, a year closing an edition's name
  («مونديال روسيا 2018»), «الأولى» after a numeral («الأشهر الستة الأولى»: the first N). Each is counted by its guard
  (:data:`akhbar.figures.guards.REASONS`, :func:`audit_figures`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Sequence

from akhbar.figures import lexicon as L
from akhbar.figures.dates import DateParser
from akhbar.figures.duals import _DUAL_ENDINGS, DualParser, construct_dual_unit
from akhbar.figures.guards import _QUANTITY_KINDS, _R
from akhbar.figures.numbers import NumberReader
from akhbar.figures.ordinals import OrdinalParser
from akhbar.figures.qualifiers import _QUAL_FIRST, QualifierReader
from akhbar.figures.quantity import QuantityParser
from akhbar.figures.ranges import RangeParser
from akhbar.figures.units import UnitReader, _word_count, preposition_stem, singular_noun
from akhbar.models import Figure
from akhbar.text import to_ascii_digits
from akhbar.text.caches import WORD_CACHE_MAX

# Stems that can start a figure made of words; other words are skipped quickly.
_TRIGGERS = (
    set(L.NUMBER_WORDS) | {"ال" + w for w in L.NUMBER_WORDS} | _QUAL_FIRST | set(L.GREG_MONTHS) | set(L.LEV_MONTHS_1)
    | set(L.HIJRI_MONTHS_1) | L.LEV_MONTHS_2_FIRST | {a for a, _ in L.HIJRI_MONTHS_2}
    | set(L.WEEKDAYS) | set(L.YEAR_WORDS) | set(L.ORDINALS) | set(L.ORDINAL_TEEN_FIRST) | set(L.COLLECTIVES)
    | set(L.ADVERBIAL_ORDINALS) | set(L.POST_NOUN_ORDINALS) | L.LAST_NIGHT_WORDS
    | set(L.DEFINITE_TENS) | set(L.DURATION_DUALS) | L.FEW | set(L.BY_THE) | L.TOMORROW | set(L.CONSTRUCT_ORDINALS)
    | {L.YESTERDAY, L.TODAY, "يوم", L.fold("غد"), "شهر", "بشهر", "وشهر", "لشهر", "بين", "وبين", "فبين", "ما",
       "من", "ومن", L.fold("بالأمس"), L.fold("الأمس"), L.fold("والأمس")}
)


@functools.lru_cache(maxsize=WORD_CACHE_MAX)
@functools.lru_cache(maxsize=WORD_CACHE_MAX)
def _triggers(w: str) -> int:
    """1: a word a figure may start at; 2: only a construct dual («قسمي») may; 0: none."""
    if _word_triggers(w) or _dual_shaped(w):
        return 1
    return 2 if _construct_dual_shaped(w) else 0


def _construct_dual_shaped(w: str) -> bool:
    """«قسمي», «منطقتي»: a dual in construct by its spelling (:func:`construct_dual_unit`)."""
    return w[-1] == "ي" and construct_dual_unit(w) is not None


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


class _Parser(QuantityParser, RangeParser, DateParser, OrdinalParser, DualParser, QualifierReader, UnitReader,
              NumberReader):
    """The left-to-right driver: at each token, the parses of :meth:`parse_at` in order; each
    seam is its own module (numbers, units, qualifiers, dates, ranges, quantity, ordinals,
    duals, guards), all reading one :class:`akhbar.figures.tokens.TokenView`."""

    def __init__(self, text: str, ref: dt.date | None):
        super().__init__(text)
        self.ref = ref
        self._consumed = 0  # tokens before this index were taken by an earlier parse
        self._list_unit: str | None = None  # «في نسختين الأولى … والثانية …»: the noun of the two listed
        # the last count of the sentence, (value, unit): the ordinals after it that name no noun
        # are its items («تبرز مرحلتان: الأولى … الثانية …», «الدرجات الثلاث الأولى والثانية والثالثة»)
        # (value, unit, token after it, whether an ordinal item took it already)
        self._last_count: tuple[float, str, int, bool] | None = None
        self._has_half = "نصف" in self.s  # («ساعة ونصف»: see run; the matching form's «نصف»)

    def parse_at(self, i: int):
        t = self.toks[i]
        if t.k == "w" and not _word_triggers(t.t):
            # only its ending: a dual («البلدين») or a definite duration dual («اليومين المقبلين»)
            r = (self.parse_dual(i) or self.parse_duration_dual(i)) if _dual_shaped(t.t) else None
            if r is None and t.t[-1] == "ي" and _construct_dual_shaped(t.t):
                r = self.parse_construct_dual(i)  # «منطقتي مكة والمدينة» (the «ـتي» is dual-shaped)
            return r
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
                if j < self.n and q == "up_to" and self.toks[j].k == "n":
                    r = self.parse_month_date(j)  # «وحتى 31 أغسطس الجاري»: the date the period ends on
                    if r is not None and r.fields is not None and r.fields.get("kind") == "date":
                        return r
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
                    if r is None and q != "exact" and self.toks[j].k == "w" and self.w(i) not in L.PREPOSITION_QUALIFIERS:
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
        if t.k == "w" and t.t in L.TWO_WORDS:
            r = self.parse_two_after_noun(i)
            if r:
                return r
        if t.k in ("n", "w", "p"):
            r = self.parse_quantity(i)
            if r:
                return r
        if t.k == "w":
            r = (self.parse_few(i) or self.parse_definite_tens(i) or self.parse_definite_number(i) or self.parse_definite_vague(i) or self.parse_construct_ordinal(i)
                 or self.parse_collective(i) or self.parse_adverbial_ordinal(i) or self.parse_one_after_noun(i)
                 or self.parse_ordinal_after_noun(i))
            if r:
                return r
        if t.k == "w":
            return self.parse_ordinal(i) or self.parse_duration_dual(i) or self.parse_dual(i)
        return None

    def run(self, audit: Counter[str] | None = None) -> list[Figure]:
        """The figures, left to right; ``audit`` counts, by reason, the tokens consumed as not
        figures."""
        out: list[Figure] = []
        i = 0
        toks = self.toks
        while i < self.n:
            t = toks[i]
            if t.k == "w":
                trig = _triggers(t.t)
                if not trig and self._has_half and i + 1 < self.n and toks[i + 1].t in L.AND_HALF:
                    trig = 3  # «ساعة ونصف»: a unit of time and a half (no trigger word of its own)
                if not trig:
                    i += 1
                    continue
                r = self.parse_construct_dual(i) if trig == 2 else self.parse_duration_and_half(i) if trig == 3 \
                    else self.parse_at(i)
            elif t.k == "p" and t.t not in L.CURRENCY_SYMBOLS and t.t != "%":
                i += 1
                continue
            else:
                r = self.parse_at(i)
            if r is None:
                i += 1
                continue
            if r.fields is not None and out and self.orig(r.a, r.b)[0] < out[-1].end:
                r.fields, r.reason = None, "overlaps_previous"  # a parse reaching back into the previous figure
            if r.fields is None and audit is not None:
                audit[r.reason or "unnamed"] += 1
            if r.fields is not None and (r.fields.get("value") or 0) < 0 and r.fields.get("kind") in _UNSIGNED_KINDS:
                # «هارون -40 عاما-»: a dash opening an aside, no minus sign (a count, an age or a sum
                # of money is never negative in news text; a temperature or a percentage change is)
                f = r.fields
                r.fields = dict(f, value=-f["value"], value_low=-f.get("value_low", f["value"]),
                                value_high=-f.get("value_high", f["value"]))
                r.a += 1
            if r.fields is not None:
                unit = r.fields.get("unit")
                if unit and (unit == L.OTHER_UNIT or r.fields.get("kind") == "count" and L.fold(unit) in L.OTHERS):
                    r.fields["unit"] = _others_antecedent(out) or L.OTHER_UNIT
                elif unit is None and r.fields.get("kind", "count") == "count" and r.fields.get("value") is not None:
                    joined = self.coordinated_with(i, r.end, out)
                    r.fields["unit"] = self.counted_before(i) or (joined.unit if joined and joined.kind == "count" else None) \
                        or self.partitive_unit(i, r.end, out) or self.casualty_unit(i, out)
                    if r.fields["unit"] is None and joined is not None and joined.kind == "money":
                        r.fields["kind"], r.fields["unit"] = "money", joined.unit  # «27.6 مليون دولار و23.1 مليون»
                out.append(self._figure(r))
                if r.then is not None and r.then.fields is not None:
                    out.append(self._figure(r.then))
                f = r.fields
                value = f.get("value")
                if f.get("kind") in ("count", "measure") and f.get("unit") and value is not None and 2 <= value <= 10:
                    self._last_count = (value, f["unit"], r.end, False)
            i = max(r.end, i + 1)
            self._consumed = i
        return _merge_restated(self.text, _share_change_unit(self.text, _share_list_unit(self.text, out)))

    def counted_before(self, i: int) -> str | None:
        """The noun a bare count at token ``i`` counts when the clause names it before: «بلغ عدد
        الفحوصات 8456» → فحص, «العدد الإجمالي للركاب (6.671.878)» → راكب, «عدد من تم الكشف
        عليهم من الأطفال 407» → طفل (a definite plural after «من» right before the number)."""
        w1, w2 = self.w(i - 1), self.w(i - 2)
        if w1 and w2 in L.FROM_WORDS and w1.startswith("ال") and self.fallback_ok(w1[2:]):
            written = self.word_as_written(i - 1)
            one = singular_noun(written)
            if one != written and _word_count(one) >= 10:
                return one
        for k in range(i - 1, max(i - 9, self._consumed - 1, -1), -1):  # (not back into the previous figure)
            t = self.toks[k]
            if t.k == "p" and t.t not in "()«»\"“”":
                return None  # the clause ends
            if t.k != "w" and t.k != "p":
                return None  # another number
            if t.k == "w" and t.t in L.NUMBER_OF:
                j = k + 1
                if self.w(j) in L.TOTAL_WORDS:
                    j += 1
                w = self.w(j)
                if not w or j >= i:
                    return None
                if not w.startswith(("ال", "لل")):
                    return None  # «عدد من …», «عددهم»: no noun of its own
                raw = self.raw_word(j)[2:]  # without «ال» / «لل»
                hit = self.unit_lookup("ال" + w[2:])
                if hit:
                    return hit[1] if hit[0] == "count" else None  # «عدد القتلى» → قتيل
                if not self.fallback_ok(w[2:]):
                    return None
                one = singular_noun(raw)
                if _word_count(one) < 10:
                    return None
                return one
        return None

    def coordinated_with(self, i: int, end: int, before: list[Figure]) -> Figure | None:
        """The count or amount before a bare number joined to it by «و», «مقابل» or «من أصل» in the
        same clause, whose noun or currency the number shares: «496 ألف موظف في مراتب عامة و513
        ألفاً في وظائف تعليمية», «41 مليون دولار … و23.1 مليون», «13191 نقطة، مقابل 6490», «11 لقبا
        من أصل 12» (when no word after it may be its own noun: «و1432 زمردة» is a year-shaped
        number's); None otherwise."""
        if not before or not (self.joined_by_and(i) or self.w(i - 1) in L.AGAINST_WORDS
                              or (self.w(i - 2), self.w(i - 1)) in L.OUT_OF_WORDS):
            return None
        nxt = self.w(end)
        if nxt is not None and nxt not in L.AFTER_BARE_COUNT and not nxt.startswith("لل") and not (
                end < self.n and self.toks[end].k == "w" and preposition_stem(nxt, min_uses=200, ratio=2)):
            return None  # (a place after «بـ» is no noun of its own: «… وخمس بمحافظة رأس تنورة»; nor
            # is a word with «لل»: «40 ألف ريال، و30 ألفا للفضية»)
        prev = before[-1]
        if prev.kind not in ("count", "money") or not prev.unit or prev.unit == L.OTHER_UNIT:
            return None
        for k in range(i - 2, -1, -1):
            t = self.toks[k]
            if self.orig(t.a, t.b)[1] <= prev.end:
                return prev if i - k <= 8 else None
            if t.k == "p" and t.t not in "()،,":
                return None  # another clause
        return None

    def casualty_unit(self, i: int, before: list[Figure]) -> str | None:
        """«قتل 5 أشخاص وأصيب 16», «مقتل 30 شخصا وإصابة نحو مائة»: a bare count right after a verb or
        noun of killing or wounding counts what the last count before it in the sentence counted."""
        return _last_counted(before) if self.w(i - 1) in L.CASUALTY_WORDS else None

    def partitive_unit(self, i: int, end: int, before: list[Figure]) -> str | None:
        """«عدد السجناء 200 شخص، منهم نحو مائة أوقفوا» → شخص, «مواقع للمسلحين … وسيطرت على ثلاثة
        منها» → موقع: a bare count of «منهم / منها» (after it, or just before it) counts what the
        pronoun points back to: the noun of the last count before it in the sentence, else the
        nearest plural noun before it in the clause (a word whose singular the corpus uses)."""
        if self.w(end) not in L.PARTITIVES and self.w(i - 1) not in L.PARTITIVES:
            return None
        counted = _last_counted(before)
        if counted is not None:
            return counted
        for k in range(i - 1, max(i - 13, -1), -1):
            t = self.toks[k]
            if t.k == "n":
                return None
            if t.k != "w" or self.w(k) in L.PARTITIVES:
                continue
            raw = self.raw_word(k)
            if raw.startswith(("ال", "لل")):
                raw = raw[2:]
            if len(raw) < 4 or not self.fallback_ok(L.fold(raw)):
                continue
            one = singular_noun(raw)
            if one != raw and _word_count(one) >= 50 and _word_count(one) > _word_count(raw):
                return one
        return None

    def _figure(self, r: _R) -> Figure:
        o1, o2 = self.orig(r.a, r.b)
        f = r.fields
        value = _decimal(f.get("value"))
        kind = f.get("kind", "count")
        if kind == "measure" and f.get("unit") == "نقطة" and not self.index_points(r.a, r.b):
            kind = "count"  # points won or listed, not an index's
        return Figure(
            start=o1,
            end=o2,
            text=self.text[o1:o2],
            value=value,
            value_low=_decimal(f.get("value_low", value)),
            value_high=_decimal(f.get("value_high", value)),
            qualifier=f.get("qualifier", "exact"),
            kind=kind,
            unit=f.get("unit"),
            magnitude=f.get("magnitude"),
            date_value=f.get("date_value"),
        )


def _last_counted(before: Sequence[Figure]) -> str | None:
    """The noun the last count in ``before`` counted (none for «آخرين»-style others)."""
    return next((f.unit for f in reversed(before) if f.kind == "count" and f.unit and f.unit != L.OTHER_UNIT), None)


_UNSIGNED_KINDS = {"count", "duration", "money", "year"}


def _decimal(v: float | None) -> float | None:
    """The value as written in decimal: «268.4 مليون» is 268400000, not the binary product
    268399999.99999997 (twelve significant digits are more than any figure in the news has)."""
    return None if v is None else float(f"{v:.12g}")


# between two numbers of a list: a comma, «و» or «أو» («16، 32، و64 جيجا بايت», «3 أو 4 ملايين دولار»)
_LIST_GAP_RE = re.compile(r"\s*(?:[،,]\s*)?(?:(?:و|أو|او)\s*)?")
_SHARED_KINDS = ("measure", "money", "duration")


def _share_list_unit(text: str, figs: list[Figure]) -> list[Figure]:
    """Bare numbers listed before a number with a unit of measure, money or time share its
    unit: «بسعات 16، 32، و64 جيجا بايت» → three sizes in gigabytes, not two counts and a size.
    Only digits written alone (no noun, no qualifier of their own) take it, and only across a
    comma, «و» or «أو», the last one joined by «و» / «أو»."""
    k = len(figs) - 1
    while k > 0:
        last = figs[k]
        if last.kind not in _SHARED_KINDS or not last.unit or last.value is None:
            k -= 1
            continue
        j = k
        while j > 0:
            prev = figs[j - 1]
            gap = text[prev.end:figs[j].start]
            if not (prev.kind == "count" and prev.unit is None and prev.qualifier == "exact" and prev.value is not None
                    and prev.text.replace(".", "").replace(",", "").isdigit() and _LIST_GAP_RE.fullmatch(gap)):
                break
            if j == k and not any(c in gap for c in "وأا"):
                break  # the last number is joined by «و» / «أو» («16، 32، و64»), not a comma alone
            j -= 1
        for m in range(j, k):
            f = figs[m]
            f.kind, f.unit = last.kind, last.unit
        k = j - 1 if j < k else k - 1
    return figs


_FROM_RE = re.compile(r"(?:^|\s)و?من\s*$")
_TO_RE = re.compile(r"\s*(?:إلى|الى|حتى)\s*")


def _share_change_unit(text: str, figs: list[Figure]) -> list[Figure]:
    """«من 20 ألفا إلى 6 آلاف جهاز», «من نحو 217 ألفا … إلى 229 ألف وظيفة»: the bare amount after
    «من» shares the noun, currency or unit of the one after «إلى» (a change of one quantity; «من 13
    إلى 23 في المائة»: a percent), and a bare number after «إلى» with no word after it that of the
    amount after «من» («زاد من 18 مقاتلا إلى 70»)."""
    for prev, last in zip(figs, figs[1:]):
        if not (_TO_RE.fullmatch(text[prev.end:last.start]) and _FROM_RE.search(text[max(0, prev.start - 8):prev.start])):
            continue
        if (last.kind == "count" and last.unit is None and last.value is not None and _DIGITS_RE.fullmatch(last.text)
                and prev.value is not None and _lends_unit(prev) and not _word_after(text, last.end)):
            last.kind, last.unit = prev.kind, prev.unit  # «زاد من 18 مقاتلا إلى 70»
        elif prev.kind == "count" and prev.unit is None and prev.value is not None and _lends_unit(last):
            prev.kind, prev.unit = last.kind, last.unit
            lead = _DIGITS_RE.match(last.text)
            if lead and _DIGITS_RE.fullmatch(prev.text) and last.value is not None:
                ratio = last.value / max(_number_value(lead.group()) or 1.0, 1e-9)
                scale = next((x for x in (1e3, 1e6, 1e9, 1e12) if abs(ratio / x - 1) < 1e-9), None)
                if scale is not None:  # «من 200 إلى 450 مليون ريال»: 200 million
                    prev.value = prev.value_low = prev.value_high = _decimal(prev.value * scale)
    return figs


def _lends_unit(f: Figure) -> bool:
    """A figure whose noun, currency or unit an amount of the same change may share: a count, money,
    a measure or a duration with a unit of its own (not «آخرين»), or a percent."""
    return f.kind == "percent" or bool(f.unit) and f.kind in ("count", "money", "measure", "duration") \
        and f.unit != L.OTHER_UNIT


_RESTATED_GAP_RE = re.compile(r"\s*[)\]»\"”]\s*")


def _merge_restated(text: str, figs: list[Figure]) -> list[Figure]:
    """«(135) مائة وخمس وثلاثين جائزة», «(20) عشرون هللة»: bracketed digits that the number words
    after them restate are one figure, the words' noun and kind (the bracket's qualifier: «أكثر من
    (135) …»), not a bare count beside it."""
    out: list[Figure] = []
    for f in figs:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == "count" and prev.unit is None and prev.value is not None
                and f.value == prev.value and not f.text[:1].isdigit()
                and _RESTATED_GAP_RE.fullmatch(text[prev.end:f.start])):
            start = prev.start - 1 if prev.start > 0 and text[prev.start - 1] in "([«\"“" else prev.start
            f.start, f.text = start, text[start:f.end]
            if prev.qualifier != "exact":
                f.qualifier = prev.qualifier
            out[-1] = f
            continue
        out.append(f)
    return out


_WORD_AFTER_RE = re.compile(r"\s*([^\W\d_]+)")


def _word_after(text: str, end: int) -> bool:
    """A word right after ``end`` that may be a number's own noun (not a preposition: «إلى 7 في العام»)."""
    m = _WORD_AFTER_RE.match(text, end)
    return m is not None and L.fold(m.group(1)) not in L.AFTER_BARE_COUNT


_DIGITS_RE = re.compile(r"[0-9٠-٩]+(?:[.,٫][0-9٠-٩]+)?")


def _number_value(s: str) -> float | None:
    try:
        return float(to_ascii_digits(s).replace("٫", ".").replace(",", "."))
    except ValueError:
        return None


def _others_antecedent(before: list[Figure]) -> str | None:
    """The counted noun that «N آخرين» repeats: the last count before it in the sentence
    with a noun of its own («مقتل 18 متمردا وإصابة 24 آخرين» → متمرد), one of two or more
    before one of one («4 أشخاص من عائلة واحدة … 3 آخرون» → شخص).  An outcome is no noun to
    repeat («13 قتيلا وإصابة 23 آخرين»: the others are wounded, not killed): None."""
    counts = [f for f in before if f.kind == "count" and f.unit and f.unit != L.OTHER_UNIT]
    if not counts:
        return None
    many = [f for f in counts if f.value is None or f.value >= 2]
    unit = (many or counts)[-1].unit
    return None if unit in L.OUTCOME_NOUNS else unit


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
    return _Parser(text, reference_date).run(audit), audit
