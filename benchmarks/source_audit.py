"""Per-source audit of ingest + clean on the first N SaudiNewsNet articles, this tree
against a baseline revision in the same run.

    python benchmarks/source_audit.py [--n 3000] [--baseline faada10] [--templates 8]

The zips are read in sorted order, records in array order.  Each implementation (the
baseline revision, exported with ``git archive`` to a temporary folder, and this
tree) runs in its own process: ingest (the JSON records as the pipeline reads them),
cross-document statistics, then ``clean_document`` on every article, timed.

Per source it prints: documents; documents whose clean_text still holds a mined
template (a sub-line template of this tree, mined on the same raw articles, matched
on the first/last lines of clean_text); titles and bylines with undecoded HTML
entities or bidi/zero-width controls; the share of documents with published_at set
(as the documents table would hold it: the cleaner's date, else the record's).
the documents with a byline and those whose byline was split into a person, an outlet,
a place (columns of this tree).  Then the cleaning time per article (CPU time of the
statistics pass + clean_document, so that other load on the machine counts less) of
both implementations and their ratio, the top mined templates per source with their
document counts, and ``--samples`` random sub-line cuts per source.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = "/work/shared/data/saudinewsnet/*.zip"


def load_records(pattern: str, n: int) -> list[tuple[str, dict]]:
    out: list[tuple[str, dict]] = []
    for path in sorted(glob.glob(pattern)):
        with zipfile.ZipFile(path) as zf:
            for name in zf.namelist():
                for k, rec in enumerate(json.loads(zf.read(name))):
                    out.append((f"{path}#{name}#{k}", rec))
                    if len(out) >= n:
                        return out
    return out


def worker(pattern: str, n: int) -> None:
    """Run in a child process whose sys.path starts with the implementation's root."""
    from akhbar.clean import build_line_stats, clean_document
    from akhbar.ingest import RawInput, ingest_inputs

    units = [RawInput(sp, "json", rec, None) for sp, rec in load_records(pattern, n)]
    docs, _rejects = ingest_inputs(units)
    t0 = time.process_time()
    stats = build_line_stats(d for _, d in docs)
    if hasattr(stats, "prune"):
        stats.prune()
    t1 = time.process_time()
    rows = []
    for _doc_id, raw in docs:
        clean = clean_document(raw, stats)
        published = clean.published_at or raw.published_at
        rows.append({
            "source": raw.source, "title": clean.title or raw.title, "byline": clean.byline or raw.author,
            "published": published.isoformat() if published else None, "clean_text": clean.clean_text,
            "cuts": [f"{rl.rule}: {rl.text}" for rl in clean.removed if getattr(rl, "char_start", None) is not None],
            "person": getattr(clean, "byline_person", None), "outlet": getattr(clean, "byline_outlet", None),
            "place": getattr(clean, "dateline_place", None),
        })
    t2 = time.process_time()
    json.dump({"rows": rows, "stats_s": t1 - t0, "clean_s": t2 - t1, "n": len(docs)}, sys.stdout, ensure_ascii=False)


def run_impl(root: Path, pattern: str, n: int) -> dict:
    env = dict(os.environ, PYTHONPATH=str(root))
    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--worker", "--data", pattern, "--n", str(n)],
        cwd=root, env=env, capture_output=True, text=True, check=True,
    )
    return json.loads(out.stdout)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--baseline", default="faada10", help="git revision to compare with ('' to skip)")
    ap.add_argument("--templates", type=int, default=8, help="top mined templates printed per source")
    ap.add_argument("--samples", type=int, default=0, help="random sub-line cuts printed per source (seed 13)")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.data, args.n)
        return

    sys.path.insert(0, str(ROOT))
    from akhbar.clean import build_line_stats
    from akhbar.clean import templates as tpl
    from akhbar.clean._text import line_key, make_lines
    from akhbar.ingest import RawInput, ingest_inputs
    from akhbar.text_hygiene import has_entity, has_invisible

    # templates of this tree, mined on the raw articles (the yardstick for both runs)
    units = [RawInput(sp, "json", rec, None) for sp, rec in load_records(args.data, args.n)]
    docs, _ = ingest_inputs(units)
    stats = build_line_stats(d for _, d in docs)
    stats.prune()
    mined = stats.templates()

    def still_templated(row: dict) -> bool:
        lines = [ln.text for ln in make_lines(row["clean_text"])]
        tkey = line_key(row["title"]) if row["title"] else ""
        for i, text in enumerate(lines):
            if i >= tpl.EDGE_LINES and i < len(lines) - tpl.EDGE_LINES:
                continue
            head, tail = tpl.edge_pieces(text, tkey)
            if i < tpl.EDGE_LINES and stats.longest_template(row["source"], tpl.heads(head), tail=False):
                return True
            if i >= len(lines) - tpl.EDGE_LINES and stats.longest_template(row["source"], tpl.tails(tail), tail=True):
                return True
        return False

    impls: list[tuple[str, dict]] = []
    with tempfile.TemporaryDirectory() as tmp:
        if args.baseline:
            base = Path(tmp) / "baseline"
            base.mkdir()
            archive = subprocess.run(["git", "archive", args.baseline], cwd=ROOT, capture_output=True, check=True)
            subprocess.run(["tar", "-x", "-C", str(base)], input=archive.stdout, check=True)
            impls.append((f"baseline {args.baseline}", run_impl(base, args.data, args.n)))
        impls.append(("this tree", run_impl(ROOT, args.data, args.n)))

    for name, res in impls:
        per: dict[str, Counter] = defaultdict(Counter)
        for row in res["rows"]:
            c = per[row["source"]]
            c["docs"] += 1
            c["templated"] += still_templated(row)
            c["title_entity"] += has_entity(row["title"])
            c["title_bidi"] += has_invisible(row["title"])
            c["byline_entity"] += has_entity(row["byline"])
            c["byline_bidi"] += has_invisible(row["byline"])
            c["published"] += row["published"] is not None
            c["bylined"] += row["byline"] is not None
            c["person"] += row.get("person") is not None
            c["outlet"] += row.get("outlet") is not None
            c["place"] += row.get("place") is not None
        print(f"\n== {name}: {res['n']} documents")
        print(f"{'source':14} {'docs':>5} {'template':>8} {'t.ent':>5} {'t.bidi':>6} {'b.ent':>5} {'b.bidi':>6} "
              f"{'published':>9} {'byline':>6} {'person':>6} {'outlet':>6} {'place':>6}")
        tot: Counter = Counter()
        for src in sorted(per, key=lambda s: -per[s]["docs"]):
            c = per[src]
            tot.update(c)
            print(f"{src:14} {c['docs']:>5} {c['templated']:>8} {c['title_entity']:>5} {c['title_bidi']:>6} "
                  f"{c['byline_entity']:>5} {c['byline_bidi']:>6} {c['published'] / c['docs']:>9.1%} "
                  f"{c['bylined']:>6} {c['person']:>6} {c['outlet']:>6} {c['place']:>6}")
        print(f"{'all':14} {tot['docs']:>5} {tot['templated']:>8} {tot['title_entity']:>5} {tot['title_bidi']:>6} "
              f"{tot['byline_entity']:>5} {tot['byline_bidi']:>6} {tot['published'] / max(tot['docs'], 1):>9.1%} "
              f"{tot['bylined']:>6} {tot['person']:>6} {tot['outlet']:>6} {tot['place']:>6}")
        ms = 1000 * (res["stats_s"] + res["clean_s"]) / max(res["n"], 1)
        print(f"cleaning: {ms:.3f} ms/article (statistics {1000 * res['stats_s'] / max(res['n'], 1):.3f} + "
              f"clean {1000 * res['clean_s'] / max(res['n'], 1):.3f})")
        res["ms"] = ms
    if args.samples:
        import random

        rng = random.Random(13)
        by_src: dict[str, list[str]] = defaultdict(list)
        for row in impls[-1][1]["rows"]:
            by_src[row["source"]].extend(row["cuts"])
        print("\n== sub-line cuts of this tree (random sample per source)")
        for src in sorted(by_src):
            cuts = by_src[src]
            print(f"-- {src}: {len(cuts)} cuts")
            for text in rng.sample(cuts, min(args.samples, len(cuts))):
                print("   ", text[:160])
    if len(impls) == 2:
        print(f"\ncleaning time ratio this tree / baseline: {impls[1][1]['ms'] / impls[0][1]['ms']:.2f}")

    print("\n== mined templates (top per source; H = line prefix, T = line suffix; * slot, <T> the title)")
    for src in sorted(mined):
        _frequent, found = mined[src]
        print(f"-- {src} ({stats.docs[src]} documents, threshold {stats.template_threshold(src)})")
        for sk, c in sorted(found.items(), key=lambda kv: -kv[1])[: args.templates]:
            print(f"  {c:5}  {sk[0]}  {tpl.render(sk)}")


if __name__ == "__main__":
    main()
