"""Store: atomic parts, repair after crashes, version switch, DuckDB catalogue."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from akhbar.catalog import build_catalog, query
from akhbar.store import Store, StoreLocked
from schemas import ARROW

SQL_DIR = Path(__file__).resolve().parent.parent / "akhbar" / "sql"


def _docs(*ids: str) -> pa.Table:
    import datetime as dt

    now = dt.datetime(2024, 10, 28, tzinfo=dt.timezone.utc)
    rows = [
        {"doc_id": i, "source_path": f"{i}.txt", "source": "s", "url": None, "title": "عنوان", "byline": None,
         "section": None, "published_at": None, "updated_at": None, "scraped_at": None,
         "raw_text": "نص الخبر عن مصر", "clean_text": "نص الخبر عن مصر", "n_paragraphs": 1, "n_sentences": 1,
         "format": "txt", "run_id": "r", "ingested_at": now, "pipeline_version": "v"}
        for i in ids
    ]
    return pa.Table.from_pylist(rows, schema=ARROW["documents"])


def _sentences(*ids: str) -> pa.Table:
    rows = [{"doc_id": i, "sentence_idx": 0, "paragraph_idx": 0, "start_char": 0, "end_char": 15,
             "text": "نص الخبر عن مصر"} for i in ids]
    return pa.Table.from_pylist(rows, schema=ARROW["sentences"])


A, B = "aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"


def test_batches_commit_and_are_known(tmp_path: Path):
    store = Store(tmp_path)
    store.write_batch("r1-00000", {"documents": _docs(A), "sentences": _sentences(A)})
    assert store.known_doc_ids() == {A}
    assert not list(tmp_path.rglob("*.tmp"))
    with pytest.raises(ValueError):
        store.write_batch("r1-00001", {"sentences": _sentences(B)})


def test_repair_removes_half_written_and_uncommitted_parts(tmp_path: Path):
    store = Store(tmp_path)
    store.write_batch("r1-00000", {"documents": _docs(A), "sentences": _sentences(A)})
    # a crash after the sentences part landed but before the documents part did:
    orphan = store.table_dir("sentences") / "part-r2-00000.parquet"
    orphan.write_bytes((store.table_dir("sentences") / "part-r1-00000.parquet").read_bytes())
    half = store.table_dir("documents") / "part-r2-00000.parquet.tmp"
    half.write_bytes(b"PAR1 half written")
    actions = store.repair()
    assert not orphan.exists() and not half.exists()
    assert len(actions) == 2
    assert store.known_doc_ids() == {A}
    assert store.repair() == []  # idempotent


def test_repair_quarantines_a_corrupt_part_and_uncommits_its_batch(tmp_path: Path):
    store = Store(tmp_path)
    store.write_batch("r1-00000", {"documents": _docs(A), "sentences": _sentences(A)})
    store.write_batch("r1-00001", {"documents": _docs(B), "sentences": _sentences(B)})
    bad = store.table_dir("sentences") / "part-r1-00001.parquet"
    bad.write_bytes(bad.read_bytes()[:50])  # truncated: footer gone
    actions = store.repair()
    assert any("quarantined" in a for a in actions)
    assert store.known_doc_ids() == {A}, "B's batch is un-committed so the next run processes it again"
    assert (tmp_path / "quarantine").is_dir() and list((tmp_path / "quarantine").rglob("*.parquet"))
    assert [p.name for p in store.parts("sentences")] == ["part-r1-00000.parquet"]


def test_only_one_writer(tmp_path: Path):
    store = Store(tmp_path)
    with store.lock():
        with pytest.raises(StoreLocked):
            with Store(tmp_path).lock():
                pass


def test_drop_other_versions(tmp_path: Path):
    old = Store(tmp_path, version="0.0.1-s1.0.0")
    old.write_batch("r0-00000", {"documents": _docs(A)})
    new = Store(tmp_path)
    new.write_batch("r1-00000", {"documents": _docs(B)})
    assert new.drop_other_versions() == ["parquet/documents/version=0.0.1-s1.0.0"]
    assert new.known_doc_ids() == {B}


def test_catalog_views_search_and_empty_tables(tmp_path: Path):
    store = Store(tmp_path)
    store.write_batch("r1-00000", {"documents": _docs(A), "sentences": _sentences(A)})
    views = build_catalog(store, ARROW, SQL_DIR)
    assert {"documents", "sentences", "entities", "figures", "rejects", "runs", "duplicates"} <= set(views)
    cols, rows = query(store.db_path, "select count(*) from entities")  # no parts yet: empty, typed
    assert rows == [(0,)]
    cols, rows = query(store.db_path, "select doc_id from search('المصريون')")  # Arabic stemming
    assert rows == [(A,)]
    # analysts can read while nothing holds the file open for writing
    con = duckdb.connect(str(store.db_path), read_only=True)
    con2 = duckdb.connect(str(store.db_path), read_only=True)
    assert con.execute("select count(*) from documents").fetchall() == [(1,)]
    con.close(), con2.close()
    # new parts are visible through the views at once, without rebuilding
    store.write_batch("r1-00001", {"documents": _docs(B)})
    assert query(store.db_path, "select count(*) from documents")[1] == [(2,)]


def test_sql_models_may_build_on_later_named_models(tmp_path: Path):
    sql = tmp_path / "sql"
    sql.mkdir()
    (sql / "a_counts.sql").write_text("-- a_counts: x\nSELECT count(*) AS n FROM b_docs", encoding="utf-8")
    (sql / "b_docs.sql").write_text("-- b_docs: x\nSELECT doc_id FROM documents", encoding="utf-8")
    (sql / "c_broken.sql").write_text("-- c_broken: x\nSELECT * FROM nowhere", encoding="utf-8")
    store = Store(tmp_path / "out")
    store.write_batch("r1-00000", {"documents": _docs(A)})
    with pytest.raises(RuntimeError, match="c_broken"):
        build_catalog(store, ARROW, sql)
    (sql / "c_broken.sql").unlink()
    assert {"a_counts", "b_docs"} <= set(build_catalog(store, ARROW, sql))
    assert query(store.db_path, "select n from a_counts")[1] == [(1,)]
