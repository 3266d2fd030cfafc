"""The figure guards' counts reach the run: ``runs.non_figures`` says, for a run, how many
numbers each guard turned away (issue #24)."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import duckdb

from akhbar.figures import REASONS, audit_figures
from akhbar.ingest import doc_id_for
from akhbar.models import RawDocument
from akhbar.pipeline import DocState
from akhbar.runs import run_row
from akhbar.steps import Clean, Figures, Split
from akhbar.validation import validate_batch
from tests.conftest import SEEDS

NOW = dt.datetime(2024, 10, 28, tzinfo=dt.timezone.utc)


def _seed_state(name: str) -> DocState:
    path = SEEDS / name
    text = path.read_text(encoding="utf-8")
    return DocState(doc_id_for(text), RawDocument(source_path=str(path), raw_text=text, scraped_at=NOW))


def test_audit_names_the_guard():
    figures, turned_away = audit_figures("وتنص المادة 4 من النظام على أن 25 موظفا يعملون في رؤية 2030.")
    assert [f.value for f in figures] == [25.0]
    assert turned_away == Counter({"identifier": 2})
    assert set(turned_away) <= set(REASONS)


def test_a_run_on_real_text_records_the_reasons():
    # seeds/003, a real article, names «برنامج "60 دقيقة"» and «قناة "روسيا-1"»: identifiers, not figures
    batch = [_seed_state("003_ed48a85660a44ac6.txt"), _seed_state("000_a09b7958db38c890.txt")]
    for step in (Clean(), Split(), Figures()):
        batch = step(batch)
    assert batch[0].non_figures["identifier"] >= 1
    validated = validate_batch(batch, [], "r", NOW, 200)
    assert validated.tables["documents"].num_rows == 2
    row = run_row("r", NOW, "completed", "seeds", validated.counts, 1.0).to_pylist()[0]
    non_figures = json.loads(row["non_figures"])
    assert non_figures["identifier"] >= 1
    assert set(non_figures) <= set(REASONS) and all(n > 0 for n in non_figures.values())
    # summed over the documents written
    total = sum((s.non_figures for s in batch), Counter())
    assert non_figures == dict(total)


def test_a_rejected_document_adds_nothing():
    batch = [_seed_state("003_ed48a85660a44ac6.txt")]
    for step in (Clean(), Split(), Figures()):
        batch = step(batch)
    batch[0].failure = "killed"
    validated = validate_batch(batch, [], "r", NOW, 200)
    row = run_row("r", NOW, "completed", "seeds", validated.counts, 1.0).to_pylist()[0]
    assert row["non_figures"] == "{}"


def test_the_runs_table_of_a_pipeline_run_has_the_counts(seeds_output: Path):
    """The pipeline run on seeds/ (the flow, as users run it) records its reasons in ``runs``."""
    con = duckdb.connect(str(seeds_output / "akhbar.duckdb"), read_only=True)
    (raw,) = con.execute("select non_figures from runs where status = 'completed'").fetchone()
    assert json.loads(raw)["identifier"] >= 1
    n = con.execute("select sum(j.value::int) from runs, json_each(runs.non_figures) j "
                    "where j.key = 'identifier'").fetchone()[0]
    assert n >= 1
