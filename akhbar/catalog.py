"""The analysts' DuckDB database: views over the Delta tables, the ``sql/`` models,
and an Arabic full-text index over ``clean_text``.

Each table's view reads the Delta version recorded by the last completed run
(``delta_scan(path, version := n)``), so every query sees one consistent snapshot
across tables while a later run writes.  The database is built in a temporary file
next to ``akhbar.duckdb`` and renamed over it, so the writer never holds the live file
open.  Both the ``delta`` and ``fts`` extensions load offline from their PyPI wheels.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

import duckdb
import pyarrow as pa

from akhbar.store import VERSIONS_SCHEMA, VERSIONS_TABLE, Store
from akhbar.text import key_translation

_VIEW_NAME_RE = re.compile(r"^[a-z_][a-z0-9_]*$")
# DuckDB's memory bound when a run builds the catalogue and the report: past it the queries
# spill to disk.  At DuckDB's default (80 % of RAM) the report's queries held about 220 MB
# more on the whole SaudiNewsNet corpus, at the end of the run, where its peak lies
DUCKDB_MEMORY = "512MB"


def load_extension(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Load a DuckDB extension from its duckdb-extension-<name> wheel (offline): a plain
    ``LOAD`` of an extension that was never imported would try to download it."""
    try:
        con.execute(f"LOAD {name}")
    except duckdb.Error:
        from duckdb_extensions import import_extension

        import_extension(name, con=con)
        con.execute(f"LOAD {name}")


def load_fts(con: duckdb.DuckDBPyConnection) -> None:
    """Load the full-text-search extension (offline)."""
    load_extension(con, "fts")


def open_bounded(db_path: Path, alias: str = "akhbar") -> duckdb.DuckDBPyConnection:
    """A read-only connection to ``db_path`` with DuckDB's memory bounded to ``DUCKDB_MEMORY``.

    The bound is set on a private in-memory instance that attaches the file, never on the
    file's own instance: DuckDB refuses a second connection to a file with another
    configuration in one process, so an analyst's open connection to ``akhbar.duckdb`` (a
    notebook that runs the flow) and the report's must not differ in configuration."""
    con = duckdb.connect(":memory:", config={"memory_limit": DUCKDB_MEMORY})
    try:
        load_delta(con)
        con.execute(f"ATTACH {_quote(str(db_path))} AS {alias} (READ_ONLY)")
        con.execute(f"USE {alias}")
    except BaseException:
        con.close()
        raise
    return con


def load_delta(con: duckdb.DuckDBPyConnection) -> None:
    """Load the Delta Lake reader (``delta_scan``, offline)."""
    load_extension(con, "delta")


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
    if pa.types.is_list(t):
        return _duck_type(t.value_type) + "[]"
    raise TypeError(f"no DuckDB type for {t}")


def _quote(path: str) -> str:
    return "'" + path.replace("'", "''") + "'"


# tables read at their latest commit rather than at the pinned snapshot
UNPINNED = ("runs",)


def _table_select(store: Store, table: str, schema: pa.Schema, versions: Mapping[str, int]) -> str:
    names = ", ".join(f.name if f.name != "table" else '"table"' for f in schema)
    if table in UNPINNED and store.exists(table):
        return f"SELECT {names} FROM delta_scan({_quote(str(store.table_path(table)))})"
    if table in versions:
        return (f"SELECT {names} FROM delta_scan({_quote(str(store.table_path(table)))}, "
                f"version := {int(versions[table])})")
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


def build_catalog(store: Store, schemas: Mapping[str, pa.Schema], sql_dir: Path,
                  versions: Mapping[str, int] | None = None) -> list[str]:
    """(Re)build ``akhbar.duckdb`` on a snapshot of the tables; returns the names of the views.

    ``versions``: Delta version per table; default the snapshot of the last completed
    run, or the tables' latest versions when no run has completed yet.
    """
    if versions is None:
        versions = store.snapshot() or store.versions()
    store.root.mkdir(parents=True, exist_ok=True)
    tmp = store.db_path.with_name(f".akhbar.duckdb.{os.getpid()}.tmp")
    for leftover in (tmp, Path(str(tmp) + ".wal")):
        leftover.unlink(missing_ok=True)
    created: list[str] = []
    # bounded, so that building the search index never dominates the run's memory
    con = duckdb.connect(str(tmp), config={"memory_limit": DUCKDB_MEMORY, "threads": 2})
    try:
        load_delta(con)
        for table, schema in schemas.items():
            con.execute(f"CREATE VIEW {table} AS {_table_select(store, table, schema, versions)}")
            created.append(table)
        # which Delta version of each table each completed run left, with the table's path,
        # for time travel: SELECT * FROM delta_scan(path, version := version)
        if store.exists(VERSIONS_TABLE):
            body = (f"SELECT *, {_quote(str(store.tables) + '/')} || \"table\" AS path "
                    f"FROM delta_scan({_quote(str(store.table_path(VERSIONS_TABLE)))})")
        else:
            body = _table_select(store, VERSIONS_TABLE, VERSIONS_SCHEMA.append(pa.field("path", pa.string())), {})
        con.execute(f"CREATE VIEW {VERSIONS_TABLE} AS {body}")
        created.append(VERSIONS_TABLE)
        _build_search_index(con)
        created.append("search_index")
        con.execute(FOLD_MACRO)
        con.execute(WORDS_MACRO)
        con.execute(PERIODS_MACRO)
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
        if "entity_aliases" in created:
            _create_kb_aliases(con)
            created.append("kb_aliases")
            con.execute(ENTITY_MACRO)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    os.replace(tmp, store.db_path)
    Path(str(tmp) + ".wal").unlink(missing_ok=True)
    return created


# akhbar_fold(s): the matching key of a spelling, as akhbar.entities.identity.alias_key
# computes it in Python (tests/test_entities_identity.py checks that the two agree):
# diacritics, tatweel, invisible marks, spaces and hyphens removed; hamza/alef, alef
# maqsura, ta marbuta, Persian letters, ج/غ, ق/ك and Arabic-Indic digits folded (the
# one-to-one folds of the KEY level, from akhbar.text's own tables).
_FOLD_FROM, _FOLD_TO = key_translation()
FOLD_MACRO = (
    "CREATE OR REPLACE MACRO akhbar_fold(s) AS translate(regexp_replace(s, "
    r"'[\s\x{00A0}\x{2000}-\x{200F}\x{2028}-\x{202F}\x{2060}-\x{2069}\x{FEFF}\-\x{2010}\x{2013}"
    r"\x{0610}-\x{061A}\x{064B}-\x{065F}\x{0670}\x{06D6}-\x{06ED}\x{0640}]', '', 'g'), "
    f"'{_FOLD_FROM}', '{_FOLD_TO}')"
)
# akhbar_words(s): the content words of a sentence as a set, for comparing what two
# sentences say (disputed_figures): letters folded as akhbar_fold does, a leading «و/ف»,
# «ب/ل» and «ال» cut (not «ك»: ق is folded to it), words under three letters dropped.
# A crude stand-in for the text layer's clitic splitter, which SQL cannot call.
WORDS_MACRO = (
    "CREATE OR REPLACE MACRO akhbar_words(s) AS list_distinct(list_filter(list_transform("
    f"regexp_extract_all(translate(s, '{_FOLD_FROM}', '{_FOLD_TO}'), '[\\p{{L}}]+'), "
    "w -> regexp_replace(w, '^(و|ف)?(ب|ل)?(ال)?', '')), w -> length(w) >= 3))"
)
# akhbar_periods(s): the reporting periods a sentence names, as occasion marks for
# disputed_figures («period#month» for «الشهر الماضي» or «خلال شهر رمضان», «period#half» for
# «النصف الأول», «period#quarter», «period#year» for «العام الحالي», «period#week»): sales
# «in June» and sales «in the first half» count different things. Written by hand (a few
# Arabic patterns; SQL cannot call the figures parser, whose dates already give months).
_MONTHS = ("يناير|فبراير|مارس|[أا]بريل|مايو|يونيو|يوليو|[أا]غسطس|سبتمبر|[أا]كتوبر|نوفمبر|ديسمبر"
           "|كانون|شباط|[آا]ذار|نيسان|[أا]يار|حزيران|تموز|آب|[أا]يلول|تشرين")
_PERIODS = {
    "year": r"(?:ال)?(?:عام|سنة)\s+(?:ال)?(?:حالي|ماضي|جاري|منصرم|مقبل|قادم)|هذا\s+العام|العام\s+ككل",
    "half": r"النصف\s+(?:ال)?(?:أول|اول|ثاني)",
    "quarter": r"الربع\s+(?:ال)?(?:أول|اول|ثاني|ثالث|رابع|أخير|اخير)",
    "month": r"(?:ال)?شهر\s+(?:ال)?(?:ماضي|حالي|جاري|منصرم)|(?:في|خلال)\s+شهر|خلال\s+(?:" + _MONTHS + ")",
    "week": r"(?:ال)?[أا]سبوع\s+(?:ال)?(?:ماضي|حالي|جاري|منصرم)",
}
# ordinals in words the figures parser does not give, as the marks of disputed_figures'
# occasions («ordinal:<noun>#<value>»): «اليوم قبل الأخير» (the penultimate day) is another
# occasion than «اليوم الخامس» (ordinal:يوم#5.0)
_DAY_MARKS = {
    "ordinal:يوم#penultimate": r"اليوم\s+(?:ما\s+)?قبل\s+(?:ال)?[أا]خير",
    "ordinal:يوم#last": r"اليوم\s+(?:ال)?[أا]خير|اليوم\s+(?:ال)?ختامي",
}
# «في يومه الثاني» (its second day): the figures parser reads «الثاني» after «يومه» as an
# ordinal of no noun; the day's mark is given here as the parser gives «اليوم الثاني»'s
for _n, _w in enumerate(("[أا]ول", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع", "عاشر"), 1):
    _DAY_MARKS[f"ordinal:يوم#{_n}.0"] = rf"يوم(?:ه|ها)\s+ال{_w}"
PERIODS_MACRO = (
    "CREATE OR REPLACE MACRO akhbar_periods(s) AS list_filter(["
    + ", ".join([f"CASE WHEN regexp_matches(s, '{rx}') THEN 'period#{name}' END" for name, rx in _PERIODS.items()]
                + [f"CASE WHEN regexp_matches(s, '{rx}') THEN '{mark}' END" for mark, rx in _DAY_MARKS.items()])
    + "], x -> x IS NOT NULL)"
)
# entity('…'): the entity_id a spelling names: the entity most often written so in the
# corpus, else the knowledge base's entry for that spelling, else NULL
ENTITY_MACRO = (
    "CREATE OR REPLACE MACRO entity(s) AS coalesce("
    "(SELECT entity_id FROM entity_aliases WHERE alias_key = akhbar_fold(s) ORDER BY mentions DESC, entity_id LIMIT 1), "
    "(SELECT entity_id FROM kb_aliases WHERE alias_key = akhbar_fold(s)))"
)


def _create_kb_aliases(con: duckdb.DuckDBPyConnection) -> None:
    """``kb_aliases``: every spelling the knowledge bases list (akhbar.entities.identity)."""
    from akhbar.entities.identity import kb_aliases

    rows = kb_aliases()
    table = pa.table({
        "alias_key": list(rows),
        "entity_id": [r[0] for r in rows.values()],
        "name": [r[1] for r in rows.values()],
        "label": [r[2] for r in rows.values()],
    })
    con.register("kb_aliases_arrow", table)
    con.execute("CREATE TABLE kb_aliases AS SELECT * FROM kb_aliases_arrow")
    con.unregister("kb_aliases_arrow")


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
    load_delta(con)
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
