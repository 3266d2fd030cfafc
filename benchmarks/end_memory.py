"""Peak memory of a run's end steps (the parent alone, after the workers), step by step,
on a copy of a store whose batches are written, and a fingerprint of what they write.

    .venv/bin/python benchmarks/end_memory.py --store DIR             # this tree
    .venv/bin/python benchmarks/end_memory.py --store DIR --code OLD  # another checkout

``--store``: the output folder of a run whose batches are all committed and whose end
steps have not run (``documents.story_id`` null): e.g. a hard-linked copy (``cp -al``)
of a flow's output taken when its workers are gone.  The store is copied (hard links: a
Delta table's files are never rewritten in place) and the end steps run on the copy in a
subprocess with the code under ``--code`` (default this tree), in the flow's order and
with the flow's functions: near-duplicates, stories, stale rejects, maintenance and
snapshot, catalogue, report, the C heap trimmed between them as the flow does.  The
subprocess imports the flow first (Prefect included), so the figures start from the
imports of the flow's parent, not from the memory its batches left.

Sampled every ``--interval`` seconds from /proc/PID/smaps_rollup: peak RSS and PSS per
step.  Then the fingerprint: sha256 of the sorted rows of ``duplicates``, ``stories``,
the story state tables and ``documents`` (doc_id, story_id); rows per view of
``akhbar.duckdb``; sha256 of ``report.html`` without its path and time (two runs of the same
code can differ there: a few tie-broken sentences and spellings in the disputed figures).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from _smaps import smaps_rollup

ROOT = Path(__file__).resolve().parent.parent
MB = 2**20

CHILD = r"""
import json, sys, time
from pathlib import Path
import akhbar.flows.akhbar_flow as f
from akhbar.config import SQL_DIR
from akhbar.runs import drop_stale_rejects
from akhbar.store import Store

def step(name):
    print("STEP " + name, flush=True)

store = Store(Path(sys.argv[1]))
step("near-duplicates")
store.write_whole("duplicates", f.duplicate_table(
    store.read_table("documents", ["doc_id", "clean_text", "published_at", "ingested_at"])))
f._release_free_memory()
step("stories")
f.update_stories(store)
f._release_free_memory()
step("maintain")
drop_stale_rejects(store)
store.maintain()
store.record_snapshot("bench")
step("catalog")
f.build_catalog(store, f.ARROW, SQL_DIR)
step("report")
f.build_report(store.db_path, store.root / "report.html")
step("done")
"""

END_TABLES = {"duplicates": None, "stories": None, "story_state": None, "story_recent": None, "story_df": None,
              "documents": ["doc_id", "story_id"]}


def run_steps(code: Path, store: Path, interval: float) -> dict[str, tuple[int, int]]:
    """Peak (RSS, PSS) per step of the end steps run by ``code`` on ``store``."""
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(store)], cwd=code, stdout=subprocess.PIPE, text=True,
                            env={**__import__("os").environ, "PYTHONPATH": str(code)})
    current = ["imports"]
    peaks: dict[str, tuple[int, int]] = {}

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("STEP "):
                current[0] = line[5:].strip()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    while proc.poll() is None:
        m = smaps_rollup(proc.pid)
        if m is not None:
            rss, pss = peaks.get(current[0], (0, 0))
            peaks[current[0]] = (max(rss, m["rss"]), max(pss, m["pss"]))
        time.sleep(interval)
    reader.join()
    if proc.returncode:
        raise SystemExit(f"the end steps failed (exit {proc.returncode})")
    peaks.pop("done", None)
    return peaks


def _rows_hash(table) -> str:
    cols = sorted(table.column_names)
    rows = sorted(tuple(repr(v) for v in row) for row in zip(*(table.column(c).to_pylist() for c in cols)))
    h = hashlib.sha256("\t".join(cols).encode())
    for row in rows:
        h.update(("\x1f".join(row) + "\n").encode("utf-8"))
    return h.hexdigest()[:16]


def fingerprint(store_dir: Path) -> dict[str, str]:
    import duckdb

    sys.path.insert(0, str(ROOT))
    from akhbar.catalog import connect
    from akhbar.store import Store

    store = Store(store_dir)
    out: dict[str, str] = {}
    for name, columns in END_TABLES.items():
        t = store.read_table(name, columns)
        out[name] = "absent" if t is None else f"{t.num_rows} rows {_rows_hash(t)}"
    con = connect(store.db_path)
    try:
        views = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1").fetchall()]
        for v in views:
            try:
                out[f"view {v}"] = str(con.execute(f'SELECT count(*) FROM "{v}"').fetchone()[0])
            except duckdb.Error as exc:
                out[f"view {v}"] = f"error {type(exc).__name__}"
    finally:
        con.close()
    page = (store.root / "report.html").read_text(encoding="utf-8")
    page = re.sub(r"<p>[^<]* · generated [^<]*</p>", "", page).replace(str(store.root), "OUT")
    out["report.html"] = hashlib.sha256(page.encode()).hexdigest()[:16]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--code", type=Path, default=ROOT, help="a checkout whose akhbar runs the steps")
    ap.add_argument("--interval", type=float, default=0.05)
    ap.add_argument("--json", type=Path, help="write the peaks and the fingerprint here")
    ap.add_argument("--keep-report", type=Path, help="copy report.html here")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="akhbar-end-"))
    try:
        copy = tmp / "out"
        subprocess.run(["cp", "-al", str(args.store), str(copy)], check=True)
        for lock in (".lock", ".commit-lock"):  # hard links would share the original's locks
            (copy / lock).unlink(missing_ok=True)
        t0 = time.perf_counter()
        peaks = run_steps(args.code.resolve(), copy, args.interval)
        print(f"end steps of {args.code.resolve()} on {args.store}: {time.perf_counter() - t0:.1f} s")
        print(f"{'step':<16} {'RSS MB':>7} {'PSS MB':>7}   (peak)")
        for name, (rss, pss) in peaks.items():
            print(f"{name:<16} {rss / MB:7.0f} {pss / MB:7.0f}")
        fp = fingerprint(copy)
        if args.keep_report:
            shutil.copy(copy / "report.html", args.keep_report)
        print()
        for k, v in fp.items():
            print(f"{k:<28} {v}")
        if args.json:
            args.json.write_text(json.dumps({"peaks": peaks, "fingerprint": fp}, indent=1))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
