"""Run the CPU-heavy stages of a batch on several processes.

The stages are pure Python (the GIL makes threads useless for them), so a batch is cut
into contiguous chunks that worker processes handle; results come back in order.
Each worker receives the run's constants (cross-document line statistics, whether to
load the NER model) once, when it starts, instead of with every chunk.

With ``workers <= 1`` everything runs in the calling process: that is what a Dask
worker does (the cluster provides the parallelism) and what tests use.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from akhbar import pipeline
from akhbar.clean import LineStats
from akhbar.models import RawDocument

T = TypeVar("T")

_STATS: LineStats | None = None
_USE_MODEL = True
_BILSTM = True


def _init_worker(stats: LineStats | None, use_model: bool, bilstm: bool = True, watch_parent: bool | int = True) -> None:
    """``watch_parent``: the parent's pid (given by the parent: a worker that starts after its
    parent died must not take its new parent, init, for it), or True for ``os.getppid()``."""
    global _STATS, _USE_MODEL, _BILSTM
    _STATS, _USE_MODEL, _BILSTM = stats, use_model, bilstm
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    if watch_parent:
        # Ctrl-C reaches the whole process group: the parent decides, workers do not print tracebacks
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        parent = watch_parent if watch_parent is not True else os.getppid()
        if os.getppid() != parent:
            os._exit(1)
        _watch_parent(parent)


def _watch_parent(parent: int, every: float = 1.0) -> None:
    """Exit when the parent process is gone (it was killed): no orphaned workers.

    (``prctl(PR_SET_PDEATHSIG)`` would fire when the parent *thread* that started the
    worker ends, and workers are started from Prefect's task threads: polled instead.)"""

    def watch() -> None:
        while True:
            time.sleep(every)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="akhbar-parent-watch", daemon=True).start()


def _clean(docs):
    return pipeline.clean_batch(docs, _STATS)


def _split(states):
    return pipeline.split_batch(states)


def _extract(states):
    return pipeline.extract_batch(states, use_model=_USE_MODEL, bilstm=_BILSTM)


def _process(docs):
    """clean → split → extract in one trip to the worker (fewer copies of the text)."""
    return _extract(_split(_clean(docs)))


STAGES: dict[str, Callable[[Any], list]] = {"clean": _clean, "split": _split, "extract": _extract,
                                            "process": _process}


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


class Killed:
    """The result for an item that kills its worker process on its own (e.g. out of memory)."""

    __slots__ = ("reason",)

    def __init__(self, reason: str) -> None:
        self.reason = reason


KILLED_REASON = "worker process killed while processing this document (out of memory?), twice"


def _mark_failed(item: Any, reason: str) -> Any:
    """A stage's item that could not be processed: its DocState carries the reason."""
    if isinstance(item, pipeline.DocState):
        item.failure = reason
        return item
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], RawDocument):
        return pipeline.DocState(item[0], item[1], failure=reason)
    return Killed(reason)


def _is_failed(item: Any) -> bool:
    return isinstance(item, pipeline.DocState) and item.failure is not None


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


class StagePool:
    """A pool of worker processes for one run (or in-process when ``workers <= 1``).

    A worker that dies (killed by the kernel's out-of-memory killer, say) breaks a
    :class:`ProcessPoolExecutor` for good; the pool is then recreated and the batch
    tried again.  A batch that breaks it a second time is cut in halves until the
    documents that kill a worker on their own are found: they come back marked failed
    (``DocState.failure``) and the rest of the batch is processed.
    """

    def __init__(self, workers: int, stats: LineStats | None, use_model: bool, bilstm: bool = True) -> None:
        self.workers = max(1, workers)
        _init_worker(stats, use_model, bilstm, watch_parent=False)  # the in-process path uses the same constants
        self._initargs = (stats, use_model, bilstm)
        self._gate = _Gate()
        self.restarts = 0
        self._pool: ProcessPoolExecutor | None = self._new_pool() if self.workers > 1 else None

    def _new_pool(self) -> ProcessPoolExecutor:
        # spawn, not fork: the parent runs Prefect's threads and event loop
        ctx = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=_init_worker,
                                   initargs=(*self._initargs, os.getpid()))

    def _restart(self, broken: ProcessPoolExecutor | None) -> None:
        """Replace the pool if it is still the broken one (another thread may have done it)."""
        if self._pool is broken and broken is not None:
            _kill(broken)
            self._pool = self._new_pool()
            self.restarts += 1

    def _map(self, fn: Callable, items: list) -> tuple[list, ProcessPoolExecutor | None]:
        pool = self._pool
        if pool is None:
            raise RuntimeError("the stage pool is closed")
        try:
            parts = pool.map(fn, [list(c) for c in chunks(items, self.workers * 2)])
            return [item for part in parts for item in part], pool
        except BrokenProcessPool as exc:
            exc.pool = pool  # type: ignore[attr-defined]
            raise

    def run(self, stage: str | Callable, batch: Sequence) -> list:
        """``stage`` over ``batch``, results in order; items already failed pass through."""
        fn = STAGES[stage] if isinstance(stage, str) else stage
        items = list(batch)
        live = [i for i, item in enumerate(items) if not _is_failed(item)]
        todo = [items[i] for i in live]
        if not todo:
            return items
        if self._pool is None or len(todo) < 2:
            results = fn(todo)
        else:
            results = self._run_guarded(fn, todo)
        out = list(items)
        for i, result in zip(live, results):
            out[i] = _mark_failed(items[i], result.reason) if isinstance(result, Killed) else result
        return out

    def _run_guarded(self, fn: Callable, items: list) -> list:
        try:
            with self._gate.shared():
                return self._map(fn, items)[0]
        except BrokenProcessPool as exc:
            broken = getattr(exc, "pool", None)
        with self._gate.exclusive():
            self._restart(broken)
            try:
                return self._map(fn, items)[0]  # once more: the kill may have been another batch's
            except BrokenProcessPool as exc:
                self._restart(getattr(exc, "pool", None))
            return self._isolate(fn, items)

    def _isolate(self, fn: Callable, items: list) -> list:
        """Bisect ``items`` (which broke the pool twice); a lone item that breaks it is Killed."""
        if len(items) == 1:
            try:
                return self._map(fn, items)[0]
            except BrokenProcessPool as exc:
                self._restart(getattr(exc, "pool", None))
                return [Killed(KILLED_REASON)]
        mid = len(items) // 2
        out: list = []
        for half in (items[:mid], items[mid:]):
            try:
                out += self._map(fn, half)[0]
            except BrokenProcessPool as exc:
                self._restart(getattr(exc, "pool", None))
                out += self._isolate(fn, half)
        return out

    def close(self, now: bool = False) -> None:
        """Shut the workers down; ``now``: kill them (Ctrl-C, a crash) instead of waiting."""
        if self._pool is not None:
            if now:
                _kill(self._pool)
            else:
                self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> StagePool:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        self.close(now=exc_type is not None)


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
