"""Dump the cleaner's output on real articles and the seeds, and time it (speed work
that must not change any output).

    PYTHONPATH=<tree> python benchmarks/clean_identity.py --out dump.json [--n 1000]
                                                          [--data '/work/data3k/*.jsonl'] [--repeat 1]

Inputs: the first ``--n`` records of the JSON Lines files (sorted, line order) ingested
as the pipeline reads them (container title: the learned title ranker does not run),
the same articles again as page dumps (title line above the body, no container title,
the record's URL: the ranker runs), and the five seed articles.  Cross-document
statistics are built on each set and pruned, as a run does.

The dump holds every field of each CleanDocument (title, clean_text, byline fields,
dates, the boilerplate rows with rule/category/confidence, the kept notes); two dumps
from two revisions are compared with ``cmp``/``diff``.  The clean time (CPU time of
``clean_document`` alone, best of ``--repeat`` passes) is printed per article.
"""

from __future__ import annotations

import argparse
import dataclasses
import glob
import json
import time
from pathlib import Path

from akhbar.clean import build_line_stats, clean_document
from akhbar.ingest import RawInput, ingest_inputs
from akhbar.models import RawDocument

ROOT = Path(__file__).resolve().parent.parent


def load_units(pattern: str, n: int) -> list[RawInput]:
    out: list[RawInput] = []
    for path in sorted(glob.glob(pattern)):
        with open(path, encoding="utf-8") as fh:
            for k, line in enumerate(fh):
                if not line.strip():
                    continue
                out.append(RawInput(f"{path}#{k}", "json", json.loads(line), None))
                if len(out) >= n:
                    return out
    return out


def as_page_dump(doc: RawDocument) -> RawDocument:
    text = (doc.title + "\n" + doc.raw_text) if doc.title else doc.raw_text
    return RawDocument(source_path=doc.source_path + "#page", raw_text=text, url=doc.url, source=doc.source,
                       author=doc.author, scraped_at=doc.scraped_at, fmt="txt")


def _plain(value):
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def sets(pattern: str, n: int) -> dict[str, list[RawDocument]]:
    docs, _rejects = ingest_inputs(load_units(pattern, n))
    real = [d for _, d in docs]
    seeds = [RawDocument(source_path=p.name, raw_text=p.read_text(encoding="utf-8"))
             for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return {"real": real, "page_dumps": [as_page_dump(d) for d in real], "seeds": seeds}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default="/work/data3k/*.jsonl")
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--profile", action="store_true", help="cProfile one pass over the real articles")
    args = ap.parse_args(argv)
    data = sets(args.data, args.n)
    stats = {name: build_line_stats(docs).prune() for name, docs in data.items()}
    if args.profile:
        import cProfile
        import pstats

        pr = cProfile.Profile()
        pr.enable()
        for d in data["real"]:
            clean_document(d, stats["real"])
        pr.disable()
        pstats.Stats(pr).sort_stats("cumulative").print_stats(45)
        return 0
    dump: dict[str, list] = {}
    for name, docs in data.items():
        best = None
        for _ in range(args.repeat):
            t0 = time.process_time()
            outs = [clean_document(d, stats[name]) for d in docs]
            el = time.process_time() - t0
            best = el if best is None else min(best, el)
        dump[name] = [{"source_path": d.source_path, **_plain(o)} for d, o in zip(docs, outs)]
        print(f"{name:10} {len(docs):5d} docs  {1000 * best / len(docs):.3f} ms/article (CPU, best of {args.repeat})")
    if args.out:
        args.out.write_text(json.dumps(dump, ensure_ascii=False, indent=0, sort_keys=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
