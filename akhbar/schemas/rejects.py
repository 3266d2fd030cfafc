"""``rejects``: inputs and rows that could not be ingested or failed a schema check."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
import pyarrow
from pandera.typing import Series

from akhbar.schemas._common import STR, TS

ARROW = pyarrow.schema(
    [
        ("reject_id", STR),
        ("source", STR),
        ("table", STR),
        ("reason", STR),
        ("payload", STR),
        ("doc_id", STR),
        ("run_id", STR),
        ("rejected_at", TS),
    ]
)


class Rejects(pa.DataFrameModel):
    reject_id: Series[str]
    source: Series[str]
    table: Series[str]
    reason: Series[str] = pa.Field(str_length={"min_value": 1})
    payload: Series[str]
    doc_id: Series[str] = pa.Field(nullable=True)
    run_id: Series[str]
    rejected_at: Series[pd.DatetimeTZDtype] = pa.Field(dtype_kwargs={"unit": "us", "tz": "UTC"})

    class Config:
        strict = True
        coerce = True
