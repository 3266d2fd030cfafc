"""Canonical names.

Choice (documented in docs/ner-evaluation.md):

- ``canonical`` is Arabic.  For a name the gazetteer knows (under any of its
  aliases or spelling variants, matched with :func:`gazetteer.fold_key`), it is the
  gazetteer's preferred Arabic name in matching form: «الناتو», «ناتو»,
  «حلف شمال الأطلسي», «حلف الأطلسي» → «حلف شمال الاطلسي»; «بيونغ يانغ»,
  «بيونغيانغ», «بيونجيانج» → «بيونغ يانغ»; «سول», «سيول» → «سول».
- Otherwise it is the name's own matching form: ``normalize`` (hamza, alef, ya,
  ta marbuta, diacritics), hyphens as spaces, spaces collapsed, leading proclitic
  dropped when the rest is a known name, and the leading article «ال» dropped
  («الكرملين» → «كرملين»).  Articles inside the name are kept.
- Document-dependent merging (short form «روته» → «مارك روته», unknown spelling
  variants sharing a fold key) is done by ``EntityRecognizer.annotate``.
- ``canonical_en`` is the gazetteer's English name («NATO», «Pyongyang», «Seoul»).
"""

from __future__ import annotations

from akhbar.normalize import collapse_spaces, normalize


def canonical_form(name: str) -> str:
    n = collapse_spaces(normalize(name).replace("-", " ").replace("\u2011", " "))
    # the article never carries a hamza: «ألمانيا», «ألبانيا», «ألكسندر» keep their «أل»
    stem_al = name.lstrip()[:2] in ("أل", "إل", "آل")
    if n.startswith("ال") and len(n.split()[0]) > 3 and not stem_al:
        n = n[2:]
    return n


def lookup(text: str, label: str | None = None):
    """Gazetteer entry for ``text`` (also tried without a proclitic), or None."""
    from akhbar.entities import gazetteer as gz
    from akhbar.entities.tokenize import split_proclitics

    g = gz.load()
    e = g.get_spelled(text)
    if e is None:
        sp = split_proclitics(normalize(text).split()[0] if text.strip() else "")
        if sp.cut:
            rest = text.strip()[sp.cut:]
            if sp.article and rest.startswith("ل") and not rest.startswith("ال"):
                rest = "ا" + rest
            e = g.get_spelled(rest)
    return e


def canonicalize(text: str, label: str) -> str:
    """The document-independent canonical name of a mention's text."""
    e = lookup(text, label)
    if e is not None:
        return e.canonical
    return canonical_form(text)


def canonical_en(text: str, label: str | None = None) -> str | None:
    e = lookup(text, label)
    return e.en if e is not None else None
