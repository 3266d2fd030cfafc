"""Ordinals: definite («الرابعة», «الحادي عشر», «القرن العشرين»), heading a noun («ثاني
صفقة», «لأول مرة»), adverbial after a verb of placing («حل عاشرا»), and the noun each ranks."""

from __future__ import annotations

from akhbar.figures import guards as G
from akhbar.figures import lexicon as L
from akhbar.figures.duals import dual_of
from akhbar.figures.guards import _R
from akhbar.figures.tokens import TokenView
from akhbar.figures.units import _PRONOUN_SUFFIXES, _word_count, broken_singular, singular_noun
from akhbar.text import proclitic_stems as _strip
from akhbar.text import strip_diacritics


_FEMININE_ELATIVES = {"كبري", "عظمي", "صغري", "كبريات", "عليا", "دنيا", "قصوي"}  # folded


def _possessed_noun(raw: str) -> str | None:
    """The noun of a short word with a possessive suffix before a definite ordinal: «لقبه» →
    لقب, «موسمي» → موسم, «فترتي» → فترة («my», «his»: a noun with a suffix is definite, so a
    definite ordinal after it is its adjective).  The noun must be a word of the corpus."""
    for suf in ("ي", "ه"):
        if raw.endswith(suf) and len(raw) - len(suf) >= 3 and not raw.startswith("ال"):
            stem = raw[: -len(suf)]
            if L.fold(stem) in L.STOPWORDS or (stem[:1] in "وف" and L.fold(stem[1:]) in L.STOPWORDS):
                return None  # «عليه», «لديه»: a preposition with its pronoun
            if stem.endswith("ت"):
                stem = stem[:-1] + "ة"
            if stem[0] in "بلكوف" and _word_count(stem[1:]) > _word_count(stem):
                stem = stem[1:]  # «بتجربتي الأولى» → تجربة: the preposition off
            if _word_count(stem) >= 50 and _word_count(stem) > 5 * _word_count(raw):
                return stem
    return None


class OrdinalParser(TokenView):
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
                v = G.initial_not_first(self, i)
                if not v.keep:
                    return _R(v.end, reason=v.reason)
                if n < 10 and nxt and nxt.startswith("و") and nxt[1:] in L.DEFINITE_TENS:
                    n += L.DEFINITE_TENS[nxt[1:]]  # «التاسع والعشرين»
                    end += 1
            elif stem in L.DEFINITE_TENS:
                v = G.ten_in_a_name(self, i)
                if not v.keep:
                    return _R(v.end, reason=v.reason)
                prev = self.w(i - 1)
                n = L.DEFINITE_TENS[stem]
                end = i + 1
                if prev and prev.startswith("ال") and prev.endswith(("ين", "ون", "ات")) and len(prev) > 5:
                    t = self.toks[i]  # «اللاعبين العشرين»: the twenty players (a count)
                    return _R(end, t.a + pl, t.b, {"value": float(n), "kind": "count", "qualifier": "exact"})
                plural = self.plural_noun(i - 1) if prev and prev.startswith("ال") and i - 1 >= self._consumed \
                    and not pl and self.w(end) not in L.FROM_WORDS else None  # (not «الموافق للعشرين من يوليو»)
                if plural is not None:  # «الفرق العشرين»: the twenty teams; «الدقائق العشرين»
                    t = self.toks[i]
                    return _R(end, self.toks[i - 1].a + plural[2], t.b,
                              {"value": float(n), "kind": plural[0], "qualifier": "exact", "unit": plural[1]})
            else:
                continue
            prev = self.w(i - 1)
            if prev in L.MINUTE:  # «الدقيقة الثلاثين»: a match minute, as «الدقيقة 30»
                return _R(end, self.toks[i - 1].a, self.toks[end - 1].b,
                          {"value": float(n), "kind": "other", "qualifier": "exact", "unit": "دقيقة"})
            v = G.company_name(self, i, end)
            if not v.keep:
                return _R(v.end, reason=v.reason)
            if prev in L.HOUR_WORDS:  # «الساعة الحادية عشرة والنصف من مساء …»
                hour, k = float(n), end
                frac = L.HOUR_FRACTIONS.get(self.w(k) or "")
                if frac:
                    hour, k = hour + frac, k + 1
                if self.w(k) == "من" and self.w(k + 1) in (L.fold("مساء"), L.fold("صباح"), L.fold("فجر")):
                    return self.clock_time(i, k, k, hour + (12 if self.w(k + 1) == L.fold("مساء") and hour < 12 else 0))
                return self.clock_time(i, k, k + 1 if self.w(k) in L.TIME_OF_DAY else k, hour)
            t = self.toks[i]
            if {st for st, _ in _strip(prev or "", ("و", "ب", "ل", "ف"))} & L.AGE_NOUNS:
                # «دون سن الثلاثين», «في عمر الخامسة»: an age
                q = L.AGE_BOUNDS.get(self.w(i - 2) or "", "exact")
                a = self.toks[i - 2].a if q != "exact" else t.a + pl
                return _R(end, a, self.toks[end - 1].b, {"value": float(n), "kind": "duration", "qualifier": q})
            if self.w(end) == "من" and self.w(end + 1) in L.AGE_WORDS:  # «رجل في التاسعة والخمسين من العمر»: an age
                return _R(end, t.a + pl, self.toks[end - 1].b, {"value": float(n), "kind": "duration", "qualifier": "exact"})
            if n <= 31 and self.w(end) == "من":
                k = end + 1 + (1 if self.w(end + 1) in (L.fold("شهر"),) else 0)
                mo = self.month_at(k)  # «الثامن من أغسطس», «للسادس من شهر أغسطس»
                if mo:
                    cal, m, mend = mo
                    return self.date_tail(i, k, t.a + pl, n, cal, m, mend)
                if self.w(k) == L.fold("الشهر") and self.w(k + 1) in L.MONTH_RELATIVE_WORDS:
                    return self.day_of_the_month(k, t.a + pl, n)  # «العشرين من الشهر الحالي»
            if self.w(end) in L.TIME_OF_DAY:
                return self.clock_time(i, end, end + 1, float(n))  # «من الرابعة إلى التاسعة مساء»: clock times
            if self.w(end) == "من" and self.w(end + 1) in (L.fold("صباح"), L.fold("مساء"), L.fold("فجر")):
                pm = self.w(end + 1) == L.fold("مساء") and n < 12
                return self.clock_time(i, end, end, float(n) + (12 if pm else 0))  # «السادسة من صباح اليوم»: the hour alone
            if prev in (L.fold("البارحة"),):
                return _R(end, reason="idiom_not_date")  # «البارحة الأولى»: the night before last
            nxt_item = (self.w(end) or "")[1:] if (self.w(end) or "").startswith("و") else ""
            if n == 1 and not pl and i > 0 and nxt_item not in L.ORDINALS and (
                    self.toks[i - 1].k == "n" or prev in L.DEFINITE_TENS or (
                    prev or "").startswith("ال") and L.NUMBER_WORDS.get(prev[2:], (0, ""))[1] == "unit"):
                # (not «الدرجات الثلاث الأولى والثانية والثالثة»: the items, one by one)
                return _R(end, reason="first_n")  # «الأشهر الستة الأولى», «السنوات ال10 الأولى»: the first six
            unit = self.event_head(i) if not pl else None
            if unit is None and not pl and prev in L.COPULA_PRONOUNS:
                unit = self.copula_subject(i)  # «في سابقة هي الأولى خلال 40 عامًا»
            if unit is None:
                unit = self.ranked_noun(i, pl)
            if unit is None and not pl and n == 1 and self.w(i - 1):
                hit = dual_of(self.w(i - 1), self.w(i))
                if hit:  # «متاحة في نسختين الأولى مقاس 32.6 بوصة والثانية …»: the two, one by one
                    unit = self._list_unit = hit[1]
            elif unit is None and pl and n > 1 and self._list_unit:
                unit = self._list_unit
            last = self._last_count
            if unit is None and last is not None and n <= last[0] and (
                    pl or i - last[2] <= 3 or last[3] or (i > 0 and self.toks[i - 1].k == "p")):
                # «تبرز مرحلتان: الأولى …», «… والثانية», «بالأشهر الخمسة الأولى», «لوحتين أثريتين،
                # تعود الأولى …»: an item of the count just before it, or opening a list item, or
                # after an item that took it (not «الملك إدوارد الأول», «تبدأ من الخامسة»)
                unit = last[1]
                self._last_count = (last[0], last[1], last[2], True)
            return _R(end, t.a + pl, self.toks[end - 1].b,
                      {"value": float(n), "kind": "ordinal", "qualifier": "exact", "unit": unit})
        return None

    def event_head(self, i: int) -> str | None:
        """«مهرجان القطيف السادس», «مهرجان أملج التراثي البحري الثاني», «فريق الهلال الأول»: an
        ordinal after the name of an edition of an event (or a team) ranks its head noun, over the
        name and its adjectives; only definite words, and the one word after the head, stand between."""
        fem_ord = self.raw_word(i).endswith(("ى", "ة"))
        for j in range(i - 1, max(-1, i - 6, self._consumed - 1), -1):
            t = self.toks[j]
            if t.k != "w":
                return None
            w = t.t
            stems = [st for st, _ in _strip(w, ("و", "ب", "ل", "ف", "ك"))]
            if j == i - 1 and any(st in L.RANK_NOUNS or st in L.EDITION_NOUNS for st in stems):
                return None  # «الفريق المركز الثاني»: the rank noun right before it is what it ranks
            for stem in stems:
                bare = stem[2:] if stem.startswith("ال") else stem
                if bare in L.EVENT_HEADS and j < i - 1:
                    if L.EVENT_HEADS[bare].endswith("ة") != fem_ord:
                        return None  # the ordinal agrees with its noun
                    return L.EVENT_HEADS[bare]
            if w in L.STOPWORDS or not (w.startswith("ال") or j > 0 and self._event_head_at(j - 1)):
                return None  # only definite words, or the one word after the head, stand between
        return None

    def copula_subject(self, i: int) -> str | None:
        """«جلسة إفطار حصرية هي الأولى من نوعها», «وهذه الهجمات هي الأولى»: the ordinal after «هي /
        هو» ranks the subject before the pronoun — the nearest noun that agrees with it in gender,
        over nisba adjectives and the second term of a construct."""
        fem_ord = self.raw_word(i).endswith(("ى", "ة"))
        for j in range(i - 2, max(-1, i - 5, self._consumed - 1), -1):
            t = self.toks[j]
            if t.k != "w" or t.t in L.STOPWORDS or t.t in L.TODAY_COMPLEMENTIZERS:
                return None
            raw = strip_diacritics(self.raw_word(j)).replace("\u0640", "")
            for p in ("وال", "بال", "فال", "كال", "ال"):
                if raw.startswith(p) and len(raw) - len(p) >= 3:
                    raw = raw[len(p):]
                    break
            if raw.endswith(("ي", "ية")):
                continue  # a nisba adjective («حصرية»)
            one = singular_noun(raw) if raw.endswith("ات") else raw
            fem = one.endswith("ة") or raw.endswith("ات")
            if fem == fem_ord and _word_count(L.fold(one)) >= 20:
                return one
        return None

    def _event_head_at(self, j: int) -> bool:
        """An indefinite event head («مهرجان»), the first term of a construct with a name after it."""
        w = self.w(j) or ""
        return any(st in L.EVENT_HEADS for st, _ in _strip(w, ("و", "ب", "ل", "ف", "ك")))

    def ranked_noun(self, i: int, pl: int) -> str | None:
        """The noun an ordinal ranks («الشوط الثاني» → شوط, «للمرة الثالثة» → مرة), skipping one
        nisba adjective («المباراة الودية الثانية» → مباراة); None when there is none."""
        if pl:
            return None  # «والثانية»: a new item, the noun is further back
        skipped = False  # a nisba adjective was skipped: the word before it is the noun's place
        for j in (i - 1, i - 2):
            prev = self.w(j)
            if not prev:
                return None
            stem = next((prev[len(p):] for p in ("ال", "وال", "بال", "فال", "كال") if prev.startswith(p)), None)
            if stem is not None and strip_diacritics(self.raw_word(j)).lstrip("وبفك").startswith(("إل", "أل")):
                stem = None  # «إليزابيث الثانية»: «إل» with its hamza is no article (the fold drops it)
            if stem is None and prev.startswith(("لل", "ولل", "فلل")):
                # «للمرة» = لـ + المرة, but «للواء» = لـ + اللّواء: a noun starting with «ل» keeps it;
                # «وللمركز الثاني» = و + لـ + المركز
                lil = prev[1:] if prev[0] in "وف" else prev
                stem = lil[1:] if _word_count(lil[1:]) > _word_count(lil[2:]) else lil[2:]
            at_noun = j == i - 1 or skipped
            if stem is None and at_noun and prev.endswith(_PRONOUN_SUFFIXES) and len(prev) >= 5 \
                    and self.toks[j].k == "w" and prev not in L.STOPWORDS:
                raw = strip_diacritics(self.raw_word(j)).replace("\u0640", "")
                if prev.startswith(("ب", "ل", "ك")):
                    if len(prev) < 6:
                        return None
                    if _word_count(L.fold(singular_noun(raw[1:]))) >= _word_count(L.fold(singular_noun(raw))):
                        raw = raw[1:]  # «بنسخته التاسعة» → نسخة: the preposition off (not «بداياته» → داي)
                return singular_noun(raw)  # «دورتها الثالثة» → دورة
            if stem is None and at_noun and self.toks[j].k == "w" and prev not in L.STOPWORDS:
                owned = _possessed_noun(strip_diacritics(self.raw_word(j)).replace("\u0640", ""))
                if owned is not None:
                    return owned  # «لقبه الرابع» → لقب, «موسمي الأول» → موسم, «فترتي الأولى» → فترة
            if stem is not None and L.NUMBER_WORDS.get(stem, (0, ""))[1] == "frac":
                pass  # «الربع الثاني», «النصف الأول»: a fraction of the year, ranked
            elif stem is None or len(stem) < 2 or stem in L.NUMBER_WORDS or stem in L.ORDINALS:
                return None
            if "ال" + stem in L.ORDINALS or "ال" + stem in L.DEFINITE_TENS:
                return None
            if j == i - 1 and self.raw_word(j).endswith(("ية", "ي")) and self.w(i - 2) and (
                    len(stem) > 3 and self.w(i - 2).startswith(("ال", "وال", "بال", "لل", "فال"))
                    or len(stem) >= 3 and self.raw_word(i - 2).endswith(_PRONOUN_SUFFIXES) and len(self.w(i - 2)) >= 5
                    and not self.w(i - 2).startswith("و")):  # (as written: the fold writes «ة» as «ه»)
                skipped = True
                continue  # a nisba adjective between the noun and the ordinal («نزاله الودي الثالث»)
            raw = self.raw_word(j)
            k = len(prev) - len(stem)
            if len(raw) - k != len(stem):
                return None
            head = self.construct_head(i, j, stem)
            if head is not None:
                return head
            dual = dual_of(stem, definite=True)
            if dual is not None:
                return dual[1]  # «شبكات الجيلين الثالث والرابع» → جيل
            return broken_singular(raw[k:], strict=True) or raw[k:]  # «المراكز الأولى» → مركز
        return None

    def construct_head(self, i: int, j: int, stem: str) -> str | None:
        """«ورشة العمل التعريفية الأولى» → ورشة, «موقعة الديربي الأولى» → موقعة: the ordinal is an
        adjective and agrees in gender with the noun it ranks; when the definite noun before it
        disagrees (a masculine «العمل» for a feminine «الأولى») it is the second term of a
        construct (إضافة) whose first term, the indefinite word before it, is the ranked noun —
        if that word agrees.  A plural that is not a sound feminine one agrees in the feminine
        («المراكز الأولى»), so only a singular-looking stem is tested."""
        raw_ord = self.raw_word(i)
        fem_ord = raw_ord.endswith(("ى", "ة")) or raw_ord.endswith("ولي")  # («الأولي»: «الأولى» with «ي»; its
        # masculine readings were turned away before, see guards.initial_not_first)
        fem_noun = stem.endswith("ه") or stem.endswith("ات")
        if fem_ord == fem_noun or (fem_ord and broken_singular(stem) is not None):
            return None
        head = self.w(j - 1)
        if not head or head.startswith("ال") or head in L.STOPWORDS or head in L.NUMBER_WORDS \
                or self.toks[j - 1].k != "w" or (head.endswith("ه") and len(head) > 2) != fem_ord or len(head) < 3:
            return None
        word = strip_diacritics(self.raw_word(j - 1)).replace("\u0640", "")
        if word[0] in "وف" and _word_count(L.fold(word[1:])) > 3 * _word_count(head):
            word = word[1:]  # «وعملية الإنقاذ الثالثة» → عملية
        return word

    def parse_adverbial_ordinal(self, i: int):
        """«وحل ميلان عاشرا في الدوري», «فيما حلوا ثانيا»: a rank after a verb of placing;
        «أولاً …، وثانياً …» opening the items of a list (at the start of a clause)."""
        w = self.w(i) or ""
        pl = 1 if w[:1] in "وف" and w[1:] in L.ADVERBIAL_ORDINALS else 0
        n = L.ADVERBIAL_ORDINALS.get(w[pl:])
        if n is None:
            return None
        placed = bool({st for st, _ in _strip(self.w(i - 1) or "", ("و", "ف"))} & L.PLACED
                      or {st for st, _ in _strip(self.w(i - 2) or "", ("و", "ف"))} & L.PLACED)
        # a list item opens a line or follows a colon; «وثانياً» may follow a comma too (not «…، أولا
        # أمام المحكمة»: «first» as an adverb)
        opens = i == 0 or (self.toks[i - 1].k == "p" and self.toks[i - 1].t in (":.-)،," if pl else ":.-)"))
        if not placed and not opens:
            return None
        t = self.toks[i]
        return _R(i + 1, t.a + pl, t.b, {"value": float(n), "kind": "ordinal", "qualifier": "exact"})

    def parse_ordinal_after_noun(self, i: int):
        """«هدف ثان», «دفعة ثانية», «مشاركة أولى», «كمركز ثالث», «خياراً أول»: an indefinite
        ordinal after the indefinite noun it ranks, agreeing with it in gender (a feminine
        ordinal after a noun in «ة», a masculine one after another noun); «أول» only after an
        accusative noun («خياراً أول»: «الفريق أول» is a rank)."""
        w = self.w(i)
        n = L.POST_NOUN_ORDINALS.get(w or "")
        if n is None or i == 0 or self.toks[i - 1].k != "w" or i - 1 < self._consumed:
            return None
        raw = strip_diacritics(self.raw_word(i - 1)).replace("\u0640", "")
        prev = self.w(i - 1)
        if prev.startswith(("ال", "لل")) or prev in L.STOPWORDS or prev in L.NUMBER_WORDS or prev in L.RANK_WORDS:
            return None
        pl = 0
        if raw[:1] in "وفبلك" and _word_count(L.fold(raw[1:])) > _word_count(prev):
            pl, raw = 1, raw[1:]  # «كمركز ثان», «ودفعة ثانية»
        if len(raw) < 3 or raw.startswith("ال") or L.fold(raw) in L.STOPWORDS or not self.fallback_ok(L.fold(raw)):
            return None
        if L.fold(raw) in L.SIDE_WORDS or L.fold(raw.rstrip("ا")) in L.RANK_WORDS or L.fold(raw) in L.LEV_MONTHS_1 \
                or L.fold(raw) in L.LEV_MONTHS_2_FIRST:
            return None  # «من جهة ثانية»: "on the other hand"; «وكيلاً أول»: a rank
        if raw.endswith("ي") or (raw.endswith("ية") and self.w(i - 2) and self.raw_word(i - 2).endswith("ة")):
            return None  # «إنقاذ مالي ثالث», «رحلة يومية ثانية»: an adjective before it, the noun further back
        fem_ord = self.raw_word(i).endswith(("ة", "ى"))
        if fem_ord != raw.endswith("ة"):
            return None
        if w == L.AWWAL:
            if not raw.endswith("ا") or raw.endswith("ها") or len(raw) < 4 or self.w(i + 1) in L.NOT_AFTER_AWWAL:
                return None
            raw = raw[:-1]  # «خياراً» → خيار (the tanween is gone with the diacritics)
        if _word_count(L.fold(raw)) < 20:
            return None  # a word the corpus uses, not a name or a verb form
        t = self.toks[i]
        return _R(i + 1, self.toks[i - 1].a + pl, t.b,
                  {"value": float(n), "kind": "ordinal", "qualifier": "exact", "unit": singular_noun(raw)})

    def parse_construct_ordinal(self, i: int):
        """«ثاني صفقة», «وثالث الحرمين»: an indefinite ordinal heading a noun; not in a name («آل ثاني»)."""
        w = self.w(i)
        if not w:
            return None
        for stem, pl in _strip(w, ("و", "ف", "ل")):
            n = L.CONSTRUCT_ORDINALS.get(stem)
            if n is None or (pl and w[pl - 1] == "ل" and stem != L.AWWAL):
                continue  # «لأول مرة», but «لأولي سولفانغ» is a name
            if self.raw_word(i).endswith("ولي"):
                return _R(i + 1, reason="initial_not_first")  # «أولي الأمر», «تور أولي»: not «أولى»
            prev = self.w(i - 1)
            nxt = self.w(i + 1)
            if stem == L.AWWAL and (nxt in L.NOT_AFTER_AWWAL or (nxt or "").startswith("ال") or prev in L.RANK_WORDS
                                   or (nxt or "").endswith(("ين", "تين"))):
                return None  # «أول أمس», «أول الأمر», «الفريق أول ركن», «أول مواجهتين»: not a rank of a noun
            if prev in (L.fold("آل"), "ال", "بن", "ابن") or not nxt or nxt in L.STOPWORDS or nxt in L.NUMBER_WORDS:
                return None
            if self.raw_word(i)[pl:pl + 1] == "آ" or (i + 1 < self.n and self.toks[i + 1].a - self.toks[i].b > 1):
                return None
            bare = nxt[2:] if nxt.startswith("ال") else nxt
            hit = L.UNITS.get(bare) or dual_of(bare)
            at = i + 1
            nxt2 = self.w(i + 2)
            if not hit and nxt2 and nxt2 not in L.STOPWORDS and (
                    (nxt[0] == "ا" and len(nxt) in (3, 4)) or nxt in _FEMININE_ELATIVES):
                # «ثاني أكبر محطة», «ثاني كبرى المدن»: an elative (أفعل / فُعلى) between the ordinal
                # and the noun it ranks; the noun is the one after it
                at = i + 2
            unit = hit[1] if hit else (singular_noun(self.word_as_written(at), strict=True) if len(bare) > 2 else None)
            if unit is None or not self.fallback_ok(bare):
                return None
            t = self.toks[i]
            return _R(i + 1, t.a + pl, t.b, {"value": float(n), "kind": "ordinal", "qualifier": "exact", "unit": unit})
        return None
