"""Every table of a batch checked against the data contract; what fails becomes a reject.

The reject cascade: a document that fails its checks takes its sentences, entities,
figures, quotes and boilerplate rows with it (each recorded in ``rejects`` with the
reason), so no child row points at a missing document; a child row that fails alone is
rejected alone.  Documents whose worker process was killed (twice) are rejects too.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

import pyarrow as pa
import pyarrow.compute  # noqa: F401  (pa.compute)

from akhbar import pipeline
from akhbar.models import Reject
from akhbar.runs import NON_FIGURES
from akhbar.schemas import RowFailure, row_payload, validate_table
from akhbar.tables import CHILD_TABLES, document_rows, reject_rows


class ValidatedBatch:
    """Valid rows per table (Arrow), reject rows, and row counts of one batch."""

    __slots__ = ("tables", "rejects", "counts", "timings")

    def __init__(self, tables: dict[str, pa.Table], rejects: list[dict], counts: Counter,
                 timings: Counter | None = None) -> None:
        self.tables, self.rejects, self.counts = tables, rejects, counts
        self.timings = timings or Counter()  # seconds per pipeline step


def validate_batch(batch: list[pipeline.DocState], ingest_rejects: list[Reject], run_id: str, now: dt.datetime,
                   payload_chars: int, timings: Counter | None = None) -> ValidatedBatch:
    """Check every table against its pandera model; failing rows go to rejects.

    A rejected document takes its sentences, entities, figures and boilerplate rows
    with it (each recorded in rejects), so no child row points at a missing document.
    """
    # documents whose worker process was killed (twice) are rejects; the batch goes on
    killed = [Reject(s.raw.source_path, "documents", f"processing failed: {s.failure}",
                     s.raw.raw_text[:payload_chars], s.doc_id) for s in batch if s.failure]
    batch = [s for s in batch if not s.failure]
    rows = document_rows(batch, run_id, now)
    rejects = reject_rows(ingest_rejects + killed, run_id, now)
    tables: dict[str, pa.Table] = {}
    bad_docs: dict[str, str] = {}
    # a document the cleaner emptied (every line was page furniture) is a reject with that
    # reason, not a schema failure on its empty text
    doc_rows = []
    removed: Counter | None = None  # removed lines per document, counted only when one is emptied
    for row in rows["documents"]:
        if not (row.get("clean_text") or "").strip():
            if removed is None:
                removed = Counter(r["doc_id"] for r in rows["boilerplate"] if r.get("removed"))
            n_lines = len((row.get("raw_text") or "").splitlines())
            bad_docs[row["doc_id"]] = (f"no text left after cleaning ({removed[row['doc_id']]} of its {n_lines} "
                                       "lines removed as boilerplate)")
            rejects.append(failure_row(RowFailure(row, bad_docs[row["doc_id"]]), "documents",
                                       row.get("source_path", ""), run_id, now, payload_chars))
        else:
            doc_rows.append(row)
    docs_table, failures = validate_table("documents", doc_rows)
    tables["documents"] = docs_table
    for f in failures:
        doc_id = f.row.get("doc_id")
        bad_docs[doc_id] = f.reason
        rejects.append(failure_row(f, "documents", f.row.get("source_path", ""), run_id, now, payload_chars))
    for name in CHILD_TABLES:
        kept = []
        for row in rows[name]:
            if row["doc_id"] in bad_docs:
                reason = f"document rejected ({bad_docs[row['doc_id']]})"
                rejects.append(failure_row(RowFailure(row, reason), name, row["doc_id"], run_id, now, payload_chars))
            else:
                kept.append(row)
        table, failures = validate_table(name, kept)
        tables[name] = table
        rejects += [failure_row(f, name, f.row.get("doc_id", ""), run_id, now, payload_chars) for f in failures]
    counts = Counter({name: t.num_rows for name, t in tables.items()})
    # the boilerplate table also audits doubtful lines that were kept: count removals only
    counts["boilerplate"] = pa.compute.sum(tables["boilerplate"].column("removed")).as_py() or 0
    # numbers the figures step turned away, by guard, in the documents written (runs.non_figures)
    for state in batch:
        if state.doc_id not in bad_docs:
            for reason, n in state.non_figures.items():
                counts[NON_FIGURES + reason] += n
    return ValidatedBatch(tables, rejects, counts, timings)


def failure_row(f: RowFailure, table: str, source: str, run_id: str, now: dt.datetime, limit: int) -> dict:
    """The reject row of one row that failed its checks."""
    return reject_rows([Reject(source or "", table, f.reason, row_payload(f.row, limit), f.row.get("doc_id"))],
                       run_id, now)[0]


def fresh_rejects(rejects: Iterable[dict], known: frozenset[str]) -> pa.Table:
    """Reject rows not already stored (by an earlier run or earlier in this batch), checked
    against the contract: a reject row that breaks it is a bug and fails loudly."""
    fresh, seen = [], set()
    for r in rejects:
        if r["reject_id"] not in known and r["reject_id"] not in seen:
            seen.add(r["reject_id"])
            fresh.append(r)
    table, failures = validate_table("rejects", fresh)
    if failures:
        raise RuntimeError(f"reject rows do not fit the contract: {[f.reason for f in failures][:3]}")
    return table
