"""Storage: Arrow tables → Parquet parts (atomic), repair after crashes, DuckDB catalogue.

Layout under the output folder ``DIR``::

    DIR/parquet/<table>/version=<pipeline version>/part-<run_id>-<batch>.parquet
    DIR/parquet/duplicates/version=<v>/part-all.parquet     (rebuilt each run)
    DIR/parquet/runs/part-<run_id>.parquet                  (one per run, all versions)
    DIR/akhbar.duckdb                                       (views; rebuilt and swapped in)
    DIR/quarantine/                                         (unreadable files moved aside)

Commit protocol: every part is written to ``<name>.parquet.tmp`` and renamed into
place (``os.replace`` is atomic), and a batch's ``documents`` part is renamed last:
it is the batch's commit marker.  A crash leaves at worst ``*.tmp`` files and child
parts without a documents part; :meth:`Store.repair` removes both at the start of
the next run, whose documents are then processed again (they are not in
``known_doc_ids``), so nothing is lost and nothing is duplicated.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from akhbar.config import PIPELINE_VERSION
from akhbar.errors import OutputLocked

BATCH_TABLES = ("documents", "boilerplate", "sentences", "entities", "figures", "quotes", "rejects")
# every table folder akhbar writes under parquet/: repair and clean-up touch nothing else
OWN_TABLES = (*BATCH_TABLES, "duplicates", "runs")
VERSION_DIR_RE = re.compile(r"^version=\d+\.\d+\.\d+[0-9a-z.]*-s\d+\.\d+\.\d+$")
COMMIT_TABLE = "documents"
PART_RE = re.compile(r"^part-(?P<key>.+)\.parquet$")


class StoreLocked(OutputLocked):
    pass


class Store:
    def __init__(self, output_dir: Path, version: str = PIPELINE_VERSION) -> None:
        self.root = Path(output_dir).resolve()
        self.version = version
        self.parquet = self.root / "parquet"
        self.db_path = self.root / "akhbar.duckdb"
        self.quarantine = self.root / "quarantine"

    # ------------------------------------------------------------------ paths
    def table_dir(self, table: str, version: str | None = None) -> Path:
        if table == "runs":
            return self.parquet / "runs"
        return self.parquet / table / f"version={version or self.version}"

    def parts(self, table: str) -> list[Path]:
        d = self.table_dir(table)
        return sorted(d.glob("part-*.parquet")) if d.is_dir() else []

    def _has_part(self, table: str) -> bool:
        d = self.table_dir(table)
        return d.is_dir() and next(d.glob("part-*.parquet"), None) is not None

    def glob(self, table: str) -> str:
        return str(self.table_dir(table) / "*.parquet")

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

    # ------------------------------------------------------------------ writing
    @staticmethod
    def _write_tmp(table: pa.Table, final: Path) -> Path:
        final.parent.mkdir(parents=True, exist_ok=True)
        tmp = final.with_name(final.name + ".tmp")
        pq.write_table(table, tmp, compression="zstd")
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        return tmp

    def write_batch(self, key: str, tables: dict[str, pa.Table]) -> None:
        """Write one batch's parts; the documents part (always written, maybe empty) commits it."""
        if COMMIT_TABLE not in tables:
            raise ValueError("a batch must carry a documents table (its commit marker)")
        staged: list[tuple[Path, Path]] = []
        for name, table in tables.items():
            if name != COMMIT_TABLE and table.num_rows == 0 and self._has_part(name):
                continue  # an empty part only while the table has none: every table has a file (its schema)
            final = self.table_dir(name) / f"part-{key}.parquet"
            staged.append((self._write_tmp(table, final), final))
        staged.sort(key=lambda pair: pair[1].parent.parent.name == COMMIT_TABLE)  # documents last
        for tmp, final in staged:
            os.replace(tmp, final)

    def write_whole(self, table: str, data: pa.Table, name: str = "all") -> None:
        """Replace a table that is rebuilt whole each run (e.g. duplicates)."""
        final = self.table_dir(table) / f"part-{name}.parquet"
        os.replace(self._write_tmp(data, final), final)

    def write_run(self, run_id: str, data: pa.Table) -> None:
        final = self.table_dir("runs") / f"part-{run_id}.parquet"
        os.replace(self._write_tmp(data, final), final)

    # ------------------------------------------------------------------ reading
    def read_column(self, table: str, column: str) -> list:
        values: list = []
        for part in self.parts(table):
            values.extend(pq.read_table(part, columns=[column]).column(column).to_pylist())
        return values

    def known_doc_ids(self) -> set[str]:
        return set(self.read_column("documents", "doc_id"))

    def known_reject_ids(self) -> set[str]:
        return set(self.read_column("rejects", "reject_id"))

    def read_table(self, table: str, columns: list[str] | None = None) -> pa.Table | None:
        parts = self.parts(table)
        if not parts:
            return None
        return pa.concat_tables(
            [pq.read_table(p, columns=columns) for p in parts], promote_options="default"
        )

    def remove_rows(self, table: str, column: str, values: set[str]) -> int:
        """Rewrite the parts of ``table`` without the rows whose ``column`` is in ``values``
        (each part replaced atomically); returns how many rows were removed."""
        import pyarrow.compute as pc

        removed = 0
        if not values:
            return removed
        for part in self.parts(table):
            data = pq.read_table(part)
            mask = pc.fill_null(pc.is_in(data.column(column), value_set=pa.array(sorted(values), pa.string())), False)
            n = pc.sum(mask).as_py() or 0
            if n:
                os.replace(self._write_tmp(data.filter(pc.invert(mask)), part), part)
                removed += n
        return removed

    # ------------------------------------------------------------------ repair
    def repair(self) -> list[str]:
        """Make the folder consistent after a crash; returns what was done (for the log).

        * ``*.tmp`` files (half-written parts) are deleted;
        * unreadable Parquet files are moved to ``quarantine/`` — with the rest of their
          batch, so the batch's documents are processed again by this run;
        * child parts whose batch has no documents part (crash between renames) are deleted.
        """
        actions: list[str] = []
        if not self.parquet.is_dir():
            return actions
        own_dirs = [self.parquet / t for t in OWN_TABLES if (self.parquet / t).is_dir()]
        for tmp in (t for d in own_dirs for t in d.rglob("part-*.parquet.tmp")):
            tmp.unlink(missing_ok=True)
            actions.append(f"removed half-written file {tmp.relative_to(self.root)}")
        broken_keys: set[str] = set()
        for part in (p for d in own_dirs for p in d.rglob("part-*.parquet")):
            try:
                pq.read_metadata(part)
            except Exception as exc:  # noqa: BLE001 - any unreadable file is quarantined
                self._quarantine(part)
                actions.append(f"quarantined unreadable {part.relative_to(self.root)}: {exc}")
                m = PART_RE.match(part.name)
                if m and part.parent.name == f"version={self.version}":
                    broken_keys.add(m.group("key"))
        committed = {PART_RE.match(p.name).group("key") for p in self.parts(COMMIT_TABLE)}  # type: ignore[union-attr]
        for key in broken_keys & committed:
            doc_part = self.table_dir(COMMIT_TABLE) / f"part-{key}.parquet"
            self._quarantine(doc_part)
            actions.append(f"un-committed batch {key} (one of its parts was unreadable): it is processed again")
            committed.discard(key)
        for table in BATCH_TABLES:
            if table == COMMIT_TABLE:
                continue
            for part in self.parts(table):
                key = PART_RE.match(part.name).group("key")  # type: ignore[union-attr]
                if key not in committed:
                    part.unlink()
                    actions.append(f"removed uncommitted {part.relative_to(self.root)}")
        return actions

    def _quarantine(self, path: Path) -> None:
        rel = path.relative_to(self.root)
        dest = self.quarantine / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(path), str(dest))

    def drop_other_versions(self) -> list[str]:
        """After a completed run, remove parts written by other pipeline versions."""
        removed = []
        if not self.parquet.is_dir():
            return removed
        for table_dir in (self.parquet / t for t in OWN_TABLES if t != "runs"):
            if not table_dir.is_dir():
                continue
            for vdir in table_dir.glob("version=*"):
                if vdir.name != f"version={self.version}" and VERSION_DIR_RE.match(vdir.name):
                    shutil.rmtree(vdir)
                    removed.append(str(vdir.relative_to(self.root)))
        return removed
