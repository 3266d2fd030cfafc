"""Stage functions for the worker-pool tests: they kill their own worker process, as
the kernel's out-of-memory killer would.  A module of their own, so that spawned
workers import it without importing the test modules."""

from __future__ import annotations

import os
import signal
from pathlib import Path


def kill_on_poison(states):
    """Process a chunk; a document whose text says POISON kills its worker every time."""
    for st in states:
        if "POISON" in st.raw.raw_text:
            os.kill(os.getpid(), signal.SIGKILL)
    for st in states:
        st.failure = None
        st.sentences = []
    return [(st.doc_id, "done") for st in states]


def kill_once(states):
    """The first call kills its worker (a flag file records it); later calls work."""
    flag = Path(os.environ["AKHBAR_TEST_KILL_FLAG"])
    if not flag.exists():
        flag.write_text("killed")
        os.kill(os.getpid(), signal.SIGKILL)
    return [(st.doc_id, "done") for st in states]


def what_was_loaded(items):
    """Per item: (the garbage collector's frozen objects, BiLSTM weights loaded), as a fresh
    worker finds them before it has run any step (tests of the forkserver's preload)."""
    import gc

    from akhbar.entities import model

    return [(gc.get_freeze_count(), model._load_neural.cache_info().currsize) for _ in items]
