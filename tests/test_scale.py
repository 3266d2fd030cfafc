"""Scale-out: the same flow on a local Dask cluster of two worker processes gives the
same tables as a local run."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SEEDS

COMPARED = {
    "documents": "doc_id, title, byline, published_at, clean_text, n_sentences",
    "sentences": "doc_id, sentence_idx, start_char, end_char, text",
    "entities": "doc_id, start_char, end_char, label, canonical",
    "figures": "doc_id, start_char, end_char, value, qualifier, kind, unit",
    "boilerplate": "doc_id, line_no, category, rule, removed",
    "duplicates": "doc_id, paragraph_idx, dup_of_doc_id",
}


def _tables(out: Path) -> dict[str, list]:
    con = duckdb.connect(str(out / "akhbar.duckdb"), read_only=True)
    result = {t: con.execute(f"select {cols} from {t} order by all").fetchall() for t, cols in COMPARED.items()}
    con.close()
    return result


@pytest.mark.slow
def test_dask_cluster_gives_the_same_tables_as_a_local_run(tmp_path: Path, prefect_harness, monkeypatch):
    from prefect.settings import PREFECT_API_URL
    from prefect_dask import DaskTaskRunner

    from akhbar.flows.akhbar_flow import akhbar_run

    inp = tmp_path / "in"
    shutil.copytree(SEEDS, inp)
    # the workers are separate processes: point them at the test's Prefect API
    monkeypatch.setenv("PREFECT_API_URL", PREFECT_API_URL.value())
    local = akhbar_run(input_path=str(inp), output_dir=str(tmp_path / "local"), batch_size=2)
    runner = DaskTaskRunner(cluster_kwargs={"n_workers": 2, "threads_per_worker": 1, "processes": True,
                                            "dashboard_address": None})
    dask = akhbar_run.with_options(task_runner=runner)(input_path=str(inp), output_dir=str(tmp_path / "dask"),
                                                       batch_size=2)
    assert dask["documents"] == local["documents"] == 5
    assert _tables(tmp_path / "dask") == _tables(tmp_path / "local")
    # three batches of two documents: three appends to documents, written by the workers (the
    # stories step then rewrites their story_id in one overwrite)
    log = tmp_path / "dask" / "tables" / "documents" / "_delta_log"
    commits = [c.read_text() for c in log.glob("*.json")]
    assert len([c for c in commits if '"operation":"WRITE"' in c and '"mode":"Append"' in c]) == 3
    assert len([c for c in commits if '"operation":"WRITE"' in c and '"mode":"Overwrite"' in c]) == 1
