"""Quantities: a number (digits or words) with its qualifier and unit, and the quantities
written without a number («عدة سنوات», «الأشهر الأربعة», «الثلاثي»).

:meth:`QuantityParser.parse_quantity` reads the number, asks the guards whether it is a
figure at all (:mod:`akhbar.figures.guards`), then tries the shapes that take it elsewhere
(a clock time, a dash range, a year) before reading its unit."""

from __future__ import annotations

import re

from akhbar.figures import guards as G
from akhbar.figures import lexicon as L
from akhbar.figures.guards import _QUANTITY_KINDS, Candidate, _R
from akhbar.figures.numbers import is_int
from akhbar.figures.tokens import TokenView
from akhbar.figures.units import _PRONOUN_SUFFIXES, _word_count, broken_singular, preposition_stem, singular_noun
from akhbar.text import proclitic_stems as _strip
from akhbar.text import strip_conjunction, strip_diacritics


def _listed_plural(folded: str) -> tuple[str, str] | None:
    """(kind, singular) when the units lexicon or :data:`L.IRREGULAR_PLURALS` lists the folded word
    as the plural of a counted noun or a unit of time («ايام» → يوم, «قوي» → قوة)."""
    u = L.UNITS.get(folded) or L.IRREGULAR_PLURALS.get(folded)
    return u if u and u[0] in ("count", "duration") and folded != L.fold(u[1]) else None


def q_is_none(q: str | None) -> bool:
    return q is None


_ONE = {L.fold("واحد"), L.fold("واحدة"), L.fold("واحداً")}
# «كان» and its sisters: a predicate follows them, not a counted noun
_KANA = {L.fold(w) for w in ("كان", "كانت", "يكون", "تكون", "زال", "يزال", "تزال", "ليس", "ليست", "صار", "أصبح",
                              "أصبحت", "بات", "باتت", "ظل", "ظلت", "يظل", "تظل", "يبقى", "تبقى", "بقي")}


class QuantityParser(TokenView):
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
        value, mag, j = num.value, num.magnitude, num.end
        a = qa if qa is not None else (toks[i - 1].a if pre_kind else num.a)
        # sign
        if (
            num.digits and qa is None and not pre_kind and i > 0 and self.adjacent(i)
            and self.p(i - 1) in ("-", "+", "−")
            and (i == 1 or toks[i - 2].b < toks[i - 1].a or self.p(i - 2) in ("(", ":"))
        ):
            if self.p(i - 1) != "+":
                value = -value
            a = toks[i - 1].a
        if num.digits and qa is None and not pre_kind:
            r = self.numbered_by_noun(i, j, value, num)
            if r is not None:
                return r
        single_digits = num.digits and len(num.atoms) == 1
        cand = Candidate(i, j, num, value, qa, single_digits)
        v = G.first_rejection(self, G.NAME_GUARDS, cand)
        if not v.keep:
            return _R(v.end, reason=v.reason)
        if num.digits and j < self.n and self.w(j) in L.TIME_OF_DAY:
            return self.clock_time(i, j, j + 1)  # «9 صباحا»
        v = G.first_rejection(self, G.CODE_GUARDS, cand)
        if not v.keep:
            return _R(v.end, reason=v.reason)
        if single_digits and self.p(j) == "/" and j + 1 < self.n and toks[j + 1].k == "n" and self.adjacent(j + 1):
            frac = {("1", "2"): 0.5, ("1", "4"): 0.25, ("3", "4"): 0.75, ("1", "3"): 1 / 3}.get((toks[i].t, toks[j + 1].t))
            hit = L.NUMBER_WORDS.get(self.w(j + 2) or "")
            if frac and hit and hit[1] == "scale" and not pre_kind:
                value = frac * hit[0]  # «1/2 مليون ريال»
                u = self.unit_at(j + 3, allow_fallback=False)
                kind, unit, end = u if u else ("count", None, j + 3)
                return _R(end, a, toks[end - 1].b, {"value": value, "qualifier": qualifier or "exact",
                                                    "kind": kind, "unit": unit})
        if single_digits:  # (the layout guards look at single digit tokens only)
            v = G.first_rejection(self, G.LAYOUT_GUARDS, cand)
            if not v.keep:
                return _R(v.end, reason=v.reason)
        if single_digits and self.p(j) == "/" and j + 1 < self.n and toks[j + 1].k == "w":
            u = self.unit_at(j + 1, allow_fallback=False)
            if u:  # «رجلا 48/ عاما/»
                kind, unit, end = u
                if self.p(end) == "/":
                    end += 1
                return _R(end, a, toks[end - 1].b, {"value": value, "qualifier": qualifier or "exact",
                                                    "kind": kind, "unit": unit})
        if (
            single_digits and i == 0 and self.p(j) in ("-", ".", ")", "–") and self.w(j + 1)
            and toks[i].t.isdigit() and len(toks[i].t) == 4 and 1000 <= value <= 2100
        ):
            return _R(j, a, toks[i].b, {"value": value, "kind": "year", "qualifier": "exact"})  # «2015 - ...»
        if single_digits:  # (the list guards look at single digit tokens only)
            v = G.first_rejection(self, G.LIST_GUARDS, cand)
            if not v.keep:
                return _R(v.end, reason=v.reason)
        if num.digits and self.p(i - 1) == "(" and self.p(j) == ")" and qa is None or (
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
            whole = value is not None and float(value).is_integer()
            u = self.unit_at(k, allow_fallback=True, tamyeez=whole and 11 <= value % 100 <= 99,
                             plural=whole and 3 <= value % 100 <= 10)  # «(9) بلديات» → بلدية
            if u or scaled:
                kind, unit, end = u if u else ("count", None, k)
                if not scaled and single_digits and kind in ("count", "measure") \
                        and re.fullmatch(r"[1-9]\d{0,2}\.\d{3}", toks[i].t):
                    value = float(toks[i].t.replace(".", ""))  # «(18.410) متدرباً»: a thousands dot, as below
                pa = a if qa is not None else toks[i - 1].a
                q = qualifier or (self.distant_qualifier(i) if kind in _QUANTITY_KINDS else None) or "exact"
                pq = self.post_qualifier(end)
                if pq:  # («لا يتجاوز ثمنها 3 ملايين يورو فقط»: «only» does not undo the cap)
                    q, end = (q if pq[0] == "exact" else pq[0]), pq[1]
                if value is None:
                    return None
                return _R(end, pa, toks[end - 1].b, {"value": value, "qualifier": q, "kind": kind, "unit": unit})
        # a dash drawn with tatweel, which folding drops: «خلال الفترة من 2013 ــ 2022»
        if single_digits and value is not None and j < self.n and toks[j].k == "n" and self.tatweel_between(j - 1, j):
            if self.is_year_pair(i, j, period_ok=False) and self.w(i - 1) not in L.PERIOD_OPENERS:
                return self.year_pair(a, i, j)
            n2 = self.parse_number(j, prefixes=())
            r = self.finish_range(i, a, value, num, n2, False) if n2 and n2.value is not None else None
            if r is not None and r.fields["kind"] == "year":
                return r
        # dash range: «10-20», «(1939-1945)»
        if single_digits and value is not None and self.p(j) in L.DASHES and j + 1 < self.n and toks[j + 1].k == "n":
            if G.score_context(self, i):
                return _R(j + 2, reason="score")
            if self.is_year_pair(i, j + 1, period_ok=False) and self.w(i - 1) not in L.PERIOD_OPENERS:
                return self.year_pair(a, i, j + 1)  # «موسم 2012-2013», «(1883 - 1813)»
            n2 = self.parse_number(j + 1, prefixes=())
            if n2 and n2.value is not None:
                r = self.finish_range(i, a, value, num, n2, False)
                if r is None:
                    return _R(n2.end, reason="score")
                if r.fields["kind"] == "count" and r.fields["unit"] is None and n2.value < 20:
                    return _R(n2.end, reason="score")  # «1-4» with nothing after: a score
                if self.p(i - 1) == "(" and self.p(r.end) == ")" and r.fields["kind"] == "year":
                    r.a = toks[i - 1].a
                    r.b = toks[r.end].b
                    r.end += 1
                if qualifier and r.fields["kind"] != "year":
                    pass
                return r
        # «10 إلى 20 يوما» (no «من»)
        if value is not None and self.w(j) in ("الي", "حتي", "او") and not G.change_context(self, i):
            n2 = self.parse_number(j + 1, prefixes=())
            if n2 and n2.value is not None and n2.value > value and num.digits == n2.digits:
                r = self.finish_range(i, a, value, num, n2, False)
                if r is not None and (r.fields["unit"] or r.fields["kind"] != "count"):
                    if qualifier:
                        r.a = a
                    return r
        # years: «2015م», «1436هـ», «في 2014»
        year_like = single_digits and toks[i].t.isdigit() and len(toks[i].t) == 4 and 1000 <= value <= 2200
        if year_like and not pre_kind and self.p(j) == "/" and self.is_year_pair(i, j + 1) \
                and abs(int(toks[j + 1].t) - value) == 1:
            return self.year_pair(a, i, j + 1)  # «1436/1437هـ», «1437/1436هـ»: an academic or fiscal year
        if year_like and not pre_kind:
            after, era = self.year_era(j)
            if era:
                return self.hijri_year(after, a, toks[j].b, int(value))
            if era is not None:
                return _R(after, a, toks[j].b, {"value": value, "kind": "year", "qualifier": "exact"})
            unit = self.unit_at(j, allow_fallback=False)
            if unit is None and qualifier in (None, "up_to") and (
                1900 <= value <= 2100 or self.older_year(i, j)
            ):
                # a bare 19xx/20xx with no counted noun is a year in news text
                return _R(j, a, toks[j - 1].b, {"value": value, "kind": "year", "qualifier": "exact"})
        # unit
        if pre_kind:
            kind, unit, end = pre_kind[0], pre_kind[1], j
        else:
            # a bare four-digit number may be a year («1436 شهدت …»): no guessed noun after it,
            # unless the noun is one no year takes: an accusative («1317 مصحفًا») or a plural in
            # «ات» («1326 مطبوعات»)
            # (outside the years news text names, 1300-1460 AH and 1850-2100 CE, four digits
            # count what follows like any number: «من أصل 1100 مرفق», «1153 صندوق تيمم»)
            allow_fb = not (year_like and qualifier is None) or self.counted_after_year(j) \
                or not (1300 <= value <= 1460 or 1850 <= value <= 2100) and self.noun_in_use(j)
            last_kind = num.atoms[-1][1] if num.atoms else "vague"
            u = self.unit_at(
                j, allow_fallback=allow_fb,
                tamyeez=value is not None and float(value).is_integer() and 11 <= value % 100 <= 99,
                # 3-10 take a plural, and so do 103-110, 1005 … (the last part counts: «108 قرارات»);
                # so do vague amounts («مئات الهاربين» → هارب)
                plural=value is None or float(value).is_integer() and 3 <= value % 100 <= 10,
                definite_ok=value is None or last_kind in ("scale", "plural", "dual", "defscale", "vague"),
            )
            if u is not None and u[0] == "count" and ("." in toks[i].t or last_kind == "scale") \
                    and L.UNITS.get(self.w(j) or "") is None and self.accusative(j):
                u = None  # «إلى 97.321 مقلصًا», «120.4 مليار متقدما»: the noun of a decimal or of a scale word
                # is genitive; an accusative there is an adverb, not the counted noun
            if (
                u is None
                and self.p(j) in L.CLOSE_QUOTES
                and self.p(i - 1) in L.OPEN_QUOTES
                and self.p(i - 1) != "("
            ):
                # «“آلاف” الجنود»: a quoted number, the noun after the quote; an indefinite noun
                # after quoted digits is their counted noun too («و «200» حرفي وحرفية»); a scale
                # word after the quote multiplies it («أكثر من "60" ألف مقعد»: 60,000 seats)
                hit = L.NUMBER_WORDS.get(self.w(j + 1) or "")
                scaled = bool(hit and hit[1] in ("scale", "plural") and value is not None and num.digits)
                if scaled:
                    value *= hit[0]
                    j += 1
                u = self.unit_at(j + 1, allow_fallback=num.digits and not (self.w(j + 1) or "ال").startswith("ال"),
                                 tamyeez=value is not None and float(value).is_integer() and 11 <= value % 100 <= 99,
                                 plural=value is not None and float(value).is_integer() and 3 <= value % 100 <= 10)
                if u is None and scaled:
                    u = ("count", None, j + 1)
            if u:
                kind, unit, end = u
            elif self.w(j) in L.OTHERS and value is not None and value >= 2:
                kind, unit, end = "count", L.OTHER_UNIT, j + 1  # «مقتله ومقتل 3 آخرين»: three others (the run
                # puts the sentence's earlier counted noun instead where there is one)
            else:
                kind, unit, end = "count", None, j
                if num.digits and self.w(j) == "و" and j + 1 < self.n and toks[j + 1].k == "n" and self.adjacent(j + 1):
                    n2 = self.parse_number(j + 1, prefixes=())
                    u2 = self.unit_at(n2.end, allow_fallback=False) if n2 else None
                    if u2 and u2[0] in ("duration", "measure", "money"):
                        kind, unit = u2[0], u2[1]  # «تبلغان من العمر 21 و33 عامًا»: the unit is shared
        if (
            single_digits and not pre_kind and kind in ("count", "measure") and re.fullmatch(r"[1-9]\d{0,2}\.\d{3}", toks[i].t)
            and (unit is not None or not self.index_level(i))
        ):
            value = float(toks[i].t.replace(".", ""))  # «80.000 متر مكعب», «2.960 مستثمرا»; not an index
            # level with no noun («مؤشر الدولار … عند 98.088»)
        elif single_digits and not pre_kind and kind == "count" and unit is None and "." in toks[i].t and self.index_level(i):
            kind = "measure"  # «مؤشر الدولار … عند 98.088»: an index's level, a measure without a unit
        elif (
            single_digits and not pre_kind and kind == "money" and unit and unit.split()[0] in L.CENTS_CURRENCIES
            and unit not in L.THOUSANDTHS_CURRENCIES
            and re.fullmatch(r"[1-9]\d{0,2}\.\d{3}", toks[i].t)
        ):
            # «بتكلفة إجمالية وصلت 151.980 ريال»: a currency of 100 cents has two decimals at most,
            # so three digits after the dot are thousands (not so for the dinar's 1000 fils)
            value = float(toks[i].t.replace(".", ""))
        if (
            single_digits and (unit is None or self.w(j) == "من") and kind == "count" and q_is_none(qualifier) and i > 1
            and self.w(i - 1) == "ال" and toks[i].a - toks[i - 1].b <= 1 and is_int(value)  # «الـ51», «الـ 51»
        ):
            r = self.definite_digits(i, i + 1, value)
            if r is not None:
                return r
        if num.lone_unit and unit is None and kind == "count":
            if self.w(j) not in L.OF_THEM and self.w(i - 1) not in L.THEIR_NUMBER and not (
                    self.joined_by_and(i) and self._last_count is not None and i - self._last_count[2] <= 8):
                # (after «و» and a count just before, it shares that count's noun: «وثماني مخالفات
                # بمحافظة بقيق، وخمس بمحافظة رأس تنورة»; see extract.coordinated_with)
                return None  # «ست», «خمس», «تسع» alone are too ambiguous; «خمسة منهم» is fine  # «ست», «خمس», «تسع» alone are too ambiguous
        if num.frac_only and kind not in ("duration", "measure", "money"):
            return None
        if num.by and unit is None:
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
            q = None if q == "exact" and qualifier is None else q  # «فقط» («only») leaves room for a verb's cap
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

    def numbered_by_noun(self, i: int, j: int, value: float, num):
        """Digits a noun before them numbers, so that the word after them is not their unit: a
        match minute («الدقيقة 16 ليحل», kind other), a rank or an edition («المرتبة 106 عالمياً»,
        «في الجولة 25»: an ordinal of the noun), a clock hour («الساعة 9.30»); None otherwise."""
        toks = self.toks
        stems = {st for st, _ in _strip(self.w(i - 1) or "")}
        if stems & L.MINUTE:
            return _R(j, toks[i - 1].a, toks[j - 1].b, {"value": value, "qualifier": "exact", "kind": "other",
                                                        "unit": "دقيقة"})
        if stems & L.RANK_NOUNS and len(num.atoms) == 1 and is_int(value):
            pl = len(self.w(i - 1)) - len(next(st for st, _ in _strip(self.w(i - 1)) if st in L.RANK_NOUNS))
            return _R(j, toks[i - 1].a + pl, toks[j - 1].b,
                      {"value": value, "qualifier": "exact", "kind": "ordinal", "unit": self.raw_word(i - 1)[pl + 2:]})
        if self.w(i - 1) in L.HOUR_WORDS:
            return self.clock_time(i, j, j + 1 if self.w(j) in L.TIME_OF_DAY else j)
        return None

    def noun_in_use(self, j: int) -> bool:
        """The indefinite word at ``j`` is one SaudiNewsNet uses with «ال» (a noun: «مرفق»,
        «منحة»), not a verb («في 1515 احتل …»)."""
        w = self.w(j)
        return bool(w) and not w.startswith("ال") and self.fallback_ok(w) and _word_count("ال" + w) >= 20

    def counted_after_year(self, j: int) -> bool:
        w = self.w(j)
        if not w or w.startswith(("ال", "و", "ف", "ب", "ل")) or not self.fallback_ok(w):
            return False
        raw = self.text[slice(*self.orig(self.toks[j].a, self.toks[j].b))]
        return "\u064b" in raw or (w.endswith("ات") and len(w) >= 5)

    def parse_few(self, i: int):
        """«عدة سنوات», «بضعة أمتار»: a vague small amount of a known unit (magnitude 1)."""
        w = self.w(i)
        if not w or not {st for st, _ in _strip(w)} & L.FEW:
            return None
        if self.raw_word(i).endswith(("ه", "ّه")) or "\u0651" in self.raw_word(i):
            return None  # «الذي عدّه رئيساً»: «counted him», not «several»
        nxt = self.w(i + 1)
        if not nxt or nxt.startswith("ال") or nxt in L.NUMBER_WORDS:
            return self.few_after_noun(i)  # «عدة مئات» is the quantity parser's; «عدة الصلاة» is not a figure
        hit = L.UNITS.get(nxt)
        if hit is None and nxt.endswith("ات") and self.fallback_ok(nxt) and not self.pronoun_suffixed(i + 1):
            hit = ("count", singular_noun(self.word_as_written(i + 1)))  # «عدة مشاركات» → مشاركة
        if hit is None and self.fallback_ok(nxt) and not self.pronoun_suffixed(i + 1):
            one = broken_singular(self.word_as_written(i + 1))  # «عدة مواضيع» → موضوع (a broken plural)
            hit = ("count", one) if one else None
        if hit is None:
            return self.few_after_noun(i)
        kind, unit = hit
        pl = next(p for st, p in _strip(w) if st in L.FEW)
        t = self.toks[i]
        return _R(i + 2, t.a + pl, self.toks[i + 1].b,
                  {"value": None, "magnitude": 1.0, "qualifier": "approx", "kind": kind, "unit": unit})

    def plural_noun_before(self, i: int) -> tuple[int, str, str] | None:
        """(token index, singular, kind) of an indefinite plural noun right before token ``i``,
        over one nisba adjective («جهات حكومية عدة» → جهة); None when there is none."""
        j = i - 1
        w = self.w(j)
        if w and w.endswith(("يه", "ي")) and not w.startswith("ال") and self.w(j - 1):
            j, w = j - 1, self.w(j - 1)  # «حكومية»: an adjective between the noun and «عدة»
        bare = preposition_stem(w, min_uses=20, ratio=2) if w else None
        if bare is not None:
            w = bare  # «بلغات عدة», «بزيارات داخلية عدة»: the noun after «بـ» (a plural before «عدة»)
        if not w or j < self._consumed or w.startswith("ال") or not self.fallback_ok(w) or self.pronoun_suffixed(j):
            return None
        written = self.word_as_written(j)
        if bare is not None:
            written = written[1:]
        hit = L.UNITS.get(w)
        if hit is not None and L.fold(hit[1]) != w:
            return (j, hit[1], hit[0])  # a plural the units lexicon lists («لأيام عدة» → يوم)
        if w.endswith("ات"):
            one = singular_noun(written)
            return (j, one, "count") if one != written else None
        one = broken_singular(written)
        return (j, one, "count") if one else None

    def few_after_noun(self, i: int):
        """«مفاجآت عدة», «جهات حكومية عدة», «اعتقالات عدة»: «عدة» after the plural it
        counts (an apposition, as common in news as «عدة مفاجآت»)."""
        w = self.w(i)
        if w not in (L.fold("عدة"),):
            return None
        hit = self.plural_noun_before(i)
        if hit is None:
            return None
        j, unit, kind = hit
        return _R(i + 1, self.toks[j].a, self.toks[i].b,
                  {"value": None, "magnitude": 1.0, "qualifier": "approx", "kind": kind, "unit": unit})

    def digits_after_adjective(self, i: int, end: int, value: float):
        """«الـ15» after a definite nisba adjective: its noun is further back, over the adjectives.
        A definite plural there is counted («المراكز الانتخابية الـ77»: 77 centres); a singular is
        ranked («اللقاء التشاوري الـ15», «المؤتمر السنوي الـ 36»: the 15th meeting), and so is a
        noun out of sight (an adjective takes no count)."""
        toks = self.toks
        k = i - 2
        while k - 1 >= self._consumed and toks[k - 1].k == "w" and self._definite_nisba(k - 1):
            k -= 1
        head = k - 1
        if head >= self._consumed and toks[head].k == "w":
            plural = self.plural_noun(head)
            if plural is not None:
                if not (self.w(head) or "").startswith(("ال", "وال", "بال", "لل", "فال")):
                    return None
                return _R(end, toks[head].a + plural[2], toks[end - 1].b,
                          {"value": value, "kind": plural[0], "qualifier": "exact", "unit": plural[1]})
            hw = self.w(head) or ""
            written = strip_diacritics(self.raw_word(head)).replace("\u0640", "")
            if hw.startswith("لل"):
                # «للقاء» is «لـ» + «اللقاء» (a noun in «ل»), «للمؤتمر» «لـ» + «المؤتمر»
                in_lam = _word_count("ال" + hw[1:]) > _word_count("ال" + hw[2:])
                hw, written = ("ال" + hw[1:], written[1:]) if in_lam else ("ال" + hw[2:], written[2:])
            elif hw[:1] in "وبفك" and hw[1:3] == "ال":
                hw, written = hw[1:], written[3:]
            elif hw.startswith("ال"):
                written = written[2:]
            if hw.startswith("ال") and hw not in L.STOPWORDS and self.fallback_ok(hw[2:]):
                if hw in L.EDITION_NOUNS:  # «فعاليات المخيم الكشفي العالمي الـ23»: the 23rd camp
                    return _R(end, toks[head].a, toks[end - 1].b,
                              {"value": value, "kind": "ordinal", "qualifier": "exact", "unit": written})
                c = head - 1
                cw = self.w(c) or ""
                if c >= self._consumed and toks[c].k == "w" and not cw.startswith("ال") and cw not in L.STOPWORDS:
                    r = self.construct_count(c, end, value)
                    if r is not None:  # «دول الاتحاد الأوروبي الـ 28»: the 28 member states
                        return r
                return _R(end, toks[head].a, toks[end - 1].b, {"value": value, "kind": "ordinal", "qualifier": "exact",
                                                               "unit": written})
        return _R(end, toks[i - 1].a, toks[end - 1].b, {"value": value, "kind": "ordinal", "qualifier": "exact",
                                                        "unit": None})

    def construct_count(self, c: int, end: int, value: float):
        """The count of the plural at token ``c`` heading a construct whose digits end at ``end``
        («دول الاتحاد الـ28» → 28 دولة), or None when the word at ``c`` is no plural."""
        plural = self.plural_noun(c, construct=True)
        if plural is None:
            return None
        return _R(end, self.toks[c].a + plural[2], self.toks[end - 1].b,
                  {"value": value, "kind": plural[0], "qualifier": "exact", "unit": plural[1]})

    def possessed_singular(self, k: int) -> str | None:
        """The singular noun, as written, of a word with a possessive «ـه / ـها» at ``k``
        («عامه» → عام, «دورتها» → دورة), or None (a plural, «أعضاؤه»; a verb; a rare word)."""
        raw = strip_diacritics(self.raw_word(k)).replace("\u0640", "")
        for suf in ("ها", "ه"):
            if raw.endswith(suf) and len(raw) - len(suf) >= 3:
                stem = raw[: -len(suf)]
                if stem.endswith("ت") and not stem.endswith("ات"):
                    stem = stem[:-1] + "ة"
                folded = L.fold(stem)
                if folded.endswith(("ات", "ون", "ين")) or folded in L.STOPWORDS or folded in L.AMOUNT_NOUNS or (
                        folded not in L.UNITS and not self.fallback_ok(folded)):
                    return None
                if broken_singular(folded, strict=True) or L.UNITS.get(folded, ("", ""))[1] not in ("", stem) \
                        and L.fold(L.UNITS[folded][1]) != folded:
                    return None  # a plural
                return stem if _word_count("ال" + folded) >= 50 else None
        return None

    def _definite_nisba(self, k: int) -> bool:
        w = self.w(k) or ""
        return (w.startswith("ال") or w.startswith("لل")) and self.raw_word(k).endswith(("ي", "ية"))

    def accusative(self, j: int) -> bool:
        """The word at ``j`` ends in the accusative «ـاً»: the tanween written («مقلصًا»), or an «ا»
        after a word the corpus uses without it («متقدما»; not «كواشا», a currency's name)."""
        raw = self.raw_word(j)
        if not raw.endswith("ا") or len(raw) < 4:
            return False
        a, b = self.orig(self.toks[j].a, self.toks[j].b)
        return "\u064b" in self.text[a:b] or _word_count(raw[:-1]) >= 20

    def joined_by_and(self, i: int) -> bool:
        """The number at token ``i`` follows «و»: a word of its own («و 5») or glued to a number
        word («وخمس»; digits are a token apart from it)."""
        t = self.toks[i]
        return self.w(i - 1) == "و" or (t.k == "w" and t.t.startswith("و") and t.t[1:] in L.NUMBER_WORDS)

    def index_level(self, i: int) -> bool:
        """An index named in the twelve tokens before token ``i`` («وسجل مؤشر الدولار أعلى مستوى
        … عند 98.088»): its level has decimals."""
        return any({st for st, _ in _strip(self.w(k) or "")} & L.INDEX_WORDS for k in range(max(0, i - 12), i))

    def older_year(self, i: int, j: int) -> bool:
        """Four digits from 1000 to 1899 at ``i`` that are a year: after «في», «منذ» or a year's
        plural («في 1515»، «منذ 1436», «في أعوام 1842 و1843»), or joined by «و» to a year
        before («1845 و1846»), with no noun after them («في 1500 موقع» counts sites)."""
        if self.unit_at(j, allow_fallback=False) is not None or self.noun_in_use(j) or self.counted_after_year(j):
            return False  # (a verb after it is no noun: «في 1515 احتل البرتغاليون»)
        prev = self.w(i - 1) or ""
        if prev in L.OLDER_YEAR_OPENERS:
            return True
        k = i
        while self.w(k - 1) == "و" and k >= 2 and self.toks[k - 2].k == "n":
            t = self.toks[k - 2].t
            if not (t.isdigit() and len(t) == 4 and 1000 <= int(t) <= 2100):
                return False
            k -= 2  # back along «1842 و1843 و1845» to the first of them
        return k < i and (self.w(k - 1) or "") in L.OLDER_YEAR_OPENERS

    def definite_digits(self, i: int, end: int, value: float):
        """Digits with the article («الـ12», «ال10») after a definite noun: «البطولة الـ13»,
        «الندوة الـ 12», «موجة التدفق الـ 22» rank it (an ordinal, the noun — or the head of its
        construct — the unit); after a definite plural they count it («السنوات ال10» = 10 years)."""
        toks = self.toks
        prev = self.w(i - 2) or ""
        if prev[:1] in "وبفك" and prev[1:3] == "ال":
            prev = prev[1:]  # «بالمركز الـ 3»
        elif prev.startswith("لل"):
            prev = "ال" + prev[2:]
        written = strip_diacritics(self.raw_word(i - 2)).replace("\u0640", "")
        written = written[len(written) - len(prev) + 2:] if len(prev) > 4 else written  # without «بال», «لل», «ال»
        if prev in L.EDITION_NOUNS:  # «البطولة الـ13»: the noun it ranks is the unit
            return _R(end, toks[i - 1].a, toks[end - 1].b, {"value": value, "kind": "ordinal", "qualifier": "exact",
                                                            "unit": written})
        if not prev.startswith("ال") and i - 2 >= self._consumed and toks[i - 2].k == "w":
            unit = self.possessed_singular(i - 2)
            c = i - 3
            if unit is not None and c >= self._consumed and self.toks[c].k == "w":
                r = self.construct_count(c, end, value)
                if r is not None:  # «نواب حزبه الـ149»: his party's 149 deputies
                    return r
            if unit is not None:  # «في عامه الـ17», «دورتها الـ 12»: its 17th year
                return _R(end, toks[i - 2].a, toks[end - 1].b, {"value": value, "kind": "ordinal", "qualifier": "exact",
                                                                "unit": unit})
        if not prev.startswith("ال") or prev in L.STOPWORDS or i - 2 < self._consumed or toks[i - 2].k != "w":
            return None
        plural = self.plural_noun(i - 2)
        k3 = i - 3
        if plural is not None and k3 >= self._consumed and toks[k3].k == "w":
            edition = next((st for st, _ in _strip(self.w(k3) or "") if "ال" + st in L.EDITION_NOUNS), None)
            if edition is not None:  # «دورة الألعاب الـ12»: the 12th session of the games
                written = strip_diacritics(self.raw_word(k3)).replace("\u0640", "")
                return _R(end, toks[k3].a + len(written) - len(edition), toks[end - 1].b,
                          {"value": value, "kind": "ordinal", "qualifier": "exact", "unit": written[len(written) - len(edition):]})
        if plural is not None:  # «في السنوات ال10 الأولى»
            return _R(end, toks[i - 2].a + plural[2], toks[end - 1].b,
                      {"value": value, "kind": plural[0], "qualifier": "exact", "unit": plural[1]})
        if self.raw_word(i - 2).endswith(("ي", "ية")):
            return self.digits_after_adjective(i, end, value)
        if not self.fallback_ok(prev[2:]):
            return None
        unit = written
        start = i - 2
        head = self.w(i - 3)
        if head and i - 3 >= self._consumed and toks[i - 3].k == "w" and not head.startswith("ال") \
                and head not in L.STOPWORDS and self.fallback_ok(head) and _word_count("ال" + head) >= 50:
            r = self.construct_count(i - 3, end, value)
            if r is not None:  # «دول الاتحاد الـ28»: the 28 member states
                return r
            c = i - 4
            if c >= self._consumed and toks[c].k == "w" and not (self.w(c) or "").startswith("ال") \
                    and self.w(c) not in L.STOPWORDS:
                r = self.construct_count(c, end, value)
                if r is not None:  # «لدول منطقة اليورو الـ19»: the 19 states of the euro area
                    return r
            unit, start = self.word_as_written(i - 3), i - 3  # «موجة التدفق الـ 22»: the construct's head
        return _R(end, toks[start].a, toks[end - 1].b, {"value": value, "kind": "ordinal", "qualifier": "exact",
                                                        "unit": unit})

    def parse_two_after_noun(self, i: int):
        """«مستوطنين اثنين», «قياديين اثنين»: «اثنان» after the plural it counts (Arabic puts 1 and
        2 after the noun, as an adjective)."""
        w = self.w(i)
        if w not in L.TWO_WORDS or i == 0 or self.toks[i - 1].k != "w" or i - 1 < self._consumed:
            return None
        prev = self.w(i - 1)
        if prev.startswith("ال") or prev in L.STOPWORDS or not self.fallback_ok(prev) or self.pronoun_suffixed(i - 1):
            return None
        written = self.word_as_written(i - 1)
        if written.endswith(("ين", "ون")) and len(written) >= 5:
            one = written[:-2]
        elif written.endswith("ات"):
            one = singular_noun(written)
        else:
            u = L.UNITS.get(prev)
            one = u[1] if u and u[0] == "count" and prev != L.fold(u[1]) else None
        if not one or _word_count(one) < 3:
            return None  # (the numeral after it says it is a plural: a rare noun will do)
        return _R(i + 1, self.toks[i - 1].a, self.toks[i].b,
                  {"value": 2.0, "kind": "count", "qualifier": "exact", "unit": one})

    def parse_one_after_noun(self, i: int):
        """«مرة واحدة», «دفعة واحدة», «مركز واحد», «يوم واحد»: «واحد» follows the noun it counts
        as an adjective agreeing with it (Arabic puts 1 and 2 after the noun, 3-10 before); the
        feminine «واحدة» after a feminine noun (ة), the masculine after a masculine one.  The
        noun is indefinite («الرجل الواحد» is «the same man»); a nisba adjective may stand
        between them («دولة عربية واحدة», «جهاز تنفيذي واحد»)."""
        w = self.w(i)
        if w not in _ONE or i == 0 or self.toks[i - 1].k != "w" or i - 1 < self._consumed:
            return None
        k = i - 1
        prev = self.w(k)
        if prev and len(prev) >= 5 and prev.endswith(("ي", "يه")) and not prev.startswith(("ال", "و", "ف", "ب", "ل")) \
                and k - 1 >= self._consumed and self.toks[k - 1].k == "w" and self.unit_lookup(prev) is None:
            r = self.noun_before_adjective(i, k - 1, w)
            if r is not None:
                return r
        if not prev or prev.startswith("ال") or len(prev) < 2 or prev in L.STOPWORDS or prev in L.NUMBER_WORDS:
            return None
        if strip_conjunction(prev) in _KANA:
            return None  # «ما زال واحداً من أكثر الساسة»: a pronoun after «كان» and its sisters
        pl = 0
        if prev[0] in "وف" and len(prev) >= 4 and (self.unit_lookup(prev[1:]) is not None or _word_count(prev) < 20 <= _word_count(prev[1:])):
            pl, prev = 1, prev[1:]  # «وكلية واحدة»: «and» + the noun («وقت» keeps its «و»)
        if prev.startswith("ال"):
            return None  # «والفتاة واحدة من …»: a predicate, not a count
        if prev.endswith("ه") and len(prev) > 3 and w != L.fold("واحدة"):
            return None  # «زيارة واحد من»: the numeral agrees with its noun
        hit = self.unit_lookup(prev)
        if self.w(i + 1) == "من" and hit is None:
            return None  # «واحد من»: «one of» after a word that is no counted noun
        if hit is None:
            if not self.fallback_ok(prev) or self.pronoun_suffixed(k) or prev.startswith(("و", "ف", "ب", "ل")) and not (
                    prev[0] == "و" and not pl and _word_count(prev) >= 50 and _word_count(prev) > _word_count(prev[1:])):
                return None
            if (prev.endswith("ه") and len(prev) > 3) != (w == L.fold("واحدة")):
                return None  # the numeral agrees with its noun: «مرة واحدة», «مركز واحد»
            hit = ("count", self.word_as_written(k)[pl:])
        kind, unit = hit
        return _R(i + 1, self.toks[k].a + pl, self.toks[i].b,
                  {"value": 1.0, "kind": kind, "qualifier": "exact", "unit": unit})

    def noun_before_adjective(self, i: int, k: int, one: str):
        """«دولة عربية واحدة», «فترة زمنية واحدة», «لجهاز تنفيذي واحد»: the indefinite noun at
        ``k`` before a nisba adjective and «واحد» (``one``, folded at ``i``), the count of one of
        it; None when the word at ``k`` is no such noun."""
        noun = self.w(k) or ""
        pl = 0
        n_bare, n_word = (_word_count(noun[1:]), _word_count(noun)) if len(noun) >= 4 else (0, 0)
        if noun[:1] in ("و", "ف", "ب", "ل") and n_bare > n_word and (n_word < 50 or n_bare > 3 * n_word):
            pl = 1  # «لجهاز», «وكلية»: a clitic on the noun
        bare = noun[pl:]
        if not bare or bare.startswith("ال") or bare in L.STOPWORDS or bare in L.NUMBER_WORDS or self.pronoun_suffixed(k):
            return None
        hit = self.unit_lookup(bare)
        if hit is None:
            if not self.fallback_ok(bare):
                return None
            hit = ("count", self.word_as_written(k)[pl:])
        if hit[0] == "count" and (bare.endswith("ه") and len(bare) >= 3) != (one == L.fold("واحدة")):
            return None  # the numeral agrees with its noun («لغة عالمية واحدة», «جهاز تنفيذي واحد»)
        return _R(i + 1, self.toks[k].a + pl, self.toks[i].b,
                  {"value": 1.0, "kind": hit[0], "qualifier": "exact", "unit": hit[1]})

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

    def parse_definite_vague(self, i: int):
        """«الآلاف من العراقيين», «العشرات من عناصر التنظيم», «للعشرات من الآليات»: a definite vague
        amount, «من» and what it counts (value None, the magnitude, approx)."""
        w = self.w(i)
        if not w:
            return None
        pl = next((len(p) - 2 for p in ("ال", "وال", "بال", "لل", "فال") if w.startswith(p)), None)
        if pl is None:
            return None
        stem = w[pl + 2:]  # («لل»: pl is 0, the stem after it)
        hit = L.NUMBER_WORDS.get(stem)
        if not hit or hit[1] not in ("plural", "vague"):
            return None
        if self.w(i + 1) not in L.FROM_WORDS:
            nxt = self.w(i + 1)
            prev = self.w(i - 1) or ""
            if hit[0] >= 1000 and (nxt is None or nxt in L.AFTER_BARE_SCALE or self.p(i + 1) in ("،", ",", ".")) \
                    and prev not in L.NUMBER_WORDS and not (i > 0 and self.toks[i - 1].k == "n"):
                # «ونزل الآلاف في فنزويلا», «استقبال الملايين الذين …»: thousands (of people), no noun
                t = self.toks[i]
                return _R(i + 1, t.a + pl, t.b, {"value": None, "magnitude": float(hit[0]), "qualifier": "approx",
                                                 "kind": "count", "unit": None})
            return None
        u = self.unit_at(i + 1, plural=True)  # «من» + a plural: «من العراقيين» → عراقي
        if not u or u[0] != "count":
            return None
        t = self.toks[i]
        return _R(u[2], t.a + pl, self.toks[u[2] - 1].b,
                  {"value": None, "magnitude": float(hit[0]), "qualifier": "approx", "kind": "count", "unit": u[1]})

    def parse_definite_tens(self, i: int):
        """«في العشرين عاماً الماضية», «خلال الخمسين سنة الأخيرة»: a definite tens numeral before
        its singular noun counts it (the ordinal «العشرين» stands after a definite noun)."""
        w = self.w(i)
        if w not in L.DEFINITE_TENS or i + 1 >= self.n or self.toks[i + 1].k != "w":
            return None
        nxt = self.w(i + 1) or ""
        if nxt.startswith("ال") or nxt.startswith("و") and nxt[1:] in L.DEFINITE_TENS or nxt in L.FROM_WORDS:
            return None  # (not «العشرين من الشهر الحالي», a day; «الخمسين من العمر», an age)
        prev = self.w(i - 1) or ""
        if i > 0 and self.toks[i - 1].k == "w" and prev.startswith(("ال", "لل", "بال", "وال", "فال")):
            return None  # «مجموعة الدول العشرين», «القرن العشرين»: an adjective of the noun before it
        u = self.unit_at(i + 1, allow_fallback=False, tamyeez=True, definite_ok=False)
        if u is None or u[0] not in ("count", "duration", "measure", "money"):
            return None
        kind, unit, end = u
        return _R(end, self.toks[i].a, self.toks[end - 1].b,
                  {"value": float(L.DEFINITE_TENS[w]), "qualifier": "exact", "kind": kind, "unit": unit})

    def parse_definite_number(self, i: int):
        """«الأشهر الأربعة», «المباريات الثلاث» (a definite plural, then the number) and
        «الثلاث سنوات» (the number, then the plural): 3-10 things."""
        w = self.w(i)
        if not w or not w.startswith("ال"):
            return None
        hit = L.NUMBER_WORDS.get(w[2:])
        if not hit or hit[1] != "unit" or not 3 <= hit[0] <= 10:
            return None
        nxt = self.w(i + 1) or ""
        if nxt.startswith("و") and nxt[1:] in L.DEFINITE_TENS and hit[0] < 10:
            # «الساعات الأربع والعشرين»: a compound numeral, 24
            return self.definite_number_after_phrase(i, float(hit[0] + L.DEFINITE_TENS[nxt[1:]]), i + 2)
        t = self.toks[i]
        prev = self.w(i - 1)
        if prev and prev.startswith("ال") and not self._consumed > i - 1:
            u = self.unit_lookup(prev)
            if u and u[0] in ("count", "duration", "measure", "money") and L.UNITS.get(prev[2:]) and prev[2:] != u[1]:
                return _R(i + 1, self.toks[i - 1].a, t.b,
                          {"value": float(hit[0]), "qualifier": "exact", "kind": u[0], "unit": u[1]})
        if prev and not self._consumed > i - 1 and self.toks[i - 1].k == "w":
            # «المراحل الأربع» → 4 مرحلة, «بالمحاور الثلاثة» → 3 محور: a definite plural the lexicon
            # does not list, made singular by its pattern (a 3-10 numeral after it says it is one)
            pl = next((len(p) - 2 for p in ("ال", "بال", "وال", "فال", "كال") if prev.startswith(p)), None)
            if pl is not None and self.fallback_ok(prev[pl + 2:]) and not self.pronoun_suffixed(i - 1):
                written = strip_diacritics(self.raw_word(i - 1)).replace("\u0640", "")[pl + 2:]
                one = singular_noun(written) if written.endswith("ات") else broken_singular(written)
                if not one and written.endswith("ين") and len(written) >= 5:
                    one = written[:-2]  # «المحتجزين الثلاثة» → 3 محتجز (the sound masculine plural)
                if one and one != written:
                    return _R(i + 1, self.toks[i - 1].a + pl, t.b,
                              {"value": float(hit[0]), "qualifier": "exact", "kind": "count", "unit": one})
            if pl is None and self.pronoun_suffixed(i - 1) and self.fallback_ok(prev) and prev not in L.STOPWORDS:
                # «مبارياته الخمس», «ألقابها الأربعة»: a plural with a possessive suffix is definite too
                # (sound plurals only: a broken plural's pattern under a suffix is too often misread,
                # «أجزائه» is not «جزيء»)
                written = strip_diacritics(self.raw_word(i - 1)).replace("\u0640", "")
                base = next((written[: -len(suf)] for suf in _PRONOUN_SUFFIXES if written.endswith(suf)), written)
                if base.endswith(("ين", "ون")) and len(base) >= 5:
                    one = base[:-2]
                elif base.endswith(("ات", "ين", "ون")):
                    one = singular_noun(written)
                else:
                    one = written
                if one != written and not one.endswith("ات") and _word_count(one) >= 20:  # (a word in use)
                    return _R(i + 1, self.toks[i - 1].a, t.b,
                              {"value": float(hit[0]), "qualifier": "exact", "kind": "count", "unit": one})
        nxt = self.w(i + 1)
        if nxt and not nxt.startswith("ال"):
            u = L.UNITS.get(nxt)
            if u and u[0] in ("count", "duration", "measure", "money") and nxt != L.fold(u[1]):
                return _R(i + 2, t.a, self.toks[i + 1].b,
                          {"value": float(hit[0]), "qualifier": "exact", "kind": u[0], "unit": u[1]})
        return self.definite_number_after_phrase(i, float(hit[0]))

    def definite_number_after_phrase(self, i: int, n: float, end: int | None = None):
        """«القوى العالمية الست», «أيام المهرجان الستة», «مدن القناة الثلاث», «الحواس الخمس»,
        «أولادها الثلاثة»: a definite 3-10 numeral after a plural noun that one or two definite
        words (its adjectives, or the second term of its construct) separate from it; the
        numeral agrees with the plural, so it counts it."""
        nxt = self.w(i + 1) or ""
        if end is None and nxt.startswith("و") and (nxt[1:] in L.DEFINITE_TENS or nxt[1:] in L.NUMBER_WORDS):
            return None  # «الخمس والعشرين» is read whole (see parse_definite_number)
        end = i + 1 if end is None else end
        k = i - 1
        while k >= i - 3 and k >= self._consumed and k >= 0 and self.toks[k].k == "w":
            found = self.plural_noun(k, construct=k < i - 1)
            if found is not None:
                kind, unit, pl = found
                return _R(end, self.toks[k].a + pl, self.toks[end - 1].b,
                          {"value": n, "qualifier": "exact", "kind": kind, "unit": unit})
            w = self.w(k)
            if not w.startswith(("ال", "وال")) or w in L.STOPWORDS or w[2:] in L.NUMBER_WORDS:
                return None  # only definite words stand between a noun and its numeral
            k -= 1
        return None

    def plural_noun(self, j: int, construct: bool = False) -> tuple[str, str, int] | None:
        """(kind, singular, proclitic length) when the word at ``j`` is a plural noun: one the
        units lexicon lists as a plural («الأيام», «مدن»), a sound feminine plural («درجات»), a
        broken plural by its pattern («ألقاب»), or a plural with a possessive suffix
        («أولادها», «مواطنيه»).  An indefinite plural only with ``construct`` (a definite word
        follows it: «درجات السلم»)."""
        w = self.w(j)
        if not w or len(w) < 3 or w in L.STOPWORDS:
            return None
        raw = strip_diacritics(self.raw_word(j)).replace("\u0640", "")
        for stem, pl in _strip(w, ("و", "ب", "ل", "ك", "ف")):
            art = 2 if raw[pl:pl + 2] == "ال" else 0  # (as written: «ألقاب» folds to «القاب»)
            bare = stem[art:]
            if len(bare) < 3 or bare in L.NUMBER_WORDS or bare in L.ORDINALS:
                continue
            u = _listed_plural(bare)
            if u:
                return u[0], u[1], pl
            if not self.fallback_ok(bare):
                continue
            written = raw[pl + art:]
            owned = not art and written.endswith(_PRONOUN_SUFFIXES) and len(written) >= 5
            if owned:
                written = next(written[: -len(suf)] for suf in _PRONOUN_SUFFIXES if written.endswith(suf))
                if written.endswith(("ئ", "ؤ")):
                    written = written[:-1] + "ء"  # «أجزائه» → أجزاء
                # «مواطنيه»: a sound masculine plural in construct has lost its «ن»
                for form in (written, written + "ن") if written.endswith("ي") else (written,):
                    u = _listed_plural(L.fold(form))
                    if u:
                        return u[0], u[1], pl
            elif not art and not construct:
                continue  # an indefinite word is a plural's place only before a definite word
            if written.endswith("ات") and len(written) >= 5:
                one = singular_noun(written)
            elif art and written.endswith(("ين", "ون")) and len(written) >= 5:
                # «المجندين الـ16», «البريطانيين الـ30» → بريطاني: a sound masculine plural (the
                # numeral after it rules out the dual)
                return "count", written[:-2], pl
            else:
                one = broken_singular(written, strict=True)
            if one and one != written and _word_count(one) >= 20:
                return "count", one, pl
        return None
