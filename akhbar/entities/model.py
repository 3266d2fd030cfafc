"""CRF model wrapper (python-crfsuite, averaged with the numpy BiLSTM of
``neural.py``), BIO decoding and document consistency.

Runtime needs only python-crfsuite + numpy; training lives in akhbar/training/train_ner.py
and akhbar/training/train_bilstm.py.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
from collections import Counter, defaultdict
from collections.abc import Iterator

import numpy as np

from akhbar.entities import gazetteer as gz

from akhbar.entities import crf_numpy
from akhbar.entities.features import (ALL_GROUPS, TOKEN_ID_WIDTH, bigram_sides, load_clusters, sentence_view,
                                      smart_split, tag_feature_ids, token_feature_ids, view_features,
                                      views_feature_ids)
from akhbar.entities.neural import NEURAL_FILE, TAGS, NeuralTagger, bio_decode_many
from akhbar.text import PREPOSITIONS, fold_key, fold_key_word, fold_match, split_proclitics
from akhbar.text.caches import WORD_CACHE_MAX

MODEL_FILE = "ner.crfsuite"
META_FILE = "ner_meta.json"
NAMES_FILE = "train_names.json"
PRIOR_FILE = "cluster_per_prior.json"
NAME_PRIOR_MIN = 0.1  # a word in a cluster with fewer PER tokens than this is not name-like
LABELS = ("PER", "LOC", "ORG", "MISC")
TAG_SLICE_TOKENS = 20_000  # tokens per BiLSTM batch (memory, not results, depends on it)
FEATURE_IDS_CACHE_MAX = WORD_CACHE_MAX  # tokens whose CRF attribute ids are kept (44 int32 each, per tagger: 5 MB)
TAG_IDS_CACHE_MAX = 4096  # combinations of a token's list tags whose attribute ids are kept


def spans_from_bio(tags: list[str]) -> list[tuple[int, int, str]]:
    """(i, j, label) chunks; an I- without a matching B- starts a chunk (conlleval)."""
    if isinstance(tags, (list, tuple)) and tags.count("O") == len(tags):
        return []  # most sentences
    out: list[tuple[int, int, str]] = []
    start, label = None, None
    for k, t in enumerate(list(tags) + ["O"]):
        if t == "O" or t.startswith("B-") or (t.startswith("I-") and t[2:] != label):
            if start is not None:
                out.append((start, k, label))
                start, label = None, None
            if t != "O":
                start, label = k, t[2:]
    return out


class CrfModel:
    """The CRF, pooled with the BiLSTM tagger when its weights ship (``bilstm.npz``).

    Both give a distribution over the BIO tags per token (CRF marginals, BiLSTM
    softmax); they are pooled (:func:`pool_probs`, ``crf_pool`` and ``crf_weight``
    from ``ner_meta.json``, written by akhbar/training/train_bilstm.py) and the pool is decoded
    into the most probable BIO-valid sequence."""

    def __init__(self, model_dir: str = gz.RESOURCE_DIR, model_path: str | None = None, neural: bool = True) -> None:
        import pycrfsuite

        meta_path = os.path.join(model_dir, META_FILE)
        self.meta = json.load(open(meta_path, encoding="utf-8")) if os.path.exists(meta_path) else {}
        self.groups = tuple(self.meta.get("groups", ALL_GROUPS))
        names_path = os.path.join(model_dir, NAMES_FILE)
        self.train_names: dict[str, str] = {}
        if "tgaz" in self.groups and os.path.exists(names_path):
            self.train_names = json.load(open(names_path, encoding="utf-8"))
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(model_path or os.path.join(model_dir, MODEL_FILE))
        self.labels = [t for t in TAGS if t in set(self.tagger.labels())]
        self.crf_weight = float(self.meta.get("crf_weight", 1.0))
        self.crf_pool = str(self.meta.get("crf_pool", "linear"))  # models written before 0.5.0: linear
        self._ready: dict[tuple[str, ...], tuple[list[str], list[float]]] = {}
        # the CRF's weights for its marginals in numpy (crf_numpy), with the attribute ids per
        # token (rows of a table, by token string) and per combination of list tags
        self.weights = crf_numpy.read_weights(model_path or os.path.join(model_dir, MODEL_FILE)) \
            if "emb" not in self.groups else None
        self._bigram_sides = bigram_sides(self.weights.attrs) if self.weights is not None else (frozenset(), frozenset())
        self._id_rows: dict[str, int] = {}
        self._id_table = np.zeros((0, TOKEN_ID_WIDTH), np.int32)
        self._tag_ids: dict[tuple[str | None, str | None, str | None], list[int]] = {}
        self.neural = None
        npath = os.path.join(model_dir, NEURAL_FILE)
        if neural and self.crf_weight < 1.0 and os.path.exists(npath):
            self.neural = _load_neural(npath)

    def tag(self, tokens: list[str]) -> tuple[list[str], list[float]]:
        return self.tag_many([tokens])[0]

    def tag_many(self, sentences: list[list[str]]) -> list[tuple[list[str], list[float]]]:
        """Tags and the probability of each chosen tag, for each sentence.

        The BiLSTM runs its sentences as one packed batch whose arrays grow with the
        batch's tokens (about 10 kB a token): sentences are tagged in slices of at most
        :data:`TAG_SLICE_TOKENS` tokens, so memory stays bounded (a document of 83,000
        one-line sentences peaked at 2.8 GB in one batch).  Sentences tagged ahead by
        :meth:`prepared` are served from there.  The result of a sentence does not depend
        on the other sentences it is tagged with, so neither slicing nor batching changes tags."""
        if not self._ready:
            return self._tag_sliced(sentences)
        keys = [tuple(toks) for toks in sentences]
        missing = [k for k, key in enumerate(keys) if key not in self._ready]
        fresh = dict(zip(missing, self._tag_sliced([sentences[k] for k in missing]))) if missing else {}
        return [fresh[k] if k in fresh else self._ready[key] for k, key in enumerate(keys)]

    @contextlib.contextmanager
    def prepared(self, sentences: list[list[str]]) -> Iterator[None]:
        """Tag ``sentences`` (those of many documents) in one go; inside the block,
        :meth:`tag_many` answers them from this batch.  What makes the BiLSTM fast:
        its recurrent loop then runs over thousands of sentences per numpy call."""
        unique = list(dict.fromkeys(tuple(toks) for toks in sentences))
        self._ready = dict(zip(unique, self._tag_sliced([list(t) for t in unique])))
        try:
            yield
        finally:
            self._ready = {}

    def _tag_sliced(self, sentences: list[list[str]]) -> list[tuple[list[str], list[float]]]:
        out: list[tuple[list[str], list[float]]] = []
        start, tokens = 0, 0
        for end, sent in enumerate(sentences, start=1):
            tokens += len(sent)
            if tokens >= TAG_SLICE_TOKENS or end == len(sentences):
                out += self._tag_all(sentences[start:end])
                start, tokens = end, 0
        return out

    def _tag_all(self, sentences: list[list[str]]) -> list[tuple[list[str], list[float]]]:
        views = [sentence_view(toks, self.groups, self.train_names) for toks in sentences]
        nprobs = self.neural.probs(views) if self.neural is not None else None
        out: list[tuple[list[str], list[float]]] = [([], []) for _ in sentences]
        crfs: dict[int, np.ndarray] = {}
        batched = nprobs is not None and self.weights is not None
        if batched:
            crfs = self._batch_marginals(sentences, views)
        for k, view in enumerate(() if batched else views):
            n = len(view.infos)
            if not n:
                continue
            self.tagger.set(view_features(view, self.groups))
            if nprobs is None:
                tags = self.tagger.tag()
                out[k] = (tags, [self.tagger.marginal(t, i) for i, t in enumerate(tags)])
            else:
                crfs[k] = self.marginals(n)
        if crfs:
            ks = list(crfs)
            decoded = bio_decode_many([pool_probs(crfs[k], nprobs[k], self.crf_weight, self.crf_pool) for k in ks])
            for k, (tags, probs) in zip(ks, decoded):
                _continue_names(sentences[k], tags, probs, crfs[k])
                out[k] = (tags, probs)
        return out

    def marginals(self, n: int) -> np.ndarray:
        return crf_marginals(self.tagger, n, self.labels)

    def _batch_marginals(self, sentences: list[list[str]], views: list) -> dict[int, np.ndarray]:
        """:meth:`marginals` of every non-empty sentence of ``views`` at once
        (:func:`crf_numpy.marginals`: the same floats as the tagger's), by index in ``views``.

        A token's attribute ids are kept by its string in a table of at most
        :data:`FEATURE_IDS_CACHE_MAX` rows, filled as tokens come and then left alone
        (news words are Zipfian: the first seen are mostly the frequent ones); the ids of
        the tokens left out are worked out for each batch."""
        w = self.weights
        assert w is not None
        keep = [k for k, v in enumerate(views) if v.infos]
        if not keep:
            return {}
        vs = [views[k] for k in keep]
        use_cl, use_tr = "clusters" in self.groups, "triggers" in self.groups
        rows = self._id_rows
        size = len(rows)
        extra: dict[str, int] = {}  # tokens of this batch left out of the table: rows after it
        extra_ids: list[list[int]] = []
        toks = [tok for k in keep for tok in sentences[k]]
        idx = [rows.get(tok) for tok in toks]
        if None in idx:
            infos = [ti for v in vs for ti in v.infos]
            for p, r in enumerate(idx):
                if r is None:
                    tok = toks[p]
                    r = extra.get(tok)
                    if r is None:
                        r = extra[tok] = size + len(extra_ids)
                        extra_ids.append(token_feature_ids(infos[p], use_cl, use_tr, w.attrs, w.zero,
                                                           self._bigram_sides))
                    idx[p] = r
        table = self._id_table
        if extra_ids:
            table = np.concatenate([table, np.array(extra_ids, np.int32)])
            room = FEATURE_IDS_CACHE_MAX - size
            if room > 0:  # the first of them join the table for good
                self._id_table = table[:size + room].copy()
                for tok, r in extra.items():
                    if r < size + room:
                        rows[tok] = r
        token_rows = table[idx]
        # each token's three list tags (None: the group is off) as one code, then the ids of
        # each distinct combination (a few dozen): no tuple per token
        tag_ids = self._tag_ids
        if len(tag_ids) > TAG_IDS_CACHE_MAX:
            tag_ids.clear()
        names: list[str | None] = [None]
        code: dict[str | None, int] = {None: 0}
        columns = []
        for field in ("gaz_tags", "tg_tags", "ol_tags"):
            flat = [t for v in vs for t in (getattr(v, field) or [None] * len(v.infos))]
            for t in set(flat) - code.keys():
                code[t] = len(names)
                names.append(t)
            columns.append(np.array([code[t] for t in flat], np.int64))
        base = len(names)
        combo, where = np.unique((columns[0] * base + columns[1]) * base + columns[2], return_inverse=True)
        rows_of_combo = []
        for c in combo.tolist():
            key = (names[c // (base * base)], names[c // base % base], names[c % base])
            hit = tag_ids.get(key)
            if hit is None:
                hit = tag_ids[key] = tag_feature_ids(*key, w.attrs, w.zero)
            rows_of_combo.append(hit)
        tag_rows = np.array(rows_of_combo, np.int64)[where.reshape(-1)]
        ids = views_feature_ids(vs, token_rows, tag_rows, use_tr, w.attrs, w.zero)
        lens = [len(v.infos) for v in vs]
        marg = crf_numpy.marginals(w, ids, lens)
        m = np.zeros((len(token_rows), len(TAGS)), np.float32)
        for j, label in enumerate(w.labels):
            if label in self.labels:
                m[:, TAGS.index(label)] = marg[:, j]
        ends = np.cumsum(lens)
        return {k: m[e - n:e] for k, e, n in zip(keep, ends.tolist(), lens)}


POOLS = ("log", "linear")


def pool_probs(crf: np.ndarray, nn: np.ndarray, w: float, pool: str = "log") -> np.ndarray:
    """One (n, len(TAGS)) distribution per token from the CRF's marginals and the
    BiLSTM's softmax. ``log`` (the default since pipeline 0.5.0) is the product of
    experts, crf^w · nn^(1−w) renormalised per token: a tag either model all but rules
    out stays unlikely, where the ``linear`` average w · crf + (1 − w) · nn (0.2.0 to
    0.4.1) keeps the other model's share of belief in it. Chosen on two
    cross-validation blocks (docs/ner-evaluation.md, "Pipeline 0.5.0")."""
    if pool == "linear":
        return w * crf + (1.0 - w) * nn
    if pool != "log":
        raise ValueError(f"unknown pool {pool!r}: one of {POOLS}")
    lp = w * np.log(np.clip(crf, 1e-9, 1.0)) + (1.0 - w) * np.log(np.clip(nn, 1e-9, 1.0))
    e = np.exp(lp - lp.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def crf_marginals(tagger, n: int, labels: list[str] | None = None) -> np.ndarray:
    """(n, len(TAGS)) marginals of the sequence last given to a crfsuite tagger
    (0 for tags the model does not know)."""
    if labels is None:
        known = set(tagger.labels())
        labels = [t for t in TAGS if t in known]
    m = np.zeros((n, len(TAGS)), np.float32)
    marginal = tagger.marginal
    positions = range(n)
    for t in labels:
        # one column at a time from a list (float32 as each item set would be): no numpy
        # item assignment per token
        m[:, TAGS.index(t)] = [marginal(t, i) for i in positions]
    return m


_I_PER = TAGS.index("I-PER")
CONTINUE_MIN_P = 0.5


def _continue_names(words: list[str], tags: list[str], probs: list[float], crf: np.ndarray) -> None:
    """A person name goes on over a word the CRF alone continues with confidence
    (I-PER ≥ 0.5), even where the average says O.  The BiLSTM's character CNN takes
    unseen second words of modern names that start like imperfect verbs for verbs
    («أندريه يرماك»: CRF I-PER 0.55, BiLSTM O 0.66).  Costs 0.2 F1 on ANERcorp
    (docs/ner-evaluation.md); kept because the seeds need it.  Only over a
    name-like word (not «بفوز», «الشهير»: «شوماخر بفوز»).  The BiLSTM's
    probabilities are not consulted on purpose: trusting them here too cost another 0.2."""
    for i in range(1, len(tags)):
        if tags[i] == "O" and tags[i - 1].endswith("-PER") and _name_like(words[i]) and not _preposition_form(words[i]):
            p = float(crf[i, _I_PER])
            if p >= CONTINUE_MIN_P:
                tags[i], probs[i] = "I-PER", p


TOKEN_CACHE_MAX = WORD_CACHE_MAX  # token strings whose answers each cached predicate below keeps (per process)


@functools.lru_cache(maxsize=TOKEN_CACHE_MAX)
def _preposition_form(tok: str) -> bool:
    """«ب/ل/ك» + a word more frequent alone than with the letter («بفوز», «بافتقاد»;
    not «بلير», «لحود»): a preposition, not the start of a name."""
    n = fold_match(tok)
    if len(n) < 4 or n[0] not in PREPOSITIONS:
        return False
    counts = load_clusters()
    rest = counts.get(n[1:], (0,))[0]
    return rest >= 10 and rest > counts.get(n, (0,))[0]


@functools.lru_cache(maxsize=4)
def _load_neural(path: str) -> NeuralTagger:
    """Read-only weights, shared by the threads of a process (numpy only reads them)."""
    return NeuralTagger(path)


def load_model(neural: bool = True) -> CrfModel:
    """A new tagger.  Not cached: a crfsuite tagger holds the sequence it is tagging,
    so each thread needs its own (EntityRecognizer.load keeps one per thread)."""
    return CrfModel(neural=neural)


# --- document-level consistency ------------------------------------------
_NOT_NAME = gz.PER_TITLES | gz.ORG_HEADS | gz.LOC_CUES | gz.SAY_VERBS | gz.ROLE_WORDS | gz.DIRECTIONS



def mention_key(toks: list[str], i: int, j: int, fold: bool = True) -> str:
    """Matching key of the mention ``toks[i:j]``: folded, without the first token's
    proclitic (the article stays), so «وروته» and «روته» vote for the same name.
    ``fold=False``: its spelling (no letter folds, :func:`akhbar.text.fold_key`)."""
    first = toks[i]
    sp = split_proclitics(first)
    words = [first[sp.cut:] if sp.cut and not sp.article else first] + toks[i + 1 : j]
    return fold_key(" ".join(words), letters=fold)


def doc_consistency(
    doc_tokens: list[list[str]],
    doc_tags: list[list[str]],
    doc_probs: list[list[float]],
    threshold: float = 0.6,
    min_count: int = 1,
) -> int:
    """Tag later (or earlier) untagged occurrences of names tagged confidently
    elsewhere in the document, including PER short forms («روته» after
    «مارك روته»); relabel a tagged occurrence when the document's confident
    occurrences of the same name vote at least 2 and 2:1 for another label.
    Modifies tags/probs in place; returns the number of added spans."""
    votes: dict[str, Counter] = defaultdict(Counter)
    spelled: set[str] = set()  # how the document spells its confident names (no letter folds)
    for toks, tags, probs in zip(doc_tokens, doc_tags, doc_probs):
        for i, j, label in spans_from_bio(tags):
            if label == "MISC":
                continue
            conf = sum(probs[i:j]) / (j - i)
            if conf < threshold:
                continue
            key = mention_key(toks, i, j)
            if len(key) >= 3:
                votes[key][label] += 1
                # with and without the proclitic: the matcher below may cut it or not («واشنطن»)
                spelled.add(fold_key(" ".join(toks[i:j]), letters=False))
                spelled.add(mention_key(toks, i, j, fold=False))
            if label == "PER" and j - i >= 2:
                last = fold_key_word(toks[j - 1], article=False)
                if len(last) >= 3 and fold_key_word(toks[j - 1]) not in _NOT_NAME:
                    votes[last]["PER"] += 1
                    spelled.add(fold_key(toks[j - 1], letters=False))
    index = {k: c.most_common(1)[0][0] for k, c in votes.items() if sum(c.values()) >= min_count}
    if not index:
        return 0
    g = gz.load()
    added = 0
    for toks, tags, probs in zip(doc_tokens, doc_tags, doc_probs):
        for i, j, label, cut in g.match_tokens(toks, index=index):
            if j - i == 1 and _not_a_short_form(toks[i]):
                continue  # «على» folds to the key of the name «علي»; «ابن» alone is nobody
            if all(t == "O" for t in tags[i:j]) and (i + 1 >= len(tags) or not tags[j:j + 1] or not tags[j].startswith("I-")):
                first = toks[i][cut:]
                if not any(fold_key(" ".join([f] + toks[i + 1:j]), letters=False) in spelled for f in (first, "ا" + first)):
                    continue  # spelled otherwise in this document: «الغزيرة» is not «الجزيرة» («للولايات»: «الولايات»)
                _set_span(tags, probs, i, j, label, 0.6)
                added += 1
            elif tags[i].startswith("B-") and all(t == "I-" + tags[i][2:] for t in tags[i + 1:j]) \
                    and not (j < len(tags) and tags[j].startswith("I-")) and tags[i][2:] != label and tags[i][2:] != "MISC":
                key_votes = votes.get(mention_key(toks, i, j))
                if key_votes and key_votes[label] >= 2 and key_votes[label] >= 2 * key_votes[tags[i][2:]]:
                    _set_span(tags, probs, i, j, label)
    return added



# parts of a person name that never stand for it alone («علي بن أبي طالب», «محمد ولد …», «الحسن الثاني»)
_NAME_PARTS = frozenset(fold_match(w) for w in "ابن بن أبو ابو أبي ابي أبا ولد عبد آل الأول الثاني الثالث".split())


@functools.lru_cache(maxsize=TOKEN_CACHE_MAX)
def _not_a_short_form(tok: str) -> bool:
    """A preposition, pronoun or particle («على», «وعلى»), or a name part («ابن», «ولد»,
    «الثاني»), with or without a proclitic: never a name's short form on its own."""
    n = fold_match(tok)
    rest = smart_split(n)[2]
    return n in FUNCTION_WORDS or rest in FUNCTION_WORDS or n in _NAME_PARTS or rest in _NAME_PARTS


# --- proclitic decision for a mention's first token ------------------------
@functools.lru_cache(maxsize=TOKEN_CACHE_MAX)
def proclitic_cut(token: str) -> int:
    """How many leading characters of ``token`` are a proclitic to leave out of
    the mention span (see :func:`features.smart_split`): «واشنطن» keeps its «و»,
    «وموسكو» loses it, «لحلف» → «حلف», «بالناتو» → «الناتو», «للولايات» → «لولايات»."""
    n = fold_match(token)
    if len(n) != len(token):  # diacritics / tatweel: map the cut back
        sp = split_proclitics(token)
        return sp.cut if smart_split(n)[3] else 0
    return smart_split(n)[3]


# --- rules -------------------------------------------------------------------
FUNCTION_WORDS = {
    fold_match(w)
    for w in (
        "في من إلى الى على عن مع أن إن أنه إنه قد لا لم لن ما هذا هذه ذلك تلك الذي التي الذين كان كانت "
        "بعد قبل عند حتى بين خلال منذ حول ضد لدى غير كل بعض أي هو هي هم نحن أو ثم لكن بل إذا اليوم أمس "
        "أيضا وقال وقالت أمام عبر وفق نحو هناك هنا حيث كما لقد إنها أنها يوم الأسبوع الشهر العام السابق"
    ).split()
}


@functools.lru_cache(maxsize=1)
def _per_prior() -> dict[str, float]:
    path = os.path.join(gz.RESOURCE_DIR, PRIOR_FILE)
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as f:
        return json.load(f)


@functools.lru_cache(maxsize=TOKEN_CACHE_MAX)
def _name_like(tok: str, prior: bool = True) -> bool:
    n = fold_match(tok)
    if not n or not n[0].isalpha() or n in FUNCTION_WORDS or len(n) < 2:
        return False
    pre, art, _rest, _cut = smart_split(n)
    if art or pre:
        return False
    c = load_clusters().get(n)
    if c is not None:
        if c[0] > 3000:  # very frequent words are not names
            return False
        pri = _per_prior() if prior else None
        if pri and pri.get(c[2], 0.0) < NAME_PRIOR_MIN:
            return False
    f = fold_key_word(n)
    if f in gz.PER_TITLES or f in gz.ORG_HEADS or f in gz.LOC_CUES or f in gz.SAY_VERBS or f in gz.ROLE_WORDS:
        return False
    return not (f in gz.load().nationalities)


_LOC_CUE_WORDS = frozenset(fold_key_word(w) for w in "مدينة منطقة مقاطعة محافظة عاصمة إقليم ولاية قرية بلدة جزيرة".split())


@functools.lru_cache(maxsize=TOKEN_CACHE_MAX)
def _nationality(tok: str) -> bool:
    n = fold_match(tok)
    return n.startswith("ال") and gz.load().is_nationality(fold_key_word(n))


@functools.lru_cache(maxsize=TOKEN_CACHE_MAX)
def _team_head(tok: str) -> bool:
    """«فريق», «وفريق», «فريقي» (a team), not «الفريق» (:func:`gazetteer.is_team_head`)."""
    _pre, art, rest, _cut = smart_split(fold_match(tok))
    return gz.is_team_head(rest, art)


CLUB_ADJ_MAX_COUNT = 30  # SaudiNewsNet occurrences of a place adjective read as a club's without a team head


@functools.lru_cache(maxsize=TOKEN_CACHE_MAX)
def _club_adjective(tok: str, rare: bool = False) -> bool:
    """An adjective of relation to a city or an institution with the article, not a
    nationality or a direction: «الفاسي», «البيضاوي», «الوجدية», «الملكي» (club
    names: «المغرب الفاسي», «الرجاء البيضاوي», «الجيش الملكي»), not «الإيطالي».
    ``rare``: also seldom seen in SaudiNewsNet (not «اللاتينية», «الديمقراطية»)."""
    n = fold_match(tok)
    if not n.startswith("ال") or len(n) < 6 or not (n.endswith("ي") or n.endswith("يه")):
        return False
    if rare:
        counts = load_clusters()
        base = n[2:-1] if n.endswith("ي") else n[2:-2]
        if counts.get(n, (0,))[0] >= CLUB_ADJ_MAX_COUNT or counts.get(base, (0,))[0] >= 20 * CLUB_ADJ_MAX_COUNT:
            return False  # frequent, or the noun of a common word («المسئولية»: «مسئول»)
    f = fold_key_word(n)
    stem = f[:-1] if f.endswith("يه") else f
    return not (gz.load().is_nationality(f) or f in gz.DIRECTIONS or stem in gz.DIRECTIONS or n in FUNCTION_WORDS)


@functools.lru_cache(maxsize=TOKEN_CACHE_MAX)
def _after_title(tok: str) -> bool:
    n = fold_match(tok)
    f = fold_key_word(n)
    if _team_head(tok):
        return False
    if f in gz.PER_TITLES or f in gz.ROLE_WORDS:
        return True
    return _nationality(tok)



_RANK_AFTER_FARIQ = frozenset(fold_key_word(w) for w in ("أول", "الركن", "ركن"))


def _opens_person_rule(words: list[str], folds: list[str], i: int) -> bool:
    """A title at i (not a team head, «فريق») opens the title + name rule.  «الفريق» is the
    team far more often than the rank, so it opens the rule only before a rank word
    («الفريق أول/الركن …»)."""
    if folds[i] not in gz.PER_TITLES or _team_head(words[i]):
        return False
    return folds[i] not in gz.TEAM_HEADS or (i + 1 < len(words) and folds[i + 1] in _RANK_AFTER_FARIQ)


@functools.lru_cache(maxsize=TOKEN_CACHE_MAX)
def _rule_fold(w: str) -> str:
    """KEY level of a word without its proclitics and article ("" for punctuation, numbers)."""
    return fold_key_word(smart_split(fold_match(w))[2]) if w[:1].isalpha() else ""


def rule_tags(words: list[str], matches: list[tuple[int, int, str, int]] | None = None) -> tuple[list[str], list[float]]:
    """Gazetteer + trigger rules only (the fast mode, and a fill-in for the CRF).
    ``matches``: ``gz.load().match_tokens(words, skip_ambiguous=True)`` when the caller has it."""
    g = gz.load()
    n = len(words)
    tags, probs = ["O"] * n, [0.0] * n
    for i, j, label, _cut in matches if matches is not None else g.match_tokens(words, skip_ambiguous=True):
        _set_span(tags, probs, i, j, label, 0.9)
    folds = [_rule_fold(w) for w in words]
    i = 0
    while i < n:
        f = folds[i]
        if tags[i] != "O" or not f:
            i += 1
            continue
        if _opens_person_rule(words, folds, i):
            k = i + 1
            # skip role words, nationality adjectives, «العام», and organisations («لحلف …»)
            while k < n and k - i <= 10:
                fk = folds[k]
                if tags[k] != "O" and tags[k][2:] in ("ORG", "LOC"):
                    k += 1
                elif fk and (fk in gz.ROLE_WORDS or fk in gz.PER_TITLES or fk in gz.ORG_HEADS
                             or (k == i + 1 and f in gz.TEAM_HEADS and fk in _RANK_AFTER_FARIQ)):
                    k += 1
                elif words[k].rstrip("\u0640") in ("ل", "ب") and words[k].endswith("\u0640"):  # «لـ»
                    k += 1
                elif fold_match(words[k]) in FUNCTION_WORDS:
                    break
                elif fk and (g.is_nationality(fk)
                             or fold_match(words[k]).startswith("ال")):
                    k += 1
                elif words[k] in ("،", ",", "(", ")", "«", "»", '"'):
                    k += 1
                else:
                    break
            m = k
            while m < n and m - k < 4 and tags[m] == "O":
                if _name_like(words[m], prior=False):
                    m += 1
                elif words[m] == "-" and m > k and m + 1 < n and _name_like(words[m + 1], prior=False):
                    m += 2  # «سون-وون»
                else:
                    break
            # every word looks like a name, and at least one is in a name-rich word cluster (or unknown)
            if m > k and any(_name_like(w) for w in words[k:m]):
                _set_span(tags, probs, k, m, "PER", 0.8)
                i = m
                continue
        elif f in gz.ORG_HEADS and not fold_match(words[i]).startswith("ال"):
            m = i + 1
            while m < n and m - i <= 3 and tags[m] == "O" and fold_match(words[m]).startswith("ال") and fold_match(words[m]) not in FUNCTION_WORDS:
                m += 1
            if m > i + 1:
                _set_span(tags, probs, i, m, "ORG", 0.7)
                i = m
                continue
        elif f in _LOC_CUE_WORDS and not fold_match(words[i]).startswith("ال") and i + 1 < n and tags[i + 1] == "O" and _name_like(words[i + 1]):
            tags[i + 1] = "B-LOC"
            probs[i + 1] = 0.7
            i += 2
            continue
        i += 1
    return tags, probs



def _set_span(tags: list[str], probs: list[float], i: int, j: int, label: str, p: float | None = None) -> None:
    tags[i] = "B-" + label
    for k in range(i + 1, j):
        tags[k] = "I-" + label
    if p is not None:
        for k in range(i, j):
            probs[k] = p


GAZ_FILL_MAX_P_O = 0.9
RULE_JOIN_MAX_P_O = 0.9  # a title rule joins a word to the model's name only where P(O) was below this …


@functools.lru_cache(maxsize=TOKEN_CACHE_MAX)
def _unseen(tok: str) -> bool:
    """Not in the word clusters (SaudiNewsNet words seen ≥ 5 times): the models' O for
    such a word is a guess, so a title rule may join it where it fills a surname slot
    (:func:`_surname_slot`; «مارك روته», docs/ner-evaluation.md)."""
    return fold_match(tok) not in load_clusters()


def _surname_slot(words: list[str], tags: list[str]) -> bool:
    """The model named one word of the rule's span, a word the corpus knows as name-like
    («مارك»): the rule may complete it.  Not a two-word name already complete
    («كوندوليزا رايس» + «ستزور»)."""
    named = [w for w, t in zip(words, tags) if t != "O"]
    return len(named) == 1 and not _unseen(named[0]) and _name_like(named[0])


def _has_gap(tags: list[str]) -> bool:
    """An O between two tagged tokens."""
    seen_o = False
    for k, t in enumerate(tags):
        if t == "O" and k > 0:
            seen_o = True
        elif t != "O" and seen_o:
            return True
    return False


def team_names(words: list[str], tags: list[str], probs: list[float]) -> None:
    """Sports clubs (in place).  ANERcorp tags clubs ORG, but its training part has
    few sports pages, so the models read «ميلان», «المغرب الفاسي» as places:

    - after a team head («فريق», «فريقي», «لفريق»; not «الفريق», a rank), the
      model's span, or a name-like word, or «ال…» + a relation adjective
      («الرجاء البيضاوي»), is an organisation, and so is a second club joined by
      «و» («فريقي الجيش الملكي وأولمبيك خريبكة»);
    - a place followed by a rare relation adjective that is not a nationality is
      a club when the place is in the gazetteer («المغرب/LOC الفاسي» → «المغرب
      الفاسي»/ORG; «ميلان الإيطالي», «أمريكا اللاتينية», «نتشيرفان البارزاني» stay);
    - an organisation directly followed by a one-word place is one club named
      after its city («دينامو/ORG كييف/LOC», «إتحاد طنجة»; not «الأمم المتحدة بنيويورك»).
    Hand-written: no library knows Arabic club-naming patterns."""
    n = len(words)

    def span_end(k: int) -> int:
        j = k + 1
        while j < n and tags[j].startswith("I-"):
            j += 1
        return j

    def club_at(k: int, joined: bool) -> int:
        """End of a club name starting at k (k when none); ``joined``: after «و»."""
        if k >= n:
            return k
        first = words[k][1:] if joined else words[k]
        if tags[k].startswith("B-"):
            j = span_end(k)
        elif tags[k] == "O" and k + 1 < n and fold_match(first).startswith("ال") and _club_adjective(words[k + 1]):
            return k + 2
        elif tags[k] == "O" and _name_like(first):
            j = k + 1
            if j < n and tags[j].startswith("B-") and tags[j] != "B-PER":  # «حسنية أكادير/LOC»
                j = span_end(j)
            elif j < n and tags[j] == "O" and _name_like(words[j]):  # «أولمبيك خريبكة»
                j += 1
            elif joined:
                return k
        else:
            return k
        if j < n and _club_adjective(words[j]) and (tags[j] == "O" or (tags[j].startswith("B-") and span_end(j) == j + 1)):
            j += 1  # «المغرب/LOC الفاسي/PER»
        return j

    for i in range(n - 1):
        if not _team_head(words[i]):
            continue
        k = i + 1
        for step in range(2):  # «فريقي X وY»
            j = club_at(k, step == 1)
            if j == k or (j < n and tags[j].startswith("I-")):
                break
            _set_span(tags, probs, k, j, "ORG", min(probs[k:j]) if any(t != "O" for t in tags[k:j]) else 0.6)
            if not (j < n and words[j].startswith("و") and len(words[j]) > 3):
                break
            k = j
    g = gz.load()
    spans = spans_from_bio(tags)
    for (i, j, label), (j2, k, label2) in zip(spans, spans[1:]):
        # «دينامو/ORG كييف/LOC», «إتحاد/ORG طنجة/LOC»: a club named after its city (not «بنيويورك»)
        if label == "ORG" and label2 == "LOC" and j2 == j and k == j + 1 and proclitic_cut(words[j]) == 0 \
                and fold_match(words[j])[:1] not in "بل" and not (k < n and tags[k].startswith("I-")):
            _set_span(tags, probs, i, k, "ORG")
    for i, j, label in spans_from_bio(tags):
        if (label == "LOC" and j < n and (tags[j] == "O" or (tags[j] == "B-PER" and not (j + 1 < n and tags[j + 1] == "I-PER")))
                and _club_adjective(words[j], rare=True)
                and [m[:3] for m in g.match_tokens(words[i:j])] == [(0, j - i, "LOC")]):  # a listed place, not «نتشيرفان البارزاني»
            _set_span(tags, probs, i, j + 1, "ORG", min(probs[i:j]))


def postprocess(words: list[str], tags: list[str], probs: list[float],
                trims: bool = True, gaz: bool = True, rules: bool = True, teams: bool = True) -> None:
    """Sentence-level fixes on top of the CRF (in place).

    - trims: a PER span does not start with a title / nationality adjective
      («الأوكراني فولوديمير زيلينسكي» → «فولوديمير زيلينسكي»), a LOC span not with a
      place cue («مقاطعة كورسك» → «كورسك»); a span that starts with a known
      organisation/place followed by name-like words is split
      («مجلس الأمن القومي جون كيربي»);
    - gaz: unambiguous gazetteer names get the gazetteer's label, and are added
      where the CRF tagged nothing;
    - rules: trigger rules (title + name, organisation head + attributes, place
      cue + name) fill in where the CRF tagged nothing;
    - teams: sports clubs after a team head or named «place + relation
      adjective» (:func:`team_names`).
    """
    n = len(words)
    g = gz.load()
    gmatches = g.match_tokens(words, skip_ambiguous=True) if gaz or trims else []
    if trims:
        gstart = {i: (j, label) for i, j, label, _ in gmatches}
        for i, j, label in spans_from_bio(tags):
            k = i
            if label == "PER":
                while k < j - 1 and (_after_title(words[k]) or words[k] in ("،", ",")):
                    k += 1
            elif label == "LOC":
                while k < j - 1 and fold_key_word(smart_split(fold_match(words[k]))[2]) in _LOC_CUE_WORDS:
                    k += 1
            if k > i:
                for q in range(i, k):
                    tags[q] = "O"
                tags[k] = "B-" + label
            if label in ("ORG", "LOC") and k in gstart:
                b, glabel = gstart[k]
                if k + 2 <= b < j and all(_name_like(w) for w in words[b:j]):
                    _set_span(tags, probs, k, b, glabel)
                    _set_span(tags, probs, b, j, "PER")
            if label == "PER":
                # two people joined by «و» are two names («كانافارو وإيمرسون»); a name does
                # not run on over «و» into a common word («موسي والأدميون»)
                for q in range(k + 1, j):
                    pre, art, rest, _cut = smart_split(fold_match(words[q]))
                    if pre.startswith("و"):
                        second = not art and _name_like(rest, prior=False)
                        for r in range(q, j):
                            tags[r] = ("B-PER" if r == q else "I-PER") if second else "O"
                        break
    if gaz:
        for i, j, label, _ in gmatches:
            cur = tags[i:j]
            if all(t == "O" for t in cur):
                # only where the CRF hesitated: it sees the gazetteer as a feature already
                if not (j < n and tags[j].startswith("I-")) and (j - i >= 2 or min(probs[i:j]) < GAZ_FILL_MAX_P_O):
                    _set_span(tags, probs, i, j, label, 0.6)
            elif not (j < n and tags[j].startswith("I-")) and not tags[i].startswith("I-"):
                if j - i == 1:
                    if cur[0][2:] == "PER" and label != "PER":  # «سول» is not a person
                        _set_span(tags, probs, i, j, label)
                elif cur[0] != "O" and (_has_gap(cur) or (label == "ORG" == cur[0][2:] and cur[-1] == "O")):
                    # a listed multi-word name the CRF broke up: «وحلف/LOC شمال/O الأطلسي/LOC»,
                    # «مجلس الأمن/ORG القومي/O» (but not «مكة/LOC المكرمة/O»: ANERcorp tags «مكة»)
                    conf = [p if t != "O" else 0.6 for p, t in zip(probs[i:j], cur)]
                    _set_span(tags, probs, i, j, label)
                    probs[i:j] = conf
    if teams:
        team_names(words, tags, probs)
    if rules:
        # ANERcorp does not tag generic «وزارة المالية»/«مجلس الوزراء» and titles are often
        # followed by verbs: next to the CRF only multi-word person names and place cues are used
        rt, rp = rule_tags(words, gmatches if gaz or trims else None)
        for i, j, label in spans_from_bio(rt):
            if label == "PER" and j - i < 2:
                continue
            if label == "ORG" and not _nationality(words[j - 1]):
                continue  # «وزارة الخارجية الروسية» yes, «وزارة المالية» no (ANERcorp leaves those)
            if (i > 0 and tags[i].startswith("I-")) or (j < n and tags[j].startswith("I-")):
                continue
            if label == "PER" and all(t == "O" for t in tags[i:j]):
                # the rule's name ends at the last word that is name-like or the model hesitated on
                # («حاييم رامون», not «… قضائيا بتهمة») …
                while j - i > 2 and probs[j - 1] >= RULE_JOIN_MAX_P_O and not _name_like(words[j - 1]):
                    j -= 1
                if probs[i] >= RULE_JOIN_MAX_P_O and not _name_like(words[i]):
                    continue  # nor starts at a common word the model is sure of («الوزير اتصالا تليفونيا»)
            cur = tags[i:j]
            if all(t == "O" for t in cur):
                likely = sum(_name_like(w) for w in words[i:j] if w != "-")
                # every word in a name-rich cluster, or one and the CRF hesitated («باراك/0.68 أوباما»)
                if label == "PER" and likely < min(2, j - i) and not (likely >= 1 and min(probs[i:j]) < 0.9):
                    continue
            elif (label == "PER" and all(t == "O" or t.endswith("-PER") for t in cur) and sum(t.startswith("B-") for t in cur) == 1
                  and all(p < RULE_JOIN_MAX_P_O or (_surname_slot(words[i:j], cur) and _unseen(w))
                          for p, t, w in zip(probs[i:j], cur, words[i:j]) if t == "O")  # the model hesitated there, or could not know
                  and ((cur[0] == "O" and cur[-1] != "O")
                       or (cur[0] != "O" and all(_name_like(w) and not _preposition_form(w) for w, t in zip(words[i:j], cur) if t == "O")))):
                # the rule starts the model's name earlier («يون» + «سوك يول»), or carries it on over
                # words in name-rich clusters («مارك» + «روته»)
                pass
            else:
                continue
            _set_span(tags, probs, i, j, label, min(rp[i:j]) * 0.8)
