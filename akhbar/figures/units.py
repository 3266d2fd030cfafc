"""Counted nouns: the singular of a plural as written (a figure's ``unit`` is singular)."""

from __future__ import annotations

import functools

_PRONOUN_SUFFIXES = ("هما", "هم", "ها", "ه")


def singular_noun(w: str) -> str:
    """The singular of a noun as written, for the regular plurals only: a pronoun suffix off
    («رحلاتها» → رحلات), the sound feminine plural («رحلات» → رحلة, «فعاليات» → فعالية,
    «تدريبات» → تدريب, «لقاءات» → لقاء), the nominative sound masculine plural («هاربون» → هارب).
    Anything else is returned as it is."""
    for suf in _PRONOUN_SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            w = w[: -len(suf)]
            if w.endswith("ت") and not w.endswith("ات"):
                w = w[:-1] + "ة"  # «دورته» → دورة
            break
    if w.endswith("اريات") and len(w) >= 7:
        return w[:-3] + "اة"  # «مباريات» → مباراة
    if w.endswith("يات") and len(w) >= 6:
        return w[:-3] + "ية"
    if w.endswith("ات") and len(w) >= 4:
        # «رحلات» → رحلة but «مؤتمرات» → مؤتمر: the spelling the corpus uses more (word counts
        # of SaudiNewsNet, akhbar/resources/ner/clusters.tsv); a masculine singular must be far
        # more frequent («أشار» the verb is not «إشارة»); neither known: left as written
        base = w[:-2]
        fem, masc = _word_count(base + "ة"), _word_count(base)
        if masc > 3 * fem and len(base) >= 3:  # not «فئ» (the fold of «في») for «فئات»
            return base
        if fem:
            return base + "ة"
        return w
    if w.endswith("ون") and len(w) >= 6 and not w.endswith(("يون", "قانون")):
        return w[:-2]
    return w


@functools.lru_cache(maxsize=1)
def _word_counts() -> dict[str, int]:
    from akhbar.config import RESOURCES

    out: dict[str, int] = {}
    with open(RESOURCES / "ner" / "clusters.tsv", encoding="utf-8") as f:
        for line in f:
            word, n = line.split("\t", 2)[:2]
            out[word] = int(n)
    return out


def _word_count(w: str) -> int:
    from akhbar.text import fold_match

    return _word_counts().get(fold_match(w), 0)
