"""What a figure counts: its *subject* and a matching key for it (issue #23).

A figure's ``unit`` says what kind of thing is counted («جندي»); the subject adds what
tells two figures about different things apart: the counted noun's qualifiers
(«جندي روسي» vs «جندي كوري شمالي»), its genitive or «من» complement («عناصر الشرطة»,
«كيلومتر مربع من الأراضي الروسية») and the event the counted things take part in
(«قتلوا أو جرحوا», «إرسال»).  ``subject_key`` folds the spellings of one subject to one
string, so that figures about one thing match across documents and outlets:

    «10 آلاف جندي كوري شمالي», «آلاف الجنود الكوريين الشماليين»  → «جندي شمالي كوري»
    «600 ألف جندي روسي قتلوا أو جرحوا»                          → «جندي جريح روسي قتيل»

How (pure functions over the tokens of one sentence, :func:`akhbar.text.tokenize`,
words compared in the matching form of :func:`akhbar.text.fold_match`):

1. The *head* is the counted noun: the last word inside the figure's span (the
   extractor's span ends with its unit noun).  Its lemma is the figure's ``unit`` (the
   extractor already gives it in the singular), else the word singularised.
2. *Qualifiers* follow the head while they agree with it: after an indefinite head,
   indefinite adjectives (nisba-shaped «روسي/كوريين/أجنبياً», or a short list: «مسلح»,
   «آخر» …) in the same case (an accusative «سنوياً» after a genitive «جندي» is an adverb)
   and gender (a masculine singular head takes no «…ية»); after a definite head
   («آلاف الجنود»), definite adjectives.  An indefinite head in construct takes one
   genitive complement («عناصر الشرطة»; «عنصر أمن» after a classifier noun), a «ل»
   complement when it names a countable thing («مخالفة لحافلات»), and a definite «من»
   phrase («من قواتها الخاصة», «من الأراضي الروسية»).  Punctuation, a number, a word
   with «و/ف», a preposition, a verb-shaped or unknown word end the phrase.
3. The *event* is the nearest word of a small event lexicon (:data:`EVENTS`) in the
   clause before the figure (a masdar or verb: «مقتل», «إرسال», «أرسلت») or the verbs right
   after the noun phrase («قتلوا أو جرحوا», «نُشروا»).  The clause starts after the last
   punctuation or complementiser («أن», «إن») before the figure.
4. *Owner*: when the head is a military or personnel noun with no nationality of its own
   and the event is a sending/deploying/training one, the clause's agent lends its
   nationality: a country (or its capital) not governed by a preposition, or a
   nationality adjective of the agent phrase («الحرس الوطني الأمريكي أرسل أربع طائرات»).
   «بيونغ يانغ أرسلت 1500 جندي» → owner «كوري شمالي».
5. Money, measures, durations and percentages need a *what* besides their unit (a currency
   alone says nothing): a «من» complement, a money noun before the figure («صفقة بلغت
   قيمتها …», «عائدات الشركة»), or an event («غرمت بمبلغ …»); without one the subject is null.
   Dates, years, ordinals, «other» (multiples) and counts with no noun (list indexes,
   model numbers) have a null subject; a count whose noun is an unnamed «العدد» («يرفع
   العدد الإجمالي إلى ثلاثة آلاف») is *anaphoric* and takes the previous figure's subject
   in the document (:func:`document_subjects`).

The key (:func:`subject_key`) is the head lemma followed by the sorted lemmas of the
identifying qualifiers, the owner and the *outcome* event classes (killed, wounded,
arrested, displaced, missing: they change which set is counted).  It leaves out the
qualifiers that do not identify («إضافي», «آخرين», «جديد») and the events that do not
change the set (sending, training, visiting): «1500 جندي إضافي أرسلوا» and «تدرّب 10 آلاف
جندي» are the same soldiers.  Nationalities are keyed by their country (through the
offline places knowledge base, :mod:`akhbar.entities.kb`), so «أميركي» and «أمريكي»
match.  A generic person noun («شخص», «فرد») with an outcome event is keyed as the
outcome: «مقتل 4 أشخاص» and «أربعة قتلى» share «قتيل»; «شهيد» is keyed «قتيل» too (outlets
differ on the word, not on the count).

Plurals: the extractor's unit lexicon (:data:`akhbar.figures.lexicon.UNITS`, singular and
broken-plural forms) serves as the broken-plural table; sound plurals and nisba endings
(«ون/ين/ات/ية/يين») are stripped only from words shaped for them.

Within a document (:func:`document_subjects`), a bare subject takes the qualifiers and
nationality that the document's other figures of the same head and events agree on
(«12 ألف جندي» in an article about «الجنود الكوريين الشماليين»), and an amount restated in
another currency takes the subject of the amount it restates.  Inferred parts are shown in
brackets in the subject text: «جندي [كوري شمالي] (إرسال/نشر)».
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from akhbar.text import Token, tokenize
from akhbar.figures import lexicon as L
from akhbar.models import Figure
from akhbar.text import fold_display, fold_key_word, to_ascii_digits
from akhbar.text import fold_match as normalize

__all__ = [
    "Subject",
    "figure_subject",
    "document_subjects",
    "subject_text",
    "subject_key",
    "lemma",
    "EVENTS",
]


def _fold_set(words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words.split())


# ------------------------------------------------------------------ lexicons
# Event classes: label → words (verbs, masdars, participles) as usually spelt.
# ``outcome`` classes change which set is counted and go into the key.
_EVENT_WORDS: dict[str, str] = {
    "قتيل": "قتل قتلت قتلوا قتلا قتلتا يقتل تقتل مقتل بمقتل ومقتل لمقتل قتلى قتيل قتيلا لقي لقيت لقوا حتف "
            "حتفه حتفهم مصرع بمصرع استشهاد استشهد استشهدت استشهدوا شهيد شهداء وفاة وفيات توفي توفيت "
            "توفوا ماتوا موت أودى أودت بحياة حصد حصدت",
    "جريح": "جرح جرحوا جرحت جرحى جريح إصابة إصابات أصيب أصيبت أصيبوا اصيب اصيبوا مصاب مصابين "
            "مصابون بجروح بجراح",
    "معتقل": "اعتقال اعتقل اعتقلت اعتقلوا توقيف أوقف أوقفت أوقفوا القبض قبض احتجاز احتجز احتجزت "
             "أسر أسرت أسرى أسير معتقل معتقلين موقوف موقوفين",
    "نازح": "نزوح نزح نزحوا نازح نازحين تهجير هجر فرار فروا لجوء لاجئ لاجئين",
    "مفقود": "فقدان فقدوا مفقود مفقودين",  # not «فقد»: also «ف» + «قد»
    "إرسال/نشر": "إرسال أرسل أرسلت أرسلوا يرسل ترسل نشر نشرت نشروا ينشر تنشر حشد حشدت إيفاد أوفد "
                 "تدريب تدرب تدرّب يتدرب يتدربون تدربوا درب دربت يدرب تدرب وجود موجود موجودون موجودين "
                 "متمركز المتمركزين تمركز انتشار نقل سحب",
    "غرامة": "غرامة غرامات تغريم غرم غرمت تغريمها تغريمه",
    "رصد/ضبط": "رصد رصدت تسجيل سجل سجلت ضبط ضبطت مصادرة صادر",
    "زيارة": "زار زارت زيارة زيارات دخل دخول",
    "صفقة": "صفقة صفقات انتقال تعاقد تعاقدت شراء بيع اشترى باع",  # not «عقد»: also «decade»
    "دفع/تعويض": "دفع بدفع سداد تعويض تعويضات",
    "تبرع/دعم": "تبرع تبرعت تبرعات منحة منح مساعدة مساعدات دعم",
    "اختلاس": "اختلاس اختلس اختلست",
    "استثمار": "استثمار استثمارات",
    "سجن": "سجن بالسجن حبس بالحبس",
}
OUTCOME_EVENTS = frozenset({"قتيل", "جريح", "معتقل", "نازح", "مفقود"})
# past-tense verbs of the lexicon that may follow the counted noun («جندي قتل»)
_PAST_VERBS = frozenset(normalize(w) for w in (
    "قتل قتلت لقي لقوا استشهد توفي أصيب أصيبت جرح اعتقل أوقف نزح أرسل نشر وصل زار دخل").split())
EVENTS: dict[str, str] = {}  # folded word → class label
for _label, _words in _EVENT_WORDS.items():
    for _w in _words.split():
        EVENTS.setdefault(normalize(_w), _label)
# counted nouns that are an outcome themselves («قتلى», «شهداء»): keyed as the outcome
_HEAD_OUTCOME = {normalize(k): v for k, v in {
    "قتيل": "قتيل", "شهيد": "قتيل", "وفاة": "قتيل", "جريح": "جريح", "مصاب": "جريح", "إصابة": "جريح",
    "معتقل": "معتقل", "أسير": "معتقل", "سجين": "معتقل", "نازح": "نازح", "لاجئ": "نازح"}.items()}
_OTHER = normalize("آخر")
_GENERIC_PERSON = _fold_set("شخص فرد نسمة إنسان") | {_OTHER}
# heads whose forces a country's agency sends (rule 4)
_FORCE_HEADS = _fold_set(
    "جندي عسكري مقاتل عنصر ضابط فرد رجل قوة مستشار خبير مدرب طائرة مقاتلة مروحية دبابة مدرعة صاروخ "
    "سفينة بارجة غواصة مسيرة")
_OWNED_EVENTS = frozenset({"إرسال/نشر"})
# classifier heads that take an indefinite genitive («عنصر أمن», «رجل إطفاء»)
_CLASSIFIERS = _fold_set("عنصر عناصر فرد أفراد رجل رجال عضو أعضاء طاقم")
# adjectives that are not nisba-shaped (folded, singular masculine and their forms)
_ADJECTIVES = _fold_set(
    "آخر آخرين آخرون أخرى أخريات أخريين أخريان جديد جديدة جدد كبير كبيرة كبار صغير صغيرة مسلح مسلحة "
    "مسلحين مسلحون مختلف مختلفة مصاب مصابين مصابة جريح مدرب مدربين مؤهل مؤهلين متطوع متطوعين "
    "مفقود مفقودين محتجز محتجزين معتقل معتقلين مقيم مقيمين مقيمة خاص خاصة عام عامة")
# qualifiers that describe without identifying: shown, not keyed
_NOT_IDENTIFYING = _fold_set(
    "آخر أخرى إضافي جديد كبير صغير مختلف حالي إجمالي كلي فعلي أولي تقريبي رسمي سنوي شهري يومي "
    "أسبوعي عديد متعدد كثير قليل")
# words that end a noun phrase even though they look like adjectives
_STOP_WORDS = _fold_set(
    "الماضي الماضية المقبل المقبلة الحالي الحالية الجاري الجارية السابق السابقة الأخير الأخيرة "
    "القادم القادمة المنصرم المنصرمة الذي التي الذين اللذين اللتين اللواتي اللاتي أي أيضا فقط "
    "تقريبا حاليا يوميا سنويا شهريا أسبوعيا سابقا لاحقا مؤخرا إضافة بالإضافة عبر حوالي نحو")
_PREPOSITIONS = _fold_set(
    "في إلى الى على عن مع بين ضد لدى عند نحو تجاه داخل خارج حول منذ خلال بعد قبل عبر حتى بحلول وسط")
# clause boundaries (rule 3): complementisers and relative pronouns
_CLAUSE_WORDS = _fold_set(
    "أن إن بأن وأن فإن وإن لأن أنه أنها إنه إنها بأنه بأنها الذي التي الذين حيث بينما فيما")
_CLAUSE_PUNCT = set(".،,:؛;!؟?()[]{}-–—\n")
# what money measures, what a percentage is the share of, what a measure is of (rule 5)
_MONEY_NOUNS = _fold_set(
    "صفقة تكلفة كلفة ميزانية موازنة عائدات إيرادات أرباح ربح مبيعات صادرات واردات استثمارات "
    "استثمار ديون دين قرض قروض منحة مساعدات مساعدة تبرعات تبرع غرامة غرامات تعويض تعويضات رواتب راتب "
    "مكافأة مكافآت جائزة جوائز سعر ثمن أسعار رأسمال رأس تمويل إنفاق نفقات مخصصات عجز فائض ناتج "
    "خسائر خسارة رسوم ضرائب ضريبة دعم أموال أصول ودائع احتياطي احتياطيات مشروع مشاريع "
    "اعتمادات تداولات")
_SHARE_NOUNS = _fold_set("نسبة معدل حصة")
_MEASURE_NOUNS = _fold_set("طول عرض مسافة مساحة ارتفاع عمق وزن سعة مدة")  # «مسافة السباق 700 متر»
_RESTATED_RE = re.compile(r"[\s(]*(?:(?:اي|او|بما|ما|اي ما)\s*(?:يعادل|يوازي|يساوي)?)?[\s(]*")
# counted nouns that say nothing of what is counted: a team's points, a gap in points (counts
# since pipeline 0.18.0, measures before): two of them in one story are no two claims about one thing
_UNIT_SAYS_NOTHING = frozenset({normalize("نقطة")})
_NOT_NOUNS = _fold_set("إثر اثر بسبب جراء نتيجة عقب أثناء إزاء لدى")
# heads that count occurrences («13 مرة»): the event says what occurred, so it is keyed
_OCCURRENCE_HEADS = _fold_set("مرة")
_COUNT_NOUNS = _fold_set("عدد حصيلة إجمالي مجموع")  # «عدد القتلى 50», «العدد الإجمالي 3000»

# Broken plurals the unit lexicon (L.UNITS) lacks, of nouns seen as complements and money
# nouns; several end in «ي» and would otherwise look like nisba adjectives («أراضي»).
_BROKEN_PLURALS = {normalize(pl): normalize(sg) for sg, pls in {
    "أرض": "أراضي أراض", "مال": "أموال", "أهل": "أهالي", "ضاحية": "ضواحي", "ناحية": "نواحي",
    "مقهى": "مقاهي", "غذاء": "أغذية", "دواء": "أدوية", "سلعة": "سلع", "بضاعة": "بضائع",
    "ربح": "أرباح", "سعر": "أسعار", "دين": "ديون", "قرض": "قروض", "عقد": "عقود", "رسم": "رسوم",
    "ضريبة": "ضرائب", "جائزة": "جوائز", "نفقة": "نفقات", "أصل": "أصول", "وديعة": "ودائع",
    "خسارة": "خسائر", "قوة": "قوات", "جيش": "جيوش", "أجنبي": "أجانب", "عربي": "عرب",
    "مسؤول": "مسؤولين مسئولين", "كبير": "كبار", "عاصمة": "عواصم", "عالم": "علماء",
    "آخر": "آخرين آخرون أخرى أخريين أخريان أخريات أخر",
    "غرامة": "غرامات",  # not the measure «غرام»
}.items() for pl in pls.split()}


# ------------------------------------------------------------------ words
@dataclass(frozen=True, slots=True)
class _Word:
    text: str  # as written
    start: int
    end: int
    folded: str  # normalised, proclitics and article kept
    bare: str  # normalised, article (and «لل») removed
    definite: bool


def _article(word: str) -> int:
    """Length of a leading article («ال», «لل») as written; «أل» with hamza is a letter of
    the word («ألماني»), which the matching form would make look like one."""
    r = to_ascii_digits(fold_display(word))
    if r.startswith("ال") and len(r) > 3:
        return 2
    if r.startswith("لل") and len(r) > 4:
        return 2
    return 0


def _word(tok: Token) -> _Word:
    f = normalize(tok.text)
    cut = _article(tok.text)
    return _Word(tok.text, tok.start, tok.end, f, f[cut:], cut > 0)


def _is_word(tok: Token) -> bool:
    return tok.text[:1].isalpha()


def _nisba_shaped(w: str) -> bool:
    """«روسي», «كورية», «الكوريين», «أجنبيا», «شماليون» (w: folded, without article)."""
    if len(w) < 4:
        return False
    if w.endswith(("يين", "يون", "يات", "يتين", "يتان")):
        return len(w) >= 6
    return w.endswith(("ي", "يه", "يا"))


_WA_ADJECTIVES = _fold_set("وطني ودي وقائي وزاري وسطي وظيفي وهمي وراثي")


def _coordinated(w: _Word) -> bool:
    """«وشرطياً», «والمدنيين»: a word joined by «و» starts another noun phrase."""
    f = w.folded
    return f[:1] == "و" and len(f) > 3 and lemma(f) not in _WA_ADJECTIVES and not _is_nationality(lemma(f))


def _verb_shaped(w: str) -> bool:
    """Imperfect and plural verb forms: «يتدربون», «تمارس», «قتلوا» (w: folded)."""
    if w.endswith("وا") and len(w) > 3:
        return True
    if w[:1] in "يت" and w.endswith(("ون", "ان", "ين")) and not w.endswith(("يين", "يون")):
        return True
    return False


@functools.lru_cache(maxsize=50_000)
def lemma(word: str) -> str:
    """Singular, masculine, indefinite matching form of one word («الجنود» → «جندي»,
    «الكوريين» → «كوري», «مخالفات» → «مخالفه», «أجنبياً» → «اجنبي»); unknown words are
    only folded and stripped of the article."""
    w = normalize(word)[_article(word):]
    if w in _BROKEN_PLURALS:
        return _BROKEN_PLURALS[w]
    hit = L.UNITS.get(w)
    if hit:
        return normalize(hit[1])
    if w in _ADJECTIVES and w.endswith("ه") and w[:-1] in _ADJECTIVES:
        return w[:-1]  # «الخاصة» → «خاص»
    # a pronoun suffix («قواتها», «مواطنيهم»); not «ه», which is mostly a folded «ة»
    for suf in ("هم", "ها", "هن"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            stem = w[: -len(suf)]
            hit = L.UNITS.get(stem) or (L.UNITS.get(stem + "ن") if stem.endswith("ي") else None)
            if hit:
                return normalize(hit[1])
            if stem.endswith("ات"):
                return stem[:-2] + "ه"
    if _nisba_shaped(w):
        for end in ("يين", "يون", "يات", "يتين", "يتان"):
            if w.endswith(end):
                return w[: len(w) - len(end)] + "ي"
        if w.endswith(("يان",)) and len(w) >= 6:
            return w[:-2]
        if w.endswith("يه"):
            return w[:-1]
        if w.endswith("يا"):
            return w[:-1]
        return w
    if w.endswith("ا") and len(w) > 3 and L.UNITS.get(w[:-1]):  # accusative «جنديا»
        return normalize(L.UNITS[w[:-1]][1])
    if w[:1] == "م" and len(w) >= 5 and w.endswith(("ين", "ون")):  # «مسلحين», «مدربون»
        return w[:-2]
    if w.endswith("ات") and len(w) >= 6:
        return w[:-2] + "ه"
    if w.endswith("ا") and len(w) > 4 and w[:1] == "م":  # «مسلحا»
        return w[:-1]
    return w


# --------------------------------------------------------- nationalities
def _nisba_of_country(name: str) -> str:
    """«كوريا الشمالية» → «كوري شمالي», «أمريكا» → «امريكي», «الصين» → «صيني» (folded)."""
    out = []
    for raw in name.split():
        w = normalize(raw)[_article(raw):]
        if w.endswith("يه"):
            w = w[:-1]
        elif w.endswith("يا"):
            w = w[:-1]
        elif w.endswith(("ا", "ه")):
            w = w[:-1] + "ي"
        elif not w.endswith("ي"):
            w = w + "ي"
        out.append(w)
    return " ".join(out)


@functools.lru_cache(maxsize=1)
def _places():
    from akhbar.entities import kb

    places = kb.load()
    countries = {p.country_code: p for p in places.index.values() if p.kind == "country" and p.country_code}
    return places, countries


_DIRECTION_NISBAS = _fold_set("شمالي جنوبي شرقي غربي")


@functools.lru_cache(maxsize=20_000)
def _is_nationality(lem: str) -> bool:
    """A lemma is a nationality adjective of the NER gazetteer («روسي», «ألماني») or a
    direction that completes one («شمالي» in «كوري شمالي»)."""
    from akhbar.entities import gazetteer as gz

    return lem in _DIRECTION_NISBAS or gz.load().is_nationality(fold_key_word(lem))


def _country_of_place(text: str):
    """The country a place name stands for: a country, or a capital («بيونغ يانغ»: the
    knowledge base gives a country its capital's coordinates)."""
    places, countries = _places()
    p = places.get(text)
    if p is None or not p.country_code:
        return None
    if p.kind == "country":
        return p
    c = countries.get(p.country_code)
    if p.kind == "city" and c is not None and (c.lat, c.lon) == (p.lat, p.lon):
        return c
    return None


@functools.lru_cache(maxsize=20_000)
def _nisba_country(words: tuple[str, ...]):
    """Country named by nisba lemmas («كوري», «شمالي») or None."""
    first = words[0]
    stems = [first + "ا", first[:-1] + "ا", first[:-1], "ال" + first[:-1], "ال" + first + "ه", first,
             "ال" + first + "ا"]  # the last: «الماني» written without its hamza lost «ال» to the article
    rest = ""
    if len(words) > 1:
        rest = " ال" + words[1] + "ه"
    places, _ = _places()
    for s in stems:
        if len(s) < 3:
            continue
        p = places.get(s + rest)
        if p is not None and p.kind == "country":
            return p
    return None


def _split_nationality(lemmas: list[str]) -> tuple[str | None, tuple[str, ...]]:
    """(canonical nationality, the other lemmas) of a qualifier list."""
    for i in range(len(lemmas)):
        nat, used = _canonical_nationality(lemmas[i:])
        if nat:
            return nat, tuple(lemmas[:i] + lemmas[i + used:])
    return None, tuple(lemmas)


def _canonical_nationality(lemmas: list[str]) -> tuple[str | None, int]:
    """Canonical nisba of the country named by the first one or two lemmas, and how many
    lemmas it used; (None, 0) when they name no country («أوروبي», «عسكري»)."""
    if len(lemmas) >= 2 and lemmas[1] in _fold_set("شمالي جنوبي"):
        c = _nisba_country((lemmas[0], lemmas[1]))
        if c is not None:
            return _nisba_of_country(c.display), 2
    if lemmas and lemmas[0].endswith("ي"):
        c = _nisba_country((lemmas[0],))
        if c is not None:
            return _nisba_of_country(c.display), 1
    return None, 0


# ------------------------------------------------------------------ subject
@dataclass(frozen=True, slots=True)
class Subject:
    """What one figure counts.  ``phrase`` is the noun phrase as written; the other
    fields are matching forms (see the module docstring)."""

    phrase: str | None  # the counted noun with its qualifiers, as written
    head: str | None  # lemma of the counted noun («جندي»); None when a money noun/event says what
    qualifiers: tuple[str, ...] = ()  # identifying lemmas: nisba adjectives, complements, money nouns
    nationality: str | None = None  # canonical nisba of a nationality among the qualifiers
    owner: str | None = None  # nationality lent by the clause's agent or the document (inferred)
    events: tuple[str, ...] = ()  # event class labels (EVENTS)
    event_text: str | None = None  # the event words as written
    anaphoric: bool = False  # an unnamed «العدد»: resolved by document_subjects
    kind: str = "count"  # the figure's kind
    inherited: str | None = None  # what the document lent (shown in brackets)

    @property
    def keyed_events(self) -> tuple[str, ...]:
        """Events in the key: outcomes for counts; every event for money, measures, durations
        and percentages (their unit does not say what is measured, the event may)."""
        if self.kind != "count" or self.head in _OCCURRENCE_HEADS:
            return self.events
        return tuple(e for e in self.events if e in OUTCOME_EVENTS)


def subject_key(s: Subject | None) -> str | None:
    """Matching key: head lemma, then the sorted identifying lemmas, nationality (the
    explicit one, else the owner) and outcome events."""
    if s is None or s.anaphoric:
        return None
    parts = set(s.qualifiers) | set(s.keyed_events)
    nat = s.nationality or s.owner
    if nat:
        parts |= set(nat.split())
    head = s.head
    if head in _HEAD_OUTCOME:
        parts.add(_HEAD_OUTCOME[head])
        head = None
    elif head in _GENERIC_PERSON and s.keyed_events:
        head = None
    parts.discard(head or "")
    key = " ".join(([head] if head else []) + sorted(parts))
    return key or None


def subject_text(s: Subject | None) -> str | None:
    """Readable subject: the phrase as written, an inferred nationality in brackets and
    the event classes in parentheses: «جندي [كوري شمالي] (إرسال/نشر)»."""
    if s is None or s.anaphoric:
        return None
    out = s.phrase or ""
    if s.inherited:
        out += f" [{s.inherited}]"
    elif s.owner and not s.nationality:
        out += f" [{s.owner}]"
    if s.events:
        out += " (" + "، ".join(s.events) + ")"
    return out.strip() or None


class _Sentence:
    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = tokenize(text)
        self.words = [_word(t) for t in self.toks]

    def index_at(self, pos: int) -> int:
        for i, t in enumerate(self.toks):
            if t.end > pos:
                return i
        return len(self.toks)

    def is_word(self, i: int) -> bool:
        return 0 <= i < len(self.toks) and _is_word(self.toks[i])

    def clause_start(self, i: int) -> int:
        """First token of the clause that token ``i`` is in."""
        j = i - 1
        while j >= 0:
            t = self.toks[j].text
            if t in _CLAUSE_PUNCT or self.words[j].folded in _CLAUSE_WORDS:
                return j + 1
            j -= 1
        return 0


@functools.lru_cache(maxsize=256)
def _sentence(text: str) -> _Sentence:
    """Tokens of a sentence, read once for all its figures (a _Sentence is never changed)."""
    return _Sentence(text)


def _event_of(w: _Word) -> str | None:
    f = w.folded
    cands = [f, w.bare]
    if f[:1] in "وف" and len(f) > 3:
        cands += [f[1:], f[1:3] == "ال" and f[3:] or ""]
    if f[:1] in "بل" and len(f) > 3:
        cands.append(f[1:])
    for c in list(cands):
        for suf in ("هم", "ها", "ه"):
            if c.endswith(suf) and len(c) - len(suf) >= 3:
                cands.append(c[: -len(suf)])
    for c in cands:
        if c and c in EVENTS:
            return EVENTS[c]
    return None


def _same_number(head: _Word, w: _Word) -> bool:
    """A definite dual or sound plural head followed by a definite word with the same ending
    («الحرمين الشريفين», «البلدين الشقيقين»): an adjective agreeing in number."""
    if not (head.definite and w.definite) or len(w.bare) < 5:
        return False
    for end in ("ين", "ان", "ون", "ات"):
        if head.bare.endswith(end) and w.bare.endswith(end):
            return True
    return False


def _agrees(head: _Word, adj: _Word) -> bool:
    """Case and gender agreement of an indefinite nisba adjective with the head."""
    a, h = adj.bare, head.bare
    if a.endswith("يا") and not h.endswith("ا") and not h.endswith(("ين", "ون")):
        return False  # «جندي ... سنوياً»: an accusative adverb after a genitive noun
    singular_masc = L.UNITS.get(h, ("", ""))[1] and normalize(L.UNITS[h][1]) == h and not h.endswith("ه")
    if singular_masc and a.endswith(("يه", "يات")):
        return False
    return True


def _noun_phrase(sent: _Sentence, h: int, partitive: bool = False, start: int | None = None
                 ) -> tuple[int, list[str], list[str]]:
    """Qualifiers after the head at token ``h``: (end token, identifying lemmas, other lemmas).
    ``partitive``: the head follows «من» («اثنين من أشقاء»), so it may be in construct;
    ``start``: where the qualifiers may begin (after a number word that follows the noun:
    «المباريات الثلاث الودية»)."""
    head = sent.words[h]
    ident: list[str] = []
    other: list[str] = []
    j = start if start is not None else h + 1
    n = len(sent.toks)
    definite = head.definite
    construct_used = False

    def take_adjectives(j: int, definite: bool, ref: _Word) -> int:
        while j < n and sent.is_word(j) and j - h <= 6:
            w = sent.words[j]
            if w.folded in _STOP_WORDS or _coordinated(w):
                break
            if w.definite != definite or _verb_shaped(w.bare):
                break
            if not (_nisba_shaped(w.bare) or w.bare in _ADJECTIVES or w.folded in _ADJECTIVES
                    or _same_number(ref, w)):
                break
            if _is_nationality(lemma(w.text)):
                pass
            elif not definite and not _agrees(ref, w):
                break
            lem = lemma(w.text)
            if lem == w.bare and _same_number(ref, w) and not _nisba_shaped(w.bare):
                lem = w.bare[:-2] + ("ه" if w.bare.endswith("ات") else "")  # «الشريفين» → «شريف»
            (other if lem in _NOT_IDENTIFYING or w.bare in _NOT_IDENTIFYING else ident).append(lem)
            j += 1
        return j

    j = take_adjectives(j, definite, head)
    # one genitive complement after an indefinite head in construct («عناصر الشرطة»)
    if j == h + 1 and start is None and not definite and sent.is_word(j) and not head.bare.endswith("ا"):
        w = sent.words[j]
        if (w.definite and not _nisba_shaped(w.bare) and w.folded not in _STOP_WORDS
                and not sent.text[head.end:w.start].strip() and _country_of_place(w.text) is None
                and (partitive or head.bare in _CLASSIFIERS)):
            ident.append(lemma(w.text))
            j = take_adjectives(j + 1, True, w)
            construct_used = True
        elif (not w.definite and head.bare in _CLASSIFIERS and not _nisba_shaped(w.bare)
              and not _verb_shaped(w.bare) and w.folded not in _PREPOSITIONS and w.folded[:1] not in "وف"
              and len(w.bare) >= 3 and w.folded not in _STOP_WORDS):
            ident.append(lemma(w.text))  # «عنصر أمن»
            j += 1
            construct_used = True
    # «ل» + a countable noun («مخالفة لحافلات»)
    if j < n and sent.is_word(j) and not construct_used:
        w = sent.words[j]
        if w.folded.startswith("ل") and not w.folded.startswith("لل") and L.UNITS.get(w.folded[1:], ("",))[0] == "count":
            ident.append(lemma(w.folded[1:]))
            j += 1
    # «من» + a definite or pronoun-suffixed noun phrase («من قواتها الخاصة»)
    if j + 1 < n and sent.words[j].folded == "من" and sent.is_word(j + 1):
        w = sent.words[j + 1]
        suffixed = w.folded.endswith(("ها", "هم")) and len(w.folded) > 5
        if ((w.definite or suffixed) and not _nisba_shaped(lemma(w.text)) and w.folded not in _STOP_WORDS
                and _country_of_place(w.text) is None and not _verb_shaped(w.bare)):
            ident.append(lemma(w.text))
            j = take_adjectives(j + 2, True, w)
    return j, ident, other


def _events_around(sent: _Sentence, first: int, after: int, window: int = 6) -> tuple[list[str], list[str], int | None]:
    """Event classes of the clause: the nearest event word before the figure (token
    ``first``; up to 6 words back, within the clause), and the verbs right after the noun
    phrase (token ``after``: «قتلوا أو جرحوا»).  Returns (labels, words as written,
    token index of the word before the figure)."""
    labels: list[str] = []
    texts: list[str] = []
    where = None
    start = sent.clause_start(first)
    k, seen = first - 1, 0
    while k >= start and seen < window:
        if sent.is_word(k):
            seen += 1
            ev = _event_of(sent.words[k])
            if ev:
                labels.append(ev)
                texts.append(sent.toks[k].text)
                where = k
                break
        k -= 1
    k = after
    while k < len(sent.toks) and k - after < 4 and sent.is_word(k):
        w = sent.words[k]
        if w.folded in ("او", "و", "ثم"):
            k += 1
            continue
        f = w.folded[1:] if w.folded[:1] in "وف" and len(w.folded) > 3 else w.folded
        ev = EVENTS.get(w.folded) or EVENTS.get(f)
        if not ev or not (_verb_shaped(w.folded) or f[:1] in "يت" or w.folded in _PAST_VERBS):
            break
        if ev not in labels:
            labels.append(ev)
        texts.append(sent.toks[k].text)
        k += 1
    return labels, texts, where


def _owner(sent: _Sentence, first: int) -> str | None:
    """Nationality of the clause's agent before token ``first`` (rule 4)."""
    start = sent.clause_start(first)
    k = first - 1
    while k >= start:
        if not sent.is_word(k):
            k -= 1
            continue
        prev = sent.words[k - 1].folded if k - 1 >= start else ""
        w = sent.words[k]
        governed = prev in _PREPOSITIONS
        # a place of one or two words
        for span in (2, 1):
            a = k - span + 1
            if a < start or not all(sent.is_word(x) for x in range(a, k + 1)):
                continue
            name = sent.text[sent.toks[a].start:sent.toks[k].end]
            before = sent.words[a - 1].folded if a - 1 >= start else ""
            if before in _PREPOSITIONS:
                continue
            c = _country_of_place(name)
            if c is None and name[:1] in "وف" and len(name) > 3:
                c = _country_of_place(name[1:])  # «وروسيا»
            if c is not None:
                return _nisba_of_country(c.display)
            # «بروسيا», «لكوريا»: governed by a preposition, not the agent
        # a nationality adjective of the agent phrase («الحرس الوطني الأمريكي»)
        if w.definite and not governed and _is_nationality(lemma(w.text)) and lemma(w.text) not in _DIRECTION_NISBAS:
            lems = [lemma(w.text)]
            if k + 1 < first and sent.words[k + 1].definite:
                lems.append(lemma(sent.toks[k + 1].text))
            nat, used = _canonical_nationality(lems)
            if nat:
                return nat
        k -= 1
    return None


def _what_before(sent: _Sentence, first: int, nouns: frozenset[str]) -> tuple[str | None, list[str], int | None]:
    """A noun of ``nouns`` before the figure, within the clause and up to 12 words back,
    with its genitive complement: (phrase as written, lemmas, token index)."""
    start = sent.clause_start(first)
    k, seen = first - 1, 0
    while k >= start and seen < 12:
        if sent.is_word(k):
            seen += 1
            w = sent.words[k]
            cands = [w.bare, lemma(w.text)]  # in this order: the result must not depend on hashing
            if w.folded[:1] in "وفبل" and len(w.folded) > 3:
                cands += [w.folded[1:], lemma(w.folded[1:])]
            for suf in ("ها", "ه", "هم"):
                if w.bare.endswith(suf) and len(w.bare) > len(suf) + 2:
                    cands.append(w.bare[: -len(suf)])
            hit = next((c for c in cands if c in nouns), None)
            if hit:
                lems = [lemma(hit)]
                end = k + 1
                if end < first and sent.is_word(end) and sent.words[end].definite and not _nisba_shaped(sent.words[end].bare) \
                        and not w.definite and sent.words[end].folded not in _STOP_WORDS:
                    lems.append(lemma(sent.toks[end].text))
                    end += 1
                while end < first and sent.is_word(end) and _nisba_shaped(sent.words[end].bare) \
                        and sent.words[end].folded not in _STOP_WORDS:
                    lem = lemma(sent.toks[end].text)
                    if lem not in _NOT_IDENTIFYING:
                        lems.append(lem)
                    end += 1
                phrase = sent.text[sent.toks[k].start:sent.toks[end - 1].end]
                return phrase, lems, k
        k -= 1
    return None, [], None


def figure_subject(text: str, fig: Figure) -> Subject | None:
    """The subject of ``fig``, a figure found in ``text`` (offsets into ``text``, as
    :func:`akhbar.figures.extract_figures` returns them); None when the figure counts
    nothing nameable (dates, years, ordinals, clock times, bare numbers, a percentage or an amount of
    money with nothing said about what it measures)."""
    if fig.kind in ("date", "year", "ordinal", "time", "other"):  # a clock time counts nothing either
        return None
    sent = _sentence(text)
    toks = sent.toks
    inside = [i for i, t in enumerate(toks) if t.start < fig.end and fig.start < t.end]
    if not inside:
        return None
    first, last = inside[0], inside[-1]
    words_inside = [i for i in inside if sent.is_word(i)]

    if fig.kind == "count" and fig.unit:
        if not words_inside:
            return None
        unit = normalize(fig.unit)
        if unit in _UNIT_SAYS_NOTHING:
            return None  # «برصيد 83 نقطة», «بفارق تسع نقاط»: whose points is not in the noun
        around = [sent.words[k].folded for k in (first - 1, last + 1) if 0 <= k < len(toks) and sent.is_word(k)]
        if set(around) & L.PARTITIVES and not any(lemma(toks[i].text) == unit for i in words_inside):
            return None  # «خمسة أشخاص، اثنان منهم»: a part of a group counted before, not the group
        h = next((i for i in reversed(words_inside) if lemma(toks[i].text) == unit), words_inside[-1])
        if lemma(toks[h].text) in _NOT_NOUNS:
            return None  # the extractor's fallback took a particle for the noun («عرب 48 إثر»)
        partitive = any(sent.words[i].folded == "من" for i in inside if i < h)
        end, ident, _other = _noun_phrase(sent, h, partitive, last + 1 if h < last else None)
        phrase = text[max(toks[h].start, fig.start):toks[max(end - 1, h)].end]
        head = normalize(fig.unit) if " " not in fig.unit else lemma(toks[h].text)
        nat, qual = _split_nationality(ident)
        labels, texts, _ = _events_around(sent, first, end)
        owner = None
        if not nat and head in _FORCE_HEADS and any(e in _OWNED_EVENTS for e in labels):
            owner = _owner(sent, first)
        return Subject(phrase, head, qual, nationality=nat, owner=owner, events=tuple(labels),
                       event_text=" ".join(texts) or None)

    if fig.kind == "count":
        # no noun: «و3 آخرين» are others of an outcome («مقتله ومقتل 3 آخرين»)
        if last + 1 < len(toks) and sent.is_word(last + 1) and lemma(toks[last + 1].text) == _OTHER:
            labels, texts, _ = _events_around(sent, first, last + 2)
            if not any(e in OUTCOME_EVENTS for e in labels):
                return None
            return Subject(toks[last + 1].text, _OTHER, events=tuple(labels), event_text=" ".join(texts) or None)
        # «عدد القتلى 50» names it before; an unnamed «العدد» refers back
        start = sent.clause_start(first)
        for k in range(first - 1, max(start, first - 6) - 1, -1):
            if not sent.is_word(k):
                continue
            w = sent.words[k]
            stem = w.bare[1:] if w.folded[:1] in "وفبل" and w.bare[1:] in _COUNT_NOUNS else w.bare
            for suf in ("هم", "ها", "ه"):
                if stem.endswith(suf) and stem[: -len(suf)] in _COUNT_NOUNS:
                    stem = "<pronoun>"  # «عددهم»: the noun is elsewhere
            if stem in _COUNT_NOUNS:
                nxt = k + 1
                if nxt < first and sent.is_word(nxt) and sent.words[nxt].definite \
                        and not _nisba_shaped(sent.words[nxt].bare) and sent.words[nxt].folded not in _STOP_WORDS:
                    end, ident, _ = _noun_phrase(sent, nxt)
                    head = lemma(toks[nxt].text)
                    nat, qual = _split_nationality(ident)
                    labels, texts, _ = _events_around(sent, k, end)
                    return Subject(text[toks[nxt].start:toks[min(end, first) - 1].end], head,
                                   qual, nationality=nat, events=tuple(labels),
                                   event_text=" ".join(texts) or None)
                return Subject(None, None, anaphoric=True)
        return None

    # money, percent, measure, duration: the unit alone says nothing
    after = last + 1
    end, ident, _ = after, [], []
    if after < len(toks) and sent.words[after].folded == "من":
        # reuse the noun-phrase rules with the unit as head: only the «من» complement counts
        end, ident, _ = _noun_phrase(sent, last)
        if not ident:
            end = after
    labels, texts, ev_at = _events_around(sent, first, end, window=12 if fig.kind == "money" else 6)
    phrase, lems, at = None, [], None
    if fig.kind == "money":
        phrase, lems, at = _what_before(sent, first, _MONEY_NOUNS)
    else:
        phrase, lems, at = _what_before(sent, first, _SHARE_NOUNS if fig.kind == "percent" else _MEASURE_NOUNS)
        if phrase is not None and len(lems) < 2:
            phrase, lems = None, []  # «نسبة», «مسافة» alone: of what is not said
    complement = text[toks[after].start:toks[end - 1].end] if end > after else None
    if complement and fig.kind in ("measure", "duration") and words_inside:
        unit_first = normalize(fig.unit.split()[0]) if fig.unit else None
        u = next((i for i in words_inside if lemma(toks[i].text) == unit_first), words_inside[-1])
        complement = text[toks[u].start:toks[end - 1].end]  # «الكيلومترات المربعة من …»
    if complement is None and phrase is None and not labels:
        return None
    if fig.kind == "percent" and complement is None and phrase is None:
        return None  # a percentage with an event but no noun: nothing to compare
    if fig.kind in ("measure", "duration") and complement is None and phrase is None and not labels:
        return None
    if ev_at is not None and at is not None and ev_at == at:
        labels, texts = [], []  # the money noun is the event word («صفقة»): said once
    unit = normalize(fig.unit) if fig.unit else None
    parts = [p for p in (phrase, complement) if p]
    qual = tuple(q for q in (*lems, *ident) if q not in _NOT_IDENTIFYING)
    if fig.kind == "money":
        head = None  # the currency is the unit, not the subject
    elif fig.kind == "percent":
        head = None
    else:
        head = unit
    if fig.kind in ("money",) and not qual and not labels:
        return None
    nat, qual = _split_nationality(list(qual))
    return Subject(" ".join(parts) or None, head, qual, nationality=nat, events=tuple(labels),
                   event_text=" ".join(texts) or None, kind=fig.kind)


def document_subjects(items: Sequence[tuple[str, Figure]]) -> list[Subject | None]:
    """Subjects of a document's figures, given in document order as (sentence text,
    figure with offsets into that sentence).  Resolves what one sentence cannot:

    * an amount restated in another currency right after another («مليار روبل (16 مليون
      دولار)», «… أي ما يفوق 236 مليون ريال») takes that amount's subject;
    * a bare subject (no qualifier, nationality or owner) takes the qualifiers and
      nationality of the document's subjects with the same kind, head and keyed events when
      they all say the same (none when they differ: «جندي روسي» and «جندي كوري شمالي» in
      one article leave a bare «جندي» bare);
    * an anaphoric count («يرفع العدد الإجمالي إلى ثلاثة آلاف») takes the subject of the
      previous count with a subject, at most 3 figures back.
    """
    subs = [figure_subject(t, f) for t, f in items]
    # an amount restated in another currency («مليار روبل (16 مليون دولار)», «… أي ما يفوق 236
    # مليون ريال») is the same amount: it takes the subject of the one it restates
    for i in range(1, len(items)):
        (t0, f0), (t1, f1) = items[i - 1], items[i]
        if (t0 is t1 or t0 == t1) and f0.kind == f1.kind == "money" and f0.end <= f1.start \
                and _RESTATED_RE.fullmatch(normalize(t1[f0.end:f1.start])) and subs[i - 1] is not None:
            subs[i] = subs[i - 1]
    # a bare subject takes what the document's one more specific subject of the same head,
    # kind and keyed events says («12 ألف جندي» after «الجنود الكوريين الشماليين»)
    donors: dict[tuple, dict[tuple, Subject]] = {}
    for s in subs:
        if s is not None and not s.anaphoric and (s.qualifiers or s.nationality or s.owner):
            group = (s.kind, s.head, frozenset(s.keyed_events))
            donors.setdefault(group, {}).setdefault((s.qualifiers, s.nationality or s.owner), s)
    out: list[Subject | None] = []
    for s in subs:
        if s is not None and not s.anaphoric and not (s.qualifiers or s.nationality or s.owner):
            found = donors.get((s.kind, s.head, frozenset(s.keyed_events)), {})
            if len(found) == 1:
                d = next(iter(found.values()))
                lent = d.nationality or d.owner
                shown = lent if not d.qualifiers else (d.phrase or lent)
                s = replace(s, qualifiers=d.qualifiers, owner=lent, inherited=shown)
        out.append(s)
    for i, s in enumerate(out):
        if s is not None and s.anaphoric:
            prev = next((out[k] for k in range(i - 1, max(-1, i - 4), -1)
                         if out[k] is not None and not out[k].anaphoric and out[k].head and out[k].kind == "count"), None)
            if prev is not None and prev.phrase and not prev.phrase.startswith("["):
                prev = replace(prev, phrase=f"[{prev.phrase}]")
            out[i] = prev
    return out
