"""Who said what: statements attributed to speakers in Arabic news text.

``extract_quotes(text, sentences, mentions)`` finds

* **direct** quotes: a reporting cue followed by a quoted span («...», “...”, "...")
  — «وقال أوستن: "أدعوهم ..."», «وأضاف «اليوم، ...»», «قال إن «...»»;
* **reported** speech: a cue followed by a complementizer (إن / أن / بأن / إلى أن /
  من أن / على أن ...) — «رأى روته أن تعميق التعاون ...»;
* **according_to** attributions: «وفقاً لـ "سكاي نيوز"», «بحسب النائب»,
  «وفق ما نقلته وكالة “فرانس برس”», «نقلاً عن ...».

The speaker is the phrase after the cue (verb–subject order, the Arabic default) up to
the first adverbial («في مؤتمر صحافي», «اليوم», «للصحفيين» ...), ending with the first
person mention («وزير الدفاع الأمريكي لويد أوستن»); or the subject right before the
cue («روته قال», «وكانت الولايات المتحدة أكدت»).  A cue with no subject of its own
(«وأضاف», «وتابع», «مضيفاً أن», «قبل أن تضيف») continues the document's last speaker
of the same grammatical gender.  A definite title alone («الأمين العام لـ"الناتو"»,
«بحسب النائب») is linked to the last speaker whose title contained it.

Conservative by design: a cue without a recoverable content span (a complementizer
clause, a quoted span of three or more words, or a colon) yields nothing, and so does
a statement whose speaker cannot be found.  Cues inside quoted spans are the
speaker's own words and are ignored.

Pure functions; offsets are Python string indices into ``text`` (a document's
``clean_text``) and ``Quote.text == text[start:end]``.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from akhbar import quotes_lexicon as Q
from akhbar.entities.kb import load_organisations
from akhbar.models import Mention, Quote, Sentence
from akhbar.text import CONJUNCTIONS, fold_match, strip_article, strip_conjunction, strip_marks, tokenize
from akhbar.text.counts import word_count

__all__ = ["extract_quotes", "link_speakers", "quote_rows", "QUOTE_COLUMNS", "CUE_FORMS"]

# ----------------------------------------------------------------------------- folding
# A token's matching form is the MATCH level of akhbar.text (``fold_match``: no
# diacritics/tatweel, hamza/alef/ya/ta-marbuta folded, ASCII digits), served from its
# per-token cache; clitics come off with akhbar.text's strip_conjunction / strip_article.

# ----------------------------------------------------------------------------- lexicon

@dataclass(frozen=True, slots=True)
class _CueForm:
    lemma: str
    feminine: bool | None  # None: plural / unknown
    strong: bool  # perfect verbs and participles: start a new clause
    participle: bool


def _cue_forms() -> dict[str, _CueForm]:
    forms: dict[str, _CueForm] = {}
    for lemma, (masc, fem, plur, imperf, part_m, part_f) in Q.VERBS.items():
        for f in masc:
            forms[f] = _CueForm(lemma, False, True, False)
        for f in fem:
            forms[f] = _CueForm(lemma, True, True, False)
        for f in plur:
            forms[f] = _CueForm(lemma, None, True, False)
        if lemma in Q.RELAYED_FROM or lemma in Q.WEAK_PERFECTS:
            # «نقلت» is «carried», «علمت» «knew», «كتب» «wrote (cheques, a book)» as often: they never end another statement
            for f in masc + fem + plur:
                forms[f] = _CueForm(lemma, forms[f].feminine, False, False)
        for f in imperf:
            forms[f] = _CueForm(lemma, f.startswith("ت"), False, False)
        for f in part_m:
            forms[f] = _CueForm(lemma, False, True, True)
        for f in part_f:
            forms[f] = _CueForm(lemma, True, True, True)
    for f, lemma in Q.PLURAL_PARTICIPLES.items():
        forms.setdefault(f, _CueForm(lemma, None, True, True))
    return forms


CUE_FORMS: dict[str, _CueForm] = _cue_forms()
_OPEN_CLOSE = {"«": "»", "“": "”", "‘": "’"}
_CLOSERS = set(_OPEN_CLOSE.values())
_QUOTE_CHAR_RE = re.compile("[" + re.escape("".join(_OPEN_CLOSE) + "".join(_OPEN_CLOSE.values()) + '"') + "]")
_MIN_DIRECT_WORDS = 3  # a quoted span this long after a cue is the statement
_MAX_WINDOW = 40  # tokens scanned after a cue for the content start
_MAX_UNNAMED = 8  # tokens of a speaker phrase without an entity
_PREFIXES = CONJUNCTIONS


def _tokens(text: str) -> list:
    """Words as written (akhbar.text.tokenize without the ANERcorp script cuts), hyphenated
    compounds as one token («الـ51», «سون-وون»), and punctuation."""
    return tokenize(text, scripts=False, compounds=True)


class _Tok:
    """A token: offsets, the text as written, its folded form, and whether it is a word
    (computed once: the extractor asks it of every token many times)."""

    __slots__ = ("start", "end", "raw", "fold", "is_word")

    def __init__(self, start: int, end: int, raw: str, fold: str) -> None:
        self.start, self.end, self.raw, self.fold = start, end, raw, fold
        c = raw[0]
        self.is_word = c.isalnum() or c == "_" or c == "\u0640"

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"_Tok({self.start}, {self.end}, {self.raw!r})"


@dataclass(slots=True)
class _Speaker:
    text: str
    canonical: str | None
    start: int
    end: int
    feminine: bool | None
    per: bool  # linked to a person mention
    head_linked: bool = False  # the canonical names the phrase itself (a person, or an entity at its start)


def _bare(fold: str) -> str:
    """Without و/ف and the article (or «لل»): «والأمين» → «امين», «للشركة» → «شركه»."""
    return strip_article(strip_conjunction(fold), elided=True)


def _is_role(fold: str) -> bool:
    """Is this word a title / role noun («وزير», «والمتحدث», «وكالة» — و may be a root letter)?"""
    cands = {fold, strip_conjunction(fold), _bare(fold)}
    if fold.startswith("ال") and len(fold) > 3:
        cands.add(fold[2:])
    return bool(cands & Q.ROLES)


def _cue_form(tok: _Tok) -> tuple[_CueForm, str] | None:
    if not tok.is_word:
        return None
    f = tok.fold
    if f in ("ابان", "وابان") and "\u0625" in tok.raw:
        return None  # «إبّان الحرب» (during), not «أبان» (he made clear)
    if f in ("بين", "وبين") and "\u0651" in tok.raw:  # «وبيّن»: the shadda tells it from «بين» (between)
        return _BAYYANA, "بين"
    return _cue_of_fold(f)


@functools.lru_cache(maxsize=1 << 15)
def _cue_of_fold(f: str) -> tuple[_CueForm, str] | None:
    """The cue a folded word is (clitic «و/ف» off), from its spelling alone."""
    if f in CUE_FORMS:
        return CUE_FORMS[f], f
    if len(f) > 2 and f[0] in _PREFIXES and f[1:] in CUE_FORMS and f[1:] not in Q.NO_PREFIX:
        return CUE_FORMS[f[1:]], f[1:]
    if len(f) > 2 and f[0] in _PREFIXES and f[1:] in Q.PREFIXED_ONLY:
        return _PREFIXED_FORMS[f[1:]], f[1:]
    if f in ("بينت", "وبينت", "فبينت"):  # «وبينت الرئاسة أن», «فبينت أنه»: a feminine verb, never «between»
        return _BAYYANA_F, "بين"
    return None


def _bayyana_opens(doc: "_Doc", k: int, sent_start: int) -> bool:
    """«وبين مخرج العمل فطيس بقنه أن …» without its shadda: «وبين» opening a sentence with
    «أن» a few words on is the verb (a sentence does not open on «and between … that»)."""
    toks = doc.toks
    if toks[k].fold != "وبين" or any(t.is_word for t in toks[doc.tok_index(sent_start):k]):
        return False
    for n, t in enumerate(toks[k + 1 : k + 12], k + 1):
        if t.is_word and _is_complementizer(t):
            return True
        if not t.is_word and t.raw in "،,:" and n + 1 < len(toks) and _is_complementizer(toks[n + 1]):
            return True  # «وبين المدير التنفيذي لسوق عكاظ الدكتور راشد الغامدي، أن …», «وبين السهلي: إن …»
        if not t.is_word and t.raw in "،,.:؛":
            return False
    return False


_PREFIXED_FORMS = {f: _CueForm(lemma, False, True, False) for f, lemma in Q.PREFIXED_ONLY.items()}
_BAYYANA = _CueForm("بين", False, True, False)
_BAYYANA_F = _CueForm("بين", True, True, False)


def _is_complementizer(tok: _Tok) -> bool:
    return tok.fold in ("ان", "بان") or tok.fold in Q.COMPLEMENTIZERS_PRON


# ----------------------------------------------------------------------------- document view


def _after_colon(para: str, at: int) -> bool:
    """Is the character before ``at`` (spaces skipped) a colon?"""
    j = at - 1
    while j >= 0 and para[j] in " \t":
        j -= 1
    return j >= 0 and para[j] == ":"


_ONLY_AN_WRITTEN = {p + f: f for f in Q.ONLY_AN_FORMS for p in ("", "و", "ف")}


class _Doc:
    def __init__(self, text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention]) -> None:
        self.text = text
        self.toks = [_Tok(t.start, t.end, t.text, fold_match(t.text)) for t in _tokens(text)]
        self.tok_starts = [t.start for t in self.toks]
        self.sentences = sorted(sentences, key=lambda s: s.start)
        self.sent_starts = [s.start for s in self.sentences]
        self.mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        self.mention_starts = [m.start for m in self.mentions]
        self.quotes = self._quote_pairs()  # opening index -> closing index
        self.quoted = sorted((o, c) for o, c in self.quotes.items())

    # quotes ------------------------------------------------------------------
    def _quote_pairs(self) -> dict[int, int]:
        pairs: dict[int, int] = {}
        pos = 0
        for para in self.text.split("\n"):
            stack: list[tuple[str, int]] = []
            straight: int | None = None
            for m in _QUOTE_CHAR_RE.finditer(para):  # only the quote characters (same pairs as a scan)
                ch = m.group()
                at = pos + m.start()
                if ch in _OPEN_CLOSE:
                    stack.append((_OPEN_CLOSE[ch], at))
                elif ch in _CLOSERS:
                    for k in range(len(stack) - 1, -1, -1):
                        if stack[k][0] == ch:
                            pairs[stack[k][1]] = at
                            del stack[k:]
                            break
                elif ch == '"':
                    if straight is None or _after_colon(para, m.start()):
                        # «وأردف: "…"» after a quotation left unclosed («"نتج عن الحادث … وخرجا.»):
                        # a straight quote after a colon opens, it does not close
                        straight = at
                    else:
                        pairs[straight] = at
                        straight = None
            pos += len(para) + 1
        return pairs

    def inside_quote(self, i: int) -> bool:
        """Is character ``i`` strictly inside a quoted span?"""
        for o, c in self.quoted:
            if o < i < c:
                return True
            if o > i:
                break
        return False

    # lookups -----------------------------------------------------------------
    def sentence_at(self, i: int) -> Sentence | None:
        k = bisect.bisect_right(self.sent_starts, i) - 1
        if k < 0:
            return self.sentences[0] if self.sentences else None
        return self.sentences[k]

    def sentence_bounds(self, i: int) -> tuple[int, int]:
        s = self.sentence_at(i)
        if s is None or not (s.start <= i <= s.end):
            # outside any sentence: the paragraph
            a = self.text.rfind("\n", 0, i) + 1
            b = self.text.find("\n", i)
            return a, (len(self.text) if b < 0 else b)
        return s.start, s.end

    def paragraph_end(self, i: int) -> int:
        b = self.text.find("\n", i)
        return len(self.text) if b < 0 else b

    def tok_index(self, char: int) -> int:
        """Index of the first token starting at or after ``char``."""
        return bisect.bisect_left(self.tok_starts, char)

    def mention_starting_in(self, tok: _Tok) -> Mention | None:
        """A mention that starts inside this token (proclitics are outside mention spans)."""
        k = bisect.bisect_left(self.mention_starts, tok.start)
        if k < len(self.mentions) and self.mentions[k].start < tok.end:
            return self.mentions[k]
        return None

    def mention_at(self, char: int) -> Mention | None:
        """The mention covering offset ``char``, if any."""
        k = bisect.bisect_right(self.mention_starts, char) - 1
        return self.mentions[k] if k >= 0 and self.mentions[k].end > char else None

    def mentions_in(self, a: int, b: int) -> list[Mention]:
        k = bisect.bisect_left(self.mention_starts, a)
        out = []
        while k < len(self.mentions) and self.mentions[k].start < b:
            if self.mentions[k].end <= b:
                out.append(self.mentions[k])
            k += 1
        return out


# ----------------------------------------------------------------------------- speakers


def _trim(text: str, a: int, b: int, chars: str = " \t،,.؛:;") -> tuple[int, int]:
    while a < b and text[a] in chars:
        a += 1
    while b > a and text[b - 1] in chars:
        b -= 1
    return a, b


def _trim_content(text: str, a: int, b: int) -> tuple[int, int]:
    a, b = _trim(text, a, b)
    # drop an unbalanced closing quote at the end / opening quote at the start
    while b > a and text[b - 1] in "»”’\"" and not _balanced(text[a:b]):
        b -= 1
        a, b = _trim(text, a, b)
    return a, b


def _balanced(s: str) -> bool:
    return s.count('"') % 2 == 0 and s.count("«") == s.count("»") and s.count("“") == s.count("”")


def _phrase_after(doc: _Doc, k: int, limit: int, cue: _CueForm) -> tuple[int, int, list[Mention]] | None:
    """Speaker phrase starting at token ``k`` (right after the cue), up to token ``limit``.
    Returns (start char, end char, mentions in it) or None."""
    toks = doc.toks
    if k >= limit:
        return None
    if toks[k].fold == "ل" and k + 1 < limit and (toks[k + 1].raw in _OPEN_CLOSE or toks[k + 1].raw in "»\""):
        # «كشف لـ»اليوم» المهندس حمد بو عميم …»: the paper spoken to, then the speaker
        m = k + 2
        while m < min(limit, k + 6) and not (toks[m].raw in _CLOSERS or toks[m].raw in "»\""):
            m += 1
        if m < min(limit, k + 6) and m + 1 < limit:
            k = m + 1
    first = toks[k]
    if not first.is_word and first.raw not in _OPEN_CLOSE and first.raw not in "(\"":
        return None  # «قال، ردا على ...», «قال: ...»
    i = k
    end = None
    found: list[Mention] = []
    words = 0
    tight = cue is _QUIET or _clause_follows(doc, k, limit, cue)
    prev_fold = ""
    while i < limit:
        t = toks[i]
        m = doc.mention_starting_in(t) if t.is_word else None
        if words >= 1 and t.is_word and _told_outlet(doc, i, limit):
            break  # «مصادر لـ«الشرق الأوسط»»: who was told, not who spoke
        if tight and words >= 1 and m is None and t.is_word and (
                _ends_subject(prev_fold, t)
                or (cue is _QUIET and t.fold.startswith("ب") and t.fold not in ("بن", "باسم")
                    and strip_conjunction(prev_fold).startswith("ال"))):
            # «وأظهرت بيانات معهد البترول | زيادة قدرها …», «توقع محللون | انخفاضا …»; the subject
            # of a verb that is no speech verb ends before its complements («وينتظر عشاق القلعة
            # الخضراء | بفارغ الصبر»)
            break
        if m is not None and m.label in ("PER", "ORG", "LOC", "MISC"):
            if not found and words == 0 and m.start > t.start and t.fold.startswith("ل"):
                return None  # «قال لرويترز إنه …»: the addressee, not the speaker
            if not found and words == 0 and m.label == "LOC" and cue.feminine is False and not cue.participle \
                    and cue.lemma not in Q.INTRANSITIVE_CUES:
                return None  # «ودعا روسيا ...»: a place after a masculine verb is its object
                # (not after «قال»: a speech verb without an object has the place as its subject,
                # «قال السودان اليوم إنه …», a state speaking)
            found.append(m)
            end = m.end
            i = doc.tok_index(m.end)
            words += 1
            if m.label == "PER":
                break  # a title ends with the name
            # closing quote/bracket right after the mention belongs to the phrase
            while i < limit and toks[i].raw in "»”\")":
                end = toks[i].end
                i += 1
            continue
        if t.is_word:
            if _is_complementizer(t) or _cue_form(t) is not None or t.fold in Q.ACCORDING:
                break
            if t.fold == "من" and words >= 1 and _bare(prev_fold) in Q.QUANTIFIERS and i + 1 < limit \
                    and toks[i + 1].is_word:
                # «وأبدى عدد من المتسوقين إعجابهم …»: «a number of» + whom is the speaker
                words += 1
                end = t.end
                prev_fold = t.fold
                i += 1
                continue
            if (_bare(t.fold) in Q.STOPS or t.fold in Q.STOPS or strip_conjunction(t.fold) in Q.STOPS) \
                    and not _imam(t):
                break
            if words >= 1 and t.fold in Q.ALL_OF and i + 1 < limit and toks[i + 1].is_word \
                    and toks[i + 1].fold.startswith("ال"):
                break  # «وحذر الناطق الرسمي للهيئة | جميع الجهات الهندسية من …»: the object, not the speaker
            if words == 0 and (t.fold.startswith("لل") or t.fold == "ل"):
                return None  # «قال للملك سلمان ...»: the addressee, not the speaker
            if words >= 1 and len(t.raw) >= 5 and strip_marks(t.raw).endswith(("ه", "ها")) and not t.raw.endswith("الله"):
                break  # «نفى المدرب السويسري اعتزاله التدريب»: a noun with a pronoun is the object
            if cue.lemma == "لفت" and t.fold in Q.ATTENTION:
                if words == 0:
                    return None  # «ولفت الانتباه إلى أن …»: no speaker after the verb
                break  # «ولفت رئيس اللجنة النظر إلى أن …»: «drew attention», not the speaker
            if words >= 1 and cue.lemma == "اعلن" and (t.fold in Q.ANNOUNCED_EVENTS or _bare(t.fold) in Q.ANNOUNCED_EVENTS):
                break  # «وأعلنت البحرين | استدعاء سفيرها»: the event announced, not the speaker
            if words >= 1 and cue.lemma in Q.CLAUSE_CUES and t.fold != "باسم" and (
                    t.fold.startswith("با") or (cue.lemma in Q.ASKS_BI and t.fold.startswith("ب") and len(t.fold) > 3)
                    or (tight and cue.lemma in Q.CLAUSE_AFTER_BI and t.fold.startswith("ب") and len(t.fold) > 3)):
                # «وأفادت مصادر طبية بوقوع إصابتين»: with no «أن» ahead, «بـ» opens what was reported
                # «طالب» asks for «بـ» + a verbal noun: «طالب حزب اليسار بعقد جلسة»
                break  # «طالب المدعي العام بإنزال أشد العقوبة»: what is asked for, not the speaker
            quantity = _bare(t.fold) in Q.QUANTIFIERS and i + 1 < limit and toks[i + 1].fold == "من"
            if words == 0 and not _is_role(t.fold) and _bare(t.fold) not in Q.SPEAKING_DOCS and not quantity \
                    and not _title_abbreviation(doc, i, limit) \
                    and not _one_of(doc, i, limit) and not _nisba_before_name(doc, i, limit):
                # a name the recogniser missed: «قال روته، اليوم، إنه ...», «وتابع روته أن ...»
                if not cue.strong:
                    return None  # «تؤكد انتقاله ...»: too weak a cue to guess a name
                n = _unknown_name(doc, i, limit)
                if n is None and cue.lemma in Q.INTRANSITIVE_CUES:
                    n = _subject_to_statement(doc, i, limit)
                if n is None:
                    return None
                return first.start, toks[n - 1].end, []
            words += 1
            end = t.end
            prev_fold = t.fold
            i += 1
            continue
        # punctuation
        if t.raw in ("،", ","):
            nxt = toks[i + 1] if i + 1 < limit else None
            m2 = doc.mention_starting_in(nxt) if nxt is not None else None
            if m2 is not None and m2.label == "PER" and not any(f.label == "PER" for f in found):
                i += 1  # apposition: «... (الناتو)، مارك روته»
                continue
            if nxt is not None and m2 is None and not any(f.label == "PER" for f in found):
                n = _unknown_name(doc, i + 1, limit)
                if n is not None and n - (i + 1) == 2:  # an unrecognised two-word name in apposition
                    end = toks[n - 1].end
            break
        if t.raw in _OPEN_CLOSE or t.raw == '"' or t.raw == "(":
            close = doc.quotes.get(t.start) if t.raw != "(" else doc.text.find(")", t.start, doc.paragraph_end(t.start))
            if close is None or close < 0:
                break
            inner_words = len(doc.text[t.start + 1 : close].split())
            named = words >= 1 and inner_words <= _NAME_QUOTE_WORDS and i > 0 and toks[i - 1].is_word \
                and _bare(toks[i - 1].fold) in Q.OUTLET_HEADS  # «مصادر شبكة “سكاي نيوز عربية” في اليمن بمقتل …»
            if inner_words >= _MIN_DIRECT_WORDS and not named and not (
                    inner_words <= _NAME_QUOTE_WORDS and _an_soon_after(doc, close + 1, limit)
                    and (t.raw == "(" or _quoted_name(doc, t.start, close))
                    and (words >= 1 or doc.mentions_in(t.start, close + 1))):
                break  # the statement itself (not «وقالت صحيفة «وول ستريت جورنال» إن …»: a name, «إن» after it)
            if fold_match(doc.text[t.start + 1 : close].strip()) in Q.STOPS:
                break  # «وتناقلت وسائل الإعلام «الخميس» أنه …»: a quoted adverbial (a day), not a name
            # a short quoted name inside the title: «حلف "الناتو"», «(الناتو)»
            found += [m for m in doc.mentions_in(t.start, close) if not (named and m.label == "LOC")]
            # (a place inside an outlet's quoted name is no speaker: «موقع «سعوديون في أميركا»»)
            end = close + 1
            i = doc.tok_index(close + 1)
            continue
        if t.raw in "»”\")":
            end = t.end
            i += 1
            continue
        if t.raw == "." and i > k and _title_abbreviation(doc, i - 1, limit):
            # «اللواء م. يوسف الكريدمي», «د. علي»: a title's abbreviation, not a full stop; a name
            # follows (a recognised one is read as any mention; else one or two plain words before a
            # boundary, else one word: «علي», not the preposition «على»), and the phrase ends with it
            if doc.mention_starting_in(toks[i + 1]) is not None or _title_abbreviation(doc, i + 1, limit):
                i += 1  # (a recognised name, or a second abbreviation: «أ.د. يوسف الرميح»)
                continue
            n = _name_words(doc, i + 1, limit)
            end = toks[n - 1].end
            break
        break
    if end is None:
        return None
    if not found and words > _MAX_UNNAMED:
        return None
    start = first.start
    return start, end, found


def _title_abbreviation(doc: _Doc, i: int, limit: int) -> bool:
    """Token ``i`` is a title's one-letter abbreviation with its full stop and a word after it
    («د. يوسف», «م. يوسف»: doctor, engineer or retired; «أ. محمد»)."""
    toks = doc.toks
    return i + 2 < limit and toks[i].is_word and toks[i].fold in Q.TITLE_ABBREVIATIONS \
        and toks[i + 1].raw == "." and toks[i + 1].start == toks[i].end and toks[i + 2].is_word


def _name_words(doc: _Doc, i: int, limit: int) -> int:
    """The token after a name of one to three plain words at ``i`` (after a title's abbreviation:
    «د. عمر المقبل»); at least the first word («د. علي»: not the preposition «على»)."""
    toks = doc.toks
    n = i + 1
    while n < min(limit, i + 3):
        if _no_name_word(doc, n) or _is_role(toks[n].fold) \
                or (toks[n].fold.startswith("و") and not toks[n].fold.startswith("ول")):
            break
        n += 1
    return n


def _an_soon_after(doc: _Doc, at: int, limit: int) -> bool:
    """«أن / إن / بأن» within the five tokens from char ``at`` (after a quoted name: «شبكة "سي إن
    إن" الإخبارية، إن …»), before any colon or other quotation."""
    toks = doc.toks
    k = doc.tok_index(at)
    for m in range(k, min(k + 5, limit, len(toks))):
        t = toks[m]
        if t.is_word and _is_complementizer(t):
            return True
        if t.raw in ":" or t.raw in _OPEN_CLOSE or t.raw == '"':
            return False
        if t.is_word and t.fold.startswith("و") and strip_conjunction(t.fold) != t.fold:
            return False  # «فقال «فكرتيني يا فاتن»، وترتب على ذلك أنه …»: a new clause, its «أن» is its own
    return False


def _quoted_name(doc: _Doc, o: int, c: int) -> bool:
    """The quotation from char ``o`` to ``c`` names something rather than quoting words: an entity
    is recognised in it, it is in Latin letters, or a noun that introduces a name stands before it
    («شبكة «سي إن إن»», «صحيفة «شاتانوغا فري برس»», «باسم «غرفة عمليات بركان الفرات»»; not
    «ماستويال بوزاليم «التمثال لم يصل»»: the speaker's own words)."""
    inner = doc.text[o + 1 : c]
    if doc.mentions_in(o, c + 1) or (inner.strip() and inner.strip()[0].isascii() and inner.strip()[0].isalpha()):
        return True
    k = doc.tok_index(o) - 1
    while k >= 0 and doc.toks[k].raw in ("ـ", "-"):
        k -= 1
    if k < 0 or not doc.toks[k].is_word:
        return False
    f = doc.toks[k].fold
    return _bare(f) in Q.NAME_INTRODUCERS or f in Q.NAME_INTRODUCERS or f in ("ل", "لـ", "مع", "باسم")


def _imam(t: _Tok) -> bool:
    """«إمام» (an imam) written with its hamza below, not «أمام» (in front of): both fold to «امام»."""
    return _bare(t.fold) == "امام" and strip_marks(t.raw).lstrip("وف").startswith("إ")


def _one_of(doc: _Doc, i: int, limit: int) -> bool:
    """«أحد التقديرات», «إحدى الدراسات», «أحد المسؤولين»: one of a speaking kind."""
    toks = doc.toks
    if _bare(toks[i].fold) not in ("احد", "احدي") or i + 1 >= limit or not toks[i + 1].is_word:
        return False
    nxt = toks[i + 1].fold
    return _is_role(nxt) or _bare(nxt) in Q.SPEAKING_DOCS


def _states_nothing(doc: _Doc, k: int, cue: _CueForm) -> bool:
    """The cue word at token ``k`` reports no one's statement here: an adjective («نتائج مؤكدة»),
    an inference, the passive or a noun of «اتهم», the first person, «رد فعل» (reaction, a noun),
    «لفت الانتباه» without «إلى» (drew notice), «دعا على / له / الله» (prayed)."""
    toks = doc.toks
    nxt = toks[k + 1].fold if k + 1 < len(toks) else ""
    return (cue.participle and _adjective_participle(doc, k)) or _inference(doc, k, cue) \
        or _not_accusing(doc, k, cue) or _first_person(toks[k], cue) \
        or (cue.lemma == "رد" and nxt in ("فعل", "الفعل")) or (cue.lemma == "دعا" and nxt in Q.PRAYED) \
        or (cue.lemma == "لفت" and nxt in Q.ATTENTION and (k + 2 >= len(toks) or toks[k + 2].fold != "الي"))


def _inference(doc: _Doc, k: int, cue: _CueForm) -> bool:
    """«وهذا يشير إلى أن …», «مما يؤكد أن …», «وهذا ما يؤكد أن …»: an imperfect cue whose subject is
    «this / which» (Q.INFERENCE_SUBJECTS) and that has no subject after it is the writer's inference,
    no one's statement (not «كما يشير …»: «as … points out»)."""
    toks = doc.toks
    if cue.strong or cue.participle or k == 0 or toks[k - 1].fold not in Q.INFERENCE_SUBJECTS:
        return False
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    return nxt is not None and (nxt.fold == "الي" or _is_complementizer(nxt))


def _first_person(tok: _Tok, cue: _CueForm) -> bool:
    """«وأعتقد أن …», «وأعترف بأن …»: a verb whose perfect opens with a plain alef (افتعل) written
    with «أ» is the first person's imperfect, the writer's or the speaker's own words, no one
    reported (folding makes «أعتقد» and «اعتقد» one word)."""
    if cue.lemma not in Q.ALEF_WASL_CUES or cue.participle:
        return False
    raw = strip_marks(tok.raw)
    return (raw[1:] if raw[:1] in "وف" and len(raw) > 4 else raw).startswith("أ")


def _not_accusing(doc: _Doc, k: int, cue: _CueForm) -> bool:
    """«واتُّهم بدعم نظام بن علي» (passive: a «بـ» word right after it), «متهمة» not before «إياه /
    إياها / إياهم» (a noun: the accused): no accusation stated."""
    if cue.lemma != "اتهم":
        return False
    toks = doc.toks
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if nxt is None or not nxt.is_word:
        return True
    if cue.participle:
        return not nxt.fold.startswith("ايا")
    # («ليست أول مرة تتهم فيها إسرائيل …»: a relative clause; «لم يُتّهم شخصياً»)
    return nxt.fold in ("فيه", "فيها") or (k > 0 and toks[k - 1].fold in ("لم", "لن", "لا", "ما"))


def _accused_of(doc: _Doc, k: int, clause_end: int) -> int | None:
    """What an accusation accuses of: the first «بـ» word (or «بأن») within eight words after
    its speaker, before any comma («اتهمت الحكومة الانفصاليين | باستهداف مواقعها»)."""
    toks = doc.toks
    for j in range(k, min(k + 8, len(toks))):
        t = toks[j]
        if t.start >= clause_end or (not t.is_word and t.raw in "،,.:؛;"):
            return None
        if t.is_word and t.fold.startswith("ب") and (len(t.fold) > 3 or _is_complementizer(t)) \
                and doc.mention_starting_in(t) is None:
            return j
    return None


def _told_outlet(doc: _Doc, i: int, limit: int) -> bool:
    """Is token ``i``, inside a speaker phrase, the outlet the speaker told («مصادر لـ«الشرق الأوسط»
    أن», «شهود عيان لوكالة فرانس برس», «المواطن مانع ملفي لـ"سبق"»)?  The speaker ends before it.
    Not «of» («المدير العام لوكالة الأنباء», «الموقع الرسمي لـ"مشيخة الأزهر"»: Q.OF_BEFORE_LAM)."""
    toks = doc.toks
    t = toks[i]
    if i == 0 or not t.fold.startswith("ل") or _bare(toks[i - 1].fold) in Q.OF_BEFORE_LAM:
        return False
    if t.fold[1:] in Q.OUTLET_HEADS:  # «لوكالة …», «لصحيفة …»
        return True
    if t.fold == "ل" and i + 1 < limit and (toks[i + 1].raw in _OPEN_CLOSE or toks[i + 1].raw in '"”'):
        close = _closing_mark(doc, toks[i + 1])
        name = doc.text[toks[i + 1].end : close].strip() if close is not None else ""
        return bool(name) and _outlet(name)
    return len(t.fold) > 2 and _outlet(t.raw[1:])  # «لرويترز»


def _past_told_outlet(doc: _Doc, k: int, limit: int) -> int:
    """The token after the outlet told, when token ``k`` opens one («وأرجعت مصادر لـ«الشرق الأوسط»
    تأخر انضمامه …»: what follows it is the statement), else ``k``."""
    toks = doc.toks
    if k >= limit or not toks[k].is_word or not _told_outlet(doc, k, limit):
        return k
    if toks[k].fold == "ل" and k + 1 < limit:
        close = _closing_mark(doc, toks[k + 1])
        return doc.tok_index(close + 1) if close is not None else k
    m = doc.mention_at(toks[k].end - 1)
    return doc.tok_index(m.end) if m is not None else k + 1


def _closing_mark(doc: _Doc, mark: _Tok) -> int | None:
    """Where the quotation opened by ``mark`` closes, or None; «لـ”الوئام”» writes one mark for
    both ends, so a «”» with no pair closes at the next «”» of its paragraph."""
    close = doc.quotes.get(mark.start)
    if close is None and mark.raw == "”":
        close = doc.text.find("”", mark.end, doc.paragraph_end(mark.start))
    return close if close is not None and close > 0 else None


def _outlet(name: str) -> bool:
    """A news outlet: «شبكة ميغا», or one of organisations.json by its name or as «صحيفة …» («"سبق"»,
    ««الشرق الأوسط»»: between quotes after «لـ» the bare name is the paper's)."""
    orgs = load_organisations()
    words = name.split()
    return (len(words) > 1 and _bare(fold_match(words[0])) in Q.OUTLET_HEADS) \
        or any(o is not None and o.kind == "outlet" for o in (orgs.get(name), orgs.get("صحيفة " + name)))


def _adjective_participle(doc: _Doc, k: int) -> bool:
    """«نتائج مؤكدة حيال …», «حضوراً مؤكداً»: «مؤكَّد» (confirmed) right after an indefinite noun,
    with no «أن» after it, is an adjective, not «مؤكِّداً أن» (stating)."""
    toks = doc.toks
    if _bare(toks[k].fold) not in ("موكد", "موكدا", "موكده") or k == 0:
        return False
    prev = toks[k - 1]
    if not prev.is_word or prev.fold.startswith(("ال", "وال")) or prev.fold.endswith(("ه", "ها", "هم")) \
            or doc.mention_starting_in(prev) is not None or doc.mention_at(prev.start) is not None:
        return False
    return not any(t.is_word and _is_complementizer(t) for t in toks[k + 1 : k + 4])


def _addressee_after(doc: _Doc, k: int, cue: _CueForm) -> bool:
    """Is the word after a cue of telling (Q.ADDRESSEE_CUES) who was told: a quoted name or a
    paper, channel or council («أبلغ «الشرق الأوسط» أن …»)?"""
    if cue.lemma not in Q.ADDRESSEE_CUES or k >= len(doc.toks):
        return False
    t = doc.toks[k]
    return t.raw in _OPEN_CLOSE or t.raw == '"' or _bare(t.fold) in Q.ADDRESSEE_HEADS


def _object_of_appeal(doc: _Doc, k: int, cue: _CueForm) -> bool:
    """Is the word after a cue of appealing (Q.APPEAL_CUES) who was called on, not who called:
    a definite group («ودعا المواطنين إلى …», «وحث الجميع على …», «وطالب الجهات المعنية بـ …»)
    followed by the preposition the verb takes?  The speaker is then the sentence's subject or
    the last speaker."""
    toks = doc.toks
    if cue.lemma not in Q.APPEAL_CUES or k + 1 >= len(toks) or not toks[k].is_word:
        return False
    t = toks[k]
    if doc.mention_starting_in(t) is not None:
        return False
    f = strip_conjunction(t.fold)
    if f not in Q.APPEALED_GROUPS and (_is_role(t.fold) or not (f.startswith("ال") and f.endswith(("ين", "ات")) and len(f) >= 6)):
        return False
    if cue.lemma == "طالب" and not f.endswith("ين") and f not in Q.APPEALED_BODIES:
        return False  # «وفيما طالب الأهالي بتوفير …»: who demands as often follows «طالب» (not so «دعا»)
    for nxt in toks[k + 1 : k + 4]:  # the group and up to two adjectives, then the preposition
        if not nxt.is_word:
            return False
        if nxt.fold in ("الي", "علي") or (nxt.fold.startswith("ب") and len(nxt.fold) > 3):
            return True
        if not nxt.fold.startswith("ال"):
            return False
    return False


def _nisba_before_name(doc: _Doc, i: int, limit: int) -> bool:
    """«قال البرتغالي جوزيه مورينيو …», «أكد اليوناني دونيس …»: a definite nisba adjective (a
    nationality, «الـ…ي») right before a person's name is part of the speaker phrase, as a title is."""
    toks = doc.toks
    f = strip_conjunction(toks[i].fold)
    if not (f.startswith("ال") and f.endswith("ي") and len(f) >= 6) or i + 1 >= limit:
        return False
    m = doc.mention_starting_in(toks[i + 1])
    return m is not None and m.label == "PER"


def _statement_ahead(doc: _Doc, n: int, limit: int) -> bool:
    """Does the statement start (a complementizer, a colon, a quotation) within a dozen
    tokens after ``n``, before a sentence stop or another cue?"""
    toks = doc.toks
    for t in toks[n : min(limit, n + 12)]:
        if t.raw == ":" or t.raw in _OPEN_CLOSE or t.raw == '"' or (t.is_word and _is_complementizer(t)):
            return True
        if t.raw in ".؛" or (t.is_word and _cue_form(t) is not None):
            return False
    return False


def _clause_follows(doc: _Doc, k: int, limit: int, cue: _CueForm) -> bool:
    """Will the statement be the plain clause after the subject (a clause cue with no «أن»,
    colon or quotation in the next dozen words: «حذرت الوزارة من …», «توقع محللون انخفاضا»)?"""
    if cue.lemma not in Q.CLAUSE_CUES and cue.lemma not in Q.CLAUSE_AFTER_AN and cue.lemma != "اظهر":
        return False
    toks = doc.toks
    for t in toks[k : min(limit, k + 12)]:
        if t.raw == ":" or t.raw in _OPEN_CLOSE or t.raw == '"' or (t.is_word and _is_complementizer(t)):
            return False
    return True


_NAME_LINKS = {"بن", "ابن", "بنت", "ال", "ابو", "ابي", "ام", "عبد", "باسم"}


def _ends_subject(prev: str, t: _Tok) -> bool:
    """Can ``t`` not continue a subject noun phrase whose last word was ``prev`` (folded)?
    Arabic noun phrases close in two visible ways: a construct chain (إضافة) ends at its
    first definite member, so after «البترول» only an adjective with «الـ» (or a prepositional
    «لـ / بـ» attachment, a name link «بن») can follow, not a bare indefinite noun («زيادة»);
    and a nominative sound plural in «ـون» is never a construct head, so after «محللون» only
    an adjective in «ـون» follows.  An indefinite accusative (tanween «ـاً»: «انخفاضاً») is
    an object, never part of the subject."""
    f = t.fold
    if "\u064b" in t.raw:
        return True
    bare = strip_conjunction(f)
    if bare.startswith("ال") or f[:1] in ("ل", "ب", "ك") or f in _NAME_LINKS or _is_role(f):
        return False
    if strip_conjunction(prev).startswith("ال") and not f.startswith("و"):
        return True
    return prev.endswith("ون") and len(prev) > 4 and not f.endswith("ون")


def _object_before_that(doc: _Doc, n: int) -> bool:
    """«أكدت اعتقادها أن …», «أبدى استعداده أن …»: a noun with a pronoun suffix right before «أن»
    is the verb's object (the speaker is the pronoun in the verb) — not «رئيسها أبراهام فوكسمان»
    (a name follows) nor «قال مطوروها إنها» (a plural in construct, «ـو» + suffix, is a subject)."""
    toks = doc.toks
    f = toks[n].fold
    for suf in ("هما", "هم", "ها"):
        if len(f) >= 6 and f.endswith(suf):
            return not f[: -len(suf)].endswith("و") and n + 1 < len(toks) and _is_complementizer(toks[n + 1])
    return False


def _no_name_word(doc: _Doc, n: int) -> bool:
    """Token ``n`` cannot be a word of a name the recogniser missed: punctuation, a stop word, a
    relative, an adverb, a complementizer, a cue, a recognised mention, a «بـ / لـ» word, digits, an
    accusative (tanween), a preposition with a pronoun, a noun with a pronoun before «أن»."""
    t = doc.toks[n]
    return not t.is_word or "ً" in t.raw or _bare(t.fold) in Q.STOPS or t.fold in Q.STOPS or t.fold in Q.RELATIVES \
        or strip_conjunction(t.fold) in Q.STOPS or t.fold in Q.ADVERBS or _is_complementizer(t) \
        or _cue_form(t) is not None or t.fold in Q.ACCORDING or doc.mention_starting_in(t) is not None \
        or t.fold.startswith(("ب", "ل")) or t.raw[0].isdigit() or t.fold in Q.PREP_PRON \
        or _object_before_that(doc, n)  # («أكدت اعتقادها أن …»: a noun with a pronoun suffix is an object)


def _unknown_name(doc: _Doc, i: int, limit: int) -> int | None:
    """One or two plain words right after a cue and before a boundary (comma, colon,
    complementizer, quote, adverbial): an unrecognised name.  Returns the index of the
    token after the name, or None."""
    toks = doc.toks
    n = i
    while n < limit and n - i < 2:
        if _no_name_word(doc, n):
            break
        n += 1
    if n == i or n >= limit:
        return None
    b = toks[n]
    boundary = (b.raw in "،,:" or b.raw in _OPEN_CLOSE or b.raw == '"' or _is_complementizer(b) or b.fold in Q.ADVERBS
                or _bare(b.fold) in Q.STOPS or b.fold in Q.STOPS or strip_conjunction(b.fold) in Q.STOPS)
    return n if boundary else None


def _subject_to_statement(doc: _Doc, i: int, limit: int) -> int | None:
    """«قالت بريجيته ميرك إربه عمدة بايرويت: «…»», «وقال سائق إحدى السيارات التي دهست الفتاة
    إنه …»: after a speech verb that takes no object (قال، أكد، أوضح …), the words up to the
    statement's start (a colon, «إن/أن», a quotation, or an addressee «لـ"سبق"» right before one)
    are its subject, whatever the recogniser made of them.  Arabic puts nothing else there but
    adverbials, which end the scan (STOPS: «في», «اليوم», «خلال» …); at most _MAX_UNNAMED words.
    Returns the index of the token after the subject, or None."""
    toks = doc.toks
    n = i
    words = 0
    while n < limit and words <= _MAX_UNNAMED:
        t = toks[n]
        if t.is_word:
            f = t.fold
            if _is_complementizer(t):
                break
            if words == 0 and f.startswith("ل"):
                return None  # «قال لرويترز إنه …»: the addressee, the speaker is elsewhere
            if words == 0 and _object_before_that(doc, n):
                return None  # «أكدت اعتقادها أن …»: the object, the speaker is the pronoun in the verb
            if f.startswith("ل") and not f.startswith("لل") and words > 0 and f not in ("لا", "لم", "لن"):
                # an addressee («لــ "سبق"», «لرويترز») ends the subject right before the statement
                m = n + 1
                while m < limit and m - n <= 3 and not (toks[m].raw in ":" or toks[m].raw in _OPEN_CLOSE
                                                         or toks[m].raw == '"' or _is_complementizer(toks[m])):
                    m += 1
                if m < limit and m - n <= 3:
                    return n
                words += 1  # «القيادة المشتركة لقوات التحالف الدولي في بيان: إن …»: «لـ» attaches a noun
                n += 1
                continue
            if (f in Q.STOPS or _bare(f) in Q.STOPS or strip_conjunction(f) in Q.STOPS or f in Q.ADVERBS) \
                    and words > 0 and _statement_ahead(doc, n, limit):
                break  # «قالت ولاء نحاس، مدير تطوير قطاع الأفراد | في بوبا العربية، إن …»: an adverbial
            if (f in Q.STOPS or _bare(f) in Q.STOPS or strip_conjunction(f) in Q.STOPS or f in Q.ADVERBS
                    or f in Q.ACCORDING or f in Q.PREP_PRON or _cue_form(t) is not None or t.raw[0].isdigit()
                    or "\u064b" in t.raw):
                return None
            words += 1
            n += 1
            continue
        if t.raw in ":" or t.raw in _OPEN_CLOSE or t.raw == '"':
            break
        if t.raw in "،," and words > 0:
            n += 1  # apposition: «ولاء نحاس، مدير تطوير قطاع الأفراد»
            continue
        return None
    if n >= limit or words == 0 or words > _MAX_UNNAMED:
        return None
    while n > i and toks[n - 1].raw in "،,":
        n -= 1
    return n


def _extend_to_person(doc: _Doc, k_end: int, limit: int) -> Mention | None:
    """A person named right after a title and a place: «رئيس الإدارة الرئاسية [في أوكرانيا]
    أندريه يرماك», «السفير الروسي [في كوريا الجنوبية]، جيورجي زينوفييف»."""
    toks = doc.toks
    j = k_end
    if j >= limit or toks[j].fold not in ("في", "لدي", "من"):
        return None
    j += 1
    if j >= limit:
        return None
    place = doc.mention_starting_in(toks[j])
    if place is None or place.label not in ("LOC", "ORG"):
        return None
    j = doc.tok_index(place.end)
    while j < limit and toks[j].raw in "،,":
        j += 1
    if j >= limit:
        return None
    m = doc.mention_starting_in(toks[j])
    return m if m is not None and m.label == "PER" else None


def _pick_canonical(found: Sequence[Mention]) -> tuple[str | None, bool]:
    """The person named in the phrase, else the first organisation/place it speaks for."""
    for m in found:
        if m.label == "PER":
            return m.canonical, True
    for m in sorted(found, key=lambda m: m.start):
        return m.canonical, False
    return None, False


def _role_key(doc: _Doc, a: int, b: int) -> str | None:
    """Normalised head of a definite title phrase: «الأمين العام لـ"الناتو"» → «امين عام»."""
    toks = [t for t in doc.toks[doc.tok_index(a) : doc.tok_index(b)] if t.is_word]
    if not toks:
        return None
    head = strip_conjunction(toks[0].fold)
    if not head.startswith("ال") or not _is_role(toks[0].fold):
        return None
    key = [_bare(toks[0].fold)]
    if len(toks) > 1:
        nxt = strip_conjunction(toks[1].fold)
        if nxt.startswith("ال") and doc.mention_starting_in(toks[1]) is None:
            key.append(_bare(toks[1].fold))
    return " ".join(key)


@functools.lru_cache(maxsize=1 << 12)
def _bare_text(s: str) -> str:  # (pure: asked again for every earlier speaker and mention)
    return " ".join(_bare(fold_match(t.text)) for t in tokenize(s, scripts=False) if t.text[0].isalnum())


def _resolve_role(doc: _Doc, a: int, b: int, history: Sequence[_Speaker]) -> _Speaker | None:
    key = _role_key(doc, a, b)
    if key is None:
        return None
    for prev in reversed(history):
        if prev.canonical and prev.head_linked and f" {key} " in f" {_bare_text(prev.text)} ":
            return prev
    # «وزير الخارجية عادل الجبير … وقال الوزير»: the person an earlier mention gave that title to: the
    # title among the six words before the name, and the phrase's other words («اليمني» of «الوزير
    # اليمني») between the title and the name («الرئيس الأمريكي باراك أوباما» is no «الرئيس الروسي»);
    # only a person's title, not a body («الوزارة»), and a phrase of three words at most
    words = [_bare(t.fold) for t in doc.toks[doc.tok_index(a) : doc.tok_index(b)] if t.is_word]
    title = words[0] if words else None
    if title not in Q.PERSON_HEADS or len(words) > 3:
        return None
    earlier = doc.mentions_in(0, a)
    for k in range(len(earlier) - 1, -1, -1):
        m = earlier[k]
        if m.label == "PER" and m.canonical:
            since = max(0, m.start - 80, earlier[k - 1].end if k else 0)  # (not over another name)
            before = [t.text for t in tokenize(doc.text[since:m.start], scripts=False) if t.text[0].isalnum()][-6:]
            forms = [{strip_article(fold_match(w), elided=True), _bare(fold_match(w))} for w in before]
            at = [n for n, f in enumerate(forms) if title in f]
            if at and all(any(w in f for f in forms[at[-1] + 1:]) for w in words[1:]):
                return _Speaker(m.text, m.canonical, m.start, m.end, None, True, True)
    return None


def _resolve_body(doc: _Doc, a: int, b: int, history: Sequence[_Speaker]) -> str | None:
    """«وأوضحت الوزارة», «وقالت الشركة», «وذكر المرصد»: a definite institution noun alone stands for
    the body the text named before with that noun at the head of its name («وزارة الداخلية»,
    «المرصد السوري لحقوق الإنسان»): the canonical name of the latest earlier speaker, else of the
    latest earlier organisation mention, whose name opens with the noun; None when none does (the
    phrase stays as written)."""
    words = [t for t in doc.toks[doc.tok_index(a) : doc.tok_index(b)] if t.is_word]
    if len(words) != 1 or not strip_conjunction(words[0].fold).startswith("ال"):
        return None
    head = _bare(words[0].fold)
    if head not in Q.BODY_HEADS:
        return None
    for prev in reversed(history):
        if prev.canonical and not prev.per and _name_head(prev.text) == head:
            return prev.canonical
    for m in reversed(doc.mentions_in(0, a)):
        if m.label == "ORG" and m.canonical and _name_head(m.text) == head:
            return m.canonical
    return None


@functools.lru_cache(maxsize=1 << 12)
def _name_head(name: str) -> str | None:
    """The first word of a name, folded, without the article: «وزارة الداخلية» → «وزاره» (its «و»
    is the word's, not a conjunction), «المرصد السوري» → «مرصد»."""
    first = next((t.text for t in tokenize(name, scripts=False) if t.text[0].isalnum()), None)
    return None if first is None else strip_article(fold_match(first), elided=True)


def _resolve_surname(doc: _Doc, a: int, b: int, history: Sequence[_Speaker]) -> tuple[str] | None:
    """«روته» alone → the person of an earlier speaker phrase or mention ending with «روته»."""
    words = _bare_text(doc.text[a:b]).split()
    if not words or (len(words) > 2 and not _is_role(words[0])):
        return None
    last = words[-1]
    for prev in reversed(history):
        if prev.per and prev.canonical and _bare_text(prev.text).split()[-1:] == [last]:
            return (prev.canonical,)
    for m in reversed(doc.mentions_in(0, a)):
        if m.label == "PER" and _bare_text(m.text).split()[-1:] == [last]:
            return (m.canonical,)
    return None


def _make_speaker(doc: _Doc, a: int, b: int, found: list[Mention], feminine: bool | None,
                  history: Sequence[_Speaker]) -> _Speaker:
    a, b = _trim(doc.text, a, b, " \t،,:\u0640-–—")  # «رسول الله ــ صلى الله عليه وسلم ــ»
    cut = _relative_clause_start(doc, a, b)
    if cut is not None:  # «الإحصائية الحكومية التي أطلعت "الاقتصادية"»: the speaker is the noun before
        found = [m for m in found if m.start < cut]  # «التي», not the paper named in its relative clause
    canonical, per = _pick_canonical(found)
    if not per:
        prev = _resolve_surname(doc, a, b, history)
        if prev is not None:
            return _Speaker(doc.text[a:b], prev[0], a, b, feminine, True, True)
    head_linked = per or any(m.start <= a + 1 for m in found)
    if not per:  # «وسائل الإعلام اللبنانية», «المصادر»: a generic source is never an earlier speaker
        generic = _generic_head(doc, a, b)
        prev = None if generic else _resolve_role(doc, a, b, history)
        body = None if prev is not None or canonical or generic else _resolve_body(doc, a, b, history)
        if prev is not None:
            canonical, per, head_linked = prev.canonical, prev.per, True
            if feminine is None:
                feminine = prev.feminine
        elif body is not None:
            canonical, head_linked = body, True
        elif not head_linked and _anonymous_head(doc, a, b):
            canonical = None  # «مصادر مطلعة لـ«الشرق الأوسط»»: the paper is not the speaker
    return _Speaker(doc.text[a:b], canonical, a, b, feminine, per, head_linked)


def _relative_clause_start(doc: _Doc, a: int, b: int) -> int | None:
    """Where a relative clause opens in the speaker span [a, b) («المسؤول الذي فضل عدم الكشف»,
    «الممثلة الجزائرية التي»), after at least one word; None when there is none."""
    words = 0
    for t in doc.toks[doc.tok_index(a) : doc.tok_index(b)]:
        if t.is_word:
            if t.fold in _RELATIVES and words:
                return t.start
            words += 1
    return None


def _generic_head(doc: _Doc, a: int, b: int) -> bool:
    first = next((t for t in doc.toks[doc.tok_index(a) : doc.tok_index(b)] if t.is_word), None)
    return first is not None and _is_generic_word(first.fold)


def _anonymous_head(doc: _Doc, a: int, b: int) -> bool:
    first = next((t for t in doc.toks[doc.tok_index(a) : doc.tok_index(b)] if t.is_word), None)
    return first is not None and (_bare(first.fold) in Q.ANONYMOUS or first.fold in Q.ANONYMOUS)


def _self_contained(doc: _Doc, seg: Sequence[_Tok]) -> bool:
    """Every quotation mark / bracket in ``seg`` is paired inside it."""
    if not seg:
        return True
    a, b = seg[0].start, seg[-1].end
    closers = {c for o, c in doc.quotes.items() if a <= o < b and c < b}
    for t in seg:
        if t.is_word or t.raw in "،,":
            continue
        if t.raw in _OPEN_CLOSE or t.raw == '"' or t.raw in _CLOSERS:
            if t.start not in closers and doc.quotes.get(t.start, b) >= b:
                return False
        elif t.raw in "()":
            if seg and doc.text.count("(", a, b) != doc.text.count(")", a, b):
                return False
        else:
            return False
    return True


def _doc_subject_before(doc: _Doc, cue_k: int, sent_start: int, cue: _CueForm,
                        history: Sequence[_Speaker]) -> _Speaker | None:
    """«بعد يوم من صدور بيانات تفيد بأن …», «بلاغ يفيد عن وقوع حريق», «كانت توقعات المحللين
    تشير إلى …»: a noun of documents or data right before the cue (or heading the construct
    right before it) is its subject — an indefinite noun takes its relative clause without
    «الذي», so nothing stands between them."""
    toks = doc.toks
    j = cue_k - 1
    if j < 0 or toks[j].start < sent_start or not toks[j].is_word:
        return None
    if _bare(toks[j].fold) in Q.DOC_SUBJECTS:
        a = j
    elif j >= 1 and toks[j - 1].start >= sent_start and toks[j - 1].is_word and _bare(toks[j - 1].fold) in Q.DOC_SUBJECTS \
            and not toks[j - 1].fold.startswith("ال") and strip_conjunction(toks[j].fold).startswith("ال"):
        a = j - 1  # «توقعات المحللين تشير»: the construct's head
    else:
        return None
    return _make_speaker(doc, toks[a].start, toks[j].end, doc.mentions_in(toks[a].start, toks[j].end),
                         cue.feminine, history)


def _speaker_before(doc: _Doc, cue_k: int, sent_start: int, cue: _CueForm,
                    history: Sequence[_Speaker]) -> _Speaker | None:
    """Subject before the cue: «روته قال», «وكانت الولايات المتحدة أكدت», «الخارجية الروسية مضت موضحة»."""
    toks = doc.toks
    doc_subject = _doc_subject_before(doc, cue_k, sent_start, cue, history)
    if doc_subject is not None:
        return doc_subject
    if cue_k > 1 and toks[cue_k - 1].fold in Q.RELATIVES and toks[cue_k - 2].start >= sent_start:
        # «الشرطة التي رجحت أنه …»: the noun the relative clause hangs on speaks
        j = cue_k - 2
        m = next((m for m in doc.mentions_in(toks[max(j - 6, 0)].start, toks[j].end) if m.end == toks[j].end), None)
        if m is not None and m.label in ("PER", "ORG"):
            return _make_speaker(doc, m.start, m.end, [m], cue.feminine, history)
        if toks[j].is_word and _is_role(toks[j].fold):
            a = toks[j - 1].start if j > 0 and toks[j - 1].is_word and _is_role(toks[j - 1].fold) else toks[j].start
            return _make_speaker(doc, a, toks[j].end, [], cue.feminine, history)
        return None
    if cue_k > 0 and toks[cue_k - 1].raw in "،,":
        return None  # «في تصريحاته عبر منصة "إكس"، قال»: a comma separates an adverbial, not a subject
    if toks[cue_k].fold[:1] == "و" and strip_conjunction(toks[cue_k].fold) != toks[cue_k].fold \
            and _cue_of_fold(strip_conjunction(toks[cue_k].fold)) is not None:
        return None  # «… إن السلطات أحبطت محاولة … وأعلنت استدعاء سفيرها»: a coordinated verb has no subject
        # before it («أما X فقال»: with «ف» it has, the topic)
    j = cue_k - 1
    while j >= 0 and toks[j].start >= sent_start and (
            toks[j].fold in Q.GAP_WORDS or toks[j].raw in "،,"
            or toks[j].fold == "فقد" and any(t.fold in ("اما", "واما") for t in toks[doc.tok_index(sent_start):j])):
        j -= 1  # («أما X، فقد أكد»: «فقد» is a gap after a topic)
    if j < 0 or toks[j].start < sent_start:
        return None
    end_tok = toks[j]
    first = next((t for t in toks[doc.tok_index(sent_start) : cue_k] if t.is_word), None)
    if first is not None and first.fold in Q.TOPIC_OPENERS:
        return None  # «وعما إذا كانت تتابع المسلسلات … قالت:»: the topic, not a subject
    # clause start: after the last clause boundary before the subject
    i = j
    steps = 0
    while i - 1 >= 0 and toks[i - 1].start >= sent_start and steps < 14:
        t = toks[i - 1]
        if t.fold in Q.CLAUSE_STARTS or (t.is_word and (_cue_form(t) is not None or _is_complementizer(t))) \
                or t.raw in ":؛.":
            break  # «غير أن النقاد يقولون»: the subject starts after «أن»
        i -= 1
        steps += 1
    if steps >= 14:
        return None
    # skip a leading «و» token or «من جهته» style openers ending with a comma
    seg = toks[i : j + 1]
    comma_idx = [n for n, t in enumerate(seg) if t.raw in "،,"]
    found = doc.mentions_in(seg[0].start, end_tok.end) if seg else []
    mention_at_end = next((m for m in found if m.end >= end_tok.end - 1 and m.end <= end_tok.end), None)
    if mention_at_end is None:
        # an unnamed subject: «الخارجية الروسية مضت موضحة», or a title and a name the
        # recogniser missed: «وكان الأمين العام لحلف "الناتو"، مارك روته، قد قال»
        if not _self_contained(doc, seg) or any("\u064b" in t.raw for t in seg):
            return None  # «... «الشرطة تقتل مواطناً بالقطيف» فقال»: the end of a headline, not a subject
        words = [t for t in seg if t.is_word]
        if words and words[0].fold in ("و", "ف"):
            words = words[1:]
        if words and len(words) <= 10 and _is_role(words[0].fold) and not any(_cue_form(t) for t in words):
            return _make_speaker(doc, words[0].start, end_tok.end, doc.mentions_in(words[0].start, end_tok.end),
                                 cue.feminine, history)
        lead = doc.mention_starting_in(words[0]) if words else None
        if lead is not None and lead.label == "PER" and len(words) <= 10 and not any(_cue_form(t) for t in words):
            after = next((t for t in words if t.start >= lead.end), None)
            if after is not None and _is_role(after.fold):
                # «لكن فاروق جليك وزير العمل والضمان الاجتماعي التركي قال»: a name, then its title
                return _make_speaker(doc, lead.start, end_tok.end, doc.mentions_in(lead.start, end_tok.end),
                                     cue.feminine, history)
        gap = {t.fold for t in toks[j + 1 : cue_k]}
        opener = toks[i - 1].fold if i > 0 else ""
        if "قد" in gap and opener in ("كان", "وكان", "كانت", "وكانت") and 1 <= len(words) <= 2 \
                and _unknown_name(doc, i, j + 2) == j + 1:
            # «وكان كارتر قد قال ...»: an unrecognised name between «كان» and «قد»
            return _make_speaker(doc, words[0].start, words[-1].end, [], cue.feminine, history)
        if comma_idx:
            seg = seg[comma_idx[-1] + 1 :]
        words = [t for t in seg if t.is_word]
        if not words or len(words) > 6 or not _is_role(words[0].fold):
            return None
        if any(_cue_form(t) is not None for t in words):
            return None
        return _make_speaker(doc, words[0].start, words[-1].end, [], cue.feminine, history)
    if mention_at_end.label == "LOC" and cue.feminine is False:
        return None
    if mention_at_end.label not in ("PER", "ORG", "LOC"):
        return None
    first_word = next((t for t in seg if t.is_word), None)
    if first_word is not None and (first_word.fold in Q.STOPS or strip_conjunction(first_word.fold) in Q.STOPS) \
            and doc.mention_starting_in(first_word) is None:
        return None
    a = seg[0].start if seg else mention_at_end.start
    if seg and seg[0].fold in ("و", "ف"):
        a = seg[1].start if len(seg) > 1 else mention_at_end.start
    # a comma inside the subject is fine only as apposition right before the name
    if comma_idx and any(seg[n].end < mention_at_end.start - 2 for n in comma_idx[:-1]):
        a = mention_at_end.start
    return _make_speaker(doc, a, end_tok.end, doc.mentions_in(a, end_tok.end), cue.feminine, history)


# ----------------------------------------------------------------------------- content


def _clock_colon(doc: _Doc, i: int) -> bool:
    """«عند الساعة 1:06 صباح اليوم»: a colon between digits is a clock time's, not a statement's."""
    toks = doc.toks
    return 0 < i < len(toks) - 1 and toks[i - 1].raw[-1:].isdigit() and toks[i + 1].raw[:1].isdigit() \
        and toks[i - 1].end == toks[i].start and toks[i].end == toks[i + 1].start


def _content_after(doc: _Doc, k: int, limit: int, clause_end: int) -> tuple[int, int, str, int] | None:
    """The statement after the cue/speaker: (start, end, kind, token index where it starts)."""
    toks = doc.toks
    text = doc.text
    colon = None
    comp = None
    long_quote = None
    i = k
    while i < limit and i - k < _MAX_WINDOW:
        t = toks[i]
        if t.raw == "(" and i > 0 and toks[i - 1].is_word and toks[i - 1].fold in Q.DIVINE_EPITHETS:
            # «قال الله تعالى ( يا أيها الذين آمنوا … )»: a verse, quoted in brackets
            close = text.find(")", t.end, doc.paragraph_end(t.start))
            if close > 0 and len(text[t.end:close].split()) >= _MIN_DIRECT_WORDS:
                a, b = _trim(text, t.end, close)
                return a, b, "direct", i + 1
        if t.raw in _OPEN_CLOSE or t.raw == '"':
            close = doc.quotes.get(t.start)
            if close is None:
                i += 1
                continue
            if long_quote is None and len(text[t.start + 1 : close].split()) >= _MIN_DIRECT_WORDS:
                long_quote = (t.start, close, i)
            i = doc.tok_index(close + 1)
            continue
        if t.raw == ":" and not _clock_colon(doc, i):
            colon = i
            break
        if t.is_word and _is_complementizer(t):
            if i > k and toks[i - 1].fold in Q.MOREOVER:
                break  # «…، كما أن المجتمع له دور»: "moreover" opens a clause of its own, no cue's «أن»
            comp = i
            break
        if t.is_word and (_cue_form(t) is not None and _cue_form(t)[0].strong) and i > k:
            break
        i += 1
    if comp is not None and long_quote is not None and long_quote[0] < toks[comp].start \
            and len(text[long_quote[0] + 1 : long_quote[1]].split()) <= _NAME_QUOTE_WORDS \
            and _quoted_name(doc, long_quote[0], long_quote[1]):
        long_quote = None  # «في مقابلة مع شبكة "سي إن إن" الإخبارية إن …»: a short quoted name, then «إن»
    if comp is not None and (long_quote is None or long_quote[0] > toks[comp].start):
        t = toks[comp]
        if t.fold in ("ان", "بان"):
            a = t.end
        else:
            a = t.start + (1 if t.fold.startswith("ب") else 0)
        return _shape(doc, a, clause_end, comp + 1, "reported")
    if colon is not None:  # «قال، ردا على ... ما أسمته "...": "إن المادة ..."»: the colon wins
        return _shape(doc, toks[colon].end, clause_end, colon + 1, "reported")
    if long_quote is not None:
        o, c, qi = long_quote
        return o + 1, c, "direct", qi
    return None


def _shape(doc: _Doc, a: int, clause_end: int, k: int, kind: str) -> tuple[int, int, str, int] | None:
    """A clause starting at ``a``; if it is one quoted span, the inside of the quotes (direct)."""
    text = doc.text
    a, _ = _trim(text, a, clause_end)
    if a >= clause_end:
        return None
    if text[a] in _OPEN_CLOSE or text[a] == '"':
        close = doc.quotes.get(a)
        if close is not None:
            rest = text[close + 1 : max(clause_end, close + 1)].lstrip(" \t")
            if close + 1 >= clause_end or not rest.strip(" \t.؛:;»”\"") or rest[:1] in "،,.":
                if len(text[a + 1 : close].split()) >= 1:
                    return a + 1, close, "direct", k
            # the quote closes mid-clause: keep the whole clause
    end = clause_end
    a2, b2 = _trim_content(text, a, end)
    if b2 - a2 < 2 or len(text[a2:b2].split()) < 2:
        return None
    return a2, b2, kind, k


def _clause_end(doc: _Doc, cue_k: int, sent_end: int) -> int:
    """End of the statement that starts after the cue: the sentence end, or the next
    strong cue / attribution that starts a new clause («، مضيفاً أن», «، وأكد», «لكنه حذّر»)."""
    toks = doc.toks
    i = cue_k + 1
    started = False
    while i < len(toks) and toks[i].start < sent_end:
        t = toks[i]
        if t.raw in _OPEN_CLOSE or t.raw == '"':
            close = doc.quotes.get(t.start)
            if close is not None:
                i = max(i + 1, doc.tok_index(close + 1))
                continue
        if t.is_word and _is_complementizer(t):
            started = True
        if t.is_word:
            cf = _cue_form(t)
            # «وأفادت مصادر أمنية نقلاً عن الموقوفين بأن ...»: an attribution before the statement
            # starts is part of the attribution, not a new clause
            is_according = started and t.fold in Q.ACCORDING and _according_source_start(doc, i) is not None
            if (cf is not None and cf[0].strong) or is_according:
                j = i
                while j - 1 > cue_k and (toks[j - 1].raw in "،,؛" or strip_conjunction(toks[j - 1].fold) in Q.CONNECTORS
                                         or toks[j - 1].fold in Q.CONNECTORS
                                         or (toks[j - 1].fold == "في" and toks[j].fold == "حين")):
                    j -= 1  # «… في حين توقع محللون»: «whereas» opens a clause of its own
                prefixed = cf is not None and t.fold not in CUE_FORMS
                if j < i or prefixed or is_according or (cf is not None and cf[0].participle):
                    return toks[j].start
        i += 1
    return sent_end


# ----------------------------------------------------------------------------- according to


def _according_source_start(doc: _Doc, i: int) -> int | None:
    """Token index where the source of «وفقاً لـ X / بحسب X / نقلاً عن X» starts, or None."""
    toks = doc.toks
    t = toks[i]
    j = i + 1
    if j >= len(toks):
        return None
    if t.fold in Q.QUOTING:
        if toks[j].fold != "عن":
            return None
        return j + 1
    if strip_conjunction(t.fold) in Q.IN_ACCORDANCE or t.fold in Q.IN_ACCORDANCE_FORMS:
        if toks[j].fold in ("ما", "لما") and j + 1 < len(toks) and (
                toks[j + 1].fold in Q.ACCORDING_VERBS or _verb_with_object(toks[j + 1])):
            return j + 2  # «وفق ما أظهرته بيانات الإدارة», «وفقاً لما أكده متحدث الجامعة»
        if toks[j].fold == "ل":
            return j + 1
        if toks[j].fold.startswith("ل") and len(toks[j].fold) > 2:
            return j  # «وفقاً للبيان», «لبوليتيكو»: the ل is stripped later
        if toks[j].is_word and (_is_role(toks[j].fold) or doc.mention_starting_in(toks[j]) is not None):
            return j  # «وفق مصادر عسكرية عدة»: «وفق» without «لـ» before a source
        return None
    if t.fold in Q.CAME:  # «وجاء في بيان لأولي سولفانغ …: «…»»: the author of the statement
        if toks[j].fold != "في" or j + 2 >= len(toks) or toks[j + 1].fold not in Q.STATEMENT_DOCS:
            return None
        k = j + 2
        if toks[k].fold == "ل" and k + 1 < len(toks):
            return k + 1
        return k if toks[k].fold.startswith("ل") and len(toks[k].fold) > 2 else None
    if t.fold in Q.AS_WHAT:  # «حسبما صرحت غرفة دبي»
        return j + 1 if toks[j].fold in Q.ACCORDING_VERBS else None
    if t.fold in Q.ACCORDING_TO:
        if toks[j].fold == "ما" and j + 1 < len(toks) and toks[j + 1].fold in Q.ACCORDING_VERBS:
            return j + 2
        return j
    return None


def _verb_with_object(t: _Tok) -> bool:
    """«قدمته», «رصدته», «أعلنته»: after «وفقاً لما» a perfect with «ـته» is «what X presented /
    observed / announced», its subject the source."""
    return t.is_word and len(t.fold) >= 5 and t.fold.endswith("ته") and not t.fold.startswith(("ال", "و", "ف"))


def _according_source(doc: _Doc, j: int, sent_end: int, history: Sequence[_Speaker],
                      opening: bool = False) -> _Speaker | None:
    """The source named after «وفقاً لـ / بحسب / نقلاً عن»: a quoted name, an entity
    (optionally after «وكالة», «صحيفة» ...), or a short title («النائب», «مصادر مطلعة»)."""
    toks = doc.toks
    if j >= len(toks) or toks[j].start >= sent_end:
        return None
    first = toks[j]
    a = first.start
    m0 = doc.mention_starting_in(first) if first.is_word else None
    if m0 is not None:
        a = m0.start
    elif first.is_word and first.fold.startswith("لل") and len(first.fold) > 3:
        a = first.start + 2  # «للوزارة» → «وزارة» (the article's alef is not written)
    elif first.is_word and first.fold.startswith("ل") and len(first.fold) > 2:
        a = first.start + 1  # «لبوليتيكو» → «بوليتيكو»
    words = 0
    end = None
    found: list[Mention] = []
    k = j
    while k < len(toks) and toks[k].start < sent_end and words < 5:
        tk = toks[k]
        mk = doc.mention_starting_in(tk) if tk.is_word else None
        if mk is not None:
            found.append(mk)
            end = mk.end
            k = doc.tok_index(mk.end)
            while k < len(toks) and toks[k].raw in "»”\")":
                end = toks[k].end
                k += 1
            break
        if tk.raw in _OPEN_CLOSE or tk.raw in ('"', "”", "“"):
            close = doc.quotes.get(tk.start)
            if close is None and tk.raw in ("”", "“"):  # «لـ”عكاظ”»: one mark for both ends
                close = next((c for c in range(tk.end, min(sent_end, tk.end + 60)) if doc.text[c] in "”“"), None)
            if close is None or len(doc.text[tk.start + 1 : close].split()) > 5:
                break
            found += doc.mentions_in(tk.start, close + 1)
            if k == j:
                a, end = tk.start + 1, close  # «لـ"سكاي نيوز"» → سكاي نيوز
            else:
                end = close + 1
            break
        fold = tk.fold[1:] if tk.is_word and tk.fold.startswith("ل") and not tk.fold.startswith("لل") and k == j \
            and len(tk.fold) > 2 else tk.fold  # «للوزارة»: _is_role reads the elided article itself
        # (the «لـ» of «وفقاً لـ» is no addressee's: «وفقاً لصحيفة «آس»» is not «قال لصحيفة»)
        if not tk.is_word or _bare(fold) in Q.STOPS or _is_complementizer(tk) or tk.fold in _THEN \
                or tk.fold in ("نحو", "لنحو") or (words >= 1 and _told_outlet(doc, k, len(toks))):
            break  # «وحسب آخر الإحصاءات فإن …», «بحسب آخر الإحصائيات لنحو 11.5 مليار», «وحسب مصادر
            # لـ«الشرق الأوسط»» (the outlet told)
        if words >= 1 and (tk.fold in Q.ACCORDING or tk.fold in Q.QUOTING or (
                _ends_subject(toks[k - 1].fold, tk) and not any(toks[x].fold in _RELATIVES for x in range(j, k)))):
            break  # «وفق التقارير | تعاني …», «وفق بيان الوزارة | نقلا عن …»: the source's phrase has
            # ended (not inside a relative clause: «بحسب التقرير الذي نقلته وكالة الأنباء»)
        if words == 0 and not _is_role(fold) and not _source_noun(doc, k, sent_end):
            n = _source_to_comma(doc, k, sent_end) if opening else None
            if n is None:
                return None
            return _make_speaker(doc, a, toks[n - 1].end, doc.mentions_in(a, toks[n - 1].end), None, history)
        words += 1
        end = tk.end
        k += 1
    if end is None or end <= a:
        return None
    return _make_speaker(doc, a, end, found, None, history)


def _source_noun(doc: _Doc, k: int, sent_end: int) -> bool:
    """«وفق آخر الإحصائيات», «حسب تصريح وزارة النقل», «وبحسب المعطيات الأولية»: a noun of
    data, documents or statements (after «آخر / أحدث») is a source as a title is — unlike
    «حسب الحاجة», «وفق الخطة»."""
    toks = doc.toks
    f = _bare(toks[k].fold)
    if f in Q.LATEST and k + 1 < len(toks) and toks[k + 1].start < sent_end and toks[k + 1].is_word:
        f = _bare(toks[k + 1].fold)
    return f in Q.SOURCE_NOUNS


_THEN = {"فان", "فانه", "فانها", "فانهم", "فقد"}
_RELATIVES = {"الذي", "التي", "الذين", "اللذين", "اللتين", "اللاتي"}  # (folded)


def _source_to_comma(doc: _Doc, k: int, sent_end: int) -> int | None:
    """«وبحسب السكان، كانت الوالدة تصيح …», «وحسب قرار المدعي العام السويسري فإن …», «ووفقاً
    لاستمارة ترشيح الجامعة للطالبة فقد حصلت …»: an attribution opening the sentence runs to a
    comma or to «فإن / فقد» (the «فـ» answering the fronted phrase); whatever noun phrase stands
    there (at most six words, no verb of speech, no complementizer) is the source.  Returns the
    index of the token after it, or None."""
    toks = doc.toks
    n = k
    while n < len(toks) and toks[n].start < sent_end and n - k <= 6:
        t = toks[n]
        if not t.is_word:
            if t.raw in "،,":
                return n if n > k else None
            if t.raw in _OPEN_CLOSE or t.raw in "»”\"()":
                n += 1
                continue
            return None
        if t.fold in _THEN:
            return n if n > k else None
        if _is_complementizer(t) or _cue_form(t) is not None or t.raw[0].isdigit():
            return None
        n += 1
    return None


def _according_quotes(doc: _Doc, history: list[_Speaker]) -> list[tuple[int, Quote]]:
    """«وفقاً لـ X», «بحسب X», «نقلاً عن X»: the rest of the sentence is attributed to X."""
    out: list[tuple[int, Quote]] = []
    for i, t in enumerate(doc.toks):
        if not t.is_word or t.fold not in Q.ACCORDING or doc.inside_quote(t.start):
            continue
        j = _according_source_start(doc, i)
        if j is None:
            continue
        sent = doc.sentence_at(t.start)
        if sent is None:
            continue
        s_start, s_end = doc.sentence_bounds(t.start)
        opening = len(doc.text[s_start:t.start].strip(" \t،,").split()) == 0
        spk = _according_source(doc, j, s_end, [h for h in history if h.start < t.start], opening)
        if spk is None:
            continue
        cue_a = t.start
        cue_b = doc.toks[j - 1].end if j - 1 > i else t.end
        if doc.toks[j - 1].fold == "ل" and j - 1 > i:
            cue_b = doc.toks[j - 1].end
        before = doc.text[s_start:cue_a].strip(" \t،,")
        after_a = spk.end
        while after_a < s_end and doc.text[after_a] in "»”\")":
            after_a += 1
        k_out = _past_told_outlet(doc, doc.tok_index(after_a), doc.tok_index(s_end))
        if k_out < len(doc.toks) and doc.toks[k_out].start > after_a:
            after_a = min(doc.toks[k_out].start, s_end)  # («وحسب مصادر لـ«الشرق الأوسط»، فإن …»)
        after = doc.text[after_a:s_end].strip(" \t،,.؛")
        if len(before.split()) <= 1:  # at the start: «وبحسب كوريا الجنوبية، فإن ...»
            a = after_a
            k = doc.tok_index(a)
            while k < len(doc.toks) and doc.toks[k].start < s_end and (
                    doc.toks[k].raw in "،," or doc.toks[k].fold in ("فان", "فانه", "فانها", "ان")):
                k += 1
            if k >= len(doc.toks) or doc.toks[k].start >= s_end:
                continue
            a, b = _trim_content(doc.text, doc.toks[k].start, s_end)
        elif len(after.split()) <= 0:  # at the end: «...، وفقًا لـ"سكاي نيوز".»
            a, b = _trim_content(doc.text, s_start, cue_a)
        else:  # in the middle: the whole sentence
            a, b = _trim_content(doc.text, s_start, s_end)
        if b - a < 2 or len(doc.text[a:b].split()) < 3:
            continue
        out.append((cue_a, Quote(sent.sentence_idx, a, b, doc.text[a:b], "according_to",
                                 doc.text[cue_a:cue_b], spk.text, spk.canonical, spk.start, spk.end)))
    return out


# ----------------------------------------------------------------------------- main


_MAX_CONTINUATION_PARAGRAPHS = 4  # «وأضاف» continues a speaker named at most this many paragraphs before


_OPENERS = {"جهته", "جهتها", "جانبه", "جانبها", "ناحيته", "ناحيتها"}
_QUIET = _CueForm("قال", None, False, False)  # a subject only where a mention or a title heads it


def _sentence_subject(doc: _Doc, s_start: int, k: int, history: Sequence[_Speaker]) -> _Speaker | None:
    """«أدانت منظمة هيومن رايتس ووتش أمس قصف …، مشيرة إلى أن …», «وعبر اللاعب عن سعادته …،
    موضحاً أن …»: a participle of speech with no speaker of its own is a circumstantial clause
    (حال) of the sentence's main verb, so its speaker is that verb's subject: the noun phrase
    right after the verb that opens the sentence (verb–subject order), when a mention or a title
    heads it.  «من جهته،» before the verb is skipped."""
    toks = doc.toks
    i = doc.tok_index(s_start)
    if i + 2 < k and toks[i].fold == "من" and toks[i + 1].fold in _OPENERS:
        i += 2
        while i < k and toks[i].raw in "،,":
            i += 1
    while i < k and toks[i].fold in _PARTICLES:
        i += 1  # «وقد عبّر مدير المنتخب …»
    if i >= k - 1:
        return None
    v = toks[i]
    bare = strip_conjunction(v.fold)
    # «عبّر» (expressed) is written like «عبر» (via): the verb when «عن» follows its subject
    expressed = bare == "عبر"
    if (not v.is_word or bare.startswith("ال") or (not expressed and (v.fold in Q.STOPS or bare in Q.STOPS))
            or _is_role(v.fold) or doc.mention_starting_in(v) is not None or v.raw[0].isdigit()
            or _cue_form(v) is not None):
        return None
    phrase = _phrase_after(doc, i + 1, k, _QUIET)
    if phrase is None and bare in ("كان", "كانت"):
        # «وكان جروس قد تطرق إلى …، حيث طالب بضرورة …»: a name between «كان» and «قد»
        n = _unknown_name(doc, i + 1, k)
        if n is not None and toks[n].fold == "قد":
            return _make_speaker(doc, toks[i + 1].start, toks[n - 1].end, [], None, history)
    if phrase is None:
        return None
    a, b, ms = phrase
    if not ms and not _is_role(toks[i + 1].fold):
        return None
    if expressed and not (doc.tok_index(b) < k and toks[doc.tok_index(b)].fold == "عن"):
        return None
    return _make_speaker(doc, a, b, ms, None, history)


_PARTICLES = {"قد", "وقد", "فقد", "لقد", "ولقد"}
_AS_ASIDE = {"كما", "وكما"}  # (folded) «… انتصارا كما يرى البعض»: mid-clause, an aside inside another's
# statement (opening a clause, «كما أكد رجل ملثم» is «also»)
_CLAUSE_OPENERS = {"وقد", "فقد", "كما", "فيما", "بينما"}  # (folded) a new clause with its own verb


def _clause_opener_after(doc: _Doc, start: int, k: int) -> int | None:
    """The token of the last clause opener («وقد», «كما», «فيما») between char ``start`` and
    token ``k``, after a comma: where a participle's own clause begins."""
    toks = doc.toks
    for j in range(k - 1, doc.tok_index(start) - 1, -1):
        if toks[j].is_word and toks[j].fold in _CLAUSE_OPENERS and j > 0 and toks[j - 1].raw in "،,":
            return j
    return None


def _quote_on_next_line(doc: _Doc, s_end: int) -> tuple[int, int, str, int] | None:
    """«قال رسول الله ــ صلى الله عليه وسلم:\n«قتل المؤمن أعظم …»»: a cue whose sentence ends
    with a colon introduces the quotation that opens the next line."""
    text = doc.text
    j = s_end
    while j < len(text) and text[j] in " \t\n:":
        j += 1
    if j >= len(text) or not (text[j] in _OPEN_CLOSE or text[j] == '"'):
        return None
    close = doc.quotes.get(j)
    if close is None or len(text[j + 1 : close].split()) < _MIN_DIRECT_WORDS:
        return None
    return j + 1, close, "direct", doc.tok_index(j + 1)


def _complement_after_semicolon(doc: _Doc, s_end: int) -> tuple[int, int, str, int] | None:
    """«وأشار المواطنون؛ إلى أن الخدمات لا تكتمل …», «عن المتحدث باسم الشرطة جواد ؛ أن "…"»: the
    sentence splitter cuts at «؛», but a statement whose «أن» opens the next piece belongs to
    the cue before it."""
    toks = doc.toks
    j = doc.tok_index(s_end)
    while j < len(toks) and not toks[j].is_word and toks[j].raw in "؛;:":
        j += 1
    if j < len(toks) and toks[j].fold == "الي":
        j += 1  # «إلى أن»
    if j >= len(toks) or not toks[j].is_word or not _is_complementizer(toks[j]):
        return None
    _, n_end = doc.sentence_bounds(toks[j].start)
    t = toks[j]
    a = t.end if t.fold in ("ان", "بان") else t.start + (1 if t.fold.startswith("ب") else 0)
    return _shape(doc, a, n_end, j + 1, "reported")


def _talaba_is_verb(doc: _Doc, k: int) -> bool:
    """«طالب» (he demanded / a student): the verb after «فيما», «حيث», «وفيما» …, or opening a
    sentence or a clause after a comma, when what is demanded follows as «بـ» + a verbal noun
    before the clause ends («طالب عدد من المواطنين أمين المنطقة بإحداث بلدية», «، طالب حزب
    اليسار الألماني بعقد جلسة»); a student is described («طالب في الجامعة», «طالب سعودي يفوز»)."""
    toks = doc.toks
    prev = toks[k - 1] if k > 0 else None
    if prev is not None and (prev.fold in Q.VERB_AFTER or strip_conjunction(prev.fold) in Q.VERB_AFTER):
        return True
    s_start = doc.sentence_bounds(toks[k].start)[0]
    if not (prev is None or prev.start < s_start or prev.raw in "،,:"):
        return False
    for t in toks[k + 1 : k + 17]:
        if not t.is_word:
            if t.raw in "،,.:؛":
                return False
            continue
        if t.fold.startswith("ب") and len(t.fold) > 3 and t.fold not in ("بين", "بعد", "بعض", "بينما"):
            return True
    return False


def _data_head(speaker: str) -> bool:
    words = speaker.split()
    return bool(words) and (fold_match(words[0]) in Q.DATA_HEADS or _bare(fold_match(words[0])) in Q.DATA_HEADS)


_REFLEXIVES = {"نفسه", "نفسها", "انفسهم", "نفسي", "انفسنا"}


def _finder(speaker: _Speaker) -> bool:
    """Who finds in news: a person named, a title, a plural of people, a study or data."""
    words = speaker.text.split()
    if not words:
        return False
    first = fold_match(words[0])
    if any(fold_match(w) in _REFLEXIVES for w in words):
        return False  # «وجد الجيش المصري نفسه طرفاً في معركة»: found himself, found nothing
    return speaker.per or _data_head(speaker.text) or _is_role(first) or _plural_people(speaker.text) \
        or _bare(first) in Q.DOC_SUBJECTS


_SAID = _CueForm("قال", None, True, False)


def _relayed(doc: _Doc, k: int, limit: int, s_end: int, history: list[_Speaker]) -> Quote | None:
    """«ونقلت وكالة الأنباء الألمانية عن نائبة المتحدث … سوسن شبلي: «…»», «ونقلت "فرانس برس"
    عن المتحدث باسم الشرطة أن …»: «نقل X عن Y» relays what Y said; Y (after «عن», within ten
    words of the verb) is the speaker.  Without «عن» «نقل» is «carried» and nothing is said."""
    toks = doc.toks
    cue_lemma = _cue_form(toks[k])[0].lemma
    an = None
    j = k + 1
    while j < min(limit, k + 12):
        t = toks[j]
        if t.raw in _OPEN_CLOSE or t.raw == '"':
            close = doc.quotes.get(t.start)
            if close is None or len(doc.text[t.start + 1 : close].split()) > 5:
                return None
            j = doc.tok_index(close + 1)
            continue
        if t.is_word and t.fold == Q.RELAYED_FROM[cue_lemma]:
            an = j
            break
        if t.raw in ":.؛" or (t.is_word and (_is_complementizer(t) or _cue_form(t) is not None)):
            return None
        j += 1
    if an is None:
        return None
    phrase = _phrase_after(doc, an + 1, limit, _SAID)
    if phrase is None:
        return None
    a, b, ms = phrase
    for m in range(doc.tok_index(a) + 1, doc.tok_index(b)):
        if toks[m].fold in _HIS_SAYING:  # «عن مسؤول أمني قوله إن …»: «his saying» is not his name
            b = toks[m - 1].end
            ms = [x for x in ms if x.end <= b]
            break
    nb = doc.tok_index(b)
    if nb < len(toks) and (toks[nb].raw in _OPEN_CLOSE or toks[nb].raw == '"'):
        close = doc.quotes.get(toks[nb].start)
        after = doc.tok_index(close + 1) if close is not None else None
        if close is not None and len(doc.text[toks[nb].start + 1 : close].split()) <= 5 and after is not None \
                and after < len(toks) and (_is_complementizer(toks[after]) or toks[after].fold in _HIS_SAYING):
            b = close + 1  # «عن تقرير "أوف أميركا ميريل لينش" أن …»: the quoted name is the source's
            ms = ms + doc.mentions_in(toks[nb].start, close + 1)
    speaker = _make_speaker(doc, a, b, ms, None, history)
    history.append(speaker)
    clause_end = _clause_end(doc, k, s_end)
    content = _content_after(doc, doc.tok_index(b), max(limit, doc.tok_index(clause_end)), clause_end)
    if content is None and doc.text[doc.sentence_bounds(toks[k].start)[0]:s_end].rstrip(" \t").endswith(("؛", ";")):
        content = _complement_after_semicolon(doc, s_end)
    if content is None:
        return None
    ca, cb, kind, _ = content
    sent = doc.sentence_at(ca)
    return Quote(sent.sentence_idx if sent is not None else 0, ca, cb, doc.text[ca:cb], kind, toks[k].raw,
                 speaker.text, speaker.canonical, speaker.start, speaker.end)


_TIME_ADVERBS = {"امس", "اليوم", "مجددا", "ايضا", "كذلك", "رسميا", "مساء", "صباح", "اخيرا", "موخرا", "سابقا"}
_NAME_QUOTE_WORDS = 4  # a quoted span this short before «أن / إن» names a channel, a paper, a book
_HIS_SAYING = {"قوله", "قولها", "قولهم", "قولهما", "قولهن"}  # (folded) «نقلت … عن مسؤول قوله إن»


def _announced_event(doc: _Doc, k: int, clause_end: int) -> tuple[int, int, str, int] | None:
    """«أعلنت وزارة الصحة اليوم (الأحد) تسجيل …»: the event «أعلن» states, over words of time."""
    toks = doc.toks
    j = k
    while j < len(toks) and toks[j].start < clause_end and j - k < 6 and (
            not toks[j].is_word and toks[j].raw in "()،," or toks[j].is_word and (toks[j].fold in Q.ANNOUNCE_TIME_WORDS or _bare(toks[j].fold) in Q.ANNOUNCE_TIME_WORDS)):
        j += 1
    if j >= len(toks) or toks[j].start >= clause_end or not toks[j].is_word:
        return None
    f = toks[j].fold
    if f in Q.ANNOUNCED_EVENTS or _bare(f) in Q.ANNOUNCED_EVENTS:
        return _shape(doc, toks[j].start, clause_end, j, "reported")
    if j > k and not f.startswith(("ال", "و", "ف", "ب", "ل")) and f not in Q.STOPS and len(f) >= 4 \
            and j + 1 < len(toks) and toks[j + 1].is_word and toks[j + 1].fold.startswith("ال") \
            and toks[j + 1].start < clause_end and doc.mention_starting_in(toks[j]) is None:
        # «أعلنت المؤسسة العامة …، استمرار فترة القبول»: after the words of time or a comma that
        # close the subject, a noun in construct is the thing announced
        return _shape(doc, toks[j].start, clause_end, j, "reported")
    return None


def _what_it_described(doc: _Doc, k: int) -> bool:
    """«ما وصفته بتكرار …», «بما وصفه بالانتهاكات»: «ما» + the verb with its object pronoun + «بـ» + a noun."""
    toks = doc.toks
    return 0 < k < len(toks) - 1 and toks[k - 1].fold in ("ما", "بما") and toks[k].fold != "وصف" \
        and toks[k + 1].is_word and toks[k + 1].fold.startswith("ب") and len(toks[k + 1].fold) > 3


def _an_at(doc: _Doc, k: int) -> int | None:
    """The index of «عن» at token ``k``, or after a comma or a time adverb there: «فقد أعلنت
    المقاومة الشعبية، عن مقتل …», «وكانت مصادر أمنية تحدثت أمس عن مقتل …»; else None."""
    toks = doc.toks
    for n in range(k, min(k + 3, len(toks))):
        if toks[n].fold == "عن":
            return n
        if not (toks[n].raw in "،," or toks[n].fold in _TIME_ADVERBS):
            return None
    return None


def _an_follows(doc: _Doc, k: int) -> bool:
    return _an_at(doc, k) is not None


def _may_continue(doc: _Doc, k: int, cue: _CueForm, sent_start: int) -> bool:
    """Only «وأضاف», «فقال», «مضيفاً», «قبل أن تضيف», a sentence-initial verb, a verb after a
    connector, after «إلا أنه» or after a sentence's topic («وعن … قال») continue a speaker."""
    toks = doc.toks
    if toks[k].fold not in CUE_FORMS or cue.participle or not cue.strong:
        return True  # prefixed («وأضاف»), a participle, an imperfect
    s0 = doc.tok_index(sent_start)
    first = next((t for t in toks[s0:k] if t.is_word), None)
    if first is None:
        return True  # the first word of its sentence
    prev = toks[k - 1] if k - 1 >= s0 else None
    if prev is not None and (prev.raw in "،,؛" or prev.fold in Q.CONNECTORS or prev.fold in _BUT_HE
                             or strip_conjunction(prev.fold) in Q.CONNECTORS):
        return True
    if prev is not None and prev.fold in Q.BUT_PRONOUNS and k >= 2 \
            and strip_conjunction(toks[k - 2].fold) in _BUT_WORDS:
        return True  # «إلا أنه أكد», «غير أنها أوضحت»
    # «وعن رأيه في القرعة قال:»: the topic first, no other cue before
    return first.fold in Q.TOPIC_OPENERS and not any(_cue_form(t) is not None for t in toks[s0:k])


_BUT_HE = {"لكنه", "لكنها", "لكنهم"}
_BUT_WORDS = Q.BUT_WORDS | {"لكن"}


def _new_subject_after(doc: _Doc, k: int, cue: _CueForm) -> bool:
    """«وصرح وكيل محافظة عدن نايف البكري ... أن»: a perfect verb followed by a noun phrase has
    a subject of its own, even one the speaker rules could not read; it does not continue
    the last speaker («شهود عيان» two sentences before)."""
    if cue.participle or not cue.strong or k + 1 >= len(doc.toks) or cue.lemma not in Q.INTRANSITIVE_CUES:
        return False  # «ودعا روسيا إلى ...»: after a verb that takes an object, a noun is the object
    t = doc.toks[k + 1]
    if not t.is_word or _is_complementizer(t) or _cue_form(t) is not None:
        return False
    f = t.fold
    if f in Q.STOPS or _bare(f) in Q.STOPS or strip_conjunction(f) in Q.STOPS or f in Q.ADVERBS or f in Q.PREP_PRON:
        return False
    if f in Q.ACCORDING or f.startswith("ل") or f in ("ب", "ل", "و", "ف"):
        return False  # «لوكالة الأنباء», «للصحفيين»: the addressee
    if _object_before_that(doc, k + 1):
        return False  # «أكدت اعتقادها أن»: a noun with a pronoun suffix is the object
    return not (cue.lemma == "لفت" and f in Q.ATTENTION)  # («ولفت النظر إلى أن …»: no subject)


def _previous_sentence_subject(doc: _Doc, k: int, s_start: int, cue: _CueForm,
                               history: Sequence[_Speaker]) -> _Speaker | None:
    """«واستهل والد الشهيد حديثه مع الأمير … . وقال: "…"»: a subjectless cue opening its sentence
    continues the subject of the sentence right before it when that sentence, which states
    nothing itself, opens with a verb whose subject is a person (a name or a person's title)
    named after the last speaker — Arabic drops the subject it has just introduced."""
    toks = doc.toks
    if not cue.strong or any(t.is_word for t in toks[doc.tok_index(s_start) : k]) or s_start == 0:
        return None  # only a perfect or a participle opening its sentence
    prev = doc.sentence_at(s_start - 1)
    if prev is None or prev.start >= s_start or doc.inside_quote(prev.start):
        return None
    if doc.text.count("\n", prev.end, s_start) > 1:
        return None  # not across a paragraph break
    p0, p1 = doc.tok_index(prev.start), doc.tok_index(prev.end)
    spk = _sentence_subject(doc, prev.start, p1, history)
    if spk is None or (history and spk.start <= history[-1].start):
        return None
    head = _bare(fold_match(spk.text.split()[0]))
    if head in Q.INSTITUTION_HEADS or _generic_head(doc, spk.start, spk.end) or _plural_people(spk.text):
        return None
    first = fold_match(spk.text.split()[0])
    if not spk.per and not {first, head, strip_article(first)} & Q.PERSON_HEADS:
        return None  # a person: a name or a person's title («والد الشهيد»), not «طرابلس», «بعض الشركات»
    if any(t.is_word and _cue_form(t) is not None for t in toks[p0:p1]) or any(
            toks[n].raw in _OPEN_CLOSE or toks[n].raw == '"' for n in range(p0, p1)):
        return None  # a sentence with a statement or a quotation of its own: the history speaks
    fem = head.endswith("ه") and not spk.per
    if cue.feminine is not None and not spk.per and fem != cue.feminine:
        return None
    return _Speaker(spk.text, spk.canonical, spk.start, spk.end, cue.feminine, spk.per, spk.head_linked)


def _last_person(doc: _Doc, before: int, para: int, feminine: bool | None) -> _Speaker | None:
    """«استقبل … السفير البوسني …. وأكد أن …»: a cue with no subject in a document where nobody
    has spoken yet continues the last person named before it (at most two paragraphs back),
    whom a sentence that was no statement introduced (issue #24)."""
    i = bisect.bisect_left(doc.mention_starts, before)
    last = None
    for m in reversed(doc.mentions[:i]):
        if m.end > before or doc.inside_quote(m.start) or m.label != "PER":
            continue
        if para - doc.text.count("\n", 0, m.start) > 2:
            break
        if last is not None and doc.sentence_bounds(m.start) != doc.sentence_bounds(last.start):
            break
        last = m  # the first person of the nearest sentence naming one: its subject, mostly
    if last is None:
        return None
    return _Speaker(doc.text[last.start:last.end], last.canonical, last.start, last.end, feminine, True, True)




def _compatible(spk: _Speaker, feminine: bool | None) -> bool:
    if feminine is False and _plural_people(spk.text):
        return False  # «وأضاف» (he added) does not continue «محللون»: a pronoun subject agrees in number
    return feminine is None or spk.feminine is None or spk.feminine == feminine


def _divine_epithet(doc: _Doc, i: int) -> int | None:
    """The token after God's name or epithet at ``i`` right after a cue («الله», «تعالى», «سبحانه»,
    «عز وجل», «جل وعلا», «الله تعالى»), or None."""
    toks = doc.toks
    if i >= len(toks) or not toks[i].is_word:
        return None
    if toks[i].fold == "الله":  # «يقول الله عز وجل: ( … )»
        return _divine_epithet(doc, i + 1) or i + 1
    if toks[i].fold in Q.DIVINE_ALONE:
        return i + 1
    if i + 1 < len(toks) and (toks[i].fold, toks[i + 1].fold) in Q.DIVINE_PAIRS:
        return i + 2
    return None


def _name_after_participle(doc: _Doc, i: int) -> Mention | None:
    """A person's name right after a participle cue and right before «أن / إن / بأن» or «إلى»
    («مبينا النزال أن …»): the participle's own subject."""
    toks = doc.toks
    if i >= len(toks):
        return None
    m = doc.mention_starting_in(toks[i])
    if m is None or m.label != "PER" or m.start != toks[i].start:
        return None
    j = doc.tok_index(m.end)
    return m if j < len(toks) and (_is_complementizer(toks[j]) or toks[j].fold == "الي") else None


def _blessing(doc: _Doc, i: int) -> int | None:
    """The token after «صلى الله عليه وسلم» at ``i`` (the Prophet's blessing right after a cue), or None."""
    toks = doc.toks
    n = len(Q.PROPHET_BLESSING)
    if i + n <= len(toks) and all(toks[i + m].fold == w for m, w in enumerate(Q.PROPHET_BLESSING)):
        return i + n
    return None


def _scripture(spk: _Speaker) -> bool:
    """God or the Prophet, quoted from scripture («قال الله عز وجل», «قال رسول الله», «وقال تعالى»)."""
    words = [strip_conjunction(fold_match(w)) for w in spk.text.split()[:2]]
    return bool(words) and (words[0] in Q.SCRIPTURE_HEADS or " ".join(words) in Q.SCRIPTURE_HEADS
                            or words[0] in Q.DIVINE_ALONE or tuple(words) in Q.DIVINE_PAIRS)


def _god(spk: _Speaker) -> bool:
    """«الله», «الله تعالى», «الله عز وجل» (not «الله فخاف»: a phrase misread as a speaker)."""
    words = [strip_conjunction(fold_match(w)) for w in spk.text.split()]
    rest = tuple(words[1:])
    return bool(words) and words[0] == "الله" and (not rest or rest[0] in Q.DIVINE_ALONE or rest[:2] in Q.DIVINE_PAIRS)


def _plural_people(text: str) -> bool:
    """A speaker headed by a plural of people («محللون», «مسؤولين», «خبراء», «شهود عيان»)."""
    first = fold_match(text.split()[0]) if text.split() else ""
    head = _bare(first)
    return head in Q.PLURAL_PEOPLE or (head.endswith(("ون", "يين")) and len(head) > 4)


def extract_quotes(text: str, sentences: list[Sentence], mentions: list[Mention]) -> list[Quote]:
    """Statements attributed to speakers in one document (see the module docstring).

    ``text`` is the document's clean_text, ``sentences`` its sentences and ``mentions``
    its entity mentions (offsets into ``text``).  Returns quotes in text order.
    """
    if not text or not sentences:
        return []
    doc = _Doc(text, sentences, mentions)
    history: list[_Speaker] = []
    found: list[tuple[int, Quote]] = []
    seen_spans: set[tuple[int, int]] = set()
    toks = doc.toks

    def emit(tok: _Tok, content: tuple[int, int, str, int], speaker: _Speaker) -> None:
        """One quote per content span: the cue ``tok``'s statement ``content`` by ``speaker``."""
        a, b, kind, _ = content
        if (a, b) in seen_spans or b <= a:
            return
        seen_spans.add((a, b))
        sent = doc.sentence_at(a)
        found.append((tok.start, Quote(sent.sentence_idx if sent is not None else 0, a, b, text[a:b], kind, tok.raw,
                                       speaker.text, speaker.canonical, speaker.start, speaker.end)))

    for k, tok in enumerate(toks):
        if not tok.is_word:
            continue  # (punctuation is no cue)
        hit = _cue_form(tok)
        if hit is None and tok.fold == "وبين" and _bayyana_opens(doc, k, doc.sentence_bounds(tok.start)[0]):
            hit = (_BAYYANA, "بين")
        elif hit is None and tok.fold == "طالب" and _talaba_is_verb(doc, k):
            hit = (_PREFIXED_FORMS["طالب"], "طالب")  # «فيما طالب المدعي العام بإنزال …»: the verb, not «student»
        elif hit is None and tok.fold in _ONLY_AN_WRITTEN:
            f = _ONLY_AN_WRITTEN[tok.fold]  # «تحدثت صحيفة "ذي غارديان" عن …» (see Q.ONLY_AN_FORMS)
            hit = (_CueForm("تحدث", Q.ONLY_AN_FORMS[f], True, False), f)
        if hit is None or doc.inside_quote(tok.start):
            continue
        cue = hit[0]
        if _states_nothing(doc, k, cue):
            continue
        s_start, s_end = doc.sentence_bounds(tok.start)
        limit = doc.tok_index(s_end)
        if cue.lemma in Q.RELAYED_FROM:
            q = _relayed(doc, k, limit, s_end, history)
            if q is not None:
                found.append((tok.start, q))
            continue
        if cue.lemma == "وصف" and _what_it_described(doc, k):
            # «بعد ما وصفته بتكرار التصريحات المعادية»: what the sentence's subject described, as
            # «بـ» + a noun
            clause_end = _clause_end(doc, k, s_end)
            speaker = next((h for h in reversed(history) if s_start <= h.start < tok.start), None) \
                or _sentence_subject(doc, s_start, k, history)  # (a cue's speaker earlier in the sentence first)
            a = toks[k + 2].start if _is_complementizer(toks[k + 1]) and k + 2 < len(toks) \
                else toks[k + 1].start + 1  # («بسبب ما وصفها بأنها انتهاكات»: after «بأنها»)
            content = _shape(doc, a, clause_end, k + 1, "reported") if toks[k + 1].start < clause_end else None
            if speaker is not None and content is not None:
                emit(tok, content, speaker)
            continue
        # 1. the speaker after the cue (verb–subject), else before it (subject–verb)
        speaker: _Speaker | None = None
        k_after = k + 1
        honorific = k + 1 < len(toks) and toks[k + 1].fold in Q.HONORIFIC_PRONOUNS
        divine = None if honorific else _divine_epithet(doc, k + 1)
        blessed = None if honorific or divine is not None else _blessing(doc, k + 1)
        if honorific:
            k_after = k + 2  # «وقال سموه إن»: «His Highness» is the last speaker (step 3)
        elif cue.participle and (named := _name_after_participle(doc, k + 1)) is not None:
            # «مبينا النزال أن …»: a participle with its subject named right after it
            speaker = _make_speaker(doc, named.start, named.end, [named], cue.feminine, history)
            k_after = doc.tok_index(named.end)
        elif divine is not None:
            # «قال جل وعلا: ((…))», «وقال تعالى ( … )»: God, as the scripture quoted before, else the epithet
            speaker = next((h for h in reversed(history) if _god(h)), None) \
                or _make_speaker(doc, toks[k + 1].start, toks[divine - 1].end, [], None, history)
            k_after = divine
        elif blessed is not None:
            # «قال صلى الله عليه وسلم: "…"»: the Prophet, as named before, else the blessing
            speaker = next((h for h in reversed(history) if _scripture(h) and not _god(h)), None) \
                or _make_speaker(doc, toks[k + 1].start, toks[blessed - 1].end, [], None, history)
            k_after = blessed
        elif cue.lemma == "اتهم" and k > 0 and tok.fold == strip_conjunction(tok.fold) \
                and (speaker := _speaker_before(doc, k, s_start, cue, history)) is not None \
                and speaker.end >= toks[k - 1].start:
            pass  # «والمعارضة اليمينية اتهمت الحكومة باستغلال …»: the subject before, the accused after
        elif not cue.participle:
            phrase = None if _addressee_after(doc, k + 1, cue) or _object_of_appeal(doc, k + 1, cue) \
                else _phrase_after(doc, k + 1, limit, cue)
            if phrase is not None and cue.lemma == "وصف" and not phrase[2] and not _is_role(toks[k + 1].fold) \
                    and not strip_conjunction(toks[k + 1].fold).startswith("ال") \
                    and word_count("ال" + toks[k + 1].fold) >= 50:
                # «ووصف قصف الانفصاليين … بأنه»: a common noun (one in use with the article) after
                # the verb is its object, no subject; a name the recogniser missed («ووصف داركود») stays
                phrase = None
            if phrase is not None:
                a, b, ms = phrase
                if cue.lemma in Q.OBJECT_FOLLOWS and not ms and (cue.lemma == "وصف" or (
                        k + 2 < len(toks) and toks[k + 2].is_word and not toks[k + 2].fold.startswith("و"))):
                    # «ووصف الوزير المحادثات بأنها», «وأرجع خبراء السبب إلى»: the object follows
                    # (not «أرجع حسن وعلي الزريق …»: two subjects); «اتهمت الحكومة الأوكرانية
                    # الانفصاليين بـ…»: a subject's nisba adjectives stay with it
                    n = k + 2
                    while cue.lemma == "اتهم" and n < limit and toks[n].is_word and toks[n].fold.startswith("ال") \
                            and toks[n].fold.endswith(("ي", "يه")) and toks[n].start < b:
                        n += 1
                    b = toks[n - 1].end
                elif cue.lemma == "اتهم" and ms:
                    # «واتهم داود أوغلو تنظيم "داعش" بـ…»: the accuser is the first name, the accused
                    # the next; «واتهمت النيابة العامة تشافيز بـ…»: a name after words is the accused
                    if ms[0].start <= toks[k + 1].start + 1 or _is_role(toks[k + 1].fold):
                        ms, b = ms[:1], ms[0].end  # («اتهم رئيس الوزراء أحمد داود أوغلو تنظيم …»)
                    else:
                        ms, b = [], toks[doc.tok_index(ms[0].start) - 1].end
                if not any(m.label == "PER" for m in ms) and cue.lemma != "اتهم":  # (an accused after it)
                    person = _extend_to_person(doc, doc.tok_index(b), limit)
                    if person is not None:
                        ms = ms + [person]
                        b = person.end
                speaker = _make_speaker(doc, a, b, ms, cue.feminine, history)
                k_after = _past_told_outlet(doc, doc.tok_index(b), limit)
                if not ms and not _is_role(toks[k + 1].fold):
                    # a guessed name after the verb yields to a subject before it: «وكان وزير
                    # الاقتصاد الأسبق محمد الجاسر انتقد أداء العاملين» (SVO after «كان»: «أداء
                    # العاملين» is the object)
                    before = _speaker_before(doc, k, s_start, cue, history)
                    if before is not None:
                        speaker, k_after = before, k + 1
            if speaker is None:
                speaker = _speaker_before(doc, k, s_start, cue, history)
        if cue.lemma == "راي" and not strip_marks(tok.raw).endswith(("ى", "ا")):
            continue  # «رأي» (opinion) is a noun
        if cue.lemma in Q.OWN_SUBJECT_CUES and not cue.participle and (speaker is None or honorific or (
                cue.lemma in Q.FINDING_CUES and not _finder(speaker))):
            continue
        explicit = speaker is not None
        # a weak cue (an imperfect) states as a perfect does when a document or data speaks through
        # it: «بلاغ يفيد عن وقوع حريق», «توقعات المحللين تشير إلى انخفاض»
        strong = cue.strong or (explicit and _doc_subject_before(doc, k, s_start, cue, ()) is not None)
        if cue.lemma in Q.ONLY_AN and not (explicit and _an_follows(doc, k_after)):
            if explicit:
                history.append(speaker)
            continue  # «تحدث مع قادة …», «وتحدث عن مقتطفات من التقرير الدكتور …»
        # 2. the content
        clause_end = _clause_end(doc, k, s_end)
        if cue.lemma == "خلص":  # «وخلص (يرماك) إلى القول إن ...»
            nxt = [t.fold for t in toks[k_after : k_after + 2]]
            if nxt[:2] != ["الي", "القول"] and nxt[:2] != ["الي", "ان"]:
                if explicit:
                    history.append(speaker)
                continue
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if (cue.participle and not honorific and cue.lemma in Q.PARTICIPLE_CLAUSE and nxt is not None and nxt.is_word
                and not _is_complementizer(nxt) and _cue_form(nxt) is None and nxt.fold not in Q.STOPS
                and nxt.fold not in Q.NOT_CLAUSE_START and not nxt.fold.startswith(("ب", "ل", "و"))
                and doc.mention_starting_in(nxt) is None and not _is_role(nxt.fold)
                and not any(t.is_word and _is_complementizer(t) for t in toks[k + 2 : k + 4])
                and nxt.start < clause_end):
            # «مؤكداً عزم المصرف على …», «موضحاً تسخير كافة الوسائل»: the clause right after the
            # participle, not an «أن» further on (issue #24); «داعيا الله أن …» keeps its «أن»
            content = _shape(doc, nxt.start, clause_end, k + 1, "reported")
        elif cue.strong and cue.lemma in Q.CLAUSE_AFTER_AN and k_after < len(toks) and _an_follows(doc, k_after) \
                and toks[k_after].start < clause_end:
            # «تحدثت مصادر أمنية عن مقتل ما يسمى «والي ناحية كبيسة»»: what «عن» opens is the
            # statement, not a quoted name further on
            a_k = _an_at(doc, k_after)
            content = _shape(doc, toks[a_k].start, clause_end, a_k, "reported")
        elif cue.lemma == "اتهم":
            # the accused stands between the accuser and the «بـ» word; none there is the passive
            # («يُتّهم حبري بأنه …», «واتُّهم بدعم …»)
            j = _accused_of(doc, k_after, clause_end)
            content = None if j is None or not any(t.is_word for t in toks[k_after:j]) \
                else _shape(doc, toks[j].start, clause_end, j, "reported")
        else:
            content = _content_after(doc, k_after, max(limit, doc.tok_index(clause_end)), clause_end)
        if content is None and doc.text[s_start:s_end].rstrip(" \t").endswith(("؛", ";", ":")):
            content = _complement_after_semicolon(doc, s_end)
        if content is None and strong and k_after < len(toks) and toks[k_after].start < clause_end and (
                (cue.lemma in Q.CLAUSE_CUES and cue.lemma not in Q.FEELING_CUES
                 and (cue.strong or toks[k_after].fold == "عن" or toks[k_after].fold.startswith("ب")))
                # (a document's imperfect states with «عن» or «بـ»: «بلاغ يفيد بوجود …», not «بيانات توضح أين …»)
                or (cue.lemma in Q.CLAUSE_AFTER_AN and _an_follows(doc, k_after))  # «أعلنت اللجنة عن المزاد»
                or (cue.lemma == "اظهر" and speaker is not None and _data_head(speaker.text))):
            a_k = _an_at(doc, k_after) if cue.lemma in Q.CLAUSE_AFTER_AN else None
            a_k = k_after if a_k is None else a_k  # «أعلنت المقاومة الشعبية، عن مقتل …»
            content = _shape(doc, toks[a_k].start, clause_end, a_k, "reported")  # «حذرت الوزارة من ...»
        if content is None and strong and cue.lemma in Q.CLAUSE_AFTER_BI and k_after < len(toks) \
                and toks[k_after].start < clause_end and toks[k_after].fold.startswith("ب") and len(toks[k_after].fold) > 3:
            # «قد صرح بعدم اتخاذ أي قرار»: what was declared, as «بـ» + a verbal noun
            content = _shape(doc, toks[k_after].start, clause_end, k_after, "reported")
        if content is None and doc.text[s_start:s_end].rstrip(" \t").endswith(":"):
            content = _quote_on_next_line(doc, s_end)
        if content is None and cue.lemma == "اعلن" and cue.strong and explicit:
            content = _announced_event(doc, k_after, clause_end)

        if content is None and cue.lemma in Q.POINTED_TO and strong:
            # «وأشار الشيخ محمد بن زايد في هذا الصدد إلى اعتزازه بالشراكة»: «أشار إلى» + a noun
            # states what he pointed to as much as «أشار إلى أن» does
            for j in range(k_after, min(k_after + 6, len(toks))):
                if toks[j].start >= clause_end or (not toks[j].is_word and toks[j].raw in "،,.:؛"):
                    break
                if toks[j].fold == "الي":
                    content = _shape(doc, toks[j].start, clause_end, j, "reported")
                    break
        # 3. a cue without a subject continues the last speaker of the same gender
        if speaker is None and not honorific and cue.participle:
            # «وصرح الناطق … بأن …, وقد وجه قائد حرس الحدود … شكره …، مؤكدا أن»: a new clause with
            # a subject of its own after the last statement of the sentence is the participle's
            opener = _clause_opener_after(doc, max([q.start for _, q in found if q.start < tok.start] + [s_start]), k)
            if opener is not None:
                speaker = _sentence_subject(doc, toks[opener].start, k, history)
                if speaker is not None:
                    history.append(speaker)
        if speaker is None and not honorific and (cue.participle or (cue.strong and tok.fold not in CUE_FORMS)) \
                and not any(h.start >= s_start for h in history):
            # a participle or a «وقال» with no subject of its own shares the subject of the verb
            # that opens its sentence («وعبر اللاعب عن سعادته …، موضحاً أن», «… وقال: "…"»)
            speaker = _sentence_subject(doc, s_start, k, history)
            if speaker is not None:
                history.append(speaker)
        if speaker is None and (honorific or _may_continue(doc, k, cue, s_start) and not _new_subject_after(doc, k, cue)
                                and (cue.lemma != "اتهم" or cue.participle)):
            # (an accusation whose accuser was not found after it has one there: «وتتهم الأجهزة
            # المصرية مسلحين بـ…» is no earlier speaker's)
            para = text.count("\n", 0, tok.start)
            fresh = None if honorific else _previous_sentence_subject(doc, k, s_start, cue, history)
            # God or the Prophet, quoted from scripture, go on only in words quoted directly («وقال
            # تعالى ( … )»): «وأكد أن …» after a verse is the preacher's, not a verse's speaker's
            direct = content is not None and content[2] == "direct"
            if fresh is not None and _scripture(fresh) and not direct:
                fresh = None
            if fresh is not None:
                history.append(fresh)
            speaker = fresh or next((h for h in reversed(history) if _compatible(h, cue.feminine)
                            and (direct or not _scripture(h))
                            and para - text.count("\n", 0, h.start) <= _MAX_CONTINUATION_PARAGRAPHS), None)
            if speaker is None and not history and cue.feminine is not None:  # not «وقالوا», «مؤكدين»: a group
                speaker = _last_person(doc, tok.start, para, cue.feminine)
        elif explicit and (content is not None or cue.lemma not in Q.OWN_SUBJECT_CUES) \
                and not (k > 1 and toks[k - 1].fold in _AS_ASIDE and toks[k - 2].is_word and toks[k - 2].start >= s_start):
            # («كتب ستيف كول كتاباً»: a verb of writing or finding that states nothing names no speaker to
            # continue; «… لم يكن انتصارا كما يرى البعض، لافتا …»: an aside «as some see it» is no speaker
            # the sentence's participles continue)
            history.append(speaker)
        if content is None or speaker is None:
            continue
        emit(tok, content, speaker)
    found += _according_quotes(doc, history)
    found.sort(key=lambda x: (x[1].start, x[0]))
    out: list[Quote] = []
    keys: set[tuple[int, int, str]] = set()
    for _, q in found:  # one row per (span, kind): (doc_id, start_char, end_char, kind) is a key
        if (q.start, q.end, q.kind) not in keys:
            keys.add((q.start, q.end, q.kind))
            q.speaker_kind = speaker_kind(q.speaker, q.speaker_start, q.speaker_end, doc.mentions_in)
            out.append(q)
    return out


def speaker_kind(speaker: str | None, start: int | None, end: int | None, mentions_in) -> str | None:
    """``named`` (a person, or a body named in the text: «وزارة الصحة», «رويترز»), ``generic``
    (an unnamed source: «المصادر», «التقرير», «البيان», «مصدر مسؤول», «شهود عيان», «وسائل
    الإعلام») or ``pronoun`` (a speaker only as a pronoun: «وأضاف» with no speaker before it).
    A generic head with a person named in the phrase («المتحدث باسم الداخلية محمد العروي»)
    is named; ``mentions_in(start, end)`` gives the entity mentions inside the phrase."""
    if speaker is None:
        return None
    words = [fold_match(t.text) for t in _tokens(speaker)]
    words = [w for w in words if w and w[0].isalnum()]
    if not words:
        return "pronoun"
    if words[0] in Q.PRONOUNS:
        return "pronoun"
    if start is not None and end is not None and any(m.label == "PER" for m in mentions_in(start, end)):
        return "named"
    if _is_generic_word(words[0]):
        if _bare(words[0]) in Q.OUTLET_HEADS and len(words) > 1 and start is not None and end is not None \
                and any(m.label in ("ORG", "MISC") for m in mentions_in(start, end)):
            return "named"  # «صحيفة «وول ستريت جورنال»», «وكالة رويترز»: an outlet named
        return "generic"
    return "named"


def _is_generic_word(fold: str) -> bool:
    """«المصادر», «ووسائل» (و a root letter or a prefix: both readings are tried)."""
    cands = {fold, _bare(fold), strip_conjunction(fold)}
    if fold.startswith("ال") and len(fold) > 3:
        cands.add(fold[2:])
    return bool(cands & Q.GENERIC_HEADS)




QUOTE_COLUMNS = ("doc_id", "sentence_idx", "start_char", "end_char", "text", "kind", "cue", "speaker",
                 "speaker_canonical", "speaker_start", "speaker_end", "speaker_kind", "speaker_entity_id")


def link_speakers(quotes: Sequence[Quote], mentions: Sequence[Mention]) -> None:
    """Set ``speaker_entity_id`` (in place): the entity of the mention inside the speaker's
    span, else the document's entity whose canonical name the speaker was linked to."""
    by_canonical: dict[str, str] = {}
    for m in mentions:
        if m.entity_id and m.label in ("PER", "ORG"):
            by_canonical.setdefault(m.canonical, m.entity_id)
    for q in quotes:
        if q.speaker_kind == "generic":
            continue
        inside = [m for m in mentions if m.entity_id and q.speaker_start is not None and q.speaker_end is not None
                  and q.speaker_start <= m.start and m.end <= q.speaker_end and m.canonical == q.speaker_canonical]
        if inside:
            q.speaker_entity_id = inside[-1].entity_id
        elif q.speaker_canonical:
            q.speaker_entity_id = by_canonical.get(q.speaker_canonical)


def quote_rows(doc_id: str, quotes: Sequence[Quote]) -> list[dict[str, object]]:
    """Rows of the ``quotes`` table (columns ``QUOTE_COLUMNS``) for one document."""
    return [
        {
            "doc_id": doc_id,
            "sentence_idx": q.sentence_idx,
            "start_char": q.start,
            "end_char": q.end,
            "text": q.text,
            "kind": q.kind,
            "cue": q.cue,
            "speaker": q.speaker,
            "speaker_canonical": q.speaker_canonical,
            "speaker_start": q.speaker_start,
            "speaker_end": q.speaker_end,
            "speaker_kind": q.speaker_kind,
            "speaker_entity_id": q.speaker_entity_id,
        }
        for q in quotes
    ]
