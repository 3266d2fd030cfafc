"""The contract: pandera models quarantine bad rows; code and docs/data-contract.md agree."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pyarrow as pa
import pytest

from akhbar.config import SCHEMA_VERSION
from akhbar.schemas import ARROW, MODELS, ContractError, validate_table

DOC = (Path(__file__).resolve().parent.parent / "docs" / "data-contract.md").read_text(encoding="utf-8")
GOOD = "0123456789abcdef"
NOW = dt.datetime(2024, 10, 28, 12, 56, tzinfo=dt.timezone.utc)

TYPE_NAMES = {
    "string": pa.string(), "int32": pa.int32(), "double": pa.float64(), "bool": pa.bool_(),
    "timestamp (UTC)": pa.timestamp("us", tz="UTC"), "date": pa.date32(), "list<string>": pa.list_(pa.string()),
}


def _doc_columns(table: str) -> list[tuple[str, str, str]]:
    section = re.search(rf"^## {table}\n(.*?)(?=^## )", DOC, re.S | re.M)
    assert section, f"docs/data-contract.md has no section for {table}"
    return re.findall(r"^\| (\w+) \| ([^|]+?) \| (yes|no) \|", section.group(1), re.M)


@pytest.mark.parametrize("table", sorted(ARROW))
def test_contract_document_matches_code(table: str):
    documented = _doc_columns(table)
    assert [c for c, _, _ in documented] == ARROW[table].names
    for (name, type_name, nullable), field in zip(documented, ARROW[table]):
        assert TYPE_NAMES[type_name] == field.type, f"{table}.{name}"
        column = MODELS[table].to_schema().columns[name]
        assert column.nullable == (nullable == "yes"), f"{table}.{name} nullability"


def _doc_row(**over):
    row = {"doc_id": GOOD, "source_path": "seeds/x.txt", "source": "seeds", "url": None, "title": "عنوان",
           "byline": None, "byline_person": None, "byline_outlet": None, "dateline_place": None,
           "section": None, "published_at": NOW, "updated_at": None, "scraped_at": None,
           "raw_text": "نص", "clean_text": "نص", "n_paragraphs": 1, "n_sentences": 1, "format": "txt",
           "run_id": "r", "ingested_at": NOW, "pipeline_version": "v", "story_id": None}
    row.update(over)
    return row


def test_bad_document_rows_are_quarantined_with_the_failed_check():
    rows = [
        _doc_row(),
        _doc_row(doc_id="fedcba9876543210", clean_text=""),  # everything was boilerplate
        _doc_row(doc_id="not-a-hash"),
        _doc_row(doc_id="1111111111111111", format="pdf"),
    ]
    table, failures = validate_table("documents", rows)
    assert table.column("doc_id").to_pylist() == [GOOD]
    reasons = {f.row["doc_id"]: f.reason for f in failures}
    assert "clean_text: str_length" in reasons["fedcba9876543210"]
    assert "doc_id: str_matches" in reasons["not-a-hash"]
    assert "format: isin" in reasons["1111111111111111"]


def test_wrong_types_fail_one_row_not_the_batch():
    rows = [_doc_row(), _doc_row(doc_id="fedcba9876543210", n_sentences="many")]
    table, failures = validate_table("documents", rows)
    assert table.num_rows == 1 and failures[0].reason.startswith("type:")


def _fig(**over):
    row = {"doc_id": GOOD, "sentence_idx": 0, "start_char": 0, "end_char": 12, "text": "10 آلاف جندي",
           "value": 10000.0, "value_low": 10000.0, "value_high": 10000.0, "qualifier": "exact", "kind": "count",
           "unit": "جندي", "magnitude": None, "date_value": None, "subject": "جندي", "subject_key": "جندي"}
    row.update(over)
    return row


def test_figure_checks():
    rows = [
        _fig(),
        _fig(qualifier="roughly"),
        _fig(value_low=20.0, value_high=10.0),
        _fig(value=None, value_low=None, value_high=None),  # resolves to nothing
        _fig(end_char=5),  # span does not match text
        _fig(value=None, value_low=None, value_high=None, kind="date", unit="month", date_value=dt.date(2023, 2, 1),
             text="فبراير/ شباط 2023", end_char=17),
        # historical dates are valid (pandas timestamps stop at 1677)
        _fig(value=None, value_low=None, value_high=None, kind="date", unit="day", date_value=dt.date(1258, 2, 10),
             text="10 فبراير 1258", end_char=14, start_char=0),
    ]
    table, failures = validate_table("figures", rows)
    assert table.num_rows == 3
    assert sorted(f.reason.split(": ", 1)[1] for f in failures) == sorted(
        ["qualifier: isin(['exact', 'approx', 'more_than', 'less_than', 'up_to', 'range'])",
         "bounds_ordered", "something_resolved", "span_matches_text"]
    )


def test_entity_and_sentence_checks():
    ents = [{"doc_id": GOOD, "sentence_idx": 0, "start_char": 3, "end_char": 12, "text": "مارك روته", "label": "PER",
             "canonical": "مارك روته", "canonical_en": None, "confidence": 0.9,
             "entity_id": "e0123456789abcde", "name": "مارك روته", "alias": "مارك روته", "alias_key": "ماركروته",
             "lat": None, "lon": None, "country_code": None}]
    assert validate_table("entities", ents)[0].num_rows == 1
    bad = [dict(ents[0], label="PERSON"), dict(ents[0], start_char=4, confidence=1.5),
           dict(ents[0], entity_id="x1"), dict(ents[0], lat=95.0, country_code="sa")]
    table, failures = validate_table("entities", bad)
    assert table.num_rows == 0 and len(failures) == 4
    sents = [{"doc_id": GOOD, "sentence_idx": 0, "paragraph_idx": 0, "start_char": 0, "end_char": 2, "text": "نص"},
             {"doc_id": GOOD, "sentence_idx": 0, "paragraph_idx": 0, "start_char": 3, "end_char": 5, "text": "نص"},
             {"doc_id": GOOD, "sentence_idx": 1, "paragraph_idx": 0, "start_char": 6, "end_char": 9, "text": "نص"}]
    table, failures = validate_table("sentences", sents)
    assert table.to_pylist() == [sents[0]], "the first of two rows with one key stays"
    reasons = sorted(f.reason for f in failures)
    assert reasons == ["schema sentences: duplicate doc_id/sentence_idx", "schema sentences: span_matches_text"]


def test_a_batch_missing_a_column_fails_loudly():
    row = _fig()
    del row["unit"]
    with pytest.raises(ContractError, match=r"missing \['unit'\]"):
        validate_table("figures", [_fig(), row])
    with pytest.raises(ContractError, match=r"extra \['colour'\]"):
        validate_table("figures", [_fig(colour="red")])


def test_written_tables_follow_the_contract_with_nullability(seeds_output: Path):
    """Every table exists after a run (rejects too, with no reject), and every table's
    schema (the Delta table's and each of its Parquet files') is the contract's: column
    names, types, nullable exactly where the doc says "null: yes"."""
    import pyarrow.parquet as pq
    from deltalake import DeltaTable

    for table in ARROW:
        path = seeds_output / "tables" / table
        assert (path / "_delta_log").is_dir(), f"no Delta table for {table}"
        conf = DeltaTable(str(path)).metadata().configuration
        assert conf.get("akhbar.table") == table and conf.get("akhbar.schema_version") == SCHEMA_VERSION, conf
        schemas = [DeltaTable(str(path)).to_pyarrow_table().schema]
        schemas += [pq.read_schema(f) for f in sorted(path.glob("*.parquet"))]
        documented = _doc_columns(table)
        for schema in schemas:
            assert schema.names == [c for c, _, _ in documented], table
            for name, type_name, nullable in documented:
                field = schema.field(name)
                assert field.type == TYPE_NAMES[type_name], f"{table}.{name}"
                assert field.nullable == (nullable == "yes"), f"{table}.{name}: nullable {field.nullable}"