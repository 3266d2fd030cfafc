"""The analysts' DuckDB database: views over the Parquet tables, the ``sql/`` models,
and an Arabic full-text index over ``clean_text``.

The database is built in a temporary file next to ``akhbar.duckdb`` and renamed over
it, so the writer never holds the live file open: analysts can keep querying while a
run writes Parquet (their views read the Parquet parts, which appear atomically).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

import duckdb
import pyarrow as pa

from akhbar.store import Store

_VIEW_NAME_RE = re.compile(r"^[a-z_][a-z0-9_]*$")


def load_fts(con: duckdb.DuckDBPyConnection) -> None:
    """Load the full-text-search extension from the duckdb-extension-fts wheel (offline)."""
    try:
        con.execute("LOAD fts")
    except duckdb.Error:
        from duckdb_extensions import import_extension

        import_extension("fts", con=con)
        con.execute("LOAD fts")


def _duck_type(t: pa.DataType) -> str:
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        return "VARCHAR"
    if pa.types.is_int32(t):
        return "INTEGER"
    if pa.types.is_int64(t):
        return "BIGINT"
    if pa.types.is_float64(t):
        return "DOUBLE"
    if pa.types.is_boolean(t):
        return "BOOLEAN"
    if pa.types.is_timestamp(t):
        return "TIMESTAMPTZ" if t.tz else "TIMESTAMP"
    if pa.types.is_date32(t):
        return "DATE"
    raise TypeError(f"no DuckDB type for {t}")


def _quote(path: str) -> str:
    return "'" + path.replace("'", "''") + "'"


def glob_escape(path: str) -> str:
    """``path`` as a DuckDB glob that matches only itself: ``* ? [ ]`` in folder names
    are literal characters (each in a one-character class), not wildcards."""
    return "".join(f"[{c}]" if c in "*?[]" else c for c in path)


def _table_select(store: Store, table: str, schema: pa.Schema) -> str:
    if store.parts(table):
        pattern = glob_escape(str(store.table_dir(table))) + "/*.parquet"
        return f"SELECT * FROM read_parquet({_quote(pattern)}, union_by_name = true, hive_partitioning = false)"
    cols = ", ".join(f"CAST(NULL AS {_duck_type(f.type)}) AS {f.name}" for f in schema)
    return f"SELECT {cols} WHERE false"  # no rows yet: an empty view with the contract's columns


def sql_models(sql_dir: Path) -> dict[str, str]:
    """``sql/<name>.sql`` → {name: select statement}; one model per file, dbt style."""
    models = {}
    for path in sorted(Path(sql_dir).glob("*.sql")):
        name = path.stem
        if not _VIEW_NAME_RE.match(name):
            raise ValueError(f"SQL model file name must be a lower-case identifier: {path.name}")
        models[name] = path.read_text(encoding="utf-8").strip().rstrip(";")
    return models


def build_catalog(store: Store, schemas: Mapping[str, pa.Schema], sql_dir: Path) -> list[str]:
    """(Re)build ``akhbar.duckdb``; returns the names of the views created."""
    store.root.mkdir(parents=True, exist_ok=True)
    tmp = store.db_path.with_name(f".akhbar.duckdb.{os.getpid()}.tmp")
    for leftover in (tmp, Path(str(tmp) + ".wal")):
        leftover.unlink(missing_ok=True)
    created: list[str] = []
    # bounded, so that building the search index never dominates the run's memory
    con = duckdb.connect(str(tmp), config={"memory_limit": "1GB", "threads": 2})
    try:
        for table, schema in schemas.items():
            con.execute(f"CREATE VIEW {table} AS {_table_select(store, table, schema)}")
            created.append(table)
        _build_search_index(con)
        created.append("search_index")
        pending = sql_models(sql_dir)
        # create the sql/ models in dependency order: retry until no progress
        while pending:
            before = len(pending)
            errors: dict[str, str] = {}
            for name, body in list(pending.items()):
                try:
                    con.execute(f"CREATE OR REPLACE VIEW {name} AS {body}")
                except duckdb.Error as exc:
                    errors[name] = str(exc)
                    continue
                created.append(name)
                del pending[name]
            if len(pending) == before:  # a pass that created nothing: the rest does not compile
                raise RuntimeError("sql/ models that do not compile:\n" + "\n".join(f"{k}: {v}" for k, v in errors.items()))
        con.execute("CHECKPOINT")
    finally:
        con.close()
    os.replace(tmp, store.db_path)
    Path(str(tmp) + ".wal").unlink(missing_ok=True)
    return created


def _build_search_index(con: duckdb.DuckDBPyConnection) -> None:
    """A table (FTS needs one) of each document's title and clean_text, indexed with
    the Snowball Arabic stemmer and accents (harakat) stripped."""
    load_fts(con)
    con.execute(
        "CREATE TABLE search_index AS SELECT doc_id, coalesce(title, '') AS title, clean_text FROM documents"
    )
    con.execute(
        "PRAGMA create_fts_index('search_index', 'doc_id', 'title', 'clean_text', "
        "stemmer = 'arabic', strip_accents = 1, lower = 1, overwrite = 1, "
        r"ignore = '(\.|[^\p{L}\p{N}])+')"
    )
    con.execute(
        """
        CREATE MACRO search(q) AS TABLE
        SELECT s.doc_id, d.title, d.source, d.published_at,
               fts_main_search_index.match_bm25(s.doc_id, q) AS score
        FROM search_index s JOIN documents d USING (doc_id)
        WHERE score IS NOT NULL
        ORDER BY score DESC
        """
    )


def connect(db_path: Path, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    if not Path(db_path).exists():
        raise FileNotFoundError(f"no database at {db_path}: run `akhbar run` first")
    con = duckdb.connect(str(db_path), read_only=read_only)
    load_fts(con)
    return con


def query(db_path: Path, sql: str) -> tuple[list[str], list[tuple]]:
    """Run one SQL statement read-only; returns (column names, rows)."""
    con = connect(db_path)
    try:
        cur = con.execute(sql)
        cols = [d[0] for d in cur.description] if cur.description else []
        rows = cur.fetchall() if cur.description else []
        return cols, rows
    finally:
        con.close()
