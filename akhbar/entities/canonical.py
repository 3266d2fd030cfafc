"""Canonical names.

Choice (documented in docs/ner-evaluation.md):

- ``canonical`` is Arabic.  For a name the gazetteer knows (under any of its
  aliases or spelling variants, matched with :func:`akhbar.text.fold_key`), it is the
  gazetteer's preferred Arabic name in matching form: «الناتو», «ناتو»,
  «حلف شمال الأطلسي», «حلف الأطلسي» → «حلف شمال الاطلسي»; «بيونغ يانغ»,
  «بيونغيانغ», «بيونجيانج» → «بيونغ يانغ»; «سول», «سيول» → «سول».
- Otherwise it is the name's own matching form: ``fold_match`` (hamza, alef, ya,
  ta marbuta, diacritics), hyphens as spaces, spaces collapsed, leading proclitic
  dropped when the rest is a known name, and the leading article «ال» dropped
  («الكرملين» → «كرملين»), but not a stem «ال» («ألمانيا», «الكسندر»:
  :func:`akhbar.text.strip_article` with ``stem_al``).  Articles inside the name are kept.
- Document-dependent merging (short form «روته» → «مارك روته», unknown spelling
  variants sharing a fold key) is done by ``EntityRecognizer.annotate``.
- ``canonical_en`` is the gazetteer's English name («NATO», «Pyongyang», «Seoul»).
"""

from __future__ import annotations

from akhbar.text import collapse_spaces, fold_match, restore_article, split_proclitics, strip_article


def canonical_form(name: str) -> str:
    n = collapse_spaces(fold_match(name).replace("-", " ").replace("\u2011", " "))
    first, sep, tail = n.partition(" ")
    # the article never carries a hamza: «ألمانيا», «ألبانيا», «ألكسندر» keep their «أل»,
    # written so or listed as stem «ال» words (akhbar.text.clitics: «المانيا», «الكسندر»)
    if name.lstrip()[:2] in ("أل", "إل", "آل"):
        return n
    return strip_article(first, stem_al=True) + sep + tail


def lookup(text: str, label: str | None = None):
    """Gazetteer entry for ``text`` (also tried without a proclitic), or None."""
    from akhbar.entities import gazetteer as gz

    g = gz.load()
    e = g.get_spelled(text)
    if e is None:
        sp = split_proclitics(fold_match(text).split()[0] if text.strip() else "")
        if sp.cut:
            rest = text.strip()[sp.cut:]
            e = g.get_spelled(restore_article(rest, sp.article and rest.startswith("ل") and not rest.startswith("ال")))
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
