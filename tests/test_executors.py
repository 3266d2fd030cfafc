"""The pipeline's steps give the same documents whichever executor runs them, in one trip,
with every step timed and every document counted once by the progress callback."""

from __future__ import annotations

from akhbar.clean import build_line_stats
from akhbar.executors import InProcessExecutor, ProcessExecutor, chunks
from akhbar.ingest import ingest_inputs, iter_inputs
from akhbar.pipeline import DocState
from akhbar.steps import STEP_NAMES, build_steps, run_steps
from tests.conftest import SEEDS


def _seed_states() -> tuple[list[DocState], object]:
    docs, rejects = ingest_inputs(list(iter_inputs(SEEDS)))
    assert not rejects and len(docs) == 5
    return [DocState(doc_id, raw) for doc_id, raw in docs], build_line_stats(d for _, d in docs).prune()


def _digest(states: list[DocState]) -> list:
    return [(s.doc_id, s.clean.title, s.clean.clean_text, [(i, m.start, m.end, m.label, m.entity_id) for i, m in s.mentions],
             [(i, f.start, f.end, f.value, f.unit) for i, f in s.figures], [(q.start, q.end, q.speaker) for q in s.quotes])
            for s in states]


def test_the_steps_in_order_and_their_names():
    steps = build_steps(None)
    assert [s.name for s in steps] == list(STEP_NAMES) == ["clean", "split", "figures", "entities", "quotes"]


def test_in_process_and_process_pool_give_the_same_documents():
    states, stats = _seed_states()
    steps = build_steps(stats, use_model=True, bilstm=True)
    reference = _digest(run_steps(steps, _seed_states()[0]))
    assert sum(len(d[3]) for d in reference) > 50 and sum(len(d[4]) for d in reference) > 10, "real work was done"

    seen: list[int] = []
    local, local_times = InProcessExecutor(steps).run(states, seen.append)
    assert _digest(local) == reference
    assert sum(seen) == 5 and set(local_times) == set(STEP_NAMES)

    seen = []
    with ProcessExecutor(2, steps) as pool:
        pooled, pooled_times = pool.run(_seed_states()[0], seen.append)
    assert _digest(pooled) == reference, "the worker processes run the same steps"
    assert sum(seen) == 5 and len(seen) >= 2, "progress per chunk, each document once"
    assert set(pooled_times) == set(STEP_NAMES) and all(v > 0 for v in pooled_times.values())


def test_failed_documents_pass_through_untouched():
    states, stats = _seed_states()
    states[2].failure = "killed twice"
    out, _ = InProcessExecutor(build_steps(stats, use_model=False)).run(states)
    assert [s.doc_id for s in out] == [s.doc_id for s in states]
    assert out[2].clean is None and out[2].failure == "killed twice"
    assert all(s.clean is not None for i, s in enumerate(out) if i != 2)


def test_chunks_are_contiguous_and_cover_everything():
    items = list(range(101))
    parts = chunks(items, 4)
    assert [x for p in parts for x in p] == items and len(parts) == 4
    assert max(map(len, parts)) - min(map(len, parts)) <= 1


_PRELOAD_SCRIPT = """
from akhbar.executors import ProcessExecutor
from akhbar.steps import build_steps
from tests import _killer
with ProcessExecutor(2, build_steps(None, use_model=True, bilstm=True)) as pool:
    print(*pool.map(_killer.what_was_loaded, [1, 2, 3, 4])[0], flush=True)
"""


def test_workers_find_the_models_loaded_by_the_forkserver():
    """The workers fork from a forkserver that ran the steps once (akhbar.worker_preload):
    the BiLSTM is loaded and the loaded objects are frozen before a worker runs anything.
    In a fresh process: the forkserver is one per process, started by the first pool."""
    import multiprocessing
    import subprocess
    import sys

    import pytest

    if "forkserver" not in multiprocessing.get_all_start_methods():
        pytest.skip("no forkserver on this platform")
    out = subprocess.run([sys.executable, "-c", _PRELOAD_SCRIPT], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    frozen, neural = map(int, out.stdout.split())
    assert frozen > 10_000 and neural == 1
