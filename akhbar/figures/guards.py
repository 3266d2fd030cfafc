"""Why a number is *not* a figure: the named guards of the figure parser, and the typed
fields a parse produces.

Every place where :mod:`akhbar.figures.extract` consumes tokens without emitting a figure
names its reason (``_R(end, reason=...)``), like a datatrove filter returning
``(keep, reason)``; :func:`akhbar.figures.extract.audit_figures` counts them, so an audit
of a corpus says how many numbers each guard turned away («المادة 4»: ``identifier``;
«12:56»: ``clock_time`` ...). :data:`REASONS` is the list, with what each guard means.
"""

from __future__ import annotations

import datetime as dt
from typing import TypedDict

from akhbar.figures import lexicon as L
from akhbar.figures.tokens import TokenView
from akhbar.text import proclitic_stems as _strip


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
    :data:`akhbar.figures.guards.REASONS`)."""

    __slots__ = ("end", "a", "b", "fields", "reason")

    def __init__(self, end: int, a: int = 0, b: int = 0, fields: FigureFields | None = None,
                 *, reason: str | None = None):
        self.end, self.a, self.b, self.fields, self.reason = end, a, b, fields, reason


REASONS: dict[str, str] = {
    # numbers that are part of a name or an identifier
    "identifier": "after a title / identifier word or glued to a name («المادة 4», «رؤية 2030», «F16», «روسيا-1»)",
    "quoted_name": "a quoted name ending in a number («\"نور 2\"»)",
    "latin_name": "a number word before a Latin name («إمّا ستون Emma Stone»)",
    "group_name": "a group named by a number («مجموعة العشرين»)",
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
    "title_dual": "a dual inside a title («خادم الحرمين الشريفين»): not two of anything",
    "overlaps_previous": "a parse reaching back into the figure before it",
}


class GuardChecks(TokenView):
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
            if prev.k == "w" and prev.t not in L.DIGIT_PREFIXES:
                return True
            if prev.k == "p" and prev.t in L.DASHES and i > 1 and toks[i - 2].b == prev.a and toks[i - 2].k in ("w", "l"):
                return True
        end = toks[j - 1]
        if j < self.n and toks[j].a == end.b:
            nxt = toks[j]
            if nxt.k == "l":
                return True
            if nxt.k == "p" and nxt.t in L.DASHES and j + 1 < self.n and toks[j + 1].a == nxt.b and toks[j + 1].k in ("w", "l"):
                return True
        return False

    def after_title(self, i: int) -> bool:
        if i == 0:
            return False
        if self.p(i - 1) in L.DASHES and i > 1 and self.toks[i - 2].k == "l":
            return True  # «Street Food - 57»
        for k in range(max(0, i - 4), i - 1):
            if self.w(k) in L.MODEL_WORDS:
                return True  # «طراز «مازيراتي 350 إس»»
        prev = self.toks[i - 1]
        if prev.k == "l":
            return True
        if prev.k == "w" and i > 2 and self.p(i - 2) == "." and self.adjacent(i - 1) and self.adjacent(i - 2) \
                and self.toks[i - 3].k == "w" and len(prev.t) <= 3:
            return True  # «"إس.إي 370"», «إتش.دي.إم.آي 1.4»: a product named by letters and a number
        if prev.k == "p" and prev.t in L.OPEN_QUOTES and i > 1:
            prev = self.toks[i - 2]
            if prev.k != "w":
                return False
        if prev.k != "w":
            return False
        for stem, _ in _strip(prev.t):
            if stem in L.TITLE_WORDS:
                return True
            if stem in L.WEAK_TITLE_WORDS:
                num = self.parse_number(i)
                u = self.unit_at(num.end if num else i + 1, allow_fallback=False)
                return u is None
        # «رؤية المملكة 2030»
        if i > 1 and self.w(i - 2) in (L.fold("رؤية"), L.fold("رؤيه")):
            return True
        return False

    def score_context(self, i: int) -> bool:
        return self._word_before(i, L.SCORE_WORDS)

    def change_context(self, i: int) -> bool:
        return self._word_before(i, L.CHANGE_WORDS)
