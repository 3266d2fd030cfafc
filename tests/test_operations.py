"""The command line as operators meet it: one-line errors with their own exit codes,
Ctrl-C, killed runs that leave nothing behind, progress in the Prefect logs."""

from __future__ import annotations

import json
import logging
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from akhbar.errors import (EXIT_INPUT_MISSING, EXIT_INTERRUPTED, EXIT_NO_INPUTS, EXIT_OUTPUT_LOCKED,
                           EXIT_OUTPUT_UNUSABLE)
from akhbar.store import Store
from tests.conftest import SEEDS, run_cli

BIN = Path(sys.executable).parent
SEED = (SEEDS / "000_a09b7958db38c890.txt").read_text(encoding="utf-8")


def _one_line_error(res: subprocess.CompletedProcess, code: int, *words: str) -> str:
    lines = [line for line in res.stderr.splitlines() if line.strip()]
    assert res.returncode == code, res.stderr[-3000:]
    assert len(lines) == 1, res.stderr[-3000:]
    assert lines[0].startswith("akhbar: error: ")
    for word in words:
        assert word in lines[0]
    return lines[0]


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_errors_are_one_line_with_their_own_exit_code(tmp_path: Path):
    good = tmp_path / "in"
    good.mkdir()
    (good / "a.txt").write_text(SEED, encoding="utf-8")
    # nothing to read
    empty = tmp_path / "empty"
    (empty / "sub").mkdir(parents=True)
    (empty / "notes.csv").write_text("a,b\n", encoding="utf-8")
    res = run_cli("run", "--input", str(empty), "--output", str(tmp_path / "o1"))
    _one_line_error(res, EXIT_NO_INPUTS, "no supported input files")
    assert not (tmp_path / "o1").exists(), "nothing written"
    res = run_cli("run", "--input", str(tmp_path / "missing"), "--output", str(tmp_path / "o1"))
    _one_line_error(res, EXIT_INPUT_MISSING, "does not exist")
    # a folder akhbar did not make: refused, nothing in it touched
    mine = tmp_path / "mine"
    for rel, data in {"report.html": b"<p>my report</p>", "parquet/sales/version=2023/part-0.parquet": b"PAR1",
                      "draft.tmp": b"x", "parquet/part-7.parquet": b"y"}.items():
        (mine / rel).parent.mkdir(parents=True, exist_ok=True)
        (mine / rel).write_bytes(data)
    before = _tree(mine)
    res = run_cli("run", "--input", str(good), "--output", str(mine))
    _one_line_error(res, EXIT_OUTPUT_UNUSABLE, "not made by akhbar")
    assert _tree(mine) == before and sorted(p.name for p in mine.iterdir()) == sorted(
        ["report.html", "parquet", "draft.tmp"])
    # an output that cannot be written: under a file
    res = run_cli("run", "--input", str(good), "--output", str(mine / "report.html" / "out"))
    _one_line_error(res, EXIT_OUTPUT_UNUSABLE, "cannot write")
    # another run holds the output
    locked = tmp_path / "locked"
    store = Store(locked)
    from akhbar.outdir import claim_output

    claim_output(locked)
    with store.lock():
        res = run_cli("run", "--input", str(good), "--output", str(locked))
        _one_line_error(res, EXIT_OUTPUT_LOCKED, "another akhbar run")
        res = run_cli("refresh", "--output", str(locked))
        # refresh of a folder with no tables yet is refused before it looks at the lock
        _one_line_error(res, EXIT_OUTPUT_UNUSABLE, "no akhbar output")
        (locked / "tables").mkdir()
        res = run_cli("refresh", "--output", str(locked))
        _one_line_error(res, EXIT_OUTPUT_LOCKED, "another akhbar run")
    res = run_cli("serve", "--input", str(tmp_path / "missing"), "--output", str(tmp_path / "o2"))
    _one_line_error(res, EXIT_INPUT_MISSING, "does not exist")


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def test_the_flow_logs_progress_per_batch_at_info(tmp_path: Path, prefect_harness):
    from akhbar.flows.akhbar_flow import akhbar_run

    inp = tmp_path / "in"
    inp.mkdir()
    for i, f in enumerate(sorted(SEEDS.glob("*.txt"))[:3]):
        (inp / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    run_logger = logging.getLogger("prefect.flow_runs")  # what the API handler sends to the UI
    assert run_logger.getEffectiveLevel() <= logging.INFO, "the UI gets INFO logs"
    records = _Records()
    run_logger.addHandler(records)
    try:
        akhbar_run(input_path=str(inp), output_dir=str(tmp_path / "out"), batch_size=2, workers=1)
    finally:
        run_logger.removeHandler(records)
    batches = [m for m in records.messages if m.startswith("batch ")]
    assert len(batches) == 2, batches
    assert "3 of 3 inputs done" in batches[-1] and "documents written" in batches[0]
    from prefect.artifacts import Artifact

    summary = Artifact.get("akhbar-run-summary")  # what the UI shows for the run
    assert summary is not None and "| documents | 3 |" in summary.data
    assert "file://" not in summary.data and str(tmp_path / "out" / "report.html") in summary.data


def _corpus(folder: Path, n: int) -> None:
    rng = random.Random(3)
    paragraphs = [line.strip() for f in sorted(SEEDS.glob("*.txt"))
                  for line in f.read_text(encoding="utf-8").split("\n") if len(line.split()) > 12]
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "export.jsonl", "w", encoding="utf-8") as fh:
        for i in range(n):
            rec = {"title": f"تقرير رقم {i}", "content": "\n".join(rng.sample(paragraphs, 4)) + f"\nانتهى التقرير {i}.",
                   "source": f"outlet{i % 3}"}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def _start_run(inp: Path, out: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}  # its own temporary server
    return subprocess.Popen([str(BIN / "akhbar"), "run", "--input", str(inp), "--output", str(out), "--batch-size",
                             "10", "--quiet", "--workers", "2"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def _wait_for_parts(proc: subprocess.Popen, out: Path, n: int) -> None:
    deadline = time.time() + 400
    # each batch is one Delta commit of `documents`
    while time.time() < deadline and len(list((out / "tables" / "documents" / "_delta_log").glob("*.json"))) < n:
        assert proc.poll() is None, proc.communicate()[1][-3000:]
        time.sleep(0.05)


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        for task in Path(f"/proc/{p}/task").glob("*"):
            try:
                kids = [int(k) for k in (task / "children").read_text().split()]
            except OSError:
                kids = []
            out += kids
            todo += kids
    return out


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.slow
def test_ctrl_c_stops_a_run_within_seconds_and_a_rerun_completes_it(tmp_path: Path, prefect_harness):
    inp, out = tmp_path / "in", tmp_path / "out"
    _corpus(inp, 300)
    proc = _start_run(inp, out)
    try:
        _wait_for_parts(proc, out, 2)
        t0 = time.time()
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
        _, stderr = proc.communicate(timeout=30)
        elapsed = time.time() - t0
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert elapsed < 10, f"took {elapsed:.1f} s"
    assert proc.returncode == EXIT_INTERRUPTED
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "interrupted" in lines[0] and "run the same command again" in lines[0], stderr
    from akhbar.flows.akhbar_flow import akhbar_run

    summary = akhbar_run(input_path=str(inp), output_dir=str(out), batch_size=50)
    assert summary["unchanged"] >= 10 and summary["unchanged"] + summary["documents"] == 300
    con = duckdb.connect(str(out / "akhbar.duckdb"), read_only=True)
    assert con.execute("select count(*), count(distinct doc_id) from documents").fetchall() == [(300, 300)]
    assert sorted(s for (s,) in con.execute("select status from runs").fetchall()) == ["completed", "failed"]


@pytest.mark.slow
def test_a_killed_run_leaves_no_server_and_no_workers_behind(tmp_path: Path):
    inp, out = tmp_path / "in", tmp_path / "out"
    _corpus(inp, 300)
    proc = _start_run(inp, out)
    try:
        _wait_for_parts(proc, out, 2)
        children = _descendants(proc.pid)
        assert len(children) >= 3, "the temporary API server and two workers"
        os.kill(proc.pid, signal.SIGKILL)  # the process alone, as the out-of-memory killer does
        proc.wait()
        deadline = time.time() + 20
        while time.time() < deadline and any(_alive(c) for c in children):
            time.sleep(0.2)
        left = [Path(f"/proc/{c}/cmdline").read_bytes().replace(b"\0", b" ")[:120] for c in children if _alive(c)]
        assert not left, left
    finally:
        for c in _descendants(proc.pid):
            os.kill(c, signal.SIGKILL)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)


def test_refresh_rebuilds_the_views_of_a_delta_output(seeds_output: Path):
    res = run_cli("refresh", "--output", str(seeds_output))
    assert res.returncode == 0, res.stderr[-2000:]
    con = duckdb.connect(str(seeds_output / "akhbar.duckdb"), read_only=True)
    assert con.execute("select count(*) from documents").fetchall() == [(5,)]
    con.close()
