"""CPU cost of the entity step on real articles, as the pipeline runs it, and the identity of its output.

    nice python benchmarks/ner_step_speed.py [--data /work/data3k/2015-07-21.jsonl] [--n 300]
        [--batch 150] [--repeat 2] [--dump out.json] [--baseline REV] [--profile tottime]

The first ``--n`` records of a JSON-lines file (text in ``content``) are split into
sentences (:func:`akhbar.sentences.split_sentences`) and, ``--batch`` documents at a time,
tagged as ``akhbar.pipeline.extract_entities_batch`` does: every sentence of the batch
tokenised and tagged at once (``CrfModel.prepared``: one BiLSTM pass), then
``EntityRecognizer.annotate`` per document.  numpy is held to one BLAS thread
(threadpoolctl).  The CPU time of this process (``time.process_time``) per article is
reported for each pass over the articles (the first pass starts with the per-process
caches warmed on ``--warm`` other records, later passes find them warm with these
articles too) and the best of the passes.

Every mention is dumped (``--dump``) with its offsets, text, label, confidence and
identity fields.  ``--baseline REV`` also runs this script, in the same run, on a
checkout of ``REV`` (``git worktree add --detach``, removed afterwards) in a subprocess
with that checkout on ``PYTHONPATH``, then prints the ratio of the CPU times and whether
the two dumps are identical (confidences compared exactly; where a float differs, the
largest difference is printed).
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
ROOT = os.path.abspath(os.path.join(HERE, ".."))
DEFAULT_DATA = "/work/data3k/2015-07-21.jsonl"
FIELDS = ("start", "end", "text", "label", "confidence", "entity_id", "name", "canonical", "alias", "alias_key",
          "lat", "lon", "country_code")


def read_records(path: str, first: int, n: int) -> list[str]:
    texts: list[str] = []
    with open(path, encoding="utf-8") as f:
        for k, line in enumerate(f):
            if k < first:
                continue
            if len(texts) >= n:
                break
            text = json.loads(line).get("content") or ""
            if text.strip():
                texts.append(text)
    return texts


def run_pass(rec, docs: list, batch: int) -> list[list[dict]]:
    """One pass over ``docs`` ((text, sentences) pairs) in batches, as the pipeline's extract
    step (``akhbar.pipeline.extract_entities_batch``) of the code measured runs it: where
    ``annotate`` takes the tokens, a batch is tokenised once, else twice (before 1c91ea0)."""
    import inspect

    from akhbar.text import tokenize

    takes_tokens = "tokens" in inspect.signature(rec.annotate).parameters
    out: list[list[dict]] = []
    for b in range(0, len(docs), batch):
        part = docs[b:b + batch]
        toks = [[tokenize(text[s.start:s.end], offset=s.start) for s in spans] for text, spans in part]
        sents = [[t.text for t in ts] for doc in toks for ts in doc]
        with rec.model.prepared(sents):
            for (text, spans), doc in zip(part, toks):
                mentions = rec.annotate(text, spans, doc) if takes_tokens else rec.annotate(text, spans)
                out.append([{k: getattr(m, k) for k in FIELDS} for m in mentions])
    return out


def measure(args) -> dict:
    from threadpoolctl import threadpool_limits

    import akhbar
    from akhbar.entities import EntityRecognizer
    from akhbar.sentences import split_sentences

    print(f"akhbar from {os.path.dirname(akhbar.__file__)}", flush=True)
    rec = EntityRecognizer(use_model=True)
    docs = [(t, split_sentences(t)) for t in read_records(args.data, 0, args.n)]
    warm = [(t, split_sentences(t)) for t in read_records(args.data, args.n, args.warm)]
    times: list[float] = []
    with threadpool_limits(1):
        if warm:
            run_pass(rec, warm, args.batch)
        dump = None
        for r in range(args.repeat):
            t0 = time.process_time()
            result = run_pass(rec, docs, args.batch)
            dt = time.process_time() - t0
            times.append(dt)
            if dump is None:
                dump = result
            elif result != dump:
                raise SystemExit("a second pass gave other mentions than the first")
            print(f"pass {r + 1}: {dt:7.2f} s CPU  {dt / len(docs):.4f} CPU-s/article  "
                  f"({sum(map(len, result))} mentions)", flush=True)
        if args.profile:
            import cProfile
            import pstats

            prof = cProfile.Profile()
            prof.enable()
            run_pass(rec, docs, args.batch)
            prof.disable()
            for key in args.profile.split(","):
                pstats.Stats(prof).sort_stats(key).print_stats(args.profile_lines)
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as f:
            json.dump(dump, f, ensure_ascii=False, indent=0)
    res = {"articles": len(docs), "passes": times, "best": min(times), "per_article": min(times) / len(docs),
           "first_per_article": times[0] / len(docs)}
    if args.json:
        with open(args.json, "w") as f:
            json.dump(res, f)
    return res


def compare(a_path: str, b_path: str) -> str:
    """'identical', or what differs between two dumps."""
    with open(a_path, "rb") as f:
        a_bytes = f.read()
    with open(b_path, "rb") as f:
        b_bytes = f.read()
    if a_bytes == b_bytes:
        return "identical (byte for byte)"
    a, b = json.loads(a_bytes), json.loads(b_bytes)
    if len(a) != len(b):
        return f"DIFFERENT: {len(a)} against {len(b)} documents"
    docs, worst, other = 0, 0.0, 0
    for da, db in zip(a, b):
        if da == db:
            continue
        docs += 1
        if len(da) != len(db):
            other += 1
            continue
        for ma, mb in zip(da, db):
            for k in FIELDS:
                va, vb = ma[k], mb[k]
                if va == vb:
                    continue
                if isinstance(va, float) and isinstance(vb, float):
                    worst = max(worst, abs(va - vb))
                else:
                    other += 1
    return f"DIFFERENT in {docs} documents: {other} non-float differences, largest float difference {worst:g}"


def baseline(rev: str, args) -> tuple[dict, str]:
    """This script's measurement of the code at ``rev``, in a subprocess on a temporary worktree."""
    tmp = tempfile.mkdtemp(prefix="akhbar-base-")
    tree = os.path.join(tmp, "tree")
    subprocess.run(["git", "-C", ROOT, "worktree", "add", "--detach", tree, rev], check=True,
                   capture_output=True)
    try:
        out_json = os.path.join(tmp, "res.json")
        dump = args.dump_baseline or os.path.join(tmp, "dump.json")
        cmd = [sys.executable, os.path.abspath(__file__), "--data", args.data, "--n", str(args.n),
               "--warm", str(args.warm), "--batch", str(args.batch), "--repeat", str(args.repeat),
               "--baseline", "", "--json", out_json, "--dump", dump]
        env = {**os.environ, "PYTHONPATH": tree}
        print(f"--- baseline {rev} ---", flush=True)
        subprocess.run(cmd, check=True, env=env, cwd=tree)
        with open(out_json) as f:
            return json.load(f), dump
    finally:
        subprocess.run(["git", "-C", ROOT, "worktree", "remove", "--force", tree], check=False)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--n", type=int, default=300, help="articles measured (the first records of --data)")
    ap.add_argument("--warm", type=int, default=50, help="records after those that warm the caches first")
    ap.add_argument("--batch", type=int, default=150, help="documents tagged at once (CrfModel.prepared)")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--dump", default=None, help="write every mention here (JSON)")
    ap.add_argument("--dump-baseline", default=None, help="keep the baseline's dump here")
    ap.add_argument("--baseline", default="", help="git revision measured alongside in a subprocess")
    ap.add_argument("--profile", default="", help="cProfile a further pass, sorted by these keys (tottime,cumtime)")
    ap.add_argument("--profile-lines", type=int, default=40)
    ap.add_argument("--json", default=None, help="write the timings here")
    args = ap.parse_args()
    if args.baseline and not args.dump:
        args.dump = os.path.join(tempfile.mkdtemp(prefix="akhbar-new-"), "dump.json")
    res = measure(args)
    if args.baseline:
        old, old_dump = baseline(args.baseline, args)
        print(f"\nbaseline ({args.baseline}): {old['per_article']:.4f} CPU-s/article (best of {len(old['passes'])}), "
              f"first pass {old['first_per_article']:.4f}")
        print(f"this tree:           {res['per_article']:.4f} CPU-s/article (best of {len(res['passes'])}), "
              f"first pass {res['first_per_article']:.4f}")
        print(f"ratio old/new: best {old['per_article'] / res['per_article']:.2f} x, "
              f"first pass {old['first_per_article'] / res['first_per_article']:.2f} x")
        print(f"mentions: {compare(old_dump, args.dump)}")


if __name__ == "__main__":
    main()
