"""Named-entity recognition for Arabic news (PER / ORG / LOC / MISC).

    rec = EntityRecognizer.load()            # CRF + gazetteer + rules (cached)
    rec = EntityRecognizer.load(use_model=False)   # gazetteer + trigger rules only
    mentions = rec.annotate(clean_text, sentences)

Pure: the only I/O is loading ``akhbar/resources/ner/`` once per process.
See docs/ner-evaluation.md for the model, its evaluation and the canonical-name
conventions.
"""

from __future__ import annotations

import re
import threading
from collections import Counter, defaultdict

from akhbar.entities import gazetteer as gz
from akhbar.entities import identity, kb
from akhbar.entities import phrases as phrases_mod
from akhbar.entities import senses as senses_mod
from akhbar.entities.non_names import FUNCTION_WORDS, RANK_WORDS, TITLE_WORDS, non_name_reason
from akhbar.entities.phrases import ORG_HEADS, find_phrases, name_tail
from akhbar.entities.canonical import canonicalize, lookup
from akhbar.entities.model import _after_title, doc_consistency, postprocess, proclitic_cut, rule_tags, spans_from_bio
from akhbar.models import Mention, Sentence
from akhbar.text import (CONJUNCTIONS, PROCLITIC_LETTERS, Token, elided_article, fold_display, fold_key,
                         fold_key_word, fold_match, fold_words, restore_article, split_proclitics,
                         strip_conjunction as strip_conj, tokenize)

__all__ = ["EntityRecognizer", "canonicalize"]

MAX_MENTION_TOKENS = 10  # longer CRF spans are run-ons, not names
MAX_MENTION_CHARS = 120

_PUNCT_EDGE = set("\"'«»“”‘’()[]{}<>.,،:;؛!?؟-–—/\\|*•")

# one cache per thread: a crfsuite tagger holds state while it tags, so two threads
# must never share one (Prefect's local task runner runs two batches at once)
_LOCAL = threading.local()
_ARABIC_RE = re.compile("[\u0600-\u06ff]")


def _join_hyphenated_names(toks: list, tags: list[str]) -> None:
    """«بارك سون-وون», «كيم يونغ-هيون»: a person name continues over an unspaced hyphen,
    whether the models left the word after it untagged or started a new name on it
    (which gave two overlapping mentions, «كيم يونغ-هيون» and «هيون»)."""
    for k in range(1, len(toks) - 1):
        if (toks[k].text == "-" and tags[k] == "O" and tags[k - 1].endswith("-PER")
                and toks[k].start == toks[k - 1].end and toks[k + 1].start == toks[k].end
                and toks[k + 1].text[:1].isalpha() and tags[k + 1] in ("O", "B-PER")):
            tags[k] = tags[k + 1] = "I-PER"


# prepositions and particles that a name never holds as a whole word; a place or person
# «name» made of them is two words whose letters fold onto a name («إلى من» → «اليمن»)
_PARTICLES = frozenset(fold_key_word(w, article=False) for w in "إلى الى من في على عن ما لي مع م".split())


def _glued_function_word(name: str, label: str, gaz: gz.Gazetteer) -> str | None:
    words = name.split()
    if label in ("LOC", "PER") and len(words) >= 2 and any(fold_key_word(w, article=False) in _PARTICLES for w in words):
        if gaz.get(name) is not None and fold_key(name) not in gaz.spaced_keys:
            return "glued_words"
    return None


PHRASE_CONFIDENCE = 0.7
_TANWEEN = set("\u064b\u064c\u064d")


_FAMILY = re.compile(r"\s+[آا]ل\s+$")


def _join_family_names(text: str, raw: list) -> list:
    """«سلمان بن عبدالعزيز» + «آل» + «سعود»: a family name the models tagged apart joins the
    person before it; alone after «آل» it keeps its «آل» («آل سعود», the family)."""
    out: list = []
    for sp in sorted(raw):
        s, e, label, conf, elided = sp
        if label == "PER" and s >= 3:
            m = _FAMILY.search(text, max(0, s - 6), s)
            if m and m.end() == s:
                prev = out[-1] if out else None
                if prev is not None and prev[2] == "PER" and text[prev[1]:m.start()].strip() == "":
                    out[-1] = (prev[0], e, "PER", min(prev[3], conf), prev[4])
                    continue
                sp = (m.start() + len(m.group()) - len(m.group().lstrip()), e, label, conf, False)
        out.append(sp)
    return out


# place names that are also common adjectives after a noun: «مبلغ مالي» (financial), not Mali
_HOMOGRAPHS = frozenset({fold_key("مالي")})
_PLACE_CONTEXT = frozenset(fold_key_word(w, article=False) for w in (
    "في من إلى الى عن مع دولة جمهورية حكومة شعب رئيس شمال جنوب شرق غرب وسط بين عاصمة سفير سفارة".split()))


# country names that are also the feminine relational adjective with the article: after a
# definite noun they agree with it («البنوك السعودية», «سوق الأسهم السعودية», «العرضة
# السعودية»: the Saudi banks, not the kingdom), after a preposition or a verb they are the
# country («في السعودية», «زار السعودية»)
_DEFINITE_HOMOGRAPHS = frozenset({fold_key("السعودية")})
# definite words before them that are part of the country's name: «المملكة العربية السعودية»
_COUNTRY_NAME_WORDS = frozenset(fold_key_word(w, article=True) for w in ("المملكة", "العربية"))


def _adjective_homograph(text: str, s: int, name: str) -> str | None:
    key = fold_key(name)
    if key not in _HOMOGRAPHS and key not in _DEFINITE_HOMOGRAPHS or text[s - 1:s] in ("و",):
        return None
    before = text[max(0, s - 30):s].rstrip()
    if not before or not before[-1].isalpha():
        return None  # after punctuation or a list dash: the country
    prev = before.split()[-1]
    if fold_key_word(prev, article=False) in _PLACE_CONTEXT:
        return None
    if key in _DEFINITE_HOMOGRAPHS:
        sp = split_proclitics(fold_match(prev))
        if not sp.article or fold_key_word(prev, article=True) in _COUNTRY_NAME_WORDS:
            return None
    return "adjective_homograph"


def _function_word(word: str) -> bool:
    """A pronoun or particle, with or without a conjunction («إن», «وأنا»)."""
    w = fold_match(word)
    return fold_key_word(w, article=False) in FUNCTION_WORDS or (
        w[:1] in CONJUNCTIONS and len(w) > 2 and fold_key_word(w[1:], article=False) in FUNCTION_WORDS)


# pronouns and particles as written (ى kept: «على» is a particle, «علي» a name)
_HEAD_PARTICLES = frozenset(
    "لي له لها لهم لهما لنا لك لكم هو هي هم إن أن ان قد لقد ثم أو في من عن مع على إلى الى".split())


# the words that qualify a rank («اللواء بحري», «العقيد مظلي»); titles, professions and ranks
# are non_names.TITLE_WORDS (NER_GUIDE.md: titles are not in the span)
_RANK_QUALIFIERS = fold_words("بحري جوي ركن مظلي طيار", article=False)


def _trim_person_head(text: str, s: int, e: int) -> int:
    """A person span does not start with a title or rank («المحاسب صالح الموسى», «بحري عواد
    بن عيد البلوي» after «اللواء»), nor with a pronoun after a speech verb («قال لي عمر» →
    «عمر»; elsewhere «لي» is a name: «الفلبيني "لي باكيز"», «الدولية لي جونهوا»)."""
    before = text[max(0, s - 30):s].split()
    # «قال لي عمر»: a pronoun after a speech verb; elsewhere «لي» may be a name («لي جونهوا»)
    particles = bool(before) and fold_key_word(strip_conj(fold_match(before[-1]))) in gz.SAY_VERBS
    while True:
        first, sep, rest = text[s:e].partition(" ")
        if not sep:
            return s
        title = ((fold_match(first).startswith("ال") and fold_key_word(first) in TITLE_WORDS)
                 or fold_key_word(first, article=False) in _RANK_QUALIFIERS)
        if not title and not (particles and fold_display(first) in _HEAD_PARTICLES):
            return s
        s = e - len(rest.lstrip()) if rest.strip() else s
        if not rest.strip():
            return s


def _trim_person_tail(text: str, s: int, e: int) -> int:
    """A person span does not end on a title or a word with tanween, which names do not
    carry («محمد بن سلمان وليًا», «سلمان بن عبدالعزيز وسمو»), nor on a title in the accusative
    written without tanween («أحمد العيسى أمينا عاما»): the span's new end."""
    while True:
        head, _, last = text[s:e].rpartition(" ")
        if not head:
            return e
        bare = split_proclitics(fold_match(last)).rest if last[:1] in CONJUNCTIONS else fold_match(last)
        titles = TITLE_WORDS - RANK_WORDS  # «ماجد المهندس», «بن ملا»: a rank word ends a name as a surname
        accusative = bare.endswith("ا") and len(bare) > 3 and fold_key_word(bare[:-1]) in titles  # «أمينا»
        if _TANWEEN & set(last) or last.endswith("اً") or fold_key_word(bare) in titles or accusative:
            e = s + len(head.rstrip())
            continue
        return e
def _has_tanween(word: str) -> bool:
    return bool(_TANWEEN & set(word)) or word.endswith("اً")


def _trim_loose_tail(text: str, s: int, e: int) -> int:
    """A name does not end on a word with tanween: the span's new end."""
    while True:
        head, _, last = text[s:e].rpartition(" ")
        if not head or not _has_tanween(last):
            return e
        e = s + len(head.rstrip())


def _lone_conjunction(name: str) -> str | None:
    """A name never ends on a lone conjunction: «ألفًا و» (a thousand and …) read as «الفاو»."""
    return "glued_words" if len(name.split()) > 1 and name.split()[-1] in CONJUNCTIONS else None


def _tanween(name: str) -> str | None:
    """Names do not carry tanween: «زعيماً» (a leader), «ألفًا» are common words."""
    return "tanween" if any(_has_tanween(w) for w in name.split()) else None


# heads of a tribe's name: a tribe is neither a person nor an organisation or place
# (NER_GUIDE.md): «قبيلة آل بغاش», «شيخ قبائل بني واهب»
_TRIBE_HEADS = frozenset(fold_key_word(w, article=True) for w in "قبيلة قبائل عشيرة عشائر".split())


def _tribe_head(word: str) -> bool:
    w = fold_match(word)
    return fold_key_word(w) in _TRIBE_HEADS or (
        w[:1] in PROCLITIC_LETTERS and fold_key_word(split_proclitics(w).rest) in _TRIBE_HEADS)


def _tribe(text: str, s: int, e: int) -> str | None:
    """A name after (or starting with) «قبيلة», «قبائل», «عشيرة» is a tribe's."""
    before = text[max(0, s - 20):s].split()
    if (before and _tribe_head(before[-1])) or _tribe_head(text[s:e].split()[0]):
        return "tribe"
    return None


COMMON_WORD_MIN_P_O = 0.99
COMMON_WORD_MIN_COUNT = 20  # «وصبراتة», seen 5 times, is still «و» + Sabratha


def _common_word(token: str, cut: int, name: str, label: str, p_o: float | None) -> bool:
    """A listed one-word name that no model tagged, read here as an ordinary word:

    * after a proclitic, when SaudiNewsNet writes the whole token more often than the name
      alone: «وجيزة» (in «فترة وجيزة», not «و» + Giza), «لغات» (languages, not Ghat),
      «بديل» (not «ب» + Dell), «فرقه» (not Raqqa) — the counts ``smart_split`` uses;
    * a place the models were sure is not a name (P(O) ≥ 0.99) whose word2vec cluster holds
      few place names (:func:`kb.place_share`): «صفا» in «يقفون صفا واحدا»,
      «الأبعاد الجمالية», «حولي» (around me; words SaudiNewsNet uses as common words;
      «القريات», «ينبع» sit in a cluster of Saudi towns and stay)."""
    if cut:
        whole = kb.word_count(token)
        if whole >= COMMON_WORD_MIN_COUNT and whole > kb.word_count(name):
            return True
    if label == "LOC" and p_o is not None and p_o >= COMMON_WORD_MIN_P_O:
        share = kb.place_share(name)
        if share is not None and share < kb.PLACE_CLUSTER_MIN_SHARE:
            return True
    return False


_OPEN_Q = set('"«“\'‘')
_CLOSE_Q = set('"»”\'’')


_DASHES = set("-–—")
BYLINE_CHARS = 150  # a byline («محمد شعوان- سبق- متابعة:») opens the article


def _quoted(text: str, s: int, e: int) -> bool:
    """The span stands between quotes, a space inside them allowed: «لـ"الشرق الأوسط"»,
    «وعلمت " سبق"» (an outlet, not the region or the verb); or it is the outlet of the
    article's byline, between dashes or after its start: «عبدالرحمن العازمي- سبق- القريات:»,
    «سبق- الدمام:»."""
    before = text[max(0, s - 2):s]
    after = text[e:e + 2]
    if before.rstrip(" ")[-1:] in _OPEN_Q and after.lstrip(" ")[:1] in _CLOSE_Q:
        return before[-1:] in _OPEN_Q or after[:1] in _CLOSE_Q  # one side may have a space, not both
    if s < BYLINE_CHARS and after.lstrip(" ")[:1] in _DASHES:
        head = text[:s].rstrip(" ")
        return head.strip() == "" or head[-1:] in _DASHES
    return False
KB_CONFIDENCE = 0.6


def _with_phrases(text: str, spans: list[tuple[int, int, str, float, bool]],
                  phrases: list, toks: list | None = None) -> list[tuple[int, int, str, float, bool]]:
    """Add the head-noun phrases (akhbar.entities.phrases) to a sentence's model spans: a
    phrase is taken where the models found nothing, or where it contains every model span
    it overlaps («مستشفى الملك فهد» over a PER «الملك فهد»); a model span reaching out of a
    phrase wins, and so does a model span of the phrase's label inside it, unless it starts
    the phrase and the phrase only adds adjectives or a «ل» complement to it («جمعية الكشافة
    العربية» + «السعودية»; not «تنظيم داعش» + «العملية الإعلامية»)."""
    out = list(spans)
    for ph in phrases:
        hit = [sp for sp in out if sp[0] < ph.end and sp[1] > ph.start]
        if any(sp[0] < ph.start or sp[1] > ph.end for sp in hit):
            continue
        if any(sp[2] == ph.label and (sp[0] > ph.start or not _adds_attributes(toks, sp[1], ph.end)) for sp in hit):
            continue  # the model found the name inside («قناة الجزيرة» → «الجزيرة», «محافظة جدة» → «جدة»)
        out = [sp for sp in out if sp not in hit]
        out.append((ph.start, ph.end, ph.label, PHRASE_CONFIDENCE, elided_article(text, ph.start)))
    out.sort()
    return out


# a head without the article before a name the models tagged makes one name of both: a body
# named after a place («منتخب انجلترا», «جامعة زيورخ») or a person («مستشفى سليمان الحبيب»),
# a place named after a person («مدينة عيسى», «شارع عيسى بن سلمان»)
_NAMED_AFTER = {
    "LOC": ("ORG", phrases_mod.PLACE_NAMED_ORG_HEADS),
    "PER": ("ORG", fold_words("مستشفى مستوصف مدرسة جامعة كلية مؤسسة شركة مجموعة مركز مجمع", article=False)),
}
_PERSON_NAMED_PLACES = phrases_mod.PERSON_NAMED_PLACE_CUES
_HEAD_PROCLITICS = ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")


def _named_after(text: str, toks: list, spans: list) -> list:
    """Join a head noun (indefinite, no article) to the name the models tagged right after it:
    «لمنتخب» + «انجلترا»/LOC → ORG «منتخب انجلترا»; «مدينة» + «عيسى»/PER → LOC «مدينة عيسى»."""
    out = []
    for sp in spans:
        s, e, label, conf, elided = sp
        k = next((q for q, t in enumerate(toks) if t.start == s), None)
        new = None
        if k and label in ("LOC", "PER") and not elided and toks[k - 1].end < s and toks[k - 1].text[:1].isalpha():
            head = toks[k - 1].text
            w = fold_match(head)
            for pre in _HEAD_PROCLITICS:
                if not w.startswith(pre) or w[len(pre):len(pre) + 2] == "ال":
                    continue
                bare = fold_key_word(w[len(pre):], article=False)
                if label == "PER" and bare in _PERSON_NAMED_PLACES:
                    new = "LOC"
                elif bare in _NAMED_AFTER[label][1]:
                    new = _NAMED_AFTER[label][0]
                if new:
                    start = toks[k - 1].start + len(pre)
                    break
        if new and not any(o[0] < s and o[1] > start for o in spans if o is not sp):
            out.append((start, e, new, conf, False))
        else:
            out.append(sp)
    return out


def _adds_attributes(toks: list | None, start: int, end: int) -> bool:
    """The words of a phrase after a model span (from ``start`` to ``end``) open with an
    adjective or a «ل» complement: the phrase completes the model's name."""
    if toks is None:
        return False
    rest = [t for t in toks if t.start >= start and t.end <= end]
    if not rest:
        return True
    pre, art, word, _cut = phrases_mod._parts(rest[0])
    return art and (pre == "ل" or (pre == "" and (phrases_mod._is_nisba(word) or word in phrases_mod.ADJECTIVES)))


# words before a place's own name: «حي الجزيرة» is a district, not «the island»
_PLACE_CUE_KEYS = fold_words("حي بحي منطقة شارع قصر ميدان ساحة", article=True)
LIST_CONFIDENCE = 0.6
LIST_RARE_WORD = 200  # SaudiNewsNet count under which an unknown list item may be a name
_SHARE_WORDS = fold_words("أسهم سهم", article=False)
_SHARE_WORD = fold_words("سهم", article=False)
_NUMBER_WORDS = fold_words("ألف آلاف مليون ملايين مليار مليارات", article=False)


class EntityRecognizer:
    """Entity mentions of one document at a time."""

    def __init__(self, use_model: bool = True, bilstm: bool = True) -> None:
        self.use_model = use_model
        self.gaz = gz.load()
        self.dropped: Counter = Counter()  # mentions dropped as non-names, by reason
        self.places = kb.load()
        self.orgs = kb.load_organisations()
        self.kb_labels = {**self.places.labels, **self.orgs.quoted_labels, **self.orgs.labels}
        self.kb_exact = self.places.exact | self.orgs.exact
        self.kb_spelled = self.places.spelled | self.orgs.spelled
        self.place_words = self.gaz.place_words | self.places.words
        self.senses = senses_mod.load()
        self.model = None
        if use_model:
            from akhbar.entities.model import load_model

            self.model = load_model(neural=bilstm)

    @classmethod
    def load(cls, use_model: bool = True, bilstm: bool = True) -> "EntityRecognizer":
        """One instance per mode and thread (resources are read once per thread;
        an instance is not thread-safe, so threads never share one).  ``bilstm=False``:
        the CRF alone, without the BiLSTM (NER 1.9 × as fast)."""
        key = (bool(use_model), bool(bilstm) and bool(use_model))
        instances = getattr(_LOCAL, "instances", None)
        if instances is None:
            instances = _LOCAL.instances = {}
        if key not in instances:
            instances[key] = cls(use_model=key[0], bilstm=key[1])
        return instances[key]

    def annotate(self, text: str, sentences: list[Sentence], tokens: list[list[Token]] | None = None) -> list[Mention]:
        """The mentions of one document.  ``tokens``: its sentences already tokenised as
        here (``tokenize(text[s.start:s.end], offset=s.start)`` for each; the pipeline
        tokenises a batch once for :meth:`CrfModel.prepared` and for this)."""
        doc_tags: list[list[str]] = []
        doc_probs: list[list[float]] = []
        doc_toks = tokens if tokens is not None else [tokenize(text[s.start:s.end], offset=s.start) for s in sentences]
        doc_words = [[t.text for t in toks] for toks in doc_toks]
        if self.model is not None:  # the whole document at once: the BiLSTM runs its sentences as one batch
            tagged = self.model.tag_many(doc_words)
        else:
            tagged = [rule_tags(words) for words in doc_words]
        for words, (tags, probs) in zip(doc_words, tagged):
            tags, probs = list(tags), list(probs)
            if self.model is not None:
                postprocess(words, tags, probs)
            else:
                postprocess(words, tags, probs, gaz=False, rules=False)
            doc_tags.append(tags)
            doc_probs.append(probs)
        doc_consistency([[t.text for t in ts] for ts in doc_toks], doc_tags, doc_probs)
        raw: list[tuple[int, int, str, float, bool]] = []
        tails: dict[str, str] = {}
        spelled: set[str] = set()
        for toks, tags, probs in zip(doc_toks, doc_tags, doc_probs):
            _join_hyphenated_names(toks, tags)
            sentence_raw: list[tuple[int, int, str, float, bool]] = []
            for i, j, label in spans_from_bio(tags):
                while i < j and toks[i].text in _PUNCT_EDGE:
                    i += 1
                while j > i and toks[j - 1].text in _PUNCT_EDGE:
                    j -= 1
                if i >= j:
                    continue
                if j - i > 3 and not any(_ARABIC_RE.search(t.text) for t in toks[i:j]):
                    continue  # the model knows Arabic: long all-Latin spans are noise
                cut = proclitic_cut(toks[i].text)
                if not cut:  # the gazetteer knows the name without its first letter(s): «لحلف شمال الأطلسي»
                    c = split_proclitics(toks[i].text).cut
                    whole = text[toks[i].start:toks[j - 1].end]
                    if c and fold_key(whole[c:]) in self.gaz.index and fold_key(whole) not in self.gaz.index:
                        cut = c
                if cut and toks[i].text[0] in CONJUNCTIONS and i > 0 and _after_title(toks[i - 1].text):
                    cut = 0  # «الرئيس الأوكراني فولوديمير»: no conjunction inside a noun phrase
                start = toks[i].start + cut
                end = toks[j - 1].end
                if end - start < 2 or end - start > MAX_MENTION_CHARS or j - i > MAX_MENTION_TOKENS:
                    continue
                conf = sum(probs[i:j]) / (j - i)
                first = toks[i].text
                # «للولايات» → span «لولايات» (the ل left is the article's): name it «الولايات»
                elided = elided_article(first, cut)
                sentence_raw.append((start, end, label, conf, elided))
            sentence_raw = self._cut_coordinated_orgs(text, toks, sentence_raw)
            phrases = find_phrases(toks, self.place_words)
            sentence_raw = _with_phrases(text, sentence_raw, phrases, toks)
            sentence_raw = _named_after(text, toks, sentence_raw)
            sentence_raw = self._kb_names(text, toks, sentence_raw, probs if self.model is not None else None)
            raw.extend(self._list_names(text, toks, sentence_raw))
            for ph in phrases:
                tail = name_tail(text, ph, toks)
                if tail and non_name_reason(tail) is None:
                    tails.setdefault(fold_key(tail), ph.label)
                    spelled.add(fold_key(tail, letters=False))
        if tails:  # «نادي التعاون» … «التعاون»: the name alone, later in the document
            raw = self._spread_tails(text, doc_toks, raw, tails, spelled)
        return self._finish(text, raw, sentences)

    def _cut_coordinated_orgs(self, text: str, toks: list, spans: list) -> list:
        """An organisation span the models ran on over «و» into another organisation is two:
        «الاتحاد الآسيوي والديوان …», «مصرف الإنماء وموبايلي»; the second starts at a
        head noun («والديوان», «ووزارة») or a listed organisation («وموبايلي»).  «وزارة
        الشؤون الإسلامية والدعوة» stays one (no head after «و»)."""
        out = []
        for sp in spans:
            s, e, label, conf, elided = sp
            if label != "ORG":
                out.append(sp)
                continue
            inner = [k for k, t in enumerate(toks) if s < t.start and t.end <= e]
            for k in inner:
                w = toks[k].text
                if w[:1] != "و" or len(w) < 3:
                    continue
                rest = w[1:]
                words = [rest] + [t.text for t in toks[k + 1:k + 4] if t.end <= e]
                if fold_key_word(split_proclitics(fold_match(rest)).rest, article=False) in ORG_HEADS or (
                        fold_key_word(fold_match(rest), article=True) in ORG_HEADS) or any(
                        self.orgs.get(" ".join(words[:m])) is not None for m in range(len(words), 0, -1)):
                    prev_end = toks[k - 1].end
                    if prev_end > s:
                        out.append((s, prev_end, label, conf, elided))
                    s, elided = toks[k].start + 1, False
            out.append((s, e, label, conf, elided))
        return out

    def _kb_names(self, text: str, toks: list, spans: list, probs: list[float] | None = None) -> list:
        """Places and organisations of the knowledge base where the models and phrases
        found nothing (a name a model never saw: «مادبا», «الطفيلة»), or that take over a
        model span inside them; a single word only as a listed spelling, and not where
        it reads as a common word (:func:`_common_word`)."""
        out = list(spans)
        words = [t.text for t in toks]
        for i, j, label, cut in self.gaz.match_tokens(words, index=self.kb_labels, skip_ambiguous=True):
            s, e = toks[i].start + cut, toks[j - 1].end
            hit = [sp for sp in out if sp[0] < e and sp[1] > s]
            if label == kb.QUOTED:
                if not _quoted(text, s, e):
                    continue
                label = "ORG"
            if hit and label == "ORG" and all(s <= sp[0] and sp[1] <= e for sp in hit) and (
                    j - i >= 2 or all(sp[0] == s and sp[1] == e for sp in hit)):
                pass  # a listed organisation over the model's part or label of it («الحوثيين» tagged PER)
            elif hit and (j - i < 2 or any((sp[2] != "LOC" and text[sp[0]:sp[1]] not in self.senses)
                                           or sp[0] < s or sp[1] > e for sp in hit)):
                continue  # a longer listed place may take over the model's part of it («المدينة المنورة»,
                # an ambiguous «الجزيرة» in «الجزيرة العربية»)
            if i > 0 and toks[i - 1].text in ("@", "#"):
                continue
            if cut and toks[i].text[:1] == "ك":
                continue  # «كبيرا» is not «ك» + «بيرا» (Beira)
            if cut and j - i == 1 and label == "LOC" and not self._near_place(text[s:e]):
                continue  # «وكيل» (a deputy) is not «و» + «كيل» (Kiel): after a clitic, only places of the region
            found = restore_article(text[s:e], elided_article(text, s))
            if j - i == 1 and identity.display_name(found) not in self.kb_exact:
                continue  # one word no model tagged: only as a listed spelling («المائة» is not «الماية»)
            if j - i == 1 and not hit and _common_word(toks[i].text, cut, text[s:e], label,
                                                       probs[i] if probs is not None else None):
                continue
            if j - i > 1 and not gz.spelling_ok(found, self.kb_spelled):
                continue
            if j - i > 1 and any(_function_word(toks[k].text) and toks[k].start > toks[k - 1].end
                                 for k in range(i + 1, j)):
                continue  # «في بيان إن» is not «ب» + «يان إن» (Yan'an), «ها وأنا» not «هافانا»
            out = [sp for sp in out if sp not in hit]
            out.append((s, e, label, KB_CONFIDENCE, elided_article(text, s)))
        out.sort()
        return out

    def _list_names(self, text: str, toks: list, spans: list) -> list:
        """The items of a co-ordinated list after a plural or dual head (akhbar.entities.phrases
        ``list_items``) are names of the head's kind when at least one item is already known
        as one («مناطق الجفينة والسائلة والسد القديم» with «السد»; «أسهم شركات مدينة المعرفة،
        وفيبكو وموبايلي» with «موبايلي»): the others take that label, and a place inside a
        company's name gives way («السعودية للتموين», «أسمنت حائل»). An unknown item must
        look like a name (:meth:`_item_like_name`), except in a list of shares."""
        out = list(spans)
        for i, tok in enumerate(toks):
            label = phrases_mod.list_head(tok)
            if label is None:
                if (fold_key_word(fold_match(tok.text)) in _SHARE_WORD and i + 1 < len(toks)
                        and not (i > 0 and (toks[i - 1].text[:1].isdigit()
                                            or fold_key_word(fold_match(toks[i - 1].text)) in _NUMBER_WORDS))):
                    # «وتصدر سهم ساسكو قائمة …», not «121 مليون سهم متداول»
                    out = self._share_name(text, toks, i + 1, out)
                continue
            items = phrases_mod.list_items(toks, i, label)
            if len(items) < 2:
                continue
            known = [self._known_item(text, it, label, out) for it in items]
            shares = label == "ORG" and i > 0 and fold_key_word(fold_match(toks[i - 1].text)) in _SHARE_WORDS
            if not (any(known) or shares):
                continue
            for n_item, (it, kn) in enumerate(zip(items, known)):
                if label == "LOC" and it.last - it.first > 1 and not self._known_item(text, it, label, []):
                    first = phrases_mod.ListItem(it.start, toks[it.first].end, it.first, it.first + 1)
                    last_item = n_item == len(items) - 1
                    if self._known_item(text, first, label, []) or (
                            last_item and fold_key_word(fold_match(text[it.start:toks[it.first].end]))
                            not in phrases_mod.PLACE_CUES):
                        it = first  # «وأبين» + «الأوضاع الأمنية»: the list ended on the place
                        kn = kn or self._known_item(text, it, label, out)
                if not (kn or shares or self._item_like_name(text[it.start:it.end].split(), label)):
                    continue
                if any(sp[:3] == (it.start, it.end, label) for sp in out):
                    continue
                out = [sp for sp in out if not (sp[0] < it.end and sp[1] > it.start)]
                out.append((it.start, it.end, label, LIST_CONFIDENCE, False))
        out.sort()
        return out

    def _share_name(self, text: str, toks: list, k: int, spans: list) -> list:
        """The company after «سهم» (a share of): one or two words without a proclitic, a listed
        organisation or rare words («سهم جرير», «سهم ساسكو»); where no span is."""
        j = k
        while j < len(toks) and j - k < 2 and toks[j].text[:1].isalpha() and not toks[j].text.isascii():
            w = fold_match(toks[j].text)
            if split_proclitics(w).prefix or fold_key_word(w) in phrases_mod.STOP_DEFINITES or (
                    fold_key_word(w, article=False) in FUNCTION_WORDS):
                break
            j += 1
        while j > k:
            s, e = toks[k].start, toks[j - 1].end
            name = text[s:e]
            if any(sp[0] < e and sp[1] > s for sp in spans):
                return spans
            if self.orgs.get(name) is not None or all(kb.word_count(w) < LIST_RARE_WORD for w in name.split()):
                return sorted(spans + [(s, e, "ORG", LIST_CONFIDENCE, False)])
            j -= 1
        return spans

    def _known_item(self, text: str, it, label: str, spans: list) -> bool:
        if any(sp[2] == label and it.start <= sp[0] and sp[1] <= it.end for sp in spans):
            return True
        name = text[it.start:it.end]
        if label == "ORG":
            return self.orgs.get(name) is not None
        ent = self.gaz.get_spelled(name)
        return self.places.get(name) is not None or (ent is not None and ent.label == label)

    @staticmethod
    def _item_like_name(item_words: list[str], label: str) -> bool:
        """An unknown list item (its words, without the conjunction) that reads as a name: a
        place cue or a rare word or one of a place cluster first (places: «الجفينة», «منطقة
        مخدرة»; not «أجزاء»), a «ل» complement or rare words (organisations: «بوبا للتأمين»)."""
        words = [fold_match(w) for w in item_words]
        if label == "LOC":
            if fold_key_word(words[0]) in phrases_mod.PLACE_CUES:
                return True
            share = kb.place_share(words[0])
            return share is None or share >= kb.PLACE_CLUSTER_MIN_SHARE or kb.word_count(words[0]) < LIST_RARE_WORD
        if any(w.startswith("لل") or (w[:1] == "ل" and kb.word_count(w[1:]) > kb.word_count(w)) for w in words[1:]):
            return True
        return all(kb.word_count(w) < LIST_RARE_WORD for w in words)

    def _near_place(self, name: str) -> bool:
        place = self.places.get(name)
        return place is not None and (place.kind in ("country", "region") or place.country_code in kb.ARAB_COUNTRIES)

    def _spread_tails(self, text: str, doc_toks: list, raw: list, tails: dict[str, str], spelled: set[str]) -> list:
        """Tag the proper-name tails of this document's phrases where they stand alone,
        spelled as the document spells them («الغزيرة» is not «الجزيرة»)."""
        taken = sorted((s, e) for s, e, *_ in raw)
        add = []
        for toks in doc_toks:
            words = [t.text for t in toks]
            for i, j, label, cut in self.gaz.match_tokens(words, index=tails):
                s, e = toks[i].start + cut, toks[j - 1].end
                if fold_key(text[s:e], letters=False) not in spelled:
                    continue
                if not any(a < e and b > s for a, b in taken):
                    add.append((s, e, label, PHRASE_CONFIDENCE, elided_article(text, s)))
        return sorted(raw + add)

    def _finish(self, text: str, raw: list[tuple[int, int, str, float, bool]],
                sentences: list[Sentence] | None = None) -> list[Mention]:
        raw = _join_family_names(text, raw)
        # a proclitic the counts did not recognise, but the document does: «لروته» when «روته» is a mention
        known = {fold_key(text[s:e]) for s, e, _, _, _ in raw}
        fixed = []
        for s, e, label, conf, elided in raw:
            w = text[s:e]
            if (not elided and w[:1] in PROCLITIC_LETTERS and fold_key(w) not in self.gaz.index
                    and fold_key(w[1:]) in known and len(w) > 3):
                s += 1
            if label == "PER":
                e = _trim_person_tail(text, s, e)
                s = _trim_person_head(text, s, e)
            if _lone_conjunction(text[s:e]) is None:
                e = _trim_loose_tail(text, s, e)
            name = restore_article(text[s:e], elided)
            reason = (non_name_reason(name) or _glued_function_word(name, label, self.gaz)
                      or _lone_conjunction(text[s:e]) or _adjective_homograph(text, s, name) or _tanween(name)
                      or _tribe(text, s, e))
            if reason:
                self.dropped[reason] += 1
                continue
            fixed.append((s, e, label, conf, name))
        mentions = [
            Mention(start=s, end=e, text=text[s:e], label=label, canonical=canonicalize(name, label) or text[s:e],
                    confidence=round(max(0.0, min(1.0, conf)), 4), canonical_en=None)
            for s, e, label, conf, name in fixed
        ]
        names = [f[4] for f in fixed]
        # canonical_en (and the label) from the gazetteer: «الناتو» is an ORG even where
        # ANERcorp-style tagging would call it a LOC
        gaz_label: dict[int, str] = {}
        entries: dict[int, gz.GazEntry] = {}
        outlets: dict[int, kb.Org] = {}
        for idx, m in enumerate(mentions):
            if _quoted(text, m.start, m.end) and (org := self.orgs.quoted.get(fold_key(names[idx]))):
                outlets[idx] = org  # «لـ"الشرق الأوسط"»: the newspaper, not the region
                m.label = "ORG"
                gaz_label[idx] = "ORG"
                continue
            ent = lookup(names[idx], m.label)
            if ent is not None:
                entries[idx] = ent
                m.canonical_en = ent.en
                if fold_key(m.text) not in gz.AMBIGUOUS_KEYS:  # also MISC: «البيت الأبيض» is an ORG here
                    m.label = ent.label
                    gaz_label[idx] = ent.label
        # names of several entities («الهلال», «الأهلي», «الجزيرة», «تونس»): the context decides
        # (akhbar.entities.senses); undecided, the generic identity of the name itself
        place_of: dict[int, kb.Place] = {}
        generic: set[int] = set()
        drop: set[int] = set()
        for idx, m in enumerate(mentions):
            if idx in outlets or names[idx] not in self.senses:
                continue
            sent = next(((x.start, x.end) for x in sentences or [] if x.start <= m.start < x.end), (0, len(text)))
            sense = self.senses.choose(text, m.start, m.end, names[idx], sent, self._city_country, _PLACE_CUE_KEYS)
            if sense is not None and sense.default_kb:
                continue
            entries.pop(idx, None)
            gaz_label.pop(idx, None)
            m.canonical_en = None
            if sense is None:
                generic.add(idx)
            elif sense.label and not (sense.org or sense.gazetteer or sense.place):
                generic.add(idx)
                m.label = gaz_label[idx] = sense.label
            elif sense.drop:
                drop.add(idx)
                self.dropped["sense_not_a_name"] += 1
            elif sense.org and (org := self.orgs.by_en.get(sense.org)) is not None:
                outlets[idx] = org
                m.label = gaz_label[idx] = "ORG"
            elif sense.gazetteer and (ent := self.gaz.get(sense.gazetteer)) is not None:
                entries[idx] = ent
                m.canonical_en = ent.en
                m.label = gaz_label[idx] = ent.label
            elif sense.place and (place := self.places.by_en.get(sense.place)) is not None:
                place_of[idx] = place
                m.label = gaz_label[idx] = "LOC"
            else:
                generic.add(idx)
        # within-document: short person names → the full name; unknown spelling variants → first spelling
        full_by_last: dict[str, set[str]] = defaultdict(set)
        display_of: dict[str, str] = {}
        for idx, m in enumerate(mentions):
            words = m.canonical.split()
            if m.label == "PER" and len(words) >= 2:
                full_by_last[fold_key_word(identity.short_form_word(words))].add(m.canonical)
                display_of.setdefault(m.canonical, identity.display_name(names[idx]))
        by_key: dict[str, str] = {}
        short_to: dict[int, str] = {}
        for idx, m in enumerate(mentions):
            words = m.canonical.split()
            if m.label == "PER" and len(words) == 1:
                fulls = full_by_last.get(fold_key_word(words[0]))
                if fulls and len(fulls) == 1:
                    m.canonical = next(iter(fulls))
                    short_to[idx] = display_of[m.canonical]
            if m.canonical_en is None:
                k = fold_key(m.canonical)
                m.canonical = by_key.setdefault(k, m.canonical)
        # one label per canonical name in a document (confidence-weighted vote)
        votes: dict[str, Counter] = defaultdict(Counter)
        for m in mentions:
            votes[m.canonical][m.label] += m.confidence
        for idx, m in enumerate(mentions):
            best = votes[m.canonical].most_common(1)[0][0]
            if best != m.label and best != "MISC" and idx not in gaz_label:
                m.label = best
        # identity: readable name, matching key, stable id (akhbar.entities.identity)
        first_name: dict[tuple[str, str], str] = {}
        for idx, m in enumerate(mentions):
            m.alias = identity.display_name(names[idx]) or m.text
            m.alias_key = identity.alias_key(m.alias)
            ent = entries.get(idx)
            place = (place_of.get(idx) or self.places.get(names[idx])
                     if m.label == "LOC" and idx not in outlets and idx not in generic else None)
            if ent is not None and place is None and m.label == "LOC":
                place = self.places.get(ent.display)
            if place is not None and ent is not None and place.en != ent.en and place.kind != ent.kind:
                place = None  # the two lists disagree (a city and a country of one name): no coordinates
            if place is not None:
                m.lat, m.lon, m.country_code = place.lat, place.lon, place.country_code
            if ent is not None:
                m.name = ent.display or m.alias
                key = identity.entity_key(m.name, m.label, identity.gazetteer_kb_key(ent))
            elif (org := outlets.get(idx) or (self.orgs.get(names[idx]) if idx not in generic else None)) is not None:
                m.name, m.canonical_en, m.label = org.display, org.en, "ORG"
                key = identity.entity_key(m.name, m.label, org.kb_key)
            elif place is not None:
                m.name = place.display
                m.canonical_en = place.en
                key = identity.entity_key(m.name, m.label, place.kb_key)
            else:
                # the document's first spelling of the entity (or the full name of a short form)
                m.name = first_name.setdefault((m.label, m.canonical), short_to.get(idx, m.alias))
                key = identity.entity_key(m.name, m.label)
                if m.label == "PER" and (alias := identity.person_alias(
                        m.name, identity.title_before(text, m.start))) is not None:
                    key, m.name = alias[0], alias[1] or m.name
            m.entity_id = identity.entity_id(m.label, key)
        mentions = [m for idx, m in enumerate(mentions) if idx not in drop]
        mentions.sort(key=lambda m: (m.start, m.end))
        return mentions

    def _city_country(self, word: str) -> str | None:
        """Country code of a city the knowledge base lists under ``word`` (a proclitic
        allowed: «وسوسة»), for the city senses of akhbar.entities.senses."""
        w = fold_match(word)
        for cand in (w, split_proclitics(w).rest if w[:1] in PROCLITIC_LETTERS else None):
            place = self.places.get(cand) if cand else None
            if place is not None and place.kind == "city":
                return place.country_code
            if place is None and cand:
                city = self.places.index.get(fold_key(cand))
                if city is not None and city.kind == "city":
                    return city.country_code
        return None

