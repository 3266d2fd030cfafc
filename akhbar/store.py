"""Storage: one Delta Lake table per output table, pinned snapshots, crash repair.

Layout under the output folder ``DIR`` (docs/storage.md says why Delta Lake)::

    DIR/tables/<table>/                 a Delta table (Parquet files + _delta_log/)
    DIR/tables/table_versions/          which Delta version of each table each completed run left
    DIR/akhbar.duckdb                   views pinned to the last completed run's versions
    DIR/quarantine/                     unreadable data files moved aside by the repair

Commits: each batch is one Delta commit per table, child tables and ``rejects`` first and
``documents`` last.  A document stored by another pipeline version is *replaced* in the
same commit that writes its new rows (``overwrite`` with a ``doc_id IN (...)``
predicate), so no Delta reader ever sees two versions of a document in one table.
A run that completes records the version of every table in ``table_versions``; the
analysts' views read exactly those versions (``delta_scan(path, version := n)``), so
they show one consistent snapshot across tables at every moment, and never the rows of
a batch or a run that has not completed.  Earlier snapshots stay readable (time travel)
and restorable (:meth:`Store.restore`) for ``history_days``.

A crash can leave child rows whose ``documents`` commit never happened; the next run's
:meth:`Store.repair` deletes them (their documents are then processed again, as they are
not in ``known_doc_ids``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from deltalake import DeltaTable, write_deltalake
from deltalake.exceptions import TableNotFoundError

from akhbar.config import PIPELINE_VERSION, SCHEMA_VERSION
from akhbar.errors import OutputLocked

BATCH_TABLES = ("documents", "boilerplate", "sentences", "entities", "figures", "quotes", "rejects")
CHILD_TABLES = ("boilerplate", "sentences", "entities", "figures", "quotes")
COMMIT_TABLE = "documents"
VERSIONS_TABLE = "table_versions"
VERSIONS_SCHEMA = pa.schema([
    pa.field("run_id", pa.string(), nullable=False),
    pa.field("table", pa.string(), nullable=False),
    pa.field("version", pa.int64(), nullable=False),
    pa.field("recorded_at", pa.timestamp("us", tz="UTC"), nullable=False),
])
HISTORY_DAYS = 30  # snapshots older than this may be vacuumed (no time travel past it)


class StoreLocked(OutputLocked):
    pass


def _in_list(values: Iterable[str]) -> str:
    return ", ".join("'" + v.replace("'", "''") + "'" for v in sorted(set(values)))


class Store:
    def __init__(self, output_dir: Path, version: str = PIPELINE_VERSION, history_days: int = HISTORY_DAYS) -> None:
        self.root = Path(output_dir).resolve()
        self.version = version
        self.history_days = history_days
        self.tables = self.root / "tables"
        self.db_path = self.root / "akhbar.duckdb"
        self.quarantine = self.root / "quarantine"
        # doc_ids with rows in the store (any pipeline version): their rows are replaced, not appended
        self.stored_ids: frozenset[str] = frozenset()

    # ------------------------------------------------------------------ paths
    def table_path(self, table: str) -> Path:
        return self.tables / table

    def delta(self, table: str, version: int | None = None) -> DeltaTable | None:
        try:
            return DeltaTable(str(self.table_path(table)), version=version)
        except TableNotFoundError:
            return None

    def exists(self, table: str) -> bool:
        return (self.table_path(table) / "_delta_log").is_dir()

    # ------------------------------------------------------------------ locking
    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """One writer per output folder (readers are never blocked)."""
        self.root.mkdir(parents=True, exist_ok=True)
        fh = open(self.root / ".lock", "w")
        try:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as exc:
                raise StoreLocked(f"another akhbar run is writing to {self.root}") from exc
            yield
        finally:
            fh.close()

    @contextlib.contextmanager
    def _commit_lock(self) -> Iterator[None]:
        """Batches of one run commit one at a time, also from Dask worker processes."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / ".commit-lock", "w") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            yield

    # ------------------------------------------------------------------ writing
    def _write(self, table: str, data: pa.Table, replace_ids: set[str] | None = None) -> None:
        path = str(self.table_path(table))
        # schema_mode="merge": a contract release that adds (nullable) columns writes into a
        # table of the previous release; rows of older documents read null there until their
        # batch is re-processed (a new pipeline version re-processes every document)
        if replace_ids and self.exists(table):
            write_deltalake(path, data, mode="overwrite", predicate=f"doc_id IN ({_in_list(replace_ids)})",
                            schema_mode="merge")
        else:
            write_deltalake(path, data, mode="append", schema_mode="merge")

    def write_batch(self, key: str, tables: dict[str, pa.Table]) -> None:
        """Commit one batch: one Delta commit per table, ``documents`` last.

        Documents of the batch already stored (by another pipeline version, or by a
        crashed run) have their rows replaced in the same commit that adds the new ones.
        """
        if COMMIT_TABLE not in tables:
            raise ValueError("a batch must carry a documents table (it is committed last)")
        doc_ids = set(tables[COMMIT_TABLE].column("doc_id").to_pylist())
        # the predicate covers every document of the batch (delta-rs checks the new rows match it)
        replace = doc_ids if doc_ids & self.stored_ids else set()
        with self._commit_lock():
            for name in (*CHILD_TABLES, "rejects", COMMIT_TABLE):
                data = tables.get(name)
                if name == "rejects" or name not in tables:
                    # an empty first write creates the table: every table is readable (with its
                    # schema) after the first batch, rejects included
                    if data is not None and (data.num_rows or not self.exists(name)):
                        self._write(name, data)
                    continue
                if data.num_rows or not self.exists(name) or (replace and self.exists(name)):
                    self._write(name, data, replace)

    def write_whole(self, table: str, data: pa.Table) -> None:
        """Replace a table that is rebuilt whole each run (e.g. duplicates): one commit."""
        write_deltalake(str(self.table_path(table)), data, mode="overwrite", schema_mode="overwrite")

    def set_story_ids(self, placed: pa.Table, chunk: int = 2000) -> None:
        """``documents.story_id`` of the documents in ``placed`` (doc_id, story_id).

        Their rows are rewritten with the story id by predicate overwrites, written from
        Arrow with the contract's schema (a Delta MERGE would write its files with other
        Arrow types: ``string_view``).  The overwrites go file by file: the data files
        holding placed documents are grouped (about ``chunk`` placed documents a group) and
        each group's placed rows are read from those files alone and overwritten, so every
        file is rewritten once.  (Cutting the sorted doc_ids in chunks instead rewrote every
        file of the table once per chunk: a batch's doc_ids are spread over the whole range,
        and each chunk read the whole table back; on 30,000 documents that held 1 GB.)"""
        if not placed.num_rows or not self.exists(COMMIT_TABLE):
            return
        import pyarrow.dataset as pads

        from akhbar.schemas import ARROW

        story = dict(zip(placed.column("doc_id").to_pylist(), placed.column("story_id").to_pylist()))
        wanted = pa.array(sorted(story), pa.string())
        path = str(self.table_path(COMMIT_TABLE))
        with self._commit_lock():
            data = DeltaTable(path).to_pyarrow_dataset()
            groups: list[list] = []
            size = 0
            for frag in data.get_fragments():
                ids = frag.to_table(schema=data.schema, columns=["doc_id"]).column("doc_id")
                hits = int(pc.sum(pc.is_in(ids, value_set=wanted)).as_py() or 0)
                if not hits:
                    continue
                if not groups or size >= chunk:
                    groups.append([])
                    size = 0
                groups[-1].append(frag)
                size += hits
            in_placed = pads.field("doc_id").isin(wanted)
            for group in groups:
                rows = pa.concat_tables([f.to_table(schema=data.schema, filter=in_placed) for f in group])
                doc_ids = rows.column("doc_id").to_pylist()
                col = rows.schema.get_field_index("story_id")
                values = pa.array([story[d] for d in doc_ids], pa.string())
                rows = rows.set_column(col, rows.schema.field(col), values).cast(ARROW[COMMIT_TABLE])
                write_deltalake(path, rows, mode="overwrite", predicate=f"doc_id IN ({_in_list(doc_ids)})",
                                schema_mode="merge")
                del rows

    def write_run(self, run_id: str, data: pa.Table) -> None:
        """Add or replace the run's row in ``runs`` (one commit)."""
        path = str(self.table_path("runs"))
        if self.exists("runs"):
            write_deltalake(path, data, mode="overwrite", predicate=f"run_id = '{run_id}'", schema_mode="merge")
        else:
            write_deltalake(path, data, mode="append", schema_mode="merge")

    # ------------------------------------------------------------------ snapshots
    def versions(self) -> dict[str, int]:
        """Current Delta version of every table that exists."""
        out = {}
        if self.tables.is_dir():
            for d in sorted(self.tables.iterdir()):
                if d.name != VERSIONS_TABLE and (d / "_delta_log").is_dir():
                    out[d.name] = DeltaTable(str(d)).version()
        return out

    def stamp_schema(self) -> list[str]:
        """Write the contract's schema version into each table's Delta properties
        (``akhbar.table``, ``akhbar.schema_version``) where it is missing or older, so a
        reader of the files alone can tell which contract they follow.  Returns the tables
        stamped (one commit each; none when already current)."""
        stamped = []
        for name in self.versions():
            dtab = DeltaTable(str(self.table_path(name)))
            want = {"akhbar.table": name, "akhbar.schema_version": SCHEMA_VERSION}
            conf = dtab.metadata().configuration
            if any(conf.get(k) != v for k, v in want.items()):
                dtab.alter.set_table_properties(want, raise_if_not_exists=False)
                stamped.append(name)
        return stamped

    def record_snapshot(self, run_id: str) -> dict[str, int]:
        """Record the tables' versions as the snapshot of a completed run (one commit)."""
        self.stamp_schema()
        versions = self.versions()
        now = dt.datetime.now(dt.timezone.utc)
        rows = [{"run_id": run_id, "table": t, "version": v, "recorded_at": now} for t, v in versions.items()]
        write_deltalake(str(self.table_path(VERSIONS_TABLE)), pa.Table.from_pylist(rows, schema=VERSIONS_SCHEMA),
                        mode="append")
        return versions

    def snapshot(self, run_id: str | None = None) -> dict[str, int]:
        """Table versions recorded by a completed run (default: the latest one)."""
        dtab = self.delta(VERSIONS_TABLE)
        if dtab is None:
            return {}
        rows = dtab.to_pyarrow_table().to_pylist()
        if not rows:
            return {}
        if run_id is None:
            run_id = max(rows, key=lambda r: r["recorded_at"])["run_id"]
        return {r["table"]: r["version"] for r in rows if r["run_id"] == run_id}

    def snapshots(self) -> list[str]:
        """Run ids of the recorded snapshots, oldest first."""
        dtab = self.delta(VERSIONS_TABLE)
        if dtab is None:
            return []
        rows = dtab.to_pyarrow_table(columns=["run_id", "recorded_at"]).to_pylist()
        return [r["run_id"] for r in sorted({(r["recorded_at"], r["run_id"]): r for r in rows}.values(),
                                            key=lambda r: r["recorded_at"])]

    def restore(self, run_id: str) -> dict[str, int]:
        """Make a completed run's snapshot the current state of every table (new commits;
        the later history stays readable) and record it as a snapshot of its own."""
        snap = self.snapshot(run_id)
        if not snap:
            raise KeyError(f"no snapshot recorded for run {run_id}")
        with self._commit_lock():
            for table, version in snap.items():
                dtab = self.delta(table)
                if dtab is not None and dtab.version() != version:
                    dtab.restore(version)
        return self.record_snapshot(f"restore-{run_id}")

    # ------------------------------------------------------------------ reading
    def read_table(self, table: str, columns: list[str] | None = None, version: int | None = None) -> pa.Table | None:
        """The table's latest commit (or ``version``); None when it does not exist yet."""
        dtab = self.delta(table, version)
        return None if dtab is None else dtab.to_pyarrow_table(columns=columns)

    def read_column(self, table: str, column: str) -> list:
        data = self.read_table(table, [column])
        return [] if data is None else data.column(column).to_pylist()

    def known_doc_ids(self) -> set[str]:
        """Documents stored by this pipeline version (they are skipped by a run)."""
        data = self.read_table(COMMIT_TABLE, ["doc_id", "pipeline_version"])
        if data is None:
            return set()
        return set(data.filter(pc.equal(data.column("pipeline_version"), self.version)).column("doc_id").to_pylist())

    def load_stored_ids(self) -> None:
        """Remember every doc_id with rows in the store, whatever its version (for replacing)."""
        self.stored_ids = frozenset(self.read_column(COMMIT_TABLE, "doc_id"))

    def known_reject_ids(self) -> set[str]:
        return set(self.read_column("rejects", "reject_id"))

    def remove_rows(self, table: str, column: str, values: set[str]) -> int:
        """Delete the rows of ``table`` whose ``column`` is in ``values`` (one commit);
        returns how many rows were removed."""
        dtab = self.delta(table)
        if dtab is None or not values:
            return 0
        with self._commit_lock():
            metrics = dtab.delete(f"{column} IN ({_in_list(values)})")
        return int(metrics.get("num_deleted_rows", 0) or 0)

    # ------------------------------------------------------------------ repair
    def repair(self) -> list[str]:
        """Make the tables consistent after a crash; returns what was done (for the log).

        * a committed data file that cannot be read is moved to ``quarantine/`` and dropped
          from its table (``DeltaTable.repair``); the documents its rows may belong to (by
          the file's doc_id range) are deleted with all their rows, so this run processes
          them again;
        * child rows whose document was never committed (a crash between a batch's
          commits) are deleted.
        """
        actions: list[str] = []
        if not self.tables.is_dir():
            return actions
        redo: set[str] = set()
        for table in BATCH_TABLES:
            dtab = self.delta(table)
            if dtab is None:
                continue
            adds = pa.table(dtab.get_add_actions(flatten=True)).to_pylist()
            lost = []
            for add in adds:
                path = self.table_path(table) / add["path"]
                try:
                    pq.read_metadata(path)
                except Exception as exc:  # noqa: BLE001 - any unreadable file is quarantined
                    if path.exists():
                        self._quarantine(path)
                    lost.append(add)
                    actions.append(f"quarantined unreadable {path.relative_to(self.root)}: {exc}")
            if lost:
                dtab.repair(dry_run=False)
                if table != "rejects":
                    ranges = [(a.get("min.doc_id"), a.get("max.doc_id")) for a in lost]
                    docs = self.read_column(COMMIT_TABLE, "doc_id")
                    redo |= {d for d in docs for lo, hi in ranges if lo is None or hi is None or lo <= d <= hi}
        if redo:
            with self._commit_lock():
                for table in (COMMIT_TABLE, *CHILD_TABLES):  # documents first: un-commit, then clean
                    dtab = self.delta(table)
                    if dtab is not None:
                        dtab.delete(f"doc_id IN ({_in_list(redo)})")
            actions.append(f"un-committed {len(redo)} documents whose rows were in unreadable files: processed again")
        docs = set(self.read_column(COMMIT_TABLE, "doc_id"))
        for table in CHILD_TABLES:
            ids = set(self.read_column(table, "doc_id"))
            orphans = ids - docs
            if orphans:
                self.delta(table).delete(f"doc_id IN ({_in_list(orphans)})")  # type: ignore[union-attr]
                actions.append(f"removed rows of {len(orphans)} uncommitted documents from {table}")
        return actions

    def _quarantine(self, path: Path) -> None:
        rel = path.relative_to(self.root)
        dest = self.quarantine / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(path), str(dest))

    def drop_other_versions(self) -> list[str]:
        """After a completed run, delete rows of documents still at another pipeline
        version (their input is gone); earlier snapshots keep them for time travel."""
        data = self.read_table(COMMIT_TABLE, ["doc_id", "pipeline_version"])
        if data is None:
            return []
        old = set(data.filter(pc.not_equal(data.column("pipeline_version"), self.version)).column("doc_id").to_pylist())
        if not old:
            return []
        with self._commit_lock():
            for table in (COMMIT_TABLE, *CHILD_TABLES):
                dtab = self.delta(table)
                if dtab is not None:
                    dtab.delete(f"doc_id IN ({_in_list(old)})")
        return [f"{len(old)} documents of another pipeline version"]

    def maintain(self) -> None:
        """Compact each table's small per-batch files and vacuum files that no snapshot
        younger than ``history_days`` needs."""
        for table in self.versions():
            dtab = self.delta(table)
            if dtab is None:
                continue
            if len(dtab.file_uris()) > 16:
                dtab.optimize.compact()
            dtab.vacuum(retention_hours=self.history_days * 24, dry_run=False, enforce_retention_duration=False)
