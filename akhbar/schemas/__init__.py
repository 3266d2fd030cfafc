"""The data contract in code: one pandera model and one Arrow schema per output table.

``validate_table`` checks a batch of rows against its table's model; rows that fail
come back separately with the failed checks, so the caller quarantines them in
``rejects`` and writes the rest.  A failure that is not tied to a row (a missing
column, a wrong type for the whole column) means the batch itself is wrong and
raises :class:`ContractError`.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass

import pandera.api.pandas.container
import pandera.errors
import pyarrow as pa

from akhbar.config import SCHEMA_VERSION

from akhbar.schemas import (boilerplate, documents, duplicates, entities, figures, quotes, rejects, runs, sentences,
                            stories)

MODELS = {
    "documents": documents.Documents,
    "boilerplate": boilerplate.Boilerplate,
    "sentences": sentences.Sentences,
    "entities": entities.Entities,
    "figures": figures.Figures,
    "quotes": quotes.Quotes,
    "rejects": rejects.Rejects,
    "runs": runs.Runs,
    "duplicates": duplicates.Duplicates,
    "stories": stories.Stories,
}
_PLAIN_ARROW = {
    "documents": documents.ARROW,
    "boilerplate": boilerplate.ARROW,
    "sentences": sentences.ARROW,
    "entities": entities.ARROW,
    "figures": figures.ARROW,
    "quotes": quotes.ARROW,
    "rejects": rejects.ARROW,
    "runs": runs.ARROW,
    "duplicates": duplicates.ARROW,
    "stories": stories.ARROW,
}


def _contract_schema(table: str, plain: pa.Schema) -> pa.Schema:
    """The Arrow schema as written to Parquet: a column is nullable only where the
    pandera model (and docs/data-contract.md) allows nulls, and the file says which
    table and schema version it holds (metadata ``akhbar.table``, ``akhbar.schema_version``)."""
    columns = MODELS[table].to_schema().columns
    fields = [pa.field(f.name, f.type, nullable=columns[f.name].nullable) for f in plain]
    return pa.schema(fields, metadata={"akhbar.table": table, "akhbar.schema_version": SCHEMA_VERSION})


ARROW = {name: _contract_schema(name, plain) for name, plain in _PLAIN_ARROW.items()}


def _compiled(model: type) -> pandera.api.pandas.container.DataFrameSchema:
    schema = model.to_schema()
    # of rows sharing a unique key, the first stays and the later copies are rejected
    schema.report_duplicates = "exclude_first"
    return schema


SCHEMAS = {name: _compiled(model) for name, model in MODELS.items()}


class ContractError(RuntimeError):
    """The batch as a whole does not fit the contract (a bug, not bad data)."""


@dataclass(slots=True)
class RowFailure:
    row: dict
    reason: str


def _arrow(table: str, rows: list[dict]) -> tuple[pa.Table, list[RowFailure]]:
    """Rows → typed Arrow table; rows whose values cannot take the column types fail alone."""
    schema = ARROW[table]
    try:
        return pa.Table.from_pylist(rows, schema=schema), []
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):
        good, failed = [], []
        for row in rows:
            try:
                pa.Table.from_pylist([row], schema=schema)
                good.append(row)
            except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError) as exc:
                failed.append(RowFailure(row, f"type: {exc}"))
        return pa.Table.from_pylist(good, schema=schema), failed


def validate_table(table: str, rows: list[dict]) -> tuple[pa.Table, list[RowFailure]]:
    """Check ``rows`` against ``table``'s contract: (valid rows as Arrow, failures)."""
    expected = set(ARROW[table].names)
    for row in rows:
        if row.keys() != expected:
            missing, extra = sorted(expected - row.keys()), sorted(row.keys() - expected)
            raise ContractError(f"{table}: rows do not have the contract's columns (missing {missing}, extra {extra})")
    arrow, failures = _arrow(table, rows)
    if arrow.num_rows == 0:
        return arrow, failures
    df = arrow.to_pandas()
    try:
        SCHEMAS[table].validate(df, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        if cases["index"].isna().any():
            raise ContractError(f"{table}: batch does not fit the contract:\n{cases[cases['index'].isna()]}") from exc
        reasons: dict[int, list[str]] = defaultdict(list)
        for idx, context, column, check in zip(
            cases["index"], cases["schema_context"], cases["column"], cases["check"]
        ):
            if check == "multiple_fields_uniqueness":
                check = f"duplicate {'/'.join(MODELS[table].Config.unique)}"
            # dataframe-wide checks are reported once, not once per column
            reasons[int(idx)].append(str(check) if context == "DataFrameSchema" else f"{column}: {check}")
        bad = sorted(reasons)
        keep = [i not in reasons for i in range(arrow.num_rows)]
        arrow_rows = arrow.to_pylist()
        failures += [RowFailure(arrow_rows[i], f"schema {table}: " + "; ".join(sorted(set(reasons[i])))) for i in bad]
        arrow = arrow.filter(pa.array(keep))
    return arrow, failures


# Columns that change from run to run: left out of payloads so a rerun that rejects the
# same row again produces the same reject_id (and is not stored twice).
_VOLATILE = frozenset({"run_id", "ingested_at", "rejected_at"})


def row_payload(row: dict, limit: int = 500) -> str:
    stable = {k: v for k, v in row.items() if k not in _VOLATILE}
    return json.dumps(stable, ensure_ascii=False, default=str)[:limit]
