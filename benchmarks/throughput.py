"""Throughput benchmark: the whole akhbar flow on SaudiNewsNet, against a baseline.

    .venv/bin/python benchmarks/throughput.py                 # full corpus (31,030 articles)
    .venv/bin/python benchmarks/throughput.py --limit 3000    # a quick look
    .venv/bin/python benchmarks/throughput.py --overhead-only --overhead-docs 31030  # Prefect's overhead, full corpus

Prints, for the same input and in the same run:
* baseline: read the JSON input and write it to Parquet with pyarrow, nothing else;
* akhbar end to end (every stage on: cleaning, sentences, figures, NER model,
  validation, Parquet, near-duplicates, DuckDB catalogue): documents/s, words/s,
  peak memory (the process and its children: workers, forkserver, Prefect's server; summed as
  RSS and as PSS, see PeakMemory), and the ratio to the baseline;
* per step: seconds (the pipeline's steps as the executor timed them, summed over batches
  and worker processes; the flow's other tasks from Prefect) and documents/s;
* Prefect's overhead: a subset run once as the Prefect flow and once as a plain Python
  loop over the same steps, same batches and same executor (akhbar.steps, akhbar.executors).

Targets on a 2-core machine: full corpus < 10 min, peak memory < 2 GB (read on the PSS sum;
the RSS sum is printed beside it), Prefect < 5%.
"""

from __future__ import annotations

import argparse
from collections import Counter
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import akhbar.flows._env  # noqa: E402,F401

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "saudinewsnet"


class PeakMemory:
    """Samples the memory of this process plus all its children (workers, the forkserver
    they fork from, Prefect's temporary API server), two ways:

    * ``peak``: the sum of their resident set sizes (RSS).  Pages shared between processes
      (the models a forkserver loaded once, shared copy-on-write by the workers; shared
      libraries) count once per process that maps them: an over-count.
    * ``peak_pss``: the sum of their proportional set sizes (PSS, Linux: each shared page
      divided among the processes that map it): the memory the run really occupies.
      None where /proc/PID/smaps_rollup cannot be read.
    """

    def __init__(self, interval: float = 0.1) -> None:
        import psutil

        self._proc = psutil.Process()
        self.interval = interval
        self.peak = 0
        self.peak_pss: int | None = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def _pss(pid: int) -> int | None:
        try:
            with open(f"/proc/{pid}/smaps_rollup", "rb") as fh:
                for line in fh:
                    if line.startswith(b"Pss:"):
                        return int(line.split()[1]) * 1024
        except OSError:
            return None
        return None

    def _sample(self) -> tuple[int, int | None]:
        total = self._proc.memory_info().rss
        pss = self._pss(self._proc.pid)
        for child in self._proc.children(recursive=True):
            try:
                total += child.memory_info().rss
            except Exception:  # noqa: BLE001 - a child may exit between listing and reading
                continue
            p = self._pss(child.pid)
            pss = None if pss is None else pss + (p or 0)
        return total, pss

    def _update(self) -> None:
        rss, pss = self._sample()
        self.peak = max(self.peak, rss)
        if pss is None or self.peak_pss is None:
            self.peak_pss = None
        else:
            self.peak_pss = max(self.peak_pss, pss)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._update()
            time.sleep(self.interval)

    def __enter__(self) -> PeakMemory:
        self._update()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def prepare(data: Path, folder: Path, limit: int | None) -> tuple[int, int]:
    """Unzip the corpus into ``folder`` as JSON Lines files (one per day); returns (docs, words)."""
    folder.mkdir(parents=True, exist_ok=True)
    n_docs = n_words = 0
    for zpath in sorted(data.glob("*.zip")):
        with zipfile.ZipFile(zpath) as z:
            records = json.loads(z.read(z.namelist()[0]))
        if limit is not None:
            records = records[: max(0, limit - n_docs)]
        if not records:
            break
        with open(folder / (zpath.stem + ".jsonl"), "w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n_words += len((rec.get("content") or "").split())
        n_docs += len(records)
    return n_docs, n_words


def baseline(folder: Path, out: Path) -> float:
    """Read the input and write it to Parquet with pyarrow: the floor for any pipeline."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    t0 = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    for f in sorted(folder.glob("*.jsonl")):
        rows = [json.loads(line) for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
        pq.write_table(pa.Table.from_pylist(rows), out / (f.stem + ".parquet"), compression="zstd")
    return time.perf_counter() - t0


def plain_loop(folder: Path, out: Path, batch_size: int, bilstm: bool = True) -> float:
    """The flow's work as a plain loop (no Prefect), step for step: each input read once into
    the spill file with the line statistics, the steps on the same executor batch by batch,
    validation, the Delta commits, the `runs` rows, near-duplicates, stories, stale rejects,
    table maintenance, the snapshot, the catalogue and the report (the functions the flow's
    tasks call: akhbar.flows.akhbar_flow, akhbar.steps, akhbar.executors)."""
    from akhbar.catalog import build_catalog
    from akhbar.clean import LineStats, build_line_stats
    from akhbar.config import SQL_DIR, Settings
    from akhbar.dedup import duplicate_table
    from akhbar.executors import make_executor, stop_forkserver
    from akhbar.flows.akhbar_flow import _batches, _Spill
    from akhbar.ingest import ingest_inputs, iter_inputs
    from akhbar.pipeline import DocState
    from akhbar.report import build_report
    from akhbar.runs import drop_stale_rejects, run_row
    from akhbar.schemas import ARROW
    from akhbar.steps import build_steps
    from akhbar.store import Store
    from akhbar.story_store import update_stories
    from akhbar.validation import fresh_rejects, validate_batch

    t0 = time.perf_counter()
    settings = Settings(input_path=folder, output_dir=out, batch_size=batch_size, ner_bilstm=bilstm)
    store = Store(out)
    started = dt.datetime.now(dt.timezone.utc)
    counts: Counter = Counter()
    store.write_run("plain", run_row("plain", started, "running", str(folder), counts, None))
    stats = LineStats()
    spill = _Spill()
    try:
        for units in _batches(iter_inputs(folder, settings.max_file_bytes), batch_size):
            docs, rejects = ingest_inputs(units, settings.json_fields, settings.payload_chars, settings.max_doc_chars)
            stats.merge(build_line_stats(d for _, d in docs))
            spill.add((docs, rejects))
        stats.prune()
        with make_executor(os.cpu_count() or 1, build_steps(stats, True, bilstm)) as executor:
            seen: set[str] = set()
            for i, (docs, rejects) in enumerate(spill):
                docs = [(doc_id, d) for doc_id, d in docs if doc_id not in seen]  # as the flow does
                seen.update(doc_id for doc_id, _ in docs)
                states, timings = executor.run([DocState(doc_id, d) for doc_id, d in docs])
                validated = validate_batch(states, rejects, "plain", started, settings.payload_chars, timings)
                store.write_batch(f"plain-{i:05d}", {**validated.tables,
                                                     "rejects": fresh_rejects(validated.rejects, frozenset())})
                counts.update(validated.counts)
    finally:
        spill.close()
        stop_forkserver()
    store.write_whole("duplicates", duplicate_table(
        store.read_table("documents", ["doc_id", "clean_text", "published_at", "ingested_at"])))
    update_stories(store)
    drop_stale_rejects(store)
    store.maintain()
    store.record_snapshot("plain")
    build_catalog(store, ARROW, SQL_DIR)
    store.write_run("plain", run_row("plain", started, "completed", str(folder), counts, time.perf_counter() - t0))
    build_report(store.db_path, store.root / "report.html")
    return time.perf_counter() - t0


def run_flow(folder: Path, out: Path, batch_size: int, bilstm: bool = True) -> tuple[float, dict]:
    from akhbar.flows.akhbar_flow import akhbar_run

    t0 = time.perf_counter()
    summary = akhbar_run(input_path=str(folder), output_dir=str(out), batch_size=batch_size, ner_bilstm=bilstm)
    return time.perf_counter() - t0, summary


def overhead(args: argparse.Namespace, tmp: Path) -> None:
    """Prefect's overhead: the first ``--overhead-docs`` articles as the flow, then as a plain loop."""
    sub = tmp / "subset"
    k_docs, _ = prepare(args.data, sub, args.overhead_docs)
    t_prefect, _ = run_flow(sub, tmp / "sub_flow", args.batch_size, not args.no_bilstm)
    t_plain = plain_loop(sub, tmp / "sub_plain", args.batch_size, not args.no_bilstm)
    over = (t_prefect - t_plain) / t_prefect
    print(f"\nPrefect overhead on {k_docs:,} articles: flow {t_prefect:.1f} s, plain loop {t_plain:.1f} s "
          f"→ {100 * over:.1f}% of the run (includes the temporary API server's start-up)", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of SaudiNewsNet *.zip")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--overhead-docs", type=int, default=3000,
                        help="subset size for the Prefect-overhead comparison (0: skip)")
    parser.add_argument("--overhead-only", action="store_true",
                        help="only the Prefect-overhead comparison (on --overhead-docs articles; 31030: the full corpus)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders")
    parser.add_argument("--no-bilstm", action="store_true", help="entities by the CRF alone (akhbar run --no-bilstm)")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="akhbar-bench-"))
    try:
        if args.overhead_only:
            overhead(args, tmp)
            return 0
        corpus = tmp / "corpus"
        n_docs, n_words = prepare(args.data, corpus, args.limit)
        print(f"corpus: {n_docs:,} articles, {n_words:,} words ({sum(f.stat().st_size for f in corpus.iterdir()) / 1e6:.0f} MB JSON Lines)")

        with PeakMemory() as mem_base:
            t_base = baseline(corpus, tmp / "baseline")
        with PeakMemory() as mem_flow:
            t_flow, summary = run_flow(corpus, tmp / "out", args.batch_size, not args.no_bilstm)

        def line(name: str, seconds: float, mem_: PeakMemory | None = None) -> str:
            mem = ""
            if mem_ is not None:
                pss = f"{mem_.peak_pss / 2**20:7.0f} MB" if mem_.peak_pss is not None else "n/a"
                mem = f"  peak RSS sum {mem_.peak / 2**20:7.0f} MB, PSS sum {pss}"
            return (f"{name:<28} {seconds:8.1f} s  {n_docs / seconds:9.0f} docs/s  {n_words / seconds:11,.0f} words/s"
                    f"{mem}")

        print()
        print(line("baseline (read + Parquet)", t_base, mem_base))
        print(line("akhbar end to end", t_flow, mem_flow))
        print(f"{'ratio akhbar / baseline':<28} {t_flow / t_base:8.1f} x time   "
              f"{mem_flow.peak / max(mem_base.peak, 1):.1f} x memory (RSS sums)")
        print(f"rows: {summary['documents']:,} documents, {summary['sentences']:,} sentences, "
              f"{summary['entities']:,} entities, {summary['figures']:,} figures, "
              f"{summary['boilerplate']:,} boilerplate lines, {summary['rejects']:,} rejects, "
              f"{summary['duplicates']:,} near-duplicate paragraphs; {summary['workers']} worker processes")
        print("\nper step (seconds summed over batches and worker processes; steps overlap):")
        for stage, seconds in sorted(summary["stage_seconds"].items(), key=lambda kv: -kv[1]):
            rate = f"{n_docs / seconds:9.0f} docs/s" if seconds > 0 else ""
            print(f"  {stage:<18} {seconds:8.1f} s  {rate}")

        if args.overhead_docs:
            overhead(args, tmp)
        # the memory target is read on the PSS sum (shared pages counted once); the RSS sum,
        # the figure reported before the workers shared their models, is printed beside it
        peak = mem_flow.peak_pss if mem_flow.peak_pss is not None else mem_flow.peak
        target_ok = t_flow < 600 and peak < 2 * 2**30
        print(f"\ntargets (full corpus < 600 s, peak < 2 GB): {'met' if target_ok else 'NOT met'}"
              f" (time {'met' if t_flow < 600 else 'NOT met'}; peak PSS sum {'n/a' if mem_flow.peak_pss is None else ('met' if mem_flow.peak_pss < 2 * 2**30 else 'NOT met')},"
              f" peak RSS sum {'met' if mem_flow.peak < 2 * 2**30 else 'NOT met'})"
              + ("" if args.limit is None else " (on a subset: extrapolate with care)"))
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            print(f"kept {tmp}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
