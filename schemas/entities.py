"""``entities``: named-entity mentions (people, organisations, places) with canonical names."""

from __future__ import annotations

import pandera.pandas as pa
import pyarrow
from pandera.typing import DataFrame, Series

from akhbar.config import ENTITY_LABELS
from schemas._common import DOC_ID_PATTERN, F64, I32, STR

ARROW = pyarrow.schema(
    [
        ("doc_id", STR),
        ("sentence_idx", I32),
        ("start_char", I32),
        ("end_char", I32),
        ("text", STR),
        ("label", STR),
        ("canonical", STR),
        ("canonical_en", STR),
        ("confidence", F64),
    ]
)


class Entities(pa.DataFrameModel):
    doc_id: Series[str] = pa.Field(str_matches=DOC_ID_PATTERN)
    sentence_idx: Series[int] = pa.Field(ge=0)
    start_char: Series[int] = pa.Field(ge=0)
    end_char: Series[int] = pa.Field(ge=1)
    text: Series[str] = pa.Field(str_length={"min_value": 1, "max_value": 200})
    label: Series[str] = pa.Field(isin=list(ENTITY_LABELS))
    canonical: Series[str] = pa.Field(str_length={"min_value": 1})
    canonical_en: Series[str] = pa.Field(nullable=True)
    confidence: Series[float] = pa.Field(ge=0.0, le=1.0)

    @pa.dataframe_check
    def span_matches_text(cls, df: DataFrame) -> Series[bool]:
        return (df["end_char"] - df["start_char"]) == df["text"].str.len()

    class Config:
        strict = True
        coerce = True
        unique = ["doc_id", "start_char", "end_char"]
