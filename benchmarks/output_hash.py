"""Output fingerprint of a run: row counts per table and a hash over the entity, figure and quote rows.

    .venv/bin/python benchmarks/output_hash.py --limit 3000             # run the flow, then fingerprint
    .venv/bin/python benchmarks/output_hash.py --output DIR             # fingerprint an existing output
    .venv/bin/python benchmarks/output_hash.py --limit 3000 --json a.json   # also write the figures

Used to check that a speed change leaves the output identical: run it on the old and
the new code and compare the printed lines (or the JSON files).  The rows are sorted
(by document, then offsets) before hashing, so the order in which batches and worker
processes finish does not matter; columns that name the run (``run_id``,
``ingested_at``, the runs table) are left out, everything else is hashed (confidence
and numbers through their ``repr``, i.e. exactly).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import akhbar.flows._env  # noqa: E402,F401

TABLES = ("documents", "boilerplate", "sentences", "entities", "figures", "quotes", "rejects", "duplicates")
HASHED = ("entities", "figures", "quotes")
RUN_COLUMNS = {"run_id", "ingested_at"}


def table_hash(table) -> str:
    """sha256 over the rows of an Arrow table, sorted, without the run's own columns."""
    cols = sorted(c for c in table.column_names if c not in RUN_COLUMNS)
    rows = sorted(tuple(repr(v) for v in row) for row in zip(*(table.column(c).to_pylist() for c in cols)))
    h = hashlib.sha256("\t".join(cols).encode())
    for row in rows:
        h.update(("\x1f".join(row) + "\n").encode("utf-8"))
    return h.hexdigest()


def fingerprint(output: Path) -> dict:
    from akhbar.store import Store

    store = Store(output)
    out: dict = {"rows": {}, "sha256": {}}
    for name in TABLES:
        t = store.read_table(name)
        out["rows"][name] = 0 if t is None else t.num_rows
        if name in HASHED and t is not None:
            out["sha256"][name] = table_hash(t)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--output", type=Path, help="fingerprint this output folder (no run)")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "saudinewsnet")
    ap.add_argument("--limit", type=int, default=3000, help="first N SaudiNewsNet articles")
    ap.add_argument("--batch-size", type=int, default=200)
    ap.add_argument("--workers", type=int, default=0, help="worker processes (0: one per core)")
    ap.add_argument("--json", type=Path, help="write the fingerprint here as JSON")
    args = ap.parse_args()

    tmp = None
    output = args.output
    if output is None:
        from throughput import prepare
        from akhbar.flows.akhbar_flow import akhbar_run

        tmp = Path(tempfile.mkdtemp(prefix="akhbar-hash-"))
        n_docs, _ = prepare(args.data, tmp / "corpus", args.limit)
        output = tmp / "out"
        akhbar_run(input_path=str(tmp / "corpus"), output_dir=str(output), batch_size=args.batch_size,
                   workers=args.workers)
        print(f"ran the flow on {n_docs:,} articles")
    try:
        fp = fingerprint(output)
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    for name, n in fp["rows"].items():
        print(f"rows {name:<12} {n:>9,}")
    for name, h in fp["sha256"].items():
        print(f"sha256 {name:<10} {h}")
    if args.json:
        args.json.write_text(json.dumps(fp, indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
