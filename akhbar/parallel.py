"""Run the CPU-heavy stages of a batch on several processes.

The stages are pure Python (the GIL makes threads useless for them), so a batch is cut
into contiguous chunks that worker processes handle; results come back in order.
Each worker receives the run's constants (cross-document line statistics, whether to
load the NER model) once, when it starts, instead of with every chunk.

With ``workers <= 1`` everything runs in the calling process: that is what a Dask
worker does (the cluster provides the parallelism) and what tests use.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

from akhbar import pipeline
from akhbar.clean import LineStats

T = TypeVar("T")

_STATS: LineStats | None = None
_USE_MODEL = True
_BILSTM = True


def _init_worker(stats: LineStats | None, use_model: bool, bilstm: bool = True) -> None:
    global _STATS, _USE_MODEL, _BILSTM
    _STATS, _USE_MODEL, _BILSTM = stats, use_model, bilstm
    os.environ.setdefault("OMP_NUM_THREADS", "1")


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


class StagePool:
    """A pool of worker processes for one run (or in-process when ``workers <= 1``)."""

    def __init__(self, workers: int, stats: LineStats | None, use_model: bool, bilstm: bool = True) -> None:
        self.workers = max(1, workers)
        _init_worker(stats, use_model, bilstm)  # the in-process path uses the same constants
        self._pool: ProcessPoolExecutor | None = None
        if self.workers > 1:
            # spawn, not fork: the parent runs Prefect's threads and event loop
            ctx = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=_init_worker,
                                             initargs=(stats, use_model, bilstm))

    def run(self, stage: str, batch: Sequence) -> list:
        fn = STAGES[stage]
        if self._pool is None or len(batch) < 2:
            return fn(list(batch))
        results = self._pool.map(fn, [list(c) for c in chunks(batch, self.workers * 2)])
        return [item for part in results for item in part]

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> StagePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
