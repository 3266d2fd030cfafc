"""Process lifetime of ``akhbar run``: Ctrl-C ends the run at once, and nothing it started
outlives it (the worker processes, Prefect's temporary API server).

* Ctrl-C: the handler prints one line, kills the worker processes and the temporary
  server, and exits 130 without waiting for Prefect's clean-up (which talks to a server
  that the same Ctrl-C has stopped, and would retry for minutes).  Nothing is lost: the
  batches already stored are committed, a half-written one is repaired by the next run,
  which marks this run ``failed`` and completes the work.
* SIGKILL (an out-of-memory kill): the temporary server is started with
  ``prctl(PR_SET_PDEATHSIG)`` from the main thread, so the kernel stops it when the
  process dies; worker processes watch their parent (akhbar.executors).
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import subprocess
import sys
from collections.abc import Callable

PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:  # runs in the child between fork and exec
    with contextlib.suppress(Exception):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)


def start_local_api() -> None:
    """Start Prefect's temporary API server now, from this (main) thread, tied to this
    process's life.  Nothing to do when PREFECT_API_URL points at a real server."""
    if os.environ.get("PREFECT_API_URL") or not sys.platform.startswith("linux"):
        return
    from prefect.server.api import server as api_server

    real_popen = subprocess.Popen

    class _Popen(real_popen):  # type: ignore[misc, valid-type]
        def __init__(self, *args, **kwargs) -> None:
            kwargs.setdefault("preexec_fn", _die_with_parent)
            super().__init__(*args, **kwargs)

    server = api_server.SubprocessASGIServer()
    subprocess.Popen = _Popen  # type: ignore[misc]
    try:
        server.start(timeout=int(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")))
    finally:
        subprocess.Popen = real_popen  # type: ignore[misc]


def stop_everything() -> None:
    """Kill the worker processes and the temporary API server of this process, now."""
    for child in multiprocessing.active_children():
        with contextlib.suppress(Exception):
            child.kill()
    with contextlib.suppress(Exception):  # its clean-up would warn about the workers' semaphores
        from multiprocessing import resource_tracker

        pid = resource_tracker._resource_tracker._pid
        if pid:
            os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(Exception):
        from prefect.server.api import server as api_server

        for server in list(api_server.SubprocessASGIServer._instances.values()):
            if server.server_process is not None:
                server.server_process.kill()


def on_interrupt(say: Callable[[], None], exit_code: int) -> None:
    """Ctrl-C: ``say`` one line, stop everything this run started, exit ``exit_code``."""

    def handler(signum, frame) -> None:  # noqa: ARG001
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C does not interrupt the exit
        with contextlib.suppress(Exception):
            say()
            sys.stderr.flush()
        stop_everything()
        os._exit(exit_code)

    signal.signal(signal.SIGINT, handler)
