"""Units: the counted noun, currency, percent sign or measure after a number
(:meth:`UnitReader.unit_at`), and the singular of a plural as written (a figure's ``unit`` is
singular)."""

from __future__ import annotations

import functools

from akhbar.figures import lexicon as L
from akhbar.figures.tokens import TokenView
from akhbar.text import proclitic_stems
from akhbar.text.counts import word_count

_PRONOUN_SUFFIXES = ("هما", "هم", "ها", "ه")


def singular_noun(w: str, strict: bool = False) -> str:
    """The singular of a noun as written, for the regular plurals only: a pronoun suffix off
    («رحلاتها» → رحلات), the sound feminine plural («رحلات» → رحلة, «فعاليات» → فعالية,
    «تدريبات» → تدريب, «لقاءات» → لقاء), the nominative sound masculine plural («هاربون» → هارب).
    Anything else is returned as it is."""
    for suf in _PRONOUN_SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            w = w[: -len(suf)]
            if w.endswith("ت") and not w.endswith("ات"):
                w = w[:-1] + "ة"  # «دورته» → دورة
            elif w.endswith("ات") and _word_count(w[:-1] + "ة") > _word_count(w[:-2] + "ة") + _word_count(w[:-2]):
                return w[:-1] + "ة"  # «مباراته» → مباراة (its ة written ت), «رحلاتها» stays a plural
            break
    if w.endswith("اريات") and len(w) >= 7:
        return w[:-3] + "اة"  # «مباريات» → مباراة
    if w.endswith("يات") and len(w) >= 6:
        if w[0] == "م" and _word_count(w[:-3] + "ى") > _word_count(w[:-3] + "ية"):
            return w[:-3] + "ى"  # «مستويات» → مستوى, «مستشفيات» → مستشفى (a noun of place or a
            # participle in «مـ» ending in «ى»; not «مستوية», and not «تحديات» → «تحدى»)
        return w[:-3] + "ية"
    if w.endswith("ات") and len(w) >= 4:
        # «رحلات» → رحلة but «مؤتمرات» → مؤتمر: the spelling the corpus uses more (word counts
        # of SaudiNewsNet, akhbar/resources/ner/clusters.tsv); a masculine singular must be far
        # more frequent («أشار» the verb is not «إشارة»); neither known: left as written
        base = w[:-2]
        if len(base) >= 5 and base[0] in "اأإ" and base[-2] == "ا" and _word_count(base) >= 20:
            return base  # the masdar of a derived verb (افتعال، انفعال، استفعال) is masculine: «اتحادات»
            # → اتحاد, «اجتماعات» → اجتماع (its «ة» form would be read as «اتحاده», his union)
        fem, masc = _word_count(base + "ة"), _word_count(base)
        if masc > 3 * fem and len(base) >= 3 and not (fem and broken_singular(base)) and base not in L.STOPWORDS:
            # not «فئ» (the fold of «في») for «فئات»; and not «مظاهر» for «مظاهرات»: a stem that is
            # itself a broken plural (مفاعل) is no singular, the feminine is («مظاهرة»)
            return broken_singular(base) or base  # «فحوصات» → فحوص → فحص (a plural of a plural)
        if fem:
            return base + "ة"
        return w
    if w.endswith("ون") and len(w) >= 6 and not w.endswith(("يون", "قانون")):
        return w[:-2]
    if w.endswith("ين") and len(w) >= 6 and not strict and _word_count(w[:-2]) >= 10:
        return w[:-2]  # the genitive/accusative sound masculine plural: «سبعة متشددين» → متشدد (not «فلسطين»)
    return broken_singular(w, strict) or w


def preposition_stem(w: str, min_uses: int = 50, ratio: int = 3) -> str | None:
    """The word after a prefixed preposition «بـ» or «لـ» («بجدة» → جدة, «بلغات» → لغات, «لمدة» →
    مدة) where the corpus uses the bare word far more (SaudiNewsNet counts: at least ``min_uses``
    uses, over ``ratio`` times the prefixed form's), else None («بحر», «بنت», «بنود», «لاعب» are
    words of their own)."""
    if len(w) < 4 or w[0] not in ("ب", "ل"):
        return None  # (not «كـ»: «كفيفاً» is no «كـ» + «فيفا»)
    n = _word_count(w[1:])
    return w[1:] if n >= min_uses and n > ratio * _word_count(w) else None


_NOT_BROKEN_3 = {"نفس", "بعض", "كل", "غير", "بشر", "قوي"}  # function words and collectives (folded)


def broken_singular(w: str, strict: bool = False) -> str | None:
    """The singular of a broken plural as written, from its pattern (وزن), or None.

    Arabic broken plurals are fixed patterns over the root; each points back to one or two
    singular patterns, and the corpus counts (SaudiNewsNet, akhbar/resources/ner/clusters.tsv)
    pick the one in use (no library here does Arabic morphology):
    أفعال → فعل («أبراج» → برج, «أجزاء» → جزء), أفعُل → فعل («أشهر» → شهر),
    فواعل → فاعل / فاعلة («جوانب» → جانب, «طوابق» → طابق, «قواعد» → قاعدة),
    مفاعل → مفعل / مفعلة («مراكز» → مركز, «محاور» → محور, «مدارس» → مدرسة),
    مفاعيل → مفعول / مفعال («مشاريع» → مشروع), فعائل → فعالة / فعيلة («رسائل» → رسالة,
    «وظائف» → وظيفة), فعول → فعل («فحوص» → فحص, «دروس» → درس).
    A candidate must be a word of the corpus (10 uses or more); with ``strict`` (the word may
    already be a singular, as a noun before an ordinal is) it must also be more frequent than
    the word itself («رسول» is a singular, not the plural of «رسل»), and the four-letter patterns
    are not tried: أفعل is also the elative («أكبر») and فعول the verbal noun («الظهور», «هبوط»)."""
    n = len(w)
    if L.fold(w) in L.IRREGULAR_PLURALS:
        return L.IRREGULAR_PLURALS[L.fold(w)][1]
    cands: list[str] = []
    if n == 5 and w[0] in "أا" and w[3] == "ا" and w[1] != "ت":
        # أفعال → فعل / فعيل («أحفاد» → حفيد, «أيتام» → يتيم); not «اتصال», «اتفاق» (the verbal noun
        # of an assimilated افتعل, no plural); of a hollow root → فال («أبواب» → باب, «أموال» → مال)
        cands += [w[1:3] + w[4], w[1:3] + "ي" + w[4]]
        if w[2] in "وي" and w[1] + "ا" + w[4] not in L.STOPWORDS:  # (not «لان», the fold of «لأن»)
            cands.append(w[1] + "ا" + w[4])
    if n == 5 and w[2] == "ا" and w[0] not in "مأاوت" and w[1] not in "وا" and w[3] not in "ئاوي" and w[4] not in "ةىاءي":
        # فعالل → فعللة / فعلل («قنابل» → قنبلة, «عناكب» → عنكب); not تفاعل, a verbal noun («تعادل»)
        cands += [w[:2] + w[3:] + "ة", w[:2] + w[3:]]
    if n == 6 and w[2] == "ا" and w[5] == "ة" and w[0] not in "مأاوت" and w[3] not in "ئاوي":
        cands += [w[:2] + w[3] + "ا" + w[4], w[:2] + w[3] + "ي" + w[4]]  # فعاللة → فعلال / فعليل («قراصنة» → قرصان,
        # «تلامذة» → تلميذ)
    if n == 4 and w[0] in "أا" and not strict:
        cands.append(w[1:])
    if n == 5 and w[1] == "و" and w[2] == "ا":
        cands += [w[0] + "ا" + w[3:], w[0] + "ا" + w[3:] + "ة"]
    if n == 5 and w[0] == "م" and w[2] == "ا":
        cands += ["م" + w[1] + w[3:], "م" + w[1] + w[3:] + "ة"]
    if n == 6 and w[0] == "م" and w[2] == "ا" and w[4] == "ي":
        cands += ["م" + w[1] + w[3] + "و" + w[5], "م" + w[1] + w[3] + "ا" + w[5]]
    if n == 5 and w[2] == "ا" and w[3] == "ئ":
        cands += [w[:2] + "ا" + w[4] + "ة", w[:2] + "ي" + w[4] + "ة"]
    if n == 4 and w[2] == "و" and not strict:
        cands.append(w[:2] + w[3])
        if w[1] == w[3]:
            cands.append(w[:2])  # فعول of a doubled root → فعّ («خطوط» → خط, «حقوق» → حق)
    if n == 3 and not strict and w[0] not in "أاوي" and w[2] not in "ىاءةه" and w not in L.STOPWORDS \
            and w not in _NOT_BROKEN_3:
        # فُعَل → فُعلة («صور» → صورة, «غرف» → غرفة, «شقق» → شقة), else فُعُل → فعيلة («جزر» → جزيرة),
        # only where the singular is in far more use than the plural (the fold counts «صوره», his
        # pictures, with «صورة»)
        one = w[:2] + "ة" if w[1] == w[2] else w + "ة"
        if _word_count(one) > 2 * _word_count(w):
            cands.append(one)
        elif w[1] != w[2] and _word_count(w[:2] + "ي" + w[2] + "ة") > 2 * _word_count(w):
            cands.append(w[:2] + "ي" + w[2] + "ة")
    if n == 5 and w[3] == "ا" and w[4] == "ء" and w[0] not in "أا":
        # فعلاء → فعيل / فاعل («وزراء» → وزير, «رؤساء» → رئيس, «علماء» → عالم)
        c2 = "ئ" if w[1] == "ؤ" else w[1]
        cands += [w[0] + c2 + "ي" + w[2], w[0] + "ا" + w[1] + w[2]]
    if n == 6 and w[0] == "أ" and w[4] == "ا" and w[5] == "ء":  # (not the masdar «اعتداء»)
        cands.append(w[1:3] + "ي" + w[3])  # أفعلاء → فعيل («أصدقاء» → صديق, «أقرباء» → قريب)
    if n == 5 and w[2] == "ا" and (w[4] == "ى" or w[4] == "ي" and _word_count(w) < 50):  # (not a nisba «عراقي»)
        cands += [w[:2] + w[3] + "ى", w[:2] + "ي" + w[3]]  # فعالى → فعلى / فعيل («دعاوى» → دعوى, «حزانى» → حزين)
    if n == 5 and w[0] in "أا" and w[4] == "ة" and not strict:
        # أفعلة → فعال («أنشطة» → نشاط, «أسلحة» → سلاح); not where فعول is in use too («أعمدة»: عمود, not عماد)
        if _word_count(w[1:3] + "و" + w[3]) < 20:
            cands.append(w[1:3] + "ا" + w[3])
    hollow = n == 4 and w[1] == "ا" and w[3] == "ة" and not strict
    if hollow:
        cands.append(w[0] + "ائ" + w[2])  # فعلة of a hollow root → فاعل («قادة» → قائد, «باعة» → بائع)
    if not cands:
        return None
    best = max(cands, key=_word_count)
    got = _word_count(best)
    if got < 10 or (strict and got <= _word_count(w)):
        return None
    if hollow and best == cands[-1] and got <= _word_count(w):
        return None  # «حالة» is a singular of its own, not the plural of «حائل»
    return best


_word_count = word_count  # (the name the figures modules import)


class UnitReader(TokenView):
    def unit_at(self, j: int, allow_fallback: bool = True, *, tamyeez: bool = False, plural: bool = False,
                definite_ok: bool = True):
        """(kind, unit, end) for the words after a number, or None.

        What the number asks of its noun: ``tamyeez`` (11-99 take a singular accusative:
        «88 بيتا» → بيت), ``plural`` (3-10 take a plural: a fallback unit is made singular,
        «تسعة تعادلات» → تعادل), ``definite_ok`` (vague amounts and scale words take a
        definite noun, «آلاف الجنود»; a cardinal does not)."""
        if j >= self.n:
            return None
        t = self.toks[j]
        if t.k == "p":
            if t.t == "%":
                return "percent", None, j + 1
            if t.t in L.CURRENCY_SYMBOLS:
                return "money", L.CURRENCY_SYMBOLS[t.t], j + 1
            return None
        if t.k == "l":
            hit = L.LATIN_UNITS.get(t.t.lower())
            return (hit[0], hit[1], j + 1) if hit else None  # «128 GB»
        if t.k != "w":
            return None
        w = t.t
        if w in L.PERCENT_WORDS:
            return "percent", None, j + 1
        if w == "في" and self.w(j + 1) in L.PERCENT_AFTER_FI:
            return "percent", None, j + 2
        if w == "نقطه" and self.w(j + 1) in ("ميويه", "المييه"):
            return "percent", "نقطة مئوية", j + 2
        if w.startswith("ال") and not definite_ok and self.raw_word(j).startswith("ال"):
            return None  # a cardinal takes an indefinite noun: «تسع المحطة» is «accommodates the station»
        pre = L.PREFIXED_UNITS.get((w, self.w(j + 1) or ""))
        if pre is not None:
            return "measure", pre, j + 2  # «64 جيجا بايت»
        hit = self.unit_lookup(w)
        if hit and hit[1] in ("عام", "سنة") and j + 1 < self.n and self.toks[j + 1].k == "n" and len(self.toks[j + 1].t) == 4:
            return None  # «نحو نصف مليون عام 2007م»: a year follows, «عام» is not the unit
        if hit:
            kind, unit = hit
            end = j + 1
            if unit in L.DISTANCE_UNITS:
                after = self.per_hour(end)
                if after is not None:  # «15-35 كم/ساعة», «100 كيلومتر بالساعة», «ألف كم في الساعة»: a speed
                    return kind, unit + "/ساعة", after
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
            if unit == "كيلوغرام" and w in (L.fold("كيلو"),) and self.w(end) in L.METRE:
                return "measure", "كيلومتر", end + 1  # «كيلو متر»
            if unit == "درجة" and self.w(end) in L.CELSIUS:
                return "measure", "درجة مئوية", end + 1  # «24 درجة مئوية»
            if unit == "سنة" and self.w(end) in L.LIGHT:
                return "measure", "سنة ضوئية", end + 1  # «1400 سنة ضوئية»: a distance
            if unit == "جنيه" and self.w(end) in L.STERLING:
                return kind, "جنيه إسترليني", end + 1
            if kind == "money" and self.w(end) in L.CURRENCY_COUNTRIES:
                return kind, unit + " " + self.word_as_written(end), end + 1  # «دولار أسترالي»
            if kind == "money" and (self.w(end) or "").endswith("ه") and self.w(end)[:-1] in L.CURRENCY_COUNTRIES:
                return kind, unit + " " + self.word_as_written(end)[:-1], end + 1  # «110 ريالات قطرية» → ريال قطري
            return kind, unit, end
        if w == "م" and j + 1 < self.n and self.adjacent(j + 1) and self.toks[j + 1].t in ("2", "3", "²", "³"):
            return "measure", "متر مربع" if self.toks[j + 1].t in ("2", "²") else "متر مكعب", j + 2
        if w in ("م", L.fold("°م")) and j > 0 and self.toks[j - 1].k == "n" and any(
                L.HEAT in (self.w(k) or "") for k in range(max(0, j - 12), j - 1)):
            return "measure", "درجة مئوية", j + 1  # «درجة الحرارة الخارجية 37م»: degrees, not metres
        if w == "م" and j > 0 and self.toks[j - 1].k == "n" and (
                self.adjacent(j) or {self.w(j - 2), self.w(j - 3)} & L.METRE_CONTEXT):
            v = self.toks[j - 1].v
            if v is not None and not (1000 <= v <= 2200 and self.toks[j - 1].t.isdigit()):
                return "measure", "متر", j + 1  # «سباق 400م», «سباق 100 م» (not a year's «2015 م»)
        if w == "من":
            nxt = self.w(j + 1)
            if nxt in L.AGE_WORDS:
                return "duration", None, j + 2  # «طفل في الـ12 من عمره»: an age
            if nxt and not nxt.startswith("ال"):
                hit = L.UNITS.get(nxt) or self.construct_lookup(nxt)  # «عشرات من عناصر الشرطة»
                if hit and hit[0] == "count":
                    return hit[0], hit[1], j + 2
                if allow_fallback and self.fallback_ok(nxt) and not nxt.startswith(("و", "ف")) and not self.pronoun_suffixed(j + 1):
                    # «30 من زعماء القبائل» → زعيم (what follows «من» is a plural); «ثمانية من قوات
                    # الأمن» stays قوات (members of a body, not eight forces)
                    written = self.word_as_written(j + 1)
                    if written.endswith("ي") and len(written) >= 5 and _word_count(written + "ن") >= 20:
                        return "count", written[:-1], j + 2  # «عشرة من منسوبي الدفاع»: a plural in construct
                    return "count", written if written.endswith("ات") else singular_noun(written), j + 2
            if nxt and nxt.startswith("ال"):
                hit = self.unit_lookup(nxt)
                if hit:
                    kind, unit = hit
                    end = j + 2
                    if unit in ("كيلومتر", "متر") and self.w(end) in L.SQUARE:
                        return kind, unit + " مربع", end + 1
                    return kind, unit, end
                if allow_fallback and self.fallback_ok(nxt):
                    # «13129 من المطبوعات» → مطبوعة, «ثلاثة من القادة» → قائد (what follows «من» is a plural)
                    return "count", singular_noun(self.word_as_written(j + 1)), j + 2
            return None
        if (
            allow_fallback and self.fallback_ok(w) and not (w.startswith("لا") and len(w) > 4)
            and not self.pronoun_suffixed(j) and (self.p(j - 1) != ")" or self.bracketed_count(j))
        ):  # «(1980) شملت»: a word after a closing bracket is not the bracketed number's noun
            written = self.word_as_written(j)
            if tamyeez and written.endswith("ا") and len(written) > 3:
                written = written[:-1]  # 11-99 take a singular accusative: «88 بيتا» → بيت
            elif plural or written.endswith("ات"):
                written = singular_noun(written)  # a unit is singular: «6219 مطبوعات» → مطبوعة
            return "count", written, j + 1
        return None

    def per_hour(self, k: int) -> int | None:
        """The token after «/ساعة», «/س», «بالساعة», «في الساعة» at ``k`` (a rate per hour), or None."""
        if self.p(k) == "/" and self.w(k + 1) in L.HOUR_UNITS:
            return k + 2
        if self.w(k) in L.PER_HOUR:
            return k + 1
        if self.w(k) == "في" and self.w(k + 1) == L.fold("الساعة"):
            return k + 2
        return None

    def bracketed_count(self, j: int) -> bool:
        """«يتبعها (9) بلديات», «أكثر من (120) فعالية»: a count in brackets, then its noun; a
        bracketed four-digit number is a year («(1980) شملت») and has none."""
        t = self.toks[j - 2].t if j >= 2 else ""
        return j >= 3 and self.p(j - 3) == "(" and self.toks[j - 2].k == "n" and not (
            t.isdigit() and len(t) == 4 and int(t) <= 2200)  # («(4033) جلسة» is no year)

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

    def index_points(self, a: int, b: int) -> bool:
        """Are the points of the figure on characters [a, b) those of a market index or a rate (a
        measure: «إلى 4852 نقطة» after «المؤشر», «50 نقطة أساس», «16.72 نقطة»), not points won or
        listed (a count: «برصيد 83 نقطة», «13191 نقطة» in a ranking, «النقاط الثلاث»)?"""
        inside = [t for t in self.toks if a <= t.a and t.b <= b]
        after = next((k for k, t in enumerate(self.toks) if t.a >= b), None)
        if after is not None and self.w(after) in L.BASIS_WORDS:
            return True
        if any(t.k == "n" and t.v is not None and t.v != int(t.v) for t in inside):
            return True  # a fraction of a point
        if any(t.t == "%" or t.k == "w" and (t.t in L.PERCENT_WORDS or t.t in L.PERCENT_AFTER_FI) for t in self.toks):
            return True  # «وتراجع الدعم عشر نقاط ليصل إلى 37.7 في المائة»: percentage points
        for k in range(self.n - 1):
            t = self.toks[k]
            if self.w(k + 1) in L.POINT_WORDS and (t.k == "n" and t.v is not None and t.v != int(t.v)
                                                   or self.w(k + 2) in L.BASIS_WORDS):
                return True  # «… تراجع بلغ 0.6 نقطة», «ارتفع بنحو خمس نقاط مئوية … وقفز بنحو 26 نقطة»
        return any(stem in L.INDEX_CONTEXT or stem.startswith("لل") and "ال" + stem[2:] in L.INDEX_CONTEXT
                   for t in self.toks if t.k == "w" for stem, _ in proclitic_stems(t.t))  # («للمؤشر»)

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
        if w in L.TIME_OF_DAY or w in L.ORDINALS or w == L.YESTERDAY or w in L.TOMORROW:
            return False  # («الـ 17 أمس»: yesterday is no counted noun)
        if w.startswith(("وال", "فال", "لل", "كال")) or (w.startswith("بال") and len(w) > 5):
            return False
        if w.startswith(("ست", "سي", "سن")) and len(w) > 4:
            return False
        if w.endswith("وا") or (w.startswith(("ي", "ت")) and w.endswith(("ون", "ان", "ين"))):
            return False
        if w.startswith("ي") and len(w) >= 4 and _word_count("ال" + (w[:-1] if w.endswith("ا") else w)) < 20:
            return False  # an imperfect verb; not a noun in «ي» the corpus uses with «ال» («يتيم»: «اليتيم»)
        if w[:2] in ("وي", "وت", "ون") and len(w) >= 5:
            return False  # «فيستشهد منهم 15 ويصاب سبعة»: «and» + a verb
        if w[0] == "و" and len(w) >= 5 and _word_count(w[1:]) >= 50 and 3 * _word_count(w[1:]) >= _word_count(w) \
                and not (w.endswith("ات") and _word_count(w[:-2] + "ه") >= 50):  # («8 وجهات»: وجهة)
            return False  # «توفي اثنان وأصيب ثلاثة», «وفاة اثنين وإصابة …»: «and» + the next clause («وزير» keeps its «و»)
        if w.endswith(("هم", "هن", "كم", "هما")) and len(w) > 5:
            return False  # «150 إصاباتهم خطيرة»
        if w[0] in "وف" and (w[1:] in L.NUMBER_WORDS or w[1:] in L.STOPWORDS):
            return False  # «خمس وثلاث سنوات»
        if w[0] in "ول" and len(w) >= 4 and _word_count(w) < 300 and _word_count(w[1:]) >= 50 \
                and _word_count(w[1:]) > 3 * _word_count(w):  # (not «وجهة», a word of its own)
            return False  # «82 ودرجة التحصيلي»: a new conjunct; «7 مليارات لموسم الحج»: a preposition
        if preposition_stem(w, min_uses=200, ratio=2) is not None:
            return False  # «منها 174 بجدة و531 بمكة», «وخمس بمحافظة رأس تنورة»: a place after a preposition,
            # not the counted noun (SaudiNewsNet uses the bare word at least twice as often)
        if w in L.NOT_UNITS:
            return False
        return True
