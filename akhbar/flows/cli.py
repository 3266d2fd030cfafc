"""The ``akhbar`` command line: run the flow, query the output, serve a schedule."""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

import akhbar.flows._env  # noqa: F401  (Prefect settings before prefect is imported)

from akhbar.config import DEFAULT_INPUT, DEFAULT_OUTPUT
from akhbar.errors import EXIT_INTERRUPTED, AkhbarError


def _error(message: str) -> None:
    print(f"akhbar: error: {message}", file=sys.stderr)


def _preflight(input_path: Path, output: Path) -> None:
    """The checks a run makes first, made before Prefect starts: each failure is one line
    and its own exit code (AkhbarError), with nothing written."""
    from akhbar.outdir import check_input, claim_output
    from akhbar.store import Store

    check_input(input_path)
    claim_output(output)
    with Store(output).lock():
        pass


def _cmd_run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except AkhbarError as exc:
        _error(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        print(_INTERRUPTED, file=sys.stderr)
        return EXIT_INTERRUPTED


_INTERRUPTED = "akhbar: interrupted: the batches already stored are kept; run the same command again to complete the work"


def _run(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
    from rich.table import Table

    from akhbar.flows import akhbar_flow

    from akhbar.flows.process import on_interrupt, start_local_api

    console = Console(stderr=True)
    input_path = Path(args.input).resolve()
    _preflight(input_path, Path(args.output).resolve())
    on_interrupt(lambda: print("\n" + _INTERRUPTED, file=sys.stderr), EXIT_INTERRUPTED)
    _quiet_known_errors()
    start_local_api()
    progress = Progress(
        TextColumn("[bold]akhbar[/bold] {task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=False,
        disable=args.quiet,
    )
    task_id = progress.add_task("scanning inputs", total=None)

    def hook(advance: int, total: int | None) -> None:
        if total is not None:
            progress.update(task_id, total=total, description="processing")
        progress.advance(task_id, advance)

    progress_token = akhbar_flow.PROGRESS.set(hook)
    run_flow = akhbar_flow.akhbar_run
    if args.dask_address or args.dask_workers:
        from prefect_dask import DaskTaskRunner

        if args.dask_address:
            runner = DaskTaskRunner(address=args.dask_address)
        else:
            runner = DaskTaskRunner(cluster_kwargs={"n_workers": args.dask_workers, "threads_per_worker": 1,
                                                    "processes": True, "dashboard_address": None})
        run_flow = run_flow.with_options(task_runner=runner)
    t0 = time.perf_counter()
    try:
        with progress:
            summary = run_flow(
                input_path=str(input_path),
                output_dir=str(Path(args.output).resolve()),
                batch_size=args.batch_size,
                use_ner_model=not args.no_model,
                workers=args.workers,
                ner_bilstm=not args.no_bilstm,
            )
    finally:
        akhbar_flow.PROGRESS.reset(progress_token)
    elapsed = time.perf_counter() - t0
    table = Table(title=f"akhbar run {summary['run_id']}", show_header=False)
    for label, key in (
        ("inputs read", "inputs"),
        ("documents unchanged (already stored)", "unchanged"),
        ("documents written", "documents"),
        ("sentences", "sentences"),
        ("entities", "entities"),
        ("figures", "figures"),
        ("quotes", "quotes"),
        ("boilerplate lines removed", "boilerplate"),
        ("rejects", "rejects"),
        ("near-duplicate paragraphs", "duplicates"),
        ("stories (documents about one event)", "stories"),
    ):
        table.add_row(label, f"{summary[key]:,}")
    table.add_row("time", f"{elapsed:.1f} s (pipeline {summary['seconds']:.1f} s)")
    table.add_row("output", f"{summary['output_dir']}/akhbar.duckdb")
    if summary.get("report"):
        table.add_row("report", summary["report"])
    Console().print(table)
    if summary["rejects"]:
        Console().print(f"see rejects: akhbar sql --output {args.output} \"select source, reason from rejects\"")
    return 0


def _cmd_sql(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.table import Table

    from akhbar.catalog import query

    db = Path(args.output) / "akhbar.duckdb"
    sql = args.query if args.query != "-" else sys.stdin.read()
    try:
        cols, rows = query(db, sql)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # duckdb errors: show them plainly
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.format == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(cols)
        writer.writerows(rows)
        return 0
    table = Table(*cols, show_lines=False)
    shown = rows if args.limit <= 0 else rows[: args.limit]
    for row in shown:
        table.add_row(*["NULL" if v is None else str(v) for v in row])
    # piped output (no terminal) is not cut to 80 columns
    console = Console(width=None if sys.stdout.isatty() else 240)
    console.print(table)
    if len(rows) > len(shown):
        console.print(f"({len(rows) - len(shown)} more rows; use --limit 0 or --format csv)")
    return 0


def _cmd_refresh(args: argparse.Namespace) -> int:
    from akhbar.catalog import build_catalog
    from akhbar.config import SQL_DIR
    from akhbar.errors import OutputUnusable
    from akhbar.outdir import claim_output
    from akhbar.store import Store
    from akhbar.schemas import ARROW

    out = Path(args.output)
    try:
        if not Store(out).tables.is_dir():
            raise OutputUnusable(f"no akhbar output in {out}: run `akhbar run --output {out}` first")
        claim_output(out)
        store = Store(out)
        with store.lock():  # not while a run writes: its catalogue would be replaced by a stale one
            views = build_catalog(store, ARROW, SQL_DIR)
    except AkhbarError as exc:
        _error(str(exc))
        return exc.exit_code
    print(f"rebuilt {out / 'akhbar.duckdb'}: {len(views)} views")
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    from akhbar.flows.deploy import serve

    try:
        serve(Path(args.input), Path(args.output), args.cron or None, args.name, args.batch_size, not args.no_model,
              not args.no_bilstm, workers=args.workers, limit=args.limit)
    except AkhbarError as exc:
        _error(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    return 0


class _DropKnownErrors:
    """A logging filter: Prefect's traceback of an AkhbarError or of Ctrl-C is not shown
    (the command prints the one-line reason); any other crash keeps its traceback."""

    def filter(self, record) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if isinstance(exc, (AkhbarError, KeyboardInterrupt)):
            return False
        text = record.getMessage() if record.args or isinstance(record.msg, str) else ""
        return not ("KeyboardInterrupt" in text or "Traceback" in text and "akhbar.errors" in text)


def _quiet_known_errors() -> None:
    import logging

    import prefect.logging  # noqa: F401  (configures Prefect's handlers)
    from prefect.logging.configuration import setup_logging

    setup_logging()
    seen = set()
    for logger in [logging.getLogger(), *(logging.getLogger(n) for n in list(logging.root.manager.loggerDict))]:
        for handler in getattr(logger, "handlers", []):
            if id(handler) not in seen:
                seen.add(id(handler))
                handler.addFilter(_DropKnownErrors())


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="akhbar", description="Scraped Arabic news → validated Parquet + DuckDB")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="run the pipeline (a Prefect flow) on a file or folder")
    run.add_argument("--input", default=str(DEFAULT_INPUT), help="file or folder (recursive); default: seeds/")
    run.add_argument("--output", default=str(DEFAULT_OUTPUT), help="output folder; default: output/")
    run.add_argument("--batch-size", type=int, default=200, help="documents per task call (default 200)")
    run.add_argument("--no-model", action="store_true", help="entities by gazetteer + rules only (faster)")
    run.add_argument("--no-bilstm", action="store_true",
                     help="entities by the CRF alone, without the BiLSTM (NER 1.9x as fast, ~3 F1 less)")
    run.add_argument("--quiet", action="store_true", help="no progress bar")
    run.add_argument("--workers", type=int, default=0,
                     help="processes for the CPU-heavy stages (default: one per core; 1: single process)")
    scale = run.add_mutually_exclusive_group()
    scale.add_argument("--dask-address", help="run the batches on an existing Dask cluster (tcp://host:8786)")
    scale.add_argument("--dask-workers", type=int, default=0,
                       help="start a local Dask cluster of N worker processes for this run")
    run.set_defaults(func=_cmd_run)

    sql = sub.add_parser("sql", help="run SQL on the output database and print a table")
    sql.add_argument("query", help='SQL text, or "-" to read it from stdin')
    sql.add_argument("--output", default=str(DEFAULT_OUTPUT), help="output folder holding akhbar.duckdb")
    sql.add_argument("--format", choices=("table", "csv"), default="table")
    sql.add_argument("--limit", type=int, default=100, help="rows to print in table format (0: all)")
    sql.set_defaults(func=_cmd_sql)

    serve = sub.add_parser("serve", help="serve the flow as a Prefect deployment with a cron schedule "
                                         "(needs PREFECT_API_URL: see README, Scheduling)")
    from akhbar.flows.deploy import add_arguments

    add_arguments(serve)
    serve.set_defaults(func=_cmd_serve)

    refresh = sub.add_parser("refresh", help="rebuild akhbar.duckdb (views, search index) from the Parquet files")
    refresh.add_argument("--output", default=str(DEFAULT_OUTPUT))
    refresh.set_defaults(func=_cmd_refresh)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
