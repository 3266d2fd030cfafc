"""The main Prefect flow: ingest → process (the pipeline's steps) → validate → store.

Tasks wrap *batches* of documents (never one document), call the ``akhbar`` package,
and pass plain Python objects to each other in memory.  Each input is read once: a
first pass ingests every batch into a temporary spill file while it counts the
cleaner's cross-document line statistics; the second pass sends each batch to the
executor (``akhbar.executors``) in one trip for all the steps (``akhbar.steps``).
Batch arguments travel in a :class:`Box` so that neither Prefect nor Dask walks
through every document looking for futures (Prefect's own ``quote`` is a named tuple,
which Dask unpacks), and tasks do not cache (hashing a batch costs more than the work).
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import datetime as dt
import os
import secrets
import sys
import pickle
import tempfile
import time
from collections import Counter, deque
from contextvars import ContextVar
from collections.abc import Callable, Iterable, Iterator
from typing import Generic, TypeVar
from pathlib import Path

import akhbar.flows._env  # noqa: F401  (Prefect settings before prefect is imported)

from prefect import flow, get_run_logger, task
from prefect.context import get_run_context
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from akhbar import pipeline
from akhbar.catalog import build_catalog
from akhbar.clean import LineStats, build_line_stats
from akhbar.config import SQL_DIR, Settings
from akhbar.dedup import duplicate_table
from akhbar.ingest import RawInput, ingest_inputs, iter_inputs
from akhbar.outdir import check_input, claim_output
from akhbar.models import RawDocument, Reject
from akhbar.executors import Executor, InProcessExecutor, make_executor, stop_forkserver
from akhbar.steps import build_steps
from akhbar.report import build_report
from akhbar.runs import close_dead_runs, drop_stale_rejects, non_figures, run_row
from akhbar.store import Store
from akhbar.story_store import update_stories
from akhbar.validation import ValidatedBatch, fresh_rejects, validate_batch
from akhbar.schemas import ARROW

T = TypeVar("T")
SMALL_RUN = 100  # input units below which a run stays in one process

# The command line's progress bar for the duration of a run: hook(advance, total or None).
# A context variable, not a module global: Prefect runs tasks in copies of the caller's context.
PROGRESS: ContextVar[Callable[[int, int | None], None] | None] = ContextVar("akhbar_progress", default=None)


def _progress(advance: int, total: int | None = None) -> None:
    hook = PROGRESS.get()
    if hook is not None:
        hook(advance, total)


# ----------------------------------------------------------------------------- tasks


class Box(Generic[T]):
    """An opaque wrapper for a task argument: not a collection, so not traversed."""

    __slots__ = ("value",)

    def __init__(self, value: T) -> None:
        self.value = value



@task(name="ingest", cache_policy=NO_CACHE, retries=1)
def ingest(units: Box[list[RawInput]], settings: Settings) -> tuple[list[tuple[str, RawDocument]], list[Reject]]:
    return ingest_inputs(units.value, settings.json_fields, settings.payload_chars, settings.max_doc_chars)


@task(name="process", cache_policy=NO_CACHE, retries=1)
def process(docs: Box[list[tuple[str, RawDocument]]], executor: Box[Executor],
            docs_progress: Box[Callable[[int], None] | None]) -> tuple[list[pipeline.DocState], Counter]:
    """Every step (clean → split → figures → entities → quotes) over one batch, in one trip
    to the executor's workers; returns the documents and the seconds spent per step."""
    states = [pipeline.DocState(doc_id, raw) for doc_id, raw in docs.value]
    return executor.value.run(states, docs_progress.value)


@task(name="validate", cache_policy=NO_CACHE)
def validate(processed: tuple[list[pipeline.DocState], Counter], ingest_rejects: Box[list[Reject]], run_id: str,
             now: dt.datetime, payload_chars: int) -> ValidatedBatch:
    batch, timings = processed
    return validate_batch(batch, ingest_rejects.value, run_id, now, payload_chars, timings)


@task(name="store", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def store_batch(store: Store, key: str, validated: ValidatedBatch, known_rejects: Box[frozenset[str]]) -> Counter:
    """Commit one batch (its rows and its new rejects) under its own key."""
    rejects = fresh_rejects(validated.rejects, known_rejects.value)
    store.write_batch(key, {**validated.tables, "rejects": rejects})
    return validated.counts + Counter({"rejects": rejects.num_rows})


@task(name="near-duplicates", cache_policy=NO_CACHE)
def near_duplicates(store: Store) -> int:
    table = duplicate_table(store.read_table("documents", ["doc_id", "clean_text", "published_at", "ingested_at"]))
    store.write_whole("duplicates", table)
    return table.num_rows


@task(name="stories", cache_policy=NO_CACHE)
def stories(store: Store) -> tuple[int, int]:
    """Documents without a story placed into stories (new or existing): (placed, stories)."""
    return update_stories(store)


@task(name="catalog", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def refresh_catalog(store: Store) -> list[str]:
    return build_catalog(store, ARROW, SQL_DIR)


@task(name="report", cache_policy=NO_CACHE)
def write_report(store: Store) -> str:
    return str(build_report(store.db_path, store.root / "report.html"))


# ----------------------------------------------------------------------------- flow


def _batches(units: Iterable[RawInput], size: int) -> Iterator[list[RawInput]]:
    batch: list[RawInput] = []
    for unit in units:
        batch.append(unit)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _release_free_memory() -> None:
    """Hand the C heap's free pages back to the system (glibc ``malloc_trim``; nothing elsewhere).

    A batch's documents, rows and Arrow tables are freed once it is stored, but the
    allocator keeps the pages, spread over one arena per thread that touched them (Prefect
    runs the tasks in a thread pool): without this the parent grew by about 25 MB per batch
    of 200 articles."""
    global _MALLOC_TRIM
    if _MALLOC_TRIM is None:
        _MALLOC_TRIM = False
        if sys.platform.startswith("linux"):
            with contextlib.suppress(Exception):
                _MALLOC_TRIM = ctypes.CDLL("libc.so.6").malloc_trim
    if _MALLOC_TRIM:
        _MALLOC_TRIM(0)


_MALLOC_TRIM = None


def _first_failure(chain: list) -> BaseException | None:
    """The exception of the first failed task of a batch's chain (later ones only wait on it)."""
    for future in chain:
        state = future.state
        if state.is_failed() or state.is_crashed():
            result = state.result(raise_on_failure=False)
            if isinstance(result, BaseException):
                return result
    return None


def _stage_seconds(flow_run_id, step_seconds: Counter) -> dict[str, float]:
    """Time per stage: the pipeline's steps (summed over batches and worker processes, as
    the executor measured them) and the flow's other tasks (read back from Prefect); the
    ``process`` task, which only waits on the steps, is left out."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    totals: Counter = Counter()
    try:
        with get_client(sync_client=True) as client:
            offset = 0
            while True:
                runs = client.read_task_runs(
                    flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])), offset=offset, limit=200
                )
                for tr in runs:
                    name = tr.name.rsplit("-", 1)[0]
                    if name != "process":
                        totals[name] += tr.total_run_time.total_seconds()
                if len(runs) < 200:
                    break
                offset += 200
    except Exception as exc:  # timings are a report, not part of the run
        get_run_logger().warning("could not read task run times: %s", exc)
    totals.update(step_seconds)
    return dict(totals)


class _Spill:
    """The ingested batches of pass 1, kept in a temporary file (not in the output folder)
    so that pass 2 reads each input once and holds one batch in memory at a time."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="akhbar-spill-")
        self.batches = 0

    def add(self, item: object) -> None:
        pickle.dump(item, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self.batches += 1

    def __iter__(self) -> Iterator:
        self._file.seek(0)
        for _ in range(self.batches):
            yield pickle.load(self._file)

    def close(self) -> None:
        self._file.close()


def _run_batches(store: Store, settings: Settings, run_id: str, started: dt.datetime, counts: Counter,
                 timings: Counter, workers: int, distributed: bool, logger) -> tuple[list[str], int]:
    """Ingest (once), the steps batch by batch, near-duplicates, stale rejects, catalogue:
    (views, workers used)."""
    # batches in flight: locally one is processed while the next is read; a cluster takes more
    max_inflight = 4 if distributed else 2
    known_docs = store.known_doc_ids()
    store.load_stored_ids()  # documents of another version: replaced by their batch's commits
    known_rejects = frozenset(store.known_reject_ids())

    # pass 1: every input read and parsed once; the cleaner's cross-document evidence (lines
    # repeated within a source) is counted, and the parsed batches wait in a spill file
    stats = LineStats()
    spill = _Spill()
    total_units = 0
    try:
        for units in _batches(iter_inputs(settings.input_path, settings.max_file_bytes), settings.batch_size):
            docs, rejects = ingest(Box(units), settings)
            stats.merge(build_line_stats(doc for _, doc in docs))
            spill.add((docs, rejects, len(units)))
            total_units += len(units)
        stats.prune()
        _release_free_memory()  # the parsed inputs wait in the spill file
        _progress(0, total_units)
        if total_units < SMALL_RUN:
            workers = 1  # starting worker processes costs more than it saves
        steps = build_steps(stats, settings.use_ner_model, settings.ner_bilstm)
        with (InProcessExecutor(steps) if distributed else make_executor(workers, steps)) as executor:
            _process_spill(spill, executor, store, settings, run_id, started, counts, timings, known_docs,
                           known_rejects, total_units, max_inflight, logger)
    finally:
        spill.close()
        stop_forkserver()  # the models it holds would sit beside the end steps' memory

    for removed in store.drop_other_versions():
        logger.warning("removed output of an older pipeline version: %s", removed)
    counts["duplicates"] = near_duplicates(store)
    _release_free_memory()
    placed, counts["stories"] = stories(store)
    _release_free_memory()
    if placed:
        logger.info("stories: %d documents placed, %d stories in all", placed, counts["stories"])
    stale = drop_stale_rejects(store)
    if stale:
        logger.info("removed %d rejects of earlier runs whose documents are now stored", stale)
    store.maintain()
    store.record_snapshot(run_id)  # the views read this snapshot from now on
    return refresh_catalog(store), workers


def _process_spill(spill: _Spill, executor: Executor, store: Store, settings: Settings, run_id: str,
                   started: dt.datetime, counts: Counter, timings: Counter, known_docs: frozenset[str],
                   known_rejects: frozenset[str], total_units: int, max_inflight: int, logger) -> None:
    """Pass 2: each spilled batch through process → validate → store, a few in flight."""
    seen_this_run: set[str] = set()
    inflight: deque = deque()
    progress = {"done": 0}

    def collect(item) -> None:
        key, chain, fresh, n_units, reported = item
        try:
            done = chain[-1].result()
            counts.update(done)
            timings.update(chain[-2].result().timings)
            logger.info("batch %s: %d inputs, %d documents written, %d rejects (%d of %d inputs done)", key, n_units,
                        done["documents"], done["rejects"], progress["done"] + n_units, total_units)
        except Exception as exc:  # the batch failed after its retries: quarantine its documents
            error = _first_failure(chain) or exc
            logger.error("batch %s failed: %s: %s", key, type(error).__name__, error)
            failed = [Reject(doc.source_path, "documents", f"processing failed: {type(error).__name__}: {error}",
                             doc.raw_text[: settings.payload_chars], doc_id) for doc_id, doc in fresh]
            empty = validate_batch([], failed, run_id, started, settings.payload_chars)
            counts.update(store_batch.fn(store, key + "-failed", empty, Box(known_rejects)))
        progress["done"] += n_units
        _progress(max(0, n_units - reported[0]))  # inputs not processed (unchanged, rejects) or not yet counted
        item = chain = fresh = None  # the batch's futures hold its documents and rows: let them go first
        _release_free_memory()

    for batch_no, (docs, rejects, n_units) in enumerate(spill):
        counts["inputs"] += n_units
        fresh = []
        for doc_id, doc in docs:
            if doc_id in known_docs:
                counts["unchanged"] += 1
            elif doc_id in seen_this_run:
                rejects.append(Reject(doc.source_path, "documents", f"duplicate content of document {doc_id}",
                                      doc.raw_text[: settings.payload_chars], doc_id))
            else:
                seen_this_run.add(doc_id)
                fresh.append((doc_id, doc))
        reported = [0]

        # the bar moves as chunks of documents finish; the hook is looked up where the task runs
        # (on a Dask worker there is none, and the closure must not carry the progress bar)
        def docs_done(n: int, reported=reported) -> None:
            reported[0] += n
            _progress(n)

        processed = process.submit(Box(fresh), Box(executor), Box(docs_done))
        validated = validate.submit(processed, Box(rejects), run_id, started, settings.payload_chars)
        key = f"{run_id}-{batch_no:05d}"
        stored = store_batch.submit(store, key, validated, Box(known_rejects))
        inflight.append((key, [processed, validated, stored], fresh, n_units, reported))
        while len(inflight) >= max_inflight:
            collect(inflight.popleft())
    while inflight:
        collect(inflight.popleft())


@flow(name="akhbar-run", log_prints=False, validate_parameters=False)
def akhbar_run(
    input_path: str = "seeds",
    output_dir: str = "output",
    batch_size: int = 200,
    use_ner_model: bool = True,
    workers: int = 0,
    ner_bilstm: bool = True,
) -> dict:
    """Process every article under ``input_path`` into the tables under ``output_dir``.

    Incremental: documents already stored by this pipeline version are skipped, so a
    rerun adds nothing and a run after a crash completes the interrupted work.
    ``workers``: processes for the CPU-heavy stages (0: one per core; 1: in-process,
    as on a Dask cluster, where batches run on the cluster's workers instead).
    ``ner_bilstm=False``: entities from the CRF alone, without the BiLSTM
    (the NER stage 1.9 × as fast, about 3 F1 less; docs/ner-evaluation.md).
    """
    logger = get_run_logger()
    settings = Settings(input_path=Path(input_path), output_dir=Path(output_dir), batch_size=batch_size,
                        use_ner_model=use_ner_model, ner_bilstm=ner_bilstm)
    started = dt.datetime.now(dt.timezone.utc)
    t0 = time.perf_counter()
    run_id = started.strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3)
    store = Store(settings.output_dir)
    counts: Counter = Counter()
    timings: Counter = Counter()  # seconds per pipeline step, summed over batches and workers
    workers = workers or os.cpu_count() or 1
    distributed = not isinstance(get_run_context().task_runner, ThreadPoolTaskRunner)
    if distributed:
        workers = 1

    check_input(settings.input_path)  # nothing to read: an error before anything is written
    claim_output(settings.output_dir)  # an output folder akhbar did not make is refused, untouched
    with store.lock():
        for action in store.repair():
            logger.warning("repair: %s", action)
        for dead in close_dead_runs(store):
            logger.warning("run %s was killed before it completed: marked failed", dead)
        store.write_run(run_id, run_row(run_id, started, "running", input_path, counts, None))
        try:
            views, workers = _run_batches(store, settings, run_id, started, counts, timings, workers, distributed,
                                          logger)
            seconds = time.perf_counter() - t0
            store.write_run(run_id, run_row(run_id, started, "completed", input_path, counts, seconds))
        except BaseException:  # a crash, a failed catalogue, Ctrl-C: the run is not complete
            with contextlib.suppress(Exception):
                store.write_run(run_id, run_row(run_id, started, "failed", input_path, counts,
                                                 time.perf_counter() - t0))
            raise
        try:
            report = write_report(store)
        except Exception as exc:  # the data is written; a report failure must not fail the run
            logger.error("report.html could not be written: %s", exc)
            report = None

    summary = {
        "run_id": run_id,
        "output_dir": str(store.root),
        "inputs": counts["inputs"],
        "unchanged": counts["unchanged"],
        "documents": counts["documents"],
        "sentences": counts["sentences"],
        "entities": counts["entities"],
        "figures": counts["figures"],
        "quotes": counts["quotes"],
        "boilerplate": counts["boilerplate"],
        "rejects": counts["rejects"],
        "duplicates": counts["duplicates"],
        "stories": counts["stories"],
        "non_figures": json.loads(non_figures(counts)),  # numbers each figure guard turned away (runs.non_figures)
        "seconds": round(time.perf_counter() - t0, 2),
        "stage_seconds": {k: round(v, 3) for k, v in _stage_seconds(get_run_context().flow_run.id, timings).items()},
        "views": views,
        "workers": workers,
        "report": report,
    }
    _publish_artifact(summary)
    return summary


def _publish_artifact(summary: dict) -> None:
    lines = ["| measure | value |", "|---|---|"]
    for key in ("inputs", "unchanged", "documents", "sentences", "entities", "figures", "quotes", "boilerplate", "rejects",
                "duplicates", "stories", "seconds"):
        lines.append(f"| {key} | {summary[key]} |")
    lines += ["", "| stage | seconds |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in summary["stage_seconds"].items()]
    if summary.get("report"):
        # a path to copy, not a file:// link: browsers refuse file:// links from an http page,
        # and the UI usually runs on another machine than the flow
        lines += ["", f"Report (self-contained HTML, on the machine that ran the flow): `{summary['report']}`",
                  f"Query the tables: `duckdb {Path(summary['report']).parent / 'akhbar.duckdb'}`"]
    try:
        create_markdown_artifact(key="akhbar-run-summary", markdown="\n".join(lines),
                                 description=f"akhbar run {summary['run_id']}")
    except Exception:  # an artifact is a convenience; never fail a finished run for it
        pass
