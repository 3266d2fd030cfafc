"""A pipeline upgrade while analysts read: one consistent snapshot at every moment, and
the previous version still readable (time travel) and restorable afterwards."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import duckdb

from akhbar import store as store_mod
from akhbar import tables as tables_mod
from akhbar.catalog import load_delta
from akhbar.config import PIPELINE_VERSION
from tests.conftest import SEEDS

OLD = "0.0.1-s1.0.0"
SNAPSHOT_SQL = """
select (select count(*) from documents), (select count(distinct doc_id) from documents),
       (select list(distinct pipeline_version) from documents),
       (select count(*) from sentences), (select sum(n_sentences) from documents),
       (select count(*) from entities e where e.doc_id not in (select doc_id from documents))
"""


def _poll(out: Path, stop: threading.Event, views: list, delta: list, errors: list) -> None:
    while not stop.is_set():
        try:
            con = duckdb.connect(str(out / "akhbar.duckdb"), read_only=True)
            load_delta(con)
            n, distinct, versions, sentences, expected, orphans = con.execute(SNAPSHOT_SQL).fetchone()
            views.append((n, distinct, tuple(versions), sentences == expected, orphans))
            # a plain Delta reader of the documents table's latest commit
            delta.append(con.execute(
                f"select count(*), count(distinct doc_id) from delta_scan('{out / 'tables' / 'documents'}')"
            ).fetchone())
            con.close()
        except Exception as exc:  # noqa: BLE001 - a failed read is a finding, recorded
            errors.append(repr(exc))
        time.sleep(0.01)


def test_upgrade_under_a_polling_reader(tmp_path: Path, prefect_harness, monkeypatch):
    from akhbar.flows.akhbar_flow import akhbar_run

    inp, out = tmp_path / "in", tmp_path / "out"
    shutil.copytree(SEEDS, inp)
    # the output of an older pipeline version, as analysts have it
    with monkeypatch.context() as m:
        m.setattr(tables_mod, "PIPELINE_VERSION", OLD)
        m.setattr(store_mod.Store.__init__, "__defaults__", (OLD, store_mod.HISTORY_DAYS))
        old_run = akhbar_run(input_path=str(inp), output_dir=str(out), workers=1)
    assert old_run["documents"] == 5

    stop, views, delta, errors = threading.Event(), [], [], []
    reader = threading.Thread(target=_poll, args=(out, stop, views, delta, errors))
    reader.start()
    try:
        time.sleep(0.5)
        new_run = akhbar_run(input_path=str(inp), output_dir=str(out), batch_size=1, workers=1)
        time.sleep(0.5)
    finally:
        stop.set()
        reader.join()
    assert new_run["documents"] == 5 and new_run["unchanged"] == 0, "the new version re-processes every document"
    assert not errors, errors[:3]
    assert len(views) > 20
    # every read of the views: the 5 documents once each, one pipeline version, every sentence there
    assert {(n, d, ok, o) for n, d, _, ok, o in views} == {(5, 5, True, 0)}
    versions_seen = [v for _, _, v, _, _ in views]
    assert set(versions_seen) == {(OLD,), (PIPELINE_VERSION,)}
    flip = versions_seen.index((PIPELINE_VERSION,))
    assert all(v == (OLD,) for v in versions_seen[:flip]) and all(v == (PIPELINE_VERSION,) for v in versions_seen[flip:]), \
        "the views switch from the old snapshot to the new one once"
    # a Delta reader of the latest commit never sees a document twice either
    assert {tuple(x) for x in delta} == {(5, 5)}

    con = duckdb.connect(str(out / "akhbar.duckdb"), read_only=True)
    load_delta(con)
    path, version = con.execute(
        "select path, version from table_versions where run_id = ? and \"table\" = 'documents'", [old_run["run_id"]]
    ).fetchone()
    assert con.execute(f"select count(*), min(pipeline_version) from delta_scan('{path}', version := {version})"
                       ).fetchone() == (5, OLD), "the previous version is readable after the upgrade"
    con.close()
    store = store_mod.Store(out)
    store.restore(old_run["run_id"])
    assert store_mod.Store(out, version=OLD).known_doc_ids() == set(store.read_column("documents", "doc_id"))
    assert len(store.read_column("documents", "doc_id")) == 5
