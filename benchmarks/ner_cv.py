"""NER cross-validation over contiguous blocks of ANERcorp (training-time benchmark).

The shipped model is scored on ONE held-out block, the last 20 % of train.txt, and
earlier choices were made while reading that block's errors.  This script repeats
the whole recipe on each of the five contiguous 20 % blocks in turn: for block k,
the CRF (``akhbar/training/train_ner.py --block k``) and the BiLSTM
(``akhbar/training/train_bilstm.py --block k``) are trained on the other four blocks, and the
runtime pipeline (pool, post-processing, document consistency on
pseudo-documents of 20 sentences) tags block k.  Never random sentences.

    python benchmarks/ner_cv.py                      # all five blocks, two at a time
    python benchmarks/ner_cv.py --blocks 0,4 --jobs 1
    python benchmarks/ner_cv.py --no-pretrained      # the BiLSTM without the pretrained encoder

Each block trains in its own copy of ``akhbar/resources/ner`` (``AKHBAR_NER_DIR``),
so the shipped artefacts are never touched and the training-name list and the
name prior a block sees come from its own training part.  The BiLSTM's epochs, pool and
CRF weight are fixed to the shipped recipe (``ner_meta.json``) unless given, so
no block is tuned on.  About 15–20 minutes of one core per block (the CRF, then 28 epochs
of the BiLSTM; measured while two jobs shared the two cores).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
RES = os.path.join(ROOT, "akhbar", "resources", "ner")
TYPES = ("PER", "LOC", "ORG", "micro")
# CRF alone, BiLSTM alone, their pool, the whole runtime pipeline (+ post-processing, document consistency)
SYSTEMS = ("crf", "bilstm", "pool", "pipeline")


def run_block(k: int, args, work: str) -> dict:
    out = os.path.join(work, f"block{k}")
    shutil.copytree(RES, out)
    env = {**os.environ, "AKHBAR_NER_DIR": out, "OMP_NUM_THREADS": "1"}
    log = open(os.path.join(work, f"block{k}.log"), "w")
    py = sys.executable
    common = ["--data", args.data, "--block", str(k), "--out", out]
    subprocess.run([py, os.path.join(ROOT, "akhbar", "training", "train_ner.py"), *common], env=env, stdout=log, stderr=log, check=True)
    cmd = [py, os.path.join(ROOT, "akhbar", "training", "train_bilstm.py"), *common, "--threads", "1",
           "--epochs", str(args.epochs), "--crf-weight", str(args.crf_weight), "--pool", args.pool,
           "--members", str(args.members)]
    cmd += ["--pretrained", args.pretrained] if args.pretrained else ["--no-pretrained"]
    subprocess.run(cmd, env=env, stdout=log, stderr=log, check=True)
    meta = json.load(open(os.path.join(out, "ner_meta.json"), encoding="utf-8"))
    return {"crf": meta["heldout_crf"], "bilstm": meta["bilstm"]["heldout_bilstm"],
            "pool": meta["heldout_ensemble"], "pipeline": meta["heldout_full_pipeline"]}


def main() -> None:
    meta = json.load(open(os.path.join(RES, "ner_meta.json"), encoding="utf-8"))
    sys.path.insert(0, ROOT)
    from akhbar.training.train_bilstm import ENCODER_FILE
    from akhbar.training.train_ner import DEFAULT_DATA

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--blocks", default="0,1,2,3,4")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--epochs", type=int, default=meta["bilstm"]["epochs"])
    ap.add_argument("--crf-weight", type=float, default=meta["crf_weight"])
    ap.add_argument("--pool", choices=("log", "linear"), default=meta.get("crf_pool", "linear"),
                    help="how the CRF and the BiLSTM are pooled (akhbar/training/train_bilstm.py --pool)")
    ap.add_argument("--pretrained", default=os.path.join(ROOT, "akhbar", "training", "artefacts", ENCODER_FILE),
                    help="encoder of akhbar/training/pretrain_encoder.py the BiLSTM starts from (default: the committed one)")
    ap.add_argument("--no-pretrained", dest="pretrained", action="store_const", const=None,
                    help="the BiLSTM from random weights (the recipe of pipeline 0.3.0)")
    ap.add_argument("--members", type=int, default=1,
                    help="BiLSTM ensemble size (seeds 13, 14, …; the runtime averages the members)")
    ap.add_argument("--keep", default=None, help="folder for the per-block models and logs (default: a temporary one)")
    args = ap.parse_args()
    blocks = [int(b) for b in args.blocks.split(",")]
    work = args.keep or tempfile.mkdtemp(prefix="ner_cv_")
    os.makedirs(work, exist_ok=True)
    print(f"blocks {blocks}, BiLSTM {args.epochs} epochs x {args.members} member(s), {args.pool} pool, crf_weight {args.crf_weight}, "
          f"pretrained encoder: {args.pretrained or 'none'}; logs in {work}", flush=True)
    with ThreadPoolExecutor(args.jobs) as pool:
        results = dict(zip(blocks, pool.map(lambda k: run_block(k, args, work), blocks)))
    print("| block | system | " + " | ".join(f"{t} P/R/F1" for t in TYPES) + " |")
    print("|---|---|" + "---|" * len(TYPES))
    for k in blocks:
        for system in SYSTEMS:
            r = results[k][system]
            print(f"| {k} | {system} | " + " | ".join(f"{r[t][0]:.1f} / {r[t][1]:.1f} / {r[t][2]:.1f}" for t in TYPES) + " |")
    for system in SYSTEMS:
        f = [results[k][system]["micro"][2] for k in blocks]
        mean = sum(f) / len(f)
        sd = (sum((x - mean) ** 2 for x in f) / max(len(f) - 1, 1)) ** 0.5
        print(f"{system:9s} micro F1 per block {', '.join(f'{x:.1f}' for x in f)}: mean {mean:.1f} (sd {sd:.1f})")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
