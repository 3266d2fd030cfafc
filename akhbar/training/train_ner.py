"""Train and evaluate the Arabic NER CRF on ANERcorp (training-time script).

Split: the LAST ``--test-share`` (default 20%) of the sentences of train.txt is the
held-out block (contiguous, never random sentences); the CRF trains on the rest.
Names harvested from the training block feed the ``tgaz`` feature CROSS-FOLD: the
training block is cut into ``--folds`` contiguous folds and a sentence's feature
only sees names from the other folds.  At evaluation / runtime the feature sees
names from the whole training block.

Evaluation: exact-span P/R/F1 per type and micro over PER+LOC+ORG.  Document
consistency is evaluated on pseudo-documents of ``--doc-size`` consecutive
held-out sentences (ANERcorp marks no document boundaries).

    python -m akhbar.training.train_ner                         # train (all feature groups), eval, write model
    python -m akhbar.training.train_ner --eval-only             # evaluate the committed model
    python -m akhbar.training.train_ner --ablation              # one run per added feature group, table

Deterministic: L-BFGS, fixed feature order, no sampling.  Uses python-crfsuite only.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter, defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", ".."))

from akhbar.entities.features import ALL_GROUPS, sentence_features  # noqa: E402
from akhbar.entities.model import META_FILE, MODEL_FILE, NAMES_FILE, PRIOR_FILE, doc_consistency, mention_key, postprocess, spans_from_bio  # noqa: E402
from akhbar.text import fold_key_word  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATA = os.path.join(HERE, "..", "..", "..", "shared", "data", "anercorp", "train.txt")
DEFAULT_OUT = os.path.join(HERE, "..", "..", "akhbar", "resources", "ner")
EVAL_TYPES = ("PER", "LOC", "ORG")
DOC_THRESHOLD = float(os.environ.get("AKHBAR_DOC_THRESHOLD", "0.6"))  # experiments only


def split_block(sents, share: float, block: int = -1):
    """(training part, held-out block): the last ``share`` of the sentences, or the
    ``block``-th contiguous block of that size; never random sentences."""
    n_test = round(len(sents) * share)
    start = len(sents) - n_test if block < 0 else block * n_test
    if not 0 <= start <= len(sents) - n_test:
        raise SystemExit(f"--block {block}: no such block of {share:.0%}")
    return sents[:start] + sents[start + n_test:], sents[start:start + n_test]


def read_conll(path: str) -> list[tuple[list[str], list[str]]]:
    sents, toks, tags = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            p = line.split()
            if not p:
                if toks:
                    sents.append((toks, tags))
                toks, tags = [], []
                continue
            tag = p[-1].replace("PERS", "PER")
            toks.append(p[0])
            tags.append(tag)
    if toks:
        sents.append((toks, tags))
    return sents


def harvest_names(sents) -> dict[str, str]:
    """fold key of every gold mention (proclitic of first token dropped) -> majority label;
    plus the last token of multi-token person names."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for toks, tags in sents:
        for i, j, label in spans_from_bio(tags):
            key = mention_key(toks, i, j)
            if len(key) >= 2:
                votes[key][label] += 1
            if label == "PER" and j - i >= 2:
                last = fold_key_word(toks[j - 1], article=False)
                if len(last) >= 3:
                    votes[last]["PER"] += 1
    return {k: c.most_common(1)[0][0] for k, c in sorted(votes.items())}


def cluster_priors(sents) -> dict[str, float]:
    """Share of PER tokens per mid-granularity word cluster in the training block
    (used by the person-name rule to tell name-like words from other words)."""
    from akhbar.entities.features import load_clusters, smart_split
    from akhbar.text import fold_match

    cl = load_clusters()
    tot, per = Counter(), Counter()
    for toks, tags in sents:
        for w, t in zip(toks, tags):
            n = fold_match(w)
            c = cl.get(n) or cl.get(smart_split(n)[2])
            if c:
                tot[c[2]] += 1
                per[c[2]] += t.endswith("PER")
    return {k: round(per[k] / tot[k], 3) for k in sorted(tot) if tot[k] >= 5}


def fold_names(sents, folds: int) -> list[dict[str, str]]:
    """Training-name index each training sentence may see: the block is cut into
    ``folds`` contiguous folds and a sentence sees the names of the other folds."""
    n = len(sents)
    bounds = [round(n * k / folds) for k in range(folds + 1)]
    out: list[dict[str, str]] = []
    for k in range(folds):
        names = harvest_names(sents[: bounds[k]] + sents[bounds[k + 1]:])
        out.extend([names] * (bounds[k + 1] - bounds[k]))
    return out


def featurize(sents, groups, folds: int, names_all: dict | None = None):
    if "tgaz" in groups and names_all is None:
        per_sent = fold_names(sents, folds)
    else:
        per_sent = [names_all] * len(sents)
    return [sentence_features(toks, groups, names) for (toks, _), names in zip(sents, per_sent)]


def train(X, Y, path: str, c1: float, c2: float, iters: int) -> None:
    import pycrfsuite

    tr = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(X, Y):
        tr.append(x, y)
    tr.set_params({"c1": c1, "c2": c2, "max_iterations": iters, "feature.possible_transitions": True})
    tr.train(path)


def predict(path: str, X):
    import pycrfsuite

    tg = pycrfsuite.Tagger()
    tg.open(path)
    tags, probs = [], []
    for x in X:
        tg.set(x)
        t = tg.tag()
        tags.append(t)
        probs.append([tg.marginal(l, i) for i, l in enumerate(t)])
    return tags, probs


def evaluate(gold_sents, pred_tags) -> dict:
    tp, fp, fn = Counter(), Counter(), Counter()
    for (_, gold), pred in zip(gold_sents, pred_tags):
        g = set(spans_from_bio(gold))
        p = set(spans_from_bio(pred))
        for s in p & g:
            tp[s[2]] += 1
        for s in p - g:
            fp[s[2]] += 1
        for s in g - p:
            fn[s[2]] += 1
    res = {}
    for t in ("PER", "LOC", "ORG", "MISC", "micro"):
        if t == "micro":
            a, b, c = (sum(x[k] for k in EVAL_TYPES) for x in (tp, fp, fn))
        else:
            a, b, c = tp[t], fp[t], fn[t]
        p = a / (a + b) if a + b else 0.0
        r = a / (a + c) if a + c else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        res[t] = (round(100 * p, 1), round(100 * r, 1), round(100 * f, 1))
    return res


def fmt(name: str, res: dict) -> str:
    cells = [f"{res[t][0]:5.1f} {res[t][1]:5.1f} {res[t][2]:5.1f}" for t in ("PER", "LOC", "ORG", "micro", "MISC")]
    return f"| {name:<28} | " + " | ".join(cells) + " |"


HEADER = (
    "| step                         |  PER P/R/F1       |  LOC P/R/F1       |  ORG P/R/F1       | micro(P+L+O) P/R/F1 | MISC P/R/F1 |\n"
    "|---|---|---|---|---|---|"
)


def with_post(test, tags, probs, **flags):
    tags = [list(t) for t in tags]
    probs = [list(p) for p in probs]
    for (toks, _), t, p in zip(test, tags, probs):
        postprocess(toks, t, p, **flags)
    return tags, probs


def post_rows(test, tags, probs, doc_size: int) -> list[tuple[str, dict]]:
    """Rows for the steps applied after the CRF (no retraining)."""
    rows = []
    t1, p1 = with_post(test, tags, probs, trims=True, gaz=False, teams=False, rules=False)
    rows.append(("+ span trims", evaluate(test, t1)))
    t2, p2 = with_post(test, tags, probs, trims=True, gaz=True, teams=False, rules=False)
    rows.append(("+ gazetteer fill/label", evaluate(test, t2)))
    t2, p2 = with_post(test, tags, probs, trims=True, gaz=True, teams=True, rules=False)
    rows.append(("+ sports clubs", evaluate(test, t2)))
    t3, p3 = with_post(test, tags, probs, trims=True, gaz=True, teams=True, rules=True)
    rows.append(("+ trigger rules fill", evaluate(test, t3)))
    rows.append(("+ doc consistency", evaluate(test, with_doc(test, t3, p3, doc_size))))
    rows.append(("(doc consistency on raw CRF)", evaluate(test, with_doc(test, tags, probs, doc_size))))
    return rows


def pipeline_rows(model_dir: str, test, doc_size: int) -> list[tuple[str, dict]]:
    """Rows of the committed (runtime) model: the CRF alone, averaged with the
    BiLSTM when ``bilstm.npz`` ships, then the post-processing steps."""
    from akhbar.entities.model import CrfModel

    words = [t for t, _ in test]
    crf = CrfModel(model_dir, neural=False)
    tags, probs = (list(x) for x in zip(*crf.tag_many(words)))
    rows = [("CRF", evaluate(test, tags))]
    model = CrfModel(model_dir)
    if model.neural is not None:
        tags, probs = (list(x) for x in zip(*model.tag_many(words)))
        rows.append((f"+ BiLSTM, {model.crf_pool} pool (w={model.crf_weight:g})", evaluate(test, tags)))
    return rows + post_rows(test, tags, probs, doc_size)


def with_doc(test, tags, probs, doc_size: int):
    tags = [list(t) for t in tags]
    probs = [list(p) for p in probs]
    for s in range(0, len(test), doc_size):
        doc_consistency([t for t, _ in test[s:s + doc_size]], tags[s:s + doc_size], probs[s:s + doc_size], threshold=DOC_THRESHOLD)
    return tags


def run(train_s, test_s, groups, args, path):
    t0 = time.time()
    X = featurize(train_s, groups, args.folds)
    Y = [y for _, y in train_s]
    t1 = time.time()
    train(X, Y, path, args.c1, args.c2, args.iters)
    t2 = time.time()
    names = harvest_names(train_s) if "tgaz" in groups else None
    if getattr(args, "self_train", 0):
        auto = auto_label(args.unlabelled, path, groups, names or {}, args.self_train, args.self_min_p)
        Xa = featurize(auto, groups, args.folds, names_all=names or {})
        train(X + Xa, Y + [y for _, y in auto], path, args.c1, args.c2, args.iters)
        print(f"  self-training: +{len(auto)} sentences ({sum(len(t) for t, _ in auto)} tokens)", file=sys.stderr)
    Xt = featurize(test_s, groups, args.folds, names_all=names or {})
    tags, probs = predict(path, Xt)
    print(f"  [{','.join(groups)}] features {t1-t0:.0f}s, train {t2-t1:.0f}s", file=sys.stderr)
    return tags, probs, names


def unlabelled_sentences(data_dir: str, limit: int):
    """Sentences (token lists) of SaudiNewsNet articles, in file order."""
    import glob
    import re
    import zipfile

    from akhbar.text import tokenize

    out = []
    for path in sorted(glob.glob(os.path.join(data_dir, "*.zip"))):
        with zipfile.ZipFile(path) as z:
            for name in sorted(z.namelist()):
                for art in json.loads(z.read(name)):
                    for para in (art.get("content") or "").split("\n"):
                        for sent in re.split(r"(?<=[.!؟])\s+", para):
                            toks = [t.text for t in tokenize(sent)]
                            if 8 <= len(toks) <= 60:
                                out.append(toks)
                                if len(out) >= limit:
                                    return out
    return out


def auto_label(data_dir: str, model_path: str, groups, names, n: int, min_p: float):
    """Self-training data: unlabelled sentences the gold-trained CRF tags with every
    token's marginal >= min_p and at least one PER/LOC/ORG mention."""
    pool = unlabelled_sentences(data_dir, n * 8)
    X = featurize([(t, None) for t in pool], groups, 1, names_all=names)
    tags, probs = predict(model_path, X)
    out = []
    for toks, t, p in zip(pool, tags, probs):
        if min(p) >= min_p and any(x[2:] in EVAL_TYPES for x in t if x != "O"):
            out.append((toks, t))
            if len(out) >= n:
                break
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--clusters", default=None, help="cluster TSV for an experiment (default: the committed akhbar/resources/ner/clusters.tsv)")
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--eval-only", action="store_true")
    ap.add_argument("--ablation", action="store_true")
    ap.add_argument("--groups", default=",".join(ALL_GROUPS))
    ap.add_argument("--test-share", type=float, default=0.2)
    ap.add_argument("--block", type=int, default=-1,
                    help="hold out the k-th contiguous block of --test-share instead of the last (a second test of "
                         "changes designed while reading the last block's errors; the shipped model uses the last)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--doc-size", type=int, default=20)
    ap.add_argument("--self-train", type=int, default=0, help="add N confidently auto-tagged SaudiNewsNet sentences")
    ap.add_argument("--self-min-p", type=float, default=0.9)
    ap.add_argument("--unlabelled", default=os.path.join(HERE, "..", "..", "..", "shared", "data", "saudinewsnet"))
    ap.add_argument("--c1", type=float, default=0.1)
    ap.add_argument("--c2", type=float, default=0.1)
    ap.add_argument("--iters", type=int, default=150)
    args = ap.parse_args()

    if args.clusters:  # experiment with another cluster file (ship it by copying it to resources)
        from akhbar.entities import features

        features.CLUSTERS_PATH = args.clusters
        features.load_clusters.cache_clear()

    sents = read_conll(args.data)
    train_s, test_s = split_block(sents, args.test_share, args.block)
    where = f"last {args.test_share:.0%}" if args.block < 0 else f"block {args.block} of {args.test_share:.0%}"
    print(f"{len(train_s)} train sentences ({sum(len(t) for t, _ in train_s)} tokens), "
          f"{len(test_s)} held-out ({sum(len(t) for t, _ in test_s)} tokens, {where})")

    if args.eval_only:
        print(HEADER)
        for name, res in pipeline_rows(args.out, test_s, args.doc_size):
            print(fmt(name, res))
        return

    if args.ablation:
        steps = [("base",), ("base", "clusters"), ("base", "clusters", "triggers"),
                 ("base", "clusters", "triggers", "gaz"), ("base", "clusters", "triggers", "gaz", "tgaz"),
                 ("base", "clusters", "triggers", "gaz", "tgaz", "olex")]
        print(HEADER)
        tmp = os.path.join(args.out, "_ablation.crfsuite")
        for groups in steps:
            tags, probs, _ = run(train_s, test_s, groups, args, tmp)
            print(fmt("+".join(groups[-1:]) if len(groups) > 1 else "CRF base", evaluate(test_s, tags)), flush=True)
        for name, res in post_rows(test_s, tags, probs, args.doc_size):
            print(fmt(name, res), flush=True)
        os.remove(tmp)
        return

    groups = tuple(g for g in args.groups.split(",") if g)
    path = os.path.join(args.out, MODEL_FILE)
    tags, probs, names = run(train_s, test_s, groups, args, path)
    res = evaluate(test_s, tags)
    print(HEADER)
    print(fmt("model (CRF)", res))
    rows = post_rows(test_s, tags, probs, args.doc_size)
    for name, r in rows:
        print(fmt(name, r))
    res_doc = dict(rows)["+ doc consistency"]
    with open(os.path.join(args.out, NAMES_FILE), "w", encoding="utf-8") as f:
        json.dump(names or {}, f, ensure_ascii=False, separators=(",", ":"))
    with open(os.path.join(args.out, PRIOR_FILE), "w", encoding="utf-8") as f:
        json.dump(cluster_priors(train_s), f, separators=(",", ":"))
    meta = {"groups": list(groups), "c1": args.c1, "c2": args.c2, "iters": args.iters, "test_share": args.test_share,
            "folds": args.folds, "trained_on": (f"first {len(train_s)} sentences of ANERcorp train.txt" if args.block < 0
                           else f"{len(train_s)} sentences of ANERcorp train.txt, held-out block {args.block}"),
            "heldout_crf": res, "heldout_full_pipeline": res_doc}
    meta_path = os.path.join(args.out, META_FILE)
    if os.path.exists(meta_path):  # the BiLSTM's settings (akhbar/training/train_bilstm.py) stay with the CRF
        old = json.load(open(meta_path, encoding="utf-8"))
        meta.update({k: old[k] for k in ("crf_weight", "crf_pool", "bilstm", "heldout_ensemble") if k in old})
    with open(meta_path, "w", encoding="utf-8") as f:
        json.dump(meta, f, ensure_ascii=False, indent=1)
    print(f"wrote {path}")
    if "crf_weight" in meta:
        rows = pipeline_rows(args.out, test_s, args.doc_size)
        print("with the committed BiLSTM (re-run akhbar/training/train_bilstm.py after changing the CRF's features):")
        print(HEADER)
        for name, r in rows:
            print(fmt(name, r))
        meta["heldout_full_pipeline"] = dict(rows)["+ doc consistency"]
        with open(meta_path, "w", encoding="utf-8") as f:
            json.dump(meta, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
