"""Train the BiLSTM tagger that is pooled with the CRF (training-time script).

Same data and split as ``akhbar/training/train_ner.py``: the LAST 20% of ANERcorp
train.txt is the held-out block and is never used for any choice made here.
The number of epochs is chosen by the BiLSTM's own score on a development block:
the last 10% of the training part (contiguous), with one network.  The CRF's
weight in the pool (``--pool``, :func:`akhbar.entities.model.pool_probs`) is
``--crf-weight``, 0.4 for the log pool: chosen on cross-validation blocks 0 and 1
(``benchmarks/ner_cv.py``, 1,618 sentences; docs/ner-evaluation.md, "Pipeline
0.5.0"); ``--choose-weight`` chooses it on the 324-sentence development block
instead (:func:`choose_weight`, the rule up to 0.4.1).  Then ``--members`` networks (seeds ``--seed``, ``--seed``+1, …) are
trained on the whole training part for that many epochs and written together to
``akhbar/resources/ner/bilstm.npz``; the runtime averages their softmaxes.

Model (see ``akhbar/entities/neural.py``, which runs it with numpy): frozen
SaudiNewsNet word2vec vectors (``akhbar/training/train_clusters.py --vectors``) of the
token and of its clitic-stripped form, a character CNN, small embeddings of the
CRF's trigger / gazetteer / training-name / shape / proclitic features, one
BiLSTM layer, a softmax over the 9 BIO tags.  Since pipeline 0.4.0 the network
starts from an encoder (character CNN, feature embeddings, BiLSTM) pretrained as
a language model on SaudiNewsNet by ``akhbar/training/pretrain_encoder.py``
(``akhbar/training/artefacts/bilstm_encoder_lm.npz``, committed) and is fine-tuned here.

    python -m akhbar.training.train_bilstm                    # the shipped network (~30 min on one core)
    python -m akhbar.training.train_bilstm --epochs 28        # the same without the development run (~10 min)
    python -m akhbar.training.train_bilstm --pool linear --choose-weight pipeline   # the recipe of 0.4.1
    python -m akhbar.training.train_bilstm --members 3        # an ensemble (tried, not shipped)
    python -m akhbar.training.train_bilstm --no-pretrained    # from random weights (the recipe of 0.3.0)
    python -m akhbar.training.train_clusters --sg --epochs 5 --min-count 3 --out /tmp/c.tsv --vectors /tmp/w2v.kv
    python -m akhbar.training.pretrain_encoder --vectors /tmp/w2v.kv --out /tmp/enc.npz
    python -m akhbar.training.train_bilstm --vectors /tmp/w2v.kv --pretrained /tmp/enc.npz   # new word vectors
                                                    # (default: those in bilstm.npz)

Needs the ``train`` extra (torch, gensim).  Seeded; single-threaded-deterministic
up to floating-point summation order of the CPU kernels.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", ".."))

from akhbar.entities import neural as nn_rt  # noqa: E402
from akhbar.entities.features import ALL_GROUPS, sentence_view  # noqa: E402
from akhbar.entities.model import POOLS  # noqa: E402
from akhbar.training.train_ner import DEFAULT_DATA, DEFAULT_OUT, EVAL_TYPES, HERE, evaluate, fold_names, harvest_names, read_conll, split_block  # noqa: E402


ENCODER_FILE = "bilstm_encoder_lm.npz"


def vocab_digest(words: list[str]) -> str:
    """Short digest of a word vocabulary (an encoder only fits the vectors it was pretrained with)."""
    import hashlib

    return hashlib.sha1("\n".join(words).encode("utf-8")).hexdigest()[:16]


def load_vectors(path: str | None, model_dir: str, limit: int = 125_000) -> tuple[list[str], np.ndarray]:
    """Word vocabulary and vectors: from gensim KeyedVectors (``path``, quantised as the
    runtime stores them), or those of the committed ``bilstm.npz`` (so a fresh clone
    retrains without word2vec)."""
    if path:
        from gensim.models import KeyedVectors

        words, vecs = build_vocab(KeyedVectors.load(path), limit)
        q, scale = quantise(vecs)
    else:
        z = np.load(os.path.join(model_dir, nn_rt.NEURAL_FILE))
        words, q, scale = z["word_vocab"].tolist(), z["wvec_q"], z["wvec_scale"]
    return words, q.astype(np.float32) * scale[:, None].astype(np.float32)  # train on what the runtime sees


def char_vocab(words: list[str]) -> list[str]:
    """Characters of the 20,000 most frequent words (+ the boundary marks)."""
    return ["<pad>", "<unk>"] + sorted({c for w in words[2:20000] for c in w} | set("<>"))


def prefix_vocab(views) -> list[str]:
    """Proclitic patterns («و», «وب», «ل+ال»…) seen in the given sentence views."""
    return ["<pad>", "<unk>"] + sorted({ti.pre + ("+ال" if ti.art else "") for v in views for ti in v.infos})


def load_encoder(path: str, words: list[str]) -> tuple[dict[str, np.ndarray], list[str], list[str], dict]:
    """(weights by parameter name, character vocabulary, proclitic patterns, meta) of a
    pretrained encoder; it must have been pretrained with these word vectors."""
    z = np.load(path, allow_pickle=False)
    meta = json.loads(str(z["meta"]))
    if meta["word_vocab_digest"] != vocab_digest(words):
        raise SystemExit(f"{path} was pretrained with other word vectors: rerun akhbar/training/pretrain_encoder.py with them")
    state = {k[4:]: z[k] for k in z.files if k.startswith("enc.")}
    return state, z["char_vocab"].tolist(), z["prefix_vocab"].tolist(), meta


def add_net_args(ap) -> None:
    """The network's shape: the same options (and defaults) for pretraining and fine-tuning."""
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--char-dim", type=int, default=32)
    ap.add_argument("--char-filters", type=int, default=64)
    ap.add_argument("--cat-dim", type=int, default=8)
    ap.add_argument("--dropout", type=float, default=0.5)


def build_vocab(kv, limit: int) -> tuple[list[str], np.ndarray]:
    words = ["<pad>", "<unk>"] + [w for w in kv.index_to_key[:limit]]
    vecs = np.zeros((len(words), kv.vector_size), np.float32)
    for k, w in enumerate(words[2:], start=2):
        vecs[k] = kv[w]
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-8
    return words, vecs


def quantise(vecs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    scale = np.abs(vecs).max(axis=1) / 127.0 + 1e-12
    q = np.round(vecs / scale[:, None]).astype(np.int8)
    return q, scale.astype(np.float16)


def views_for(sents, names_list):
    return [sentence_view(toks, ALL_GROUPS, names) for (toks, _), names in zip(sents, names_list)]


def make_net(torch, n_words_vecs: np.ndarray, n_chars: int, n_prefix: int, args):
    nn = torch.nn

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.wemb = nn.Embedding.from_pretrained(torch.tensor(n_words_vecs), freeze=True, padding_idx=0)
            self.cemb = nn.Embedding(n_chars, args.char_dim, padding_idx=0)
            self.conv = nn.Conv1d(args.char_dim, args.char_filters, 3, padding=1)
            sizes = [s if s is not None else n_prefix for s in nn_rt.CAT_SIZES]
            self.cats = nn.ModuleList(nn.Embedding(s, args.cat_dim) for s in sizes)
            d_in = 2 * n_words_vecs.shape[1] + args.char_filters + args.cat_dim * len(sizes)
            self.drop = nn.Dropout(args.dropout)
            self.lstm = nn.LSTM(d_in, args.hidden, batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * args.hidden, len(nn_rt.TAGS))

        def forward(self, word, bare, chars, cat, lens):
            return self.out(self.encode(word, bare, chars, cat, lens))

        def encode(self, word, bare, chars, cat, lens):
            """The BiLSTM's states (B, T, 2 × hidden), after dropout: forward | backward."""
            B, T = word.shape
            c = self.cemb(chars.view(B * T, -1)).transpose(1, 2)  # (BT, C, L)
            c = torch.relu(self.conv(c))
            cmask = (chars.view(B * T, -1) == 0).unsqueeze(1)
            c = c.masked_fill(cmask, -1e4).max(dim=2).values.view(B, T, -1)
            parts = [self.wemb(word), self.wemb(bare), c] + [e(cat[:, :, k]) for k, e in enumerate(self.cats)]
            x = self.drop(torch.cat(parts, dim=2))
            packed = nn.utils.rnn.pack_padded_sequence(x, lens, batch_first=True, enforce_sorted=False)
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=T)
            return self.drop(h)

    return Net()


def batches(torch, items, size: int, rng=None):
    order = np.arange(len(items))
    if rng is not None:
        rng.shuffle(order)
    for s in range(0, len(order), size):
        group = [items[k] for k in order[s:s + size]]
        T = max(len(g["word"]) for g in group)
        L = max(len(c) for g in group for c in g["chars"])
        B = len(group)
        word = np.zeros((B, T), np.int64)
        bare = np.zeros((B, T), np.int64)
        cat = np.zeros((B, T, group[0]["cat"].shape[1]), np.int64)
        chars = np.zeros((B, T, L), np.int64)
        y = np.full((B, T), -100, np.int64)
        lens = []
        for b, g in enumerate(group):
            n = len(g["word"])
            lens.append(n)
            word[b, :n], bare[b, :n], cat[b, :n] = g["word"], g["bare"], g["cat"]
            for t, ids in enumerate(g["chars"]):
                chars[b, t, : len(ids)] = ids
            if g.get("y") is not None:
                y[b, :n] = g["y"]
        yield [order[s:s + size]], tuple(torch.tensor(a) for a in (word, bare, chars, cat)), torch.tensor(lens), torch.tensor(y)


def predict_probs(torch, net, items) -> list[np.ndarray]:
    net.eval()
    out: list[np.ndarray] = [None] * len(items)  # type: ignore[list-item]
    with torch.no_grad():
        for (idx,), xs, lens, _ in batches(torch, items, 64):
            p = torch.softmax(net(*xs, lens), dim=2).numpy()
            for b, k in enumerate(idx):
                out[k] = p[b, : lens[b]]
    return out


def decode_all(probs):
    return [nn_rt.bio_decode(p)[0] for p in probs]


def train_net(torch, args, vecs, n_chars, n_prefix, train_items, epochs: int, dev_items=None, dev_sents=None, log=print):
    torch.manual_seed(args.seed)
    rng = np.random.RandomState(args.seed)
    net = make_net(torch, vecs, n_chars, n_prefix, args)
    if getattr(args, "encoder", None) is not None:  # start from the pretrained encoder (akhbar/training/pretrain_encoder.py)
        missing, unexpected = net.load_state_dict({k: torch.tensor(v) for k, v in args.encoder.items()}, strict=False)
        if unexpected or any(not k.startswith(("wemb.", "out.")) for k in missing):
            raise SystemExit(f"pretrained encoder does not fit the network: missing {missing}, unexpected {unexpected}")
    opt = torch.optim.Adam([p for p in net.parameters() if p.requires_grad], lr=args.lr)
    lossf = torch.nn.CrossEntropyLoss(ignore_index=-100)
    history = []
    for ep in range(1, epochs + 1):
        net.train()
        t0, tot = time.time(), 0.0
        for _, xs, lens, y in batches(torch, train_items, args.batch, rng):
            opt.zero_grad()
            logits = net(*xs, lens)
            loss = lossf(logits.reshape(-1, logits.shape[-1]), y.reshape(-1))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            tot += loss.item()
        msg = f"epoch {ep:2d} loss {tot:8.2f} ({time.time()-t0:.0f}s)"
        if dev_items is not None:
            probs = predict_probs(torch, net, dev_items)
            res = evaluate(dev_sents, decode_all(probs))
            history.append((res["micro"][2], probs))
            msg += f"  dev micro F1 {res['micro'][2]:.1f}"
        log(msg)
    return net, history


def choose_weight(sub, dev, dev_probs, args) -> float:
    """The CRF's share in the ``--pool``, chosen on the development block
    (``--choose-weight``): a CRF is trained on the same sentences as the development
    BiLSTM (``sub``), both tag ``dev``, and the weight with the best micro F1 wins: of
    the whole runtime pipeline (decoded pool, name continuation, post-processing,
    document consistency on pseudo-documents of ``--doc-size`` sentences;
    ``--choose-weight pipeline``), or of the decoded pool alone (``--choose-weight
    average``, the criterion that chose the 0.4.0 weight; both choose 0.5 for the
    linear pool).
    The post-processing's name prior (``cluster_per_prior.json``) was counted on the
    whole training part, development block included: a cluster-level share, the same
    for every weight."""
    import tempfile

    import pycrfsuite

    from akhbar.entities.model import _continue_names, crf_marginals, pool_probs
    from akhbar.training.train_ner import featurize, train, with_doc, with_post

    meta = json.load(open(os.path.join(args.out, "ner_meta.json"), encoding="utf-8"))
    groups = tuple(meta["groups"])
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "dev.crfsuite")
        train(featurize(sub, groups, args.folds), [y for _, y in sub], path, meta["c1"], meta["c2"], meta["iters"])
        tg = pycrfsuite.Tagger()
        tg.open(path)
        crf = []
        for x in featurize(dev, groups, args.folds, names_all=harvest_names(sub)):
            tg.set(x)
            crf.append(crf_marginals(tg, len(x)))
    best = (-1.0, 1.0)
    for w in (1.0, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.0):
        decoded = [nn_rt.bio_decode(pool_probs(a, b, w, args.pool)) for a, b in zip(crf, dev_probs)]
        f_avg = evaluate(dev, [t for t, _ in decoded])["micro"][2]
        tags, probs = [list(t) for t, _ in decoded], [list(p) for _, p in decoded]
        for (words, _), t, p, a in zip(dev, tags, probs, crf):
            _continue_names(words, t, p, a)  # as CrfModel.tag_many does at run time
        t_post, p_post = with_post(dev, tags, probs)
        f_pipe = evaluate(dev, with_doc(dev, t_post, p_post, args.doc_size))["micro"][2]
        f = f_pipe if args.choose_by == "pipeline" else f_avg
        print(f"  development block: crf_weight {w:.1f} -> micro F1 {f_avg:.1f} average, {f_pipe:.1f} pipeline", flush=True)
        if f > best[0]:
            best = (f, w)
    print(f"chosen crf_weight {best[1]:.1f}", flush=True)
    return best[1]


def check_sentences(limit: int = 4) -> list[list[str]]:
    """The first sentences of ``seeds/000_*.txt`` with 8+ tokens (real news text in the repo)."""
    import glob

    from akhbar.text import tokenize

    path = sorted(glob.glob(os.path.join(os.path.dirname(__file__), "..", "..", "seeds", "000_*.txt")))[0]
    out = []
    for line in open(path, encoding="utf-8"):
        toks = [t.text for t in tokenize(line.strip())]
        if len(toks) >= 8:
            out.append(toks[:60])
        if len(out) >= limit:
            break
    return out


def member_arrays(net, tag: str = "") -> dict[str, np.ndarray]:
    """The weights of one network under the keys the runtime reads (``tag`` + ``p_*``)."""
    sd = {k: v.detach().numpy().astype(np.float32) for k, v in net.state_dict().items()}
    w = sd["conv.weight"]  # (out, in, 3) -> rows [k*C + c] for the window [t-1, t, t+1]
    arrays = {
        "p_char_emb": sd["cemb.weight"],
        "p_conv_w": np.transpose(w, (2, 1, 0)).reshape(-1, w.shape[0]), "p_conv_b": sd["conv.bias"],
        "p_out_w": sd["out.weight"], "p_out_b": sd["out.bias"],
    }
    for k in range(len(nn_rt.CAT_SIZES)):
        arrays[f"p_cat{k}"] = sd[f"cats.{k}.weight"]
    for d, suf in (("f", ""), ("b", "_reverse")):
        arrays[f"p_lstm_wih_{d}"] = sd[f"lstm.weight_ih_l0{suf}"]
        arrays[f"p_lstm_whh_{d}"] = sd[f"lstm.weight_hh_l0{suf}"]
        arrays[f"p_lstm_b_{d}"] = sd[f"lstm.bias_ih_l0{suf}"] + sd[f"lstm.bias_hh_l0{suf}"]
    return {tag + k: v for k, v in arrays.items()}


def ensemble_probs(torch, nets, items) -> list[np.ndarray]:
    """The members' softmaxes averaged, as the runtime does."""
    runs = [predict_probs(torch, net, items) for net in nets]
    return [sum(r[k] for r in runs) / len(runs) for k in range(len(items))]


def export(torch, nets, words, vecs, chars, prefixes, path: str, meta: dict) -> None:
    q, scale = quantise(vecs)
    arrays = {
        "word_vocab": np.array(words), "char_vocab": np.array(chars), "prefix_vocab": np.array(prefixes),
        "wvec_q": q, "wvec_scale": scale, "meta": np.array(json.dumps(meta)),
    }
    for k, net in enumerate(nets):  # member 0 under p_*, the others under m1_p_*, m2_p_* …
        arrays.update(member_arrays(net, f"m{k}_" if k else ""))
    # a parity check for tests/test_entities.py: PyTorch's probabilities for a few seed sentences
    check = check_sentences()
    views = [sentence_view(t, ALL_GROUPS, None) for t in check]
    wid, cid, pid = ({x: k for k, x in enumerate(v)} for v in (words, chars, prefixes))
    probs = ensemble_probs(torch, nets, [nn_rt.sentence_inputs(v, wid, cid, pid) for v in views])
    arrays["check_tokens"] = np.array(["\t".join(t) for t in check])
    arrays["check_probs"] = np.concatenate(probs).astype(np.float32)
    np.savez_compressed(path, **arrays)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--vectors", default=None,
                    help="gensim KeyedVectors from akhbar/training/train_clusters.py --vectors (default: the word vectors of the committed bilstm.npz)")
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--test-share", type=float, default=0.2)
    ap.add_argument("--block", type=int, default=-1, help="held-out block, as in train_ner.py (default: the last)")
    ap.add_argument("--dev-share", type=float, default=0.1, help="of the training part, its last contiguous block")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--vocab", type=int, default=125_000)
    ap.add_argument("--max-epochs", type=int, default=30)
    ap.add_argument("--epochs", type=int, default=0, help="skip the development run, train this many epochs")
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=1e-3)
    add_net_args(ap)
    ap.add_argument("--pool", choices=POOLS, default="log",
                    help="how the CRF's marginals and the BiLSTM's softmax are combined: product of experts (log, "
                         "since 0.5.0) or linear average (0.2.0 to 0.4.1)")
    ap.add_argument("--crf-weight", type=float, default=0.4,
                    help="the CRF's share in the pool (0.4: chosen for the log pool on cross-validation blocks 0 and 1)")
    ap.add_argument("--choose-weight", dest="choose_by", choices=("pipeline", "average"), default=None,
                    help="choose the weight on the development block instead, by the whole runtime pipeline's micro F1 "
                         "or the decoded pool's (up to 0.4.1: the linear pool, chosen so; both chose 0.5)")
    ap.add_argument("--doc-size", type=int, default=20, help="pseudo-document size for document consistency (as train_ner.py)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--members", type=int, default=1, help="ensemble size: members trained with seeds seed, seed+1, …")
    ap.add_argument("--threads", type=int, default=1, help="torch threads (1: the committed network was trained so; runs repeat exactly)")
    ap.add_argument("--pretrained", default=os.path.join(HERE, "artefacts", ENCODER_FILE),
                    help="encoder pretrained by akhbar/training/pretrain_encoder.py to start from (default: the committed one)")
    ap.add_argument("--no-pretrained", dest="pretrained", action="store_const", const=None,
                    help="start from random weights (the recipe of pipeline 0.3.0)")
    args = ap.parse_args()

    import torch

    torch.set_num_threads(args.threads)
    t_start = time.time()
    sents = read_conll(args.data)
    train_s, test_s = split_block(sents, args.test_share, args.block)
    words, vecs = load_vectors(args.vectors, args.out, args.vocab)
    wid = {w: k for k, w in enumerate(words)}
    train_views = views_for(train_s, fold_names(train_s, args.folds))
    encoder_meta = None
    if args.pretrained:  # the encoder's own input vocabularies, so its embedding rows line up
        args.encoder, chars, prefixes, encoder_meta = load_encoder(args.pretrained, words)
    else:  # characters of frequent words, proclitic patterns seen in the training part
        args.encoder, chars, prefixes = None, char_vocab(words), prefix_vocab(train_views)
    cid = {c: k for k, c in enumerate(chars)}
    pid = {p: k for k, p in enumerate(prefixes)}

    def items(sents_, views):
        out = []
        for (_, tags), v in zip(sents_, views):
            it = nn_rt.sentence_inputs(v, wid, cid, pid)
            it["y"] = np.array([nn_rt.TAG_ID[t] for t in tags]) if tags is not None else None
            out.append(it)
        return out

    print(f"{len(train_s)} training sentences, {len(test_s)} held-out; vocab {len(words)}, {len(chars)} chars", flush=True)
    epochs = args.epochs
    if not epochs:
        n_dev = round(len(train_s) * args.dev_share)
        sub, dev = train_s[: len(train_s) - n_dev], train_s[len(train_s) - n_dev:]
        sub_items = items(sub, views_for(sub, fold_names(sub, args.folds)))
        names_sub = harvest_names(sub)
        dev_items = items(dev, views_for(dev, [names_sub] * len(dev)))
        _, hist = train_net(torch, args, vecs, len(chars), len(prefixes), sub_items, args.max_epochs, dev_items, dev)
        epochs = int(np.argmax([f for f, _ in hist])) + 1
        print(f"development run: best epoch {epochs} (dev micro F1 {hist[epochs - 1][0]:.1f})", flush=True)
        crf_weight = choose_weight(sub, dev, hist[epochs - 1][1], args) if args.choose_by else args.crf_weight
    else:
        crf_weight = args.crf_weight
    train_items = items(train_s, train_views)
    nets = []
    seeds = [args.seed + k for k in range(args.members)]
    for seed in seeds:  # an ensemble: the same recipe, other seeds (initialisation, batch order, dropout)
        nets.append(train_net(torch, argparse.Namespace(**{**vars(args), "seed": seed}), vecs, len(chars), len(prefixes),
                              train_items, epochs)[0])
    names_all = harvest_names(train_s)
    test_items = items(test_s, views_for(test_s, [names_all] * len(test_s)))
    res = evaluate(test_s, decode_all(ensemble_probs(torch, nets, test_items)))
    what = "BiLSTM alone" if len(nets) == 1 else f"BiLSTM ensemble of {len(nets)} alone"
    print(f"held-out {what}: " + "  ".join(f"{t} {res[t][0]:.1f}/{res[t][1]:.1f}/{res[t][2]:.1f}" for t in (*EVAL_TYPES, "micro")))
    meta = {"epochs": epochs, "crf_weight": crf_weight, "crf_pool": args.pool, "seed": args.seed, "seeds": seeds, "hidden": args.hidden,
            "pretrained_file": os.path.basename(args.pretrained) if args.pretrained else None,
            "pretrained": {k: encoder_meta[k] for k in ("sentences", "tokens", "lm_classes", "epochs", "loss_per_epoch")} if encoder_meta else None,
            "char_filters": args.char_filters, "vocab": len(words), "heldout_bilstm": res, "train_seconds": round(time.time() - t_start)}
    path = os.path.join(args.out, nn_rt.NEURAL_FILE)
    export(torch, nets, words, vecs, chars, prefixes, path, meta)
    print(f"wrote {path} ({os.path.getsize(path) / 1e6:.1f} MB)")
    rt = nn_rt.NeuralTagger(path)
    np_probs = rt.probs(views_for(test_s, [names_all] * len(test_s)))
    torch_probs = ensemble_probs(torch, nets, test_items)
    diff = max(float(np.abs(a - b).max()) for a, b in zip(np_probs, torch_probs))
    print(f"numpy runtime vs PyTorch on the held-out block: max |p diff| = {diff:.2e}")
    # the runtime reads the weight next to the CRF's settings
    meta_path = os.path.join(args.out, "ner_meta.json")
    ner_meta = json.load(open(meta_path, encoding="utf-8"))
    ner_meta["crf_weight"] = crf_weight
    ner_meta["crf_pool"] = args.pool
    ner_meta["bilstm"] = meta
    with open(meta_path, "w", encoding="utf-8") as f:  # the runtime model below reads the new weight
        json.dump(ner_meta, f, ensure_ascii=False, indent=1)
    from akhbar.training.train_ner import pipeline_rows

    rows = dict(pipeline_rows(args.out, test_s, 20))
    ner_meta["heldout_ensemble"] = next(v for k, v in rows.items() if k.startswith("+ BiLSTM"))
    ner_meta["heldout_full_pipeline"] = rows["+ doc consistency"]
    print(f"held-out, runtime pipeline (CRF+BiLSTM, post-processing, document consistency): micro F1 {rows['+ doc consistency']['micro'][2]:.1f}")
    with open(meta_path, "w", encoding="utf-8") as f:
        json.dump(ner_meta, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
