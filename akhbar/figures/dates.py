"""Dates, years and clock times: month names with a day and a year (Gregorian, Levantine and
Hijri months), numeric dates, relative days («أمس», «غداً», weekdays, a bare «اليوم»), year
words («عام 2015»), Hijri years, and clock times («الساعة 9.30», «السادسة مساءً»)."""

from __future__ import annotations

import datetime as dt

from hijridate import Gregorian, Hijri

from akhbar.figures import guards as G
from akhbar.figures import lexicon as L
from akhbar.figures.guards import _R
from akhbar.figures.tokens import TokenView
from akhbar.text import proclitic_stems as _strip
from akhbar.text import strip_conjunction, strip_diacritics
from akhbar.text.counts import word_count


_MONTH_RELATIVE_STEMS = tuple(L.MONTH_RELATIVE_WORDS)  # (as prefixes: «الماضيين» too)


class DateParser(TokenView):
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
            end, era = self.year_era(k + 1)
            if era is None and len(self.toks[k].t) == 3:
                return None  # «شهر رمضان 852 محلاً»: a count, not a year
            return y, end, bool(era)
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
            elif self.p(j) == ")" and self.p(i - 1) == "(" and self.month_at(j + 1):
                j += 1  # «يوم (19) شوال»
                a = toks[i - 1].a
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
            return self.day_of_the_month(j, a, day)  # «حتى يوم الخميس 28 من الشهر الحالي»
        if not mo and day is not None and j == i + 1:
            return self.first_of_two_days(i, a, day)
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

    def day_of_the_month(self, j: int, a: int, day: int):
        """Day ``day`` of «الشهر» at token ``j`` (the reference month; «الماضي» the one before,
        «المقبل» the one after): «28 من الشهر الحالي», «العشرين من الشهر الجاري»."""
        end = j + 1
        rel = self.w(end)
        if rel in L.MONTH_RELATIVE_WORDS:
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

    def first_of_two_days(self, i: int, a: int, day: int):
        """«يومي 13 و14 يونيو», «في 5 و6 شوال»: the first day takes the month and year of the
        second (the date the second resolves to, less the days between them)."""
        toks = self.toks
        k = i + 1
        if self.w(k) != "و" or k + 1 >= self.n or toks[k + 1].k != "n" or not toks[k + 1].t.isdigit() \
                or len(toks[k + 1].t) > 2 or not day < int(toks[k + 1].t) <= 31:
            return None
        r = self.parse_month_date(k + 1)
        if r is None or r.fields is None or r.fields.get("kind") != "date" or r.fields.get("date_value") is None:
            return None
        first = r.fields["date_value"] - dt.timedelta(days=int(toks[k + 1].t) - day)
        return self.mk_date(i + 1, a, first, "day")

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
        v = G.named_event(self, i, end)
        if not v.keep:
            return _R(v.end, reason=v.reason)
        if cal == "h":
            nxt = self.w(end)
            if day is None and self.ref is not None and (j > i or nxt in L.PAST_WORDS or nxt in L.NEXT_WORDS
                                                         or nxt in L.THIS_MONTH or nxt in L.HOLY_MONTH_WORDS):
                return self.hijri_month(i, j, a, m, end)
            if self.ref is None or day is None:
                return _R(end, reason="hijri_date_without_year") if (day or end - j > 1) else None
            if self.p(j - 1) in L.DASHES or G.score_context(self, i):
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
            elif nxt in L.THIS_MONTH:
                endx += 1
            try:
                g = Hijri(y, m, day).to_gregorian()
            except (ValueError, OverflowError):
                return _R(end, reason="hijri_date_without_year")
            return self.mk_date(endx, a, dt.date(g.year, g.month, g.day), "day")
        if self.ref is None:
            return _R(end, reason="month_name_part")  # consume (so «الأول» in «كانون الأول» is not an ordinal)
        first = self.w(j) or ""
        relative = (self.w(end) or "").startswith(_MONTH_RELATIVE_STEMS)  # «مارس الماضي», «ومارس الماضيين»
        if day is None and first in (L.fold("مارس"), L.fold("آب")) and not relative:
            return _R(end, reason="ambiguous_month_word")
        if day is None and first in (L.fold("ومارس"), L.fold("فمارس")) and (self.w(end) or "").startswith("ال") \
                and end < self.n and self.toks[end].k == "w" and not relative \
                and not (j > 0 and self.toks[j - 1].k == "w" and self.w(j - 1) in L.GREG_MONTHS):
            return _R(end, reason="ambiguous_month_word")  # «ومارس الركض الماراثوني»: the verb «practised»
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
        elif self.w(i - 1) in L.SINCE_WORDS and (m, day or 1) > (self.ref.month, self.ref.day):
            y -= 1  # «منذ تشرين الثاني (نوفمبر)» in July: the November before
        try:
            d = dt.date(y, m, day or 1)
        except ValueError:
            return _R(end, reason="impossible_date")
        return self.mk_date(endx, a, d, "day" if day else "month")

    def hijri_month(self, i: int, j: int, a: int, m: int, end: int) -> _R | None:
        """«شهر رمضان», «رمضان المبارك», «ذي القعدة المقبل», «شهر شوال الماضي»: a Hijri month named
        with «شهر» or a word that fixes it (not «رمضان» alone, a name as often), in the Hijri year of
        the reference date (one back for «الماضي» when the month is still to come, one on for
        «المقبل» when it is gone): precision month, ``date_value`` its first day (as a Hijri year's is
        1 Muharram).  «صفر» needs «شهر» («4-صفر» is a score)."""
        first = self.w(j) or ""
        if j == i and first in L.ZERO_WORDS:
            return None
        try:
            h = Gregorian(self.ref.year, self.ref.month, self.ref.day).to_hijri()
        except (ValueError, OverflowError):
            return _R(end, reason="hijri_date_without_year")
        y, endx = h.year, end
        while self.w(endx) in L.HOLY_MONTH_WORDS:
            endx += 1  # «رمضان المبارك»
        nxt = self.w(endx)
        if nxt in L.PAST_WORDS:
            endx += 1
            if m > h.month:
                y -= 1
        elif nxt in L.NEXT_WORDS:
            endx += 1
            if m < h.month:
                y += 1
        elif nxt in L.THIS_MONTH:
            endx += 1
        try:
            g = Hijri(y, m, 1).to_gregorian()
        except (ValueError, OverflowError):
            return _R(end, reason="hijri_date_without_year")
        return self.mk_date(endx, a, dt.date(g.year, g.month, g.day), "month")

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
        # «الليلة الماضية» (last night), «الليلة قبل الماضية», «البارحة», «البارحة الأولى»
        night = next(((st, p) for st, p in stems.items() if st in L.LAST_NIGHT_WORDS), None) \
            if w.endswith(L.LAST_NIGHT_ENDINGS) else None
        if night is not None:
            end, delta = i + 1, None
            if night[0] == L.fold("البارحة"):
                delta = 1
                if self.w(end) in (L.fold("الأولى"), L.fold("الاولى")):
                    delta, end = 2, end + 1
            elif self.w(end) in L.PAST_WORDS:
                delta, end = 1, end + 1
            elif self.w(end) == L.fold("قبل") and self.w(end + 1) in L.PAST_WORDS:
                delta, end = 2, end + 2
            if delta is not None:
                return _R(end, t.a + night[1], self.toks[end - 1].b,
                          {"value": None, "kind": "date", "unit": "day",
                           "date_value": ref - dt.timedelta(days=delta), "qualifier": "exact"})
        # «أمس», «أول أمس», «أمس الأول»
        the_yesterday = next((p for st, p in stems.items() if st == "ال" + L.YESTERDAY), None) \
            if w.endswith(L.YESTERDAY) else None
        if the_yesterday is not None and self.w(i + 1) not in L.RECENT_WORDS and w != L.fold("بالأمس") \
                and self.w(i + 1) not in L.AND_TODAY and self.w(i - 1) not in L.BETWEEN_WORDS:
            # (not «بين الأمس واليوم», «أقرب اليوم عن الأمس»: yesterday as the past)
            # «في تدريبات الأمس»: yesterday's (not «بالأمس القريب», the recent past)
            return _R(i + 1, t.a + the_yesterday, t.b, {"value": None, "kind": "date", "unit": "day",
                                                        "date_value": ref - dt.timedelta(days=1), "qualifier": "exact"})
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
            if self.w(end) in L.RECENT_WORDS:
                return _R(end + 1, reason="idiom_not_date")  # «بالأمس القريب»: the recent past
            paren = self.bracketed_weekday(end)
            if self.w(end) in L.WEEKDAYS or paren:
                # «أمس الأحد», «أمس (الأحد)»: trust the weekday (the scrape date may lag the article)
                wd_end = end + 1 if paren else end
                delta = (ref.weekday() - L.WEEKDAYS[self.w(wd_end)]) % 7 or 7
                end = wd_end + (2 if paren else 1)
            return _R(end, a, self.toks[end - 1].b, {"value": None, "kind": "date", "unit": "day",
                                                     "date_value": ref - dt.timedelta(days=delta),
                                                     "qualifier": "exact"})
        after = w in L.TOMORROW_AFTER and self.w(i - 1) == "بعد"  # «بعد غدٍ»: the day after tomorrow
        # «يوم غد الجمعة», «غد الأحد»: «غد» (no tanween) is tomorrow after «يوم» or before a weekday
        ghad = w == L.fold("غد") and (self.w(i - 1) == L.fold("يوم") or self.w(i + 1) in L.WEEKDAYS)
        if w in L.TOMORROW or after or ghad:
            if self.w(i - 1) in L.BECAME_BEFORE or (w == L.fold("غدا") and self.w(i - 1) in (L.fold("كما"), L.fold("وكما"))):
                return _R(i + 1, reason="idiom_not_date")  # «أنه غدا مؤثرا», «كما غدا من مقومات …»: «became»
            end = i + 1
            days = 2 if after else 1
            if self.w(end) in L.WEEKDAYS:  # «غداً الاثنين», «بعد غدٍ الأربعاء»: trust the weekday, on or after ref
                days = (L.WEEKDAYS[self.w(end)] - ref.weekday()) % 7
                end += 1
            elif self.bracketed_weekday(end):  # «يوم غد -الاثنين-», «غداً (الأحد)»
                days = (L.WEEKDAYS[self.w(end + 1)] - ref.weekday()) % 7
                end += 3
            if after:
                t = self.toks[i - 2] if self.w(i - 2) == L.fold("يوم") else self.toks[i - 1]  # «يوم بعد غدٍ الأربعاء»
            elif ghad and self.w(i - 1) == L.fold("يوم"):
                t = self.toks[i - 1]
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
            v = G.weekday_in_a_name(self, i)
            if not v.keep:
                return _R(v.end, reason=v.reason)
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
        elif delta and self.future_clause(i):
            delta = -((wd - ref.weekday()) % 7)  # «المباراة المقررة الأربعاء», «سيتم الرصد حتى فجر يوم الخميس»
        return _R(end, a, self.toks[end - 1].b, {"value": None, "kind": "date", "unit": "day",
                                                 "date_value": ref - dt.timedelta(days=delta),
                                                 "qualifier": "exact"})

    def future_clause(self, i: int) -> bool:
        """A clause that looks ahead before the weekday at token ``i``: a future verb («سيتم»,
        «ستقام», «سوف»), «المقرر / المقررة» (scheduled), or «حتى» right before it (until). A
        weekday alone is otherwise the last such day (the scrape date may lag the article)."""
        if self.w(i - 1) in L.UNTIL_WORDS or self.w(i - 2) in L.UNTIL_WORDS:
            return True  # «حتى الخميس», «حتى فجر الخميس», «حتى يوم الخميس»
        for k in range(i - 1, max(-1, i - 13), -1):
            t = self.toks[k]
            if t.k == "p" and t.t in L.CLAUSE_ENDS:
                return False
            if t.k != "w":
                continue
            w = strip_conjunction(t.t, min_len=5)
            if w in L.FUTURE_WORDS or (len(w) >= 5 and w[0] == "س" and w[1] in "يتن" and w not in L.STOPWORDS
                                        and word_count(w[1:]) > 5 * word_count(w) + 5):
                return True  # «سيتم», «ستقام»: «س» + an imperfect in use without it
        return False

    def today_of_an_act(self, i: int) -> bool:
        """«قال نائب الوزير اليوم إن …», «أعلنت اللجنة اليوم أن …», «نفذت قوات التحالف اليوم 41
        ضربة»: «اليوم» between a verb's subject and its complement (a complementizer, a number)
        dates that act; "nowadays" is not followed by them."""
        if i + 1 >= self.n or i < 2:
            return False  # a verb and its subject come first («واضح اليوم أن …» is "nowadays")
        nt = self.toks[i + 1]
        if nt.k == "n":
            return True
        if nt.k == "p":
            # «ووقع الحادث اليوم، …», «أعلنت خلية الإعلام الحربي اليوم، مقتل …»: a clause of a
            # reported act that ends on «اليوم» dates the act
            return nt.t in L.CLAUSE_ENDS and self.reported_act_before(i)
        if nt.k != "w":
            return False
        if nt.t in L.TODAY_PREPOSITIONS:
            # «وقع الحادث اليوم في المنطقة», «أعلنت مصر اليوم عن …»: the act's circumstances follow
            return self.reported_act_before(i)
        if self.accusative(i + 1):
            # «أصدرت وزارة الداخلية اليوم بيانًا», «عقد الوزير اليوم اجتماعاً»: the act's object follows
            return self.reported_act_before(i)
        return nt.t in L.TODAY_COMPLEMENTIZERS  # (not an accusative: «لم تعد تقنية التصوير اليوم عملًا …»)

    def accusative(self, j: int) -> bool:
        """An indefinite accusative, marked with tanween («بيانًا», «اجتماعاً»)."""
        if j >= self.n or self.toks[j].k != "w":
            return False
        o1, o2 = self.orig(self.toks[j].a, self.toks[j].b)
        return "\u064b" in self.text[o1:o2]

    def reported_act_before(self, i: int) -> bool:
        """A verb of a reported act or statement («أعلنت», «استشهد», «يبدأ») or the word for a
        statement («بيان», «تصريحات») in the clause before «اليوم» at ``i``, and no word of the
        writer's own present («نحن», «نعيش», «لم يعد», «كما نعرفها»): «اليوم» then dates the act
        rather than meaning "nowadays" (about half the clause-final «اليوم» of opinion pieces)."""
        if self.toks[i - 1].k != "w" or self.w(i - 1) in L.NOT_TODAY_AT_END:
            return False
        act = False
        for k in range(i - 1, max(-1, i - 11), -1):
            t = self.toks[k]
            if t.k == "p" and t.t in L.CLAUSE_ENDS:
                break
            if t.k != "w":
                continue
            w = t.t
            stems = {w, w[1:]} if w[:1] in "وف" else {w}
            if stems & L.NOWADAYS_WORDS:
                return False
            if stems & L.REPORTED_ACTS:
                act = True
        return act

    def bracketed_weekday(self, k: int) -> bool:
        """A weekday in brackets or between dashes at token ``k`` («أمس (الأحد)», «غد -الاثنين-»)."""
        opening = self.p(k)
        closing = {"(": ")", "-": "-", "–": "–", "ـ": "ـ"}.get(opening or "")
        return closing is not None and self.w(k + 1) in L.WEEKDAYS and self.p(k + 2) == closing

    def bare_today(self, i: int):
        """«اليوم» alone is today (the reference date) after a time of day or «من» («استشهد فجر
        اليوم», «ابتداءً من اليوم»); not a name («عين اليوم», «لـ»اليوم»»), «في اليوم نفسه»,
        «اليوم الوطني» (a definite word follows), «حتى اليوم», nor after other words, where it
        is as often "nowadays"."""
        prev = self.w(i - 1)
        nxt = self.w(i + 1)
        t = self.toks[i]
        if prev in L.NOT_TODAY_BEFORE or (i > 0 and self.toks[i - 1].k == "p" and self.adjacent(i)):
            return None
        if i + 1 < self.n and self.toks[i + 1].k == "p" and self.toks[i + 1].t in L.CLOSE_QUOTES and self.adjacent(i + 1):
            return None  # «لـ»اليوم»»: the newspaper
        if nxt and (nxt.startswith("ال") or nxt in L.SAME_WORDS):
            return None
        if i == 0:
            return None  # «اليوم نحن …»: nowadays, opening a sentence
        if prev not in L.TODAY_AFTER and not self.today_of_an_act(i):
            # after any other word «اليوم» as often means "nowadays" («ما نعيشه اليوم»: about a
            # third of the bare «اليوم» dates on 400 SaudiNewsNet articles were not a day)
            return None
        return _R(i + 1, t.a, t.b, {"value": None, "kind": "date", "unit": "day",
                                    "date_value": self.ref, "qualifier": "exact"})

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
        if self.w(j) in L.PAST_WORDS or self.w(j) in L.THIS_YEAR_WORDS:
            j += 1  # «حتى العام الماضي 1435», «العام الحالي 2015»
        if j >= self.n or self.toks[j].k != "n" or not self.toks[j].t.isdigit():
            return None
        y = int(self.toks[j].t)
        if len(self.toks[j].t) != 4:
            # «في عام 452 شهدت أوروبا», «في العام 70»: a year of the first millennium after «عام»,
            # where no noun the units lexicon knows follows («عام 15 مليون» is no year)
            if not (yw in L.YEAR_WORD_OLD and len(self.toks[j].t) in (2, 3) and 30 <= y and j == i + 1
                    and self.unit_at(j + 1, allow_fallback=False) is None and self.w(j + 1) not in L.NUMBER_WORDS):
                return None
            end, era = self.year_era(j + 1)
            return self.one_year(end, t.a + pl, self.toks[end - 1].b, y, era)
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
        a = t.a + pl
        if y2 is not None and not (y2 > y and self.w(i - 1) in L.PERIOD_OPENERS):  # «بين عامي 1991 - 1998»
            return self.year_pair(a, j, end - 1)
        if y2 is not None:
            end, _era = self.year_era(end)
            return _R(end, a, self.toks[end - 1].b, {"value": None, "value_low": float(y), "value_high": float(y2),
                                                     "qualifier": "range", "kind": "year"})
        end, era = self.year_era(end)
        return self.one_year(end, a, self.toks[end - 1].b, y, era)

    def year_pair(self, a: int, i: int, k: int) -> _R:
        """Two years written as a pair at tokens ``i`` and ``k`` («1436/1437هـ», «موسم 2012-2013»,
        «(1883 - 1813)», «عامي 2015 و 2016»): two year figures, not a range (a period is «من …
        إلى …» or «بين … و…»); an era word after the second year dates both. The first span
        starts at ``a`` (a year word before it: «عامي 2015»)."""
        toks = self.toks
        end, era = self.year_era(k + 1)
        first = self.one_year(i + 1, a, toks[i].b, int(toks[i].t), era)
        first.then = self.one_year(end, toks[k].a, toks[end - 1].b, int(toks[k].t), era)
        first.end = end
        return first

    def one_year(self, end: int, a: int, b: int, y: int, hijri: bool | None) -> _R:
        if hijri:
            return self.hijri_year(end, a, b, y)
        return _R(end, a, b, {"value": float(y), "kind": "year", "qualifier": "exact"})

    def hijri_year(self, end: int, a: int, b: int, y: int) -> _R:
        try:
            g = Hijri(y, 1, 1).to_gregorian()
        except (ValueError, OverflowError):
            return _R(end, a, b, {"value": float(y), "kind": "year", "qualifier": "exact"})
        return _R(end, a, b, {"value": None, "kind": "date", "unit": "year",
                              "date_value": dt.date(g.year, g.month, g.day), "qualifier": "exact"})

    def clock_time(self, i: int, j: int, end: int, hour: float | None = None) -> _R:
        """A clock time from token ``i`` to ``end`` (exclusive): «الساعة 9.30», «14:18», «السادسة مساءً».
        Kind ``time``, value the hour of the day in decimal hours (9.5; 18 for «السادسة مساءً»:
        a day-part word after it moves it to 24 hours and is in the span, «الساعة» before it too;
        a word like «بتوقيت» is consumed but left out). ``j`` is the token after the hour."""
        prev = self.w(i - 1)
        if prev in L.HOUR_WORDS and self.toks[i - 1].k == "w":
            i -= 1
        last = end - 1 if end > j and self.w(end - 1) in L.DAY_PARTS else j - 1 if end > j else end - 1
        t = self.toks[i]
        pl = len(t.t) - len(L.HOUR) if t.k == "w" and t.t in L.HOUR_WORDS else 0
        h = self.toks[j - 1]
        if h.k == "t":
            hm = [int(x) for x in h.t.split(":")]
            hour = hm[0] + hm[1] / 60
        elif hour is None:
            hour = h.v if h.k == "n" else None
            if hour is not None and "." in h.t and len(h.t.split(".")[1]) == 2 and int(h.t.split(".")[1]) < 60:
                hour = int(hour) + int(h.t.split(".")[1]) / 60  # «9.30» is half past nine
            elif hour is not None and hour > 24 and h.t.isdigit() and len(h.t) in (3, 4) and int(h.t[-2:]) < 60:
                hour = int(h.t[:-2]) + int(h.t[-2:]) / 60  # «الساعة 1438 بتوقيت جرينتش»: 14:38
        part = self.w(end - 1) if end > j else None
        if hour is not None and part in L.PM_PARTS and hour < 12 and not (part in L.NIGHT and hour < 5):
            hour += 12  # «السادسة مساءً» = 18
        if hour is None or not 0 <= hour <= 24:
            return _R(end, reason="clock_time")
        return _R(end, t.a + pl, self.toks[max(last, i)].b,
                  {"value": round(hour, 4), "kind": "time", "qualifier": "exact"})
