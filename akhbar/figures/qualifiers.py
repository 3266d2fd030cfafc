"""Qualifiers of a number: «أكثر من», «نحو», «حتى» before it, «تقريبا» after it, and a
comparison verb a few words back («تجاوز عدد الزوار 15 ألف»)."""

from __future__ import annotations

from akhbar.figures import lexicon as L
from akhbar.figures.tokens import TokenView
from akhbar.text import proclitic_stems as _strip

_QUAL_FIRST = {words[0] for words, _ in L.PRE_QUALIFIERS}
_PRE_BY_FIRST: dict[str, list] = {}
for _n, (_words, _q) in enumerate(L.PRE_QUALIFIERS):
    _PRE_BY_FIRST.setdefault(_words[0], []).append((_n, _words, _q))


class QualifierReader(TokenView):
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
            if to:  # «ما تصل قيمته إلى», «تأمين تصل تغطيته إلى»: a cap; «أن يصل العدد إلى عشرة آلاف»
                # is a forecast, «لتصل قيمته إلى» the level reached
                if back == 1 and stems & L.PRESENT_REACH and (self.w(k) or "").endswith(("ه", "ها", "هم")) \
                        and (self.w(j - 1) == "ما" or not (self.w(j) or "").startswith(("ل", "و", "ف"))
                             and self.w(j - 1) not in L.THAT_WORDS and not (self.w(k) or "").startswith("عدد")):
                    # (not «يصل عددهم إلى 15»: their number is 15)
                    return "up_to"
                if back >= 1:
                    return None
                continue
            verb = stems & L.DISTANT_VERBS.keys()
            if verb:
                q, needs_prep = L.DISTANT_VERBS[verb.pop()]
                if needs_prep != prep or back == 0:
                    return None
                if {st for st, _ in _strip(self.w(j - 1) or "", ("و", "ف"))} & L.NEGATIONS:  # «ألا يزيد عن 26»
                    q = {"more_than": "up_to", "less_than": "more_than"}[q]
                return q
            if (w in L.STOPWORDS and w not in L.SUBJECT_HEADS and w not in L.IN_IT) or (w in L.NUMBER_WORDS and L.NUMBER_WORDS[w][1] != "frac"):
                return None
        return None

    def _capped_reach(self, i: int) -> bool:
        """«يصل/تصل إلى» at token ``i`` states a maximum: the present tense after «قد» or after a
        noun of a dimension («لمدة تصل إلى 18 عاما», «بسرعة تصل إلى 35 ميلا», «بغرامة تصل إلى»)."""
        w = self.w(i) or ""
        if w.startswith(("ل", "و")) or w not in L.PRESENT_REACH:
            return False  # «لتصل إلى» (the level reached), «وصلت إلى» (the past: a value reached)
        prev = self.w(i - 1) or ""
        return prev in L.MAY_WORDS or bool({st for st, _ in _strip(prev, ("و", "ب", "ل", "ف"))} & L.CAP_NOUNS)

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
                    {st for st, _ in _strip(self.w(i - 1) or "", ("و", "ف"))} & L.NEGATIONS
                    or (q == "more_than" and words[0] == L.fold("أكثر") and (self.w(i - 1) or "")[:1] in ("ي", "ت")
                        and {st for st, _ in _strip(self.w(i - 2) or "", ("و", "ف"))} & L.NEGATIONS)
                ):
                    # «ألا تتجاوز 50 مليون»; «لا تستغرق أكثر من خمس دقائق»: a negated verb before
                    # «أكثر من» caps the amount as well
                    q = "up_to" if q == "more_than" else "more_than"
                if q == "up_to" and words[0] in L.DISTANT_TO_VERBS and i + k < self.n and self.w(i - 1) != "ما" \
                        and not self._capped_reach(i):
                    # «لتصل إلى 2.67 مليار يورو», «بطاقة تخزين تصل إلى 17.6 بيتابايت», «بقيمة وصلت إلى»:
                    # the level reached, not a cap («ما يصل إلى», «لمدة قد تصل إلى», «بسرعة تصل إلى» are
                    # one: as many as, as long as)
                    return "exact", i + k, self.toks[i + k].a
                return q, i + k, self.toks[i].a + pl
        return None
