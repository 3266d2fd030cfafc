"""Store: Delta commits, repair after crashes, pipeline upgrades with time travel, DuckDB catalogue."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from akhbar.catalog import build_catalog, query
from akhbar.config import PIPELINE_VERSION
from akhbar.store import Store, StoreLocked
from akhbar.schemas import ARROW

SQL_DIR = Path(__file__).resolve().parent.parent / "akhbar" / "sql"


def _docs(*ids: str, version: str = PIPELINE_VERSION, title: str = "عنوان") -> pa.Table:
    import datetime as dt

    now = dt.datetime(2024, 10, 28, tzinfo=dt.timezone.utc)
    rows = [
        {"doc_id": i, "source_path": f"{i}.txt", "source": "s", "url": None, "title": title, "byline": None,
         "section": None, "published_at": None, "updated_at": None, "scraped_at": None,
         "raw_text": "نص الخبر عن مصر", "clean_text": "نص الخبر عن مصر", "n_paragraphs": 1, "n_sentences": 1,
         "format": "txt", "run_id": "r", "ingested_at": now, "pipeline_version": version, "story_id": None}
        for i in ids
    ]
    return pa.Table.from_pylist(rows, schema=ARROW["documents"])


def _sentences(*ids: str, n: int = 1) -> pa.Table:
    rows = [{"doc_id": i, "sentence_idx": k, "paragraph_idx": 0, "start_char": 0, "end_char": 15,
             "text": "نص الخبر عن مصر"} for i in ids for k in range(n)]
    return pa.Table.from_pylist(rows, schema=ARROW["sentences"])


A, B, C = "aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb", "cccccccccccccccc"
OLD = "0.0.1-s1.0.0"


def _delta_count(store: Store, table: str) -> tuple[int, int]:
    data = store.read_table(table, ["doc_id"])
    ids = data.column("doc_id").to_pylist()
    return len(ids), len(set(ids))


def test_batches_commit_and_are_known(tmp_path: Path):
    store = Store(tmp_path)
    store.write_batch("r1-00000", {"documents": _docs(A), "sentences": _sentences(A)})
    assert store.known_doc_ids() == {A}
    assert store.versions() == {"documents": 0, "sentences": 0}, "one Delta commit per table"
    with pytest.raises(ValueError):
        store.write_batch("r1-00001", {"sentences": _sentences(B)})
    # a document stored by another pipeline version is not known: this version processes it
    Store(tmp_path, version=OLD).write_batch("r0-00000", {"documents": _docs(B, version=OLD)})
    assert store.known_doc_ids() == {A}


def test_a_crash_between_commits_is_never_visible_and_is_repaired(tmp_path: Path, monkeypatch):
    store = Store(tmp_path)
    store.write_batch("r1-00000", {"documents": _docs(A), "sentences": _sentences(A)})
    store.record_snapshot("r1")
    build_catalog(store, ARROW, SQL_DIR)
    real_write = Store._write

    def crash_before_documents(self, table, data, replace_ids=None):
        if table == "documents":
            raise KeyboardInterrupt("killed between the sentences and the documents commit")
        return real_write(self, table, data, replace_ids)

    monkeypatch.setattr(Store, "_write", crash_before_documents)
    with pytest.raises(KeyboardInterrupt):
        store.write_batch("r2-00000", {"documents": _docs(B), "sentences": _sentences(B, n=3)})
    monkeypatch.setattr(Store, "_write", real_write)
    assert _delta_count(store, "sentences") == (4, 2), "B's sentences were committed, its document was not"
    # the analysts' views read the last completed run's snapshot: B's rows are not there
    assert query(store.db_path, "select count(*) from sentences")[1] == [(1,)]
    assert query(store.db_path, "select count(*) from documents")[1] == [(1,)]
    assert store.known_doc_ids() == {A}, "B is processed again by the next run"
    actions = store.repair()
    assert actions == ["removed rows of 1 uncommitted documents from sentences"]
    assert _delta_count(store, "sentences") == (1, 1)
    assert store.repair() == []  # idempotent
    store.write_batch("r3-00000", {"documents": _docs(B), "sentences": _sentences(B, n=3)})
    assert _delta_count(store, "sentences") == (4, 2), "no duplicate after the rerun"


def test_repair_quarantines_a_corrupt_file_and_uncommits_its_documents(tmp_path: Path):
    store = Store(tmp_path)
    store.write_batch("r1-00000", {"documents": _docs(A), "sentences": _sentences(A)})
    store.write_batch("r1-00001", {"documents": _docs(B), "sentences": _sentences(B)})
    adds = pa.table(store.delta("sentences").get_add_actions(flatten=True)).to_pylist()
    bad = store.table_path("sentences") / next(a["path"] for a in adds if a["min.doc_id"] == B)
    bad.write_bytes(bad.read_bytes()[:50])  # truncated: footer gone
    actions = store.repair()
    assert any("quarantined" in a for a in actions)
    assert store.known_doc_ids() == {A}, "B is un-committed so the next run processes it again"
    assert list((tmp_path / "quarantine").rglob("*.parquet"))
    assert store.read_table("sentences").column("doc_id").to_pylist() == [A]


def test_only_one_writer(tmp_path: Path):
    store = Store(tmp_path)
    with store.lock():
        with pytest.raises(StoreLocked):
            with Store(tmp_path).lock():
                pass


def test_upgrade_replaces_documents_without_duplicates_and_keeps_the_old_version(tmp_path: Path):
    old = Store(tmp_path, version=OLD)
    old.write_batch("r0-00000", {"documents": _docs(A, B, version=OLD, title="قديم"),
                                 "sentences": _sentences(A, B, n=2)})
    old.record_snapshot("r0")
    build_catalog(old, ARROW, SQL_DIR)
    new = Store(tmp_path)
    new.load_stored_ids()
    seen = []
    for key, doc in (("r1-00000", A), ("r1-00001", B)):
        new.write_batch(key, {"documents": _docs(doc), "sentences": _sentences(doc, n=3)})
        # a Delta reader between batches: every document once, each with its own version's rows
        seen.append((_delta_count(new, "documents"), _delta_count(new, "sentences")))
        # the views still show the old snapshot, whole
        assert query(new.db_path, "select count(*), min(title) from documents")[1] == [(2, "قديم")]
    assert seen == [((2, 2), (5, 2)), ((2, 2), (6, 2))]
    new.write_batch("r1-00002", {"documents": _docs(C)})  # a document new to the store: appended
    assert new.drop_other_versions() == []
    new.record_snapshot("r1")
    build_catalog(new, ARROW, SQL_DIR)
    assert query(new.db_path, "select count(*), count(distinct pipeline_version) from documents")[1] == [(3, 1)]
    # the previous version stays readable (time travel) ...
    path, version = query(new.db_path, "select path, version from table_versions "
                                       "where run_id = 'r0' and \"table\" = 'documents'")[1][0]
    assert query(new.db_path, f"select count(*), min(pipeline_version) from delta_scan('{path}', version := {version})"
                 )[1] == [(2, OLD)]
    # ... and restorable
    new.restore("r0")
    assert new.known_doc_ids() == set() and Store(tmp_path, version=OLD).known_doc_ids() == {A, B}
    assert _delta_count(new, "sentences") == (4, 2)
    build_catalog(new, ARROW, SQL_DIR)  # what `akhbar refresh` does: the views show the restored snapshot
    assert query(new.db_path, "select count(*), min(pipeline_version), min(title) from documents")[1] == [(2, OLD, "قديم")]


def _figures(*ids: str, n: int = 1) -> pa.Table:
    rows = [{"doc_id": i, "sentence_idx": 0, "start_char": k, "end_char": k + 2, "text": "10 جنود", "value": 10.0,
             "qualifier": "exact", "kind": "count", "unit": "جندي", "subject": "جندي", "subject_key": "جندي"}
            for i in ids for k in range(n)]
    return pa.Table.from_pylist(rows, schema=ARROW["figures"])


def test_a_release_that_adds_a_column_writes_into_the_old_tables(tmp_path: Path):
    """The old release's figures lack the nullable columns the new release writes (subject,
    subject_key): the upgrade's replacing commit and a plain append both work, and the old
    rows still stored read null in the new columns."""
    old = Store(tmp_path, version=OLD)
    legacy = _figures(A, B, n=2).drop_columns(["subject", "subject_key"])
    old.write_batch("r0-00000", {"documents": _docs(A, B, version=OLD), "figures": legacy})
    old.record_snapshot("r0")
    new = Store(tmp_path)
    new.load_stored_ids()
    new.write_batch("r1-00000", {"documents": _docs(A), "figures": _figures(A, n=3)})  # replaces A's rows
    new.write_batch("r1-00001", {"documents": _docs(C), "figures": _figures(C, n=1)})  # appends
    rows = new.read_table("figures")
    assert rows.column_names == ARROW["figures"].names
    keys: dict[str, list] = {}
    for r in rows.to_pylist():
        keys.setdefault(r["doc_id"], []).append(r["subject_key"])
    assert keys == {A: ["جندي"] * 3, B: [None, None], C: ["جندي"]}, "B is not re-processed yet: null there"


def test_drop_other_versions(tmp_path: Path):
    Store(tmp_path, version=OLD).write_batch("r0-00000", {"documents": _docs(A, version=OLD),
                                                          "sentences": _sentences(A)})
    new = Store(tmp_path)
    new.write_batch("r1-00000", {"documents": _docs(B), "sentences": _sentences(B)})
    assert new.drop_other_versions() == ["1 documents of another pipeline version"]
    assert new.read_column("documents", "doc_id") == [B] and new.read_column("sentences", "doc_id") == [B]


def test_catalog_views_search_and_empty_tables(tmp_path: Path):
    store = Store(tmp_path)
    store.write_batch("r1-00000", {"documents": _docs(A), "sentences": _sentences(A)})
    store.record_snapshot("r1")
    views = build_catalog(store, ARROW, SQL_DIR)
    assert {"documents", "sentences", "entities", "figures", "rejects", "runs", "duplicates",
            "table_versions"} <= set(views)
    cols, rows = query(store.db_path, "select count(*) from entities")  # no table yet: empty, typed
    assert rows == [(0,)]
    cols, rows = query(store.db_path, "select doc_id from search('المصريون')")  # Arabic stemming
    assert rows == [(A,)]
    # analysts can read while nothing holds the file open for writing
    con = duckdb.connect(str(store.db_path), read_only=True)
    con2 = duckdb.connect(str(store.db_path), read_only=True)
    assert con.execute("select count(*) from documents").fetchall() == [(1,)]
    con.close(), con2.close()
    # a new commit is not visible through the views until a run records a snapshot
    store.write_batch("r2-00000", {"documents": _docs(B)})
    assert query(store.db_path, "select count(*) from documents")[1] == [(1,)]
    store.record_snapshot("r2")
    build_catalog(store, ARROW, SQL_DIR)
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
