"""Entity identity: one id, one readable name and one matching key per entity.

* ``display_name`` — the name as a reader writes it: the mention's own spelling without
  diacritics, tatweel or invisible marks (hamza, alef and ta marbuta as written), a
  proclitic already cut by the span logic, the article restored after «لل»
  («للولايات المتحدة» → «الولايات المتحدة»).  For a name the knowledge base knows, its
  preferred Arabic spelling («أمريكا» → «الولايات المتحدة»).
* ``alias_key`` — the matching key of a spelling (:func:`akhbar.text.fold_key`, KEY level: hamza/alef/ya/ta
  marbuta folded, ج/غ and ق/ك folded, spaces and hyphens removed, so «بن عبد العزيز» and
  «بن عبدالعزيز» share a key).  The SQL macro ``akhbar_fold`` computes the same key in
  DuckDB so that analysts can look a spelling up (see akhbar/catalog.py).
* ``entity_key`` — the key that decides identity across documents: the knowledge-base
  entry for known names; otherwise the alias key of the display name, for people with
  the Gulf family name «آل …» dropped after a «بن» chain («سلمان بن عبدالعزيز آل سعود» and
  «سلمان بن عبدالعزيز» are one person) and a dangling «آل» removed.
* ``entity_id`` — a short hash of label and entity key: stable across documents, runs and
  machines for as long as the key rules do not change (a key-rule change bumps the
  pipeline version and the data-contract version).

Written by hand: no library resolves Arabic name variants.
"""

from __future__ import annotations

import functools
import hashlib
import re

from akhbar.text import collapse_spaces, fold_display, fold_key

# a dangling family article at the end of a person span: «سلمان بن عبدالعزيز آل»
_DANGLING_AL = re.compile(r"\s+[آا]ل$")
# «… بن … آل سعود»: the family name after a patronymic chain
_FAMILY_TAIL = re.compile(r"^(?P<core>\S+\s+(?:بن|ابن|بنت)\s+.+?)\s+[آا]ل\s+\S+$")


def display_name(text: str) -> str:
    """The readable form of a mention's text (spelling kept, marks removed)."""
    s = fold_display(text).strip("\"'«»“”‘’()[]{}<>.,،:;؛!?؟-–—/\\|*• ")
    s = collapse_spaces(s.replace("\u2011", "-"))
    return _DANGLING_AL.sub("", s)


def alias_key(name: str) -> str:
    """Matching key of a spelling; the SQL macro ``akhbar_fold`` computes the same."""
    return fold_key(name)


def person_core(name: str) -> str:
    """«سلمان بن عبدالعزيز آل سعود» → «سلمان بن عبدالعزيز»: the family name is written
    or left out at will after a «بن» chain; without a «بن» the name is left whole."""
    m = _FAMILY_TAIL.match(name)
    return m.group("core") if m else name


_PATRONYMIC = frozenset({"بن", "ابن", "بنت"})


def short_form_word(words: list[str]) -> str:
    """The word a document uses alone for a person: the surname («مارك روته» → «روته»),
    but the first name of a «بن» chain («سلمان بن عبدالعزيز آل سعود» → «سلمان»: «عبدالعزيز»
    is his father, «سعود» the family)."""
    if any(w in _PATRONYMIC for w in words[1:]):
        return words[0]
    return words[-1]


def entity_key(name: str, label: str, kb_key: str | None = None) -> str:
    if kb_key:
        return "kb:" + kb_key
    if label == "PER":
        name = person_core(name)
    return alias_key(name)


_TITLES_BEFORE = {"الملك": "الملك", "الامير": "الأمير", "الأمير": "الأمير"}


def title_before(text: str, start: int) -> str | None:
    """«الملك» or «الأمير» when it is the word right before ``start`` («خادم الحرمين الشريفين
    الملك سلمان», «للأمير محمد بن نايف»), else None."""
    words = text[max(0, start - 20):start].split()
    if not words:
        return None
    w = fold_display(words[-1])
    if w.startswith("لل"):
        w = "ال" + w[2:]
    elif w[:1] in "وبلف" and w[1:3] == "ال":
        w = w[1:]
    return _TITLES_BEFORE.get(w)


@functools.lru_cache(maxsize=1)
def _person_aliases() -> tuple[dict, dict]:
    from akhbar.entities import kb

    data = kb._resource("person_aliases.json")
    return data["aliases"], data["names"]


def person_alias(name: str, title: str | None = None) -> tuple[str, str | None] | None:
    """(entity key, readable name) of the person a short name stands for in Saudi/Arab news,
    from the corpus counts of akhbar/resources/ner/person_aliases.json (built by
    akhbar/training/build_person_aliases.py): «محمد بن سلمان» → «محمد بن سلمان بن
    عبدالعزيز»; a first name after a royal title, «الملك سلمان» → «سلمان بن عبدالعزيز».
    None when the corpus does not settle it.  After «الملك» a two-part chain is complete
    («الملك فهد بن عبدالعزيز» is the king, not a governor of the same two names)."""
    aliases, names = _person_aliases()
    core = person_core(name)
    if title and len(core.split()) == 1:
        entry = aliases.get(alias_key(f"{title} {core}"))
    elif title == "الملك":
        return None
    else:
        entry = aliases.get(alias_key(core))
        if entry is not None and entry["kind"] != "chain":
            entry = None
    if entry is None:
        return None
    return entry["key"], names.get(entry["key"])


def gazetteer_kb_key(ent) -> str:
    """Knowledge-base key of a model-gazetteer entry: the place list's key where that list
    has the same place (same English name and kind), so that a name only the place list
    knows («مملكة البحرين», «الجمهورية اليمنية») and one both know («البحرين») share one id."""
    if ent.label == "LOC":
        from akhbar.entities import kb

        place = kb.load().by_en.get((ent.en, ent.kind))
        if place is not None:
            return place.kb_key
    return ent.kb_key


def entity_id(label: str, key: str) -> str:
    """Stable id: ``e`` + 15 hex digits of SHA-1 over label and entity key."""
    return "e" + hashlib.sha1(f"{label}\x1f{key}".encode()).hexdigest()[:15]


def kb_aliases() -> dict[str, tuple[str, str, str]]:
    """alias key → (entity_id, name, label) for every name the knowledge bases list, with
    the precedence the recogniser uses (model gazetteer, then organisations, then places):
    lets ``entity('أمريكا')`` find an entity under a spelling the corpus never used."""
    from akhbar.entities import gazetteer as gz
    from akhbar.entities import kb

    out: dict[str, tuple[str, str, str]] = {}
    for key, place in kb.load().index.items():
        out[key] = (entity_id("LOC", entity_key(place.display, "LOC", place.kb_key)), place.display, "LOC")
    for key, org in kb.load_organisations().index.items():
        out[key] = (entity_id("ORG", entity_key(org.display, "ORG", org.kb_key)), org.display, "ORG")
    for key, ent in gz.load().index.items():
        out[key] = (entity_id(ent.label, entity_key(ent.display, ent.label, gazetteer_kb_key(ent))), ent.display, ent.label)
    return out
