"""Where a run's memory goes: resident memory per process, in the phases of a run.

    .venv/bin/python benchmarks/memory_breakdown.py --limit 1200
    .venv/bin/python benchmarks/memory_breakdown.py --input /work/data3k --limit 1200

Runs the Prefect flow in this process (as benchmarks/throughput.py does) and samples,
every ``--interval`` seconds, every process of the run: this one (the parent), the
executor's worker processes, the forkserver (when the executor uses one) and Prefect's
temporary API server.  For each it reads /proc/PID/smaps_rollup:

* RSS: resident pages; pages shared between processes (copy-on-write model arrays,
  shared libraries) count once *per process*, so a sum of RSS over-counts them;
* PSS: each shared page divided by the number of processes mapping it, so a sum of PSS
  is the memory the run really occupies;
* USS: the pages private to the process.

Phases: ``pass 1`` (before the first worker starts: ingest, line statistics),
``processing`` (while workers are alive), ``end`` (after they are gone: near-duplicates,
stories, catalogue, report).  Printed: the peak per role and phase, and the peak of the
sums (RSS and PSS) over all processes; the acceptance target (< 2 GB) is checked by
benchmarks/throughput.py, which prints both sums.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import akhbar.flows._env  # noqa: E402,F401
from _smaps import smaps_rollup  # noqa: E402

MB = 2**20


def role_of(proc, me: int) -> str:
    """parent / worker / forkserver / prefect server / other, from the command line and
    the parent: a forkserver's children (the workers) carry its command line."""
    try:
        cmd = " ".join(proc.cmdline())
        ppid = proc.ppid()
    except Exception:  # noqa: BLE001 - gone
        return "other"
    if "uvicorn" in cmd or "prefect.server" in cmd:
        return "prefect server"
    if "resource_tracker" in cmd:
        return "resource tracker"
    if "forkserver" in cmd:
        return "forkserver" if ppid == me else "worker"
    if "multiprocessing" in cmd or "spawn_main" in cmd:
        return "worker"
    return "other"


class Sampler:
    def __init__(self, interval: float, on_end: Callable[[], None] | None = None) -> None:
        import psutil

        self.me = psutil.Process()
        self.interval = interval
        self.roles: dict[int, str] = {}
        # (phase, role) -> max per process of rss/pss/uss; and sums
        self.peak: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: {"rss": 0, "pss": 0, "uss": 0})
        self.sum_peak = {"rss": 0, "pss": 0}
        self.sum_peak_phase = {"rss": "", "pss": ""}
        self.phase = "pass 1"
        self.timeline: list[tuple[float, str, dict[str, int]]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.t0 = time.perf_counter()
        self.on_end = on_end

    def sample(self) -> None:
        procs = [self.me]
        try:
            procs += self.me.children(recursive=True)
        except Exception:  # noqa: BLE001
            pass
        totals = {"rss": 0, "pss": 0}
        by_role: dict[str, int] = defaultdict(int)
        workers = 0
        rows = []
        for p in procs:
            if p.pid not in self.roles:
                self.roles[p.pid] = "parent" if p.pid == self.me.pid else role_of(p, self.me.pid)
            role = self.roles[p.pid]
            m = smaps_rollup(p.pid)
            if m is None:
                continue
            rows.append((role, m))
            workers += role == "worker"
        if workers and self.phase == "pass 1":
            self.phase = "processing"
        elif not workers and self.phase == "processing":
            self.phase = "end"
            if self.on_end is not None:
                self.on_end()
        for role, m in rows:
            cur = self.peak[(self.phase, role)]
            for k in cur:
                cur[k] = max(cur[k], m[k])
            totals["rss"] += m["rss"]
            totals["pss"] += m["pss"]
            by_role[role] += m["pss"]
        for k in totals:
            if totals[k] > self.sum_peak[k]:
                self.sum_peak[k] = totals[k]
                self.sum_peak_phase[k] = self.phase
        self.timeline.append((round(time.perf_counter() - self.t0, 2), self.phase,
                              {"rss_sum": totals["rss"] // MB, "pss_sum": totals["pss"] // MB,
                               **{r: v // MB for r, v in by_role.items()}}))

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            time.sleep(self.interval)

    def __enter__(self) -> Sampler:
        self.sample()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--input", type=Path, help="a folder of *.jsonl to read (default: SaudiNewsNet zips, --limit)")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "saudinewsnet")
    ap.add_argument("--limit", type=int, default=1200, help="first N articles")
    ap.add_argument("--batch-size", type=int, default=200)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--interval", type=float, default=0.2)
    ap.add_argument("--timeline", type=Path, help="write the samples here (JSON)")
    ap.add_argument("--keep-store", type=Path, help="a hard-linked copy of the output when the workers are gone, "
                    "before the end steps write (the input of benchmarks/end_memory.py)")
    ap.add_argument("--hash", action="store_true", help="also print the output's fingerprint (benchmarks/output_hash.py)")
    args = ap.parse_args()

    from throughput import prepare

    tmp = Path(tempfile.mkdtemp(prefix="akhbar-mem-"))
    try:
        corpus = tmp / "corpus"
        if args.input is not None:
            corpus.mkdir()
            left = args.limit
            for f in sorted(args.input.glob("*.jsonl")):
                lines = f.read_text(encoding="utf-8").splitlines()[:left]
                (corpus / f.name).write_text("\n".join(lines) + "\n", encoding="utf-8")
                left -= len(lines)
                if left <= 0:
                    break
            n_docs = args.limit - max(left, 0)
        else:
            n_docs, _ = prepare(args.data, corpus, args.limit)
        from akhbar.flows.akhbar_flow import akhbar_run

        t0 = time.perf_counter()
        def keep() -> None:
            if args.keep_store is not None:
                subprocess.run(["cp", "-al", str(tmp / "out"), str(args.keep_store)], check=True)

        with Sampler(args.interval, keep) as s:
            summary = akhbar_run(input_path=str(corpus), output_dir=str(tmp / "out"), batch_size=args.batch_size,
                                 workers=args.workers)
        print(f"{n_docs:,} articles, {summary['documents']:,} documents written, "
              f"{summary['workers']} workers, {time.perf_counter() - t0:.1f} s")
        print(f"\n{'phase':<11} {'role':<16} {'RSS MB':>7} {'PSS MB':>7} {'USS MB':>7}   (peak per process)")
        for (phase, role), m in sorted(s.peak.items(), key=lambda kv: (["pass 1", "processing", "end"].index(kv[0][0]),
                                                                       kv[0][1])):
            print(f"{phase:<11} {role:<16} {m['rss'] / MB:7.0f} {m['pss'] / MB:7.0f} {m['uss'] / MB:7.0f}")
        print(f"\npeak of the sum over all processes: RSS {s.sum_peak['rss'] / MB:.0f} MB ({s.sum_peak_phase['rss']}), "
              f"PSS {s.sum_peak['pss'] / MB:.0f} MB ({s.sum_peak_phase['pss']})")
        if args.timeline:
            args.timeline.write_text(json.dumps(s.timeline))
        if args.hash:
            from output_hash import fingerprint

            fp = fingerprint(tmp / "out")
            print()
            for name, n in fp["rows"].items():
                print(f"rows {name:<12} {n:>9,}")
            for name, h in fp["sha256"].items():
                print(f"sha256 {name:<10} {h}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
