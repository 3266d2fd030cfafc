"""Dual nouns as figures: «ريالين» = 2 ريال, «وزيران» = 2 وزير, «البلدين» = 2 بلد.

Arabic marks two of a thing with a suffix on the noun: «ـان» (nominative), «ـين»
(oblique), «ـتان/ـتين» on nouns ending in «ة», and «ـا/ـي» before a genitive
(«محافظتي القريات ودومة الجندل»). Masculine duals need a count or money unit
(«ميلان» is Milan, not two miles). :func:`dual_of` reads a folded word (the
extractor's matching form, proclitics and article already removed) and says
whether it is the dual of a noun it can name.

What counts, to keep plurals out («المهندسين» is mostly «the engineers»):

* ``ـتين / ـتان``: the feminine dual; a sound feminine plural is «ـات», so any stem
  of three letters or more that is not a known non-noun is a dual («طائرتين»,
  «مواجهتين»); the unit is the stem with «ة».
* ``ـان``: the nominative dual; the sound masculine plural is «ـون», so a stem that
  is a known unit is a dual («وزيران», «مسلحان»).
* ``ـين``: also the oblique sound masculine plural, so only when the «ـين» form is not
  itself a listed plural of the unit («مهندسين» is; «بلدين», «فريقين» are not), or the
  unit is money («ريالين») or a noun with a broken plural listed in
  :data:`akhbar.figures.lexicon.DUAL_ONLY`.
* ``ـتي``: the construct feminine dual, only before a definite word.
"""

from __future__ import annotations

import functools

from akhbar.figures import lexicon as L
from akhbar.figures import guards as G
from akhbar.figures.guards import _R
from akhbar.figures.tokens import TokenView
from akhbar.figures.units import _word_count
from akhbar.text import proclitic_stems as _strip
from akhbar.text.caches import WORD_CACHE_MAX

_DUAL_ENDINGS = ("ين", "ان", "تي")

# words with a dual-looking ending that are not duals (folded)
_NOT_DUALS = {L.fold(w) for w in (
    "روتين", "بروتين", "لاتين", "كيراتين", "كوتين", "نيكوتين", "بوتين", "ستين", "سبتين", "اثنتين", "اثنتان",
    "ثنتين", "فيتامين", "الاثنتين", "بنزين", "كافيين", "ذاتين", "وقتين", "بيتين", "زيتين", "صوتين", "موتين",
    "شعبان",  # the month
    "طالبان",  # the movement
    "دوران",  # «rotation» (a verbal noun: its «ـان» form is twice as common as «دورين»)
    "حرمان",  # «deprivation» (and a family name)
    "قطعان",  # «herds» (قطيع)
    "مارتين", "كانتان", "كانتين",  # names
    "تين", "التين", "والتين",  # figs
    "بحرين", "حسين", "نهرين", "رافدين", "عالمين",  # names and «رب العالمين»
)}


# words in «ون» that are no sound plural («فرعون»: «فرعين» is two branches)
_WORDS_IN_UN = {L.fold(w) for w in ("فرعون", "زيتون", "قانون", "صابون", "طاعون", "عربون", "ليمون", "مضمون", "كانون",
                                    "حسون", "مأذون", "عون", "لون", "كون", "قرون", "عيون", "شؤون", "سجون", "ديون", "فنون")}

# counted nouns that end in «ي» as nouns, not as a nisba: their dual is «ـيان / ـيين»
_NOUNS_IN_YA = {L.fold(w) for w in ("جندي", "كرسي", "قاضي", "محامي", "نادي")}


def _noun_in_ta(base: str) -> bool:
    """«base + ة» is a word the corpus uses («طائرة»), not the tail of a name («أفغانستان»,
    «كريستين»: no «أفغانسة», «كريسة») or of a demonstrative («هاتين»)."""
    return _word_count(base + "ه") > 0


@functools.lru_cache(maxsize=WORD_CACHE_MAX)
def _dual_by_counts(base: str) -> bool:
    """A noun the units lexicon lacks whose «ـين / ـان» forms are duals by the corpus counts
    (SaudiNewsNet): a common word (200 uses or more), also used in the nominative dual «ـان»,
    with no sound masculine plural «ـون» in use («طرف»: «الطرفان», no «طرفون»; «مسلم» has
    «مسلمون»), not a nisba («ـي») and not the stem of a name («البحرين»)."""
    if len(base) < 3 or base.endswith(("ي", "ا", "ه")) or base in L.STOPWORDS or base + "ين" in _NOT_DUALS:
        return False
    n = _word_count(base)
    return n >= 200 and _word_count("ال" + base + "ان") >= 3 \
        and _word_count(base + "ون") + _word_count("ال" + base + "ون") <= 2 and base + "ون" not in _WORDS_IN_UN


def dual_of(stem: str, next_word: str | None = None, definite: bool = False) -> tuple[str, str] | None:
    """(kind, unit) when the folded ``stem`` is the dual of a noun, else None.

    ``next_word`` is the following folded word (None at the end), needed for the
    construct form «ـتي»; ``definite``: the word had «ال» («الطرفين»), which lets a noun the
    units lexicon lacks be a dual by the corpus counts (:func:`_dual_by_counts`)."""
    if len(stem) < 4 or stem in _NOT_DUALS or stem in L.NUMBER_WORDS or stem in L.DURATION_DUALS:
        return None
    if stem.endswith(("تين", "تان")):
        base = stem[:-3]
        hit = L.UNITS.get(base + "ه") if len(base) >= 2 else None
        if hit:
            return hit  # «مرتين»
        if len(base) == 2 and _word_count(base + "ه") >= 300 and (definite or base[0] != "ا"):
            return "count", base + "ة"  # «الجهتين», «فئتين», «لغتين», «الآيتان»: a noun of two letters and «ة»
            # (not «إيتان», a name)
        if len(base) < 3 or base.startswith(("ال", "وال")) or not _noun_in_ta(base):
            return None  # (not «والتين», and figs)
        return "count", base + "ة"
    if stem.endswith("تي") and next_word is not None and next_word.startswith("ال") and next_word not in L.STOPWORDS:
        hit = L.UNITS.get(stem[:-2] + "ه")
        return hit if hit and hit[0] == "count" else None
    if stem.endswith(("ان", "ين")):
        base = stem[:-2]
        if len(base) < 3:
            return None
        if base in L.DUAL_ONLY:
            if stem.endswith("ان") and L.UNITS.get(stem) == ("count", L.DUAL_ONLY[base]):
                # «بلدان» is also the noun's broken plural («البلدان العربية», «في بلدان أوروبا»: 39
                # of 40 in a 3,000-article run): two only with a dual agreeing after it («البلدان
                # الشقيقان», «البلدان يتمتعان»)
                nxt = next_word[2:] if next_word and next_word.startswith("ال") else next_word
                return ("count", L.DUAL_ONLY[base]) if nxt and nxt.endswith("ان") and len(nxt) >= 4 else None
            return "count", L.DUAL_ONLY[base]
        if base in L.DUAL_IN_AN_ONLY:
            nxt = next_word[2:] if next_word and next_word.startswith("ال") else next_word
            if stem.endswith("ان") or (nxt and nxt.endswith("ين") and nxt[:-2] in L.DUAL_ADJECTIVES):
                return "count", L.DUAL_IN_AN_ONLY[base]
            return None
        hit = L.UNITS.get(base)
        if hit is None and definite and stem.endswith("ين") and _dual_by_counts(base):
            hit = ("count", base)
        if hit is None or hit[0] not in ("count", "money"):
            return None
        if hit[0] == "count" and L.fold(hit[1]) != base and len(hit[1].split()) == 1:
            return None  # «الملاحقين»: the base is a listed plural («ملاحق»), and a dual is built on the singular
        if base.endswith("ي") and base not in _NOUNS_IN_YA:
            return None  # «الفلسطينيين»: a nisba plural; «جنديين», «جنديان» are two soldiers
        if stem.endswith("ين") and hit[0] == "count" and _word_count(base + "ون") >= 5 and base + "ون" not in _WORDS_IN_UN:
            return None  # «المنتجين», «موظفين»: a noun with a sound plural in use; «ـين» is its plural
        if hit[0] == "money" or L.UNITS.get(stem) is None:
            return hit  # «بلدان», «لاعبين» are listed plurals
    return None


@functools.lru_cache(maxsize=WORD_CACHE_MAX)
def _and_word(w: str) -> bool:
    """«و» the conjunction before a word, not a word's first letter («والدتي», «وقعت»); a rare
    word is «و» and a name («درنة وصبراتة», «بريديتور وريبر»)."""
    return w[0] == "و" and len(w) > 3 and w[1:] not in L.STOPWORDS \
        and (_word_count(w) < 20 or 3 * _word_count(w[1:]) >= _word_count(w))


def construct_dual_unit(w: str) -> tuple[int, str] | None:
    """(proclitic length, unit) when the folded word ``w`` («قسمي», «ومنطقتي») may be a dual
    in construct by its spelling and the corpus counts (see
    :meth:`DualParser.parse_construct_dual`), else None."""
    if len(w) < 4 or w[-1] != "ي" or w.startswith("ال") or w in L.STOPWORDS:
        return None
    best = None
    for stem, pl in _strip(w, ("و", "ب", "ل", "ف")):
        if len(stem) < 4 or stem.endswith("يي"):
            continue
        unit = stem[:-2] + "ة" if stem.endswith("تي") else stem[:-1]
        n = _word_count(unit)
        if n < 50 or _word_count(stem) * 20 > n:
            continue
        if not stem.endswith("تي") and (unit.endswith(("ي", "ا")) or _word_count(unit + "ين") * 5 >= n
                                         or L.UNITS.get(unit, ("count",))[0] != "count"):
            continue
        if not stem.endswith("تي") and L.UNITS.get(unit, ("count", unit))[1] != unit:
            continue  # «أطفالي»: a listed plural with «my», no dual (a dual is made from the singular)
        defn = _word_count("ال" + stem)
        if not stem.endswith("تي") and defn >= 20 and 2 * defn >= _word_count(stem):
            return None  # a nisba adjective the corpus uses with «ال» («مركزي», «رئيسي», «شخصي», «إيراني»;
            # a dual in construct never takes it), whatever a longer reading («وتنظيمي») would give
        if best is None or n > best[0]:
            best = (n, pl, L.UNITS.get(unit, ("count", unit))[1])
    return None if best is None else (best[1], best[2])


def _as_written(noun: str, unit: str) -> str:
    """The dual's noun as the text writes it when it is the unit («رئاستي» → رئاسة, not the
    matching form «رياسة»), else the unit (a lexicon's canonical form, «ريالين» → ريال)."""
    return noun if L.fold(noun) == L.fold(unit) else unit


def _no_article(stem: str) -> str:
    return stem[2:] if stem.startswith(("ال", "لل")) else stem


class DualParser(TokenView):
    def parse_duration_and_half(self, i: int):
        """«شهر ونصف», «عام ونصف العام», «ساعة ونصف»: one and a half of a unit of time."""
        if self.w(i + 1) not in L.AND_HALF:
            return None
        w = self.w(i)
        for stem, pl in _strip(w, ("و", "ب", "ل", "ف")):
            unit = L.HALF_DURATIONS.get(stem)
            if unit is None:
                continue
            end = i + 2
            if self.w(end) == "ال" + stem:
                end += 1  # «شهر ونصف الشهر»
            t = self.toks[i]
            return _R(end, t.a + pl, self.toks[end - 1].b,
                      {"value": 1.5, "kind": "duration", "unit": unit, "qualifier": "exact"})
        return None

    def parse_duration_dual(self, i: int):
        w = self.w(i)
        if not w:
            return None
        if self.w(i + 1) in L.AND_HALF:
            half = self.parse_duration_and_half(i)
            if half is not None:
                return half
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
        w = self.w(i) or ""
        if w.startswith("ال") and w.endswith(("تين", "تان")) and self.coordinated_pair_before(i):
            return True  # «البوعيثة وجزيرة الانبار القريبتين»: the adjective of two nouns joined by «و»
        if not prev or not prev.endswith(_DUAL_ENDINGS):
            return False
        if prev.endswith(("تين", "تان")) and w.endswith(("يتين", "يتان")) and w.startswith("ال") == prev.startswith("ال"):
            return True  # «الجهتين الإعلاميتين»: a nisba agreeing with the dual before it
        if w.startswith("و") and dual_of(w[3:] if w.startswith("وال") else w[1:]) is not None:
            return False  # «والشعبين والحكومتين»: a second dual noun joined by «و», not an adjective
        for stem, _ in _strip(prev, ("و", "ب", "ل", "ف")):  # «والشعبين الشقيقين»
            stem = stem[2:] if stem.startswith("ال") else stem
            if dual_of(stem) is not None or stem in L.DURATION_DUALS:  # «الساعتين الماضيتين»
                return True
        return False

    def coordinated_pair_before(self, i: int) -> bool:
        """Two definite singular nouns joined by «و» right before token ``i`` («منطقة البوعيثة
        وجزيرة الانبار», «الرياض وجدة»): a definite dual after them agrees with them."""
        prev = self.w(i - 1) or ""
        if i < 2 or self.toks[i - 1].k != "w" or prev.endswith(_DUAL_ENDINGS) or not prev.startswith("ال"):
            return False
        for k in (i - 1, i - 2):
            if k >= 1 and self.toks[k].k == "w" and (self.w(k) or "").startswith("و") and len(self.w(k) or "") >= 4 \
                    and self.toks[k - 1].k == "w" and not (self.w(k - 1) or "").endswith(_DUAL_ENDINGS):
                return True
        return False

    def parse_construct_dual(self, i: int):
        """«قسمي الفيزياء والأحياء», «مجلسي النواب والمحافظات», «فريقي النصر والهلال»,
        «محافظتي "لحج" و"أبين"»: a dual in construct (إضافة) loses its «ن», so it is written
        «ـي» («ـتي» for a noun in «ة») — like a nisba adjective («إرهابي», «اجتماعي»), a
        first-person possessive («حياتي»), a plural in construct («لاعبي المنتخب»), a noun
        whose «ي» is its own («نادي», «دوري») or a name («تركي»).  What tells the dual is what it
        names: two things, listed right after it as «X وY»; and the noun is far more common
        without the «ي» than with it (the corpus counts of SaudiNewsNet: «قسم» 1015 uses,
        «قسمي» 14; a nisba or a name is about as common as its stem).  So: a «و» word within
        the three words after the complement's first word; a «ي» as written (not «ى»: «أجرى»,
        «إلى»); the stem a word of 50 uses or more, used at least twenty times as often as the
        word with «ي»; for «ـي», not a noun of people whose sound plural «ـين» is common
        («لاعبي», «مسؤولي»: a fifth of the stem's uses or more)."""
        toks = self.toks
        k = i + 1
        while k < self.n and toks[k].k == "p" and toks[k].t in ('"', "«", "“", "(") and k - i <= 2:
            k += 1  # «لمحافظتي "لحج"»
        if k >= self.n or toks[k].k != "w":
            return None
        if _and_word(toks[k].t):
            return None  # «وهو أستاذي ومعلمي وكنت …»: «و» after it, no complement (a possessive)
        listed = False
        for m in range(k + 1, min(k + 4, self.n)):
            t = toks[m]
            if t.k == "p" and t.t not in ('"', "«", "»", "“", "”", "(", ")"):
                break  # the clause ends first («بصفتي ممثلة، ودخلت القاعة»)
            if t.k == "w" and _and_word(t.t):
                listed = True
                break
        nxt = toks[k].t
        if nxt in L.STOPWORDS or nxt in L.NUMBER_WORDS or nxt in L.NAME_LINKS:
            return None  # («العميد حزمي بن شلاش»: a name)
        if nxt.startswith("لل") or (nxt[0] in "لب" and len(nxt) > 3 and _word_count(nxt[1:]) > 3 * _word_count(nxt)):
            return None  # a preposition opens what follows («عودتي للسعودية», «حضوري لاستلامها»): no complement
        w = toks[i].t
        if not self.raw_word(i).endswith("ي"):
            return None  # «أجرى», «إلى»: a final «ى» is no dual's «ي»
        if w[:-1] in L.NOT_CONSTRUCT_DUALS or (w[0] in "وف" and w[1:-1] in L.NOT_CONSTRUCT_DUALS):
            return None  # «حولي», «بيني», «لكني», «داخلي»: a preposition with «me», no dual
        hit = construct_dual_unit(w)
        if hit is None:
            return None
        pl, unit = hit
        if not listed and nxt.startswith("ال") and nxt.endswith("ي") and _word_count(nxt[2:-1]) >= 50:
            return None  # «دعاني نظيري الإيراني»: a nisba adjective after it, no complement (a possessive)
        if not listed and not (nxt.startswith("ال") and L.fold(unit) in L.DUAL_ONLY):
            return None  # no «X وY» named: only a noun whose plural is broken before a definite one
            # («على جانبي الحدود»: «جانبي» is no plural in construct)
        raw = self.raw_word(i)[pl:]
        unit = _as_written(raw[:-2] + "ة" if raw.endswith("تي") else raw[:-1], unit)
        t = self.toks[i]
        return _R(i + 1, t.a + pl, t.b, {"value": 2.0, "kind": "count", "unit": unit, "qualifier": "exact"})

    def parse_dual(self, i: int):
        """«ريالين», «وزيران», «البلدين», «محافظتي القريات»: two of a noun (see :mod:`duals`)."""
        w = self.w(i)
        if not w or not w.endswith(_DUAL_ENDINGS):
            return None
        cands = _strip(w, ("و", "ب", "ل", "ف", "ك"))
        if len(cands) > 1 and w.endswith(("تين", "تان")):
            # «برحلتين»: the reading whose noun the corpus uses most (رحلة, not «برحلة»)
            cands = sorted(cands, key=lambda c: -_word_count(_no_article(c[0])[:-3] + "ة"))
        for stem, pl in cands:
            if pl and len(w) > 4 and _word_count(w[:-2]) > 10 * max(1, _word_count(stem[:-2])):
                continue  # «كبيران» is «كبير» + «ان», not «ك» + «بيران»
            art = 0
            if stem.startswith("ال"):
                art = 2
            elif stem.startswith("لل") and pl:
                continue
            elif stem.startswith("لل"):
                art, pl = 2, 0
            hit = dual_of(stem[art:], self.w(i + 1), definite=art == 2)
            if hit is None and self.w(i + 1) in L.DUAL_RELATIVES and stem.endswith("ين"):
                u = L.UNITS.get(stem[art:-2])
                hit = u if u and u[0] == "count" else None  # «حالتي اللاعبين اللذين يتعافيان»: the two players
            if hit is None:
                continue
            v = G.dual_not_two(self, i, stem[art:], hit[1])
            if not v.keep:
                return _R(v.end, reason=v.reason)
            kind, unit = hit
            if kind == "count":
                raw = self.raw_word(i)[pl + art:]
                unit = _as_written(raw[:-3] + "ة" if raw.endswith(("تين", "تان")) else raw[:-2], unit)
            t = self.toks[i]
            return _R(i + 1, t.a + pl, t.b, {"value": 2.0, "kind": kind, "unit": unit, "qualifier": "exact"})
        return None
