"""Names that stand for several entities, resolved by context (``senses.json``).

«الهلال» is the Saudi club, the Sudanese club, the crescent moon or part of «الهلال الأحمر»;
«الأهلي» the Saudi club, the Egyptian club or a bank; «الجزيرة» the channel, the newspaper, the
Arabian Peninsula, an Emirati club or «the island»; «تونس» the country or its capital.  For a
mention whose name is one of these, :meth:`Senses.choose` reads, in this order:

1. the word right after the mention («الأهلي المصري», «الجزيرة العربية», «تونس العاصمة»);
2. the word right before it («قناة الجزيرة», «البنك الأهلي», «العاصمة تونس»), and whether it is a
   definite noun the name is an adjective of («التعليم الأهلي», private education);
3. cue words in the mention's sentence, then in the whole document (sport words for a club,
   «قناة», «صحيفة», «جزيرة», Egyptian clubs and cities for Al Ahly, …), each sense naming the
   cue groups it needs and the groups that rule it out;
4. for a city sense, other cities of that country in the same sentence («تونس وسوسة»).

Nothing decides: the mention keeps its generic identity (its own name's key), except where
the table says the knowledge base's reading is the default («تونس» is the country).  Word
lists and senses are data (``akhbar/resources/ner/senses.json``); this module only applies them.
"""

from __future__ import annotations

import functools
import json
import os
from collections import Counter
from typing import NamedTuple

from akhbar.text import fold_key, fold_key_word, fold_match, split_proclitics, tokenize

SENSES_FILE = "senses.json"
_QUOTES = frozenset('"«»“”‘’\'()')


@functools.lru_cache(maxsize=50_000)
def _word_key(word: str) -> str:
    """A word without proclitics and article, KEY level («ولاعبي» → «لاعبي», «بالدوري» →
    «دوري»); the proclitic is cut only where SaudiNewsNet's counts read it so («ودية» and
    «كأس» stay whole: akhbar.entities.features ``smart_split``)."""
    from akhbar.entities.features import smart_split

    _prefix, _article, rest, _cut = smart_split(fold_match(word))
    return fold_key_word(rest, article=False)


class Sense(NamedTuple):
    org: str | None = None  # English name of an organisations.json entry
    gazetteer: str | None = None  # a name of a model-gazetteer entry
    place: tuple[str, str] | None = None  # (English name, kind) of a place
    drop: str | None = None  # why the mention is no name in this sense
    default_kb: bool = False  # keep the knowledge base's own reading
    label: str | None = None  # the generic identity under this label (no entity of the lists)


class _Rule(NamedTuple):
    sense: Sense
    after: frozenset[str]
    before: frozenset[str]
    cues: tuple[str, ...]
    unless: tuple[str, ...]
    with_cities_of: str | None
    sentence_only: bool
    after_definite_noun: bool
    unless_before: frozenset[str]
    versus: tuple[str, ...]


class Senses:
    def __init__(self, data: dict) -> None:
        self.cues = {g: frozenset(_word_key(w) for w in words.split()) for g, words in data.get("cues", {}).items()}
        self.places = data.get("places", [])
        self.rules: dict[str, list[_Rule]] = {}
        for name, senses in data.get("names", {}).items():
            rules = []
            for s in senses:
                sense = Sense(org=s.get("org"), gazetteer=s.get("gazetteer"),
                              place=(s["place"], s.get("kind", "city")) if s.get("place") else None,
                              drop=s.get("drop"), default_kb=s.get("default") == "kb", label=s.get("label"))
                rules.append(_Rule(sense, frozenset(_word_key(w) for w in s.get("after", [])),
                                   frozenset(_word_key(w) for w in s.get("before", [])),
                                   tuple(s.get("cues", [])), tuple(s.get("unless", [])), s.get("with_cities_of"),
                                   s.get("scope") == "sentence", bool(s.get("after_definite_noun")),
                                   frozenset(_word_key(w) for w in s.get("unless_before", [])),
                                   tuple(s.get("versus", []))))
            self.rules[fold_key(name)] = rules

    def __contains__(self, name: str) -> bool:
        return fold_key(name) in self.rules

    def choose(self, text: str, start: int, end: int, name: str, sentence: tuple[int, int],
               city_country=None, place_cues: frozenset[str] = frozenset()) -> Sense | None:
        """The sense of the mention ``text[start:end]`` (name ``name``) in sentence
        ``sentence`` (character span); ``city_country(word) -> country code or None`` for the
        city senses; ``place_cues``: words before a place's name («حي الجزيرة» is a district,
        never dropped as «the island»). None: no sense decided, the generic identity."""
        rules = self.rules.get(fold_key(name))
        if not rules:
            return None
        # the words around the mention, past quotes and brackets («قناة «الجزيرة» الإخبارية»)
        after_words = [t.text for t in tokenize(text[end:end + 40]) if t.text not in _QUOTES]
        after = _word_key(after_words[0]) if after_words and after_words[0][:1].isalpha() else ""
        before_words = [t.text for t in tokenize(text[max(0, start - 40):start]) if t.text not in _QUOTES]
        if before_words and not before_words[-1][:1].isalpha():
            before_words = []
        before = _word_key(before_words[-1]) if before_words else ""
        for r in rules:
            if after and after in r.after:
                return r.sense
        for r in rules:
            if before and before in r.before:
                return r.sense
        prev_definite = bool(before_words) and split_proclitics(fold_match(before_words[-1])).article
        for r in rules:
            if r.after_definite_noun and prev_definite and before not in r.unless_before:
                return r.sense  # «التعليم الأهلي»: an adjective, no name
        own = fold_match(name)  # the name itself is no cue: «الجزيرة» is not «جزيرة»
        sent_words = frozenset(_counts(text[sentence[0]:sentence[1]], own))
        doc_words = frozenset(_counts(text, own))
        for scope in (sent_words, doc_words):
            for r in rules:
                if not r.cues or r.sense.drop and before in place_cues or (r.sentence_only and scope is doc_words):
                    continue
                if all(self.cues.get(g, frozenset()) & (scope | (doc_words if g != r.cues[0] else frozenset()))
                       for g in r.cues) and not self._ruled_out(r, text, own):
                    return r.sense
        for r in rules:
            if r.with_cities_of and city_country is not None:
                # «تونس وصفاقس وسوسة»: joined to another city of the country («سوسة بتونس» is Sousse in Tunisia)
                nxt = text[end:end + 40].split()[:1]
                joined = [w for w in nxt if w[:1] == "و" or text[end:end + 2].lstrip()[:1] in "،,"]
                if text[start - 1:start] == "و" and before_words:
                    joined.append(before_words[-1])
                if any(city_country(w.strip("،,")) == r.with_cities_of for w in joined):
                    return r.sense
        return next((r.sense for r in rules if r.sense.default_kb), None)


    def _ruled_out(self, r: _Rule, text: str, own: str) -> bool:
        """The document has words of the rule's `unless` groups (more of them than of its
        `versus` groups, where it has some)."""
        if not r.unless:
            return False
        counts = _counts(text, own)
        against = sum(counts[w] for g in r.unless for w in self.cues.get(g, ()))
        if not r.versus:
            return against > 0
        return against > sum(counts[w] for g in r.versus for w in self.cues.get(g, ()))


def _counts(text: str, own: str) -> Counter:
    """Word keys of ``text`` and their counts, without the occurrences of the name ``own``
    itself (MATCH level, a proclitic allowed)."""
    out: Counter = Counter()
    for w, key in _words(text):
        if w == own or (w.endswith(own) and len(w) - len(own) <= 2 and split_proclitics(w).cut == len(w) - len(own)):
            continue
        out[key] += 1
    return out


@functools.lru_cache(maxsize=16)
def _words(text: str) -> tuple[tuple[str, str], ...]:
    """(MATCH form, word key) of each word of ``text``: a document is read once for all
    its names with senses, and its sentences once each."""
    return tuple((fold_match(t.text), _word_key(t.text)) for t in tokenize(text) if t.text[:1].isalpha())


@functools.lru_cache(maxsize=1)
def load() -> Senses:
    path = os.path.join(os.path.dirname(os.path.dirname(__file__)), "resources", "ner", SENSES_FILE)
    with open(path, encoding="utf-8") as f:
        return Senses(json.load(f))
