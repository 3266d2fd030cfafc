"""Runs as a user has them: reruns, new files, bad inputs, a killed run, the command line."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SEEDS, run_cli

TABLE_KEYS = {
    "documents": "doc_id",
    "sentences": "doc_id, sentence_idx",
    "entities": "doc_id, start_char, end_char",
    "figures": "doc_id, start_char, end_char",
    "boilerplate": "doc_id, line_no",
    "rejects": "reject_id",
}


def _counts(out: Path) -> dict[str, tuple[int, int]]:
    """(rows, distinct keys) per table, read straight from the Delta tables' latest commits."""
    from akhbar.catalog import load_delta

    con = duckdb.connect()
    load_delta(con)
    result = {}
    for table, key in TABLE_KEYS.items():
        if not (out / "tables" / table / "_delta_log").is_dir():
            result[table] = (0, 0)
            continue
        result[table] = con.execute(
            f"select count(*), count(distinct ({key})) from delta_scan('{out / 'tables' / table}')").fetchall()[0]
    return result


def _run(inp: Path, out: Path, **kw) -> dict:
    from akhbar.flows.akhbar_flow import akhbar_run

    return akhbar_run(input_path=str(inp), output_dir=str(out), **kw)


def _synthetic_corpus(folder: Path, n: int, seed: int = 7) -> None:
    """n distinct articles built from the seed paragraphs (shuffled, numbered)."""
    rng = random.Random(seed)
    paragraphs = []
    for f in sorted(SEEDS.glob("*.txt")):
        lines = [l.strip() for l in f.read_text(encoding="utf-8").split("\n") if len(l.split()) > 12]
        paragraphs += lines
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "export.jsonl", "w", encoding="utf-8") as fh:
        for i in range(n):
            body = rng.sample(paragraphs, 4)
            rec = {"title": f"تقرير رقم {i} عن الحرب في أوكرانيا", "content": "\n".join(body) + f"\nانتهى التقرير {i}.",
                   "source": f"outlet{i % 3}", "url": f"https://outlet{i % 3}.example/{i}"}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def test_rerun_is_idempotent_and_new_files_add_only_their_rows(tmp_path: Path, prefect_harness):
    inp, out = tmp_path / "in", tmp_path / "out"
    shutil.copytree(SEEDS, inp)
    new = inp / "004_9ec23b553c2d35f7.txt"
    held_back = new.read_text(encoding="utf-8")
    new.unlink()
    first = _run(inp, out)
    assert first["documents"] == 4
    before = _counts(out)
    again = _run(inp, out)
    assert again["documents"] == 0 and again["unchanged"] == 4
    assert _counts(out) == before, "a rerun changes nothing"
    new.write_text(held_back, encoding="utf-8")
    third = _run(inp, out)
    assert third["documents"] == 1 and third["unchanged"] == 4
    after = _counts(out)
    assert after["documents"] == (5, 5)
    for table, (rows, distinct) in after.items():
        assert rows == distinct, f"duplicates in {table}"
    con = duckdb.connect(str(out / "akhbar.duckdb"), read_only=True)
    assert con.execute("select count(*), count(*) filter (status = 'completed') from runs").fetchall() == [(3, 3)]


def test_bad_inputs_are_rejects_and_the_run_goes_on(tmp_path: Path, prefect_harness):
    inp, out = tmp_path / "in", tmp_path / "out"
    inp.mkdir()
    seed = (SEEDS / "000_a09b7958db38c890.txt").read_text(encoding="utf-8")
    (inp / "good.txt").write_text(seed, encoding="utf-8")
    (inp / "windows.txt").write_bytes(seed.replace("روته", "مارك روته").encode("cp1256"))
    (inp / "empty.txt").write_bytes(b"")
    (inp / "junk.html").write_bytes(os.urandom(3000))
    (inp / "cut.json").write_text('[{"title": "خبر", "content": "نص مقطوع', encoding="utf-8")
    (inp / "nav.html").write_text("<html><body><nav>الرئيسية | أخبار</nav></body></html>", encoding="utf-8")
    (inp / "boiler.txt").write_text("عنوان قصير\nاترك تعليقاً\nزر الذهاب إلى الأعلى\n", encoding="utf-8")
    summary = _run(inp, out)
    assert summary["documents"] == 2
    con = duckdb.connect(str(out / "akhbar.duckdb"), read_only=True)
    reasons = dict(con.execute("select regexp_extract(source, '[^/]+$'), reason from rejects").fetchall())
    assert "empty input" in reasons["empty.txt"]
    assert "binary" in reasons["junk.html"] or "undecodable" in reasons["junk.html"]
    assert "truncated or invalid JSON" in reasons["cut.json#0"]
    assert "no article text" in reasons["nav.html"]
    assert reasons["boiler.txt"] == "no text left after cleaning (2 of its 3 lines removed as boilerplate)", \
        "all-boilerplate document quarantined, saying why"
    n_rejects = con.execute("select count(*) from rejects").fetchall()[0][0]
    # 4 unreadable inputs + the all-boilerplate document + its 2 audit rows, rejected with it
    assert n_rejects == 7
    con.close()
    _run(inp, out)
    con = duckdb.connect(str(out / "akhbar.duckdb"), read_only=True)
    assert con.execute("select count(*) from rejects").fetchall() == [(n_rejects,)], "rerun adds no reject twice"


def test_killed_run_leaves_output_readable_and_next_run_completes_it(tmp_path: Path, prefect_harness):
    inp, out = tmp_path / "in", tmp_path / "out"
    shutil.copytree(SEEDS, inp)
    _run(inp, out)  # the previous output analysts are using
    _synthetic_corpus(inp, 150)
    env = {**os.environ}
    env.pop("PREFECT_API_URL", None)  # the child starts its own temporary Prefect server
    exe = Path(sys.executable).parent / "akhbar"
    proc = subprocess.Popen([str(exe), "run", "--input", str(inp), "--output", str(out), "--batch-size", "10",
                             "--quiet"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    log = out / "tables" / "documents" / "_delta_log"
    deadline = time.time() + 300
    while time.time() < deadline and len(list(log.glob("*.json"))) < 4:  # 1 commit before + 3 batches
        assert proc.poll() is None, "the run ended before it could be killed"
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    stored = _counts(out)["documents"]
    assert stored[0] == stored[1] and 5 < stored[0] < 155, "killed half-way"
    # the previous output stays readable: the views show the last completed run's snapshot
    con = duckdb.connect(str(out / "akhbar.duckdb"), read_only=True)
    assert con.execute("select count(*), count(distinct doc_id) from documents").fetchall() == [(5, 5)]
    assert con.execute("select count(*) from sentences where doc_id not in (select doc_id from documents)"
                       ).fetchall() == [(0,)]
    con.close()
    summary = _run(inp, out)
    assert summary["unchanged"] == stored[0]
    final = _counts(out)
    assert final["documents"] == (155, 155), "nothing lost"
    for table, (rows, distinct) in final.items():
        assert rows == distinct, f"duplicates in {table} after the kill"
    con = duckdb.connect(str(out / "akhbar.duckdb"), read_only=True)
    statuses = sorted(s for (s,) in con.execute("select status from runs").fetchall())
    assert statuses == ["completed", "completed", "failed"], "the killed run is marked failed by the next run"
    orphans = con.execute("select count(*) from sentences where doc_id not in (select doc_id from documents)").fetchall()
    assert orphans == [(0,)]


def test_command_line_run_sql_and_duckdb_shell(tmp_path: Path):
    out = tmp_path / "out"
    res = run_cli("run", "--input", str(SEEDS / "001_4fb4680f70c0b9ac.txt"), "--output", str(out))
    assert res.returncode == 0, res.stderr[-3000:]
    assert "documents written" in res.stdout and "boilerplate lines removed" in res.stdout
    res = run_cli("sql", "--output", str(out), "select label, count(*) as n from entities group by 1 order by 1")
    assert res.returncode == 0, res.stderr
    assert "PER" in res.stdout and "LOC" in res.stdout
    res = run_cli("sql", "--output", str(out), "--format", "csv", "select title from documents")
    assert res.stdout.splitlines() == ["title", "التعاون العسكري بين روسيا وكوريا الشمالية: تهديدات جديدة تواجه العالم"]
    res = run_cli("sql", "--output", str(out), "select nonsense from nowhere")
    assert res.returncode == 1 and "nowhere" in res.stderr
    duck = shutil.which("duckdb", path=str(Path(sys.executable).parent))
    shell = subprocess.run([duck, str(out / "akhbar.duckdb"), "-readonly", "-csv", "-c",
                            "LOAD delta; LOAD fts; select count(*) from documents; select count(*) from search('الروسية');"],
                           capture_output=True, text=True, timeout=60)
    assert shell.returncode == 0, shell.stderr
    assert shell.stdout.split() == ["count_star()", "1", "count_star()", "1"]
