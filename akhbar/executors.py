"""Where the steps run: executors (as datatrove keeps executors apart from its steps).

An executor takes a batch of documents and runs the pipeline's steps
(:mod:`akhbar.steps`) over it, in **one trip**: the batch goes to the workers once and
comes back once, processed by every step.  Two implementations live here:

* :class:`InProcessExecutor` runs the steps in the calling process.  It is what a Dask
  worker uses (on a cluster, Prefect's ``DaskTaskRunner`` sends each batch's ``process``
  task to a worker process: the cluster is the parallelism) and what small runs use.
* :class:`ProcessExecutor` cuts the batch into chunks that a pool of worker processes
  handles (the stages are pure Python: the GIL makes threads useless for them).  Each
  worker receives the steps once, when it starts, not with every chunk.

Both report progress per chunk of at most :data:`CHUNK_DOCS` documents and return the
seconds spent in each step.  A worker that dies (killed by the kernel's out-of-memory
killer, say) breaks a :class:`concurrent.futures.ProcessPoolExecutor` for good; the pool
is then recreated and the batch tried again, and a batch that breaks it a second time is
cut in halves until the documents that kill a worker on their own are found: they come
back marked failed (``DocState.failure``) and the rest of the batch is processed.
"""

from __future__ import annotations

import contextlib
import gc
import math
import multiprocessing
import os
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol, TypeVar

from threadpoolctl import threadpool_limits

from akhbar.models import RawDocument
from akhbar.pipeline import DocState
from akhbar.steps import Step, run_steps

T = TypeVar("T")
CHUNK_DOCS = 32  # documents per trip to a worker at most: progress and load balance vs. batching the NER
Progress = Callable[[int], None]


class Executor(Protocol):
    workers: int

    def run(self, batch: list[DocState], progress: Progress | None = None) -> tuple[list[DocState], Counter]:
        """Every step over ``batch`` (results in order) and the seconds spent per step."""
        ...

    def close(self, now: bool = False) -> None: ...


def chunks(items: Sequence[T], n: int) -> list[Sequence[T]]:
    """``items`` cut into at most ``n`` contiguous, nearly equal chunks (none empty)."""
    n = max(1, min(n, len(items)))
    size, extra = divmod(len(items), n)
    out, start = [], 0
    for i in range(n):
        end = start + size + (1 if i < extra else 0)
        out.append(items[start:end])
        start = end
    return out


def _n_chunks(n_items: int, workers: int) -> int:
    """At least two chunks per worker (load balance), none larger than CHUNK_DOCS."""
    return max(workers * 2, math.ceil(n_items / CHUNK_DOCS))


class InProcessExecutor:
    """The steps in this process, chunk by chunk (progress after each chunk)."""

    workers = 1

    def __init__(self, steps: Sequence[Step]) -> None:
        self.steps = tuple(steps)

    def run(self, batch: list[DocState], progress: Progress | None = None) -> tuple[list[DocState], Counter]:
        timings: Counter = Counter()
        out: list[DocState] = []
        todo = [s for s in batch if s.failure is None]
        for chunk in chunks(todo, _n_chunks(len(todo), 1)) if todo else []:
            out += run_steps(self.steps, list(chunk), timings)
            if progress is not None:
                progress(len(chunk))
        done = iter(out)
        return [s if s.failure is not None else next(done) for s in batch], timings

    def close(self, now: bool = False) -> None:
        pass

    def __enter__(self) -> InProcessExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# ----------------------------------------------------------------------------- worker side

_STEPS: tuple[Step, ...] = ()


class _Chunk:
    """What a worker sends back for one chunk: the processed items and step timings."""

    __slots__ = ("items", "timings")

    def __init__(self, items: list, timings: Counter) -> None:
        self.items, self.timings = items, timings


def _init_worker(steps: Sequence[Step], parent: int | None, environ: dict[str, str] | None = None) -> None:
    """``parent``: the parent's pid, given by the parent (a worker that starts after its
    parent died must not take its new parent, init, for it); None in tests.
    ``environ``: the parent's environment when the pool was made (a worker forked from the
    forkserver would otherwise see the environment the forkserver started with)."""
    global _STEPS
    _STEPS = tuple(steps)
    if environ is not None:
        os.environ.clear()
        os.environ.update(environ)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    # one BLAS thread per worker: the pool already has a process per core, and OpenBLAS's own
    # threads on the BiLSTM's small products spin against the other worker (the NER of 150
    # articles: 20.2 CPU-s with the default threads, 9.1 with one, on a loaded 2-core machine).
    # The variable above is read when numpy loads, too late here; threadpoolctl acts now.
    threadpool_limits(limits=1, user_api="blas")
    if parent is not None:
        # Ctrl-C reaches the whole process group: the parent decides, workers do not print tracebacks
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        _watch_parent(parent)


def _watch_parent(parent: int, every: float = 1.0) -> None:
    """Exit when the parent process is gone (it was killed): no orphaned workers.

    A worker's direct parent is the executor's process (spawn) or its forkserver, a child
    of it.  The forkserver outlives a killed parent as long as a worker lives (each worker
    holds its "alive" pipe), so a worker of a forkserver watches its grandparent too.
    (``prctl(PR_SET_PDEATHSIG)`` would fire when the parent *thread* that started the
    worker ends, and workers are started from Prefect's task threads: polled instead.)"""
    direct = os.getppid()

    def orphaned() -> bool:
        ppid = os.getppid()
        return ppid != direct or (ppid != parent and _parent_pid(ppid) not in (parent, None))  # None: unknown

    if orphaned():  # started after its parent died
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(every)
            if orphaned():
                os._exit(1)

    threading.Thread(target=watch, name="akhbar-parent-watch", daemon=True).start()


def _parent_pid(pid: int) -> int | None:
    """The parent of process ``pid`` (None when unknown)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return int(fh.read().rsplit(b")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        try:
            import psutil

            return psutil.Process(pid).ppid()
        except Exception:  # noqa: BLE001
            return None


_FROZEN = False


def _run_chunk(states: list[DocState]) -> _Chunk:
    global _FROZEN
    timings: Counter = Counter()
    out = _Chunk(run_steps(_STEPS, states, timings), timings)
    if not _FROZEN:
        # the first chunk loaded the models, word lists and gazetteers (millions of objects
        # that live as long as the worker): out of the garbage collector's sight, its full
        # collections stop walking them again and again
        gc.freeze()
        _FROZEN = True
    return out


# ----------------------------------------------------------------------------- failures


class Killed:
    """The result for an item that kills its worker process on its own (e.g. out of memory)."""

    __slots__ = ("reason",)

    def __init__(self, reason: str) -> None:
        self.reason = reason


KILLED_REASON = "worker process killed while processing this document (out of memory?), twice"


def _mark_failed(item: Any, reason: str) -> Any:
    if isinstance(item, DocState):
        item.failure = reason
        return item
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], RawDocument):
        return DocState(item[0], item[1], failure=reason)
    return Killed(reason)


def _is_failed(item: Any) -> bool:
    return isinstance(item, DocState) and item.failure is not None


class _Gate:
    """Many ordinary calls on the pool at once, or one recovery alone (a recovery must
    not have its retries broken by another batch's kill)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._shared = 0
        self._exclusive = False

    @contextlib.contextmanager
    def shared(self) -> Iterator[None]:
        with self._cond:
            while self._exclusive:
                self._cond.wait()
            self._shared += 1
        try:
            yield
        finally:
            with self._cond:
                self._shared -= 1
                self._cond.notify_all()

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[None]:
        with self._cond:
            while self._exclusive:
                self._cond.wait()
            self._exclusive = True
            while self._shared:
                self._cond.wait()
        try:
            yield
        finally:
            with self._cond:
                self._exclusive = False
                self._cond.notify_all()


# ----------------------------------------------------------------------------- the pool


class ProcessExecutor:
    """The steps on a pool of ``workers`` processes, one trip per chunk of a batch."""

    def __init__(self, workers: int, steps: Sequence[Step], watch_parent: bool = True) -> None:
        self.workers = max(2, workers)
        self.steps = tuple(steps)
        self._parent = os.getpid() if watch_parent else None
        self._gate = _Gate()
        self.restarts = 0
        self._pool: ProcessPoolExecutor | None = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=_pool_context(self.steps), initializer=_init_worker,
                                   initargs=(self.steps, self._parent, dict(os.environ)))

    def run(self, batch: list[DocState], progress: Progress | None = None) -> tuple[list[DocState], Counter]:
        timings: Counter = Counter()
        return self.map(_run_chunk, batch, progress, timings), timings

    def map(self, fn: Callable[[list], Any], batch: Sequence, progress: Progress | None = None,
            timings: Counter | None = None) -> list:
        """``fn`` over chunks of ``batch`` on the workers, results in order; items already
        failed pass through, items that kill a worker twice on their own come back failed."""
        items = list(batch)
        live = [i for i, item in enumerate(items) if not _is_failed(item)]
        todo = [items[i] for i in live]
        out = list(items)
        if not todo:
            return out
        results = self._guarded(fn, todo, progress, timings)
        for i, result in zip(live, results):
            out[i] = _mark_failed(items[i], result.reason) if isinstance(result, Killed) else result
        return out

    def _map(self, fn: Callable, items: list, progress: Progress | None, timings: Counter | None) -> list:
        pool = self._pool
        if pool is None:
            raise RuntimeError("the executor is closed")
        try:
            parts = chunks(items, _n_chunks(len(items), self.workers))
            futures = [pool.submit(fn, list(c)) for c in parts]
            results: list = []
            for part, future in zip(parts, futures):
                result = future.result()
                if isinstance(result, _Chunk):
                    if timings is not None:
                        timings.update(result.timings)
                    result = result.items
                results += result
                if progress is not None:
                    progress(len(part))
            return results
        except BrokenProcessPool as exc:
            exc.pool = pool  # type: ignore[attr-defined]
            raise

    def _restart(self, broken: ProcessPoolExecutor | None) -> None:
        """Replace the pool if it is still the broken one (another thread may have done it)."""
        if self._pool is broken and broken is not None:
            _kill(broken)
            self._pool = self._new_pool()
            self.restarts += 1

    def _guarded(self, fn: Callable, items: list, progress: Progress | None, timings: Counter | None) -> list:
        # progress counts once per item: a retried batch reports what was not yet reported
        reported = [0]

        def once(n: int) -> None:
            if progress is not None and reported[0] + n <= len(items):
                reported[0] += n
                progress(n)

        try:
            with self._gate.shared():
                return self._map(fn, items, once, timings)
        except BrokenProcessPool as exc:
            broken = getattr(exc, "pool", None)
        retry_progress = _Skip(once, reported[0])
        with self._gate.exclusive():
            self._restart(broken)
            try:
                return self._map(fn, items, retry_progress, timings)  # once more: the kill may have been another batch's
            except BrokenProcessPool as exc:
                self._restart(getattr(exc, "pool", None))
            out = self._isolate(fn, items, timings)
            if progress is not None and len(items) > reported[0]:
                progress(len(items) - reported[0])
            return out

    def _isolate(self, fn: Callable, items: list, timings: Counter | None) -> list:
        """Bisect ``items`` (which broke the pool twice); a lone item that breaks it is Killed."""
        if len(items) == 1:
            try:
                return self._map(fn, items, None, timings)
            except BrokenProcessPool as exc:
                self._restart(getattr(exc, "pool", None))
                return [Killed(KILLED_REASON)]
        mid = len(items) // 2
        out: list = []
        for half in (items[:mid], items[mid:]):
            try:
                out += self._map(fn, half, None, timings)
            except BrokenProcessPool as exc:
                self._restart(getattr(exc, "pool", None))
                out += self._isolate(fn, half, timings)
        return out

    def close(self, now: bool = False) -> None:
        """Shut the workers down; ``now``: kill them (Ctrl-C, a crash) instead of waiting."""
        if self._pool is not None:
            if now:
                _kill(self._pool)
            else:
                self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> ProcessExecutor:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        self.close(now=exc_type is not None)


class _Skip:
    """A progress callback that swallows the first ``n`` items (already reported)."""

    def __init__(self, progress: Progress, n: int) -> None:
        self.progress, self.left = progress, n

    def __call__(self, k: int) -> None:
        skip = min(self.left, k)
        self.left -= skip
        if k - skip:
            self.progress(k - skip)


def _preload_spec(steps: Sequence[Step]) -> str:
    """What the forkserver loads for these steps (see akhbar.worker_preload)."""
    for step in steps:
        if step.name == "entities":
            use_model, bilstm = getattr(step, "use_model", True), getattr(step, "bilstm", True)
            return "none" if not use_model else ("crf+bilstm" if bilstm else "crf")
    return ""


def _pool_context(steps: Sequence[Step]) -> multiprocessing.context.BaseContext:
    """Where workers come from.  Not plain fork: the parent runs Prefect's threads and event
    loop.  A forkserver (Linux, macOS) is a fresh, single-threaded process that loads the
    models once (akhbar.worker_preload) and forks each worker from itself, so the workers
    share the models' pages copy-on-write; each spawned worker loaded its own copy.  The
    forkserver serves the whole process: it is started by the first pool, with what that
    pool's steps need (a later pool with other steps loads the rest in its workers)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    from multiprocessing import forkserver

    from akhbar import worker_preload

    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload([worker_preload.__name__])
    before = os.environ.get(worker_preload.ENV)
    os.environ[worker_preload.ENV] = _preload_spec(steps)  # the forkserver inherits it when it starts
    try:
        forkserver.ensure_running()  # now, not at the first chunk: the models load while pass 2 starts
    finally:
        if before is None:
            os.environ.pop(worker_preload.ENV, None)
        else:
            os.environ[worker_preload.ENV] = before
    return ctx


def stop_forkserver() -> None:
    """Stop this process's forkserver, if one runs.  Once the last pool is closed it only
    holds the preloaded models (about 140 MB PSS on its own, no longer shared with workers)
    while the run's end steps work in the parent; a later pool starts a fresh one."""
    from multiprocessing import forkserver

    server = getattr(forkserver, "_forkserver", None)
    stop = getattr(server, "_stop", None)  # CPython's own (private) way to stop it
    if callable(stop) and getattr(server, "_forkserver_pid", None) is not None:
        with contextlib.suppress(OSError):
            stop()


def make_executor(workers: int, steps: Sequence[Step]) -> InProcessExecutor | ProcessExecutor:
    """A pool for ``workers > 1``, else the steps in this process."""
    return ProcessExecutor(workers, steps) if workers > 1 else InProcessExecutor(steps)


def _kill(pool: ProcessPoolExecutor) -> None:
    """Stop a pool at once: its workers are killed, queued work is dropped."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for proc in processes:
        with contextlib.suppress(Exception):
            proc.kill()
    with contextlib.suppress(Exception):
        pool.shutdown(wait=False, cancel_futures=True)
    for proc in processes:
        with contextlib.suppress(Exception):
            proc.join(timeout=5)
