"""Bookkeeping of runs: the ``runs`` row, runs a killed process left ``running``, and
rejects of failures that a later run fixed."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

import pyarrow as pa

from akhbar.config import PIPELINE_VERSION, SCHEMA_VERSION
from akhbar.schemas import ARROW, validate_table
from akhbar.store import Store


NON_FIGURES = "non_figures:"
"""Prefix of the run's counts of numbers turned away by a figure guard («non_figures:identifier»)."""


def non_figures(counts: Counter) -> str:
    """``runs.non_figures``: a JSON object, guard reason → numbers it turned away in the
    documents this run wrote (keys of :data:`akhbar.figures.guards.REASONS`), sorted by reason."""
    found = {key[len(NON_FIGURES):]: n for key, n in counts.items() if key.startswith(NON_FIGURES) and n}
    return json.dumps(dict(sorted(found.items())), ensure_ascii=False)


def run_row(run_id: str, started: dt.datetime, status: str, input_path: str, counts: Counter,
            seconds: float | None) -> pa.Table:
    """The run's row in ``runs`` (checked against the contract)."""
    row = {
        "run_id": run_id,
        "started_at": started,
        "finished_at": dt.datetime.now(dt.timezone.utc) if status != "running" else None,
        "status": status,
        "input_path": input_path,
        "inputs_seen": counts["inputs"],
        "documents_unchanged": counts["unchanged"],
        **{name: counts[name] for name in ("documents", "boilerplate", "sentences", "entities", "figures", "quotes",
                                           "rejects")},
        "duplicates": counts["duplicates"],
        "seconds": seconds,
        "version": PIPELINE_VERSION,
        "schema_version": SCHEMA_VERSION,
        "non_figures": non_figures(counts),
    }
    table, failures = validate_table("runs", [row])
    if failures:
        raise RuntimeError(f"runs row does not fit the contract: {failures[0].reason}")
    return table



def close_dead_runs(store: Store) -> list[str]:
    """Runs left ``running`` by a process that was killed: they are ``failed`` (finished_at
    stays null).  Called under the folder's lock, so no live run can be among them."""
    runs = store.read_table("runs")
    dead = []
    for row in runs.to_pylist() if runs is not None else []:
        if row["status"] == "running":
            row = {name: row.get(name) for name in ARROW["runs"].names}  # a row of an older schema: new columns null
            row["status"] = "failed"
            table, failures = validate_table("runs", [row])
            if not failures:
                store.write_run(row["run_id"], table)
                dead.append(row["run_id"])
    return dead


def drop_stale_rejects(store: Store) -> int:
    """Rejects "processing failed" of documents a later run stored: the failure is fixed."""
    rejects = store.read_table("rejects", ["reject_id", "reason", "doc_id"])
    if rejects is None or not rejects.num_rows:
        return 0
    stored = store.known_doc_ids()
    stale = {rid for rid, reason, doc_id in zip(*(rejects.column(c).to_pylist() for c in ("reject_id", "reason", "doc_id")))
             if doc_id in stored and reason.startswith("processing failed")}
    return store.remove_rows("rejects", "reject_id", stale)
