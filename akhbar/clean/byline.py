"""Split a byline string into the person, the outlet and the dateline place.

Scraped bylines mix three things in a few words separated by dashes, colons and
brackets: «حاتم العميري- سبق- مكة المكرمة:», «الوئام - رويترز:», «الرس - أحمد
الحمياني:», «فهد المطيري (جدة)، (تصوير: فهد العداين)», ««الاقتصادية» من الرياض».
Each part is classified by what it is, not by its position:

* outlet – a quoted name («الشرق الأوسط», {الشرق الأوسط}), a news agency (رويترز, واس, أ ف ب …),
  or a name this source's bylines repeat (``outlets``: mined per source by
  :class:`akhbar.clean.LineStats`: «سبق», «الوئام»), also inside a longer part
  («بروفايل سبق»);
* place – a place the gazetteer knows (جدة, مكة المكرمة, لندن), or a one- or two-word
  part in brackets after a name («فهد المطيري (جدة)»), or the one short part left
  beside a person or an outlet («عرعر : واس»);
* person – a part that looks like a name (2–5 words, no digits, no function word),
  after role words («متابعة», «حاوره», «بقلم») are dropped.

Photo credits («تصوير: فلان») are not the author and are skipped.  Anything not
recognised leaves the field empty (null), never guessed from position alone.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from akhbar.clean._text import FUNCTION_WORDS, Line, line_key
from akhbar.clean.credits import looks_like_name

# normalised (line_key) agency names; «ا ف ب» is how «أ.ف.ب» / «أ ف ب» normalise
AGENCIES = (
    "رويترز", "ا ف ب", "اف ب", "فرانس برس", "وكاله فرانس برس", "اسوشيتد برس", "ا ب", "د ب ا",
    "الاناضول", "وكاله الاناضول", "سبوتنيك", "شينخوا", "واس", "وام", "قنا", "كونا", "بنا", "العمانيه",
    "وكالات", "وكاله الانباء السعوديه", "سي ان ان", "بي بي سي", "يو بي اي", "ا ش ا", "سانا", "بترا",
)
_AGENCY_SET = frozenset(AGENCIES)
_GENERIC_CREDITS = frozenset({"وكالات"})  # «agencies»: names no agency
_ROLE_WORDS = frozenset(
    "متابعه متابعات حاوره حاورته حاورها حوار بقلم كتب كتبت كتبه اعداد اعدادا ترجمه تحرير تقرير بروفايل "
    "مراسل مراسلنا المحرر محرر خاص بواسطه مكتب".split()
)
_PHOTO_WORDS = ("تصوير", "عدسه", "بعدسه", "الصور", "صور")
_SPLIT_RE = re.compile(r"\s*(?:[:：|/،,؛]|(?<!\d)[\-–—ـ]|[\-–—ـ](?!\d)|(?<=\s)_+(?=\s)|(?:(?<=\s)|^)من\s+(?=\S))\s*")
_BRACKET_RE = re.compile(r"[(«\"“{\[]\s*([^()«»\"“”{}\[\]]+?)\s*[)»\"”}\]]")


@dataclass(slots=True)
class BylineParts:
    person: str | None = None
    outlet: str | None = None
    place: str | None = None


def _is_place(text: str, towns: bool = True) -> bool:
    """A place of the NER gazetteer or, with ``towns``, of the places list (GeoNames:
    «حفر الباطن», «أبها», the Saudi towns that the NER gazetteer does not list; its small
    towns share names with people, «رندة»)."""
    from akhbar.entities import kb
    from akhbar.entities.gazetteer import load

    entry = load().get(text)
    return (entry is not None and entry.label == "LOC") or (towns and kb.load().get(text) is not None)


def _is_country(text: str) -> bool:
    from akhbar.entities import kb
    from akhbar.entities.gazetteer import load

    entry = load().get(text)
    if entry is not None and entry.label == "LOC" and entry.kind in ("country", "region"):
        return True
    place = kb.load().get(text)
    return place is not None and place.kind in ("country", "region")


def _clean_part(text: str) -> str:
    return text.strip(" \t:：-–—ـ|/،,.()«»\"“”{}[]")


def is_sentence(text: str) -> bool:
    """A sentence (a record's first bullet in its author field: «- لماذا لا يطوَّر نظام …؟»),
    not a byline: over 12 words, or ending like a sentence."""
    text = text.strip()
    return len(line_key(text).split()) > 12 or text.rstrip(" \"'»”)")[-1:] in ".؟?!"


def split_byline(byline: str | None, outlets: Collection[str] = (), own: Collection[str] = ()) -> BylineParts:
    """Person, outlet and dateline place of a byline string (each None when absent).
    ``outlets``: words the source's bylines repeat; ``own``: the source's own name (a
    whole part, normalised: «المدينه», «عين اليوم»), mined by :class:`akhbar.clean.LineStats`."""
    out = BylineParts()
    if not byline or not byline.strip():
        return out
    text = byline.strip()
    if is_sentence(text):
        return out
    # bracketed and quoted parts first: «(جدة)», «(تصوير: …)», «الشرق الأوسط»
    parts: list[tuple[str, str]] = []  # (text, how: "quoted" | "bracket" | "plain")
    pos = 0
    for m in _BRACKET_RE.finditer(text):
        parts.append((text[pos: m.start()], "plain"))
        inner = m.group(1)
        parts.append((inner, "quoted" if m.group(0)[0] in "«\"“{" else "bracket"))
        pos = m.end()
    parts.append((text[pos:], "plain"))
    pieces: list[tuple[str, str]] = []
    after_comma: set[int] = set()  # pieces that follow a comma («بدر العتيبي، عبدالله البرقاوي»)
    for chunk, how in parts:
        if how == "plain":
            prev_end = 0
            for m in _SPLIT_RE.finditer(chunk):
                pieces.append((chunk[prev_end: m.start()], "plain"))
                if m.group(0).strip() in ("،", ","):
                    after_comma.add(len(pieces))
                prev_end = m.end()
            pieces.append((chunk[prev_end:], "plain"))
        else:
            pieces.append((chunk, how))
    outlet_keys = {line_key(o) for o in outlets}
    own_keys = {line_key(o) for o in own}
    skip_next = False
    leftovers: list[str] = []
    own_hit: str | None = None
    prev: str | None = None  # the last plain part read when it can be a city («كوجالي (تركيا)»)
    last_person = -2  # index of the last piece read as the person or a co-author
    co_authors: list[str] = []
    maybe_co_authors: list[str] = []  # names with only places between: kept if the byline names a known place
    known_place = False
    only_places_since = False  # every part read since the last reporter was a place or a role
    for idx, (raw, how) in enumerate(pieces):
        part = _clean_part(raw)
        if not part:
            continue
        key = line_key(part)
        words = key.split()
        if not words:
            continue
        if skip_next:
            skip_next = False
            if how != "quoted":
                continue
        if words[0] in _PHOTO_WORDS:
            skip_next = len(words) == 1  # «تصوير: فلان»: the name is the next part
            continue
        if words[0] in _ROLE_WORDS:  # «متابعة - مريم الجابر», «بروفايل سبق»
            part = _clean_part(part.split(None, 1)[1]) if len(words) > 1 else ""
            if not part:
                continue
            key = line_key(part)
            words = key.split()
        city, prev = prev, None
        if key in own_keys and how != "quoted":
            own_hit = own_hit or part  # the paper crediting itself: a named agency beside it wins
            only_places_since = False
            continue
        if how == "quoted" or key in _AGENCY_SET or key in outlet_keys:
            out.outlet = out.outlet or part
            only_places_since = False
            continue
        inner = [w for w in words if w in outlet_keys or w in _AGENCY_SET]
        if inner and len(words) <= 3 and not looks_like_name(Line(pos=0, no=0, text=part)):
            # the outlet word as written; a word glued to it by a quote («دبي"رويترز») has no
            # whitespace-separated form: the part then stands for the outlet
            out.outlet = out.outlet or next((w for w in part.split() if line_key(w) in inner), part)
            continue
        if how == "bracket" and re.search(r"[،,]", part):
            subs = [p for p in (_clean_part(x) for x in re.split(r"[،,]", part)) if p]
            if subs and all(_is_place(p) for p in subs):
                out.place = out.place or subs[0]  # «واس (برلين، مدريد)»: places, not a person
                continue
        if how == "bracket" and city is not None and _is_country(part):
            # a country in brackets after its city: the city is the dateline place
            out.place = city
            if city in leftovers:
                leftovers.remove(city)
            continue
        if _is_place(part):
            known_place = True
            if out.place is None or (how == "bracket" and not (co_authors or maybe_co_authors)):
                out.place = part  # with several reporters, the first one's city
            prev = part if how == "plain" else None
            continue
        if how == "bracket" and len(words) <= 2 and out.person is not None:
            out.place = out.place or part
            continue
        if out.person is None and 2 <= len(words) <= 5 and not any(w in FUNCTION_WORDS for w in words) and (
            looks_like_name(Line(pos=0, no=0, text=part)) or not re.search(r"\d", part)
        ) and not words[0].startswith("ال"):
            out.person = part
            last_person = idx
            only_places_since = True
            continue
        if out.person is not None and 2 <= len(words) <= 5 and looks_like_name(Line(pos=0, no=0, text=part)) \
                and not _is_place(part.split()[0], towns=False) and not _is_place(" ".join(part.split()[:2]), towns=False):
            # another reporter: after a comma («بدر العتيبي، عبدالله البرقاوي»), or with only
            # places between in a byline that names a known place («بروكسل: عبد الله مصطفى -
            # واشنطن: محمد علي صالح», «عبد الرحمن الحربي - عبدالعزيز الزهراني - جدة»; in
            # «منيس الشيحي - حفر الباطن» the second part is the place); never after an outlet
            # («مكة - الوئام - فلان»)
            if idx in after_comma and all(not _clean_part(pieces[k][0]) for k in range(last_person + 1, idx)):
                co_authors.append(part)
                last_person = idx
                continue
            if only_places_since:
                maybe_co_authors.append(part)
                last_person = idx
                continue
        only_places_since = False
        if key.removeprefix("ال") in _AGENCY_SET:
            continue  # the generic credit «الوكالات»: neither a place nor an outlet
        leftovers.append(part)
        prev = part if how == "plain" and len(words) <= 2 else None
    if own_hit and (out.outlet is None or line_key(out.outlet).removeprefix("ال") in _GENERIC_CREDITS):
        out.outlet = own_hit  # «سبق - وكالات»: the paper, not the generic «agencies»
    # one short leftover beside a person or an outlet is the dateline place
    # («الرس - أحمد الحمياني», «عرعر : واس»)
    if known_place:
        co_authors += maybe_co_authors
    else:
        leftovers += maybe_co_authors
    if out.place is None and (out.person or out.outlet) and len(leftovers) == 1 and len(leftovers[0].split()) <= 2:
        out.place = leftovers[0]
    if co_authors and out.person:
        out.person = "، ".join(dict.fromkeys([out.person, *co_authors]))
    return out


def outlet_candidates(byline: str | None) -> set[str]:
    """The words of the parts of a byline that could name the outlet (for counting across
    a source's documents): normalised, not a function word."""
    out: set[str] = set()
    for key in outlet_parts(byline):
        out.update(w for w in key.split() if w not in FUNCTION_WORDS and len(w) > 2)
    return out


def outlet_parts(byline: str | None, names: bool = False) -> set[str]:
    """The parts of a byline that could name the outlet: normalised, one to three words,
    not a place, not a role or photo credit, not a person's name (with ``names``, a part
    that looks like one is kept when the byline has another part: «عين اليوم – جدة»)."""
    if not byline:
        return set()
    out = set()
    raws = _SPLIT_RE.split(_BRACKET_RE.sub(lambda m: " - " + m.group(1) + " - ", byline))
    several = sum(1 for raw in raws if line_key(_clean_part(raw))) >= 2
    for raw in raws:
        part = _clean_part(raw)
        key = line_key(part)
        words = key.split()
        if not 1 <= len(words) <= 3 or words[0] in _ROLE_WORDS or words[0] in _PHOTO_WORDS:
            continue
        if _is_place(part) or (looks_like_name(Line(pos=0, no=0, text=part)) and not (names and several)):
            continue
        out.add(key)
    return out


__all__ = ["AGENCIES", "BylineParts", "is_sentence", "outlet_candidates", "outlet_parts", "split_byline"]
