"""BiLSTM tagger over SaudiNewsNet word vectors and a character CNN, run with numpy.

Why: the CRF sees a word through its string, affixes and three k-means cluster
ids; a name it never saw in training («بنفيكا», «سيابونغا») is only as good as its
cluster.  This tagger reads the full word vector (word2vec trained without labels
on SaudiNewsNet), the characters of the word, and the whole sentence in both
directions, so it generalises from similar words and contexts.  Its per-token
label distribution is averaged with the CRF's marginals (``model.CrfModel``).

Training is ``akhbar/training/train_bilstm.py`` (PyTorch, ``train`` extra only); the runtime
needs numpy only: weights, vocabularies and the quantised word vectors ship in
``resources/ner/bilstm.npz``.  The forward pass here is the same arithmetic as the
PyTorch modules of the training script (PyTorch's LSTM gates i, f, g, o are
reordered i, f, o, g at load time);
``tests/test_entities.py`` checks the two agree on real sentences.

Inputs per token (all computed from :class:`features.SentenceView`, the same view
the CRF features come from):

- frozen word vector of the normalised token, and of its clitic-stripped form
  («وموسكو» → «موسكو», «بالناتو» → «الناتو»);
- a character CNN over the normalised token with boundary marks;
- small learned embeddings of: trigger-word class, external-gazetteer BIO tag,
  training-name BIO tag (cross-fold when training), shape, proclitic pattern,
  whether the word / its stripped form have a vector, and harvested
  organisation-name BIO tag (``olex``).
"""

from __future__ import annotations

import threading

import numpy as np

from akhbar.entities.features import SentenceView
from akhbar.text.caches import WORD_CACHE_MAX

NEURAL_FILE = "bilstm.npz"
TAGS = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
TAG_ID = {t: k for k, t in enumerate(TAGS)}
TRIGGERS = ("", "T", "O", "L", "D", "V", "R", "N", "S")
SHAPES = ("D", "L", "A", "P")
MAX_CHARS = 20  # longer words are cut (the CNN only looks at 3-character windows)
PAD, UNK = 0, 1  # ids shared by the word and character vocabularies
BUCKET_TOKENS = 4096  # tokens per packed BiLSTM pass: bounds memory (16 MB of gate inputs); fastest of 512-8192 on ANERcorp
CHAR_CACHE_MAX = WORD_CACHE_MAX  # words whose character-CNN output is kept (64 floats each)
WORD_IDS_CACHE_MAX = WORD_CACHE_MAX  # tokens whose vocabulary ids are kept (a few hundred bytes each)


def bare_word(info) -> str:
    """The clitic-stripped form with its article, as the word vectors spell it."""
    return ("ال" + info.bare) if info.art else info.bare


def char_ids(word: str, chars: dict[str, int]) -> list[int]:
    return [chars.get(c, UNK) for c in ("<" + word[: MAX_CHARS - 2] + ">")]


def sentence_inputs(view: SentenceView, words: dict[str, int], chars: dict[str, int], prefixes: dict[str, int]) -> dict:
    """Integer inputs of one sentence: ids per token, and the char ids per token."""
    n = len(view.infos)
    out = {k: np.zeros(n, dtype=np.int64) for k in ("word", "bare")}
    cat = np.zeros((n, len(CAT_SIZES)), dtype=np.int64)
    ch: list[list[int]] = []
    for i, ti in enumerate(view.infos):
        w = words.get(ti.n, UNK)
        b = words.get(bare_word(ti), UNK)
        out["word"][i] = w
        out["bare"][i] = b
        cat[i] = (
            TRIGGERS.index(ti.trig),
            TAG_ID[view.gaz_tags[i]] if view.gaz_tags is not None else 0,
            TAG_ID[view.tg_tags[i]] if view.tg_tags is not None else 0,
            SHAPES.index(ti.shape),
            prefixes.get(ti.pre + ("+ال" if ti.art else ""), UNK),
            0 if w != UNK else (1 if b != UNK else 2),
            OL_ID[view.ol_tags[i][:1]] if view.ol_tags is not None else 0,
        )
        ch.append(char_ids(ti.n, chars))
    out["cat"] = cat
    out["chars"] = ch
    return out


OL_ID = {"O": 0, "B": 1, "I": 2}  # harvested organisation names (features.SentenceView.ol_tags)
CAT_SIZES = (len(TRIGGERS), len(TAGS), len(TAGS), len(SHAPES), None, 3, 3)  # None: len(prefix vocab)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * x))


class _Member:
    """One trained network's weights and its forward pass (the word vectors and the
    vocabularies are shared by the members of an ensemble)."""

    def __init__(self, p: dict[str, np.ndarray]) -> None:
        self.p = p
        H = self.hidden = p["p_lstm_whh_f"].shape[1]
        # PyTorch's gate order i, f, g, o -> i, f, o, g: one sigmoid over the first 3H columns
        order = np.r_[0:2 * H, 3 * H:4 * H, 2 * H:3 * H]
        for k in [k for k in p if k.startswith("p_lstm")]:
            p[k] = p[k][order]
        for k in [k for k in p if k.startswith(("p_lstm_w", "p_out_w"))]:  # x @ W.T as x @ (contiguous W.T)
            p[k[:-2] + "T" + k[-2:] if k.startswith("p_lstm") else k + "T"] = np.ascontiguousarray(p.pop(k).T)
        self.n_cats = sum(1 for k in p if k.startswith("p_cat"))
        self.whh = np.stack([p["p_lstm_whhT_f"], p["p_lstm_whhT_b"]])  # (2, H, 4H): both directions per call
        # the character CNN's output per word, kept as rows of a table (filled as words come, up
        # to CHAR_CACHE_MAX, then left alone)
        self.char_rows: dict[str, int] = {}
        self.char_table = np.zeros((0, p["p_conv_b"].shape[0]), np.float32)
        self._char_lock = threading.Lock()  # a tagger's members are shared by the threads of a process

    def _char_feature(self, ids: list[int]) -> np.ndarray:
        """The character CNN over one word's character ids (max-pooled: one row)."""
        e = self.p["p_char_emb"][ids]  # (L, C)
        e = np.vstack([np.zeros((1, e.shape[1]), np.float32), e, np.zeros((1, e.shape[1]), np.float32)])
        win = np.concatenate([e[:-2], e[1:-1], e[2:]], axis=1)  # (L, 3C): conv, kernel 3, padding 1
        return np.maximum(win @ self.p["p_conv_w"] + self.p["p_conv_b"], 0.0).max(axis=0)

    def _char_features(self, words: list[str], char_ids: list[list[int]]) -> np.ndarray:
        """(len(words), filters): each word's :meth:`_char_feature`, computed once per word
        of the batch when the table does not hold it."""
        with self._char_lock:  # the table and its row index change together
            return self._char_features_locked(words, char_ids)

    def _char_features_locked(self, words: list[str], char_ids: list[list[int]]) -> np.ndarray:
        rows = self.char_rows
        size = len(rows)
        fresh: dict[str, int] = {}
        vals: list[np.ndarray] = []
        idx: list[int] = []
        for w, ids in zip(words, char_ids):
            r = rows.get(w)
            if r is None:
                r = fresh.get(w)
                if r is None:
                    r = fresh[w] = size + len(vals)
                    vals.append(self._char_feature(ids))
            idx.append(r)
        if not vals:
            return self.char_table[idx]
        new = np.stack(vals)
        where = np.asarray(idx)
        old = where < size
        out = np.empty((len(words), new.shape[1]), np.float32)
        out[old] = self.char_table[where[old]]
        out[~old] = new[where[~old] - size]
        take = min(len(vals), CHAR_CACHE_MAX - size)
        if take > 0:  # the first of them join the table for good
            self.char_table = np.concatenate([self.char_table, new[:take]])
            rows.update((w, r) for w, r in fresh.items() if r < size + take)
        return out

    def _token_matrix(self, words: list[str], char_ids: list[list[int]], cat: np.ndarray,
                      wvecs: list[np.ndarray]) -> np.ndarray:
        """(tokens, D) input rows of the tokens of a batch of sentences, one after the other."""
        parts = list(wvecs)
        parts.append(self._char_features(words, char_ids))
        for k in range(self.n_cats):  # a model trained before a column was added ignores it
            parts.append(self.p[f"p_cat{k}"][cat[:, k]])
        return np.concatenate(parts, axis=1)

    def _lstm(self, x: np.ndarray, lens: list[int]) -> np.ndarray:
        """Both directions over a batch of sequences, packed: ``x`` holds their tokens
        one after the other, (sum(lens), D); returns [forward | backward] hidden states
        in the same order, (sum(lens), 2H).

        The sequences are sorted longest first and laid out time-major without padding
        (PyTorch's packed sequence): step t reads a contiguous block of the rows still
        running, so one step is a handful of numpy calls on (2, rows, 4H) whatever the
        number of sentences, and the two directions share each call."""
        H = self.hidden
        n = x.shape[0]
        ln = np.asarray(lens, dtype=np.int64)
        starts = np.concatenate([[0], np.cumsum(ln)[:-1]])
        order = np.argsort(-ln, kind="stable")
        ln, st = ln[order], starts[order]
        T = int(ln[0])
        t = np.arange(T)[:, None]
        alive = t < ln[None, :]  # (T, B); row t: the sequences longer than t (a prefix, sorted)
        active = alive.sum(axis=1)
        offs = np.concatenate([[0], np.cumsum(active)])
        rows_f = np.broadcast_to(st[None, :] + t, alive.shape)[alive]  # packed order: t, then sequence
        rows_b = (st[None, :] + ln[None, :] - 1 - t)[alive]
        pre = np.empty((2, n, 4 * H), np.float32)
        np.matmul(x, self.p["p_lstm_wihT_f"], out=pre[0])
        pre[0] += self.p["p_lstm_b_f"]
        np.matmul(x, self.p["p_lstm_wihT_b"], out=pre[1])
        pre[1] += self.p["p_lstm_b_b"]
        pre = np.stack([pre[0][rows_f], pre[1][rows_b]])  # (2, n, 4H), packed
        whh = self.whh  # (2, H, 4H)
        h = np.zeros((2, int(active[0]), H), np.float32)
        c = np.zeros_like(h)
        hs = np.empty((2, n, H), np.float32)
        for k in range(T):
            a, o = int(active[k]), int(offs[k])
            g = pre[:, o:o + a]
            # two 2-D products, as before batching: with one stacked (2, a, H) matmul, four threads
            # tagging at once (tests/test_entities_threads.py) ran past 600 s on a loaded machine
            g[0] += h[0, :a] @ whh[0]
            g[1] += h[1, :a] @ whh[1]
            ifo = g[..., :3 * H]
            np.multiply(ifo, 0.5, out=ifo)  # sigmoid(x) = 0.5 (1 + tanh(x / 2))
            np.tanh(ifo, out=ifo)
            ifo += 1.0
            ifo *= 0.5
            cc = g[..., 3 * H:]
            np.tanh(cc, out=cc)
            cc *= ifo[..., :H]
            ca = c[:, :a]
            ca *= ifo[..., H:2 * H]
            ca += cc
            hh = h[:, :a]
            np.tanh(ca, out=hh)
            hh *= ifo[..., 2 * H:]
            hs[:, o:o + a] = hh
        out = np.empty((n, 2 * H), np.float32)
        out[rows_f, :H] = hs[0]
        out[rows_b, H:] = hs[1]
        return out

    def probs(self, x: np.ndarray, lens: list[int]) -> np.ndarray:
        h = self._lstm(x, lens)
        logits = h @ self.p["p_out_wT"] + self.p["p_out_b"]
        logits -= logits.max(axis=1, keepdims=True)
        e = np.exp(logits)
        return e / e.sum(axis=1, keepdims=True)


class NeuralTagger:
    """Per-token tag distributions (softmax over :data:`TAGS`) for a batch of sentences.

    ``bilstm.npz`` holds one network (keys ``p_*``) or an ensemble: further members
    under ``m1_p_*``, ``m2_p_*``… trained with other seeds; their softmaxes are
    averaged.  Word vectors and vocabularies are stored once."""

    def __init__(self, path: str) -> None:
        z = np.load(path, allow_pickle=False)
        self.words = {w: k for k, w in enumerate(z["word_vocab"].tolist())}
        self.chars = {c: k for k, c in enumerate(z["char_vocab"].tolist())}
        self.prefixes = {p: k for k, p in enumerate(z["prefix_vocab"].tolist())}
        # int8 word vectors with one float scale per row, kept int8 (10 MB, not 40, per process)
        self.wvec_q = z["wvec_q"]
        self.wvec_scale = z["wvec_scale"].astype(np.float32)
        tags = [""] + sorted({k.split("_p_", 1)[0] + "_" for k in z.files if k.startswith("m") and "_p_" in k},
                             key=lambda t: int(t[1:-1]))
        self._word_cache: dict = {}  # TokenInfo -> ids (see _word_inputs)
        self.members = [
            _Member({k[len(t):]: z[k].astype(np.float32) for k in z.files if k.startswith(t + "p_")})
            for t in tags
        ]

    # --- inputs -----------------------------------------------------------
    def inputs(self, view: SentenceView) -> dict:
        return sentence_inputs(view, self.words, self.chars, self.prefixes)

    def vectors(self, ids: np.ndarray) -> np.ndarray:
        return self.wvec_q[ids].astype(np.float32) * self.wvec_scale[ids, None]

    # --- forward ----------------------------------------------------------
    def probs(self, views: list[SentenceView]) -> list[np.ndarray]:
        """(n_tokens, len(TAGS)) probabilities for each sentence (empty ones too).

        Any number of sentences (those of many documents at once): they are sorted by
        length and run in buckets of at most :data:`BUCKET_TOKENS` tokens, each bucket
        one packed pass of the network (:meth:`_Member._lstm`).  A sentence's
        probabilities do not depend on the others of its bucket."""
        res: list[np.ndarray] = [np.zeros((0, len(TAGS)), np.float32) for _ in views]
        idx = sorted((k for k, v in enumerate(views) if v.infos), key=lambda k: len(views[k].infos))
        bucket: list[int] = []
        size = 0
        for k in idx + [-1]:
            n = len(views[k].infos) if k >= 0 else 0
            if bucket and (k < 0 or size + n > BUCKET_TOKENS):
                self._bucket_probs(views, bucket, res)
                bucket, size = [], 0
            if k >= 0:
                bucket.append(k)
                size += n
        return res

    def _word_inputs(self, ti) -> tuple[tuple[int, ...], list[int]]:
        """The ids a token contributes whatever its neighbours: (word, bare, trigger,
        shape, prefix, has-vector) and its character ids (cached: words repeat)."""
        hit = self._word_cache.get(ti)
        if hit is None:
            w = self.words.get(ti.n, UNK)
            b = self.words.get(bare_word(ti), UNK)
            hit = ((w, b, TRIGGERS.index(ti.trig), SHAPES.index(ti.shape),
                    self.prefixes.get(ti.pre + ("+ال" if ti.art else ""), UNK), 0 if w != UNK else (1 if b != UNK else 2)),
                   char_ids(ti.n, self.chars))
            if len(self._word_cache) < WORD_IDS_CACHE_MAX:
                self._word_cache[ti] = hit
        return hit

    def _bucket_probs(self, views: list[SentenceView], idx: list[int], res: list[np.ndarray]) -> None:
        """The same inputs as :func:`sentence_inputs` (what training used), built for
        all tokens of the bucket at once."""
        vs = [views[k] for k in idx]
        lens = [len(v.infos) for v in vs]
        n = sum(lens)
        inputs = [self._word_inputs(ti) for v in vs for ti in v.infos]
        ids = np.array([static for static, _ in inputs], np.int64).reshape(n, 6)
        words = [ti.n for v in vs for ti in v.infos]
        chars = [ch for _, ch in inputs]
        tags = np.zeros((n, 3), np.int64)  # gazetteer, training names, organisation lexicon
        # a sentence without a list's tags has 0 there, as an O has
        tags[:, 0] = [TAG_ID[t] for v in vs for t in (v.gaz_tags if v.gaz_tags is not None else ["O"] * len(v.infos))]
        tags[:, 1] = [TAG_ID[t] for v in vs for t in (v.tg_tags if v.tg_tags is not None else ["O"] * len(v.infos))]
        tags[:, 2] = [OL_ID[t[:1]] for v in vs for t in (v.ol_tags if v.ol_tags is not None else ["O"] * len(v.infos))]
        # columns in the order of CAT_SIZES: trigger, gaz, tgaz, shape, prefix, has-vector, olex
        cat = np.stack([ids[:, 2], tags[:, 0], tags[:, 1], ids[:, 3], ids[:, 4], ids[:, 5], tags[:, 2]], axis=1)
        wvecs = [self.vectors(ids[:, 0]), self.vectors(ids[:, 1])]
        p = None
        for m in self.members:
            q = m.probs(m._token_matrix(words, chars, cat, wvecs), lens)
            p = q if p is None else p + q
        if len(self.members) > 1:
            p /= len(self.members)
        for k, a, b in zip(idx, np.cumsum([0] + lens[:-1]), np.cumsum(lens)):
            res[k] = p[a:b]


# --- combining with the CRF ------------------------------------------------
def _allowed() -> np.ndarray:
    """allowed[a, b]: tag b may follow tag a in BIO (I-X only after B-X / I-X)."""
    n = len(TAGS)
    ok = np.ones((n, n), bool)
    for b, t in enumerate(TAGS):
        if t.startswith("I-"):
            for a, s in enumerate(TAGS):
                ok[a, b] = s[2:] == t[2:]
    return ok


_ALLOWED = _allowed()
_START_OK = np.array([not t.startswith("I-") for t in TAGS])


def bio_decode(p: np.ndarray) -> tuple[list[str], list[float]]:
    """Most probable BIO-valid tag sequence under per-token probabilities ``p``
    (product of the token probabilities), with each chosen tag's probability."""
    n = p.shape[0]
    if n == 0:
        return [], []
    lp = np.log(np.clip(p, 1e-9, 1.0))
    neg = np.where(_ALLOWED, 0.0, -1e9)
    score = np.where(_START_OK, lp[0], -1e9)
    back = np.zeros((n, len(TAGS)), np.int64)
    for t in range(1, n):
        cand = score[:, None] + neg  # (prev, cur)
        back[t] = cand.argmax(axis=0)
        score = cand.max(axis=0) + lp[t]
    best = [int(score.argmax())]
    for t in range(n - 1, 0, -1):
        best.append(int(back[t, best[-1]]))
    best.reverse()
    return [TAGS[k] for k in best], [float(p[t, k]) for t, k in enumerate(best)]


def bio_decode_many(ps: list[np.ndarray]) -> list[tuple[list[str], list[float]]]:
    """:func:`bio_decode` of many sentences at once: the Viterbi recursion runs over
    all of them together (longest first, only the sentences still running at each
    step), with the same float64 arithmetic, so the result is exactly that of
    :func:`bio_decode` sentence by sentence."""
    out: list[tuple[list[str], list[float]]] = [([], []) for _ in ps]
    idx = sorted((k for k, p in enumerate(ps) if p.shape[0]), key=lambda k: -ps[k].shape[0])
    if not idx:
        return out
    nt = len(TAGS)
    lens = np.array([ps[k].shape[0] for k in idx])
    T, B = int(lens[0]), len(idx)
    lp = np.zeros((T, B, nt))
    for b, k in enumerate(idx):
        lp[: lens[b], b] = np.log(np.clip(ps[k], 1e-9, 1.0))
    active = (np.arange(T)[:, None] < lens[None, :]).sum(axis=1)
    neg = np.where(_ALLOWED, 0.0, -1e9)
    score = np.where(_START_OK, lp[0], -1e9)  # (B, nt)
    back = np.zeros((T, B, nt), np.int64)
    for t in range(1, T):
        a = int(active[t])
        cand = score[:a, :, None] + neg  # (sentence, prev, cur)
        back[t, :a] = cand.argmax(axis=1)
        score[:a] = cand.max(axis=1) + lp[t, :a]
    # the back-pointers followed for all sentences at once, from each one's last token
    last = score.argmax(axis=1)
    path = np.zeros((T, B), np.int64)
    for t in range(T - 1, -1, -1):
        a, a_next = int(active[t]), int(active[t + 1]) if t + 1 < T else 0
        path[t, a_next:a] = last[a_next:a]  # the sentences whose last token is t
        if a_next:
            path[t, :a_next] = back[t + 1, np.arange(a_next), path[t + 1, :a_next]]
    for b, k in enumerate(idx):
        n = int(lens[b])
        best = path[:n, b]
        p = ps[k]
        out[k] = ([TAGS[j] for j in best.tolist()], p[np.arange(n), best].tolist())
    return out
