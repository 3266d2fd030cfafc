"""Faults and hostile inputs: each gets a clear outcome, nothing hangs, nothing is lost."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from akhbar import pipeline
from akhbar.store import Store
from tests.conftest import SEEDS

SEED = (SEEDS / "000_a09b7958db38c890.txt").read_text(encoding="utf-8")


def _run(inp: Path, out: Path, **kw) -> dict:
    from akhbar.flows.akhbar_flow import akhbar_run

    return akhbar_run(input_path=str(inp), output_dir=str(out), **kw)


def _reasons(out: Path) -> dict[str, str]:
    con = duckdb.connect(str(out / "akhbar.duckdb"), read_only=True)
    rows = con.execute("select regexp_extract(source, '[^/]+$'), reason from rejects").fetchall()
    con.close()
    return dict(rows)


def test_a_batch_that_keeps_failing_is_retried_then_quarantined(tmp_path: Path, prefect_harness, monkeypatch):
    inp, out = tmp_path / "in", tmp_path / "out"
    inp.mkdir()
    for i in range(6):
        marker = "POISON" if i == 4 else ""
        (inp / f"{i:02d}.txt").write_text(f"{SEED}\nفقرة إضافية رقم {i} عن الموضوع نفسه {marker}.", encoding="utf-8")
    calls = {"poisoned": 0}
    real_split = pipeline.split_batch

    def flaky_split(batch):
        if any("POISON" in st.raw.raw_text for st in batch):
            calls["poisoned"] += 1
            raise RuntimeError("simulated crash in the split stage")
        return real_split(batch)

    monkeypatch.setattr(pipeline, "split_batch", flaky_split)
    summary = _run(inp, out, batch_size=2, workers=1)
    assert calls["poisoned"] == 2, "the failing task was retried once"
    assert summary["documents"] == 4, "the other batches landed"
    reasons = _reasons(out)
    assert set(reasons) == {"04.txt", "05.txt"}, "the poisoned batch's documents are rejects"
    assert all("simulated crash in the split stage" in r for r in reasons.values())
    # once the fault is gone, the next run processes them: nothing is lost
    monkeypatch.setattr(pipeline, "split_batch", real_split)
    again = _run(inp, out, batch_size=2, workers=1)
    assert again["documents"] == 2 and again["unchanged"] == 4
    assert _reasons(out) == {}, "the rejects of the fixed failure are gone"
    assert Store(out).read_table("rejects").num_rows == 0


def test_corrupt_and_half_written_parquet_are_repaired(tmp_path: Path, prefect_harness):
    inp, out = tmp_path / "in", tmp_path / "out"
    inp.mkdir()
    for name in ("000_a09b7958db38c890.txt", "001_4fb4680f70c0b9ac.txt"):
        (inp / name).write_text((SEEDS / name).read_text(encoding="utf-8"), encoding="utf-8")
    _run(inp, out, batch_size=1, workers=1)
    store = Store(out)
    sentences = sorted(store.table_path("sentences").glob("*.parquet"), key=lambda p: p.stat().st_mtime)
    sentences[-1].write_bytes(sentences[-1].read_bytes()[:100])  # corrupt: truncated
    (store.table_path("entities") / "part-00000-killed-mid-write.parquet").write_bytes(b"PAR1 half")  # no commit
    summary = _run(inp, out, batch_size=1, workers=1)
    assert summary["documents"] == 1 and summary["unchanged"] == 1, "the corrupted batch was processed again"
    assert list((out / "quarantine").rglob("*.parquet")), "the corrupt file is kept aside for inspection"
    con = duckdb.connect(str(out / "akhbar.duckdb"), read_only=True)
    assert con.execute("select count(*), count(distinct doc_id) from documents").fetchall() == [(2, 2)]
    n = con.execute("select count(*) from sentences").fetchall()[0][0]
    assert n == con.execute("select sum(n_sentences) from documents").fetchall()[0][0]
    for table in ("documents", "sentences", "entities"):
        for uri in store.delta(table).file_uris():
            pq.read_metadata(uri.removeprefix("file://"))  # every file the tables use reads


def test_hostile_inputs_each_get_a_clear_outcome(tmp_path: Path, prefect_harness):
    inp, out = tmp_path / "in", tmp_path / "out"
    inp.mkdir()
    # a 50 MB single "article": not an article, rejected without exhausting memory
    line = (SEED.replace("\n", " ") + "\n").encode("utf-8")
    with open(inp / "huge.txt", "wb") as fh:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    # deeply nested HTML around a real article
    depth = 3000
    article = "".join(f"<p>{p}</p>" for p in SEED.split("\n")[1:])
    (inp / "nested.html").write_text(
        "<html><body>" + "<div>" * depth + f"<article><h1>عنوان</h1>{article}</article>" + "</div>" * depth
        + "</body></html>", encoding="utf-8")
    # HTML with no article, binary junk, JSON records with missing fields
    (inp / "empty_page.html").write_text("<html><head><title>x</title></head><body><div></div></body></html>",
                                         encoding="utf-8")
    (inp / "junk.jsonl").write_bytes(bytes(range(256)) * 40)
    records = [{"title": "بلا محتوى"}, {"content": None}, {"content": 42}, {"content": SEED, "date": "غير معروف"}]
    (inp / "partial.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    summary = _run(inp, out, workers=1)
    reasons = _reasons(out)
    assert "document too large" in reasons["huge.txt"]
    assert "no article text" in reasons["empty_page.html"]
    assert "binary" in reasons["junk.jsonl"] or "undecodable" in reasons["junk.jsonl"]
    assert "no text field" in reasons["partial.json#0"] and "no text field" in reasons["partial.json#1"]
    assert "not a string" in reasons["partial.json#2"]
    nested_ok = "nested.html" not in reasons
    assert summary["documents"] == 1 + nested_ok
    if not nested_ok:
        assert reasons["nested.html"].startswith("html:")


@pytest.mark.slow
def test_a_file_of_100000_tiny_documents_streams_through(tmp_path: Path, prefect_harness):
    inp, out = tmp_path / "in", tmp_path / "out"
    inp.mkdir()
    with open(inp / "tiny.jsonl", "w", encoding="utf-8") as fh:
        for i in range(100_000):
            fh.write(json.dumps({"title": f"موجز {i}", "content": f"أعلنت الوزارة اليوم نتائج الجولة رقم {i} من المسابقة."},
                                ensure_ascii=False) + "\n")
    summary = _run(inp, out, batch_size=5000, use_ner_model=False)
    assert summary["inputs"] == 100_000
    assert summary["documents"] + summary["rejects"] == 100_000
    assert summary["documents"] > 99_000


def test_nested_json_and_a_non_utf8_file_name_do_not_stop_the_run(tmp_path: Path, prefect_harness):
    import os

    inp, out = tmp_path / "in", tmp_path / "out"
    inp.mkdir()
    (inp / "good.txt").write_text(SEED, encoding="utf-8")
    (inp / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with open(os.fsencode(inp) + b"/caf\xe9.txt", "wb") as fh:
        fh.write((SEEDS / "001_4fb4680f70c0b9ac.txt").read_bytes())
    summary = _run(inp, out, workers=1)
    assert summary["documents"] == 2 and summary["rejects"] == 1
    assert "nested deeper than" in _reasons(out)["deep.json"]
    con = duckdb.connect(str(out / "akhbar.duckdb"), read_only=True)
    paths = sorted(p for (p,) in con.execute("select source_path from documents").fetchall())
    assert [p.rsplit("/", 1)[1] for p in paths] == [r"caf\xe9.txt", "good.txt"]
    assert con.execute("select count(*) from documents where clean_text like '%' || chr(0) || '%'").fetchall() == [(0,)]


def test_a_failed_catalogue_marks_the_run_failed_and_the_next_run_recovers(tmp_path: Path, prefect_harness,
                                                                             monkeypatch):
    import akhbar.flows.akhbar_flow as akhbar_flow

    inp, out = tmp_path / "in", tmp_path / "out"
    inp.mkdir()
    (inp / "a.txt").write_text(SEED, encoding="utf-8")

    def broken(*args, **kwargs):
        raise RuntimeError("simulated: the catalogue cannot be built")

    monkeypatch.setattr(akhbar_flow, "build_catalog", broken)
    with pytest.raises(RuntimeError, match="simulated"):
        _run(inp, out, workers=1)
    runs = Store(out).read_table("runs")
    assert runs.column("status").to_pylist() == ["failed"]
    assert runs.column("finished_at").to_pylist()[0] is not None
    monkeypatch.undo()
    summary = _run(inp, out, workers=1)
    assert summary["unchanged"] == 1
    statuses = sorted(Store(out).read_table("runs").column("status").to_pylist())
    assert statuses == ["completed", "failed"]


def test_a_run_left_running_is_marked_failed_by_the_next_run(tmp_path: Path, prefect_harness):
    import datetime as dt

    from akhbar.runs import run_row

    inp, out = tmp_path / "in", tmp_path / "out"
    inp.mkdir()
    (inp / "a.txt").write_text(SEED, encoding="utf-8")
    _run(inp, out, workers=1)
    store = Store(out)
    from collections import Counter

    started = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
    store.write_run("20240101T000000Z-dead00", run_row("20240101T000000Z-dead00", started, "running", str(inp),
                                                        Counter(), None))
    _run(inp, out, workers=1)
    rows = {r["run_id"]: r for r in store.read_table("runs").to_pylist()}
    assert rows["20240101T000000Z-dead00"]["status"] == "failed"
    assert rows["20240101T000000Z-dead00"]["finished_at"] is None, "when it died is unknown"
    assert sorted(r["status"] for r in rows.values()) == ["completed", "completed", "failed"]
