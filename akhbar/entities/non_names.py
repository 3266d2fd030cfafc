"""Words the models tag that are not names: each test returns a reason or None.

Like datatrove's filters, a mention is dropped with a named reason; the reasons are
counted per process in ``EntityRecognizer.dropped`` (not yet written to a table).

* ``divine``: «الله» and what the article split leaves of it («له», «لله»).
* ``function_word``: pronouns and prepositions with a pronoun («لي» from «قال لي»).
* ``currency``: currencies are figure units (akhbar.figures), not entities.
* ``title_only``: a title or role without a name («ولي العهد», «العهد», «خادم الحرمين الشريفين»).
* ``calendar``: month and weekday names.
* ``generic_body``: a body every organisation has («مجلس الإدارة», «الجمعية العمومية»).
* ``generic_reference``: a body named by its kind alone («الوزارة», «الأحزاب», «القوات»).
* ``name_part``: the second part of a compound given name alone («الدين» of «عز الدين»).
* ``letter``: the Arabic spelling of one Latin letter («دي», «إيه», «بي»): a piece of an
  acronym or a model name («دي.كي.إنترناشيونال», «دي بي 9»), not a name alone.

Word lists written by hand: they are closed classes of Arabic.
"""

from __future__ import annotations

from akhbar.entities.gazetteer import PER_TITLES, PER_TITLES_TEXT, ROLE_WORDS, ROLE_WORDS_TEXT, load
from akhbar.figures.lexicon import CURRENCY_WORDS, GREG_MONTHS, HIJRI_MONTHS_1, LEV_MONTHS_1, WEEKDAYS
from akhbar.text import fold_key_word
from akhbar.text import fold_match, fold_words, split_proclitics


def _folds(words: str) -> frozenset[str]:
    return fold_words(words, article=False)


DIVINE = _folds("الله لله له اللهم بالله والله")
FUNCTION_WORDS = _folds(
    "لي له لها لهم لهن لنا لك لكم هو هي هم هن نحن انا أنا انت أنت انتم أنتم هذا هذه ذلك تلك هؤلاء "
    "الذي التي الذين ما من إلى الى على عن في مع بين عند لدى منذ قد لقد كان كانت إن أن لكن بل ثم أو أم "
    "كل بعض غير سوى ايضا أيضا حيث كما بعد قبل خلال نحو حول ضد عبر لا لم لن"
)
CURRENCIES = frozenset(fold_key_word(w, article=True) for w in CURRENCY_WORDS) | _folds("دولارا ريالا يوروهات")
# professions and ranks («الرقيب», «وكيل الرقيب», «الجندي») the models' lists lack: titles,
# but also surnames at the end of a name («ماجد المهندس»)
_RANKS = "المحاسب المهندس الرقيب العريف النقيب الملازم الرائد المقدم الوكيل وكيل الجندي الملا الطيار"
RANK_WORDS = frozenset(fold_key_word(w) for w in _RANKS.split())
_MORE_TITLES = "خادم الحرمين الشريفين سمو صاحب السمو الملكي معالي فخامة سعادة جلالة " + _RANKS
TITLE_WORDS = PER_TITLES | ROLE_WORDS | frozenset(fold_key_word(w) for w in _MORE_TITLES.split())
# the same words without the letter folds: a one-word mention is a title only as spelled
# («سابك», SABIC, folds onto «السابق», "former", through ق/ك)
TITLE_SPELLED = frozenset(fold_key_word(w, letters=False)
                          for w in f"{PER_TITLES_TEXT} {ROLE_WORDS_TEXT} {_MORE_TITLES}".split())
# institutional phrases that every organisation has: descriptions, not names
GENERIC_BODIES = frozenset(fold_key_word(fold_match(x), article=False) for x in (
    "مجلس الإدارة", "الجمعية العمومية", "مجلس الأمناء", "مجلس أمناء", "مجلس إدارة", "الجمعية العامة العادية",
    "الجمعية العمومية غير العادية", "إدارة الشركة", "مجلس الإدارة الجديد"))
# a body named by its kind alone is a reference, not a name (NER_GUIDE.md: «الوزارة»,
# «الحكومة», «الشركة»): heads of organisation names and their plurals, with the article
GENERIC_REFERENCES = frozenset(fold_key_word(w, article=True) for w in (
    "الوزارة الهيئة الشركة الحكومة البنك المصرف المجلس اللجنة الجمعية المنظمة الجامعة الحزب الحركة "
    "الجيش القوات التنظيم الجماعة النادي المنتخب الصحيفة القناة الوكالة المحكمة الإدارة البلدية الأمانة "
    "الوزارات الهيئات الشركات الحكومات البنوك المصارف المجالس اللجان الجمعيات المنظمات الجامعات "
    "الأحزاب الحركات الجيوش التنظيمات الجماعات الأندية المنتخبات الصحف القنوات الوكالات المحاكم الفصائل "
    "الميليشيات المليشيات الدول"
).split())
# second parts of compound given names («عز الدين», «عبد الرحمن»): alone they are common
# words («رجال الدين», religion) or God's names, never a person
NAME_SECOND_PARTS = _folds("الدين الرحمن الرحيم")
# Latin letter names as Arabic news spells them (acronyms «بي بي سي», «إيه.بي.سي»)
LETTER_NAMES = _folds("إيه أيه ايه بي سي دي إي إف اف إتش اتش آي جيه كيه إم إس تي يو دبليو إكس اكس واي زد كيو آر جي")
# qualifiers that make a currency word a currency («جنيه إسترليني»), besides nationalities
CURRENCY_QUALIFIERS = _folds("إسترليني استرليني")
CALENDAR = (frozenset(GREG_MONTHS) | frozenset(HIJRI_MONTHS_1) | frozenset(LEV_MONTHS_1)
            | frozenset(WEEKDAYS))


def _bare(word: str) -> tuple[str, str]:
    """(fold with the article kept, fold with proclitics and article removed) of one word."""
    w = fold_match(word)
    sp = split_proclitics(w)
    rest = ("ال" + sp.rest) if sp.article else sp.rest
    return fold_key_word(w, article=False), fold_key_word(rest, article=True)


def _spelled_bare(word: str) -> str:
    """A word without its proclitics, article kept (MATCH level)."""
    sp = split_proclitics(fold_match(word))
    return ("ال" + sp.rest) if sp.article else sp.rest


def non_name_reason(text: str) -> str | None:
    """Why ``text`` (a mention as written) is not a name, or None when it may be one."""
    words = text.split()
    if not words:
        return "empty"
    if len(words) == 1:
        whole, bare = _bare(words[0])
        if whole in DIVINE or bare in DIVINE:
            return "divine"
        if whole in FUNCTION_WORDS:
            return "function_word"
        if bare in CURRENCIES or fold_key_word(words[0]) in CURRENCIES:
            return "currency"
        if (bare in TITLE_WORDS or fold_key_word(words[0]) in TITLE_WORDS) and (
                fold_key_word(words[0], letters=False) in TITLE_SPELLED
                or fold_key_word(_spelled_bare(words[0]), letters=False) in TITLE_SPELLED):
            return "title_only"
        if whole in CALENDAR or fold_key_word(words[0], article=False) in CALENDAR:
            return "calendar"
        if bare in GENERIC_REFERENCES and split_proclitics(fold_match(words[0])).article:
            return "generic_reference"
        if whole in NAME_SECOND_PARTS or fold_key_word(_spelled_bare(words[0]), article=False) in NAME_SECOND_PARTS:
            return "name_part"
        if whole in LETTER_NAMES:
            return "letter"
        return None
    if fold_key_word(fold_match(" ".join(words)), article=False) in GENERIC_BODIES:
        return "generic_body"
    folds = [fold_key_word(w) for w in words]
    if all(f in TITLE_WORDS for f in folds):
        return "title_only"
    if folds[0] in CURRENCIES and len(words) == 2 and (
            load().is_nationality(folds[1]) or fold_key_word(words[1], article=False) in CURRENCY_QUALIFIERS):
        return "currency"  # «الدولار الأمريكي», «جنيه إسترليني», not «ريال مدريد»
    if _bare(words[0])[0] in DIVINE:
        return "divine"  # «الله الحرام» (of «بيت الله الحرام»), «الله أكبر»
    if all(fold_key_word(w, article=False) in FUNCTION_WORDS for w in words):
        return "function_word"
    return None
