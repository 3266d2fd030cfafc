"""NER speed on one core: tokens/s of each tagging mode on the ANERcorp held-out block.

    python benchmarks/ner_speed.py [--data ../shared/data/anercorp/train.txt] [--repeat 2]

The held-out block (last 20% of train.txt, as in flows/train_ner.py) is cut into
pseudo-documents of 20 sentences, detokenised into text, and annotated with
``EntityRecognizer.annotate`` (tokenisation, tagging, post-processing, document
consistency, canonical names: the whole runtime path).  CPU time of this process
(``time.process_time``) is reported, so a busy machine does not skew it much;
numpy is held to one thread.  Modes:

- ``rules``: gazetteer + trigger rules only (``--no-model``), the baseline;
- ``crf``: the CRF alone (the BiLSTM switched off);
- ``crf+bilstm``: the shipped model (CRF marginals pooled with the BiLSTM's softmax);
- ``linear``: the same two models averaged linearly (w 0.5), as up to 0.4.1.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
sys.path.insert(0, os.path.join(HERE, "..", "flows"))

from akhbar.entities import EntityRecognizer  # noqa: E402
from akhbar.entities import gazetteer as gz  # noqa: E402
from akhbar.entities.model import CrfModel  # noqa: E402
from akhbar.models import Sentence  # noqa: E402
from train_ner import DEFAULT_DATA, read_conll, split_block  # noqa: E402


def documents(path: str, doc_size: int = 20):
    test = split_block(read_conll(path), 0.2)[1]
    docs = []
    for s in range(0, len(test), doc_size):
        text, spans = "", []
        for toks, _ in test[s:s + doc_size]:
            start = len(text)
            text += " ".join(toks)
            spans.append(Sentence(len(spans), 0, start, len(text), text[start:]))
            text += "\n"
        docs.append((text, spans))
    return docs, sum(len(t) for t, _ in test)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--model-dir", default=None, help="another model folder (default: akhbar/resources/ner)")
    args = ap.parse_args()
    args.model_dir = args.model_dir or gz.RESOURCE_DIR
    docs, n_tokens = documents(args.data)
    print(f"{len(docs)} pseudo-documents, {n_tokens} tokens")

    modes = {}
    modes["rules"] = EntityRecognizer(use_model=False)
    crf_only = EntityRecognizer(use_model=True)
    crf_only.model = CrfModel(args.model_dir, neural=False)
    modes["crf"] = crf_only
    modes["crf+bilstm"] = EntityRecognizer(use_model=True)
    modes["crf+bilstm"].model = CrfModel(args.model_dir)
    if modes["crf+bilstm"].model.neural is None:
        print("(no bilstm.npz shipped: crf+bilstm = crf)")
    modes["linear"] = EntityRecognizer(use_model=True)  # the same models averaged as in 0.4.1 (baseline of the pool)
    modes["linear"].model = CrfModel(args.model_dir)
    modes["linear"].model.crf_pool, modes["linear"].model.crf_weight = "linear", 0.5
    rates = {}
    for name, rec in modes.items():
        for text, spans in docs[:2]:  # warm-up: resources, caches
            rec.annotate(text, spans)
        best = None
        for _ in range(args.repeat):
            t0 = time.process_time()
            mentions = sum(len(rec.annotate(text, spans)) for text, spans in docs)
            dt = time.process_time() - t0
            best = dt if best is None else min(best, dt)
        rates[name] = n_tokens / best
        print(f"{name:<11} {best:6.2f} s CPU  {rates[name]:9,.0f} tokens/s  ({mentions} mentions)")
    print(f"ratio crf+bilstm / crf time: {rates['crf'] / rates['crf+bilstm']:.2f} x;  "
          f"crf+bilstm / rules time: {rates['rules'] / rates['crf+bilstm']:.2f} x;  "
          f"log pool / linear average time: {rates['linear'] / rates['crf+bilstm']:.2f} x")


if __name__ == "__main__":
    main()
