"""BiLSTM tagger over SaudiNewsNet word vectors and a character CNN, run with numpy.

Why: the CRF sees a word through its string, affixes and three k-means cluster
ids; a name it never saw in training («بنفيكا», «سيابونغا») is only as good as its
cluster.  This tagger reads the full word vector (word2vec trained without labels
on SaudiNewsNet), the characters of the word, and the whole sentence in both
directions, so it generalises from similar words and contexts.  Its per-token
label distribution is averaged with the CRF's marginals (``model.CrfModel``).

Training is ``flows/train_bilstm.py`` (PyTorch, ``train`` extra only); the runtime
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

import numpy as np

from akhbar.entities.features import SentenceView

NEURAL_FILE = "bilstm.npz"
TAGS = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
TAG_ID = {t: k for k, t in enumerate(TAGS)}
TRIGGERS = ("", "T", "O", "L", "D", "V", "R", "N", "S")
SHAPES = ("D", "L", "A", "P")
MAX_CHARS = 20  # longer words are cut (the CNN only looks at 3-character windows)
PAD, UNK = 0, 1  # ids shared by the word and character vocabularies
CHAR_CACHE_MAX = 50_000  # words whose character-CNN output is kept (64 floats each)


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
        self.char_cache: dict[str, np.ndarray] = {}

    def _char_feature(self, word: str, ids: list[int]) -> np.ndarray:
        hit = self.char_cache.get(word)
        if hit is None:
            e = self.p["p_char_emb"][ids]  # (L, C)
            e = np.vstack([np.zeros((1, e.shape[1]), np.float32), e, np.zeros((1, e.shape[1]), np.float32)])
            win = np.concatenate([e[:-2], e[1:-1], e[2:]], axis=1)  # (L, 3C): conv, kernel 3, padding 1
            hit = np.maximum(win @ self.p["p_conv_w"] + self.p["p_conv_b"], 0.0).max(axis=0)
            if len(self.char_cache) < CHAR_CACHE_MAX:
                self.char_cache[word] = hit
        return hit

    def _token_matrix(self, view: SentenceView, inp: dict, wvecs: list[np.ndarray]) -> np.ndarray:
        parts = list(wvecs)
        parts.append(np.stack([self._char_feature(ti.n, ids) for ti, ids in zip(view.infos, inp["chars"])]))
        for k in range(self.n_cats):  # a model trained before a column was added ignores it
            parts.append(self.p[f"p_cat{k}"][inp["cat"][:, k]])
        return np.concatenate(parts, axis=1)

    def _lstm(self, x: np.ndarray, lens: list[int], d: str) -> np.ndarray:
        """One direction over a batch of sequences, packed: ``x`` holds their tokens
        one after the other, (sum(lens), D); returns the hidden states in the same
        order.  Sequences are visited longest first and, at step t, only the rows
        still running are computed (no padding arithmetic)."""
        H = self.hidden
        pre = x @ self.p[f"p_lstm_wihT_{d}"] + self.p[f"p_lstm_b_{d}"]  # every token at once
        whh_t = self.p[f"p_lstm_whhT_{d}"]
        starts = np.cumsum([0] + lens[:-1])
        order = sorted(range(len(lens)), key=lambda k: -lens[k])
        T = lens[order[0]]
        active = [sum(1 for k in order if lens[k] > t) for t in range(T)]
        h = np.zeros((len(lens), H), np.float32)
        c = np.zeros((len(lens), H), np.float32)
        out = np.zeros((x.shape[0], H), np.float32)
        st = np.array([starts[k] for k in order])
        ln = np.array([lens[k] for k in order])
        for t in range(T):
            a = active[t]
            rows = st[:a] + (t if d == "f" else ln[:a] - 1 - t)
            g = pre[rows] + h[:a] @ whh_t
            ifo = _sigmoid(g[:, :3 * H])
            c[:a] = ifo[:, H:2 * H] * c[:a] + ifo[:, :H] * np.tanh(g[:, 3 * H:])
            h[:a] = ifo[:, 2 * H:] * np.tanh(c[:a])
            out[rows] = h[:a]
        return out

    def probs(self, views: list[SentenceView], inputs: list[dict], wvecs: list[list[np.ndarray]]) -> np.ndarray:
        xs = [self._token_matrix(v, inp, wv) for v, inp, wv in zip(views, inputs, wvecs)]
        lens = [len(x) for x in xs]
        x = np.concatenate(xs)
        h = np.concatenate([self._lstm(x, lens, "f"), self._lstm(x, lens, "b")], axis=1)
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
        """(n_tokens, len(TAGS)) probabilities for each sentence (empty ones too)."""
        idx = [k for k, v in enumerate(views) if v.infos]
        res: list[np.ndarray] = [np.zeros((0, len(TAGS)), np.float32) for _ in views]
        if not idx:
            return res
        vs = [views[k] for k in idx]
        inputs = [self.inputs(v) for v in vs]
        wvecs = [[self.vectors(inp["word"]), self.vectors(inp["bare"])] for inp in inputs]
        p = self.members[0].probs(vs, inputs, wvecs)
        for m in self.members[1:]:
            p = p + m.probs(vs, inputs, wvecs)
        if len(self.members) > 1:
            p /= len(self.members)
        lens = [len(v.infos) for v in vs]
        for k, a, b in zip(idx, np.cumsum([0] + lens[:-1]), np.cumsum(lens)):
            res[k] = p[a:b]
        return res


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
