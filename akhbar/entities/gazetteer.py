"""Gazetteer, trigger lexicons and name matching keys.

Resources (``akhbar/resources/ner/``) are loaded once per process.

Matching keys are the KEY level of :mod:`akhbar.text` (:func:`akhbar.text.fold_key`:
hamza/alef/ya/ta marbuta folded, no tatweel, ج→غ, ق→ك, hyphens and spaces removed), so
«بيونغ يانغ», «بيونغيانغ» and «بيونجيانج» share a key.  The key is only used to *look
up* names; it is never shown as a canonical form.
"""

from __future__ import annotations

import functools
import json
import os
import threading
from typing import NamedTuple

from akhbar.text import PROCLITIC_LETTERS, fold_key, fold_key_word, fold_match, fold_words, proclitic_readings
from akhbar.text.caches import WORD_CACHE_MAX

# AKHBAR_NER_DIR points the runtime at another set of NER resources (benchmarks/ner_cv.py
# evaluates models trained on other blocks of ANERcorp this way); default: the shipped ones.
RESOURCE_DIR = os.environ.get("AKHBAR_NER_DIR") or os.path.join(os.path.dirname(os.path.dirname(__file__)), "resources", "ner")

# Names that are ordinary words too often to be trusted by the rule-only mode
# (still used as CRF features, where context decides).
AMBIGUOUS = {
    fold_match(x)
    for x in ("العربية", "الجزيرة", "المملكة", "القاعدة", "فتح", "عمان", "الخليج", "الدوما",
              "الإخوان", "العالم", "تونس العاصمة", "الجزائر العاصمة", "الأمم", "اليمن",
              "ترك", "ما هي", "حماس", "علاوي", "ديالى", "جرف")
}


def spelling_ok(text: str, spelled: set[str] | frozenset[str]) -> bool:
    """A name found through the letter folds (ج/غ, ق/ك) is trusted only when it is long
    or several words (a foreign name spelled two ways: «بيونجيانج»); a short single word
    must be spelled as a listed name, or it is another Arabic word."""
    key = fold_key(text, letters=False)
    return key in spelled or len(text.split()) >= 2 or len(key) >= 6


# ambiguous names are recognised by fold key, not spelling: «الغزيرة» ("abundant") folds ج/غ
# onto «الجزيرة», «ما هي» ("what is") onto «ماهي» (Mahé)
AMBIGUOUS_KEYS = frozenset(fold_key(x) for x in AMBIGUOUS)


@functools.lru_cache(maxsize=WORD_CACHE_MAX)
def _fold_name_word(w: str) -> str:
    """KEY level of a token for the matcher ("" for punctuation and numbers): a cache with
    a positional key in front of :func:`fold_key_word` for the matcher's hot loop."""
    return fold_key_word(w, article=False) if w[:1].isalpha() else ""


# the first-word options of a token (see _start_options) kept per index, up to this many words
START_CACHE_MAX = WORD_CACHE_MAX


class _IndexMemo(NamedTuple):
    """What :meth:`Gazetteer.match_tokens` derives from one index: the prefixes of its keys
    and, per token string, the readings of the token that start one (:func:`_start_options`)."""

    index: dict
    prefixes: frozenset[str]
    starts: dict[str, tuple[tuple[int, str, int], ...]]


_PREFIX_CACHE: dict[int, _IndexMemo] = {}
_PREFIX_CACHE_MAX = 8  # the long-lived indexes (gazetteer, training names, olex)
_PREFIX_LOCK = threading.Lock()
_last_small: _IndexMemo | None = None  # memo of the last small index, rebound atomically


def _index_memo(idx: dict) -> _IndexMemo:
    """The memo of ``idx`` (built on first use): ``prefixes`` holds every prefix of every key
    (a key is its own longest prefix), so a match is extended one word at a time only while
    it can still become a key.  Thread-safe: entries are checked by
    identity of the index; a memo's ``starts`` only ever gains entries that are the same
    whoever computes them, and stops growing when full."""
    global _last_small
    hit = _PREFIX_CACHE.get(id(idx))
    if hit is not None and hit.index is idx:
        return hit
    last = _last_small
    if last is not None and last.index is idx:
        return last
    memo = _IndexMemo(idx, frozenset(k[:m] for k in idx for m in range(1, len(k) + 1)), {})
    if len(idx) > 200:
        with _PREFIX_LOCK:
            if len(_PREFIX_CACHE) >= _PREFIX_CACHE_MAX:
                _PREFIX_CACHE.pop(next(iter(_PREFIX_CACHE)))
            _PREFIX_CACHE[id(idx)] = memo
    else:  # a document's own names (document consistency): kept while its sentences are matched
        _last_small = memo
    return memo


def _start_options(memo: _IndexMemo, word: str, folded: str | None = None) -> tuple[tuple[int, str, int], ...]:
    """(rank, key of the first word, cut) for each reading of ``word`` as the first word of
    a name (the word itself, rank 0, then without each proclitic: :func:`_proclitic_options`)
    whose key can start a key of the index; usually none.  ``folded``: the word's
    :func:`_fold_name_word` when the caller has it."""
    opts = memo.starts.get(word)
    if opts is None:
        prefixes = memo.prefixes
        if folded is not None and (len(word) < 3 or word[0] not in PROCLITIC_LETTERS):
            # no proclitic reading (clitics._readings): the word itself is the only option
            opts = ((0, folded, 0),) if folded in prefixes else ()
        else:
            opts = tuple([opt for opt in _word_options(word) if opt[1] in prefixes])
        if len(memo.starts) < START_CACHE_MAX:  # full: kept as it is (the first words seen are the frequent ones)
            memo.starts[word] = opts
    return opts


@functools.lru_cache(maxsize=WORD_CACHE_MAX)
def _word_options(word: str) -> tuple[tuple[int, str, int], ...]:
    """Every reading of ``word`` as the first word of a name, whatever the index: (rank,
    key, cut) for the word itself (rank 0) and without each proclitic."""
    return tuple((rank, first, cut)
                 for rank, (first, cut) in enumerate([(_fold_name_word(word), 0)] + _proclitic_options(word)))


SENTENCE_FOLDS_MAX = 1024  # sentences whose folds are kept (a document's, and then some)
_SENTENCE_FOLDS: dict[tuple[str, ...], list[str]] = {}


def _fold_words(words: list[str]) -> list[str]:
    """:func:`_fold_name_word` of each word.  A sentence is matched against several indexes
    (features, post-processing, rules, document names, knowledge base): its folds are kept
    for the sentences of the last document or so (emptied when full; the lists are never
    modified)."""
    key = tuple(words)
    folded = _SENTENCE_FOLDS.get(key)
    if folded is None:
        if len(_SENTENCE_FOLDS) >= SENTENCE_FOLDS_MAX:
            _SENTENCE_FOLDS.clear()
        folded = _SENTENCE_FOLDS[key] = [_fold_name_word(w) for w in words]
    return folded


@functools.lru_cache(maxsize=WORD_CACHE_MAX)
def _proclitic_options(word: str) -> list[tuple[str, int]]:
    """(key of the word without proclitic, cut) for every proclitic sequence it may start
    with; «لل…» also as «ال…» («للولايات» → «الولايات»): :func:`akhbar.text.proclitic_readings`."""
    return [(fold_key_word(rest, article=False), cut) for rest, cut in proclitic_readings(word, elided=True)]


class GazEntry(NamedTuple):
    label: str
    en: str
    canonical: str  # Arabic matching form shared by all variants (the ``canonical`` column)
    kind: str
    display: str = ""  # the preferred Arabic name as a reader writes it («الولايات المتحدة»)
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None

    @property
    def kb_key(self) -> str:
        """Identity of the entry across runs: its English name and kind."""
        return f"{self.kind}:{self.en}"


def _canon_form(name: str) -> str:
    """Arabic canonical form: MATCH level + leading article dropped (documented)."""
    from akhbar.entities.canonical import canonical_form

    return canonical_form(name)


@functools.lru_cache(maxsize=1)
def load() -> "Gazetteer":
    with open(os.path.join(RESOURCE_DIR, "gazetteer.json"), encoding="utf-8") as f:
        data = json.load(f)
    return Gazetteer(data)


class Gazetteer:
    def __init__(self, data: dict) -> None:
        self.index: dict[str, GazEntry] = {}
        self.spaced_keys: set[str] = set()  # keys of names written as two words or more
        self.spelled: set[str] = set()  # keys without the ج/غ, ق/ك folds (see spelling_ok)
        self.max_len = 1
        for e in data["entries"]:
            entry = GazEntry(e["label"], e["en"], _canon_form(e["canonical"]), e.get("kind", ""),
                             e["canonical"], e.get("lat"), e.get("lon"), e.get("country_code"))
            for n in e["names"]:
                k = fold_key(n)
                self.spelled.add(fold_key(n, letters=False))
                if len(n.replace("-", " ").split()) > 1:
                    self.spaced_keys.add(k)
                # a country wins its name over a city spelled the same («تونس» is Tunisia;
                # the capital is «تونس العاصمة» or «مدينة تونس»)
                if k and (k not in self.index or (entry.kind == "country" and self.index[k].kind == "city")):
                    self.index[k] = entry
                self.max_len = max(self.max_len, len(n.replace("-", " ").split()))
        self.max_len = min(self.max_len, 6)
        # single words and two-word keys of places, for the place-cue phrases (akhbar.entities.phrases)
        self.place_words = frozenset(k for k, e in self.index.items() if e.label == "LOC")
        # folded like the words they are compared with («عراقي» -> «عراكي», «ألماني» -> «ماني»)
        self.nationalities = {fold_key_word(x) for x in data.get("nationalities", [])}

    def is_nationality(self, folded: str) -> bool:
        """A folded word (:func:`akhbar.text.fold_key_word`) is a nationality adjective, masculine or
        feminine («روسي», «روسيه»)."""
        return folded in self.nationalities or (folded.endswith("يه") and folded[:-1] in self.nationalities)

    def get(self, text: str) -> GazEntry | None:
        return self.index.get(fold_key(text))

    def get_spelled(self, text: str) -> GazEntry | None:
        """:meth:`get`, refusing a short Arabic word that matches only through the letter
        folds («غده» is not «جدة», «قيل» is not «كيل»)."""
        return self.index.get(fold_key(text)) if spelling_ok(text, self.spelled) else None

    def match_tokens(self, words: list[str], index: dict | None = None, skip_ambiguous: bool = False) -> list[tuple[int, int, str, int]]:
        """Longest matches over token strings: (i, j, label, cut) for tokens[i:j].

        The first token may carry a proclitic («وموسكو», «لحلف»); ``cut`` is the
        number of its characters that belong to the proclitic.  ``index`` maps
        fold keys to a label (default: this gazetteer).
        """
        out: list[tuple[int, int, str, int]] = []
        idx = index if index is not None else self.index
        memo = _index_memo(idx)
        prefixes = memo.prefixes
        starts = memo.starts
        n = len(words)
        max_len = self.max_len
        folded = _fold_words(words)
        # the readings of each word that may start a key: most words have none, so only the
        # few that have one are walked (a word without any never starts a match)
        get = starts.get
        options = [get(w) for w in words]
        if None in options:
            for k, w in enumerate(options):
                if w is None:
                    options[k] = _start_options(memo, words[k], folded[k])
        i = 0  # end of the last match: a match starts at or after it
        for k in [k for k, o in enumerate(options) if o and folded[k]]:
            if k < i:
                continue
            best = None  # (end, option rank, label, cut): the longest match, then the first option
            for rank, first, cut in options[k]:
                cur, j = first, k + 1
                while cur in prefixes:
                    hit = idx.get(cur)
                    # ambiguous names are judged on the fold key of the words they span, however
                    # many: «ما هي» ("what is") folds to the key of «ماهي» (Mahé, Seychelles), and
                    # «الغزيرة» ("abundant") to that of «الجزيرة» (ج/غ are one letter for names)
                    if hit is not None and (best is None or j > best[0]) and not (
                            skip_ambiguous and cur in AMBIGUOUS_KEYS):
                        best = (j, rank, hit.label if isinstance(hit, GazEntry) else hit, cut)
                    # a name runs over word tokens only (no punctuation inside), at most max_len
                    if j >= n or j - k >= max_len or not folded[j]:
                        break
                    cur += folded[j]
                    j += 1
            if best:
                out.append((k, best[0], best[2], best[3]))
                i = best[0]
        return out

ORG_LEXICON_FILE = "org_lexicon.tsv"


@functools.lru_cache(maxsize=1)
def load_org_lexicon() -> dict[str, str]:
    """Fold key -> "ORG" for the organisation names harvested from SaudiNewsNet by
    akhbar/training/build_org_lexicon.py (a model feature only; empty if the file is absent)."""
    path = os.path.join(RESOURCE_DIR, ORG_LEXICON_FILE)
    out: dict[str, str] = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                k = fold_key(line.split("\t", 1)[0])
                if k:
                    out[k] = "ORG"
    return out


# --- trigger lexicons (KEY level, article stripped: akhbar.text.fold_words) --
_lex = fold_words


PER_TITLES_TEXT = (
    "رئيس الرئيس وزير وزيرة الأمين المتحدث المتحدثة الناطق السفير السفيرة النائب النائبة الزعيم "
    "المستشار المستشارة الملك الملكة الأمير الأميرة الشيخ السيد السيدة الدكتور الدكتورة المدير "
    "المديرة القائد الجنرال العقيد اللواء العميد الفريق المشير المبعوث المندوب الممثل الممثلة "
    "مساعد المرشح المرشحة الإعلامي الإعلامية الصحفي الصحفية الكاتب الكاتبة اللاعب المدرب الفنان "
    "الفنانة المطرب المطربة الإمام البابا المحامي القاضي الأستاذ البروفيسور نظيره نظيرته عضو "
    "رئيسة الحاكم المحافظ العاهل ولي المفتي الرئيسان المراسل الباحث الخبير المحلل الأسقف "
    "الكاردينال القس الحاخام السناتور السيناتور المستشارة المدعي الوزير زعيم قائد مدير"
)
PER_TITLES = _lex(PER_TITLES_TEXT)
# «فريق» without the article is a team («فريق فيراري», «فريقي الرجاء والدفاع»);
# «الفريق» is also the military rank before a name («الفريق أول …»)
TEAM_HEADS = _lex("فريق فريقي")


def is_team_head(bare: str, art: bool) -> bool:
    """«فريق», «وفريق», «فريقي» (a team), not «الفريق» (also a military rank); ``bare`` and
    ``art`` are a token's word and article as ``features.smart_split`` splits them.  The one
    test behind the CRF's "S" trigger and the rules' team head."""
    return not art and fold_key_word(bare) in TEAM_HEADS

ROLE_WORDS_TEXT = "العام الدفاع الخارجية الداخلية الوزراء العهد باسم الأعلى الأسبق السابق الحالي الجديد"
ROLE_WORDS = _lex(ROLE_WORDS_TEXT)
ORG_HEADS = _lex(
    "وزارة مجلس وكالة حلف جامعة شركة منظمة هيئة لجنة حزب حركة اتحاد مؤسسة بنك مصرف صندوق "
    "جمعية محكمة برلمان صحيفة قناة مركز معهد جيش جبهة تنظيم جماعة مجموعة نادي أكاديمية "
    "مفوضية إدارة دائرة سلطة مكتب مجمع رابطة نقابة كلية مستشفى تلفزيون إذاعة مجلة شبكة "
    "البنك الشركة الوزارة الوكالة المجلس الجامعة المنظمة الهيئة اللجنة الحزب الحركة الاتحاد"
)
LOC_CUES = _lex(
    "مدينة منطقة مقاطعة محافظة عاصمة إقليم ولاية قرية بلدة جزيرة نهر بحر جبل جبال دولة بلاد "
    "حي ميناء مطار خليج صحراء وادي مخيم قطاع شبه ضاحية العاصمة المدينة المنطقة المقاطعة "
    "المحافظة الإقليم الولاية"
)
DIRECTIONS = _lex("شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي")
SAY_VERBS = _lex(
    "قال قالت أضاف أضافت أكد أكدت أعلن أعلنت صرح صرحت أوضح أوضحت أشار أشارت ذكر ذكرت "
    "رأى اعتبر دعا دعت حذر حذرت زعم نفى التقى استقبل بحث"
)
