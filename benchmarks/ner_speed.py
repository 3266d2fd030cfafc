"""NER speed on one core: tokens/s of each tagging mode on the ANERcorp held-out block.

    python benchmarks/ner_speed.py [--data ../shared/data/anercorp/train.txt] [--repeat 2]

The held-out block (last 20% of train.txt, as in akhbar/training/train_ner.py) is cut into
pseudo-documents of 20 sentences, detokenised into text, and annotated with
``EntityRecognizer.annotate`` (tokenisation, tagging, post-processing, document
consistency, canonical names: the whole runtime path).  CPU time of this process
(``time.process_time``) is reported, so a busy machine does not skew it much;
numpy is held to one thread.  Modes:

- ``rules``: gazetteer + trigger rules only (``--no-model``), the baseline;
- ``crf``: the CRF alone (the BiLSTM switched off);
- ``crf+bilstm``: the shipped model (CRF marginals pooled with the BiLSTM's softmax);
- ``linear``: the same two models averaged linearly (w 0.5), as up to 0.4.1;
- ``crf+bilstm batched``: the shipped model as the pipeline's extract step runs it
  since 0.5.1: the sentences of all documents tagged at once (``CrfModel.prepared``,
  one packed BiLSTM pass per bucket of sentences), then each document annotated.

``--baseline REV`` (default: the commit before the batched BiLSTM) also measures the
old code in the same run: ``git archive REV`` is unpacked into a temporary folder and
this script runs there in a subprocess (``--src``), with the same data and settings;
the ratio of the shipped mode's speed to the old code's is printed last.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

HERE = os.path.dirname(os.path.abspath(__file__))
_SRC = sys.argv[sys.argv.index("--src") + 1] if "--src" in sys.argv else os.path.join(HERE, "..")
sys.path.insert(0, os.path.join(HERE, ".."))
sys.path.insert(0, _SRC)  # the akhbar package measured (another checkout with --src)

from akhbar.entities import EntityRecognizer  # noqa: E402
from akhbar.entities import gazetteer as gz  # noqa: E402
from akhbar.entities.model import CrfModel  # noqa: E402
from akhbar.models import Sentence  # noqa: E402
from akhbar.training.train_ner import DEFAULT_DATA, read_conll, split_block  # noqa: E402


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


BASELINE_REV = "faada10"  # 0.5.0: one document at a time, the BiLSTM's directions one after the other


def measure(modes: dict, docs: list, n_tokens: int, repeat: int) -> dict[str, float]:
    rates = {}
    for name, rec in modes.items():
        batched = name.endswith("batched")

        def once() -> int:
            if not batched:
                return sum(len(rec.annotate(text, spans)) for text, spans in docs)
            try:
                from akhbar.text import tokenize
            except ImportError:  # an older checkout (--src)
                from akhbar.entities.tokenize import tokenize

            sents = [[t.text for t in tokenize(text[s.start:s.end], offset=s.start)] for text, spans in docs for s in spans]
            with rec.model.prepared(sents):
                return sum(len(rec.annotate(text, spans)) for text, spans in docs)

        for text, spans in docs[:2]:  # warm-up: resources, caches
            rec.annotate(text, spans)
        best = None
        for _ in range(repeat):
            t0 = time.process_time()
            mentions = once()
            dt = time.process_time() - t0
            best = dt if best is None else min(best, dt)
        rates[name] = n_tokens / best
        print(f"{name:<19} {best:6.2f} s CPU  {rates[name]:9,.0f} tokens/s  ({mentions} mentions)", flush=True)
    return rates


def baseline(rev: str, args) -> float | None:
    """tokens/s of the shipped mode of the code at ``rev``, measured by this script in a subprocess."""
    root = os.path.abspath(os.path.join(HERE, ".."))
    with tempfile.TemporaryDirectory(prefix="akhbar-old-") as tmp:
        archive = subprocess.run(["git", "-C", root, "archive", rev], capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        out = os.path.join(tmp, "rates.json")
        cmd = [sys.executable, os.path.abspath(__file__), "--src", tmp, "--data", args.data, "--repeat", str(args.repeat),
               "--modes", "crf+bilstm", "--json", out]
        if args.model_dir:
            cmd += ["--model-dir", args.model_dir]
        print(f"old code ({rev}):", flush=True)
        subprocess.run(cmd, check=True)
        return json.load(open(out))["crf+bilstm"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--model-dir", default=None, help="another model folder (default: akhbar/resources/ner)")
    ap.add_argument("--modes", default="rules,crf,crf+bilstm,linear,crf+bilstm batched")
    ap.add_argument("--baseline", default=BASELINE_REV, help="git revision of the old code measured alongside ('' : none)")
    ap.add_argument("--src", default=None, help="measure the akhbar package of this checkout (used by --baseline)")
    ap.add_argument("--json", default=None, help="write the rates here")
    args = ap.parse_args()
    model_dir = args.model_dir or gz.RESOURCE_DIR
    docs, n_tokens = documents(args.data)
    print(f"{len(docs)} pseudo-documents, {n_tokens} tokens")
    wanted = args.modes.split(",")

    modes = {}
    if "rules" in wanted:
        modes["rules"] = EntityRecognizer(use_model=False)
    if "crf" in wanted:
        crf_only = EntityRecognizer(use_model=True)
        crf_only.model = CrfModel(model_dir, neural=False)
        modes["crf"] = crf_only
    for name in ("crf+bilstm", "crf+bilstm batched"):
        if name in wanted and (name == "crf+bilstm" or hasattr(CrfModel, "prepared")):
            modes[name] = EntityRecognizer(use_model=True)
            modes[name].model = CrfModel(model_dir)
            if modes[name].model.neural is None:
                print("(no bilstm.npz shipped: crf+bilstm = crf)")
    if "linear" in wanted:
        modes["linear"] = EntityRecognizer(use_model=True)  # the same models averaged as in 0.4.1 (baseline of the pool)
        modes["linear"].model = CrfModel(model_dir)
        modes["linear"].model.crf_pool, modes["linear"].model.crf_weight = "linear", 0.5
    rates = measure(modes, docs, n_tokens, args.repeat)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rates, f)
    if {"crf", "crf+bilstm", "rules", "linear"} <= set(rates):
        print(f"ratio crf+bilstm / crf time: {rates['crf'] / rates['crf+bilstm']:.2f} x;  "
              f"crf+bilstm / rules time: {rates['rules'] / rates['crf+bilstm']:.2f} x;  "
              f"log pool / linear average time: {rates['linear'] / rates['crf+bilstm']:.2f} x")
    if args.src is None and args.baseline:
        old = baseline(args.baseline, args)
        for name in ("crf+bilstm", "crf+bilstm batched"):
            if name in rates:
                print(f"speed-up over the old code ({args.baseline}), {name}: {rates[name] / old:.2f} x "
                      f"({rates[name]:,.0f} against {old:,.0f} tokens/s)")


if __name__ == "__main__":
    main()
