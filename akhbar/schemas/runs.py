"""``runs``: one row per pipeline run, with counts per table."""

from __future__ import annotations

import json

import pandas as pd
import pandera.pandas as pa
import pyarrow
from pandera.typing import Series

from akhbar.schemas._common import F64, I32, STR, TS

COUNTED = (
    "documents",
    "boilerplate",
    "sentences",
    "entities",
    "figures",
    "quotes",
    "rejects",
)

ARROW = pyarrow.schema(
    [
        ("run_id", STR),
        ("started_at", TS),
        ("finished_at", TS),
        ("status", STR),
        ("input_path", STR),
        ("inputs_seen", I32),
        ("documents_unchanged", I32),
        *[(name, I32) for name in COUNTED],
        ("duplicates", I32),
        ("seconds", F64),
        ("version", STR),
        ("schema_version", STR),
        ("non_figures", STR),
    ]
)


def _count_per_reason(value) -> bool:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return True
    try:
        obj = json.loads(value)
    except (TypeError, ValueError):
        return False
    return isinstance(obj, dict) and all(
        isinstance(k, str) and isinstance(n, int) and not isinstance(n, bool) and n >= 0 for k, n in obj.items())


class Runs(pa.DataFrameModel):
    run_id: Series[str] = pa.Field(unique=True)
    started_at: Series[pd.DatetimeTZDtype] = pa.Field(dtype_kwargs={"unit": "us", "tz": "UTC"})
    finished_at: Series[pd.DatetimeTZDtype] = pa.Field(nullable=True, dtype_kwargs={"unit": "us", "tz": "UTC"})
    status: Series[str] = pa.Field(isin=["running", "completed", "failed"])
    input_path: Series[str]
    inputs_seen: Series[int] = pa.Field(ge=0)
    documents_unchanged: Series[int] = pa.Field(ge=0)
    documents: Series[int] = pa.Field(ge=0)
    boilerplate: Series[int] = pa.Field(ge=0)
    sentences: Series[int] = pa.Field(ge=0)
    entities: Series[int] = pa.Field(ge=0)
    figures: Series[int] = pa.Field(ge=0)
    quotes: Series[int] = pa.Field(ge=0)
    rejects: Series[int] = pa.Field(ge=0)
    duplicates: Series[int] = pa.Field(ge=0)
    seconds: Series[float] = pa.Field(ge=0, nullable=True)
    version: Series[str]
    schema_version: Series[str]
    # JSON object: figure guard reason -> numbers it turned away (null in runs before schema 1.5.0)
    non_figures: Series[str] = pa.Field(nullable=True)

    @pa.check("non_figures")
    def non_figures_is_a_count_per_reason(cls, s: Series[str]) -> Series[bool]:
        return s.map(_count_per_reason)

    class Config:
        strict = True
        coerce = True
