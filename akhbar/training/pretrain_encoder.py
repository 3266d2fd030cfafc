"""Pretrain the BiLSTM tagger's encoder as a language model on SaudiNewsNet (training-time script).

Why: ANERcorp gives 3,236 labelled training sentences; most held-out person names
never occur in them.  The tagger's encoder (character CNN, feature embeddings,
BiLSTM: ``akhbar/training/train_bilstm.py``) can first learn from the 6.4 M unlabelled
tokens of SaudiNewsNet which contexts words occur in («قال … إن», «الرئيس …»,
«في مدينة …»), then ``train_bilstm.py --pretrained`` fine-tunes it on ANERcorp.
No label of any kind is used here (the training-name feature is left empty), so
the encoder is the same whichever ANERcorp block is held out.

Objective: a bidirectional class-based language model.  The forward LSTM's state
at token t predicts token t+1, the backward one's predicts token t−1, each
through its own softmax (discarded after pretraining) over the ``--lm-words``
most frequent words plus the 1,000 fine word2vec clusters of ``clusters.tsv``
for all other words (a rare name is predicted by its cluster: a cheap softmax
that still asks "what kind of word comes next").

    python -m akhbar.training.pretrain_encoder     # -> akhbar/training/artefacts/bilstm_encoder_lm.npz (~1 h, one core)

Writes the encoder weights and its input vocabularies (characters, proclitic
patterns) in one ``.npz`` (no pickle); the word vectors are not stored: they are
those of the committed ``bilstm.npz`` (or ``--vectors``), checked by a digest when
the encoder is loaded.  Seeded; deterministic up to the CPU kernels' summation
order (run with ``--threads 1`` to repeat a run exactly).  Needs the ``train``
extra (torch).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", ".."))

from akhbar.entities import neural as nn_rt  # noqa: E402
from akhbar.entities.features import ALL_GROUPS, sentence_view  # noqa: E402
from akhbar.training.train_bilstm import ENCODER_FILE, add_net_args, batches, char_vocab, load_vectors, make_net, prefix_vocab, vocab_digest  # noqa: E402
from akhbar.training.train_ner import DEFAULT_OUT, HERE, unlabelled_sentences  # noqa: E402


def lm_targets(views, n_words: int) -> tuple[list[np.ndarray], int]:
    """Class id of every token: 1 + rank for the ``n_words`` most frequent normalised
    words, then one class per fine word cluster, 0 (not predicted) for the rest."""
    counts = Counter(ti.n for v in views for ti in v.infos)
    top = {w: k + 1 for k, (w, _) in enumerate(sorted(counts.items(), key=lambda x: (-x[1], x[0]))[:n_words])}
    fine = sorted({ti_cl[1] for v in views for ti in v.infos for ti_cl in (ti.cl, ti.clb) if ti_cl})
    fid = {c: 1 + len(top) + k for k, c in enumerate(fine)}
    out = []
    for v in views:
        ids = []
        for ti in v.infos:
            k = top.get(ti.n)
            if k is None:
                c = ti.cl or ti.clb
                k = fid[c[1]] if c else 0
            ids.append(k)
        out.append(np.array(ids, np.int64))
    return out, 1 + len(top) + len(fine)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--unlabelled", default=os.path.join(HERE, "..", "..", "..", "shared", "data", "saudinewsnet"))
    ap.add_argument("--sentences", type=int, default=400_000, help="at most this many SaudiNewsNet sentences (8–60 tokens)")
    ap.add_argument("--vectors", default=None, help="gensim KeyedVectors (default: the word vectors of the committed bilstm.npz)")
    ap.add_argument("--model-dir", default=DEFAULT_OUT, help="where the committed bilstm.npz is read from")
    ap.add_argument("--out", default=os.path.join(HERE, "artefacts", ENCODER_FILE))
    ap.add_argument("--lm-words", type=int, default=5000)
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--lr", type=float, default=1e-3)
    add_net_args(ap)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()

    import torch

    torch.set_num_threads(args.threads)
    t0 = time.time()
    words, vecs = load_vectors(args.vectors, args.model_dir)
    wid = {w: k for k, w in enumerate(words)}
    pool = unlabelled_sentences(args.unlabelled, args.sentences)
    views = [sentence_view(toks, ALL_GROUPS, None) for toks in pool]  # no training names: no labels
    chars = char_vocab(words)
    prefixes = prefix_vocab(views)
    cid, pid = ({x: k for k, x in enumerate(v)} for v in (chars, prefixes))
    targets, n_classes = lm_targets(views, args.lm_words)
    items = []
    for v, y in zip(views, targets):
        it = nn_rt.sentence_inputs(v, wid, cid, pid)
        it["y"] = y
        items.append(it)
    n_tok = sum(len(y) for y in targets)
    print(f"{len(items)} sentences, {n_tok} tokens, {n_classes} LM classes ({time.time() - t0:.0f}s)", flush=True)

    torch.manual_seed(args.seed)
    rng = np.random.RandomState(args.seed)
    net = make_net(torch, vecs, len(chars), len(prefixes), args)
    heads = torch.nn.ModuleList([torch.nn.Linear(args.hidden, n_classes), torch.nn.Linear(args.hidden, n_classes)])
    params = [p for p in net.parameters() if p.requires_grad] + list(heads.parameters())
    opt = torch.optim.Adam(params, lr=args.lr)
    lossf = torch.nn.CrossEntropyLoss(ignore_index=0)
    H = args.hidden
    losses = []
    for ep in range(1, args.epochs + 1):
        net.train()
        t1, tot, nb = time.time(), 0.0, 0
        for _, xs, lens, y in batches(torch, items, args.batch, rng):
            y = y.clamp(min=0)  # padding (-100) -> 0, "not predicted"
            opt.zero_grad()
            h = net.encode(*xs, lens)
            loss = (lossf(heads[0](h[:, :-1, :H]).reshape(-1, n_classes), y[:, 1:].reshape(-1))  # forward: next token
                    + lossf(heads[1](h[:, 1:, H:]).reshape(-1, n_classes), y[:, :-1].reshape(-1)))  # backward: previous
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 5.0)
            opt.step()
            tot, nb = tot + loss.item(), nb + 1
            if nb % 500 == 0:
                print(f"  epoch {ep} batch {nb}: loss {tot / nb:.3f} ({time.time() - t1:.0f}s)", flush=True)
        losses.append(round(tot / nb, 4))
        print(f"epoch {ep}: mean loss (forward + backward, nats) {losses[-1]:.3f} ({time.time() - t1:.0f}s)", flush=True)

    state = {k: v.detach().numpy() for k, v in net.state_dict().items() if not k.startswith(("wemb.", "out."))}
    meta = {"sentences": len(items), "tokens": n_tok, "lm_classes": n_classes, "lm_words": args.lm_words,
            "epochs": args.epochs, "loss_per_epoch": losses, "seed": args.seed, "hidden": args.hidden,
            "char_filters": args.char_filters, "word_vocab": len(words), "word_vocab_digest": vocab_digest(words),
            "train_seconds": round(time.time() - t0)}
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    np.savez_compressed(args.out, char_vocab=np.array(chars), prefix_vocab=np.array(prefixes),
                        meta=np.array(json.dumps(meta)), **{"enc." + k: v for k, v in state.items()})
    print(f"wrote {args.out} ({os.path.getsize(args.out) / 1e6:.1f} MB) in {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
