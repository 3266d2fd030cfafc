"""Learn word clusters without labels from SaudiNewsNet (training-time only).

word2vec (gensim, CBOW) on the normalised tokens of all articles, then k-means on
the unit-normalised vectors of the most frequent words: a fine clustering, and
two coarser ones obtained by clustering the fine centroids (so the three
granularities nest).  Output, one line per word (TSV, UTF-8):

    word  count  fine  mid  coarse

The counts are also used at runtime to decide whether a leading «و/ب/ل/ف/ك» is a
proclitic (the stripped form is much more frequent than the whole token).

    python -m akhbar.training.train_clusters --data ../shared/data/saudinewsnet \
        --out akhbar/resources/ner/clusters.tsv

Needs the ``train`` extra (gensim, scikit-learn).  word2vec with 2 worker
threads is not bit-for-bit deterministic; the committed file is the artefact
the NER model was trained with.
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", ".."))

from akhbar.text import tokenize  # noqa: E402
from akhbar.training.corpus import iter_records  # noqa: E402
from akhbar.text import fold_match  # noqa: E402


def iter_articles(data_dir: str):
    for art in iter_records(data_dir):
        yield "\n".join(x for x in (art.get("title"), art.get("content")) if x)


def sentences(data_dir: str) -> list[list[str]]:
    out = []
    for text in iter_articles(data_dir):
        for para in text.split("\n"):
            toks = [fold_match(t.text) for t in tokenize(para)]
            toks = [t for t in toks if t.strip()]
            if len(toks) > 2:
                out.append(toks)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "data", "saudinewsnet"))
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "..", "akhbar", "resources", "ner", "clusters.tsv"))
    ap.add_argument("--vocab", type=int, default=120_000)
    ap.add_argument("--k", type=int, nargs=3, default=[1000, 200, 40], help="fine mid coarse")
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--sg", action="store_true", help="skip-gram instead of CBOW (better vectors for rare words)")
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--vectors", default=None, help="also save the word2vec KeyedVectors here (not committed)")
    ap.add_argument("--from-vectors", default=None, help="skip word2vec: load these KeyedVectors (+ recount)")
    ap.add_argument("--emb-out", default=None, help="also write a compact embedding table (PCA, int8 .npy) aligned with --out")
    ap.add_argument("--emb-dim", type=int, default=32)
    args = ap.parse_args()

    import numpy as np
    from gensim.models import Word2Vec
    from sklearn.cluster import KMeans, MiniBatchKMeans

    t0 = time.time()
    sents = sentences(args.data)
    counts = collections.Counter(w for s in sents for w in s)
    print(f"{len(sents)} paragraphs, {sum(counts.values())} tokens, {len(counts)} types ({time.time()-t0:.0f}s)")
    if args.from_vectors:
        from gensim.models import KeyedVectors

        class _M:  # same interface as a Word2Vec model for what follows
            wv = KeyedVectors.load(args.from_vectors)

        model = _M()
    else:
        model = Word2Vec(
            sentences=sents, vector_size=args.dim, window=5, min_count=args.min_count, sg=int(args.sg), negative=5,
            epochs=args.epochs, workers=args.workers, seed=args.seed,
        )
        if args.vectors:
            model.wv.save(args.vectors)
    print(f"word2vec done ({time.time()-t0:.0f}s)")
    words = [w for w, c in counts.most_common() if w in model.wv.key_to_index and any(ch.isalpha() for ch in w)]
    words = words[: args.vocab]
    vecs = np.stack([model.wv[w] for w in words]).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-8
    kf, km, kc = args.k
    fine = MiniBatchKMeans(n_clusters=kf, random_state=args.seed, batch_size=4096, n_init=1, max_iter=60).fit(vecs)
    cen = fine.cluster_centers_
    mid = KMeans(n_clusters=km, random_state=args.seed, n_init=1).fit(cen).labels_
    coarse = KMeans(n_clusters=kc, random_state=args.seed, n_init=1).fit(cen).labels_
    print(f"k-means done ({time.time()-t0:.0f}s)")
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        for w, lab in zip(words, fine.labels_):
            f.write(f"{w}\t{counts[w]}\t{lab}\t{mid[lab]}\t{coarse[lab]}\n")
    print(f"wrote {len(words)} words to {args.out}")
    if args.emb_out:
        # PCA to emb-dim, scaled to int8 (row i = word i of --out)
        x = vecs - vecs.mean(axis=0)
        _, _, vt = np.linalg.svd(x[:20000], full_matrices=False)
        z = x @ vt[: args.emb_dim].T
        z /= np.abs(z).max(axis=0, keepdims=True) + 1e-8
        np.save(args.emb_out, np.round(z * 127).astype(np.int8))
        print(f"wrote {z.shape} embeddings to {args.emb_out}")
    for probe in ("موسكو", "بوتين", "وزاره", "روته", "الناتو"):
        if probe in model.wv.key_to_index:
            print(probe, [w for w, _ in model.wv.most_similar(probe, topn=8)])


if __name__ == "__main__":
    main()
