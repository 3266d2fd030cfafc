"""Peak memory and time of the stories step (``akhbar.story_store.update_stories``) on a
store like the pipeline's, this tree's code against an earlier revision, same input.

    .venv/bin/python benchmarks/stories_memory.py                    # full corpus, against HEAD
    .venv/bin/python benchmarks/stories_memory.py --limit 5000 --old 0d62e91
    .venv/bin/python benchmarks/stories_memory.py --first-run 20000  # two runs: 20,000, then the rest

The store (built once, cached under ``--cache``/stories-memory-<N>): the cleaned SaudiNewsNet
articles of benchmarks/_stories_corpus.py (its cached ``corpus-clean-*.pkl``: akhbar's
ingest and cleaner; ``--corpus`` names the pickle, default the newest there), written as
the flow writes them: ``documents`` rows of the contract's schema (``raw_text`` from the
cached raw corpus where it has the doc_id, else the clean text; ``story_id`` null) and
``entities`` rows (doc_id, entity_id: one per mention, from the cached CRF entity stage
of _stories_corpus.add_entities, no NER run here; a document missing there has none), one
Delta commit per 200 documents as the flow's batches; ``duplicates`` from the cached
near-duplicate links (each pair once).  No entity stage, no pipeline run.

Each revision runs in its own subprocess (``git archive`` of ``--old`` into a temporary
folder; this tree for the new code) on its own copy of the store.  Sampled every 5 ms
from /proc/PID/smaps_rollup: peak RSS and PSS of the process (one process: PSS is its RSS
less the share of the shared libraries), the process's own high-water mark (VmHWM: the
peak RSS between samples too; ru_maxrss would count the forking parent's RSS), and the RSS
before ``update_stories`` (imports, no data; with ``--after-near-duplicates`` the process
first runs the flow's near-duplicates task over the store and trims the C heap, as the
flow's parent does before the step: the RSS before the step is then what that left).  Then the output tables of both copies are compared: ``stories``,
``story_state``, ``story_recent``, ``story_df`` (every column, sorted by key) and
``documents`` (doc_id, story_id).  With ``--first-run N`` each side runs the step twice,
on the first N documents and again after the others are committed (a second pipeline run:
some of its documents are older than the state's newest), and the tables are compared after
the second run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import hashlib
import json
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _smaps import smaps_rollup  # noqa: E402

MB = 2**20
CACHE = Path("/tmp/akhbar_stories_cache")
BATCH = 200  # documents per commit, as the flow's default batch_size

CHILD = r"""
import json, sys, time
from pathlib import Path
from akhbar.store import Store
from akhbar.story_store import update_stories
import akhbar.stories  # imported before the baseline: the step's modules are not data
if len(sys.argv) > 2 and sys.argv[2] == "after-near-duplicates":
    # as the flow's parent: the near-duplicates task over the whole store, then the C heap
    # trimmed (akhbar_flow._release_free_memory), then the stories step
    import ctypes
    from akhbar.dedup import duplicate_table
    store = Store(Path(sys.argv[1]))
    store.write_whole("duplicates", duplicate_table(
        store.read_table("documents", ["doc_id", "clean_text", "published_at", "ingested_at"])))
    del store
    ctypes.CDLL("libc.so.6").malloc_trim(0)
def status(key):
    for line in open("/proc/self/status"):
        if line.startswith(key + ":"):
            return int(line.split()[1]) * 1024
before = status("VmRSS")
print("READY", flush=True)
sys.stdin.readline()
t0, c0 = time.perf_counter(), time.process_time()
placed, stories = update_stories(Store(Path(sys.argv[1])))
wall, cpu = time.perf_counter() - t0, time.process_time() - c0
print(json.dumps({"placed": placed, "stories": stories, "wall_s": wall, "cpu_s": cpu, "rss_before": before,
                  "hwm": status("VmHWM")}), flush=True)
"""


def build_store(folder: Path, limit: int | None, corpus_pkl: Path, first: int | None = None) -> int:
    """The store of ``limit`` documents (all by default) under ``folder``; returns N.  With
    ``first``: only the first ``first`` in the store, the batches of the others (and the
    duplicates table of all) as Parquet files under ``folder/later`` for a second run."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from akhbar.config import PIPELINE_VERSION
    from akhbar.schemas import ARROW
    from akhbar.store import Store

    with open(corpus_pkl, "rb") as fh:
        arts, _ = pickle.load(fh)
    every = arts
    arts = arts[:limit] if limit else arts
    raw_text: dict[str, str] = {}
    raws = sorted(glob.glob(str(CACHE / "corpus-raw-*.pkl")), key=os.path.getmtime)
    if raws:
        with open(raws[-1], "rb") as fh:
            raw_text = {a.doc_id: a.text for a in pickle.load(fh)[0]}
    ents: dict[str, tuple[str, ...]] = {}
    for part in sorted(glob.glob(str(CACHE / "entities-clean-*")), key=lambda p: len(os.listdir(p))):
        for f in sorted(glob.glob(part + "/*.pkl")):  # the folder with the most chunks wins
            with open(f, "rb") as fh:
                ents.update(pickle.load(fh))
    # the near-duplicate links of the whole corpus (cached by _stories_corpus.duplicate_links),
    # those between the chosen documents kept
    dups: dict[str, set[str]] = {}
    h = hashlib.blake2b(digest_size=8)
    for a in every:
        h.update(a.doc_id.encode())
    dpath = CACHE / f"dups-{h.hexdigest()}.pkl"
    if dpath.exists():
        with open(dpath, "rb") as fh:
            dups = pickle.load(fh)
    else:
        print(f"  no cached near-duplicate links for this corpus ({dpath.name}): duplicates table empty")
    folder.mkdir(parents=True, exist_ok=True)
    store = Store(folder)
    now = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)

    def tables(part: list) -> dict[str, pa.Table]:
        docs = pa.Table.from_pylist([{
            "doc_id": a.doc_id, "source_path": f"{a.key[0]}#{a.key[1]}", "source": a.source, "url": None,
            "title": a.title, "byline": None, "byline_person": None, "byline_outlet": None,
            "dateline_place": None, "section": None, "published_at": a.published_at, "updated_at": None,
            "scraped_at": a.scraped_at, "raw_text": raw_text.get(a.doc_id, a.text), "clean_text": a.text,
            "n_paragraphs": a.text.count("\n") + 1, "n_sentences": 1, "format": "json", "run_id": "bench",
            "ingested_at": now, "pipeline_version": PIPELINE_VERSION, "story_id": None} for a in part],
            schema=ARROW["documents"])
        e_doc = [a.doc_id for a in part for _ in ents.get(a.doc_id, ())]
        e_id = [e for a in part for e in ents.get(a.doc_id, ())]
        entities = pa.table({"doc_id": pa.array(e_doc, pa.string()), "entity_id": pa.array(e_id, pa.string())})
        return {"documents": docs, "entities": entities}

    def duplicates(docs: list) -> pa.Table:
        keep = {a.doc_id for a in docs}
        pairs = sorted({(a, b) for a, bs in dups.items() if a in keep for b in bs if b in keep and a < b})
        return pa.table({"doc_id": pa.array([a for a, _ in pairs], pa.string()),
                         "dup_of_doc_id": pa.array([b for _, b in pairs], pa.string())})

    now_docs, later_docs = (arts, []) if first is None else (arts[:first], arts[first:])
    n_ent = 0
    for k in range(0, len(now_docs), BATCH):
        batch = tables(now_docs[k:k + BATCH])
        n_ent += batch["entities"].num_rows
        store.write_batch(f"b{k // BATCH:05d}", batch)
    dup_table = duplicates(now_docs)
    store.write_whole("duplicates", dup_table)
    print(f"  store: {len(now_docs)} documents, {n_ent} entity rows, {dup_table.num_rows} duplicate pairs")
    if later_docs:
        later = folder / "later"
        later.mkdir()
        for k in range(0, len(later_docs), BATCH):
            for name, table in tables(later_docs[k:k + BATCH]).items():
                pq.write_table(table, later / f"{name}-{k // BATCH:05d}.parquet")
        pq.write_table(duplicates(arts), later / "duplicates.parquet")
        print(f"  then {len(later_docs)} more documents (a second run)")
    return len(arts)


def append_later(store_dir: Path) -> None:
    """The second run's input: its batches committed as the flow commits them, the
    duplicates table rebuilt over every document (the flow's near-duplicates task)."""
    import pyarrow.parquet as pq

    from akhbar.store import Store

    later = store_dir / "later"
    store = Store(store_dir)
    for docs in sorted(later.glob("documents-*.parquet")):
        n = docs.stem.split("-")[1]
        store.write_batch(f"later-{n}", {"documents": pq.read_table(docs),
                                         "entities": pq.read_table(later / f"entities-{n}.parquet")})
    store.write_whole("duplicates", pq.read_table(later / "duplicates.parquet"))


def run_step(code: Path, store: Path, label: str, after_dups: bool = False) -> dict:
    env = {**os.environ, "PYTHONPATH": str(code)}
    extra = ["after-near-duplicates"] if after_dups else []
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(store), *extra], cwd=str(code), env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "READY"
    peak = [0, 0]
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            got = smaps_rollup(proc.pid)
            if got:
                peak[0], peak[1] = max(peak[0], got["rss"]), max(peak[1], got["pss"])
            time.sleep(0.005)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    proc.stdin.write("go\n")
    proc.stdin.flush()
    out = proc.stdout.readline()
    stop.set()
    thread.join()
    if proc.wait() != 0 or not out.strip():
        raise RuntimeError(f"{label}: the stories step failed")
    res = json.loads(out)
    res.update(peak_rss=peak[0], peak_pss=peak[1])
    print(f"  {label:>4}: placed {res['placed']}, stories {res['stories']}, {res['wall_s']:.1f} s ({res['cpu_s']:.1f} CPU-s); "
          f"peak RSS {peak[0] / MB:.0f} MB, peak PSS {peak[1] / MB:.0f} MB "
          f"(VmHWM {res['hwm'] / MB:.0f} MB, RSS before the step {res['rss_before'] / MB:.0f} MB)")
    return res


def compare(a: Path, b: Path) -> list[str]:
    """Differences between the stories outputs of two stores ([] when identical)."""
    from akhbar.store import Store

    keys = {"stories": ["story_id"], "story_state": ["story_id"], "story_recent": ["doc_id"],
            "story_df": ["feature"], "documents": ["doc_id"]}
    diffs = []
    for table, key in keys.items():
        cols = ["doc_id", "story_id"] if table == "documents" else None
        ta, tb = Store(a).read_table(table, cols), Store(b).read_table(table, cols)
        if ta is None or tb is None:
            if (ta is None) != (tb is None):
                diffs.append(f"{table}: exists in one store only")
            continue
        ta, tb = ta.sort_by([(k, "ascending") for k in key]), tb.sort_by([(k, "ascending") for k in key])
        if ta.schema != tb.schema:
            diffs.append(f"{table}: schemas differ")
        elif not ta.equals(tb):
            diffs.append(f"{table}: rows differ ({ta.num_rows} vs {tb.num_rows} rows)")
        else:
            print(f"  {table}: {ta.num_rows} rows, identical")
    return diffs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="the first N documents of the corpus")
    ap.add_argument("--old", default="HEAD", help="git revision of the baseline (default HEAD)")
    ap.add_argument("--corpus", type=Path, default=None, help="a corpus-clean-*.pkl of _stories_corpus")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/akhbar_stories_memory"))
    ap.add_argument("--first-run", type=int, default=None,
                    help="two runs: the step on the first N documents, then on the others added")
    ap.add_argument("--after-near-duplicates", action="store_true",
                    help="in the step's process, first the flow's near-duplicates task (its table "
                         "replaces the cached links), as in the flow's parent; the peak is the step's")
    ap.add_argument("--only", choices=("old", "new"), default=None, help="run one side only (no comparison)")
    args = ap.parse_args()

    corpus_pkl = args.corpus or Path(max(glob.glob(str(CACHE / "corpus-clean-*.pkl")), key=os.path.getmtime))
    first = f"-first{args.first_run}" if args.first_run else ""
    base = args.cache / f"store-{corpus_pkl.stem}-{args.limit or 'all'}{first}"
    if not (base / "tables" / "duplicates" / "_delta_log").is_dir():
        t0 = time.perf_counter()
        shutil.rmtree(base, ignore_errors=True)
        print(f"building the store in {base} from {corpus_pkl.name}")
        build_store(base, args.limit, corpus_pkl, args.first_run)
        print(f"  built in {time.perf_counter() - t0:.0f} s")
    work = Path(tempfile.mkdtemp(prefix="akhbar-stories-mem-"))
    try:
        results, stores = {}, {}
        sides = [args.only] if args.only else ["old", "new"]
        for side in sides:
            if side == "old":
                code = work / "old-code"
                code.mkdir()
                subprocess.run(f"git -C {ROOT} archive {args.old} akhbar | tar -x -C {code}", shell=True, check=True)
                label = f"old ({subprocess.check_output(['git', '-C', str(ROOT), 'rev-parse', '--short', args.old], text=True).strip()})"
            else:
                code, label = ROOT, "new (this tree)"
            stores[side] = work / f"store-{side}"
            shutil.copytree(base, stores[side])
            print(label)
            results[side] = [run_step(code, stores[side], side, args.after_near_duplicates)]
            if (stores[side] / "later").is_dir():
                append_later(stores[side])
                results[side].append(run_step(code, stores[side], side, args.after_near_duplicates))
        if len(results) == 2:
            for k, (o, n) in enumerate(zip(results["old"], results["new"])):
                print(f"run {k + 1}: peak PSS {o['peak_pss'] / MB:.0f} -> {n['peak_pss'] / MB:.0f} MB, "
                      f"peak RSS {o['peak_rss'] / MB:.0f} -> {n['peak_rss'] / MB:.0f} MB, "
                      f"VmHWM {o['hwm'] / MB:.0f} -> {n['hwm'] / MB:.0f} MB, "
                      f"time {o['wall_s']:.1f} -> {n['wall_s']:.1f} s, CPU {o['cpu_s']:.1f} -> {n['cpu_s']:.1f} s")
            diffs = compare(stores["old"], stores["new"])
            print("identity: " + ("the stories outputs are identical" if not diffs else "DIFFERENT: " + "; ".join(diffs)))
            if diffs:
                sys.exit(1)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
