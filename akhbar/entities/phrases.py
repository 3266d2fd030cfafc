"""Organisation and place noun phrases found by their head noun.

ANERcorp, on which the models are trained, leaves generic-looking institutions untagged
(«وزارة الصحة», «مجلس الوزراء», «هيئة الهلال الأحمر»); real-news readers want them as
organisations.  These rules find them by Arabic noun-phrase structure:

    ORG  = head (وزارة، هيئة، مستشفى …) + genitive chain + attributes
    LOC  = place cue (محافظة، منطقة، مديرية …) + a place name

* the genitive chain: up to two indefinite nouns closed by a definite one
  («هيئة حقوق الإنسان», «وزارة الصحة»), or a title and a name («مستشفى الملك فهد»);
* attributes after it: nisba adjectives («العربي السعودي», «الإسلامية»), a short list of
  other adjectives («الأعلى», «العامة», «الأحمر»), co-ordinated definite nouns
  («والدعوة والإرشاد») and «ل/لل» complements («الاتحاد الدولي لكرة القدم»);
* it stops at punctuation, a number, a verb-like indefinite word, time words
  («اليوم», «أمس», weekdays) and «ب»/«في» phrases («جمعية الثقافة والفنون بجدة» keeps
  «بجدة» out).

A definite head («الهيئة العامة للرياضة») needs at least one attribute: «الوزارة» alone is
a reference, not a name.  Written by hand: no library parses Arabic noun phrases offline.
Pure functions over tokens with offsets (akhbar.text.tokenize).
"""

from __future__ import annotations

import functools
from typing import NamedTuple

from akhbar.text import Token, fold_key_word, fold_match, fold_words, split_proclitics
from akhbar.text.caches import WORD_CACHE_MAX

_set = fold_words  # KEY level, article stripped


ORG_HEADS = _set(
    "وزارة هيئة لجنة مجلس وكالة مؤسسة شركة جامعة كلية معهد مستشفى مستوصف مدرسة نادي منتخب مركز "
    "اتحاد جمعية منظمة حزب جماعة تنظيم جبهة قوات جيش شرطة إدارة أمانة بلدية محكمة نيابة "
    "ديوان رئاسة عمادة صندوق بنك مصرف مجموعة غرفة صحيفة جريدة قناة إذاعة مجمع مكتب سفارة قنصلية "
    "تحالف مرصد تلفزيون مقاومة فندق "
    "مديرية المديرية الإدارة المديرية هيئات مجالس وكالات"
)
# heads that name an organisation only with a following genitive, never alone or with
# an adjective only («الحكومة اليمنية» is not in the list: a description, not a name)
# heads that take an organisation's name only as a title and a person's name («مركز الملك
# سلمان للإغاثة»): alone or with a common noun they are a place or a rank («المركز الأول»)
TITLE_ONLY_ORG_HEADS = _set("مركز")
# heads that name a body only with the article and an adjective («المقاومة الشعبية», «التحالف
# العربي», «المرصد السوري»), never with a genitive («مقاومة الاحتلال» is resisting the
# occupation, «تحالف تقوده السعودية» a coalition led by Saudi Arabia)
DEFINITE_ONLY_ORG_HEADS = _set("مقاومة تحالف مرصد تلفزيون")
# heads whose name may be a place, written without the article: «منتخب انجلترا», «جامعة
# دمشق», «بلدية جدة» (an organisation, not the place)
PLACE_NAMED_ORG_HEADS = _set("منتخب نادي جامعة بلدية أمانة شرطة محكمة سفارة قنصلية")
PLACE_CUES_STRONG = _set("محافظة مديرية بلدة قرية حي مقاطعة إقليم ولاية إمارة ناحية قضاء")
_CITY_CUE = _set("مدينة")
# places named after a person: «شارع الملك فهد», «ممشى الملك خالد», «مدينة عيسى»
PERSON_NAMED_PLACE_CUES = _set("شارع طريق ممشى جسر ميدان دوار تقاطع حي مدينة ساحة كورنيش مطار ميناء ملعب استاد")
PLACE_CUES = PLACE_CUES_STRONG | _set("منطقة مدينة جزيرة وادي جبل مطار ميناء شارع")
_PLACE_CUE_HEADS = PLACE_CUES | PERSON_NAMED_PLACE_CUES  # words _place_at does not split
TITLE_GENITIVES = _set("الملك الأمير الإمام الشيخ الرئيس السلطان")
NAME_LINKS = _set("بن ابن بنت آل ال عبد أبو أبي")
ADJECTIVES = _set(
    "الأعلى العليا العامة العام الأحمر الكبرى الكبير المتحدة الخاصة الخاص الأهلي الأهلية "
    "المركزي المركزية المدني المدنية الوطني الوطنية الدولي الدولية الحكومي الحكومية الأول "
    "المستقلة الموحد الموحدة المشتركة المشترك المفتوحة الشعبية الشعبي"
)
_STOP_DEFINITES_TEXT = (
    "اليوم الأمس أمس الماضي الماضية المقبل المقبلة الحالي الحالية الجاري الجارية السابق السابقة "
    "الأسبق الذي التي الذين اللذين اللتين الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة "
    "السبت الجديد الجديدة الآن فقط أيضا الأخيرة الأخير الحالة الحالات"
)
STOP_DEFINITES = _set(_STOP_DEFINITES_TEXT)


def _spelled(words: str) -> frozenset[str]:
    """KEY forms without the letter folds: a stop word is matched as spelled («سابك», SABIC,
    folds onto «السابق» through ق/ك)."""
    return frozenset(fold_key_word(w, article=True, letters=False) for w in words.split())


def _spelled_rest(tok: Token) -> str:
    """A token without proclitics and article, KEY level without the letter folds."""
    return fold_key_word(split_proclitics(fold_match(tok.text)).rest, article=False, letters=False)


_STOP_SPELLED = _spelled(_STOP_DEFINITES_TEXT)
_PLACE_REFERENCES = _set("المحافظة المنطقة المدينة العاصمة البلدة القرية")
_TIME_ADJECTIVES = _set("الماضي الماضية المقبل المقبلة الجاري الجارية المنصرم القادم القادمة")
_GENERIC_PLACES = _set("الدولة البلاد العاصمة المملكة الوطن الحدود الشمالية الجنوبية")
_TIME_WORDS = _set("أمس اليوم غدا صباح مساء ظهر عصر فجر")


class Phrase(NamedTuple):
    start: int  # character offsets (into the text the tokens index)
    end: int
    label: str
    rule: str


def _word(tok: Token) -> bool:
    return tok.text[:1].isalpha()


_NO_HEADS: frozenset[str] = frozenset()


def _parts(tok: Token, heads: frozenset[str] = _NO_HEADS) -> tuple[str, bool, str, int]:
    """(proclitic, has article, folded rest without article, cut) of a token.  A word
    that is itself in ``heads`` is not split («وزارة» is not «و» + «زارة»)."""
    return _word_parts(tok.text, heads)


@functools.lru_cache(maxsize=WORD_CACHE_MAX)
def _word_parts(word: str, heads: frozenset[str]) -> tuple[str, bool, str, int]:
    """:func:`_parts` of a token's text (cached: the vocabulary repeats; ``heads`` are the
    module's constant sets, so a cache key compares them by identity)."""
    w = fold_match(word)
    whole = fold_key_word(w, article=True)
    if whole in heads:
        return "", w.startswith("ال"), whole, 0
    sp = split_proclitics(w)
    return sp.prefix, sp.article, fold_key_word(sp.rest, article=False), sp.cut


def _is_nisba(rest: str) -> bool:
    return len(rest) >= 4 and (rest.endswith("ي") or rest.endswith("يه"))


# heads of parties and movements: their adjective is their name («الحزب الجمهوري», «الحزب
# الشيوعي», «الجبهة الشعبية»)
MOVEMENT_HEADS = _set("حزب جبهة حركة تيار")
# relational adjectives of a region, a community or a court that, like a nationality, single
# one body out after a definite head («الاتحاد الآسيوي», «اللجنة الأولمبية», «الديوان الملكي»)
REGION_ADJECTIVES = _set(
    "الإسلامي الإسلامية الآسيوي الآسيوية الأفريقي الأفريقية الإفريقي الإفريقية العالمي العالمية "
    "الأممي الأممية الأولمبي الأولمبية الخليجي الخليجية العربي العربية الأوروبي الأوروبية "
    "الملكي الملكية الأميري الأميرية السلطاني السلطانية"
)


def _naming_adjective(rest: str, places: frozenset[str] = frozenset()) -> bool:
    """An adjective that makes a definite head a name: a nationality or region («السفارة
    السعودية», «الاتحاد الآسيوي», «المنتخب المكسيكي») or one of :data:`ADJECTIVES` («الهيئة
    العامة», «الهلال الأحمر»), not a description («اللجنة الفنية», «الصندوق الخيري»,
    «المجالس البلدية»)."""
    if rest in ADJECTIVES or rest in REGION_ADJECTIVES:
        return True
    from akhbar.entities.gazetteer import load

    return load().is_nationality(rest) or _place_nisba(rest, places)


def _place_nisba(rest: str, places: frozenset[str] = frozenset()) -> bool:
    """A relational adjective made from a listed country or region: «مكسيكي» (المكسيك),
    «برازيلي» (البرازيل), «روسي» (روسيا), «ألماني» (ألمانيا); not «رياضي» (sporting) from
    the city «الرياض»."""
    from akhbar.entities import kb

    stem = rest[:-2] if rest.endswith("يه") else rest[:-1] if rest.endswith("ي") else ""
    if len(stem) < 3:
        return False
    index = kb.load().index
    for k in (rest, stem, "ال" + stem, stem + "ا", stem + "يا", "ال" + stem + "ه"):
        place = index.get(k)
        if place is not None and place.kind in ("country", "region"):
            return True
    return False


_OPEN_QUOTES = set('"«“\'')
_CLOSE_QUOTES = set('"»”\'')
NAME_HEADS = _set("نادي شركة صحيفة جريدة قناة وكالة فريق مجموعة بنك مصرف مستشفى")


def _quoted_name(toks: list[Token], k: int) -> int | None:
    """End index (exclusive, after the closing quote's word) of a 1-4 word quoted name at ``k``."""
    if k >= len(toks) or toks[k].text not in _OPEN_QUOTES:
        return None
    for m in range(k + 2, min(k + 6, len(toks))):
        if toks[m].text in _CLOSE_QUOTES:
            return m if all(_word(t) for t in toks[k + 1:m]) else None
        if not _word(toks[m]):
            return None
    return None


def name_tail(text: str, phrase: "Phrase", toks: list[Token]) -> str | None:
    """The proper-name part of a phrase whose head names a single entity («نادي التعاون» →
    «التعاون», «محافظة ضرماء» → «ضرماء»): the document may use it alone later."""
    inner = [t for t in toks if phrase.start < t.end and t.start < phrase.end and _word(t)]
    if len(inner) < 2 or len(inner) > 4:
        return None
    head = fold_key_word(fold_match(text[max(phrase.start, inner[0].start):inner[0].end]), article=True)
    if head not in NAME_HEADS and head not in PLACE_CUES:
        return None
    sp = split_proclitics(fold_match(inner[1].text))
    if _is_nisba(fold_key_word(sp.rest, article=False)) or fold_key_word(sp.rest, article=False) in ADJECTIVES:
        return None  # «الجريدة الرسمية»: an adjective, not a name
    return " ".join(t.text for t in inner[1:])


def _title_name_end(toks: list[Token], j: int, places: frozenset[str] = frozenset()) -> int:
    """End (exclusive) of the person's name after a title at ``j`` («الملك» + «فهد»,
    «الشيخ» + «عيسى بن سلمان»): up to four words, not a definite word, a time word or a
    stop word; ``j + 1`` when no name follows."""
    from akhbar.entities.model import _name_like

    n = len(toks)
    k = j + 1
    while k < n and k - j <= 4 and _word(toks[k]):
        w = fold_match(toks[k].text)
        fw = fold_key_word(w, article=False)
        after_link = k > j + 1 and fold_key_word(fold_match(toks[k - 1].text), article=False) in NAME_LINKS
        if (fw.startswith("ال") and fw not in NAME_LINKS and not (after_link and fw.startswith("ال"))) \
                or fw in STOP_DEFINITES \
                or fw[:3] in ("بال", "وال", "فال") or fw[:2] == "لل" or fw in _TIME_WORDS \
                or fw in _NAME_STOPS or (fw[:1] in "وف" and fw[1:] in _NAME_STOPS) \
                or (fw[:1] in "بلوف" and fold_key_word(w[1:], article=False) in places):
            break  # «ممشى الملك خالد» + «بأبها»
        if k > j + 1 and not after_link and fw not in NAME_LINKS and not _name_like(toks[k].text):
            break  # «طريق الملك فهد» + «أعلى كوبري»: the name's further words look like names
        k += 1
    return k


# prepositions a verbal noun governs: «للسيطرة على …» is a purpose, «للجوازات في السعودية» a name
_PURPOSE_PREPOSITIONS = _set("على إلى الى عن ضد مع")
# words that end a name: prepositions and particles («شارع الشيخ سلمان وعلى مداخل …»)
_NAME_STOPS = _set("في من على إلى الى عن مع عند لدى منذ حتى بين ثم أو أن إن كما حيث بعد قبل خلال عبر نحو حول ضد")


def _whole_word(word: str) -> bool:
    """SaudiNewsNet's counts read ``word`` without a proclitic (akhbar.entities.features
    ``smart_split``): «لودر», «لحج», «بنغازي» are names, not «ل» + «ودر»; a short word or a
    particle after the letter is the proclitic's («وفي»)."""
    from akhbar.entities.features import smart_split

    w = fold_match(word)
    rest = fold_key_word(split_proclitics(w).rest, article=False)
    return len(w) >= 4 and rest not in _NAME_STOPS and smart_split(w)[3] == 0


def _listed_org(words: list[Token], cut: int) -> bool:
    """The words (the first without its first ``cut`` letters) are a listed organisation."""
    from akhbar.entities import kb

    text = " ".join([words[0].text[cut:]] + [t.text for t in words[1:]])
    return kb.load_organisations().get(text) is not None


def _known_name(word: str) -> bool:
    """A word the model gazetteer lists as an organisation («داعش», «أوبك»)."""
    from akhbar.entities.gazetteer import load

    e = load().get_spelled(word)
    return e is not None and e.label == "ORG"


def _district(tok: Token, places: frozenset[str]) -> bool:
    """The word after «مديرية» names a district («مديرية لودر», «مديرية الرضمة»), not a
    directorate («مديرية الشؤون الصحية»): a listed place, a word of a place cluster, or a
    rare word (SaudiNewsNet counts, akhbar.entities.kb)."""
    from akhbar.entities import kb

    w = fold_match(tok.text)
    if fold_key_word(w, article=False) in places or fold_key_word(w) in places:
        return True
    share = kb.place_share(w)
    return share is None or share >= kb.PLACE_CLUSTER_MIN_SHARE or kb.word_count(w) < 50


_DISTRICT_HEADS = _set("مديرية")
_CHAIR_HEADS = _set("رئاسة")


def _org_at(toks: list[Token], i: int, places: frozenset[str] = frozenset()) -> Phrase | None:
    pre, art, rest, cut = _parts(toks[i], ORG_HEADS)
    if pre not in ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل", "ك"):
        return None
    if rest not in ORG_HEADS:
        return None
    n = len(toks)
    if rest in TITLE_ONLY_ORG_HEADS and (art or i + 1 >= n or _parts(toks[i + 1])[0]
                                         or _parts(toks[i + 1])[2] not in TITLE_GENITIVES):
        return None
    if rest in DEFINITE_ONLY_ORG_HEADS and not art:
        return None
    if rest in _CHAIR_HEADS and pre.endswith("ب"):
        return None  # «برئاسة المهندس …»: chaired by, not a presidency
    if rest in _DISTRICT_HEADS and not art and i + 1 < n and _word(toks[i + 1]) and _district(toks[i + 1], places):
        return None  # a district: a place cue (_place_at)
    start = toks[i].start + cut
    quoted = _quoted_name(toks, i + 1)
    if quoted and not art:  # «وكالة "الأناضول"», «صحيفة «الحياة»»: the quoted name
        return Phrase(toks[i + 2].start, toks[quoted - 1].end, "ORG", "org_head_quoted")
    j = i + 1
    closed = art  # a definite word ends the genitive chain
    indefinite = 0
    attrs = 0
    naming = 0  # attributes that single one body out (not «اللجنة الفنية», «الصندوق الخيري»)
    person_end = -1  # after a person's name, «و» starts another body: «مستشفى الملك فهد والمانع»
    named = False  # the chain ended on a listed name
    while j < n and j - i <= 7:
        tok = toks[j]
        if not _word(tok) or tok.text[:1].isdigit():
            break
        p, a, r, _ = _parts(tok)
        if (p in ("", "و", "ف") and r in STOP_DEFINITES and _spelled_rest(tok) in _STOP_SPELLED) or r in _TIME_WORDS:
            break
        if j + 1 < n and _word(toks[j + 1]) and _parts(toks[j + 1])[2] in _TIME_ADJECTIVES:
            break  # «العام الماضي», «الأسبوع المقبل»: a time, not an attribute
        if not closed:
            if p == "" and a:  # «وزارة الصحة», «مستشفى الملك»
                if r in _PLACE_REFERENCES and j == i + 1:
                    return None  # «أمانة المحافظة», «إمارة المنطقة»: the body of a place named before
                closed = True
                if r in TITLE_GENITIVES:  # «مستشفى الملك فهد», «جامعة الملك عبدالعزيز»
                    k = _title_name_end(toks, j, places)
                    if k == j + 1:
                        return None
                    j = k
                    person_end = j
                    attrs += 1
                    naming += 1
                    continue
                j += 1
                attrs += 1
                naming += 1
                continue
            if (p == "" and not a and indefinite == 0 and not art and rest in PLACE_NAMED_ORG_HEADS
                    and fold_key_word(fold_match(tok.text), article=False) in places):
                closed = True  # «منتخب انجلترا», «جامعة دمشق»: the place names the body
                j += 1
                attrs += 1
                naming += 1
                continue
            if p == "" and not a and _known_name(tok.text):
                closed = True  # «تنظيم داعش»: a name ends the chain («العملية» after it is no genitive)
                named = True
                j += 1
                attrs += 1
                naming += 1
                continue
            if p == "" and not a and indefinite < 2 and len(r) >= 3:  # «هيئة حقوق الإنسان»
                indefinite += 1
                j += 1
                continue
            break
        # after the chain: attributes and complements
        if not named and _listed_org(toks[i:j], cut):
            named = True  # «المقاومة الشعبية» + «الموالية للرئيس»: a listed name takes naming adjectives only
        if p == "" and a and (_is_nisba(r) or r in ADJECTIVES):
            if named and not _naming_adjective(r, places):
                break  # after a listed name only a naming adjective: «تنظيم داعش» + «العملية الإعلامية»
            j += 1
            attrs += 1
            naming += rest in MOVEMENT_HEADS or _naming_adjective(r, places)
            continue
        if p == "و" and a and not art and (r not in ORG_HEADS or r in DEFINITE_ONLY_ORG_HEADS) and j != person_end:
            # «والدعوة والإرشاد», «هيئة الإذاعة والتلفزيون» (not «والاتحاد …»)
            j += 1
            attrs += 1
            naming += 1
            continue
        if p == "ل" and ((art and attrs > 0) or person_end > 0):
            # a definite head's complement after its adjective: «الاتحاد الدولي لكرة القدم», «الهيئة
            # العامة للرياضة» (not «الجامعة» + «للكثير»); or after a
            # person's name: «مركز الملك سلمان للإغاثة», «جامعة الملك عبدالله للعلوم والتقنية»;
            # not a purpose with its own preposition: «المقاومة الشعبية» + «للسيطرة على …»
            if j + 1 < n and fold_key_word(fold_match(toks[j + 1].text), article=False) in _PURPOSE_PREPOSITIONS:
                break
            if a:
                j += 1
                attrs += 1
                naming += 1
                continue
            if j + 1 < n and _word(toks[j + 1]):
                p2, a2, _r2, _ = _parts(toks[j + 1])
                if p2 == "" and a2:
                    j += 2
                    attrs += 1
                    naming += 1
                    continue
            break
        break
    if not closed and indefinite == 0:
        return None
    if not closed:
        return None
    if art and naming == 0:
        return None  # «الوزارة» alone; «اللجنة الفنية», «الصندوق الخيري», «المجالس البلدية»: a description
    if j - i < 2:
        return None
    # trailing «و…» / «ل…» attribute dangling at the end is fine; trailing stop handled above
    return Phrase(start, toks[j - 1].end, "ORG", "org_head")


def _place_at(toks: list[Token], i: int, places: frozenset[str]) -> Phrase | None:
    pre, art, rest, cut = _parts(toks[i], _PLACE_CUE_HEADS)
    if art or pre not in ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"):
        return None
    if rest not in PLACE_CUES and rest not in PERSON_NAMED_PLACE_CUES:
        return None
    if i + 1 >= len(toks) or not _word(toks[i + 1]):
        return None
    p, a, r, _ = _parts(toks[i + 1])
    if p and not _whole_word(toks[i + 1].text):
        return None
    if p:  # «مديرية لودر», «محافظة لحج»: the «ل» is the name's («ودر» is no word)
        p, a, r = "", False, fold_key_word(fold_match(toks[i + 1].text), article=False)
    full = fold_key_word(fold_match(toks[i + 1].text), article=False)
    if a and r in TITLE_GENITIVES and rest in PERSON_NAMED_PLACE_CUES:  # «شارع الملك فهد», «ممشى الملك خالد»
        k = _title_name_end(toks, i + 1, places)
        if k == i + 2:
            return None
        label = "LOC"
        while k < len(toks) and _word(toks[k]) and k - i <= 9:
            pk, ak, rk, _ = _parts(toks[k])
            if not pk and ak and _is_nisba(rk):  # «مطار الملك عبدالعزيز الدولي»
                k += 1
            elif ak and rest in _CITY_CUE and (pk == "ل" or (pk == "و" and label == "ORG")):
                label = "ORG"  # «مدينة الملك عبدالعزيز للعلوم والتقنية»: a body, not a place
                k += 1
            else:
                break
        return Phrase(toks[i].start + cut, toks[k - 1].end, label, "place_cue_person")
    if rest not in PLACE_CUES:
        return None  # «تقاطع», «ممشى»: only with a person's name
    if r in STOP_DEFINITES or len(full) < 3 or r in PLACE_CUES or r in _GENERIC_PLACES:
        return None  # «إمارة المنطقة», «محافظة العاصمة»: a reference, not a name
    j = i + 2
    # a two-word name: «دومة الجندل», «مكة المكرمة», «ظهران الجنوب»
    if j < len(toks) and _word(toks[j]):
        p2, a2, r2, _ = _parts(toks[j])
        two = full + fold_key_word(fold_match(toks[j].text), article=False)
        if (not p2 and a2 and not a and r2 not in STOP_DEFINITES and not _is_nisba(r2)) or two in places:
            j += 1
    known = full in places or fold_key_word(fold_match(toks[i + 1].text)) in places
    if rest not in PLACE_CUES_STRONG and not known:
        return None  # «منطقة آمنة», «مدينة كبيرة»: only a listed place after a weak cue
    if not known and not _district(toks[i + 1], places):
        return None  # «قضاء فترة» (to spend a while), «ولاية» + a common word: no place
    if _is_nisba(r) and not known:
        return None  # «المنطقة الشرقية» is listed; «محافظة سكانية» is not a place
    return Phrase(toks[i].start + cut, toks[j - 1].end, "LOC", "place_cue")


_LATIN_NOT_ORGS = frozenset(
    "AM PM GMT UTC KM CM MM KG GB MB TB KB HD TV PC PDF USB SMS GPS DNA HIV ID OK VS CEO CFO PR IT "
    "FM AC DC LED LCD SUV VIP MP AR EN UK US USA EU UAE KSA PH UV HQ".split())
_LATIN_ORG_HEADS = _set("شركة شبكة صحيفة موقع قناة وكالة مجموعة بنك منظمة مؤسسة تطبيق")


def _latin(tok: Token) -> bool:
    return tok.text.isascii() and tok.text[:1].isalpha()


def _latin_org_at(toks: list[Token], i: int) -> Phrase | None:
    """Latin-script organisation names in Arabic text: an acronym («CNN», «IBM»), or
    capitalised words after an organisation head («شركة Apple», «موقع Twitter»)."""
    tok = toks[i]
    if not _latin(tok) or (i > 0 and _latin(toks[i - 1])):
        return None
    j = i
    while j < len(toks) and j - i < 4 and _latin(toks[j]) and toks[j].text[:1].isupper():
        j += 1
    if j == i:
        return None
    if j == i + 1 and 2 <= len(tok.text) <= 6 and tok.text.isupper() and tok.text not in _LATIN_NOT_ORGS:
        if j < len(toks) and toks[j].text in ("-", "/", ".") or i > 0 and toks[i - 1].text[:1].isdigit():
            return None  # «F-16», «3 GB»
        return Phrase(tok.start, tok.end, "ORG", "latin_acronym")
    if i > 0 and _parts(toks[i - 1], _LATIN_ORG_HEADS)[2] in _LATIN_ORG_HEADS:
        return Phrase(tok.start, toks[j - 1].end, "ORG", "latin_after_head")
    return None


@functools.lru_cache(maxsize=WORD_CACHE_MAX)
def _may_open(word: str) -> bool:
    """A token that :func:`_org_at`, :func:`_place_at` or :func:`_latin_org_at` may start a
    phrase at: an organisation head, a place cue, or a Latin word (each of them returns None
    at once for any other token).  Cached: most tokens open nothing."""
    return (_word_parts(word, ORG_HEADS)[2] in ORG_HEADS
            or _word_parts(word, _PLACE_CUE_HEADS)[2] in _PLACE_CUE_HEADS
            or (word.isascii() and word[:1].isalpha()))


def find_phrases(toks: list[Token], places: frozenset[str] = frozenset()) -> list[Phrase]:
    """Organisation and place phrases of one sentence, left to right, non-overlapping.
    ``places``: fold keys (:func:`akhbar.text.fold_key_word`, article kept) of
    known place names."""
    out: list[Phrase] = []
    i = 0
    while i < len(toks):
        if not _may_open(toks[i].text):
            i += 1
            continue
        ph = _org_at(toks, i, places) or _place_at(toks, i, places) or _latin_org_at(toks, i)
        if ph is None:
            i += 1
            continue
        out.append(ph)
        while i < len(toks) and toks[i].start < ph.end:
            i += 1
    return out


# --- co-ordinated lists after a plural or dual head ---------------------------------------
# «أسهم شركات مدينة المعرفة، وفيبكو وموبايلي», «مناطق الجفينة والسائلة والتباب السود»,
# «محافظتي عدن ولحج»: each item is a name of the head's kind
LIST_HEADS = {
    **{w: "ORG" for w in _set("شركات شركتي بنوك بنكي مصارف أندية ناديي صحف صحيفتي قنوات قناتي منظمات "
                               "منظمتي جامعات جامعتي أحزاب فصائل")},
    **{w: "LOC" for w in _set("مناطق منطقتي مدن مدينتي محافظات محافظتي قرى قريتي أحياء حيي مديريات "
                               "مديريتي بلدات بلدتي ولايات ولايتي عواصم جزر جزيرتي")},
}
_LIST_STOPS = _spelled(
    "في من على إلى الى عن مع عند لدى منذ حتى بين ثم أو أن إن كما حيث بعد قبل خلال عبر نحو حول ضد مثل "
    "منها منهم التي الذي الذين التى وهي وهو الأكثر الأقل أكثر أقل قائمة رأس جميعها جميعهم كلها كلهم "
    "بعضها معظمها أغلبها غيرها وغيرها إضافة بالإضافة أخرى آخرى أخر الأخرى"
) | _STOP_SPELLED


def _bare_conj(w: str) -> str:
    return w[1:] if w[:1] == "و" and len(w) > 3 else w
_DIRECTIONS = _set("شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي")
LIST_ITEM_MAX_WORDS = 3


class ListItem(NamedTuple):
    start: int  # character offsets of the item (proclitic «و» left out)
    end: int
    first: int  # token indexes [first, last)
    last: int


def list_head(tok: Token) -> str | None:
    """The label of a plural or dual head noun («شركات», «محافظتي»), with a preposition or
    conjunction before it but without the article; None for other words."""
    return _list_head_word(tok.text)


_LIST_HEAD_KEYS = frozenset(LIST_HEADS)


@functools.lru_cache(maxsize=WORD_CACHE_MAX)
def _list_head_word(word: str) -> str | None:
    pre, art, rest, _cut = _parts(Token(word, 0, len(word)), _LIST_HEAD_KEYS)
    if art or pre not in ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"):
        return None
    return LIST_HEADS.get(rest)


def list_items(toks: list[Token], i: int, label: str = "ORG") -> list[ListItem]:
    """The co-ordinated names after the head at ``i``: items of one to three words joined by
    «و», «،» or «,», up to a stop word («الأكثر», «على», «التي» …), a number or other
    punctuation, and for places a word with «ب» or «ل» («عدن» + «للسيطرة»; a company keeps its
    «ل» complement: «بوبا للتأمين»). An item longer than three words ends the list (it is
    prose, not a name)."""
    items: list[ListItem] = []
    n = len(toks)
    k = i + 1
    cur: list[int] = []
    cut0 = 0
    after_sep = True  # at the start of an item

    def close() -> None:
        nonlocal cur, cut0
        if cur:
            while len(cur) > 1 and fold_key_word(_bare_conj(fold_match(toks[cur[0]].text))) in _DIRECTIONS:
                cur = cur[1:]
                cut0 = 0
            items.append(ListItem(toks[cur[0]].start + cut0, toks[cur[-1]].end, cur[0], cur[-1] + 1))
        cur, cut0 = [], 0

    standalone_waw = False
    while k < n:
        t = toks[k]
        if t.text in ("،", ","):
            close()
            after_sep, standalone_waw = True, False
            k += 1
            continue
        if t.text == "و":
            close()
            after_sep, standalone_waw = True, True
            k += 1
            continue
        if not _word(t) or t.text[:1].isdigit():
            break
        w = fold_match(t.text)
        conj = w[:1] == "و" and len(w) > 3 and not standalone_waw
        bare = w[1:] if conj else w
        if fold_key_word(bare, article=False, letters=False) in _LIST_STOPS \
                or fold_key_word(bare, letters=False) in _LIST_STOPS \
                or fold_key_word(bare) in _TIME_WORDS or fold_key_word(bare, article=False) in LIST_HEADS:
            break
        if label == "LOC" and fold_match(t.text)[:1] in "بل" and split_proclitics(bare).prefix[:1] in ("ب", "ل"):
            break
        if conj and cur:  # «وفيبكو»: a new item
            close()
        if not cur:
            cut0 = 1 if conj else 0
        cur.append(k)
        standalone_waw = False
        after_sep = False
        if len(cur) > LIST_ITEM_MAX_WORDS:
            cur = []
            break
        k += 1
    close()
    return items
