"""The pipeline as a list of named steps over a batch of documents.

A step is a small picklable object with a ``name`` and a ``__call__`` that takes the
batch of :class:`~akhbar.pipeline.DocState` produced by the previous step and returns
it with its own part filled in (as datatrove's pipeline steps do).  What a step needs
for the whole run (the cross-document line statistics, the NER switches) it receives
once, when it is built: :func:`build_steps` is the one place that turns the run's
settings into steps, so the switches reach the stages one way only.

Executors (``akhbar.executors``) decide *where* the steps run: in this process, on a
pool of worker processes, or on a Dask worker.  Steps know nothing of them.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from akhbar import pipeline
from akhbar.clean import LineStats
from akhbar.pipeline import DocState


class Step(Protocol):
    name: str

    def __call__(self, batch: list[DocState]) -> list[DocState]: ...


@dataclass(frozen=True)
class Clean:
    """Boilerplate out, title and metadata found (``DocState.clean``)."""

    stats: LineStats | None = None
    name: str = "clean"

    def __call__(self, batch: list[DocState]) -> list[DocState]:
        return pipeline.clean_states(batch, self.stats)


@dataclass(frozen=True)
class Split:
    """Sentences of the clean text."""

    name: str = "split"

    def __call__(self, batch: list[DocState]) -> list[DocState]:
        return pipeline.split_batch(batch)


@dataclass(frozen=True)
class Figures:
    """Numbers, amounts, dates and their qualifiers, per sentence."""

    name: str = "figures"

    def __call__(self, batch: list[DocState]) -> list[DocState]:
        return pipeline.extract_figures_batch(batch)


@dataclass(frozen=True)
class Entities:
    """PER/ORG/LOC mentions with their entity ids (the whole batch tagged in one pass)."""

    use_model: bool = True
    bilstm: bool = True
    name: str = "entities"

    def __call__(self, batch: list[DocState]) -> list[DocState]:
        return pipeline.extract_entities_batch(batch, use_model=self.use_model, bilstm=self.bilstm)


@dataclass(frozen=True)
class Quotes:
    """Reported statements and their speakers (needs the entities)."""

    name: str = "quotes"

    def __call__(self, batch: list[DocState]) -> list[DocState]:
        return pipeline.extract_quotes_batch(batch)


def build_steps(stats: LineStats | None, use_model: bool = True, bilstm: bool = True) -> tuple[Step, ...]:
    """The pipeline, in order: clean → split → figures → entities → quotes."""
    return (Clean(stats), Split(), Figures(), Entities(use_model, bilstm), Quotes())


STEP_NAMES: tuple[str, ...] = tuple(s.name for s in build_steps(None))


def run_steps(steps: Sequence[Step], batch: list[DocState], timings: Counter | None = None,
              clock: Callable[[], float] = time.perf_counter) -> list[DocState]:
    """Every step over ``batch`` in order; seconds per step are added to ``timings``."""
    for step in steps:
        t0 = clock()
        batch = step(batch)
        if timings is not None:
            timings[step.name] += clock() - t0
    return batch
