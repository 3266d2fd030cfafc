"""Serve the main flow as a Prefect deployment with a cron schedule.

    prefect server start --host 127.0.0.1 --port 4200 --analytics-off      # terminal 1
    export PREFECT_API_URL=http://127.0.0.1:4200/api
    akhbar serve --input /data/scrapes --output /data/akhbar --cron "0 6 * * *"   # terminal 2
    prefect deployment run 'akhbar-run/akhbar' --watch                       # any time

``serve`` keeps a process running that polls the server for scheduled or triggered
runs of the deployment and executes them; stop it with Ctrl-C.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import akhbar.flows._env  # noqa: F401  (Prefect settings before prefect is imported)

from akhbar.config import DEFAULT_INPUT, DEFAULT_OUTPUT


def serve(input_path: Path, output_dir: Path, cron: str | None, name: str, batch_size: int = 200,
          use_ner_model: bool = True, ner_bilstm: bool = True, workers: int = 0, limit: int = 1) -> None:
    """Serve ``akhbar-run`` with ``cron``; at most ``limit`` runs at once (later ones queue)."""
    from akhbar.outdir import check_input, claim_output

    check_input(Path(input_path))  # a typo fails now, not at 06:00 tomorrow
    claim_output(Path(output_dir))
    if not os.environ.get("PREFECT_API_URL"):
        raise SystemExit(
            "akhbar serve needs a Prefect server: start one with\n"
            "  prefect server start --host 127.0.0.1 --port 4200 --analytics-off\n"
            "and export PREFECT_API_URL=http://127.0.0.1:4200/api"
        )
    from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy

    from akhbar.flows.akhbar_flow import akhbar_run

    akhbar_run.serve(
        name=name,
        cron=cron,
        parameters={
            "input_path": str(Path(input_path).resolve()),
            "output_dir": str(Path(output_dir).resolve()),
            "batch_size": batch_size,
            "use_ner_model": use_ner_model,
            "ner_bilstm": ner_bilstm,
            "workers": workers,
        },
        description="akhbar: scraped Arabic news → validated Parquet + DuckDB",
        tags=["akhbar"],
        # runs that overlap (a slow run and the next schedule, a manual trigger) wait their turn:
        # two runs on one output folder would otherwise fail on its lock
        global_limit=ConcurrencyLimitConfig(limit=limit, collision_strategy=ConcurrencyLimitStrategy.ENQUEUE),
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--input", default=str(DEFAULT_INPUT), help="folder to process on every run")
    parser.add_argument("--output", default=str(DEFAULT_OUTPUT), help="output folder")
    parser.add_argument("--cron", default="0 6 * * *", help='cron schedule (default "0 6 * * *"); "" for none')
    parser.add_argument("--name", default="akhbar", help="deployment name (default akhbar)")
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--no-model", action="store_true")
    parser.add_argument("--no-bilstm", action="store_true", help="CRF alone, without the BiLSTM average (faster NER)")
    parser.add_argument("--workers", type=int, default=0,
                        help="processes for the CPU-heavy stages of each run (default: one per core)")
    parser.add_argument("--limit", type=int, default=1,
                        help="runs of this deployment at once (default 1: overlapping runs queue)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m akhbar.flows.deploy", description=__doc__.split("\n")[0])
    add_arguments(parser)
    args = parser.parse_args(argv)
    serve(Path(args.input), Path(args.output), args.cron or None, args.name, args.batch_size, not args.no_model,
          not args.no_bilstm, workers=args.workers, limit=args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
