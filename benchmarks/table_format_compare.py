"""Delta Lake against DuckLake (and the old hand-written Parquet layout) for akhbar's storage.

    .venv/bin/python benchmarks/table_format_compare.py            # 3,000 SaudiNewsNet articles
    .venv/bin/python benchmarks/table_format_compare.py --docs 500

Runs the same scenarios on each format, in the same run, and prints one line per finding
(the figures in docs/storage.md come from this script):

1. atomic batch commit: a batch writes documents + sentences; the writer raises between
   the two tables. What does a reader see?
2. readers during writes: a reader in another process polls while a writer commits batches.
3. pipeline upgrade: 200 documents re-written by a new pipeline version in batches of 50,
   a reader polling row counts in another process; then the previous version is read back
   (time travel) and restored.
4. concurrent writers: two processes append 10 batches each to the same table.
5. plain Parquet readers: ``read_parquet('<table dir>/**/*.parquet')`` after the upgrade.
6. speed: documents + sentences of N real articles written in batches of 200, against the
   old layout (one ``pyarrow.parquet.write_table`` per batch and table) measured in the same run.

DuckLake is tried with its DuckDB-file catalogue (the only catalogue that loads offline
from a PyPI wheel here: the sqlite/postgres catalogues need more extensions).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import re
import shutil
import tempfile
import time
import zipfile
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "saudinewsnet"


# ----------------------------------------------------------------------------- data


def load_articles(n: int) -> list[dict]:
    out: list[dict] = []
    for zpath in sorted(DATA.glob("*.zip")):
        with zipfile.ZipFile(zpath) as zf:
            for name in zf.namelist():
                for rec in json.loads(zf.read(name)):
                    if rec.get("content"):
                        out.append(rec)
                        if len(out) >= n:
                            return out
    return out


def make_batch(articles: list[dict], start: int, version: str) -> dict[str, pa.Table]:
    docs, sents = [], []
    for i, art in enumerate(articles):
        doc_id = f"{start + i:016x}"
        docs.append({"doc_id": doc_id, "title": art.get("title"), "clean_text": art["content"],
                     "pipeline_version": version})
        for k, s in enumerate(x for x in re.split(r"(?<=[.!؟])\s+", art["content"]) if x.strip()):
            sents.append({"doc_id": doc_id, "sentence_idx": k, "text": s, "pipeline_version": version})
    return {"documents": pa.Table.from_pylist(docs), "sentences": pa.Table.from_pylist(sents)}


# ----------------------------------------------------------------------------- formats


def duck() -> duckdb.DuckDBPyConnection:
    from duckdb_extensions import import_extension

    con = duckdb.connect()
    for ext in ("delta", "ducklake"):
        import_extension(ext, con=con)
        con.execute(f"LOAD {ext}")
    return con


class Delta:
    name = "delta"

    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, batch: dict[str, pa.Table], replace: bool = False, fail_after: str | None = None) -> None:
        from deltalake import write_deltalake

        for table in ("sentences", "documents"):  # documents last: the batch's commit point
            data = batch[table]
            path = str(self.root / table)
            if replace:
                ids = ", ".join(f"'{d}'" for d in set(data.column("doc_id").to_pylist()))
                write_deltalake(path, data, mode="overwrite", predicate=f"doc_id IN ({ids})")
            else:
                write_deltalake(path, data, mode="append")
            if fail_after == table:
                raise RuntimeError("simulated crash between two tables")

    def count(self, con: duckdb.DuckDBPyConnection, table: str, version: int | None = None) -> int:
        at = f", version := {version}" if version is not None else ""
        return con.execute(f"select count(*) from delta_scan('{self.root / table}'{at})").fetchone()[0]

    def version(self, table: str) -> int:
        from deltalake import DeltaTable

        return DeltaTable(str(self.root / table)).version()

    def restore(self, table: str, version: int) -> None:
        from deltalake import DeltaTable

        DeltaTable(str(self.root / table)).restore(version)

    def files(self, table: str) -> str:
        return str(self.root / table / "**" / "*.parquet")


class DuckLake:
    name = "ducklake"

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        (root / "data").mkdir(exist_ok=True)

    def attach(self, con: duckdb.DuckDBPyConnection, read_only: bool = False) -> None:
        ro = ", READ_ONLY" if read_only else ""
        con.execute(f"ATTACH 'ducklake:{self.root / 'meta.ducklake'}' AS lake (DATA_PATH '{self.root / 'data'}/'{ro})")

    def write(self, batch: dict[str, pa.Table], replace: bool = False, fail_after: str | None = None,
              con: duckdb.DuckDBPyConnection | None = None) -> None:
        own = con is None
        if own:
            con = duck()
            self.attach(con)
        try:
            con.execute("BEGIN")
            for table in ("sentences", "documents"):
                data = batch[table]  # noqa: F841 (read by DuckDB by name)
                exists = con.execute(
                    "select count(*) from duckdb_tables() where database_name = 'lake' and table_name = ?", [table]
                ).fetchone()[0]
                if not exists:
                    con.execute(f"CREATE TABLE lake.{table} AS SELECT * FROM data")
                else:
                    if replace:
                        con.execute(f"DELETE FROM lake.{table} WHERE doc_id IN (SELECT doc_id FROM data)")
                    con.execute(f"INSERT INTO lake.{table} SELECT * FROM data")
                if fail_after == table:
                    raise RuntimeError("simulated crash between two tables")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        finally:
            if own:
                con.close()

    def count(self, con: duckdb.DuckDBPyConnection, table: str, version: int | None = None) -> int:
        at = f" AT (VERSION => {version})" if version is not None else ""
        return con.execute(f"select count(*) from lake.{table}{at}").fetchone()[0]

    def files(self, table: str) -> str:
        return str(self.root / "data" / "main" / table / "**" / "*.parquet")


# ----------------------------------------------------------------------------- readers / writers in other processes


def _poll(kind: str, root: str, stop, out) -> None:
    """Poll the documents count until told to stop; report counts seen and errors."""
    con = duck()
    fmt = Delta(Path(root)) if kind == "delta" else DuckLake(Path(root))
    seen, errors = [], []
    while not stop.is_set():
        try:
            if kind == "ducklake":
                fmt.attach(con, read_only=True)
            seen.append(fmt.count(con, "documents"))
        except Exception as exc:  # noqa: BLE001 - the point is to record what a reader gets
            errors.append(type(exc).__name__ + ": " + str(exc).splitlines()[0][:120])
        finally:
            if kind == "ducklake":
                try:
                    con.execute("DETACH lake")
                except Exception:  # noqa: BLE001
                    pass
        time.sleep(0.005)
    out.put((seen, errors))


def _append_many(kind: str, root: str, who: int, articles: list[dict], out) -> None:
    fmt = Delta(Path(root)) if kind == "delta" else DuckLake(Path(root))
    ok, errors = 0, []
    for b in range(10):
        try:
            fmt.write(make_batch(articles[b * 5:(b + 1) * 5], who * 1_000_000 + b * 5, "v1"))
            ok += 1
        except Exception as exc:  # noqa: BLE001
            errors.append(type(exc).__name__ + ": " + str(exc).splitlines()[0][:120])
    out.put((who, ok, errors))


def with_reader(kind: str, root: Path, work) -> tuple[list[int], list[str]]:
    ctx = mp.get_context("spawn")
    stop, out = ctx.Event(), ctx.Queue()
    proc = ctx.Process(target=_poll, args=(kind, str(root), stop, out))
    proc.start()
    time.sleep(1.5)  # the reader is up and polling
    try:
        work()
    finally:
        time.sleep(0.3)
        stop.set()
        seen, errors = out.get(timeout=60)
        proc.join()
    return seen, errors


def summary(seen: list[int], errors: list[str]) -> str:
    distinct = sorted(set(seen))
    err = f"; {len(errors)} failed reads, e.g. {errors[0]!r}" if errors else ""
    return f"{len(seen)} reads, distinct document counts {distinct}{err}"


# ----------------------------------------------------------------------------- scenarios


def scenario(fmt_cls, base: Path, articles: list[dict]) -> dict:
    res: dict = {}
    kind = fmt_cls.name
    # 1. atomic batch commit across two tables
    fmt = fmt_cls(base / "atomic")
    fmt.write(make_batch(articles[:10], 0, "v1"))
    try:
        fmt.write(make_batch(articles[10:20], 10, "v1"), fail_after="sentences")
    except RuntimeError:
        pass
    con = duck()
    if kind == "ducklake":
        fmt.attach(con, read_only=True)
    n_docs = fmt.count(con, "documents")
    orphan = con.execute(
        f"select count(*) from ({_scan(fmt, 'sentences')}) s anti join ({_scan(fmt, 'documents')}) d using (doc_id)"
    ).fetchone()[0]
    con.close()
    res["1 crash between tables"] = f"documents {n_docs} (10 committed), sentence rows without a document: {orphan}"

    # 2 + 3. upgrade with a reader in another process, then time travel / restore
    fmt = fmt_cls(base / "upgrade")
    for b in range(4):
        fmt.write(make_batch(articles[b * 50:(b + 1) * 50], b * 50, "v1"))
    if kind == "ducklake":
        con = duck()
        fmt.attach(con)
        before = con.execute("select max(snapshot_id) from lake.snapshots()").fetchone()[0]
        con.close()
    else:
        before = fmt.version("documents")

    writer_errors: list[str] = []

    def upgrade() -> None:
        for b in range(4):
            try:
                fmt.write(make_batch(articles[b * 50:(b + 1) * 50], b * 50, "v2"), replace=True)
            except Exception as exc:  # noqa: BLE001 - record what the writer gets
                writer_errors.append(type(exc).__name__ + ": " + str(exc).splitlines()[0][:160])

    seen, errors = with_reader(kind, fmt.root, upgrade)
    res["2-3 reader during upgrade (200 docs)"] = summary(seen, errors) + (
        f"; writer: {4 - len(writer_errors)}/4 batches committed"
        + (f", e.g. {writer_errors[0]!r}" if writer_errors else ""))
    if writer_errors:  # finish the upgrade with no reader, for the time-travel figures
        upgrade()
    con = duck()
    if kind == "ducklake":
        fmt.attach(con)
    now = fmt.count(con, "documents")
    old = fmt.count(con, "documents", before)
    versions = con.execute(
        f"select list(distinct pipeline_version) from ({_scan(fmt, 'documents', before)})"
    ).fetchone()[0]
    res["3 after upgrade"] = f"{now} documents now; previous version (time travel) {old} rows of {versions}"
    if kind == "delta":
        fmt.restore("documents", before)
        back = con.execute(f"select list(distinct pipeline_version), count(*) from ({_scan(fmt, 'documents')})").fetchone()
        res["3 restore"] = f"DeltaTable.restore({before}): documents back to {back[0]}, {back[1]} rows"
    # 5. plain Parquet readers
    plain = con.execute(f"select count(*) from read_parquet('{fmt.files('documents')}')").fetchone()[0]
    res["5 plain read_parquet on the folder"] = f"{plain} document rows (true count {now})"
    con.close()

    # 4. concurrent writers
    croot = base / "concurrent"
    fmt_cls(croot)  # creates folders for DuckLake
    if kind == "delta":  # create the table first: two first commits race on creating it
        Delta(croot).write(make_batch(articles[:1], 9_000_000, "v1"))
    else:
        DuckLake(croot).write(make_batch(articles[:1], 9_000_000, "v1"))
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    procs = [ctx.Process(target=_append_many, args=(kind, str(croot), w, articles[:50], out)) for w in (1, 2)]
    for p in procs:
        p.start()
    results = [out.get(timeout=300) for _ in procs]
    for p in procs:
        p.join()
    con = duck()
    fmt = fmt_cls(croot)
    if kind == "ducklake":
        fmt.attach(con, read_only=True)
    total = fmt.count(con, "documents")
    con.close()
    oks = sum(r[1] for r in results)
    errs = [e for r in results for e in r[2]]
    res["4 two writer processes x 10 batches"] = (
        f"{oks}/20 batches committed, {total - 1} documents (expected 100)"
        + (f"; {len(errs)} failed, e.g. {errs[0]!r}" if errs else "")
    )
    return res


def _scan(fmt, table: str, version: int | None = None) -> str:
    if isinstance(fmt, Delta):
        at = f", version := {version}" if version is not None else ""
        return f"select * from delta_scan('{fmt.root / table}'{at})"
    at = f" AT (VERSION => {version})" if version is not None else ""
    return f"select * from lake.{table}{at}"


def speed(base: Path, articles: list[dict], batch: int = 200) -> dict[str, float]:
    batches = [make_batch(articles[i:i + batch], i, "v1") for i in range(0, len(articles), batch)]
    times: dict[str, float] = {}
    t = time.perf_counter()
    for k, b in enumerate(batches):
        for table, data in b.items():
            d = base / "plain" / table
            d.mkdir(parents=True, exist_ok=True)
            pq.write_table(data, d / f"part-{k:05d}.parquet", compression="zstd")
    times["plain parquet (old layout)"] = time.perf_counter() - t
    t = time.perf_counter()
    fmt = Delta(base / "speed_delta")
    for b in batches:
        fmt.write(b)
    times["delta append"] = time.perf_counter() - t
    t = time.perf_counter()
    for b in batches[:5]:
        fmt.write(b, replace=True)
    times["delta replace 5 batches (upgrade)"] = time.perf_counter() - t
    t = time.perf_counter()
    fmt = DuckLake(base / "speed_ducklake")
    con = duck()
    fmt.attach(con)
    for b in batches:
        fmt.write(b, con=con)
    times["ducklake insert"] = time.perf_counter() - t
    t = time.perf_counter()
    for b in batches[:5]:
        fmt.write(b, replace=True, con=con)
    times["ducklake replace 5 batches (upgrade)"] = time.perf_counter() - t
    con.close()
    return times


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=3000)
    args = ap.parse_args()
    articles = load_articles(max(args.docs, 200))
    rows = sum(make_batch(articles[i:i + 200], i, "v1")["sentences"].num_rows for i in range(0, len(articles), 200))
    print(f"{len(articles)} SaudiNewsNet articles, {rows} sentence rows")
    base = Path(tempfile.mkdtemp(prefix="akhbar-formats-"))
    try:
        for fmt_cls in (Delta, DuckLake):
            print(f"\n== {fmt_cls.name}")
            for key, value in scenario(fmt_cls, base / fmt_cls.name, articles).items():
                print(f"{key}: {value}")
        print(f"\n== speed: {len(articles)} documents + {rows} sentence rows, batches of 200")
        times = speed(base, articles)
        ref = times["plain parquet (old layout)"]
        for key, value in times.items():
            print(f"{key}: {value:.2f} s ({value / ref:.1f} x plain parquet)")
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
