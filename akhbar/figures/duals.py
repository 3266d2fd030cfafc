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

from akhbar.figures import lexicon as L

# words with a dual-looking ending that are not duals (folded)
_NOT_DUALS = {L.fold(w) for w in (
    "روتين", "بروتين", "لاتين", "كيراتين", "كوتين", "نيكوتين", "بوتين", "ستين", "سبتين", "اثنتين", "اثنتان",
    "ثنتين", "فيتامين", "الاثنتين", "بنزين", "كافيين", "ذاتين", "وقتين", "بيتين", "زيتين", "صوتين", "موتين",
)}


def dual_of(stem: str, next_word: str | None = None) -> tuple[str, str] | None:
    """(kind, unit) when the folded ``stem`` is the dual of a noun, else None.

    ``next_word`` is the following folded word (None at the end), needed for the
    construct form «ـتي»."""
    if len(stem) < 4 or stem in _NOT_DUALS or stem in L.NUMBER_WORDS or stem in L.DURATION_DUALS:
        return None
    if stem.endswith(("تين", "تان")):
        base = stem[:-3]
        hit = L.UNITS.get(base + "ه") if len(base) >= 2 else None
        if hit:
            return hit  # «مرتين»
        if len(base) < 3:
            return None
        return "count", base + "ة"
    if stem.endswith("تي") and next_word is not None and next_word.startswith("ال"):
        hit = L.UNITS.get(stem[:-2] + "ه")
        return hit if hit and hit[0] == "count" else None
    if stem.endswith(("ان", "ين")):
        base = stem[:-2]
        if len(base) < 3:
            return None
        if base in L.DUAL_ONLY:
            return "count", L.DUAL_ONLY[base]
        hit = L.UNITS.get(base)
        if hit is None or hit[0] not in ("count", "money") or base.endswith("ي"):
            return None  # «الفلسطينيين»: a nisba plural
        if hit[0] == "money" or L.UNITS.get(stem) is None:
            return hit  # «بلدان», «لاعبين» are listed plurals
    return None
