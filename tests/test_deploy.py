"""The scheduling path a user follows in the README: a Prefect server, `akhbar serve`
with a cron schedule, and a run triggered with `prefect deployment run`."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SEEDS

BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str):
    with urllib.request.urlopen(url, timeout=5) as resp:
        return json.loads(resp.read())


def _wait(predicate, timeout: float, what: str):
    deadline = time.time() + timeout
    last = None
    while time.time() < deadline:
        try:
            result = predicate()
            if result:
                return result
        except Exception as exc:  # not up yet
            last = exc
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what} ({last})")


@pytest.mark.slow
def test_serve_with_cron_and_trigger_a_run(tmp_path: Path):
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env.update({"PREFECT_HOME": str(tmp_path / "prefect_home"), "PREFECT_API_URL": api})
    server_env = {**env}
    server_env.pop("PREFECT_API_URL")
    procs = []
    try:
        procs.append(subprocess.Popen(
            [str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port), "--analytics-off"],
            env=server_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True))
        _wait(lambda: _get(f"{api}/health") is True, 120, "the Prefect server")
        out = tmp_path / "out"
        procs.append(subprocess.Popen(
            [str(BIN / "akhbar"), "serve", "--input", str(SEEDS), "--output", str(out), "--cron", "0 6 * * *",
             "--name", "nightly", "--workers", "2"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True))
        deployment = _wait(lambda: _get(f"{api}/deployments/name/akhbar-run/nightly"), 120, "the deployment")
        assert [s["schedule"]["cron"] for s in deployment["schedules"]] == ["0 6 * * *"]
        assert deployment["parameters"]["input_path"] == str(SEEDS)
        assert deployment["parameters"]["workers"] == 2
        limit = deployment.get("global_concurrency_limit") or {}
        assert limit.get("limit", deployment.get("concurrency_limit")) == 1, "overlapping runs queue"
        options = deployment.get("concurrency_options") or {}
        assert options.get("collision_strategy", "ENQUEUE") == "ENQUEUE"
        run = subprocess.run([str(BIN / "prefect"), "deployment", "run", "akhbar-run/nightly", "--watch",
                              "--watch-timeout", "400"], env=env, capture_output=True, text=True, timeout=450)
        assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
        assert "COMPLETED" in (run.stdout + run.stderr).upper()
        con = duckdb.connect(str(out / "akhbar.duckdb"), read_only=True)
        assert con.execute("select count(*) from documents").fetchall() == [(5,)]
    finally:
        for p in reversed(procs):
            try:
                os.killpg(p.pid, signal.SIGTERM)
                p.wait(timeout=20)
            except Exception:
                os.killpg(p.pid, signal.SIGKILL)
